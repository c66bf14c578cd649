import Foundation
import Testing

@testable import Hearsay

/// The resume cache, safe output paths, and interrupted runs of the command line.
@Suite struct ResumeTests {
    @Test func cacheEntriesRoundTripAndMissOnAnyChange() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = try ResultCache(directory: dir.path + "/c", fingerprint: "f1", form: "knowledge")
        let item = InputItem(id: "a.txt", path: "/in/a.txt")
        let key = cache.key(for: item, bytes: Array("text".utf8))
        #expect(cache.load(key) == nil)
        cache.store(key, .init(body: Data("{\"x\": 1}".utf8), speakers: 2, quotes: 3, claims: 4))
        let hit = try #require(cache.load(key))
        #expect(hit.body == Data("{\"x\": 1}".utf8))
        #expect(hit.speakers == 2 && hit.quotes == 3 && hit.claims == 4)
        #expect(cache.failure == nil)
        // Another input, pipeline, output form or id: another key.
        #expect(cache.key(for: item, bytes: Array("text!".utf8)) != key)
        #expect(
            try ResultCache(directory: dir.path + "/c", fingerprint: "f2", form: "knowledge").key(
                for: item, bytes: Array("text".utf8)) != key)
        #expect(
            try ResultCache(directory: dir.path + "/c", fingerprint: "f1", form: "jsonl").key(
                for: item, bytes: Array("text".utf8)) != key)
        #expect(cache.key(for: InputItem(id: "b.txt", path: "/in/a.txt"), bytes: Array("text".utf8)) != key)
        // A damaged entry (cut short, as by kill -9 during its write) is a miss, never a wrong document.
        let log = try Data(contentsOf: URL(fileURLWithPath: cache.logPath))
        try log.prefix(log.count - 2).write(to: URL(fileURLWithPath: cache.logPath))
        #expect(cache.load(key) == nil)
        #expect(try ResultCache(directory: dir.path + "/c", fingerprint: "f1", form: "knowledge").load(key) == nil)
    }

    /// Issue 16.12: the cache is one append-only log with an index, not a file per entry (100,000 tiny documents
    /// made 405 MB of blocks and directories). A record cut short by a kill is skipped, and the records appended
    /// after it are found.
    @Test func cacheIsOneCompactLogThatSurvivesACutRecord() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = try ResultCache(directory: dir.path + "/c", fingerprint: "f1", form: "jsonl")
        let body = Data(#"{"id":"tiny","text":"A short line."}"#.utf8) + Data([0x0A])
        var keys: [String] = []
        for i in 0..<2000 {
            let key = cache.key(for: InputItem(id: "d\(i)"), bytes: Array("t\(i)".utf8))
            cache.store(key, .init(body: body, speakers: 0, quotes: 0, claims: i))
            keys.append(key)
        }
        #expect(try FileManager.default.subpathsOfDirectory(atPath: dir.path + "/c") == ["entries.log"])
        let size = try Data(contentsOf: URL(fileURLWithPath: cache.logPath)).count
        #expect(size < 2000 * (body.count + 160))
        // A record cut short, then more records (a killed run, then a resumed one).
        let fh = try #require(FileHandle(forWritingAtPath: cache.logPath))
        try fh.seekToEnd()
        try fh.write(
            contentsOf: Data(
                "\nHSE1 {\"bytes\":500,\"claims\":0,\"key\":\"x\",\"quotes\":0,\"speakers\":0}\n{\"id\"".utf8))
        try fh.close()
        let later = try ResultCache(directory: dir.path + "/c", fingerprint: "f1", form: "jsonl")
        let extra = later.key(for: InputItem(id: "after"), bytes: [1])
        later.store(extra, .init(body: body, speakers: 1, quotes: 2, claims: 3))
        let reopened = try ResultCache(directory: dir.path + "/c", fingerprint: "f1", form: "jsonl")
        #expect(reopened.load(extra)?.claims == 3)
        #expect(reopened.load(keys[1234])?.claims == 1234)
        #expect(reopened.load(keys[1234])?.body == body)
        #expect(reopened.load("x") == nil)
    }

    @Test func pipelineFingerprintFollowsTheLexicons() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cues = try String(
            contentsOf: repositoryRoot.appendingPathComponent("Sources/Hearsay/Resources/attribute-cues.txt"),
            encoding: .utf8)
        try cues.write(to: dir.appendingPathComponent("cues.txt"), atomically: true, encoding: .utf8)
        func pipeline() throws -> Pipeline {
            let stages = PipelineConfig.stageNames.map { "\"\($0)\"" }.joined(separator: ", ")
            let json = #"{"version": 1, "stages": ["# + stages + #"], "attribute": {"cues": "cues.txt"}}"#
            return try Pipeline(config: PipelineConfig(data: Data(json.utf8), file: "p.json", baseDirectory: dir))
        }
        let a = try pipeline().fingerprint
        #expect(try pipeline().fingerprint == a)
        try (cues + "\n[speech]\nquip: quip quipped quips\n").write(
            to: dir.appendingPathComponent("cues.txt"), atomically: true, encoding: .utf8)
        #expect(try pipeline().fingerprint != a)
    }

    @Test func outputPathsNeverLeaveTheOutputDirectory() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.path + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        #expect(try OutputPaths.file(for: "a/b/c.txt", in: out) == out + "/a/b/c.txt.knowledge.json")
        #expect(try OutputPaths.file(for: "./x//y.html", in: out) == out + "/x/y.html.knowledge.json")
        for bad in ["../x", "a/../../x", "/etc/passwd", "", "a\u{0}b", ".", "a/..", String(repeating: "a", count: 240)]
        {
            #expect(throws: HearsayError.self, "\(bad.debugDescription)") { try OutputPaths.file(for: bad, in: out) }
        }
        // A link planted inside the output directory is not followed.
        try FileManager.default.createSymbolicLink(atPath: out + "/link", withDestinationPath: dir.path)
        #expect(throws: HearsayError.self) { try OutputPaths.file(for: "link/x", in: out) }
        try FileManager.default.createSymbolicLink(
            atPath: out + "/f.txt.knowledge.json", withDestinationPath: dir.path + "/elsewhere")
        #expect(throws: HearsayError.self) { try OutputPaths.file(for: "f.txt", in: out) }
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/x"))
    }

    // MARK: through the command line

    let cli = CommandLineTests()

    /// `count` short distinct articles in `dir`.
    func writeArticles(_ count: Int, in dir: URL, from start: Int = 0) throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for i in start..<(start + count) {
            let text =
                "Council vote \(i)\n\n‘We approved \(i + 10) new homes,’ said Mayor Ines Okoro on Tuesday. "
                + "The plan costs $\(i + 2) million, officials said."
            try Data(text.utf8).write(to: dir.appendingPathComponent(String(format: "a%04d.txt", i)))
        }
    }

    @Test func resumeRedoesOnlyNewDocumentsAndGivesTheSameBytes() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        try writeArticles(3, in: input)
        let out = dir.appendingPathComponent("k.json").path
        #expect(try cli.run(["extract", input.path, "-o", out, "-j", "2", "--keep-cache"]).status == 0)
        try writeArticles(2, in: input, from: 3)
        let resumed = try cli.run(["extract", input.path, "-o", out, "-j", "2", "--resume"])
        #expect(resumed.status == 0)
        #expect(resumed.stderr.contains("5 documents (3 from the resume cache)"))
        let fresh = dir.appendingPathComponent("fresh.json").path
        #expect(try cli.run(["extract", input.path, "-o", fresh, "--no-cache", "-q"]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(contentsOf: URL(fileURLWithPath: fresh)))
        // Another pipeline.json: nothing comes from the cache.
        let pipeline = dir.appendingPathComponent("p.json")
        let stages = PipelineConfig.stageNames.map { "\"\($0)\"" }.joined(separator: ", ")
        try Data((#"{"version": 1, "stages": ["# + stages + #"], "claims": {"resolve_partial_dates": false}}"#).utf8)
            .write(to: pipeline)
        let changed = try cli.run(["extract", input.path, "-o", out, "--resume", "--pipeline", pipeline.path])
        #expect(changed.status == 0)
        #expect(!changed.stderr.contains("from the resume cache"))
    }

    /// Starts `hearsay extract` on `count` articles and kills it with `signal` once the cache holds some
    /// documents; returns the exit status, or nil when the run finished before the signal.
    func interruptedRun(_ signal: Int32, dir: URL, count: Int, jobs: Int = 1) throws -> Int32? {
        let input = dir.appendingPathComponent("in")
        try writeArticles(count, in: input)
        let p = Process()
        p.executableURL = CommandLineTests.binary
        p.arguments = ["extract", input.path, "-o", dir.appendingPathComponent("k.json").path, "-j", "\(jobs)", "-q"]
        p.standardError = FileHandle.nullDevice
        try p.run()
        let cache = dir.appendingPathComponent("k.json.cache").path
        let deadline = Date().addingTimeInterval(60)
        while p.isRunning && Date() < deadline {
            let log = (try? Data(contentsOf: URL(fileURLWithPath: cache + "/entries.log"))) ?? Data()
            let entries = log.split(separator: 0x0A).filter { $0.starts(with: Array("HSE1 ".utf8)) }.count
            if entries >= 3 { break }
            usleep(2_000)
        }
        let finished = !p.isRunning
        kill(p.processIdentifier, signal)
        p.waitUntilExit()
        return finished ? nil : p.terminationStatus
    }

    @Test func aRunKilledHardLeavesNoOutputAndResumesToTheSameBytes() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let status = try interruptedRun(SIGKILL, dir: dir, count: 400)
        let out = dir.appendingPathComponent("k.json").path
        if status != nil { #expect(!FileManager.default.fileExists(atPath: out)) }
        // The killed run left its cache for --resume; the resumed run, once finished, removes it.
        #expect(FileManager.default.fileExists(atPath: out + ".cache/entries.log"))
        let resumed = try cli.run(["extract", dir.appendingPathComponent("in").path, "-o", out, "--resume"])
        #expect(resumed.status == 0)
        #expect(resumed.stderr.contains("from the resume cache"))
        #expect(!FileManager.default.fileExists(atPath: out + ".cache"))
        let fresh = dir.appendingPathComponent("fresh.json").path
        #expect(
            try cli.run(["extract", dir.appendingPathComponent("in").path, "-o", fresh, "--no-cache", "-q"]).status == 0
        )
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data(contentsOf: URL(fileURLWithPath: fresh)))
        // The temporary file of the killed run was cleared away by the next run.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }.isEmpty)
    }

    /// Issue 17.4: a run that read no document (a mistyped path, a bare `extract` with no seeds/ at hand) never
    /// replaces an existing output, and exits 1 with the errors on stderr.
    @Test func aRunThatReadNothingKeepsTheExistingOutput() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try writeArticles(2, in: dir.appendingPathComponent("in"))
        #expect(try cli.run(["extract", "in", "-o", "knowledge.json", "-q"], cwd: dir).status == 0)
        let out = dir.appendingPathComponent("knowledge.json")
        let before = try Data(contentsOf: out)
        for args in [
            ["extract", "inn", "-q"], ["extract", "-q"], ["extract", "inn", "--jsonl", "-o", "knowledge.json"],
        ] {
            let r = try cli.run(args, cwd: dir)
            #expect(r.status == 1, "\(args)")
            #expect(r.stderr.contains("[input.missing]"), "\(args)")
            #expect(r.stderr.contains("knowledge.json: error: no document was read"), "\(args)")
            #expect(try Data(contentsOf: out) == before, "\(args)")
            // No temporary file and no empty cache are left beside it.
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["in", "knowledge.json"])
        }
        // A new output is still written (its errors listed), and a run that reads something replaces the old one.
        #expect(try cli.run(["extract", "inn", "-o", "new.json", "-q"], cwd: dir).status == 1)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("new.json").path))
        try Data("‘We will rebuild,’ said Mayor Ines Okoro.".utf8).write(to: dir.appendingPathComponent("one.txt"))
        #expect(try cli.run(["extract", "one.txt", "-o", "knowledge.json", "-q"], cwd: dir).status == 0)
        #expect(try Data(contentsOf: out) != before)
    }

    /// Issue 17.4: the default cache serves an unfinished run only; `--keep-cache` keeps it; a cache named with
    /// `--cache DIR` is the user's and stays; a run that read nothing leaves an earlier run's cache for `--resume`.
    @Test func theResumeCacheIsRemovedAfterAFinishedRun() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try writeArticles(2, in: dir.appendingPathComponent("in"))
        let cacheDir = dir.appendingPathComponent("k.json.cache/entries.log").path
        #expect(try cli.run(["extract", "in", "-o", "k.json", "-q"], cwd: dir).status == 0)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("k.json.cache").path))
        #expect(try cli.run(["extract", "in", "-o", "k.json", "-q", "--keep-cache"], cwd: dir).status == 0)
        #expect(FileManager.default.fileExists(atPath: cacheDir))
        // A mistyped path: the kept cache and the output stay, and a later --resume still uses the cache.
        #expect(try cli.run(["extract", "inn", "-o", "k.json", "-q"], cwd: dir).status == 1)
        #expect(FileManager.default.fileExists(atPath: cacheDir))
        let resumed = try cli.run(["extract", "in", "-o", "k.json", "--resume"], cwd: dir)
        #expect(resumed.status == 0)
        #expect(resumed.stderr.contains("2 documents (2 from the resume cache)"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("k.json.cache").path))
        // --cache DIR: named by the user, kept.
        #expect(try cli.run(["extract", "in", "-o", "k.json", "-q", "--cache", "mine"], cwd: dir).status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("mine/entries.log").path))
        let r = try cli.run(["extract", "in", "--no-cache", "--keep-cache"], cwd: dir)
        #expect(r.status == 64)
    }

    @Test func removingACacheLeavesADirectoryWithOtherFiles() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = try ResultCache(directory: dir.path + "/c", fingerprint: "f", form: "knowledge")
        #expect(cache.isEmpty)
        let key = cache.key(for: InputItem(id: "a"), bytes: Array("a".utf8))
        cache.store(key, .init(body: Data("{}".utf8), speakers: 0, quotes: 0, claims: 0))
        #expect(!cache.isEmpty)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: dir.path + "/c/notes.txt"))
        #expect(!cache.remove())
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/c") == ["notes.txt"])
        #expect(cache.load(key) == nil)
        let other = try ResultCache(directory: dir.path + "/d", fingerprint: "f", form: "knowledge")
        #expect(other.remove())
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/d"))
    }

    @Test func ctrlCLeavesNoTemporaryFilesAndExits130() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Two workers: the signal is handled while they hold the dispatch threads.
        guard let status = try interruptedRun(SIGINT, dir: dir, count: 400, jobs: 2) else { return }  // finished first
        #expect(status == 130)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("k.json").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }.isEmpty)
        let cache = dir.appendingPathComponent("k.json.cache").path
        #expect(FileManager.default.subpaths(atPath: cache)?.contains { $0.contains(".tmp-") } == false)
    }

    @Test(
        .disabled(
            if: ProcessInfo.processInfo.environment["HEARSAY_SANITIZER"] != nil,
            "a sanitizer runtime cannot live under `ulimit -f` (its shadow files fault); the plain run covers this"))
    func aFullDiskFailsCleanlyWithNoPartialFile() throws {
        // A file-size limit makes writes fail as on a full disk (EFBIG instead of ENOSPC).
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("k.json").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = [
            "-c", "ulimit -f 16; exec \"$0\" extract \"$1\" -o \"$2\" --no-cache -q",
            CommandLineTests.binary.path, repositoryRoot.appendingPathComponent("seeds").path, out,
        ]
        let err = Pipe()
        p.standardError = err
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 2)
        #expect(message.contains("[output.write-failed]"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func streamAnswersEachLineWithoutWaitingForMore() throws {
        // A client that writes one line and waits for its answer gets it.
        let p = Process()
        p.executableURL = CommandLineTests.binary
        p.arguments = ["stream", "-j", "1"]
        let input = Pipe()
        let output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = FileHandle.nullDevice
        try p.run()
        defer {
            try? input.fileHandleForWriting.close()
            p.waitUntilExit()
        }
        input.fileHandleForWriting.write(Data(#"{"id": "one", "text": "‘It works,’ said Ada Brandt."}"#.utf8 + [0x0A]))
        let answered = DispatchSemaphore(value: 0)
        let got = Counter()
        DispatchQueue.global().async {
            var buffer = Data()
            while !buffer.contains(0x0A) {
                let d = output.fileHandleForReading.availableData
                if d.isEmpty { break }
                buffer.append(d)
            }
            if buffer.contains(0x0A) { got.add() }
            answered.signal()
        }
        #expect(answered.wait(timeout: .now() + 60) == .success)
        #expect(got.value == 1)
    }

    @Test func twoInputsWithOneIdNeverOverwriteEachOther() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        for root in ["a", "b"] {
            try writeArticles(1, in: dir.appendingPathComponent(root))
        }
        let out = dir.appendingPathComponent("out")
        let r = try cli.run([
            "extract", dir.appendingPathComponent("a").path, dir.appendingPathComponent("b").path,
            "--out-dir", out.path, "-q",
        ])
        #expect(r.status == 1)
        #expect(r.stderr.contains("[output.duplicate-id]"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("a0000.txt.knowledge.json").path))
    }

    @Test func outDirMirrorsTheInputTreeAndRefusesUnsafeIds() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        try writeArticles(1, in: input.appendingPathComponent("sub"))
        try Data([0, 1, 2, 3]).write(to: input.appendingPathComponent("junk.txt"))
        let corpus = #"""
            {"id": "../escape", "text": "‘Out,’ she said."}
            {"id": "feed/one", "text": "‘In,’ said Ana Ruiz."}
            """#
        try Data(corpus.utf8).write(to: input.appendingPathComponent("feed.jsonl"))
        let out = dir.appendingPathComponent("out")
        let r = try cli.run(["extract", input.path, "--out-dir", out.path, "-q"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("'../escape' has a '..' component"))
        let files = (FileManager.default.subpaths(atPath: out.path) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files == ["feed/one.knowledge.json", "sub/a0000.txt.knowledge.json"])
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("escape.knowledge.json").path))
        let one =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: out.appendingPathComponent("feed/one.knowledge.json"))) as? [String: Any]
        #expect((one?["documents"] as? [[String: Any]])?.first?["id"] as? String == "feed/one")
        // The inputs that failed are listed in one errors file, one line each, not in a file per input.
        let lines = try String(contentsOf: out.appendingPathComponent("errors.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let codes = lines.map {
            "\($0?["id"] as? String ?? "?") \(($0?["error"] as? [String: Any])?["code"] as? String ?? "?")"
        }
        #expect(codes == ["../escape output.unsafe-id", "junk.txt binary-input"])
        #expect(try cli.run(["extract", input.path, "--out-dir", out.path, "--jsonl"]).status != 0)  // usage error
    }
}
