"""Accuracy on real documents (issue #12): the development corpus and the sample, scored by the
shared scorer through the same service `dossier analyse` calls, must clear their bars.

The documents are real public papers kept beside the checkout (`../shared/`), not in it: where
they are absent the test is skipped and says so. Not a timed test.
"""

from __future__ import annotations

import pytest

from benchmarks.accuracy import SETS, available, score


@pytest.mark.parametrize("name", list(SETS))
def test_scores_clear_the_bars(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    if not available(name):
        gold, docs, _bars = SETS[name]
        pytest.skip(f"the {name} set is not beside the checkout ({gold.name} and {docs.name}/ under ../shared/): "
                    "its accuracy bars are not checked here")
    status = score(name, verbose=True, bars=True)
    out = capsys.readouterr().out
    lines = out.splitlines()
    bars = ", ".join(f"{k} >= {v}" for k, v in SETS[name][2].items())
    assert status == 0, f"the {name} set misses its bars ({bars}):\n" + "\n".join(lines[-3:]) + \
        "\n\nevery miss:\n" + "\n".join(lines[:-3])
