import Foundation

/// Encodes knowledge documents deterministically: sorted keys, no timestamps, stable ids. The bytes are written by
/// ``KnowledgeJSON``; `JSONEncoder` with the options of ``encoder(pretty:)`` gives the same bytes and is the reference
/// the tests compare it with.
public enum KnowledgeEncoding {
    public static let format = KnowledgeFormat.format
    public static let version = KnowledgeFormat.version
    public static let generatorName = KnowledgeFormat.generatorName
    public static let generatorVersion = KnowledgeFormat.generatorVersion

    /// The reference encoder (tests): the knowledge file's bytes are what it writes.
    static func encoder(pretty: Bool) -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting =
            pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// One document as compact JSON (a JSON Lines line without its newline).
    public static func line(_ document: Document) throws -> Data {
        KnowledgeJSON.line(KnowledgeDocument(document))
    }

    /// An error as compact JSON, for the `errors` list and for stream error lines.
    public static func errorLine(_ error: HearsayError) throws -> Data {
        var w = KnowledgeJSON(pretty: false, capacity: 256)
        w.error(error)
        return Data(w.bytes)
    }

    /// A part of a knowledge file pretty-printed, every line after the first indented by `indent`.
    static func pretty(indent: String, _ write: (inout KnowledgeJSON) -> Void) -> String {
        var w = KnowledgeJSON(pretty: true, indent: indent)
        write(&w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// The reference form (tests): pretty JSON with every line indented by `indent`, built on the bytes (a newline inside a JSON string is
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
    /// The errors array's body, until `finish`: errors stream to disk like documents, so a run with a million
    /// failed inputs holds none of them in memory.
    let errorBody: AtomicFile
    public private(set) var errorCount = 0
    public let corpus: CorpusIndex

    /// - Parameter corpus: the corpus index settings (default: the built-in `corpus.json`).
    /// - Throws: ``HearsayError`` `output.unwritable` when the directory cannot be written; `resource.*` when the
    ///   built-in corpus settings cannot be read.
    /// - Parameter clearStale: remove the documents' temporary files of killed earlier runs (lists the directory:
    ///   false for the many small files of `--out-dir`).
    public init(path: String, corpus settings: CorpusSettings? = nil, clearStale: Bool = true) throws {
        corpus = CorpusIndex(settings: try settings ?? CorpusSettings.builtinCached.get())
        file = try AtomicFile(path: path)
        // The documents' temporary file of a killed earlier run goes too. An output written in place (a device,
        // standard output) keeps its documents and errors in the system's temporary directory instead.
        if clearStale {
            AtomicFile.removeStale(besides: path + ".documents")
            AtomicFile.removeStale(besides: path + ".errors")
        }
        let documents: AtomicFile
        do {
            documents = file.inPlace ? try AtomicFile.scratch("documents") : try AtomicFile(path: path + ".documents")
        } catch {
            file.abandon()
            throw error
        }
        do {
            errorBody = file.inPlace ? try AtomicFile.scratch("errors") : try AtomicFile(path: path + ".errors")
        } catch {
            file.abandon()
            documents.abandon()
            throw error
        }
        body = documents
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
        KnowledgeJSON.pretty(document, indent: "    ")
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

    /// Appends one error to the `errors` list (listed in the order appended).
    public func appendError(_ error: HearsayError) throws {
        try errorBody.write(errorCount == 0 ? "\n" : ",\n")
        try errorBody.write(KnowledgeJSON.pretty(error, indent: "    "))
        errorCount += 1
    }

    /// Writes the corpus, the documents, the errors (those appended, then `errors`) and the header fields, then
    /// renames the file into place.
    public func finish(errors: [HearsayError] = [], pipelineSHA256: String) throws {
        do {
            for e in errors { try appendError(e) }
            let knowledge = corpus.knowledge()
            let corpusJSON = KnowledgeEncoding.pretty(indent: "  ") { $0.corpus(knowledge) }
            try file.write("{\n  \"corpus\": " + corpusJSON + ",\n  \"documents\": [")
            try copy(body)
            try file.write((count == 0 ? "],\n" : "\n  ],\n") + "  \"errors\": [")
            try copy(errorBody)
        } catch {
            abandon()
            throw error
        }
        var tail = errorCount == 0 ? "],\n" : "\n  ],\n"
        tail += "  \"format\": \"\(KnowledgeEncoding.format)\",\n"
        let generator = KnowledgeEncoding.generator(pipelineSHA256: pipelineSHA256)
        tail += "  \"generator\": " + KnowledgeEncoding.pretty(indent: "  ") { $0.dictionary(generator) } + ",\n"
        tail += "  \"version\": \(KnowledgeEncoding.version)\n}\n"
        try file.write(tail)
        try file.commit()
        body.abandon()
        errorBody.abandon()
    }

    /// Copies a temporary file (the documents, the errors) into the output: in the kernel (`sendfile`, from file
    /// cache to file cache) where the system allows it, else, or from where it stopped, a megabyte at a time
    /// through memory.
    func copy(_ part: AtomicFile) throws {
        func failed(_ cause: String? = nil) -> HearsayError {
            HearsayError(
                code: "output.write-failed", message: "cannot read back the documents", file: file.path, cause: cause)
        }
        let input = open(part.tempPath, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw failed() }
        defer { close(input) }
        var offset: off_t = 0
        #if os(Linux)
            let output = file.handle.fileDescriptor
            while true {
                let n = sendfile(output, input, &offset, 1 << 30)
                if n > 0 { continue }
                if n == 0 { return }  // the end of the temporary file
                if errno == EINTR { continue }
                break  // not for this output (a terminal, an old kernel): through memory from `offset`
            }
        #endif
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { pread(input, $0.baseAddress, $0.count, offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failed(String(cString: strerror(errno)))
            }
            if n == 0 { break }
            try file.write(Data(chunk[0..<n]))
            offset += off_t(n)
        }
    }

    /// Removes the temporary files; the target is left as it was.
    public func abandon() {
        file.abandon()
        body.abandon()
        errorBody.abandon()
    }
}
