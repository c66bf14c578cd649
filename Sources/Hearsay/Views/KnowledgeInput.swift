import Foundation

/// The documents of the files a reader command names (`hearsay quotes`, `claims`, `export`): knowledge files
/// (`hearsay extract`) and JSON Lines files of knowledge documents (`hearsay extract --jsonl`, `hearsay stream`),
/// told apart by the `.jsonl` ending.
///
/// Documents come in file order, then in the order each file holds them. Error lines of a JSON Lines file
/// (`{"error": ..., "id": ...}`) and a knowledge file's `errors` are not documents and are skipped. Version 1 and 2
/// files are read alike (``KnowledgeFile``). The store (`hearsay index`, `--db`) is read by the `HearsayStore`
/// target (`StoreViews.swift`), which the core library does not depend on.
public enum KnowledgeInput {
    /// Reads every document of `paths`, handing each to `body` in order.
    /// - Throws: ``HearsayError`` `knowledge.unreadable`, `knowledge.malformed` (naming the line of a JSON Lines
    ///   file), `knowledge.unsupported-version`, or what `body` throws.
    public static func forEachDocument(
        in paths: [String], _ body: (KnowledgeDocument) throws -> Void
    ) throws {
        for path in paths {
            guard path.lowercased().hasSuffix(".jsonl") else {
                for d in try KnowledgeFile.read(path: path).documents { try body(d) }
                continue
            }
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw HearsayError(
                    code: "knowledge.unreadable", message: "cannot read the knowledge file", file: path,
                    cause: "\(error)")
            }
            /// An error line: `{"error": {...}, "id": ..., "line": ...}`.
            struct ErrorLine: Decodable { var error: HearsayError }
            for (n, raw) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
                let line = Data(raw)
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                if (try? JSONDecoder().decode(ErrorLine.self, from: line)) != nil { continue }
                let document: KnowledgeDocument
                do { document = try KnowledgeDocument.decodeLine(line) } catch {
                    throw HearsayError(
                        code: "knowledge.malformed", message: "line \(n + 1) is not a knowledge document", file: path,
                        line: n + 1, cause: "\(error)")
                }
                try body(document)
            }
        }
    }
}
