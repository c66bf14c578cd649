import Foundation

/// The normalize stage: from input bytes to clean text with paragraphs, keeping a map back to the bytes.
///
/// Requires the source bytes; provides `text` and `paragraphs`. Decides HTML or plain text by content (and the
/// caller's declaration); refuses empty, binary and oversized input with an error naming the byte offset. Plain
/// text is decoded (BOM, UTF-8 validity, Windows-1252 fallback), put in Unicode NFC, cleaned of control characters
/// and runs of white space, and stripped of scraped boilerplate by the rules in `text_rules`; every removed line
/// is listed in `document.removed` with its byte span and rule. Reads from config: `max_bytes`, `text_rules`,
/// `binary_control_ratio`, `html`.
public struct TextNormalizer: Stage {
    public struct Config: StageConfig {
        /// Inputs larger than this are refused (`too-large`).
        public var maxBytes: Int = 16 * 1024 * 1024
        /// Rules for scraped plain text (see the resource's comments).
        public var textRules: String = "builtin:normalize-text-rules.json"
        /// Share of control bytes in the first 8 KB above which input is refused as binary.
        public var binaryControlRatio: Double = 0.05
        /// The HTML reader's settings (see ``HTMLReader/Config``).
        public var html = HTMLReader.Config()

        public init() {}
        public static let keys = ["max_bytes", "text_rules", "binary_control_ratio", "html"]

        enum CodingKeys: String, CodingKey {
            case maxBytes = "max_bytes", textRules = "text_rules", binaryControlRatio = "binary_control_ratio", html
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Config()
            maxBytes = try c.decodeIfPresent(Int.self, forKey: .maxBytes) ?? d.maxBytes
            textRules = try c.decodeIfPresent(String.self, forKey: .textRules) ?? d.textRules
            binaryControlRatio = try c.decodeIfPresent(Double.self, forKey: .binaryControlRatio) ?? d.binaryControlRatio
            html = try c.decodeIfPresent(HTMLReader.Config.self, forKey: .html) ?? d.html
            // Byte offsets are kept as 32-bit numbers (and libxml2 takes an `int` length): 2 GiB is the ceiling.
            if maxBytes <= 0 || maxBytes > Int(Int32.max) {
                throw DecodingError.dataCorruptedError(
                    forKey: .maxBytes, in: c, debugDescription: "must be a positive number of bytes below 2 GiB")
            }
        }
    }

    public static let name = "normalize"
    public static let requires: Set<Layer> = [.source]
    public static let provides: Set<Layer> = [.text, .paragraphs]

    let config: Config
    let rules: PlainTextRules
    let html: HTMLReader

    public init(config: Config, resources: ResourceLoader) throws {
        self.config = config
        self.rules = try PlainTextRules(resources.json(PlainTextRules.File.self, config.textRules))
        self.html = try HTMLReader(config: config.html, resources: resources)
    }

    public func run(_ document: inout Document) throws {
        let bytes = document.original
        let file = document.source.path
        if bytes.count > config.maxBytes {
            throw HearsayError(
                code: "too-large",
                message: "input is \(bytes.count) bytes, over the cap of \(config.maxBytes) (normalize.max_bytes)",
                file: file, byteOffset: config.maxBytes)
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw HearsayError(
                code: "empty-input", message: "input is empty (no text at all)", file: file, byteOffset: 0)
        }
        let bom = Decoding.decide(bytes)
        if bom.evidence != "bom" || !bom.encoding.hasPrefix("utf-16") {
            if let offset = binaryOffset(bytes) {
                throw HearsayError(
                    code: "binary-input", message: "input looks binary, not text (control byte at this offset)",
                    file: file, byteOffset: offset)
            }
        }
        let isHTML = document.declaredMediaType.map { $0.contains("html") } ?? TextNormalizer.looksLikeHTML(bytes)
        if isHTML {
            try normalizeHTML(&document)
        } else {
            normalizePlain(&document, decision: bom)
        }
        if document.metadata.published == nil, let p = document.fallbackPublished { document.metadata.published = p }
        if document.paragraphs.isEmpty {
            throw HearsayError(
                code: "empty-input", message: "no text left after normalization (everything was boilerplate or markup)",
                file: file, byteOffset: 0)
        }
    }

    /// The offset of a NUL byte, or of the first control byte when they are too many, in the first 8 KB.
    func binaryOffset(_ bytes: [UInt8]) -> Int? {
        let n = min(bytes.count, 8192)
        var controls = 0
        var first: Int?
        for i in 0..<n {
            let b = bytes[i]
            if b == 0 { return i }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B {
                controls += 1
                if first == nil { first = i }
            }
        }
        if n > 0, Double(controls) / Double(n) > config.binaryControlRatio { return first }
        return nil
    }

