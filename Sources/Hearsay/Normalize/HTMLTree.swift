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

    /// A tag name of at most 16 bytes, lower-cased, packed into two words (no string per start tag).
    struct NameKey: Hashable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        /// Packs a NUL-terminated name; nil when it is longer than `limit` bytes.
        @inline(__always) init?(_ name: UnsafePointer<UInt8>, limit: Int) {
            var i = 0
            while name[i] != 0 {
                if i >= limit { return nil }
                let b = name[i]
                let c = UInt64((b >= 65 && b <= 90) ? b + 32 : b)
                if i < 8 { low |= c << (8 * UInt64(i)) } else { high |= c << (8 * UInt64(i - 8)) }
                i += 1
            }
        }

        /// Packs a token (at most 16 bytes, else nil) as it is.
        @inline(__always) init?(_ t: UnsafeBufferPointer<UInt8>) {
            guard t.count <= 16 else { return nil }
            for (i, b) in t.enumerated() {
                if i < 8 { low |= UInt64(b) << (8 * UInt64(i)) } else { high |= UInt64(b) << (8 * UInt64(i - 8)) }
            }
        }

        init(_ name: String) {
            for (i, b) in name.utf8.enumerated() {
                if i < 8 { low |= UInt64(b) << (8 * UInt64(i)) } else { high |= UInt64(b) << (8 * UInt64(i - 8)) }
            }
        }
    }

    static let byKey: [NameKey: HTMLTag] = {
        var d: [NameKey: HTMLTag] = [:]
        for (name, tag) in byName { d[NameKey(name)] = tag }
        return d
    }()

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
        // Names of 12 bytes or more are never one of ours.
        guard let key = NameKey(name, limit: 12) else { return .other }
        return byKey[key] ?? .other
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
    /// A `title` vocabulary word (headline, kicker): like a byline word, but a `<p>` that reads as a sentence stays.
    static let titleFlag: UInt16 = 32

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
    /// What ``HTMLTagLimits`` dropped: tags, attributes, and the original byte offset of the first attribute.
    var tooManyAttributes: (tags: Int, attributes: Int, firstOffset: Int)?
    var tooLongTags: (tags: Int, attributes: Int, firstOffset: Int)?

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
        var title: [String]?
        var titleSentenceMinWords: Int?
        var keepInsideBoilerplate: [String]?

        enum CodingKeys: String, CodingKey {
            case positive, negative, boilerplate, byline, title
            case articleBody = "article_body"
            case titleSentenceMinWords = "title_sentence_min_words"
            case keepInsideBoilerplate = "keep_inside_boilerplate"
        }
    }

    /// The six word lists in one matcher: every entry carries one bit per list it is on, so a class text is
    /// tokenised once and each token looked up once (packed into two words, no string per token).
    ///
    /// An entry is a whole token, a token prefix (`ad*`), or a substring of the class text (entries holding `-`,
    /// `_` or a space).
    struct Matcher: Sendable {
        static let positive: UInt8 = 1
        static let negative: UInt8 = 2
        static let boilerplate: UInt8 = 4
        static let byline: UInt8 = 8
        static let articleBody: UInt8 = 16
        static let title: UInt8 = 32

        /// Whole tokens of up to 16 ASCII bytes; `otherTokens` holds longer or non-ASCII ones, compared as strings.
        var tokens: [HTMLTag.NameKey: UInt8] = [:]
        var otherTokens: [String: UInt8] = [:]
        var prefixes: [(bytes: [UInt8], mask: UInt8)] = []
        /// Substring entries by their first byte.
        var substrings: [[(bytes: [UInt8], mask: UInt8)]] = Array(repeating: [], count: 256)
        var hasSubstrings = false

        mutating func add(_ list: [String], _ bit: UInt8) {
            for w in list.map({ $0.lowercased() }) {
                if w.hasSuffix("*") {
                    let b = Array(w.dropLast().utf8)
                    if let i = prefixes.firstIndex(where: { $0.bytes == b }) {
                        prefixes[i].mask |= bit
                    } else {
                        prefixes.append((b, bit))
                    }
                } else if w.contains("-") || w.contains("_") || w.contains(" ") {
                    let b = Array(w.utf8)
                    if let i = substrings[Int(b[0])].firstIndex(where: { $0.bytes == b }) {
                        substrings[Int(b[0])][i].mask |= bit
                    } else {
                        substrings[Int(b[0])].append((b, bit))
                    }
                    hasSubstrings = true
                } else if w.utf8.count <= 16 && w.utf8.allSatisfy({ $0 < 0x80 }) && !w.isEmpty {
                    tokens[HTMLTag.NameKey(w), default: 0] |= bit
                } else {
                    otherTokens[w, default: 0] |= bit
                }
            }
        }

        /// The lists a lower-cased class text matches, as bits.
        func mask(_ text: [UInt8]) -> UInt8 {
            var m: UInt8 = 0
            text.withUnsafeBufferPointer { b in
                let n = b.count
                // Tokens: runs of ASCII letters and digits (any non-ASCII byte counts as a letter).
                var start = -1
                var i = 0
                while i <= n {
                    let word: Bool
                    if i < n {
                        let c = b[i]
                        word = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c >= 0x80
                    } else {
                        word = false
                    }
                    if word {
                        if start < 0 { start = i }
                    } else if start >= 0 {
                        let t = UnsafeBufferPointer(rebasing: b[start..<i])
                        if let key = HTMLTag.NameKey(t) { m |= tokens[key] ?? 0 }
                        if !otherTokens.isEmpty { m |= otherTokens[String(decoding: t, as: UTF8.self)] ?? 0 }
                        for p in prefixes where t.count >= p.bytes.count && m & p.mask != p.mask {
                            if memcmp(t.baseAddress!, p.bytes, p.bytes.count) == 0 { m |= p.mask }
                        }
                        start = -1
                    }
                    i += 1
                }
                guard hasSubstrings else { return }
                for i in 0..<n {
                    for sub in substrings[Int(b[i])] where m & sub.mask != sub.mask && i + sub.bytes.count <= n {
                        if memcmp(b.baseAddress! + i, sub.bytes, sub.bytes.count) == 0 { m |= sub.mask }
                    }
                }
            }
            return m
        }
    }

    /// Whole-block phrases (keys: letters and digits, lower-cased) and phrase prefixes, from the phrase list.
    var phrases: Set<String> = []
    var phrasePrefixes: [String] = []
    /// Words that make a short line holding a year a time stamp ("updated", "published", "posted").
    var stampWords: Set<String> = []
    var matcher = Matcher()
    /// A `<p>` with a `title` word is kept when its text ends a sentence and has at least this many words.
    var titleSentenceMinWords: Int

    init(_ raw: Raw) {
        matcher.add(raw.positive, Matcher.positive)
        matcher.add(raw.negative, Matcher.negative)
        matcher.add(raw.boilerplate, Matcher.boilerplate)
        matcher.add(raw.byline, Matcher.byline)
        matcher.add(raw.articleBody, Matcher.articleBody)
        matcher.add(raw.title ?? [], Matcher.title)
        titleSentenceMinWords = raw.titleSentenceMinWords ?? 15
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

    /// Class weight (+25 article words, -25 boilerplate words) and ``HTMLNode`` flags for a class text.
    func evidence(_ classText: String) -> (weight: Int16, flags: UInt16) {
        let m = matcher.mask(Array(classText.utf8))
        var w: Int16 = 0
        if m & Matcher.negative != 0 { w -= 25 }
        if m & Matcher.positive != 0 { w += 25 }
        var flags: UInt16 = 0
        let body = m & Matcher.articleBody != 0
        if body { flags |= HTMLNode.articleBodyFlag }
        if !body && m & Matcher.boilerplate != 0 { flags |= HTMLNode.boilerplateFlag }
        if m & Matcher.byline != 0 { flags |= HTMLNode.bylineFlag }
        if m & Matcher.title != 0 { flags |= HTMLNode.titleFlag }
        return (w, flags)
    }
}
