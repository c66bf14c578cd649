/// The attribute stage: quotations and who said them.
///
/// Requires `text` and `sentences`; provides `quotes` and `speakers`. Finds direct quotes by their marks
/// (``QuoteScanner``), joins a quote split by its cue, decides direct or mixed, and attributes each to a speaker
/// by the cue before it ("He said: ‘...’", "told X in an email: ‘...’"), after it ("‘...,’ Pompeo said",
/// "said Susan Ariel Aaronson, a professor"), a colon at the end of the previous paragraph, or the previous
/// paragraph's speaker when a quote continues. Finds indirect speech ("X said (that) ...", "..., X said",
/// "according to X, ..."). Speakers are names (titles stripped and merged: "Pompeo" is "Mike Pompeo"), pronouns
/// and definite descriptions resolved to an earlier speaker, anonymous sources ("A TikTok spokesman") and groups.
/// Reads from config: `cues`, `titles`, `roles`, `first_names`, `words`, `coreference`, `languages` (resource files),
/// `max_quote_paragraphs`, `indirect`, `min_indirect_words`, `min_unattributed_words`, `nested_quotes`,
/// `mention_max_words`, `dash_cue_reach`, `max_subject_tokens`, `clause_reach`, `split_interlude_words`,
/// `colon_label_tokens`, `after_cue_reach`, `title_cue_reach`, `split_max_pieces`, `aside_subject_tokens`. An
/// article
/// in a language the rules are not for keeps its quotes without speakers (``LanguageCheck``).
public struct QuoteAttributor: Stage {
    public struct Config: StageConfig {
        public var cues = "builtin:attribute-cues.txt"
        public var titles = "builtin:attribute-titles.txt"
        public var roles = "builtin:attribute-roles.txt"
        public var firstNames = "builtin:attribute-first-names.txt"
        public var words = "builtin:attribute-words.json"
        /// Speaker coreference: passes, distance limits, antecedent constraints, confidence per rule.
        public var coreference = "builtin:attribute-coreference.json"
        /// The languages the rules are for, and how an article's language is told (``LanguageCheck``).
        public var languages = "builtin:attribute-languages.json"
        /// A quote runs over at most this many paragraphs.
        public var maxQuoteParagraphs = 12
        /// Find indirect speech.
        public var indirect = true
        /// Indirect content shorter than this many words is not a quote.
        public var minIndirectWords = 2
        /// A quote without any speaker is kept only when it has at least this many words (scare quotes are not).
        public var minUnattributedWords = 6
        /// Emit a quotation inside another as a quote of its own (`nested_in` = the enclosing quote's id).
        public var nestedQuotes = true
        /// A quotation of at most this many words right after a word of `mention_words` ("the film ‘Parasite’",
        /// "so-called ‘experts’") names or mentions words, it quotes no one: it is not a quote.
        public var mentionMaxWords = 4
        /// After a quote and a dash, the cue of the clause is looked for within this many tokens.
        public var dashCueReach = 20
        /// A noun phrase that opens the clause before a cue is read as its unnamed speaker up to this many tokens
        /// ("An earlier report in a local paper said ...").
        public var maxSubjectTokens = 7
        /// The clause of an impersonal cue ("the plan seems doomed"), and the noun phrase read as the subject of a
        /// cue when no speaker phrase is ("Even the organizer of the rally said ..."), start at most this many tokens
        /// before the cue.
        public var clauseReach = 15
        /// The longest dash aside (in tokens) that a reported clause runs over ("that troop strength - about 166,000 in
        /// April - lags the target").
        public var asideReach = 12
        /// A quote with no speaker of its own that opens the sentence after the one where the quote before it was
        /// attributed by a cue after it (`“X,” Lee said on Sunday. “Y.”`) goes on with it when at most this many
        /// words stand between the two.
        public var splitInterludeWords = 45
        /// A label before the colon that introduces a quote ("Pollsters agree - Ana Ruiz: ‘...’") starts at most this
        /// many tokens before the colon.
        public var colonLabelTokens = 8
        /// After a quote, its cue is looked for within this many tokens ("‘...,’ Tom Reyes, a pilot who has run the
        /// ferry for twenty years, said").
        public var afterCueReach = 30
        /// A short quotation in title case is a title, not speech, unless a cue follows it within this many tokens
        /// ("‘He’s Doing It The Harbour Way,’ she said").
        public var titleCueReach = 4
        /// A quote split by its cue joins at most this many pieces ("‘X,’ she said, ‘Y.’" is two); a piece after a
        /// second cue is a quote of its own.
        public var splitMaxPieces = 2
        /// The longest aside (in tokens) between a speaker phrase that opens the clause and the comma before its cue
        /// ("Tom Reyes, who met the pilots on Monday, said ‘...’").
        public var asideSubjectTokens = 20

        public init() {}
        public static let keys = [
            "cues", "titles", "roles", "first_names", "words", "coreference", "max_quote_paragraphs", "indirect",
            "min_indirect_words", "min_unattributed_words", "languages", "nested_quotes", "mention_max_words",
            "dash_cue_reach", "max_subject_tokens", "clause_reach", "split_interlude_words",
            "colon_label_tokens", "after_cue_reach", "title_cue_reach", "aside_reach",
            "split_max_pieces", "aside_subject_tokens",
        ]
        enum CodingKeys: String, CodingKey {
            case cues, titles, roles, firstNames = "first_names", words, coreference,
                maxQuoteParagraphs = "max_quote_paragraphs", indirect, minIndirectWords = "min_indirect_words",
                minUnattributedWords = "min_unattributed_words", languages, nestedQuotes = "nested_quotes",
                mentionMaxWords = "mention_max_words", dashCueReach = "dash_cue_reach",
                maxSubjectTokens = "max_subject_tokens", clauseReach = "clause_reach",
                splitInterludeWords = "split_interlude_words", colonLabelTokens = "colon_label_tokens",
                afterCueReach = "after_cue_reach", titleCueReach = "title_cue_reach",
                asideReach = "aside_reach"
            case splitMaxPieces = "split_max_pieces", asideSubjectTokens = "aside_subject_tokens"
        }
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Config()
            cues = try c.decodeIfPresent(String.self, forKey: .cues) ?? d.cues
            titles = try c.decodeIfPresent(String.self, forKey: .titles) ?? d.titles
            roles = try c.decodeIfPresent(String.self, forKey: .roles) ?? d.roles
            firstNames = try c.decodeIfPresent(String.self, forKey: .firstNames) ?? d.firstNames
            words = try c.decodeIfPresent(String.self, forKey: .words) ?? d.words
            coreference = try c.decodeIfPresent(String.self, forKey: .coreference) ?? d.coreference
            languages = try c.decodeIfPresent(String.self, forKey: .languages) ?? d.languages
            maxQuoteParagraphs = try c.decodeIfPresent(Int.self, forKey: .maxQuoteParagraphs) ?? d.maxQuoteParagraphs
            indirect = try c.decodeIfPresent(Bool.self, forKey: .indirect) ?? d.indirect
            minIndirectWords = try c.decodeIfPresent(Int.self, forKey: .minIndirectWords) ?? d.minIndirectWords
            minUnattributedWords =
                try c.decodeIfPresent(Int.self, forKey: .minUnattributedWords) ?? d.minUnattributedWords
            nestedQuotes = try c.decodeIfPresent(Bool.self, forKey: .nestedQuotes) ?? d.nestedQuotes
            mentionMaxWords = try c.decodeIfPresent(Int.self, forKey: .mentionMaxWords) ?? d.mentionMaxWords
            dashCueReach = try c.decodeIfPresent(Int.self, forKey: .dashCueReach) ?? d.dashCueReach
            maxSubjectTokens = try c.decodeIfPresent(Int.self, forKey: .maxSubjectTokens) ?? d.maxSubjectTokens
            clauseReach = try c.decodeIfPresent(Int.self, forKey: .clauseReach) ?? d.clauseReach
            splitInterludeWords =
                try c.decodeIfPresent(Int.self, forKey: .splitInterludeWords) ?? d.splitInterludeWords
            colonLabelTokens = try c.decodeIfPresent(Int.self, forKey: .colonLabelTokens) ?? d.colonLabelTokens
            afterCueReach = try c.decodeIfPresent(Int.self, forKey: .afterCueReach) ?? d.afterCueReach
            titleCueReach = try c.decodeIfPresent(Int.self, forKey: .titleCueReach) ?? d.titleCueReach
            asideReach = try c.decodeIfPresent(Int.self, forKey: .asideReach) ?? d.asideReach
            splitMaxPieces = try c.decodeIfPresent(Int.self, forKey: .splitMaxPieces) ?? d.splitMaxPieces
            asideSubjectTokens = try c.decodeIfPresent(Int.self, forKey: .asideSubjectTokens) ?? d.asideSubjectTokens
            if maxQuoteParagraphs < 1 {
                throw DecodingError.dataCorruptedError(
                    forKey: .maxQuoteParagraphs, in: c, debugDescription: "must be at least 1")
            }
        }
    }

    public static let name = "attribute"
    public static let requires: Set<Layer> = [.text, .sentences]
    public static let provides: Set<Layer> = [.quotes, .speakers]

    let config: Config
    let lex: AttributionLexicon
    let languages: LanguageCheck

    public init(config: Config, resources: ResourceLoader) throws {
        self.config = config
        self.lex = try AttributionLexicon(config: config, resources: resources)
        self.languages = LanguageCheck(try resources.json(LanguageCheck.File.self, config.languages))
    }

    /// A quote being built.
    struct Draft {
        var fragments: [Span]
        var kind: Quote.Kind
        var open: Int
        var close: Int?
        var firstParagraph: Int
        var lastParagraph: Int
        var rule: String
        var confidence: Double
        var speaker: Int?
        var speakerRef: SpeakerRef?
        var attributionRule: String?
        var attributionConfidence: Double = 0
        var cue: (form: AttributionLexicon.CueForm, tokens: Range<Int>)?
        /// A cue was found but its speaker phrase could not be resolved.
        var unresolvedCue = false
        /// For a quotation inside another: the index in `Run.drafts` of the enclosing quote.
        var nestedIn: Int?
    }

    public func run(_ document: inout Document) throws {
        let unsupported = languages.unsupported(document)
        let diagnosticsBefore = document.diagnostics.count
        defer {
            if let unsupported {
                LanguageCheck.withdrawSpeakers(
                    &document, language: unsupported, diagnosticsBefore: diagnosticsBefore, stage: Self.name)
            }
        }
        let tokens0 = Tokenizer.tokenize(document, lexicon: lex)
        let found = QuoteScanner.scan(document, maxParagraphs: config.maxQuoteParagraphs)
        var tokens = tokens0
        // Mark quoted tokens.
        var spans = found.flatMap { $0.fragments }.sorted()
        if !spans.isEmpty {
            var k = 0
            for i in tokens.indices {
                while k < spans.count, spans[k].end <= tokens[i].span.start { k += 1 }
                if k < spans.count, spans[k].start <= tokens[i].span.start, tokens[i].span.end <= spans[k].end {
                    tokens[i].quoted = true
                }
            }
        }
        spans.removeAll()
        Run.markTitleCase(&tokens, lex: lex)
        var run = Run(config: config, lex: lex, document: document, tokens: tokens)
        run.registerNamedSpeakers()
        run.attribute(found)
        if config.nestedQuotes { run.addNested(found) }
        if config.indirect {
            run.findIndirect()
            run.endMixedReports()
        }
        run.publish(into: &document)
    }
}

/// The work on one document.
struct Run {
    let config: QuoteAttributor.Config
    let lex: AttributionLexicon
    let document: Document
    let tokens: [Token]
    var resolver: SpeakerResolver
    var drafts: [QuoteAttributor.Draft] = []
    /// Token indices of cues already used by a quote.
    var usedCues = Set<Int>()
    /// First token index of each sentence.
    var sentenceFirstToken: [Int]
    var sentenceEndToken: [Int]
    /// Paragraph index -> start of its section (a mid-article headline opens a section); 0 for none.
    var sectionStart: [Int]

    init(config: QuoteAttributor.Config, lex: AttributionLexicon, document: Document, tokens: [Token]) {
        self.config = config
        self.lex = lex
        self.document = document
        self.tokens = tokens
        self.resolver = SpeakerResolver(lex: lex, tokens: tokens, document: document)
        sentenceFirstToken = Array(repeating: -1, count: document.sentences.count)
        sentenceEndToken = Array(repeating: -1, count: document.sentences.count)
        for (i, t) in tokens.enumerated() {
            if sentenceFirstToken[t.sentence] < 0 { sentenceFirstToken[t.sentence] = i }
            sentenceEndToken[t.sentence] = i + 1
        }
        sectionStart = Array(repeating: 0, count: document.paragraphs.count)
        var current = 0
        for (i, p) in document.paragraphs.enumerated() {
            if i > 0, Run.isInsetHeadline(p, document) { current = i }
            sectionStart[i] = current
        }
    }

    /// A paragraph that reads like a headline in the middle of an article: no final punctuation, several words, no
    /// quote marks. Such a line opens an inset (a related-story box) or a new section.
    static func isInsetHeadline(_ p: Paragraph, _ document: Document) -> Bool {
        if p.role == .heading { return true }
        let sc = document.scalars
        guard let last = sc[p.span.start..<p.span.end].last(where: { !$0.properties.isWhitespace }) else {
            return false
        }
        if ".!?:;,’”\"')…".unicodeScalars.contains(last) { return false }
        var words = 0
        var inWord = false
        for i in p.span.start..<p.span.end {
            let c = sc[i]
            if QuoteScanner.isMarkScalar(c) && c != "’" && c != "'" { return false }
            let w = c.properties.isAlphabetic
            if w && !inWord { words += 1 }
            inWord = w
        }
        return words >= 6 && words <= 30
    }

    /// Flags the tokens of sentences written in title case, as headline-style summaries are ("At A Summit, Pat
    /// Roe Said ..."): most words outside quotes capitalized, function words among them. A capitalized cue there
    /// is still a cue.
    static func markTitleCase(_ tokens: inout [Token], lex: AttributionLexicon) {
        var start = 0
        while start < tokens.count {
            let sentence = tokens[start].sentence
            var end = start
            var words = 0
            var capitalized = 0
            var functionWords = 0
            while end < tokens.count, tokens[end].sentence == sentence {
                let t = tokens[end]
                if end > start, t.isWord, !t.quoted, t.lowerStartsWithLetter {
                    words += 1
                    if t.isCapitalized {
                        capitalized += 1
                        if t.classes.contains(.stopword) && !t.classes.contains(.titleStart) { functionWords += 1 }
                    }
                }
                end += 1
            }
            if words >= 5, functionWords >= 1, capitalized * 10 >= words * 9 {
                for i in start..<end { tokens[i].titleCase = true }
            }
            start = end
        }
    }

    // MARK: Token lookup

