import Foundation

/// The read model of a knowledge file: what `hearsay extract` writes (one JSON object) and what `hearsay stream` /
/// `extract --jsonl` write (one document object per line), decoded for consumers — `who`, `index`, `report`.
///
/// Every consumer reads knowledge files through these types rather than through ad-hoc dictionaries, so that a
/// change of the format is made in one place. Fields the writer always emits are required; optional fields of the
/// format (`text`, `paragraphs`, `cue`, `corpus`, ...) are optional here. Unknown keys are ignored, so a reader of
/// this version reads a file that only adds keys. Version 1 files (and JSON Lines, which carry no version) are read
/// too: a claim's TIMEX string in `value` is taken as its `timex` (``Claim``), and a quote without `speaker_name`
/// gets its speaker's name (``KnowledgeDocument``). See `docs/knowledge-file.md`, "What changed in version 2".
public struct KnowledgeFile: Decodable, Sendable {
    public var format: String
    public var version: Int
    public var generator: [String: String]
    public var documents: [KnowledgeDocument]
    public var errors: [HearsayError]
    /// Cross-document knowledge: merged speakers and quote groups. Absent in files written before it existed.
    public var corpus: CorpusKnowledge?

    /// Reads a knowledge file of version 1 or 2; refuses another format or a newer version.
    /// - Throws: ``HearsayError`` `knowledge.unreadable`, `knowledge.malformed`, `knowledge.unsupported-version`.
    public static func read(path: String) throws -> KnowledgeFile {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw HearsayError(
                code: "knowledge.unreadable", message: "cannot read the knowledge file", file: path, cause: "\(error)")
        }
        return try decode(data, path: path)
    }

    /// Decodes a knowledge file from its bytes; `path` names it in errors.
    public static func decode(_ data: Data, path: String) throws -> KnowledgeFile {
        let file: KnowledgeFile
        do { file = try JSONDecoder().decode(KnowledgeFile.self, from: data) } catch {
            throw HearsayError(
                code: "knowledge.malformed", message: "not a knowledge file", file: path, cause: "\(error)")
        }
        guard file.format == KnowledgeFormat.format else {
            throw HearsayError(
                code: "knowledge.malformed", message: "format is \"\(file.format)\", not \"\(KnowledgeFormat.format)\"",
                file: path)
        }
        guard file.version <= KnowledgeFormat.version else {
            throw HearsayError(
                code: "knowledge.unsupported-version",
                message: "version \(file.version) is newer than this reader (\(KnowledgeFormat.version))", file: path)
        }
        return file
    }
}

/// One document of a knowledge file, or one line of `hearsay stream` output.
///
/// Its encoding is the knowledge file's document object (the writer, `KnowledgeEncoding` in `Emit/`, encodes
/// documents through it), so decoding a document and encoding it again gives the same bytes.
public struct KnowledgeDocument: Codable, Sendable {
    public var id: String
    public var source: SourceInfo
    public var metadata: Metadata
    /// Absent when `emit.include_text` was false.
    public var text: String?
    public var removed: [Removal]
    /// Absent when `emit.include_paragraphs` was false.
    public var paragraphs: [Paragraph]?
    public var sentences: [Sentence]
    public var speakers: [Speaker]
    public var quotes: [Quote]
    public var claims: [Claim]
    public var diagnostics: [Diagnostic]

    enum CodingKeys: String, CodingKey {
        case id, source, metadata, text, removed, paragraphs, sentences, speakers, quotes, claims, diagnostics
    }

    /// `text` and `paragraphs` are left out when absent; every other key is always written.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(source, forKey: .source)
        try c.encode(metadata, forKey: .metadata)
        try c.encodeIfPresent(text, forKey: .text)
        try c.encode(removed, forKey: .removed)
        try c.encodeIfPresent(paragraphs, forKey: .paragraphs)
        try c.encode(sentences, forKey: .sentences)
        try c.encode(speakers, forKey: .speakers)
        try c.encode(quotes, forKey: .quotes)
        try c.encode(claims, forKey: .claims)
        try c.encode(diagnostics, forKey: .diagnostics)
    }

    /// Decodes one JSON Lines document line (the output of `KnowledgeEncoding.line(_:)`).
    public static func decodeLine(_ data: Data) throws -> KnowledgeDocument {
        try JSONDecoder().decode(KnowledgeDocument.self, from: data)
    }

    /// The speaker with this per-document id.
    public func speaker(_ id: String?) -> Speaker? {
        guard let id else { return nil }
        return speakers.first { $0.id == id }
    }

    /// The text of a span of `text` (scalar offsets), or nil when the text was not written.
    public func string(_ span: Span) -> String? {
        guard let text else { return nil }
        let scalars = text.unicodeScalars
        let n = scalars.count
        let s = max(0, min(span.start, n))
        let e = max(s, min(span.end, n))
        let a = scalars.index(scalars.startIndex, offsetBy: s)
        let b = scalars.index(a, offsetBy: e - s)
        return String(scalars[a..<b])
    }
}

