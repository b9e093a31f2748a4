"""The PostgreSQL role the service connects as may read and nothing else.

``python -m app grant-reader ROLE`` (through the writer's URL) lets an existing login role
read every table there is and every table the writer creates later, and nothing more: it gets
no INSERT, UPDATE, DELETE or CREATE anywhere. Creating the role itself is an administrator's
job (``CREATE ROLE cnnic_reader LOGIN PASSWORD '...'``).
"""

from __future__ import annotations

from sqlalchemy import Engine, text


class GrantError(Exception):
    """The grant cannot be made on this database."""


def grant_read_only(engine: Engine, role: str) -> None:
    """Let ``role`` SELECT from every table of the public schema, now and later."""
    if engine.dialect.name != "postgresql":
        raise GrantError(
            f"{engine.dialect.name} has no roles: the service opens it read-only by itself"
        )
    quote = engine.dialect.identifier_preparer.quote
    grantee = quote(role)
    with engine.begin() as connection:
        database = quote(str(connection.scalar(text("SELECT current_database()"))))
        for statement in (
            f"GRANT CONNECT ON DATABASE {database} TO {grantee}",
            f"GRANT USAGE ON SCHEMA public TO {grantee}",
            f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {grantee}",
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {grantee}",
        ):
            connection.execute(text(statement))
