"""What every /v1 router shares: the conditional GET and the responses it documents."""

from __future__ import annotations

from typing import Any

from fastapi import Depends

from app.web.deps import refuse_repeated_parameters
from app.web.errors import problem_responses
from app.web.language import answer_language
from app.web.middleware.etag import conditional_get

V1_DEPENDENCIES = [Depends(refuse_repeated_parameters), Depends(conditional_get)]
# For the routers whose answers name things in English or Chinese: the language is chosen
# before the ETag, which tells the languages apart (see app.web.language).
V1_LANGUAGE_DEPENDENCIES = [
    Depends(refuse_repeated_parameters),
    Depends(answer_language),
    Depends(conditional_get),
]

V1_RESPONSES: dict[int | str, dict[str, Any]] = {
    304: {"description": "Not modified: the `If-None-Match` ETag is still current."},
    **problem_responses(414, 422, 429, 431, 503),
}
