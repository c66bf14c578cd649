import Foundation
import GRDB
import Hearsay

/// The corpus store: knowledge files loaded into one SQLite database (through GRDB.swift), with full-text search
/// over quotes, so that `hearsay who` and `hearsay search` answer without reading the knowledge files. The schema is
/// documented in `docs/store.md`; `schema` below is its source.
public final class CorpusStore {
    /// 2: document text, quote fragments, cues and rules, claim spans, qualifiers, rules and confidences;
    /// `claims.value_text` renamed `timex`. See `docs/store.md`.
    public static let schemaVersion = 2

    let db: DatabaseQueue
    /// The store's file, named in errors.
    public let path: String

    static let schema = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL UNIQUE,
            knowledge_file TEXT NOT NULL,
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            title TEXT,
            published TEXT,
            url TEXT,
            text TEXT
        );
        CREATE TABLE speakers (
            id INTEGER PRIMARY KEY,
            corpus_id TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            aliases TEXT NOT NULL,
            descriptions TEXT NOT NULL,
            documents INTEGER NOT NULL
        );
        CREATE TABLE speaker_words (
            word TEXT NOT NULL,
            speaker INTEGER NOT NULL REFERENCES speakers(id),
            PRIMARY KEY (word, speaker)
        ) WITHOUT ROWID;
        CREATE TABLE document_speakers (
            document INTEGER NOT NULL REFERENCES documents(id),
            local_id TEXT NOT NULL,
            speaker INTEGER NOT NULL REFERENCES speakers(id),
            PRIMARY KEY (document, local_id)
        ) WITHOUT ROWID;
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            document INTEGER NOT NULL REFERENCES documents(id),
            quote_id TEXT NOT NULL,
            number INTEGER NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            local_speaker TEXT,
            speaker INTEGER REFERENCES speakers(id),
            confidence REAL NOT NULL,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            fragments TEXT NOT NULL,
            cue TEXT,
            rule TEXT NOT NULL,
            rule_confidence REAL NOT NULL,
            speaker_rule TEXT,
            quote_group INTEGER REFERENCES quote_groups(id)
        );
        CREATE VIRTUAL TABLE quotes_fts USING fts5(
            text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            document INTEGER NOT NULL REFERENCES documents(id),
            claim_id TEXT NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            value REAL,
            timex TEXT,
            value_max REAL,
            unit TEXT,
            qualifier TEXT,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            rule TEXT NOT NULL,
            confidence REAL NOT NULL,
            quote_id TEXT,
            local_speaker TEXT,
            speaker INTEGER REFERENCES speakers(id)
        );
        CREATE TABLE quote_groups (
            id INTEGER PRIMARY KEY,
            group_id TEXT NOT NULL UNIQUE,
            similarity REAL NOT NULL
        );
        CREATE TABLE quote_group_members (
            quote_group INTEGER NOT NULL REFERENCES quote_groups(id),
            position INTEGER NOT NULL,
            quote INTEGER NOT NULL REFERENCES quotes(id),
            changes TEXT,
            PRIMARY KEY (quote_group, position)
        ) WITHOUT ROWID;
        """

    /// Indexes created after the documents are loaded (faster than maintaining them row by row), before the corpus
    /// is written (which looks quotes up by document).
    static let indexes = """
        CREATE INDEX quotes_speaker ON quotes(speaker, document, number);
        CREATE INDEX quotes_document ON quotes(document, number);
        CREATE INDEX claims_document ON claims(document);
        CREATE INDEX claims_speaker ON claims(speaker);
        CREATE INDEX document_speakers_speaker ON document_speakers(speaker);
        """

    /// Opens an existing store.
    /// - Throws: ``HearsayError`` `store.unreadable` when it is missing or not a store of this version.
    public init(path: String) throws {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else {
            throw HearsayError(
                code: "store.unreadable", message: "no store here (build one with hearsay index)", file: path)
        }
        do {
            var config = Configuration()
            config.readonly = true
            db = try DatabaseQueue(path: path, configuration: config)
            let version = try db.read { db in
                try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'")
            }
            guard version == String(Self.schemaVersion) else {
                throw HearsayError(
                    code: "store.unreadable",
                    message: "store schema version \(version ?? "none"), this hearsay reads \(Self.schemaVersion)",
                    file: path)
            }
        } catch let e as HearsayError {
            throw e
        } catch {
            throw HearsayError(
                code: "store.unreadable", message: "cannot open the store", file: path, cause: "\(error)")
        }
    }

    public struct BuildSummary: Sendable {
        public var documents = 0
        public var quotes = 0
        public var claims = 0
        public var speakers = 0
        public var quoteGroups = 0
    }

    /// Builds a new store at `path` (replacing what is there, atomically: the store is written beside it and renamed)
    /// from knowledge files (`hearsay extract` output) and JSON Lines document files (`--jsonl`, `stream`).
    ///
    /// Documents are read one file (or line) at a time; the corpus (merged speakers, quote groups) is the file's own
    /// `corpus` when a single knowledge file that has one is given, and is otherwise computed anew over all
    /// documents with ``CorpusIndex``. A document id seen a second time is skipped with an error.
    public static func build(
        path: String, inputs: [String], settings: CorpusSettings, warn: (HearsayError) -> Void = { _ in }
    ) throws -> BuildSummary {
        try OutputPaths.refuseInputAsOutput(path, inputs: inputs)
        if !isReplaceable(path) {
            throw HearsayError(
                code: "store.not-a-store",
                message: "is not a Hearsay store, so --db will not overwrite it (remove it or name another file)",
                file: path)
        }
        // Temporary stores of index runs that were killed (their process is gone).
        AtomicFile.removeStale(besides: path)
        let temp = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(
            "." + URL(fileURLWithPath: path).lastPathComponent + ".tmp-\(getpid())"
        ).path
        unlink(temp)
        defer { unlink(temp) }
        var summary = BuildSummary()
        do {
            var config = Configuration()
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
            }
            let queue = try DatabaseQueue(path: temp, configuration: config)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: schema)
                try db.execute(
                    sql: "INSERT INTO meta (key, value) VALUES ('schema_version', ?), ('format', ?)",
                    arguments: [String(schemaVersion), KnowledgeFormat.format])
            }
            let index = CorpusIndex(settings: settings)
            var fileCorpus: CorpusKnowledge?
            var docRow: [String: Int64] = [:]
            for input in inputs {
                try queue.writeWithoutTransaction { db in
                    try db.inTransaction {
                        let loaded = try load(
                            input, db: db, index: index, docRow: &docRow, summary: &summary, warn: warn)
                        if inputs.count == 1 { fileCorpus = loaded }
                        return .commit
                    }
                }
            }
            let corpus = fileCorpus ?? index.knowledge()
            try queue.writeWithoutTransaction { db in
                try db.inTransaction {
                    try db.execute(sql: indexes)
                    try writeCorpus(corpus, db: db, docRow: docRow)
                    try db.execute(
                        sql: """
                            UPDATE quotes SET speaker = (SELECT speaker FROM document_speakers ds
                                WHERE ds.document = quotes.document AND ds.local_id = quotes.local_speaker)
                            WHERE local_speaker IS NOT NULL;
                            UPDATE claims SET speaker = (SELECT speaker FROM document_speakers ds
                                WHERE ds.document = claims.document AND ds.local_id = claims.local_speaker)
                            WHERE local_speaker IS NOT NULL;
                            INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
                            """)
                    return .commit
                }
                try db.execute(sql: "ANALYZE")
            }
            try queue.close()
            summary.speakers = corpus.speakers.count
            summary.quoteGroups = corpus.quoteGroups.count
        } catch let e as HearsayError {
            throw e
        } catch {
            throw HearsayError(
                code: "store.write-failed", message: "cannot build the store", file: path, cause: "\(error)")
        }
        if rename(temp, path) != 0 {
            throw HearsayError(
                code: "store.write-failed",
                message: "cannot move the store into place: \(String(cString: strerror(errno)))",
                file: path)
        }
        return summary
    }

    /// Whether `build` may replace what is at `path`: nothing, an empty regular file, or a Hearsay store (an SQLite
    /// file whose `meta` table names the knowledge format). A device, a directory or any other file is kept.
    static func isReplaceable(_ path: String) -> Bool {
        var st = stat()
        guard lstat(path, &st) == 0 else { return true }
        guard st.st_mode & S_IFMT == S_IFREG else { return false }
        if st.st_size == 0 { return true }
        guard let fh = FileHandle(forReadingAtPath: path) else { return false }
        let header = (try? fh.read(upToCount: 16)) ?? Data()
        try? fh.close()
        guard header == Data("SQLite format 3\u{0}".utf8) else { return false }
        do {
            var config = Configuration()
            config.readonly = true
            let db = try DatabaseQueue(path: path, configuration: config)
            defer { try? db.close() }
            let format = try db.read { db in
                try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'format'")
            }
            return format == KnowledgeEncoding.format
        } catch {
            return false
        }
    }

    /// Loads one input's documents; returns its `corpus` when it is a knowledge file that has one.
    static func load(
        _ input: String, db: Database, index: CorpusIndex, docRow: inout [String: Int64], summary: inout BuildSummary,
        warn: (HearsayError) -> Void
    ) throws -> CorpusKnowledge? {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: input), options: .alwaysMapped) } catch {
            throw HearsayError(code: "knowledge.unreadable", message: "cannot read the knowledge file", file: input)
        }
        let firstByte = data.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        let insertDoc = try db.cachedStatement(
            sql: """
                INSERT INTO documents (doc_id, knowledge_file, path, sha256, title, published, url, text)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let insertQuote = try db.cachedStatement(
            sql: """
                INSERT INTO quotes (document, quote_id, number, kind, text, local_speaker, confidence, span_start, span_end,
                    fragments, cue, rule, rule_confidence, speaker_rule)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let insertClaim = try db.cachedStatement(
            sql: """
                INSERT INTO claims (document, claim_id, text, kind, value, timex, value_max, unit, qualifier,
                    span_start, span_end, rule, confidence, quote_id, local_speaker)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        func add(_ d: KnowledgeDocument) throws {
            if docRow[d.id] != nil {
                warn(
                    HearsayError(
                        code: "store.duplicate-document", message: "document id seen before; skipped", file: d.id))
                return
            }
            try insertDoc.execute(arguments: [
                d.id, input, d.source.path, d.source.sha256, d.metadata.title, d.metadata.published, d.metadata.url,
                d.text,
            ])
            let row = db.lastInsertedRowID
            docRow[d.id] = row
            for q in d.quotes {
                let span = Span(q.fragments.first?.span.start ?? 0, q.fragments.last?.span.end ?? 0)
                try insertQuote.execute(arguments: [
                    row, q.id, Int(q.id.dropFirst()) ?? 0, q.kind.rawValue, q.text, q.speaker,
                    (q.attribution ?? q.provenance).confidence, span.start, span.end, fragments(q.fragments),
                    q.cue?.text, q.provenance.rule, q.provenance.confidence, q.attribution?.rule,
                ])
            }
            for c in d.claims {
                try insertClaim.execute(arguments: [
                    row, c.id, c.text, c.kind.rawValue, c.value.number, c.timex, c.valueMax?.number, c.unit,
                    c.qualifier, c.span.start, c.span.end, c.provenance.rule, c.provenance.confidence, c.quote,
                    c.speaker,
                ])
            }
            index.add(d)
            summary.documents += 1
            summary.quotes += d.quotes.count
            summary.claims += d.claims.count
        }
        if firstByte == UInt8(ascii: "{"), !input.hasSuffix(".jsonl") {
            let file = try KnowledgeFile.decode(data, path: input)
            for d in file.documents { try add(d) }
            return file.corpus
        }
        // JSON Lines: one document per line; error lines are skipped.
        var lineNumber = 0
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            lineNumber += 1
            let line = data[start..<end]
            start = end < data.endIndex ? end + 1 : end
            guard line.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) else { continue }
            do {
                try add(try KnowledgeDocument.decodeLine(Data(line)))
            } catch let e as DatabaseError {
                throw e
            } catch {
                warn(
                    HearsayError(
                        code: "knowledge.malformed", message: "line is not a knowledge document; skipped", file: input,
                        line: lineNumber))
            }
        }
        return nil
    }

    /// Fragment spans as the `fragments` column keeps them: `[[start,end],...]`.
    static func fragments(_ list: [Fragment]) -> String {
        "[" + list.map { "[\($0.span.start),\($0.span.end)]" }.joined(separator: ",") + "]"
    }

    static func json(_ value: some Encodable) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try e.encode(value), as: UTF8.self)
    }

    static func writeCorpus(_ corpus: CorpusKnowledge, db: Database, docRow: [String: Int64]) throws {
        let insertSpeaker = try db.cachedStatement(
            sql:
                "INSERT INTO speakers (id, corpus_id, name, type, aliases, descriptions, documents) VALUES (?, ?, ?, ?, ?, ?, ?)"
        )
        let insertWord = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO speaker_words (word, speaker) VALUES (?, ?)")
        let insertDS = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO document_speakers (document, local_id, speaker) VALUES (?, ?, ?)")
        for (n, s) in corpus.speakers.enumerated() {
            let row = Int64(n + 1)
            try insertSpeaker.execute(arguments: [
                row, s.id, s.name, s.type, try json(s.aliases), try json(s.descriptions), s.documents.count,
            ])
            for name in [s.name] + s.aliases {
                for w in CorpusWords.words(name) { try insertWord.execute(arguments: [w.key, row]) }
            }
            for a in s.documents {
                guard let d = docRow[a.document] else { continue }
                try insertDS.execute(arguments: [d, a.speaker, row])
            }
        }
        let insertGroup = try db.cachedStatement(
            sql: "INSERT INTO quote_groups (id, group_id, similarity) VALUES (?, ?, ?)")
        let insertMember = try db.cachedStatement(
            sql: """
                INSERT INTO quote_group_members (quote_group, position, quote, changes)
                SELECT ?, ?, id, ? FROM quotes WHERE document = ? AND quote_id = ?
                """)
        let setGroup = try db.cachedStatement(
            sql: "UPDATE quotes SET quote_group = ? WHERE document = ? AND quote_id = ?")
        for (n, g) in corpus.quoteGroups.enumerated() {
            let row = Int64(n + 1)
            try insertGroup.execute(arguments: [row, g.id, g.similarity])
            for (k, m) in g.quotes.enumerated() {
                guard let d = docRow[m.document] else { continue }
                let changes = try g.variants.first { $0.document == m.document && $0.quote == m.quote }
                    .map { try json($0.changes) }
                try insertMember.execute(arguments: [row, k, changes, d, m.quote])
                try setGroup.execute(arguments: [row, d, m.quote])
            }
        }
    }

    // MARK: Queries

    /// The speakers matching a name (see ``SpeakerSearch``) and their quotes, at most `limit` quotes per speaker.
    ///
    /// Candidates are the speakers with a name word that shares its first three letters with a query word (through
    /// the `speaker_words` index), then scored like the file-based `who`.
    public func who(_ query: String, limit: Int = 1000) throws -> WhoAnswer {
        let words = CorpusWords.words(query).map(\.key)
        do { return try whoQuery(query, words: words, limit: limit) } catch let e as DatabaseError {
            throw Self.queryError(e, path: path)
        }
    }

    func whoQuery(_ query: String, words: [String], limit: Int) throws -> WhoAnswer {
        try db.read { db in
            // Candidates by name word prefix, scored on their names alone; documents are read for matches only.
            var rows: [Int64: Row] = [:]
            for w in words {
                let prefix = String(w.prefix(3))
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, corpus_id, name, type, aliases, descriptions FROM speakers WHERE id IN
                            (SELECT speaker FROM speaker_words WHERE word >= ? AND word < ?)
                        """, arguments: [prefix, prefix + "\u{10FFFF}"])
                {
                    rows[row["id"]] = row
                }
            }
            let decoder = JSONDecoder()
            var speakers: [(Int64, CorpusSpeaker)] = []
            for (id, row) in rows.sorted(by: { $0.key < $1.key }) {
                let aliases = try decoder.decode([String].self, from: Data((row["aliases"] as String).utf8))
                let name: String = row["name"]
                guard SpeakerSearch.score(query: query, names: [name] + aliases) != nil else { continue }
                let docs = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT d.doc_id AS doc, ds.local_id AS local FROM document_speakers ds
                        JOIN documents d ON d.id = ds.document WHERE ds.speaker = ? ORDER BY d.doc_id
                        """, arguments: [id]
                ).map { r in CorpusSpeaker.Appearance(document: r["doc"], speaker: r["local"], quotes: []) }
                let s = CorpusSpeaker(
                    id: row["corpus_id"], name: name, type: row["type"], aliases: aliases,
                    descriptions: try decoder.decode([String].self, from: Data((row["descriptions"] as String).utf8)),
                    documents: docs)
                speakers.append((id, s))
            }
            let rowOf = Dictionary(uniqueKeysWithValues: speakers.map { ($0.1.id, $0.0) })
            var failure: Error?
            let answer = WhoAnswer.find(query, in: speakers.map(\.1)) { s in
                do {
                    return try Row.fetchAll(
                        db,
                        sql: """
                            SELECT d.doc_id AS doc, q.quote_id AS qid, q.kind AS kind, q.text AS text,
                                q.confidence AS confidence
                            FROM quotes q JOIN documents d ON d.id = q.document
                            WHERE q.speaker = ? ORDER BY d.doc_id, q.number LIMIT ?
                            """, arguments: [rowOf[s.id], limit]
                    ).map { r in
                        SpeakerQuote(
                            speaker: s.id, speakerName: s.name, document: r["doc"], quote: r["qid"], kind: r["kind"],
                            text: r["text"], confidence: r["confidence"])
                    }
                } catch {
                    failure = error
                    return []
                }
            }
            if let failure { throw failure }
            return answer
        }
    }

    /// One full-text search hit.
    public struct SearchHit: Codable, Sendable {
        public var document: String
        public var quote: String
        public var kind: String
        public var speaker: String?
        public var speakerName: String?
        public var text: String
        public var group: String?

        enum CodingKeys: String, CodingKey {
            case document, quote, kind, speaker, speakerName = "speaker_name", text, group
        }
    }

    /// Quotes matching a full-text query. A plain query ("cold war") matches the words as a phrase; a query with
    /// FTS5 syntax (`AND`, `OR`, `NOT`, `*`, quotes, `NEAR`) is passed as is. Best matches first (bm25), then by
    /// document and quote.
    /// - Throws: ``HearsayError`` `store.query-too-long` over ``SearchQuery/maxTerms`` words, `store.bad-query` for
    ///   an FTS5 syntax error, `store.corrupt` for a damaged store.
    public func search(_ query: String, limit: Int = 50, maxTerms: Int = SearchQuery.maxTerms) throws -> [SearchHit] {
        let terms = SearchQuery.termCount(query)
        if terms > maxTerms {
            throw HearsayError(
                code: "store.query-too-long",
                message: "the search query has \(terms) words; at most \(maxTerms) are searched", file: path)
        }
        let match: String
        if query.contains("\"") || query.contains("*")
            || query.range(of: #"\b(AND|OR|NOT|NEAR)\b"#, options: .regularExpression) != nil
        {
            match = query
        } else {
            let words = CorpusWords.words(query).map { $0.key.replacingOccurrences(of: "\"", with: "") }
            guard !words.isEmpty else { return [] }
            match = "\"" + words.joined(separator: " ") + "\""
        }
        do {
            return try db.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT d.doc_id AS doc, q.quote_id AS qid, q.kind AS kind, s.corpus_id AS sid, s.name AS sname,
                            q.text AS text, g.group_id AS gid
                        FROM quotes_fts f
                        JOIN quotes q ON q.id = f.rowid
                        JOIN documents d ON d.id = q.document
                        LEFT JOIN speakers s ON s.id = q.speaker
                        LEFT JOIN quote_groups g ON g.id = q.quote_group
                        WHERE quotes_fts MATCH ?
                        ORDER BY bm25(quotes_fts), d.doc_id, q.number
                        LIMIT ?
                        """, arguments: [match, max(1, limit)]
                ).map { r in
                    SearchHit(
                        document: r["doc"], quote: r["qid"], kind: r["kind"], speaker: r["sid"],
                        speakerName: r["sname"],
                        text: r["text"], group: r["gid"])
                }
            }
        } catch let e as DatabaseError {
            throw Self.queryError(e, path: path)
        }
    }

    /// A failed query as an error naming the store: a damaged file (`store.corrupt`) is not a refused query
    /// (`store.bad-query`, an FTS5 syntax error).
    static func queryError(_ e: DatabaseError, path: String) -> HearsayError {
        switch e.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_IOERR, .SQLITE_FORMAT:
            return HearsayError(
                code: "store.corrupt",
                message: "the store is damaged: \(e.message ?? "\(e)") (build it again with hearsay index)",
                file: path)
        default:
            return HearsayError(
                code: "store.bad-query", message: "the search query was refused: \(e.message ?? "\(e)")", file: path)
        }
    }
}
