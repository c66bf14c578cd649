/// Finds quotations by their marks, paragraph by paragraph.
///
/// Marks: curly and straight doubles and singles, guillemets, and the PTB / LaTeX forms (``...'' and `...').
///
/// The hard cases: `’` (U+2019) and `'` are both the closing single quote and the apostrophe ("app’s", "News’
/// Laura", "’90s"); quotes nest with the same mark (‘... says ‘by the 10th of July’ and ...’); a quote left open at
/// a paragraph's end continues when the next paragraph opens with a quote mark of the same family, and is closed at
/// the paragraph end otherwise, so that no quote swallows the rest of the article.
struct QuoteScanner {
    /// A quotation found by its marks.
    struct Found {
        /// Content spans without the marks, one per paragraph the quote runs over.
        var fragments: [Span]
        /// Span of the opening mark of the first fragment and the closing mark of the last (nil when unclosed).
        var open: Int
        var close: Int?
        var family: Family
        /// Index of the enclosing quotation in the result, for nested quotes.
        var parent: Int?
        var rule: String
        var confidence: Double
        /// The paragraph index of the first and last fragment.
        var firstParagraph: Int
        var lastParagraph: Int
    }

    enum Family: Equatable { case double, single, guillemet }

    enum Mark { case open(Family), close(Family), either(Family), apostrophe }

    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic }
    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
    @inline(__always) static func isSpace(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return true }
        return s == " " || s == "\n" || s == "\t" || s == "\u{A0}"
    }
    @inline(__always) static func isOpenContext(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return true }
        return isSpace(s) || "([{—–-/:;“‘\"'«".unicodeScalars.contains(s)
    }

    /// Classifies the mark at `i` from its neighbours alone.
    static func classify(_ sc: [Unicode.Scalar], _ i: Int, start: Int, end: Int) -> Mark? {
        let c = sc[i]
        let prev: Unicode.Scalar? = i > start ? sc[i - 1] : nil
        let next: Unicode.Scalar? = i + 1 < end ? sc[i + 1] : nil
        switch c {
        case "“", "„": return .open(.double)
        case "”": return .close(.double)
        case "«": return .open(.guillemet)
        case "»": return .close(.guillemet)
        case "\"":
            if isOpenContext(prev) && !isSpace(next) { return .open(.double) }
            if !isSpace(prev) && (isSpace(next) || !isLetter(next!)) { return .close(.double) }
            return .either(.double)
        case "‘", "‚":
            // ‘90s, ‘em: an elision, not a quote.
            if let n = next, isDigit(n), i + 2 < end, isDigit(sc[i + 2]), i + 3 >= end || !isDigit(sc[i + 3]) {
                return .apostrophe
            }
            if let p = prev, isLetter(p), let n = next, isLetter(n) { return .apostrophe }
            return .open(.single)
        case "`":
            // A lone backtick opens a single quotation in PTB / LaTeX text (`...'); its closing mark is a plain '.
            if let n = next, !isSpace(n), n != "`" { return .open(.single) }
            return nil
        case "’", "'":
            let pl = prev.map(isLetter) ?? false
            let nl = next.map(isLetter) ?? false
            if pl && nl { return .apostrophe }  // don’t, app’s
            if c == "'" && isOpenContext(prev) && next != nil && !isSpace(next) {
                if let n = next, isDigit(n), i + 2 < end, isDigit(sc[i + 2]) { return .apostrophe }  // '90s
                return .open(.single)
            }
            if c == "’" && isSpace(prev) && next != nil && !isSpace(next) {
                // ’ after a space is an elision (’90s, ’em, rock ’n’ roll): curly text opens with ‘.
                return .apostrophe
            }
            if let p = prev, p == "s" || p == "S", let n = next, isSpace(n) {
                return .either(.single)  // plural possessive ("News’ Laura") or a close after a word in s
            }
            if let p = prev, isDigit(p), let n = next, n == "s" { return .apostrophe }  // 1990’s
            return .close(.single)
        default:
            return nil
        }
    }

    /// PTB-style doubled marks: `` opens, '' opens or closes a double quotation ("''That makes me smart''").
    static func doubled(_ sc: [Unicode.Scalar], _ i: Int, start: Int, end: Int) -> Mark? {
        let c = sc[i]
        guard c == "'" || c == "`", i + 1 < end, sc[i + 1] == c else { return nil }
        if c == "`" { return .open(.double) }
        let prev: Unicode.Scalar? = i > start ? sc[i - 1] : nil
        let next: Unicode.Scalar? = i + 2 < end ? sc[i + 2] : nil
        if isOpenContext(prev) && !isSpace(next) { return .open(.double) }
        if !isSpace(prev) { return .close(.double) }
        return .either(.double)
    }

    static func isMarkScalar(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "“", "”", "„", "«", "»", "\"", "‘", "’", "‚", "'", "`": return true
        default: return false
        }
    }

    /// The position of the last mark in `start..<end` that could close a single quote, or -1: a possessive `s’`
    /// closes an open quote only when no later mark can (computed once per paragraph, so scanning stays linear).
    static func lastSingleClose(_ sc: [Unicode.Scalar], start: Int, end: Int) -> Int {
        var k = end - 1
        while k >= start {
            let c = sc[k]
            if c == "’" || c == "'" {
                switch classify(sc, k, start: start, end: end) {
                case .close?, .either?: return k
                default: break
                }
            }
            k -= 1
        }
        return -1
    }

    /// Scans all paragraphs of `document`.
    static func scan(_ document: Document, maxParagraphs: Int) -> [Found] {
        let sc = document.scalars
        var found: [Found] = []
        // The stack holds indices into `found`; each entry's last fragment is still open.
        var stack: [Int] = []
        var fragmentStart: [Int: Int] = [:]  // found index -> start of its current fragment
        for (pIndex, p) in document.paragraphs.enumerated() {
            let start = p.span.start
            let end = p.span.end
            // Quotes left open at the previous paragraph's end: continue if this paragraph opens with a mark.
            if !stack.isEmpty {
                var k = start
                while k < end, isSpace(sc[k]) { k += 1 }
                let opensWithMark = k < end && (isMarkScalar(sc[k]))
                let outer = found[stack[0]]
                let withinLimit = pIndex - outer.firstParagraph < maxParagraphs
                let width = doubled(sc, k, start: start, end: end) == nil ? 1 : 2
                let mark =
                    opensWithMark
                    ? (doubled(sc, k, start: start, end: end) ?? classify(sc, k, start: start, end: end)) : nil
                if withinLimit, case .open(let fam)? = mark, fam == outer.family {
                    // Continue every open quote into this paragraph (only the outermost is re-opened by the mark).
                    for idx in stack { fragmentStart[idx] = k + width }
                    for idx in stack {
                        found[idx].lastParagraph = pIndex
                        found[idx].rule = "quote.multi-paragraph"
                    }
                    scanParagraph(
                        sc, start: k + width, end: end, pIndex: pIndex, found: &found, stack: &stack,
                        fragmentStart: &fragmentStart)
                    closeAtParagraphEnd(
                        sc, end: end, pIndex: pIndex, found: &found, stack: &stack,
                        fragmentStart: &fragmentStart, nextParagraphOpens: nextOpens(document, pIndex))
                    continue
                }
                // Not continued: the open quotes end at the previous paragraph's end (already recorded).
                for idx in stack {
                    found[idx].rule = "quote.unclosed-at-paragraph-end"
                    found[idx].confidence = 0.5
                }
                stack.removeAll()
            }
            scanParagraph(
                sc, start: start, end: end, pIndex: pIndex, found: &found, stack: &stack,
                fragmentStart: &fragmentStart)
            closeAtParagraphEnd(
                sc, end: end, pIndex: pIndex, found: &found, stack: &stack,
                fragmentStart: &fragmentStart, nextParagraphOpens: nextOpens(document, pIndex))
        }
        // Drop quotations with no content, and renumber the `parent` links to the kept ones (an empty quotation's
        // children hang from its nearest kept ancestor).
        var newIndex = [Int](repeating: -1, count: found.count)
        var kept: [Found] = []
        for (i, f) in found.enumerated() where !f.fragments.isEmpty {
            newIndex[i] = kept.count
            kept.append(f)
        }
        for k in kept.indices {
            var p = kept[k].parent
            while let q = p, newIndex[q] < 0 { p = found[q].parent }
            kept[k].parent = p.map { newIndex[$0] }
        }
        return kept
    }

    static func nextOpens(_ document: Document, _ pIndex: Int) -> Bool {
        guard pIndex + 1 < document.paragraphs.count else { return false }
        let p = document.paragraphs[pIndex + 1]
        var k = p.span.start
        while k < p.span.end, isSpace(document.scalars[k]) { k += 1 }
        return k < p.span.end && isMarkScalar(document.scalars[k])
    }

    /// Ends the fragments of quotes still open at a paragraph's end. If the next paragraph does not open with a
    /// mark they will be closed for good there (the caller clears the stack).
    static func closeAtParagraphEnd(
        _ sc: [Unicode.Scalar], end: Int, pIndex: Int, found: inout [Found], stack: inout [Int],
        fragmentStart: inout [Int: Int], nextParagraphOpens: Bool
    ) {
        guard !stack.isEmpty else { return }
        // Nested quotes never run across paragraphs: close inner ones here.
        while stack.count > 1 {
            let idx = stack.removeLast()
            addFragment(&found[idx], from: fragmentStart[idx] ?? end, to: end, sc)
            found[idx].rule = "quote.unclosed-at-paragraph-end"
            found[idx].confidence = 0.5
        }
        let idx = stack[0]
        addFragment(&found[idx], from: fragmentStart[idx] ?? end, to: end, sc)
        if !nextParagraphOpens {
            found[idx].rule = "quote.unclosed-at-paragraph-end"
            found[idx].confidence = 0.5
            stack.removeAll()
        }
    }

    static func addFragment(_ f: inout Found, from s: Int, to e: Int, _ sc: [Unicode.Scalar]) {
        var a = s
        var b = e
        while a < b, isSpace(sc[a]) { a += 1 }
        while b > a, isSpace(sc[b - 1]) { b -= 1 }
        if b > a { f.fragments.append(Span(a, b)) }
    }

    static func scanParagraph(
        _ sc: [Unicode.Scalar], start: Int, end: Int, pIndex: Int, found: inout [Found], stack: inout [Int],
        fragmentStart: inout [Int: Int]
    ) {
        let lastClose = lastSingleClose(sc, start: start, end: end)
        var i = start
        while i < end {
            let c = sc[i]
            guard isMarkScalar(c) else {
                i += 1
                continue
            }
            if let d = doubled(sc, i, start: start, end: end) {
                let top = stack.last.map { found[$0].family }
                switch d {
                case .open where top != .double, .either where top != .double:
                    open(.double, at: i, pIndex: pIndex, &found, &stack, &fragmentStart)
                    fragmentStart[found.count - 1] = i + 2
                default:
                    if let idx = stack.lastIndex(where: { found[$0].family == .double }) {
                        while stack.count - 1 > idx {
                            closeTop(&found, &stack, &fragmentStart, at: i, sc, unbalanced: true)
                        }
                        closeTop(&found, &stack, &fragmentStart, at: i, sc)
                    }
                }
                i += 2
                continue
            }
            guard let mark = classify(sc, i, start: start, end: end) else {
                i += 1
                continue
            }
            let top = stack.last.map { found[$0].family }
            switch mark {
            case .apostrophe:
                break
            case .open(let fam):
                // A straight " that could open while a double quote is open closes it instead.
                if fam == .double, c == "\"", top == .double {
                    closeTop(&found, &stack, &fragmentStart, at: i, sc)
                } else {
                    open(fam, at: i, pIndex: pIndex, &found, &stack, &fragmentStart)
                }
            case .close(let fam):
                if let idx = stack.lastIndex(where: { found[$0].family == fam }) {
                    // Close inner quotes of other families first (they were unbalanced).
                    while stack.count - 1 > idx {
                        closeTop(&found, &stack, &fragmentStart, at: i, sc, unbalanced: true)
                    }
                    closeTop(&found, &stack, &fragmentStart, at: i, sc)
                }
            case .either(let fam):
                if fam == .double {
                    if top == .double {
                        closeTop(&found, &stack, &fragmentStart, at: i, sc)
                    } else {
                        open(.double, at: i, pIndex: pIndex, &found, &stack, &fragmentStart)
                    }
                } else if let idx = stack.lastIndex(where: { found[$0].family == .single }) {
                    // s’ + space: a close only when nothing later in the paragraph can close the quote.
                    if lastClose <= i {
                        while stack.count - 1 > idx {
                            closeTop(&found, &stack, &fragmentStart, at: i, sc, unbalanced: true)
                        }
                        closeTop(&found, &stack, &fragmentStart, at: i, sc)
                    }
                }
            }
            i += 1
        }
    }

    static func open(
        _ fam: Family, at i: Int, pIndex: Int, _ found: inout [Found], _ stack: inout [Int],
        _ fragmentStart: inout [Int: Int]
    ) {
        let rule: String
        switch fam {
        case .double: rule = "quote.double"
        case .single: rule = "quote.single"
        case .guillemet: rule = "quote.guillemet"
        }
        found.append(
            Found(
                fragments: [], open: i, close: nil, family: fam, parent: stack.last, rule: rule, confidence: 0.9,
                firstParagraph: pIndex, lastParagraph: pIndex))
        stack.append(found.count - 1)
        fragmentStart[found.count - 1] = i + 1
    }

    static func closeTop(
        _ found: inout [Found], _ stack: inout [Int], _ fragmentStart: inout [Int: Int], at i: Int,
        _ sc: [Unicode.Scalar], unbalanced: Bool = false
    ) {
        guard let idx = stack.popLast() else { return }
        addFragment(&found[idx], from: fragmentStart[idx] ?? i, to: i, sc)
        found[idx].close = i
        if unbalanced {
            found[idx].rule = "quote.unbalanced"
            found[idx].confidence = 0.5
        }
    }
}
