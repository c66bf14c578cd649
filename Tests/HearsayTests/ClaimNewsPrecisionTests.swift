import Testing

@testable import Hearsay

/// The error classes of the hand-judged precision draw on PolNeAR news (issue 21, seed 7373), each in our own
/// sentences.
@Suite struct ClaimNewsPrecisionTests: ClaimSentences {
    // MARK: dates

    @Test func aMonthWithoutAYearTakesTheYearItsTenseAsksFor() throws {
        // nearest would be February 2021 (three weeks on); the past tense asks for the one before
        let past = try claims("The inspectors visited the plant in February.", published: "2021-01-12")
        #expect(past.map(\.value) == [.text("2020-02")])
        // nearest would be last November; "will" asks for the next
        let future = try claims("The new bridge will open in November.", published: "2021-02-10")
        #expect(future.map(\.value) == [.text("2021-11")])
        // a passive after "be" takes the tense before it
        let passive = try claims("The report will be published in November.", published: "2021-02-10")
        #expect(passive.map(\.value) == [.text("2021-11")])
        // a new clause has its own tense: "which hosts" is no past, so the nearest March stays
        let clause = try claims("The team lost to Ohio, which hosts the final in March.", published: "2021-01-20")
        #expect(clause.map(\.value) == [.text("2021-03")])
        // a month that modifies a noun after a determiner keeps the nearest year
        let modifier = try claims("Turnout fell before the November vote.", published: "2021-02-10")
        #expect(modifier.map(\.value) == [.text("2020-11")])
        // a date close to the publication date keeps its year whatever the tense
        let close = try claims("The firm announced a sale starting Feb. 3.", published: "2021-01-25")
        #expect(close.map(\.value) == [.text("2021-02-03")])
        // holidays are not read by tense
        let holiday = try claims("The market was shut for Christmas.", published: "2021-12-10")
        #expect(holiday.map(\.value) == [.text("2021-12-25")])
    }

    @Test func aWeekdayInAFutureClauseIsTheNextSuchDay() throws {
        // published on a Tuesday: "will" asks for the coming Friday, the past tense for the last one
        let future = try claims("The mayor will open the new library on Friday.", published: "2021-01-12")
        #expect(future.map(\.value) == [.text("2021-01-15")])
        let night = try claims("The jury will hear the last witness Thursday night.", published: "2021-01-12")
        #expect(night.map(\.value) == [.text("2021-01-14TNI")])
        let past = try claims("The mayor opened the new library on Friday.", published: "2021-01-12")
        #expect(past.map(\.value) == [.text("2021-01-08")])
        // the publication day itself stays that day
        let today = try claims("The council will vote on Tuesday.", published: "2021-01-12")
        #expect(today.map(\.value) == [.text("2021-01-12")])
        // "would" after a past speech verb often tells of a day gone: no future for a weekday
        let reported = try claims("The governor said he would sign the bill on Friday.", published: "2021-01-12")
        #expect(reported.map(\.value) == [.text("2021-01-08")])
        // a new clause has its own tense, and a weekday after a determiner keeps the last one
        let clause = try claims("She will meet the aide who resigned on Friday.", published: "2021-01-12")
        #expect(clause.map(\.value) == [.text("2021-01-08")])
        let modifier = try claims("He will talk about the Friday meeting.", published: "2021-01-12")
        #expect(modifier.map(\.value) == [.text("2021-01-08")])
    }

    @Test func aDayThatNamesAnEventTakesTheEventsYear() throws {
        let c = try claims(
            "Airport checks grew after 9/11 and again after the Sept. 11 attacks were studied.",
            published: "2016-05-01")
        #expect(c.map(\.text) == ["9/11", "Sept. 11"])
        #expect(c.map(\.value) == [.text("2001-09-11"), .text("2001-09-11")])
        #expect(c.allSatisfy { $0.provenance.rule == "claims.date-event" })
        // in words without an event noun, or with a year, it is a date like any other
        let d = try claims(
            "The filing deadline is Sept. 11, and the hearing was on 9/11/2019.", published: "2016-09-01")
        #expect(d.map(\.value) == [.text("2016-09-11"), .text("2019-09-11")])
    }

