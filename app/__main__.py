"""``python -m app``: the command line."""

from app.cli import cli

cli()
