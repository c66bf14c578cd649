/// The word lists the attribute stage works from, loaded from resource files named in `pipeline.json`.
///
/// A class, so that the stage, each document's run and its resolver share one copy instead of copying some forty
/// tables (a retain and a release each) per document. Filled in `init` and never changed after, hence Sendable.
final class AttributionLexicon: @unchecked Sendable {
    struct CueForm: Sendable {
        var lemma: String
        /// Lower-case words of the form ("according", "to").
        var words: [String]
        /// Thought or belief ("think"): indirect speech only.
        var belief: Bool
        /// Attributes quotes in marks but makes no indirect speech ("continued", "called").
        var quoteOnly: Bool
    }

    /// Cue forms by their first word.
    var cues: WordMap<[CueForm]> = [:]
    /// Titles by their first word, each as its words.
    var titles: WordMap<[[String]]> = [:]
    var roles: WordSet = []
    var firstNames: WordSet = []
    /// "male" / "female" for given names and gendered titles.
    var gender: WordMap<String> = [:]
    var notNames: WordSet = []
    var temporal: WordSet = []
    var pronounGender: WordMap<String> = [:]
    var possessives: WordSet = []
    var progressiveAuxiliaries: WordSet = []
    var raisingVerbs: WordSet = []
    var clauseBreaks: WordSet = []
    var objectCues: WordSet = []
    var continuationCues: WordSet = []
    /// Words after which a label reaches the colon that introduces a quote ("More from Ruiz: ‘...’").
    var colonLabelOpeners: WordSet = []
    var participlePrepositions: WordSet = []
    var affiliationPrepositions: WordSet = []
    var raisingParticles: WordSet = []
    var relativePronouns: WordSet = []
    /// Relative pronouns that only refer to people ("who", "whom").
    var personRelatives: WordSet = []
    /// Conjunctions that join a second verb to a subject ("... and said", "... but said").
    var subjectCoordinators: WordSet = []
    var quantityHeads: WordSet = []
    /// Words that stand alone for a group or an unnamed member of one as the subject of a cue ("Many fear ...",
    /// "Some say ...", "Both have argued ...", "another says ...").
    var groupPronouns: WordSet = []
    /// Words right after a cue that make it no report ("signed up", "support among voters").
    var reportStops: WordSet = []
    /// Cue lemmas of saying that take an infinitive, like the belief cues ("vowed to stay ...").
    var infinitiveCues: WordSet = []
    /// Upper-case words before a colon that head a notice, not a transcript speaker ("BREAKING:", "UPDATE:").
    var noticeLabels: WordSet = []
    /// Prepositions after which a lone capitalized word is a place ("in Ohio"), never a person.
    var placePrepositions: WordSet = []
    /// Titles that carry a role noun besides the noun itself ("senator" <- "sen."), each as its words.
    var roleTitles: [String: [[String]]] = [:]
    /// Words after which a short quotation is mentioned, not spoken ("so-called", "the film", "the hashtag").
    var mentionWords: WordSet = []
    /// Cue lemmas of a judgment with no source ("the plan seems doomed", "the vote is expected to pass"): the report
    /// is the whole clause, its subject included, and names no speaker.
    var impersonalCues: WordSet = []
    /// Words right after an impersonal cue that make it no judgment ("appeared on television").
    var impersonalStops: WordSet = []
    /// A question put to someone unnamed ("Asked whether ..., Ruiz said", "when asked about ..."): the cue lemmas,
    /// the words before the participle that leave it without a subject, and the words that open the question.
    var questionCues: WordSet = []
    var questionBefore: WordSet = []
    var questionOpeners: WordSet = []
    /// A noun phrase after one of these is the agent of a passive ("an email sent by Amazon bosses"), not a subject.
    var agentPrepositions: WordSet = []
    /// Auxiliaries of a passive before a cue's participle ("is considered", "were widely seen as"): a report with no
    /// source, read as the impersonal judgments are.
    var passiveAuxiliaries: WordSet = []
    /// Words right after a cue that open a report even when no subject is read ("..., warning that ...").
    var unsourcedOpeners: WordSet = []
    /// Conjunctions that open a subordinate clause before the main one ("Although Amazon has not said why ..., the
    /// move comes ..."): a report in such a clause ends at its comma.
    var subordinators: WordSet = []
    var pronouns: WordMap<Speaker.Kind> = [:]
    var skipBeforeCue: WordSet = []
    var indefinite: WordSet = []
    var definite: WordSet = []
    var organizationWords: WordSet = []
    var stopwords: WordSet = []
    var prepositions: WordSet = []
    var postmodifiers: WordSet = []
    var complementizers: WordSet = []
    var clauseStops: WordSet = []
    /// Titles written with a final period ("Mr.", "Gov."), kept whole by the tokenizer.
    var dottedTitles: WordSet = []
    /// Speaker coreference settings (`attribute-coreference.json`). A constant, so that reading a setting
    /// (`lex.coreference.runs(...)`, `.limits`) does not copy the whole struct with its sets.
    let coreference: Coreference

