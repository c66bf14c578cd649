import Foundation
import Testing

@testable import Hearsay

/// The passes of speaker coreference (`SpeakerResolver`, `attribute-coreference.json`), each on sentences of our own.
@Suite struct SpeakerSieveTests {
    func run(_ text: String, extra: String = "") throws -> Document {
        let pipeline = try makePipeline(["normalize", "segment", "attribute"], extra: extra)
        var doc = Document(id: "test.txt", path: "test.txt", bytes: Array(text.utf8))
        try pipeline.process(&doc)
        return doc
    }

    @Test func theSubjectOfTheSentenceBeforeIsThePronounsAntecedent() throws {
        // Brenn spoke last, but Ostrow is the subject of the sentence right before "he said".
        let text = """
            Tom Brenn said the depot was in good order.

            Councillor Paul Ostrow walked through the depot on Tuesday. “The buses are falling apart,” he said.
            """
        let doc = try run(text)
        let q = try #require(doc.quotes.first { $0.text.contains("falling apart") })
        #expect(doc.speakerName(of: q) == "Paul Ostrow")
        #expect(q.attribution?.rule == "speaker.pronoun")
        // Without the subject pass the last speaker of a cue wins.
        let off = try run(
            text, extra: "\"attribute\": {\"coreference\": \"\(try sieveFile(dropping: "speaker.subject"))\"}")
        let q2 = try #require(off.quotes.first { $0.text.contains("falling apart") })
        #expect(off.speakerName(of: q2) == "Tom Brenn")
    }

    @Test func aSubjectAfterAnOpeningAdjunctOrBehindItsRoleCounts() throws {
        let doc = try run(
            """
            Tom Brenn said the depot was in good order.

            On Tuesday, state senator Rosa Ilves walked the yard. “Half of these buses are unsafe,” she said.
            """)
        let q = try #require(doc.quotes.first { $0.text.contains("unsafe") })
        #expect(doc.speakerName(of: q) == "Rosa Ilves")
    }

    @Test func aSubjectAfterASentenceAdverbWithARelativeWhoIsAPerson() throws {
        let doc = try run(
            """
            Tom Brenn said the depot was in good order.

            Meanwhile Ilves, who runs the night shift, walked the yard. “Half of these buses are unsafe,” she said.
            """)
        let q = try #require(doc.quotes.first { $0.text.contains("unsafe") })
        #expect(doc.speakerName(of: q) == "Ilves")
    }

    @Test func aPlaceAPeopleOrADocumentIsNeverHeOrShe() throws {
        let doc = try run(
            """
            Governor Ruth Alvey wrote to the council on Monday. The letter said the roads would be repaired.

            Americans say they want better roads. Nevada said it would help.

            “I keep my promises,” she said.
            """)
        let q = try #require(doc.quotes.first { $0.text.contains("promises") })
        #expect(doc.speakerName(of: q) == "Ruth Alvey")
        // The state that spoke is a body, not a person.
        let nevada = try #require(doc.speakers.first { $0.name == "Nevada" })
        #expect(nevada.type == .organization)
        #expect(doc.speakers.first { $0.name == "Americans" }.map { $0.type != .person } ?? true)
    }

    @Test func sheGoesToAPersonKnownToBeFemaleBeforeANearerUnknownOne() throws {
        let doc = try run(
            """
            The rally heard Sen. Quinn Osei after Grace Liddell.

            “We are ready for the vote,” she said.
            """)
        let q = try #require(doc.quotes.first)
        #expect(doc.speakerName(of: q) == "Grace Liddell")
        #expect(q.attribution?.rule == "speaker.pronoun-gender")
    }

    @Test func aGivenNameAfterACapitalizedModifierTellsTheGender() throws {
        let doc = try run(
            """
            Republican Grace Liddell said on Monday that she would vote against the plan, unlike Quinn Osei.

            “It costs too much,” she said.
            """)
        let q = try #require(doc.quotes.first { $0.text.contains("costs") })
        #expect(doc.speakerName(of: q)?.hasSuffix("Grace Liddell") == true)
    }

