import Foundation
import Testing

@testable import Hearsay

@Suite struct NormalizeTests {
    func normalize(_ bytes: [UInt8], id: String = "t.txt") throws -> Document {
        let pipeline = try makePipeline(["normalize"])
        var doc = Document(id: id, path: id, bytes: bytes)
        try pipeline.process(&doc)
        return doc
    }

    func normalizeFixture(_ name: String) throws -> Document {
        let url = fixtureURL("normalize/text/\(name)")
        return try normalize([UInt8](try Data(contentsOf: url)), id: name)
    }

    @Test func scrapedBoilerplateIsRemovedAndRecorded() throws {
        let doc = try normalizeFixture("scraped.txt")
        let rules = Set(doc.removed.map(\.rule))
        #expect(
            rules.isSuperset(of: [
                "boilerplate.share-counter", "boilerplate.advertisement", "boilerplate.duplicate-paragraph",
                "boilerplate.scroll-for-video", "boilerplate.caption-pair", "boilerplate.after-source-link",
            ]))
        #expect(!doc.text.contains("Sponsored"))
        #expect(!doc.text.contains("Scroll down"))
        #expect(!doc.text.contains("LEAVE A REPLY"))
        // The caption and its repeat in straight quotes: the curly copy stays, once, with the role `caption`.
        #expect(doc.text.components(separatedBy: "(pictured, the ‘Save our Ferry’ banner)").count == 2)
        #expect(!doc.text.contains("'Save our Ferry'"))
        #expect(doc.paragraphs.filter { $0.role == .caption }.count == 1)
        // The standfirst and the body's first sentence are the same text: it stays once.
        #expect(doc.text.components(separatedBy: "has delayed a decision").count == 2)
        #expect(doc.text.contains("‘We are not against a new ferry"))
        #expect(doc.paragraphs.first?.role == .heading)
        #expect(doc.metadata.title == "Harbour council delays ferry contract")
        // Every removal points at the bytes it removed.
        for r in doc.removed where r.rule == "boilerplate.advertisement" {
            #expect(doc.originalText(r.sourceSpan) == "Sponsored Content")
        }
        let tail = try #require(doc.removed.first { $0.rule == "boilerplate.after-source-link" })
        #expect(doc.originalText(tail.sourceSpan).hasPrefix("Source link"))
        #expect(tail.sourceSpan.end == doc.original.count - 1 || tail.sourceSpan.end == doc.original.count)
    }

    @Test func everyTextScalarMapsBackToItsBytes() throws {
        let doc = try normalizeFixture("scraped.txt")
        for p in doc.paragraphs {
            // Paragraph text equals the original bytes of its source span, up to white-space runs.
            let original = doc.originalText(p.sourceSpan).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(doc.string(p.span) == original)
        }
        let sample = try #require(doc.text.range(of: "Tom Hale"))
        let start = doc.text.unicodeScalars.distance(from: doc.text.unicodeScalars.startIndex, to: sample.lowerBound)
        let span = Span(start, start + "Tom Hale".unicodeScalars.count)
        #expect(doc.originalText(doc.sourceSpan(span)) == "Tom Hale")
    }

    @Test func leadingDateLineBecomesMetadata() throws {
        let doc = try normalizeFixture("metadata-line.txt")
        #expect(doc.metadata.published == "2021-03-04")
        #expect(doc.text.hasPrefix("The museum reopened"))
        #expect(doc.removed.first?.rule == "metadata.published")
    }

    @Test func latin1TextIsDecodedAsWindows1252AndSaysSo() throws {
        let doc = try normalizeFixture("latin1.txt")
        #expect(doc.text == "Café owners said the new rules were “unfair”.")
        #expect(doc.source.encoding == "windows-1252")
        #expect(doc.source.encodingEvidence.hasPrefix("fallback-invalid-utf-8"))
        #expect(doc.diagnostics.contains { $0.code == "encoding" })
        // "é" is one byte in the input.
        let e = try #require(doc.scalars.firstIndex(of: "é"))
        #expect(doc.sourceSpan(Span(e, e + 1)) == Span(3, 4))
    }

    @Test func combiningSequencesAreComposedToNFC() throws {
        let doc = try normalize(Array("Cafe\u{301} society.".utf8))
        #expect(doc.text == "Café society.")
        #expect(doc.sourceSpan(Span(3, 4)) == Span(3, 6))
    }

    /// A text of one line is its own content: a bare number or a lone "Advertisement" is kept, not dropped as a share
    /// counter or an ad (issue 21: bare numerals sent alone came back as empty input).
    @Test func aTextOfOneLineIsNeverBoilerplate() throws {
        #expect(try normalize(Array("3,000,000".utf8)).text == "3,000,000")
        #expect(try normalize(Array("12k\n".utf8)).text == "12k")
        // among other lines the same line is still a share counter
        let doc = try normalize(Array("The mayor spoke at noon.\n\n12k\n\nShe left at one.\n".utf8))
        #expect(!doc.text.contains("12k"))
        #expect(doc.removed.map(\.rule) == ["boilerplate.share-counter"])
    }

    @Test func emptyInputIsAnErrorNamingTheFile() {
        #expect {
            _ = try normalizeFixture("empty.txt")
        } throws: { e in
            (e as? HearsayError)?.code == "empty-input" && (e as? HearsayError)?.file == "empty.txt"
        }
    }

    @Test func binaryInputIsRefusedWithTheOffset() {
        #expect {
            _ = try normalizeFixture("binary.bin")
        } throws: { e in
            guard let h = e as? HearsayError else { return false }
            return h.code == "binary-input" && h.byteOffset == 0 && h.description.contains("binary.bin:1:1")
        }
    }

    @Test func inputOverTheCapIsRefused() throws {
        let config = try PipelineConfig(
            data: Data(#"{"version": 1, "stages": ["normalize"], "normalize": {"max_bytes": 16}}"#.utf8),
            file: "p.json", baseDirectory: repositoryRoot)
        let pipeline = try Pipeline(config: config)
        var doc = Document(id: "big.txt", path: "big.txt", bytes: Array(String(repeating: "words ", count: 10).utf8))
        #expect {
            try pipeline.process(&doc)
        } throws: { e in
            (e as? HearsayError)?.code == "too-large" && (e as? HearsayError)?.byteOffset == 16
        }
    }

    @Test func htmlIsRecognisedByContent() {
        #expect(TextNormalizer.looksLikeHTML(Array("<!DOCTYPE html><html><body><p>x</p></body></html>".utf8)))
        #expect(TextNormalizer.looksLikeHTML(Array("  <html lang=en>".utf8)))
        #expect(!TextNormalizer.looksLikeHTML(Array("He said x < y and y > z.".utf8)))
    }

    @Test func hardWrappedTextIsJoinedIntoParagraphs() throws {
        let text = """
            The committee met on Tuesday to discuss the budget for the coming
            year and agreed to postpone the vote until the auditors had
            reported on the accounts of the previous two years in full.

            A second meeting is planned for the first week of next month when
            the chair expects a decision to be taken on the final figures and
            the schedule for the works on the old harbour wall is agreed.
            """
        let doc = try normalize(Array(text.utf8))
        #expect(doc.paragraphs.count == 2)
        #expect(doc.string(doc.paragraphs[0].span).contains("coming year"))
    }
}

