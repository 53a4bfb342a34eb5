"""Run a benchmark module and report its peak memory: `python -m benchmarks._peak MODULE ARGS...`.

At exit it writes `PEAK_RSS_MB=<n>` to stderr: the larger of this process's peak resident set and
that of any process it started (import workers, the GUI's child process).
"""

from __future__ import annotations

import atexit
import resource
import runpy
import sys


def _report() -> None:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"PEAK_RSS_MB={max(own, children) / 1024:.0f}", file=sys.stderr)


if __name__ == "__main__":
    module, *rest = sys.argv[1:]
    sys.argv = [module, *rest]
    atexit.register(_report)
    runpy.run_module(module, run_name="__main__", alter_sys=True)
