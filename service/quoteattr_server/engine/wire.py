"""engine.wire: the furniture of wire copy that is neither speech nor speaker.

Agency copy opens with a dateline ("BRUSSELS (Reuters) -", "LONDON, March 3 (AP) —",
"WASHINGTON —", "Washington (CNN) --", "(CNN) —", "Mumbai: ...") and carries credit lines
("By Jane Doe, Associated Press", "(Reporting by Jane Doe; Editing by John Roe)", "Follow Jane
Doe on Twitter @jdoe"); web pages pasted as text carry captions ("Image caption, ...") and
links to other stories ("READ MORE: ...").
Read as a sentence, a dateline city becomes the subject of the lede and so its speaker. These
spans are found on the text itself, before any parse, so that the parser can be given a copy
with them blanked out.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable

from quoteattr_server.engine.lexicon import packaged_data
from quoteattr_server.engine.types import AttributionResult, Quote, Span

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# "March 3", "Jan. 5, 2026", and day first as British and Indian copy writes it: "3 March 2026".
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s*\d{{4}})?"
# "(Reuters)", "(dpa)", "(PTI)", and the slashes of press-release services: "/PRNewswire/".
_AGENCY = (
    r"(?:\((?:[A-Za-z][\w.&'-]*)(?:[ /][A-Z][\w.&'-]*){0,3}\)"
    r"|/[A-Z][\w.&'-]*(?:[ -][A-Z][\w.&'-]*){0,2}/)"
)
# A hyphen is a dash only with space around it ("US-China" is no dateline); long dashes (en, em
# and the horizontal bar some sites print: "PHILADELPHIA ― ...") need none.
_DASH = r"(?:\s+(?:--?)\s+|\s*[\u2013\u2014\u2015]\s*|\s*--\s*)"
# A place in capitals: "BRUSSELS", "NEW YORK", "ST. LOUIS", "WASHINGTON, D.C.", "KYIV, Ukraine".
_CAPS_PLACE = (
    r"[A-Z][A-Z.'\u2019-]+(?:\s+[A-Z][A-Z.'\u2019-]+){0,3}"
    r"(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2})?"
)
# A place in title case only counts with an agency after it: "Washington (CNN) --".
_TITLE_PLACE = r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}(?:,\s*[A-Z][A-Za-z.]+)?"
_DATELINE = re.compile(
    rf"(?:{_CAPS_PLACE})(?:,\s*{_DATE})?(?:\s*{_AGENCY})?{_DASH}"
    rf"|(?:{_TITLE_PLACE})(?:,\s*{_DATE})?\s*{_AGENCY}{_DASH}"
    # An agency credit is dateline enough without a dash: "Kolkata, Feb 4 (PTI) West Bengal".
    rf"|(?:{_CAPS_PLACE}|{_TITLE_PLACE})(?:,\s*{_DATE})?\s*{_AGENCY}\s+"
    # And without a place before a dash: "(CNN) — Firefighters ...".
    rf"|{_AGENCY}{_DASH}"
)
# Forms read only where a dateline stands, at the top of the article: a place in capitals and a
# colon ("NEW DELHI: ..."), and a place in title case with its country ("Nairobi, Kenya - ...").
_TOP_DATELINE = re.compile(
    rf"(?:{_CAPS_PLACE}):\s+"
    rf"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}},\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?{_DASH}"
)
# A place in title case and a colon ("Mumbai: ..."), read at the top only for a place of
# `dateline_places.txt`: a headline names its speaker so too ("Kovac: Harbour Will Stay Open").
_TITLE_COLON_DATELINE = re.compile(r"([A-Z][a-z]+(?:\s+(?:[A-Z][a-z]+|de|es))*):\s+")
# How many paragraphs from the top a dateline of `_TOP_DATELINE`'s forms may open: a headline may
# stand before it.
TOP_DATELINE_PARAGRAPHS = 2
# How many words the lede after a dateline of `_TOP_DATELINE`'s forms has at least; fewer make a
# headline, whose "EXCLUSIVE:" or "AP:" is no dateline.
MIN_LEDE_WORDS = 12
# A lede is news told of others; one opening in the first or second person is a speaker's words
# after their label ("KOVAC: We will not close the harbour ...").
_SPOKEN_OPENINGS = frozenset({"I", "I'm", "I\u2019m", "We", "My", "Our", "You", "Your"})
# A speaker's label opening a transcript paragraph ("GREENBERG: I think ..."), which a colon
# dateline must not be taken for.
_LABEL = re.compile(r"[A-Z][A-Z.'\u2019 -]+:\s")
# "By Jane Doe", "By Jane Doe and John Roe, Associated Press": a whole short paragraph.
_BYLINE = re.compile(
    r"By\s+[A-Z][\w.'\u2019-]+(?:\s+(?:[A-Z][\w.'\u2019-]+|and|&|,|de|van|von|al-?))*"
    r"(?:\s*[,|/]\s*[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*){0,4})?\s*$"
)
# "(Reporting by Jane Doe; Editing by John Roe)" and the like, closing agency copy.
_CREDIT = re.compile(
    r"\(\s*(?:Additional\s+)?(?:Reporting|Writing|Editing|Compiled|Produced)\b[^()]*\)\s*$",
    re.IGNORECASE,
)


# "Follow Jane Doe on Twitter @janedoe", closing web copy (a stray mark before it, too).
_FOLLOW = re.compile(
    r"[\"\u201c]?\s*Follow\s+(?:[A-Z][\w.'\u2019-]*\s+){1,4}on\s+"
    r"(?:Twitter|X|Facebook|Instagram|Threads|Bluesky)\b[^\n]*$"
)


# A picture's or video's caption or credit as web pages print them in the text ("Image caption,
# ...", "Image source, Getty Images", "Media caption, ..."): it repeats or labels, never reports.
_CAPTION = re.compile(
    r"(?:Image|Media|Video|Photo)\s+(?:caption|source|credit)\s*[,:]", re.IGNORECASE
)
# A link to another story ("READ MORE: Council approves ...", "Related: ..."): its headline
# reports nothing of this story.
_STORY_LINK = re.compile(
    r"(?:read\s+(?:more|also|next)|also\s+read|related(?:\s+(?:stories|articles|coverage))?"
    r"|see\s+also|more\s+on\s+this(?:\s+story)?)\s*[:|\u2013\u2014-]",
    re.IGNORECASE,
)


# A live blog's time stamp opening an entry: "2.15pm: ...", "14:05 ...", "10.42am BST - ...",
# or a paragraph of its own ("10 a.m.").
_TIME_STAMP = re.compile(
    r"\d{1,2}(?:[.:]\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:BST|GMT|CET|[ECMP][SD]?T))?"
    r"(?:\s*[:\u2013\u2014-])?\s*"
)


def _dateline_length(
    paragraph: str, stamp: re.Match[str] | None = None, at_top: bool = False
) -> int:
    """How long the dateline (or the time stamp `stamp` already read) opening `paragraph` is."""
    match = _DATELINE.match(paragraph) or stamp
    if match is None and at_top:
        match = _top_dateline(paragraph)
    if match is None:
        return 0
    rest = paragraph[match.end() :]
    # A dateline is followed by the lede itself, which opens with a capital, a digit or a mark.
    if not rest or not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"'\u201c\u2018"):
        return 0
    return match.end()


def _top_dateline(paragraph: str) -> re.Match[str] | None:
    """A dateline of the forms read only at the top of an article, before a lede long enough
    (a headline's kicker or source is none: "EXCLUSIVE: ...", "AP: ...") that is no speaker's
    words after their label."""
    match = _TOP_DATELINE.match(paragraph)
    if match is None:
        match = _TITLE_COLON_DATELINE.match(paragraph)
        if match is not None and match.group(1) not in dateline_places():
            return None
    if match is None:
        return None
    lede = paragraph[match.end() :].split()
    # A known place needs no long lede to tell it from a headline's kicker ("ISLAMABAD: ...").
    place = paragraph[: match.end()].rstrip(" :\t").title()
    short = len(lede) < MIN_LEDE_WORDS and place not in dateline_places()
    if not lede or short or lede[0] in _SPOKEN_OPENINGS:
        return None
    return match


@functools.cache
def dateline_places() -> frozenset[str]:
    """The places of `data/dateline_places.txt` (read once)."""
    lines = (line.strip() for line in packaged_data("dateline_places.txt").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _time_stamp(paragraph: str) -> re.Match[str] | None:
    """A time stamp: a clock time (with its minutes, or "am"/"pm") opening the paragraph."""
    match = _TIME_STAMP.match(paragraph)
    if match is None or not re.search(r"[:.]\d\d|[ap]\.?m", match.group()):
        return None
    return match


def furniture_spans(text: str, paragraphs: Iterable[Span]) -> tuple[Span, ...]:
    """Datelines at the start of a paragraph and credit lines that make a whole paragraph."""
    spans: list[Span] = []
    paragraphs = list(paragraphs)
    bodies = [text[p.start : p.end] for p in paragraphs]
    # In a transcript, where many paragraphs open with a label, a colon opens no dateline.
    labelled = sum(1 for body in bodies if _LABEL.match(body)) > 1
    for number, (paragraph, body) in enumerate(zip(paragraphs, bodies, strict=True)):
        stamp = _time_stamp(body)
        if (
            (stamp is not None and stamp.end() == len(body))
            or _CAPTION.match(body)
            or _STORY_LINK.match(body)
            or (
                len(body) <= 120
                and (_BYLINE.match(body) or _CREDIT.match(body) or _FOLLOW.match(body))
            )
        ):
            spans.append(paragraph)
            continue
        at_top = number < TOP_DATELINE_PARAGRAPHS and not labelled
        length = _dateline_length(body, stamp, at_top)
        if length:
            spans.append(Span(paragraph.start, paragraph.start + len(body[:length].rstrip())))
    return tuple(spans)


def blank_out(text: str, spans: Iterable[Span]) -> str:
    """`text` with every character of `spans` replaced by a space, so offsets stay valid."""
    chars = list(text)
    for span in spans:
        chars[span.start : span.end] = " " * len(span)
    return "".join(chars)


# Sourcing conventions that grant anonymity: never quotes, and they mark the source unnamed.
_ANONYMITY = re.compile(
    r"\b(?:(?:who\s+)?(?:were\s+|was\s+)?(?:speaking|spoke|talking|talked)\s+)?"
    r"on\s+(?:the\s+)?condition\s+(?:of\s+anonymity|that\s+(?:he|she|they|his|her|their)"
    r"[^,.;:]{0,40}?(?:not\s+be\s+(?:named|identified|quoted)|anonymous))"
    r"|\b(?:who|because\s+(?:he|she|they)|as\s+(?:he|she|they))\s+"
    r"(?:asked|requested|declined|refused|wished|wanted|did\s+not\s+want)\s+(?:not\s+)?to\s+be\s+"
    r"(?:named|identified|quoted\s+by\s+name|publicly\s+identified)"
    r"|\b(?:(?:because|as|since)\s+(?:he|she|they)\s+(?:was|were|is|are)\s+|who\s+(?:was|were|is|are)\s+)?"
    r"not\s+(?:authori[sz]ed|permitted|allowed|cleared)\s+to\s+(?:speak|talk|comment|discuss|brief)"
    r"[^,.;:]{0,60}?(?:publicly|on\s+the\s+record|to\s+the\s+(?:media|press)|by\s+name|"
    r"(?=[,.;:]))"
    r"|\b(?:speaking|spoke|talking)\s+(?:anonymously|privately|on\s+background)\b"
    r"|\b(?:who|because\s+(?:he|she|they)|as\s+(?:he|she|they))\s+(?:asked|requested)\s+"
    r"that\s+(?:(?:his|her|their)\s+(?:(?:(?:last|full|first|family)\s+)?names?|surnames?)"
    r"|he|she|they)\s+"
    r"not\s+be\s+(?:used|published|named|identified|given|disclosed|printed)"
    r"|\b(?:who|because\s+(?:he|she|they)|as\s+(?:he|she|they))\s+(?:did\s+not|didn['\u2019]t)"
    r"\s+want\s+(?:his|her|their)\s+(?:(?:last|full|first|family)\s+)?(?:names?|surnames?)"
    r"\s+(?:used|published|given|disclosed|printed)"
    r"|\b(?:(?:who|because\s+(?:he|she|they)|as\s+(?:he|she|they))\s+)?"
    r"(?:requested|asked\s+for|sought|insisted\s+on|(?:was|were)\s+(?:granted|given|promised))"
    r"\s+anonymity\b(?:\s+to\s+(?:speak|talk|discuss|describe|comment)"
    r"(?:\s+(?!(?:said|says|told|tells|added|adds)\b)[^\s,.;:]+){0,8}?(?=[,.;:]|\s+(?:said|says|told|tells|added|adds)\b))?",
    re.IGNORECASE,
)


def anonymity_spans(text: str) -> tuple[Span, ...]:
    """ "speaking on condition of anonymity", "who asked not to be named", "not authorized to
    speak publicly", "who requested anonymity to discuss ...": the phrases by which an article
    grants a source anonymity."""
    return tuple(Span(m.start(), m.end()) for m in _ANONYMITY.finditer(text))


def without_anonymity_grants(result: AttributionResult, text: str) -> AttributionResult:
    """`result` without quotes whose content is a phrase granting anonymity ("speaking on
    condition of anonymity" is how a source was heard, not what it said)."""
    grants = anonymity_spans(text)
    if not grants:
        return result
    kept = tuple(
        quote
        for quote in result.quotes
        if not any(
            grant.overlaps(quote.span)
            and 2 * (min(grant.end, quote.span.end) - max(grant.start, quote.span.start))
            >= len(quote.span)
            for grant in grants
        )
    )
    return result.with_quotes(kept)


# The article speaking of itself in a correction: `A previous version of this article said ...`.
_ARTICLE_ITSELF = re.compile(
    r"(?:an?|the)\s+(?:previous|earlier|original|prior)\s+version\s+of\s+this\s+"
    r"(?:article|story|report|post|piece)",
    re.IGNORECASE,
)


def without_corrections(result: AttributionResult) -> AttributionResult:
    """`result` without what a correction says an earlier version of the article said: the
    article's own error, not a source's words."""
    wrong = {s.id for s in result.speakers if _ARTICLE_ITSELF.fullmatch(s.name.strip())}
    if not wrong:
        return result
    return result.with_quotes(tuple(q for q in result.quotes if q.speaker_id not in wrong))


def without_implausible_speakers(
    result: AttributionResult,
    not_speakers: frozenset[str],
    time_words: frozenset[str] = frozenset(),
) -> AttributionResult:
    """Quotes whose speaker is no one who can speak ("anybody", "Friday", "Mr.", "Twitter",
    a relative pronoun no noun was found for, a time: "these days") keep an empty speaker
    rather than a wrong one; such speakers leave the list."""
    wrong = {
        speaker.id
        for speaker in result.speakers
        if speaker.name.lower().strip(" .,") in not_speakers
        or speaker.name.lower() in not_speakers
        or _a_time(speaker.name, time_words)
    }
    if not wrong:
        return result
    return result.with_quotes(tuple(_without(quote, wrong) for quote in result.quotes))


# Words that point at a time before its noun: "these days", "last week", "that morning".
_TIME_POINTERS = frozenset(
    {"the", "this", "that", "these", "those", "last", "next", "recent", "earlier", "later"}
)


def _a_time(name: str, time_words: frozenset[str]) -> bool:
    """A name that is a time, its noun in lower case ("these days", "Last week"; "The Times"
    is a newspaper)."""
    words = name.split()
    return (
        bool(words)
        and words[-1].islower()
        and words[-1] in time_words
        and all(w.lower() in _TIME_POINTERS for w in words[:-1])
    )


def _without(quote: Quote, wrong: set[str]) -> Quote:
    """The quote without the speakers in `wrong`: one said with others goes to the first of
    them; one said by no one else keeps an empty speaker."""
    speakers = [s for s in (quote.speaker_id, *quote.co_speaker_ids) if s is not None]
    kept = [s for s in speakers if s not in wrong]
    if kept == speakers:
        return quote
    if not kept:
        return dataclasses.replace(quote, speaker_id=None, mention=None, co_speaker_ids=())
    return dataclasses.replace(quote, speaker_id=kept[0], co_speaker_ids=tuple(kept[1:]))
