"""The Post Office's replies to handoff batches (accounts opened or not): reading a reply,
recording it in the ledger, and what the answers mean for the other commands."""
