"""Shared fixtures: one real build of the course, a local web server for it, and headless Chromium."""
from __future__ import annotations

import functools
import os
import socket
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def build_site(destination: Path, site_url: str, project: Path = ROOT, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    """Run a strict `mkdocs build` of `project` into `destination`; fail the test with its log."""
    # every language unless the test asks for one (an author's LANG_ONLY preview setting stays out)
    env = {**{k: v for k, v in os.environ.items() if k != "LANG_ONLY"}, "SITE_URL": site_url,
           "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(destination)],
                            cwd=project, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{result.stderr[-6000:]}")
    return result


def copy_project(destination: Path) -> Path:
    """A copy of the course project (docs, hooks, overrides, data, mkdocs.yml) to break on purpose."""
    import shutil

    for name in ("docs", "hooks", "overrides", "data"):
        shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    return destination


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def serve(directory: Path, port: int) -> ThreadingHTTPServer:
    """Serve `directory` on 127.0.0.1:`port` in a background thread."""
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def start_reading(tab) -> None:
    """Act as a reader who starts using the page: moving the pointer releases Material's request for
    sitemap.xml (held until then: material-base.js); wait until Material has the list, so that the
    next link followed is an instant page change."""
    tab.mouse.move(4, 4)
    tab.mouse.move(8, 8)  # a move to where the pointer already is may not count as one
    wait_for_page_list(tab)


def wait_for_page_list(tab) -> None:
    """Wait until Material has sitemap.xml, its list of the pages instant navigation may load."""
    tab.wait_for_function("() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/sitemap.xml'))")
    tab.evaluate("() => new Promise((resolve) => setTimeout(resolve, 0))")  # its load handler has run


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The course built once, served at the address it was built for (so instant navigation works)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    directory = tmp_path_factory.mktemp("site")
    result = build_site(directory, url)
    server = serve(directory, port)
    yield {"dir": directory, "url": url, "log": result.stderr}
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser, site):
    """A fresh browser context (empty storage) that records requests and console errors."""
    context = browser.new_context(locale="en-GB")
    tab = context.new_page()
    tab.requests = []
    tab.errors = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()
