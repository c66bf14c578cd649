/// The quantity grammar of ``ClaimScanner``: an amount at a start token, as a chain of named rules.
///
/// Each rule is a function that either passes (`.next`) or settles the reading (`.done`, with a claim or with none).
/// The type holds no vocabulary: every word list comes from `claims-lexicon.json` or `claims-units.json`, and every
/// confidence from the lexicon's `rule_confidences` (keyed by rule id; a variant of a rule adds a suffix, such as
/// `claims.ordinal.spelled`). Every scan is bounded (a unit in at most four tokens, a counted noun in four words).
///
/// Rules, tried in order at a start token (each names itself in `provenance.rule`):
/// 1. lead-in (``leadIn``): a currency prefix ("$", "US$", "EUR") and a sign ("-5", "minus five"); no rule id.
/// 2. `claims.vague-amount`, `claims.vague-unit`, `claims.vague-count` (``vagueAmount``): "tens of thousands of
///    people" as a range.
/// 3. `claims.few-duration` (``fewDuration``): "a few weeks", "several hours".
/// 4. `claims.one-unit` (``oneUnit``): "an hour", "a week" after a preposition.
/// 5. `claims.one-of-the` (``oneOfThe``): "one of the best wireless speakers" (with a superlative only).
/// 6. `claims.fraction-unit` (``fractionUnit``): "half a mile", "a tenth of a gallon".
/// 7. `claims.fraction-share` (``halfShare``): "almost half of voters" as 50%.
/// 8. the number (``ClaimScanner/parseNumber(_:money:)``); no claim for an identifier (``identifier``: a long plain
///    digit run), an adjective in "zero" (``zeroCompound``: "zero-hours"), or a label glued to letters
///    (``labelBefore``, ``idChain``: "G20", "COVID-19", "123-12-1234").
/// 9. `claims.ratio` (``ratio``): "one in four" as 0.25, "eight in 10" as 80%.
/// 10. `claims.ordinal` for "a third term" (``ordinalFraction``); `claims.date-century`, `claims.ordinal` (``ordinal``):
///     "the 19th century", "the fourth time"; no claim for an ordinal in a name or an adverb ("First, ...", "was
///     first reported").
/// 11. unit attachment (``attachUnit``): `claims.money-prefix` (a currency before the number), `claims.unit` (a unit
///     after it); then minor units, measures in parts (``compositeMeasure``), feet and inches, "per" and "an hour"
///     suffixes (``unitTail``), points in a margin as percentage points (``pointMargin``).
/// 12. with no unit (``bareNumber``): years (`claims.decade` in four digits or two, ``decade``; `claims.year-spelled`, `claims.year-range`,
///     `claims.date-quarter`, `claims.year`; ``yearRules``), labels and addresses that are no claim
///     (``labelRules``), ages (`claims.age`; ``ageRules``), then what the number counts (``countRules``):
///     `claims.rate`, `claims.fraction-share`, `claims.unit-after-adjective`, `claims.count-compound`,
///     `claims.count`, `claims.count-partitive`, `claims.unit-of-whole`, `claims.count-parent`; otherwise
///     `claims.number` (a lone "one" is none).
/// 13. `claims.range` (``rangeAfter``): "$3 billion to $5 billion", "between 5 and 10", "20-35%".
/// 14. equivalents (``equivalentAfter``): "$75 billion (£58 billion)".
extension ClaimScanner {
    /// What a rule decided: pass to the next rule, or settle the reading (with a claim, with none, or with no
    /// quantity at all).
    enum Outcome {
        case next
        /// (Boxed: each rule's `.next` is then one word, not a whole claim copied back through every rule.)
        indirect case done(QuantityResult?)
    }

    /// The state of one reading, handed from rule to rule.
    struct Reading {
        /// The token the reading began at (a qualifier before it is not part of it).
        var i: Int
        var prefix: ClaimLexicon.UnitInfo?
        var negative = false
        var num = ParsedNumber(value: 0, end: 0)
        var numStart = 0
        var k = 0
        var start = 0
        var unit: ClaimLexicon.UnitInfo?
        var unitStr: String?
        var kind: Claim.Kind = .other
        var rule = "claims.number"
        var conf = 0.0
    }

    /// The confidence of a rule (or of a variant of it), from `rule_confidences`.
    @inline(__always) func conf(_ rule: String) -> Double { lx.ruleConfidences[rule] ?? 0.5 }

    /// Reads a quantity starting at token `i`.
    func parseQuantity(_ i: Int) -> QuantityResult? {
        quantityCore(i, allowRange: true)
    }

    func quantityCore(_ i: Int, allowRange: Bool) -> QuantityResult? {
        var r = Reading(i: i)
        let j = leadIn(&r)
        if r.prefix == nil {
            if !r.negative, case .done(let q) = vagueAmount(i, j) { return q }
            if case .done(let q) = fewDuration(i, j) { return q }
            if case .done(let q) = oneUnit(i, j) { return q }
            if case .done(let q) = oneOfThe(j) { return q }
            if !r.negative, case .done(let q) = fractionUnit(i, j) { return q }
            if !r.negative, case .done(let q) = halfShare(j) { return q }
        }
        guard var num = parseNumber(j, money: r.prefix != nil) else { return nil }
        if num.label { return QuantityResult(claim: nil, endTok: num.end) }
        if case .done(let q) = identifier(j, num) { return q }
        if case .done(let q) = zeroCompound(num) { return q }
        if r.negative { num.value = -num.value }
        r.num = num
        r.numStart = j
        r.k = num.end
        r.start = r.negative || r.prefix != nil ? i : j
        if case .done(let q) = labelBefore(r) { return q }
        if case .done(let q) = idChain(r) { return q }
        if case .done(let q) = ratio(r) { return q }
        if case .done(let q) = ordinalFraction(r) { return q }
        if case .done(let q) = ordinal(r) { return q }
        r.unit = r.prefix
        r.conf = conf("claims.number")
        attachUnit(&r)
        if let u = r.unit {
            unitTail(&r, u)
            pointMargin(&r)
        } else if case .done(let q) = bareNumber(&r, allowRange: allowRange) {
            return q
        }
        var claim = FoundClaim(
            startTok: r.start, endTok: r.k, value: .number(r.num.value), valueMax: r.num.vagueMax.map { .number($0) },
            unit: r.unitStr, kind: r.kind, qualifier: nil, rule: r.rule, confidence: r.conf, evidence: nil)
        claim.qualifier = qualifierBefore(r.start).0
        claim.scaled = r.num.scale >= 1000
        if allowRange, claim.kind != .date, r.k + 1 < limit { rangeAfter(&claim, &r) }
        if claim.rule == "claims.number", loneOne(r) { return QuantityResult(claim: nil, endTok: r.k) }
        if let q = equivalentAfter(&claim, r.k) { return q }
        return QuantityResult(claim: claim, endTok: r.k)
    }

    // MARK: 1. lead-in

