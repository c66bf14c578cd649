import Testing

@testable import Hearsay

/// One test per class of date and time errors found on the training pools (issue 21: rt-datetime-train,
/// duckling-time-train), each in our own sentences.
@Suite struct ClaimDateClassTests: ClaimSentences {
    // MARK: holidays

    @Test func holidaysCountedFromEasterAndOnTheNthWeekday() throws {
        let c = try claims(
            "The shop shuts on Good Friday and reopens after Easter Monday 2024.", published: "2024-03-01")
        #expect(c.map(\.text) == ["Good Friday", "Easter Monday 2024"])
        #expect(c.map(\.value) == [.text("2024-03-29"), .text("2024-04-01")])
        #expect(c.allSatisfy { $0.provenance.rule == "claims.date-holiday" })
        let d = try claims("We ate turkey on Thanksgiving 2023 and on Memorial Day of 2022.")
        #expect(d.map(\.text) == ["Thanksgiving 2023", "Memorial Day of 2022"])
        #expect(d.map(\.value) == [.text("2023-11-23"), .text("2022-05-30")])
        // without a year: the one nearest the publication date
        let e = try claims("Flowers sell out before Mother's Day.", published: "2021-04-20")
        #expect(e.map(\.value) == [.text("2021-05-09")])
    }

    @Test func holidaysWithAModifierOrTheirWeekend() throws {
        let c = try claims("Sales peaked last Easter and will peak again next Christmas.", published: "2023-06-01")
        #expect(c.map(\.text) == ["last Easter", "next Christmas"])
        #expect(c.map(\.value) == [.text("2023-04-09"), .text("2023-12-25")])
        // Labor Day 2022 is Monday 5 September: its weekend is the one before, in ISO week 35
        let d = try claims("Traffic was heavy over the Labor Day weekend.", published: "2022-09-10")
        #expect(d.map(\.value) == [.text("2022-W35-WE")])
    }

    @Test func holidaysWithoutADateOrCapitalStayAsSaid() throws {
        let c = try claims("The parade is on Thanksgiving.")
        #expect(c.map(\.value) == [.text("thanksgiving")])
        #expect(c.first?.provenance.rule == "claims.date-holiday.unanchored")
        // a lower-case capitalized_holidays word is the common noun
        #expect(try claims("They held a service of thanksgiving.", published: "2021-04-20").isEmpty)
    }

    // MARK: times of day

    @Test func timeWordsAloneAreTimesUnlessANameHoldsThem() throws {
        let c = try claims("The polls close at midnight; counting starts mid-morning and results come by midday.")
        #expect(c.map(\.text) == ["midnight", "mid-morning", "midday"])
        #expect(c.map(\.value) == [.text("T00"), .text("T10"), .text("T12")])
        let d = try claims("Noon came and went, then 12 midnight.")
        #expect(d.map(\.value) == [.text("T12"), .text("T00")])
        #expect(try claims("They watched Midnight Express again.").isEmpty)
        #expect(try claims("Midnight Express was shown, then “Midday with Ann” aired.").isEmpty)
    }

    @Test func aPartOfTheDayMovesTheHourAfterIt() throws {
        let c = try claims(
            "The bus left this morning at six and returns tonight at 8, and the ferry in the afternoon at 4.",
            published: "2021-03-03")
        #expect(c.map(\.text) == ["this morning at six", "tonight at 8", "in the afternoon at 4"])
        #expect(c.map(\.value) == [.text("2021-03-03T06"), .text("2021-03-03T20"), .text("T16")])
        let d = try claims("The nurse comes back afternoon at 3.")
        #expect(d.map(\.value) == [.text("T15")])
    }

    @Test func aBareHourInARangeTakesTheShorterHalfOfTheDay() throws {
        let c = try claims("The office is open from 9 am to 5 and the bar from 10 to 2am.")
        #expect(c.map(\.value) == [.text("(T09,T17,PT8H)"), .text("(T22,T02,PT4H)")])
    }

    // MARK: days

    @Test func aRelativeWeekAndAWeekdayMakeThatDay() throws {
        // 2021-03-03 is a Wednesday; next week runs from Monday 8 March
        let c = try claims("We meet next week on Thursday.", published: "2021-03-03")
        #expect(c.map(\.value) == [.text("2021-03-11")])
    }

    @Test func theNthWeekdayOfAMonth() throws {
        let c = try claims(
            "The board meets on the second Tuesday of May and on the first Monday of next month, not the third Friday.",
            published: "2021-03-03")
        #expect(c.map(\.value) == [.text("2021-05-11"), .text("2021-04-05"), .text("2021-03-19")])
        #expect(c.allSatisfy { $0.provenance.rule == "claims.date-ordinal-weekday" })
        let d = try claims("The board meets on the first Friday of July.")
        #expect(d.map(\.value) == [.text("XXXX-07-WXX-5-#1")])
        // without a month the weekday must end the clause: here "first" counts Tuesdays
        let e = try claims("It was the first Tuesday with no vote.", published: "2016-06-14")
        #expect(!e.contains { $0.provenance.rule == "claims.date-ordinal-weekday" })
    }

