"""Settings, read from the environment only; each variable is its field's name in capitals."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from limits import parse_many
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]
# The drivers installed with the project: SQLite's standard one and psycopg 3.
SUPPORTED_DRIVERS = {"sqlite", "sqlite+pysqlite", "postgresql+psycopg"}


class Settings(BaseSettings):
    """Everything the service and the seed can be told from outside."""

    # Inputs stay out of error messages: DATABASE_URL may hold a password.
    model_config = SettingsConfigDict(
        env_prefix="", extra="ignore", frozen=True, hide_input_in_errors=True
    )

    database_url: str = Field(
        default=f"sqlite:///{PROJECT_ROOT / 'data' / 'cnnic.db'}",
        description="SQLAlchemy URL; SQLite by default, postgresql+psycopg://... in production.",
    )
    seeds_dir: Path = Field(
        default=PROJECT_ROOT / "seeds",
        description="Folder holding manifest.yaml, catalogue.yaml and the source texts.",
    )
    seed_database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL the CLI seeds and migrates through (a role that may write); "
        "DATABASE_URL when unset. The service only ever reads DATABASE_URL, read-only.",
    )
    preview_database_url: str = Field(
        default=f"sqlite:///{PROJECT_ROOT / 'data' / 'preview.db'}",
        description="SQLAlchemy URL `python -m app seed --preview` migrates and seeds with the "
        "pending readings too; never the service's database.",
    )
    db_pool_size: int = Field(default=5, ge=1, le=100, description="Connections per process.")
    db_connect_timeout: int = Field(
        default=3,
        ge=1,
        le=60,
        description="Seconds to wait for a PostgreSQL connection, new or from the pool.",
    )
    db_statement_timeout: float = Field(
        default=5.0,
        gt=0,
        le=300,
        description="Seconds of database work one request may cause (PostgreSQL's "
        "statement_timeout; on SQLite, counted from when a request takes a connection).",
    )
    db_busy_timeout: float = Field(
        default=5.0,
        ge=0,
        le=300,
        description="Seconds SQLite waits for a lock, and any seed waits for another to finish.",
    )
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
    response_cache: bool = Field(
        default=True,
        description="Keep encoded /v1 answers in memory and answer repeated GETs from there "
        "until the data version changes; false answers every request from the database.",
    )
    response_cache_max_bytes: int = Field(
        default=32 * 1024 * 1024,
        ge=0,
        description="Bytes of answers the response cache holds per process; the least recently "
        "used go first, and one answer over an eighth of this is never kept.",
    )
    response_cache_version_ttl: float = Field(
        default=1.0,
        ge=0,
        le=3600,
        description="Seconds between reads of the data version that keys the response cache and "
        "the ETags (a new seed is seen within this). 0 reads it on every request.",
    )
    download_cache_dir: Path = Field(
        default=PROJECT_ROOT / "data" / "downloads",
        description="Folder the bulk downloads (/v1/downloads) are built in, once per data "
        "version, and served from; it must be writable. Older versions' files are removed "
        "there when a new version's are built.",
    )
    log_level: LogLevel = Field(
        default="INFO", description="Least severe log level written (JSON lines on stdout)."
    )
    access_log: bool = Field(
        default=True,
        description="Write one JSON line per request to stdout (at INFO); false when a proxy in "
        "front already logs every request.",
    )
    host: str = Field(
        default="127.0.0.1",
        description="Address `python -m app.serve` listens on; 0.0.0.0 in the container.",
    )
    port: int = Field(default=8000, ge=1, le=65535, description="Port `python -m app.serve` uses.")
    web_concurrency: int = Field(
        default=1, ge=1, le=64, description="Worker processes `python -m app.serve` runs."
    )
    graceful_shutdown_timeout: int = Field(
        default=20,
        ge=1,
        le=600,
        description="Seconds a stopping server gives in-flight requests before cutting them off.",
    )
    max_url_length: int = Field(
        default=4096,
        ge=256,
        description="Longest path and query string accepted, in bytes; longer is a 414.",
    )
    max_header_bytes: int = Field(
        default=16384,
        ge=1024,
        description="Largest total size of a request's headers, in bytes; larger is a 431.",
    )
    rate_limit: str | None = Field(
        default=None,
        description='Requests one client may make, in the notation of the "limits" package '
        '("120/minute", "10/second;1000/hour"); unset (the default) for no limit. Over it: 429 '
        "with Retry-After.",
    )
    rate_limit_storage: str = Field(
        default="memory://",
        description="Where the rate-limit counters live: memory:// counts per process; "
        "redis://host:6379 shares them between processes and hosts.",
    )

    @field_validator("log_level", mode="before")
    @classmethod
    def _log_level_in_capitals(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("database_url", "seed_database_url", "preview_database_url")
    @classmethod
    def _supported_database(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            url = make_url(value)
        except ArgumentError:
            raise ValueError("not a SQLAlchemy database URL") from None
        if url.drivername not in SUPPORTED_DRIVERS:
            raise ValueError(
                "use sqlite:///path/to/file.db or postgresql+psycopg://user:password@host/db"
            )
        return value

    @field_validator("rate_limit")
    @classmethod
    def _rate_limit_notation(cls, value: str | None) -> str | None:
        if value:
            try:
                parse_many(value)
            except ValueError:
                raise ValueError('not a rate limit: write it like "120/minute"') from None
        return value or None

    @property
    def writer_database_url(self) -> str:
        """The URL that seeds and migrations write through."""
        return self.seed_database_url or self.database_url


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings; tests clear the cache to swap them."""
    return Settings()
