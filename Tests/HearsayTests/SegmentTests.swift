import Foundation
import Testing

@testable import Hearsay

/// The sentence texts the segmenter finds in `text` (paragraphs split at blank lines).
private func sentences(_ text: String, _ config: SentenceSegmenter.Config = .init()) throws -> [String] {
    var doc = Document.fromCleanText(text)
    let stage = try SentenceSegmenter(config: config, resources: ResourceLoader())
    try stage.run(&doc)
    return doc.sentences.map { doc.string($0.span) }
}

private func segmented(_ text: String) throws -> Document {
    var doc = Document.fromCleanText(text)
    try SentenceSegmenter(config: .init(), resources: ResourceLoader()).run(&doc)
    return doc
}

@Suite struct SegmentTests {
    @Test func titlesAndInitialsDoNotEndSentences() throws {
        #expect(
            try sentences("Dr. Ann B. Cole met Gov. Ray Reyes and Lt. Col. Joe Park on Tuesday. They talked.")
                == ["Dr. Ann B. Cole met Gov. Ray Reyes and Lt. Col. Joe Park on Tuesday.", "They talked."])
        #expect(try sentences("The novel by J. K. Lowe sold well.").count == 1)
        #expect(try sentences("Vice President George W. Mott spoke.").count == 1)
    }

    @Test func pronounIAfterAndVersusMiddleInitial() throws {
        #expect(
            try sentences("It was you and I. Did you meet Carl I. Berg today?")
                == ["It was you and I.", "Did you meet Carl I. Berg today?"])
    }

    @Test func abbreviationsSplitOnlyBeforeSentenceStarters() throws {
        #expect(
            try sentences(
                "Exports to the U.S. rose. Analysts at U.S. Bank disagreed. Sales fell in the U.S. The drop was small.")
                == [
                    "Exports to the U.S. rose.", "Analysts at U.S. Bank disagreed.", "Sales fell in the U.S.",
                    "The drop was small.",
                ])
        #expect(
            try sentences("The deal with Hale & Co. closed. It went to Hale & Co. Chairman Ed Ruiz.")
                == ["The deal with Hale & Co. closed.", "It went to Hale & Co. Chairman Ed Ruiz."])
        #expect(try sentences("Rivers in Tampa, Fla. The water rose.").count == 2)
        #expect(
            try sentences("He moved to Portland, Ore. in May, i.e. before the vote, with Jan. 5 as the date.").count
                == 1)
        #expect(try sentences("Fruit, nuts, etc. are sold here. We sell bread, milk, etc. Prices rose.").count == 3)
    }

    @Test func documentCaseEvidenceAfterAbbreviations() throws {
        // "officials" is a common word in this document, so a capitalized "Officials" after "Calif." starts a
        // sentence; a dotted acronym ("U.S. Trade") and a name going on with "and" ("Co. Trade and Export") do
        // not split.
        let text = """
            Floods hit Fresno, Calif. Officials say it rained. The officials spoke to Acme Inc. President Ann \
            Roe. The president and the trade groups spoke with U.S. Trade officials and Acme Co. Trade and \
            Export staff.
            """
        #expect(
            try sentences(text) == [
                "Floods hit Fresno, Calif.", "Officials say it rained.",
                "The officials spoke to Acme Inc. President Ann Roe.",
                "The president and the trade groups spoke with U.S. Trade officials and Acme Co. Trade and Export staff.",
            ])
    }

    @Test func initialsBeforeSurnameLabels() throws {
        #expect(
            try sentences("Ann B. Cole: fined for speeding. Ed C. Lee: released.")
                == ["Ann B. Cole: fined for speeding.", "Ed C. Lee: released."])
    }

    @Test func lowerCaseAbbreviationsAndCapitalizedOnlyEntries() throws {
        // "Ill." is the state only when capitalized; "ill." ends a sentence.
        #expect(try sentences("He was ill. Doctors came.").count == 2)
        #expect(try sentences("She lives in Peoria, Ill. with her son.").count == 1)
    }

    @Test func clockTimesMidSentenceAndAtTheEnd() throws {
        #expect(
            try sentences("At 7 a.m. Ms. Ortiz left home. She arrived at 9 P.M. Mr. Diaz then called.")
                == ["At 7 a.m. Ms. Ortiz left home.", "She arrived at 9 P.M.", "Mr. Diaz then called."])
        #expect(
            try sentences("The vote opens at 9 a.m. Monday and closes at 6 p.m. Officials expect lines.").count == 2)
        #expect(try sentences("The talks end at 10 a.m. He left early.").count == 2)
    }

    @Test func numbersDecimalsAndNumberAbbreviations() throws {
        #expect(
            try sentences("Growth was 2.5 percent. No. 3 seed Lee won. She earned $1.2 million. It rained.")
                == ["Growth was 2.5 percent.", "No. 3 seed Lee won.", "She earned $1.2 million.", "It rained."])
        #expect(try sentences("See p. 14 and Fig. 2 for details.").count == 1)
        #expect(try sentences("Was it true? No. He said it was not.").count == 3)
    }

    @Test func ellipses() throws {
        #expect(try sentences("We waited... The bus never came.") == ["We waited...", "The bus never came."])
        #expect(try sentences("He said ... well ... I don't know.").count == 1)
        #expect(try sentences("The text [...] goes on here.").count == 1)
        #expect(try sentences("It ended. . . . Then came more.") == ["It ended.", ". . . Then came more."])
    }

    @Test func quotesAndAttribution() throws {
        #expect(
            try sentences("“We won’t stop,” she said. “It is over.” The crowd cheered.")
                == ["“We won’t stop,” she said.", "“It is over.”", "The crowd cheered."])
        #expect(
            try sentences("‘I will fix it,’ he said. ‘I promise it.’ He added that work starts soon.")
                == ["‘I will fix it,’ he said.", "‘I promise it.’", "He added that work starts soon."])
        #expect(try sentences("‘Why?’ she asked.").count == 1)
        #expect(try sentences("“Why now?” Mayor Dana Lee asked reporters.").count == 1)
        #expect(try sentences("\"Stop!\" The guards ran to the gate.").count == 2)
        #expect(try sentences("“Is it over?” The president said no.").count == 2)
        #expect(try sentences("“Is it over?” asked the reporter.").count == 1)
        #expect(try sentences("He said, 'This is fine.' she nodded.").count == 1)
        #expect(try sentences("She works for Yahoo! in the sales team.").count == 1)
        #expect(try sentences("Really?! Yes, really.") == ["Really?!", "Yes, really."])
        // A quotation that a speech verb takes as its object stays one sentence with it; after it closes, a new
        // sentence may start.
        #expect(
            try sentences("The mayor said “The bridge is safe. We checked it twice.” Then she left.")
                == ["The mayor said “The bridge is safe. We checked it twice.”", "Then she left."])
        #expect(
            try sentences("Café owners said “no.” Then they left.") == ["Café owners said “no.”", "Then they left."])
    }

    @Test func compoundsEllipsisInQuotesAndTimeZones() throws {
        #expect(try sentences("They met at the Mexico-U.S. border on Monday.").count == 1)
        #expect(try sentences("“… There is more,” she wrote.").count == 1)
        #expect(try sentences("“We will see…” Lee said. Then he left.").count == 2)
        #expect(try sentences("The show airs from 6 a.m. to 9 a.m. Eastern on weekdays.").count == 1)
    }

    @Test func bracketsAndParentheses() throws {
        #expect(try sentences("She taught math (she had been a pilot.) at the college.").count == 1)
        #expect(try sentences("The plan was new. (It had been tried before.) Nobody cared.").count == 3)
    }

    @Test func urlsAndEmails() throws {
        #expect(
            try sentences("Write to tips@example.org. We read all mail. See https://example.com/a.b/c.html. Thanks.")
                == [
                    "Write to tips@example.org.", "We read all mail.", "See https://example.com/a.b/c.html.",
                    "Thanks.",
                ])
    }

    @Test func numberedAndBulletedLists() throws {
        #expect(try sentences("1. Buy milk 2. Call Sam 3. Pay rent") == ["1. Buy milk", "2. Call Sam", "3. Pay rent"])
        #expect(try sentences("1) First point. 2) Second point.") == ["1) First point.", "2) Second point."])
        #expect(try sentences("• Rent is due • Water is off") == ["• Rent is due", "• Water is off"])
        #expect(try sentences("a. one thing b. another thing") == ["a. one thing", "b. another thing"])
    }

    @Test func lowerCaseStartsAfterOrdinaryWords() throws {
        #expect(try sentences("Sure. eBay sells it.") == ["Sure.", "eBay sells it."])
        #expect(try sentences("We tried hard. we failed anyway.").count == 2)
        #expect(try sentences("The rules: a) come early. b) leave late.").count == 1)
    }

    @Test func headlinesDatelinesAndParagraphs() throws {
        let doc = try segmented(
            "Flood waters rise in the valley\n\nMonday, March 3, 2025\n\nRain fell all night. Roads closed.")
        #expect(
            doc.sentences.map { doc.string($0.span) } == [
                "Flood waters rise in the valley", "Monday, March 3, 2025", "Rain fell all night.", "Roads closed.",
            ])
        #expect(doc.sentences.map(\.paragraph) == [0, 1, 2, 2])
        #expect(
            doc.sentences.map(\.provenance.rule) == [
                "sentence.paragraph-end", "sentence.paragraph-end", "sentence.terminal-punct",
                "sentence.terminal-punct",
            ])
        #expect(
            try sentences("PORTLAND, Ore. — The city council voted.") == [
                "PORTLAND, Ore. —", "The city council voted.",
            ])
        #expect(try sentences("Barack and Sam went home - it was late.").count == 1)
        #expect(try sentences("Sen. Tom Lee (R-Ohio) — a critic of the bill — voted no.").count == 1)
        #expect(try sentences("BOSTON (Reuters) - Snow fell.") == ["BOSTON (Reuters) -", "Snow fell."])
    }

    @Test func headingParagraphIsOneUnit() throws {
        var doc = Document.fromCleanText("Dr. Who? Yes. A headline.\n\nBody text. More text.")
        doc.paragraphs[0].role = .heading
        try SentenceSegmenter(config: .init(), resources: ResourceLoader()).run(&doc)
        #expect(doc.sentences.map { doc.string($0.span) } == ["Dr. Who? Yes. A headline.", "Body text.", "More text."])
        #expect(doc.sentences[0].provenance.rule == "sentence.heading")
    }

    @Test func lineBreaksInsideAParagraph() throws {
        #expect(
            try sentences("Museum opens new wing\nTuesday, May 6, 2025\nThe wing cost $4 million.")
                == ["Museum opens new wing", "Tuesday, May 6, 2025", "The wing cost $4 million."])
        let wrapped = """
            The council met on Monday night to discuss the budget for the
            coming year and heard from residents who said the new taxes
            were too high for families and small shops in the old town
            center. The vote is next week.
            """
        #expect(try sentences(wrapped).count == 2)
        var config = SentenceSegmenter.Config()
        config.lineBreaks = .boundary
        #expect(try sentences(wrapped, config).count == 5)
    }

    @Test func spansAreTrimmedAndMapToSourceBytes() throws {
        let doc = try segmented("  Café owners said “no.”   Then they left.  \n\nÜber alles.  ")
        #expect(doc.sentences.map(\.id) == [0, 1, 2])
        for s in doc.sentences {
            let text = doc.string(s.span)
            #expect(text == text.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(s.sourceSpan == doc.sourceSpan(s.span))
            #expect(String(decoding: doc.original[s.sourceSpan.start..<s.sourceSpan.end], as: UTF8.self) == text)
            #expect(s.provenance.stage == "segment")
            #expect(s.provenance.confidence > 0 && s.provenance.confidence <= 1)
        }
        #expect(
            doc.sentences.map { doc.string($0.span) } == ["Café owners said “no.”", "Then they left.", "Über alles."])
    }

    @Test func extraAbbreviationsFromConfig() throws {
        let text = "We met the Supv. Board today."
        #expect(try sentences(text).count == 2)
        var config = SentenceSegmenter.Config()
        config.extraAbbreviations = ["Supv."]
        #expect(try sentences(text, config).count == 1)
    }

    @Test func maxSentenceLengthSplitsLongUnits() throws {
        let long = (1...40).map { "item number \($0)" }.joined(separator: ", ") + "."
        var config = SentenceSegmenter.Config()
        config.maxSentenceLength = 60
        var doc = Document.fromCleanText(long)
        try SentenceSegmenter(config: config, resources: ResourceLoader()).run(&doc)
        #expect(doc.sentences.count > 5)
        #expect(doc.sentences.allSatisfy { $0.span.length <= 60 })
        #expect(doc.sentences.dropLast().allSatisfy { $0.provenance.rule == "sentence.max-length" })
        // Nothing is lost: the units cover every non-space character.
        let joined = doc.sentences.map { doc.string($0.span) }.joined(separator: " ")
        #expect(joined.filter { !$0.isWhitespace } == long.filter { !$0.isWhitespace })
    }

    @Test func configurationIsDecodedAndChecked() throws {
        let stages = ["normalize", "segment"]
        let p = try makePipeline(
            stages,
            extra:
                "\"segment\": {\"extra_abbreviations\": [\"Supv.\"], \"max_sentence_length\": 500, \"line_breaks\": \"space\"}"
        )
        #expect(p.stageNames == stages)
        func code(_ section: String) -> String? {
            do {
                _ = try makePipeline(stages, extra: "\"segment\": \(section)")
                return nil
            } catch let e as HearsayError {
                return e.code
            } catch {
                return "other"
            }
        }
        #expect(code("{\"bogus\": 1}") == "config.unknown-key")
        #expect(code("{\"max_sentence_length\": 5}") == "config.bad-value")
        #expect(code("{\"line_breaks\": \"sometimes\"}") == "config.bad-value")
        #expect(code("{\"abbreviations\": \"no-such-file.txt\"}") == "resource.unreadable")
        #expect(
            Set(SentenceSegmenter.Config.keys).isSuperset(of: [
                "abbreviations", "extra_abbreviations", "max_sentence_length",
            ]))
    }

    @Test func unitsCoverEveryParagraphInOrderOnAnyInput() throws {
        // Pseudo-random texts from tricky pieces: units must lie inside their paragraph, in order, without
        // overlap or outer white space, and together cover every non-white character.
        let pieces = [
            "Mr.", "U.S.", "a.m.", "The", "he", "said", ".", "...", ". . .", "…", "?", "!", "“", "”", "‘", "’", "\"",
            "'", "(", ")", "[", "]", "1.", "2)", "a.", "b.", "•", "—", "-", "\n", "\n\n", " ", "  ", ":)", "No.", "5",
            "2.5", "Inc.", "etc.", "x@y.com", "I", "J.", "Smith", "WASHINGTON,", "(AP)", "asked", "that", "é", "\u{A0}",
        ]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var config = SentenceSegmenter.Config()
        config.maxSentenceLength = 40
        let stage = try SentenceSegmenter(config: config, resources: ResourceLoader())
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<(1 + next(60)) {
                text += pieces[next(pieces.count)]
                if next(3) > 0 { text += " " }
            }
            var doc = Document.fromCleanText(text)
            try stage.run(&doc)
            var covered = Set<Int>()
            var last = -1
            for s in doc.sentences {
                let p = doc.paragraphs[s.paragraph].span
                #expect(p.contains(s.span) && !s.span.isEmpty && s.span.start >= last)
                #expect(!doc.scalars[s.span.start].properties.isWhitespace)
                #expect(!doc.scalars[s.span.end - 1].properties.isWhitespace)
                last = s.span.end
                covered.formUnion(s.span.start..<s.span.end)
            }
            for p in doc.paragraphs {
                for i in p.span.start..<p.span.end where !doc.scalars[i].properties.isWhitespace {
                    #expect(covered.contains(i), "scalar \(i) of \(text.debugDescription) is in no sentence")
                }
            }
        }
    }

    @Test func emptyAndWhitespaceParagraphsYieldNothing() throws {
        #expect(try sentences("").isEmpty)
        #expect(try sentences("   ").isEmpty)
        #expect(try sentences("Done") == ["Done"])
    }
}