    /// A currency prefix and a sign before the number; returns the token the number (or amount word) starts at.
    func leadIn(_ r: inout Reading) -> Int {
        var j = r.i
        if let p = lx.currencyPrefixes.match(t, j, limit), p.end < limit,
            t[p.end].kind == .number || (isSym(p.end, "-") && isNum(p.end + 1))
        {
            let letters = t[j].kind == .word && p.end == j + 1
            if !letters || !t[p.end].spaceBefore || t[j].allCaps || t[j].capitalized {
                // a letter code before a number must not be a word of the sentence ("in 2019")
                let first = t[j]
                let articleLike =
                    first.kind == .word && first.lower.count == 1 && p.end > j + 1
                    && !tight(j + 1)
                    && (lx.stopwords.contains(first.lower) || lx.possessiveLetters.contains(first.lower))
                if !(letters && t[j].lower.count <= 2 && t[p.end].spaceBefore && !t[j].allCaps
                    && !lx.spacedCurrencyCodes.contains(t[j].lower)) && !articleLike
                {
                    r.prefix = p.payload
                    j = p.end
                }
            }
        }
        // "plus or minus 3.4 points", "+/-3": a margin either way, no sign (`plus_minus_phrases`)
        let plusMinus = j < limit && lx.plusMinusPhrases.matchEnding(t, j + 1, base) != nil
        if plusMinus {
        } else if isSym(j, "-") || isSym(j, "\u{2212}"), isNum(j + 1), tight(j + 1),
            j == base || t[j].spaceBefore || isSym(j - 1, "(") || r.prefix != nil
        {
            r.negative = true
            j += 1
        } else if let w = word(j), lx.negativeWords.contains(w), j + 1 < limit,
            isNum(j + 1) || lx.cardinals[t[j + 1].lower] != nil
        {
            r.negative = true
            j += 1
        } else if let w = word(j), lx.negativeWords.contains(w), isSym(j + 1, "-"), tight(j + 1), isNum(j + 2),
            tight(j + 2)
        {
            r.negative = true
            j += 2
        }
        if r.prefix == nil, let p = lx.currencyPrefixes.match(t, j, limit), p.end < limit, t[p.end].kind == .number,
            t[j].kind == .symbol
        {
            r.prefix = p.payload
            j = p.end
        }
        return j
    }

    // MARK: 2–6. amounts without a leading number

    /// `claims.vague-amount`, `claims.vague-unit`, `claims.vague-count`: "tens of thousands of people",
    /// "millions of dollars", "hundreds of thousands marched".
    func vagueAmount(_ i: Int, _ j: Int) -> Outcome {
        guard let w = word(j), let (lo0, hi0) = lx.vague[w] else { return .next }
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
        let bare = make(i, k, .number(lo), .number(hi), nil, "claims.vague-amount", conf("claims.vague-amount"), nil)
        // "millions more employees": a `count_lead_words` word between the amount and its noun
        if let w = word(k), lx.countLeadWords.contains(w), let (e, noun) = countedNoun(k, value: 2) {
            var c = make(i, e, .number(lo), .number(hi), nil, "claims.vague-count", conf("claims.vague-count"), nil)
            c.unit = noun
            c.kind = .count
            return .done(QuantityResult(claim: c, endTok: e))
        }
        guard word(k) == "of" else { return .done(QuantityResult(claim: compound ? bare : nil, endTok: k)) }
        if let (u, e) = unitAfter(k + 1, attachedOK: false) {
            return .done(
                QuantityResult(
                    claim: make(i, e, .number(lo), .number(hi), u, "claims.vague-unit", conf("claims.vague-unit"), nil),
                    endTok: e))
        }
        if let (e, noun) = countedNoun(k + 1, value: 2) {
            var c = make(i, e, .number(lo), .number(hi), nil, "claims.vague-count", conf("claims.vague-count"), nil)
            c.unit = noun
            c.kind = .count
            return .done(QuantityResult(claim: c, endTok: e))
        }
        return .done(QuantityResult(claim: compound ? bare : nil, endTok: k))
    }

    /// `claims.few-duration`: "a few minutes", "several weeks".
    func fewDuration(_ i: Int, _ j: Int) -> Outcome {
        guard let f = lx.few.match(t, j, limit), let (u, e) = unitAfter(f.end, attachedOK: false), u.kind == .duration
        else { return .next }
        return .done(
            QuantityResult(
                claim: make(i, e, .number(f.payload), nil, u, "claims.few-duration", conf("claims.few-duration"), nil),
                endTok: e))
    }

    /// `claims.one-unit`: "an hour", "a day", "another week" — one of a time unit, kept only after a preposition or
    /// another stop word ("in an hour"), or with a fraction ("an hour and a half").
    func oneUnit(_ i: Int, _ j: Int) -> Outcome {
        guard let w = word(j), lx.oneWords.contains(w) || lx.oneUnitWords.contains(w), j + 1 < limit,
            !t[j + 1].hasUpper, let (u, e) = unitAfter(j + 1, attachedOK: false), u.kind == .duration,
            !(word(j + 1).map { lx.oneUnitExcludedWords.contains($0) } ?? false),
            !lx.oneUnitExcludedUnits.contains(u.unit),
            // "a months-long review": a plural joined to an adjective is no single unit
            !(e == j + 2 && lx.looksPlural(t[j + 1].lower))
        else { return .next }
        if word(e) == "and", let (f, fe) = fractionPhrase(e + 1) {
            return .done(
                QuantityResult(
                    claim: make(
                        i, fe, .number(1 + f), nil, u, "claims.one-unit", conf("claims.one-unit.fraction"), nil),
                    endTok: fe))
        }
        if i > base, let p = word(i - 1), lx.stopwords.contains(p) || lx.oneUnitBefore.contains(p) {
            return .done(
                QuantityResult(
                    claim: make(i, e, .number(1), nil, u, "claims.one-unit", conf("claims.one-unit"), nil), endTok: e))
        }
        return .done(nil)
    }

    /// `claims.one-of-the`: "one of the best wireless speakers" counts "good wireless speaker" — only with a
    /// superlative before the plural (NewsQuant's convention); "one of the lobbying firms" is no amount, and the
    /// words after "one" are read on their own ("one of the two major parties" counts two).
    func oneOfThe(_ j: Int) -> Outcome {
        guard let m = lx.oneOfPhrases.match(t, j, limit) else { return .next }
        var k = m.end
        var superlative = false
        while k < limit, k < j + 10, let w = word(k) {
            if lx.isSuperlative(w) { superlative = true }
            if lx.looksPlural(w), k > m.end {
                guard superlative else { break }
                var c = make(j, k + 1, .number(1), nil, nil, "claims.one-of-the", conf("claims.one-of-the"), nil)
                c.kind = .count
                c.unit = nounPhrase(m.end, k + 1)
                return .done(QuantityResult(claim: c, endTok: k + 1))
            }
            k += 1
        }
        return .done(QuantityResult(claim: nil, endTok: j + 1))
    }

