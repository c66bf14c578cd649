import Foundation
import PackagePlugin

/// Compiles the files of a target's `Resources` folder into the target: one generated Swift source,
/// `EmbeddedResources.swift`, holding each file's bytes as a base64 string literal keyed by its name, so that a copied
/// `hearsay` needs no folder beside it.
///
/// The plugin writes the source itself, while SwiftPM plans the build (it runs the plugin on every build), and
/// rewrites it only when a resource changed, so an unchanged folder recompiles nothing. The prebuild command that
/// hands the folder to SwiftPM runs the system's `true`: a build tool compiled from source would be built with the
/// fuzz build's `-sanitize=fuzzer` and get libFuzzer's `main` (`scripts/fuzz.sh`). Base64 keeps every byte as it is
/// (line endings, tabs, text that would end a raw string), and a string literal compiles in a fraction of a second,
/// where a `[UInt8]` literal of the same size takes the type checker far longer.
@main struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        // `Target.directory` (a Path) because `directoryURL` needs tools version 6.1.
        let folder = URL(fileURLWithPath: target.directory.string).appendingPathComponent("Resources")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { !$0.hasPrefix(".") }
            .sorted()
        var text = """
            // Generated at build time by the EmbedResources plugin from Sources/Hearsay/Resources: do not edit.

            enum EmbeddedResources {
                /// File name -> the file's bytes in base64.
                static let base64: [String: String] = [

            """
        for name in names {
            let path = folder.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw EmbedError(message: "EmbedResources: cannot read \(path)")
            }
            let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            text += "        \"\(escaped)\": \"\(data.base64EncodedString())\",\n"
        }
        text += names.isEmpty ? "        :]\n}\n" : "    ]\n}\n"
        let outputs = context.pluginWorkDirectoryURL.appendingPathComponent("Generated")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        let output = outputs.appendingPathComponent("EmbeddedResources.swift")
        if FileManager.default.contents(atPath: output.path) != Data(text.utf8) {
            try Data(text.utf8).write(to: output, options: .atomic)
        }
        return [
            .prebuildCommand(
                displayName: "Embedding \(names.count) resources of \(target.name)",
                executable: URL(fileURLWithPath: "/usr/bin/env"),
                arguments: ["true"],
                outputFilesDirectory: outputs)
        ]
    }
}

struct EmbedError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
