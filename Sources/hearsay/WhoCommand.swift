import ArgumentParser
import Foundation
import Hearsay
import HearsayStore

struct WhoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who",
        abstract: "List the quotes of one speaker, across documents.",
        discussion: """
            NAME is matched loosely: case and accents are ignored, a surname or any alias finds the speaker, and a \
            small typo is forgiven ("pompeio"). Reads knowledge files (default ./knowledge.json; their corpus, or one \
            built from all their documents when several are given) or, with --db, a store built by `hearsay index`. \
            Exit status 1 when no speaker matches.
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
            FileHandle.standardError.write(Data("hearsay: no speaker matches '\(TerminalText.safe(name))'\n".utf8))
            throw ExitCode(1)
        }
    }

    static func table(_ answer: WhoAnswer, width: Int) -> String {
        var out = ""
        for m in answer.matches {
            let s = m.speaker
            var head =
                "\(s.name) (\(s.id), \(s.type), \(s.documents.count) document\(s.documents.count == 1 ? "" : "s"))"
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
