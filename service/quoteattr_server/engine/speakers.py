"""engine.speakers: the speaker mention at a cue, read from the dependency parse.

`SPEAKER_RULES` tries one construction of English attribution after another at a reporting
verb: the subject of the cue ("Kovac said"), the inverted subject ("said Kovac"), a name the
parser hung elsewhere right after or before the cue, and a subject-less participle that
continues the governing clause's speaker ("..., adding that ..."). The cue kinds that name
their speaker themselves (a dash signature, "according to X") have their own readers here. The
mention is the head phrase (titles and name parts); appositions and relative clauses are roles,
read in `engine.roles`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from quoteattr_server.engine.hyphens import glued_hyphen, leads_into_hyphen
from quoteattr_server.engine.layout import Layout
from quoteattr_server.engine.lexicon import Lexicon
from quoteattr_server.engine.roles import (
    ARTICLES,
    BARE_APOSTROPHES,
    ORGANIZATION_CONNECTORS,
    POSSESSIVE_S,
    opens_named_purpose,
)
from quoteattr_server.engine.rules import Rule
from quoteattr_server.engine.types import Sentence, Span, Word

MAX_WORDS_BEFORE_CUE = 30

_SUBJECT_RELATIONS = ("nsubj", "nsubj:pass")
_NOMINAL = frozenset({"PROPN", "NOUN", "PRON"})
# Pronouns of a group a number picks from: `One of them said`.
_GROUP_PRONOUNS = frozenset({"them", "us", "those"})
# Left and right dependents that belong to the head phrase of a source mention.
_MENTION_RELATIONS = frozenset(
    {
        "flat",
        "flat:name",
        "compound",
        "nmod:desc",
        "amod",
        "det",
        "nmod:poss",
        "nummod",
        "case",
        "fixed",
        "conj",
        "cc",
    }
)
_PARTICIPLE_RELATIONS = frozenset({"advcl", "acl", "conj", "xcomp", "ccomp"})


@dataclass(frozen=True, slots=True)
class SpeakerHead:
    """The head word of a speaker mention, and the rule that found it."""

    sentence: Sentence
    word: Word
    rule: Rule


@dataclass(frozen=True, slots=True)
class CueSite:
    """A reporting verb in its sentence: what every speaker rule reads."""

    sentence: Sentence
    cue: Word
    layout: Layout
    lexicon: Lexicon
    # Speakers of the quotes before this one, for a participle that continues one of them.
    earlier: Sequence[SpeakerHead] = ()


SpeakerRule = Callable[[CueSite], Word | None]


def _subjects(site: CueSite) -> list[Word]:
    """The cue's subjects outside quotes, less numbers and times the parser made subjects; a
    number of a group (`Nearly eight of 10 voters`, `One of the doctors`) stays. The subject of
    a passive cue is who was told or warned, not who spoke (`Residents were warned that ...`)."""
    passive = _passive(site.sentence, site.cue, site.lexicon)
    return [
        child
        for child in site.sentence.children(site.cue.index)
        if (child.deprel == "nsubj" or (child.deprel == "nsubj:pass" and not passive))
        and not site.layout.inside_quote(child)
        and (child.upos not in ("PUNCT", "SYM", "NUM") or _counts_a_group(site.sentence, child))
        and not _time_word(site.sentence, child, site.lexicon)
    ]


def _passive(sentence: Sentence, cue: Word, lexicon: Lexicon) -> bool:
    """A verb of a speech act made passive by a form of "be" (`were warned`, `was called`):
    its subject was spoken to or of. Not an "'s" the parser took for "is" (`who's called for
    ...`: "has"), nor a verb of a view, whose passive is its holder's state (`he would be
    worried`)."""
    acted = lexicon.is_speech_act(cue.lemma) or cue.lemma.lower() in _OTHERS_VIEWS
    return acted and any(
        c.deprel == "aux:pass" and c.text.lower() not in POSSESSIVE_S
        for c in sentence.children(cue.index)
    )


# Verbs of a view whose passive subject is what others hold the view of (`Lund is expected to
# run`, `The drug is believed to be safe`), unlike a holder's state (`he would be worried`).
_OTHERS_VIEWS = frozenset(
    {"expect", "believe", "think", "know", "consider", "understand", "suppose", "estimate"}
)


def _counts_a_group(sentence: Sentence, number: Word) -> bool:
    """`eight of 10 voters`, `One of them`: a number with an "of" phrase of people or things
    that can speak; or a share, `One in five` (respondents, in a poll)."""
    return number.upos == "NUM" and any(
        child.deprel == "nmod"
        and any(_counted_by(sentence, child, c) for c in sentence.children(child.index))
        for child in sentence.children(number.index)
    )


def _counted_by(sentence: Sentence, child: Word, case: Word) -> bool:
    """`of` before people or a group pronoun, or `in` before a number."""
    if case.deprel != "case":
        return False
    lowered = case.text.lower()
    if lowered == "in":
        return child.upos == "NUM"
    return lowered == "of" and (
        child.upos in ("NOUN", "PROPN") or child.text.lower() in _GROUP_PRONOUNS
    )


def _time_word(sentence: Sentence, word: Word, lexicon: Lexicon) -> bool:
    """`Monday`, `times`; but `the Times`, `Harbour Times` (newspapers) are names."""
    if word.text.lower() not in lexicon.time_words:
        return False
    return not (
        word.upos == "PROPN"
        and word.text[:1].isupper()
        and any(c.deprel in ("det", "compound") for c in sentence.children(word.index))
    )


def subject_of_cue(site: CueSite) -> Word | None:
    """`Kovac said`: a subject before the cue. First: the parse's own answer.

    `The plan, Kovac said, was never funded` comes out with two subjects on the cue: the one
    nearest the cue is the speaker, the other belongs to the reported clause. With a name and a
    noun both as subjects (`Massimo Franco, a columnist, wrote`) the name speaks."""
    subjects = (
        _subjects(site)
        or _subject_of_fronted_participle(site)
        or _subject_after_clause_opener(site)
        or _shared_subject(site)
        or _purpose_subject(site)
        or _antecedent_of_relative_host(site)
    )
    before = [child for child in subjects if child.start < site.cue.start]
    if any(child.start > site.cue.start for child in subjects):
        # `However noble the aim, "...," said Mr. Ruiz`: a subject before a quotation
        # that stands between it and an inverted cue is not the cue's.
        before = [child for child in before if not _quote_between(site, child)]
    if not before:
        return None
    # `It was, the harbour master said, "..."`: a subject with a verb of its own before the cue
    # belongs to the reported clause.
    named = [
        child
        for child in before
        if (child.upos in ("PROPN", "PRON") or _title_over_name(site.sentence, child))
        and not _verb_between(site, child)
    ]
    # `Smith, a Republican from Texas, called ...`: a label with an article is the
    # apposition, the bare name the subject.
    bare = [c for c in named if not _has_article(site.sentence, c)]
    chosen = max(bare or named or before, key=lambda c: c.index)
    return _owned_after_titled_name(site.sentence, chosen, site.lexicon) or chosen


def _title_over_name(sentence: Sentence, noun: Word) -> bool:
    """`Former England captain Gary Neville`, parsed with the title noun heading the name: a
    name all the same (`..., now a pundit for Sky Sports,` is its apposition)."""
    return noun.upos == "NOUN" and any(
        c.deprel in ("flat", "flat:name") and c.upos == "PROPN" and c.index > noun.index
        for c in sentence.children(noun.index)
    )


def _owned_after_titled_name(sentence: Sentence, subject: Word, lexicon: Lexicon) -> Word | None:
    """`Independent mayoral candidate Tomas Ruiz's physician is describing ...`, `Mayor Greta Holm's
    husband said`, parsed with the title as the subject and the owned noun hung on it: the noun
    the titled name owns is the subject."""
    if subject.upos != "NOUN" and not (subject.upos == "PROPN" and lexicon.is_title(subject.text)):
        return None
    for child in sentence.children(subject.index):
        if child.deprel not in ("nmod", "appos") or child.upos != "NOUN":
            continue
        # The name is the noun's possessor (the title keeps a name the parser hung on it).
        owner = next((c for c in sentence.children(child.index) if c.deprel == "nmod:poss"), None)
        between = sentence.words[subject.index + 1 : child.index - 1]
        if (
            owner is not None
            and between
            and sentence.words[child.index - 1].text in POSSESSIVE_S
            and all(w.upos == "PROPN" for w in between)
        ):
            return child  # the name right after the title, not `headquarters of X's campaign`
    return None


def _has_article(sentence: Sentence, word: Word) -> bool:
    return any(
        c.deprel == "det" and c.text.lower() in ARTICLES for c in sentence.children(word.index)
    )


def _subject_of_fronted_participle(site: CueSite) -> list[Word]:
    """`Fishermen blocking the harbour chanted "..."`, parsed with the subject on the
    participle before the cue: that subject is the cue's; so is one the parser hung on an
    adjective it took for a clause (`People familiar with the matter said ...`)."""
    sentence, cue = site.sentence, site.cue
    for child in sentence.children(cue.index):
        participle = child.deprel in ("advcl", "acl") and child.text.lower().endswith(("ing", "ed"))
        adjective = child.deprel == "ccomp" and child.upos == "ADJ"
        if (participle or adjective) and child.start < cue.start:
            return [
                c
                for c in sentence.children(child.index)
                if c.deprel in _SUBJECT_RELATIONS
                and c.start < child.start
                and c.upos in _NOMINAL
                and not site.layout.inside_quote(c)
            ]
    return []


def _antecedent_of_relative_host(site: CueSite) -> list[Word]:
    """`One of the teachers who signed the letter called the plan a disaster`, parsed with
    "called" as the complement of "signed": a cue without a subject under a relative clause is
    the main verb, and the noun the relative clause describes (from "one of") its subject."""
    sentence, cue = site.sentence, site.cue
    if cue.deprel != "ccomp" or cue.head < 0 or _subjects(site):
        return []
    host = sentence.words[cue.head]
    pronoun = next((c for c in sentence.children(host.index) if c.deprel.startswith("nsubj")), None)
    if (
        host.deprel != "acl:relcl"
        or pronoun is None
        or not site.lexicon.pronouns.is_relative_speaker(pronoun)
    ):
        return []
    antecedent = sentence.words[host.head]
    if antecedent.deprel == "nmod" and antecedent.head >= 0:
        counted = sentence.words[antecedent.head]
        if counted.upos in ("NUM", "PRON") and counted.start < antecedent.start:
            return [counted]  # `One of the teachers who ...`, `Some of those who ...`
    return [antecedent]


