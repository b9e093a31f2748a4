"""Which language an answer's names and labels are in: `lang`, else `Accept-Language`, else English.

Codes, dimension names and dimension values are the same in every language (they are what a
client filters by); the indicators' names and descriptions and the values' labels are given in
English or Chinese. The choice is recorded on the request: the ETag and the response cache
tell the languages apart, and the answer says which one it is in (`Content-Language`) and,
when the header chose it, that it depends on the header (`Vary: Accept-Language`), so that no
cache hands a Chinese answer to an English reader.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Request
from pydantic import Field

from app.web.negotiation import quality

Language = Literal["en", "zh"]
ENGLISH: Language = "en"
_LANGUAGES: dict[str, Language] = {"en": "en", "zh": "zh"}

LanguageParameter = Annotated[
    Language | None,
    Field(
        description="The language of names, descriptions and labels: `en` (English) or `zh` "
        "(Chinese, where the catalogue has it, else English). Without it, the "
        "`Accept-Language` header chooses (`zh-CN` is `zh`), else English. Codes and dimension "
        "values, which filters take, are the same in both.",
        examples=["zh"],
    ),
]


def header_language(accept_language: str | None) -> Language:
    """The language of ``Accept-Language`` that the client ranks highest among those served
    (RFC 9110: a range's q, 1 by default; the first listed among equals): `zh-CN` is `zh`,
    `*` and anything else English.

    >>> header_language("fr, zh-CN;q=0.9, en;q=0.8")
    'zh'
    >>> header_language("zh;q=0, en")
    'en'
    """
    best: tuple[float, Language] = (0.0, ENGLISH)
    for item in (accept_language or "").split(","):
        tag, *parameters = (part.strip() for part in item.split(";"))
        language = _LANGUAGES.get(tag.lower().split("-")[0])
        weight = quality(parameters)
        if language is not None and weight > best[0]:
            best = (weight, language)
    return best[1]


async def answer_language(request: Request) -> Language:
    """Dependency: the language of the answer, recorded on the request (see the module doc).

    A `lang` other than `en` or `zh` is left to the operation's parameters to refuse."""
    asked = _LANGUAGES.get(request.query_params.get("lang", ""))
    language = asked or header_language(request.headers.get("accept-language"))
    request.state.language = language
    request.state.language_negotiated = asked is None
    return language
