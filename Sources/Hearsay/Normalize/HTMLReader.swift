import CLibXML2
import Foundation

/// One block of an HTML page's main text: a paragraph, heading, list item, quote, caption or preformatted run.
public struct HTMLBlock: Sendable {
    public var role: Paragraph.Role
    /// White space collapsed and trimmed; every scalar carries its byte range in the original input.
    public var text: TextBuilder
    /// Whether a thematic break (`<hr>`) came after the previous kept block and before this one.
    public var afterThematicBreak: Bool = false
}

/// What ``HTMLReader`` makes of a page: the main text as blocks, what it left out, and the page's metadata.
public struct HTMLPage: Sendable {
    public var blocks: [HTMLBlock]
    public var removed: [Removal]
    public var metadata: Metadata
    public var decision: Decoding.Decision
    /// Elements nested deeper than `max_depth`, flattened into their deepest kept ancestor, and the byte offset of
    /// the first of them in the original input.
    public var flattened: (count: Int, firstOffset: Int)?
    /// The main-text check's warning, when the kept text fell short of what the page says its article is.
    public var diagnostics: [Diagnostic] = []
    /// Start tags that had more than `max_attributes` attributes: how many tags, how many attributes were dropped,
    /// and the byte offset in the original input of the first attribute dropped.
    public var tooManyAttributes: (tags: Int, attributes: Int, firstOffset: Int)?
    /// Start tags longer than `max_tag_bytes`, the same way.
    public var tooLongTags: (tags: Int, attributes: Int, firstOffset: Int)?
}

/// Reads an HTML page into main-text blocks through libxml2's SAX parser.
///
/// The only place in Hearsay that touches libxml2. It decides the encoding (BOM, `<meta charset>` or `http-equiv`,
/// UTF-8 validity, Windows-1252), hands libxml2 UTF-8 with the encoding fixed, builds a compact tree of its own from
/// the SAX events (every text scalar keeps its byte range in the original input), and passes that tree to
/// ``ContentExtractor``, which keeps the article and drops navigation, ads, comments and related links.
///
/// Reads from config: `max_bytes`, `max_depth`, `vocabulary` and the extractor's thresholds (see ``Config``).
public struct HTMLReader: Sendable {
    /// The `html` object inside the `normalize` section of `pipeline.json`.
    public struct Config: Codable, Sendable {
        /// Pages longer than this are refused (`too-large`).
        public var maxBytes: Int = 16 << 20
        /// Elements nested deeper than this are flattened into their deepest kept ancestor.
        public var maxDepth: Int = 400
        /// Attributes of one start tag after this many are dropped (`html.too-many-attributes`): libxml2's
        /// duplicate check makes a tag cost the square of its attributes.
        public var maxAttributes: Int = 200
        /// Attributes of one start tag that end more than this many bytes after its `<` are dropped
        /// (`html.tag-too-long`).
        public var maxTagBytes: Int = 65536
        /// Class/id vocabularies and tag lists for main-content extraction.
        public var vocabulary: String = "builtin:html-content-vocabulary.json"
        /// Short blocks that are page furniture ("Advertisement", "Share this"), one phrase a line.
        public var boilerplatePhrases: String = "builtin:html-boilerplate-phrases.txt"
        /// When false, every visible block is kept (only script, style, nav and the like are dropped).
        public var mainContent: Bool = true
        /// A block needs this many characters to score as a paragraph.
        public var minParagraphChars: Int = 25
        /// Siblings of the best container join the article when they score this share of its score.
        public var siblingShare: Double = 0.2
        /// Blocks inside the article whose linked text exceeds this share are dropped.
        public var maxLinkDensity: Double = 0.5
        /// Containers inside the article whose linked text exceeds this share are dropped.
        public var maxContainerLinkDensity: Double = 0.33
        /// The main-text check and its fallback (see ``MainTextCheck``).
        public var mainTextCheck = MainTextCheck.Config()

        public init() {}

        /// Every visible block, no main-content selection.
        static func plain() -> Config {
            var c = Config()
            c.mainContent = false
            return c
        }

        public static let keys: [String] = [
            "max_bytes", "max_depth", "max_attributes", "max_tag_bytes", "vocabulary", "boilerplate_phrases",
            "main_content", "min_paragraph_chars",
            "sibling_share",
            "max_link_density", "max_container_link_density", "main_text_check",
        ]

        enum CodingKeys: String, CodingKey {
            case maxBytes = "max_bytes"
            case maxDepth = "max_depth"
            case maxAttributes = "max_attributes"
            case maxTagBytes = "max_tag_bytes"
            case vocabulary
            case mainContent = "main_content"
            case boilerplatePhrases = "boilerplate_phrases"
            case minParagraphChars = "min_paragraph_chars"
            case siblingShare = "sibling_share"
            case maxLinkDensity = "max_link_density"
            case maxContainerLinkDensity = "max_container_link_density"
            case mainTextCheck = "main_text_check"
        }

