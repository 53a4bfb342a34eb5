"""Encrypted dossiers in the window: File > New Encrypted Dossier…, and the password asked for when
an encrypted dossier is opened (again after a wrong one; Cancel gives up quietly)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit
from test_gui_support import run_import, ui_settings

from dossier.services import open_services
from dossier.services.encryption import is_encrypted
from dossier.ui.dialogs import password_dialog
from dossier.ui.dialogs.password_dialog import NewPasswordDialog, PasswordDialog
from dossier.ui.main_window import MainWindow

PASSWORD = "it's a secret"


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    w = MainWindow(ui_settings(tmp_path))
    qtbot.addWidget(w)
    return w


@pytest.fixture
def encrypted(dossier_path: Path) -> Path:
    open_services(dossier_path, PASSWORD).close()
    return dossier_path


@pytest.fixture
def messages(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(window, "show_message", lambda _icon, title, text, detail="": shown.append(f"{title}: {text}"))
    return shown


def answering(monkeypatch: pytest.MonkeyPatch, *answers: str | None) -> list[tuple[str, str]]:
    """Stand in for the person at the password dialog; returns what each dialog was asked with."""
    asked: list[tuple[str, str]] = []
    queue = list(answers)

    def ask(_parent, name: str, message: str = "") -> str | None:
        asked.append((name, message))
        return queue.pop(0)

    monkeypatch.setattr(password_dialog, "ask_password", ask)
    return asked


def test_opening_an_encrypted_dossier_asks_again_after_a_wrong_password(
        window: MainWindow, encrypted: Path, messages: list[str], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    asked = answering(monkeypatch, "wrong", PASSWORD)
    assert window.open_dossier(encrypted)
    assert asked == [("case.dossier", ""), ("case.dossier", "The password for case.dossier is not right.")]
    assert window.services is not None and window.services.dossier.encrypted
    assert window.windowTitle() == "case — Dossier"
    assert messages == []
    window.settings.qsettings.sync()
    assert PASSWORD not in (tmp_path / "settings.ini").read_text(encoding="utf-8")  # the key is never stored


def test_cancel_at_the_password_gives_up_quietly(
        window: MainWindow, encrypted: Path, messages: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    before = encrypted.read_bytes()
    asked = answering(monkeypatch, "wrong", None)
    assert not window.open_dossier(encrypted)
    assert len(asked) == 2
    assert window.services is None and messages == []
    assert window.stack.currentWidget() is window.empty_state
    assert encrypted.read_bytes() == before


def test_open_recent_asks_for_the_password_too(
        window: MainWindow, encrypted: Path, messages: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    asked = answering(monkeypatch, PASSWORD)
    assert window.open_recent(encrypted)
    assert asked == [("case.dossier", "")]


def test_a_plain_dossier_opens_without_being_asked(
        window: MainWindow, dossier_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = answering(monkeypatch)
    assert window.open_dossier(dossier_path)
    assert asked == [] and not window.services.dossier.encrypted


def test_file_new_encrypted_dossier_creates_an_encrypted_file(
        window: MainWindow, tmp_path: Path, messages: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "secret case"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(password_dialog, "ask_new_password", lambda _parent, name: PASSWORD)
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert texts[texts.index("&New Dossier…") + 1] == "New &Encrypted Dossier…"
    window.new_encrypted_action.trigger()
    made = tmp_path / "secret case.dossier"
    assert window.services is not None and window.services.path == made.resolve()
    assert window.services.dossier.encrypted and messages == []
    window._close_services()
    assert is_encrypted(made)
    open_services(made, PASSWORD).close()


def test_new_encrypted_dossier_cancelled_at_the_password_makes_no_file(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "never.dossier"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(password_dialog, "ask_new_password", lambda _parent, name: None)
    window.new_encrypted_action.trigger()
    assert window.services is None and not target.exists()


def test_the_dialogs_hide_what_is_typed_and_the_new_one_wants_it_twice(qtbot) -> None:
    ask = PasswordDialog("case.dossier", "The password for case.dossier is not right.")
    qtbot.addWidget(ask)
    assert ask.password.echoMode() is QLineEdit.EchoMode.Password
    assert ask.message.text() == "The password for case.dossier is not right."

    new = NewPasswordDialog("case.dossier")
    qtbot.addWidget(new)
    ok = new.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert new.password.echoMode() is QLineEdit.EchoMode.Password
    assert new.repeat.echoMode() is QLineEdit.EchoMode.Password
    assert "recover" in password_dialog.LOST_WARNING
    assert not ok.isEnabled()
    new.password.setText("one")
    new.repeat.setText("two")
    assert not ok.isEnabled() and new.mismatch.text() == "The two passwords are not the same."
    new.accept()
    assert new.result() != new.DialogCode.Accepted
    new.repeat.setText("one")
    assert ok.isEnabled() and new.mismatch.text() == ""
    new.accept()
    assert new.result() == new.DialogCode.Accepted


def test_importing_into_an_encrypted_dossier_works_off_the_gui_thread(
        qtbot, window: MainWindow, encrypted: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answering(monkeypatch, PASSWORD)
    assert window.open_dossier(encrypted)
    letter = tmp_path / "quay.txt"
    letter.write_text("Dear Sir,\n\nThe quarantine of the zanzibarite cargo ends on 4 May 2014.\n\nYours,\nAnn Roe\n",
                      encoding="utf-8")
    results = run_import(qtbot, window, [letter])
    assert [r.outcome.value for r in results] == ["filed"]
    assert [h.file_name for h in window.services.search.search("zanzibarite")] == ["quay.txt"]
    assert b"zanzibarite" not in encrypted.read_bytes()
