/// Paths as the tools build them from a directory and a name.
public enum PathJoin {
    /// `name` inside `directory`, with one slash between them whether or not `directory`
    /// ends in one: `join("run/", "data.mdb") == "run/data.mdb"`.
    public static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
