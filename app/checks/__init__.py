"""Checking a figure: a claim as a person pastes it from a news story, read with the engine's
own readers and the catalogue's words (reading), held against the stored observations
(compare), and answered with the matches and their quotes, or the closest and how each
differs (check)."""
