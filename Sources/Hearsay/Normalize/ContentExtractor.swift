/// A block's text while the extractor decides about it: like ``TextBuilder`` without its up-front reservation
/// (a page has hundreds of blocks and keeps few).
struct BlockText {
    var scalars: [Unicode.Scalar] = []
    var sourceStart: [Int32] = []
    var sourceEnd: [Int32] = []

    var count: Int { scalars.count }

    mutating func append(_ scalar: Unicode.Scalar, from start: Int, to end: Int) {
        scalars.append(scalar)
        sourceStart.append(Int32(truncatingIfNeeded: start))
        sourceEnd.append(Int32(truncatingIfNeeded: end))
    }

    mutating func trimTrailingWhitespace() {
        while let l = scalars.last, l == " " || l == "\n" || l == "\t" {
            scalars.removeLast()
            sourceStart.removeLast()
            sourceEnd.removeLast()
        }
    }
}

/// Finds the article in an ``HTMLTree`` and returns its blocks, with every left-out region as a ``Removal``.
///
/// Blocks are the text between block-level tags. Containers are scored Readability-style from the paragraphs
/// below them (commas, length, link density, class/id evidence); a container of several `<article>`s is a
/// listing and scores half; near ties go to the container with more unlinked text; the JSON-LD `articleBody`, when
/// the page has one, can overrule the choice (evidence only: its text is never output). The best container and the
/// siblings that score close to it form the article. Inside it, boilerplate subtrees (share bars, related links,
/// comments), bylines, captions, link-dense lists, the headline, furniture phrases and time stamps are dropped.
///
/// Removal rules: `html.head`, `html.script`, `html.style`, `html.noscript`, `html.template`, `html.nav`,
/// `html.header`, `html.footer`, `html.aside`, `html.form`, `html.embed`, `html.hidden` (skipped elements);
/// `html.low-score` (outside the article), `html.boilerplate`, `html.byline`, `html.caption`, `html.link-dense`,
/// `html.headline`, `html.phrase`, `html.dateline` (inside it).
struct ContentExtractor {
    let config: HTMLReader.Config
    let vocabulary: HTMLVocabulary

    struct Block {
        var owner: Int32
        var role: Paragraph.Role
        var text: BlockText
        var chars: Int
        var linkChars: Int
        var commas: Int
        var rule: String?
        /// A thematic break (`<hr>`) came after the previous block and before this one.
        var afterBreak = false
    }

