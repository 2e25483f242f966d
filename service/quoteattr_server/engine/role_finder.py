"""engine.role_finder: every role the article gives a speaker, read at every mention of the name.

News states a person's role in a handful of surface patterns, and the small parser often hangs
them on the wrong word, so these readers work on the words in order, with the part-of-speech tags
as hints and the role lexicon (titles.txt and role_nouns.txt) as the judge:

- title before the name: "Senate Majority Leader John Hale", "Celtics forward Jaylen Moore",
  "museum director Sir Alan Whitby" (the honorific belongs to neither role nor name);
- apposition after the name, past an age or a party tag: "Dev Patel, 54, a shopkeeper on Main
  Street", "Mira Osei, director of research at the Harbour Policy Institute";
- a role before the name set off by commas: "The leader of the opposition, Victor Alvarez, said";
- a predicate: "Hale is the chamber's majority leader", "Hale, who was a teacher,", "served as".

A speaker the article never names keeps the descriptions it is mentioned by as its roles ("the
governor of the central bank"). The pass runs after attribution, over the finished speakers, so it
sees every mention the article makes of a name, not only the one at the cue.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
from collections.abc import Callable, Iterator, Sequence

from quoteattr_server.engine.entities import (
    CLOSING_MARKS,
    OPENING_MARKS,
    gender_before_name,
    title_cased,
)
from quoteattr_server.engine.hyphens import glued_hyphen
from quoteattr_server.engine.kin_names import with_kin_surname
from quoteattr_server.engine.lexicon import MISTAGGED_PREPOSITIONS, Lexicon
from quoteattr_server.engine.marks import QUOTE_MARK_WORDS, find_quotes
from quoteattr_server.engine.roles import (
    ABBREVIATED_TITLES,
    ARTICLES,
    FORMER_WORDS,
    NAME_PARTICLES,
    POSSESSIVE_S,
    contrasts,
    describes_people_before_name,
    office_letters,
    particle_joined,
    plural_title,
    runs_into_its_verb,
)
from quoteattr_server.engine.speakers import (
    COMPLEMENT_PREPOSITIONS,
    MAX_TAG_WORDS,
    NAMING_PARTICIPLES,
    after_party_tag,
    before_party_tag,
    is_participle,
)
from quoteattr_server.engine.types import (
    AttributionResult,
    ParsedDoc,
    Quote,
    QuoteKind,
    Sentence,
    Span,
    Speaker,
    SpeakerKind,
    TextSpan,
    Word,
)

_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "its", "their", "our", "my", "your"})
# What ties a department to its body after a title: `public affairs for Northwind Air`.
_DEPARTMENT_LINKS = frozenset({"for", "at"})
_RELATIVES = frozenset({"who", "whom", "whose", "which", "that"})
_COPULAS = frozenset({"is", "was", "became", "becomes", "remains", "remained", "'s", "\u2019s"})
_PERFECT = frozenset({"has", "have", "had"})
_SINCE = frozenset({"since", "until", "till"})
_SERVES = frozenset({"serves", "served", "serving", "works", "worked", "working"})
# The prepositions of a post's own complement: `chairman of the board`, `adviser to the mayor`.
_POST_PREPOSITIONS = frozenset({"of", "for", "at", "to", "with"})
# Verbs of leaving a post, which state it too: `resigned as mayor`, `stepped down as chairman`.
_LEAVES = frozenset(
    {"resigned", "resigns", "quit", "quits", "retired", "retires", "stepped", "steps"}
)
_POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
# Suffixes of nouns for people ("organiser", "economist", "historian"), for role nouns the
# lexicon lacks; only read at the head of an apposition or predicate, never before a name.
_PERSON_SUFFIXES = (
    "er",
    "or",
    "ist",
    "ian",
    "ant",
    "ent",
    "man",
    "woman",
    "person",
    "ee",
    "athlete",
)
_NOT_PERSON_NOUNS = frozenset(
    {
        "person",  # `the first person in the queue`: anyone; `chairperson` still is a post
        "number",
        "order",
        "matter",
        "letter",
        "member",
        "center",
        "centre",
        "chapter",
        "summer",
        "winter",
        "quarter",
        "border",
        "error",
        "factor",
        "sector",
        "moment",
        "event",
        "comment",
        "statement",
        "agreement",
        "government",
        "department",
        "amendment",
        "percent",
        "content",
        "parliament",
        "document",
        "tournament",
        "element",
        "payment",
        "investment",
        "environment",
    }
)
MAX_ROLE_WORDS = 24
# How many words the noun a name owns may have before "as": `Hale's first full year as mayor`.
MAX_OWNED_WORDS = 3
# The most words between a possessive pronoun and "as" (`her use of a private jet as ...`).
MAX_OWNED_PHRASE_WORDS = 8
_OWNED_PHRASE_TAGS = frozenset({"ADJ", "NOUN", "NUM", "DET", "ADP", "PROPN"})
# What sets an apposition off from the name: a comma, or a dash ("Peter Wong — surgeon and ...").
_APPOSITION_MARKS = frozenset({",", "\u2014", "\u2013", "--"})
# Heads of appositions that are not roles: times, places, amounts.
_NOT_ROLES = frozenset(
    {
        "day",
        "week",
        "month",
        "year",
        "time",
        "night",
        "morning",
        "evening",
        "afternoon",
        "hour",
        "minute",
        "weekend",
        "decade",
        "century",
        "city",
        "town",
        "state",
        "country",
        "street",
        "percent",
        "point",
        "dollar",
        "one",
        "lot",
        "part",
        "side",
        "way",
        "end",
        "start",
    }
)
# What may follow a name set off after its role: `..., Victor Alvarez, said`, or the next
# name of a list (`..., Ana Kovac and Tomas Ruiz,`).
_AFTER_SET_OFF_NAME = frozenset({",", ".", "said", "says", "told", "and"})
# Words inside a role phrase set off before a name besides its nouns and modifiers:
# `director of research`, `spokesman for the clinic`, `editor in chief`, `the port's chief`.
_ROLE_PHRASE_LINKS = frozenset({"of", "for", "at", "in", "'s", "\u2019s", "-"})
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
_SET_OFF_OPENERS = frozenset(
    {"said", "says", "told", "wrote", "added", "to", "by", "which", "that", "whose"}
)


def _after_one_of(phrase: Sequence[Word]) -> Sequence[Word]:
    """`one of the region's biggest ferry operators`: judged by the class it picks from."""
    if len(phrase) > 2 and phrase[0].text.lower() == "one" and phrase[1].text.lower() == "of":
        return phrase[2:]
    return phrase


def _past_linking_verb(words: Sequence[Word], position: int) -> tuple[int, bool] | None:
    """Where the predicate starts after a verb linking a subject to a post at `position` (`is`,
    `has been`, `served as`, `resigned as`, `stepped down as`), and whether it is one of
    leaving the post; None for no such verb."""
    if position >= len(words):
        return None
    lowered = words[position].text.lower()
    if lowered in _LEAVES and position + 1 < len(words) and words[position + 1].text == "down":
        position += 1  # `stepped down as chairman`
        lowered = "down"
    left = lowered in _LEAVES or lowered == "down"
    following = words[position + 1].text.lower() if position + 1 < len(words) else ""
    if (lowered in _SERVES or left) and following == "as":
        return position + 2, left
    if lowered in _COPULAS and words[position].upos == "AUX":
        return position + 1, False
    if lowered in _PERFECT and following == "been":
        return position + 2, False  # `has been a vocal critic of ...`
    if lowered in _PERFECT and following in _SERVES:
        return _past_linking_verb(words, position + 1)  # `has served as ...`
    return None


def _hyphen_compound_end(phrase: Sequence[Word]) -> bool:
    """The phrase ends in the last part of a word written with a hyphen (`start-up`)."""
    return glued_hyphen(phrase, len(phrase) - 2) and phrase[-1].text[:1].isalpha()


def _lower(word: Word) -> str:
    return word.text.lower().rstrip(".") if word.text.endswith(".") else word.text.lower()


# Where a name is written: (sentence, its first word, its last word, possessive).
_Sighting = tuple[Sentence, int, int, bool]


class RoleReader:
    """Reads roles around one name occurrence; holds the lexicon and the text."""

    def __init__(
        self,
        text: str,
        lexicon: Lexicon,
        quoted: Sequence[Span] = (),
        reported: Sequence[Span] = (),
    ) -> None:
        self.text = text
        self.lexicon = lexicon
        # Quotations: a role read inside one is the speaker's word, not the article's.
        self.quoted = tuple(quoted)
        # What the attributions attribute: a post stated there of "her" or of an organisation
        # is what a source says (`Her tenure as mayor was a disaster, Ruiz said`).
        self.reported = tuple(reported)
        self._sightings: dict[str, list[_Sighting]] | None = None
        self._words: dict[str, Word] | None = None

    def said_of(self, role: TextSpan) -> bool:
        """A description inside a quotation (`"Lukashenko is a former president," said ...`):
        what the speaker says of someone, not a role the article gives; a title there stays
        (`"Governor, ..."` in a transcript)."""
        return role.text[:1].islower() and any(
            q.start <= role.span.start < q.end for q in self.quoted
        )

    def in_reported(self, word: Word) -> bool:
        """The word lies inside what some attribution attributes."""
        return any(span.start <= word.start < span.end for span in self.reported)

    def words_by_text(self, doc: ParsedDoc) -> dict[str, Word]:
        """A word of the document for each way a word is written."""
        if self._words is None:
            self._words = {w.text: w for s in doc.sentences for w in s.words}
        return self._words

    def sightings(self, doc: ParsedDoc) -> dict[str, list[_Sighting]]:
        """The document's capitalised words by how they are written (see `_sightings`)."""
        if self._sightings is None:
            self._sightings = _sightings(doc)
        return self._sightings

    def is_role_noun(self, word: Word) -> bool:
        """A title or role noun, also as the last part of a hyphenated word ("vice-president")."""
        lowered = word.text.lower()
        # The small lemmatizer leaves some plurals as written ("aides").
        plural = lowered[:-1] if lowered.endswith("s") and len(lowered) > 3 else lowered
        forms = (lowered, lowered.rstrip("."), word.lemma.lower(), lowered.rsplit("-", 1)[-1])
        for form in (*forms, plural):
            if (
                self.lexicon.is_role_noun(form)
                or self.lexicon.is_title(form)
                or form + "." in self.lexicon.titles
            ):
                return True
        return False

    def is_honorific(self, word: Word) -> bool:
        return self.lexicon.is_honorific(word.text) or self.lexicon.is_honorific(_lower(word))

    def looks_like_person_noun(self, word: Word) -> bool:
        lowered = word.text.lower()
        if self.is_role_noun(word) or _is_party_member(word, self.lexicon):
            return True
        if self.lexicon.is_organization_head(word.text, word.lemma):
            return False  # `the carmaker`, `the lender`: a company, however it ends
        # Plurals by their lemma: "passengers" is "passenger".
        form = word.lemma.lower() if lowered.endswith("s") and word.lemma else lowered
        return (
            word.upos == "NOUN"
            and form not in _NOT_PERSON_NOUNS
            and form.endswith(_PERSON_SUFFIXES)
            and len(form) > 4
        )

    def span(self, words: Sequence[Word]) -> TextSpan:
        start, end = words[0].start, words[-1].end
        return TextSpan(self.text[start:end], Span(start, end))

    def roles_at(self, sentence: Sentence, first: int, last: int) -> Iterator[TextSpan]:
        """The roles stated around the name that runs over words [first, last] of `sentence`."""
        phrases = [
            *self.stacked_titles(self.title_before(sentence, first, last)),
            self.office_after(sentence, last),
            self.apposition_after(sentence, first, last),
            self.shared_apposition(sentence, last),
            self.role_set_off_before(sentence, first, last),
            *self.described_before_named(sentence, first),
            self.fronted_as(sentence, first),
            self.inverted_predicate(sentence, first, last),
            self.as_after(sentence, last),
            self._as_after_possessive(sentence, last),
            *self.predicate_after(sentence, first, last),
            *self.predicates_after_apposition(sentence, first, last),
        ]
        for words in phrases:
            for part in self.coordinated_roles(words):
                yield self.span(part)
        side = _side_in_court(sentence, first, last)
        if side is not None:
            yield self.span([side])

    def office_after(self, sentence: Sentence, last: int) -> list[Word]:
        """`Ann Lee MP`: the letters of an office written after the name."""
        letters = office_letters(sentence.words, last, self.lexicon)
        return [letters] if letters is not None else []

    def stacked_titles(self, title: list[Word]) -> list[list[Word]]:
        """`Police spokesman Sgt. Tom Riley`: two titles stacked before a name are two roles,
        split where a capitalised title follows a lower-case role noun."""
        for position in range(1, len(title)):
            word, before = title[position], title[position - 1]
            if (
                word.text[:1].isupper()
                and before.text[:1].islower()
                and self.lexicon.is_title(word.text)
                and self.is_role_noun(before)
            ):
                return [title[:position], *self.stacked_titles(title[position:])]
        return [title]

    def coordinated_roles(self, phrase: Sequence[Word]) -> list[list[Word]]:
        """Each role of a phrase that may coordinate several, as far as it states a role."""
        return [part for part in self.split_coordinated(phrase) if self._states_a_role(part)]

    def each_role(self, phrase: Sequence[Word]) -> list[list[Word]]:
        """A description whole, or each role it coordinates (`the former minister and current
        party leader`); whole when only one part states a role (`the editor of a science and
        medical blog`)."""
        roles = self.coordinated_roles(phrase)
        if len(roles) > 1 or self._ends_in_titled_name(phrase):
            return roles  # `The singer-songwriter and activist Lena Ostrova`: not the name
        return [list(phrase)]

    def _ends_in_titled_name(self, phrase: Sequence[Word]) -> bool:
        """The phrase ends in a name right after a role noun (`activist Lena Ostrova`)."""
        position = len(phrase)
        while position > 0 and phrase[position - 1].upos == "PROPN":
            position -= 1
        return 0 < position < len(phrase) and self.is_role_noun(phrase[position - 1])

    def title_before(self, sentence: Sentence, first: int, last: int) -> list[Word]:
        """`Senate Majority Leader John Hale`: role words right before the name (honorifics
        skipped), extended left over their modifiers."""
        words = sentence.words
        position = self._skip_coordinated_names(words, first - 1)
        shared = position < first - 1
        while (
            position >= 0
            and self.is_honorific(words[position])
            and not _first_lady(words, position)
        ):
            position -= 1
        if position < 0 or (shared and not plural_title(words[position], self.lexicon)):
            return []  # `Vice President Tomas Berg and Anna Holm`: his title, not hers
        end = position
        position = self._role_of_complement(words, position)
        if position < 0:
            return []
        while position - 1 >= 0 and self._title_modifier(words, position - 1):
            position -= 1
        if (
            position >= 2
            and words[position - 1].text.lower() == "and"
            and self.is_role_noun(words[position - 2])
        ):
            # `the lawyer and activist Ana Kovac`: two titles, split by `roles_at`.
            position -= 2
            while position - 1 >= 0 and self._title_modifier(words, position - 1):
                position -= 1
        role = list(words[position : end + 1])
        while role and (role[0].text.lower() == "of" or role[0].upos == "PUNCT"):
            role.pop(0)
        return role

    def _skip_coordinated_names(self, words: Sequence[Word], position: int) -> int:
        """`Sens. Ana Kovac and Tomas Ruiz`: for Ruiz, the title stands before Kovac."""
        for _ in range(4):
            if position < 1 or words[position].text.lower() not in (",", "and"):
                return position
            before = position - 1
            if before >= 0 and words[before].text == "," and position >= 2:
                before -= 1  # "A, and B"
            before = before_party_tag(words, before)  # "Tomas Ruiz (D-Mont.) and Peter Wong"
            before = _before_home(words, before)  # "Ana Kovac of Croatia and Tomas Berg"
            before = _before_apposition(words, before)  # "Kovac, Republican of Maine, and"
            if before < 0 or words[before].upos != "PROPN" or self.is_role_noun(words[before]):
                return position
            while (
                before >= 0
                and words[before].upos == "PROPN"
                and not self.is_role_noun(words[before])
            ):
                before -= 1
            position = before
        return position

    def _role_of_complement(self, words: Sequence[Word], position: int) -> int:
        """Where the title ends: at `position` when it is a role noun, or at the role noun of
        `Secretary of State`, `Speaker of the House` before the name; -1 when neither."""
        if self.is_role_noun(words[position]) or _first_lady(words, position):
            return position
        if words[position].upos not in ("PROPN", "NOUN"):
            return -1
        # `Minister for Foreign Affairs`: the portfolio's capitalised words before the name.
        start = position
        while (
            start - 1 >= 0
            and position - start < MAX_PORTFOLIO_WORDS - 1
            and words[start - 1].text[:1].isupper()
            and words[start - 1].upos in ("PROPN", "NOUN", "ADJ")
        ):
            start -= 1
        for gap in _PORTFOLIO_GAPS:
            head = start - len(gap) - 1
            if head >= 0 and all(
                words[start - 1 - offset].text.lower() == part for offset, part in enumerate(gap)
            ):
                if "to" in gap:
                    # `ambassador to Russia`, `envoy to the United Nations`: a post's place.
                    singular = "Number=Plur" not in words[head].feats
                    return head if singular and self.is_role_noun(words[head]) else -1
                if "Number=Plur" in words[head].feats or (
                    "for" in gap and not words[head].text[:1].isupper()
                ):
                    return -1  # `Voters for Clean Water`, `a candidate for Ana`: no post
                # `Secretary of State for Transport`: a title with a complement of its own.
                if self.is_role_noun(words[head]):
                    return head
                return self._role_of_complement(words, head)
        return -1

    def _title_modifier(self, words: Sequence[Word], index: int) -> bool:
        word = words[index]
        lowered = word.text.lower()
        if lowered == "of":
            # "Secretary of State", "Bank of England Governor": only between a role noun, or a
            # body's capitalised head word, and a capitalised word.
            before = words[index - 1] if index > 0 else None
            return (
                before is not None
                and (
                    self.is_role_noun(before)
                    or (
                        before.text[:1].isupper()
                        and self.lexicon.is_organization_head(before.text, before.lemma)
                    )
                )
                and words[index + 1].text[:1].isupper()
            )
        if word.upos in ("PUNCT",) and word.text not in ("-",):
            return False
        if self.is_honorific(word) or lowered in MISTAGGED_PREPOSITIONS:
            return False
        if lowered in _RELATIVES and word.upos != "PROPN":
            return False  # `the WHO Director-General`, read as a name, modifies the title
        if word.upos in ("ADJ", "NOUN", "PROPN", "NUM") or self.is_role_noun(word):
            return True
        if word.upos == "VERB" and word.deprel == "amod" and "VerbForm=Part" in word.feats:
            # `retired teacher Helen Marsh`: a participle as an adjective; not a cue right after
            # a quotation (`"...," vowed union boss Sharon Graham`).
            return not (
                index > 0
                and words[index - 1].text in CLOSING_MARKS
                and self.lexicon.is_cue(word.lemma)
            )
        if lowered in self.lexicon.rank_words and word.text[:1].isupper():
            return True  # `Acting Chief Ana Ruiz`, "Acting" tagged a verb
        return word.text == "-" or lowered in _POSSESSIVE

    def apposition_after(self, sentence: Sentence, first: int, last: int) -> list[Word]:
        """`Dev Patel, 54, a shopkeeper on Main Street`: the noun phrase after the name's comma,
        past an age or a party tag."""
        words = sentence.words
        position = _past_home(words, self._skip_tags(words, last + 1))
        if position >= len(words) or words[position].text not in _APPOSITION_MARKS:
            return []
        position = self._skip_age(words, position)
        if position + 1 < len(words) and words[position + 1].text.lower() in _PRESENT_ADVERBS:
            position += 1  # `Gary Neville, now a pundit for Sky Sports,`
        phrase = self.noun_phrase(words, position + 1)
        if phrase and phrase[0].text.lower() == "whose":
            return []  # `the union, whose president, ...`: a relative clause's subject
        if phrase and phrase[0].text.lower() in _CONJUNCTIONS:
            return []  # `Maria Santos, 29, and her husband, Joao,`: someone else
        if runs_into_its_verb(sentence, words[first : last + 1], phrase):
            return []  # `According to the Met Office, a further 50mm of rain could fall`
        if not self._apposition_is_role(phrase):
            return []
        return [*phrase, *self._department_after(words, phrase)]

    def _department_after(self, words: Sequence[Word], phrase: list[Word]) -> list[Word]:
        """`Dana Fox, vice-president, public affairs for Northwind Air`: a bare title, then
        after its comma the department it heads and the body it works for."""
        end = phrase[-1].index + 1
        head = self.head_noun(phrase)
        if (
            end + 1 >= len(words)
            or words[end].text != ","
            or phrase[0].text.lower() in _DETERMINERS
            or head is None
            or not self.lexicon.is_title(head.text)
        ):
            return []
        department = self.noun_phrase(words, end + 1)
        opener = department[0] if department else None
        linked = [w for w in department if w.text.lower() in _DEPARTMENT_LINKS]
        if (
            opener is None
            or not opener.text[:1].islower()
            or opener.upos not in ("NOUN", "ADJ")
            or not linked
            or not any(w.text[:1].isupper() for w in department if w.start > linked[0].start)
        ):
            return []
        return [words[end], *department]

    def shared_apposition(self, sentence: Sentence, last: int) -> list[Word]:
        """`Ana Kovac and Tomas Ruiz, the two founders of the trust,`: a plural apposition
        after the name joined to this one by "and" describes both."""
        words = sentence.words
        position = last + 1
        if position + 1 >= len(words) or words[position].text.lower() != "and":
            return []
        first = position + 1
        if words[first].lemma.lower() == "the":
            first += 1  # `China and the United States, ...`
        end = first
        while end + 1 < len(words) and words[end + 1].upos == "PROPN":
            end += 1
        if first >= len(words) or words[first].upos != "PROPN":
            return []
        phrase = self.apposition_after(sentence, first, end)
        head = self.head_noun(_after_one_of(phrase)) if phrase else None
        return phrase if head is not None and "Number=Plur" in head.feats else []

    def _apposition_is_role(self, phrase: Sequence[Word]) -> bool:
        """An apposition to a name is a role unless it is a time, a place or another name:
        its head noun names a person, or it is a bare noun phrase ("senior associate for ...")
        or one opened by a determiner whose head is no word of time."""
        if not phrase or contrasts(phrase) or phrase[0].text.lower() in _RELATIVES:
            return False  # `Maria Santos, whose son works at the plant,`: a clause, no role
        if self._states_a_role(phrase):
            return True
        phrase = _after_one_of(phrase)
        head = self.head_noun(phrase)
        owned = len(phrase) > 2 and phrase[1].text in _POSSESSIVE  # `Marlow's biggest employer`
        if (
            head is None
            or head.upos != "NOUN"
            or (phrase[0].upos in ("ADP", "NUM", "PROPN") and not owned)
        ):
            return False
        if any(w.start == head.end and w.text == "-" for w in phrase):
            return True  # `a start-up based in Selby`: not "start", whatever its own use
        return (
            head.lemma.lower() not in self.lexicon.time_words
            and head.lemma.lower() not in _NOT_ROLES
        )

    def split_coordinated(self, phrase: Sequence[Word]) -> list[list[Word]]:
        """`director of the centre and a professor at the school`: two roles."""
        parts: list[list[Word]] = [[]]
        for index, word in enumerate(phrase):
            following = phrase[index + 1] if index + 1 < len(phrase) else None
            if (
                word.text.lower() == "and"
                and following is not None
                and (
                    following.text.lower() in _DETERMINERS
                    or self.is_role_noun(following)
                    or following.upos == "ADJ"
                    or self._heads_role(phrase[index + 1 :])  # `minister and party leader`
                )
                and parts[-1]
                # `a steady and outspoken supporter`: adjectives joined, one role.
                and any(
                    w.upos in ("NOUN", "PROPN") or _is_party_member(w, self.lexicon)
                    for w in parts[-1]
                )
            ):
                parts.append([])
                continue
            if parts[-1] or word.upos != "ADV":  # `and now the chairman of ...`
                parts[-1].append(word)
        return [part for part in parts if part]

    def _heads_role(self, phrase: Sequence[Word]) -> bool:
        head = self.head_noun(phrase)
        return head is not None and self.is_role_noun(head)

    def _skip_tags(self, words: Sequence[Word], position: int) -> int:
        """Past a possessive-free party or place tag in brackets, `(D-Ohio)`, or set off by
        commas as wire copy writes it, `, R-Texas,` (to the comma after it)."""
        position = after_party_tag(words, position)
        if (
            position + 2 < len(words)
            and words[position].text == ","
            and (_WIRE_PARTY_TAG.match(words[position + 1].text))
        ):
            closing = next(
                (
                    w.index
                    for w in words[position + 1 : position + 2 + MAX_TAG_WORDS]
                    if w.text == ","
                ),
                None,
            )
            return closing if closing is not None else position
        return position

    def _skip_age(self, words: Sequence[Word], comma: int) -> int:
        """`, 54,`: the comma after the age, else `comma` itself."""
        if (
            comma + 2 < len(words)
            and words[comma + 1].upos == "NUM"
            and words[comma + 2].text == ","
        ):
            return comma + 2
        return comma

    def noun_phrase(self, words: Sequence[Word], start: int) -> list[Word]:
        """The noun phrase from `start`, up to a comma, a clause or the sentence's end."""
        phrase: list[Word] = []
        for word in words[start : start + MAX_ROLE_WORDS]:
            lowered = word.text.lower()
            if word.upos == "PUNCT" and word.text not in ("-", "'", "\u2019"):
                break
            if lowered in _RELATIVES and phrase and word.upos != "PROPN":  # not `the WHO envoy`
                break
            if (
                word.upos in ("VERB", "AUX")
                and not self._participle_in_phrase(word, phrase, words)
                and not self._modifies_role_noun(words, word)
            ):
                break
            if word.upos in ("SCONJ", "PRON") and lowered not in _DETERMINERS:
                break
            if word.upos in ("DET", "ADV") and phrase and phrase[-1].upos in ("NOUN", "PROPN"):
                break  # `the day the president signed`, `the secretary aggressively attacked`
            phrase.append(word)
        while phrase and (
            phrase[-1].upos in ("ADP", "CCONJ", "DET", "PART") or phrase[-1].text == "-"
        ):
            if _hyphen_compound_end(phrase):
                break  # `a start-up`, the parser's "up" a preposition
            phrase.pop()
        return phrase

    def _modifies_role_noun(self, words: Sequence[Word], word: Word) -> bool:
        """`managing director`, `acting chair`, `presiding judge`: an "-ing" word right before
        a role noun is its modifier, however the tagger took it."""
        following = words[word.index + 1] if word.index + 1 < len(words) else None
        return (
            word.text.lower().endswith("ing")
            and following is not None
            and following.upos != "VERB"
            and self.is_role_noun(following)
        )

    def _participle_in_phrase(self, word: Word, phrase: list[Word], words: Sequence[Word]) -> bool:
        """`a lawyer based in Lyon`, `a Minsk-based analyst`: a participle after a noun, or
        glued to a hyphen, stays in the phrase; not a verb with a subject of its own (`her work
        as director of the unit ended in May`)."""
        if not phrase or not word.text.lower().endswith(("ed", "ing")):
            return False
        if word.deprel == "amod":
            return True  # `the leading opposition candidate`
        if any(w.head == word.index and w.deprel.startswith("nsubj") for w in words):
            return False
        previous = phrase[-1]
        if previous.head == word.index and previous.deprel.startswith("nsubj"):
            return False  # `the nominee noted`: the verb the phrase is subject of
        return (
            previous.upos == "NOUN"
            or (previous.text == "-" and previous.end == word.start)
            or _hyphen_compound_end(phrase)  # `a start-up based in Selby`
        )

    def _states_a_role(self, phrase: Sequence[Word]) -> bool:
        """A phrase is a role when its head noun (the last noun before a preposition) names a
        person's position or occupation; `one of the mayor's most trusted deputies` by the class
        it picks the speaker from."""
        phrase = _after_one_of(phrase)
        if len(phrase) > 1 and phrase[0].upos == "NUM" and phrase[0].text.isalpha():
            phrase = phrase[1:]  # "two harbour developers": a class counted, not an age
        if len(phrase) > 1 and _is_year(phrase[0]):
            phrase = phrase[1:]  # "2019 winner of the Booker Prize": a year, not an age
        if not phrase or phrase[0].upos in ("ADP", "NUM") or phrase[0].text[:1].isdigit():
            return False
        head = self.head_noun(phrase)
        if head is not None and head in phrase and _first_lady(phrase, phrase.index(head)):
            return True
        return head is not None and self.looks_like_person_noun(head)

    def head_noun(self, phrase: Sequence[Word]) -> Word | None:
        """The noun a phrase is about: the last before a preposition, after any possessor
        (`The Bank of England's governor` is a governor)."""
        owner = next((i for i, w in enumerate(phrase) if w.text in _POSSESSIVE), None)
        # A preposition inside a name (`Bank of England`) opens no complement.
        complement = next(
            (
                i
                for i, w in enumerate(phrase)
                if w.upos == "ADP" and not (i and phrase[i - 1].text[:1].isupper())
            ),
            len(phrase),
        )
        if owner is not None and owner < complement and owner + 1 < len(phrase):
            phrase = phrase[owner + 1 :]  # not in a complement: `architect of the mayor's campaign`
        head: Word | None = None
        for position, word in enumerate(phrase):
            # `Lakers forward`: a role noun ending the phrase the tagger took for a preposition.
            preposition = word.upos == "ADP" and not (
                (word is phrase[-1] and self.is_role_noun(word))
                or self._inside_body_name(phrase, position)
            )
            # `the best loved and most feared presenters`: adjectives may be coordinated;
            # `vice-president, public affairs for ...`: the department after the comma.
            if preposition or (word.text.lower() in ("and", "or", "nor", ",") and head is not None):
                break
            if head is not None and self._participle_after_noun(phrase, position):
                break  # `a lawyer representing the families` is a lawyer
            if word.upos in ("NOUN", "PROPN") or self.is_role_noun(word):
                head = word
        return head

    def _inside_body_name(self, phrase: Sequence[Word], position: int) -> bool:
        """`Bank of England Governor`: the "of" at `position` joins a body's capitalised head
        word to the rest of its name, before the title; not the complement of a title
        (`Secretary of State`)."""
        before = phrase[position - 1] if position else None
        after = phrase[position + 1] if position + 1 < len(phrase) else None
        return (
            before is not None
            and after is not None
            and before.text[:1].isupper()
            and after.text[:1].isupper()
            and self.lexicon.is_organization_head(before.text, before.lemma)
            and self.is_role_noun(phrase[-1])
        )

    def _participle_after_noun(self, phrase: Sequence[Word], position: int) -> bool:
        """The word at `position` opens a participial modifier of the noun before it (`a lawyer
        representing ...`, `a firm based in ...`); not a modifier of a role noun after it
        (`chief operating officer`)."""
        word = phrase[position]
        following = phrase[position + 1] if position + 1 < len(phrase) else None
        return (
            word.upos == "VERB"
            and word.deprel not in ("amod", "compound")
            and word.text.lower().endswith(("ing", "ed"))
            and not (following is not None and self.is_role_noun(following))
        )

    def role_set_off_before(self, sentence: Sentence, first: int, last: int) -> list[Word]:
        """`The leader of the opposition, Victor Alvarez, said`, `said Northwind's chief executive,
        Rachel Kim`: a role phrase, then the name set off by a comma. Read first with the comma
        right before the name (`Her longtime deputy at the port authority, Marta Lindqvist,`),
        then back over the names listed before it (`two harbour developers, Ana Kovac and Tomas
        Ruiz,`)."""
        words = sentence.words
        for position in dict.fromkeys((first - 1, self._skip_coordinated_names(words, first - 1))):
            phrase = self._set_off_at(sentence, first, last, position)
            if phrase:
                return phrase
        return []

    def described_before_named(self, sentence: Sentence, first: int) -> list[list[Word]]:
        """`a rickshaw driver named Rafiq`: the description "named" (or "called") follows, and
        a role set off before that description (`Her neighbour, a driver named Rafiq,`)."""
        words = sentence.words
        participle = first - 1
        if participle < 1 or words[participle].text.lower() not in NAMING_PARTICIPLES:
            return []
        opening = participle
        while opening > 0 and self._inside_role_phrase(words[opening - 1]):
            opening -= 1
        if opening > 0 and words[opening - 1].text.lower() in _POSSESSIVE_PRONOUNS:
            opening -= 1
        phrase = list(words[opening:participle])
        if not phrase or len(phrase) > MAX_ROLE_WORDS or not self.is_role_noun(phrase[-1]):
            return []  # `the town called Ayr`: no person's description
        before = self._set_off_at(sentence, opening, participle - 1, opening - 1)
        return [phrase, before] if before else [phrase]

    def _set_off_at(self, sentence: Sentence, first: int, last: int, position: int) -> list[Word]:
        """The role phrase ending right before `position`, where the comma before the name (or
        the list it ends) should stand."""
        words = sentence.words
        after = _past_home(words, last + 1, listed=True)  # `Ana Kovac of Croatia and ...`
        # Back over other names: `two harbour developers, Ana Kovac and Tomas Ruiz,`.
        listed = position != first - 1 or (after < len(words) and words[after].text == "and")
        while position >= 0 and self.is_honorific(words[position]):
            position -= 1
        title = self.title_before(sentence, first, last)
        if title and position >= title[0].index:
            # `Her co-host, the singer and campaigner Ana Kovac,`: past the name's own title.
            position = title[0].index - 1
            if position >= 0 and words[position].text.lower() in ARTICLES:
                position -= 1
        if position < 1 or words[position].text != ",":
            return []
        opening = position
        while opening > 0 and self._inside_role_phrase(words[opening - 1]):
            opening -= 1
        if opening > 0 and words[opening - 1].text.lower() in _POSSESSIVE_PRONOUNS:
            opening -= 1  # `his senior harbour adviser, Tomas Ruiz,`: a relation is a role
        phrase = list(words[opening:position])
        if not phrase or len(phrase) > MAX_ROLE_WORDS or not self._opens_role(words, opening):
            return []
        head = self.head_noun(phrase)
        if head is not None and "Number=Plur" in head.feats and not listed:
            return []  # `Speaking to reporters, Ruiz said`: many are no role of one name
        # `A Republican, Ms. Kovac is campaigning`: a description opening the sentence may stand
        # before its subject; elsewhere the name must be set off or speak.
        opens_sentence = opening == 0 and phrase[0].text.lower() in _DETERMINERS
        if (
            after < len(words)
            and words[after].text not in _AFTER_SET_OFF_NAME
            and not opens_sentence
        ):
            return []
        return phrase if self._states_a_role(phrase) else []

    def fronted_as(self, sentence: Sentence, first: int) -> list[Word]:
        """`As a radio presenter, Price ...`: a role opening the sentence after "as", set off by
        a comma right before the name (or its title); also after a participle opening it:
        `Speaking as chair of the committee, Ana Kovac said`."""
        words = sentence.words
        opening = 1 if words and words[0].upos == "CCONJ" else 0  # `But as governor, ...`
        if (
            len(words) > opening + 1
            and words[opening].upos == "VERB"
            and is_participle(words[opening])
        ):
            opening += 1  # `Speaking as ...`, `Writing as ...`
        if len(words) <= opening or words[opening].text.lower() != "as":
            return []
        comma = first - 1
        while comma > 0 and words[comma].text != "," and words[comma].upos == "PROPN":
            comma -= 1  # `As governor, Gov. Ana Kovac`: over the title
        closing = comma
        if comma > 0 and words[comma].text in QUOTE_MARK_WORDS and words[comma - 1].text == ",":
            comma -= 1  # `As a presenter on "Morning Tide," Price`: the comma inside
        if comma < opening + 2 or words[comma].text != ",":
            return []
        phrase = list(words[opening + 1 : comma])
        if len(phrase) > MAX_ROLE_WORDS or any(
            w.upos in ("VERB", "AUX") or (w.upos == "PUNCT" and w.text not in QUOTE_MARK_WORDS)
            for w in phrase
        ):
            return []
        if not self._states_a_role(phrase):
            return []
        return [*phrase, words[closing]] if closing != comma else phrase

    def inverted_predicate(self, sentence: Sentence, first: int, last: int) -> list[Word]:
        """`One of the mayor's closest allies is Peter Wong.`: a role phrase opening the
        sentence as the subject of "is" or "was", and the name ending the clause after it."""
        words = sentence.words
        copula = first - 1
        while copula > 0 and self.is_honorific(words[copula]):
            copula -= 1
        if copula < 2 or words[copula].text.lower() not in ("is", "was"):
            return []
        following = words[last + 1] if last + 1 < len(words) else None
        if following is not None and following.text not in (",", ".", ";"):
            return []
        phrase = self.noun_phrase(words, 0)
        if len(phrase) != copula or phrase[0].text.lower() not in _DETERMINERS | {"one"}:
            return []
        return phrase if self._states_a_role(phrase) else []

    def as_after(self, sentence: Sentence, last: int) -> list[Word]:
        """`named Tomas Ruiz as its new port director`: a noun phrase after "as" right after the
        name, headed by a post the lexicon knows (not `painted Ruiz as a harbour crusader`), on
        a verb that names to a post, not one that characterizes (`described Ruiz as ...`)."""
        words = sentence.words
        if last + 2 >= len(words) or words[last + 1].text.lower() != "as":
            return []
        post = self._post_after_as(words, last + 2)
        governors = {words[w.head].lemma.lower() for w in (words[last], *post) if w.head >= 0}
        if governors & self.lexicon.characterizing_verbs:
            return []  # `described Ruiz as a climate evangelist`: how someone paints him
        return post

    def _as_after_possessive(self, sentence: Sentence, last: int) -> list[Word]:
        """`as_after_possessed` where the parser wrote the possessive ending as a word."""
        following = last + 1
        if following < len(sentence.words) and sentence.words[following].text in _POSSESSIVE:
            return self.as_after_possessed(sentence, following + 1)
        return []

    def _post_after_as(self, words: Sequence[Word], position: int) -> list[Word]:
        """The noun phrase at `position`, right after "as", when it names a post."""
        phrase = self._until_time(self.noun_phrase(words, position))
        opening = phrase[0] if phrase else None
        if opening is None or (
            opening.upos not in ("DET", "ADJ", "NOUN", "PROPN")
            and opening.text.lower() not in _DETERMINERS
        ):
            return []  # `as well as`, `as many as`
        # A post the lexicon knows, not a characterization ("painted him as a crusader").
        head = self.head_noun(_after_one_of(phrase))
        if head is None or "Number=Plur" in head.feats:
            return []  # `sees them as the usual politicians`: a class, not a post
        return phrase if self.is_role_noun(head) else []

    def _before_bare_time(self, phrase: list[Word]) -> list[Word]:
        """`mayor last year`: the phrase before a time written with no preposition."""
        for index, word in enumerate(phrase[1:], start=1):
            if word.text.lower() not in self.lexicon.time_words:
                continue
            opener = phrase[index - 1].text.lower() in _TIME_DETERMINERS
            cut = index - 1 if opener and index > 1 else index
            if phrase[cut - 1].upos == "NOUN":  # not `the winner of Friday's race`
                return phrase[:cut]
        return phrase

    def _until_time(self, phrase: list[Word]) -> list[Word]:
        """`as port director on Monday`: the phrase up to a preposition that says when."""
        for index, word in enumerate(phrase):
            if (
                word.upos == "ADP"
                and word.text.lower() != "of"  # `the winner of Monday's vote`: what, not when
                and (
                    any(w.text.lower() in self.lexicon.time_words for w in phrase[index + 1 :])
                    or (index + 1 < len(phrase) and _is_year(phrase[index + 1]))  # `from 2012`
                )
            ):
                return phrase[:index]
        return phrase

    def as_after_possessed(self, sentence: Sentence, owned: int) -> list[Word]:
        """`Hale's record as health minister`, `Ruiz's first year as mayor`: the post the
        possessor held, after the noun it owns (from word `owned` on)."""
        words = sentence.words
        position = owned
        while position < len(words) and position - owned < MAX_OWNED_WORDS:
            if words[position].upos not in ("ADJ", "NOUN", "NUM"):
                break
            position += 1
        if position == owned or words[position - 1].upos != "NOUN":
            return []
        if position + 1 >= len(words) or words[position].text.lower() != "as":
            return []
        return self._post_after_as(words, position + 1)

    def fronted_as_before(self, sentence: Sentence, subject: Word) -> list[list[Word]]:
        """`As finance minister, he ...`, `But as governor he ...`: a post after "as" opening
        the sentence, right before its pronoun subject."""
        words = sentence.words
        opening = 0
        while opening < len(words) and (
            words[opening].upos == "CCONJ" or words[opening].text in QUOTE_MARK_WORDS
        ):
            opening += 1  # `But as governor he ...`, `"As finance minister, I ...`
        if subject.index < opening + 2 or words[opening].text.lower() != "as":
            return []
        phrase = self._post_of_pronoun(words, opening + 1)
        after = phrase[-1].index + 1 if phrase else 0
        if after < len(words) and words[after].text == ",":
            after += 1
        return [phrase] if phrase and after == subject.index else []

    def as_after_pronoun_possessed(self, words: Sequence[Word], owned: int) -> list[Word]:
        """`her years as mayor`, `his use of a private jet as harbour commissioner`, `her work at
        Harbour University as a surgeon`: the post held, after the noun a possessive pronoun
        owns and its complements, which name things (a person there may be the one "as" is
        said of: `his praise of Ruiz as a leader`)."""
        position = owned
        while position < min(len(words), owned + MAX_OWNED_PHRASE_WORDS):
            word = words[position]
            if word.text.lower() == "as" or word.upos not in _OWNED_PHRASE_TAGS:
                break
            if word.upos == "PROPN" and not self._ends_organization_name(words, position):
                return []
            position += 1
        if position == owned or position + 1 >= len(words):
            return []
        preposition = words[position]
        if preposition.text.lower() != "as" or preposition.upos != "ADP":
            return []  # `as his deputy struggles`: a clause, not a post
        if words[position - 1].upos not in ("NOUN", "PROPN"):
            return []
        return self._post_of_pronoun(words, position + 1)

    def _post_of_pronoun(self, words: Sequence[Word], position: int) -> list[Word]:
        """The post after "as" at `position`, up to a second "as" (`as secretary of state and
        as a senator`); none owned by someone else (`as his deputy`)."""
        if words[position].text.lower() in _POSSESSIVE_PRONOUNS:
            return []
        phrase = self._post_after_as(words, position)
        cut = next((i for i, w in enumerate(phrase) if w.text.lower() == "as"), len(phrase))
        while cut and phrase[cut - 1].upos in ("CCONJ", "ADP", "DET"):
            cut -= 1
        return phrase[:cut]

    def _ends_organization_name(self, words: Sequence[Word], position: int) -> bool:
        """The proper noun at `position` is part of a name whose last word makes it an
        organisation (`Harbour University`)."""
        while position + 1 < len(words) and words[position + 1].upos == "PROPN":
            position += 1
        last = words[position]
        return self.lexicon.is_organization_head(last.text, last.lemma)

    def _inside_role_phrase(self, word: Word) -> bool:
        if word.text.lower() == "whose":
            return False  # `the union, whose president, Tom Lind,`: the post, not the relative
        if word.upos in ("DET", "ADJ", "NOUN", "PROPN", "NUM") or self.is_role_noun(word):
            return True
        return word.text.lower() in _ROLE_PHRASE_LINKS

    def _opens_role(self, words: Sequence[Word], opening: int) -> bool:
        """The phrase starts the sentence, follows a quotation or dash, or follows the cue
        ("said Northwind's chief executive, Rachel Kim")."""
        if opening == 0 or words[opening].text.lower() in _POSSESSIVE_PRONOUNS:
            return True
        if words[opening].upos == "NUM":
            return True  # `charged two harbour developers, Ana Kovac and Tomas Ruiz,`
        before = words[opening - 1]
        return before.upos == "PUNCT" or before.text.lower() in _SET_OFF_OPENERS

    def predicate_after(self, sentence: Sentence, first: int, last: int) -> list[list[Word]]:
        """`Hale is the chamber's majority leader`, `Hale, who was a teacher,`, `served as`; past
        an age set off after the name (`Hale, 45, is a nurse`)."""
        words, position = sentence.words, last + 1
        if (
            position + 2 < len(words)
            and words[position].text == ","
            and words[position + 1].upos == "NUM"
            and words[position + 2].text == ","
        ):
            position += 2  # onto the comma after the age, which the predicate may open with
        return self.predicate_chain(words, position)

    def predicate_chain(self, words: Sequence[Word], position: int) -> list[list[Word]]:
        """`who served as Y and is now Z`: each predicate of a chain joined by "and"."""
        found: list[list[Word]] = []
        while True:
            phrase = self.predicate_at(words, position)
            if not phrase:
                return found
            found.append(phrase)
            position = _past_when(words, phrase[-1].index + 1)
            # `a former nurse who is a fierce critic of ...`: the relative clause on the
            # predicate noun states more of the same person.
            if position < len(words) and words[position].text.lower() == "who":
                continue
            if position >= len(words) or words[position].text.lower() != "and":
                return found
            position += 1

    def predicate_at(self, words: Sequence[Word], position: int) -> list[Word]:
        """The role stated by a predicate starting at `position`: `(, who) is Y`, `served as Y`."""
        if position < len(words) and words[position].text == ",":
            position += 1
        if position < len(words) and words[position].text.lower() == "who":
            position += 1
        while position < len(words) and words[position].upos == "ADV":
            position += 1
        linked = _past_linking_verb(words, position)
        if linked is None:
            return []
        position, left = linked
        while position < len(words) and words[position].upos == "ADV":
            position += 1  # "is now president of ..."
        position = _past_appointment(words, position)
        phrase = self.noun_phrase(words, position)
        # `has been a registered Democrat since 2003`: when, not what.
        phrase = list(itertools.takewhile(lambda w: w.text.lower() not in _SINCE, phrase))
        phrase = self._until_time(phrase)  # `was a nurse for 20 years`
        phrase = self._before_bare_time(phrase)  # `was elected mayor last year`
        if left:  # `resigned as mayor in 2019`, `quit as coach after the final`: the post only
            phrase = self._post_without_when(phrase)
        if phrase and (phrase[0].text.lower() in _NEGATIONS or phrase[0].upos in ("VERB", "AUX")):
            return []  # `is not a member of ...`, `is urging residents`: no role of theirs
        head = self.head_noun(phrase) if phrase else None
        if (
            phrase
            and phrase[0].text.lower() not in _DETERMINERS
            and not self.is_role_noun(phrase[0])
            and phrase[0].upos != "ADJ"
            and not (head is not None and self.is_role_noun(head))  # `as port director`
        ):
            return []
        # `she was the best athlete in the country`: praise, not a role.
        return phrase if self._states_a_role(phrase) and not _praises(phrase) else []

    def copular_description(self, words: Sequence[Word], position: int) -> list[Word]:
        """`is the body that sets the fares`: the noun phrase after "is" or "was" at
        `position`, for what a thing is (`predicate_at` reads posts of people)."""
        if position + 1 >= len(words) or words[position].text.lower() not in ("is", "was"):
            return []
        if words[position].upos != "AUX":
            return []
        phrase = self.noun_phrase(words, position + 1)
        return phrase if phrase and phrase[0].text.lower() in _DETERMINERS | {"one"} else []

    def with_restrictive_clause(self, sentence: Sentence, phrase: list[Word]) -> list[Word]:
        """`a charity that runs four shelters`: the phrase with a relative clause on its head
        that no comma sets off (that clause says which, and belongs to it)."""
        head = self.head_noun(_after_one_of(phrase)) if phrase else None
        words = sentence.words
        after = phrase[-1].index + 1 if phrase else len(words)
        if head is None or after >= len(words) or words[after].text.lower() not in _RELATIVES:
            return phrase
        clause = next(
            (w for w in words[after:] if w.deprel == "acl:relcl" and w.head == head.index), None
        )
        if clause is None:
            return phrase
        end = after
        last = sentence.subtree(clause.index)[-1].index
        for word in words[after : last + 1]:
            if word.text in (",", ";", ":", "."):
                break
            end = word.index
        return [*phrase, *words[after : end + 1]]

    def says_something(self, phrase: Sequence[Word], *, clause: bool) -> bool:
        """A description of something that says more than what it is called: a complement,
        a relative `clause`, an owner or "one of" (`one of the largest producers`, `the agency
        that oversees ...`, `the unit of the ministry`, `Marlow's biggest employer`), headed by
        a common noun."""
        rest = _after_one_of(phrase)
        head = self.head_noun(rest) if rest else None
        if head is None or head.upos != "NOUN" or head.lemma.lower() in self.lexicon.time_words:
            return False
        owner = any(w.text in _POSSESSIVE for w in rest)  # `the city's biggest employer`
        return clause or owner or len(rest) < len(phrase) or head is not rest[-1]

    def _post_without_when(self, phrase: list[Word]) -> list[Word]:
        """The phrase up to a preposition other than a post's own (`of`, `for`, `at`) or a word
        of time: `chairman last year` -> `chairman`."""
        kept: list[Word] = []
        for word in phrase:
            if word.lemma.lower() in self.lexicon.time_words or (
                word.upos == "ADP" and word.text.lower() not in _POST_PREPOSITIONS
            ):
                break
            kept.append(word)
        while kept and kept[-1].upos in ("ADJ", "DET", "ADP"):
            kept.pop()
        return kept

    def predicates_after_apposition(
        self, sentence: Sentence, first: int, last: int
    ) -> list[list[Word]]:
        """`Marta Lindqvist-Berg, an economist who served as treasurer of the harbour trust`:
        the relative clause inside the apposition states further roles."""
        phrase = self.apposition_after(sentence, first, last)
        if not phrase:
            return []
        return self.predicate_chain(sentence.words, phrase[-1].index + 1)

    def description(self, sentence: Sentence, words: Sequence[Word]) -> list[Word]:
        """A mention of an unnamed speaker with its prepositional complements: `the governor`
        followed by `of the central bank` is `the governor of the central bank`."""
        phrase = list(words)
        position = phrase[-1].index + 1
        while position < len(sentence.words) and sentence.words[position].upos == "ADP":
            tail = self.noun_phrase(sentence.words, position)
            if len(tail) < 2 or tail[-1].text.lower() in self.lexicon.time_words:
                break  # `A federal judge on Friday`: when, not who
            phrase.extend(tail)
            position = tail[-1].index + 1
        return phrase


