import Foundation
import Testing

@testable import Hearsay

/// SplitMix64: a small seeded generator, so every run draws the same documents.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random news-like texts: names, cues, numbers, quote marks of every kind (balanced or not), abbreviations,
/// paragraph and line breaks, odd white space, accents (also as combining marks), CJK and emoji.
enum RandomText {
    static let pieces: [String] = [
        "Rosa Diaz", "Mike Pompeo", "the minister", "A TikTok spokesman", "He", "she", "they", "Secretary of State",
        "said", "told reporters", "according to", "added", "said on Tuesday", "warned", "says",
        "the", "a", "report", "prices", "rose", "fell", "market", "in", "of", "and", "that", "will", "not",
        "3", "$75 billion", "£58 billion", "12 percent", "1,000", "2.5", "one in four", "between 10 and 20",
        "more than 300", "July 11", "2020", "last week", "10:30 a.m.", "-4", "3.5%", "1990s", "twenty",
        "Mr.", "Dr.", "U.S.", "St.", "e.g.", "No.", "J.", "Inc.",
        "“", "”", "‘", "’", "\"", "'", "«", "»", "(", ")", "—", "–", "-", "...", "…",
        ".", ".", ".", ",", ",", ":", ";", "?", "!",
        "café", "cafe\u{301}", "na\u{308}ive", "Zürich", "北京", "東京都", "👍🏽", "🇬🇧", "Ωmega",
        "\n\n", "\n\n", "\n", "  ", "\t", "\u{A0}", "\u{2009}", "\r\n",
    ]

    static func make(_ rng: inout SeededGenerator, maxTokens: Int) -> String {
        let n = Int.random(in: 0...maxTokens, using: &rng)
        var out = ""
        for _ in 0..<n {
            out += pieces.randomElement(using: &rng)!
            if Int.random(in: 0..<4, using: &rng) != 0 { out += " " }
        }
        return out
    }
}

@Suite struct PropertyTests {
    /// The comparable content of a string: NFC, without white space and without characters Normalize drops.
    static func content(_ s: String) -> String {
        var v = String.UnicodeScalarView()
        for u in s.precomposedStringWithCanonicalMapping.unicodeScalars {
            if u.properties.isWhitespace || u.value < 0x20 || (u.value >= 0x7F && u.value < 0xA0) { continue }
            if u.properties.generalCategory == .format { continue }
            v.append(u)
        }
        return String(v)
    }

    /// Every element's text span and its source span say the same characters.
    static func sourceSpansProblems(_ doc: Document) -> [String] {
        var problems: [String] = []
        func check(_ what: String, _ span: Span, _ source: Span) {
            guard source.start >= 0, source.end <= doc.original.count, source.start <= source.end else { return }
            let original = String(decoding: doc.original[source.start..<source.end], as: UTF8.self)
            let a = content(original)
            let b = content(doc.string(span))
            if a != b { problems.append("\(what): text \(b.debugDescription) but source bytes \(a.debugDescription)") }
        }
        for s in doc.sentences { check("sentence \(s.id)", s.span, s.sourceSpan) }
        for q in doc.quotes {
            for f in q.fragments { check("quote \(q.id)", f.span, f.sourceSpan) }
            if let c = q.cue { check("cue of \(q.id)", c.span, c.sourceSpan) }
        }
        for c in doc.claims { check("claim \(c.id)", c.span, c.sourceSpan) }
        for sp in doc.speakers { for m in sp.mentions { check("mention of \(sp.id)", m.span, m.sourceSpan) } }
        return problems
    }

    static func html(_ text: String) -> String {
        let paragraphs = text.components(separatedBy: "\n\n")
        return "<html><body><article>" + paragraphs.map { "<p>" + $0 + "</p>\n" }.joined() + "</article></body></html>"
    }

    @Test func randomTextsKeepEverySpanInsideAndMappedToTheSameCharacters() throws {
        let pipeline = try makePipeline()
        var rng = SeededGenerator(seed: 0x4845_4152_5341_59)
        var processed = 0
        var quotes = 0
        var claims = 0
        for k in 0..<400 {
            let text = RandomText.make(&rng, maxTokens: k % 10 == 0 ? 600 : 120)
            let asHTML = k % 4 == 3
            let bytes = Array((asHTML ? Self.html(text) : text).utf8)
            let item = InputItem(id: "r\(k)", bytes: bytes, declaredMediaType: asHTML ? "text/html" : nil)
            guard case .success(let doc) = Batch.process(item, with: pipeline) else { continue }
            processed += 1
            quotes += doc.quotes.count
            claims += doc.claims.count
            let problems = doc.integrityProblems() + Self.sourceSpansProblems(doc)
            #expect(problems == [], "document \(k): \(text.debugDescription)")
            if !problems.isEmpty { break }
        }
        // The generator must reach the interesting paths, or the properties say little.
        #expect(processed > 300)
        #expect(quotes > 100)
        #expect(claims > 300)
    }

    @Test func randomTextsGiveTheSameBytesEveryRunAndOnAnyNumberOfThreads() throws {
        let pipeline = try makePipeline()
        var rng = SeededGenerator(seed: 7)
        let items = (0..<60).map { k in
            InputItem(id: "d\(k)", bytes: Array(RandomText.make(&rng, maxTokens: 200).utf8))
        }
        func render(jobs: Int) -> [Data] {
            var out: [Data] = []
            Batch.run(items, with: pipeline, jobs: jobs) { _, _, r in
                switch r {
                case .success(let d): out.append((try? KnowledgeEncoding.line(d)) ?? Data())
                case .failure(let e): out.append(Data(e.description.utf8))
                }
            }
            return out
        }
        let a = render(jobs: 1)
        #expect(a.count == items.count)
        #expect(render(jobs: 1) == a)
        #expect(render(jobs: 4) == a)
    }
}

@Suite struct PropertyRegressionTests {
    /// Found by the property test (as HTML): "according to" and a later "warned" both read the same clause as their report,
    /// giving two indirect quotes over the same words.
    @Test func twoCuesOverOneClauseGiveOneQuote() throws {
        let text =
            "in ’Ωmega » between 10 and 20 not a thethey of , , told reporters one in four of   ’ fell \n according to   2020 ,Rosa Diaztold reporters says \t-4 ,twenty » warned \n\n 3 北京she in3 twenty , \n 東京都’   2.5 fell Ωmega ,10:30 a.m. marketthe minister the ministerRosa Diazcafé— \n said ... a \r\n e.g. 👍🏽 according to ... not.according to    \r\n 3.5% they Rosa Diazaccording to one in four näive Mr. \t "
        let item = InputItem(id: "p.html", bytes: Array(PropertyTests.html(text).utf8), declaredMediaType: "text/html")
        let doc = try Batch.process(item, with: makePipeline()).get()
        #expect(!doc.quotes.isEmpty)
        #expect(doc.integrityProblems() == [])
    }
}
