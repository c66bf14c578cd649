import ArgumentParser
import Foundation
import Hearsay

struct ExportCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case webAnnotation = "web-annotation"
    }

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write quotes and claims in a format other tools read: W3C Web Annotation (JSON-LD).",
        discussion: """
            web-annotation: one AnnotationCollection with one annotation per quote and per claim; each target is \
            the document's URL (metadata.url, else its id) with a TextQuoteSelector (exact, prefix, suffix) and a \
            TextPositionSelector (start, end) in the normalized text, and the bodies give kind, speaker, value and \
            rule. Reads knowledge files and JSON Lines output. Same input, same bytes. Details: docs/views.md.
            """)

    @Argument(help: "Knowledge files or .jsonl files of knowledge documents (default: knowledge.json).")
    var files: [String] = []

    @Option(name: .long, help: "The output format.")
    var format: Format

    @Option(
        name: .shortAndLong, help: "Output file, written to a temporary name and renamed into place (default: stdout).")
    var output: String?

    func run() throws {
        try reportingErrors {
            let data = try WebAnnotationExport.export(paths: files.isEmpty ? ["knowledge.json"] : files)
            guard let output, output != "-" else {
                FileHandle.standardOutput.write(data)
                return
            }
            let out = try AtomicFile(path: output)
            try out.write(data)
            try out.commit()
        }
    }
}
