"""The database: typed models, engines and sessions, the schema revision, the read-only role."""
