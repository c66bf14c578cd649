import Foundation

/// An article to read: a file under an input root, a record of a web archive, or a stream line.
public struct InputItem: Sendable {
    /// Document id: the path relative to the input root (or the file name when a file was named directly); for an
    /// archive record, the archive's id, a slash and the record's number (`crawl.warc.gz/000012`).
    public var id: String
    /// The path to read, or nil when `bytes` are given.
    public var path: String?
    public var bytes: [UInt8]?
    public var declaredMediaType: String?
    public var published: String?
    public var url: String?
    /// When a crawler fetched the page (an archive record's date), ISO 8601.
    public var crawled: String?
    /// 1-based line number for stream input.
    public var line: Int?
    /// Size in bytes when known before reading (files), for progress.
    public var size: Int?
    /// The item is a container to expand into articles (see ``Batch/expand(_:)``).
    public var container: Container?
    public var isContainer: Bool { container != nil }
    /// An error found while reading the item's container (an archive record or line that cannot be read); processing the
    /// item returns it.
    public var failure: HearsayError?

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

    /// The key that orders items: an archive sorts where its records' ids (`id/...`) do.
    var sortKey: String { isContainer ? id + "/" : id }
}

/// A file that holds many articles.
public enum Container: Sendable {
    /// A web archive: its HTTP responses with HTML or text payloads.
    case warc
    /// JSON Lines in the `hearsay stream` input format: one article per line.
    case jsonLines
}

/// Finds inputs and runs the pipeline over them, in parallel, returning results in input order.
public enum Batch {
    /// File extensions read from directories as articles.
    public static let extensions: Set<String> = ["txt", "text", "md", "html", "htm", "xhtml"]
    /// File name endings read as containers of articles: web archives (WARC, optionally gzip-compressed) and
    /// JSON Lines corpora in the `hearsay stream` input format (optionally gzip-compressed).
    public static let containerSuffixes: [(suffix: String, kind: Container)] = [
        (".warc", .warc), (".warc.gz", .warc), (".jsonl", .jsonLines), (".jsonl.gz", .jsonLines),
    ]

    static func container(_ path: String) -> Container? {
        let lower = path.lowercased()
        return containerSuffixes.first { lower.hasSuffix($0.suffix) }?.kind
    }

