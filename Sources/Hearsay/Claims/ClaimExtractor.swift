/// The numeric-claims stage: money, percentages, counts, measures, dates, times and durations in the text.
///
/// Requires `text` and `sentences`; uses `quotes` when present (an optional input: without the attribute stage
/// before it, claims carry no `quote` or `speaker`); adds `claims`. Reads each sentence (or paragraph, or the whole
/// text when there are no sentences) as tokens and applies the claims grammar of ``ClaimScanner``; reads
/// `metadata.published` to resolve relative dates and `quotes` to say who made a claim.
///
/// Configuration (`claims` section of `pipeline.json`):
/// - `units`: unit and currency table (default `builtin:claims-units.json`).
/// - `lexicon`: number words, scales, qualifiers, calendar words (default `builtin:claims-lexicon.json`).
/// - `stopwords`: words that cannot be counted nouns (default `builtin:claims-stopwords.txt`).
/// - `context`: the words that tie a claim to its subject and change (default `builtin:claims-context.json`; see
///   ``ClaimContext``).
/// - `max_claims_per_document`: claims kept per document (default 2000); more are dropped with a note.
/// - `resolve_partial_dates`: give "July 10" and "Thursday" the year or day nearest the publication date
///   (default true); when false they stay `XXXX-07-10`, `XXXX-WXX-4`.
/// - `duration_kind`: the kind written for durations such as "five hours" (default `measure`; or `duration`).
public struct ClaimExtractor: Stage {
    public struct Config: StageConfig {
        public var units = "builtin:claims-units.json"
        public var lexicon = "builtin:claims-lexicon.json"
        public var stopwords = "builtin:claims-stopwords.txt"
        public var context = "builtin:claims-context.json"
        public var maxClaimsPerDocument = 2000
        public var resolvePartialDates = true
        public var durationKind = "measure"

        public init() {}

        public static let keys = [
            "units", "lexicon", "stopwords", "context", "max_claims_per_document", "resolve_partial_dates",
            "duration_kind",
        ]

        enum CodingKeys: String, CodingKey {
            case units, lexicon, stopwords, context
            case maxClaimsPerDocument = "max_claims_per_document"
            case resolvePartialDates = "resolve_partial_dates"
            case durationKind = "duration_kind"
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Config()
            units = try c.decodeIfPresent(String.self, forKey: .units) ?? d.units
            lexicon = try c.decodeIfPresent(String.self, forKey: .lexicon) ?? d.lexicon
            stopwords = try c.decodeIfPresent(String.self, forKey: .stopwords) ?? d.stopwords
            context = try c.decodeIfPresent(String.self, forKey: .context) ?? d.context
            maxClaimsPerDocument =
                try c.decodeIfPresent(Int.self, forKey: .maxClaimsPerDocument) ?? d.maxClaimsPerDocument
            resolvePartialDates =
                try c.decodeIfPresent(Bool.self, forKey: .resolvePartialDates) ?? d.resolvePartialDates
            durationKind = try c.decodeIfPresent(String.self, forKey: .durationKind) ?? d.durationKind
        }
    }

    public static let name = "claims"
    public static let requires: Set<Layer> = [.text, .sentences]
    public static let uses: Set<Layer> = [.quotes]
    public static let provides: Set<Layer> = [.claims]

    let config: Config
    let lexicon: ClaimLexicon
    let context: ClaimContext.Lexicon
    let durationKind: Claim.Kind

    public init(config: Config, resources: ResourceLoader) throws {
        self.config = config
        guard let dk = Claim.Kind(rawValue: config.durationKind), dk == .measure || dk == .duration else {
            throw HearsayError(
                code: "config.bad-value",
                message: ".claims.duration_kind: must be \"measure\" or \"duration\", not \"\(config.durationKind)\"")
        }
        guard config.maxClaimsPerDocument >= 0 else {
            throw HearsayError(code: "config.bad-value", message: ".claims.max_claims_per_document: must be 0 or more")
        }
        durationKind = dk
        let lex = try resources.json(ClaimLexicon.LexiconFile.self, config.lexicon)
        let units = try resources.json(ClaimLexicon.UnitsFile.self, config.units)
        let stop = try resources.lines(config.stopwords)
        let context = try ClaimContext.Lexicon(resources.json(ClaimContext.LexiconFile.self, config.context))
        self.context = context
        lexicon = ClaimLexicon(lexicon: lex, units: units, stopwords: stop, changeWords: context.changeVerbs)
    }

