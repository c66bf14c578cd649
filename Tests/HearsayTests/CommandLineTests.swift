import Foundation
import Testing

/// Runs the built `hearsay` executable: exit status, error messages, stream behaviour and atomic output.
@Suite struct CommandLineTests {
    /// The `hearsay` built beside the test bundle (the test target depends on it, so `swift test` builds it).
    static var binary: URL {
        let candidates = [
            Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.executableURL?.deletingLastPathComponent(),
        ].compactMap { $0?.appendingPathComponent("hearsay") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ args: [String], stdin: String? = nil, cwd: URL? = nil) throws -> Run {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = args
        if let cwd { p.currentDirectoryURL = cwd }
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let input = Pipe()
        p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(
            status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }

    @Test func extractReportsBadFilesAndStillWritesTheGoodOnes() throws {
        #expect(
            FileManager.default.isExecutableFile(atPath: Self.binary.path), "build hearsay first: \(Self.binary.path)")
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Data("‘We will rebuild,’ said Mayor Ines Okoro.".utf8).write(to: input.appendingPathComponent("good.txt"))
        try Data([0, 0, 1, 2]).write(to: input.appendingPathComponent("bad.txt"))
        let out = dir.appendingPathComponent("k.json")
        let r = try run(["extract", input.path, "-o", out.path, "--quiet"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.txt:1:1: error: input looks binary"))
        let k = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any]
        let docs = k?["documents"] as? [[String: Any]]
        #expect(docs?.count == 1)
        #expect((k?["errors"] as? [[String: Any]])?.first?["code"] as? String == "binary-input")
        // Nothing but the output is left in the directory: no temporary file, and the resume cache of the finished
        // run is gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["in", "k.json"])
    }

    @Test func badPipelineIsAUsageErrorAndWritesNothing() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pipeline = dir.appendingPathComponent("pipeline.json")
        try Data(#"{"version": 1, "stages": ["normalize", "attribute"]}"#.utf8).write(to: pipeline)
        let out = dir.appendingPathComponent("k.json")
        let r = try run([
            "extract", repositoryRoot.appendingPathComponent("seeds").path, "-o", out.path, "--pipeline", pipeline.path,
        ])
        #expect(r.status == 2)
        #expect(r.stderr.contains("requires 'sentences'"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func streamAnswersEveryLineInOrderAndSurvivesABadOne() throws {
        let input = """
            {"id": "a", "text": "‘Prices will fall,’ said Ada Brandt, an economist."}
            {"id": "b", "text": 
            {"id": "c", "html": "<html><body><p>The council said the bridge would reopen on Monday.</p></body></html>", "published": "2024-05-02"}
            """
        let r = try run(["stream"], stdin: input + "\n")
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").map {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(lines.count == 3)
        #expect(lines[0]?["id"] as? String == "a")
        #expect((lines[0]?["quotes"] as? [Any])?.count == 1)
        #expect(lines[1]?["line"] as? Int == 2)
        #expect((lines[1]?["error"] as? [String: Any])?["code"] as? String == "stream.malformed-line")
        #expect(lines[2]?["id"] as? String == "c")
        #expect(((lines[2]?["source"] as? [String: Any])?["media_type"]) as? String == "text/html")
        #expect(((lines[2]?["metadata"] as? [String: Any])?["published"]) as? String == "2024-05-02")
    }

    @Test func helpExplainsTheExitStatus() throws {
        let r = try run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Exit status"))
        #expect(r.stdout.contains("extract"))
        #expect(r.stdout.contains("stream"))
    }
}
