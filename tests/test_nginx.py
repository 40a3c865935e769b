"""The course behind Debian's nginx with exactly the repository's configuration
(deploy/nginx/leercultuur.conf), served under a path: headers, the 404 pages, and a browser that
reads, switches language, searches, saves learner data and unlocks a protected page without a
single Content-Security-Policy violation."""
from __future__ import annotations

import http.client
import os
import re
import shutil
import socket
import subprocess
import time

import pytest

from conftest import ROOT, build_site, free_port, start_reading
from course.data import ui
from protected_tools import PASSWORD

CONF = ROOT / "deploy" / "nginx" / "leercultuur.conf"
PATH = "/leercultuur/"
# The smallest nginx.conf around the repository's file: the server block the README shows, with
# this test's own port, folders and pid file.
WRAPPER = """\
daemon off;
{user}
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {www};
        location {path} {{
            set $course_base {path};
            include {conf};
        }}
    }}
}}
"""
CSP_LISTENER = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile + ":" + e.lineNumber);
});
"""

FOLLOW = """url => {
  const link = document.createElement("a");
  link.href = url;
  document.querySelector("article").appendChild(link);
  link.click();
}"""


@pytest.fixture(scope="module")
def hosted(tmp_path_factory):
    """The course built for http://127.0.0.1:<port>/leercultuur/ and served there by nginx."""
    nginx = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
    if nginx is None:
        pytest.fail("nginx is not installed; `make test` installs Debian's nginx")
    port = free_port()
    prefix = tmp_path_factory.mktemp("nginx")
    www = prefix / "www"
    url = f"http://127.0.0.1:{port}{PATH}"
    build_site(www / PATH.strip("/"), url, extra_env={"COURSE_PROTECTED_PASSWORD": PASSWORD})
    # as root, nginx's workers would drop to 'nobody', who cannot read pytest's private folders
    user = "user root;" if os.geteuid() == 0 else ""
    conf = prefix / "nginx.conf"
    conf.write_text(WRAPPER.format(user=user, prefix=prefix, port=port, www=www, path=PATH, conf=CONF))
    checked = subprocess.run([nginx, "-t", "-p", str(prefix), "-c", str(conf)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    server = subprocess.Popen([nginx, "-p", str(prefix), "-c", str(conf)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    _wait_for(port, server)
    yield {"url": url, "port": port, "dir": www / PATH.strip("/")}
    server.terminate()
    server.wait(timeout=10)


def fetch(hosted: dict, path: str, gzip: bool = True) -> http.client.HTTPResponse:
    """One GET through nginx, without following redirects or decompressing."""
    connection = http.client.HTTPConnection("127.0.0.1", hosted["port"], timeout=10)
    connection.request("GET", path, headers={"Accept-Encoding": "gzip"} if gzip else {})
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def test_pages_are_compressed_and_only_fingerprinted_assets_cached_long(hosted):
    page = fetch(hosted, PATH)
    assert page.status == 200
    assert page.getheader("Content-Encoding") == "gzip"
    assert "Accept-Encoding" in page.getheader("Vary")
    assert page.getheader("Content-Type") == "text/html; charset=utf-8"
    assert page.getheader("Cache-Control") == "no-cache"
    assert fetch(hosted, PATH, gzip=False).getheader("Content-Encoding") is None
    html = (hosted["dir"] / "index.html").read_text(encoding="utf-8")
    fingerprinted = re.findall(r'(?:src|href)="(assets/(?:javascripts|stylesheets)/[\w.]+\.[0-9a-f]{8}\.min\.(?:js|css))"', html)
    assert len(fingerprinted) >= 2
    for asset in fingerprinted:
        response = fetch(hosted, PATH + asset)
        assert (asset, response.status, response.getheader("Content-Encoding")) == (asset, 200, "gzip")
        assert response.getheader("Cache-Control") == "public, max-age=31536000, immutable"
    for own in ("assets/js/course.js", "assets/css/course.min.css",
                "assets/css/branding.css", "search/search_index.en.json", "sitemap.xml"):
        response = fetch(hosted, PATH + own)
        assert (own, response.status, response.getheader("Cache-Control")) == (own, 200, "no-cache")
    index = fetch(hosted, PATH + "search/search_index.en.json")
    assert index.getheader("Content-Encoding") == "gzip", index.getheaders()
    assert fetch(hosted, PATH + "assets/js/course.js").getheader("Content-Encoding") == "gzip"


def test_security_headers_on_pages_and_errors(hosted):
    for path, status in ((PATH, 200), (PATH + "nl/how/", 200), (PATH + "no/such/page/", 404)):
        response = fetch(hosted, path)
        assert response.status == status
        policy = response.getheader("Content-Security-Policy")
        assert "script-src 'self';" in policy and "default-src 'self'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert "frame-ancestors 'self'" in policy and "object-src 'none'" in policy
        assert response.getheader("X-Content-Type-Options") == "nosniff"
        assert response.getheader("X-Frame-Options") == "SAMEORIGIN"
        assert response.getheader("Referrer-Policy") == "same-origin"
        assert response.getheader("Server") == "nginx"  # no version
    # a folder without its slash is redirected relative to the address the browser used
    moved = fetch(hosted, PATH + "nl")
    assert (moved.status, moved.getheader("Location")) == (301, PATH + "nl/")


@pytest.mark.parametrize("language, path", [("en", "no/such/page/"), ("nl", "nl/bestaat/niet"),
                                            ("en", "assets/missing.js")])
def test_unknown_addresses_get_the_404_page_in_the_readers_language(hosted, language, path):
    response = fetch(hosted, PATH + path, gzip=False)
    assert response.status == 404
    html = response.body.decode("utf-8")
    assert f'<html lang="{language}"' in html
    assert f"<h1>{ui(language)['not_found_title']}</h1>" in html


def test_the_404_page_works_under_the_path(browser, hosted):
    tab, violations = _tab(browser)
    tab.goto(hosted["url"] + "nl/bestaat/niet")
    assert tab.locator("h1").first.inner_text() == ui("nl")["not_found_title"]
    # styled by the site's own style sheets, found from this deeper address
    primary = re.search(r"--md-primary-fg-color: ?#(\w\w)(\w\w)(\w\w);?", (hosted["dir"] / "assets/css/branding.css").read_text())
    expected = "rgb({}, {}, {})".format(*(int(part, 16) for part in primary.groups()))
    assert tab.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") == expected
    tab.get_by_text(ui("nl")["not_found_home"]).click()
    tab.wait_for_url(hosted["url"] + "nl/")
    assert tab.locator("html").get_attribute("lang") == "nl"
    assert violations(tab) == []
    tab.context.close()


def test_reading_switching_and_searching_under_the_path(browser, hosted):
    base = hosted["url"]
    tab, violations = _tab(browser)
    tab.goto(base)
    assert tab.locator("html").get_attribute("lang") == "en"
    assert tab.evaluate("__md_scope.pathname") == PATH
    start_reading(tab)
    # instant navigation is active under the path (the home page's navigation lists a module by its
    # first page: navigation.prune)
    tab.locator('.md-sidebar--primary a[href$="how/"]').first.dispatch_event("click")
    tab.wait_for_url(base + "how/")
    tab.locator('.md-sidebar--primary a[href$="how/eight-levers/"]').first.dispatch_event("click")
    tab.wait_for_url(base + "how/eight-levers/")
    assert tab.evaluate("performance.getEntriesByType('navigation')[0].name") == base
    found = violations(tab)
    _switch_to(tab, "nl")
    tab.wait_for_url(base + "nl/how/eight-levers/")
    assert tab.locator("html").get_attribute("lang") == "nl"
    stored = tab.evaluate("localStorage.getItem('course:v1:' + __md_scope.pathname + ':language')")
    assert (tab.evaluate("__md_scope.pathname"), stored) == (PATH, '"nl"')
    tab.locator("input.md-search__input").click()
    # typed like a reader: Material sends queries on key presses
    tab.locator("input.md-search__input").press_sequentially("hefbomen")
    tab.wait_for_selector(".md-search-result__item")
    links = tab.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    assert links and all(link.startswith(base) for link in links)
    assert any(link.startswith(base + "nl/") for link in links)
    tab.keyboard.press("Escape")
    _switch_to(tab, "en")
    tab.wait_for_url(base + "how/eight-levers/")
    assert found + violations(tab) == []
    origin = base[: -len(PATH)]
    assert [u for u in tab.requests if not u.startswith(origin) and not u.startswith("data:")] == []
    tab.context.close()


def test_learner_data_is_saved_for_this_site_and_survives_a_reload(browser, hosted):
    base = hosted["url"]
    tab, violations = _tab(browser)
    tab.goto(base + "introduction/vision/")
    answer = "Every team runs one learning experiment a quarter."
    tab.locator(".course-prompt__input").first.fill(answer)
    tab.wait_for_timeout(300)
    tab.reload()
    assert tab.locator(".course-prompt__input").first.input_value() == answer
    tab.goto(base + "introduction/learning-culture-test/")
    choice = tab.locator(".course-test__options input[type=radio]").first
    tab.locator(".course-test__options label").first.click()
    assert choice.is_checked()
    tab.wait_for_timeout(300)
    tab.reload()
    assert tab.locator(".course-test__options input[type=radio]").first.is_checked()
    keys = tab.evaluate("Object.keys(localStorage)")
    assert keys and all(key.startswith(("course:v1:" + PATH, PATH)) for key in keys)
    assert violations(tab) == []
    tab.context.close()


def test_the_course_installs_and_works_offline_under_the_path(browser, hosted):
    """The service worker (issue 17) under /leercultuur/ with the project's headers: its scope is
    the course's path, no CSP violation, and visited pages open and save offline."""
    base = hosted["url"]
    worker = fetch(hosted, PATH + "sw.js")
    assert (worker.status, worker.getheader("Cache-Control")) == (200, "no-cache")
    assert "javascript" in worker.getheader("Content-Type")
    tab, violations = _tab(browser)
    cached = """async url => {
        const registration = await navigator.serviceWorker.ready;
        for (let i = 0; i < 200 && !(navigator.serviceWorker.controller && await caches.match(url)); i++)
            await new Promise(resolve => setTimeout(resolve, 100));
        return [registration.scope, !!(await caches.match(url))];
    }"""
    for path in ("", "nl/introduction/vision/"):
        tab.goto(base + path)
        assert tab.evaluate(cached, base + path) == [base, True]
    manifest = tab.evaluate("fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json())")
    assert (manifest["lang"], manifest["scope"], manifest["start_url"]) == ("nl", "../", "./")
    tab.context.set_offline(True)
    tab.goto(base + "nl/introduction/vision/")
    tab.locator(".course-prompt__input").first.fill("Zonder internet")
    tab.wait_for_timeout(300)
    tab.reload()
    assert tab.locator(".course-prompt__input").first.input_value() == "Zonder internet"
    tab.goto(base)
    assert tab.locator("html").get_attribute("lang") == "en"
    assert violations(tab) == []
    tab.context.close()


def test_no_content_security_policy_violation_anywhere_a_learner_goes(browser, hosted):
    base = hosted["url"]
    tab, violations = _tab(browser)
    found = []
    language = None
    for path in _tour(hosted["dir"]):
        if path.startswith("nl/") != (language == "nl"):
            assert tab.goto(base + path).status == 200, path
            language, first = ("nl" if path.startswith("nl/") else "en"), base + path
            start_reading(tab)
        else:
            # as a learner goes: a link click, which Material turns into an instant page change
            tab.evaluate(FOLLOW, base + path)
            tab.wait_for_url(base + path)
        tab.wait_for_timeout(150)  # let the page's scripts and the search worker start
        found += [f"{path}: {v}" for v in violations(tab)]
    assert tab.evaluate("performance.getEntriesByType('navigation')[0].name") == first
    # a protected page, opened with WebCrypto and filled in from the decrypted HTML
    tab.goto(base + "nl/programmes/learning-leader/")
    tab.fill("#course-protected-password", PASSWORD)
    tab.click(".course-protected__form button[type=submit]")
    tab.wait_for_selector("[data-course-protected]", state="detached", timeout=20000)
    found += violations(tab)
    assert found == []
    tab.context.close()


def _tab(browser):
    """A fresh context whose page records requests and CSP violations (events and console)."""
    context = browser.new_context(locale="en-GB")
    context.add_init_script(CSP_LISTENER)
    tab = context.new_page()
    tab.requests = []
    console = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("console", lambda message: console.append(message.text))

    def violations(current) -> list[str]:
        events = current.evaluate("(window.__csp || []).splice(0)")  # read and forget
        said = [text for text in console if "Content Security Policy" in text]
        console.clear()
        return events + said

    return tab, violations


def _tour(site) -> list[str]:
    """Every English page that is not a lesson and one lesson of each module, then the Dutch pages
    with tools: every kind of page and every script, without reading all lessons."""
    from course.pages import read_page

    pages, modules = ["nl/", "nl/introduction/learning-culture-test/", "nl/results/action-plan/",
                      "nl/start/your-data/", "nl/start/progress/"], set()
    for source in sorted((ROOT / "docs" / "en").rglob("*.md")):
        language, *parts = source.relative_to(ROOT / "docs").with_suffix("").parts
        if read_page(source).meta.get("kind") == "lesson":
            if (language, parts[0]) in modules:
                continue
            modules.add((language, parts[0]))
        path = "/".join(p for p in parts if p != "index")
        pages.append(("" if language == "en" else language + "/") + (path + "/" if path else ""))
    return pages


def _switch_to(tab, language: str) -> None:
    tab.locator(".md-header__option .md-select").hover()
    tab.locator(f'a.md-select__link[hreflang="{language}"]').click()
    tab.wait_for_load_state("load")


def _wait_for(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"nginx stopped: {server.stdout.read().decode(errors='replace')}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    server.terminate()
    pytest.fail("nginx did not start listening within 10 seconds")
