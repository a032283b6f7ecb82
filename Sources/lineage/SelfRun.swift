import Glibc

/// Runs this same executable with other arguments and collects its stdout: `watch` reads
/// a DAG's stages with a `status` of its own, so a read torn by the writer (even one that
/// faults inside liblmdb) ends that child, never the watch.
enum SelfRun {
    /// The child's exit status (a signal counts as 128 + its number) and its stdout.
    static func run(_ arguments: [String]) -> (status: Int32, stdout: [UInt8]) {
        var pipe: [Int32] = [-1, -1]
        guard Glibc.pipe(&pipe) == 0 else { return (-1, []) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipe[1], STDOUT_FILENO)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addclose(&actions, pipe[1])
        let argv = (["lineage"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // The environment as it is, less the test's stop hook (which would stop the child
        // where no test waits for it) and a retry's deadline meant for this process.
        var variables: [UnsafeMutablePointer<CChar>?] = []
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if !text.hasPrefix("LINEAGE_TEST_STOP_IN_READ="), !text.hasPrefix("LINEAGE_RETRY_") { variables.append(strdup(pointer)) }
            entry += 1
        }
        variables.append(nil)
        defer { variables.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/proc/self/exe", &actions, nil, argv, variables)
        close(pipe[1])
        defer { close(pipe[0]) }
        guard spawned == 0 else { return (-1, []) }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(pipe[0], &buffer, buffer.count)
            if count > 0 {
                output += buffer[0..<count]
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (code, output)
    }
}