    public func run(_ document: inout Document) throws {
        let sc = document.scalars
        guard !sc.isEmpty else { return }
        var units: [(Span, Int?)] = []
        if !document.sentences.isEmpty {
            units = document.sentences.enumerated().map { ($0.element.span, $0.offset) }
        } else if !document.paragraphs.isEmpty {
            units = document.paragraphs.map { ($0.span, nil) }
        } else {
            units = [(Span(0, sc.count), nil)]
        }
        let anchor = Self.anchorDate(document.metadata).flatMap { ClaimCalendar.parse($0.date) }
        var tokens: [ClaimToken] = []
        tokens.reserveCapacity(256)
        var claims: [Claim] = []
        var dropped = 0
        let cap = config.maxClaimsPerDocument
        // the counted noun of the last claim of the sentence before, in the same paragraph (`claims.count-elided`)
        var carried: (unit: String, paragraph: Int)?
        for (span, sentence) in units {
            tokens.removeAll(keepingCapacity: true)
            ClaimTokenizer.tokenize(sc, max(0, span.start), min(sc.count, span.end), into: &tokens)
            if tokens.isEmpty { continue }
            var scanner = ClaimScanner(
                lexicon: lexicon, tokens: tokens, base: 0, limit: tokens.count, scalars: sc, anchor: anchor,
                resolvePartial: config.resolvePartialDates, durationKind: durationKind)
            let paragraph = sentence.map { document.sentences[$0].paragraph }
            if let c = carried, c.paragraph == paragraph { scanner.carriedCount = c.unit }
            scanner.scan()
            if let p = paragraph, let last = scanner.out.last, last.kind == .count, let u = last.unit {
                carried = (u, p)
            } else {
                carried = nil
            }
            let links = ClaimContext(context: context, lexicon: lexicon, tokens: tokens, claims: scanner.out)
            for (n, f) in scanner.out.enumerated() {
                if claims.count >= cap {
                    dropped += 1
                    continue
                }
                var claim = makeClaim(f, tokens, sentence, &document)
                let (subject, change) = links.link(n)
                if let s = subject {
                    let span = Span(tokens[s.start].start, tokens[s.end - 1].end)
                    claim.subject = ClaimSubject(
                        text: document.string(span), span: span, sourceSpan: document.sourceSpan(span), rule: s.rule,
                        confidence: s.confidence)
                }
                claim.change = change
                claims.append(claim)
            }
        }
        claims.sort { $0.span < $1.span }
        for i in claims.indices { claims[i].id = "c\(i + 1)" }
        document.claims.append(contentsOf: claims)
        if dropped > 0 {
            document.diagnostics.append(
                Diagnostic(
                    severity: .note, code: "claims.cap",
                    message: "\(dropped) claims beyond max_claims_per_document (\(cap)) were dropped", stage: Self.name)
            )
        }
    }

    func makeClaim(_ f: FoundClaim, _ t: [ClaimToken], _ sentence: Int?, _ document: inout Document) -> Claim {
        let span = Span(t[f.startTok].start, f.endScalar ?? t[f.endTok - 1].end)
        var quote: String?
        var speaker: String?
        var best = Int.max
        for q in document.quotes {
            for fr in q.fragments where fr.span.contains(span) && fr.span.length < best {
                best = fr.span.length
                quote = q.id
                speaker = q.speaker
            }
        }
        let eq = f.equivalents.map { e -> Equivalent in
            let s = Span(e.start, e.end)
            return Equivalent(
                text: document.string(s), value: .number(e.value), unit: e.unit, span: s,
                sourceSpan: document.sourceSpan(s))
        }
        var evidence = f.evidence
        if evidence == nil, case .text = f.value, Self.has(f.rule, "relative") || Self.has(f.rule, "offset"),
            let a = Self.anchorDate(document.metadata)
        {
            evidence = a.source + " " + a.date
        }
        return Claim(
            id: "", text: document.string(span), span: span, sourceSpan: document.sourceSpan(span), value: f.value,
            valueMax: f.valueMax, unit: f.unit, kind: f.kind, qualifier: f.qualifier, equivalents: eq,
            sentence: sentence, quote: quote, speaker: speaker,
            provenance: Provenance(stage: Self.name, rule: f.rule, confidence: f.confidence, evidence: evidence))
    }
}

extension ClaimExtractor {
    /// Whether the rule id `rule` holds `part`, byte for byte (rule ids and the parts asked for are ASCII, where that
    /// is Foundation's `contains`; this one does not bridge the id to `NSString` for every claim).
    static func has(_ rule: String, _ part: StaticString) -> Bool {
        let p = UnsafeBufferPointer(start: part.utf8Start, count: part.utf8CodeUnitCount)
        let r = Array(rule.utf8)
        guard !p.isEmpty, p.count <= r.count else { return false }
        for i in 0...(r.count - p.count) where r[i..<(i + p.count)].elementsEqual(p) { return true }
        return false
    }

    /// The date relative expressions resolve against: the publication date, else the day a crawler fetched the page.
    static func anchorDate(_ m: Metadata) -> (date: String, source: String)? {
        if let p = m.published { return (p, "published") }
        if let c = m.crawled, c.count >= 10 { return (String(c.prefix(10)), "crawled") }
        return nil
    }
}
