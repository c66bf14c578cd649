import Foundation

/// One document as the knowledge file writes it (see `docs/knowledge-file.md`).
struct KnowledgeDocumentRecord: Encodable {
    var document: Document

    enum CodingKeys: String, CodingKey {
        case id, source, metadata, text, removed, paragraphs, sentences, speakers, quotes, claims, diagnostics
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(document.id, forKey: .id)
        try c.encode(document.source, forKey: .source)
        try c.encode(document.metadata, forKey: .metadata)
        if document.emitText { try c.encode(document.text, forKey: .text) }
        try c.encode(document.removed, forKey: .removed)
        if document.emitParagraphs { try c.encode(document.paragraphs, forKey: .paragraphs) }
        try c.encode(document.sentences, forKey: .sentences)
        try c.encode(document.speakers, forKey: .speakers)
        try c.encode(document.quotes, forKey: .quotes)
        try c.encode(document.claims, forKey: .claims)
        try c.encode(document.diagnostics, forKey: .diagnostics)
    }
}

/// Encodes knowledge documents deterministically: sorted keys, no timestamps, stable ids.
public enum KnowledgeEncoding {
    public static let format = "hearsay.knowledge"
    public static let version = 1
    public static let generatorName = "hearsay"
    public static let generatorVersion = "0.1.0"

    static func encoder(pretty: Bool) -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// One document as compact JSON (a JSON Lines line without its newline).
    public static func line(_ document: Document) throws -> Data {
        try encoder(pretty: false).encode(KnowledgeDocumentRecord(document: document))
    }

    /// An error as compact JSON, for the `errors` list and for stream error lines.
    public static func errorLine(_ error: HearsayError) throws -> Data {
        try encoder(pretty: false).encode(error)
    }

    static func pretty(_ value: some Encodable, indent: String) throws -> String {
        let s = String(decoding: try encoder(pretty: true).encode(value), as: UTF8.self)
        return s.split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 }.joined(separator: "\n")
    }

    static func generator(pipelineSHA256: String) -> [String: String] {
        ["name": generatorName, "version": generatorVersion, "pipeline_sha256": pipelineSHA256]
    }
}

/// Writes a knowledge file atomically (through ``AtomicFile``): documents stream into a temporary file beside the
/// target, which is renamed over the target only when complete. An interrupted or failed run leaves no partial file.
public final class KnowledgeWriter {
    let file: AtomicFile
    var count = 0

    /// - Throws: ``HearsayError`` `output.unwritable` when the directory cannot be written.
    public init(path: String) throws {
        file = try AtomicFile(path: path)
        try file.write("{\n  \"documents\": [")
    }

    /// Appends one document.
    public func append(_ document: Document) throws {
        try append(body: KnowledgeWriter.body(document))
    }

    /// One document as this writer writes it (indented for its place in the `documents` list); the form a resume
    /// cache keeps.
    public static func body(_ document: Document) throws -> Data {
        Data(try KnowledgeEncoding.pretty(KnowledgeDocumentRecord(document: document), indent: "    ").utf8)
    }

    /// Appends a document already encoded by ``body(_:)``.
    public func append(body: Data) throws {
        try file.write(count == 0 ? "\n" : ",\n")
        try file.write(body)
        count += 1
    }

    /// Writes the errors and the header fields, then renames the file into place.
    public func finish(errors: [HearsayError], pipelineSHA256: String) throws {
        var tail = count == 0 ? "],\n" : "\n  ],\n"
        let errs = try KnowledgeEncoding.pretty(errors.sorted { ($0.file ?? "") < ($1.file ?? "") }, indent: "  ")
        tail += "  \"errors\": " + errs.dropFirst(2) + ",\n"
        tail += "  \"format\": \"\(KnowledgeEncoding.format)\",\n"
        let gen = try KnowledgeEncoding.pretty(KnowledgeEncoding.generator(pipelineSHA256: pipelineSHA256), indent: "  ")
        tail += "  \"generator\": " + gen.dropFirst(2) + ",\n"
        tail += "  \"version\": \(KnowledgeEncoding.version)\n}\n"
        try file.write(tail)
        try file.commit()
    }

    /// Removes the temporary file; the target is left as it was.
    public func abandon() { file.abandon() }
}
