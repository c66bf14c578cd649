/// The word lists of the claims stage, loaded once from resource files and indexed for token lookups.
///
/// Everything language-specific lives in `claims-lexicon.json`, `claims-units.json` and `claims-stopwords.txt`;
/// this type only turns those files into dictionaries keyed by lower-case token text. A class, so that each
/// sentence's scanner and context share it by reference instead of copying some sixty tables.
final class ClaimLexicon: Sendable {
    /// The JSON shape of `claims-lexicon.json`.
    struct LexiconFile: Decodable {
        var cardinals: [String: Double]
        var ordinals: [String: Double]
        var ordinalSuffixes: [String]
        var scales: [String: Double]
        var attachedScales: [String: Double]
        var attachedScaleMinValue: [String: Double]
        var fractions: [String: Double]
        var unicodeFractions: [String: Double]
        var vagueAmounts: [String: [Double]]
        var fewAmounts: [String: Double]
        var oneWords: [String]
        var negativeWords: [String]
        var decimalWords: [String]
        var overWords: [String]
        var qualifiers: [String]
        var qualifierSkip: [String]
        var rangeStarts: [String]
        var rangeJoiners: [String]
        var months: [String: Int]
        var ambiguousMonths: [String]
        var weekdays: [String: Int]
        var ambiguousWeekdays: [String]
        var relativeDays: [String: Int]
        var relativeModifiers: [String: Int]
        var calendarUnits: [String: String]
        var offsetWords: [String: Int]
        var datePrepositions: [String]
        var timeSuffixes: [String: Int]
        var timeWords: [String: String]
        var oclockWords: [String]
        var dayParts: [String: String]
        var ageWords: [String]
        var holidays: [String: [Int]]
        var periodParts: [String]
        var numberPrefixes: [String]
        var irregularPlurals: [String: String]
        var gradedAdjectives: [String: [String]]?
        var temporalJoiners: [String]?
        var gradeWords: [String]?
        var presentWords: [String]?
        var temporalSets: [String: String]?
        var setStarts: [String]?
        var setUnits: [String: String]?
        var labelWords: [String]?
        var rateWords: [String]?
        var partitiveDeterminers: [String]?
        var amountNouns: [String]?
        var modifierConjunctions: [String]?
        var partModifiers: [String]?
        var pronounOneDeterminers: [String]?
        var relativeDayNameFollowers: [String]?
        var streetWords: [String]?
        var indefiniteTimeWords: [String]?
        var indefiniteTimeBefore: [String]?
        var sourceDescriptions: [String]?
        var futureMarkers: [String]?
        var quarterWords: [String]?
        var quarterLetters: [String]?

        enum CodingKeys: String, CodingKey {
            case cardinals, ordinals
            case ordinalSuffixes = "ordinal_suffixes"
            case scales
            case attachedScales = "attached_scales"
            case attachedScaleMinValue = "attached_scale_min_value"
            case fractions
            case unicodeFractions = "unicode_fractions"
            case vagueAmounts = "vague_amounts"
            case fewAmounts = "few_amounts"
            case oneWords = "one_words"
            case negativeWords = "negative_words"
            case decimalWords = "decimal_words"
            case overWords = "over_words"
            case qualifiers
            case qualifierSkip = "qualifier_skip"
            case rangeStarts = "range_starts"
            case rangeJoiners = "range_joiners"
            case months
            case ambiguousMonths = "ambiguous_months"
            case weekdays
            case ambiguousWeekdays = "ambiguous_weekdays"
            case relativeDays = "relative_days"
            case relativeModifiers = "relative_modifiers"
            case calendarUnits = "calendar_units"
            case offsetWords = "offset_words"
            case datePrepositions = "date_prepositions"
            case timeSuffixes = "time_suffixes"
            case timeWords = "time_words"
            case oclockWords = "oclock_words"
            case dayParts = "day_parts"
            case ageWords = "age_words"
            case holidays
            case periodParts = "period_parts"
            case numberPrefixes = "number_prefixes"
            case irregularPlurals = "irregular_plurals"
            case gradedAdjectives = "graded_adjectives"
            case gradeWords = "grade_words"
            case temporalJoiners = "temporal_joiners"
            case presentWords = "present_words"
            case temporalSets = "temporal_sets"
            case setStarts = "set_starts"
            case setUnits = "set_units"
            case labelWords = "label_words"
            case rateWords = "rate_words"
            case partitiveDeterminers = "partitive_determiners"
            case amountNouns = "amount_nouns"
            case modifierConjunctions = "modifier_conjunctions"
            case partModifiers = "part_modifiers"
            case pronounOneDeterminers = "pronoun_one_determiners"
            case relativeDayNameFollowers = "relative_day_name_followers"
            case streetWords = "street_words"
            case indefiniteTimeWords = "indefinite_time_words"
            case indefiniteTimeBefore = "indefinite_time_before"
            case sourceDescriptions = "source_descriptions"
            case futureMarkers = "future_markers"
            case quarterWords = "quarter_words"
            case quarterLetters = "quarter_letters"
        }
    }

