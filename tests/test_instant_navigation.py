"""Every interactive page works when reached by Material's instant navigation, not only on load."""
from __future__ import annotations

import pytest

TOOL_PAGES = {
    "introduction/learning-culture-test/": "[data-course-test][data-ready]",
    "why/self-check/": "[data-course-self-check][data-ready]",
    "results/action-plan/": "[data-course-plan] textarea",
    "results/team-profile/": "[data-team-files]",
    "results/certificate/": "[data-certificate-missing] li",
    "start/progress/": "[data-progress-modules] > *",
    "start/your-data/": "[data-import-file]",
}


@pytest.mark.parametrize("path,ready", TOOL_PAGES.items())
def test_tool_page_after_instant_navigation(page, site, path, ready):
    page.goto(site["url"] + "how/eight-levers/")
    # a link inside the page, clicked like any other: Material loads the target without a reload
    page.evaluate("""(href) => {
        const link = document.createElement('a');
        link.href = href; link.id = 'go'; link.textContent = 'go';
        document.querySelector('.md-content article').appendChild(link);
    }""", site["url"] + path)
    page.evaluate("window.__instantMarker = 1")
    page.click("#go")
    page.wait_for_url(site["url"] + path)
    page.wait_for_selector(ready)
    assert page.evaluate("window.__instantMarker") == 1, "the page was reloaded, not instantly navigated"
    assert page.errors == []