    /// The passes, limits and constraints of speaker coreference, and the confidence of each attribution rule.
    struct Coreference: Decodable, Sendable {
        /// Every pass the resolver knows, in the order it runs them.
        static let known = [
            "speaker.name", "speaker.mention", "speaker.subject", "speaker.pronoun-subject", "speaker.addressee",
            "speaker.definite-description", "speaker.definite-salient", "speaker.document-author",
            "speaker.cataphora", "speaker.pronoun-gender",
            "speaker.pronoun", "speaker.pronoun-across-inset", "speaker.anonymous", "speaker.group",
            "speaker.description",
        ]
        struct Limits: Decodable, Sendable {
            var pronounParagraphs = 12
            var salienceChars = 600
            var salienceParagraphs = 3
            var subjectAdjunctTokens = 10
            var subjectSalienceParagraphs = 1
            var knownGenderParagraphs = 2
            var definitePersonParagraphs = 12
            var definiteOrganizationParagraphs = 1
            var definiteSalientParagraphs = 1
            var appositionRoleTokens = 8
            var documentAuthorParagraphs = 1
            var cataphoraTokens = 30
            enum CodingKeys: String, CodingKey {
                case pronounParagraphs = "pronoun_paragraphs", salienceChars = "salience_chars",
                    salienceParagraphs = "salience_paragraphs", subjectAdjunctTokens = "subject_adjunct_tokens",
                    subjectSalienceParagraphs = "subject_salience_paragraphs",
                    knownGenderParagraphs = "known_gender_paragraphs",
                    definitePersonParagraphs = "definite_person_paragraphs",
                    definiteOrganizationParagraphs = "definite_organization_paragraphs",
                    definiteSalientParagraphs = "definite_salient_paragraphs",
                    appositionRoleTokens = "apposition_role_tokens",
                    documentAuthorParagraphs = "document_author_paragraphs", cataphoraTokens = "cataphora_tokens"
            }
            init() {}
            init(from decoder: Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                let d = Limits()
                pronounParagraphs = try c.decodeIfPresent(Int.self, forKey: .pronounParagraphs) ?? d.pronounParagraphs
                salienceChars = try c.decodeIfPresent(Int.self, forKey: .salienceChars) ?? d.salienceChars
                salienceParagraphs =
                    try c.decodeIfPresent(Int.self, forKey: .salienceParagraphs) ?? d.salienceParagraphs
                subjectAdjunctTokens =
                    try c.decodeIfPresent(Int.self, forKey: .subjectAdjunctTokens) ?? d.subjectAdjunctTokens
                subjectSalienceParagraphs =
                    try c.decodeIfPresent(Int.self, forKey: .subjectSalienceParagraphs) ?? d.subjectSalienceParagraphs
                knownGenderParagraphs =
                    try c.decodeIfPresent(Int.self, forKey: .knownGenderParagraphs) ?? d.knownGenderParagraphs
                definitePersonParagraphs =
                    try c.decodeIfPresent(Int.self, forKey: .definitePersonParagraphs) ?? d.definitePersonParagraphs
                definiteOrganizationParagraphs =
                    try c.decodeIfPresent(Int.self, forKey: .definiteOrganizationParagraphs)
                    ?? d.definiteOrganizationParagraphs
                definiteSalientParagraphs =
                    try c.decodeIfPresent(Int.self, forKey: .definiteSalientParagraphs) ?? d.definiteSalientParagraphs
                appositionRoleTokens =
                    try c.decodeIfPresent(Int.self, forKey: .appositionRoleTokens) ?? d.appositionRoleTokens
                documentAuthorParagraphs =
                    try c.decodeIfPresent(Int.self, forKey: .documentAuthorParagraphs) ?? d.documentAuthorParagraphs
                cataphoraTokens = try c.decodeIfPresent(Int.self, forKey: .cataphoraTokens) ?? d.cataphoraTokens
            }
        }
        var passes: [String] = Coreference.known
        var limits = Limits()
        var preferKnownGender: WordSet = []
        var inanimateRoles: WordSet = []
        var notPersons: WordSet = []
        /// Place names as lower-case word sequences, by their first word.
        var places: [String: [[String]]] = [:]
        var confidence: [String: Double] = [:]
        /// What may follow a pronoun's apostrophe in a contraction ("he’s", "I’m").
        var contractionSuffixes: WordSet = []
        /// Head nouns of a description that brings in someone new ("the man", "the moderator"), never the salient
        /// person (`speaker.definite-salient`).
        var newPersonHeads: WordSet = []
        /// Head nouns of the descriptions `speaker.definite-salient` may give the salient person: a person's standing
        /// in the story ("the nominee", "the senator", "the businessman"). A role someone holds in a scene ("the
        /// host", "the judge", "the former secretary of state") is linked only with evidence that the person holds it
        /// (pass `speaker.definite-description`). Empty: any head not in `new_person_heads`.
        var salientHeads: WordSet = []
        /// Words of names that are never a speaker's whole name ("Republican", "American").
        var notLoneNames: WordSet = []
        /// Words that put a question to the person named right after them ("asked Roe"), who answers next
        /// (`speaker.addressee`).
        var addresseeCues: WordSet = []
        /// Organization nouns that name a person's body ("the campaign"), never linked to the organization named last.
        var personBodies: WordSet = []
        /// Nouns of a document that speaks for whoever issued it ("the statement", "the ad"), and verbs that
        /// introduce one ("emailed" an email): pass `speaker.document-author`.
        var documentRoles: WordSet = []
        var documentVerbs: WordMap<String> = [:]
        /// Words after a document noun that name its author next ("issued by", "from").
        var authorPrepositions: WordSet = []
        /// Pronouns of the writer ("I said" outside a quote): never linked to a person of the story.
        var narratorPronouns: WordSet = []
        /// Particles of a phrasal verb ("sent out" a statement), read over to the verb's subject.
        var verbParticles: WordSet = []
        /// Cue lemmas of an outlet relaying the story ("…, Right Wing Watch first reported"): a name of unknown kind
        /// before one is not registered ahead as a speaker, so never made salient for "he" or "she".
        var relayCues: WordSet = []