_MODALS = frozenset({"will", "would", "can", "could", "shall"})


def past_beside_modal(sentence: Sentence, clause: Word, verb: Word) -> bool:
    """`said the company would appeal and accused the agency`: a past-tense verb conjoined to
    a clause under "will" or "would" cannot share it; it is coordinated with the verb above."""
    return (
        verb.deprel == "conj"
        and "Tense=Past" in verb.feats
        and "VerbForm=Inf" in clause.feats
        and not any(c.deprel.startswith("aux") for c in sentence.children(verb.index))
        and any(
            c.deprel == "aux" and c.lemma.lower() in _MODALS
            for c in sentence.children(clause.index)
        )
    )


# Words that open an adverbial clause, which the parser may read as a preposition before the
# clause's subject (`after the company said`).
_CLAUSE_OPENERS = frozenset({"after", "before", "since", "until", "once", "as", "while"})
# Words of a noun phrase between such an opener and the cue.
_PHRASE_TAGS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"})


def _subject_after_clause_opener(site: CueSite) -> list[Word]:
    """`Shares rose after the company said it would cut costs`, parsed with "after the
    company" as a phrase of "rose" and the cue as its conjunct: the company speaks, not the
    shares."""
    if site.cue.deprel != "conj":
        return []
    subject = clause_opener_subject(site.sentence, site.cue)
    return [subject] if subject is not None else []


def clause_opener_subject(sentence: Sentence, cue: Word) -> Word | None:
    """The head of the noun phrase right before a finite cue when a word that opens an
    adverbial clause stands before it (`after the company said`, `after chief executive Marianne
    Oduya said`): the cue heads that clause, whatever the parser made of it."""
    if "VerbForm=Fin" not in cue.feats or cue.index < 2:
        return None
    last = sentence.words[cue.index - 1]
    if last.upos not in ("NOUN", "PROPN", "PRON"):
        return None
    first = cue.index - 1
    while first > 0 and sentence.words[first - 1].upos in _PHRASE_TAGS:
        first -= 1
    opener = sentence.words[first - 1] if first > 0 else None
    if opener is None or opener.text.lower() not in _CLAUSE_OPENERS:
        return None
    if last.upos == "PRON" and first != cue.index - 1:
        return None
    return phrase_head(sentence, last)


def _shared_subject(site: CueSite) -> list[Word]:
    """`A reporter for the Herald spotted the senator and reported that ...`: a verb coordinated
    with "and", "but" or "then" and without a subject of its own shares the subject of the
    verb it is coordinated with."""
    sentence, cue = site.sentence, site.cue
    if cue.deprel != "conj" or cue.head < 0 or cue.upos != "VERB":
        return []
    if not any(c.deprel == "cc" and c.start < cue.start for c in sentence.children(cue.index)):
        return []
    reporter = _reporter_of_chain(site)
    if reporter is not None:
        return [reporter]  # `Officials pointed at a drill the navy staged and warned`
    first = sentence.words[cue.head]
    if past_beside_modal(sentence, first, cue) and first.deprel == "ccomp" and first.head >= 0:
        # `He said the company would appeal and accused ...`: coordinated with "said".
        first = sentence.words[first.head]
    if first.upos not in ("VERB", "AUX") or site.layout.inside_quote(first):
        return []  # a quoted verb's subject is the quote's, not the reporter
    if first.deprel.startswith(("acl", "advcl")):
        return []  # a verb of a relative or adverbial clause: the parser's misattachment
    return _nominal_subjects_before(site, first)


def _nominal_subjects_before(site: CueSite, verb: Word) -> list[Word]:
    """The subjects of `verb`, written before it outside quotes, that can name a speaker."""
    return [
        child
        for child in site.sentence.children(verb.index)
        if child.deprel in _SUBJECT_RELATIONS
        and child.upos in _NOMINAL
        and child.start < verb.start
        and not site.layout.inside_quote(child)
    ]


def _purpose_subject(site: CueSite) -> list[Word]:
    """`Residents of Peaks Island packed a meeting to protest the plans`: an infinitive of
    purpose with no subject of its own shares the subject of the verb it hangs on."""
    sentence, cue = site.sentence, site.cue
    if cue.deprel != "advcl" or cue.head < 0 or cue.upos != "VERB":
        return []
    if not any(c.deprel == "mark" and c.text.lower() == "to" for c in sentence.children(cue.index)):
        return []
    verb = sentence.words[cue.head]
    if verb.upos != "VERB" or site.layout.inside_quote(verb):
        return []
    if verb.lemma.lower() in site.lexicon.control_verbs or site.lexicon.is_cue(verb.lemma):
        # `led the union leader to warn`: the object acts (`object_of_control_verb`); `urged
        # residents to report`: the infinitive is the cue's content.
        return []
    return _nominal_subjects_before(site, verb)


def _between(site: CueSite, word: Word) -> list[Word]:
    return list(site.sentence.words[word.index + 1 : site.cue.index])


def _quote_between(site: CueSite, word: Word) -> bool:
    return any(site.layout.inside_quote(w) for w in _between(site, word))


def _verb_between(site: CueSite, word: Word) -> bool:
    return any(w.upos in ("VERB", "AUX") for w in _between(site, word))


def inverted_subject(site: CueSite) -> Word | None:
    """`"...," said Kovac`: a subject after the cue, only when none stands before it (after
    `subject_of_cue`); otherwise it is the subject of a clause the parser hung on the cue."""
    subjects = _subjects(site)
    if not subjects or any(child.start < site.cue.start for child in subjects):
        return None
    ordered = sorted(subjects, key=lambda child: child.index)
    chosen = ordered[0]
    for later in ordered[1:]:
        # `said Celtics forward Jaylen Moore`: subjects in one phrase; the name comes last.
        between = site.sentence.words[chosen.index + 1 : later.index]
        if any(w.upos in ("PUNCT", "VERB", "AUX", "CCONJ") for w in between):
            break
        chosen = later
    return chosen


def name_after_cue(site: CueSite) -> Word | None:
    """`"...," said Kovac` parsed with Kovac as object or dep: the first name after the cue.

    Only in that inverted order, the cue right after a closing mark; elsewhere a name after
    the cue is its object ("encouraged Americans to ..."). After the subject rules: a repair of
    a lost arc.
    """
    sentence, cue, layout = site.sentence, site.cue, site.layout
    before = [w for w in sentence.words[: cue.index] if w.upos != "PUNCT"]
    if before and not layout.inside_quote(before[-1]) and not _inverts_after_clause(site):
        return None
    if before and is_participle(cue):
        return None  # `"...," echoing some commentators`: no inversion, its object
    for word in _words_after_cue(sentence, cue):
        if layout.inside_quote(word):
            return None
        if _one_of_them(sentence, word):
            return word  # `said one of the researchers, Dr. Aiko Tanaka`
        if word.upos == "PUNCT":
            return _named_after_one(sentence, word)
        if word.text.lower() in site.lexicon.time_words:
            continue
        if word.upos in ("PROPN", "NOUN"):
            # `said one senior official on the council`: after a quotation, whoever follows
            # the cue speaks, named or described.
            return _name_after_title(site, phrase_head(sentence, word))
        if word.upos not in ("DET", "ADJ", "NUM") and not (word.deprel == "nmod:poss" and before):
            return None  # after a quotation a possessive goes on: `said its president, Moira ...`
    return None


def _words_after_cue(sentence: Sentence, cue: Word) -> list[Word]:
    """The first four words after the cue, not counting the leading pieces of a lowercase
    hyphenated word (`said 67-year-old retiree Gwen Harris`), which never name the speaker."""
    words = sentence.words
    kept: list[Word] = []
    for word in words[cue.index + 1 :]:
        if len(kept) == 4:
            break
        if not leads_into_hyphen(words, word.index):
            kept.append(word)
    return kept


def _name_after_title(site: CueSite, head: Word) -> Word:
    """`insisted Luton boss Rob Edwards`, parsed as two objects of the cue: the name right
    after the role noun is who speaks."""
    sentence = site.sentence
    following = sentence.words[head.index + 1] if head.index + 1 < len(sentence.words) else None
    if (
        following is not None
        and following.upos == "PROPN"
        and following.head == site.cue.index
        and head.head == site.cue.index
        and site.lexicon.is_role_word(head.lemma)
    ):
        return phrase_head(sentence, following)
    return head


def plain_speech_after_comma(sentence: Sentence, cue: Word, lexicon: Lexicon) -> bool:
    """A plain verb of speech in its finite form right after a comma (`..., said`, `...,
    added`): the only cues that invert after the clause they report; after a participle or
    another verb the words are its object (`, echoing Mr. Ruiz`, `, blasted the mayor`)."""
    return (
        cue.index > 0
        and sentence.words[cue.index - 1].text == ","
        and not is_participle(cue)
        and lexicon.cue_group(cue.lemma) == "neutral"
    )


def _inverts_after_clause(site: CueSite) -> bool:
    """`The ad could start next month, said Tomas Ruiz, ...`: a plain verb of speech right
    after the comma that ends the clause it reports, in the inverted order."""
    cue, lexicon, sentence = site.cue, site.lexicon, site.sentence
    return (
        plain_speech_after_comma(sentence, cue, lexicon)
        and cue.lemma.lower() not in lexicon.recipient_cues
        # `..., Peter Wong, said the photos show ...`: a clause after the cue is its own
        # (not one after a name: `..., said Ana Costa, an economist, adding that ...`).
        and not any(
            c.deprel in ("ccomp", "xcomp")
            and c.start > cue.start
            and not any(
                w.upos == "PROPN"
                for w in sentence.words[cue.index + 1 : sentence.subtree(c.index)[0].index]
            )
            for c in sentence.children(cue.index)
        )
    )


def _one_of_them(sentence: Sentence, word: Word) -> bool:
    """`one of the researchers`: "one" and its "of" phrase, whose noun it stands for."""
    following = sentence.words[word.index + 1] if word.index + 1 < len(sentence.words) else None
    return (
        word.text.lower() == "one"
        and following is not None
        and following.text.lower() == "of"
        and any(c.deprel == "nmod" for c in sentence.children(word.index))
    )


