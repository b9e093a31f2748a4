"""Everything a seed reads, checked before anything is written.

The manifest, the catalogue and the texts are loaded (each text against its sha256), the
figures are read out of the texts, and every citation and note is held to its text: the quote
must be exactly the text at its offsets. Nothing here touches a database.
"""

from __future__ import annotations

from pathlib import Path

from app.extract.pipeline import Extraction, extract
from app.sources.catalogue import Catalogue, load_catalogue
from app.sources.manifest import Manifest, SourceText, load_manifest, read_source

CATALOGUE_FILE = "catalogue.yaml"


class SeedError(Exception):
    """The seed cannot finish; the database was left as it was."""


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def verify(extraction: Extraction, texts: dict[str, SourceText]) -> None:
    """Refuse any citation or note whose quote is not exactly its source's text at its offsets."""
    for observation in extraction.observations:
        for evidence in observation.evidence:
            source = texts[evidence.source]
            _verify_quote(source, evidence.start, evidence.end, evidence.quote)
            if evidence.as_reported not in evidence.quote:
                raise SeedError(
                    f"{source.entry.file}:{_line_of(source.text, evidence.start)}: the quote for "
                    f"{observation.indicator} does not contain {evidence.as_reported!r}"
                )
        for note in observation.notes:
            _verify_quote(texts[note.source], note.start, note.end, note.quote)


def _verify_quote(source: SourceText, start: int, end: int, quote: str) -> None:
    if source.text[start:end] != quote:
        raise SeedError(
            f"{source.entry.file}:{_line_of(source.text, start)}: the citation at {start}-{end} "
            f"no longer matches the text ({quote[:60]!r})"
        )


def prepare(seeds_dir: Path) -> tuple[Manifest, Catalogue, dict[str, SourceText], Extraction]:
    """Read and check everything a seed needs, touching no database."""
    manifest = load_manifest(seeds_dir)
    catalogue = load_catalogue(seeds_dir / CATALOGUE_FILE)
    texts = {entry.id: read_source(seeds_dir, entry) for entry in manifest.sources}
    extraction = extract(list(texts.values()), manifest, catalogue)
    verify(extraction, texts)
    return manifest, catalogue, texts, extraction
