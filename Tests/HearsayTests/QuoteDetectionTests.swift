import Foundation
import Testing

@testable import Hearsay

/// Detection gaps of issue 20: PTB / LaTeX marks, a cue tied by a dash, the short first piece of a split quote,
/// nested quotes, and titles or scare words in marks. Sentences written by us.
@Suite struct QuoteDetectionTests {
    func run(_ text: String) throws -> Document { try process(text, stages: ["normalize", "segment", "attribute"]) }

    @Test func ptbAndLatexMarksOpenAndCloseQuotes() throws {
        let doc = try run(
            """
            Ana Ruiz runs the harbour. ``We will rebuild the pier this year,'' said Ruiz.

            She added: `The money is already there.'
            """)
        #expect(doc.quotes.map(\.text) == ["We will rebuild the pier this year,", "The money is already there."])
        #expect(doc.quotes.allSatisfy { $0.kind == .direct && doc.speakerName(of: $0) == "Ana Ruiz" })
        // An elision with a backtick is no opening mark when a space follows.
        let e = try run("The pier was built in the ` 90s, Ana Ruiz said.")
        #expect(e.quotes.allSatisfy { $0.kind == .indirect })
    }

    @Test func aDashTiesAQuoteToItsCue() throws {
        let a = try run("Ana Ruiz runs the harbour. \"The old pier will be rebuilt\"--said Ruiz on Monday.")
        let qa = try #require(a.quotes.first)
        #expect(qa.text == "The old pier will be rebuilt")
        #expect(a.speakerName(of: qa) == "Ana Ruiz")
        #expect(qa.attribution?.rule == "speaker.cue-after-inverted")
        // The clause after the dash opens with an adjunct of its own; its subject is the speaker.
        let b = try run(
            "“We have waited long enough for this pier”—In what was her first speech, Ana Ruiz promised a new one.")
        let qb = try #require(b.quotes.first { $0.kind == .direct })
        #expect(qb.text == "We have waited long enough for this pier")
        #expect(b.speakerName(of: qb) == "Ana Ruiz")
        #expect(qb.attribution?.rule == "speaker.cue-after-dash")
        // A dash followed by another quotation gives that quotation's cue to neither side.
        let c = try run(
            "Tom Reyes visited. “Ships come first” — “and people second,” the harbour master said, laughing.")
        #expect(c.quotes.first { $0.text.hasPrefix("Ships") }?.attribution?.rule != "speaker.cue-after-dash")
    }

    @Test func theShortFirstPieceOfASplitQuoteStaysInTheQuote() throws {
        for text in [
            "Ana Ruiz runs the harbour. “Hello,” she said, “how are you all doing this fine morning?”",
            "Ana Ruiz runs the harbour. “No!” she said. “We will never sell the pier to anyone.”",
            "“Yes,” said Tom Reyes, “the ferry leaves at noon on every weekday.”",
        ] {
            let doc = try run(text)
            #expect(doc.quotes.count == 1, "\(text)")
            let q = try #require(doc.quotes.first)
            #expect(q.fragments.count == 2, "\(text)")
            #expect(q.provenance.rule == "quote.split-by-cue", "\(text)")
            #expect(q.kind == .direct)
        }
    }

    @Test func nestedQuotesAreQuotesOfTheirOwnInsideTheirParent() throws {
        let doc = try run(
            """
            Ana Ruiz runs the harbour.

            “My father always told me ‘never give up on the sea,’ and I never did,” Ruiz said.
            """)
        #expect(doc.quotes.count == 1)
        let q = try #require(doc.quotes.first)
        // The parent stays whole, the inner words inside its text.
        #expect(q.text == "My father always told me ‘never give up on the sea,’ and I never did,")
        #expect(doc.speakerName(of: q) == "Ana Ruiz")
        let inner = try #require(q.nested?.first)
        #expect(q.nested?.count == 1)
        #expect(inner.id == "\(q.id).1")
        #expect(inner.parent == q.id)
        #expect(inner.text == "never give up on the sea,")
        #expect(inner.provenance.rule == "quote.nested")
        #expect(inner.speaker == nil)
        #expect(q.fragments[0].span.contains(inner.fragments[0].span))
        // Written as `nested` with `nested_in`.
        let data = try JSONEncoder().encode(q)
        let json = try #require(String(data: data, encoding: .utf8))
        #expect(json.contains("\"nested_in\":\"\(q.id)\""))
        // An empty quotation before a nested one does not shift the links between quotes.
        let e = try run(
            "Ana Ruiz runs the harbour. “I wrote ‘’ first, then ‘never again’ in the log,” Ruiz said. “Fine,” she added."
        )
        let qe = try #require(e.quotes.first)
        #expect(qe.nested?.map(\.text) == ["never again"])
        #expect(qe.nested?.first?.parent == qe.id)
        // A title inside a quote is no nested quote.
        let t = try run(
            "Ana Ruiz runs the harbour. “We all watched the film ‘Parasite’ on the ferry last night,” Ruiz said.")
        #expect(t.quotes.first?.nested == nil)
        #expect(t.quotes.first.flatMap { t.speakerName(of: $0) } == "Ana Ruiz")
    }

    @Test func titlesAndScareWordsInMarksAreNoQuotes() throws {
        // A scare word after "so-called" would otherwise take the cue that follows it.
        let a = try run(
            "Ana Ruiz runs the harbour. She mocked the so-called “experts”, said the board was wrong, and left.")
        #expect(!a.quotes.contains { $0.kind == .direct })
        let b = try run("Ana Ruiz runs the harbour. Her film “Harbour Lights” opened on Friday, the studio said.")
        #expect(!b.quotes.contains { $0.kind == .direct })
        // A longer quotation after such a word is still speech.
        let c = try run(
            "Ana Ruiz runs the harbour. She used the words “we will never sell this pier to anyone,” Ruiz said.")
        #expect(c.quotes.contains { $0.kind == .direct && $0.text.hasPrefix("we will never sell") })
    }

    @Test func refusalsAndExpressedViewsAreReportedSpeech() throws {
        // Two words are enough for a report ("declined to comment").
        let a = try run("Ana Ruiz runs the harbour. A spokesman for the port authority declined to comment.")
        let qa = try #require(a.quotes.first { $0.kind == .indirect })
        #expect(qa.text == "to comment")
        #expect(a.speakerName(of: qa) == "spokesman for the port authority")
        let b = try run("Mayor Tom Reyes expressed concern that the old pier would not survive another winter.")
        let qb = try #require(b.quotes.first { $0.kind == .indirect })
        #expect(qb.text.hasSuffix("the old pier would not survive another winter"))
        #expect(b.speakerName(of: qb) == "Tom Reyes")
        let c = try run("The harbour council refused to fund the new ferry terminal this year.")
        #expect(c.quotes.first { $0.kind == .indirect }?.text == "to fund the new ferry terminal this year")
        // A single word is still too little.
        let d = try run("Tom Reyes said no.")
        #expect(d.quotes.isEmpty)
    }
}
