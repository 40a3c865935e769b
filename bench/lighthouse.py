"""Lighthouse (npm `lighthouse`, mobile profile, Debian's Chromium) on pages served with gzip."""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from common import LANGUAGES, ROOT

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {"lesson": "how/eight-levers/", "test": "introduction/learning-culture-test/", "action plan": "results/action-plan/"}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"


def audit(url: str) -> dict:
    """Scores (0-100) per category, and the failed audits of the categories below 100."""
    with tempfile.TemporaryDirectory() as scratch:
        report_path = Path(scratch) / "report.json"
        result = subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report_path}",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
            env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, capture_output=True, text=True, timeout=300)
        if result.returncode != 0 or not report_path.exists():
            raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
        report = json.loads(report_path.read_text(encoding="utf-8"))
    scores = {name: round((report["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}
    failed = sorted({ref["id"] for name in CATEGORIES for ref in report["categories"][name]["auditRefs"]
                     if ref["weight"] and (report["audits"][ref["id"]]["score"] or 0) < 1
                     and report["audits"][ref["id"]]["scoreDisplayMode"] in ("binary", "numeric")})
    metrics = {key: report["audits"][key]["displayValue"] for key in
               ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")}
    return {"scores": scores, "failed": failed, "metrics": metrics}


def measure(site_url: str) -> dict[tuple[str, str], dict]:
    """Lighthouse on every page of PAGES in every configured language."""
    return {(name, language): audit(site_url + LANGUAGES.folder(language) + path)
            for name, path in PAGES.items() for language in LANGUAGES.all}
