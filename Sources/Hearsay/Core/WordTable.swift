/// Fixed word lists for hot lookups by token text: the same answers as `Set<String>.contains` and a dictionary's
/// subscript, without Swift's seeded SipHash per lookup.
///
/// A table is built once (from a lexicon file) and only read afterwards. An ASCII word is hashed from its bytes with
/// a fixed multiply-and-shift mix, eight bytes at a time, into an open-addressing table of at most half load; a
/// lookup compares the full 64-bit hash before it compares the strings, so most misses never compare text.
/// `String` equality is canonical equivalence, and an ASCII string is equivalent only to strings whose NFC form is
/// those same bytes: so the byte table holds the ASCII words and the ASCII equivalent of each other word when it has
/// one (a Kelvin sign "K" is a "K"), and a query with any non-ASCII byte is looked up in a `Dictionary` of every
/// word, as before. `WordTableTests` checks the answers against `Set` and `Dictionary`.
///
/// Most queries are token texts of at most 15 ASCII bytes, which Swift keeps inline as a "small" string: its two
/// words are the bytes themselves plus a count. Such a query is looked up by those two words (``SmallKey``) in a
/// second table holding every key of at most 15 bytes, with no pass over its bytes and no string comparison. The
/// small-string layout is checked once at start-up (``SmallKey/layoutHolds``); where it does not hold, and for any
/// other query (longer, not ASCII, or a long-form string of few bytes), the byte hash above answers.
/// A final class with constant storage: a lexicon's tables are read through one reference, not copied.
final class WordTable: Sendable {
    private let hashes: [UInt64]
    /// The index into `words` of each slot, -1 when empty.
    private let slots: [Int32]
    private let mask: Int
    private let shift: UInt64
    /// Every word by its index, for a query that is not ASCII.
    private let other: [String: Int32]
    let words: [String]
    /// The keys of at most 15 bytes by their small-string form (see ``SmallKey``); empty when the layout check
    /// failed.
    private let small: [SmallKey.Slot]
    private let smallMask: Int
    private let smallShift: UInt64

    init<S: Sequence>(_ list: S) where S.Element == String {
        var words: [String] = []
        var other: [String: Int32] = [:]
        for w in list where other[w] == nil {
            other[w] = Int32(words.count)
            words.append(w)
        }
        var keys: [(bytes: String, index: Int32)] = []
        for (i, w) in words.enumerated() {
            if w.utf8.allSatisfy({ $0 < 0x80 }) {
                keys.append((w, Int32(i)))
            } else if let ascii = Self.asciiEquivalent(w) {
                keys.append((ascii, Int32(i)))
            }
        }
        var bits: UInt64 = 3
        while (1 << bits) < 2 * max(keys.count, 1) { bits += 1 }
        var hashes = [UInt64](repeating: 0, count: 1 << bits)
        var slots = [Int32](repeating: -1, count: 1 << bits)
        for (bytes, index) in keys {
            let h = Self.hash(bytes).hash
            var s = Int(truncatingIfNeeded: h >> (64 - bits))
            while slots[s] >= 0 { s = (s + 1) & (slots.count - 1) }
            slots[s] = index
            hashes[s] = h
        }
        self.hashes = hashes
        self.slots = slots
        mask = slots.count - 1
        shift = 64 - bits
        self.words = words
        self.other = other
        let shortKeys = SmallKey.layoutHolds ? keys.filter { $0.bytes.utf8.count <= 15 } : []
        var smallBits: UInt64 = 3
        while (1 << smallBits) < 2 * max(shortKeys.count, 1) { smallBits += 1 }
        var small = [SmallKey.Slot](repeating: SmallKey.Slot(low: 0, high: 0, index: -1), count: 1 << smallBits)
        for (bytes, index) in shortKeys {
            let k = SmallKey.packed(Array(bytes.utf8))
            var s = Int(truncatingIfNeeded: SmallKey.hash(k.low, k.high) >> (64 - smallBits))
            while small[s].index >= 0 { s = (s + 1) & (small.count - 1) }
            small[s] = SmallKey.Slot(low: k.low, high: k.high, index: index)
        }
        self.small = SmallKey.layoutHolds ? small : []
        smallMask = small.count - 1
        smallShift = 64 - smallBits
    }

    /// The scalars whose canonical decomposition is one ASCII character: KELVIN SIGN, GREEK QUESTION MARK, GREEK
    /// VARIA (`FastPathTests` checks every scalar against `String` equality).
    static let asciiSingletons: [Unicode.Scalar: Unicode.Scalar] = ["\u{212A}": "K", "\u{037E}": ";", "\u{1FEF}": "`"]

