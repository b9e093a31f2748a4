"""The engine alone, against the reviewed readings of every source: printed, and held to a floor
so that a rule change that loses readings elsewhere is caught.

The floors are the figures measured when they were last raised; raise them with the engine.
"""

from __future__ import annotations

import pytest

from app.readings.agreement import Agreement, agreement
from app.readings.files import load_readings
from app.readings.propose import engine_proposals
from app.sources.inputs import load_sources
from tests.conftest import PROJECT_ROOT
from tests.reporting import say

SEEDS = PROJECT_ROOT / "seeds"
RECALL_FLOOR = 0.90
PRECISION_FLOOR = 0.96


def test_the_engine_agrees_with_the_reviewed_readings_at_least_as_before(
    request: pytest.FixtureRequest,
) -> None:
    sources = load_sources(SEEDS)
    proposed = engine_proposals(sources, list(sources.texts.values()))
    total = Agreement(0, 0, 0)
    for source in sources.texts:
        total += agreement(load_readings(SEEDS, source).entries, proposed[source])

    say(
        request.config,
        [
            f"engine against the reviewed readings of {len(sources.texts)} sources: "
            f"recall {total.recall:.1%} ({total.unchanged} of {total.served} served readings "
            f"proposed unchanged), precision {total.precision:.1%} ({total.unchanged} of "
            f"{total.proposed} proposals accepted unchanged)"
        ],
    )
    assert total.recall >= RECALL_FLOOR
    assert total.precision >= PRECISION_FLOOR