        enum CodingKeys: String, CodingKey {
            case passes, limits, preferKnownGender = "prefer_known_gender", inanimateRoles = "inanimate_roles",
                notPersons = "not_persons", places, confidence, contractionSuffixes = "contraction_suffixes",
                newPersonHeads = "new_person_heads", salientHeads = "salient_heads", notLoneNames = "not_lone_names",
                addresseeCues = "addressee_cues", personBodies = "person_bodies", documentRoles = "document_roles",
                documentVerbs = "document_verbs", authorPrepositions = "author_prepositions",
                narratorPronouns = "narrator_pronouns", verbParticles = "verb_particles", relayCues = "relay_cues"
        }
        init() {}
        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            passes = try c.decodeIfPresent([String].self, forKey: .passes) ?? Coreference.known
            limits = try c.decodeIfPresent(Limits.self, forKey: .limits) ?? Limits()
            preferKnownGender = WordSet(try c.decodeIfPresent([String].self, forKey: .preferKnownGender) ?? [])
            inanimateRoles = WordSet(try c.decodeIfPresent([String].self, forKey: .inanimateRoles) ?? [])
            notPersons = WordSet(try c.decodeIfPresent([String].self, forKey: .notPersons) ?? [])
            for p in try c.decodeIfPresent([String].self, forKey: .places) ?? [] {
                let words = p.lowercased().split(separator: " ").map(String.init)
                if let first = words.first { places[first, default: []].append(words) }
            }
            confidence = try c.decodeIfPresent([String: Double].self, forKey: .confidence) ?? [:]
            contractionSuffixes = WordSet(try c.decodeIfPresent([String].self, forKey: .contractionSuffixes) ?? [])
            newPersonHeads = WordSet(try c.decodeIfPresent([String].self, forKey: .newPersonHeads) ?? [])
            salientHeads = WordSet(try c.decodeIfPresent([String].self, forKey: .salientHeads) ?? [])
            notLoneNames = WordSet(try c.decodeIfPresent([String].self, forKey: .notLoneNames) ?? [])
            addresseeCues = WordSet(try c.decodeIfPresent([String].self, forKey: .addresseeCues) ?? [])
            personBodies = WordSet(try c.decodeIfPresent([String].self, forKey: .personBodies) ?? [])
            documentRoles = WordSet(try c.decodeIfPresent([String].self, forKey: .documentRoles) ?? [])
            documentVerbs = WordMap(try c.decodeIfPresent([String: String].self, forKey: .documentVerbs) ?? [:])
            authorPrepositions = WordSet(try c.decodeIfPresent([String].self, forKey: .authorPrepositions) ?? [])
            narratorPronouns = WordSet(try c.decodeIfPresent([String].self, forKey: .narratorPronouns) ?? [])
            verbParticles = WordSet(try c.decodeIfPresent([String].self, forKey: .verbParticles) ?? [])
            relayCues = WordSet(try c.decodeIfPresent([String].self, forKey: .relayCues) ?? [])
        }

        /// Whether the pass runs (listed in `passes`).
        func runs(_ pass: String) -> Bool { passes.contains(pass) }

