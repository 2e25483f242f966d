"""engine.roles: a speaker's role as the article states it, and the name inside a mention.

Two constructions carry roles in news copy: a title before the name ("Lithuanian Foreign
Minister Linas Linkevicius") and an apposition after it ("Sergei Dylevsky, the leader of the
protest"). Part-of-speech tags are unreliable on capitalised titles, so the title lexicon, not
the tagger, decides which words are a title.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from quoteattr_server.engine.hyphens import HYPHENED_PARTICLES, glued_hyphen
from quoteattr_server.engine.layout import span_of, trim_punct
from quoteattr_server.engine.lexicon import Lexicon
from quoteattr_server.engine.types import Sentence, Span, TextSpan, Word

_POSSESSIVE_ENDINGS = ("'s", "\u2019s", "'", "\u2019")
# The possessive "'s", straight or curly, as the tokenizer writes it apart.
POSSESSIVE_S = frozenset(_POSSESSIVE_ENDINGS[:2])
# A plural's possessive mark, written alone after its "s" (`The Teachers' Union`).
BARE_APOSTROPHES = frozenset({"'", "\u2019"})


@dataclass(frozen=True, slots=True)
class NameParts:
    """A mention split into its proper name and the title words before it."""

    name_words: tuple[Word, ...]
    title_words: tuple[Word, ...]

    def name_text(self, text: str) -> str:
        if not self.name_words:
            return ""
        raw = text[self.name_words[0].start : self.name_words[-1].end]
        for ending in _POSSESSIVE_ENDINGS:
            if raw.endswith(ending) and len(raw) > len(ending) + 1:
                return raw[: -len(ending)]
        return raw


def _is_name_word(word: Word, lexicon: Lexicon) -> bool:
    """Capitalised, not a title or honorific, and tagged as a proper noun (or a capitalised noun
    away from the sentence start, which the small tagger often gives names); or an initial,
    whatever its tag (`Rosa M. Delgado`: "M." is no article)."""
    if (
        not (word.text[:1].isupper() or particle_joined(word.text))
        or lexicon.is_title(word.text)
        or lexicon.is_honorific(word.text)
    ):
        return False
    if len(word.text) == 2 and word.text.endswith("."):
        return True
    return word.upos == "PROPN" or (word.upos in ("NOUN", "X") and word.index > 0)


def _describes_company_before_name(
    word: Word, following: Word | None, current: list[Word], lexicon: Lexicon
) -> bool:
    """`Carmaker Voltra Motors`, `Automaker General Motors`: a capitalised noun of what a
    company is, opening the mention before a name."""
    return (
        not current
        and following is not None
        and following.text[:1].isupper()
        and word.text.lower() in lexicon.company_descriptors
    )


def particle_joined(text: str) -> bool:
    """`al-Amiri`, `bin-Talal`: a particle joined by a hyphen to a capitalised surname."""
    particle, hyphen, rest = text.partition("-")
    return bool(hyphen) and particle.lower() in HYPHENED_PARTICLES and rest[:1].isupper()


def _title_naming_organization(word: Word, following: Word | None, lexicon: Lexicon) -> bool:
    """`the Justice Department`, `the Marine Board`: a capitalised title word
    right before an organisation's head word names the organisation; it is no title of a
    person."""
    return (
        following is not None
        and word.text[:1].isupper()
        and following.text[:1].isupper()
        and lexicon.is_title(word.text)
        and not lexicon.is_honorific(word.text)
        and lexicon.is_organization_head(following.text, following.lemma)
    )


def _title_as_surname(
    words: Sequence[Word], position: int, run: list[Word], lexicon: Lexicon
) -> bool:
    """`Democrat Tom Judge`, `Mr. Judge`: a title word ending the mention after a name or
    an honorific is a surname (titles come before names in English)."""
    word = words[position]
    after_name = bool(run) and run[-1].index == word.index - 1
    after_honorific = position > 0 and lexicon.is_honorific(words[position - 1].text)
    return (
        (after_name or after_honorific)
        and all(generation_suffix(w) for w in words[position + 1 :])  # `Martin Luther King III`
        and word.upos == "PROPN"
        and word.text[:1].isupper()
    )


# What tells a son from his father after the name: `Jr.`, `III`.
_GENERATIONS = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def generation_suffix(word: Word) -> bool:
    """`Jr.`, `Sr.`, `III`: a word of the name that tells a son from his father."""
    return word.text.lower() in _GENERATIONS


def _opens_organization(words: Sequence[Word], position: int, lexicon: Lexicon) -> bool:
    """A modifier the tagger calls a verb, before a name with an organisation's head word
    ("United Kingdom", "United Kingdom Coastguard and Harbour Agency")."""
    if words[position].upos != "VERB" or words[position].deprel != "amod":
        return False
    run = itertools.takewhile(lambda w: _is_name_word(w, lexicon), words[position + 1 :])
    return any(w.text.lower() in lexicon.organization_heads for w in run)


# Lower-case words inside names: `Jan de Vries`, `Ursula von der Leyen`, `Omar bin Laden`.
ARTICLES = frozenset({"the", "a", "an"})
NAME_PARTICLES = frozenset(
    {
        *("de", "da", "di", "van", "von", "der", "den", "ten", "ter"),
        *("bin", "al", "la", "le", "du", "dos", "del"),
    }
)
# The prepositions inside an organisation's name after its head word: `Bureau of Prisons`,
# `Centers for Disease Control`, `Commission on Presidential Debates`.
ORGANIZATION_CONNECTORS = frozenset({"of", "for", "on"})


def split_name(words: Sequence[Word], lexicon: Lexicon) -> NameParts:
    """The last run of capitalised non-title words is the name; a title run before it is the role.

    `Deputy Mayor Tomas Ruiz` -> name `Tomas Ruiz`, title `Deputy Mayor`. A mention with no
    capitalised name (a pronoun, "the minister") has no name words.
    """
    runs: list[list[Word]] = []
    current: list[Word] = []
    for position, word in enumerate(words):
        following = words[position + 1] if position + 1 < len(words) else None
        # A capitalised adjective opens a name when a name word follows ("White House"; the
        # tagger may take "United" of "United Kingdom" for a verb, but "Embattled" of
        # "Embattled Ana Kovac" is no part of her name).
        opens_name = (
            word.upos == "ADJ" or _opens_organization(words, position, lexicon)
        ) and _adjectives_open_name(words, position, lexicon)
        if _describes_company_before_name(word, following, current, lexicon):
            continue  # `Carmaker Voltra Motors said`: what the company is, not its name
        if (
            _is_name_word(word, lexicon)
            or _title_naming_organization(word, following, lexicon)
            or opens_name
            or _title_as_surname(words, position, current, lexicon)
            or _joins_organization_name(current, words[position:], lexicon)
            or _in_possessive_organization(words, position, lexicon)
            or _particle_in_name(current, word, following, lexicon)
            or _in_named_purpose(current, word)
            or (bool(current) and generation_suffix(word))
        ):
            current.append(word)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    if (
        not runs
        or all(w.text.lower() in lexicon.not_speakers for w in runs[-1])  # `on Thursday`
        or _is_label(runs[-1], lexicon)
        or _possessor(runs[-1], words)
        or _modifies_noun(runs[-1], words)
        or _in_complement(runs[-1], words, lexicon)
    ):
        # `Ohio's attorney general`, `the FBI director`: the name belongs to what the speaker
        # is described by, not to the speaker.
        return NameParts((), ())
    name = runs[-1]
    while len(name) > 1 and name[-1].text.lower() in lexicon.post_nominals:
        name = name[:-1]  # `Simon Achterberg KC`
        if len(name) == 1 and words[0].text.lower() in DESCRIPTION_OPENERS:
            return NameParts((), ())  # `a Tory MP`, `one Labour MP`: a description
    while len(name) > 2 and describes_people_before_name(name[0], name[1]):
        name = name[1:]  # `Ohioans Ana Kovac and Tomas Ruiz`
    name = _past_portfolio(words, name, lexicon)
    before = _own_conjunct([w for w in words if w.end <= name[0].start], lexicon)
    title = before if any(lexicon.is_title(w.text) for w in before) else []
    return NameParts(tuple(name), tuple(trim_punct(title)))


# Words that open a description of one person, not a name: `a Tory MP`, `one Labour MP`.
DESCRIPTION_OPENERS = frozenset({"a", "an", "the", "one", "another"})


# What joins a title to its portfolio or post: `Minister for Housing`, `Secretary of State`,
# `ambassador to Russia`.
_PORTFOLIO_LINKS = frozenset({"for", "of", "to"})


def _past_portfolio(words: Sequence[Word], name: list[Word], lexicon: Lexicon) -> list[Word]:
    """`Minister for Housing Tom Delaney`, `Secretary of State for Transport Mark Harper`: after
    a title's "for" or "of", the capitalised run holds the portfolio, then the name; the name is
    its last two words (three with a middle initial or a particle)."""
    position = next((i for i, w in enumerate(words) if w is name[0]), None)
    if position is None or position < 2 or len(name) < 3:
        return name
    if words[position - 1].upos == "DET":
        position -= 1  # `Ambassador to the United Nations Clara Thomas-Obuya`
    if words[position - 1].text.lower() not in _PORTFOLIO_LINKS or not any(
        lexicon.is_title(w.text) for w in words[: position - 1]
    ):
        return name
    middle = name[-2]
    keep = 3 if (middle.text.endswith(".") or middle.text in NAME_PARTICLES) else 2
    return name[-keep:] if len(name) > keep else name


def describes_people_before_name(word: Word, following: Word) -> bool:
    """A plural noun of people (`Floridians`, `Democrats`) before a singular name word: what
    the people named are, not part of a name."""
    return (
        "Number=Plur" in word.feats
        and word.text.lower().endswith("s")
        and following.upos == "PROPN"
        and following.text[:1].isupper()
        and "Number=Plur" not in following.feats
    )


def _own_conjunct(before: list[Word], lexicon: Lexicon) -> list[Word]:
    """`Vice President Tomas Berg and Anna Holm`: the words before a name that follows a
    conjunction are another person's, past the conjunction; a plural title (`Sens. Ana Kovac
    and Tom Ruiz`) is both people's."""
    conjunction = max((i for i, w in enumerate(before) if w.upos == "CCONJ"), default=None)
    if conjunction is None:
        return before
    if not any(plural_title(w, lexicon) for w in before[:conjunction]):
        return before[conjunction + 1 :]
    return list(
        itertools.takewhile(lambda w: w.upos != "PROPN" or lexicon.is_title(w.text), before)
    )


def plural_title(word: Word, lexicon: Lexicon) -> bool:
    """`Sens.`, `Reps.`, `Senators`: a title of the lexicon with a plural "s"."""
    bare = word.text.lower().rstrip(".")
    return (
        len(bare) > 2
        and bare.endswith("s")
        and any(lexicon.is_title(singular) for singular in (bare[:-1], bare[:-1] + "."))
    )


def _particle_in_name(
    run: Sequence[Word], word: Word, following: Word | None, lexicon: Lexicon
) -> bool:
    """`Jan de Vries`: a particle between words of a name (or before another particle, `von
    der Leyen`)."""
    return (
        bool(run)
        and word.text in NAME_PARTICLES
        and following is not None
        and (_is_name_word(following, lexicon) or following.text in NAME_PARTICLES)
    )


# How many capitalised adjectives may open a name together: `Republican National Committee`.
MAX_NAME_ADJECTIVES = 3


def _adjectives_open_name(words: Sequence[Word], position: int, lexicon: Lexicon) -> bool:
    """A capitalised adjective opens a name when a name word follows it, past up to a few more
    capitalised adjectives ("White House", "Republican National Committee"); a title is no
    part of a name."""
    for offset in range(MAX_NAME_ADJECTIVES + 1):
        index = position + offset
        if index + 1 >= len(words):
            return False
        word = words[index]
        if not word.text[:1].isupper() or lexicon.is_title(word.text):
            return False
        if offset and word.upos != "ADJ":
            return False
        if _is_name_word(words[index + 1], lexicon):
            return True
    return False


def _in_possessive_organization(words: Sequence[Word], position: int, lexicon: Lexicon) -> bool:
    """`the Riverton County Sheriff's Office`, `the Attorney General's Office`, `Children's
    Hospital`: capitalised words and a possessive ending in an organisation's head word are one
    name, when the word before the possessive is a title or a common noun (not a person's name:
    `Trump's Justice Department` is the department)."""

    marks_of_possession = POSSESSIVE_S | BARE_APOSTROPHES  # `The Teachers' Union`

    def linked(word: Word) -> bool:
        return word.text in marks_of_possession or (word.text[:1].isupper() and word.upos != "DET")

    if not linked(words[position]):
        return False
    first = position
    while first > 0 and linked(words[first - 1]):
        first -= 1
    chain = list(itertools.takewhile(linked, words[first:]))
    marks = [i for i, w in enumerate(chain) if w.text in marks_of_possession]
    if not marks or chain[-1].text in marks_of_possession:
        return False
    owners = [chain[i - 1] for i in marks if i > 0]
    return lexicon.is_organization_head(chain[-1].text, chain[-1].lemma) and any(
        lexicon.is_title(owner.text) or owner.upos == "NOUN" or "Number=Plur" in owner.feats
        for owner in owners
    )


