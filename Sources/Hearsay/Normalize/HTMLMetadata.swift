import Foundation

/// Reads title, date, authors, URL, site name and language from a page's `<meta>` tags, JSON-LD, `<link
/// rel=canonical>`, `<time datetime>` and `<html lang>`.
///
/// Every field is decoded once more for HTML character references (`O&#039;Donnell`, `&amp;`): JSON-LD strings and
/// doubly escaped attributes carry them undecoded. One author field naming several people ("A, B and C, CNN") is
/// split into one name each.
enum HTMLMetadataReader {
    /// The metadata, the JSON-LD `articleBody` when there is one (evidence for the extractor, never output), and
    /// whether the page declares an article headline (a JSON-LD article type with a `headline`, or `og:type`
    /// article).
    static func read(_ tree: HTMLTree) -> (Metadata, articleBody: String?, isArticle: Bool) {
        var m = Metadata()
        var metas: [String: String] = [:]
        var metaAuthors: [String] = []
        for (name, content) in tree.metas {
            let c = trimmed(content)
            if c.isEmpty { continue }
            if metas[name] == nil { metas[name] = c }
            if name == "author" || name == "article:author" || name == "dc.creator" || name == "dcterms.creator"
                || name == "sailthru.author" || name == "parsely-author"
            {
                if !c.hasPrefix("http") { metaAuthors.append(c) }
            }
        }
        var ld = LinkedData()
        for raw in tree.jsonLD {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(raw), options: [.fragmentsAllowed]) else {
                continue
            }
            ld.visit(obj, depth: 0)
        }

