#ifndef LINEAGE_BUILD_INFO_H
#define LINEAGE_BUILD_INFO_H

/// The git revision (short hash) the binary was built from, or "unknown".
const char *lineage_build_revision(void);

#endif