    @Test func aWeekdayInsideANameIsNoDate() throws {
        let c = try claims(
            "Twelve states vote on Super Tuesday, and the count ends on Wednesday.", published: "2016-02-25")
        #expect(c.map(\.text) == ["Twelve states", "Wednesday"])
    }

    @Test func aShowNamedForAWeekdayIsNoDate() throws {
        let c = try claims(
            "The senator hosted Saturday Night Live, and we met on Saturday night.", published: "2016-01-05")
        #expect(c.map(\.text) == ["Saturday night"])
    }

    @Test func aRelativePeriodOfSomethingElseIsNoDate() throws {
        let c = try claims(
            "In the last week of the campaign he slipped, and last week he lost.", published: "2016-01-05")
        #expect(c.map(\.text) == ["last week"])
    }

    @Test func anEmergencyNumberIsNoAmount() throws {
        #expect(
            try claims("A neighbour made a 911 call, and the 911 dispatcher sent two units.").map(\.text) == [
                "two units"
            ])
    }

    @Test func aClockSuffixGluedToTheNextWordIsRead() throws {
        let c = try claims("Live blog, updated 8:35PMSenator Ruiz walks off the stage.")
        #expect(c.map(\.text) == ["8:35PM"])
        #expect(c.first?.value == .text("T20:35"))
        // a spaced or lower-case word after the time is no suffix
        let d = try claims("The doors open at 8:35 Pmwise or later.")
        #expect(d.first?.value == .text("T08:35"))
    }

    @Test func aTwoDigitYearAfterAnApostrophe() throws {
        let c = try claims("She ran in \u{2019}08 and again in '12, losing both times.")
        #expect(c.map(\.text) == ["\u{2019}08", "'12"])
        #expect(c.map(\.value) == [.text("2008"), .text("2012")])
        #expect(c.allSatisfy { $0.kind == .date })
    }

    // MARK: quantities

    @Test func anAgeWithTheNounLeftOut() throws {
        let c = try claims("The mayor won voters under 30 and those 65 and older, but split voters 18 to 29.")
        #expect(c.map(\.text) == ["30", "65", "18 to 29"])
        #expect(c.allSatisfy { $0.unit == "year" })
        #expect(c.last?.valueMax == .number(29))
        // a bare number after a group word with no comparison or rising range is no age
        let d = try claims("The vote among members was 40 to 12.")
        #expect(!d.contains { $0.unit == "year" })
    }

    @Test func compoundPluralsInMen() throws {
        let c = try claims("Four congressmen and two businesswomen signed the letter.")
        #expect(c.map(\.text) == ["Four congressmen", "two businesswomen"])
        #expect(c.map(\.unit) == ["congressman", "businesswoman"])
    }

    @Test func anOrdinalInAStreetNameIsNoClaim() throws {
        #expect(try claims("The bakery sits between 41st and 42nd streets.").isEmpty)
    }

    @Test func aScoreWrittenWithADashIsNoRange() throws {
        let c = try claims("The board voted 7-2 to approve it after a 5-to-4 ruling and a 3-3 tie.")
        #expect(c.map(\.text) == ["7-2", "5-to-4", "3-3"])
        #expect(c.allSatisfy { $0.provenance.rule == "claims.score" })
        #expect(c.map(\.value) == [.number(7), .number(5), .number(3)])
        #expect(c.map(\.valueMax) == [.number(2), .number(4), .number(3)])
        // a rising pair stays a range; a counted noun before a falling one is no range
        let d = try claims("It takes 3-5 days. I see two reasons\u{2014}1. cost and 2. time.")
        #expect(d.first?.valueMax == .number(5))
        #expect(d.contains { $0.text == "two reasons" && $0.valueMax == nil })
    }

    @Test func firstBeforeAnIrregularPastIsAnAdverb() throws {
        let c = try claims("She first ran for the council in 2010, and her first speech was short.")
        #expect(c.map(\.text) == ["2010", "first"])
    }
}
