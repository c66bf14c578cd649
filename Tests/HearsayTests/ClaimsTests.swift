import Testing

@testable import Hearsay

@Suite struct ClaimsTests {
    static let stage: ClaimExtractor = try! ClaimExtractor(config: .init(), resources: ResourceLoader())

    func claims(_ text: String, published: String? = nil, config: ClaimExtractor.Config? = nil) throws -> [Claim] {
        var doc = Document.fromCleanText(text)
        doc.metadata.published = published
        let stage = try config.map { try ClaimExtractor(config: $0, resources: ResourceLoader()) } ?? Self.stage
        try stage.run(&doc)
        return doc.claims
    }

    @Test func moneyWithScaleAndQualifier() throws {
        let c = try claims("The deal is worth more than $75 billion, officials said.")
        #expect(c.count == 1)
        #expect(c[0].text == "$75 billion")
        #expect(c[0].value == .number(75e9))
        #expect(c[0].unit == "USD")
        #expect(c[0].kind == .money)
        #expect(c[0].qualifier == "more than")
        #expect(c[0].id == "c1")
        #expect(c[0].provenance.stage == "claims")
    }

    @Test func equivalentInParentheses() throws {
        let c = try claims("It paid $75 billion (£58 billion) for the firm.")
        #expect(c.count == 1)
        #expect(c[0].equivalents.count == 1)
        #expect(c[0].equivalents.first?.unit == "GBP")
        #expect(c[0].equivalents.first?.value == .number(58e9))
        #expect(c[0].equivalents.first?.text == "£58 billion")
    }

    @Test func countedNounKeepsAdjectives() throws {
        let c = try claims("The clash left 20 Indian soldiers dead and 800 million members worried.")
        #expect(c.map(\.text) == ["20 Indian soldiers", "800 million members"])
        #expect(c[0].kind == .count)
        #expect(c[0].unit == "indian soldier")
        #expect(c[1].value == .number(8e8))
        #expect(c[1].unit == "member")
    }

