"""A small static web server with gzip, like a real host: the benchmark serves the built site with it."""
from __future__ import annotations

import gzip
import mimetypes
import socket
import threading
from contextlib import contextmanager
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}


def gzipped_size(path: Path) -> int:
    """Bytes `path` takes on the wire from this server (gzip level 6 for text, as nginx or Apache)."""
    data = path.read_bytes()
    return len(gzip.compress(data, 6, mtime=0)) if path.suffix in COMPRESSED else len(data)


class GzipHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def __init__(self, *args: object, root: Path, **kwargs: object) -> None:
        self.root = root
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        """Send the file, gzipped when it is text and the client accepts gzip."""
        path = self._file()
        if path is None:
            self._send(404, b"Not found", "text/plain", gzipped=False)
            return
        data = path.read_bytes()
        zipped = path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self._send(200, gzip.compress(data, 6, mtime=0) if zipped else data, kind, gzipped=zipped)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def _file(self) -> Path | None:
        relative = self.path.split("?")[0].split("#")[0].lstrip("/")
        path = (self.root / relative).resolve()
        if path.is_dir():
            path = path / "index.html"
        return path if path.is_file() and self.root in path.parents else None

    def _send(self, status: int, body: bytes, kind: str, gzipped: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") or kind.endswith("json") else ""))
        self.send_header("Content-Length", str(len(body)))
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(root: Path, port: int) -> Iterator[str]:
    """Serve `root` at http://127.0.0.1:`port`/ while the block runs."""
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(GzipHandler, root=root.resolve()))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()
