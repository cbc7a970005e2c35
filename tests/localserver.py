"""A local HTTP server on 127.0.0.1 that answers from a route table: the downloads' test publisher.

Shared by ``test_data.py`` and ``test_embedded.py``. Set ``Routes.routes[path] = (status, body)``
inside the ``serve()`` block; ``Routes.hits`` lists the paths asked for. ``running(handler)``
serves any other handler the same way (``test_cli_online.py``'s fake Nominatim).
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class Routes(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, bytes]] = {}
    hits: list[str] = []

    def do_GET(self) -> None:
        self.hits.append(self.path)
        status, body = self.routes.get(self.path, (404, b"not found"))
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def running(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve ``handler`` on a free port of 127.0.0.1 in a thread; yield its base URL; stop it."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextmanager
def serve() -> Iterator[str]:
    """Start a server with an empty route table; yield its base URL; stop it."""
    Routes.routes = {}
    Routes.hits = []
    with running(Routes) as url:
        yield url
