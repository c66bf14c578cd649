import Foundation
import Testing

@testable import Hearsay

/// The hand-written knowledge JSON writer gives the same bytes as `JSONEncoder` (the encoder the knowledge file was
/// first written with) on seeded random documents full of awkward strings and numbers, in the compact (JSON Lines)
/// and the pretty (knowledge file) forms, and on the pipeline's own documents.
@Suite struct KnowledgeJSONTests {
    /// SplitMix64: a small seeded generator, so a failure can be replayed.
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Pieces that strings are built from: every control character, the characters JSON escapes or may escape,
    /// and multi-byte scalars.
    static let pieces: [String] =
        (0..<0x20).map { String(UnicodeScalar(UInt8($0))) } + [
            "\u{7F}", "\"", "\\", "/", "//", "</script>", "'", "a", "Zoë", "said", " ", "“", "”", "’", "—", "é",
            "e\u{301}",
            "\u{A0}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFD}", "\u{10FFFF}", "🙂", "👩🏽‍💻", "日本語", "\r\n", "0", "-",
            "1e5", "null", "\\u0000", "http://example.org/a?b=c&d", "Straße", "ΣΊΣΥΦΟΣ",
        ]

    static let doubles: [Double] = [
        0, -0.0, 1, -1, 0.5, 0.1, 0.2, 0.1 + 0.2, 0.6, 0.9, 0.95, 0.333, 1.0 / 3, 2.0 / 3, 100, 1234.5, 1e-4, 1e-5,
        1.5e-7, .leastNonzeroMagnitude, .leastNormalMagnitude, 1e15, 9e15, 9.5e15, 1e16, 1.2345e16, 2.0e22, 1e21,
        123_456_789_012_345_680,
        Double(Int64.max), -9.1e15, 1.7976931348623157e308, -1.7976931348623157e308, 4.35, 75e9, 58e9, 0.001, 0.999,
    ]

    var rng = Random(state: 0)

    mutating func int(_ n: Int) -> Int { Int.random(in: 0..<n, using: &rng) }
    mutating func chance(_ p: Double = 0.5) -> Bool { Double.random(in: 0..<1, using: &rng) < p }

    mutating func string() -> String {
        var s = ""
        for _ in 0..<int(6) { s += Self.pieces[int(Self.pieces.count)] }
        return s
    }

    mutating func optString() -> String? { chance() ? string() : nil }

    mutating func double() -> Double {
        switch int(4) {
        case 0: return Self.doubles[int(Self.doubles.count)]
        case 1: return (Double.random(in: 0...1, using: &rng) * 1000).rounded() / 1000
        case 2:
            // Any finite bit pattern: every exponent, both signs.
            while true {
                let d = Double(bitPattern: rng.next())
                if d.isFinite { return d }
            }
        default: return Double(Int.random(in: -1_000_000...1_000_000, using: &rng)) * [1, 1e3, 1e6, 1e9, 1e12][int(5)]
        }
    }

    mutating func span() -> Span {
        let a = int(3) == 0 ? Int.random(in: -5...5, using: &rng) : Int.random(in: 0...Int(Int32.max), using: &rng)
        return Span(a, a + int(1000))
    }

    mutating func optSpan() -> Span? { chance() ? span() : nil }

    mutating func list<T>(_ max: Int, _ make: (inout Self) -> T) -> [T] {
        var out: [T] = []
        for _ in 0..<int(max + 1) { out.append(make(&self)) }
        return out
    }

    mutating func provenance() -> Provenance {
        var p = Provenance(stage: string(), rule: string(), confidence: 0, evidence: optString())
        p.confidence = double()  // also unrounded values
        return p
    }

    mutating func quote() -> Quote {
        Quote(
            id: string(), kind: [.direct, .mixed, .indirect][int(3)], text: string(),
            fragments: list(3) { Fragment(span: $0.span(), sourceSpan: $0.span()) }, speaker: optString(),
            speakerName: optString(),
            cue: chance() ? Cue(text: string(), lemma: string(), span: span(), sourceSpan: span()) : nil,
            speakerMention: optSpan(), sentences: list(4) { $0.int(1000) }, parent: optString(),
            provenance: provenance(), attribution: chance() ? provenance() : nil)
    }

    mutating func value() -> ClaimValue { chance(0.8) ? .number(double()) : .text(string()) }

