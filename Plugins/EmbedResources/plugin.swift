import Foundation
import PackagePlugin

/// Compiles the files of a target's `Resources` folder into the target: one generated Swift source,
/// `EmbeddedResources.swift`, holding each file's bytes as a base64 string literal keyed by its name, so that a copied
/// `hearsay` needs no folder beside it.
///
/// The command is a short POSIX shell script (`/bin/sh`, `base64`), not a build tool compiled from source: such a
/// tool would be built with the fuzz build's `-sanitize=fuzzer` and get libFuzzer's `main` (`scripts/fuzz.sh`). Every
/// resource is an input of the command, so editing one regenerates the source. Base64 keeps every byte as it is
/// (line endings, tabs, text that would end a raw string), and a string literal compiles in a fraction of a second,
/// where a `[UInt8]` literal of the same size takes the type checker far longer.
@main struct EmbedResources: BuildToolPlugin {
    /// `sh -c SCRIPT embed OUTPUT FILE...`: writes OUTPUT from the FILEs (names are file names without quotes).
    static let script = #"""
        out="$1"; shift
        {
          printf '// Generated at build time by the EmbedResources plugin from Sources/Hearsay/Resources: do not edit.\n\n'
          printf 'enum EmbeddedResources {\n    /// File name -> the file'"'"'s bytes in base64.\n'
          printf '    static let base64: [String: String] = [\n'
          for f in "$@"; do
            printf '        "%s": "%s",\n' "${f##*/}" "$(base64 < "$f" | tr -d '\n')"
          done
          [ $# -gt 0 ] || printf '        :\n'
          printf '    ]\n}\n'
        } > "$out.tmp" && mv "$out.tmp" "$out"
        """#

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        // `Target.directory` (a Path) because `directoryURL` needs tools version 6.1.
        let folder = URL(fileURLWithPath: target.directory.string).appendingPathComponent("Resources")
        let inputs = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { !$0.hasPrefix(".") && !$0.contains("\"") && !$0.contains("\\") }
            .sorted()
            .map { folder.appendingPathComponent($0) }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedResources.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) resources of \(target.name)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", Self.script, "embed", output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
