import Crypto
import Foundation
import Testing

@testable import Hearsay

/// Hostile input (docs/security.md): libxml2 locked down, refusals named, directory walks and file reads that
/// cannot hang, loop or read outside the input, and the stream's line reader.
@Suite struct HostileInputTests {
    func normalized(_ html: String, extra: String = "") throws -> Document {
        let pipeline = try makePipeline(["normalize"], extra: extra)
        var doc = Document(id: "page.html", path: "page.html", bytes: Array(html.utf8), declaredMediaType: "text/html")
        try pipeline.process(&doc)
        return doc
    }

    /// A TCP listener on a free loopback port that never accepts: a connection attempt would queue up on it.
    final class Listener {
        let fd: Int32
        let port: UInt16
        init() throws {
            let sock = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_addr.s_addr = inet_addr("127.0.0.1")
            addr.sin_port = 0
            var len = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { p -> Int32 in
                    guard bind(sock, p, len) == 0, listen(sock, 16) == 0 else { return -1 }
                    return getsockname(sock, p, &len)
                }
            }
            guard sock >= 0, bound == 0 else {
                if sock >= 0 { close(sock) }
                throw HearsayError(code: "test", message: "no loopback socket")
            }
            fd = sock
            port = UInt16(bigEndian: addr.sin_port)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        /// Whether anyone connected.
        var connected: Bool {
            let c = accept(fd, nil, nil)
            if c >= 0 { close(c) }
            return c >= 0
        }
        deinit { close(fd) }
    }