def _past_when(words: Sequence[Word], position: int) -> int:
    """Past a phrase of time after a predicate (`served as mayor for a decade and is now ...`),
    up to the next punctuation, conjunction or verb; else `position`."""
    if position >= len(words) or words[position].text.lower() not in _TIME_OPENERS:
        return position
    end = position + 1
    while end < len(words) and words[end].upos not in ("PUNCT", "CCONJ", "VERB", "AUX", "PRON"):
        end += 1
    return end


def _past_appointment(words: Sequence[Word], position: int) -> int:
    """Past a passive of being given a post (`was appointed chief executive`, `was elected
    mayor`, `was named as coach`): the post follows; else `position`."""
    if position >= len(words) or words[position].text.lower() not in _APPOINTED:
        return position
    position += 1
    if position < len(words) and words[position].text.lower() == "as":
        position += 1
    return position


# Words before a time that say which: `last year`, `this month`.
_TIME_DETERMINERS = frozenset({"last", "this", "next", "earlier", "later"})
# Passives of being given a post.
_APPOINTED = frozenset({"appointed", "elected", "named", "promoted", "chosen", "reelected"})


def _is_year(word: Word) -> bool:
    """A year written as a number: `from 2012`, `in 1998`."""
    return word.upos == "NUM" and len(word.text) == 4 and word.text[:2] in ("19", "20")


