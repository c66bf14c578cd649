import Foundation

/// Settings of the corpus index, read from a JSON resource (`builtin:corpus.json`; comments in the file).
public struct CorpusSettings: Codable, Sendable {
    public var quoteKinds: [String] = ["direct", "mixed", "indirect"]
    public var minWords = 5
    public var maxWords = 1500
    public var shingleWords = 2
    public var minhashHashes = 64
    public var lshBands = 16
    public var seed: UInt64 = 20_201_123
    public var maxBucketComparisons = 64
    public var minSimilarity = 0.6
    public var maxPairwiseMembers = 64
    public var nameSuffixes: [String] = []

    enum CodingKeys: String, CodingKey {
        case quoteKinds = "quote_kinds", minWords = "min_words", maxWords = "max_words", shingleWords = "shingle_words"
        case minhashHashes = "minhash_hashes", lshBands = "lsh_bands", seed
        case maxBucketComparisons = "max_bucket_comparisons", minSimilarity = "min_similarity"
        case maxPairwiseMembers = "max_pairwise_members", nameSuffixes = "name_suffixes"
    }

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = CorpusSettings()
        quoteKinds = try c.decodeIfPresent([String].self, forKey: .quoteKinds) ?? d.quoteKinds
        minWords = try c.decodeIfPresent(Int.self, forKey: .minWords) ?? d.minWords
        maxWords = try c.decodeIfPresent(Int.self, forKey: .maxWords) ?? d.maxWords
        shingleWords = try c.decodeIfPresent(Int.self, forKey: .shingleWords) ?? d.shingleWords
        minhashHashes = try c.decodeIfPresent(Int.self, forKey: .minhashHashes) ?? d.minhashHashes
        lshBands = try c.decodeIfPresent(Int.self, forKey: .lshBands) ?? d.lshBands
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? d.seed
        maxBucketComparisons = try c.decodeIfPresent(Int.self, forKey: .maxBucketComparisons) ?? d.maxBucketComparisons
        minSimilarity = try c.decodeIfPresent(Double.self, forKey: .minSimilarity) ?? d.minSimilarity
        maxPairwiseMembers = try c.decodeIfPresent(Int.self, forKey: .maxPairwiseMembers) ?? d.maxPairwiseMembers
        nameSuffixes = try c.decodeIfPresent([String].self, forKey: .nameSuffixes) ?? d.nameSuffixes
        guard shingleWords >= 1, lshBands >= 1, minhashHashes >= lshBands, minhashHashes % lshBands == 0,
            minWords >= 1, maxWords >= minWords, maxBucketComparisons >= 1, (0...1).contains(minSimilarity)
        else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: [],
                    debugDescription:
                        "need shingle_words >= 1, minhash_hashes a multiple of lsh_bands, 1 <= min_words <= max_words, "
                        + "max_bucket_comparisons >= 1, min_similarity in 0...1"))
        }
    }

    /// The built-in settings (`Sources/Hearsay/Resources/corpus.json`).
    public static func builtin() throws -> CorpusSettings {
        try ResourceLoader().json(CorpusSettings.self, "builtin:corpus.json")
    }

    /// ``builtin()``, read once per process (a writer per output file must not read it each time).
    static let builtinCached = Result { try builtin() }
}

/// What the corpus index reads of an encoded document: its id, speakers and quotes (the rest is skipped).
public struct CorpusDocumentSummary: Decodable, Sendable {
    public var id: String
    public var speakers: [Speaker]
    public var quotes: [Quote]
    /// Each quote's LSH band keys (nil: the quote takes no part in groups), when computed ahead — on a worker
    /// thread, so that the writer's thread only files them.
    public var bands: [[UInt64]?]?

    enum CodingKeys: String, CodingKey { case id, speakers, quotes }

    /// - Parameter settings: when given, the quotes' band keys are computed now.
    public init(_ document: Document, settings: CorpusSettings? = nil) {
        id = document.id
        speakers = document.speakers
        quotes = document.quotes
        bands = settings.map { settings in
            let seeds = CorpusIndex.hashSeeds(settings)
            let kinds = Set(settings.quoteKinds)
            return document.quotes.map { CorpusIndex.bands(of: $0, settings: settings, seeds: seeds, kinds: kinds) }
        }
    }
}

