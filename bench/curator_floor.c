/*
 * The floor for a NeMo Curator checkpoint directory: the least any reader must do.
 *
 * Opens every writer file (`*.mdb` directly in `.nemo_curator_metadata/`, hidden names
 * left out) read-only and without a lock file (MDB_RDONLY | MDB_NOLOCK | MDB_NOSUBDIR,
 * max_dbs 1), walks every entry of `completed_sources` once with a plain liblmdb cursor
 * and adds up every key byte, so each byte is touched. Prints the writer files, the
 * entries and the byte sum (printing keeps the compiler from dropping the reads). A file
 * liblmdb refuses is counted as skipped, as the pipeline skips it; a cursor error ends
 * the run with exit status 2.
 *
 * usage: curator_floor CHECKPOINT_DIRECTORY
 */
#include <dirent.h>
#include <lmdb.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Walks one writer file; returns 0 when read, 1 when liblmdb refused it, 2 on a cursor error. */
static int scan(const char *path, uint64_t *entries, uint64_t *sum) {
    MDB_env *env;
    MDB_txn *txn;
    MDB_dbi dbi;
    MDB_cursor *cursor;
    int status = 1;
    if (mdb_env_create(&env) != MDB_SUCCESS) return 1;
    if (mdb_env_set_maxdbs(env, 1) != MDB_SUCCESS) goto close_env;
    if (mdb_env_open(env, path, MDB_RDONLY | MDB_NOLOCK | MDB_NOSUBDIR, 0444) != MDB_SUCCESS) goto close_env;
    if (mdb_txn_begin(env, NULL, MDB_RDONLY, &txn) != MDB_SUCCESS) goto close_env;
    int rc = mdb_dbi_open(txn, "completed_sources", 0, &dbi);
    if (rc == MDB_NOTFOUND) {
        status = 0; /* no sub-database: nothing completed */
        goto abort_txn;
    }
    if (rc != MDB_SUCCESS || mdb_cursor_open(txn, dbi, &cursor) != MDB_SUCCESS) goto abort_txn;
    MDB_val key, value;
    MDB_cursor_op op = MDB_FIRST;
    while ((rc = mdb_cursor_get(cursor, &key, &value, op)) == MDB_SUCCESS) {
        const unsigned char *bytes = key.mv_data;
        for (size_t i = 0; i < key.mv_size; i++) *sum += bytes[i];
        *entries += 1;
        op = MDB_NEXT;
    }
    mdb_cursor_close(cursor);
    if (rc != MDB_NOTFOUND) {
        fprintf(stderr, "curator_floor: %s: mdb_cursor_get failed: %s\n", path, mdb_strerror(rc));
        status = 2;
        goto abort_txn;
    }
    status = 0;
abort_txn:
    mdb_txn_abort(txn);
close_env:
    mdb_env_close(env);
    return status;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: curator_floor CHECKPOINT_DIRECTORY\n");
        return 2;
    }
    char folder[4096];
    snprintf(folder, sizeof folder, "%s/.nemo_curator_metadata", argv[1]);
    DIR *dir = opendir(folder);
    if (!dir) {
        perror(folder);
        return 2;
    }
    size_t count = 0, capacity = 64;
    char **names = malloc(capacity * sizeof *names);
    struct dirent *entry;
    while (names && (entry = readdir(dir))) {
        size_t length = strlen(entry->d_name);
        if (entry->d_name[0] == '.' || length < 4 || strcmp(entry->d_name + length - 4, ".mdb") != 0) continue;
        if (count == capacity) names = realloc(names, (capacity *= 2) * sizeof *names);
        if (names) names[count++] = strdup(entry->d_name);
    }
    closedir(dir);
    if (!names) return 2;
    qsort(names, count, sizeof *names, by_name);

    uint64_t entries = 0, sum = 0, skipped = 0;
    int status = 0;
    for (size_t i = 0; i < count && status == 0; i++) {
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", folder, names[i]);
        int rc = scan(path, &entries, &sum);
        if (rc == 1) skipped++;
        if (rc == 2) status = 2;
    }
    for (size_t i = 0; i < count; i++) free(names[i]);
    free(names);
    if (status) return status;
    printf("%zu writer files (%llu skipped), %llu entries, byte sum %llu\n", count, (unsigned long long)skipped,
           (unsigned long long)entries, (unsigned long long)sum);
    return 0;
}
