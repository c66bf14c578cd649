/// What a claim measures (its subject) and which way it moves (its change), read from the words around it.
///
/// Works on the tokens of one sentence after ``ClaimScanner`` has found its claims, with bounded scans only (at most
/// `max_verb_gap` tokens to the left and `max_subject_words` words for a noun phrase), so the cost per claim is
/// constant. The word lists are data in `claims-context.json`; this type holds no vocabulary of its own.
///
/// Subject rules, tried in order (each names itself in `subject.rule`):
/// - `claims.subject-counted`: a count's own counted noun ("20 Indian soldiers" → "Indian soldiers").
/// - `claims.subject-of`: the noun phrase after "of" ("40% of voters" → "voters").
/// - `claims.subject-modified`: an amount used as a modifier after a determiner ("a $10 billion contract" →
///   "contract"); a change noun hands over to what changes ("a 5% rise in sales" → "sales").
/// - `claims.subject-noun-of`: a noun phrase before "of" or "at" ("a jobless rate of 4.1%" → "jobless rate").
/// - `claims.subject-verb`: the noun phrase before a linking or trend verb on the left ("The company is worth $75
///   billion" → "company"; "Revenue rose 5% to $3 billion" → "Revenue" for both amounts).
///
/// Change: `up` or `down` when a trend verb governs the amount ("rose 5%", "fell by 3%", "up 19 cents") or a change
/// noun follows it ("a 5% increase"); an amount introduced by a level preposition ("to $3 billion", "from 4%") is the
/// level reached, not the change, and gets none.
struct ClaimContext {
    /// The JSON shape of `claims-context.json`.
    struct LexiconFile: Decodable {
        var determiners: [String]
        var boundaries: [String]
        var auxiliaries: [String]
        var linkingVerbs: [String]
        var upWords: [String]
        var downWords: [String]
        var neutralChangeWords: [String]
        var upNouns: [String]
        var downNouns: [String]
        var changePrepositions: [String]
        var levelPrepositions: [String]
        var ofWords: [String]
        var restatementWords: [String]
        var changeNounPrepositions: [String]
        var nounLevelPrepositions: [String]
        var pastSuffixes: [String]
        var particles: [String]
        var maxSubjectWords: Int
        var maxVerbGap: Int

        enum CodingKeys: String, CodingKey {
            case determiners, boundaries, auxiliaries
            case linkingVerbs = "linking_verbs"
            case upWords = "up_words"
            case downWords = "down_words"
            case neutralChangeWords = "neutral_change_words"
            case upNouns = "up_nouns"
            case downNouns = "down_nouns"
            case changePrepositions = "change_prepositions"
            case levelPrepositions = "level_prepositions"
            case ofWords = "of_words"
            case restatementWords = "restatement_words"
            case changeNounPrepositions = "change_noun_prepositions"
            case nounLevelPrepositions = "noun_level_prepositions"
            case pastSuffixes = "past_suffixes"
            case particles
            case maxSubjectWords = "max_subject_words"
            case maxVerbGap = "max_verb_gap"
        }
    }

    /// The lexicon indexed for lookups (a class: shared by every sentence's context, not copied).
    final class Lexicon: Sendable {
        let determiners: WordSet
        let boundaries: WordSet
        let auxiliaries: WordSet
        let linkingVerbs: WordSet
        let upWords: WordSet
        let downWords: WordSet
        /// Every verb of change, with or without a direction ("rose", "fell", "edged").
        let changeVerbs: WordSet
        let upNouns: WordSet
        let downNouns: WordSet
        let changePrepositions: WordSet
        let levelPrepositions: WordSet
        let ofWords: WordSet
        let restatementWords: WordSet
        let changeNounPrepositions: WordSet
        let nounLevelPrepositions: WordSet
        let pastSuffixes: [String]
        let particles: WordSet
        let maxSubjectWords: Int
        let maxVerbGap: Int

