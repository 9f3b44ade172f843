"""Where overlapping events go: side by side in columns, as every calendar lays them out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Placed(Generic[T]):
    """An item with its column and the number of columns of its cluster of overlaps."""

    item: T
    start: dt.datetime
    end: dt.datetime
    column: int
    columns: int


def side_by_side(items: list[tuple[T, dt.datetime, dt.datetime]]) -> list[Placed[T]]:
    """Each item in the first free column of its cluster (items overlapping one another,
    directly or through others); a cluster's items share its column count."""
    ordered = sorted(items, key=lambda it: (it[1], -(it[2] - it[1])))
    placed: list[Placed[T]] = []
    cluster: list[tuple[T, dt.datetime, dt.datetime, int]] = []
    ends: list[dt.datetime] = []  # each column's latest end in the cluster
    cluster_end: dt.datetime | None = None

    def close() -> None:
        width = len(ends)
        placed.extend(Placed(i, s, e, c, width) for i, s, e, c in cluster)

    for item, start, end in ordered:
        end = max(end, start + dt.timedelta(minutes=15))  # a zero-length event still shows
        if cluster_end is not None and start >= cluster_end:
            close()
            cluster, ends, cluster_end = [], [], None
        column = next((c for c, last in enumerate(ends) if last <= start), len(ends))
        if column == len(ends):
            ends.append(end)
        else:
            ends[column] = end
        cluster.append((item, start, end, column))
        cluster_end = end if cluster_end is None else max(cluster_end, end)
    close()
    return placed


__all__ = ["Placed", "side_by_side"]
