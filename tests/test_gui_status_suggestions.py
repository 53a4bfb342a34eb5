"""The Suggestions panel lists a later letter's proposals about earlier actions in a group of their
own, with the passage as the tooltip and its span for the reader."""

from __future__ import annotations

from dossier.domain.register import SuggestionRow
from dossier.ui.views.suggestions_panel import SuggestionsPanel, suggestion_span, suggestion_tooltip

STATUS = SuggestionRow(
    id=5, document_id=2, kind="status", label="Done: send its draft improvement plan (reported in D2)",
    status="pending", payload={"action_id": 1, "status": "done", "summary": "send its draft improvement plan",
                               "quote": "The trust sent its draft improvement plan on 12 March.", "start": 40,
                               "end": 95, "document_id": 2, "new_due": None, "rule": "reported-done"})


def test_status_suggestions_have_their_group_tooltip_and_span(qtbot) -> None:
    panel = SuggestionsPanel()
    qtbot.addWidget(panel)
    panel.show_suggestions([STATUS])
    group = panel.tree.topLevelItem(0)
    assert group.text(0) == "Progress on earlier actions  ·  1"
    assert group.child(0).text(0) == STATUS.label
    tip = suggestion_tooltip(STATUS)
    assert "Mark the action done" in tip and "12 March" in tip
    assert suggestion_span(STATUS) == (40, 95)