        init(_ f: LexiconFile) throws {
            func set(_ a: [String]) -> WordSet { WordSet(a.map { $0.lowercased() }) }
            guard f.maxSubjectWords > 0, f.maxSubjectWords <= 16, f.maxVerbGap >= 0, f.maxVerbGap <= 32 else {
                throw HearsayError(
                    code: "config.bad-value",
                    message: "claims context: max_subject_words must be 1...16 and max_verb_gap 0...32")
            }
            determiners = set(f.determiners)
            boundaries = set(f.boundaries)
            auxiliaries = set(f.auxiliaries)
            linkingVerbs = set(f.linkingVerbs)
            upWords = set(f.upWords)
            downWords = set(f.downWords)
            changeVerbs = upWords.union(downWords).union(set(f.neutralChangeWords))
            upNouns = set(f.upNouns)
            downNouns = set(f.downNouns)
            changePrepositions = set(f.changePrepositions)
            levelPrepositions = set(f.levelPrepositions)
            ofWords = set(f.ofWords)
            restatementWords = set(f.restatementWords)
            changeNounPrepositions = set(f.changeNounPrepositions)
            nounLevelPrepositions = set(f.nounLevelPrepositions)
            pastSuffixes = f.pastSuffixes.map { $0.lowercased() }
            particles = set(f.particles)
            maxSubjectWords = f.maxSubjectWords
            maxVerbGap = f.maxVerbGap
        }
    }

    /// A subject found for a claim: tokens `start..<end` of the sentence.
    struct Subject: Equatable {
        var start: Int
        var end: Int
        var rule: String
        var confidence: Double
    }

    let cx: Lexicon
    let lx: ClaimLexicon
    let t: ClaimTokens
    let claims: [FoundClaim]
    /// For each token, the index of the claim covering it, or -1.
    private var owner: [Int]

    init(context: Lexicon, lexicon: ClaimLexicon, tokens: [ClaimToken], claims: [FoundClaim]) {
        cx = context
        lx = lexicon
        t = ClaimTokens(tokens)
        self.claims = claims
        owner = [Int](repeating: -1, count: tokens.count)
        for (n, c) in claims.enumerated() {
            for k in max(0, c.startTok)..<min(tokens.count, c.endTok) { owner[k] = n }
        }
    }

    // MARK: token predicates

    @inline(__always) private func word(_ i: Int) -> String? {
        i >= 0 && i < t.count && t[i].kind == .word ? t[i].lower : nil
    }

    /// A word that can stand in a noun phrase: not a function word, not a number word, not part of a claim. A
    /// phrase's first word may be a trend word used as a noun ("a drop of 7%"); further on, a verb ends it.
    private func nounWord(_ i: Int, first: Bool = false) -> Bool {
        guard let w = word(i), owner[i] < 0 else { return false }
        guard !cx.boundaries.contains(w) && !cx.determiners.contains(w) && !isNumberWord(w) else { return false }
        return first || !(cx.linkingVerbs.contains(w) || cx.upWords.contains(w) || cx.downWords.contains(w))
    }

    private func isNumberWord(_ w: String) -> Bool {
        lx.cardinals[w] != nil || lx.scales[w] != nil || lx.vague[w] != nil || lx.ordinals[w] != nil
    }

    /// `i` is a hyphen joining the words on both sides without spaces ("cloud-computing").
    private func joiningHyphen(_ i: Int) -> Bool {
        i > 0 && i + 1 < t.count && t[i].kind == .symbol && t[i].lower == "-" && !t[i].spaceBefore
            && !t[i + 1].spaceBefore && t[i - 1].kind == .word && t[i + 1].kind == .word
    }

    // MARK: noun phrases

    /// The noun phrase starting at `k` (leading determiners skipped): up to `max_subject_words` words.
    private func phraseRight(_ k: Int) -> Range<Int>? {
        var j = k
        while let w = word(j), cx.determiners.contains(w) { j += 1 }
        let start = j
        var n = 0
        while n < cx.maxSubjectWords, nounWord(j, first: n == 0) {
            // A plural noun followed by a past form ends the phrase: "voters backed him".
            if n > 0, let w = word(j), cx.pastSuffixes.contains(where: { w.hasSuffix($0) }), let p = word(j - 1),
                lx.looksPlural(p)
            {
                break
            }
            j += 1
            n += 1
            while j < t.count, joiningHyphen(j), nounWord(j + 1) { j += 2 }
        }
        return n > 0 ? start..<j : nil
    }

