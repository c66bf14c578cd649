import ArgumentParser
import Foundation
import Hearsay

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one self-contained HTML report of a knowledge file, for editors.",
        discussion: """
            Per article: the normalized text with every quote highlighted in its speaker's colour and every claim \
            marked with its value and unit; click a mark (or focus it and press Enter) for speaker, cue, kind, \
            confidence and the rules that decided. Removed boilerplate and claim lists are collapsed below each \
            article. Then "who said what" across articles and the quote variants side by side with the changed words \
            marked (from the knowledge file's corpus section). The page loads nothing from the network. The file is \
            written to a temporary name and renamed into place. A .jsonl input (hearsay extract --jsonl, hearsay \
            stream) is read as knowledge documents, one per line, and compared across documents here.
            """)

    @Argument(help: "The knowledge file, or a .jsonl file of knowledge documents.")
    var input: String = "knowledge.json"

    @Option(name: .shortAndLong, help: "Output file.")
    var output: String = "report.html"

    func run() throws {
        do {
            let file = try ReportInput.read(path: input)
            let html = try ReportRenderer.builtin().render(file)
            let out = try AtomicFile(path: output)
            try out.write(html)
            try out.commit()
        } catch let e as HearsayError {
            printError(e)
            throw ExitCode(2)
        }
    }
}
