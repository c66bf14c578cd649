/// One sentence unit found in a paragraph, before it becomes a ``Sentence``.
struct SentenceUnit: Hashable, Sendable {
    var span: Span
    var rule: String
    var confidence: Double
}

/// How single line breaks inside a paragraph are read.
public enum LineBreakMode: String, Sendable, Codable {
    /// Each line break ends a unit, unless the paragraph looks hard-wrapped (most lines long, some
    /// continuing in lower case), in which case breaks are read as spaces.
    case auto
    /// Every line break ends a unit.
    case boundary
    /// Line breaks are spaces; only punctuation and list markers end units.
    case space
}

/// Stable rule ids and their confidences.
enum SegmentRule {
    static let terminal = ("sentence.terminal-punct", 0.95)
    static let terminalLower = ("sentence.terminal-punct", 0.8)
    static let terminalFinal = ("sentence.terminal-punct", 0.99)
    static let paragraphEnd = ("sentence.paragraph-end", 0.9)
    static let heading = ("sentence.heading", 0.95)
    static let abbreviationStarter = ("sentence.abbreviation-starter", 0.75)
    static let timeEnd = ("sentence.time-end", 0.7)
    static let abbreviationCase = ("sentence.abbreviation-case", 0.7)
    static let ellipsis = ("sentence.ellipsis", 0.7)
    static let lineBreak = ("sentence.line-break", 0.85)
    static let listItem = ("sentence.list-item", 0.8)
    static let dateline = ("sentence.dateline", 0.75)
    static let maxLength = ("sentence.max-length", 0.3)
}

/// Scalar classes the scanner tests; ASCII first, then Unicode properties.
enum ScalarClass {
    @inline(__always) static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x20, 0x09, 0xA0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    @inline(__always) static func isBreak(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    @inline(__always) static func isWhite(_ c: Unicode.Scalar) -> Bool { isSpace(c) || isBreak(c) }

    /// Marks that may close a sentence after its final punctuation: brackets and quotes of either direction
    /// (a misplaced opening quote after a period is still read as closing).
    static func isCloser(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ")", "]", "}", "\"", "'", "\u{201D}", "\u{2019}", "\u{201C}", "\u{2018}", "\u{00BB}", "\u{203A}",
            "\u{00AB}", "\u{2039}":
            return true
        default: return false
        }
    }

    static func isQuote(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{00AB}", "\u{00BB}", "\u{2039}",
            "\u{203A}", "\u{201E}", "\u{201A}":
            return true
        default: return false
        }
    }

    static func isOpener(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "(", "[", "{", "\"", "'", "\u{201C}", "\u{2018}", "\u{00AB}", "\u{2039}", "\u{201E}", "\u{201A}",
            "\u{00BF}", "\u{00A1}":
            return true
        default: return false
        }
    }

    static func isBullet(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\u{2022}", "\u{2023}", "\u{2043}", "\u{25E6}", "\u{25AA}", "\u{25CF}", "\u{25A0}", "\u{25A1}",
            "\u{25AB}", "\u{27A2}", "\u{25BA}":
            return true
        default: return false
        }
    }

    static func isDash(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "-", "\u{2010}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}": return true
        default: return false
        }
    }

    @inline(__always) static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    @inline(__always) static func isUpper(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? (c.value >= 0x41 && c.value <= 0x5A) : c.properties.isUppercase
    }

    @inline(__always) static func isLower(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? (c.value >= 0x61 && c.value <= 0x7A) : c.properties.isLowercase
    }

    @inline(__always) static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A }
        return c.properties.isAlphabetic
    }

    static func isTerminal(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ".", "?", "!", "\u{2026}", "\u{203D}", "\u{2047}", "\u{2048}", "\u{2049}": return true
        default: return false
        }
    }

    static func isMark(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "?", "!", "\u{203D}", "\u{2047}", "\u{2048}", "\u{2049}": return true
        default: return false
        }
    }
}