    /// Index of the first token starting at or after `pos`.
    func tokenIndex(atOrAfter pos: Int) -> Int {
        var lo = 0
        var hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].span.start < pos { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func words(in span: Span) -> Int {
        var n = 0
        for i in tokenIndex(atOrAfter: span.start)..<tokens.count {
            if tokens[i].span.start >= span.end { break }
            if tokens[i].isWord { n += 1 }
        }
        return n
    }

    func contentWords(_ spans: [Span]) -> Set<String> {
        var out = Set<String>()
        for s in spans {
            for i in tokenIndex(atOrAfter: s.start)..<tokens.count {
                let t = tokens[i]
                if t.span.start >= s.end { break }
                let w = t.base.lowercased()
                if t.isWord && w.count >= 4 && !lex.stopwords.contains(w) { out.insert(w) }
            }
        }
        return out
    }

    /// The last cue in tokens `lo..<hi` that is not quoted.
    func lastCue(in lo: Int, _ hi: Int) -> (AttributionLexicon.CueForm, Range<Int>)? {
        var i = hi - 1
        while i >= lo {
            if !tokens[i].quoted, let (f, n) = lex.cue(at: i, in: tokens), i + n <= hi, !f.belief {
                return (f, i..<(i + n))
            }
            i -= 1
        }
        return nil
    }

    func firstCue(in lo: Int, _ hi: Int) -> (AttributionLexicon.CueForm, Range<Int>)? {
        var i = lo
        while i < hi {
            if !tokens[i].quoted, let (f, n) = lex.cue(at: i, in: tokens), i + n <= hi, !f.belief {
                return (f, i..<(i + n))
            }
            i += 1
        }
        return nil
    }

    /// Registers every named speaker of a cue, in text order, before any quote is attributed, so that a pronoun
    /// can refer to a speaker introduced by indirect speech ("Dave Lee told the BBC that ..." ... "He said: ‘...").
    mutating func registerNamedSpeakers() {
        // Named people anywhere (a title or a known first name before a capitalized name) can be antecedents.
        var t = 0
        while t < tokens.count {
            let tok = tokens[t]
            guard tok.isWord, !tok.quoted, tok.isCapitalized,
                !tok.classes.isDisjoint(with: [.firstName, .titleStart]),
                t + 1 < tokens.count, resolver.isName(tokens[t + 1]), tokens[t + 1].sentence == tok.sentence
            else {
                t += 1
                continue
            }
            var e = t + 1
            while e < tokens.count, e - t < 5, resolver.isName(tokens[e]), !tokens[e].quoted,
                tokens[e].sentence == tok.sentence
            {
                e += 1
                if tokens[e - 1].isPossessive { break }
            }
            if let ref = resolver.classify(t..<e), ref.form == .name {
                var r = ref
                if lex.firstNames.contains(r.name.first?.lowercased() ?? "") || r.description != nil {
                    r.kind = .person
                }
                // A role noun written before the name, or before a name coordinated with it, is the person's
                // description ("talk show host Seth Ames", "radio hosts Joe Lind and Mika Sand"): evidence for
                // `speaker.definite-description` ("the host said").
                if r.description == nil, let role = roleBefore(t) {
                    r.description = role
                    r.kind = .person
                }
                _ = resolver.resolve(
                    r, at: r.span.start, paragraph: tok.paragraph, quoteWords: [], sectionStart: 0,
                    inStatement: false, asSpeaker: false)
            }
            t = e
        }
        var i = 0
        while i < tokens.count {
            guard !tokens[i].quoted, let (form, n) = lex.cue(at: i, in: tokens) else {
                i += 1
                continue
            }
            let s = tokens[i].sentence
            let lo = sentenceFirstToken[s]
            let hi = sentenceEndToken[s]
            // The phrase after the cue speaks only when the cue is inverted ("…,” said Roe", "According to Roe"):
            // after a word, it is the reported clause ("thought Lindqvist had no chance").
            let inverted = i == lo || !tokens[i - 1].isWord
            let ref =
                resolver.phrase(endingBefore: i, lower: lo)
                ?? (inverted ? resolver.phrase(startingAt: i + n, upper: hi) : nil)
            if let ref, ref.form == .name {
                // A possessive before a noun cue ("answered Roe’s remarks") mentions Roe; it makes no speaker; nor
                // does an outlet that relays the story ("…, Right Wing Watch first reported": `relay_cues`).
                let relay = ref.kind == .unknown && lex.coreference.relayCues.contains(form.lemma)
                _ = resolver.resolve(
                    ref, at: ref.span.start, paragraph: tokens[i].paragraph, quoteWords: [],
                    sectionStart: 0, inStatement: statementFollows(i + n),
                    asSpeaker: !tokens[ref.tokens.upperBound - 1].isPossessive && !relay)
            }
            i += n
        }
        // Pass `speaker.subject`: a person named as the subject that opens a sentence ("Lee has also commented on
        // it.", "Gov. Ada Roe – a keen sailor – toured ...") or its main clause after an opening adjunct ("On
        // Tuesday, Roe toured ...") is the most recent candidate for a pronoun after it, though no cue follows.
        for first in sentenceFirstToken where first >= 0 {
            let hi = sentenceEndToken[tokens[first].sentence]
            noteSentenceSubject(first: first, hi: hi)
            noteCoordinatedSubjects(first: first, hi: hi)
            noteAddressee(first: first, hi: hi)
            noteAppositionRoles(first: first, hi: hi)
        }
        noteNameMentions()
    }

    /// Pass `speaker.mention`: every other mention of a known person by name ("… Scarborough could understand",
    /// "Biden rubbished Trump’s claim") is a mention there, so that the nearest antecedent of a pronoun is the person
    /// named last, not only the last one who spoke or opened a sentence.
    mutating func noteNameMentions() {
        guard lex.coreference.runs("speaker.mention") else { return }
        var t = 0
        while t < tokens.count {
            guard tokens[t].isWord, !tokens[t].quoted, resolver.isName(tokens[t]) else {
                t += 1
                continue
            }
            var e = t + 1
            while e < tokens.count, e - t < 5, tokens[e].sentence == tokens[t].sentence, !tokens[e - 1].isPossessive,
                !tokens[e].quoted, resolver.isName(tokens[e])
            {
                e += 1
            }
            if let ref = resolver.classify(t..<e), ref.form == .name {
                resolver.noteMention(ref, paragraph: tokens[t].paragraph)
            }
            t = e
        }
    }

    /// The lower-case role noun right before the name at token `t`, or before the name coordinated with it by "and",
    /// with the modifiers written before it ("Democratic nominee", "Morning Joe hosts"): a capitalized modifier can
    /// contradict a later description ("the Republican nominee").
    func roleBefore(_ t: Int) -> String? {
        var k = t - 1
        if k >= 0, tokens[k].lower == "and" {
            k -= 1
            while k >= 0, t - k <= 6, !tokens[k].quoted, resolver.isName(tokens[k]), !tokens[k].isPossessive { k -= 1 }
        }
        guard k >= 0, k < t - 1 || tokens[k].lower != "and", tokens[k].isWord, !tokens[k].quoted,
            !tokens[k].isCapitalized, resolver.isRole(tokens[k]), tokens[k].sentence == tokens[t].sentence,
            !lex.organizationWords.contains(tokens[k].lower)
        else { return nil }
        var m = k
        while m > 0, k - m < 3, tokens[m - 1].isWord, !tokens[m - 1].quoted, !tokens[m - 1].isPossessive,
            tokens[m - 1].sentence == tokens[k].sentence,
            tokens[m - 1].classes.isDisjoint(with: [.definite, .indefinite, .preposition, .stopword, .cueStart])
        {
            m -= 1
        }
        return document.string(Span(tokens[m].span.start, tokens[k].span.end))
    }

    /// Evidence for pass `speaker.definite-description`: a role given in an apposition outside any speaker phrase
    /// ("Ada Roe, the former harbour master, toured ...", "... met Ada Roe, the city’s police chief.") is a role the
    /// named person holds, so that a later "the former harbour master said" can refer back to her. The apposition is
    /// a definite description of at most `apposition_role_tokens` words, closed by a comma or the sentence end, with
    /// no cue word in it but after a preposition (after "After meeting Roe, the mayor said ..." the words are a
    /// clause, not an apposition; "the secretary of state" is one). It is recorded only for a person already known
    /// by that name.
    mutating func noteAppositionRoles(first: Int, hi: Int) {
        let reach = lex.coreference.limits.appositionRoleTokens
        guard reach > 0, lex.coreference.runs("speaker.definite-description") else { return }
        var k = first + 1
        while k + 2 < hi {
            defer { k += 1 }
            let name = tokens[k - 1]
            guard tokens[k].text == ",", !tokens[k].quoted, !name.quoted, resolver.isName(name), !name.isPossessive,
                tokens[k + 1].classes.contains(.definite)
            else { continue }
            var e = k + 2
            // A cue word after a preposition is a noun ("the secretary of state").
            while e < hi, e - k <= reach, tokens[e].isWord, !tokens[e].quoted,
                !tokens[e].classes.contains(.cueStart) || tokens[e - 1].classes.contains(.preposition)
            {
                e += 1
            }
            // The words "the" to its end (at most `reach`), closed by a comma or the end of the sentence.
            guard e > k + 2, e == hi || tokens[e].text == "," || tokens[e].text == "." else { continue }
            // The name phrase before the comma, back over its names and titles.
            var s = k - 1
            while s > first, k - s < 6, !tokens[s - 1].quoted,
                resolver.isName(tokens[s - 1]) || tokens[s - 1].classes.contains(.titleStart),
                !tokens[s - 1].isPossessive
            {
                s -= 1
            }
            guard let ref = resolver.classify(s..<k), ref.form == .name else { continue }
            let span = Span(tokens[k + 1].span.start, tokens[e - 1].span.end)
            resolver.noteAppositionRole(ref, description: document.string(span))
        }
    }

    /// The subject of the sentence `first..<hi`: at its start, after a sentence adverb ("Meanwhile Roe, who ...") or
    /// after an opening adjunct ("On Tuesday, Roe toured ...").
    mutating func noteSentenceSubject(first: Int, hi: Int) {
        if noteSubject(at: first, hi: hi) { return }
        // A title in marks before the subject's role: "“Harbour Lights” star Ada Roe turned the tables".
        if tokens[first].quoted || !tokens[first].isWord {
            var k = first
            while k < hi, k - first <= 10, tokens[k].quoted || !tokens[k].isWord { k += 1 }
            if k > first, k < hi, k - first <= 10, resolver.isRole(tokens[k]), noteSubject(at: k, hi: hi) { return }
        }
        if lex.notNames.contains(tokens[first].lower), first + 1 < hi, noteSubject(at: first + 1, hi: hi) { return }
        let adjunct = lex.coreference.limits.subjectAdjunctTokens
        var c = first
        while c < min(hi, first + adjunct), tokens[c].text != ",", !tokens[c].quoted { c += 1 }
        if c > first, c < min(hi, first + adjunct), tokens[c].text == "," {
            noteSubject(at: afterDatelineOrPlace(c + 1, hi: hi), hi: hi)
        }
    }

    /// The subject of a clause coordinated after a comma ("The moderators moved on, but Reyes wasn’t having it."): a
    /// name right after ", but" or ", and" (`subject_coordinators`) followed by a verb is a sentence subject there too.
    mutating func noteCoordinatedSubjects(first: Int, hi: Int) {
        var k = first + 1
        while k + 2 < hi {
            defer { k += 1 }
            guard tokens[k].text == ",", !tokens[k].quoted, lex.subjectCoordinators.contains(tokens[k + 1].lower),
                !tokens[k + 2].quoted, resolver.isName(tokens[k + 2])
            else { continue }
            noteSubject(at: k + 2, hi: hi)
        }
    }

    /// Where a clause's subject may start at or after token `k`: past the rest of a place that closes an opening
    /// adjunct ("Speaking in Salem, New Hampshire, Trump went ...": a listed place and a comma) and past a dateline
    /// ("WASHINGTON (AP) — Roe rallied ...": words in capitals, a parenthesis, a dash). A place or a dateline is
    /// never the subject.
    func afterDatelineOrPlace(_ k: Int, hi: Int) -> Int {
        var e = k
        while e < hi, e - k < 3, tokens[e].isWord, tokens[e].isCapitalized { e += 1 }
        guard e > k, e < hi else { return k }
        if tokens[e].text == ",", lex.coreference.isPlace(tokens[k..<e].map(\.lower)) { return e + 1 }
        let capitals = tokens[k..<e].allSatisfy {
            $0.text.unicodeScalars.count > 1 && $0.text.unicodeScalars.allSatisfy { !$0.properties.isLowercase }
        }
        guard capitals else { return k }
        var d = e
        // A date after the place: "WASHINGTON, Dec. 8 (UPI) — ...".
        if tokens[d].text == "," {
            var m = d + 1
            while m < hi, m - d <= 5, tokens[m].text != "(", !["—", "–", "--"].contains(tokens[m].text) { m += 1 }
            if m < hi, m - d <= 5 { d = m }
        }
        if tokens[d].text == "(" {
            let open = d
            while d < hi, d - open <= 4, tokens[d].text != ")" { d += 1 }
            d += 1
        }
        guard d < hi, ["—", "–", "--"].contains(tokens[d].text) else { return k }
        return d + 1
    }

    /// Pass `speaker.addressee`: the person a question is put to ("Lee asked Roe whether ...": a name right after a
    /// word of `addressee_cues`) answers next, so is salient after the asker.
    mutating func noteAddressee(first: Int, hi: Int) {
        guard lex.coreference.runs("speaker.addressee"), !lex.coreference.addresseeCues.isEmpty else { return }
        for k in first..<hi where !tokens[k].quoted && lex.coreference.addresseeCues.contains(tokens[k].lower) {
            // Only the name itself: "asked Roe about the Lee Foundation" is Roe.
            var e = k + 1
            while e < hi, e - k <= 5, tokens[e].isWord, !tokens[e].quoted,
                resolver.isName(tokens[e]) || lex.titles[tokens[e].lower] != nil
            {
                e += 1
                if tokens[e - 1].isPossessive { break }
            }
            guard e > k + 1, !tokens[e - 1].isPossessive, let ref = resolver.classify((k + 1)..<e), ref.form == .name
            else { continue }
            resolver.noteSubject(ref, paragraph: tokens[k].paragraph)
        }
    }

    /// Notes the subject whose phrase (a name after its title or description) starts at token `start`, when a verb,
    /// an apposition, a relative clause or a dash follows it ("Roe toured", "Roe, who ...", "Roe, a sailor, ...").
    @discardableResult
    mutating func noteSubject(at start: Int, hi: Int) -> Bool {
        // "He said he and Roe differ.": a pronoun subject before a verb (`speaker.pronoun-subject`).
        if start + 1 < hi, !tokens[start].quoted, resolver.pronounKind(tokens[start]) != nil {
            let next = tokens[start + 1]
            guard next.isWord, !next.isCapitalized, !next.quoted, !lex.prepositions.contains(next.lower) else {
                return false
            }
            let paragraph = tokens[start].paragraph
            return resolver.notePronounSubject(
                resolver.make(.pronoun, start..<(start + 1), kind: resolver.pronounKind(tokens[start])!),
                paragraph: paragraph, sectionStart: sectionStart[paragraph])
        }
        var e = start
        while e < hi, e - start < 8, tokens[e].isWord, !tokens[e].quoted {
            let t = tokens[e]
            if resolver.isName(t) || resolver.isRole(t) || t.classes.contains(.titleStart) {
                e += 1
                continue
            }
            // Lower-case modifiers before a role and a name belong to the description ("Democratic presidential
            // candidate Ada Roe", "Roe senior adviser Ann Lee"): the subject is that name, not the word before.
            var m = e
            while m < min(hi, e + 3), tokens[m].isWord, !tokens[m].isCapitalized, !resolver.isRole(tokens[m]),
                !tokens[m].classes.contains(.stopword)
            {
                m += 1
            }
            guard m > e, m + 1 < hi, resolver.isRole(tokens[m]), resolver.isName(tokens[m + 1]) else { break }
            e = m + 1
        }
        // The phrase ends on a name, not on a possessor ("Roe’s plan ...") or a role ("Roe aides said").
        guard e > start, e < hi, resolver.isName(tokens[e - 1]), !tokens[e - 1].isPossessive else { return false }
        // A parenthesis after the name ("Ada Roe (D-Ohio) toured ...", "Roe (a Democrat) was ...") is skipped.
        var after = e
        if tokens[e].text == "(" {
            var c = e + 1
            while c < hi, c - e <= 8, tokens[c].text != ")" { c += 1 }
            guard c + 1 < hi, tokens[c].text == ")" else { return false }
            after = c + 1
        }
        let next = tokens[after]
        let verb =
            next.isWord && !next.isCapitalized && !next.quoted && !lex.subjectCoordinators.contains(next.lower)
            && !lex.prepositions.contains(next.lower)
        let dash = next.text == "—" || next.text == "–" || next.text == "--"
        var aside = false
        // An apposition whose head is a person's role ("Roe, a delegate from Ohio, ...") says it is a person.
        var personRole = false
        if next.text == ",", after + 1 < hi {
            let w = tokens[after + 1]
            if lex.indefinite.contains(w.lower) || lex.definite.contains(w.lower) {
                var k = after + 2
                // The head is the last role noun before a preposition or a conjunction ("a campaign consultant").
                while k < hi, k - after <= 8, tokens[k].isWord, !tokens[k].quoted,
                    !lex.prepositions.contains(tokens[k].lower), !lex.subjectCoordinators.contains(tokens[k].lower)
                {
                    if resolver.isRole(tokens[k]) { personRole = !lex.organizationWords.contains(tokens[k].lower) }
                    k += 1
                }
            }
            aside =
                lex.relativePronouns.contains(w.lower) || lex.definite.contains(w.lower)
                || lex.indefinite.contains(w.lower) || lex.possessives.contains(w.lower) || resolver.isRole(w)
                // A sentence adverb set off by commas: "Roe, however, wasted no time."
                || after + 2 < hi && tokens[after + 2].text == "," && w.isWord && !w.isCapitalized
                    && (lex.notNames.contains(w.lower) || resolver.isAdverb(w))
        }
        guard verb || dash || aside, var ref = resolver.classify(start..<e), ref.form == .name else { return false }
        // "Roe, who ...": a relative "who" says it is a person; so does a role in an apposition.
        if next.text == ",", after + 1 < hi, lex.personRelatives.contains(tokens[after + 1].lower) || personRole {
            ref.kind = .person
        }
        return resolver.noteSubject(ref, paragraph: tokens[start].paragraph)
    }

    // MARK: Direct and mixed quotes

    mutating func attribute(_ found: [QuoteScanner.Found]) {
        // Top-level quotes only: nested ones stay inside their parent's text.
        var top = found.filter { $0.parent == nil }
        top.sort { $0.open < $1.open }
        top = mergeSplit(top)
        var previous: QuoteAttributor.Draft?
        for f in top {
            // A short quotation in title case names a work or a headline ("an op-ed titled ‘Coal Isn't the
            // Villain’"), it reports no speech.
            // In a sentence written in title case capitals tell nothing: its quotations are speech.
            // A quotation that ends in a comma or a question and is followed by its cue is speech all the same ("‘He’s
            // Doing It The Harbour Way,’ she said").
            if isTitle(f.fragments), tokens[safe: tokenIndex(atOrAfter: f.open)]?.titleCase != true, !cueFollows(f) {
                continue
            }
            // "the film ‘Parasite’", "so-called ‘experts’": words mentioned, not speech.
            if isMention(f) { continue }
            // A quote inside the reported clause of the previous mixed quote belongs to it.
            if let p = drafts.last, p.kind == .mixed,
                p.fragments.contains(where: { $0.start <= f.open && f.open < $0.end })
            {
                continue
            }
            var d = QuoteAttributor.Draft(
                fragments: f.fragments, kind: .direct, open: f.open, close: f.close, firstParagraph: f.firstParagraph,
                lastParagraph: f.lastParagraph, rule: f.rule, confidence: f.confidence)
            attributeOne(&d, previous: previous)
            // "‘X,’ Lee said during an interview on Sunday. ‘Y.’": the quotation that opens the sentence after the
            // one where the previous quote's cue followed it goes on with that quote (`quote.split-after-cue`).
            if d.speaker == nil, !d.unresolvedCue, let p = drafts.last, p.open == previous?.open,
                let join = continuesAfterCue(p, d)
            {
                if join {
                    var q = p
                    q.fragments += d.fragments
                    q.close = d.close
                    q.lastParagraph = d.lastParagraph
                    q.rule = "quote.split-after-cue"
                    drafts[drafts.count - 1] = q
                    previous = q
                    continue
                }
                d.speaker = p.speaker
                d.speakerRef = p.speakerRef
                d.attributionRule = "speaker.after-cue-sentence"
                d.attributionConfidence = 0.8
                d.kind = .direct
            }
            // A quotation right after the closing mark of the one before it, only space between, is part of it; so
            // is the quotation after a title-case summary that quotes it ("Roe Said It Was “Unfair.” “It was unfair
            // and ...”").
            if d.attributionRule == "speaker.adjacent-quote", var p = drafts.last, p.speaker == d.speaker,
                let close = p.close, close < d.open,
                document.scalars[(close + 1)..<d.open].allSatisfy({ $0.properties.isWhitespace })
                    || tokens[safe: tokenIndex(atOrAfter: p.open)]?.titleCase == true
            {
                p.fragments += d.fragments
                p.close = d.close
                p.lastParagraph = d.lastParagraph
                drafts[drafts.count - 1] = p
                previous = p
                continue
            }
            // A reported clause reaching back into an earlier quote (two mixed quotes in one run-on sentence)
            // starts after it; when nothing is left before the quotation, the quotation alone is the content.
            if d.kind == .mixed, let first = d.fragments.first {
                var from = first.start
                for p in drafts.suffix(3) {
                    for fr in p.fragments where fr.overlaps(first) { from = max(from, fr.end) }
                }
                if from > first.start {
                    let sc = document.scalars
                    while from < first.end, " \n,;:".unicodeScalars.contains(sc[from]) { from += 1 }
                    if from < first.end, from <= f.open {
                        d.fragments[0] = Span(from, first.end)
                    } else {
                        d.fragments = f.fragments
                    }
                }
            }
            if d.speaker == nil && !d.unresolvedCue {
                let n = d.fragments.reduce(0) { $0 + words(in: $1) }
                if n < config.minUnattributedWords || d.kind == .mixed {
                    previous = nil
                    continue
                }
            }
            drafts.append(d)
            previous = d
        }
    }

    /// Whether quote `d`, found with no speaker of its own, goes on with the quote `p` before it: `p` was
    /// attributed by a cue after it (`“X,” Lee said on Sunday.`), `d` opens the next sentence of the same paragraph,
    /// and at most `split_interlude_words` words and no other quotation (a title aside) stand between. Returns true
    /// when `d` is a further fragment of `p`, false when it is a quote of its own by the same speaker (a second cue of
    /// `continuation_cues` between: `“X,” Lee said, adding that … “Y.”`), nil when it does not go on.
    func continuesAfterCue(_ p: QuoteAttributor.Draft, _ d: QuoteAttributor.Draft) -> Bool? {
        guard p.speaker != nil, p.kind == .direct, p.nestedIn == nil, let close = p.close, let cue = p.cue,
            p.lastParagraph == d.firstParagraph, cue.tokens.lowerBound < tokens.count,
            tokens[cue.tokens.lowerBound].span.start > close,
            let ds = document.sentenceIndex(at: d.open) ?? document.sentenceIndex(at: d.open + 1),
            d.open <= document.sentences[ds].span.start + 1, ds > 0,
            tokens[cue.tokens.lowerBound].sentence == ds - 1,
            document.sentenceIndex(at: close) == ds - 1 || document.sentenceIndex(at: max(0, close - 1)) == ds - 1
        else { return nil }
        let lo = tokenIndex(atOrAfter: close + 1)
        let hi = tokenIndex(atOrAfter: d.open)
        guard lo < hi else { return nil }
        var words = 0
        var k = lo
        var second = false
        while k < hi, words <= config.splitInterludeWords {
            if tokens[k].quoted {
                // Only a title in marks may stand between ("said on ‘Meet the Press.’"), not another quotation.
                var b = k
                while b + 1 < hi, tokens[b + 1].quoted { b += 1 }
                guard isTitle([Span(tokens[k].span.start, tokens[b].span.end)]) else { return nil }
                words += b - k + 1
                k = b + 1
                continue
            }
            if tokens[k].isWord { words += 1 }
            if k >= cue.tokens.upperBound, let (form, n) = lex.cue(at: k, in: tokens) {
                if lex.continuationCues.contains(form.lemma) { second = true }
                k += n
                continue
            }
            k += 1
        }
        guard words <= config.splitInterludeWords else { return nil }
        return !second
    }

    /// A quotation of at most `mention_max_words` words right after a word of `mention_words` ("the film ‘Parasite’",
    /// "so-called ‘experts’", "the hashtag ‘#NoPier’"): it names a work or holds words up for comment.
    func isMention(_ f: QuoteScanner.Found) -> Bool {
        guard f.fragments.count == 1, !lex.mentionWords.isEmpty else { return false }
        let openTok = tokenIndex(atOrAfter: f.open)
        guard openTok > 0, case let before = tokens[openTok - 1], before.isWord,
            before.sentence == tokens[safe: openTok]?.sentence,
            lex.mentionWords.contains(before.lower)
        else { return false }
        return words(in: f.fragments[0]) <= config.mentionMaxWords
    }

    /// Quotations inside another (‘... he told me “never give up” and ...’) as quotes of their own, `nestedIn` the
    /// enclosing quote's draft. Their speaker is left open: the words are the enclosing speaker's report of someone
    /// else's. Titles and mentions are skipped as at the top level; so is a quotation whose enclosing quote was not
    /// kept. One pass in text order, the enclosing draft found by binary search.
    mutating func addNested(_ found: [QuoteScanner.Found]) {
        // Drafts from quotation marks, in the order of their opening marks.
        let marked = drafts.indices.filter { drafts[$0].kind != .indirect }.sorted { drafts[$0].open < drafts[$1].open }
        var draftOf: [Int: Int] = [:]  // found index -> draft index, for nested quotes kept
        for (fi, f) in found.enumerated() {
            guard let p = f.parent else { continue }
            let parentDraft: Int?
            if found[p].parent != nil {
                parentDraft = draftOf[p]
            } else {
                var lo = 0
                var hi = marked.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if drafts[marked[mid]].open <= f.open { lo = mid + 1 } else { hi = mid }
                }
                parentDraft =
                    lo > 0 && drafts[marked[lo - 1]].fragments.contains { $0.start <= f.open && f.open < $0.end }
                    ? marked[lo - 1] : nil
            }
            guard let parent = parentDraft, !isTitle(f.fragments), !isMention(f) else { continue }
            var d = QuoteAttributor.Draft(
                fragments: f.fragments, kind: .direct, open: f.open, close: f.close, firstParagraph: f.firstParagraph,
                lastParagraph: f.lastParagraph, rule: "quote.nested", confidence: f.confidence)
            d.nestedIn = parent
            draftOf[fi] = drafts.count
            drafts.append(d)
        }
    }