    /// The JSON shape of `claims-units.json`.
    struct UnitsFile: Decodable {
        struct Entry: Decodable {
            var unit: String
            var kind: String
            var names: [String]?
            var attached: [String]?
            var prefixes: [String]?
            /// A multiplier the form carries ("MUSD" = million US dollars).
            var scale: Double?
            /// The names count only when written in capitals ("0.5 WAR", "2 TDs"), as such abbreviations are also
            /// ordinary words.
            var caps: Bool?
        }
        var units: [Entry]
    }

    enum UnitKind: String, Sendable { case money, percent, measure, duration, count }

    struct UnitInfo: Sendable, Hashable {
        var unit: String
        var kind: UnitKind
        var scale: Double = 1
        /// Only written in capitals (see ``UnitsFile/Entry/caps``).
        var caps = false
    }

    let lex: LexiconFile
    let cardinals: [String: Double]
    let ordinals: [String: Double]
    let ordinalSuffixes: Set<String>
    let scales: [String: Double]
    let attachedScales: [String: Double]
    let fractions: [String: Double]
    let unicodeFractions: [Unicode.Scalar: Double]
    let vague: [String: (Double, Double)]
    let few: PhraseTable<Double>
    let oneWords: Set<String>
    let negativeWords: Set<String>
    let decimalWords: Set<String>
    let overWords: PhraseTable<Bool>
    let qualifiers: PhraseTable<String>
    let qualifierSkip: Set<String>
    let rangeStarts: Set<String>
    let rangeJoiners: Set<String>
    let months: [String: Int]
    let ambiguousMonths: Set<String>
    let weekdays: [String: Int]
    let ambiguousWeekdays: Set<String>
    let relativeDays: [String: Int]
    let relativeModifiers: PhraseTable<Int>
    let calendarUnits: [String: String]
    let offsetWords: PhraseTable<Int>
    let datePrepositions: Set<String>
    let timeSuffixes: PhraseTable<Int>
    let timeWords: PhraseTable<String>
    let oclockWords: PhraseTable<Bool>
    let dayParts: [String: String]
    let ageWords: Set<String>
    /// Fixed-date holidays: month and day.
    let holidays: PhraseTable<[Int]>
    /// "end", "start", "middle": "the end of 2008" names the period it is part of.
    let periodParts: Set<String>
    let numberPrefixes: Set<String>
    let irregularPlurals: [String: String]
    /// Comparative and superlative forms to their base ("best" → "good", "smaller" → "small"); grade words
    /// ("most", "less") map to "" and are left out of a counted noun.
    let adjectiveBases: [String: String]
    /// Words and marks that may join two parts of one temporal expression ("October 14 at 8:00am").
    let temporalJoiners: Set<String>
    /// Phrases that mean the moment of writing ("right now", "at present"): `PRESENT_REF`.
    let presentWords: PhraseTable<Bool>
    /// Words for a recurrence ("daily", "quarterly") and their TIMEX value (`P1D`, `P3M`).
    let temporalSets: PhraseTable<String>
    /// "every", "each", "once a": a recurrence when a `set_units` word follows ("every two weekends").
    let setStarts: PhraseTable<Bool>
    let setUnits: [String: String]
    /// Lower-case words that name a numbered thing rather than count it: "category 4", "level 3".
    let labelWords: Set<String>
    /// "78,000 times a minute": a count of events per time unit.
    let rateWords: Set<String>
    /// "two of the soldiers", "two of Johnson's deputies": determiners between a number, "of" and its noun.
    let partitiveDeterminers: Set<String>
    /// Nouns that make "of N" an amount rather than a year: "an average of 1500", "a total of 1990".
    let amountNouns: Set<String>
    /// Words joining two modifiers of one counted noun: "2.7m digital and physical sales".
    let conjunctions: Set<String>
    /// Verbs of change before an amount: "fell 4p to 250p" is a change and a level, not a range. They are the
    /// trend verbs of `claims-context.json` (``ClaimContext``), one list for both uses.
    let changeWords: Set<String>
    /// Words before "half of" that make it a part, not a share: "the upper half of the laptop".
    let partModifiers: Set<String>
    /// Words after a capitalised relative day that make it a name: "the Today programme".
    let relativeDayNameFollowers: Set<String>
    /// The last word of a street name: "14-16 Harbour Street" is a range of house numbers, not a claim.
    let streetWords: Set<String>
    /// Words before "one" that make it a pronoun: "get this one right".
    let pronounOneDeterminers: Set<String>
    /// "one day", "one night" after a modal or a subject pronoun mean "someday", not a duration.
    let indefiniteTimeWords: Set<String>
    let indefiniteTimeBefore: Set<String>
    /// Phrases after a count that make it an anonymous source: "one person familiar with the talks".
    let sourceDescriptions: PhraseTable<Bool>
    /// Words that put a sentence in the future ("will", "'ll" ending a word): "in 2 weeks" is then a date.
    let futureMarkers: [String]
    /// Words for a quarter of a year ("quarter", "qtr"): "the 1st quarter of 2013", "Q3 2018".
    let quarterWords: Set<String>
    /// The letter of a quarter written "Q3 2018".
    let quarterLetters: Set<String>
    let stopwords: Set<String>