/// Splits one paragraph into sentence units by a single left-to-right scan of its scalars.
///
/// Candidates are terminal punctuation followed (after closing quotes and brackets) by white space, line
/// breaks, bullets and list markers; each candidate is decided by looking at the word before it and the word
/// after it, with the lexicons of ``SegmentLexicon``. Nothing here searches strings: all decisions read the
/// scalar array around the candidate.
struct SentenceScanner {
    typealias C = ScalarClass

    let sc: [Unicode.Scalar]
    let lexicon: SegmentLexicon
    let lineBreaks: LineBreakMode
    let maxLength: Int

    /// What follows a candidate boundary.
    struct Following {
        enum Kind { case end, upper, lower, digit, other }
        var kind: Kind = .end
        /// First scalar that is not white space (may be an opening quote or bracket).
        var start: Int
        /// First scalar after the opening marks.
        var wordStart: Int
        /// The next word's letters, lower-cased, up to the first non-letter.
        var word: String = ""
        /// The next word has an upper-case letter after its first ("wikiHow", "iPhone").
        var innerUpper = false
        /// The next word is directly followed by a period ("A." as an initial).
        var dotAfter = false
        /// The next word is directly followed by a colon ("Image:", "Photo:"): a label opening a unit.
        var colonAfter = false
        var lineBreak = false
        var opener = false
        /// Where the unit ends when an emoticon directly after the punctuation belongs to it ("right? :)").
        var closeAt: Int?
    }

    /// A list marker at the start of a unit: "1.", "2)", "3.)", "(4)", "a.", "b)".
    struct ListMarker: Equatable {
        var paren: Bool
        var numeric: Bool
        var value: Int
        var suffix: Int  // 0 ".", 1 ")", 2 ".)"
    }

    // MARK: per-paragraph state

    private var units: [SentenceUnit] = []
    private var ps = 0
    private var pe = 0
    /// First scalar of the open unit, or -1 when none is open.
    private var unitStart = -1
    /// First scalar of the open unit after its bullet or list marker.
    private var contentStart = 0
    private var expected: ListMarker?
    private var wrapped: Bool?
    /// The document's paragraphs, for ``CaseEvidence``.
    private let paragraphs: [Paragraph]
    private var evidence: CaseEvidence?

    init(
        scalars: [Unicode.Scalar], paragraphs: [Paragraph] = [], lexicon: SegmentLexicon, lineBreaks: LineBreakMode,
        maxLength: Int
    ) {
        self.sc = scalars
        self.paragraphs = paragraphs
        self.lexicon = lexicon
        self.lineBreaks = lineBreaks
        self.maxLength = maxLength
    }

    /// Double quotations opened right after a speech verb and a space, with no punctuation between ("says "many
    /// schools ... quit. Then ..."": the quotation is the verb's object, one sentence with it). Spans run from the
    /// opening mark to the closing mark, inclusive.
    func embeddedQuotations() -> [Span] {
        var out: [Span] = []
        var i = ps
        while i < pe {
            let c = sc[i]
            guard c == "\"" || c == "“", i >= ps + 2, sc[i - 1] == " " else {
                i += 1
                continue
            }
            // The word before the space.
            var w = i - 1
            while w > ps, sc[w - 1].properties.isAlphabetic { w -= 1 }
            var word = String.UnicodeScalarView()
            word.append(contentsOf: sc[w..<(i - 1)])
            guard lexicon.attributionVerbs.contains(String(word).lowercased()) else {
                i += 1
                continue
            }
            let closer: Unicode.Scalar = c == "“" ? "”" : "\""
            var k = i + 1
            while k < pe, sc[k] != closer { k += 1 }
            guard k < pe else { break }
            out.append(Span(i, k + 1))
            i = k + 1
        }
        return out
    }

