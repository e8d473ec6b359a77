"""The local test server (guide_core/local_site.py): quiet only when nothing is wrong."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("fault", [BrokenPipeError, ConnectionResetError, ConnectionAbortedError])
def test_a_dropped_connection_prints_nothing(fault, capsys):
    """A browser that closes a tab while a file loads is not a fault."""
    from guide_core.local_site import _Server
    server = _Server(("127.0.0.1", 0), None)
    try:
        try:
            raise fault()
        except fault:
            server.handle_error(None, ("127.0.0.1", 1))
        assert capsys.readouterr().err == ""
        try:
            raise ValueError("a real fault")
        except ValueError:
            server.handle_error(None, ("127.0.0.1", 1))
        assert "a real fault" in capsys.readouterr().err, "a real fault must still print"
    finally:
        server.server_close()
