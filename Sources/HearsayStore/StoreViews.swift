import Foundation
import GRDB
import Hearsay

/// The flat views of `hearsay quotes --db` and `hearsay claims --db`: the same columns as from knowledge files
/// (``FlatViews``), filled from what the store keeps.
///
/// The store keeps no cue, no rule, no source span and no claim confidence: those cells are null, so a
/// `--min-confidence` bound drops every claim. `speaker_name` and `speaker_type` are the corpus speaker's (the
/// name merged across documents), and `--speaker` is matched against its name and aliases. Rows come in document
/// id order, then in text order.
extension CorpusStore {
    /// Every quote the filter keeps.
    public func quoteRows(filter: FlatViews.QuoteFilter = .init()) throws -> FlatRows {
        try db.read { db in
            var out = FlatRows(columns: FlatViews.quoteColumns)
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT d.doc_id AS doc, q.quote_id AS qid, q.local_speaker AS local, s.name AS sname,
                        s.type AS stype, s.aliases AS aliases, q.kind AS kind, q.text AS text,
                        q.confidence AS confidence, q.span_start AS start, q.span_end AS end
                    FROM quotes q JOIN documents d ON d.id = q.document LEFT JOIN speakers s ON s.id = q.speaker
                    ORDER BY d.doc_id, q.number
                    """)
            while let r = try rows.next() {
                let kindName: String = r["kind"]
                guard let kind = Quote.Kind(rawValue: kindName) else { continue }
                let confidence: Double = r["confidence"]
                guard filter.keeps(kind: kind, confidence: confidence, speakerNames: try Self.names(r)) else {
                    continue
                }
                let doc: String = r["doc"]
                let id: String = r["qid"]
                let text: String = r["text"]
                let start: Int = r["start"]
                let end: Int = r["end"]
                out.rows.append([
                    .text(doc), .text(id), Self.text(r["local"]), Self.text(r["sname"]), Self.text(r["stype"]), .null,
                    .text(kindName), .text(text), .number(confidence), .null, .number(Double(start)),
                    .number(Double(end)), .null, .null,
                ])
            }
            return out
        }
    }

    /// Every claim the filter keeps.
    public func claimRows(filter: FlatViews.ClaimFilter = .init()) throws -> FlatRows {
        try db.read { db in
            var out = FlatRows(columns: FlatViews.claimColumns)
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT d.doc_id AS doc, c.claim_id AS cid, c.local_speaker AS local, s.name AS sname,
                        s.aliases AS aliases, c.quote_id AS quote, c.kind AS kind, c.text AS text, c.value AS value,
                        c.value_text AS vtext, c.value_max AS vmax, c.unit AS unit
                    FROM claims c JOIN documents d ON d.id = c.document LEFT JOIN speakers s ON s.id = c.speaker
                    ORDER BY d.doc_id, c.id
                    """)
            while let r = try rows.next() {
                let kindName: String = r["kind"]
                guard let kind = Claim.Kind(rawValue: kindName) else { continue }
                let value: Double? = r["value"]
                let valueMax: Double? = r["vmax"]
                guard
                    filter.keeps(
                        kind: kind, value: value, valueMax: valueMax, confidence: nil, speakerNames: try Self.names(r))
                else { continue }
                let doc: String = r["doc"]
                let id: String = r["cid"]
                let text: String = r["text"]
                out.rows.append([
                    .text(doc), .text(id), Self.text(r["local"]), Self.text(r["sname"]),
                    Self.text(r["quote"]), .text(kindName), .text(text), Self.number(value),
                    Self.number(valueMax), Self.text(r["vtext"]), Self.text(r["unit"]), .null, .null, .null, .null,
                    .null, .null, .null, .null, .null,
                ])
            }
            return out
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
