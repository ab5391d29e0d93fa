"""File-system primitives, knowing nothing of features: atomic writes, sets of files replaced
together, the workspace lock, deterministic zip bytes."""
