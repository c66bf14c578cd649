import Foundation

/// Flat views of knowledge documents: one row per quote (`hearsay quotes`) or per claim (`hearsay claims`), with
/// the speaker's name beside its id, so that a spreadsheet or `grep` needs no join.
///
/// Rows come in document order, then in text order (the order of the knowledge file). Spans are flat columns:
/// `start`/`end` count Unicode scalars of the document's normalized text, `source_start`/`source_end` bytes of the
/// original input; for a quote they run from its first fragment's start to its last fragment's end. See
/// `docs/views.md`.
public enum FlatViews {
    /// Which quotes a view keeps.
    public struct QuoteFilter: Sendable {
        /// A speaker name, matched loosely as `hearsay who` does (``SpeakerSearch``); nil keeps every quote.
        public var speaker: String?
        /// Quote kinds kept (`direct`, `mixed`, `indirect`); empty keeps every kind.
        public var kinds: Set<Quote.Kind> = []
        /// The least confidence kept: the attribution's (how sure the speaker is), else the quote's.
        public var minConfidence: Double?

        public init(speaker: String? = nil, kinds: Set<Quote.Kind> = [], minConfidence: Double? = nil) {
            self.speaker = speaker
            self.kinds = kinds
            self.minConfidence = minConfidence
        }
    }

    /// Which claims a view keeps.
    public struct ClaimFilter: Sendable {
        /// Claim kinds kept (`money`, `percent`, ...); empty keeps every kind.
        public var kinds: Set<Claim.Kind> = []
        /// Bounds on the numeric value, inclusive: a claim is kept when its value (its range `value`...`value_max`)
        /// meets `[min, max]`. A claim without a number (a date, a time) never meets a bound.
        public var min: Double?
        public var max: Double?
        /// The speaker of the quote the claim stands in, matched loosely; claims outside quotes never match.
        public var speaker: String?
        /// The least confidence kept (the claim rule's).
        public var minConfidence: Double?

        public init(
            kinds: Set<Claim.Kind> = [], min: Double? = nil, max: Double? = nil, speaker: String? = nil,
            minConfidence: Double? = nil
        ) {
            self.kinds = kinds
            self.min = min
            self.max = max
            self.speaker = speaker
            self.minConfidence = minConfidence
        }
    }

    /// The columns of `hearsay quotes`.
    public static let quoteColumns: [Column] = [
        Column("document", inTable: true, tableWidth: 32), Column("quote", inTable: true), Column("speaker"),
        Column("speaker_name", inTable: true, tableWidth: 24), Column("speaker_type"),
        Column("cue", inTable: true, tableWidth: 16), Column("kind", inTable: true),
        Column("text", inTable: true, tableWidth: 0), Column("confidence", inTable: true), Column("rule"),
        Column("start"), Column("end"), Column("source_start"), Column("source_end"),
    ]

    /// The columns of `hearsay claims`. `value` and `value_max` are numbers only; a date or time is in `timex`, as in
    /// the knowledge file.
    public static let claimColumns: [Column] = [
        Column("document", inTable: true, tableWidth: 32), Column("claim", inTable: true), Column("speaker"),
        Column("speaker_name", inTable: true, tableWidth: 24), Column("quote"), Column("kind", inTable: true),
        Column("text", inTable: true, tableWidth: 0), Column("value", inTable: true), Column("value_max"),
        Column("timex", inTable: true), Column("unit", inTable: true), Column("qualifier"), Column("subject"),
        Column("change"), Column("confidence", inTable: true), Column("rule"), Column("start"), Column("end"),
        Column("source_start"), Column("source_end"),
    ]

    /// The names a speaker answers to: its name and the names it is mentioned by.
    static func names(_ speaker: Speaker?) -> [String] {
        guard let speaker else { return [] }
        return [speaker.name] + speaker.mentions.filter { $0.form == .name }.map(\.text)
    }

    /// The rows of the quotes of `document` that `filter` keeps.
    public static func quoteRows(_ document: KnowledgeDocument, filter: QuoteFilter = QuoteFilter()) -> [[Cell]] {
        var rows: [[Cell]] = []
        for q in document.quotes {
            let speaker = document.speaker(q.speaker)
            let decided = q.attribution ?? q.provenance
            guard filter.keeps(kind: q.kind, confidence: decided.confidence, speakerNames: names(speaker)) else {
                continue
            }
            let first = q.fragments.first
            let last = q.fragments.last
            rows.append([
                .text(document.id), .text(q.id), q.speaker.map(Cell.text) ?? .null,
                q.speakerName.map(Cell.text) ?? .null, speaker.map { .text($0.type.rawValue) } ?? .null,
                q.cue.map { .text($0.text) } ?? .null, .text(q.kind.rawValue), .text(q.text),
                .number(decided.confidence), .text(decided.rule),
                number(first?.span.start), number(last?.span.end), number(first?.sourceSpan.start),
                number(last?.sourceSpan.end),
            ])
        }
        return rows
    }

