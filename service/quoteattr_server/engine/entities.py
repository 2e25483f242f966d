"""engine.entities: who a mention refers to — canonical names, pronouns, roles carried forward.

News names a person in full once ("Alexander Klaskovsky, an independent analyst") and then by
surname or pronoun. Without a coreference model, three rules recover most of it: a name maps to
the earliest longest name in the article that ends with the same word (citron's rule); he/she
maps to the most recent person that was a speaker or a sentence subject nearby; roles found at any
mention of a name belong to its entity and so reach every later quote.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from quoteattr_server.engine.acronyms import expansions, letters_of
from quoteattr_server.engine.layout import Layout, trim_punct
from quoteattr_server.engine.lexicon import Lexicon
from quoteattr_server.engine.roles import (
    ABBREVIATED_TITLES,
    DESCRIPTION_OPENERS,
    FORMER_WORDS,
    NAME_ROLE_RULES,
    ORGANIZATION_CONNECTORS,
    POSSESSIVE_S,
    NameParts,
    RoleSite,
    roles_at,
    split_name,
)
from quoteattr_server.engine.speakers import (
    NAMING_PARTICIPLES,
    description_tail,
    home_preposition,
    is_person_noun,
    mention_words,
    organization_name,
)
from quoteattr_server.engine.types import Sentence, Span, SpeakerKind, TextSpan, Word

PRONOUN_WINDOW_PARAGRAPHS = 3
# How many sentences back a pronoun looks for a person described as a subject, along a chain
# of the same pronoun.
_DESCRIBED_REACH = 3
# The writer of the piece, as the subject of a verb: "I asked", "we met".
_WRITERS = frozenset({"i", "we"})
_THIRD_POSSESSIVES = frozenset({"his", "her", "their"})
# How an unnamed speaker is first described: `a source close to ...`, `one official`.
_INDEFINITE = frozenset({"a", "an", "one", "another"})
# Words after an organisation's head word in its name.
_HEAD_CONNECTORS = ORGANIZATION_CONNECTORS | {"to"}
# Words after a role's head noun: `lawyer for the union`, `head of research at the bank`.
_ROLE_CONNECTORS = frozenset({"of", "for", "at", "in", "with", "from", "to", "on", "who", "which"})
_NAME_PHRASE_RELATIONS = frozenset({"flat", "flat:name", "compound", "nmod:desc", "amod"})


@dataclass(slots=True)
class NameOccurrence:
    """One place where the article writes a proper name outside quotation marks."""

    start: int
    paragraph: int
    text: str
    tokens: tuple[str, ...]
    is_subject: bool
    roles: list[TextSpan] = field(default_factory=list)
    has_title: bool = False
    gender: str | None = None  # stated by an honorific ("Mr.") or a role noun ("spokeswoman")
    # Written in a title-cased line (a headline), where every word looks like a name.
    in_headline: bool = False
    # Written right after "the": `the Daily Ledger`, `The New Yorker` (people's names take none).
    after_article: bool = False
    # Introduced by an organisation's noun: `the newspaper Harbour Herald`, `the union Unite`.
    after_organization_noun: bool = False
    # Someone who can be "he" or "she" here: no possessor (`Mr. Lund's show`) and no modifier of
    # a noun (`a Tomas Ruiz Jr. memorial`).
    names_a_person_here: bool = True
    # Written as a plural (`Kenyans`, `New Zealanders`): a people or a group, not "he" or "she".
    plural: bool = False
    # The age set off right after the name (`Henry Park, 71,`), if one is.
    age: int | None = None
    # Said to be a person where written: an honorific before it (`Dr. Chen`) or an age before or
    # after it (`Twelve-year-old Mia Sorensen`, `Maria Gonzalez, 34,`).
    personal: bool = False


# Quotation marks opening and closing a quotation, as words or characters (``...'' too).
OPENING_MARKS = frozenset({'"', "\u201c", "``", "`", "'", "\u2018"})
CLOSING_MARKS = frozenset({'"', "\u201d", "''", "'", "\u2019"})
# `the 23-year-old`, `the 71-year-old`: a mention by age alone.
_AGE_ONLY = re.compile(r"the \d{1,3}-year-old")
# An age set off right after a name: `Henry Park, 71,`.
_STATED_AGE = re.compile(r", (\d{1,3})(?=[,.;])")


# Rank words a later mention of the post may leave out: `the chief` after `Acting Chief Ana Ruiz`.
_TEMPORARY_RANKS = frozenset({"acting", "interim"})
# Nouns of the top post of whatever body names it: `the UN chief`, `the IMF head`.
_TOP_POST_NOUNS = frozenset({"chief", "head", "boss"})

# Nouns by which news copy cites one unnamed person: `a source close to the talks`, `a person
# familiar with the plans`, `an insider`.
_PEOPLE_AS_SOURCES = frozenset({"source", "person", "insider", "individual"})


def _is_proper_name(name: str) -> bool:
    """A name as names are written: capitalised, and not a description (`A reporter`)."""
    first = name.split(" ", 1)[0]
    return first[:1].isupper() and first.lower() not in _DESCRIPTION_OPENERS


_DESCRIPTION_OPENERS = DESCRIPTION_OPENERS | {"some"}


def _two_described(mention: Sequence[Word], relations: frozenset[str]) -> bool:
    """A description joined by "and" to another with its own determiner or possessor, or two
    relations sharing one (`The mother and father of the boy`, `His wife and daughter`)."""
    return any(
        word.text.lower() == "and"
        and (
            (
                following.upos in ("DET", "PRON")
                and following.text.lower() in _DESCRIPTION_OPENERS | _POSSESSIVE_OPENERS
            )
            or (before.lemma.lower() in relations and following.lemma.lower() in relations)
        )
        for before, word, following in zip(mention, mention[1:], mention[2:], strict=False)
    )


_POSSESSIVE_OPENERS = frozenset({"his", "her", "their", "its"})


def _post_words(role: str) -> set[str]:
    """A role's words, each abbreviated title also as the post it names (`Sen.`: senator)."""
    tokens = _tokens(role)
    return {*tokens, *(ABBREVIATED_TITLES[t] for t in tokens if t in ABBREVIATED_TITLES)}


_WORD_RUN = re.compile(r"[\w'\u2019-]+")


def _tokens(name: str) -> tuple[str, ...]:
    return tuple(part.lower().strip(".,") for part in name.split() if part.strip(".,"))


# Words that join the words of an organisation's name, never a person's.
_LINK_WORDS = frozenset({"of", "for", "and", "the", "&"})


