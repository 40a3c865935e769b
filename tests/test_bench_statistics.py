"""The benchmark's build comparison: the overhead it prints and how far that figure could move."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import build_time  # noqa: E402


def test_a_steady_overhead_is_reported_with_an_interval_that_has_no_room_to_move():
    plain = [1.6, 2.4, 1.7, 2.8, 1.9, 2.2, 1.65]  # a busy machine: runs vary by half, both sides alike
    course = [seconds * 1.04 for seconds in plain]
    low, high = build_time._interval(course, plain)
    assert round(build_time._overhead(course, plain), 4) == 0.04
    assert round(low, 4) == round(high, 4) == 0.04


def test_a_noisy_comparison_gets_an_interval_around_its_overhead_wide_enough_to_show_the_doubt():
    plain = [1.70, 2.60, 1.75, 2.70, 1.80, 2.65, 1.72, 2.55, 1.78, 2.62, 1.74]
    course = [1.85, 2.65, 2.60, 1.80, 1.86, 2.75, 1.80, 2.70, 2.58, 1.83, 1.84]  # some pairs met a load change
    overhead = build_time._overhead(course, plain)
    low, high = build_time._interval(course, plain)
    assert low <= overhead <= high
    assert high - low > 0.05  # not a precise figure: the table must not make it look like one
    assert build_time._interval(course, plain) == (low, high)  # the same runs print the same interval