def _named_after_one(sentence: Sentence, comma: Word) -> Word | None:
    """`said one, Ahmed Ali, 35`: "one" (of those just described) and then the name; with no
    name, "one" itself, when a relative clause or the sentence's end follows it (`said one,
    who did not want to be named`, `said another.`)."""
    words = sentence.words
    before = words[comma.index - 1]
    if before.text.lower() not in ("one", "another"):
        return None
    after = words[comma.index + 1] if comma.index + 1 < len(words) else None
    if after is None or comma.text != ",":
        return before if comma.text in (".", "!", "?") and after is None else None
    if _is_name_word(after):
        return phrase_head(sentence, after)
    return before if after.text.lower() in ("who", "whose") else None


def name_before_cue(site: CueSite) -> Word | None:
    """`"...," Ana Kovac, the state's attorney general, said` with the subject arc lost: the
    first name or pronoun between the closing mark (or sentence start) and the cue. After
    `name_after_cue`, which reads the tighter inverted order."""
    sentence, cue = site.sentence, site.cue
    if _participle_of_subject_clause(sentence, cue):
        return None  # `Officials in the town of Portmere delayed ..., saying`: the officials
    run: list[Word] = []
    for word in reversed(sentence.words[: cue.index]):
        if site.layout.inside_quote(word):
            break
        run.insert(0, word)
    run = _without_age_set_off(run)
    adjacent = (
        _name_right_before(site, run)
        or _description_right_before(site, run)
        or _description_before_relative(site, run)
        or _description_before_apposition(site, run)
        or _age_right_before(run)
    )
    if adjacent is not None:
        return adjacent
    run = _without_fronted_phrase(run)
    if len(run) > MAX_WORDS_BEFORE_CUE and not _opens_with_apposed_name(sentence, run):
        return None
    for word in run:
        if word.text.lower() in site.lexicon.time_words:
            continue  # `On September 9, ... said`: a date is no speaker
        if word.upos == "PROPN" or (
            word.upos == "PRON" and word.text.lower() in site.lexicon.pronouns.speakers
        ):
            return phrase_head(sentence, word)
        if word.upos in ("VERB", "AUX"):
            return None
    return None


def _is_name_word(word: Word) -> bool:
    return word.upos == "PROPN" and word.text[:1].isupper()


# Words that open a fronted adverbial: `In a radio interview aired Sunday, Kovac said`.
_FRONTING = frozenset({"ADP", "SCONJ"})


def _without_fronted_phrase(run: list[Word]) -> list[Word]:
    """The words after a fronted prepositional, subordinate or participial phrase and its
    comma, which hold no speaker (`Before officials had weighed in, nominee Donald Trump said`,
    `Reached by phone on Thursday, Tomas Ruiz, ..., said`)."""
    while run and (run[0].upos in _FRONTING or _opens_participle_phrase(run[0])):
        comma = next((i for i, w in enumerate(run) if w.text == ","), None)
        if comma is None:
            break
        run = run[comma + 1 :]
    return run


def _opens_participle_phrase(word: Word) -> bool:
    """`Reached by phone, ...`, `Speaking to reporters, ...`: a participle heading a clause
    that modifies the verb after it."""
    return (
        word.upos == "VERB"
        and word.deprel == "advcl"
        and ("VerbForm=Part" in word.feats or "VerbForm=Ger" in word.feats)
    )


def _name_right_before(site: CueSite, run: list[Word]) -> Word | None:
    """`... Trump boasted, "..."`, `footage of Hillary Clinton asking, "..."`: a name right
    before the cue is its subject; `which Northwind's chief, Rachel Kim, called`: so is one set off
    by commas right before a finite cue."""
    set_off = len(run) > 2 and run[-1].text == ","
    words = run[:-1] if set_off else run
    if not words or (set_off and is_participle(site.cue)):
        return None
    last = words[-1]
    if not _is_name_word(last) or _time_word(site.sentence, last, site.lexicon):
        return None
    if set_off:
        # Set off on both sides: `, Rachel Kim,`, not the object in `one of the towns suing
        # the port, said`.
        first = len(words) - 1
        while first > 0 and words[first - 1].upos == "PROPN":
            first -= 1
        if first == 0 or words[first - 1].text != ",":
            return None
        preposition = home_preposition(site.sentence, words[first])
        if preposition is not None:
            return _hometown_owner(site.sentence, words, preposition)
    elif _completes_a_noun(words) and not is_participle(site.cue):
        return None  # `a spokesperson for the Department of Education said`: the noun speaks
    return phrase_head(site.sentence, last)


# Prepositions that tie a person to a hometown: `Mark Ellis, of Tulsa, Okla.`, `Ana Kovac, from
# Lyon, France,`.
_HOME_PREPOSITIONS = frozenset({"of", "from"})
MAX_PLACE_WORDS = 3


def home_preposition(sentence: Sentence, first: Word) -> Word | None:
    """`Paolo Conti, of Modena, Italy,`: when the name opening at `first` is the region or
    country after the place a named person is "of" or "from", that preposition; the region is
    a place, never the person."""
    words = sentence.words
    index = first.index - 1
    if index < 2 or words[index].text != ",":
        return None
    index -= 1
    place_end = index
    while index >= 0 and words[index].upos == "PROPN" and place_end - index < MAX_PLACE_WORDS:
        index -= 1
    if index == place_end or index < 1 or words[index].text.lower() not in _HOME_PREPOSITIONS:
        return None
    owner = index - 1 if words[index - 1].text == "," else index
    return words[index] if owner > 0 and _is_name_word(words[owner - 1]) else None


def _hometown_owner(sentence: Sentence, run: Sequence[Word], preposition: Word) -> Word | None:
    """`"...," Paolo Conti, of Modena, Italy, told reporters`: the person whose hometown (after
    `preposition`) the name before the cue completes, when that person's name is set off on its
    own (opening the run or after a comma); not `a professor at the University of Leeds,
    England`."""
    words = sentence.words
    owner = preposition.index - 1
    if words[owner].text == ",":
        owner -= 1
    first = owner
    while first > 0 and words[first - 1].upos == "PROPN":
        first -= 1
    opens_run = bool(run) and words[first].index == run[0].index
    set_off = first > 0 and words[first - 1].text == ","
    return phrase_head(sentence, words[owner]) if opens_run or set_off else None


def _completes_a_noun(words: Sequence[Word]) -> bool:
    """The name ending `words` is the complement of a common noun before it: `a spokesperson
    for the Department of Education`, `lawyers for Ana Kovac`."""
    first = len(words) - 1
    while first > 0 and (words[first - 1].upos == "PROPN" or words[first - 1].text == "of"):
        first -= 1
    if first > 0 and words[first - 1].text.lower() == "the":
        first -= 1
    return (
        first >= 2
        and words[first - 1].text.lower() in _COMPLEMENT_PREPOSITIONS
        and words[first - 2].upos == "NOUN"
    )


# Prepositions that tie a name to the noun before it (`a spokesperson for`, `officials in`);
# not those of time (`a week after the Harbour Council rejected`).
_COMPLEMENT_PREPOSITIONS = frozenset({"for", "to", "at", "with", "from", "in", "on"})


MAX_DESCRIPTION_WORDS = 12


def _participle_of_subject_clause(sentence: Sentence, cue: Word) -> bool:
    """A participle after a comma on the main verb, which has a subject of its own: the
    participle rule gives that subject, not the name nearest before (which may sit in its
    complement)."""
    if not is_participle(cue) or cue.head < 0 or cue.deprel not in ("advcl", "xcomp", "conj"):
        return False
    if cue.index == 0 or sentence.words[cue.index - 1].text != ",":
        return False
    host = sentence.words[cue.head]
    return (
        host.head < 0  # not `Ruiz hinted he might run, adding ...`: Ruiz speaks
        and host.index < cue.index
        and any(c.deprel in ("nsubj", "nsubj:pass") for c in sentence.children(host.index))
    )


def _without_age_set_off(run: list[Word]) -> list[Word]:
    """`"...," the veteran lawmaker, 74, said`: the words before the cue without the age set
    off by commas after the speaker."""
    if len(run) > 3 and [w.text for w in run[-3::2]] == [",", ","] and run[-2].upos == "NUM":
        return run[:-3]
    return run


def _age_right_before(run: list[Word]) -> Word | None:
    """`The 71-year-old said ...`, parsed with "old" as a clause of the cue: a person called
    by age alone right before the cue is its subject."""
    words = [w.text.lower() for w in run]
    if len(words) == 6 and words[0] == "the" and words[2:] == ["-", "year", "-", "old"]:
        return run[-1] if run[1].text.isdigit() else None
    return None


def _description_right_before(site: CueSite, run: list[Word]) -> Word | None:
    """`..., the 52-year-old ferry captain replied, "..."`: after the last comma (or the
    closing mark), a description opened by an article right before a finite cue is its
    subject; so is a group
    named without one (`Although ..., dock workers from both unions say ...`)."""
    comma = max((i for i, w in enumerate(run) if w.text == ","), default=None)
    if comma is None and run and _right_after_closing_mark(site.sentence, run[0]):
        comma = -1  # `"...," a spokesperson for the Department of Education said.`
    if comma is None or is_participle(site.cue):
        return None
    phrase = run[comma + 1 :]
    if not 2 <= len(phrase) <= MAX_DESCRIPTION_WORDS:
        return None
    # A participle modifying the noun is an adjective: `elected officials`.
    if any(
        w.upos in ("VERB", "AUX", "PRON", "PUNCT") and w.text != "-" and w.deprel != "amod"
        for w in phrase
    ):
        return None
    noun = noun_before_complement(phrase)
    if phrase[0].text.lower() in ARTICLES:
        return noun
    group = noun is not None and noun.text.lower() in site.lexicon.group_nouns
    return noun if group else None


def noun_before_complement(
    phrase: Sequence[Word], tags: frozenset[str] = frozenset({"NOUN"})
) -> Word | None:
    """A description's noun: the last (of `tags`) before its prepositional complement
    (`attorneys for the family` are attorneys)."""
    head = None
    for word in phrase:
        if word.upos == "ADP":
            break
        if word.upos in tags:
            head = word
    return head


_RELATIVE_OPENERS = frozenset({"who", "whose", "which"})


def _description_before_relative(site: CueSite, run: list[Word]) -> Word | None:
    """`The 27-year-old striker, who joined the club in June, said ...` with the subject arc
    lost: a description opening the sentence, then a relative clause set off by commas right
    before a finite cue; the description's noun speaks."""
    if not run or run[0].text.lower() not in ARTICLES:
        return None
    return _description_set_off(site, run, _RELATIVE_OPENERS, frozenset())


