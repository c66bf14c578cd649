import Foundation
import Testing

@testable import Hearsay

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/normalize/html")

private func fixture(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name)))
}

private func reader(_ config: HTMLReader.Config = HTMLReader.Config()) throws -> HTMLReader {
    try HTMLReader(config: config, resources: ResourceLoader())
}

private func text(_ b: HTMLBlock) -> String {
    var v = String.UnicodeScalarView()
    v.append(contentsOf: b.text.scalars)
    return String(v)
}

private func body(_ page: HTMLPage) -> String { page.blocks.map(text).joined(separator: "\n\n") }

@Test func htmlNewsPageKeepsTheArticleAndDropsBoilerplate() throws {
    let page = try reader().read(try fixture("news-page.html"), file: "news-page.html")
    let b = body(page)
    for kept in [
        "The harbour bridge, closed since the October storm,", "Repairs cost £4.2 million",
        "What changes for drivers", "A 20 mph limit will apply", "Heavy goods vehicles must use the ring road",
        "Residents on both sides of the water", "Local businesses on the south quay",
    ] {
        #expect(b.contains(kept), "missing: \(kept)")
    }
    for dropped in [
        "lighthouse mugs", "Most read", "Gulls steal", "Storm damage closes", "About time too", "Share on Social",
        "newsletter", "Copyright", "tracking", "do not keep", "must not appear", "Sport", "By Mara Quill",
        "photographed by a reader", "Harbour bridge to reopen",
    ] {
        #expect(!b.contains(dropped), "kept: \(dropped)")
    }
    let roles = Dictionary(page.blocks.map { (text($0), $0.role) }, uniquingKeysWith: { a, _ in a })
    #expect(roles["What changes for drivers"] == .heading)
    #expect(roles["A 20 mph limit will apply on the bridge for the first month."] == .listItem)
    #expect(
        roles["Residents on both sides of the water have waited long enough, and the crossing is safe again."]
            == .blockquote)
    // <br> is a line break inside its block.
    #expect(b.contains("fallen by a third\nsince the closure"))
    let rules = Set(page.removed.map(\.rule))
    for r in ["html.nav", "html.header", "html.footer", "html.script", "html.aside", "html.form"] {
        #expect(rules.contains(r), "no removal with rule \(r)")
    }
    // The related links are a removal whose byte span covers them.
    let bytes = try fixture("news-page.html")
    let related = try #require(String(decoding: bytes, as: UTF8.self).utf8.firstRange(of: "Storm damage closes".utf8))
    let at = String(decoding: bytes, as: UTF8.self).utf8.distance(
        from: String(decoding: bytes, as: UTF8.self).utf8.startIndex, to: related.lowerBound)
    #expect(page.removed.contains { $0.sourceSpan.contains(Span(at, at + 5)) && $0.rule != "html.head" })
    #expect(page.metadata.title == "Harbour bridge to reopen in spring")
    #expect(page.metadata.published == "2024-03-07")
    #expect(page.metadata.authors == ["Mara Quill"])
    #expect(page.metadata.url == "https://ledger.example/news/harbour-bridge")
    #expect(page.metadata.siteName == "The Coastal Ledger")
    #expect(page.metadata.language == "en-GB")
    #expect(page.decision.encoding == "utf-8")
}

@Test func htmlBlockScalarsMapBackToTheirOriginalBytes() throws {
    let bytes = try fixture("news-page.html")
    let page = try reader().read(bytes, file: "news-page.html")
    var checked = 0
    var entities = 0
    for block in page.blocks {
        let t = block.text
        for i in 0..<t.count {
            let s = t.scalars[i]
            let (start, end) = (Int(t.sourceStart[i]), Int(t.sourceEnd[i]))
            #expect(start <= end && end <= bytes.count)
            if s == " " || s == "\n" { continue }
            let source = Array(bytes[start..<end])
            if source.first == UInt8(ascii: "&") {
                #expect(source.last == UInt8(ascii: ";"))
                entities += 1
            } else {
                #expect(source == Array(String(s).utf8), "scalar \(s) maps to \(source)")
                checked += 1
            }
        }
    }
    #expect(checked > 500)
    #expect(entities >= 10)
    // A whole block's span covers exactly its paragraph in the source.
    let first = try #require(page.blocks.first { text($0).hasPrefix("Repairs cost") })
    let s = Int(first.text.sourceStart.first!)
    let e = Int(first.text.sourceEnd.last!)
    let source = String(decoding: bytes[s..<e], as: UTF8.self)
    #expect(source.hasPrefix("Repairs cost &pound;4.2 million"))
    #expect(source.hasSuffix("regional transport fund."))
}