    /// The ASCII string `==` to `w`, if there is one: every other scalar of `w` is ASCII (a composed or combining
    /// letter never is, in any normal form).
    static func asciiEquivalent(_ w: String) -> String? {
        var v = String.UnicodeScalarView()
        for s in w.unicodeScalars {
            if s.isASCII {
                v.append(s)
            } else if let a = asciiSingletons[s] {
                v.append(a)
            } else {
                return nil
            }
        }
        let a = String(v)
        return a == w ? a : nil
    }

    /// The index of `w` in ``words`` (the word `==` to it), or nil.
    /// (The small-string probe is written into each caller; the rest is one call.)
    @inline(__always) func index(_ w: String) -> Int? {
        if let (low, high) = SmallKey.ascii(w), !small.isEmpty { return index(smallKey: low, high) }
        return hashedIndex(w)
    }

    /// Whether ``index(smallKey:_:)`` may be asked: the layout check held.
    @inline(__always) var takesSmallKeys: Bool { !small.isEmpty }

    /// ``index(_:)`` of the small ASCII string whose two words are `low`, `high` (``SmallKey/ascii(_:)``); only
    /// where ``takesSmallKeys``.
    @inline(__always) func index(smallKey low: UInt64, _ high: UInt64) -> Int? {
        small.withUnsafeBufferPointer { slots in
            var s = Int(truncatingIfNeeded: SmallKey.hash(low, high) >> smallShift)
            while true {
                let slot = slots[s]
                if slot.index < 0 { return nil }
                if slot.low == low && slot.high == high { return Int(slot.index) }
                s = (s + 1) & smallMask
            }
        }
    }

    /// ``index(_:)`` by the byte hash, or for a query that is not ASCII by the dictionary.
    @inline(never) private func hashedIndex(_ w: String) -> Int? {
        let (h, ascii) = Self.hash(w)
        guard ascii else { return other[w].map { Int($0) } }
        var s = Int(truncatingIfNeeded: h >> shift)
        while true {
            let k = slots[s]
            if k < 0 { return nil }
            if hashes[s] == h, words[Int(k)] == w { return Int(k) }
            s = (s + 1) & mask
        }
    }

    /// A 64-bit hash of the UTF-8 bytes of `w` (fixed, not seeded: the table is read-only and its keys are ours),
    /// and whether every byte is ASCII.
    @inline(__always) static func hash(_ w: String) -> (hash: UInt64, ascii: Bool) {
        if let r = w.utf8.withContiguousStorageIfAvailable({ hash(bytes: UnsafeRawBufferPointer($0)) }) { return r }
        return Array(w.utf8).withUnsafeBytes { hash(bytes: $0) }
    }

    /// The hash of ``hash(_:)`` over `b`: eight bytes at a time, the last up to seven by one 4-, 2- and 1-byte load.
    @inline(__always) static func hash(bytes b: UnsafeRawBufferPointer) -> (hash: UInt64, ascii: Bool) {
        let n = b.count
        var h = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15
        guard let raw = b.baseAddress else { return (h, true) }
        var high: UInt64 = 0
        var i = 0
        while i + 8 <= n {
            let chunk = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            high |= chunk
            h = (h ^ chunk) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        let rest = n - i
        if rest > 0 {
            var tail: UInt64 = 0
            var bits: UInt64 = 0
            if rest & 4 != 0 {
                tail = UInt64(raw.loadUnaligned(fromByteOffset: i, as: UInt32.self))
                bits = 32
                i += 4
            }
            if rest & 2 != 0 {
                tail |= UInt64(raw.loadUnaligned(fromByteOffset: i, as: UInt16.self)) << bits
                bits += 16
                i += 2
            }
            if rest & 1 != 0 { tail |= UInt64(raw.load(fromByteOffset: i, as: UInt8.self)) << bits }
            high |= tail
            h = (h ^ tail) &* 0xFF51_AFD7_ED55_8CCD
        }
        h ^= h >> 29
        h = h &* 0xC4CE_B9FE_1A85_EC53
        return (h ^ (h >> 32), high & 0x8080_8080_8080_8080 == 0)
    }
}

/// The two machine words of a small ASCII `String` (at most 15 bytes, kept inline): on 64-bit little-endian
/// platforms the first holds bytes 0–7, the second bytes 8–14 and, in its top byte, the discriminator `0xE` (small,
/// ASCII) and the count; unused bytes are zero. Two small ASCII strings are `==` exactly when their words are equal.
/// The layout is the standard library's, not a public API, so ``layoutHolds`` checks it once on strings made at run
/// time, and the tables use these keys only when it holds.
enum SmallKey {
    struct Slot: Sendable {
        var low: UInt64
        var high: UInt64
        /// The index into ``WordTable/words``, -1 when the slot is empty.
        var index: Int32
    }

