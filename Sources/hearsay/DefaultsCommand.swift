import ArgumentParser
import Foundation
import Hearsay

struct DefaultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "defaults",
        abstract: "Print a complete pipeline.json with every stage and every setting at its default.",
        discussion:
            "Copy it, change what you need, and pass it with --pipeline. Resource paths are builtin:NAME or relative to the pipeline file."
    )

    func run() throws {
        FileHandle.standardOutput.write(try Pipeline.defaultsJSON())
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
