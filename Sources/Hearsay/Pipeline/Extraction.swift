import Crypto
import Foundation

/// A batch run to one output: inputs are processed on all cores, each finished document is encoded for its
/// output (and kept in the resume cache, or taken from it), and the output is written in input order, atomically.
///
/// This is what `hearsay extract` does after parsing its arguments. The output is opened by
/// ``init(pipeline:output:cache:resume:)`` (a temporary file beside the target, or the directory) and completed by
/// ``run(_:jobs:errors:onError:onItem:)``; a run that fails to write leaves the target as it was and no temporary
/// file. A run that read no document (every input missing or unreadable) never replaces an existing output file
/// either: the output is abandoned and ``Summary/outputKept`` says so.
public final class Extraction {
    /// Where the documents go.
    public enum Output: Sendable {
        /// One knowledge file, with the corpus section and the errors.
        case knowledgeFile(String)
        /// JSON Lines: one knowledge document per line, `{"error": ..., "id": ...}` for an input that failed.
        case jsonLines(String)
        /// One knowledge file per input, `DIR/<id>.knowledge.json` (see ``OutputPaths``).
        case directory(String)

        /// The file or directory written.
        public var path: String {
            switch self {
            case .knowledgeFile(let p), .jsonLines(let p), .directory(let p): return p
            }
        }

        /// The output form that resume-cache entries hold: entries of one form never serve another.
        public var cacheForm: String {
            if case .jsonLines = self { return "jsonl" }
            return "knowledge"
        }

        /// The resume cache used when none is named: the output path (without trailing slashes) + `.cache`; none
        /// for an output written in place (a device, standard output), beside which nothing is created.
        public var defaultCacheDirectory: String? {
            if case .directory = self {} else if AtomicFile.writesInPlace(path) { return nil }
            var s = path
            while s.count > 1 && s.hasSuffix("/") { s.removeLast() }
            return s + ".cache"
        }
    }

    /// What a run did, for the summary line.
    public struct Summary: Sendable {
        public var documents = 0
        /// Documents taken from the resume cache.
        public var cached = 0
        public var speakers = 0
        public var quotes = 0
        public var claims = 0
        /// Warning diagnostics of the documents (a short main text, a fallback decoding...).
        public var warnings = 0
        /// Errors of the run, the ones given to ``run(_:jobs:errors:onError:onItem:)`` included. Only counted: the
        /// errors themselves stream to the output (a million bad lines hold no memory).
        public var errors = 0
        /// The run read no document and an existing output file (a knowledge file or JSON Lines file written
        /// atomically) was left as it was instead of being replaced by an empty one.
        public var outputKept = false
    }

    /// The file of `--out-dir` that lists the inputs that failed, one JSON line each (`{"error": ..., "id": ...}`).
    public static let errorsFileName = "errors.jsonl"

    /// Where the output goes, opened.
    enum Sink {
        case knowledge(KnowledgeWriter)
        case lines(AtomicFile)
        case directory(String)
    }

    /// A document finished by a worker: what the sink writes, and whether it came from the cache.
    struct Finished: Sendable {
        var entry: ResultCache.Entry
        var cached: Bool
    }

    let pipeline: Pipeline
    let output: Output
    let cache: ResultCache?
    let resume: Bool
    let sink: Sink
    /// `--out-dir`: the errors file, opened at the first error.
    var errorsFile: AtomicFile?

