/// The original input, as read.
public struct SourceInfo: Hashable, Sendable, Codable {
    /// Path as given (or the stream id).
    public var path: String
    /// Lower-case hex SHA-256 of the original bytes.
    public var sha256: String
    public var bytes: Int
    /// `text/plain` or `text/html`.
    public var mediaType: String
    /// The encoding the bytes were decoded with (`utf-8`, `utf-16le`, `windows-1252`, ...).
    public var encoding: String
    /// Why that encoding was chosen (`bom`, `meta-charset`, `utf-8-valid`, `fallback-invalid-utf-8`, ...).
    public var encodingEvidence: String

    enum CodingKeys: String, CodingKey {
        case path, sha256, bytes, mediaType = "media_type", encoding, encodingEvidence = "encoding_evidence"
    }
}

/// Facts about the article as a whole.
public struct Metadata: Hashable, Sendable, Codable {
    public var title: String?
    /// ISO 8601 date (`YYYY-MM-DD`); anchors relative dates in the claims stage.
    public var published: String?
    public var url: String?
    /// When a crawler fetched the page (a web archive record's `WARC-Date`), ISO 8601; anchors relative dates
    /// when `published` is unknown.
    public var crawled: String?
    public var authors: [String] = []
    public var siteName: String?
    public var language: String?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case title, published, url, crawled, authors, siteName = "site_name", language
    }
}

/// Input text that Normalize left out of `text`, with the rule that removed it.
public struct Removal: Hashable, Sendable, Codable {
    public var sourceSpan: Span
    public var rule: String
    /// The removed text, cut to a short excerpt.
    public var excerpt: String

    enum CodingKeys: String, CodingKey { case sourceSpan = "source_span", rule, excerpt }
}

/// A block of the normalized text.
public struct Paragraph: Hashable, Sendable, Codable {
    public enum Role: String, Sendable, Codable {
        case paragraph, heading, listItem = "list-item", blockquote, caption, preformatted
    }
    public var id: Int
    public var role: Role
    public var span: Span
    public var sourceSpan: Span

    enum CodingKeys: String, CodingKey { case id, role, span, sourceSpan = "source_span" }
}

public struct Sentence: Hashable, Sendable, Codable {
    public var id: Int
    public var paragraph: Int
    public var span: Span
    public var sourceSpan: Span
    public var provenance: Provenance

    enum CodingKeys: String, CodingKey { case id, paragraph, span, sourceSpan = "source_span", provenance }
}

/// One place where a speaker is named or referred to.
public struct Mention: Hashable, Sendable, Codable {
    public enum Form: String, Sendable, Codable { case name, pronoun, description, organization, anonymous }
    public var text: String
    public var form: Form
    public var span: Span
    public var sourceSpan: Span

    enum CodingKeys: String, CodingKey { case text, form, span, sourceSpan = "source_span" }
}

public struct Speaker: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable { case person, organization, group, anonymous, unknown }
    /// Stable within the document: `s1`, `s2`, ... in order of first mention.
    public var id: String
    /// Canonical name: the longest name form seen ("Mike Pompeo"), or the description for anonymous sources.
    public var name: String
    public var type: Kind
    /// Roles and descriptions seen with the name ("FT technology correspondent").
    public var descriptions: [String]
    /// For anonymous or group sources, the organization they speak for ("TikTok"), when named.
    public var affiliation: String?
    public var mentions: [Mention]
}

public struct Fragment: Hashable, Sendable, Codable {
    public var span: Span
    public var sourceSpan: Span

    enum CodingKeys: String, CodingKey { case span, sourceSpan = "source_span" }
}

public struct Cue: Hashable, Sendable, Codable {
    /// The cue words as they appear ("said", "told", "according to").
    public var text: String
    /// The lemma from the cue lexicon ("say", "tell", "according to").
    public var lemma: String
    public var span: Span
    public var sourceSpan: Span

    enum CodingKeys: String, CodingKey { case text, lemma, span, sourceSpan = "source_span" }
}