def opens_named_purpose(words: Sequence[Word], position: int) -> bool:
    """`Committee to Protect Journalists`: a lower-case "to" at `position` and a capitalised
    verb after it go on an organisation's name, with every capitalised word after them."""
    following = words[position + 1] if position + 1 < len(words) else None
    return (
        words[position].text == "to"
        and following is not None
        and following.upos == "VERB"
        and following.text[:1].isupper()
    )


def _in_named_purpose(run: Sequence[Word], word: Word) -> bool:
    """`Committee to Protect Journalists`, `Alliance to Save Our Piers`: after an
    organisation's "to", its capitalised verb and every capitalised word after it."""
    if not word.text[:1].isupper() or word.upos == "PUNCT" or "to" not in (w.text for w in run):
        return False
    return run[-1].text != "to" or word.upos == "VERB"


def _joins_organization_name(run: Sequence[Word], rest: Sequence[Word], lexicon: Lexicon) -> bool:
    """`Bank of England`, `Office for National Statistics`: a connector inside an
    organisation's name, after its head word (or, for "and", after a connector already);
    `Ports and Harbours Commission`: "and" between name words, when the words after it
    end in an organisation's head word and those before it do not (`the United States and
    European Union` are two)."""
    word, following = rest[0], (rest[1] if len(rest) > 1 else None)
    # The word after may be a capitalised adjective of the name: `and Human Services`; never
    # a day or month (`the Security Council on Friday`).
    if (
        not run
        or following is None
        or not following.text[:1].isupper()
        or following.text.lower() in lexicon.time_words
    ):
        return False
    lowered = word.text.lower()
    if lowered in ORGANIZATION_CONNECTORS or opens_named_purpose(rest, 0):
        return lexicon.is_organization_head(run[-1].text, run[-1].lemma)
    if lowered not in ("and", "&"):
        return False
    if any(w.text.lower() in ORGANIZATION_CONNECTORS for w in run):
        return True
    after = list(itertools.takewhile(lambda w: _is_name_word(w, lexicon), rest[1:]))
    return (
        bool(after)
        and lexicon.is_organization_head(after[-1].text, after[-1].lemma)
        and not lexicon.is_organization_head(run[-1].text, run[-1].lemma)
    )