def _description_before_apposition(site: CueSite, run: list[Word]) -> Word | None:
    """`"...," one protester, a nursing student named Aisha, told the BBC` with the subject
    arc lost: right after the closing mark, a description, then an apposition opened by an
    article and set off by commas right before a finite cue; the description's noun speaks."""
    if not run or not _right_after_closing_mark(site.sentence, run[0]):
        return None
    if not (run[0].text.lower() in ARTICLES or run[0].upos == "NUM"):
        return None
    return _description_set_off(site, run, ARTICLES, frozenset({"PRON"}))


def _description_set_off(
    site: CueSite, run: list[Word], openers: frozenset[str], barred: frozenset[str]
) -> Word | None:
    """The noun of the description opening `run`, when a phrase opened by one of `openers`
    follows it, set off by commas right before a finite cue, and the description holds no
    verb, no word tagged one of `barred` and no punctuation but a hyphen."""
    comma = next((i for i, w in enumerate(run) if w.text == ","), None)
    if (
        comma is None
        or comma == 0
        or is_participle(site.cue)
        or run[-1].text != ","
        or comma + 2 >= len(run)
        or run[comma + 1].text.lower() not in openers
    ):
        return None
    phrase = run[:comma]
    if any(
        w.upos in ("VERB", "AUX") or w.upos in barred or (w.upos == "PUNCT" and w.text != "-")
        for w in phrase
    ):
        return None
    return noun_before_complement(phrase)


def _opens_with_apposed_name(sentence: Sentence, run: list[Word]) -> bool:
    """`Tomas Ruiz, the chief executive of ..., which ... -- told me`: the sentence opens with
    a name and its comma, so the long run is the name's apposition."""
    first = run[0]
    return (
        first.index == 0
        and _is_name_word(first)
        and any(w.text == "," for w in sentence.words[1:4])
    )


def is_participle(verb: Word) -> bool:
    """`saying`, `adding`: a cue that takes its speaker from the clause it hangs on."""
    return verb.text.lower().endswith("ing")


_PHRASE_INNER = frozenset({"nmod", "appos", "compound", "flat", "flat:name"})


def _top_of_phrase(sentence: Sentence, word: Word) -> Word:
    """The head of the noun phrase `word` ends: up its nominal modifiers and appositions."""
    current, seen = word, {word.index}
    while current.deprel in _PHRASE_INNER and current.head >= 0:
        parent = sentence.words[current.head]
        if parent.index in seen or parent.upos not in _NOMINAL:
            break
        seen.add(parent.index)
        current = parent
    return current


def _described_noun(site: CueSite) -> Word | None:
    """`an outside group backing the senator`: the participle describes its noun; when that
    noun only ends a speaker's apposition (`Dylevsky, the leader of the protest at the Plant,
    adding ...`), the phrase's head is the one speaking."""
    sentence, cue = site.sentence, site.cue
    if cue.deprel != "acl" or cue.head < 0:
        return None
    if any(c.deprel == "mark" for c in sentence.children(cue.index)):
        return None  # `and for claiming that ...`: a gerund, not a description
    noun = _top_of_phrase(sentence, sentence.words[cue.head])
    if noun.upos not in _NOMINAL or site.layout.inside_quote(noun):
        return None
    after_comma = cue.index > 0 and sentence.words[cue.index - 1].text == ","
    if after_comma and not is_source_noun(noun, site.lexicon):
        # `shared a syllabus on his Facebook page, writing "..."`: set off by a comma, the
        # participle goes with the clause, not with a thing named at its end.
        return None
    return _issuer(site, noun) or noun


def is_source_noun(noun: Word, lexicon: Lexicon) -> bool:
    """A name, a pronoun, or a noun of people, an organisation or a document."""
    if noun.upos in ("PROPN", "PRON"):
        return True
    lemma, lowered = noun.lemma.lower(), noun.text.lower()
    return (
        lexicon.is_role_word(lemma)
        or lexicon.is_organization_head(noun.text, noun.lemma)
        or lowered in lexicon.group_nouns
        or lemma in lexicon.collectives
        or lemma in lexicon.artefacts
        or lowered in lexicon.artefacts  # `the figures showed`; a `figure` may be a person
    )


def _issuer(site: CueSite, noun: Word) -> Word | None:
    """`the board issued a statement calling the levy "a mistake"`: a document that is the
    object of a verb speaks for that verb's subject."""
    if noun.deprel != "obj" or noun.head < 0 or noun.lemma.lower() not in site.lexicon.artefacts:
        return None
    verb = site.sentence.words[noun.head]
    return next(
        (
            child
            for child in site.sentence.children(verb.index)
            if child.deprel in _SUBJECT_RELATIONS and not site.layout.inside_quote(child)
        ),
        None,
    )


def _reporter_of_chain(site: CueSite) -> Word | None:
    """`Officials pointed at an exercise Belarus launched ... and warned about ...`: a
    coordinated cue shares the reporter of the reporting verb it is coordinated with, even when
    the parser hangs it on a verb in between (here "launched", whose subject is Belarus)."""
    sentence, layout = site.sentence, site.layout
    current = site.cue
    while current.deprel == "conj" and current.head >= 0:
        current = sentence.words[current.head]
        if layout.inside_quote(current) or not site.lexicon.is_cue(current.lemma):
            continue
        for child in sentence.children(current.index):
            if child.deprel in _SUBJECT_RELATIONS and not layout.inside_quote(child):
                return child
    return None


def participle_continues_speaker(site: CueSite) -> Word | None:
    """`..., adding that ...` has no subject: the speaker is that of the clause it hangs on.

    Last, since it borrows a speaker from elsewhere. The parser often hangs the participle on
    the quote's own verb, whose subject is quoted speech, so the governing clause is found among
    ancestors outside quotes first, then among the cues of the same sentence before it.
    """
    sentence, cue = site.sentence, site.cue
    if cue.deprel not in _PARTICIPLE_RELATIONS and cue.upos != "VERB":
        return None
    if _reduced_passive(sentence, cue):
        return None  # `the man called to the scene`: he is who was called
    borrowed = _described_noun(site) or _reporter_of_chain(site)
    if borrowed is not None:
        return borrowed
    governing = _speaker_of_governing_clause(site)
    if governing is not None:
        return governing
    for earlier in reversed(site.earlier):
        if earlier.sentence is sentence and earlier.word.start < cue.start:
            return earlier.word
    return _named_after_governing_cue(site)


def _speaker_of_governing_clause(site: CueSite) -> Word | None:
    """The subject of the nearest clause above the participle outside quotes that has one
    that may speak, or the name after an inverted cue on the way up."""
    sentence, layout = site.sentence, site.layout
    for ancestor in sentence.ancestors(site.cue.index):
        if layout.inside_quote(ancestor) or _reported_by_cue(site, ancestor):
            continue  # `Analysts said the factors contributed ..., citing ...`: the analysts'
        named = _named_after_inverted(site, ancestor)
        if named is not None:
            return named  # `..., said Ana Costa, an economist, adding that ...`
        for child in sentence.children(ancestor.index):
            if (
                child.deprel in _SUBJECT_RELATIONS
                and not layout.inside_quote(child)
                and _may_speak(child, site.lexicon)
            ):
                return child
    return None


def _reported_by_cue(site: CueSite, clause: Word) -> bool:
    """A clause some cue reports (`said [geopolitical factors have contributed ...]`): a
    participle of speech hung on it continues the cue's speaker, not the clause's subject."""
    if clause.deprel != "ccomp" or clause.head < 0:
        return False
    if any(
        c.deprel in _SUBJECT_RELATIONS and "PronType=Rel" in c.feats
        for c in site.sentence.children(clause.index)
    ):
        return False  # `shows Dana Fox, who was ..., describing`: a relative clause
    cue = site.sentence.words[clause.head]
    return cue.upos == "VERB" and site.lexicon.is_cue(cue.lemma)


def _named_after_inverted(site: CueSite, ancestor: Word) -> Word | None:
    """The speaker named after a cue above the participle and before it, when that cue has no
    subject of its own and stands inverted after what it reports (`The bank will raise rates,
    said Ana Costa, ..., adding that ...`), whose speaker the participle continues."""
    sentence = site.sentence
    if (
        ancestor.index > site.cue.index
        or site.lexicon.cue_group(ancestor.lemma) != "neutral"  # `endorsed X, urging ...`
        or any(c.deprel in _SUBJECT_RELATIONS for c in sentence.children(ancestor.index))
    ):
        return None
    return name_after_cue(CueSite(sentence, ancestor, site.layout, site.lexicon))


def _named_after_governing_cue(site: CueSite) -> Word | None:
    """`"...," said Amina Diallo, adding that ...`: the participle hangs on an inverted cue,
    whose speaker is named after it."""
    sentence, layout = site.sentence, site.layout
    governing = next(
        (a for a in sentence.ancestors(site.cue.index) if not layout.inside_quote(a)), None
    )
    if (
        governing is None
        or governing.index > site.cue.index  # `Defending the plan ..., said X`: no participle after
        or not site.lexicon.is_cue(governing.lemma)
    ):
        return None
    above = CueSite(sentence, governing, layout, site.lexicon)
    return inverted_subject(above) or name_after_cue(above)


def _reduced_passive(sentence: Sentence, cue: Word) -> bool:
    """A past participle on a noun that is no misread main clause (`Cross called the election
    "..."`, parsed with "Cross" as the root): the noun is what the participle was done to."""
    if cue.deprel != "acl" or "Tense=Past" not in cue.feats or "VerbForm=Part" not in cue.feats:
        return False
    return cue.head >= 0 and sentence.words[cue.head].head >= 0


def _may_speak(subject: Word, lexicon: Lexicon) -> bool:
    """Not a thing's relative pronoun (`the raid that ..., saying`) nor a number (`22%`)."""
    groups = lexicon.pronouns.groups
    things = groups.get("relative_nonpersonal", frozenset()) | groups.get(
        "relative_general", frozenset()
    )
    return subject.text.lower() not in things and subject.upos not in ("NUM", "SYM")


def introduced_before(layout: Layout, lexicon: Lexicon, quote: Span) -> SpeakerHead | None:
    """`Lindqvist called her a tireless negotiator. "She never left a meeting ..."`: a quotation
    that is a sentence of its own, with no cue, after a sentence (of its paragraph, or one
    ending in a colon) whose main verb has a named or pronoun subject: that subject speaks.
    News copy introduces a speaker, then quotes them."""
    index = layout.sentence_index_at(quote.start)
    if index < 1:
        return None
    sentence, before = layout.sentences[index], layout.sentences[index - 1]
    if any(w.end <= quote.start and w.upos != "PUNCT" for w in sentence.words):
        return None
    root = _past_fronted_participle(before, next((w for w in before.words if w.head < 0), None))
    if before.paragraph != sentence.paragraph and not (
        before.words[-1].text == ":" or _describes_without_quoting(layout, before, root)
    ):
        return None
    if root is None or root.upos not in ("VERB", "ADJ") or layout.inside_quote(root):
        return None
    return _introducing_subject(layout, lexicon, before, root, before.end)


