"""The database's own errors, translated here into the project's (domain/errors.py), so that the
services above never import SQLAlchemy's exceptions."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from sqlalchemy.exc import OperationalError

from dossier.domain.errors import IndexRefused

P = ParamSpec("P")
R = TypeVar("R")


def index_refusals(func: Callable[P, R]) -> Callable[P, R]:
    """A search-index read whose refusal (an expression FTS5 cannot read, no index) raises IndexRefused."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except OperationalError as exc:
            raise IndexRefused(str(exc.orig) if exc.orig is not None else str(exc)) from exc

    return wrapper