    /// Opens the output.
    /// - Parameters:
    ///   - cache: the resume cache every finished document is stored in (nil: none).
    ///   - resume: take documents already in `cache` from it instead of processing them.
    /// - Throws: ``HearsayError`` `output.unwritable` when the output cannot be created.
    public init(pipeline: Pipeline, output: Output, cache: ResultCache?, resume: Bool) throws {
        self.pipeline = pipeline
        self.output = output
        self.cache = cache
        self.resume = resume
        switch output {
        case .directory(let dir):
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            } catch {
                throw HearsayError(code: "output.unwritable", message: "cannot create the output directory", file: dir)
            }
            sink = .directory(dir)
        case .jsonLines(let target):
            AtomicFile.removeStale(besides: target)
            sink = .lines(try AtomicFile(path: target))
        case .knowledgeFile(let target):
            AtomicFile.removeStale(besides: target)
            sink = .knowledge(try KnowledgeWriter(path: target))
        }
    }

    /// Processes `inputs` on `jobs` threads and writes every document, in input order, then completes the output.
    /// - Parameters:
    ///   - errors: errors found before the run (inputs that could not be listed); they are listed in the output.
    ///   - onError: called with each input's failure, in input order (the run goes on).
    ///   - onItem: called after each input with the number of errors so far (for a progress line).
    /// - Throws: ``HearsayError`` when the output cannot be written (disk full, directory gone); nothing
    ///   half-written stays.
    public func run<S: Sequence>(
        _ inputs: S, jobs: Int, errors: [HearsayError] = [], onError: (HearsayError) -> Void = { _ in },
        onItem: (InputItem, Int) -> Void = { _, _ in }
    ) throws -> Summary where S.Element == InputItem {
        var summary = Summary(errors: errors.count)
        let pipeline = self.pipeline
        let resultCache = cache
        let asLine: Bool = { if case .jsonLines = output { true } else { false } }()
        let useCache = resume
        // The corpus index's band keys are computed on the workers; the writer only files them.
        let corpusSettings: CorpusSettings? = { if case .knowledge(let w) = sink { w.corpus.settings } else { nil } }()

        let work: (InputItem) -> Result<Finished, HearsayError> = { item in
            Batch.read(item, limit: pipeline.maxInputBytes).flatMap { read -> Result<Finished, HearsayError> in
                let bytes = read.bytes
                // Hashed once: for the cache key and the document's `sha256`.
                let digest = resultCache == nil ? nil : Document.sha256(bytes)
                let key = digest.flatMap { resultCache?.key(for: item, digest: $0) }
                if useCache, let k = key, let hit = resultCache?.load(k) {
                    return .success(Finished(entry: hit, cached: true))
                }
                return Batch.process(item, bytes: bytes, changed: read.changed, digest: digest, with: pipeline).flatMap
                {
                    doc in
                    do {
                        let body =
                            asLine ? try KnowledgeEncoding.line(doc) + Data([0x0A]) : try KnowledgeWriter.body(doc)
                        let entry = ResultCache.Entry(
                            body: body, speakers: doc.speakers.count, quotes: doc.quotes.count,
                            claims: doc.claims.count,
                            warnings: doc.diagnostics.filter { $0.severity == .warning }.count,
                            summary: asLine ? nil : CorpusDocumentSummary(doc, settings: corpusSettings))
                        // A file that changed while read is not cached: its warning belongs to this run only.
                        if let k = key, !read.changed { resultCache?.store(k, entry) }
                        return .success(Finished(entry: entry, cached: false))
                    } catch {
                        return .failure(
                            HearsayError(code: "internal", message: "encoding failed: \(error)", file: item.id))
                    }
                }
            }
        }

        // --out-dir: the files written, so that two inputs with one id (two roots, two JSON Lines files) never
        // overwrite each other.
        var written = Set<String>()
        do {
            for e in errors { try writeError(e, for: nil) }
            try Batch.map(inputs, jobs: jobs, work) { _, item, result in
                var result = result
                if case .success(let done) = result {
                    do {
                        try write(done.entry, for: item, written: &written)
                    } catch let e as HearsayError where e.code == "output.unsafe-id" || e.code == "output.duplicate-id"
                    {
                        result = .failure(e)  // this document's failure, not the run's
                    }
                }
                switch result {
                case .success(let done):
                    summary.documents += 1
                    if done.cached { summary.cached += 1 }
                    summary.speakers += done.entry.speakers
                    summary.quotes += done.entry.quotes
                    summary.claims += done.entry.claims
                    summary.warnings += done.entry.warnings
                case .failure(let e):
                    onError(e)
                    summary.errors += 1
                    try writeError(e, for: item)
                }
                onItem(item, summary.errors)
            }
            if summary.documents == 0 && replacesExistingFile {
                abandon()
                summary.outputKept = true
                return summary
            }
            switch sink {
            case .knowledge(let w): try w.finish(pipelineSHA256: pipeline.config.sha256)
            case .lines(let f): try f.commit()
            case .directory(let dir):
                if let f = errorsFile {
                    try f.commit()
                } else {
                    unlink(dir + "/" + Self.errorsFileName)  // an earlier run's list, no longer true
                }
            }
        } catch let e as HearsayError {
            abandon()
            throw e
        }
        return summary
    }

    /// Whether completing the output would replace a file that exists (a regular file, written atomically): a
    /// device, FIFO or standard output is written through, and `--out-dir` replaces no file but its errors list.
    var replacesExistingFile: Bool {
        switch output {
        case .directory: return false
        case .knowledgeFile(let p), .jsonLines(let p):
            guard case .atomic(let target) = AtomicFile.placement(p) else { return false }
            return FileManager.default.fileExists(atPath: target)
        }
    }

    /// Removes the output's temporary files; the target is left as it was.
    public func abandon() {
        switch sink {
        case .knowledge(let w): w.abandon()
        case .lines(let f): f.abandon()
        case .directory: errorsFile?.abandon()
        }
    }

    func write(_ entry: ResultCache.Entry, for item: InputItem, written: inout Set<String>) throws {
        switch sink {
        case .knowledge(let w): try w.append(body: entry.body, summary: entry.summary)
        case .lines(let f): try f.write(entry.body)
        case .directory(let dir):
            let path = try OutputPaths.file(for: item.id, in: dir)
            guard written.insert(path).inserted else {
                throw HearsayError(
                    code: "output.duplicate-id",
                    message:
                        "another input of this run has the same id and was written to \(path); nothing written for this one",
                    file: item.path ?? item.id)
            }
            let writer = try KnowledgeWriter(path: path, clearStale: false)
            try writer.append(body: entry.body, summary: entry.summary)
            try writer.finish(errors: [], pipelineSHA256: pipeline.config.sha256)
        }
    }

    /// Writes an input's error (`item` nil: an error found before the run, such as a path that does not exist).
    func writeError(_ e: HearsayError, for item: InputItem?) throws {
        func line() throws -> Data {
            try Data(#"{"error":"#.utf8) + KnowledgeEncoding.errorLine(e) + Data(#","id":"#.utf8)
                + JSONEncoder().encode(item?.id ?? e.file ?? "") + Data("}\n".utf8)
        }
        switch sink {
        case .knowledge(let w): try w.appendError(e)
        case .lines(let f):
            guard item != nil else { return }  // errors before the run are on stderr only
            try f.write(try line())
        case .directory(let dir):
            // One list for the whole run, not one file per failed input.
            if errorsFile == nil {
                AtomicFile.removeStale(besides: dir + "/" + Self.errorsFileName)
                errorsFile = try AtomicFile(path: dir + "/" + Self.errorsFileName)
            }
            try errorsFile?.write(try line())
        }
    }
}

