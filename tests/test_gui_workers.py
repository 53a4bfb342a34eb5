"""Work off the GUI thread: what it tells the user when it fails."""

from dossier.domain.errors import DossierError
from dossier.ui.workers import failure_line


def test_failure_line_is_one_line_for_the_user() -> None:
    assert failure_line(DossierError("brief.pdf cannot be read: it is damaged.\nDetails follow")) == \
        "brief.pdf cannot be read: it is damaged."
    assert failure_line(DossierError("better.pdf is empty."), "better.pdf") == "better.pdf is empty."
    assert failure_line(ValueError("bad value\nmore")) == "ValueError: bad value"
    assert failure_line(ValueError("bad value"), "better.pdf") == "better.pdf: ValueError: bad value"
    assert failure_line(DossierError("")) == "DossierError"