    @Test func aContractedPronounIsAPronounNeverAName() throws {
        let doc = try run(
            """
            Mayor Dan Vickery opened the new bridge on Friday.

            He’s predicting that traffic will “fall by half within a year.”
            """)
        let q = try #require(doc.quotes.first { $0.text.contains("fall by half") })
        #expect(doc.speakerName(of: q) == "Dan Vickery")
        #expect(!doc.speakers.contains { $0.name.contains("’") })
    }

    @Test func aDescriptionNoOneCarriesGoesToTheSalientPerson() throws {
        let text = """
            Peter Lindqvist said on Monday that the mill would close.

            “The workers will be paid until spring,” the businessman said.
            """
        let doc = try run(text)
        let q = try #require(doc.quotes.first { $0.text.contains("paid until spring") })
        #expect(doc.speakerName(of: q) == "Peter Lindqvist")
        #expect(q.attribution?.rule == "speaker.definite-salient")
        // Without the pass the description stands for someone unnamed.
        let off = try run(
            text, extra: "\"attribute\": {\"coreference\": \"\(try sieveFile(dropping: "speaker.definite-salient"))\"}")
        let q2 = try #require(off.quotes.first { $0.text.contains("paid until spring") })
        #expect(q2.attribution?.rule == "speaker.description")
    }

    @Test func aRoleInASceneNeedsEvidenceThatTheSalientPersonHoldsIt() throws {
        // Ostrow spoke last, but no one said he hosts the show or sits on the bench: "the host" and "the judge" are
        // someone else (not in `salient_heads`), and stay descriptions.
        for description in ["the host", "the judge", "the former finance minister"] {
            let doc = try run(
                """
                Paul Ostrow said on the morning show that the depot would close.

                “Thank you for coming in today,” \(description) said.
                """)
            let q = try #require(doc.quotes.first { $0.text.contains("coming in today") })
            #expect(q.attribution?.rule == "speaker.description", "\(description)")
            #expect(doc.speakerName(of: q) != "Paul Ostrow", "\(description)")
        }
        // Given that role, the person is found by it (`speaker.definite-description`).
        let doc = try run(
            """
            Host Paul Ostrow said on the morning show that the depot would close.

            “Thank you for coming in today,” the host said.
            """)
        let q = try #require(doc.quotes.first { $0.text.contains("coming in today") })
        #expect(doc.speakerName(of: q) == "Paul Ostrow")
        #expect(q.attribution?.rule == "speaker.definite-description")
    }

    @Test func aRoleGivenInAnAppositionIsEvidenceForTheDescriptionLater() throws {
        // "the former harbour master" is no standing head (`salient_heads`): without evidence that Varga holds the
        // role it stays a description. The apposition outside any speaker phrase is that evidence.
        let lead = "Maria Varga said the ferry timetable would change in June.\n\n"
        let quote = "\n\n“We will finish the pier before the storms,” the former harbour master said.\n"
        let doc = try run(lead + "Varga, the former harbour master, is part of the old guard at the port." + quote)
        let q = try #require(doc.quotes.first { $0.text.contains("finish the pier") })
        #expect(doc.speakerName(of: q) == "Maria Varga")
        #expect(q.attribution?.rule == "speaker.definite-description")
        // At the end of its sentence too, and after the city's possessive.
        let end = try run(lead + "The board thanked Varga, the city’s former harbour master." + quote)
        let q2 = try #require(end.quotes.first { $0.text.contains("finish the pier") })
        #expect(end.speakerName(of: q2) == "Maria Varga")
        // A clause after an adjunct is no apposition ("After meeting Varga, the former harbour master said ...").
        let clause = try run(
            lead + "After meeting Varga, the former harbour master said no." + quote)
        let q3 = try #require(clause.quotes.first { $0.text.contains("finish the pier") })
        #expect(clause.speakerName(of: q3) != "Maria Varga")
        // Without the apposition the description names no one.
        let none = try run(lead + "Varga is part of the old guard at the port." + quote)
        let q4 = try #require(none.quotes.first { $0.text.contains("finish the pier") })
        #expect(none.speakerName(of: q4) != "Maria Varga")
        #expect(q4.attribution?.rule == "speaker.description")
    }

