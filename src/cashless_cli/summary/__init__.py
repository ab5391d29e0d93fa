"""``summarize``: the month's rate table, its dataset and its JSON document."""
