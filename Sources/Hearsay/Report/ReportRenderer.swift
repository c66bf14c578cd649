import Foundation

/// Renders a knowledge file as HTML for editors: one self-contained page, or for many articles a folder of pages.
///
/// Per article: the normalized text with every quote highlighted in its speaker's colour and every claim marked, the
/// claims an editor would check with a badge showing their value (``ClaimBadge``, values written by
/// ``ReportNumbers``); hovering a mark shows a summary, clicking or pressing Enter opens a details panel (speaker,
/// cue, kind, confidence, the rules that decided); removed boilerplate and the claim list sit in collapsed sections.
/// Then "who said what" (each speaker merged across articles, most quoted first, with a filter) and the quote
/// variants (the same statement in several articles, side by side, changed words marked). Reads the knowledge file
/// through ``KnowledgeFile``; the `corpus` section is used when present.
///
/// A folder (``renderFolder(_:)``) holds `index.html` (the articles with their counts, who said what), one page per
/// article in `articles/`, the speakers' quotes in `speakers/` (a page holds a few speakers, in the index's order)
/// and `variants.html`: each page is small, so a report of
/// thousands of articles opens at once, and the pages link to each other by relative paths, so the folder works
/// offline from disk.
///
/// A page loads nothing: style and script are inlined from the resources `report.css` and `report.js`, and a
/// Content-Security-Policy forbids any fetch. Every string from the file is escaped; the data for the script is JSON
/// escaped for a `<script>` element. The same knowledge file always gives the same bytes.
public struct ReportRenderer: Sendable {
    /// The style sheet and the script, inlined into every page.
    public let style: String
    public let script: String
    public let settings: ReportSettings

    /// Number of speaker colours in the style sheet (`.sp-0` ... `.sp-15`).
    public static let paletteSize = 16

    /// One page or a folder of pages.
    public enum Layout: String, Sendable, CaseIterable {
        /// One page for at most `single_page_max_articles` articles, a folder for more.
        case auto
        case page
        case folder
    }

    /// A file of a folder report: its path relative to the folder and its contents.
    public struct File: Sendable, Equatable {
        public var path: String
        public var contents: String
    }

    public init(style: String, script: String, settings: ReportSettings) {
        self.style = style
        self.script = script
        self.settings = settings
    }

    /// The renderer with the built-in `report.css`, `report.js` and, unless given, `report.json`.
    /// - Throws: ``HearsayError`` `resource.*` when the resources cannot be read.
    public static func builtin(resources: ResourceLoader = ResourceLoader(), settings: ReportSettings? = nil) throws
        -> ReportRenderer
    {
        func text(_ name: String) throws -> String {
            guard let s = String(data: try resources.data("builtin:" + name), encoding: .utf8) else {
                throw HearsayError(code: "resource.encoding", message: "resource '\(name)' is not UTF-8")
            }
            return s
        }
        return ReportRenderer(
            style: try text("report.css"), script: try text("report.js"),
            settings: try settings ?? ReportSettings.builtin(resources: resources))
    }

    /// `.page` or `.folder`: `auto` decided by the number of articles.
    public func resolve(_ layout: Layout, for file: KnowledgeFile) -> Layout {
        guard layout == .auto else { return layout }
        return file.documents.count <= settings.singlePageMaxArticles ? .page : .folder
    }

    /// The report as one page.
    /// - Throws: ``HearsayError`` `report.bad-resource` when the style or script could end their element early.
    public func render(_ file: KnowledgeFile) throws -> String {
        try checkResources()
        var page = ReportPage(file: file, settings: settings)
        return try page.html(style: style, script: script)
    }

    /// The report as a folder: `index.html`, `articles/d1.html` ..., `speakers/1.html` ..., `variants.html`, in
    /// that order.
    /// - Throws: ``HearsayError`` `report.bad-resource` when the style or script could end their element early.
    public func renderFolder(_ file: KnowledgeFile) throws -> [File] {
        try checkResources()
        var page = ReportPage(file: file, settings: settings)
        return try page.folder(style: style, script: script)
    }

    func checkResources() throws {
        for (name, body, end) in [("report.css", style, "</style"), ("report.js", script, "</script")]
        where body.range(of: end, options: .caseInsensitive) != nil || body.contains("<!--") {
            throw HearsayError(code: "report.bad-resource", message: "\(name) must not contain \(end) or <!--")
        }
    }
}

/// One rendering: the indexes built from the knowledge file and the page assembled from them.
struct ReportPage {
    let file: KnowledgeFile
    let numbers: ReportNumbers
    let badge: ClaimBadge
    /// `d1`, `d2`, ... by position in the file: element ids are these keys, not document ids (paths), joined to the
    /// file's quote and claim ids (`d1-q4`), always escaped.
    let docKeys: [String]
    let docIndex: [String: Int]
    let speakers: [ReportSpeaker]
    /// The speaker page (1, 2, ...) of each speaker in a folder report, and each page's speakers in order: pages
    /// are filled in "who said what" order, a new one begun when the next speaker would take the page past
    /// `speaker_page_max_quotes` quotes or `speaker_page_max_speakers` speakers.
    let speakerPageOf: [Int]
    let speakerPages: [[Int]]
    /// Each speaker's number of quotes.
    let quoteTotals: [Int]
    /// The speakers in the order "who said what" lists them: most quotes first, ties by name (ignoring case), type
    /// and position.
    let speakerOrder: [Int]
    /// (document id, per-document speaker id) → index into `speakers`.
    let speakerOf: [DocSpeaker: Int]
    /// The palette colour of each speaker.
    let colourOf: [Int]
    /// (document id, quote id) → quote group id.
    let groupOf: [DocQuote: String]
    /// Per document: each speaker id and quote id → its first index in the document's list, so that finding one
    /// costs no scan (a report of n quotes would otherwise cost n² lookups).
    let speakerIndex: [[String: Int]]
    let quoteIndex: [[String: Int]]
    /// The text of each document as scalars, when written.
    var scalars: [Int: [Unicode.Scalar]] = [:]
    /// Details for the panel, by element id.
    var details: [String: PanelDetails] = [:]
    /// The page being written, which decides how links are written.
    var place: Place = .single

    /// Where a page sits: the single page, or a page of a folder report.
    enum Place: Equatable {
        case single
        case index
        case article(Int)
        case speaker
        case variants
    }

    struct DocSpeaker: Hashable {
        var document: String
        var speaker: String
    }
    struct DocQuote: Hashable {
        var document: String
        var quote: String
    }

