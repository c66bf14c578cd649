import Foundation
import GRDB
import Hearsay

/// What the store gives the flat views (`hearsay quotes --db`, `hearsay claims --db`) and the Web Annotation export
/// (`hearsay export --db`): one reader of its quotes and one of its claims (``forEachQuote(_:_:)``,
/// ``forEachClaim(_:_:)``), which all three turn into their output.
///
/// The rows have the same columns as from knowledge files (``FlatViews``). The store keeps no source span, claim
/// subject or change: those cells are null. `speaker_name` and `speaker_type` are the corpus speaker's (the name
/// merged across documents), and `--speaker` is matched against its name and aliases; the export names that speaker
/// too. Rows come in document id order, then in text order.
extension CorpusStore {
    /// A quote as the store keeps it, with its corpus speaker.
    struct StoredQuote {
        var document: String
        var id: String
        var localSpeaker: String?
        var speakerName: String?
        var speakerType: String?
        /// The corpus speaker's name and aliases, empty without a speaker.
        var names: [String]
        var kind: String
        var text: String
        /// The attribution's confidence, else the quote's.
        var confidence: Double
        var span: Span
        var fragments: [Span]
        var cue: String?
        var rule: String
        var ruleConfidence: Double
        var speakerRule: String?
    }

    /// A claim as the store keeps it, with its corpus speaker.
    struct StoredClaim {
        var document: String
        var id: String
        var localSpeaker: String?
        var speakerName: String?
        var speakerType: String?
        var names: [String]
        var quote: String?
        var kind: String
        var text: String
        var value: Double?
        var timex: String?
        var valueMax: Double?
        var unit: String?
        var qualifier: String?
        var span: Span
        var rule: String
        var confidence: Double
    }

