import Foundation
import Testing

@testable import Hearsay

/// The cross-document corpus index: speakers merged across documents, quote groups with word-level variants.
@Suite struct CorpusTests {
    static let seeds = ["000_6efc6b7ecacdcf92.txt", "002_04df36bdc83da559.txt"]

    /// Both seeds through the pipeline (seed 000 is a machine-rewritten copy of seed 002).
    static func seedDocuments() throws -> [Document] {
        let pipeline = try makePipeline()
        return try seeds.map { seed in
            let url = repositoryRoot.appendingPathComponent("seeds").appendingPathComponent(seed)
            var doc = Document(id: seed, path: "seeds/" + seed, bytes: [UInt8](try Data(contentsOf: url)))
            try pipeline.process(&doc)
            return doc
        }
    }

    static func corpus(_ docs: [Document]) throws -> CorpusKnowledge {
        let index = CorpusIndex(settings: try CorpusSettings.builtin())
        for d in docs { index.add(d) }
        return index.knowledge()
    }

    /// The group whose reference quote contains `words`.
    static func group(_ corpus: CorpusKnowledge, containing words: String) -> QuoteGroup? {
        corpus.quoteGroups.first { $0.quotes[0].text.contains(words) }
    }

    @Test func seedMisquotesAreFlaggedWithTheChangedWords() throws {
        let docs = try Self.seedDocuments()
        let corpus = try Self.corpus(docs)
        let text = Dictionary(uniqueKeysWithValues: docs.map { ($0.id, $0) })

        // 000 (the reference: first by document id) says "of the most importance", 002 "of the utmost importance".
        let importance = try #require(Self.group(corpus, containing: "of the most importance"))
        #expect(Set(importance.quotes.map(\.document)) == Set(Self.seeds))
        #expect(importance.variants.count == 1)
        let v = try #require(importance.variants.first)
        #expect(v.document == Self.seeds[1])
        #expect(v.changes.map(\.op) == [.replace])
        #expect(v.changes.map(\.reference) == ["most"])
        #expect(v.changes.map(\.variant) == ["utmost"])
        // The span points at the changed words in the variant document's text.
        let span = try #require(v.changes[0].span)
        #expect(text[v.document]?.string(span) == "utmost")

        // "There was certainly plenty of confusion" (000) against "a lot of confusion" (002), among other changes.
        let confusion = try #require(Self.group(corpus, containing: "plenty of confusion"))
        let changes = try #require(confusion.variants.first?.changes)
        let first = try #require(changes.first)
        #expect(first.op == .replace && first.reference == "plenty" && first.variant == "a lot")
        #expect(changes.contains { $0.op == .delete && $0.reference == "still" && $0.span == nil })
        for c in changes where c.span != nil {
            #expect(text[confusion.variants[0].document]?.string(c.span!) == c.variant)
        }
        // Word-for-word equal quotes form groups without variants.
        let unaware = try #require(Self.group(corpus, containing: "senior Amazon executives were unaware"))
        #expect(unaware.variants.isEmpty)
        #expect(unaware.similarity == 1)
    }

    @Test func pompeoIsOneSpeakerAcrossBothSeeds() throws {
        let corpus = try Self.corpus(try Self.seedDocuments())
        let pompeo = corpus.speakers.filter { $0.name.contains("Pompeo") || $0.aliases.contains("Pompeo") }
        #expect(pompeo.count == 1)
        let p = try #require(pompeo.first)
        #expect(p.name == "Mike Pompeo")
        #expect(p.type == "person")
        #expect(p.aliases.contains("Pompeo") && p.aliases.contains("Secretary of State Mike Pompeo"))
        #expect(p.documents.map(\.document) == Self.seeds)
        #expect(p.documents.allSatisfy { !$0.quotes.isEmpty })
        // "Trump" in 002 joins "Donald Trump" of 000: the one full name with that surname.
        let trump = corpus.speakers.filter { $0.name.hasSuffix("Trump") }
        #expect(trump.map(\.name) == ["Donald Trump"])
        #expect(trump.first?.documents.count == 2)
        // Anonymous sources are never merged across documents.
        let spokesmen = corpus.speakers.filter { $0.name == "TikTok spokesman" }
        #expect(spokesmen.count == 2)
        #expect(spokesmen.allSatisfy { $0.documents.count == 1 })
        // Ids follow the sorted order.
        #expect(corpus.speakers.map(\.id) == (1...corpus.speakers.count).map { "P\($0)" })
    }

