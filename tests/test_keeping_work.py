"""Keeping the learner's work (issue 17) in a real browser, in every language: persistent storage
asked for at the first save and reported on "Your data", the backup nudge after the configured
amount of work (and its download importing back to identical data), the restore offer for a
returning learner with empty storage, and moving to another device with a link whose fragment
holds the data: identical data, hostile links refused, the fragment in no request."""
from __future__ import annotations

import json
import zlib
from base64 import urlsafe_b64encode
from pathlib import Path

import pytest
import zxingcpp
from playwright.sync_api import expect

from course.backup import load_backup_settings
from course.data import ui
from course.languages import project_languages
from course.worksheet import prompts
from test_learner_browser import download, export_file, full_data, hostile_files, seed, stored, upload

LANGUAGES = project_languages()
SETTINGS = load_backup_settings()
LESSON, OTHER_LESSON, DATA = "introduction/vision/", "introduction/learn-unlearn-relearn/", "start/your-data/"
PERSIST_SPY = """
window.__persist = [];
if (navigator.storage && navigator.storage.persist) {
  const real = navigator.storage.persist.bind(navigator.storage);
  navigator.storage.persist = () => { window.__persist.push(location.pathname); return real(); };
}
"""


def address(site: dict, language: str, path: str) -> str:
    return site["url"] + ("" if language == LANGUAGES.source else language + "/") + path


def qr_text(tab) -> str | None:
    """What a QR code reader reads from the page's QR code, drawn four pixels per module."""
    width, height, red = tab.evaluate("""() => {
        const canvas = document.querySelector("[data-handoff-qr]");
        if (canvas.hidden) return [0, 0, []];
        const image = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
        return [canvas.width, canvas.height, Array.from(image.data.filter((_, i) => i % 4 === 0))];
    }""")
    if not width:
        return None
    scale = 4
    rows = [bytes(value for value in red[y * width:(y + 1) * width] for _ in range(scale)) for y in range(height)]
    image = memoryview(b"".join(row for row in rows for _ in range(scale))).cast("B", (height * scale, width * scale))
    found = zxingcpp.read_barcodes(image)
    return found[0].text if found else None


def work(data: dict) -> dict:
    """Stored data without the page last visited, which every page view updates."""
    return {**data, "progress": {**data.get("progress", {}), "last": None}}