def _modifies_noun(run: Sequence[Word], words: Sequence[Word]) -> bool:
    """Whether the name run only modifies a common noun that heads the mention (`the Clinton
    campaign`, `one West Virginia official`, `show insiders`; past adjectives: `The South
    Korean company`)."""
    after = [w for w in words if w.start >= run[-1].end]
    while after and after[0].upos == "ADJ":
        after = after[1:]
    return bool(after) and after[0].upos == "NOUN" and not after[0].text[:1].isupper()


def _is_label(run: Sequence[Word], lexicon: Lexicon) -> bool:
    """`Republicans`, `Democrats`: a group's label, not a proper name of anyone."""
    return len(run) == 1 and run[0].text.lower() in lexicon.group_nouns


_POSSESSIVE_MARKS = POSSESSIVE_S | BARE_APOSTROPHES


def _in_complement(run: Sequence[Word], words: Sequence[Word], lexicon: Lexicon) -> bool:
    """Whether the name run is the object of a preposition after a common noun (`officials at
    the Coastal Safety Agency`, `a reporter for the Harbour Times`): it names where the
    speaker works, not the speaker. `secretary of state Ana Kovac` keeps its name: the
    preposition's object is "state"."""
    before = [w for w in words if w.end <= run[0].start]
    in_title = False
    for position in range(len(before) - 1, 0, -1):
        word = before[position]
        # `a spokesman for Prime Minister Narendra Modi`: past the name's title, whole.
        in_title = lexicon.is_title(word.text) or (in_title and word.text[:1].isupper())
        if word.upos == "DET" or in_title:
            continue
        noun = before[position - 1]
        if (
            word.upos == "ADP"
            and _capitalised_name_word(noun)
            and noun.text.lower() not in lexicon.group_nouns
        ):
            continue  # `officials at the US Embassy in Nairobi`: a name inside the complement
        if _capitalised_name_word(word) or word.text in _POSSESSIVE_MARKS:
            continue  # `a spokesperson for St John's Ambulance`: past the possessor's mark
        if (
            word.upos == "ADP"
            and participle_on_noun(before, position - 1)
            # `a notice posted by X`: X's; but `a study published in Nature`: the study's
            and not (noun.lemma.lower() in lexicon.issuing_verbs and word.text.lower() == "by")
        ):
            return True  # `a copy obtained by The Washington Post`: a copy
        if _portfolio_then_name(noun, word, before[position + 1 :], run, lexicon):
            return False  # `ambassador to Portugal Michael Lindqvist`: the post, then its holder
        return (
            word.upos == "ADP"
            and (noun.upos == "NOUN" or noun.text.lower() in lexicon.group_nouns)
            and (not noun.text[:1].isupper() or noun.index == 0 or noun.upos == "PROPN")
        )
    return False


