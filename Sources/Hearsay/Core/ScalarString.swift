extension String {
    /// The string of `scalars`, encoded to UTF-8 straight into the new string's storage. Appending to a
    /// `String.UnicodeScalarView` does the same scalar by scalar at several times the cost; the result is the same.
    /// A string of up to 15 scalars (most words) is encoded on the stack first and then made with its exact UTF-8
    /// length, so that one of up to 15 bytes is a small string, kept inline with no allocation and no reference
    /// count (a larger capacity asked for would allocate). The scalars are read once: they may be a lazy view.
    init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        let count = scalars.count
        if count == 0 {
            self = ""
            return
        }
        if count <= 15 {
            self = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 60) { stack in
                let n = String.encode(scalars, into: stack)
                return String(unsafeUninitializedCapacity: n) { buffer in
                    for k in 0..<n { buffer[k] = stack[k] }
                    return n
                }
            }
            return
        }
        self.init(unsafeUninitializedCapacity: count * 4) { buffer in String.encode(scalars, into: buffer) }
    }

    /// Writes the UTF-8 of `scalars` into `buffer` (at least four bytes a scalar) and returns the bytes written.
    @inline(__always)
    private static func encode<C: Collection>(_ scalars: C, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int
    where C.Element == Unicode.Scalar {
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