def _past_fronted_participle(sentence: Sentence, root: Word | None) -> Word | None:
    """`Asked whether he would run again, Ruiz smiled.`, parsed with "Asked" as the root and
    "smiled" under it: after a participle opening the sentence with no subject of its own, the
    verb with a subject after its comma is the main one."""
    if (
        root is None
        or root.index != 0
        or root.upos != "VERB"
        or any(c.deprel in _SUBJECT_RELATIONS for c in sentence.children(root.index))
    ):
        return root
    main = [
        child
        for child in sentence.children(root.index)
        if child.upos == "VERB"
        and child.deprel in ("ccomp", "parataxis", "advcl", "conj")
        and any(c.deprel in _SUBJECT_RELATIONS for c in sentence.children(child.index))
        and any(w.text == "," for w in sentence.words[: child.index])
    ]
    return main[-1] if main else root


def _describes_without_quoting(layout: Layout, sentence: Sentence, root: Word | None) -> bool:
    """`Captain Lisa Tamsin was upbeat after the win.` closing the paragraph before a quote
    paragraph with no cue: a sentence that describes its subject (`root`, a predicate
    adjective) and quotes nothing introduces the quote after it."""
    return (
        root is not None
        and root.upos == "ADJ"
        and not any(layout.inside_quote(w) for w in sentence.words)
    )


def introduced_by_colon(layout: Layout, lexicon: Lexicon, quote: Span) -> SpeakerHead | None:
    """`Her deputy, Alain Fortier, was more optimistic: "..."`: a quotation after a colon that
    ends a clause of its own sentence, whose subject names a person: that person speaks (not
    the speaker of the quotation before)."""
    sentence = layout.sentences[layout.sentence_index_at(quote.start)]
    before = [w for w in sentence.words if w.end <= quote.start]
    if len(before) < 3 or before[-1].text != ":" or layout.inside_quote(before[0]):
        return None
    root = next((w for w in before if w.head < 0 or w.head >= before[-1].index), None)
    if root is None or root.upos not in ("VERB", "AUX", "ADJ", "NOUN"):
        return None
    return _introducing_subject(layout, lexicon, sentence, root, before[-1].start)


def _introducing_subject(
    layout: Layout, lexicon: Lexicon, sentence: Sentence, root: Word, limit: int
) -> SpeakerHead | None:
    """The subject of `root` before `limit` that names a person (or the name set off after
    it: `Her deputy, Alain Fortier,`; or the one whose words it names: `The minister's
    message was blunt:`), as the speaker it introduces."""
    for child in sentence.children(root.index):
        if (
            child.deprel not in _SUBJECT_RELATIONS
            or layout.inside_quote(child)
            or child.start > limit
        ):
            continue
        named = name_set_off_after(sentence, child) or _owner_of_words(sentence, child, lexicon)
        if named is not None:
            return SpeakerHead(sentence, named, Rule.INTRODUCED)
        if _names_a_person(sentence, child, lexicon):
            return SpeakerHead(sentence, child, Rule.INTRODUCED)
    return None


def _owner_of_words(sentence: Sentence, noun: Word, lexicon: Lexicon) -> Word | None:
    """`The minister's message to the protesters`: a noun of what was said speaks for its
    possessor."""
    return _named_owner(sentence, noun, lexicon.reporting_nouns)


def _named_owner(sentence: Sentence, noun: Word, nouns: frozenset[str]) -> Word | None:
    """The possessor named before `noun` (not a pronoun: `its report`), when `noun` is one of
    `nouns`."""
    if noun.lemma.lower() not in nouns:
        return None
    return next(
        (
            c
            for c in sentence.children(noun.index)
            if c.deprel == "nmod:poss" and c.upos in ("NOUN", "PROPN")
        ),
        None,
    )


# Words a noun's complement may hold before the name set off after it: `deputy at the port`.
_COMPLEMENT_TAGS = frozenset({"ADP", "DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"})


# How many words a name set off after a description may have, with its own title.
MAX_SET_OFF_NAME_WORDS = 8


def owned_after(sentence: Sentence, words: list[Word]) -> list[Word]:
    """`The Bank of England's governor`: the noun phrase a mention owns, written right after
    it with a possessive ending (up to its head noun); empty when it owns none."""
    all_words = sentence.words
    position = words[-1].index + 1
    if position >= len(all_words) or all_words[position].text not in _POSSESSIVE_CASES:
        return []
    phrase: list[Word] = []
    for word in all_words[position + 1 :]:
        if word.upos not in ("ADJ", "NOUN", "NUM") and word.text != "-":
            break
        phrase.append(word)
    while phrase and phrase[-1].upos != "NOUN":
        phrase.pop()
    return [all_words[position], *phrase] if phrase else []


# Participles that give a described person's name after them: `a driver named Rafiq`.
NAMING_PARTICIPLES = frozenset({"named", "called"})


def is_person_noun(word: Word, lexicon: Lexicon) -> bool:
    """A lower-case noun of a person's occupation, post or sex: `driver`, `woman`."""
    return (
        word.upos == "NOUN"
        and word.text[:1].islower()
        and (lexicon.is_role_word(word.lemma) or word.text.lower() in lexicon.genders)
    )


def named_by_participle(
    sentence: Sentence, noun: Word, lexicon: Lexicon
) -> tuple[Word, Word] | None:
    """`A woman named Grace Okafor told ...`, `Her neighbour, a rickshaw driver named Rafiq,
    said ...`: the name written right after "named" (or "called") on a person's noun or on the
    description set off after it; with the noun that "named" follows. None when there is no
    such name (`Lund called November's vote "..."`, with "Lund" misread as a noun)."""
    if not is_person_noun(noun, lexicon):
        return None
    words = sentence.words
    described = [noun] + [
        c
        for c in sentence.children(noun.index)
        if c.deprel in ("appos", "conj")
        and is_person_noun(c, lexicon)
        and words[c.index - 1].text != "and"
    ]
    for candidate in described:
        after = candidate.index + 1
        if after + 1 >= len(words) or words[after].text.lower() not in NAMING_PARTICIPLES:
            continue
        participle, name = words[after], words[after + 1]
        if participle.upos == "VERB" and name.upos == "PROPN" and name.text[:1].isupper():
            return name, candidate
    return None


def _joins_roles_of_one(words: Sequence[Word], word: Word) -> bool:
    """`founder and chief executive`: an "and" before a role with no determiner of its own."""
    following = words[word.index + 1] if word.index + 1 < len(words) else None
    return (
        word.text.lower() == "and"
        and following is not None
        and following.upos in ("ADJ", "NOUN")
        and following.text[:1].islower()
    )


def name_set_off_after(sentence: Sentence, noun: Word, *, title: bool = False) -> Word | None:
    """`Her longtime deputy at the port authority, Marta B. Lindqvist, described ...`: the name set
    off by commas after a subject noun and its complement, however the parser hung it (often as
    a conjunct of the complement's last name); with `title`, also after a bare title the tagger
    calls a proper noun (`Green MP for Alderby West, Hana Kowalski,`)."""
    if noun.upos != "NOUN" and not (title and noun.upos == "PROPN"):
        return None
    words = sentence.words
    comma = next((w.index for w in words[noun.index + 1 :] if w.text == ","), None)
    if comma is None or any(
        w.upos not in _COMPLEMENT_TAGS and not _joins_roles_of_one(words, w)
        for w in words[noun.index + 1 : comma]
    ):
        return None
    # `..., Unite general secretary Sharon Graham,`: the name may carry a title of its own.
    closing = next((w.index for w in words[comma + 1 :] if w.text == ","), None)
    if closing is None or closing - comma > MAX_SET_OFF_NAME_WORDS:
        return None
    first = closing
    while first > comma + 1 and _is_name_word(words[first - 1]):
        first -= 1
    if first == closing or any(
        w.upos not in ("PROPN", "ADJ", "NOUN") for w in words[comma + 1 : first]
    ):
        return None
    # The name's own head: `Harbour Homes` is headed by its last word, `Marta B. Lindqvist` by
    # its first.
    return next((w for w in words[first:closing] if not first <= w.head < closing), words[first])


def _names_a_person(sentence: Sentence, word: Word, lexicon: Lexicon) -> bool:
    """A name, a personal pronoun, or a noun with a name in apposition ("His former partner,
    Marta Lindqvist,") or hung on it as a title's ("Celtics coach Joe Moran", parsed with the
    title as the head)."""
    if word.upos == "PROPN":
        return True
    if word.upos == "PRON":
        return word.text.lower() in lexicon.pronouns.speakers
    return word.upos == "NOUN" and any(
        child.deprel in ("appos", "flat", "flat:name") and child.upos == "PROPN"
        for child in sentence.children(word.index)
    )


def object_of_control_verb(site: CueSite) -> Word | None:
    """`The storm led the harbour master to warn that ...`: an infinitive cue on a verb whose
    object does what the infinitive says (`engine/data/control_verbs.txt`) has that object for
    its subject, not the verb's own subject."""
    sentence, cue = site.sentence, site.cue
    if cue.head < 0 or cue.deprel not in ("xcomp", "advcl", "ccomp"):
        return None
    if not any(c.deprel == "mark" and c.text.lower() == "to" for c in sentence.children(cue.index)):
        return None
    verb = sentence.words[cue.head]
    if verb.lemma.lower() not in site.lexicon.control_verbs or site.lexicon.is_cue(verb.lemma):
        return None
    objects = [
        c
        for c in sentence.children(verb.index)
        if c.deprel in ("obj", "iobj")
        and verb.start < c.start < cue.start
        and c.upos in _NOMINAL
        and not site.layout.inside_quote(c)
    ]
    # `the veteran pilot Peter Wong`, parsed as two objects: the name.
    named = [c for c in objects if c.upos == "PROPN"]
    chosen = named or objects
    return chosen[-1] if chosen else None