    /// The sentence units of one paragraph, in order, with white space trimmed from both ends.
    mutating func units(of span: Span, role: Paragraph.Role) -> [SentenceUnit] {
        units = []
        ps = max(0, span.start)
        pe = min(sc.count, span.end)
        unitStart = -1
        expected = nil
        wrapped = lineBreaks == .auto ? nil : (lineBreaks == .space)
        guard ps < pe else { return [] }
        if role == .heading {
            var s = ps
            var e = pe
            while s < e, C.isWhite(sc[s]) { s += 1 }
            while e > s, C.isWhite(sc[e - 1]) { e -= 1 }
            if e > s { units.append(SentenceUnit(span: Span(s, e), rule: SegmentRule.heading.0, confidence: 0.95)) }
            return limitLengths(units)
        }
        var i = begin(ps)
        if let d = datelineEnd() {
            close(d, SegmentRule.dateline)
            i = begin(d)
        }
        let embedded = embeddedQuotations()
        var e = 0
        while i < pe {
            // Inside a quotation that a speech verb takes as its object ("said "All ... hospital. There are ...""),
            // no sentence ends before the quotation closes.
            while e < embedded.count, embedded[e].end <= i { e += 1 }
            if e < embedded.count, embedded[e].start <= i {
                // Jump to the quotation's last character: its final punctuation, with the closing mark, may still
                // end the sentence ("said “no.” Then ...").
                let last = embedded[e].end - 2
                if i < last {
                    i = last
                    continue
                }
            }
            let c = sc[i]
            if c == "." || c == "\u{2026}" {
                i = dots(i)
            } else if C.isMark(c) {
                i = marks(i)
            } else if C.isBreak(c) {
                if hardBreaks() {
                    close(i, SegmentRule.lineBreak)
                    i = begin(i + 1)
                } else {
                    i += 1
                }
            } else if i > contentStart, C.isSpace(sc[i - 1]), C.isBullet(c) {
                close(i, SegmentRule.listItem)
                i = begin(i)
            } else if let want = expected, i > contentStart, C.isSpace(sc[i - 1]),
                C.isDigit(c) || c == "(" || (c.value >= 0x61 && c.value <= 0x7A),
                let (m, _) = marker(at: i), m.paren == want.paren, m.numeric == want.numeric,
                m.suffix == want.suffix, m.value == want.value
            {
                close(i, SegmentRule.listItem)
                i = begin(i)
            } else {
                i += 1
            }
        }
        closeFinal()
        return limitLengths(units)
    }

    // MARK: units

    /// Opens a unit at the first non-white scalar from `j`; skips its bullets, list marker and leading dots.
    ///
    /// - Returns: the index where scanning goes on.
    private mutating func begin(_ j: Int) -> Int {
        var p = j
        while p < pe, C.isWhite(sc[p]) { p += 1 }
        guard p < pe else {
            unitStart = -1
            contentStart = pe
            return pe
        }
        unitStart = p
        while p < pe, C.isBullet(sc[p]) || (C.isDash(sc[p]) && p + 1 < pe && C.isSpace(sc[p + 1]) && p == unitStart) {
            p += 1
            while p < pe, C.isSpace(sc[p]) { p += 1 }
        }
        if p < pe, let (m, end) = marker(at: p) {
            var next = m
            next.value += 1
            expected = next
            p = end
        }
        while p < pe, sc[p] == "." || sc[p] == "\u{2026}" || (sc[p] == " " && p > unitStart && sc[p - 1] == ".") {
            p += 1
        }
        contentStart = p
        return p
    }

    /// Closes the open unit at `end` (exclusive), trimming trailing white space.
    private mutating func close(_ end: Int, _ rule: (String, Double)) {
        guard unitStart >= 0 else { return }
        var e = min(end, pe)
        while e > unitStart, C.isWhite(sc[e - 1]) { e -= 1 }
        if e > unitStart {
            units.append(SentenceUnit(span: Span(unitStart, e), rule: rule.0, confidence: rule.1))
        }
        unitStart = -1
    }

    /// Closes the paragraph's last unit: by its punctuation when it has some, else as a paragraph end.
    private mutating func closeFinal() {
        guard unitStart >= 0 else { return }
        var e = pe
        while e > unitStart, C.isWhite(sc[e - 1]) { e -= 1 }
        var k = e
        while k > unitStart, C.isCloser(sc[k - 1]) { k -= 1 }
        let punct = k > unitStart && C.isTerminal(sc[k - 1])
        close(pe, punct ? SegmentRule.terminalFinal : SegmentRule.paragraphEnd)
    }

    // MARK: candidates

