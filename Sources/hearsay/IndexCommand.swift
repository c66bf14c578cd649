import ArgumentParser
import Foundation
import Hearsay
import HearsayStore

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Load knowledge files into an SQLite store for fast `who` and `search` over big corpora.",
        discussion: """
            Takes knowledge files (hearsay extract) and JSON Lines files (hearsay extract --jsonl, hearsay stream). \
            The store is rebuilt from scratch and replaces --db when complete. Schema: docs/store.md.
            """)

    @Argument(help: "Knowledge files or .jsonl files (default: knowledge.json).")
    var files: [String] = []

    @Option(name: .long, help: "The store to write.")
    var db = "hearsay.sqlite"

    @Flag(name: .shortAndLong, help: "No summary on stderr.")
    var quiet = false

    func run() throws {
        let started = Date()
        let inputs = files.isEmpty ? ["knowledge.json"] : files
        let summary = try reportingErrors {
            try CorpusStore.build(path: db, inputs: inputs, settings: try CorpusSettings.builtin(), warn: printError)
        }
        if !quiet {
            FileHandle.standardError.write(
                Data(
                    String(
                        format:
                            "hearsay: %d documents, %d quotes, %d claims, %d speakers, %d quote groups, %.2f s -> %@\n",
                        summary.documents, summary.quotes, summary.claims, summary.speakers, summary.quoteGroups,
                        Date().timeIntervalSince(started), db
                    ).utf8))
        }
    }
}
