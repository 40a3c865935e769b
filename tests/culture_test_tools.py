"""Helpers for browser tests of the Learning Culture test, which shows one dimension at a time."""
from __future__ import annotations

from course.item_bank import load_item_bank

BANK = load_item_bank()


def show_part(page, dimension_id: str) -> None:
    """Step to the test's part for one dimension, or to its results with "results" (one part is
    shown at a time)."""
    part = page.locator("#ct-results" if dimension_id == "results" else f"#ct-dimension-{dimension_id}")
    ids = [d.id for d in BANK.dimensions] + ["results"]
    for _ in range(len(ids)):
        if part.is_visible():
            return
        shown = page.locator(".course-test__dimension:visible, .course-test__results:visible").first.get_attribute("id")
        here = ids.index(shown.removeprefix("ct-dimension-").removeprefix("ct-"))
        button = "[data-test-next]" if here < ids.index(dimension_id) else "[data-test-previous]"
        page.locator(f"#{shown} {button}").click()
    assert part.is_visible()