public struct Quote: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case direct, mixed, indirect }
    public var id: String
    public var kind: Kind
    /// The quoted words, fragments joined by a space, without the quote marks.
    public var text: String
    /// Content spans, without the quote marks; a quote interrupted by its cue has two or more.
    public var fragments: [Fragment]
    /// A speaker id, or nil when no speaker was found.
    public var speaker: String?
    /// The name of that speaker (its `Speaker.name`), written `speaker_name` beside `speaker` so that a reader needs
    /// no join; nil exactly when `speaker` is nil. Set with `speaker` by the attribute stage; a version 1 file, which
    /// did not write it, gets it from the document's speakers when read (``KnowledgeDocument``).
    public var speakerName: String? = nil
    public var cue: Cue?
    /// The speaker mention that the attribution rests on, when there is one in text.
    public var speakerMention: Span?
    public var sentences: [Int]
    /// The enclosing quote's id, for a quote nested inside another (written `nested_in`).
    public var parent: String?
    public var provenance: Provenance
    /// How the speaker was decided; `provenance` says how the span was found.
    public var attribution: Provenance?
    /// Quotations inside this one (‘... told me “never give up” ...’), each a quote of its own with `parent` set;
    /// written only on a top-level quote, and only when there are any.
    public var nested: [Quote]?

    enum CodingKeys: String, CodingKey {
        case id, kind, text, fragments, speaker, speakerName = "speaker_name", cue, speakerMention = "speaker_mention",
            sentences, parent = "nested_in", provenance, attribution, nested
    }

    /// `speaker` and `speaker_name` are always written: a speaker id and its name, or null when none was found.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(text, forKey: .text)
        try c.encode(fragments, forKey: .fragments)
        try c.encode(speaker, forKey: .speaker)
        try c.encode(speakerName, forKey: .speakerName)
        try c.encodeIfPresent(cue, forKey: .cue)
        try c.encodeIfPresent(speakerMention, forKey: .speakerMention)
        try c.encode(sentences, forKey: .sentences)
        try c.encodeIfPresent(parent, forKey: .parent)
        try c.encode(provenance, forKey: .provenance)
        try c.encodeIfPresent(attribution, forKey: .attribution)
        if let n = nested, !n.isEmpty { try c.encode(n, forKey: .nested) }
    }
}

extension Quote {
    /// Gives every quote (nested ones too) that has a speaker but no `speakerName` the name of that speaker in
    /// `speakers`: what a version 1 document, written before `speaker_name` existed, leaves out. Does nothing, and
    /// builds no lookup, when every name is there.
    static func fillSpeakerNames(_ quotes: inout [Quote], from speakers: [Speaker]) {
        func missing(_ q: Quote) -> Bool {
            (q.speaker != nil && q.speakerName == nil) || (q.nested ?? []).contains(where: missing)
        }
        guard quotes.contains(where: missing) else { return }
        let names = Dictionary(speakers.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        func fill(_ q: inout Quote) {
            if q.speakerName == nil, let s = q.speaker { q.speakerName = names[s] }
            if var list = q.nested {
                for i in list.indices { fill(&list[i]) }
                q.nested = list
            }
        }
        for i in quotes.indices { fill(&quotes[i]) }
    }
}

/// A claim's value: a number, or a TIMEX-like string for a date or time. The knowledge file (version 2) writes a
/// claim's number in `value` and its TIMEX string in `timex` (``Claim/encode(to:)``); an equivalent's value and a
/// claim's `value_max` are numbers.
public enum ClaimValue: Hashable, Sendable, Codable {
    case number(Double)
    case text(String)

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let d = try? c.decode(Double.self) { self = .number(d) } else { self = .text(try c.decode(String.self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .number(let d):
            if d == d.rounded(), abs(d) < 9.0e15 { try c.encode(Int64(d)) } else { try c.encode(d) }
        case .text(let s): try c.encode(s)
        }
    }

    public var number: Double? { if case .number(let d) = self { return d } else { return nil } }

    /// The TIMEX string of a date or time, nil for a number.
    public var timex: String? { if case .text(let s) = self { return s } else { return nil } }
}

/// The same amount stated again in another unit: "$75 billion (£58 billion)".
public struct Equivalent: Hashable, Sendable, Codable {
    public var text: String
    public var value: ClaimValue
    public var unit: String?
    public var span: Span
    public var sourceSpan: Span

    enum CodingKeys: String, CodingKey { case text, value, unit, span, sourceSpan = "source_span" }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(value, forKey: .value)
        try c.encode(unit, forKey: .unit)
        try c.encode(span, forKey: .span)
        try c.encode(sourceSpan, forKey: .sourceSpan)
    }
}

/// What a claim measures: the noun phrase its amount is about ("voters" in "40% of voters"), with the rule that
/// found it.
public struct ClaimSubject: Hashable, Sendable, Codable {
    public var text: String
    public var span: Span
    public var sourceSpan: Span
    public var rule: String
    public var confidence: Double

    public init(text: String, span: Span, sourceSpan: Span, rule: String, confidence: Double) {
        self.text = text
        self.span = span
        self.sourceSpan = sourceSpan
        self.rule = rule
        self.confidence = confidence
    }

