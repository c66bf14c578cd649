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

    /// Page-structure elements that are dropped unless they wrap the whole page.
    var isSectioning: Bool {
        switch self {
        case .header, .footer, .nav, .aside, .form: return true
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
    /// Elements beyond `max_depth` (flattened), and where the first began in the original bytes.
    var flattened: (count: Int32, firstOffset: Int32)?

    init() {
        nodes.reserveCapacity(4096)
        scalars.reserveCapacity(1 << 16)
        sourceStart.reserveCapacity(1 << 16)
        sourceEnd.reserveCapacity(1 << 16)
    }

    /// The text of a node's subtree, white space collapsed, cut to `limit` scalars; markup between two runs of
    /// text counts as a space.
    func text(of index: Int, limit: Int = Int.max) -> String {
        let n = nodes[index]
        var out = String.UnicodeScalarView()
        var space = false
        var count = 0
        var i = Int(n.textBegin)
        while i < Int(n.textEnd) && count < limit {
            let s = scalars[i]
            if i > Int(n.textBegin) && sourceStart[i] > sourceEnd[i - 1] { space = true }
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
            case positive, negative, boilerplate, byline
            case articleBody = "article_body"
            case keepInsideBoilerplate = "keep_inside_boilerplate"
        }
    }

    /// A word list: whole tokens, token prefixes (`ad*`), or substrings of the class text (entries with `-`/`_`).
    struct Words: Sendable {
        var tokens: Set<String> = []
        var prefixes: [[UInt8]] = []
        var substrings: [[UInt8]] = []

        var maxTokenLength = 0

        init(_ list: [String]) {
            for w in list.map({ $0.lowercased() }) {
                if !w.hasSuffix("*") { maxTokenLength = max(maxTokenLength, w.utf8.count) }
                if w.hasSuffix("*") {
                    prefixes.append(Array(w.dropLast().utf8))
                } else if w.contains("-") || w.contains("_") || w.contains(" ") {
                    substrings.append(Array(w.utf8))
                } else {
                    tokens.insert(w)
                }
            }
        }

        /// - Parameters:
        ///   - names: the tokens as strings (made once per class text, shared by the five lists).
        func matches(_ text: [UInt8], _ toks: [ArraySlice<UInt8>], _ names: [String]) -> Bool {
            for (i, t) in toks.enumerated() {
                if t.count <= maxTokenLength, tokens.contains(names[i]) { return true }
                for p in prefixes where t.count >= p.count && HTMLVocabulary.hasPrefix(t, p) { return true }
            }
            guard text.contains(where: { $0 == 0x2D || $0 == 0x5F || $0 == 0x20 }) else { return false }
            for sub in substrings where HTMLVocabulary.find(sub, in: text) { return true }
            return false
        }
    }

    static func find(_ needle: [UInt8], in hay: [UInt8]) -> Bool {
        guard !needle.isEmpty, hay.count >= needle.count else { return false }
        // memchr to each occurrence of the first byte, memcmp for the rest (both vectorised in libc).
        return hay.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                let base = h.baseAddress!
                let last = h.count - n.count
                var i = 0
                while i <= last {
                    guard let hit = memchr(base + i, Int32(n[0]), last - i + 1) else { return false }
                    let j = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + j, n.baseAddress!, n.count) == 0 { return true }
                    i = j + 1
                }
                return false
            }
        }
    }

    @inline(__always) static func hasPrefix(_ t: ArraySlice<UInt8>, _ p: [UInt8]) -> Bool {
        t.withUnsafeBytes { tb in p.withUnsafeBytes { pb in memcmp(tb.baseAddress!, pb.baseAddress!, pb.count) == 0 } }
    }

    /// Whole-block phrases (keys: letters and digits, lower-cased) and phrase prefixes, from the phrase list.
    var phrases: Set<String> = []
    var phrasePrefixes: [String] = []
    /// Words that make a short line holding a year a time stamp ("updated", "published", "posted").
    var stampWords: Set<String> = []
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

    /// Whether a short block is page furniture by its wording.
    func isBoilerplatePhrase(_ key: String) -> Bool {
        if phrases.contains(key) { return true }
        for p in phrasePrefixes where key.hasPrefix(p) {
            // Whole words only: "photo" does not match "photos which...".
            if key.utf8.count == p.utf8.count
                || key.utf8[key.utf8.index(key.utf8.startIndex, offsetBy: p.utf8.count)] == 0x20
            {
                return true
            }
        }
        return false
    }

    /// Tokens of a lower-cased class text: runs of ASCII letters and digits (any non-ASCII byte counts as a letter).
    static func tokens(_ b: [UInt8]) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        var start = -1
        for (i, c) in b.enumerated() {
            let word = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c >= 0x80
            if word {
                if start < 0 { start = i }
            } else if start >= 0 {
                out.append(b[start..<i])
                start = -1
            }
        }
        if start >= 0 { out.append(b[start..<b.count]) }
        return out
    }

    /// Class weight (+25 article words, -25 boilerplate words) and ``HTMLNode`` flags for a class text.
    func evidence(_ classText: String) -> (weight: Int16, flags: UInt16) {
        let b = Array(classText.utf8)
        let t = HTMLVocabulary.tokens(b)
        let names = t.map { String(decoding: $0, as: UTF8.self) }
        var w: Int16 = 0
        if negative.matches(b, t, names) { w -= 25 }
        if positive.matches(b, t, names) { w += 25 }
        var flags: UInt16 = 0
        let body = articleBody.matches(b, t, names)
        if body { flags |= HTMLNode.articleBodyFlag }
        if !body && boilerplate.matches(b, t, names) { flags |= HTMLNode.boilerplateFlag }
        if byline.matches(b, t, names) { flags |= HTMLNode.bylineFlag }
        return (w, flags)
    }
}