        /// Decodes every field with its default when absent; an unknown key is refused with its key path.
        public init(from decoder: Decoder) throws {
            try decoder.refuseUnknownKeys(Config.keys)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Config()
            maxBytes = try c.decodeIfPresent(Int.self, forKey: .maxBytes) ?? d.maxBytes
            maxDepth = try c.decodeIfPresent(Int.self, forKey: .maxDepth) ?? d.maxDepth
            if maxBytes <= 0 || maxBytes > Int(Int32.max) {
                throw DecodingError.dataCorruptedError(
                    forKey: .maxBytes, in: c, debugDescription: "must be a positive number of bytes below 2 GiB")
            }
            if maxDepth < 1 {
                throw DecodingError.dataCorruptedError(forKey: .maxDepth, in: c, debugDescription: "must be 1 or more")
            }
            maxAttributes = try c.decodeIfPresent(Int.self, forKey: .maxAttributes) ?? d.maxAttributes
            if maxAttributes < 1 {
                throw DecodingError.dataCorruptedError(
                    forKey: .maxAttributes, in: c, debugDescription: "must be 1 or more")
            }
            maxTagBytes = try c.decodeIfPresent(Int.self, forKey: .maxTagBytes) ?? d.maxTagBytes
            if maxTagBytes < 64 {
                throw DecodingError.dataCorruptedError(
                    forKey: .maxTagBytes, in: c, debugDescription: "must be 64 bytes or more")
            }
            vocabulary = try c.decodeIfPresent(String.self, forKey: .vocabulary) ?? d.vocabulary
            boilerplatePhrases =
                try c.decodeIfPresent(String.self, forKey: .boilerplatePhrases) ?? d.boilerplatePhrases
            mainContent = try c.decodeIfPresent(Bool.self, forKey: .mainContent) ?? d.mainContent
            minParagraphChars = try c.decodeIfPresent(Int.self, forKey: .minParagraphChars) ?? d.minParagraphChars
            siblingShare = try c.decodeIfPresent(Double.self, forKey: .siblingShare) ?? d.siblingShare
            maxLinkDensity = try c.decodeIfPresent(Double.self, forKey: .maxLinkDensity) ?? d.maxLinkDensity
            maxContainerLinkDensity =
                try c.decodeIfPresent(Double.self, forKey: .maxContainerLinkDensity) ?? d.maxContainerLinkDensity
            mainTextCheck = try c.decodeIfPresent(MainTextCheck.Config.self, forKey: .mainTextCheck) ?? d.mainTextCheck
        }
    }

    public let config: Config
    let vocabulary: HTMLVocabulary

    public init(config: Config, resources: ResourceLoader) throws {
        _ = HTMLReader.lockDown
        self.config = config
        let raw = try resources.json(HTMLVocabulary.Raw.self, config.vocabulary)
        var vocabulary = HTMLVocabulary(raw)
        for line in try resources.lines(config.boilerplatePhrases) {
            if line.hasPrefix("stamp:") {
                vocabulary.stampWords.insert(ContentExtractor.wordKey(line.dropFirst(6).unicodeScalars))
            } else if line.hasSuffix("*") {
                vocabulary.phrasePrefixes.append(ContentExtractor.wordKey(line.dropLast().unicodeScalars))
            } else {
                vocabulary.phrases.insert(ContentExtractor.wordKey(line.unicodeScalars))
            }
        }
        self.vocabulary = vocabulary
    }

