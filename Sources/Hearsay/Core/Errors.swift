/// An error that names the input and the position, printed `file:line:col: error: message`.
public struct HearsayError: Error, Sendable, CustomStringConvertible, Codable, Hashable {
    /// A stable, extensible code, e.g. `empty-input`, `binary-input`, `too-large`, `config.unknown-key`.
    public var code: String
    public var message: String
    /// The file (or stream line id) concerned.
    public var file: String?
    /// Byte offset into the input, where known.
    public var byteOffset: Int?
    /// 1-based line and column, where known.
    public var line: Int?
    public var column: Int?
    /// The stage that failed, where one did.
    public var stage: String?
    public var cause: String?

    public init(
        code: String, message: String, file: String? = nil, byteOffset: Int? = nil, line: Int? = nil,
        column: Int? = nil, stage: String? = nil, cause: String? = nil
    ) {
        self.code = code
        self.message = message
        self.file = file
        self.byteOffset = byteOffset
        self.line = line
        self.column = column
        self.stage = stage
        self.cause = cause
    }

    public var description: String {
        var location = file ?? "<input>"
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        } else if let byteOffset {
            location += ":@\(byteOffset)"
        }
        var text = "\(location): error: \(message) [\(code)]"
        if let cause { text += " (\(cause))" }
        return text
    }

    /// Fills in line and column from a byte offset into `bytes`.
    public func located(in bytes: [UInt8]) -> HearsayError {
        guard let byteOffset, line == nil else { return self }
        var copy = self
        var line = 1
        var lineStart = 0
        let limit = min(byteOffset, bytes.count)
        var i = 0
        while i < limit {
            if bytes[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        copy.line = line
        copy.column = limit - lineStart + 1
        return copy
    }

    enum CodingKeys: String, CodingKey {
        case code, message, file, byteOffset = "byte_offset", line, column, stage, cause
    }
}

/// Reading errors out of `JSONDecoder` as key paths.
enum ConfigError {
    static func path(_ p: [CodingKey]) -> String {
        p.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }

    static func describe(_ e: DecodingError) -> String {
        switch e {
        case .typeMismatch(let t, let c): return "\(path(c.codingPath)): expected \(t)"
        case .valueNotFound(let t, let c): return "\(path(c.codingPath)): missing value of type \(t)"
        case .keyNotFound(let k, let c): return "\(path(c.codingPath + [k])): required key missing"
        case .dataCorrupted(let c):
            return "\(path(c.codingPath)): \(c.debugDescription)"
        @unknown default: return "\(e)"
        }
    }
}
