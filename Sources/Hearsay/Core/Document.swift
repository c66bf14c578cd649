import Crypto

/// One article as it moves through the pipeline.
///
/// Holds the original bytes and their hash, the normalized text with a map from every text scalar back to the
/// bytes it came from, and one typed layer per stage. Stages only add to it; data flows one way.
public struct Document: Sendable {
    /// Document id: path relative to the input root, or the stream line's `id`.
    public var id: String
    /// The original input, byte for byte.
    public let original: [UInt8]
    public var source: SourceInfo
    /// Hints from the caller (stream fields such as `published`, `url`) and what Normalize found.
    public var metadata = Metadata()
    /// The publication date Normalize writes into `metadata.published` when the input states none (the
    /// caller's `--published`); it then anchors relative dates like a date of the article's own.
    public var fallbackPublished: String?
    /// Media type the caller declared (`text/html` for a stream `html` field), or nil to decide by content.
    public var declaredMediaType: String?

    // Normalize
    /// The normalized text, as Unicode scalars: spans index this array.
    public private(set) var scalars: [Unicode.Scalar] = []
    /// For each scalar, the first byte of the input it came from, and one past its last byte.
    public private(set) var sourceStart: [Int32] = []
    public private(set) var sourceEnd: [Int32] = []
    public private(set) var text: String = ""
    public var removed: [Removal] = []
    public var paragraphs: [Paragraph] = []

    // Later stages
    public var sentences: [Sentence] = []
    public var speakers: [Speaker] = []
    public var quotes: [Quote] = []
    public var claims: [Claim] = []
    public var diagnostics: [Diagnostic] = []
    /// Emit settings: whether the knowledge file carries `text` and `paragraphs`.
    public var emitText = true
    public var emitParagraphs = true
    /// Layers provided so far, for the stage chain check at run time.
    public var provided: Set<Layer> = [.source]

    public init(id: String, path: String, bytes: [UInt8], declaredMediaType: String? = nil) {
        self.init(id: id, path: path, bytes: bytes, declaredMediaType: declaredMediaType, sha256: Self.sha256(bytes))
    }

    /// - Parameter sha256: the SHA-256 digest of `bytes` (32 bytes), when the caller has made it already (the
    ///   resume cache's key): a page is hashed once.
    init(id: String, path: String, bytes: [UInt8], declaredMediaType: String? = nil, sha256 digest: [UInt8]) {
        self.id = id
        self.original = bytes
        self.declaredMediaType = declaredMediaType
        self.source = SourceInfo(
            path: path, sha256: Self.hex(digest), bytes: bytes.count, mediaType: declaredMediaType ?? "text/plain",
            encoding: "utf-8", encodingEvidence: "unknown")
    }

    /// The SHA-256 digest of the bytes.
    static func sha256(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }

    /// Bytes as lower-case hexadecimal, two digits a byte.
    static func hex(_ bytes: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: 2 * bytes.count) { out in
            let digits: StaticString = "0123456789abcdef"
            let d = digits.utf8Start
            for (k, b) in bytes.enumerated() {
                out[2 * k] = d[Int(b >> 4)]
                out[2 * k + 1] = d[Int(b & 0x0F)]
            }
            return 2 * bytes.count
        }
    }

    /// Sets the normalized text; called once, by Normalize.
    public mutating func setText(_ built: TextBuilder) {
        scalars = built.scalars
        sourceStart = built.sourceStart
        sourceEnd = built.sourceEnd
        text = String(scalars: built.scalars)
    }

    /// The byte span of the original input that a text span came from.
    public func sourceSpan(_ span: Span) -> Span {
        guard !scalars.isEmpty else { return Span(0, 0) }
        let start = min(max(span.start, 0), scalars.count - 1)
        if span.isEmpty {
            let b = span.start >= scalars.count ? Int(sourceEnd[scalars.count - 1]) : Int(sourceStart[start])
            return Span(b, b)
        }
        let last = min(span.end - 1, scalars.count - 1)
        return Span(Int(sourceStart[start]), Int(max(sourceEnd[last], sourceStart[start])))
    }

    /// The text of a span.
    public func string(_ span: Span) -> String {
        let s = max(0, min(span.start, scalars.count))
        let e = max(s, min(span.end, scalars.count))
        return String(scalars: scalars[s..<e])
    }

    /// Index of the sentence holding text offset `offset`, by binary search.
    public func sentenceIndex(at offset: Int) -> Int? {
        var lo = 0
        var hi = sentences.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let s = sentences[mid].span
            if offset < s.start { hi = mid - 1 } else if offset >= s.end { lo = mid + 1 } else { return mid }
        }
        return nil
    }

    public func fragment(_ span: Span) -> Fragment { Fragment(span: span, sourceSpan: sourceSpan(span)) }
    public func mention(_ span: Span, form: Mention.Form) -> Mention {
        Mention(text: string(span), form: form, span: span, sourceSpan: sourceSpan(span))
    }
}

/// Builds normalized text one scalar at a time, remembering where each scalar came from.
public struct TextBuilder: Sendable {
    public private(set) var scalars: [Unicode.Scalar] = []
    public private(set) var sourceStart: [Int32] = []
    public private(set) var sourceEnd: [Int32] = []

    public init() { scalars.reserveCapacity(4096) }

    public var count: Int { scalars.count }
    public var last: Unicode.Scalar? { scalars.last }

    public mutating func append(_ scalar: Unicode.Scalar, from start: Int, to end: Int) {
        scalars.append(scalar)
        sourceStart.append(Int32(truncatingIfNeeded: start))
        sourceEnd.append(Int32(truncatingIfNeeded: end))
    }

    /// Appends a scalar that has no source of its own (a paragraph break), anchored at byte `at`.
    public mutating func appendSynthetic(_ scalar: Unicode.Scalar, at byte: Int) {
        append(scalar, from: byte, to: byte)
    }

    /// Drops trailing white space (spaces and line breaks).
    public mutating func trimTrailingWhitespace() {
        while let l = scalars.last, l == " " || l == "\n" || l == "\t" {
            scalars.removeLast()
            sourceStart.removeLast()
            sourceEnd.removeLast()
        }
    }
}
