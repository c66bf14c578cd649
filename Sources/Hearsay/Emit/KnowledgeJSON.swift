import Foundation

/// Writes the knowledge file's JSON straight to UTF-8 bytes, without `JSONEncoder` and `Codable`.
///
/// The bytes are the ones `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` (and `.prettyPrinted` for the
/// pretty form) gives for the same values — the knowledge file is a public contract, and `KnowledgeJSONTests`
/// compares the two on seeded random documents with awkward strings and numbers. What that takes:
///
/// - keys: each type's keys are written in sorted (byte) order, listed by hand per type below;
/// - absent values: a key the type's `encode(to:)` writes with `encode` is written as `null`; a key it writes with
///   `encodeIfPresent` (and every optional of a synthesized `Codable`) is left out;
/// - strings: `"` and `\` escaped, `\b \f \n \r \t` by name, other controls below U+0020 as `\u00XX` (lower-case
///   hex), `/` and everything from U+007F up written as they are (UTF-8);
/// - numbers: `Int` in decimal; `Double` as Swift's shortest round-trip `description` with a trailing `.0` cut
///   (`0.6`, `75`, `1e+16`, `1e-05`), as the encoder does;
/// - pretty form: two spaces per level, `"key" : value`, an empty array or object as its brackets around an empty
///   line, and every line after the first prefixed by `indent` (the documents of a knowledge file sit four spaces in).
///
/// A key added to a layer type must be added here too, in its sorted place: `KnowledgeJSONTests` (the pipeline's
/// own documents against the encoder) fails until it is.
struct KnowledgeJSON {
    private(set) var bytes: [UInt8] = []
    let pretty: Bool
    /// Written after every newline before the level's own indentation.
    let indent: [UInt8]
    private var level = 0
    /// The current container has no element yet.
    private var empty = true
    private var stack: [Bool] = []

    init(pretty: Bool, indent: String = "", capacity: Int = 4096) {
        self.pretty = pretty
        self.indent = Array(indent.utf8)
        bytes.reserveCapacity(capacity)
        stack.reserveCapacity(16)
    }

    // MARK: Structure

    private mutating func newline() {
        bytes.append(0x0A)
        bytes.append(contentsOf: indent)
        for _ in 0..<level {
            bytes.append(0x20)
            bytes.append(0x20)
        }
    }

    private mutating func open(_ c: UInt8) {
        bytes.append(c)
        stack.append(empty)
        empty = true
        level += 1
    }

    private mutating func close(_ c: UInt8) {
        level -= 1
        if pretty {
            // The encoder writes an empty container as an empty line between its brackets.
            if empty {
                bytes.append(0x0A)
                bytes.append(contentsOf: indent)
            }
            newline()
        }
        bytes.append(c)
        empty = stack.removeLast()
    }

    /// Starts an element of the current array.
    private mutating func element() {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        if pretty { newline() }
    }

    /// Starts a member of the current object: `"key":` or `"key" : `. Keys are plain ASCII and need no escaping.
    private mutating func key(_ k: StaticString) {
        element()
        bytes.append(0x22)
        k.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
        if pretty {
            bytes.append(0x20)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(0x20)
        } else {
            bytes.append(UInt8(ascii: ":"))
        }
    }

    private mutating func beginObject() { open(UInt8(ascii: "{")) }
    private mutating func endObject() { close(UInt8(ascii: "}")) }
    private mutating func beginArray() { open(UInt8(ascii: "[")) }
    private mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func array<T>(_ items: [T], _ write: (inout KnowledgeJSON, T) -> Void) {
        beginArray()
        for item in items {
            element()
            write(&self, item)
        }
        endArray()
    }

    // MARK: Scalars

