import Foundation
import Testing

@testable import Hearsay

/// Issue 16: what an adversarial pass found. Each test holds its defect's reproduction at a size that runs in
/// seconds, and checks the bound structurally (counts, caps, diagnostics) rather than by the clock.
@Suite struct HardeningTests {
    func normalized(_ html: String, extra: String = "") throws -> Document {
        let pipeline = try makePipeline(["normalize"], extra: extra)
        var doc = Document(id: "page.html", path: "page.html", bytes: Array(html.utf8), declaredMediaType: "text/html")
        try pipeline.process(&doc)
        return doc
    }

    // MARK: - 6. Attributes per tag, bytes per tag

    /// 80,000 attributes on one `<p>` (libxml2 compares each with all before it: 20 s). The first `max_attributes`
    /// reach the parser, the rest are blanked and counted in one diagnostic at the first one's byte offset.
    @Test func attributesOverTheCapAreDroppedWithADiagnostic() throws {
        let attributes = (0..<80_000).map { "a\($0)" }.joined(separator: " ")
        let html =
            "<html><body><p class=\"story\" \(attributes)>The paragraph text is kept, whole and in place.</p></body></html>"
        let doc = try normalized(html)
        #expect(doc.text == "The paragraph text is kept, whole and in place.")
        let d = try #require(doc.diagnostics.first { $0.code == "html.too-many-attributes" })
        // class and a0 ... a198 are kept: 200 attributes; a199 ... a79999 are dropped.
        #expect(d.message.contains("79801 attribute(s) were dropped"))
        let offset = try #require(d.sourceSpan?.start)
        #expect(doc.originalText(Span(offset, offset + 5)) == "a199 ")
        // The text keeps its byte spans into the original page.
        let first = try #require(doc.paragraphs.first)
        #expect(doc.originalText(doc.sourceSpan(first.span)) == "The paragraph text is kept, whole and in place.")
    }

    /// An attribute that ends past `max_tag_bytes` is dropped with `html.tag-too-long`; so is every one after it.
    @Test func attributesPastTheTagByteCapAreDroppedWithADiagnostic() throws {
        let blob = String(repeating: "x", count: 70_000)
        let html =
            "<html><body><div data-blob=\"\(blob)\" class=\"nav\"><p>An article paragraph that is long enough to keep.</p></div></body></html>"
        let doc = try normalized(html, extra: #""normalize": {"html": {"main_content": false}}"#)
        #expect(doc.text == "An article paragraph that is long enough to keep.")
        let d = try #require(doc.diagnostics.first { $0.code == "html.tag-too-long" })
        #expect(d.message.contains("2 attribute(s)"))
        let offset = try #require(d.sourceSpan?.start)
        #expect(doc.originalText(Span(offset, offset + 10)) == "data-blob=")
        // Under the caps: no diagnostic.
        let plain = try normalized("<p data-a=\"1\" data-b='2' c>Short page with a paragraph of text in it.</p>")
        #expect(!plain.diagnostics.contains { $0.code.hasPrefix("html.t") })
    }

    @Test func tagCapsOutOfRangeAreConfigErrors() {
        for extra in [
            #""normalize": {"html": {"max_attributes": 0}}"#, #""normalize": {"html": {"max_tag_bytes": 10}}"#,
        ] {
            #expect {
                _ = try makePipeline(["normalize"], extra: extra)
            } throws: { e in
                (e as? HearsayError)?.code == "config.bad-value"
            }
        }
    }