def _portfolio_then_name(
    title: Word, link: Word, between: Sequence[Word], run: Sequence[Word], lexicon: Lexicon
) -> bool:
    """A title's portfolio or post (`to Russia`, `to the United Nations`) followed, with no
    comma, by a name of its own: a run of at least three capitalised words after the link of
    a title, whose words before the name's last two are a place with no article or a body
    (not `an adviser to the Texas Republican Greg Abbott`)."""
    post = run[:-2]
    return (
        link.text.lower() in _PORTFOLIO_LINKS
        and lexicon.is_title(title.text)
        and len(run) >= 3
        and all(w.upos == "PROPN" for w in run[-2:])
        and not lexicon.is_organization_head(run[-1].text, run[-1].lemma)
        and (
            not any(w.upos == "DET" for w in between)
            or lexicon.is_organization_head(post[-1].text, post[-1].lemma)
        )
    )


def participle_on_noun(words: Sequence[Word], position: int) -> bool:
    """The word at `position` is a participle right after the common noun it describes."""
    participle = words[position]
    noun = words[position - 1] if position > 0 else None
    return (
        noun is not None
        and participle.upos == "VERB"
        and "VerbForm=Part" in participle.feats
        and noun.upos == "NOUN"
        and (noun.text[:1].islower() or noun.index == 0)  # `Documents reviewed by Reuters`
    )


