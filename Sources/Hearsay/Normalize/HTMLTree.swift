import Foundation

/// The elements the HTML reader tells apart; everything else is ``other`` (inline).
enum HTMLTag: UInt8, Sendable {
    case root, text, other
    case html, head, body, title, meta, link, script, style, noscript, template
    case nav, header, footer, aside, form, iframe, svg, button, select, textarea, input, object, embed, canvas
    case option, menu, dialog, label, math, audio, video, map
    case p, div, section, article, main, h1, h2, h3, h4, h5, h6, li, ul, ol, dl, dt, dd, blockquote, pre
    case figure, figcaption, table, tr, td, th, tbody, thead, tfoot, caption, address, center, hr, br
    case a, img, time, details, summary, hgroup, fieldset, legend

    static let byName: [String: HTMLTag] = {
        var d: [String: HTMLTag] = [:]
        let all: [HTMLTag] = [
            .html, .head, .body, .title, .meta, .link, .script, .style, .noscript, .template, .nav, .header, .footer,
            .aside, .form, .iframe, .svg, .button, .select, .textarea, .input, .object, .embed, .canvas, .option,
            .menu, .dialog, .label, .math, .audio, .video, .map, .p, .div, .section, .article, .main, .h1, .h2, .h3,
            .h4, .h5, .h6, .li, .ul, .ol, .dl, .dt, .dd, .blockquote, .pre, .figure, .figcaption, .table, .tr, .td,
            .th, .tbody, .thead, .tfoot, .caption, .address, .center, .hr, .br, .a, .img, .time, .details, .summary,
            .hgroup, .fieldset, .legend,
        ]
        for t in all { d["\(t)"] = t }
        return d
    }()

    static func lookup(_ name: UnsafePointer<UInt8>) -> HTMLTag {
        var bytes: [UInt8] = []
        var i = 0
        while name[i] != 0 {
            if i >= 12 { return .other }
            let b = name[i]
            bytes.append((b >= 65 && b <= 90) ? b + 32 : b)
            i += 1
        }
        return byName[String(decoding: bytes, as: UTF8.self)] ?? .other
    }

    /// Elements that start and end a block of text.
    var isBlock: Bool {
        switch self {
        case .p, .div, .section, .article, .main, .h1, .h2, .h3, .h4, .h5, .h6, .li, .ul, .ol, .dl, .dt, .dd,
            .blockquote, .pre, .figure, .figcaption, .table, .tr, .td, .th, .tbody, .thead, .tfoot, .caption,
            .address, .center, .hr, .body, .html, .details, .summary, .hgroup, .fieldset, .legend, .header,
            .footer, .nav, .aside, .form, .menu, .dialog, .root:
            return true
        default: return false
        }
    }

    var isHeading: Bool {
        switch self {
        case .h1, .h2, .h3, .h4, .h5, .h6: return true
        default: return false
        }
    }

    /// The removal rule for elements whose text is never main text, or nil.
    var dropRule: String? {
        switch self {
        case .head, .title, .meta, .link: return "html.head"
        case .script: return "html.script"
        case .style: return "html.style"
        case .noscript: return "html.noscript"
        case .template: return "html.template"
        case .nav, .menu: return "html.nav"
        case .header: return "html.header"
        case .footer: return "html.footer"
        case .aside: return "html.aside"
        case .form, .button, .select, .textarea, .input, .option, .label, .fieldset, .dialog: return "html.form"
        case .iframe, .object, .embed, .canvas, .svg, .math, .audio, .video, .map: return "html.embed"
        default: return nil
        }
    }
}

/// One element or text run of the reader's own compact tree.
struct HTMLNode: Sendable {
    static let hiddenFlag: UInt16 = 1
    static let breakFlag: UInt16 = 2
    static let boilerplateFlag: UInt16 = 4
    static let bylineFlag: UInt16 = 8
    static let articleBodyFlag: UInt16 = 16

    var tag: HTMLTag
    var parent: Int32
    var firstChild: Int32 = -1
    var lastChild: Int32 = -1
    var next: Int32 = -1
    /// Original byte offsets: from the element's `<` to the end of its end tag (or where the parser closed it).
    var start: Int32
    var end: Int32 = 0
    /// The scalars of the subtree's text: `tree.scalars[textBegin..<textEnd]` (text is stored in document order).
    var textBegin: Int32 = 0
    var textEnd: Int32 = 0
    var flags: UInt16 = 0
    /// Class/id evidence: positive for article words, negative for boilerplate words.
    var classWeight: Int16 = 0

    init(tag: HTMLTag, parent: Int32, start: Int32) {
        self.tag = tag
        self.parent = parent
        self.start = start
    }
}