    /// Reads one page.
    ///
    /// - Parameters:
    ///   - bytes: the page as crawled.
    ///   - file: the name used in errors.
    /// - Throws: ``HearsayError`` `too-large` or `empty-input`, naming `file` and the byte offset.
    public func read(_ bytes: [UInt8], file: String) throws -> HTMLPage {
        if bytes.count > config.maxBytes {
            throw HearsayError(
                code: "too-large",
                message: "HTML page has \(bytes.count) bytes, more than max_bytes (\(config.maxBytes))",
                file: file, byteOffset: config.maxBytes, stage: "normalize")
        }
        let declared = HTMLReader.sniffCharset(bytes)
        var decision = Decoding.decide(bytes, declared: declared)
        // A declared charset that `Decoding` does not know (Shift_JIS, EUC-KR, windows-1251...) is used through
        // iconv when the bytes are not UTF-8 anyway.
        if let declared, decision.evidence != "bom", !decision.encoding.hasPrefix("utf-"),
            !HTMLReader.builtinEncodings.contains(Decoding.canonicalName(declared)),
            HTMLReader.iconvAvailable(declared)
        {
            decision = Decoding.Decision(encoding: declared, evidence: "declared", bomLength: 0)
        }
        let limits = HTMLTagLimits(maxAttributes: config.maxAttributes, maxTagBytes: config.maxTagBytes)
        let tree = HTMLReader.parse(
            bytes, decision: decision, maxDepth: max(8, config.maxDepth), limits: limits, vocabulary: vocabulary)
        let (metadata, articleBody, isArticle) = HTMLMetadataReader.read(tree)
        let extractor = ContentExtractor(config: config, vocabulary: vocabulary)
        let (blocks, removed, diagnostics) = extractor.extract(
            tree, title: metadata.title, evidence: articleBody, isArticle: isArticle)
        return HTMLPage(
            blocks: blocks, removed: removed, metadata: metadata, decision: decision,
            flattened: tree.flattened.map { (Int($0.count), Int($0.firstOffset)) }, diagnostics: diagnostics,
            tooManyAttributes: tree.tooManyAttributes, tooLongTags: tree.tooLongTags)
    }

