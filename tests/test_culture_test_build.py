"""The built test and self-check pages: every statement and question in both languages, same ids."""
from __future__ import annotations

import html
import re

from course.item_bank import load_item_bank
from course.selfchecks import load_self_checks
from html_tools import built_path, parse

TEST_PAGES = ["introduction/learning-culture-test.md", "results/retake-test.md"]


def ids(path) -> list[str]:
    return [attrs["id"] for tag, attrs in parse(path).elements if "id" in attrs]


def text_of(path) -> str:
    return html.unescape(path.read_text(encoding="utf-8"))


def test_every_statement_and_both_questions_in_both_languages_with_identical_ids(site):
    bank = load_item_bank()
    for page in TEST_PAGES:
        english, dutch = built_path(site["dir"], page, "en"), built_path(site["dir"], page, "nl")
        test_ids = [i for i in ids(english) if i.startswith("ct-")]
        assert test_ids == [i for i in ids(dutch) if i.startswith("ct-")]
        for language, path in (("en", english), ("nl", dutch)):
            text = text_of(path)
            for statement in bank.statements:
                assert statement.text[language] in text, f"{path}: statement {statement.id} missing"
                for question in ("reality", "aspiration"):
                    for value in range(1, 7):
                        assert f"ct-{statement.id}-{question}-{value}" in test_ids
            for question in bank.questions.values():
                assert text.count(question[language]) == len(bank.statements)
            for dimension in bank.dimensions:
                assert dimension.title[language] in text


def test_item_bank_text_is_escaped(site):
    page = built_path(site["dir"], TEST_PAGES[0], "en").read_text(encoding="utf-8")
    bank_json = re.search(r"data-bank='([^']*)'", page).group(1)
    assert "<" not in bank_json and ">" not in bank_json


def test_every_self_check_question_and_feedback_in_both_languages(site):
    for module, check in load_self_checks().items():
        page = f"{module}/self-check.md"
        english, dutch = built_path(site["dir"], page, "en"), built_path(site["dir"], page, "nl")
        assert [i for i in ids(english) if i.startswith("sc-")] == [i for i in ids(dutch) if i.startswith("sc-")]
        for language, path in (("en", english), ("nl", dutch)):
            text = " ".join(text_of(path).split())
            for question in check.questions:
                assert " ".join(question.text[language].split()) in text
                for option in question.options:
                    assert " ".join(option.text[language].split()) in text
                    assert " ".join(option.feedback[language].split()) in text


def test_the_rating_form_is_left_out_of_search(site):
    import json
    bank = load_item_bank()
    for index_path, language in ((site["dir"] / "search/search_index.en.json", "en"),
                                 (site["dir"] / "nl/search/search_index.nl.json", "nl")):
        docs = json.loads(index_path.read_text(encoding="utf-8"))["docs"]
        test_pages = [d for d in docs if "learning-culture-test/" in d["location"] or "retake-test/" in d["location"]]
        assert test_pages, "the test pages themselves stay findable"
        text = " ".join(d["text"] for d in test_pages)
        assert bank.labels[-1].text[language] not in text
        assert bank.statements[0].text[language] not in text


def test_each_rating_label_names_its_number_once(site):
    """A rating reads "1 Not at all true": the number once, then its meaning (for screen readers and
    wherever the hidden text shows), never "1 1: Not at all true"."""
    bank = load_item_bank()
    for language in ("en", "nl"):
        page = text_of(built_path(site["dir"], TEST_PAGES[0], language))
        statement = bank.statements[0].id
        for value, label in bank.scale_texts(language):
            match = re.search(rf'<label for="ct-{statement}-reality-{value}">(.*?)</label>', page, re.S)
            words = " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())
            assert words == f"{value} {label}"