    @Test func countedNounModifiersInTheirBaseForm() throws {
        let c = try claims(
            "It split into two smaller tenancies, offered two gas-only powertrain options and is one of the best wireless speakers."
        )
        #expect(
            c.map(\.text) == [
                "two smaller tenancies", "two gas-only powertrain options", "one of the best wireless speakers",
            ])
        #expect(c.map(\.unit) == ["small tenancy", "gas-only powertrain option", "good wireless speaker"])
        let most = try claims("It was one of the most spectacular catches.")
        #expect(most.first?.unit == "spectacular catch")
    }

    @Test func aTemporalExpressionInPartsIsOneClaim() throws {
        let c = try claims(
            "We meet October 14 at 8:00am, and it was tuesday of last week. On Monday, 20 soldiers left.",
            published: "2020-07-11")
        #expect(c.map(\.text) == ["October 14 at 8:00am", "tuesday of last week", "Monday", "20 soldiers"])
        #expect(c[0].kind == .time)
        #expect(c[1].provenance.rule.hasSuffix("+joined"))
    }

    @Test func spelledNumbersAndFractions() throws {
        let c = try claims("They waited five hours; twenty-eight thousand fans came and three-quarters left.")
        #expect(c.count == 3)
        #expect(c[0].value == .number(5))
        #expect(c[0].unit == "h")
        #expect(c[1].value == .number(28000))
        #expect(c[1].unit == "fan")
        #expect(c[2].value == .number(0.75))
    }

    @Test func suffixesAndSeparators() throws {
        let c = try claims("Sales hit £35m, then 2.8bn euros, and 1,234,567 visits; 10k runners ran.")
        #expect(c.map(\.value) == [.number(35e6), .number(2.8e9), .number(1_234_567), .number(10_000)])
        #expect(c[0].unit == "GBP")
        #expect(c[1].unit == "EUR")
    }

    @Test func rangesAndVagueAmounts() throws {
        let c = try claims(
            "Costs rose to $3 billion to $5 billion; 20-35% agreed; tens of thousands of people marched.")
        #expect(c.count == 3)
        #expect(c[0].value == .number(3e9))
        #expect(c[0].valueMax == .number(5e9))
        #expect(c[1].value == .number(20))
        #expect(c[1].valueMax == .number(35))
        #expect(c[1].unit == "%")
        #expect(c[2].value == .number(1e4))
        #expect(c[2].valueMax == .number(1e5))
        #expect(c[2].unit == "people")
    }

    @Test func betweenRangeDropsQualifier() throws {
        let c = try claims("They expect between 5 and 10 percent growth.")
        #expect(c.count == 1)
        #expect(c[0].text == "5 and 10 percent")
        #expect(c[0].value == .number(5))
        #expect(c[0].valueMax == .number(10))
        #expect(c[0].qualifier == nil)
    }

    @Test func datesResolveAgainstPublication() throws {
        let c = try claims("On Thursday the board met; the vote is on July 10 at 2pm.", published: "2020-07-11")
        #expect(c.count == 2)
        #expect(c[0].value == .text("2020-07-09"))
        #expect(c[0].kind == .date)
        #expect(c[1].value == .text("2020-07-10T14"))
        #expect(c[1].kind == .time)
        #expect(c[1].text == "July 10 at 2pm")
    }

    @Test func datesWithoutPublicationStayPartial() throws {
        let c = try claims("The vote is on July 10.")
        #expect(c.count == 1)
        #expect(c[0].value == .text("XXXX-07-10"))
    }

    @Test func partialDateResolutionCanBeOff() throws {
        var config = ClaimExtractor.Config()
        config.resolvePartialDates = false
        let c = try claims("They met on Thursday.", published: "2020-07-11", config: config)
        #expect(c.map(\.value) == [.text("XXXX-WXX-4")])
    }

    @Test func notClaims() throws {
        let c = try claims("Listen on Radio 4 about the G20, 3G phones and COVID-19.")
        #expect(c.isEmpty)
    }

    @Test func aCapitalisedDayInsideASentenceIsATitle() throws {
        let c = try claims(
            "She told the Radio 4 Today programme and USA Today about it.", published: "2021-05-04")
        #expect(c.isEmpty, "\(c.map(\.text))")
        let kept = try claims("Today, she said, the vote will be held today.", published: "2021-05-04")
        #expect(kept.map(\.text) == ["Today", "today"])
    }

    @Test func aSpelledCountAfterADateIsNoYear() throws {
        let c = try claims("On May 1, two thousand workers marched.", published: "2021-05-04")
        #expect(c.map(\.text) == ["May 1", "two thousand workers"])
        #expect(c.first?.value == .text("2021-05-01"))
    }

    @Test func aTallyBeforeANameStaysAClaim() throws {
        // Only a street name makes an integer range part of a name.
        let c = try claims("It was a 5-4 Supreme Court ruling, issued at 14-16 Harbour Street.")
        #expect(c.contains { $0.text.hasPrefix("5") })
        #expect(!c.contains { $0.text.contains("14") })
    }

    @Test func oneThatIsNoAmount() throws {
        // An anonymous source, a pronoun and "someday" count nothing.
        let c = try claims(
            "One person familiar with the talks said it might one day come to an end. Two officials briefed on the plan agreed. We need to get this one right."
        )
        #expect(c.isEmpty, "\(c.map(\.text))")
        #expect(try claims("One day, he left.").isEmpty)
        // The same words as amounts stay claims.
        let kept = try claims("The strike lasted one day. About 20 people were hurt and one person died.")
        #expect(kept.map(\.text) == ["one day", "20 people", "one person"])
    }

    @Test func timeIsNotPicometres() throws {
        let c = try claims("The meeting starts at 2pm.")
        #expect(c.count == 1)
        #expect(c[0].kind == .time)
        #expect(c[0].value == .text("T14"))
    }

    @Test func negativesAndPercentPoints() throws {
        let c = try claims("Temperatures fell to -5 degrees Celsius and rates rose 0.25 percentage points.")
        #expect(c.count == 2)
        #expect(c[0].value == .number(-5))
        #expect(c[0].unit == "degC")
        #expect(c[1].unit == "pp")
    }

    @Test func oneInFour() throws {
        let c = try claims("Now one in four adults votes.")
        #expect(c.first?.value == .number(0.25))
    }

    @Test func sportsAbbreviationsCountOnlyInCapitals() throws {
        let c = try claims("The pitcher was worth 2.5 WAR, the receiver caught 3 TDs and 20 war veterans watched.")
        #expect(c.map(\.text) == ["2.5 WAR", "3 TDs", "20 war veterans"])
        #expect(c.map(\.unit) == ["wins above replacement", "touchdown", "war veteran"])
        #expect(c[0].kind == .count)
    }

    @Test func boxScoreAbbreviations() throws {
        let c = try claims("Jones had 25 pts, 11 reb and 7 ast in 82 GP; 2 gp doctors agreed.")
        #expect(c.map(\.unit) == ["point", "rebound", "assist", "games played", "gp doctor"])
    }

    @Test func aCompoundVagueAmountWithoutANoun() throws {
        let c = try claims("Hundreds of thousands marched, tens of thousands of them young, while hundreds stayed.")
        #expect(c.map(\.text) == ["Hundreds of thousands", "tens of thousands"])
        #expect(c[0].value == .number(1e5))
        #expect(c[0].valueMax == .number(1e6))
    }

    @Test func eventsPerTimeUnitAreARate() throws {
        let c = try claims("Her heart beat nearly 180 times a minute.")
        #expect(c.count == 1)
        #expect(c[0].text == "180 times a minute")
        #expect(c[0].unit == "1/min")
        #expect(c[0].qualifier == "nearly")
    }

    @Test func spelledFractionOfAWholeIsAShare() throws {
        let c = try claims("One third of the voters stayed home and almost half of them were young.")
        #expect(c.map(\.text) == ["One third", "half"])
        #expect(c.map(\.unit) == ["%", "%"])
        #expect(c[1].value == .number(50))
        #expect(c[1].kind == .percent)
        let periods = try claims(
            "Profits fell in the first half of the season, the upper half of the screen and a quarter of an hour.")
        #expect(!periods.contains { $0.unit == "%" })
    }

    @Test func partitiveCountsTheNounAfterOf() throws {
        let c = try claims("Three of the firm's lawyers quit, and two of Smith's drivers left.")
        #expect(c.map(\.text) == ["Three of the firm's lawyers", "two of Smith's drivers"])
        #expect(c.map(\.unit) == ["lawyer", "driver"])
    }

    @Test func modifiersJoinedByAndBeforeACountedNoun() throws {
        let c = try claims("The album sold 4 million print and digital copies.")
        #expect(c.count == 1)
        #expect(c[0].text == "4 million print and digital copies")
        #expect(c[0].unit == "print and digital copy")
    }

    @Test func lowerCaseLabelsAreNotClaims() throws {
        let c = try claims("A category 3 storm closed gate 12, and on page 4 the day 20 soldiers left is told.")
        #expect(c.map(\.text) == ["20 soldiers"])
    }

    @Test func agesAndAgeRanges() throws {
        let c = try claims("Adults aged 18 to 24 and anyone over the age of 65 may vote.")
        #expect(c.map(\.text) == ["18 to 24", "65"])
        #expect(c[0].valueMax == .number(24))
        #expect(c.map(\.unit) == ["year", "year"])
    }

    @Test func anAmountAfterAnAmountNounIsNoYear() throws {
        let c = try claims("Fares rose by an average of 1500 in the fall of 1969.")
        #expect(c.map(\.kind) == [.other, .date])
        #expect(c[0].value == .number(1500))
    }

    @Test func orBetweenABareNumberAndAQuantityIsARange() throws {
        let c = try claims("A taxi costs eight or nine euros, and 125 jobs or 2 percent went.")
        #expect(c.map(\.text) == ["eight or nine euros", "125 jobs", "2 percent"])
        #expect(c[0].valueMax == .number(9))
        #expect(c[0].unit == "EUR")
    }

    @Test func aScaledPartTakesTheUnitOfItsWhole() throws {
        let c = try claims("He has raised 300 million of the 2 billion euros he needs.")
        #expect(c.map(\.unit) == ["EUR", "EUR"])
        #expect(c[0].value == .number(3e8))
    }

    @Test func vagueHundredsAndHyphenatedRanges() throws {
        let c = try claims("It needs several hundred or even 1,000 megawatts and cut its 0-to-60-mph time.")
        #expect(c.map(\.text) == ["1,000 megawatts", "0-to-60-mph"])
        #expect(c[1].valueMax == .number(60))
        #expect(c[1].unit == "mph")
    }

    @Test func countRangesAndAddressRanges() throws {
        let c = try claims("The firm went from 1000 to 2000 hires and moved to 14-16 Harbour Street.")
        #expect(c.count == 1)
        #expect(c[0].text == "1000 to 2000 hires")
        #expect(c[0].kind == .count)
        #expect(c[0].valueMax == .number(2000))
    }

    @Test func aChangeAndItsLevelAreNoRange() throws {
        let c = try claims("The shares fell 4p to 250p, and prices went from 5% to 9%.")
        #expect(c.map(\.text) == ["4p", "250p", "5% to 9%"])
        #expect(c[2].valueMax == .number(9))
    }

    @Test func aSameFormPluralBeforeAPluralNoun() throws {
        let c = try claims("Some 45 police officers and 12 staff members were hurt; 300 people fled.")
        #expect(c.map(\.unit) == ["police officer", "staff member", "people"])
    }

    @Test func claimInsideQuoteGetsSpeaker() throws {
        var doc = Document.fromCleanText("\"We lost 40 jobs,\" said Ann.")
        doc.speakers = [Speaker(id: "s1", name: "Ann", type: .person, descriptions: [], affiliation: nil, mentions: [])]
        let frag = doc.fragment(Span(1, 17))
        doc.quotes = [
            Quote(
                id: "q1", kind: .direct, text: "We lost 40 jobs,", fragments: [frag], speaker: "s1", cue: nil,
                speakerMention: nil, sentences: [0], parent: nil,
                provenance: Provenance(stage: "attribute", rule: "test", confidence: 1))
        ]
        try Self.stage.run(&doc)
        #expect(doc.claims.count == 1)
        #expect(doc.claims[0].quote == "q1")
        #expect(doc.claims[0].speaker == "s1")
        #expect(doc.claims[0].sourceSpan == Span(9, 16))
    }

    @Test func sentenceIndexAndCap() throws {
        var doc = Document.fromCleanText("It cost $5. It cost $6.")
        let p = Provenance(stage: "segment", rule: "test", confidence: 1)
        doc.sentences = [
            Sentence(id: 0, paragraph: 0, span: Span(0, 11), sourceSpan: Span(0, 11), provenance: p),
            Sentence(id: 1, paragraph: 0, span: Span(12, 23), sourceSpan: Span(12, 23), provenance: p),
        ]
        try Self.stage.run(&doc)
        #expect(doc.claims.map(\.sentence) == [0, 1])
        #expect(doc.claims.map(\.id) == ["c1", "c2"])
        var config = ClaimExtractor.Config()
        config.maxClaimsPerDocument = 1
        var doc2 = Document.fromCleanText("It cost $5. It cost $6.")
        try ClaimExtractor(config: config, resources: ResourceLoader()).run(&doc2)
        #expect(doc2.claims.count == 1)
        #expect(doc2.diagnostics.first?.code == "claims.cap")
    }

    @Test func badDurationKindIsRefused() {
        var config = ClaimExtractor.Config()
        config.durationKind = "money"
        #expect(throws: HearsayError.self) { try ClaimExtractor(config: config, resources: ResourceLoader()) }
    }
}