    /// libxml2's global set-up, once, before readers run on several threads: initialised, and every external
    /// resource refused. The HTML parser with `HTML_PARSE_NONET` loads no DTD and expands only HTML's own named
    /// entities; should any path still ask for an external entity or DTD (`SYSTEM "file:..."`, `http:`), the
    /// loader answers nothing, so no file outside the input and no network address is ever read.
    static let lockDown: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
    }()

    /// The character an HTML named entity stands for (`rsquo` → `’`), from libxml2's table, or nil.
    static func namedEntity(_ name: String) -> Unicode.Scalar? {
        guard name.utf8.count < 32, let d = htmlEntityLookup(name) else { return nil }
        return Unicode.Scalar(d.pointee.value)
    }

    // MARK: - Encoding

    /// The charset a page declares in its first 2 KB (`<meta charset>` or `http-equiv` content type), if any.
    static func sniffCharset(_ bytes: [UInt8]) -> String? {
        let n = min(bytes.count, 2048)
        var i = 0
        @inline(__always) func lower(_ b: UInt8) -> UInt8 { (b >= 65 && b <= 90) ? b + 32 : b }
        let key = Array("charset".utf8)
        while i + key.count < n {
            var match = true
            for k in 0..<key.count where lower(bytes[i + k]) != key[k] {
                match = false
                break
            }
            if !match {
                i += 1
                continue
            }
            var j = i + key.count
            while j < n, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
            guard j < n, bytes[j] == UInt8(ascii: "=") else {
                i += 1
                continue
            }
            j += 1
            while j < n, bytes[j] == 0x20 || bytes[j] == 0x22 || bytes[j] == 0x27 { j += 1 }
            var label: [UInt8] = []
            while j < n, label.count < 40 {
                let b = lower(bytes[j])
                let ok =
                    (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
                    || b == UInt8(ascii: ":") || b == UInt8(ascii: ".")
                if !ok { break }
                label.append(b)
                j += 1
            }
            if !label.isEmpty { return String(decoding: label, as: UTF8.self) }
            i = j
        }
        return nil
    }

    /// Encodings ``Decoding`` decodes itself.
    static let builtinEncodings: Set<String> = ["utf-8", "windows-1252", "utf-16le", "utf-16be"]

    static func iconvAvailable(_ label: String) -> Bool {
        let cd = iconv_open("UTF-32LE", label)
        if Int(bitPattern: cd) == -1 { return false }
        iconv_close(cd)
        return true
    }

    /// Decodes with iconv one character at a time (UTF-32 output of exactly one unit), so that every scalar keeps
    /// its byte range. Bytes iconv cannot read become U+FFFD.
    static func iconvDecode(_ bytes: [UInt8], _ label: String) -> [Decoding.Unit] {
        var out: [Decoding.Unit] = []
        out.reserveCapacity(bytes.count)
        let cd = iconv_open("UTF-32LE", label)
        if Int(bitPattern: cd) == -1 { return Decoding.decode(bytes, Decoding.decide(bytes)) }
        defer { iconv_close(cd) }
        bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            var i = 0
            let n = buf.count
            var value: UInt32 = 0
            while i < n {
                // ASCII is ASCII in every charset a web page declares in ASCII.
                if buf[i] < 0x80 && buf[i] != 0x1B {
                    out.append(Decoding.Unit(scalar: Unicode.Scalar(buf[i]), start: i, end: i + 1))
                    i += 1
                    continue
                }
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base + i)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = n - i
                let before = inLeft
                var outLeft = 4
                withUnsafeMutableBytes(of: &value) { raw in
                    var outPtr: UnsafeMutablePointer<CChar>? = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
                    _ = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                }
                let used = before - inLeft
                if outLeft == 0, used > 0, let s = Unicode.Scalar(UInt32(littleEndian: value)) {
                    out.append(Decoding.Unit(scalar: s, start: i, end: i + used))
                    i += used
                } else if used > 0 {
                    i += used  // a shift sequence with no character of its own
                } else {
                    out.append(Decoding.Unit(scalar: "\u{FFFD}", start: i, end: i + 1))
                    i += 1
                    _ = iconv(cd, nil, nil, nil, nil)
                }
            }
        }
        return out
    }

    // MARK: - Parsing

    /// libxml2 options: recover, no network, no error output, compact text nodes, no hard-coded depth limit (this
    /// reader flattens beyond `max_depth` itself), and the encoding fixed by the caller rather than by `<meta>`.
    static let parseOptions: Int32 =
        Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        | Int32(XML_PARSE_HUGE.rawValue)

    /// libxml2's SAX parse alone, with the same options and no work in the callbacks: the baseline that the
    /// benchmark compares Normalize with. UTF-8 input only; returns the number of character callbacks.
    public static func parseOnlyForBenchmark(_ bytes: [UInt8]) -> Int {
        final class Counter { var n = 0 }
        let counter = Counter()
        var sax = htmlSAXHandler()
        sax.characters = { ctx, _, _ in
            guard let ctx else { return }
            Unmanaged<Counter>.fromOpaque(ctx).takeUnretainedValue().n += 1
        }
        bytes.withUnsafeBufferPointer { buf in
            runSAX(buf, sax, userData: Unmanaged.passUnretained(counter).toOpaque())
        }
        return counter.n
    }

    /// Runs libxml2's HTML SAX parser over UTF-8 bytes with our options, `handler` and `userData`; `context` sees
    /// the live parser context before the parse and nil after it. The context is freed here.
    static func runSAX(
        _ buf: UnsafeBufferPointer<UInt8>, _ handler: htmlSAXHandler, userData: UnsafeMutableRawPointer,
        context: (htmlParserCtxtPtr?) -> Void = { _ in }
    ) {
        guard let base = buf.baseAddress, !buf.isEmpty else { return }
        base.withMemoryRebound(to: CChar.self, capacity: buf.count) { cbuf in
            guard let ctxt = htmlCreateMemoryParserCtxt(cbuf, Int32(buf.count)) else { return }
            defer { htmlFreeParserCtxt(ctxt) }
            htmlCtxtUseOptions(ctxt, parseOptions)
            // The buffer is UTF-8: without this libxml2 guesses from the first non-ASCII byte and may switch to
            // Latin-1, garbling the text and the byte positions.
            ctxt.pointee.charset = Int32(XML_CHAR_ENCODING_UTF8.rawValue)
            var sax = handler
            let old = ctxt.pointee.sax
            withUnsafeMutablePointer(to: &sax) { saxPtr in
                ctxt.pointee.sax = saxPtr
                ctxt.pointee.userData = userData
                context(ctxt)
                _ = htmlParseDocument(ctxt)
                context(nil)
                ctxt.pointee.sax = old
                ctxt.pointee.userData = nil
            }
        }
    }

    /// Parses `bytes` (with a decided encoding) into a ``HTMLTree``.
    static func parse(
        _ bytes: [UInt8], decision: Decoding.Decision, maxDepth: Int, limits: HTMLTagLimits? = nil,
        vocabulary: HTMLVocabulary
    ) -> HTMLTree {
        // libxml2 always gets UTF-8: valid UTF-8 input as is (after any BOM); anything else is transcoded here,
        // remembering for every UTF-8 byte the original byte it came from.
        var utf8: [UInt8]
        var map: [Int32]? = nil
        var shift = 0
        // `decide` has checked UTF-8 validity unless a BOM settled it.
        if decision.encoding == "utf-8", decision.evidence != "bom" || Decoding.firstInvalidUTF8(bytes) == nil {
            utf8 = decision.bomLength > 0 ? Array(bytes[decision.bomLength...]) : bytes
            shift = decision.bomLength
        } else {
            let units =
                builtinEncodings.contains(decision.encoding)
                ? Decoding.decode(bytes, decision) : iconvDecode(bytes, decision.encoding)
            utf8 = []
            utf8.reserveCapacity(bytes.count + bytes.count / 4)
            var m: [Int32] = []
            m.reserveCapacity(bytes.count + bytes.count / 4 + 1)
            for u in units {
                var s = u.scalar
                if s.value == 0 { s = " " }
                let before = utf8.count
                for b in String(s).utf8 { utf8.append(b) }
                for _ in before..<utf8.count { m.append(Int32(u.start)) }
            }
            m.append(Int32(bytes.count))
            map = m
        }
        let builder = HTMLTreeBuilder(maxDepth: maxDepth, map: map, shift: shift, vocabulary: vocabulary)
        if utf8.isEmpty { return builder.finish() }
        if let limits {
            let (tooMany, tooLong) = limits.apply(&utf8)
            builder.tree.tooManyAttributes = tooMany.map {
                ($0.tags, $0.attributes, Int(builder.original($0.firstOffset)))
            }
            builder.tree.tooLongTags = tooLong.map { ($0.tags, $0.attributes, Int(builder.original($0.firstOffset))) }
        }
        var sax = htmlSAXHandler()
        sax.startElement = { ctx, name, atts in
            guard let ctx, let name else { return }
            Unmanaged<HTMLTreeBuilder>.fromOpaque(ctx).takeUnretainedValue().start(name, atts)
        }
        sax.endElement = { ctx, name in
            guard let ctx else { return }
            Unmanaged<HTMLTreeBuilder>.fromOpaque(ctx).takeUnretainedValue().end()
        }
        sax.characters = { ctx, ch, len in
            guard let ctx, let ch else { return }
            Unmanaged<HTMLTreeBuilder>.fromOpaque(ctx).takeUnretainedValue().characters(ch, Int(len))
        }
        sax.ignorableWhitespace = sax.characters
        sax.cdataBlock = sax.characters
        utf8.withUnsafeBufferPointer { buf in
            builder.buffer = buf
            runSAX(buf, sax, userData: Unmanaged.passUnretained(builder).toOpaque()) { builder.ctxt = $0 }
            builder.closeAll(at: buf.count)
            builder.buffer = nil
        }
        return builder.finish()
    }
}