def quoted_as_saying(site: CueSite) -> Word | None:
    """`State television quoted Foreign Minister Elena Vasko as saying ...`: the person
    quoted speaks, at "saying" and at "quoted" alike; the outlet only carries the words."""
    sentence, cue = site.sentence, site.cue
    quoting = cue
    if cue.lemma.lower() != "quote":
        opened_by_as = any(
            c.deprel == "mark" and c.text.lower() == "as" for c in sentence.children(cue.index)
        )
        if not opened_by_as or cue.head < 0 or sentence.words[cue.head].lemma.lower() != "quote":
            return None
        quoting = sentence.words[cue.head]
    elif not any(
        c.lemma.lower() == "say" and c.deprel in ("advcl", "xcomp")
        for c in sentence.children(cue.index)
    ):
        return None
    quoted = [
        c
        for c in sentence.children(quoting.index)
        if c.deprel in ("obj", "iobj") and c.upos in _NOMINAL and not site.layout.inside_quote(c)
    ]
    return quoted[0] if quoted else None


def agent_of_passive_cue(site: CueSite) -> Word | None:
    """`The plan was described as "reckless" by opposition leaders`: a cue of speech made
    passive names its speaker after "by" (its subject is what was spoken of)."""
    sentence, cue = site.sentence, site.cue
    if not _passive(sentence, cue, site.lexicon):
        return None
    return next(
        (
            c
            for c in sentence.children(cue.index)
            if is_agent(sentence, cue, c)
            and not site.layout.inside_quote(c)
            and is_source_noun(c, site.lexicon)
        ),
        None,
    )


def is_agent(sentence: Sentence, cue: Word, child: Word) -> bool:
    """`by the dockworkers union` after a passive cue: the parser's `obl:agent`, or an oblique
    opened by "by" that names someone."""
    if child.start < cue.start or child.upos not in _NOMINAL:
        return False
    if child.deprel == "obl:agent":
        return True
    return child.deprel == "obl" and any(
        c.deprel == "case" and c.text.lower() == "by" for c in sentence.children(child.index)
    )


# The speaker of a reporting verb: the first of these constructions that reads one.
SPEAKER_RULES: tuple[tuple[Rule, SpeakerRule], ...] = (
    (Rule.PASSIVE_AGENT, agent_of_passive_cue),
    (Rule.QUOTED_AS_SAYING, quoted_as_saying),
    (Rule.SUBJECT, subject_of_cue),
    (Rule.INVERTED, inverted_subject),
    (Rule.CONTROLLER, object_of_control_verb),
    (Rule.NAME_AFTER_CUE, name_after_cue),
    (Rule.NAME_BEFORE_CUE, name_before_cue),
    (Rule.PARTICIPLE, participle_continues_speaker),
)


def speaker_at_cue(site: CueSite) -> SpeakerHead | None:
    """The speaker of a reporting verb, by the first rule of `SPEAKER_RULES` that finds one."""
    if _accused_without_accuser(site.sentence, site.cue):
        return None  # `A woman accused of ...`: the accused, no speaker
    passive = _passive(site.sentence, site.cue, site.lexicon)
    for rule, read in SPEAKER_RULES:
        if passive and rule is not Rule.PASSIVE_AGENT:
            continue  # `Residents were warned that ...`: no speaker but an agent after "by"
        word = read(site)
        if word is not None:
            maker = _maker_of_statement(site, word)
            owner = _owner_of_document(site.sentence, word, site.lexicon)
            named = _name_after_role_word(site.sentence, word, site.lexicon)
            return SpeakerHead(site.sentence, maker.word if maker else owner or named or word, rule)
    return None


# Verbs of accusing whose participle names the accused (`A woman accused of theft`).
_ACCUSING = frozenset({"accuse", "charge", "suspect", "convict"})


def _accused_without_accuser(sentence: Sentence, cue: Word) -> bool:
    """`A Georgia woman accused of leaving her children alone has been denied bond`, parsed
    with "accused" as the main verb: an accusing verb with no object but its "of" or "with"
    charge is a participle on the accused, who says nothing."""
    if cue.lemma.lower() not in _ACCUSING:
        return False
    children = sentence.children(cue.index)
    if any(c.deprel in ("obj", "iobj") for c in children):
        return False
    return any(
        any(g.text.lower() in ("of", "with") for g in sentence.children(c.index))
        for c in children
        if c.deprel in ("advcl", "obl") and c.start > cue.start
    )


def _name_after_role_word(sentence: Sentence, word: Word, lexicon: Lexicon) -> Word | None:
    """`said Hawks coach Terry Mulvane`, `Lakers forward Dion Mabry said`, with the role word
    tagged a verb or a preposition and the team taken for the speaker: the name after the
    role word speaks; the team and role are its title."""
    words = sentence.words
    if word.upos != "PROPN" or word.index + 2 >= len(words):
        return None
    role, name = words[word.index + 1], words[word.index + 2]
    if (
        role.text.islower()
        and role.upos in ("VERB", "ADP", "ADV")
        and lexicon.is_role_word(role.text)
        and name.upos == "PROPN"
        and name.text[:1].isupper()
    ):
        return name
    return None


def _owner_of_document(sentence: Sentence, word: Word, lexicon: Lexicon) -> Word | None:
    """`The club's statement said ...`, `Mr. Ruiz's letter warned ...`: a document someone
    owns speaks for its owner, named as its possessor (not a pronoun: `its report`)."""
    return _named_owner(sentence, word, lexicon.artefacts)


def _maker_of_statement(site: CueSite, word: Word) -> SpeakerHead | None:
    """`The mayor issued a statement that called the plan "reckless"`: a statement speaking
    through a relative clause speaks for whoever issued it, found at the issuing verb."""
    sentence, lexicon = site.sentence, site.lexicon
    if not lexicon.pronouns.is_relative_speaker(word) or site.cue.head < 0:
        return None
    statement = sentence.words[site.cue.head]
    if (
        site.cue.deprel != "acl:relcl"
        or statement.lemma.lower() not in lexicon.reporting_nouns
        or statement.deprel != "obj"
        or statement.head < 0
    ):
        return None
    verb = sentence.words[statement.head]
    if verb.lemma.lower() not in lexicon.issuing_verbs:
        return None
    issuing = CueSite(sentence, verb, site.layout, lexicon)
    # Only the constructions that read the verb's own subject, never a name merely near it.
    maker = subject_of_cue(issuing) or object_of_control_verb(issuing)
    return SpeakerHead(sentence, maker, Rule.SUBJECT) if maker is not None else None


# How many tokens a party tag in parentheses may have: "(D-N.J.)", "(R-S.C.)" as tokenized.
MAX_TAG_WORDS = 8


def after_party_tag(words: Sequence[Word], position: int) -> int:
    """After a party tag in parentheses (`(D-Ohio)`) that starts at `position`, if one does."""
    if position < len(words) and words[position].text == "(":
        closing = next((w.index for w in words[position:] if w.text == ")"), None)
        if closing is not None and closing - position <= MAX_TAG_WORDS:
            return closing + 1
    return position


def before_party_tag(words: Sequence[Word], position: int) -> int:
    """Before a party tag in parentheses that ends at `position` (`(D-Mont.)`), if one does."""
    if position < 0 or words[position].text != ")":
        return position
    for back in range(position - 1, max(-1, position - MAX_TAG_WORDS - 1), -1):
        if words[back].text == "(":
            return back - 1
    return position


def according_source(sentence: Sentence, according: Word) -> Word | None:
    """The noun of `according to X`: the parser hangs "according" on it. When it hangs it on an
    adjective (`according to a person familiar with the plans`), the noun before that is the
    source."""
    if according.head < 0:
        return None
    source = sentence.words[according.head]
    if source.index < according.index:
        # `unsafe — some badly so — according to the inspectors`, with "according" hung on the
        # word before the dash and the noun after "to" on "according": that noun.
        return next(
            (
                w
                for w in sentence.children(according.index)
                if w.upos in _NOMINAL and w.index > according.index
            ),
            None,
        )
    if source.upos == "VERB":
        # `according to show insiders`, with "show" tagged a verb and "insiders" its object:
        # the noun right after is the source.
        following = next((c for c in sentence.children(source.index) if c.deprel == "obj"), None)
        if following is not None and following.index == source.index + 1:
            return following
    if source.upos == "ADJ":
        nouns = [
            w
            for w in sentence.children(source.index)
            if w.upos in _NOMINAL and according.start < w.start < source.start
        ]
        if nouns:
            return nouns[-1]
    while (
        source.deprel in ("compound", "flat", "flat:name")
        and source.head > source.index
        and source.text.endswith(".")  # an abbreviated honorific or title, not a word of a name
    ):
        source = sentence.words[source.head]  # `according to Mr. Okafor`, hung on "Mr."
    return source


def words_of_source(sentence: Sentence, word: Word) -> Word | None:
    """The one whose words `word` is, in `in the words of X` or `in X's words` (`in her
    words`): the phrase's "of" complement or possessor."""
    if word.text.lower() != "words":
        return None
    children = sentence.children(word.index)
    if not any(c.deprel == "case" and c.text.lower() == "in" for c in children):
        return None
    return next(
        (
            c
            for c in children
            if c.deprel == "nmod:poss"
            or (
                c.deprel == "nmod"
                and any(g.deprel == "case" and g.lemma == "of" for g in sentence.children(c.index))
            )
        ),
        None,
    )


def words_of_speaker(sentence: Sentence, word: Word) -> SpeakerHead | None:
    """`In the words of one diplomat, "..."`: the one whose words they are speaks."""
    source = words_of_source(sentence, word)
    return None if source is None else SpeakerHead(sentence, source, Rule.IN_THE_WORDS_OF)


def according_to_source(sentence: Sentence, according: Word) -> SpeakerHead | None:
    """`according to Kovac`: the source of the phrase speaks."""
    source = according_source(sentence, according)
    return None if source is None else SpeakerHead(sentence, source, Rule.ACCORDING_TO)


def phrase_head(sentence: Sentence, word: Word) -> Word:
    """Climb name-internal relations (flat, compound, title) to the head of the phrase."""
    current = word
    seen = {word.index}
    while current.head >= 0 and current.deprel in _MENTION_RELATIONS - {"conj", "cc", "case"}:
        parent = sentence.words[current.head]
        if parent.index in seen or parent.upos not in _NOMINAL | {"ADJ"}:
            break
        seen.add(parent.index)
        current = parent
    return current


