/// Escaping for the report's HTML, and JSON that is safe inside a `<script>` element.
///
/// Everything the report shows from a knowledge file (quote text, names, ids, file paths) comes from untrusted
/// articles, so every string goes through ``escape(_:)`` (text and attribute values alike) and data for scripts
/// through ``scriptJSON(_:)``.
enum HTMLMarkup {
    /// Escapes text for an HTML text node or a double- or single-quoted attribute value. NUL and other C0 controls
    /// except tab, line feed and carriage return are not allowed in HTML: they become U+FFFD.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        append(s.unicodeScalars, to: &out)
        return out
    }

    /// Appends escaped scalars to `out`.
    static func append<S: Sequence>(_ scalars: S, to out: inout String) where S.Element == Unicode.Scalar {
        for u in scalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || u.value == 0x7F || (0xFDD0...0xFDEF).contains(u.value)
                    || u.value & 0xFFFE == 0xFFFE
                {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
    }

    /// JSON text made safe to place between `<script type="application/json">` and `</script>`: `<`, `>` and `&`
    /// become `\u003c`, `\u003e`, `\u0026` (so no `</script>` or `<!--` can appear), and U+2028 / U+2029 become
    /// `\u2028` / `\u2029`. These characters only occur inside JSON strings, where the escapes mean the same.
    static func scriptJSON(_ json: String) -> String {
        var out = ""
        out.reserveCapacity(json.utf8.count)
        for u in json.unicodeScalars {
            switch u {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// An attribute ` name="value"` with the value escaped.
    static func attribute(_ name: String, _ value: String) -> String { " \(name)=\"\(escape(value))\"" }

    /// An element `<name a="v" ...>inner</name>`: attribute values are escaped, `inner` is markup already.
    static func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ inner: String) -> String {
        "<\(name)" + attributes.map { attribute($0.key, $0.value) }.joined() + ">" + inner + "</\(name)>"
    }
}

/// Marks layered over a run of text: quotes, claims, changed words. Marks may nest (a claim inside a quote, a
/// quote inside a quote) or cross (an indirect quote overlapping a direct one); crossing marks are split into
/// pieces so that the elements written are properly nested. Offsets are Unicode scalar offsets, as in the knowledge
/// file's `span`.
struct Highlighter {
    struct Mark {
        /// Scalar span in the text.
        var span: Span
        /// Ties between marks with the same span: the lower goes outside.
        var layer: Int
        /// The opening tag of one piece; `first` and `last` say whether the piece starts or ends the whole mark.
        var open: (_ first: Bool, _ last: Bool) -> String
        var close: String
    }

    let scalars: [Unicode.Scalar]
    let marks: [Mark]
    /// Each mark's place in nesting order: earlier start outside, then longer outside, then lower layer outside.
    private let rank: [Int]
    /// Mark indices in nesting order (so by start), and the largest end among the first k of them: together they
    /// find the marks that touch a range without looking at every mark.
    private let byStart: [Int]
    private let maxEnd: [Int]

    init(text: String, marks: [Mark]) { self.init(scalars: Array(text.unicodeScalars), marks: marks) }

    init(scalars: [Unicode.Scalar], marks: [Mark]) {
        self.scalars = scalars
        let n = scalars.count
        // Spans from a file may be wrong: clip them to the text, drop empty ones.
        self.marks = marks.compactMap { m in
            var m = m
            m.span = Span(max(0, min(m.span.start, n)), max(0, min(m.span.end, n)))
            return m.span.isEmpty ? nil : m
        }
        let kept = self.marks
        let order = kept.indices.sorted { a, b in
            let x = kept[a]
            let y = kept[b]
            if x.span.start != y.span.start { return x.span.start < y.span.start }
            if x.span.end != y.span.end { return x.span.end > y.span.end }
            if x.layer != y.layer { return x.layer < y.layer }
            return a < b
        }
        var rank = [Int](repeating: 0, count: kept.count)
        for (r, i) in order.enumerated() { rank[i] = r }
        self.rank = rank
        byStart = order
        var maxEnd: [Int] = []
        maxEnd.reserveCapacity(order.count)
        for i in order { maxEnd.append(max(maxEnd.last ?? 0, kept[i].span.end)) }
        self.maxEnd = maxEnd
    }

    /// How many marks (in nesting order) start before `offset`: a binary search.
    private func countStarting(before offset: Int) -> Int {
        var lo = 0
        var hi = byStart.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if marks[byStart[mid]].span.start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Whether any mark overlaps `range`, in logarithmic time.
    func anyMark(overlapping range: Span) -> Bool {
        guard !range.isEmpty else { return false }
        let k = countStarting(before: range.end)
        return k > 0 && maxEnd[k - 1] > range.start
    }

    /// The escaped HTML of each range, for ranges in text order that do not overlap (an article's paragraphs): one
    /// sweep over the marks, so each range costs its own marks, not all of them.
    func html(ranges: [Span]) -> [String] {
        var next = 0
        var open: [Int] = []
        var out: [String] = []
        out.reserveCapacity(ranges.count)
        for range in ranges {
            while next < byStart.count, marks[byStart[next]].span.start < range.end {
                open.append(byStart[next])
                next += 1
            }
            open.removeAll { marks[$0].span.end <= range.start }
            out.append(html(range, inside: open.filter { marks[$0].span.start < range.end }))
        }
        return out
    }

    /// The escaped HTML of `range` (scalar offsets) with every mark that touches it, clipped to it.
    func html(_ range: Span) -> String {
        let n = scalars.count
        let clipped = Span(max(0, min(range.start, n)), max(0, min(range.end, n)))
        let k = countStarting(before: clipped.end)
        return html(range, inside: byStart[..<k].filter { marks[$0].span.end > clipped.start })
    }

    /// The escaped HTML of `range` with the marks `inside` (those that overlap it).
    private func html(_ range: Span, inside: [Int]) -> String {
        let n = scalars.count
        let range = Span(max(0, min(range.start, n)), max(0, min(range.end, n)))
        let inside = inside.filter { marks[$0].span.overlaps(range) }
        var cuts = Set([range.start, range.end])
        for i in inside {
            cuts.insert(max(range.start, marks[i].span.start))
            cuts.insert(min(range.end, marks[i].span.end))
        }
        let points = cuts.sorted()
        // The marks open over each piece, kept as the sweep goes: `inside` is in nesting order, so by start.
        let byEnd = inside.sorted { marks[$0].span.end < marks[$1].span.end }
        var startAt = 0
        var endAt = 0
        var covering = Set<Int>()

        // Pass 1: events, with each piece's end recorded once it is closed.
        enum Event {
            case open(mark: Int, start: Int, end: Int)
            case close
            case text(Int, Int)
        }
        var events: [Event] = []
        var stack: [(mark: Int, event: Int)] = []
        func closeTo(_ depth: Int, at p: Int) {
            while stack.count > depth {
                let top = stack.removeLast()
                if case .open(let m, let s, _) = events[top.event] {
                    events[top.event] = .open(mark: m, start: s, end: p)
                }
                events.append(.close)
            }
        }
        for (a, b) in zip(points, points.dropFirst()) where a < b {
            while startAt < inside.count, marks[inside[startAt]].span.start <= a {
                covering.insert(inside[startAt])
                startAt += 1
            }
            while endAt < byEnd.count, marks[byEnd[endAt]].span.end <= a {
                covering.remove(byEnd[endAt])
                endAt += 1
            }
            let active = covering.sorted { rank[$0] < rank[$1] }
            var common = 0
            while common < stack.count, common < active.count, stack[common].mark == active[common] { common += 1 }
            closeTo(common, at: a)
            for m in active[common...] {
                stack.append((m, events.count))
                events.append(.open(mark: m, start: a, end: b))
            }
            events.append(.text(a, b))
        }
        closeTo(0, at: range.end)

        // Pass 2: the markup.
        var out = ""
        var closers: [String] = []
        for e in events {
            switch e {
            case .open(let m, let s, let end):
                let mark = marks[m]
                out += mark.open(s == mark.span.start, end == mark.span.end)
                closers.append(mark.close)
            case .close:
                out += closers.removeLast()
            case .text(let a, let b):
                HTMLMarkup.append(scalars[a..<b], to: &out)
            }
        }
        return out
    }
}
