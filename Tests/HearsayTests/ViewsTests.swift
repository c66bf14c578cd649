import Foundation
import Testing

@testable import Hearsay

/// The flat views (`hearsay quotes`, `hearsay claims`), their output formats, and the Web Annotation export.
@Suite struct ViewsTests {
    /// Our own article: a quote of a named mayor with an amount in it, a percentage outside quotes, a date.
    static let article = """
        Harbourtown will rebuild its old ferry pier, Mayor Ines Okoro said on Thursday.

        “We will spend $4.5 million on the pier, and not a cent more,” Okoro said.

        Ridership rose 12% last year, the port authority said in a report.
        """

    static func document() throws -> KnowledgeDocument {
        KnowledgeDocument(try process(article, published: "2021-03-06"))
    }

    static func column(_ rows: FlatRows, _ name: String) -> Int { rows.columns.firstIndex { $0.name == name }! }

    @Test func quoteRowsCarryTheSpeakersNameCueAndSpans() throws {
        let d = try Self.document()
        let rows = FlatRows(columns: FlatViews.quoteColumns, rows: FlatViews.quoteRows(d))
        #expect(rows.rows.count == d.quotes.count)
        let text = Self.column(rows, "text")
        let okoro = try #require(rows.rows.first { $0[text].plain.hasPrefix("We will spend") })
        #expect(okoro[Self.column(rows, "speaker_name")] == .text("Ines Okoro"))
        #expect(okoro[Self.column(rows, "cue")] == .text("said"))
        #expect(okoro[Self.column(rows, "kind")] == .text("direct"))
        // The span columns point at the quoted words in the text and in the original bytes.
        guard case .number(let s) = okoro[Self.column(rows, "start")],
            case .number(let e) = okoro[Self.column(rows, "end")],
            case .number(let bs) = okoro[Self.column(rows, "source_start")],
            case .number(let be) = okoro[Self.column(rows, "source_end")]
        else {
            Issue.record("spans missing")
            return
        }
        #expect(d.string(Span(Int(s), Int(e))) == okoro[text].plain)
        let bytes = Array(Self.article.utf8)[Int(bs)..<Int(be)]
        #expect(String(decoding: bytes, as: UTF8.self) == okoro[text].plain)

        // Filters: a loose name, kinds, confidence.
        #expect(FlatViews.quoteRows(d, filter: .init(speaker: "okoro")).count >= 1)
        #expect(FlatViews.quoteRows(d, filter: .init(speaker: "Nobody Else")).isEmpty)
        #expect(FlatViews.quoteRows(d, filter: .init(kinds: [.mixed])).allSatisfy { $0[6] == .text("mixed") })
        #expect(FlatViews.quoteRows(d, filter: .init(minConfidence: 1.01)).isEmpty)
    }

    @Test func claimRowsKeepNumbersAndDatesApart() throws {
        let d = try Self.document()
        let rows = FlatRows(columns: FlatViews.claimColumns, rows: FlatViews.claimRows(d))
        let kind = Self.column(rows, "kind")
        let value = Self.column(rows, "value")
        let timex = Self.column(rows, "timex")
        let money = try #require(rows.rows.first { $0[kind] == .text("money") })
        #expect(money[value] == .number(4_500_000))
        #expect(money[Self.column(rows, "unit")] == .text("USD"))
        #expect(money[timex] == .null)
        // The amount stands in Okoro's quote: the claim row names him.
        #expect(money[Self.column(rows, "speaker_name")] == .text("Ines Okoro"))
        let date = try #require(rows.rows.first { $0[kind] == .text("date") })
        #expect(date[value] == .null)
        #expect(date[timex] == .text("2021-03-04"))

        // --min/--max compare amounts only: a date never passes a bound.
        let big = FlatViews.claimRows(d, filter: .init(min: 1_000_000))
        #expect(big.count == 1 && big[0][kind] == .text("money"))
        #expect(FlatViews.claimRows(d, filter: .init(min: 0)).allSatisfy { $0[kind] != .text("date") })
        #expect(FlatViews.claimRows(d, filter: .init(max: 20)).allSatisfy { $0[kind] == .text("percent") })
        #expect(FlatViews.claimRows(d, filter: .init(kinds: [.percent])).count == 1)
        #expect(FlatViews.claimRows(d, filter: .init(speaker: "Ines Okoro")).count == 1)
        #expect(throws: HearsayError.self) { try FlatViews.kinds(["money", "monies"], of: Claim.Kind.self) }
        #expect(try FlatViews.kinds(["money,percent", "date"], of: Claim.Kind.self) == [.money, .percent, .date])
    }

    static let tricky = FlatRows(
        columns: [Column("a", inTable: true), Column("b", inTable: true), Column("n", inTable: true)],
        rows: [
            [.text("plain"), .text("say \"no\", twice"), .number(0.5)],
            [.text("two\nlines\r\n"), .text("tab\there \\ back"), .null],
            [.text("\u{1B}[31mred\u{1B}[0m"), .text("\u{202E}evil"), .number(75_000_000_000)],
        ])

