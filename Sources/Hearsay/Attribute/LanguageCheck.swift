import Foundation

/// Whether the attribute stage has rules for an article's language.
///
/// The stage's cues, titles, pronouns and descriptions are English: on an article in another language they find
/// quotes by their marks but attribute them by accident. Rules, in order (every word list and limit comes from
/// `attribute-languages.json`):
/// 1. `language.metadata`: `metadata.language`, when it is a language code (`de`, `es-ES`, `pt_BR`), is the
///    language.
/// 2. `language.stop-words`: otherwise the first `sample_words` words of the text are counted against each
///    language's stop words; the leading language is the article's when it has at least `min_hits` hits and
///    `min_ratio` times the hits of the next. Otherwise the language is unknown and the article is treated as
///    supported (a short text is not refused on weak evidence).
/// 3. `language.unsupported`: a language outside `supported` gets one warning `attribute.unsupported-language`
///    naming it and the rule that found it, and the stage withdraws every speaker: quotes are kept as found, with
///    `speaker`, `attribution` and `speaker_mention` null, and the stage's per-quote speaker diagnostics dropped.
/// The scan reads at most `sample_words` words: bounded, whatever the article's length.
struct LanguageCheck: Sendable {
    struct File: Decodable {
        var supported: [String]
        var sampleWords: Int
        var minHits: Int
        var minRatio: Double
        var stopWords: [String: [String]]

        enum CodingKeys: String, CodingKey {
            case supported, sampleWords = "sample_words", minHits = "min_hits", minRatio = "min_ratio",
                stopWords = "stop_words"
        }
    }

    let supported: Set<String>
    let sampleWords: Int
    let minHits: Int
    let minRatio: Double
    /// Languages, sorted, each with its stop words.
    let stopWords: [(language: String, words: Set<String>)]
    /// For each stop word, the indices in `stopWords` of the languages that list it: one lookup per word.
    let languagesOf: [String: [Int]]

    init(_ file: File) {
        supported = Set(file.supported.map { $0.lowercased() })
        sampleWords = max(1, file.sampleWords)
        minHits = max(1, file.minHits)
        minRatio = max(1, file.minRatio)
        stopWords = file.stopWords.keys.sorted().map {
            ($0.lowercased(), Set(file.stopWords[$0]!.map { $0.lowercased() }))
        }
        var of: [String: [Int]] = [:]
        for (i, l) in stopWords.enumerated() { for w in l.words { of[w, default: []].append(i) } }
        languagesOf = of
    }

    /// The article's language and the rule that found it, or nil when neither rule can tell.
    func language(of document: Document) -> (code: String, rule: String)? {
        if let declared = document.metadata.language, let code = Self.code(declared) {
            return (code, "language.metadata")
        }
        var hits = [Int](repeating: 0, count: stopWords.count)
        // The lower-cased word's scalars; ASCII letters are lower-cased without the property tables.
        var word: [Unicode.Scalar] = []
        var count = 0
        func finish() {
            guard !word.isEmpty else { return }
            count += 1
            let w = String(scalars: word)
            for i in languagesOf[w] ?? [] { hits[i] += 1 }
            word.removeAll(keepingCapacity: true)
        }
        for s in document.text.unicodeScalars {
            if s.value < 0x80 ? s.isAlphabeticFast : s.properties.isAlphabetic {
                if s.value < 0x80 {
                    word.append(Unicode.Scalar(UInt8(s.value) | 0x20))
                } else {
                    word.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
                }
            } else {
                finish()
                if count >= sampleWords { break }
            }
        }
        if count < sampleWords { finish() }
        let ranked = hits.indices.sorted { hits[$0] != hits[$1] ? hits[$0] > hits[$1] : $0 < $1 }
        guard let best = ranked.first, hits[best] >= minHits else { return nil }
        if ranked.count > 1, Double(hits[best]) < minRatio * Double(hits[ranked[1]]) { return nil }
        return (stopWords[best].language, "language.stop-words")
    }

    /// The primary subtag of a language code (`es-ES` → `es`), or nil when the value is not a code.
    static func code(_ value: String) -> String? {
        let primary = value.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        guard (2...3).contains(primary.count), primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return primary.lowercased()
    }

    /// The language when the stage has no rules for it, with the rule that found it.
    func unsupported(_ document: Document) -> (code: String, rule: String)? {
        guard let found = language(of: document), !supported.contains(found.code) else { return nil }
        return found
    }

    /// Takes back every speaker the stage presented: the quotes stay, unattributed, and one warning says why.
    /// `diagnosticsBefore` is how many diagnostics the document had before the stage ran.
    static func withdrawSpeakers(
        _ document: inout Document, language: (code: String, rule: String), diagnosticsBefore: Int, stage: String
    ) {
        for i in document.quotes.indices {
            document.quotes[i].speaker = nil
            document.quotes[i].speakerName = nil
            document.quotes[i].attribution = nil
            document.quotes[i].speakerMention = nil
        }
        document.speakers = []
        document.diagnostics.removeSubrange(min(diagnosticsBefore, document.diagnostics.count)...)
        document.diagnostics.append(
            Diagnostic(
                severity: .warning, code: "attribute.unsupported-language",
                message:
                    "the article's language is '\(language.code)' (\(language.rule)), which has no attribution rules: quotes are listed by their marks, without speakers",
                stage: stage))
    }
}
