import Foundation
import Testing

@testable import Hearsay

/// The report renderer without a browser: escaping of hostile text, spans (Unicode scalars) to nested HTML.
@Suite struct ReportRendererTests {
    func file(_ docs: [KnowledgeDocument], corpus: CorpusKnowledge? = nil) -> KnowledgeFile {
        KnowledgeFile(
            format: KnowledgeEncoding.format, version: KnowledgeEncoding.version,
            generator: ["name": "hearsay", "version": "0", "pipeline_sha256": "x"], documents: docs, errors: [],
            corpus: corpus)
    }

    func occurrences(_ needle: String, in s: String) -> Int { s.components(separatedBy: needle).count - 1 }

    /// The JSON between `<script type="application/json" id="hearsay-data">` and the next `</script>`.
    func scriptJSON(_ html: String) throws -> String {
        let open = #"<script type="application/json" id="hearsay-data">"#
        let start = try #require(html.range(of: open))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func hostileTextIsEscapedEverywhere() throws {
        let hostile = "</script><img src=x onerror=alert(1)><!-- &amp;"
        var doc = KnowledgeDocument(try process("‘\(hostile) is what we ship,’ said Mayor Ines Okoro."))
        #expect(doc.quotes.count == 1)
        doc.id = "<i>doc\".txt"
        doc.metadata.title = "<script>alert('title')</script>"
        doc.metadata.url = "javascript:alert(1)"
        try #require(doc.speakers.count == 1)
        doc.speakers[0].name = "<b onmouseover=x>Eve</b> & \"Co\""
        doc.quotes[0].attribution?.evidence = "</script><script>alert(2)</script> \u{2028}\u{2029}"
        let html = try ReportRenderer.builtin().render(file([doc]))

        // Only the report's own elements: one style, two scripts, no element from the article.
        #expect(occurrences("<script", in: html) == 2)
        #expect(occurrences("</script", in: html) == 2)
        #expect(occurrences("<style", in: html) == 1)
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b onmouseover"))
        #expect(!html.contains("<i>doc"))
        #expect(!html.contains("href=\"javascript:"))
        #expect(html.contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&lt;!-- &amp;amp;"))
        #expect(html.contains("&lt;b onmouseover=x&gt;Eve&lt;/b&gt; &amp; &quot;Co&quot;"))

        // The script data has no raw <, >, &, U+2028 or U+2029, and reads back to the original strings.
        let json = try scriptJSON(html)
        #expect(!json.unicodeScalars.contains { "<>&\u{2028}\u{2029}".unicodeScalars.contains($0) })
        #expect(json.contains(#"\u003c/script\u003e\u003cscript\u003ealert(2)\u003c/script\u003e \u2028\u2029"#))
        let data = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let quote = try #require(data["d1-q1"] as? [String: Any])
        let rows = try #require(quote["rows"] as? [[String]])
        #expect(rows.contains(["Speaker", "<b onmouseover=x>Eve</b> & \"Co\""]))
        #expect(rows.contains(["Evidence", "</script><script>alert(2)</script> \u{2028}\u{2029}"]))
        // Same input, same bytes.
        #expect(try ReportRenderer.builtin().render(file([doc])) == html)
    }

