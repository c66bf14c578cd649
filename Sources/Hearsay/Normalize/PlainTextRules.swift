import Foundation

/// The boilerplate rules for scraped plain text, compiled from `normalize-text-rules.json` (or an editor's file).
struct PlainTextRules: @unchecked Sendable {
    struct File: Decodable {
        struct Prefix: Decodable {
            var rule: String
            var field: String
            var pattern: String
        }
        struct LineRule: Decodable {
            var rule: String
            var pattern: String
            var maxLength: Int?
            var minPosition: Double?
            enum CodingKeys: String, CodingKey {
                case rule, pattern, maxLength = "max_length", minPosition = "min_position"
            }
        }
        var metadataPrefixes: [Prefix]
        var dropLines: [LineRule]
        var endMarkers: [LineRule]
        /// Credit, copyright and syndication lines (optional in an editor's file).
        var creditLines: [LineRule]?
        /// A trailing "about the company / the author" section of an HTML page (optional in an editor's file).
        struct AboutSections: Decodable {
            var rule: String
            var maxTailShare: Double
            var maxHeadingLength: Int
            var headings: [String]
            var namedHeadings: [String]
            var openers: [String]
            enum CodingKeys: String, CodingKey {
                case rule, headings, openers
                case maxTailShare = "max_tail_share", maxHeadingLength = "max_heading_length"
                case namedHeadings = "named_headings"
            }
        }
        var duplicateParagraphs: Bool
        var captionPairs: Bool
        var minDuplicateLength: Int
        /// The fewest non-blank lines a text needs before line rules may drop one (optional; 2).
        var minLinesForDrops: Int?
        var aboutSections: AboutSections?
        enum CodingKeys: String, CodingKey {
            case metadataPrefixes = "metadata_prefixes", dropLines = "drop_lines", endMarkers = "end_markers",
                creditLines = "credit_lines", aboutSections = "about_sections",
                duplicateParagraphs = "duplicate_paragraphs", captionPairs = "caption_pairs",
                minDuplicateLength = "min_duplicate_length", minLinesForDrops = "min_lines_for_drops"
        }
    }

    struct Compiled {
        var rule: String
        var field: String
        var regex: NSRegularExpression
        var maxLength: Int
        var minPosition: Double
    }

    let prefixes: [Compiled]
    let drops: [Compiled]
    let ends: [Compiled]
    let credits: [Compiled]
    /// All credit patterns in one alternation: one match per line or block decides whether any rule can apply.
    let anyCredit: NSRegularExpression?
    /// The longest line any credit rule tests.
    let maxCreditLength: Int
    let duplicates: Bool
    let captionPairs: Bool
    let minDuplicateLength: Int
    /// A text of fewer non-blank lines is its own content ("12", "Advertisement" sent alone): `min_lines_for_drops`.
    let minLinesForDrops: Int
    /// `about_sections`: the rule id, its limits, and each pattern list joined into one anchored alternation.
    let about: (rule: String, maxTailShare: Double, maxHeadingLength: Int)?
    let aboutHeadings: NSRegularExpression?
    let aboutNamedHeadings: NSRegularExpression?
    let aboutOpeners: NSRegularExpression?