    /// `claims.fraction-unit`: a fraction of one unit, "half a mile", "half-litre", "a tenth of a gallon", "quarter
    /// of an hour".
    func fractionUnit(_ i: Int, _ j0: Int) -> Outcome {
        // "a tenth of a gallon", "a quarter mile"
        let j =
            (word(j0).map { lx.oneWords.contains($0) } ?? false)
                && (word(j0 + 1).map { lx.fractions[$0] != nil } ?? false)
            ? j0 + 1 : j0
        guard let w = word(j), let den = lx.fractions[w], den > 1, !(j > base && isNum(j - 1)),
            // "two and a half years" is read by the number; "the eighth decade" is an ordinal
            j > j0 || !(word(j - 1).map { $0 == "and" || lx.oneWords.contains($0) } ?? false),
            !(isSym(j0 - 1, "-") && tight(j0))
        else { return .next }
        if lx.ordinals[w] != nil, word(j + 1) != "of" { return .next }
        var k = j + 1
        if isSym(k, "-"), tight(k), tight(k + 1) {
            k += 1
        } else {
            if word(k) == "of" { k += 1 }
            if let a = word(k), lx.oneWords.contains(a) { k += 1 }
        }
        guard k < limit, let (u, e) = unitAfter(k, attachedOK: false), u.kind == .measure || u.kind == .duration,
            // "in half an hour" is a time to come, for the date rules
            u.kind != .duration || !(word(i - 1).map { lx.datePrepositions.contains($0) } ?? false)
        else {
            return .next
        }
        return .done(
            QuantityResult(
                claim: make(i, e, .number(1 / den), nil, u, "claims.fraction-unit", conf("claims.fraction-unit"), nil),
                endTok: e))
    }

    /// `claims.fraction-share`: "almost half of which" (not "the first half of", "the upper half of":
    /// `part_modifiers`).
    func halfShare(_ j: Int) -> Outcome {
        guard let w = word(j), let den = lx.fractions[w], den == 2, lx.ordinals[w] == nil, shareOf(j + 1) else {
            return .next
        }
        let p = word(j - 1)
        if p == nil
            || !(lx.partModifiers.contains(p!) || lx.partitiveDeterminers.contains(p!) || lx.ordinals[p!] != nil
                || lx.relativeModifiers.byFirst[p!] != nil || lx.oneWords.contains(p!))
        {
            var c = make(
                j, j + 1, .number(100 / den), nil, nil, "claims.fraction-share", conf("claims.fraction-share.half"), nil
            )
            c.kind = .percent
            c.unit = "%"
            return .done(QuantityResult(claim: c, endTok: j + 1))
        }
        return .next
    }

    // MARK: 7. labels around the number

    /// Labels: "Radio 4", "G20", "COVID-19", "Game 2", "No. 5" — digits glued to a word before them.
    func labelBefore(_ r: Reading) -> Outcome {
        guard r.prefix == nil, !r.num.spelled, r.numStart > base else { return .next }
        let p = r.numStart - 1 - (r.negative ? 1 : 0)
        guard p >= base else { return .next }
        if t[p].kind == .word && !t[p + 1].spaceBefore && !lx.numberPrefixes.contains(t[p].lower) {
            return .done(QuantityResult(claim: nil, endTok: r.k))
        }
        if r.negative, t[p].kind == .word, tight(p + 1), !lx.numberPrefixes.contains(t[p].lower) {
            return .done(QuantityResult(claim: nil, endTok: r.k))
        }
        if isSym(p, "-"), tight(p), p - 1 >= base, t[p - 1].kind == .word, tight(p),
            !lx.numberPrefixes.contains(t[p - 1].lower), !lx.rangeJoiners.contains(t[p - 1].lower)
        {
            return .done(QuantityResult(claim: nil, endTok: r.k))
        }
        return .next
    }

    /// An identifier, no claim: a plain run of more than `max_plain_digits` digits ("771157278636507136", a post id).
    func identifier(_ j: Int, _ num: ParsedNumber) -> Outcome {
        guard isNum(j), !t[j].grouped, !t[j].decimal, t[j].intDigits > lx.maxPlainDigits else { return .next }
        var e = j + 1
        while e < limit, !t[e].spaceBefore { e += 1 }
        return .done(QuantityResult(claim: nil, endTok: e))
    }

    /// "zero-hours contracts", "zero-sum": "zero" joined to a word by a hyphen is an adjective, no claim.
    func zeroCompound(_ num: ParsedNumber) -> Outcome {
        guard num.spelled, num.value == 0, isSym(num.end, "-"), tight(num.end), word(num.end + 1) != nil,
            tight(num.end + 1)
        else { return .next }
        return .done(QuantityResult(claim: nil, endTok: num.end + 2))
    }

    /// ID-like chains: 123-12-1234.
    func idChain(_ r: Reading) -> Outcome {
        let k = r.k
        guard isSym(k, "-"), tight(k), isNum(k + 1), tight(k + 1), isSym(k + 2, "-"), tight(k + 2) else { return .next }
        var e = k
        while e < limit, !t[e].spaceBefore || e == k { e += 1 }
        return .done(QuantityResult(claim: nil, endTok: e))
    }

    // MARK: 8–9. ratios and ordinals

    /// `claims.ratio`: "one in four", "3 out of 10" as a value below one.
    func ratio(_ r: Reading) -> Outcome {
        let num = r.num
        let numStart = r.numStart
        // "one-in-five voters": the ratio written as one compound
        let hyphened =
            isSym(r.k, "-") && tight(r.k) && tight(r.k + 1) && isSym(r.k + 2, "-") && tight(r.k + 2)
            && tight(r.k + 3)
        let k = hyphened ? r.k + 1 : r.k
        let second = hyphened ? k + 2 : k + 1
        guard !num.ordinal, num.scale == 1, !num.fraction, let w = word(k), lx.ratioWords.contains(w),
            isNum(numStart) ? isInt(numStart) : num.spelled, num.value >= 1, num.value < 100,
            let d = parseNumber(second, money: false), !d.ordinal, !d.label, d.scale == 1, d.value > num.value,
            d.value <= 1000, unitAfter(d.end, attachedOK: false) == nil,
            lx.ratioWordsBeforeNoun.contains(w) || countedNoun(d.end, value: d.value) == nil,
            !(isNum(second) && t[second].intDigits == 4),
            !lx.ratioWordsSameForm.contains(w) || num.spelled == d.spelled || lx.ratioBases.contains(d.value)
        else { return .next }
        // "eight in 10 voters", "three in 100": a share of a round base is a percentage
        if lx.ratioWordsSameForm.contains(w), lx.ratioBases.contains(d.value) {
            var c = make(
                r.start, d.end, .number(num.value / d.value * 100), nil, nil, "claims.ratio", conf("claims.ratio"), nil)
            c.kind = .percent
            c.unit = "%"
            return .done(QuantityResult(claim: c, endTok: d.end))
        }
        let c = make(r.start, d.end, .number(num.value / d.value), nil, nil, "claims.ratio", conf("claims.ratio"), nil)
        return .done(QuantityResult(claim: c, endTok: d.end))
    }