# Words that deny the predicate after them: `is not a member`, `isn't a conservative`.
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
# Prepositions opening when a post was held: `for a decade`, `until 2019`, `from 2010`.
_TIME_OPENERS = frozenset({"for", "since", "until", "from", "between", "during", "in"})

# Adverbs before an apposition that keep it a role the person holds: `now a pundit`.
_PRESENT_ADVERBS = frozenset({"now", "currently", "also"})

# Conjunctions that open a phrase about someone or something else after a name's comma (not
# "both", which opens a description shared: `Ruiz and Kovac, both former mayors,`).
_CONJUNCTIONS = frozenset({"and", "but", "or", "nor", "yet"})


# How many words the place or body a name is "of" may have: `Dale Whitcombe of Kansas,`.
MAX_HOME_WORDS = 3


def _past_home(words: Sequence[Word], position: int, *, listed: bool = False) -> int:
    """Past the place or body a name is "of" (`Dale Whitcombe of Kansas, the ranking
    Republican`, `Ana Kovac of the Harbour Institute, a port economist`), when an apposition
    follows it (with `listed`, also the next name of a list: `Ana Kovac of Croatia and`);
    else `position`."""
    if position >= len(words) or words[position].text != "of":
        return position
    start = position + 1
    if start < len(words) and words[start].text.lower() == "the":
        start += 1  # `of the Harbour Institute,`
    end = start
    while end < len(words) and end - start < MAX_HOME_WORDS and words[end].upos == "PROPN":
        end += 1
    marks = _APPOSITION_MARKS | ({"and"} if listed else set())
    ends_at_mark = end < len(words) and words[end].text in marks
    return end if end > start and ends_at_mark else position