extension KnowledgeDocument {
    /// Decodes a document; a quote without `speaker_name` (a version 1 document) gets its speaker's name.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        source = try c.decode(SourceInfo.self, forKey: .source)
        metadata = try c.decode(Metadata.self, forKey: .metadata)
        text = try c.decodeIfPresent(String.self, forKey: .text)
        removed = try c.decode([Removal].self, forKey: .removed)
        paragraphs = try c.decodeIfPresent([Paragraph].self, forKey: .paragraphs)
        sentences = try c.decode([Sentence].self, forKey: .sentences)
        speakers = try c.decode([Speaker].self, forKey: .speakers)
        quotes = try c.decode([Quote].self, forKey: .quotes)
        claims = try c.decode([Claim].self, forKey: .claims)
        diagnostics = try c.decode([Diagnostic].self, forKey: .diagnostics)
        Quote.fillSpeakerNames(&quotes, from: speakers)
    }
}

extension KnowledgeDocument {
    /// A read-model copy of a pipeline document: what the knowledge file would hold for it.
    public init(_ d: Document) {
        id = d.id
        source = d.source
        metadata = d.metadata
        text = d.emitText ? d.text : nil
        removed = d.removed
        paragraphs = d.emitParagraphs ? d.paragraphs : nil
        sentences = d.sentences
        speakers = d.speakers
        quotes = d.quotes
        claims = d.claims
        diagnostics = d.diagnostics
    }
}

/// The top-level `corpus` object: knowledge that spans documents (see `docs/knowledge-file.md`, "Corpus").
public struct CorpusKnowledge: Codable, Sendable, Equatable {
    public var speakers: [CorpusSpeaker]
    public var quoteGroups: [QuoteGroup]

    public init(speakers: [CorpusSpeaker], quoteGroups: [QuoteGroup]) {
        self.speakers = speakers
        self.quoteGroups = quoteGroups
    }

    enum CodingKeys: String, CodingKey { case speakers, quoteGroups = "quote_groups" }

    /// The corpus speaker of a per-document speaker, if any.
    public func speaker(document: String, speaker: String) -> CorpusSpeaker? {
        speakers.first { $0.documents.contains { $0.document == document && $0.speaker == speaker } }
    }
}

/// One real-world speaker merged across documents.
public struct CorpusSpeaker: Codable, Sendable, Equatable {
    /// `P1`, `P2`, ... in the order of the list (sorted by name, then by first document).
    public var id: String
    /// The longest full name seen.
    public var name: String
    /// `person`, `organization`, `group`, `anonymous`, `unknown`.
    public var type: String
    /// Every name and name-mention form seen, sorted, without `name` itself.
    public var aliases: [String]
    public var descriptions: [String]
    /// Where the speaker appears: one entry per document, sorted by document.
    public var documents: [Appearance]

    public struct Appearance: Codable, Sendable, Equatable {
        public var document: String
        /// The per-document speaker id (`s3`).
        public var speaker: String
        /// Ids of that speaker's quotes in that document, in text order.
        public var quotes: [String]

        public init(document: String, speaker: String, quotes: [String]) {
            self.document = document
            self.speaker = speaker
            self.quotes = quotes
        }
    }

    public init(
        id: String, name: String, type: String, aliases: [String], descriptions: [String], documents: [Appearance]
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.aliases = aliases
        self.descriptions = descriptions
        self.documents = documents
    }
}

/// Quotes from different documents that are the same statement.
public struct QuoteGroup: Codable, Sendable, Equatable {
    /// `G1`, `G2`, ... in the order of the list (by first member).
    public var id: String
    /// The smallest word-level similarity between two members, 0...1.
    public var similarity: Double
    /// The members, sorted by document, then by quote id in text order. The first is the reference.
    public var quotes: [Member]
    /// Members whose words differ from the reference, with what changed. Empty when all are word-for-word equal.
    public var variants: [Variant]

    public struct Member: Codable, Sendable, Equatable {
        public var document: String
        public var quote: String
        /// The corpus speaker id (`P1`), or null when the quote has no speaker.
        public var speaker: String?
        public var text: String

        public init(document: String, quote: String, speaker: String?, text: String) {
            self.document = document
            self.quote = quote
            self.speaker = speaker
            self.text = text
        }

        enum CodingKeys: String, CodingKey { case document, quote, speaker, text }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(document, forKey: .document)
            try c.encode(quote, forKey: .quote)
            try c.encode(speaker, forKey: .speaker)
            try c.encode(text, forKey: .text)
        }
    }

    public struct Variant: Codable, Sendable, Equatable {
        public var document: String
        public var quote: String
        public var changes: [WordChange]

        public init(document: String, quote: String, changes: [WordChange]) {
            self.document = document
            self.quote = quote
            self.changes = changes
        }
    }

    public init(id: String, similarity: Double, quotes: [Member], variants: [Variant]) {
        self.id = id
        self.similarity = similarity
        self.quotes = quotes
        self.variants = variants
    }
}

/// One word-level change from a group's reference quote to a variant.
public struct WordChange: Codable, Sendable, Equatable {
    public enum Op: String, Codable, Sendable { case replace, insert, delete }
    public var op: Op
    /// The reference's words that were replaced or deleted ("" for an insert).
    public var reference: String
    /// The variant's words that replaced them or were inserted ("" for a delete).
    public var variant: String
    /// Scalar span of the changed words in the variant document's `text`; null for a delete.
    public var span: Span?

    public init(op: Op, reference: String, variant: String, span: Span?) {
        self.op = op
        self.reference = reference
        self.variant = variant
        self.span = span
    }

    enum CodingKeys: String, CodingKey { case op, reference, variant, span }

    /// `span` is always written, null for a delete.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(op, forKey: .op)
        try c.encode(reference, forKey: .reference)
        try c.encode(variant, forKey: .variant)
        try c.encode(span, forKey: .span)
    }
}