        m.title = first(
            metas["og:title"].map(decodeReferences), ld.headline.map(decodeReferences),
            metas["twitter:title"].map(decodeReferences), metas["dc.title"].map(decodeReferences),
            tree.title.map(clean))
        m.published = first(
            date(metas["article:published_time"]), date(metas["article:published"]), date(ld.datePublished),
            date(metas["og:published_time"]), date(metas["datecreated"]), date(metas["pdate"]),
            date(metas["datepublished"]), date(metas["date"]), date(metas["pubdate"]), date(metas["publishdate"]),
            date(metas["dc.date.issued"]), date(metas["dc.date"]), date(metas["dcterms.created"]),
            date(metas["sailthru.date"]), date(metas["parsely-pub-date"]),
            tree.timeDatetimes.lazy.compactMap(date).first,
            tree.itemprops.lazy.filter { $0.0 == "datePublished" }.compactMap {
                date(tree.text(of: Int($0.1), limit: 40))
            }
            .first)
        var authors: [String] = []
        for a in ld.authors + metaAuthors {
            for t in names(a) where !authors.contains(t) { authors.append(t) }
        }
        if authors.isEmpty {
            for (prop, node) in tree.itemprops where prop == "author" {
                for t in names(tree.text(of: Int(node), limit: 120)) where !authors.contains(t) { authors.append(t) }
            }
        }
        m.authors = authors
        m.url = first(tree.canonical, metas["og:url"], ld.url).map(decodeReferences)
        m.siteName = first(metas["og:site_name"], ld.publisher, metas["application-name"]).map(decodeReferences)
        m.language = first(
            tree.htmlLang, metas["content-language"], metas["dc.language"], ld.inLanguage,
            metas["og:locale"].map { $0.replacingOccurrences(of: "_", with: "-") })
        let isArticle = ld.headline != nil || metas["og:type"]?.lowercased() == "article"
        return (m, ld.articleBody, isArticle)
    }

    /// The names in one author field: references decoded, cleaned (``author(_:)``), and split when the field lists
    /// several people ("Ann Lee, Bo Park and Cy Dunn, CNN"). The split happens at `;`, `,`, ` and `, ` & ` only when
    /// at least two parts have two or more words; one-word parts are then affiliations ("CNN") and are left out.
    /// "Lee, Ann" (one person, last name first) stays whole.
    static func names(_ raw: String) -> [String] {
        let whole = stripByline(decodeReferences(raw))
        guard whole.contains(",") || whole.contains(";") || whole.contains(" and ") || whole.contains(" & ") else {
            return author(whole).map { [$0] } ?? []
        }
        // Split at ";" and ",", then at the words "and" and "&".
        var parts: [String] = []
        for piece in whole.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            var current: [Substring] = []
            for word in piece.split(separator: " ") {
                if word.lowercased() == "and" || word == "&" {
                    if !current.isEmpty { parts.append(current.joined(separator: " ")) }
                    current = []
                } else {
                    current.append(word)
                }
            }
            if !current.isEmpty { parts.append(current.joined(separator: " ")) }
        }
        let multi = parts.filter { $0.split(separator: " ").count >= 2 }
        guard parts.count >= 2, multi.count >= 2 else { return author(whole).map { [$0] } ?? [] }
        return multi.compactMap(author)
    }

    /// A name field without a leading "By" and a trailing handle, date or agency note.
    static func stripByline(_ raw: String) -> String {
        var t = clean(raw)
        if t.lowercased().hasPrefix("by ") { t = String(t.dropFirst(3)) }
        for cut in [" @", " |", " •", " - ", ", AP ", ", Associated Press"] {
            if let r = t.range(of: cut) { t = String(t[..<r.lowerBound]) }
        }
        return t.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:"))
    }

    /// Decodes HTML character references (`&#039;`, `&#x2019;`, `&amp;`, `&rsquo;`); anything else stays as written.
    static func decodeReferences(_ s: String) -> String {
        guard s.contains("&") else { return s }
        let scalars = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            guard c == "&", let semi = scalars[(i + 1)..<min(scalars.count, i + 34)].firstIndex(of: ";"), semi > i + 1
            else {
                out.append(c)
                i += 1
                continue
            }
            let name = String(String.UnicodeScalarView(scalars[(i + 1)..<semi]))
            var value: Unicode.Scalar? = nil
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                value = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if name.hasPrefix("#") {
                value = UInt32(name.dropFirst(1)).flatMap(Unicode.Scalar.init)
            } else {
                value = HTMLReader.namedEntity(name)
            }
            if let value, value.value != 0 {
                out.append(value)
                i = semi + 1
            } else {
                out.append(c)
                i += 1
            }
        }
        return String(out)
    }

    /// An author name cleaned of a leading "By", a trailing handle, date or agency note; nil for URL slugs.
    static func author(_ raw: String) -> String? {
        let t = stripByline(raw)
        if t.isEmpty || t.hasPrefix("http") || t.count > 80 { return nil }
        // "kevin-r": an account slug, not a name.
        if !t.contains(" ") && t.contains("-") && t == t.lowercased() { return nil }
        return t
    }

    /// `s` without leading and trailing white space and newlines; a value with none (most) is returned without
    /// Foundation's trimming, which bridges every string.
    static func trimmed(_ s: String) -> String {
        let v = s.unicodeScalars
        guard let a = v.first, let z = v.last else { return s }
        let set = CharacterSet.whitespacesAndNewlines
        if !set.contains(a) && !set.contains(z) { return s }
        return s.trimmingCharacters(in: set)
    }

    static func first(_ values: String?...) -> String? {
        for v in values {
            if let v {
                let t = trimmed(v)
                if !t.isEmpty { return t }
            }
        }
        return nil
    }

    static func clean(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `YYYY-MM-DD` from an ISO 8601 date or date-time (also `YYYY/MM/DD` and `YYYYMMDD`), or nil.
    static func date(_ s: String?) -> String? {
        guard let s else { return nil }
        let b = Array(s.utf8.prefix(32)).drop { $0 == 0x20 }
        let d = Array(b)
        func digits(_ from: Int, _ n: Int) -> Int? {
            guard from + n <= d.count else { return nil }
            var v = 0
            for k in from..<(from + n) {
                guard d[k] >= 48 && d[k] <= 57 else { return nil }
                v = v * 10 + Int(d[k] - 48)
            }
            return v
        }
        var y: Int?
        var mo: Int?
        var da: Int?
        if let yy = digits(0, 4), d.count >= 10, d[4] == d[7], d[4] == 0x2D || d[4] == 0x2F || d[4] == 0x2E {
            y = yy
            mo = digits(5, 2)
            da = digits(8, 2)
        } else if let yy = digits(0, 4), let mm = digits(4, 2), let dd = digits(6, 2),
            d.count == 8 || (d.count > 8 && d[8] == 0x54)
        {
            y = yy
            mo = mm
            da = dd
        }
        guard let y, let mo, let da, y >= 1900, y <= 2100, mo >= 1, mo <= 12, da >= 1, da <= 31 else { return nil }
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(mo, 2))-\(pad(da, 2))"
    }

    /// What the JSON-LD blocks say about the article (the first article-like object wins).
    struct LinkedData {
        var headline: String?
        var datePublished: String?
        var authors: [String] = []
        var url: String?
        var publisher: String?
        var inLanguage: String?
        var articleBody: String?

        static let articleTypes: Set<String> = [
            "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
            "blogposting", "techarticle", "scholarlyarticle", "report", "liveblogposting", "backgroundnewsarticle",
            "reviewnewsarticle", "socialmediaposting", "webpage", "review",
        ]

        mutating func visit(_ obj: Any, depth: Int) {
            guard depth < 8 else { return }
            if let list = obj as? [Any] {
                for o in list { visit(o, depth: depth + 1) }
                return
            }
            guard let d = obj as? [String: Any] else { return }
            if let graph = d["@graph"] { visit(graph, depth: depth + 1) }
            var types: [String] = []
            if let t = d["@type"] as? String {
                types = [t]
            } else if let t = d["@type"] as? [Any] {
                types = t.compactMap { $0 as? String }
            }
            let lowered = types.map { $0.lowercased() }
            guard lowered.contains(where: { LinkedData.articleTypes.contains($0) }) else { return }
            let isPage = lowered == ["webpage"]
            if !isPage, headline == nil, let h = d["headline"] as? String { headline = h }
            if datePublished == nil, let v = d["datePublished"] as? String { datePublished = v }
            if !isPage, authors.isEmpty { authors = LinkedData.names(d["author"] ?? d["creator"]) }
            if url == nil, !isPage {
                url = (d["url"] as? String) ?? (d["mainEntityOfPage"] as? [String: Any])?["@id"] as? String
            }
            if publisher == nil { publisher = LinkedData.names(d["publisher"]).first }
            if inLanguage == nil, let v = d["inLanguage"] as? String { inLanguage = v }
            if articleBody == nil, let v = d["articleBody"] as? String, v.count > 100 { articleBody = v }
        }

        static func names(_ v: Any?) -> [String] {
            if let s = v as? String { return s.hasPrefix("http") ? [] : [s] }
            if let d = v as? [String: Any] { return (d["name"] as? String).map { [$0] } ?? [] }
            if let l = v as? [Any] { return l.flatMap { names($0) } }
            return []
        }
    }
}
