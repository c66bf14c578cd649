import Foundation

/// Fuzzy matching of a name typed by an editor against speaker names and aliases (`hearsay who`).
///
/// Both sides are compared as folded words (``CorpusWords``: lower case, no diacritics, punctuation ignored). A
/// candidate matches with score
/// - 1.0 when its words equal the query's ("mike pompeo");
/// - 0.9 when every query word is one of its words ("Pompeo", "pompeo mike");
/// - 0.8 when every query word is one of its words up to a small edit distance (one edit for words of 4 to 7
///   letters, two from 8 letters: "Pompeio", "Aaronsen");
/// - 0.7 when the query is a prefix of one of its words of at least 3 letters ("Pomp").
/// The score of a speaker is the best over its name and aliases.
public enum SpeakerSearch {
    public static func score(query: String, names: [String]) -> Double? {
        let q = CorpusWords.words(query).map(\.key)
        guard !q.isEmpty else { return nil }
        var best: Double?
        for name in names {
            let w = CorpusWords.words(name).map(\.key)
            guard !w.isEmpty else { continue }
            var s: Double?
            if w == q {
                s = 1.0
            } else if q.allSatisfy({ w.contains($0) }) {
                s = 0.9
            } else if q.allSatisfy({ qw in w.contains { close(qw, $0) } }) {
                s = 0.8
            } else if q.count == 1, q[0].count >= 3, w.contains(where: { $0.hasPrefix(q[0]) }) {
                s = 0.7
            }
            if let s, s > (best ?? 0) { best = s }
        }
        return best
    }

    /// Whether two words are within the allowed edit distance (see the type's documentation).
    static func close(_ a: String, _ b: String) -> Bool {
        let n = max(a.count, b.count)
        let allowed = n >= 8 ? 2 : n >= 4 ? 1 : 0
        guard allowed > 0, abs(a.count - b.count) <= allowed else { return a == b }
        return editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars)) <= allowed
    }

    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// One quote of a speaker, as `hearsay who` lists it.
public struct SpeakerQuote: Codable, Sendable, Equatable {
    /// The corpus speaker id (`P7`) and its name.
    public var speaker: String
    public var speakerName: String
    public var document: String
    public var quote: String
    public var kind: String
    public var text: String
    /// The attribution's confidence (how sure the speaker is), else the quote's.
    public var confidence: Double

    public init(
        speaker: String, speakerName: String, document: String, quote: String, kind: String, text: String,
        confidence: Double
    ) {
        self.speaker = speaker
        self.speakerName = speakerName
        self.document = document
        self.quote = quote
        self.kind = kind
        self.text = text
        self.confidence = confidence
    }

    enum CodingKeys: String, CodingKey {
        case speaker, speakerName = "speaker_name", document, quote, kind, text, confidence
    }
}

/// The answer of `hearsay who`: the matching speakers, best first, and their quotes.
public struct WhoAnswer: Codable, Sendable {
    public struct Match: Codable, Sendable {
        public var speaker: CorpusSpeaker
        public var score: Double
        public var quotes: [SpeakerQuote]
        public init(speaker: CorpusSpeaker, score: Double, quotes: [SpeakerQuote]) {
            self.speaker = speaker
            self.score = score
            self.quotes = quotes
        }
    }
    public var query: String
    public var matches: [Match]
    public init(query: String, matches: [Match]) {
        self.query = query
        self.matches = matches
    }

    /// Matches the query against corpus speakers; `quotes` gives a speaker's quotes. Only the best-scoring tier is
    /// kept when it is an exact or whole-word match (so "Trump" does not also list "Trumpington").
    public static func find(
        _ query: String, in speakers: [CorpusSpeaker], quotes: (CorpusSpeaker) -> [SpeakerQuote]
    ) -> WhoAnswer {
        var scored: [(CorpusSpeaker, Double)] = []
        for s in speakers {
            if let sc = SpeakerSearch.score(query: query, names: [s.name] + s.aliases) { scored.append((s, sc)) }
        }
        let top = scored.map(\.1).max() ?? 0
        if top >= 0.9 { scored = scored.filter { $0.1 >= 0.9 } }
        // Best match first; among equal matches the most quoted speaker, then the one in most documents.
        var matches = scored.map { Match(speaker: $0.0, score: $0.1, quotes: quotes($0.0)) }
        matches.sort { x, y in
            if x.score != y.score { return x.score > y.score }
            if x.quotes.count != y.quotes.count { return x.quotes.count > y.quotes.count }
            if x.speaker.documents.count != y.speaker.documents.count {
                return x.speaker.documents.count > y.speaker.documents.count
            }
            return CorpusIndex.number(x.speaker.id) < CorpusIndex.number(y.speaker.id)
        }
        return WhoAnswer(query: query, matches: matches)
    }

