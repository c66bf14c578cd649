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

    /// The collection of every document of `paths` (see ``KnowledgeInput``), as JSON-LD bytes.
    /// - Throws: what ``KnowledgeInput`` throws, and ``HearsayError`` `export.no-text` for a document written
    ///   without its text (`emit.include_text: false`), which no selector can point into.
    public static func export(paths: [String]) throws -> Data {
        var documents: [KnowledgeDocument] = []
        try KnowledgeInput.forEachDocument(in: paths) { documents.append($0) }
        return try export(documents)
    }

    /// The collection of `documents`, as JSON-LD bytes (sorted keys, pretty-printed, a final line feed).
    public static func export(_ documents: [KnowledgeDocument]) throws -> Data {
        var items: [Annotation] = []
        var identity = SHA256()
        for d in documents {
            identity.update(data: Data((d.id + "\u{0}" + d.source.sha256 + "\u{0}").utf8))
            guard let text = d.text else {
                throw HearsayError(
                    code: "export.no-text",
                    message: "document has no text (written with emit.include_text false): nothing to anchor to",
                    file: d.id)
            }
            let scalars = Array(text.unicodeScalars)
            let source = d.metadata.url ?? d.id
            for q in d.quotes {
                let speaker = d.speaker(q.speaker)
                var bodies = [Body(purpose: "tagging", value: "\(q.kind.rawValue) quote")]
                if let s = speaker {
                    bodies.append(Body(purpose: "describing", value: "speaker: \(s.name) (\(s.type.rawValue))"))
                }
                if let c = q.cue { bodies.append(Body(purpose: "describing", value: "cue: \(c.text)")) }
                var rule = "rule: \(q.provenance.rule) (confidence \(Cell.format(q.provenance.confidence)))"
                if let a = q.attribution {
                    rule += "; speaker rule: \(a.rule) (confidence \(Cell.format(a.confidence)))"
                }
                bodies.append(Body(purpose: "describing", value: rule))
                items.append(
                    Annotation(
                        id: annotationID(d.id, q.id), body: bodies,
                        target: q.fragments.map { target(source, $0.span, scalars) }))
            }
            for c in d.claims {
                var bodies = [Body(purpose: "tagging", value: "\(c.kind.rawValue) claim")]
                if let s = d.speaker(c.speaker) {
                    bodies.append(Body(purpose: "describing", value: "speaker: \(s.name) (\(s.type.rawValue))"))
                }
                bodies.append(Body(purpose: "describing", value: "value: " + describe(c)))
                bodies.append(
                    Body(
                        purpose: "describing",
                        value: "rule: \(c.provenance.rule) (confidence \(Cell.format(c.provenance.confidence)))"))
                items.append(
                    Annotation(id: annotationID(d.id, c.id), body: bodies, target: [target(source, c.span, scalars)]))
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

    /// `value: 75000000000 USD (more than)`, `value: 10 to 20 %`, `value: XXXX-07-10`.
    static func describe(_ c: Claim) -> String {
        func show(_ v: ClaimValue) -> String {
            switch v {
            case .number(let d): return Cell.format(d)
            case .text(let s): return s
            }
        }
        var s = show(c.value)
        if let m = c.valueMax { s += " to " + show(m) }
        if let u = c.unit { s += " " + u }
        if let q = c.qualifier { s += " (\(q))" }
        return s
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
