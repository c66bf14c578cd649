/// One token of a sentence for the claims scanner: a digit run, a word, or a single other character.
struct ClaimToken: Sendable {
    enum Kind: UInt8, Sendable { case number, word, symbol }
    var kind: Kind
    /// Scalar offsets into the document text, end exclusive.
    var start: Int
    var end: Int
    /// Lower-case text (words, symbols) or the digits as written (numbers).
    var lower: String
    /// Numbers: the value (grouping commas removed); NaN when the digits do not form a number.
    var value: Double = 0
    /// Numbers: digits before the decimal point; whether grouping separators or a decimal part were seen.
    var intDigits: Int = 0
    var grouped = false
    var decimal = false
    /// White space (or the unit start) before this token.
    var spaceBefore = true
    /// Words: first letter upper case; all letters upper case.
    var capitalized = false
    var allCaps = false
    /// Words: some letter is upper case ("iPhone").
    var hasUpper = false

    /// Where ``lower`` is stored in a token, for ``ClaimTokenRef/lowerKey``.
    @inline(__always) static var lowerOffset: Int { MemoryLayout<ClaimToken>.offset(of: \ClaimToken.lower)! }
}

/// The tokens of one unit as the claims rules read them (`t[i].kind`, `t[i].lower`, `t.count`), in place.
///
/// An `Array`'s subscript hands out the whole token, and the optimizer copied all 64 bytes of it, retaining and
/// releasing its text, for a read of one field (`t[i].kind`): tens of thousands of times per thousand sentences.
/// This view's subscript hands out a ``ClaimTokenRef``, a pointer to the token in the array's storage whose
/// properties read one field each. The array is kept (a `let`), so its storage neither moves nor goes while the view
/// lives; the index is checked as the array checks it.
struct ClaimTokens {
    /// The tokens; their storage is what the references point into.
    let array: [ClaimToken]
    private let base: UnsafePointer<ClaimToken>?
    let count: Int

    init(_ array: [ClaimToken]) {
        self.array = array
        count = array.count
        base = array.withUnsafeBufferPointer { $0.baseAddress }
    }

    @inline(__always) subscript(_ i: Int) -> ClaimTokenRef {
        precondition(i >= 0 && i < count, "token index out of range")
        return ClaimTokenRef(base.unsafelyUnwrapped + i)
    }
}

/// (A collection, so that rules may also walk the tokens: `for tok in t`, `t.indices`.)
extension ClaimTokens: RandomAccessCollection {
    var startIndex: Int { 0 }
    var endIndex: Int { count }
}

/// One token of a ``ClaimTokens`` view: the fields of ``ClaimToken``, each read where the token is stored. Valid
/// while the view it came from lives (the rules read it within one unit).
struct ClaimTokenRef {
    private let p: UnsafePointer<ClaimToken>
    @inline(__always) init(_ p: UnsafePointer<ClaimToken>) { self.p = p }

    @inline(__always) var kind: ClaimToken.Kind { p.pointee.kind }
    @inline(__always) var start: Int { p.pointee.start }
    @inline(__always) var end: Int { p.pointee.end }
    @inline(__always) var lower: String { p.pointee.lower }
    /// The two machine words of ``lower`` as stored (see ``SmallKey``), read without copying the string.
    @inline(__always) var lowerKey: (low: UInt64, high: UInt64) {
        UnsafeRawPointer(p).load(fromByteOffset: ClaimToken.lowerOffset, as: (low: UInt64, high: UInt64).self)
    }
    @inline(__always) var value: Double { p.pointee.value }
    @inline(__always) var intDigits: Int { p.pointee.intDigits }
    @inline(__always) var grouped: Bool { p.pointee.grouped }
    @inline(__always) var decimal: Bool { p.pointee.decimal }
    @inline(__always) var spaceBefore: Bool { p.pointee.spaceBefore }
    @inline(__always) var capitalized: Bool { p.pointee.capitalized }
    @inline(__always) var allCaps: Bool { p.pointee.allCaps }
    @inline(__always) var hasUpper: Bool { p.pointee.hasUpper }
}

