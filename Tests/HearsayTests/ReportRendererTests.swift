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
            try ReportRenderer(style: "", script: "var s = '</SCRIPT>';", settings: try ReportSettings.builtin())
                .render(file([doc]))
        }
        #expect(throws: HearsayError.self) {
            try ReportRenderer(style: "a{}</style>", script: "", settings: try ReportSettings.builtin()).render(
                file([doc]))
        }
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
        let numbers = ReportNumbers(style: try ReportSettings.builtin().numbers)
        let labels = doc.claims.map(numbers.label)
        #expect(labels.contains("more than $75 billion"))
        #expect(labels.contains("12%"))
        let html = try ReportRenderer.builtin().render(file([doc]))
        #expect(html.contains(#"data-v="more than $75 billion""#))
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

/// The report at scale: speakers most quoted first with a filter, badges only on claims worth checking, numbers
/// written for people, and the folder layout.
@Suite struct ReportScaleTests {
    func file(_ docs: [KnowledgeDocument], corpus: CorpusKnowledge? = nil) -> KnowledgeFile {
        KnowledgeFile(
            format: KnowledgeEncoding.format, version: KnowledgeEncoding.version,
            generator: ["name": "hearsay", "version": "0"], documents: docs, errors: [], corpus: corpus)
    }

    /// A claim as a knowledge file writes it (decoded, so that it reads whatever shape the model has).
    func claim(
        _ text: String, _ value: Any, unit: String? = nil, kind: String, rule: String = "claims.unit",
        confidence: Double = 0.85, qualifier: String? = nil, valueMax: Any? = nil, change: String? = nil
    ) throws -> Claim {
        var json: [String: Any] = [
            "id": "c1", "text": text, "span": [0, text.unicodeScalars.count],
            "source_span": [0, text.utf8.count], "kind": kind, "equivalents": [],
            "provenance": ["stage": "claims", "rule": rule, "confidence": confidence],
        ]
        // Version 2: a number in value, a date or time in timex with value null.
        if value is String {
            json["value"] = NSNull()
            json["timex"] = value
        } else {
            json["value"] = value
        }
        if let unit { json["unit"] = unit }
        if let qualifier { json["qualifier"] = qualifier }
        if let valueMax { json["value_max"] = valueMax }
        if let change { json["change"] = change }
        return try JSONDecoder().decode(Claim.self, from: try JSONSerialization.data(withJSONObject: json))
    }