    @Test func localAndStateTitlesAreSplitFromTheName() throws {
        let doc = try run(
            """
            “The depot stays open,” said Councilwoman Dana Whitlock.

            Alderman Tomas Brandt said: “We will vote on it in March.”

            “Nobody asked the county,” Commissioner Ines Kohl said.

            Assemblyman Kai Lindqvist told reporters: “The bill is dead.”
            """)
        for (words, name) in [
            ("depot stays open", "Dana Whitlock"), ("vote on it", "Tomas Brandt"),
            ("Nobody asked", "Ines Kohl"), ("bill is dead", "Kai Lindqvist"),
        ] {
            let q = try #require(doc.quotes.first { $0.text.contains(words) })
            #expect(doc.speakerName(of: q) == name)
        }
    }

    @Test func aSentenceOpenedByHeCarriesItsAntecedentsSalienceOn() throws {
        // Ostrow is the subject two paragraphs back; "He said ..." in between is about him, so he stays salient,
        // though Brenn was mentioned after him.
        let text = """
            Councillor Paul Ostrow walked the depot on Tuesday. The visit was planned by the office of Mayor Tom Brenn.

            He said the buses were old and the roof leaked.

            “The council will never pay for the repairs,” he added.
            """
        let doc = try run(text)
        let q = try #require(doc.quotes.first { $0.text.contains("never pay") })
        #expect(doc.speakerName(of: q) == "Paul Ostrow")
        let off = try run(
            text, extra: "\"attribute\": {\"coreference\": \"\(try sieveFile(dropping: "speaker.pronoun-subject"))\"}")
        let q2 = try #require(off.quotes.first { $0.text.contains("never pay") })
        #expect(off.speakerName(of: q2) == "Tom Brenn")
    }

    @Test func thePersonAskedAQuestionAnswersIt() throws {
        let text = """
            The radio host Marco Delane asked Senator Jorge Sablan whether the bridge would open in May.

            “We are two months behind,” he said.
            """
        let doc = try run(text)
        let q = try #require(doc.quotes.first { $0.text.contains("two months") })
        #expect(doc.speakerName(of: q) == "Jorge Sablan")
        // Without the pass the asker, the speaker of the cue, is the more salient.
        let off = try run(
            text, extra: "\"attribute\": {\"coreference\": \"\(try sieveFile(dropping: "speaker.addressee"))\"}")
        let q2 = try #require(off.quotes.first { $0.text.contains("two months") })
        #expect(off.speakerName(of: q2) == "Marco Delane")
    }

    @Test func aDescriptionNamingAnotherPersonOrAnAgentIsNeverTheSalientPerson() throws {
        let lead =
            "Tom Brenn said on Monday that the depot would close. Paul Ostrow told reporters the union would fight."
        // "the Brenn campaign manager" works for Brenn; "the spokesman" speaks for someone (`new_person_heads`).
        for description in ["the Brenn campaign manager", "the spokesman"] {
            let doc = try run(lead + "\n\n“We were never consulted,” \(description) said.\n")
            let q = try #require(doc.quotes.first { $0.text.contains("never consulted") })
            #expect(q.attribution?.rule == "speaker.description", "\(description)")
            #expect(doc.speakerName(of: q) != "Paul Ostrow", "\(description)")
        }
        // A plain description still goes to the salient person.
        let doc = try run(lead + "\n\n“We were never consulted,” the veteran senator said.\n")
        let q = try #require(doc.quotes.first { $0.text.contains("never consulted") })
        #expect(doc.speakerName(of: q) == "Paul Ostrow")
        #expect(q.attribution?.rule == "speaker.definite-salient")
    }

