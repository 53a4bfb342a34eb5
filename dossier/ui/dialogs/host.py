"""One non-blocking dialog at a time for a view: opened with open(), forgotten when it closes.

Views keep the dialog they opened in `current`, so a test can fill it in and accept it, just as
the import summary is handled.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox


class DialogSlot:
    def __init__(self) -> None:
        self.current: QDialog | None = None

    def open(self, dialog: QDialog) -> QDialog:
        if self.current is not None:
            self.current.close()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result, d=dialog: self._forget(d))
        self.current = dialog
        dialog.open()
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        if self.current is dialog:
            self.current = None


def ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    """OK (named for what it does, in the accent colour) and Cancel."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setObjectName("primary")
    ok.style().unpolish(ok)  # the button was styled when it was made; style it again by its new name
    ok.style().polish(ok)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
