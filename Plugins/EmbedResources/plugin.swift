import Foundation
import PackagePlugin

/// Compiles the files of a target's `Resources` folder into the target: one generated Swift source that holds each
/// file's bytes, so that a copied `hearsay` needs no folder beside it. The generated file is rebuilt when a resource
/// changes (every file is an input of the command).
@main struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        // `Target.directory` (a Path) because `directoryURL` needs tools version 6.1.
        let folder = URL(fileURLWithPath: target.directory.string).appendingPathComponent("Resources")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { !$0.hasPrefix(".") }
            .sorted()
        let inputs = names.map { folder.appendingPathComponent($0) }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedResources.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) resources of \(target.name)",
                executable: try context.tool(named: "EmbedResourcesTool").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