    mutating func document() -> KnowledgeDocument {
        var metadata = Metadata()
        metadata.title = optString()
        metadata.published = optString()
        metadata.url = optString()
        metadata.crawled = optString()
        metadata.authors = list(3) { $0.string() }
        metadata.siteName = optString()
        metadata.language = optString()
        let source = SourceInfo(
            path: string(), sha256: string(), bytes: Int.random(in: 0...Int.max, using: &rng), mediaType: string(),
            encoding: string(), encodingEvidence: string())
        let roles: [Paragraph.Role] = [.paragraph, .heading, .listItem, .blockquote, .caption, .preformatted]
        return KnowledgeDocument(
            id: string(), source: source, metadata: metadata, text: optString(),
            removed: list(3) { Removal(sourceSpan: $0.span(), rule: $0.string(), excerpt: $0.string()) },
            paragraphs: chance()
                ? list(3) {
                    Paragraph(id: $0.int(100), role: roles[$0.int(roles.count)], span: $0.span(), sourceSpan: $0.span())
                }
                : nil,
            sentences: list(3) {
                Sentence(
                    id: $0.int(100), paragraph: $0.int(100), span: $0.span(), sourceSpan: $0.span(),
                    provenance: $0.provenance())
            },
            speakers: list(3) { r in
                Speaker(
                    id: r.string(), name: r.string(),
                    type: [.person, .organization, .group, .anonymous, .unknown][r.int(5)],
                    descriptions: r.list(2) { $0.string() }, affiliation: r.optString(),
                    mentions: r.list(2) {
                        Mention(
                            text: $0.string(),
                            form: [.name, .pronoun, .description, .organization, .anonymous][$0.int(5)],
                            span: $0.span(), sourceSpan: $0.span())
                    })
            },
            quotes: list(3) { r in
                var q = r.quote()
                // Nested quotes (none, an empty list, or some), one level down as the stage writes them.
                q.nested = r.chance(0.3) ? r.list(2) { $0.quote() } : nil
                return q
            },
            claims: list(3) { r in
                Claim(
                    id: r.string(), text: r.string(), span: r.span(), sourceSpan: r.span(), value: r.value(),
                    valueMax: r.chance() ? r.value() : nil, unit: r.optString(),
                    kind: [.money, .percent, .count, .measure, .date, .time, .duration, .ordinal, .other][r.int(9)],
                    qualifier: r.optString(),
                    equivalents: r.list(2) {
                        Equivalent(
                            text: $0.string(), value: $0.value(), unit: $0.optString(), span: $0.span(),
                            sourceSpan: $0.span())
                    },
                    sentence: r.chance() ? r.int(1000) : nil, quote: r.optString(), speaker: r.optString(),
                    subject: r.chance()
                        ? ClaimSubject(
                            text: r.string(), span: r.span(), sourceSpan: r.span(), rule: r.string(),
                            confidence: r.double())
                        : nil,
                    change: r.optString(), provenance: r.provenance())
            },
            diagnostics: list(2) {
                Diagnostic(
                    severity: $0.chance() ? .note : .warning, code: $0.string(), message: $0.string(),
                    stage: $0.string(),
                    sourceSpan: $0.optSpan())
            })
    }

    mutating func error() -> HearsayError {
        HearsayError(
            code: string(), message: string(), file: optString(), byteOffset: chance() ? int(1 << 20) : nil,
            line: chance() ? int(5000) : nil, column: chance() ? int(200) : nil, stage: optString(), cause: optString())
    }

    mutating func corpus() -> CorpusKnowledge {
        CorpusKnowledge(
            speakers: list(3) { r in
                CorpusSpeaker(
                    id: r.string(), name: r.string(), type: r.string(), aliases: r.list(2) { $0.string() },
                    descriptions: r.list(2) { $0.string() },
                    documents: r.list(2) {
                        .init(document: $0.string(), speaker: $0.string(), quotes: $0.list(2) { $0.string() })
                    })
            },
            quoteGroups: list(3) { r in
                QuoteGroup(
                    id: r.string(), similarity: r.double(),
                    quotes: r.list(3) {
                        .init(document: $0.string(), quote: $0.string(), speaker: $0.optString(), text: $0.string())
                    },
                    variants: r.list(2) { r in
                        .init(
                            document: r.string(), quote: r.string(),
                            changes: r.list(2) {
                                WordChange(
                                    op: [.replace, .insert, .delete][$0.int(3)], reference: $0.string(),
                                    variant: $0.string(),
                                    span: $0.optSpan())
                            })
                    })
            })
    }

    static func encoder(pretty: Bool) -> JSONEncoder { KnowledgeEncoding.encoder(pretty: pretty) }

