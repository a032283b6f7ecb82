#include "LineageBuildInfo.h"

// `make release` links one more object that defines `lineage_revision` (the short hash of
// HEAD), written and compiled by the Makefile; its strong definition replaces this weak
// one at link time, so only the link step sees the revision and a new commit costs a
// relink, not a rebuild. A plain `swift build` keeps "unknown".
__attribute__((weak)) const char lineage_revision[] = "unknown";

// How the binary was linked: `make portable` links a strong definition saying it is
// static and runs on glibc 2.28 and later; any other build links liblmdb dynamically.
__attribute__((weak)) const char lineage_linkage[] = "dynamic";

const char *lineage_build_revision(void) { return lineage_revision; }

const char *lineage_build_linkage(void) { return lineage_linkage; }
