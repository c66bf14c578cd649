import Testing

@testable import Hearsay

@Suite struct AttributeTests {
    static let stage: QuoteAttributor = try! QuoteAttributor(config: .init(), resources: ResourceLoader())

    /// Runs the attribute stage alone on a document built by hand (``DocumentBuilder``: clean text, paragraphs at
    /// blank lines, sentences by the builder's rule), not on the output of normalize and segment.
    func run(_ text: String) throws -> Document {
        var doc = DocumentBuilder.make(text)
        try Self.stage.run(&doc)
        return doc
    }

    @Test func apostrophesNeverOpenOrCloseQuotes() throws {
        let doc = try run(
            """
            The app’s owners met Fox News’ host on Monday. Officials’ worries grew in the ’90s, and rock ’n’ roll \
            fans didn’t care.

            The users’ data is safe, the firm’s lawyer said.
            """)
        #expect(doc.quotes.allSatisfy { $0.kind == .indirect })
    }

    @Test func curlySingleQuoteWithCueAfterIsDirect() throws {
        let doc = try run("‘We will appeal the ruling,’ said Maria Lopez, a lawyer for the company.")
        let q = try #require(doc.quotes.first)
        #expect(q.kind == .direct)
        #expect(q.text == "We will appeal the ruling,")
        #expect(doc.speakerName(of: q) == "Maria Lopez")
        let speaker = try #require(doc.speakers.first)
        #expect(speaker.type == .person)
        #expect(speaker.descriptions.contains("a lawyer for the company"))
    }

    @Test func aPlaceAfterOfIsNotTheSpeaker() throws {
        for (text, name) in [
            ("Sen. Ada Kowalski of Ohio said the deal was “a betrayal of workers.”", "Ada Kowalski"),
            ("President Lin of Taiwan said the drills were “a threat.”", "Lin"),
        ] {
            let doc = try run(text)
            let q = try #require(doc.quotes.first)
            #expect(doc.speakerName(of: q) == name, "\(text)")
        }
    }

    @Test func coordinatedAndAdverbialParticipleCuesTakeTheClauseSubject() throws {
        // An Oxford comma before "and" closes the first conjunct, not the clause.
        let a = try run(
            "Mayor Rosa Diaz has criticised the board publicly, and has referred to it as “a rubber stamp.”")
        #expect(a.quotes.first.flatMap { a.speakerName(of: $0) } == "Rosa Diaz")
        // "began by saying": a participle after a preposition.
        let b = try run("Dr. Omar Haddad then appeared on radio and began by saying he would “never” diagnose anyone.")
        #expect(b.quotes.first.flatMap { b.speakerName(of: $0) } == "Omar Haddad")
        // Naming and judging verbs attribute the quoted label.
        let c = try run("Governor Ines Okoro lauded the engineers for their “bold and careful work.”")
        #expect(c.quotes.first.flatMap { c.speakerName(of: $0) } == "Ines Okoro")
        // A raising verb with a particle before an infinitive cue; a possessive relation as the speaker.
        let e = try run("Mayor Rosa Diaz spoke first.\n\nShe went on to say, “Every ballot counts in this city.”")
        #expect(e.quotes.first.flatMap { e.speakerName(of: $0) } == "Rosa Diaz")
        let f = try run("“We live in hard times,” my father often said.")
        #expect(f.quotes.first.flatMap { f.speakerName(of: $0) } == "my father")
        // A refusal is reported as such (PolNeAR's annotators mark `declined` as a cue 68 of 88 times on train): the
        // report is the refused content, its speaker the one who refused; "say" after "declined to" is no cue.
        let g = try run("Mayor Rosa Diaz declined to say whether the vote would be held.")
        #expect(g.quotes.count == 1)
        #expect(g.quotes.first?.cue?.lemma == "decline")
        #expect(g.quotes.first.flatMap { g.speakerName(of: $0) } == "Rosa Diaz")
        let d = try run("‘Go and vote,’ Mayor Rosa Diaz implored. ‘Every ballot counts.’")
        #expect(d.quotes.count == 1)
        #expect(d.quotes.first.flatMap { d.speakerName(of: $0) } == "Rosa Diaz")
    }