/// Collects SAX events into a ``HTMLTree``; lives only for one parse.
final class HTMLTreeBuilder {
    /// The last position of `byte` in `buffer[limit..<before]`, scanning backwards.
    static func scanBack(_ buffer: UnsafeBufferPointer<UInt8>, for byte: UInt8, before: Int, limit: Int) -> Int? {
        var i = before - 1
        while i >= limit {
            if buffer[i] == byte { return i }
            i -= 1
        }
        return nil
    }

    var tree = HTMLTree()
    var stack: [Int32] = [0]
    var overflow = 0
    let maxDepth: Int
    let map: [Int32]?
    let shift: Int
    let vocabulary: HTMLVocabulary
    var buffer: UnsafeBufferPointer<UInt8>?
    var ctxt: htmlParserCtxtPtr?
    var lastPos = 0
    /// What the current character data feeds besides the tree: 1 = `<title>`, 2 = a JSON-LD script.
    var capture = 0
    /// Scratch: for each byte of a text chunk, its offset in the UTF-8 buffer.
    var bytePos: [Int] = []
    /// Open `<script>` / `<style>` elements.
    var rawDepth = 0
    var captured: [UInt8] = []

    init(maxDepth: Int, map: [Int32]?, shift: Int, vocabulary: HTMLVocabulary) {
        self.maxDepth = maxDepth
        self.map = map
        self.shift = shift
        self.vocabulary = vocabulary
        tree.nodes.append(HTMLNode(tag: .root, parent: -1, start: 0))
        tree.classes.append("")
    }

    @inline(__always) func original(_ utf8Offset: Int) -> Int32 {
        if let map { return map[min(max(utf8Offset, 0), map.count - 1)] }
        return Int32(utf8Offset + shift)
    }

    /// The parser's position in the UTF-8 buffer.
    @inline(__always) func position() -> Int {
        guard let ctxt else { return lastPos }
        let p = Int(xmlByteConsumed(ctxt))
        return p < 0 ? lastPos : min(p, buffer?.count ?? p)
    }