    /// Unit names after a number, money and measure alike.
    let unitNames: PhraseTable<UnitInfo>
    /// Unit forms accepted only when glued to the digits ("3h", "5l").
    let unitAttached: [String: UnitInfo]
    /// Currency forms before a number ("$", "US$", "EUR").
    let currencyPrefixes: PhraseTable<UnitInfo>
    /// Every word that can start a claim; the scanner skips other words at once.
    let startWords: Set<String>
    /// Every symbol that can start a claim ("$", "-", "½").
    let startSymbols: Set<String>

    init(lexicon: LexiconFile, units: UnitsFile, stopwords: [String], changeWords: Set<String> = []) {
        lex = lexicon
        cardinals = lexicon.cardinals
        ordinals = lexicon.ordinals
        ordinalSuffixes = Set(lexicon.ordinalSuffixes)
        scales = lexicon.scales
        attachedScales = lexicon.attachedScales
        fractions = lexicon.fractions
        var uf: [Unicode.Scalar: Double] = [:]
        for (k, v) in lexicon.unicodeFractions { if let s = k.unicodeScalars.first { uf[s] = v } }
        unicodeFractions = uf
        var vg: [String: (Double, Double)] = [:]
        for (k, v) in lexicon.vagueAmounts where v.count == 2 { vg[k] = (v[0], v[1]) }
        vague = vg
        few = PhraseTable(lexicon.fewAmounts.map { ($0.key, $0.value) })
        oneWords = Set(lexicon.oneWords)
        negativeWords = Set(lexicon.negativeWords)
        decimalWords = Set(lexicon.decimalWords)
        overWords = PhraseTable(lexicon.overWords.map { ($0, true) })
        qualifiers = PhraseTable(lexicon.qualifiers.map { ($0, $0) })
        qualifierSkip = Set(lexicon.qualifierSkip)
        rangeStarts = Set(lexicon.rangeStarts)
        rangeJoiners = Set(lexicon.rangeJoiners)
        months = lexicon.months
        ambiguousMonths = Set(lexicon.ambiguousMonths)
        weekdays = lexicon.weekdays
        ambiguousWeekdays = Set(lexicon.ambiguousWeekdays)
        relativeDays = lexicon.relativeDays
        relativeModifiers = PhraseTable(lexicon.relativeModifiers.map { ($0.key, $0.value) })
        calendarUnits = lexicon.calendarUnits
        offsetWords = PhraseTable(lexicon.offsetWords.map { ($0.key, $0.value) })
        datePrepositions = Set(lexicon.datePrepositions)
        timeSuffixes = PhraseTable(lexicon.timeSuffixes.map { ($0.key, $0.value) })
        timeWords = PhraseTable(lexicon.timeWords.map { ($0.key, $0.value) })
        oclockWords = PhraseTable(lexicon.oclockWords.map { ($0, true) })
        dayParts = lexicon.dayParts
        ageWords = Set(lexicon.ageWords)
        holidays = PhraseTable(lexicon.holidays.map { ($0.key, $0.value) })
        periodParts = Set(lexicon.periodParts)
        numberPrefixes = Set(lexicon.numberPrefixes)
        irregularPlurals = lexicon.irregularPlurals
        var bases: [String: String] = [:]
        for (base, forms) in lexicon.gradedAdjectives ?? [:] { for f in forms { bases[f] = base } }
        for w in lexicon.gradeWords ?? [] { bases[w] = "" }
        adjectiveBases = bases
        temporalJoiners = Set(lexicon.temporalJoiners ?? [])
        presentWords = PhraseTable((lexicon.presentWords ?? []).map { ($0, true) })
        temporalSets = PhraseTable((lexicon.temporalSets ?? [:]).map { ($0.key, $0.value) })
        setStarts = PhraseTable((lexicon.setStarts ?? []).map { ($0, true) })
        setUnits = lexicon.setUnits ?? [:]
        labelWords = Set(lexicon.labelWords ?? [])
        rateWords = Set(lexicon.rateWords ?? [])
        partitiveDeterminers = Set(lexicon.partitiveDeterminers ?? [])
        amountNouns = Set(lexicon.amountNouns ?? [])
        conjunctions = Set(lexicon.modifierConjunctions ?? [])
        self.changeWords = changeWords
        partModifiers = Set(lexicon.partModifiers ?? [])
        pronounOneDeterminers = Set(lexicon.pronounOneDeterminers ?? [])
        relativeDayNameFollowers = Set(lexicon.relativeDayNameFollowers ?? [])
        streetWords = Set(lexicon.streetWords ?? [])
        indefiniteTimeWords = Set(lexicon.indefiniteTimeWords ?? [])
        indefiniteTimeBefore = Set(lexicon.indefiniteTimeBefore ?? [])
        sourceDescriptions = PhraseTable((lexicon.sourceDescriptions ?? []).map { ($0, true) })
        futureMarkers = lexicon.futureMarkers ?? []
        quarterWords = Set(lexicon.quarterWords ?? [])
        quarterLetters = Set(lexicon.quarterLetters ?? [])
        self.stopwords = Set(stopwords.map { $0.lowercased() })

        var names: [(String, UnitInfo)] = []
        var attached: [String: UnitInfo] = [:]
        var prefixes: [(String, UnitInfo)] = []
        for e in units.units {
            let info = UnitInfo(
                unit: e.unit, kind: UnitKind(rawValue: e.kind) ?? .measure, scale: e.scale ?? 1, caps: e.caps ?? false)
            for n in e.names ?? [] { names.append((n, info)) }
            for a in e.attached ?? [] { attached[a.lowercased()] = info }
            for p in e.prefixes ?? [] { prefixes.append((p, info)) }
        }
        unitNames = PhraseTable(names)
        unitAttached = attached
        currencyPrefixes = PhraseTable(prefixes)
        var start = Set<String>()
        start.formUnion(lexicon.cardinals.keys)
        start.formUnion(lexicon.ordinals.keys)
        start.formUnion(lexicon.scales.keys)
        start.formUnion(lexicon.fractions.keys)
        start.formUnion(lexicon.vagueAmounts.keys)
        start.formUnion(lexicon.oneWords)
        start.formUnion(lexicon.negativeWords)
        start.formUnion(lexicon.months.keys)
        start.formUnion(lexicon.weekdays.keys)
        start.formUnion(lexicon.relativeDays.keys)
        start.formUnion(few.byFirst.keys)
        start.formUnion(relativeModifiers.byFirst.keys)
        start.formUnion(timeWords.byFirst.keys)
        start.formUnion(currencyPrefixes.byFirst.keys)
        start.formUnion(holidays.byFirst.keys)
        start.formUnion(lexicon.periodParts)
        start.formUnion(presentWords.byFirst.keys)
        start.formUnion(temporalSets.byFirst.keys)
        start.formUnion(setStarts.byFirst.keys)
        start.formUnion(lexicon.quarterLetters ?? [])
        start.formUnion(["half", "quarter", "the", "another", "http", "https", "www"])
        startWords = start
        var symbols = Set(currencyPrefixes.byFirst.keys.filter { $0.unicodeScalars.count == 1 })
        symbols.formUnion(["-", "\u{2212}", "#", "@"])
        for k in lexicon.unicodeFractions.keys { symbols.insert(k) }
        startSymbols = symbols
    }