    /// `claims.ordinal` for "a third" before a noun: "a third term", "a third Obama term" are ordinals, not a
    /// share (a qualifier before it, "of" or a `share_verbs` word after it keep the share: "about a third said").
    func ordinalFraction(_ r: Reading) -> Outcome {
        let j = r.numStart
        guard r.num.fraction, r.num.spelled, r.num.end == j + 2, r.prefix == nil, !r.negative,
            let a = word(j), lx.oneWords.contains(a), let fw = word(j + 1), let v = lx.ordinals[fw],
            let nw = word(r.num.end), !lx.stopwords.contains(nw), !lx.shareVerbs.contains(nw),
            lx.scales[nw] == nil, unitAfter(r.num.end, attachedOK: false) == nil, qualifierBefore(j).0 == nil
        else { return .next }
        // "a Third Eye Blind concert": a capitalised ordinal before a capitalised word is a name
        if t[j + 1].capitalized, t[r.num.end].capitalized { return .done(QuantityResult(claim: nil, endTok: j + 2)) }
        var c = make(
            j + 1, j + 2, .number(v), nil, nil, "claims.ordinal", conf("claims.ordinal.spelled"), nil)
        c.kind = .ordinal
        return .done(QuantityResult(claim: c, endTok: j + 2))
    }

    /// `claims.date-century` ("the 19th century") and `claims.ordinal` ("the fourth time").
    func ordinal(_ r: Reading) -> Outcome {
        let num = r.num
        let k = r.k
        guard num.ordinal else { return .next }
        if let w = word(k), lx.centuryWords.contains(w), num.value >= 1, num.value <= 30 {
            let y0 = (Int(num.value) - 1) * 100
            var c = make(
                r.start, k + 1,
                .text("(\(ClaimCalendar.pad(y0, 4))-01-01,\(ClaimCalendar.pad(y0 + 100, 4))-01-01,P100Y)"), nil, nil,
                "claims.date-century", conf("claims.date-century"), nil)
            c.kind = .date
            return .done(QuantityResult(claim: c, endTok: k + 1))
        }
        // An ordinal inside a name counts nothing an editor checks: "the Second Amendment", "the 5th Circuit",
        // "First Lady", and the `ordinal_names` phrases written in lower case ("the first lady", "first hand").
        // (A capitalised word after a lower-case ordinal is an adjective: "the first Republican debate".)
        if word(k) != nil, t[k].capitalized, isNum(r.numStart) || (r.numStart > base && t[r.numStart].capitalized) {
            return .done(QuantityResult(claim: nil, endTok: k))
        }
        if let n = lx.ordinalNames.match(t, r.numStart, limit) {
            return .done(QuantityResult(claim: nil, endTok: n.end))
        }
        // "between 103rd and 104th streets": an ordinal in figures before a plural `street_words` word names streets
        let streets = { (j: Int) in
            word(j).map { lx.looksPlural($0) && lx.streetWords.contains(lx.singular($0)) } ?? false
        }
        // (also the first of two joined by a `street_ordinal_joiners` word: "between 41st and 42nd streets")
        if isNum(r.numStart),
            streets(k)
                || (word(k).map { lx.streetOrdinalJoiners.contains($0) } ?? false) && isNum(k + 1)
                    && (word(k + 2).map { lx.ordinalSuffixes.contains($0) } ?? false) && tight(k + 2) && streets(k + 3)
        {
            return .done(QuantityResult(claim: nil, endTok: k))
        }
        // "Sanders first touched down", "a claim first made by": an `adverb_ordinals` word with no determiner before
        // it and a past form after it (`adverb_ordinal_suffixes`) says when, not which
        if num.spelled, let w = word(r.numStart), lx.adverbOrdinals.contains(w), !t[r.numStart].hasUpper,
            !(word(r.numStart - 1).map { lx.partitiveDeterminers.contains($0) || lx.oneWords.contains($0) } ?? false),
            !(r.numStart - 1 >= base && t[r.numStart - 1].kind == .word
                && lx.possessiveLetters.contains(t[r.numStart - 1].lower)),
            let v = word(k),
            lx.adverbOrdinalSuffixes.contains(where: { v.hasSuffix($0) }) || lx.irregularPastForms.contains(v),
            !lx.stopwords.contains(v)
        {
            return .done(QuantityResult(claim: nil, endTok: k))
        }
        // "First, the bill ...": a spelled ordinal opening a sentence (or after a `discourse_ordinal_openers` mark)
        // before a `discourse_ordinal_marks` mark is an adverb that orders the argument
        let opens = r.numStart == base || lx.discourseOrdinalOpeners.contains(t[r.numStart - 1].lower)
        if num.spelled, opens, k < limit, t[k].kind == .symbol, lx.discourseOrdinalMarks.contains(t[k].lower) {
            return .done(QuantityResult(claim: nil, endTok: k))
        }
        var c = make(
            r.start, k, .number(num.value), nil, nil, "claims.ordinal",
            num.spelled ? conf("claims.ordinal.spelled") : conf("claims.ordinal"), nil)
        c.kind = .ordinal
        return .done(QuantityResult(claim: c, endTok: k))
    }

    // MARK: 10. units

    /// `claims.money-prefix` and `claims.unit`: the currency before the number, or a unit after it; a unit read
    /// inside the number ("1.8m") otherwise.
    func attachUnit(_ r: inout Reading) {
        if r.prefix != nil {
            // "$76 US", "$ 75 million"
            if let w = word(r.k), let s = lx.scales[w], s >= 1000, r.num.scale == 1 {
                r.num.value *= s
                r.num.scale = s
                r.k += 1
            }
            if let w = word(r.k), lx.currencyCountrySuffixes.contains(w), t[r.k].allCaps { r.k += 1 }
            if let p = r.prefix, p.scale != 1 {
                r.num.value *= p.scale
                r.num.scale = p.scale
            }
            r.rule = "claims.money-prefix"
            r.conf = conf("claims.money-prefix")
        } else if let (u, e) = unitAfter(r.k, attachedOK: !r.num.spelled) {
            // "a six-month delay": a spelled number joined to its unit is an adjective an editor rarely checks
            let adjective = r.num.spelled && !isNum(r.numStart) && isSym(r.k, "-") && tight(r.k)
            r.unit = u
            r.k = e
            r.rule = "claims.unit"
            r.conf = adjective ? conf("claims.unit.spelled-compound") : conf("claims.unit")
            if u.scale != 1 {
                r.num.value *= u.scale
                r.num.scale = u.scale
            }
            if let s = lx.scaledUnits[u.unit], r.num.scale >= s.minScale { r.unit = s.info }
            if u.kind == .money, let w = word(r.k), let s = lx.scales[w], s >= 1000, r.num.scale == 1 {
                r.num.value *= s
                r.num.scale = s
                r.k += 1
            }
        } else if let u = r.num.unit {
            r.unit = u
        }
    }

