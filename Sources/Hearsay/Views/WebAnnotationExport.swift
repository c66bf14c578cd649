import Crypto
import Foundation

/// Knowledge documents as a W3C Web Annotation collection (JSON-LD, https://www.w3.org/TR/annotation-model/), so
/// that annotation tools can show every quote and claim on the article (`hearsay export --format web-annotation`).
///
/// One `AnnotationCollection` holds one `AnnotationPage` with one `Annotation` per quote and per claim, documents
/// in input order, quotes before claims, each in text order. A target's `source` is the document's
/// `metadata.url`, else its id; it is selected twice, as tools expect: a `TextQuoteSelector` (`exact`, and
/// `prefix`/`suffix` of up to ``contextLength`` characters) and a `TextPositionSelector` (`start`/`end`), both in
/// the document's normalized `text`, positions counted in Unicode code points as the model asks. A quote
/// interrupted by its cue has one target per fragment. Bodies are plain-text `TextualBody`s: the kind
/// (`tagging`), the speaker, the value and the rules (`describing`). Ids are `urn:hearsay:` names built from the
/// document id and the quote or claim id; the collection's id from the documents' ids and hashes. No time stamp
/// is written: the same input gives the same bytes.
public enum WebAnnotationExport {
    public static let context = "http://www.w3.org/ns/anno.jsonld"
    /// Characters of context in `prefix` and `suffix`.
    public static let contextLength = 32

    struct Collection: Encodable {
        var context = WebAnnotationExport.context
        var id: String
        var type = "AnnotationCollection"
        var label: String
        var total: Int
        var generator: Agent
        var first: Page

        enum CodingKeys: String, CodingKey {
            case context = "@context", id, type, label, total, generator, first
        }
    }

    struct Agent: Encodable {
        var type = "Software"
        var name: String
    }

    struct Page: Encodable {
        var id: String
        var type = "AnnotationPage"
        var startIndex = 0
        var items: [Annotation]
    }

    struct Annotation: Encodable {
        var id: String
        var type = "Annotation"
        var motivation = "describing"
        var body: [Body]
        var target: [Target]
    }

    struct Body: Encodable {
        var type = "TextualBody"
        var purpose: String
        var value: String
        var format = "text/plain"
    }

    struct Target: Encodable {
        var source: String
        var selector: [Selector]
    }

    struct Selector: Encodable {
        var type: String
        var exact: String?
        var prefix: String?
        var suffix: String?
        var start: Int?
        var end: Int?
    }

    /// One document as the export needs it, whichever reader filled it: a knowledge document
    /// (``source(_:)``) or the store (`CorpusStore.annotationSources()`).
    public struct Source: Sendable {
        public var id: String
        /// SHA-256 of the original input: with the ids, it names the collection.
        public var sha256: String
        public var url: String?
        /// The normalized text that spans count in; nil when it was not written (nothing can be anchored then).
        public var text: String?
        /// Quotes, then claims, each in text order.
        public var items: [Item]

        public init(id: String, sha256: String, url: String?, text: String?, items: [Item]) {
            self.id = id
            self.sha256 = sha256
            self.url = url
            self.text = text
            self.items = items
        }
    }

    /// One quote or claim: its id in the document, its plain-text bodies and the spans it covers.
    public struct Item: Sendable {
        public var id: String
        /// `tagging` then `describing` bodies, in order.
        public var bodies: [(purpose: String, value: String)]
        /// Scalar spans in the normalized text: one target each.
        public var spans: [Span]

        /// A quote: "direct quote", "speaker: NAME (TYPE)", "cue: WORDS", "rule: R (confidence C); speaker rule: R
        /// (confidence C)".
        public static func quote(
            id: String, kind: String, speaker: (name: String, type: String)?, cue: String?,
            rule: (name: String, confidence: Double), speakerRule: (name: String, confidence: Double)?, spans: [Span]
        ) -> Item {
            var bodies = [(purpose: "tagging", value: "\(kind) quote")]
            if let s = speaker { bodies.append((purpose: "describing", value: "speaker: \(s.name) (\(s.type))")) }
            if let c = cue { bodies.append((purpose: "describing", value: "cue: \(c)")) }
            var text = "rule: \(rule.name) (confidence \(Cell.format(rule.confidence)))"
            if let a = speakerRule { text += "; speaker rule: \(a.name) (confidence \(Cell.format(a.confidence)))" }
            bodies.append((purpose: "describing", value: text))
            return Item(id: id, bodies: bodies, spans: spans)
        }

