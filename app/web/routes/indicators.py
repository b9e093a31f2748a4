"""The indicator catalogue, with what the data covers of each indicator: searched, and named in
English or Chinese."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from sqlalchemy.orm import Session

from app.queries import metadata
from app.queries.labels import value_labels
from app.queries.search import Hit, search_index
from app.store import models
from app.web import schemas
from app.web.common import V1_LANGUAGE_DEPENDENCIES, V1_RESPONSES
from app.web.deps import ChoicesDep, SessionDep
from app.web.errors import InvalidParameterError, problem_responses
from app.web.language import Language, answer_language
from app.web.lookup import require_indicator
from app.web.params import IndicatorQuery, LanguageQuery

router = APIRouter(
    prefix="/v1/indicators",
    tags=["indicators"],
    dependencies=V1_LANGUAGE_DEPENDENCIES,
    responses=V1_RESPONSES,
)

IndicatorCode = Annotated[
    str,
    Path(max_length=96, description="The indicator's code.", examples=["internet_penetration"]),
]
AnswerLanguage = Annotated[Language, Depends(answer_language)]


def _described(
    indicators: Sequence[models.Indicator],
    language: Language,
    *,
    session: Session,
    matches: dict[str, schemas.SearchMatch] | None = None,
) -> list[schemas.Indicator]:
    """The wire entries of ``indicators``: their coverage, in ``language``, with how each
    matched a search."""
    covered = metadata.coverage(session=session, codes=[item.code for item in indicators])
    entries = []
    for item in indicators:
        coverage = covered[item.code]
        chinese = language == "zh"
        description_zh = item.description_zh if chinese else None
        entries.append(
            schemas.Indicator(
                code=item.code,
                name=item.name_zh if chinese else item.name,
                name_en=item.name,
                name_zh=item.name_zh,
                description=description_zh or item.description,
                languages=schemas.FieldLanguages(
                    name=language, description="zh" if description_zh else "en"
                ),
                unit=item.unit,
                category=item.category,
                dimensions=list(coverage.dimension_values),
                dimension_values=coverage.dimension_values,
                dimension_labels=value_labels(coverage.dimension_values, language, session=session),
                first_period=coverage.first_period,
                last_period=coverage.last_period,
                observations=coverage.observations,
                reports=coverage.reports,
                match=(matches or {}).get(item.code),
            )
        )
    return entries


def _match(hit: Hit) -> schemas.SearchMatch:
    return schemas.SearchMatch(
        words=hit.words,
        matched=hit.matched,
        fields=hit.fields,
        dimension_values=hit.dimension_values,
    )


# How each indicator matches a query of common words only: nothing was searched for.
_NO_WORDS = schemas.SearchMatch(words=0, matched=0, fields=[], dimension_values={})


@router.get("", summary="List or search indicators")
def list_indicators(
    session: SessionDep,
    choices: ChoicesDep,
    language: AnswerLanguage,
    params: Annotated[IndicatorQuery, Query()],
) -> schemas.IndicatorList:
    """The catalogue by code, each entry with its coverage: first and last period, how many
    observations and which reports gave them. `q` searches codes, names, terms, descriptions
    and breakdowns in English and Chinese, best matches first; `category` keeps one group;
    `lang=zh` names them in Chinese.

    Examples: `GET /v1/indicators?q=number of 5G base stations`, `GET /v1/indicators?q=网民`,
    `GET /v1/indicators?category=infrastructure&lang=zh`
    """
    if params.category is not None:
        known = list(choices.categories)
        if params.category not in known:
            raise InvalidParameterError(
                f"No category {params.category!r}; the categories are: {', '.join(known)}.",
                parameter="category",
                allowed=known,
            )
    index = search_index(session=session)
    if params.q is None or not index.words_of(params.q):
        found = metadata.list_indicators(session=session, category=params.category)
        # A query of common words only searches for nothing, and says so.
        nothing = None if params.q is None else {item.code: _NO_WORDS for item in found}
        listed = _described(found, language, session=session, matches=nothing)
        return schemas.IndicatorList(data=listed)
    hits = {hit.code: _match(hit) for hit in index.search(params.q)}
    found = metadata.list_indicators(session=session, category=params.category, codes=list(hits))
    return schemas.IndicatorList(data=_described(found, language, session=session, matches=hits))


@router.get("/{code}", summary="Read an indicator", responses=problem_responses(404))
def read_indicator(
    code: IndicatorCode,
    session: SessionDep,
    language: AnswerLanguage,
    _: Annotated[LanguageQuery, Query()],
) -> schemas.Indicator:
    """One catalogue entry with its coverage; an unknown code is a 404 naming the closest.

    Examples: `GET /v1/indicators/internet_penetration`,
    `GET /v1/indicators/internet_penetration?lang=zh`
    """
    indicator = require_indicator(code, session=session)
    return _described([indicator], language, session=session)[0]
