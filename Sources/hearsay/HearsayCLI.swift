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
        subcommands: [
            Extract.self, Stream.self, Defaults.self, WhoCommand.self, IndexCommand.self, SearchCommand.self, Report.self,
        ]
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

struct Defaults: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a complete pipeline.json with every stage and every setting at its default.",
        discussion: "Copy it, change what you need, and pass it with --pipeline. Resource paths are builtin:NAME or relative to the pipeline file.")

    func run() throws {
        FileHandle.standardOutput.write(try Pipeline.defaultsJSON())
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
