"""Whatever a CMS holds, through the real server: a correct result, or INVALID_ARGUMENT with a
message a person can act on. A correct result here means every offset slices the text as sent
to exactly the text the response reports, and a plain quote inside the mess is still found."""

from __future__ import annotations

import random
from collections.abc import Callable

import grpc
import pytest

from quoteattr.v1 import quoteattr_pb2 as pb
from quoteattr.v1 import quoteattr_pb2_grpc
from quoteattr_server.transport.validation import Limits, check_text

StartServer = Callable[..., str]

KOVAC = '"The bridge will close in May," said Mayor Ana Kovac.'
QUOTE = '"The bridge will close in May,"'
CALL_SECONDS = 180  # bound on each call: some of these parse thousands of words


def attribute(stub: quoteattr_pb2_grpc.QuoteAttributionStub, text: str) -> pb.AttributeResponse:
    response: pb.AttributeResponse = stub.Attribute(
        pb.AttributeRequest(text=text), timeout=CALL_SECONDS
    )
    return response


def assert_offsets_hold(text: str, response: pb.AttributeResponse) -> None:
    """Every span of the response slices `text` to the text the response gives for it."""
    for quote in response.quotes:
        assert text[quote.span.start : quote.span.end] == quote.text
        for piece in quote.pieces:
            assert quote.span.start <= piece.start <= piece.end <= quote.span.end
        for part in (quote.cue, quote.mention):
            assert text[part.span.start : part.span.end] == part.text
    for speaker in response.speakers:
        for item in (*speaker.roles, *speaker.mentions):
            assert text[item.span.start : item.span.end] == item.text


def speakers_of(response: pb.AttributeResponse, quote_text: str) -> list[str]:
    names = {s.id: s.name for s in response.speakers}
    return [names.get(q.speaker_id, "") for q in response.quotes if q.text == quote_text]


VOCABULARY = ("the", "council", "said", "budget", "would", "grow", "river", "city", "people")


def words(count: int, *, seed: int = 7) -> str:
    """`count` words without punctuation, the same for the same seed."""
    chooser = random.Random(seed)
    return " ".join(chooser.choice(VOCABULARY) for _ in range(count))


# Texts that must come back attributed: (text, the quote that must still be found in it).
ACCEPTED = {
    "control-characters": (
        "Budget\x00 talks\x1b[0m resumed\x07 on Monday.\x0c\n"
        f"{KOVAC}\n\x7fThe council\u0085 met\u2028 again.",
        QUOTE,
    ),
    "nul-inside-the-quote": ('"The bridge\x00 will close," said Mayor Ana Kovac.', None),
    # Tags are text too: the quote is found with its offsets, the speaker is the engine's call.
    "html-fragment": (
        '<div class="story"><p>&ldquo;Prices will rise&rdquo;</p>\n'
        f'<p>{KOVAC}</p><script>var x = "<b>";</script></div>',
        None,
    ),
    "unclosed-quote-mark": (f'{KOVAC}\nThe council said "it would never pay for it.', QUOTE),
    "mixed-scripts": (
        "\u041c\u044d\u0440 \u0433\u043e\u0440\u043e\u0434\u0430 \u0432\u044b\u0441\u0442\u0443"
        "\u043f\u0438\u043b\u0430. \u5e02\u957f\u8bb2\u8bdd\u4e86\u3002 \u0627\u0644\u0639"
        "\u0645\u062f\u0629 \u062a\u062d\u062f\u062b\u062a. \u05e8\u05d0\u05e9 \u05d4\u05e2"
        "\u05d9\u05e8 \u05d3\u05d9\u05d1\u05e8\u05d4. \U0001f309\U0001f44d Zo\u0065\u0308 "
        f"wa\u0301ved.\n{KOVAC} \U0001f600",
        QUOTE,
    ),
    "thousands-of-marks-in-a-run": ('"' * 5_000 + f"\n{KOVAC}", QUOTE),
    "thousands-of-spaced-marks": ('" ' * 2_000 + f"\n{KOVAC}", QUOTE),
    "ten-thousand-words-without-punctuation": (f"{words(10_000)}\n{KOVAC}", QUOTE),
}


@pytest.mark.slow
@pytest.mark.parametrize(("text", "quote"), ACCEPTED.values(), ids=ACCEPTED.keys())
def test_odd_input_gets_a_correct_result(
    stub: quoteattr_pb2_grpc.QuoteAttributionStub, text: str, quote: str | None
) -> None:
    response = attribute(stub, text)

    assert_offsets_hold(text, response)
    if quote is not None:
        assert speakers_of(response, quote) == ["Ana Kovac"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "text is empty or only whitespace"),
        ("\u00a0\u2003\n\t", "text is empty or only whitespace"),
        ("x " * 60_001, "text has 60,001 words; the limit is 60,000"),
        ("y" * 400_001, "text has 400,001 characters; the limit is 400,000"),
    ],
    ids=["empty", "only-whitespace", "too-many-words", "too-many-characters"],
)
def test_input_over_the_contract_is_invalid_argument_saying_why(
    stub: quoteattr_pb2_grpc.QuoteAttributionStub, text: str, message: str
) -> None:
    with pytest.raises(grpc.RpcError) as raised:
        attribute(stub, text)

    assert raised.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert raised.value.details() == message


def test_a_40000_word_transcript_is_within_the_default_limits() -> None:
    transcript = "\n".join(f"SPEAKER {n % 3}: {words(400, seed=n)}." for n in range(100))

    assert check_text(transcript, Limits(max_text_chars=400_000, max_text_words=60_000)) > 40_000


@pytest.mark.slow
def test_a_transcript_past_its_deadline_is_abandoned_and_the_server_goes_on(
    stub: quoteattr_pb2_grpc.QuoteAttributionStub,
) -> None:
    transcript = "\n".join(f"SPEAKER {n % 3}: {words(400, seed=n)}." for n in range(100))

    with pytest.raises(grpc.RpcError) as raised:
        stub.Attribute(pb.AttributeRequest(text=transcript), timeout=2)

    assert raised.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
    # The parse stops at its next chunk, so the next call is answered, and correctly.
    response = attribute(stub, KOVAC)
    assert speakers_of(response, QUOTE) == ["Ana Kovac"]
