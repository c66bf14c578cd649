import Foundation
import Testing

@testable import Hearsay

/// Indirect speech of issue 20 (spans on PolNeAR's training split): cues that report a stance or a plan, reports
/// with no source, long subjects before a cue. Sentences written by us.
@Suite struct IndirectSpanTests {
    func run(_ text: String) throws -> Document { try process(text, stages: ["normalize", "segment", "attribute"]) }

    func indirect(_ doc: Document) -> [Quote] { doc.quotes.filter { $0.kind == .indirect } }

    @Test func supportingAndPointingVerbsReportAStance() throws {
        let cases: [(String, String, String, String)] = [
            (
                "Ana Ruiz supported a plan to widen the harbour road.", "a plan to widen the harbour road", "Ana Ruiz",
                "support"
            ),
            (
                "Tom Reyes pointed to the falling ferry fares as proof of his policy.",
                "the falling ferry fares as proof of his policy", "Tom Reyes", "point to"
            ),
            ("Tom Reyes called for a new vote on the pier.", "a new vote on the pier", "Tom Reyes", "call for"),
            (
                "Ana Ruiz has discussed the ferry timetable with the unions.", "the ferry timetable with the unions",
                "Ana Ruiz", "discuss"
            ),
        ]
        for (text, content, speaker, lemma) in cases {
            let doc = try run(text)
            let q = try #require(indirect(doc).first, "\(text)")
            #expect(q.text == content, "\(text)")
            #expect(doc.speakerName(of: q) == speaker, "\(text)")
            #expect(q.cue?.lemma == lemma, "\(text)")
        }
        // A stance verb is no cue of a quote in marks: the quotation keeps the cue of saying.
        let doc = try run("Tom Reyes backed the pier. “It will pay for itself,” said Ana Ruiz.")
        let direct = try #require(doc.quotes.first { $0.kind == .direct })
        #expect(doc.speakerName(of: direct) == "Ana Ruiz")
    }

    @Test func aJudgmentWithNoSourceReportsItsWholeClause() throws {
        for (text, content) in [
            (
                "The harbour master seemed unsure of the tide tables.",
                "The harbour master seemed unsure of the tide tables"
            ),
            ("After the storm, the ferry is expected to leave at noon.", "the ferry is expected to leave at noon"),
            (
                "It appears that the council will not meet before June.",
                "It appears that the council will not meet before June"
            ),
        ] {
            let doc = try run(text)
            let q = try #require(indirect(doc).first, "\(text)")
            #expect(q.text == content, "\(text)")
            #expect(q.speaker == nil, "\(text)")
            #expect(q.provenance.rule == "quote.indirect-impersonal", "\(text)")
        }
        // A cue after it reports with its own subject; "appeared on" is no judgment.
        let a = try run("Ana Ruiz seemed to suggest that the pier would close.")
        let qa = try #require(indirect(a).first)
        #expect(qa.text == "that the pier would close")
        #expect(a.speakerName(of: qa) == "Ana Ruiz")
        #expect(try run("Ana Ruiz appeared on local radio on Monday.").quotes.isEmpty)
    }

    @Test func aClauseOpeningNounPhraseIsTheSourceWhenNoSpeakerPhraseIsRead() throws {
        let doc = try run("But early survey data suggests that the ferry lost half its riders.")
        let q = try #require(indirect(doc).first)
        #expect(q.text == "that the ferry lost half its riders")
        #expect(q.provenance.rule == "quote.indirect-long-subject")
        #expect(doc.speakerName(of: q) == "early survey data")
        // A cue word after a lone lower-case word and before a preposition is a noun ("received support from").
        #expect(indirect(try run("They received support from six in ten voters.")).isEmpty)
    }

    @Test func theObjectOfABeliefCueEndsAtItsComma() throws {
        let doc = try run("Ana Ruiz endorsed the new harbour plan, a stance most of the council took later.")
        let q = try #require(indirect(doc).first)
        #expect(q.text == "the new harbour plan")
        // A clause with a complementizer runs on past the comma.
        let b = try run("Ana Ruiz believes that the pier, which is old, should close.")
        #expect(indirect(b).first?.text == "that the pier, which is old, should close")
    }