    /// Property: blanking attributes never touches text. Random pages full of attributes (quoted values holding
    /// `<` and `>`, unquoted, bare, `/>`), comments and scripts that look like tags give the same text, with the
    /// same byte spans, under the tightest caps as under the defaults; and once blanked, a page has nothing over
    /// the caps.
    @Test func tagCapsNeverChangeTheText() throws {
        let tight = try makePipeline(
            ["normalize"],
            extra: #""normalize": {"html": {"main_content": false, "max_attributes": 1, "max_tag_bytes": 64}}"#)
        let loose = try makePipeline(["normalize"], extra: #""normalize": {"html": {"main_content": false}}"#)
        let attributes = [
            "data-a=\"x > y\"", "data-b='<p>'", "c=unquoted", "d", "e = \"spaced\"", "f=\"a/b\"", "g='it\"s'",
            "h=\"" + String(repeating: "long ", count: 20) + "\"", "i/", "j=>",
        ]
        let words = [
            "Officials", "said", "the", "plan", "would", "go", "ahead", "in", "spring", "2 < 3", "a > b", "&amp;",
        ]
        var rng = SeededGenerator(seed: 16)
        var cuts = 0
        for _ in 0..<150 {
            var html = "<html><body>"
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let tag = ["p", "div", "span", "b", "li"].randomElement(using: &rng)!
                let attrs = (0..<Int.random(in: 0...8, using: &rng)).map { _ in attributes.randomElement(using: &rng)! }
                html += "<\(tag) " + attrs.joined(separator: " ") + ">"
                html += (0..<Int.random(in: 3...12, using: &rng)).map { _ in words.randomElement(using: &rng)! }
                    .joined(separator: " ")
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: html += "<!-- <p \(attributes.joined(separator: " "))> -->"
                case 1: html += "<script>var s = \"<p \(attributes.joined(separator: " "))>\";</script>"
                case 2: html += "<br \(attributes.prefix(3).joined(separator: " "))/>"
                default: break
                }
                html += " tail words.</\(tag)>"
            }
            html += "</body></html>"
            var a = Document(id: "p.html", path: "p.html", bytes: Array(html.utf8), declaredMediaType: "text/html")
            var b = a
            try tight.process(&a)
            try loose.process(&b)
            #expect(a.text == b.text, "\(html)")
            #expect(a.sourceStart == b.sourceStart && a.sourceEnd == b.sourceEnd, "\(html)")
            var bytes = Array(html.utf8)
            let limits = HTMLTagLimits(maxAttributes: 1, maxTagBytes: 64)
            let (many, long) = limits.apply(&bytes)
            if many != nil || long != nil { cuts += 1 }
            #expect(bytes.count == html.utf8.count)
            #expect(zip(bytes, html.utf8).allSatisfy { $0 == $1 || $0 == 0x20 })
            let again = limits.apply(&bytes)
            #expect(again.tooMany == nil && again.tooLong == nil)
        }
        #expect(cuts > 100)  // the caps were exercised, not just met
    }

    // MARK: - 7. Quote groups: the look-back in an LSH bucket

    /// "We stand by point N, they noted." thousands of times in one document: every quote falls in the same LSH
    /// buckets. The look-back for candidate pairs skipped the document's own quotes one at a time without counting
    /// them, so a bucket cost its size squared. Now every step counts against `max_bucket_comparisons`.
    @Test func oneDocumentsNearDuplicateQuotesCostBoundedLookBacks() throws {
        let one = KnowledgeDocument(try process("‘We stand by the point we made, every word of it,’ said Ana Ruiz."))
        try #require(one.quotes.count == 1)
        func copies(_ n: Int) -> [Quote] {
            (0..<n).map { k in
                var q = one.quotes[0]
                q.id = "q\(k + 1)"
                return q
            }
        }
        let index = CorpusIndex(settings: CorpusSettings())
        index.add(id: "a.txt", speakers: one.speakers, quotes: copies(3000))
        index.add(id: "b.txt", speakers: one.speakers, quotes: copies(2))
        let pairs = index.candidatePairs()
        let limit = index.settings.maxBucketComparisons
        // Each of b's two quotes pairs with the 64 nearest of a's, in every band; a's quotes pair with nothing.
        #expect(pairs.count == 2 * limit)
        #expect(index.lookBackSteps <= index.bandEntryCount * limit)
        #expect(index.lookBackSteps == 2 * limit * index.settings.lshBands)
        #expect(!index.knowledge().quoteGroups.isEmpty)
    }

    // MARK: - 8. Hand-made knowledge files

