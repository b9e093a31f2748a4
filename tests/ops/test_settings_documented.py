"""Every setting is in the README's configuration table."""

from __future__ import annotations

from app.config import Settings
from tests.conftest import PROJECT_ROOT


def test_every_setting_is_in_the_readme_table() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text()
    missing = [
        name.upper() for name in Settings.model_fields if f"| `{name.upper()}` |" not in readme
    ]
    assert missing == []
