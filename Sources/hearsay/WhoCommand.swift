import ArgumentParser
import Foundation
import Hearsay
import HearsayStore

/// Runs a command body, turning a ``HearsayError`` into its message on stderr and exit status 2.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as HearsayError {
        printError(e)
        throw ExitCode(2)
    }
}

func writeJSON(_ value: some Encodable) throws {
    let e = JSONEncoder()
    e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    FileHandle.standardOutput.write(try e.encode(value) + Data("\n".utf8))
}

struct WhoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who",
        abstract: "List the quotes of one speaker, across documents.",
        discussion: """
            NAME is matched loosely: case and accents are ignored, a surname or any alias finds the speaker, and a
            small typo is forgiven ("pompeio"). Reads knowledge files (default ./knowledge.json; their corpus, or one
            built from all their documents when several are given) or, with --db, a store built by `hearsay index`.
            """)

    @Argument(help: "The speaker's name, or part of it.")
    var name: String

    @Argument(help: "Knowledge files (default: knowledge.json).")
    var files: [String] = []

    @Option(name: .long, help: "Read this store (hearsay index) instead of knowledge files.")
    var db: String?

    @Flag(name: .long, help: "Write JSON instead of a table.")
    var json = false

    @Option(name: .long, help: "Widest quote column in the table, in characters.")
    var width = 70

    func run() throws {
        let answer = try reportingErrors { () throws -> WhoAnswer in
            if let db { return try CorpusStore(path: db).who(name) }
            let paths = files.isEmpty ? ["knowledge.json"] : files
            let loaded = try paths.map { try KnowledgeFile.read(path: $0) }
            return WhoAnswer.find(name, in: loaded, settings: try CorpusSettings.builtin())
        }
        if json {
            try writeJSON(answer)
        } else {
            FileHandle.standardOutput.write(Data(Self.table(answer, width: width).utf8))
        }
        if answer.matches.isEmpty {
            FileHandle.standardError.write(Data("hearsay: no speaker matches '\(name)'\n".utf8))
            throw ExitCode(1)
        }
    }

    static func table(_ answer: WhoAnswer, width: Int) -> String {
        var out = ""
        for m in answer.matches {
            let s = m.speaker
            var head = "\(s.name) (\(s.id), \(s.type), \(s.documents.count) document\(s.documents.count == 1 ? "" : "s"))"
            if !s.aliases.isEmpty { head += "; also: " + s.aliases.joined(separator: ", ") }
            out += head + "\n"
            let rows = m.quotes.map { q in
                [s.name, q.document, q.quote, q.kind, q.text, String(format: "%.2f", q.confidence)]
            }
            out += TextTable.render(
                header: ["speaker", "document", "quote", "kind", "text", "conf"], rows: rows,
                maxWidth: [24, 32, nil, nil, width, nil])
            out += "\n"
        }
        return out
    }
}

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Load knowledge files into an SQLite store for fast `who` and `search` over big corpora.",
        discussion: """
            Takes knowledge files (hearsay extract) and JSON Lines files (hearsay extract --jsonl, hearsay stream).
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
                        format: "hearsay: %d documents, %d quotes, %d claims, %d speakers, %d quote groups, %.2f s -> %@\n",
                        summary.documents, summary.quotes, summary.claims, summary.speakers, summary.quoteGroups,
                        Date().timeIntervalSince(started), db
                    ).utf8))
        }
    }
}

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search over the quotes of a store built by `hearsay index`.",
        discussion: """
            A plain query matches its words as a phrase ("cold war"); FTS5 syntax (AND, OR, NOT, prefix*, "phrase",
            NEAR) is passed through. Case and accents are ignored.
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