    /// The two words of `w` when it is a small ASCII string.
    @inline(__always) static func ascii(_ w: String) -> (low: UInt64, high: UInt64)? {
        let raw = unsafeBitCast(w, to: (UInt64, UInt64).self)
        return raw.1 >> 60 == 0xE ? raw : nil
    }

    /// The words a small ASCII string of `bytes` (at most 15, all ASCII) has.
    static func packed(_ bytes: [UInt8]) -> (low: UInt64, high: UInt64) {
        var low: UInt64 = 0
        var high: UInt64 = (0xE0 | UInt64(bytes.count)) << 56
        for (i, b) in bytes.enumerated() {
            if i < 8 { low |= UInt64(b) << (8 * UInt64(i)) } else { high |= UInt64(b) << (8 * UInt64(i - 8)) }
        }
        return (low, high)
    }

    /// The small ASCII string whose words are `low` and `high` (as ``packed`` gives them); only where
    /// ``layoutHolds``.
    @inline(__always) static func string(_ low: UInt64, _ high: UInt64) -> String {
        unsafeBitCast((low, high), to: String.self)
    }

    @inline(__always) static func hash(_ low: UInt64, _ high: UInt64) -> UInt64 {
        (low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0xFF51_AFD7_ED55_8CCD
    }

    /// Whether strings made at run time from ASCII bytes of every length 0–15 have the words ``packed`` gives, a
    /// 16-byte string has not, and a small non-ASCII string is not taken for an ASCII one.
    static let layoutHolds: Bool = {
        guard MemoryLayout<String>.size == 16, UInt16(littleEndian: 1) == 1 else { return false }
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        for n in 0...15 {
            let bytes = Array(letters[(n % 7)..<(n % 7 + n)])
            guard let k = ascii(String(decoding: bytes, as: UTF8.self)), k == packed(bytes) else { return false }
        }
        return ascii(String(decoding: letters[0..<16], as: UTF8.self)) == nil
            && ascii(String(decoding: [0xC3, 0xA9], as: UTF8.self)) == nil
    }()
}

/// A fixed set of words: `contains` answers as `Set<String>.contains` does (see ``WordTable``).
struct WordSet: Sendable, Sequence, ExpressibleByArrayLiteral {
    private let table: WordTable

    init<S: Sequence>(_ words: S) where S.Element == String { table = WordTable(words) }
    init(arrayLiteral words: String...) { self.init(words) }

    @inline(__always) func contains(_ w: String) -> Bool { table.index(w) != nil }
    var isEmpty: Bool { table.words.isEmpty }
    var count: Int { table.words.count }
    func union(_ other: WordSet) -> WordSet { WordSet(table.words + other.table.words) }
    func makeIterator() -> IndexingIterator<[String]> { table.words.makeIterator() }
}

/// A fixed map from words to values: the subscript answers as a dictionary's does (see ``WordTable``).
struct WordMap<Value: Sendable>: Sendable {
    /// One reference for the table, the values and the dictionary they came from.
    private final class Storage: Sendable {
        let table: WordTable
        let values: [Value]
        let dictionary: [String: Value]
        init(_ dictionary: [String: Value]) {
            self.dictionary = dictionary
            table = WordTable(dictionary.keys)
            values = table.words.map { dictionary[$0]! }
        }
    }
    private let storage: Storage

    init(_ dictionary: [String: Value]) { storage = Storage(dictionary) }

    @inline(__always) subscript(_ w: String) -> Value? {
        guard let k = storage.table.index(w) else { return nil }
        return storage.values[k]
    }
    /// The value of a small ASCII string by its two words (see ``WordTable/index(smallKey:_:)``).
    @inline(__always) func value(smallKey low: UInt64, _ high: UInt64) -> Value? {
        guard let k = storage.table.index(smallKey: low, high) else { return nil }
        return storage.values[k]
    }
    @inline(__always) var takesSmallKeys: Bool { storage.table.takesSmallKeys }
    /// The map as a dictionary, for the few readers that walk it.
    var dictionary: [String: Value] { storage.dictionary }
    var keys: Dictionary<String, Value>.Keys { storage.dictionary.keys }
    var isEmpty: Bool { storage.dictionary.isEmpty }
}

extension WordMap: ExpressibleByDictionaryLiteral {
    init(dictionaryLiteral elements: (String, Value)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { a, _ in a }))
    }
}