    func start(_ name: UnsafePointer<xmlChar>, _ atts: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        var end = position()
        // libxml2 reports a start tag with its position on the closing '>' (or the '/' of '/>'); the tag's '<' is
        // the last one before. An element libxml2 implies (a <p> around text directly in <body>) comes after its
        // text was read: it has no tag and must not move `lastPos`.
        var begin = end
        var implied = true
        if let buffer, end < buffer.count {
            if buffer[end] == UInt8(ascii: ">") {
                implied = false
                end += 1
            } else if buffer[end] == UInt8(ascii: "/"), end + 1 < buffer.count, buffer[end + 1] == UInt8(ascii: ">") {
                implied = false
                end += 2
            }
        }
        if let buffer, !implied {
            if let i = Self.scanBack(buffer, for: UInt8(ascii: "<"), before: end, limit: max(lastPos, end - 4096)) {
                begin = i
            }
        }
        if !implied { lastPos = end }
        let tag = HTMLTag.lookup(name)
        if stack.count > maxDepth {
            overflow += 1
            if let f = tree.flattened {
                tree.flattened = (f.count + 1, f.firstOffset)
            } else {
                tree.flattened = (1, original(begin))
            }
            if tag == .br { appendBreak(at: end) }
            return
        }
        var classText = ""
        var hidden = false
        var jsonLD = false
        if let atts {
            var i = 0
            var metaNames: [String] = []
            var metaContent: String? = nil
            var rel: String? = nil
            var href: String? = nil
            while let an = atts[i] {
                let av = atts[i + 1]
                i += 2
                // Attribute names are told apart by their packed bytes: no string per attribute, and values are
                // read only where the tag uses them.
                guard let key = HTMLTag.NameKey(an, limit: 16), let aname = HTMLTreeBuilder.attributes[key] else {
                    continue
                }
                switch aname {
                case .classLike, .itemprop:
                    if let av {
                        if !classText.isEmpty { classText += " " }
                        classText += HTMLTreeBuilder.lowercased(av)
                    }
                    if aname == .itemprop, let av, tag != .meta {
                        let v = String(cString: av)
                        if v == "author" || v == "datePublished" { tree.itemprops.append((v, Int32(tree.nodes.count))) }
                    }
                case .hidden: hidden = true
                case .ariaHidden: if let av, String(cString: av) == "true" { hidden = true }
                case .style:
                    if let av, HTMLTreeBuilder.hidesElement(av) { hidden = true }
                case .type:
                    if tag == .script, let av, String(cString: av).lowercased().contains("ld+json") { jsonLD = true }
                case .metaName: if tag == .meta, let av { metaNames.append(String(cString: av)) }
                case .content: if tag == .meta, let av { metaContent = String(cString: av) }
                case .rel: if tag == .link, let av { rel = String(cString: av).lowercased() }
                case .href: if tag == .link, let av { href = String(cString: av) }
                case .lang: if tag == .html, let av { tree.htmlLang = String(cString: av) }
                case .datetime: if tag == .time, let av { tree.timeDatetimes.append(String(cString: av)) }
                }
                if tag == .meta, aname == .itemprop, let av {
                    metaNames += String(cString: av).split(separator: " ").map(String.init)
                }
            }
            if tag == .meta, let c = metaContent {
                for n in metaNames { tree.metas.append((n.lowercased(), c)) }
            }
            if tag == .link, let rel, rel.split(separator: " ").contains("canonical"), let href {
                tree.canonical = href
            }
        }
        let parent = stack.last!
        let index = Int32(tree.nodes.count)
        var node = HTMLNode(tag: tag, parent: parent, start: original(begin))
        node.textBegin = Int32(tree.scalars.count)
        if hidden { node.flags |= HTMLNode.hiddenFlag }
        tree.nodes.append(node)
        tree.classes.append(classText)
        link(index, to: parent)
        // libxml2 sends an end event for void elements too, so every element is pushed.
        stack.append(index)
        if tag == .script || tag == .style { rawDepth += 1 }
        if tag == .br { appendBreak(at: end) }
        if tag == .title && capture == 0 {
            capture = 1
            captured.removeAll(keepingCapacity: true)
        } else if tag == .script && jsonLD {
            capture = 2
            captured.removeAll(keepingCapacity: true)
        }
    }

    func end() {
        let pos = position()
        lastPos = pos
        if overflow > 0 {
            overflow -= 1
            return
        }
        guard stack.count > 1 else { return }
        let index = Int(stack.removeLast())
        tree.nodes[index].end = original(pos)
        tree.nodes[index].textEnd = Int32(tree.scalars.count)
        let tag = tree.nodes[index].tag
        if tag == .script || tag == .style { rawDepth -= 1 }
        if capture == 1 && tag == .title {
            if tree.title == nil { tree.title = String(decoding: captured, as: UTF8.self) }
            capture = 0
        } else if capture == 2 && tag == .script {
            tree.jsonLD.append(captured)
            capture = 0
        }
    }

    func closeAll(at end: Int) {
        overflow = 0
        while stack.count > 1 {
            let index = Int(stack.removeLast())
            tree.nodes[index].end = original(end)
            tree.nodes[index].textEnd = Int32(tree.scalars.count)
        }
    }

