/// Words for structure findings, without their location (the renderers show the
/// database and page once, from the finding's fields).
public enum StructurePhrasing {
    /// The phrase for `finding`, without its database or page.
    public static func describe(_ finding: StructureFinding) -> String {
        finding.message
    }
}
