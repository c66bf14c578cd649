extension String {
    /// The string of `scalars`, encoded to UTF-8 straight into the new string's storage. Appending to a
    /// `String.UnicodeScalarView` does the same scalar by scalar at several times the cost; the result is the same.
    /// The capacity asked for is the exact UTF-8 length: a string of up to 15 bytes (most words) is then a small
    /// string, kept inline with no allocation and no reference count, where a larger capacity would allocate.
    init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        var bytes = 0
        for s in scalars {
            let v = s.value
            bytes += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
        }
        if bytes == 0 {
            self = ""
            return
        }
        self.init(unsafeUninitializedCapacity: bytes) { buffer in
            var i = 0
            for s in scalars {
                let v = s.value
                if v < 0x80 {
                    buffer[i] = UInt8(v)
                    i += 1
                } else if v < 0x800 {
                    buffer[i] = UInt8(0xC0 | v >> 6)
                    buffer[i + 1] = UInt8(0x80 | v & 0x3F)
                    i += 2
                } else if v < 0x10000 {
                    buffer[i] = UInt8(0xE0 | v >> 12)
                    buffer[i + 1] = UInt8(0x80 | v >> 6 & 0x3F)
                    buffer[i + 2] = UInt8(0x80 | v & 0x3F)
                    i += 3
                } else {
                    buffer[i] = UInt8(0xF0 | v >> 18)
                    buffer[i + 1] = UInt8(0x80 | v >> 12 & 0x3F)
                    buffer[i + 2] = UInt8(0x80 | v >> 6 & 0x3F)
                    buffer[i + 3] = UInt8(0x80 | v & 0x3F)
                    i += 4
                }
            }
            return i
        }
    }
}

extension Unicode.Scalar {
    /// `properties.isAlphabetic`, answered without the property tables for ASCII, where only A–Z and a–z are.
    @inline(__always) var isAlphabeticFast: Bool {
        value < 0x80 ? (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A : properties.isAlphabetic
    }

    /// `properties.isUppercase`, answered without the property tables for ASCII, where only A–Z are.
    @inline(__always) var isUppercaseFast: Bool {
        value < 0x80 ? value >= 0x41 && value <= 0x5A : properties.isUppercase
    }
}