class NameIndex:
    """Every proper name in the article, with the roles stated at each occurrence."""

    def __init__(self, layout: Layout, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._canonical_cache: dict[str, str] = {}
        self._kind_cache: dict[str, SpeakerKind] = {}
        self.occurrences: list[NameOccurrence] = []
        text = layout.doc.text
        body: list[Sentence] = []
        for sentence in layout.sentences:
            headline = title_cased(sentence)
            if not headline:
                body.append(sentence)
            for head in _name_heads(sentence, layout, lexicon):
                mention = organization_name(sentence, mention_words(sentence, head), lexicon)
                for words in _conjunct_mentions(mention):
                    occurrence = self._occurrence(sentence, head, words, headline, text)
                    if occurrence is not None:
                        self.occurrences.append(occurrence)
        self._sentences = layout.sentences
        self._sentence_starts = [sentence.start for sentence in layout.sentences]
        self._text = text
        self._expansions = expansions(
            body,
            [(o.start, o.text) for o in self.occurrences if not o.in_headline],
            text,
        )

    def _occurrence(
        self, sentence: Sentence, head: Word, words: list[Word], headline: bool, text: str
    ) -> NameOccurrence | None:
        """The name `words` write, with the roles and gender stated there; None for no name."""
        lexicon = self._lexicon
        parts = split_name(words, lexicon)
        if not parts.name_words:
            return None
        name = parts.name_text(text)
        place = home_preposition(sentence, parts.name_words[0]) is not None
        occurrence = NameOccurrence(
            start=parts.name_words[0].start,
            paragraph=sentence.paragraph,
            text=name,
            tokens=_tokens(name),
            is_subject=_is_main_subject(sentence, head) and not place,
            has_title=bool(parts.title_words)
            or _heads_as_title(sentence, parts.name_words[0], lexicon),
            in_headline=headline,
            after_article=_after_article(sentence, parts.name_words[0]),
            after_organization_noun=_after_organization_noun(
                sentence, parts.name_words[0], lexicon
            ),
            names_a_person_here=_stands_alone(sentence, parts.name_words[-1]) and not place,
            plural="Number=Plur" in parts.name_words[-1].feats,
            age=_stated_age(text, parts.name_words[-1]),
        )
        occurrence.personal = (
            occurrence.age is not None
            or _written_as_person(words, parts, text)
            or _named_after_person_noun(sentence, parts.name_words[0], lexicon)
        )
        site = RoleSite(text, sentence, head, parts, lexicon)
        occurrence.roles.extend(roles_at(site, NAME_ROLE_RULES))
        occurrence.gender = _stated_gender(
            [w.text for w in _right_before(words, parts.name_words[0])]
            + _honorific_beside(sentence, parts.name_words[0], lexicon)
            + [role.text.split()[-1] for role in occurrence.roles if role.text.split()]
            + _set_off_after(sentence, parts.name_words[0].index),
            lexicon,
        )
        return occurrence

    def names_a_person_at(self, start: int) -> bool:
        """Whether the name written at `start` (if one is) can be a person there."""
        return all(o.names_a_person_here for o in self.occurrences if o.start == start)

    def age_of(self, canonical: str) -> int | None:
        """The age the article states right after a name of `canonical` (`Henry Park, 71,`)."""
        return next(
            (
                o.age
                for o in self.occurrences
                if o.age is not None and self.canonical(o.text) == canonical
            ),
            None,
        )

    def sentences_before(self, offset: int, count: int) -> list[Sentence]:
        """The `count` sentences before the one `offset` lies in, nearest first."""
        index = self.sentence_index_at(offset)
        return [self._sentences[i] for i in range(index - 1, max(-1, index - 1 - count), -1)]

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence `offset` lies in."""
        return self._sentences[max(0, self.sentence_index_at(offset))]

    def sentence_start_at(self, offset: int) -> int:
        """Where the sentence `offset` lies in starts."""
        return self._sentence_starts[max(0, self.sentence_index_at(offset))]

    def sentence_index_at(self, offset: int) -> int:
        """The index of the sentence of the article `offset` lies in."""
        return bisect.bisect_right(self._sentence_starts, offset) - 1

    def canonical(self, name: str) -> str:
        """The earliest longest name in the article that ends with the same word as `name`."""
        cached = self._canonical_cache.get(name)
        if cached is None:
            cached = self._canonical_cache[name] = self._find_canonical(name)
        return cached

    def canonical_at(self, name: str, offset: int) -> str:
        """The canonical name of `name` written at `offset`: when the article names two people
        with this surname ("Ann Lee", "Bill Lee"), or a person and a body named after them
        (`Tomas Ruiz`, `Citizens Alliance for Ruiz`), a bare surname is the person
        named last as a subject before it (else named last), not the first named in the
        article."""
        tokens = _tokens(name)
        if len(tokens) != 1:
            return self.canonical(name)
        written = [o for o in self.occurrences if o.tokens[-1:] == tokens and len(o.tokens) > 1]
        full = [
            o
            for o in written
            if self.kind_of(o.text) is not SpeakerKind.ORGANIZATION
            and not _LINK_WORDS & set(o.tokens)
        ]
        if not full or (len({o.tokens[0] for o in full}) < 2 and len(full) == len(written)):
            return self.canonical(name)
        # `Mr Patel` after `Anil Patel ... his wife, Meena Patel`: not the one of the other gender.
        here = next((o for o in self.occurrences if o.tokens == tokens and offset <= o.start), None)
        gender = here.gender if here is not None else None
        if gender is not None:
            full = [o for o in full if self._gender_of(o.tokens) in (None, gender)]
        written_here = next((o for o in full if self._written_before(o, offset)), None)
        if written_here is not None:
            return self.canonical(written_here.text)  # `Marta Ruiz` parsed as two mentions
        before = [o for o in full if o.start < offset]
        # One the article gives the honorific's gender, if any (`his wife, Meena Patel`).
        before = [o for o in before if gender and self._gender_of(o.tokens) == gender] or before
        # `Bill Ruiz criticised the plan at a rally for his wife Ana Ruiz. ... Ruiz said`: the one
        # last named as a subject, the person the copy is about, before one named in passing.
        subjects = [o for o in before if o.is_subject]
        if subjects:
            return self.canonical(subjects[-1].text)
        # Named only in passing: the one named last in this paragraph or the one before;
        # further back (`Ana Ruiz's campaign ... under former mayor Tomas Ruiz ... Ruiz`), the
        # one the story named first below its headline, whom it is about.
        paragraph = here.paragraph if here is not None else None
        near = [o for o in before if paragraph is not None and 0 <= paragraph - o.paragraph <= 1]
        if near:
            return self.canonical(near[-1].text)
        body = [o for o in before if not o.in_headline] or before
        return self.canonical(body[0].text) if body else self.canonical(name)

    @functools.cached_property
    def _stated_genders(self) -> dict[str, set[str]]:
        """Canonical name -> the genders the article states where it writes the name."""
        stated: dict[str, set[str]] = {}
        for o in self.occurrences:
            if o.gender:
                stated.setdefault(self.canonical(o.text), set()).add(o.gender)
        return stated

    def key_at(self, canonical: str, start: int) -> str:
        """The key of the person a name written at `start` is: its canonical name, apart by
        gender where the article gives the name to both (`Mrs. Patel` and `Mr. Patel`, two
        people of one surname, when no first names tell them apart)."""
        key = canonical.lower()
        if len(self._stated_genders.get(canonical, ())) < 2:
            return key
        here = next((o.gender for o in self.occurrences if o.start == start and o.gender), None)
        return f"{key}#{here}" if here else key

    def _written_before(self, occurrence: NameOccurrence, offset: int) -> bool:
        """The given names of `occurrence` are written right before `offset`, where its
        surname stands."""
        given = occurrence.text.rsplit(" ", 1)[0]
        return self._text[max(0, offset - len(given) - 1) : offset] == given + " "

    def _gender_of(self, tokens: tuple[str, ...]) -> str | None:
        """The one gender the article states for a name, if any."""
        stated = {o.gender for o in self.occurrences if o.tokens == tokens and o.gender}
        return next(iter(stated)) if len(stated) == 1 else None

    def _find_canonical(self, name: str) -> str:
        letters = letters_of(name)
        if letters is not None and letters in self._expansions:
            # `the S.E.C.`, `the FAA`: the organisation the article spells out.
            name = self._expansions[letters]
        tokens = _tokens(name)
        if not tokens:
            return name
        # `Mr. Ruiz` throughout, and once `the first lady, Ana Ruiz`: she is someone else.
        stated = {o.gender for o in self.occurrences if o.tokens == tokens and o.gender}
        best: NameOccurrence | None = None
        for occurrence in self.occurrences:
            if occurrence.tokens[-1:] != tokens[-1:] or not set(tokens) <= set(occurrence.tokens):
                continue
            if len(stated) == 1 and occurrence.gender and occurrence.gender not in stated:
                continue
            # A headline's run of capitals ("Fishermen Slam Ana Kovac") yields to the body's.
            if best is None or _preference(occurrence) > _preference(best):
                best = occurrence
        if len(tokens) == 1 and (best is None or len(best.tokens) == 1):
            best = (
                self._company_of_short_name(tokens[0]) or self._family_name_first(tokens[0]) or best
            )
        return best.text if best is not None and len(best.tokens) >= len(tokens) else name

    def _family_name_first(self, token: str) -> NameOccurrence | None:
        """`Tanaka Hiroshi ... Tanaka said`, `Kim Min-jun ... Kim said`: a name written family
        name first is later called by its first word. Only when one name opens with that word,
        none ends with it, and the article says the name is a person's (a role, a title or a
        gender where it is written, or three words, none a body's nor in capitals: `Kim Jong
        Un`; not `Mexico City` for `Mexico`)."""
        found = {
            o.tokens: o
            for o in self.occurrences
            if len(o.tokens) > 1 and o.tokens[0] == token and not o.in_headline
        }
        if len(found) != 1:
            return None
        occurrence = next(iter(found.values()))
        same = [o for o in self.occurrences if o.tokens == occurrence.tokens]
        # `Kim Jong Un said ... Kim added`: a name of three words, none a body's, is a person's;
        # so is one of two that is a sentence's subject (`Xi Jinping told the congress ...`).
        person = any(o.roles or o.has_title or o.gender or o.personal for o in same) or (
            (
                len(occurrence.tokens) == UNTITLED_FAMILY_FIRST_WORDS
                or (len(occurrence.tokens) == 2 and any(o.is_subject for o in same))
            )
            and not any(self._lexicon.is_organization_head(t) for t in occurrence.tokens)
            and not any(len(w) > 1 and w.isupper() for w in occurrence.text.split())
        )
        organization = self._lexicon.is_organization_head(occurrence.tokens[-1]) or any(
            self._names_organization(role.text) for o in same for role in o.roles
        )  # `Harbour Today, the port's cable channel`
        return occurrence if person and not organization else None

    def _company_of_short_name(self, token: str) -> NameOccurrence | None:
        """`Northwind Energy said ... Northwind said`: copy shortens a company to the word
        before its trade or corporate designator, which is never a surname of its own."""
        best: NameOccurrence | None = None
        for occurrence in self.occurrences:
            if len(occurrence.tokens) < 2 or occurrence.tokens[0] != token:
                continue
            if occurrence.tokens[-1] not in self._lexicon.company_words:
                continue
            if best is None or _preference(occurrence) > _preference(best):
                best = occurrence
        return best

    def roles_of(self, canonical: str) -> list[TextSpan]:
        """Roles stated at any mention resolving to `canonical`, first-stated first."""
        roles: list[TextSpan] = []
        seen: set[str] = set()
        for occurrence in self.occurrences:
            if self.canonical(occurrence.text) != canonical:
                continue
            for role in occurrence.roles:
                if role.text.lower() not in seen:
                    seen.add(role.text.lower())
                    roles.append(role)
        return roles

    def organization_before(self, offset: int, heads: set[str]) -> str | None:
        """The canonical name of the organisation named last before `offset` whose head word is
        one of `heads` (lower-case), written with it capitalised: `the Commission on Harbour
        Safety` for "commission"."""
        for sentence in reversed(self._sentences):
            if sentence.start >= offset:
                continue
            for word in reversed(sentence.words):
                if (
                    word.start >= offset
                    or not word.text[:1].isupper()
                    or word.text.lower() not in heads
                ):
                    continue
                words = organization_name(sentence, mention_words(sentence, word), self._lexicon)
                parts = split_name(words, self._lexicon)
                if word in parts.name_words:
                    canonical = self.canonical(parts.name_text(self._text))
                    if self.head_of(canonical) in heads:
                        return canonical
        return None

    def _names_organization(self, role: str) -> bool:
        """A role headed by an organisation's head word (`Germany's largest union`; not `a
        lawyer for the union`, headed by "lawyer", nor `Harbour Bank Governor`)."""
        tokens = _tokens(role)
        if not tokens or not (tokens[0] in ("the", "a", "an") or role[:1].isupper()):
            return False  # a clause (`heads the dockworkers' union`) says what someone does
        if self._lexicon.is_role_word(tokens[-1]):
            return False  # `Bank of England Governor`: a title after its body's name
        head = _before_connector(tokens, _ROLE_CONNECTORS)
        return head > 0 and self._lexicon.is_organization_head(tokens[head - 1])

    def head_of(self, canonical: str) -> str:
        """The head word of a name, lower-case: its last, or the word before its connector
        (`Federal Bureau of Prisons`, `Alliance to Save Our Ports`)."""
        tokens = _tokens(canonical)
        head = _before_connector(tokens, _HEAD_CONNECTORS)
        return tokens[head - 1] if head > 0 else (tokens[-1] if tokens else "")

    def kind_of(self, canonical: str) -> SpeakerKind:
        """What a name is: a person, an organisation, a group or unknown. Read once per name."""
        cached = self._kind_cache.get(canonical)
        if cached is None:
            cached = self._kind_cache[canonical] = self._find_kind(canonical)
        return cached

    def _find_kind(self, canonical: str) -> SpeakerKind:
        tokens = _tokens(canonical)
        head = self.head_of(canonical)
        if head and self._lexicon.is_organization_head(head):
            return SpeakerKind.ORGANIZATION
        if self._lexicon.is_title(head) and not self._lexicon.is_honorific(head):
            return SpeakerKind.PERSON  # `The Home Secretary said`: a post, held by a person
        related = [o for o in self.occurrences if self.canonical(o.text) == canonical]
        if tokens and (
            tokens[-1].rsplit("-", 1)[-1] in self._lexicon.group_nouns
            or (len(tokens) == 1 and related and all(o.plural for o in related))
        ):
            return SpeakerKind.GROUP  # `African-Americans`, `Kenyans`: never "he" or "she"
        if related and all(o.after_article for o in related):
            return SpeakerKind.ORGANIZATION  # `The Daily Ledger reported`
        if any(o.after_organization_noun for o in related):
            return SpeakerKind.ORGANIZATION  # `the newspaper Harbour Herald`
        if any(self._names_organization(role.text) for o in related for role in o.roles):
            return SpeakerKind.ORGANIZATION  # `Metallbund, the country's largest union,`
        # An honorific or a gendered noun (`Mr Patel`, `spokeswoman`) says a person.
        if (
            any(o.roles or o.has_title or o.gender or o.personal for o in related)
            or len(tokens) >= 2
        ):
            return SpeakerKind.PERSON
        return SpeakerKind.UNKNOWN


# How many words a name written family name first has to be a person's without a title,
# role or gender: `Kim Jong Un` (not `Mexico City`, nor `Ruiz Harbour USA`).
UNTITLED_FAMILY_FIRST_WORDS = 3
# How many words a line needs before its capitals say it is title-cased, and what share of its
# words must be capitalised.
MIN_HEADLINE_WORDS = 4
HEADLINE_CAPITALS_SHARE = 0.8


def _preference(occurrence: NameOccurrence) -> tuple[bool, int]:
    """Which written name is canonical: one of the body before one of a headline, then the
    longest."""
    return not occurrence.in_headline, len(occurrence.tokens)


def title_cased(sentence: Sentence) -> bool:
    """A headline written in title case: nearly every word capitalised, small ones and verbs
    too (`Slam`, `Over The`), not only the words of names."""
    words = [w for w in sentence.words if w.text[:1].isalpha()]
    if len(words) < MIN_HEADLINE_WORDS:
        return False
    capitals = [w for w in words if w.text[:1].isupper()]
    if len(capitals) == len(words):
        return True  # every word capitalised, whatever the tagger made of them
    return len(capitals) >= HEADLINE_CAPITALS_SHARE * len(words) and any(
        w.upos in _NOT_NAME_TAGS for w in capitals[1:]
    )


# Tags of words that are never part of a name; capitalised, they show a title-cased line.
_NOT_NAME_TAGS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "VERB", "AUX", "PRON", "PART"})


