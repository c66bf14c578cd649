/// How the words of one document are written where their case tells something.
///
/// A capitalized word after an abbreviation ("in the U.S. Officials said") starts a sentence when the same
/// document writes it in lower case elsewhere ("officials") and never capitalizes it inside a sentence; a word
/// the document capitalizes mid-sentence ("President", "Bush") is read as part of a name. The evidence is the
/// document's own text, gathered in one pass the first time a decision needs it.
struct CaseEvidence: Sendable {
    /// Lower-cased words seen starting with a lower-case letter.
    private(set) var lowerSeen: Set<String> = []
    /// Lower-cased words seen capitalized where no sentence could have started.
    private(set) var upperInsideSeen: Set<String> = []

    init(scalars sc: [Unicode.Scalar], paragraphs: [Paragraph]) {
        typealias C = ScalarClass
        for p in paragraphs where p.role != .heading {
            var i = max(0, p.span.start)
            let end = min(sc.count, p.span.end)
            // Whether a sentence may start at the next word: at the paragraph start, after terminal or colon
            // punctuation, a line break, an opening mark, a bullet or a dash.
            var mayStart = true
            while i < end {
                let c = sc[i]
                guard C.isLetter(c) else {
                    if C.isTerminal(c) || c == ":" || C.isBreak(c) || C.isOpener(c) || C.isBullet(c) || C.isDash(c) {
                        mayStart = true
                    } else if !C.isSpace(c) && !C.isCloser(c) {
                        mayStart = false
                    }
                    i += 1
                    continue
                }
                // A word: letters from here; words glued to a digit, apostrophe or hyphen are skipped.
                let glued = i > p.span.start && (C.isDigit(sc[i - 1]) || sc[i - 1] == "'" || sc[i - 1] == "\u{2019}")
                var e = i + 1
                var allUpper = C.isUpper(c)
                while e < end, C.isLetter(sc[e]) {
                    if !C.isUpper(sc[e]) { allUpper = false }
                    e += 1
                }
                if !glued, e - i >= 2 {
                    if C.isLower(c) {
                        lowerSeen.insert(Self.key(sc, i, e))
                    } else if C.isUpper(c), !mayStart, !allUpper {
                        upperInsideSeen.insert(Self.key(sc, i, e))
                    }
                }
                mayStart = false
                i = e
            }
        }
    }

    /// Whether the document treats `word` (lower-cased) as a common word: seen in lower case, never
    /// capitalized inside a sentence.
    func isCommon(_ word: String) -> Bool {
        lowerSeen.contains(word) && !upperInsideSeen.contains(word)
    }

    private static func key(_ sc: [Unicode.Scalar], _ s: Int, _ e: Int) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: sc[s..<e])
        return String(v).lowercased()
    }
}
