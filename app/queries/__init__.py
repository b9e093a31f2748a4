"""Reads for the service: observation pages and series, the catalogue as served, the data version.

They take a session and know nothing of HTTP."""