    /// Singular lower-case form of a counted noun ("soldiers" -> "soldier", "people" -> "people").
    func singular(_ w: String) -> String {
        if let s = irregularPlurals[w] { return s }
        let n = w.count
        if n > 3, w.hasSuffix("ies") { return String(w.dropLast(3)) + "y" }
        if n > 4, w.hasSuffix("ches") || w.hasSuffix("shes") || w.hasSuffix("sses") || w.hasSuffix("xes") {
            return String(w.dropLast(2))
        }
        if n > 3, w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is") {
            return String(w.dropLast())
        }
        return w
    }

    /// A modifier of a counted noun in its base form: "best" → "good", "smaller" → "small", "most" → nil.
    func modifierBase(_ w: String) -> String? {
        guard let b = adjectiveBases[w] else { return w }
        return b.isEmpty ? nil : b
    }

    /// Whether a word looks like a plural noun.
    func looksPlural(_ w: String) -> Bool {
        if let s = irregularPlurals[w] { return s != w || w == "people" || w == "police" || w == "staff" }
        let n = w.count
        return n > 2 && w.hasSuffix("s") && !w.hasSuffix("ss") && !w.hasSuffix("us") && !w.hasSuffix("is")
    }
}

/// Multi-word phrases keyed by their first token, longest first, matched against ``ClaimToken`` runs.
struct PhraseTable<Payload: Sendable>: Sendable {
    struct Entry: Sendable {
        var words: [String]
        /// Whether each word touches the one before it in the phrase ("ft2", "p.m.").
        var tight: [Bool]
        var payload: Payload
    }
    private(set) var byFirst: [String: [Entry]] = [:]

