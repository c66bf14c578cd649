import Foundation

// usage: EmbedResourcesTool OUTPUT.swift FILE...
// Writes a Swift source with one base64 string literal per FILE, keyed by the file's name. Base64 keeps every byte
// as it is (line endings, tabs, any text that would end a raw string) and a string literal compiles in a fraction
// of a second, where a [UInt8] literal of the same size takes the type checker far longer.
let args = CommandLine.arguments.dropFirst()
guard let outputPath = args.first else {
    FileHandle.standardError.write(Data("usage: EmbedResourcesTool OUTPUT.swift FILE...\n".utf8))
    exit(64)
}
var text = """
    // Generated at build time by the EmbedResources plugin from Sources/Hearsay/Resources: do not edit.

    enum EmbeddedResources {
        /// File name -> the file's bytes in base64.
        static let base64: [String: String] = [

    """
for path in args.dropFirst().sorted(by: { ($0 as NSString).lastPathComponent < ($1 as NSString).lastPathComponent }) {
    let name = (path as NSString).lastPathComponent
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("EmbedResourcesTool: cannot read \(path)\n".utf8))
        exit(1)
    }
    let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    text += "        \"\(escaped)\": \"\(data.base64EncodedString())\",\n"
}
text += args.count > 1 ? "    ]\n}\n" : "        :]\n}\n"
// Rewrite only on a change, so that an unchanged resource folder does not recompile the target.
let outputURL = URL(fileURLWithPath: outputPath)
if FileManager.default.contents(atPath: outputPath) != Data(text.utf8) {
    do {
        try Data(text.utf8).write(to: outputURL, options: .atomic)
    } catch {
        FileHandle.standardError.write(Data("EmbedResourcesTool: cannot write \(outputPath): \(error)\n".utf8))
        exit(1)
    }
}
