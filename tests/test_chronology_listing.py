"""The chronology listing a view reads: counts by group, then keys a window at a time.

Every filter's counts, windows and positions must agree with the plain ordered list of keys
(ChronologyService.keys), on a real dossier with documents, undated papers, year-, month- and
day-precision entries, deadlines and actions.
"""

import datetime as dt

import pytest

from dossier.domain.chronology import (
    ChronologyFilter,
    EntryFields,
    EntryKind,
    code_of_key,
    key_of_code,
)
from dossier.domain.dates import PartialDate
from dossier.domain.findings import ActionStatus, ActionType
from dossier.domain.register import ActionFields
from dossier.ui.models.chronology_groups import UNDATED_GROUP, runs_of_groups
from dossier.ui.models.listed_keys import BLOCK, ListedKeys

LETTER = """Ms Nadia Pellow
Chief Executive
Harrowfield Council

{date}

Dear Ms Pellow,

I wrote to you on 3 February about the library service. By 15 June I expect a plan.

Yours sincerely,

Owen Tralee
"""

FILTERS = [
    {},
    {"kinds": [EntryKind.DEADLINE]},
    {"kinds": [EntryKind.OWN, EntryKind.DOCUMENT]},
    {"kinds": [EntryKind.EVENT]},
    {"date_from": dt.date(2019, 3, 1), "date_to": dt.date(2020, 6, 30)},
    {"date_from": dt.date(2020, 1, 1)},
    {"text": "alpha"},
    {"actor": "Pellow"},
    {"actor": "nobody at all"},
]


def _date(n: int) -> PartialDate | None:
    """Dates of every precision, out of order, with some undated and many sharing a day."""
    if n % 23 == 0:
        return None
    if n % 11 == 0:
        return PartialDate.of(2019)
    if n % 7 == 0:
        return PartialDate.of(2019 + n % 3, 1 + n % 12)
    return PartialDate.of(2018 + n % 4, 1 + n % 12, 1 + n % 5)


@pytest.fixture
def crowded(services, tmp_path):
    for n, date in enumerate(("12 May 2020", "1 March 2019", "")):
        path = tmp_path / f"letter{n}.txt"
        path.write_text(LETTER.format(date=date), encoding="utf-8")
        services.documents.file_path(path)
    for n in range(700):
        services.chronology.add_entry(EntryFields(
            _date(n), f"{'alpha' if n % 2 else 'beta'} meeting {n}", EntryKind.OWN,
            ("Nadia Pellow",) if n % 5 == 0 else ()))
    for n in range(30):
        services.actions.create(ActionFields(
            type=ActionType.REQUEST, summary=f"send plan {n}", owner_id=None, addressed_to_id=None,
            due=PartialDate.of(2020, 1 + n % 12, 10), set_date=PartialDate.of(2019, 1 + n % 12),
            status=ActionStatus.OPEN, status_note=None, status_document_id=None))
    return services


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f"{k}" for k in f) or "all")
def test_windows_and_positions_agree_with_the_whole_list(crowded, filters):
    chron = crowded.chronology
    keys = chron.keys(**filters)
    listing = chron.listing(**filters)
    assert listing.count == len(keys)
    assert (listing.codes is not None) == ChronologyFilter.of(**filters).narrows_by_words
    # the groups are the runs of the keys' dates, in order
    dates = [r.date for r in chron.rows(keys)]
    prefixes = [d.value[:7] if d else None for d in dates]
    runs = [(p, len(list(g))) for p, g in __import__("itertools").groupby(prefixes)]
    assert [(g.prefix, g.count) for g in listing.groups] == runs
    for start in (0, 1, 255, 256, 300, len(keys) - 5, len(keys)):
        for size in (1, 7, 256, 1000):
            assert chron.window(listing, start, start + size) == keys[max(0, start):start + size]
    for position in range(0, len(keys), 37):
        assert chron.position(listing, keys[position]) == position
    if keys:
        assert chron.position(listing, keys[-1]) == len(keys) - 1
    assert chron.position(listing, "entry:999999") is None
    assert chron.position(listing, "not a key") is None


def test_the_whole_listing_holds_every_kind_of_group(crowded):
    listing = crowded.chronology.listing()
    prefixes = [g.prefix for g in listing.groups]
    assert "2019" in prefixes and "2019-03" in prefixes
    assert prefixes.index("2019") < prefixes.index("2019-01")  # a year's own entries head it
    assert prefixes[-1] is None  # undated last
    runs = runs_of_groups(listing.groups)
    assert runs[-1].group == UNDATED_GROUP and runs[-1].end == listing.count
    assert listing.count > 700


