/// Decides the encoding of input bytes and decodes them to scalars that remember their byte offsets.
public enum Decoding {
    /// A decoded scalar and the bytes `[start, end)` it came from.
    public struct Unit: Sendable {
        public var scalar: Unicode.Scalar
        public var start: Int
        public var end: Int
    }

    /// What the bytes look like, before any decoding.
    public struct Decision: Sendable, Equatable {
        public var encoding: String
        public var evidence: String
        /// Bytes of a byte-order mark to skip.
        public var bomLength: Int
    }

    /// Decides an encoding: BOM, then the declared charset (HTML `<meta>`), then UTF-8 validity, then Windows-1252.
    public static func decide(_ bytes: [UInt8], declared: String? = nil) -> Decision {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return Decision(encoding: "utf-8", evidence: "bom", bomLength: 3)
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return Decision(encoding: "utf-16le", evidence: "bom", bomLength: 2)
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return Decision(encoding: "utf-16be", evidence: "bom", bomLength: 2)
        }
        let invalidAt = firstInvalidUTF8(bytes)
        if let declared = declared.map(canonicalName) {
            if declared == "utf-8" {
                if invalidAt == nil { return Decision(encoding: "utf-8", evidence: "declared", bomLength: 0) }
                return Decision(
                    encoding: "windows-1252", evidence: "declared-utf-8-but-invalid-at-\(invalidAt!)", bomLength: 0)
            }
            if declared == "windows-1252" {
                // Pages that declare Latin-1 but are valid UTF-8 with multi-byte sequences are UTF-8 in practice.
                if invalidAt == nil && bytes.contains(where: { $0 >= 0x80 }) {
                    return Decision(encoding: "utf-8", evidence: "declared-\(declared)-but-valid-utf-8", bomLength: 0)
                }
                return Decision(encoding: "windows-1252", evidence: "declared", bomLength: 0)
            }
            if declared == "utf-16le" || declared == "utf-16be" {
                return Decision(encoding: declared, evidence: "declared", bomLength: 0)
            }
        }
        if invalidAt == nil { return Decision(encoding: "utf-8", evidence: "utf-8-valid", bomLength: 0) }
        return Decision(encoding: "windows-1252", evidence: "fallback-invalid-utf-8-at-\(invalidAt!)", bomLength: 0)
    }

    /// Folds charset labels to the names this decoder knows.
    public static func canonicalName(_ label: String) -> String {
        let l = label.lowercased().trimmingCharacters(in: .whitespaces)
        switch l {
        case "utf-8", "utf8", "unicode-1-1-utf-8": return "utf-8"
        case "iso-8859-1", "latin1", "latin-1", "iso8859-1", "windows-1252", "cp1252", "us-ascii", "ascii",
            "iso-8859-15", "l1":
            return "windows-1252"
        case "utf-16le": return "utf-16le"
        case "utf-16be", "utf-16": return "utf-16be"
        default: return l
        }
    }

    /// The byte offset of the first invalid UTF-8 sequence, or nil when the bytes are valid UTF-8.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidUTF8(in: $0) }
    }

    static func firstInvalidUTF8(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        let raw = UnsafeRawBufferPointer(bytes)
        while i < n {
            // Eight ASCII bytes at a time: always valid.
            if i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let len: Int
            if b & 0xE0 == 0xC0, b >= 0xC2 {
                len = 2
            } else if b & 0xF0 == 0xE0 {
                len = 3
            } else if b & 0xF8 == 0xF0,
                b <= 0xF4
            {
                len = 4
            } else {
                return i
            }
            if i + len > n { return i }
            for k in 1..<len where bytes[i + k] & 0xC0 != 0x80 { return i }
            if len == 3 {
                let cp = (UInt32(b & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6)
                if cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF) { return i }
            }
            if len == 4 {
                let cp = (UInt32(b & 0x07) << 18) | (UInt32(bytes[i + 1] & 0x3F) << 12)
                if cp < 0x10000 || cp > 0x10FFFF { return i }
            }
            i += len
        }
        return nil
    }

    /// Windows-1252 bytes 0x80–0x9F.
    static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// Decodes `bytes` with a decided encoding; every scalar keeps its byte range. Invalid sequences become U+FFFD.
    public static func decode(_ bytes: [UInt8], _ decision: Decision) -> [Unit] {
        var out: [Unit] = []
        out.reserveCapacity(bytes.count)
        var i = decision.bomLength
        let n = bytes.count
        switch decision.encoding {
        case "windows-1252":
            while i < n {
                let b = bytes[i]
                let v: UInt32 = (b >= 0x80 && b < 0xA0) ? cp1252High[Int(b) - 0x80] : UInt32(b)
                out.append(Unit(scalar: Unicode.Scalar(v) ?? "\u{FFFD}", start: i, end: i + 1))
                i += 1
            }
        case "utf-16le", "utf-16be":
            let le = decision.encoding == "utf-16le"
            func unit(_ k: Int) -> UInt32 {
                le ? UInt32(bytes[k]) | UInt32(bytes[k + 1]) << 8 : UInt32(bytes[k]) << 8 | UInt32(bytes[k + 1])
            }
            while i + 1 < n {
                let u = unit(i)
                if u >= 0xD800 && u < 0xDC00, i + 3 < n {
                    let u2 = unit(i + 2)
                    if u2 >= 0xDC00 && u2 < 0xE000 {
                        let v = 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00)
                        out.append(Unit(scalar: Unicode.Scalar(v) ?? "\u{FFFD}", start: i, end: i + 4))
                        i += 4
                        continue
                    }
                }
                out.append(Unit(scalar: Unicode.Scalar(u) ?? "\u{FFFD}", start: i, end: i + 2))
                i += 2
            }
        default:
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    out.append(Unit(scalar: Unicode.Scalar(b), start: i, end: i + 1))
                    i += 1
                    continue
                }
                var len = 0
                var v: UInt32 = 0
                if b & 0xE0 == 0xC0 {
                    len = 2
                    v = UInt32(b & 0x1F)
                } else if b & 0xF0 == 0xE0 {
                    len = 3
                    v = UInt32(b & 0x0F)
                } else if b & 0xF8 == 0xF0 {
                    len = 4
                    v = UInt32(b & 0x07)
                }
                var ok = len > 0 && i + len <= n
                if ok {
                    for k in 1..<len {
                        let c = bytes[i + k]
                        if c & 0xC0 != 0x80 {
                            ok = false
                            break
                        }
                        v = (v << 6) | UInt32(c & 0x3F)
                    }
                }
                if ok, let s = Unicode.Scalar(v) {
                    out.append(Unit(scalar: s, start: i, end: i + len))
                    i += len
                } else {
                    out.append(Unit(scalar: "\u{FFFD}", start: i, end: i + 1))
                    i += 1
                }
            }
        }
        return out
    }
}