    @inline(__always) func link(_ index: Int32, to parent: Int32) {
        let p = Int(parent)
        if tree.nodes[p].lastChild >= 0 {
            tree.nodes[Int(tree.nodes[p].lastChild)].next = index
        } else {
            tree.nodes[p].firstChild = index
        }
        tree.nodes[p].lastChild = index
    }

    func appendBreak(at pos: Int) {
        let parent = stack.last!
        let index = Int32(tree.nodes.count)
        var node = HTMLNode(tag: .text, parent: parent, start: original(pos))
        node.end = node.start
        node.textBegin = Int32(tree.scalars.count)
        tree.scalars.append("\n")
        tree.sourceStart.append(node.start)
        tree.sourceEnd.append(node.start)
        node.textEnd = Int32(tree.scalars.count)
        node.flags |= HTMLNode.breakFlag
        tree.nodes.append(node)
        tree.classes.append("")
        link(index, to: parent)
    }

    func characters(_ ch: UnsafePointer<xmlChar>, _ len: Int) {
        var end = position()
        if capture != 0 { captured.append(contentsOf: UnsafeBufferPointer(start: ch, count: len)) }
        // Script and style text is never page text: not stored (a large share of many pages).
        if rawDepth > 0 {
            lastPos = end
            return
        }
        // Where the text came from: usually the `len` bytes before the parser's position; an entity or a
        // character reference maps as a whole to its source `&...;`.
        var aligned = false
        var stepped = false  // aligned byte by byte through `bytePos` (the source had CRs the parser dropped)
        // A long run of text comes in chunks of 1000 bytes, each reported before the parser steps over its last
        // character: then the chunk ends that character's length after the parser's position.
        if let buffer, len > 0, end <= buffer.count,
            end - len < lastPos || memcmp(buffer.baseAddress! + (end - len), ch, len) != 0
        {
            var k = len - 1
            while k > 0 && ch[k] & 0xC0 == 0x80 { k -= 1 }
            let last = len - k
            if end + last <= buffer.count, end + last - len >= lastPos,
                memcmp(buffer.baseAddress! + (end + last - len), ch, len) == 0
            {
                end += last
            }
        }
        var from = max(lastPos, end - len)
        if let buffer, end - len >= lastPos, end <= buffer.count {
            aligned = memcmp(buffer.baseAddress! + (end - len), ch, len) == 0
            if !aligned {
                // Align from the end, skipping carriage returns that libxml2 folded into line feeds.
                bytePos.removeAll(keepingCapacity: true)
                var i = len - 1
                var j = end - 1
                while i >= 0 && j >= lastPos {
                    if ch[i] == buffer[j] {
                        bytePos.append(j)
                        i -= 1
                        j -= 1
                    } else if buffer[j] == 0x0D {
                        j -= 1
                    } else {
                        break
                    }
                }
                if i < 0 {
                    bytePos.reverse()
                    stepped = true
                    aligned = true
                }
            }
            if !aligned {
                if let i = Self.scanBack(buffer, for: UInt8(ascii: "&"), before: end, limit: max(lastPos, end - 64)) {
                    from = i
                }
            }
        } else if let buffer, end <= buffer.count {
            var i = end - 1
            let limit = max(lastPos, end - 64)
            while i >= limit {
                if buffer[i] == UInt8(ascii: "&") {
                    from = i
                    break
                }
                i -= 1
            }
        }
        lastPos = end
        let parent = stack.last!
        let index = Int32(tree.nodes.count)
        let first = stepped ? bytePos[0] : end - len
        var node = HTMLNode(tag: .text, parent: parent, start: original(aligned ? first : from))
        node.end = original(end)
        node.textBegin = Int32(tree.scalars.count)
        let wholeStart = original(from)
        let wholeEnd = original(end)
        // Append to local arrays (one exclusive access to the tree per call, not three per scalar).
        var scalars: [Unicode.Scalar] = []
        var starts: [Int32] = []
        var ends: [Int32] = []
        swap(&scalars, &tree.scalars)
        swap(&starts, &tree.sourceStart)
        swap(&ends, &tree.sourceEnd)
        var i = 0
        while i < len {
            let b = ch[i]
            var v: UInt32
            var n = 1
            if b < 0x80 {
                v = UInt32(b)
            } else if b & 0xE0 == 0xC0, i + 1 < len {
                v = UInt32(b & 0x1F) << 6 | UInt32(ch[i + 1] & 0x3F)
                n = 2
            } else if b & 0xF0 == 0xE0, i + 2 < len {
                v = UInt32(b & 0x0F) << 12 | UInt32(ch[i + 1] & 0x3F) << 6 | UInt32(ch[i + 2] & 0x3F)
                n = 3
            } else if b & 0xF8 == 0xF0, i + 3 < len {
                v =
                    UInt32(b & 0x07) << 18 | UInt32(ch[i + 1] & 0x3F) << 12 | UInt32(ch[i + 2] & 0x3F) << 6
                    | UInt32(ch[i + 3] & 0x3F)
                n = 4
            } else {
                v = 0xFFFD
            }
            scalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
            // A range never runs backwards, whatever order the parser reported positions in (a page in UTF-16
            // with a stray `&` once gave one that did).
            if stepped {
                let a = original(bytePos[i])
                starts.append(a)
                ends.append(max(a, original(bytePos[i + n - 1] + 1)))
            } else if aligned {
                let s = end - len + i
                let a = original(s)
                starts.append(a)
                ends.append(max(a, original(s + n)))
            } else {
                starts.append(min(wholeStart, wholeEnd))
                ends.append(wholeEnd)
            }
            i += n
        }
        node.textEnd = Int32(scalars.count)
        swap(&scalars, &tree.scalars)
        swap(&starts, &tree.sourceStart)
        swap(&ends, &tree.sourceEnd)
        tree.nodes.append(node)
        tree.classes.append("")
        link(index, to: parent)
    }

