import Foundation
import Hearsay

/// The pipeline on each corpus, one core, `repeats` passes after one warm-up; stage figures count that stage's own
/// time. Then libxml2's parse alone on the HTML pages against Normalize (which includes it).
func perStage(_ corpora: [Corpus], repeats: Int) throws {
    let pipeline = try Pipeline(config: PipelineConfig.defaultConfig())
    print("\nper stage: one core, \(repeats) passes after one warm-up; stage figures count that stage's own time")
    for corpus in corpora {
        var timings: [Double]? = []
        var total = 0.0
        var failures = 0
        for pass in 0...repeats {
            var t: [Double]? = []
            let start = DispatchTime.now().uptimeNanoseconds
            for item in corpus.items {
                var doc = Document(id: item.id, path: item.id, bytes: item.bytes, declaredMediaType: item.media)
                doc.metadata.published = item.published
                do { try pipeline.process(&doc, timings: &t) } catch { if pass == 0 { failures += 1 } }
            }
            let secs = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if pass > 0 {
                total += secs
                if timings!.isEmpty { timings = t } else { for i in t!.indices { timings![i] += t![i] } }
            }
        }
        let n = Double(corpus.items.count * repeats)
        let mb = corpus.megabytes * Double(repeats)
        print(
            String(
                format: "\n%@: %d documents, %.2f MB%@", corpus.name, corpus.items.count, corpus.megabytes,
                failures > 0 ? " (\(failures) refused)" : ""))
        print(String(format: "  %-10@ %10.0f docs/s %8.2f MB/s", "pipeline", n / total, mb / total))
        for (i, name) in pipeline.stageNames.enumerated() where i < (timings?.count ?? 0) {
            let s = timings![i]
            print(
                String(
                    format: "  %-10@ %10.0f docs/s %8.2f MB/s  (%4.1f%% of the time)", name, n / s, mb / s,
                    100 * s / total))
        }
    }

    guard let pages = corpora.first(where: { $0.items.first?.media == "text/html" }) else { return }
    let normalizeOnly = try Pipeline(
        config: PipelineConfig(
            data: Data(#"{"version": 1, "stages": ["normalize"]}"#.utf8), file: "<bench>",
            baseDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))
    func time(_ body: () -> Void) -> Double {
        body()  // warm-up
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<repeats { body() }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
    let parse = time { for p in pages.items { _ = HTMLReader.parseOnlyForBenchmark(p.bytes) } }
    let normalize = time {
        for p in pages.items {
            var d = Document(id: p.id, path: p.id, bytes: p.bytes, declaredMediaType: "text/html")
            _ = try? normalizeOnly.process(&d)
        }
    }
    let n = Double(pages.items.count * repeats)
    print(String(format: "\n%@, normalize alone vs libxml2's SAX parse alone:", pages.name))
    print(
        String(
            format: "  normalize  %8.0f pages/s %8.2f MB/s", n / normalize, pages.megabytes * Double(repeats) / normalize))
    print(String(format: "  libxml2    %8.0f pages/s %8.2f MB/s", n / parse, pages.megabytes * Double(repeats) / parse))
    print(String(format: "  ratio      %8.2f (normalize time / parse time)", normalize / parse))
}
