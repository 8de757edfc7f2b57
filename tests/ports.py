"""Local ports for tests: one the system just handed out is free, so nobody listens on it."""

import socket


def free_port() -> int:
    """A local port nobody listens on: a server can start there, and a client is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