    func finish() -> HTMLTree {
        closeAll(at: buffer?.count ?? 0)
        tree.nodes[0].end = original(buffer?.count ?? 0)
        tree.nodes[0].textEnd = Int32(tree.scalars.count)
        // Pages repeat their class names: look each distinct one up once.
        var cache: [String: (weight: Int16, flags: UInt16)] = [:]
        for (i, c) in tree.classes.enumerated() where !c.isEmpty {
            let e: (weight: Int16, flags: UInt16)
            if let hit = cache[c] {
                e = hit
            } else {
                e = vocabulary.evidence(c)
                cache[c] = e
            }
            tree.nodes[i].classWeight = e.weight
            tree.nodes[i].flags |= e.flags
        }
        return tree
    }

    /// An attribute value lower-cased: byte by byte when it is ASCII (most class and id values), else as a string.
    static func lowercased(_ p: UnsafePointer<xmlChar>) -> String {
        var n = 0
        var ascii = true
        while p[n] != 0 {
            if p[n] >= 0x80 { ascii = false }
            n += 1
        }
        guard ascii else { return String(cString: p).lowercased() }
        return String(
            unsafeUninitializedCapacity: n,
            initializingUTF8With: { out in
                for i in 0..<n {
                    let b = p[i]
                    out[i] = (b >= 65 && b <= 90) ? b + 32 : b
                }
                return n
            })
    }

    /// The attributes the tree builder reads.
    enum Attribute {
        case classLike, itemprop, hidden, ariaHidden, style, type, metaName, content, rel, href, lang, datetime
    }

    static let attributes: [HTMLTag.NameKey: Attribute] = {
        let names: [(String, Attribute)] = [
            ("class", .classLike), ("id", .classLike), ("role", .classLike), ("itemprop", .itemprop),
            ("hidden", .hidden), ("aria-hidden", .ariaHidden), ("style", .style), ("type", .type),
            ("name", .metaName), ("property", .metaName), ("http-equiv", .metaName), ("content", .content),
            ("rel", .rel), ("href", .href), ("lang", .lang), ("datetime", .datetime),
        ]
        var d: [HTMLTag.NameKey: Attribute] = [:]
        for (n, a) in names { d[HTMLTag.NameKey(n)] = a }
        return d
    }()

    /// Whether an inline style hides its element: `display:none`, `display: none` or `visibility:hidden`, in any
    /// ASCII case.
    static func hidesElement(_ style: UnsafePointer<xmlChar>) -> Bool {
        var n = 0
        while style[n] != 0 { n += 1 }
        let b = UnsafeBufferPointer(start: style, count: n)
        func at(_ i: Int, _ needle: StaticString) -> Bool {
            let m = needle.utf8CodeUnitCount
            guard i + m <= n else { return false }
            let p = needle.utf8Start
            for k in 0..<m {
                let c = b[i + k]
                if ((c >= 65 && c <= 90) ? c + 32 : c) != p[k] { return false }
            }
            return true
        }
        for i in 0..<n {
            let c = b[i] | 0x20
            if c == UInt8(ascii: "d") {
                if at(i, "display:none") || at(i, "display: none") { return true }
            } else if c == UInt8(ascii: "v") {
                if at(i, "visibility:hidden") { return true }
            }
        }
        return false
    }

    static func asciiLower(_ p: UnsafePointer<xmlChar>) -> String {
        var bytes: [UInt8] = []
        var i = 0
        while p[i] != 0 && i < 64 {
            let b = p[i]
            bytes.append((b >= 65 && b <= 90) ? b + 32 : b)
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
