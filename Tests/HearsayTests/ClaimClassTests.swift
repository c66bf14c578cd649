import Testing

@testable import Hearsay

/// One test per class of numeric-claim errors found on the training pools (issue 21), each in our own sentences.
@Suite struct ClaimClassTests: ClaimSentences {
    // MARK: the real-pages table of issue 21

    @Test func hyphenatedScaleAfterACurrency() throws {
        let c = try claims("The province will fund a $23-million arts centre next spring.")
        #expect(c.map(\.text) == ["$23-million"])
        #expect(c.first?.value == .number(23e6))
        #expect(c.first?.unit == "USD")
    }

    @Test func hyphenatedScaleAndUnitWithAnEquivalent() throws {
        let c = try claims("They signed a 1.2-billion-yuan (US$171-million) deal for the bridge.")
        #expect(c.count == 1)
        #expect(c.first?.text == "1.2-billion-yuan")
        #expect(c.first?.value == .number(1.2e9))
        #expect(c.first?.unit == "CNY")
        #expect(c.first?.kind == .money)
        #expect(c.first?.equivalents.first?.value == .number(171e6))
        #expect(c.first?.equivalents.first?.unit == "USD")
    }

    @Test func spelledNumberWithScaleAndUnitInOneCompound() throws {
        let c = try claims("Five-hundred-meter cliffs line the northern coast.")
        #expect(c.map(\.text) == ["Five-hundred-meter"])
        #expect(c.first?.value == .number(500))
        #expect(c.first?.unit == "m")
    }

    @Test func academicAndFiscalYearsAreOnePeriod() throws {
        let c = try claims("Enrolment fell in 2011-12 and rose again in the 2019-20 budget.")
        #expect(c.map(\.text) == ["2011-12", "2019-20"])
        #expect(c.first?.kind == .date)
        #expect(c.first?.value == .text("(2011-01-01,2012-01-01,P1Y)"))
        #expect(c.last?.value == .text("(2019-01-01,2020-01-01,P1Y)"))
        // a month written year-first stays a month
        let month = try claims("The index peaked in 2015-03 and fell.")
        #expect(month.first?.value == .text("2015-03"))
    }

    @Test func zeroCompoundIsNoClaim() throws {
        #expect(try claims("Cleaners on zero-hours contracts and a zero-sum game.").isEmpty)
    }

    @Test func fractionShareIsRounded() throws {
        let c = try claims("Two-thirds of the members backed the plan.")
        #expect(c.first?.value == .number(66.7))
        #expect(c.first?.unit == "%")
    }

    @Test func loneOneBeforeASingularNounIsAnArticle() throws {
        #expect(try claims("One academic said the plan was rushed.").isEmpty)
        #expect(try claims("She met one reporter, who asked about it.").isEmpty)
        #expect(try claims("They tried more than one occasion.").isEmpty)
        // an amount when a restrictive word asks for it
        #expect(try claims("He blamed just one factor.").map(\.text) == ["one factor"])
    }

    @Test func spelledCompoundAdjectiveHasLowConfidence() throws {
        let c = try claims("The six-month pause ended.")
        #expect(c.first?.unit == "month")
        #expect((c.first?.provenance.confidence ?? 1) < 0.5)
        let digits = try claims("The 6-month pause ended.")
        #expect((digits.first?.provenance.confidence ?? 0) > 0.8)
    }

    @Test func oneParty() throws {
        #expect(try claims("It is a one-party state.").isEmpty)
    }

    // MARK: classes of the news pool

    @Test func longDigitRunIsAnIdentifier() throws {
        #expect(try claims("See post 1234567890123456789\" on the site.").isEmpty)
    }

    @Test func yearModifyingANounAfterADeterminer() throws {
        let c = try claims("Donors met the 2024 candidates and praised their 2022 House victories.")
        #expect(c.map(\.kind) == [.date, .date])
        #expect(c.map(\.value) == [.text("2024"), .text("2022")])
        // a count of people stays a count
        #expect(try claims("Some 2000 workers struck.").first?.kind == .count)
    }

    @Test func properNameEndingInSModifiesTheCountedNoun() throws {
        let c = try claims("Three Texas state troopers were hurt; two Democrats voted no.")
        #expect(c.map(\.text) == ["Three Texas state troopers", "two Democrats"])
        #expect(c.first?.unit == "texas state trooper")
    }

