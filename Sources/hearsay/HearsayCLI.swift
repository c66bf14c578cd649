import ArgumentParser
import Foundation
import Hearsay

@main
struct HearsayCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hearsay",
        abstract:
            "Who said what, and which numbers were claimed: quotes, speakers and numeric claims from news articles.",
        discussion: """
            Every quote, speaker and claim carries provenance: the file and its SHA-256, the sentence, the span in \
            the normalized text and the byte span in the original input, and the stage, rule and confidence behind \
            it. Hearsay reads local files and stdin only, never URLs: it makes no network access.

            Exit status: 0 success; 1 extract and stream: some inputs failed (their errors are in the output and on \
            stderr, the output is still written); who, search, quotes, claims: nothing matched; 2 configuration, \
            input or output error (nothing written); 64 usage error: an unknown option or a bad argument value.
            """,
        version: KnowledgeEncoding.generatorVersion,
        subcommands: [
            ExtractCommand.self, StreamCommand.self, DefaultsCommand.self, WhoCommand.self, IndexCommand.self,
            SearchCommand.self, ReportCommand.self, QuotesCommand.self, ClaimsCommand.self, ExportCommand.self,
        ]
    )
}

/// Options shared by the commands that run the pipeline.
struct PipelineOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "The pipeline file (default: ./pipeline.json when present, else the built-in default).")
    var pipeline: String?

    @Option(
        name: [.customShort("j"), .customLong("jobs")],
        help: "Worker threads (default: the number of cores; at most \(Batch.maxJobs)).")
    var jobsOption: Int?

    /// `--jobs`, else the number of cores.
    var jobs: Int { jobsOption ?? ProcessInfo.processInfo.activeProcessorCount }

    func validate() throws {
        if let j = jobsOption, j < 1 { throw ValidationError("--jobs must be 1 or more") }
    }

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
    FileHandle.standardError.write(Data((TerminalText.safe(e.description) + "\n").utf8))
}

/// Runs a command body, turning a ``HearsayError`` into its message on stderr and exit status 2.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as HearsayError {
        printError(e)
        throw ExitCode(2)
    }
}

func writeJSON(_ value: some Encodable) throws {
    let e = JSONEncoder()
    e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    FileHandle.standardOutput.write(try e.encode(value) + Data("\n".utf8))
}
