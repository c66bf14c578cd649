import Foundation

/// Where `--out-dir` writes a document: the document id as a relative path, checked so that no id (from a file
/// name, a JSON Lines field or an archive record) can reach outside the output directory.
public enum OutputPaths {
    /// The suffix of a per-document knowledge file.
    public static let suffix = ".knowledge.json"
    /// The longest component of an id that still leaves room for the suffix and a temporary name.
    public static let maxComponentBytes = 200

    /// The file for `id` under `directory`.
    ///
    /// - Throws: ``HearsayError`` `output.unsafe-id` when the id is empty, absolute, contains a NUL byte or a `..`
    ///   component, would pass through a symbolic link or a file inside the output directory, or would replace
    ///   something that is not a regular file (the directory another id made: `a.knowledge.json/x`, then `a`).
    public static func file(for id: String, in directory: String) throws -> String {
        func refuse(_ why: String) -> HearsayError {
            HearsayError(
                code: "output.unsafe-id", message: "document id \(quoted(id)) \(why); nothing written for it", file: id)
        }
        if id.isEmpty { throw refuse("is empty") }
        if id.utf8.contains(0) { throw refuse("contains a NUL byte") }
        if id.hasPrefix("/") { throw refuse("is an absolute path") }
        let parts = id.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if parts.contains("..") { throw refuse("has a '..' component") }
        let clean = parts.filter { $0 != "." }
        guard !clean.isEmpty else { throw refuse("names no file") }
        // Room for the suffix and the temporary name's prefix and suffix within NAME_MAX (255 bytes).
        if clean.contains(where: { $0.utf8.count > maxComponentBytes }) {
            throw refuse("has a path component longer than \(maxComponentBytes) bytes")
        }
        // Every directory on the way must be a real directory, not a link planted to lead elsewhere.
        var dir = directory
        for part in clean.dropLast() {
            dir += "/" + part
            var st = stat()
            if lstat(dir, &st) == 0 {
                if (st.st_mode & S_IFMT) != S_IFDIR {
                    throw refuse("passes through '\(dir)', which is not a directory")
                }
            } else if mkdir(dir, 0o755) != 0 && errno != EEXIST {
                throw HearsayError(
                    code: "output.unwritable",
                    message: "cannot create the directory: \(String(cString: strerror(errno)))",
                    file: dir)
            }
        }
        let target = dir + "/" + clean.last! + suffix
        var st = stat()
        if lstat(target, &st) == 0 {
            switch st.st_mode & S_IFMT {
            case S_IFLNK: throw refuse("would be written through the symbolic link '\(target)'")
            case S_IFREG: break
            // A directory made for another id's file (`a.knowledge.json/x` before `a`), or anything else.
            default: throw refuse("would replace '\(target)', which is not a regular file")
            }
        }
        return target
    }

    /// A file's identity: its device and inode (after links), or nil when it does not exist.
    public static func identity(_ path: String) -> [UInt64]? {
        var st = stat()
        guard path != "-", stat(path, &st) == 0 else { return nil }
        return [UInt64(st.st_dev), UInt64(st.st_ino)]
    }

    /// Refuses an output that is one of the inputs (the same device and inode, whatever the paths look like):
    /// writing it would destroy the input before or while it is read.
    /// - Throws: ``HearsayError`` `output.is-input`.
    public static func refuseInputAsOutput(_ output: String, inputs: [String]) throws {
        guard let out = identity(output) else { return }
        for input in inputs where identity(input) == out {
            throw HearsayError(
                code: "output.is-input", message: "the output is the input \(quoted(input)); nothing written",
                file: output)
        }
    }

    static func quoted(_ s: String) -> String {
        "'"
            + s.unicodeScalars.map {
                $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0)
            }.joined() + "'"
    }
}