    init(_ file: File) throws {
        func compile(_ pattern: String, rule: String, anchored: Bool) throws -> NSRegularExpression {
            let p = anchored ? "^(?:" + pattern + ")$" : pattern
            do {
                return try NSRegularExpression(pattern: p, options: [.caseInsensitive])
            } catch {
                throw HearsayError(
                    code: "config.bad-pattern", message: "rule '\(rule)': invalid regular expression '\(pattern)'")
            }
        }
        prefixes = try file.metadataPrefixes.map {
            Compiled(
                rule: $0.rule, field: $0.field, regex: try compile($0.pattern, rule: $0.rule, anchored: false),
                maxLength: .max, minPosition: 0)
        }
        drops = try file.dropLines.map {
            Compiled(
                rule: $0.rule, field: "", regex: try compile($0.pattern, rule: $0.rule, anchored: true),
                maxLength: $0.maxLength ?? 200, minPosition: 0)
        }
        ends = try file.endMarkers.map {
            Compiled(
                rule: $0.rule, field: "", regex: try compile($0.pattern, rule: $0.rule, anchored: true),
                maxLength: $0.maxLength ?? 80, minPosition: $0.minPosition ?? 0)
        }
        credits = try (file.creditLines ?? []).map {
            Compiled(
                rule: $0.rule, field: "", regex: try compile($0.pattern, rule: $0.rule, anchored: true),
                maxLength: $0.maxLength ?? 200, minPosition: 0)
        }
        maxCreditLength = credits.map(\.maxLength).max() ?? 0
        let alternation = (file.creditLines ?? []).map { "(?:" + $0.pattern + ")" }.joined(separator: "|")
        anyCredit = alternation.isEmpty ? nil : try compile(alternation, rule: "credit_lines", anchored: true)
        if let a = file.aboutSections {
            about = (a.rule, a.maxTailShare, a.maxHeadingLength)
            func joined(_ list: [String]) throws -> NSRegularExpression? {
                list.isEmpty
                    ? nil
                    : try compile(list.map { "(?:" + $0 + ")" }.joined(separator: "|"), rule: a.rule, anchored: true)
            }
            aboutHeadings = try joined(a.headings)
            aboutNamedHeadings = try joined(a.namedHeadings)
            aboutOpeners = try joined(a.openers)
        } else {
            about = nil
            aboutHeadings = nil
            aboutNamedHeadings = nil
            aboutOpeners = nil
        }
        duplicates = file.duplicateParagraphs
        captionPairs = file.captionPairs
        minDuplicateLength = file.minDuplicateLength
        minLinesForDrops = file.minLinesForDrops ?? 2
    }

    static func string<C: Collection>(_ units: C) -> String where C.Element == Decoding.Unit {
        String(scalars: units.lazy.map(\.scalar))
    }

    static let whitespaces = CharacterSet.whitespaces

    /// What `string(units).trimmingCharacters(in: .whitespaces)` gives, without bridging the whole line to
    /// `NSString`: the same set, tested only on the scalars at the two ends.
    static func trimmedString(_ units: [Decoding.Unit]) -> String {
        var a = units.startIndex
        var b = units.endIndex
        while a < b, whitespaces.contains(units[a].scalar) { a += 1 }
        while b > a, whitespaces.contains(units[b - 1].scalar) { b -= 1 }
        return string(units[a..<b])
    }

    static func excerpt(_ units: ArraySlice<Decoding.Unit>) -> String {
        var v = String.UnicodeScalarView()
        var lastSpace = false
        for u in units {
            if v.count >= 80 { break }
            let isSpace = u.scalar.properties.isWhitespace
            if isSpace && (lastSpace || v.isEmpty) { continue }
            v.append(isSpace ? " " : u.scalar)
            lastSpace = isSpace
        }
        return String(String(v).trimmingCharacters(in: .whitespaces))
    }

    /// Takes leading metadata (`date 2020-07-11 ...`) off the first non-empty line into `document.metadata`.
    func applyMetadataPrefixes(_ lines: inout [TextNormalizer.Line], document: inout Document) {
        guard let index = lines.firstIndex(where: { !$0.isBlank }) else { return }
        var changed = true
        while changed {
            changed = false
            let line = lines[index]
            let s = PlainTextRules.string(line.units)
            let ns = s as NSString
            for p in prefixes {
                guard let m = p.regex.firstMatch(in: s, range: NSRange(location: 0, length: ns.length)),
                    m.range.location == 0, m.range.length > 0, m.numberOfRanges > 1
                else { continue }
                let value = ns.substring(with: m.range(at: 1))
                switch p.field {
                case "published": if document.metadata.published == nil { document.metadata.published = value }
                case "url": if document.metadata.url == nil { document.metadata.url = value }
                case "title": if document.metadata.title == nil { document.metadata.title = value }
                default: continue
                }
                // Convert the UTF-16 length of the match to a count of scalars.
                var utf16 = 0
                var count = 0
                while count < line.units.count, utf16 < m.range.length {
                    utf16 += line.units[count].scalar.utf16.count
                    count += 1
                }
                let removedUnits = line.units[0..<count]
                if let first = removedUnits.first, let last = removedUnits.last {
                    document.removed.append(
                        Removal(
                            sourceSpan: Span(first.start, last.end), rule: p.rule,
                            excerpt: PlainTextRules.excerpt(removedUnits)))
                }
                lines[index].units.removeFirst(count)
                lines[index].start = lines[index].units.first?.start ?? lines[index].end
                changed = !lines[index].isBlank
                break
            }
        }
    }

