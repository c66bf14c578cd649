import ArgumentParser
import Foundation
import Hearsay

extension RowFormat: ExpressibleByArgument {}

/// Options shared by the flat views (`quotes`, `claims`).
struct ViewOptions: ParsableArguments {
    @Argument(help: "Knowledge files or .jsonl files of knowledge documents (default: knowledge.json).")
    var files: [String] = []

    @Option(name: .long, help: "table (for a terminal), csv (RFC 4180), tsv or jsonl.")
    var format: RowFormat = .table

    @Option(name: .long, help: "Widest text column of a table, in characters.")
    var width = 70

    var paths: [String] { files.isEmpty ? ["knowledge.json"] : files }

    /// Writes the rows; exit status 1 when there are none.
    func write(_ rows: FlatRows) throws {
        FileHandle.standardOutput.write(Data(rows.render(format, width: width).utf8))
        if rows.rows.isEmpty { throw ExitCode(1) }
    }
}

struct QuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "List quotes, one row each, with the speaker's name, cue, kind, confidence and spans.",
        discussion: """
            Reads knowledge files and JSON Lines output (hearsay extract --jsonl, hearsay stream). The table shows \
            the main columns; csv, tsv and jsonl write every column: document, quote, speaker, speaker_name, \
            speaker_type, cue, kind, text, confidence, rule, start, end (characters of the normalized text), \
            source_start, source_end (bytes of the input). Exit status 1 when no quote matches. Columns and formats: \
            docs/views.md.
            """)

    @OptionGroup var view: ViewOptions

    @Option(name: .long, help: "Only quotes of this speaker (matched loosely, as by `hearsay who`).")
    var speaker: String?

    @Option(name: .long, help: "Only these kinds: direct, mixed, indirect (comma-separated or repeated).")
    var kind: [String] = []

    @Option(name: .long, help: "Only quotes whose speaker was decided with at least this confidence (0 to 1).")
    var minConfidence: Double?

    func validate() throws {
        do { _ = try FlatViews.kinds(kind, of: Quote.Kind.self) } catch let e as HearsayError {
            throw ValidationError(e.message)
        }
    }

    func run() throws {
        let rows = try reportingErrors {
            let filter = FlatViews.QuoteFilter(
                speaker: speaker, kinds: try FlatViews.kinds(kind, of: Quote.Kind.self), minConfidence: minConfidence)
            return try FlatViews.quotes(in: view.paths, filter: filter)
        }
        try view.write(rows)
    }
}
