import Foundation
import Testing

@testable import Hearsay

/// Normalize's fast paths give exactly what the Foundation calls and scalar-view code they replaced gave.
@Suite struct FastPathTests {
    func units(_ s: String) -> [Decoding.Unit] {
        let bytes = Array(s.utf8)
        return Decoding.decode(bytes, Decoding.Decision(encoding: "utf-8", evidence: "test", bomLength: 0))
    }

    static let samples = [
        "", " ", "\t", "plain", "\t two words \t", "\u{A0}\u{3000}text\u{2009}\u{202F}", "\u{200B}zero width\u{200B}",
        " \u{301}combining first", "combining last \u{301}", "\u{1F600} emoji \u{1F600} ", "\u{85}next line\u{2028}",
        "\u{FEFF}bom\u{FEFF}", "Straße, İstanbul, ΣΊΣΥΦΟΣ, ١٢٣ and ¾", "“Quoted,” she said — 12.5% of £3bn.",
    ]

    @Test func trimmedStringIsFoundationTrimming() {
        for s in Self.samples {
            let u = units(s)
            #expect(PlainTextRules.trimmedString(u) == PlainTextRules.string(u).trimmingCharacters(in: .whitespaces))
            #expect(PlainTextRules.string(u) == s)
        }
    }

    @Test func stringFromScalarsIsTheScalarViewString() {
        for s in Self.samples + ["\u{10FFFF}\u{10000}a\u{7FF}\u{800}\u{FFFF}\u{7F}\u{80}"] {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: Array(s.unicodeScalars))
            let built = String(scalars: Array(s.unicodeScalars))
            #expect(built == String(view))
            #expect(Array(built.utf8) == Array(s.utf8))
        }
        let doc = Document.fromCleanText("Zoë said “ok” 🙂.")
        #expect(doc.text == "Zoë said “ok” 🙂.")
        #expect(doc.string(Span(9, 13)) == "“ok”")
        #expect(doc.string(Span(14, 15)) == "🙂")
    }

    @Test func asciiPropertyShortcutsAgreeWithTheTables() {
        var differ: [UInt32] = []
        for v in UInt32(0)...0xFFFF {
            guard let c = Unicode.Scalar(v) else { continue }
            if c.isAlphabeticFast != c.properties.isAlphabetic || c.isUppercaseFast != c.properties.isUppercase {
                differ.append(v)
            }
        }
        #expect(differ.isEmpty, "scalars answered differently: \(differ.prefix(10))")
    }

    @Test func utf8CheckFindsTheFirstBadByteAroundWordBoundaries() {
        // Valid text with one bad or truncated sequence put at every offset of the first 24 bytes, and at the end.
        let text = Array("A plain ASCII run, then “quotes”, £, 🙂 and more ASCII text to cross words.".utf8)
        #expect(Decoding.firstInvalidUTF8(text) == nil)
        for bad: [UInt8] in [
            [0xFF], [0xC0, 0x80], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80],
        ] {
            for at in Array(0...24) + [text.count] {
                var bytes = Array(text[..<at])
                while Decoding.firstInvalidUTF8(bytes) != nil { bytes.removeLast() }  // not inside a sequence
                let offset = bytes.count
                bytes += bad + Array("tail".utf8)
                #expect(Decoding.firstInvalidUTF8(bytes) == offset, "\(bad) at \(offset)")
            }
        }
    }

    @Test func everyBMPScalarTrimsAsFoundationDoes() {
        var differ: [UInt32] = []
        for v in UInt32(0)...0xFFFF {
            guard let c = Unicode.Scalar(v) else { continue }
            let s = "\(c)x\(c)"
            if PlainTextRules.trimmedString(units(s)) != s.trimmingCharacters(in: .whitespaces) { differ.append(v) }
        }
        #expect(differ.isEmpty, "scalars trimmed differently: \(differ.prefix(10))")
    }

    /// The key as it was computed before the UTF-8 buffer: one scalar at a time into a scalar view.
    func foldKeyByScalarView(_ s: String) -> String {
        var v = String.UnicodeScalarView()
        for sc in s.unicodeScalars {
            if sc.value < 0x80 {
                let b = UInt8(sc.value)
                if b >= 0x41 && b <= 0x5A {
                    v.append(Unicode.Scalar(b + 32))
                } else if b >= 0x61 && b <= 0x7A || b >= 0x30 && b <= 0x39 {
                    v.append(sc)
                }
            } else if sc.properties.isAlphabetic || sc.properties.numericType != nil {
                for l in sc.properties.lowercaseMapping.unicodeScalars { v.append(l) }
            }
        }
        return String(v)
    }

    @Test func foldKeyIsUnchanged() {
        for s in Self.samples { #expect(PlainTextRules.foldKey(s) == foldKeyByScalarView(s)) }
        #expect(PlainTextRules.foldKey("İSTANBUL, Straße!") == "i\u{307}stanbulstraße")
    }

    @Test func textWithoutAngleBracketIsNotHTML() {
        #expect(!TextNormalizer.looksLikeHTML(Array("html body head doctype p div".utf8)))
        #expect(TextNormalizer.looksLikeHTML(Array("  <!DOCTYPE html><p>x".utf8)))
        #expect(TextNormalizer.looksLikeHTML(Array("<p>a</p><div>b</div><br>".utf8)))
        #expect(!TextNormalizer.looksLikeHTML(Array("a < b and c > d".utf8)))
    }

    @Test func corpusWordKeysAreTheFoundationFold() {
        // Every ASCII character, words of every case, and non-ASCII words that take the Foundation path.
        let ascii = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        let words =
            ascii + ascii.map { "Ab" + $0 + "Z" } + [
                "ABCXYZ", "abcxyz", "Don't", "DON'T", "self-made", "Straße", "İstanbul", "Zoë", "ZOË", "don’t",
                "well‐known",
                "non‑stop", "ΣΊΣΥΦΟΣ", "Ǆemal", "ﬁne", "١٢٣", "Ⅻ", "e\u{301}",
            ]
        for w in words {
            var v = String.UnicodeScalarView()
            for s in w.unicodeScalars {
                v.append(s == "\u{2019}" ? "'" : (s == "\u{2010}" || s == "\u{2011}" ? "-" : s))
            }
            #expect(CorpusWords.key(ArraySlice(Array(w.unicodeScalars))) == CorpusWords.fold(String(v)), "\(w)")
        }
        for v in 0..<0x800 {
            guard let s = UnicodeScalar(v) else { continue }
            #expect(
                CorpusWords.isWordScalar(s) == (s.properties.isAlphabetic || s.properties.numericType != nil), "\(v)")
        }
    }

    // MARK: Issue 18, second round

    /// The credit rules' `triggers` only skip lines no pattern could match: `creditRule` answers as matching every
    /// pattern in order does, on credit lines, body lines that hold a trigger word, and letters that match ASCII only
    /// case-insensitively (Kelvin sign, long s, ligatures, dotted capital I, circled C).
    @Test func creditTriggersSkipOnlyLinesNoPatternMatches() throws {
        let rules = try PlainTextRules(
            ResourceLoader().json(PlainTextRules.File.self, "builtin:normalize-text-rules.json"))
        #expect(rules.credits.contains { !$0.triggers.isEmpty })
        let lines = [
            "© 2021 Example Daily News", "Ⓒ 2019 Some Paper", "(C) 2020 Example Media Group", "COPYRIGHT 2018 Acme",
            "All Rights Reserved.", "This article originally appeared on Example.org.",
            "The story was first published in the Weekly Bugle.", "Reporting by Ann Lee; Editing by Bo Roe",
            "Additional reporting by Cy Doe in Lima", "Fact-checking by Dee Fox.", "(Reporting by Ed Moe)",
            "Photo: Ann Lee for Example", "Image credit: Example Agency", "Photographs by Ada Roe/Example",
            "Sign up for our daily newsletter here.", "Subscribe to our email updates.",
            "Email the author at ann@example.org.", "Contact Ann Lee at ann@example.org",
            "The council met on Tuesday and voted to delay the plan.", "She said the photo was taken in 2019.",
            "He first said he had been reported by the local paper.", "Reporting on the vote, the paper said so.",
            "Originally, the mayor wanted a vote.", "The register of deeds was closed.",
            "ǅ \u{212A}elvin: reporting by Ann Lee", "Photo\u{017F}: none", "\u{FB01}rst published in the Times",
            "reporting by \u{0130}lke Roe", "Copyright \u{00A9} 2020", "“Quoted,” she said — 12.5% of £3bn.",
            "Reporting bY Ann Lee", "REPORTING BY ANN LEE", String(repeating: "photo ", count: 60),
        ]
        for line in lines + FastPathTests.samples {
            let t = line.trimmingCharacters(in: .whitespaces)
            let length = t.count
            let plain =
                length <= rules.maxCreditLength
                ? rules.credits.first(where: { length <= $0.maxLength && rules.matches($0.regex, t) })?.rule : nil
            #expect(rules.creditRule(t, length: length) == plain, "\(t)")
        }
        // A line with a trigger word keeps that rule a candidate; one without it drops the rule.
        let copyright = try #require(rules.credits.firstIndex { $0.rule == "boilerplate.copyright" })
        #expect(rules.creditCandidates("COPYRIGHT 2018") & (1 << UInt64(copyright)) != 0)
        #expect(rules.creditCandidates("The mayor spoke.") & (1 << UInt64(copyright)) == 0)
        #expect(rules.creditCandidates("\u{212A}") == ~0)
    }

    /// A token's ``WordClasses`` are the lists its lower-case word is in, as the lexicon's sets and tables say.
    @Test func tokenWordClassesAreTheLexiconLookups() throws {
        let lex = try AttributionLexicon(config: .init(), resources: ResourceLoader())
        let doc = DocumentBuilder.make(
            "Sen. Ada Roe of Ohio said on Tuesday that he’s sure. “We will,” the spokesman for Acme told reporters. "
                + "According to a person familiar with the matter, Mr. Lee went on to say it’s over. THE Senate, "
                + "which I’m in, is said to be in Washington.")
        let tokens = Tokenizer.tokenize(doc, lexicon: lex)
        #expect(!tokens.isEmpty)
        var idOf: [String: Int32] = [:]
        for t in tokens {
            let w = t.lower
            #expect(idOf[w, default: t.id] == t.id, "\(w)")
            idOf[w] = t.id
            let expected: [(WordClasses, Bool)] = [
                (.cueStart, lex.cues[w] != nil),
                (.singleWordCue, lex.cues[w]?.contains { $0.words.count == 1 } ?? false),
                (.stopword, lex.stopwords.contains(w)), (.notName, lex.notNames.contains(w)),
                (.definite, lex.definite.contains(w)), (.indefinite, lex.indefinite.contains(w)),
                (.titleStart, lex.titles[w] != nil), (.firstName, lex.firstNames.contains(w)),
                (.role, lex.roles.contains(w)), (.preposition, lex.prepositions.contains(w)),
                (.postmodifier, lex.postmodifiers.contains(w)), (.clauseStop, lex.clauseStops.contains(w)),
                (.possessive, lex.possessives.contains(w)), (.raisingVerb, lex.raisingVerbs.contains(w)),
                (.raisingParticle, lex.raisingParticles.contains(w)), (.pronoun, lex.pronouns[w] != nil),
                (.contractedPronoun, lex.pronounWord(w) != w),
                (.placePreposition, lex.placePrepositions.contains(w)),
                (.skipBeforeCue, lex.skipBeforeCue.contains(w)), (.temporal, lex.temporal.contains(w)),
                (.progressiveAuxiliary, lex.progressiveAuxiliaries.contains(w)),
                (.complementizer, lex.complementizers.contains(w)),
            ]
            for (c, inList) in expected { #expect(t.classes.contains(c) == inList, "\(w) \(c.rawValue)") }
        }
        #expect(Set(idOf.values).count == idOf.count)
        #expect(tokens.contains { $0.classes.contains(.contractedPronoun) })
        #expect(tokens.contains { $0.classes.contains(.titleStart) })
    }

    /// The tokenizer finds a spelling seen before by its packed bytes and reuses what it made for it: every token
    /// still has its own span's text, that text lower-cased, one id per lower-case form, and the all-caps and letter
    /// flags the property tables give, for short and long (over 16 bytes) spellings, ASCII or not, and repeats.
    @Test func tokenizerSpellingsAreTheSpansText() throws {
        let lex = try AttributionLexicon(config: .init(), resources: ResourceLoader())
        let doc = DocumentBuilder.make(
            "The U.S. Senate and the FBI met. THE SENATE met the Senate, Gov. Roe said. Internationalization "
                + "internationalization INTERNATIONALIZATIONS INTERNATIONALIZATION-WIDE, Straße STRASSE straße, ΣΊΣΥΦΟΣ Σίσυφος İstanbul "
                + "ǅemal ǄEMAL. Mr. Lee's co-op and A.B.C. at 9 a.m. ÉCOLE École école 1,200 x16 X.")
        let tokens = Tokenizer.tokenize(doc, lexicon: lex)
        #expect(tokens.count > 40)
        var idOf: [String: Int32] = [:]
        for t in tokens {
            #expect(t.text == doc.string(t.span))
            #expect(Array(t.text.utf8) == Array(doc.string(t.span).utf8))
            #expect(t.lower == t.text.lowercased(), "\(t.text)")
            #expect(idOf[t.lower, default: t.id] == t.id, "\(t.lower)")
            idOf[t.lower] = t.id
            let caps =
                t.text.unicodeScalars.count >= 2
                && t.text.unicodeScalars.allSatisfy { $0.properties.isUppercase || $0 == "." }
            #expect(t.isAllCaps == caps, "\(t.text)")
            #expect(t.lowerStartsWithLetter == (t.lower.unicodeScalars.first?.properties.isAlphabetic == true))
            #expect(t.classes == lex.classes(of: t.lower), "\(t.text)")
        }
        #expect(Set(idOf.values).count == idOf.count)
        #expect(Set(idOf.values) == Set((0..<Int32(idOf.count))))
        #expect(tokens.contains { $0.text == "Gov." })
        #expect(tokens.contains { $0.isAllCaps && $0.text.utf8.count > 16 })
    }

    /// `String(scalars:)` asks for the exact UTF-8 length, so a word of up to 15 bytes is a small string: its text
    /// is the same as the scalar view's, at every length around the limit and with multi-byte scalars.
    @Test func stringFromScalarsAtEveryLength() {
        for unit in ["a", "é", "€", "🙂"] {
            for n in 0...20 {
                let s = String(repeating: unit, count: n)
                #expect(String(scalars: Array(s.unicodeScalars)) == s)
                #expect(Array(String(scalars: Array(s.unicodeScalars)).utf8) == Array(s.utf8))
            }
        }
    }

    /// A speaker entity keeps its fields behind one reference but behaves as a value: a copy changed leaves the
    /// original as it was, and the original changed leaves the copy.
    @Test func speakerEntityCopiesAreValues() {
        var a = SpeakerResolver.Entity(name: "Ada Roe", nameWords: ["Ada", "Roe"], kind: .person, firstPosition: 3)
        a.addPosition(3, paragraph: 0)
        var b = a
        b.descriptions.append("the mayor")
        b.addPosition(10, paragraph: 1)
        b.nameWords = ["Ann", "Roe"]
        b.kind = .unknown
        #expect(
            a.descriptions.isEmpty && a.positions.count == 1 && a.lowerWords == ["ada", "roe"] && a.kind == .person)
        #expect(b.descriptions == ["the mayor"] && b.positions.count == 2 && b.lowerWords == ["ann", "roe"])
        a.gender = "female"
        a.cuePositions.append(3)
        #expect(b.gender == nil && b.cuePositions.isEmpty && a.gender == "female" && a.cuePositions == [3])
        #expect(a.lastPosition(before: 20)?.pos == 3 && b.lastPosition(before: 20)?.pos == 10)
    }

    /// ``SpeakerResolver/classify(_:)`` keeps its answers per token range: a second reading, and a reading by a fresh
    /// resolver, give the same phrase.
    @Test func classifiedPhrasesAreReadOnce() throws {
        let lex = try AttributionLexicon(config: .init(), resources: ResourceLoader())
        let doc = DocumentBuilder.make(
            "Secretary of State Ada Roe said the plan works. A spokesman for Acme Corp said no. Roe’s aide Ben Lee "
                + "agreed, and the senior Acme officials said so.")
        let tokens = Tokenizer.tokenize(doc, lexicon: lex)
        let resolver = SpeakerResolver(lex: lex, tokens: tokens, document: doc)
        func describe(_ r: SpeakerRef?) -> String {
            guard let r else { return "nil" }
            return "\(r.form) \(r.tokens) \(r.text) \(r.name) \(r.description ?? "-") \(r.role ?? "-") \(r.kind) "
                + "\(r.affiliation ?? "-") \(r.gender ?? "-")"
        }
        var read = 0
        for lo in 0..<tokens.count {
            for hi in (lo + 1)...min(tokens.count, lo + 6) {
                let first = describe(resolver.classify(lo..<hi))
                #expect(describe(resolver.classify(lo..<hi)) == first)
                let fresh = SpeakerResolver(lex: lex, tokens: tokens, document: doc)
                #expect(describe(fresh.classify(lo..<hi)) == first)
                if first != "nil" { read += 1 }
            }
        }
        #expect(read > 10)
        #expect(resolver.classified.refs.count > 100)
    }

    /// `WordSet` and `WordMap` answer as `Set<String>` and `Dictionary` do: every word of the claims lexicons (and
    /// their tokens), words one byte off, long words, non-ASCII words, and strings `==` to a word by canonical
    /// equivalence only (a Kelvin sign for "K", a decomposed "é").
    @Test func wordTablesAnswerAsSetAndDictionary() throws {
        let lexicon = try ResourceLoader().json(ClaimLexicon.LexiconFile.self, "builtin:claims-lexicon.json")
        let units = try ResourceLoader().json(ClaimLexicon.UnitsFile.self, "builtin:claims-units.json")
        var words = Array(lexicon.cardinals.keys) + lexicon.oneWords + lexicon.qualifiers + Array(lexicon.months.keys)
        for u in units.units { words += (u.names ?? []) + (u.prefixes ?? []) + (u.attached ?? []) }
        words += ["caf\u{E9}", "na\u{EF}ve", "\u{212A}m", "\u{212B}", "ﬁve", "", "x", "twelvehundredthousand"]
        var queries = words
        for w in words {
            queries += [w + "s", String(w.dropFirst()), String(w.dropLast()), w.uppercased(), w + w]
        }
        queries += ["cafe\u{301}", "Km", "km", "\u{C5}", "A\u{30A}", "five", "fi\u{302}ve"]
        // each query also in the long form a string of few bytes can have (no small-string words): the byte hash
        func longForm(_ q: String) -> String {
            var s = ""
            s.reserveCapacity(64)
            s += q
            return s
        }
        #expect(SmallKey.layoutHolds)
        #expect(SmallKey.ascii(longForm("km")) == nil && SmallKey.ascii("km") != nil)
        queries += queries.map(longForm)
        for split in [1, 3, 7] {
            let listed = words.enumerated().filter { $0.offset % split == 0 }.map(\.element)
            let set = Set(listed)
            let table = WordSet(listed)
            let map = WordMap(Dictionary(listed.map { ($0, $0.count) }, uniquingKeysWith: { a, _ in a }))
            let dict = Dictionary(listed.map { ($0, $0.count) }, uniquingKeysWith: { a, _ in a })
            #expect(table.count == set.count)
            #expect(Set(table) == set)
            for q in queries {
                #expect(table.contains(q) == set.contains(q), "\(q.unicodeScalars.map(\.value))")
                #expect(map[q] == dict[q], "\(q.unicodeScalars.map(\.value))")
            }
        }
        // equal by canonical equivalence only
        #expect(WordSet(["\u{212A}m"]).contains("Km") == Set(["\u{212A}m"]).contains("Km"))
        #expect(WordSet(["Km"]).contains("\u{212A}m") && WordSet(["caf\u{E9}"]).contains("cafe\u{301}"))
        #expect(WordSet(["\u{212A}m"]).contains("Km"))
        // the scalars `==` to one ASCII character are exactly `WordTable.asciiSingletons`
        let ascii = Dictionary(uniqueKeysWithValues: (0..<128).map { (String(UnicodeScalar(UInt8($0))), $0) })
        var singletons: [UInt32: Int] = [:]
        for v in UInt32(128)...0x10FFFF {
            if let s = Unicode.Scalar(v), let a = ascii[String(s)] { singletons[v] = a }
        }
        #expect(
            singletons
                == Dictionary(
                    uniqueKeysWithValues: WordTable.asciiSingletons.map { ($0.key.value, Int($0.value.value)) }))
    }

    /// The SHA-256 hex of a document is what the per-byte `String(radix:)` code wrote.
    @Test func digestHexIsTheRadixHex() {
        var rng = SystemRandomNumberGenerator()
        for n in [0, 1, 32, 33, 64] {
            let bytes = (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) } + [0, 15, 16, 255]
            let radix = bytes.map { b -> String in
                let s = String(b, radix: 16)
                return s.count == 1 ? "0" + s : s
            }.joined()
            #expect(Document.hex(bytes) == radix)
        }
    }

    /// The ASCII word table of the JSON-LD agreement answers as the String dictionary does, for words in it and
    /// near misses (a prefix, an extension, one byte changed, the empty word).
    @Test func asciiWordIDsAnswerAsTheDictionary() {
        var r = UInt64(3)
        func next(_ n: Int) -> Int {
            r = r &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((r >> 33) % UInt64(n))
        }
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        var dictionary: [String: Int32] = [:]
        var list: [([UInt8], Int32)] = []
        for _ in 0..<500 {
            let w = (0..<(1 + next(12))).map { _ in letters[next(letters.count)] }
            let s = String(decoding: w, as: UTF8.self)
            if dictionary[s] == nil {
                dictionary[s] = Int32(dictionary.count)
                list.append((w, dictionary[s]!))
            }
        }
        let table = ASCIIWordIDs(list)
        var queries: [[UInt8]] = [[]]
        for (w, _) in list {
            queries += [w, Array(w.dropLast()), w + [letters[next(letters.count)]]]
            var changed = w
            changed[next(w.count)] = letters[next(letters.count)]
            queries.append(changed)
        }
        for q in queries { #expect(table.find(q) == dictionary[String(decoding: q, as: UTF8.self)]) }
    }

    /// The claims tokenizer's texts made from packed words or written byte by byte are the strings the scalar-view
    /// code made (same bytes, same hash, small when short), and the token view reads the array's tokens.
    @Test func claimTokenTextsAreTheStringsOfTheirScalars() {
        let text =
            "A an THE iPhone O'Neill's don\u{2019}t abcdefghijklmno ABCDEFGHIJKLMNOP abcdefghijklmnopqrstu Stra\u{DF}e "
            + "\u{C9}COLE 1,234,567 12.5 3,5 1.234.567 2e6 007 $ % \u{20AC} \u{BD} - ( ) km/h 9,99 12,3456 "
            + "123,456,789,012,345 123,456,789,012,345,678 1.234.567.890.123.456 0,123 1,234.5"
        let sc = Array(text.unicodeScalars)
        var tokens: [ClaimToken] = []
        ClaimTokenizer.tokenize(sc, 0, sc.count, into: &tokens)
        #expect(tokens.count > 30)
        let view = ClaimTokens(tokens)
        #expect(view.count == tokens.count)
        for (i, t) in tokens.enumerated() {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: sc[t.start..<t.end])
            let raw = String(v)
            // a number's text is its digits and separators, without an exponent ("2e6")
            let expected =
                t.kind == .word ? raw.lowercased() : t.kind == .number ? String(raw.prefix { $0 != "e" }) : raw
            #expect(t.lower == expected && Array(t.lower.utf8) == Array(expected.utf8), "\(raw)")
            #expect(t.lower.hashValue == expected.hashValue, "\(raw)")
            if expected.utf8.count <= 15, expected.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(SmallKey.ascii(t.lower).map { $0 == SmallKey.packed(Array(expected.utf8)) } == true, "\(raw)")
            }
            // a number with grouping separators only: the value of its digits, as `Double` reads them
            if t.kind == .number, t.grouped, !t.decimal {
                #expect(t.value == Double(String(t.lower.filter(\.isNumber))), "\(raw)")
            }
            #expect(view[i].lower == t.lower && view[i].kind == t.kind && view[i].start == t.start)
            #expect(view[i].value.bitPattern == t.value.bitPattern && view[i].spaceBefore == t.spaceBefore)
        }
    }

    /// A phrase table finds the same phrases whether a token's text is a small string (read by its two words) or
    /// the same text in long form (compared as a `String`), and as a plain scan of every phrase's words finds them.
    @Test func phraseTableMatchesTokensByWordsAsByStrings() {
        let phrases = [
            "per annum", "per cent", "per", "a.m.", "p.m.", "\u{20AC}", "km/h", "twelvehundredthousand units",
            "caf\u{E9} au lait", "US$", "o'clock",
        ]
        let table = PhraseTable(phrases.enumerated().map { ($0.element, $0.offset) })
        let lists = phrases.map { ClaimTokenizer.phraseTokenList($0) }
        func longForm(_ q: String) -> String {
            var s = ""
            s.reserveCapacity(64)
            s += q
            return s
        }
        let texts = [
            "per annum", "per cent said", "a.m.", "p . m .", "\u{20AC}", "km/h", "twelvehundredthousand units",
            "caf\u{E9} au lait", "cafe\u{301} au lait", "perx", "US$ 5", "us $", "at 5 o'clock", "per annu",
        ]
        for text in texts {
            var toks = ClaimTokenizer.phraseTokenList(text)
            let small = ClaimTokens(toks)
            for k in toks.indices { toks[k].lower = longForm(toks[k].lower) }
            let long = ClaimTokens(toks)
            for i in 0..<toks.count {
                let a = table.match(small, i, toks.count)
                let b = table.match(long, i, toks.count)
                // the longest phrase whose words and spacing the tokens at `i` have, by `String` comparison
                var best: (payload: Int, end: Int)?
                for (n, words) in lists.enumerated() where i + words.count <= toks.count {
                    let fits = words.indices.allSatisfy { k in
                        toks[i + k].lower == words[k].lower
                            && (k == 0 || words[k].spaceBefore || !toks[i + k].spaceBefore)
                    }
                    if fits, words.count > (best.map { $0.end - i } ?? 0) { best = (n, i + words.count) }
                }
                #expect(a?.payload == best?.payload && a?.end == best?.end, "\(text) at \(i)")
                #expect(b?.payload == best?.payload && b?.end == best?.end, "\(text) at \(i), long form")
            }
        }
    }
}