def _capitalised_name_word(word: Word) -> bool:
    """A word of a name inside a phrase: a proper noun, or a capitalised common noun the small
    tagger gave a name's word (`the British High Commission`)."""
    return word.upos in ("PROPN", "NOUN", "ADJ") and word.text[:1].isupper() and word.index > 0


def _possessor(run: Sequence[Word], words: Sequence[Word]) -> bool:
    """Whether the name run owns what follows it in the mention (`Ohio's attorney general`)."""
    last = run[-1]
    after = [w for w in words if w.start >= last.end]
    owned = last.text.endswith(_POSSESSIVE_ENDINGS[:2]) or (
        bool(after) and after[0].text in _POSSESSIVE_ENDINGS
    )
    return owned and any(w.upos in ("NOUN", "PROPN") for w in after)


def title_role(text: str, parts: NameParts) -> TextSpan | None:
    """`Lithuanian Foreign Minister Linas Linkevicius` -> role `Lithuanian Foreign Minister`."""
    if not parts.title_words or not parts.name_words:
        return None
    span = span_of(parts.title_words)
    return TextSpan(text[span.start : span.end], span)


def apposition_role(text: str, sentence: Sentence, head: Word, lexicon: Lexicon) -> TextSpan | None:
    """`Kovac, the union's regional organiser,` -> role `the union's regional organiser`.

    Ages ("Kovac, 54,") and names in apposition are not roles. When the parse has no
    `appos` arc, the surface reading of `surface_apposition_role` stands in.
    """
    candidates = [
        head,
        *(
            w
            for w in sentence.words
            if w.head == head.index and w.deprel in ("flat", "flat:name", "compound")
        ),
    ]
    for owner in candidates:
        for child in sentence.children(owner.index):
            if child.deprel != "appos" or child.start < head.start:
                continue
            if child.upos in ("NUM", "PROPN", "PRON"):
                continue
            words = trim_punct(_without_relative_clauses(sentence, child))
            if not words or all(w.upos == "NUM" for w in words) or contrasts(words):
                continue
            if words[0].text.lower() == "whose":
                continue  # `the union, whose president, ...`: a relative clause's subject
            span = span_of(words)
            return TextSpan(text[span.start : span.end], span)
    return surface_apposition_role(text, sentence, _name_phrase(sentence, head), lexicon)


def contrasts(words: Sequence[Word]) -> bool:
    """`a stronger port board, not a weaker one`: an apposition opened by "not" sets another thing
    against the name; it says nothing the name is."""
    return words[0].text.lower() == "not"


def _without_relative_clauses(sentence: Sentence, head: Word) -> list[Word]:
    """The subtree of `head` up to its first relative clause: `a lawyer for the club, who has
    fought the industry` -> `a lawyer for the club`."""
    words = sentence.subtree(head.index)
    for word in words:
        if word.deprel == "acl:relcl" and word.start > head.start:
            cut = min(w.start for w in sentence.subtree(word.index))
            return [w for w in words if w.start < cut]
    return words


def _name_phrase(sentence: Sentence, head: Word) -> list[Word]:
    """The head and its contiguous name parts (flat, compound) to its right."""
    end = head.index
    while (
        end + 1 < len(sentence.words)
        and sentence.words[end + 1].deprel in ("flat", "flat:name", "compound")
        and sentence.words[end + 1].head in range(head.index, end + 1)
    ):
        end += 1
    return list(sentence.words[head.index : end + 1])


_APPOSITION_VERB_RELATIONS = frozenset({"amod", "compound", "acl"})


