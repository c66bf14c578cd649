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
}
