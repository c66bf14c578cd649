import Testing

@testable import Hearsay

/// The attribute stage's language check: articles in a language the rules are not for keep their quotes and get
/// no speakers, with one warning.
@Suite struct LanguageCheckTests {
    static let stage: QuoteAttributor = try! QuoteAttributor(config: .init(), resources: ResourceLoader())

    func run(_ text: String, language: String? = nil) throws -> Document {
        var doc = DocumentBuilder.make(text)
        doc.metadata.language = language
        try Self.stage.run(&doc)
        return doc
    }

    /// Our own German paragraph, with a quote and its cue.
    static let german = """
        Die Stadt wird den alten Fähranleger wieder aufbauen, sagte Bürgermeisterin Ines Okoro am Donnerstag. \
        “Wir werden das Geld für den Anleger ausgeben, und keinen Cent mehr”, sagte Okoro. Die Zahl der Fahrgäste \
        ist im vergangenen Jahr gestiegen, wie die Hafenbehörde in einem Bericht mitteilte. Der Anleger war seit \
        dem Sturm gesperrt, und die Pendler mussten einen Umweg über die Brücke nehmen.
        """

    /// Our own English paragraph, long enough for the stop-word test, with a quote and its speaker.
    static let english = """
        The city will rebuild its old ferry pier, Mayor Ines Okoro said on Thursday. “We will spend the money on \
        the pier, and not a cent more,” said Okoro. The number of passengers was higher last year than it had been \
        for a decade, the port authority said in a report. The pier has been closed since the storm, and the \
        commuters who used it have had to take a long way over the bridge.
        """

    @Test func aGermanArticleByItsStopWordsGetsNoSpeakers() throws {
        let doc = try run(Self.german)
        #expect(!doc.quotes.isEmpty)
        #expect(doc.quotes.allSatisfy { $0.speaker == nil && $0.attribution == nil && $0.speakerMention == nil })
        #expect(doc.speakers.isEmpty)
        let warnings = doc.diagnostics.filter { $0.code == "attribute.unsupported-language" }
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("'de' (language.stop-words)") == true)
        #expect(doc.diagnostics.allSatisfy { $0.stage != "attribute" || $0.code == "attribute.unsupported-language" })
    }

    @Test func metadataLanguageDecidesFirst() throws {
        // An English text declared Spanish by its page: the declaration wins.
        let declared = try run(Self.english, language: "es-ES")
        #expect(declared.speakers.isEmpty)
        #expect(declared.diagnostics.contains { $0.message.contains("'es' (language.metadata)") })
        // Declared English, or a value that is no language code: the rules run.
        for language in ["en-GB", "English (UK)", nil] {
            let doc = try run(Self.english, language: language)
            #expect(doc.quotes.contains { doc.speakerName(of: $0) == "Ines Okoro" }, "\(language ?? "nil")")
            #expect(!doc.diagnostics.contains { $0.code == "attribute.unsupported-language" })
        }
    }

    @Test func aShortTextIsNotRefusedOnWeakEvidence() throws {
        let doc = try run("“Wir bleiben hier,” said Ines Okoro.")
        #expect(doc.quotes.first.flatMap { doc.speakerName(of: $0) } == "Ines Okoro")
        #expect(!doc.diagnostics.contains { $0.code == "attribute.unsupported-language" })
    }

    @Test func languageCodes() {
        #expect(LanguageCheck.code("de") == "de")
        #expect(LanguageCheck.code("pt_BR") == "pt")
        #expect(LanguageCheck.code("EN-us") == "en")
        #expect(LanguageCheck.code("English") == nil)
        #expect(LanguageCheck.code("") == nil)
    }
}
