"""What an operator sees of the running service: request ids, JSON logs, Prometheus metrics.

Importing this package imports nothing else: ``python -m app.serve`` reads the constant below
before prometheus-client may be imported (see :mod:`app.observability.metrics`).
"""

MULTIPROC_DIR_VARIABLE = "PROMETHEUS_MULTIPROC_DIR"
