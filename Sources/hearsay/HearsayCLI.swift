import ArgumentParser
import Foundation
import Hearsay

@main
struct HearsayCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hearsay",
        abstract: "Who said what, and which numbers were claimed: quotes, speakers and numeric claims from news articles.",
        version: "0.1.0",
        subcommands: []
    )
}
