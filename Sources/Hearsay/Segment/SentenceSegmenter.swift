/// Splits each paragraph into sentences.
///
/// Requires `text` and `paragraphs`; adds `sentences`. Paragraph breaks are hard boundaries and every paragraph
/// yields at least one unit (a headline or dateline without final punctuation is a unit of its own); a paragraph
/// of role `heading` is one unit. Inside a paragraph, ``SentenceScanner`` decides each candidate (terminal
/// punctuation, line breaks, bullets, list markers) from the words around it, using lexicons read from resource
/// files: abbreviations, titles that precede names, abbreviations that precede numbers, common sentence
/// starters, and the finer rules' word lists.
///
/// Configuration (`pipeline.json`, section `segment`):
/// - `abbreviations`: the abbreviation list (default `builtin:segment-abbreviations.txt`).
/// - `extra_abbreviations`: more abbreviations for a site, as written ("Gen.", "approx.").
/// - `titles`: abbreviations that precede a name (default `builtin:segment-titles.txt`).
/// - `number_abbreviations`: abbreviations that precede a number (default
///   `builtin:segment-number-abbreviations.txt`).
/// - `sentence_starters`: capitalized words that begin sentences (default `builtin:segment-sentence-starters.txt`).
/// - `rules`: word lists and limits of the finer rules (default `builtin:segment-rules.json`).
/// - `max_sentence_length`: longest unit, in characters, before a safety split (default 2000).
/// - `line_breaks`: `auto` (default), `boundary` or `space`: how single line breaks inside a paragraph are read.
public struct SentenceSegmenter: Stage {
    public struct Config: StageConfig {
        public var abbreviations = "builtin:segment-abbreviations.txt"
        public var extraAbbreviations: [String] = []
        public var titles = "builtin:segment-titles.txt"
        public var numberAbbreviations = "builtin:segment-number-abbreviations.txt"
        public var sentenceStarters = "builtin:segment-sentence-starters.txt"
        public var rules = "builtin:segment-rules.json"
        public var maxSentenceLength = 2000
        public var lineBreaks = LineBreakMode.auto

        public init() {}

        public static let keys: [String] = CodingKeys.allCases.map(\.rawValue)

        enum CodingKeys: String, CodingKey, CaseIterable {
            case abbreviations
            case extraAbbreviations = "extra_abbreviations"
            case titles
            case numberAbbreviations = "number_abbreviations"
            case sentenceStarters = "sentence_starters"
            case rules
            case maxSentenceLength = "max_sentence_length"
            case lineBreaks = "line_breaks"
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Config()
            abbreviations = try c.decodeIfPresent(String.self, forKey: .abbreviations) ?? d.abbreviations
            extraAbbreviations =
                try c.decodeIfPresent([String].self, forKey: .extraAbbreviations) ?? d.extraAbbreviations
            titles = try c.decodeIfPresent(String.self, forKey: .titles) ?? d.titles
            numberAbbreviations =
                try c.decodeIfPresent(String.self, forKey: .numberAbbreviations) ?? d.numberAbbreviations
            sentenceStarters = try c.decodeIfPresent(String.self, forKey: .sentenceStarters) ?? d.sentenceStarters
            rules = try c.decodeIfPresent(String.self, forKey: .rules) ?? d.rules
            maxSentenceLength = try c.decodeIfPresent(Int.self, forKey: .maxSentenceLength) ?? d.maxSentenceLength
            lineBreaks = try c.decodeIfPresent(LineBreakMode.self, forKey: .lineBreaks) ?? d.lineBreaks
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(abbreviations, forKey: .abbreviations)
            try c.encode(extraAbbreviations, forKey: .extraAbbreviations)
            try c.encode(titles, forKey: .titles)
            try c.encode(numberAbbreviations, forKey: .numberAbbreviations)
            try c.encode(sentenceStarters, forKey: .sentenceStarters)
            try c.encode(rules, forKey: .rules)
            try c.encode(maxSentenceLength, forKey: .maxSentenceLength)
            try c.encode(lineBreaks, forKey: .lineBreaks)
        }
    }

    public static let name = "segment"
    public static let requires: Set<Layer> = [.text, .paragraphs]
    public static let provides: Set<Layer> = [.sentences]

    let lexicon: SegmentLexicon
    let config: Config

    /// Loads the lexicons the configuration names.
    ///
    /// - Throws: ``HearsayError`` `config.bad-value` for a `max_sentence_length` below 20, or a resource error.
    public init(config: Config, resources: ResourceLoader) throws {
        guard config.maxSentenceLength >= 20 else {
            throw HearsayError(
                code: "config.bad-value",
                message: ".segment.max_sentence_length: must be at least 20 (got \(config.maxSentenceLength))")
        }
        self.config = config
        let rules = try resources.json(SegmentLexicon.Rules.self, config.rules)
        lexicon = SegmentLexicon(
            abbreviations: try resources.lines(config.abbreviations) + config.extraAbbreviations,
            titles: try resources.lines(config.titles),
            numberAbbreviations: try resources.lines(config.numberAbbreviations),
            starters: try resources.lines(config.sentenceStarters),
            rules: rules)
    }

    public func run(_ document: inout Document) throws {
        var scanner = SentenceScanner(
            scalars: document.scalars, paragraphs: document.paragraphs, lexicon: lexicon, lineBreaks: config.lineBreaks,
            maxLength: config.maxSentenceLength)
        var sentences: [Sentence] = []
        sentences.reserveCapacity(document.scalars.count / 100 + 1)
        for (index, paragraph) in document.paragraphs.enumerated() {
            for unit in scanner.units(of: paragraph.span, role: paragraph.role) {
                sentences.append(
                    Sentence(
                        id: sentences.count, paragraph: index, span: unit.span,
                        sourceSpan: document.sourceSpan(unit.span),
                        provenance: Provenance(stage: Self.name, rule: unit.rule, confidence: unit.confidence)))
            }
        }
        document.sentences = sentences
    }
}