    /// Every quote, in document id order, then text order.
    func forEachQuote(_ db: Database, _ body: (StoredQuote) throws -> Void) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT d.doc_id AS doc, q.quote_id AS qid, q.local_speaker AS local, s.name AS sname,
                    s.type AS stype, s.aliases AS aliases, q.kind AS kind, q.text AS text,
                    q.confidence AS confidence, q.span_start AS start, q.span_end AS end, q.fragments AS fragments,
                    q.cue AS cue, q.rule AS rule, q.rule_confidence AS rconf, q.speaker_rule AS srule
                FROM quotes q JOIN documents d ON d.id = q.document LEFT JOIN speakers s ON s.id = q.speaker
                ORDER BY d.doc_id, q.number
                """)
        while let r = try rows.next() {
            let pairs = try JSONDecoder().decode([[Int]].self, from: Data((r["fragments"] as String).utf8))
            try body(
                StoredQuote(
                    document: r["doc"], id: r["qid"], localSpeaker: r["local"], speakerName: r["sname"],
                    speakerType: r["stype"], names: try Self.names(r), kind: r["kind"], text: r["text"],
                    confidence: r["confidence"], span: Span(r["start"], r["end"]),
                    fragments: pairs.compactMap { $0.count == 2 ? Span($0[0], $0[1]) : nil }, cue: r["cue"],
                    rule: r["rule"], ruleConfidence: r["rconf"], speakerRule: r["srule"]))
        }
    }

    /// Every claim, in document id order, then text order.
    func forEachClaim(_ db: Database, _ body: (StoredClaim) throws -> Void) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT d.doc_id AS doc, c.claim_id AS cid, c.local_speaker AS local, s.name AS sname,
                    s.type AS stype, s.aliases AS aliases, c.quote_id AS quote, c.kind AS kind, c.text AS text,
                    c.value AS value, c.timex AS timex, c.value_max AS vmax, c.unit AS unit, c.qualifier AS qualifier,
                    c.span_start AS start, c.span_end AS end, c.rule AS rule, c.confidence AS confidence
                FROM claims c JOIN documents d ON d.id = c.document LEFT JOIN speakers s ON s.id = c.speaker
                ORDER BY d.doc_id, c.id
                """)
        while let r = try rows.next() {
            try body(
                StoredClaim(
                    document: r["doc"], id: r["cid"], localSpeaker: r["local"], speakerName: r["sname"],
                    speakerType: r["stype"], names: try Self.names(r), quote: r["quote"], kind: r["kind"],
                    text: r["text"], value: r["value"], timex: r["timex"], valueMax: r["vmax"], unit: r["unit"],
                    qualifier: r["qualifier"], span: Span(r["start"], r["end"]), rule: r["rule"],
                    confidence: r["confidence"]))
        }
    }

    /// Every quote the filter keeps.
    public func quoteRows(filter: FlatViews.QuoteFilter = .init()) throws -> FlatRows {
        try db.read { db in
            var out = FlatRows(columns: FlatViews.quoteColumns)
            try forEachQuote(db) { q in
                guard let kind = Quote.Kind(rawValue: q.kind),
                    filter.keeps(kind: kind, confidence: q.confidence, speakerNames: q.names)
                else { return }
                out.rows.append([
                    .text(q.document), .text(q.id), Self.text(q.localSpeaker), Self.text(q.speakerName),
                    Self.text(q.speakerType), Self.text(q.cue), .text(q.kind), .text(q.text), .number(q.confidence),
                    .text(q.speakerRule ?? q.rule), .number(Double(q.span.start)), .number(Double(q.span.end)), .null,
                    .null,
                ])
            }
            return out
        }
    }

    /// Every claim the filter keeps.
    public func claimRows(filter: FlatViews.ClaimFilter = .init()) throws -> FlatRows {
        try db.read { db in
            var out = FlatRows(columns: FlatViews.claimColumns)
            try forEachClaim(db) { c in
                guard let kind = Claim.Kind(rawValue: c.kind),
                    filter.keeps(
                        kind: kind, value: c.value, valueMax: c.valueMax, confidence: c.confidence,
                        speakerNames: c.names)
                else { return }
                out.rows.append([
                    .text(c.document), .text(c.id), Self.text(c.localSpeaker), Self.text(c.speakerName),
                    Self.text(c.quote), .text(c.kind), .text(c.text), Self.number(c.value), Self.number(c.valueMax),
                    Self.text(c.timex), Self.text(c.unit), Self.text(c.qualifier), .null, .null,
                    .number(c.confidence), .text(c.rule), .number(Double(c.span.start)), .number(Double(c.span.end)),
                    .null, .null,
                ])
            }
            return out
        }
    }

    /// Every document with its quotes and claims, as the Web Annotation export reads them
    /// (``WebAnnotationExport``), in document id order.
    public func annotationSources() throws -> [WebAnnotationExport.Source] {
        try db.read { db in
            var sources: [WebAnnotationExport.Source] = []
            var index: [String: Int] = [:]
            let docs = try Row.fetchCursor(
                db, sql: "SELECT doc_id, sha256, url, text FROM documents ORDER BY doc_id")
            while let r = try docs.next() {
                let id: String = r["doc_id"]
                index[id] = sources.count
                sources.append(
                    WebAnnotationExport.Source(id: id, sha256: r["sha256"], url: r["url"], text: r["text"], items: []))
            }
            func speaker(_ name: String?, _ type: String?) -> (name: String, type: String)? {
                guard let name, let type else { return nil }
                return (name: name, type: type)
            }
            try forEachQuote(db) { q in
                guard let k = index[q.document] else { return }
                sources[k].items.append(
                    .quote(
                        id: q.id, kind: q.kind, speaker: speaker(q.speakerName, q.speakerType), cue: q.cue,
                        rule: (name: q.rule, confidence: q.ruleConfidence),
                        speakerRule: q.speakerRule.map { (name: $0, confidence: q.confidence) }, spans: q.fragments))
            }
            try forEachClaim(db) { c in
                guard let k = index[c.document] else { return }
                sources[k].items.append(
                    .claim(
                        id: c.id, kind: c.kind, speaker: speaker(c.speakerName, c.speakerType), value: c.value,
                        timex: c.timex, valueMax: c.valueMax, unit: c.unit, qualifier: c.qualifier,
                        rule: (name: c.rule, confidence: c.confidence), span: c.span))
            }
            return sources
        }
    }

    static func text(_ s: String?) -> Cell { s.map(Cell.text) ?? .null }
    static func number(_ d: Double?) -> Cell { d.map(Cell.number) ?? .null }

    /// A row's corpus speaker name and aliases, empty without a speaker.
    static func names(_ r: Row) throws -> [String] {
        guard let name: String = r["sname"] else { return [] }
        let aliases: String = r["aliases"] ?? "[]"
        return [name] + (try JSONDecoder().decode([String].self, from: Data(aliases.utf8)))
    }
}
