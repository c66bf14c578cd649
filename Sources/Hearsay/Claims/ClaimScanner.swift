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
    /// A recurrence ("every Sunday"): its weekday or date is never resolved to one day.
    var recurring = false
    /// Where the claim ends inside its last token, when it ends before that token does ("8:35PMChristie").
    var endScalar: Int?
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
    let t: ClaimTokens
    let base: Int
    let limit: Int
    let scalars: [Unicode.Scalar]
    let anchor: Int?
    let resolvePartial: Bool
    let durationKind: Claim.Kind
    /// The counted noun of the last claim of the sentence before, when it is a count, for `claims.count-elided` in a
    /// sentence with no claim before the number ("Clinton has 866 delegates. Sanders has at least 211.").
    var carriedCount: String?
    var out: [FoundClaim] = []

    init(
        lexicon: ClaimLexicon, tokens: [ClaimToken], base: Int, limit: Int, scalars: [Unicode.Scalar], anchor: Int?,
        resolvePartial: Bool, durationKind: Claim.Kind
    ) {
        self.lx = lexicon
        self.t = ClaimTokens(tokens)
        self.base = base
        self.limit = limit
        self.scalars = scalars
        self.anchor = anchor
        self.resolvePartial = resolvePartial
        self.durationKind = durationKind
    }

    // MARK: small token predicates

    @inline(__always) func word(_ i: Int) -> String? {
        guard i >= base && i < limit else { return nil }
        return t[i].kind == .word ? t[i].lower : nil
    }
    @inline(__always) func isSym(_ i: Int, _ s: String) -> Bool {
        guard i >= base && i < limit && t[i].kind == .symbol else { return false }
        // the mark and `s` both small ASCII strings: equal exactly when their two words are (see `SmallKey`)
        if SmallKey.layoutHolds, let b = SmallKey.ascii(s) {
            let a = t[i].lowerKey
            if a.high >> 60 == 0xE { return a == b }
        }
        return t[i].lower == s
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
                // "the Gang of Eight", "a 501(c)(3) fund": a number inside a name or an idiom, read to the name's end
                if let c = q.claim, let e = namedPhraseEnd(c.startTok) {
                    i = max(i, e)
                    continue
                }
                if var q2 = q.claim, !namesNoAmount(q2), !listMarker(q2) {
                    // "3.9 million headsets, up from 2.4 million": the bare scaled amount counts the same things
                    if q2.kind == .other, q2.unit == nil, q2.scaled,
                        let prev = out.last(where: { $0.kind == .count && $0.scaled })
                    {
                        q2.kind = .count
                        q2.unit = prev.unit
                        q2.rule = "claims.count-inherited"
                        q2.confidence = conf("claims.count-inherited")
                    } else if q2.kind == .other, q2.unit == nil, !q2.scaled, case .number(let v) = q2.value, v >= 0,
                        v == v.rounded(), q2.startTok > base, t[q2.startTok - 1].kind == .word,
                        !lx.partitiveDeterminers.contains(t[q2.startTok - 1].lower),
                        elidedNoun(after: q2.endTok),
                        let unit = out.last.map({ $0.kind == .count ? $0.unit : nil }) ?? carriedCount
                    {
                        // "Cruz has 370 delegates, Kasich has 129": a whole number after a word, whose noun is left
                        // out, counts what the claim just before it in the sentence counted (not after a mark: "Feb.
                        // 11-15", "Lee, 38;", "No. 14-915"; nor after a determiner: "the 757", "between the two")
                        q2.kind = .count
                        q2.unit = unit
                        q2.rule = "claims.count-elided"
                        q2.confidence = out.isEmpty ? conf("claims.count-elided.carried") : conf("claims.count-elided")
                    } else if pronounGroup(q2) {
                        continue
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

    /// The token after a bare number shows its noun was left out ("has 129 and", "13 for Cruz", "163."): the end of
    /// the sentence, a mark, or an `elided_noun_followers` word.
    func elidedNoun(after k: Int) -> Bool {
        guard k < limit else { return true }
        if t[k].kind == .symbol { return !lx.startSymbols.contains(t[k].lower) && !isSym(k, "%") }
        guard let w = word(k) else { return false }
        return lx.elidedNounFollowers.contains(w)
    }

    /// A bare small whole number after an `elided_determiners` word whose noun is left out and not restored by
    /// `claims.count-elided`: "the two are", "all three have", "between the two." stand for people or things named
    /// before, as a pronoun does; no amount. A grade word or a plural ahead keeps it ("the two most prominent
    /// women", "the two rising candidates"), as does a qualifier ("the 30 or so pastors").
    func pronounGroup(_ c: FoundClaim) -> Bool {
        let s = c.startTok
        let e = c.endTok
        guard c.rule == "claims.number", c.unit == nil, !c.scaled, case .number(let v) = c.value, v >= 0,
            v == v.rounded(), v < Double(lx.maxElidedGroup), e == s + 1 || !isNum(s),
            let p = word(s - 1), lx.elidedDeterminers.contains(p)
        else { return false }
        if e >= limit || t[e].kind == .symbol { return !isSym(e, "-") || !tight(e) }
        return lx.stopwords.contains(t[e].lower) && lx.modifierBase(t[e].lower) != nil
            && lx.qualifiers.match(t, e, limit) == nil && !pluralAhead(e + 1)
    }

    /// A number that marks an item of a list, not an amount: "2. The vote", "Fiorina (7.)", "1) The race" — a whole
    /// number below `max_list_marker` alone before a full stop, opening the sentence or after an opening parenthesis,
    /// or before a closing parenthesis that opens nowhere near.
    func listMarker(_ c: FoundClaim) -> Bool {
        guard c.kind == .other, c.unit == nil, c.endTok == c.startTok + 1, isInt(c.startTok),
            t[c.startTok].value < Double(lx.maxListMarker), tight(c.endTok)
        else { return false }
        if isSym(c.endTok, ".") { return c.startTok == base || isSym(c.startTok - 1, "(") }
        // "1) The race", "words, 2) realizes": a closing parenthesis with no opening one in the `list_marker_lookback`
        // tokens before ("(47 to 25)" is no marker)
        guard isSym(c.endTok, ")") else { return false }
        var b = c.startTok - 1
        while b >= max(base, c.startTok - lx.listMarkerLookback) {
            if isSym(b, "(") { return false }
            b -= 1
        }
        return true
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

    /// A number inside a `number_names` name ("the Gang of Eight", "Catch-22", "America First") or a
    /// `number_idioms` idiom ("at one point", "second-guess", "one of a kind"): a phrase starting at most three
    /// tokens before the claim that runs past its first token; the end of that phrase.
    func namedPhraseEnd(_ first: Int) -> Int? {
        var s = max(base, first - 3)
        while s <= first {
            if let m = lx.numberNames.match(t, s, limit), m.end > first { return m.end }
            if let m = lx.numberIdioms.match(t, s, limit), m.end > first { return m.end }
            s += 1
        }
        return nil
    }

    /// One temporal expression written in parts is one claim: "October 14 at 8:00am", "Wednesday from 10-4",
    /// "tuesday of last week", "from April to June in 2017". Neighbouring date and time claims whose gap holds
    /// only `temporal_joiners` (at most three tokens) are joined; a date followed by a time of day takes the time.
    mutating func joinTemporal() {
        guard out.count > 1, !lx.temporalJoiners.isEmpty else { return }
        var joined: [FoundClaim] = []
        for c in out {
            if var last = joined.last, last.kind == .date || last.kind == .time, c.kind == .date || c.kind == .time,
                last.endScalar == nil, c.startTok >= last.endTok, c.startTok - last.endTok <= 3,
                (last.endTok..<c.startTok).allSatisfy({ lx.temporalJoiners.contains(t[$0].lower) }),
                let v = joinedTemporalValue(last.value, c.value, gap: last.endTok..<c.startTok)
            {
                last.endTok = c.endTok
                last.endScalar = c.endScalar
                last.value = v
                if c.kind == .time { last.kind = .time }
                last.recurring = last.recurring || c.recurring
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
                    // "a half-dozen", "a half dozen"
                    let h = isSym(j + 2, "-") && tight(j + 2) && tight(j + 3) ? j + 3 : j + 2
                    if let s = word(h), let sv = lx.scales[s], sv >= 1000 || lx.dozenScales.contains(sv) {
                        return ParsedNumber(value: sv / den, end: h + 1, spelled: true, scale: sv, fraction: true)
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
                if isSym(k, "-"), tight(k), tight(k + 1) { k += 1 }
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
                            || (lx.scales[n].map { !lx.dozenScales.contains($0) } ?? false)
                    {
                        j += 1
                    }
                    continue
                }
                if let s = lx.scales[w] {
                    if !have {
                        // "a billion-dollar deal": a scale word joined to a unit stands for one of that scale
                        let compound =
                            s >= 1000 && isSym(j + 1, "-") && tight(j + 1) && tight(j + 2) && isUnitName(j + 2)
                        guard (w == "hundred" || w == "thousand" || compound) && j == i else { break loop }
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
                    // "114 million and 112 million": a second amount with its own scale is not added to the first
                    if lastWasScale, let s2 = word(j + 2).flatMap({ lx.scales[$0] }), s2 >= lastBigScale, s2 >= 1000 {
                        break loop
                    }
                    if lastWasScale, j + 1 < limit,
                        (t[j + 1].kind == .number && !t[j + 1].decimal) || lx.cardinals[t[j + 1].lower] != nil
                    {
                        if t[j + 1].kind == .number && !lastDigit && spelled == false { break loop }
                        j += 1
                        continue
                    }
                    if spelled, lastTens, let nx = word(j + 1), let nv = lx.cardinals[nx], nv < 10, !lastWasScale {
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
                if tk.lower == "-", have, lastDigit, !lastWasScale, tight(j), j + 1 < limit, tight(j + 1),
                    let n = word(j + 1), let s = lx.scales[n], s >= 1000
                {
                    j += 1
                    continue
                }
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

    /// A word after "1.8m" that makes the "m" metres ("1.8m tall"): `dimension_words`.
    func isDimWord(_ w: String) -> Bool { lx.dimensionWords.contains(w) }

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
                    !m.payload.caps, m.payload.unit != "degC" && m.payload.unit != "degF",
                    m.payload.kind != .money || lx.nameLikeCurrencies.contains(t[k].lower)
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

    /// The "per barrel", "/ms", "per share" after a unit at `k` ("per" or a tight "/"): the suffix to append to
    /// the unit ("/bbl", "/share") and the index after it. A counted noun after "per" is taken for measures only
    /// ("$2 per share" stays dollars).
    func perSuffix(_ k: Int, moneyBefore: Bool) -> (String, Int)? {
        let per = word(k).map { lx.perWords.contains($0) } ?? false
        guard per || (isSym(k, "/") && tight(k)), k + 1 < limit else { return nil }
        if let (u2, e2) = unitAfter(k + 1, attachedOK: false), u2.kind != .money {
            return ("/" + u2.unit, e2)
        }
        if per, !moneyBefore, let w = word(k + 1), !lx.stopwords.contains(w) {
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
        guard let w = word(k), lx.rateWords.contains(w), let a = word(k + 1),
            lx.oneWords.contains(a) || lx.perWords.contains(a),
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
    func partitiveNoun(_ k: Int, part: Double) -> (Int, String)? {
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
        guard linked else { return nil }
        if let (e, noun) = countedNoun(m, value: 2) { return (e, noun) }
        // "44 of the 50 delegates": the part counts the noun of the whole, and ends before "of" (the whole is a
        // claim of its own)
        guard m < limit, isNum(m) || lx.cardinals[t[m].lower] != nil, let d = parseNumber(m, money: false),
            !d.label, !d.ordinal, !d.fraction, d.value > part, let (_, noun) = countedNoun(d.end, value: d.value)
        else { return nil }
        return (k, noun)
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
    func countedNoun(_ k0: Int, value: Double) -> (Int, String)? {
        // "five more soldiers": a comparative before the noun is stepped over (`count_lead_words`)
        let k = (word(k0).map { lx.countLeadWords.contains($0) } ?? false) && word(k0 + 1) != nil ? k0 + 1 : k0
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
            // "four Super Tuesday states": a capitalised day inside a name before the plural
            let dayInName = t[j].capitalized && words > 0 && pluralAhead(j + 1)
            if (lx.stopwords.contains(w) && !inCompound) || lx.cardinals[w] != nil || lx.scales[w] != nil
                || lx.months[w] != nil
                || (lx.weekdays[w] != nil && !dayInName) || isUnitName(j)
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
            // "five Dallas police officers": a name ending in "s" before the noun it modifies
            if !compound, t[j - 1].capitalized, words < 4, lx.looksPlural(w), pluralAhead(j) { continue }
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

    /// Whether a plural lower-case word follows within two words from `j` ("Dallas police officers").
    func pluralAhead(_ j: Int) -> Bool {
        var m = j
        while m < min(limit, j + 2), let w = word(m), !t[m].hasUpper, !lx.stopwords.contains(w), !isUnitName(m) {
            if lx.looksPlural(w) { return true }
            m += 1
        }
        return false
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