def surface_apposition_role(
    text: str, sentence: Sentence, mention: Sequence[Word], lexicon: Lexicon
) -> TextSpan | None:
    """`Ruiz, the city's budget chief.` when the parser missed the `appos` arc.

    Read on the surface: a comma right after the mention, then a noun phrase opened by a
    determiner or possessive, up to the next comma or the end of the sentence, with no verb of
    its own.
    """
    after = mention[-1].index + 1
    words = sentence.words
    if after + 1 >= len(words) or words[after].text != ",":
        return None
    if words[after + 1].text.lower() not in lexicon.apposition_openers:
        return None
    phrase: list[Word] = []
    for word in words[after + 1 :]:
        if word.upos == "PUNCT" and not glued_hyphen(words, word.index):
            break  # `a 34-year-old bus driver` goes on past its hyphens
        if word.upos in ("VERB", "AUX") and word.deprel not in _APPOSITION_VERB_RELATIONS:
            return None
        phrase.append(word)
    if len(phrase) < 2 or not any(w.upos == "NOUN" for w in phrase):
        return None
    span = span_of(phrase)
    return TextSpan(text[span.start : span.end], span)


def relative_clause_role(
    text: str, sentence: Sentence, head: Word, lexicon: Lexicon
) -> TextSpan | None:
    """`Kovac, who heads the dockworkers' union,` -> role `heads the dockworkers' union`.

    Only clauses whose verb states a position (head, lead, serve, ...) are roles; other
    relative clauses are incidental.
    """
    clauses = [c for c in sentence.children(head.index) if c.deprel == "acl:relcl"]
    # The parser often hangs the clause elsewhere; `Name, who <verb>` on the surface still holds.
    after = _name_phrase(sentence, head)[-1].index + 1
    if after + 2 < len(sentence.words) and sentence.words[after].text == ",":
        who = sentence.words[after + 1]
        if who.text.lower() == "who" and who.head > who.index:
            clauses.append(sentence.words[who.head])
    for child in clauses:
        if child.lemma.lower() not in lexicon.role_verbs:
            continue
        words = [
            w
            for w in sentence.subtree(child.index)
            if not (w.deprel.startswith("nsubj") and w.head == child.index)
        ]
        kept = trim_punct(words)
        if kept:
            span = span_of(kept)
            return TextSpan(text[span.start : span.end], span)
    return None


@dataclass(frozen=True, slots=True)
class RoleSite:
    """A mention of a person: its head word, the name and title it splits into."""

    text: str
    sentence: Sentence
    head: Word
    parts: NameParts
    lexicon: Lexicon


RoleRule = Callable[[RoleSite], TextSpan | None]


def title_before_name(site: RoleSite) -> TextSpan | None:
    """`Finance Minister Petra Lind`: the title words before the name; inside the mention, so
    first."""
    return title_role(site.text, site.parts)


def office_after_name(site: RoleSite) -> TextSpan | None:
    """`Ann Lee MP said`: letters of an office written after the name."""
    name = site.parts.name_words
    letters = office_letters(site.sentence.words, name[-1].index, site.lexicon) if name else None
    return TextSpan(letters.text, letters.span) if letters is not None else None


def office_letters(words: Sequence[Word], last: int, lexicon: Lexicon) -> Word | None:
    """The letters of an office right after the word at `last` (a title among the
    post-nominals: `MP`, `MEP`, `TD`; `KC`, `OBE` are a rank and an honour, no post)."""
    letters = words[last + 1] if last + 1 < len(words) else None
    if letters is None:
        return None
    lowered = letters.text.lower()
    return letters if lowered in lexicon.post_nominals and lexicon.is_title(lowered) else None


def apposition(site: RoleSite) -> TextSpan | None:
    """`Lind, the finance minister,`: the apposition after the mention (parsed or on the
    surface)."""
    return apposition_role(site.text, site.sentence, site.head, site.lexicon)


def relative_clause(site: RoleSite) -> TextSpan | None:
    """`Kovac, who heads the union,`: a relative clause stating a position; last, the loosest."""
    return relative_clause_role(site.text, site.sentence, site.head, site.lexicon)


def description_before_name(site: RoleSite) -> TextSpan | None:
    """`the coal mining giant Northfield Energy`, `The German carmaker Nordwagen`: a noun phrase
    opened by an article right before a name, its noun joined to the name, describes it. A title
    of the lexicon is read by `title_before_name` instead."""
    words, name = site.sentence.words, site.parts.name_words
    if not name or name[0].index < 2:
        return None
    noun = words[name[0].index - 1]
    indices = {w.index for w in name}
    if (
        noun.upos != "NOUN"
        or not noun.text.islower()
        or site.lexicon.is_role_word(noun.text)
        or site.lexicon.is_role_word(noun.lemma)
        or not (noun.head in indices or name[0].head == noun.index)
    ):
        return None
    first = noun.index
    while first > 0 and words[first - 1].upos in ("ADJ", "NOUN") and words[first - 1].text != "-":
        first -= 1
    if first == 0 or words[first - 1].text.lower() not in ARTICLES:
        return None
    start, end = words[first - 1].start, noun.end
    return TextSpan(site.text[start:end], Span(start, end))


# Words that make a post one held before: `a former minister` is not "the minister".
FORMER_WORDS = frozenset({"former", "ex", "retired", "onetime", "one-time"})