def _before_connector(tokens: Sequence[str], connectors: frozenset[str]) -> int:
    """Where a phrase's first connector stands, or its length: the head word is right before
    (`bureau` of `federal bureau of prisons`, `lawyer` of `a lawyer for the union`)."""
    return next((i for i, token in enumerate(tokens) if token in connectors), len(tokens))


def _gathers_people(mention: list[Word], head: Word, lexicon: Lexicon) -> bool:
    """`a group of parents`, `a coalition of unions`: a collective noun with an "of" phrase of
    plural nouns is a group of them, though "group" heads organisations' names too."""
    if head.lemma.lower() not in lexicon.collectives or head.text[:1].isupper():
        return False
    following = [w for w in mention if w.index > head.index]
    if len(following) < 2 or following[0].text.lower() != "of":
        return False
    noun = next((w for w in following[1:] if w.upos in ("NOUN", "PROPN")), None)
    return noun is not None and "Number=Plur" in noun.feats


def _after_organization_noun(sentence: Sentence, first: Word, lexicon: Lexicon) -> bool:
    """The name right after a lower-case organisation's noun: `the newspaper Harbour Herald`."""
    if first.index == 0:
        return False
    before = sentence.words[first.index - 1]
    return (
        before.upos == "NOUN"
        and before.text[:1].islower()
        and lexicon.is_organization_head(before.text, before.lemma)
    )


def _after_article(sentence: Sentence, first: Word) -> bool:
    """The name is written right after "the"."""
    return first.index > 0 and sentence.words[first.index - 1].text.lower() == "the"


def _set_off_after(sentence: Sentence, first: int) -> list[str]:
    """`the first lady, Ana Ruiz`: the noun a name is set off after by a comma (read on
    the surface: the parser makes the name an apposition or a conjunct)."""
    words = sentence.words
    if first < 2 or words[first - 1].text != "," or words[first - 2].upos != "NOUN":
        return []
    return [words[first - 2].text]


def gender_before_name(sentence: Sentence, first: int, lexicon: Lexicon) -> str | None:
    """The gender stated right before a name starting at word `first`: an honorific (`Mrs.`)
    or the noun it is set off after (`the first lady, Ana Ruiz`)."""
    before = [sentence.words[first - 1].text] if first > 0 else []
    return _stated_gender(before + _set_off_after(sentence, first), lexicon)


def _right_before(words: list[Word], name_start: Word) -> list[Word]:
    """The word written right before the name in its mention ("Mrs." of "Mrs. Clinton"), not
    one of another name conjoined before it ("Mr." of "Mr. Ruiz and Ana Kovac")."""
    before = [w for w in words if w.end <= name_start.start]
    return before[-1:]


