"""``pipeline serve``: a live preview of build/ while sources and masters are edited.

One thread watches the sources folder (the size and time of each file, a few times a
second) and, when a file changes, runs the same incremental build as ``make all``
(batch.run: only what changed is rebuilt). The HTTP server (the standard library's, one
thread per request) serves build/; into every HTML page it serves (never into the files)
it puts a small script that listens for server-sent events and reloads the page after a
build, and, when the document's last build failed, a panel at the top of the page with
each error and the source lines around it, the line at fault marked.
"""
from __future__ import annotations

import html
import json
import re
import threading
import time
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlparse

from .documents import doc_name

LIVE_JS = """(function () {
  var me = document.currentScript, build = me.getAttribute("data-build");
  var events = new EventSource("/_pipeline/events");
  events.onmessage = function (e) { if (e.data !== build) { location.reload(); } };
})();
"""
MESSAGE_RE = re.compile(r"^(?P<file>.+?):(?P<line>\d+)(?::\d+)?: (?P<severity>error|warning): ")


@dataclass
class Preview:
    """What the server knows: the build count, and the messages of each document."""

    sources: Path
    out: Path
    build: Callable[[], bool]
    count: int = 0
    problems: dict[str, dict] = field(default_factory=dict)
    changed: threading.Condition = field(default_factory=threading.Condition)
    stopping: bool = False

    def rebuild(self) -> None:
        """Build what is out of date, read the report, and tell the pages."""
        self.build()
        try:
            rows = json.loads((self.out / "report.json").read_text("utf-8"))["documents"]
        except (OSError, ValueError, KeyError):
            rows = []
        self.problems = {doc_name(r["source"]): r for r in rows}
        with self.changed:
            self.count += 1
            self.changed.notify_all()

    def watch(self, interval: float = 0.1) -> None:
        """Rebuild whenever a file of the sources folder changes (until stopping)."""
        seen = snapshot(self.sources)
        while not self.stopping:
            time.sleep(interval)
            now = snapshot(self.sources)
            if now != seen:
                seen = now
                self.rebuild()

    def wait(self, count: int, timeout: float) -> int:
        """The build count once it differs from count (or after timeout)."""
        with self.changed:
            self.changed.wait_for(lambda: self.count != count or self.stopping, timeout)
            return self.count


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """(modification time, size) of every file under folder."""
    found = {}
    for path in folder.rglob("*"):
        try:
            st = path.stat()
        except OSError:
            continue
        found[str(path)] = (st.st_mtime_ns, st.st_size)
    return found


def error_panel(row: dict) -> str:
    """The errors of a failed document, each with the source lines around it."""
    items = []
    for message in row.get("errors", []):
        items.append(f"<li><p><code>{html.escape(message)}</code></p>{excerpt(message)}</li>")
    stale = ("<p>The page below is from the last version of the source that built.</p>"
             if row.get("stale") else "")
    return ('<section id="pipeline-errors" role="alert" lang="en" style="border:3px solid '
            '#b00020;padding:0.5rem 1rem;margin:1rem;background:Canvas;color:CanvasText">'
            f"<h2>The last build of {html.escape(doc_name(row['source']))} failed</h2>{stale}"
            f"<ul>{''.join(items)}</ul></section>")


def excerpt(message: str, around: int = 2) -> str:
    """The lines of the file a message names, around its line, the line itself marked."""
    m = MESSAGE_RE.match(message)
    if not m:
        return ""
    try:
        lines = Path(m["file"]).read_text("utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    at = int(m["line"])
    out = []
    for no in range(max(1, at - around), min(len(lines), at + around) + 1):
        text = f"{no:>5} | {html.escape(lines[no - 1])}"
        out.append(f'<mark class="error-line" data-line="{no}">{text}</mark>' if no == at else text)
    return f"<pre>{chr(10).join(out)}</pre>"


def inject(page: bytes, preview: Preview, name: str | None) -> bytes:
    """An HTML page with the live script, and the error panel of its document."""
    text = page.decode("utf-8", errors="replace")
    row = preview.problems.get(name or "")
    panel = error_panel(row) if row and row.get("state") == "failed" else ""
    script = f'<script data-build="{preview.count}" src="/_pipeline/live.js"></script>'
    text = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + panel, text, count=1)
    return (text.replace("</body>", script + "</body>", 1)).encode("utf-8")


class Handler(SimpleHTTPRequestHandler):
    """Serves preview.out: HTML pages live, the script, the events; other files as they are."""

    preview: Preview

    def __init__(self, *args, **kwargs):
        """Serve from the preview's build folder."""
        super().__init__(*args, directory=str(self.preview.out), **kwargs)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base's name
        """Log nothing: the build's own lines are what the officer reads."""

    def do_GET(self) -> None:  # noqa: N802 - the base's name
        """The script, the events, a live page, or a file of build/."""
        path = unquote(urlparse(self.path).path)
        if path == "/_pipeline/live.js":
            return self.send(LIVE_JS.encode(), "text/javascript; charset=utf-8")
        if path == "/_pipeline/events":
            return self.events()
        if path.endswith("/"):
            path += "index.html"
        if path.endswith(".html"):
            return self.page(path)
        return super().do_GET()

    def page(self, path: str) -> None:
        """An HTML page of build/, live; a failed document without a page: its errors."""
        preview = self.preview
        name = Path(path).name.removesuffix(".html")
        file = (preview.out / path.lstrip("/")).resolve()
        if preview.out.resolve() not in file.parents:
            return self.send_error(HTTPStatus.NOT_FOUND)
        if file.is_file():
            return self.send(inject(file.read_bytes(), preview, name), "text/html; charset=utf-8")
        if name in preview.problems:
            blank = (f"<!DOCTYPE html><html lang='en'><head><title>{html.escape(name)}</title>"
                     "</head><body></body></html>")
            return self.send(inject(blank.encode(), preview, name), "text/html; charset=utf-8")
        return self.send_error(HTTPStatus.NOT_FOUND)

    def send(self, body: bytes, media_type: str) -> None:
        """A 200 response, never cached."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def events(self) -> None:
        """Server-sent events: the build count now, then after every build."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        count = self.preview.count
        try:
            self.wfile.write(f"data: {count}\n\n".encode())
            self.wfile.flush()
            while not self.preview.stopping:
                now = self.preview.wait(count, 15)
                self.wfile.write(f"data: {now}\n\n".encode() if now != count else b": idle\n\n")
                self.wfile.flush()
                count = now
        except (BrokenPipeError, ConnectionResetError):
            pass


def serve(preview: Preview, port: int, echo: Callable[[str], None]) -> None:
    """Build once, then serve and watch until interrupted."""
    preview.rebuild()
    server = ThreadingHTTPServer(("127.0.0.1", port), type("Bound", (Handler,), {"preview": preview}))
    server.daemon_threads = True
    threading.Thread(target=preview.watch, daemon=True).start()
    echo(f"pipeline: serving {preview.out} at http://127.0.0.1:{server.server_address[1]}/ "
         f"(watching {preview.sources}; Ctrl-C to stop)")
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        preview.stopping = True
        with preview.changed:
            preview.changed.notify_all()
        server.server_close()