    /// A run of periods or ellipses at `i`: a sentence period, an abbreviation's period or an ellipsis.
    private mutating func dots(_ i: Int) -> Int {
        var j = i
        var count = 0
        while j < pe {
            if sc[j] == "." {
                count += 1
                j += 1
            } else if sc[j] == "\u{2026}" {
                count += 3
                j += 1
            } else if sc[j] == " ", count > 0, j + 1 < pe, sc[j + 1] == "." || sc[j + 1] == "\u{2026}" {
                j += 1
            } else {
                break
            }
        }
        // A single period, or a sentence's period followed by a spaced ellipsis ("compounds. . . . The",
        // "turtle. ... love"): the first dot is decided as a period, the ellipsis opens what follows.
        if count == 1 { return period(i) }
        if sc[i] == ".", i > ps, !C.isWhite(sc[i - 1]), sc[i + 1] == " " {
            // At the end of the paragraph the ellipsis stays with its sentence ("less complex. . . .”").
            var e = skipClosers(j)
            while e < pe, C.isWhite(sc[e]) { e += 1 }
            return e >= pe ? pe : period(i)
        }
        // "[...]" and "(...)" mark an omission inside a sentence; "“… There is" opens a quotation.
        if i > ps, sc[i - 1] == "[" || sc[i - 1] == "(", j < pe, sc[j] == "]" || sc[j] == ")" { return j + 1 }
        if i > ps, C.isOpener(sc[i - 1]) { return j }
        let k = skipClosers(j)
        if k < pe, !C.isWhite(sc[k]) { return j }
        if k >= pe { return pe }
        let f = following(k)
        if f.kind == .end { return pe }
        if f.lineBreak, hardBreaks() { return split(at: k, f, SegmentRule.ellipsis) }
        switch f.kind {
        case .upper:
            // The pronoun "I" is capitalized anywhere, so it is no evidence of a new sentence.
            if count < 4, f.word == "i", !f.dotAfter { return k }
            if k > j, isQuoted(j, k), isAttribution(f) { return k }
            return split(at: k, f, count >= 4 ? SegmentRule.terminal : SegmentRule.ellipsis)
        case .digit, .other:
            return count >= 4 ? split(at: k, f, SegmentRule.terminal) : k
        case .lower:
            return f.innerUpper ? split(at: k, f, SegmentRule.ellipsis) : k
        case .end:
            return pe
        }
    }

    /// One period at `i`.
    private mutating func period(_ i: Int) -> Int {
        let j = i + 1
        let k = skipClosers(j)
        if k < pe, !C.isWhite(sc[k]) { return j }  // "2.5", "U.S.", "Jr.'s", "example.com"
        if k >= pe { return pe }
        let f = following(k)
        if f.kind == .end { return pe }
        if f.lineBreak, hardBreaks() { return split(at: k, f, SegmentRule.terminal) }

        // The word before the period, without opening marks.
        var ws = i
        while ws > ps, !C.isWhite(sc[ws - 1]) { ws -= 1 }
        while ws < i, C.isOpener(sc[ws]) || C.isBullet(sc[ws]) || C.isDash(sc[ws]) { ws += 1 }
        if ws == i || C.isCloser(sc[i - 1]) || !(C.isLetter(sc[ws]) || C.isDigit(sc[ws])) {
            return normal(k, f, closed: k > j)
        }
        // In a compound ("Mexico-U.S.", "A.F.L.-C.I.O.") the last part decides.
        var h = i - 1
        while h > ws, !(C.isDash(sc[h]) || sc[h] == "/") { h -= 1 }
        if h > ws, h + 1 < i, C.isLetter(sc[h + 1]) { ws = h + 1 }
        let cap = C.isUpper(sc[ws])
        let lower = lowerWord(ws, i)
        if lexicon.titles.contains(lower, capitalized: cap) { return k }
        if f.kind == .digit, lexicon.numberAbbreviations.contains(lower, capitalized: true) { return k }
        if isNumber(ws, i) { return normal(k, f, closed: k > j) }
        let abbreviation =
            lexicon.abbreviations.contains(lower, capitalized: cap) || isSingleLetter(ws, i) || isDotted(ws, i)
        guard abbreviation else { return normal(k, f, closed: k > j) }
        guard f.kind == .upper else { return k }
        let initial = i - ws == 1
        // A label after an abbreviation ("Washington D.C. Image: NASA."), but not a surname after an initial
        // in a list of names ("Ann B. Cole: fined $50").
        if isStarter(f) || (f.colonAfter && !initial) { return split(at: k, f, SegmentRule.abbreviationStarter) }
        if lexicon.finalAbbreviations.contains(lower) { return split(at: k, f, SegmentRule.abbreviationStarter) }
        if lexicon.timeAbbreviations.contains(lower) {
            if lexicon.timeFollowers.contains(f.word) { return k }
            if wordsBefore(ws, limit: lexicon.rules.introMaxWords + 1) > lexicon.rules.introMaxWords {
                return split(at: k, f, SegmentRule.timeEnd)
            }
        }
        // Not after an initial, which a surname follows ("Jeffrey D. Feltman" even where "feltman" was typed),
        // nor after a dotted acronym, which often opens a name ("U.S. Customs and Border Protection").
        if !initial, !isDotted(ws, i), startsSentenceByCase(f) {
            return split(at: k, f, SegmentRule.abbreviationCase)
        }
        return k
    }