    @Test func twoDaysBeforeTheirMonthAreARange() throws {
        let c = try claims(
            "The festival runs from 12 to 15 August 2021, the fair between 3 and 9 next month and the show from 4 to September 10, 2021.",
            published: "2021-03-03")
        #expect(
            c.map(\.value) == [
                .text("(2021-08-12,2021-08-15,P3D)"), .text("(2021-04-03,2021-04-09,P6D)"),
                .text("(2021-09-04,2021-09-10,P6D)"),
            ])
        #expect(c.allSatisfy { $0.provenance.rule == "claims.date-day-range" })
    }

    @Test func aDayOfARelativeMonthAndDaysInWords() throws {
        let c = try claims("Rent is due on the 20th of next month.", published: "2021-03-03")
        #expect(c.map(\.value) == [.text("2021-04-20")])
        let d = try claims("He left on the twenty second of June and came back Oct-2.")
        #expect(d.map(\.value) == [.text("XXXX-06-22"), .text("XXXX-10-02")])
    }

    @Test func aDayOfTheMonthAloneAfterAPreposition() throws {
        let c = try claims("The rent is due on the 28th, and the lift to the 27th floor is broken.")
        #expect(c.first?.text == "the 28th")
        #expect(c.first?.value == .text("XXXX-XX-28"))
        #expect(c.first?.provenance.rule == "claims.date-day")
        #expect(!c.contains { $0.kind == .date && $0.text.contains("27th") })
    }

    @Test func aPeriodAfterNextAndAbbreviatedUnits() throws {
        // 2021-03-03 is in ISO week 9
        let c = try claims(
            "The plant reopens the week after next, the mine the year after the next, and the mill next qtr.",
            published: "2021-03-03")
        #expect(c.map(\.value) == [.text("2021-W11"), .text("2023"), .text("(2021-04-01,2021-07-01,P3M)")])
    }

    @Test func anOffsetOfSeveralParts() throws {
        // 2021-03-03 less 2 years, 3 months and 10 days, in that order
        let c = try claims("The firm was founded 2 years 3 months and 10 days ago.", published: "2021-03-03")
        #expect(c.map(\.text) == ["2 years 3 months and 10 days ago"])
        #expect(c.map(\.value) == [.text("2018-11-23")])
        #expect(c.first?.kind == .date)
    }

    @Test func withinADurationOfSeveralParts() throws {
        let c = try claims("The loan must be repaid within 1 year and 6 months.", published: "2021-03-01")
        #expect(c.map(\.text) == ["within 1 year and 6 months"])
        #expect(c.map(\.value) == [.text("(2021-03-01,2022-09-01,P1Y6M)")])
        // a part that is no calendar unit leaves it a duration
        let d = try claims("The repair takes within 1 day and 5 hours.", published: "2021-03-01")
        #expect(!d.contains { $0.provenance.rule == "claims.date-within" })
    }

    @Test func scheduledMarksTheFuture() throws {
        let c = try claims("The vote is scheduled in 2 weeks.", published: "2021-03-03")
        #expect(c.map(\.value) == [.text("2021-03-17")])
        // without a future word it stays a duration
        let d = try claims("It was the biggest rise in 2 weeks.", published: "2021-03-03")
        #expect(d.first?.value == .number(2))
    }

    // MARK: periods

    @Test func seasonsWithAYearOrAModifier() throws {
        let c = try claims(
            "Sales rose in the summer of 2019 and will rise again next spring, after a poor harvest last winter.",
            published: "2021-03-03")
        #expect(c.map(\.text) == ["the summer of 2019", "next spring", "last winter"])
        // spring 2021 began on 1 March: the next one is 2022's; the last winter ended in February
        #expect(c.map(\.value) == [.text("2019-SU"), .text("2022-SP"), .text("2020-WI")])
        // in February this winter began in December; last winter is the one before it
        let w = try claims("Turnout was low this winter and last winter.", published: "2016-02-01")
        #expect(w.map(\.value) == [.text("2015-WI"), .text("2014-WI")])
        // a season alone, and "fall" as a verb, are no claims
        let d = try claims("She took a summer job; prices may fall 2 percent.", published: "2021-03-03")
        #expect(d.map(\.text) == ["2 percent"])
    }

    @Test func aRangeOfDatesOfDifferentGranularities() throws {
        let c = try claims("Prices rose between 2012 and Feb 2015, and the works run from Oct 3rd to January 2016.")
        // the ends start on their first day; counted in months, or in days when one end is a day
        #expect(c.map(\.value) == [.text("(2012-01-01,2015-02-01,P37M)"), .text("(2015-10-03,2016-01-01,P90D)")])
        #expect(c.allSatisfy { $0.provenance.rule.hasPrefix("claims.date-range") })
    }

    @Test func aYearBeforeItsMonthAndHalvesAndQuartersOfARelativeYear() throws {
        let c = try claims("The report covers 2016, Nov and 2019 March.")
        #expect(c.map(\.value) == [.text("2016-11"), .text("2019-03")])
        // after a determiner the year names an event; a year and a day after a comma are two claims
        let e = try claims(
            "She marched in the 1963 March on Washington. This year, Labor Day is late.", published: "2016-08-01")
        #expect(e.map(\.text) == ["1963", "This year", "Labor Day"])
        #expect(try claims("They recalled King’s 1963 March on Washington.").map(\.text) == ["1963"])
        let d = try claims("Profits fell in H1 2020 and should recover in Q3 this year.", published: "2021-03-03")
        #expect(d.map(\.value) == [.text("(2020-01-01,2020-07-01,P6M)"), .text("(2021-07-01,2021-10-01,P3M)")])
    }
}
