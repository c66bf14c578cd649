import Foundation

/// Encodes knowledge documents deterministically: sorted keys, no timestamps, stable ids.
public enum KnowledgeEncoding {
    public static let format = KnowledgeFormat.format
    public static let version = KnowledgeFormat.version
    public static let generatorName = KnowledgeFormat.generatorName
    public static let generatorVersion = KnowledgeFormat.generatorVersion

    static func encoder(pretty: Bool) -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// One document as compact JSON (a JSON Lines line without its newline).
    public static func line(_ document: Document) throws -> Data {
        try encoder(pretty: false).encode(KnowledgeDocument(document))
    }

    /// An error as compact JSON, for the `errors` list and for stream error lines.
    public static func errorLine(_ error: HearsayError) throws -> Data {
        try encoder(pretty: false).encode(error)
    }

    static func pretty(_ value: some Encodable, indent: String) throws -> String {
        String(decoding: try prettyData(value, indent: indent), as: UTF8.self)
    }

    /// Pretty JSON with every line indented by `indent`, built on the bytes (a newline inside a JSON string is
    /// always escaped, so every raw newline starts a line).
    static func prettyData(_ value: some Encodable, indent: String) throws -> Data {
        let json = try encoder(pretty: true).encode(value)
        let pad = Array(indent.utf8)
        var out = [UInt8]()
        out.reserveCapacity(json.count + json.count / 8)
        out.append(contentsOf: pad)
        json.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var start = 0
            while let nl = raw[start...].firstIndex(of: 0x0A) {
                out.append(contentsOf: raw[start...nl])
                out.append(contentsOf: pad)
                start = nl + 1
            }
            out.append(contentsOf: raw[start...])
        }
        return Data(out)
    }

    static func generator(pipelineSHA256: String) -> [String: String] {
        ["name": generatorName, "version": generatorVersion, "pipeline_sha256": pipelineSHA256]
    }
}

/// Writes a knowledge file atomically (through ``AtomicFile``): nothing is visible at the target until the file is
/// complete, and an interrupted or failed run leaves no partial file.
///
/// Each appended document also feeds a ``CorpusIndex``; `finish` writes its result as the top-level `corpus`. Keys
/// are sorted, so `corpus` comes before `documents`: the documents stream into a second temporary file beside the
/// target and are copied after `corpus` at the end (the file is written twice, memory stays small).
public final class KnowledgeWriter {
    let file: AtomicFile
    /// The documents array's body, until `finish`.
    let body: AtomicFile
    var count = 0
    public let corpus: CorpusIndex

    /// - Parameter corpus: the corpus index settings (default: the built-in `corpus.json`).
    /// - Throws: ``HearsayError`` `output.unwritable` when the directory cannot be written; `resource.*` when the
    ///   built-in corpus settings cannot be read.
    /// - Parameter clearStale: remove the documents' temporary files of killed earlier runs (lists the directory:
    ///   false for the many small files of `--out-dir`).
    public init(path: String, corpus settings: CorpusSettings? = nil, clearStale: Bool = true) throws {
        corpus = CorpusIndex(settings: try settings ?? CorpusSettings.builtinCached.get())
        file = try AtomicFile(path: path)
        // The documents' temporary file of a killed earlier run goes too.
        if clearStale { AtomicFile.removeStale(besides: path + ".documents") }
        do {
            body = try AtomicFile(path: path + ".documents")
        } catch {
            file.abandon()
            throw error
        }
    }

    /// Appends one document.
    public func append(_ document: Document) throws {
        try writeBody(KnowledgeWriter.body(document))
        corpus.add(document)
    }

    /// One document as this writer writes it (indented for its place in the `documents` list); the form a resume
    /// cache keeps.
    public static func body(_ document: Document) throws -> Data {
        try body(KnowledgeDocument(document))
    }

    static func body(_ document: KnowledgeDocument) throws -> Data {
        try KnowledgeEncoding.prettyData(document, indent: "    ")
    }

    /// Appends a document already encoded by ``body(_:)``. The corpus index takes `summary` when given (the
    /// document's speakers and quotes); otherwise the data is decoded again (speakers and quotes only).
    /// - Throws: ``HearsayError`` `knowledge.malformed` when the data is not a knowledge document.
    public func append(body data: Data, summary given: CorpusDocumentSummary? = nil) throws {
        let summary: CorpusDocumentSummary
        if let given {
            summary = given
        } else {
            do { summary = try JSONDecoder().decode(CorpusDocumentSummary.self, from: data) } catch {
                throw HearsayError(
                    code: "knowledge.malformed", message: "not an encoded knowledge document", file: file.path,
                    cause: "\(error)")
            }
        }
        try writeBody(data)
        corpus.add(summary)
    }

    /// Appends one document given as its compact JSON encoding (``KnowledgeEncoding/line(_:)`` without the newline).
    /// The output is the same as appending the document itself.
    /// - Throws: ``HearsayError`` `knowledge.malformed` when the data is not a knowledge document.
    public func appendEncoded(_ json: Data) throws {
        let doc: KnowledgeDocument
        do { doc = try KnowledgeDocument.decodeLine(json) } catch {
            throw HearsayError(
                code: "knowledge.malformed", message: "not an encoded knowledge document", file: file.path,
                cause: "\(error)")
        }
        try writeBody(KnowledgeWriter.body(doc))
        corpus.add(doc)
    }

    func writeBody(_ data: Data) throws {
        try body.write(count == 0 ? "\n" : ",\n")
        try body.write(data)
        count += 1
    }

    /// Writes the corpus, the documents, the errors and the header fields, then renames the file into place.
    public func finish(errors: [HearsayError], pipelineSHA256: String) throws {
        do {
            let corpusJSON = try KnowledgeEncoding.pretty(corpus.knowledge(), indent: "  ")
            try file.write("{\n  \"corpus\": " + corpusJSON.dropFirst(2) + ",\n  \"documents\": [")
            try copyBody()
        } catch {
            abandon()
            throw error
        }
        var tail = count == 0 ? "],\n" : "\n  ],\n"
        let errs = try KnowledgeEncoding.pretty(errors.sorted { ($0.file ?? "") < ($1.file ?? "") }, indent: "  ")
        tail += "  \"errors\": " + errs.dropFirst(2) + ",\n"
        tail += "  \"format\": \"\(KnowledgeEncoding.format)\",\n"
        let gen = try KnowledgeEncoding.pretty(KnowledgeEncoding.generator(pipelineSHA256: pipelineSHA256), indent: "  ")
        tail += "  \"generator\": " + gen.dropFirst(2) + ",\n"
        tail += "  \"version\": \(KnowledgeEncoding.version)\n}\n"
        try file.write(tail)
        try file.commit()
        body.abandon()
    }

    /// Copies the documents' temporary file into the output, a megabyte at a time.
    func copyBody() throws {
        guard let reader = FileHandle(forReadingAtPath: body.tempPath) else {
            throw HearsayError(code: "output.write-failed", message: "cannot read back the documents", file: file.path)
        }
        defer { try? reader.close() }
        while true {
            let chunk: Data
            do { chunk = try reader.read(upToCount: 1 << 20) ?? Data() } catch {
                throw HearsayError(
                    code: "output.write-failed", message: "cannot read back the documents", file: file.path,
                    cause: "\(error)")
            }
            if chunk.isEmpty { break }
            try file.write(chunk)
        }
    }

    /// Removes the temporary files; the target is left as it was.
    public func abandon() {
        file.abandon()
        body.abandon()
    }
}
