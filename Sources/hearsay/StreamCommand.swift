import ArgumentParser
import Foundation
import Hearsay

struct StreamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stream",
        abstract: "Read JSON Lines articles on stdin, write one knowledge document per line on stdout.",
        discussion: """
            Each input line is {"id": ..., "text": ...} or {"id": ..., "html": ...}, with optional "published" \
            (YYYY-MM-DD, anchors relative dates) and "url". Each output line is the knowledge document for that input, \
            in input order. A line that cannot be read or processed yields {"id": ..., "line": N, "error": {...}} and \
            the stream goes on. This is the interface for other tools and batch engines.
            """)

    @OptionGroup var options: PipelineOptions

    func run() throws {
        let pipeline = try options.load()
        let out = FileHandle.standardOutput
        // Lines are parsed as they are read and processed on all cores, at most jobs × 8 ahead of the output,
        // which keeps input order.
        // A line holds one article as JSON: escapes may make it longer, so up to 4 × normalize.max_bytes; a longer
        // line is skipped unread and answered with a too-large error.
        let lines = JSONLinesItems(handle: FileHandle.standardInput, maxLineBytes: pipeline.maxInputBytes * 4)
        let failures = try Batch.stream(
            lines, with: pipeline, jobs: options.jobs, write: { out.write($0) }, onError: printError)
        if failures > 0 { throw ExitCode(1) }
    }
}