def dash_signature(
    sentence: Sentence, dash: Word, layout: Layout, lexicon: Lexicon
) -> SpeakerHead | None:
    """`"..." — Commissioner Alma Ferris`: the capitalised phrase after the dash signs the quote,
    but a quotation set off by dashes right after a name is that person's aside (`... Mitt
    Romney -- "..." -- and Fred Goldberg`: Romney's); `"..." — that was the message from Tomas
    Ruiz`: the one a noun of speech after the dash is from."""
    aside = name_before_aside(sentence, dash, layout)
    if aside is not None:
        return aside
    sender = _sender_after_dash(sentence, dash, lexicon)
    if sender is not None:
        return SpeakerHead(sentence, sender, Rule.DASH_SIGNATURE)
    for word in sentence.words[dash.index + 1 : dash.index + 4]:
        if layout.inside_quote(word):
            return None
        if word.upos == "PROPN" or (word.text[:1].isupper() and word.upos in ("NOUN", "X")):
            return SpeakerHead(sentence, phrase_head(sentence, word), Rule.DASH_SIGNATURE)
    return None


# How far after the dash a noun of speech may stand: `that was the message from`.
MAX_WORDS_BEFORE_SPEECH_NOUN = 5
_SENDERS = frozenset({"from", "of"})


def _sender_after_dash(sentence: Sentence, dash: Word, lexicon: Lexicon) -> Word | None:
    """`"..." — that was the message from Tomas Ruiz, ...`, `— came the reply of the mayor`: a
    noun of speech (`nouns.txt`) soon after the dash, and the person or body after its "from"
    or "of"."""
    words = sentence.words
    end = min(len(words) - 2, dash.index + 1 + MAX_WORDS_BEFORE_SPEECH_NOUN)
    for word in words[dash.index + 1 : end]:
        if word.upos == "PUNCT":
            return None
        following = words[word.index + 1]
        if (
            word.upos == "NOUN"
            and word.lemma.lower() in lexicon.reporting_nouns
            and following.text.lower() in _SENDERS
        ):
            sender = next(
                (w for w in words[following.index + 1 :] if w.upos in ("PROPN", "NOUN")), None
            )
            if sender is None or not _may_send(sender, lexicon):
                return None  # `— the slogan of the strike —`: a thing's
            return phrase_head(sentence, sender)
    return None


def _may_send(word: Word, lexicon: Lexicon) -> bool:
    """A name, or a noun of a person, group or body: one who may send a message."""
    lemma = word.lemma.lower()
    return (
        word.upos == "PROPN"
        or lexicon.is_role_word(lemma)
        or word.text.lower() in lexicon.group_nouns
        or lexicon.is_organization_head(word.text, lemma)
    )


_ASIDE_DASHES = "\u2014\u2013\u2015-"


def name_before_aside(sentence: Sentence, dash: Word, layout: Layout) -> SpeakerHead | None:
    """`including the former premier Ivan Horak -- "This plan cannot work" -- and ...`: a
    quotation between two dashes right after a name is what that person said."""
    text = layout.doc.text
    quote = next(
        (
            q
            for q in layout.quotes
            if q.span.end <= dash.start and not text[q.span.end : dash.start].strip()
        ),
        None,
    )
    if quote is None:
        return None
    # Back from the opening mark, past spaces, the dash and spaces: where the name ends.
    dash_end = _back_past(text, quote.span.start, str.isspace)
    dash_start = _back_past(text, dash_end, lambda c: c in _ASIDE_DASHES)
    dashes = dash_end - dash_start
    if dashes not in (1, 2) or (dashes == 1) == (text[dash_end - 1] == "-"):
        return None  # one long dash or two hyphens, as the closing one
    name_end = _back_past(text, dash_start, str.isspace)
    name = next((w for w in sentence.words if w.end == name_end), None)
    if name is None or name.upos != "PROPN":
        return None
    return SpeakerHead(sentence, phrase_head(sentence, name), Rule.DASH_SIGNATURE)


def _back_past(text: str, position: int, skipped: Callable[[str], bool]) -> int:
    """The offset before `position` once the characters `skipped` accepts are passed over."""
    while position > 0 and skipped(text[position - 1]):
        position -= 1
    return position


_DESCRIPTION_LINKS = frozenset({"ADJ", "VERB"})


def description_tail(
    sentence: Sentence, words: list[Word], lexicon: Lexicon, *, cue: Word | None = None
) -> list[Word]:
    """An unnamed source described after its noun: `a person familiar with the plans`,
    `officials briefed on the talks`, `Republicans on the committee`. The description is part
    of who speaks, so the mention takes it in: an adjective or participle right after a common
    noun (or a group's label), with its prepositional phrase, up to punctuation or a verb; or
    the noun's own prepositional complement (not a time). Not the attribution's own `cue`,
    which the parser may hang on its source as a participle (`official data showed on
    Wednesday`)."""
    mention = words
    if len(words) > 1 and words[-1].upos == "ADJ" and words[-1].head == words[-2].index:
        # `Sources close to the talks`: the mention took the adjective after its noun (kept
        # when no description follows: `The embattled chief executive`, "executive" an
        # adjective).
        words = words[:-1]
    tail = _tail_after(sentence, words, lexicon, cue)
    return [*words, *tail] if tail else mention


def _tail_after(
    sentence: Sentence, words: list[Word], lexicon: Lexicon, cue: Word | None
) -> list[Word]:
    """The description after the mention's noun, if any (see `description_tail`)."""
    all_words = sentence.words
    head = words[-1]
    position = head.index + 1
    label = head.upos == "PROPN" and head.text.lower() in lexicon.group_nouns
    if (head.upos != "NOUN" and not label) or position + 1 >= len(all_words):
        return []
    complement = _complement_of(sentence, head, words, lexicon)
    if complement:
        return complement
    link, preposition = all_words[position], all_words[position + 1]
    if _participle_with_object(head, link, cue, lexicon.prepositional_participles):
        tail = [link, *_phrase_from(all_words, position + 1)]  # `a union representing nurses`
    elif _describing_link(head, link, preposition, cue):
        tail = [link, preposition, *_phrase_from(all_words, position + 2)]
    else:
        return []
    nominal = [w for w in tail if w.upos in _NOMINAL]
    if not nominal or all(w.text.lower() in lexicon.time_words for w in nominal):
        return []  # `A UN report published on Tuesday`: when, not which
    return tail


def _phrase_from(words: Sequence[Word], position: int) -> list[Word]:
    """The words from `position` up to punctuation, a verb or a conjunction."""
    phrase: list[Word] = []
    for word in words[position:]:
        if word.upos in ("PUNCT", "VERB", "AUX", "SCONJ", "CCONJ") or word.deprel == "mark":
            break
        phrase.append(word)
    return phrase


def _participle_with_object(
    head: Word, link: Word, cue: Word | None, prepositional: frozenset[str]
) -> bool:
    """A participle in -ing on the source's noun, with its object after it: `a union
    representing flight attendants`; not one that stands for a preposition (`prepositional`:
    `the government concerning naturalization`)."""
    return (
        link.upos == "VERB"
        and link.deprel == "acl"
        and link.head == head.index
        and link.text.lower().endswith("ing")
        and link.text.lower() not in prepositional
        and (cue is None or link.start != cue.start)
    )


def _describing_link(head: Word, link: Word, preposition: Word, cue: Word | None) -> bool:
    """An adjective or participle after the source's noun, then a preposition: the start of
    a description (`familiar with`, `briefed on`), not the noun's verb nor the cue."""
    if link.upos not in _DESCRIPTION_LINKS or preposition.upos != "ADP":
        return False
    if cue is not None and link.start == cue.start:
        return False  # `official data showed on Wednesday`: the cue, hung on its source
    if link.index == head.head and head.deprel.startswith("nsubj") and link.upos == "VERB":
        return False  # `the board confirmed on Tuesday`: the verb the noun is subject of
    # `Residents living along the quay say`: a participle, which the tagger may call a gerund.
    return link.upos != "VERB" or "VerbForm=Part" in link.feats or "VerbForm=Ger" in link.feats


# Prepositions that open a noun's complement: who a source is (`a reporter for the Times`), or
# what a post is over (`secretary of state`).
COMPLEMENT_PREPOSITIONS = frozenset({"for", "at", "on", "of", "in", "with", "from", "to"})


def _complement_of(
    sentence: Sentence, head: Word, words: list[Word], lexicon: Lexicon
) -> list[Word]:
    """`a reporter for the Harbour Times`, `officials at the agency`, `advisers to the mayor`,
    `a statement by the Harbour Trust`: an unnamed source's prepositional complement names who
    they are (not `officials on Friday`)."""
    if any(w.upos == "PROPN" for w in words[:-1]):
        return []
    preposition = sentence.words[head.index + 1]
    by_author = preposition.text.lower() == "by" and head.lemma.lower() in lexicon.artefacts
    if preposition.text.lower() not in COMPLEMENT_PREPOSITIONS and not by_author:
        return []  # (`a statement by the Harbour Trust`: a document's author names it)
    # `Developers and supporters in Congress`: the parser hangs a complement the conjuncts
    # share on the first of them.
    owners = [head]
    if head.deprel == "conj" and head.head >= 0 and sentence.words[head.head] in words:
        owners.append(sentence.words[head.head])
    phrase = next(
        (
            c
            for owner in owners
            for c in sentence.children(owner.index)
            if c.deprel == "nmod" and c.start > preposition.start
        ),
        None,
    )
    # `the mother of three`: a number of children, the one number a source is described by.
    counted = phrase is not None and phrase.upos == "NUM" and preposition.text.lower() == "of"
    if (
        phrase is None
        or (phrase.upos not in _NOMINAL and not counted)
        or phrase.upos == "PRON"
        or _time_word(sentence, phrase, lexicon)
    ):
        return []
    tail = [w for w in sentence.subtree(phrase.index) if w.start >= preposition.start]
    tail = _before_relative_clause(sentence, tail)
    if tail[:1] != [preposition] or any(
        w.upos in ("VERB", "AUX") or (w.upos == "PUNCT" and w.deprel != "case")  # `Officers'`
        for w in tail
    ):
        return []
    if by_author and any(w.upos == "CCONJ" for w in tail):
        return []  # `a study by Portmere University and the Harbour Institute`: two authors
    tail = _before_time(sentence, tail, lexicon)
    tail += _rest_of_name(sentence, tail, owners)
    return tail + _further_complements(sentence, tail, owners, lexicon)


