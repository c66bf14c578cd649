import ArgumentParser
import Foundation
import Hearsay

@main
struct HearsayCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hearsay",
        abstract: "Who said what, and which numbers were claimed: quotes, speakers and numeric claims from news articles.",
        discussion: """
            Every quote, speaker and claim carries provenance: the file and its SHA-256, the sentence, the span in the
            normalized text and the byte span in the original input, and the stage, rule and confidence behind it.

            Exit status: 0 all inputs processed; 1 some inputs failed (their errors are in the output and on
            stderr), output still written; 2 usage or configuration error (nothing written).
            """,
        version: KnowledgeEncoding.generatorVersion,
        subcommands: [Extract.self, Stream.self, Defaults.self, Report.self]
    )
}

/// Options shared by the commands that run the pipeline.
struct PipelineOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "The pipeline file (default: ./pipeline.json when present, else the built-in default).")
    var pipeline: String?

    @Option(name: .shortAndLong, help: "Worker threads (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func load() throws -> Pipeline {
        do {
            let path = pipeline ?? (FileManager.default.fileExists(atPath: "pipeline.json") ? "pipeline.json" : nil)
            let config = try path.map(PipelineConfig.load(path:)) ?? PipelineConfig.defaultConfig()
            return try Pipeline(config: config, file: path ?? "<default pipeline>")
        } catch let e as HearsayError {
            FileHandle.standardError.write(Data((e.description + "\n").utf8))
            throw ExitCode(2)
        }
    }
}

func printError(_ e: HearsayError) {
    FileHandle.standardError.write(Data((e.description + "\n").utf8))
}

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract quotes, speakers and claims from files and directories into one knowledge file.",
        discussion: """
            Directories are read recursively for .txt, .text, .md, .html, .htm and .xhtml files; a file's id is its
            path relative to the directory given. HTML or plain text is decided by content. With no PATH, reads
            seeds/ and writes knowledge.json. The output is written to a temporary file and renamed into place when
            complete, so an interrupted run never leaves a half-written file. Same input and pipeline.json, same
            bytes out.
            """)

    @Argument(help: "Files or directories to read (default: seeds).")
    var paths: [String] = []

    @Option(name: .shortAndLong, help: "Output file (default: knowledge.json).")
    var output: String = "knowledge.json"

    @Flag(name: .long, help: "Write JSON Lines (one knowledge document per line) instead of one JSON file.")
    var jsonl = false

    @Flag(name: .shortAndLong, help: "No progress line and no summary on stderr.")
    var quiet = false

    @Flag(
        name: .long,
        help: "Print only the normalized main text of each input on stdout (a header line per file when there are several); write no knowledge file.")
    var textOnly = false

    @OptionGroup var options: PipelineOptions

    func run() throws {
        let pipeline = try options.load()
        let roots = paths.isEmpty ? ["seeds"] : paths
        var (items, errors) = Batch.collect(roots)
        for e in errors { printError(e) }
        if textOnly {
            Batch.run(items, with: pipeline, jobs: options.jobs) { _, item, result in
                switch result {
                case .success(let doc):
                    var out = items.count > 1 ? "==> \(doc.id) <==\n" : ""
                    out += doc.text + "\n"
                    if items.count > 1 { out += "\n" }
                    FileHandle.standardOutput.write(Data(out.utf8))
                case .failure(let e):
                    printError(e)
                    errors.append(e)
                }
            }
            if !errors.isEmpty { throw ExitCode(1) }
            return
        }
        let progress = Progress(total: items.count, enabled: !quiet && isatty(2) != 0)
        var quotes = 0
        var claims = 0
        var speakers = 0
        let started = Date()
        if jsonl {
            let writer = try open(AtomicFile(path: output))
            try Batch.run(items, with: pipeline, jobs: options.jobs) { _, item, result in
                switch result {
                case .success(let doc):
                    try writer.write(KnowledgeEncoding.line(doc) + Data([0x0A]))
                    quotes += doc.quotes.count
                    claims += doc.claims.count
                    speakers += doc.speakers.count
                case .failure(let e):
                    printError(e)
                    errors.append(e)
                    try writer.write(
                        Data(#"{"error":"#.utf8) + KnowledgeEncoding.errorLine(e) + Data(#","id":"#.utf8)
                            + JSONEncoder().encode(item.id) + Data("}\n".utf8))
                }
                progress.step(item.id, errors: errors.count)
            }
            try writer.commit()
        } else {
            let writer = try open(KnowledgeWriter(path: output))
            try Batch.run(items, with: pipeline, jobs: options.jobs) { _, item, result in
                switch result {
                case .success(let doc):
                    try writer.append(doc)
                    quotes += doc.quotes.count
                    claims += doc.claims.count
                    speakers += doc.speakers.count
                case .failure(let e):
                    printError(e)
                    errors.append(e)
                }
                progress.step(item.id, errors: errors.count)
            }
            try writer.finish(errors: errors, pipelineSHA256: pipeline.config.sha256)
        }
        progress.clear()
        if !quiet {
            let secs = Date().timeIntervalSince(started)
            let ok = items.count - errors.filter { $0.code != "input.missing" }.count
            FileHandle.standardError.write(
                Data(
                    String(
                        format: "hearsay: %d documents, %d speakers, %d quotes, %d claims, %d errors, %.2f s -> %@\n",
                        max(0, ok), speakers, quotes, claims, errors.count, secs, output
                    ).utf8))
        }
        if !errors.isEmpty { throw ExitCode(1) }
    }

    func open<W>(_ make: @autoclosure () throws -> W) throws -> W {
        do { return try make() } catch let e as HearsayError {
            printError(e)
            throw ExitCode(2)
        }
    }
}