    /// The quotation opens its sentence, ends in a comma, question or exclamation mark, and a cue follows it within
    /// `title_cue_reach` tokens, only words between ("‘...,’ she said", "‘...,’ said Tom Reyes"); not the name of a
    /// show in a sentence ("On ‘Harbour Hour,’ Ruiz said").
    func cueFollows(_ f: QuoteScanner.Found) -> Bool {
        guard let close = f.close, let last = f.fragments.last, last.end > last.start,
            ",?!".unicodeScalars.contains(document.scalars[last.end - 1]),
            let s = document.sentenceIndex(at: f.open) ?? document.sentenceIndex(at: f.open + 1),
            f.open <= document.sentences[s].span.start + 1
        else { return false }
        var k = tokenIndex(atOrAfter: close + 1)
        let first = k
        while k < tokens.count, k - first <= config.titleCueReach, tokens[k].isWord, !tokens[k].quoted {
            if lex.cue(at: k, in: tokens) != nil { return true }
            k += 1
        }
        return false
    }

    /// Two to ten words, most of the longer ones capitalized, and not the first word only.
    func isTitle(_ fragments: [Span]) -> Bool {
        var words = 0
        var long = 0
        var capitalized = 0
        for f in fragments {
            for i in tokenIndex(atOrAfter: f.start)..<tokens.count {
                let t = tokens[i]
                if t.span.start >= f.end { break }
                guard t.isWord else { continue }
                words += 1
                if t.text.unicodeScalars.count > 3 {
                    long += 1
                    if t.isCapitalized { capitalized += 1 }
                }
            }
        }
        return words >= 2 && words <= 10 && long >= 2 && Double(capitalized) >= 0.75 * Double(long)
    }

    /// Joins "‘X,’ Pompeo said. ‘Y.’": two quotes in one paragraph separated only by a speaker and a cue.
    func mergeSplit(_ quotes: [QuoteScanner.Found]) -> [QuoteScanner.Found] {
        var out: [QuoteScanner.Found] = []
        // Pieces joined into each quote of `out`: a split quote has one cue, so a piece after a second cue starts a
        // quote of its own ("‘X,’ she said, ‘Y,’ said Ruiz. ‘Z.’": `split_max_pieces`).
        var pieces: [Int] = []
        for q in quotes {
            if var last = out.last, let close = last.close, last.lastParagraph == q.firstParagraph,
                pieces[pieces.count - 1] < config.splitMaxPieces
            {
                let lo = tokenIndex(atOrAfter: close + 1)
                let hi = tokenIndex(atOrAfter: q.open)
                let between = tokens[lo..<hi]
                let wordCount = between.filter { $0.isWord }.count
                let lastContent = last.fragments.last.map { document.scalars[max($0.start, $0.end - 1)] }
                let endsWithComma = lastContent == "," || between.last?.text == ","
                let limit = lastContent == "," ? 25 : 8
                // The interlude is one clause: no sentence ends inside it.
                let innerEnd = between.dropLast().contains { $0.text == "." || $0.text == "?" || $0.text == "!" }
                // A second cue that introduces more speech ("Trump said, adding later, ‘...’") makes two quotes;
                // "Tester said, referring to the excuse, ‘...’" stays one.
                var cueCount = 0
                var c = lo
                while c < hi {
                    if let (form, n) = lex.cue(at: c, in: tokens) {
                        if cueCount == 0 || lex.continuationCues.contains(form.lemma) { cueCount += 1 }
                        c += n
                    } else {
                        c += 1
                    }
                }
                // The first part opens its sentence, and either stops at a comma ("‘X,’ he said, ‘Y.’") or is a
                // sentence whose cue is one too ("‘X.’ he said. ‘Y.’"); "She says ... ‘X.’ She adds, ‘Y’" is two.
                let firstOpensSentence =
                    document.sentenceIndex(at: last.open + 1).map {
                        last.open <= document.sentences[$0].span.start + 1
                    } ?? false
                let shape =
                    lastContent == ","
                    || between.last?.text == "."
                        && lastContent.map { ".!?".unicodeScalars.contains($0) } == true
                // A second quotation right after a word is a partial quotation inside a reported clause ("..., Lee
                // said, going on to say that the city has spent ‘decades’ ..."), not the second half.
                let embedded = between.last?.isWord == true
                if wordCount >= 1, wordCount <= limit, !innerEnd, cueCount <= 1, firstOpensSentence || shape, !embedded,
                    endsWithComma || between.last?.text == "." || between.last?.text == ":",
                    between.allSatisfy({ !$0.quoted }), firstCue(in: lo, hi) != nil
                {
                    last.fragments += q.fragments
                    last.close = q.close
                    last.lastParagraph = q.lastParagraph
                    last.rule = "quote.split-by-cue"
                    out[out.count - 1] = last
                    pieces[pieces.count - 1] += 1
                    continue
                }
            }
            out.append(q)
            pieces.append(1)
        }
        return out
    }

    mutating func attributeOne(_ d: inout QuoteAttributor.Draft, previous: QuoteAttributor.Draft?) {
        let sentence = document.sentenceIndex(at: d.open) ?? document.sentenceIndex(at: d.open + 1) ?? 0
        let quoteWords = contentWords(d.fragments)
        let sentenceStartPos = document.sentences[safe: sentence]?.span.start ?? 0
        let opensSentence = d.open <= sentenceStartPos + 1

        // A transcript: "‘PARTICIPANT: Thank you ...’", "‘MR. ROE: ...’" names its speaker first.
        if tryTranscriptLabel(&d, quoteWords: quoteWords) { return }
        // A quote split by its cue: "‘X,’ Pompeo said. ‘Y.’"
        if d.fragments.count >= 2, d.rule == "quote.split-by-cue", tryInterlude(&d, quoteWords: quoteWords) { return }
        if opensSentence {
            if tryAfter(&d, sentence: sentence, quoteWords: quoteWords) { return }
            if tryBefore(&d, sentence: sentence, quoteWords: quoteWords) { return }
        } else {
            if tryBefore(&d, sentence: sentence, quoteWords: quoteWords) { return }
            if tryAfter(&d, sentence: sentence, quoteWords: quoteWords) { return }
        }

        // A label before a colon: "Gerald F. Seib, The Wall Street Journal: ‘...’" (round-ups, interviews).
        if tryColonLabel(&d, quoteWords: quoteWords) { return }
        // A quote right after another attributed quote in its paragraph, nothing but space or the end of its
        // sentence between ("‘Summary.’ ‘Full remarks ...’", "called it ‘unfair’. ‘We will appeal.’"): the same
        // speaker goes on.
        if let p = previous, let s = p.speaker, let close = p.close, p.lastParagraph == d.firstParagraph,
            case let end = max(close + 1, p.fragments.last?.end ?? 0), end <= d.open,
            document.scalars[end..<d.open].allSatisfy({
                $0.properties.isWhitespace && $0 != "\n" || ".!?”’\"".unicodeScalars.contains($0)
            })
        {
            d.speaker = s
            d.attributionRule = "speaker.adjacent-quote"
            d.attributionConfidence = 0.75
            d.kind = .direct
            return
        }

        // The previous paragraph ends with a cue and a colon: "Caddell continued:".
        let para = d.firstParagraph
        let startsParagraph = isParagraphStart(d.open, paragraph: para)
        if startsParagraph, para > 0 {
            let prev = document.paragraphs[para - 1]
            let hi = tokenIndex(atOrAfter: prev.span.end)
            let lo = tokenIndex(atOrAfter: prev.span.start)
            if hi > lo, tokens[hi - 1].text == ":", let (form, range) = lastCue(in: max(lo, hi - 12), hi) {
                // "Stated Ruiz:": a cue that opens its sentence has its speaker after it.
                if let ref = resolver.phrase(endingBefore: range.lowerBound, lower: lo)
                    ?? (range.lowerBound == sentenceFirstToken[safe: tokens[range.lowerBound].sentence]
                        ? resolver.phrase(startingAt: range.upperBound, upper: hi - 1) : nil)
                {
                    setSpeaker(
                        &d, ref, cue: (form, range), rule: "speaker.colon-previous-paragraph", confidence: 0.85,
                        quoteWords: quoteWords)
                    d.kind = .direct
                    return
                }
            }
        }

        // A clause and a colon with no cue read: "Ruiz went even further: ‘...’", "Pollsters agree - Ana Ruiz: ‘...’".
        // The colon may end the paragraph before ("Ruiz released the following statement:").
        if case let openTok = tokenIndex(atOrAfter: d.open), openTok > 1, tokens[openTok - 1].text == ":",
            tryColonClause(&d, colon: openTok - 1, rule: "speaker.colon-clause", quoteWords: quoteWords)
        {
            return
        }

        // A quote that opens its sentence right after a sentence of its paragraph that reports someone's speech
        // and quotes no one ("Lee said the bridge was unsafe. ‘We saw cracks everywhere.’"): that speaker.
        if opensSentence, sentence > 0,
            document.sentences[sentence - 1].paragraph == document.sentences[sentence].paragraph,
            case let lo = sentenceFirstToken[sentence - 1], case let hi = sentenceEndToken[sentence - 1], lo >= 0,
            hi > lo,
            !tokens[lo..<hi].contains(where: { $0.quoted }) || tokens[lo].titleCase,
            let (form, range) = lastCue(in: lo, hi), let ref = subject(of: form, cue: range, lower: lo, upper: hi)
        {
            setSpeaker(
                &d, ref, cue: (form, range), rule: "speaker.previous-sentence-cue", confidence: 0.7,
                quoteWords: quoteWords)
            if d.speaker != nil {
                d.kind = .direct
                return
            }
        }

        // A paragraph that is a quote after a paragraph that reports someone's speech ("Sanders told MSNBC that
        // ..." / "‘I think ...’"): that speaker, unless another quote came between.
        if startsParagraph, para > 0, previous.map({ $0.lastParagraph < para - 1 }) ?? true {
            let prev = document.paragraphs[para - 1]
            let lo = tokenIndex(atOrAfter: prev.span.start)
            let hi = tokenIndex(atOrAfter: prev.span.end)
            if hi > lo, let (form, range) = lastCue(in: lo, hi), !tokens[lo..<hi].contains(where: { $0.quoted }),
                let first = sentenceFirstToken[safe: tokens[range.lowerBound].sentence],
                let ref = subject(of: form, cue: range, lower: max(lo, first), upper: hi)
            {
                setSpeaker(
                    &d, ref, cue: (form, range), rule: "speaker.previous-paragraph-cue", confidence: 0.6,
                    quoteWords: quoteWords)
                if d.speaker != nil {
                    d.kind = .direct
                    return
                }
            }
        }

        // A quote that opens a paragraph right after another attributed quote continues that speaker.
        if startsParagraph, let p = previous, let s = p.speaker, p.lastParagraph == para - 1 || p.lastParagraph == para
        {
            d.speaker = s
            d.attributionRule = "speaker.paragraph-continuation"
            d.attributionConfidence = 0.75
            d.kind = .direct
            return
        }
        // Unattributed: direct when it opens its sentence, else a scare quote (mixed, dropped later).
        d.kind = opensSentence ? .direct : .mixed
    }

