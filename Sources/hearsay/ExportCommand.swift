import ArgumentParser
import Foundation
import Hearsay
import HearsayStore

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
            rule. Reads knowledge files and JSON Lines output, or with --db a store built by hearsay index (its \
            speakers are then the names merged across documents). Same input, same bytes. Details: docs/views.md.
            """)

    @Argument(help: "Knowledge files or .jsonl files of knowledge documents (default: knowledge.json).")
    var files: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp("Read this store (hearsay index) instead of knowledge files.", valueName: "store"))
    var db: String?

    @Option(name: .long, help: "The output format.")
    var format: Format

    @Option(
        name: .shortAndLong, help: "Output file, written to a temporary name and renamed into place (default: stdout).")
    var output: String?

    func validate() throws {
        if db != nil && !files.isEmpty {
            throw ValidationError("--db reads a store instead of FILEs: give one or the other")
        }
    }

    func run() throws {
        try reportingErrors {
            let data =
                if let db {
                    try WebAnnotationExport.export(try CorpusStore(path: db).annotationSources())
                } else {
                    try WebAnnotationExport.export(paths: files.isEmpty ? ["knowledge.json"] : files)
                }
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