    /// Removes boilerplate lines, everything after an end marker, repeated paragraphs and caption pairs.
    func filter(_ lines: [TextNormalizer.Line], document: inout Document) -> [TextNormalizer.Line] {
        var out: [TextNormalizer.Line] = []
        out.reserveCapacity(lines.count)
        func remove(_ line: TextNormalizer.Line, _ rule: String) {
            guard let first = line.units.first(where: { !$0.scalar.properties.isWhitespace }) else { return }
            document.removed.append(
                Removal(
                    sourceSpan: Span(first.start, line.end), rule: rule,
                    excerpt: PlainTextRules.excerpt(line.units[...])))
        }
        // Trimmed text of each line and its length in characters, computed once.
        let texts = lines.map { $0.isBlank ? "" : PlainTextRules.trimmedString($0.units) }
        let lengths = texts.map(\.count)
        var cut = lines.count
        // Line rules judge a line among others; a text of one line is the content itself, never boilerplate.
        let dropsApply = lengths.lazy.filter { $0 > 0 }.count >= minLinesForDrops
        search: for (k, t) in texts.enumerated() where !t.isEmpty {
            let position = Double(k) / Double(max(1, lines.count))
            for e in ends where lengths[k] <= e.maxLength && position >= e.minPosition {
                if matches(e.regex, t) {
                    cut = k
                    let last = lines[lines.count - 1]
                    let startByte =
                        lines[k].units.first(where: { !$0.scalar.properties.isWhitespace })?.start
                        ?? lines[k].start
                    let endByte = max(last.end, lines[k].end)
                    let all = lines[k...].flatMap { $0.units }
                    document.removed.append(
                        Removal(
                            sourceSpan: Span(startByte, endByte), rule: e.rule,
                            excerpt: PlainTextRules.excerpt(all[...])))
                    break search
                }
            }
        }
        var keys: [String?] = Array(repeating: nil, count: cut)
        if duplicates || captionPairs {
            for k in 0..<cut where lengths[k] >= minDuplicateLength { keys[k] = PlainTextRules.foldKey(texts[k]) }
        }
        var seen = Set<String>()
        var captionAt = -1  // the line that is the kept copy of a caption pair, when it comes second
        var k = 0
        while k < cut {
            let line = lines[k]
            let t = texts[k]
            if t.isEmpty {
                out.append(line)
                k += 1
                continue
            }
            if dropsApply,
                let rule = drops.first(where: { lengths[k] <= $0.maxLength && matches($0.regex, t) })?.rule
                    ?? creditRule(t, length: lengths[k])
            {
                remove(line, rule)
                k += 1
                continue
            }
            if let key = keys[k] {
                if duplicates, seen.contains(key) {
                    remove(line, "boilerplate.duplicate-paragraph")
                    k += 1
                    continue
                }
                // A caption and its repeat in the other quote style: one copy stays, the one with curly quotes
                // (the first when both have as many); the other goes. Captions carry quotes and numbers.
                if captionPairs, let next = nextNonBlank(after: k, texts: texts, limit: cut), keys[next] == key,
                    texts[next] != t
                {
                    if PlainTextRules.curlyQuotes(texts[next]) > PlainTextRules.curlyQuotes(t) {
                        remove(line, "boilerplate.caption-pair")
                        captionAt = next
                        k = next
                        continue
                    }
                    var kept = line
                    kept.isCaption = true
                    out.append(kept)
                    out.append(contentsOf: lines[(k + 1)..<next])  // the blank lines between keep paragraphs apart
                    remove(lines[next], "boilerplate.caption-pair")
                    seen.insert(key)
                    k = next + 1
                    continue
                }
                seen.insert(key)
            }
            var kept = line
            kept.isCaption = captionAt == k
            out.append(kept)
            k += 1
        }
        return out
    }

