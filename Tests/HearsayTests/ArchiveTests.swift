import Foundation
import Testing

@testable import Hearsay

/// Containers of articles: web archives (Fixtures/warc, made by make_fixtures.py there) and JSON Lines files.
@Suite struct ArchiveTests {
    func expanded(_ paths: [String]) -> [InputItem] {
        Array(Batch.expand(Batch.collect(paths).items))
    }

    @Test func warcResponsesBecomeArticlesAndOtherRecordsAreSkipped() throws {
        for name in ["crawl.warc.gz", "crawl.warc"] {
            let items = expanded([fixtureURL("warc/" + name).path])
            // Records 1 (warcinfo), 2 (request), 4 (image) and 5 (404) are not articles.
            #expect(items.map(\.id) == [name + "/000003", name + "/000006", name + "/000007"])
            #expect(items.allSatisfy { $0.failure == nil })
            #expect(
                items.map(\.url) == [
                    "https://news.example/story", "file:///notes/council.txt", "https://news.example/rates",
                ])
            #expect(items.map(\.crawled) == ["2021-03-05T10:00:01Z", "2021-03-06T09:30:00Z", "2021-03-08T12:00:00Z"])
            #expect(items.map(\.declaredMediaType) == ["text/html", "text/plain", "text/html"])
            // The first payload was sent chunked and gzip-encoded: what reaches the pipeline is the page itself.
            let page = String(decoding: items[0].bytes ?? [], as: UTF8.self)
            #expect(page.hasPrefix("<!DOCTYPE html>"))
            #expect(page.hasSuffix("</html>"))
            #expect(page.contains("said union leader Maria Okafor"))
        }
    }

    @Test func archiveArticlesRunThroughThePipelineWithTheirMetadata() throws {
        let pipeline = try makePipeline()
        var docs: [Document] = []
        Batch.run(Batch.expand(Batch.collect([fixtureURL("warc/crawl.warc.gz").path]).items), with: pipeline, jobs: 2) {
            _, _, r in if case .success(let d) = r { docs.append(d) }
        }
        #expect(docs.count == 3)
        let story = try #require(docs.first)
        #expect(story.metadata.url == "https://news.example/story")
        #expect(story.metadata.crawled == "2021-03-05T10:00:01Z")
        #expect(story.metadata.published == "2021-03-04")  // the page's own date wins over the crawl date
        #expect(story.quotes.contains { story.speakerName(of: $0) == "Maria Okafor" })
        // With no publication date, relative dates resolve against the crawl date (Saturday 2021-03-06).
        let council = docs[1]
        #expect(council.metadata.published == nil)
        let tuesday = try #require(council.claims.first { council.string($0.span) == "Tuesday" })
        #expect(tuesday.value == .text("2021-03-02"))
    }

    @Test func aTruncatedArchiveKeepsWhatCouldBeReadAndNamesTheBreak() {
        let items = expanded([fixtureURL("warc/truncated.warc.gz").path])
        #expect(items.map(\.id) == ["truncated.warc.gz/000003", "truncated.warc.gz/000004"])
        #expect(items[0].failure == nil)
        #expect(items[1].failure?.code == "warc.malformed")
        #expect(items[1].failure?.file == fixtureURL("warc/truncated.warc.gz").path)
    }

    @Test func aFileThatIsNotAnArchiveIsAnErrorNotACrash() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("<html>not a warc</html>\n".utf8).write(to: dir.appendingPathComponent("bad.warc"))
        try Data([0x1F, 0x8B, 0x08, 0x00, 0x01, 0x02, 0x03]).write(to: dir.appendingPathComponent("junk.warc.gz"))
        let items = expanded([dir.path])
        #expect(items.map(\.id) == ["bad.warc/000001", "junk.warc.gz/000001"])
        #expect(items.map { $0.failure?.code } == ["warc.malformed", "warc.malformed"])
    }

    @Test func aHostileChunkSizeOrSpecialFileNeverCrashesOrHangs() throws {
        // A chunk size near Int.max must not overflow.
        let body = HTTPMessage.dechunk(Array("7fffffffffffffff\r\nabc".utf8))
        #expect(body == Array("abc".utf8))
        // A FIFO named like a JSON Lines corpus is refused, not opened (opening it would block).
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("feed.jsonl").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let items = expanded([fifo])
        #expect(items.count == 1)
        #expect(items.first?.failure?.code == "input.not-a-file")
    }

    @Test func jsonLinesFilesAreReadLineByLine() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = [
            #"{"id": "a", "text": "Prices rose 5%, officials said.", "published": "2021-01-02"}"#, "",
            "not json", #"{"id": "c", "html": "<p>Hello</p>"}"#,
        ]
        try Data(lines.joined(separator: "\n").utf8).write(to: dir.appendingPathComponent("corpus.jsonl"))
        let items = expanded([dir.path])
        #expect(items.map(\.id) == ["a", "line-3", "c"])
        #expect(items[0].published == "2021-01-02")
        #expect(items[1].failure?.code == "stream.malformed-line")
        #expect(items[1].failure?.line == 3)
        #expect(items[2].declaredMediaType == "text/html")
    }

    @Test func workersRunABoundedWindowAheadAndResultsComeInOrder() {
        // Memory stays flat: the batch never reads more than jobs × 8 items ahead of what it has handed on.
        let pulled = Counter()
        var handed = 0
        var maxAhead = 0
        let source = AnySequence { () -> AnyIterator<InputItem> in
            var n = 0
            return AnyIterator {
                guard n < 1000 else { return nil }
                n += 1
                pulled.add()
                return InputItem(id: "doc-\(n)", bytes: [UInt8](repeating: 0x61, count: n % 7))
            }
        }
        // Uneven work, so that results finish out of order.
        Batch.map(
            source, jobs: 2,
            { item in
                usleep(UInt32(item.bytes!.count * 50))
                return .success(item.id)
            }
        ) { index, item, result in
            handed += 1
            maxAhead = max(maxAhead, pulled.value - handed)
            #expect((try? result.get()) == item.id)
            #expect(item.id == "doc-\(index + 1)")
        }
        #expect(handed == 1000)
        #expect(maxAhead <= 16)
    }

    @Test func aSinkErrorStopsTheWorkers() {
        let pulled = Counter()
        let source = AnySequence { () -> AnyIterator<InputItem> in
            AnyIterator {
                pulled.add()
                return InputItem(id: "endless", bytes: [0x61])
            }
        }
        struct Full: Error {}
        #expect(throws: Full.self) {
            try Batch.map(source, jobs: 2, { .success($0.id) }) { index, _, _ in if index == 100 { throw Full() } }
        }
        #expect(pulled.value <= 100 + 17)
    }
}

/// A counter shared between threads.
final class Counter: @unchecked Sendable {
    private var n = 0
    private let lock = NSLock()
    func add() {
        lock.lock()
        n += 1
        lock.unlock()
    }
    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return n
    }
}
