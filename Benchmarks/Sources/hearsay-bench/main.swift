import Foundation
import Hearsay

// Times the pipeline on fixed corpora, one core, in this process, after a warm-up pass.
//
// usage: hearsay-bench [--repeat N] [--eval DIR]
//   DIR defaults to ../../shared/eval (the development sets), when present; the seeds are always measured.
// Prints, per corpus, documents/s and MB/s for the whole pipeline and for each stage alone (the stage's own time).

struct Corpus {
    var name: String
    var items: [(id: String, bytes: [UInt8], media: String?, published: String?)]
    var megabytes: Double { Double(items.reduce(0) { $0 + $1.bytes.count }) / 1_000_000 }
}

func jsonl(_ path: String, name: String, textKey: String = "text", limit: Int = .max) -> Corpus? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    var c = Corpus(name: name, items: [])
    for line in data.split(separator: 0x0A) where c.items.count < limit {
        guard let o = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
            let text = o[textKey] as? String
        else { continue }
        let published = (o["reference_datetime"] as? String).map { String($0.prefix(10)) }
        c.items.append((o["id"] as? String ?? "?", Array(text.utf8), "text/plain", published))
    }
    return c
}

func htmlPages(_ dir: String) -> Corpus? {
    // The boilerplate set's pages, gunzipped by the system's gzip.
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return nil }
    var c = Corpus(name: "aeb-dev html pages", items: [])
    for n in names.sorted() where n.hasSuffix(".html.gz") {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/gzip")
        p.arguments = ["-dc", dir + "/" + n]
        let pipe = Pipe()
        p.standardOutput = pipe
        guard (try? p.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        c.items.append((n, [UInt8](data), "text/html", nil))
    }
    return c.items.isEmpty ? nil : c
}

var args = Array(CommandLine.arguments.dropFirst())
var repeats = 5
var evalDir = "../../shared/eval"
while !args.isEmpty {
    let a = args.removeFirst()
    if a == "--repeat", let n = args.first.flatMap(Int.init) { repeats = n; args.removeFirst() }
    else if a == "--eval", let d = args.first { evalDir = d; args.removeFirst() }
}

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
var corpora: [Corpus] = []
var seeds = Corpus(name: "seeds", items: [])
for n in (try? FileManager.default.contentsOfDirectory(atPath: root.path + "/seeds"))?.sorted() ?? [] {
    seeds.items.append((n, [UInt8](FileManager.default.contents(atPath: root.path + "/seeds/" + n) ?? Data()), nil, nil))
}
corpora.append(seeds)
if let c = jsonl(evalDir + "/quotes/polnear-dev.jsonl", name: "polnear-dev articles") { corpora.append(c) }
if let c = jsonl(evalDir + "/numbers/newsquant-dev.jsonl", name: "newsquant-dev sentences") { corpora.append(c) }
if let c = jsonl(evalDir + "/sentences/gum-news-dev.jsonl", name: "gum-news-dev paragraphs") { corpora.append(c) }
if let c = htmlPages(evalDir + "/boilerplate/html") { corpora.append(c) }

let config = PipelineConfig.defaultConfig()
let pipeline = try Pipeline(config: config)
print("hearsay-bench: one core, \(repeats) passes after one warm-up; stage figures count that stage's own time")
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
    print(String(format: "\n%@: %d documents, %.2f MB%@", corpus.name, corpus.items.count, corpus.megabytes,
        failures > 0 ? " (\(failures) refused)" : ""))
    print(String(format: "  %-10@ %10.0f docs/s %8.2f MB/s", "pipeline", n / total, mb / total))
    for (i, name) in pipeline.stageNames.enumerated() where i < (timings?.count ?? 0) {
        let s = timings![i]
        print(String(format: "  %-10@ %10.0f docs/s %8.2f MB/s  (%4.1f%% of the time)", name, n / s, mb / s, 100 * s / total))
    }
}

// libxml2's parse alone on the same HTML pages, against Normalize (which includes it).
if let pages = corpora.first(where: { $0.items.first?.media == "text/html" }) {
    let normalizeOnly = try Pipeline(config: PipelineConfig(
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
    print(String(format: "  normalize  %8.0f pages/s %8.2f MB/s", n / normalize, pages.megabytes * Double(repeats) / normalize))
    print(String(format: "  libxml2    %8.0f pages/s %8.2f MB/s", n / parse, pages.megabytes * Double(repeats) / parse))
    print(String(format: "  ratio      %8.2f (normalize time / parse time)", normalize / parse))
}
