/// A phrase that names or points to a speaker, read off the tokens around a cue.
struct SpeakerRef {
    enum Form { case name, pronoun, definite, anonymous, group }
    var form: Form
    /// Token range of the whole phrase.
    var tokens: Range<Int>
    var span: Span
    var text: String
    /// The name words, titles stripped ("Mike Pompeo"), for `.name`.
    var name: [String] = []
    /// The description around the name ("Secretary of State", "FT technology correspondent").
    var description: String?
    /// The organization an anonymous or described source speaks for ("TikTok").
    var affiliation: String?
    /// The head role noun of a description ("spokesman").
    var role: String?
    var kind: Speaker.Kind = .unknown
    /// "male" / "female" when a given name, title or role tells.
    var gender: String?
}

/// Reads speaker phrases and keeps the speakers of one document, merging "Mike Pompeo", "Pompeo" and "Secretary of
/// State Mike Pompeo" into one.
///
/// Speaker coreference is a sieve of passes in the manner of Raghunathan et al. (2010) and Lee et al. (2013), most
/// precise first. Which passes run, their distance limits, the constraints on antecedents and the confidence of each
/// attribution rule are data (`attribute-coreference.json`, `passes`, `limits`, ...); the rule id of the pass that made
/// a link is the quote's `attribution.rule` (a name found by its cue keeps the cue's rule). In order:
/// 1. `speaker.name` (``entityFor(name:kind:inStatement:pos:)``): the same full name; a surname of a known full name;
///    a longer form of a known single name. Titles are stripped first (``classify(_:)``); a listed place is typed as a
///    body, a listed people as a group, and neither is ever a person. A surname several known names share goes to the
///    one already called by it, else the first introduced (``surnameEntity(_:where:)``).
/// 1a. `speaker.mention` (``noteMention(_:paragraph:)``, found by `Run.noteNameMentions()`): every other mention by
///    name of a known person is a mention at its place, so the person named last is a pronoun's nearest antecedent.
/// 2. `speaker.subject` (``noteSubject(_:paragraph:)``, found by `Run.noteSubject(at:hi:)`): a person named as the
///    subject of a sentence without a cue is mentioned there and becomes salient for the pronouns after it.
/// 2a. `speaker.pronoun-subject` (``notePronounSubject(_:paragraph:sectionStart:)``): a sentence opened by "he" or
///    "she" and a verb is a subject mention of the pronoun's antecedent, carrying its salience on.
/// 2b. `speaker.addressee` (found by `Run.noteAddressee(first:hi:)`): the person named right after a word of
///    `addressee_cues` ("asked Roe") is salient after the asker: the one asked answers next.
/// 3. `speaker.definite-description` (``resolveEntity``, ``carriesRole(_:role:ref:)``): "the senator" to the last
///    person introduced with that role or a title that carries it; "the company" to the organization just named. A
///    role given in an apposition outside a speaker phrase is such evidence (``noteAppositionRole(_:description:)``,
///    found by `Run.noteAppositionRoles(first:hi:)`, `apposition_role_tokens`).
/// 4. `speaker.definite-salient`: a person description no one carries to the salient person, when its head is a
///    person's standing in the story (`salient_heads`: "the nominee", not "the host"); never a description that brings
///    someone new (`new_person_heads`) or names another person (``namesAnother(_:than:)``).
/// 4a. `speaker.document-author` (``documentAuthor(_:paragraph:quoteWords:sectionStart:inStatement:)``,
///    ``documentPronoun(_:paragraph:quoteWords:sectionStart:inStatement:)``): a document that speaks ("the statement
///    said", "it reads" after an email) speaks for whoever issued it ("issued by X", "X's ad", "X released an ad").
/// 4b. `speaker.cataphora` (``cataphora(_:gender:paragraph:inStatement:)``): "he" or "she" right after a subordinator
///    that opens its sentence ("After he blasted the plan, Pastor Ada Roe ...") is the subject of the main clause.
/// 5. `speaker.pronoun-gender`, `speaker.pronoun`, `speaker.pronoun-across-inset` (``antecedent(for:gender:before:
///    paragraph:quoteWords:sectionStart:)``): the nearest compatible entity (number, gender, animacy: ``isNonPerson(_:)``)
///    within `pronoun_paragraphs`, the one named first in the sentence of the last mention; a recent speaker or
///    sentence subject before a person only mentioned since; "she" to a woman named just before rather than a nearer
///    person of unknown gender; past an inset box. The writer's "I" (`narrator_pronouns`) is never linked.
/// 6. `speaker.anonymous`, `speaker.group`, `speaker.description` (``resolveDescription(_:pos:paragraph:definite:)``):
///    "a TikTok spokesman", "officials", or a description no one named carries, merged by role and affiliation.
struct SpeakerResolver {
    let lex: AttributionLexicon
    let tokens: [Token]
    let document: Document

    struct Entity {
        /// The fields, behind one reference: the passes read the entity list by value (`for (i, e) in
        /// entities.enumerated()`, `lastIndex(where:)`), and a copy then costs one retain instead of one per string
        /// and array. Written copy-on-write (``unique()``), so an entity still behaves as a value.
        private final class Fields {
            var name: String
            var nameWords: [String]
            var lowerWords: [String]
            var kind: Speaker.Kind
            var descriptions: [String] = []
            var affiliation: String?
            var mentions: [Mention] = []
            var mentionSpans: Set<Span> = []
            var firstPosition: Int
            var key: String?
            var gender: String?
            var calledBySurname = false
            var cuePositions: [Int] = []
            var subjectPositions: [Int] = []
            var positions: [(pos: Int, paragraph: Int)] = []

            init(name: String, nameWords: [String], kind: Speaker.Kind, firstPosition: Int) {
                self.name = name
                self.nameWords = nameWords
                self.lowerWords = nameWords.map { $0.lowercased() }
                self.kind = kind
                self.firstPosition = firstPosition
            }

            func copy() -> Fields {
                let c = Fields(name: name, nameWords: nameWords, kind: kind, firstPosition: firstPosition)
                c.lowerWords = lowerWords
                c.descriptions = descriptions
                c.affiliation = affiliation
                c.mentions = mentions
                c.mentionSpans = mentionSpans
                c.key = key
                c.gender = gender
                c.calledBySurname = calledBySurname
                c.cuePositions = cuePositions
                c.subjectPositions = subjectPositions
                c.positions = positions
                return c
            }
        }
        private var f: Fields

        /// Makes the fields this entity's own before a write.
        private mutating func unique() {
            if !isKnownUniquelyReferenced(&f) { f = f.copy() }
        }

        var name: String {
            _read { yield f.name }
            _modify {
                unique()
                yield &f.name
            }
        }
        var nameWords: [String] {
            _read { yield f.nameWords }
            set {
                unique()
                f.nameWords = newValue
                f.lowerWords = newValue.map { $0.lowercased() }
            }
        }
        /// `nameWords` in lower case, kept beside them: names are compared at every mention.
        var lowerWords: [String] { _read { yield f.lowerWords } }
        var kind: Speaker.Kind {
            _read { yield f.kind }
            _modify {
                unique()
                yield &f.kind
            }
        }
        var descriptions: [String] {
            _read { yield f.descriptions }
            _modify {
                unique()
                yield &f.descriptions
            }
        }
        var affiliation: String? {
            _read { yield f.affiliation }
            _modify {
                unique()
                yield &f.affiliation
            }
        }
        var mentions: [Mention] {
            _read { yield f.mentions }
            _modify {
                unique()
                yield &f.mentions
            }
        }
        /// Spans of `mentions`, to keep each mention once without scanning the list.
        var mentionSpans: Set<Span> {
            _read { yield f.mentionSpans }
            _modify {
                unique()
                yield &f.mentionSpans
            }
        }
        var firstPosition: Int {
            _read { yield f.firstPosition }
            _modify {
                unique()
                yield &f.firstPosition
            }
        }
        /// For descriptions: affiliation and role ("TikTok spokesman"), the key under which they merge.
        var key: String? {
            _read { yield f.key }
            _modify {
                unique()
                yield &f.key
            }
        }
        var gender: String? {
            _read { yield f.gender }
            _modify {
                unique()
                yield &f.gender
            }
        }
        /// The article has named the entity by its bare surname (a name mention whose words hold the surname and not
        /// the given name): ``surnameEntity(_:where:)`` prefers it for a shared surname.
        var calledBySurname: Bool {
            _read { yield f.calledBySurname }
            _modify {
                unique()
                yield &f.calledBySurname
            }
        }
        /// Positions where the entity was the subject of a cue (a speaker, not only mentioned).
        var cuePositions: [Int] {
            _read { yield f.cuePositions }
            _modify {
                unique()
                yield &f.cuePositions
            }
        }
        /// Positions where the entity was named as the subject of a sentence without a cue (`speaker.subject`),
        /// in text order.
        var subjectPositions: [Int] {
            _read { yield f.subjectPositions }
            _modify {
                unique()
                yield &f.subjectPositions
            }
        }
        /// Text positions and paragraphs where it was mentioned, sorted by position: mentions are registered
        /// ahead (named speakers of every cue) and again as quotes are attributed, so they do not arrive in order.
        var positions: [(pos: Int, paragraph: Int)] {
            _read { yield f.positions }
            _modify {
                unique()
                yield &f.positions
            }
        }