    @Test func theNameInTheClauseAfterACueIsNoSpeaker() throws {
        // "thought Lindqvist had no chance": Lindqvist is inside what was thought, not the one who thought it, so he
        // is no salient speaker for the "he" after it.
        let doc = try run(
            """
            Peter Lindqvist said the plan was sound.

            Tomas Ferro is a consultant who worked at the city hall. Ferro, a Lindqvist supporter, said he saw the \
            shift in his own family, most of whom thought Lindqvist had no chance. “It is challenging the old \
            assumptions,” he said.
            """)
        let q = try #require(doc.quotes.first { $0.text.contains("old assumptions") })
        #expect(doc.speakerName(of: q) == "Ferro")
    }

    @Test func aSubjectFollowedByASentenceAdverbIsStillTheSubject() throws {
        let doc = try run(
            """
            Tom Brenn said the depot was in good order.

            Councillor Paul Ostrow listened. Brenn, however, wasted no time answering him. “The buses are \
            fine,” he said.
            """)
        let q = try #require(doc.quotes.first { $0.text.contains("buses are fine") })
        #expect(doc.speakerName(of: q) == "Tom Brenn")
    }

    @Test func aPlaceClosingAnAdjunctOrADatelineIsNeverTheSubject() throws {
        let doc = try run(
            """
            Mayor Tom Brenn toured the harbour on Monday.

            Speaking at a town hall in Salem, Oregon, Paul Ostrow went after Brenn, calling him “a careless steward.”

            PORTLAND (AP) — Paul Ostrow went after the mayor again on Tuesday, calling him “a danger to the port.”
            """)
        let names = Set(doc.speakers.map(\.name))
        #expect(!names.contains("Oregon"))
        #expect(!names.contains("PORTLAND"))
        for text in ["careless steward", "danger to the port"] {
            let q = try #require(doc.quotes.first { $0.text.contains(text) })
            #expect(doc.speakerName(of: q) == "Paul Ostrow", "\(text)")
        }
    }

    @Test func theNetworkIsTheOrganizationJustNamedButTheRoeCampaignIsItsOwn() throws {
        let lead = """
            Mayor Tom Brenn accused a local station of bias. Coastline Media said on Monday that he had misread its \
            report.


            """
        let doc = try run(lead + "In a statement, the network said the report “was accurate in every detail.”\n")
        let q = try #require(doc.quotes.first { $0.text.contains("accurate in every detail") })
        #expect(doc.speakerName(of: q) == "Coastline Media")
        #expect(q.attribution?.rule == "speaker.definite-description")
        // A capitalized word names the organization's own ("the Brenn campaign"); it is not the one named before.
        let own = try run(lead + "In a statement, the Brenn campaign said the report “was false in every detail.”\n")
        let q2 = try #require(own.quotes.first { $0.text.contains("false in every detail") })
        #expect(own.speakerName(of: q2) != "Coastline Media")
        #expect(q2.attribution?.rule == "speaker.description")
    }

    @Test func aCreditLineOrALoneAdjectiveIsNoSpeaker() throws {
        let doc = try run(
            """
            Dana Whitlock said the plant would stay open through the winter.

            The hearing renewed Republican calls for an inquiry into the contracts.

            (Additional reporting by Ana Ruiz; Editing by Tom Hale)
            """)
        let names = Set(doc.speakers.map(\.name))
        #expect(names.contains("Dana Whitlock"))
        #expect(!names.contains("Additional"))
        #expect(!names.contains("Editing"))
        #expect(!names.contains { $0.hasSuffix("Republican") })
    }

    @Test func aGivenNameUsedForEitherSexDoesNotBlockHe() throws {
        // "Lindsey" is listed for either sex: "he" may refer to Sen. Lindsey Pardo; "Carly" is a woman's name.
        let doc = try run(
            """
            Sen. Lindsey Pardo spoke at the harbour dinner. Pardo said, “We lose votes when we shout.”

            He continued, “The ferry plan is the best we have.”

            Carly Vance, the harbour master, was there too. She said, “I back the ferry plan.”
            """)
        let q = try #require(doc.quotes.first { $0.text.contains("best we have") })
        #expect(doc.speakerName(of: q) == "Lindsey Pardo")
        let q2 = try #require(doc.quotes.first { $0.text.contains("I back") })
        #expect(doc.speakerName(of: q2) == "Carly Vance")
    }

