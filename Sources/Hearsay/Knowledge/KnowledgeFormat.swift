/// The name and version of the knowledge file format, and of the generator that writes it.
///
/// `Knowledge/` holds the written document model, the contract between the writer (`Emit/`) and the readers
/// (`Corpus/`, `Report/`, the `HearsayStore` target, the command line): readers check a file against these values,
/// the writer stamps them into every file (`KnowledgeEncoding` takes them from here).
public enum KnowledgeFormat {
    public static let format = "hearsay.knowledge"
    /// 2: quotes carry `speaker_name`, dates and times are in `timex` with `value` null. Readers take 1 and 2.
    public static let version = 2
    public static let generatorName = "hearsay"
    public static let generatorVersion = "0.1.0"
}