    @Test func aQuoteWithoutSpeakerSaysWhy() throws {
        let doc = try run("The hall was full.\n\nShe called the vote “rigged and unfair” on Monday.")
        let q = try #require(doc.quotes.first)
        #expect(q.speaker == nil)
        let note = try #require(doc.diagnostics.first { $0.code == "attribute.speaker-unknown" })
        #expect(note.message.contains("'She'"))
        #expect(note.sourceSpan == q.fragments.first?.sourceSpan)
    }

    @Test func quoteSplitByItsCueIsOneQuote() throws {
        let doc = try run("‘The bridge is safe,’ Jonas Berg said. ‘We inspected it twice this year.’")
        #expect(doc.quotes.count == 1)
        let q = try #require(doc.quotes.first)
        #expect(q.fragments.count == 2)
        #expect(doc.speakerName(of: q) == "Jonas Berg")
        #expect(q.cue?.text == "said")
    }

    @Test func multiParagraphQuoteWithNestedQuoteIsOneQuote() throws {
        let doc = try run(
            """
            Harbour master Ellen Voss spoke to reporters on Friday.

            She said: ‘The storm came in faster than forecast.

            ‘We had crews out all night. The warning said ‘stay in port’ and most boats did.’

            The port reopened on Saturday.
            """)
        let direct = doc.quotes.filter { $0.kind == .direct }
        #expect(direct.count == 1)
        let q = try #require(direct.first)
        #expect(q.fragments.count == 2)
        #expect(q.text.contains("‘stay in port’"))
        #expect(q.text.hasSuffix("most boats did."))
        #expect(doc.speakerName(of: q) == "Ellen Voss")
        #expect(q.attribution?.rule == "speaker.pronoun")
    }

    @Test func unclosedQuoteStopsAtItsParagraph() throws {
        let doc = try run(
            """
            Mayor Chen said: ‘The plan is finished

            The council will vote next week on the proposal and the budget.
            """)
        let q = try #require(doc.quotes.first { $0.kind == .direct })
        #expect(q.text == "The plan is finished")
        #expect(q.provenance.rule == "quote.unclosed-at-paragraph-end")
        #expect(q.provenance.confidence < 0.9)
    }

    @Test func definiteDescriptionRefersToTheLastNamedSpeaker() throws {
        let doc = try run(
            """
            Foreign Secretary Amelia Hart said the talks had been useful.

            The senior diplomat added that both sides would meet again ‘as soon as the weather allows.’
            """)
        let names = doc.quotes.map { doc.speakerName(of: $0) }
        #expect(names.count == 2)
        #expect(names.allSatisfy { $0 == "Amelia Hart" })
        #expect(doc.quotes.last?.attribution?.rule == "speaker.definite-description")
        #expect(doc.speakers.count == 1)
    }

    @Test func anonymousSourceIsTiedToItsOrganization() throws {
        let doc = try run("A Nordbank spokeswoman told reporters in an email: ‘We do not comment on client accounts.’")
        let q = try #require(doc.quotes.first)
        #expect(q.kind == .direct)
        let s = try #require(doc.speakers.first)
        #expect(s.type == .anonymous)
        #expect(s.affiliation == "Nordbank")
    }

    @Test func lastNameMergesWithFullName() throws {
        let doc = try run(
            """
            Senator Paul Okafor said the bill was dead.

            ‘There are no votes for it,’ Okafor said.
            """)
        #expect(doc.speakers.count == 1)
        #expect(doc.speakers.first?.name == "Paul Okafor")
        #expect(doc.speakers.first?.descriptions.contains("Senator") == true)
        #expect(doc.quotes.count == 2)
    }

    @Test func mixedQuoteCoversTheReportedClause() throws {
        let doc = try run("The regulator said the merger was ‘not in the public interest’ and would be blocked.")
        let q = try #require(doc.quotes.first)
        #expect(q.kind == .mixed)
        #expect(q.text.hasPrefix("the merger was ‘not in the public interest’"))
    }

    @Test func indirectSpeechWithCueAfterAndAccordingTo() throws {
        let doc = try run(
            """
            The harbour will stay closed until the spring, the port authority said.

            According to Lena Moss, the repairs will cost more than planned.
            """)
        try #require(doc.quotes.count == 2)
        #expect(doc.quotes.allSatisfy { $0.kind == .indirect })
        #expect(doc.quotes[0].text == "The harbour will stay closed until the spring")
        #expect(doc.speakerName(of: doc.quotes[0]) == "port authority")
        #expect(doc.speakerName(of: doc.quotes[1]) == "Lena Moss")
        #expect(doc.quotes[1].text == "the repairs will cost more than planned")
    }

