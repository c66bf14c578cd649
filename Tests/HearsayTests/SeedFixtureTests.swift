import Foundation
import Testing

@testable import Hearsay

/// The end-to-end goldens: `Fixtures/seeds/<seed>.knowledge.json` hold the quotes and claims of each seed as a
/// person reviewed them — every quote with its kind, speaker and number of fragments, every claim with its value
/// and unit. An entry with `"known_gap"` records the right answer that the pipeline does not give yet (the note says
/// what it gives); it is not compared. Any other difference fails, and so does a quote or claim the fixture does not
/// list. `RECORD_SEED_FIXTURES=1` writes what the pipeline gives next to the fixture as `.new` for review — and still
/// fails.
@Suite struct SeedFixtureTests {
    struct QuoteEntry: Codable, Equatable {
        var text: String
        var kind: String
        var speaker: String?
        var fragments: Int
        var knownGap: String?
        enum CodingKeys: String, CodingKey { case text, kind, speaker, fragments, knownGap = "known_gap" }
    }

    struct ClaimEntry: Codable, Equatable {
        var text: String
        var kind: String
        /// A number; null for a date or time, whose TIMEX string is `timex` (as the knowledge file writes them).
        var value: ClaimValue?
        var timex: String?
        var valueMax: ClaimValue?
        var unit: String?
        var qualifier: String?
        var equivalents: [String]
        var speaker: String?
        var knownGap: String?
        enum CodingKeys: String, CodingKey {
            case text, kind, value, timex, valueMax = "value_max", unit, qualifier, equivalents, speaker, knownGap =
                "known_gap"
        }
    }

    struct Fixture: Codable {
        var seed: String
        var review: String
        var removedRules: [String: Int]
        var quotes: [QuoteEntry]
        var claims: [ClaimEntry]
        enum CodingKeys: String, CodingKey { case seed, review, removedRules = "removed_rules", quotes, claims }
    }

    static let seeds = ["000_6efc6b7ecacdcf92.txt", "002_04df36bdc83da559.txt"]

    /// The first 60 characters of a quote: its key in the fixture.
    static func key(_ text: String) -> String { String(text.prefix(60)) }

    static func summarize(_ doc: Document) -> Fixture {
        let names = Dictionary(uniqueKeysWithValues: doc.speakers.map { ($0.id, $0.name) })
        // The speaker is the quote's own `speaker_name`, which must be its speaker's name.
        let quotes = doc.quotes.map {
            QuoteEntry(
                text: key($0.text), kind: $0.kind.rawValue,
                speaker: $0.speakerName == $0.speaker.flatMap { names[$0] } ? $0.speakerName : "speaker_name differs",
                fragments: $0.fragments.count, knownGap: nil)
        }
        let claims = doc.claims.map {
            ClaimEntry(
                text: $0.text, kind: $0.kind.rawValue, value: $0.timex == nil ? $0.value : nil, timex: $0.timex,
                valueMax: $0.valueMax, unit: $0.unit,
                qualifier: $0.qualifier,
                equivalents: $0.equivalents.map { "\($0.text) = \($0.value) \($0.unit ?? "")" },
                speaker: $0.speaker.flatMap { names[$0] }, knownGap: nil)
        }
        var rules: [String: Int] = [:]
        for r in doc.removed { rules[r.rule, default: 0] += 1 }
        return Fixture(seed: doc.id, review: "", removedRules: rules, quotes: quotes, claims: claims)
    }

    @Test(arguments: seeds) func seedMatchesItsReviewedFixture(_ seed: String) throws {
        let url = repositoryRoot.appendingPathComponent("seeds").appendingPathComponent(seed)
        let pipeline = try makePipeline()
        var doc = Document(id: seed, path: "seeds/" + seed, bytes: [UInt8](try Data(contentsOf: url)))
        try pipeline.process(&doc)
        let got = Self.summarize(doc)
        let fixtureURL = fixtureURL("seeds/" + (seed as NSString).deletingPathExtension + ".knowledge.json")
        if ProcessInfo.processInfo.environment["RECORD_SEED_FIXTURES"] != nil {
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try e.encode(got).write(to: fixtureURL.appendingPathExtension("new"))
            Issue.record("wrote \(fixtureURL.path).new: review it, then move it over the fixture")
            return
        }
        let want = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: fixtureURL))
        #expect(got.removedRules == want.removedRules)

        // Quotes: every reviewed quote is found as reviewed; nothing unreviewed appears.
        for w in want.quotes where w.knownGap == nil {
            let g = got.quotes.first { $0.text == w.text }
            #expect(g != nil, "missing quote: \(w.text)")
            if let g { #expect(g == w, "quote differs: \(w.text)") }
        }
        for g in got.quotes where !want.quotes.contains(where: { $0.text == g.text }) {
            Issue.record("quote not in the reviewed fixture: \(g.text) (\(g.kind), \(g.speaker ?? "no speaker"))")
        }

        // Claims, matched by surface text in order of appearance.
        var pool = got.claims
        for w in want.claims {
            guard let i = pool.firstIndex(where: { $0.text == w.text }) else {
                // A known gap that no longer appears was closed: the fixture must say so (drop the entry, or
                // write the right answer) so that a reviewed file never describes an old behaviour.
                Issue.record(
                    w.knownGap == nil ? "missing claim: \(w.text)" : "known gap closed, update the fixture: \(w.text)")
                continue
            }
            let g = pool.remove(at: i)
            if w.knownGap == nil { #expect(g == w, "claim differs: \(w.text)") }
        }
        for g in pool {
            Issue.record(
                "claim not in the reviewed fixture: \(g.text) = \(g.value ?? .text(g.timex ?? "")) \(g.unit ?? "")")
        }
    }
}