    /// "‘LABEL: ...’": a quotation that opens with an upper-case speaker label and a colon, as transcripts do
    /// ("PARTICIPANT:", "MS. ROE:"). The label is the speaker (titles stripped, merged with a known name).
    mutating func tryTranscriptLabel(_ d: inout QuoteAttributor.Draft, quoteWords: Set<String>) -> Bool {
        guard let first = d.fragments.first else { return false }
        let lo = tokenIndex(atOrAfter: first.start)
        var k = lo
        var letters = 0
        while k < tokens.count, k - lo < 5, tokens[k].span.end <= first.end, tokens[k].isWord {
            let t = tokens[k]
            guard t.text.unicodeScalars.allSatisfy({ !$0.properties.isLowercase }),
                t.text.unicodeScalars.contains(where: { $0.properties.isAlphabetic })
            else { return false }
            letters += t.text.unicodeScalars.filter { $0.properties.isAlphabetic }.count
            k += 1
        }
        guard k > lo, k < tokens.count, tokens[k].text == ":", letters >= 3,
            !tokens[lo..<k].contains(where: { lex.noticeLabels.contains($0.lower) })
        else { return false }
        let p = d.firstParagraph
        var ref =
            resolver.classify(lo..<k)
            ?? SpeakerRef(
                form: .name, tokens: lo..<k, span: Span(tokens[lo].span.start, tokens[k - 1].span.end),
                text: document.string(Span(tokens[lo].span.start, tokens[k - 1].span.end)), kind: .person)
        if ref.form != .name {
            ref.form = .name
            ref.name = tokens[lo..<k].map { $0.text }
        }
        if ref.name.isEmpty { ref.name = tokens[lo..<k].map { $0.text } }
        ref.kind = .person
        return assignLabel(&d, ref, paragraph: p, rule: "speaker.transcript-label", quoteWords: quoteWords)
    }

    /// A label's speaker (transcript or colon label) resolved in its paragraph and set on a direct quote.
    mutating func assignLabel(
        _ d: inout QuoteAttributor.Draft, _ ref: SpeakerRef, paragraph p: Int, rule: String, quoteWords: Set<String>
    ) -> Bool {
        guard
            let (idx, _) = resolver.resolve(
                ref, at: ref.span.start, paragraph: p, quoteWords: quoteWords,
                sectionStart: sectionStart[safe: p] ?? 0, inStatement: false)
        else { return false }
        d.speaker = idx
        d.speakerRef = ref
        d.attributionRule = rule
        d.attributionConfidence = 0.8
        d.kind = .direct
        return true
    }

    /// "NAME[, OUTLET]: ‘...’" at the start of a paragraph: the name is the speaker.
    mutating func tryColonLabel(_ d: inout QuoteAttributor.Draft, quoteWords: Set<String>) -> Bool {
        let openTok = tokenIndex(atOrAfter: d.open)
        let p = d.firstParagraph
        guard p < document.paragraphs.count, openTok > 0, tokens[openTok - 1].text == ":" else { return false }
        let lo = tokenIndex(atOrAfter: document.paragraphs[p].span.start)
        let colon = openTok - 1
        guard colon > lo, colon - lo <= 12 else { return false }
        // The name is the part before the first comma (the rest names an outlet or a role).
        var end = lo
        while end < colon, tokens[end].text != "," { end += 1 }
        guard end > lo, tokens[lo..<end].allSatisfy({ resolver.isName($0) || $0.text == "." }),
            let ref = resolver.classify(lo..<end), ref.form == .name, ref.name.count >= 2
        else { return false }
        var named = ref
        if named.kind == .unknown, lex.firstNames.contains(named.name[0].lowercased()) { named.kind = .person }
        return assignLabel(&d, named, paragraph: p, rule: "speaker.colon-label", quoteWords: quoteWords)
    }

    /// A quotation after a colon that ends a clause in which no cue was read (`speaker.colon-clause`): a label after a
    /// dash or a word of `colon_label_openers` that reaches the colon ("Pollsters agree - Ana Ruiz: ‘...’", "More
    /// from Ruiz: ‘...’"), else the subject that opens the clause, after an opening adjunct ("In a radio interview,
    /// Ruiz went even further: ‘...’", "She then turned to the crowd: ‘...’"): a name, pronoun or description
    /// followed by the rest of the clause. The label is looked for within `colon_label_tokens` tokens of the colon.
    mutating func tryColonClause(
        _ d: inout QuoteAttributor.Draft, colon: Int, rule: String, quoteWords: Set<String>
    ) -> Bool {
        guard let lo = sentenceFirstToken[safe: tokens[colon].sentence], lo >= 0, colon > lo,
            !tokens[lo..<colon].contains(where: { $0.quoted })
        else { return false }
        var ref: SpeakerRef?
        var j = colon - 1
        while j >= lo, colon - j <= config.colonLabelTokens {
            if ["-", "—", "–", "--"].contains(tokens[j].text) || lex.colonLabelOpeners.contains(tokens[j].lower) {
                if let r = resolver.phrase(startingAt: j + 1, upper: colon), r.tokens.upperBound == colon {
                    ref = r
                }
                break
            }
            j -= 1
        }
        if ref == nil {
            var start = lo
            // An opening adjunct up to its comma ("In a radio interview on Sunday, Ruiz ...", "Likewise, ...",
            // "Surveying the harbour, ...").
            if !resolver.isName(tokens[lo]) && !isDeterminer(tokens[lo]) && lex.pronouns[tokens[lo].lower] == nil
                || tokens[safe: lo + 1]?.text == "," || tokens[lo].lower.hasSuffix("ing")
            {
                var k = lo
                while k < colon, tokens[k].text != "," { k += 1 }
                if k < colon { start = k + 1 }
            }
            start = afterDatelineOrPlace(start, hi: colon)
            // The subject and the rest of its clause, or a label that is the whole clause ("Ana Ruiz, the harbour
            // master: ‘...’").
            // A clause opening with a preposition ("Of the plan: ‘...’", "From her post: ‘...’") has no subject there.
            guard start < colon,
                !lex.stopwords.contains(tokens[start].lower) || lex.pronouns[tokens[start].lower] != nil,
                let r = resolver.phrase(startingAt: start, upper: colon),
                case let next = r.tokens.upperBound,
                next == colon && start == lo
                    || next < colon
                        && (tokens[next].text == "," || tokens[next].isWord && !tokens[next].isCapitalized)
            else { return false }
            // The colon ends a clause of its own subject ("She grew upset, so that I had to change my answer:
            // ‘...’"): the subject that opens the sentence did not say it.
            for k in next..<max(next, colon - 1)
            where lex.complementizers.contains(tokens[k].lower) || lex.clauseStops.contains(tokens[k].lower) {
                if lex.pronouns[tokens[k + 1].lower] != nil || resolver.isName(tokens[k + 1]) { return false }
            }
            ref = r
        }
        guard let ref, case let para = tokens[ref.tokens.lowerBound].paragraph,
            let (idx, how) = resolver.resolve(
                ref, at: ref.span.start, paragraph: para, quoteWords: quoteWords,
                sectionStart: sectionStart[safe: para] ?? 0, inStatement: false)
        else { return false }
        d.speaker = idx
        d.speakerRef = ref
        d.attributionRule = how == "speaker.name" ? rule : how
        d.attributionConfidence = 0.7
        d.kind = .direct
        return true
    }

    /// The cue between the two parts of a split quote.
    mutating func tryInterlude(_ d: inout QuoteAttributor.Draft, quoteWords: Set<String>) -> Bool {
        let lo = tokenIndex(atOrAfter: d.fragments[0].end)
        let hi = tokenIndex(atOrAfter: d.fragments[1].start)
        guard lo < hi else { return false }
        var k = lo
        while k < hi, !tokens[k].isWord { k += 1 }
        if k < hi, let (form, n) = lex.cue(at: k, in: tokens) {
            if let ref = resolver.phrase(startingAt: k + n, upper: hi) ?? invertedDescription(from: k + n, upper: hi) {
                setSpeaker(
                    &d, ref, cue: (form, k..<(k + n)), rule: "speaker.cue-inside-inverted", confidence: 0.9,
                    quoteWords: quoteWords)
                d.kind = .direct
                return d.speaker != nil
            }
        } else if let (form, range) = firstCue(in: k, hi), let ref = afterQuotePhrase(k, range.lowerBound) {
            setSpeaker(
                &d, ref, cue: (form, range), rule: "speaker.cue-inside", confidence: 0.9, quoteWords: quoteWords,
                statement: statementFollows(range.upperBound))
            d.kind = .direct
            return d.speaker != nil
        }
        return false
    }

    /// A cue after the quote, in the sentence where the quote closes: "‘...,’ Pompeo said", "..., said Caddell".
    mutating func tryAfter(_ d: inout QuoteAttributor.Draft, sentence: Int, quoteWords: Set<String>) -> Bool {
        guard let close = d.close else { return false }
        let after = tokenIndex(atOrAfter: close + 1)
        let closeSentence = document.sentenceIndex(at: close) ?? sentence
        var sEnd = sentenceEndToken[safe: closeSentence] ?? tokens.count
        // A quote that ends its sentence: a short next sentence may be the cue ("‘...’ He added.").
        if after >= sEnd, closeSentence + 1 < document.sentences.count,
            document.sentences[closeSentence + 1].paragraph == document.sentences[closeSentence].paragraph
        {
            let next = closeSentence + 1
            let nf = sentenceFirstToken[next]
            let ne = sentenceEndToken[next]
            if nf >= 0, ne - nf <= 6 { sEnd = ne }
        }
        var k = after
        while k < sEnd, !tokens[k].isWord, let f = tokens[k].text.unicodeScalars.first, QuoteScanner.isMarkScalar(f) {
            k += 1
        }
        if k < sEnd, tokens[k].text == "," { k += 1 }
        // A dash may tie the quote to its cue: "‘...’--said Ruiz", "‘...’ — In her first speech, Ruiz promised ...".
        let dashStart = k
        while k < sEnd, k - dashStart < 2, ["-", "—", "–"].contains(tokens[k].text) { k += 1 }
        let afterDash = k > dashStart
        guard k < sEnd, !tokens[k].quoted else { return false }
        if let (form, n) = lex.cue(at: k, in: tokens) {
            // Inverted: "said Caddell", "said Susan Ariel Aaronson, a professor at ..."; a participle is never inverted
            // ("‘...,’ telling the radio station that ...": the name after it is the one told).
            guard !tokens[k].lower.hasSuffix("ing"),
                let ref = resolver.phrase(startingAt: k + n, upper: sEnd)
                    ?? invertedDescription(from: k + n, upper: sEnd)
            else {
                return false
            }
            setSpeaker(
                &d, ref, cue: (form, k..<(k + n)), rule: "speaker.cue-after-inverted", confidence: 0.9,
                quoteWords: quoteWords, apposition: resolver.apposition(after: ref.tokens.upperBound, upper: sEnd))
        } else if let (form, range) = firstCue(in: k, min(sEnd, k + config.afterCueReach)),
            let ref = afterQuotePhrase(k, range.lowerBound)
        {
            setSpeaker(
                &d, ref, cue: (form, range), rule: "speaker.cue-after", confidence: 0.9,
                quoteWords: quoteWords, statement: statementFollows(range.upperBound))
        } else if afterDash, let (form, range) = firstCue(in: k, min(sEnd, k + config.dashCueReach)),
            !tokens[k..<range.lowerBound].contains(where: { t in
                t.quoted || t.text.unicodeScalars.first.map(QuoteScanner.isMarkScalar) == true
            }),
            let ref = subject(of: form, cue: range, lower: k, upper: sEnd)
        {
            // After a dash the clause that carries the cue may open with an adjunct of its own ("In what was her
            // first speech, Ruiz promised ..."): its subject is the speaker.
            setSpeaker(
                &d, ref, cue: (form, range), rule: "speaker.cue-after-dash", confidence: 0.8,
                quoteWords: quoteWords, statement: statementFollows(range.upperBound))
        } else if let (form, range, ref, comma) = clauseBeforeCue(d, from: k, sEnd: sEnd) {
            // "‘Boots on the ground’ would be right, Ben Ruiz said.": the quotation is part of a clause that the
            // cue reports after a comma; that clause is the quote (mixed).
            setSpeaker(
                &d, ref, cue: (form, range), rule: "speaker.cue-after-clause", confidence: 0.8,
                quoteWords: quoteWords, statement: statementFollows(range.upperBound))
            guard d.speaker != nil,
                let first = sentenceFirstToken[safe: tokens[k].sentence],
                let content = trimmed(min(tokens[max(0, first)].span.start, d.open), tokens[comma].span.start)
            else { return false }
            d.kind = .mixed
            d.fragments = [content]
            return true
        } else {
            return false
        }
        guard d.speaker != nil else { return false }
        d.kind = .direct
        // "The pilots are less likely to be ‘swayed by the fares,’ Ruiz said.": words of the clause before the
        // quotation, a word right before its opening mark; the quote is the clause from its sentence's start (mixed).
        let openTok = tokenIndex(atOrAfter: d.open)
        if d.fragments.count == 1, let last = d.fragments.last, let first = sentenceFirstToken[safe: sentence],
            first >= 0, openTok > first + 1, tokens[openTok - 1].isWord,
            // "She used the words ‘...,’ Ruiz said": after a word of `mention_words` the quotation itself is named.
            !lex.mentionWords.contains(tokens[openTok - 1].lower),
            !tokens[first..<openTok].contains(where: { $0.quoted }),
            lastCue(in: first, openTok) == nil,
            // Not a name in marks ("on Harbour Radio’s ‘Morning Tide,’ Ruiz said"): a word in lower case inside.
            tokens[openTok..<tokenIndex(atOrAfter: last.end)].contains(where: { $0.isWord && !$0.isCapitalized }),
            let clause = trimmed(tokens[first].span.start, last.end)
        {
            d.kind = .mixed
            d.fragments = [clause]
        }
        return true
    }

    /// The cue after a comma that reports the clause a quotation is part of: "‘Boots on the ground’ would be right,
    /// Ben Ruiz said.", "Voters had ‘put the biggest crack’ in the ceiling, she said in a video message." Words stand
    /// between the closing mark and the comma (a quotation that ends in a comma is a direct quote's end), no other cue
    /// or quotation stands between, and after the cue only an adjunct ends the sentence (no complementizer, no
    /// second cue). Returns the cue, its speaker phrase (read back from the cue, starting right after the comma) and
    /// the comma's token index.
    func clauseBeforeCue(_ d: QuoteAttributor.Draft, from k: Int, sEnd: Int) -> (
        AttributionLexicon.CueForm, Range<Int>, SpeakerRef, Int
    )? {
        guard let last = d.fragments.last, last.end > last.start, document.scalars[last.end - 1] != ",",
            k < sEnd, tokens[k].isWord,
            let (form, range) = firstCue(in: k, min(sEnd, k + config.afterCueReach)), !form.belief,
            let ref = resolver.phrase(endingBefore: range.lowerBound, lower: k),
            case let comma = ref.tokens.lowerBound - 1, comma > k, tokens[comma].text == ",",
            !tokens[k..<comma].contains(where: { $0.quoted }),
            !tokens[range.upperBound..<sEnd].contains(where: {
                lex.complementizers.contains($0.lower) || $0.quoted
            }),
            lastCue(in: range.upperBound, sEnd) == nil
        else { return nil }
        return (form, range, ref, comma)
    }

