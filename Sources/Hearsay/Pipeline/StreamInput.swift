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
