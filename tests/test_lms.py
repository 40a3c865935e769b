"""SCORM packages (`make lms`, course/scorm.py): each zip's manifest validates against the official
IMS/ADL schemas (../shared/schemas/), and in Chromium the package runs inside a test LMS whose SCORM
runtime is scorm-again (npm, pinned): a learner's journey is reported (status, score, progress,
bookmark, session time, suspend data within the version's limit), a relaunch in a fresh browser
with only what the LMS kept brings every answer back at the bookmark, a failing or missing LMS
leaves the course working on this browser's storage with one notice, and no request leaves the
package."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT, free_port, serve
from course.item_bank import load_item_bank
from course.languages import project_languages
from course.worksheet import load_prompts

SCHEMAS = ROOT.parent / "shared" / "schemas"
HARNESS = ROOT / "tests" / "lms"
KINDS = {"scorm12": "12", "scorm2004": "2004"}
LIMITS = {"scorm12": 4096, "scorm2004": 64000}
BANK = load_item_bank()
PROMPTS = load_prompts()
LESSON = "how/eight-levers.html"
# what the LMS keeps from one session for the next (the runtime's persistent elements)
KEPT = {"scorm12": ("cmi.suspend_data", "cmi.core.lesson_location", "cmi.core.lesson_status",
                    "cmi.core.score.raw", "cmi.core.score.min", "cmi.core.score.max"),
        "scorm2004": ("cmi.suspend_data", "cmi.location", "cmi.completion_status", "cmi.success_status",
                      "cmi.progress_measure", "cmi.score.raw", "cmi.score.min", "cmi.score.max", "cmi.score.scaled")}


@pytest.fixture(scope="module")
def packages(tmp_path_factory):
    """Both bilingual packages, built by the command `make lms` runs, unzipped under a web root."""
    out = tmp_path_factory.mktemp("lms")
    result = subprocess.run([sys.executable, "-m", "course.scorm", "--kind", "all", "--language", "all", "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True, env={**__import__("os").environ, "PYTHONPATH": str(ROOT / "hooks")})
    assert result.returncode == 0, result.stderr[-4000:]
    web = out / "web"
    zips = {}
    for kind in KINDS:
        zips[kind] = out / f"learning-culture-bilingual-{kind}.zip"
        with zipfile.ZipFile(zips[kind]) as archive:
            archive.extractall(web / kind)
    shutil.copytree(HARNESS, web / "harness")
    shutil.copy(ROOT / "node_modules/scorm-again/dist/scorm-again.min.js", web / "harness")
    port = free_port()
    server = serve(web, port)
    yield {"web": web, "zips": zips, "url": f"http://127.0.0.1:{port}/"}
    server.shutdown()


def validator(kind: str, tmp_path: Path) -> etree.XMLSchema:
    """The official schema of a SCORM version (1.2 with the W3C xml.xsd: see shared/schemas/README)."""
    folder = tmp_path / kind
    shutil.copytree(SCHEMAS / kind, folder)
    if kind == "scorm12":
        shutil.copy(SCHEMAS / "scorm2004" / "xml.xsd", folder / "ims_xml.xsd")
        root = "imscp_rootv1p1p2.xsd"
    else:
        root = "imscp_v1p1.xsd"
    # the content-packaging schema, with the ADL extensions the manifest uses imported into it
    wrapper = folder / "all.xsd"
    imports = {"scorm12": [("http://www.imsproject.org/xsd/imscp_rootv1p1p2", root),
                           ("http://www.adlnet.org/xsd/adlcp_rootv1p2", "adlcp_rootv1p2.xsd")],
               "scorm2004": [("http://www.imsglobal.org/xsd/imscp_v1p1", root),
                             ("http://www.adlnet.org/xsd/adlcp_v1p3", "adlcp_v1p3.xsd"),
                             ("http://www.adlnet.org/xsd/adlseq_v1p3", "adlseq_v1p3.xsd"),
                             ("http://www.adlnet.org/xsd/adlnav_v1p3", "adlnav_v1p3.xsd"),
                             ("http://www.imsglobal.org/xsd/imsss", "imsss_v1p0.xsd")]}[kind]
    wrapper.write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
                       + "".join(f'<xs:import namespace="{ns}" schemaLocation="{loc}"/>' for ns, loc in imports)
                       + "</xs:schema>", encoding="utf-8")
    return etree.XMLSchema(etree.parse(str(wrapper)))


@pytest.mark.parametrize("kind", KINDS)
def test_the_manifest_is_valid_and_lists_the_whole_package(packages, kind, tmp_path):
    with zipfile.ZipFile(packages["zips"][kind]) as archive:
        names = set(archive.namelist())
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
    schema = validator(kind, tmp_path)
    assert schema.validate(manifest), schema.error_log
    listed = {node.get("href") for node in manifest.iter("{*}file")}
    assert listed == names - {"imsmanifest.xml"}
    resource, = manifest.iter("{*}resource")
    assert resource.get("href") == "launch.html" and "launch.html" in names
    texts = " ".join(manifest.itertext())
    assert "Learning Culture: Change from Within" in texts and "Leercultuur: verandering van binnenuit" in texts
    assert re.fullmatch(r"[0-9a-f]{12}", manifest.get("version"))


def harness(packages: dict, kind: str, fail: str = "") -> str:
    return f"{packages['url']}harness/harness.html?version={KINDS[kind]}&package=/{kind}/" + (f"&fail={fail}" if fail else "")


def course_frame(tab, kind: str, path: str = ""):
    """The course's frame inside the launch page, once it shows `path` (any page when empty)."""
    tab.wait_for_function("""([kind, path]) => { const sco = document.getElementById('sco').contentWindow;
        const course = sco && sco.document.getElementById('lms-course');
        return course && course.contentWindow && course.contentWindow.location.pathname.includes('/' + kind + '/' + path)
            && course.contentWindow.document.readyState === 'complete' && course.contentWindow.CourseLMS; }""",
                          arg=[kind, path])
    return next(frame for frame in tab.frames if f"/{kind}/" in frame.url and "launch.html" not in frame.url
                and frame.url.rstrip("/").endswith(path or frame.url.rstrip("/").split("/")[-1]))