def link_for(text: bytes) -> str:
    """A handoff fragment made the way the browser makes it: raw deflate, base64url, no padding."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = packer.compress(text) + packer.flush()
    return "#continue=1." + urlsafe_b64encode(data).decode().rstrip("=")


@pytest.mark.parametrize("language", LANGUAGES.all)
def test_persistent_storage_is_asked_at_the_first_save_and_reported(browser, site, language):
    context = browser.new_context()
    context.add_init_script(PERSIST_SPY)
    tab = context.new_page()
    t = ui(language)
    tab.goto(address(site, language, LESSON))
    tab.wait_for_timeout(300)
    assert tab.evaluate("window.__persist") == []  # reading saves nothing and asks nothing
    tab.locator(".course-prompt__input").first.fill("One experiment a quarter")
    tab.wait_for_function("window.__persist.length === 1")
    tab.goto(address(site, language, DATA))
    granted = tab.evaluate("navigator.storage.persisted()")
    box = tab.locator("[data-keep]")
    expect(box.locator("[data-keep-persisted]")).to_have_text(t["keep_persisted_yes"] if granted else t["keep_persisted_no"])
    assert box.locator("[data-keep-backup]").inner_text() == t["keep_never"]
    size = box.locator("[data-keep-stored]").inner_text()
    assert size != t["keep_stored_amount"] and any(ch.isdigit() and ch != "0" for ch in size), size
    download(tab, "[data-export=json]")
    expect(box.locator("[data-keep-backup]")).not_to_have_text(t["keep_never"])
    assert str(tab.evaluate("new Date().getFullYear()")) in box.locator("[data-keep-backup]").inner_text()
    context.close()


def work_prompts(count: int) -> dict:
    """`count` filled action-plan answers, of prompts that exist."""
    ids = sorted(prompts(LANGUAGES.all))[:count]
    return {"version": 1, "answers": {prompt: f"Answer {n}" for n, prompt in enumerate(ids)}}


@pytest.mark.parametrize("language", LANGUAGES.all)
def test_the_backup_nudge_shows_after_the_configured_work_once_and_its_file_imports_back(browser, site, language):
    context = browser.new_context()
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    t = ui(language)
    before = int(SETTINGS["work"] / SETTINGS["units"]["prompt"]) - 1  # one prompt short of the nudge
    tab.goto(address(site, language, OTHER_LESSON))
    seed(tab, {"worksheet": work_prompts(before)})
    tab.goto(address(site, language, OTHER_LESSON))
    tab.wait_for_timeout(300)
    assert tab.locator("[data-course-nudge]").count() == 0
    field = tab.locator(".course-prompt__input").first
    field.fill("The one that makes it enough")  # the learner writes one more
    tab.wait_for_timeout(300)
    tab.goto(address(site, language, LESSON))
    nudge = tab.locator("[data-course-nudge]")
    expect(nudge).to_be_visible()
    assert nudge.locator("p").first.inner_text() == t["backup_nudge_first"]
    assert nudge.get_attribute("role") == "status"  # told, never in the way: no dialog, no focus taken
    assert tab.evaluate("document.activeElement === document.body")
    # not on every page: once in a visit
    tab.goto(address(site, language, OTHER_LESSON))
    tab.wait_for_timeout(300)
    assert tab.locator("[data-course-nudge]").count() == 0
    # a new visit shows it again, and its one button downloads the backup
    visit = context.new_page()
    visit.goto(address(site, language, LESSON))
    data_before = stored(visit)
    name, text = download(visit, f"[data-course-nudge] button >> text={t['backup_nudge_download']}")
    assert name == t["export_file_data"].replace("{date}", json.loads(text)["exported"][:10])
    # the backup counts: no nudge in the next visit
    again = context.new_page()
    again.goto(address(site, language, LESSON))
    again.wait_for_timeout(300)
    assert again.locator("[data-course-nudge]").count() == 0
    # the file imports back to identical data in a browser that lost everything
    fresh = browser.new_context().new_page()
    fresh.goto(address(site, language, DATA))
    upload(fresh, "[data-import-file]", [(name, text.encode())])
    fresh.click("[data-import-apply]")
    assert stored(fresh) == data_before
    fresh.context.close()
    assert errors == []
    context.close()


def test_dismissing_the_nudge_keeps_it_away_until_as_much_work_again(browser, site):
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(site["url"] + LESSON)
    seed(tab, {"worksheet": work_prompts(int(SETTINGS["work"] / SETTINGS["units"]["prompt"]))})
    tab.goto(site["url"] + OTHER_LESSON)
    tab.click(f"[data-course-nudge] button >> text={ui('en')['backup_nudge_dismiss']}")
    assert tab.locator("[data-course-nudge]").count() == 0
    later = context.new_page()
    later.goto(site["url"] + LESSON)
    later.wait_for_timeout(300)
    assert later.locator("[data-course-nudge]").count() == 0
    context.close()


@pytest.mark.parametrize("language", LANGUAGES.all)
def test_restore_is_offered_to_a_returning_learner_with_empty_storage_not_to_a_new_one(browser, site, language):
    t = ui(language)
    new = browser.new_context().new_page()
    new.goto(address(site, language, LESSON))
    new.wait_for_timeout(500)
    assert new.locator("[data-course-restore]").count() == 0
    new.context.close()
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(address(site, language, LESSON))
    tab.locator(".course-prompt__input").first.fill("My ambition")
    # the browser keeps its note of a returning learner (Cache Storage, written after the save)
    assert tab.evaluate("""async () => {
        for (let i = 0; i < 150; i++) {
            if ((await caches.keys()).some((name) => name.startsWith('course-learner:'))) return true;
            await new Promise((done) => setTimeout(done, 100));
        }
        return false;
    }""")
    tab.goto(address(site, language, OTHER_LESSON))
    tab.wait_for_timeout(300)
    assert tab.locator("[data-course-restore]").count() == 0  # the work is still there
    tab.evaluate("localStorage.clear()")  # as the browser does when it clears the site's storage
    tab.goto(address(site, language, OTHER_LESSON))
    offer = tab.locator("[data-course-restore]")
    expect(offer).to_be_visible(timeout=15000)
    assert offer.locator("p").first.inner_text() == t["restore_offer"]
    offer.get_by_role("link", name=t["restore_link"]).click()
    tab.wait_for_url(address(site, language, DATA) + "#data-import")
    expect(tab.locator("[data-import-file]")).to_be_visible()  # instant navigation renders after the address
    context.close()


@pytest.mark.parametrize("language", LANGUAGES.all)
def test_a_link_made_in_one_browser_imports_identical_data_in_another_and_is_never_sent(browser, site, language, capsys):
    t = ui(language)
    one = browser.new_context().new_page()
    one.goto(address(site, language, DATA))
    data = full_data(one)
    one.click("[data-handoff-make]")
    field = one.locator("[data-handoff-link]")
    expect(field).to_be_visible()
    link = field.input_value()
    with capsys.disabled():
        print(f"\nhandoff link, {language}, every section filled: {len(link)} characters")
    assert link.startswith(address(site, language, DATA) + "#continue=1.")
    assert one.locator("[data-handoff-size]").inner_text() == t["handoff_size"].replace("{count}", str(len(link)))
    assert t["handoff_warning"] in one.locator("[data-course-handoff]").inner_text()
    # the QR code drawn in the page reads back as the link (zxing-cpp, as a phone's camera would)
    assert qr_text(one) == link
    one.context.close()

    other = browser.new_context()
    requests = []
    other.on("request", lambda request: requests.append(request.url))
    tab = other.new_page()
    tab.goto(link)
    expect(tab.locator("[data-import-review]")).to_be_visible()
    assert tab.locator("[data-import-message]").inner_text() == t["handoff_arrived"]
    assert "#" not in tab.url  # the data left the address bar at once
    assert set(stored(tab)) <= {"language", "progress"}  # no work of the link before the learner confirms
    tab.click("[data-import-apply]")
    assert tab.locator("[data-import-message]").inner_text() == t["data_import_done"]
    assert stored(tab) == data
    payload = link.split("#", 1)[1]
    assert requests and [url for url in requests if "continue=" in url or payload[12:40] in url] == []
    other.close()


def test_hostile_tampered_and_truncated_links_are_refused_and_change_nothing(page, site):
    refused_file = ui("en")["import_error"].split("{reason}")[0]
    refused_link = ui("en")["handoff_error"].split("{reason}")[0]
    broken = refused_link + ui("en")["import_reason_link-broken"]
    good = link_for(export_file({"worksheet": {"version": 1, "answers": {"start-role": "Other device"}}}))
    cases = [(name, link_for(content), message.replace(refused_file, refused_link)) for name, content, message in hostile_files()]
    cases += [("truncated", good[:-6], broken), ("tampered", good[:20] + ("A" if good[20] != "A" else "B") + good[21:], broken),
              ("not base64", "#continue=1.<script>", broken), ("empty", "#continue=1.", broken),
              ("other version", good.replace("#continue=1.", "#continue=9."), None)]
    page.goto(site["url"] + DATA)
    before = full_data(page)
    for name, fragment, message in cases:
        tab = page.context.new_page()  # as the link is opened: a page load with the fragment
        tab.on("pageerror", lambda error: page.errors.append(str(error)))
        tab.goto(site["url"] + DATA + fragment)
        shown = tab.locator("[data-import-message]")
        if message is None:  # not a course link at all: the page just opens
            tab.wait_for_timeout(300)
            assert shown.is_hidden(), name
        else:
            expect(shown, name).to_be_visible()
            assert shown.inner_text().startswith(message), (name, shown.inner_text())
        assert not tab.locator("[data-import-review]").is_visible(), name
        assert work(stored(tab)) == work(before), name
        assert tab.evaluate("() => [window.__pwned, ({}).polluted, document.querySelectorAll('img[src=x]').length]") == [None, None, 0]
        tab.close()
    assert page.evaluate("() => [window.__pwned, ({}).polluted, document.querySelectorAll('img[src=x]').length]") == [None, None, 0]
    assert page.errors == []


def test_data_too_large_for_a_link_is_said_and_the_file_offered(page, site):
    page.goto(site["url"] + DATA)
    # random text does not compress: 50 prompts of 2,000 characters
    seed(page, {"worksheet": {"version": 1, "answers": page.evaluate("""ids => Object.fromEntries(ids.map(id =>
        [id, Array.from(crypto.getRandomValues(new Uint8Array(2000)), b => String.fromCharCode(48 + b % 64)).join("")]))""",
        sorted(prompts(LANGUAGES.all))[:50])}})
    page.click("[data-handoff-make]")
    expect(page.locator("[data-handoff-message]")).to_have_text(ui("en")["handoff_too_large"])
    assert page.locator("[data-handoff-result]").is_hidden()


def test_with_storage_blocked_the_your_data_page_and_the_handoff_still_work(browser, site):
    context = browser.new_context()
    context.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };")
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(site["url"] + LESSON)
    tab.locator(".course-prompt__input").first.fill("Kept in the page")
    tab.goto(site["url"] + DATA)
    tab.click("[data-handoff-make]")
    expect(tab.locator("[data-handoff-link]")).to_be_visible()
    assert "storage for this site is full" in tab.locator("[data-course-notices]").inner_text()
    assert tab.locator("[data-course-notices]").count() == 1  # said once
    assert errors == []
    context.close()