    /// The noun phrase ending just before `e`: up to `max_subject_words` words, through one "of" ("sales of
    /// cars"), stopping at a determiner, a function word or punctuation.
    private func phraseLeft(_ e: Int) -> Range<Int>? {
        var j = e - 1
        var n = 0
        var throughOf = false
        while j >= 0, n < cx.maxSubjectWords {
            if nounWord(j, first: n == 0) {
                n += 1
                j -= 1
                while j > 0, joiningHyphen(j), nounWord(j - 1) { j -= 2 }
            } else if !throughOf, n > 0, let w = word(j), cx.ofWords.contains(w), nounWord(j - 1) {
                throughOf = true
                j -= 1
            } else {
                break
            }
        }
        return n > 0 ? (j + 1)..<e : nil
    }

    // MARK: rules

    /// The first token before claim `n` once a qualifier ("more than", "nearly") is stepped over.
    private func beforeQualifier(_ c: FoundClaim) -> Int {
        var s = c.startTok
        if s > 0, let m = lx.qualifiers.matchEnding(t, s, 0) { s = m.start }
        return s - 1
    }

    /// The nearest verb on the left of claim `n` that can govern it, stepping over other claims, qualifiers,
    /// prepositions and auxiliaries; and whether a level preposition ("to", "from", "at") came first.
    private func governingVerb(_ n: Int) -> (verb: Int, level: Bool, change: Bool)? {
        var j = beforeQualifier(claims[n])
        var level = false
        var first = true
        var steps = 0
        while j >= 0, steps <= cx.maxVerbGap {
            if owner[j] >= 0 {
                j = claims[owner[j]].startTok - 1
                steps += 1
                first = false
                continue
            }
            guard let w = word(j) else { return nil }
            if cx.upWords.contains(w) || cx.downWords.contains(w) || cx.linkingVerbs.contains(w) {
                return (j, level, cx.upWords.contains(w) || cx.downWords.contains(w))
            }
            if first, cx.levelPrepositions.contains(w) { level = true }
            if !(cx.changePrepositions.contains(w) || cx.levelPrepositions.contains(w) || cx.auxiliaries.contains(w)) {
                if let m = lx.qualifiers.matchEnding(t, j + 1, 0) {
                    j = m.start - 1
                    steps += 1
                    first = false
                    continue
                }
                return nil
            }
            first = false
            j -= 1
            steps += 1
        }
        return nil
    }

