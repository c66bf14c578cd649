import Testing

@testable import Hearsay

/// Builds the input of a stage by hand, with the layers the stage requires, as spaCy's tests make a `Doc`
/// directly instead of running the pipeline: a change in normalization or segmentation then never breaks a test of
/// a later stage.
///
/// The text is taken as already normalized (``Document/fromCleanText(_:id:)``: paragraphs at blank lines, every
/// character mapped to its own bytes). Sentences are cut by this builder's own small rule, not by the segment stage:
/// after `.`, `!`, `?` or `…` (and any closing quotes or brackets right after it) that is followed by white space
/// and then an upper-case letter, a digit or an opening quote — unless the word before the stop is one of
/// ``abbreviations`` or a single letter (an initial). A paragraph always ends its sentence. A test that needs other
/// boundaries names its sentences (``make(_:sentences:published:)``).
enum DocumentBuilder {
    /// Words that end with a stop without ending the sentence (lower case, without the stop).
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "prof", "st", "jr", "sr",
        "u.s", "u.k", "u.n", "e.g", "i.e", "no", "vs", "inc", "corp", "co", "ltd", "jan", "feb", "aug", "sept",
        "oct", "nov", "dec", "pres", "rev", "hon", "adm", "maj", "cmdr", "supt", "det", "insp", "messrs",
    ]

    /// A document with `text`, `paragraphs` and `sentences` (by the rule above), as the attribute and claims stages
    /// require.
    static func make(_ text: String, published: String? = nil) -> Document {
        var doc = Document.fromCleanText(text, id: "test.txt")
        doc.metadata.published = published
        var cuts: [Span] = []
        for p in doc.paragraphs { cuts += split(doc.scalars, p.span) }
        setSentences(&doc, cuts)
        return doc
    }

    /// A document whose sentences are the given texts, found in order in `text` (each must occur after the
    /// previous one, inside one paragraph).
    static func make(_ text: String, sentences: [String], published: String? = nil) -> Document {
        var doc = Document.fromCleanText(text, id: "test.txt")
        doc.metadata.published = published
        let sc = doc.scalars
        var from = 0
        var cuts: [Span] = []
        for s in sentences {
            let needle = Array(s.unicodeScalars)
            var i = from
            while i + needle.count <= sc.count, Array(sc[i..<(i + needle.count)]) != needle { i += 1 }
            precondition(i + needle.count <= sc.count, "sentence not found in order: \(s)")
            cuts.append(Span(i, i + needle.count))
            from = i + needle.count
        }
        setSentences(&doc, cuts)
        return doc
    }

    static func setSentences(_ doc: inout Document, _ spans: [Span]) {
        let provenance = Provenance(stage: "segment", rule: "test.builder", confidence: 1)
        doc.sentences = spans.enumerated().map { i, span in
            let paragraph = doc.paragraphs.firstIndex { $0.span.start <= span.start && span.end <= $0.span.end } ?? 0
            return Sentence(
                id: i, paragraph: paragraph, span: span, sourceSpan: doc.sourceSpan(span), provenance: provenance)
        }
        doc.provided.insert(.sentences)
    }

    /// The sentences of one paragraph, by the rule in the type's header.
    static func split(_ sc: [Unicode.Scalar], _ paragraph: Span) -> [Span] {
        let closers: Set<Unicode.Scalar> = ["\"", "”", "’", "'", ")", "]"]
        let openers: Set<Unicode.Scalar> = ["\"", "“", "‘", "'", "("]
        var out: [Span] = []
        var start = paragraph.start
        var i = paragraph.start
        while i < paragraph.end {
            let c = sc[i]
            guard c == "." || c == "!" || c == "?" || c == "…" else {
                i += 1
                continue
            }
            var end = i + 1
            while end < paragraph.end, sc[end] == "." || sc[end] == "!" || sc[end] == "?" { end += 1 }
            while end < paragraph.end, closers.contains(sc[end]) { end += 1 }
            var next = end
            while next < paragraph.end, sc[next] == " " || sc[next] == "\n" { next += 1 }
            guard next > end, next < paragraph.end else {
                i = end
                continue
            }
            let n = sc[next]
            let startsSentence =
                n.properties.isUppercase || ("0"..."9").contains(n) || openers.contains(n)
            // The word before the stop.
            var w = i
            while w > start, !(sc[w - 1] == " " || sc[w - 1] == "\n" || openers.contains(sc[w - 1])) { w -= 1 }
            let word = String(String.UnicodeScalarView(sc[w..<i])).lowercased()
            let isAbbreviation =
                c == "." && (abbreviations.contains(word) || (word.unicodeScalars.count == 1 && word != "i"))
            if startsSentence && !isAbbreviation {
                out.append(Span(start, end))
                start = next
            }
            i = end
        }
        if start < paragraph.end { out.append(Span(start, paragraph.end)) }
        return out
    }
}

@Suite struct DocumentBuilderTests {
    @Test func sentencesEndAtStopsButNotAtAbbreviationsOrInitials() {
        let doc = DocumentBuilder.make(
            "Sen. Ada J. Kowalski said “it will pass.” Prices rose 5.5 percent!\n\nA new day.")
        #expect(
            doc.sentences.map { doc.string($0.span) } == [
                "Sen. Ada J. Kowalski said “it will pass.”", "Prices rose 5.5 percent!", "A new day.",
            ])
        #expect(doc.sentences.map(\.paragraph) == [0, 0, 1])
        #expect(doc.provided.isSuperset(of: QuoteAttributor.requires))
    }

    @Test func namedSentencesAreTakenAsGiven() {
        let doc = DocumentBuilder.make(
            "Mr. Lee left. Then he came back.", sentences: ["Mr.", "Lee left. Then he came back."])
        #expect(doc.sentences.map { doc.string($0.span) } == ["Mr.", "Lee left. Then he came back."])
        #expect(doc.sentences[1].sourceSpan == Span(4, 32))
    }
}
