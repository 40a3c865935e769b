"""What a learner sees (issue 21), in a real browser: screen-reader text that stays hidden, search
results, the home page, the route choice, the test on a phone, the charts, the self-check, empty
states, dates and the documents a learner takes away."""
from __future__ import annotations

import json

import pytest

from course.home import load_cards
from search_tools import read_index, search

PHONE = {"width": 390, "height": 844}
HOME = {"en": "", "nl": "nl/"}
BROWSER_LOCALE = {"en": "en-GB", "nl": "nl-NL"}


@pytest.fixture()
def phone(browser):
    """A phone-sized touch browser (390 x 844 CSS px)."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, locale="en-GB")
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()


def visible_hidden_text(page) -> list[str]:
    """Texts of screen-reader-only elements that take up more than a pixel on screen."""
    return page.evaluate("""() => [...document.querySelectorAll('.md-visually-hidden')]
        .filter(e => { const r = e.getBoundingClientRect(); return r.width > 1 || r.height > 1; })
        .map(e => e.textContent)""")


def test_screen_reader_text_takes_no_room_on_screen(page, site):
    page.goto(site["url"] + "introduction/learning-culture-test/")
    assert page.locator(".course-test .md-visually-hidden").count() == 384
    assert visible_hidden_text(page) == []
    # a rating button is as wide as its number, and is still named in full for screen readers
    assert page.locator("label[for='ct-leadership-1-reality-1']").bounding_box()["width"] < 100
    # the part on screen: two ratings of each of its four statements
    assert page.get_by_role("radio", name="1 Not at all true", exact=True).count() == 8
    page.goto(site["url"] + "start/progress/")
    page.wait_for_selector("[data-progress-modules] li")
    assert visible_hidden_text(page) == []


def test_search_marks_words_without_breaking_the_markup(page, site):
    page.goto(site["url"])
    search(page, "water lily")
    html = page.locator(".md-search-result").inner_html()
    assert "<mark><mar" not in html and "k&gt;lily" not in html
    texts = page.locator(".md-search-result__article").all_inner_texts()
    assert any("the water lily" in text for text in texts)


def test_search_ranks_title_and_phrase_matches_first(page, site):
    page.goto(site["url"])
    results = search(page, "action learning")
    pages = list(dict.fromkeys(r["href"].split("?")[0] for r in results))
    assert pages[0] == site["url"] + "how/action-learning/"
    assert pages.index(site["url"] + "how/the-learning-organisation/") > pages.index(site["url"] + "about/glossary/")


def test_no_two_pages_of_a_language_share_a_title(site):
    for language in ("en", "nl"):
        titles = [doc["title"] for doc in read_index(site["dir"], language)["docs"] if "#" not in doc["location"]]
        assert len(titles) == len(set(titles)), [t for t in titles if titles.count(t) > 1]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_home_page_opens_with_what_for_whom_time_and_start(browser, site, language):
    context = browser.new_context(locale=BROWSER_LOCALE[language])
    page = context.new_page()
    page.goto(site["url"] + HOME[language])
    cards = load_cards()
    hours = f"{sum(card.hours for card in cards):g}"
    facts = page.locator(".course-home__facts").inner_text()
    assert hours in facts and ("hours" if language == "en" else "uur") in facts
    start = page.locator(".course-home__start a")
    assert start.is_visible()
    assert start.get_attribute("href").endswith("start/how-the-course-works/")
    first_section = page.locator(".md-content h2").first.bounding_box()["y"]
    assert start.bounding_box()["y"] < first_section
    card_list = page.locator(".course-modules__card")
    assert card_list.count() == 5
    for index, card in enumerate(cards):
        text = card_list.nth(index).inner_text()
        assert card.makes[language] in text
        assert f"{card.hours:g}".replace(".", "," if language == "nl" else ".") in text
    # cards sit side by side on a desktop
    boxes = [card_list.nth(i).bounding_box() for i in range(2)]
    assert boxes[0]["y"] == boxes[1]["y"]
    # after a lesson, Continue (with where the learner left off) takes Start's place at the top
    page.goto(site["url"] + HOME[language] + "how/eight-levers/")
    page.goto(site["url"] + HOME[language])
    box = page.locator("[data-course-continue]")
    assert box.is_visible() and not start.is_visible()
    assert box.locator("[data-continue-link]").get_attribute("href").endswith("how/eight-levers/")
    assert box.bounding_box()["y"] < first_section
    context.close()


def test_route_choice_shows_one_route_per_line_and_lists_have_one_marker(page, site):
    page.goto(site["url"] + "start/progress/")
    routes = page.locator(".course-progress__route")
    tops = [routes.nth(i).bounding_box()["y"] for i in range(routes.count())]
    assert routes.count() == 3 and tops == sorted(set(tops))
    for i in range(1, 3):
        previous = routes.nth(i - 1).bounding_box()
        assert previous["y"] + previous["height"] <= tops[i]
    page.wait_for_selector("[data-progress-modules] li")
    styles = page.evaluate("""() => [...document.querySelectorAll('[data-progress-modules], [data-route-checklist]')]
        .map(list => getComputedStyle(list).listStyleType)""")
    assert styles == ["none", "none"]
