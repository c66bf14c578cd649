import Foundation

/// Caps the attributes of each start tag before libxml2 sees the page.
///
/// libxml2 (2.9) checks every attribute of a start tag against all the earlier ones for a duplicate, so one tag
/// with n attributes costs n²/2 name comparisons: 80,000 attributes on one `<p>` take 20 s. This pass runs once
/// over the UTF-8 buffer, in linear time, and blanks (overwrites with spaces) every attribute of a tag after the
/// first `max_attributes`, and every attribute that ends more than `max_tag_bytes` after the tag's `<`. Blanking
/// keeps every byte where it was, so byte offsets into the original input do not move, and white space inside a
/// tag is nothing to the parser. Text is never touched: only bytes between a tag's name and its `>`.
///
/// Rules, in order, at each `<`:
/// 1. `<!--` starts a comment: skipped to `-->`.
/// 2. `<!` or `<?` starts a declaration or processing instruction: skipped to `>`.
/// 3. `<` and an ASCII letter starts a tag: its name, then attributes (a name; optionally `=` and a value, quoted
///    with `"` or `'` up to the same quote, or unquoted up to white space or `>`), as libxml2 reads them. A tag
///    that never closes runs to the end of the buffer, as it does for libxml2.
/// 4. After a `<script>` or `<style>` start tag, the raw text is skipped to the matching end tag.
/// Anything else is text.
struct HTMLTagLimits {
    /// How many tags lost attributes, and the UTF-8 offset of the first attribute blanked, per cap.
    struct Cut {
        var tags = 0
        var attributes = 0
        var firstOffset = 0
    }

    let maxAttributes: Int
    let maxTagBytes: Int

    /// Blanks the attributes over the caps in `buffer`; returns what was cut for each cap (nil when nothing was).
    func apply(_ buffer: inout [UInt8]) -> (tooMany: Cut?, tooLong: Cut?) {
        var tooMany: Cut? = nil
        var tooLong: Cut? = nil
        let n = buffer.count
        buffer.withUnsafeMutableBufferPointer { buf in
            var i = 0
            while i < n {
                // The next `<`, found by memchr.
                guard let at = memchr(buf.baseAddress! + i, 0x3C, n - i) else { break }
                i = buf.baseAddress!.distance(to: at.assumingMemoryBound(to: UInt8.self))
                guard i + 1 < n else {
                    i += 1
                    continue
                }
                let next = buf[i + 1]
                if next == 0x21, i + 3 < n, buf[i + 2] == 0x2D, buf[i + 3] == 0x2D {  // <!--
                    i = Self.find(buf, Self.commentEnd, from: i + 4).map { $0 + 3 } ?? n
                    continue
                }
                if next == 0x21 || next == 0x3F {  // <! or <?
                    i = Self.find(buf, Self.greaterThan, from: i + 2).map { $0 + 1 } ?? n
                    continue
                }
                guard Self.isLetter(next) else {
                    i += 1
                    continue
                }
                let tag = tagEnd(buf, lessThan: i, tooMany: &tooMany, tooLong: &tooLong)
                i = tag.end
                if let raw = tag.rawText {
                    // The end tag `</script` or `</style`, in any case.
                    var j = i
                    while j < n {
                        guard let lt = Self.find(buf, Self.endTagOpen, from: j) else {
                            j = n
                            break
                        }
                        if Self.hasPrefix(buf, lt + 2, raw) {
                            j = lt
                            break
                        }
                        j = lt + 2
                    }
                    i = j
                }
            }
        }
        return (tooMany, tooLong)
    }

    static let script = Array("script".utf8)
    static let style = Array("style".utf8)
    static let commentEnd: [UInt8] = [0x2D, 0x2D, 0x3E]
    static let greaterThan: [UInt8] = [0x3E]
    static let endTagOpen: [UInt8] = [0x3C, 0x2F]