    @Test func scareQuotesWithoutSpeakerAreNotQuotes() throws {
        let doc = try run("The so-called ‘smart’ meters were installed last year in most homes.")
        #expect(doc.quotes.isEmpty)
    }

    @Test func quoteSpansMapToTheOriginalBytes() throws {
        let doc = try run("Intro line here.\n\n‘Prices will fall,’ Ada Brandt said.")
        let q = try #require(doc.quotes.first)
        #expect(doc.originalText(q.fragments[0].sourceSpan) == "Prices will fall,")
    }

    @Test func colonLabelNamesTheSpeaker() throws {
        let doc = try run(
            "Marta Lindqvist, The Harbour Gazette: “The council has finally listened to the ferry users.”")
        let q = try #require(doc.quotes.first)
        #expect(q.kind == .direct)
        #expect(doc.speakerName(of: q) == "Marta Lindqvist")
        #expect(q.attribution?.rule == "speaker.colon-label")
    }

    @Test func parentheticalCueKeepsBothSidesOfTheReport() throws {
        let doc = try run("Too often, Mr. Halvorsen said, the debate about the bridge ignores the people who cross it.")
        let q = try #require(doc.quotes.first)
        #expect(q.kind == .indirect)
        #expect(q.fragments.count == 2)
        #expect(doc.speakerName(of: q) == "Halvorsen")
    }

    @Test func saidAndAddingAreTwoReports() throws {
        let doc = try run("The operator said the delay was ‘regrettable’, adding there was ‘no risk to passengers’.")
        #expect(doc.quotes.count == 2)
        #expect(doc.quotes.allSatisfy { $0.kind == .mixed })
        #expect(doc.quotes[1].text.hasPrefix("there was ‘no risk"))
    }

    @Test func titleCaseQuotationIsATitleNotSpeech() throws {
        let doc = try run("She wrote an op-ed titled “Bridges Are Not the Enemy” for the local paper last spring.")
        // The title is no quotation of its own (the sentence may still report what she wrote).
        #expect(!doc.quotes.contains { $0.text.hasPrefix("Bridges Are Not") })
        #expect(!doc.quotes.contains { $0.kind == .direct })
    }

    @Test func definiteDescriptionInsideAnInsetStaysInTheInset() throws {
        let doc = try run(
            """
            Councillor Ivo Brandt said the ferry would run all winter.

            Port authority warns of record storm season ahead for northern harbours

            The harbour master has warned that the coming season could bring record storms.

            Lena Moss told the port board the warning came from new forecasts.
            """)
        let warned = try #require(doc.quotes.first { $0.text.hasPrefix("that the coming season") })
        #expect(doc.speakerName(of: warned) != "Ivo Brandt")
    }

    @Test func determinerAndBarePluralSubjectsReportSpeech() throws {
        // "some" and "one" open the subject; a bare plural is a group.
        let a = try run("At the hearing, some farmers claimed that the new rules were “written by lobbyists.”")
        let qa = try #require(a.quotes.first)
        #expect(qa.kind == .mixed)
        #expect(qa.text.hasPrefix("that the new rules were “written by lobbyists"))
        let b = try run("But economists worry that the harbour tax will drive the ferries away.")
        let qb = try #require(b.quotes.first)
        #expect(qb.kind == .indirect)
        #expect(qb.text == "that the harbour tax will drive the ferries away")
        #expect(b.speakerName(of: qb) == "economists")
    }

    @Test func aQuotationAfterAWordIsNotTheSecondHalfOfASplitQuote() throws {
        let doc = try run(
            """
            “We have waited long enough,” Mayor Rosa Diaz said, going on to say that the city has spent “decades \
            fighting for this bridge.”
            """)
        try #require(doc.quotes.count == 2)
        #expect(doc.quotes[0].kind == .direct)
        #expect(doc.quotes[0].fragments.count == 1)
        #expect(doc.quotes[1].kind == .mixed)
        #expect(doc.quotes[1].text.hasPrefix("that the city has spent “decades"))
    }

    @Test func aCueOutsideTheQuoteOfItsSentenceStillReports() throws {
        let doc = try run(
            "Admiral Ines Okoro said the fleet was “stretched thin” and says she will ask for more ships.")
        try #require(doc.quotes.count == 2)
        #expect(doc.quotes[0].kind == .mixed)
        #expect(doc.quotes[1].kind == .indirect)
        #expect(doc.quotes[1].text == "she will ask for more ships")
    }