    /// Splits the tree into blocks; skipped subtrees (script, nav, hidden...) become removals at once.
    func blocks(_ tree: HTMLTree) -> (blocks: [Block], removed: [Removal]) {
        let nodes = tree.nodes
        var blocks: [Block] = []
        var removed: [Removal] = []
        var owners: [Int32] = [0]
        var linkDepth = 0
        var preDepth = 0
        var quoteDepth = 0
        var captionDepth = 0
        var current = BlockText()
        var chars = 0
        var linkChars = 0
        var commas = 0
        var pending = 0  // 0 none, 1 space, 2 line break
        var sawBreak = false
        var pendingAt: (Int32, Int32) = (0, 0)

        func flush() {
            current.trimTrailingWhitespace()
            if chars > 0 {
                let owner = owners.last!
                let tag = nodes[Int(owner)].tag
                let role: Paragraph.Role
                if tag.isHeading {
                    role = .heading
                } else if captionDepth > 0 || tag == .figcaption || tag == .caption {
                    role = .caption
                } else if preDepth > 0 {
                    role = .preformatted
                } else if tag == .li || tag == .dt || tag == .dd {
                    role = .listItem
                } else if quoteDepth > 0 {
                    role = .blockquote
                } else {
                    role = .paragraph
                }
                blocks.append(
                    Block(
                        owner: owner, role: role, text: current, chars: chars, linkChars: linkChars, commas: commas,
                        rule: nil, afterBreak: sawBreak))
                sawBreak = false
                current = BlockText()
            } else if current.count > 0 {
                current = BlockText()
            }
            chars = 0
            linkChars = 0
            commas = 0
            pending = 0
        }

        func appendText(_ n: HTMLNode) {
            if n.flags & HTMLNode.breakFlag != 0 {
                // <br><br> (nothing but white space between) ends a paragraph; a single <br> is a line break.
                if pending == 2 && current.count > 0 {
                    flush()
                } else if current.count > 0 {
                    pending = 2
                    pendingAt = (n.start, n.start)
                }
                return
            }
            var i = Int(n.textBegin)
            let e = Int(n.textEnd)
            while i < e {
                let s = tree.scalars[i]
                if HTMLTree.isSpace(s) && !(preDepth > 0 && s == "\n") {
                    if pending == 0 {
                        pending = 1
                        pendingAt = (tree.sourceStart[i], tree.sourceEnd[i])
                    }
                } else if s == "\n" {
                    // A line break inside <pre>.
                    if current.count > 0 {
                        pending = 2
                        pendingAt = (tree.sourceStart[i], tree.sourceEnd[i])
                    }
                } else {
                    if pending > 0 && current.count > 0 {
                        current.append(
                            pending == 2 ? "\n" : " ", from: Int(pendingAt.0), to: Int(pendingAt.1))
                    }
                    pending = 0
                    current.append(s, from: Int(tree.sourceStart[i]), to: Int(tree.sourceEnd[i]))
                    chars += 1
                    if linkDepth > 0 { linkChars += 1 }
                    if s == "," || s == "\u{FF0C}" || s == "\u{3001}" || s == "\u{060C}" { commas += 1 }
                }
                i += 1
            }
        }

        /// Whether a header, footer, nav, aside or form wraps the page rather than sitting beside the article: an
        /// ASP.NET `<form>` around everything, or a `<header>` left open. It holds most of the page's text and
        /// several real paragraphs.
        func wraps(_ index: Int) -> Bool {
            let n = nodes[index]
            let own = Int(n.textEnd - n.textBegin)
            let all = Int(nodes[0].textEnd - nodes[0].textBegin)
            guard own >= 1000, Double(own) >= 0.4 * Double(all) else { return false }
            var paragraphs = 0
            var k = index + 1
            while k < nodes.count && nodes[k].textBegin < n.textEnd {
                if nodes[k].tag == .p && nodes[k].textEnd - nodes[k].textBegin >= 100 {
                    paragraphs += 1
                    if paragraphs >= 3 { return true }
                }
                k += 1
            }
            return false
        }

        /// Returns whether to descend into the node.
        func enter(_ index: Int) -> Bool {
            let n = nodes[index]
            if n.tag == .text {
                appendText(n)
                return false
            }
            var rule = n.tag.dropRule
            if rule != nil && n.tag.isSectioning && wraps(index) { rule = nil }
            if rule == nil && n.flags & HTMLNode.hiddenFlag != 0 { rule = "html.hidden" }
            if let rule {
                if n.tag.isBlock || n.tag == .script || n.tag == .style { flush() }
                if n.end > n.start || n.textEnd > n.textBegin {
                    removed.append(
                        Removal(
                            sourceSpan: Span(Int(n.start), Int(max(n.end, n.start))), rule: rule,
                            excerpt: tree.text(of: index, limit: 80)))
                }
                return false
            }
            if n.tag.isBlock {
                flush()
                owners.append(Int32(index))
                if n.tag == .hr { sawBreak = true }
            }
            switch n.tag {
            case .a: linkDepth += 1
            case .pre: preDepth += 1
            case .blockquote: quoteDepth += 1
            case .figure, .figcaption, .caption: captionDepth += n.tag == .figure ? 0 : 1
            default: break
            }
            return true
        }

        func leave(_ index: Int) {
            let n = nodes[index]
            if n.tag.isBlock {
                flush()
                owners.removeLast()
            }
            switch n.tag {
            case .a: linkDepth -= 1
            case .pre: preDepth -= 1
            case .blockquote: quoteDepth -= 1
            case .figcaption, .caption: captionDepth -= 1
            default: break
            }
        }

        var n = Int(nodes[0].firstChild)
        outer: while n >= 0 {
            let descend = enter(n)
            if descend, nodes[n].firstChild >= 0 {
                n = Int(nodes[n].firstChild)
                continue
            }
            if descend { leave(n) }
            var m = n
            while true {
                if nodes[m].next >= 0 {
                    n = Int(nodes[m].next)
                    continue outer
                }
                m = Int(nodes[m].parent)
                if m <= 0 { break outer }
                leave(m)
            }
        }
        flush()
        return (blocks, removed)
    }