def full_learner_data() -> dict:
    """Everything the certificate asks for, as an export file a learner brings from another device."""
    answers = {s.id: {"reality": 2 + i % 3, "aspiration": 5} for i, s in enumerate(BANK.statements)}
    attempt = {"bank_version": BANK.version, "started": "2026-01-01T10:00:00.000Z", "updated": "2026-01-01T10:30:00.000Z", "answers": answers}
    worksheet = {prompt_id: f"My answer to {prompt_id}." for prompt_id, prompt in PROMPTS.items() if prompt.type in ("short", "long")}
    return {"format": "learning-culture-course", "version": 1, "exported": "2026-01-02T10:00:00.000Z", "data": {
        "culture-test": {"version": 1, "attempts": {"first": attempt}},
        "worksheet": {"version": 1, "answers": worksheet},
        "experiments": {"version": 1, "cards": [{"id": "c1", "what": "Stand-up question", "prediction": "Half speak up",
                                                  "measure": "Count", "who": "", "happened": "", "learned": "", "decision": "", "next": ""}]}}}


def learner_texts(length: int) -> list[str]:
    """Texts as varied as a learner's: consecutive pieces of the course's own lessons (compressing
    one repeated sentence would make the data look far smaller than it is)."""
    words = " ".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs/en/how").glob("*.md"))).split()
    text = " ".join(words)
    return [text[start:start + length] for start in range(0, len(text) - length, length)]


def recorded(tab) -> dict:
    """What the test LMS holds now, flattened, and the calls it saw."""
    return tab.evaluate("() => ({cmi: window.__api.getFlattenedCMI(), record: window.__record})")