    @Test func groupsSpanDocumentsAndOneDocumentAloneHasNone() throws {
        let docs = try Self.seedDocuments()
        let corpus = try Self.corpus(docs)
        #expect(corpus.quoteGroups.count >= 10)
        for g in corpus.quoteGroups {
            #expect(Set(g.quotes.map(\.document)).count >= 2, "group \(g.id) within one document")
        }
        // Seed 000 quotes Aaronson's sentence twice word for word; alone it still makes no group.
        #expect(try Self.corpus([docs[0]]).quoteGroups.isEmpty)
        #expect(try Self.corpus([docs[1]]).quoteGroups.isEmpty)
    }

    @Test func sameInputSameCorpus() throws {
        let docs = try Self.seedDocuments()
        #expect(try Self.corpus(docs) == Self.corpus(docs))
    }

    @Test func wordDiffNamesReplacementsInsertionsAndDeletions() {
        func ids(_ s: String) -> [Int32] { s.split(separator: " ").map { Int32($0.unicodeScalars.first!.value) } }
        let changes = WordDiff.changes(ids("a b c d e f"), ids("a x c d f g"))
        #expect(
            changes.map { [$0.0.lowerBound, $0.0.upperBound, $0.1.lowerBound, $0.1.upperBound] } == [
                [1, 2, 1, 2],  // b -> x
                [4, 5, 4, 4],  // e deleted
                [6, 6, 5, 6],  // g inserted
            ])
        #expect(WordDiff.similarity(ids("a b c d"), ids("a b c d")) == 1)
        #expect(WordDiff.similarity(ids("a b c d"), ids("e f g h")) == 0)
        #expect(abs(WordDiff.similarity(ids("a b c d"), ids("a b c e")) - 0.75) < 1e-9)
    }

    @Test func wordsFoldCaseAccentsAndApostrophes() {
        let w = CorpusWords.words("Didn’t Zoë say — “well-known” 42?")
        #expect(w.map(\.key) == ["didn't", "zoe", "say", "well-known", "42"])
        #expect(w.map(\.start) == [0, 7, 11, 18, 30])
    }

    /// Deterministic pseudo-random numbers for the synthetic corpus.
    struct LCG {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
    }

    static func quote(id: String, text: String, start: Int) -> Quote {
        let span = Span(start, start + text.unicodeScalars.count)
        return Quote(
            id: id, kind: .direct, text: text, fragments: [Fragment(span: span, sourceSpan: span)], speaker: nil,
            cue: nil, speakerMention: nil, sentences: [], parent: nil,
            provenance: Provenance(stage: "attribute", rule: "quote.double", confidence: 0.9))
    }

    /// The quote groups built as documents arrive are the ones the earlier code built at the end: candidate pairs
    /// from the buckets sorted by band key and quote, the look-back past each entry's own document run, then the
    /// union-find over the similar pairs. That code is kept here as the reference, on corpora with near-duplicate
    /// quotes across documents, repeats inside one document and crowded buckets (a small look-back bound).
    @Test func quoteGroupsBuiltOnArrivalAreTheGroupsBuiltAtTheEnd() throws {
        var settings = try CorpusSettings.builtin()
        settings.maxBucketComparisons = 3
        settings.minWords = 3
        for seed in UInt64(1)...6 {
            var rng = LCG(state: seed)
            let words = (0..<40).map { "w\($0)" }
            func sentence() -> String {
                (0..<(3 + rng.next(8))).map { _ in words[rng.next(words.count)] }.joined(separator: " ")
            }
            var pool = (0..<25).map { _ in sentence() }
            let index = CorpusIndex(settings: settings)
            var all: [(document: Int, id: String, text: String)] = []
            for d in 0..<60 {
                var texts: [String] = []
                for _ in 0..<(1 + rng.next(5)) {
                    var w = pool[rng.next(pool.count)].split(separator: " ").map(String.init)
                    if rng.next(3) == 0 { w[rng.next(w.count)] = words[rng.next(words.count)] }
                    texts.append(w.joined(separator: " "))
                    if rng.next(4) == 0 { texts.append(texts[texts.count - 1]) }  // a repeat inside the document
                }
                if rng.next(5) == 0 { pool.append(sentence()) }
                let quotes = texts.enumerated().map { Self.quote(id: "q\($0.offset + 1)", text: $0.element, start: 0) }
                index.add(id: String(format: "d%03d", d), speakers: [], quotes: quotes)
                for (k, t) in texts.enumerated() { all.append((d, "q\(k + 1)", t)) }
            }
            // The reference: the band entries in quote order, sorted by key and quote at the end.
            let seeds = CorpusIndex.hashSeeds(settings)
            var keys: [UInt64] = []
            var owners: [Int32] = []
            for (i, q) in all.enumerated() {
                let quote = Self.quote(id: q.id, text: q.text, start: 0)
                for key in CorpusIndex.bands(
                    of: quote, settings: settings, seeds: seeds, kinds: Set(settings.quoteKinds))
                    ?? []
                {
                    keys.append(key)
                    owners.append(Int32(i))
                }
            }
            let order = (0..<keys.count).sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : owners[$0] < owners[$1] }
            var pairs = Set<UInt64>()
            var steps = 0
            var start = 0
            while start < order.count {
                var end = start + 1
                while end < order.count, keys[order[end]] == keys[order[start]] { end += 1 }
                var runStart = start
                for x in (start + 1)..<max(start + 1, end) {
                    let qx = owners[order[x]]
                    if all[Int(owners[order[x - 1]])].document != all[Int(qx)].document { runStart = x }
                    var y = runStart - 1
                    var compared = 0
                    while y >= start, compared < settings.maxBucketComparisons {
                        let qy = owners[order[y]]
                        pairs.insert(UInt64(UInt32(min(qx, qy))) << 32 | UInt64(UInt32(max(qx, qy))))
                        compared += 1
                        steps += 1
                        y -= 1
                    }
                }
                start = end
            }
            #expect(index.candidatePairs() == pairs.sorted(), "seed \(seed)")
            #expect(index.lookBackSteps == steps, "seed \(seed)")
            // Groups: connected components of the pairs at or above min_similarity, of two quotes or more.
            var vocabulary: [String: Int32] = [:]
            func ids(_ q: Int32) -> [Int32] {
                CorpusWords.words(all[Int(q)].text).map { w in
                    if let id = vocabulary[w.key] { return id }
                    vocabulary[w.key] = Int32(vocabulary.count)
                    return Int32(vocabulary.count - 1)
                }
            }
            var parent: [Int32: Int32] = [:]
            func find(_ x: Int32) -> Int32 {
                var r = x
                while let p = parent[r], p != r { r = p }
                return r
            }
            for pair in pairs.sorted() {
                let (a, b) = (Int32(pair >> 32), Int32(pair & 0xFFFF_FFFF))
                guard WordDiff.similarity(ids(a), ids(b)) >= settings.minSimilarity else { continue }
                if parent[a] == nil { parent[a] = a }
                if parent[b] == nil { parent[b] = b }
                let (ra, rb) = (find(a), find(b))
                if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
            }
            var components: [Int32: Set<String>] = [:]
            for q in parent.keys {
                components[find(q), default: []].insert(
                    String(format: "d%03d", all[Int(q)].document) + "/" + all[Int(q)].id)
            }
            let expected = Set(components.values.filter { $0.count >= 2 })
            let groups = index.knowledge().quoteGroups
            let got = Set(groups.map { Set($0.quotes.map { $0.document + "/" + $0.quote }) })
            #expect(got == expected, "seed \(seed)")
            #expect(
                !groups.isEmpty && pairs.count > groups.count, "seed \(seed): the corpus must have groups and pairs")
        }
    }

    @Test func minHashFindsPlantedNearDuplicatesAmongManyQuotes() throws {
        var rng = LCG(state: 7)
        let vocabulary = (0..<3000).map { i -> String in
            let letters = Array("abcdefghijklmnopqrstuvwxyz")
            var r = LCG(state: UInt64(i) &+ 1000)
            return String((0..<(3 + r.next(6))).map { _ in letters[r.next(26)] })
        }
        // 400 documents of 5 random quotes; 150 quotes copied into another document with 1 to 3 words replaced.
        var docs: [[String]] = (0..<400).map { _ in
            (0..<5).map { _ in
                (0..<(15 + rng.next(25))).map { _ in vocabulary[rng.next(vocabulary.count)] }.joined(separator: " ")
            }
        }
        var planted: [(Int, Int, Int, Int)] = []
        for _ in 0..<150 {
            let (d, q) = (rng.next(400), rng.next(5))
            var target = rng.next(400)
            if target == d { target = (target + 1) % 400 }
            var words = docs[d][q].split(separator: " ").map(String.init)
            for _ in 0..<(1 + rng.next(3)) { words[rng.next(words.count)] = vocabulary[rng.next(vocabulary.count)] }
            docs[target].append(words.joined(separator: " "))
            planted.append((d, q, target, docs[target].count - 1))
        }
        let index = CorpusIndex(settings: try CorpusSettings.builtin())
        for (i, texts) in docs.enumerated() {
            index.add(
                id: String(format: "d%04d", i), speakers: [],
                quotes: texts.enumerated().map { Self.quote(id: "q\($0.offset + 1)", text: $0.element, start: 0) })
        }
        let allPairs = index.quoteCount * (index.quoteCount - 1) / 2
        let candidates = index.candidatePairs().count
        #expect(candidates < allPairs / 100, "\(candidates) candidates of \(allPairs) pairs")
        let groups = index.knowledge().quoteGroups
        var together = Set<String>()
        for g in groups {
            for a in g.quotes {
                for b in g.quotes { together.insert("\(a.document)/\(a.quote)|\(b.document)/\(b.quote)") }
            }
        }
        let found = planted.filter { d, q, t, k in
            together.contains(String(format: "d%04d", d) + "/q\(q + 1)|" + String(format: "d%04d", t) + "/q\(k + 1)")
        }.count
        #expect(Double(found) / Double(planted.count) >= 0.97, "recall \(found)/\(planted.count)")
        // Unrelated random quotes are never grouped: every group holds a planted pair.
        #expect(groups.count <= planted.count)
        #expect(groups.allSatisfy { $0.similarity >= 0.6 })
    }

    @Test func appendEncodedWritesWhatAppendWrites() throws {
        let docs = try Self.seedDocuments()
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.json").path
        let b = dir.appendingPathComponent("b.json").path
        let wa = try KnowledgeWriter(path: a)
        for d in docs { try wa.append(d) }
        try wa.finish(errors: [], pipelineSHA256: String(repeating: "0", count: 64))
        let wb = try KnowledgeWriter(path: b)
        for d in docs { try wb.appendEncoded(try KnowledgeEncoding.line(d)) }
        try wb.finish(errors: [], pipelineSHA256: String(repeating: "0", count: 64))
        // The resume cache's form: bodies encoded on worker threads.
        let c = dir.appendingPathComponent("c.json").path
        let wc = try KnowledgeWriter(path: c)
        for d in docs { try wc.append(body: try KnowledgeWriter.body(d)) }
        try wc.finish(errors: [], pipelineSHA256: String(repeating: "0", count: 64))
        let bytesA = try Data(contentsOf: URL(fileURLWithPath: a))
        #expect(bytesA == (try Data(contentsOf: URL(fileURLWithPath: b))))
        #expect(bytesA == (try Data(contentsOf: URL(fileURLWithPath: c))))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["a.json", "b.json", "c.json"])
        // The file reads back through the read model, corpus included, and the keys are in sorted order.
        let file = try KnowledgeFile.read(path: a)
        #expect(file.documents.map(\.id) == Self.seeds)
        #expect(file.corpus == (try Self.corpus(docs)))
        let top = String(decoding: bytesA.prefix(40), as: UTF8.self)
        #expect(top.hasPrefix("{\n  \"corpus\": {"))
        #expect(throws: HearsayError.self) { try wb.appendEncoded(Data("{\"id\": 1}".utf8)) }
        #expect(throws: HearsayError.self) { try wc.append(body: Data("[]".utf8)) }
    }

    static func speaker(_ id: String, _ name: String, _ type: Speaker.Kind = .person) -> Speaker {
        Speaker(
            id: id, name: name, type: type, descriptions: [], affiliation: nil,
            mentions: [Mention(text: name, form: .name, span: Span(0, 0), sourceSpan: Span(0, 0))])
    }

    @Test func mergeRulesForNames() throws {
        let index = CorpusIndex(settings: try CorpusSettings.builtin())
        index.add(
            id: "a",
            speakers: [
                Self.speaker("s1", "Susan Ariel Aaronson"), Self.speaker("s2", "Dave Lee"),
                Self.speaker("s3", "Wells Fargo", .organization),
                Self.speaker("s4", "José Núñez Jr."),
            ], quotes: [])
        index.add(
            id: "b",
            speakers: [
                Self.speaker("s1", "Susan Aaronson"), Self.speaker("s2", "Lee"),
                Self.speaker("s3", "Wells Fargo", .unknown),
                Self.speaker("s4", "jose nunez"),
            ], quotes: [])
        index.add(id: "c", speakers: [Self.speaker("s1", "Christine Lee"), Self.speaker("s2", "Lee")], quotes: [])
        let speakers = index.knowledge().speakers
        func docs(_ name: String) -> [String] {
            speakers.first { $0.name == name }.map { $0.documents.map { "\($0.document)/\($0.speaker)" } } ?? []
        }
        #expect(docs("Susan Ariel Aaronson") == ["a/s1", "b/s1"])
        #expect(docs("Wells Fargo") == ["a/s3", "b/s3"])
        #expect(speakers.first { $0.name == "Wells Fargo" }?.type == "organization")
        #expect(docs("José Núñez Jr.") == ["a/s4", "b/s4"])
        // Two people named Lee: the bare surname joins neither; the bare "Lee"s stay together.
        #expect(docs("Dave Lee") == ["a/s2"])
        #expect(docs("Christine Lee") == ["c/s1"])
        #expect(docs("Lee") == ["b/s2", "c/s2"])
    }

    @Test func speakerSearchIsLoose() {
        let names = ["Mike Pompeo", "Pompeo", "Secretary of State Mike Pompeo"]
        #expect(SpeakerSearch.score(query: "mike pompeo", names: names) == 1.0)
        #expect(SpeakerSearch.score(query: "POMPEO", names: names) == 1.0)
        #expect(SpeakerSearch.score(query: "Pompeo Mike", names: ["Mike Pompeo"]) == 0.9)
        #expect(SpeakerSearch.score(query: "pompeio", names: names) == 0.8)
        #expect(SpeakerSearch.score(query: "Zoe", names: ["Zoë Baird"]) == 0.9)
        #expect(SpeakerSearch.score(query: "pomp", names: names) == 0.7)
        #expect(SpeakerSearch.score(query: "Esper", names: names) == nil)
        #expect(SpeakerSearch.score(query: "Lee", names: ["Dave Lea"]) == nil)
    }
}