    /// The subject and change of claim `n`.
    func link(_ n: Int) -> (subject: Subject?, change: String?) {
        let c = claims[n]
        switch c.kind {
        case .date, .time, .ordinal: return (nil, nil)
        default: break
        }
        // The same amount restated after "or": "lost 190 points, or 0.6%" moves the way the first does.
        if let p = restates(n) {
            let (s, ch) = link(p)
            return (
                s.map { Subject(start: $0.start, end: $0.end, rule: "claims.subject-restated", confidence: 0.6) }, ch
            )
        }
        var subject: Subject?
        var change: String?
        // A particle of another verb governs nothing: "gave up 517 yards" is neither a change nor "gave"'s subject.
        let verb = governingVerb(n).flatMap { particleGoverns($0.verb) ? $0 : nil }
        if let v = verb, v.change, !v.level, let w = word(v.verb) {
            change = cx.upWords.contains(w) ? "up" : "down"
        }
        let after = c.endTok
        // A change noun right after the amount: "a 5% increase (in sales)".
        if let w = word(after), owner[after] < 0, cx.upNouns.contains(w) || cx.downNouns.contains(w) {
            if change == nil { change = cx.upNouns.contains(w) ? "up" : "down" }
            if let p = word(after + 1), cx.changeNounPrepositions.contains(p), let r = phraseRight(after + 2) {
                subject = Subject(
                    start: r.lowerBound, end: r.upperBound, rule: "claims.subject-modified", confidence: 0.6)
            }
        }
        if subject == nil, c.kind == .count, let r = countedWords(c) {
            subject = Subject(start: r.lowerBound, end: r.upperBound, rule: "claims.subject-counted", confidence: 0.8)
        }
        if subject == nil, let w = word(after), cx.ofWords.contains(w), let r = phraseRight(after + 1) {
            subject = Subject(start: r.lowerBound, end: r.upperBound, rule: "claims.subject-of", confidence: 0.7)
        }
        let before = beforeQualifier(c)
        if subject == nil, let w = word(before), cx.determiners.contains(w), let r = phraseRight(after),
            r.lowerBound == after, let head = word(r.upperBound - 1),
            !(cx.upNouns.contains(head) || cx.downNouns.contains(head))
        {
            subject = Subject(start: r.lowerBound, end: r.upperBound, rule: "claims.subject-modified", confidence: 0.7)
        }
        if let w = word(before), cx.ofWords.contains(w) || cx.nounLevelPrepositions.contains(w),
            let r = phraseLeft(before),
            let head = word(r.upperBound - 1)
        {
            if cx.upNouns.contains(head) || cx.downNouns.contains(head) {
                // "an increase of 5%": the amount is the change.
                if change == nil, cx.ofWords.contains(w) { change = cx.upNouns.contains(head) ? "up" : "down" }
            } else if subject == nil {
                subject = Subject(
                    start: r.lowerBound, end: r.upperBound, rule: "claims.subject-noun-of", confidence: 0.6)
            }
        }
        if subject == nil, let v = verb {
            var j = v.verb - 1
            while let w = word(j), cx.auxiliaries.contains(w), owner[j] < 0 { j -= 1 }
            if let r = phraseLeft(j + 1) {
                subject = Subject(start: r.lowerBound, end: r.upperBound, rule: "claims.subject-verb", confidence: 0.6)
            }
        }
        return (subject, change)
    }

    /// The claim that claim `n` restates: the one ending just before "or" (", or") in front of it.
    private func restates(_ n: Int) -> Int? {
        guard n > 0 else { return nil }
        var j = claims[n].startTok - 1
        guard let w = word(j), cx.restatementWords.contains(w) else { return nil }
        j -= 1
        if j >= 0, t[j].kind == .symbol, t[j].lower == "," { j -= 1 }
        guard j >= 0, owner[j] == n - 1, claims[n - 1].endTok == j + 1 else { return nil }
        switch claims[n - 1].kind {
        case .date, .time, .ordinal: return nil
        default: return n - 1
        }
    }

    /// A trend word that is also a particle ("up", "down") moves an amount only after a linking verb, an
    /// auxiliary, punctuation or at the start ("shares were up 3%", ", down 2%"); after another verb it belongs to
    /// that verb ("gave up 517 yards").
    private func particleGoverns(_ v: Int) -> Bool {
        guard let w = word(v), cx.particles.contains(w) else { return true }
        guard v > 0 else { return true }
        if t[v - 1].kind == .symbol { return true }
        guard let p = word(v - 1) else { return true }
        return cx.linkingVerbs.contains(p) || cx.auxiliaries.contains(p)
    }

    /// The counted noun of a count as written: the words of the claim after its last number word.
    private func countedWords(_ c: FoundClaim) -> Range<Int>? {
        var k = c.endTok
        while k > c.startTok, let w = word(k - 1), !isNumberWord(w), !cx.ofWords.contains(w),
            !lx.oneWords.contains(w), lx.few.matchEnding(t, k, c.startTok) == nil
        {
            k -= 1
            while k > c.startTok + 1, joiningHyphen(k - 1) { k -= 2 }
        }
        return k < c.endTok ? k..<c.endTok : nil
    }
}
