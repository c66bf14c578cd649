import Foundation

/// An article to read: a file under an input root, or a stream line.
public struct InputItem: Sendable {
    /// Document id: the path relative to the input root (or the file name when a file was named directly).
    public var id: String
    /// The path to read, or nil when `bytes` are given.
    public var path: String?
    public var bytes: [UInt8]?
    public var declaredMediaType: String?
    public var published: String?
    public var url: String?
    /// 1-based line number for stream input.
    public var line: Int?

    public init(
        id: String, path: String? = nil, bytes: [UInt8]? = nil, declaredMediaType: String? = nil,
        published: String? = nil, url: String? = nil, line: Int? = nil
    ) {
        self.id = id
        self.path = path
        self.bytes = bytes
        self.declaredMediaType = declaredMediaType
        self.published = published
        self.url = url
        self.line = line
    }
}

/// Finds inputs and runs the pipeline over them, in parallel, returning results in input order.
public enum Batch {
    /// File extensions read from directories.
    public static let extensions: Set<String> = ["txt", "text", "md", "html", "htm", "xhtml"]

    /// Files under `paths`, sorted by id; paths that do not exist or cannot be listed become errors.
    public static func collect(_ paths: [String]) -> (items: [InputItem], errors: [HearsayError]) {
        var items: [InputItem] = []
        var errors: [HearsayError] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                errors.append(HearsayError(code: "input.missing", message: "no such file or directory", file: path))
                continue
            }
            if !isDir.boolValue {
                items.append(item(forFile: path, id: (path as NSString).lastPathComponent))
                continue
            }
            guard let walker = fm.enumerator(atPath: path) else {
                errors.append(HearsayError(code: "input.unreadable", message: "cannot list the directory", file: path))
                continue
            }
            var found: [String] = []
            while let rel = walker.nextObject() as? String {
                let ext = (rel as NSString).pathExtension.lowercased()
                guard extensions.contains(ext) else { continue }
                let full = (path as NSString).appendingPathComponent(rel)
                var sub: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &sub) {
                    if !sub.boolValue { found.append(rel) }
                } else {
                    // A link to nothing, or an entry that vanished while listing.
                    errors.append(
                        HearsayError(code: "input.unreadable", message: "cannot read the file (dangling link?)", file: full))
                }
            }
            for rel in found.sorted() {
                items.append(item(forFile: (path as NSString).appendingPathComponent(rel), id: rel))
            }
        }
        items.sort { $0.id == $1.id ? ($0.path ?? "") < ($1.path ?? "") : $0.id < $1.id }
        return (items, errors)
    }

    static func item(forFile path: String, id: String) -> InputItem {
        let ext = (path as NSString).pathExtension.lowercased()
        let media: String? = ["html", "htm", "xhtml"].contains(ext) ? "text/html" : nil
        return InputItem(id: id, path: path, declaredMediaType: media)
    }

    /// Reads and processes one item; never throws past the item.
    public static func process(_ item: InputItem, with pipeline: Pipeline) -> Result<Document, HearsayError> {
        let bytes: [UInt8]
        if let b = item.bytes {
            bytes = b
        } else if let path = item.path {
            guard let fh = FileHandle(forReadingAtPath: path) else {
                return .failure(HearsayError(code: "input.unreadable", message: "cannot open the file for reading", file: path))
            }
            defer { try? fh.close() }
            do {
                bytes = [UInt8](try fh.readToEnd() ?? Data())
            } catch {
                return .failure(
                    HearsayError(code: "input.unreadable", message: "reading the file failed", file: path, cause: "\(error)"))
            }
        } else {
            bytes = []
        }
        var doc = Document(
            id: item.id, path: item.path ?? item.id, bytes: bytes, declaredMediaType: item.declaredMediaType)
        if let p = item.published { doc.metadata.published = p }
        if let u = item.url { doc.metadata.url = u }
        do {
            try pipeline.process(&doc)
            return .success(doc)
        } catch var e as HearsayError {
            if item.line != nil { e.line = e.line ?? item.line }
            return .failure(e)
        } catch {
            return .failure(HearsayError(code: "internal", message: "\(error)", file: item.path ?? item.id))
        }
    }

    /// Processes items on `jobs` threads, in chunks, handing results to `sink` in input order.
    public static func run(
        _ items: [InputItem], with pipeline: Pipeline, jobs: Int,
        sink: (Int, InputItem, Result<Document, HearsayError>) throws -> Void
    ) rethrows {
        let chunk = max(1, jobs) * 8
        var start = 0
        while start < items.count {
            let end = min(items.count, start + chunk)
            let slice = Array(items[start..<end])
            let results = ResultBox(count: slice.count)
            if jobs <= 1 || slice.count == 1 {
                for (k, item) in slice.enumerated() { results.set(k, process(item, with: pipeline)) }
            } else {
                DispatchQueue.concurrentPerform(iterations: slice.count) { k in
                    results.set(k, process(slice[k], with: pipeline))
                }
            }
            for k in 0..<slice.count { try sink(start + k, slice[k], results.get(k)) }
            start = end
        }
    }
}

/// Results written from several threads, each to its own slot.
final class ResultBox: @unchecked Sendable {
    private var slots: [Result<Document, HearsayError>?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ r: Result<Document, HearsayError>) {
        lock.lock()
        slots[k] = r
        lock.unlock()
    }
    func get(_ k: Int) -> Result<Document, HearsayError> {
        lock.lock()
        defer { lock.unlock() }
        return slots[k] ?? .failure(HearsayError(code: "internal", message: "missing result"))
    }
}