    /// Extracts the main text.
    ///
    /// - Parameters:
    ///   - title: the page title from metadata, to drop a repeated headline.
    ///   - evidence: the JSON-LD `articleBody`, when the page has one (used only to choose between candidates).
    ///   - isArticle: whether the page declares itself an article (JSON-LD article headline, `og:type` article):
    ///     the main-text check then also asks for a minimum number of words.
    /// - Returns: the kept blocks, the removals, and the main-text check's diagnostic when it found the text short.
    func extract(_ tree: HTMLTree, title: String?, evidence: String?, isArticle: Bool = false)
        -> (blocks: [HTMLBlock], removed: [Removal], diagnostics: [Diagnostic])
    {
        var (blocks, removed) = self.blocks(tree)
        var diagnostics: [Diagnostic] = []
        let nodes = tree.nodes
        let count = nodes.count
        if config.mainContent && !blocks.isEmpty {
            // Text statistics per element, from the blocks up.
            var chars = [Int32](repeating: 0, count: count)
            var links = [Int32](repeating: 0, count: count)
            var commas = [Int32](repeating: 0, count: count)
            var paras = [Int32](repeating: 0, count: count)
            for b in blocks {
                let o = Int(b.owner)
                chars[o] += Int32(b.chars)
                links[o] += Int32(b.linkChars)
                commas[o] += Int32(b.commas)
                if b.chars >= config.minParagraphChars && b.linkChars * 2 < b.chars { paras[o] += 1 }
            }
            var i = count - 1
            while i > 0 {
                let p = Int(nodes[i].parent)
                if p >= 0 {
                    chars[p] += chars[i]
                    links[p] += links[i]
                    commas[p] += commas[i]
                    paras[p] += paras[i]
                }
                i -= 1
            }
            func linkDensity(_ k: Int) -> Double { chars[k] == 0 ? 0 : Double(links[k]) / Double(chars[k]) }

            // Readability-style scores: each paragraph feeds its ancestors.
            var score = [Double](repeating: 0, count: count)
            var scored = [Bool](repeating: false, count: count)
            func initial(_ k: Int) -> Double {
                var s = Double(nodes[k].classWeight)
                switch nodes[k].tag {
                case .div, .article, .main, .section: s += 5
                case .pre, .td, .blockquote: s += 3
                case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: s -= 3
                case .h1, .h2, .h3, .h4, .h5, .h6, .th: s -= 5
                default: break
                }
                if nodes[k].tag == .article { s += 10 }
                if nodes[k].flags & HTMLNode.articleBodyFlag != 0 { s += 25 }
                return s
            }
            for b in blocks where b.chars >= config.minParagraphChars {
                let value = 1 + Double(b.commas) + min(Double(b.chars) / 100, 3)
                var k = Int(nodes[Int(b.owner)].parent)
                var level = 0
                while k > 0 && level < 5 {
                    let t = nodes[k].tag
                    if t == .html { break }
                    if !scored[k] {
                        scored[k] = true
                        score[k] = initial(k)
                    }
                    score[k] += value / (level == 0 ? 1 : level == 1 ? 2 : Double(level) * 3)
                    k = Int(nodes[k].parent)
                    level += 1
                }
            }
            // A container of several <article> elements is a listing (or a story with its "related" teasers
            // around it), not the story itself.
            var articles = [Int32](repeating: 0, count: count)
            var j = count - 1
            while j > 0 {
                let p = Int(nodes[j].parent)
                if p >= 0 { articles[p] += articles[j] + (nodes[j].tag == .article ? 1 : 0) }
                j -= 1
            }
            var top = -1
            var best = -Double.infinity
            for k in 0..<count where scored[k] {
                score[k] *= (1 - linkDensity(k))
                if articles[k] >= 2 { score[k] *= 0.5 }
                if score[k] > best {
                    best = score[k]
                    top = k
                }
            }
            if top >= 0 {
                // Near ties (sibling stories scored alike by their classes) go to the one with more own text.
                func effective(_ k: Int) -> Double { Double(chars[k] - links[k]) }
                var bestText = effective(top)
                let chosen = top
                for k in 0..<count where scored[k] && k != chosen && score[k] >= 0.95 * best {
                    var a = Int(nodes[chosen].parent)
                    var isAncestor = false
                    while a > 0 {
                        if a == k {
                            isAncestor = true
                            break
                        }
                        a = Int(nodes[a].parent)
                    }
                    if !isAncestor && effective(k) > bestText {
                        bestText = effective(k)
                        top = k
                    }
                }
            }
            if top < 0 {
                // No paragraph long enough: keep the body as it is.
                top = 0
            } else {
                // Climb while the parent scores better, as a wrapper of split article parts would.
                var last = score[top]
                var p = Int(nodes[top].parent)
                while p > 0 && nodes[p].tag != .body {
                    if !scored[p] {
                        p = Int(nodes[p].parent)
                        continue
                    }
                    if score[p] < last / 3 { break }
                    if score[p] > last {
                        top = p
                        break
                    }
                    last = score[p]
                    p = Int(nodes[p].parent)
                }
                // A lone child is the same region as its parent.
                while true {
                    let p = Int(nodes[top].parent)
                    guard p > 0, nodes[p].tag != .body, chars[p] == chars[top] else { break }
                    top = p
                }
            }

            var evidenceChose = false
            if top >= 0, let evidence, evidence.count >= 200 {
                let before = top
                top = ContentExtractor.agreeWithEvidence(
                    tree, evidence: evidence, top: top, candidates: (0..<count).filter { scored[$0] && score[$0] > 0 },
                    score: score)
                evidenceChose = top != before
            }
            // The article: the top container plus siblings that score close to it; a rule (or nil, kept) per block.
            // `relaxed` (the main-text check's wider extraction) keeps the region but passes no verdict on its
            // containers (boilerplate, low-score and link-dense classes): only bylines, figures and the block rules.
            func judge(top: Int, evidenceChose: Bool, relaxed: Bool) -> [String?] {
                var rules = [String?](repeating: nil, count: blocks.count)
                var selected = [Bool](repeating: false, count: count)
                selected[top] = true
                if top > 0 {
                    let threshold = max(10, score[top] * config.siblingShare)
                    let parent = Int(nodes[top].parent)
                    var s = Int(nodes[parent].firstChild)
                    while s >= 0 {
                        // An <article> is self-contained: a sibling <article> is another story (often "related").
                        let otherStory = nodes[top].tag == .article && nodes[s].tag == .article
                        if s != top && nodes[s].tag != .text && !otherStory {
                            var append = false
                            let ld = linkDensity(s)
                            // A container the evidence passed over does not come back as a sibling.
                            if scored[s] && score[s] >= threshold && !evidenceChose { append = true }
                            if !append
                                && (nodes[s].tag == .p || nodes[s].tag == .blockquote || nodes[s].tag == .ul
                                    || nodes[s].tag == .ol)
                            {
                                let len = Int(chars[s])
                                if len > 80 && ld < 0.25 { append = true }
                            }
                            if append { selected[s] = true }
                        }
                        s = Int(nodes[s].next)
                    }
                }

                /// Whether an element's text ends a sentence and has `titleSentenceMinWords` words or more (a lead
                /// paragraph marked with a headline class, not a headline).
                func readsAsSentence(_ k: Int) -> Bool {
                    var last: Unicode.Scalar = " "
                    var words = 0
                    var gap = true
                    for i in Int(nodes[k].textBegin)..<Int(nodes[k].textEnd) {
                        let s = tree.scalars[i]
                        if HTMLTree.isSpace(s) {
                            gap = true
                        } else {
                            if gap { words += 1 }
                            gap = false
                            last = s
                        }
                    }
                    let ends: Set<Unicode.Scalar> = [".", "!", "?", "\"", "\u{201D}", "\u{2019}", "'"]
                    return words >= vocabulary.titleSentenceMinWords && ends.contains(last)
                }
                var regionChars = 0
                for k in 0..<count where selected[k] { regionChars += Int(chars[k]) }
                // Verdict per element, top-down: in the article or not, and why dropped.
                var inRegion = [Bool](repeating: false, count: count)
                inRegion[0] = selected[0]
                var verdict = [String?](repeating: nil, count: count)
                let titleKey = title.map(ContentExtractor.key)
                for k in 1..<count {
                    let p = Int(nodes[k].parent)
                    inRegion[k] = selected[k] || (p >= 0 && inRegion[p])
                    if p >= 0, let v = verdict[p] {
                        verdict[k] = v
                        continue
                    }
                    if !inRegion[k] || selected[k] || nodes[k].tag == .text { continue }
                    let n = nodes[k]
                    // A boilerplate word on an element that holds most of the article is a page-wide class
                    // ("has-sidebar", "with-share-bar"), not evidence against its text.
                    let wrapper = paras[k] >= 3 && Double(chars[k]) > 0.5 * Double(regionChars)
                    if n.flags & HTMLNode.boilerplateFlag != 0 && !wrapper && !relaxed {
                        verdict[k] = "html.boilerplate"
                    } else if chars[k] < 400
                        && (n.flags & HTMLNode.bylineFlag != 0
                            || n.flags & HTMLNode.titleFlag != 0 && !(n.tag == .p && readsAsSentence(k)))
                    {
                        verdict[k] = "html.byline"
                    } else if n.tag == .figure || n.tag == .figcaption {
                        verdict[k] = "html.caption"
                    } else if !relaxed
                        && (n.tag == .div || n.tag == .section || n.tag == .ul || n.tag == .ol || n.tag == .table
                            || n.tag == .dl)
                    {
                        let ld = linkDensity(k)
                        let w = Int(n.classWeight)
                        if commas[k] < 10 {
                            if w < 0 && paras[k] < 2 {
                                verdict[k] = "html.low-score"
                            } else if (w < 25 && ld > config.maxContainerLinkDensity) || (w >= 25 && ld > 0.5) {
                                verdict[k] = "html.link-dense"
                            }
                        }
                    }
                }
                // A long paragraph of sentences may link most of its words (deal posts, link roundups) and is still
                // text; a short or list-like block with mostly links is navigation.
                func linkLimit(_ b: Block) -> Double {
                    guard b.role == .paragraph || b.role == .blockquote, b.chars >= 150 else {
                        return config.maxLinkDensity
                    }
                    let t = b.text.scalars
                    var sentences = 0
                    for (i, s) in t.enumerated() where s == "." || s == "!" || s == "?" {
                        if i + 1 == t.count || t[i + 1] == " " { sentences += 1 }
                    }
                    return sentences >= 2 ? max(config.maxLinkDensity, 0.85) : config.maxLinkDensity
                }
                for j in blocks.indices {
                    let o = Int(blocks[j].owner)
                    if !inRegion[o] {
                        rules[j] = "html.low-score"
                    } else if let v = verdict[o] {
                        rules[j] = v
                    } else if blocks[j].role == .caption {
                        rules[j] = "html.caption"
                    } else if blocks[j].chars > 0
                        && Double(blocks[j].linkChars) > linkLimit(blocks[j]) * Double(blocks[j].chars)
                    {
                        rules[j] = "html.link-dense"
                    } else if blocks[j].role == .heading && nodes[o].tag == .h1
                        || ContentExtractor.repeatsTitle(blocks[j].text.scalars, titleKey)
                    {
                        rules[j] = "html.headline"
                    } else if blocks[j].text.count < 100,
                        vocabulary.isBoilerplatePhrase(ContentExtractor.wordKey(blocks[j].text.scalars))
                    {
                        rules[j] = "html.phrase"
                    } else if ContentExtractor.isDateline(blocks[j].text.scalars, stampWords: vocabulary.stampWords) {
                        rules[j] = "html.dateline"
                    }
                }
                // A short "By ..." line among the first blocks of the article is a byline.
                var seen = 0
                for j in blocks.indices where rules[j] == nil && seen < 3 {
                    seen += 1
                    let t = blocks[j].text.scalars
                    guard t.count < 100, t.count > 3, t[0] == "B" || t[0] == "b", t[1] == "y" || t[1] == "Y",
                        t[2] == " ",
                        t[3].properties.isUppercase
                    else { continue }
                    // "By Tuesday, officials had agreed on a plan." is a sentence, not a byline.
                    let words = t.filter { $0 == " " }.count + 1
                    if let last = t.last, last == "." || last == "!" || last == "?", words >= 6 { continue }
                    rules[j] = "html.byline"
                }
                return rules
            }

            var rules = judge(top: top, evidenceChose: evidenceChose, relaxed: false)
            if config.mainTextCheck.enabled {
                let check = MainTextCheck(
                    config: config.mainTextCheck, tree: tree, blocks: blocks,
                    minParagraphChars: config.minParagraphChars,
                    evidence: evidence, isArticle: isArticle)
                let before = check.kept(rules)
                if let short = check.shortfall(before) {
                    // Wider extractions, in order: the same region without verdicts on its containers, then the
                    // page's <article>, then the element that holds the most paragraph text, each judged as usual
                    // and then relaxed. The first that passes the check replaces the text.
                    var tries: [(Int, Bool)] = [(top, true)]
                    for k in check.widerRegions() where k != top { tries += [(k, false), (k, true)] }
                    var replaced: (rules: [String?], kept: MainTextCheck.Kept)? = nil
                    for (k, relaxed) in tries {
                        let r = judge(top: k, evidenceChose: false, relaxed: relaxed)
                        let kept = check.kept(r)
                        if kept.chars > before.chars && check.shortfall(kept) == nil {
                            replaced = (r, kept)
                            break
                        }
                    }
                    if let replaced {
                        rules = replaced.rules
                        diagnostics.append(check.diagnostic(short, before: before, after: replaced.kept))
                    } else {
                        diagnostics.append(check.diagnostic(short, before: before, after: nil))
                    }
                }
            }
            for j in blocks.indices { blocks[j].rule = rules[j] }
        }

        // Kept blocks, and removed blocks merged into runs per rule.
        var out: [HTMLBlock] = []
        var run: (span: Span, rule: String, excerpt: String)? = nil
        var sawBreak = false
        func closeRun() {
            if let r = run { removed.append(Removal(sourceSpan: r.span, rule: r.rule, excerpt: r.excerpt)) }
            run = nil
        }
        for b in blocks {
            if b.afterBreak { sawBreak = true }
            if let rule = b.rule {
                let s = Int(b.text.sourceStart.first ?? 0)
                let e = Int(b.text.sourceEnd.last ?? 0)
                if var r = run, r.rule == rule {
                    r.span = Span(r.span.start, max(r.span.end, e))
                    run = r
                } else {
                    closeRun()
                    var v = String.UnicodeScalarView()
                    v.append(contentsOf: b.text.scalars.prefix(80))
                    run = (Span(s, max(s, e)), rule, String(v))
                }
            } else {
                closeRun()
                var t = TextBuilder()
                for i in 0..<b.text.count {
                    t.append(b.text.scalars[i], from: Int(b.text.sourceStart[i]), to: Int(b.text.sourceEnd[i]))
                }
                out.append(HTMLBlock(role: b.role, text: t, afterThematicBreak: sawBreak))
                sawBreak = false
            }
        }
        closeRun()
        removed.sort { $0.sourceSpan < $1.sourceSpan }
        return (out, removed, diagnostics)
    }

