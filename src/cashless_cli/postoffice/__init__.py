"""The Post Office's side of the loop: its replies to handoff batches (accounts opened or not),
what they mean for the next handoff, and the monthly list of payments through accounts."""