    @Test func halfDozen() throws {
        let c = try claims("She wrote a half-dozen slogans and a half dozen songs.")
        #expect(c.map(\.value) == [.number(6), .number(6)])
        #expect(c.first?.unit == "slogan")
    }

    @Test func roundBaseRatioIsAPercentage() throws {
        let c = try claims("Seven in 10 parents agreed, while one in four adults did not.")
        #expect(c.first?.value == .number(70))
        #expect(c.first?.unit == "%")
        #expect(c.last?.value == .number(0.25))
    }

    @Test func moneyPerTimeUnitIsARate() throws {
        let c = try claims("Cooks earn $18 an hour, and the fee is €40 a year.")
        #expect(c.map(\.unit) == ["USD/h", "EUR/year"])
    }

    @Test func compoundDurationWithoutAnd() throws {
        let c = try claims("She ran the mile in 4 minutes 12 seconds.")
        #expect(c.map(\.text) == ["4 minutes 12 seconds"])
        #expect(c.first?.value == .number(252))
        #expect(c.first?.unit == "s")
    }

    @Test func pointLeadIsPercentagePoints() throws {
        let c = try claims("The mayor holds a +9 point lead and a 4-point margin, while the index lost 120 points.")
        #expect(c.map(\.unit) == ["pp", "pp", "point"])
    }

    @Test func descendingScoreIsTwoClaims() throws {
        let c = try claims("She leads him 55% to 38% among women, and prices ran from 90 to 70 dollars.")
        #expect(c.map(\.text) == ["55%", "38%", "90 to 70 dollars"])
        #expect(c.last?.valueMax == .number(70))
    }

    @Test func spelledNumbersJoinedByAndAreNotSummed() throws {
        let c = try claims("Officials expect between three and five more cuts.")
        #expect(c.first?.value == .number(3))
        #expect(c.first?.valueMax == .number(5))
        #expect(c.first?.unit == "cut")
    }

    @Test func oneOrTwoIsARange() throws {
        let c = try claims("The talks may take one or two days.")
        #expect(c.first?.value == .number(1))
        #expect(c.first?.valueMax == .number(2))
        #expect(c.first?.unit == "day")
    }

    // MARK: classes of the Duckling pool (money, measures, numerals)

    @Test func measureInPartsIsOneAmount() throws {
        let c = try claims("The fence is 6 feet, 4 inches high; the road is 3 km and 200 metres long.")
        #expect(c.map(\.text) == ["6 feet, 4 inches", "3 km and 200 metres"])
        #expect(c.map(\.value) == [.number(76), .number(3200)])
        #expect(c.map(\.unit) == ["in", "m"])
        // a list of durations stays a list
        let list = try claims("It took 9 days, and 4 hours later it ended.")
        #expect(list.map(\.text) == ["9 days", "4 hours"])
    }

    @Test func lastPartWithoutItsUnit() throws {
        let c = try claims("The flight takes 2 hours and twenty.")
        #expect(c.first?.value == .number(140))
        #expect(c.first?.unit == "min")
    }

    @Test func fractionOfOneUnit() throws {
        let c = try claims("They walked half a mile, bought a half-litre bottle and a tenth of a gallon.")
        #expect(c.map(\.value) == [.number(0.5), .number(0.5), .number(0.1)])
        #expect(c.map(\.unit) == ["mi", "l", "gal"])
        // an ordinal before a unit is no fraction
        #expect(try claims("He is in his eighth decade.").first?.value != .number(0.125))
    }

    @Test func pluralScaleAfterANumber() throws {
        #expect(try claims("It cost four billions.").first?.value == .number(4e9))
    }

    @Test func moreCurrencies() throws {
        let c = try claims("Fares rose to 30 Kuwaiti dinars, 12 QAR, 15 Euro and 40 hryvnias.")
        #expect(c.map(\.unit) == ["KWD", "QAR", "EUR", "UAH"])
        // a capitalised currency name that is also a name is no unit
        #expect(try claims("In 2016 Rand Paul ran.").allSatisfy { $0.unit != "ZAR" })
    }