extension Batch {
    /// `hearsay stream`: processes JSON Lines input items on `jobs` threads and hands `write` one knowledge
    /// document per line (with its newline), in input order. An item that fails is handed to `onError` and yields
    /// `{"error": ..., "id": ..., "line": N}` instead; the stream goes on.
    /// - Returns: the number of items that failed.
    /// - Throws: what `write` throws.
    public static func stream<S: Sequence>(
        _ lines: S, with pipeline: Pipeline, jobs: Int, write: (Data) throws -> Void,
        onError: (HearsayError) -> Void = { _ in }
    ) throws -> Int where S.Element == InputItem {
        var failures = 0
        try Batch.map(
            lines, jobs: jobs,
            { item in
                Batch.process(item, with: pipeline).flatMap { doc in
                    Result { try KnowledgeEncoding.line(doc) }.mapError {
                        HearsayError(code: "internal", message: "encoding failed: \($0)", file: item.id)
                    }
                }
            }
        ) { _, item, result in
            switch result {
            case .success(let line):
                try write(line + Data([0x0A]))
            case .failure(let e):
                failures += 1
                onError(e)
                var obj = Data(#"{"error":"#.utf8)
                obj.append(try KnowledgeEncoding.errorLine(e))
                obj.append(Data(#","id":"#.utf8))
                obj.append(try JSONEncoder().encode(e.file ?? item.id))
                obj.append(Data(",\"line\":\(item.line ?? 0)}\n".utf8))
                try write(obj)
            }
        }
        return failures
    }

    /// `extract --text-only`: the normalized text of each input, in input order, handed to `write` (preceded by a
    /// `==> id <==` line and followed by a blank line when `headers`); a failure is handed to `onError`.
    /// - Returns: whether any input failed.
    public static func texts<S: Sequence>(
        _ inputs: S, with pipeline: Pipeline, jobs: Int, headers: Bool, write: (Data) -> Void,
        onError: (HearsayError) -> Void = { _ in }
    ) -> Bool where S.Element == InputItem {
        var failed = false
        run(inputs, with: pipeline, jobs: jobs) { _, _, result in
            switch result {
            case .success(let doc):
                var out = headers ? "==> \(doc.id) <==\n" : ""
                out += doc.text + "\n"
                if headers { out += "\n" }
                write(Data(out.utf8))
            case .failure(let e):
                onError(e)
                failed = true
            }
        }
        return failed
    }
}

extension ResultCache {
    /// SHA-256 of the running executable, for a cache fingerprint: a rebuilt hearsay misses the resume cache of an
    /// older build.
    public static func executableFingerprint() -> String {
        let path =
            FileManager.default.fileExists(atPath: "/proc/self/exe")
            ? "/proc/self/exe" : (Bundle.main.executablePath ?? "")
        guard let fh = FileHandle(forReadingAtPath: path) else { return "unknown-build" }
        defer { try? fh.close() }
        var h = SHA256()
        while let d = try? fh.read(upToCount: 1 << 20), !d.isEmpty { h.update(data: d) }
        return h.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