    /// After a unit: its kind; minor units ("thirteen dollars and forty-five cents"), compound durations ("1 hour
    /// and 30 minutes"), feet and inches ("5 feet 2 inches"), and "per" suffixes ("$60 per barrel").
    func unitTail(_ r: inout Reading, _ u: ClaimLexicon.UnitInfo) {
        r.unitStr = u.unit
        switch u.kind {
        case .money: r.kind = .money
        case .percent: r.kind = .percent
        case .measure: r.kind = .measure
        case .duration: r.kind = durationKind
        case .count: r.kind = .count
        }
        // Minor units: "thirteen dollars and forty-five cents", "15 dollars 50"
        if u.kind == .money, !lx.minorUnits.contains(u.unit) {
            var m = r.k
            if word(m) == "and" { m += 1 }
            if m < limit, isNum(m) || lx.cardinals[t[m].lower] != nil,
                let c = parseNumber(m, money: true), c.value < 100, !c.label, c.scale == 1, !c.ordinal
            {
                var e = c.end
                var ok = false
                if let (cu, ce) = unitAfter(e, attachedOK: false), lx.minorUnits.contains(cu.unit) {
                    e = ce
                    ok = true
                } else if e >= limit || (t[e].kind == .symbol && lx.currencyPrefixes.match(t, e, limit) == nil) {
                    // "15 dollars 50." reads as cents; "50 dollar 40 rmb" does not
                    ok = unitAfter(e, attachedOK: true) == nil
                }
                if ok {
                    r.num.value += (r.negative ? -1 : 1) * c.value / 100
                    r.k = e
                }
            }
        }
        compositeMeasure(&r, u)
        // "12 ft 2 in", "5 feet 2 inches"
        let k2 = r.k
        if u.unit == "ft", isInt(k2), let (u2, e2) = unitAfter(k2 + 1, attachedOK: true), u2.unit == "in" {
            r.num.value += t[k2].value / 12
            r.k = e2
        } else if u.unit == "ft", isInt(k2), word(k2 + 1) == "in", k2 + 2 >= limit || t[k2 + 2].kind != .word {
            r.num.value += t[k2].value / 12
            r.k = k2 + 2
        }
        // "per barrel", "per share", "/ms"
        let k3 = r.k
        if (word(k3).map { lx.perWords.contains($0) } ?? false) || (isSym(k3, "/") && tight(k3)), k3 + 1 < limit {
            if let (per, e2) = perSuffix(k3, moneyBefore: u.kind == .money) {
                r.unitStr = (r.unitStr ?? "") + per
                r.k = e2
            }
        } else if u.kind == .percent || u.kind == .money, let a = word(k3), lx.oneWords.contains(a),
            let (u2, e2) = unitAfter(k3 + 1, attachedOK: false),
            u2.kind == .duration
        {
            r.unitStr = (r.unitStr ?? "") + "/" + u2.unit
            r.k = e2
        }
    }

    /// A lead in points is a margin in percentage points: "a +32 point lead", "an 8-point margin" (`margin_nouns`).
    func pointMargin(_ r: inout Reading) {
        guard r.unitStr == lx.pointUnit, let pp = lx.marginUnit else { return }
        let signed = isSym(r.numStart - 1, "+") && tight(r.numStart)
        var n = r.k
        while n < min(limit, r.k + 3), let w = word(n), !lx.marginNouns.contains(w), !lx.stopwords.contains(w) {
            n += 1
        }
        var margin = word(n).map { lx.marginNouns.contains($0) } ?? false
        // "the margin of error is 3 points", "a lead of 5 points": the margin noun before, within `margin_lookback`
        var b = r.start - 1
        while !margin, b >= max(base, r.start - lx.marginLookback), t[b].kind == .word {
            margin = lx.marginNouns.contains(t[b].lower)
            b -= 1
        }
        if signed || margin {
            r.unit = pp
            r.unitStr = pp.unit
            r.kind = .percent
        }
    }

    /// A measure written in parts is one amount in its smallest unit: "1 hour and 30 minutes", "3 minutes 32
    /// seconds", "7 feet, 10 inches", "2 yards 7 ft 10 inches" (each part of the same `unit_families` family and
    /// smaller than the part before; at most `max_measure_parts` parts).
    func compositeMeasure(_ r: inout Reading, _ u: ClaimLexicon.UnitInfo) {
        var current = u
        var parts = 1
        while parts < lx.maxMeasureParts, let f1 = lx.unitFactors[current.unit] {
            var m = r.k
            if isSym(m, ",") {
                m += 1  // "7 feet, 10 inches" (but "14 days, and 16 hours" is a list)
            } else if word(m) == "and" {
                m += 1
            }
            guard m < limit, isNum(m) || lx.cardinals[t[m].lower] != nil,
                let n2 = parseNumber(m, money: false), !n2.label, !n2.ordinal
            else { return }
            // "1 hour and fifteen": a last part with no unit, at the end of the phrase, is in the next smaller unit
            if let implied = lx.impliedNextUnits[current.unit], let f2 = lx.unitFactors[implied],
                n2.end >= limit || t[n2.end].kind == .symbol, unitAfter(n2.end, attachedOK: true) == nil,
                n2.value < f1.factor / f2.factor
            {
                r.num.value = r.num.value * f1.factor / f2.factor + n2.value
                r.unit = ClaimLexicon.UnitInfo(unit: implied, kind: current.kind)
                r.unitStr = implied
                r.k = n2.end
                return
            }
            guard let (u2, e2) = unitAfter(n2.end, attachedOK: true), let f2 = lx.unitFactors[u2.unit],
                f2.family == f1.family, f2.factor < f1.factor
            else { return }
            r.num.value = ((r.num.value * f1.factor / f2.factor + n2.value) * 1e9).rounded() / 1e9
            r.unit = u2
            r.unitStr = u2.unit
            r.k = e2
            current = u2
            parts += 1
        }
    }

    // MARK: 11. a number with no unit

    /// Years, labels, ages, then what the number counts.
    func bareNumber(_ r: inout Reading, allowRange: Bool) -> Outcome {
        if case .done(let q) = yearRules(&r, allowRange: allowRange) { return .done(q) }
        if case .done(let q) = labelRules(r) { return .done(q) }
        if case .done(let q) = ageRules(&r) { return .done(q) }
        if r.rule == "claims.age" { return .next }
        return countRules(&r)
    }

    /// A `dates.decade_apostrophes` mark at token `k`, written against the token before it.
    func isDecadeMark(_ k: Int) -> Bool {
        k >= base && k < limit && t[k].kind == .symbol && lx.dates.decadeApostrophes.contains(t[k].lower)
    }