def test_a_key_the_filter_leaves_out_has_no_position(crowded):
    chron = crowded.chronology
    deadline = chron.keys(kinds=[EntryKind.DEADLINE])[0]
    own = chron.keys(kinds=[EntryKind.OWN])[0]
    assert chron.position(chron.listing(kinds=[EntryKind.DEADLINE]), own) is None
    assert chron.position(chron.listing(kinds=[EntryKind.OWN]), deadline) is None
    alpha = chron.listing(text="alpha")
    beta = next(k for k, r in zip(chron.keys(kinds=[EntryKind.OWN]), chron.rows(chron.keys(kinds=[EntryKind.OWN])),
                                  strict=True) if r.description.startswith("beta"))
    assert chron.position(alpha, beta) is None


def test_listed_keys_reads_blocks_as_they_are_reached(crowded):
    chron = crowded.chronology
    reads: list[tuple[int, int]] = []

    class Counting:
        def window(self, listing, start, stop):
            reads.append((start, stop))
            return chron.window(listing, start, stop)

        def position(self, listing, key):
            return chron.position(listing, key)

    keys = chron.keys()
    listed = ListedKeys(Counting(), chron.listing())
    assert len(listed) == len(keys) and not reads  # counted, nothing read
    assert listed[BLOCK + 3] == keys[BLOCK + 3]
    assert reads == [(BLOCK, 2 * BLOCK)]
    assert listed[BLOCK:BLOCK + 10] == keys[BLOCK:BLOCK + 10]
    assert len(reads) == 1  # the block is held
    assert listed[-1] == keys[-1] and listed[BLOCK - 2:BLOCK + 2] == keys[BLOCK - 2:BLOCK + 2]
    assert listed.index(keys[500]) == 500 and keys[500] in listed
    assert "entry:999999" not in listed
    assert list(listed) == keys
    with pytest.raises(IndexError):
        listed[len(keys)]


def test_a_key_packs_into_an_integer_and_back():
    for key in ("doc:12", "entry:7", "action:5:due", "action:5:set", "entry:0"):
        code = code_of_key(key)
        assert code is not None and key_of_code(code) == key
    for bad in ("entry:", "entry:07", "action:5", "doc:5:due", "note:3", "entry:x", "entry:²"):
        assert code_of_key(bad) is None


# -- a deadline an action carries is listed once, as the action ------------------------------------

PLAN_DUE = PartialDate.of(2020, 6, 15)


def _plan(services, doc_id: int, due: PartialDate = PLAN_DUE) -> tuple[ActionFields, int, int]:
    text = services.documents.get(doc_id).text
    start = text.index("By 15 June")
    fields = ActionFields(type=ActionType.REQUEST, summary="a plan", owner_id=None, addressed_to_id=None, due=due,
                          set_date=None, status=ActionStatus.OPEN, status_note=None, status_document_id=None)
    return fields, start, text.index("plan.", start) + 5


def _deadlines(services) -> list[str]:
    return [k.split(":")[0] for k in services.chronology.keys(kinds=[EntryKind.DEADLINE])]


