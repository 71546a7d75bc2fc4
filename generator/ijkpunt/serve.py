"""A local web server for the built site, with the MIME types the scoring form needs."""

from __future__ import annotations

import functools
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

MIME_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".whl": "application/zip",
    ".json": "application/json",
    ".yaml": "text/yaml; charset=utf-8",
}


class SiteHandler(SimpleHTTPRequestHandler):
    # the stdlib declares this as a plain class attribute; we extend it the same way
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}  # noqa: RUF012

    def log_message(self, format: str, *args: object) -> None:
        if not getattr(self.server, "quiet", False):
            super().log_message(format, *args)


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True
    quiet = False

    def handle_error(self, request: object, client_address: object) -> None:
        # A browser that navigates away mid-download resets the connection: normal, not a server fault.
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionResetError | BrokenPipeError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


def make_server(
    directory: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    quiet: bool = False,
    handler: type[SiteHandler] = SiteHandler,
) -> SiteServer:
    """A server for `directory`; port 0 picks a free port (see `server.server_address`)."""
    server = SiteServer((host, port), functools.partial(handler, directory=str(directory)))
    server.quiet = quiet
    return server