    /// `claims.decade`: four digits and a `decade_suffixes` word written against them ("the 1990s"), or with a
    /// `dates.decade_apostrophes` mark between when the decade is round ("the 1970's"; "2016's budget" is a
    /// possessive); two round digits with the suffix after a mark ("the '60s"), or with a mark before the suffix
    /// after a `dates.determiners` word ("the 70's"; "in the 30s" is as often a poll share or an age), in the century
    /// `dates.short_decade_centuries` gives their digits.
    func decade(_ r: Reading) -> QuantityResult? {
        let ns = r.numStart
        let digits = isInt(ns) ? t[ns].intDigits : 0
        guard digits == 4 || digits == 2, r.num.end == ns + 1, !r.negative else { return nil }
        var k = r.num.end
        let marked = isDecadeMark(k) && tight(k)
        if marked { k += 1 }
        guard let w = word(k), lx.decadeSuffixes.contains(w), tight(k) else { return nil }
        let y = Int(r.num.value)
        var start = r.start
        var decadeYear = y
        if digits == 4 {
            guard !marked || y % 10 == 0 else { return nil }
        } else {
            let lead = isDecadeMark(ns - 1) && tight(ns)
            guard y % 10 == 0, lead || (marked && isDeterminer(ns - 1)),
                let century = dw.shortDecadeCenturies[ClaimCalendar.pad(y, 2)] ?? dw.shortDecadeCenturies["default"]
            else { return nil }
            if lead && start == ns { start = ns - 1 }
            decadeYear = century * 100 + y
        }
        var c = make(
            start, k + 1, .text(String(decadeYear / 10) + "X"), nil, nil, "claims.decade", conf("claims.decade"), nil)
        c.kind = .date
        return QuantityResult(claim: c, endTok: k + 1)
    }