    /// After an inverted cue, a description no name reader takes ("said the 46-year-old", "said a retired pilot from
    /// Duluth"): the words up to the next comma or the end of the clause, at most eight, read as a description.
    func invertedDescription(from start: Int, upper: Int) -> SpeakerRef? {
        var end = start
        while end < upper, end - start < 9, tokens[end].isWord || tokens[end].text == "’s" || tokens[end].text == "'s" {
            end += 1
        }
        guard end > start, end - start <= 8, end == upper || [",", ".", "!", "?", ";"].contains(tokens[end].text),
            lex.definite.contains(tokens[start].lower) || lex.indefinite.contains(tokens[start].lower)
        else { return nil }
        return afterQuotePhrase(start, end)
    }

    /// The speaker phrase between a closing quote mark and its cue ("‘...?’ a narrator in the Clinton ad asks"):
    /// a phrase read back from the cue that reaches the quote, or else the whole stretch as a description.
    func afterQuotePhrase(_ k: Int, _ cue: Int) -> SpeakerRef? {
        if let ref = resolver.phrase(endingBefore: cue, lower: k),
            ref.tokens.lowerBound == k || ref.form == .pronoun && cue - k <= 2
        {
            return ref
        }
        var end = cue
        while end > k, tokens[end - 1].isWord,
            lex.skipBeforeCue.contains(tokens[end - 1].lower) || lex.temporal.contains(tokens[end - 1].lower)
                || resolver.isAdverb(tokens[end - 1])
        {
            end -= 1
        }
        guard end > k, end - k <= 8 else { return nil }
        let ts = tokens[k..<end]
        guard ts.allSatisfy({ !$0.quoted && ($0.isWord || $0.text == "’s" || $0.text == "'s") }),
            !ts.contains(where: { lex.clauseStops.contains($0.lower) }),
            lex.definite.contains(ts.first!.lower) || lex.indefinite.contains(ts.first!.lower)
                || ts.first!.isCapitalized
                || lex.possessives.contains(ts.first!.lower)
        else { return nil }
        if let r = resolver.classify(k..<end) { return r }
        let span = Span(ts.first!.span.start, ts.last!.span.end)
        var ref = SpeakerRef(
            form: .anonymous, tokens: k..<end, span: span, text: document.string(span), kind: .anonymous)
        var first = ts.startIndex
        if lex.definite.contains(ts.first!.lower) || lex.indefinite.contains(ts.first!.lower), ts.count > 1 {
            first += 1
        }
        ref.description = document.string(Span(tokens[first].span.start, ts.last!.span.end))
        ref.role = ts.last!.lower
        // "the businessman", "the gambling tycoon": a definite description of one person, whatever its head noun,
        // refers back like one whose head is a listed role (`speaker.definite-description`).
        let head = ts.last!.lower
        if lex.definite.contains(ts.first!.lower), ts.count > 1, !ts.last!.isCapitalized, !resolver.isPlural(head),
            !lex.organizationWords.contains(head), !lex.coreference.inanimateRoles.contains(head)
        {
            ref.form = .definite
            ref.kind = .person
            ref.gender = lex.gender[head]
        }
        return ref
    }

    /// A cue before the quote in its sentence: "He said: ‘...", "told DailyMail.com in an email: ‘...", or a
    /// mixed quote: "said the US was ‘looking into’ banning ...".
    mutating func tryBefore(_ d: inout QuoteAttributor.Draft, sentence: Int, quoteWords: Set<String>) -> Bool {
        let openTok = tokenIndex(atOrAfter: d.open)
        let sFirst = max(0, sentenceFirstToken[safe: sentence] ?? 0)
        guard openTok > sFirst else { return false }
        // The nearest cue with a speaker phrase: "Amazon has said an email it sent to staff telling them to ..."
        // passes over "telling" (no subject of its own) to "said".
        var found: (AttributionLexicon.CueForm, Range<Int>, SpeakerRef?)?
        var upper = openTok
        // The nearest cue, when it is coordinated with the one that has the speaker ("she called it ‘unfair’ and
        // called for pay to be ‘clawed back’") or follows it after a comma ("Lee said, going on to say that ..."),
        // opens the reported clause of a partial quotation.
        var clauseCue: Range<Int>?
        for _ in 0..<3 {
            guard let (form, range) = lastCue(in: sFirst, upper) else { break }
            if upper == openTok { clauseCue = range }
            if let ref = subject(of: form, cue: range, lower: sFirst, upper: openTok) {
                found = (form, range, ref)
                break
            }
            // Remember the nearest cue: the quote is reported speech even when its speaker phrase is not read.
            if found == nil { found = (form, range, nil) }
            upper = range.lowerBound
        }
        // "Tom Reyes, who met the pilots on the pier on Monday, said ...": a speaker phrase opening the clause before an
        // aside that runs to the comma before the cue.
        if let f = found, f.2 == nil, let ref = asideSubject(cue: f.1, lower: sFirst) { found = (f.0, f.1, ref) }
        guard let (form, range, subjectRef) = found else { return false }
        var clauseStart = range.upperBound
        if let c = clauseCue, c.lowerBound > range.upperBound,
            tokens[c.lowerBound - 1].lower == "and"
                || tokens[range.upperBound..<c.lowerBound].contains(where: { $0.text == "," })
        {
            clauseStart = c.upperBound
        }
        guard let ref = subjectRef else {
            // A cue with no speaker phrase we can read: the quote stands with an unknown speaker only when the
            // cue introduces it directly; a partial quotation then is too often no report at all.
            guard range.upperBound == openTok || tokens[openTok - 1].text == ":" else { return false }
            let interludeEmpty = range.upperBound == openTok
            d.kind = interludeEmpty && d.fragments.count > 1 ? .direct : .mixed
            d.cue = (form, range)
            d.attributionRule = "speaker.unresolved"
            d.attributionConfidence = 0.2
            d.unresolvedCue = true
            if d.kind == .mixed { makeMixed(&d, after: range.upperBound, sentence: sentence) }
            return true
        }
        let interlude = tokens[range.upperBound..<openTok]
        // Direct: introduced by a colon or comma after the cue and its object, or a quote running on past its
        // sentence; a quote right after the cue is direct only when it ends the sentence.
        let sEnd = sentenceEndToken[safe: document.sentenceIndex(at: d.close ?? d.open) ?? sentence] ?? tokens.count
        let afterClose = d.close.map { tokenIndex(atOrAfter: $0 + 1) } ?? sEnd
        let moreAfter = tokens[min(afterClose, sEnd)..<sEnd].contains { $0.isWord }
        let direct: Bool
        if let last = interlude.last {
            // A complementizer right after the cue opens a reported clause, and a comma inside it ends an adjunct,
            // not the introduction of a quote: "argued that as the ferry ties deepen, ‘its hold will grow’" is mixed.
            let reported =
                last.text == "," && interlude.first.map { lex.complementizers.contains($0.lower) } == true
            direct = (last.text == ":" || last.text == ",") && interlude.count <= 12 && !reported
        } else {
            // Right after the cue: a full sentence ending the sentence is direct ("said ‘We will appeal.’"); a
            // lower-case fragment is a partial quotation ("citing ‘security risks’").
            let firstLetter = document.scalars[d.fragments[0].start..<d.fragments[0].end].first {
                $0.properties.isAlphabetic
            }
            direct = !moreAfter && (firstLetter?.properties.isUppercase ?? false)
        }
        let isDirect = direct || d.lastParagraph > d.firstParagraph
        setSpeaker(
            &d, ref, cue: (form, range), rule: isDirect ? "speaker.cue-before" : "speaker.cue-before-mixed",
            confidence: isDirect ? 0.9 : 0.8, quoteWords: quoteWords,
            statement: statementFollows(range.upperBound))
        if d.speaker == nil {
            // A cue and a speaker phrase that names no one we know ("she" with no antecedent): the quote stands,
            // its speaker is unknown.
            d.cue = (form, range)
            d.speakerRef = ref
            d.attributionRule = "speaker.unresolved"
            d.attributionConfidence = 0.3
            d.unresolvedCue = true
        }
        if isDirect {
            d.kind = .direct
        } else {
            d.kind = .mixed
            makeMixed(&d, after: clauseStart, sentence: sentence)
        }
        return true
    }

    /// The speaker phrase that opens the clause (after sentence adverbs and coordinators) and ends at a comma that
    /// opens an aside running to the comma right before the cue: "Tom Reyes, who met the pilots on Monday, said",
    /// "Ana Ruiz, meanwhile, who lives outside the port town, Duluth, said". The aside holds no quotation and no cue
    /// of speech and is at most `aside_subject_tokens` tokens long.
    func asideSubject(cue: Range<Int>, lower: Int) -> SpeakerRef? {
        guard cue.lowerBound - 1 > lower, tokens[cue.lowerBound - 1].text == "," else { return nil }
        var start = lower
        while start < cue.lowerBound - 1, tokens[start].isWord,
            lex.subjectCoordinators.contains(tokens[start].lower) || lex.skipBeforeCue.contains(tokens[start].lower)
                || resolver.isAdverb(tokens[start])
        {
            start += 1
        }
        if start < cue.lowerBound - 1, tokens[start].text == "," { start += 1 }
        guard let ref = resolver.phrase(startingAt: start, upper: cue.lowerBound - 1),
            case let comma = ref.tokens.upperBound, comma < cue.lowerBound - 1, tokens[comma].text == ",",
            cue.lowerBound - 1 - comma <= config.asideSubjectTokens,
            !tokens[comma..<cue.lowerBound].contains(where: { $0.quoted })
        else { return nil }
        var k = comma
        while k < cue.lowerBound {
            if let (f, n) = lex.cue(at: k, in: tokens) {
                if !f.belief { return nil }
                k += n
            } else {
                k += 1
            }
        }
        return ref
    }

    /// The source after "according to" when it is no simple name: everything up to the next comma or the
    /// sentence end ("an NBC/Wall Street Journal survey conducted after the debate").
    func sourcePhrase(from start: Int, hi: Int) -> SpeakerRef? {
        var k = start
        while k < hi, k - start < 25, tokens[k].text != ",", tokens[k].text != ".", tokens[k].text != ";" { k += 1 }
        guard k > start else { return nil }
        let span = Span(tokens[start].span.start, tokens[k - 1].span.end)
        var first = start
        if lex.definite.contains(tokens[first].lower) || lex.indefinite.contains(tokens[first].lower), first + 1 < k {
            first += 1
        }
        return SpeakerRef(
            form: .anonymous, tokens: start..<k, span: span, text: document.string(span),
            description: document.string(Span(tokens[first].span.start, tokens[k - 1].span.end)),
            role: tokens[k - 1].lower,
            kind: .unknown)
    }

    /// A short noun phrase that opens the clause before the cue, when no lexicon word names its head ("Some
    /// Millikin fans have said ...", "Regulators worried that ..."): a description of an unnamed source.
    func clauseInitialSubject(before cue: Int, lower: Int) -> SpeakerRef? {
        var end = cue
        while end > lower, tokens[end - 1].isWord,
            lex.skipBeforeCue.contains(tokens[end - 1].lower) || lex.temporal.contains(tokens[end - 1].lower)
        {
            end -= 1
        }
        var start = end
        while start > lower, tokens[start - 1].text != "," { start -= 1 }
        // A conjunction or adverb opening the clause is no part of the subject ("But critics say"); a determiner is
        // ("Some unions said", "One voter claimed").
        if start < end,
            lex.clauseStops.contains(tokens[start].lower)
                || lex.notNames.contains(tokens[start].lower) && !isDeterminer(tokens[start])
        {
            start += 1
        }
        guard end > start, end - start <= config.maxSubjectTokens else { return nil }
        let ts = tokens[start..<end]
        // "and" may join two descriptions of one speaker ("The former first lady and U.S. senator").
        guard
            ts.allSatisfy({
                ($0.isWord || $0.text == "." || $0.text == "-" || lex.quantityHeads.contains($0.text))
                    && !$0.quoted && ($0.lower == "and" || !lex.clauseStops.contains($0.lower))
            }),
            ts.first?.lower != "and", ts.last?.lower != "and"
        else { return nil }
        let first = ts.first!
        let last = ts.last!
        // A word of `group_pronouns` alone: "Many fear ...", "Some say ...", "Both have argued ...".
        if ts.count == 1, lex.groupPronouns.contains(first.lower) {
            var ref = SpeakerRef(
                form: .group, tokens: start..<end, span: first.span, text: first.text, kind: .group)
            ref.description = ref.text
            ref.role = first.lower
            return ref
        }
        // A share of a group, as polls report it: "Forty-one percent said ...", "Six in 10 say ...", "Nearly half
        // said ...". The phrase itself is the (group) speaker.
        // A number ends such a phrase only as the base of a share ("Six in 10", "Nine out of 10"): small, in a short
        // phrase, so "Critics in 2016 said" stays no share.
        let shareBase =
            ts.count <= 4 && last.text.unicodeScalars.allSatisfy({ $0.properties.numericType != nil })
            && (Int(last.text).map { $0 <= 100 } ?? false)
        if lex.quantityHeads.contains(last.lower) || shareBase {
            let span = Span(first.span.start, last.span.end)
            var ref = SpeakerRef(
                form: .group, tokens: start..<end, span: span, text: document.string(span), kind: .group)
            ref.description = ref.text
            ref.role = last.lower
            return ref
        }
        // A bare plural of at most three lower-case words is a group ("environmentalists worry that ...").
        let barePlural = ts.count <= 3 && isPlural(last) && ts.allSatisfy { $0.isWord && !$0.isCapitalized }
        guard first.isCapitalized || isDeterminer(first) || barePlural else { return nil }
        // The head: a plural noun, a name or a role, or any word after a determiner ("The operator said"); a lone
        // lower-case word without one is too often a verb or an adverb.
        let determined =
            lex.definite.contains(first.lower) || lex.indefinite.contains(first.lower)
            || lex.possessives.contains(first.lower)
        guard
            last.lower.hasSuffix("s") || resolver.isName(last) || resolver.isRole(last) || determined && ts.count >= 2,
            last.lower.count > 2,
            // "renewed Republican calls": an adjective of a name is no head.
            !(last.isCapitalized && lex.coreference.notLoneNames.contains(last.lower))
        else { return nil }
        if let r = resolver.classify(start..<end) { return r }
        let span = Span(first.span.start, last.span.end)
        let plural = last.lower.hasSuffix("s")
        var ref = SpeakerRef(
            form: plural ? .group : .anonymous, tokens: start..<end, span: span,
            text: document.string(span), kind: plural ? .group : .anonymous)
        var dStart = first
        if lex.definite.contains(first.lower) || lex.indefinite.contains(first.lower), ts.count > 1 {
            dStart = ts[ts.startIndex + 1]
        }
        ref.description = document.string(Span(dStart.span.start, last.span.end))
        ref.role = last.lower
        return ref
    }

    func isDeterminer(_ t: Token) -> Bool {
        lex.definite.contains(t.lower) || lex.indefinite.contains(t.lower) || lex.possessives.contains(t.lower)
    }

    /// A plural noun by its ending: "critics", "unions", not "press", "status" or "analysis".
    func isPlural(_ t: Token) -> Bool {
        let w = t.lower
        return w.count > 3 && w.hasSuffix("s") && !w.hasSuffix("ss") && !w.hasSuffix("us") && !w.hasSuffix("is")
    }

    /// "Amazon backtracked and said ...": the subject of the first verb of the coordination.
    func coordinatedSubject(before cue: Int, lower: Int) -> SpeakerRef? {
        var j = cue - 1
        while j >= lower, lex.skipBeforeCue.contains(tokens[j].lower) { j -= 1 }
        guard j >= lower, lex.subjectCoordinators.contains(tokens[j].lower), !tokens[j].quoted else { return nil }
        // The clause starts after the last comma before the cue, or at the sentence start; a comma right before
        // "and" only closes the first conjunct ("Trump has called out Tur, and has referred to her as ...").
        var start = lower
        var k = j - 1
        if k >= lower, tokens[k].text == "," { k -= 1 }
        while k >= lower {
            if tokens[k].text == "," {
                start = k + 1
                break
            }
            k -= 1
        }
        // After a comma, a name in the possessive is inside an apposition, not the subject ("She backs free
        // transit, one of Mayor Lin's projects, but believes ...").
        if let r = resolver.phrase(startingAt: start, upper: j) {
            return start > lower && tokens[r.tokens.upperBound - 1].isPossessive ? nil : r
        }
        // The first conjunct follows an apposition or an aside of its subject ("Ada Kowalski, 61, a welder,
        // toured the plant and said ..."): the subject is read backwards from the comma that closes the aside.
        guard start > lower, tokens[start - 1].text == ",", start < j, !resolver.isName(tokens[start]) else {
            return nil
        }
        return resolver.phrase(endingBefore: start, lower: lower)
    }

