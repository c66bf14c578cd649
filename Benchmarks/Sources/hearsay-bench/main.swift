import Foundation
import Hearsay

// Speed benchmarks, apart from the tests.
//
// usage: hearsay-bench [--mb MB] [--corpus text,html] [--measure floor,normalize,full] [--cores 1,all]
//                      [--limit N] [--repeat N] [--eval DIR] [--no-stages] [--no-scale]
//        hearsay-bench --claims FILE [--repeat N]
//
// 1. Per stage (skip with --no-stages): the seeds and the development sets, one core, N passes after a warm-up;
//    documents/s and MB/s of the pipeline and of each stage's own time, and libxml2's parse alone against Normalize.
// 2. Throughput (skip with --no-scale): a deterministic corpus of at least MB megabytes (default 50) for plain text
//    (the seeds and the dev-set articles, repeated) and for HTML (the dev-set pages, repeated), each measured as
//    the floor (libxml2's SAX parse alone for HTML; decoding for text), normalize only and the full pipeline, on one
//    core and on all cores, with MB/s, documents/s and peak RSS; then the figures the targets name.
// --limit N takes only the first N distinct documents of each throughput corpus (for profiling under valgrind).
// --claims FILE times the claims stage alone on the documents of a JSON Lines file (see ClaimsStage.swift): sentences
// per CPU-second over N passes (default 5), nothing else.
// DIR defaults to ../../shared/eval relative to this package's sources; without it the seeds and the HTML fixtures
// stand in.

var args = Array(CommandLine.arguments.dropFirst())
var repeats = 5
var megabytes = 50.0
var corpusNames = ["text", "html"]
var measures = Measure.allCases
var coreChoices = ["1", "all"]
var stages = true
var limit = Int.max
var scale = true
var claimsFile: String?
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
var evalDir = root.deletingLastPathComponent().appendingPathComponent("shared/eval").path

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("hearsay-bench: \(message)\n".utf8))
    exit(2)
}
func list(_ s: String) -> [String] { s.split(separator: ",").map(String.init) }
func parsed<T>(_ value: T?, _ message: String) -> T {
    guard let value else { fail(message) }
    return value
}
while !args.isEmpty {
    let a = args.removeFirst()
    func value() -> String {
        guard !args.isEmpty else { fail("\(a) needs a value") }
        return args.removeFirst()
    }
    switch a {
    case "--repeat": repeats = parsed(Int(value()), "--repeat takes a number")
    case "--eval": evalDir = value()
    case "--mb": megabytes = parsed(Double(value()), "--mb takes a number")
    case "--corpus": corpusNames = list(value())
    case "--measure": measures = list(value()).map { parsed(Measure(rawValue: $0), "unknown measure \($0)") }
    case "--cores": coreChoices = list(value())
    case "--limit": limit = parsed(Int(value()), "--limit takes a number")
    case "--no-stages": stages = false
    case "--no-scale": scale = false
    case "--claims": claimsFile = value()
    case "-h", "--help":
        print("usage: hearsay-bench [--mb MB] [--corpus text,html] [--measure floor,normalize,full] [--cores 1,all]")
        print("                     [--limit N] [--repeat N] [--eval DIR] [--no-stages] [--no-scale]")
        print("       hearsay-bench --claims FILE [--repeat N]")
        exit(0)
    default: fail("unknown argument \(a)")
    }
}
for c in corpusNames where c != "text" && c != "html" { fail("unknown corpus \(c)") }
for c in coreChoices where c != "1" && c != "all" { fail("--cores takes 1, all or both") }
if let path = claimsFile {
    try claimsStage(path, repeats: repeats)
    exit(0)
}

var seeds = Corpus(name: "seeds", items: [])
for n in (try? FileManager.default.contentsOfDirectory(atPath: root.path + "/seeds"))?.sorted() ?? [] {
    seeds.items.append(
        (n, [UInt8](FileManager.default.contents(atPath: root.path + "/seeds/" + n) ?? Data()), nil, nil))
}
let polnear = jsonl(evalDir + "/quotes/polnear-dev.jsonl", name: "polnear-dev articles")
let pages =
    files(
        evalDir + "/boilerplate/html", suffixes: [".html.gz", ".html"], name: "aeb-dev html pages", media: "text/html")
    ?? files(root.path + "/Fixtures/normalize/html", suffixes: [".html"], name: "html fixtures", media: "text/html")

let cores = ProcessInfo.processInfo.activeProcessorCount
print(
    "hearsay-bench: \(cores) cores (activeProcessorCount), eval sets from \(evalDir)\(polnear == nil ? " (absent)" : "")"
)

if stages {
    var corpora = [seeds]
    if let c = polnear { corpora.append(c) }
    if let c = jsonl(evalDir + "/numbers/newsquant-dev.jsonl", name: "newsquant-dev sentences") { corpora.append(c) }
    if let c = jsonl(evalDir + "/sentences/gum-news-dev.jsonl", name: "gum-news-dev paragraphs") { corpora.append(c) }
    if let c = pages { corpora.append(c) }
    try perStage(corpora, repeats: repeats)
}

if scale {
    let bench = try Scale()
    var bases: [(String, Corpus)] = []
    if corpusNames.contains("text") {
        var text = Corpus(name: "text", items: seeds.items)
        text.items += polnear?.items ?? []
        bases.append(("text: the seeds" + (polnear != nil ? " and the polnear-dev articles" : ""), text))
    }
    if corpusNames.contains("html"), let p = pages {
        bases.append(("html: the \(p.name)", Corpus(name: "html", items: p.items)))
    }
    let target = Int(megabytes * 1_000_000)
    print("\nthroughput: each corpus repeated to at least \(megabytes) MB; peak RSS is the process's high-water mark")
    print("during that measurement (the corpus's bytes are held once, shared by the copies); MB/CPU-s divides by the")
    print("process's CPU time, which waiting for a busy core does not inflate; CPU/wall is the number of cores the")
    print("measurement actually had (below 1 or 2: the machine was busy with other work)")
    for (title, all) in bases {
        let base = Corpus(name: all.name, items: Array(all.items.prefix(limit)))
        let corpus = base.repeated(toAtLeast: target)
        print(
            String(
                format: "\n%@, %d documents (%d distinct), %.2f MB", title, corpus.items.count, base.items.count,
                corpus.megabytes))
        print("  measure   cores       MB/s     docs/s     secs  MB/CPU-s  CPU/wall  peak RSS MB")
        var rows: [Row] = []
        for m in measures {
            for c in coreChoices {
                let r = bench.time(m, corpus, allCores: c == "all", warmUp: base)
                printRow(r)
                rows.append(r)
            }
        }
        printSummary(rows, html: base.name == "html")
    }
}