    /// The JSON-LD `articleBody` as evidence: when the chosen container shares few words with it and another
    /// well-scored container shares many, the other one is the article. The evidence text is never output.
    static func agreeWithEvidence(
        _ tree: HTMLTree, evidence: String, top: Int, candidates: [Int], score: [Double]
    ) -> Int {
        // Distinct evidence words (3+ letters), numbered. The ASCII ones (most) are also in a table read by their
        // bytes, so that the containers' ASCII words are looked up without making a String each; a word with
        // another scalar goes through the String dictionary (canonical equivalence), as every word did before.
        var ids: [String: Int32] = [:]
        var asciiWords: [([UInt8], Int32)] = []
        for w in wordKey(evidence.unicodeScalars.prefix(4000)).split(separator: " ") where w.count >= 3 {
            if ids[String(w)] == nil {
                let id = Int32(ids.count)
                ids[String(w)] = id
                if w.utf8.allSatisfy({ $0 < 0x80 }) { asciiWords.append((Array(w.utf8), id)) }
            }
        }
        guard ids.count >= 20 else { return top }
        let asciiIDs = ASCIIWordIDs(asciiWords)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        var stamp = [Int32](repeating: -1, count: ids.count)
        var round: Int32 = 0
        // Precision over the container's word occurrences, recall over the evidence's distinct words.
        func agreement(_ k: Int) -> Double {
            let n = tree.nodes[k]
            round += 1
            var total = 0
            var inside = 0
            var found = 0
            // The current word: its bytes while it is ASCII, as scalars once it is not.
            var other: String.UnicodeScalarView? = nil
            bytes.removeAll(keepingCapacity: true)
            func close() {
                if (other?.count ?? bytes.count) >= 3 {
                    total += 1
                    if let id = other.map({ ids[String($0)] }) ?? asciiIDs.find(bytes) {
                        inside += 1
                        if stamp[Int(id)] != round {
                            stamp[Int(id)] = round
                            found += 1
                        }
                    }
                }
                bytes.removeAll(keepingCapacity: true)
                other = nil
            }
            for i in Int(n.textBegin)..<Int(n.textEnd) {
                let s = tree.scalars[i]
                switch fold(s) {
                case .none: if !bytes.isEmpty || other != nil { close() }
                case .ascii(let a):
                    if other != nil { other!.append(a) } else { bytes.append(UInt8(truncatingIfNeeded: a.value)) }
                case .other:
                    if other == nil {
                        var v = String.UnicodeScalarView()
                        for b in bytes { v.append(Unicode.Scalar(b)) }
                        other = v
                    }
                    other!.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
                }
            }
            close()
            guard inside > 0 else { return 0 }
            let p = Double(inside) / Double(total)
            let r = Double(found) / Double(ids.count)
            return 2 * p * r / (p + r)
        }
        let current = agreement(top)
        if current >= 0.6 { return top }
        var choice = top
        var bestAgreement = current
        for k in candidates.sorted(by: { score[$0] > score[$1] }).prefix(20) where k != top {
            let a = agreement(k)
            if a > bestAgreement + 0.2 {
                bestAgreement = a
                choice = k
            }
        }
        return choice
    }