/// Splits text into ``ClaimToken``s by scanning Unicode scalars once.
enum ClaimTokenizer {
    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 128 { return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) }
        if v == 0x2019 || v == 0x00B0 || v == 0x00B5 || v == 0x03BC { return false }
        return s.properties.isAlphabetic
    }

    /// Tokens of `scalars[from..<to]`.
    static func tokenize(_ sc: [Unicode.Scalar], _ from: Int, _ to: Int, into out: inout [ClaimToken]) {
        let small = SmallKey.layoutHolds
        var i = from
        var space = true
        while i < to {
            let c = sc[i]
            if isSpace(c) {
                space = true
                i += 1
                continue
            }
            if isDigit(c) || (c == "." && i + 1 < to && isDigit(sc[i + 1]) && (i == from || !isDigit(sc[i - 1]))) {
                var j = i
                var intDigits = 0
                var seps = 0
                var lastSep: Unicode.Scalar = " "
                var commas = 0
                var dots = 0
                var groupsOk = true
                var groupLen = 0
                // the value of a plain run of at most 15 digits, read as it goes (exact in a Double); and of all
                // the digits while there are at most 15 (a number with grouping separators only)
                var whole: Int64 = 0
                var digits: Int64 = 0
                var digitCount = 0
                while j < to {
                    let d = sc[j]
                    if isDigit(d) {
                        if j - i < 15 { whole = whole &* 10 &+ Int64(d.value - 48) }
                        if digitCount < 15 { digits = digits &* 10 &+ Int64(d.value - 48) }
                        digitCount += 1
                        groupLen += 1
                        j += 1
                    } else if (d == "," || d == ".") && j + 1 < to && isDigit(sc[j + 1]) && (j > i || d == ".") {
                        if d == "," {
                            commas += 1
                            if seps > 0 && lastSep == "," && groupLen != 3 && groupLen != 2 { groupsOk = false }
                        } else {
                            dots += 1
                        }
                        if seps == 0 { intDigits = groupLen }
                        seps += 1
                        lastSep = d
                        groupLen = 0
                        j += 1
                    } else {
                        break
                    }
                }
                if seps == 0 { intDigits = groupLen }
                // digits and separators only: ASCII, one byte each
                let text = asciiString(sc, i, j)
                var tok = ClaimToken(kind: .number, start: i, end: j, lower: text)
                tok.spaceBefore = space
                // Decide what the separators mean.
                var value = Double.nan
                if commas > 0 && dots == 0 {
                    if groupLen == 3 && groupsOk {
                        tok.grouped = true
                        value = digitCount <= 15 ? Double(digits) : Double(String(text.filter { $0 != "," })) ?? .nan
                    } else if commas == 1 {
                        tok.decimal = true
                        value = Double(text.replacingOccurrences(of: ",", with: ".")) ?? .nan
                    }
                } else if dots > 1 && commas == 0 {
                    tok.grouped = true
                    value =
                        groupLen != 3
                        ? .nan : digitCount <= 15 ? Double(digits) : Double(String(text.filter { $0 != "." })) ?? .nan
                } else if commas > 0 && dots == 1 {
                    tok.grouped = true
                    tok.decimal = true
                    value = Double(String(text.filter { $0 != "," })) ?? .nan
                } else if seps == 0 && j - i <= 15 {
                    value = Double(whole)
                } else {
                    tok.decimal = dots == 1
                    value = Double(text) ?? .nan
                }
                // Scientific notation: 1.3e6, -12e-1, 12.32e+14.
                if j + 1 < to, sc[j] == "e" || sc[j] == "E" {
                    var k = j + 1
                    var sign = 1.0
                    if sc[k] == "+" || sc[k] == "-" {
                        if sc[k] == "-" { sign = -1 }
                        k += 1
                    }
                    var e = 0
                    var n = 0
                    while k < to, isDigit(sc[k]), n < 3 {
                        e = e * 10 + Int(sc[k].value - 48)
                        k += 1
                        n += 1
                    }
                    if n > 0, k >= to || !isLetter(sc[k]) {
                        value *= pow10(sign * Double(e))
                        tok.end = k
                        j = k
                        tok.decimal = true
                    }
                }
                tok.value = value
                tok.intDigits = intDigits
                out.append(consume tok)
                space = false
                i = j
                continue
            }
            if isLetter(c) {
                var j = i + 1
                while j < to {
                    let d = sc[j]
                    if isLetter(d) {
                        j += 1
                    } else if (d == "'" || d == "\u{2019}") && j + 1 < to && isLetter(sc[j + 1])
                        && !((sc[j + 1] == "s" || sc[j + 1] == "S") && (j + 2 >= to || !isLetter(sc[j + 2])))
                    {
                        j += 1
                    } else {
                        break
                    }
                }
                var ascii = true
                var upper = 0
                var lowerCount = 0
                let lowered: String
                if small && j - i <= 15 {
                    // an ASCII word of at most 15 letters: its lower-case bytes packed as a small string's words
                    var low: UInt64 = 0
                    var high: UInt64 = 0
                    for k in i..<j {
                        let v = sc[k].value
                        var b = UInt64(v)
                        if v >= 65 && v <= 90 {
                            upper += 1
                            b += 32
                        } else if v < 128 {
                            if v >= 97 && v <= 122 { lowerCount += 1 }
                        } else {
                            ascii = false
                            break
                        }
                        let n = UInt64(k - i)
                        if n < 8 { low |= b << (8 * n) } else { high |= b << (8 * (n - 8)) }
                    }
                    lowered = ascii ? SmallKey.string(low, high | (0xE0 | UInt64(j - i)) << 56) : ""
                } else {
                    // the lower-case text written straight into the string's storage (no byte array per word)
                    lowered = String(unsafeUninitializedCapacity: j - i) { buf in
                        var n = 0
                        for k in i..<j {
                            let v = sc[k].value
                            if v >= 65 && v <= 90 {
                                upper += 1
                                buf[n] = UInt8(v + 32)
                            } else if v < 128 {
                                if v >= 97 && v <= 122 { lowerCount += 1 }
                                buf[n] = UInt8(v)
                            } else {
                                ascii = false
                                return 0
                            }
                            n += 1
                        }
                        return n
                    }
                }
                var tok: ClaimToken
                if ascii {
                    tok = ClaimToken(kind: .word, start: i, end: j, lower: lowered)
                    tok.capitalized = c.value >= 65 && c.value <= 90
                    tok.allCaps = tok.capitalized && lowerCount == 0
                    tok.hasUpper = upper > 0
                } else {
                    var v = String.UnicodeScalarView()
                    v.append(contentsOf: sc[i..<j])
                    let raw = String(v)
                    tok = ClaimToken(kind: .word, start: i, end: j, lower: raw.lowercased())
                    tok.capitalized = c.isUppercaseFast
                    tok.allCaps = tok.capitalized && raw.unicodeScalars.allSatisfy { !$0.properties.isLowercase }
                    tok.hasUpper = tok.capitalized || raw.unicodeScalars.contains { $0.isUppercaseFast }
                }
                tok.spaceBefore = space
                out.append(consume tok)
                space = false
                i = j
                continue
            }
            let mark = c.isASCII ? asciiStrings[Int(c.value)] : String(Character(c))
            var tok = ClaimToken(kind: .symbol, start: i, end: i + 1, lower: mark)
            tok.spaceBefore = space
            out.append(consume tok)
            space = false
            i += 1
        }
    }

    /// The one-character strings of the ASCII marks, made once.
    static let asciiStrings: [String] = (0..<128).map { String(Character(Unicode.Scalar(UInt8($0)))) }

    /// The string of `sc[from..<to]`, every scalar ASCII (digits and separators).
    static func asciiString(_ sc: [Unicode.Scalar], _ from: Int, _ to: Int) -> String {
        String(unsafeUninitializedCapacity: to - from) { buf in
            for k in from..<to { buf[k - from] = UInt8(truncatingIfNeeded: sc[k].value) }
            return to - from
        }
    }

    /// A lexicon phrase as the token texts it must match.
    static func phraseTokens(_ phrase: String) -> [String] { phraseTokenList(phrase).map(\.lower) }

    static func phraseTokenList(_ phrase: String) -> [ClaimToken] {
        let sc = Array(phrase.lowercased().unicodeScalars)
        var toks: [ClaimToken] = []
        tokenize(sc, 0, sc.count, into: &toks)
        return toks
    }

    static func pow10(_ e: Double) -> Double {
        var r = 1.0
        var n = Int(abs(e))
        while n > 0 {
            r *= 10
            n -= 1
        }
        return e < 0 ? 1 / r : r
    }
}