@pytest.mark.parametrize("kind", KINDS)
def test_a_learners_journey_is_reported_and_resumes_on_another_device(browser, packages, kind, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    requests, errors = [], []
    tab.on("request", lambda request: requests.append(request.url))
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
    tab.on("response", lambda response: response.status >= 400 and errors.append(f"{response.status} {response.url}"))
    tab.goto(harness(packages, kind))
    home = course_frame(tab, kind, "index.html")
    # progress: every lesson marked done, as a learner would on each lesson (the map lists them)
    lessons = home.evaluate("() => CourseMilestones.courseMap().modules.flatMap(m => m.pages.filter(p => p.lesson).map(p => p.id))")
    home.goto(home.url.replace("index.html", LESSON))
    lesson = course_frame(tab, kind, LESSON)
    lesson.fill("#prompt-how-levers", "Leaders go first at the Monday stand-up.")
    lesson.click("[data-done-button]")
    # the rest of the work arrives as the learner's export file from another device
    data = full_learner_data()
    data["data"]["progress"] = {"version": 1, "done": {page: "2026-01-03T10:00:00.000Z" for page in lessons}}
    data["data"]["worksheet"]["answers"]["how-levers"] = "Leaders go first at the Monday stand-up."
    lesson.goto(lesson.url.replace(LESSON, "start/your-data.html"))
    transfer = course_frame(tab, kind, "start/your-data.html")
    transfer.set_input_files("[data-import-file]", files=[{"name": "mine.json", "mimeType": "application/json",
                                                          "buffer": json.dumps(data).encode()}])
    transfer.click("[data-import-apply]")
    # a self-check, answered and checked
    transfer.goto(transfer.url.replace("start/your-data.html", "why/self-check.html"))
    check = course_frame(tab, kind, "why/self-check.html")
    for question in check.locator("[data-question]").all():
        question.locator("input").first.check()
    check.click("[data-check]")
    score = check.evaluate("() => { const m = CourseLearner.load('self-checks').modules.why; return [m.score, m.total]; }")
    check.goto(check.url.replace("why/self-check.html", LESSON))
    course_frame(tab, kind, LESSON)
    tab.wait_for_timeout(1500)  # the learner's data is handed over a second after the last change
    tab.evaluate("() => document.getElementById('sco').remove()")  # the LMS closes the course
    tab.wait_for_function("() => window.__record.finished === 1")
    lms = recorded(tab)
    cmi, record = lms["cmi"], lms["record"]
    assert record["initialized"] == 1 and record["finished"] == 1
    assert 1 <= record["commits"] <= 8, "commits are throttled"
    raw = round(100 * score[0] / score[1])
    if kind == "scorm12":
        assert cmi["cmi.core.lesson_status"] == "completed"
        assert cmi["cmi.core.lesson_location"] == LESSON
        assert cmi["cmi.core.exit"] == "suspend"
        assert re.fullmatch(r"\d{4}:\d{2}:\d{2}", [v for k, v in record["sets"] if k == "cmi.core.session_time"][-1])
        assert cmi["cmi.core.score.raw"] == str(raw)
    else:
        assert (cmi["cmi.completion_status"], cmi["cmi.success_status"]) == ("completed", "passed")
        assert cmi["cmi.location"] == LESSON and float(cmi["cmi.progress_measure"]) == 1
        assert cmi["cmi.exit"] == "suspend"
        assert re.fullmatch(r"PT\d+H\d+M\d+S", [v for k, v in record["sets"] if k == "cmi.session_time"][-1])
        assert float(cmi["cmi.score.scaled"]) == pytest.approx(raw / 100, abs=0.01)
    # the test's answers are the learner's own reflection: not reported unless switched on
    assert not [key for key, _ in record["sets"] if key.startswith("cmi.interactions")]
    suspend = cmi["cmi.suspend_data"]
    assert suspend.startswith("z1:") and len(suspend) <= LIMITS[kind]
    assert all(url.startswith(packages["url"]) for url in requests), [u for u in requests if not u.startswith(packages["url"])]
    assert errors == []
    context.close()

    # another device: a fresh browser, and only what the LMS kept
    kept = {key: cmi[key] for key in KEPT[kind] if cmi.get(key) not in (None, "")}
    other = browser.new_context(viewport={"width": 1280, "height": 900})
    other.add_init_script(f"window.__cmi = {json.dumps(kept)};")
    tab = other.new_page()
    tab.goto(harness(packages, kind))
    back = course_frame(tab, kind, LESSON)  # resumed at the bookmark
    assert back.input_value("#prompt-how-levers") == "Leaders go first at the Monday stand-up."
    assert back.evaluate("() => Object.keys(CourseLearner.load('progress').done).length") == len(lessons)
    assert back.evaluate("() => CourseLearner.load('self-checks').modules.why.score") == score[0]
    other.close()


def test_when_the_lms_refuses_the_session_the_course_works_on_this_browser_and_says_so_once(browser, packages):
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(harness(packages, "scorm2004", fail="init"))
    home = course_frame(tab, "scorm2004", "index.html")
    assert home.locator(".course-lms-notice").count() == 1
    assert "could not connect to your learning platform" in home.locator(".course-lms-notice").inner_text()
    home.goto(home.url.replace("index.html", "nl/" + LESSON))
    lesson = course_frame(tab, "scorm2004", "nl/" + LESSON)
    assert lesson.locator(".course-lms-notice").count() == 0  # once per launch
    lesson.fill("#prompt-how-levers", "Lokaal bewaard")
    lesson.wait_for_timeout(300)
    assert lesson.evaluate("() => CourseLearner.load('worksheet').answers['how-levers']") == "Lokaal bewaard"
    assert tab.evaluate("() => window.__record.sets.length") == 0
    context.close()


def test_when_commits_fail_the_learner_is_told_once_and_the_work_stays_in_this_browser(browser, packages):
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(harness(packages, "scorm12", fail="commit"))
    home = course_frame(tab, "scorm12", "index.html")  # the first commit (the bookmark) fails
    home.locator(".course-lms-notice", has_text="did not accept the last save").wait_for()
    home.goto(home.url.replace("index.html", LESSON))
    lesson = course_frame(tab, "scorm12", LESSON)
    lesson.fill("#prompt-how-levers", "Kept here")
    lesson.goto(lesson.url.replace(LESSON, "why/index.html"))
    later = course_frame(tab, "scorm12", "why/index.html")
    assert later.locator(".course-lms-notice").count() == 0  # said once per launch
    assert later.evaluate("() => CourseLearner.load('worksheet').answers['how-levers']") == "Kept here"
    tab.wait_for_function("() => window.__record.commits >= 2", timeout=15000)  # the course keeps trying
    context.close()


def test_without_any_lms_the_package_opens_and_says_in_the_pages_language(browser, packages):
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(packages["url"] + "scorm12/launch.html")
    tab.wait_for_function("() => { const c = document.getElementById('lms-course'); return c && c.contentWindow.CourseLMS; }")
    tab.frame_locator("#lms-course").locator(".course-lms-notice").wait_for()
    assert "platform" in tab.frame_locator("#lms-course").locator(".course-lms-notice").inner_text()
    context.close()


def test_largest_learner_data_against_the_limits_and_what_the_learner_sees_when_it_does_not_fit(browser, packages):
    """Every prompt filled with 300 characters and the test taken twice: sizes measured against both
    limits; in SCORM 1.2 what does not fit is named to the learner, and stays in this browser."""
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(harness(packages, "scorm12"))
    home = course_frame(tab, "scorm12", "index.html")
    answers = {s.id: {"reality": 1 + i % 6, "aspiration": 6 - i % 3} for i, s in enumerate(BANK.statements)}
    attempt = {"bank_version": BANK.version, "started": "2026-01-01T10:00:00.000Z", "updated": "2026-01-01T10:30:00.000Z", "answers": answers}
    big = {"culture-test": {"version": 1, "attempts": {"first": attempt, "retake": attempt}},
           "worksheet": {"version": 1, "answers": dict(zip(
               [pid for pid, p in PROMPTS.items() if p.type in ("short", "long")], learner_texts(300)))}}
    sizes = home.evaluate("""async (sections) => {
        const bridge = window.parent.CourseLMSBridge;
        const full = JSON.stringify(ExportFile.serialise(sections, new Date().toISOString()));
        return {json: full.length, compressed: (await bridge.encode(full)).length};
    }""", big)
    assert sizes["compressed"] < sizes["json"] / 2
    assert sizes["compressed"] > LIMITS["scorm12"] and sizes["compressed"] < LIMITS["scorm2004"]
    home.evaluate("(sections) => CourseLearner.replaceAll(sections) && document.dispatchEvent(new CustomEvent('course:data-replaced'))", big)
    notice = home.locator(".course-lms-notice", has_text="only part of your work")
    notice.wait_for()
    assert "Action plan answers" in notice.inner_text()
    suspend = [v for k, v in tab.evaluate("() => window.__record.sets") if k == "cmi.suspend_data"][-1]
    assert len(suspend) <= LIMITS["scorm12"]
    assert home.evaluate("() => Object.keys(CourseLearner.load('worksheet').answers).length") == len(big["worksheet"]["answers"])
    context.close()


def test_an_organisation_can_switch_on_reporting_the_tests_answers(browser, tmp_path):
    import os

    from conftest import copy_project

    project = copy_project(tmp_path / "project")
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("lms_report_test: false", "lms_report_test: true"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "course.scorm", "--kind", "scorm2004", "--language", "all", "--out", str(tmp_path / "out")],
                            cwd=project, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(project / "hooks")})
    assert result.returncode == 0, result.stderr[-3000:]
    web = tmp_path / "web"
    with zipfile.ZipFile(tmp_path / "out" / "learning-culture-bilingual-scorm2004.zip") as archive:
        archive.extractall(web / "scorm2004")
    shutil.copytree(HARNESS, web / "harness")
    shutil.copy(ROOT / "node_modules/scorm-again/dist/scorm-again.min.js", web / "harness")
    port = free_port()
    server = serve(web, port)
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(f"http://127.0.0.1:{port}/harness/harness.html?version=2004&package=/scorm2004/")
    home = course_frame(tab, "scorm2004", "index.html")
    home.goto(home.url.replace("index.html", "introduction/learning-culture-test.html"))
    test = course_frame(tab, "scorm2004", "introduction/learning-culture-test.html")
    statement = BANK.statements[0].id
    test.locator(f"input[name$='{statement}-reality'][value='2']").check(force=True)
    tab.wait_for_function("() => window.__record.sets.some(([k]) => k.startsWith('cmi.interactions'))")
    sets = dict(tab.evaluate("() => window.__record.sets"))
    assert sets["cmi.interactions.0.id"] == f"first.{statement}.reality"
    assert sets["cmi.interactions.0.learner_response"] == "2"
    context.close()
    server.shutdown()