    /// Spans a writer never makes are refused when read (`knowledge.malformed`), and a quote number too large for
    /// 32 bits orders last instead of trapping.
    @Test func handMadeKnowledgeIsRefusedOrReadWithoutTrapping() throws {
        let processed = try process("‘We will build it,’ said Mayor Ines Okoro. Costs rose 5%.")
        let doc = KnowledgeDocument(processed)
        let good = try KnowledgeEncoding.line(processed)
        for extreme in ["-1,3", "7,2", "9223372036854775806,9223372036854775807", "0,2147483648"] {
            // The first span of the document (a fragment, sentence or paragraph) made extreme.
            var text = String(decoding: good, as: UTF8.self)
            let key = try #require(text.range(of: "\"span\":["))
            let close = try #require(text.range(of: "]", range: key.upperBound..<text.endIndex))
            text.replaceSubrange(key.upperBound..<close.lowerBound, with: extreme)
            #expect(throws: (any Error).self) { _ = try KnowledgeDocument.decodeLine(Data(text.utf8)) }
            let file =
                "{\"format\":\"\(KnowledgeEncoding.format)\",\"version\":1,\"generator\":{},\"errors\":[],\"documents\":[\(text)]}"
            #expect {
                _ = try KnowledgeFile.decode(Data(file.utf8), path: "k.json")
            } throws: { e in
                (e as? HearsayError)?.code == "knowledge.malformed" && (e as? HearsayError)?.file == "k.json"
            }
        }
        #expect(CorpusIndex.number("q99999999999") == Int32.max)
        #expect(CorpusIndex.number("q12") == 12)
        #expect(CorpusIndex.number("q") == 0)
        var big = doc
        big.quotes[0].id = "q99999999999"
        let index = CorpusIndex(settings: CorpusSettings())
        index.add(big)
        _ = index.knowledge()
        _ = try ReportRenderer.builtin().render(
            KnowledgeFile(
                format: KnowledgeEncoding.format, version: KnowledgeEncoding.version, generator: [:], documents: [big],
                errors: [], corpus: nil))
    }

    /// Property: every integer of a knowledge file replaced by an extreme value is either refused as malformed or
    /// read, indexed and rendered without a trap (a trap would end the test run).
    @Test func extremeNumbersInKnowledgeFilesNeverTrapTheReaders() throws {
        let doc = try process("‘We will build it,’ said Mayor Ines Okoro. “It costs $5 million,” she added on Monday.")
        let line = String(decoding: try KnowledgeEncoding.line(doc), as: UTF8.self)
        let numbers = try NSRegularExpression(pattern: #"(?<=[\[,:])-?[0-9]+(?=[\],}])"#)
        let matches = numbers.matches(in: line, range: NSRange(line.startIndex..., in: line))
        #expect(matches.count > 30)
        let extremes = ["-1", "2147483648", "9223372036854775807", "-9223372036854775808", "0"]
        var read = 0
        var refused = 0
        for (k, m) in matches.enumerated() {
            let r = Range(m.range, in: line)!
            var text = line
            text.replaceSubrange(r, with: extremes[k % extremes.count])
            let file =
                "{\"format\":\"\(KnowledgeEncoding.format)\",\"version\":1,\"generator\":{},\"errors\":[],\"documents\":[\(text)]}"
            do {
                let k = try KnowledgeFile.decode(Data(file.utf8), path: "k.json")
                let index = CorpusIndex(settings: CorpusSettings())
                for d in k.documents { index.add(d) }
                _ = index.knowledge()
                _ = try ReportRenderer.builtin().render(k)
                read += 1
            } catch let e as HearsayError {
                #expect(e.code == "knowledge.malformed")
                refused += 1
            }
        }
        #expect(read > 0 && refused > 0)
    }

    // MARK: - 10. The report: paragraphs × quote marks

    /// The highlighter finds the marks of each paragraph with one sweep: each paragraph's HTML is what it was when
    /// every mark was tested against every paragraph (checked here on random marks, nested and crossing).
    @Test func sweptParagraphsGiveTheSameMarkupAsOneByOne() {
        var rng = SeededGenerator(seed: 10)
        let text = String(repeating: "Words and more words, then a quote. ", count: 40)
        let n = text.unicodeScalars.count
        for _ in 0..<60 {
            let marks = (0..<Int.random(in: 0...40, using: &rng)).map { k -> Highlighter.Mark in
                let a = Int.random(in: -5..<n, using: &rng)
                let b = a + Int.random(in: 0...200, using: &rng)
                return Highlighter.Mark(
                    span: Span(a, b), layer: k % 2, open: { f, l in "<m\(k)\(f ? "f" : "")\(l ? "l" : "")>" },
                    close: "</m\(k)>")
            }
            let h = Highlighter(text: text, marks: marks)
            var cuts = Set([0, n])
            for _ in 0..<Int.random(in: 0...30, using: &rng) { cuts.insert(Int.random(in: 0...n, using: &rng)) }
            let points = cuts.sorted()
            let ranges = zip(points, points.dropFirst()).map { Span($0, $1) }
            let swept = h.html(ranges: ranges)
            #expect(swept == ranges.map { h.html($0) })
            for r in ranges {
                #expect(h.anyMark(overlapping: r) == h.marks.contains { $0.span.overlaps(r) })
            }
        }
    }
}