@Suite struct ClaimsDateTests: ClaimSentences {
    @Test func monthRangeIsOneClaim() throws {
        let c = try claims("Sales were weak from March to May 2019.")
        #expect(c.count == 1)
        #expect(c[0].value == .text("(2019-03-01,2019-05-01,P2M)"))
        #expect(c[0].kind == .date)
    }

    @Test func clockRangeWithWeekday() throws {
        let c = try claims("The office opens Monday 8-9am only.")
        #expect(c.count == 1)
        #expect(c[0].text == "Monday 8-9am")
        #expect(c[0].value == .text("(XXXX-WXX-1T08,XXXX-WXX-1T09,PT1H)"))
        #expect(c[0].kind == .time)
    }

    @Test func relativeWeekAndMonth() throws {
        let c = try claims(
            "Talks resume next week and end last month's dispute; yesterday they met.", published: "2016-11-07")
        #expect(c.map(\.value) == [.text("2016-W46"), .text("2016-10"), .text("2016-11-06")])
    }

    @Test func yearsAndDecades() throws {
        let c = try claims("Founded in 1985, it grew in the 1990s and from 2014-2018.")
        #expect(c.map(\.value) == [.text("1985"), .text("199X"), .text("(2014-01-01,2018-01-01,P4Y)")])
        #expect(c.allSatisfy { $0.kind == .date })
    }

