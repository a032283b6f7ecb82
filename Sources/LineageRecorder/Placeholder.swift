// Filled by the recorder branch.
