"""The whole data set for download: a Frictionless data package and a SQLite database.

Each is built from the database the service reads, through the queries (:mod:`app.queries.bulk`),
once per data version, into a folder of files (:mod:`app.exports.cache`). Nothing here knows
HTTP.
"""
