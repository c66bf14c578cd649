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
