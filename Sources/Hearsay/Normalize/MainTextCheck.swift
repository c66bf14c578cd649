import Foundation

/// Whether the main text the extractor kept is plausible for the page, measured against what the page itself says
/// its article is (trafilatura checks its result the same way and falls back to baseline extractors).
///
/// References, in the order they are tested (the first one the kept text falls short of names the shortfall):
/// 1. `evidence`: the JSON-LD `articleBody` (non-space characters), when it has at least 200;
/// 2. `article`: the paragraph text of the page's `<article>` element (the one with the most; listings of several
///    `<article>`s do not count), when it has at least `min_reference_chars`;
/// 3. `paragraphs`: the page's paragraph text, when it has at least `min_reference_chars`;
/// 4. `headline`: a page that declares an article headline (JSON-LD article type, `og:type` article) should keep
///    at least `min_words_with_headline` words.
///
/// "Paragraph text" counts the non-space characters of `<p>` blocks of at least `min_paragraph_chars` whose links
/// cover under half, outside subtrees with a `boilerplate` class word (comments, related links). The kept text
/// counts every kept block except headings. All shares and sizes come from `normalize.html.main_text_check`.
///
/// Wider regions for the fallback (``widerRegions()``): the `<article>` above, and the element whose own `<p>`
/// children hold the most paragraph text. The extractor tries them; this type holds no extraction logic.
/// Diagnostic codes: `normalize.main-text-replaced`, `normalize.main-text-short` (warnings, both lengths given).
public struct MainTextCheck {
    /// The `main_text_check` object inside `normalize.html` in `pipeline.json`.
    public struct Config: Codable, Sendable, Equatable {
        /// False turns the check (and the fallback) off.
        public var enabled = true
        /// The kept text must reach this share of the JSON-LD `articleBody`.
        public var minShareOfEvidence = 0.5
        /// ... of the `<article>` element's paragraph text.
        public var minShareOfArticle = 0.35
        /// ... of the whole page's paragraph text.
        public var minShareOfParagraphs = 0.2
        /// An `<article>` or page paragraph text shorter than this (non-space characters) is no reference.
        public var minReferenceChars = 1500
        /// A page with an article headline keeps at least this many words.
        public var minWordsWithHeadline = 40

        public init() {}

        public static let keys = [
            "enabled", "min_share_of_evidence", "min_share_of_article", "min_share_of_paragraphs",
            "min_reference_chars", "min_words_with_headline",
        ]

        enum CodingKeys: String, CodingKey {
            case enabled
            case minShareOfEvidence = "min_share_of_evidence"
            case minShareOfArticle = "min_share_of_article"
            case minShareOfParagraphs = "min_share_of_paragraphs"
            case minReferenceChars = "min_reference_chars"
            case minWordsWithHeadline = "min_words_with_headline"
        }

        public init(from decoder: Decoder) throws {
            try decoder.refuseUnknownKeys(Config.keys)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Config()
            enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? d.enabled
            minShareOfEvidence = try c.decodeIfPresent(Double.self, forKey: .minShareOfEvidence) ?? d.minShareOfEvidence
            minShareOfArticle = try c.decodeIfPresent(Double.self, forKey: .minShareOfArticle) ?? d.minShareOfArticle
            minShareOfParagraphs =
                try c.decodeIfPresent(Double.self, forKey: .minShareOfParagraphs) ?? d.minShareOfParagraphs
            minReferenceChars = try c.decodeIfPresent(Int.self, forKey: .minReferenceChars) ?? d.minReferenceChars
            minWordsWithHeadline =
                try c.decodeIfPresent(Int.self, forKey: .minWordsWithHeadline) ?? d.minWordsWithHeadline
        }
    }

    /// What a set of kept blocks holds.
    struct Kept {
        var chars: Int
        var words: Int
    }

    /// The reference a kept text fell short of.
    struct Shortfall {
        enum Reference: String {
            case evidence = "the JSON-LD articleBody"
            case article = "the <article> element's paragraph text"
            case paragraphs = "the page's paragraph text"
            case headline = "the words expected of a page with an article headline"
        }
        var reference: Reference
        /// The reference's size: characters, or words for `headline`.
        var length: Int
        var share: Double
    }

    let config: Config
    let blocks: [ContentExtractor.Block]
    let isArticle: Bool
    let evidenceChars: Int
    let articleChars: Int
    let paragraphChars: Int
    /// The `<article>` with the most paragraph text, and the element whose own `<p>` children hold the most.
    let article: Int?
    let paragraphParent: Int?