        /// Whether the lower-case words are exactly a listed place.
        func isPlace(_ words: [String]) -> Bool {
            guard let first = words.first, let list = places[first] else { return false }
            return list.contains(words)
        }
    }

    struct Words: Decodable {
        var pronouns: [String: String]
        var skipBeforeCue: [String]
        var determinersIndefinite: [String]
        var determinersDefinite: [String]
        var organizationWords: [String]
        var stopwords: [String]
        var prepositions: [String]
        var postmodifiers: [String]
        var complementizers: [String]
        var clauseStops: [String]
        var notNames: [String]
        var temporal: [String]
        var pronounGender: [String: String]
        var titleGender: [String: String]
        var possessives: [String]
        var progressiveAuxiliaries: [String]
        var raisingVerbs: [String]
        var clauseBreaks: [String]
        var objectCues: [String]
        var continuationCues: [String]
        var participlePrepositions: [String]?
        var affiliationPrepositions: [String]?
        var raisingParticles: [String]?
        var relativePronouns: [String]?
        var personRelatives: [String]?
        var subjectCoordinators: [String]?
        var quantityHeads: [String]?
        var groupPronouns: [String]?
        var reportStops: [String]?
        var infinitiveCues: [String]?
        var noticeLabels: [String]?
        var placePrepositions: [String]?
        var roleTitles: [String: [String]]?
        var mentionWords: [String]?
        var impersonalCues: [String]?
        var impersonalStops: [String]?
        var questionCues: [String]?
        var questionBefore: [String]?
        var questionOpeners: [String]?
        var agentPrepositions: [String]?
        var passiveAuxiliaries: [String]?
        var unsourcedOpeners: [String]?
        var subordinators: [String]?
        var colonLabelOpeners: [String]?
        enum CodingKeys: String, CodingKey {
            case pronouns, skipBeforeCue = "skip_before_cue", determinersIndefinite = "determiners_indefinite",
                determinersDefinite = "determiners_definite", organizationWords = "organization_words", stopwords,
                prepositions, postmodifiers, complementizers, clauseStops = "clause_stops", notNames = "not_names",
                temporal, pronounGender = "pronoun_gender", titleGender = "title_gender", possessives,
                progressiveAuxiliaries = "progressive_auxiliaries", raisingVerbs = "raising_verbs", clauseBreaks =
                "clause_breaks", objectCues = "object_cues", continuationCues = "continuation_cues",
                participlePrepositions = "participle_prepositions", affiliationPrepositions =
                "affiliation_prepositions",
                raisingParticles = "raising_particles", relativePronouns = "relative_pronouns", personRelatives =
                "person_relatives",
                subjectCoordinators = "subject_coordinators",
                quantityHeads = "quantity_heads", groupPronouns = "group_pronouns", reportStops = "report_stops",
                infinitiveCues = "infinitive_cues", noticeLabels = "notice_labels",
                placePrepositions = "place_prepositions",
                roleTitles = "role_titles", mentionWords = "mention_words", impersonalCues = "impersonal_cues",
                impersonalStops = "impersonal_stops", questionCues = "question_cues", questionBefore =
                "question_before",
                questionOpeners = "question_openers", agentPrepositions = "agent_prepositions",
                passiveAuxiliaries = "passive_auxiliaries", unsourcedOpeners = "unsourced_openers",
                subordinators, colonLabelOpeners = "colon_label_openers"
        }
    }

    init(config: QuoteAttributor.Config, resources: ResourceLoader) throws {
        var belief = false
        var quoteOnly = false
        var cues: [String: [CueForm]] = [:]
        for line in try resources.lines(config.cues) {
            if line.hasPrefix("[") {
                guard ["[speech]", "[belief]", "[quote-only]"].contains(line) else {
                    throw HearsayError(
                        code: "resource.invalid",
                        message: "cue lexicon: unknown section '\(line)' (known: [speech], [belief], [quote-only])",
                        file: config.cues)
                }
                belief = line == "[belief]"
                quoteOnly = line == "[quote-only]"
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                throw HearsayError(
                    code: "resource.invalid", message: "cue lexicon: line '\(line)' has no 'lemma:'", file: config.cues)
            }
            let lemma = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
            let rest = line[line.index(after: colon)...]
            // A lemma with spaces has multi-word forms separated by `|`; otherwise each word after the colon is a form.
            let forms: [[String]] =
                lemma.contains(" ")
                ? rest.split(separator: "|").map { $0.split(separator: " ").map { $0.lowercased() } }
                : rest.split(separator: " ").map { [$0.lowercased()] }
            for f in forms where !f.isEmpty {
                cues[f[0], default: []].append(CueForm(lemma: lemma, words: f, belief: belief, quoteOnly: quoteOnly))
            }
        }
        for key in cues.keys { cues[key]!.sort { $0.words.count > $1.words.count } }
        self.cues = WordMap(cues)
        var titles: [String: [[String]]] = [:]
        for line in try resources.lines(config.titles) {
            for entry in line.split(separator: ",") {
                let words = entry.lowercased().split(separator: " ").map(String.init)
                if let first = words.first { titles[first, default: []].append(words) }
            }
        }
        for key in titles.keys { titles[key]!.sort { $0.count > $1.count } }
        self.titles = WordMap(titles)
        var roleList: [String] = []
        for line in try resources.lines(config.roles) {
            for w in line.lowercased().split(separator: " ") { roleList.append(String(w)) }
        }
        roles = WordSet(roleList)
        var section = "any"
        var givenNames: [String] = []
        var gender: [String: String] = [:]
        for line in try resources.lines(config.firstNames) {
            if line.hasPrefix("[") {
                section = String(line.dropFirst().dropLast())
                continue
            }
            for w in line.lowercased().split(separator: " ") {
                givenNames.append(String(w))
                if section == "male" || section == "female" { gender[String(w)] = section }
            }
        }
        firstNames = WordSet(givenNames)
        let words = try resources.json(Words.self, config.words)
        pronouns = WordMap(words.pronouns.mapValues { Speaker.Kind(rawValue: $0) ?? .unknown })
        skipBeforeCue = WordSet(words.skipBeforeCue)
        indefinite = WordSet(words.determinersIndefinite)
        definite = WordSet(words.determinersDefinite)
        organizationWords = WordSet(words.organizationWords)
        stopwords = WordSet(words.stopwords)
        prepositions = WordSet(words.prepositions)
        postmodifiers = WordSet(words.postmodifiers)
        complementizers = WordSet(words.complementizers)
        clauseStops = WordSet(words.clauseStops)
        notNames = WordSet(words.notNames)
        temporal = WordSet(words.temporal)
        pronounGender = WordMap(words.pronounGender)
        possessives = WordSet(words.possessives)
        progressiveAuxiliaries = WordSet(words.progressiveAuxiliaries)
        raisingVerbs = WordSet(words.raisingVerbs)
        clauseBreaks = WordSet(words.clauseBreaks)
        objectCues = WordSet(words.objectCues)
        continuationCues = WordSet(words.continuationCues)
        colonLabelOpeners = WordSet(words.colonLabelOpeners ?? [])
        participlePrepositions = WordSet(words.participlePrepositions ?? [])
        affiliationPrepositions = WordSet(words.affiliationPrepositions ?? [])
        raisingParticles = WordSet(words.raisingParticles ?? [])
        relativePronouns = WordSet(words.relativePronouns ?? [])
        personRelatives = WordSet(words.personRelatives ?? [])
        subjectCoordinators = WordSet(words.subjectCoordinators ?? ["and"])
        quantityHeads = WordSet(words.quantityHeads ?? [])
        groupPronouns = WordSet((words.groupPronouns ?? []).map { $0.lowercased() })
        reportStops = WordSet((words.reportStops ?? []).map { $0.lowercased() })
        infinitiveCues = WordSet(words.infinitiveCues ?? [])
        noticeLabels = WordSet(words.noticeLabels ?? [])
        placePrepositions = WordSet(words.placePrepositions ?? [])
        for (role, list) in words.roleTitles ?? [:] {
            roleTitles[role] = list.map { $0.lowercased().split(separator: " ").map(String.init) }
        }
        mentionWords = WordSet((words.mentionWords ?? []).map { $0.lowercased() })
        impersonalCues = WordSet(words.impersonalCues ?? [])
        impersonalStops = WordSet((words.impersonalStops ?? []).map { $0.lowercased() })
        questionCues = WordSet(words.questionCues ?? [])
        questionBefore = WordSet((words.questionBefore ?? []).map { $0.lowercased() })
        questionOpeners = WordSet((words.questionOpeners ?? []).map { $0.lowercased() })
        agentPrepositions = WordSet((words.agentPrepositions ?? []).map { $0.lowercased() })
        passiveAuxiliaries = WordSet((words.passiveAuxiliaries ?? []).map { $0.lowercased() })
        unsourcedOpeners = WordSet((words.unsourcedOpeners ?? []).map { $0.lowercased() })
        subordinators = WordSet((words.subordinators ?? []).map { $0.lowercased() })
        for (k, v) in words.titleGender { gender[k] = v }
        self.gender = WordMap(gender)
        coreference = try resources.json(Coreference.self, config.coreference)
        for p in coreference.passes where !Coreference.known.contains(p) {
            throw HearsayError(
                code: "resource.invalid",
                message: "coreference: unknown pass '\(p)' (known: \(Coreference.known.joined(separator: ", ")))",
                file: config.coreference)
        }
        for (rule, c) in coreference.confidence where !(0...1).contains(c) {
            throw HearsayError(
                code: "resource.invalid", message: "coreference: confidence of '\(rule)' must be within 0 and 1",
                file: config.coreference)
        }
        var dotted: [String] = []
        for (_, list) in titles {
            for t in list where t.count == 1 && t[0].hasSuffix(".") { dotted.append(String(t[0].dropLast())) }
        }
        dottedTitles = WordSet(dotted)
        var listed = Set(cues.keys).union(titles.keys).union(pronouns.keys)
        for list in [
            stopwords, notNames, definite, indefinite, firstNames, roles, prepositions, postmodifiers, clauseStops,
            possessives, raisingVerbs, raisingParticles, placePrepositions, skipBeforeCue, temporal,
            progressiveAuxiliaries, complementizers,
        ] {
            listed.formUnion(list)
        }
        var table: [String: WordClasses] = [:]
        for w in listed {
            let c = listClasses(of: w)
            if !c.isEmpty { table[w] = c }
        }
        wordClasses = WordMap(table)
    }

    /// The word lists a lower-case word is in, as bits, so that the rules on hot paths test a token's
    /// ``Token/classes`` instead of hashing its word again for every list (`Tokenizer.tokenize(_:lexicon:)` looks
    /// each distinct word of a document up once).
    func classes(of lower: String) -> WordClasses {
        var c = wordClasses[lower] ?? []
        // "he’s", "I'm": only a word with an apostrophe can be a contracted pronoun.
        if lower.utf8.contains(where: { $0 == UInt8(ascii: "'") || $0 == 0x99 }), pronounWord(lower) != lower {
            c.insert(.contractedPronoun)
        }
        return c
    }

    /// ``classes(of:)`` of every word some list holds, except `contractedPronoun`; built once, after the lists.
    private(set) var wordClasses: WordMap<WordClasses> = [:]

    /// The lists `lower` is in (every class but `contractedPronoun`), looked up list by list.
    private func listClasses(of lower: String) -> WordClasses {
        var c: WordClasses = []
        if let forms = cues[lower] {
            c.insert(.cueStart)
            if forms.contains(where: { $0.words.count == 1 }) { c.insert(.singleWordCue) }
        }
        if stopwords.contains(lower) { c.insert(.stopword) }
        if notNames.contains(lower) { c.insert(.notName) }
        if definite.contains(lower) { c.insert(.definite) }
        if indefinite.contains(lower) { c.insert(.indefinite) }
        if titles[lower] != nil { c.insert(.titleStart) }
        if firstNames.contains(lower) { c.insert(.firstName) }
        if roles.contains(lower) { c.insert(.role) }
        if prepositions.contains(lower) { c.insert(.preposition) }
        if postmodifiers.contains(lower) { c.insert(.postmodifier) }
        if clauseStops.contains(lower) { c.insert(.clauseStop) }
        if possessives.contains(lower) { c.insert(.possessive) }
        if raisingVerbs.contains(lower) { c.insert(.raisingVerb) }
        if raisingParticles.contains(lower) { c.insert(.raisingParticle) }
        if pronouns[lower] != nil { c.insert(.pronoun) }
        if placePrepositions.contains(lower) { c.insert(.placePreposition) }
        if skipBeforeCue.contains(lower) { c.insert(.skipBeforeCue) }
        if temporal.contains(lower) { c.insert(.temporal) }
        if progressiveAuxiliaries.contains(lower) { c.insert(.progressiveAuxiliary) }
        if complementizers.contains(lower) { c.insert(.complementizer) }
        return c
    }

    /// The pronoun part of a contraction ("he’s" -> "he"), or the word itself.
    func pronounWord(_ lower: String) -> String {
        guard let cut = lower.firstIndex(where: { $0 == "’" || $0 == "'" }) else { return lower }
        let head = String(lower[..<cut])
        let tail = String(lower[lower.index(after: cut)...])
        return pronouns[head] != nil && coreference.contractionSuffixes.contains(tail) ? head : lower
    }

    /// The longest cue form starting at token `i`, with the number of tokens it covers.
    ///
    /// A capitalized cue only counts at the start of a sentence ("According to ..."), so "the United States" is no
    /// cue.
    func cue(at i: Int, in tokens: [Token]) -> (CueForm, Int)? {
        guard tokens[i].isWord, tokens[i].classes.contains(.cueStart), let forms = cues[tokens[i].lower] else {
            return nil
        }
        if tokens[i].isCapitalized, i > 0, tokens[i - 1].sentence == tokens[i].sentence {
            guard tokens[i].titleCase else { return nil }
            // In title case a capitalized cue must follow a name that opens its clause ("Roe Said ...", "At A
            // Summit, Pat Roe Said ..."), not any capitalized word ("After Leaving State").
            var k = i - 1
            while k >= 0, tokens[k].sentence == tokens[i].sentence, tokens[k].isWord, tokens[k].isCapitalized,
                !tokens[k].classes.contains(.stopword), !tokens[k].classes.contains(.cueStart)
            {
                k -= 1
            }
            guard k < i - 1, k < 0 || tokens[k].sentence != tokens[i].sentence || tokens[k].text == "," else {
                return nil
            }
        }
        // After a determiner, a possessive or a preposition the word is a noun ("his claims", "praise from").
        if i > 0, tokens[i - 1].sentence == tokens[i].sentence, tokens[i - 1].isWord {
            let before = tokens[i - 1].lower
            // "to" is no preposition after a raising verb: "he went on to say", "she appeared to suggest".
            let raised =
                before == "to" && i >= 2
                && (tokens[i - 2].classes.contains(.raisingVerb)
                    || i >= 3 && tokens[i - 2].classes.contains(.raisingParticle)
                        && tokens[i - 3].classes.contains(.raisingVerb))
            if !raised,
                !tokens[i - 1].classes.isDisjoint(with: [.definite, .possessive, .preposition])
                    || before == "a" || before == "an"
            {
                return nil
            }
        }
        for f in forms {
            var ok = true
            var k = 0
            var j = i
            while k < f.words.count {
                guard j < tokens.count, tokens[j].isWord, tokens[j].lower == f.words[k] else {
                    ok = false
                    break
                }
                k += 1
                j += 1
            }
            if ok { return (f, f.words.count) }
        }
        return nil
    }
}

