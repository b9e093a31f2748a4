"""The seeds folder loaded and checked: the manifest, the catalogue, and every text against its
sha256."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.sources.catalogue import Catalogue, load_catalogue
from app.sources.manifest import Manifest, SourceText, load_manifest, read_source

CATALOGUE_FILE = "catalogue.yaml"


@dataclass(frozen=True)
class Sources:
    """What a seeds folder holds, each text by its source's id."""

    manifest: Manifest
    catalogue: Catalogue
    texts: dict[str, SourceText]

    def report_of(self, source: str) -> str:
        """The id of the report ``source`` gives figures of."""
        return self.texts[source].entry.report


def load_sources(seeds_dir: Path) -> Sources:
    """Read and check the manifest, the catalogue and the texts of ``seeds_dir``."""
    manifest = load_manifest(seeds_dir)
    catalogue = load_catalogue(seeds_dir / CATALOGUE_FILE)
    texts = {entry.id: read_source(seeds_dir, entry) for entry in manifest.sources}
    return Sources(manifest, catalogue, texts)