/// Words of a text for comparing quotes: runs of letters and digits, with an apostrophe or hyphen inside a word kept
/// (curly apostrophes read as straight ones), folded to lower case without diacritics. Each word keeps its scalar
/// range in the text.
public enum CorpusWords {
    public struct Word: Equatable, Sendable {
        public var key: String
        public var start: Int
        public var end: Int
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        // ASCII answered without the property tables: letters and digits are the only ASCII word scalars.
        if s.value < 0x80 { return s.isAlphabeticFast || (s.value >= 0x30 && s.value <= 0x39) }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// The curly apostrophe read as a straight one, Unicode hyphens as "-".
    @inline(__always) static func plain(_ s: Unicode.Scalar) -> Unicode.Scalar {
        s == "\u{2019}" ? "'" : (s == "\u{2010}" || s == "\u{2011}" ? "-" : s)
    }

    static func isJoiner(_ s: Unicode.Scalar) -> Bool {
        s == "'" || s == "\u{2019}" || s == "-" || s == "\u{2010}" || s == "\u{2011}"
    }

    public static func words(_ text: String) -> [Word] {
        let scalars = Array(text.unicodeScalars)
        var out: [Word] = []
        var i = 0
        while i < scalars.count {
            guard isWordScalar(scalars[i]) else {
                i += 1
                continue
            }
            let start = i
            while i < scalars.count {
                if isWordScalar(scalars[i]) {
                    i += 1
                } else if isJoiner(scalars[i]), i + 1 < scalars.count, isWordScalar(scalars[i + 1]) {
                    i += 1
                } else {
                    break
                }
            }
            out.append(Word(key: key(scalars[start..<i]), start: start, end: i))
        }
        return out
    }

    /// A word's key: curly apostrophe and Unicode hyphens made ASCII (``plain(_:)``), then ``fold(_:)``. A word
    /// that is then ASCII (most words) is lower-cased byte by byte, which is what the Foundation fold gives for
    /// ASCII, without bridging to NSString.
    static func key(_ word: ArraySlice<Unicode.Scalar>) -> String {
        if word.allSatisfy({ plain($0).isASCII }) {
            return String(unsafeUninitializedCapacity: word.count) { buffer in
                var n = 0
                for s in word {
                    let b = UInt8(plain(s).value)
                    buffer[n] = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
                    n += 1
                }
                return n
            }
        }
        var v = String.UnicodeScalarView()
        for s in word { v.append(plain(s)) }
        return fold(String(v))
    }

    /// Lower case without diacritics.
    public static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}

/// The word-level comparison of two quotes: similarity and the changes that turn one into the other.
public enum WordDiff {
    public enum Step: Equatable { case same(Int, Int), delete(Int), insert(Int) }

    /// The alignment of `a` and `b` along a longest common subsequence (deterministic: on ties a deletion comes
    /// before an insertion).
    public static func align(_ a: [Int32], _ b: [Int32]) -> [Step] {
        let n = a.count
        let m = b.count
        let w = m + 1
        // table[i * w + j]: LCS length of a[i...] and b[j...].
        var table = [Int32](repeating: 0, count: (n + 1) * w)
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i * w + j] =
                        a[i] == b[j]
                        ? table[(i + 1) * w + j + 1] + 1 : max(table[(i + 1) * w + j], table[i * w + j + 1])
                }
            }
        }
        var steps: [Step] = []
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j], table[i * w + j] == table[(i + 1) * w + j + 1] + 1 {
                steps.append(.same(i, j))
                i += 1
                j += 1
            } else if i < n, j == m || table[(i + 1) * w + j] >= table[i * w + j + 1] {
                steps.append(.delete(i))
                i += 1
            } else {
                steps.append(.insert(j))
                j += 1
            }
        }
        return steps
    }

    /// 2 * LCS / (|a| + |b|), 1 for two empty sequences.
    public static func similarity(_ a: [Int32], _ b: [Int32]) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        let lcs = align(a, b).reduce(0) { if case .same = $1 { return $0 + 1 } else { return $0 } }
        return Double(2 * lcs) / Double(a.count + b.count)
    }

    /// Runs of changes: each maximal run of deletions and insertions between two matched words, as word index ranges
    /// of `a` and of `b` (one of them may be empty).
    public static func changes(_ a: [Int32], _ b: [Int32]) -> [(Range<Int>, Range<Int>)] {
        var out: [(Range<Int>, Range<Int>)] = []
        var delStart: Int?
        var delEnd = 0
        var insStart: Int?
        var insEnd = 0
        var i = 0
        var j = 0
        func close() {
            if delStart != nil || insStart != nil {
                out.append(
                    ((delStart ?? i)..<(delStart == nil ? i : delEnd), (insStart ?? j)..<(insStart == nil ? j : insEnd))
                )
            }
            delStart = nil
            insStart = nil
        }
        for step in align(a, b) {
            switch step {
            case .same(let x, let y):
                close()
                i = x + 1
                j = y + 1
            case .delete(let x):
                if delStart == nil { delStart = x }
                delEnd = x + 1
                i = x + 1
            case .insert(let y):
                if insStart == nil { insStart = y }
                insEnd = y + 1
                j = y + 1
            }
        }
        close()
        return out
    }
}