    @Test func aResourceThatWouldCloseItsElementIsRefused() throws {
        let doc = KnowledgeDocument(try process("‘We will rebuild,’ said Mayor Ines Okoro."))
        #expect(throws: HearsayError.self) {
            try ReportRenderer(style: "", script: "var s = '</SCRIPT>';").render(file([doc]))
        }
        #expect(throws: HearsayError.self) { try ReportRenderer(style: "a{}</style>", script: "").render(file([doc])) }
    }

    /// Crossing and nested marks become properly nested elements; offsets count scalars, so astral characters
    /// (two UTF-16 units, four UTF-8 bytes) and combining marks take one offset each.
    @Test func highlighterNestsCrossingMarksOnScalarOffsets() {
        // Scalars: 0 a, 1 😀, 2 b, 3 e, 4 U+0301, 5 c, 6 𝄞, 7 d, 8 <
        let text = "a😀be\u{301}c𝄞d<"
        func mark(_ name: String, _ s: Int, _ e: Int, layer: Int = 0) -> Highlighter.Mark {
            Highlighter.Mark(
                span: Span(s, e), layer: layer,
                open: { first, last in "<\(name)\(first ? "^" : "")\(last ? "$" : "")>" }, close: "</\(name)>")
        }
        // q: [1, 5), c: [3, 7) crosses its end, n: [2, 4) nests inside q and overlaps c.
        let h = Highlighter(text: text, marks: [mark("q", 1, 5), mark("c", 3, 7, layer: 1), mark("n", 2, 4)])
        #expect(h.html(Span(0, 9)) == "a<q^$>😀<n^$>b<c^>e</c></n><c>\u{301}</c></q><c$>c𝄞</c>d&lt;")
        // Clipped to a block: the mark starts before it, so its first piece is not here.
        #expect(h.html(Span(4, 9)) == "<q$><c>\u{301}</c></q><c$>c𝄞</c>d&lt;")
        // Spans past the end are clipped; empty spans disappear.
        let clipped = Highlighter(text: "ab", marks: [mark("x", 1, 99), mark("y", 1, 1)])
        #expect(clipped.html(Span(0, 2)) == "a<x^$>b</x>")
    }

    @Test func multiFragmentQuotesAndAstralCharactersInTheReport() throws {
        // A quote split by its cue, with astral characters before and inside it.
        let text = "𝕏 🎉 ‘We will 🚀 rebuild,’ said Mayor Ines Okoro, ‘and 𝄞 sing.’"
        let doc = KnowledgeDocument(try process(text))
        let q = try #require(doc.quotes.first)
        #expect(q.fragments.count == 2)
        let html = try ReportRenderer.builtin().render(file([doc]))
        // The first fragment is the head (focusable, with the id), the second a piece of the same quote.
        let head = #"tabindex="0" role="button" data-head="">We will 🚀 rebuild,</mark>"#
        #expect(html.contains(head))
        #expect(html.contains(#"data-q="d1-q1" title="Ines Okoro · said · direct"#))
        #expect(html.contains(">and 𝄞 sing.</mark>"))
        #expect(occurrences(#"data-q="d1-q1""#, in: html) == 2)
        #expect(occurrences(#"data-head="""#, in: html) == 1 + doc.claims.count)
    }

    @Test func withoutTextTheQuotesAreStillListedAndMarked() throws {
        let text = "‘We will rebuild,’ said Mayor Ines Okoro.\n\n‘And soon,’ she said."
        var doc = KnowledgeDocument(try process(text))
        doc.text = nil
        doc.paragraphs = nil
        let html = try ReportRenderer.builtin().render(file([doc]))
        #expect(occurrences(#"<mark class="q"#, in: html) == doc.quotes.count)
        #expect(doc.quotes.count >= 1)
        #expect(html.contains("written without the article text"))
    }

    @Test func claimValuesAreFormattedWithTheirUnit() throws {
        let text = "The council said it would spend more than $75 billion on 12% of roads."
        let doc = KnowledgeDocument(try process(text))
        let labels = doc.claims.map(ReportPage.claimLabel)
        #expect(labels.contains("more than 75,000,000,000 USD"))
        #expect(labels.contains("12%"))
        let html = try ReportRenderer.builtin().render(file([doc]))
        #expect(html.contains(#"data-v="more than 75,000,000,000 USD""#))
    }

    @Test func commandWritesThePageOrFailsWithStatusTwo() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cli = CommandLineTests()
        let missing = try cli.run(["report", dir.appendingPathComponent("none.json").path, "-o", "r.html"], cwd: dir)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("[knowledge.unreadable]"))
        let knowledge = dir.appendingPathComponent("k.json").path
        let writer = try KnowledgeWriter(path: knowledge)
        try writer.append(try process("‘We will rebuild,’ said Mayor Ines Okoro."))
        try writer.finish(errors: [], pipelineSHA256: "x")
        let made = try cli.run(["report", knowledge, "-o", "r.html"], cwd: dir)
        #expect(made.status == 0, "\(made.stderr)")
        let html = try String(contentsOf: dir.appendingPathComponent("r.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("Ines Okoro"))
        // Written through a temporary file: nothing else is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["k.json", "r.html"])
    }

    /// A misquote between two articles: changed words marked in the variant from the file's spans, and the words
    /// they replace struck through in the reference, located in the right fragment of a split quote after an astral
    /// character.
    @Test func variantsMarkTheChangedWordsOnBothSides() throws {
        var a = KnowledgeDocument(
            try process("‘We will 🚀 rebuild the old bridge,’ said Mayor Ines Okoro, ‘and we will do it quickly.’"))
        var b = KnowledgeDocument(
            try process("‘We will 🚀 rebuild the old bridge,’ said Mayor Ines Okoro, ‘and we shall do it quickly.’"))
        a.id = "a.txt"
        b.id = "b.txt"
        let index = CorpusIndex(settings: try CorpusSettings.builtin())
        index.add(a)
        index.add(b)
        let corpus = index.knowledge()
        let group = try #require(corpus.quoteGroups.first)
        let change = try #require(group.variants.first?.changes.first)
        #expect(change.reference == "will" && change.variant == "shall")
        let html = try ReportRenderer.builtin().render(file([a, b], corpus: corpus))
        #expect(html.contains(#"and we <mark class="chg op-replace" data-change="replace" data-ref="will""#))
        #expect(html.contains(#"title="reference: “will”">shall</mark> do it quickly."#))
        #expect(html.contains(#"and we <mark class="chg-ref" data-variant="shall""#))
        #expect(html.contains(#"title="changed in a variant to “shall”">will</mark> do it quickly."#))
        #expect(occurrences(#"<mark class="chg-ref""#, in: html) == 2, "one in the reference, one in the legend")
    }

    /// JSON Lines input (`extract --jsonl`, `stream`): documents and error lines are read, the corpus computed.
    @Test func jsonLinesInputIsReadAndComparedAcrossDocuments() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        var lines = Data()
        for (id, verb) in [("a.txt", "will"), ("b.txt", "shall")] {
            var d = try process(
                "‘We will rebuild the old bridge,’ said Mayor Ines Okoro, ‘and we \(verb) do it quickly.’")
            d.id = id
            lines.append(try KnowledgeEncoding.line(d))
            lines.append(0x0A)
        }
        let error = #"{"error":{"code":"binary-input","message":"input looks binary"},"id":"c.txt","line":3}"#
        lines.append(Data(error.utf8))
        lines.append(Data("\n\n".utf8))
        let path = dir.appendingPathComponent("k.jsonl").path
        try lines.write(to: URL(fileURLWithPath: path))
        let file = try ReportInput.read(path: path)
        #expect(file.documents.map(\.id) == ["a.txt", "b.txt"])
        #expect(file.errors.map(\.code) == ["binary-input"])
        #expect(file.errors.first?.file == "c.txt")
        #expect(file.corpus?.quoteGroups.first?.variants.first?.changes.map(\.variant) == ["shall"])
        try Data("{\"id\": 1}\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: HearsayError.self) { try ReportInput.read(path: path) }
    }
}