    /// A speaker of the "who said what" list: a corpus speaker, or (in files without `corpus`) the speakers of the
    /// same name and type across documents.
    struct ReportSpeaker {
        var id: String
        var name: String
        var type: String
        var aliases: [String]
        var descriptions: [String]
        var documents: [CorpusSpeaker.Appearance]
    }

    struct PanelDetails: Encodable {
        var title: String
        var rows: [[String]]
        var links: [[String]]
    }

    init(file: KnowledgeFile, settings: ReportSettings) {
        self.file = file
        numbers = ReportNumbers(style: settings.numbers)
        badge = ClaimBadge(settings: settings.badges)
        docKeys = file.documents.indices.map { "d\($0 + 1)" }
        var docIndex: [String: Int] = [:]
        for (i, d) in file.documents.enumerated() where docIndex[d.id] == nil { docIndex[d.id] = i }
        self.docIndex = docIndex
        speakerIndex = file.documents.map { d in
            var m: [String: Int] = [:]
            for (k, s) in d.speakers.enumerated() where m[s.id] == nil { m[s.id] = k }
            return m
        }
        quoteIndex = file.documents.map { d in
            var m: [String: Int] = [:]
            for (k, q) in d.quotes.enumerated() where m[q.id] == nil { m[q.id] = k }
            return m
        }

        var speakers: [ReportSpeaker] = []
        if let corpus = file.corpus {
            speakers = corpus.speakers.map {
                ReportSpeaker(
                    id: $0.id, name: $0.name, type: $0.type, aliases: $0.aliases, descriptions: $0.descriptions,
                    documents: $0.documents)
            }
        } else {
            var byName: [String: Int] = [:]
            for d in file.documents {
                var quotesBySpeaker: [String: [String]] = [:]
                for q in d.quotes { if let sp = q.speaker { quotesBySpeaker[sp, default: []].append(q.id) } }
                for s in d.speakers {
                    let key = s.type.rawValue + "\u{0}" + s.name
                    let quotes = quotesBySpeaker[s.id] ?? []
                    let appearance = CorpusSpeaker.Appearance(document: d.id, speaker: s.id, quotes: quotes)
                    if let i = byName[key] {
                        speakers[i].documents.append(appearance)
                        speakers[i].descriptions = Array(Set(speakers[i].descriptions + s.descriptions)).sorted()
                        speakers[i].aliases = Array(
                            Set(
                                speakers[i].aliases
                                    + s.mentions.filter { $0.form == .name }
                                    .map(\.text)
                            ).subtracting([s.name])
                        ).sorted()
                    } else {
                        byName[key] = speakers.count
                        speakers.append(
                            ReportSpeaker(
                                id: "", name: s.name, type: s.type.rawValue,
                                aliases: Array(
                                    Set(s.mentions.filter { $0.form == .name }.map(\.text)).subtracting([s.name])
                                ).sorted(),
                                descriptions: s.descriptions.sorted(), documents: [appearance]))
                    }
                }
            }
            speakers.sort {
                ($0.name, $0.type, $0.documents[0].document) < ($1.name, $1.type, $1.documents[0].document)
            }
            for i in speakers.indices { speakers[i].id = "S\(i + 1)" }
        }
        self.speakers = speakers
        let totals = speakers.map { s in s.documents.reduce(0) { $0 + $1.quotes.count } }
        quoteTotals = totals
        let folded = speakers.map { $0.name.lowercased() }
        speakerOrder = speakers.indices.sorted { a, b in
            if totals[a] != totals[b] { return totals[a] > totals[b] }
            if folded[a] != folded[b] { return folded[a] < folded[b] }
            if speakers[a].name != speakers[b].name { return speakers[a].name < speakers[b].name }
            if speakers[a].type != speakers[b].type { return speakers[a].type < speakers[b].type }
            return a < b
        }
        var pages: [[Int]] = []
        var pageQuotes = 0
        for n in speakerOrder {
            if let last = pages.last, !last.isEmpty,
                pageQuotes + totals[n] > settings.speakerPageMaxQuotes || last.count >= settings.speakerPageMaxSpeakers
            {
                pages.append([])
                pageQuotes = 0
            }
            if pages.isEmpty { pages.append([]) }
            pages[pages.count - 1].append(n)
            pageQuotes += totals[n]
        }
        var pageOf = [Int](repeating: 0, count: speakers.count)
        for (p, members) in pages.enumerated() { for n in members { pageOf[n] = p + 1 } }
        speakerPages = pages
        speakerPageOf = pageOf
        var speakerOf: [DocSpeaker: Int] = [:]
        for (i, s) in speakers.enumerated() {
            for a in s.documents { speakerOf[DocSpeaker(document: a.document, speaker: a.speaker)] = i }
        }
        self.speakerOf = speakerOf
        colourOf = Self.colours(speakers)
        var groupOf: [DocQuote: String] = [:]
        for g in file.corpus?.quoteGroups ?? [] {
            for m in g.quotes { groupOf[DocQuote(document: m.document, quote: m.quote)] = g.id }
        }
        self.groupOf = groupOf
        for (i, d) in file.documents.enumerated() { if let t = d.text { scalars[i] = Array(t.unicodeScalars) } }
    }

    /// Colours such that speakers quoted in the same article differ while the palette lasts: greedy, speakers with
    /// more quotes first, each taking the first colour no speaker of its articles has yet (or, when none is left,
    /// the one fewest of them have). One colour per speaker across the whole report.
    static func colours(_ speakers: [ReportSpeaker]) -> [Int] {
        let size = ReportRenderer.paletteSize
        let quoted = speakers.map { s in Set(s.documents.filter { !$0.quotes.isEmpty }.map(\.document)) }
        let total = speakers.map { $0.documents.reduce(0) { $0 + $1.quotes.count } }
        let order = speakers.indices.sorted { total[$0] != total[$1] ? total[$0] > total[$1] : $0 < $1 }
        var colour = [Int](repeating: -1, count: speakers.count)
        var used: [String: [Int]] = [:]  // document → colour counts
        for i in order {
            var taken = [Int](repeating: 0, count: size)
            for d in quoted[i] { for (c, n) in (used[d] ?? []).enumerated() { taken[c] += n } }
            let free = (0..<size).first { taken[$0] == 0 }
            let c = free ?? (0..<size).min { taken[$0] != taken[$1] ? taken[$0] < taken[$1] : $0 < $1 }!
            colour[i] = c
            for d in quoted[i] {
                var counts = used[d] ?? [Int](repeating: 0, count: size)
                counts[c] += 1
                used[d] = counts
            }
        }
        return colour
    }

    /// Up to this many articles get a button each in the navigation; more go into a collapsed list.
    static let articleButtons = 8

    // MARK: Pages

    var csp: String {
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
            + "base-uri 'none'; form-action 'none'"
    }

