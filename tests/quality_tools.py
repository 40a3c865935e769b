"""Helpers for the quality gates: the pages of a built site, the npm tools, and axe-core in a page."""
from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT

NODE_MODULES = ROOT / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
# WCAG 2.1 level A and AA. aria-dialog-name is a best-practice rule outside these tags; it is added
# because Material's search dialog had no name, which screen readers (and Lighthouse) notice.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_EXTRA_RULES = ["aria-dialog-name"]


def npm_tool(path: Path) -> Path:
    """The installed file of an npm package; fail with how to install it."""
    assert path.exists(), f"{path.relative_to(ROOT)} is missing: run `make test` (it runs `npm ci`)"
    return path


def java() -> str:
    """The machine's Java, which runs the Nu Html Checker."""
    found = shutil.which("java")
    assert found, "Java is needed for the Nu Html Checker: run `make test` (installs default-jre-headless)"
    return found


def site_pages(site_dir: Path) -> list[Path]:
    """Every HTML page of a built site, the 404 page included, in a stable order."""
    return sorted(p for p in site_dir.rglob("*.html") if p.name == "index.html" or p.name == "404.html")


def page_url(site: dict, html_file: Path) -> str:
    """The address the site fixture serves `html_file` at (directory URL for index.html)."""
    relative = html_file.relative_to(site["dir"]).as_posix()
    return site["url"] + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def page_name(site: dict, html_file: Path) -> str:
    """How a page is named in failure messages: its path in the built site."""
    return html_file.relative_to(site["dir"]).as_posix()


def start_axe(tab, selector: str = "document") -> None:
    """Inject axe-core (once per document) and start a run; collect it with `axe_violations`."""
    if not tab.evaluate("() => typeof window.axe === 'object'"):
        tab.evaluate(npm_tool(AXE_SCRIPT).read_text(encoding="utf-8"))
    tab.evaluate(
        """([selector, tags, extra]) => {
             const rules = Object.fromEntries(extra.map((id) => [id, {enabled: true}]));
             const context = selector === "document" ? document : selector;
             // check the page once it is still, not mid-transition: a fading menu has lower contrast
             // (waiting at most 3 s, in case an animation is paused)
             const settling = document.getAnimations()
               .filter((animation) => Number.isFinite(animation.effect?.getComputedTiming().endTime))
               .map((animation) => animation.finished.catch(() => null));
             const settled = Promise.race([Promise.all(settling), new Promise((done) => setTimeout(done, 3000))]);
             window.__courseAxe = settled.then(() => axe.run(context, {
               runOnly: {type: "tag", values: tags}, rules, resultTypes: ["violations"]}));
           }""",
        [selector, AXE_TAGS, AXE_EXTRA_RULES],
    )


def axe_violations(tab) -> list[str]:
    """The violations of the run `start_axe` began: one line per rule, with its offending selectors."""
    result = tab.evaluate("() => window.__courseAxe")
    return [f"{violation['id']} ({violation['impact']}): " + "; ".join(" ".join(map(str, node["target"])) for node in violation["nodes"][:8])
            for violation in result["violations"]]


def run_axe(tab, selector: str = "document") -> list[str]:
    """Run axe-core with the WCAG 2.1 A and AA rules on the page in `tab`."""
    start_axe(tab, selector)
    return axe_violations(tab)


def tool_pages() -> list[str]:
    """The nav's pages with `kind: tool` in their front matter (the interactive pages)."""
    from course.pages import read_page
    from html_tools import nav_pages

    return [page for page in nav_pages(ROOT / "mkdocs.yml")
            if read_page(ROOT / "docs" / "en" / page).meta.get("kind") == "tool"]