    @Test func numbersAreWrittenForPeople() throws {
        let n = ReportNumbers(style: try ReportSettings.builtin().numbers)
        func label(_ c: Claim) -> String { n.label(c) }
        #expect(label(try claim("66.66666666666666%", 66.66666666666666, unit: "%", kind: "percent")) == "66.7%")
        #expect(label(try claim("12%", 12, unit: "%", kind: "percent")) == "12%")
        #expect(label(try claim("0.04 percent", 0.04, unit: "%", kind: "percent")) == "0.04%")
        #expect(label(try claim("a third", 1.0 / 3, kind: "other")) == "0.33")
        #expect(label(try claim("$23 million", 23_000_000, unit: "USD", kind: "money")) == "$23 million")
        #expect(label(try claim("23000000 dollars", 23_000_000, unit: "USD", kind: "money")) == "$23 million")
        #expect(label(try claim("€1.25bn", 1_250_000_000, unit: "EUR", kind: "money")) == "€1.25 billion")
        #expect(label(try claim("$1,234,567", 1_234_567, unit: "USD", kind: "money")) == "$1,234,567")
        #expect(label(try claim("$4.5", 4.5, unit: "USD", kind: "money")) == "$4.50")
        #expect(label(try claim("30,000 francs", 30000, unit: "CHF", kind: "money")) == "CHF 30,000")
        #expect(label(try claim("£5,000", -5000, unit: "GBP", kind: "money")) == "−£5,000")
        #expect(
            label(try claim("$5m to $7m", 5_000_000, unit: "USD", kind: "money", valueMax: 7_000_000))
                == "$5 million–$7 million")
        #expect(
            label(try claim("more than $75 billion", 75e9, unit: "USD", kind: "money", qualifier: "more than"))
                == "more than $75 billion")
        // A count without its noun (the words before the badge name it); units as words in the plural.
        #expect(label(try claim("800 million members", 800e6, unit: "member", kind: "count")) == "800 million")
        #expect(
            label(try claim("tens of thousands", 10000, unit: "user", kind: "count", valueMax: 100000))
                == "10,000–100,000")
        #expect(label(try claim("four days", 4, unit: "day", kind: "measure")) == "4 days")
        #expect(label(try claim("one day", 1, unit: "day", kind: "measure")) == "1 day")
        #expect(label(try claim("3.5 km", 3.5, unit: "km", kind: "measure")) == "3.5 km")
        #expect(label(try claim("1,234.5678 km", 1234.5678, unit: "km", kind: "measure")) == "1,234.57 km")
        // Dates and times as the file writes them.
        #expect(label(try claim("July 10", "2020-07-10", kind: "date")) == "2020-07-10")
        #expect(label(try claim("2016", "2016", kind: "date")) == "2016")
        #expect(label(try claim("January to March", "2020-01", kind: "date", valueMax: "2020-03")) == "2020-01/2020-03")
        // No locale: grouping and points are fixed.
        #expect(n.fixed(1_234_567.891, decimals: 2, trim: true) == "1,234,567.89")
        #expect(n.decimal(-0.5, maxDecimals: 1) == "−0.5")
        #expect(n.decimal(0, maxDecimals: 1) == "0")
    }

    @Test func badgesOnlyForClaimsAnEditorWouldCheck() throws {
        let badge = ClaimBadge(settings: try ReportSettings.builtin().badges)
        func rule(_ c: Claim) -> String { badge.decide(c).rule }
        // An adjectival duration found with low confidence: no badge.
        #expect(rule(try claim("five-year", 5, unit: "year", kind: "measure", confidence: 0.45)) == "badge.confidence")
        // "one company": a count of one, whichever rule found it.
        #expect(
            rule(try claim("One company", 1, unit: "company", kind: "count", rule: "claims.count", confidence: 0.7))
                == "badge.small-amount")
        #expect(
            rule(try claim("one company", 1, unit: "company", kind: "count", rule: "claims.one-unit", confidence: 0.55))
                == "badge.confidence")
        // ...but "more than one company" is a figure someone stated.
        #expect(
            rule(try claim("one company", 1, unit: "company", kind: "count", confidence: 0.7, qualifier: "more than"))
                == "badge.check")
        #expect(
            rule(try claim("a few hours", 3, unit: "h", kind: "measure", rule: "claims.few-duration", confidence: 0.6))
                == "badge.vague")
        #expect(rule(try claim("June 2019", "2019-06", kind: "date", confidence: 0.8)) == "badge.kind")
        #expect(rule(try claim("first", 1, kind: "ordinal", confidence: 0.5)) == "badge.kind")
        #expect(
            rule(
                try claim("$23 million", 23e6, unit: "USD", kind: "money", rule: "claims.money-prefix", confidence: 0.9)
            ) == "badge.check")
        #expect(rule(try claim("66.6%", 66.6, unit: "%", kind: "percent")) == "badge.check")
        #expect(rule(try claim("450 people", 450, unit: "people", kind: "count", confidence: 0.7)) == "badge.check")
        #expect(badge.decide(try claim("450 people", 450, unit: "people", kind: "count", confidence: 0.7)).shown)

        // The thresholds are data: a settings file changes one key and keeps the others.
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("report-settings.json").path
        try Data(#"{"badges": {"min_confidence": {"measure": 0.4}}, "single_page_max_articles": 3}"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        let tuned = try ReportSettings.builtin(overriddenBy: path)
        #expect(tuned.badges.minConfidence["measure"] == 0.4)
        #expect(tuned.badges.minConfidence["money"] == (try ReportSettings.builtin()).badges.minConfidence["money"])
        #expect(tuned.singlePageMaxArticles == 3)
        #expect(
            ClaimBadge(settings: tuned.badges).decide(
                try claim("five-year", 5, unit: "year", kind: "measure", confidence: 0.45)
            ).shown)
        try Data(#"{"numbers": {"decimals": 9}}"#.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: HearsayError.self) { try ReportSettings.builtin(overriddenBy: path) }
        try Data(#"{"badges": {"min_confidence": {"money": "high"}}}"#.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: HearsayError.self) { try ReportSettings.builtin(overriddenBy: path) }
    }

    @Test func thePageBadgesOnlyTheClaimsWorthChecking() throws {
        let doc = KnowledgeDocument(
            try process(
                "The council approved a five-year plan. Mayor Ines Okoro said 66.66666666666666% of the $23 million "
                    + "would come from the region."))
        let kinds = Set(doc.claims.map(\.kind))
        try #require(kinds.contains(.percent) && kinds.contains(.money))
        let html = try ReportRenderer.builtin().render(file([doc]))
        #expect(html.contains(#"data-v="66.7%""#))
        #expect(html.contains(#"data-v="$23 million""#))
        #expect(html.contains("<td>66.7%</td>"), "the claims table shows the value rounded")
        #expect(!html.contains(#"data-v="66.66"#))
        // Every claim is still marked and listed; only the badged ones carry a value.
        #expect(html.components(separatedBy: "data-v=").count - 1 == 2)
        #expect(html.components(separatedBy: #"<span class="c" data-c=""#).count - 1 >= doc.claims.count)
    }

    /// Four speakers over three articles: three with two quotes each, one with three.
    func speakerDocuments() throws -> [KnowledgeDocument] {
        let texts = [
            "‘We will rebuild the bridge,’ said Mayor Ines Okoro.\n\n‘The bridge is safe,’ said Judge Felix Brandt.\n\n"
                + "‘It will open in May,’ said Judge Felix Brandt.",
            "‘Nobody asked us,’ said Professor Aiko Abbott.\n\n‘We have waited long enough,’ said Professor Aiko Abbott."
                + "\n\n‘Prices rose again,’ said Mayor Ines Okoro.",
            "‘The ferry runs late,’ said Professor Zara Young.\n\n‘The trains run later,’ said Professor Zara Young.\n\n"
                + "‘The buses do not run at all,’ said Professor Zara Young.",
        ]
        return try texts.enumerated().map { n, t in
            var d = KnowledgeDocument(try process(t))
            d.id = "news/\(n + 1).txt"
            return d
        }
    }

    @Test func whoSaidWhatIsSortedByQuotesThenNameWithAFilter() throws {
        let docs = try speakerDocuments()
        let quoted = docs.flatMap { d in d.quotes.compactMap { q in d.speakers.first { $0.id == q.speaker }?.name } }
        try #require(
            quoted.sorted() == [
                "Aiko Abbott", "Aiko Abbott", "Felix Brandt", "Felix Brandt", "Ines Okoro",
                "Ines Okoro", "Zara Young", "Zara Young", "Zara Young",
            ])
        let index = CorpusIndex(settings: try CorpusSettings.builtin())
        for d in docs { index.add(d) }
        for corpus in [index.knowledge(), nil] {
            let html = try ReportRenderer.builtin().render(file(docs, corpus: corpus))
            let who = String(try #require(html.range(of: #"<section id="who""#)).map { html[$0.lowerBound...] }!)
            let order = ["Zara Young", "Aiko Abbott", "Felix Brandt", "Ines Okoro"].map {
                who.range(of: "data-key=\"\($0)")?.lowerBound
            }
            #expect(order.allSatisfy { $0 != nil })
            #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted(), "most quoted first, ties by name")
            // The filter: a text box bound to the list, each entry with the names it matches.
            #expect(who.contains(#"<input type="search" id="who-filter" name="speaker" data-filter="who-list""#))
            #expect(who.contains(#"<div id="who-list">"#))
            #expect(who.components(separatedBy: #"<article class="speaker""#).count - 1 == 4)
        }
        // The folder's index: the same order, a row each, linking to the speaker's page.
        let pages = try ReportRenderer.builtin().renderFolder(file(docs, corpus: index.knowledge()))
        let indexPage = try #require(pages.first { $0.path == "index.html" }).contents
        // Each row's key: the name, then its other forms.
        let rows = indexPage.components(separatedBy: "<li data-key=\"").dropFirst().map {
            $0.prefix { $0 != "|" && $0 != "\"" }
        }
        .map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(rows == ["Zara Young", "Aiko Abbott", "Felix Brandt", "Ines Okoro"])
        #expect(indexPage.contains(#"<ol id="who-list" class="who-list">"#))
        #expect(indexPage.contains(#"data-filter="article-list""#))
        #expect(indexPage.contains("3 quotes in 1 article"))
    }

    @Test func aFolderReportLinksItsPagesRelatively() throws {
        let docs = try speakerDocuments()
        let index = CorpusIndex(settings: try CorpusSettings.builtin())
        for d in docs { index.add(d) }
        let knowledge = file(docs, corpus: index.knowledge())
        let renderer = try ReportRenderer.builtin()
        let pages = try renderer.renderFolder(knowledge)
        #expect(
            pages.map(\.path)
                == [
                    "index.html", "articles/d1.html", "articles/d2.html", "articles/d3.html", "speakers/1.html",
                    "variants.html",
                ])
        let page = Dictionary(uniqueKeysWithValues: pages.map { ($0.path, $0.contents) })
        let indexPage = try #require(page["index.html"])
        #expect(indexPage.contains(#"<a href="articles/d2.html">"#))
        #expect(indexPage.contains(#"<a href="variants.html">"#))
        #expect(!indexPage.contains(#"id="hearsay-data""#), "the index has no marks and no panel")
        let article = try #require(page["articles/d1.html"])
        #expect(article.contains(#"<a href="../index.html">Hearsay report</a>"#))
        #expect(article.contains(#"<a href="articles/d2.html">next</a>"#) == false)
        #expect(article.contains(#"<a href="../articles/d2.html">next</a>"#))
        #expect(article.contains(#"href="../speakers/1.html#who-"#))
        #expect(article.contains(#"id="d1-q1""#) && article.contains("hearsay-data"))
        #expect(!article.contains(#"id="d2-q1""#), "one article per page")
        let speaker = try #require(page["speakers/1.html"])
        #expect(speaker.contains(#"href="../articles/d3.html#d3-q1""#))
        // Speakers' pages fill in "who said what" order up to a number of quotes; a speaker is never split.
        var small = renderer.settings
        small.speakerPageMaxQuotes = 2
        let split = try ReportRenderer(style: renderer.style, script: renderer.script, settings: small)
            .renderFolder(knowledge)
        let speakerPages = split.filter { $0.path.hasPrefix("speakers/") }
        #expect(
            speakerPages.map(\.path) == ["speakers/1.html", "speakers/2.html", "speakers/3.html", "speakers/4.html"])
        #expect(speakerPages.first?.contents.contains("Zara Young") == true)
        #expect(speakerPages.last?.contents.contains("Ines Okoro") == true)
        let splitIndex = try #require(split.first?.contents)
        #expect(splitIndex.contains(#"<a href="speakers/4.html#who-"#))
        // Self-contained: nothing is fetched, every page forbids it.
        for p in pages {
            #expect(p.contents.contains("default-src 'none'"))
            #expect(!p.contents.contains("src=\"") && !p.contents.contains("href=\"http"))
        }
        // The same bytes every time.
        #expect(try renderer.renderFolder(knowledge) == pages)
        // The layout rule: up to single_page_max_articles articles one page, more a folder.
        let limit = renderer.settings.singlePageMaxArticles
        #expect(renderer.resolve(.auto, for: knowledge) == (docs.count <= limit ? .page : .folder))
        let many = file(Array(repeating: docs[0], count: limit + 1))
        #expect(renderer.resolve(.auto, for: many) == .folder)
        #expect(renderer.resolve(.page, for: many) == .page)
    }

    @Test func aFolderReplacesOnlyAnEarlierReport() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(ReportFolder.directory(for: "out/report.html") == "out/report")
        #expect(ReportFolder.directory(for: "report") == "report")
        #expect(ReportFolder.directory(for: ".html") == ".html")
        let target = dir.appendingPathComponent("r").path
        let one = [
            ReportRenderer.File(path: "index.html", contents: "1"), .init(path: "articles/d1.html", contents: "a"),
        ]
        try ReportFolder.write(one, to: target)
        #expect(try String(contentsOfFile: target + "/articles/d1.html", encoding: .utf8) == "a")
        #expect(FileManager.default.fileExists(atPath: target + "/" + ReportFolder.marker))
        // An earlier report is replaced as a whole: files it had and the new one lacks are gone.
        try ReportFolder.write([.init(path: "index.html", contents: "2")], to: target)
        #expect(try String(contentsOfFile: target + "/index.html", encoding: .utf8) == "2")
        #expect(!FileManager.default.fileExists(atPath: target + "/articles"))
        // Nothing but the report is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["r"])
        // Another folder is left alone.
        let other = dir.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: other.appendingPathComponent("notes.txt"))
        #expect(throws: HearsayError.self) { try ReportFolder.write(one, to: other.path) }
        #expect(try String(contentsOf: other.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep")
        // An input inside the report folder would be lost with it.
        try Data("{}".utf8).write(to: URL(fileURLWithPath: target + "/k.json"))
        #expect(throws: HearsayError.self) { try ReportFolder.write(one, to: target, inputs: [target + "/k.json"]) }
    }

    @Test func theCommandChoosesPageOrFolder() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cli = CommandLineTests()
        let knowledge = dir.appendingPathComponent("k.json").path
        let writer = try KnowledgeWriter(path: knowledge)
        try writer.append(try process("‘We will rebuild,’ said Mayor Ines Okoro."))
        try writer.finish(errors: [], pipelineSHA256: "x")
        let page = try cli.run(["report", knowledge], cwd: dir)
        #expect(page.status == 0, "\(page.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("report.html").path))
        let folder = try cli.run(["report", knowledge, "--layout", "folder", "-o", "big.html"], cwd: dir)
        #expect(folder.status == 0, "\(folder.stderr)")
        #expect(folder.stderr.contains("big/index.html"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("big/articles/d1.html").path))
        #expect(try cli.run(["report", knowledge, "--layout", "folder", "-o", "-"], cwd: dir).status == 64)
        #expect(try cli.run(["report", knowledge, "--layout", "wide"], cwd: dir).status == 64)
        let settings = dir.appendingPathComponent("s.json").path
        try Data(#"{"single_page_max_articles": 0}"#.utf8).write(to: URL(fileURLWithPath: settings))
        let auto = try cli.run(["report", knowledge, "--settings", settings, "-o", "auto"], cwd: dir)
        #expect(auto.status == 0, "\(auto.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("auto/index.html").path))
        try Data("{".utf8).write(to: URL(fileURLWithPath: settings))
        let bad = try cli.run(["report", knowledge, "--settings", settings], cwd: dir)
        #expect(bad.status == 2 && bad.stderr.contains("report.settings-invalid"))
    }
}