def _before_home(words: Sequence[Word], end: int) -> int:
    """Back before the place a listed name is "of" (`Ana Kovac of Croatia` ending at `end`):
    the name's last word; else `end`."""
    start = end
    while start > 0 and end - start < MAX_HOME_WORDS and words[start].upos == "PROPN":
        start -= 1
    if start < 1 or start == end or words[start].text != "of":
        return end
    return start - 1 if words[start - 1].upos == "PROPN" else end


# How many words a short apposition between listed names may have: "Republican of Maine".
MAX_LISTED_APPOSITION_WORDS = 5


def _before_apposition(words: Sequence[Word], end: int) -> int:
    """`Senators Ana Kovac, Republican of Maine, and Tomas Ruiz`: the last word
    of the name before a short apposition ending at `end`, or `end` itself."""
    start = max(0, end - MAX_LISTED_APPOSITION_WORDS)
    comma = next((i for i in range(end, start - 1, -1) if words[i].text == ","), None)
    if comma is None or comma < 1 or comma == end:
        return end
    between = words[comma + 1 : end + 1]
    if any(w.upos not in ("PROPN", "ADJ", "NOUN", "ADP") for w in between):
        return end
    return comma - 1 if words[comma - 1].upos == "PROPN" else end


def _name_tokens(name: str) -> list[str]:
    return [part for part in name.split() if part]


def _bare(word: Word) -> tuple[str, bool]:
    """The word without a possessive ending, and whether it had one."""
    for ending in _POSSESSIVE:
        if word.text.endswith(ending) and len(word.text) > len(ending) + 1:
            return word.text[: -len(ending)], True
    return word.text, False


def clean_name(name: str, reader: RoleReader, words_by_text: dict[str, Word]) -> str:
    """The name without leading titles or honorifics: `Harbourmaster Elena Petrova` ->
    `Elena Petrova`, `Sen. Hale` -> `Hale`."""
    tokens = _name_tokens(name)
    while len(tokens) > 1:
        word = words_by_text.get(tokens[0])
        if word is None or not (reader.is_role_noun(word) or reader.is_honorific(word)):
            break
        tokens.pop(0)
    return " ".join(tokens)


def _first_name_part(word: Word, wanted: set[str], reader: RoleReader) -> bool:
    """A word of the name before its last: one of the canonical name's, or a capitalised
    proper noun that is neither a role nor an honorific ("Barack" before "Obama")."""
    if word.text in wanted:
        return True
    return (
        word.upos == "PROPN"
        and word.text[:1].isupper()
        and not reader.is_role_noun(word)
        and not reader.is_honorific(word)
        and not word.text.endswith(("'s", "\u2019s"))
    )


def _glued(sentence: Sentence, index: int) -> int:
    """The last word of a hyphenated name starting at `index` ("Lindqvist - Berg" written
    "Lindqvist-Berg"), or of one the tokenizer cut after its apostrophe ("O' Rourke" written
    "O'Rourke"), or `index` itself."""
    words = sentence.words
    end = index
    if (
        end + 1 < len(words)
        and len(words[end].text) == 2
        and words[end].text[1] in "'\u2019"
        and words[end + 1].start == words[end].end
        and words[end + 1].text[:1].isupper()
    ):
        end += 1
    while (
        end + 2 < len(words)
        and words[end + 1].text in ("-", "\u2010", "\u2011")
        and words[end + 1].start == words[end].end
        and words[end + 2].start == words[end + 1].end
        and words[end + 2].text[:1].isupper()
    ):
        end += 2
    return end


def _written(sentence: Sentence, first: int, last: int, text: str) -> str:
    return text[sentence.words[first].start : sentence.words[last].end]


def _sightings(doc: ParsedDoc) -> dict[str, list[_Sighting]]:
    """Every capitalised word (or hyphenated run) of the document by how it is written, without
    a possessive ending: (sentence, its first word, its last word, possessive). Built once per
    document, so that finding a name is a look-up, not a walk over the article."""
    found: dict[str, list[_Sighting]] = {}
    for sentence in doc.sentences:
        for word in sentence.words:
            if not (word.text[:1].isupper() or particle_joined(word.text)):  # `al-Saud`
                continue
            end = _glued(sentence, word.index)
            last_word = sentence.words[end]
            bare, possessive = _bare(last_word)
            written = _written(sentence, word.index, end, doc.text)
            if possessive:
                written = written[: len(written) - (len(last_word.text) - len(bare))]
            found.setdefault(written, []).append((sentence, word.index, end, possessive))
    return found


def _occurrences(
    doc: ParsedDoc, tokens: Sequence[str], reader: RoleReader
) -> Iterator[tuple[Sentence, int, int, bool]]:
    """Every place the name is written: (sentence, first word, last word, possessive); by its
    surname, so "Chief Justice Roberts" is a place of "John G. Roberts Jr." too."""
    wanted = set(tokens)
    surnames = [t for t in tokens if t.lower() not in _NAME_SUFFIXES] or list(tokens)
    for sentence, start, end, possessive in reader.sightings(doc).get(surnames[-1], ()):
        if start == end and sentence.words[start].upos == "PRON":
            continue  # "I": no name, and `the two books I wrote` gives it no title
        first = start
        extra = 0
        # In a title-cased headline every word looks like a name: one first name at most, and
        # none when the name has its own.
        most = (int(len(wanted) == 1)) if title_cased(sentence) else MAX_EXTRA_NAME_PARTS
        while (
            first > 0
            and _first_name_part(sentence.words[first - 1], wanted, reader)
            and not describes_people_before_name(sentence.words[first - 1], sentence.words[first])
        ):
            if sentence.words[first - 1].text not in wanted:
                extra += 1
                # "the House", "of State" or "Minister for Housing" belong to a title; names
                # have few parts.
                if extra > most or _in_portfolio(sentence, first - 1, reader):
                    break
            first -= 1
        given = {w.text for w in sentence.words[first:start]}
        if len(tokens) > 1 and given and not given & wanted:
            continue  # "Ann Lee" is not "Bill Lee"
        following = sentence.words[end + 1] if end + 1 < len(sentence.words) else None
        if not possessive and following is not None and following.text.lower() in _NAME_SUFFIXES:
            end += 1  # "Ruiz Jr.": the apposition comes after the suffix
        yield sentence, first, end, possessive


def _in_portfolio(sentence: Sentence, index: int, reader: RoleReader) -> bool:
    """The word at `index` follows "the" or "of", or the "for" of a title (`Minister for
    Housing`; not `voted for Ana Kovac`), or "to" and stands apart from the name after it
    (`ambassador to Russia`): part of a title, no first name."""
    if index < 1:
        return False
    # `Director of Public Health Sarah Lee`: past the portfolio's capitalised adjectives, its
    # "of" (not "the": `the Republican Ana Kovac`).
    opening = index
    while opening > 1 and _capitalised_adjective(sentence.words[opening - 1]):
        opening -= 1
    if opening < index and sentence.words[opening - 1].text.lower() == "of":
        return True
    before = sentence.words[index - 1].text.lower()
    if before in ("the", "of"):
        return True
    if before == "to":
        # `ambassador to Russia Michael Lind`: the post's place, hung apart from the name (not
        # `an aide to Ana Lind`, one name).
        word = sentence.words[index]
        return word.deprel != "flat" and not any(
            c.deprel == "flat" for c in sentence.children(index)
        )
    # `Minister for Housing`, `Secretary of State for Transport`: a capitalised title shortly
    # before (not `candidate for Ana`, `Voters for Clean Water`).
    return before == "for" and any(
        reader.is_role_noun(w) and w.text[:1].isupper() and "Number=Plur" not in w.feats
        for w in sentence.words[max(0, index - 4) : index - 1]
    )


def _capitalised_adjective(word: Word) -> bool:
    return word.upos == "ADJ" and word.text[:1].isupper()


def _first_lady(words: Sequence[Word], position: int) -> bool:
    """`former first lady Ana Ruiz`: "lady" after "first" is a post, no honorific."""
    return (
        position > 0
        and words[position].text.lower() == "lady"
        and words[position - 1].text.lower() == "first"
    )


# A party tag as wire copy writes it after a name: `R-Texas`, `D-N.Y.` (the tokenizer may
# cut it after the hyphen: `R-` then `Texas`).
_WIRE_PARTY_TAG = re.compile(r"^[DRI]-")
_NAME_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})
# The words between a title and its portfolio before a name, read backwards from the
# portfolio: `Secretary of State`, `Minister for Housing`, `ambassador to the United Nations`.
_PORTFOLIO_GAPS = (("of",), ("the", "of"), ("for",), ("the", "for"), ("to",), ("the", "to"))
# How many capitalised words a portfolio after "of" or "for" may have: `for Foreign Affairs`.
MAX_PORTFOLIO_WORDS = 3
# How many words before a surname may be taken for the rest of the name ("Joseph R. Biden").
MAX_EXTRA_NAME_PARTS = 2


