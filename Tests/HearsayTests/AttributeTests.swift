import Testing
@testable import Hearsay

@Suite struct AttributeTests {
    let stages = ["normalize", "segment", "attribute"]

    func run(_ text: String) throws -> Document { try process(text, stages: stages) }

    @Test func apostrophesNeverOpenOrCloseQuotes() throws {
        let doc = try run("""
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
        let a = try run("Mayor Rosa Diaz has criticised the board publicly, and has referred to it as “a rubber stamp.”")
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
        let g = try run("Mayor Rosa Diaz declined to say whether the vote would be held.")
        #expect(g.quotes.isEmpty)
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
        let doc = try run("""
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
        let doc = try run("""
            Mayor Chen said: ‘The plan is finished

            The council will vote next week on the proposal and the budget.
            """)
        let q = try #require(doc.quotes.first { $0.kind == .direct })
        #expect(q.text == "The plan is finished")
        #expect(q.provenance.rule == "quote.unclosed-at-paragraph-end")
        #expect(q.provenance.confidence < 0.9)
    }

    @Test func definiteDescriptionRefersToTheLastNamedSpeaker() throws {
        let doc = try run("""
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
        let doc = try run("""
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
        let doc = try run("""
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
        let doc = try run("Marta Lindqvist, The Harbour Gazette: “The council has finally listened to the ferry users.”")
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
        let doc = try run("""
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
        let doc = try run("""
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
        let doc = try run("Admiral Ines Okoro said the fleet was “stretched thin” and says she will ask for more ships.")
        try #require(doc.quotes.count == 2)
        #expect(doc.quotes[0].kind == .mixed)
        #expect(doc.quotes[1].kind == .indirect)
        #expect(doc.quotes[1].text == "she will ask for more ships")
    }

    @Test func aCoordinatedCueOpensThePartialQuotation() throws {
        let doc = try run("Mayor Lena Moss called the plan “reckless” and called for the fees to be “paid back” by the board.")
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

    @Test func aShareOfAGroupIsASpeaker() throws {
        let doc = try run("""
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
}
