"""The inputs: the manifest, the catalogue, and the source texts checked against their sha256."""