    /// `claims.decade` ("the 1990s"), `claims.year-spelled` ("in nineteen ninety six"), `claims.year-range`
    /// ("2014-2018"), `claims.date-quarter` ("2019-Q3"), `claims.year` ("in 2019").
    func yearRules(_ r: inout Reading, allowRange: Bool) -> Outcome {
        let num = r.num
        let numStart = r.numStart
        let k = r.k
        let start = r.start
        let isYearShape = isInt(numStart) && t[numStart].intDigits == 4 && num.end == numStart + 1 && !r.negative
        if let d = decade(r) { return .done(d) }
        let prevWord = word(numStart - 1)
        // `claims.year` for "in '08", "since ’12": two digits after an apostrophe after a
        // `short_year_prepositions` word (below `dates.short_year_pivot` in the 2000s, else the 1900s)
        if isInt(numStart), t[numStart].lower.count == 2, num.end == numStart + 1, !num.spelled, numStart - 2 >= base,
            t[numStart - 1].kind == .symbol, lx.dates.decadeApostrophes.contains(t[numStart - 1].lower),
            tight(numStart), word(numStart - 2).map({ lx.shortYearPrepositions.contains($0) }) ?? false,
            word(k) == nil || t[k].spaceBefore
        {
            let v = Int(num.value)
            let y = v < lx.dates.shortYearPivot ? 2000 + v : 1900 + v
            var c = make(
                numStart - 1, k, .text(ClaimCalendar.pad(y, 4)), nil, nil, "claims.year", conf("claims.year"), nil)
            c.kind = .date
            return .done(QuantityResult(claim: c, endTok: k))
        }
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
                var c = make(
                    start, e, .text(String(Int(y))), nil, nil, "claims.year-spelled", conf("claims.year-spelled"), nil)
                c.kind = .date
                return .done(QuantityResult(claim: c, endTok: e))
            }
        }
        // "1000 to 2000 hires" counts, not years
        let countRange = countRange(numStart)
        // "an average of 1500", "a total of 1990": an amount, not a year
        let amountBefore = prevWord == "of" && (word(numStart - 2).map { lx.amountNouns.contains($0) } ?? false)
        guard isYearShape, num.value >= 1000, num.value <= 2100, !countRange, !amountBefore else { return .next }
        let noun = countedNoun(k, value: num.value)
        let prepBefore = prevWord.map { lx.datePrepositions.contains($0) } ?? false
        // "from 1000 to 2000 hires": the second end of a range of counts
        let rangeEnd = noun != nil && (prevWord == "to" || prevWord == "and")
        // "the 2016 candidates", "his 2014 Senate victories": a year modifying a noun after a determiner
        let yearModifier = num.value >= 1900 && (prevWord.map { lx.partitiveDeterminers.contains($0) } ?? false)
        guard noun == nil || (prepBefore && !rangeEnd) || yearModifier, num.value >= 1900 || prepBefore else {
            return .next
        }
        // "2014-2018"
        if allowRange, isSym(k, "-") || isSym(k, "–"), isInt(k + 1), t[k + 1].intDigits == 4,
            t[k + 1].value > num.value, t[k + 1].value <= 2100
        {
            let y0 = Int(num.value)
            let y1 = Int(t[k + 1].value)
            var c = make(
                start, k + 2, .text("(\(y0)-01-01,\(y1)-01-01,P\(y1 - y0)Y)"), nil, nil,
                "claims.year-range", conf("claims.year-range"), nil)
            c.kind = .date
            return .done(QuantityResult(claim: c, endTok: k + 2))
        }
        var qk = k
        if isSym(qk, "-"), tight(qk) { qk += 1 }
        if let qw = word(qk), lx.quarterLetters.contains(qw) || lx.halfYearLetters.contains(qw), isInt(qk + 1),
            tight(qk + 1)
        {
            let n = Int(t[qk + 1].value)
            let quarter = lx.quarterLetters.contains(qw)
            if (quarter && n >= 1 && n <= 4) || (!quarter && n >= 1 && n <= 2) {
                var c = make(
                    start, qk + 2, .text(quarterRange(Int(num.value), n, months: quarter ? 3 : 6)), nil,
                    nil,
                    "claims.date-quarter", conf("claims.date-quarter"), nil)
                c.kind = .date
                return .done(QuantityResult(claim: c, endTok: qk + 2))
            }
        }
        var c = make(start, k, .text(String(Int(num.value))), nil, nil, "claims.year", conf("claims.year"), nil)
        c.kind = .date
        return .done(QuantityResult(claim: c, endTok: k))
    }

    /// Numbers that name rather than count, no claim: "Radio 4", "49 Zorro Ranch Road", "16-18 Industrial Avenue",
    /// "#3", "No. 5", "a category 4 hurricane", "several hundred or even 1,000".
    func labelRules(_ r: Reading) -> Outcome {
        let num = r.num
        let numStart = r.numStart
        let k = r.k
        let prevWord = word(numStart - 1)
        let none = Outcome.done(QuantityResult(claim: nil, endTok: k))
        // Labels before a bare integer: "Radio 4", "Game 2", "Model 3"
        if !num.spelled, numStart > base, t[numStart - 1].kind == .word, t[numStart - 1].hasUpper,
            let pw = prevWord, !lx.stopwords.contains(pw), lx.qualifiers.match(t, numStart - 1, limit) == nil,
            lx.months[pw] == nil, !lx.datePrepositions.contains(pw), !lx.ageWords.contains(pw),
            numStart - 1 > base, !isSym(numStart - 2, ".")
        {
            return none
        }
        // "49 Zorro Ranch Road", "9 E 71st St": a bare integer before a name is part of the name
        if !num.spelled, isInt(numStart), num.scale == 1, num.value < 10000, let nw = word(k), t[k].hasUpper,
            lx.months[nw] == nil, lx.weekdays[nw] == nil, countedNoun(k, value: num.value) == nil
        {
            return none
        }
        // "16-18 Industrial Avenue": a range of house numbers
        if !num.spelled, isInt(numStart), num.value < 10000, isSym(k, "-"), tight(k), isInt(k + 1), tight(k + 1),
            let nw = word(k + 2), t[k + 2].capitalized, t[k + 2].spaceBefore, lx.months[nw] == nil,
            lx.weekdays[nw] == nil,
            countedNoun(k + 2, value: 2) == nil, unitAfter(k + 2, attachedOK: false) == nil,
            (k + 2..<min(limit, k + 6)).contains(where: { t[$0].capitalized && lx.streetWords.contains(t[$0].lower) })
        {
            return .done(QuantityResult(claim: nil, endTok: k + 2))
        }
        // "#3", "No. 5", "No. 15-674": a number after a number sign, with the rest of its code
        if isSym(numStart - 1, "#")
            || (isSym(numStart - 1, ".") && (word(numStart - 2).map { lx.numberSignWords.contains($0) } ?? false))
        {
            var e = k
            while e < limit, tight(e), isNum(e) || isSym(e, "-") || isSym(e, "/") { e += 1 }
            return .done(QuantityResult(claim: nil, endTok: e))
        }
        // Lower-case labels: "a category 4 hurricane", "level 3", "season four" (unless a counted noun follows: "the
        // day 20 soldiers left")
        if isInt(numStart) || (num.spelled && num.words == 1), let pw = prevWord, lx.labelWords.contains(pw),
            countedNoun(k, value: num.value) == nil, unitAfter(k, attachedOK: true) == nil
        {
            return none
        }
        // "several hundred or even 1,000": a bare scale word after a vague amount is no number of its own
        if num.spelled, num.words == 1, lx.scales[t[numStart].lower] != nil, numStart > base,
            lx.few.matchEnding(t, numStart, base) != nil, countedNoun(k, value: num.value) == nil
        {
            return none
        }
        return .next
    }

    /// `claims.age`: "age 25", "aged 18 to 34" (a range follows), "over the age of 21"; "Maddon, 66, has".
    func ageRules(_ r: inout Reading) -> Outcome {
        let num = r.num
        let numStart = r.numStart
        let k = r.k
        let prevWord = word(numStart - 1)
        let ageOf = prevWord == "of" && (word(numStart - 2).map { lx.ageWords.contains($0) } ?? false)
        // "as old as 80", "as young as 17" (`age_comparatives`)
        let comparative = lx.ageComparatives.matchEnding(t, numStart, max(base, numStart - 4)) != nil
        if comparative, num.value < 130 {
            r.unit = lx.ageUnit
            r.unitStr = lx.ageUnit.unit
            r.kind = .measure
            r.rule = "claims.age"
            r.conf = conf("claims.age")
        }
        // "voters 45 and older", "voters under 30", "blacks 30 to 44": a bare whole number before an `age_followers`
        // phrase, or after an `age_group_nouns` word (and an `age_group_comparisons` word, or before a rising range)
        let groupBefore = { (j: Int) in word(j).map { lx.ageGroupNouns.contains($0) } ?? false }
        let risingRange =
            (word(k) == "to" || isSym(k, "-") || isSym(k, "\u{2013}")) && isInt(k + 1) && t[k + 1].value > num.value
            && t[k + 1].value <= lx.maxAge && unitAfter(k + 2, attachedOK: true) == nil
        if num.value >= 1, num.value <= lx.maxAge, num.value == num.value.rounded(), r.unit == nil,
            lx.ageFollowers.match(t, k, limit) != nil
                || ((prevWord.map { lx.ageGroupComparisons.contains($0) } ?? false) && groupBefore(numStart - 2))
                || (groupBefore(numStart - 1) && risingRange)
        {
            r.unit = lx.ageUnit
            r.unitStr = lx.ageUnit.unit
            r.kind = .measure
            r.rule = "claims.age"
            r.conf = conf("claims.age.group")
        }
        if let pw = prevWord, lx.ageWords.contains(pw) || ageOf, num.value < 130 {
            if lx.ageWordsInSpan.contains(pw) { r.start = numStart - 1 }
            r.unit = lx.ageUnit
            r.unitStr = lx.ageUnit.unit
            r.kind = .measure
            r.rule = "claims.age"
            r.conf = conf("claims.age")
        }
        // "Maddon, 66, has"
        if !num.spelled, isInt(numStart), num.value > 0, num.value < 120, isSym(numStart - 1, ","),
            numStart - 2 >= base, t[numStart - 2].kind == .word, t[numStart - 2].capitalized,
            k >= limit || isSym(k, ",") || isSym(k, ")") || isSym(k, ";") || (isSym(k, ".") && k + 1 >= limit)
        {
            let c = make(
                r.start, k, .number(num.value), nil, lx.ageUnit, "claims.age", conf("claims.age.apposition"), nil)
            return .done(QuantityResult(claim: c, endTok: k))
        }
        return .next
    }

    /// What a bare number counts, tried in order: `claims.rate` ("78,000 times a minute"), `claims.fraction-share`
    /// ("one fourth of the population"), `claims.unit-after-adjective` ("10 extra kilometres"),
    /// `claims.count-compound` ("a 5,000-seat arena"), `claims.count` ("20 Indian soldiers"),
    /// `claims.count-partitive` ("two of the soldiers", "12 of the 20 seats"), no claim for a lone spelled "one",
    /// `claims.unit-of-whole` ("280 million of the 1.5 billion shekels"), `claims.count-parent` ("a father of six").
    func countRules(_ r: inout Reading) -> Outcome {
        let num = r.num
        let numStart = r.numStart
        let k = r.k
        if let (per, e) = rateAfter(k) {
            r.unitStr = per
            r.kind = .measure
            r.rule = "claims.rate"
            r.conf = conf("claims.rate")
            r.k = e
        } else if num.fraction, num.spelled, num.value > 0, num.value < 1, shareOf(k) {
            // "two-thirds of voters": 66.7%, rounded to `share_decimals` places
            let scale = ClaimTokenizer.pow10(Double(lx.shareDecimals))
            r.num.value = (num.value * 100 * scale).rounded() / scale
            r.unitStr = "%"
            r.kind = .percent
            r.rule = "claims.fraction-share"
            r.conf = conf("claims.fraction-share")
        } else if let w = word(k), !lx.stopwords.contains(w) || lx.countLeadWords.contains(w), !t[k].hasUpper,
            !loneOne(r) || lx.countLeadWords.contains(w),
            let (u, e) = unitAfter(k + 1, attachedOK: false),
            u.kind == .measure
                || (u.kind == .duration && lx.relativeModifiers.byFirst[w] == nil && lx.offsetWords.byFirst[w] == nil)
        {
            r.unit = u
            r.unitStr = u.unit
            r.kind = .measure
            r.rule = "claims.unit-after-adjective"
            r.conf = conf("claims.unit-after-adjective")
            r.k = e
        } else if isSym(k, "-"), tight(k), let w = word(k + 1), tight(k + 1), !lx.stopwords.contains(w),
            lx.cardinals[w] == nil, !(isNum(numStart) && t[numStart].decimal)
        {
            // "a one-party state", "a one-time payment", "a half-term senator": an adjective, no amount
            if loneOne(r) || num.fraction { return .done(QuantityResult(claim: nil, endTok: k + 2)) }
            r.unitStr = lx.singular(w)
            r.kind = .count
            r.rule = "claims.count-compound"
            r.conf = conf("claims.count-compound")
            r.k += 2
        } else if loneOne(r), lx.oneRangeJoiners.contains(word(k) ?? "") {
            // "one or two days": the range rule reads it
        } else if loneOne(r), let (e, _) = countedNoun(k, value: 1), e == k + 1, !lx.looksPlural(t[k].lower),
            !(word(numStart - 1).map { lx.oneCountKeepers.contains($0) } ?? false),
            word(e).map({ lx.stopwords.contains($0) || t[e].hasUpper }) ?? true
        {
            // "one candidate he likes", "One attendee said": an article, not an amount an editor would check
            return .done(QuantityResult(claim: nil, endTok: e))
        } else if let (e, noun) = countedNoun(k, value: num.value) {
            r.unitStr = noun
            r.kind = .count
            r.rule = "claims.count"
            r.conf = conf("claims.count")
            r.k = e
        } else if num.value != 1, let (e, noun) = partitiveNoun(k, part: num.value) {
            r.unitStr = noun
            r.kind = .count
            r.rule = "claims.count-partitive"
            r.conf = conf("claims.count-partitive")
            r.k = e
        } else if loneOne(r) {
            return .done(QuantityResult(claim: nil, endTok: k))
        } else if num.scale >= 1000, let u = wholeUnit(k) {
            r.unitStr = u.unit
            r.kind = u.kind
            r.rule = "claims.unit-of-whole"
            r.conf = conf("claims.unit-of-whole")
        } else if num.scale == 1, num.value == num.value.rounded(), word(numStart - 1) == "of",
            let p = word(numStart - 2), let unit = lx.parentNouns[p]
        {
            // `claims.count-parent`: "a father of six" counts children, "a grandmother of nine" grandchildren
            // (`parent_nouns`)
            r.unitStr = unit
            r.kind = .count
            r.rule = "claims.count-parent"
            r.conf = conf("claims.count-parent")
        }
        return .next
    }

    /// "one" written alone as a word.
    func loneOne(_ r: Reading) -> Bool { r.num.spelled && r.num.value == 1 && r.num.words <= 1 }

    // MARK: 12–13. ranges and equivalents

    /// `claims.range`: "20-35%", "$3 billion to $5 billion", "between 5 and 10", "from 208 pounds to 193", "eight or
    /// nine euros"; not a change and the level it reached ("fell 4p to 250p").
    func rangeAfter(_ claim: inout FoundClaim, _ r: inout Reading) {
        let k = r.k
        let start = r.start
        let opener = word(start - 1)
        let between = opener.map { lx.rangeStartsAnd.contains($0) } ?? false
        let from = opener.map { lx.rangeStarts.contains($0) && !lx.rangeStartsAnd.contains($0) } ?? false
        var joinerOK = false
        // "eight or nine euros": a bare number before "or" and a quantity with a unit
        let orJoiner = (word(k).map { lx.rangeOrJoiners.contains($0) } ?? false) && claim.unit == nil
        var after = k + 1
        if let w = word(k) {
            joinerOK = (w == "and" && between) || lx.rangeWordJoiners.contains(w) || orJoiner
        } else if isSym(k, "-"), tight(k), word(k + 1) == "to", tight(k + 1), isSym(k + 2, "-"), tight(k + 2) {
            // "a 0-to-60-mph time", "the 10-to-15-year range"
            after = k + 3
            joinerOK = true
        } else if isSym(k, "-") || isSym(k, "–") || isSym(k, "—") {
            joinerOK = true
        }
        let byBefore = word(start - 1).map { lx.rangeBlockers.contains($0) } ?? false
        // "fell 4p to 250p", "rose 2% to 9%": a change and the level it reached, not a range
        let changeTo =
            word(k) == "to" && !between && !from
            && (word(qualifierBefore(start).1 - 1).map { lx.changeWords.contains($0) } ?? false)
        guard joinerOK, !byBefore, !changeTo, let r2 = quantityCore(after, allowRange: false), let c2 = r2.claim,
            c2.kind != .date, c2.kind != .ordinal, case .number(let hi) = c2.value
        else { return }
        // "$10,000 to $20,000 a year": the rate written after the second end is the unit of both
        if let u1 = claim.unit, let u2 = c2.unit, u2.hasPrefix(u1 + "/") { claim.unit = u2 }
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
        // "leads 50% to 40%", "lost 54 percent to 46 percent": a score, not a range (only "from" may run down)
        if accept, wordJoiner, !from, case .number(let lo) = claim.value, lo > hi, r.num.scale == 1,
            scaleOf(c2) == nil
        {
            accept = false
        }
        // `claims.score`: "voted 6-1", "a 5-to-4 ruling", "tied 41-41": two numbers joined by a dash, the second not
        // above the first, are a score or a tally, not a range (its numbers are kept in `value` and `value_max`, as
        // NewsQuant writes "2-0"); after a counted noun ("two reasons—1.") such a pair is no amount at all
        let score =
            (!wordJoiner || after == k + 3) && !from && !between && (claim.value.number.map { $0 >= hi } ?? false)
            && r.num.scale == 1 && scaleOf(c2) == nil
        if score, claim.unit != nil, c2.unit == nil { return }
        if accept, case .number(var lo) = claim.value {
            if claim.unit == nil {
                claim.unit = c2.unit
                claim.kind = c2.kind
            }
            if r.num.scale == 1, let s2 = scaleOf(c2), s2 > 1, lo <= hi / s2 { lo *= s2 }
            claim.value = .number(lo)
            claim.valueMax = .number(hi)
            claim.endTok = c2.endTok
            claim.rule = score ? "claims.score" : "claims.range"
            if score { claim.confidence = conf("claims.score") }
            if between || from { claim.qualifier = nil }
            r.k = c2.endTok
        }
    }

    /// Equivalents: "$75 billion (£58 billion)", "87 mph (140 km/h)": the amount in parentheses joins the claim.
    func equivalentAfter(_ claim: inout FoundClaim, _ k: Int) -> QuantityResult? {
        guard isSym(k, "("), claim.kind == .money || claim.kind == .measure else { return nil }
        var m = k + 1
        if let w = word(m), lx.equivalentOpeners.contains(w) { m += 1 }
        guard let r = quantityCore(m, allowRange: false), let c2 = r.claim, c2.kind == claim.kind,
            isSym(c2.endTok, ")"),
            case .number(let v2) = c2.value
        else { return nil }
        claim.equivalents.append(
            FoundClaim.Equiv(start: t[c2.startTok].start, end: t[c2.endTok - 1].end, value: v2, unit: c2.unit))
        return QuantityResult(claim: claim, endTok: c2.endTok + 1)
    }
}