        init(
            name: String, nameWords: [String], kind: Speaker.Kind, affiliation: String? = nil, firstPosition: Int,
            key: String? = nil
        ) {
            f = Fields(name: name, nameWords: nameWords, kind: kind, firstPosition: firstPosition)
            f.affiliation = affiliation
            f.key = key
        }

        /// The last mention before `pos` (binary search).
        func lastPosition(before pos: Int) -> (pos: Int, paragraph: Int)? {
            var lo = 0
            var hi = positions.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if positions[mid].pos < pos { lo = mid + 1 } else { hi = mid }
            }
            return lo > 0 ? positions[lo - 1] : nil
        }

        /// The first mention at or after `pos` (binary search).
        func firstPosition(atOrAfter pos: Int) -> Int? {
            var lo = 0
            var hi = positions.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if positions[mid].pos < pos { lo = mid + 1 } else { hi = mid }
            }
            return lo < positions.count ? positions[lo].pos : nil
        }

        /// Adds a mention, keeping `positions` sorted.
        mutating func addPosition(_ pos: Int, paragraph: Int) {
            var lo = 0
            var hi = positions.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if positions[mid].pos <= pos { lo = mid + 1 } else { hi = mid }
            }
            if lo > 0, positions[lo - 1].pos == pos { return }
            positions.insert((pos, paragraph), at: lo)
        }
    }

    var entities: [Entity] = []

    /// Words the document writes in lower case somewhere, by ``Token/id``: capitalized only at a sentence start,
    /// they are no names ("Demonstrators said ...").
    let lowerCaseWords: [Bool]
    /// Lone capitalized words written right after a place preposition ("in Ohio", not "in Ohio State" or "in
    /// Trump's"): a speaker named only by such a word is a place, not a person.
    let placeWords: Set<String>
    /// ``classify(_:)`` by token range: the passes read the same name phrases again (the named speakers of the cues,
    /// the sentence subjects, every name mention, then the quotes' cues), and the answer depends only on the tokens.
    let classified = PhraseMemo()

    /// Answers of ``classify(_:)`` for one document, by token range.
    final class PhraseMemo {
        var refs: [Int: SpeakerRef?] = [:]
    }

    init(lex: AttributionLexicon, tokens: [Token], document: Document) {
        self.lex = lex
        self.tokens = tokens
        self.document = document
        var lower = [Bool](repeating: false, count: Int(tokens.lazy.map(\.id).max() ?? -1) + 1)
        var places = Set<String>()
        for (i, t) in tokens.enumerated() where t.isWord {
            if !t.isCapitalized { lower[Int(t.id)] = true }
            guard t.classes.contains(.placePreposition), i + 1 < tokens.count else { continue }
            let next = tokens[i + 1]
            guard next.isWord, next.isCapitalized, !next.isPossessive, !next.quoted, next.sentence == t.sentence,
                next.classes.isDisjoint(with: [.titleStart, .firstName])
            else { continue }
            if i + 2 < tokens.count, tokens[i + 2].isWord, tokens[i + 2].isCapitalized { continue }
            places.insert(next.lower)
        }
        self.lowerCaseWords = lower
        self.placeWords = places
    }

    /// The token opens its sentence.
    func startsSentence(_ t: Token) -> Bool {
        guard let s = document.sentences[safe: t.sentence] else { return false }
        return t.span.start <= s.span.start + 1
    }

    // MARK: Reading phrases

    /// An adverb in -ly ("mockingly"), skipped between a speaker and the cue like the listed words.
    func isAdverb(_ t: Token) -> Bool {
        t.lower.hasSuffix("ly") && t.lower.unicodeScalars.count > 4 && !t.isCapitalized
    }

    /// The pronoun of a word, also when contracted with a verb ("he’s", "she'd", "I’m": `contraction_suffixes`).
    func pronounKind(_ t: Token) -> Speaker.Kind? {
        guard !t.classes.isDisjoint(with: [.pronoun, .contractedPronoun]) else { return nil }
        if let kind = lex.pronouns[t.lower] { return kind }
        let word = pronounWord(t.lower)
        return word == t.lower ? nil : lex.pronouns[word]
    }

    /// The pronoun part of a contraction ("he’s" -> "he"), or the word itself.
    func pronounWord(_ lower: String) -> String { lex.pronounWord(lower) }

    /// The lexicon tests read the token's ``Token/classes``; `lex.cue(at: 0, in: [t])` of a lone token is a cue
    /// form of that one word (`singleWordCue`).
    func isName(_ t: Token) -> Bool {
        guard t.isCapitalized else { return false }
        // A contracted pronoun ("He’s", "I’m") is no name.
        if t.classes.contains(.contractedPronoun) { return false }
        // An acronym ("US", "FBI") is a name even when it spells a stop word.
        if t.isAllCaps, !t.classes.contains(.notName) { return true }
        if lowerCaseWords[Int(t.id)], startsSentence(t) { return false }
        return t.classes.isDisjoint(with: [.stopword, .notName, .definite, .indefinite])
            && !(t.isWord && t.classes.contains(.singleWordCue))
    }

    func isRole(_ t: Token) -> Bool { t.isWord && t.classes.contains(.role) }

    /// A number written in digits ("61").
    func isNumber(_ t: Token) -> Bool {
        !t.text.isEmpty && t.text.unicodeScalars.allSatisfy { $0.properties.numericType != nil }
    }

    /// The phrase that ends right before token `end` (exclusive), read backwards, not crossing `lower`.
    func phrase(endingBefore end: Int, lower: Int) -> SpeakerRef? {
        var j = end - 1
        // Adverbs, auxiliaries and a time adjunct between the speaker and the cue ("on Tuesday", "Monday night");
        // the progressive's "is" before a cue in -ing ("Trump is insisting").
        let progressive = end < tokens.count && tokens[end].lower.hasSuffix("ing")
        while j >= lower, tokens[j].isWord {
            let w = tokens[j].lower
            // Adverbs in -ly ("mockingly responded") are skipped like the listed ones.
            let adverb = isAdverb(tokens[j])
            let c = tokens[j].classes
            if c.contains(.skipBeforeCue) || c.contains(.temporal) || adverb
                || progressive && c.contains(.progressiveAuxiliary)
            {
                j -= 1
            } else if w == "to", j - 1 >= lower, tokens[j - 1].classes.contains(.raisingVerb) {
                // "he appeared to suggest", "Trump sought to cast".
                j -= 2
            } else if w == "to", j - 2 >= lower, tokens[j - 1].classes.contains(.raisingParticle),
                tokens[j - 2].classes.contains(.raisingVerb)
            {
                // "he went on to say".
                j -= 3
            } else {
                break
            }
        }
        // A parenthesis between the name and the cue: "Paul D. Ryan (R-Wis.) said".
        if j >= lower, tokens[j].text == ")" {
            var c = j - 1
            while c > lower, j - c <= 10, tokens[c].text != "(" { c -= 1 }
            if c > lower, tokens[c].text == "(" { return phrase(endingBefore: c, lower: lower) }
            return nil
        }
        // An apposition or an aside between the phrase and the cue: "James Mattis, his predecessor, said",
        // "Phil Smith, a spokesman for the union, said", "Trump, speaking to veterans, said", "Kall -- co-editor
        // of a book -- said".
        if j >= lower, tokens[j].text == "," || tokens[j].text == "—" || tokens[j].text == "–" || tokens[j].text == "--"
        {
            let mark = tokens[j].text
            var c = j - 1
            // Walk back to the opening mark of the aside; a full stop ends the search unless it closes an
            // abbreviation inside the aside ("R-Ky.,").
            while c >= lower, j - c <= 40, tokens[c].text != mark {
                if mark == ",", tokens[c].text == ".", c + 1 < tokens.count, tokens[c + 1].text != ",",
                    !(c > lower && tokens[c - 1].isCapitalized && tokens[c - 1].text.unicodeScalars.count == 1)
                {
                    // A full stop ends the search, unless it closes an initial ("Lawrence B. Cummings").
                    break
                }
                c -= 1
            }
            // Before the aside: a name, a role, or the parenthesis after a name ("Sen. X (Vt.), who lost ..., said");
            // or a chain of asides, when an age or an abbreviation closes the one before ("Ada Kowalski, 61, a
            // welder from Tulsa, said", "Sen. Ada Kowalski, D-Okla., speaking on radio, said").
            // "Swanson, who leads a church in Elizabeth, Colorado, said": a listed place after a comma closes the
            // town before it; the aside opens at the comma before the town.
            if mark == ",", c > lower, c < j - 1, tokens[c].text == ",", isName(tokens[c - 1]),
                lex.coreference.isPlace(tokens[(c + 1)..<j].map(\.lower))
            {
                var d = c - 1
                while d >= lower, j - d <= 40, tokens[d].text != ",", tokens[d].text != "." { d -= 1 }
                if d > lower, tokens[d].text == "," { c = d }
            }
            guard c > lower, c < j - 1, tokens[c].text == mark else { return nil }
            let left = tokens[c - 1]
            let chained = mark == "," && c - 1 > lower && (left.text == "." || isNumber(left))
            guard chained || isName(left) || isRole(left) || left.text == ")" else { return nil }
            let opener = tokens[c + 1]
            // The aside is the name and the phrase before it its description: "The club's general manager, Ann
            // Roe, said" is Ann Roe (`speaker.cue-*`), described as the club's general manager.
            if mark == ",", !chained, j - c - 1 <= 5,
                (c + 1..<j).allSatisfy({ isName(tokens[$0]) || tokens[$0].text == "." }),
                let named = classify((c + 1)..<j), named.form == .name, named.name.count >= 2
            {
                let described = phrase(endingBefore: c, lower: lower)
                if described.map({ $0.form != .name && $0.form != .pronoun }) ?? isRole(tokens[c - 1]) {
                    var r = named
                    r.description = r.description ?? described.map { $0.description ?? $0.text } ?? tokens[c - 1].text
                    if r.kind == .unknown, described?.kind != .organization, described?.kind != .group {
                        r.kind = .person
                    }
                    if r.gender == nil { r.gender = described?.gender ?? lex.gender[tokens[c - 1].lower] }
                    return r
                }
            }
            let asideOK =
                lex.definite.contains(opener.lower) || lex.indefinite.contains(opener.lower)
                || lex.possessives.contains(opener.lower) || isRole(opener) || lex.titles[opener.lower] != nil
                || opener.lower == "who" || opener.lower == "which" || opener.lower.hasSuffix("ing") || isName(opener)
                || mark != ","
                || !opener.isWord && opener.text.unicodeScalars.first.map({ $0.value >= 48 && $0.value <= 57 }) == true
                || j - c <= 15 && opener.isWord && !lex.clauseStops.contains(opener.lower)
            guard asideOK else { return nil }
            // The comma before the age or the abbreviation closes the aside before it.
            return phrase(endingBefore: chained ? c + 1 : c, lower: lower)
        }
        guard j >= lower, tokens[j].isWord, !tokens[j].quoted else { return nil }
        if let kind = pronounKind(tokens[j]) {
            return make(.pronoun, j..<(j + 1), kind: kind)
        }
        var last = j
        var first = j
        var k = j
        // A description with a complement: "one person familiar with the matter", "a person knowledgeable about it".
        if !isRole(tokens[j]) && !isName(tokens[j]) {
            var r = j - 1
            while r >= lower, r >= j - 6, tokens[r].isWord {
                if tokens[r].classes.contains(.postmodifier), r - 1 >= lower, isRole(tokens[r - 1]) {
                    last = j
                    k = r - 1
                    first = k
                    break
                }
                r -= 1
            }
        }
        while k >= lower, last - k < 10 {
            let t = tokens[k]
            if !t.isWord || t.quoted {
                // "Mr." titles are words; other punctuation ends the phrase.
                break
            }
            if !t.classes.isDisjoint(with: [.definite, .indefinite]) {
                // A determiner inside a prepositional complement ("familiar with the matter") keeps going.
                if k - 1 >= lower, tokens[k - 1].isWord, tokens[k - 1].classes.contains(.preposition) {
                    first = k
                    k -= 1
                    continue
                }
                first = k
                break
            }
            if t.classes.contains(.preposition) {
                guard k - 1 >= lower, k + 1 <= last else { break }
                let left = tokens[k - 1]
                guard left.isWord, isRole(left) || isName(left) || left.classes.contains(.postmodifier) else { break }
                k -= 1
                continue
            }
            if t.classes.contains(.clauseStop) || (t.classes.contains(.stopword) && !isName(t) && !isRole(t)) {
                break
            }
            if !t.isCapitalized && !isRole(t) && !t.classes.contains(.postmodifier) {
                // A lower-case modifier ("top", "technology", "senior") only before a role or a name.
                guard k < last, isRole(tokens[k + 1]) || isName(tokens[k + 1]) || !tokens[k + 1].isCapitalized else {
                    break
                }
                // Plain lower-case words are allowed only when a role or name follows somewhere to the right.
                if !(k + 1...last).contains(where: { isRole(tokens[$0]) || isName(tokens[$0]) }) { break }
            }
            first = k
            k -= 1
        }
        guard first <= last else { return nil }
        return classify(first..<(last + 1))
    }

    /// The phrase that starts at token `start`, read forwards (after an inverted cue or "according to").
    func phrase(startingAt start: Int, upper: Int) -> SpeakerRef? {
        guard start < upper, tokens[start].isWord, !tokens[start].quoted,
            !tokens[start].classes.contains(.complementizer)
        else { return nil }
        if let kind = pronounKind(tokens[start]) { return make(.pronoun, start..<(start + 1), kind: kind) }
        var k = start
        if !tokens[k].classes.isDisjoint(with: [.definite, .indefinite]) { k += 1 }
        var lastGood = -1
        while k < upper, k - start < 10 {
            let t = tokens[k]
            guard t.isWord, !t.quoted else { break }
            if isName(t) || isRole(t) || t.classes.contains(.titleStart) {
                lastGood = k
                k += 1
                continue
            }
            if !t.classes.isDisjoint(with: [.preposition, .postmodifier, .definite]) {
                k += 1
                continue
            }
            // A lower-case modifier before a role or name ("the top Washington diplomat"), but never after a name:
            // "Trump attacked Clinton" is a clause, not a phrase.
            if lastGood < start || !isName(tokens[lastGood]),
                t.classes.isDisjoint(with: [.clauseStop, .stopword]) && k + 1 < upper
                    && (isRole(tokens[k + 1]) || isName(tokens[k + 1]))
            {
                k += 1
                continue
            }
            break
        }
        guard lastGood >= start else { return nil }
        return classify(start..<(lastGood + 1))
    }

    /// An apposition after a name: ", a professor at George Washington University and ..." up to the sentence end.
    func apposition(after end: Int, upper: Int) -> String? {
        guard end < upper, tokens[end].text == ",", end + 1 < upper else { return nil }
        let t = tokens[end + 1]
        guard lex.indefinite.contains(t.lower) || lex.definite.contains(t.lower) || isRole(t) else { return nil }
        var k = end + 1
        while k < upper, tokens[k].text != "," || k - end < 4, tokens[k].text != "." { k += 1 }
        let span = Span(tokens[end + 1].span.start, tokens[max(end + 1, k - 1)].span.end)
        let s = document.string(span)
        return s.count > 120 ? String(s.prefix(120)) : s
    }

    func make(_ form: SpeakerRef.Form, _ r: Range<Int>, kind: Speaker.Kind) -> SpeakerRef {
        let span = Span(tokens[r.lowerBound].span.start, tokens[r.upperBound - 1].span.end)
        return SpeakerRef(form: form, tokens: r, span: span, text: document.string(span), kind: kind)
    }

    /// Decides what a phrase is: a name (titles stripped), a definite description, an anonymous source or a group.
    /// Read once per token range and document (``classified``).
    func classify(_ r: Range<Int>) -> SpeakerRef? {
        let key = r.lowerBound << 32 | r.upperBound
        if let known = classified.refs[key] { return known }
        let ref = classifyPhrase(r)
        classified.refs[key] = .some(ref)
        return ref
    }

    /// ``classify(_:)`` read off the tokens.
    private func classifyPhrase(_ r: Range<Int>) -> SpeakerRef? {
        let ts = Array(tokens[r])
        // Trailing name run.
        var nameStart = ts.count
        while nameStart > 0, isName(ts[nameStart - 1]) { nameStart -= 1 }
        // Never let a possessive inside the run start the name ("China’s foreign minister Wang Yi").
        if nameStart < ts.count {
            // Strip titles from the front of the name run ("Secretary of State", "President").
            var i = 0
            var titleEnd = -1
            while i < ts.count {
                var matched = 0
                if ts[i].classes.contains(.titleStart), let list = lex.titles[ts[i].lower] {
                    for t in list where i + t.count <= ts.count {
                        if zip(t, ts[i..<(i + t.count)]).allSatisfy({ $0.0 == $0.1.lower }) {
                            matched = t.count
                            break
                        }
                    }
                }
                // A title never takes the name's last word ("Councillor Ada King", "Sen. Tom Bishop").
                if matched > 0, i + matched < ts.count {
                    titleEnd = i + matched
                    i += matched
                } else {
                    i += 1
                }
            }
            if titleEnd > nameStart && titleEnd < ts.count { nameStart = titleEnd }
            if nameStart < ts.count {
                // Possessives inside the run belong to the description ("China’s").
                var s = nameStart
                for k in nameStart..<ts.count where ts[k].isPossessive && k < ts.count - 1 { s = k + 1 }
                nameStart = s
            }
        }
        // "Sen. Sherrod Brown of Ohio", "David Roe of the Harbour Institute", "Harbour authority spokeswoman Ada Roe
        // to the mayor": a person named before an affiliation preposition is the speaker, not the place, the body or
        // the person after it.
        if let p = personBeforeAffiliation(ts) { return classify(r.lowerBound..<(r.lowerBound + p)) }
        let hasName = nameStart < ts.count
        let roleIndex = ts.lastIndex(where: { isRole($0) })
        let firstLower = ts[0].lower
        // "A spokesman for TikTok": a role joined to a name by a preposition is a description of the role.
        // A title that ends where the name starts makes a titled name ("Secretary of State Mike Pompeo").
        let titled = nameStart < ts.count && nameStart > 0 && titleEndsAt(ts, nameStart)
        let roleThenPreposition =
            !titled
            && (roleIndex.map { ri in
                ri < nameStart && ts[ri..<nameStart].contains { lex.prepositions.contains($0.lower) }
            } ?? false)
        if hasName && (roleIndex == nil || roleIndex! < nameStart) && !roleThenPreposition {
            let nameTokens = ts[nameStart...]
            var ref = make(.name, r, kind: .unknown)
            ref.name = nameTokens.map { $0.base }
            let descTokens = ts[..<nameStart].filter {
                !lex.definite.contains($0.lower) && !lex.indefinite.contains($0.lower)
            }
            if !descTokens.isEmpty {
                let span = Span(descTokens.first!.span.start, descTokens.last!.span.end)
                ref.description = document.string(span)
            }
            let lowerName = ref.name.map { $0.lowercased() }
            // "Republican establishment figures defended ...": an adjective of a name is no name on its own.
            if lowerName.count == 1, lex.coreference.notLoneNames.contains(lowerName[0]) { return nil }
            // The given name tells the gender, also after a capitalized modifier ("Republican Ada Roe").
            if ref.name.count >= 2 {
                ref.gender = lowerName.dropLast().lazy.compactMap { [lex] in lex.gender[$0] }.first
            }
            for t in ts[..<nameStart] where ref.gender == nil { ref.gender = lex.gender[t.lower] }
            let acronym =
                ref.name.count == 1
                && ref.name[0].unicodeScalars.allSatisfy { $0.isUppercaseFast || $0 == "." || $0 == "&" }
            if lowerName.contains(where: { lex.organizationWords.contains($0) }) || acronym {
                ref.kind = .organization
            } else if descTokens.contains(where: {
                lex.titles[$0.lower] != nil || isRole($0) && !lex.organizationWords.contains($0.lower)
            })
                || lex.firstNames.contains(lowerName[0]) && ref.name.count >= 2
            {
                ref.kind = .person
            }
            // An indefinite article before a name: "an Amazon" alone is no speaker; "a Bloomberg interview Trump"
            // is the name after the adjunct.
            if lex.indefinite.contains(firstLower) {
                guard nameStart > 1, descTokens.contains(where: { !$0.isCapitalized }) else { return nil }
                let nameRange = (r.lowerBound + nameStart)..<r.upperBound
                var named = make(.name, nameRange, kind: ref.kind)
                named.name = ref.name
                named.gender = ref.gender
                return named
            }
            return ref
        }
        guard let ri = roleIndex else { return nil }
        let role = ts[ri].lower
        // Affiliation: a name before the role ("TikTok spokesman") or after a preposition ("spokesman for TikTok").
        var affiliation: String?
        if hasName, nameStart > ri {
            affiliation = ts[nameStart...].map { $0.base }.joined(separator: " ")
        } else if let n = ts[..<ri].lastIndex(where: { isName($0) }) {
            var s = n
            while s > 0, isName(ts[s - 1]) { s -= 1 }
            affiliation = ts[s...n].map { $0.base }.joined(separator: " ")
        }
        let plural =
            role.hasSuffix("s") && !role.hasSuffix("ss") || role == "people" || role.hasSuffix("men")
            || role.hasSuffix("people")
        var ref: SpeakerRef
        if lex.definite.contains(firstLower) {
            ref = make(.definite, r, kind: plural ? .group : .person)
        } else if lex.indefinite.contains(firstLower) {
            ref = make(.anonymous, r, kind: .anonymous)
        } else if plural {
            ref = make(.group, r, kind: .group)
        } else if hasName || affiliation != nil {
            // "TikTok spokesman" without an article: anonymous.
            ref = make(.anonymous, r, kind: .anonymous)
        } else {
            return nil
        }
        ref.role = role
        ref.gender = lex.gender[role]
        ref.affiliation = affiliation
        let descStart = lex.definite.contains(firstLower) || lex.indefinite.contains(firstLower) ? 1 : 0
        if descStart < ts.count {
            ref.description = document.string(Span(ts[descStart].span.start, ts.last!.span.end))
        }
        if lex.organizationWords.contains(role) && !lex.titles.keys.contains(role) {
            ref.kind = plural ? .group : .organization
        }
        return ref
    }

    /// The index in `ts` of the first word of `affiliation_prepositions` that follows a person's name and is followed
    /// by more words ("Ada Roe of the Harbour Institute", "political scientist Ada Roe in Almaty"), or nil. The name
    /// before it is a person's when a given name opens it, a title or a person's role stands right before it, or it
    /// has two or three words, none of them a title, a role, an organization word or a word of `not_lone_names`
    /// ("Mujtaba Rahman of the Eurasia Group"); never a listed place ("North Carolina to Ada Roe"), nor a body with
    /// an organization word ("the Republican Party of Wyoming", "the Department of Justice"), nor a title ("Secretary
    /// of State Ada Roe").
    func personBeforeAffiliation(_ ts: [Token]) -> Int? {
        var p = 1
        while p + 1 < ts.count {
            defer { p += 1 }
            guard lex.affiliationPrepositions.contains(ts[p].lower), isName(ts[p - 1]), !ts[p - 1].isPossessive else {
                continue
            }
            var inner = p - 1
            while inner > 0 {
                let t = ts[inner - 1]
                // An initial's full stop: "Peter T. King of New York".
                let initial =
                    t.text == "." && inner > 1 && ts[inner - 2].isCapitalized
                    && ts[inner - 2].text.unicodeScalars.count == 1
                    || t.isCapitalized && t.text.unicodeScalars.count == 2 && t.text.hasSuffix(".")
                guard initial || isName(t) && !t.isPossessive && lex.titles[t.lower] == nil else { break }
                inner -= 1
            }
            let words = ts[inner..<p].map(\.lower)
            // Only the first preposition after a name counts: "Secretary of State Ada Roe of Ohio" is a title.
            let before = inner > 0 ? ts[inner - 1] : nil
            let titled =
                before.map { lex.titles[$0.lower] != nil || isRole($0) && !lex.organizationWords.contains($0.lower) }
                ?? false
            // A given name opening the name, or a title before it, says it is a person's, whatever its last word
            // ("Peter T. King", "Councillor Ada King").
            let given = words.count >= 2 && lex.firstNames.contains(words[0])
            if lex.coreference.isPlace(words)
                || words.contains(where: {
                    lex.organizationWords.contains($0)
                        || !given && !titled
                            && (lex.titles[$0] != nil || lex.coreference.notLoneNames.contains($0)
                                || lex.roles.contains($0))
                })
            {
                return nil
            }
            // Without a given name or a title, only before a body's name ("of the Eurasia Group"), never before a
            // thing ("REVOLT TV in a video") nor with a word in capitals (an acronym names a body).
            let a = p + 1 < ts.count && lex.definite.contains(ts[p + 1].lower) ? p + 2 : p + 1
            let body =
                a < ts.count && isName(ts[a])
                && !ts[inner..<p].contains { t in
                    t.text.unicodeScalars.count > 1 && !t.text.unicodeScalars.contains { $0.properties.isLowercase }
                }
            let person =
                given || titled
                || (2...3).contains(words.filter { $0 != "." }.count) && body
            return person ? p : nil
        }
        return nil
    }

    /// Whether some title in the lexicon ends right before token `end` of `ts`.
    func titleEndsAt(_ ts: [Token], _ end: Int) -> Bool {
        for i in 0..<end {
            guard let list = lex.titles[ts[i].lower] else { continue }
            for t in list where i + t.count == end {
                if zip(t, ts[i..<end]).allSatisfy({ $0.0 == $0.1.lower }) { return true }
            }
        }
        return false
    }

    // MARK: Entities

    /// The entity a phrase refers to, creating it when new; nil when a pronoun or description has no antecedent.
    mutating func resolve(
        _ ref: SpeakerRef, at pos: Int, paragraph: Int, quoteWords: Set<String>, sectionStart: Int,
        inStatement: Bool, asSpeaker: Bool = true
    ) -> (Int, String)? {
        let found = resolveEntity(
            ref, at: pos, paragraph: paragraph, quoteWords: quoteWords, sectionStart: sectionStart,
            inStatement: inStatement)
        if asSpeaker, let (idx, _) = found {
            // Kept sorted by binary insertion: mentions mostly arrive in text order.
            var lo = 0
            var hi = entities[idx].cuePositions.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if entities[idx].cuePositions[mid] < pos { lo = mid + 1 } else { hi = mid }
            }
            if lo == entities[idx].cuePositions.count || entities[idx].cuePositions[lo] != pos {
                entities[idx].cuePositions.insert(pos, at: lo)
            }
        }
        return found
    }

    mutating func resolveEntity(
        _ ref: SpeakerRef, at pos: Int, paragraph: Int, quoteWords: Set<String>,
        sectionStart: Int, inStatement: Bool
    ) -> (Int, String)? {
        switch ref.form {
        case .name:
            let idx = entityFor(name: ref.name, kind: ref.kind, inStatement: inStatement, pos: pos)
            if entities[idx].gender == nil { entities[idx].gender = ref.gender }
            if let d = ref.description, !entities[idx].descriptions.contains(d) { entities[idx].descriptions.append(d) }
            note(idx, ref, form: .name, pos: pos, paragraph: paragraph)
            return (idx, "speaker.name")
        case .pronoun:
            // "I said" outside a quote is the writer, never someone the story names.
            if lex.coreference.narratorPronouns.contains(pronounWord(ref.text.lowercased())) { return nil }
            if ref.kind == .organization,
                let found = documentPronoun(
                    ref, paragraph: paragraph, quoteWords: quoteWords, sectionStart: sectionStart,
                    inStatement: inStatement)
            {
                return found
            }
            let g = lex.pronounGender[pronounWord(ref.text.lowercased())]
            if ref.kind == .person,
                let found = cataphora(ref, gender: g, paragraph: paragraph, inStatement: inStatement)
            {
                return found
            }
            guard
                let (idx, rule) = antecedent(
                    for: ref.kind, gender: g, before: pos, paragraph: paragraph,
                    quoteWords: quoteWords, sectionStart: sectionStart)
            else { return nil }
            if entities[idx].gender == nil, let g { entities[idx].gender = g }
            note(idx, ref, form: .pronoun, pos: pos, paragraph: paragraph)
            return (idx, rule)
        case .definite:
            if let found = documentAuthor(
                ref, paragraph: paragraph, quoteWords: quoteWords, sectionStart: sectionStart, inStatement: inStatement)
            {
                return found
            }
            // "the top Washington diplomat": the most recent named speaker of that kind.
            let want: Speaker.Kind = ref.kind == .organization ? .organization : .person
            // Inside an inset (a section opened by a mid-article headline) a description refers within the inset;
            // "the company" refers to an organization of the last paragraph or two only.
            let floor = sectionStart > 0 ? document.paragraphs[sectionStart].span.start : 0
            let limits = lex.coreference.limits
            let window = want == .organization ? limits.definiteOrganizationParagraphs : limits.definitePersonParagraphs
            // A person description refers only to someone who was introduced with that role ("the senator" to
            // "Sen. Sherrod Brown", "the Republican nominee" to "Republican nominee Donald Trump", not to the
            // Democratic one); a description no one carries stays a description (`speaker.description`).
            let reader = self
            let carries: (Entity) -> Bool = { e in
                want == .organization || ref.role.map { reader.carriesRole(e, role: $0, ref: ref) } ?? false
            }
            // An organization description with a capitalized word names its own organization ("The Roe campaign",
            // "The State Department"), and a body of a person's ("the campaign", `person_bodies`) is no organization
            // named before: neither is linked.
            let ownOrganization =
                want == .organization
                && (lex.coreference.personBodies.contains(ref.role ?? "")
                    || tokens[ref.tokens].dropFirst().contains { $0.isCapitalized || $0.isPossessive })
            let linked =
                !ownOrganization && lex.coreference.runs("speaker.definite-description")
                ? lastEntity(
                    before: pos, where: { $0.kind == want && !$0.nameWords.isEmpty && carries($0) },
                    within: window, paragraph: paragraph, after: floor) : nil
            // Pass `speaker.definite-salient`: a singular person description no one was introduced with ("the
            // businessman", "the former secretary of state") names the person the passage is about: the speaker or
            // sentence subject of this paragraph or the one before, as a pronoun would, when the gender agrees.
            if linked == nil, want == .person, ref.kind == .person, lex.coreference.runs("speaker.definite-salient"),
                !lex.coreference.inanimateRoles.contains(ref.role ?? ""),
                !lex.coreference.newPersonHeads.contains(ref.role ?? ""),
                // "the host", "the judge": a role in a scene needs evidence the person holds it (`salient_heads`).
                lex.coreference.salientHeads.isEmpty || lex.coreference.salientHeads.contains(ref.role ?? ""),
                // "the ad’s narrator" is someone of the ad, not of the passage.
                !tokens[ref.tokens].contains(where: { $0.isPossessive }),
                let (idx, _) = antecedent(
                    for: .person, gender: ref.gender, before: pos, paragraph: paragraph,
                    quoteWords: [], sectionStart: sectionStart),
                !entities[idx].nameWords.isEmpty, entities[idx].kind == .person, !namesAnother(ref, than: idx),
                // Introduced with that role under another modifier ("Democratic nominee Ana Ruiz"): not "the
                // Republican nominee".
                !contradictsRole(entities[idx], ref: ref),
                let last = entities[idx].lastPosition(before: pos), last.pos >= floor,
                paragraph - last.paragraph <= lex.coreference.limits.definiteSalientParagraphs,
                salient(idx, before: pos, paragraph: paragraph)
            {
                if let d = ref.description, !entities[idx].descriptions.contains(d) {
                    entities[idx].descriptions.append(d)
                }
                note(idx, ref, form: .description, pos: pos, paragraph: paragraph)
                return (idx, "speaker.definite-salient")
            }
            guard let idx = linked else {
                // No antecedent: the description is the speaker ("the port authority said").
                var own = ref
                own.form = ref.kind == .group ? .group : .anonymous
                own.affiliation = ref.affiliation
                return resolveDescription(own, pos: pos, paragraph: paragraph, definite: true)
            }
            if let d = ref.description, !entities[idx].descriptions.contains(d) { entities[idx].descriptions.append(d) }
            note(idx, ref, form: .description, pos: pos, paragraph: paragraph)
            return (idx, "speaker.definite-description")
        case .anonymous, .group:
            if let found = documentAuthor(
                ref, paragraph: paragraph, quoteWords: quoteWords, sectionStart: sectionStart, inStatement: inStatement)
            {
                return found
            }
            // "the network", "According to the newspaper": a definite organization noun (`organization_words`) that
            // the phrase readers left anonymous is a definite description of an organization.
            if ref.form == .anonymous, ref.tokens.count <= 4, let first = tokens[safe: ref.tokens.lowerBound],
                lex.definite.contains(first.lower), let head = tokens[safe: ref.tokens.upperBound - 1],
                lex.organizationWords.contains(head.lower)
            {
                var description = ref
                description.form = .definite
                description.kind = .organization
                description.role = head.lower
                return resolveEntity(
                    description, at: pos, paragraph: paragraph, quoteWords: quoteWords, sectionStart: sectionStart,
                    inStatement: inStatement)
            }
            return resolveDescription(ref, pos: pos, paragraph: paragraph, definite: false)
        }
    }

    /// Pass `speaker.document-author`: a document that speaks ("the statement said", "The ad claims", "a statement
    /// describing ...": a noun of `document_roles`) speaks for whoever issued it. Back from the description, over this
    /// paragraph and the `document_author_paragraphs` before it, the last mention of the same noun (or a verb of
    /// `document_verbs`: "emailed" for "the email") names the author: after a word of `author_prepositions` ("a
    /// statement issued by the Roe campaign"), as a possessive before it ("Roe’s statement"), or as the subject of
    /// the verb that put it out ("Roe released a new ad", "Roe emailed supporters"). The description itself is tried
    /// first ("a statement from Roe said"). Nil when no author is found: the document stays the speaker.
    mutating func documentAuthor(
        _ ref: SpeakerRef, paragraph: Int, quoteWords: Set<String>, sectionStart: Int, inStatement: Bool
    ) -> (Int, String)? {
        guard lex.coreference.runs("speaker.document-author"), let role = ref.role,
            lex.coreference.documentRoles.contains(role), ref.tokens.upperBound <= tokens.count
        else { return nil }
        let reach = lex.coreference.limits.documentAuthorParagraphs
        var floor = paragraph - reach
        // A mention of the noun that names no author ("The ad comes a day before ...") carries the window back from
        // its own paragraph, never past `pronoun_paragraphs`.
        let lowest = paragraph - lex.coreference.limits.pronounParagraphs
        var k = ref.tokens.upperBound - 1
        // The description's own head first, then back over the text before it.
        var own = true
        while k >= 0, tokens[k].paragraph >= floor {
            defer {
                k = own ? ref.tokens.lowerBound - 1 : k - 1
                own = false
            }
            let t = tokens[k]
            guard !t.quoted, t.isWord else { continue }
            let verb = lex.coreference.documentVerbs[t.lower] == role
            guard verb || t.lower == role else { continue }
            guard let author = authorPhrase(at: k, verb: verb, own: own),
                author.role.map({ !lex.coreference.documentRoles.contains($0) }) ?? true
            else {
                floor = max(lowest, min(floor, t.paragraph - reach))
                continue
            }
            let at = author.span.start
            guard
                let (idx, _) = resolveEntity(
                    author, at: at, paragraph: tokens[author.tokens.lowerBound].paragraph, quoteWords: quoteWords,
                    sectionStart: sectionStart, inStatement: inStatement)
            else { return nil }
            note(idx, ref, form: .description, pos: ref.span.start, paragraph: paragraph)
            return (idx, "speaker.document-author")
        }
        return nil
    }

    /// Pass `speaker.document-author` for "it": a document named since the last organization ("The email includes a
    /// photo. At the bottom it reads, ...") is what "it" means, and speaks for its author.
    mutating func documentPronoun(
        _ ref: SpeakerRef, paragraph: Int, quoteWords: Set<String>, sectionStart: Int, inStatement: Bool
    ) -> (Int, String)? {
        guard lex.coreference.runs("speaker.document-author"), !lex.coreference.documentRoles.isEmpty else {
            return nil
        }
        let floor = paragraph - lex.coreference.limits.documentAuthorParagraphs
        var k = ref.tokens.lowerBound - 1
        while k >= 0, tokens[k].paragraph >= floor {
            if !tokens[k].quoted, lex.coreference.documentRoles.contains(tokens[k].lower) { break }
            k -= 1
        }
        guard k >= 0, tokens[k].paragraph >= floor else { return nil }
        let at = tokens[k].span.start
        // An organization named after the document is the nearer "it".
        if entities.contains(where: { e in
            e.kind == .organization && (e.lastPosition(before: ref.span.start).map { $0.pos > at } ?? false)
        }) {
            return nil
        }
        var document = ref
        document.role = tokens[k].lower
        return documentAuthor(
            document, paragraph: paragraph, quoteWords: quoteWords, sectionStart: sectionStart, inStatement: inStatement
        )
    }

    /// The author of the document noun (or document verb) at token `k`: a phrase after "by"/"from" within three
    /// words, a possessive name before it, or the subject of the verb before its determiner.
    func authorPhrase(at k: Int, verb: Bool, own: Bool) -> SpeakerRef? {
        let sentence = tokens[k].sentence
        var lo = k
        while lo > 0, k - lo < 60, tokens[lo - 1].sentence == sentence { lo -= 1 }
        var hi = k + 1
        while hi < tokens.count, hi - k < 60, tokens[hi].sentence == sentence { hi += 1 }
        if verb { return phrase(endingBefore: k, lower: lo) }
        // "a statement issued by the Roe campaign", "an email from Roe".
        var a = k + 1
        while a < hi, a - k <= 3, tokens[a].isWord, !tokens[a].quoted {
            if lex.coreference.authorPrepositions.contains(tokens[a].lower) {
                return phrase(startingAt: a + 1, upper: hi)
            }
            guard !tokens[a].isCapitalized, !tokens[a].classes.contains(.preposition) else { break }
            a += 1
        }
        // "Roe’s statement", "the campaign’s new ad" (also the description that speaks: "Roe’s ad says").
        var b = k - 1
        while b >= lo, k - b <= 3, tokens[b].isWord, !tokens[b].isCapitalized, !tokens[b].isPossessive,
            tokens[b].classes.isDisjoint(with: [.definite, .indefinite])
        {
            b -= 1
        }
        guard b >= lo, tokens[b].isWord else { return nil }
        if tokens[b].isPossessive {
            return isName(tokens[b]) || isRole(tokens[b]) ? phrase(endingBefore: b + 1, lower: lo) : nil
        }
        // The description that speaks names no author otherwise.
        if own { return nil }
        // "Roe released a new ad", "Cook provided a written statement": the subject of the verb before the
        // determiner; never the object of a preposition ("in a statement").
        guard
            !tokens[b].classes.isDisjoint(with: [.definite, .indefinite]) || lex.possessives.contains(tokens[b].lower),
            b - 1 >= lo, tokens[b - 1].isWord, !tokens[b - 1].isCapitalized,
            !tokens[b - 1].classes.contains(.preposition)
        else { return nil }
        // A verb with a particle: "sent out an email", "put out a statement".
        let verb = b - 2 >= lo && lex.coreference.verbParticles.contains(tokens[b - 1].lower) ? b - 2 : b - 1
        return phrase(endingBefore: verb, lower: lo)
    }

    /// Pass `speaker.cataphora`: "he" or "she" right after a word of `subordinators` that opens its sentence ("After
    /// he blasted the plan, Pastor Ada Roe turned to ...") is the person named as the subject of the main clause, after
    /// the comma that closes the subordinate clause (at most `cataphora_tokens` tokens on), when the gender agrees.
    mutating func cataphora(_ ref: SpeakerRef, gender: String?, paragraph: Int, inStatement: Bool) -> (Int, String)? {
        let t = ref.tokens.lowerBound
        guard lex.coreference.runs("speaker.cataphora"), t > 0, t + 1 < tokens.count,
            lex.subordinators.contains(tokens[t - 1].lower), startsSentence(tokens[t - 1])
        else { return nil }
        let sentence = tokens[t].sentence
        var c = t + 1
        var hi = c
        while c < tokens.count, c - t <= lex.coreference.limits.cataphoraTokens, tokens[c].sentence == sentence,
            tokens[c].text != ","
        {
            c += 1
        }
        guard c + 1 < tokens.count, tokens[c].text == ",", tokens[c + 1].sentence == sentence else { return nil }
        // A comma inside closing quote marks: "After he called the plan ‘a disgrace,’ Ada Roe ...".
        while c + 1 < tokens.count, c - t <= lex.coreference.limits.cataphoraTokens, !tokens[c + 1].isWord,
            tokens[c + 1].sentence == sentence
        {
            c += 1
        }
        hi = c + 1
        while hi < tokens.count, hi - c <= 12, tokens[hi].sentence == sentence { hi += 1 }
        guard let named = phrase(startingAt: c + 1, upper: hi), named.form == .name, !named.name.isEmpty,
            named.tokens.upperBound < hi, tokens[named.tokens.upperBound].isWord,
            !tokens[named.tokens.upperBound].isCapitalized, !tokens[named.tokens.upperBound - 1].isPossessive,
            gender == nil || named.gender == nil || named.gender == gender
        else { return nil }
        let idx = entityFor(name: named.name, kind: named.kind, inStatement: inStatement, pos: named.span.start)
        guard !isNonPerson(entities[idx]), entities[idx].kind == .person || entities[idx].kind == .unknown else {
            return nil
        }
        if entities[idx].gender == nil { entities[idx].gender = named.gender ?? gender }
        if let d = named.description, !entities[idx].descriptions.contains(d) { entities[idx].descriptions.append(d) }
        note(idx, named, form: .name, pos: named.span.start, paragraph: paragraph)
        note(idx, ref, form: .pronoun, pos: ref.span.start, paragraph: paragraph)
        return (idx, "speaker.cataphora")
    }

    /// Whether the entity spoke (a cue) or was a sentence subject within `definite_salient_paragraphs` before `pos`.
    func salient(_ idx: Int, before pos: Int, paragraph: Int) -> Bool {
        let e = entities[idx]
        let p = [e.cuePositions.last(where: { $0 < pos }), e.subjectPositions.last(where: { $0 < pos })]
            .compactMap { $0 }.max()
        guard let p, let at = e.lastPosition(before: p + 1) else { return false }
        return paragraph - at.paragraph <= lex.coreference.limits.definiteSalientParagraphs
    }

    /// Whether the entity was introduced with the role of a description (a description, or a name mention with the
    /// role before the name) but with a capitalized modifier that contradicts the description's ("Democratic nominee
    /// Ana Ruiz" for "the Republican nominee"): ``carriesRole(_:role:ref:)`` refuses it though it has the role noun.
    func contradictsRole(_ e: Entity, ref: SpeakerRef) -> Bool {
        guard let role = ref.role else { return false }
        var introduced = e
        introduced.descriptions += e.mentions.filter { $0.form == .name }.map(\.text)
        let hasRole = introduced.descriptions.contains { d in
            d.lowercased().split(whereSeparator: { $0 == " " || $0 == "," }).contains { $0 == role }
        }
        return hasRole && !carriesRole(introduced, role: role, ref: ref)
    }

    /// A plural role noun ("officials", "people", "spokesmen").
    func isPlural(_ role: String) -> Bool {
        role.hasSuffix("s") && !role.hasSuffix("ss") || role == "people" || role.hasSuffix("men")
            || role.hasSuffix("people")
    }

    /// Whether a named entity was introduced with the role of a definite description: one of its descriptions
    /// (titles, appositions) has the role noun, or a title that carries it (`role_titles`: "Sen." for "senator",
    /// "Secretary of State" for "diplomat"), and no capitalized modifier before it contradicts the reference's
    /// ("Democratic nominee" is not "the Republican nominee").
    func carriesRole(_ e: Entity, role: String, ref: SpeakerRef) -> Bool {
        let refModifiers = Set(
            tokens[ref.tokens].filter {
                $0.isWord && $0.isCapitalized && $0.lower != role
                    && !lex.definite.contains($0.lower) && !lex.possessives.contains($0.lower)
            }.map(\.lower))
        let forms = [[role]] + (lex.roleTitles[role] ?? [])
        for d in e.descriptions {
            let words = d.split(whereSeparator: { $0 == " " || $0 == "," }).map { String($0) }
            let lower = words.map { $0.lowercased() }
            var at: Int?
            for i in lower.indices where at == nil {
                // The plural of a one-word role counts too ("radio hosts Joe Lind and Mika Sand": "the host").
                if forms.contains(where: { f in
                    i + f.count <= lower.count && Array(lower[i..<(i + f.count)]) == f
                        || f.count == 1 && lower[i] == f[0] + "s"
                }) {
                    at = i
                }
            }
            guard let at else { continue }
            let modifiers = Set(
                words[..<at].filter { w in
                    w.first?.isUppercase == true && lex.titles[w.lowercased()] == nil
                }.map { $0.lowercased() })
            if !refModifiers.isEmpty, !modifiers.isEmpty, refModifiers.isDisjoint(with: modifiers) { continue }
            return true
        }
        return false
    }

    mutating func resolveDescription(_ ref: SpeakerRef, pos: Int, paragraph: Int, definite: Bool) -> (Int, String)? {
        let role = ref.role ?? ""
        let key = [ref.affiliation, role].compactMap { $0 }.joined(separator: " ")
        // "A TikTok spokesman" is named by its description; "a spokesman for TikTok" as "TikTok spokesman".
        let description = ref.description ?? ref.text
        let name = ref.affiliation.map { description.hasPrefix($0) ? description : key } ?? description
        let mergeKey = ref.affiliation != nil ? key : name
        if let idx = entities.firstIndex(where: { $0.nameWords.isEmpty && ($0.key ?? $0.name) == mergeKey }) {
            note(idx, ref, form: .anonymous, pos: pos, paragraph: paragraph)
            return (idx, "speaker.anonymous")
        }
        entities.append(
            Entity(
                name: name, nameWords: [], kind: ref.kind == .group ? .group : .anonymous,
                affiliation: ref.affiliation, firstPosition: pos, key: mergeKey))
        if let d = ref.description { entities[entities.count - 1].descriptions.append(d) }
        note(entities.count - 1, ref, form: definite ? .description : .anonymous, pos: pos, paragraph: paragraph)
        if definite { return (entities.count - 1, "speaker.description") }
        return (entities.count - 1, ref.form == .group ? "speaker.group" : "speaker.anonymous")
    }

    mutating func note(_ idx: Int, _ ref: SpeakerRef, form: Mention.Form, pos: Int, paragraph: Int) {
        if entities[idx].mentionSpans.insert(ref.span).inserted {
            entities[idx].mentions.append(document.mention(ref.span, form: form))
            let words = entities[idx].nameWords
            if form == .name, words.count > 1, !entities[idx].calledBySurname {
                let w = ref.text.lowercased().split(separator: " ")
                entities[idx].calledBySurname =
                    w.last.map(String.init) == words.last!.lowercased() && !w.contains(Substring(words[0].lowercased()))
            }
        }
        entities[idx].addPosition(pos, paragraph: paragraph)
    }

    /// Pass `speaker.subject`: the subject of a sentence without a cue ("Ada Roe toured the plant.") is a mention of
    /// a person already known by that name (full name or last name), or of a new person when its title, role or
    /// given name says it is one; it becomes the most salient candidate for a pronoun after it. Returns whether a
    /// person was noted.
    @discardableResult
    mutating func noteSubject(_ ref: SpeakerRef, paragraph: Int) -> Bool {
        guard lex.coreference.runs("speaker.subject"), ref.form == .name, !ref.name.isEmpty else { return false }
        let lower = ref.name.map { $0.lowercased() }
        // "CNN pushed back after ...": an organization named as a subject (an acronym, a name with an organization
        // word) is a mention there, so that "the network said" in the next paragraph refers to it (pass
        // `speaker.definite-description`); it makes no one salient for "he" or "she".
        if ref.kind == .organization {
            let idx = entityFor(name: ref.name, kind: .organization, inStatement: false, pos: ref.span.start)
            if entities[idx].kind == .organization {
                note(idx, ref, form: .name, pos: ref.span.start, paragraph: paragraph)
            }
            return false
        }
        // The same name, a surname of a known full name, or a known name after a capitalized word the phrase reader
        // could not tell from a name ("Councillor Ada Roe" for "Ada Roe").
        let found = entities.lastIndex(where: { e in
            guard e.kind == .person || e.kind == .unknown && !e.cuePositions.isEmpty, !e.nameWords.isEmpty
            else { return false }
            let words = e.lowerWords
            // The name test before `isNonPerson` (which looks the words up again): the same answer, fewer lookups.
            guard
                words == lower || lower.count == 1 && words.count > 1 && words.last == lower[0]
                    || words.count >= 2 && lower.count > words.count && Array(lower.suffix(words.count)) == words
            else { return false }
            return !isNonPerson(e)
        })
        let pos = ref.span.start
        var idx: Int
        if let found {
            idx = found
            if entities[idx].gender == nil { entities[idx].gender = ref.gender }
            note(idx, ref, form: .name, pos: pos, paragraph: paragraph)
        } else {
            // A new person: the phrase reader typed it so, or a given name stands inside it ("Councillor Ada Roe").
            let given = lower.count >= 2 && lower.dropLast().contains { lex.firstNames.contains($0) }
            guard ref.kind == .person || given, !lex.coreference.isPlace(lower) else { return false }
            idx = entityFor(name: ref.name, kind: .person, inStatement: false, pos: pos)
            if entities[idx].gender == nil { entities[idx].gender = ref.gender }
            if let d = ref.description, !entities[idx].descriptions.contains(d) { entities[idx].descriptions.append(d) }
            note(idx, ref, form: .name, pos: pos, paragraph: paragraph)
        }
        if entities[idx].subjectPositions.last.map({ $0 < pos }) ?? true { entities[idx].subjectPositions.append(pos) }
        return true
    }

    /// Pass `speaker.mention`: a name of a person already known (the same name, or a surname of a known full name)
    /// is a mention at its place; it makes no one new and no one salient.
    mutating func noteMention(_ ref: SpeakerRef, paragraph: Int) {
        let lower = ref.name.map { $0.lowercased() }
        let idx =
            entities.lastIndex(where: { $0.kind == .person && $0.lowerWords == lower })
            ?? (lower.count == 1 ? surnameEntity(lower[0], where: { $0.kind == .person }) : nil)
        guard let idx, !isNonPerson(entities[idx]) else { return }
        entities[idx].addPosition(ref.span.start, paragraph: paragraph)
    }

    /// Evidence for pass `speaker.definite-description`: a role given to a named person in an apposition ("Ada Roe,
    /// the former harbour master, ...") is one of that person's descriptions, when a person of that name is known
    /// (the same name or a surname of a known full name); no one new is created and nothing becomes salient.
    mutating func noteAppositionRole(_ ref: SpeakerRef, description: String) {
        guard ref.form == .name, !ref.name.isEmpty else { return }
        let lower = ref.name.map { $0.lowercased() }
        guard
            let idx = entities.lastIndex(where: { e in
                guard e.kind == .person || e.kind == .unknown && !e.cuePositions.isEmpty, !e.nameWords.isEmpty
                else { return false }
                let words = e.lowerWords
                return words == lower || lower.count == 1 && words.count > 1 && words.last == lower[0]
            }), !entities[idx].descriptions.contains(description)
        else { return }
        entities[idx].descriptions.append(description)
    }

    /// Pass `speaker.pronoun-subject`: a sentence opened by "he" or "she" and a verb ("He said he and Roe differ.")
    /// is about the pronoun's antecedent, found as for a quote's pronoun: a subject mention there, which carries that
    /// person's salience on to the pronouns after it. Returns whether a person was noted.
    @discardableResult
    mutating func notePronounSubject(_ ref: SpeakerRef, paragraph: Int, sectionStart: Int) -> Bool {
        guard lex.coreference.runs("speaker.pronoun-subject"), ref.form == .pronoun, ref.kind == .person else {
            return false
        }
        let gender = lex.pronounGender[pronounWord(ref.text.lowercased())]
        let pos = ref.span.start
        guard
            let (idx, _) = antecedent(
                for: .person, gender: gender, before: pos, paragraph: paragraph, quoteWords: [],
                sectionStart: sectionStart),
            entities[idx].kind == .person
        else { return false }
        if entities[idx].gender == nil { entities[idx].gender = gender }
        entities[idx].addPosition(pos, paragraph: paragraph)
        if entities[idx].subjectPositions.last.map({ $0 < pos }) ?? true { entities[idx].subjectPositions.append(pos) }
        return true
    }

    /// A capitalized word of a description is a word of another person's name: "the Roe supporter" is someone of
    /// Roe's, never Roe, nor the person the passage is about.
    func namesAnother(_ ref: SpeakerRef, than idx: Int) -> Bool {
        let words = Set(
            tokens[ref.tokens].filter { $0.isWord && $0.isCapitalized && !lex.definite.contains($0.lower) }.map(\.lower)
        )
        guard !words.isEmpty else { return false }
        return entities.indices.contains { i in
            i != idx && entities[i].kind == .person
                && entities[i].lowerWords.contains { words.contains($0) }
        }
    }

    /// A named entity that is no person: a place, a people ("Americans"), or a source whose role is a thing ("the
    /// letter") or a body ("the campaign").
    func isNonPerson(_ e: Entity) -> Bool {
        let lower = e.lowerWords
        if !lower.isEmpty {
            if lex.coreference.isPlace(lower) { return true }
            if lower.count == 1, lex.coreference.notPersons.contains(lower[0]) || placeWords.contains(lower[0]) {
                return true
            }
            return false
        }
        let role = e.key.flatMap { $0.split(separator: " ").last.map(String.init) }?.lowercased() ?? ""
        return lex.coreference.inanimateRoles.contains(role) || lex.organizationWords.contains(role)
    }

    mutating func entityFor(name: [String], kind: Speaker.Kind, inStatement: Bool, pos: Int) -> Int {
        let lower = name.map { $0.lowercased() }
        // Same full name, or a last name of a known person, or a longer form of a known single name.
        if let i = entities.firstIndex(where: { $0.lowerWords == lower }) {
            upgrade(i, kind == .unknown && inStatement ? .organization : kind)
            return i
        }
        if lower.count == 1, let i = surnameEntity(lower[0], where: { _ in true }) {
            upgrade(i, kind)
            return i
        }
        if lower.count > 1,
            let i = entities.firstIndex(where: {
                $0.lowerWords.count == 1 && $0.lowerWords[0] == lower.last!
            })
        {
            entities[i].nameWords = name
            entities[i].name = name.joined(separator: " ")
            upgrade(i, kind)
            return i
        }
        var k = kind
        if k == .unknown && inStatement { k = .organization }
        // "in Hillsborough": a lone name also written as a place speaks as a body, never as "he" or "she"; so does a
        // listed place ("Idaho", "New Hampshire"), whatever its form suggested. A people ("Americans") is a group.
        if k == .unknown || k == .person, lex.coreference.isPlace(lower) { k = .organization }
        if k == .unknown, lower.count == 1, placeWords.contains(lower[0]) { k = .organization }
        if k == .unknown || k == .person, lower.count == 1, lex.coreference.notPersons.contains(lower[0]) { k = .group }
        entities.append(Entity(name: name.joined(separator: " "), nameWords: name, kind: k, firstPosition: pos))
        return entities.count - 1
    }

    /// The known full name a lone surname refers to. When several share it ("Clinton": Hillary Clinton and Bill
    /// Clinton), the one the article already calls by the bare surname, else the one it introduced first: a story
    /// keeps the surname for its main figure and names the other in full ("her husband, Bill Clinton").
    func surnameEntity(_ surname: String, where ok: (Entity) -> Bool) -> Int? {
        var first: Int?
        var bare: Int?
        for (i, e) in entities.enumerated()
        where e.lowerWords.count > 1 && e.lowerWords.last! == surname && ok(e) {
            if first == nil { first = i }
            if e.calledBySurname { bare = bare ?? i }
        }
        return bare ?? first
    }

    mutating func upgrade(_ i: Int, _ kind: Speaker.Kind) {
        if entities[i].kind == .unknown && kind != .unknown, !(kind == .person && isNonPerson(entities[i])) {
            entities[i].kind = kind
        }
    }

    func lastEntity(
        before pos: Int, where ok: (Entity) -> Bool, within paragraphs: Int, paragraph: Int, after floor: Int = 0,
        skipping: [Span] = []
    ) -> Int? {
        var best: (Int, Int)?
        for (i, e) in entities.enumerated() where ok(e) {
            var found = e.lastPosition(before: pos)
            while let f = found, skipping.contains(where: { $0.start <= f.pos && f.pos < $0.end }) {
                found = e.lastPosition(before: f.pos)
            }
            guard let p = found, p.pos >= floor else { continue }
            guard paragraph - p.paragraph <= paragraphs else { continue }
            if best == nil || p.pos > best!.1 { best = (i, p.pos) }
        }
        return best?.0
    }

    /// A pronoun's antecedent: the most recent compatible speaker. When that speaker was only mentioned inside a
    /// section opened by a mid-article headline (an inset box) and the quote shares no words with that section but
    /// does with the text around an earlier speaker, the earlier speaker is taken: the inset interrupted the story.
    func antecedent(
        for kind: Speaker.Kind, gender: String?, before pos: Int, paragraph: Int, quoteWords: Set<String>,
        sectionStart: Int
    ) -> (Int, String)? {
        let compatible: (Entity) -> Bool = { e in
            if let g = gender, let eg = e.gender, g != eg { return false }
            switch kind {
            // "he"/"she": a person, or a named speaker of unknown kind (an acronym or a lone name that never spoke
            // is no antecedent).
            case .person:
                // Never a place, a people, a document or a body ("the letter", "the campaign").
                if isNonPerson(e) { return false }
                let role = e.key.flatMap { $0.split(separator: " ").last.map(String.init) } ?? ""
                return e.kind == .person || e.kind == .anonymous && !isPlural(role)
                    || e.kind == .unknown && !e.nameWords.isEmpty && !e.cuePositions.isEmpty
            case .organization: return e.kind == .organization || e.kind == .unknown
            default: return e.kind == .group || e.kind == .organization || e.kind == .anonymous
            }
        }
        // A photo caption (kept by Normalize with the role `caption`) stands outside the story's flow: who it
        // mentions is no antecedent for a pronoun in the text.
        let captions = document.paragraphs.lazy.filter { $0.role == .caption }.map(\.span)
        let skipping = captions.isEmpty ? [] : Array(captions)
        func inCaption(_ p: Int) -> Bool { skipping.contains { $0.start <= p && p < $0.end } }
        func lastOutside(_ i: Int) -> (pos: Int, paragraph: Int) {
            var f = entities[i].lastPosition(before: pos)!
            while inCaption(f.pos), let q = entities[i].lastPosition(before: f.pos) { f = q }
            return f
        }
        let limits = lex.coreference.limits
        guard
            var nearest = lastEntity(
                before: pos, where: compatible, within: limits.pronounParagraphs,
                paragraph: paragraph, skipping: skipping)
        else { return nil }
        // Within the sentence of the last mention, the one named first: "An email sent by Ada Roe indicates that Lee
        // wrote to Ann Vale. “…,” she wrote." is Roe (Hobbs's and Lee et al.'s left-to-right order).
        if let sentence = sentenceIndex(at: lastOutside(nearest).pos) {
            let start = document.sentences[sentence].span.start
            var first = lastOutside(nearest).pos
            for (i, e) in entities.enumerated() where i != nearest && compatible(e) {
                if let f = e.firstPosition(atOrAfter: start), f < first, f < pos, !inCaption(f) {
                    first = f
                    nearest = i
                }
            }
        }
        // Salience: a recent speaker (the subject of a cue) or sentence subject is preferred over a person only
        // mentioned since.
        let nearestPos = lastOutside(nearest).pos
        var salientAt: [(Int, Int)] = []
        for (i, e) in entities.enumerated() where compatible(e) {
            let cue = e.cuePositions.last(where: { $0 < pos && !inCaption($0) })
            // A sentence subject is salient in the pronoun's paragraph or the ones just before it only.
            let subject = e.subjectPositions.last(where: { $0 < pos && !inCaption($0) }).flatMap { p in
                paragraph - (e.lastPosition(before: p + 1)?.paragraph ?? 0) <= limits.subjectSalienceParagraphs
                    ? p : nil
            }
            guard let p = [cue, subject].compactMap({ $0 }).max() else { continue }
            salientAt.append((i, p))
        }
        let best = salientAt.max { $0.1 < $1.1 }
        if let (i, p) = best, i != nearest, nearestPos - p < limits.salienceChars,
            paragraph - (entities[i].lastPosition(before: p + 1)?.paragraph ?? 0) <= limits.salienceParagraphs
        {
            nearest = i
        }
        // Pass `speaker.pronoun-gender`: "she" goes to a person known to be female mentioned shortly before, rather
        // than to a nearer person whose gender is unknown.
        // Not when the nearer person opened a sentence or spoke (a subject or cue speaker) in the sentence of the
        // woman's last mention or after it: "State Rep. Ann Osei recalled how Clinton’s lead eroded. “…,” she said." is
        // Osei, the subject of that sentence.
        if let g = gender, entities[nearest].gender == nil, lex.coreference.preferKnownGender.contains(g),
            lex.coreference.runs("speaker.pronoun-gender"),
            let known = lastEntity(
                before: pos, where: { compatible($0) && $0.gender == g },
                within: limits.knownGenderParagraphs, paragraph: paragraph, skipping: skipping),
            !subjectSince(nearest, known: known, before: pos)
        {
            return (known, "speaker.pronoun-gender")
        }
        let nearestPara = lastOutside(nearest).paragraph
        if sectionStart > 0, nearestPara >= sectionStart, !quoteWords.isEmpty {
            let sectionWords = words(paragraphs: sectionStart..<paragraph)
            if sectionWords.intersection(quoteWords).isEmpty {
                let sectionPos = document.paragraphs[sectionStart].span.start
                if lex.coreference.runs("speaker.pronoun-across-inset"),
                    let earlier = lastEntity(
                        before: sectionPos, where: compatible, within: limits.pronounParagraphs,
                        paragraph: sectionStart, skipping: skipping)
                {
                    let ep = entities[earlier].lastPosition(before: sectionPos)!.paragraph
                    if !words(paragraphs: max(0, ep - 1)..<(ep + 1)).intersection(quoteWords).isEmpty {
                        return (earlier, "speaker.pronoun-across-inset")
                    }
                }
            }
        }
        return (nearest, "speaker.pronoun")
    }

    /// Whether entity `idx`, a person, was a sentence subject or a cue speaker before `pos`, in the sentence of entity
    /// `known`'s last mention before `pos` or in a later one (a name of unknown kind may be a place: "Making her way
    /// around Chez Roe, Ada Lee thanked ...").
    func subjectSince(_ idx: Int, known: Int, before pos: Int) -> Bool {
        let e = entities[idx]
        guard e.kind == .person, let last = entities[known].lastPosition(before: pos),
            let s = sentenceIndex(at: last.pos),
            let p = [e.cuePositions.last(where: { $0 < pos }), e.subjectPositions.last(where: { $0 < pos })]
                .compactMap({ $0 }).max()
        else { return false }
        return p >= document.sentences[s].span.start
    }

    /// The sentence that holds text position `pos` (binary search).
    func sentenceIndex(at pos: Int) -> Int? {
        let ss = document.sentences
        var lo = 0
        var hi = ss.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ss[mid].span.end <= pos { lo = mid + 1 } else { hi = mid }
        }
        return lo < ss.count && ss[lo].span.start <= pos ? lo : nil
    }

    /// Content words of a range of paragraphs.
    func words(paragraphs r: Range<Int>) -> Set<String> {
        var out = Set<String>()
        guard !r.isEmpty else { return out }
        let lo = document.paragraphs[max(0, r.lowerBound)].span.start
        let hi = document.paragraphs[min(document.paragraphs.count - 1, r.upperBound - 1)].span.end
        for t in tokens where t.span.start >= lo && t.span.end <= hi && t.isWord {
            let w = t.base.lowercased()
            if w.count >= 4 && !lex.stopwords.contains(w) { out.insert(w) }
        }
        return out
    }
}
