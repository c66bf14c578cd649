import Foundation
import Testing

@testable import Hearsay

/// Version 2 of the knowledge file: quotes carry `speaker_name`, dates and times sit in `timex` with `value` null,
/// amounts stay numbers in `value`; and version 1 files are still read (docs/knowledge-file.md, "What changed in
/// version 2").
@Suite struct KnowledgeVersionTests {
    /// Our own article: an amount and a date outside quotes, a quote of a named councillor with a year in it.
    static let article = """
        The city council will borrow $12 million for the new tram line, Mayor Petra Lindqvist said on March 3.

        “Work starts in 2027, and the first trams will run two years later,” Lindqvist said.

        Fares rose 4% last year.
        """

    static func document() throws -> KnowledgeDocument {
        KnowledgeDocument(try process(article, published: "2026-03-10"))
    }

    static func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Both written forms of the document: the JSON Lines line and the pretty knowledge-file element.
    static func writtenForms(_ d: KnowledgeDocument) throws -> [[String: Any]] {
        [try object(KnowledgeJSON.line(d)), try object(KnowledgeJSON.pretty(d, indent: "    "))]
    }

    @Test func datesGoToTimexAndAmountsStayNumbers() throws {
        let d = try Self.document()
        for doc in try Self.writtenForms(d) {
            let claims = try #require(doc["claims"] as? [[String: Any]])
            let money = try #require(claims.first { $0["kind"] as? String == "money" })
            #expect((money["value"] as? NSNumber)?.doubleValue == 12_000_000)
            #expect(money["timex"] is NSNull)
            #expect(money["unit"] as? String == "USD")
            let percent = try #require(claims.first { $0["kind"] as? String == "percent" })
            #expect((percent["value"] as? NSNumber)?.doubleValue == 4)
            #expect(percent["timex"] is NSNull)
            let dates = claims.filter { $0["kind"] as? String == "date" || $0["kind"] as? String == "time" }
            #expect(dates.count >= 2)
            for c in dates {
                #expect(c["value"] is NSNull, "\(c["text"] ?? "")")
                #expect(c["value_max"] is NSNull)
                #expect((c["timex"] as? String)?.isEmpty == false, "\(c["text"] ?? "")")
            }
            // "on March 3", published 2026-03-10: a day of that year.
            #expect(dates.contains { $0["timex"] as? String == "2026-03-03" })
            #expect(dates.contains { $0["text"] as? String == "2027" && $0["timex"] as? String == "2027" })
            // Every claim has exactly one of the two.
            for c in claims { #expect((c["value"] is NSNull) != (c["timex"] is NSNull), "\(c["text"] ?? "")") }
        }
        // The model keeps the TIMEX as before, and says so through `timex`.
        let date = try #require(d.claims.first { $0.kind == .date })
        #expect(date.timex != nil && date.value.number == nil)
        let money = try #require(d.claims.first { $0.kind == .money })
        #expect(money.timex == nil && money.value.number == 12_000_000)
    }

    @Test func quotesCarryTheirSpeakersName() throws {
        let d = try Self.document()
        #expect(d.quotes.contains { $0.speakerName == "Petra Lindqvist" })
        for doc in try Self.writtenForms(d) {
            let speakers = try #require(doc["speakers"] as? [[String: Any]])
            let names = Dictionary(
                uniqueKeysWithValues: speakers.map { ($0["id"] as! String, $0["name"] as! String) })
            let quotes = try #require(doc["quotes"] as? [[String: Any]])
            #expect(!quotes.isEmpty)
            for q in quotes {
                #expect(q.keys.contains("speaker_name"))
                if let id = q["speaker"] as? String {
                    #expect(q["speaker_name"] as? String == names[id], "\(q["id"] ?? "")")
                } else {
                    #expect(q["speaker_name"] is NSNull, "\(q["id"] ?? "")")
                }
            }
            #expect(quotes.contains { $0["speaker_name"] as? String == "Petra Lindqvist" })
        }
        // A name that disagrees with the speaker list is a broken promise.
        var doc = try process(Self.article, published: "2026-03-10")
        #expect(doc.integrityProblems().isEmpty)
        let k = try #require(doc.quotes.firstIndex { $0.speaker != nil })
        doc.quotes[k].speakerName = "Someone Else"
        #expect(doc.integrityProblems().contains { $0.contains("speaker_name") })
    }

    /// A knowledge file as version 1 wrote it, made from a version 2 file: TIMEX strings back in `value`, no
    /// `timex`, no `speaker_name`.
    static func downgrade(_ top: inout [String: Any]) {
        func quote(_ q: [String: Any]) -> [String: Any] {
            var q = q
            q["speaker_name"] = nil
            if let nested = q["nested"] as? [[String: Any]] { q["nested"] = nested.map(quote) }
            return q
        }
        func document(_ d: [String: Any]) -> [String: Any] {
            var d = d
            d["quotes"] = (d["quotes"] as? [[String: Any]] ?? []).map(quote)
            d["claims"] = (d["claims"] as? [[String: Any]] ?? []).map { c in
                var c = c
                if let t = c["timex"] as? String { c["value"] = t }
                c["timex"] = nil
                return c
            }
            return d
        }
        if let docs = top["documents"] as? [[String: Any]] {
            top["version"] = 1
            top["documents"] = docs.map(document)
        } else {
            top = document(top)
        }
    }

    @Test func versionOneFilesAndLinesAreStillRead() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let doc = try process(Self.article, published: "2026-03-10")
        let path = dir.appendingPathComponent("k.json").path
        let writer = try KnowledgeWriter(path: path)
        try writer.append(doc)
        try writer.finish(errors: [], pipelineSHA256: "0")
        let current = try KnowledgeFile.read(path: path)
        #expect(current.version == 2)

        var top = try Self.object(try Data(contentsOf: URL(fileURLWithPath: path)))
        Self.downgrade(&top)
        let old = try JSONSerialization.data(withJSONObject: top)
        #expect(!String(decoding: old, as: UTF8.self).contains("timex"))
        let read = try KnowledgeFile.decode(old, path: "old.json")
        #expect(read.version == 1)
        #expect(read.documents.map(\.quotes) == current.documents.map(\.quotes))
        #expect(read.documents.map(\.claims) == current.documents.map(\.claims))
        #expect(read.documents[0].quotes.contains { $0.speakerName == "Petra Lindqvist" })
        #expect(read.documents[0].claims.contains { $0.timex == "2026-03-03" })

        // A version 1 JSON Lines line (lines carry no version).
        var line = try Self.object(KnowledgeJSON.line(KnowledgeDocument(doc)))
        Self.downgrade(&line)
        let decoded = try KnowledgeDocument.decodeLine(try JSONSerialization.data(withJSONObject: line))
        #expect(decoded.quotes == current.documents[0].quotes)
        #expect(decoded.claims == current.documents[0].claims)

        // A newer version is refused.
        top["version"] = 3
        #expect(throws: HearsayError.self) {
            try KnowledgeFile.decode(try JSONSerialization.data(withJSONObject: top), path: "new.json")
        }
        // A claim with neither a number nor a TIMEX is not a claim.
        var broken = try Self.object(KnowledgeJSON.line(KnowledgeDocument(doc)))
        var claims = broken["claims"] as! [[String: Any]]
        claims[0]["value"] = NSNull()
        claims[0]["timex"] = NSNull()
        broken["claims"] = claims
        #expect(throws: (any Error).self) {
            try KnowledgeDocument.decodeLine(try JSONSerialization.data(withJSONObject: broken))
        }
    }
}