@Test func htmlEntitiesAreDecoded() throws {
    let page = try reader().read(try fixture("news-page.html"), file: "news-page.html")
    let b = body(page)
    #expect(b.contains("the council & the regional transport fund"))
    #expect(b.contains("\u{201C}worst case\u{201D}"))
    #expect(b.contains("\u{201C}We\u{2019}re grateful for people\u{2019}s patience,\u{201D}"))
    let bytes = try fixture("news-page.html")
    let block = try #require(page.blocks.first { text($0).hasPrefix("Repairs cost") })
    let amp = try #require(block.text.scalars.firstIndex(of: "&"))
    let span = Int(block.text.sourceStart[amp])..<Int(block.text.sourceEnd[amp])
    #expect(String(decoding: bytes[span], as: UTF8.self) == "&amp;")
}

@Test func htmlWindows1252Page() throws {
    let bytes = try fixture("windows-1252.html")
    let page = try reader().read(bytes, file: "windows-1252.html")
    #expect(page.decision.encoding == "windows-1252")
    let b = body(page)
    #expect(b.contains("The café’s owner said prices would rise by €2 from Monday, “because milk costs more”"))
    let block = page.blocks[0]
    let euro = try #require(block.text.scalars.firstIndex(of: "€"))
    #expect(Int(block.text.sourceEnd[euro]) - Int(block.text.sourceStart[euro]) == 1)
    #expect(bytes[Int(block.text.sourceStart[euro])] == 0x80)
    let e = try #require(block.text.scalars.firstIndex(of: "é"))
    #expect(bytes[Int(block.text.sourceStart[e])] == 0xE9)
}

@Test func htmlWrongCharsetDeclarationIsOverruledByValidUTF8() throws {
    let bytes = try fixture("wrong-charset.html")
    let page = try reader().read(bytes, file: "wrong-charset.html")
    #expect(page.decision.encoding == "utf-8")
    let b = body(page)
    #expect(b.contains("Der Bürgermeister sagte, die Straße werde im März geöffnet"))
    let block = page.blocks[0]
    let u = try #require(block.text.scalars.firstIndex(of: "ü"))
    let span = Int(block.text.sourceStart[u])..<Int(block.text.sourceEnd[u])
    #expect(Array(bytes[span]) == [0xC3, 0xBC])
}

@Test func htmlDeepNestingFinishesAndKeepsTheText() throws {
    var html = "<html><body>"
    for _ in 0..<10_000 { html += "<div>" }
    html += "<p>Deep inside the nesting there is a sentence, long enough to count as a paragraph of text.</p>"
    for _ in 0..<10_000 { html += "</div>" }
    html += "</body></html>"
    let page = try reader().read(Array(html.utf8), file: "deep.html")
    #expect(body(page).contains("Deep inside the nesting there is a sentence"))

    var unclosed = "<html><body>"
    for _ in 0..<10_000 { unclosed += "<span><b>" }
    unclosed += "Unclosed inline elements still give their text back to the reader."
    let page2 = try reader().read(Array(unclosed.utf8), file: "unclosed.html")
    #expect(body(page2).contains("Unclosed inline elements still give their text back"))
}

@Test func htmlRefusesPagesOverTheByteCap() throws {
    var config = HTMLReader.Config()
    config.maxBytes = 1000
    let bytes = try fixture("news-page.html")
    do {
        _ = try reader(config).read(bytes, file: "news-page.html")
        Issue.record("no error thrown")
    } catch let e as HearsayError {
        #expect(e.code == "too-large")
        #expect(e.file == "news-page.html")
        #expect(e.byteOffset == 1000)
    }
}

