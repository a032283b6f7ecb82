#include "LineageBuildInfo.h"

// `make release` links one more object that defines `lineage_revision` (the short hash of
// HEAD), written and compiled by the Makefile; its strong definition replaces this weak
// one at link time, so only the link step sees the revision and a new commit costs a
// relink, not a rebuild. A plain `swift build` keeps "unknown".
__attribute__((weak)) const char lineage_revision[] = "unknown";

const char *lineage_build_revision(void) { return lineage_revision; }
