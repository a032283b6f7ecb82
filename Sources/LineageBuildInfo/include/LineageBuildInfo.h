#ifndef LINEAGE_BUILD_INFO_H
#define LINEAGE_BUILD_INFO_H

/// The git revision (short hash) the binary was built from, or "unknown".
const char *lineage_build_revision(void);

/// How the binary was linked: "dynamic", or what `make portable` links statically.
const char *lineage_build_linkage(void);

#endif
