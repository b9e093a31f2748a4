"""Reviewed readings: the data. One file per source text, one entry per value it gives.

The engine (:mod:`app.extract`) proposes readings; a reviewer accepts, corrects, adds or rejects
them; the seed serves the accepted ones, each checked against its text.
"""