    /// A capitalized word that the document writes in lower case elsewhere and never capitalizes inside a
    /// sentence, not followed by another capitalized word (which would make it a title before a name:
    /// "U.S. Ambassador Jane Roe").
    private mutating func startsSentenceByCase(_ f: Following) -> Bool {
        guard !f.dotAfter, f.word.unicodeScalars.count >= 2 else { return false }
        var p = f.wordStart
        while p < pe, !C.isWhite(sc[p]) { p += 1 }
        while p < pe, C.isSpace(sc[p]) { p += 1 }
        if p < pe, C.isUpper(sc[p]) || C.isDigit(sc[p]) || sc[p] == "&" { return false }
        var q = p
        while q < pe, C.isLetter(sc[q]) { q += 1 }
        if ["and", "of", "for", "de"].contains(lowerWord(p, q)) { return false }
        if evidence == nil { evidence = CaseEvidence(scalars: sc, paragraphs: paragraphs) }
        return evidence!.isCommon(f.word)
    }

    /// The decision after an ordinary word's period (`closed`: closing quotes or brackets follow it).
    ///
    /// A lower-case word after a bare period still starts a sentence ("Sure. wikiHow is", informal "ok. we
    /// went"): abbreviations, the usual reason for a lower-case continuation, were ruled out before. After a
    /// closing quote or bracket it continues the sentence ("'This is great.' she said", "(... engineer.) at").
    private mutating func normal(_ k: Int, _ f: Following, closed: Bool) -> Int {
        switch f.kind {
        case .end: return pe
        case .lower:
            // A single letter ("b) Refusing", "x is") is more likely a list marker or a variable.
            let word = f.word.unicodeScalars.count >= 2 || f.innerUpper
            return word && (!closed || f.innerUpper || f.opener) ? split(at: k, f, SegmentRule.terminalLower) : k
        case .upper, .digit, .other: return split(at: k, f, SegmentRule.terminal)
        }
    }

    /// A run of "?" and "!" at `i`.
    private mutating func marks(_ i: Int) -> Int {
        var j = i
        while j < pe, C.isMark(sc[j]) || sc[j] == "." || sc[j] == "\u{2026}" { j += 1 }
        let k = skipClosers(j)
        if k < pe, !C.isWhite(sc[k]) { return j }
        if k >= pe { return pe }
        let quoted = isQuoted(j, k)
        let f = following(k)
        if f.kind == .end { return pe }
        if f.lineBreak, hardBreaks() { return split(at: k, f, SegmentRule.terminal) }
        switch f.kind {
        case .lower: return f.innerUpper ? split(at: k, f, SegmentRule.terminal) : k
        case .upper:
            if quoted, isAttribution(f) { return k }
            return split(at: k, f, SegmentRule.terminal)
        case .digit, .other: return split(at: k, f, SegmentRule.terminal)
        case .end: return pe
        }
    }

