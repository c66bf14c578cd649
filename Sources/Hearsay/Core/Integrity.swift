extension Document {
    /// Broken promises of a processed document, as short sentences (empty when all hold).
    ///
    /// What every output must satisfy whatever the input: the text map has one byte range per scalar, inside the
    /// original bytes; every span of every layer lies inside the text and its `source_span` is the one the text map
    /// gives; sentences are in order and do not overlap; two quotes overlap only when one is nested in the other
    /// (`parent`); a quote's speaker is one of the document's speakers and its `speaker_name` that speaker's name;
    /// claims do not overlap. The fuzz targets trap on any problem, the property tests assert none.
    public func integrityProblems() -> [String] {
        var problems: [String] = []
        let n = scalars.count
        let bytes = original.count
        func note(_ s: String) { if problems.count < 20 { problems.append(s) } }
        if sourceStart.count != n || sourceEnd.count != n {
            note("text map has \(sourceStart.count)/\(sourceEnd.count) entries for \(n) scalars")
            return problems
        }
        for i in 0..<n {
            let s = Int(sourceStart[i])
            let e = Int(sourceEnd[i])
            if s < 0 || e < s || e > bytes {
                note("scalar \(i) maps to bytes [\(s), \(e)) outside the \(bytes)-byte input")
                break
            }
        }
        func inside(_ span: Span) -> Bool { span.start >= 0 && span.start <= span.end && span.end <= n }
        func check(_ what: String, _ span: Span, _ source: Span, exact: Bool = true) {
            if !inside(span) {
                note("\(what) span \(span) is outside the \(n)-scalar text")
            } else if source.start < 0 || source.end > bytes || source.start > source.end {
                note("\(what) source span \(source) is outside the \(bytes)-byte input")
            } else if exact, source != sourceSpan(span) {
                note("\(what) source span \(source) is not the text map's \(sourceSpan(span))")
            }
        }
        for p in paragraphs { check("paragraph \(p.id)", p.span, p.sourceSpan, exact: false) }
        var previousEnd = 0
        for s in sentences {
            check("sentence \(s.id)", s.span, s.sourceSpan)
            if s.span.start < previousEnd { note("sentence \(s.id) overlaps the one before") }
            previousEnd = max(previousEnd, s.span.end)
        }
        for sp in speakers {
            for m in sp.mentions { check("speaker \(sp.id) mention", m.span, m.sourceSpan) }
        }
        let parents = Dictionary(quotes.map { ($0.id, $0.parent) }, uniquingKeysWith: { a, _ in a })
        func nested(_ a: String, in b: String) -> Bool {
            var cur = parents[a] ?? nil
            var steps = 0
            while let c = cur, steps < quotes.count {
                if c == b { return true }
                cur = parents[c] ?? nil
                steps += 1
            }
            return false
        }
        for q in quotes {
            if q.fragments.isEmpty { note("quote \(q.id) has no fragments") }
            for f in q.fragments { check("quote \(q.id) fragment", f.span, f.sourceSpan) }
            if let c = q.cue { check("quote \(q.id) cue", c.span, c.sourceSpan) }
            if let m = q.speakerMention, !inside(m) { note("quote \(q.id) speaker mention \(m) is outside the text") }
            if let s = q.speaker {
                if let speaker = speakers.first(where: { $0.id == s }) {
                    if q.speakerName != speaker.name {
                        note(
                            "quote \(q.id) speaker_name \(q.speakerName ?? "null") is not its speaker's name \(speaker.name)"
                        )
                    }
                } else {
                    note("quote \(q.id) names no speaker \(s)")
                }
            } else if let name = q.speakerName {
                note("quote \(q.id) has speaker_name \(name) but no speaker")
            }
        }
        for (i, a) in quotes.enumerated() {
            for b in quotes[(i + 1)...] {
                let overlap = a.fragments.contains { fa in b.fragments.contains { fa.span.overlaps($0.span) } }
                if overlap && !nested(a.id, in: b.id) && !nested(b.id, in: a.id) {
                    note("quotes \(a.id) and \(b.id) overlap without nesting")
                }
            }
        }
        let claimsByStart = claims.sorted { $0.span < $1.span }
        for (k, c) in claimsByStart.enumerated() {
            check("claim \(c.id)", c.span, c.sourceSpan)
            for e in c.equivalents { check("claim \(c.id) equivalent", e.span, e.sourceSpan) }
            if k > 0, claimsByStart[k - 1].span.overlaps(c.span) {
                note("claims \(claimsByStart[k - 1].id) and \(c.id) overlap")
            }
        }
        return problems
    }
}
