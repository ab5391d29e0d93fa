"""The local time a command records: aware, to the second (batches, replies, results, reviews)."""

from __future__ import annotations

import datetime as dt


def local_now() -> dt.datetime:
    """Now, in the machine's time zone, without microseconds."""
    return dt.datetime.now().astimezone().replace(microsecond=0)
