"""No test sleeps or reads the wall clock to pass: a check over the tests' source.

Time in the services comes from a clock given to `open_services` (a FixedClock or SteppingClock
in tests), Qt waits on a signal or a condition (`waitSignal`, `waitUntil`), and how long things take
is measured in `benchmarks/`, not asserted here. The few exceptions below start another process and
must wait on it (there is no event to wait on), or measure the very waiting they test; each says why.
"""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent

WAITING = {
    "sleep": re.compile(r"\btime\.sleep\(|\bsleep\("),
    "qt wait": re.compile(r"\bqtbot\.wait\(|\bqWait\("),
    "timer": re.compile(r"\bperf_counter\(|\bmonotonic\(|\btime\.time\(|\bprocess_time\("),
    "wall clock": re.compile(r"\bdatetime\.now\(|\butcnow\(|\butc_now\("),
}

# file -> kinds allowed there, with the reason
ALLOWED: dict[str, dict[str, str]] = {
    "test_reliability_support.py": {
        "sleep": "wait_for polls a dossier another process writes (no event crosses processes), with a timeout",
        "timer": "wait_for's timeout",
    },
    "test_reliability_kill.py": {
        "sleep": "a child process is killed at a planned moment of its run: the delay is the experiment",
        "timer": "the length of one export, to spread the kills over it",
    },
    "test_reliability_instances.py": {
        "sleep": "the child writer script paces its writes, and edits are spread over another process's run",
        "timer": "how long an edit waits for another process's write lock is what the test is about",
    },
    "test_reliability_privacy.py": {
        "timer": "how long each command took, printed for the log (nothing is asserted on it)",
    },
}


def _code_lines(path: Path) -> list[tuple[int, str]]:
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        code = line.split("#", 1)[0]
        if code.strip():
            out.append((number, code))
    return out


def waiting_in(path: Path) -> dict[str, list[int]]:
    """The kinds of waiting or clock reading in a test file, with their line numbers."""
    found: dict[str, list[int]] = {}
    for number, code in _code_lines(path):
        for kind, pattern in WAITING.items():
            if pattern.search(code):
                found.setdefault(kind, []).append(number)
    return found


def test_no_test_sleeps_or_times_itself_except_those_listed() -> None:
    offences = []
    for path in sorted(TESTS.glob("*.py")):
        if path.name == Path(__file__).name:
            continue
        allowed = ALLOWED.get(path.name, {})
        for kind, lines in waiting_in(path).items():
            if kind not in allowed:
                offences.append(f"{path.name}:{lines[0]}: {kind} (lines {lines})")
    assert not offences, ("a test waits on or reads the wall clock; pass a FixedClock or SteppingClock to "
                          "open_services, wait on a signal or condition, or measure it in benchmarks/: "
                          + "; ".join(offences))


def test_every_exception_is_still_needed() -> None:
    stale = [f"{name}: {kind}" for name, kinds in ALLOWED.items() for kind in kinds
             if kind not in waiting_in(TESTS / name)]
    assert not stale, f"no longer waits, take it off the list: {stale}"


def test_the_check_sees_a_sleep_a_timer_and_the_wall_clock(tmp_path: Path) -> None:
    sample = tmp_path / "test_sample.py"
    sample.write_text("import time\n\n\ndef test_x(qtbot):\n    time.sleep(0.1)  # waits\n    qtbot.wait(50)\n"
                      "    started = time.perf_counter()\n    assert dt.datetime.now(dt.UTC)\n"
                      "    # time.sleep(1) in a comment is not code\n", encoding="utf-8")
    assert waiting_in(sample) == {"sleep": [5], "qt wait": [6], "timer": [7], "wall clock": [8]}