/// The word lists of ``AttributionLexicon`` a lower-case word is in (``AttributionLexicon/classes(of:)``).
struct WordClasses: OptionSet, Sendable {
    let rawValue: UInt32
    /// The first word of a cue form (a key of `cues`).
    static let cueStart = WordClasses(rawValue: 1 << 0)
    /// A cue form of this one word.
    static let singleWordCue = WordClasses(rawValue: 1 << 1)
    static let stopword = WordClasses(rawValue: 1 << 2)
    static let notName = WordClasses(rawValue: 1 << 3)
    static let definite = WordClasses(rawValue: 1 << 4)
    static let indefinite = WordClasses(rawValue: 1 << 5)
    /// The first word of a title (a key of `titles`).
    static let titleStart = WordClasses(rawValue: 1 << 6)
    static let firstName = WordClasses(rawValue: 1 << 7)
    static let role = WordClasses(rawValue: 1 << 8)
    static let preposition = WordClasses(rawValue: 1 << 9)
    static let postmodifier = WordClasses(rawValue: 1 << 10)
    static let clauseStop = WordClasses(rawValue: 1 << 11)
    static let possessive = WordClasses(rawValue: 1 << 12)
    static let raisingVerb = WordClasses(rawValue: 1 << 13)
    static let raisingParticle = WordClasses(rawValue: 1 << 14)
    /// A key of `pronouns`.
    static let pronoun = WordClasses(rawValue: 1 << 15)
    /// A pronoun contracted with a verb ("he’s": `pronounWord` differs from the word).
    static let contractedPronoun = WordClasses(rawValue: 1 << 16)
    static let placePreposition = WordClasses(rawValue: 1 << 17)
    static let skipBeforeCue = WordClasses(rawValue: 1 << 18)
    static let temporal = WordClasses(rawValue: 1 << 19)
    static let progressiveAuxiliary = WordClasses(rawValue: 1 << 20)
    static let complementizer = WordClasses(rawValue: 1 << 21)
}

