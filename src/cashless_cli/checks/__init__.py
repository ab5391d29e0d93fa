"""Row and roster checks: each returns problem codes with their parameters."""