    @Test func aNegatedCueKeepsItsSubject() throws {
        let doc = try run(
            """
            Mayor Ana Ruiz did not say when the pier would open. The council didn’t disclose “the full cost of the works.”
            """)
        let q = try #require(doc.quotes.first { $0.text.contains("full cost") })
        #expect(doc.speakerName(of: q) == "council")
    }

    @Test func aSharedSurnameGoesToTheFigureTheArticleCallsByIt() throws {
        // Two Varneys: the story calls Nora Varney "Varney" and names her husband in full.
        let doc = try run(
            """
            Nora Varney opened the harbour fair on Saturday. Varney said the fair had grown every year.

            Her husband, Thomas Varney, ran the ticket stall.

            “We sold out by noon,” Varney said.
            """)
        let q = try #require(doc.quotes.first { $0.text.contains("sold out") })
        #expect(doc.speakerName(of: q) == "Nora Varney")
    }

    @Test func aDocumentSpeaksForWhoeverIssuedIt() throws {
        let doc = try run(
            """
            The Harbour Trust released a new radio ad on Monday.

            The ad says “the pier belongs to everyone.”

            Tom Brenn, the trust’s treasurer, emailed members on Friday. The email goes on to say: “We will need your help to pay for the repairs.”

            A statement issued by the Ferry Workers Union said the strike would go on. “We will not back down,” the statement said.
            """)
        let ad = try #require(doc.quotes.first { $0.text.contains("belongs to everyone") })
        #expect(doc.speakerName(of: ad) == "Harbour Trust")
        #expect(ad.attribution?.rule == "speaker.document-author")
        let email = try #require(doc.quotes.first { $0.text.contains("pay for the repairs") })
        #expect(doc.speakerName(of: email) == "Tom Brenn")
        let statement = try #require(doc.quotes.first { $0.text.contains("back down") })
        #expect(doc.speakerName(of: statement) == "Ferry Workers Union")
        // "it" after a document named since the last organization is that document.
        let it = try run(
            """
            Mayor Ana Ruiz sent out an email to voters on Tuesday. The email includes a map of the new ferry route.

            At the bottom it reads, “Vote yes on the ferry and ride it free for a year.”
            """)
        let q3 = try #require(it.quotes.first { $0.text.contains("ride it free") })
        #expect(it.speakerName(of: q3) == "Ana Ruiz")
        #expect(q3.attribution?.rule == "speaker.document-author")
        // Without the pass the document itself speaks.
        let off = try run(
            """
            The Harbour Trust released a new radio ad on Monday.

            The ad says “the pier belongs to everyone.”
            """,
            extra: "\"attribute\": {\"coreference\": \"\(try sieveFile(dropping: "speaker.document-author"))\"}")
        let q = try #require(off.quotes.first)
        #expect(off.speakerName(of: q) == "ad")
    }

    @Test func aPossessiveBeforeANounCueMakesNoSpeaker() throws {
        // "Ostrow’s remarks" mentions Ostrow; the subject of that sentence, Brenn, is the one "he" goes on about.
        let doc = try run(
            """
            Councillor Paul Ostrow said on Monday the depot should close.

            Mayor Tom Brenn has not answered Ostrow’s remarks, though he kept up his own campaign online.

            “The depot stays open,” he wrote on Saturday.
            """)
        let q = try #require(doc.quotes.first { $0.text.contains("stays open") })
        #expect(doc.speakerName(of: q) == "Tom Brenn")
    }

    @Test func aNameBeforeAParenthesisOrWithARoleInItsAppositionIsASubject() throws {
        let doc = try run(
            """
            Councillor Paul Ostrow said on Monday the depot should close.

            Victor Keel (a Democrat) was the first to reply, and he did so at length. In a radio interview, he said:

            “The depot is the heart of this town.”

            Ostrow repeated his plan on Tuesday. Ruben Aske, a local pastor, was not convinced.
            “Those buses will run for years,” he said.
            """)
        let q = try #require(doc.quotes.first { $0.text.contains("heart of this town") })
        #expect(doc.speakerName(of: q) == "Victor Keel")
        let q2 = try #require(doc.quotes.first { $0.text.contains("run for years") })
        #expect(doc.speakerName(of: q2) == "Ruben Aske")
    }

