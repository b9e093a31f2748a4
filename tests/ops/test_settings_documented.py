"""Every setting is in the configuration table of docs/operations.md."""

from __future__ import annotations

from app.config import Settings
from tests.conftest import PROJECT_ROOT


def test_every_setting_is_in_the_operations_configuration_table() -> None:
    operations = (PROJECT_ROOT / "docs" / "operations.md").read_text()
    missing = [
        name.upper() for name in Settings.model_fields if f"| `{name.upper()}` |" not in operations
    ]
    assert missing == []