/// A word or punctuation mark of the normalized text.
struct Token: Sendable {
    var span: Span
    var text: String
    var lower: String
    /// The document's number for `lower` (equal words, equal ids; 0..<the number of distinct words), so per-document
    /// word sets are arrays of flags.
    var id: Int32 = -1
    /// The lexicon's lists `lower` is in.
    var classes: WordClasses = []
    var isWord: Bool
    var isCapitalized: Bool
    var sentence: Int
    var paragraph: Int
    /// Inside a quotation's content.
    var quoted: Bool = false
    /// In a sentence written in title case ("Clinton Said That The Blame ..."), where capitals tell nothing.
    var titleCase: Bool = false
    /// Written in capitals: at least two scalars, each upper-case or a period ("US", "F.B.I.").
    var isAllCaps: Bool = false
    /// `lower` opens with a letter.
    var lowerStartsWithLetter: Bool = false

    /// The word may end in an apostrophe or in "s" after one: its last UTF-8 byte is "s", "'" or the last byte
    /// of "’". When it is not, no suffix test below can hold (neither mark has another canonical form), so the
    /// Unicode-aware `hasSuffix` is skipped for most words.
    private var mayEndInApostrophe: Bool {
        guard let last = text.utf8.last else { return false }
        return last == UInt8(ascii: "s") || last == UInt8(ascii: "'") || last == 0x99
    }