struct Stream: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read JSON Lines articles on stdin, write one knowledge document per line on stdout.",
        discussion: """
            Each input line is {"id": ..., "text": ...} or {"id": ..., "html": ...}, with optional "published"
            (YYYY-MM-DD, anchors relative dates) and "url". Each output line is the knowledge document for that input,
            in input order. A line that cannot be read or processed yields {"id": ..., "line": N, "error": {...}} and
            the stream goes on. This is the interface for other tools and batch engines.
            """)

    @OptionGroup var options: PipelineOptions

    func run() throws {
        let pipeline = try options.load()
        let input = FileHandle.standardInput
        let out = FileHandle.standardOutput
        var lineNumber = 0
        var failures = 0
        var pending: [(Int, Result<InputItem, HearsayError>)] = []

        func flush() throws {
            let items = pending.compactMap { (try? $0.1.get()) }
            var results: [Int: Result<Document, HearsayError>] = [:]
            Batch.run(items, with: pipeline, jobs: options.jobs) { i, _, r in results[i] = r }
            var next = 0
            var chunk = Data()
            for (number, parsed) in pending {
                let result: Result<Document, HearsayError>
                switch parsed {
                case .failure(let e): result = .failure(e)
                case .success:
                    result = results[next] ?? .failure(HearsayError(code: "internal", message: "lost result"))
                    next += 1
                }
                switch result {
                case .success(let doc):
                    chunk.append(try KnowledgeEncoding.line(doc))
                case .failure(let e):
                    failures += 1
                    printError(e)
                    var obj = Data(#"{"error":"#.utf8)
                    obj.append(try KnowledgeEncoding.errorLine(e))
                    obj.append(Data(#","id":"#.utf8))
                    obj.append(try JSONEncoder().encode(e.file ?? "line-\(number)"))
                    obj.append(Data(",\"line\":\(number)}".utf8))
                    chunk.append(obj)
                }
                chunk.append(0x0A)
            }
            out.write(chunk)
            pending.removeAll()
        }

        func take(_ line: Data) throws {
            lineNumber += 1
            var l = line
            if l.last == 0x0D { l.removeLast() }
            if l.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
            pending.append((lineNumber, StreamInput.parse(l, number: lineNumber)))
            if pending.count >= max(1, options.jobs) * 16 { try flush() }
        }

        // Lines are cut from a growing buffer; each byte is scanned once, so a huge line costs linear time.
        var buffer: [UInt8] = []
        var lineStart = 0
        var scanFrom = 0
        while true {
            let data = input.availableData
            if data.isEmpty { break }
            buffer.append(contentsOf: data)
            while scanFrom < buffer.count, let nl = buffer[scanFrom...].firstIndex(of: 0x0A) {
                try take(Data(buffer[lineStart..<nl]))
                lineStart = nl + 1
                scanFrom = lineStart
            }
            scanFrom = buffer.count
            if lineStart >= 1 << 20 {
                buffer.removeFirst(lineStart)
                scanFrom -= lineStart
                lineStart = 0
            }
        }
        if lineStart < buffer.count { try take(Data(buffer[lineStart...])) }
        try flush()
        if failures > 0 { throw ExitCode(1) }
    }
}

/// One self-updating progress line on stderr, only on a terminal.
final class Progress {
    let total: Int
    let enabled: Bool
    var done = 0
    let started = Date()
    var last = Date.distantPast

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    func step(_ id: String, errors: Int) {
        done += 1
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(last) > 0.1 || done == total else { return }
        last = now
        let secs = max(0.001, now.timeIntervalSince(started))
        let rate = Double(done) / secs
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let line = String(format: "\r\u{1B}[K[%d/%d] %.0f docs/s, ETA %.0f s, %d errors  %@", done, total, rate, eta, errors, String(id.suffix(40)))
        FileHandle.standardError.write(Data(line.utf8))
    }

    func clear() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

struct Defaults: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a complete pipeline.json with every stage and every setting at its default.",
        discussion: "Copy it, change what you need, and pass it with --pipeline. Resource paths are builtin:NAME or relative to the pipeline file.")

    func run() throws {
        FileHandle.standardOutput.write(try Pipeline.defaultsJSON())
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
