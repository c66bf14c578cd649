import Foundation
import Testing

@testable import Hearsay

/// Issue 20, the cue side of attribution: quotes that go on after the sentence of their cue, and quotes introduced
/// by a clause and a colon. Sentences written by us.
@Suite struct CueReadingTests {
    func run(_ text: String) throws -> Document { try process(text, stages: ["normalize", "segment", "attribute"]) }

    @Test func aQuoteAfterTheSentenceOfItsCueGoesOnWithTheQuoteBefore() throws {
        for text in [
            "“We will rebuild the pier before the summer,” Ana Ruiz said during a long interview on the radio on "
                + "Sunday, when the storm had passed and the boats were back in the water at last. “The money is "
                + "there and the plans are ready.”",
            "“The tide is high,” Ana Ruiz said on “Harbour Hour.” “We will wait for the morning.”",
            "“The ferries are old,” said Ana Ruiz, who has run the harbour office for twenty years, ever since the "
                + "storm of the old century closed it for a whole winter. “We need new ones.”",
        ] {
            let doc = try run(text)
            let direct = doc.quotes.filter { $0.kind == .direct }
            #expect(direct.count == 1, "\(text)")
            let q = try #require(direct.first)
            #expect(q.fragments.count == 2, "\(text)")
            #expect(q.provenance.rule == "quote.split-after-cue", "\(text)")
            #expect(doc.speakerName(of: q) == "Ana Ruiz", "\(text)")
        }
        // A second cue that adds more speech between the two makes them two quotes, both hers.
        let added = try run(
            "“The fares will stay the same,” Ana Ruiz said, adding that the council had agreed to the plan. “We will "
                + "not raise them this year or the next.”")
        let two = added.quotes.filter { $0.kind == .direct }
        #expect(two.count == 2)
        #expect(two.allSatisfy { added.speakerName(of: $0) == "Ana Ruiz" })
        #expect(two.last?.attribution?.rule == "speaker.after-cue-sentence")
        // A quote two sentences on, or one whose cue came before it, is no continuation.
        let apart = try run(
            "“The fares will stay the same,” Ana Ruiz said on Sunday. Tom Reyes runs the ferries. “We will not "
                + "raise them this year or the next.”")
        #expect(apart.quotes.filter { $0.provenance.rule == "quote.split-after-cue" }.isEmpty)
    }

    @Test func aClauseAndAColonIntroduceAQuoteByItsSubject() throws {
        let doc = try run(
            """
            Ana Ruiz runs the harbour office. In a radio interview on Sunday, Ruiz went even further: “The pier \
            will be rebuilt before the summer, whatever the council decides.”

            The ferries are late again. Fares rose twice - Tom Reyes: “Nobody wants to pay more for a slower boat.”
            """)
        let quotes = doc.quotes.filter { $0.kind == .direct }
        #expect(quotes.count == 2)
        #expect(quotes.map { doc.speakerName(of: $0) } == ["Ana Ruiz", "Tom Reyes"])
        #expect(quotes.allSatisfy { $0.attribution?.rule == "speaker.colon-clause" })
        // A clause that opens with no subject names no one ("Here is the plan: ..."): the quote stands alone.
        let none = try run("Here is the full text of the plan: “The pier will be rebuilt before the summer comes.”")
        #expect(none.quotes.allSatisfy { $0.attribution?.rule != "speaker.colon-clause" })
        // The colon ends a clause with a subject of its own: the subject opening the sentence did not say it.
        let embedded = try run(
            "Ana Ruiz ran the harbour. She grew so upset that I had to change my answer: “Of course the pier "
                + "will be rebuilt before the summer.”")
        #expect(embedded.quotes.allSatisfy { $0.attribution?.rule != "speaker.colon-clause" })
    }

    @Test func aParagraphEndingInAColonIntroducesTheNextOne() throws {
        let doc = try run(
            """
            The harbour closed in May. When the storm passed, Mayor Tom Reyes released the following statement:

            “We thank the families of the fishermen. The docks will open again before the summer.”

            Stated Ana Ruiz:

            “The pier will be rebuilt with the money the council has set aside for it.”
            """)
        let quotes = doc.quotes.filter { $0.kind == .direct }
        #expect(quotes.map { doc.speakerName(of: $0) } == ["Tom Reyes", "Ana Ruiz"])
        #expect(quotes.first?.attribution?.rule == "speaker.colon-clause")
        #expect(quotes.last?.attribution?.rule == "speaker.colon-previous-paragraph")
    }