def _conjunct_mentions(words: list[Word]) -> list[list[Word]]:
    """`Vice President Tomas Berg and Anna Holm`: the parser hangs the second name on the
    first, so one mention holds both and reads as the last name; the first name is read from
    the words before the conjunction as well."""
    for position, word in enumerate(words[1:-1], start=1):
        following = words[position + 1]
        if word.upos == "CCONJ" and following.upos == "PROPN" and following.deprel == "conj":
            return [trim_punct(words[:position]), words]
    return [words]


# How many sentences back a document's issuer may be named: `the statement said`.
_DOCUMENT_REACH = 3


def _issuer_in(sentence: Sentence, noun: str) -> Word | None:
    """The subject of the verb whose object or oblique is the document `noun` in `sentence`
    (`The district sent a letter`, `The hospital said in a statement`)."""
    for word in sentence.words:
        if word.lemma.lower() != noun or word.upos != "NOUN" or word.head < 0:
            continue
        verb = sentence.words[word.head]
        if verb.upos != "VERB":
            continue
        subject = next(
            (
                c
                for c in sentence.children(verb.index)
                if c.deprel == "nsubj" and c.upos in ("NOUN", "PROPN")
            ),
            None,
        )
        if subject is not None:
            return subject
    return None


def _stated_age(text: str, name_end: Word) -> int | None:
    """The age set off right after a name (`Henry Park, 71,`)."""
    found = _STATED_AGE.match(text, name_end.end)
    return int(found.group(1)) if found is not None else None


def _written_as_person(words: Sequence[Word], parts: NameParts, text: str) -> bool:
    """An honorific before the name (`Dr. Chen`, `Ms. Okafor`) or an age before it
    (`Twelve-year-old Mia Sorensen`) says the name is a person's."""
    first = parts.name_words[0]
    before = [w for w in words if w.end <= first.start]
    if any(w.text.rstrip(".").lower() in _PERSON_HONORIFICS for w in before):
        return True
    return text[max(0, first.start - 12) : first.start].lower().rstrip().endswith("year-old")


def _main_subject(sentence: Sentence, before: int, fits: Callable[[Word], bool]) -> Word | None:
    """The first subject of the sentence's main verb written before `before` that `fits`."""
    return next(
        (
            w
            for w in sentence.words
            if w.start < before
            and w.base_deprel == "nsubj"
            and w.head >= 0
            and sentence.words[w.head].deprel == "root"
            and fits(w)
        ),
        None,
    )


def _heads_as_title(sentence: Sentence, first: Word, lexicon: Lexicon) -> bool:
    """`North Korean leader Kim Jong Un`, parsed with the title as the head and the name as
    its `flat`: the title right before the name, outside the name's own words."""
    if first.index == 0 or first.head != first.index - 1:
        return False
    title = sentence.words[first.index - 1]
    return title.upos == "NOUN" and lexicon.is_role_word(title.lemma)


def _named_after_person_noun(sentence: Sentence, first: Word, lexicon: Lexicon) -> bool:
    """`a rickshaw driver named Rafiq`, `a woman called Amal`: a name given to a noun of a
    person's occupation or sex is a person's."""
    if first.index < 2 or sentence.words[first.index - 1].text.lower() not in NAMING_PARTICIPLES:
        return False
    return is_person_noun(sentence.words[first.index - 2], lexicon)


# Honorifics that say a name is a person's, whatever its gender (`Dr. Chen`).
_PERSON_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "miss", "prof", "professor", "rev"})


def _stands_alone(sentence: Sentence, name_end: Word) -> bool:
    """The name is no possessor (`Mr. Lund's show`) and modifies no noun after it (`a Tomas
    Ruiz Jr. memorial`)."""
    if name_end.index + 1 >= len(sentence.words):
        return True
    following = sentence.words[name_end.index + 1]
    return following.text not in POSSESSIVE_S and not (
        following.upos == "NOUN" and following.text.islower()
    )


def _honorific_beside(sentence: Sentence, name_start: Word, lexicon: Lexicon) -> list[str]:
    """`met Ms Dunmore`, parsed with "Ms" and "Dunmore" as two objects: the honorific written
    right before the name, though the parse left it out of the mention."""
    if name_start.index == 0:
        return []
    before = sentence.words[name_start.index - 1]
    return [before.text] if lexicon.is_honorific(before.text) else []


def _stated_gender(words: list[str], lexicon: Lexicon) -> str | None:
    """The one gender the words state, if they state one and no other."""
    stated = {lexicon.genders.get(w.lower().strip(",")) for w in words} - {None}
    return stated.pop() if len(stated) == 1 else None


MAX_APPOSED_LEVELS = 3


def _is_main_subject(sentence: Sentence, head: Word) -> bool:
    """Subject of the sentence's main verb (or a verb conjoined to it), not of an inner clause;
    a name in apposition to that subject ("A Republican, Ms. Kovac is ...") is its subject."""
    for _ in range(MAX_APPOSED_LEVELS):
        # `A Republican, Ms. Kovac is ...`, `Her co-host, the lawyer and activist Ana Kovac,
        # was ...`: parsed as conjuncts or appositions of the subject.
        # `City boss Ana Lind was ...`: the name hung on the role noun before it.
        hung_on_role = head.deprel in ("flat", "compound") and 0 <= head.head < head.index
        if not (head.deprel in ("appos", "conj") or hung_on_role) or head.head < 0:
            break
        head = sentence.words[head.head]
    if head.head < 0:
        return _inverted_after_copula(sentence, head)
    if not (head.deprel.startswith("nsubj") or _fronted_subject(sentence, head)):
        return False
    verb = sentence.words[head.head]
    if verb.deprel == "conj" and verb.head >= 0:
        verb = sentence.words[verb.head]
    if (
        head.index > 0
        and sentence.words[head.index - 1].text == ","
        and _under_fronted_participle(sentence, verb)
    ):
        return True  # `Asked if she would run, Hargreaves laughed`, parsed under "Asked"
    return verb.deprel == "root"


def _inverted_after_copula(sentence: Sentence, root: Word) -> bool:
    """`Among them was Ruth Malone, 67, ...`: a name the sentence is about, after its copula
    and with no subject of its own (a prepositional phrase the parser took for one is none:
    `Among the protesters was ...`), is the subject inverted."""
    children = sentence.children(root.index)
    return (
        root.upos == "PROPN"
        and any(c.deprel == "cop" and c.index < root.index for c in children)
        and not any(
            c.deprel.startswith(("nsubj", "expl"))
            and not any(g.deprel == "case" for g in sentence.children(c.index))
            for c in children
        )
    )


def _under_fronted_participle(sentence: Sentence, verb: Word) -> bool:
    """The verb hangs, as a complement or a clause beside one, under a participle opening the
    sentence (`Asked whether he was worried that Ruiz could be the next mayor, Kovac demurred`,
    with "demurred" parsed beside "mayor")."""
    for _ in range(MAX_APPOSED_LEVELS):
        if verb.deprel not in ("ccomp", "parataxis") or verb.head < 0:
            return False
        verb = sentence.words[verb.head]
        if _fronted_participle(sentence, verb.index):
            return True
    return False


def _fronted_subject(sentence: Sentence, head: Word) -> bool:
    """`Duran, who guided the team ..., thanked the fans`, parsed with "Duran" as a vocative
    or dislocated phrase: a name opening the sentence before a verb with no subject of its own
    is that verb's subject."""
    if head.index != 0 or head.deprel not in ("vocative", "dislocated") or head.head < 0:
        return False
    return not any(
        c.deprel.startswith("nsubj") for c in sentence.children(sentence.words[head.head].index)
    )


def _fronted_participle(sentence: Sentence, index: int) -> bool:
    """The sentence's root is a participle opening it with no subject (`Asked ...,`)."""
    root = sentence.words[index]
    return (
        root.deprel == "root"
        and root.index == 0
        and root.text.lower().endswith("ed")
        and not any(c.deprel.startswith("nsubj") for c in sentence.children(root.index))
    )


def _party_label(word: Word, lexicon: Lexicon) -> bool:
    """`A Republican, Ms. Kovac is campaigning`: a party's label standing alone names no one."""
    return word.text.lower() in lexicon.parties and word.deprel not in ("flat", "flat:name")


def _name_heads(sentence: Sentence, layout: Layout, lexicon: Lexicon) -> list[Word]:
    """Heads of name phrases: proper nouns whose head is not itself part of the same phrase."""
    heads = []
    for word in sentence.words:
        if word.upos != "PROPN" or layout.inside_quote(word) or _party_label(word, lexicon):
            continue
        parent = sentence.words[word.head] if word.head >= 0 else None
        # A name hung on a proper noun is part of its phrase; on a title or role noun the tagger
        # calls a common noun (`Sen. Ana Kovac`, `Rovers manager Tom Reyes`) it heads its own.
        if parent is not None and word.deprel in _NAME_PHRASE_RELATIONS and parent.upos == "PROPN":
            continue
        if _abbreviated_noun(sentence, word):
            continue
        heads.append(word)
    return heads


