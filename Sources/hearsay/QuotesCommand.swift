import ArgumentParser
import Foundation
import Hearsay
import HearsayStore

extension RowFormat: ExpressibleByArgument {}

/// Options shared by the flat views (`quotes`, `claims`).
struct ViewOptions: ParsableArguments {
    @Argument(help: "Knowledge files or .jsonl files of knowledge documents (default: knowledge.json).")
    var files: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Read this store (hearsay index) instead of knowledge files; it has no cues, rules or source spans.",
            valueName: "store"))
    var db: String?

    @Option(name: .long, help: "A table for a terminal, CSV (RFC 4180), TSV or JSON Lines.")
    var format: RowFormat = .table

    @Option(name: .long, help: ArgumentHelp("Widest text column of a table, in characters.", valueName: "n"))
    var width = 70

    var paths: [String] { files.isEmpty ? ["knowledge.json"] : files }

    func validate() throws {
        if db != nil && !files.isEmpty {
            throw ValidationError("--db reads a store instead of FILEs: give one or the other")
        }
    }

    /// The rows from the store when `--db` is given, else from the files.
    func rows(store: (CorpusStore) throws -> FlatRows, files: ([String]) throws -> FlatRows) throws -> FlatRows {
        try reportingErrors {
            if let db { return try store(try CorpusStore(path: db)) }
            return try files(paths)
        }
    }

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
            source_start, source_end (bytes of the input). With --db, reads a store built by hearsay index \
            instead. Exit status 1 when no quote matches. Columns and formats: \
            docs/views.md.
            """)

    @OptionGroup var view: ViewOptions

    @Option(
        name: .long,
        help: ArgumentHelp("Only quotes of this speaker (matched loosely, as by `hearsay who`).", valueName: "name"))
    var speaker: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only these kinds: direct, mixed, indirect (comma-separated or repeated).", valueName: "kind"))
    var kind: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only quotes whose speaker was decided with at least this confidence (0 to 1).", valueName: "x"))
    var minConfidence: Double?

    func validate() throws {
        do { _ = try FlatViews.kinds(kind, of: Quote.Kind.self) } catch let e as HearsayError {
            throw ValidationError(e.message)
        }
    }

    func run() throws {
        let filter = try reportingErrors {
            FlatViews.QuoteFilter(
                speaker: speaker, kinds: try FlatViews.kinds(kind, of: Quote.Kind.self), minConfidence: minConfidence)
        }
        try view.write(
            try view.rows(
                store: { try $0.quoteRows(filter: filter) }, files: { try FlatViews.quotes(in: $0, filter: filter) }))
    }
}