/// Cross-document knowledge, built one document at a time: speakers merged across documents and quote groups
/// (the same statement quoted in different documents, with word-level variants).
///
/// Only small summaries are kept per document (speaker names, quote texts and fragment offsets, MinHash band keys),
/// never the documents, so memory grows with the number of quotes, not with the size of the corpus text.
///
/// **Speaker merge.** Names are compared folded (lower case, no diacritics, words only, name suffixes dropped).
/// A person named with two or more words is keyed by first and last word ("Susan Ariel Aaronson" = "Susan
/// Aaronson"); a person named by one word ("Pompeo", "Trump") joins the one person of the corpus whose key ends in
/// that word, when there is exactly one, and otherwise stays on its own. Organizations and speakers of unknown type
/// are keyed by their whole folded name. Anonymous sources and groups ("a TikTok spokesman", "the company") are
/// never merged across documents: nothing says two articles' spokesmen are one person.
///
/// **Quote groups.** Each quote of a grouped kind with `min_words`...`max_words` words gets a MinHash signature of
/// its word shingles; LSH banding makes quotes that share a band candidates; only candidates from different
/// documents are compared, by word-level similarity (2·LCS / total words); pairs at or above `min_similarity` are
/// joined (union-find) into groups. Everything is seeded and sorted: the same documents give the same output.
public final class CorpusIndex {
    public let settings: CorpusSettings

    struct SpeakerEntry {
        var document: Int32
        var id: String
        var name: String
        var type: Speaker.Kind
        var aliases: [String]
        var descriptions: [String]
        var quotes: [String]
        /// ``nameWords(_:)`` of the name, made as the document arrives.
        var nameWords: [String]
    }

    struct QuoteEntry {
        var document: Int32
        var number: Int32
        var id: String
        var speaker: String?
        var text: String
        /// Fragment starts in the document text and their lengths, when the quote text is the fragments joined by a
        /// space (as the attribute stage writes it); empty otherwise.
        var fragmentStarts: [Int32]
        var fragmentLengths: [Int32]
    }

    var documentIDs: [String] = []
    var speakers: [SpeakerEntry] = []
    var quotes: [QuoteEntry] = []
    let hashSeeds: [UInt64]
    let kinds: Set<String>
    let nameSuffixes: Set<String>

    // Quote groups are built as documents arrive (see ``fileBands(of:keys:)``), so that `knowledge()` at the end
    // of a run only writes them out: the LSH buckets, the candidate pairs, each compared quote's word ids and the
    // union-find of the similar pairs.
    /// One entry per band key of a grouped quote: its quote, the bucket's entry before it (-1: none), and the
    /// bucket's last entry before the run of its own document (-1: none).
    var entryQuote: [Int32] = []
    var entryPrevious: [Int32] = []
    var entryBeforeRun: [Int32] = []
    /// The last entry of each bucket (band key).
    var bucketLast: [UInt64: Int32] = [:]
    /// Candidate pairs found so far, packed `lower << 32 | higher` quote index.
    var pairSet = Set<UInt64>()
    /// Word ids of the quotes compared so far (ids are only ever compared for equality).
    var wordIDs: [Int32: [Int32]] = [:]
    var vocabulary: [String: Int32] = [:]
    /// Union-find over the quotes of pairs at or above `min_similarity`, and those pairs' similarities.
    var parent: [Int32: Int32] = [:]
    var similarities: [UInt64: Double] = [:]

