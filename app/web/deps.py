"""Dependencies the routers share."""

from __future__ import annotations

from collections import Counter
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from app.store.sessions import get_session
from app.web.choices import Choices
from app.web.errors import InvalidParameterError
from app.web.params import SINGLE_VALUED_PARAMETERS

SessionDep = Annotated[Session, Depends(get_session)]


def get_choices(request: Request) -> Choices:
    """The closed choices of the parameters, loaded with the app (see app.web.choices)."""
    choices: Choices = request.app.state.choices
    return choices


ChoicesDep = Annotated[Choices, Depends(get_choices)]


async def refuse_nul_characters(request: Request) -> None:
    """A NUL character can reach no stored text and PostgreSQL refuses it outright: say so
    as a 422 instead of failing inside the database. (Async, like every check that does no
    I/O, so that it runs in the event loop instead of costing a trip to the thread pool.)"""
    for name, value in [*request.path_params.items(), *request.query_params.multi_items()]:
        if "\x00" in str(value) or "\x00" in name:
            raise InvalidParameterError(
                f"{name!r} contains a NUL character, which no identifier or filter can hold.",
                parameter=name,
            )


async def refuse_repeated_parameters(request: Request) -> None:
    """A parameter that takes one value (``limit``, ``start``, ...) given twice is a 422, not
    a silent choice of one of them; ``indicator`` and dimensions may repeat."""
    counts = Counter(name for name, _ in request.query_params.multi_items())
    for name, count in counts.items():
        if count > 1 and name in SINGLE_VALUED_PARAMETERS:
            raise InvalidParameterError(
                f"{name!r} is given {count} times; it takes one value.", parameter=name
            )
