"""The Qt binding Dossier runs on must not corrupt the interpreter.

PySide6 6.12.0's abi3 wheels drop a reference to None on every void method call under Python
3.11, and the process aborts ("deallocating None") after a few thousand calls. pyproject.toml pins
a release without the fault; this test fails on a release that has it.
"""

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_their_reference_to_none(qapp):
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(200):
        label.setText("x")
    assert sys.getrefcount(None) >= before
