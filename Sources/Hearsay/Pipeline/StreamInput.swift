import Foundation

/// Reads `hearsay stream` input: one JSON object per line, `{"id", "text"}` or `{"id", "html"}`, with optional
/// `"published"` (YYYY-MM-DD...) and `"url"`.
public enum StreamInput {
    /// Parses one line (1-based `number`) into an item, or an error naming the line.
    public static func parse(_ line: Data, number: Int) -> Result<InputItem, HearsayError> {
        let fallbackID = "line-\(number)"
        func fail(_ code: String, _ message: String, id: String? = nil) -> Result<InputItem, HearsayError> {
            .failure(HearsayError(code: code, message: message, file: id ?? fallbackID, line: number))
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: line)
        } catch {
            return fail("stream.malformed-line", "line \(number) is not valid JSON")
        }
        guard let o = object as? [String: Any] else {
            return fail("stream.malformed-line", "line \(number) is not a JSON object")
        }
        var id = fallbackID
        if let v = o["id"] {
            // true and false are NSNumbers too: an id is a string or a number, never a boolean.
            if let s = v as? String {
                id = s
            } else if let n = v as? NSNumber, !isBoolean(n) {
                id = n.stringValue
            } else {
                return fail("stream.bad-field", "\"id\" must be a string or a number")
            }
        }
        let text = o["text"] as? String
        let html = o["html"] as? String
        if text == nil && html == nil {
            return fail("stream.missing-field", "line \(number) has neither a \"text\" nor an \"html\" string", id: id)
        }
        var item = InputItem(
            id: id, bytes: Array((html ?? text)!.utf8), declaredMediaType: html != nil ? "text/html" : "text/plain",
            line: number)
        if let v = o["published"] {
            guard let p = v as? String, let d = publicationDate(p) else {
                return fail(
                    "stream.bad-field", "\"published\" must be a date YYYY-MM-DD (a time may follow)", id: id)
            }
            item.published = d
        }
        if let u = o["url"] as? String { item.url = u }
        return .success(item)
    }

    /// JSON `true` and `false` arrive as NSNumbers whose type is `c` (char); JSON numbers never do.
    static func isBoolean(_ n: NSNumber) -> Bool { String(cString: n.objCType) == "c" }

    /// The `YYYY-MM-DD` day a publication date starts with (`2020-07-11` of `2020-07-11T08:00Z`), or nil: the date
    /// alone or followed by `T` or a space and a time, naming a day that exists (no month 13, no February 30).
    public static func publicationDate(_ p: String) -> String? {
        let b = Array(p.utf8)
        guard b.count >= 10, b.count == 10 || b[10] == UInt8(ascii: "T") || b[10] == 0x20 else { return nil }
        func digits(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                v = v * 10 + Int(b[i] - 0x30)
            }
            return v
        }
        guard b[4] == 0x2D, b[7] == 0x2D, let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10),
            (1...12).contains(m), d >= 1
        else { return nil }
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        guard d <= days else { return nil }
        return String(decoding: b[0..<10], as: UTF8.self)
    }
}

/// The articles of a JSON Lines file or of standard input, one line at a time (gzip-compressed input is read
/// through zlib), cut by ``StreamLineReader``: each byte is scanned once, and a line over the cap is answered with
/// a `too-large` error item without being kept in memory.
public final class JSONLinesItems: Sequence, IteratorProtocol {
    /// The file read, or nil for standard input (errors then name the line's id, as `hearsay stream` reports).
    let path: String?
    private var source: ByteSource?
    private var reader: StreamLineReader
    private var pending: [StreamLineReader.Line] = []
    private var nextPending = 0
    private var failed: HearsayError?

    /// The default cap of a line: four times the default document cap (JSON escapes may lengthen an article).
    public static let defaultMaxLine = 4 * TextNormalizer.Config().maxBytes

    /// A blank line is skipped (a JSON Lines file), or answered with an error item (`hearsay stream`, which
    /// promises one output line per input line).
    let answerBlankLines: Bool

    init(path: String, maxLineBytes: Int = JSONLinesItems.defaultMaxLine) {
        self.path = path
        answerBlankLines = false
        reader = StreamLineReader(maxLineBytes: maxLineBytes)
        do { source = try ByteSource(path: path) } catch let e as HearsayError { failed = e } catch {
            failed = HearsayError(code: "input.unreadable", message: "\(error)", file: path)
        }
    }

    /// Lines read from an open handle, such as standard input.
    public init(handle: FileHandle, maxLineBytes: Int = JSONLinesItems.defaultMaxLine, answerBlankLines: Bool = false) {
        path = nil
        self.answerBlankLines = answerBlankLines
        reader = StreamLineReader(maxLineBytes: maxLineBytes)
        do { source = try ByteSource(handle: handle) } catch let e as HearsayError { failed = e } catch {
            failed = HearsayError(code: "input.unreadable", message: "\(error)")
        }
    }

