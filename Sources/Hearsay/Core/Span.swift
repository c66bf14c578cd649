/// A half-open range `[start, end)`.
///
/// In the knowledge file a span is written as a two-element array. Text spans count Unicode scalars
/// (code points) of the normalized text; source spans count bytes of the original input.
public struct Span: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { end <= start }

    public func contains(_ other: Span) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }

    public static func < (lhs: Span, rhs: Span) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    public var description: String { "[\(start), \(end))" }

    /// The largest offset a span may hold: inputs are capped below 2 GiB, so every offset fits 32 bits.
    public static let maxOffset = Int(Int32.max)

    /// Refuses what no writer makes (a negative start, an end before the start, an offset beyond 32 bits), so that
    /// a hand-made knowledge file cannot make a reader's arithmetic overflow.
    public init(from decoder: Decoder) throws {
        var c = try decoder.unkeyedContainer()
        let s = try c.decode(Int.self)
        let e = try c.decode(Int.self)
        guard s >= 0, e >= s, e <= Span.maxOffset else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "span [\(s), \(e)) is not 0 <= start <= end <= \(Span.maxOffset)"))
        }
        self.init(s, e)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(start)
        try c.encode(end)
    }
}

/// Where a fact came from: the stage and rule that produced it, how sure the rule is, and the words it relied on.
public struct Provenance: Hashable, Sendable, Codable {
    /// The stage name, as in `pipeline.json` (`normalize`, `segment`, `attribute`, `claims`).
    public var stage: String
    /// A stable rule id, e.g. `quote.curly-single` or `speaker.cue-after`.
    public var rule: String
    /// 0...1, the rule's own estimate.
    public var confidence: Double
    /// Short evidence, such as the cue words.
    public var evidence: String?

    public init(stage: String, rule: String, confidence: Double, evidence: String? = nil) {
        self.stage = stage
        self.rule = rule
        self.confidence = (confidence * 1000).rounded() / 1000
        self.evidence = evidence
    }
}
