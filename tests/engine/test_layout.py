"""engine.layout: the word runs content is cut from."""

from __future__ import annotations

from quoteattr_server.engine.layout import trim_punct

from .rulekit import parsed


def test_a_closing_mark_of_a_pair_inside_the_run_is_kept() -> None:
    # `warned of a 'perfect storm'`: the run's last mark closes the one opened inside it;
    # trimmed, the content read "a 'perfect storm".
    words = parsed("closing_mark_kept").sentences[0].words
    run = trim_punct(words[7:12])
    assert [w.text for w in run] == ["a", "'", "perfect", "storm", "'"]
    # A mark with no partner inside the run, and the sentence's stop, still go.
    assert [w.text for w in trim_punct(words[9:12])] == ["perfect", "storm"]
    assert [w.text for w in trim_punct(words[12:])] == ["this", "winter"]