def _abbreviated_noun(sentence: Sentence, word: Word) -> bool:
    """`Sarah Jarvis, a GP in London`, `an MP`: an abbreviation after "a" or "an" stands for a
    common noun, not for a name (`a more cautious White House` is one)."""
    return (
        word.text.isupper()
        and len(word.text) <= _MAX_ABBREVIATED_NOUN
        and any(
            c.deprel == "det" and c.text.lower() in ("a", "an")
            for c in sentence.children(word.index)
        )
    )


_MAX_ABBREVIATED_NOUN = 4


def _described_noun(mention: list[Word]) -> Word:
    """The noun a mention is about: its last word, or the noun before a description's tail
    (`a person familiar with the plans` is a person, `a reporter for the Times` a reporter,
    `a union representing nurses` a union; `Ministry of Defence officials` are officials: a
    capitalised noun there opens a name)."""
    for position, word in enumerate(mention[:-1]):
        following = mention[position + 1]
        if (
            word.upos == "NOUN"
            and not _opens_name(mention, position)
            and (
                following.upos == "ADP"  # `a reporter for the Harbour Times`
                or (following.deprel == "acl" and following.head == word.index)
                or (
                    following.upos in ("ADJ", "VERB")
                    and position + 2 < len(mention)
                    and mention[position + 2].upos == "ADP"
                )
            )
        ):
            return word
    return mention[-1]


def _opens_name(mention: list[Word], position: int) -> bool:
    """`Ministry of Defence`: a capitalised noun whose preposition a capitalised word follows
    is the start of a name, not a described noun (`Officials at the agency` are)."""
    after = mention[position + 2] if position + 2 < len(mention) else None
    word = mention[position]
    if word.upos == "NOUN" and "Number=Plur" in word.feats:
        return False  # `Analysts at Deutsche Bank`: capitalised only to open the sentence
    return word.text[:1].isupper() and after is not None and after.text[:1].isupper()


@dataclass(frozen=True, slots=True)
class Referent:
    """What a speaker mention resolves to: a canonical name, its kind, and how."""

    key: str
    name: str
    kind: SpeakerKind
    resolved_by: str  # "name", "pronoun", "title" (the minister), "nominal", "unresolved"
    # Where a pronoun's antecedent is written when it is a description no cue named
    # (`The minister ... refused. "...," she said`): a mention of the speaker too.
    written: TextSpan | None = None


@dataclass(frozen=True, slots=True)
class _Sighting:
    start: int
    paragraph: int
    referent: Referent
    # The noun an unnamed speaker's description is about ("source" of `a source close to ...`).
    noun: str = ""