    var generator: String { esc((file.generator["name"] ?? "hearsay") + " " + (file.generator["version"] ?? "")) }

    /// The document up to `<body>`, with the style inlined; `title` is text (escaped here).
    func head(_ title: String, style: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="\(csp)">
        <meta name="referrer" content="no-referrer">
        <meta name="generator" content="\(generator)">
        <title>\(esc(title))</title>
        <style>
        \(style)
        </style>
        </head>

        """
    }

    /// The footer, the details panel (on pages with marks), the panel's data and the script, to the end.
    func tail(panel: Bool, script: String) throws -> String {
        let pipelineHash = file.generator["pipeline_sha256"].map { "; pipeline SHA-256 <code>\(esc($0))</code>" } ?? ""
        var out = """
            <footer class="foot"><p>Generated by \(generator) from a knowledge file (format \(esc(file.format)), \
            version \(file.version))\(pipelineHash).</p></footer>

            """
        if panel {
            out += """
                <aside id="panel" class="panel" aria-labelledby="panel-title" hidden>
                <div class="panel-head"><h2 id="panel-title">Details</h2>\
                <button type="button" id="panel-close" aria-label="Close the details">×</button></div>
                <dl id="panel-rows"></dl>
                <ul id="panel-links"></ul>
                </aside>

                """
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let json = String(decoding: try encoder.encode(details), as: UTF8.self)
            out +=
                "<script type=\"application/json\" id=\"hearsay-data\">" + HTMLMarkup.scriptJSON(json) + "</script>\n"
        }
        return out + "<script>\n" + script + "\n</script>\n</body>\n</html>\n"
    }

    /// The keyboard help and the status line of a page with marks.
    static let keys = """
        <p class="keys">Keys: <kbd>j</kbd> / <kbd>k</kbd> next / previous quote, <kbd>Tab</kbd> every mark, \
        <kbd>Enter</kbd> details, <kbd>Esc</kbd> close. <span id="status" role="status"></span></p>

        """

    var quoteCount: Int { file.documents.reduce(0) { $0 + $1.quotes.count } }
    var claimCount: Int { file.documents.reduce(0) { $0 + $1.claims.count } }

    /// "2 articles · 31 quotes · 9 speakers · 40 claims (12 to check) · 1 quote group".
    var summary: String {
        let checked = file.documents.reduce(0) { n, d in n + d.claims.filter { badge.decide($0).shown }.count }
        return [
            plural(file.documents.count, "article"), plural(quoteCount, "quote"), plural(speakers.count, "speaker"),
            plural(claimCount, "claim") + " (\(checked) to check)",
            plural(file.corpus?.quoteGroups.count ?? 0, "quote group"),
        ].joined(separator: " · ")
    }

    /// The whole report as one page.
    mutating func html(style: String, script: String) throws -> String {
        place = .single
        details = [:]
        let docs = file.documents
        let groups = file.corpus?.quoteGroups ?? []
        var out = head("Hearsay report: \(plural(docs.count, "article")), \(quoteCount) quotes", style: style)
        out += """
            <body>
            <a class="skip" href="#main">Skip to the articles</a>
            <header class="top">
            <h1>Hearsay report</h1>
            <p class="summary">\(summary)</p>
            <nav aria-label="Sections"><ul>

            """
        // A few articles get a button each; more are listed in a collapsed table of contents.
        let listed = docs.count <= ReportPage.articleButtons
        if listed {
            for (i, d) in docs.enumerated() {
                out += "<li><a href=\"#\(docKeys[i])\">\(esc(title(d)))</a></li>\n"
            }
        }
        out += """
            <li><a href="#who">Who said what</a></li>
            <li><a href="#variants">Quote variants</a></li>
            </ul>

            """
        if !listed {
            out += "<details class=\"toc\"><summary>\(plural(docs.count, "article"))</summary>\n<ol>\n"
            for (i, d) in docs.enumerated() {
                out +=
                    el(
                        "li",
                        el("a", ["href": "#" + docKeys[i]], esc(title(d)))
                            + " " + el("span", ["class": "n"], plural(d.quotes.count, "quote"))) + "\n"
            }
            out += "</ol>\n</details>\n"
        }
        out += "</nav>\n" + Self.keys + "</header>\n<main id=\"main\">\n"
        for i in docs.indices { out += article(i) }
        out += whoSaidWhat()
        out += variants(groups)
        out += errorsSection()
        out += "</main>\n"
        return out + (try tail(panel: true, script: script))
    }

    /// The report as a folder of pages: the index, then each article, each speaker and the variants.
    mutating func folder(style: String, script: String) throws -> [ReportRenderer.File] {
        var files = [ReportRenderer.File(path: "index.html", contents: try indexPage(style: style, script: script))]
        for i in file.documents.indices {
            files.append(
                ReportRenderer.File(
                    path: "articles/\(docKeys[i]).html", contents: try articlePage(i, style: style, script: script)))
        }
        for p in speakerPages.indices {
            files.append(
                ReportRenderer.File(
                    path: "speakers/\(p + 1).html", contents: try speakerPage(p, style: style, script: script)))
        }
        files.append(
            ReportRenderer.File(path: "variants.html", contents: try variantsPage(style: style, script: script)))
        return files
    }

    /// The index of a folder report: the articles with their counts, filterable, and who said what.
    mutating func indexPage(style: String, script: String) throws -> String {
        place = .index
        details = [:]
        let docs = file.documents
        var out = head("Hearsay report: \(plural(docs.count, "article")), \(quoteCount) quotes", style: style)
        out += """
            <body class="index">
            <a class="skip" href="#main">Skip to the articles</a>
            <header class="top">
            <h1>Hearsay report</h1>
            <p class="summary">\(summary)</p>
            <nav aria-label="Sections"><ul>
            <li><a href="#articles">Articles</a></li>
            <li><a href="#who">Who said what</a></li>
            <li><a href="variants.html">Quote variants (\(file.corpus?.quoteGroups.count ?? 0))</a></li>

            """
        if !file.errors.isEmpty { out += "<li><a href=\"#errors\">Inputs that failed</a></li>\n" }
        out += "</ul></nav>\n</header>\n<main id=\"main\">\n"
        out += "<section id=\"articles\" aria-labelledby=\"articles-title\">\n"
        out += "<h2 id=\"articles-title\">Articles</h2>\n"
        out += filterBox(id: "article-filter", name: "article", list: "article-list", label: "Filter articles")
        out += "<div class=\"scroll\"><table class=\"articles\">\n<thead><tr>"
        let columns = [
            ("#", true), ("article", false), ("published", false), ("quotes", true), ("speakers", true),
            ("claims", true), ("to check", true),
        ]
        out += columns.map { name, number in
            number ? el("th", ["scope": "col", "class": "num"], name) : el("th", ["scope": "col"], name)
        }.joined()
        out += "</tr></thead>\n<tbody id=\"article-list\">\n"
        for (i, d) in docs.enumerated() {
            let quoted = Set(d.quotes.compactMap(\.speaker)).count
            let checked = d.claims.filter { badge.decide($0).shown }.count
            let cells = [
                el("td", ["class": "num"], "\(i + 1)"),
                el(
                    "td",
                    el("a", ["href": articleHref(i)], esc(title(d)))
                        + (title(d) == d.id ? "" : " " + el("code", esc(d.id)))),
                el("td", esc(d.metadata.published ?? "")),
                el("td", ["class": "num"], "\(d.quotes.count)"), el("td", ["class": "num"], "\(quoted)"),
                el("td", ["class": "num"], "\(d.claims.count)"), el("td", ["class": "num"], "\(checked)"),
            ]
            out += el("tr", ["data-key": title(d) + " " + d.id], cells.joined()) + "\n"
        }
        out += "</tbody></table></div>\n</section>\n"
        out += whoSaidWhat()
        out += errorsSection()
        out += "</main>\n"
        return out + (try tail(panel: false, script: script))
    }

    /// The links at the top of a page of a folder report.
    func crumbs(_ links: [(String, String?)]) -> String {
        let items = links.map { text, href in href.map { el("a", ["href": $0], esc(text)) } ?? esc(text) }
        return "<nav class=\"crumbs\" aria-label=\"Report\">" + items.joined(separator: " · ") + "</nav>\n"
    }

    /// One article of a folder report, with links to the index and to the articles before and after it.
    mutating func articlePage(_ i: Int, style: String, script: String) throws -> String {
        place = .article(i)
        details = [:]
        let n = file.documents.count
        var out = head(title(file.documents[i]) + " · Hearsay report", style: style)
        out += "<body>\n<a class=\"skip\" href=\"#main\">Skip to the article</a>\n<header class=\"top\">\n"
        out += crumbs([
            ("Hearsay report", "../index.html"), ("article \(i + 1) of \(n)", nil),
            ("previous", i > 0 ? articleHref(i - 1) : nil), ("next", i + 1 < n ? articleHref(i + 1) : nil),
            ("who said what", "../index.html#who"),
        ])
        out += Self.keys + "</header>\n<main id=\"main\">\n" + article(i) + "</main>\n"
        return out + (try tail(panel: true, script: script))
    }

    /// Page `p` of the speakers of a folder report: each speaker with every quote, linking into its article.
    mutating func speakerPage(_ p: Int, style: String, script: String) throws -> String {
        place = .speaker
        details = [:]
        let members = speakerPages[p]
        let names = members.prefix(3).map { speakers[$0].name }.joined(separator: ", ")
        var out = head("\(names)\(members.count > 3 ? " …" : "") · Hearsay report", style: style)
        out += "<body>\n<header class=\"top\">\n"
        out += crumbs([
            ("Hearsay report", "../index.html"), ("who said what", "../index.html#who"),
            ("speakers, page \(p + 1) of \(speakerPages.count)", nil),
            ("previous", p > 0 ? "\(p).html" : nil), ("next", p + 1 < speakerPages.count ? "\(p + 2).html" : nil),
        ])
        out += "</header>\n<main id=\"main\">\n"
        for n in members { out += speakerEntry(n, heading: "h2") }
        return out + "</main>\n" + (try tail(panel: false, script: script))
    }

    /// The quote variants of a folder report.
    mutating func variantsPage(style: String, script: String) throws -> String {
        place = .variants
        details = [:]
        var out = head("Quote variants · Hearsay report", style: style)
        out += "<body>\n<header class=\"top\">\n" + crumbs([("Hearsay report", "index.html")])
        out += "</header>\n<main id=\"main\">\n" + variants(file.corpus?.quoteGroups ?? []) + "</main>\n"
        return out + (try tail(panel: false, script: script))
    }

    /// A text box that hides the rows of `list` whose `data-key` does not contain what is typed (`report.js`); the
    /// page's address may preset it (`?speaker=okoro`, by the box's `name`).
    func filterBox(id: String, name: String, list: String, label: String) -> String {
        "<p class=\"filter\"><label for=\"\(id)\">\(label)</label> <input type=\"search\" id=\"\(id)\" name=\"\(name)\" "
            + "data-filter=\"\(list)\" aria-controls=\"\(list)\" autocomplete=\"off\" spellcheck=\"false\"> "
            + "<span class=\"shown\" id=\"\(id)-status\" role=\"status\"></span></p>\n"
    }

    // MARK: Links

    /// Pages inside `articles/` and `speakers/` reach the others one folder up.
    var up: String {
        switch place {
        case .article, .speaker: return "../"
        case .single, .index, .variants: return ""
        }
    }

    /// The page of article `di`.
    func articleHref(_ di: Int) -> String {
        place == .single ? "#" + docKeys[di] : up + "articles/\(docKeys[di]).html"
    }

    /// An element of article `di` (a quote or claim: `d1-q4`), on this page when it is there.
    func href(_ di: Int, _ anchor: String) -> String {
        if place == .single || place == .article(di) { return "#" + anchor }
        return up + "articles/\(docKeys[di]).html#" + anchor
    }

    /// The "who said what" entry of speaker `n`.
    func speakerHref(_ n: Int) -> String {
        place == .single ? "#who-" + speakers[n].id : up + "speakers/\(speakerPageOf[n]).html#who-" + speakers[n].id
    }

    /// The "who said what" section.
    var whoHref: String { place == .single ? "#who" : up + "index.html#who" }

    /// A quote group.
    func groupHref(_ id: String) -> String {
        switch place {
        case .single, .variants: return "#grp-" + id
        default: return up + "variants.html#grp-" + id
        }
    }

    // MARK: Articles

    mutating func article(_ i: Int) -> String {
        let d = file.documents[i]
        let key = docKeys[i]
        let lang = d.metadata.language.map { HTMLMarkup.attribute("lang", $0) } ?? ""
        var out = "<section class=\"doc\" id=\"\(key)\" aria-labelledby=\"\(key)-title\"\(lang)>\n"
        out += "<h2 id=\"\(key)-title\">\(esc(title(d)))</h2>\n"
        var meta = ["<code>\(esc(d.id))</code>"]
        if let p = d.metadata.published { meta.append("published \(esc(p))") }
        if let s = d.metadata.siteName { meta.append(esc(s)) }
        if !d.metadata.authors.isEmpty { meta.append("by " + esc(d.metadata.authors.joined(separator: ", "))) }
        if let u = d.metadata.url {
            let lower = u.lowercased()
            meta.append(
                lower.hasPrefix("https://") || lower.hasPrefix("http://")
                    ? "<a href=\"\(esc(u))\" rel=\"noreferrer noopener\">\(esc(u))</a>" : esc(u))
        }
        meta.append(plural(d.quotes.count, "quote"))
        meta.append(plural(d.claims.count, "claim"))
        out += "<p class=\"meta\">" + meta.joined(separator: " · ") + "</p>\n"
        out += legend(i)
        for q in d.quotes { details["\(key)-\(q.id)"] = quoteDetails(q, in: i) }
        for c in d.claims { details["\(key)-\(c.id)"] = claimDetails(c, in: i) }
        if let scalars = scalars[i] {
            out += "<div class=\"text\">\n" + body(i, scalars: scalars) + "</div>\n"
        } else {
            // Without the text only the quotes can be shown, one per line.
            out += "<p class=\"note\">This knowledge file was written without the article text; the quotes alone:</p>\n"
            out += "<div class=\"text\">\n"
            for q in d.quotes {
                out +=
                    el("p", ["class": "para"], quoteOpen(q, in: i, head: true, last: true) + esc(q.text) + "</mark>")
                    + "\n"
            }
            out += "</div>\n"
        }
        if !d.claims.isEmpty {
            out += "<details class=\"claims\"><summary>Claims (\(d.claims.count))</summary>\n"
            out += "<div class=\"scroll\"><table>\n"
            let head = ["id", "text", "value", "kind", "confidence", "check", "quote", "rule"]
                .map { el("th", ["scope": "col"], $0) }
            out += "<thead><tr>" + head.joined() + "</tr></thead>\n<tbody>\n"
            for c in d.claims {
                let quote = c.quote.map { el("a", ["href": href(i, "\(key)-\($0)")], esc($0)) } ?? ""
                let decision = badge.decide(c)
                let cells = [
                    el("a", ["href": href(i, "\(key)-\(c.id)")], esc(c.id)), esc(c.text), esc(numbers.label(c)),
                    esc(c.kind.rawValue), Self.number(c.provenance.confidence),
                    decision.shown ? "yes" : el("code", esc(decision.rule)), quote, el("code", esc(c.provenance.rule)),
                ]
                out += "<tr>" + cells.map { el("td", $0) }.joined() + "</tr>\n"
            }
            out += "</tbody></table></div></details>\n"
        }
        out += "<details class=\"removed\"><summary>Removed boilerplate (\(d.removed.count))</summary>\n"
        if d.removed.isEmpty {
            out += "<p>Nothing was removed.</p>\n"
        } else {
            out += "<ol>\n"
            for r in d.removed {
                let bytes = el("span", ["class": "bytes"], "bytes \(r.sourceSpan.start)–\(r.sourceSpan.end)")
                out += el("li", el("code", esc(r.rule)) + " " + bytes + " " + el("q", esc(r.excerpt))) + "\n"
            }
            out += "</ol>\n"
        }
        out += "</details>\n"
        if !d.diagnostics.isEmpty {
            out += "<details class=\"diagnostics\"><summary>Diagnostics (\(d.diagnostics.count))</summary>\n<ul>\n"
            for g in d.diagnostics {
                let text = "\(esc(g.severity.rawValue)) \(el("code", esc(g.code))) (\(esc(g.stage))): \(esc(g.message))"
                out += el("li", text) + "\n"
            }
            out += "</ul></details>\n"
        }
        return out + "</section>\n"
    }

    /// The speakers of one article with their colour and number of quotes.
    func legend(_ i: Int) -> String {
        let d = file.documents[i]
        guard !d.speakers.isEmpty || d.quotes.contains(where: { $0.speaker == nil }) else { return "" }
        var out = "<ul class=\"legend\" aria-label=\"Speakers in this article\">\n"
        var counts: [String: Int] = [:]
        for q in d.quotes { if let sp = q.speaker { counts[sp, default: 0] += 1 } }
        for s in d.speakers {
            let n = counts[s.id] ?? 0
            guard n > 0 else { continue }
            let who = speakerOf[DocSpeaker(document: d.id, speaker: s.id)]
            let link = who.map { speakerHref($0) } ?? whoHref
            let swatch = el("span", ["class": "sw " + colour(d.id, s.id), "aria-hidden": "true"], "")
            out +=
                el("li", swatch + el("a", ["href": link], esc(s.name)) + " " + el("span", ["class": "n"], "\(n)"))
                + "\n"
        }
        let none = d.quotes.filter { $0.speaker == nil }.count
        if none > 0 {
            let swatch = el("span", ["class": "sw sp-none", "aria-hidden": "true"], "")
            out += el("li", swatch + "no speaker found " + el("span", ["class": "n"], "\(none)")) + "\n"
        }
        return out + "</ul>\n"
    }

    /// The article text in its paragraphs, with quotes and claims marked.
    func body(_ i: Int, scalars: [Unicode.Scalar]) -> String {
        let d = file.documents[i]
        let key = docKeys[i]
        var marks: [Highlighter.Mark] = []
        for q in d.quotes {
            for (n, f) in q.fragments.enumerated() {
                let open = quoteOpen(q, in: i, head: true, last: true)
                let piece = quoteOpen(q, in: i, head: false, last: false)
                marks.append(
                    Highlighter.Mark(
                        span: f.span, layer: 0, open: { first, _ in n == 0 && first ? open : piece }, close: "</mark>"))
            }
        }
        for c in d.claims {
            let id = "\(key)-\(c.id)"
            let common = " data-c=\"\(esc(id))\" title=\"\(esc(claimTitle(c)))\""
            // The value after the claim, for the claims an editor would check.
            let label = badge.decide(c).shown ? HTMLMarkup.attribute("data-v", numbers.label(c)) : ""
            marks.append(
                Highlighter.Mark(
                    span: c.span, layer: 1,
                    open: { first, last in
                        "<span class=\"c\"" + common
                            + (first ? " id=\"\(esc(id))\" tabindex=\"0\" role=\"button\" data-head=\"\"" : "")
                            + (last ? label : "") + ">"
                    }, close: "</span>"))
        }
        let h = Highlighter(scalars: scalars, marks: marks)
        let n = scalars.count
        var blocks: [(Span, Paragraph.Role?)] = []
        var at = 0
        func gap(_ end: Int) {
            guard at < end else { return }
            let s = Span(at, end)
            if scalars[at..<end].contains(where: { !$0.properties.isWhitespace })
                || h.anyMark(overlapping: s)
            {
                blocks.append((s, nil))
            }
        }
        for p in (d.paragraphs ?? []).sorted(by: { $0.span < $1.span }) {
            let s = Span(max(at, min(p.span.start, n)), max(at, min(p.span.end, n)))
            gap(s.start)
            if !s.isEmpty { blocks.append((s, p.role)) }
            at = max(at, s.end)
        }
        gap(n)
        var out = ""
        for ((_, role), inner) in zip(blocks, h.html(ranges: blocks.map(\.0))) {
            let (tag, cls): (String, String)
            switch role {
            case .heading: (tag, cls) = ("h3", "para heading")
            case .blockquote: (tag, cls) = ("blockquote", "para")
            case .caption: (tag, cls) = ("p", "para caption")
            case .listItem: (tag, cls) = ("p", "para li")
            case .preformatted: (tag, cls) = ("pre", "para")
            case .paragraph, nil: (tag, cls) = ("p", "para")
            }
            out += "<\(tag) class=\"\(cls)\">" + inner + "</\(tag)>\n"
        }
        return out
    }

    /// The opening tag of a piece of a quote; the head (first piece) is focusable and carries the id.
    func quoteOpen(_ q: Quote, in i: Int, head: Bool, last: Bool) -> String {
        let d = file.documents[i]
        let id = "\(docKeys[i])-\(q.id)"
        var tag = "<mark class=\"q k-\(esc(q.kind.rawValue)) \(colour(d.id, q.speaker))\" data-q=\"\(esc(id))\""
        tag += " title=\"\(esc(quoteTitle(q, in: i)))\""
        if head { tag += " id=\"\(esc(id))\" tabindex=\"0\" role=\"button\" data-head=\"\"" }
        return tag + ">"
    }

    func colour(_ document: String, _ speaker: String?) -> String {
        guard let speaker, let i = speakerOf[DocSpeaker(document: document, speaker: speaker)] else { return "sp-none" }
        return "sp-\(colourOf[i])"
    }

    // MARK: Details

    /// A speaker of document `i` by its id, through the index.
    func speaker(_ id: String?, in i: Int) -> Speaker? {
        guard let id, let k = speakerIndex[i][id] else { return nil }
        return file.documents[i].speakers[k]
    }

    /// A quote of document `i` by its id, through the index.
    func quote(_ id: String, in i: Int) -> Quote? {
        quoteIndex[i][id].map { file.documents[i].quotes[$0] }
    }

    func speakerName(_ id: String?, in i: Int) -> String {
        guard let s = speaker(id, in: i) else { return "no speaker found" }
        return s.name
    }

    func quoteTitle(_ q: Quote, in i: Int) -> String {
        var parts = [speakerName(q.speaker, in: i)]
        if let c = q.cue { parts.append(c.text) }
        parts.append(q.kind.rawValue)
        let a = q.attribution ?? q.provenance
        parts.append(Self.number(a.confidence))
        parts.append(a.rule)
        return parts.joined(separator: " · ")
    }

    func quoteDetails(_ q: Quote, in i: Int) -> PanelDetails {
        let d = file.documents[i]
        var rows: [[String]] = []
        var links: [[String]] = []
        if let s = speaker(q.speaker, in: i) {
            rows.append(["Speaker", s.name])
            var about = [s.type.rawValue]
            about += s.descriptions
            if let a = s.affiliation { about.append("for " + a) }
            rows.append(["About", about.joined(separator: "; ")])
            if let who = speakerOf[DocSpeaker(document: d.id, speaker: s.id)] {
                links.append(["All quotes of \(speakers[who].name)", speakerHref(who)])
            }
        } else {
            rows.append(["Speaker", "no speaker found"])
        }
        if let c = q.cue { rows.append(["Cue", c.text == c.lemma ? c.text : "\(c.text) (\(c.lemma))"]) }
        rows.append(["Kind", q.kind.rawValue])
        if let a = q.attribution {
            rows.append(["Speaker decided by", "\(a.rule), confidence \(Self.number(a.confidence))"])
            if let e = a.evidence { rows.append(["Evidence", e]) }
        }
        rows.append(["Quote found by", "\(q.provenance.rule), confidence \(Self.number(q.provenance.confidence))"])
        let sentences = q.sentences.map(String.init).joined(separator: ", ")
        rows.append(["Where", "\(d.id), quote \(q.id), sentences \(sentences)"])
        if let p = q.parent { links.append(["Inside quote \(p)", href(i, "\(docKeys[i])-\(p)")]) }
        if let g = groupOf[DocQuote(document: d.id, quote: q.id)] {
            links.append(["Same statement in other articles (\(g))", groupHref(g)])
        }
        return PanelDetails(title: "Quote \(q.id)", rows: rows, links: links)
    }

    func claimTitle(_ c: Claim) -> String {
        [numbers.label(c), c.kind.rawValue, Self.number(c.provenance.confidence), c.provenance.rule]
            .joined(separator: " · ")
    }

    func claimDetails(_ c: Claim, in i: Int) -> PanelDetails {
        let d = file.documents[i]
        var rows: [[String]] = [["Claim", c.text], ["Value", numbers.label(c)], ["Kind", c.kind.rawValue]]
        if let q = c.qualifier { rows.append(["Qualifier", q]) }
        if let ch = c.change { rows.append(["Change", ch]) }
        if let s = c.subject { rows.append(["About", "\(s.text) (\(s.rule))"]) }
        for e in c.equivalents {
            rows.append(["Equivalent", "\(e.text) = \(numbers.label(e, kind: c.kind))"])
        }
        if c.speaker != nil { rows.append(["Speaker", speakerName(c.speaker, in: i)]) }
        rows.append(["Found by", "\(c.provenance.rule), confidence \(Self.number(c.provenance.confidence))"])
        let decision = badge.decide(c)
        rows.append(["Badge", (decision.shown ? "yes, " : "no, ") + "\(decision.reason) (\(decision.rule))"])
        rows.append(["Where", "\(d.id), claim \(c.id)"])
        var links: [[String]] = []
        if let q = c.quote { links.append(["In quote \(q)", href(i, "\(docKeys[i])-\(q)")]) }
        return PanelDetails(title: "Claim \(c.id)", rows: rows, links: links)
    }

    // MARK: Who said what

    /// "Who said what": the speakers most quoted first, with a filter. On the single page each entry lists the
    /// speaker's quotes; on a folder's index each is a row linking to the speaker's page.
    func whoSaidWhat() -> String {
        var out = "<section id=\"who\" aria-labelledby=\"who-title\">\n<h2 id=\"who-title\">Who said what</h2>\n"
        if file.corpus == nil {
            out +=
                el(
                    "p", ["class": "note"],
                    "This knowledge file has no <code>corpus</code> section: speakers are merged by exact name only.")
                + "\n"
        }
        if speakers.isEmpty { return out + "<p>No speakers were found.</p>\n</section>\n" }
        out += filterBox(id: "who-filter", name: "speaker", list: "who-list", label: "Filter speakers")
        if place == .single {
            out += "<div id=\"who-list\">\n"
            for n in speakerOrder { out += speakerEntry(n, heading: "h3") }
            return out + "</div>\n</section>\n"
        }
        out += "<ol id=\"who-list\" class=\"who-list\">\n"
        for n in speakerOrder {
            let s = speakers[n]
            let articles = s.documents.filter { !$0.quotes.isEmpty }.count
            let swatch = el("span", ["class": "sw sp-\(colourOf[n])", "aria-hidden": "true"], "")
            let counts =
                quoteTotals[n] == 0
                ? "mentioned in " + plural(s.documents.count, "article")
                : plural(quoteTotals[n], "quote") + " in " + plural(articles, "article")
            out +=
                el(
                    "li", ["data-key": filterKey(s)],
                    swatch + el("a", ["href": speakerHref(n)], esc(s.name)) + " " + el("span", ["class": "n"], counts)
                        + " " + el("span", ["class": "about"], about(s))) + "\n"
        }
        return out + "</ol>\n</section>\n"
    }

    /// What the filter matches a speaker on: the name and its other forms.
    func filterKey(_ s: ReportSpeaker) -> String { ([s.name] + s.aliases).joined(separator: " | ") }

    /// Type, descriptions and other name forms of a speaker, escaped.
    func about(_ s: ReportSpeaker) -> String {
        var about = [esc(s.type)]
        if !s.descriptions.isEmpty { about.append(esc(s.descriptions.joined(separator: "; "))) }
        if !s.aliases.isEmpty { about.append("also “" + esc(s.aliases.joined(separator: "”, “")) + "”") }
        return about.joined(separator: " · ")
    }

    /// A speaker with every quote, each linking into its article.
    func speakerEntry(_ n: Int, heading: String) -> String {
        let s = speakers[n]
        var out = "<article class=\"speaker\" id=\"who-\(esc(s.id))\" data-key=\"\(esc(filterKey(s)))\">\n"
        let swatch = el("span", ["class": "sw sp-\(colourOf[n])", "aria-hidden": "true"], "")
        out +=
            el(heading, swatch + esc(s.name) + " " + el("span", ["class": "n"], plural(quoteTotals[n], "quote"))) + "\n"
        out += "<p class=\"about\">" + about(s) + "</p>\n"
        var items = ""
        var mentioned: [Int] = []
        for a in s.documents {
            guard let di = docIndex[a.document] else { continue }
            let d = file.documents[di]
            if a.quotes.isEmpty { mentioned.append(di) }
            for qid in a.quotes {
                guard let q = quote(qid, in: di) else { continue }
                let text = q.kind == .direct ? "“" + esc(q.text) + "”" : esc(q.text)
                let source = "\(title(d)), \(q.id)" + (q.kind == .direct ? "" : ", " + q.kind.rawValue)
                items +=
                    el(
                        "li",
                        el("a", ["href": href(di, "\(docKeys[di])-\(q.id)")], text) + " "
                            + el("span", ["class": "src"], esc(source))) + "\n"
            }
        }
        out +=
            items.isEmpty
            ? "<p class=\"note\">Mentioned, not quoted.</p>\n" : "<ol class=\"quotes\">\n" + items + "</ol>\n"
        if place != .single && !mentioned.isEmpty {
            out += "<p class=\"about\">Mentioned without a quote in: "
            out += mentioned.map { el("a", ["href": articleHref($0)], esc(title(file.documents[$0]))) }
                .joined(separator: ", ")
            out += "</p>\n"
        }
        return out + "</article>\n"
    }

    // MARK: Variants

    func variants(_ groups: [QuoteGroup]) -> String {
        var out = "<section id=\"variants\" aria-labelledby=\"variants-title\">\n"
        out += "<h2 id=\"variants-title\">Quote variants</h2>\n"
        if file.corpus == nil {
            out +=
                el(
                    "p", ["class": "note"],
                    "This knowledge file has no <code>corpus</code> section, so quotes were not compared across articles."
                )
                + "\n"
        } else if groups.isEmpty {
            out += "<p>No statement is quoted in more than one article.</p>\n"
        } else {
            out +=
                el(
                    "p", ["class": "note"],
                    "The same statement quoted in several articles. The first is the reference, with the words the others "
                        + "replace or leave out <mark class=\"chg-ref\">struck through</mark>; in the others the words "
                        + "that differ from it are <mark class=\"chg op-replace\">marked</mark>.") + "\n"
        }
        let corpusSpeakers = Dictionary(
            (file.corpus?.speakers ?? []).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for g in groups {
            let changed = g.variants.filter { !$0.changes.isEmpty }.count
            let referenceMarks = g.quotes.first.map { referenceSpans($0, g.variants) } ?? []
            let who = Array(Set(g.quotes.compactMap { $0.speaker.flatMap { corpusSpeakers[$0] } })).sorted()
            out += "<article class=\"group\" id=\"grp-\(esc(g.id))\">\n"
            let names = who.isEmpty ? "no speaker found" : who.joined(separator: ", ")
            let about =
                "\(plural(g.quotes.count, "article quote")), similarity \(Self.number(g.similarity)), "
                + (changed > 0 ? plural(changed, "variant") : "word for word")
            out += el("h3", esc("\(g.id): \(names)") + " " + el("span", ["class": "n"], about)) + "\n"
            out += "<div class=\"sbs\">\n"
            for (n, m) in g.quotes.enumerated() {
                let variant = g.variants.first { $0.document == m.document && $0.quote == m.quote }
                let changes = variant?.changes ?? []
                let di = docIndex[m.document]
                let docTitle = di.map { title(file.documents[$0]) } ?? m.document
                let link =
                    di.map { el("a", ["href": href($0, "\(docKeys[$0])-\(m.quote)")], esc(m.quote)) } ?? esc(m.quote)
                let role = n == 0 ? "reference" : (changes.isEmpty ? "same words" : plural(changes.count, "change"))
                out += "<div class=\"col\(n == 0 ? " ref" : "")\">\n"
                out += el("h4", el("span", ["class": "role"], role) + " \(esc(docTitle)), \(link)") + "\n"
                let words = memberText(m, document: di, changes: changes, reference: n == 0 ? referenceMarks : [])
                out += el("blockquote", words) + "\n"
                if !changes.isEmpty {
                    out += "<ul class=\"changes\" aria-label=\"Changes from the reference\">\n"
                    for c in changes {
                        let ref = c.reference.isEmpty ? "" : "<del>\(esc(c.reference))</del>"
                        let new = c.variant.isEmpty ? "" : "<ins>\(esc(c.variant))</ins>"
                        let text: String
                        switch c.op {
                        case .replace: text = "\(ref) → \(new)"
                        case .insert: text = "added \(new)"
                        case .delete: text = "left out \(ref)"
                        }
                        out += "<li class=\"op-\(esc(c.op.rawValue))\" data-op=\"\(esc(c.op.rawValue))\">\(text)</li>\n"
                    }
                    out += "</ul>\n"
                }
                out += "</div>\n"
            }
            out += "</div>\n</article>\n"
        }
        return out + "</section>\n"
    }

    /// A group member's words from its article's text, with the changed words marked; the member's `text` when the
    /// article text or the quote is not in the file.
    func memberText(
        _ m: QuoteGroup.Member, document di: Int?, changes: [WordChange], reference: [(span: Span, variants: [String])]
    ) -> String {
        guard let di, let scalars = scalars[di],
            let q = quote(m.quote, in: di), !q.fragments.isEmpty
        else { return esc(m.text) }
        let referenceMarks = reference.map { r in
            let attrs =
                HTMLMarkup.attribute("data-variant", r.variants.joined(separator: " | "))
                + HTMLMarkup.attribute(
                    "title",
                    "changed in a variant"
                        + r.variants.map { $0.isEmpty ? ": left out" : " to “\($0)”" }.joined(separator: ","))
            return Highlighter.Mark(
                span: r.span, layer: 0, open: { first, _ in "<mark class=\"chg-ref\"" + (first ? attrs : "") + ">" },
                close: "</mark>")
        }
        let marks =
            referenceMarks
            + changes.compactMap { c -> Highlighter.Mark? in
                guard let span = c.span else { return nil }
                let attrs =
                    " data-change=\"\(esc(c.op.rawValue))\"" + HTMLMarkup.attribute("data-ref", c.reference)
                    + HTMLMarkup.attribute(
                        "title", c.op == .insert ? "not in the reference" : "reference: “\(c.reference)”")
                return Highlighter.Mark(
                    span: span, layer: 0,
                    open: { first, _ in "<mark class=\"chg op-\(esc(c.op.rawValue))\"" + (first ? attrs : "") + ">" },
                    close: "</mark>")
            }
        let h = Highlighter(scalars: scalars, marks: marks)
        return q.fragments.map { h.html($0.span) }.joined(separator: " … ")
    }

    /// Where, in the reference quote's document text, the words lie that the variants changed or left out: the word
    /// alignment the corpus index made the changes with (``CorpusWords``, ``WordDiff``), redone on the two quotes and
    /// used only when it yields exactly the file's changes. Spans in the same place are merged, listing each variant's
    /// words.
    func referenceSpans(
        _ ref: QuoteGroup.Member, _ variants: [QuoteGroup.Variant]
    ) -> [(span: Span, variants: [String])] {
        guard let ri = docIndex[ref.document], let scalars = scalars[ri],
            let rq = quote(ref.quote, in: ri)
        else { return [] }
        // The quote text is its fragments joined by a space; otherwise offsets in it do not map to the document.
        var bases: [Int] = []
        var joined = String.UnicodeScalarView()
        for f in rq.fragments {
            guard f.span.start >= 0, f.span.end <= scalars.count else { return [] }
            if !bases.isEmpty { joined.append(" ") }
            bases.append(joined.count)
            joined.append(contentsOf: scalars[f.span.start..<f.span.end])
        }
        guard String(joined) == rq.text else { return [] }
        let refScalars = Array(rq.text.unicodeScalars)
        let refWords = CorpusWords.words(rq.text)
        var found: [Span: [String]] = [:]
        var order: [Span] = []
        for v in variants where !v.changes.isEmpty {
            guard let vi = docIndex[v.document],
                let vq = quote(v.quote, in: vi)
            else { continue }
            var vocabulary: [String: Int32] = [:]
            func ids(_ words: [CorpusWords.Word]) -> [Int32] {
                words.map { w in
                    if let id = vocabulary[w.key] { return id }
                    let id = Int32(vocabulary.count)
                    vocabulary[w.key] = id
                    return id
                }
            }
            let a = ids(refWords)
            let runs = WordDiff.changes(a, ids(CorpusWords.words(vq.text)))
            guard runs.count == v.changes.count else { continue }
            var spans: [(Span, String)] = []
            var agree = true
            for ((r, _), c) in zip(runs, v.changes) where !r.isEmpty {
                let s = refWords[r.lowerBound].start
                let e = refWords[r.upperBound - 1].end
                guard String(String.UnicodeScalarView(refScalars[s..<e])) == c.reference else {
                    agree = false
                    break
                }
                for (k, f) in rq.fragments.enumerated() {
                    let lo = max(s, bases[k])
                    let hi = min(e, bases[k] + f.span.length)
                    if lo < hi {
                        spans.append((Span(f.span.start + lo - bases[k], f.span.start + hi - bases[k]), c.variant))
                    }
                }
            }
            guard agree else { continue }
            for (span, words) in spans {
                if found[span] == nil { order.append(span) }
                found[span, default: []].append(words)
            }
        }
        return order.map { ($0, found[$0] ?? []) }
    }

    // MARK: Errors

    func errorsSection() -> String {
        guard !file.errors.isEmpty else { return "" }
        var out = "<section id=\"errors\" aria-labelledby=\"errors-title\">\n"
        out += "<h2 id=\"errors-title\">Inputs that failed (\(file.errors.count))</h2>\n<ul>\n"
        for e in file.errors { out += "<li><code>\(esc(e.description))</code></li>\n" }
        return out + "</ul>\n</section>\n"
    }

    // MARK: Formatting

    func esc(_ s: String) -> String { HTMLMarkup.escape(s) }

    /// An element with escaped attribute values around markup.
    func el(_ name: String, _ attributes: KeyValuePairs<String, String>, _ inner: String) -> String {
        HTMLMarkup.element(name, attributes, inner)
    }

    func el(_ name: String, _ inner: String) -> String { HTMLMarkup.element(name, [:], inner) }

    func title(_ d: KnowledgeDocument) -> String {
        if let t = d.metadata.title, !t.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return t }
        return d.id
    }

    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    /// A confidence or similarity, at most three decimals, without trailing zeros.
    static func number(_ d: Double) -> String {
        var s = String(format: "%.3f", d)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
