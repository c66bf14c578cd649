/// A claim found by the scanner, before ids, sentences and quotes are attached.
struct FoundClaim: Sendable {
    struct Equiv: Sendable {
        var start: Int
        var end: Int
        var value: Double
        var unit: String?
    }
    var startTok: Int
    var endTok: Int
    var value: ClaimValue
    var valueMax: ClaimValue?
    var unit: String?
    var kind: Claim.Kind
    var qualifier: String?
    var rule: String
    var confidence: Double
    var evidence: String?
    var equivalents: [Equiv] = []
    /// A scale word or suffix was applied ("2.4 million"), for unit inheritance.
    var scaled = false
}

/// A number read from tokens: digits, words, scale words, fractions.
struct ParsedNumber {
    var value: Double
    var end: Int
    var spelled = false
    var scale = 1.0
    var ordinal = false
    var fraction = false
    var vagueMax: Double?
    /// A unit discovered while reading the number ("1.8m" as metres).
    var unit: ClaimLexicon.UnitInfo?
    var label = false
    var words = 0
}

/// The claims grammar over one unit (sentence) of tokens.
///
/// Scans left to right; at each token tries a date or time, then a quantity (optional qualifier, currency prefix,
/// number, scale, unit or counted noun, range continuation, parenthesised equivalent).
struct ClaimScanner {
    let lx: ClaimLexicon
    let t: [ClaimToken]
    let base: Int
    let limit: Int
    let scalars: [Unicode.Scalar]
    let anchor: Int?
    let resolvePartial: Bool
    let durationKind: Claim.Kind
    var out: [FoundClaim] = []

    init(
        lexicon: ClaimLexicon, tokens: [ClaimToken], base: Int, limit: Int, scalars: [Unicode.Scalar], anchor: Int?,
        resolvePartial: Bool, durationKind: Claim.Kind
    ) {
        self.lx = lexicon
        self.t = tokens
        self.base = base
        self.limit = limit
        self.scalars = scalars
        self.anchor = anchor
        self.resolvePartial = resolvePartial
        self.durationKind = durationKind
    }

    // MARK: small token predicates