@Test func htmlConfigDecodesSnakeCaseWithDefaults() throws {
    let c = try JSONDecoder().decode(
        HTMLReader.Config.self, from: Data(#"{"max_depth": 50, "main_content": false}"#.utf8))
    #expect(c.maxDepth == 50)
    #expect(c.mainContent == false)
    #expect(c.maxBytes == HTMLReader.Config().maxBytes)
    #expect(Set(HTMLReader.Config.keys).count == HTMLReader.Config.keys.count)
    #expect(throws: DecodingError.self) {
        try JSONDecoder().decode(HTMLReader.Config.self, from: Data(#"{"max_dept": 50}"#.utf8))
    }
    let encoded =
        try JSONSerialization.jsonObject(with: try JSONEncoder().encode(HTMLReader.Config())) as? [String: Any]
    #expect(Set(encoded?.keys.map { $0 } ?? []) == Set(HTMLReader.Config.keys))
}

@Test func htmlCharsetSniffing() {
    #expect(HTMLReader.sniffCharset(Array(#"<meta charset="Shift_JIS">"#.utf8)) == "shift_jis")
    #expect(
        HTMLReader.sniffCharset(
            Array(#"<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">"#.utf8))
            == "iso-8859-1")
    #expect(HTMLReader.sniffCharset(Array("<p>no declaration</p>".utf8)) == nil)
}

@Test func htmlMetadataDates() {
    #expect(HTMLMetadataReader.date("2019-11-20T10:00:00Z") == "2019-11-20")
    #expect(HTMLMetadataReader.date("2019/11/20") == "2019-11-20")
    #expect(HTMLMetadataReader.date("20191120") == "2019-11-20")
    #expect(HTMLMetadataReader.date("Nov 20, 2019") == nil)
    #expect(HTMLMetadataReader.date("2019-13-01") == nil)
}

@Test func htmlDeclaredCharsetOutsideTheBuiltinDecoderGoesThroughIconv() throws {
    let bytes = try fixture("windows-1251.html")
    let page = try reader().read(bytes, file: "windows-1251.html")
    #expect(page.decision.encoding == "windows-1251")
    #expect(body(page).contains("Мэр города заявил, что новый мост через реку откроют в марте"))
    let block = page.blocks[0]
    let m = try #require(block.text.scalars.firstIndex(of: "М"))
    #expect(Int(block.text.sourceEnd[m]) - Int(block.text.sourceStart[m]) == 1)
    #expect(bytes[Int(block.text.sourceStart[m])] == 0xCC)
}

@Test func htmlJSONLDArticleBodyIsEvidenceForTheRightContainer() throws {
    let story = [
        "The river authority said on Monday that the new flood barrier will be finished before the autumn rains arrive.",
        "Engineers have driven steel piles along the east bank, and the concrete wall is now two thirds complete.",
        "The authority expects the barrier to protect about four hundred homes that flooded twice in the last decade.",
    ]
    let chatter = (1...8).map {
        "Reader number \($0) writes that, honestly, the council has wasted money, time, patience, and goodwill, again and again, for years."
    }
    let evidence = story.joined(separator: " ")
    var html =
        "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Barrier\", "
    html += "\"articleBody\": \"\(evidence)\"}</script></head><body>"
    html += "<div class=\"wrap\"><div class=\"a1\">" + story.map { "<p>\($0)</p>" }.joined() + "</div></div>"
    html += "<div class=\"wrap\"><div class=\"a2\">" + chatter.map { "<p>\($0)</p>" }.joined() + "</div></div>"
    html += "</body></html>"
    let page = try reader().read(Array(html.utf8), file: "evidence.html")
    let b = body(page)
    #expect(b.contains("The river authority said on Monday"))
    #expect(!b.contains("Reader number"))
    // The evidence itself is never output: the body holds the page's own paragraphs, with their byte spans.
    #expect(page.blocks.count == 3)
    #expect(page.blocks.allSatisfy { $0.text.sourceStart[0] > Int32(html.utf8.count / 4) })
}

@Test func htmlLongRunsCRLFAndImpliedParagraphsKeepExactByteRanges() throws {
    // Text longer than libxml2's 1000-byte chunks, with multi-byte characters, CRLF line ends, and text directly
    // in <body> (libxml2 implies a <p> after reading it).
    let sentence = "Der Fluss führt Hochwasser – die Stadt öffnet Notunterkünfte, sagte die Bürgermeisterin.\r\n"
    let long = String(repeating: sentence, count: 40)
    let html = "<html><body>\r\n" + long + "<div><p>" + long + "</p></div></body></html>"
    let bytes = Array(html.utf8)
    let page = try reader(HTMLReader.Config.plain()).read(bytes, file: "long.html")
    #expect(page.blocks.count == 2)
    var checked = 0
    for block in page.blocks {
        for i in 0..<block.text.count where block.text.scalars[i] != " " {
            let source = Array(bytes[Int(block.text.sourceStart[i])..<Int(block.text.sourceEnd[i])])
            #expect(source == Array(String(block.text.scalars[i]).utf8))
            checked += 1
        }
    }
    #expect(checked > 6000)
}

@Test func htmlPageWideFormOrUnclosedHeaderIsNotDropped() throws {
    let paragraphs = (1...8).map {
        "<p>Paragraph \($0) of the report says that the harbour authority will publish its accounts, its plans, and its budget before the spring meeting.</p>"
    }.joined()
    // An ASP.NET page: one <form> around everything.
    let aspnet =
        "<html><body><form id=\"aspnetForm\" action=\"page.aspx\"><div id=\"nav\"><a href=\"/\">Home</a></div>"
        + "<div class=\"story\">" + paragraphs + "</div></form></body></html>"
    let page = try reader().read(Array(aspnet.utf8), file: "aspnet.html")
    #expect(page.blocks.count == 8)
    // A <header> left open swallows the page.
    let unclosed =
        "<html><body><header><a href=\"/\">Site</a><div class=\"story\">" + paragraphs + "</div></body></html>"
    let page2 = try reader().read(Array(unclosed.utf8), file: "unclosed-header.html")
    #expect(page2.blocks.count == 8)
    // A small search form is still dropped.
    let small =
        "<html><body><form><label>Search the site</label><input></form><div>" + paragraphs + "</div></body></html>"
    let page3 = try reader().read(Array(small.utf8), file: "small-form.html")
    #expect(page3.removed.contains { $0.rule == "html.form" })
    #expect(!body(page3).contains("Search the site"))
}

@Test func htmlRemovalSpansCoverTheRemovedElements() throws {
    let bytes = try fixture("news-page.html")
    let page = try reader().read(bytes, file: "news-page.html")
    func source(_ r: Removal) -> String {
        String(decoding: bytes[r.sourceSpan.start..<r.sourceSpan.end], as: UTF8.self)
    }
    let nav = try #require(page.removed.first { $0.rule == "html.nav" })
    #expect(source(nav).hasPrefix("<nav class=\"main-nav\">"))
    #expect(source(nav).hasSuffix("</nav>"))
    #expect(nav.excerpt == "Sport Weather")
    let footer = try #require(page.removed.first { $0.rule == "html.footer" })
    #expect(source(footer).hasPrefix("<footer"))
    #expect(source(footer).contains("All rights reserved."))
    // Removals are sorted and do not reach past the input.
    #expect(page.removed.map(\.sourceSpan) == page.removed.map(\.sourceSpan).sorted())
    #expect(page.removed.allSatisfy { $0.sourceSpan.end <= bytes.count && $0.excerpt.count <= 80 })
}

@Test func htmlByteOrderMarksKeepOffsetsInTheOriginalBytes() throws {
    let html =
        "<html><body><article><p>Ein Satz über die Brücke, lang genug für einen Absatz im Artikel.</p></article></body></html>"
    let utf8 = [0xEF, 0xBB, 0xBF] + Array(html.utf8)
    let page = try reader().read(utf8, file: "bom8.html")
    #expect(page.decision.evidence == "bom")
    let b = page.blocks[0].text
    let u = try #require(b.scalars.firstIndex(of: "ü"))
    #expect(Array(utf8[Int(b.sourceStart[u])..<Int(b.sourceEnd[u])]) == [0xC3, 0xBC])

    var utf16: [UInt8] = [0xFF, 0xFE]
    for unit in html.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let page16 = try reader().read(utf16, file: "bom16.html")
    #expect(page16.decision.encoding == "utf-16le")
    let t = page16.blocks[0].text
    #expect(String(String.UnicodeScalarView(t.scalars)).hasPrefix("Ein Satz über die Brücke"))
    let u16 = try #require(t.scalars.firstIndex(of: "ü"))
    #expect(Int(t.sourceEnd[u16]) - Int(t.sourceStart[u16]) == 2)
    #expect(Array(utf16[Int(t.sourceStart[u16])..<Int(t.sourceEnd[u16])]) == [0xFC, 0x00])
}

@Test func htmlDoubleLineBreaksSplitParagraphs() throws {
    let html =
        "<html><body><div class=\"entry-content\">"
        + "The first paragraph of an old blog post, written without any paragraph tags at all.<br>\n<br>\n"
        + "The second paragraph follows two line breaks,<br>and this line is part of it.<br><br>"
        + "The third paragraph closes the post with one more sentence of plain text.</div></body></html>"
    let page = try reader(HTMLReader.Config.plain()).read(Array(html.utf8), file: "br.html")
    #expect(
        page.blocks.map(text) == [
            "The first paragraph of an old blog post, written without any paragraph tags at all.",
            "The second paragraph follows two line breaks,\nand this line is part of it.",
            "The third paragraph closes the post with one more sentence of plain text.",
        ])
}

@Test func htmlDatelinesAreDroppedButDatedSentencesStay() {
    let stamps: Set<String> = ["updated", "published"]
    func dateline(_ s: String) -> Bool { ContentExtractor.isDateline(Array(s.unicodeScalars), stampWords: stamps) }
    #expect(dateline("Updated 5:27 am CST, Wednesday, November 20, 2019"))
    #expect(dateline("Published: 19 November 2019"))
    #expect(!dateline("The match kicks off at 19:45 on 12 May 2024."))
    #expect(!dateline("The council published its budget in 2019 and again in 2020, with cuts to every department."))
}

@Test func htmlShortByLinesAreDroppedButSentencesStartingWithByStay() throws {
    let rest = (1...4).map {
        "<p>Paragraph \($0) explains, in some detail, how the new ferry timetable will work for commuters and visitors.</p>"
    }.joined()
    let html =
        "<html><body><article><p>By Mara Quill — March 7, 2024</p>"
        + "<p>By Tuesday, officials had agreed on a plan for the harbour.</p>" + rest + "</article></body></html>"
    let b = body(try reader().read(Array(html.utf8), file: "byline.html"))
    #expect(!b.contains("Mara Quill"))
    #expect(b.contains("By Tuesday, officials had agreed on a plan for the harbour."))
}

/// A story whose paragraphs after the first each carry a boilerplate class word (a "paywall" marker on every
/// `<p>`, as some publishers write them): the extractor drops them one by one, the main-text check sees the kept
/// text far short of the page's paragraph text, and the wider extraction (same region, no verdicts on containers)
/// brings the story back, with a warning that gives both lengths.
private func hiddenStoryPage() -> String {
    let story = (1...9).map {
        "<p\($0 == 1 ? "" : " class=\"paywall\"")>Part \($0) of the story: the lighthouse keepers of the northern "
            + "cape said, after a long winter, that the lamp, the foghorn and the old radio mast all need repairs "
            + "before the spring storms arrive again.</p>"
    }.joined()
    let ld = "{\"@type\": \"NewsArticle\", \"headline\": \"Keepers ask for repairs\"}"
    return "<html><head><script type=\"application/ld+json\">\(ld)</script></head><body><div class=\"page\">"
        + "<h1>Keepers ask for repairs</h1><div class=\"content\"><div class=\"story\">\(story)</div>"
        + "<p>Share your own lighthouse photographs with the newsroom.</p></div></div></body></html>"
}

@Test func htmlMainTextInAnUnusualContainerGetsTheFallbackAndADiagnostic() throws {
    let html = hiddenStoryPage()
    var config = HTMLReader.Config()
    config.mainTextCheck.enabled = false
    let without = try reader(config).read(Array(html.utf8), file: "hidden.html")
    #expect(body(without).contains("Part 1 of the story"))
    for k in 2...9 { #expect(!body(without).contains("Part \(k) of the story")) }
    #expect(without.diagnostics.isEmpty)

    let page = try reader().read(Array(html.utf8), file: "hidden.html")
    let b = body(page)
    for k in 1...9 { #expect(b.contains("Part \(k) of the story")) }
    let d = try #require(page.diagnostics.first)
    #expect(page.diagnostics.count == 1)
    #expect(d.code == "normalize.main-text-replaced")
    #expect(d.severity == .warning)
    // Both lengths: what was kept first, and what the wider extraction kept.
    let kept = body(without).unicodeScalars.filter { !$0.properties.isWhitespace }.count
    #expect(d.message.contains("main text of \(kept) characters"))
    #expect(d.message.contains("replaced by a wider extraction of"))

    // The warning reaches the document, and from there the knowledge file and the batch summary.
    let pipeline = try makePipeline(["normalize"])
    var doc = Document(id: "hidden.html", path: "hidden.html", bytes: Array(html.utf8))
    try pipeline.process(&doc)
    #expect(doc.diagnostics.map(\.code) == ["normalize.main-text-replaced"])
    #expect(doc.text.contains("Part 7 of the story"))
}

@Test func htmlMainTextShortOfTheArticleBodyIsReportedWhenNothingWiderHelps() throws {
    // The page shows two paragraphs; its JSON-LD articleBody has the whole story (a paywalled page).
    let shown =
        "<p>The ferry company said on Friday that the winter timetable, with fewer crossings, will start in "
        + "November.</p><p>Passengers with season tickets will be offered a refund, the company said.</p>"
    let evidence = (1...20).map { "Sentence \($0) of the full story tells what the ferry company plans next year." }
        .joined(separator: " ")
    let html =
        "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": "
        + "\"Ferry timetable\", \"articleBody\": \"\(evidence)\"}</script></head><body><article>\(shown)</article>"
        + "</body></html>"
    let page = try reader().read(Array(html.utf8), file: "paywall.html")
    #expect(body(page).contains("winter timetable"))
    let d = try #require(page.diagnostics.first)
    #expect(d.code == "normalize.main-text-short")
    #expect(d.message.contains("the JSON-LD articleBody"))
    let evidenceChars = evidence.unicodeScalars.filter { !$0.properties.isWhitespace }.count
    #expect(d.message.contains("(\(evidenceChars) characters)"))
}

@Test func htmlMainTextCheckIsQuietOnAnOrdinaryPage() throws {
    let page = try reader().read(try fixture("news-page.html"), file: "news-page.html")
    #expect(page.diagnostics.isEmpty)
}

@Test func htmlCreditAndCopyrightLinesAreRemovedWithTheirRule() throws {
    let story = (1...4).map {
        "<p>Paragraph \($0) explains, in some detail, how the new ferry timetable will work for commuters and visitors.</p>"
    }.joined()
    let html =
        "<html><body><article>" + story
        + "<p>Copyright law, the minister added, will not change the timetable.</p>"
        + "<p>Reporting by Ana Lima in Lisbon; Editing by Clara Diaz</p>"
        + "<p>This article originally appeared on Example Weekly.</p><p>© Example Wire 2020</p></article></body></html>"
    let pipeline = try makePipeline(["normalize"])
    var doc = Document(id: "credits.html", path: "credits.html", bytes: Array(html.utf8))
    try pipeline.process(&doc)
    #expect(doc.text.contains("Copyright law, the minister added"))
    #expect(!doc.text.contains("Reporting by"))
    #expect(!doc.text.contains("originally appeared"))
    #expect(!doc.text.contains("©"))
    let rules = doc.removed.map(\.rule)
    #expect(rules.contains("boilerplate.credit"))
    #expect(rules.contains("boilerplate.syndication"))
    #expect(rules.contains("boilerplate.copyright"))
    for r in doc.removed where r.rule == "boilerplate.copyright" {
        #expect(doc.originalText(r.sourceSpan) == "© Example Wire 2020")
    }
    #expect(doc.removed == doc.removed.sorted { $0.sourceSpan < $1.sourceSpan })
}

@Test func htmlMetadataDecodesReferencesAndSplitsAuthorLists() throws {
    let story = (1...4).map {
        "<p>Paragraph \($0) explains, in some detail, how the new ferry timetable will work for commuters and visitors.</p>"
    }.joined()
    let html =
        "<html><head><meta property=\"og:title\" content=\"Ferries &amp;amp; trains\">"
        + "<meta property=\"og:site_name\" content=\"Harbour &amp;#8217;s News\">"
        + "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Ferries\", "
        + "\"author\": {\"name\": \"Maeve O&#039;Hara\"}}</script>"
        + "<meta name=\"author\" content=\"Ann Lee, Bo Park and Cy Dunn, Wire\">"
        + "<meta name=\"dc.creator\" content=\"Lee, Ann\"></head><body><article>" + story + "</article></body></html>"
    let page = try reader().read(Array(html.utf8), file: "meta.html")
    #expect(page.metadata.title == "Ferries & trains")
    #expect(page.metadata.siteName == "Harbour ’s News")
    #expect(page.metadata.authors == ["Maeve O'Hara", "Ann Lee", "Bo Park", "Cy Dunn", "Lee, Ann"])
    #expect(HTMLMetadataReader.names("By Ann Lee and Bo Park") == ["Ann Lee", "Bo Park"])
    // One name and an affiliation is no list: the field stays whole.
    #expect(HTMLMetadataReader.names("Ann Lee, Wire") == ["Ann Lee, Wire"])
    #expect(HTMLMetadataReader.decodeReferences("A &amp; B &#x2014; C &unknown; &") == "A & B — C &unknown; &")
}

@Test func htmlLeadParagraphWithAHeadlineClassIsKept() throws {
    let story = (1...4).map {
        "<p class=\"bodytext\">Paragraph \($0) explains, in some detail, how the new ferry timetable will work for commuters.</p>"
    }.joined()
    let html =
        "<html><head><title>Ferry timetable changes</title></head><body><div class=\"story\">"
        + "<p class=\"title\">New ferry hours</p>"
        + "<p class=\"title\">The harbour board agreed on Monday to run the late ferry every night of the week from June, after a year of complaints from shift workers.</p>"
        + "<p class=\"kicker\">Transport news, in brief, for the whole of the coast and its towns.</p>"
        + story + "</div></body></html>"
    let page = try reader().read(Array(html.utf8), file: "lead.html")
    let b = body(page)
    // A <p> with a headline class that reads as a sentence of 15+ words is the story's lead, not a headline.
    #expect(b.contains("The harbour board agreed on Monday"))
    // A short one, or a sentence under 15 words, is still dropped as html.byline.
    #expect(!b.contains("New ferry hours"))
    #expect(!b.contains("Transport news, in brief"))
    #expect(page.removed.contains { $0.rule == "html.byline" })
}

@Test func htmlTrailingAboutSectionIsRemoved() throws {
    let story = (1...6).map {
        "<p>Paragraph \($0) explains, in some detail, how the new ferry timetable will work for commuters and visitors alike.</p>"
    }.joined()
    func normalize(_ html: String) throws -> Document {
        let pipeline = try makePipeline(["normalize"])
        var doc = Document(id: "about.html", path: "about.html", bytes: Array(html.utf8))
        try pipeline.process(&doc)
        return doc
    }
    // After a thematic break: a company describing itself, and what follows, go as one removal.
    let afterRule = try normalize(
        "<html><body><article>" + story
            + "<hr><p>Quayline is a regional operator of passenger ferries and harbour services.</p>"
            + "<p>Quayline is based in Portmere and employs around 400 people.</p></article></body></html>")
    #expect(afterRule.text.contains("Paragraph 6 explains"))
    #expect(!afterRule.text.contains("regional operator"))
    #expect(!afterRule.text.contains("employs around 400"))
    let about = afterRule.removed.filter { $0.rule == "boilerplate.about-section" }
    #expect(about.count == 1)
    if let r = about.first {
        #expect(afterRule.originalText(r.sourceSpan).hasPrefix("Quayline is a regional operator"))
        #expect(afterRule.originalText(r.sourceSpan).hasSuffix("around 400 people."))
    }
    // An "About NAME" heading followed by NAME's self-description, and an "About the author" bio.
    let named = try normalize(
        "<html><body><article>" + story
            + "<p><strong>About Quayline Ferries</strong></p><p>Quayline Ferries (LSE: QLF) is a regional operator of passenger ferries.</p>"
            + "</article></body></html>")
    #expect(!named.text.contains("About Quayline"))
    #expect(!named.text.contains("regional operator"))
    let author = try normalize(
        "<html><body><article>" + story
            + "<h3>About the author</h3><p>Ana Lima writes about transport and the sea.</p></article></body></html>")
    #expect(!author.text.contains("About the author"))
    #expect(!author.text.contains("writes about transport"))
    // Without the break, the same sentence is part of the story; and a section may not be most of the text.
    let noRule = try normalize(
        "<html><body><article>" + story
            + "<p>Quayline is a regional operator of passenger ferries and harbour services.</p></article></body></html>"
    )
    #expect(noRule.text.contains("Quayline is a regional operator"))
    let long = try normalize(
        "<html><body><article>" + story + "<h3>About the author</h3>"
            + story.replacingOccurrences(of: "Paragraph", with: "Part")
            + "</article></body></html>")
    #expect(long.text.contains("Part 6 explains"))
    #expect(!long.removed.contains { $0.rule == "boilerplate.about-section" })
}