    /// The answer from knowledge files: their `corpus` when there is one file that has it, else a corpus built from
    /// all their documents.
    public static func find(_ query: String, in files: [KnowledgeFile], settings: CorpusSettings) -> WhoAnswer {
        let corpus: CorpusKnowledge
        if files.count == 1, let c = files[0].corpus {
            corpus = c
        } else {
            let index = CorpusIndex(settings: settings)
            for f in files { for d in f.documents { index.add(d) } }
            corpus = index.knowledge()
        }
        var documents: [String: KnowledgeDocument] = [:]
        for f in files { for d in f.documents where documents[d.id] == nil { documents[d.id] = d } }
        return find(query, in: corpus.speakers) { s in
            var out: [SpeakerQuote] = []
            for a in s.documents {
                guard let doc = documents[a.document] else { continue }
                let byID = Dictionary(doc.quotes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
                for qid in a.quotes {
                    guard let q = byID[qid] else { continue }
                    out.append(
                        SpeakerQuote(
                            speaker: s.id, speakerName: s.name, document: a.document, quote: q.id,
                            kind: q.kind.rawValue,
                            text: q.text, confidence: (q.attribution ?? q.provenance).confidence))
                }
            }
            return out
        }
    }
}

/// A plain-text table for a terminal: columns padded to their widest cell (cells cut to `maxWidth` characters with
/// an ellipsis, control characters escaped by ``escape(_:)``).
public enum TextTable {
    public static func render(header: [String], rows: [[String]], maxWidth: [Int?]) -> String {
        func cut(_ s: String, _ w: Int?) -> String {
            let flat = escape(s)
            guard let w, flat.count > w else { return flat }
            return String(flat.prefix(max(1, w - 1))) + "…"
        }
        let cells = ([header] + rows).map { row in row.enumerated().map { cut($0.element, maxWidth[$0.offset]) } }
        var widths = [Int](repeating: 0, count: header.count)
        for row in cells { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.count) } }
        var lines: [String] = []
        for (r, row) in cells.enumerated() {
            let line = row.enumerated().map { i, c in
                i == row.count - 1 ? c : c + String(repeating: " ", count: widths[i] - c.count)
            }.joined(separator: "  ")
            lines.append(String(line.reversed().drop { $0 == " " }.reversed()))
            if r == 0 { lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A cell as a terminal may show it: line breaks and tabs become spaces; every other control character (C0,
    /// DEL, C1) and every bidirectional control (overrides, isolates, marks) is written as `\u{1B}`, so that the
    /// text of a document cannot move the cursor, recolour the terminal or reorder the columns.
    public static func escape(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: needsEscape) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            if u == "\n" || u == "\r" || u == "\t" || u == "\u{2028}" || u == "\u{2029}" {
                out += " "
            } else if needsEscape(u) {
                out += "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    static func needsEscape(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029
            || u.properties.isBidiControl
    }
}

/// Bounds of a full-text search query (`hearsay search`).
public enum SearchQuery {
    /// The most words a query may hold: FTS5's cost grows with the square of the prefix terms (`a* a* ...`: 3,000
    /// of them took 110 s, 30,000 never finished), so a longer query is refused (`store.query-too-long`).
    public static let maxTerms = 64

    /// The words of a query as FTS5 counts its terms: runs of letters and digits (operators count too).
    public static func termCount(_ query: String) -> Int {
        var count = 0
        var inWord = false
        for u in query.unicodeScalars {
            let word = u.properties.isAlphabetic || u.properties.numericType != nil
            if word && !inWord { count += 1 }
            inWord = word
        }
        return count
    }
}
