"""Facts about the data that only a seed changes, computed once per data version per process.

The catalogue's aggregates (the dimension names, each indicator's coverage) scan many rows:
on a database of millions of observations they cost far more than the request that needs
them. The data changes only with its version, so each is computed once per database, version
and arguments, and kept in memory until the version changes.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable, Hashable
from typing import Any, ParamSpec, TypeVar

from sqlalchemy.orm import Session

P = ParamSpec("P")
R = TypeVar("R")

_MAX_ENTRIES = 4096
_VERSION_KEY = "dataset_version"

# Per database (its engine), the version the entries belong to and the entries.
_memory: weakref.WeakKeyDictionary[Any, tuple[str, dict[Hashable, Any]]] = (
    weakref.WeakKeyDictionary()
)


def session_version(session: Session, read: Callable[[Session], str | None]) -> str | None:
    """The data version as ``session`` sees it, read once per session."""
    if _VERSION_KEY not in session.info:
        session.info[_VERSION_KEY] = read(session)
    version: str | None = session.info[_VERSION_KEY]
    return version


def adopt_version(session: Session, version: str | None) -> None:
    """Make ``version``, known already, what :func:`session_version` tells for ``session``
    (``None``, not known: it will be read)."""
    if version is not None:
        session.info[_VERSION_KEY] = version


def per_data_version(
    read_version: Callable[[Session], str | None],
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Keep what the decorated read returns for each data version and keyword arguments
    (sequences count as tuples). Its results must not be changed by the caller."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(function)
        def remembered(*args: P.args, **kwargs: P.kwargs) -> R:
            session = kwargs["session"]
            assert isinstance(session, Session)
            version = session_version(session, read_version)
            if version is None:
                return function(*args, **kwargs)
            database = session.get_bind()
            kept_version, entries = _memory.get(database, (None, {}))
            if kept_version != version:
                entries = {}
                _memory[database] = (version, entries)
            arguments = tuple(
                (name, tuple(value) if isinstance(value, list | tuple) else value)
                for name, value in sorted(kwargs.items())
                if name != "session"
            )
            key = (function.__qualname__, args, arguments)
            if key not in entries:
                if len(entries) >= _MAX_ENTRIES:
                    entries.clear()
                entries[key] = function(*args, **kwargs)
            result: R = entries[key]
            return result

        return remembered

    return decorate
