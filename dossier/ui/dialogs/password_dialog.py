"""Passwords of encrypted dossiers: asking for one to open a dossier, and choosing one for a new one.

File > New Encrypted Dossier… asks for a file name, then a password twice, with a plain warning
that a lost password cannot be recovered. Opening an encrypted dossier (Open, Open Recent, the
file given on the command line) asks for its password; a wrong one is asked for again with the
message, and Cancel gives up quietly. The password is kept only by the open dossier's connection
factory: nothing here stores it (not the settings, not the recent list).

`ask_password` and `ask_new_password` are module functions so tests can stand in for the person.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QMenu, QVBoxLayout, QWidget

from dossier.domain.errors import PasswordNeeded, WrongPassword
from dossier.services import Services, open_services
from dossier.ui.dialogs.host import ok_cancel

LOST_WARNING = ("Keep this password safe. Dossier does not store it anywhere, and nobody can recover it: "
                "if it is lost, the dossier and its backups cannot be opened again.")


class PasswordDialog(QDialog):
    """The password of an encrypted dossier, to open it. `message` says why it is asked again."""

    def __init__(self, name: str, message: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Encrypted Dossier")
        self.setMinimumWidth(420)
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        intro = QLabel(f"{name} is encrypted. Enter its password to open it.", self)
        intro.setWordWrap(True)
        self.message = QLabel(message, self)
        self.message.setObjectName("passwordMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(bool(message))
        form = QFormLayout()
        form.addRow("Password", self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self, "Open"))


class NewPasswordDialog(QDialog):
    """A password for a new encrypted dossier, typed twice; OK only when both match."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New Encrypted Dossier")
        self.setMinimumWidth(460)
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.repeat = QLineEdit(self)
        self.repeat.setObjectName("repeat")
        for field in (self.password, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.textChanged.connect(self._update)
        intro = QLabel(f"{name} will be encrypted: it opens only with this password.", self)
        intro.setWordWrap(True)
        warning = QLabel(LOST_WARNING, self)
        warning.setObjectName("passwordWarning")
        warning.setWordWrap(True)
        self.mismatch = QLabel("", self)
        self.mismatch.setObjectName("passwordMessage")
        form = QFormLayout()
        form.addRow("Password", self.password)
        form.addRow("Again", self.repeat)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(warning)
        layout.addLayout(form)
        layout.addWidget(self.mismatch)
        self.buttons = ok_cancel(self, "Create")
        layout.addWidget(self.buttons)
        self._update()

    def matches(self) -> bool:
        return bool(self.password.text()) and self.password.text() == self.repeat.text()

    def _update(self) -> None:
        self.buttons.button(self.buttons.StandardButton.Ok).setEnabled(self.matches())
        typed = bool(self.repeat.text())
        self.mismatch.setText("" if self.matches() or not typed else "The two passwords are not the same.")

    def accept(self) -> None:
        if self.matches():
            super().accept()


def ask_password(parent: QWidget, name: str, message: str = "") -> str | None:
    """Ask for the password of the encrypted dossier `name`; None if the person cancels."""
    dialog = PasswordDialog(name, message, parent)
    try:
        return dialog.password.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def ask_new_password(parent: QWidget, name: str) -> str | None:
    """Ask for a new dossier's password, twice; None if the person cancels."""
    dialog = NewPasswordDialog(name, parent)
    try:
        return dialog.password.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def open_asking_password(parent: QWidget, path: Path, password: str | None = None) -> Services | None:
    """`open_services`, asking for the password while the dossier is encrypted and none (or a wrong
    one) was given. None if the person cancels. Other errors are raised as they come."""
    message = ""
    while True:
        if password == "":
            message = "The password is empty: type it to open the dossier."
        else:
            try:
                return open_services(path, password)
            except PasswordNeeded:
                message = ""
            except WrongPassword as exc:
                message = str(exc)
        password = ask_password(parent, path.name, message)
        if password is None:
            return None


def install_new_encrypted_action(window: QWidget, file_menu: QMenu, new: Callable[[], object]) -> QAction:
    """File > New Encrypted Dossier…, just after File > New Dossier…."""
    action = QAction("New &Encrypted Dossier…", window)
    action.setStatusTip("Create a dossier file that opens only with a password")
    action.triggered.connect(lambda _checked=False: new())
    actions = file_menu.actions()
    if len(actions) > 1:
        file_menu.insertAction(actions[1], action)
    else:
        file_menu.addAction(action)
    return action
