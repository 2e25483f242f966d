"""The client's result types: what a person reads of a quote."""

from __future__ import annotations

from quoteattr.v1 import quoteattr_pb2 as pb
from quoteattr_client import Quote, QuoteKind, Span, result_from_proto


def _quote(text: str, start: int, pieces: tuple[Span, ...]) -> Quote:
    span = Span(start, start + len(text))
    return Quote(text, span, QuoteKind.DIRECT, None, None, None, 0.9, "subject of cue", pieces)


def test_a_quote_in_one_piece_reads_as_its_text() -> None:
    assert _quote('"We will rebuild."', 10, ()).words == '"We will rebuild."'


def test_a_broken_quote_reads_as_its_pieces_without_the_attribution() -> None:
    text = '"We will rebuild," she said, "but not this year."'
    first = Span(100, 100 + len('"We will rebuild,"'))
    second_start = 100 + text.index('"but')
    second = Span(second_start, 100 + len(text))
    quote = _quote(text, 100, (first, second))
    assert quote.words == '"We will rebuild," \u2026 "but not this year."'


def test_co_speakers_are_read_from_the_response_in_written_order() -> None:
    message = pb.AttributeResponse(
        quotes=[
            pb.Quote(
                text="the port would close",
                span=pb.Span(start=40, end=60),
                kind=pb.QUOTE_KIND_REPORTED,
                speaker_id="s1",
                co_speaker_ids=["s3", "s2"],
            )
        ],
        speakers=[
            pb.Speaker(id="s1", name="Tomas Ruiz", kind=pb.SPEAKER_KIND_PERSON),
            pb.Speaker(id="s2", name="Ana Kovac", kind=pb.SPEAKER_KIND_PERSON),
            pb.Speaker(id="s3", name="Lena Berg", kind=pb.SPEAKER_KIND_PERSON),
        ],
    )
    result = result_from_proto(message)
    (quote,) = result.quotes
    assert quote.co_speaker_ids == ("s3", "s2")
    assert [s.name for s in result.co_speakers(quote)] == ["Lena Berg", "Ana Kovac"]


def test_who_said_it_reads_as_everyone_who_said_it() -> None:
    speakers = [
        pb.Speaker(id="s1", name="Tomas Ruiz"),
        pb.Speaker(id="s2", name="Ana Kovac"),
        pb.Speaker(id="s3", name="Lena Berg"),
    ]

    def names(speaker_id: str, co: list[str]) -> str:
        quote = pb.Quote(
            text="x",
            span=pb.Span(end=1),
            kind=pb.QUOTE_KIND_DIRECT,
            speaker_id=speaker_id,
            co_speaker_ids=co,
        )
        result = result_from_proto(pb.AttributeResponse(quotes=[quote], speakers=speakers))
        return result.speaker_names(result.quotes[0])

    assert names("s1", []) == "Tomas Ruiz"
    assert names("s1", ["s2"]) == "Ana Kovac and Tomas Ruiz"
    assert names("s1", ["s3", "s2"]) == "Lena Berg, Ana Kovac and Tomas Ruiz"
    assert names("", []) == ""