    private mutating func null() { bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    mutating func string(_ s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { utf8 in
            var start = 0
            var i = 0
            let n = utf8.count
            while i < n {
                let b = utf8[i]
                if b >= 0x20 && b != 0x22 && b != 0x5C {
                    i += 1
                    continue
                }
                if start < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i])) }
                bytes.append(0x5C)
                switch b {
                case 0x22: bytes.append(0x22)
                case 0x5C: bytes.append(0x5C)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30])
                    bytes.append(Self.hex[Int(b >> 4)])
                    bytes.append(Self.hex[Int(b & 0xF)])
                }
                i += 1
                start = i
            }
            if start < n { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<n])) }
        }
        bytes.append(0x22)
    }

    mutating func int(_ v: Int) {
        if v >= 0 && v < 10 {
            bytes.append(0x30 + UInt8(v))
            return
        }
        var m = v.magnitude
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[n] = 0x30 + UInt8(m % 10)
                m /= 10
                n += 1
            } while m > 0
            if v < 0 { bytes.append(UInt8(ascii: "-")) }
            while n > 0 {
                n -= 1
                bytes.append(d[n])
            }
        }
    }

    mutating func double(_ d: Double) {
        // The encoder's form: `description`, without a trailing ".0". (Non-finite values never occur: the pipeline
        // makes none, and the encoder would have refused them.)
        var s = d.description
        if s.hasSuffix(".0") { s.removeLast(2) }
        bytes.append(contentsOf: s.utf8)
    }

    private mutating func string(_ s: String?) { if let s { string(s) } else { null() } }
    private mutating func int(_ v: Int?) { if let v { int(v) } else { null() } }

    private mutating func span(_ s: Span) {
        beginArray()
        element()
        int(s.start)
        element()
        int(s.end)
        endArray()
    }

    private mutating func span(_ s: Span?) { if let s { span(s) } else { null() } }

    private mutating func strings(_ a: [String]) { array(a) { $0.string($1) } }
    private mutating func ints(_ a: [Int]) { array(a) { $0.int($1) } }

    // MARK: The document

    /// One knowledge document object.
    mutating func document(_ d: KnowledgeDocument) {
        beginObject()
        key("claims")
        array(d.claims) { $0.claim($1) }
        key("diagnostics")
        array(d.diagnostics) { $0.diagnostic($1) }
        key("id")
        string(d.id)
        key("metadata")
        metadata(d.metadata)
        if let p = d.paragraphs {
            key("paragraphs")
            array(p) { $0.paragraph($1) }
        }
        key("quotes")
        array(d.quotes) { $0.quote($1) }
        key("removed")
        array(d.removed) { $0.removal($1) }
        key("sentences")
        array(d.sentences) { $0.sentence($1) }
        key("source")
        source(d.source)
        key("speakers")
        array(d.speakers) { $0.speaker($1) }
        if let t = d.text {
            key("text")
            string(t)
        }
        endObject()
    }

    private mutating func source(_ s: SourceInfo) {
        beginObject()
        key("bytes")
        int(s.bytes)
        key("encoding")
        string(s.encoding)
        key("encoding_evidence")
        string(s.encodingEvidence)
        key("media_type")
        string(s.mediaType)
        key("path")
        string(s.path)
        key("sha256")
        string(s.sha256)
        endObject()
    }

    private mutating func metadata(_ m: Metadata) {
        beginObject()
        key("authors")
        strings(m.authors)
        if let v = m.crawled {
            key("crawled")
            string(v)
        }
        if let v = m.language {
            key("language")
            string(v)
        }
        if let v = m.published {
            key("published")
            string(v)
        }
        if let v = m.siteName {
            key("site_name")
            string(v)
        }
        if let v = m.title {
            key("title")
            string(v)
        }
        if let v = m.url {
            key("url")
            string(v)
        }
        endObject()
    }

    private mutating func provenance(_ p: Provenance) {
        beginObject()
        key("confidence")
        double(p.confidence)
        if let e = p.evidence {
            key("evidence")
            string(e)
        }
        key("rule")
        string(p.rule)
        key("stage")
        string(p.stage)
        endObject()
    }

    private mutating func removal(_ r: Removal) {
        beginObject()
        key("excerpt")
        string(r.excerpt)
        key("rule")
        string(r.rule)
        key("source_span")
        span(r.sourceSpan)
        endObject()
    }

    private mutating func paragraph(_ p: Paragraph) {
        beginObject()
        key("id")
        int(p.id)
        key("role")
        string(p.role.rawValue)
        key("source_span")
        span(p.sourceSpan)
        key("span")
        span(p.span)
        endObject()
    }

    private mutating func sentence(_ s: Sentence) {
        beginObject()
        key("id")
        int(s.id)
        key("paragraph")
        int(s.paragraph)
        key("provenance")
        provenance(s.provenance)
        key("source_span")
        span(s.sourceSpan)
        key("span")
        span(s.span)
        endObject()
    }

    private mutating func speaker(_ s: Speaker) {
        beginObject()
        if let a = s.affiliation {
            key("affiliation")
            string(a)
        }
        key("descriptions")
        strings(s.descriptions)
        key("id")
        string(s.id)
        key("mentions")
        array(s.mentions) { $0.mention($1) }
        key("name")
        string(s.name)
        key("type")
        string(s.type.rawValue)
        endObject()
    }

    private mutating func mention(_ m: Mention) {
        beginObject()
        key("form")
        string(m.form.rawValue)
        key("source_span")
        span(m.sourceSpan)
        key("span")
        span(m.span)
        key("text")
        string(m.text)
        endObject()
    }

    private mutating func quote(_ q: Quote) {
        beginObject()
        if let a = q.attribution {
            key("attribution")
            provenance(a)
        }
        if let c = q.cue {
            key("cue")
            cue(c)
        }
        key("fragments")
        array(q.fragments) { $0.fragment($1) }
        key("id")
        string(q.id)
        key("kind")
        string(q.kind.rawValue)
        if let n = q.nested, !n.isEmpty {
            key("nested")
            array(n) { $0.quote($1) }
        }
        if let p = q.parent {
            key("nested_in")
            string(p)
        }
        key("provenance")
        provenance(q.provenance)
        key("sentences")
        ints(q.sentences)
        key("speaker")
        string(q.speaker)
        if let m = q.speakerMention {
            key("speaker_mention")
            span(m)
        }
        key("speaker_name")
        string(q.speakerName)
        key("text")
        string(q.text)
        endObject()
    }

    private mutating func fragment(_ f: Fragment) {
        beginObject()
        key("source_span")
        span(f.sourceSpan)
        key("span")
        span(f.span)
        endObject()
    }

    private mutating func cue(_ c: Cue) {
        beginObject()
        key("lemma")
        string(c.lemma)
        key("source_span")
        span(c.sourceSpan)
        key("span")
        span(c.span)
        key("text")
        string(c.text)
        endObject()
    }

    /// ``ClaimValue/encode(to:)``: a whole number below 9e15 as an integer, any other number as a Double.
    private mutating func value(_ v: ClaimValue) {
        switch v {
        case .number(let d):
            if d == d.rounded(), abs(d) < 9.0e15 { int(Int(Int64(d))) } else { double(d) }
        case .text(let s): string(s)
        }
    }

    private mutating func value(_ v: ClaimValue?) { if let v { value(v) } else { null() } }

    private mutating func claim(_ c: Claim) {
        beginObject()
        key("change")
        string(c.change)
        key("equivalents")
        array(c.equivalents) { $0.equivalent($1) }
        key("id")
        string(c.id)
        key("kind")
        string(c.kind.rawValue)
        key("provenance")
        provenance(c.provenance)
        key("qualifier")
        string(c.qualifier)
        key("quote")
        string(c.quote)
        key("sentence")
        int(c.sentence)
        key("source_span")
        span(c.sourceSpan)
        key("span")
        span(c.span)
        key("speaker")
        string(c.speaker)
        key("subject")
        if let s = c.subject { subject(s) } else { null() }
        key("text")
        string(c.text)
        // A date or time: `value` null, its TIMEX string in `timex`; an amount: the number, `timex` null.
        key("timex")
        switch c.value {
        case .number:
            null()
            key("unit")
            string(c.unit)
            key("value")
            value(c.value)
        case .text(let t):
            string(t)
            key("unit")
            string(c.unit)
            key("value")
            null()
        }
        key("value_max")
        value(c.valueMax)
        endObject()
    }

    private mutating func equivalent(_ e: Equivalent) {
        beginObject()
        key("source_span")
        span(e.sourceSpan)
        key("span")
        span(e.span)
        key("text")
        string(e.text)
        key("unit")
        string(e.unit)
        key("value")
        value(e.value)
        endObject()
    }

    private mutating func subject(_ s: ClaimSubject) {
        beginObject()
        key("confidence")
        double(s.confidence)
        key("rule")
        string(s.rule)
        key("source_span")
        span(s.sourceSpan)
        key("span")
        span(s.span)
        key("text")
        string(s.text)
        endObject()
    }

    private mutating func diagnostic(_ d: Diagnostic) {
        beginObject()
        key("code")
        string(d.code)
        key("message")
        string(d.message)
        key("severity")
        string(d.severity.rawValue)
        if let s = d.sourceSpan {
            key("source_span")
            span(s)
        }
        key("stage")
        string(d.stage)
        endObject()
    }

    // MARK: Errors, generator, corpus

    mutating func error(_ e: HearsayError) {
        beginObject()
        if let v = e.byteOffset {
            key("byte_offset")
            int(v)
        }
        if let v = e.cause {
            key("cause")
            string(v)
        }
        key("code")
        string(e.code)
        if let v = e.column {
            key("column")
            int(v)
        }
        if let v = e.file {
            key("file")
            string(v)
        }
        if let v = e.line {
            key("line")
            int(v)
        }
        key("message")
        string(e.message)
        if let v = e.stage {
            key("stage")
            string(v)
        }
        endObject()
    }

    mutating func errors(_ list: [HearsayError]) { array(list) { $0.error($1) } }

    /// A `[String: String]` with sorted keys, as the encoder writes a dictionary.
    mutating func dictionary(_ d: [String: String]) {
        beginObject()
        for k in d.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            element()
            string(k)
            if pretty {
                bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
            } else {
                bytes.append(UInt8(ascii: ":"))
            }
            string(d[k]!)
        }
        endObject()
    }

    mutating func corpus(_ c: CorpusKnowledge) {
        beginObject()
        key("quote_groups")
        array(c.quoteGroups) { $0.quoteGroup($1) }
        key("speakers")
        array(c.speakers) { $0.corpusSpeaker($1) }
        endObject()
    }

    private mutating func corpusSpeaker(_ s: CorpusSpeaker) {
        beginObject()
        key("aliases")
        strings(s.aliases)
        key("descriptions")
        strings(s.descriptions)
        key("documents")
        array(s.documents) { w, a in
            w.beginObject()
            w.key("document")
            w.string(a.document)
            w.key("quotes")
            w.strings(a.quotes)
            w.key("speaker")
            w.string(a.speaker)
            w.endObject()
        }
        key("id")
        string(s.id)
        key("name")
        string(s.name)
        key("type")
        string(s.type)
        endObject()
    }

    private mutating func quoteGroup(_ g: QuoteGroup) {
        beginObject()
        key("id")
        string(g.id)
        key("quotes")
        array(g.quotes) { w, m in
            w.beginObject()
            w.key("document")
            w.string(m.document)
            w.key("quote")
            w.string(m.quote)
            w.key("speaker")
            w.string(m.speaker)
            w.key("text")
            w.string(m.text)
            w.endObject()
        }
        key("similarity")
        double(g.similarity)
        key("variants")
        array(g.variants) { w, v in
            w.beginObject()
            w.key("changes")
            w.array(v.changes) { w, c in
                w.beginObject()
                w.key("op")
                w.string(c.op.rawValue)
                w.key("reference")
                w.string(c.reference)
                w.key("span")
                w.span(c.span)
                w.key("variant")
                w.string(c.variant)
                w.endObject()
            }
            w.key("document")
            w.string(v.document)
            w.key("quote")
            w.string(v.quote)
            w.endObject()
        }
        endObject()
    }
}

extension KnowledgeJSON {
    /// One document as compact JSON.
    static func line(_ d: KnowledgeDocument) -> Data {
        var w = KnowledgeJSON(pretty: false, capacity: 16384)
        w.document(d)
        return Data(w.bytes)
    }

    /// One error pretty-printed as an element of the knowledge file's `errors` list (every line indented).
    static func pretty(_ e: HearsayError, indent: String) -> Data {
        var w = KnowledgeJSON(pretty: true, indent: indent, capacity: 512)
        w.bytes.append(contentsOf: w.indent)
        w.error(e)
        return Data(w.bytes)
    }

    /// One document pretty-printed, every line after the first prefixed by `indent`; the first line gets it too,
    /// as ``KnowledgeEncoding/prettyData(_:indent:)`` does.
    static func pretty(_ d: KnowledgeDocument, indent: String) -> Data {
        var w = KnowledgeJSON(pretty: true, indent: indent, capacity: 32768)
        w.bytes.append(contentsOf: w.indent)
        w.document(d)
        return Data(w.bytes)
    }
}