    @Test func aCoordinatedCueOpensThePartialQuotation() throws {
        let doc = try run(
            "Mayor Lena Moss called the plan “reckless” and called for the fees to be “paid back” by the board.")
        let q = try #require(doc.quotes.last)
        #expect(q.kind == .mixed)
        #expect(q.text.hasPrefix("for the fees to be “paid back”") || q.text.hasPrefix("the fees to be “paid back”"))
        #expect(doc.speakerName(of: q) == "Lena Moss")
    }

    @Test func multiWordCueFormsAreSeparatedByBars() throws {
        let doc = try run("Mayor Rosa Diaz pointed out that the ferry had never once been late.")
        let q = try #require(doc.quotes.first)
        #expect(q.cue?.lemma == "point out")
        #expect(q.text == "that the ferry had never once been late")
    }

    @Test func aRelativePronounBeforeTheCueTakesTheNounBeforeIt() throws {
        // Set off by commas, the relative clause's report ends at the next comma; the main clause reports too.
        let a = try run("Mayor Lena Moss, who said the tunnel was safe, has now ordered a second inspection.")
        let qa = try #require(a.quotes.first)
        #expect(qa.kind == .indirect)
        #expect(qa.text == "the tunnel was safe")
        #expect(a.speakerName(of: qa) == "Lena Moss")
        #expect(qa.provenance.rule == "quote.indirect-relative")
        // Restrictive: no comma, the plural before "who" is the group that speaks.
        let b = try run("The plan angered dockworkers who say the new quotas will ruin the harbour towns.")
        let qb = try #require(b.quotes.first)
        #expect(qb.text == "the new quotas will ruin the harbour towns")
        #expect(b.speakerName(of: qb) == "dockworkers")
    }

    @Test func aChainOfAsidesAfterAnAgeOrAnAbbreviationKeepsTheName() throws {
        // An age closes the first aside, a description the second.
        let a = try run("Tomas Varga, 58, a ferry pilot from Duluth, said the new pier had been built too low.")
        let qa = try #require(a.quotes.first)
        #expect(qa.text == "the new pier had been built too low")
        #expect(a.speakerName(of: qa) == "Tomas Varga")
        // An abbreviated state closes the first aside.
        let b = try run("Sen. Ada Kowalski, D-Okla., speaking on local radio, said the levy would be repealed.")
        let qb = try #require(b.quotes.first)
        #expect(b.speakerName(of: qb) == "Ada Kowalski")
    }

    @Test func aCueCoordinatedAfterAnAsideOrWithButTakesTheFirstSubject() throws {
        let a = try run("Tomas Varga, 58, toured the flooded pier on Monday and said the town needed a new one.")
        let qa = try #require(a.quotes.first)
        #expect(qa.text == "the town needed a new one")
        #expect(a.speakerName(of: qa) == "Tomas Varga")
        // The refusal is a report of its own (`decline` is a belief cue), ended before "but said".
        let b = try run("Ines Kohl declined to name the owner but said the ship would be towed away.")
        #expect(b.quotes.first { $0.cue?.lemma == "decline" }?.text == "to name the owner")
        let qb = try #require(b.quotes.first { $0.cue?.lemma == "say" })
        #expect(qb.text == "the ship would be towed away")
        #expect(b.speakerName(of: qb) == "Ines Kohl")
        // A name in the possessive inside an apposition is not the subject of the coordination.
        let c = try run("She backs free transit, one of Mayor Lin’s projects, but believes the city lacks parking.")
        #expect(!c.quotes.contains { c.speakerName(of: $0) == "Lin" })
    }

    @Test func withoutAnObjectTheCueReachesThatOnlyOverAnAdjunct() throws {
        // "that" after an adjunct opens the report; after an object it is a relative pronoun inside the report.
        let a = try run("Mayor Ruth Okafor said on Monday that the ferry would resume in May.")
        #expect(a.quotes.first?.text == "that the ferry would resume in May")
        let c = try run("Mayor Ruth Okafor stressed her support for the levy that funds the harbour repairs.")
        #expect(c.quotes.first?.text == "her support for the levy that funds the harbour repairs")
    }

