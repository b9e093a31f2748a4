"""HTTP: the application factory, routers, parameters, wire encoding, errors, and middleware."""
