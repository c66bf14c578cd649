/// Interim sentence splitter (replaced by the segment branch): terminal punctuation, closing quotes, paragraph ends.
public struct SentenceSegmenter: Stage {
    public struct Config: StageConfig {
        public init() {}
        public static let keys: [String] = []
    }
    public static let name = "segment"
    public static let requires: Set<Layer> = [.text, .paragraphs]
    public static let provides: Set<Layer> = [.sentences]
    public init(config: Config, resources: ResourceLoader) throws {}
    public func run(_ document: inout Document) throws {
        let sc = document.scalars
        for p in document.paragraphs {
            var start = p.span.start
            var i = p.span.start
            while i < p.span.end {
                let c = sc[i]
                if c == "." || c == "!" || c == "?" {
                    var j = i + 1
                    while j < p.span.end, "’”\"')]".unicodeScalars.contains(sc[j]) { j += 1 }
                    if j < p.span.end - 1, sc[j] == " ", sc[j + 1].properties.isUppercase || "‘“\"".unicodeScalars.contains(sc[j + 1]) {
                        var w = i
                        while w > start, sc[w - 1] != " " { w -= 1 }
                        let word = document.string(Span(w, i))
                        if !["Mr", "Mrs", "Ms", "Dr", "St", "U.S", "i.e", "e.g", "Gov", "Sen", "Rep"].contains(word) && !(word.count == 1 && word.first!.isUppercase) {
                            let span = Span(start, j)
                            document.sentences.append(Sentence(id: document.sentences.count, paragraph: p.id, span: span, sourceSpan: document.sourceSpan(span), provenance: Provenance(stage: "segment", rule: "sentence.terminal-punct", confidence: 0.8)))
                            start = j + 1
                        }
                    }
                    i = j
                    continue
                }
                i += 1
            }
            let span = Span(start, p.span.end)
            if !span.isEmpty {
                document.sentences.append(Sentence(id: document.sentences.count, paragraph: p.id, span: span, sourceSpan: document.sourceSpan(span), provenance: Provenance(stage: "segment", rule: "sentence.paragraph-end", confidence: 0.9)))
            }
        }
    }
}