    @Test func aShareOfAGroupIsASpeaker() throws {
        let doc = try run(
            """
            The survey reached 900 commuters in March.

            Forty-one percent said the timetable had improved since May. Six in 10 say the fares are too high.
            """)
        try #require(doc.quotes.count == 2)
        #expect(doc.quotes[0].text == "the timetable had improved since May")
        #expect(doc.speakerName(of: doc.quotes[0]) == "Forty-one percent")
        #expect(doc.quotes[1].text == "the fares are too high")
        #expect(doc.speakerName(of: doc.quotes[1]) == "Six in 10")
    }

    @Test func presentAndBaseFormsOfBeliefCuesReport() throws {
        let doc = try run("Recent polls show that support for the bridge toll is falling in both towns.")
        let q = try #require(doc.quotes.first)
        #expect(q.cue?.lemma == "show")
        #expect(q.text == "that support for the bridge toll is falling in both towns")
    }

    @Test func nounFormsOfStateOnlyAttributeQuotesInMarks() throws {
        let a = try run("A few states have yet to decide on the ferry subsidy.")
        #expect(a.quotes.isEmpty)
        let b = try run("“The hull was never inspected,” the harbour survey states.")
        let q = try #require(b.quotes.first)
        #expect(q.kind == .direct)
        #expect(q.cue?.lemma == "state")
    }

    @Test func aPronounTakesThePersonMentionedLast() throws {
        // Okafor's latest mention (paragraph 6) is more recent than Weiss's, though his quote was attributed later.
        let doc = try run(
            """
            “We will win this district,” Mr. Okafor said.

            The count went on through the night.

            Volunteers carried boxes from the schools.

            The hall stayed open until dawn.

            The crowd later cheered Senator Paul Weiss.

            Later, Mr. Okafor visited the flooded site.

            “The water came in fast and stayed for days,” he said.
            """)
        let q = try #require(doc.quotes.last)
        #expect(doc.speakerName(of: q) == "Okafor")
        #expect(q.attribution?.rule == "speaker.pronoun")
    }

    @Test func aSentenceSubjectWithoutCueIsAPronounCandidate() throws {
        // Weiss opens the last paragraph's first sentence without a cue: "he" is Weiss, not Brandt, the last
        // speaker, four paragraphs back.
        let doc = try run(
            """
            Senator Paul Weiss toured the plant.

            Governor Lena Brandt called the plan “reckless” in a speech on Monday.

            The plant employs four hundred people.

            Its owners have not commented.

            Shares fell on Tuesday.

            Weiss visited the plant again on Friday. Later, he told a crowd in Dover that it was “doomed from the \
            start.”
            """)
        let q = try #require(doc.quotes.last)
        #expect(doc.speakerName(of: q) == "Paul Weiss")
    }

    @Test func definiteDescriptionNeedsAnAntecedentWithThatRole() throws {
        // "the senator" is Weiss, introduced as a senator, not Brandt, named last.
        let a = try run(
            """
            Senator Paul Weiss opposed the bill. Mayor Lena Brandt said the city would adapt.

            The senator said the bill was “a gift to the insurers.”
            """)
        #expect(a.quotes.last.flatMap { a.speakerName(of: $0) } == "Paul Weiss")
        // No one was introduced as the Republican nominee: the description stays the speaker, with a note.
        let b = try run(
            """
            Democratic nominee Ana Ruiz spoke in Ohio on Monday.

            The Republican nominee vowed to “cut every tax that hurts a family.”
            """)
        let q = try #require(b.quotes.last)
        #expect(b.speakerName(of: q) == "Republican nominee")
        #expect(q.attribution?.rule == "speaker.description")
        #expect(b.diagnostics.contains { $0.code == "attribute.speaker-description" })
        // A team is not the player named before it.
        let c = try run(
            """
            Quarterback Tom Reyes knelt during the anthem.

            “We respect everyone who served this country and we always will,” the team wrote.
            """)
        #expect(c.quotes.last.flatMap { c.speakerName(of: $0) } == "team")
    }

    @Test func aNameInAnAsideAfterADescriptionIsTheSpeaker() throws {
        let a = try run("The club’s general manager, Ann Roe, later said that “nearly every worker” is insured.")
        #expect(a.quotes.first.flatMap { a.speakerName(of: $0) } == "Ann Roe")
        let b = try run(
            "His former business partner, Lawrence B. Cummings, called him “a master of the impossible deal.”")
        #expect(b.quotes.first.flatMap { b.speakerName(of: $0) } == "Lawrence B. Cummings")
        // A parenthesis and a relative clause between the name and the cue.
        let c = try run("Sen. Ada Kowalski (Ohio), who lost the primary in May, called the vote “a sham.”")
        #expect(c.quotes.first.flatMap { c.speakerName(of: $0) } == "Ada Kowalski")
    }