    /// The rule of the credit line `text` is (trimmed, `length` characters long), or nil.
    func creditRule(_ text: String, length: Int) -> String? {
        guard length <= maxCreditLength, let anyCredit, matches(anyCredit, text) else { return nil }
        return credits.first(where: { length <= $0.maxLength && matches($0.regex, text) })?.rule
    }

    /// Where a trailing "about" section starts among `count` kept blocks of an HTML page (`about_sections`), or nil.
    ///
    /// The section runs from its first block to the end and holds at most `max_tail_share` of the blocks' scalars;
    /// the earliest start within that tail wins. A block starts it when
    /// 1. it is at most `max_heading_length` scalars and matches `headings` ("About the author"); or
    /// 2. it is that short, matches `named_headings` ("About Example Corp") and the next block matches `openers`
    ///    ("Example Corp is a ..."); or
    /// 3. it follows a thematic break (`<hr>`) and matches `openers`.
    /// The first block never starts one.
    func aboutSectionStart(
        count: Int, length: (Int) -> Int, text: (Int) -> String, afterBreak: (Int) -> Bool
    ) -> Int? {
        guard let about, count >= 2 else { return nil }
        var total = 0
        for k in 0..<count { total += length(k) }
        let limit = about.maxTailShare * Double(total)
        func isOpener(_ k: Int) -> Bool { aboutOpeners.map { matches($0, text(k)) } ?? false }
        var start: Int? = nil
        var tail = 0
        var k = count - 1
        while k >= 1 {
            tail += length(k)
            if Double(tail) > limit { break }
            let short = length(k) <= about.maxHeadingLength
            if short, let h = aboutHeadings, matches(h, text(k)) {
                start = k
            } else if short, k + 1 < count, let h = aboutNamedHeadings, matches(h, text(k)), isOpener(k + 1) {
                start = k
            } else if afterBreak(k) && isOpener(k) {
                start = k
            }
            k -= 1
        }
        return start
    }

    func nextNonBlank(after k: Int, texts: [String], limit: Int) -> Int? {
        var j = k + 1
        while j < limit {
            if !texts[j].isEmpty { return j }
            j += 1
        }
        return nil
    }

    /// Whether an anchored pattern (`^(?:...)$`) matches the whole line. `.anchored` lets ICU try the start only,
    /// instead of every position.
    func matches(_ regex: NSRegularExpression, _ s: String) -> Bool {
        regex.firstMatch(in: s, options: .anchored, range: NSRange(location: 0, length: (s as NSString).length)) != nil
    }

    /// How many typographic quote marks (‘ ’ “ ” ‚ „ ‹ › « ») a line holds.
    static func curlyQuotes(_ s: String) -> Int {
        var n = 0
        for c in s.unicodeScalars
        where c.value >= 0x2018 && c.value <= 0x201F || c == "\u{AB}" || c == "\u{BB}"
            || c == "\u{2039}" || c == "\u{203A}"
        {
            n += 1
        }
        return n
    }

    /// Lower case, one quote style, letters and digits only: the key under which repeats are the same.
    static func foldKey(_ s: String) -> String {
        var v: [Unicode.Scalar] = []
        v.reserveCapacity(s.utf8.count)
        for sc in s.unicodeScalars {
            if sc.value < 0x80 {
                // ASCII fast path.
                let b = UInt8(sc.value)
                if b >= 0x41 && b <= 0x5A {
                    v.append(Unicode.Scalar(b + 32))
                } else if b >= 0x61 && b <= 0x7A || b >= 0x30 && b <= 0x39 {
                    v.append(sc)
                }
                continue
            }
            if sc.properties.isAlphabetic || sc.properties.numericType != nil {
                v.append(contentsOf: sc.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(scalars: v)
    }
}
