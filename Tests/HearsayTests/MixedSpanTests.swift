import Foundation
import Testing

@testable import Hearsay

/// Direct and mixed quote spans of issue 20 (the mixed round): how many pieces a split quote joins, where a mixed
/// quote's reported clause ends after a closing mark, and a quotation inside a clause reported by a cue after a comma.
/// Sentences written by us.
@Suite struct MixedSpanTests {
    func run(_ text: String) throws -> Document { try process(text, stages: ["normalize", "segment", "attribute"]) }

    @Test func aSplitQuoteJoinsTwoPiecesAndAPieceAfterASecondCueStandsAlone() throws {
        let doc = try run(
            """
            Ana Ruiz runs the harbour.

            “The pier is old,” Ruiz said, “and the ferry is late,” she added. “We will fix both by June,” she said.
            """)
        let direct = doc.quotes.filter { $0.kind == .direct }
        #expect(direct.count == 2)
        let first = try #require(direct.first)
        #expect(first.fragments.count == 2)
        #expect(first.provenance.rule == "quote.split-by-cue")
        #expect(first.text.hasPrefix("The pier is old,"))
        #expect(first.text.hasSuffix("and the ferry is late,"))
        let second = try #require(direct.last)
        #expect(second.text == "We will fix both by June,")
        #expect(doc.speakerName(of: second) == "Ana Ruiz")
        // Two pieces around one cue stay one quote.
        let two = try run("Ana Ruiz runs the harbour. “The pier is old,” Ruiz said, “and the ferry is late.”")
        #expect(two.quotes.count == 1)
        #expect(two.quotes.first?.fragments.count == 2)
        // The limit is data: with three pieces allowed the third joins again.
        let pipeline = try makePipeline(
            ["normalize", "segment", "attribute"], extra: "\"attribute\": {\"split_max_pieces\": 3}")
        let text =
            "Ana Ruiz runs the harbour. “The pier is old,” Ruiz said, “and the ferry is late,” she added, “so we wait.”"
        var three = Document(id: "test.txt", path: "test.txt", bytes: Array(text.utf8))
        try pipeline.process(&three)
        #expect(three.quotes.filter { $0.kind == .direct }.map(\.fragments.count) == [3])
    }