    /// Files under `paths`, sorted by id; paths that do not exist or cannot be listed become errors. Archives are
    /// listed as one item each, to be expanded lazily by ``expand(_:)``.
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
                guard extensions.contains(ext) || container(rel) != nil else { continue }
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
            for rel in found {
                items.append(item(forFile: (path as NSString).appendingPathComponent(rel), id: rel))
            }
        }
        items.sort { $0.sortKey == $1.sortKey ? ($0.path ?? "") < ($1.path ?? "") : $0.sortKey < $1.sortKey }
        return (items, errors)
    }

    static func item(forFile path: String, id: String) -> InputItem {
        let ext = (path as NSString).pathExtension.lowercased()
        let media: String? = ["html", "htm", "xhtml"].contains(ext) ? "text/html" : nil
        var item = InputItem(id: id, path: path, declaredMediaType: media)
        var st = stat()
        if stat(path, &st) == 0 { item.size = Int(st.st_size) }
        item.container = container(path)
        return item
    }

    /// The items with every archive replaced by its records, read one at a time as the sequence is consumed, so
    /// an archive of any size is never held in memory.
    public static func expand<S: Sequence>(_ items: S) -> AnySequence<InputItem> where S.Element == InputItem {
        AnySequence { () -> AnyIterator<InputItem> in
            var outer = items.makeIterator()
            var records: (() -> InputItem?)? = nil
            return AnyIterator {
                while true {
                    if let r = records {
                        if let next = r() { return next }
                        records = nil
                    }
                    guard let item = outer.next() else { return nil }
                    guard let kind = item.container, let path = item.path else { return item }
                    switch kind {
                    case .warc: records = WARCItems(archiveID: item.id, path: path).next
                    case .jsonLines: records = JSONLinesItems(path: path).next
                    }
                }
            }
        }
    }

    /// Reads an item's bytes.
    public static func read(_ item: InputItem) -> Result<[UInt8], HearsayError> {
        if let failure = item.failure { return .failure(failure) }
        if let b = item.bytes { return .success(b) }
        guard let path = item.path else { return .success([]) }
        guard let fh = FileHandle(forReadingAtPath: path) else {
            return .failure(HearsayError(code: "input.unreadable", message: "cannot open the file for reading", file: path))
        }
        defer { try? fh.close() }
        do {
            return .success([UInt8](try fh.readToEnd() ?? Data()))
        } catch {
            return .failure(
                HearsayError(code: "input.unreadable", message: "reading the file failed", file: path, cause: "\(error)"))
        }
    }

    /// Reads and processes one item; never throws past the item.
    public static func process(_ item: InputItem, with pipeline: Pipeline) -> Result<Document, HearsayError> {
        read(item).flatMap { process(item, bytes: $0, with: pipeline) }
    }

    /// Processes one item whose bytes were already read.
    public static func process(_ item: InputItem, bytes: [UInt8], with pipeline: Pipeline) -> Result<Document, HearsayError> {
        var doc = Document(
            id: item.id, path: item.path ?? item.id, bytes: bytes, declaredMediaType: item.declaredMediaType)
        if let p = item.published { doc.metadata.published = p }
        if let u = item.url { doc.metadata.url = u }
        if let c = item.crawled { doc.metadata.crawled = c }
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
    public static func run<S: Sequence>(
        _ items: S, with pipeline: Pipeline, jobs: Int,
        sink: (Int, InputItem, Result<Document, HearsayError>) throws -> Void
    ) rethrows where S.Element == InputItem {
        try map(items, jobs: jobs, { process($0, with: pipeline) }, sink: sink)
    }

    /// Applies `work` to items on `jobs` threads and hands the results to `sink` in input order, on the calling
    /// thread. Workers pull the next item as soon as they are free (no barrier between chunks, so one slow document
    /// does not idle the other cores), and never run more than `jobs × 8` items ahead of `sink`: memory stays flat
    /// however many items the sequence yields. When `sink` throws, the workers stop and the error is rethrown.
    public static func map<S: Sequence, T>(
        _ items: S, jobs: Int, _ work: (InputItem) -> Result<T, HearsayError>,
        sink: (Int, InputItem, Result<T, HearsayError>) throws -> Void
    ) rethrows where S.Element == InputItem {
        if jobs <= 1 {
            for (index, item) in items.enumerated() { try sink(index, item, work(item)) }
            return
        }
        let state = OrderedWork<S.Iterator, T>(items.makeIterator(), window: jobs * 8)
        try withoutActuallyEscaping(work) { work in
            let shared = UnsafeSendable(work)
            let group = DispatchGroup()
            for _ in 0..<jobs {
                DispatchQueue.global().async(group: group) {
                    while let (index, item) = state.take() { state.put(index, item, shared.value(item)) }
                }
            }
            defer {
                state.stop()
                group.wait()
            }
            while let (index, item, result) = state.nextInOrder() { try sink(index, item, result) }
        }
    }
}

/// The shared state of ``Batch/map(_:jobs:_:sink:)``: the input iterator, the finished results waiting for their
/// turn, and the window that bounds how far workers run ahead.
final class OrderedWork<I: IteratorProtocol, T>: @unchecked Sendable where I.Element == InputItem {
    private var iterator: I
    private let window: Int
    private let cond = NSCondition()
    private var taken = 0
    private var emitted = 0
    private var exhausted = false
    private var stopped = false
    private var done: [Int: (InputItem, Result<T, HearsayError>)] = [:]

    init(_ iterator: I, window: Int) {
        self.iterator = iterator
        self.window = window
    }

    /// The next item to work on, or nil when there is none or the run stopped.
    func take() -> (Int, InputItem)? {
        cond.lock()
        defer { cond.unlock() }
        while taken - emitted >= window && !stopped { cond.wait() }
        guard !stopped, !exhausted, let item = iterator.next() else {
            exhausted = true
            cond.broadcast()
            return nil
        }
        taken += 1
        return (taken - 1, item)
    }

    func put(_ index: Int, _ item: InputItem, _ result: Result<T, HearsayError>) {
        cond.lock()
        done[index] = (item, result)
        cond.broadcast()
        cond.unlock()
    }

    /// The next result in input order, waiting for it; nil when all are handed out.
    func nextInOrder() -> (Int, InputItem, Result<T, HearsayError>)? {
        cond.lock()
        defer { cond.unlock() }
        while done[emitted] == nil && !(exhausted && emitted == taken) { cond.wait() }
        guard let (item, result) = done.removeValue(forKey: emitted) else { return nil }
        emitted += 1
        cond.broadcast()
        return (emitted - 1, item, result)
    }

    func stop() {
        cond.lock()
        stopped = true
        cond.broadcast()
        cond.unlock()
    }
}

/// A closure handed to worker threads; `work` must be safe to call concurrently (the pipeline is immutable).
struct UnsafeSendable<V>: @unchecked Sendable {
    let value: V
    init(_ value: V) { self.value = value }
}
