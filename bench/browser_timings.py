"""In-browser timings: how long the Learning Culture test takes to show its results once all
statements are answered (the change handler's work, and until the next frame is painted)."""
from __future__ import annotations

import statistics

from common import LANGUAGES

TEST_PAGE = "introduction/learning-culture-test/"

# Answer every rating but the last; then change the last rating `repeats` times, each change
# re-rendering the results, and time the click (handler) and the two frames that follow (paint).
MEASURE = """async (repeats) => {
  const groups = [...document.querySelectorAll("[data-course-test] fieldset[data-question]")];
  groups.slice(0, -1).forEach((group, index) => group.querySelectorAll("input[type=radio]")[index % 5].click());
  const last = [...groups.at(-1).querySelectorAll("input[type=radio]")];
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const samples = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    last[i % last.length].click();
    const handled = performance.now();
    await frame(); await frame();
    samples.push([handled - started, performance.now() - started]);
  }
  return {statements: groups.length / 2, samples};
}"""


def test_results(browser, site_url: str, repeats: int = 15) -> dict[str, dict]:
    """Median milliseconds to render the test results, per configured language."""
    timings = {}
    for language in LANGUAGES.all:
        context = browser.new_context()
        tab = context.new_page()
        tab.goto(site_url + LANGUAGES.folder(language) + TEST_PAGE, wait_until="networkidle")
        result = tab.evaluate(MEASURE, repeats)
        context.close()
        timings[language] = {"statements": result["statements"],
                             "handler": statistics.median(s[0] for s in result["samples"]),
                             "painted": statistics.median(s[1] for s in result["samples"])}
    return timings
