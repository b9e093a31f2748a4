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
    cors_origins: list[str] = Field(
        default=["*"],
        description='Origins allowed to GET the API from a browser (JSON list); ["*"] for any.',
    )
    cache_max_age: int = Field(
        default=3600,
        ge=0,
        description="Seconds a client or cache may reuse a /v1 response without asking again.",
    )
    cache_stale_while_revalidate: int = Field(
        default=86400,
        ge=0,
        description="Seconds past max-age a cache may serve a /v1 response while it revalidates.",
    )


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings; tests clear the cache to swap them."""
    return Settings()