    init(_ items: [(String, Payload)]) {
        for (phrase, payload) in items {
            let toks = ClaimTokenizer.phraseTokenList(phrase)
            guard let first = toks.first?.lower else { continue }
            byFirst[first, default: []].append(
                Entry(words: toks.map(\.lower), tight: toks.map { !$0.spaceBefore }, payload: payload))
        }
        for k in byFirst.keys { byFirst[k]!.sort { $0.words.count > $1.words.count } }
    }

    /// The longest phrase starting at token `i`, and the index after it.
    func match(_ t: [ClaimToken], _ i: Int, _ limit: Int) -> (payload: Payload, end: Int)? {
        guard i < limit, let entries = byFirst[t[i].lower] else { return nil }
        outer: for e in entries {
            if i + e.words.count > limit { continue }
            var k = 1
            while k < e.words.count {
                if t[i + k].lower != e.words[k] || (e.tight[k] && t[i + k].spaceBefore) { continue outer }
                k += 1
            }
            return (e.payload, i + e.words.count)
        }
        return nil
    }

    /// The longest phrase ending just before token `end` (exclusive), and its first index.
    func matchEnding(_ t: [ClaimToken], _ end: Int, _ lowerBound: Int) -> (payload: Payload, start: Int)? {
        var best: (Payload, Int)?
        var start = end - 1
        while start >= lowerBound, end - start <= 4 {
            if let m = match(t, start, end), m.end == end { best = (m.payload, start) }
            start -= 1
        }
        return best
    }
}