    /// "Ms. Ruiz, who said ...", "voters who say ...", "a poll that shows ...": a relative pronoun right before the
    /// cue (over adverbs and auxiliaries) takes the noun phrase before it as the speaker. Returns the phrase and
    /// whether the relative clause is set off by a comma (then it ends at the next comma).
    func relativeSubject(before cue: Int, lower: Int) -> (SpeakerRef, Bool)? {
        var j = cue - 1
        while j >= lower, lex.skipBeforeCue.contains(tokens[j].lower) || resolver.isAdverb(tokens[j]) { j -= 1 }
        guard j > lower, lex.relativePronouns.contains(tokens[j].lower), !tokens[j].quoted else { return nil }
        if tokens[j - 1].text == "," {
            guard
                let r = resolver.phrase(endingBefore: j - 1, lower: lower) ?? relativeHead(before: j - 1, lower: lower)
            else { return nil }
            return (r, true)
        }
        if let r = resolver.phrase(endingBefore: j, lower: lower) { return (r, false) }
        if let r = relativeHead(before: j, lower: lower), !isPlural(tokens[j - 1]) || tokens[j - 1].isCapitalized {
            return (r, false)
        }
        // A bare plural with at most two lower-case modifiers (no verb forms in -ed or -ing) is a group ("business
        // leaders who say ...").
        let head = tokens[j - 1]
        guard head.isWord, !head.isCapitalized, isPlural(head), !lex.stopwords.contains(head.lower) else { return nil }
        var first = j - 1
        while first > lower, j - first < 3, tokens[first - 1].isWord, !tokens[first - 1].isCapitalized,
            !lex.stopwords.contains(tokens[first - 1].lower), !lex.clauseStops.contains(tokens[first - 1].lower),
            lex.cue(at: first - 1, in: tokens) == nil, !tokens[first - 1].lower.hasSuffix("ed"),
            !tokens[first - 1].lower.hasSuffix("ing")
        {
            first -= 1
        }
        let span = Span(tokens[first].span.start, head.span.end)
        var ref = SpeakerRef(form: .group, tokens: first..<j, span: span, text: document.string(span), kind: .group)
        ref.description = ref.text
        ref.role = head.lower
        return (ref, false)
    }

    /// The noun phrase a relative pronoun refers to when no speaker phrase reads it ("those who fear ...", "a gunman
    /// who expressed ...", "opponents on the left, who accused ..."): back from `end` over words to a preposition,
    /// a word of `clause_stops`, a cue or punctuation, at most `max_subject_tokens` words; a determiner opens it.
    /// The head is the last word: a plural or a demonstrative alone (`those`) makes a group, else an unnamed source.
    func relativeHead(before end: Int, lower: Int) -> SpeakerRef? {
        guard end > lower, tokens[end - 1].isWord, !tokens[end - 1].quoted else { return nil }
        let head = tokens[end - 1]
        var first = end - 1
        if isDeterminer(head) {
            guard lex.definite.contains(head.lower), head.lower != "the", head.lower != "that" else { return nil }
        } else {
            guard !lex.stopwords.contains(head.lower), lex.pronouns[head.lower] == nil,
                lex.cue(at: end - 1, in: tokens) == nil
            else { return nil }
            while first > lower, end - first < config.maxSubjectTokens, tokens[first - 1].isWord,
                !tokens[first - 1].quoted
            {
                let t = tokens[first - 1]
                if isDeterminer(t) {
                    first -= 1
                    break
                }
                if lex.prepositions.contains(t.lower) || lex.clauseStops.contains(t.lower)
                    || lex.stopwords.contains(t.lower)
                    || lex.cue(at: first - 1, in: tokens) != nil
                {
                    break
                }
                first -= 1
            }
        }
        let span = Span(tokens[first].span.start, head.span.end)
        let group = isPlural(head) || isDeterminer(head)
        var ref = SpeakerRef(
            form: group ? .group : .anonymous, tokens: first..<end, span: span, text: document.string(span),
            kind: group ? .group : .anonymous)
        ref.description = ref.text
        ref.role = head.lower
        return ref
    }

    /// "in a statement" later in the sentence: the speaker is an organization unless known otherwise.
    /// The speaker phrase of a cue: after "according to", else before the cue (a participle after a comma takes
    /// its clause's subject first), else the subject of a coordination.
    func subject(of form: AttributionLexicon.CueForm, cue: Range<Int>, lower: Int, upper: Int) -> SpeakerRef? {
        if form.lemma == "according to" { return resolver.phrase(startingAt: cue.upperBound, upper: upper) }
        return participleSubject(cue: cue, lower: lower)
            ?? resolver.phrase(endingBefore: cue.lowerBound, lower: lower)
            ?? coordinatedSubject(before: cue.lowerBound, lower: lower)
            ?? clauseInitialSubject(before: cue.lowerBound, lower: lower)
            // Inverted, the cue opening its sentence: "Said Ana Ruiz, who grew up by the pier, ‘...’".
            ?? (cue.lowerBound == lower && tokens[cue.lowerBound].isCapitalized
                ? resolver.phrase(startingAt: cue.upperBound, upper: upper) : nil)
    }

    /// "Dean defended the remark, saying, ‘...’", "Dean began by saying ...": a participle cue after a comma or
    /// one of the `participle_prepositions` takes the clause's subject.
    func participleSubject(cue: Range<Int>, lower: Int) -> SpeakerRef? {
        guard cue.lowerBound > lower, tokens[cue.lowerBound].lower.hasSuffix("ing"),
            tokens[cue.lowerBound - 1].text == ","
                || lex.participlePrepositions.contains(tokens[cue.lowerBound - 1].lower)
        else { return nil }
        // A coordinator or adverb opening the sentence is no adjunct ("And then Roe went on the attack, saying"); nor is
        // a dateline ("WASHINGTON, Dec. 8 (UPI) — In a speech, Roe ...").
        var start = afterDatelineOrPlace(lower, hi: cue.lowerBound - 1)
        while start < cue.lowerBound - 1,
            lex.subjectCoordinators.contains(tokens[start].lower) || lex.skipBeforeCue.contains(tokens[start].lower)
        {
            start += 1
        }
        // Skip an opening adverbial up to its comma ("In a speech in 2013, Clinton ...").
        if !resolver.isName(tokens[start]), !lex.definite.contains(tokens[start].lower),
            !lex.indefinite.contains(tokens[start].lower), lex.pronouns[tokens[start].lower] == nil
        {
            var k = start
            while k < cue.lowerBound - 1, tokens[k].text != "," { k += 1 }
            // No comma closes the adverbial ("When he returned he began by saying"): the subject stands right before
            // the verb that the preposition follows.
            if k == cue.lowerBound - 1, lex.participlePrepositions.contains(tokens[k].lower), k - 1 > start,
                tokens[k - 1].isWord, !tokens[k - 1].isCapitalized,
                let r = resolver.phrase(endingBefore: k - 1, lower: start), r.tokens.upperBound == k - 1
            {
                return r
            }
            start = k + 1
        }
        start = afterDatelineOrPlace(start, hi: cue.lowerBound - 1)
        guard start < cue.lowerBound - 1 else { return nil }
        if let r = resolver.phrase(startingAt: start, upper: cue.lowerBound - 1) { return r }
        // "The operator said ..., adding ...": the subject of the clause's own cue.
        if let (_, main) = firstCue(in: start, cue.lowerBound - 1) {
            return resolver.phrase(endingBefore: main.lowerBound, lower: start)
                ?? clauseInitialSubject(before: main.lowerBound, lower: start)
        }
        return nil
    }

    func statementFollows(_ from: Int) -> Bool {
        guard from < tokens.count else { return false }
        let end = sentenceEndToken[safe: tokens[from].sentence] ?? tokens.count
        // The phrase is the cue lexicon's "in a statement" entry.
        var i = from
        while i < end {
            if let (form, _) = lex.cue(at: i, in: tokens), form.lemma == "in a statement" { return true }
            i += 1
        }
        return false
    }

    func isParagraphStart(_ pos: Int, paragraph: Int) -> Bool {
        guard paragraph < document.paragraphs.count else { return false }
        return pos <= document.paragraphs[paragraph].span.start + 1
    }

    /// A mixed quote's content is the reported clause: from after the cue to the end of the sentence.
    func makeMixed(_ d: inout QuoteAttributor.Draft, after cueEnd: Int, sentence: Int) {
        guard cueEnd < tokens.count, let s = document.sentences[safe: sentence] else { return }
        let sc = document.scalars
        // "told the Sacramento Bee that ...": the clause starts at the complementizer when one follows closely (an
        // object stands between a cue like "tell" and its clause).
        var from = cueEnd
        var k = cueEnd
        // Words inside an earlier title in marks may stand between ("told ‘Morning Joe’ that ..."), not the quotation.
        let openTok = tokenIndex(atOrAfter: d.open)
        let reach = d.cue.map { lex.objectCues.contains($0.form.lemma) } == true ? 14 : 3
        while k < min(tokens.count, cueEnd + reach), tokens[k].sentence == tokens[cueEnd].sentence, k < openTok {
            if !tokens[k].quoted, lex.complementizers.contains(tokens[k].lower) {
                from = k
                break
            }
            k += 1
        }
        var start = tokens[from].span.start
        while start < s.span.end, " ,;:".unicodeScalars.contains(sc[start]) { start += 1 }
        var end = clauseLimit(start, max(s.span.end, d.fragments.last?.end ?? 0), keep: d.fragments.last?.end ?? 0)
        if let close = d.close { end = min(end, quotedClauseBreak(from: close, before: end)) }
        // Drop final punctuation and closing marks outside the clause.
        while end > start, ".!?”’\"' ".unicodeScalars.contains(sc[end - 1]) { end -= 1 }
        if let last = d.fragments.last, end < last.end { end = last.end }
        // The clause is the quotation itself ("citing ‘security risks’."): keep its content without the marks.
        if start >= d.open, let last = d.fragments.last, end <= last.end + 1 { return }
        if end > start { d.fragments = [Span(start, end)] }
    }

    /// A mixed quote's clause ends at a closing mark after which a new clause opens: the quotation ends in a comma
    /// and a word of `clause_breaks` follows ("argued that the pier was ‘never safe,’ adding that ..."; the comma is
    /// inside the quotation, where ``clauseLimit`` does not look; any other participle stays in the clause, as
    /// PolNeAR's annotators often keep it: "were ‘well-paid,’ making $30,000 a year"), or
    /// a word of `subject_coordinators` and a verb in -ed or -ing follow ("called the fares ‘a scandal’ and
    /// boycotted the vote"). Returns the mark's position, or `end` when there is none from `from` on.
    func quotedClauseBreak(from: Int, before end: Int) -> Int {
        var k = tokenIndex(atOrAfter: from)
        while k + 2 < tokens.count, tokens[k].span.start < end {
            let t = tokens[k]
            if !t.quoted, k > 0, tokens[k - 1].quoted, let m = t.text.unicodeScalars.first,
                QuoteScanner.isMarkScalar(m), case let next = tokens[k + 1], next.isWord, !next.quoted
            {
                if tokens[k - 1].text == ",", lex.clauseBreaks.contains(next.lower) {
                    return t.span.start
                }
                let verb = tokens[k + 2]
                if lex.subjectCoordinators.contains(next.lower), verb.isWord, !verb.isCapitalized,
                    verb.lower.hasSuffix("ed") || verb.lower.hasSuffix("ing")
                {
                    return t.span.start
                }
            }
            k += 1
        }
        return end
    }

    /// The mixed reports of ``findIndirect`` (reported clauses that quote some words) end where a mixed quote's
    /// clause does (``quotedClauseBreak``).
    mutating func endMixedReports() {
        for i in drafts.indices where drafts[i].kind == .mixed && drafts[i].nestedIn == nil {
            guard drafts[i].rule.hasPrefix("quote.indirect"), let f = drafts[i].fragments.last else { continue }
            let cut = quotedClauseBreak(from: f.start, before: f.end)
            if cut < f.end, let t = trimmed(f.start, cut) { drafts[i].fragments[drafts[i].fragments.count - 1] = t }
        }
    }

    mutating func setSpeaker(
        _ d: inout QuoteAttributor.Draft, _ ref: SpeakerRef, cue: (AttributionLexicon.CueForm, Range<Int>),
        rule: String,
        confidence: Double, quoteWords: Set<String>, statement: Bool = false, apposition: String? = nil
    ) {
        let para = tokens[ref.tokens.lowerBound].paragraph
        guard
            let (idx, how) = resolver.resolve(
                ref, at: ref.span.start, paragraph: para, quoteWords: quoteWords,
                sectionStart: sectionStart[safe: para] ?? 0, inStatement: statement)
        else { return }
        if let a = apposition, !resolver.entities[idx].descriptions.contains(a) {
            resolver.entities[idx].descriptions.append(a)
            if resolver.entities[idx].kind == .unknown { resolver.entities[idx].kind = .person }
        }
        d.speaker = idx
        d.speakerRef = ref
        d.cue = (cue.0, cue.1)
        for i in cue.1 { usedCues.insert(i) }
        d.attributionRule = how == "speaker.name" ? rule : how
        let c: Double
        switch how {
        case "speaker.pronoun", "speaker.pronoun-gender", "speaker.cataphora": c = confidence * 0.85
        case "speaker.pronoun-across-inset": c = 0.6
        case "speaker.definite-description": c = confidence * 0.75
        default: c = confidence
        }
        d.attributionConfidence = c
    }

    // MARK: Indirect speech

