import Foundation

/// What `hearsay report` reads: a knowledge file, or a JSON Lines file of knowledge documents (`hearsay extract
/// --jsonl`, `hearsay stream`), whose `corpus` section is then computed here with the built-in corpus settings.
public enum ReportInput {
    /// - Throws: ``HearsayError`` `knowledge.unreadable`, `knowledge.malformed` (naming the line of a JSON Lines
    ///   file), `knowledge.unsupported-version`, or `resource.*` when the corpus settings cannot be read.
    public static func read(path: String) throws -> KnowledgeFile {
        guard path.hasSuffix(".jsonl") else { return try KnowledgeFile.read(path: path) }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw HearsayError(
                code: "knowledge.unreadable", message: "cannot read the knowledge file", file: path, cause: "\(error)")
        }
        /// An error line: `{"error": {...}, "id": ..., "line": ...}`.
        struct ErrorLine: Decodable {
            var error: HearsayError
            var id: String?
        }
        var documents: [KnowledgeDocument] = []
        var errors: [HearsayError] = []
        for (n, raw) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let line = Data(raw)
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            if let e = try? JSONDecoder().decode(ErrorLine.self, from: line) {
                var error = e.error
                if error.file == nil { error.file = e.id }
                errors.append(error)
                continue
            }
            do { documents.append(try KnowledgeDocument.decodeLine(line)) } catch {
                throw HearsayError(
                    code: "knowledge.malformed", message: "line \(n + 1) is not a knowledge document", file: path,
                    line: n + 1, cause: "\(error)")
            }
        }
        let index = CorpusIndex(settings: try CorpusSettings.builtin())
        for d in documents { index.add(d) }
        return KnowledgeFile(
            format: KnowledgeFormat.format, version: KnowledgeFormat.version,
            generator: ["name": KnowledgeFormat.generatorName, "version": KnowledgeFormat.generatorVersion],
            documents: documents, errors: errors, corpus: index.knowledge())
    }
}
