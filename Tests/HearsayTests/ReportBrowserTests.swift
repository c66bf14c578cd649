import Foundation
import XCTest

@testable import Hearsay

/// The seeds' report in a real browser: headless Chromium loads it, runs its script and dumps the DOM, which must
/// hold every quote of the knowledge file, every speaker's name and every changed word of the quote variants; and a
/// screenshot is taken. Without Chromium the test is skipped, except in CI (`CI` set), where it fails: `.ci/run`
/// installs the Debian package `chromium`. `HEARSAY_CHROMIUM` names another browser binary.
final class ReportBrowserTests: XCTestCase {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a program with a time limit; output goes through files, so a large DOM cannot fill a pipe and block.
    func run(_ exe: URL, _ args: [String], in dir: URL, timeout: TimeInterval = 120) throws -> Run {
        let out = dir.appendingPathComponent("run-\(UUID().uuidString).out")
        let err = dir.appendingPathComponent("run-\(UUID().uuidString).err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let p = Process()
        p.executableURL = exe
        p.arguments = args
        p.currentDirectoryURL = dir
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if p.isRunning {
            p.terminate()
            p.waitUntilExit()
            XCTFail("\(exe.lastPathComponent) \(args.joined(separator: " ")) took longer than \(Int(timeout)) s")
        }
        p.waitUntilExit()
        return Run(
            status: p.terminationStatus, stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    /// `HEARSAY_CHROMIUM`, else the first of `chromium`, `chromium-browser` on PATH.
    static func chromium() -> URL? {
        let env = ProcessInfo.processInfo.environment
        if let path = env["HEARSAY_CHROMIUM"], !path.isEmpty { return URL(fileURLWithPath: path) }
        for dir in (env["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    /// Undoes the escaping a browser uses when it serializes the DOM.
    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&nbsp;", with: "\u{A0}").replacingOccurrences(of: "&amp;", with: "&")
    }

    static func matches(_ pattern: String, in s: String) throws -> [[String]] {
        let re = try NSRegularExpression(pattern: pattern)
        let ns = s as NSString
        return re.matches(in: s, range: NSRange(location: 0, length: ns.length)).map { m in
            (0..<m.numberOfRanges).map {
                m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0))
            }
        }
    }

    func testSeedReportInHeadlessChromium() throws {
        guard let browser = Self.chromium() else {
            if ProcessInfo.processInfo.environment["CI"] != nil {
                XCTFail("chromium is not installed; .ci/run installs the Debian package chromium")
                return
            }
            throw XCTSkip("chromium is not installed (apt-get install chromium)")
        }
        let dir = try makeTempDir("hearsay-report")
        defer { try? FileManager.default.removeItem(at: dir) }
        let hearsay = CommandLineTests.binary
        let knowledge = dir.appendingPathComponent("knowledge.json")
        let report = dir.appendingPathComponent("report.html")
        let extract = try run(
            hearsay, ["extract", repositoryRoot.appendingPathComponent("seeds").path, "-o", knowledge.path, "--quiet"],
            in: dir)
        XCTAssertEqual(extract.status, 0, extract.stderr)
        let made = try run(hearsay, ["report", knowledge.path, "-o", report.path], in: dir)
        XCTAssertEqual(made.status, 0, made.stderr)

        // What the report must show, from the knowledge file.
        let file = try KnowledgeFile.read(path: knowledge.path)
        let corpus = try XCTUnwrap(file.corpus, "the knowledge file has no corpus section")
        var expectedQuotes = Set<String>()
        for (i, d) in file.documents.enumerated() { for q in d.quotes { expectedQuotes.insert("d\(i + 1)-\(q.id)") } }
        XCTAssertGreaterThan(expectedQuotes.count, 0)
        var expectedChanges: [String] = []
        var expectedReferenceWords = Set<String>()
        for g in corpus.quoteGroups {
            for v in g.variants {
                let d = try XCTUnwrap(file.documents.first { $0.id == v.document })
                for c in v.changes {
                    if !c.reference.isEmpty { expectedReferenceWords.insert(c.reference) }
                    guard let span = c.span else { continue }
                    expectedChanges.append("\(c.op.rawValue)|\(c.reference)|\(try XCTUnwrap(d.string(span)))")
                }
            }
        }
        XCTAssertGreaterThan(expectedChanges.count, 0, "the seeds quote each other with changed words")

        // The DOM after the page's script ran.
        let profile = dir.appendingPathComponent("profile").path
        let common = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=\(profile)", "--virtual-time-budget=5000",
        ]
        let dump = try run(browser, common + ["--dump-dom", report.absoluteString], in: dir)
        XCTAssertEqual(dump.status, 0, String(dump.stderr.suffix(2000)))
        let dom = dump.stdout
        XCTAssertTrue(
            dom.contains("data-quotes-marked=\"\(expectedQuotes.count)\""),
            "the script did not count \(expectedQuotes.count) quotes")

        // Every quote once as a focusable head mark, and no other.
        let heads = try Self.matches(#"<mark class="q [^"]*" data-q="([^"]*)"[^>]*data-head="""#, in: dom)
            .map { Self.unescape($0[1]) }
        XCTAssertEqual(heads.count, expectedQuotes.count)
        XCTAssertEqual(Set(heads), expectedQuotes)

        // Every speaker of the corpus by name in "who said what".
        for s in corpus.speakers {
            XCTAssertTrue(dom.contains("id=\"who-\(s.id)\""), "no entry for \(s.id)")
            let name = HTMLMarkup.escape(s.name).replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&#39;", with: "'")
            XCTAssertTrue(dom.contains(name), "speaker \(s.name) is not on the page")
        }

        // Every changed word of every variant, marked with its reference words.
        let marked = try Self.matches(
            #"<mark class="chg op-[a-z]+" data-change="([a-z]+)" data-ref="([^"]*)"[^>]*>([^<]*)</mark>"#, in: dom
        ).map { "\($0[1])|\(Self.unescape($0[2]))|\(Self.unescape($0[3]))" }
        XCTAssertEqual(marked.sorted(), expectedChanges.sorted())
        // And in the references, the words the variants replaced or left out (a split quote may cut them in two).
        let struck = try Self.matches(
            #"<mark class="chg-ref" data-variant="[^"]*"[^>]*>([^<]*)</mark>"#
                + #"(?:(?: … )?<mark class="chg-ref">([^<]*)</mark>)?"#, in: dom
        ).map { Self.unescape($0[1] + ($0[2].isEmpty ? "" : " " + $0[2])) }
        XCTAssertEqual(Set(struck), expectedReferenceWords)

        // A screenshot: a PNG of the window's size.
        let shot = dir.appendingPathComponent("report.png")
        let taken = try run(
            browser,
            common + [
                "--hide-scrollbars", "--window-size=1280,1600", "--screenshot=\(shot.path)", report.absoluteString,
            ],
            in: dir)
        XCTAssertEqual(taken.status, 0, String(taken.stderr.suffix(2000)))
        let png = try Data(contentsOf: shot)
        XCTAssertGreaterThan(png.count, 10_000)
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR: width and height, big-endian, at bytes 16..<24.
        let size = png.dropFirst(16).prefix(8).reduce(into: [UInt32]()) { acc, b in acc.append(UInt32(b)) }
        XCTAssertEqual((size[0] << 24) | (size[1] << 16) | (size[2] << 8) | size[3], 1280)
        XCTAssertEqual((size[4] << 24) | (size[5] << 16) | (size[6] << 8) | size[7], 1600)
    }
}
