import Foundation

/// The word lists and limits the sentence segmenter consults, loaded once when the stage is built.
struct SegmentLexicon: Sendable {
    /// A set of lower-cased words, some matching in any case and some only when the text word is capitalized.
    struct CaseSet: Sendable {
        var anyCase: Set<String> = []
        var capitalizedOnly: Set<String> = []

        init(_ entries: [String] = []) { for e in entries { add(e) } }

        /// Adds an entry as written in a lexicon: a final period is dropped; an entry written in lower case
        /// matches any case, one written capitalized ("Ill.") only capitalized words.
        mutating func add(_ entry: String) {
            var e = entry.trimmingCharacters(in: .whitespaces)
            while e.hasSuffix(".") { e.removeLast() }
            guard let first = e.unicodeScalars.first else { return }
            let lower = e.lowercased()
            if first.properties.isUppercase {
                capitalizedOnly.insert(lower)
            } else {
                anyCase.insert(lower)
            }
        }

        func contains(_ lower: String, capitalized: Bool) -> Bool {
            anyCase.contains(lower) || (capitalized && capitalizedOnly.contains(lower))
        }
    }

    /// The finer rules' word lists and limits (`segment-rules.json`).
    struct Rules: Decodable, Sendable {
        var timeAbbreviations: [String] = ["a.m", "p.m"]
        var finalAbbreviations: [String] = ["etc"]
        var introMaxWords = 2
        var timeFollowers: [String] = []
        var attributionVerbs: [String] = []
        var attributionMaxWords = 5
        var datelineMaxWords = 8
        var wrappedMinLines = 3
        var wrappedMinShare = 0.75
        var wrappedMinLength = 40

        enum CodingKeys: String, CodingKey {
            case timeAbbreviations = "time_abbreviations"
            case finalAbbreviations = "final_abbreviations"
            case introMaxWords = "intro_max_words"
            case timeFollowers = "time_followers"
            case attributionVerbs = "attribution_verbs"
            case attributionMaxWords = "attribution_max_words"
            case datelineMaxWords = "dateline_max_words"
            case wrappedMinLines = "wrapped_min_lines"
            case wrappedMinShare = "wrapped_min_share"
            case wrappedMinLength = "wrapped_min_length"
        }

        init() {}

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Rules()
            timeAbbreviations = try c.decodeIfPresent([String].self, forKey: .timeAbbreviations) ?? d.timeAbbreviations
            finalAbbreviations =
                try c.decodeIfPresent([String].self, forKey: .finalAbbreviations) ?? d.finalAbbreviations
            introMaxWords = try c.decodeIfPresent(Int.self, forKey: .introMaxWords) ?? d.introMaxWords
            timeFollowers = try c.decodeIfPresent([String].self, forKey: .timeFollowers) ?? d.timeFollowers
            attributionVerbs = try c.decodeIfPresent([String].self, forKey: .attributionVerbs) ?? d.attributionVerbs
            attributionMaxWords =
                try c.decodeIfPresent(Int.self, forKey: .attributionMaxWords) ?? d.attributionMaxWords
            datelineMaxWords = try c.decodeIfPresent(Int.self, forKey: .datelineMaxWords) ?? d.datelineMaxWords
            wrappedMinLines = try c.decodeIfPresent(Int.self, forKey: .wrappedMinLines) ?? d.wrappedMinLines
            wrappedMinShare = try c.decodeIfPresent(Double.self, forKey: .wrappedMinShare) ?? d.wrappedMinShare
            wrappedMinLength = try c.decodeIfPresent(Int.self, forKey: .wrappedMinLength) ?? d.wrappedMinLength
        }
    }

    /// Abbreviations whose period may or may not end a sentence ("Co.", "U.S.", "a.m.").
    var abbreviations = CaseSet()
    /// Abbreviations that stand before a name or phrase ("Mr.", "Gov.", "vs."): never a sentence end.
    var titles = CaseSet()
    /// Abbreviations that stand before a number ("No. 5", "p. 55").
    var numberAbbreviations = CaseSet()
    /// Capitalized words that commonly begin a sentence ("The", "He", "However"), lower-cased.
    var starters: Set<String> = []
    var timeAbbreviations: Set<String> = []
    /// Abbreviations that usually close a list or sentence ("etc."): a capitalized word after them starts one.
    var finalAbbreviations: Set<String> = []
    var timeFollowers: Set<String> = []
    var attributionVerbs: Set<String> = []
    var rules = Rules()

    init() {}

    init(
        abbreviations: [String], titles: [String], numberAbbreviations: [String], starters: [String],
        rules: Rules
    ) {
        self.abbreviations = CaseSet(abbreviations)
        self.titles = CaseSet(titles)
        self.numberAbbreviations = CaseSet(numberAbbreviations)
        self.starters = Set(starters.map { $0.lowercased() })
        self.rules = rules
        timeAbbreviations = Set(rules.timeAbbreviations.map { Self.key($0) })
        finalAbbreviations = Set(rules.finalAbbreviations.map { Self.key($0) })
        timeFollowers = Set(rules.timeFollowers.map { $0.lowercased() })
        attributionVerbs = Set(rules.attributionVerbs.map { $0.lowercased() })
    }

    /// The lookup form of a written abbreviation: lower case, without its final period.
    static func key(_ s: String) -> String {
        var e = s.trimmingCharacters(in: .whitespaces).lowercased()
        while e.hasSuffix(".") { e.removeLast() }
        return e
    }
}