def test_a_one_language_package_holds_that_language_only_and_runs(browser, tmp_path):
    languages = project_languages()
    language = languages.all[-1]  # the last configured: not the source language, the harder case
    out = tmp_path / "one"
    result = subprocess.run([sys.executable, "-m", "course.scorm", "--kind", "scorm2004", "--language", language,
                             "--out", str(out)], cwd=ROOT, capture_output=True, text=True,
                            env={**__import__("os").environ, "PYTHONPATH": str(ROOT / "hooks")})
    assert result.returncode == 0, result.stderr[-4000:]
    package = out / f"learning-culture-{language}-scorm2004.zip"
    with zipfile.ZipFile(package) as archive:
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
        home = archive.read("index.html").decode("utf-8")
        archive.extractall(tmp_path / "web/scorm2004")
    schema = validator("scorm2004", tmp_path)
    assert schema.validate(manifest), schema.error_log
    names = site_names()
    texts = " ".join(manifest.itertext())
    assert names[language] in texts
    assert not [other for other in languages.all if other != language and names[other] in texts]
    assert f'<html lang="{language}"' in home and "hreflang=" not in home.split("data-course-alternates")[1][:200]
    assert not (tmp_path / f"web/scorm2004/{language}").exists(), "the package's language sits at its root"
    shutil.copytree(HARNESS, tmp_path / "web/harness")
    shutil.copy(ROOT / "node_modules/scorm-again/dist/scorm-again.min.js", tmp_path / "web/harness")
    port = free_port()
    server = serve(tmp_path / "web", port)
    try:
        tab = browser.new_page()
        tab.goto(harness({"url": f"http://127.0.0.1:{port}/"}, "scorm2004"))
        frame = course_frame(tab, "scorm2004", "index.html")
        assert frame.evaluate("() => document.documentElement.lang") == language
        frame.goto(frame.url.replace("index.html", LESSON))
        lesson = course_frame(tab, "scorm2004", LESSON)
        lesson.click("[data-done-button]")
        tab.evaluate("() => document.getElementById('sco').remove()")
        tab.wait_for_function("() => window.__record.finished === 1")
        assert recorded(tab)["cmi"]["cmi.location"] == LESSON
        tab.close()
    finally:
        server.shutdown()


def site_names() -> dict[str, str]:
    """The site's name in every configured language (the i18n plugin's languages in mkdocs.yml)."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return {entry.locale: entry.site_name or config.site_name for entry in config.plugins["i18n"].config.languages}
