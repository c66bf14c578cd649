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
    @inline(__always) func index(_ w: String) -> Int? {
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