    /// Whether the closing marks in `j..<k` include a quotation mark.
    private func isQuoted(_ j: Int, _ k: Int) -> Bool {
        var q = j
        while q < k {
            if C.isQuote(sc[q]) { return true }
            q += 1
        }
        return false
    }

    /// Ends the open unit at `k` and opens the next one at the following word.
    private mutating func split(at k: Int, _ f: Following, _ rule: (String, Double)) -> Int {
        close(f.closeAt ?? k, rule)
        return begin(f.start)
    }

    // MARK: reading around a candidate

    private func skipClosers(_ j: Int) -> Int {
        var k = j
        while k < pe, C.isCloser(sc[k]) { k += 1 }
        return k
    }

    /// What follows white space starting at `k`.
    private func following(_ k: Int) -> Following {
        var f = Following(start: pe, wordStart: pe)
        var p = k
        while p < pe, C.isWhite(sc[p]) {
            if C.isBreak(sc[p]) { f.lineBreak = true }
            p += 1
        }
        guard p < pe else { return f }
        if let e = emoticonEnd(p) {
            f.closeAt = e
            p = e
            while p < pe, C.isWhite(sc[p]) {
                if C.isBreak(sc[p]) { f.lineBreak = true }
                p += 1
            }
            guard p < pe else { return f }
        }
        f.start = p
        while p < pe, C.isOpener(sc[p]) {
            f.opener = true
            p += 1
        }
        f.wordStart = p
        guard p < pe else {
            f.kind = .other
            return f
        }
        let c = sc[p]
        if C.isDigit(c) {
            f.kind = .digit
            return f
        }
        if C.isUpper(c) {
            f.kind = .upper
        } else if C.isLower(c) {
            f.kind = .lower
        } else {
            f.kind = .other
            return f
        }
        var e = p
        var v = String.UnicodeScalarView()
        while e < pe, C.isLetter(sc[e]) {
            if e > p, C.isUpper(sc[e]) { f.innerUpper = true }
            e += 1
        }
        v.append(contentsOf: sc[p..<e])
        f.word = String(v).lowercased()
        f.dotAfter = e < pe && sc[e] == "."
        f.colonAfter = e < pe && sc[e] == ":"
        return f
    }

    /// An emoticon (":)", ":-(", ";)", ":D") at `p` standing as a word of its own.
    private func emoticonEnd(_ p: Int) -> Int? {
        guard p + 1 < pe, sc[p] == ":" || sc[p] == ";" || sc[p] == "=" else { return nil }
        var q = p + 1
        if sc[q] == "-" || sc[q] == "'" { q += 1 }
        guard q < pe, ")(DPpO3]/|*".unicodeScalars.contains(sc[q]) else { return nil }
        q += 1
        while q < pe, sc[q] == ")" || sc[q] == "(" { q += 1 }
        return q == pe || C.isWhite(sc[q]) ? q : nil
    }

