"""A local web server for the built site, with the MIME types the scoring form needs and the site's
Content-Security-Policy header (ijkpunt.csp) on every response, so that tests run under the published policy."""

from __future__ import annotations

import functools
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .csp import header_policy

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

    content_security_policy = header_policy()  # a class attribute: a test's server may send another one

    def end_headers(self) -> None:
        # On every response, pages and 404 alike: the workers (Pyodide's, the service worker) take their policy
        # from their own script's header, not from the page's meta tag.
        self.send_header("Content-Security-Policy", self.content_security_policy)
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing page gets the site's own 404.html (Dutch, with the site's navigation), status 404."""
        page = Path(self.directory) / "404.html"
        if code != 404 or self.command != "GET" or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

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
