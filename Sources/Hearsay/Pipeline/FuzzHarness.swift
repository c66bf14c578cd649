import Foundation

/// The code paths that the fuzz targets (`Fuzz/`, `scripts/fuzz.sh`) drive with arbitrary bytes, here so that the
/// test suite replays the seed corpus and every regression input through exactly the same paths.
///
/// A thrown ``HearsayError`` is a normal answer to bad input. A crash, a hang, running out of memory, or a
/// problem returned here (a broken ``Document/integrityProblems()`` promise, the line reader losing or inventing
/// bytes) is a finding.
public struct FuzzHarness: Sendable {
    public enum Target: String, CaseIterable, Sendable {
        /// The bytes as an HTML page, through `normalize`.
        case normalizeHTML = "normalize-html"
        /// The bytes as a text file, through `normalize`.
        case normalizeText = "normalize-text"
        /// The bytes as clean text (invalid UTF-8 replaced), through `segment`.
        case segment
        /// Clean text through `segment` and `attribute`.
        case attribute
        /// Clean text through `segment` and `claims`.
        case claims
        /// `hearsay stream` input, cut into chunks (size from the first byte), through the line reader, the line
        /// parser and the whole pipeline.
        case stream
    }

    let normalizer: TextNormalizer
    let segmenter: SentenceSegmenter
    let attributor: QuoteAttributor
    let claims: ClaimExtractor
    let pipeline: Pipeline
    /// The line cap used by the stream target: small, so that the over-long path is reached.
    public static let streamLineCap = 256

    public init(resources: ResourceLoader = ResourceLoader()) throws {
        normalizer = try TextNormalizer(config: .init(), resources: resources)
        segmenter = try SentenceSegmenter(config: .init(), resources: resources)
        attributor = try QuoteAttributor(config: .init(), resources: resources)
        claims = try ClaimExtractor(config: .init(), resources: resources)
        pipeline = try Pipeline(config: PipelineConfig.defaultConfig(), file: "<fuzz>")
    }

    /// Runs one input; returns what went wrong (empty when all is well).
    public func run(_ target: Target, _ bytes: [UInt8]) -> [String] {
        switch target {
        case .normalizeHTML, .normalizeText:
            var doc = Document(
                id: "fuzz", path: "fuzz", bytes: bytes,
                declaredMediaType: target == .normalizeHTML ? "text/html" : "text/plain")
            guard (try? normalizer.run(&doc)) != nil else { return [] }
            return doc.integrityProblems()
        case .segment, .attribute, .claims:
            var doc = Document.fromCleanText(String(decoding: bytes, as: UTF8.self), id: "fuzz")
            do {
                try segmenter.run(&doc)
                if target == .attribute { try attributor.run(&doc) }
                if target == .claims { try claims.run(&doc) }
            } catch {
                return []
            }
            return doc.integrityProblems()
        case .stream:
            return stream(bytes)
        }
    }

    /// Lines out of the reader must be the input's lines whatever the chunking; each parsed line then runs.
    func stream(_ bytes: [UInt8]) -> [String] {
        guard let first = bytes.first else { return [] }
        let data = bytes.dropFirst()
        let chunk = Int(first % 17) + 1
        let cap = FuzzHarness.streamLineCap
        var reader = StreamLineReader(maxLineBytes: cap)
        var got: [StreamLineReader.Line] = []
        var i = data.startIndex
        while i < data.endIndex {
            let j = min(data.endIndex, i + chunk)
            reader.feed(data[i..<j]) { got.append($0) }
            i = j
        }
        reader.finish { got.append($0) }
        var expected: [StreamLineReader.Line] = []
        var pieces = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        if pieces.last?.isEmpty == true { pieces.removeLast() }
        for (k, p) in pieces.enumerated() {
            if p.count > cap {
                expected.append(.tooLong(number: k + 1, bytes: p.count))
            } else {
                var line = Array(p)
                if line.last == 0x0D { line.removeLast() }
                expected.append(.line(number: k + 1, bytes: Data(line)))
            }
        }
        if got != expected {
            return ["line reader gave \(got.count) lines, expected \(expected.count): \(got) vs \(expected)"]
        }
        var problems: [String] = []
        for case .line(let number, let line) in got {
            guard case .success(let item) = StreamInput.parse(line, number: number) else { continue }
            if case .success(let doc) = Batch.process(item, with: pipeline) { problems += doc.integrityProblems() }
        }
        return problems
    }
}