@pytest.fixture
def letter(services, tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text(LETTER.format(date="12 May 2020"), encoding="utf-8")
    return services.documents.file_path(path).document_id


def test_an_action_on_the_deadlines_passage_carries_it_through_every_edit(services, letter):
    actions, chron = services.actions, services.chronology
    assert _deadlines(services) == ["entry"]
    fields, start, end = _plan(services, letter)
    action = actions.create(fields, document_id=letter, start=start, end=end).value
    assert _deadlines(services) == ["action"]  # the deadline is listed once, as the action
    listing = chron.listing(kinds=[EntryKind.DEADLINE])
    assert listing.count == 1 and chron.window(listing, 0, 5) == [f"action:{action}:due"]
    moved = _plan(services, letter, PartialDate.of(2020, 7, 1))[0]
    actions.update(action, moved)  # due another day: no longer the same deadline
    assert sorted(_deadlines(services)) == ["action", "entry"]
    actions.update(action, fields)
    assert _deadlines(services) == ["action"]
    snapshot = actions.delete(action).value
    assert _deadlines(services) == ["entry"]
    actions.restore(snapshot)  # undo
    assert _deadlines(services) == ["action"]
    services.documents.edit_metadata(letter, {"date": PartialDate.of(2020, 5, 20)})  # analysed again
    assert _deadlines(services) == ["action"]


def test_a_deadline_elsewhere_in_the_letter_is_not_carried(services, letter):
    fields, _start, _end = _plan(services, letter)
    services.actions.create(fields, document_id=letter, start=0, end=10)  # same date, another passage
    services.actions.create(fields)  # same date, no document
    assert sorted(_deadlines(services)) == ["action", "action", "entry"]


def test_a_dossier_from_before_is_marked_on_upgrade(dossier_path):
    import sqlite3

    from dossier.db.engine import make_engine
    from dossier.db.migrate import migrate
    from dossier.services import open_services

    engine = make_engine(dossier_path)
    migrate(engine, dossier_path, target="0010")  # a dossier the version before this one wrote
    engine.dispose()
    con = sqlite3.connect(dossier_path)
    con.executescript("""
        INSERT INTO documents (id, sha256, file_name, media_type, size, kind, status, text, user_set, filed_at,
                               date_value, date_precision)
            VALUES (1, 'a', 'old.txt', 'text/plain', 9, 'letter', 'ok', 'Reply by 15 June. Also by 15 June.', '',
                    'now', '2020-05-12', 'day');
        INSERT INTO chronology_entries (id, kind, date_value, date_precision, date_sort, date_rank, description,
                                        actors, user_set, created_at)
            VALUES (1, 'deadline', '2020-06-15', 'day', '2020-06-15', 2, 'Reply by 15 June.', '', 0, 'now'),
                   (2, 'deadline', '2020-06-15', 'day', '2020-06-15', 2, 'Also by 15 June.', '', 0, 'now');
        INSERT INTO entry_sources (entry_id, document_id, start, "end", machine)
            VALUES (1, 1, 0, 17, 1), (2, 1, 18, 34, 1);
        INSERT INTO actions (id, type, summary, document_id, start, "end", due_value, due_precision, due_latest,
                             status, created_at, updated_at)
            VALUES (1, 'request', 'reply', 1, 0, 17, '2020-06-15', 'day', '2020-06-15', 'open', 'now', 'now');
    """)
    con.commit()
    con.close()
    services = open_services(dossier_path)
    try:
        assert sorted(services.chronology.keys(kinds=[EntryKind.DEADLINE])) == ["action:1:due", "entry:2"]
    finally:
        services.close()


def test_the_text_filter_ignores_case(services):
    key = services.chronology.add_entry(EntryFields(PartialDate.of(2020, 2), "The Quarterly REVIEW met", EntryKind.OWN)).value
    services.chronology.add_entry(EntryFields(PartialDate.of(2020, 3), "Nothing of note", EntryKind.OWN))
    for words in ("review", "quarterly Review", "REVIEW MET"):
        assert services.chronology.keys(text=words) == [key]
    assert services.chronology.keys(text="reviews") == []


def test_the_table_reads_a_block_of_keys_and_a_screenful_of_rows(qtbot, crowded):
    from dossier.ui.models.chronology_model import ChronologyModel
    from dossier.ui.models.listed_keys import ROW_BLOCK

    calls: list[tuple[str, int]] = []

    class Counting:
        def __getattr__(self, name):
            method = getattr(crowded.chronology, name)

            def counted(*args, **kwargs):
                result = method(*args, **kwargs)
                calls.append((name, len(result) if isinstance(result, list) else -1))
                return result
            return counted

    model = ChronologyModel()
    model.set_service(Counting())
    assert [name for name, _n in calls] == ["listing"]  # the layout from the counts alone
    assert model.rowCount() > model.id_count > 700 and model.header_at(0) is not None
    assert model.entry(model.layout.row_of_position(0)) is not None
    assert calls[1:] == [("window", BLOCK), ("rows", ROW_BLOCK)]
    keys = crowded.chronology.keys()
    assert model.id_at(model.row_of(keys[600])) == keys[600]
    assert model.entry(model.row_of(keys[600])).key == keys[600]


def test_the_table_stays_whole_when_the_dossier_changes_under_its_listing(qtbot, crowded):
    """Another window or command deletes entries after the table counted them: the rows past the
    end of what is left show nothing, and nothing raises, until the table reloads."""
    from dossier.ui.models.chronology_model import ChronologyModel

    model = ChronologyModel()
    model.set_service(crowded.chronology)
    own = crowded.chronology.keys(kinds=[EntryKind.OWN])
    for key in own[:400]:  # behind the model's back: no reload
        crowded.chronology.delete_entry(key)
    shown = [model.entry(row) for row in range(model.rowCount())]
    ids = [model.id_at(row) for row in range(model.rowCount())]
    assert any(r is None for r in shown) and any(r is not None for r in shown)
    assert all(i is None or isinstance(i, str) for i in ids)
    model.reload()
    assert model.id_count == len(crowded.chronology.keys())
    assert all(model.entry(model.layout.row_of_position(p)) is not None for p in range(model.id_count))