    @Test func aMixedClauseEndsAtAClosingMarkBeforeANewClause() throws {
        // After the quotation's own comma, a word of `clause_breaks` opens a new clause.
        let a = try run("Mayor Ana Ruiz argued that the old pier was “never safe,” adding that the port knew it.")
        let qa = try #require(a.quotes.first { $0.kind == .mixed })
        #expect(qa.text == "that the old pier was “never safe,")
        #expect(a.speakerName(of: qa) == "Ana Ruiz")
        // Another participle stays inside ("were ‘well-paid,’ making ..." is one clause as often as two).
        let p = try run("Mayor Ana Ruiz argued that the old pier was “never safe,” citing a report from the port.")
        #expect(
            p.quotes.first { $0.kind == .mixed }?.text
                == "that the old pier was “never safe,” citing a report from the port")
        // A mixed report of a belief cue (found with the indirect reports) ends at the mark in the same way.
        let e = try run("Mayor Ana Ruiz hailed the new harbour plan as “fantastic,” which surprised the pilots.")
        let qe = try #require(e.quotes.first { $0.kind == .mixed })
        #expect(qe.provenance.rule == "quote.indirect-cue-before")
        #expect(qe.text == "the new harbour plan as “fantastic")
        // "and" with a verb in -ed after the closing mark: a second predicate, not the reported clause.
        let b = try run("Mayor Tom Reyes called the new fares “a scandal” and boycotted the vote on Monday.")
        let qb = try #require(b.quotes.first { $0.kind == .mixed })
        #expect(qb.text == "the new fares “a scandal")  // closing marks at a mixed quote's end are left out
        // A clause that goes on after the mark with words of its own keeps them.
        let c = try run("Mayor Tom Reyes said the ferry was “late again” for the third week in a row.")
        let qc = try #require(c.quotes.first { $0.kind == .mixed })
        #expect(qc.text == "the ferry was “late again” for the third week in a row")
        // "and" before a word that is no verb in -ed or -ing stays inside ("“safe” and sound").
        let d = try run("Mayor Tom Reyes said the old pier was “perfectly safe” and sound after the storm.")
        let qd = try #require(d.quotes.first { $0.kind == .mixed })
        #expect(qd.text == "the old pier was “perfectly safe” and sound after the storm")
    }

    @Test func aQuotationInAClauseReportedByALaterCueIsMixed() throws {
        let a = try run(
            """
            The storm closed the harbour on Sunday.

            “Boots on the ground” would be the right answer, harbour master Ana Ruiz said after the storm.
            """)
        let qa = try #require(a.quotes.first)
        #expect(a.quotes.count == 1)
        #expect(qa.kind == .mixed)
        #expect(qa.text == "“Boots on the ground” would be the right answer")
        #expect(a.speakerName(of: qa) == "Ana Ruiz")
        #expect(qa.attribution?.rule == "speaker.cue-after-clause")
        // The quotation inside the clause; the cue's adjunct does not become an indirect report of its own.
        let b = try run(
            "Ana Ruiz spoke on Monday. Ferry pilots had “put the biggest dent” yet in the old timetable, she said in a radio interview."
        )
        let qb = try #require(b.quotes.first { $0.kind != .indirect })
        #expect(qb.kind == .mixed)
        #expect(qb.text == "Ferry pilots had “put the biggest dent” yet in the old timetable")
        #expect(b.speakerName(of: qb) == "Ana Ruiz")
        #expect(!b.quotes.contains { $0.kind == .indirect })
        // A quotation that ends in a comma is a direct quote whose cue follows, never such a clause.
        let c = try run("“We will appeal the ruling,” the harbour board, which met on Monday, said.")
        #expect(!c.quotes.isEmpty)
        #expect(!c.quotes.contains { $0.attribution?.rule == "speaker.cue-after-clause" })
        // A cue that goes on with a clause of its own reports that clause, not the one before the comma.
        let d = try run("Ana Ruiz spoke. The “new” timetable is late, she said that the pilots were tired.")
        #expect(!d.quotes.contains { $0.attribution?.rule == "speaker.cue-after-clause" })
    }

    @Test func aSpeakerBeforeAnAsideThatRunsToTheCue() throws {
        for text in [
            "Ana Ruiz, who lives outside the port town, Duluth, said that pilots would “take this fight to the board.”",
            "Ana Ruiz, meanwhile, who lives outside the port town, Duluth, said the pier was “unsafe” in winter.",
        ] {
            let doc = try run(text)
            let q = try #require(doc.quotes.first { $0.kind == .mixed }, "\(text)")
            #expect(doc.speakerName(of: q) == "Ana Ruiz", "\(text)")
            #expect(q.attribution?.rule == "speaker.cue-before-mixed", "\(text)")
        }
        // An aside that holds a cue of its own is no such aside.
        let d = try run("Ana Ruiz, who told the pilots that the pier was old, said the ferry was “late” again.")
        #expect(d.quotes.first { $0.kind == .mixed }.flatMap { d.speakerName(of: $0) } != "pilots")
    }

    @Test func aCommaInsideAReportedClauseIntroducesNoDirectQuote() throws {
        let a = try run(
            "Harbour master Tom Reyes argued that as the ferry ties deepen, “the port will grow stronger every single year.”"
        )
        let qa = try #require(a.quotes.first)
        #expect(qa.kind == .mixed)
        #expect(qa.text == "that as the ferry ties deepen, “the port will grow stronger every single year.")
        #expect(a.speakerName(of: qa) == "Tom Reyes")
        // A comma after the cue and an adjunct still introduces a direct quote.
        let b = try run("Harbour master Tom Reyes said on Monday, “The port will grow stronger every single year.”")
        #expect(b.quotes.first?.kind == .direct)
        #expect(b.quotes.first?.text == "The port will grow stronger every single year.")
    }

    @Test func aQuotationAfterWordsOfItsClauseIsMixedWhenItsCueFollows() throws {
        let a = try run(
            "Ana Ruiz spoke on Monday. The pilots are less likely to be “swayed by the new fares,” Ruiz said.")
        let qa = try #require(a.quotes.first)
        #expect(qa.kind == .mixed)
        #expect(qa.text == "The pilots are less likely to be “swayed by the new fares")
        #expect(a.speakerName(of: qa) == "Ana Ruiz")
        // A quotation that opens its sentence stays direct; a name in marks is no clause of speech.
        let b = try run("Ana Ruiz spoke on Monday. “The pilots are tired,” Ruiz said.")
        #expect(b.quotes.first?.kind == .direct)
        let c = try run(
            "Ana Ruiz spoke on Monday. Speaking on Harbour Radio’s “Tidewatch,” Ruiz said the pier would close.")
        #expect(!c.quotes.contains { $0.text.hasPrefix("Speaking on") })
    }
}