    @Test func isoAndNumericDates() throws {
        let c = try claims("Filed 2020-07-10 and amended 10/1/2018.")
        #expect(c.map(\.value) == [.text("2020-07-10"), .text("2018-10-01")])
    }

    @Test func rangeTakesTheWrittenYearBeforeResolution() throws {
        // the first month borrows the year that follows, not the one nearest the publication date
        let c = try claims("The trial ran Nov-Feb 2019 in the old court.", published: "2021-03-02")
        #expect(c.map(\.value) == [.text("(2018-11-01,2019-02-01,P3M)")])
        let d = try claims("The show toured from April to June in 2015.", published: "2021-03-02")
        #expect(d.map(\.value) == [.text("(2015-04-01,2015-06-01,P2M)")])
        #expect(d[0].text == "April to June in 2015")
    }

    @Test func rangeWithoutYearIsResolvedAsOne() throws {
        let c = try claims("The fair runs from next Monday to Friday.", published: "2021-03-02")
        #expect(c.map(\.value) == [.text("(2021-03-08,2021-03-12,P4D)")])
        let d = try claims("The fair runs Dec 28th to Jan 3rd.", published: "2021-12-01")
        #expect(d.map(\.value) == [.text("(2021-12-28,2022-01-03,P6D)")])
        let e = try claims("The fair runs Dec 28th to Jan 3rd.")
        #expect(e.map(\.value) == [.text("(XXXX-12-28,XXXX-01-03,P6D)")])
    }