    @Test func aQuestionPutBySomeoneUnnamedIsReportedWithNoSpeaker() throws {
        let doc = try run("Asked whether the pier would close, Ana Ruiz said it would not.")
        let q = try #require(doc.quotes.first { $0.provenance.rule == "quote.indirect-question" })
        #expect(q.text == "whether the pier would close")
        #expect(q.speaker == nil)
        let answer = try #require(doc.quotes.first { $0.text == "it would not" })
        #expect(doc.speakerName(of: answer) == "Ana Ruiz")
        // With a subject the participle is a cue of its own: "Ruiz asked whether ..." is Ruiz's question.
        let b = try run("Ana Ruiz asked whether the pier would close.")
        #expect(b.quotes.first?.provenance.rule != "quote.indirect-question")
        #expect(b.quotes.first.flatMap { b.speakerName(of: $0) } == "Ana Ruiz")
    }

    // Issue 20, indirect reports: cue shapes whose subject no reader took.

    @Test func aNegatedCueReadsItsSubject() throws {
        let cases: [(String, String, String)] = [
            ("Tom Reyes did not reveal which pier would close first.", "which pier would close first", "Tom Reyes"),
            ("Ana Ruiz does not think the ferry will pay for itself.", "the ferry will pay for itself", "Ana Ruiz"),
            ("Tom Reyes didn’t say whether the ferry would run.", "whether the ferry would run", "Tom Reyes"),
            ("Dockworkers tend to favor the longer summer shifts.", "the longer summer shifts", "Dockworkers"),
        ]
        for (text, content, speaker) in cases {
            let doc = try run(text)
            let q = try #require(indirect(doc).first, "\(text)")
            #expect(q.text == content, "\(text)")
            #expect(doc.speakerName(of: q) == speaker, "\(text)")
        }
    }

    @Test func aPassiveCueWithNoAgentReportsItsClause() throws {
        for text in [
            "Direct mail is considered an effective way to reach older voters.",
            "The harbour plan has now been widely viewed as too costly.",
        ] {
            let doc = try run(text)
            let q = try #require(indirect(doc).first, "\(text)")
            #expect(q.text + "." == text, "\(text)")
            #expect(q.speaker == nil, "\(text)")
            #expect(q.provenance.rule == "quote.indirect-passive", "\(text)")
        }
        // An agent names the source; a cue that takes a person as its object is no passive report.
        #expect(indirect(try run("The harbour plan was viewed by the dockworkers as too costly.")).isEmpty)
        let told = try run("Ana Ruiz was told that the pier would close.")
        #expect(told.quotes.allSatisfy { $0.provenance.rule != "quote.indirect-passive" })
    }

    @Test func aRelativePronounTakesTheNounPhraseBeforeIt() throws {
        let a = try run("The rally drew those who fear the ferry will close.")
        let qa = try #require(indirect(a).first)
        #expect(qa.text == "the ferry will close")
        #expect(a.speakerName(of: qa) == "those")
        let b = try run("The town was shocked by a gunman who expressed sympathy for the rebels.")
        let qb = try #require(indirect(b).first)
        #expect(qb.text == "sympathy for the rebels")
        #expect(qb.provenance.rule == "quote.indirect-relative")
    }

    @Test func aParticipleWhoseSubjectNoReaderTakesStillReports() throws {
        // The clause's subject is behind an aside no reader crosses: the report stands without a speaker.
        let doc = try run(
            "The harbour board, meeting for the last time in June, closed the pier, warning that it would not reopen.")
        let q = try #require(indirect(doc).first)
        #expect(q.text == "that it would not reopen")
        #expect(q.provenance.rule == "quote.indirect-unsourced")
        #expect(q.speaker == nil)
        // A cue before a complementizer whose subject stands behind an auxiliary.
        let c = try run("Ferry pilots are worried that the pier will not reopen.")
        let qc = try #require(indirect(c).first)
        #expect(qc.text == "that the pier will not reopen")
        #expect(qc.provenance.rule == "quote.indirect-unsourced")
        // The participle reader takes the subject after an opening adverb ("Then Ana Ruiz ..., warning that ...").
        let d = try run("Then Ana Ruiz closed the meeting early, warning that the pier would not reopen.")
        let qd = try #require(indirect(d).first)
        #expect(qd.text == "that the pier would not reopen")
        #expect(d.speakerName(of: qd) == "Ana Ruiz")
        // Tried after the cues with a subject: a later cue keeps its own clause and speaker.
        let b = try run("Tom Reyes said the pier, warning that it was old, would close.")
        let qb = try #require(indirect(b).first)
        #expect(b.speakerName(of: qb) == "Tom Reyes")
        #expect(qb.provenance.rule == "quote.indirect-cue-before")
    }

