import ArgumentParser
import Foundation
import Hearsay
import HearsayStore

struct ClaimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "List numeric claims, one row each, with value, unit, kind, speaker, confidence and spans.",
        discussion: """
            Reads knowledge files and JSON Lines output (hearsay extract --jsonl, hearsay stream). value and \
            value_max hold numbers only; a date or time goes to the timex column, so --min and --max compare \
            amounts, never dates. The table shows the main columns; csv, tsv and jsonl write every column: \
            document, claim, speaker, speaker_name, quote, kind, text, value, value_max, timex, unit, qualifier, \
            subject, change, confidence, rule, start, end, source_start, source_end. With --db, reads a store built \
            by hearsay index instead. Exit status 1 when no claim matches. Columns and formats: docs/views.md.
            """)

    @OptionGroup var view: ViewOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only these kinds (comma-separated or repeated): money, percent, count, measure, date, time, duration, "
                + "ordinal, other.", valueName: "kind"))
    var kind: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only amounts of at least N (a range: its upper end).", valueName: "n"))
    var min: Double?

    @Option(name: .long, help: ArgumentHelp("Only amounts of at most N (a range: its lower end).", valueName: "n"))
    var max: Double?

    @Option(
        name: .long,
        help: ArgumentHelp("Only claims inside quotes of this speaker (matched loosely).", valueName: "name"))
    var speaker: String?

    @Option(
        name: .long, help: ArgumentHelp("Only claims found with at least this confidence (0 to 1).", valueName: "x"))
    var minConfidence: Double?

    func validate() throws {
        do { _ = try FlatViews.kinds(kind, of: Claim.Kind.self) } catch let e as HearsayError {
            throw ValidationError(e.message)
        }
        if let min, let max, min > max { throw ValidationError("--min \(min) is above --max \(max)") }
    }

    func run() throws {
        let filter = try reportingErrors {
            FlatViews.ClaimFilter(
                kinds: try FlatViews.kinds(kind, of: Claim.Kind.self), min: min, max: max, speaker: speaker,
                minConfidence: minConfidence)
        }
        try view.write(
            try view.rows(
                store: { try $0.claimRows(filter: filter) }, files: { try FlatViews.claims(in: $0, filter: filter) }))
    }
}