    /// The word without a possessive ending ("Amazon’s" -> "Amazon").
    var base: String {
        guard mayEndInApostrophe else { return text }
        for suffix in ["’s", "'s"] where text.hasSuffix(suffix) { return String(text.dropLast(2)) }
        if text.hasSuffix("’") || text.hasSuffix("'") { return String(text.dropLast()) }
        return text
    }
    var isPossessive: Bool { mayEndInApostrophe && (text.hasSuffix("’s") || text.hasSuffix("'s")) }
}

enum Tokenizer {
    /// Words (letters and digits, with inner apostrophes, hyphens and periods) and single punctuation marks.
    ///
    /// Each token gets the document's id of its lower-case form and, with a `lexicon`, the lists that form is in,
    /// looked up once per distinct word.
    static func tokenize(_ document: Document, lexicon: AttributionLexicon? = nil) -> [Token] {
        let dotted = lexicon?.dottedTitles ?? []
        let sc = document.scalars
        var tokens: [Token] = []
        tokens.reserveCapacity(sc.count / 5)
        // What a spelling gives a token, found once per distinct spelling of the document.
        struct Entry {
            var text: String
            var lower: String
            var id: Int32
            var classes: WordClasses
            var allCaps: Bool
            var lowerStartsWithLetter: Bool
        }
        // Spellings of up to 16 ASCII bytes (nearly every word) by their packed bytes, so that no String is made,
        // hashed or compared for a spelling seen before: an index into `entries`. Others by their text (a hit must
        // be the same bytes, not only canonically equal). Lower-case forms by their text, for the word ids.
        var packed = PackedSpellings(capacity: sc.count / 8)
        var entries: [Entry] = []
        var known: [String: Entry] = [:]
        var ids: [String: (id: Int32, classes: WordClasses)] = [:]
        // The same for lower-case forms of up to 16 ASCII bytes: an index into `shortIDs`.
        var packedLower = PackedSpellings(capacity: sc.count / 8)
        var shortIDs: [(id: Int32, classes: WordClasses)] = []
        entries.reserveCapacity(sc.count / 16)
        // Whether a short word before a period is a dotted title ("Gov."), by its packed bytes (1 no, 2 yes).
        var dottedSeen = PackedSpellings(capacity: 64)
        func entry(_ text: String, _ i: Int, _ j: Int) -> Entry {
            let lower = text.lowercased()
            let e: (id: Int32, classes: WordClasses)
            let key = PackedSpellings.key(lower)
            if key.0 != 0, let k = packedLower.find(key) {
                e = shortIDs[k]
            } else if key.0 == 0, let f = ids[lower] {
                e = f
            } else {
                e = (Int32(ids.count + shortIDs.count), lexicon?.classes(of: lower) ?? [])
                if key.0 != 0 {
                    packedLower.insert(key, shortIDs.count)
                    shortIDs.append(e)
                } else {
                    ids[lower] = e
                }
            }
            let allCaps = j - i >= 2 && sc[i..<j].allSatisfy { $0.isUppercaseFast || $0 == "." }
            let letter = lower.unicodeScalars.first?.isAlphabeticFast == true
            return Entry(
                text: text, lower: lower, id: e.id, classes: e.classes, allCaps: allCaps, lowerStartsWithLetter: letter)
        }
        for s in document.sentences {
            var i = s.span.start
            let end = s.span.end
            while i < end {
                let c = sc[i]
                if c == " " || c == "\n" || c == "\t" || c == "\u{A0}" {
                    i += 1
                    continue
                }
                var j = i
                if isWordScalar(c) {
                    j += 1
                    while j < end {
                        let d = sc[j]
                        if isWordScalar(d) {
                            j += 1
                            continue
                        }
                        // Inner apostrophe, hyphen, period or ampersand followed by a word scalar.
                        if d == "’" || d == "'" || d == "-" || d == "." || d == "&" || d == "‐" {
                            if j + 1 < end, isWordScalar(sc[j + 1]) {
                                j += 2
                                continue
                            }
                            // Possessive s’ at a word end ("News’").
                            if d == "’" || d == "'", sc[j - 1] == "s" || sc[j - 1] == "S", j + 1 < end, sc[j + 1] == " "
                            {
                                j += 1
                            }
                            // Abbreviation period: single capital letter or known dotted form (U.S.).
                            if d == ".", j - i <= 3, sc[j - 1].isUppercaseFast, j + 1 < end,
                                sc[j + 1] != " " || j - i == 1
                            {
                                j += 1
                            }
                        }
                        break
                    }
                } else {
                    j += 1
                }
                if isWordScalar(c), j < end, sc[j] == ".", j - i <= 5 {
                    let key = PackedSpellings.key(sc, i, j)
                    var isDotted: Bool
                    if key.0 != 0, let seen = dottedSeen.find(key) {
                        isDotted = seen == 2
                    } else {
                        isDotted = dotted.contains(document.string(Span(i, j)).lowercased())
                        if key.0 != 0 { dottedSeen.insert(key, isDotted ? 2 : 1) }
                    }
                    if isDotted { j += 1 }
                }
                let span = Span(i, j)
                let word = isWordScalar(c)
                let e: Entry
                let key = PackedSpellings.key(sc, i, j)
                if key.0 != 0 {
                    if let k = packed.find(key) {
                        e = entries[k]
                    } else {
                        e = entry(document.string(span), i, j)
                        packed.insert(key, entries.count)
                        entries.append(e)
                    }
                } else {
                    let text = document.string(span)
                    if let f = known[text], f.text.utf8.elementsEqual(text.utf8) {
                        e = f
                    } else {
                        e = entry(text, i, j)
                        if known[text] == nil { known[text] = e }
                    }
                }
                tokens.append(
                    Token(
                        span: span, text: e.text, lower: e.lower, id: e.id, classes: e.classes, isWord: word,
                        isCapitalized: word && c.isUppercaseFast, sentence: s.id, paragraph: s.paragraph,
                        isAllCaps: e.allCaps, lowerStartsWithLetter: e.lowerStartsWithLetter))
                i = j
            }
        }
        return tokens
    }

