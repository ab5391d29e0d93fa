"""The handoff to the Post Office: which rows go, their reference codes, the batch protocol."""
