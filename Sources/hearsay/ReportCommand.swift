import ArgumentParser
import Foundation
import Hearsay

extension ReportRenderer.Layout: ExpressibleByArgument {}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML report of a knowledge file for editors: one page, or a folder for many articles.",
        discussion: """
            Per article: the normalized text with every quote highlighted in its speaker's colour and every claim \
            underlined, the claims worth checking with their value in a badge; click a mark (or focus it and press \
            Enter) for speaker, cue, kind, confidence and the rules that decided. Then "who said what" across \
            articles, most quoted first, with a filter, and the quote variants side by side with the changed words \
            marked. Nothing is loaded from the network. A .jsonl input (hearsay extract --jsonl, hearsay stream) is \
            read as knowledge documents, one per line, and compared across documents here.

            Layout: up to single_page_max_articles articles (20, report.json) make one page; more make a folder \
            (index.html, a page per article, the speakers' pages, variants.html), written as a whole and swapped into \
            place. The folder is OUTPUT without its .html ending (default report/); an existing folder is replaced \
            only when it is an earlier report or empty. Output is written through a temporary name.
            """)

    @Argument(help: "The knowledge file, or a .jsonl file of knowledge documents.")
    var input: String = "knowledge.json"

    @Option(
        name: .shortAndLong,
        help: "Output: a page (default report.html; - for standard output) or a folder (default report).")
    var output: String?

    @Option(help: "page: one page; folder: an index and a page per article; auto: a folder for many articles.")
    var layout: ReportRenderer.Layout = .auto

    @Option(help: "A JSON file of report settings laid over the built-in report.json.")
    var settings: String?

    func validate() throws {
        if output == "-" && layout == .folder { throw ValidationError("a folder report cannot go to standard output") }
    }

    func run() throws {
        try reportingErrors {
            let renderer = try ReportRenderer.builtin(
                settings: try settings.map { try ReportSettings.builtin(overriddenBy: $0) })
            let file = try ReportInput.read(path: input)
            // Standard output takes one page only.
            let chosen = output == "-" ? .page : renderer.resolve(layout, for: file)
            if chosen == .folder {
                let directory = ReportFolder.directory(for: output ?? "report")
                try ReportFolder.write(try renderer.renderFolder(file), to: directory, inputs: [input])
                let line = "hearsay: report of \(file.documents.count) articles in \(directory)/index.html"
                FileHandle.standardError.write(Data((TerminalText.safe(line) + "\n").utf8))
                return
            }
            let path = output ?? "report.html"
            try OutputPaths.refuseInputAsOutput(path, inputs: [input])
            let html = try renderer.render(file)
            let out = try AtomicFile(path: path)
            try out.write(html)
            try out.commit()
        }
    }
}
