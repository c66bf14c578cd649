import ArgumentParser
import Crypto
import Foundation
import Hearsay

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract quotes, speakers and claims from files, directories and web archives.",
        discussion: """
            Directories are read recursively for .txt, .text, .md, .html, .htm and .xhtml files and .warc / .warc.gz
            web archives; a file's id is its path relative to the directory given, an archive record's id the
            archive's id and the record's number (crawl.warc.gz/000012). HTML or plain text is decided by content.
            With no PATH, reads seeds/ and writes knowledge.json.

            Output: one knowledge file (default), JSON Lines (--jsonl), or one knowledge file per input mirroring the
            input tree (--out-dir). Every file is written to a temporary name and renamed into place when complete,
            so an interrupted run never leaves a half-written file. Same input and pipeline.json, same bytes out.

            Resume: each finished document is also kept in a cache (OUTPUT.cache/ unless --cache or --no-cache). After
            Ctrl-C, kill -9 or a crash, rerun with --resume: documents whose bytes, pipeline.json, lexicons and
            hearsay build are unchanged come from the cache, only the rest is processed.
            """)

    @Argument(help: "Files, directories or .warc/.warc.gz archives to read (default: seeds).")
    var paths: [String] = []

    @Option(name: .shortAndLong, help: "Output file (default: knowledge.json).")
    var output: String?

    @Flag(name: .long, help: "Write JSON Lines (one knowledge document per line) instead of one JSON file.")
    var jsonl = false

    @Option(name: .long, help: "Write one knowledge file per input, <DIR>/<id>.knowledge.json, instead of one file.")
    var outDir: String?

    @Flag(name: .long, help: "Take documents already finished by an earlier run from the cache.")
    var resume = false

    @Option(name: .long, help: "The resume cache directory (default: the output path + .cache).")
    var cache: String?

    @Flag(name: .long, help: "Keep no resume cache.")
    var noCache = false

    @Flag(name: .shortAndLong, help: "No progress line and no summary on stderr.")
    var quiet = false

    @Flag(
        name: .long,
        help: "Follow symbolic links whose target lies outside the directories given (refused by default: input.outside-tree).")
    var followLinks = false

    @Flag(
        name: .long,
        help: "Print only the normalized main text of each input on stdout (a header line per file when there are several); write no knowledge file.")
    var textOnly = false

    @OptionGroup var options: PipelineOptions

    func validate() throws {
        if outDir != nil && (jsonl || output != nil) {
            throw ValidationError("--out-dir writes one file per input; it cannot be combined with --output or --jsonl")
        }
        if resume && noCache { throw ValidationError("--resume needs the cache that --no-cache turns off") }
    }

    /// Where the output goes.
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

    func run() throws {
        // A file-size limit (ulimit -f) then fails a write like a full disk does, cleanly, instead of killing us.
        signal(SIGXFSZ, SIG_IGN)
        let pipeline = try options.load()
        let roots = paths.isEmpty ? ["seeds"] : paths
        var (items, errors) = Batch.collect(roots, followLinks: followLinks)
        for e in errors { printError(e) }
        let inputs = Batch.expand(items, maxLineBytes: pipeline.maxInputBytes * 4)
        if textOnly { return try runTextOnly(inputs, several: items.count > 1 || items.contains { $0.isContainer }, pipeline) }

        let target = outDir ?? output ?? "knowledge.json"
        let form = jsonl ? "jsonl" : "knowledge"
        let resultCache: ResultCache? =
            noCache ? nil : try open(ResultCache(
                directory: cache ?? stripSlash(target) + ".cache",
                fingerprint: pipeline.fingerprint + "\n" + executableFingerprint(), form: form))
        let interrupts = Interrupts(cacheDirectory: resultCache?.directory, outDir: outDir)
        let sink: Sink
        if let dir = outDir {
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            } catch {
                printError(HearsayError(code: "output.unwritable", message: "cannot create the output directory", file: dir))
                throw ExitCode(2)
            }
            sink = .directory(dir)
        } else {
            AtomicFile.removeStale(besides: target)
            sink = jsonl ? .lines(try open(AtomicFile(path: target))) : .knowledge(try open(KnowledgeWriter(path: target)))
        }

        let totalBytes = items.allSatisfy { $0.size != nil } ? items.reduce(0) { $0 + ($1.size ?? 0) } : nil
        let progress = Progress(
            total: items.contains { $0.isContainer } ? nil : items.count, totalBytes: totalBytes,
            enabled: !quiet && isatty(2) != 0)
        var counts = (documents: 0, cached: 0, speakers: 0, quotes: 0, claims: 0)
        let started = Date()
        let asLine = jsonl
        let useCache = resume
        // The corpus index's band keys are computed on the workers; the writer only files them.
        let corpusSettings: CorpusSettings? = { if case .knowledge(let w) = sink { w.corpus.settings } else { nil } }()

        let work: (InputItem) -> Result<Finished, HearsayError> = { item in
            Batch.read(item, limit: pipeline.maxInputBytes).flatMap { read -> Result<Finished, HearsayError> in
                let bytes = read.bytes
                let key = resultCache?.key(for: item, bytes: bytes)
                if useCache, let k = key, let hit = resultCache?.load(k) { return .success(Finished(entry: hit, cached: true)) }
                return Batch.process(item, bytes: bytes, changed: read.changed, with: pipeline).flatMap { doc in
                    do {
                        let body = asLine ? try KnowledgeEncoding.line(doc) + Data([0x0A]) : try KnowledgeWriter.body(doc)
                        let entry = ResultCache.Entry(
                            body: body, speakers: doc.speakers.count, quotes: doc.quotes.count, claims: doc.claims.count,
                            summary: asLine ? nil : CorpusDocumentSummary(doc, settings: corpusSettings))
                        // A file that changed while read is not cached: its warning belongs to this run only.
                        if let k = key, !read.changed { resultCache?.store(k, entry) }
                        return .success(Finished(entry: entry, cached: false))
                    } catch {
                        return .failure(HearsayError(code: "internal", message: "encoding failed: \(error)", file: item.id))
                    }
                }
            }
        }

        // --out-dir: the files written, so that two inputs with one id (two roots, two JSON Lines files) never
        // overwrite each other.
        var written = Set<String>()
        do {
            try Batch.map(inputs, jobs: options.jobs, work) { _, item, result in
                var result = result
                if case .success(let done) = result {
                    do {
                        try write(done.entry, for: item, to: sink, pipeline: pipeline, written: &written)
                    } catch let e as HearsayError where e.code == "output.unsafe-id" || e.code == "output.duplicate-id" {
                        result = .failure(e)  // this document's failure, not the run's
                    }
                }
                switch result {
                case .success(let done):
                    counts.documents += 1
                    if done.cached { counts.cached += 1 }
                    counts.speakers += done.entry.speakers
                    counts.quotes += done.entry.quotes
                    counts.claims += done.entry.claims
                case .failure(let e):
                    printError(e)
                    errors.append(e)
                    try writeError(e, for: item, to: sink, pipeline: pipeline, written: &written)
                }
                progress.step(item.id, bytes: item.size ?? 0, errors: errors.count)
            }
            switch sink {
            case .knowledge(let w): try w.finish(errors: errors, pipelineSHA256: pipeline.config.sha256)
            case .lines(let f): try f.commit()
            case .directory: break
            }
            interrupts.cancel()
        } catch let e as HearsayError {
            // The output cannot be written (disk full, directory gone): nothing half-written stays.
            progress.clear()
            switch sink {
            case .knowledge(let w): w.abandon()
            case .lines(let f): f.abandon()
            case .directory: break
            }
            printError(e)
            throw ExitCode(2)
        }
        progress.clear()
        if let f = resultCache?.failure {
            printError(HearsayError(code: "cache.unwritable", message: "the resume cache is incomplete: \(f.message)", file: f.file))
        }
        if !quiet {
            let secs = Date().timeIntervalSince(started)
            let fromCache = counts.cached > 0 ? " (\(counts.cached) from the resume cache)" : ""
            FileHandle.standardError.write(
                Data(
                    String(
                        format: "hearsay: %d documents%@, %d speakers, %d quotes, %d claims, %d errors, %.2f s, %.1f MB/s -> %@\n",
                        counts.documents, fromCache, counts.speakers, counts.quotes, counts.claims, errors.count, secs,
                        Double(progress.doneBytes) / 1e6 / max(secs, 0.001), target
                    ).utf8))
        }
        if !errors.isEmpty { throw ExitCode(1) }
    }

    func write(
        _ entry: ResultCache.Entry, for item: InputItem, to sink: Sink, pipeline: Pipeline, written: inout Set<String>
    ) throws {
        switch sink {
        case .knowledge(let w): try w.append(body: entry.body, summary: entry.summary)
        case .lines(let f): try f.write(entry.body)
        case .directory(let dir):
            let path = try OutputPaths.file(for: item.id, in: dir)
            guard written.insert(path).inserted else {
                throw HearsayError(
                    code: "output.duplicate-id",
                    message: "another input of this run has the same id and was written to \(path); nothing written for this one",
                    file: item.path ?? item.id)
            }
            let writer = try KnowledgeWriter(path: path, clearStale: false)
            try writer.append(body: entry.body, summary: entry.summary)
            try writer.finish(errors: [], pipelineSHA256: pipeline.config.sha256)
        }
    }

    func writeError(
        _ e: HearsayError, for item: InputItem, to sink: Sink, pipeline: Pipeline, written: inout Set<String>
    ) throws {
        switch sink {
        case .knowledge: break  // listed under `errors` by `finish`
        case .lines(let f):
            try f.write(
                Data(#"{"error":"#.utf8) + KnowledgeEncoding.errorLine(e) + Data(#","id":"#.utf8)
                    + JSONEncoder().encode(item.id) + Data("}\n".utf8))
        case .directory(let dir):
            // The input's own file records why it has no document; an unsafe id gets none (its error is printed).
            guard e.code != "output.unsafe-id", e.code != "output.duplicate-id",
                let path = try? OutputPaths.file(for: item.id, in: dir), written.insert(path).inserted
            else { return }
            let writer = try KnowledgeWriter(path: path, clearStale: false)
            try writer.finish(errors: [e], pipelineSHA256: pipeline.config.sha256)
        }
    }

    func runTextOnly(_ inputs: AnySequence<InputItem>, several: Bool, _ pipeline: Pipeline) throws {
        var failed = false
        Batch.run(inputs, with: pipeline, jobs: options.jobs) { _, _, result in
            switch result {
            case .success(let doc):
                var out = several ? "==> \(doc.id) <==\n" : ""
                out += doc.text + "\n"
                if several { out += "\n" }
                FileHandle.standardOutput.write(Data(out.utf8))
            case .failure(let e):
                printError(e)
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }

    func open<W>(_ make: @autoclosure () throws -> W) throws -> W {
        do { return try make() } catch let e as HearsayError {
            printError(e)
            throw ExitCode(2)
        }
    }

    func stripSlash(_ p: String) -> String {
        var s = p
        while s.count > 1 && s.hasSuffix("/") { s.removeLast() }
        return s
    }

    /// SHA-256 of the running executable: a rebuilt hearsay misses the resume cache of an older build.
    func executableFingerprint() -> String {
        let path = FileManager.default.fileExists(atPath: "/proc/self/exe") ? "/proc/self/exe" : (Bundle.main.executablePath ?? "")
        guard let fh = FileHandle(forReadingAtPath: path) else { return "unknown-build" }
        defer { try? fh.close() }
        var h = SHA256()
        while let d = try? fh.read(upToCount: 1 << 20), !d.isEmpty { h.update(data: d) }
        return h.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

/// Ctrl-C and `kill`: remove temporary files (targets stay as they were; finished documents stay in the resume
/// cache), say how to resume, and exit 130 (SIGINT) or 143 (SIGTERM).
final class Interrupts {
    private var sources: [DispatchSourceSignal] = []

    init(cacheDirectory: String?, outDir: String?) {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            // A queue of its own: the workers may hold every thread of the global queues for the whole run.
            let s = DispatchSource.makeSignalSource(signal: sig, queue: DispatchQueue(label: "hearsay.signals"))
            s.setEventHandler {
                AtomicFile.removePendingFiles()
                let hint = cacheDirectory.map { "; finished documents are in \($0), rerun with --resume" } ?? ""
                let what = outDir.map { "the files in \($0) are complete, the rest not written" } ?? "no output written"
                FileHandle.standardError.write(Data("\nhearsay: interrupted, \(what)\(hint)\n".utf8))
                _exit(128 + sig)
            }
            s.resume()
            sources.append(s)
        }
    }

    func cancel() {
        for s in sources { s.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}

/// One self-updating progress line on stderr, only on a terminal: documents done (of how many, when known),
/// MB/s, ETA, errors so far.
final class Progress {
    let total: Int?
    let totalBytes: Int?
    let enabled: Bool
    var done = 0
    var doneBytes = 0
    let started = Date()
    var last = Date.distantPast

    init(total: Int?, totalBytes: Int?, enabled: Bool) {
        self.total = total
        self.totalBytes = totalBytes
        self.enabled = enabled
    }

    func step(_ id: String, bytes: Int, errors: Int) {
        done += 1
        doneBytes += bytes
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(last) > 0.1 || done == total else { return }
        last = now
        let secs = max(0.001, now.timeIntervalSince(started))
        let mbps = Double(doneBytes) / 1e6 / secs
        var line = "\r\u{1B}[K"
        if let t = total { line += "[\(done)/\(t)]" } else { line += "[\(done)]" }
        line += String(format: " %.1f MB/s, %.0f docs/s", mbps, Double(done) / secs)
        if let tb = totalBytes, doneBytes > 0 {
            line += String(format: ", ETA %.0f s", Double(max(0, tb - doneBytes)) / (Double(doneBytes) / secs))
        }
        line += ", \(errors) errors  " + String(id.suffix(40))
        FileHandle.standardError.write(Data(line.utf8))
    }

    func clear() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
