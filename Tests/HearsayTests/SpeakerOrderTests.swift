import Foundation
import Testing

@testable import Hearsay

/// `hearsay who` and the report's "who said what" put the most quoted speakers first.
@Suite struct SpeakerOrderTests {
    @Test func whoListsTheMostQuotedOfEqualMatchesFirst() {
        let ann = CorpusSpeaker(
            id: "S1", name: "Ann Lee", type: "person", aliases: [], descriptions: [],
            documents: [
                .init(document: "a", speaker: "s1", quotes: ["q1"]), .init(document: "b", speaker: "s1", quotes: []),
            ])
        let bo = CorpusSpeaker(
            id: "S2", name: "Bo Lee", type: "person", aliases: [], descriptions: [],
            documents: [.init(document: "c", speaker: "s1", quotes: ["q1", "q2", "q3"])])
        let answer = WhoAnswer.find("Lee", in: [ann, bo]) { s in
            s.documents.flatMap { a in
                a.quotes.map {
                    SpeakerQuote(
                        speaker: s.id, speakerName: s.name, document: a.document, quote: $0, kind: "direct", text: "…",
                        confidence: 0.9)
                }
            }
        }
        #expect(answer.matches.map(\.speaker.name) == ["Bo Lee", "Ann Lee"])
        #expect(answer.matches.map(\.quotes.count) == [3, 1])
    }

    @Test func theReportListsTheMostQuotedSpeakerFirst() throws {
        let doc = KnowledgeDocument(
            try process(
                """
                Mayor Ines Okoro said the bridge would open in May.

                ‘We will rebuild,’ said Tomas Adair.

                Adair spoke for an hour. ‘Every road and every school will be open by winter,’ Adair said.
                """))
        let file = KnowledgeFile(
            format: KnowledgeEncoding.format, version: KnowledgeEncoding.version,
            generator: ["name": "hearsay", "version": "0", "pipeline_sha256": "x"], documents: [doc], errors: [],
            corpus: nil)
        let html = try ReportRenderer.builtin().render(file)
        let who = try #require(html.range(of: "<section id=\"who\""))
        let section = String(html[who.lowerBound...])
        let adair = try #require(section.range(of: "Tomas Adair"))
        let okoro = try #require(section.range(of: "Ines Okoro"))
        #expect(adair.lowerBound < okoro.lowerBound)
    }
}
