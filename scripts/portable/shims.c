/* What the portable build links in besides lineage's own objects, so that the executable
 * runs on glibc 2.28 (RHEL 8) and later: the entry point zig's linker cannot alias, and
 * two symbols newer than glibc 2.28 that the static Swift runtime and libstdc++ use. */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

/* swiftc names the entry point lineage_main and asks the linker for main=lineage_main
 * (--defsym), an option zig's lld driver does not take. */
extern int lineage_main(int argc, char **argv);
int main(int argc, char **argv) { return lineage_main(argc, argv); }

/* glibc 2.32: libstdc++ reads it to skip atomic operations in a single-threaded process;
 * 0 keeps them, which is correct in every process. */
char __libc_single_threaded = 0;

/* glibc 2.36: the Swift runtime's random numbers. getrandom(2) (Linux 3.17) blocks only
 * until the kernel's pool is first initialised, as glibc's arc4random does. */
uint32_t arc4random(void) {
    uint32_t value;
    unsigned char *bytes = (unsigned char *)&value;
    size_t done = 0;
    while (done < sizeof value) {
        long got = syscall(SYS_getrandom, bytes + done, sizeof value - done, 0);
        if (got < 0) {
            if (errno == EINTR) continue;
            abort();
        }
        done += (size_t)got;
    }
    return value;
}