    /// Reads the start tag whose `<` is at `lt`, blanking the attributes over the caps. Returns the offset after
    /// its `>` (or the buffer's end) and, for `<script>` and `<style>`, the name whose end tag closes its raw text.
    func tagEnd(
        _ buf: UnsafeMutableBufferPointer<UInt8>, lessThan lt: Int, tooMany: inout Cut?, tooLong: inout Cut?
    ) -> (end: Int, rawText: [UInt8]?) {
        let n = buf.count
        var j = lt + 1
        while j < n, !Self.isSpace(buf[j]), buf[j] != 0x2F, buf[j] != 0x3E { j += 1 }
        let nameEnd = j
        var count = 0
        var cutFrom: Int? = nil
        var keptCount = 0
        var overCount = false
        while true {
            while j < n, Self.isSpace(buf[j]) || buf[j] == 0x2F { j += 1 }
            if j >= n || buf[j] == 0x3E { break }
            let start = j
            j += 1
            while j < n, !Self.isSpace(buf[j]), buf[j] != 0x2F, buf[j] != 0x3E, buf[j] != 0x3D { j += 1 }
            var k = j
            while k < n, Self.isSpace(buf[k]) { k += 1 }
            if k < n, buf[k] == 0x3D {
                k += 1
                while k < n, Self.isSpace(buf[k]) { k += 1 }
                if k < n, buf[k] == 0x22 || buf[k] == 0x27 {
                    j = Self.find(buf, byte: buf[k], from: k + 1).map { $0 + 1 } ?? n
                } else {
                    while k < n, !Self.isSpace(buf[k]), buf[k] != 0x3E { k += 1 }
                    j = k
                }
            }
            count += 1
            if cutFrom == nil, count > maxAttributes || j - lt > maxTagBytes {
                cutFrom = start
                keptCount = count - 1
                overCount = count > maxAttributes
            }
        }
        if let from = cutFrom {
            for p in from..<j where !(buf[p] == 0x2F && p + 1 < n && buf[p + 1] == 0x3E) {  // keeps the `/` of `/>`
                buf[p] = 0x20
            }
            var c = (overCount ? tooMany : tooLong) ?? Cut(firstOffset: from)
            c.tags += 1
            c.attributes += count - keptCount
            if overCount { tooMany = c } else { tooLong = c }
        }
        let end = j < n ? j + 1 : n
        guard j < n else { return (end, nil) }
        let nameLength = nameEnd - lt - 1
        if nameLength == Self.script.count && Self.hasPrefix(buf, lt + 1, Self.script) { return (end, Self.script) }
        if nameLength == Self.style.count && Self.hasPrefix(buf, lt + 1, Self.style) { return (end, Self.style) }
        return (end, nil)
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
    }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    /// Whether `buf[at...]` starts with `word` (lowercase ASCII), ignoring ASCII case.
    static func hasPrefix(_ buf: UnsafeMutableBufferPointer<UInt8>, _ at: Int, _ word: [UInt8]) -> Bool {
        guard at + word.count <= buf.count else { return false }
        for (k, w) in word.enumerated() where buf[at + k] | 0x20 != w { return false }
        return true
    }

    /// The first offset of `byte` in `buf[from...]` (memchr).
    @inline(__always) static func find(_ buf: UnsafeMutableBufferPointer<UInt8>, byte: UInt8, from: Int) -> Int? {
        guard from < buf.count, let at = memchr(buf.baseAddress! + from, Int32(byte), buf.count - from) else {
            return nil
        }
        return buf.baseAddress!.distance(to: at.assumingMemoryBound(to: UInt8.self))
    }

    /// The first offset of `needle` in `buf[from...]`: memchr to each occurrence of its first byte.
    static func find(_ buf: UnsafeMutableBufferPointer<UInt8>, _ needle: [UInt8], from: Int) -> Int? {
        let n = buf.count
        guard let first = needle.first else { return from }
        var i = from
        while i + needle.count <= n {
            guard let at = find(buf, byte: first, from: i) else { return nil }
            i = at
            guard i + needle.count <= n else { return nil }
            var k = 1
            while k < needle.count, buf[i + k] == needle[k] { k += 1 }
            if k == needle.count { return i }
            i += 1
        }
        return nil
    }
}