    @Test func listsOfDatesStayApart() throws {
        let c = try claims("Hearings are set for 3/14, 3/21 and Tuesday, Thursday.")
        #expect(c.map(\.text) == ["3/14", "3/21", "Tuesday", "Thursday"])
    }

    @Test func aTimeDoesNotJoinAMonth() throws {
        let c = try claims("The new rules apply next month after 6pm.", published: "2021-03-02")
        #expect(c.map(\.value) == [.text("2021-04"), .text("T18")])
    }

    @Test func weekdayOfARelativeWeek() throws {
        let c = try claims("The minister left on Tuesday of last week.", published: "2021-03-04")
        #expect(c.map(\.value) == [.text("2021-02-23")])
    }

    @Test func partOfTheDayMovesTheHour() throws {
        let c = try claims("Polls close tonight from 7 to 9:30.", published: "2021-03-04")
        #expect(c.map(\.value) == [.text("(2021-03-04T19,2021-03-04T21:30,PT2H30M)")])
        let d = try claims("The shelling went on between 2 and 4 last night.", published: "2021-03-04")
        #expect(d.map(\.value) == [.text("(2021-03-03T02,2021-03-03T04,PT2H)")])
        #expect(d[0].text == "2 and 4 last night")
    }

    @Test func clockTimesInWords() throws {
        let c = try claims("The bells rang at half past seven, at six pm and at ten in the evening.")
        #expect(c.map(\.value) == [.text("T07:30"), .text("T18"), .text("T22")])
        let d = try claims("Doors open at quarter to nine and close at 20 minutes past eleven.")
        #expect(d.map(\.value) == [.text("T08:45"), .text("T11:20")])
        // a number word alone is no time
        #expect(try claims("Six of them met.").allSatisfy { $0.kind != .time })
    }

    @Test func recurrences() throws {
        let c = try claims("Trains run every two weeks, the paper comes out daily, and once a month there is a fair.")
        #expect(c.map(\.value) == [.text("P2W"), .text("P1D"), .text("P1M")])
        let d = try claims("The ferry leaves every day at 7pm.")
        #expect(d.map(\.value) == [.text("T19")])
        // a capitalised set word inside a sentence is a name
        #expect(try claims("He wrote for the Daily Courier.").isEmpty)
    }

    @Test func presentPhrases() throws {
        let c = try claims("Right now the line is closed; at present nobody knows why.")
        #expect(c.map(\.value) == [.text("PRESENT_REF"), .text("PRESENT_REF")])
        // a bare "now" is too common in news prose to be a claim
        #expect(try claims("Now the line is closed.").isEmpty)
    }

    @Test func offsetsFromADateOrFromNow() throws {
        let c = try claims(
            "The audit ends 3 weeks before Christmas Eve, and the report came a fortnight later.",
            published: "2022-10-03")
        #expect(c.map(\.value) == [.text("2022-12-03"), .text("2022-10-17")])
        #expect(c.map(\.provenance.rule) == ["claims.date-offset", "claims.date-offset"])
    }

