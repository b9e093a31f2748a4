"""A database holding the small data set of ``tests.dataset``, on each test backend."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.dataset import seed


@pytest.fixture
def seeded(engine: Engine) -> Engine:
    """The data set in a database of this test's own."""
    seed(engine)
    return engine