    /// A map from short ASCII spellings to small integers, keyed by their bytes packed in two `UInt64` (open
    /// addressing, a multiplicative hash): the same bytes, the same key, so no String is made, hashed or compared.
    struct PackedSpellings {
        typealias Key = (UInt64, UInt64)
        private var keys: [Key]
        private var values: [Int]
        private var count = 0

        init(capacity: Int) {
            var n = 64
            while n < capacity * 2 { n *= 2 }
            keys = Array(repeating: (0, 0), count: n)
            values = Array(repeating: 0, count: n)
        }

        /// ``key(_:_:_:)`` of the scalars of `s`.
        static func key(_ s: String) -> Key {
            var k0: UInt64 = 0
            var k1: UInt64 = 0
            var shift: UInt64 = 0
            for b in s.utf8 {
                guard shift < 128, b != 0, b < 0x80 else { return (0, 0) }
                if shift < 64 { k0 |= UInt64(b) << shift } else { k1 |= UInt64(b) << (shift - 64) }
                shift += 8
            }
            return (k0, k1)
        }

        /// The UTF-8 bytes of scalars `i..<j` of `sc` packed little-endian, the first eight in `.0`; `(0, 0)` when
        /// they are more than 16, or not all ASCII, or hold a NUL.
        @inline(__always) static func key(_ sc: [Unicode.Scalar], _ i: Int, _ j: Int) -> Key {
            guard j - i <= 16 else { return (0, 0) }
            var k0: UInt64 = 0
            var k1: UInt64 = 0
            var shift: UInt64 = 0
            for p in i..<j {
                let b = UInt64(sc[p].value)
                guard b != 0, b < 0x80 else { return (0, 0) }
                if shift < 64 { k0 |= b << shift } else { k1 |= b << (shift - 64) }
                shift += 8
            }
            return (k0, k1)
        }

        @inline(__always) private func slot(_ key: Key) -> Int {
            let h = (key.0 &* 0x9E37_79B9_7F4A_7C15) ^ (key.1 &* 0xC2B2_AE3D_27D4_EB4F)
            return Int(truncatingIfNeeded: h >> 32) & (keys.count - 1)
        }

        func find(_ key: Key) -> Int? {
            var i = slot(key)
            while keys[i].0 != 0 {
                if keys[i] == key { return values[i] }
                i = (i + 1) & (keys.count - 1)
            }
            return nil
        }

        mutating func insert(_ key: Key, _ value: Int) {
            if (count + 1) * 2 > keys.count {
                let old = zip(keys, values).filter { $0.0.0 != 0 }
                keys = Array(repeating: (0, 0), count: keys.count * 2)
                values = Array(repeating: 0, count: keys.count)
                count = 0
                for (k, v) in old { insert(k, v) }
            }
            var i = slot(key)
            while keys[i].0 != 0 {
                if keys[i] == key {
                    values[i] = value
                    return
                }
                i = (i + 1) & (keys.count - 1)
            }
            keys[i] = key
            values[i] = value
            count += 1
        }
    }

    @inline(__always) static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        c.isAlphabeticFast || (c.value >= 48 && c.value <= 57)
    }
}
