"""The delay an overloaded server gives the callers it refuses: from the words ahead, the
recent parse speed and the callers already told to come back."""

from __future__ import annotations

import pytest

from quoteattr_server.nlp.pushback import MAX_DELAY, MIN_DELAY, Pushback


def test_the_delay_is_the_work_ahead_at_the_parse_speed_over_the_lanes() -> None:
    pushback = Pushback(seconds_per_word=0.004, words=500)

    # 3,500 words ahead plus the caller's own 500, at 4 ms a word, over 2 lanes.
    assert pushback.delay(3_500, 2, now=0.0) == pytest.approx(8.0)


def test_callers_refused_together_are_told_to_come_back_one_after_another() -> None:
    pushback = Pushback(seconds_per_word=0.004, words=500)

    delays = [pushback.delay(1_000, 2, now=0.0) for _ in range(4)]

    assert delays == pytest.approx([3.0, 4.0, 5.0, 6.0])


def test_a_caller_counts_as_waiting_only_until_its_time_comes() -> None:
    pushback = Pushback(seconds_per_word=0.004, words=500)
    first = pushback.delay(1_000, 2, now=0.0)

    assert pushback.delay(1_000, 2, now=first - 0.1) > first  # still waiting: ahead of it
    assert pushback.delay(1_000, 2, now=100.0) == pytest.approx(first)  # all due: none ahead


def test_the_speed_and_the_usual_size_follow_what_was_parsed() -> None:
    pushback = Pushback(seconds_per_word=0.004, words=500)
    before = pushback.delay(0, 1, now=0.0)

    for _ in range(20):
        pushback.batch_parsed(words=1_000, seconds=1.0)  # 1 ms a word
        pushback.document_seen(2_000)

    assert pushback.seconds_per_word == pytest.approx(0.001, rel=0.01)
    assert pushback.delay(0, 1, now=100.0) == pytest.approx(2.0, rel=0.02)
    assert before == pytest.approx(2.0)


def test_a_running_batch_slower_than_usual_slows_the_estimate() -> None:
    pushback = Pushback(seconds_per_word=0.001, words=500)

    assert pushback.delay(500, 1, now=0.0, slowest=0.004) == pytest.approx(4.0)


@pytest.mark.parametrize(("backlog", "expected"), [(0, MIN_DELAY), (10_000_000, MAX_DELAY)])
def test_the_delay_stays_within_its_bounds(backlog: int, expected: float) -> None:
    pushback = Pushback(seconds_per_word=0.0001, words=1)

    assert pushback.delay(backlog, 1, now=0.0) == expected
