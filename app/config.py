"""Settings, read from the environment only (prefix ``CNNIC_`` or the bare names below)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Everything the service and the seed can be told from outside."""

    model_config = SettingsConfigDict(env_prefix="", extra="ignore", frozen=True)

    database_url: str = Field(
        default=f"sqlite:///{PROJECT_ROOT / 'data' / 'cnnic.db'}",
        description="SQLAlchemy URL; SQLite by default, postgresql+psycopg://... in production.",
    )
    seeds_dir: Path = Field(
        default=PROJECT_ROOT / "seeds",
        description="Folder holding manifest.yaml, catalogue.yaml and the source texts.",
    )
    db_pool_size: int = Field(default=5, ge=1, le=100, description="Connections per process.")


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings; tests clear the cache to swap them."""
    return Settings()