extension NormalizeTests {
    @Test func captionPairsKeepTheCurlyCopyOnce() throws {
        let text = """
            The harbour board met on Monday to agree the winter timetable for the island ferries.

            The new ferry was named 'Northern Light' at a ceremony attended by 300 guests on July 10

            The new ferry was named ‘Northern Light’ at a ceremony attended by 300 guests on July 10

            A board member said the ‘quiet season’ would now start a month later than last year.

            A board member said the ‘quiet season’ would now start a month later than last year

            The old ferry will be sold, the board said, once the new one has passed its sea trials.
            """
        let doc = try normalize(Array(text.utf8))
        // Straight first, curly second: the curly copy stays, once; the straight one goes.
        #expect(doc.text.components(separatedBy: "named ‘Northern Light’").count == 2)
        #expect(!doc.text.contains("named 'Northern Light'"))
        // Both curly, differing only in the full stop: the first stays.
        #expect(doc.text.components(separatedBy: "would now start a month later").count == 2)
        #expect(doc.text.contains("than last year.\n\n"))
        let pairs = doc.removed.filter { $0.rule == "boilerplate.caption-pair" }
        #expect(pairs.count == 2)
        #expect(doc.originalText(pairs[0].sourceSpan).hasPrefix("The new ferry was named 'Northern"))
        #expect(doc.paragraphs.count == 4)
    }

    @Test func aCaptionRepeatingABodyParagraphGoesAsADuplicate() throws {
        let text = """
            The island ferry will run twice a day from the first of November, the board said.

            The new timetable was agreed after a long meeting of the harbour board.

            The island ferry will run twice a day from the first of November, the board said.

            The island ferry will run twice a day from the first of November, the board said
            """
        let doc = try normalize(Array(text.utf8))
        #expect(doc.text.components(separatedBy: "will run twice a day").count == 2)
        #expect(doc.removed.filter { $0.rule == "boilerplate.duplicate-paragraph" }.count == 2)
    }

    @Test func creditCopyrightAndSyndicationLinesAreRemovedButSentencesStay() throws {
        let text = """
            Officials met on Tuesday to discuss the budget, which had been delayed for weeks.

            © Example Wire 2020

            Copyright law has protected authors in this country since 1790.

            Copyright 2021 Example Media Group. All rights reserved.

            This article originally appeared on Example Weekly.

            Reporting by Ana Lima in Lisbon; Additional reporting by Tom Berg; Editing by Clara Diaz and Jon Park

            Reporting by the local paper revealed that the mayor had known for months.

            (Writing by Sam Oduya; editing by Priya Nair)

            Image Credit: Example Agency

            Photo: Jane Roe/Example Agency

            Photos by the agency show the damage was widespread.

            (Photo by Lee Chan/Example Images)

            First published in 1990, the novel sold a million copies.

            (c) the committee shall publish its findings within 30 days.

            Want more? Sign up for our weekly newsletter to get the harbour news in your inbox.

            More than two million readers subscribe to her newsletter every week.

            Email Ana Lima at ana@example.org or follow her @analima. Follow us on Example Social.
            """
        let doc = try normalize(Array(text.utf8))
        for kept in [
            "Officials met on Tuesday", "Copyright law has protected", "Reporting by the local paper revealed",
            "Photos by the agency show", "First published in 1990", "(c) the committee shall",
            "More than two million readers subscribe",
        ] {
            #expect(doc.text.contains(kept), "\(kept)")
        }
        var byRule: [String: Int] = [:]
        for r in doc.removed { byRule[r.rule, default: 0] += 1 }
        #expect(byRule["boilerplate.copyright"] == 2)
        #expect(byRule["boilerplate.syndication"] == 1)
        #expect(byRule["boilerplate.credit"] == 2)
        #expect(byRule["boilerplate.image-credit"] == 3)
        #expect(byRule["boilerplate.newsletter"] == 1)
        #expect(byRule["boilerplate.contact"] == 1)
        let credit = try #require(doc.removed.first { $0.rule == "boilerplate.credit" })
        #expect(doc.originalText(credit.sourceSpan).hasSuffix("Editing by Clara Diaz and Jon Park"))
        #expect(doc.paragraphs.count == 7)
    }
}