    /// The next line cut from the input, or nil at its end.
    private func nextLine() -> StreamLineReader.Line? {
        while nextPending >= pending.count {
            pending.removeAll(keepingCapacity: true)
            nextPending = 0
            guard let src = source else { return nil }
            do {
                if let chunk = try src.chunk() {
                    reader.feed(chunk) { pending.append($0) }
                } else {
                    reader.finish { pending.append($0) }
                    source = nil
                }
            } catch let e as HearsayError {
                source = nil
                failed = e
                return nil
            } catch {
                source = nil
                failed = HearsayError(code: "input.unreadable", message: "\(error)", file: path)
                return nil
            }
        }
        nextPending += 1
        return pending[nextPending - 1]
    }

    public func next() -> InputItem? {
        while true {
            guard let line = nextLine() else {
                // A read error (a corrupt gzip stream) ends the input with one error item.
                guard var e = failed else { return nil }
                failed = nil
                let number = reader.lineNumber + 1
                e.file = path ?? "line-\(number)"
                e.line = number
                var item = InputItem(id: "line-\(number)", path: path, line: number)
                item.failure = e
                return item
            }
            switch line {
            case .tooLong(let number, let bytes):
                var item = InputItem(id: "line-\(number)", path: path, line: number)
                item.failure = HearsayError(
                    code: "too-large",
                    message:
                        "line has \(bytes) bytes, over the cap of \(reader.maxLineBytes) (4 x normalize.max_bytes)",
                    file: path ?? "line-\(number)", line: number)
                return item
            case .line(let number, let bytes):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    guard answerBlankLines else { continue }
                    var item = InputItem(id: "line-\(number)", path: path, line: number)
                    item.failure = HearsayError(
                        code: "stream.blank-line", message: "line \(number) is blank", file: path ?? "line-\(number)",
                        line: number)
                    return item
                }
                switch StreamInput.parse(bytes, number: number) {
                case .success(var item):
                    item.path = nil
                    item.size = item.bytes?.count
                    return item
                case .failure(var e):
                    if let p = path { e.file = p }
                    var item = InputItem(id: "line-\(number)", path: path, line: number)
                    item.failure = e
                    return item
                }
            }
        }
    }
}

/// Cuts `hearsay stream` input into lines as chunks of bytes arrive.
///
/// Each byte is scanned once and copied at most once, so a huge line costs linear time. A line longer than
/// `maxLineBytes` is not kept in memory: its bytes are counted and skipped up to the next line feed, and it is
/// reported as ``Line/tooLong(number:bytes:)`` so that the stream can answer it with an error and go on. A
/// trailing carriage return is removed; blank lines are passed on (the caller decides).
public struct StreamLineReader {
    public enum Line: Equatable {
        /// A complete line (without its line feed and any carriage return before it), 1-based.
        case line(number: Int, bytes: Data)
        /// A line over the cap: its number and its length in bytes.
        case tooLong(number: Int, bytes: Int)
    }

    public let maxLineBytes: Int
    /// The current line so far.
    var buffer: [UInt8] = []
    /// Bytes of the current line when it is over the cap (and no longer buffered).
    var skipping: Int?
    public private(set) var lineNumber = 0

    public init(maxLineBytes: Int) { self.maxLineBytes = max(1, maxLineBytes) }

    /// Adds a chunk, handing every line it completes to `emit`, in order.
    public mutating func feed<C: Collection>(_ chunk: C, _ emit: (Line) throws -> Void) rethrows
    where C.Element == UInt8 {
        var rest = chunk[...]
        while !rest.isEmpty {
            let nl = rest.firstIndex(of: 0x0A)
            let piece = rest[..<(nl ?? rest.endIndex)]
            if let skipped = skipping {
                skipping = skipped + piece.count
            } else if buffer.count + piece.count > maxLineBytes {
                skipping = buffer.count + piece.count
                buffer = []
            } else {
                buffer.append(contentsOf: piece)
            }
            guard let nl else { break }
            try endLine(emit)
            rest = rest[rest.index(after: nl)...]
        }
    }

    /// Ends the input: a last line without a line feed is handed on too.
    public mutating func finish(_ emit: (Line) throws -> Void) rethrows {
        if skipping != nil || !buffer.isEmpty { try endLine(emit) }
    }

    mutating func endLine(_ emit: (Line) throws -> Void) rethrows {
        lineNumber += 1
        if let skipped = skipping {
            skipping = nil
            try emit(.tooLong(number: lineNumber, bytes: skipped))
            return
        }
        var end = buffer.count
        if end > 0, buffer[end - 1] == 0x0D { end -= 1 }
        let line = Data(buffer[0..<end])
        buffer.removeAll(keepingCapacity: true)
        try emit(.line(number: lineNumber, bytes: line))
    }
}