    public init(settings: CorpusSettings) {
        self.settings = settings
        hashSeeds = CorpusIndex.hashSeeds(settings)
        kinds = Set(settings.quoteKinds)
        nameSuffixes = Set(settings.nameSuffixes)
    }

    public var documentCount: Int { documentIDs.count }
    public var quoteCount: Int { quotes.count }

    public func add(_ document: Document) {
        add(id: document.id, speakers: document.speakers, quotes: document.quotes)
    }

    public func add(_ document: KnowledgeDocument) {
        add(id: document.id, speakers: document.speakers, quotes: document.quotes)
    }

    /// The MinHash seeds of the settings: fixed, so that the same corpus gives the same groups.
    static func hashSeeds(_ settings: CorpusSettings) -> [UInt64] {
        var state = settings.seed
        return (0..<settings.minhashHashes).map { _ in
            state = state &+ 0x9E37_79B9_7F4A_7C15
            return CorpusIndex.mix(state)
        }
    }

    /// A quote's LSH band keys, or nil when it takes no part in quote groups (kind, nesting, length).
    static func bands(of q: Quote, settings: CorpusSettings, seeds: [UInt64], kinds: Set<String>) -> [UInt64]? {
        guard kinds.contains(q.kind.rawValue), q.parent == nil else { return nil }
        let words = CorpusWords.words(q.text).map(\.key)
        guard words.count >= settings.minWords, words.count <= settings.maxWords else { return nil }
        return signatureBands(words, settings: settings, seeds: seeds)
    }

    public func add(_ summary: CorpusDocumentSummary) {
        add(id: summary.id, speakers: summary.speakers, quotes: summary.quotes, bands: summary.bands)
    }

    public func add(
        id: String, speakers docSpeakers: [Speaker], quotes docQuotes: [Quote], bands given: [[UInt64]?]? = nil
    ) {
        let doc = Int32(documentIDs.count)
        documentIDs.append(id)
        var quotesOf: [String: [String]] = [:]
        for q in docQuotes { if let s = q.speaker { quotesOf[s, default: []].append(q.id) } }
        for s in docSpeakers {
            let named = s.mentions.filter { $0.form == .name || $0.form == .organization }.map(\.text)
            speakers.append(
                SpeakerEntry(
                    document: doc, id: s.id, name: s.name, type: s.type, aliases: Array(Set(named + [s.name])).sorted(),
                    descriptions: s.descriptions, quotes: quotesOf[s.id] ?? [], nameWords: nameWords(s.name)))
        }
        for (qi, q) in docQuotes.enumerated() {
            var starts: [Int32] = []
            var lengths: [Int32] = []
            let total = q.fragments.reduce(0) { $0 + $1.span.length } + max(0, q.fragments.count - 1)
            if total == q.text.unicodeScalars.count {
                starts = q.fragments.map { Int32(truncatingIfNeeded: $0.span.start) }
                lengths = q.fragments.map { Int32(truncatingIfNeeded: $0.span.length) }
            }
            let index = Int32(quotes.count)
            quotes.append(
                QuoteEntry(
                    document: doc, number: Self.number(q.id), id: q.id, speaker: q.speaker, text: q.text,
                    fragmentStarts: starts, fragmentLengths: lengths))
            let keys = given.map { $0[qi] } ?? Self.bands(of: q, settings: settings, seeds: hashSeeds, kinds: kinds)
            guard let keys else { continue }
            fileBands(of: index, keys: keys)
        }
    }

    /// Files a grouped quote's band keys in their buckets and pairs it with the quotes before it in each bucket.
    ///
    /// A bucket holds its entries in quote order (quotes arrive in order, and a document's quotes have consecutive
    /// indexes, so the entries of one document form one run). The look-back from an entry starts before its own
    /// document's run: every step is then a pair of different documents, and `max_bucket_comparisons` bounds the
    /// steps. (Skipping the run one entry at a time made a bucket of one document's quotes cost its size squared.)
    /// Each new pair is compared at once and, when similar enough, joined in the union-find.
    func fileBands(of quote: Int32, keys: [UInt64]) {
        let document = quotes[Int(quote)].document
        for key in keys {
            let entry = Int32(entryQuote.count)
            let previous = bucketLast[key] ?? -1
            var beforeRun: Int32 = previous
            if previous >= 0, quotes[Int(entryQuote[Int(previous)])].document == document {
                beforeRun = entryBeforeRun[Int(previous)]
            }
            entryQuote.append(quote)
            entryPrevious.append(previous)
            entryBeforeRun.append(beforeRun)
            bucketLast[key] = entry
            var compared = 0
            var y = beforeRun
            while y >= 0, compared < settings.maxBucketComparisons {
                let other = entryQuote[Int(y)]
                let pair = UInt64(UInt32(min(quote, other))) << 32 | UInt64(UInt32(max(quote, other)))
                if pairSet.insert(pair).inserted { compare(pair) }
                compared += 1
                lookBackSteps += 1
                y = entryPrevious[Int(y)]
            }
        }
    }