    enum CodingKeys: String, CodingKey { case text, span, sourceSpan = "source_span", rule, confidence }
}

public struct Claim: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case money, percent, count, measure, date, time, duration, ordinal
        /// A number with no unit or counted noun ("other" in the evaluation sets' vocabulary).
        case other
    }
    public var id: String
    /// The surface text: the number with its currency, scale word and unit or counted noun, without qualifiers.
    public var text: String
    public var span: Span
    public var sourceSpan: Span
    public var value: ClaimValue
    /// The upper end of a range or vague amount.
    public var valueMax: ClaimValue?
    public var unit: String?
    public var kind: Kind
    /// "more than", "about", "at least", ... as written, or nil.
    public var qualifier: String?
    public var equivalents: [Equivalent]
    public var sentence: Int?
    public var quote: String?
    public var speaker: String?
    /// The noun phrase the amount measures, when the words around it say ("claims.subject-*" rules).
    public var subject: ClaimSubject?
    /// `up` or `down` when the amount is a change ("rose 5%", "a 3% drop"); nil for levels and plain amounts.
    public var change: String?
    public var provenance: Provenance

    /// The TIMEX string of a date or time (written `timex`, with `value` null); nil for an amount.
    public var timex: String? { value.timex }

    enum CodingKeys: String, CodingKey {
        case id, text, span, sourceSpan = "source_span", value, timex, valueMax = "value_max", unit, kind, qualifier,
            equivalents, sentence, quote, speaker, subject, change, provenance
    }

    /// `value`, `timex`, `value_max`, `unit`, `qualifier`, `sentence`, `quote`, `speaker`, `subject` and `change`
    /// are always written, null when absent: a number in `value` and null in `timex`, or for a date or time null in
    /// `value` and its TIMEX string in `timex`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(text, forKey: .text)
        try c.encode(span, forKey: .span)
        try c.encode(sourceSpan, forKey: .sourceSpan)
        switch value {
        case .number: try c.encode(value, forKey: .value)
        case .text: try c.encodeNil(forKey: .value)
        }
        try c.encode(value.timex, forKey: .timex)
        try c.encode(valueMax, forKey: .valueMax)
        try c.encode(unit, forKey: .unit)
        try c.encode(kind, forKey: .kind)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(equivalents, forKey: .equivalents)
        try c.encode(sentence, forKey: .sentence)
        try c.encode(quote, forKey: .quote)
        try c.encode(speaker, forKey: .speaker)
        try c.encode(subject, forKey: .subject)
        try c.encode(change, forKey: .change)
        try c.encode(provenance, forKey: .provenance)
    }
}

extension Claim {
    /// Reads version 2 (a number in `value`, or `value` null and a TIMEX string in `timex`) and version 1 (the
    /// TIMEX string in `value`, no `timex`).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        text = try c.decode(String.self, forKey: .text)
        span = try c.decode(Span.self, forKey: .span)
        sourceSpan = try c.decode(Span.self, forKey: .sourceSpan)
        if let v = try c.decodeIfPresent(ClaimValue.self, forKey: .value) {
            value = v
        } else if let t = try c.decodeIfPresent(String.self, forKey: .timex) {
            value = .text(t)
        } else {
            throw DecodingError.dataCorruptedError(
                forKey: .value, in: c, debugDescription: "a claim needs a number in value or a string in timex")
        }
        valueMax = try c.decodeIfPresent(ClaimValue.self, forKey: .valueMax)
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        kind = try c.decode(Kind.self, forKey: .kind)
        qualifier = try c.decodeIfPresent(String.self, forKey: .qualifier)
        equivalents = try c.decode([Equivalent].self, forKey: .equivalents)
        sentence = try c.decodeIfPresent(Int.self, forKey: .sentence)
        quote = try c.decodeIfPresent(String.self, forKey: .quote)
        speaker = try c.decodeIfPresent(String.self, forKey: .speaker)
        subject = try c.decodeIfPresent(ClaimSubject.self, forKey: .subject)
        change = try c.decodeIfPresent(String.self, forKey: .change)
        provenance = try c.decode(Provenance.self, forKey: .provenance)
    }
}

/// A warning or note about one document that did not stop it.
public struct Diagnostic: Hashable, Sendable, Codable {
    public enum Severity: String, Sendable, Codable { case note, warning }
    public var severity: Severity
    public var code: String
    public var message: String
    public var stage: String
    public var sourceSpan: Span?

    public init(severity: Severity, code: String, message: String, stage: String, sourceSpan: Span? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.stage = stage
        self.sourceSpan = sourceSpan
    }

    enum CodingKeys: String, CodingKey { case severity, code, message, stage, sourceSpan = "source_span" }
}
