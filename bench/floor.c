/*
 * The floor lineage is measured against: the least any reader of a checkpoint must do.
 *
 * Opens the checkpoint file read-only and without a lock file, as lineage does, then
 * reads every entry of the four sub-databases once with plain liblmdb cursors
 * (duplicates included) and adds up every key and value byte, so each byte is
 * touched. Prints the entry count and the byte sum (printing keeps the compiler from
 * dropping the reads). Any liblmdb error ends the run with exit status 2.
 *
 * usage: floor CHECKPOINT.mdb
 */
#include <lmdb.h>
#include <stdint.h>
#include <stdio.h>

static const char *const databases[] = {"task_type", "out_edges", "in_edges", "completed"};

/* Reports a failed liblmdb call; returns 1 so callers can write `if (failed(...))`. */
static int failed(int rc, const char *call, const char *path) {
    if (rc == MDB_SUCCESS) return 0;
    fprintf(stderr, "floor: %s: %s failed: %s\n", path, call, mdb_strerror(rc));
    return 1;
}

static uint64_t byte_sum(const MDB_val *val) {
    const unsigned char *bytes = val->mv_data;
    uint64_t sum = 0;
    for (size_t i = 0; i < val->mv_size; i++) sum += bytes[i];
    return sum;
}

/* Walks one sub-database front to back, adding to *entries and *sum. */
static int scan(MDB_txn *txn, const char *name, const char *path, uint64_t *entries, uint64_t *sum) {
    MDB_dbi dbi;
    MDB_cursor *cursor;
    if (failed(mdb_dbi_open(txn, name, 0, &dbi), "mdb_dbi_open", path)) return 1;
    if (failed(mdb_cursor_open(txn, dbi, &cursor), "mdb_cursor_open", path)) return 1;
    MDB_val key, value;
    MDB_cursor_op op = MDB_FIRST;
    int rc;
    while ((rc = mdb_cursor_get(cursor, &key, &value, op)) == MDB_SUCCESS) {
        *sum += byte_sum(&key) + byte_sum(&value);
        *entries += 1;
        op = MDB_NEXT;
    }
    mdb_cursor_close(cursor);
    /* The end of the database is the only way the loop may stop. */
    if (rc != MDB_NOTFOUND) {
        failed(rc, "mdb_cursor_get", path);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: floor CHECKPOINT.mdb\n");
        return 2;
    }
    const char *path = argv[1];
    MDB_env *env;
    MDB_txn *txn;
    if (failed(mdb_env_create(&env), "mdb_env_create", path)) return 2;
    int status = 2;
    if (failed(mdb_env_set_maxdbs(env, 4), "mdb_env_set_maxdbs", path)) goto close_env;
    if (failed(mdb_env_open(env, path, MDB_RDONLY | MDB_NOLOCK | MDB_NOSUBDIR, 0444), "mdb_env_open", path))
        goto close_env;
    if (failed(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn), "mdb_txn_begin", path)) goto close_env;

    uint64_t entries = 0, sum = 0;
    size_t count = sizeof databases / sizeof databases[0];
    for (size_t i = 0; i < count; i++) {
        if (scan(txn, databases[i], path, &entries, &sum)) goto abort_txn;
    }
    if (printf("%llu entries, byte sum %llu\n", (unsigned long long)entries, (unsigned long long)sum) < 0
        || fflush(stdout) != 0) {
        perror("floor: writing the result");
        goto abort_txn;
    }
    status = 0;

abort_txn:
    mdb_txn_abort(txn);
close_env:
    mdb_env_close(env);
    return status;
}