    /// The rows of the claims of `document` that `filter` keeps.
    public static func claimRows(_ document: KnowledgeDocument, filter: ClaimFilter = ClaimFilter()) -> [[Cell]] {
        var rows: [[Cell]] = []
        for c in document.claims {
            let speaker = document.speaker(c.speaker)
            guard
                filter.keeps(
                    kind: c.kind, value: c.value.number, valueMax: c.valueMax?.number,
                    confidence: c.provenance.confidence, speakerNames: names(speaker))
            else { continue }
            rows.append([
                .text(document.id), .text(c.id), c.speaker.map(Cell.text) ?? .null,
                speaker.map { .text($0.name) } ?? .null, c.quote.map(Cell.text) ?? .null, .text(c.kind.rawValue),
                .text(c.text), number(c.value.number), number(c.valueMax?.number), c.timex.map(Cell.text) ?? .null,
                c.unit.map(Cell.text) ?? .null, c.qualifier.map(Cell.text) ?? .null,
                c.subject.map { .text($0.text) } ?? .null, c.change.map(Cell.text) ?? .null,
                .number(c.provenance.confidence), .text(c.provenance.rule), .number(Double(c.span.start)),
                .number(Double(c.span.end)), .number(Double(c.sourceSpan.start)), .number(Double(c.sourceSpan.end)),
            ])
        }
        return rows
    }

    static func number(_ i: Int?) -> Cell { i.map { .number(Double($0)) } ?? .null }
    static func number(_ d: Double?) -> Cell { d.map(Cell.number) ?? .null }

    /// The quote view of every document of `paths` (see ``KnowledgeInput``).
    public static func quotes(in paths: [String], filter: QuoteFilter = QuoteFilter()) throws -> FlatRows {
        var out = FlatRows(columns: quoteColumns)
        try KnowledgeInput.forEachDocument(in: paths) { out.rows += quoteRows($0, filter: filter) }
        return out
    }

    /// The claim view of every document of `paths`.
    public static func claims(in paths: [String], filter: ClaimFilter = ClaimFilter()) throws -> FlatRows {
        var out = FlatRows(columns: claimColumns)
        try KnowledgeInput.forEachDocument(in: paths) { out.rows += claimRows($0, filter: filter) }
        return out
    }
}

extension FlatViews {
    /// Kinds named on the command line (`--kind direct,mixed`, repeatable), checked against the knowledge file's
    /// vocabulary.
    /// - Throws: ``HearsayError`` `usage.unknown-kind`, listing the known kinds.
    public static func kinds<K: RawRepresentable & CaseIterable & Hashable>(_ names: [String], of: K.Type) throws
        -> Set<K> where K.RawValue == String
    {
        var out: Set<K> = []
        for name in names.flatMap({ $0.split(separator: ",") }) {
            let word = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard let k = K(rawValue: word) else {
                throw HearsayError(
                    code: "usage.unknown-kind",
                    message: "unknown kind '\(word)' (known: \(K.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            out.insert(k)
        }
        return out
    }
}

extension FlatViews.QuoteFilter {
    /// Whether a quote of this kind, confidence (nil: unknown, which no `minConfidence` admits) and speaker names
    /// (empty: no speaker) is kept.
    public func keeps(kind: Quote.Kind, confidence: Double?, speakerNames: [String]) -> Bool {
        if !kinds.isEmpty && !kinds.contains(kind) { return false }
        if let m = minConfidence, (confidence ?? -1) < m { return false }
        if let s = speaker, SpeakerSearch.score(query: s, names: speakerNames) == nil { return false }
        return true
    }
}

extension FlatViews.ClaimFilter {
    /// Whether a claim of this kind, numeric value or range (nil: not a number), confidence and speaker names is
    /// kept.
    public func keeps(kind: Claim.Kind, value: Double?, valueMax: Double?, confidence: Double?, speakerNames: [String])
        -> Bool
    {
        if !kinds.isEmpty && !kinds.contains(kind) { return false }
        if let m = minConfidence, (confidence ?? -1) < m { return false }
        if min != nil || max != nil {
            guard let low = value else { return false }
            let high = valueMax ?? low
            if let m = min, high < m { return false }
            if let m = max, low > m { return false }
        }
        if let s = speaker, SpeakerSearch.score(query: s, names: speakerNames) == nil { return false }
        return true
    }
}
