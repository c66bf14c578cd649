import Foundation

/// One value of a flat row: text, a number, or nothing.
public enum Cell: Hashable, Sendable {
    case text(String)
    case number(Double)
    case null

    /// The value as written in CSV, TSV and tables: a whole number without a decimal point, any other number in
    /// its shortest exact form, nothing as the empty string.
    public var plain: String {
        switch self {
        case .text(let s): return s
        case .number(let d): return Cell.format(d)
        case .null: return ""
        }
    }

    static func format(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 9.0e15 { return String(Int64(d)) }
        return "\(d)"
    }
}

/// A column of a flat view: its name (also the JSON Lines key) and whether the terminal table shows it.
public struct Column: Sendable, Equatable {
    public var name: String
    public var inTable: Bool
    /// The widest a table cell of this column may be: nil as wide as it needs, 0 the `width` given to
    /// ``FlatRows/render(_:width:)`` (`--width`).
    public var tableWidth: Int?

    public init(_ name: String, inTable: Bool = false, tableWidth: Int? = nil) {
        self.name = name
        self.inTable = inTable
        self.tableWidth = tableWidth
    }
}

/// Rows of one flat view (`hearsay quotes`, `hearsay claims`): every row has one cell per column.
public struct FlatRows: Sendable {
    public var columns: [Column]
    public var rows: [[Cell]]

    public init(columns: [Column], rows: [[Cell]] = []) {
        self.columns = columns
        self.rows = rows
    }
}

/// The ways a flat view is written.
public enum RowFormat: String, CaseIterable, Sendable {
    /// Padded columns for a terminal: only the columns marked `inTable`, long cells cut, control characters
    /// escaped so that a document cannot move the cursor or change the terminal.
    case table
    /// RFC 4180: every column, a header line, CRLF line ends, a field with a comma, a double quote, CR or LF
    /// enclosed in double quotes with its double quotes doubled.
    case csv
    /// Tab-separated: every column, a header line, LF line ends; tab, LF, CR and backslash in a field written as
    /// `\t`, `\n`, `\r`, `\\` (a field can never hold a raw separator).
    case tsv
    /// One JSON object per row, keys in column order, null for an absent value.
    case jsonl
}

extension FlatRows {
    /// The rows written in `format`; `width` is the widest text cell of a table.
    public func render(_ format: RowFormat, width: Int = 70) -> String {
        switch format {
        case .table:
            let shown = columns.indices.filter { columns[$0].inTable }
            return TextTable.render(
                header: shown.map { columns[$0].name },
                rows: rows.map { row in shown.map { row[$0].plain } },
                maxWidth: shown.map { columns[$0].tableWidth.map { w in w == 0 ? width : w } })
        case .csv:
            var out = columns.map { Self.csvField($0.name) }.joined(separator: ",") + "\r\n"
            for row in rows { out += row.map { Self.csvField($0.plain) }.joined(separator: ",") + "\r\n" }
            return out
        case .tsv:
            var out = columns.map { Self.tsvField($0.name) }.joined(separator: "\t") + "\n"
            for row in rows { out += row.map { Self.tsvField($0.plain) }.joined(separator: "\t") + "\n" }
            return out
        case .jsonl:
            var out = ""
            for row in rows {
                out += "{"
                for (i, cell) in row.enumerated() {
                    if i > 0 { out += "," }
                    out += Self.jsonString(columns[i].name) + ":"
                    switch cell {
                    case .text(let s): out += Self.jsonString(s)
                    case .number(let d): out += d.isFinite ? Cell.format(d) : "null"
                    case .null: out += "null"
                    }
                }
                out += "}\n"
            }
            return out
        }
    }

    /// A CSV field per RFC 4180.
    static func csvField(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else {
            return s
        }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func tsvField(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\\" }) else {
            return s
        }
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// A JSON string literal, escaped as the knowledge file escapes its strings (``KnowledgeJSON``).
    static func jsonString(_ s: String) -> String {
        var writer = KnowledgeJSON(pretty: false, capacity: s.utf8.count + 2)
        writer.string(s)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
