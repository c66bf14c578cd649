import Foundation
import Testing

@testable import Hearsay

/// Issue 16 through the `hearsay` executable: outputs that are devices, links or inputs; errors that stream; ids
/// that clash; stores that are not ours; search and option bounds; control characters on the terminal.
@Suite struct HardeningCommandLineTests {
    let cli = CommandLineTests()
    let article = "‘We approved 40 new homes,’ said Mayor Ines Okoro on Tuesday. The plan costs $2 million."

    func names(_ dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }

    func isLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK
    }

    // MARK: - 1. Devices, FIFOs, standard output, links

    /// A link to `/dev/null` as the output (as `/dev/stdout` is a link): written in place, the link and the device
    /// stay, and no temporary file or resume cache appears beside it. `-o -` is standard output.
    @Test func outputsThatAreNotRegularFilesAreWrittenInPlace() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(article.utf8).write(to: dir.appendingPathComponent("a.txt"))
        let link = dir.appendingPathComponent("null").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/null")
        for args in [["--jsonl"], [], ["--no-cache"]] {
            let r = try cli.run(["extract", dir.appendingPathComponent("a.txt").path, "-o", link, "-q"] + args)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let k = try cli.run(["extract", dir.appendingPathComponent("a.txt").path, "-o", "-", "-q"], cwd: dir)
        #expect(k.status == 0)
        #expect(k.stdout.hasPrefix("{\n  \"corpus\""))
        #expect(k.stdout.contains("We approved 40 new homes"))
        let l = try cli.run(
            ["extract", dir.appendingPathComponent("a.txt").path, "--jsonl", "-o", "-", "-q"], cwd: dir)
        #expect(l.stdout.split(separator: "\n").count == 1)
        try Data(k.stdout.utf8).write(to: dir.appendingPathComponent("k.json"))
        #expect(try cli.run(["report", "k.json", "-o", link], cwd: dir).status == 0)
        let report = try cli.run(["report", "k.json", "-o", "-"], cwd: dir)
        #expect(report.stdout.hasPrefix("<!DOCTYPE html>"))
        // The link is still a link to the device; nothing was created beside it, not even a cache.
        #expect(isLink(link))
        var st = stat()
        #expect(stat("/dev/null", &st) == 0 && st.st_mode & S_IFMT == S_IFCHR)
        #expect(names(dir) == ["a.txt", "k.json", "null"])
    }

    /// A FIFO as the output gets the knowledge file through it and stays a FIFO; a link to a regular file is
    /// followed, so the file it names is replaced and the link stays.
    @Test func aFIFOIsWrittenThroughAndALinkToAFileStaysALink() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(article.utf8).write(to: dir.appendingPathComponent("a.txt"))
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        final class Box: @unchecked Sendable { var data = Data() }
        let got = Box()
        let read = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            if let h = FileHandle(forReadingAtPath: fifo) { got.data = h.readDataToEndOfFile() }
            read.signal()
        }
        let r = try cli.run(["extract", "a.txt", "--jsonl", "-o", fifo, "-q"], cwd: dir)
        #expect(r.status == 0)
        #expect(read.wait(timeout: .now() + 60) == .success)
        #expect(String(decoding: got.data, as: UTF8.self).contains("We approved 40 new homes"))
        var st = stat()
        #expect(lstat(fifo, &st) == 0 && st.st_mode & S_IFMT == S_IFIFO)

        try Data("old".utf8).write(to: dir.appendingPathComponent("real.json"))
        try FileManager.default.createSymbolicLink(
            atPath: dir.appendingPathComponent("k.json").path, withDestinationPath: "real.json")
        #expect(try cli.run(["extract", "a.txt", "-o", "k.json", "--no-cache", "-q"], cwd: dir).status == 0)
        #expect(isLink(dir.appendingPathComponent("k.json").path))
        #expect(try String(contentsOf: dir.appendingPathComponent("real.json"), encoding: .utf8).contains("\"corpus\""))
    }

    // MARK: - 2. An output that is an input; a --db that is not a store

    @Test func anOutputThatIsAnInputIsRefused() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.txt")
        try Data(article.utf8).write(to: a)
        // A hard link is the same file under another name: device and inode, not the path, decide.
        #expect(link(a.path, dir.appendingPathComponent("same.json").path) == 0)
        for output in ["a.txt", "same.json", "./a.txt"] {
            let r = try cli.run(["extract", "a.txt", "-o", output, "-q"], cwd: dir)
            #expect(r.status == 2)
            #expect(r.stderr.contains("[output.is-input]"))
        }
        let d = try cli.run(["extract", dir.path, "-o", a.path, "--jsonl", "-q"], cwd: dir)
        #expect(d.status == 2)
        #expect(try String(contentsOf: a, encoding: .utf8) == article)

        #expect(try cli.run(["extract", "a.txt", "-o", "k.json", "-q"], cwd: dir).status == 0)
        let k = try Data(contentsOf: dir.appendingPathComponent("k.json"))
        let r = try cli.run(["report", "k.json", "-o", "k.json"], cwd: dir)
        #expect(r.status == 2 && r.stderr.contains("[output.is-input]"))
        let i = try cli.run(["index", "k.json", "--db", "k.json", "-q"], cwd: dir)
        #expect(i.status == 2 && i.stderr.contains("[output.is-input]"))
        #expect(try Data(contentsOf: dir.appendingPathComponent("k.json")) == k)

        // --db over a file that is not a Hearsay store is refused; over a store (or nothing) it is rebuilt.
        let notes = dir.appendingPathComponent("notes.db")
        try Data("SQLite format 3\u{0} but not ours".utf8).write(to: notes)
        let n = try cli.run(["index", "k.json", "--db", "notes.db", "-q"], cwd: dir)
        #expect(n.status == 2 && n.stderr.contains("[store.not-a-store]"))
        #expect(try String(contentsOf: notes, encoding: .utf8).hasSuffix("but not ours"))
        #expect(try cli.run(["index", "k.json", "--db", "s.sqlite", "-q"], cwd: dir).status == 0)
        #expect(try cli.run(["index", "k.json", "--db", "s.sqlite", "-q"], cwd: dir).status == 0)
        #expect(try cli.run(["index", "k.json", "--db", "/dev/null", "-q"], cwd: dir).status == 2)
    }

    // MARK: - 3. Errors stream; --out-dir lists them in one file

    @Test func errorLinesStreamToTheOutputInInputOrder() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let count = 300  // each error is also a line on stderr, which the test reads after stdout: under 64 KB
        var lines = String(repeating: "{}\n", count: count)
        lines += #"{"id": "good", "text": "‘Fine,’ said Ana Ruiz."}"# + "\n"
        try Data(lines.utf8).write(to: dir.appendingPathComponent("bad.jsonl"))
        let r = try cli.run(["extract", "bad.jsonl", "-o", "k.json", "-q", "--no-cache"], cwd: dir)
        #expect(r.status == 1)
        let k = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("k.json")))
                as? [String: Any])
        let errors = try #require(k["errors"] as? [[String: Any]])
        #expect(errors.count == count)
        #expect(errors.compactMap { $0["line"] as? Int } == Array(1...count))
        #expect((k["documents"] as? [[String: Any]])?.count == 1)
        // No temporary file is left beside the output.
        #expect(names(dir) == ["bad.jsonl", "k.json"])

        let o = try cli.run(["extract", "bad.jsonl", "--out-dir", "out", "-q", "--no-cache"], cwd: dir)
        #expect(o.status == 1)
        let out = dir.appendingPathComponent("out")
        #expect(names(out) == ["errors.jsonl", "good.knowledge.json"])
        let listed = try String(contentsOf: out.appendingPathComponent("errors.jsonl"), encoding: .utf8)
        #expect(listed.split(separator: "\n").count == count)
        // A later run with no error leaves no stale list.
        try Data((#"{"id": "good", "text": "‘Fine,’ said Ana Ruiz."}"# + "\n").utf8).write(
            to: dir.appendingPathComponent("bad.jsonl"))
        #expect(try cli.run(["extract", "bad.jsonl", "--out-dir", "out", "-q", "--no-cache"], cwd: dir).status == 0)
        #expect(names(out) == ["good.knowledge.json"])
    }

    // MARK: - 8. Hand-made knowledge files; stale temporary stores

    @Test func indexRefusesHandMadeKnowledgeAndLeavesNoTemporaryStore() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(article.utf8).write(to: dir.appendingPathComponent("a.txt"))
        #expect(try cli.run(["extract", "a.txt", "-o", "k.json", "-q", "--no-cache"], cwd: dir).status == 0)
        var text = try String(contentsOf: dir.appendingPathComponent("k.json"), encoding: .utf8)
        let key = try #require(text.range(of: "\"span\" : ["))
        let close = try #require(text.range(of: "]", range: key.upperBound..<text.endIndex))
        text.replaceSubrange(key.upperBound..<close.lowerBound, with: "9223372036854775806, 9223372036854775807")
        try Data(text.utf8).write(to: dir.appendingPathComponent("bad.json"))
        // A temporary store of a killed run: its process is gone.
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let stale = ".s.sqlite.tmp-\(gone.processIdentifier)"
        try Data("half a store".utf8).write(to: dir.appendingPathComponent(stale))
        for command in [["index", "bad.json", "--db", "s.sqlite", "-q"], ["report", "bad.json", "-o", "r.html"]] {
            let r = try cli.run(command, cwd: dir)
            #expect(r.status == 2)
            #expect(r.stderr.contains("[knowledge.malformed]"))
        }
        #expect(names(dir) == ["a.txt", "bad.json", "k.json"])
    }

    // MARK: - 9. A clashing id in --out-dir

    @Test func aClashingIdInOutDirIsRefusedAloneAndTheRunGoesOn() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = [
            #"{"id": "a.knowledge.json/x", "text": "‘One,’ said Ana Ruiz."}"#,
            #"{"id": "a", "text": "‘Two,’ said Ana Ruiz."}"#,
            #"{"id": "b", "text": "‘Three,’ said Ana Ruiz."}"#,
        ]
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: dir.appendingPathComponent("c.jsonl"))
        let r = try cli.run(["extract", "c.jsonl", "--out-dir", "out", "-q"], cwd: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("[output.unsafe-id]"))
        #expect(!r.stderr.contains("rename-failed"))
        let out = dir.appendingPathComponent("out")
        #expect(
            FileManager.default.fileExists(atPath: out.appendingPathComponent("a.knowledge.json/x.knowledge.json").path)
        )
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("b.knowledge.json").path))
    }

    // MARK: - 11, 12. Search, options, stream lines, the terminal, a damaged store

    @Test func searchWordsLimitsAndJobsAreBounded() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(article.utf8).write(to: dir.appendingPathComponent("a.txt"))
        #expect(
            try cli.run(["extract", "a.txt", "-o", "k.json", "-q", "--jobs", "9223372036854775807"], cwd: dir).status
                == 0)
        #expect(try cli.run(["extract", "a.txt", "-o", "k.json", "-q", "--jobs", "0"], cwd: dir).status == 64)
        #expect(try cli.run(["index", "k.json", "--db", "s.sqlite", "-q"], cwd: dir).status == 0)
        let many = Array(repeating: "a*", count: SearchQuery.maxTerms + 1).joined(separator: " ")
        let r = try cli.run(["search", many, "--db", "s.sqlite"], cwd: dir)
        #expect(r.status == 2 && r.stderr.contains("[store.query-too-long]"))
        let fine = Array(repeating: "homes*", count: SearchQuery.maxTerms).joined(separator: " ")
        #expect(try cli.run(["search", fine, "--db", "s.sqlite"], cwd: dir).status == 0)
        #expect(try cli.run(["search", "homes", "--db", "s.sqlite", "--limit", "-1"], cwd: dir).status == 64)
        // A damaged store is named, and not called a refused query.
        let store = dir.appendingPathComponent("s.sqlite")
        let bytes = try Data(contentsOf: store)
        try Data(bytes.prefix(4096) + Data(repeating: 0xA5, count: bytes.count - 4096)).write(to: store)
        let d = try cli.run(["search", "homes", "--db", "s.sqlite"], cwd: dir)
        #expect(d.status == 2)
        #expect(d.stderr.contains("s.sqlite"))
        #expect(!d.stderr.contains("<input>"))
        #expect(!d.stderr.contains("query was refused"))
    }

    @Test func streamAnswersEveryLineAndChecksItsFields() throws {
        let input =
            [
                #"{"id": "a", "text": "‘Yes,’ said Ana Ruiz."}"#, "", #"{"id": true, "text": "x"}"#,
                #"{"id": "d", "text": "x", "published": "2020-13-45"}"#,
                #"{"id": "e", "text": "x", "published": "2021-02-29"}"#,
                #"{"id": "f", "text": "‘Yes,’ said Ana Ruiz.", "published": "2020-02-29T10:00:00Z"}"#, "   ",
            ].joined(separator: "\n") + "\n"
        let r = try cli.run(["stream", "--jobs", "1"], stdin: input)
        let out = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(out.count == 7)
        let codes = out.map { line -> String in
            let o = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
            return ((o?["error"] as? [String: Any])?["code"] as? String) ?? "ok"
        }
        #expect(
            codes == [
                "ok", "stream.blank-line", "stream.bad-field", "stream.bad-field", "stream.bad-field", "ok",
                "stream.blank-line",
            ])
        #expect(r.status == 1)
    }

    @Test func controlCharactersNeverReachTheTerminalRaw() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let line = #"{"id": "evil\u001b]0;owned\u0007\u0000x", "text": "‘Fine\u001b[2J words,’ said Ana Ruiz."}"#
        try Data((line + "\n").utf8).write(to: dir.appendingPathComponent("c.jsonl"))
        #expect(try cli.run(["extract", "c.jsonl", "-o", "k.json", "-q"], cwd: dir).status == 0)
        // An error naming an id with an escape sequence: spelled out on stderr.
        let r = try cli.run(["stream"], stdin: #"{"id": "bad\u001b[31m\u0000"}"# + "\n")
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad\\u{1b}[31m\\u{0}"))
        #expect(!r.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0 })
        #expect(try cli.run(["index", "k.json", "--db", "s.sqlite", "-q"], cwd: dir).status == 0)
        for command in [
            ["who", "ruiz", "k.json"], ["who", "ruiz", "--db", "s.sqlite"], ["search", "fine", "--db", "s.sqlite"],
        ] {
            let w = try cli.run(command, cwd: dir)
            #expect(w.status == 0, "\(command)")
            #expect(w.stdout.contains("evil"), "\(command)")
            #expect(
                !w.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0 || $0.value == 7 }, "\(command)")
        }
    }
}
