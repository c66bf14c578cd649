extension Document {
    /// A document whose normalized text is `text` itself, split into paragraphs at blank lines.
    ///
    /// For stage tests and for callers that already hold clean text: every scalar maps to its own UTF-8 bytes.
    public static func fromCleanText(_ text: String, id: String = "test") -> Document {
        let bytes = Array(text.utf8)
        var doc = Document(id: id, path: id, bytes: bytes, declaredMediaType: "text/plain")
        var builder = TextBuilder()
        var offset = 0
        for s in text.unicodeScalars {
            let n = String(s).utf8.count
            builder.append(s, from: offset, to: offset + n)
            offset += n
        }
        doc.setText(builder)
        var start = 0
        var i = 0
        let sc = doc.scalars
        func close(_ end: Int) {
            var e = end
            while e > start, sc[e - 1] == " " || sc[e - 1] == "\n" { e -= 1 }
            var s = start
            while s < e, sc[s] == " " || sc[s] == "\n" { s += 1 }
            if e > s {
                let span = Span(s, e)
                doc.paragraphs.append(
                    Paragraph(id: doc.paragraphs.count, role: .paragraph, span: span, sourceSpan: doc.sourceSpan(span)))
            }
        }
        while i < sc.count {
            if sc[i] == "\n", i + 1 < sc.count, sc[i + 1] == "\n" {
                close(i)
                while i < sc.count, sc[i] == "\n" { i += 1 }
                start = i
            } else {
                i += 1
            }
        }
        close(sc.count)
        doc.provided = [.source, .text, .paragraphs]
        return doc
    }
}
