"""Checked records into the database in one transaction, one seed at a time."""