# Abbreviated titles and titles read as another, by the post they name (`Sen.` is a senator,
# `nominee` a candidate), without the stop.
ABBREVIATED_TITLES = {
    "sen": "senator",
    "sens": "senator",
    "rep": "representative",
    "reps": "representative",
    "gov": "governor",
    "govs": "governor",
    "pres": "president",
    "gen": "general",
    "sec": "secretary",
    "supt": "superintendent",
    "prof": "professor",
    "cllr": "councillor",
    "insp": "inspector",
    "det": "detective",
    "capt": "captain",
    "cmdr": "commander",
    "adm": "admiral",
    "amb": "ambassador",
    "atty": "attorney",
    "congressman": "representative",
    "congresswoman": "representative",
    "chairman": "chair",
    "chairwoman": "chair",
    "chairperson": "chair",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    # A party's candidate in an election is its nominee: "the Democratic candidate".
    "nominee": "candidate",
    # `Mr Justice Pemberton`, `Justice Ana Kovac`: a judge.
    "justice": "judge",
    # Posts news copy names again by another word: `Pope Leo ... the pontiff`, `captain Ana
    # Kovac ... the skipper`.
    "pontiff": "pope",
    "skipper": "captain",
}


# Roles stated where the article names a person (`entities.NameIndex`), in this order.
NAME_ROLE_RULES: tuple[RoleRule, ...] = (
    title_before_name,
    office_after_name,
    description_before_name,
    apposition,
    relative_clause,
)
# Roles stated at a speaker mention at a cue; the relative clause reaches the speaker through the
# name's own occurrence.
SPEAKER_ROLE_RULES: tuple[RoleRule, ...] = (title_before_name, office_after_name, apposition)


def roles_at(site: RoleSite, rules: Sequence[RoleRule]) -> list[TextSpan]:
    """The roles `rules` read at a mention, in the rules' order."""
    return [role for rule in rules if (role := rule(site)) is not None]


def name_under_title(sentence: Sentence, head: Word, lexicon: Lexicon) -> Word | None:
    """`U.S. Secretary of State Maria Lind said`, parsed with the title as subject and the name
    as its unmarked `nmod`: the name is the speaker. A preposition between them belongs to a
    capitalised title ("of State"), or to one whose complement ends in a common noun before the
    name (`Deputy chief of staff Maria Costa`); after a common noun's one (`a reporter for USA
    Today`), the name is part of the complement ("Today" is no name of the reporter)."""
    if not lexicon.is_title(head.text):
        # `U.S. Secretary of State ...` with "U.S." the head: the title hung on it.
        title = next(
            (
                c
                for c in sentence.children(head.index)
                if c.deprel in ("flat", "compound")
                and c.index == head.index + 1
                and lexicon.is_title(c.text)
            ),
            None,
        )
        if title is None:
            return None
        # `U.S. Ambassador to the United Nations Linda Hale`: the name may hang on either.
        return name_under_title(sentence, title, lexicon) or _holder_after_post(
            sentence, head, lexicon
        )
    for child in sentence.children(head.index):
        if (
            child.deprel == "nmod"
            and child.upos == "PROPN"
            and child.start > head.start
            and not any(w.deprel == "case" for w in sentence.children(child.index))
            and (
                head.text[:1].isupper()
                or not any(w.upos == "ADP" for w in sentence.words[head.index + 1 : child.index])
                # `Deputy chief of staff Maria Costa`: the complement ends in its own noun
                or _common_noun(sentence.words[child.index - 1])
            )
        ):
            return child
    return _holder_after_post(sentence, head, lexicon)


def _names_a_post(sentence: Sentence, word: Word, lexicon: Lexicon) -> bool:
    """A title's complement that says where the post is: a place with no article (`to
    Russia`), or a body (`to the United Nations`); not a person's description (`to the Texas
    Republican`)."""
    children = sentence.children(word.index)
    return (
        word.deprel == "nmod"
        and any(c.deprel == "case" and c.text.lower() in _PORTFOLIO_LINKS for c in children)
        and (
            not any(c.deprel == "det" for c in children)
            or lexicon.is_organization_head(word.text, word.lemma)
        )
    )


def _holder_after_post(sentence: Sentence, head: Word, lexicon: Lexicon) -> Word | None:
    """`former ambassador to Russia Michael Lind`: after the post a title holds ("to
    Russia", hung on the title with its preposition), a name of two words or more, hung on
    the title with no preposition of its own, is who holds it (not `a reporter for USA Today`:
    one word; not `an aide to Governor Ana Lind`: the name of the governor)."""
    posts = [c for c in sentence.children(head.index) if _names_a_post(sentence, c, lexicon)]
    for child in sentence.children(head.index):
        before = sentence.words[child.index - 1]
        if (
            child.deprel in ("nmod", "flat", "appos")
            and child.upos == "PROPN"
            and any(post.index < child.index for post in posts)
            and before.upos == "PROPN"
            and not lexicon.is_title(before.text)
            and not any(w.deprel == "case" for w in sentence.children(child.index))
        ):
            name = [w for w in sentence.children(child.index) if w.deprel == "flat"]
            if (
                name
                and all(w.upos == "PROPN" and w.text[:1].isupper() for w in name)
                and not lexicon.is_organization_head(name[-1].text, name[-1].lemma)
            ):
                return child
    return None


