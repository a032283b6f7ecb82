extension Rows {
    /// A task an `ancestors` or `descendants` walk reached:
    /// `UDID<TAB>DISTANCE<TAB>TYPE<TAB>completed|pending`, or a JSON record
    /// `{"udid", "distance", "task_type", "completed"}` laid out as `format` says. A task
    /// without a type shows `-` in text and `null` in JSON.
    /// In a batch (`from`: the task walked from), text rows start `FROM<TAB>` and JSON
    /// records have `"from"` first.
    public static func appendReached(_ task: ReachedTask, from: UDID? = nil, format: Format, to out: inout [UInt8]) {
        if format.isJSON {
            openRecord(format, to: &out)
            if let from {
                out.append(contentsOf: #""from": ""#.utf8)
                out.append(contentsOf: from.string.utf8)
                out.append(contentsOf: #"", "#.utf8)
            }
            out.append(contentsOf: #""udid": ""#.utf8)
            out.append(contentsOf: task.udid.string.utf8)
            out.append(contentsOf: #"", "distance": "#.utf8)
            out.append(contentsOf: String(task.distance).utf8)
            appendJSONTypeAndCompletion(task, to: &out)
        } else {
            if let from {
                out.append(contentsOf: from.string.utf8)
                out.append(0x09)
            }
            out.append(contentsOf: task.udid.string.utf8)
            out.append(0x09)
            out.append(contentsOf: String(task.distance).utf8)
            appendTextTypeAndCompletion(task, to: &out)
        }
        endRecord(format, to: &out)
    }

    /// One task of a `path`: `UDID<TAB>TYPE<TAB>completed|pending`, or a JSON record
    /// `{"position", "udid", "task_type", "completed"}`, the position counted from 0 at
    /// the upper end.
    public static func appendPathStep(_ task: ReachedTask, format: Format, to out: inout [UInt8]) {
        if format.isJSON {
            openRecord(format, to: &out)
            out.append(contentsOf: #""position": "#.utf8)
            out.append(contentsOf: String(task.distance).utf8)
            out.append(contentsOf: #", "udid": ""#.utf8)
            out.append(contentsOf: task.udid.string.utf8)
            out.append(0x22)
            appendJSONTypeAndCompletion(task, to: &out)
        } else {
            out.append(contentsOf: task.udid.string.utf8)
            appendTextTypeAndCompletion(task, to: &out)
        }
        endRecord(format, to: &out)
    }

    /// `<TAB>TYPE<TAB>completed|pending`.
    private static func appendTextTypeAndCompletion(_ task: ReachedTask, to out: inout [UInt8]) {
        out.append(0x09)
        if let typeName = task.typeName { Escaping.appendText(typeName.utf8, to: &out) } else { out.append(0x2d) }
        out.append(contentsOf: task.completed ? "\tcompleted".utf8 : "\tpending".utf8)
    }

    /// `, "task_type": ..., "completed": ...}`.
    private static func appendJSONTypeAndCompletion(_ task: ReachedTask, to out: inout [UInt8]) {
        if let typeName = task.typeName {
            out.append(contentsOf: #", "task_type": ""#.utf8)
            Escaping.appendJSON(typeName.utf8, to: &out)
            out.append(0x22)
        } else {
            out.append(contentsOf: #", "task_type": null"#.utf8)
        }
        out.append(contentsOf: task.completed ? #", "completed": true}"#.utf8 : #", "completed": false}"#.utf8)
    }
}