    @Test func aPersonNamedLastOutsideASubjectIsTheNearestAntecedent() throws {
        // Ruiz is named last only inside a clause ("where Ruiz would stand"): "she" goes to her, not to Grace
        // Liddell, whose name came after Ruiz's full name.
        let text = """
            The plan was drawn up for Ana Ruiz last spring. Grace Liddell’s office wrote most of it.

            The figures do not tell where Ruiz would stand on the pier. She has called for “a public vote on every \
            sale of harbour land.”
            """
        let doc = try run(text)
        let q = try #require(doc.quotes.first { $0.text.contains("public vote") })
        #expect(doc.speakerName(of: q) == "Ana Ruiz")
        let off = try run(
            text, extra: "\"attribute\": {\"coreference\": \"\(try sieveFile(dropping: "speaker.mention"))\"}")
        let q2 = try #require(off.quotes.first { $0.text.contains("public vote") })
        #expect(off.speakerName(of: q2) == "Grace Liddell")
    }

    @Test func aRoleWrittenBeforeCoordinatedNamesIsEvidenceForTheDescription() throws {
        let doc = try run(
            """
            In an interview with radio hosts Ada Sand and Tom Lind, Mayor Ana Ruiz defended the plan.

            Ruiz said the fares were fair, something Lind had doubted on air.

            “I am not convinced,” the host said.
            """)
        let q = try #require(doc.quotes.first { $0.text.contains("not convinced") })
        #expect(doc.speakerName(of: q) == "Tom Lind")
        #expect(q.attribution?.rule == "speaker.definite-description")
    }

    @Test func withinTheLastSentenceThePersonNamedFirstIsTheAntecedent() throws {
        // Neither is a subject; Hobbs's and Lee et al.'s left-to-right order takes the one named first.
        let doc = try run(
            """
            An email sent by Grace Roe to the council shows that Ann Vale was copied in.

            “We all knew by March,” she wrote.
            """)
        let q = try #require(doc.quotes.first { $0.text.contains("by March") })
        #expect(doc.speakerName(of: q) == "Grace Roe")
    }

    @Test func theWritersIIsNeverSomeoneTheStoryNames() throws {
        let doc = try run(
            """
            Judge Tom Brenn heard the case on Monday. When it was my turn, I said: “I never took the money.”
            """)
        let q = try #require(doc.quotes.first { $0.text.contains("took the money") })
        #expect(doc.speakerName(of: q) == nil)
    }