def _written_names(
    doc: ParsedDoc, surname: str, reader: RoleReader
) -> Iterator[tuple[int, str, str | None]]:
    """Every full name written with this surname: (offset, "First [Middle] Surname [Jr.]",
    the gender the words before it state)."""
    for sentence, first, last, possessive in _occurrences(doc, [surname], reader):
        gender = gender_before_name(sentence, first, reader.lexicon)
        if possessive:
            if last > first:
                bare, _ = _bare(sentence.words[last])
                start = sentence.words[first].start
                yield start, doc.text[start : sentence.words[last].start] + bare, gender
            continue
        end = last
        following = sentence.words[end + 1] if end + 1 < len(sentence.words) else None
        if following is not None and following.text.lower() in _NAME_SUFFIXES:
            end += 1
        elif (
            following is not None
            and following.text == ","
            and end + 2 < len(sentence.words)
            and sentence.words[end + 2].text.lower() in _NAME_SUFFIXES
        ):
            end += 2
        if end == last and first < last and not title_cased(sentence):
            end = _name_continued(sentence, first, last, reader)
        if end > first:
            yield sentence.words[first].start, _written(sentence, first, end, doc.text), gender


def _name_continued(sentence: Sentence, first: int, last: int, reader: RoleReader) -> int:
    """The last word of a person's name that goes on after the word sought, a word it hangs
    on (`Luiz Inácio Lula da Silva` for "Lula", `Claudia Sheinbaum Pardo` for "Sheinbaum"):
    the name is all of it, not the words up to that one. Not a body named after a person
    (`Ana Ruiz Foundation`), nor a title after a body's name (`Harbour Bank CEO Ana Ruiz`)."""
    words = sentence.words
    lexicon = reader.lexicon
    end = last
    while end + 1 < len(words) and end - last < MAX_EXTRA_NAME_PARTS:
        following = words[end + 1]
        joined = following.deprel == "flat" and first <= following.head <= end
        if not joined or not (
            (following.upos == "PROPN" and following.text[:1].isupper())
            or following.text in NAME_PARTICLES
        ):
            break
        if not following.text[-1:].isalpha():
            return last  # `''Larry King Now''`: a show's title, quoted
        if (
            lexicon.is_organization_head(following.text, following.lemma)
            or lexicon.is_role_word(following.text)
            or following.text.lower() in lexicon.post_nominals  # `Simon Achterberg KC`
        ):
            return last
        end += 1
    while end > last and words[end].text in NAME_PARTICLES:
        end -= 1  # a particle ends no name
    return end


def fullest_name(doc: ParsedDoc, speaker: Speaker, name: str, reader: RoleReader) -> str:
    """The fullest name the article writes for a speaker known by `name` ("Biden" ->
    "Joseph R. Biden Jr."): of the names written with its last word and agreeing with its
    other words, the longest; where the article names two people so ("Bill Clinton", "Hillary
    Clinton"), the one written last before the speaker's first mention."""
    tokens = _name_tokens(name)
    if not tokens:
        return name
    first_mention = min((m.span.start for m in speaker.mentions), default=len(doc.text))
    genders = reader.lexicon.genders
    # `Mr. Ruiz` is not `the first lady, Ana Ruiz`.
    stated = {genders.get(m.text.split()[0].lower()) for m in speaker.mentions if m.text} - {None}
    written = [
        (start, full)
        for start, full, gender in _written_names(doc, tokens[-1], reader)
        if set(tokens) <= set(_name_tokens(full))
        and len(_name_tokens(full)) <= 5
        and not (len(stated) == 1 and gender is not None and gender not in stated)
    ]
    if not written:
        return name
    firsts = {_name_tokens(full)[0] for _, full in written}
    if len(firsts) > 1:
        before = [item for item in written if item[0] < first_mention]
        if not before or len(tokens) > 1:
            return name
        chosen_first = _name_tokens(before[-1][1])[0]
        written = [item for item in written if _name_tokens(item[1])[0] == chosen_first]
    longest = max(written, key=lambda item: (len(_name_tokens(item[1])), -item[0]))[1]
    return longest if len(_name_tokens(longest)) > len(tokens) else name


def full_name(doc: ParsedDoc, name: str) -> str:
    """The name with a hyphenated last part the mention cut off: "Marta Lindqvist" written
    "Marta Lindqvist-Berg" in the text."""
    last = name.rsplit(" ", 1)[-1]
    if not any(f"{last}{dash}" in doc.text for dash in ("-", "\u2010", "\u2011")):
        return name
    for sentence in doc.sentences:
        for word in sentence.words:
            end = _glued(sentence, word.index)
            if end == word.index:
                continue
            written = _written(sentence, word.index, end, doc.text)
            head = name.rsplit(" ", 1)
            if head[-1] == word.text and word.start >= len(name) - len(head[-1]):
                before = doc.text[word.start - len(name) + len(head[-1]) : word.start]
                if before + word.text == name:
                    return name[: len(name) - len(head[-1])] + written
    return name


_SURNAME_AFTER_NICKNAME = (
    r"\s+[\"\u201c][A-Z][^\"\u201c\u201d]{0,30}[\"\u201d]\s+([A-Z][\w'\u2019-]+)"
)


def across_nickname(text: str, name: str) -> str:
    """`Jaylen "Jet" Morrissey`: a first name the parse cut at a quoted nickname goes on to the
    surname written after it (the nickname is no part of the name)."""
    if " " in name or not name[:1].isupper():
        return name
    found = re.search(rf"\b{re.escape(name)}{_SURNAME_AFTER_NICKNAME}", text)
    return f"{name} {found.group(1)}" if found else name


def is_named(speaker: Speaker) -> bool:
    """A person (or unknown) whose name is a proper name: every word capitalised but for the
    particles of names ("de", "van", "bin")."""
    tokens = _name_tokens(speaker.name)
    return (
        speaker.kind in (SpeakerKind.PERSON, SpeakerKind.UNKNOWN)
        and bool(tokens)
        and tokens[0][:1].isupper()
        and all(t[:1].isupper() or t in NAME_PARTICLES or particle_joined(t) for t in tokens)
    )


def _words_in(doc: ParsedDoc, mention: TextSpan) -> tuple[Sentence, list[Word]] | None:
    for sentence in doc.sentences:
        if sentence.start <= mention.span.start < sentence.end:
            words = [
                w
                for w in sentence.words
                if w.start >= mention.span.start and w.end <= mention.span.end
            ]
            return (sentence, words) if words else None
    return None


def _description_roles(doc: ParsedDoc, speaker: Speaker, reader: RoleReader) -> Iterator[TextSpan]:
    """Mentions that describe the speaker by a role noun ("the minister", "a spokesman for
    the clinic"), with their complements."""
    for mention in speaker.mentions:
        found = _words_in(doc, mention)
        if found is None:
            continue
        sentence, words = found
        if _by_nationality(words, reader.lexicon):
            if is_named(speaker):  # `"...," the Dutchman said`: a description of one named
                yield reader.span(words)
            continue
        head = reader.head_noun(_after_one_of(words))  # `one of the mayor's advisers`
        if head is None or head.upos == "PROPN" or _opens_with_pronoun(words):
            continue
        if head.text[:1].isupper() and head.index > 0:
            continue  # a name the tagger took for a noun: `The Centers for Disease Control`
        trade = (
            speaker.kind is SpeakerKind.ORGANIZATION
            and head.lemma.lower() in reader.lexicon.company_trades
        )
        if not (trade or reader.looks_like_person_noun(head)) or _bare_category(
            words, head, reader
        ):
            continue
        for part in reader.each_role(reader.description(sentence, words)):
            yield reader.span(part)


def _by_nationality(words: Sequence[Word], lexicon: Lexicon) -> bool:
    """`the Dutchman`, `the South African`: "the" and a noun of nationality, as sports and
    world copy call a person it has named."""
    return (
        len(words) > 1
        and words[0].text.lower() == "the"
        and " ".join(w.text.lower() for w in words[1:]) in lexicon.nationalities
    )


def _opens_with_pronoun(words: Sequence[Word]) -> bool:
    """A mention by a pronoun (`he`, `those who ...`); a possessive one only owns the noun
    described (`its chief executive`, `her lawyer`)."""
    return words[0].upos == "PRON" and "Poss=Yes" not in words[0].feats


def _bare_category(words: Sequence[Word], head: Word, reader: RoleReader) -> bool:
    """`the company`, `the firm`: a company called by what any company is, no role of it (its
    trade is one: `the carmaker`)."""
    lemma = head.lemma.lower()
    lexicon = reader.lexicon
    return (
        words[-1] is head
        and lemma in lexicon.company_descriptors
        and lemma not in lexicon.company_trades
    )


def roles_of_speaker(
    doc: ParsedDoc, speaker: Speaker, reader: RoleReader
) -> tuple[Speaker, list[int], set[int]]:
    """The speaker with its roles read afresh at every mention, and its name cleaned; with
    where its name is written, and which of those places only modify a noun."""
    roles: dict[tuple[int, int], TextSpan] = {}
    name = speaker.name
    name_spans: list[tuple[int, int]] = []
    # `Lyle's sister, Angela Lyle`: a possessive of the surname owns the role, no mention.
    owning: list[tuple[int, int]] = []
    # Where the name only modifies a noun (`the presumed Wong favourite`): no antecedent there.
    modifiers: set[int] = set()
    if is_named(speaker):
        words_by_text = reader.words_by_text(doc)
        name = full_name(doc, clean_name(speaker.name, reader, words_by_text))
        name = fullest_name(doc, speaker, name, reader)
        tokens = _name_tokens(name)
        for sentence, first, last, possessive in _occurrences(doc, tokens, reader):
            if len(tokens) > 1 and _inside_longer_name(sentence, last, tokens, reader.lexicon):
                continue  # `the founder of Brentwood Logistics`: a firm's name, no mention
            name_spans.append((sentence.words[first].start, sentence.words[last].end))
            if possessive or doc.text[name_spans[-1][1] :][:2] in POSSESSIVE_S:
                owning.append(name_spans[-1])
            if not possessive and _modifies_noun(sentence, first, last):
                modifiers.add(sentence.words[first].start)
            for role in _roles_where_written(reader, sentence, first, last, possessive):
                roles.setdefault((role.span.start, role.span.end), role)
    for role in _roles_of_descriptions(doc, speaker, reader):
        roles.setdefault((role.span.start, role.span.end), role)
    starts = [start for start, _ in name_spans]
    if not roles and not name_spans:
        # A verbal relative clause (`The union, which represents 8,000 nurses,`) is no role.
        kept_roles = tuple(r for r in speaker.roles if not _after_relative(doc.text, r.span.start))
        return dataclasses.replace(speaker, roles=kept_roles), starts, modifiers
    # A phrase that runs into the name (`the veteran pilot and union organiser Tomas Ruiz`) is
    # a mention, not a role; the roles read inside it stand.
    apart = {
        key: role
        for key, role in roles.items()
        if not any(
            start < key[1] and key[0] < end
            for start, end in name_spans
            if (start, end) not in owning or key[0] != start
        )
    }
    kept = [role for key, role in sorted(apart.items()) if not any(_within(key, o) for o in apart)]
    posts = _posts_named(speaker, name, reader)
    kept = [
        role
        for role in kept
        if not any(
            _within((role.span.start, role.span.end), (p.span.start, p.span.end)) for p in posts
        )
    ] + posts
    # The roles are read where the name is written; a nickname only lengthens the name; a
    # speaker known by a post keeps it as written (`The Home Secretary`).
    name = speaker.mentions[0].text if posts else across_nickname(doc.text, name)
    name = with_kin_surname(doc, name, speaker.kind, reader.lexicon)  # `his wife, Mirela,`
    if name.lower() in _ONE_OF_THEM and kept:
        # `Another, a 45-year-old taxi driver, said`: no name but the description.
        described = dataclasses.replace(
            speaker, name=kept[0].text, roles=tuple(kept), kind=SpeakerKind.PERSON
        )
        return described, [], modifiers
    return dataclasses.replace(speaker, name=name, roles=tuple(kept)), starts, modifiers


# Words that pick one of those just described, which name no one: `One, a nurse, said`.
_ONE_OF_THEM = frozenset({"one", "another"})


_RELATIVE_BEFORE = re.compile(r"\b(?:who|which|that)\s*$", re.IGNORECASE)


def _after_relative(text: str, start: int) -> bool:
    """The text right before `start` is a relative pronoun: a role read off a verbal clause."""
    return _RELATIVE_BEFORE.search(text, max(0, start - 12), start) is not None


def _roles_of_descriptions(
    doc: ParsedDoc, speaker: Speaker, reader: RoleReader
) -> Iterator[TextSpan]:
    """Roles read off descriptions: an organisation's where its name is written, and any
    speaker's mentions by a role noun; a group's own label ("officials", "voters") is its
    name, not a role."""
    if speaker.kind is SpeakerKind.ORGANIZATION:
        yield from _organization_roles(doc, speaker.name, reader)
    if speaker.kind is not SpeakerKind.GROUP:
        yield from _description_roles(doc, speaker, reader)


def _organization_roles(doc: ParsedDoc, name: str, reader: RoleReader) -> Iterator[TextSpan]:
    """`Northgate Mining, one of the country's largest gold producers,`, `The Coastal Trust, a
    charity that runs four shelters,`, `The council is the body that sets the fares`: what the
    article says an organisation is, wherever its name is written, when it says something
    (`Brightwell Bank, the lender,` only calls the bank what it is)."""
    tokens = name.split()
    if not tokens or not tokens[-1][:1].isupper():
        return
    for sentence, start, end, possessive in reader.sightings(doc).get(tokens[-1], ()):
        first = start - len(tokens) + 1
        if possessive or first < 0 or start != end:
            continue
        if [w.text for w in sentence.words[first:start]] != tokens[:-1]:
            continue
        stated = [] if reader.in_reported(sentence.words[end]) else [sentence.words]
        for phrase in (
            reader.apposition_after(sentence, first, end),
            reader.shared_apposition(sentence, end),
            *(reader.copular_description(words, end + 1) for words in stated),
        ):
            described = reader.with_restrictive_clause(sentence, phrase)
            if reader.says_something(phrase, clause=len(described) > len(phrase)):
                role = reader.span(described)
                if not reader.said_of(role):
                    yield role


def _roles_where_written(
    reader: RoleReader, sentence: Sentence, first: int, last: int, possessive: bool
) -> list[TextSpan]:
    """The roles read at one place the name is written, but those said inside a quotation; a
    possessive (`Kovac's`) has only a title before it and a post after what it owns."""
    if possessive:
        phrases = (
            reader.title_before(sentence, first, last),
            reader.as_after_possessed(sentence, last + 1),
        )
        found = [reader.span(words) for words in phrases if words]
    else:
        found = list(reader.roles_at(sentence, first, last))
    return [role for role in found if not reader.said_of(role)]


def _posts_named(speaker: Speaker, name: str, reader: RoleReader) -> list[TextSpan]:
    """`The Home Secretary said`, `The Prime Minister said`: a speaker known only by a post
    written with capitals after "the" is named by the post, which is its role too."""
    tokens = name.split()
    if not tokens or not tokens[-1][:1].isupper() or not speaker.mentions:
        return []
    if not reader.lexicon.is_title(tokens[-1]):
        return []
    found: list[TextSpan] = []
    for mention in speaker.mentions:
        article, _, rest = mention.text.partition(" ")
        if article.lower() != "the" or not rest.endswith(tokens[-1]) or not rest[:1].isupper():
            return []  # `Laura Bishop`, `Mr. Bishop`: a surname
        start = mention.span.start + len(article) + 1
        found.append(TextSpan(rest, Span(start, mention.span.end)))
    return found


# Superlatives that rank people by standing, not by merit: `the most senior Democrat`.
_RANKING_SUPERLATIVES = frozenset({"senior", "junior", "longest-serving", "highest-ranking"})


