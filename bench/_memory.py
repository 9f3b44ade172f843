"""Peak memory of a benchmark's measured process (shared by the scripts in this folder)."""

from __future__ import annotations

import resource
from pathlib import Path


def peak_rss_mb() -> float:
    """This process's own peak resident memory, in MB: /proc's VmHWM where there is one.

    Not ru_maxrss: on Linux a process started by subprocess keeps the maximum of the parent
    that started it (seen: a child that used 11 MB reported the 611 MB of its parent), so a
    measured run started by a script that had just built a demo database reported that."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