    @Test func aDashAsideInsideAReportDoesNotEndIt() throws {
        let doc = try run(
            "Tom Reyes noted that ferry traffic - about 900 cars a day in June - already exceeds the target.")
        #expect(
            indirect(doc).first?.text
                == "that ferry traffic - about 900 cars a day in June - already exceeds the target")
        // A single dash still ends the report.
        let b = try run("Tom Reyes noted that ferry traffic had fallen - a worry for the port.")
        #expect(indirect(b).first?.text == "that ferry traffic had fallen")
    }

    // Issue 20, fourth round (indirect reports).

    @Test func aLoneGroupWordBeforeACueIsItsSpeaker() throws {
        let cases: [(String, String, String)] = [
            ("Many fear the harbour board will sell the ferries.", "the harbour board will sell the ferries", "Many"),
            ("And some say the pier was never safe.", "the pier was never safe", "some"),
            ("But both have argued that the port must stay open.", "that the port must stay open", "both"),
        ]
        for (text, content, speaker) in cases {
            let doc = try run(text)
            let q = try #require(indirect(doc).first, "\(text)")
            #expect(q.text == content, "\(text)")
            #expect(q.speakerMention.map { doc.string($0) } == speaker, "\(text)")
        }
        // One source says one figure, another a second one.
        let doc = try run("One harbour clerk says the ferry carries 900 cars a day, another says it carries 700.")
        #expect(indirect(doc).map(\.text) == ["the ferry carries 900 cars a day", "it carries 700"])
        // A word outside the list is no speaker on its own ("All agreed ..." reads nothing).
        #expect(indirect(try run("All agreed the pier should close.")).isEmpty)
    }

    @Test func namingLikeningAndBaseFormsReport() throws {
        let cases: [(String, String, String, String)] = [
            (
                "Ana Ruiz likened the new ferry to a floating hotel.", "the new ferry to a floating hotel", "Ana Ruiz",
                "liken"
            ),
            (
                "Tom Reyes charged that the harbour board had hidden the costs.",
                "that the harbour board had hidden the costs", "Tom Reyes", "charge"
            ),
            ("Ana Ruiz is seeking a second vote on the pier.", "a second vote on the pier", "Ana Ruiz", "seek"),
            (
                "Ferry pilots see the new timetable as a step back.", "the new timetable as a step back",
                "Ferry pilots", "see"
            ),
        ]
        for (text, content, speaker, lemma) in cases {
            let doc = try run(text)
            let q = try #require(indirect(doc).first, "\(text)")
            #expect(q.text == content, "\(text)")
            #expect(q.speakerMention.map { doc.string($0) } == speaker, "\(text)")
            #expect(q.cue?.lemma == lemma, "\(text)")
        }
        // "charged" still attributes a quote in marks.
        let a = try run("“The board hid the costs,” Tom Reyes charged.")
        let qa = try #require(a.quotes.first { $0.kind == .direct })
        #expect(a.speakerName(of: qa) == "Tom Reyes")
        // The nouns "comments" and "charge" are no cues: the quote keeps the cue of saying.
        let b = try run("Tom Reyes’s comments were “deeply unfair,” Ana Ruiz said.")
        let qb = try #require(b.quotes.first { $0.kind != .indirect })
        #expect(b.speakerName(of: qb) == "Ana Ruiz")
    }

    @Test func aParticleOrAnAgentAfterTheCueMakesNoReport() throws {
        for text in [
            "Some pilots signed up for the new evening shifts.",
            "The ferry plan lost support among the dockworkers last year.",
            "Exit polls reported by the networks showed a close race.",
        ] {
            #expect(indirect(try run(text)).isEmpty, "\(text)")
        }
        // An agent before a verb in -ing opens the report.
        let doc = try run("Ana Ruiz responded by closing the pier for a week.")
        #expect(indirect(doc).first?.text == "by closing the pier for a week")
    }

    @Test func aPromiseTakesItsInfinitive() throws {
        let doc = try run("Ana Ruiz vowed to stay in the race through that contest.")
        #expect(indirect(doc).first?.text == "to stay in the race through that contest")
        let b = try run("While Ana Ruiz has pledged to support Tom Reyes, Ada Okoro suggested that she would not.")
        #expect(indirect(b).map(\.text) == ["to support Tom Reyes", "that she would not"])
        // With an object and no infinitive, the report starts at the complementizer.
        let c = try run("Ana Ruiz promised the pilots that the pier would stay open.")
        #expect(indirect(c).first?.text == "that the pier would stay open")
    }
}
