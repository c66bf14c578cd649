/// The emit stage: checks a finished document and puts its layers in their published order.
///
/// Requires `text`; provides `knowledge`. Sorts every layer by position so ids are stable, drops spans that fall
/// outside the text (with a diagnostic; a later stage bug must never reach the file as a wrong click-back), and
/// fills in `source.media_type`. The file itself is written by ``KnowledgeWriter``, atomically. Reads from config:
/// `include_text`, `include_paragraphs`.
public struct KnowledgeEmitter: Stage {
    public struct Config: StageConfig {
        /// Write the normalized text (editors and span checks need it; big corpora may leave it out).
        public var includeText = true
        public var includeParagraphs = true
        public init() {}
        public static let keys = ["include_text", "include_paragraphs"]
        enum CodingKeys: String, CodingKey {
            case includeText = "include_text", includeParagraphs = "include_paragraphs"
        }
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            includeText = try c.decodeIfPresent(Bool.self, forKey: .includeText) ?? true
            includeParagraphs = try c.decodeIfPresent(Bool.self, forKey: .includeParagraphs) ?? true
        }
    }

    public static let name = "emit"
    public static let requires: Set<Layer> = [.text]
    public static let provides: Set<Layer> = [.knowledge]

    public let config: Config

    public init(config: Config, resources: ResourceLoader) throws { self.config = config }

    public func run(_ document: inout Document) throws {
        let n = document.scalars.count
        func inside(_ s: Span) -> Bool { s.start >= 0 && s.end <= n && s.start <= s.end }
        var dropped = 0
        document.quotes.removeAll { q in
            let bad = q.fragments.isEmpty || !q.fragments.allSatisfy { inside($0.span) }
            if bad { dropped += 1 }
            return bad
        }
        document.claims.removeAll { c in
            let bad = !inside(c.span)
            if bad { dropped += 1 }
            return bad
        }
        document.sentences.removeAll { s in
            let bad = !inside(s.span)
            if bad { dropped += 1 }
            return bad
        }
        if dropped > 0 {
            document.diagnostics.append(
                Diagnostic(
                    severity: .warning, code: "emit.span-out-of-range",
                    message: "\(dropped) element(s) had spans outside the text and were left out", stage: Self.name))
        }
        document.removed.sort { $0.sourceSpan < $1.sourceSpan }
        document.emitText = config.includeText
        document.emitParagraphs = config.includeParagraphs
    }
}
