"""The briefing export dialog: front sheet, messages, scope and sections, and where to save the PDF.

Like the other dialogs it never calls a service: it is given the options to start from (the saved
draft) and the choices the scope offers (actors, tags, documents) as plain values, and hands back
`BriefingOptions` and a path. "Save Draft" asks its owner to save, through `save_draft_requested`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dossier.domain.briefing import (
    DEFAULT_TITLE,
    MAX_DUE_WITHIN_WEEKS,
    BriefingOptions,
    BriefingScope,
    Marking,
    Section,
)

DATE_FORMAT = "d MMM yyyy"
PDF_FILTER = "PDF files (*.pdf)"
LIST_HINT = "Start a line with - for a bullet point, or 1. for a numbered one; a blank line starts a new paragraph."
SECTION_HINTS = {
    Section.KEY_MESSAGES: "The key messages (on the front sheet) and lines to take you write on the Messages tab",
    Section.ACTIONS: "The overdue actions and those due within the weeks chosen on the Front Sheet tab, one line "
                     "each with its owner and source; the rest counted, and set out in an annex",
    Section.CHANGES: "Papers filed and actions changed since the last briefing exported from this dossier",
    Section.CHRONOLOGY: "The papers, events and deadlines that matter, in order, conflicts marked; courtesies "
                        "and housekeeping left out",
    Section.WHOS_WHO: "The people named, with the posts they held on the briefing's date, and the organisations",
    Section.EXTRACTS: "Annotated passages with the reviewers' notes, grouped by tag",
    Section.SOURCES: "The papers cited, with date, from and to, title and pages. Always included: "
                     "every citation links to it",
}


@dataclass(frozen=True)
class BriefingChoices:
    """What the scope can be narrowed to, and what the dialog says about the last briefing."""

    actors: tuple[tuple[int, str], ...] = ()  # (id, name)
    tags: tuple[tuple[str, int], ...] = ()  # (tag, how many annotations carry it)
    documents: tuple[tuple[int, str], ...] = ()  # (id, "D3 · 27 Mar 2014 · Title")
    last_export: str = ""  # one line, or "" if nothing was exported yet


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def suggested_file_name(options: BriefingOptions) -> str:
    """"Briefing BRF-2014-031 2014-08-01.pdf": safe on any file system."""
    stem = options.reference.strip() or options.title.strip() or DEFAULT_TITLE
    stem = re.sub(r"[^\w\- ]+", "-", stem).strip(" -")[:60] or DEFAULT_TITLE
    if not stem.casefold().startswith("briefing"):
        stem = f"Briefing {stem}"
    return f"{stem} {options.day.isoformat()}.pdf"


class ChoiceList(QWidget):
    """A filterable list of checkable items (actors, tags or documents)."""

    changed = Signal()

    def __init__(self, title: str, items: Sequence[tuple[object, str]], chosen: Sequence[object],
                 placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(title, self)
        self.title.setObjectName("sectionTitle")
        self.count = QLabel(self)
        self.count.setObjectName("fieldName")
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(placeholder)
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setUniformItemSizes(True)
        wanted = set(chosen)
        for key, label in items:
            item = QListWidgetItem(label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in wanted else Qt.CheckState.Unchecked)
            item.setToolTip(label)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(5)
        layout.addLayout(head)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        self.filter.textChanged.connect(self._apply_filter)
        self.list.itemChanged.connect(lambda _item: self._changed())
        self._changed()
        if not items:
            self.list.setEnabled(False)
            self.filter.setEnabled(False)

    def chosen(self) -> list[object]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def set_chosen(self, keys: Sequence[object]) -> None:
        wanted = set(keys)
        for i in range(self.list.count()):
            item = self.list.item(i)
            state = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)

    def _apply_filter(self, text: str) -> None:
        words = text.casefold().split()
        for i in range(self.list.count()):
            item = self.list.item(i)
            label = item.text().casefold()
            item.setHidden(not all(w in label for w in words))

    def _changed(self) -> None:
        n = len(self.chosen())
        self.count.setText(f"{n} chosen" if n else "any")
        self.changed.emit()


class BriefingDialog(QDialog):
    save_draft_requested = Signal(object)  # BriefingOptions

    def __init__(self, options: BriefingOptions, choices: BriefingChoices, out_path: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export Briefing")
        self.setMinimumSize(720, 600)
        self.choices = choices
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._front_tab(options), "Front Sheet")
        self.tabs.addTab(self._messages_tab(options), "Messages")
        self.tabs.addTab(self._scope_tab(options.scope), "Scope")
        self.tabs.addTab(self._sections_tab(options), "Sections")

        self.path = QLineEdit(str(out_path), self)
        self.path.setObjectName("briefingPath")
        self.path.setToolTip("Where the PDF is saved. An existing file is replaced whole, never left half-written.")
        browse = QPushButton("Choose…", self)
        browse.clicked.connect(self.choose_path)
        path_row = QHBoxLayout()
        path_row.addWidget(QLabel("Save as", self))
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)

        self.last_export = QLabel(choices.last_export or "No briefing has been exported from this dossier yet.",
                                  self)
        self.last_export.setObjectName("fieldName")
        self.last_export.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("inlineError")
        self.error.setWordWrap(True)
        self.error.hide()

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("primary")
        self.export_button.style().unpolish(self.export_button)  # styled when made; style it by its new name
        self.export_button.style().polish(self.export_button)
        self.export_button.setDefault(True)
        self.draft_button = self.buttons.addButton("Save Draft", QDialogButtonBox.ButtonRole.ActionRole)
        self.draft_button.setToolTip("Keep these options, the summary and the messages in the dossier for next "
                                     "time, without exporting")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.draft_button.clicked.connect(self._save_draft)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.setSpacing(10)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(path_row)
        layout.addWidget(self.last_export)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.title.setFocus()

    # -- tabs ------------------------------------------------------------------------------------
    def _front_tab(self, o: BriefingOptions) -> QWidget:
        page = QWidget(self)
        self.title = QLineEdit(o.title, page)
        self.title.setPlaceholderText("What the briefing is about")
        self.reference = QLineEdit(o.reference, page)
        self.reference.setPlaceholderText("e.g. BRF/2014/031 (shown in every page's footer)")
        self.marking = QComboBox(page)
        for m in Marking:
            self.marking.addItem(m.value, m)
        self.marking.setCurrentIndex(list(Marking).index(o.marking))
        self.marking.setToolTip("The protective marking, printed at the top and bottom of every page")
        self.as_at = QDateEdit(to_qdate(o.day), page)
        self.as_at.setCalendarPopup(True)
        self.as_at.setDisplayFormat(DATE_FORMAT)
        self.as_at.setToolTip("The briefing's date: actions are overdue as at this day (it starts at the draft's "
                              "date, or the latest paper's)")
        self.due_within = QSpinBox(page)
        self.due_within.setObjectName("dueWithin")
        self.due_within.setRange(0, MAX_DUE_WITHIN_WEEKS)
        self.due_within.setValue(o.due_within_weeks)
        self.due_within.setSuffix(" weeks")
        self.due_within.setSpecialValueText("Overdue only")
        self.due_within.setToolTip("Open actions lists the overdue and those due within this many weeks of the "
                                   "briefing's date; the rest are counted there and set out in an annex")
        self.due_within.setMinimumWidth(220)
        self.to = QLineEdit(o.to, page)
        self.to.setPlaceholderText("e.g. Secretary of State")
        self.from_ = QLineEdit(o.from_, page)
        self.from_.setPlaceholderText("e.g. Private Office")
        self.timing = QComboBox(page)
        self.timing.setEditable(True)
        self.timing.addItems(["", "Routine", "Urgent", "Immediate"])
        self.timing.setCurrentText(o.timing)
        if (timing_edit := self.timing.lineEdit()) is not None:  # an editable combo box has one
            timing_edit.setPlaceholderText("e.g. Routine, or Urgent: by 5 August")
        self.timing.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.marking.setMinimumWidth(220)
        self.as_at.setMinimumWidth(220)
        form = QFormLayout(page)
        form.setContentsMargins(12, 14, 12, 8)
        form.setVerticalSpacing(9)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("Title", self.title)
        form.addRow("Reference", self.reference)
        form.addRow("Marking", self.marking)
        form.addRow("As at", self.as_at)
        form.addRow("Actions due within", self.due_within)
        form.addRow("To", self.to)
        form.addRow("From", self.from_)
        form.addRow("Timing", self.timing)
        return page

    def _text_box(self, parent: QWidget, text: str, placeholder: str, name: str) -> QPlainTextEdit:
        box = QPlainTextEdit(text, parent)
        box.setObjectName(name)
        box.setPlaceholderText(placeholder)
        box.setTabChangesFocus(True)
        return box

    def _messages_tab(self, o: BriefingOptions) -> QWidget:
        page = QWidget(self)
        self.issue = self._text_box(page, o.issue, "What this is about, and why now, in a sentence or two", "issue")
        self.summary = self._text_box(page, o.summary, "What the minister needs to know, in a few sentences",
                                      "summary")
        self.recommendation = self._text_box(page, o.recommendation, "What the minister is asked to agree or do",
                                             "recommendation")
        self.key_messages = self._text_box(page, o.key_messages, "- The first key message\n- The second",
                                           "keyMessages")
        self.lines_to_take = self._text_box(page, o.lines_to_take, "1. What to say if asked", "linesToTake")
        hint = QLabel(LIST_HINT + " Kept in the dossier, so the next briefing starts from them. A box left "
                      "empty is left out of the briefing.", page)
        hint.setObjectName("fieldName")
        hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(5)
        for label, box, stretch in (("Issue (front sheet)", self.issue, 1), ("Summary (front sheet)", self.summary, 2),
                                    ("Recommendation (front sheet)", self.recommendation, 1),
                                    ("Key messages (front sheet)", self.key_messages, 2),
                                    ("Lines to take", self.lines_to_take, 2)):
            title = QLabel(label, page)
            title.setObjectName("sectionTitle")
            layout.addWidget(title)
            layout.addWidget(box, stretch)
        layout.addWidget(hint)
        return page

    def _scope_tab(self, scope: BriefingScope) -> QWidget:
        page = QWidget(self)
        dates = QGroupBox("Dates", page)
        self.from_check = QCheckBox("From", dates)
        self.date_from = QDateEdit(dates)
        self.to_check = QCheckBox("To", dates)
        self.date_to = QDateEdit(dates)
        for check, edit, value in ((self.from_check, self.date_from, scope.date_from),
                                   (self.to_check, self.date_to, scope.date_to)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(DATE_FORMAT)
            edit.setDate(to_qdate(value) if value else self.as_at.date())
            check.setChecked(value is not None)
            edit.setEnabled(value is not None)
            check.toggled.connect(edit.setEnabled)
        row = QHBoxLayout(dates)
        row.addWidget(self.from_check)
        row.addWidget(self.date_from)
        row.addSpacing(16)
        row.addWidget(self.to_check)
        row.addWidget(self.date_to)
        row.addStretch(1)
        c = self.choices
        self.actor_list = ChoiceList("People and organisations", [(i, n) for i, n in c.actors], scope.actor_ids,
                                     "Filter names", page)
        self.tag_list = ChoiceList("Tags", [(t, f"{t}  ({n})") for t, n in c.tags], scope.tags, "Filter tags", page)
        self.document_list = ChoiceList("Papers", list(c.documents), scope.document_ids, "Filter papers", page)
        note = QLabel("Each choice narrows the papers the briefing covers: dated in the range, naming any of the "
                      "people chosen, with extracts carrying any of the tags, among the papers chosen. Choose "
                      "nothing to cover the whole dossier.", page)
        note.setObjectName("fieldName")
        note.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.addWidget(self.actor_list, 0, 0)
        grid.addWidget(self.tag_list, 0, 1)
        grid.addWidget(self.document_list, 1, 0, 1, 2)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(8)
        layout.addWidget(dates)
        layout.addLayout(grid, 1)
        layout.addWidget(note)
        return page

    def _sections_tab(self, o: BriefingOptions) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 14, 12, 8)
        layout.setSpacing(4)
        intro = QLabel("The front sheet (To, From, date, title, issue, summary, recommendation, timing and key "
                       "messages) always comes first. Then, in this order (a section with nothing to show is left "
                       "out):", page)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addSpacing(6)
        self.section_boxes: dict[Section, QCheckBox] = {}
        for section in Section:
            box = QCheckBox(section.title if not section.is_annex else f"Annex: {section.title}", page)
            box.setChecked(o.includes(section))
            hint = QLabel(SECTION_HINTS[section], page)
            hint.setObjectName("fieldName")
            hint.setWordWrap(True)
            hint.setContentsMargins(24, 0, 0, 6)
            if section is Section.SOURCES:
                box.setChecked(True)
                box.setEnabled(False)
            self.section_boxes[section] = box
            layout.addWidget(box)
            layout.addWidget(hint)
        layout.addStretch(1)
        return page

    # -- values ----------------------------------------------------------------------------------
    def scope(self) -> BriefingScope:
        return BriefingScope(
            date_from=to_date(self.date_from.date()) if self.from_check.isChecked() else None,
            date_to=to_date(self.date_to.date()) if self.to_check.isChecked() else None,
            actor_ids=tuple(i for i in self.actor_list.chosen() if isinstance(i, int)),
            tags=tuple(str(t) for t in self.tag_list.chosen()),
            document_ids=tuple(i for i in self.document_list.chosen() if isinstance(i, int)),
        )

    def options(self) -> BriefingOptions:
        return BriefingOptions(
            title=self.title.text().strip(), reference=self.reference.text().strip(),
            marking=self.marking.currentData(), as_at=to_date(self.as_at.date()), to=self.to.text().strip(),
            from_=self.from_.text().strip(), timing=self.timing.currentText().strip(), scope=self.scope(),
            sections=tuple(s for s, box in self.section_boxes.items() if box.isChecked()),
            summary=self.summary.toPlainText().strip(), key_messages=self.key_messages.toPlainText().strip(),
            lines_to_take=self.lines_to_take.toPlainText().strip(), issue=self.issue.toPlainText().strip(),
            recommendation=self.recommendation.toPlainText().strip(), due_within_weeks=self.due_within.value())

    def out_path(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def problem(self) -> tuple[str, int] | None:
        """What stops the export, and the tab to show; None when all is well."""
        if not self.title.text().strip():
            return "Give the briefing a title.", 0
        scope = self.scope()
        if scope.date_from and scope.date_to and scope.date_from > scope.date_to:
            return "The scope's From date is after its To date.", 2
        text = self.path.text().strip()
        if not text:
            return "Choose where to save the PDF.", -1
        path = self.out_path()
        if path.suffix.casefold() != ".pdf":
            return "The file name should end in .pdf.", -1
        if not path.parent.is_dir():
            return f"The folder {path.parent} does not exist.", -1
        return None

    # -- actions ---------------------------------------------------------------------------------
    def choose_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save the Briefing As", self.path.text(), PDF_FILTER)
        if path:
            if not path.casefold().endswith(".pdf"):
                path += ".pdf"
            self.path.setText(path)

    def show_error(self, text: str, tab: int = -1) -> None:
        self.error.setText(text)
        self.error.show()
        if tab >= 0:
            self.tabs.setCurrentIndex(tab)

    def _save_draft(self) -> None:
        if not self.title.text().strip():
            self.show_error("Give the briefing a title.", 0)
            return
        self.error.hide()
        self.save_draft_requested.emit(self.options())
        self.last_export.setText("Draft saved. " + (self.choices.last_export or ""))

    def accept(self) -> None:
        problem = self.problem()
        if problem is not None:
            self.show_error(*problem)
            return
        self.error.hide()
        super().accept()