    @Test func htmlNeverReadsExternalEntitiesFilesOrTheNetwork() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let secret = dir.appendingPathComponent("secret.txt")
        try Data("SECRET-MARKER-do-not-read".utf8).write(to: secret)
        let listener = try Listener()
        let net = "http://127.0.0.1:\(listener.port)"
        let html = """
            <!DOCTYPE html SYSTEM "\(net)/page.dtd" [
            <!ENTITY xxe SYSTEM "file://\(secret.path)">
            <!ENTITY remote SYSTEM "\(net)/entity.txt">
            <!ENTITY % param SYSTEM "\(net)/param.dtd"> %param;
            ]>
            <?xml-stylesheet href="\(net)/style.xsl"?>
            <html><head><link rel="stylesheet" href="\(net)/s.css"><base href="\(net)/"></head>
            <body><p>The page names an entity here &xxe; and a remote one &remote; in a long enough paragraph.</p>
            <img src="\(net)/i.png"><iframe src="file://\(secret.path)"></iframe><script src="\(net)/x.js"></script>
            <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file://\(secret.path)"/>
            </body></html>
            """
        let doc = try normalized(html)
        #expect(doc.text.contains("in a long enough paragraph"))
        #expect(!doc.text.contains("SECRET-MARKER"))
        #expect(!listener.connected)
    }

    @Test func entityExpansionBombStaysSmallAndFast() throws {
        var dtd = "<!DOCTYPE html [\n<!ENTITY l0 \"lol\">\n"
        for k in 1...12 {
            dtd += "<!ENTITY l\(k) \"" + String(repeating: "&l\(k - 1);", count: 10) + "\">\n"
        }
        dtd += "]>\n"
        let html = dtd + "<html><body><p>Laughs follow: &l12; and the paragraph goes on for a while.</p></body></html>"
        let started = DispatchTime.now().uptimeNanoseconds
        let doc = try normalized(html)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        // 10^12 "lol" if expanded; the text must stay the size of the input.
        #expect(doc.scalars.count < html.unicodeScalars.count)
        #expect(doc.text.components(separatedBy: "lol").count < 10)
        #expect(seconds < 10)
    }

    @Test func tooDeepHTMLIsFlattenedWithADiagnosticAtItsOffset() throws {
        var html = "<html><body>"
        for _ in 0..<300 { html += "<div class=\"wrap\">" }
        html += "<p>Deep inside the nesting there is a sentence, long enough to count as a paragraph of text.</p>"
        for _ in 0..<300 { html += "</div>" }
        html += "</body></html>"
        let doc = try normalized(html, extra: #""normalize": {"html": {"max_depth": 40}}"#)
        #expect(doc.text.contains("Deep inside the nesting"))
        let d = try #require(doc.diagnostics.first { $0.code == "html.too-deep" })
        let offset = try #require(d.sourceSpan?.start)
        #expect(String(decoding: doc.original[offset..<offset + 5], as: UTF8.self) == "<div ")
        // The first flattened element is the one past the depth: fewer than 40 open tags come before it.
        let before = String(decoding: doc.original[..<offset], as: UTF8.self).components(separatedBy: "<div").count - 1
        #expect(before > 30 && before < 40)
        #expect(d.message.contains("max_depth (40)"))
        // Within the depth: no diagnostic.
        let shallow = try normalized(html)
        #expect(!shallow.diagnostics.contains { $0.code == "html.too-deep" })
    }

    @Test func byteCapsAbove2GiBAreConfigErrors() {
        for extra in [
            #""normalize": {"max_bytes": 4294967296}"#, #""normalize": {"html": {"max_bytes": 3000000000}}"#,
            #""normalize": {"html": {"max_depth": 0}}"#,
        ] {
            #expect {
                _ = try makePipeline(["normalize"], extra: extra)
            } throws: { e in
                (e as? HearsayError)?.code == "config.bad-value"
            }
        }
    }

    // MARK: - Files and directories

    @Test func directoryWalkSurvivesLinkLoopsSpecialFilesAndOddNames() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        let sub = dir.appendingPathComponent("sub")
        try fm.createDirectory(at: sub, withIntermediateDirectories: true)
        try Data("‘It works,’ said Rosa Diaz.".utf8).write(to: dir.appendingPathComponent("a.txt"))
        try Data("Another article, in a subdirectory.".utf8).write(to: sub.appendingPathComponent("b.txt"))
        try fm.createSymbolicLink(atPath: sub.appendingPathComponent("up").path, withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: sub.appendingPathComponent("self.txt").path, withDestinationPath: ".")
        #expect(mkfifo(dir.appendingPathComponent("fifo.txt").path, 0o644) == 0)
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("zero.txt").path, withDestinationPath: "/dev/zero")
        // A Latin-1 file name: not UTF-8.
        let odd = Array(dir.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".txt".utf8)
        let fd = Batch.cPath(odd) { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        #expect(fd >= 0)
        _ = Array("A file whose name is not UTF-8.".utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)

        // zero.txt leads outside the tree: refused unless links are followed.
        let (inside, insideErrors) = Batch.collect([dir.path])
        #expect(inside.map(\.id) == ["a.txt", "caf%E9.txt", "fifo.txt", "sub/b.txt"])
        #expect(insideErrors.map(\.code).sorted() == ["input.link-loop", "input.link-loop", "input.outside-tree"])
        let (items, listErrors) = Batch.collect([dir.path], followLinks: true)
        #expect(items.map(\.id) == ["a.txt", "caf%E9.txt", "fifo.txt", "sub/b.txt", "zero.txt"])
        #expect(Set(listErrors.map(\.code)) == ["input.link-loop"])
        #expect(listErrors.count == 2)  // sub/up and sub/self.txt lead back into the walk
        var ok: [String] = []
        var failed: [String: String] = [:]
        Batch.run(items, with: try makePipeline(), jobs: 2) { _, item, result in
            switch result {
            case .success(let d): ok.append(d.id)
            case .failure(let e): failed[item.id] = e.code
            }
        }
        #expect(ok == ["a.txt", "caf%E9.txt", "sub/b.txt"])
        #expect(failed == ["fifo.txt": "input.not-a-file", "zero.txt": "input.not-a-file"])
    }

    /// Issue 16.4: 2 links per level to the next directory, 22 levels: 2^22 paths, 23 directories. Each directory is
    /// listed once, so the walk finds 23 files (one per directory) and no error; a walk by path would never end.
    @Test func aDAGOfDirectoryLinksIsWalkedOncePerDirectory() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        let levels = 22
        for level in 0...levels {
            let d = dir.appendingPathComponent(String(format: "d%02d", level))
            try fm.createDirectory(at: d, withIntermediateDirectories: true)
            try Data("Level \(level) said nothing.".utf8).write(to: d.appendingPathComponent("f.txt"))
            if level < levels {
                for name in ["a", "b"] {
                    try fm.createSymbolicLink(
                        atPath: d.appendingPathComponent(name).path,
                        withDestinationPath: String(format: "../d%02d", level + 1))
                }
            }
        }
        let (items, errors) = Batch.collect([dir.path])
        #expect(errors.isEmpty)
        #expect(items.count == levels + 1)
        #expect(Set(items.map { ($0.path! as NSString).resolvingSymlinksInPath }).count == levels + 1)
        // The first path in walk order names each file: d00 reaches every level through its links "a".
        #expect(items.first?.id == "d00/" + String(repeating: "a/", count: levels) + "f.txt")
    }

    /// Issue 16.5: a link inside the tree whose target is outside it (a file or a directory) is refused with
    /// `input.outside-tree`, and nothing of the target is listed; `followLinks` reads them; a link that stays inside
    /// the tree is followed either way.
    @Test func linksLeavingTheTreeAreRefusedUnlessFollowed() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        let tree = dir.appendingPathComponent("tree")
        let outside = dir.appendingPathComponent("outside")
        try fm.createDirectory(at: tree.appendingPathComponent("in"), withIntermediateDirectories: true)
        try fm.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("A secret that is not an input.".utf8).write(to: outside.appendingPathComponent("secret.txt"))
        try Data("An article inside.".utf8).write(to: tree.appendingPathComponent("in/a.txt"))
        try fm.createSymbolicLink(
            atPath: tree.appendingPathComponent("s.txt").path, withDestinationPath: "../outside/secret.txt")
        try fm.createSymbolicLink(atPath: tree.appendingPathComponent("out").path, withDestinationPath: outside.path)
        try fm.createSymbolicLink(atPath: tree.appendingPathComponent("near.txt").path, withDestinationPath: "in/a.txt")
        // A link to a link that leaves the tree is resolved to the end.
        try fm.createSymbolicLink(
            atPath: tree.appendingPathComponent("in/hop.txt").path, withDestinationPath: "../s.txt")

        let (items, errors) = Batch.collect([tree.path])
        #expect(items.map(\.id) == ["in/a.txt", "near.txt"])
        #expect(errors.map(\.code) == ["input.outside-tree", "input.outside-tree", "input.outside-tree"])
        #expect(Set(errors.compactMap(\.file)) == Set(["in/hop.txt", "out", "s.txt"].map { tree.path + "/" + $0 }))
        let (followed, none) = Batch.collect([tree.path], followLinks: true)
        #expect(none.isEmpty)
        #expect(followed.map(\.id) == ["in/a.txt", "in/hop.txt", "near.txt", "out/secret.txt", "s.txt"])
        // Naming the tree through a link of its own changes nothing: the root is resolved too.
        let alias = dir.appendingPathComponent("alias")
        try fm.createSymbolicLink(atPath: alias.path, withDestinationPath: tree.path)
        #expect(Batch.collect([alias.path]).items.map(\.id) == ["in/a.txt", "near.txt"])
    }

    @Test func unreadableFilesAreErrorsNamingTheFile() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pipeline = try makePipeline()
        // /proc/self/mem is a regular file whose first bytes cannot be read (EIO), even for root.
        if FileManager.default.fileExists(atPath: "/proc/self/mem") {
            let link = dir.appendingPathComponent("mem.txt").path
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/proc/self/mem")
            let r = Batch.process(InputItem(id: "mem.txt", path: link), with: pipeline)
            guard case .failure(let e) = r else {
                Issue.record("read /proc/self/mem")
                return
            }
            #expect(e.code == "input.unreadable" || e.code == "empty-input")
            #expect(e.file == link)
        }
        if getuid() != 0 {
            let locked = dir.appendingPathComponent("locked.txt")
            try Data("secret".utf8).write(to: locked)
            chmod(locked.path, 0)
            let r = Batch.process(InputItem(id: "locked.txt", path: locked.path), with: pipeline)
            #expect(throws: HearsayError.self) { try r.get() }
        }
        let r = Batch.process(
            InputItem(id: "gone.txt", path: dir.appendingPathComponent("gone.txt").path), with: pipeline)
        guard case .failure(let e) = r else {
            Issue.record("read a missing file")
            return
        }
        #expect(e.code == "input.unreadable")
    }

    @Test func filesOverTheCapAreRefusedUnread() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let big = dir.appendingPathComponent("big.txt")
        try Data(String(repeating: "words ", count: 400).utf8).write(to: big)
        let pipeline = try makePipeline(extra: #""normalize": {"max_bytes": 1000}"#)
        #expect(pipeline.maxInputBytes == 1000)
        let r = Batch.process(InputItem(id: "big.txt", path: big.path), with: pipeline)
        guard case .failure(let e) = r else {
            Issue.record("read a file over the cap")
            return
        }
        #expect(e.code == "too-large")
        #expect(e.byteOffset == 1000)
        #expect(e.file == big.path)
    }

    @Test func aFileChangingWhileReadGivesAConsistentDocument() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("live.txt").path
        let paragraph = "‘Prices rose by 3 percent,’ said Ines Roth. The fund lost $3 billion.\n\n"
        try Data(paragraph.utf8).write(to: URL(fileURLWithPath: path))
        let pipeline = try makePipeline()
        let done = ManagedFlag()
        let writer = Thread {
            let bytes = Array(paragraph.utf8)
            var n = 0
            while !done.value {
                n += 1
                let fd = open(path, O_WRONLY | O_APPEND)
                guard fd >= 0 else { continue }
                if n % 50 == 0 {
                    // Cut back to its first paragraph: shrinking, never empty.
                    _ = ftruncate(fd, off_t(bytes.count))
                } else {
                    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                }
                close(fd)
            }
        }
        writer.start()
        defer { done.value = true }
        var successes = 0
        for _ in 0..<40 {
            switch Batch.process(InputItem(id: "live.txt", path: path), with: pipeline) {
            case .success(let doc):
                successes += 1
                let hex = SHA256.hash(data: doc.original).map { String(format: "%02x", $0) }.joined()
                #expect(doc.source.sha256 == hex)
                #expect(doc.source.bytes == doc.original.count)
                #expect(doc.integrityProblems() == [])
            case .failure(let e):
                Issue.record("a changing file gave \(e)")
            }
        }
        done.value = true
        #expect(successes > 0)
    }

    // MARK: - Stream lines

    @Test func streamLineReaderGivesTheSameLinesWhateverTheChunks() {
        let input =
            Array("{\"id\": 1}\r\n\n  \nline four without end".utf8) + [0xFF, 0x0A] + Array(repeating: 0x61, count: 40)
            + [0x0A] + Array("last".utf8)
        func lines(chunk: Int, cap: Int) -> [StreamLineReader.Line] {
            var reader = StreamLineReader(maxLineBytes: cap)
            var out: [StreamLineReader.Line] = []
            var i = 0
            while i < input.count {
                reader.feed(input[i..<min(input.count, i + chunk)]) { out.append($0) }
                i += chunk
            }
            reader.finish { out.append($0) }
            return out
        }
        let whole = lines(chunk: input.count, cap: 30)
        #expect(
            whole == [
                .line(number: 1, bytes: Data("{\"id\": 1}".utf8)), .line(number: 2, bytes: Data()),
                .line(number: 3, bytes: Data("  ".utf8)),
                .line(number: 4, bytes: Data(Array("line four without end".utf8) + [0xFF])),
                .tooLong(number: 5, bytes: 40), .line(number: 6, bytes: Data("last".utf8)),
            ])
        for chunk in [1, 2, 3, 7, 16] { #expect(lines(chunk: chunk, cap: 30) == whole) }
    }

    @Test func streamAnswersAnOverlongLineWithAnErrorAndGoesOn() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        // max_bytes 100: lines up to 400 bytes are read, a longer one is skipped without being kept.
        let config = dir.appendingPathComponent("pipeline.json")
        try Data(
            #"{"version": 1, "stages": ["normalize", "segment", "attribute", "claims", "emit"], "normalize": {"max_bytes": 100}}"#
                .utf8
        )
        .write(to: config)
        let long = #"{"id": "long", "text": ""# + String(repeating: "word ", count: 200) + #""}"#
        let input =
            #"{"id": "a", "text": "‘It works,’ said Rosa Diaz."}"# + "\n" + long + "\n"
            + #"{"id": "b", "text": "The fund lost $3 billion."}"# + "\n"
        let p = Process()
        p.executableURL = CommandLineTests.binary
        p.arguments = ["stream", "--pipeline", config.path, "--jobs", "1"]
        let out = Pipe()
        let inPipe = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        p.standardInput = inPipe
        try p.run()
        inPipe.fileHandleForWriting.write(Data(input.utf8))
        try inPipe.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 1)
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] ?? [:]
        }
        #expect(lines.count == 3)
        #expect(lines.map { $0["id"] as? String } == ["a", "line-2", "b"])
        #expect((lines[1]["error"] as? [String: Any])?["code"] as? String == "too-large")
        #expect(lines[1]["line"] as? Int == 2)
    }
}

/// A flag shared with a helper thread.
final class ManagedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    var value: Bool {
        get { lock.withLock { flag } }
        set { lock.withLock { flag = newValue } }
    }
}
