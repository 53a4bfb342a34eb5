"""Small dialogs of the actor register: tag / new actor, merge into…, split an alias, rename.

Each is opened with open() (never exec), and its owner acts on `accepted`. Dialogs never call a
service: what they need to know is handed to them (names to complete, a lookup function).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from dossier.domain.findings import ActorKind
from dossier.domain.register import ActorRow
from dossier.ui.dialogs.host import ok_cancel
from dossier.ui.views.fields import name_completer
from dossier.ui.views.mentions import KIND_LABEL

Lookup = Callable[[str], ActorKind | None]  # the kind of the actor a name or alias names, if any


def _kind_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName("kindCombo")
    for kind in ActorKind:
        combo.addItem(KIND_LABEL[kind], kind)
    return combo


class ActorDialog(QDialog):
    """A name (completed from the dossier's names) and a kind.

    Used to tag a selection (the name is pre-filled with the selected words) and to add an actor.
    When the name is one the dossier knows, the dialog says the existing actor will be used.
    """

    def __init__(self, title: str, name: str, names: Sequence[str], lookup: Lookup, *, ok_text: str = "Tag",
                 intro: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self._lookup = lookup
        self._names = QStringListModel(list(names), self)
        self.intro = QLabel(intro, self)
        self.intro.setObjectName("fieldName")
        self.intro.setWordWrap(True)
        self.intro.setVisible(bool(intro))
        self.name_edit = QLineEdit(" ".join(name.split()), self)
        self.name_edit.setObjectName("actorNameEdit")
        self.name_edit.setCompleter(name_completer(self._names, self.name_edit))
        self.name_edit.selectAll()
        self.kind = _kind_combo(self)
        self.hint = QLabel(self)
        self.hint.setObjectName("fieldName")
        self.hint.setWordWrap(True)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow("Actor", self.name_edit)
        form.addRow("Kind", self.kind)
        self.buttons = ok_cancel(self, ok_text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._update)
        self._update()

    def name(self) -> str:
        return " ".join(self.name_edit.text().split())

    def kind_value(self) -> ActorKind:
        return ActorKind(self.kind.currentData())

    def set_kind(self, kind: ActorKind) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def existing_kind(self) -> ActorKind | None:
        return self._lookup(self.name()) if self.name() else None

    def _update(self) -> None:
        existing = self.existing_kind()
        self.kind.setEnabled(existing is None)
        if existing is not None:
            self.set_kind(existing)
            self.hint.setText(f"“{self.name()}” is already in the who's who ({KIND_LABEL[existing].lower()}).")
        else:
            self.hint.setText("A new actor will be added to the who's who." if self.name() else "Type a name.")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.name()))


class MergeDialog(QDialog):
    """Which of the selected actors to keep; the others are merged into it."""

    def __init__(self, rows: Sequence[ActorRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Merge Actors")
        self.setMinimumWidth(420)
        self.rows = list(rows)
        intro = QLabel("Keep which one? The others become its aliases, and their mentions, posts and "
                       "actions move to it.", self)
        intro.setWordWrap(True)
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(8)
        layout.addWidget(intro)
        best = max(range(len(self.rows)), key=lambda n: self.rows[n].documents) if self.rows else 0
        for n, row in enumerate(self.rows):
            docs = f"{row.documents} document{'s' if row.documents != 1 else ''}"
            button = QRadioButton(f"{row.name}   ·   {KIND_LABEL[row.kind]}, {docs}", self)
            button.setChecked(n == best)
            self.group.addButton(button, n)
            layout.addWidget(button)
        layout.addWidget(ok_cancel(self, "Merge"))

    def keep_id(self) -> int:
        return self.rows[max(0, self.group.checkedId())].id

    def set_keep(self, actor_id: int) -> None:
        for n, row in enumerate(self.rows):
            if row.id == actor_id:
                self.group.button(n).setChecked(True)


class SplitAliasDialog(QDialog):
    """Choose one alias of an actor to become an actor of its own."""

    def __init__(self, row: ActorRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Split Alias")
        self.setMinimumWidth(400)
        self.actor_id = row.id
        intro = QLabel(f"Make one of the aliases of “{row.name}” an actor of its own. Its mentions "
                       "go with it.", self)
        intro.setWordWrap(True)
        self.alias = QComboBox(self)
        self.alias.setObjectName("aliasCombo")
        self.alias.addItems(list(row.aliases))
        form = QFormLayout()
        form.addRow("Alias", self.alias)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self, "Split"))

    def alias_value(self) -> str:
        return self.alias.currentText()


class RenameDialog(QDialog):
    def __init__(self, row: ActorRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Rename Actor")
        self.setMinimumWidth(400)
        self.actor_id = row.id
        self.name_edit = QLineEdit(row.name, self)
        self.name_edit.setObjectName("actorNameEdit")
        self.name_edit.selectAll()
        form = QFormLayout()
        form.addRow("Name", self.name_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addLayout(form)
        self.buttons = ok_cancel(self, "Rename")
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(
            lambda text: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip())))

    def name(self) -> str:
        return " ".join(self.name_edit.text().split())