    init(
        config: Config, tree: HTMLTree, blocks: [ContentExtractor.Block], minParagraphChars: Int, evidence: String?,
        isArticle: Bool
    ) {
        self.config = config
        self.blocks = blocks
        self.isArticle = isArticle
        var e = 0
        if let evidence {
            // White_Space in ASCII is TAB...CR and the space; Unicode's table only beyond ASCII.
            for s in evidence.unicodeScalars {
                let v = s.value
                if v < 0x80 ? !(v == 0x20 || v >= 0x09 && v <= 0x0D) : !s.properties.isWhitespace { e += 1 }
            }
        }
        evidenceChars = e >= 200 ? e : 0
        let nodes = tree.nodes
        let count = nodes.count
        // Paragraph text per element: first all of it, then without what lies below a boilerplate class
        // (comments, related links). A class that holds half the page's paragraph text or more is page-wide
        // ("has-sidebar", a paywall marker on the article), not boilerplate.
        func paragraphText(excluding: [Bool]?) -> (subtree: [Int32], own: [Int32]) {
            var subtree = [Int32](repeating: 0, count: count)
            var own = [Int32](repeating: 0, count: count)
            for b in blocks {
                let o = Int(b.owner)
                guard nodes[o].tag == .p, b.chars >= minParagraphChars, b.linkChars * 2 < b.chars,
                    !(excluding?[o] ?? false)
                else { continue }
                subtree[o] += Int32(b.chars)
                let p = Int(nodes[o].parent)
                if p > 0 { own[p] += Int32(b.chars) }
            }
            var k = count - 1
            while k > 0 {
                let p = Int(nodes[k].parent)
                if p >= 0 { subtree[p] += subtree[k] }
                k -= 1
            }
            return (subtree, own)
        }
        let all = paragraphText(excluding: nil).subtree
        var underBoilerplate = [Bool](repeating: false, count: count)
        for k in 1..<max(1, count) {
            let p = Int(nodes[k].parent)
            guard p > 0 else { continue }
            underBoilerplate[k] =
                underBoilerplate[p]
                || nodes[p].flags & HTMLNode.boilerplateFlag != 0 && 2 * Int(all[p]) < Int(all[0])
        }
        let (subtree, own) = paragraphText(excluding: underBoilerplate)
        var articles = [Int32](repeating: 0, count: count)
        var k = count - 1
        while k > 0 {
            let p = Int(nodes[k].parent)
            if p >= 0 { articles[p] += articles[k] + (nodes[k].tag == .article ? 1 : 0) }
            k -= 1
        }
        paragraphChars = count > 0 ? Int(subtree[0]) : 0
        var best: Int? = nil
        var parent: Int? = nil
        for k in 0..<count {
            if nodes[k].tag == .article, articles[k] < 2, subtree[k] > 0, best.map({ subtree[k] > subtree[$0] }) ?? true
            {
                best = k
            }
            if own[k] > 0, parent.map({ own[k] > own[$0] }) ?? true { parent = k }
        }
        article = best
        articleChars = best.map { Int(subtree[$0]) } ?? 0
        paragraphParent = parent
    }

    /// Regions to try when the kept text falls short, widest evidence first.
    func widerRegions() -> [Int] {
        var out: [Int] = []
        for k in [article, paragraphParent] {
            if let k, !out.contains(k) { out.append(k) }
        }
        return out
    }

    /// The characters and words of the kept blocks (`rules[j] == nil`), headings left out.
    func kept(_ rules: [String?]) -> Kept {
        var chars = 0
        var words = 0
        var unspaced = 0
        for (j, b) in blocks.enumerated() where rules[j] == nil && b.role != .heading {
            chars += b.chars
            var inWord = false
            for s in b.text.scalars {
                let v = s.value
                if s == " " || s == "\n" || s == "\t" {
                    inWord = false
                    continue
                }
                // Scripts written without spaces between words (Thai, kana, Han): two characters count as a word.
                if v >= 0x0E00 && v <= 0x0E7F || v >= 0x3040 && v <= 0x30FF || v >= 0x3400 && v <= 0x9FFF {
                    unspaced += 1
                    inWord = false
                    continue
                }
                if !inWord { words += 1 }
                inWord = true
            }
        }
        return Kept(chars: chars, words: words + unspaced / 2)
    }

    /// The first reference the kept text falls short of, or nil when it is plausible.
    func shortfall(_ kept: Kept) -> Shortfall? {
        if evidenceChars > 0, Double(kept.chars) < config.minShareOfEvidence * Double(evidenceChars) {
            return Shortfall(reference: .evidence, length: evidenceChars, share: config.minShareOfEvidence)
        }
        if articleChars >= config.minReferenceChars,
            Double(kept.chars) < config.minShareOfArticle * Double(articleChars)
        {
            return Shortfall(reference: .article, length: articleChars, share: config.minShareOfArticle)
        }
        if paragraphChars >= config.minReferenceChars,
            Double(kept.chars) < config.minShareOfParagraphs * Double(paragraphChars)
        {
            return Shortfall(reference: .paragraphs, length: paragraphChars, share: config.minShareOfParagraphs)
        }
        if isArticle, kept.words < config.minWordsWithHeadline {
            return Shortfall(reference: .headline, length: config.minWordsWithHeadline, share: 1)
        }
        return nil
    }

    /// `normalize.main-text-replaced` (with the wider extraction's size) or `normalize.main-text-short`.
    func diagnostic(_ s: Shortfall, before: Kept, after: Kept?) -> Diagnostic {
        let what: String
        if s.reference == .headline {
            what =
                "main text of \(before.words) words, under the \(s.length) expected of a page with an article headline"
        } else {
            what =
                "main text of \(before.chars) characters, under \(s.share) of \(s.reference.rawValue) (\(s.length) characters)"
        }
        if let after {
            return Diagnostic(
                severity: .warning, code: "normalize.main-text-replaced",
                message: "\(what): replaced by a wider extraction of \(after.chars) characters (\(after.words) words)",
                stage: TextNormalizer.name)
        }
        return Diagnostic(
            severity: .warning, code: "normalize.main-text-short",
            message: "\(what); no wider extraction passed the check", stage: TextNormalizer.name)
    }
}