    /// HTML by content: a doctype, an `<html>`, `<head>` or `<body>` tag, or several block tags near the start.
    public static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        let n = min(bytes.count, 4096)
        var i = 0
        while i < n,
            bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 || bytes[i] == 0xEF
                || bytes[i] == 0xBB || bytes[i] == 0xBF
        {
            i += 1
        }
        // Every sign below starts with "<": without one (most plain text) there is nothing to look for.
        guard i < n, bytes[i..<n].contains(0x3C) else { return false }
        let head = String(decoding: bytes[i..<n], as: UTF8.self).lowercased()
        if head.hasPrefix("<!doctype html") || head.hasPrefix("<html")
            || head.hasPrefix("<?xml") && head.contains("<html")
        {
            return true
        }
        if head.contains("<html") || head.contains("<body") || head.contains("<head>") { return true }
        var tags = 0
        for t in ["<p>", "<p ", "<div", "<br", "<a href", "</p>", "<span", "<li>", "<h1", "<h2"] where head.contains(t)
        {
            tags += 1
        }
        return tags >= 3
    }

    /// HTML through ``HTMLReader`` (libxml2): its blocks become paragraphs, its removals and metadata are kept.
    func normalizeHTML(_ document: inout Document) throws {
        let page = try html.read(document.original, file: document.source.path)
        document.source.mediaType = "text/html"
        document.source.encoding = page.decision.encoding
        document.source.encodingEvidence = page.decision.evidence
        if page.decision.evidence.hasPrefix("fallback") || page.decision.evidence.contains("-but-") {
            document.diagnostics.append(
                Diagnostic(
                    severity: .warning, code: "encoding",
                    message: "decoded as \(page.decision.encoding) (\(page.decision.evidence))", stage: Self.name))
        }
        // Hostile-input limits the reader applied, each a warning at the byte of its first case.
        func warn(_ code: String, _ message: String, at offset: Int) {
            document.diagnostics.append(
                Diagnostic(
                    severity: .warning, code: code, message: message, stage: Self.name,
                    sourceSpan: Span(offset, offset)))
        }
        if let f = page.flattened {
            warn(
                "html.too-deep",
                "\(f.count) element(s) nested deeper than max_depth (\(html.config.maxDepth)) were flattened into their ancestor; the first begins at byte \(f.firstOffset)",
                at: f.firstOffset)
        }
        if let c = page.tooManyAttributes {
            warn(
                "html.too-many-attributes",
                "\(c.tags) tag(s) had more than max_attributes (\(html.config.maxAttributes)) attributes; \(c.attributes) attribute(s) were dropped, the first at byte \(c.firstOffset)",
                at: c.firstOffset)
        }
        if let c = page.tooLongTags {
            warn(
                "html.tag-too-long",
                "\(c.tags) tag(s) ran past max_tag_bytes (\(html.config.maxTagBytes)); \(c.attributes) attribute(s) beyond it were dropped, the first at byte \(c.firstOffset)",
                at: c.firstOffset)
        }
        document.diagnostics.append(contentsOf: page.diagnostics)
        // What the caller said (stream fields) wins over what the page says.
        var meta = page.metadata
        if let p = document.metadata.published { meta.published = p }
        if let u = document.metadata.url { meta.url = u }
        meta.crawled = document.metadata.crawled
        document.metadata = meta
        document.removed.append(contentsOf: page.removed)
        var builder = TextBuilder()
        var credits = false
        // The blocks that pass the credit lines, and whether a thematic break (<hr>) came before each.
        var kept: [(block: Int, afterBreak: Bool)] = []
        var sawBreak = false
        for (i, block) in page.blocks.enumerated() where block.text.count > 0 {
            if block.afterThematicBreak { sawBreak = true }
            // Credit, copyright and syndication lines (`credit_lines` of the text rules): short whole blocks.
            if block.text.count <= rules.maxCreditLength, block.role != .heading {
                let t = String(String.UnicodeScalarView(block.text.scalars))
                if let rule = rules.creditRule(t, length: t.count) {
                    let span = Span(Int(block.text.sourceStart[0]), Int(block.text.sourceEnd[block.text.count - 1]))
                    document.removed.append(Removal(sourceSpan: span, rule: rule, excerpt: String(t.prefix(80))))
                    credits = true
                    continue
                }
            }
            kept.append((i, sawBreak))
            sawBreak = false
        }
        // A trailing "about the company / the author" section (`about_sections`): one removal to the end.
        func text(_ k: Int) -> String { String(String.UnicodeScalarView(page.blocks[kept[k].block].text.scalars)) }
        if let s = rules.aboutSectionStart(
            count: kept.count, length: { page.blocks[kept[$0].block].text.count }, text: text,
            afterBreak: { kept[$0].afterBreak }),
            let rule = rules.about?.rule
        {
            let first = page.blocks[kept[s].block].text
            let last = page.blocks[kept[kept.count - 1].block].text
            document.removed.append(
                Removal(
                    sourceSpan: Span(Int(first.sourceStart[0]), Int(last.sourceEnd[last.count - 1])), rule: rule,
                    excerpt: String(text(s).unicodeScalars.prefix(80))))
            credits = true
            kept.removeSubrange(s...)
        }
        for (i, _) in kept {
            let block = page.blocks[i]
            if builder.count > 0 {
                let anchor = Int(builder.sourceEnd.last ?? 0)
                builder.appendSynthetic("\n", at: anchor)
                builder.appendSynthetic("\n", at: anchor)
            }
            let start = builder.count
            for k in 0..<block.text.count {
                builder.append(
                    block.text.scalars[k], from: Int(block.text.sourceStart[k]), to: Int(block.text.sourceEnd[k]))
            }
            let span = Span(start, builder.count)
            let src = Span(Int(builder.sourceStart[start]), Int(builder.sourceEnd[builder.count - 1]))
            document.paragraphs.append(
                Paragraph(id: document.paragraphs.count, role: block.role, span: span, sourceSpan: src))
        }
        if credits { document.removed.sort { $0.sourceSpan < $1.sourceSpan } }
        document.setText(builder)
    }

    // MARK: Plain text

    typealias Unit = Decoding.Unit

    func normalizePlain(_ document: inout Document, decision: Decoding.Decision) {
        let units = Decoding.decode(document.original, decision)
        document.source.mediaType = "text/plain"
        document.source.encoding = decision.encoding
        document.source.encodingEvidence = decision.evidence
        if decision.encoding != "utf-8" || decision.evidence != "utf-8-valid" && decision.evidence != "bom" {
            document.diagnostics.append(
                Diagnostic(
                    severity: decision.evidence.hasPrefix("fallback") ? .warning : .note, code: "encoding",
                    message: "decoded as \(decision.encoding) (\(decision.evidence))", stage: Self.name))
        }
        var lines = TextNormalizer.splitLines(units)
        rules.applyMetadataPrefixes(&lines, document: &document)
        let kept = rules.filter(lines, document: &document)
        let wrapped = TextNormalizer.looksHardWrapped(kept)
        var builder = TextBuilder()
        var paragraphLines: [[Unit]] = []
        var caption = false
        func flush() {
            guard !paragraphLines.isEmpty else { return }
            if builder.count > 0 {
                let anchor = Int(builder.sourceEnd.last ?? 0)
                builder.appendSynthetic("\n", at: anchor)
                builder.appendSynthetic("\n", at: anchor)
            }
            let start = builder.count
            for (k, line) in paragraphLines.enumerated() {
                if k > 0, let prev = paragraphLines[k - 1].last {
                    builder.appendSynthetic(" ", at: prev.end)
                }
                TextNormalizer.appendClean(line, to: &builder)
            }
            builder.trimTrailingWhitespace()
            if builder.count > start {
                let span = Span(start, builder.count)
                let src = Span(Int(builder.sourceStart[start]), Int(builder.sourceEnd[builder.count - 1]))
                document.paragraphs.append(
                    Paragraph(
                        id: document.paragraphs.count, role: caption ? .caption : .paragraph, span: span,
                        sourceSpan: src))
            }
            paragraphLines.removeAll()
            caption = false
        }
        for line in kept {
            if line.isBlank {
                flush()
                continue
            }
            if !wrapped || line.isCaption { flush() }
            paragraphLines.append(line.units)
            if line.isCaption { caption = true }
        }
        flush()
        document.setText(builder)
        markTitle(&document)
    }

    /// A first paragraph that is short and has no final punctuation is the headline: role `heading` and the title.
    func markTitle(_ document: inout Document) {
        guard let first = document.paragraphs.first, document.paragraphs.count > 1 else { return }
        let len = first.span.length
        guard len <= 200, let last = document.scalars[first.span.end - 1] as Unicode.Scalar? else { return }
        if ".!?".unicodeScalars.contains(last) && len > 80 { return }
        if !".!?:;,".unicodeScalars.contains(last) || len <= 80 && last == "?" {
            document.paragraphs[0].role = .heading
            if document.metadata.title == nil { document.metadata.title = document.string(first.span) }
        }
    }

    /// A line of decoded input, with the byte range it covered (line break excluded).
    struct Line {
        var units: [Unit] {
            didSet { isBlank = Line.blank(units) }
        }
        var start: Int
        var end: Int
        /// The kept copy of a caption pair: its paragraph gets the role `caption`.
        var isCaption = false
        /// Only white space (computed once per change of `units`).
        private(set) var isBlank: Bool

        init(units: [Unit], start: Int, end: Int) {
            self.units = units
            self.start = start
            self.end = end
            self.isBlank = Line.blank(units)
        }

        static func blank(_ units: [Unit]) -> Bool {
            units.allSatisfy {
                $0.scalar == " " || $0.scalar == "\t" || $0.scalar.value >= 0x80 && $0.scalar.properties.isWhitespace
            }
        }
    }

    static func splitLines(_ units: [Unit]) -> [Line] {
        var lines: [Line] = []
        var current: [Unit] = []
        var start = units.first?.start ?? 0
        var i = 0
        while i < units.count {
            let u = units[i]
            let s = u.scalar
            if s == "\n" || s == "\r" || s == "\u{2028}" || s == "\u{2029}" || s == "\u{85}" {
                lines.append(Line(units: current, start: start, end: u.start))
                current = []
                if s == "\r", i + 1 < units.count, units[i + 1].scalar == "\n" { i += 1 }
                start = units[i].end
            } else {
                current.append(u)
            }
            i += 1
        }
        if !current.isEmpty { lines.append(Line(units: current, start: start, end: current.last!.end)) }
        return lines
    }

    /// Hard-wrapped text (lines broken at a fixed width inside paragraphs) is joined into paragraphs at blank
    /// lines; otherwise every line is a paragraph.
    static func looksHardWrapped(_ lines: [Line]) -> Bool {
        var nonBlank = 0
        var short = 0
        var continued = 0
        var unterminated = 0
        var wide = 0
        var maxLen = 0
        for (k, line) in lines.enumerated() where !line.isBlank {
            nonBlank += 1
            let len = line.units.count
            maxLen = max(maxLen, len)
            if len <= 100 { short += 1 }
            if k + 1 < lines.count, !lines[k + 1].isBlank {
                continued += 1
                if len >= 40 { wide += 1 }
                if let last = line.units.last(where: { !$0.scalar.properties.isWhitespace }),
                    !".!?:\"”’".unicodeScalars.contains(last.scalar)
                {
                    unterminated += 1
                }
            }
        }
        guard nonBlank >= 4, maxLen <= 110 else { return false }
        // Wrapped lines run close to the wrap width; a list of short lines ("Categories:", "Canada") is not wrapped.
        return Double(short) / Double(nonBlank) >= 0.9 && Double(continued) >= 0.5 * Double(nonBlank)
            && Double(unterminated) >= 0.5 * Double(continued) && Double(wide) >= 0.7 * Double(continued)
    }

    /// Appends a line: control characters dropped, runs of white space made one space, NFC applied to
    /// combining sequences; every scalar keeps the bytes it came from.
    static func appendClean(_ line: [Unit], to builder: inout TextBuilder) {
        var i = 0
        let n = line.count
        // Skip leading white space.
        while i < n, isSpace(line[i].scalar) { i += 1 }
        var pendingSpace: Unit?
        while i < n {
            let u = line[i]
            let v = u.scalar.value
            if isSpace(u.scalar) {
                if pendingSpace == nil { pendingSpace = u }
                i += 1
                continue
            }
            if v < 0x20 || (v >= 0x7F && v < 0xA0) || v == 0xFEFF || v == 0x200B || v == 0xAD {
                i += 1
                continue
            }
            if let sp = pendingSpace {
                builder.append(" ", from: sp.start, to: sp.end)
                pendingSpace = nil
            }
            // A starter followed by combining marks: compose the group, all of it mapped to the group's bytes.
            // (Combining marks start at U+0300: ASCII and Latin-1 text never pays for the property lookup.)
            var j = i + 1
            while j < n, line[j].scalar.value >= 0x300,
                line[j].scalar.properties.canonicalCombiningClass != .notReordered
            {
                j += 1
            }
            if j > i + 1 || v >= 0x300 && u.scalar.properties.canonicalCombiningClass != .notReordered {
                var group = String.UnicodeScalarView()
                for k in i..<j { group.append(line[k].scalar) }
                let composed = String(group).precomposedStringWithCanonicalMapping
                for s in composed.unicodeScalars { builder.append(s, from: u.start, to: line[j - 1].end) }
                i = j
                continue
            }
            builder.append(u.scalar, from: u.start, to: u.end)
            i += 1
        }
    }

    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{A0}" || s == "\u{3000}" || (s.value >= 0x2000 && s.value <= 0x200A)
            || s == "\u{202F}" || s == "\u{205F}" || s == "\u{0C}"
    }
}
