import Foundation

/// Settings of the editors' report: when a report becomes a folder, which claims get a badge, how numbers are
/// written. The values live in the resource `report.json` (every key, with its meaning in `$comment`); a user's file
/// given to `hearsay report --settings` is laid over it key by key, so it names only what it changes.
public struct ReportSettings: Codable, Sendable, Equatable {
    /// With the automatic layout, a file of at most this many articles is one page, a larger one a folder.
    public var singlePageMaxArticles: Int
    /// A speakers' page of a folder report is closed before it would hold more quotes or speakers than these (a
    /// speaker is never split: one with more quotes has a page of their own).
    public var speakerPageMaxQuotes: Int
    public var speakerPageMaxSpeakers: Int
    public var badges: Badges
    public var numbers: Numbers

    /// Which claims an editor would check: thresholds by claim kind (see ``ClaimBadge``).
    public struct Badges: Codable, Sendable, Equatable {
        /// The kinds that may get a badge, each with the least confidence it needs.
        public var minConfidence: [String: Double]
        /// Claims found by these rules (vague amounts) get none.
        public var vagueRules: [String]
        /// Kinds whose plain small amounts ("one company", "a five-year plan") get none: the least value that does.
        public var minValue: [String: Double]

        enum CodingKeys: String, CodingKey {
            case minConfidence = "min_confidence", vagueRules = "vague_rules", minValue = "min_value"
        }
    }

    /// How values are written (see ``ReportNumbers``).
    public struct Numbers: Codable, Sendable, Equatable {
        public struct Scale: Codable, Sendable, Equatable {
            public var value: Double
            public var word: String
        }
        public var currencySymbols: [String: String]
        public var scaleWords: [Scale]
        public var scaleDecimals: Int
        public var moneyDecimals: Int
        public var percentDecimals: Int
        public var decimals: Int
        public var minSignificant: Int
        /// Units written as words, with their plural.
        public var unitPlurals: [String: String]

        enum CodingKeys: String, CodingKey {
            case currencySymbols = "currency_symbols", scaleWords = "scale_words", scaleDecimals = "scale_decimals"
            case moneyDecimals = "money_decimals", percentDecimals = "percent_decimals", decimals
            case minSignificant = "min_significant", unitPlurals = "unit_plurals"
        }
    }

    enum CodingKeys: String, CodingKey {
        case singlePageMaxArticles = "single_page_max_articles", speakerPageMaxQuotes = "speaker_page_max_quotes"
        case speakerPageMaxSpeakers = "speaker_page_max_speakers", badges, numbers
    }

    /// The built-in settings (`Sources/Hearsay/Resources/report.json`).
    /// - Throws: ``HearsayError`` `resource.*` when the resource cannot be read or is invalid.
    public static func builtin(resources: ResourceLoader = ResourceLoader()) throws -> ReportSettings {
        try decode(try builtinObject(resources), source: "builtin:report.json")
    }

    /// The built-in settings with the keys of the JSON file at `path` laid over them (objects merged key by key,
    /// other values replaced).
    /// - Throws: ``HearsayError`` `report.settings-unreadable` or `report.settings-invalid`, naming the file.
    public static func builtin(overriddenBy path: String, resources: ResourceLoader = ResourceLoader()) throws
        -> ReportSettings
    {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw HearsayError(
                code: "report.settings-unreadable", message: "cannot read the report settings", file: path,
                cause: "\(error)")
        }
        guard let user = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw HearsayError(
                code: "report.settings-invalid", message: "the report settings are not a JSON object", file: path)
        }
        return try decode(merge(try builtinObject(resources), user), source: path)
    }

    static func builtinObject(_ resources: ResourceLoader) throws -> [String: Any] {
        let data = try resources.data("builtin:report.json")
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw HearsayError(code: "resource.invalid", message: "resource 'builtin:report.json' is not a JSON object")
        }
        return object
    }

    /// `over` laid on `base`: objects merged key by key, anything else replaced.
    static func merge(_ base: [String: Any], _ over: [String: Any]) -> [String: Any] {
        var out = base
        for (k, v) in over {
            if let b = out[k] as? [String: Any], let o = v as? [String: Any] {
                out[k] = merge(b, o)
            } else {
                out[k] = v
            }
        }
        return out
    }

    static func decode(_ object: [String: Any], source: String) throws -> ReportSettings {
        let settings: ReportSettings
        do {
            let data = try JSONSerialization.data(withJSONObject: object)
            settings = try JSONDecoder().decode(ReportSettings.self, from: data)
        } catch let e as DecodingError {
            throw HearsayError(code: "report.settings-invalid", message: ConfigError.describe(e), file: source)
        }
        let n = settings.numbers
        let problems = [
            settings.singlePageMaxArticles < 0 ? "single_page_max_articles must not be negative" : nil,
            settings.speakerPageMaxQuotes < 1 || settings.speakerPageMaxSpeakers < 1
                ? "speaker_page_max_quotes and speaker_page_max_speakers must be at least 1" : nil,
            settings.badges.minConfidence.values.contains { !(0...1).contains($0) }
                ? "badges.min_confidence values must be in 0...1" : nil,
            [n.scaleDecimals, n.moneyDecimals, n.percentDecimals, n.decimals].contains { !(0...6).contains($0) }
                ? "numbers: decimals must be in 0...6" : nil,
            !(1...6).contains(n.minSignificant) ? "numbers.min_significant must be in 1...6" : nil,
            n.scaleWords.contains { !($0.value >= 1000) || $0.word.isEmpty }
                ? "numbers.scale_words need a value of at least 1000 and a word" : nil,
        ].compactMap { $0 }
        if let first = problems.first {
            throw HearsayError(code: "report.settings-invalid", message: first, file: source)
        }
        return settings
    }
}
