"""What every rule of a sentence's reading may do with a number: record it, or leave it out.

``_SentenceRun`` in sentences.py implements both; the rule mixins (changes, gaps, ranges)
declare them by inheriting :class:`Recording`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod

from app.extract.numbers import Quantity
from app.sources.catalogue import IndicatorSpec


class Recording(ABC):
    """Keeping a figure, or saying why a number is not one."""

    @abstractmethod
    def _record(
        self,
        quantity: Quantity,
        spec: IndicatorSpec,
        dims: dict[str, str],
        period: str,
        *,
        remember: bool,
        negative: bool = False,
    ) -> None:
        """Keep ``quantity`` as a figure of ``spec`` for ``dims`` and ``period``."""

    @abstractmethod
    def _leave_out(self, quantity: Quantity, reason: str) -> None:
        """Leave ``quantity`` out, saying why."""