    @inline(__always) func word(_ i: Int) -> String? {
        i >= base && i < limit && t[i].kind == .word ? t[i].lower : nil
    }
    @inline(__always) func isSym(_ i: Int, _ s: String) -> Bool {
        i >= base && i < limit && t[i].kind == .symbol && t[i].lower == s
    }
    @inline(__always) func isNum(_ i: Int) -> Bool { i >= base && i < limit && t[i].kind == .number }
    /// Token `i` touches the previous token (no space).
    @inline(__always) func tight(_ i: Int) -> Bool { i > base && i < limit && !t[i].spaceBefore }
    /// A plain integer token, small enough to convert to `Int` (a run of 24 digits is a number, never a date).
    @inline(__always) func isInt(_ i: Int) -> Bool {
        isNum(i) && !t[i].decimal && !t[i].grouped && t[i].value.isFinite && abs(t[i].value) < 1e15
    }
    func text(_ a: Int, _ b: Int) -> String {
        guard a < b else { return "" }
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars[t[a].start..<t[b - 1].end])
        return String(v)
    }

    // MARK: driver

    mutating func scan() {
        var i = base
        while i < limit {
            switch t[i].kind {
            case .word where !lx.startWords.contains(t[i].lower), .symbol where !lx.startSymbols.contains(t[i].lower):
                i += 1
                continue
            default:
                break
            }
            // Skip URLs, e-mail-like and hash tags.
            if let w = word(i), w == "http" || w == "https" || w == "www", i + 1 < limit, tight(i + 1) {
                i += 1
                while i < limit, !t[i].spaceBefore { i += 1 }
                continue
            }
            if isSym(i, "#") || isSym(i, "@") {
                i += 1
                while i < limit, !t[i].spaceBefore { i += 1 }
                continue
            }
            if !countRange(i), let d = parseDateTime(i) {
                out.append(d)
                i = d.endTok
                continue
            }
            if let q = parseQuantity(i) {
                i = q.endTok
                if var q2 = q.claim, !namesNoAmount(q2) {
                    // "3.9 million headsets, up from 2.4 million": the bare scaled amount counts the same things
                    if q2.kind == .other, q2.unit == nil, q2.scaled,
                        let prev = out.last(where: { $0.kind == .count && $0.scaled })
                    {
                        q2.kind = .count
                        q2.unit = prev.unit
                        q2.rule = "claims.count-inherited"
                        q2.confidence = 0.5
                    }
                    out.append(q2)
                }
                continue
            }
            i += 1
        }
        joinTemporal()
        resolveDates()
    }

    /// A "one" that is no amount: a pronoun ("get this one right"), "someday" ("it might one day end"), or a count
    /// that names an anonymous source ("one person familiar with the talks", "two officials briefed on it").
    func namesNoAmount(_ c: FoundClaim) -> Bool {
        let first = c.startTok
        let before = first > base ? word(first - 1) : nil
        if c.value == .number(1), t[first].lower == "one" {
            if let b = before, lx.pronounOneDeterminers.contains(b) { return true }
            if c.endTok == first + 2, let w = word(first + 1), lx.indefiniteTimeWords.contains(w) {
                if let b = before, lx.indefiniteTimeBefore.contains(b) { return true }
                if first == base, isSym(c.endTok, ",") { return true }
            }
        }
        if c.kind == .count, lx.sourceDescriptions.match(t, c.endTok, limit) != nil { return true }
        return false
    }

    /// One temporal expression written in parts is one claim: "October 14 at 8:00am", "Wednesday from 10-4",
    /// "tuesday of last week", "from April to June in 2017". Neighbouring date and time claims whose gap holds
    /// only `temporal_joiners` (at most three tokens) are joined; a date followed by a time of day takes the time.
    mutating func joinTemporal() {
        guard out.count > 1, !lx.temporalJoiners.isEmpty else { return }
        var joined: [FoundClaim] = []
        for c in out {
            if var last = joined.last, last.kind == .date || last.kind == .time, c.kind == .date || c.kind == .time,
                c.startTok >= last.endTok, c.startTok - last.endTok <= 3,
                (last.endTok..<c.startTok).allSatisfy({ lx.temporalJoiners.contains(t[$0].lower) }),
                let v = joinedTemporalValue(last.value, c.value, gap: last.endTok..<c.startTok)
            {
                last.endTok = c.endTok
                last.value = v
                if c.kind == .time { last.kind = .time }
                if !last.rule.hasSuffix("+joined") { last.rule += "+joined" }
                last.confidence = min(last.confidence, c.confidence)
                joined[joined.count - 1] = last
            } else {
                joined.append(c)
            }
        }
        out = joined
    }

    // MARK: numbers

    /// Reads a number at `i`: digits with suffix scales, number words, scale words, fractions, ordinals.
    func parseNumber(_ i: Int, money: Bool) -> ParsedNumber? {
        guard i < limit else { return nil }
        var j = i
        var total = 0.0
        var current = 0.0
        var have = false
        var spelled = false
        var scale = 1.0
        var lastWasScale = false
        var lastTens = false
        var lastDigit = false
        var words = 0
        var fractionSeen = false
        var lastBigScale = 1.0

        // "a hundred", "an hour" is handled by units; "half a million", "quarter million", "a half".
        if let w = word(j) {
            if lx.oneWords.contains(w), let n = word(j + 1),
                lx.scales[n] != nil || n == "half" || n == "quarter" || n == "third"
            {
                if n == "half" || n == "quarter" || n == "third" {
                    let den = lx.fractions[n] ?? 2
                    if let s = word(j + 2), let sv = lx.scales[s], sv >= 1000 {
                        return ParsedNumber(value: sv / den, end: j + 3, spelled: true, scale: sv, fraction: true)
                    }
                    return ParsedNumber(value: 1 / den, end: j + 2, spelled: true, fraction: true)
                }
                current = 1
                have = true
                spelled = true
                j += 1
            } else if w == "half" || w == "quarter" {
                let f = w == "half" ? 0.5 : 0.25
                var k = j + 1
                if let a = word(k), lx.oneWords.contains(a) { k += 1 }
                if let s = word(k), let sv = lx.scales[s] {
                    return ParsedNumber(value: f * sv, end: k + 1, spelled: true, scale: sv, fraction: true)
                }
                return nil
            }
        }
        loop: while j < limit {
            let tk = t[j]
            switch tk.kind {
            case .number:
                if have && !lastWasScale { break loop }
                if have, lastWasScale, !(j > i && t[j - 1].lower == "and"),
                    !(word(j + 1).map { lx.scales[$0] != nil } ?? false)
                {
                    break loop
                }
                guard tk.value.isFinite else { return nil }
                var groupedValue = tk.value
                if !have, tk.intDigits <= 3, !tk.decimal, !tk.grouped {
                    var g = j + 1
                    var n = 0
                    var v = tk.value
                    while g < limit, t[g].kind == .number, t[g].spaceBefore, t[g].intDigits == 3, !t[g].grouped,
                        t[g].lower.first != "0" || n > 0
                    {
                        v = v * 1000 + (t[g].value.rounded(.down))
                        if t[g].decimal { v += t[g].value - t[g].value.rounded(.down) }
                        n += 1
                        g += 1
                        if t[g - 1].decimal { break }
                    }
                    if n >= 2 {
                        groupedValue = v
                        j = g - 1
                    }
                }
                current += groupedValue
                have = true
                lastDigit = true
                lastWasScale = false
                j += 1
                // Exponent: 1.3x10^6
                if let x = word(j), x == "x", tight(j), isNum(j + 1), t[j + 1].lower == "10", isSym(j + 2, "^"),
                    isNum(j + 3)
                {
                    current *= ClaimTokenizer.pow10(t[j + 3].value)
                    j += 4
                }
                // Digit fraction 4/5, or mixed 1 4/5.
                if isSym(j, "/"), tight(j), isInt(j + 1), tight(j + 1), isInt(j - 1), !isSym(j + 2, "/"),
                    t[j + 1].value > 0, !(isSym(j + 2, "-") && tight(j + 2))
                {
                    current = current - tk.value + tk.value / t[j + 1].value
                    fractionSeen = true
                    j += 2
                    break loop
                }
                if isInt(j - 1), isInt(j), t[j].spaceBefore, isSym(j + 1, "/"), tight(j + 1), isInt(j + 2),
                    tight(j + 2), t[j + 2].value > t[j].value, !spelled
                {
                    current += t[j].value / t[j + 2].value
                    fractionSeen = true
                    j += 3
                    break loop
                }
                if let w = word(j), tight(j) {
                    if lx.ordinalSuffixes.contains(w), isInt(j - 1) {
                        return ParsedNumber(value: tk.value, end: j + 1, ordinal: true)
                    }
                    if let s = lx.attachedScales[w] {
                        let raw = scalars[t[j].start]
                        let minV = lx.lex.attachedScaleMinValue[w] ?? 0
                        if w == "g" && !raw.properties.isUppercase { break loop }
                        if w == "m" && !money && raw != "M" {
                            // metres unless followed by a counted noun
                            if let n = word(j + 1), !lx.stopwords.contains(n), !isDimWord(n) {
                            } else {
                                break loop
                            }
                        }
                        if current < minV { return ParsedNumber(value: current, end: j + 1, label: true) }
                        current *= s
                        scale = s
                        j += 1
                        break loop
                    }
                    if lx.unitAttached[w] != nil || lx.unitNames.match(t, j, limit) != nil
                        || lx.timeSuffixes.match(t, j, limit) != nil
                    {
                        break loop
                    }
                    if w == "s" || w == "ish" { break loop }
                    return ParsedNumber(value: current, end: j + 1, label: true)
                }
            case .word:
                let w = tk.lower
                if let v = lx.cardinals[w] {
                    if have && !lastWasScale {
                        if lastTens && v < 10 && v > 0 {
                            current += v
                        } else {
                            break loop
                        }
                    } else {
                        if lastDigit && !lastWasScale { break loop }
                        current += v
                    }
                    have = true
                    spelled = true
                    words += 1
                    lastTens = v >= 20 && v.truncatingRemainder(dividingBy: 10) == 0
                    lastWasScale = false
                    lastDigit = false
                    j += 1
                    if isSym(j, "-"), tight(j), j + 1 < limit, tight(j + 1), let n = word(j + 1),
                        lx.cardinals[n] != nil || lx.ordinals[n] != nil || lx.fractions[n] != nil
                    {
                        j += 1
                    }
                    continue
                }
                if let s = lx.scales[w] {
                    if !have {
                        guard (w == "hundred" || w == "thousand") && j == i else { break loop }
                        current = 1
                        have = true
                    }
                    if lastWasScale && s >= lastBigScale && s != 100 {
                        total = (total + current) * s
                        current = 0
                    } else if s == 100 || s == 12 {
                        current = (current == 0 ? 1 : current) * s
                    } else {
                        total += current * s
                        current = 0
                        lastBigScale = s
                    }
                    scale = s
                    spelled = spelled || tk.kind == .word
                    lastWasScale = true
                    lastTens = false
                    words += 1
                    j += 1
                    // "lakh" plural etc. are in the table; allow "million-year-old" to stop here
                    continue
                }
                if w == "and", have, j + 1 < limit {
                    if let (f, e) = fractionPhrase(j + 1) {
                        if let s = word(e), let sv = lx.scales[s], sv >= 1000 {
                            total += f * sv
                            j = e + 1
                        } else if lastBigScale > 1 && current == 0 {
                            total += f * lastBigScale
                            j = e
                        } else {
                            current += f
                            j = e
                        }
                        fractionSeen = true
                        break loop
                    }
                    if lastWasScale, j + 1 < limit,
                        (t[j + 1].kind == .number && !t[j + 1].decimal) || lx.cardinals[t[j + 1].lower] != nil
                    {
                        if t[j + 1].kind == .number && !lastDigit && spelled == false { break loop }
                        j += 1
                        continue
                    }
                    if spelled, let nx = word(j + 1), lx.cardinals[nx] != nil, !lastWasScale {
                        // "twenty and three and three fifths"
                        j += 1
                        lastWasScale = true
                        continue
                    }
                    break loop
                }
                if lx.decimalWords.contains(w), have, spelled {
                    var k = j + 1
                    var digits = ""
                    while let d = word(k), let v = lx.cardinals[d] {
                        if v < 10 {
                            digits += String(Int(v))
                            k += 1
                        } else if digits.isEmpty {
                            var vv = v
                            k += 1
                            if isSym(k, "-"), let d2 = word(k + 1), let v2 = lx.cardinals[d2], v2 < 10 {
                                vv += v2
                                k += 2
                            } else if let d2 = word(k), let v2 = lx.cardinals[d2], v2 < 10, v >= 20 {
                                vv += v2
                                k += 1
                            }
                            digits += String(Int(vv))
                            break
                        } else {
                            break
                        }
                    }
                    if !digits.isEmpty, let frac = Double("0." + digits) {
                        current += frac
                        j = k
                        lastWasScale = false
                        continue
                    }
                    break loop
                }
                if lx.fractions[w] != nil, lx.ordinals[w] != nil, have, spelled, w != "half", !w.hasSuffix("s"),
                    total + current != 1, !(j > i && lx.oneWords.contains(t[j - 1].lower))
                {
                    // "three trillionth", "twenty-fifth": a singular fraction word after a number is an ordinal
                    let ov = lx.ordinals[w]!
                    let v = ov >= 100 ? (current == 0 ? 1 : current) * ov + total : total + current + ov
                    return ParsedNumber(value: v, end: j + 1, spelled: true, ordinal: true, words: words + 1)
                }
                if let den = lx.fractions[w], have, !lastWasScale || scale >= 100 || scale == 12 {
                    let num = total + current
                    if lastDigit && scale == 1 && !spelled {
                        // "3 quarters" reads as a count of quarters, not a fraction
                        if w != "thirds" && w != "quarters" && w != "halves" { break loop }
                    }
                    if den == 2 && w == "half" && num != 1 { break loop }
                    total = 0
                    current = num / den
                    fractionSeen = true
                    j += 1
                    break loop
                }
                if let ov = lx.ordinals[w], !have, j == i, !(w == "second" && word(j + 1) == nil && isNum(j - 1)) {
                    if ov >= 100 && !(j > base && lx.oneWords.contains(t[j - 1].lower)) && j + 1 < limit
                        && word(j + 1) != nil
                    {
                        break loop
                    }
                    return ParsedNumber(value: ov, end: j + 1, spelled: true, ordinal: true, words: 1)
                }
                if let ov = lx.ordinals[w], have, spelled, lastWasScale || lastTens || ov >= 100 {
                    let base0 = total + current
                    let v = ov >= 100 ? (current == 0 ? 1 : current) * ov + total : base0 + ov
                    return ParsedNumber(value: v, end: j + 1, spelled: true, ordinal: true, words: words + 1)
                }
                break loop
            case .symbol:
                if let s = tk.lower.unicodeScalars.first, let f = lx.unicodeFractions[s] {
                    if have && lastWasScale { break loop }
                    if have && !tight(j) && !lastDigit { break loop }
                    current += f
                    have = true
                    fractionSeen = true
                    j += 1
                }
                break loop
            }
        }
        guard have else { return nil }
        let v = total + current
        guard v.isFinite else { return nil }
        return ParsedNumber(
            value: v, end: j, spelled: spelled, scale: scale, fraction: fractionSeen, words: words)
    }

    /// "a half", "one half", "a quarter", "three quarters", "a third" after "and".
    func fractionPhrase(_ i: Int) -> (Double, Int)? {
        guard let w = word(i) else { return nil }
        var n = 1.0
        if let v = lx.cardinals[w] {
            n = v
        } else if !lx.oneWords.contains(w) {
            return nil
        }
        guard let f = word(i + 1), let den = lx.fractions[f], den <= 10 else { return nil }
        return (n / den, i + 2)
    }

    func isDimWord(_ w: String) -> Bool {
        switch w {
        case "tall", "long", "high", "wide", "deep", "away", "thick", "across", "apart", "distance": return true
        default: return false
        }
    }

    // MARK: quantities

    struct QuantityResult {
        var claim: FoundClaim?
        var endTok: Int
    }

    /// A unit after a number at `k` (spaced, glued, or after a tight hyphen).
    func unitAfter(_ k: Int, attachedOK: Bool) -> (ClaimLexicon.UnitInfo, Int)? {
        guard k < limit else { return nil }
        if t[k].kind == .word || t[k].kind == .symbol {
            if let m = lx.unitNames.match(t, k, limit) {
                if m.payload.caps, !capsWritten(k) { return nil }
                // "2016 Stone": a capitalised word is a name, not a unit (symbols and codes aside)
                if t[k].kind == .word, t[k].capitalized, !t[k].allCaps, t[k].lower.count > 3, m.end == k + 1,
                    !m.payload.caps, m.payload.unit != "degC" && m.payload.unit != "degF"
                {
                    return nil
                }
                if m.end < limit, t[m.end].kind == .number, !t[m.end].spaceBefore { return nil }
                return (m.payload, m.end)
            }
            if attachedOK, !t[k].spaceBefore, let u = lx.unitAttached[t[k].lower] {
                if k + 1 < limit, t[k + 1].kind == .number || t[k + 1].kind == .word, !t[k + 1].spaceBefore {
                    return nil
                }
                return (u, k + 1)
            }
        }
        if isSym(k, "-"), tight(k), k + 1 < limit, tight(k + 1), let m = lx.unitNames.match(t, k + 1, limit),
            !m.payload.caps || capsWritten(k + 1)
        {
            return (m.payload, m.end)
        }
        return nil
    }

    /// Whether a unit name starts at `k`, written as its entry requires.
    func isUnitName(_ k: Int) -> Bool {
        guard let m = lx.unitNames.match(t, k, limit) else { return false }
        return !m.payload.caps || capsWritten(k)
    }

    /// Whether word `k` is written in capitals, a plural "s" aside ("WAR", "TDs").
    func capsWritten(_ k: Int) -> Bool {
        guard t[k].kind == .word, t[k].capitalized else { return false }
        if t[k].allCaps { return true }
        let e = t[k].end - 1
        guard e > t[k].start, scalars[e] == "s" else { return false }
        for x in t[k].start..<e where !scalars[x].properties.isUppercase { return false }
        return true
    }

    func qualifierBefore(_ s: Int) -> (String?, Int) {
        guard s > base else { return (nil, s) }
        if let m = lx.qualifiers.matchEnding(t, s, base) {
            if lx.qualifierSkip.contains(m.payload) { return (nil, m.start) }
            var q = text(m.start, s)
            if m.payload.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == " " }) {
                q = q.lowercased()
            }
            return (q, m.start)
        }
        return (nil, s)
    }

    /// Reads a quantity starting at token `i`.
    func parseQuantity(_ i: Int) -> QuantityResult? {
        guard let q = quantityCore(i, allowRange: true) else { return nil }
        return q
    }

    func quantityCore(_ i: Int, allowRange: Bool) -> QuantityResult? {
        var j = i
        var negative = false
        var prefix: ClaimLexicon.UnitInfo?
        if let p = lx.currencyPrefixes.match(t, j, limit), p.end < limit,
            t[p.end].kind == .number || (isSym(p.end, "-") && isNum(p.end + 1))
        {
            let letters = t[j].kind == .word && p.end == j + 1
            if !letters || !t[p.end].spaceBefore || t[j].allCaps || t[j].capitalized {
                // a letter code before a number must not be a word of the sentence ("in 2019")
                let first = t[j]
                let articleLike =
                    first.kind == .word && first.lower.count == 1 && p.end > j + 1
                    && !tight(j + 1) && (lx.stopwords.contains(first.lower) || first.lower == "s")
                if !(letters && t[j].lower.count <= 2 && t[p.end].spaceBefore && !t[j].allCaps
                    && t[j].lower != "rs") && !articleLike
                {
                    prefix = p.payload
                    j = p.end
                }
            }
        }
        if isSym(j, "-") || isSym(j, "\u{2212}"), isNum(j + 1), tight(j + 1),
            j == base || t[j].spaceBefore || isSym(j - 1, "(") || prefix != nil
        {
            negative = true
            j += 1
        } else if let w = word(j), lx.negativeWords.contains(w), j + 1 < limit,
            isNum(j + 1) || lx.cardinals[t[j + 1].lower] != nil
        {
            negative = true
            j += 1
        } else if let w = word(j), lx.negativeWords.contains(w), isSym(j + 1, "-"), tight(j + 1), isNum(j + 2),
            tight(j + 2)
        {
            negative = true
            j += 2
        }
        if prefix == nil, let p = lx.currencyPrefixes.match(t, j, limit), p.end < limit, t[p.end].kind == .number,
            t[j].kind == .symbol
        {
            prefix = p.payload
            j = p.end
        }
        // Vague amounts: "tens of thousands of people", "millions of dollars".
        if prefix == nil, !negative, let w = word(j), let (lo0, hi0) = lx.vague[w] {
            var lo = lo0
            var hi = hi0
            var k = j + 1
            while word(k) == "of", let w2 = word(k + 1), let (lo2, _) = lx.vague[w2] {
                lo *= lo2
                hi *= lo2
                k += 2
            }
            // "hundreds of thousands marched": a compound vague amount is a claim without a noun too
            let compound = k > j + 1
            let bare = make(i, k, .number(lo), .number(hi), nil, "claims.vague-amount", 0.6, nil)
            guard word(k) == "of" else { return QuantityResult(claim: compound ? bare : nil, endTok: k) }
            if let (u, e) = unitAfter(k + 1, attachedOK: false) {
                return QuantityResult(
                    claim: make(i, e, .number(lo), .number(hi), u, "claims.vague-unit", 0.75, nil), endTok: e)
            }
            if let (e, noun) = countedNoun(k + 1, value: 2) {
                var c = make(i, e, .number(lo), .number(hi), nil, "claims.vague-count", 0.7, nil)
                c.unit = noun
                c.kind = .count
                return QuantityResult(claim: c, endTok: e)
            }
            return QuantityResult(claim: compound ? bare : nil, endTok: k)
        }
        // "a few minutes", "several weeks"
        if prefix == nil, let f = lx.few.match(t, j, limit), let (u, e) = unitAfter(f.end, attachedOK: false),
            u.kind == .duration
        {
            return QuantityResult(
                claim: make(i, e, .number(f.payload), nil, u, "claims.few-duration", 0.6, nil), endTok: e)
        }
        // "an hour", "a day", "a week": one of a time unit
        if prefix == nil, let w = word(j), lx.oneWords.contains(w) || w == "another", j + 1 < limit, !t[j + 1].hasUpper,
            let (u, e) = unitAfter(j + 1, attachedOK: false),
            u.kind == .duration, u.unit != "s" || word(j + 1) != "second", u.unit != "decade", u.unit != "century"
        {
            if word(e) == "and", let (f, fe) = fractionPhrase(e + 1) {
                return QuantityResult(
                    claim: make(i, fe, .number(1 + f), nil, u, "claims.one-unit", 0.6, nil), endTok: fe)
            }
            if i > base, let p = word(i - 1), lx.stopwords.contains(p) || p == "for" || p == "in" {
                return QuantityResult(claim: make(i, e, .number(1), nil, u, "claims.one-unit", 0.55, nil), endTok: e)
            }
            return nil
        }
        // "one of the best wireless speakers": counts "good wireless speaker"
        if prefix == nil, word(j) == "one", word(j + 1) == "of", word(j + 2) == "the" {
            var k = j + 3
            while k < limit, k < j + 10, let w = word(k) {
                if lx.looksPlural(w), k > j + 3 {
                    var c = make(j, k + 1, .number(1), nil, nil, "claims.one-of-the", 0.6, nil)
                    c.kind = .count
                    c.unit = nounPhrase(j + 3, k + 1)
                    return QuantityResult(claim: c, endTok: k + 1)
                }
                k += 1
            }
            return QuantityResult(claim: nil, endTok: j + 1)
        }
        // "almost half of which": a share (not "the first half of", "the upper half of": `part_modifiers`)
        if prefix == nil, !negative, let w = word(j), let den = lx.fractions[w], den == 2, lx.ordinals[w] == nil,
            shareOf(j + 1)
        {
            let p = word(j - 1)
            if p == nil || !(lx.partModifiers.contains(p!) || lx.partitiveDeterminers.contains(p!)
                || lx.ordinals[p!] != nil || lx.relativeModifiers.byFirst[p!] != nil || lx.oneWords.contains(p!))
            {
                var c = make(j, j + 1, .number(100 / den), nil, nil, "claims.fraction-share", 0.55, nil)
                c.kind = .percent
                c.unit = "%"
                return QuantityResult(claim: c, endTok: j + 1)
            }
        }
        guard var num = parseNumber(j, money: prefix != nil) else { return nil }
        if num.label { return QuantityResult(claim: nil, endTok: num.end) }
        if negative { num.value = -num.value }
        let numStart = j
        var k = num.end
        var start = negative || prefix != nil ? i : numStart

        // Labels: "Radio 4", "G20", "COVID-19", "Game 2", "No. 5"
        if prefix == nil, !num.spelled, numStart > base {
            let p = numStart - 1 - (negative ? 1 : 0)
            if p >= base {
                if t[p].kind == .word && !t[p + 1].spaceBefore && !lx.numberPrefixes.contains(t[p].lower) {
                    return QuantityResult(claim: nil, endTok: k)
                }
                if negative, t[p].kind == .word, tight(p + 1), !lx.numberPrefixes.contains(t[p].lower) {
                    return QuantityResult(claim: nil, endTok: k)
                }
                if isSym(p, "-"), tight(p), p - 1 >= base, t[p - 1].kind == .word, tight(p),
                    !lx.numberPrefixes.contains(t[p - 1].lower), !lx.rangeJoiners.contains(t[p - 1].lower)
                {
                    return QuantityResult(claim: nil, endTok: k)
                }
            }
        }
        // ID-like chains: 123-12-1234
        if isSym(k, "-"), tight(k), isNum(k + 1), tight(k + 1), isSym(k + 2, "-"), tight(k + 2) {
            var e = k
            while e < limit, !t[e].spaceBefore || e == k { e += 1 }
            return QuantityResult(claim: nil, endTok: e)
        }

        var unit: ClaimLexicon.UnitInfo? = prefix
        var unitStr: String?
        var kind: Claim.Kind = .other
        var rule = "claims.number"
        var conf = 0.7

        if !num.ordinal, num.scale == 1, !num.fraction, let w = word(k), w == "over" || w == "in",
            isNum(numStart) ? isInt(numStart) : num.spelled, num.value >= 1, num.value < 100,
            let d = parseNumber(k + 1, money: false), !d.ordinal, !d.label, d.scale == 1, d.value > num.value,
            d.value <= 1000, unitAfter(d.end, attachedOK: false) == nil,
            w == "in" || countedNoun(d.end, value: d.value) == nil,
            !(isNum(k + 1) && t[k + 1].intDigits == 4), w == "over" || num.spelled == d.spelled
        {
            let c = make(start, d.end, .number(num.value / d.value), nil, nil, "claims.ratio", 0.6, nil)
            return QuantityResult(claim: c, endTok: d.end)
        }
        if num.ordinal, word(k) == "century", num.value >= 1, num.value <= 30 {
            let y0 = (Int(num.value) - 1) * 100
            var c = make(
                start, k + 1,
                .text("(\(ClaimCalendar.pad(y0, 4))-01-01,\(ClaimCalendar.pad(y0 + 100, 4))-01-01,P100Y)"), nil, nil,
                "claims.date-century", 0.7, nil)
            c.kind = .date
            return QuantityResult(claim: c, endTok: k + 1)
        }
        if num.ordinal {
            var c = make(start, k, .number(num.value), nil, nil, "claims.ordinal", num.spelled ? 0.5 : 0.7, nil)
            c.kind = .ordinal
            return QuantityResult(claim: c, endTok: k)
        }

        if prefix != nil {
            // "$76 US", "$ 75 million"
            if let w = word(k), let s = lx.scales[w], s >= 1000, num.scale == 1 {
                num.value *= s
                num.scale = s
                k += 1
            }
            if let w = word(k), w == "us" || w == "u", t[k].allCaps { k += 1 }
            if let p = prefix, p.scale != 1 {
                num.value *= p.scale
                num.scale = p.scale
            }
            rule = "claims.money-prefix"
            conf = 0.9
        } else if let (u, e) = unitAfter(k, attachedOK: !num.spelled) {
            unit = u
            k = e
            rule = "claims.unit"
            conf = 0.85
            if u.scale != 1 {
                num.value *= u.scale
                num.scale = u.scale
            }
            if u.unit == "lb" && num.scale >= 1_000_000 { unit = ClaimLexicon.UnitInfo(unit: "GBP", kind: .money) }
            if u.kind == .money, let w = word(k), let s = lx.scales[w], s >= 1000, num.scale == 1 {
                num.value *= s
                num.scale = s
                k += 1
            }
        } else if let u = num.unit {
            unit = u
        }
        if let u = unit {
            unitStr = u.unit
            switch u.kind {
            case .money: kind = .money
            case .percent: kind = .percent
            case .measure: kind = .measure
            case .duration: kind = durationKind
            case .count: kind = .count
            }
            // Minor units: "thirteen dollars and forty-five cents", "15 dollars 50"
            if u.kind == .money, u.unit != "cent", u.unit != "penny" {
                var m = k
                if word(m) == "and" { m += 1 }
                if m < limit, isNum(m) || lx.cardinals[t[m].lower] != nil,
                    let c = parseNumber(m, money: true), c.value < 100, !c.label, c.scale == 1, !c.ordinal
                {
                    var e = c.end
                    var ok = false
                    if let (cu, ce) = unitAfter(e, attachedOK: false), cu.unit == "cent" || cu.unit == "penny" {
                        e = ce
                        ok = true
                    } else if e >= limit || (t[e].kind == .symbol && lx.currencyPrefixes.match(t, e, limit) == nil) {
                        // "15 dollars 50." reads as cents; "50 dollar 40 rmb" does not
                        ok = unitAfter(e, attachedOK: true) == nil
                    }
                    if ok {
                        num.value += (negative ? -1 : 1) * c.value / 100
                        k = e
                    }
                }
            }
            // "1 hour and 30 minutes" is one duration
            if u.kind == .duration, word(k) == "and", isNum(k + 1) || lx.cardinals[t[k + 1].lower] != nil,
                let n2 = parseNumber(k + 1, money: false), !n2.label, !n2.ordinal,
                let (u2, e2) = unitAfter(n2.end, attachedOK: true), u2.kind == .duration,
                let f1 = Self.seconds[u.unit], let f2 = Self.seconds[u2.unit], f2 < f1
            {
                num.value = num.value * f1 / f2 + n2.value
                unit = u2
                unitStr = u2.unit
                k = e2
            }
            // "12 ft 2 in", "5 feet 2 inches"
            if u.unit == "ft", isInt(k), let (u2, e2) = unitAfter(k + 1, attachedOK: true), u2.unit == "in" {
                num.value += t[k].value / 12
                k = e2
            } else if u.unit == "ft", isInt(k), word(k + 1) == "in", k + 2 >= limit || t[k + 2].kind != .word {
                num.value += t[k].value / 12
                k = k + 2
            }
            // "per barrel", "per share", "/ms"
            if word(k) == "per" || (isSym(k, "/") && tight(k)), k + 1 < limit {
                if let (per, e2) = perSuffix(k, moneyBefore: u.kind == .money) {
                    unitStr = (unitStr ?? "") + per
                    k = e2
                }
            } else if u.kind == .percent, let a = word(k), a == "a" || a == "an",
                let (u2, e2) = unitAfter(k + 1, attachedOK: false),
                u2.kind == .duration
            {
                unitStr = (unitStr ?? "") + "/" + u2.unit
                k = e2
            }
        } else {
            // no unit: years, ages, counted nouns, bare numbers
            let isYearShape = isInt(numStart) && t[numStart].intDigits == 4 && num.end == numStart + 1 && !negative
            if isYearShape, word(k) == "s", tight(k) {
                let y = Int(num.value)
                var c = make(start, k + 1, .text(String(y / 10) + "X"), nil, nil, "claims.decade", 0.8, nil)
                c.kind = .date
                return QuantityResult(claim: c, endTok: k + 1)
            }
            let prevWord = word(numStart - 1)
            // "in two thousand and fifteen", "in nineteen ninety six"
            if num.spelled, prevWord.map({ lx.datePrepositions.contains($0) }) ?? false {
                var y = num.value
                var e = k
                if y >= 11, y <= 20, let w2 = word(k), let v2 = lx.cardinals[w2], v2 >= 10 {
                    var tail = v2
                    e = k + 1
                    if v2 >= 20, let w3 = word(e), let v3 = lx.cardinals[w3], v3 < 10 {
                        tail += v3
                        e += 1
                    }
                    y = y * 100 + tail
                }
                if y >= 1000, y <= 2100, y == y.rounded(), countedNoun(e, value: y) == nil {
                    var c = make(start, e, .text(String(Int(y))), nil, nil, "claims.year-spelled", 0.6, nil)
                    c.kind = .date
                    return QuantityResult(claim: c, endTok: e)
                }
            }
            // "1000 to 2000 hires" counts, not years
            let countRange = countRange(numStart)
            // "an average of 1500", "a total of 1990": an amount, not a year
            let amountBefore = prevWord == "of" && (word(numStart - 2).map { lx.amountNouns.contains($0) } ?? false)
            if isYearShape, num.value >= 1000, num.value <= 2100, !countRange, !amountBefore {
                let noun = countedNoun(k, value: num.value)
                let prepBefore = prevWord.map { lx.datePrepositions.contains($0) } ?? false
                // "from 1000 to 2000 hires": the second end of a range of counts
                let rangeEnd = noun != nil && (prevWord == "to" || prevWord == "and")
                if noun == nil || (prepBefore && !rangeEnd), num.value >= 1900 || prepBefore {
                    // "2014-2018"
                    if allowRange, isSym(k, "-") || isSym(k, "–"), isInt(k + 1), t[k + 1].intDigits == 4,
                        t[k + 1].value > num.value, t[k + 1].value <= 2100
                    {
                        let y0 = Int(num.value)
                        let y1 = Int(t[k + 1].value)
                        var c = make(
                            start, k + 2, .text("(\(y0)-01-01,\(y1)-01-01,P\(y1 - y0)Y)"), nil, nil,
                            "claims.year-range", 0.8, nil)
                        c.kind = .date
                        return QuantityResult(claim: c, endTok: k + 2)
                    }
                    var qk = k
                    if isSym(qk, "-"), tight(qk) { qk += 1 }
                    if let qw = word(qk), qw == "q" || qw == "h", isInt(qk + 1), tight(qk + 1) {
                        let n = Int(t[qk + 1].value)
                        if (qw == "q" && n >= 1 && n <= 4) || (qw == "h" && n >= 1 && n <= 2) {
                            var c = make(
                                start, qk + 2, .text(quarterRange(Int(num.value), n, months: qw == "q" ? 3 : 6)), nil,
                                nil,
                                "claims.date-quarter", 0.7, nil)
                            c.kind = .date
                            return QuantityResult(claim: c, endTok: qk + 2)
                        }
                    }
                    var c = make(start, k, .text(String(Int(num.value))), nil, nil, "claims.year", 0.8, nil)
                    c.kind = .date
                    return QuantityResult(claim: c, endTok: k)
                }
            }
            // Labels before a bare integer: "Radio 4", "Game 2", "Model 3"
            if !num.spelled, numStart > base, t[numStart - 1].kind == .word, t[numStart - 1].hasUpper,
                let pw = prevWord, !lx.stopwords.contains(pw), lx.qualifiers.match(t, numStart - 1, limit) == nil,
                lx.months[pw] == nil, !lx.datePrepositions.contains(pw), !lx.ageWords.contains(pw),
                numStart - 1 > base, !isSym(numStart - 2, ".")
            {
                return QuantityResult(claim: nil, endTok: k)
            }
            // "49 Zorro Ranch Road", "9 E 71st St": a bare integer before a name is part of the name
            if !num.spelled, isInt(numStart), num.scale == 1, num.value < 10000, let nw = word(k), t[k].hasUpper,
                lx.months[nw] == nil, lx.weekdays[nw] == nil, countedNoun(k, value: num.value) == nil
            {
                return QuantityResult(claim: nil, endTok: k)
            }
            // "16-18 Industrial Avenue": a range of house numbers
            if !num.spelled, isInt(numStart), num.value < 10000, isSym(k, "-"), tight(k), isInt(k + 1), tight(k + 1),
                let nw = word(k + 2), t[k + 2].capitalized, t[k + 2].spaceBefore, lx.months[nw] == nil, lx.weekdays[nw] == nil,
                countedNoun(k + 2, value: 2) == nil, unitAfter(k + 2, attachedOK: false) == nil,
                (k + 2..<min(limit, k + 6)).contains(where: { t[$0].capitalized && lx.streetWords.contains(t[$0].lower) })
            {
                return QuantityResult(claim: nil, endTok: k + 2)
            }
            if isSym(numStart - 1, "#") || (prevWord == "no" && isSym(numStart - 1, ".")) {
                return QuantityResult(claim: nil, endTok: k)
            }
            // Lower-case labels: "a category 4 hurricane", "level 3" (unless a counted noun follows: "the day 20
            // soldiers left")
            if !num.spelled, isInt(numStart), let pw = prevWord, lx.labelWords.contains(pw),
                countedNoun(k, value: num.value) == nil, unitAfter(k, attachedOK: true) == nil
            {
                return QuantityResult(claim: nil, endTok: k)
            }
            // "several hundred or even 1,000": a bare scale word after a vague amount is no number of its own
            if num.spelled, num.words == 1, lx.scales[t[numStart].lower] != nil, numStart > base,
                lx.few.matchEnding(t, numStart, base) != nil, countedNoun(k, value: num.value) == nil
            {
                return QuantityResult(claim: nil, endTok: k)
            }
            // Ages: "age 25", "aged 18 to 34" (a range below), "over the age of 21"
            let ageOf = prevWord == "of" && (word(numStart - 2).map { lx.ageWords.contains($0) } ?? false)
            if let pw = prevWord, lx.ageWords.contains(pw) || ageOf, num.value < 130 {
                if pw == "age" { start = numStart - 1 }
                unit = ClaimLexicon.UnitInfo(unit: "year", kind: .measure)
                unitStr = "year"
                kind = .measure
                rule = "claims.age"
            }
            // "Maddon, 66, has"
            if !num.spelled, isInt(numStart), num.value > 0, num.value < 120, isSym(numStart - 1, ","),
                numStart - 2 >= base, t[numStart - 2].kind == .word, t[numStart - 2].capitalized,
                k >= limit || isSym(k, ",") || isSym(k, ")") || isSym(k, ";")
            {
                let c = make(
                    start, k, .number(num.value), nil, ClaimLexicon.UnitInfo(unit: "year", kind: .measure),
                    "claims.age", 0.6, nil)
                return QuantityResult(claim: c, endTok: k)
            }
            if rule == "claims.age" {
            } else if let (per, e) = rateAfter(k) {
                // "78,000 times a minute"
                unitStr = per
                kind = .measure
                rule = "claims.rate"
                conf = 0.7
                k = e
            } else if num.fraction, num.spelled, num.value > 0, num.value < 1, shareOf(k) {
                // "one fourth of the population", "three quarters of voters": a share
                num.value *= 100
                unitStr = "%"
                kind = .percent
                rule = "claims.fraction-share"
                conf = 0.6
            } else if let w = word(k), !lx.stopwords.contains(w), !t[k].hasUpper,
                let (u, e) = unitAfter(k + 1, attachedOK: false),
                u.kind == .measure
            {
                unit = u
                unitStr = u.unit
                kind = .measure
                rule = "claims.unit-after-adjective"
                conf = 0.6
                k = e
            } else if isSym(k, "-"), tight(k), let w = word(k + 1), tight(k + 1), !lx.stopwords.contains(w),
                lx.cardinals[w] == nil, !(isNum(numStart) && t[numStart].decimal)
            {
                unitStr = lx.singular(w)
                kind = .count
                rule = "claims.count-compound"
                conf = 0.6
                k += 2
            } else if let (e, noun) = countedNoun(k, value: num.value) {
                unitStr = noun
                kind = .count
                rule = "claims.count"
                conf = 0.7
                k = e
            } else if num.value != 1, let (e, noun) = partitiveNoun(k) {
                // "two of the soldiers", "two of Johnson's deputies"
                unitStr = noun
                kind = .count
                rule = "claims.count-partitive"
                conf = 0.6
                k = e
            } else if num.spelled && num.value == 1 && num.words <= 1 {
                return QuantityResult(claim: nil, endTok: k)
            } else if num.scale >= 1000, let u = wholeUnit(k) {
                // "280 million of the 1.5 billion shekels": the part is in the unit of the whole
                unitStr = u.unit
                kind = u.kind
                rule = "claims.unit-of-whole"
                conf = 0.6
            }
        }
        var claim = FoundClaim(
            startTok: start, endTok: k, value: .number(num.value), valueMax: num.vagueMax.map { .number($0) },
            unit: unitStr, kind: kind, qualifier: nil, rule: rule, confidence: conf, evidence: nil)
        claim.qualifier = qualifierBefore(start).0
        claim.scaled = num.scale >= 1000

        // Ranges: "20-35%", "$3 billion to $5 billion", "between 5 and 10", "from 208 pounds to 193"
        if allowRange, kind != .date, k + 1 < limit {
            let opener = word(start - (claim.qualifier == nil ? 1 : 1))
            let between = opener == "between"
            let from = opener == "from"
            var joinerOK = false
            // "eight or nine euros": a bare number before "or" and a quantity with a unit
            let orJoiner = word(k) == "or" && claim.unit == nil
            var after = k + 1
            if let w = word(k) {
                joinerOK = (w == "and" && between) || ((w == "to" || w == "through") && (between || from || true))
                    || orJoiner
            } else if isSym(k, "-"), tight(k), word(k + 1) == "to", tight(k + 1), isSym(k + 2, "-"), tight(k + 2) {
                // "a 0-to-60-mph time", "the 10-to-15-year range"
                after = k + 3
                joinerOK = true
            } else if isSym(k, "-") || isSym(k, "–") || isSym(k, "—") {
                joinerOK = true
            }
            let byBefore = word(start - 1) == "by"
            // "fell 4p to 250p", "rose 2% to 9%": a change and the level it reached, not a range
            let changeTo =
                word(k) == "to" && !between && !from
                && (word(qualifierBefore(start).1 - 1).map { lx.changeWords.contains($0) } ?? false)
            if joinerOK, !byBefore, !changeTo, let r = quantityCore(after, allowRange: false), let c2 = r.claim,
                c2.kind != .date, c2.kind != .ordinal, case .number(let hi) = c2.value
            {
                let sameUnit = claim.unit == c2.unit
                let wordJoiner = word(k) != nil
                var accept = false
                if sameUnit && claim.unit != nil {
                    accept = true
                } else if claim.unit == nil && c2.unit != nil {
                    accept = !orJoiner || (claim.value.number.map { $0 < hi } ?? false)
                } else if claim.unit != nil && c2.unit == nil {
                    // "aged 18 to 34"
                    accept = between || from || !wordJoiner || claim.rule == "claims.age"
                } else if claim.unit == nil && c2.unit == nil {
                    accept = (between || from || !wordJoiner) && !orJoiner
                }
                if accept, case .number(var lo) = claim.value {
                    if claim.unit == nil {
                        claim.unit = c2.unit
                        claim.kind = c2.kind
                    }
                    if num.scale == 1, let s2 = scaleOf(c2), s2 > 1, lo <= hi / s2 { lo *= s2 }
                    claim.value = .number(lo)
                    claim.valueMax = .number(hi)
                    claim.endTok = c2.endTok
                    claim.rule = "claims.range"
                    if between || from { claim.qualifier = nil }
                    k = c2.endTok
                }
            }
        }
        // Equivalents: "$75 billion (£58 billion)", "87 mph (140 km/h)"
        if isSym(k, "("), claim.kind == .money || claim.kind == .measure {
            var m = k + 1
            if let w = word(m), w == "or" || w == "about" || w == "approximately" || w == "around" || w == "c" {
                m += 1
            }
            if let r = quantityCore(m, allowRange: false), let c2 = r.claim, c2.kind == claim.kind,
                isSym(c2.endTok, ")"),
                case .number(let v2) = c2.value
            {
                claim.equivalents.append(
                    FoundClaim.Equiv(start: t[c2.startTok].start, end: t[c2.endTok - 1].end, value: v2, unit: c2.unit))
                return QuantityResult(claim: claim, endTok: c2.endTok + 1)
            }
        }
        return QuantityResult(claim: claim, endTok: k)
    }

    static let seconds: [String: Double] = ["s": 1, "min": 60, "h": 3600, "day": 86400, "week": 604800]

    /// The "per barrel", "/ms", "per share" after a unit at `k` ("per" or a tight "/"): the suffix to append to
    /// the unit ("/bbl", "/share") and the index after it. A counted noun after "per" is taken for measures only
    /// ("$2 per share" stays dollars).
    func perSuffix(_ k: Int, moneyBefore: Bool) -> (String, Int)? {
        guard word(k) == "per" || (isSym(k, "/") && tight(k)), k + 1 < limit else { return nil }
        if let (u2, e2) = unitAfter(k + 1, attachedOK: false), u2.kind != .money {
            return ("/" + u2.unit, e2)
        }
        if word(k) == "per", !moneyBefore, let w = word(k + 1), !lx.stopwords.contains(w) {
            return ("/" + lx.singular(w), k + 2)
        }
        return nil
    }

    /// "1000 to 2000 hires", "1990-2000 people": a range of counts at `i` that looks like a range of years.
    func countRange(_ i: Int) -> Bool {
        guard isInt(i), t[i].intDigits == 4, word(i + 1) == "to" || isSym(i + 1, "-"), isNum(i + 2) else {
            return false
        }
        return countedNoun(i + 3, value: 2) != nil
    }

    /// The unit of the whole in "of the 1.5 billion shekels", "out of 2 million voters" at `k`.
    func wholeUnit(_ k: Int) -> (unit: String, kind: Claim.Kind)? {
        var m = k
        if word(m) == "out" { m += 1 }
        guard word(m) == "of" else { return nil }
        m += 1
        if word(m) == "the" { m += 1 }
        guard let r = quantityCore(m, allowRange: false), let c = r.claim, let u = c.unit, c.scaled,
            c.kind == .money || c.kind == .count || c.kind == .measure
        else { return nil }
        return (u, c.kind)
    }

    /// "times a minute", "times per day" after a number at `k`: the unit of the rate ("1/min") and the index after.
    func rateAfter(_ k: Int) -> (String, Int)? {
        guard let w = word(k), lx.rateWords.contains(w), let a = word(k + 1), lx.oneWords.contains(a) || a == "per",
            let (u, e) = unitAfter(k + 2, attachedOK: false), u.kind == .duration
        else { return nil }
        return ("1/" + u.unit, e)
    }

    /// Whether "of" at `k` makes a fraction before it a share of a whole ("a third of voters"), not a part of a
    /// period or a measure ("the first quarter of 2019", "a quarter of an hour", "half of the year").
    func shareOf(_ k: Int) -> Bool {
        guard word(k) == "of", k + 1 < limit else { return false }
        if isNum(k + 1) || lx.months[t[k + 1].lower] != nil { return false }
        var m = k + 1
        if let d = word(m), lx.oneWords.contains(d) || d == "the" || lx.partitiveDeterminers.contains(d) { m += 1 }
        if unitAfter(m, attachedOK: false) != nil { return false }
        if let w = word(m), lx.calendarUnits[w] != nil || lx.calendarUnits[lx.singular(w)] != nil { return false }
        return true
    }

    /// The counted noun of "of the soldiers", "of Johnson's deputies" at `k`: a determiner or a possessive name
    /// between "of" and a counted noun.
    func partitiveNoun(_ k: Int) -> (Int, String)? {
        guard word(k) == "of" else { return nil }
        var m = k + 1
        var linked = false
        if let d = word(m), lx.partitiveDeterminers.contains(d) {
            m += 1
            linked = true
        }
        if word(m) != nil, isSym(m + 1, "\u{2019}") || isSym(m + 1, "'"), tight(m + 1), word(m + 2) == "s",
            tight(m + 2)
        {
            m += 3
            linked = true
        }
        guard linked, let (e, noun) = countedNoun(m, value: 2) else { return nil }
        return (e, noun)
    }

    func scaleOf(_ c: FoundClaim) -> Double? {
        // the scale word inside a claim, read back from its tokens
        var i = c.startTok
        while i < c.endTok {
            if t[i].kind == .word, let s = lx.scales[t[i].lower], s >= 1000 { return s }
            if t[i].kind == .word, !t[i].spaceBefore, let s = lx.attachedScales[t[i].lower], i > c.startTok,
                t[i - 1].kind == .number
            {
                return s
            }
            i += 1
        }
        return nil
    }

    /// The counted noun of tokens `k..<end` (the last one plural): modifiers in their base form, grade words left
    /// out, the noun singular ("smaller tenancies" → "small tenancy", "gas-only powertrain options" →
    /// "gas-only powertrain option").
    func nounPhrase(_ k: Int, _ end: Int) -> String {
        var phrase = ""
        var m = k
        while m < end - 1 {
            if let w = word(m), !(m + 1 < end && isSym(m + 1, "-") && tight(m + 1)) {
                if let b = lx.modifierBase(w) {
                    phrase += b
                    if t[m + 1].spaceBefore { phrase += " " }
                }
            } else {
                phrase += t[m].lower
                if t[m + 1].spaceBefore { phrase += " " }
            }
            m += 1
        }
        return phrase + lx.singular(t[end - 1].lower)
    }

    /// A counted noun after a number: up to four words ending at the first plural ("20 Indian soldiers"); two
    /// modifiers may be joined by "and" ("2.7m digital and physical sales").
    func countedNoun(_ k: Int, value: Double) -> (Int, String)? {
        var j = k
        var words = 0
        var joined = false
        while j < limit, words < 4 {
            guard let w = word(j) else { break }
            if lx.conjunctions.contains(w), !joined, words > 0, let n = word(j + 1), !lx.stopwords.contains(n),
                lx.cardinals[n] == nil, lx.scales[n] == nil, !t[j + 1].hasUpper || t[j - 1].hasUpper
            {
                joined = true
                j += 1
                continue
            }
            let inCompound = j > k && isSym(j - 1, "-") && tight(j - 1) && tight(j)
            if (lx.stopwords.contains(w) && !inCompound) || lx.cardinals[w] != nil || lx.scales[w] != nil || lx.months[w] != nil
                || lx.weekdays[w] != nil || isUnitName(j)
            {
                break
            }
            if words == 0 && t[j].kind == .word && !t[j].spaceBefore && j > base && t[j - 1].kind == .number {
                return nil
            }
            words += 1
            j += 1
            // A plural joined by a hyphen to the next word modifies it ("two gas-only options").
            let compound = j + 1 < limit && isSym(j, "-") && tight(j) && tight(j + 1)
            if !compound && (lx.looksPlural(w) || (value == 1 && words == 1 && t[j - 1].spaceBefore)) {
                if value != 1 && !lx.looksPlural(w) { return nil }
                // "45 police officers", "12 staff members": a noun whose plural is its singular, before a plural
                if lx.irregularPlurals[w] == w, words < 4, let n = word(j), !lx.stopwords.contains(n),
                    lx.irregularPlurals[n] == nil, lx.looksPlural(n), !isUnitName(j)
                {
                    continue
                }
                return (j, nounPhrase(k, j))
            }
            if isSym(j, "-"), tight(j), j + 1 < limit, tight(j + 1), word(j + 1) != nil { j += 1 }
        }
        return nil
    }

    func make(
        _ s: Int, _ e: Int, _ v: ClaimValue, _ vmax: ClaimValue?, _ u: ClaimLexicon.UnitInfo?, _ rule: String,
        _ conf: Double, _ q: String?
    ) -> FoundClaim {
        var kind: Claim.Kind = .other
        if let u {
            switch u.kind {
            case .money: kind = .money
            case .percent: kind = .percent
            case .measure: kind = .measure
            case .duration: kind = durationKind
            case .count: kind = .count
            }
        }
        var c = FoundClaim(
            startTok: s, endTok: e, value: v, valueMax: vmax, unit: u?.unit, kind: kind, qualifier: q, rule: rule,
            confidence: conf, evidence: nil)
        if q == nil { c.qualifier = qualifierBefore(s).0 }
        return c
    }
}
