import Foundation
import Testing

@testable import Hearsay

@Suite struct BatchTests {
    @Test func badFilesAreReportedAndTheRestOfTheBatchIsProcessed() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("‘It works,’ said Rosa Diaz.".utf8).write(to: dir.appendingPathComponent("a-good.txt"))
        try Data().write(to: dir.appendingPathComponent("b-empty.txt"))
        try Data([0, 1, 2, 0, 255]).write(to: dir.appendingPathComponent("c-binary.txt"))
        try Data([0x43, 0x61, 0x66, 0xE9, 0x2E]).write(to: dir.appendingPathComponent("d-latin1.txt"))
        try FileManager.default.createSymbolicLink(
            atPath: dir.appendingPathComponent("e-gone.txt").path, withDestinationPath: "/nonexistent/file")
        let (items, listErrors) = Batch.collect([dir.path, dir.appendingPathComponent("missing").path])
        #expect(items.map(\.id) == ["a-good.txt", "b-empty.txt", "c-binary.txt", "d-latin1.txt"])
        #expect(Set(listErrors.map(\.code)) == ["input.missing", "input.unreadable"])
        let pipeline = try makePipeline()
        var ok: [String] = []
        var failed: [String: String] = [:]
        Batch.run(items, with: pipeline, jobs: 2) { _, item, result in
            switch result {
            case .success(let d): ok.append(d.id)
            case .failure(let e): failed[item.id] = e.code
            }
        }
        #expect(ok == ["a-good.txt", "d-latin1.txt"])
        #expect(failed == ["b-empty.txt": "empty-input", "c-binary.txt": "binary-input"])
    }

    /// A gzip-compressed article (`page.html.gz`, `note.TXT.gz`) in a directory is listed and read inflated, as
    /// HTML when its inner extension says so; a `.gz` that does not inflate is an `input.unreadable` error; other
    /// `.gz` files are not articles.
    @Test func gzipCompressedArticlesAreReadInflated() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = "<html><body><p>\u{201C}Packed pages open too,\u{201D} said Rosa Diaz.</p></body></html>"
        // gzip of `page` and of "Plain text, packed." (Python's gzip.compress, mtime 0)
        let packedPage: [UInt8] = [
            31, 139, 8, 0, 0, 0, 0, 0, 2, 3, 179, 201, 40, 201, 205, 177, 179, 73, 202, 79, 169, 180, 179, 41, 176, 123,
            212, 48, 39, 32, 49, 57, 59, 53, 69, 161, 32, 49, 61, 181, 88, 33, 191, 32, 53, 79, 161, 36, 63, 95, 231,
            81, 195, 92, 133, 226, 196, 204, 20, 133, 160, 252, 226, 68, 5, 151, 204, 196, 42, 61, 27, 253, 2, 59, 27,
            125, 136, 78, 125, 176, 49, 0, 37, 158, 22, 174, 77, 0, 0, 0,
        ]
        let packedText: [UInt8] = [
            31, 139, 8, 0, 0, 0, 0, 0, 2, 3, 11, 200, 73, 204, 204, 83, 40, 73, 173, 40, 209, 81, 40, 72, 76, 206, 78,
            77, 209, 3, 0, 30, 198, 66, 111, 19, 0, 0, 0,
        ]
        try Data(packedPage).write(to: dir.appendingPathComponent("a-page.html.gz"))
        try Data(packedText).write(to: dir.appendingPathComponent("b-note.TXT.gz"))
        try Data("not gzip".utf8).write(to: dir.appendingPathComponent("c-bad.htm.gz"))
        try Data(packedText).write(to: dir.appendingPathComponent("d-data.bin.gz"))
        let (items, errors) = Batch.collect([dir.path])
        #expect(errors.isEmpty)
        #expect(items.map(\.id) == ["a-page.html.gz", "b-note.TXT.gz", "c-bad.htm.gz"])
        #expect(items.map(\.declaredMediaType) == ["text/html", nil, "text/html"])
        let limit = 1 << 20
        #expect(try Batch.read(items[0], limit: limit).get().bytes == Array(page.utf8))
        #expect(try Batch.read(items[1], limit: limit).get().bytes == Array("Plain text, packed.".utf8))
        #expect(throws: HearsayError.self) { try Batch.read(items[2], limit: limit).get() }
        // the cap holds for the inflated bytes
        #expect(throws: HearsayError.self) { try Batch.read(items[0], limit: 20).get() }
        let pipeline = try makePipeline()
        var quotes: [String: Int] = [:]
        Batch.run(items, with: pipeline, jobs: 1) { _, item, result in
            if case .success(let d) = result { quotes[item.id] = d.quotes.count }
        }
        #expect(quotes == ["a-page.html.gz": 1, "b-note.TXT.gz": 0])
    }

    @Test func parallelRunGivesTheSameBytesAsASerialRun() throws {
        let seeds = repositoryRoot.appendingPathComponent("seeds").path
        let (items, _) = Batch.collect([seeds])
        let pipeline = try makePipeline()
        func render(jobs: Int) throws -> [Data] {
            var out: [Data] = []
            try Batch.run(items, with: pipeline, jobs: jobs) { _, _, r in
                out.append(try KnowledgeEncoding.line(r.get()))
            }
            return out
        }
        let a = try render(jobs: 1)
        let b = try render(jobs: 2)
        #expect(a.count == 2)
        #expect(a == b)
    }

    @Test func writerLeavesNoPartialFile() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("k.json").path
        do {
            let w = try KnowledgeWriter(path: target)
            try w.append(Document.fromCleanText("Some text."))
            w.abandon()
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(left.isEmpty)
        let w = try KnowledgeWriter(path: target)
        try w.append(Document.fromCleanText("Some text."))
        try w.finish(errors: [], pipelineSHA256: String(repeating: "0", count: 64))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["k.json"])
        let parsed =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: target))) as? [String: Any]
        #expect(parsed?["format"] as? String == "hearsay.knowledge")
    }

    @Test func unwritableOutputIsAClearError() {
        #expect {
            _ = try KnowledgeWriter(path: "/nonexistent-dir/k.json")
        } throws: { e in
            (e as? HearsayError)?.code == "output.unwritable"
        }
    }

    @Test func streamLinesParseOrNameTheLine() throws {
        let good = try StreamInput.parse(
            Data(#"{"id": "a1", "text": "Hi.", "published": "2020-07-11T10:00:00"}"#.utf8), number: 1
        ).get()
        #expect(good.id == "a1")
        #expect(good.published == "2020-07-11")
        #expect(good.declaredMediaType == "text/plain")
        let html = try StreamInput.parse(Data(#"{"id": 7, "html": "<p>x</p>"}"#.utf8), number: 2).get()
        #expect(html.id == "7")
        #expect(html.declaredMediaType == "text/html")
        for (line, code) in [
            ("{not json", "stream.malformed-line"), ("[1, 2]", "stream.malformed-line"),
            (#"{"id": "x"}"#, "stream.missing-field"),
        ] {
            let r = StreamInput.parse(Data(line.utf8), number: 5)
            guard case .failure(let e) = r else {
                Issue.record("line \(line) parsed")
                continue
            }
            #expect(e.code == code)
            #expect(e.line == 5)
        }
    }

    @Test func sameInputGivesByteIdenticalOutput() throws {
        let text = "‘Numbers matter,’ said Ines Roth. The fund lost $3 billion last year."
        let a = try KnowledgeEncoding.line(process(text))
        let b = try KnowledgeEncoding.line(process(text))
        #expect(a == b)
    }
}