    @Test func anUnknownPassOrABadConfidenceIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sieve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.json")
        try Data(#"{"passes": ["speaker.name", "speaker.telepathy"]}"#.utf8).write(to: bad)
        #expect(throws: (any Error).self) {
            _ = try makePipeline(
                ["normalize", "segment", "attribute"], extra: "\"attribute\": {\"coreference\": \"\(bad.path)\"}")
        }
        try Data(#"{"confidence": {"speaker.pronoun": 1.5}}"#.utf8).write(to: bad)
        #expect(throws: (any Error).self) {
            _ = try makePipeline(
                ["normalize", "segment", "attribute"], extra: "\"attribute\": {\"coreference\": \"\(bad.path)\"}")
        }
    }

    @Test func aPersonBeforeAnAffiliationPrepositionIsTheSpeaker() throws {
        // Before: "Harbour Institute" and "mayor" (with "Ada Roe" as its affiliation) were the speakers.
        let doc = try run(
            """
            “The pier needs new beams,” said Martin Okafor of the Harbour Institute.

            “We waited too long,” Harbour authority spokeswoman Ada Roe to the mayor said.

            “The tide tables are wrong,” said Pavel Drozd in Gdynia.

            “The fares will rise,” said Councillor Ines King of Duluth.

            “The fares will fall,” said Peter T. Bishop of the Ferry Riders Union.
            """)
        let beams = try #require(doc.quotes.first { $0.text.contains("beams") })
        #expect(doc.speakerName(of: beams) == "Martin Okafor")
        let waited = try #require(doc.quotes.first { $0.text.contains("waited") })
        #expect(doc.speakerName(of: waited) == "Ada Roe")
        let tide = try #require(doc.quotes.first { $0.text.contains("tide tables") })
        #expect(doc.speakerName(of: tide) == "Pavel Drozd")
        // A surname that is also a title word ("King", "Bishop") stays the name, after a title or a given name with an
        // initial.
        let rise = try #require(doc.quotes.first { $0.text.contains("will rise") })
        #expect(doc.speakerName(of: rise) == "Ines King")
        let fall = try #require(doc.quotes.first { $0.text.contains("will fall") })
        #expect(doc.speakerName(of: fall) == "Peter T. Bishop")
        // A body with an organization word before the preposition stays one name's body, and a title is no person.
        #expect(!doc.speakers.contains { $0.name == "Harbour Institute" || $0.name == "mayor" })
    }

    @Test func aHeOrSheOpeningASubordinateClauseIsTheMainClausesSubject() throws {
        let text = """
            Harbour news.

            After he criticized the ferry board, Pastor Tomas Varga called the new timetable “a disgrace to the town.”
            """
        let doc = try run(text)
        let q = try #require(doc.quotes.first { $0.text.contains("disgrace") })
        #expect(doc.speakerName(of: q) == "Tomas Varga")
        // The cue's own subject is read first; the cataphora pass is what names "he" in a clause of its own.
        let doc2 = try run(
            """
            Harbour news.

            After he criticized the ferry board for being too “slow to act,” Pastor Tomas Varga left the hall.
            """)
        let q2 = try #require(doc2.quotes.first { $0.text.contains("slow to act") })
        #expect(doc2.speakerName(of: q2) == "Tomas Varga")
        #expect(q2.attribution?.rule == "speaker.cataphora")
        let off = try run(
            """
            Harbour news.

            After he criticized the ferry board for being too “slow to act,” Pastor Tomas Varga left the hall.
            """, extra: "\"attribute\": {\"coreference\": \"\(try sieveFile(dropping: "speaker.cataphora"))\"}")
        let q3 = try #require(off.quotes.first { $0.text.contains("slow to act") })
        #expect(off.speakerName(of: q3) == nil)
    }

    @Test func sheKeepsTheSubjectOfTheSentenceWhereTheWomanWasNamed() throws {
        // "she" goes to a known woman before a nearer person of unknown gender, but not past the subject of the
        // sentence in which the woman was named.
        let doc = try run(
            """
            Grace Liddell has led the harbour board since 2019.

            But state Rep. Ines Okonkwo recalled the closure of 2008 to show that Liddell’s lead could shrink.

            “Nobody owns the harbour vote,” she said.
            """)
        let q = try #require(doc.quotes.first { $0.text.contains("Nobody") })
        #expect(doc.speakerName(of: q) == "Ines Okonkwo")
    }

    @Test func anOrganizationNamedAsASubjectIsTheNetworkDescribedAfterIt() throws {
        let doc = try run(
            """
            HRB was quick to push back after Tom Reyes blamed the broadcaster for the false report.

            In a statement, the network said that the account of Reyes was “simply false.”
            """)
        let q = try #require(doc.quotes.first { $0.text.contains("simply false") })
        #expect(doc.speakerName(of: q) == "HRB")
        #expect(q.attribution?.rule == "speaker.definite-description")
    }

    @Test func aTownAndItsStateInAnAsideAreNoSpeaker() throws {
        // The aside "who leads a church in Elmira, Oregon" ends at the comma after the state: Swenson speaks.
        let doc = try run(
            """
            Harbour news.

            Dag Swenson, who leads a church in Elmira, Oregon, slammed the ferry board for its “cruel timetable.”
            """)
        let q = try #require(doc.quotes.first { $0.text.contains("cruel") })
        #expect(doc.speakerName(of: q) == "Dag Swenson")
        #expect(!doc.speakers.contains { $0.name.contains("Elmira") })
    }

    @Test func anOutletThatRelaysTheStoryIsNotHeOrShe() throws {
        let doc = try run(
            """
            Pastor Dag Swenson criticized the ferry board on his weekly radio show, Harbour Watch first reported.

            “The board should resign,” he said.
            """)
        let q = try #require(doc.quotes.first { $0.text.contains("resign") })
        #expect(doc.speakerName(of: q) == "Dag Swenson")
    }

    @Test func aRetortInADebateIsACue() throws {
        let doc = try run(
            """
            Ana Ruiz attacked Tom Reyes over the ferry fares during the debate.

            “Ana wants to look tough tonight,” Reyes shot back. “Let me finish.”

            “Quiet,” he demanded, as Ruiz kept talking.
            """)
        let q = try #require(doc.quotes.first { $0.text.contains("look tough") })
        #expect(doc.speakerName(of: q) == "Tom Reyes")
        let quiet = try #require(doc.quotes.first { $0.text.contains("Quiet") })
        #expect(doc.speakerName(of: quiet) == "Tom Reyes")
    }

    @Test func theSubjectOfACoordinatedClauseIsASubject() throws {
        // Reyes spoke last; Ostrow, the subject of the clause after ", but", is the one "he" continues with.
        let doc = try run(
            """
            Tom Reyes said the fares would rise.

            The moderators were ready to move on, but Paul Ostrow wasn’t having it.

            “You see, everybody, this is what the board does,” he said.
            """)
        let q = try #require(doc.quotes.first { $0.text.contains("You see") })
        #expect(doc.speakerName(of: q) == "Paul Ostrow")
    }

    @Test func aResolutionSpeaksForTheBodyThatPassedIt() throws {
        let doc = try run(
            """
            Ferry news.

            The Harbour Town Council on Wednesday approved a resolution condemning the fare rise.

            The council voted 6-1 for the resolution which said the town “rejects the new fares outright.”
            """)
        let q = try #require(doc.quotes.first { $0.text.contains("outright") })
        #expect(doc.speakerName(of: q) == "Harbour Town Council")
        #expect(q.attribution?.rule == "speaker.document-author")
    }

    @Test func aStarNamedAfterATitleInMarksIsTheActressDescribedNext() throws {
        // The subject behind a title in marks is read, and a star carries "the actress" (`role_titles`): the actress
        // of the sentence before, not the one introduced earlier with that very word.
        let doc = try run(
            """
            Film notes.

            The actress Nora Quill spoke about her first role at the harbour festival.

            “Harbour Lights” star Ada Roe turned the tables on casting agents. With the help of a radio show, the \
            actress asked agents to read for “the villain.”
            """)
        let q = try #require(doc.quotes.first { $0.text.contains("villain") })
        #expect(doc.speakerName(of: q) == "Ada Roe")
        #expect(q.attribution?.rule == "speaker.definite-description")
    }

    @Test func aDatelineWithADateIsNeverTheSubject() throws {
        let doc = try run(
            """
            Ferry plan.

            PORTLAND, Dec. 8 (UPI) — In response to the closure of the pier, Mayor Ana Ruiz rallied supporters, \
            saying: “We will rebuild it.”
            """)
        let q = try #require(doc.quotes.first { $0.text.contains("rebuild") })
        #expect(doc.speakerName(of: q) == "Ana Ruiz")
        #expect(!doc.speakers.contains { $0.name == "PORTLAND" })
    }

    /// A copy of the shipped coreference file without one pass, or with one more, written to a temporary file;
    /// returns its path.
    func sieveFile(dropping pass: String? = nil, adding extra: String? = nil) throws -> String {
        let src = repositoryRoot.appendingPathComponent("Sources/Hearsay/Resources/attribute-coreference.json")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: src)) as? [String: Any])
        json["passes"] = (json["passes"] as? [String] ?? []).filter { $0 != pass } + (extra.map { [$0] } ?? [])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sieve-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: json).write(to: url)
        return url.path
    }
}