def _before_relative_clause(sentence: Sentence, tail: list[Word]) -> list[Word]:
    """The complement without a relative clause set off on it: `a spokesperson for Natural
    Resources Wales, which manages the flood defences,` is a spokesperson for the body."""
    for word in tail:
        if word.deprel == "acl:relcl":
            cut = sentence.subtree(word.index)[0].start
            kept = [w for w in tail if w.start < cut]
            while kept and kept[-1].upos == "PUNCT":
                kept.pop()
            return kept
    return tail


def _before_time(sentence: Sentence, tail: list[Word], lexicon: Lexicon) -> list[Word]:
    """The complement without a time hung inside it: `in the harbour town of Portmere on
    Monday` is when they spoke, not who they are."""
    for word in tail[1:]:
        if word.deprel == "nmod" and _time_word(sentence, word, lexicon):
            cut = sentence.subtree(word.index)[0].start
            return [w for w in tail if w.start < cut]
    return tail


def _further_complements(
    sentence: Sentence, tail: list[Word], owners: list[Word], lexicon: Lexicon
) -> list[Word]:
    """`a group of parents with children in harbour schools`: the prepositional phrases that
    follow the first complement and hang inside the description, in order."""
    attached = {w.index for w in (*tail, *owners)}
    more: list[Word] = []
    while True:
        position = (more or tail)[-1].index + 1
        if position >= len(sentence.words):
            return more
        preposition = sentence.words[position]
        phrase = next(
            (
                c
                for c in sentence.words[position + 1 :]
                if c.deprel == "nmod" and c.head in attached and c.upos in ("NOUN", "PROPN")
            ),
            None,
        )
        if preposition.text.lower() not in COMPLEMENT_PREPOSITIONS or phrase is None:
            return more
        words = sentence.subtree(phrase.index)
        if (
            words[0] is not preposition
            or _time_word(sentence, phrase, lexicon)
            or any(w.upos in ("PUNCT", "VERB", "AUX") for w in words)
        ):
            return more
        more += words
        attached.update(w.index for w in words)


def _rest_of_name(sentence: Sentence, tail: list[Word], owners: list[Word]) -> list[Word]:
    """`a reporter for USA Today`, parsed with "Today" hung on "reporter": the capitalised
    words that go on the name closing the complement."""
    rest: list[Word] = []
    attached = {w.index for w in (*tail, *owners)}
    for word in sentence.words[tail[-1].index + 1 :]:
        if word.upos != "PROPN" or not word.text[:1].isupper() or word.head not in attached:
            break
        rest.append(word)
        attached.add(word.index)
    return rest if tail[-1].upos == "PROPN" else []


# What a number counting a group keeps of its phrase besides: `eight of 10 voters`.
_COUNTED = frozenset({"nmod"})
_POSSESSIVE_CASES = frozenset({"'s", "\u2019s", "'"})


def _in_mention(child: Word, of_head: bool, counted: bool) -> bool:
    """Whether a dependent belongs to the head phrase: name parts, titles, determiners, a
    possessive; for a number counting a group, its "of" phrase too (`in` for a share: `One in
    five`)."""
    if child.deprel == "punct" and child.text in BARE_APOSTROPHES:
        return True  # `The Teachers' Union`: a plural's possessive mark inside a name
    if child.deprel not in _MENTION_RELATIONS:
        return counted and of_head and child.deprel in _COUNTED
    if child.deprel == "case":
        return child.text.lower() in _POSSESSIVE_CASES or (
            counted and child.text.lower() in ("of", "in")
        )
    return True


def mention_words(sentence: Sentence, head: Word) -> list[Word]:
    """The head phrase of a source: the head with its name parts, titles and determiners.

    Only contiguous dependents are taken, so an apposition or relative clause never leaks in.
    """
    inside = {head.index}
    frontier = [head.index]
    counted = _counts_a_group(sentence, head)
    while frontier:
        current = frontier.pop()
        for child in sentence.children(current):
            if child.index not in inside and _in_mention(child, current == head.index, counted):
                inside.add(child.index)
                frontier.append(child.index)
    # keep the contiguous run around the head, over hyphens inside a description ("the
    # 34-year-old mother"; names keep their own reading of hyphens)
    words_of = sentence.words
    glue = head.upos != "PROPN"
    start = end = head.index
    # a word glued on by hyphens belongs, however the parser hung it ("the 27-year-old striker")
    while start - 1 in inside or (glue and glued_hyphen(words_of, start - 1)):
        start -= 2 if start - 1 not in inside else 1
    while end + 1 in inside or (glue and end + 2 in inside and glued_hyphen(words_of, end + 1)):
        end += 1
    if head.upos == "PROPN":
        end = _rest_of_name_on_its_head(sentence, head, end)
    return _trimmed(sentence, list(sentence.words[start : end + 1])) or [head]


def _trimmed(sentence: Sentence, words: list[Word]) -> list[Word]:
    """A mention's run of words without what the parse wrongly put at its ends."""
    while words and (words[-1].upos in ("PUNCT", "CCONJ") or words[-1].deprel == "case"):
        words.pop()
    # A dash the tagger took for a name ("― Rosa Vega") is no part of the mention.
    while words and (words[0].upos in ("PUNCT", "CCONJ") or not _has_letters(words[0])):
        words.pop(0)
    # `on Monday amid news reports that ...`, "amid" read as a noun: the mention starts after it.
    cut = [i for i, w in enumerate(words[:-1]) if w.text in _PREPOSITIONS_READ_AS_NOUNS]
    if cut:
        words = words[cut[-1] + 1 :]
    # `"...," recalled former colleague Nadine Forsythe`: the inverted cue the parser hung on
    # the noun after a closing mark is no word of the mention.
    if len(words) > 1 and words[0].upos == "VERB" and _right_after_closing_mark(sentence, words[0]):
        words.pop(0)
    return words


# Prepositions the tagger may read as nouns of a compound, in lower case: never a word of a
# source's name.
_PREPOSITIONS_READ_AS_NOUNS = frozenset(
    {"amid", "amidst", "despite", "among", "amongst", "via", "versus", "unlike", "towards"}
)


def _right_after_closing_mark(sentence: Sentence, word: Word) -> bool:
    before = sentence.words[word.index - 1] if word.index > 0 else None
    return before is not None and before.text in ('"', "\u201d", "''", "\u2019")


def _has_letters(word: Word) -> bool:
    return any(char.isalnum() for char in word.text)


def _rest_of_name_on_its_head(sentence: Sentence, head: Word, end: int) -> int:
    """`Secretary of State Ana Kovac said`, parsed with "Ana" and "Kovac" each hung on the
    title: the capitalised words right after the name that share its head go on the name; so
    do those the parser made conjuncts with nothing between (`Horton Blackwood` after a
    quotation, each a conjunct of a name inside it)."""
    words = sentence.words
    if any(c.deprel == "case" for c in sentence.children(head.index)):
        return end  # `of State` completes a title; the name after it is another phrase
    while (
        end + 1 < len(words)
        and words[end + 1].upos == "PROPN"
        and words[end + 1].text[:1].isupper()
        and words[end + 1].head == head.head
        and words[end + 1].deprel in ("nmod", "flat", "compound", "conj")
        and not any(c.deprel in ("case", "cc") for c in sentence.children(words[end + 1].index))
    ):
        end += 1
    return end


# Words that join the parts of an organisation's name: `Bureau of Prisons`, `Centers for
# Disease Control and Prevention`, `Bank of America`.
_NAME_CONNECTORS = ORGANIZATION_CONNECTORS | {"and", "&"}


def _in_organization_name(word: Word) -> bool:
    """A capitalised word of a name, the tagger's adjectives too (`Human Services`)."""
    return word.text[:1].isupper() and word.upos in ("PROPN", "ADJ", "NOUN")


def organization_name(sentence: Sentence, words: list[Word], lexicon: Lexicon) -> list[Word]:
    """A mention ending in an organisation's head word (`The Federal Bureau`) with the rest of
    its name after it: a connector and capitalised words (`of Prisons`, `of Coastal
    Safety`), however the parser hung them."""
    last = words[-1]
    if not last.text[:1].isupper() or not lexicon.is_organization_head(last.text, last.lemma):
        return words
    tail: list[Word] = []
    position = last.index + 1
    all_words = sentence.words
    while position + 1 < len(all_words) and (
        all_words[position].text.lower() in _NAME_CONNECTORS
        or opens_named_purpose(all_words, position)
    ):
        purpose = opens_named_purpose(all_words, position)
        run = position + 1
        while (
            run < len(all_words)
            and (_in_organization_name(all_words[run]) or purpose)
            and all_words[run].text[:1].isupper()
            and all_words[run].text.lower() not in lexicon.time_words  # `on Friday`
        ):
            run += 1
        if run == position + 1:
            break
        tail.extend(all_words[position:run])
        position = run
    if tail and position < len(all_words):
        following = all_words[position]
        if following.upos == "NOUN" and following.text[:1].islower():
            # `Ministry of Defence officials`: the name describes the noun that speaks.
            tail.append(following)
    return [*words, *tail]


# How many words a transcript's speaker label may have ("MR. TRUMP", "SEN. JOHN SMITH").
MAX_TRANSCRIPT_LABEL_WORDS = 4
# A word of a speaker label: capitals, with the stops, apostrophes and hyphens of names.
_LABEL_WORD = re.compile(r"[A-Z][A-Z.'\u2019-]+")


def transcript_speaker(
    quote_span: Span, layout: Layout, lexicon: Lexicon
) -> tuple[SpeakerHead, Span] | None:
    """`"WALLACE: If I may, sir, ...`, in a transcript: a quotation that opens with a name in
    capitals and a colon is a line of it; the name is its speaker, the words after the colon
    what they said."""
    words = [
        w
        for index in layout.sentences_overlapping(quote_span)[:2]  # "WALLACE:" may end one
        for w in layout.sentences[index].words
        if quote_span.start <= w.start < quote_span.end
    ]
    while words and words[0].upos == "PUNCT":
        words = words[1:]
    colon = next((i for i, w in enumerate(words) if w.text == ":"), None)
    if colon is None or not 0 < colon <= MAX_TRANSCRIPT_LABEL_WORDS:
        return None
    label = words[:colon]
    said = next((w for w in words[colon + 1 :] if w.upos != "PUNCT"), None)
    names = [w for w in label if not lexicon.is_honorific(w.text) and not lexicon.is_title(w.text)]
    if said is None or not names or not all(_LABEL_WORD.fullmatch(w.text) for w in label):
        return None
    head = names[-1]
    sentence = layout.sentences[layout.sentence_index_at(head.start)]
    return SpeakerHead(sentence, head, Rule.TRANSCRIPT), Span(said.start, quote_span.end)