    mutating func findIndirect() {
        // Spans of the quotes found so far, sorted, for a binary search per sentence (linear overall).
        let covered = drafts.filter { $0.kind != .indirect }.flatMap(\.fragments).sorted()
        var maxEnd: [Int] = []
        maxEnd.reserveCapacity(covered.count)
        for c in covered { maxEnd.append(max(maxEnd.last ?? 0, c.end)) }
        func isCovered(_ span: Span) -> Bool {
            // The last quote span starting before the sentence ends; any earlier one reaching into it overlaps.
            var lo = 0
            var hi = covered.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if covered[mid].start < span.end { lo = mid + 1 } else { hi = mid }
            }
            return lo > 0 && maxEnd[lo - 1] > span.start
        }
        for (sIndex, s) in document.sentences.enumerated() {
            let lo = sentenceFirstToken[sIndex]
            let hi = sentenceEndToken[sIndex]
            guard lo >= 0, hi > lo else { continue }
            // In a sentence that holds a quote, only cues outside it can report more speech ("... ‘depleted’ and says
            // he will expand the army"), and their content must stay outside it.
            let holdsQuote = isCovered(s.span)
            // A headline "Pat Caddell: Democrat Voters Worried ...": the name before the colon is the source.
            if !holdsQuote, let d = headlineColon(sentence: sIndex, lo: lo, hi: hi) {
                drafts.append(d)
                continue
            }
            // Cues of the sentence in order; one that ends the sentence after a comma ("..., said Susan Ariel
            // Aaronson, a professor") is tried first, since earlier cues then sit inside its content.
            var cues: [(AttributionLexicon.CueForm, Range<Int>)] = []
            var i = lo
            while i < hi {
                if !tokens[i].quoted, !usedCues.contains(i), !(holdsQuote && isCovered(tokens[i].span)),
                    let (form, n) = lex.cue(at: i, in: tokens), !form.quoteOnly
                {
                    cues.append((form, i..<(i + n)))
                    i += n
                } else {
                    i += 1
                }
            }
            if let last = cues.last, cues.count > 1, last.1.lowerBound > lo, tokens[last.1.lowerBound - 1].text == ",",
                cueEndsClause(last.1, hi: hi) || last.0.lemma == "according to"
            {
                cues.insert(cues.removeLast(), at: 0)
            }
            // Several clauses can each report speech ("..., although surveys show that ..."): a later cue is
            // tried when it stands after everything taken so far.
            // A report with no speaker phrase (`quote.indirect-unsourced`) is tried last, after every cue with a
            // subject, so that it never takes a clause another cue reports with its speaker.
            var taken: [Span] = []
            for pass in 0..<2 {
                for (form, range) in cues {
                    let at = tokens[range.lowerBound].span
                    if pass == 0 {
                        if taken.contains(where: { $0.overlaps(at) || at.start < $0.end }) { continue }
                    } else if usedCues.contains(range.lowerBound) || taken.contains(where: { $0.overlaps(at) })
                        || !isUnsourced(cue: range, lo: lo, hi: hi)
                    {
                        continue
                    }
                    // A later cue's content reaching back over an earlier report is the same speech, not a second quote
                    // over it; in a sentence that holds a quote, content inside the quote is none. Checked before the
                    // speaker is resolved, so that a report left out leaves no mention behind for later pronouns.
                    let keep: ([Span]) -> Bool = { fragments in
                        !fragments.contains(where: { f in taken.contains { $0.overlaps(f) } })
                            && !(holdsQuote && fragments.contains(where: isCovered))
                    }
                    if let draft = indirect(
                        form: form, cue: range, lo: lo, hi: hi, sentence: sIndex, keep: keep, unsourcedPass: pass == 1)
                    {
                        drafts.append(draft)
                        taken.append(contentsOf: draft.fragments)
                        if let r = draft.speakerRef { taken.append(r.span) }
                    }
                }
            }
        }
    }

    /// "NAME: content" opening a headline (the first paragraph or a heading).
    mutating func headlineColon(sentence: Int, lo: Int, hi: Int) -> QuoteAttributor.Draft? {
        let p = document.sentences[sentence].paragraph
        guard p == 0 || document.paragraphs[p].role == .heading else { return nil }
        var colon = lo
        while colon < min(hi, lo + 5), tokens[colon].text != ":" { colon += 1 }
        guard colon < hi, colon > lo, tokens[colon].text == ":", colon + 3 < hi,
            tokens[lo..<colon].allSatisfy({ resolver.isName($0) }),
            let ref = resolver.classify(lo..<colon), ref.form == .name, ref.name.count >= 2 || ref.kind != .unknown,
            let content = trimmed(tokens[colon + 1].span.start, document.sentences[sentence].span.end)
        else { return nil }
        guard
            let (idx, _) = resolver.resolve(
                ref, at: ref.span.start, paragraph: p, quoteWords: [], sectionStart: 0,
                inStatement: false)
        else { return nil }
        var d = QuoteAttributor.Draft(
            fragments: [content], kind: .indirect, open: content.start, close: content.end, firstParagraph: p,
            lastParagraph: p, rule: "quote.indirect-headline-colon", confidence: 0.6)
        d.speaker = idx
        d.speakerRef = ref
        d.attributionRule = "speaker.headline-colon"
        d.attributionConfidence = 0.7
        return d
    }

    /// After the cue (and an inverted speaker phrase with its apposition, or a short adjunct) the sentence ends or a
    /// comma follows: "..., Aaronson said, since ...", "..., said Susan Ariel Aaronson, a professor ...".
    /// Returns the index of that punctuation token (or `hi` at the sentence end), nil when the clause goes on.
    func clauseEnd(after cue: Range<Int>, hi: Int) -> Int? {
        var k = cue.upperBound
        if let r = resolver.phrase(startingAt: k, upper: hi) { k = r.tokens.upperBound }
        // Only an adjunct may follow ("in a statement", "on Tuesday"): it opens with a preposition or a time word.
        if k < hi, tokens[k].isWord, !lex.prepositions.contains(tokens[k].lower),
            !lex.temporal.contains(tokens[k].lower)
        {
            return nil
        }
        var words = 0
        while k < hi {
            let t = tokens[k]
            if t.text == "," || t.text == "." || t.text == ";" || t.text == "!" || t.text == "?" { return k }
            if t.isWord { words += 1 }
            if words > 4 { return nil }
            k += 1
        }
        return hi
    }

    func cueEndsClause(_ cue: Range<Int>, hi: Int) -> Bool { clauseEnd(after: cue, hi: hi) != nil }

    /// Where reported content that starts at `a` ends, at the latest `b`: before a dash or semicolon outside quote
    /// marks, or a comma that opens a new clause ("..., although ..."). Never before `keep`. With `overAsides` (the
    /// reports of `findIndirect`), a dash aside closed by a second dash does not end it.
    func clauseLimit(_ a: Int, _ b: Int, keep: Int = 0, overAsides: Bool = false) -> Int {
        var i = tokenIndex(atOrAfter: a)
        // A clause opened by a complementizer keeps a relative clause on its subject ("that the pier, which is old,
        // should close"): only the other clause breaks end it there.
        let opened = i < tokens.count && lex.complementizers.contains(tokens[i].lower)
        while i < tokens.count, tokens[i].span.start < b {
            let t = tokens[i]
            if t.span.start >= keep, !t.quoted {
                if t.text == ";" || t.text == "—" || t.text == "–" || t.text == "--"
                    || (t.text == "-" && i > 0
                        && tokens[i - 1].span.end < t.span.start)
                {
                    // A dash aside closed by a second dash inside the clause ("that troop strength - about 166,000 in
                    // April - lags the target") is part of the report: go on after it.
                    if overAsides, t.text != ";", let close = asideClose(from: i, before: b) {
                        i = close + 1
                        continue
                    }
                    return t.span.start
                }
                if t.text == ",", i + 1 < tokens.count, tokens[i + 1].isWord,
                    lex.clauseBreaks.contains(tokens[i + 1].lower)
                        && !(opened && lex.relativePronouns.contains(tokens[i + 1].lower))
                        || tokens[i + 1].lower.hasSuffix("ing") && !tokens[i + 1].isCapitalized
                {
                    return t.span.start
                }
                // "... and called for ...", "... but said ...": a second cue of the same speaker starts a second report.
                // A belief cue there continues the content ("called on men to look inside and think about ...").
                if lex.subjectCoordinators.contains(t.lower), i + 1 < tokens.count,
                    let (f, _) = lex.cue(at: i + 1, in: tokens),
                    !f.belief
                {
                    return t.span.start
                }
            }
            i += 1
        }
        return b
    }

    /// The second dash of an aside opened by the dash at `open`: the same mark within `aside_reach` tokens, before
    /// `b` and before any other clause break, with a word after it.
    func asideClose(from open: Int, before b: Int) -> Int? {
        let mark = tokens[open].text
        var k = open + 1
        while k < tokens.count, k - open <= config.asideReach, tokens[k].span.start < b {
            let t = tokens[k]
            if t.text == ";" || t.quoted { return nil }
            if t.text == mark {
                return k + 1 < tokens.count && tokens[k + 1].isWord && tokens[k + 1].span.start < b ? k : nil
            }
            k += 1
        }
        return nil
    }

    func trimmed(_ a: Int, _ b: Int) -> Span? {
        guard a < b else { return nil }
        let sc = document.scalars
        var s = a
        var e = b
        while s < e, " ,;:–—-".unicodeScalars.contains(sc[s]) { s += 1 }
        while e > s, " ,;:.!?–—-".unicodeScalars.contains(sc[e - 1]) { e -= 1 }
        return e > s ? Span(s, e) : nil
    }

    mutating func indirect(
        form: AttributionLexicon.CueForm, cue: Range<Int>, lo: Int, hi: Int, sentence: Int,
        keep: ([Span]) -> Bool = { _ in true }, unsourcedPass: Bool = false
    ) -> QuoteAttributor.Draft? {
        let sentenceSpan = document.sentences[sentence].span
        var ref: SpeakerRef?
        var content: Span?
        var rule = "quote.indirect"
        var extraFragment: Span?
        if form.lemma == "according to" {
            guard
                let r = resolver.phrase(startingAt: cue.upperBound, upper: hi)
                    ?? sourcePhrase(from: cue.upperBound, hi: hi)
            else { return nil }
            ref = r
            if cue.lowerBound > lo + 1 {
                content = trimmed(sentenceSpan.start, tokens[cue.lowerBound].span.start)
            } else {
                // "According to X, ..." : the content follows the phrase.
                let after = r.tokens.upperBound
                guard after < hi else { return nil }
                content = trimmed(
                    tokens[after].span.start, clauseLimit(tokens[after].span.start, sentenceSpan.end, overAsides: true))
            }
            rule = "quote.indirect-according-to"
        } else if form.lemma == "in a statement" {
            return nil
        } else if lex.questionCues.contains(form.lemma),
            let d = question(form: form, cue: cue, lo: lo, hi: hi, sentence: sentence, keep: keep)
        {
            return d
        } else if lex.impersonalCues.contains(form.lemma) {
            return impersonal(form: form, cue: cue, lo: lo, hi: hi, sentence: sentence, keep: keep)
        } else if let verbStart = passiveStart(form: form, cue: cue, lo: lo, hi: hi) {
            return impersonal(
                form: form, cue: cue, lo: lo, hi: hi, sentence: sentence, keep: keep, verbStart: verbStart,
                rule: "quote.indirect-passive")
        } else {
            // "..., X said." / "..., said X, a professor ...": the content comes before.
            // "..., says Steve Schale, a campaign director.": an inverted speaker that ends the clause wins over a
            // subject read backwards across the content's commas.
            let inverted =
                cue.lowerBound > lo && tokens[cue.lowerBound - 1].text == ","
                ? resolver.phrase(startingAt: cue.upperBound, upper: hi) : nil
            let relative = relativeSubject(before: cue.lowerBound, lower: lo)
            let subjectBefore =
                relative?.0
                ?? (inverted != nil && cueEndsClause(cue, hi: hi)
                    ? nil
                    : participleSubject(cue: cue, lower: lo) ?? resolver.phrase(endingBefore: cue.lowerBound, lower: lo)
                        ?? clauseInitialSubject(before: cue.lowerBound, lower: lo))
            let startOfClause = subjectBefore?.tokens.lowerBound ?? cue.lowerBound
            let otherRead =
                subjectBefore ?? coordinatedSubject(before: cue.lowerBound, lower: lo)
                ?? participleSubject(cue: cue, lower: lo)
            let longRead = otherRead == nil ? longSubject(cue: cue, lower: lo, upper: hi) : nil
            let unsourced =
                unsourcedPass && otherRead == nil && longRead == nil && isUnsourced(cue: cue, lo: lo, hi: hi)
            if relative == nil, startOfClause > lo + 2, tokens[startOfClause - 1].text == ",",
                cueEndsClause(cue, hi: hi)
            {
                if let r = subjectBefore {
                    ref = r
                } else {
                    ref = resolver.phrase(startingAt: cue.upperBound, upper: hi)
                }
                content = trimmed(sentenceSpan.start, tokens[startOfClause - 1].span.start)
                rule = "quote.indirect-cue-after"
                // A parenthetical cue: "Too often, Mr. Clarke said, the debate is ..." — the content is both sides.
                if subjectBefore != nil, let end = clauseEnd(after: cue, hi: hi), end < hi, tokens[end].text == ",",
                    end + 1 < hi,
                    let rest = trimmed(tokens[end + 1].span.start, sentenceSpan.end), words(in: rest) >= 2
                {
                    extraFragment = rest
                    rule = "quote.indirect-parenthetical"
                }
            } else if otherRead != nil || longRead != nil || unsourced {
                // "X said (that) ...", "X told Y (that|how) ...".
                ref = otherRead ?? longRead ?? (unsourced ? clauseSubject(cue: cue, lo: lo) : nil)
                var start = cue.upperBound
                var k = cue.upperBound
                // A cue without an object reaches a complementizer only over an adjunct ("said on Tuesday that",
                // "said repeatedly that", "said, however, that"); after any other word the report has begun, and a
                // later "that" or "if" is inside it ("stressed her support of the raid that ...", "said the fund
                // should close if ...").
                // A belief cue before "to" takes an infinitive ("declined to say whether ...", "hopes to ..."): the
                // report starts there, a later complementizer is inside it.
                // So does a cue of saying that promises (`infinitive_cues`: "vowed to stay in the race through that
                // contest" reports *to stay ...*, not *that contest*).
                let infinitive =
                    (form.belief || lex.infinitiveCues.contains(form.lemma)) && k + 1 < hi && tokens[k].lower == "to"
                    && tokens[k + 1].isWord
                let overAdjunct =
                    !infinitive
                    && (lex.objectCues.contains(form.lemma)
                        || k < hi
                            && (!tokens[k].isWord
                                || lex.complementizers.contains(tokens[k].lower)
                                || lex.prepositions.contains(tokens[k].lower)
                                || lex.temporal.contains(tokens[k].lower) || lex.skipBeforeCue.contains(tokens[k].lower)
                                || resolver.isAdverb(tokens[k])))
                while overAdjunct, k < min(hi, cue.upperBound + 10) {
                    if lex.complementizers.contains(tokens[k].lower) {
                        start = k
                        break
                    }
                    k += 1
                }
                if form.lemma == "tell" || form.lemma == "ask" || form.lemma == "warn" || form.lemma == "urge",
                    start == cue.upperBound
                {
                    // "told staff to delete ...": an order, keep the object out of the content when it is short.
                    if start + 1 < hi, tokens[start + 1].lower == "to" { start += 1 }
                }
                guard start < hi else { return nil }
                // The word right after the cue shows it is no verb of saying here: a particle or a preposition of
                // `report_stops` ("signed up for", "support among voters", "backing from the party"), or an agent
                // not followed by a verb in -ing ("a call echoed by Japan", "the survey reported by CNN"; but
                // "responded by saying ...").
                if start == cue.upperBound {
                    let w = tokens[start].lower
                    if lex.reportStops.contains(w) { return nil }
                    if lex.agentPrepositions.contains(w),
                        !(start + 1 < hi && tokens[start + 1].lower.hasSuffix("ing"))
                    {
                        return nil
                    }
                }
                let from = tokens[start].span.start
                var to = clauseLimit(from, sentenceSpan.end, overAsides: true)
                // A relative clause set off by commas ends at the next one: "Ms. Ruiz, who said the vote was
                // rigged, has appealed."
                // So does the object of a belief cue that quotes no words ("endorsed ideological labels, a stance
                // shared by ..."): a clause with a complementizer runs on.
                let beliefObject =
                    form.belief && !lex.complementizers.contains(tokens[start].lower)
                    && !tokens[start..<sentenceEndToken[sentence]].contains(where: { $0.quoted })
                // A report inside an opening subordinate clause ends at the comma that closes it: "Although Amazon
                // has not said why it chose to ban the app, the move comes amid ..." (when it quotes no words).
                let subordinate =
                    !tokens[start..<sentenceEndToken[sentence]].contains(where: { $0.quoted })
                    && ref.map { r in
                        // The subordinator opens the sentence (after at most one word: "But although ..."), with no
                        // comma before the speaker phrase.
                        (lo..<min(lo + 2, r.tokens.lowerBound)).contains {
                            lex.subordinators.contains(tokens[$0].lower)
                        }
                            && !tokens[lo..<r.tokens.lowerBound].contains { $0.text == "," }
                    } ?? false
                if relative?.1 == true || beliefObject || subordinate {
                    var k = start
                    while k < hi, tokens[k].span.start < to, tokens[k].text != "," || tokens[k].quoted { k += 1 }
                    if k < hi, tokens[k].span.start < to { to = tokens[k].span.start }
                }
                content = trimmed(from, to)
                rule =
                    unsourced
                    ? "quote.indirect-unsourced"
                    : longRead != nil
                        ? "quote.indirect-long-subject"
                        : relative != nil ? "quote.indirect-relative" : "quote.indirect-cue-before"
                // A report read with the fallback subject, or with none, is kept only when it quotes no words.
                if longRead != nil || unsourced, let c = content,
                    document.scalars[c.start..<c.end].contains(where: { "“”\"‘".unicodeScalars.contains($0) })
                {
                    return nil
                }
            } else {
                return nil
            }
        }
        guard let c = content,
            words(in: c) + (extraFragment.map { words(in: $0) } ?? 0) >= config.minIndirectWords
        else { return nil }
        // The speaker phrase must not sit inside the content.
        if let r = ref, c.contains(r.span) { return nil }
        let fragments = extraFragment.map { [c, $0] } ?? [c]
        // Reported speech that quotes some of the words is mixed.
        let quotesWords = fragments.contains { f in
            document.scalars[f.start..<f.end].contains { $0 == "“" || $0 == "”" || $0 == "\"" || $0 == "‘" }
        }
        var d = QuoteAttributor.Draft(
            fragments: fragments, kind: quotesWords ? .mixed : .indirect, open: c.start, close: fragments.last!.end,
            firstParagraph: document.sentences[sentence].paragraph,
            lastParagraph: document.sentences[sentence].paragraph,
            rule: rule, confidence: form.belief ? 0.5 : 0.65)
        guard keep(fragments) else { return nil }
        d.cue = (form, cue)
        for i in cue { usedCues.insert(i) }
        // No speaker phrase could be read: the report stands without a speaker.
        guard let r = ref else { return d }
        let para = tokens[r.tokens.lowerBound].paragraph
        d.speakerRef = r
        guard
            let (idx, how) = resolver.resolve(
                r, at: r.span.start, paragraph: para, quoteWords: [],
                sectionStart: sectionStart[safe: para] ?? 0, inStatement: false)
        else {
            // A speaker phrase with no antecedent ("they said"): the reported speech stands, its speaker is unknown.
            d.attributionRule = "speaker.unresolved"
            d.attributionConfidence = 0.3
            d.unresolvedCue = true
            return d
        }
        d.speaker = idx
        d.attributionRule = how == "speaker.name" ? "speaker.cue-indirect" : how
        d.attributionConfidence = how == "speaker.name" ? 0.75 : 0.6
        return d
    }

    /// Where the clause that ends at `end` opens: back over words, hyphens, periods and possessives to a quoted
    /// token, other punctuation, a word of `clause_stops` or a complementizer, at most `clause_reach` tokens; nil
    /// when the look-back ran out inside a longer phrase (a clause cut off inside a long subject).
    func clauseOpening(before end: Int, lower: Int) -> Int? {
        var start = end
        while start > lower, end - start < config.clauseReach {
            let t = tokens[start - 1]
            if t.quoted || !t.isWord && t.text != "-" && t.text != "." && !t.isPossessive
                || lex.clauseStops.contains(t.lower) || lex.complementizers.contains(t.lower)
            {
                break
            }
            start -= 1
        }
        guard
            start == lower || !tokens[start - 1].isWord || lex.clauseStops.contains(tokens[start - 1].lower)
                || lex.complementizers.contains(tokens[start - 1].lower)
        else { return nil }
        return start
    }

    /// The noun phrase that opens the clause before a cue when no speaker phrase could be read ("Even the organizer
    /// of the rally said ...", "But early survey data suggests ..."): back from the cue over adverbs and auxiliaries
    /// to a comma, a dash, a word of `clause_stops` or the sentence start, at most `clause_reach` tokens; no cue and no
    /// word that looks like a verb (in -ed or -ing, an auxiliary) inside; a lone word is a name or a plural. The cue
    /// must not be followed by a preposition, a conjunction or punctuation, where it is a noun or a participle
    /// ("a conference call with ...", "minors approved under ..."). An unnamed source (rule
    /// `quote.indirect-long-subject`): its report is kept only when it quotes no words.
    func longSubject(cue range: Range<Int>, lower: Int, upper: Int) -> SpeakerRef? {
        let cue = range.lowerBound
        guard range.upperBound < upper, tokens[range.upperBound].isWord,
            !lex.prepositions.contains(tokens[range.upperBound].lower),
            !lex.clauseStops.contains(tokens[range.upperBound].lower)
                || lex.complementizers.contains(
                    tokens[range.upperBound].lower)
        else { return nil }
        var end = cue
        while end > lower,
            lex.skipBeforeCue.contains(tokens[end - 1].lower) || lex.temporal.contains(tokens[end - 1].lower)
                || resolver.isAdverb(tokens[end - 1])
        {
            end -= 1
        }
        guard end > lower, tokens[end - 1].isWord, !tokens[end - 1].quoted else { return nil }
        guard let start = clauseOpening(before: end, lower: lower) else { return nil }
        // After a preposition the phrase is its object ("an email sent by Amazon bosses told ..."), not the subject.
        guard start < end,
            start == lower
                || !lex.prepositions.contains(tokens[start - 1].lower)
                    && !lex.agentPrepositions.contains(tokens[start - 1].lower)
        else { return nil }
        let last = tokens[end - 1]
        guard !lex.prepositions.contains(last.lower), !isDeterminer(last), lex.pronouns[last.lower] == nil else {
            return nil
        }
        for k in start..<end {
            let t = tokens[k]
            if lex.cue(at: k, in: tokens) != nil || lex.progressiveAuxiliaries.contains(t.lower) { return nil }
            if k > start, t.isWord, !t.isCapitalized, t.lower.hasSuffix("ed") || t.lower.hasSuffix("ing") {
                return nil
            }
        }
        if end - start == 1, !tokens[start].isCapitalized, !isPlural(tokens[start]) { return nil }
        var first = start
        if first + 1 < end, lex.clauseStops.contains(tokens[first].lower) || lex.notNames.contains(tokens[first].lower),
            !isDeterminer(tokens[first])
        {
            first += 1
        }
        let span = Span(tokens[first].span.start, last.span.end)
        let plural = isPlural(last)
        var ref = SpeakerRef(
            form: plural ? .group : .anonymous, tokens: first..<end, span: span, text: document.string(span),
            kind: plural ? .group : .anonymous)
        ref.description = ref.text
        ref.role = last.lower
        return ref
    }

    /// A question put by someone unnamed ("Asked whether the pier would close, Ruiz said ...", "... when asked about
    /// the fares"): a participle in -ed of `question_cues` that opens its sentence or follows a word of
    /// `question_before`, followed by a word of `question_openers`. The report is the question, up to its comma or the
    /// end of its clause, with no speaker (`quote.indirect-question`).
    mutating func question(
        form: AttributionLexicon.CueForm, cue: Range<Int>, lo: Int, hi: Int, sentence: Int, keep: ([Span]) -> Bool
    ) -> QuoteAttributor.Draft? {
        let k = cue.upperBound
        guard tokens[cue.lowerBound].lower.hasSuffix("ed"), k < hi, lex.questionOpeners.contains(tokens[k].lower),
            cue.lowerBound == lo || lex.questionBefore.contains(tokens[cue.lowerBound - 1].lower)
        else { return nil }
        let from = tokens[k].span.start
        var to = clauseLimit(from, document.sentences[sentence].span.end)
        var j = k
        while j < hi, tokens[j].span.start < to, tokens[j].text != "," || tokens[j].quoted { j += 1 }
        if j < hi, tokens[j].span.start < to { to = tokens[j].span.start }
        guard let c = trimmed(from, to), words(in: c) >= config.minIndirectWords,
            !document.scalars[c.start..<c.end].contains(where: { "“”\"‘".unicodeScalars.contains($0) }),
            keep([c])
        else { return nil }
        var d = QuoteAttributor.Draft(
            fragments: [c], kind: .indirect, open: c.start, close: c.end,
            firstParagraph: document.sentences[sentence].paragraph,
            lastParagraph: document.sentences[sentence].paragraph, rule: "quote.indirect-question", confidence: 0.5)
        d.cue = (form, cue)
        for i in cue { usedCues.insert(i) }
        return d
    }

    /// A cue whose subject no reader takes but whose report is plain (rule `quote.indirect-unsourced`, no speaker): a
    /// participle in -ing after a comma ("Then she shattered party norms, pledging that ...") or a cue followed by a
    /// word of `unsourced_openers` ("... expressed concern that ..."). Not after a determiner, a possessive or a
    /// preposition, where the cue word is a noun ("the report that ...", "in response to ...").
    func isUnsourced(cue: Range<Int>, lo: Int, hi: Int) -> Bool {
        guard cue.upperBound < hi, cue.lowerBound > lo else { return false }
        let before = tokens[cue.lowerBound - 1]
        if isDeterminer(before) || lex.prepositions.contains(before.lower) { return false }
        if before.text == ",", tokens[cue.lowerBound].lower.hasSuffix("ing") { return true }
        return lex.unsourcedOpeners.contains(tokens[cue.upperBound].lower)
    }

    /// The speaker of an unsourced report, when a speaker phrase opens its clause: for a participle after a comma, the
    /// sentence's subject after its opening conjunctions and sentence adverbs (`clause_stops`, `not_names`: "Then she
    /// shattered party norms, pledging that ..."); otherwise the phrase at the clause opening before the cue ("An
    /// earlier report in a paper said that ..."). The phrase must end before the cue and be followed by a word.
    func clauseSubject(cue: Range<Int>, lo: Int) -> SpeakerRef? {
        let participle = tokens[cue.lowerBound - 1].text == ","
        var k: Int
        if participle {
            k = lo
        } else {
            guard let open = clauseOpening(before: cue.lowerBound, lower: lo) else { return nil }
            k = open
        }
        while k < cue.lowerBound - 1, k - lo < 3,
            lex.clauseStops.contains(tokens[k].lower)
                || lex.notNames.contains(tokens[k].lower) && !isDeterminer(tokens[k])
        {
            k += 1
        }
        guard let r = resolver.phrase(startingAt: k, upper: cue.lowerBound),
            r.tokens.upperBound < cue.lowerBound, tokens[r.tokens.upperBound].isWord
        else { return nil }
        return r
    }

    /// A cue in the passive with no agent ("Direct mail is considered an effective technique", "The emails have now
    /// been deemed classified"): a participle of a `[speech]` or `[belief]` lemma (not in -ing or -s, not the base
    /// form) after a word of `passive_auxiliaries`, over adverbs and words of `skip_before_cue`. Returns where the verb
    /// group starts (back over auxiliaries, modals and adverbs, at most `clause_reach` tokens), so that the report
    /// takes the clause from its subject. Not when an agent follows ("was endorsed by the union": the union is the
    /// source), nor for a cue that takes a person as its object (`object_cues`: "she was told that ...").
    func passiveStart(form: AttributionLexicon.CueForm, cue: Range<Int>, lo: Int, hi: Int) -> Int? {
        let w = tokens[cue.lowerBound].lower
        guard cue.count == 1, !w.hasSuffix("ing"), !w.hasSuffix("s"), w != form.lemma,
            !lex.objectCues.contains(form.lemma)
        else { return nil }
        var j = cue.lowerBound
        var passive = false
        while j > lo, cue.lowerBound - j < config.clauseReach, tokens[j - 1].isWord, !tokens[j - 1].quoted {
            let t = tokens[j - 1]
            if lex.passiveAuxiliaries.contains(t.lower) {
                passive = true
            } else if !(lex.skipBeforeCue.contains(t.lower) || resolver.isAdverb(t) || t.lower == "to") {
                break
            }
            j -= 1
        }
        // "Wells Fargo are worried that ...": before a complementizer the subject holds the belief, unless it is the
        // expletive "it" ("It is said that ...").
        guard passive,
            !(cue.upperBound < hi && lex.complementizers.contains(tokens[cue.upperBound].lower) && j > lo
                && lex.pronouns[tokens[j - 1].lower] != .organization)
        else { return nil }
        // An agent after the participle, within the clause, names the source.
        var k = cue.upperBound
        while k < hi, k - cue.upperBound < config.clauseReach, tokens[k].isWord || tokens[k].text == "." {
            if lex.agentPrepositions.contains(tokens[k].lower) { return nil }
            k += 1
        }
        return j
    }

    /// A judgment with no source ("The plan seems doomed", "It appears that ...", "The vote is expected to pass"):
    /// the report is its whole clause, subject included, from the clause start (after a comma, dash, semicolon,
    /// colon, a complementizer or a word of `clause_stops`, at most `clause_reach` tokens back) to where the
    /// clause ends; no speaker. A cue right after it reports instead, with its own subject ("she appeared to suggest
    /// that ..."), and a word of `impersonal_stops` after it makes it no judgment ("appeared on television").
    mutating func impersonal(
        form: AttributionLexicon.CueForm, cue: Range<Int>, lo: Int, hi: Int, sentence: Int, keep: ([Span]) -> Bool,
        verbStart: Int? = nil, rule: String = "quote.indirect-impersonal"
    ) -> QuoteAttributor.Draft? {
        let next = cue.upperBound
        guard next < hi, !lex.impersonalStops.contains(tokens[next].lower) else { return nil }
        var k = next
        if k < hi, tokens[k].lower == "to" { k += 1 }
        if k < hi, let (f, _) = lex.cue(at: k, in: tokens), !lex.impersonalCues.contains(f.lemma) { return nil }
        let verb = verbStart ?? cue.lowerBound
        guard let start = clauseOpening(before: verb, lower: lo) else { return nil }
        guard start < verb else { return nil }
        let from = tokens[start].span.start
        guard let c = trimmed(from, clauseLimit(from, document.sentences[sentence].span.end, overAsides: true)),
            words(in: c) >= config.minIndirectWords + 1
        else { return nil }
        // A passive leaves a clause with a cue of its own to that cue ("The case was viewed as a threat after the
        // court agreed to ...").
        if verbStart != nil {
            var k = cue.upperBound
            while k < hi, tokens[k].span.start < c.end {
                if let (f, _) = lex.cue(at: k, in: tokens), !f.quoteOnly { return nil }
                k += 1
            }
        }
        let quotesWords = document.scalars[c.start..<c.end].contains {
            $0 == "“" || $0 == "”" || $0 == "\"" || $0 == "‘"
        }
        // A passive report, like the other reports without a source phrase, is kept only when it quotes no words.
        if verbStart != nil, quotesWords { return nil }
        var d = QuoteAttributor.Draft(
            fragments: [c], kind: quotesWords ? .mixed : .indirect, open: c.start, close: c.end,
            firstParagraph: document.sentences[sentence].paragraph,
            lastParagraph: document.sentences[sentence].paragraph, rule: rule, confidence: 0.5)
        guard keep([c]) else { return nil }
        d.cue = (form, cue)
        for i in cue { usedCues.insert(i) }
        return d
    }

    // MARK: Output

    func publish(into document: inout Document) {
        // Text order; a nested quote after its enclosing one when both start at the same place.
        let order = drafts.indices.sorted {
            let a = drafts[$0].fragments.first?.start ?? 0
            let b = drafts[$1].fragments.first?.start ?? 0
            if a != b { return a < b }
            let na = drafts[$0].nestedIn != nil
            let nb = drafts[$1].nestedIn != nil
            return na != nb ? !na : $0 < $1
        }
        let ordered = order.map { drafts[$0] }
        // Ids: q1, q2, ... for the quotes of the document; a nested quote is written inside the quote that encloses
        // it at the top, numbered after it (q3.1, q3.2, ...), with `nested_in` its immediate parent.
        var quoteID: [Int: String] = [:]  // draft index -> quote id
        var rootOf: [Int: Int] = [:]  // draft index of a nested quote -> draft index of its top-level quote
        var top = 0
        var nestedCount: [Int: Int] = [:]
        for i in order {
            if let p = drafts[i].nestedIn {
                let root = rootOf[p] ?? p
                rootOf[i] = root
                nestedCount[root, default: 0] += 1
                quoteID[i] = "\(quoteID[root] ?? "q0").\(nestedCount[root]!)"
            } else {
                top += 1
                quoteID[i] = "q\(top)"
            }
        }
        var nestedQuotes: [Int: [Quote]] = [:]  // top-level draft index -> its nested quotes, in text order
        // Speakers that said something, numbered in order of first mention.
        var used: [Int] = []
        for d in ordered { if let s = d.speaker, !used.contains(s) { used.append(s) } }
        used.sort { resolver.entities[$0].firstPosition < resolver.entities[$1].firstPosition }
        var ids: [Int: String] = [:]
        for (k, e) in used.enumerated() {
            ids[e] = "s\(k + 1)"
            let ent = resolver.entities[e]
            document.speakers.append(
                Speaker(
                    id: "s\(k + 1)", name: ent.name, type: ent.kind,
                    descriptions: ent.descriptions, affiliation: ent.affiliation,
                    mentions: ent.mentions.sorted { $0.span < $1.span }))
        }
        for (k, d) in ordered.enumerated() {
            let qid = quoteID[order[k]] ?? "q0"
            let frags = d.fragments.map { document.fragment($0) }
            let text = d.fragments.map { document.string($0) }.joined(separator: " ")
            var sentenceIDs: [Int] = []
            for f in d.fragments {
                if let a = document.sentenceIndex(at: f.start) {
                    let b = document.sentenceIndex(at: max(f.start, f.end - 1)) ?? a
                    for s in a...b where !sentenceIDs.contains(s) { sentenceIDs.append(s) }
                }
            }
            var cue: Cue?
            if let c = d.cue {
                let span = Span(tokens[c.tokens.lowerBound].span.start, tokens[c.tokens.upperBound - 1].span.end)
                cue = Cue(
                    text: document.string(span), lemma: c.form.lemma, span: span, sourceSpan: document.sourceSpan(span))
            }
            let speakerID = d.speaker.flatMap { ids[$0] }
            if speakerID == nil, d.nestedIn == nil, let first = d.fragments.first {
                // Say why the speaker is null, so that an editor knows where to look.
                let why: String
                if let c = cue, let ref = d.speakerRef {
                    why = "its cue '\(c.text)' points to '\(ref.text)', who cannot be resolved to anyone named before"
                } else if let c = cue {
                    why = "its cue '\(c.text)' has no speaker phrase that could be read"
                } else {
                    why = "no cue, colon label or speaker of the paragraph before was found"
                }
                document.diagnostics.append(
                    Diagnostic(
                        severity: .note, code: "attribute.speaker-unknown",
                        message: "quote \(qid) has no speaker: \(why)", stage: QuoteAttributor.name,
                        sourceSpan: document.sourceSpan(first)))
            }
            if d.attributionRule == "speaker.description", let s = d.speaker, let first = d.fragments.first {
                // A description no one named before carries: say it stands for someone unnamed, not a guess.
                document.diagnostics.append(
                    Diagnostic(
                        severity: .note, code: "attribute.speaker-description",
                        message: "quote \(qid) is attributed to the description '\(resolver.entities[s].name)': no one "
                            + "named before was introduced with that role", stage: QuoteAttributor.name,
                        sourceSpan: document.sourceSpan(first)))
            }
            let quote = Quote(
                id: qid, kind: d.kind, text: text, fragments: frags, speaker: speakerID,
                speakerName: speakerID == nil ? nil : d.speaker.map { resolver.entities[$0].name }, cue: cue,
                speakerMention: d.speakerRef?.span, sentences: sentenceIDs, parent: d.nestedIn.flatMap { quoteID[$0] },
                provenance: Provenance(stage: QuoteAttributor.name, rule: d.rule, confidence: d.confidence),
                attribution: d.attributionRule.map {
                    // A rule's confidence fitted on the speaker pool (`attribute-coreference.json`) wins over
                    // the one its code gives.
                    Provenance(
                        stage: QuoteAttributor.name, rule: $0,
                        confidence: lex.coreference.confidence[$0] ?? d.attributionConfidence,
                        evidence: [d.speakerRef?.text, cue?.text].compactMap { $0 }.joined(separator: " | "))
                })
            if let root = rootOf[order[k]] {
                nestedQuotes[root, default: []].append(quote)
            } else {
                document.quotes.append(quote)
            }
        }
        // Nested quotes travel inside their top-level quote, so that the document's `quotes` stay the statements of
        // its speakers.
        var position: [String: Int] = [:]
        for (k, q) in document.quotes.enumerated() { position[q.id] = k }
        for (root, list) in nestedQuotes {
            if let id = quoteID[root], let k = position[id] { document.quotes[k].nested = list }
        }
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { i >= 0 && i < count ? self[i] : nil }
}