    /// Whether a short block repeats the page title (whole, or the title without a " - Site name" tail).
    static func repeatsTitle(_ text: [Unicode.Scalar], _ titleKey: String?) -> Bool {
        guard let titleKey, !titleKey.isEmpty, text.count < 250 else { return false }
        // The key drops spaces and punctuation: a block far shorter or longer than the title cannot match.
        let n = titleKey.unicodeScalars.count
        guard Double(text.count) >= 0.6 * Double(n), text.count <= 2 * n + 40 else { return false }
        let k = key(text)
        if k == titleKey { return true }
        return k.count >= 12 && titleKey.hasPrefix(k) && Double(k.count) >= 0.6 * Double(titleKey.count)
    }

    /// A comparison key: letters and digits only, lower-cased.
    static func key<S: Sequence>(_ text: S) -> String where S.Element == Unicode.Scalar {
        var v = String.UnicodeScalarView()
        for s in text {
            switch fold(s) {
            case .none: continue
            case .ascii(let a): v.append(a)
            case .other: v.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(v)
    }

    enum Folded {
        case none
        case ascii(Unicode.Scalar)
        case other
    }

    /// Letters and digits lower-cased, with an ASCII fast path (Unicode properties only beyond ASCII).
    @inline(__always) static func fold(_ s: Unicode.Scalar) -> Folded {
        let v = s.value
        if v < 0x80 {
            if v >= 0x61 && v <= 0x7A || v >= 0x30 && v <= 0x39 { return .ascii(s) }
            if v >= 0x41 && v <= 0x5A { return .ascii(Unicode.Scalar(UInt8(v + 32))) }
            return .none
        }
        return s.properties.isAlphabetic || s.properties.numericType != nil ? .other : .none
    }

    static func key(_ text: String) -> String { key(text.unicodeScalars) }

    /// A phrase key: the words (letters and digits) lower-cased, joined by single spaces.
    static func wordKey<S: Sequence>(_ text: S) -> String where S.Element == Unicode.Scalar {
        var v = String.UnicodeScalarView()
        var gap = false
        for s in text {
            let f = fold(s)
            if case .none = f {
                gap = true
                continue
            }
            if gap && !v.isEmpty { v.append(" ") }
            gap = false
            if case .ascii(let a) = f {
                v.append(a)
            } else {
                v.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(v)
    }

    /// Whether a short block is a dateline or time stamp ("Updated 5:27 am CST, Wednesday, November 20, 2019").
    static func isDateline(_ t: [Unicode.Scalar], stampWords: Set<String>) -> Bool {
        guard t.count < 120 else { return false }
        var hasYear = false
        var hasTime = false
        var digits = 0
        var i = 0
        while i < t.count {
            let v = t[i].value
            if v >= 48 && v <= 57 {
                digits += 1
                if digits == 4, i + 1 >= t.count || !(t[i + 1].value >= 48 && t[i + 1].value <= 57) {
                    let y = t[(i - 3)...i].reduce(0) { $0 * 10 + Int($1.value - 48) }
                    if y >= 1990 && y <= 2039 && (i < 4 || !(t[i - 4].value >= 48 && t[i - 4].value <= 57)) {
                        hasYear = true
                    }
                }
                if t[i] != ":" && i + 2 < t.count && t[i + 1] == ":" && t[i + 2].value >= 48 && t[i + 2].value <= 57 {
                    hasTime = true
                }
            } else {
                digits = 0
            }
            i += 1
        }
        guard hasYear else { return false }
        let words = wordKey(t).split(separator: " ")
        // A sentence ("The match kicks off at 19:45 on 12 May 2024.") is text, not a stamp.
        if let last = t.last, last == "." || last == "!" || last == "?", words.count >= 6 { return false }
        if hasTime { return true }
        if words.count > 14 { return false }
        return words.contains { stampWords.contains(String($0)) }
    }
}

/// Words of ASCII bytes and their ids, found by their bytes (an open-addressing table keyed by a hash of the
/// bytes): the JSON-LD agreement looks up every word of its candidate containers without making a String.
struct ASCIIWordIDs {
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var starts: [Int] = [0]
    private var bytes: [UInt8] = []
    private var values: [Int32] = []
    private let mask: Int

    /// - Parameter words: distinct words.
    init(_ words: [([UInt8], Int32)]) {
        var size = 16
        while size < 2 * words.count { size *= 2 }
        mask = size - 1
        slots = [Int32](repeating: -1, count: size)
        for (w, value) in words {
            let h = Self.hash(w)
            var k = Int(truncatingIfNeeded: h) & mask
            while slots[k] >= 0 { k = (k + 1) & mask }
            slots[k] = Int32(values.count)
            hashes.append(h)
            bytes += w
            starts.append(bytes.count)
            values.append(value)
        }
    }

    @inline(__always) static func hash(_ w: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in w { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h ^ (h >> 29)
    }

    /// The id of `word`, or nil.
    func find(_ word: [UInt8]) -> Int32? {
        let h = Self.hash(word)
        var k = Int(truncatingIfNeeded: h) & mask
        while slots[k] >= 0 {
            let e = Int(slots[k])
            if hashes[e] == h, starts[e + 1] - starts[e] == word.count,
                bytes[starts[e]..<starts[e + 1]].elementsEqual(word)
            {
                return values[e]
            }
            k = (k + 1) & mask
        }
        return nil
    }
}
