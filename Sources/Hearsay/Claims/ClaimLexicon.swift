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
        var dimensionWords: [String]?
        var possessiveLetters: [String]?
        var spacedCurrencyCodes: [String]?
        var oneUnitWords: [String]?
        var oneUnitExcludedWords: [String]?
        var oneUnitExcludedUnits: [String]?
        var oneUnitBefore: [String]?
        var oneOfPhrases: [String]?
        var ratioWords: [String]?
        var ratioWordsBeforeNoun: [String]?
        var ratioWordsSameForm: [String]?
        var centuryWords: [String]?
        var currencyCountrySuffixes: [String]?
        var perWords: [String]?
        var decadeSuffixes: [String]?
        var halfYearLetters: [String]?
        var numberSignWords: [String]?
        var ageWordsInSpan: [String]?
        var rangeStartsAnd: [String]?
        var rangeOrJoiners: [String]?
        var rangeWordJoiners: [String]?
        var rangeBlockers: [String]?
        var equivalentOpeners: [String]?
        var ruleConfidences: [String: Double]?
        var marginNouns: [String]?
        var oneRangeJoiners: [String]?
        var oneCountKeepers: [String]?
        var ratioBases: [Double]?
        var dozenScales: [Double]?
        var maxPlainDigits: Int?
        var dayPartModifiers: [String]?
        var nameLikeCurrencies: [String]?
        var countLeadWords: [String]?
        var shareDecimals: Int?
        var dates: DatesFile?
        var ordinalNames: [String]?
        var elidedNounFollowers: [String]?
        var maxListMarker: Int?
        var pointUnit: String?
        var marginUnit: String?
        var superlativeSuffixes: [String]?
        var superlativeWords: [String]?
        var numberNames: [String]?
        var numberIdioms: [String]?
        var plusMinusPhrases: [String]?
        var discourseOrdinalMarks: [String]?
        var discourseOrdinalOpeners: [String]?
        var shareVerbs: [String]?
        var elidedDeterminers: [String]?
        var maxElidedGroup: Int?
        var marginLookback: Int?
        var listMarkerLookback: Int?
        var adverbOrdinals: [String]?
        var adverbOrdinalSuffixes: [String]?
        var ageComparatives: [String]?
        var parentNouns: [String: String]?
        var irregularPastForms: [String]?
        var ageFollowers: [String]?
        var ageGroupNouns: [String]?
        var ageGroupComparisons: [String]?
        var maxAge: Int?
        var shortYearPrepositions: [String]?
        var streetOrdinalJoiners: [String]?

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
            case dimensionWords = "dimension_words"
            case possessiveLetters = "possessive_letters"
            case spacedCurrencyCodes = "spaced_currency_codes"
            case oneUnitWords = "one_unit_words"
            case oneUnitExcludedWords = "one_unit_excluded_words"
            case oneUnitExcludedUnits = "one_unit_excluded_units"
            case oneUnitBefore = "one_unit_before"
            case oneOfPhrases = "one_of_phrases"
            case ratioWords = "ratio_words"
            case ratioWordsBeforeNoun = "ratio_words_before_noun"
            case ratioWordsSameForm = "ratio_words_same_form"
            case centuryWords = "century_words"
            case currencyCountrySuffixes = "currency_country_suffixes"
            case perWords = "per_words"
            case decadeSuffixes = "decade_suffixes"
            case halfYearLetters = "half_year_letters"
            case numberSignWords = "number_sign_words"
            case ageWordsInSpan = "age_words_in_span"
            case rangeStartsAnd = "range_starts_and"
            case rangeOrJoiners = "range_or_joiners"
            case rangeWordJoiners = "range_word_joiners"
            case rangeBlockers = "range_blockers"
            case equivalentOpeners = "equivalent_openers"
            case ruleConfidences = "rule_confidences"
            case marginNouns = "margin_nouns"
            case oneRangeJoiners = "one_range_joiners"
            case oneCountKeepers = "one_count_keepers"
            case ratioBases = "ratio_bases"
            case dozenScales = "dozen_scales"
            case maxPlainDigits = "max_plain_digits"
            case dayPartModifiers = "day_part_modifiers"
            case nameLikeCurrencies = "name_like_currencies"
            case countLeadWords = "count_lead_words"
            case shareDecimals = "share_decimals"
            case dates
            case ordinalNames = "ordinal_names"
            case elidedNounFollowers = "elided_noun_followers"
            case maxListMarker = "max_list_marker"
            case pointUnit = "point_unit"
            case marginUnit = "margin_unit"
            case superlativeSuffixes = "superlative_suffixes"
            case superlativeWords = "superlative_words"
            case numberNames = "number_names"
            case numberIdioms = "number_idioms"
            case plusMinusPhrases = "plus_minus_phrases"
            case discourseOrdinalMarks = "discourse_ordinal_marks"
            case discourseOrdinalOpeners = "discourse_ordinal_openers"
            case shareVerbs = "share_verbs"
            case elidedDeterminers = "elided_determiners"
            case maxElidedGroup = "max_elided_group"
            case marginLookback = "margin_lookback"
            case listMarkerLookback = "list_marker_lookback"
            case adverbOrdinals = "adverb_ordinals"
            case adverbOrdinalSuffixes = "adverb_ordinal_suffixes"
            case ageComparatives = "age_comparatives"
            case parentNouns = "parent_nouns"
            case irregularPastForms = "irregular_past_forms"
            case ageFollowers = "age_followers"
            case ageGroupNouns = "age_group_nouns"
            case ageGroupComparisons = "age_group_comparisons"
            case maxAge = "max_age"
            case shortYearPrepositions = "short_year_prepositions"
            case streetOrdinalJoiners = "street_ordinal_joiners"
        }
    }

    /// The `dates` section of `claims-lexicon.json`: the words of the date and time rules (``ClaimScanner``'s
    /// `parseDateTime` and the rules it calls), each list named for the rule that reads it.
    struct DatesFile: Decodable {
        var verbMonths: [String]?
        var fullShortMonths: [String]?
        var nightDays: [String]?
        var timeOpeners: [String]?
        var bareHourOpeners: [String]?
        var dayOpeners: [String]?
        var dayPartOpeners: [String]?
        var clockFractions: [String: Int]?
        var clockPastWords: [String]?
        var clockToWords: [String]?
        var clockToFractions: [String]?
        var minuteWords: [String]?
        var timeWordPrepositions: [String]?
        var determiners: [String]?
        var ofWords: [String]?
        var ordinalPartUnits: [String: String]?
        var anchoredOffsetWords: [String: Int]?
        var futureOffsetWords: [String]?
        var nextWeekModifiers: [String]?
        var yearRangeOpeners: [String]?
        var rangeAndJoiners: [String]?
        var loneSuffixLetters: [String]?
        var relativeDayNames: [String: String]?
        var timeZones: [String]?
        var withinWords: [String]?
        var withinBlockers: [String]?
        var weekdaySets: [String: Int]?
        var dayPartSets: [String: String]?
        var noonWords: [String]?
        var monthListWords: [String]?
        var monthRangeWords: [String]?
        var relativeDayShifts: [String: Int]?
        var decadeApostrophes: [String]?
        var shortDecadeCenturies: [String: Int]?
        var restOf: [String]?
        var restDeterminers: [String]?
        var weekdayHolidays: [String: [Int]]?
        var easterHolidays: [String: Int]?
        var capitalizedHolidays: [String]?
        var nthWeekdayOfWords: [String]?
        var seasons: [String: String]?
        var verbSeasons: [String]?
        var seasonStarts: [String: Int]?
        var durationPartJoiners: [String]?
        var afterNext: [String: Int]?
        var dayAlonePrepositions: [String]?
        var pastTenseWords: [String]?
        var futureTenseWords: [String]?
        var pastTenseSuffixes: [String]?
        var tenseLookback: Int?
        var eventDays: [String: String]?
        var eventDayNouns: [String]?
        var weekdayNamePrefixes: [String]?
        var weekdayNameFollowers: [String]?
        var gluedClockSuffixes: [String: Int]?
        var shortYearPivot: Int?
        var passiveAuxiliaries: [String]?
        var tenseBoundaries: [String]?
        var tenseSpeechVerbs: [String]?
        var tenseSpeechReach: Int?
        var tenseRules: [String]?
        var tenseMinDays: Int?
        var weekdayTenseRules: [String]?
        var weekdayFutureWords: [String]?
        enum CodingKeys: String, CodingKey {
            case verbMonths = "verb_months"
            case fullShortMonths = "full_short_months"
            case nightDays = "night_days"
            case timeOpeners = "time_openers"
            case bareHourOpeners = "bare_hour_openers"
            case dayOpeners = "day_openers"
            case dayPartOpeners = "day_part_openers"
            case clockFractions = "clock_fractions"
            case clockPastWords = "clock_past_words"
            case clockToWords = "clock_to_words"
            case clockToFractions = "clock_to_fractions"
            case minuteWords = "minute_words"
            case timeWordPrepositions = "time_word_prepositions"
            case determiners
            case ofWords = "of_words"
            case ordinalPartUnits = "ordinal_part_units"
            case anchoredOffsetWords = "anchored_offset_words"
            case futureOffsetWords = "future_offset_words"
            case nextWeekModifiers = "next_week_modifiers"
            case yearRangeOpeners = "year_range_openers"
            case rangeAndJoiners = "range_and_joiners"
            case loneSuffixLetters = "lone_suffix_letters"
            case relativeDayNames = "relative_day_names"
            case timeZones = "time_zones"
            case withinWords = "within_words"
            case withinBlockers = "within_blockers"
            case weekdaySets = "weekday_sets"
            case dayPartSets = "day_part_sets"
            case noonWords = "noon_words"
            case monthListWords = "month_list_words"
            case monthRangeWords = "month_range_words"
            case relativeDayShifts = "relative_day_shifts"
            case decadeApostrophes = "decade_apostrophes"
            case shortDecadeCenturies = "short_decade_centuries"
            case restOf = "rest_of"
            case restDeterminers = "rest_determiners"
            case weekdayHolidays = "weekday_holidays"
            case easterHolidays = "easter_holidays"
            case capitalizedHolidays = "capitalized_holidays"
            case nthWeekdayOfWords = "nth_weekday_of_words"
            case seasons
            case verbSeasons = "verb_seasons"
            case seasonStarts = "season_starts"
            case durationPartJoiners = "duration_part_joiners"
            case afterNext = "after_next"
            case dayAlonePrepositions = "day_alone_prepositions"
            case pastTenseWords = "past_tense_words"
            case futureTenseWords = "future_tense_words"
            case pastTenseSuffixes = "past_tense_suffixes"
            case tenseLookback = "tense_lookback"
            case eventDays = "event_days"
            case eventDayNouns = "event_day_nouns"
            case weekdayNamePrefixes = "weekday_name_prefixes"
            case weekdayNameFollowers = "weekday_name_followers"
            case gluedClockSuffixes = "glued_clock_suffixes"
            case shortYearPivot = "short_year_pivot"
            case passiveAuxiliaries = "passive_auxiliaries"
            case tenseBoundaries = "tense_boundaries"
            case tenseSpeechVerbs = "tense_speech_verbs"
            case tenseSpeechReach = "tense_speech_reach"
            case tenseRules = "tense_rules"
            case tenseMinDays = "tense_min_days"
            case weekdayTenseRules = "weekday_tense_rules"
            case weekdayFutureWords = "weekday_future_words"
        }
    }

    /// The date and time words indexed for lookups (see ``DatesFile``).
    struct DateWords: Sendable {
        let verbMonths: WordSet
        let fullShortMonths: WordSet
        let nightDays: WordSet
        let timeOpeners: WordSet
        let bareHourOpeners: WordSet
        let dayOpeners: WordSet
        let dayPartOpeners: PhraseTable<Bool>
        let clockFractions: WordMap<Int>
        let clockPastWords: WordSet
        let clockToWords: WordSet
        let clockToFractions: WordSet
        let minuteWords: WordSet
        let timeWordPrepositions: WordSet
        let determiners: WordSet
        let ofWords: WordSet
        let ordinalPartUnits: WordMap<String>
        let anchoredOffsetWords: WordMap<Int>
        let futureOffsetWords: WordSet
        let nextWeekModifiers: WordSet
        let yearRangeOpeners: WordSet
        let rangeAndJoiners: WordSet
        let loneSuffixLetters: WordSet
        let relativeDayNames: WordMap<String>
        let timeZones: WordSet
        let withinWords: WordSet
        let withinBlockers: WordSet
        let weekdaySets: WordMap<Int>
        let dayPartSets: WordMap<String>
        let noonWords: WordSet
        let monthListWords: WordSet
        let monthRangeWords: WordSet
        /// A phrase that moves the relative day after it: "the day after" (+1) "tomorrow".
        let relativeDayShifts: PhraseTable<Int>
        /// The marks between a decade's digits and its suffix ("1970's") or before two digits ("'60s").
        let decadeApostrophes: WordSet
        /// The century of a decade written with two digits ("the '60s"), by its digits; "default" for the rest.
        let shortDecadeCenturies: WordMap<Int>
        /// "the rest of the week": the phrase before the period, and the words allowed between.
        let restOf: PhraseTable<Bool>
        let restDeterminers: WordSet
        /// Holidays on the nth weekday of a month: month, ISO weekday, n (-1 the last), days after it ("Thanksgiving"
        /// = the 4th Thursday of November; "Black Friday" one day after it).
        let weekdayHolidays: PhraseTable<[Int]>
        /// Holidays counted in days from Easter Sunday ("Good Friday" = -2).
        let easterHolidays: PhraseTable<Int>
        /// Holidays read only when capitalised ("Thanksgiving"; "a prayer of thanksgiving" is none).
        let capitalizedHolidays: WordSet
        /// The word between an nth weekday and its month ("the first Friday of July").
        let nthWeekdayOfWords: WordSet
        /// Seasons and their TIMEX codes ("summer" = SU); `verbSeasons` are also common words ("fall").
        let seasons: WordMap<String>
        let verbSeasons: WordSet
        /// The month each season (by TIMEX code) starts in.
        let seasonStarts: WordMap<Int>
        /// Words and marks between the parts of one offset ("1 month and 21 days ago").
        let durationPartJoiners: WordSet
        /// "after next" (+2) after a calendar unit: "the week after next".
        let afterNext: PhraseTable<Int>
        /// The words before a day of the month alone ("on the 27th").
        let dayAlonePrepositions: WordSet
        /// The tense of the words before a month or a day written without a year (`past_tense_words`, a word ending
        /// in a `past_tense_suffixes` suffix, the lexicon's `irregular_past_forms`; `future_tense_words`), at most
        /// `tense_lookback` tokens back: the nearest decides which year the date takes.
        let pastTenseWords: WordSet
        let futureTenseWords: WordSet
        let pastTenseSuffixes: [String]
        let tenseLookback: Int
        /// Words before a participle that make it a passive, whose tense is read further back ("to be named"):
        /// `passive_auxiliaries`.
        let passiveAuxiliaries: WordSet
        /// Words and marks that end the scan: a new clause ("which", "to", a quote mark), whose tense is its own.
        let tenseBoundaries: WordSet
        /// Speech verbs are past only within `tense_speech_reach` tokens of the date ("said in August"); further back
        /// they end the scan, as what was said has its own tense ("said the gathering in September would be").
        let tenseSpeechVerbs: WordSet
        let tenseSpeechReach: Int
        /// The rules whose dates take their year from the tense (month names; a holiday or a weekday does not).
        let tenseRules: WordSet
        /// A date whose nearest year puts it within this many days of the publication date keeps that year.
        let tenseMinDays: Int
        /// The rules whose bare weekdays a future marker moves forward (`weekday_tense_rules`), and the markers that do
        /// it (`weekday_future_words`, narrower than `future_tense_words`: "would" or "may" after a past verb of
        /// speech often tell of a day already gone): "will speak on Friday" names the next Friday, not the last.
        let weekdayTenseRules: WordSet
        let weekdayFutureWords: WordSet
        /// Days that name an event of a known year ("9/11" = 2001-09-11): `event_days`; a form in words only before
        /// an `event_day_nouns` word ("the Sept. 11 attacks").
        let eventDays: PhraseTable<String>
        let eventDayNouns: WordSet
        /// A capitalised word that makes the weekday after it a name ("Super Tuesday"): `weekday_name_prefixes`.
        let weekdayNamePrefixes: WordSet
        /// The rest of a name that begins with a weekday ("Saturday Night Live"): `weekday_name_followers`.
        let weekdayNameFollowers: PhraseTable<Bool>
        /// "AM"/"PM" glued to the next word of a scraped page ("8:35PMChristie"): `glued_clock_suffixes`, hours added.
        let gluedClockSuffixes: WordMap<Int>
        /// A year in two digits after an apostrophe below `short_year_pivot` is in the 2000s ("'08"), else the 1900s.
        let shortYearPivot: Int

        init(_ f: DatesFile?) {
            verbMonths = WordSet(f?.verbMonths ?? [])
            fullShortMonths = WordSet(f?.fullShortMonths ?? [])
            nightDays = WordSet(f?.nightDays ?? [])
            timeOpeners = WordSet(f?.timeOpeners ?? [])
            bareHourOpeners = WordSet(f?.bareHourOpeners ?? [])
            dayOpeners = WordSet(f?.dayOpeners ?? [])
            dayPartOpeners = PhraseTable((f?.dayPartOpeners ?? []).map { ($0, true) })
            clockFractions = WordMap(f?.clockFractions ?? [:])
            clockPastWords = WordSet(f?.clockPastWords ?? [])
            clockToWords = WordSet(f?.clockToWords ?? [])
            clockToFractions = WordSet(f?.clockToFractions ?? [])
            minuteWords = WordSet(f?.minuteWords ?? [])
            timeWordPrepositions = WordSet(f?.timeWordPrepositions ?? [])
            determiners = WordSet(f?.determiners ?? [])
            ofWords = WordSet(f?.ofWords ?? [])
            ordinalPartUnits = WordMap(f?.ordinalPartUnits ?? [:])
            anchoredOffsetWords = WordMap(f?.anchoredOffsetWords ?? [:])
            futureOffsetWords = WordSet(f?.futureOffsetWords ?? [])
            nextWeekModifiers = WordSet(f?.nextWeekModifiers ?? [])
            yearRangeOpeners = WordSet(f?.yearRangeOpeners ?? [])
            rangeAndJoiners = WordSet(f?.rangeAndJoiners ?? [])
            loneSuffixLetters = WordSet(f?.loneSuffixLetters ?? [])
            relativeDayNames = WordMap(f?.relativeDayNames ?? [:])
            timeZones = WordSet(f?.timeZones ?? [])
            withinWords = WordSet(f?.withinWords ?? [])
            withinBlockers = WordSet(f?.withinBlockers ?? [])
            weekdaySets = WordMap(f?.weekdaySets ?? [:])
            dayPartSets = WordMap(f?.dayPartSets ?? [:])
            noonWords = WordSet(f?.noonWords ?? [])
            monthListWords = WordSet(f?.monthListWords ?? [])
            monthRangeWords = WordSet(f?.monthRangeWords ?? [])
            relativeDayShifts = PhraseTable((f?.relativeDayShifts ?? [:]).map { ($0.key, $0.value) })
            decadeApostrophes = WordSet(f?.decadeApostrophes ?? [])
            shortDecadeCenturies = WordMap(f?.shortDecadeCenturies ?? [:])
            restOf = PhraseTable((f?.restOf ?? []).map { ($0, true) })
            restDeterminers = WordSet(f?.restDeterminers ?? [])
            weekdayHolidays = PhraseTable(
                (f?.weekdayHolidays ?? [:]).filter { $0.value.count == 4 }.map { ($0.key, $0.value) })
            easterHolidays = PhraseTable((f?.easterHolidays ?? [:]).map { ($0.key, $0.value) })
            capitalizedHolidays = WordSet(f?.capitalizedHolidays ?? [])
            nthWeekdayOfWords = WordSet(f?.nthWeekdayOfWords ?? [])
            seasons = WordMap(f?.seasons ?? [:])
            verbSeasons = WordSet(f?.verbSeasons ?? [])
            seasonStarts = WordMap(f?.seasonStarts ?? [:])
            durationPartJoiners = WordSet(f?.durationPartJoiners ?? [])
            afterNext = PhraseTable((f?.afterNext ?? [:]).map { ($0.key, $0.value) })
            dayAlonePrepositions = WordSet(f?.dayAlonePrepositions ?? [])
            pastTenseWords = WordSet(f?.pastTenseWords ?? [])
            futureTenseWords = WordSet(f?.futureTenseWords ?? [])
            pastTenseSuffixes = f?.pastTenseSuffixes ?? []
            tenseLookback = f?.tenseLookback ?? 0
            passiveAuxiliaries = WordSet(f?.passiveAuxiliaries ?? [])
            tenseBoundaries = WordSet(f?.tenseBoundaries ?? [])
            tenseSpeechVerbs = WordSet(f?.tenseSpeechVerbs ?? [])
            tenseSpeechReach = f?.tenseSpeechReach ?? 0
            tenseRules = WordSet(f?.tenseRules ?? [])
            tenseMinDays = f?.tenseMinDays ?? 0
            weekdayTenseRules = WordSet(f?.weekdayTenseRules ?? [])
            weekdayFutureWords = WordSet(f?.weekdayFutureWords ?? [])
            eventDays = PhraseTable((f?.eventDays ?? [:]).map { ($0.key, $0.value) })
            eventDayNouns = WordSet(f?.eventDayNouns ?? [])
            weekdayNamePrefixes = WordSet(f?.weekdayNamePrefixes ?? [])
            weekdayNameFollowers = PhraseTable((f?.weekdayNameFollowers ?? []).map { ($0, true) })
            gluedClockSuffixes = WordMap(f?.gluedClockSuffixes ?? [:])
            shortYearPivot = f?.shortYearPivot ?? 0
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
        /// A unit read as another once the number carries a scale: "5 million pounds" is money, not weight.
        struct ScaledUnit: Decodable {
            var unit: String
            var minScale: Double
            var `as`: String
            var kind: String
            enum CodingKeys: String, CodingKey {
                case unit, `as`, kind
                case minScale = "min_scale"
            }
        }
        var units: [Entry]
        var minorUnits: [String]?
        var unitFamilies: [String: [String: Double]]?
        var maxMeasureParts: Int?
        var impliedNextUnits: [String: String]?
        var scaledUnits: [ScaledUnit]?
        var ageUnit: String?
        enum CodingKeys: String, CodingKey {
            case units
            case minorUnits = "minor_units"
            case unitFamilies = "unit_families"
            case maxMeasureParts = "max_measure_parts"
            case impliedNextUnits = "implied_next_units"
            case scaledUnits = "scaled_units"
            case ageUnit = "age_unit"
        }
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
    let cardinals: WordMap<Double>
    let ordinals: WordMap<Double>
    let ordinalSuffixes: WordSet
    let scales: WordMap<Double>
    let attachedScales: WordMap<Double>
    let fractions: WordMap<Double>
    let unicodeFractions: [Unicode.Scalar: Double]
    let vague: WordMap<(Double, Double)>
    let few: PhraseTable<Double>
    let oneWords: WordSet
    let negativeWords: WordSet
    let decimalWords: WordSet
    let overWords: PhraseTable<Bool>
    let qualifiers: PhraseTable<String>
    let qualifierSkip: WordSet
    let rangeStarts: WordSet
    let rangeJoiners: WordSet
    let months: WordMap<Int>
    let ambiguousMonths: WordSet
    let weekdays: WordMap<Int>
    let ambiguousWeekdays: WordSet
    let relativeDays: WordMap<Int>
    let relativeModifiers: PhraseTable<Int>
    let calendarUnits: WordMap<String>
    let offsetWords: PhraseTable<Int>
    let datePrepositions: WordSet
    let timeSuffixes: PhraseTable<Int>
    let timeWords: PhraseTable<String>
    let oclockWords: PhraseTable<Bool>
    let dayParts: WordMap<String>
    let ageWords: WordSet
    /// Fixed-date holidays: month and day.
    let holidays: PhraseTable<[Int]>
    /// "end", "start", "middle": "the end of 2008" names the period it is part of.
    let periodParts: WordSet
    let numberPrefixes: WordSet
    let irregularPlurals: WordMap<String>
    /// Comparative and superlative forms to their base ("best" → "good", "smaller" → "small"); grade words
    /// ("most", "less") map to "" and are left out of a counted noun.
    let adjectiveBases: WordMap<String>
    /// Words and marks that may join two parts of one temporal expression ("October 14 at 8:00am").
    let temporalJoiners: WordSet
    /// Phrases that mean the moment of writing ("right now", "at present"): `PRESENT_REF`.
    let presentWords: PhraseTable<Bool>
    /// Words for a recurrence ("daily", "quarterly") and their TIMEX value (`P1D`, `P3M`).
    let temporalSets: PhraseTable<String>
    /// "every", "each", "once a": a recurrence when a `set_units` word follows ("every two weekends").
    let setStarts: PhraseTable<Bool>
    let setUnits: WordMap<String>
    /// Lower-case words that name a numbered thing rather than count it: "category 4", "level 3".
    let labelWords: WordSet
    /// "78,000 times a minute": a count of events per time unit.
    let rateWords: WordSet
    /// "two of the soldiers", "two of Johnson's deputies": determiners between a number, "of" and its noun.
    let partitiveDeterminers: WordSet
    /// Nouns that make "of N" an amount rather than a year: "an average of 1500", "a total of 1990".
    let amountNouns: WordSet
    /// Words joining two modifiers of one counted noun: "2.7m digital and physical sales".
    let conjunctions: WordSet
    /// Verbs of change before an amount: "fell 4p to 250p" is a change and a level, not a range. They are the
    /// trend verbs of `claims-context.json` (``ClaimContext``), one list for both uses.
    let changeWords: WordSet
    /// Words before "half of" that make it a part, not a share: "the upper half of the laptop".
    let partModifiers: WordSet
    /// Words after a capitalised relative day that make it a name: "the Today programme".
    let relativeDayNameFollowers: WordSet
    /// The last word of a street name: "14-16 Harbour Street" is a range of house numbers, not a claim.
    let streetWords: WordSet
    /// Words before "one" that make it a pronoun: "get this one right".
    let pronounOneDeterminers: WordSet
    /// "one day", "one night" after a modal or a subject pronoun mean "someday", not a duration.
    let indefiniteTimeWords: WordSet
    let indefiniteTimeBefore: WordSet
    /// Phrases after a count that make it an anonymous source: "one person familiar with the talks".
    let sourceDescriptions: PhraseTable<Bool>
    /// Words that put a sentence in the future ("will", "'ll" ending a word): "in 2 weeks" is then a date.
    let futureMarkers: [String]
    /// Words for a quarter of a year ("quarter", "qtr"): "the 1st quarter of 2013", "Q3 2018".
    let quarterWords: WordSet
    /// The letter of a quarter written "Q3 2018".
    let quarterLetters: WordSet
    /// `dimension_words` in `claims-lexicon.json` (see ``ClaimScanner`` quantity rules).
    let dimensionWords: WordSet
    /// `possessive_letters` in `claims-lexicon.json` (see ``ClaimScanner`` quantity rules).
    let possessiveLetters: WordSet
    /// `spaced_currency_codes` in `claims-lexicon.json` (see ``ClaimScanner`` quantity rules).
    let spacedCurrencyCodes: WordSet
    /// `one_unit_words` in `claims-lexicon.json` (see ``ClaimScanner`` quantity rules).
    let oneUnitWords: WordSet
    /// `one_unit_excluded_words` in `claims-lexicon.json` (see ``ClaimScanner`` quantity rules).
    let oneUnitExcludedWords: WordSet
    /// `one_unit_excluded_units` in `claims-lexicon.json` (see ``ClaimScanner`` quantity rules).
    let oneUnitExcludedUnits: WordSet
    /// `one_unit_before` in `claims-lexicon.json` (see ``ClaimScanner`` quantity rules).
    let oneUnitBefore: WordSet
    /// `one_of_phrases` in `claims-lexicon.json` (see ``ClaimScanner`` quantity rules).
    let oneOfPhrases: PhraseTable<Bool>
    /// `ratio_words` in `claims-lexicon.json` (see ``ClaimScanner`` quantity rules).
    let ratioWords: WordSet
    /// `ratio_words_before_noun` in `claims-lexicon.json` (see ``ClaimScanner`` quantity rules).
    let ratioWordsBeforeNoun: WordSet
    /// `ratio_words_same_form` in `claims-lexicon.json` (see ``ClaimScanner`` quantity rules).
    let ratioWordsSameForm: WordSet
    /// `century_words` in `claims-lexicon.json` (see ``ClaimScanner`` quantity rules).
    let centuryWords: WordSet
    /// `currency_country_suffixes` in `claims-lexicon.json` (see ``ClaimScanner`` quantity rules).
    let currencyCountrySuffixes: WordSet
    /// `per_words` in `claims-lexicon.json` (see ``ClaimScanner`` quantity rules).
    let perWords: WordSet
    /// `decade_suffixes` in `claims-lexicon.json` (see ``ClaimScanner`` quantity rules).
    let decadeSuffixes: WordSet
    /// `half_year_letters` in `claims-lexicon.json` (see ``ClaimScanner`` quantity rules).
    let halfYearLetters: WordSet
    /// `number_sign_words` in `claims-lexicon.json` (see ``ClaimScanner`` quantity rules).
    let numberSignWords: WordSet
    /// `age_words_in_span` in `claims-lexicon.json` (see ``ClaimScanner`` quantity rules).
    let ageWordsInSpan: WordSet
    /// `range_starts_and` in `claims-lexicon.json` (see ``ClaimScanner`` quantity rules).
    let rangeStartsAnd: WordSet
    /// `range_or_joiners` in `claims-lexicon.json` (see ``ClaimScanner`` quantity rules).
    let rangeOrJoiners: WordSet
    /// `range_word_joiners` in `claims-lexicon.json` (see ``ClaimScanner`` quantity rules).
    let rangeWordJoiners: WordSet
    /// `range_blockers` in `claims-lexicon.json` (see ``ClaimScanner`` quantity rules).
    let rangeBlockers: WordSet
    /// `equivalent_openers` in `claims-lexicon.json` (see ``ClaimScanner`` quantity rules).
    let equivalentOpeners: WordSet
    /// Nouns after "N point" that make the points a margin in percentage points ("an 8-point lead"): `margin_nouns`.
    let marginNouns: WordSet
    /// Words after a lone "one" that start a range ("one or two days"): `one_range_joiners`.
    let oneRangeJoiners: WordSet
    /// Words before "one" + a singular noun that make it an amount ("just one area"): `one_count_keepers`.
    let oneCountKeepers: WordSet
    /// Denominators of a ratio that may be written in another form than its numerator ("eight in 10"): `ratio_bases`.
    let ratioBases: Set<Double>
    /// Scales below a thousand that "a half" may take ("a half-dozen"): `dozen_scales`.
    let dozenScales: Set<Double>
    /// A plain digit run longer than this is an identifier, not an amount: `max_plain_digits`.
    let maxPlainDigits: Int
    /// "early", "late" before a part of the day ("Tuesday early-morning"): `day_part_modifiers`.
    let dayPartModifiers: WordSet
    /// Currency names that are also names ("Rand", "Won"): written with a capital they are no unit.
    let nameLikeCurrencies: WordSet
    /// Comparatives stepped over before a counted noun ("five more soldiers"): `count_lead_words`.
    let countLeadWords: WordSet
    /// Decimal places of a share read from a fraction ("two-thirds" = 66.7%): `share_decimals`.
    let shareDecimals: Int
    /// The unit of points ("32 points") and the unit a margin in points is read as (`point_unit`, `margin_unit`).
    let pointUnit: String?
    let marginUnit: UnitInfo?
    /// The confidence of each rule id (a variant adds a suffix: `claims.ordinal.spelled`): `rule_confidences`.
    let ruleConfidences: WordMap<Double>
    /// The words of the date and time rules: the `dates` section.
    let dates: DateWords
    /// Ordinals that are part of a name written in lower case ("first lady"): `ordinal_names`.
    let ordinalNames: PhraseTable<Bool>
    /// Words after a bare number that show its counted noun was left out ("Kasich has 129 and ..."):
    /// `elided_noun_followers`.
    let elidedNounFollowers: WordSet
    /// A whole number below this alone before a full stop at the start of a sentence is a list marker ("2. The
    /// vote"): `max_list_marker`.
    let maxListMarker: Int
    /// Superlatives after "one of the" (NewsQuant counts "one of the best speakers", not "one of the lobbying
    /// firms"): a graded adjective ending in a `superlative_suffixes` suffix, or a `superlative_words` word.
    let superlativeSuffixes: [String]
    let superlativeWords: WordSet
    /// Names and idioms that hold a number no editor checks ("Gang of Eight", "Catch-22", "at one point",
    /// "second-guess"): `number_names`, `number_idioms`.
    let numberNames: PhraseTable<Bool>
    let numberIdioms: PhraseTable<Bool>
    /// A phrase before "minus" that makes it no sign ("plus or minus 3 points"): `plus_minus_phrases`.
    let plusMinusPhrases: PhraseTable<Bool>
    /// A mark after an ordinal opening a sentence that makes it a discourse adverb ("First, ..."):
    /// `discourse_ordinal_marks`.
    let discourseOrdinalMarks: WordSet
    /// Marks before such an ordinal that open a sentence or a quotation: `discourse_ordinal_openers`.
    let discourseOrdinalOpeners: WordSet
    /// Verbs after "a third" that make it a share ("a third said"), not an ordinal ("a third term"): `share_verbs`.
    let shareVerbs: WordSet
    /// Words before a bare number whose noun is left out that make it a pronoun ("the two", "all three", "the other
    /// two"): `elided_determiners`.
    let elidedDeterminers: WordSet
    /// The largest such group read as a pronoun ("all 49 were named" is; "the 50,000 per day" is an amount):
    /// `max_elided_group`.
    let maxElidedGroup: Int
    /// How many words before "N points" a `margin_nouns` word may stand ("the margin of error is 3 points"):
    /// `margin_lookback`.
    let marginLookback: Int
    /// How far before "2)" an opening parenthesis makes it no list marker: `list_marker_lookback`.
    let listMarkerLookback: Int
    /// Ordinals that are adverbs with no determiner before them and a past form after them ("Sanders first touched
    /// down"): `adverb_ordinals`, the endings of the past form `adverb_ordinal_suffixes`.
    let adverbOrdinals: WordSet
    let adverbOrdinalSuffixes: [String]
    /// Phrases before a number that make it an age ("as old as 80"): `age_comparatives`.
    let ageComparatives: PhraseTable<Bool>
    /// "a father of six" counts children: the noun counted after each `parent_nouns` word and "of".
    let parentNouns: WordMap<String>
    /// Past forms that do not end in a past suffix ("won", "began"): `irregular_past_forms`, read by the adverb
    /// ordinal rule and by the tense of a date without a year.
    let irregularPastForms: WordSet
    /// A bare number is an age before an `age_followers` phrase ("45 and older"), or after an `age_group_nouns` word
    /// and an `age_group_comparisons` word ("voters under 30") or a range ("blacks 30 to 44"); at most `max_age`.
    let ageFollowers: PhraseTable<Bool>
    let ageGroupNouns: WordSet
    let ageGroupComparisons: WordSet
    let maxAge: Double
    /// The words before a year written with an apostrophe and two digits ("in '08"): `short_year_prepositions`.
    let shortYearPrepositions: WordSet
    /// The words between two ordinals of streets ("41st and 42nd streets"): `street_ordinal_joiners`.
    let streetOrdinalJoiners: WordSet
    /// Minor currency units kept unconverted ("cent", "penny"): `minor_units` in `claims-units.json`.
    let minorUnits: WordSet
    /// The family of each unit and its size in the family's base unit, for measures in parts: `unit_families`.
    let unitFactors: WordMap<(family: String, factor: Double)>
    /// The most parts of one measure ("2 yards 7 ft 10 inches" has three): `max_measure_parts`.
    let maxMeasureParts: Int
    /// The unit of a last part written without one ("1 hour and fifteen"): `implied_next_units`.
    let impliedNextUnits: WordMap<String>
    /// A unit read as another from a scale on ("5 million pounds" is money): `scaled_units`.
    let scaledUnits: WordMap<(minScale: Double, info: UnitInfo)>
    /// The unit of an age ("aged 25"): `age_unit`.
    let ageUnit: UnitInfo
    let stopwords: WordSet

    /// Unit names after a number, money and measure alike.
    let unitNames: PhraseTable<UnitInfo>
    /// Unit forms accepted only when glued to the digits ("3h", "5l").
    let unitAttached: WordMap<UnitInfo>
    /// Currency forms before a number ("$", "US$", "EUR").
    let currencyPrefixes: PhraseTable<UnitInfo>
    /// Every word that can start a claim; the scanner skips other words at once.
    let startWords: WordSet
    /// The words that may open a holiday, a season or a relative period, or follow the determiner that opens one
    /// (``ClaimScanner/holiday(_:)``, `season`, `afterNext`): a cheap gate before those rules.
    let periodOpeners: WordSet
    /// Every symbol that can start a claim ("$", "-", "½").
    let startSymbols: WordSet

    init(lexicon: LexiconFile, units: UnitsFile, stopwords: [String], changeWords: WordSet = []) {
        lex = lexicon
        cardinals = WordMap(lexicon.cardinals)
        ordinals = WordMap(lexicon.ordinals)
        ordinalSuffixes = WordSet(lexicon.ordinalSuffixes)
        scales = WordMap(lexicon.scales)
        attachedScales = WordMap(lexicon.attachedScales)
        fractions = WordMap(lexicon.fractions)
        var uf: [Unicode.Scalar: Double] = [:]
        for (k, v) in lexicon.unicodeFractions { if let s = k.unicodeScalars.first { uf[s] = v } }
        unicodeFractions = uf
        var vg: [String: (Double, Double)] = [:]
        for (k, v) in lexicon.vagueAmounts where v.count == 2 { vg[k] = (v[0], v[1]) }
        vague = WordMap(vg)
        few = PhraseTable(lexicon.fewAmounts.map { ($0.key, $0.value) })
        oneWords = WordSet(lexicon.oneWords)
        negativeWords = WordSet(lexicon.negativeWords)
        decimalWords = WordSet(lexicon.decimalWords)
        overWords = PhraseTable(lexicon.overWords.map { ($0, true) })
        qualifiers = PhraseTable(lexicon.qualifiers.map { ($0, $0) })
        qualifierSkip = WordSet(lexicon.qualifierSkip)
        rangeStarts = WordSet(lexicon.rangeStarts)
        rangeJoiners = WordSet(lexicon.rangeJoiners)
        months = WordMap(lexicon.months)
        ambiguousMonths = WordSet(lexicon.ambiguousMonths)
        weekdays = WordMap(lexicon.weekdays)
        ambiguousWeekdays = WordSet(lexicon.ambiguousWeekdays)
        relativeDays = WordMap(lexicon.relativeDays)
        relativeModifiers = PhraseTable(lexicon.relativeModifiers.map { ($0.key, $0.value) })
        calendarUnits = WordMap(lexicon.calendarUnits)
        offsetWords = PhraseTable(lexicon.offsetWords.map { ($0.key, $0.value) })
        datePrepositions = WordSet(lexicon.datePrepositions)
        timeSuffixes = PhraseTable(lexicon.timeSuffixes.map { ($0.key, $0.value) })
        timeWords = PhraseTable(lexicon.timeWords.map { ($0.key, $0.value) })
        oclockWords = PhraseTable(lexicon.oclockWords.map { ($0, true) })
        dayParts = WordMap(lexicon.dayParts)
        ageWords = WordSet(lexicon.ageWords)
        holidays = PhraseTable(lexicon.holidays.map { ($0.key, $0.value) })
        periodParts = WordSet(lexicon.periodParts)
        numberPrefixes = WordSet(lexicon.numberPrefixes)
        irregularPlurals = WordMap(lexicon.irregularPlurals)
        var bases: [String: String] = [:]
        for (base, forms) in lexicon.gradedAdjectives ?? [:] { for f in forms { bases[f] = base } }
        for w in lexicon.gradeWords ?? [] { bases[w] = "" }
        adjectiveBases = WordMap(bases)
        temporalJoiners = WordSet(lexicon.temporalJoiners ?? [])
        presentWords = PhraseTable((lexicon.presentWords ?? []).map { ($0, true) })
        temporalSets = PhraseTable((lexicon.temporalSets ?? [:]).map { ($0.key, $0.value) })
        setStarts = PhraseTable((lexicon.setStarts ?? []).map { ($0, true) })
        setUnits = WordMap(lexicon.setUnits ?? [:])
        labelWords = WordSet(lexicon.labelWords ?? [])
        rateWords = WordSet(lexicon.rateWords ?? [])
        partitiveDeterminers = WordSet(lexicon.partitiveDeterminers ?? [])
        amountNouns = WordSet(lexicon.amountNouns ?? [])
        conjunctions = WordSet(lexicon.modifierConjunctions ?? [])
        self.changeWords = changeWords
        partModifiers = WordSet(lexicon.partModifiers ?? [])
        pronounOneDeterminers = WordSet(lexicon.pronounOneDeterminers ?? [])
        relativeDayNameFollowers = WordSet(lexicon.relativeDayNameFollowers ?? [])
        streetWords = WordSet(lexicon.streetWords ?? [])
        indefiniteTimeWords = WordSet(lexicon.indefiniteTimeWords ?? [])
        indefiniteTimeBefore = WordSet(lexicon.indefiniteTimeBefore ?? [])
        sourceDescriptions = PhraseTable((lexicon.sourceDescriptions ?? []).map { ($0, true) })
        futureMarkers = lexicon.futureMarkers ?? []
        quarterWords = WordSet(lexicon.quarterWords ?? [])
        quarterLetters = WordSet(lexicon.quarterLetters ?? [])
        self.stopwords = WordSet(stopwords.map { $0.lowercased() })
        dimensionWords = WordSet(lexicon.dimensionWords ?? [])
        possessiveLetters = WordSet(lexicon.possessiveLetters ?? [])
        spacedCurrencyCodes = WordSet(lexicon.spacedCurrencyCodes ?? [])
        oneUnitWords = WordSet(lexicon.oneUnitWords ?? [])
        oneUnitExcludedWords = WordSet(lexicon.oneUnitExcludedWords ?? [])
        oneUnitExcludedUnits = WordSet(lexicon.oneUnitExcludedUnits ?? [])
        oneUnitBefore = WordSet(lexicon.oneUnitBefore ?? [])
        oneOfPhrases = PhraseTable((lexicon.oneOfPhrases ?? []).map { ($0, true) })
        ratioWords = WordSet(lexicon.ratioWords ?? [])
        ratioWordsBeforeNoun = WordSet(lexicon.ratioWordsBeforeNoun ?? [])
        ratioWordsSameForm = WordSet(lexicon.ratioWordsSameForm ?? [])
        centuryWords = WordSet(lexicon.centuryWords ?? [])
        currencyCountrySuffixes = WordSet(lexicon.currencyCountrySuffixes ?? [])
        perWords = WordSet(lexicon.perWords ?? [])
        decadeSuffixes = WordSet(lexicon.decadeSuffixes ?? [])
        halfYearLetters = WordSet(lexicon.halfYearLetters ?? [])
        numberSignWords = WordSet(lexicon.numberSignWords ?? [])
        ageWordsInSpan = WordSet(lexicon.ageWordsInSpan ?? [])
        rangeStartsAnd = WordSet(lexicon.rangeStartsAnd ?? [])
        rangeOrJoiners = WordSet(lexicon.rangeOrJoiners ?? [])
        rangeWordJoiners = WordSet(lexicon.rangeWordJoiners ?? [])
        rangeBlockers = WordSet(lexicon.rangeBlockers ?? [])
        equivalentOpeners = WordSet(lexicon.equivalentOpeners ?? [])
        ruleConfidences = WordMap(lexicon.ruleConfidences ?? [:])
        dates = DateWords(lexicon.dates)
        ordinalNames = PhraseTable((lexicon.ordinalNames ?? []).map { ($0, true) })
        elidedNounFollowers = WordSet(lexicon.elidedNounFollowers ?? [])
        maxListMarker = lexicon.maxListMarker ?? 0
        marginNouns = WordSet(lexicon.marginNouns ?? [])
        oneRangeJoiners = WordSet(lexicon.oneRangeJoiners ?? [])
        oneCountKeepers = WordSet(lexicon.oneCountKeepers ?? [])
        ratioBases = Set(lexicon.ratioBases ?? [])
        dozenScales = Set(lexicon.dozenScales ?? [])
        maxPlainDigits = lexicon.maxPlainDigits ?? Int.max
        dayPartModifiers = WordSet(lexicon.dayPartModifiers ?? [])
        nameLikeCurrencies = WordSet(lexicon.nameLikeCurrencies ?? [])
        countLeadWords = WordSet(lexicon.countLeadWords ?? [])
        shareDecimals = lexicon.shareDecimals ?? 1
        pointUnit = lexicon.pointUnit
        marginUnit = lexicon.marginUnit.map { UnitInfo(unit: $0, kind: .percent) }
        superlativeSuffixes = lexicon.superlativeSuffixes ?? []
        superlativeWords = WordSet(lexicon.superlativeWords ?? [])
        numberNames = PhraseTable((lexicon.numberNames ?? []).map { ($0, true) })
        numberIdioms = PhraseTable((lexicon.numberIdioms ?? []).map { ($0, true) })
        plusMinusPhrases = PhraseTable((lexicon.plusMinusPhrases ?? []).map { ($0, true) })
        discourseOrdinalMarks = WordSet(lexicon.discourseOrdinalMarks ?? [])
        discourseOrdinalOpeners = WordSet(lexicon.discourseOrdinalOpeners ?? [])
        shareVerbs = WordSet(lexicon.shareVerbs ?? [])
        elidedDeterminers = WordSet(lexicon.elidedDeterminers ?? [])
        maxElidedGroup = lexicon.maxElidedGroup ?? 0
        marginLookback = lexicon.marginLookback ?? 0
        listMarkerLookback = lexicon.listMarkerLookback ?? 0
        adverbOrdinals = WordSet(lexicon.adverbOrdinals ?? [])
        adverbOrdinalSuffixes = lexicon.adverbOrdinalSuffixes ?? []
        ageComparatives = PhraseTable((lexicon.ageComparatives ?? []).map { ($0, true) })
        parentNouns = WordMap(lexicon.parentNouns ?? [:])
        irregularPastForms = WordSet(lexicon.irregularPastForms ?? [])
        ageFollowers = PhraseTable((lexicon.ageFollowers ?? []).map { ($0, true) })
        ageGroupNouns = WordSet(lexicon.ageGroupNouns ?? [])
        ageGroupComparisons = WordSet(lexicon.ageGroupComparisons ?? [])
        maxAge = Double(lexicon.maxAge ?? 120)
        shortYearPrepositions = WordSet(lexicon.shortYearPrepositions ?? [])
        streetOrdinalJoiners = WordSet(lexicon.streetOrdinalJoiners ?? [])
        minorUnits = WordSet(units.minorUnits ?? [])
        var factors: [String: (family: String, factor: Double)] = [:]
        for (family, table) in units.unitFamilies ?? [:] { for (u, f) in table { factors[u] = (family, f) } }
        unitFactors = WordMap(factors)
        maxMeasureParts = units.maxMeasureParts ?? 3
        impliedNextUnits = WordMap(units.impliedNextUnits ?? [:])
        var scaled: [String: (minScale: Double, info: UnitInfo)] = [:]
        for e in units.scaledUnits ?? [] {
            scaled[e.unit] = (e.minScale, UnitInfo(unit: e.as, kind: UnitKind(rawValue: e.kind) ?? .measure))
        }
        scaledUnits = WordMap(scaled)
        ageUnit = UnitInfo(unit: units.ageUnit ?? "year", kind: .measure)

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
        unitAttached = WordMap(attached)
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
        start.formUnion(lexicon.halfYearLetters ?? [])
        start.formUnion(lexicon.dayParts.keys)
        start.formUnion(lexicon.dates?.withinWords ?? [])
        start.formUnion(DateWords(lexicon.dates).relativeDayShifts.byFirst.keys)
        start.formUnion(DateWords(lexicon.dates).dayPartOpeners.byFirst.keys)
        start.formUnion(DateWords(lexicon.dates).restOf.byFirst.keys)
        start.formUnion(DateWords(lexicon.dates).weekdayHolidays.byFirst.keys)
        start.formUnion(DateWords(lexicon.dates).easterHolidays.byFirst.keys)
        start.formUnion(lexicon.dates?.seasons?.keys ?? [:].keys)
        start.formUnion(lexicon.dates?.weekdaySets?.keys ?? [:].keys)
        start.formUnion(lexicon.dates?.dayPartSets?.keys ?? [:].keys)
        if lexicon.dates?.dayPartSets != nil { start.formUnion(lexicon.dayPartModifiers ?? []) }
        start.formUnion(["half", "quarter", "the", "another", "http", "https", "www"])
        startWords = WordSet(start)
        var periods = Set(holidays.byFirst.keys)
        periods.formUnion(dates.weekdayHolidays.byFirst.keys)
        periods.formUnion(dates.easterHolidays.byFirst.keys)
        periods.formUnion(dates.seasons.keys)
        periods.formUnion(relativeModifiers.byFirst.keys)
        periods.formUnion(lexicon.calendarUnits.keys)
        periodOpeners = WordSet(periods)
        var symbols = Set(currencyPrefixes.byFirst.keys.filter { $0.unicodeScalars.count == 1 })
        symbols.formUnion(["-", "\u{2212}", "#", "@"])
        for k in lexicon.unicodeFractions.keys { symbols.insert(k) }
        startSymbols = WordSet(symbols)
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

    /// A superlative: a graded adjective ending in a `superlative_suffixes` suffix ("biggest", "best") or a
    /// `superlative_words` word ("most", "worst").
    func isSuperlative(_ w: String) -> Bool {
        if superlativeWords.contains(w) { return true }
        guard let b = adjectiveBases[w], !b.isEmpty else { return false }
        return superlativeSuffixes.contains(where: { w.hasSuffix($0) })
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
        /// Each word's small-string words (``SmallKey``) when it is a small ASCII string, else (0, 0).
        var keys: [(low: UInt64, high: UInt64)] = []
    }
    private(set) var byFirst: WordMap<[Entry]> = [:]
    /// A pre-check computed once from the first words: their lengths in UTF-8 bytes (bit `min(n, 63)`) and their
    /// first bytes. A token whose text fails it cannot be a key of `byFirst`, so its text is never hashed.
    private var firstLengths: UInt64 = 0
    private var firstBytes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// Whether small strings may be read by their words (``SmallKey/layoutHolds``, read once).
    private let smallKeys = SmallKey.layoutHolds

    init(_ items: [(String, Payload)]) {
        var byFirst: [String: [Entry]] = [:]
        let small = smallKeys
        for (phrase, payload) in items {
            let toks = ClaimTokenizer.phraseTokenList(phrase)
            guard let first = toks.first?.lower else { continue }
            byFirst[first, default: []].append(
                Entry(
                    words: toks.map(\.lower), tight: toks.map { !$0.spaceBefore }, payload: payload,
                    keys: toks.map { small ? SmallKey.ascii($0.lower) ?? (0, 0) : (0, 0) }))
        }
        for k in byFirst.keys {
            byFirst[k]!.sort { $0.words.count > $1.words.count }
            firstLengths |= 1 << UInt64(min(k.utf8.count, 63))
            guard let b = k.utf8.first else { continue }
            let bit: UInt64 = 1 << UInt64(b & 63)
            switch b >> 6 {
            case 0: firstBytes.0 |= bit
            case 1: firstBytes.1 |= bit
            case 2: firstBytes.2 |= bit
            default: firstBytes.3 |= bit
            }
        }
        self.byFirst = WordMap(byFirst)
    }

    /// Whether `w` passes the pre-check: false means `w` is no first word of a phrase.
    @inline(__always) func mayStart(_ w: String) -> Bool {
        if smallKeys, let k = SmallKey.ascii(w) { return mayStart(smallKey: k) }
        let u = w.utf8
        guard firstLengths & (1 << UInt64(min(u.count, 63))) != 0, let first = u.first else { return false }
        return mayStart(firstByte: first)
    }

    /// ``mayStart(_:)`` of a small ASCII string by its two words: the count and the first byte read from them.
    @inline(__always) func mayStart(smallKey k: (low: UInt64, high: UInt64)) -> Bool {
        let n = k.high >> 56 & 0xF
        guard firstLengths & (1 << n) != 0, n > 0 else { return false }
        return mayStart(firstByte: UInt8(truncatingIfNeeded: k.low))
    }

    @inline(__always) private func mayStart(firstByte b: UInt8) -> Bool {
        let bit: UInt64 = 1 << UInt64(b & 63)
        switch b >> 6 {
        case 0: return firstBytes.0 & bit != 0
        case 1: return firstBytes.1 & bit != 0
        case 2: return firstBytes.2 & bit != 0
        default: return firstBytes.3 & bit != 0
        }
    }

    /// The longest phrase starting at token `i`, and the index after it.
    ///
    /// A token whose text is a small ASCII string is read by its two words (``ClaimTokenRef/lowerKey``): the
    /// pre-check, the table and a phrase's later words compare those words, never copying or comparing strings;
    /// any other text is compared as a `String`.
    func match(_ t: ClaimTokens, _ i: Int, _ limit: Int) -> (payload: Payload, end: Int)? {
        guard i < limit else { return nil }
        let key = t[i].lowerKey
        let found: [Entry]?
        if smallKeys && key.high >> 60 == 0xE && byFirst.takesSmallKeys {
            found = mayStart(smallKey: key) ? byFirst.value(smallKey: key.low, key.high) : nil
        } else {
            let w = t[i].lower
            found = mayStart(w) ? byFirst[w] : nil
        }
        guard let entries = found else { return nil }
        outer: for e in entries {
            if i + e.words.count > limit { continue }
            var k = 1
            while k < e.words.count {
                let tk = t[i + k]
                let a = tk.lowerKey
                let b = e.keys[k]
                let same = a.high >> 60 == 0xE && b.high >> 60 == 0xE ? a == b : tk.lower == e.words[k]
                if !same || (e.tight[k] && tk.spaceBefore) { continue outer }
                k += 1
            }
            return (e.payload, i + e.words.count)
        }
        return nil
    }

    /// The longest phrase ending just before token `end` (exclusive), and its first index.
    func matchEnding(_ t: ClaimTokens, _ end: Int, _ lowerBound: Int) -> (payload: Payload, start: Int)? {
        var best: (Payload, Int)?
        var start = end - 1
        while start >= lowerBound, end - start <= 4 {
            if let m = match(t, start, end), m.end == end { best = (m.payload, start) }
            start -= 1
        }
        return best
    }
}
