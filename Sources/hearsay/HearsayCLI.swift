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
        let out = FileHandle.standardOutput
        var failures = 0
        // Lines are parsed as they are read and processed on all cores, at most jobs × 8 ahead of the output,
        // which keeps input order.
        // A line holds one article as JSON: escapes may make it longer, so up to 4 × normalize.max_bytes; a longer
        // line is skipped unread and answered with a too-large error.
        let lines = JSONLinesItems(handle: FileHandle.standardInput, maxLineBytes: pipeline.maxInputBytes * 4)
        try Batch.map(lines, jobs: options.jobs, { item in
            Batch.process(item, with: pipeline).flatMap { doc in
                Result { try KnowledgeEncoding.line(doc) }.mapError {
                    HearsayError(code: "internal", message: "encoding failed: \($0)", file: item.id)
                }
            }
        }) { _, item, result in
            switch result {
            case .success(let line):
                out.write(line + Data([0x0A]))
            case .failure(let e):
                failures += 1
                printError(e)
                var obj = Data(#"{"error":"#.utf8)
                obj.append(try KnowledgeEncoding.errorLine(e))
                obj.append(Data(#","id":"#.utf8))
                obj.append(try JSONEncoder().encode(e.file ?? item.id))
                obj.append(Data(",\"line\":\(item.line ?? 0)}\n".utf8))
                out.write(obj)
            }
        }
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