        /// A claim: "money claim", "speaker: NAME (TYPE)", "value: 75000000000 USD (more than)" (a date or time: its
        /// TIMEX string), "rule: R (confidence C)".
        public static func claim(
            id: String, kind: String, speaker: (name: String, type: String)?, value: Double?, timex: String?,
            valueMax: Double?, unit: String?, qualifier: String?, rule: (name: String, confidence: Double), span: Span
        ) -> Item {
            var bodies = [(purpose: "tagging", value: "\(kind) claim")]
            if let s = speaker { bodies.append((purpose: "describing", value: "speaker: \(s.name) (\(s.type))")) }
            var v = timex ?? value.map(Cell.format) ?? ""
            if let m = valueMax { v += " to " + Cell.format(m) }
            if let u = unit { v += " " + u }
            if let q = qualifier { v += " (\(q))" }
            bodies.append((purpose: "describing", value: "value: " + v))
            bodies.append(
                (purpose: "describing", value: "rule: \(rule.name) (confidence \(Cell.format(rule.confidence)))"))
            return Item(id: id, bodies: bodies, spans: [span])
        }
    }

    /// What the export needs of a knowledge document.
    public static func source(_ d: KnowledgeDocument) -> Source {
        func speaker(_ id: String?) -> (name: String, type: String)? {
            d.speaker(id).map { (name: $0.name, type: $0.type.rawValue) }
        }
        var items: [Item] = []
        for q in d.quotes {
            items.append(
                .quote(
                    id: q.id, kind: q.kind.rawValue, speaker: speaker(q.speaker), cue: q.cue?.text,
                    rule: (name: q.provenance.rule, confidence: q.provenance.confidence),
                    speakerRule: q.attribution.map { (name: $0.rule, confidence: $0.confidence) },
                    spans: q.fragments.map(\.span)))
        }
        for c in d.claims {
            items.append(
                .claim(
                    id: c.id, kind: c.kind.rawValue, speaker: speaker(c.speaker), value: c.value.number,
                    timex: c.timex, valueMax: c.valueMax?.number, unit: c.unit, qualifier: c.qualifier,
                    rule: (name: c.provenance.rule, confidence: c.provenance.confidence), span: c.span))
        }
        return Source(id: d.id, sha256: d.source.sha256, url: d.metadata.url, text: d.text, items: items)
    }

    /// The collection of every document of `paths` (see ``KnowledgeInput``), as JSON-LD bytes.
    /// - Throws: what ``KnowledgeInput`` throws, and ``HearsayError`` `export.no-text` for a document written
    ///   without its text (`emit.include_text: false`), which no selector can point into.
    public static func export(paths: [String]) throws -> Data {
        var sources: [Source] = []
        try KnowledgeInput.forEachDocument(in: paths) { sources.append(source($0)) }
        return try export(sources)
    }

    /// The collection of `documents`, as JSON-LD bytes.
    public static func export(_ documents: [KnowledgeDocument]) throws -> Data { try export(documents.map(source)) }

    /// The collection of `sources`, as JSON-LD bytes (sorted keys, pretty-printed, a final line feed).
    public static func export(_ sources: [Source]) throws -> Data {
        var items: [Annotation] = []
        var identity = SHA256()
        for d in sources {
            identity.update(data: Data((d.id + "\u{0}" + d.sha256 + "\u{0}").utf8))
            guard let text = d.text else {
                throw HearsayError(
                    code: "export.no-text",
                    message: "document has no text (written with emit.include_text false): nothing to anchor to",
                    file: d.id)
            }
            let scalars = Array(text.unicodeScalars)
            let source = d.url ?? d.id
            for item in d.items {
                items.append(
                    Annotation(
                        id: annotationID(d.id, item.id),
                        body: item.bodies.map { Body(purpose: $0.purpose, value: $0.value) },
                        target: item.spans.map { target(source, $0, scalars) }))
            }
        }
        let digest = identity.finalize().map { String(format: "%02x", $0) }.joined()
        let id = "urn:hearsay:collection:" + digest.prefix(32)
        let collection = Collection(
            id: id, label: "Quotes and claims found by hearsay", total: items.count,
            generator: Agent(name: KnowledgeFormat.generatorName + " " + KnowledgeFormat.generatorVersion),
            first: Page(id: id + ":page-1", items: items))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(collection) + Data("\n".utf8)
    }

    static func annotationID(_ document: String, _ item: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(
            CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~/")
        let doc = document.addingPercentEncoding(withAllowedCharacters: allowed) ?? document
        return "urn:hearsay:\(doc):\(item)"
    }

    /// A target on `span` of the normalized text: its quote selector and its position selector.
    static func target(_ source: String, _ span: Span, _ scalars: [Unicode.Scalar]) -> Target {
        let n = scalars.count
        let start = max(0, min(span.start, n))
        let end = max(start, min(span.end, n))
        func string(_ a: Int, _ b: Int) -> String {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[a..<b])
            return String(s)
        }
        return Target(
            source: source,
            selector: [
                Selector(
                    type: "TextQuoteSelector", exact: string(start, end),
                    prefix: string(max(0, start - contextLength), start),
                    suffix: string(end, min(n, end + contextLength))),
                Selector(type: "TextPositionSelector", start: start, end: end),
            ])
    }
}
