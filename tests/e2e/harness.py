"""The browser tests' server: the app behind werkzeug's dev server in a thread."""

from __future__ import annotations


def buffered(app):
    """Each response read whole, and its iterator closed, before werkzeug writes to the socket.

    When a browser drops a connection (a page left before its icon arrived), werkzeug's dev server
    reads the dead socket in a `finally` that then raises before it calls `close()`, so a static
    file stays open and its ResourceWarning fails whichever test is running. The app's responses
    are small and none streams, so reading them first changes nothing the browser sees."""

    def middleware(environ, start_response):
        body = app(environ, start_response)
        try:
            return [b"".join(body)]
        finally:
            if hasattr(body, "close"):
                body.close()

    return middleware
