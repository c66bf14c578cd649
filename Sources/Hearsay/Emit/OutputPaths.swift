import Foundation

/// Where `--out-dir` writes a document: the document id as a relative path, checked so that no id (from a file
/// name, a JSON Lines field or an archive record) can reach outside the output directory.
public enum OutputPaths {
    /// The suffix of a per-document knowledge file.
    public static let suffix = ".knowledge.json"

    /// The file for `id` under `directory`.
    ///
    /// - Throws: ``HearsayError`` `output.unsafe-id` when the id is empty, absolute, contains a NUL byte or a `..`
    ///   component, or would pass through a symbolic link inside the output directory.
    public static func file(for id: String, in directory: String) throws -> String {
        func refuse(_ why: String) -> HearsayError {
            HearsayError(code: "output.unsafe-id", message: "document id \(quoted(id)) \(why); nothing written for it", file: id)
        }
        if id.isEmpty { throw refuse("is empty") }
        if id.utf8.contains(0) { throw refuse("contains a NUL byte") }
        if id.hasPrefix("/") { throw refuse("is an absolute path") }
        let parts = id.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if parts.contains("..") { throw refuse("has a '..' component") }
        let clean = parts.filter { $0 != "." }
        guard !clean.isEmpty else { throw refuse("names no file") }
        // Every directory on the way must be a real directory, not a link planted to lead elsewhere.
        var dir = directory
        for part in clean.dropLast() {
            dir += "/" + part
            var st = stat()
            if lstat(dir, &st) == 0 {
                if (st.st_mode & S_IFMT) != S_IFDIR { throw refuse("passes through '\(dir)', which is not a directory") }
            } else if mkdir(dir, 0o755) != 0 && errno != EEXIST {
                throw HearsayError(
                    code: "output.unwritable", message: "cannot create the directory: \(String(cString: strerror(errno)))",
                    file: dir)
            }
        }
        let target = dir + "/" + clean.last! + suffix
        var st = stat()
        if lstat(target, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK {
            throw refuse("would be written through the symbolic link '\(target)'")
        }
        return target
    }

    static func quoted(_ s: String) -> String {
        "'" + s.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined() + "'"
    }
}