/// A parsed page: elements and text runs in document order (node 0 is the root), plus what the head declared.
struct HTMLTree: Sendable {
    var nodes: [HTMLNode] = []
    /// Per node: lower-cased `class`, `id`, `role` and `itemprop` values, space-separated.
    var classes: [String] = []
    var scalars: [Unicode.Scalar] = []
    var sourceStart: [Int32] = []
    var sourceEnd: [Int32] = []

    var title: String?
    var htmlLang: String?
    var canonical: String?
    var metas: [(name: String, content: String)] = []
    var jsonLD: [[UInt8]] = []
    var timeDatetimes: [String] = []
    /// `itemprop` values `author` / `datePublished` on elements, with the element.
    var itemprops: [(String, Int32)] = []

    init() {
        nodes.reserveCapacity(4096)
        scalars.reserveCapacity(1 << 16)
        sourceStart.reserveCapacity(1 << 16)
        sourceEnd.reserveCapacity(1 << 16)
    }

    /// The text of a node's subtree, white space collapsed, cut to `limit` scalars.
    func text(of index: Int, limit: Int = Int.max) -> String {
        let n = nodes[index]
        var out = String.UnicodeScalarView()
        var space = false
        var count = 0
        var i = Int(n.textBegin)
        while i < Int(n.textEnd) && count < limit {
            let s = scalars[i]
            if HTMLTree.isSpace(s) {
                space = true
            } else {
                if space && count > 0 {
                    out.append(" ")
                    count += 1
                }
                space = false
                out.append(s)
                count += 1
            }
            i += 1
        }
        return String(out)
    }

    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0xA0, 0x200B, 0x2028, 0x2029, 0xFEFF, 0x3000: return true
        case 0x2000...0x200A: return true
        default: return false
        }
    }
}

/// Class and id vocabularies for main-content extraction, read from a JSON resource.
struct HTMLVocabulary: Sendable {
    struct Raw: Decodable {
        var positive: [String]
        var negative: [String]
        var boilerplate: [String]
        var byline: [String]
        var articleBody: [String]
        var keepInsideBoilerplate: [String]?

        enum CodingKeys: String, CodingKey {
            case positive, negative, boilerplate, byline, articleBody = "article_body"
            case keepInsideBoilerplate = "keep_inside_boilerplate"
        }
    }

    /// A word list: whole tokens, token prefixes (`ad*`), or substrings of the class text (entries with `-`/`_`).
    struct Words: Sendable {
        var tokens: Set<String> = []
        var prefixes: [String] = []
        var substrings: [String] = []

        init(_ list: [String]) {
            for w in list.map({ $0.lowercased() }) {
                if w.hasSuffix("*") {
                    prefixes.append(String(w.dropLast()))
                } else if w.contains("-") || w.contains("_") || w.contains(" ") {
                    substrings.append(w)
                } else {
                    tokens.insert(w)
                }
            }
        }

        func count(_ classText: String, _ toks: [Substring]) -> Int {
            var n = 0
            for t in toks {
                if tokens.contains(String(t)) {
                    n += 1
                    continue
                }
                for p in prefixes where t.hasPrefix(p) {
                    n += 1
                    break
                }
            }
            for s in substrings where classText.contains(s) { n += 1 }
            return n
        }
    }

    var positive: Words
    var negative: Words
    var boilerplate: Words
    var byline: Words
    var articleBody: Words

    init(_ raw: Raw) {
        positive = Words(raw.positive)
        negative = Words(raw.negative)
        boilerplate = Words(raw.boilerplate)
        byline = Words(raw.byline)
        articleBody = Words(raw.articleBody)
    }

    static func tokens(_ s: String) -> [Substring] {
        s.split(whereSeparator: { c in !(c.isLetter || c.isNumber) })
    }

    /// +25 for article evidence, -25 for boilerplate evidence (both may apply).
    func weight(_ classText: String) -> Int {
        let t = HTMLVocabulary.tokens(classText)
        var w = 0
        if negative.count(classText, t) > 0 { w -= 25 }
        if positive.count(classText, t) > 0 { w += 25 }
        return w
    }

    func isBoilerplate(_ classText: String) -> Bool {
        let t = HTMLVocabulary.tokens(classText)
        return boilerplate.count(classText, t) > 0 && articleBody.count(classText, t) == 0
    }

    func isByline(_ classText: String) -> Bool { byline.count(classText, HTMLVocabulary.tokens(classText)) > 0 }
    func isArticleBody(_ classText: String) -> Bool {
        articleBody.count(classText, HTMLVocabulary.tokens(classText)) > 0
    }
}