    @Test func csvQuotesPerRFC4180() {
        let csv = Self.tricky.render(.csv)
        #expect(
            csv
                == "a,b,n\r\nplain,\"say \"\"no\"\", twice\",0.5\r\n\"two\nlines\r\n\",tab\there \\ back,\r\n"
                + "\u{1B}[31mred\u{1B}[0m,\u{202E}evil,75000000000\r\n")
    }

    @Test func tsvNeverHoldsARawSeparator() {
        let tsv = Self.tricky.render(.tsv)
        let lines = tsv.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 5 && lines.last == "")
        #expect(lines.dropLast().allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 3 })
        #expect(lines[2] == "two\\nlines\\r\\n\ttab\\there \\\\ back\t")
    }

    @Test func tablesEscapeControlCharacters() {
        let table = Self.tricky.render(.table)
        #expect(!table.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\r" })
        #expect(table.contains("\\u{1B}[31mred"))
        #expect(table.contains("\\u{202E}evil"))
        #expect(table.split(separator: "\n").count == 5)
    }

    @Test func jsonLinesParseBackToTheCells() throws {
        let lines = Self.tricky.render(.jsonl).split(separator: "\n")
        #expect(lines.count == 3)
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(objects[0]["b"] as? String == "say \"no\", twice")
        #expect(objects[1]["a"] as? String == "two\nlines\r\n")
        #expect(objects[1]["n"] is NSNull)
        #expect(objects[2]["a"] as? String == "\u{1B}[31mred\u{1B}[0m")
        #expect((objects[2]["n"] as? NSNumber)?.int64Value == 75_000_000_000)
        // Keys in column order.
        #expect(lines[0].hasPrefix("{\"a\":\"plain\",\"b\":"))
    }

    @Test func webAnnotationSelectorsPointAtTheText() throws {
        var d = try Self.document()
        d.metadata.url = "https://example.org/harbourtown/pier"
        let data = try WebAnnotationExport.export([d])
        #expect(try WebAnnotationExport.export([d]) == data)
        let top = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(top["@context"] as? String == "http://www.w3.org/ns/anno.jsonld")
        #expect(top["type"] as? String == "AnnotationCollection")
        #expect((top["id"] as? String)?.hasPrefix("urn:hearsay:collection:") == true)
        let page = try #require(top["first"] as? [String: Any])
        #expect(page["type"] as? String == "AnnotationPage")
        let items = try #require(page["items"] as? [[String: Any]])
        #expect(items.count == d.quotes.count + d.claims.count)
        #expect(top["total"] as? Int == items.count)
        #expect(Set(items.compactMap { $0["id"] as? String }).count == items.count)

        let scalars = Array(d.text!.unicodeScalars)
        func text(_ a: Int, _ b: Int) -> String { String(String.UnicodeScalarView(scalars[a..<b])) }
        var bodies: [String] = []
        for item in items {
            #expect(item["type"] as? String == "Annotation")
            #expect(item["motivation"] as? String == "describing")
            for body in item["body"] as? [[String: Any]] ?? [] {
                #expect(body["type"] as? String == "TextualBody")
                bodies.append(body["value"] as? String ?? "")
            }
            let targets = try #require(item["target"] as? [[String: Any]])
            #expect(!targets.isEmpty)
            for t in targets {
                #expect(t["source"] as? String == "https://example.org/harbourtown/pier")
                let selectors = try #require(t["selector"] as? [[String: Any]])
                let quote = try #require(selectors.first { $0["type"] as? String == "TextQuoteSelector" })
                let position = try #require(selectors.first { $0["type"] as? String == "TextPositionSelector" })
                let start = try #require(position["start"] as? Int)
                let end = try #require(position["end"] as? Int)
                #expect(0 <= start && start < end && end <= scalars.count)
                #expect(quote["exact"] as? String == text(start, end))
                #expect(quote["prefix"] as? String == text(max(0, start - 32), start))
                #expect(quote["suffix"] as? String == text(end, min(scalars.count, end + 32)))
            }
        }
        #expect(bodies.contains("direct quote"))
        #expect(bodies.contains("speaker: Ines Okoro (person)"))
        #expect(bodies.contains("value: 4500000 USD"))
        #expect(bodies.contains { $0.hasPrefix("rule: claims.") })

        // Without the text there is nothing to anchor to.
        d.text = nil
        #expect(throws: HearsayError.self) { try WebAnnotationExport.export([d]) }
    }
}

/// Inputs named other than as paths: lists of paths, one article from a handle.
@Suite struct InputSourceTests {
    @Test func pathListsHoldOnePathALine() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let list = dir.appendingPathComponent("list.txt")
        try Data("a.txt\r\n\n  spaced name.html\n# not a comment\n-\nlast.txt".utf8).write(to: list)
        #expect(try Batch.pathList(list.path) == ["a.txt", "  spaced name.html", "# not a comment", "./-", "last.txt"])
        #expect(throws: HearsayError.self) { try Batch.pathList(dir.appendingPathComponent("none.txt").path) }
    }

    @Test func oneArticleFromAHandleIsCappedAndNeverReadFurther() throws {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data(String(repeating: "x", count: 5000).utf8))
        try pipe.fileHandleForWriting.close()
        let item = Batch.standardInput(id: "in", handle: pipe.fileHandleForReading, limit: 1000)
        #expect(item.failure?.code == "too-large")
        #expect(item.bytes == nil)

        let small = Pipe()
        small.fileHandleForWriting.write(Data("“We stay,” said Ines Okoro.".utf8))
        try small.fileHandleForWriting.close()
        let ok = Batch.standardInput(id: "in", handle: small.fileHandleForReading, limit: 1000)
        #expect(ok.failure == nil)
        #expect(ok.bytes.map { String(decoding: $0, as: UTF8.self) } == "“We stay,” said Ines Okoro.")
        #expect(ok.id == "in" && ok.size == ok.bytes?.count)
    }
}