class Resolver:
    """Resolves speaker mentions in article order, remembering who was mentioned where."""

    def __init__(self, names: NameIndex, lexicon: Lexicon, text: str) -> None:
        self._names = names
        self._lexicon = lexicon
        self._text = text
        self._sightings: list[_Sighting] = []
        # The writer's, the speaker's and the reader's pronouns ("I", "my", "you"), which no
        # third-person pronoun or description stands for.
        self._first_and_second = lexicon.pronouns.groups.get("first_and_second", frozenset())
        # People named outside the subject with a stated gender (`met Ms Dunmore`): a pronoun
        # of that gender goes to them when the subject's gender is not known to match.
        self._gendered: list[_Sighting] = []
        # Every person named outside the subject (`met union leader Tom Reyes`): the one a
        # gendered pronoun means when no subject before it can be (`She said ... He said ...`).
        self._named_aside: list[_Sighting] = []
        # What the article states of each referent's gender: honorifics, gendered role nouns,
        # and the pronouns already resolved to it. A pronoun never goes to the other gender.
        self._genders: dict[str, str] = {}
        for occurrence in names.occurrences:
            canonical = names.canonical(occurrence.text)
            key = names.key_at(canonical, occurrence.start)
            if occurrence.gender is not None:
                self._genders.setdefault(key, occurrence.gender)
            referent = Referent(key, canonical, names.kind_of(canonical), "name")
            sighting = _Sighting(occurrence.start, occurrence.paragraph, referent)
            if occurrence.is_subject:
                self._sightings.append(sighting)
            elif not occurrence.in_headline and occurrence.names_a_person_here:
                if occurrence.gender is not None:
                    self._gendered.append(sighting)
                self._named_aside.append(sighting)

    def resolve(self, mention: list[Word], paragraph: int, *, remember: bool = True) -> Referent:
        """Who `mention` refers to; with `remember`, it becomes the latest one mentioned there,
        for the pronouns after it."""
        parts: NameParts = split_name(mention, self._lexicon)
        start = mention[0].start
        by_nationality = self._by_nationality(mention, paragraph)
        if by_nationality is not None:
            referent = by_nationality
        elif parts.name_words:
            canonical = self._names.canonical_at(parts.name_text(self._text), start)
            referent = Referent(
                self._names.key_at(canonical, parts.name_words[0].start),
                canonical,
                self._names.kind_of(canonical),
                "name",
            )
        else:
            referent = self._resolve_nominal(mention, paragraph)
        # `A board statement accused the union ... She ...`: a document speaks, but "she" is no
        # document.
        noun = _described_noun(mention).lemma.lower() if referent.resolved_by == "nominal" else ""
        document = noun in self._lexicon.artefacts
        if remember and referent.resolved_by != "unresolved" and not document:
            self._sightings.append(_Sighting(start, paragraph, referent, noun))
        return referent

    def _resolve_nominal(self, mention: list[Word], paragraph: int) -> Referent:
        head_text = self._text[mention[0].start : mention[-1].end]
        lowered = head_text.lower()
        pronoun_kind = self._lexicon.pronoun_kinds.get(lowered)
        if pronoun_kind is not None:
            wanted = {
                "person": (SpeakerKind.PERSON, SpeakerKind.UNKNOWN),
                "group": (SpeakerKind.GROUP, SpeakerKind.ORGANIZATION),
                "organization": (SpeakerKind.ORGANIZATION,),
            }[pronoun_kind]
            gender = self._lexicon.genders.get(lowered)
            found = self._owner_of_host(mention[0], gender) if pronoun_kind == "person" else None
            if pronoun_kind == "organization":
                # `The report was published on Monday. It found ...`: the body or document
                # the sentence before is about, before any body named earlier.
                found = self._body_subject_before(mention[0], paragraph)
            if found is None:
                found = self._most_recent(mention[0].start, paragraph, wanted, gender)
                found = self._stated_gender_instead(found, mention[0].start, paragraph, gender)
            if found is None and pronoun_kind == "person":
                found = self._described_subject_since(mention[0], paragraph)
            if found is None and pronoun_kind == "person" and gender is not None:
                found = self._named_aside_before(mention[0].start, paragraph, gender)
            if found is None and pronoun_kind == "group":
                found = self._group_subject_before(mention[0], paragraph)
            if found is not None:
                if gender is not None:
                    self._genders.setdefault(found.key, gender)
                return Referent(found.key, found.name, found.kind, "pronoun", found.written)
            kind = SpeakerKind.PERSON if pronoun_kind == "person" else SpeakerKind.GROUP
            return Referent(lowered, head_text, kind, "unresolved")
        titled = (
            self._titled_person(mention)
            or self._company_described(mention, paragraph)
            or self._named_organization(mention)
            or self._issuer_of_document(mention, paragraph)
            or self._described_before(mention, paragraph)
            or self._by_age(mention, paragraph)
            or self._by_epithet(mention, paragraph)
            or self._named_after(mention, paragraph)
        )
        if titled is not None:
            return titled
        return Referent(lowered, head_text, self._nominal_kind(mention), "nominal")

    def _owner_of_host(self, pronoun: Word, gender: str | None) -> Referent | None:
        """`Ana Kovac's radio interview, in which she said ...`: the subject pronoun of a
        relative clause on a noun a named person owns is that person, unless the article gives
        them the other gender."""
        sentence = self._names.sentence_at(pronoun.start)
        if not pronoun.deprel.startswith("nsubj") or pronoun.head < 0:
            return None
        clause = sentence.words[pronoun.head]
        if clause.deprel != "acl:relcl" or clause.head < 0:
            return None
        owner = next(
            (
                child
                for child in sentence.children(clause.head)
                if child.deprel == "nmod:poss" and child.upos == "PROPN"
            ),
            None,
        )
        if owner is None:
            return None
        # `Ms. Kovac's BBC interview`: the owner's words end at the possessive.
        words = list(
            itertools.takewhile(
                lambda w: w.text not in POSSESSIVE_S, mention_words(sentence, owner)
            )
        )
        parts = split_name(words, self._lexicon)
        if not parts.name_words:
            return None
        canonical = self._names.canonical_at(parts.name_text(self._text), owner.start)
        key = canonical.lower()
        kind = self._names.kind_of(canonical)
        if kind not in (SpeakerKind.PERSON, SpeakerKind.UNKNOWN) or (
            gender is not None and self._genders.get(key, gender) != gender
        ):
            return None
        return Referent(key, canonical, kind, "pronoun")

    def _company_described(self, mention: list[Word], paragraph: int) -> Referent | None:
        """`Voltra Motors said ... The carmaker said`, `The company said`: a company called by
        what it is, after it was named, is the organisation named last, when that is a company
        (not a ministry or a union)."""
        head = mention[-1]
        lexicon = self._lexicon
        club = head.lemma.lower() in lexicon.club_descriptors
        if (
            len(mention) < 2
            or mention[0].lemma.lower() != "the"
            or head.upos != "NOUN"
            or not (club or head.lemma.lower() in lexicon.company_descriptors)
        ):
            return None
        kinds = (SpeakerKind.ORGANIZATION, SpeakerKind.UNKNOWN)
        found = self._most_recent(mention[0].start, paragraph, kinds, None)
        if found is None or not self._is_company(found.name):
            return None
        if found.kind is SpeakerKind.UNKNOWN and not self._bare_company_name(
            found, mention[0].start, paragraph
        ):
            return None
        last = _tokens(found.name)[-1:]
        if club and not (last and last[0] in lexicon.club_endings):
            return None  # `the club` is Castleton Rovers, never a grocer named before
        return Referent(found.key, found.name, found.kind, "title")

    def _bare_company_name(self, found: Referent, before: int, paragraph: int) -> bool:
        """`Toyota said ... The automaker said`: a name of one word the article never writes
        with a given name, and gives no gender, is a company's when a description of a company
        follows it in the same paragraph (a person is named in full first)."""
        tokens = _tokens(found.name)
        last = max(
            (s.paragraph for s in self._sightings if s.referent == found and s.start < before),
            default=-1,
        )
        return (
            len(tokens) == 1
            and last == paragraph
            and found.key not in self._genders
            and all(
                o.tokens == tuple(tokens) for o in self._names.occurrences if tokens[0] in o.tokens
            )
        )

    def _is_company(self, name: str) -> bool:
        """A name ending in a trade or corporate word, or in no head word of other bodies."""
        tokens = _tokens(name)
        if not tokens:
            return False
        last = tokens[-1]
        lexicon = self._lexicon
        return (
            last in lexicon.company_words
            or last in lexicon.company_endings
            or not lexicon.is_organization_head(last)
        )

    def _by_epithet(self, mention: list[Word], paragraph: int) -> Referent | None:
        """`Margaret Doyle, 84, has been waiting ... "...," the retired teacher said.`: news copy
        calls a person it has just named by what they are, a noun of people that is no post
        (a post, `the minister`, goes by the roles it matches). The person named as a subject
        last, in this paragraph or the one before, of no other gender than the noun's; not one
        owned by something (`the ad's narrator` is someone else). The noun before a tail of
        its own is the one read: `the mother of three`."""
        head = mention[-1] if mention[-1].upos != "NUM" else _described_noun(mention)
        lexicon = self._lexicon
        if (
            len(mention) < 2
            or mention[0].lemma.lower() != "the"
            or head.upos != "NOUN"
            or "Number=Plur" in head.feats
            or any(w.text in POSSESSIVE_S for w in mention)
            or (any(w.upos == "PROPN" for w in mention) and not lexicon.is_role_word(head.lemma))
            or lexicon.is_title(head.lemma)
            or not (lexicon.is_role_word(head.lemma) or head.lemma.lower() in lexicon.genders)
        ):
            return None
        if not self._opens_own_words(mention[0]):
            return None
        noun = head.lemma.lower()
        # A post or occupation, not what anyone may be (`the woman`, `the neighbour`).
        given = (
            set()
            if noun in lexicon.relation_nouns
            else self._given_the_noun(noun, mention[0].start)
        )
        if len(given) == 1:
            # `Striker Pablo Nunez was sent off by referee Hugo Brandt. ... The referee said`:
            # the one the article gave the noun, not the person named last.
            canonical = next(iter(given))
            return Referent(canonical.lower(), canonical, SpeakerKind.PERSON, "title")
        gender = lexicon.genders.get(noun)
        found = self._most_recent(mention[0].start, paragraph, (SpeakerKind.PERSON,), gender)
        if (
            found is None
            or not _is_proper_name(found.name)  # `a reporter` is described, not named
            or not self._named_near(found, mention[0].start, paragraph)
            or self._known_otherwise(found.name, noun)
            or given
        ):
            return None
        return Referent(found.key, found.name, found.kind, "pronoun")

    def _given_the_noun(self, noun: str, before: int) -> set[str]:
        """The canonical names of people the article gave `noun` before `before`, by a role
        read at the name or the word right before it (`referee Hugo Brandt`)."""
        return {
            self._names.canonical(occurrence.text)
            for occurrence in self._names.occurrences
            if occurrence.start < before
            and (
                any(noun in _tokens(role.text) for role in occurrence.roles)
                or self._word_before(occurrence.start) == noun
            )
            and self._names.kind_of(self._names.canonical(occurrence.text))
            in (SpeakerKind.PERSON, SpeakerKind.UNKNOWN)
        }

    def _word_before(self, start: int) -> str:
        """The word written right before `start`, in lower case."""
        words = _WORD_RUN.findall(self._text[max(0, start - 40) : start])
        return words[-1].lower() if words else ""

    def _by_nationality(self, mention: list[Word], paragraph: int) -> Referent | None:
        """`Striker Marcus Oduya scored twice. "...," the Nigerian said`: sports and world
        copy calls a person it has just named by nationality (`nationalities.txt`); like an
        epithet, the person named as a subject last, in the sentence before or its own."""
        if not self._is_nationality(mention):
            return None
        first = mention[0]
        # A name of unknown kind may be the person (`Arteta told Sky Sports ... The Spaniard`).
        found = self._most_recent(
            first.start, paragraph, (SpeakerKind.PERSON, SpeakerKind.UNKNOWN), None
        )
        if (
            not (self._opens_own_words(first) or self._after_inverted_cue(first))
            or found is None
            or not _is_proper_name(found.name)
            or not self._named_near(found, first.start, paragraph)
        ):
            # One person all the same, however unknown: never an organisation "Welshman".
            written = self._text[first.start : mention[-1].end]
            return Referent(written.lower(), written, SpeakerKind.PERSON, "nominal")
        return Referent(found.key, found.name, found.kind, "pronoun")

    def _is_nationality(self, mention: list[Word]) -> bool:
        """`the Nigerian`, `the South African`: "the" and a noun of nationality."""
        written = " ".join(word.text.lower() for word in mention[1:])
        return (
            len(mention) > 1
            and mention[0].lemma.lower() == "the"
            and written in self._lexicon.nationalities
        )

    def _after_inverted_cue(self, first: Word) -> bool:
        """`"...," said the Welshman`: right after a verb that follows a quotation's closing
        mark."""
        sentence = self._names.sentence_at(first.start)
        if first.index < 2 or sentence.words[first.index - 1].upos != "VERB":
            return False
        before = self._text[sentence.start : sentence.words[first.index - 1].start].rstrip(" ,")
        return before[-1:] in CLOSING_MARKS

    def _named_after(self, mention: list[Word], paragraph: int) -> Referent | None:
        """`"...," the opposition leader said. Raila Mwangaza, the opposition leader, ...`,
        `"...," Kenya's interior minister said. Interior Minister Joseph Wanjiru made the
        remarks ...`: copy that quotes a post first names its holder right after; the one
        person named in this paragraph or the next with a role of that noun and those
        modifiers."""
        head = mention[-1]
        opener = mention[0]
        if (
            len(mention) < 2
            or head.upos != "NOUN"
            or not self._lexicon.is_title(head.lemma)
            or not (opener.lemma.lower() == "the" or opener.upos == "PROPN")
        ):
            return None
        # `the town's mayor`: the possessor says whose post it is, not which post.
        owners = {w.head for w in mention if w.text in POSSESSIVE_S}
        wanted = {
            w.text.lower()
            for w in mention[1:-1]
            if w.upos in ("ADJ", "NOUN") and w.index not in owners
        }
        written = {w.text.lower() for w in mention}
        noun = head.lemma.lower()
        holders = {
            self._names.canonical(o.text)
            for o in self._names.occurrences
            if o.start > head.end
            and 0 <= o.paragraph - paragraph <= 1
            and any(
                words[-1:] == [noun]
                and wanted <= set(words)
                and not (set(words) & FORMER_WORDS) - written  # `a former minister` is none
                for words in (role.text.lower().split() for role in o.roles)
            )
        }
        if len(holders) != 1:
            return None
        canonical = holders.pop()
        return Referent(canonical.lower(), canonical, SpeakerKind.PERSON, "title")

    def _known_otherwise(self, name: str, noun: str) -> bool:
        """The article gave the person roles, none of them the epithet's noun (`Robert Cleary,
        the club's groundsman` is not `the striker`); a noun of standing (`the billionaire`)
        goes with any post."""
        if noun in self._lexicon.standing_nouns:
            return False
        roles = self._names.roles_of(name)
        return bool(roles) and not any(noun in _tokens(role.text) for role in roles)

    def _opens_own_words(self, first: Word) -> bool:
        """The mention opens its sentence, or follows a quotation that does (`"...," the
        retired teacher said`): the writer's first words there."""
        if first.index == 0:
            return True
        start = self._names.sentence_start_at(first.start)
        before = self._text[start : first.start].rstrip(" ,")
        return (
            before[:1] in OPENING_MARKS
            and before[-1:] in CLOSING_MARKS
            and not any(mark in before[1:-1] for mark in CLOSING_MARKS - {"'", "\u2019"})
        )

    def _named_near(self, referent: Referent, before: int, paragraph: int) -> bool:
        """The referent was last seen in the sentence before `before`, or in its own, and in
        this paragraph or the last: an epithet follows the name closely."""
        latest = max(
            (s for s in self._sightings if s.referent.key == referent.key and s.start < before),
            key=lambda s: s.start,
            default=None,
        )
        if latest is None or paragraph - latest.paragraph > 1:
            return False
        if not self._names.names_a_person_at(latest.start):
            return False  # `A memorable Ana Kovac ad ...`: the name modifies a noun
        sentence_of = self._names.sentence_index_at
        return sentence_of(before) - sentence_of(latest.start) <= 1

    def _by_age(self, mention: list[Word], paragraph: int) -> Referent | None:
        """`The 23-year-old said ...`: news copy calls a person it has named by their age alone;
        the person named last, as a pronoun would be."""
        written = self._text[mention[0].start : mention[-1].end].lower()
        if _AGE_ONLY.fullmatch(written) is None:
            return None
        age = int("".join(filter(str.isdigit, written)))
        people = [
            s
            for s in sorted(self._sightings, key=lambda s: -s.start)
            if s.start < mention[0].start
            and paragraph - s.paragraph <= PRONOUN_WINDOW_PARAGRAPHS
            and s.referent.kind in (SpeakerKind.PERSON, SpeakerKind.UNKNOWN)
        ]
        # `Ethan Park, 10, ... His grandfather, Henry Park, 71, ... the 71-year-old said`: the
        # one of that age, not the one named last; never one of another stated age.
        stated = [(s, self._names.age_of(s.referent.name)) for s in people]
        found = next((s for s, given in stated if given == age), None) or next(
            (s for s, given in stated if given is None), None
        )
        if found is None:
            return None
        return Referent(found.referent.key, found.referent.name, found.referent.kind, "pronoun")

    def _titled_person(self, mention: list[Word]) -> Referent | None:
        """`the minister said` -> the latest person named earlier with "minister" in a role."""
        head = mention[-1]
        generic = head.lemma.lower() in _TOP_POST_NOUNS
        if not (
            mention[0].lemma.lower() == "the"
            and head.upos == "NOUN"
            and (self._lexicon.is_title(head.lemma) or generic)
        ):
            return None
        if generic:
            found = self._head_of_body(mention)
            if found is not None:
                return found
        title = head.lemma.lower()
        # `the prime minister` is not the health minister, `the president` not the vice
        # president: the rank words of the post must agree (an acting one may drop "acting").
        ranks = {w.text.lower() for w in mention[1:-1]} & self._lexicon.rank_words
        # `The Florida senator` is not a senator of elsewhere, nor one whose state goes unsaid.
        places = {w.text.lower() for w in mention[1:-1] if w.upos == "PROPN"} - ranks
        return self._last_holding(
            mention[0].start,
            lambda words: (
                title in words
                and ranks | places <= words
                and (words & self._lexicon.rank_words) - ranks <= _TEMPORARY_RANKS
            ),
        )

    def _head_of_body(self, mention: list[Word]) -> Referent | None:
        """`UN Secretary-General Alberto Ruiz said ... The UN chief added`: "chief", "head" or
        "boss" after the name of a body is the person named last with a title of that body."""
        bodies = {w.text.lower() for w in mention[1:-1] if w.text[:1].isupper()}
        if not bodies:
            return None
        return self._last_holding(
            mention[0].start,
            lambda words: (
                bodies <= words and any(self._lexicon.is_title(w) for w in words - bodies)
            ),
        )

    def _last_holding(self, before: int, holds: Callable[[set[str]], bool]) -> Referent | None:
        """The person named last before `before` with a role whose post words (`_post_words`)
        `holds` accepts."""
        best: NameOccurrence | None = None
        for occurrence in self._names.occurrences:
            if occurrence.start >= before:
                break
            if any(holds(_post_words(role.text)) for role in occurrence.roles):
                best = occurrence
        if best is None:
            return None
        canonical = self._names.canonical(best.text)
        return Referent(canonical.lower(), canonical, SpeakerKind.PERSON, "title")

    def _named_organization(self, mention: list[Word]) -> Referent | None:
        """`The Commission on Harbour Safety ... The commission said`: a definite description
        by an organisation's head word is the organisation named last before it with that head,
        when the description's other words are words of that name (`the appeals court` is not
        the Supreme Court)."""
        head = mention[-1]
        lemma = head.lemma.lower()
        if (
            len(mention) < 2
            or mention[0].lemma.lower() != "the"
            or head.upos != "NOUN"
            or head.text[:1].isupper()
            or not self._lexicon.is_organization_head(head.text, head.lemma)
        ):
            return None
        modifiers = {w.text.lower() for w in mention[1:-1]}
        named = self._names.organization_before(mention[0].start, {lemma, head.text.lower()})
        if named is None or not modifiers <= set(_tokens(named)):
            return None
        return Referent(named.lower(), named, SpeakerKind.ORGANIZATION, "title")

    def _issuer_of_document(self, mention: list[Word], paragraph: int) -> Referent | None:
        """`The hospital said in a statement that ... "...," the statement said.`, `The district
        sent a letter to parents. "...," the letter said.`: "the" and a document noun
        (`artefacts.txt`) is the subject of the verb that put out that document in one of the
        sentences just before."""
        noun = mention[-1].lemma.lower()
        if (
            len(mention) != 2
            or mention[0].lemma.lower() != "the"
            or noun not in self._lexicon.artefacts
        ):
            return None
        for sentence in self._names.sentences_before(mention[0].start, _DOCUMENT_REACH):
            if paragraph - sentence.paragraph > 1:
                return None
            issuer = _issuer_in(sentence, noun)
            if issuer is not None:
                return self.resolve(mention_words(sentence, issuer), paragraph, remember=False)
        return None

    def _described_before(self, mention: list[Word], paragraph: int) -> Referent | None:
        """`A source close to the mayor said ... "...," the source said.`: "the" and the noun
        of an unnamed speaker described shortly before with "a", "an" or "the" is that speaker
        (`The ferry operator said ... The operator said`)."""
        head = mention[-1]
        if len(mention) != 2 or mention[0].lemma.lower() != "the" or head.upos != "NOUN":
            return None
        noun = head.lemma.lower()
        for sighting in reversed(self._sightings):
            if sighting.start >= mention[0].start:
                continue
            if paragraph - sighting.paragraph > PRONOUN_WINDOW_PARAGRAPHS:
                return None
            opening = sighting.referent.name.split(" ", 1)[0].lower()
            if sighting.noun == noun and (opening in _INDEFINITE or opening == "the"):
                return sighting.referent
        return None

    def _nominal_kind(self, mention: list[Word]) -> SpeakerKind:
        if _two_described(mention, self._lexicon.relation_nouns):
            return SpeakerKind.GROUP  # `The mayor and the police chief`, `The senator and her
            # husband`: two people (`the former mayor and current party chair` is one)
        head = _described_noun(mention)
        lemma = head.lemma.lower()
        if [w.text.lower() for w in mention[:2]] == ["one", "of"]:
            # `one of the mayor's advisers`: one of many, a person unless they are bodies.
            if self._lexicon.is_organization_head(head.text, head.lemma):
                return SpeakerKind.ORGANIZATION
            return SpeakerKind.PERSON
        if _gathers_people(mention, head, self._lexicon):
            return SpeakerKind.GROUP
        if "Number=Plur" in head.feats and head.text[:1].islower():
            return SpeakerKind.GROUP  # `state regulators`, `shipping companies`: many of them
        if (
            lemma in self._lexicon.organization_heads
            or head.text.lower() in self._lexicon.organization_heads
        ):
            return SpeakerKind.ORGANIZATION
        if head.text.lower() in self._lexicon.group_nouns or "Number=Plur" in head.feats:
            return SpeakerKind.GROUP
        if (
            self._lexicon.is_role_word(lemma)
            or self._lexicon.is_role_word(head.text)
            or lemma in self._lexicon.genders
            or lemma in _PEOPLE_AS_SOURCES
            or self._text[mention[0].start : mention[-1].end].endswith("year-old")  # by age
        ):
            return SpeakerKind.PERSON  # `the driver`, `one fan`, `A mother of three`, `a source`
        return SpeakerKind.UNKNOWN

    def _described_subject_since(self, pronoun: Word, paragraph: int) -> Referent | None:
        """`The minister, who has been under pressure for weeks, refused to resign. "...," she
        told reporters.`: with no one named to refer to, a person described by a role noun as
        the subject of the sentence before (or of the pronoun's own, before it) is the one the
        pronoun means."""
        sentences = [self._names.sentence_at(pronoun.start)]
        sentences += self._names.sentences_before(pronoun.start, _DESCRIBED_REACH)
        for position, sentence in enumerate(sentences):
            if paragraph - sentence.paragraph > 1:
                continue
            if position > 1 and not self._pronoun_subject(sentences[position - 1], pronoun):
                break  # past the sentence before only along "he ... he" (`Her husband ...
                # was stuck. He did not reach them. "...," he said`)
            noun = self._described_subject(sentence, pronoun.start) or (
                self._writers_interlocutor(sentence, pronoun.start) if position < 2 else None
            )
            if noun is not None:
                words = [w for w in mention_words(sentence, noun) if w.index <= noun.index]
                referent = self._resolve_nominal(words, sentence.paragraph)
                if referent.kind in (SpeakerKind.PERSON, SpeakerKind.UNKNOWN):
                    span = Span(words[0].start, words[-1].end)
                    written = TextSpan(self._text[span.start : span.end], span)
                    return replace(referent, written=written)
        return None

    def _group_subject_before(self, pronoun: Word, paragraph: int) -> Referent | None:
        """`Analysts at Harbour Bank raised their forecast. "...," they wrote`: with no group
        or body seen to refer to, a plural of people (`groups.txt`) that is the main subject
        of the sentence before (or of the pronoun's own, before it), with its description."""
        lexicon = self._lexicon
        return self._subject_before(
            pronoun,
            paragraph,
            lambda w: w.text.lower() in lexicon.group_nouns,
            SpeakerKind.GROUP,
        )

    def _body_subject_before(self, pronoun: Word, paragraph: int) -> Referent | None:
        """`The harbour board wrote to the ferry line. It says the contract was broken`: with no
        organisation seen to refer to, "it" is a body or a document (`organizations.txt`,
        `artefacts.txt`) that is the main subject of the sentence before (or of its own)."""
        lexicon = self._lexicon
        return self._subject_before(
            pronoun,
            paragraph,
            lambda w: (
                "Number=Plur" not in w.feats
                and (
                    lexicon.is_organization_head(w.text, w.lemma)
                    or w.lemma.lower() in lexicon.artefacts
                )
            ),
            SpeakerKind.ORGANIZATION,
        )

    def _subject_before(
        self, pronoun: Word, paragraph: int, fits: Callable[[Word], bool], kind: SpeakerKind
    ) -> Referent | None:
        """The common noun that `fits` and is the main subject of the sentence before the
        pronoun (or of its own, before it), as one speaker with its description."""
        sentences = [self._names.sentence_at(pronoun.start)]
        sentences += self._names.sentences_before(pronoun.start, 1)
        for sentence in sentences:
            if paragraph - sentence.paragraph > 1:
                continue
            noun = _main_subject(sentence, pronoun.start, lambda w: w.upos == "NOUN" and fits(w))
            if noun is not None:
                head = [w for w in mention_words(sentence, noun) if w.index <= noun.index]
                named = self._resolve_nominal(head, sentence.paragraph)
                if named.resolved_by not in ("nominal", "unresolved"):
                    return named  # `The company ...` for the company named before it
                words = description_tail(sentence, head, self._lexicon)
                span = Span(words[0].start, words[-1].end)
                written = self._text[span.start : span.end]
                return Referent(written.lower(), written, kind, "nominal", TextSpan(written, span))
        return None

    def _pronoun_subject(self, sentence: Sentence, pronoun: Word) -> bool:
        """The sentence's main subject is the same pronoun as `pronoun` ("he", "she")."""
        written = pronoun.text.lower()
        return (
            _main_subject(sentence, sentence.end, lambda w: w.text.lower() == written) is not None
        )

    def _described_subject(self, sentence: Sentence, before: int) -> Word | None:
        """The subject of the sentence's main verb when it is a person's role or relation noun
        after "the" or a possessive (`The minister`, `The club's captain`, `Her brother`),
        written before `before`."""
        return _main_subject(
            sentence,
            before,
            lambda w: (
                w.upos == "NOUN"
                and "Number=Plur" not in w.feats
                and self._described_person(sentence, w)
            ),
        )

    def _writers_interlocutor(self, sentence: Sentence, before: int) -> Word | None:
        """`When I asked the minister whether ..., she laughed`: the person the writer ("I",
        "we") spoke to or met, described by a role noun as the verb's object, before
        `before`; the writer is no one a third-person pronoun means."""
        for word in sentence.words:
            if word.start >= before or word.deprel not in ("obj", "iobj"):
                continue
            verb = sentence.words[word.head]
            writer = any(
                c.deprel.startswith("nsubj") and c.text.lower() in _WRITERS
                for c in sentence.children(verb.index)
            )
            if (
                writer
                and word.upos == "NOUN"
                and "Number=Plur" not in word.feats
                and self._described_person(sentence, word)
            ):
                return word
        return None

    def _described_person(self, sentence: Sentence, word: Word) -> bool:
        """A role or relation noun opened by "the" or a third person's possessive."""
        opener = next(iter(sentence.subtree(word.index)), word)
        definite = opener.text.lower() == "the" or (
            opener.deprel == "nmod:poss"
            and (opener.upos != "PRON" or opener.text.lower() in _THIRD_POSSESSIVES)
        )  # `Her husband`, not `my son`
        lemma = word.lemma.lower()
        return definite and (
            self._lexicon.is_role_word(lemma) or lemma in self._lexicon.relation_nouns
        )

    def _most_recent(
        self, before: int, paragraph: int, kinds: tuple[SpeakerKind, ...], gender: str | None
    ) -> Referent | None:
        best: _Sighting | None = None
        for sighting in self._sightings:
            if (
                sighting.start >= before
                or paragraph - sighting.paragraph > PRONOUN_WINDOW_PARAGRAPHS
            ):
                continue
            if sighting.referent.kind not in kinds or self._other_gender(sighting, gender):
                continue
            if sighting.referent.name.lower() in self._first_and_second:
                continue  # `I gave her my verdict ... She laughed and said`: "she" is never "my"
            if best is None or sighting.start > best.start:
                best = sighting
        return best.referent if best is not None else None

    def _stated_gender_instead(
        self, found: Referent | None, before: int, paragraph: int, gender: str | None
    ) -> Referent | None:
        """`Campbell met Ms Dunmore on Tuesday. She said ...`: a person of the pronoun's stated
        gender named since the subject found (or any, when none was) is the one meant, unless
        the subject is known to be of that gender too."""
        if gender is None or (
            found is not None
            and (self._genders.get(found.key) == gender or found.resolved_by != "name")
        ):
            return found  # a description (`One pastor`) may be of either gender
        since = max(
            (s.start for s in self._sightings if found is not None and s.referent == found),
            default=-1,
        )
        stated = [
            s
            for s in self._gendered
            if since < s.start < before
            and paragraph - s.paragraph <= 1
            and self._genders.get(s.referent.key) == gender
        ]
        return stated[-1].referent if stated else found

    def _named_aside_before(self, before: int, paragraph: int, gender: str) -> Referent | None:
        """`Ana Kovac met union leader Tom Reyes. She said ... He said ...`: a gendered pronoun
        no subject can take is the person last named outside a subject in its paragraph, when
        the article gives them no other gender."""
        candidates = [
            s
            for s in self._named_aside
            if s.start < before
            and s.paragraph == paragraph
            and s.referent.kind is SpeakerKind.PERSON
            and not self._other_gender(s, gender)
        ]
        return candidates[-1].referent if candidates else None

    def _other_gender(self, sighting: _Sighting, gender: str | None) -> bool:
        known = self._genders.get(sighting.referent.key)
        return gender is not None and known is not None and known != gender