    @Test func placesAndGroupsAreNeverHeOrShe() throws {
        let doc = try run(
            """
            Governor Tom Reyes visited the county on Monday.

            Turnout rose in Marsden this year. Marsden reported “record numbers” at noon. Demonstrators said they             wanted “a fair count” and stayed calm.

            “We are proud of every single voter in this state,” he said.
            """)
        let q = try #require(doc.quotes.last)
        #expect(doc.speakerName(of: q) == "Tom Reyes")
        let group = try #require(doc.speakers.first { $0.name == "Demonstrators" })
        #expect(group.type == .group)
    }

    @Test func titleCaseSummaryKeepsItsCue() throws {
        let doc = try run(
            """
            At A Summit, Ana Ruiz Said “The Market Is Strong.” “The market is strong, and we all see it every day.”
            """)
        let q = try #require(doc.quotes.first)
        #expect(doc.speakerName(of: q) == "Ana Ruiz")
        // The quotation right after the summary's is the same quote.
        #expect(doc.quotes.count == 1)
        #expect(q.fragments.count == 2)
        // A capitalized cue word counts only after a name that opens its clause ("State" after "Leaving" is none).
        let b = try run(
            "Ana Ruiz Said Her Staff Did Well After Leaving State. “We could not have done it without every one of you.”"
        )
        let last = try #require(b.quotes.last)
        #expect(b.speakerName(of: last) == "Ana Ruiz")
    }

    @Test func transcriptLabelNamesTheSpeaker() throws {
        let doc = try run(
            """
            Mayor Tom Reyes met the council.

            “MODERATOR: Thank you all for coming out tonight.”

            “MR. REYES: It is a pleasure to be here with all of you.”
            """)
        let names = doc.quotes.map { doc.speakerName(of: $0) }
        #expect(names == ["MODERATOR", "Tom Reyes"])
        #expect(doc.quotes.allSatisfy { $0.attribution?.rule == "speaker.transcript-label" })
    }

    @Test func aQuoteAfterAReportInItsParagraphIsByThatSpeaker() throws {
        let a = try run("Engineer Jonas Berg said the bridge was unsafe. “We saw cracks in every single beam.”")
        let q = try #require(a.quotes.first { $0.kind == .direct })
        #expect(a.speakerName(of: q) == "Jonas Berg")
        #expect(q.attribution?.rule == "speaker.previous-sentence-cue")
        // A quote right after an attributed one in its paragraph continues it.
        let b = try run("Maria Lopez called the ruling “a disgrace.” “We will appeal it at once and we will win.”")
        let last = try #require(b.quotes.last)
        #expect(b.speakerName(of: last) == "Maria Lopez")
    }

    @Test func aDescriptionBetweenTheTwoPartsOfASplitQuoteIsTheSpeaker() throws {
        let doc = try run(
            """
            Mayor Tom Reyes spoke in the morning.

            “We need change,” the retired shipbuilder said. “The yard has had no plan for years.”
            """)
        // The two quotations are joined across the cue; the phrase before the cue is a description.
        let q = try #require(doc.quotes.first { $0.kind == .direct })
        #expect(q.provenance.rule == "quote.split-by-cue")
        #expect(doc.speakerName(of: q) == "retired shipbuilder")
        // A quotation after a word inside the reported clause is a partial quote, not the split quote's second part;
        // the description still speaks the first.
        let partial = try run(
            "“We need change,” the retired shipbuilder said, arguing that the yard needs a “real plan.”")
        let first = try #require(partial.quotes.first)
        #expect(first.provenance.rule != "quote.split-by-cue")
        #expect(partial.speakerName(of: first) == "retired shipbuilder")
    }

    @Test func aNoticeLabelIsNoTranscriptSpeaker() throws {
        let doc = try run("“BREAKING: The bridge is closed until Monday,” the harbour agency said.")
        let q = try #require(doc.quotes.first)
        #expect(q.attribution?.rule != "speaker.transcript-label")
        #expect(doc.speakerName(of: q) != "BREAKING")
    }
}