    @Test func aLongAsideBetweenTheQuoteAndItsCueKeepsTheSpeaker() throws {
        let doc = try run(
            "“We have had better seasons than this one,” Tom Reyes, the pilot who has run the night ferry across "
                + "the bay for twenty years, said quietly as the boats came in.")
        let q = try #require(doc.quotes.first { $0.kind == .direct })
        #expect(doc.speakerName(of: q) == "Tom Reyes")
        #expect(q.attribution?.rule == "speaker.cue-after")
    }

    @Test func participlesAndInvertedCuesFindTheirSpeaker() throws {
        // A coordinator opening the sentence is no adjunct closed by a comma.
        let a = try run(
            "Tom Reyes spoke at the pier. And then Reyes went on the attack, saying, “The council has failed the "
                + "fishermen of this town for years.”")
        #expect(a.quotes.first.map { a.speakerName(of: $0) } == "Tom Reyes")
        // No comma closes the adverbial: the subject stands before the verb the preposition follows.
        let b = try run(
            "Judge Ana Ruiz called a recess. When she returned she began by saying, “I do not think the man has to "
                + "go to jail.”")
        let qb = try #require(b.quotes.first { $0.kind == .direct })
        #expect(b.speakerName(of: qb) == "Ana Ruiz")
        // A cue that opens its sentence has its speaker after it.
        let c = try run(
            "The pier was rebuilt in May. Said Ana Ruiz, who grew up near the old docks, “We were all so proud of "
                + "the town that day.”")
        let qc = try #require(c.quotes.first { $0.kind == .direct })
        #expect(c.speakerName(of: qc) == "Ana Ruiz")
    }

    @Test func aQuotationInTitleCaseFollowedByItsCueIsSpeech() throws {
        let doc = try run("Tom Reyes runs the ferries. “He’s Doing It The Harbour Board Way,” he said.")
        let q = try #require(doc.quotes.first)
        #expect(q.kind == .direct)
        #expect(doc.speakerName(of: q) == "Tom Reyes")
        // The name of a show inside a sentence stays a title.
        let show = try run("On “Harbour Hour,” Tom Reyes said the ferries would run late.")
        #expect(show.quotes.allSatisfy { $0.kind == .indirect })
    }

    @Test func aParticipleAfterAQuoteIsNeverAnInvertedCue() throws {
        let doc = try run(
            "The Harbour Trust did not want to answer “that letter,” telling Radio North that the pier comes first.")
        #expect(doc.quotes.allSatisfy { doc.speakerName(of: $0) != "Radio North" })
        // A plain inverted cue still reads its speaker after it.
        let inverted = try run("“The pier comes first,” said Tom Reyes, the harbour master.")
        #expect(inverted.quotes.first.map { inverted.speakerName(of: $0) } == "Tom Reyes")
    }

    @Test func theMannerOfSayingIntroducesQuotesButReportsNothing() throws {
        let doc = try run("Tom Reyes ran to the pier. “This is fantastic!” beamed Ana Ruiz, the harbour master.")
        let q = try #require(doc.quotes.first)
        #expect(doc.speakerName(of: q) == "Ana Ruiz")
        #expect(q.cue?.lemma == "beam")
        // Without marks it is no report.
        let plain = try run("The harbour lights beamed across the bay while the old engines boomed.")
        #expect(plain.quotes.isEmpty)
    }

    @Test func anInvertedCueReadsADescriptionNoNameReaderTakes() throws {
        let doc = try run(
            "The ferry was late again. “The harbour is, and always has been, a place for everyone,” said the "
                + "46-year-old. “Now it should be ours again.”")
        let q = try #require(doc.quotes.first)
        #expect(q.fragments.count == 2)
        #expect(doc.speakerName(of: q) == "46-year-old")
        #expect(q.attribution?.rule == "speaker.description")
        let after = try run("“We were never told,” said one Duluth fisherman, shaking his head.")
        #expect(after.quotes.first.map { after.speakerName(of: $0) ?? "" }?.contains("fisherman") == true)
    }
}