    private func lowerWord(_ s: Int, _ e: Int) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: sc[s..<e])
        return String(v).lowercased()
    }

    private func isStarter(_ f: Following) -> Bool {
        !f.dotAfter && lexicon.starters.contains(f.word)
    }

    /// "3", "$100.00", "1026.253.553", "12,000", "#4", "50%".
    private func isNumber(_ s: Int, _ e: Int) -> Bool {
        var p = s
        while p < e, "$£€¥#".unicodeScalars.contains(sc[p]) { p += 1 }
        guard p < e, C.isDigit(sc[p]) else { return false }
        while p < e {
            let c = sc[p]
            if !(C.isDigit(c) || c == "." || c == "," || c == "%") { return false }
            p += 1
        }
        return true
    }

    private func isSingleLetter(_ s: Int, _ e: Int) -> Bool { e == s + 1 && C.isLetter(sc[s]) }

    /// "U.S", "a.m", "Ph.D", "N.Y.C": letter groups of one or two letters joined by periods.
    private func isDotted(_ s: Int, _ e: Int) -> Bool {
        var run = 0
        var groups = 0
        var p = s
        while p < e {
            let c = sc[p]
            if c == "." {
                if run == 0 { return false }
                groups += 1
                run = 0
            } else if C.isLetter(c) {
                run += 1
                if run > 2 { return false }
            } else {
                return false
            }
            p += 1
        }
        return groups >= 1 && run > 0
    }

    /// Words of the open unit before `s`, counted up to `limit`.
    private func wordsBefore(_ s: Int, limit: Int) -> Int {
        guard unitStart >= 0 else { return 0 }
        var n = 0
        var inWord = false
        var p = contentStart
        while p < s {
            if C.isWhite(sc[p]) {
                inWord = false
            } else if !inWord {
                inWord = true
                n += 1
                if n >= limit { return n }
            }
            p += 1
        }
        return n
    }

    /// After a quoted "?" or "!": a short phrase holding a speech verb ("Smith asked", "asked the minister").
    private func isAttribution(_ f: Following) -> Bool {
        var p = f.wordStart
        for _ in 0..<lexicon.rules.attributionMaxWords {
            while p < pe, C.isSpace(sc[p]) { p += 1 }
            guard p < pe, C.isLetter(sc[p]) else { return false }
            var e = p
            while e < pe, C.isLetter(sc[e]) || sc[e] == "-" || sc[e] == "'" || sc[e] == "\u{2019}" { e += 1 }
            let word = lowerWord(p, e)
            if lexicon.attributionVerbs.contains(word) {
                // "The president said no." reports a new answer; "Smith asked." attributes the quote.
                var n = e
                while n < pe, C.isSpace(sc[n]) { n += 1 }
                var m = n
                while m < pe, C.isLetter(sc[m]) { m += 1 }
                return m == n || !lexicon.clauseOpeners.contains(lowerWord(n, m))
            }
            if e < pe, !C.isWhite(sc[e]) {
                guard sc[e] == ".",
                    lexicon.titles.contains(word, capitalized: C.isUpper(sc[p])) || e == p + 1
                else { return false }
                e += 1
            }
            p = e
        }
        return false
    }

    /// A list marker at `p` followed by a space and more text.
    func marker(at p: Int) -> (ListMarker, Int)? {
        var q = p
        var paren = false
        if q < pe, sc[q] == "(" {
            paren = true
            q += 1
        }
        guard q < pe else { return nil }
        var value = 0
        var numeric = false
        if C.isDigit(sc[q]) {
            numeric = true
            var n = 0
            while q < pe, C.isDigit(sc[q]), n < 3 {
                value = value * 10 + Int(sc[q].value - 0x30)
                q += 1
                n += 1
            }
            if n > 2 || value == 0 { return nil }
        } else if sc[q].value >= 0x61, sc[q].value <= 0x7A {
            value = Int(sc[q].value - 0x60)
            q += 1
        } else {
            return nil
        }
        guard q < pe else { return nil }
        var suffix: Int
        if sc[q] == "." {
            q += 1
            if q < pe, sc[q] == ")" {
                suffix = 2
                q += 1
            } else {
                suffix = 0
            }
        } else if sc[q] == ")" {
            suffix = 1
            q += 1
        } else {
            return nil
        }
        if paren, suffix != 1 { return nil }
        guard q < pe, C.isSpace(sc[q]) else { return nil }
        var r = q
        while r < pe, C.isSpace(sc[r]) { r += 1 }
        guard r < pe, !C.isBreak(sc[r]) else { return nil }
        return (ListMarker(paren: paren, numeric: numeric, value: value, suffix: suffix), q)
    }

    /// A dateline opening the paragraph ("EVANSVILLE, Ind. -", "Evansville, Indiana, United States -",
    /// "WASHINGTON (AP) —"): capitalized words then a free-standing dash and a capitalized word.
    ///
    /// - Returns: the index just after the dash.
    private func datelineEnd() -> Int? {
        var p = ps
        var words = 0
        var comma = false
        var caps = false
        var paren = false
        while p < pe, words <= lexicon.rules.datelineMaxWords {
            while p < pe, C.isSpace(sc[p]) { p += 1 }
            guard p < pe, !C.isBreak(sc[p]) else { return nil }
            var b = p
            while b < pe, !C.isWhite(sc[b]) { b += 1 }
            var allDash = true
            for q in p..<b where !C.isDash(sc[q]) { allDash = false }
            if allDash, b - p <= 2 {
                guard words >= 1, comma || caps || paren else { return nil }
                var n = b
                while n < pe, C.isSpace(sc[n]) { n += 1 }
                guard n < pe, C.isUpper(sc[n]) || C.isOpener(sc[n]) || C.isDigit(sc[n]) else { return nil }
                return b
            }
            if sc[p] == "(" {
                // A news agency ("(AP)", "(Reuters)"), not a party and state ("(R-Texas)").
                guard b - p >= 3, sc[b - 1] == ")", C.isUpper(sc[p + 1]) else { return nil }
                for q in p..<b where C.isDash(sc[q]) { return nil }
                paren = true
            } else {
                guard C.isUpper(sc[p]) else { return nil }
                // A title opens a name ("Sen. Ted Cruz (R-Texas) —"), not a place.
                if words == 0, sc[b - 1] == ".",
                    lexicon.titles.contains(lowerWord(p, b - 1), capitalized: true)
                {
                    return nil
                }
                var e = b
                if sc[e - 1] == "," {
                    comma = true
                    e -= 1
                }
                var upper = 0
                var other = false
                for q in p..<e {
                    if C.isUpper(sc[q]) { upper += 1 } else if C.isLetter(sc[q]) { other = true }
                }
                if upper >= 3, !other { caps = true }
            }
            words += 1
            p = b
        }
        return nil
    }

    /// Whether single line breaks in this paragraph end units (decided once per paragraph).
    private mutating func hardBreaks() -> Bool {
        if let w = wrapped { return !w }
        var lengths: [Int] = []
        var lowerContinuations = 0
        var lineStart = ps
        var p = ps
        while p < pe {
            if C.isBreak(sc[p]) {
                lengths.append(p - lineStart)
                var n = p + 1
                while n < pe, C.isWhite(sc[n]) { n += 1 }
                var last = p
                while last > lineStart, C.isSpace(sc[last - 1]) { last -= 1 }
                if n < pe, C.isLower(sc[n]), last > lineStart, !C.isTerminal(sc[last - 1]) { lowerContinuations += 1 }
                lineStart = n
                p = n
            } else {
                p += 1
            }
        }
        let rules = lexicon.rules
        var w = false
        if lengths.count + 1 >= rules.wrappedMinLines, lowerContinuations > 0 {
            let long = lengths.filter { $0 >= rules.wrappedMinLength }.count
            w = Double(long) >= rules.wrappedMinShare * Double(lengths.count)
        }
        wrapped = w
        return !w
    }

    // MARK: safety split

    /// Splits units longer than `maxLength` scalars at the last "; ", ", " or space before the limit.
    private func limitLengths(_ input: [SentenceUnit]) -> [SentenceUnit] {
        guard input.contains(where: { $0.span.length > maxLength }) else { return input }
        var out: [SentenceUnit] = []
        for u in input {
            var s = u.span.start
            let e = u.span.end
            while e - s > maxLength {
                let limit = s + maxLength
                let floor = s + maxLength / 2
                var cut = -1
                for target: Unicode.Scalar in [";", ",", " "] {
                    var q = limit - 1
                    while q > floor {
                        if target == " " ? C.isWhite(sc[q]) : (sc[q] == target && C.isWhite(sc[q + 1])) {
                            cut = q + 1
                            break
                        }
                        q -= 1
                    }
                    if cut > 0 { break }
                }
                if cut < 0 { cut = limit }
                var ce = cut
                while ce > s, C.isWhite(sc[ce - 1]) { ce -= 1 }
                out.append(SentenceUnit(span: Span(s, ce), rule: SegmentRule.maxLength.0, confidence: 0.3))
                s = cut
                while s < e, C.isWhite(sc[s]) { s += 1 }
            }
            if e > s { out.append(SentenceUnit(span: Span(s, e), rule: u.rule, confidence: u.confidence)) }
        }
        return out
    }
}