def _praises(phrase: Sequence[Word]) -> bool:
    """A predicate that ranks the person by merit (`the best athlete`, `the most determined
    athlete`, `the greatest coach`): an evaluation, which is no role."""
    if len(phrase) < 2 or phrase[0].text.lower() != "the":
        return False
    second = phrase[1]
    if second.text.lower() == "most" and len(phrase) > 2:
        second = phrase[2]
    elif "Degree=Sup" not in second.feats:
        return False
    return second.text.lower() not in _RANKING_SUPERLATIVES


def _within(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    """One role read inside another at the same place (`veteran pilot` in `The veteran
    pilot`): the longer reading stands."""
    return inner != outer and outer[0] <= inner[0] and inner[1] <= outer[1]


def _inside_longer_name(
    sentence: Sentence, last: int, tokens: Sequence[str], lexicon: Lexicon
) -> bool:
    """The name's last word runs on into a capitalised word of another name (`Brentwood
    Logistics`, `the Lee Foundation`): that name, not the person, is written there; letters
    after a name (`Tom Hale KC`) are none."""
    words = sentence.words
    following = words[last + 1] if last + 1 < len(words) else None
    return (
        following is not None
        and not title_cased(sentence)  # `President Obama Speech at ...`: a headline's capitals
        and following.upos in ("PROPN", "NOUN")
        and following.text[:1].isupper()
        and following.text not in tokens
        and following.text.lower() not in lexicon.post_nominals
        and not words[last].text.endswith(("'s", "\u2019s"))
    )


def _modifies_noun(sentence: Sentence, first: int, last: int) -> bool:
    """The name inside a noun phrase, before the lower-case noun it modifies: `the presumed
    Wong favourite`, `the Wong plan` (however the parser hung it)."""
    words = sentence.words
    following = words[last + 1] if last + 1 < len(words) else None
    if following is None or following.upos not in ("NOUN", "ADJ"):
        return False
    if not following.text[:1].islower():
        return False
    before = first - 1
    while before >= 0 and words[before].deprel == "amod":
        before -= 1
    return before >= 0 and words[before].upos == "DET"


def _title_key(word: Word) -> str:
    lowered = word.text.lower().rstrip(".").rsplit("-", 1)[-1]
    lemma = word.lemma.lower().rstrip(".")
    key = lemma if lemma and lemma.isalpha() else lowered
    return ABBREVIATED_TITLES.get(key, ABBREVIATED_TITLES.get(lowered, key))


@dataclasses.dataclass(slots=True)
class _Candidate:
    """A named speaker that definite descriptions may refer to."""

    index: int
    title_keys: set[str]
    role_words: set[str]
    name_starts: list[int]
    parties: set[str]
    # Keys of posts held over something named ("leader of the protest"): a description that
    # names something else ("the Russian leader") is another post.
    complemented: set[str] = dataclasses.field(default_factory=set)


def _definite_descriptions(
    doc: ParsedDoc, reader: RoleReader
) -> Iterator[tuple[list[Word], Word, Sentence]]:
    """`the president`, `the Indiana governor`, `the former secretary of state`: definite noun
    phrases headed by a singular role noun and not followed by a name (that is a title)."""
    for sentence in doc.sentences:
        words = sentence.words
        for index, word in enumerate(words):
            if word.text.lower() != "the":
                continue
            phrase = _before_possessive(reader.noun_phrase(words, index))
            head = reader.head_noun(phrase)
            if head is None or not (
                _is_party_member(head, reader.lexicon)
                or (head.upos != "PROPN" and reader.is_role_noun(head))
            ):
                continue
            if "Number=Plur" in head.feats or (
                head.text.lower().endswith("s")
                and (head.lemma != head.text.lower() or reader.lexicon.is_role_noun(head.text[:-1]))
            ):
                continue
            following = words[head.index + 1] if head.index + 1 < len(words) else None
            if following is not None and following.upos == "PROPN" and following.text[:1].isupper():
                continue
            cut = [w for w in phrase if w.index <= head.index]
            described = _complemented(phrase, cut)
            yield [*described, *_coordinated_role(words, described, head, reader)], head, sentence


def _coordinated_role(
    words: Sequence[Word], phrase: list[Word], head: Word, reader: RoleReader
) -> list[Word]:
    """`and current party chair` after `the former mayor`: a second role of the same person,
    with no determiner of its own (`the mayor and the chair` are two people)."""
    position = phrase[-1].index + 1
    if position + 1 >= len(words) or words[position].text.lower() != "and":
        return []
    following = reader.noun_phrase(words, position + 1)
    second = reader.head_noun(following)
    if second is None or second.head != head.index or second.deprel != "conj":
        return []
    if following[0].text.lower() in _DETERMINERS or following[0].upos == "DET":
        return []  # `the nominee and his aides`: others
    if "Number=Plur" in second.feats or not reader.is_role_noun(second):
        return []
    after = following[-1].index + 1
    if after < len(words) and words[after].upos == "PROPN" and words[after].text[:1].isupper():
        return []  # `The singer-songwriter and activist Lena Ostrova`: titles before a name
    return [words[position], *following]


def _possessor(sentence: Sentence, phrase: list[Word]) -> bool:
    """The description owns what follows it: `one of the mayor's most trusted deputies` names the
    president as well as the aide."""
    following = phrase[-1].index + 1
    return following < len(sentence.words) and sentence.words[following].text in _POSSESSIVE


def _is_party_member(word: Word, lexicon: Lexicon) -> bool:
    """`the Republican`, `the Democrat`: one member of a party, named by its label."""
    return word.text.lower() in lexicon.parties and not word.text.endswith("s")


def _before_possessive(phrase: list[Word]) -> list[Word]:
    """`The Democratic candidate's call`: the description is the possessor, without "'s"."""
    for position, word in enumerate(phrase[1:], start=1):
        if word.text in _POSSESSIVE:
            return phrase[:position]
    return phrase


def _complemented(phrase: list[Word], cut: list[Word]) -> list[Word]:
    """Keep an `of` complement of the head (`secretary of state`), drop other tails."""
    rest = phrase[len(cut) :]
    if rest and rest[0].text.lower() == "of":
        return phrase
    return cut


def _candidate(
    index: int, speaker: Speaker, name_starts: list[int], lexicon: Lexicon
) -> _Candidate:
    """What a description may match in a named speaker: the head nouns of its roles (with
    abbreviated titles spelled out), every word of them, and the parties they name."""
    keys: set[str] = set()
    role_words: set[str] = set()
    parties: set[str] = set()
    complemented: set[str] = set()
    for role in speaker.roles:
        tokens = [t.lower().rstrip(".") for t in role.text.replace("-", " ").split() if t]
        role_words.update(_stem(token) for token in tokens)
        # The head is the last word before a complement: "secretary" of "secretary of state".
        head = next((i for i, t in enumerate(tokens) if t in COMPLEMENT_PREPOSITIONS), len(tokens))
        # A party before the complement is the speaker's (`Democratic Sen.`); one after it
        # names what the post is over (`president of the Democratic ... Caucus`).
        parties.update(lexicon.parties[t] for t in tokens[:head] if t in lexicon.parties)
        if head:
            word = tokens[head - 1]
            key = _ranked(ABBREVIATED_TITLES.get(word, word), tokens[: head - 1], lexicon)
            keys.add(key)
            keys.update(
                _ranked(ABBREVIATED_TITLES[t], _own_modifiers(tokens, i, lexicon), lexicon)
                for i, t in enumerate(tokens)
                if t in ABBREVIATED_TITLES
            )  # with its own ranks: a "vice presidential nominee" is no "candidate"
            if head < len(tokens):
                complemented.add(key)
    return _Candidate(index, keys, role_words, sorted(name_starts), parties, complemented)


def _own_modifiers(tokens: Sequence[str], position: int, lexicon: Lexicon) -> Sequence[str]:
    """The words before the title at `position` back to the title stacked before it: "former"
    of "former presidential candidate Sen." is the candidate's, not the senator's."""
    start = position
    while start > 0 and not lexicon.is_title(tokens[start - 1]):
        start -= 1
    return tokens[start:position]


def _stem(word: str) -> str:
    """Enough of a word to match its other forms: "Democratic" and "Democrat"."""
    return word.lower().rstrip(".")[:6]


def _referent(
    phrase: list[Word], head: Word, candidates: Sequence[_Candidate], lexicon: Lexicon
) -> _Candidate | None:
    """The named speaker a description refers to: its roles share the description's head noun,
    and any capitalised modifier that tells the speakers apart ("the Democratic nominee" is not
    the Republican one; "the South Carolina senator" is the only senator); of those, the one
    sharing most modifiers, then the one named most recently before it. When no speaker's
    roles have the head noun, the one speaker of the description's party ("the Republican
    nominee" for the person called a Republican), unless a rank word makes it another post."""
    base = _title_key(head)
    premodifiers = [
        part for w in phrase[1:] if w.start < head.start for part in w.text.lower().split("-")
    ]
    key = _ranked(base, premodifiers, lexicon)
    known = set().union(*(c.role_words for c in candidates))
    modifiers = {_stem(w.text) for w in phrase[1:] if w.text[:1].isupper()} & known
    parties = {lexicon.parties[w] for w in premodifiers if w in lexicon.parties}
    # Modifiers a post held over something named must share: "the iron-fisted leader", "the
    # Russian leader" are not "the leader of the protest"; "the leader" may be.
    named = {_stem(w) for w in premodifiers if w not in lexicon.rank_words and w.isalpha()}
    holders = [
        c
        for c in candidates
        if any(_same_post(key, held) for held in c.title_keys)
        and not (c.parties and parties - c.parties)  # "the Democratic candidate": no Libertarian
        and not (key in c.complemented and named - c.role_words)
    ]
    chosen = _best_named_before(head, holders, modifiers, unique=False)
    if chosen is None and parties and key == base:
        # Not someone holding another rank of the post ("the vice presidential nominee").
        chosen = _best_named_before(
            head,
            [
                c
                for c in candidates
                if parties <= c.parties and not any(k.endswith(" " + base) for k in c.title_keys)
            ],
            set(),
            unique=True,
        )
    return chosen


_FORMER = frozenset({"former", "ex"})


def _same_post(described: str, held: str) -> bool:
    """Whether a description's title key names a post the speaker holds: the same head and
    ranks, except that "the former secretary" may be the person who "was secretary" (never the
    other way round)."""
    described_ranks, _, described_head = described.rpartition(" ")
    held_ranks, _, held_head = held.rpartition(" ")
    if described_head != held_head:
        return False
    wanted, has = (
        set(filter(None, described_ranks.split("+"))),
        set(filter(None, held_ranks.split("+"))),
    )
    return has <= wanted and wanted - has <= _FORMER


def _ranked(key: str, words: Sequence[str], lexicon: Lexicon) -> str:
    """A title key with the rank words before it: "vice nominee" is another post than
    "nominee"."""
    rank = sorted(set(words) & lexicon.rank_words)
    return f"{'+'.join(rank)} {key}" if rank else key


def _best_named_before(
    head: Word, candidates: Sequence[_Candidate], modifiers: set[str], *, unique: bool
) -> _Candidate | None:
    """Of `candidates` named before `head` and sharing a modifier when there are any, the one
    sharing most, then the latest; with `unique`, only when just one is left."""
    ranked: list[tuple[int, int, _Candidate]] = []
    for candidate in candidates:
        shared = len(modifiers & candidate.role_words)
        before = [start for start in candidate.name_starts if start < head.start]
        if before and (shared or not modifiers):
            ranked.append((shared, before[-1], candidate))
    if not ranked or (unique and len(ranked) > 1):
        return None
    return max(ranked, key=lambda item: item[:2])[2]


# Modal verbs that make a predicate a possibility, and words of a post not yet held.
_MODALS = frozenset({"could", "would", "will", "might", "may", "should", "must", "'ll", "\u2019ll"})
_NOT_YET = frozenset({"next", "future", "would-be", "prospective"})


def _hypothetical(sentence: Sentence, head: Word, phrase: Sequence[Word]) -> bool:
    """`... could be the next mayor`, `the future chancellor`: a post someone may hold, which
    describes no one who holds it now."""
    if any(w.text.lower() in _NOT_YET for w in phrase):
        return True
    return any(
        c.deprel == "aux" and c.text.lower() in _MODALS for c in sentence.children(head.index)
    )


def _link_descriptions(
    doc: ParsedDoc, speakers: list[Speaker], reader: RoleReader, name_starts: list[list[int]]
) -> None:
    """Give each definite description ("the senator") to the named speaker it refers to."""
    named = _named_candidates(speakers, reader, name_starts)
    if not named:
        return
    candidates = [c for c in named if speakers[c.index].roles]
    owned = [(c.index, role.span) for c in candidates for role in speakers[c.index].roles]
    known = [span for _, span in owned]
    added: dict[int, list[TextSpan]] = {}
    # Whom copy goes on about: a person, or a name of two words or more that may be one (not
    # a single word of unknown kind: `America`, a town).
    focus = _Focus(
        doc,
        [
            c
            for c in named
            if speakers[c.index].kind is SpeakerKind.PERSON
            or len(_name_tokens(speakers[c.index].name)) > 1
        ],
        reader.lexicon,
    )
    for phrase, head, sentence in _definite_descriptions(doc, reader):
        inside = any(span.start <= phrase[0].start and phrase[-1].end <= span.end for span in known)
        if inside and not (phrase[-1] is head and _possessor(sentence, phrase)):
            continue  # part of a role already read ("one of the aides"), not its owner
        if _hypothetical(sentence, head, phrase):
            continue
        referent = _described(phrase, head, sentence, focus, candidates, reader.lexicon)
        if referent is None or _title_of_another(phrase, head, owned, referent.index):
            continue
        stated = reader.predicate_after(sentence, phrase[0].index, phrase[-1].index)
        # `The former governor is a triathlete`: what is said of the description is theirs.
        added.setdefault(referent.index, []).extend(
            reader.span(p) for p in [*reader.each_role(phrase), *stated]
        )
        focus.saw(sentence, phrase, referent)
    for phrase, holders in _plural_descriptions(doc, reader, candidates):
        described = reader.span(phrase)
        if reader.said_of(described):
            continue  # `"... than the usual politicians," Ruiz said`: a class he talks of
        for holder in holders:
            added.setdefault(holder.index, []).append(described)
    for index, roles in added.items():
        _add_roles(speakers, index, roles)


def _title_of_another(
    phrase: Sequence[Word], head: Word, owned: Sequence[tuple[int, Span]], referent: int
) -> bool:
    """`The UN special envoy to Syria Geir Lund`: a description whose head lies in a title
    another speaker has, read there without the article, is that speaker's title."""
    holders = {
        index for index, span in owned if phrase[0].start < span.start <= head.start < span.end
    }
    return bool(holders) and referent not in holders


def _described(
    phrase: list[Word],
    head: Word,
    sentence: Sentence,
    focus: _Focus,
    candidates: Sequence[_Candidate],
    lexicon: Lexicon,
) -> _Candidate | None:
    """The named speaker a definite description refers to: the person in focus, unless a
    speaker holds the post with every word that tells it apart (`the president` is who was
    called President, whoever spoke last); never past a name it stands in apposition to."""
    titled = _referent(phrase, head, candidates, lexicon)
    referent = focus.subject(phrase, head, sentence)
    if referent is None or (titled is not None and _holds_all_of(titled, phrase, head)):
        referent = titled
    apposed = _apposed_to(phrase, head, sentence)
    if apposed is not None and (referent is None or apposed.start not in referent.name_starts):
        return None  # `Robert Hale, the party's biggest donor,`: the name's, whoever it is
    return referent


def _apposed_to(phrase: list[Word], head: Word, sentence: Sentence) -> Word | None:
    """The name a description stands in apposition to, set off by a comma (the parser may
    call it a list)."""
    start = phrase[0].index
    if head.deprel not in ("appos", "list") or head.head < 0 or start == 0:
        return None
    if sentence.words[start - 1].text not in _APPOSITION_MARKS:
        return None
    owner = sentence.words[head.head]
    return owner if owner.upos == "PROPN" else None


def _holds_all_of(candidate: _Candidate, phrase: list[Word], head: Word) -> bool:
    """The candidate's roles have every word that tells the description's post apart: `Ohio`
    of "the Ohio governor", `state` of "the secretary of state"."""
    return _telling_words(phrase, head) <= candidate.role_words


def _telling_words(phrase: list[Word], head: Word) -> set[str]:
    """The words of a description that tell its post apart from others of the same noun."""
    return {
        _stem(w.text)
        for w in phrase
        if w is not head
        and w.upos in ("NOUN", "PROPN", "ADJ")
        and w.text.lower() not in _PAST_WORDS
    }


def _named_candidates(
    speakers: list[Speaker], reader: RoleReader, name_starts: list[list[int]]
) -> list[_Candidate]:
    """The named people descriptions may refer to. Two speakers of one name (merged later) are
    one candidate: the first of them."""
    first_of: dict[str, int] = {}
    for index, speaker in enumerate(speakers):
        first_of.setdefault(speaker.name.lower(), index)
    return [
        _candidate(index, speaker, name_starts[index], reader.lexicon)
        for index, speaker in enumerate(speakers)
        if is_named(speaker)
        and speaker.kind is not SpeakerKind.ORGANIZATION
        and name_starts[index]
        and first_of[speaker.name.lower()] == index
    ]


# The most words a headline may have for its descriptions to be read.
MAX_HEADLINE_WORDS = 20


def _link_headline(
    doc: ParsedDoc, speakers: list[Speaker], reader: RoleReader, name_starts: list[list[int]]
) -> None:
    """`Former harbour chief calls for new pier` over a story quoting "a former harbour chief,
    Ana Kovac": a headline, which drops articles, names a person by a post before the story
    does. A description there (a singular role noun with its modifiers, no name after it) is
    the one named speaker holding that post, without the headline's words before the post
    that are none of that speaker's roles."""
    headline = _headline(doc)
    if headline is None:
        return
    # Described people too: `A former harbour chief says ...` is named later, and merged.
    candidates = [
        _candidate(index, speaker, name_starts[index], reader.lexicon)
        for index, speaker in enumerate(speakers)
        if speaker.roles
        and speaker.kind in (SpeakerKind.PERSON, SpeakerKind.UNKNOWN)
        and not any(m.span.start < headline.end for m in speaker.mentions)
    ]
    for head in headline.words:
        phrase = _headline_description(headline, head, reader)
        if not phrase:
            continue
        key = _ranked(_title_key(head), [w.text.lower() for w in phrase[:-1]], reader.lexicon)
        holders = [c for c in candidates if any(_same_post(key, held) for held in c.title_keys)]
        # The same post before one the description may also mean ("former chair" or "chair").
        exact = [c for c in holders if key in c.title_keys]
        holders = exact if len(exact) == 1 else holders
        if len(holders) != 1:
            continue
        # `Ana Kovac Slams Harbour Chief`: the words before the post that are none of the
        # holder's roles belong to the rest of the headline; a post stripped of all its
        # modifiers so (`Island leader`) may be anyone's.
        kept = list(phrase)
        while len(kept) > 1 and _stem(kept[0].text) not in holders[0].role_words:
            kept.pop(0)
        if len(kept) > 1 or len(phrase) == 1:
            _add_roles(speakers, holders[0].index, [reader.span(kept)])


def _headline(doc: ParsedDoc) -> Sentence | None:
    """The article's first paragraph when it is one short sentence before more: a headline."""
    if len(doc.paragraphs) < 2 or not doc.sentences:
        return None
    first = doc.sentences[0]
    alone = all(s.start >= doc.paragraphs[0].end for s in doc.sentences[1:])
    return first if alone and len(first.words) <= MAX_HEADLINE_WORDS else None


def _headline_description(sentence: Sentence, head: Word, reader: RoleReader) -> list[Word]:
    """`Former harbour chief`: a singular role noun of a headline with the title words before
    it, when no name follows it (`Harbour chief Ana Kovac` is a title)."""
    if not reader.is_role_noun(head) or "Number=Plur" in head.feats or head.upos == "VERB":
        return []
    following = sentence.words[head.index + 1] if head.index + 1 < len(sentence.words) else None
    if following is not None and following.upos == "PROPN" and not title_cased(sentence):
        return []
    phrase = reader.title_before(sentence, head.index + 1, head.index + 1)
    before = sentence.words[phrase[0].index - 1] if phrase and phrase[0].index > 0 else None
    if before is not None and (
        before.upos not in ("VERB", "ADP", "PUNCT", "CCONJ") or before.head == head.index
    ):
        return []  # `the leading harbour pilot`: a phrase that goes on to the left
    return phrase


_COUNTED_PAIR = frozenset({"two", "both"})


def _plural_descriptions(
    doc: ParsedDoc, reader: RoleReader, candidates: Sequence[_Candidate]
) -> Iterator[tuple[list[Word], list[_Candidate]]]:
    """`the senators`, `the two senators`, `both candidates`: a plural description of a post
    that two or more named speakers hold describes each of them (with "two" or "both", the two
    named last before it)."""
    for sentence in doc.sentences:
        for index, word in enumerate(sentence.words):
            if word.text.lower() not in ("the", "both"):
                continue
            phrase = reader.noun_phrase(sentence.words, index)
            head = reader.head_noun(phrase)
            if head is None or "Number=Plur" not in head.feats or not reader.is_role_noun(head):
                continue
            if head.text[:1].isupper() or phrase[-1] is not head:
                continue  # a title before names, or a phrase that goes on
            key = _title_key(head)
            holders = [
                c
                for c in candidates
                if any(_same_post(key, held) for held in c.title_keys)
                and any(start < head.start for start in c.name_starts)
            ]
            if {w.text.lower() for w in phrase} & _COUNTED_PAIR:
                holders.sort(key=lambda c: max(s for s in c.name_starts if s < head.start))
                holders = holders[-2:]
            if len(holders) >= 2:
                yield phrase, holders


# How far back (in paragraphs) the person a subject description refers to may be named.
FOCUS_REACH_PARAGRAPHS = 1


def _verb(word: Word) -> bool:
    return word.upos in ("VERB", "AUX")


def _finite(word: Word) -> bool:
    """A verb or auxiliary that is no participle or infinitive."""
    return word.upos in ("VERB", "AUX") and not any(
        form in word.feats for form in ("VerbForm=Part", "VerbForm=Ger", "VerbForm=Inf")
    )


def _opens_as_subject(phrase: list[Word], head: Word, sentence: Sentence) -> bool:
    """The description opens the sentence as the subject of its main verb, and no name follows
    it in apposition ("The Danish premier, Mette Holm, ..." is someone else)."""
    words = sentence.words
    opens = phrase[0].index == 0 or _after_opening_quotation(words, phrase[0].index)
    if not opens or not head.deprel.startswith("nsubj") or head.head < 0:
        return False
    if words[head.head].deprel != "root":
        return False
    after = phrase[-1].index + 1
    return not (
        after + 1 < len(words) and words[after].text == "," and words[after + 1].upos == "PROPN"
    )


def _after_opening_quotation(words: Sequence[Word], start: int) -> bool:
    """`"We are taking them seriously," the senior officer said.`: a quotation opening the
    sentence leaves the description after it its first words of the writer's own."""
    return (
        start >= 2
        and words[0].text in OPENING_MARKS
        and words[start - 1].text in CLOSING_MARKS
        and not any(w.text in CLOSING_MARKS for w in words[1 : start - 1])
    )


# How the parser hangs a fronted clause or phrase on the main verb.
_FRONTED_RELATIONS = frozenset({"advcl", "obl", "advmod", "ccomp"})


def _after_fronted_clause(phrase: list[Word], head: Word, sentence: Sentence) -> bool:
    """The description is the main verb's subject, right after a comma that ends a clause or
    phrase fronted before it."""
    words = sentence.words
    start = phrase[0].index
    if start >= 3 and words[start - 1].text in CLOSING_MARKS and words[start - 2].text == ",":
        start -= 1  # `On the episode of "Morning Tide," the senator said`: the comma inside
    if start < 2 or words[start - 1].text != "," or not head.deprel.startswith("nsubj"):
        return False
    if head.head < 0 or words[head.head].deprel != "root":
        return False
    root = head.head
    fronted = [
        c
        for c in sentence.children(root)
        if c.deprel.split(":")[0] in _FRONTED_RELATIONS and c.start < head.start
    ]
    covered = {w.index for c in fronted for w in sentence.subtree(c.index)}
    return all(w.index in covered or w.upos in ("PUNCT", "CCONJ") for w in words[: start - 1])


def _posts_given_names(sentence: Sentence, lexicon: Lexicon) -> Iterator[tuple[str, set[str]]]:
    """(title key, its telling words) of each post the sentence gives a name: a title or role noun
    right before it (`Mayor Ana Kovac`, `New Jersey Gov. Chris Webb`, `prosecutor Ana Kovac`,
    `referee Hugo Brandt`), or a description set off before it (`the mayor, Ana Kovac,`) or
    after it (`Ana Kovac, the mayor,`)."""
    words = sentence.words
    for word in words[:-1]:
        following = words[word.index + 1]
        if word.upos not in ("NOUN", "PROPN"):
            continue
        post = lexicon.is_title(word.text) or lexicon.is_role_noun(word.text)
        if post and following.upos == "PROPN" and following.text[:1].isupper():
            first = word.index
            while first > 0 and words[first - 1].upos in ("PROPN", "ADJ", "NOUN"):
                first -= 1
            yield _title_key(word), _telling_words(list(words[first : word.index + 1]), word)
        if post and word.upos == "NOUN" and _name_set_off_after(words, word.index):
            first = word.index
            while first > 0 and words[first - 1].upos in ("PROPN", "ADJ", "NOUN", "PART"):
                first -= 1
            yield _title_key(word), _telling_words(list(words[first : word.index + 1]), word)
        if (
            word.deprel == "appos"
            and word.upos == "NOUN"
            and word.head >= 0
            and words[word.head].upos == "PROPN"
            and any(w.text == "," for w in words[word.head : word.index])
        ):
            described = itertools.takewhile(
                lambda w: w.text != ",", (w for w in sentence.subtree(word.index))
            )
            yield _title_key(word), _telling_words(list(described), word)


def _name_set_off_after(words: Sequence[Word], position: int) -> bool:
    """`the mayor, Ana Kovac,`: a comma, then a name that ends the sentence or a comma."""
    end = position + 2
    if end >= len(words) or words[position + 1].text != "," or words[end].upos != "PROPN":
        return False
    while end + 1 < len(words) and words[end + 1].upos == "PROPN":
        end += 1
    return end + 1 >= len(words) or words[end + 1].text in (",", ".")


def _possessions(sentence: Sentence) -> Iterator[tuple[Word, Word]]:
    """(first word of a proper name written as a possessor, the noun it owns): "Peter Wong's
    wife"."""
    words = sentence.words
    for index, word in enumerate(words[1:-1], start=1):
        if word.text not in _POSSESSIVE or words[index - 1].upos != "PROPN":
            continue
        first = index - 1
        while first > 0 and words[first - 1].upos == "PROPN":
            first -= 1
        # Read on the surface: the parser often loses the arc of a possessive name.
        owned = next(
            (w for w in words[index + 1 : index + 4] if w.upos not in ("ADJ", "NUM")), None
        )
        if owned is not None and owned.upos == "NOUN":
            yield words[first], owned


_DOCTORS = frozenset({"doctor", "physician"})
_DOCTOR_TITLE = re.compile(r"\bDr\.?\s+$")


def _describes_a_post_holder(
    phrase: list[Word], head: Word, base: str, posts: set[str], lexicon: Lexicon
) -> bool:
    """What copy may call a person who holds `posts`: what they were, their age alone, their
    party, a word for any holder of a post, or a post of the same family."""
    lemma = head.lemma.lower()
    written = [w.text.lower() for w in phrase]
    return (
        any(w in _PAST_WORDS for w in written)
        or written[-1].endswith(("year-old", "-old"))  # `The 64-year-old`, no noun of its own
        or _is_party_member(head, lexicon)  # `The Ohio Republican`
        or lemma in lexicon.holder_nouns
        or any(base in family and posts & family for family in lexicon.post_families)
    )


def _past_or_age(phrase: Sequence[Word]) -> bool:
    """`The former engineer`, `The retired teacher`, `The 37-year-old`: a description that
    tells what a person was or how old they are, the way copy goes on about someone named."""
    written = [w.text.lower() for w in phrase]
    return any(w in _PAST_WORDS or w == "old" or w.endswith("year-old") for w in written)


# What a person was, or has long been: `The former engineer`, `The longtime aide`.
_PAST_WORDS = FORMER_WORDS | {"longtime"}
# The sides counsel speak for in British court copy (`Prosecuting, Helen Marsh said`).
_COURT_SIDES = frozenset({"prosecuting", "defending", "mitigating"})


def _side_in_court(sentence: Sentence, first: int, last: int) -> Word | None:
    """`Prosecuting, Helen Marsh said ...`, `Ian Curtis, defending, said ...`: the side a
    barrister speaks for, set off before the name at the sentence's start or right after it;
    the role British court copy gives counsel."""
    words = sentence.words
    if first == 2 and words[0].text.lower() in _COURT_SIDES and words[1].text == ",":
        return words[0]
    after = words[last + 1 : last + 4]
    if (
        len(after) == 3
        and after[0].text == ","
        and after[1].text.lower() in _COURT_SIDES
        and after[2].text == ","
    ):
        return after[1]
    return None


# Verbs by which news copy hands the story to a source (`Sheriff Dan Pike said ...`).
_PLAIN_SPEECH = frozenset({"say", "tell"})


class _Focus:
    """The person news copy is about at a point: a description opening a sentence as its subject
    (`The former governor is a triathlete.`) refers to the person named last before it, when no
    other name was written in between, the sentence does not name that person too (`The FBI
    director chastised Clinton` is someone else), and no party or rank in the description says
    it is another person."""

    def __init__(self, doc: ParsedDoc, named: Sequence[_Candidate], lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._named = named
        self._text = doc.text
        # What a name written as a possessor owns: "Ruiz's wife" is "the wife" after it.
        self._possessed = {
            first.start: owned.lemma.lower()
            for sentence in doc.sentences
            for first, owned in _possessions(sentence)
        }
        self._paragraph_of = paragraph_finder(doc.paragraphs)
        self._doc = doc
        self._sentences = [s for s in doc.sentences if any(w.upos != "PUNCT" for w in s.words)]
        self._index_of = {s.start: i for i, s in enumerate(self._sentences)}
        # Sentences whose subject is a description already linked: start -> the person.
        self._topics: dict[int, _Candidate] = {}
        owned = {start for c in named for start in c.name_starts}
        # Where other names begin: a proper noun of two words or more no speaker is called.
        self._other_names = sorted(
            w.start
            for sentence in doc.sentences
            for w in sentence.words[:-1]
            if w.upos == "PROPN"
            and sentence.words[w.index + 1].upos == "PROPN"
            and (w.index == 0 or sentence.words[w.index - 1].upos != "PROPN")
            and w.start not in owned
        )

    @functools.cached_property
    def _posts_given(self) -> dict[str, list[set[str]]]:
        """Posts the article gives names, by title key: the telling words of each. Read on the
        first description that needs them."""
        given: dict[str, list[set[str]]] = {}
        for sentence in self._doc.sentences:
            for key, words in _posts_given_names(sentence, self._lexicon):
                given.setdefault(key, []).append(words)
        return given

    def saw(self, sentence: Sentence, phrase: list[Word], referent: _Candidate) -> None:
        """A description linked to `referent`: when it is its sentence's subject, the next
        sentence's subject description may continue it."""
        if phrase[0].index == 0:
            self._topics[sentence.start] = referent

    def subject(self, phrase: list[Word], head: Word, sentence: Sentence) -> _Candidate | None:
        if _opens_as_subject(phrase, head, sentence):
            return self._in_focus(phrase, head, sentence, phrase[0].start)
        if not _after_fronted_clause(phrase, head, sentence):
            return None
        fronted = sentence.words[: phrase[0].index]
        # A participle clause opens with its participle; a phrase has no verb.
        verb = _finite if fronted[0].upos == "VERB" else _verb
        if not any(verb(w) or w.upos == "PRON" or w.deprel.startswith("nsubj") for w in fronted):
            # `On Tuesday, the former mayor said ...`, `Speaking to reporters, the former mayor
            # said ...`: a fronted phrase of time or place, or a participle with no subject of
            # its own, leaves the description opening the writer's sentence all the same; not
            # after a pronoun (`At his dinner, the chef ...` is someone else).
            return self._in_focus(phrase, head, sentence, sentence.start)
        return self._subject_of_fronted(phrase, head, sentence)

    def _in_focus(
        self, phrase: list[Word], head: Word, sentence: Sentence, opening: int
    ) -> _Candidate | None:
        """The person a description opening the sentence (at `opening`) refers to; no one when
        the article gives its post to someone named (`Tomas Ruiz met Ana Kovac, the mayor ...
        The mayor said` is Kovac, whoever spoke last)."""
        telling = _telling_words(phrase, head)
        if any(telling <= given for given in self._posts_given.get(_title_key(head), ())):
            return None  # someone named holds the post with all its telling words
        found = self._focused(phrase, head, sentence, opening)
        if found is None or not self._after_report(sentence, head) or _past_or_age(phrase):
            return found
        # `Sheriff Dan Pike said the car crashed. The driver ...`: someone of the story the
        # speaker tells of, unless the description names the speaker's post another way
        # (`"...," Dr. Kovac, a cardiologist, said. The doctor said ...`).
        return found if self._post_of_the_family(head, found) else None

    def _post_of_the_family(self, head: Word, chosen: _Candidate) -> bool:
        """The description's noun is a word for any holder of a post, or a post of the family
        of one the person holds."""
        lexicon = self._lexicon
        if head.lemma.lower() in lexicon.holder_nouns:
            return True
        if head.lemma.lower() in _DOCTORS and self._titled_doctor(chosen):
            return True
        base = _title_key(head)
        held = {key.rpartition(" ")[2] for key in chosen.title_keys}
        return any(base in family and held & family for family in lexicon.post_families)

    def _focused(
        self, phrase: list[Word], head: Word, sentence: Sentence, opening: int
    ) -> _Candidate | None:
        """The topic of the sentence before, or the person named last before `opening`."""
        topic = self._topic_before(sentence)
        if (
            topic is not None
            and not any(sentence.start <= s < sentence.end for s in topic.name_starts)
            and self._agrees(phrase, head, topic)
        ):
            return topic  # unless the sentence names them too: someone else
        latest = [
            (max(s for s in c.name_starts if s < opening), c)
            for c in self._named
            if any(s < opening for s in c.name_starts)
        ]
        if not latest:
            return None
        start, chosen = max(latest, key=lambda item: item[0])
        between = bisect.bisect_right(self._other_names, start)
        if between < len(self._other_names) and self._other_names[between] < opening:
            return None
        if self._paragraph_of(opening) - self._paragraph_of(start) > (FOCUS_REACH_PARAGRAPHS):
            return None
        if any(sentence.start <= s < sentence.end for s in chosen.name_starts):
            return None
        if self._possessed.get(start) == head.lemma.lower():
            return None  # "Ruiz's wife speaks ... The wife of a man ..." is the wife
        return chosen if self._agrees(phrase, head, chosen) else None

    def _after_report(self, sentence: Sentence, head: Word) -> bool:
        """The sentence before has "said" or "told" for its main verb (`Sheriff Dan Pike said
        the crash happened after midnight.`): its speaker tells of others, whom a description
        by another noun than a title opening this one (`The driver said ...`) may be."""
        index = self._index_of.get(sentence.start, 0)
        lemma = head.lemma.lower()
        if index == 0 or self._lexicon.is_title(lemma) or lemma in self._lexicon.parties:
            return False  # `The senator`, `The Democrat`: what a named source is
        before = self._sentences[index - 1]
        root = next((w for w in before.words if w.head < 0), None)
        return root is not None and root.lemma.lower() in _PLAIN_SPEECH

    def _subject_of_fronted(
        self, phrase: list[Word], head: Word, sentence: Sentence
    ) -> _Candidate | None:
        """`As far as whether Kovac still hears complaints ..., the Oregon senator conceded`:
        a description that is the main verb's subject right after a fronted clause is the
        person that clause has as its subject."""
        subjects = {
            w.start
            for w in sentence.words[: phrase[0].index]
            if w.deprel.startswith("nsubj") and w.upos == "PROPN"
        }
        named = [c for c in self._named if subjects & set(c.name_starts)]
        if len(named) != 1 or not self._agrees(phrase, head, named[0]):
            return None
        return named[0]

    def _topic_before(self, sentence: Sentence) -> _Candidate | None:
        """The person the sentence before is about: its main verb's subject names them (`Ana
        Kovac says ...`), or is a description already linked to them. News copy keeps its
        topic as the subject: `The former harbour pilot was speaking ...`."""
        index = self._index_of.get(sentence.start, 0)
        if index == 0:
            return None
        before = self._sentences[index - 1]
        if self._paragraph_of(sentence.start) - self._paragraph_of(before.start) > 1:
            return None
        if before.start in self._topics:
            return self._topics[before.start]
        root = next((w for w in before.words if w.head < 0), None)
        if root is None:
            return None
        subject = next(
            (c for c in before.children(root.index) if c.deprel in ("nsubj", "nsubj:pass")), None
        )
        if subject is None or subject.upos != "PROPN":
            return None
        phrase = before.subtree(subject.index)
        low, high = phrase[0].start, phrase[-1].end
        owners = [c for c in self._named if any(low <= s < high for s in c.name_starts)]
        return owners[0] if len(owners) == 1 else None

    def _agrees(self, phrase: list[Word], head: Word, chosen: _Candidate) -> bool:
        """No party of the description says it is another person, and the person holds no post
        of its head noun: those the title match has judged (`the Russian leader` is not the
        leader of the protest). A person who holds another post is not this one (`Gov. Rita
        Marsh said ... In Selby, the fire chief said`; `Mayor Greta Holm said ... The resident
        said`), unless the description says what they were, their age alone, their party, a
        word for any holder of a post, or a post of the same family (`The former teacher`, `The
        64-year-old`, `The Ohio Republican`, `The veteran diplomat`, `the minister` for a
        Health Secretary)."""
        premodifiers = [
            part for w in phrase[1:] if w.start < head.start for part in w.text.lower().split("-")
        ]
        lexicon = self._lexicon
        parties = {lexicon.parties[w] for w in premodifiers if w in lexicon.parties}
        if chosen.parties and parties - chosen.parties:
            return False
        base = _title_key(head)
        posts = {
            held
            for key in chosen.title_keys
            if (lexicon.is_role_noun(held := key.rpartition(" ")[2]) or lexicon.is_title(held))
            and held not in lexicon.parties
            and held not in lexicon.relation_nouns
        }
        if base in posts:
            return False
        return (
            not posts
            or (bool(parties) and parties <= chosen.parties)  # `The Tory MSP`: the party leader
            or (head.lemma.lower() in _DOCTORS and self._titled_doctor(chosen))
            or _describes_a_post_holder(phrase, head, base, posts, lexicon)
        )

    def _titled_doctor(self, chosen: _Candidate) -> bool:
        """The person's name is written after "Dr" somewhere: `the doctor` is them, whatever
        post they hold (`The county's health director, Dr. Samuel Achebe`)."""
        return any(_DOCTOR_TITLE.search(self._text, max(0, s - 5), s) for s in chosen.name_starts)


def complete_roles(
    doc: ParsedDoc,
    result: AttributionResult,
    lexicon: Lexicon,
    quoted: Sequence[Span] | None = None,
) -> AttributionResult:
    """Every speaker with the roles the article gives it at any mention. `quoted` holds the
    quotations' spans when the caller has paired the marks already."""
    if quoted is None:
        quoted = [q.span for q in find_quotes(doc.text, doc.paragraphs)]
    reader = RoleReader(doc.text, lexicon, quoted, [q.span for q in result.quotes])
    found = [roles_of_speaker(doc, s, reader) for s in result.speakers]
    speakers = [speaker for speaker, _, _ in found]
    starts = [starts for _, starts, _ in found]
    _link_descriptions(doc, speakers, reader, starts)
    _link_headline(doc, speakers, reader, starts)
    # A pronoun's antecedent is a person named, not a name modifying a noun, or one a pronoun
    # at a cue already stands for (`the difference, he said, is that he is the host`).
    referring = [
        [s for s in places if s not in skip]
        + [m.span.start for m in speaker.mentions if m.text.lower() in _PERSONAL_SUBJECTS]
        for speaker, places, skip in found
    ]
    _link_pronoun_predicates(doc, speakers, reader, referring, result.quotes)
    _link_first_person(doc, speakers, reader, result.quotes)
    return dataclasses.replace(result, speakers=tuple(speakers))


_PERSONAL_SUBJECTS = frozenset({"he", "she"})
_PERSONAL_POSSESSIVES = frozenset({"his", "her"})
# How far back (in paragraphs) a pronoun's antecedent may be named.
PRONOUN_REACH_PARAGRAPHS = 1


def _link_pronoun_predicates(
    doc: ParsedDoc,
    speakers: list[Speaker],
    reader: RoleReader,
    name_starts: list[list[int]],
    quotes: Sequence[Quote],
) -> None:
    """`She was a key architect of the deal`: a role stated of "he" or "she" goes to the
    named person speaker whose name was written last before it, in its paragraph or the one
    before, and whom no pronoun at a cue gives the other gender."""
    named = [i for i, s in enumerate(speakers) if is_named(s) and s.kind is SpeakerKind.PERSON]
    if not named:
        return
    paragraph_of = paragraph_finder(doc.paragraphs)
    pronouns = _PERSONAL_SUBJECTS | _PERSONAL_POSSESSIVES
    for sentence in doc.sentences:
        for word in sentence.words:
            if word.text.lower() not in pronouns:
                continue
            roles = [
                role
                for phrase in _stated_of_pronoun(sentence, word, reader)
                for role in map(reader.span, reader.each_role(phrase))
                if not reader.said_of(role)  # `"He's a coward."`: what a speaker says of him
            ]
            if not roles:
                continue
            agreeing = [i for i in named if not _other_gender(speakers[i], word, reader.lexicon)]
            index = _last_named_before(word.start, agreeing, name_starts, paragraph_of)
            if index is None or _of_someone_the_speaker_names(word, speakers[index], quotes):
                continue
            _add_roles(speakers, index, roles)


def _of_someone_the_speaker_names(pronoun: Word, speaker: Speaker, quotes: Sequence[Quote]) -> bool:
    """The pronoun lies in what `speaker` says, named after it (`Her tenure as mayor was a
    disaster, Ruiz said`): someone the speaker talks of, not the speaker, who would say "my"
    (`Holm said her years as mayor ...` is Holm)."""
    return any(
        quote.span.start <= pronoun.start < quote.span.end
        and quote.speaker_id == speaker.id
        and (quote.mention is None or quote.mention.span.start > pronoun.start)
        for quote in quotes
    )


def _other_gender(speaker: Speaker, pronoun: Word, lexicon: Lexicon) -> bool:
    """The speaker is mentioned at a cue by pronouns of one gender only (`gender_words.txt`),
    and not that of `pronoun` (`the former secretary cemented her status ...` is not the
    senator called "he")."""
    genders = {
        lexicon.genders[text]
        for mention in speaker.mentions
        if (text := mention.text.lower()) in lexicon.pronoun_kinds and text in lexicon.genders
    }
    return len(genders) == 1 and lexicon.genders.get(pronoun.text.lower()) not in genders


# "I" and "my", which in a quotation are its speaker.
_FIRST_PERSON_PRONOUNS = (frozenset({"i"}), frozenset({"my"}))


def _link_first_person(
    doc: ParsedDoc, speakers: list[Speaker], reader: RoleReader, quotes: Sequence[Quote]
) -> None:
    """`"As finance minister, I cut taxes twice," Ruiz said`, `"My years as mayor taught me
    patience"`: a post a speaker states of "I" or "my" in their own quotation is theirs."""
    index_of = {speaker.id: index for index, speaker in enumerate(speakers)}
    quoted = [
        quote
        for quote in quotes
        if quote.kind is not QuoteKind.REPORTED and quote.speaker_id in index_of
    ]
    first_person = _FIRST_PERSON_PRONOUNS[0] | _FIRST_PERSON_PRONOUNS[1]
    for sentence in doc.sentences:
        for word in sentence.words:
            if word.text.lower() not in first_person:
                continue
            quote = next((q for q in quoted if q.span.start <= word.start < q.span.end), None)
            if quote is None or quote.speaker_id is None:
                continue
            roles = [
                reader.span(part)
                for phrase in _stated_of_pronoun(sentence, word, reader, _FIRST_PERSON_PRONOUNS)
                for part in reader.each_role(phrase)
            ]
            if roles:
                _add_roles(speakers, index_of[quote.speaker_id], roles)


def _stated_of_pronoun(
    sentence: Sentence,
    word: Word,
    reader: RoleReader,
    pronouns: tuple[frozenset[str], frozenset[str]] = (_PERSONAL_SUBJECTS, _PERSONAL_POSSESSIVES),
) -> list[list[Word]]:
    """The roles a sentence states of a personal pronoun, a subject or a possessive of
    `pronouns`: `she was a judge`, `As finance minister, he ...`, `her years as mayor`, `his
    work at the clinic as a surgeon` (of "I" and "my" in a quotation: `As mayor, I ...`)."""
    subjects, possessives = pronouns
    lowered = word.text.lower()
    if lowered in subjects and word.deprel == "nsubj":
        fronted = reader.fronted_as_before(sentence, word)
        return [*reader.predicate_chain(sentence.words, word.index + 1), *fronted]
    if lowered in possessives and word.deprel == "nmod:poss":
        found = reader.as_after_pronoun_possessed(sentence.words, word.index + 1)
        return [found] if found else []
    return []


def paragraph_finder(paragraphs: Sequence[Span]) -> Callable[[int], int]:
    """The index of the paragraph an offset lies in."""
    starts = [p.start for p in paragraphs]
    return lambda offset: bisect.bisect_right(starts, offset) - 1


def _last_named_before(
    offset: int,
    named: Sequence[int],
    name_starts: list[list[int]],
    paragraph_of: Callable[[int], int],
) -> int | None:
    latest = [
        (max(s for s in name_starts[i] if s < offset), i)
        for i in named
        if any(s < offset for s in name_starts[i])
    ]
    if not latest:
        return None
    start, index = max(latest)
    return index if paragraph_of(offset) - paragraph_of(start) <= PRONOUN_REACH_PARAGRAPHS else None


def _add_roles(speakers: list[Speaker], index: int, roles: Sequence[TextSpan]) -> None:
    speaker = speakers[index]
    merged = {(r.span.start, r.span.end): r for r in (*speaker.roles, *roles)}
    speakers[index] = dataclasses.replace(
        speaker, roles=tuple(role for _, role in sorted(merged.items()))
    )
