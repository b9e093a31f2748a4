"""Dependencies the routers share."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from app.db import get_session
from app.errors import InvalidParameterError

SessionDep = Annotated[Session, Depends(get_session)]


def refuse_nul_characters(request: Request) -> None:
    """A NUL character can reach no stored text and PostgreSQL refuses it outright: say so
    as a 422 instead of failing inside the database."""
    for name, value in [*request.path_params.items(), *request.query_params.multi_items()]:
        if "\x00" in str(value) or "\x00" in name:
            raise InvalidParameterError(
                f"{name!r} contains a NUL character, which no identifier or filter can hold.",
                parameter=name,
            )