    @Test func durationAfterAComparative() throws {
        let c = try claims("He asked for three more weeks and 15 extra minutes.")
        #expect(c.map(\.unit) == ["week", "min"])
        // "next", "coming" stay with the date rules
        #expect(
            try claims("in the 3 coming days").allSatisfy {
                $0.kind != .measure || $0.unit != "day" || $0.text != "3 coming days"
            })
    }

    @Test func degreeSignBeforeAScale() throws {
        #expect(try claims("It reached 41 ° celsius.").first?.unit == "degC")
    }

    // MARK: classes of the date pools

    @Test func dayPartWithEarlyOrLate() throws {
        let c = try claims("We land Friday early-morning and leave Sunday late evening.", published: "2021-03-10")
        #expect(c.map(\.text) == ["Friday early-morning", "Sunday late evening"])
        #expect(c.first?.value == .text("2021-03-05TMO"))
        #expect(c.last?.value == .text("2021-03-07TEV"))
    }

    @Test func shortRelativeDays() throws {
        let c = try claims("see you tmrw", published: "2021-03-10")
        #expect(c.first?.value == .text("2021-03-11"))
    }

    @Test func yearAndMonthWithASlash() throws {
        let c = try claims("Sales in 2019/7 beat those of 4/2018, and the 2020/21 budget grew.")
        #expect(c.map(\.value) == [.text("2019-07"), .text("2018-04"), .text("(2020-01-01,2021-01-01,P1Y)")])
    }

    // MARK: classes of the precision audit (claims over news articles)

    @Test func twoScaledAmountsJoinedByAndAreNotAdded() throws {
        let c = try claims("The two finals drew 98 million and 91 million viewers.")
        #expect(c.suffix(2).map(\.value) == [.number(98e6), .number(91e6)])
    }

    @Test func tenDigitTimestampIsAnIdentifier() throws {
        #expect(try claims("posted at 1449075600\" by the desk").isEmpty)
    }

    @Test func ageInAppositionEndingASentence() throws {
        let c = try claims("He has two daughters, Ann, 31, and Ruth, 29.")
        #expect(c.suffix(2).map(\.unit) == ["year", "year"])
    }

    @Test func scaleWordJoinedToAUnit() throws {
        let c = try claims("It is the billion-dollar question.")
        #expect(c.first?.value == .number(1e9))
        #expect(c.first?.unit == "USD")
    }

    @Test func dayNameInsideANameBeforeThePlural() throws {
        let c = try claims("She won three Super Tuesday contests.")
        #expect(c.first?.text == "three Super Tuesday contests")
        #expect(c.first?.unit == "super tuesday contest")
    }

    // MARK: dates and times (issue 21, part B)

    @Test func relativeDaysWithoutAPublicationDateStayRelative() throws {
        let c = try claims("The ferry sank yesterday and the inquiry opens tomorrow.")
        #expect(c.map(\.text) == ["yesterday", "tomorrow"])
        #expect(c.map(\.value) == [.text("yesterday"), .text("tomorrow")])
        #expect(c.allSatisfy { $0.kind == .date })
        // with a publication date the same words resolve to days
        let d = try claims("The ferry sank yesterday.", published: "2022-04-10")
        #expect(d.first?.value == .text("2022-04-09"))
    }

    @Test func relativePeriodsWithoutAPublicationDateStayRelative() throws {
        let c = try claims("Exports fell last year, and the mill closes next Friday.")
        #expect(c.map(\.value) == [.text("last year"), .text("next friday")])
        #expect(c.first?.provenance.rule == "claims.date-relative-unanchored")
    }

    @Test func timeZoneStaysInTheClaim() throws {
        let c = try claims("The briefing starts at 2pm ET and ends at 3:30 p.m. GMT.")
        #expect(c.map(\.text) == ["2pm ET", "3:30 p.m. GMT"])
        #expect(c.map(\.value) == [.text("T14"), .text("T15:30")])
        // a lower-case two-letter word after a number is no zone
        let d = try claims("The dog ate at 5pm et cetera.")
        #expect(d.first?.text == "5pm")
    }

    @Test func weekdayRecurrencesAndTwiceWordsAreSets() throws {
        let c = try claims("The club meets every Thursday and prints a biweekly bulletin.")
        #expect(c.map(\.value) == [.text("XXXX-WXX-4"), .text("P2W")])
        // a weekday in the plural recurs: with a publication date it still names no one day
        let d = try claims("The market opens on Saturdays at 08.30.", published: "2021-03-04")
        #expect(d.first?.text == "Saturdays at 08.30")
        #expect(d.first?.value == .text("XXXX-WXX-6T08:30"))
        let e = try claims("We meet every Monday.", published: "2021-03-04")
        #expect(e.first?.value == .text("XXXX-WXX-1"))
        // a part of the day in the plural, with its modifier, and a recurring part of the day that takes a time
        let f = try claims("The ward is calm in the late-evenings; rounds start every morning at 7am.")
        #expect(f.map(\.text) == ["late-evenings", "every morning at 7am"])
        #expect(f.map(\.value) == [.text("TEV"), .text("T07")])
    }

    @Test func withinADurationIsASpanFromThePublicationDate() throws {
        let c = try claims("The council must answer within 30 days.", published: "2021-03-01")
        #expect(c.first?.text == "within 30 days")
        #expect(c.first?.value == .text("(2021-03-01,2021-03-31,P30D)"))
        let d = try claims("Repairs will be done within the next two months.", published: "2021-03-01")
        #expect(d.first?.value == .text("(2021-03-01,2021-05-01,P2M)"))
        // without a publication date it stays a duration
        let e = try claims("The council must answer within 30 days.")
        #expect(e.first?.value == .number(30))
        #expect(e.first?.unit == "day")
    }

    // MARK: precision on news (issue 21, part C)

    @Test func ordinalInsideANameIsNoClaim() throws {
        let c = try claims("Lawyers cited the Fourth Amendment before the 9th Circuit, and the first lady spoke.")
        #expect(c.isEmpty)
        // a lower-case ordinal before a capitalised adjective still counts
        let d = try claims("It was the third Labour conference this year.")
        #expect(d.first?.value == .number(3))
        #expect(d.first?.kind == .ordinal)
    }

    @Test func countWithItsNounLeftOut() throws {
        let c = try claims("Smith won 40 seats and Jones won 12.")
        #expect(c.map(\.unit) == ["seat", "seat"])
        #expect(c.last?.value == .number(12))
        #expect(c.last?.provenance.rule == "claims.count-elided")
        // not after a mark or a determiner, and not across another claim
        let d = try claims("The survey of 900 adults ran May 2-5.")
        #expect(d.last?.unit != "adult")
        let e = try claims("She owns 3 boats and sold the 2 last year.")
        #expect(e.dropFirst().first?.unit == nil)
    }

    @Test func listMarkersAreNoAmounts() throws {
        let c = try claims("2. Storm warnings for the coast.")
        #expect(c.isEmpty)
        #expect(try claims("The ranking: Ann (3.) and Bo (4.) lead.").isEmpty)
        #expect(try claims("She 1) read the bill and 2) voted.").isEmpty)
        #expect(try claims("He led by 6 (47 to 41).").count == 3)
    }

    @Test func programmeNamedForARelativePeriodIsNoDate() throws {
        let c = try claims("She told NBC's This Morning that she would run, and she spoke again this week.")
        #expect(c.map(\.text) == ["this week"])
    }

    // MARK: dates and times on the datetime pool (issue 21, part D)

    @Test func decadesWithAnApostropheOrTwoDigits() throws {
        let c = try claims("Disco peaked in the 1970's, punk in the '70s and grunge in the 90's.")
        #expect(c.map(\.text) == ["1970's", "'70s", "90's"])
        #expect(c.map(\.value) == [.text("197X"), .text("197X"), .text("199X")])
        #expect(c.allSatisfy { $0.provenance.rule == "claims.decade" })
        // an opening quotation mark typed for the apostrophe
        #expect(try claims("Synth pop ruled the \u{2018}80s.").first?.value == .text("198X"))
        // a possessive year is no decade, nor are two digits with no mark (a share in a poll, an age)
        let d = try claims("The 2018's harvest was poor; she polls in the 30s and is in her 60s.")
        #expect(!d.contains { $0.provenance.rule == "claims.decade" })
    }

    @Test func dayAfterTomorrowMovesTheRelativeDay() throws {
        let c = try claims("The vote moved to the day after tomorrow.", published: "2022-06-10")
        #expect(c.map(\.text) == ["the day after tomorrow"])
        #expect(c.first?.value == .text("2022-06-12"))
        let d = try claims("Polls closed the day before yesterday.", published: "2022-06-10")
        #expect(d.first?.value == .text("2022-06-08"))
    }

    @Test func partOfTheDayBeforeOrAfterItsDay() throws {
        let c = try claims("The ferry left in the early-morning on Friday.", published: "2022-06-11")
        #expect(c.map(\.text) == ["in the early-morning on Friday"])
        #expect(c.first?.value == .text("2022-06-10TMO"))
        #expect(c.first?.kind == .time)
        let d = try claims("The ferry left Friday, in the evening.", published: "2022-06-11")
        #expect(d.first?.value == .text("2022-06-10TEV"))
        let e = try claims("The ferry leaves in the afternoon.")
        #expect(e.first?.value == .text("TAF"))
        #expect(e.first?.provenance.rule == "claims.daypart")
    }

    @Test func restOfThePeriodIsASpanToItsEnd() throws {
        let c = try claims("Roads stay shut for the rest of the month.", published: "2022-06-10")
        #expect(c.map(\.text) == ["rest of the month"])
        #expect(c.first?.value == .text("(2022-06-10,2022-06-30,P20D)"))
        // the rest of something else is no date
        #expect(try claims("The rest of the crew stayed home.").isEmpty)
    }

    // MARK: precision on news, second sample (issue 21)

    @Test func oneOfTheCountsOnlyWithASuperlative() throws {
        let c = try claims("She is one of the tallest players in the league.")
        #expect(c.map(\.text) == ["one of the tallest players"])
        #expect(c.first?.unit == "tall player")
        #expect(try claims("One of the reporters asked about the budget.").isEmpty)
        // the words after "one" are read on their own
        let d = try claims("He won as the nominee of one of the two main parties.")
        #expect(d.map(\.text) == ["two main parties"])
        #expect(d.first?.value == .number(2))
    }

    @Test func partOfAWholeCountsTheNounOfTheWhole() throws {
        let c = try claims("Smith took at least 12 of the 20 seats on offer.")
        #expect(c.map(\.text) == ["12", "20 seats"])
        #expect(c.first?.unit == "seat")
        #expect(c.first?.kind == .count)
        #expect(c.first?.provenance.rule == "claims.count-partitive")
        // a part larger than the whole is no part
        #expect(try claims("He scored 30 of the 20 seats.").first?.unit != "seat")
    }

    @Test func namesAndIdiomsHoldingANumberAreNoClaims() throws {
        #expect(try claims("The Gang of Eight met again after a Catch-22 ruling.").isEmpty)
        #expect(try claims("They watched Hawaii Five-0 reruns and praised the first-rate cast.").isEmpty)
        #expect(try claims("Aides second-guess the plan, and at first nobody objected.").isEmpty)
        #expect(try claims("A retired four-star general moved his 401(k) to a 501(c)(3) fund.").isEmpty)
        #expect(try claims("They cited the 2nd amendment and the fifth amendment.").isEmpty)
        // the number beside the name still counts
        #expect(try claims("The Gang of Eight met 3 times.").map(\.text) == ["3"])
    }

    @Test func ordinalOpeningASentenceBeforeACommaIsAnAdverb() throws {
        #expect(try claims("First, the council voted. Second, the mayor resigned.").isEmpty)
        #expect(try claims("It was the first vote of the council.").first?.kind == .ordinal)
    }

    @Test func aThirdBeforeANounIsAnOrdinal() throws {
        let c = try claims("The mayor is seeking a third term.")
        #expect(c.map(\.text) == ["third"])
        #expect(c.first?.kind == .ordinal)
        #expect(c.first?.value == .number(3))
        // a share before a verb or after a qualifier, a name, and a third party stay out of it
        #expect(try claims("A third said they would stay.").first?.kind != .ordinal)
        #expect(try claims("About a third voted no.").first?.kind != .ordinal)
        #expect(try claims("They booked a Third Wave Trio concert.").isEmpty)
        #expect(try claims("He may run as a third party candidate.").isEmpty)
    }

    @Test func plusOrMinusIsNoSign() throws {
        let c = try claims("The margin of error is plus or minus 3.5 percentage points.")
        #expect(c.first?.value == .number(3.5))
        #expect(c.first?.unit == "pp")
        #expect(try claims("It fell to minus 3 degrees.").first?.value == .number(-3))
    }

    @Test func fractionJoinedToANounIsAnAdjective() throws {
        #expect(try claims("She was a half-term senator who backed a half-measure.").isEmpty)
    }

    @Test func smallGroupWithItsNounLeftOutIsAPronoun() throws {
        #expect(try claims("The two were in talks, and all three were late.").isEmpty)
        #expect(try claims("Voters could not tell the other two apart.").isEmpty)
        // a grade word or a noun ahead, or a qualifier, keeps it
        #expect(try claims("The two most senior judges agreed.").first?.value == .number(2))
        #expect(try claims("The two rival bids were dropped.").first?.unit == "rival bid")
        #expect(try claims("He met the 30 or so pastors.").first?.value == .number(30))
    }

    @Test func numberAfterANumberSignIsACode() throws {
        #expect(try claims("The case, No. 15-674, was argued again.").isEmpty)
    }

    @Test func vagueAmountWithMoreBeforeItsNoun() throws {
        let c = try claims("The rule makes millions more workers eligible.")
        #expect(c.map(\.text) == ["millions more workers"])
        #expect(c.first?.unit == "worker")
        #expect(c.first?.value == .number(1e6))
    }

    @Test func indefinitePronounIsNoCountedNoun() throws {
        #expect(try claims("It was a turn one nobody expected.").isEmpty)
    }

    @Test func ratioWrittenAsOneCompound() throws {
        let c = try claims("Traders see a one-in-four chance of a cut.")
        #expect(c.map(\.text) == ["one-in-four"])
        #expect(c.first?.value == .number(0.25))
    }

    @Test func pluralUnitJoinedToAnAdjectiveIsNoSingleUnit() throws {
        #expect(try claims("It was a months-long and weeks-long dispute.").isEmpty)
        #expect(try claims("The talks end in an hour.").first?.value == .number(1))
    }

    @Test func pointsAfterAMarginNounArePercentagePoints() throws {
        let c = try claims("The poll's margin of error is 3.5 points.")
        #expect(c.first?.unit == "pp")
        #expect(c.first?.kind == .percent)
        #expect(try claims("Her lead narrowed to 4 points.").first?.unit == "pp")
        #expect(try claims("Lee trails Kim by 6 points among older voters.").first?.unit == "pp")
        #expect(try claims("She is 9 points ahead of him.").first?.unit == "pp")
        // points with no margin nearby stay points
        #expect(try claims("The index lost 190 points.").first?.unit == "point")
    }

    @Test func firstBeforeAPastFormIsAnAdverb() throws {
        #expect(try claims("The story was first reported by a local paper.").isEmpty)
        #expect(try claims("She first entered the race in May.").allSatisfy { $0.kind != .ordinal })
        // with a determiner it is an ordinal
        #expect(try claims("The first elected mayor spoke.").first?.kind == .ordinal)
    }

    @Test func ageAfterAComparative() throws {
        let c = try claims("Volunteers as old as 80 knocked on doors.")
        #expect(c.first?.unit == "year")
        #expect(c.first?.provenance.rule == "claims.age")
    }

    @Test func parentOfANumberCountsChildren() throws {
        let c = try claims("Lee, a mother of three who runs a bakery, spoke first.")
        #expect(c.first?.unit == "child")
        #expect(c.first?.provenance.rule == "claims.count-parent")
        #expect(try claims("He is a grandfather of nine.").first?.unit == "grandchild")
    }

    @Test func squareUnitJoinedByHyphens() throws {
        let c = try claims("They leased a 12,000-square-foot hall in a two-square-mile zone.")
        #expect(c.map(\.unit) == ["ft2", "mi2"])
        #expect(c.last?.value == .number(2))
    }

    @Test func countWithItsNounLeftOutAfterTheSentenceBefore() throws {
        // "Ann has 40 seats. Bo has 12. Cy has 3 boats. Di has 7."
        let text = "Ann has 40 seats. Bo has 12. Cy has 3 boats. Di has 7."
        let p = Provenance(stage: "segment", rule: "test", confidence: 1)
        func sentences(_ paragraphs: [Int]) -> [Sentence] {
            [Span(0, 17), Span(18, 28), Span(29, 44), Span(45, 54)].enumerated().map {
                Sentence(
                    id: $0.offset, paragraph: paragraphs[$0.offset], span: $0.element, sourceSpan: $0.element,
                    provenance: p)
            }
        }
        var doc = Document.fromCleanText(text)
        doc.sentences = sentences([0, 0, 0, 0])
        try ClaimsTests.stage.run(&doc)
        #expect(doc.claims.map(\.unit) == ["seat", "seat", "boat", "boat"])
        #expect(doc.claims[1].provenance.rule == "claims.count-elided")
        #expect(doc.claims[1].provenance.confidence < doc.claims[0].provenance.confidence)
        // never across a paragraph
        var other = Document.fromCleanText(text)
        other.sentences = sentences([0, 1, 1, 2])
        try ClaimsTests.stage.run(&other)
        #expect(other.claims.map(\.unit) == ["seat", nil, "boat", nil])
    }

    @Test func spelledNumberAfterALabelWordIsALabel() throws {
        #expect(try claims("Fans waited for season four of the show.").isEmpty)
        #expect(try claims("The storm reached category 4 by noon.").map(\.text) == ["noon"])
    }
}
