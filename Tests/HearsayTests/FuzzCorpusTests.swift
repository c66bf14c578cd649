import Foundation
import Testing

@testable import Hearsay

/// Replays the fuzz seed corpus (`Fixtures/fuzz/TARGET/`) and every input a fuzz run ever found
/// (`Fixtures/fuzz/regressions/TARGET/`) through the fuzz targets' own code paths, in the ordinary test run.
@Suite struct FuzzCorpusTests {
    static let harness = try! FuzzHarness()

    static func inputs(_ target: FuzzHarness.Target) -> [URL] {
        let fm = FileManager.default
        var out: [URL] = []
        for dir in [fixtureURL("fuzz/\(target.rawValue)"), fixtureURL("fuzz/regressions/\(target.rawValue)")] {
            let names = (try? fm.contentsOfDirectory(atPath: dir.path)) ?? []
            out += names.sorted().filter { !$0.hasPrefix(".") }.map { dir.appendingPathComponent($0) }
        }
        return out
    }

    @Test(arguments: FuzzHarness.Target.allCases) func corpusAndRegressionsRunClean(_ target: FuzzHarness.Target) throws
    {
        let files = Self.inputs(target)
        #expect(files.count >= 2, "seed corpus for \(target.rawValue) is missing")
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: file))
            #expect(Self.harness.run(target, bytes) == [], "\(file.lastPathComponent)")
        }
    }

    @Test func harnessReportsABrokenInvariant() {
        // The checks the fuzz targets rely on must be able to fail: a span past the end of the text is caught.
        var doc = Document.fromCleanText("Short text.")
        doc.claims.append(
            Claim(
                id: "c1", text: "x", span: Span(3, 99), sourceSpan: Span(3, 99), value: .number(1), valueMax: nil,
                unit: nil, kind: .count, qualifier: nil, equivalents: [], sentence: nil, quote: nil, speaker: nil,
                provenance: Provenance(stage: "claims", rule: "test", confidence: 1)))
        #expect(doc.integrityProblems().contains { $0.contains("claim c1") })
    }
}