    /// The reference: `JSONEncoder`, the pretty form indented as the knowledge file indents a document.
    static func reference(_ d: KnowledgeDocument, pretty: Bool) throws -> [UInt8] {
        pretty
            ? Array(try KnowledgeEncoding.prettyData(d, indent: "    ")) : Array(try encoder(pretty: false).encode(d))
    }

    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
        let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        let show = { (x: [UInt8]) in String(decoding: x[max(0, i - 60)..<min(x.count, i + 60)], as: UTF8.self) }
        return "at byte \(i):\nwriter:  \(show(a))\nencoder: \(show(b))"
    }

    @Test func randomDocumentsMatchTheEncoder() throws {
        var gen = KnowledgeJSONTests()
        var compared = 0
        for seed in 1...300 {
            gen.rng = Random(state: UInt64(seed))
            let doc = gen.document()
            for pretty in [false, true] {
                let mine = Array(pretty ? KnowledgeJSON.pretty(doc, indent: "    ") : KnowledgeJSON.line(doc))
                let ref = try Self.reference(doc, pretty: pretty)
                #expect(mine == ref, "seed \(seed), pretty \(pretty): \(Self.firstDifference(mine, ref))")
                compared += 1
            }
        }
        #expect(compared == 600)
    }

    @Test func doublesAndStringsOneByOne() throws {
        // Each awkward value alone, so a failure names it.
        var gen = KnowledgeJSONTests()
        for d in Self.doubles + Self.doubles.map(-) {
            var w = KnowledgeJSON(pretty: false)
            w.double(d)
            #expect(w.bytes == Array(try Self.encoder(pretty: false).encode(d)), "\(d)")
        }
        for p in Self.pieces {
            var w = KnowledgeJSON(pretty: false)
            w.string(p)
            #expect(w.bytes == Array(try Self.encoder(pretty: false).encode(p)), "\(Array(p.unicodeScalars))")
        }
        for v in [0, 1, 9, 10, 99, 100, -1, -9, -10, 1_234_567, Int.max, Int.min, Int(Int32.max)] {
            var w = KnowledgeJSON(pretty: false)
            w.int(v)
            #expect(w.bytes == Array(try Self.encoder(pretty: false).encode(v)), "\(v)")
        }
        for seed in 1...2000 {
            gen.rng = Random(state: UInt64(seed) &* 7919)
            let d = gen.double()
            var w = KnowledgeJSON(pretty: false)
            w.double(d)
            #expect(w.bytes == Array(try Self.encoder(pretty: false).encode(d)), "\(d)")
        }
    }

    @Test func errorsCorpusAndGeneratorMatchTheEncoder() throws {
        var gen = KnowledgeJSONTests()
        for seed in 1...200 {
            gen.rng = Random(state: UInt64(seed) &+ 1_000_000)
            let errors = gen.list(3) { $0.error() }
            let corpus = gen.corpus()
            let generator = ["name": gen.string(), "version": gen.string(), "pipeline_sha256": gen.string()]
            for pretty in [false, true] {
                var w = KnowledgeJSON(pretty: pretty, indent: pretty ? "  " : "")
                w.errors(errors)
                #expect(
                    w.bytes == Array(try Self.encoder(pretty: pretty).encode(errors)).padded(pretty),
                    "errors, seed \(seed)")
                w = KnowledgeJSON(pretty: pretty, indent: pretty ? "  " : "")
                w.corpus(corpus)
                #expect(
                    w.bytes == Array(try Self.encoder(pretty: pretty).encode(corpus)).padded(pretty),
                    "corpus, seed \(seed)")
                w = KnowledgeJSON(pretty: pretty, indent: pretty ? "  " : "")
                w.dictionary(generator)
                #expect(
                    w.bytes == Array(try Self.encoder(pretty: pretty).encode(generator)).padded(pretty),
                    "generator, seed \(seed)")
            }
        }
    }

    /// The pipeline's own documents (the seeds and the text fixtures), both forms, against the encoder.
    @Test func pipelineDocumentsMatchTheEncoder() throws {
        let pipeline = try makePipeline()
        let seeds = repositoryRoot.appendingPathComponent("seeds")
        let files = try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted()
        #expect(files.count >= 2)
        for name in files {
            let bytes = try Array(Data(contentsOf: seeds.appendingPathComponent(name)))
            var processed = Document(id: name, path: name, bytes: bytes)
            try pipeline.process(&processed)
            let doc = KnowledgeDocument(processed)
            #expect(Array(KnowledgeJSON.line(doc)) == (try Self.reference(doc, pretty: false)), "\(name)")
            #expect(
                Array(KnowledgeJSON.pretty(doc, indent: "    ")) == (try Self.reference(doc, pretty: true)), "\(name)")
        }
    }
}

extension Array where Element == UInt8 {
    /// The encoder's pretty output with every line after the first indented by two spaces (the writer's `indent`).
    fileprivate func padded(_ pretty: Bool) -> [UInt8] {
        guard pretty else { return self }
        var out: [UInt8] = []
        for b in self {
            out.append(b)
            if b == 0x0A { out += [0x20, 0x20] }
        }
        return out
    }
}