    /// A quote's word ids, made once.
    func ids(_ q: Int32) -> [Int32] {
        if let w = wordIDs[q] { return w }
        let w = CorpusWords.words(quotes[Int(q)].text).map { word -> Int32 in
            if let id = vocabulary[word.key] { return id }
            let id = Int32(vocabulary.count)
            vocabulary[word.key] = id
            return id
        }
        wordIDs[q] = w
        return w
    }

    /// Compares a candidate pair and joins it in the union-find when similar enough (the groups, connected
    /// components, do not depend on the order of the joins).
    func compare(_ pair: UInt64) {
        let a = Int32(truncatingIfNeeded: pair >> 32)
        let b = Int32(truncatingIfNeeded: pair & 0xFFFF_FFFF)
        let similarity = WordDiff.similarity(ids(a), ids(b))
        guard similarity >= settings.minSimilarity else { return }
        similarities[pair] = similarity
        if parent[a] == nil { parent[a] = a }
        if parent[b] == nil { parent[b] = b }
        let ra = find(a)
        let rb = find(b)
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }

    func find(_ x: Int32) -> Int32 {
        var r = x
        while let p = parent[r], p != r { r = p }
        var y = x
        while let p = parent[y], p != r {
            parent[y] = r
            y = p
        }
        return r
    }

    /// Band entries filed so far (`lshBands` per grouped quote).
    var bandEntryCount: Int { entryQuote.count }

