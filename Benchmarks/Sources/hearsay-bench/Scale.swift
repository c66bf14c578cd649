import Foundation
import Hearsay

// The throughput run: a corpus of at least `--mb` megabytes, text and HTML apart, measured three ways (the floor,
// normalize only, the full pipeline) on one core and on all cores, with the peak resident memory of each.

enum Measure: String, CaseIterable {
    /// HTML: libxml2's SAX parse alone, no tree, no work in the callbacks. Text: the encoding decision and the
    /// decode to scalars with byte offsets, the first thing Normalize does.
    case floor
    /// The `normalize` stage alone (a pipeline.json with only that stage).
    case normalize
    /// Every stage of the default pipeline, then the knowledge document encoded as its JSON line.
    case full
}

struct Row {
    var corpus: String
    var measure: Measure
    var cores: Int
    var documents: Int
    var bytes: Int
    var seconds: Double
    /// User and system CPU seconds of the process over the measurement: on a busy machine the wall clock counts
    /// time spent waiting for a core, this does not.
    var cpuSeconds: Double
    var peakRSS: Int
    var failures: Int
    var megabytesPerSecond: Double { Double(bytes) / 1_000_000 / seconds }
    var documentsPerSecond: Double { Double(documents) / seconds }
    var megabytesPerCPUSecond: Double { Double(bytes) / 1_000_000 / cpuSeconds }
}

/// Peak resident memory. On Linux it is the kernel's high-water mark `VmHWM`, which `resetPeakRSS` restarts from
/// the current size; elsewhere `getrusage`'s `ru_maxrss`, the peak of the whole run.
enum Memory {
    static func resetPeakRSS() -> Bool {
        guard let fh = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? fh.close() }
        return (try? fh.write(contentsOf: Data("5".utf8))) != nil
    }

    /// User plus system CPU seconds of this process so far, all threads.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
            getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        func secs(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return secs(usage.ru_utime) + secs(usage.ru_stime)
    }

    static func peakRSS() -> Int {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kb = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        {
            return kb * 1024
        }
        var usage = rusage()
        #if os(Linux)
            getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
            return Int(usage.ru_maxrss) * 1024
        #else
            getrusage(RUSAGE_SELF, &usage)
            return Int(usage.ru_maxrss)
        #endif
    }
}

/// Counts failures from several threads.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var failures = 0
    private(set) var checksum = 0
    func add(_ n: Int?) {
        lock.lock()
        if let n { checksum &+= n } else { failures += 1 }
        lock.unlock()
    }
}

struct Scale {
    let normalizeOnly: Pipeline
    let full: Pipeline

    init() throws {
        full = try Pipeline(config: PipelineConfig.defaultConfig())
        normalizeOnly = try Pipeline(
            config: PipelineConfig(
                data: Data(#"{"version": 1, "stages": ["normalize"]}"#.utf8), file: "<bench>",
                baseDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))
    }

    /// One document through `measure`: a number that depends on the work (so it is not optimized away), or nil
    /// when the pipeline refused the document.
    func work(_ measure: Measure, _ item: Corpus.Item) -> Int? {
        switch measure {
        case .floor:
            if item.media == "text/html" { return HTMLReader.parseOnlyForBenchmark(item.bytes) }
            return Decoding.decode(item.bytes, Decoding.decide(item.bytes)).count
        case .normalize, .full:
            var doc = Document(id: item.id, path: item.id, bytes: item.bytes, declaredMediaType: item.media)
            if let p = item.published { doc.metadata.published = p }
            do {
                if measure == .normalize {
                    try normalizeOnly.process(&doc)
                    return doc.paragraphs.count
                }
                try full.process(&doc)
                return try KnowledgeEncoding.line(doc).count
            } catch {
                return nil
            }
        }
    }

    /// Times `measure` over `corpus`, on this thread (`allCores` false) or on every core, after a warm-up pass
    /// over `warmUp`.
    func time(_ measure: Measure, _ corpus: Corpus, allCores: Bool, warmUp: Corpus) -> Row {
        for item in warmUp.items { _ = work(measure, item) }
        let tally = Tally()
        let items = corpus.items
        _ = Memory.resetPeakRSS()
        let cpu = Memory.cpuSeconds()
        let start = DispatchTime.now().uptimeNanoseconds
        if allCores {
            DispatchQueue.concurrentPerform(iterations: items.count) { k in tally.add(work(measure, items[k])) }
        } else {
            for item in items { tally.add(work(measure, item)) }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let cpuSeconds = Memory.cpuSeconds() - cpu
        return Row(
            corpus: corpus.name, measure: measure, cores: allCores ? ProcessInfo.processInfo.activeProcessorCount : 1,
            documents: items.count, bytes: corpus.bytes, seconds: seconds, cpuSeconds: cpuSeconds, peakRSS: Memory.peakRSS(),
            failures: tally.failures)
    }
}

func printRow(_ r: Row) {
    print(
        String(
            format: "  %@ %5d %10.2f %10.1f %8.2f %10.2f %9.2f %12.1f%@",
            r.measure.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0), r.cores, r.megabytesPerSecond,
            r.documentsPerSecond, r.seconds, r.megabytesPerCPUSecond, r.cpuSeconds / r.seconds,
            Double(r.peakRSS) / 1_048_576,
            r.failures > 0 ? "  (\(r.failures) refused)" : ""))
}

/// The figures the issue sets targets for, from the rows of one corpus.
func printSummary(_ rows: [Row], html: Bool) {
    func row(_ m: Measure, all: Bool) -> Row? { rows.first { $0.measure == m && ($0.cores > 1) == all } }
    if html, let floor = row(.floor, all: false), let full = row(.full, all: false) {
        let share = full.megabytesPerSecond / floor.megabytesPerSecond
        let cpuShare = full.megabytesPerCPUSecond / floor.megabytesPerCPUSecond
        print(
            String(
                format: "  full pipeline / libxml2 parse alone, one core: %.1f%% (target >= 25%%); per CPU-second %.1f%%",
                100 * share, 100 * cpuShare))
    }
    if !html, let full = row(.full, all: false) {
        print(
            String(
                format: "  full pipeline, one core: %.2f MB/s (target >= 5 MB/s per core); %.2f MB per CPU-second",
                full.megabytesPerSecond, full.megabytesPerCPUSecond))
    }
    for m in Measure.allCases {
        if let one = row(m, all: false), let all = row(m, all: true) {
            print(
                String(
                    format: "  speed-up of %@ on %d cores: %.2fx%@", m.rawValue, all.cores,
                    one.seconds / all.seconds, m == .full ? " (target >= 1.8x on 2 cores)" : ""))
        }
    }
}
