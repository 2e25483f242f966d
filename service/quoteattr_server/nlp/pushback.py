"""nlp.pushback: how long a caller the server refuses should wait before it tries again.

The estimate is the time the parser lanes need for the work ahead of the caller: the words
queued and those of the batches being parsed (whole: how far a parse has got is unknown, and
the callers it answers are likely to send again at once), plus a document of the usual size
for each caller refused before it and not yet due back, plus its own, at the recent parse speed
(seconds per word on one lane, smoothed over the last batches, and never faster than a running
batch has shown so far), shared over the running lanes. Each caller refused
is counted until its own time comes, so callers refused together are told to come back one
after another, not all at once.

The server sends it as a `google.rpc.RetryInfo` in the status details of RESOURCE_EXHAUSTED
(see transport.errors); the client library sleeps that long before its retry.
"""

from __future__ import annotations

import threading
import time
from collections import deque

# Before the first batch is timed: one torch thread on a busy machine (an idle one does 2 to 3
# times better). Too long a first delay costs less than too short a one: a caller told to come
# back too early is refused again.
DEFAULT_SECONDS_PER_WORD = 0.005
DEFAULT_WORDS = 500.0
# Weight of the newest batch in the running averages.
_SMOOTHING = 0.3
# Bounds on what a caller is told: never a busy loop, never longer than a call's usual deadline.
MIN_DELAY = 0.1
MAX_DELAY = 60.0


class Pushback:
    """Recent parse speed, document size and the callers told to come back; thread-safe."""

    def __init__(
        self,
        *,
        seconds_per_word: float = DEFAULT_SECONDS_PER_WORD,
        words: float = DEFAULT_WORDS,
    ) -> None:
        self._seconds_per_word = seconds_per_word
        self._words = words
        self._due: deque[float] = deque()  # when each caller refused is due back, in order
        self._lock = threading.Lock()

    @property
    def seconds_per_word(self) -> float:
        return self._seconds_per_word

    def batch_parsed(self, words: int, seconds: float) -> None:
        """One lane parsed `words` words (a whole batch) in `seconds`."""
        if words <= 0 or seconds <= 0:
            return
        with self._lock:
            self._seconds_per_word += _SMOOTHING * (seconds / words - self._seconds_per_word)

    def document_seen(self, words: int) -> None:
        """A document of `words` words arrived (refused or not): the usual size moves."""
        with self._lock:
            self._words += _SMOOTHING * (max(words, 1) - self._words)

    def delay(
        self,
        backlog_words: float,
        lanes: int,
        *,
        now: float | None = None,
        slowest: float = 0.0,
    ) -> float:
        """Seconds a caller refused now should wait, given the words ahead of it in the server;
        the caller is counted as waiting until then. `slowest` is the most seconds per word a
        batch still running has already taken: the speed is taken as at most that."""
        now = time.monotonic() if now is None else now
        with self._lock:
            while self._due and self._due[0] <= now:
                self._due.popleft()
            ahead = backlog_words + (len(self._due) + 1) * self._words
            per_word = max(self._seconds_per_word, slowest)
            seconds = ahead * per_word / max(lanes, 1)
            seconds = min(MAX_DELAY, max(MIN_DELAY, seconds))
            self._due.append(now + seconds)
            # Kept in order of due time: a later, shorter delay (the backlog shrank) goes in
            # its place, so the front is always the next one due.
            if len(self._due) > 1 and self._due[-2] > self._due[-1]:
                self._due = deque(sorted(self._due))
            return seconds