    /// The number of a quote id (`q12` is 12), for ordering; an id with no number, or one too large for 32 bits
    /// (a hand-made file), orders as 0 or as the largest number instead of trapping.
    static func number(_ id: String) -> Int32 {
        let digits = id.drop { !$0.isNumber }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return 0 }
        return Int(digits).map { Int32(clamping: $0) } ?? Int32.max
    }

    // MARK: MinHash

    static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func fnv(_ s: String, into h: inout UInt64) {
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
    }

    /// The LSH band keys of a word sequence: MinHash over its word shingles, cut into bands, each band hashed with
    /// its band number.
    static func signatureBands(_ words: [String], settings: CorpusSettings, seeds hashSeeds: [UInt64]) -> [UInt64] {
        let k = min(settings.shingleWords, words.count)
        var shingles: [UInt64] = []
        shingles.reserveCapacity(words.count)
        for i in 0...(words.count - k) {
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for w in words[i..<(i + k)] {
                fnv(w, into: &h)
                h ^= 0x1F
                h = h &* 0x0000_0100_0000_01B3
            }
            shingles.append(h)
        }
        var signature = [UInt64](repeating: .max, count: hashSeeds.count)
        for s in shingles {
            for (i, seed) in hashSeeds.enumerated() {
                let v = mix(s ^ seed)
                if v < signature[i] { signature[i] = v }
            }
        }
        let rows = hashSeeds.count / settings.lshBands
        return (0..<settings.lshBands).map { band in
            var h = mix(UInt64(band) &+ 1)
            for r in 0..<rows { h = mix(h ^ signature[band * rows + r]) }
            return h
        }
    }

    /// Candidate pairs from the LSH buckets: quotes of different documents that share a band (see
    /// ``fileBands(of:keys:)``). Pairs are packed `lower << 32 | higher` quote index, sorted.
    func candidatePairs() -> [UInt64] { pairSet.sorted() }

    /// Steps taken by the look-backs of ``fileBands(of:keys:)`` so far: at most `max_bucket_comparisons` per band
    /// entry (a test checks the bound).
    private(set) var lookBackSteps = 0

    // MARK: Output

    /// The corpus object for the knowledge file.
    public func knowledge() -> CorpusKnowledge {
        let (corpusSpeakers, speakerOf) = mergedSpeakers()
        return CorpusKnowledge(speakers: corpusSpeakers, quoteGroups: quoteGroups(speakerOf: speakerOf))
    }

    func nameWords(_ name: String) -> [String] {
        var w = CorpusWords.words(name).map(\.key)
        if w.last.map({ $0.hasSuffix("'s") }) == true { w[w.count - 1].removeLast(2) }
        while w.count > 1, let l = w.last, nameSuffixes.contains(l) { w.removeLast() }
        // Initials ("George W. Bush") do not tell names apart.
        let kept = w.filter { $0.count > 1 }
        return kept.isEmpty ? w : kept
    }

    /// Merges the per-document speakers; returns the corpus speakers and, for each speaker entry, its corpus id.
    func mergedSpeakers() -> ([CorpusSpeaker], [String: String]) {
        // The merge key of every speaker entry.
        var keys = [String](repeating: "", count: speakers.count)
        var fullBySurname: [String: Set<String>] = [:]
        for (i, s) in speakers.enumerated() {
            let w = s.nameWords
            switch s.type {
            case .person:
                if w.count >= 2 {
                    keys[i] = "person:" + w[0] + " " + w[w.count - 1]
                    fullBySurname[w[w.count - 1], default: []].insert(keys[i])
                }
            case .organization, .unknown:
                keys[i] = w.isEmpty ? "" : "name:" + w.joined(separator: " ")
            case .anonymous, .group:
                break
            }
        }
        for (i, s) in speakers.enumerated() where keys[i].isEmpty {
            let w = s.nameWords
            if s.type == .person, w.count == 1 {
                if let full = fullBySurname[w[0]], full.count == 1 {
                    keys[i] = full.first!
                } else {
                    keys[i] = "person:" + w[0]
                }
            } else {
                keys[i] = "doc:\(s.document):" + s.id
            }
        }
        var members: [String: [Int]] = [:]
        for (i, k) in keys.enumerated() { members[k, default: []].append(i) }
        struct Draft {
            var speaker: CorpusSpeaker
            var first: (String, Int)
            var entries: [Int]
        }
        var drafts: [Draft] = []
        for (_, idx) in members {
            let entries = idx.map { speakers[$0] }
            var name = entries[0].name
            for e in entries
            where e.name.unicodeScalars.count > name.unicodeScalars.count
                || (e.name.unicodeScalars.count == name.unicodeScalars.count && e.name < name)
            {
                name = e.name
            }
            let types = Set(entries.map(\.type))
            let type: Speaker.Kind =
                types.contains(.person)
                ? .person
                : types.contains(.organization) ? .organization : types.contains(.unknown) ? .unknown : entries[0].type
            var aliases = Set(entries.flatMap(\.aliases))
            aliases.remove(name)
            let descriptions = Set(entries.flatMap(\.descriptions)).sorted()
            let appearances = idx.map { i in
                CorpusSpeaker.Appearance(
                    document: documentIDs[Int(speakers[i].document)], speaker: speakers[i].id,
                    quotes: speakers[i].quotes)
            }.sorted {
                $0.document != $1.document
                    ? $0.document < $1.document : Self.number($0.speaker) < Self.number($1.speaker)
            }
            let speaker = CorpusSpeaker(
                id: "", name: name, type: type.rawValue, aliases: aliases.sorted(), descriptions: descriptions,
                documents: appearances)
            drafts.append(
                Draft(
                    speaker: speaker, first: (appearances[0].document, Int(Self.number(appearances[0].speaker))),
                    entries: idx))
        }
        drafts.sort {
            $0.speaker.name != $1.speaker.name
                ? $0.speaker.name < $1.speaker.name
                : $0.first.0 != $1.first.0 ? $0.first.0 < $1.first.0 : $0.first.1 < $1.first.1
        }
        var out: [CorpusSpeaker] = []
        var speakerOf: [String: String] = [:]
        for (n, d) in drafts.enumerated() {
            var s = d.speaker
            s.id = "P\(n + 1)"
            for i in d.entries { speakerOf["\(speakers[i].document)\u{1F}\(speakers[i].id)"] = s.id }
            out.append(s)
        }
        return (out, speakerOf)
    }

    /// The scalar span, in the document text, of quote-text scalars `start..<end`.
    func documentSpan(_ q: QuoteEntry, _ start: Int, _ end: Int) -> Span? {
        guard !q.fragmentStarts.isEmpty else { return nil }
        func map(_ offset: Int, end isEnd: Bool) -> Int {
            var base = 0
            for (k, len) in q.fragmentLengths.enumerated() {
                let l = Int(len)
                if offset < base + l || (isEnd && offset <= base + l) || k == q.fragmentLengths.count - 1 {
                    return Int(q.fragmentStarts[k]) + min(max(0, offset - base), l)
                }
                base += l + 1
            }
            return 0
        }
        return Span(map(start, end: false), map(end, end: true))
    }

    func quoteGroups(speakerOf: [String: String]) -> [QuoteGroup] {
        // The pairs were compared and joined as the documents came (``fileBands(of:keys:)``); the word positions
        // are needed only for the variants of the groups' members.
        var positions: [Int32: [CorpusWords.Word]] = [:]
        func words(_ q: Int32) -> ([CorpusWords.Word], [Int32]) {
            if let w = positions[q] { return (w, ids(q)) }
            let w = CorpusWords.words(quotes[Int(q)].text)
            positions[q] = w
            return (w, ids(q))
        }
        var components: [Int32: [Int32]] = [:]
        for q in parent.keys { components[find(q), default: []].append(q) }
        func before(_ x: Int32, _ y: Int32) -> Bool {
            let a = quotes[Int(x)]
            let b = quotes[Int(y)]
            let da = documentIDs[Int(a.document)]
            let db = documentIDs[Int(b.document)]
            return da != db ? da < db : a.number < b.number
        }
        var groups: [[Int32]] = components.values.map { $0.sorted(by: before) }.filter { $0.count >= 2 }
        groups.sort { before($0[0], $1[0]) }
        var out: [QuoteGroup] = []
        for (g, members) in groups.enumerated() {
            var minSim = 1.0
            let all = members.count <= settings.maxPairwiseMembers
            for x in 0..<members.count {
                for y in (x + 1)..<members.count where all || x == 0 {
                    let (a, b) = (min(members[x], members[y]), max(members[x], members[y]))
                    let similarity =
                        similarities[UInt64(UInt32(a)) << 32 | UInt64(UInt32(b))]
                        ?? WordDiff.similarity(ids(members[x]), ids(members[y]))
                    minSim = min(minSim, similarity)
                }
            }
            let ref = members[0]
            let (refWords, refIDs) = words(ref)
            let refText = Array(quotes[Int(ref)].text.unicodeScalars)
            var variants: [QuoteGroup.Variant] = []
            for m in members.dropFirst() {
                let (w, ids) = words(m)
                guard ids != refIDs else { continue }
                let q = quotes[Int(m)]
                let text = Array(q.text.unicodeScalars)
                func surface(_ scalars: [Unicode.Scalar], _ ws: [CorpusWords.Word], _ r: Range<Int>) -> String {
                    guard !r.isEmpty else { return "" }
                    var v = String.UnicodeScalarView()
                    v.append(contentsOf: scalars[ws[r.lowerBound].start..<ws[r.upperBound - 1].end])
                    return String(v)
                }
                let changes = WordDiff.changes(refIDs, ids).map { (r, v) -> WordChange in
                    let op: WordChange.Op = r.isEmpty ? .insert : v.isEmpty ? .delete : .replace
                    let span = v.isEmpty ? nil : documentSpan(q, w[v.lowerBound].start, w[v.upperBound - 1].end)
                    return WordChange(
                        op: op, reference: surface(refText, refWords, r), variant: surface(text, w, v), span: span)
                }
                variants.append(
                    QuoteGroup.Variant(document: documentIDs[Int(q.document)], quote: q.id, changes: changes))
            }
            let memberList = members.map { i -> QuoteGroup.Member in
                let q = quotes[Int(i)]
                return QuoteGroup.Member(
                    document: documentIDs[Int(q.document)], quote: q.id,
                    speaker: q.speaker.flatMap { speakerOf["\(q.document)\u{1F}\($0)"] }, text: q.text)
            }
            out.append(
                QuoteGroup(
                    id: "G\(g + 1)", similarity: (minSim * 1000).rounded() / 1000, quotes: memberList,
                    variants: variants))
        }
        return out
    }
}