def _common_noun(word: Word) -> bool:
    return word.upos == "NOUN" and word.text.islower()


def reverse_apposition_name(sentence: Sentence, head: Word, lexicon: Lexicon) -> Word | None:
    """`The union's organiser, Marta Kovac, said`: the name is the apposition of a title head
    (also one the tagger calls a proper noun after "the" or a possessor, or a bare title with
    no name of its own: `The Chancellor, Rachel Reeves,`, `Victoria's Premier, Jacinta Allan,`,
    `Labour MP for Kestrel North, Daniel Osei,`)."""
    if head.upos == "PROPN" and not titles_a_description(sentence, head, lexicon):
        return None
    for child in sentence.children(head.index):
        if child.deprel == "appos" and child.upos == "PROPN" and child.start > head.start:
            return child
    for child in sentence.children(head.index):
        if _titled_name_set_off(sentence, child):
            return child
        if child.deprel == "conj" and child.upos == "NOUN" and not _own_determiner(sentence, child):
            # `the former minister and current party leader, Ana Hale`: one determiner for
            # both nouns makes them one person, named after the last.
            return reverse_apposition_name(sentence, child, lexicon)
    return None


def titles_a_description(sentence: Sentence, head: Word, lexicon: Lexicon) -> bool:
    """A proper-noun head that describes rather than names: one after "the" or a possessor, or a
    title that holds no name of its own (`MP`, not `Mayor Holm`)."""
    children = sentence.children(head.index)
    if any(
        (c.deprel == "det" and c.text.lower() == "the") or c.deprel == "nmod:poss" for c in children
    ):
        return True
    return lexicon.is_title(head.text) and not any(
        c.deprel in ("flat", "flat:name", "compound") and c.upos == "PROPN" for c in children
    )


def _titled_name_set_off(sentence: Sentence, child: Word) -> bool:
    """`Ortega's neighbour, retired teacher Helen Marsh, 71, said`: a role noun with a name hung
    on it, set off by a comma and joined by no conjunction, which the parser took for a
    conjunct: an apposition that names the person described."""
    if child.deprel != "conj" or child.upos != "NOUN":
        return False
    children = sentence.children(child.index)
    if any(c.deprel == "cc" for c in children):
        return False
    named = any(c.deprel in ("flat", "flat:name") and c.upos == "PROPN" for c in children)
    first = sentence.subtree(child.index)[0]
    return named and first.index > 0 and sentence.words[first.index - 1].text == ","


def _own_determiner(sentence: Sentence, noun: Word) -> bool:
    """`the minister and the party leader`: a conjunct with a determiner of its own is
    someone else."""
    return any(c.deprel in ("det", "nmod:poss") for c in sentence.children(noun.index))


def head_phrase_role(text: str, words: Sequence[Word]) -> TextSpan | None:
    """The title head of a reverse apposition, as the role: `The union's organiser`."""
    kept = trim_punct(words)
    if not kept:
        return None
    span: Span = span_of(kept)
    return TextSpan(text[span.start : span.end], span)


def runs_into_its_verb(sentence: Sentence, name: Sequence[Word], phrase: Sequence[Word]) -> bool:
    """The noun phrase after the name's comma is the subject of the verb right after it (past
    auxiliaries), with no comma to close it, and that verb is no clause of the name's own
    (`Tomas Ruiz, the ferry captain arrested ...` is his): the next clause's
    subject, no apposition."""
    if not phrase:
        return False
    words = sentence.words
    position = phrase[-1].index + 1
    while position < len(words) and words[position].upos in ("AUX", "PART", "ADV"):
        position += 1
    if position >= len(words) or words[position].upos != "VERB":
        return False
    verb = words[position]
    auxiliary = any(w.upos == "AUX" for w in words[phrase[-1].index + 1 : position])
    if not auxiliary and "VerbForm=Part" in verb.feats:
        return False  # `Ruiz and Kovac, the two members most often seen as ...`
    if any(a in name for a in sentence.ancestors(verb.index)):
        return False
    # The phrase's own head is the subject, not a noun inside it (`a pilot by the time her
    # ferry sailed`).
    head = next((w for w in phrase if not phrase[0].index <= w.head <= phrase[-1].index), None)
    return head is not None and head.base_deprel == "nsubj" and head.head == verb.index
