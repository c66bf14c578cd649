import ArgumentParser
import Foundation
import Hearsay

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract quotes, speakers and claims from files, directories and web archives.",
        discussion: """
            Directories are read recursively for .txt, .text, .md, .html, .htm and .xhtml files (also \
            gzip-compressed: .html.gz and so on, read inflated), .warc / .warc.gz \
            web archives and .jsonl / .jsonl.gz corpora (one article per line, as for hearsay stream). A file's id \
            is its path relative to the directory given, an archive record's id the archive's id and the record's \
            number (crawl.warc.gz/000012). HTML or plain text is decided by content. The PATH "-" reads one \
            article from stdin (its id: --id); --input-file adds the paths listed in a file. Hearsay reads no URLs \
            and never touches the network: fetch pages first. With no PATH, reads seeds/ and writes knowledge.json.

            Output: one knowledge file (default), JSON Lines (--jsonl), or one knowledge file per input mirroring \
            the input tree (--out-dir). Every file is written to a temporary name and renamed into place when \
            complete, so an interrupted run never leaves a half-written file. Same input and pipeline.json, same \
            bytes out.

            A run that read no document (every path missing or unreadable) never replaces an existing output: \
            the old file stays, the errors go to stderr and the exit status is 1.

            Resume: while a run is unfinished each finished document is also kept in a cache (OUTPUT.cache/ unless \
            --cache or --no-cache). After Ctrl-C, kill -9 or a crash, rerun with --resume: documents whose bytes, \
            pipeline.json, lexicons and hearsay build are unchanged come from the cache, only the rest is \
            processed. Once the output is written the cache OUTPUT.cache/ is removed (--keep-cache keeps it); a \
            cache named with --cache DIR is always kept.

            Exit status: 0 all inputs processed; 1 some inputs failed (output still written) or no document read \
            (an existing output left as it was); 2 configuration or output error (nothing written); 64 usage error \
            (bad arguments).
            """)

    @Argument(
        help: "Files, directories, .warc(.gz) archives, .jsonl(.gz) corpora, - for stdin (default: seeds).")
    var paths: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also read the paths listed in this file, one a line (- reads the list from stdin).", valueName: "list"))
    var inputFile: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Document id of the article read from stdin (default: stdin).", valueName: "name"))
    var id: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Publication date (YYYY-MM-DD) of every input that states none of its own; anchors relative dates.",
            valueName: "date"))
    var published: String?

    @Option(name: .shortAndLong, help: "Output file (default: knowledge.json).")
    var output: String?

    @Flag(name: .long, help: "Write JSON Lines (one knowledge document per line) instead of one JSON file.")
    var jsonl = false

    @Option(name: .long, help: "Write one knowledge file per input, <DIR>/<id>.knowledge.json, instead of one file.")
    var outDir: String?

    @Flag(name: .long, help: "Take documents already finished by an earlier run from the cache.")
    var resume = false

    @Option(
        name: .long,
        help: "The resume cache directory, kept after the run (default: the output path + .cache, removed after it).")
    var cache: String?

    @Flag(name: .long, help: "Keep no resume cache.")
    var noCache = false

    @Flag(name: .long, help: "Keep the resume cache OUTPUT.cache/ after a finished run, for a later --resume.")
    var keepCache = false

    @Flag(name: .shortAndLong, help: "No progress line and no summary on stderr.")
    var quiet = false

    @Flag(
        name: .long,
        help:
            "Follow symbolic links whose target lies outside the directories given (refused by default: input.outside-tree)."
    )
    var followLinks = false

    @Flag(
        name: .long,
        help:
            "Print only the normalized main text of each input on stdout (a header line per file when there are several); write no knowledge file."
    )
    var textOnly = false

    @OptionGroup var options: PipelineOptions

    func validate() throws {
        if outDir != nil && (jsonl || output != nil) {
            throw ValidationError("--out-dir writes one file per input; it cannot be combined with --output or --jsonl")
        }
        if resume && noCache { throw ValidationError("--resume needs the cache that --no-cache turns off") }
        if keepCache && noCache { throw ValidationError("--keep-cache keeps the cache that --no-cache turns off") }
        let stdinReads =
            paths.filter { $0 == Batch.standardInputPath }.count + (inputFile == Batch.standardInputPath ? 1 : 0)
        if stdinReads > 1 { throw ValidationError("standard input (-) can be read only once") }
        if id != nil && !paths.contains(Batch.standardInputPath) {
            throw ValidationError("--id names the article read from stdin: give - as a PATH")
        }
        if let published, StreamInput.publicationDate(published) == nil {
            throw ValidationError("--published must be a date, YYYY-MM-DD (got '\(published)')")
        }
    }

    func run() throws {
        // A file-size limit (ulimit -f) then fails a write like a full disk does, cleanly, instead of killing us.
        signal(SIGXFSZ, SIG_IGN)
        let pipeline = try options.load()
        let listed = try reportingErrors { try inputFile.map(Batch.pathList) ?? [] }
        let roots = paths.isEmpty && inputFile == nil ? ["seeds"] : paths + listed
        let (items, errors) = Batch.collect(
            roots, stdinID: id ?? "stdin", limit: pipeline.maxInputBytes, followLinks: followLinks)
        for e in errors { printError(e) }
        let records = Batch.expand(items, maxLineBytes: pipeline.maxInputBytes * 4)
        let inputs = Batch.assumingPublished(published.flatMap(StreamInput.publicationDate), records)
        if textOnly {
            let several = items.count > 1 || items.contains { $0.isContainer }
            let failed = Batch.texts(
                inputs, with: pipeline, jobs: options.jobs, headers: several,
                write: { FileHandle.standardOutput.write($0) }, onError: printError)
            if failed { throw ExitCode(1) }
            return
        }

        let file = output ?? "knowledge.json"
        let destination: Extraction.Output =
            outDir.map { .directory($0) } ?? (jsonl ? .jsonLines(file) : .knowledgeFile(file))
        try open(OutputPaths.refuseInputAsOutput(destination.path, inputs: items.compactMap(\.path)))
        let cacheDirectory = cache ?? destination.defaultCacheDirectory
        let resultCache: ResultCache? =
            noCache || cacheDirectory == nil
            ? nil
            : try open(
                ResultCache(
                    directory: cacheDirectory!,
                    fingerprint: pipeline.fingerprint + "\n" + ResultCache.executableFingerprint(),
                    form: destination.cacheForm))
        let interrupts = Interrupts(cacheDirectory: resultCache?.directory, outDir: outDir)
        let extraction = try open(
            Extraction(pipeline: pipeline, output: destination, cache: resultCache, resume: resume))

        let totalBytes = items.allSatisfy { $0.size != nil } ? items.reduce(0) { $0 + ($1.size ?? 0) } : nil
        let progress = Progress(
            total: items.contains { $0.isContainer } ? nil : items.count, totalBytes: totalBytes,
            enabled: !quiet && isatty(2) != 0)
        let started = Date()
        let summary: Extraction.Summary
        do {
            summary = try extraction.run(inputs, jobs: options.jobs, errors: errors, onError: printError) {
                item, count in
                progress.step(item.id, bytes: item.size ?? 0, errors: count)
            }
            interrupts.cancel()
        } catch let e as HearsayError {
            // The output cannot be written (disk full, directory gone): nothing half-written stays.
            progress.clear()
            printError(e)
            throw ExitCode(2)
        }
        progress.clear()
        if let f = resultCache?.failure {
            printError(
                HearsayError(
                    code: "cache.unwritable", message: "the resume cache is incomplete: \(f.message)", file: f.file))
        }
        // The cache serves an unfinished run: once the output is written it goes, unless the user asked to keep
        // it or named it (--cache DIR is theirs). A run that read nothing leaves an earlier run's cache for its
        // --resume, and removes only a cache that holds nothing.
        if let c = resultCache, cache == nil, !keepCache, !summary.outputKept || c.isEmpty {
            c.remove()
        }
        if summary.outputKept {
            printError(
                HearsayError(
                    code: "output.kept", message: "no document was read; the existing output was left as it was",
                    file: destination.path))
            throw ExitCode(1)
        }
        if !quiet {
            let secs = Date().timeIntervalSince(started)
            let fromCache = summary.cached > 0 ? " (\(summary.cached) from the resume cache)" : ""
            FileHandle.standardError.write(
                Data(
                    String(
                        format:
                            "hearsay: %d documents%@, %d speakers, %d quotes, %d claims, %d errors, %d warnings, %.2f s, %.1f MB/s -> %@\n",
                        summary.documents, fromCache, summary.speakers, summary.quotes, summary.claims,
                        summary.errors, summary.warnings, secs, Double(progress.doneBytes) / 1e6 / max(secs, 0.001),
                        destination.path
                    ).utf8))
        }
        if summary.errors > 0 { throw ExitCode(1) }
    }

    func open<W>(_ make: @autoclosure () throws -> W) throws -> W {
        do { return try make() } catch let e as HearsayError {
            printError(e)
            throw ExitCode(2)
        }
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
