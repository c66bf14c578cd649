import Foundation

@testable import Hearsay

/// The repository root, found from this file's path.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

func fixtureURL(_ path: String) -> URL {
    repositoryRoot.appendingPathComponent("Fixtures").appendingPathComponent(path)
}

/// A pipeline of the given stages with default settings.
func makePipeline(_ stages: [String] = PipelineConfig.stageNames, extra: String = "") throws -> Pipeline {
    let list = stages.map { "\"\($0)\"" }.joined(separator: ", ")
    let json = "{\"version\": 1, \"stages\": [\(list)]\(extra.isEmpty ? "" : ", " + extra)}"
    let config = try PipelineConfig(data: Data(json.utf8), file: "test-pipeline.json", baseDirectory: repositoryRoot)
    return try Pipeline(config: config, file: "test-pipeline.json")
}

/// Runs the pipeline on text given as a string (as if read from a .txt file).
func process(_ text: String, stages: [String] = PipelineConfig.stageNames, published: String? = nil) throws -> Document
{
    let pipeline = try makePipeline(stages)
    var doc = Document(id: "test.txt", path: "test.txt", bytes: Array(text.utf8))
    doc.metadata.published = published
    try pipeline.process(&doc)
    return doc
}

extension Document {
    func speakerName(of quote: Quote) -> String? {
        guard let id = quote.speaker else { return nil }
        return speakers.first { $0.id == id }?.name
    }

    /// The original bytes of a source span, as text.
    func originalText(_ span: Span) -> String {
        String(decoding: original[span.start..<span.end], as: UTF8.self)
    }
}

/// A new empty directory under the system's temporary directory.
func makeTempDir(_ prefix: String = "hearsay-test") throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}
