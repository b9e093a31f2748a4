"""The layers around the routes, from the response cache outside to the ETags inside."""
