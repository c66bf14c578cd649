import Foundation
import Testing

@testable import Hearsay

/// A copied or installed `hearsay` carries its built-in resources inside: it runs from an empty folder with nothing
/// beside it, and `HEARSAY_RESOURCES` and pipeline paths still override the compiled-in copies.
@Suite struct InstallTests {
    static let resourcesFolder = repositoryRoot.appendingPathComponent("Sources/Hearsay/Resources")

    struct Run {
        var status: Int32
        var stdout: Data
        var stderr: String
    }

    /// Runs `binary` in `cwd` with the test's environment minus `HEARSAY_RESOURCES`, plus `env`.
    func run(_ binary: URL, _ args: [String], cwd: URL, env: [String: String] = [:]) throws -> Run {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.currentDirectoryURL = cwd
        var environment = ProcessInfo.processInfo.environment
        environment["HEARSAY_RESOURCES"] = nil
        environment.merge(env) { $1 }
        p.environment = environment
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: o, stderr: String(decoding: e, as: UTF8.self))
    }

    @Test func compiledInResourcesAreTheSourceFilesByteForByte() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.resourcesFolder.path)
            .filter { !$0.hasPrefix(".") }.sorted()
        #expect(!names.isEmpty)
        #expect(ResourceLoader.builtinNames == names)
        for name in names {
            let onDisk = try Data(contentsOf: Self.resourcesFolder.appendingPathComponent(name))
            #expect(ResourceLoader.embedded(name) == onDisk, "\(name) differs from its compiled-in copy")
        }
    }

    @Test func unknownBuiltinNameIsAnErrorThatListsTheKnownOnes() throws {
        do {
            _ = try ResourceLoader().data("builtin:no-such-lexicon.txt")
            Issue.record("an unknown built-in resource was read")
        } catch let e as HearsayError {
            #expect(e.code == "resource.unreadable")
            if ResourceLoader.builtinDirectory == nil { #expect(e.cause?.contains("attribute-cues.txt") == true) }
        }
    }

    @Test func copiedBinaryRunsAloneInAnEmptyFolder() throws {
        let built = CommandLineTests.binary
        #expect(FileManager.default.isExecutableFile(atPath: built.path), "build hearsay first: \(built.path)")
        let dir = try makeTempDir("hearsay-install")
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("hearsay")
        try FileManager.default.copyItem(at: built, to: copy)
        // Our own sentence: a quote with a named speaker and a money claim, so that cue, name and unit lexicons count.
        try Data(
            "‘The ferry will run again in June,’ said Harbour Master Tomas Reyes, who put the repair at $3.2 million.\n"
                .utf8
        )
        .write(to: dir.appendingPathComponent("note.txt"))
        // Nothing but the binary and the article: no resource bundle, no Resources folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["hearsay", "note.txt"])

        let defaults = try run(copy, ["defaults"], cwd: dir)
        #expect(defaults.status == 0, "\(defaults.stderr)")
        #expect((try? JSONSerialization.jsonObject(with: defaults.stdout)) is [String: Any])

        let alone = try run(copy, ["extract", "note.txt", "-o", "alone.json", "--quiet"], cwd: dir)
        #expect(alone.status == 0, "\(alone.stderr)")
        let k =
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("alone.json")))
            as? [String: Any]
        let doc = (k?["documents"] as? [[String: Any]])?.first
        #expect((doc?["quotes"] as? [Any])?.count == 1)
        #expect((doc?["claims"] as? [Any])?.isEmpty == false)

        // The same run reading the source folder through HEARSAY_RESOURCES writes the same bytes.
        let fromSource = try run(
            copy, ["extract", "note.txt", "-o", "source.json", "--quiet"], cwd: dir,
            env: ["HEARSAY_RESOURCES": Self.resourcesFolder.path])
        #expect(fromSource.status == 0, "\(fromSource.stderr)")
        #expect(
            try Data(contentsOf: dir.appendingPathComponent("alone.json"))
                == Data(contentsOf: dir.appendingPathComponent("source.json")))

        // The report inlines report.css and report.js from the compiled-in copies.
        let report = try run(copy, ["report", "alone.json", "-o", "report.html"], cwd: dir)
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOf: dir.appendingPathComponent("report.html"), encoding: .utf8)
        let css = try String(contentsOf: Self.resourcesFolder.appendingPathComponent("report.css"), encoding: .utf8)
        #expect(html.contains(css.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test func hearsayResourcesStillOverridesTheCompiledInCopies() throws {
        let dir = try makeTempDir("hearsay-install")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("‘We are ready,’ said Ada Brandt.\n".utf8).write(to: dir.appendingPathComponent("a.txt"))
        let empty = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let r = try run(
            CommandLineTests.binary, ["extract", "a.txt", "-o", "k.json", "--quiet"], cwd: dir,
            env: ["HEARSAY_RESOURCES": empty.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot read resource 'builtin:"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("k.json").path))
    }
}
