"""One post is one post: a tenure may carry a note ("acting", "interim") and say whether its end is
inferred (a letter said the person had left), and posts written
differently (quotes, case, an address or a note after the title) are merged under one key.

Revision ID: posts
Revises: 0012
"""

from collections import defaultdict

import sqlalchemy as sa
from alembic import op

from dossier.analysis.post_titles import normalise_post

revision = "posts"
down_revision = "0012"
branch_labels = None
depends_on = None


def _earliest(values: list[str | None]) -> str | None:
    known = [v for v in values if v]
    return min(known) if known else None


def _latest_end(values: list[str | None]) -> str | None:
    return None if any(v is None for v in values) else max(v for v in values if v)


def merge_posts(conn: sa.Connection) -> None:
    posts = conn.execute(sa.text("SELECT id, title, title_key FROM posts ORDER BY id")).all()
    groups: dict[str, list[tuple[int, str]]] = defaultdict(list)
    titles: dict[str, str] = {}
    notes: dict[int, str | None] = {}
    for post_id, title, _key in posts:
        found = normalise_post(title)
        key = found.key if found else " ".join(title.split()).casefold()
        groups[key].append((post_id, title))
        titles.setdefault(key, found.title if found else title)
        notes[post_id] = found.note if found else None
    for post_id, note in notes.items():
        if note:  # "Director (acting)": the note goes to the tenures, the post is "Director"
            conn.execute(sa.text("UPDATE post_holders SET note = :note WHERE post_id = :id AND note IS NULL"),
                         {"note": note, "id": post_id})
    # first free every key, so that a post can take a key another post holds today
    conn.execute(sa.text("UPDATE posts SET title_key = '#' || id"))
    for key, members in groups.items():
        keep = members[0][0]
        for drop, _title in members[1:]:
            conn.execute(sa.text("UPDATE post_holders SET post_id = :keep WHERE post_id = :drop"),
                         {"keep": keep, "drop": drop})
            conn.execute(sa.text("DELETE FROM posts WHERE id = :drop"), {"drop": drop})
        conn.execute(sa.text("UPDATE posts SET title = :title, title_key = :key WHERE id = :id"),
                     {"title": titles[key], "key": key, "id": keep})
    # one tenure per (post, person) where the merge made several undated ones
    holders = conn.execute(sa.text(
        "SELECT id, post_id, actor_id, start_value, end_value, document_id, note FROM post_holders ORDER BY id")).all()
    by_pair: dict[tuple[int, int], list] = defaultdict(list)
    for row in holders:
        by_pair[(row[1], row[2])].append(row)
    for rows in by_pair.values():
        if len(rows) < 2:
            continue
        keep = rows[0][0]
        conn.execute(sa.text("UPDATE post_holders SET start_value = :s, end_value = :e, note = :n WHERE id = :id"),
                     {"s": _earliest([r[3] for r in rows]), "e": _latest_end([r[4] for r in rows]),
                      "n": next((r[6] for r in rows if r[6]), None), "id": keep})
        for r in rows[1:]:
            conn.execute(sa.text("DELETE FROM post_holders WHERE id = :id"), {"id": r[0]})


def upgrade() -> None:
    with op.batch_alter_table("post_holders") as batch:
        batch.add_column(sa.Column("note", sa.String(40), nullable=True))
        batch.add_column(sa.Column("end_inferred", sa.Boolean, nullable=False, server_default="0"))
    merge_posts(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table("post_holders") as batch:
        batch.drop_column("end_inferred")
        batch.drop_column("note")
