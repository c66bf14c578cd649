import Testing

@testable import Hearsay

/// Subjects and changes of claims (``ClaimContext``), on sentences written for these tests.
@Suite struct ClaimContextTests {
    static let stage: ClaimExtractor = try! ClaimExtractor(config: .init(), resources: ResourceLoader())

    func claims(_ text: String) throws -> [Claim] {
        var doc = Document.fromCleanText(text)
        try Self.stage.run(&doc)
        return doc.claims
    }

    func subjects(_ text: String) throws -> [String?] { try claims(text).map { $0.subject?.text } }

    @Test func countedNounIsTheSubject() throws {
        let c = try claims("The app now has 800 million active users.")
        #expect(c.first?.subject?.text == "active users")
        #expect(c.first?.subject?.rule == "claims.subject-counted")
    }

    @Test func ofPhraseIsTheSubject() throws {
        let c = try claims("Nearly 40% of registered voters backed the plan.")
        #expect(c.first?.subject?.text == "registered voters")
        #expect(c.first?.subject?.rule == "claims.subject-of")
    }

    @Test func modifiedNounIsTheSubject() throws {
        let c = try claims("The ministry cancelled a $10 billion cloud-computing contract in May.")
        #expect(c.first?.subject?.text == "cloud-computing contract")
        #expect(c.first?.subject?.rule == "claims.subject-modified")
    }

    @Test func nounBeforeOfIsTheSubject() throws {
        let c = try claims("The region reported a jobless rate of 4.1% in March.")
        #expect(c.first?.subject?.text == "jobless rate")
        #expect(c.first?.subject?.rule == "claims.subject-noun-of")
    }

    @Test func subjectOfALinkingOrTrendVerb() throws {
        #expect(try subjects("The startup is now worth $75 billion.") == ["startup"])
        // Both amounts belong to the subject of "rose": the change and the level reached.
        #expect(try subjects("Net revenue rose 5% to $3 billion.") == ["Net revenue", "Net revenue"])
        // An auxiliary between the subject and the verb is stepped over.
        #expect(try subjects("Ticket sales have already fallen by 12%.") == ["Ticket sales"])
    }

    @Test func noSubjectWithoutEvidence() throws {
        // A bare amount in a list has nothing to measure: no guess is made.
        let c = try claims("Prices: 12, 15 and 18.")
        #expect(c.allSatisfy { $0.subject == nil })
        // Dates never get one.
        #expect(try claims("The vote is on July 10.").allSatisfy { $0.subject == nil && $0.change == nil })
    }

    @Test func trendVerbsGiveTheChange() throws {
        let c = try claims("Net revenue rose 5% to $3 billion, while costs fell by 2%.")
        #expect(c.map(\.change) == ["up", nil, "down"])
        #expect(try claims("Shares were down 3% before the bell.").first?.change == "down")
        #expect(try claims("Oil closed at $58 a barrel, up 19 cents.").map(\.change) == [nil, "up"])
    }

    @Test func changeNounsGiveTheChangeAndHandOverTheSubject() throws {
        let c = try claims("The survey found a 12% increase in online sales.")
        #expect(c.first?.change == "up")
        #expect(c.first?.subject?.text == "online sales")
        #expect(try claims("It recorded a drop of 7% last year.").first?.change == "down")
    }

    @Test func particleOfAnotherVerbIsNoTrend() throws {
        // "gave up" is a phrasal verb: the yards are not an increase.
        let c = try claims("The defence gave up 517 rushing yards.")
        #expect(c.count == 1)
        #expect(c.first?.change == nil)
        #expect(c.first?.subject?.text != "defence gave")
        #expect(c.first?.subject.map { ["rushing yards", "yards"].contains($0.text) } ?? true)
    }

    @Test func restatedAmountSharesChangeAndSubject() throws {
        let c = try claims("The index lost 190 points, or 0.6%, on Friday.")
        #expect(c.count >= 2)
        #expect(c[0].change == "down")
        #expect(c[1].change == "down")
        #expect(c[0].subject?.text == "index")
        #expect(c[1].subject?.text == "index")
        #expect(c[1].subject?.rule == "claims.subject-restated")
    }

    @Test func subjectSpansPointAtTheWords() throws {
        let text = "About 40% of voters agreed."
        var doc = Document.fromCleanText(text)
        try Self.stage.run(&doc)
        let s = try #require(doc.claims.first?.subject)
        #expect(doc.string(s.span) == "voters")
        #expect(s.sourceSpan == doc.sourceSpan(s.span))
    }
}
