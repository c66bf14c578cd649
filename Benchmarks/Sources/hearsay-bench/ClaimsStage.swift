import Foundation
import Hearsay

/// The claims stage alone (`--claims FILE`), one core.
///
/// Every document of FILE (JSON Lines: `{"id", "text", "published"?}` as `hearsay stream` reads them, or a gold file
/// of `../shared/eval` with `reference_datetime`) goes once through the stages before `claims` of the default
/// pipeline. Then one warm-up pass and `repeats` timed passes run only the claims stage (`ClaimExtractor.run`, the
/// default configuration) on a fresh copy of each of those documents. The time is the process's user + system CPU
/// time (one thread: the stage's own), which waiting for a busy core does not inflate; wall-clock beside it.
/// Sentences are the units the stage reads: a document's sentences (else its paragraphs, else its whole text).
func claimsStage(_ path: String, repeats: Int) throws {
    guard let corpus = jsonl(path, name: path), !corpus.items.isEmpty else { fail("no documents in \(path)") }
    let before = try Pipeline(
        config: PipelineConfig(
            data: Data(#"{"version": 1, "stages": ["normalize", "segment", "attribute"]}"#.utf8), file: "<bench>",
            baseDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))
    let claims = try ClaimExtractor(config: ClaimExtractor.Config(), resources: ResourceLoader())
    var prepared: [Document] = []
    var sentences = 0
    for item in corpus.items {
        var doc = Document(id: item.id, path: item.id, bytes: item.bytes, declaredMediaType: item.media)
        doc.metadata.published = item.published
        guard (try? before.process(&doc)) != nil else { continue }
        sentences += !doc.sentences.isEmpty ? doc.sentences.count : max(1, doc.paragraphs.count)
        prepared.append(doc)
    }
    var found = 0
    func pass() throws {
        found = 0
        for d in prepared {
            var doc = d
            try claims.run(&doc)
            found += doc.claims.count
        }
    }
    try pass()  // warm-up
    let cpu = Memory.cpuSeconds()
    let wall = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<repeats { try pass() }
    let cpuSecs = Memory.cpuSeconds() - cpu
    let wallSecs = Double(DispatchTime.now().uptimeNanoseconds - wall) / 1e9
    let n = Double(sentences * repeats)
    print("claims stage alone: \(path)")
    print(
        "  \(prepared.count) documents, \(sentences) sentences, \(found) claims per pass; \(repeats) passes after a warm-up"
    )
    print(
        String(
            format: "  %.3f CPU-s (%.3f s wall): %.0f sentences per CPU-second (%.0f per wall-clock second)", cpuSecs,
            wallSecs, n / cpuSecs, n / wallSecs))
}