    @Test func ordinalPartsAndQuarters() throws {
        let c = try claims(
            "Orders fell in the 2nd quarter of 2011, rose in Q4-2012, peaked in the third week of 2013 and ended on the 10th day of next month.",
            published: "2014-05-20")
        #expect(
            c.map(\.value) == [
                .text("(2011-04-01,2011-07-01,P3M)"), .text("(2012-10-01,2013-01-01,P3M)"), .text("2013-W03"),
                .text("2014-06-10"),
            ])
        #expect(c.allSatisfy { $0.kind == .date })
    }

    @Test func datesWithAMonthNameBetweenMarks() throws {
        let c = try claims("Shipped 2018/mar/09 and returned 14/Apr/2018.")
        #expect(c.map(\.value) == [.text("2018-03-09"), .text("2018-04-14")])
    }

    @Test func yearRangeToThePartOfAYear() throws {
        let c = try claims("Prices rose from 2004 to the end of 2006.")
        #expect(c.count == 1)
        #expect(c[0].text == "2004 to the end of 2006")
    }

    @Test func lowerCaseMayAfterAndIsAVerb() throws {
        #expect(try claims("The file is secret and may be shared.").isEmpty)
        let c = try claims("Sales slowed between april and may.")
        #expect(c.map(\.value) == [.text("(XXXX-04-01,XXXX-05-01,P1M)")])
    }

    @Test func spelledYearsAfterADay() throws {
        let c = try claims(
            "The fort fell on 9 May seventeen hundred twelve and was rebuilt on June 3 nineteen eighty four.")
        #expect(c.map(\.value) == [.text("1712-05-09"), .text("1984-06-03")])
        let n = try claims("On June 4 twenty five soldiers left.", published: "2020-06-10")
        #expect(n.first?.value == .text("2020-06-04"))
    }

    @Test func inTwoWeeksIsADateOnlyInTheFuture() throws {
        let future = try claims("The board will vote in 2 weeks.", published: "2021-03-01")
        #expect(future.map(\.value) == [.text("2021-03-15")])
        #expect(future[0].kind == .date)
        let past = try claims("It was the steepest fall in 2 weeks.", published: "2021-03-01")
        #expect(past.map(\.value) == [.number(2)])
        let noDate = try claims("The board will vote in 2 weeks.")
        #expect(noDate.map(\.value) == [.number(2)])
    }

    /// The phrase table's pre-check (first-word lengths and first bytes) never turns away a phrase it holds (first
    /// bytes among ASCII marks, ASCII letters and the lead bytes of longer UTF-8 scalars), and turns away a word
    /// whose length or first byte no first word has.
    @Test func phraseTablePreCheckKeepsEveryPhrase() {
        let table = PhraseTable([("per annum", 1), ("%", 2), ("\u{20AC}", 3), ("zq", 4), ("a\u{00F1}o", 5)])
        func toks(_ s: String) -> ClaimTokens { ClaimTokens(ClaimTokenizer.phraseTokenList(s)) }
        #expect(table.match(toks("per annum said"), 0, 3)?.payload == 1)
        #expect(table.match(toks("per annum said"), 0, 3)?.end == 2)
        #expect(table.match(toks("%"), 0, 1)?.payload == 2)
        #expect(table.match(toks("\u{20AC}"), 0, 1)?.payload == 3)
        #expect(table.match(toks("zq"), 0, 1)?.payload == 4)
        #expect(table.match(toks("a\u{00F1}o"), 0, 1)?.payload == 5)
        #expect(table.mayStart("per") && table.mayStart("zq") && table.mayStart("\u{20AC}"))
        #expect(!table.mayStart("perhaps"))  // no first word of 7 bytes
        #expect(!table.mayStart("bet"))  // 3 bytes, but no first word begins with "b"
        #expect(table.match(toks("pet annum"), 0, 2) == nil)
    }
}

/// The suites of claim classes run one text (with a publication date, for dates) through the default claims stage.
protocol ClaimSentences {}

extension ClaimSentences {
    func claims(_ text: String, published: String? = nil) throws -> [Claim] {
        var doc = Document.fromCleanText(text)
        doc.metadata.published = published
        try ClaimsTests.stage.run(&doc)
        return doc.claims
    }
}
