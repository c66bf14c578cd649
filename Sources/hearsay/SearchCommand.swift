import ArgumentParser
import Foundation
import Hearsay
import HearsayStore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search over the quotes of a store built by `hearsay index`.",
        discussion: """
            A plain query matches its words as a phrase ("cold war"); FTS5 syntax (AND, OR, NOT, prefix*, "phrase", \
            NEAR) is passed through. Case and accents are ignored. \
            Exit status 1 when nothing matches.
            """)

    @Argument(help: "The search query.")
    var query: String

    @Option(name: .long, help: "The store to read.")
    var db = "hearsay.sqlite"

    @Option(name: .long, help: "At most this many hits.")
    var limit = 50

    @Flag(name: .long, help: "Write JSON instead of a table.")
    var json = false

    @Option(name: .long, help: "Widest quote column in the table, in characters.")
    var width = 70

    func run() throws {
        let hits = try reportingErrors { try CorpusStore(path: db).search(query, limit: limit) }
        if json {
            try writeJSON(hits)
        } else {
            let rows = hits.map { h in
                [h.speakerName ?? "-", h.document, h.quote, h.kind, h.text, h.group ?? ""]
            }
            FileHandle.standardOutput.write(
                Data(
                    TextTable.render(
                        header: ["speaker", "document", "quote", "kind", "text", "group"], rows: rows,
                        maxWidth: [24, 32, nil, nil, width, nil]
                    ).utf8))
        }
        if hits.isEmpty { throw ExitCode(1) }
    }
}
