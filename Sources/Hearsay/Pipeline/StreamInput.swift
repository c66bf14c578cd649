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
        guard let o = object as? [String: Any] else { return fail("stream.malformed-line", "line \(number) is not a JSON object") }
        var id = fallbackID
        if let v = o["id"] {
            if let s = v as? String { id = s } else if let n = v as? NSNumber { id = n.stringValue } else {
                return fail("stream.bad-field", "\"id\" must be a string")
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
        if let p = o["published"] as? String, p.count >= 10 {
            let d = String(p.prefix(10))
            if d.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil { item.published = d }
        }
        if let u = o["url"] as? String { item.url = u }
        return .success(item)
    }
}

/// The articles of a JSON Lines file or of standard input, one line at a time (gzip-compressed input is read
/// through zlib); each line costs time linear in its length, however long.
public final class JSONLinesItems: Sequence, IteratorProtocol {
    /// The file read, or nil for standard input (errors then name the line's id, as `hearsay stream` reports).
    let path: String?
    private var source: ByteSource?
    private var number = 0
    private var failed: HearsayError?

    /// Lines longer than this end the input with an error (a line is one article; the document cap applies too).
    static let maxLine = 256 << 20

    init(path: String) {
        self.path = path
        do { source = try ByteSource(path: path) } catch let e as HearsayError { failed = e } catch {
            failed = HearsayError(code: "input.unreadable", message: "\(error)", file: path)
        }
    }

    /// Lines read from an open handle, such as standard input.
    public init(handle: FileHandle) {
        path = nil
        do { source = try ByteSource(handle: handle) } catch let e as HearsayError { failed = e } catch {
            failed = HearsayError(code: "input.unreadable", message: "\(error)")
        }
    }

    public func next() -> InputItem? {
        if let f = failed {
            failed = nil
            var item = InputItem(id: path.map { ($0 as NSString).lastPathComponent } ?? "stdin", path: path)
            item.failure = f
            return item
        }
        guard let src = source else { return nil }
        while true {
            let raw: [UInt8]
            do {
                guard let l = try src.line(max: JSONLinesItems.maxLine) else {
                    source = nil
                    return nil
                }
                raw = l
            } catch var e as HearsayError {
                source = nil
                e.file = path ?? "line-\(number + 1)"
                e.line = number + 1
                var item = InputItem(id: "line-\(number + 1)", path: path, line: number + 1)
                item.failure = e
                return item
            } catch {
                source = nil
                return nil
            }
            number += 1
            var line = raw[...]
            while let last = line.last, last == 0x0A || last == 0x0D { line = line.dropLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            switch StreamInput.parse(Data(line), number: number) {
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
