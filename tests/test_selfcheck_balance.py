"""The self-checks cannot be passed by guessing from the options' form: the right option is not
systematically the longest or in one place, options are of similar length, and most questions ask
the learner to apply an idea rather than recall it. Criteria (per language, over the whole course):

- single choice: the right option is the longest in at most 40% of the questions (chance is 25-33%);
- every question: the shortest option is at least half as long as the longest, so no short straw man
  sits next to a carefully worded answer (and no long answer stands out);
- every question type: right options are on average neither more than 15% longer nor more than 15%
  shorter than wrong ones;
- single choice: no position in the data file holds more than 40% of the right answers (the page
  shuffles options per learner, but without JavaScript they appear in file order);
- more application questions than recall questions, and no learning point tested twice.
"""
from __future__ import annotations

from collections import Counter

import pytest

from course.languages import project_languages
from course.selfchecks import load_self_checks

LANGUAGES = project_languages().all
QUESTIONS = [q for check in load_self_checks().values() for q in check.questions]
SINGLE = [q for q in QUESTIONS if q.type == "single"]


def lengths(question, language):
    return [(len(o.text[language]), o.correct) for o in question.options]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_right_option_is_not_usually_the_longest(language):
    longest_right = [q.id for q in SINGLE if max(lengths(q, language))[1]]
    assert len(longest_right) <= 0.4 * len(SINGLE), f"right option longest in {longest_right}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_options_of_a_question_are_of_similar_length(language):
    uneven = []
    for q in QUESTIONS:
        sizes = [size for size, _ in lengths(q, language)]
        if min(sizes) < 0.5 * max(sizes):
            uneven.append(f"{q.id} ({min(sizes)} against {max(sizes)} characters)")
    assert not uneven, "options differ too much in length: " + ", ".join(uneven)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["single", "multiple"])
def test_right_options_are_as_long_as_wrong_ones_on_average(language, kind):
    right = [size for q in QUESTIONS if q.type == kind for size, correct in lengths(q, language) if correct]
    wrong = [size for q in QUESTIONS if q.type == kind for size, correct in lengths(q, language) if not correct]
    ratio = (sum(right) / len(right)) / (sum(wrong) / len(wrong))
    assert 0.85 <= ratio <= 1.15, f"right {kind}-choice options are {ratio:.2f} times as long as wrong ones"


def test_no_position_holds_most_right_answers():
    positions = Counter(next(i for i, o in enumerate(q.options) if o.correct) for q in SINGLE)
    assert max(positions.values()) <= 0.4 * len(SINGLE), f"right answers per position (0 = first): {dict(positions)}"


def test_more_application_than_recall_and_every_point_once():
    levels = Counter(q.level for q in QUESTIONS)
    assert levels["application"] > levels["recall"], dict(levels)
    points = Counter(q.point for q in QUESTIONS)
    assert [p for p, n in points.items() if n > 1] == []
