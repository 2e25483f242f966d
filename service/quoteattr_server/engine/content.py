"""engine.content: reported speech — the clause a cue attributes, without quotation marks.

`The governor said (that) the budget would pass`: the content is the cue's `ccomp` subtree.
`The budget will pass, the governor said`: the cue hangs on the host clause as `parataxis`, and
the content is the host clause without the cue's own subtree. `..., according to two officials`:
the content is the clause the `according to` phrase modifies. A cue inside another attribution's
content is nested: only the outermost attribution is kept (the PolNeAR convention). Content that
overlaps a quotation is left to the caller, which gives it to the quotation's attribution.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from quoteattr_server.engine.cues import DASHES, is_according, is_verb_cue, phrase_cue_end
from quoteattr_server.engine.hyphens import glued_hyphen
from quoteattr_server.engine.layout import Layout, span_of, trim_punct
from quoteattr_server.engine.lexicon import MISTAGGED_PREPOSITIONS, Lexicon
from quoteattr_server.engine.marks import QUOTE_MARK_WORDS
from quoteattr_server.engine.roles import ARTICLES, participle_on_noun
from quoteattr_server.engine.rules import Rule
from quoteattr_server.engine.speakers import (
    according_source,
    clause_opener_subject,
    is_agent,
    is_participle,
    is_source_noun,
    noun_before_complement,
    past_beside_modal,
    plain_speech_after_comma,
)
from quoteattr_server.engine.types import Sentence, Span, Word

MAX_COLON_SOURCE_WORDS = 5
MIN_CONTENT_WORDS = 3
MIN_PHRASE_WORDS = 2


@dataclass(frozen=True, slots=True)
class ReportedContent:
    sentence: Sentence
    cue: Word
    cue_end: Word  # last word of a multi-word cue ("according to"); the cue itself otherwise
    content: Span
    rule: Rule
    source: Word | None = None  # set when the construction names the source ("according to X")
    # The content's pieces when its own attribution stands inside it (`The decision, analysts
    # said, was expected`); empty when the content is one piece.
    pieces: tuple[Span, ...] = ()
    # Attributions whose cue stands inside this content (`criticized for not paying a builder
    # who said ...`): left out while this one stands, read in its place when it finds no source.
    nested: tuple[ReportedContent, ...] = ()


@dataclass(slots=True)
class WordSite:
    """One word outside quotes, and the constructions earlier rules found there."""

    sentence: Sentence
    word: Word
    layout: Layout
    lexicon: Lexicon
    present: set[Rule] = field(default_factory=set)  # rules whose construction is here

    def reported(self, span: Span | None, rule: Rule) -> list[ReportedContent]:
        """The content `span` read by `rule` at this word (nothing when `span` is None)."""
        if span is None:
            return []
        return [ReportedContent(self.sentence, self.word, self.word, span, rule)]


# A content rule reads one construction at a word: None when the construction is absent, else
# what it attributes (possibly nothing, when the content is too short to count).
ContentReader = Callable[[WordSite], list[ReportedContent] | None]


@dataclass(frozen=True, slots=True)
class ContentRule:
    rule: Rule
    read: ContentReader
    # Constructions that, found earlier at the same word, keep this rule from reading it.
    unless: frozenset[Rule] = frozenset()


def _content_span(words: list[Word]) -> Span | None:
    kept = trim_punct(words)
    if len([w for w in kept if w.upos != "PUNCT"]) < MIN_CONTENT_WORDS:
        return None
    return span_of(kept)


def _whole_short_clause(sentence: Sentence, words: list[Word]) -> Span | None:
    """`said profits fell.`: a two-word clause, a noun subject and its verb with nothing else of
    its own, that ends the sentence, is content however short."""
    kept = trim_punct(words)
    if len(kept) != 2:
        return None
    subject, verb = kept
    following = sentence.words[verb.index + 1] if verb.index + 1 < len(sentence.words) else None
    whole = (
        subject.upos in ("NOUN", "PROPN")
        and subject.deprel.startswith("nsubj")
        and subject.head == verb.index
        and verb.upos == "VERB"
        and verb.lemma.lower() not in ("have", "be", "do")
        and all(c.upos == "PUNCT" or c is subject for c in sentence.children(verb.index))
    )
    ends = following is None or following.text in (".", "!", "?")
    return span_of(kept) if whole and ends else None


def _contiguous(words: list[Word], sentence: Sentence) -> list[Word]:
    """The longest run of consecutive sentence positions in `words` (drops a cut-out cue)."""
    if not words:
        return []
    indices = sorted(w.index for w in words)
    runs: list[list[int]] = [[indices[0]]]
    for index in indices[1:]:
        if index == runs[-1][-1] + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    longest = max(runs, key=len)
    return [sentence.words[i] for i in longest]


def _host_without(sentence: Sentence, host: Word, cut_at: Word) -> Span | None:
    """The clause of `host` without the subtree of `cut_at` (a source phrase or a cue)."""
    words = _without(sentence, sentence.subtree(host.index), cut_at)
    return _content_span(_contiguous(words, sentence))


def _without(sentence: Sentence, words: list[Word], phrase: Word) -> list[Word]:
    """`words` without the subtree of `phrase`."""
    cut = {w.index for w in sentence.subtree(phrase.index)}
    return [w for w in words if w.index not in cut]


def in_a_poll(site: WordSite) -> list[ReportedContent] | None:
    """`In a new survey, 71 percent of voters approved`: the poll, report or study the clause
    is found in is its source, as with "according to"; not when a verb of its own reports the
    clause ("In a statement, Kovac said ..."). First: the word is a noun, no other rule's."""
    sentence, word, lexicon = site.sentence, site.word, site.lexicon
    if word.deprel != "obl" or word.lemma.lower() not in lexicon.findings or word.head < 0:
        return None
    if word.start > sentence.words[word.head].start:
        return None  # fronted only: "hurting her in the polls" is not a finding of the polls
    case = [c for c in sentence.children(word.index) if c.deprel == "case"]
    if not case or case[0].text.lower() != "in":
        return None
    host = sentence.words[word.head]
    if is_verb_cue(host, lexicon) or host.upos not in ("VERB", "AUX", "ADJ", "NOUN"):
        return None
    span = _host_without(sentence, host, word)
    if span is None:
        return None  # too short to count: the word is left to the other rules
    return [ReportedContent(sentence, case[0], case[0], span, Rule.IN_A_POLL, word)]


def according_to(site: WordSite) -> list[ReportedContent] | None:
    """`The plan will fail, according to two officials`: the clause the phrase modifies, with
    the phrase's noun as source. Before the verb rules: "according" is tagged a verb."""
    sentence, word = site.sentence, site.word
    to = is_according(sentence, word)
    if to is None:
        return None
    source = according_source(sentence, word)
    if source is None or source.lemma.lower() in site.lexicon.not_sources or word.head < 0:
        return []
    phrase = sentence.words[word.head]  # the adjective of `a person familiar with ...`, or X
    if phrase.head < 0 or _channel_of_speech(site, word, source):
        return []
    pieces = _around_set_off_according(sentence, word, phrase)
    if pieces:
        whole = Span(pieces[0].start, pieces[-1].end)
        return [ReportedContent(sentence, word, to, whole, Rule.ACCORDING_TO, source, pieces)]
    span = _trailing_according(sentence, word, phrase) or _host_without(
        sentence, sentence.words[phrase.head], phrase
    )
    if span is None:
        return []
    return [ReportedContent(sentence, word, to, span, Rule.ACCORDING_TO, source)]


def _around_set_off_according(
    sentence: Sentence, according: Word, phrase: Word
) -> tuple[Span, ...]:
    """`The plan, according to a copy obtained by the Post, would cut 2,000 jobs`: a phrase set
    off by commas inside the sentence's subject attributes the sentence around it, in two
    pieces."""
    words = sentence.words
    host = words[phrase.head]
    subject = host.deprel.startswith("nsubj")
    if host.upos != "NOUN" or not subject or according.index < 2:
        return ()
    if words[according.index - 1].text != ",":
        return ()
    phrase_end = max(w.index for w in sentence.subtree(phrase.index))
    closing = phrase_end + 1
    if closing + 2 >= len(words) or words[closing].text != ",":
        return ()
    before = trim_punct(list(words[: according.index - 1]))
    after = trim_punct(list(words[closing + 1 :]))
    finite = any(w.upos in ("VERB", "AUX") and "VerbForm=Fin" in w.feats for w in after)
    if not before or len(before) + len(after) < MIN_CONTENT_WORDS or not finite:
        return ()
    return (span_of(before), span_of(after))


# Cue groups of speech itself (`cues.txt`), whose words "according to" may say the channel of.
_SPEECH_GROUPS = frozenset({"neutral", "assertive", "emphatic", "concessive"})


def _channel_of_speech(site: WordSite, according: Word, source: Word) -> bool:
    """`The Pentagon said it would review the contract, according to a statement.`: after a
    sentence whose own cue has a subject, "according to" a vehicle of speech names the channel
    of that speech, not another source of it (`according to exit polls` is one)."""
    sentence = site.sentence
    root = next((w for w in sentence.words if w.deprel == "root"), None)
    return (
        root is not None
        and source.lemma.lower() in site.lexicon.reporting_nouns
        and root.index < according.index
        and is_verb_cue(root, site.lexicon)
        and site.lexicon.cue_group(root.lemma) in _SPEECH_GROUPS
        and any(c.deprel.startswith("nsubj") for c in sentence.children(root.index))
        and according.index > 0
        and sentence.words[according.index - 1].text == ","
    )


def _trailing_according(sentence: Sentence, according: Word, phrase: Word) -> Span | None:
    """`More than 5,000 fishermen joined the blockade at 40 harbours, according to the
    organizers.`: a phrase that ends the sentence after a comma (or a dash: `... — or flat
    wrong — according to the journal`) attributes all before it, wherever the parser hung it."""
    words = sentence.words
    phrase_end = max(w.index for w in sentence.subtree(phrase.index))
    if any(w.upos != "PUNCT" for w in words[phrase_end + 1 :]) and not _source_runs_to_end(
        words, according
    ):
        return None
    if according.index >= 2 and words[according.index - 1].text in DASHES:
        return _content_span(list(words[: according.index - 1]))
    return _before_its_comma(sentence, according)


def _source_runs_to_end(words: Sequence[Word], according: Word) -> bool:
    """`..., according to a person familiar with the matter, who spoke on condition of
    anonymity.`: what follows "according to" is its source with its description, up to a
    relative clause on it: no finite verb before a relative pronoun."""
    for word in words[according.index + 1 :]:
        if word.text.lower() in _RELATIVE_OPENERS and word.upos == "PRON":
            return True
        if word.upos in ("VERB", "AUX") and "VerbForm=Fin" in word.feats:
            return False
    return True


_RELATIVE_OPENERS = frozenset({"who", "which", "whose"})


def clause_of_other_verb(site: WordSite) -> list[ReportedContent] | None:
    """`The senator conceded the bill is dead` with a verb outside the lexicon: a verb whose
    subject names a source and whose complement is a full clause still attributes it. Only for
    verbs that are not cues, which the rules after it read."""
    sentence, word, lexicon = site.sentence, site.word, site.lexicon
    if is_verb_cue(word, lexicon):
        return None
    if word.upos != "VERB" or not _has_source_subject(sentence, word, lexicon):
        return []
    following = sentence.words[word.index + 1] if word.index + 1 < len(sentence.words) else None
    if following is not None and following.upos == "PROPN" and lexicon.is_role_word(word.text):
        return []  # `Celtics guard Jrue Holiday shouted ...`: a title the tagger took for a verb
    found: list[ReportedContent] = []
    for child in sentence.children(word.index):
        if (
            child.deprel == "ccomp"
            and child.start > word.start
            and _is_clause(sentence, child, lexicon)
            and not _subjectless_cue(sentence, child, lexicon)
        ):
            found += site.reported(
                _content_span(sentence.subtree(child.index)), Rule.REPORTED_OTHER_VERB
            )
    return found


def _subjectless_cue(sentence: Sentence, clause: Word, lexicon: Lexicon) -> bool:
    """`One of the teachers who signed the letter called ...`, with "called" parsed as the
    complement of "signed": a cue without a subject is the sentence's own verb, no content."""
    return is_verb_cue(clause, lexicon) and not any(
        c.deprel.startswith("nsubj") for c in sentence.children(clause.index)
    )


def _participle_after_comma(sentence: Sentence, cue: Word, clause: Word) -> bool:
    """`told reporters, speaking through an interpreter`, `said, asking not to be named`: an
    -ing participle with no subject of its own after a comma tells how the speaker spoke;
    the parser's complement reading of it is no content. (`adding that ...` is a cue itself,
    read on its own.)"""
    return (
        clause.start > cue.start
        and clause.index > 0
        and sentence.words[clause.index - 1].text == ","
        and "VerbForm=Part" in clause.feats
        # The tagger leaves the tense off some: `told reporters, citing easing inflation`.
        and ("Tense=Pres" in clause.feats or clause.text.lower().endswith("ing"))
        and not any(c.deprel.startswith("nsubj") for c in sentence.children(clause.index))
    )


def _complement_clauses(site: WordSite) -> list[Word]:
    sentence, word = site.sentence, site.word
    clauses = [
        c
        for c in sentence.children(word.index)
        if (c.deprel == "ccomp" or _that_clause_as_adverbial(sentence, word, c))
        and (
            _is_clause(sentence, c, site.lexicon)
            or (c.start > word.start and _holds_a_verb(sentence, c, site.lexicon))
            or bool(_correlative_clause(site, c))
        )
    ]
    if any(c.start > word.start for c in clauses):
        # A cue with clauses on both sides ("In a statement released Monday, X said she ...")
        # reports the one after it; the one before is a misattached adverbial.
        clauses = [c for c in clauses if c.start > word.start]
    # `..., a source close to the inquiry said.`: a "clause" between the last comma and the cue
    # is its source, misread (`close` with `source` as its subject).
    comma = max((w.index for w in sentence.words[: word.index] if w.text == ","), default=-1)
    clauses = [
        c
        for c in clauses
        if not (
            c.start < word.start and trim_punct(sentence.subtree(c.index))[0].index > comma >= 0
        )
        and not _participle_after_comma(sentence, word, c)
    ]
    return (
        clauses
        or _clauses_on_obliques(sentence, word, site.lexicon)
        or _clause_on_addressee(sentence, word, site.lexicon)
    )


def _that_clause_as_adverbial(sentence: Sentence, cue: Word, clause: Word) -> bool:
    """`wrote in the journal Nature Medicine that the drug cut admissions`, parsed as an
    adverbial clause: one opened by "that" alone, with a subject, after the cue is its
    complement; so is a conjunct of the cue opened by "that" (`reported, citing people
    familiar with the matter, that the company was exploring a sale`)."""
    if clause.deprel not in ("advcl", "conj") or clause.start < cue.start:
        return False
    marks = [c for c in sentence.children(clause.index) if c.deprel == "mark"]
    return (
        len(marks) == 1
        and marks[0].text.lower() == "that"
        and any(c.deprel.startswith("nsubj") for c in sentence.children(clause.index))
    )


def _clause_on_addressee(sentence: Sentence, cue: Word, lexicon: Lexicon) -> list[Word]:
    """`Joan Pike told the BBC she had raised concerns`, `informed the media that 12 people
    had been detained`: the parser hangs the clause on the one told, as a relative clause. A
    clause with a subject of its own right after the addressee of a cue that takes one, not
    opened by a relative pronoun, is what was told."""
    if cue.lemma.lower() not in lexicon.recipient_cues:
        return []
    for addressee in sentence.children(cue.index):
        if (
            addressee.deprel not in ("obj", "iobj")
            or addressee.start < cue.start
            or addressee.upos not in ("NOUN", "PROPN")  # `tell the auditors anything they know`
        ):
            continue
        after = sentence.subtree(addressee.index)
        for clause in sentence.children(addressee.index):
            words = sentence.subtree(clause.index)
            opener = words[0].text.lower()
            if (
                clause.deprel.startswith("acl")
                and clause.upos in ("VERB", "AUX")
                and words[0].index == max(w.index for w in after if w not in words) + 1
                and (opener == "that" or opener not in lexicon.pronouns.relative_openers)
                and any(
                    c.deprel.startswith("nsubj") and c.text.lower() != "that"
                    for c in sentence.children(clause.index)
                )
            ):
                return [clause]
    return []


def _clauses_on_obliques(sentence: Sentence, cue: Word, lexicon: Lexicon) -> list[Word]:
    """`announced in a letter last week that she had struck a deal`: the parser hangs
    the complement on the oblique noun before it as a relative clause. A clause opened by the
    conjunction "that" with a subject of its own completes no noun: it is the cue's; so is one
    whose "that" the parser took for a relative pronoun after a noun of speech (`said in a
    statement that growth would recover`)."""
    found = []
    for oblique in sentence.children(cue.index):
        # `told the nation in a televised address that ...`: also a phrase on the addressee.
        if oblique.deprel.split(":")[0] not in ("obl", "obj", "iobj") or oblique.start < cue.start:
            continue
        speech = oblique.lemma.lower() in lexicon.reporting_nouns
        # `confirmed in a statement on its website that ...`, `said in a filing with the
        # Securities and Exchange Commission that ...`: also on a noun deeper in the phrase.
        nouns = [
            w
            for w in sentence.subtree(oblique.index)
            if w.upos in ("NOUN", "PROPN")
            and (oblique.deprel.startswith("obl") or _in_venue(sentence, w))
        ]  # on an object, only a venue's clause: not `offered no proof that ...`
        for clause in (c for noun in nouns for c in sentence.children(noun.index)):
            children = sentence.children(clause.index)
            opener = next((c for c in children if c.text.lower() == "that"), None)
            if (
                clause.deprel.startswith("acl")
                and opener is not None
                and (opener.deprel == "mark" or (speech and opener.deprel == "obj"))
                and any(c.deprel.startswith("nsubj") for c in children)
            ):
                found.append(clause)
    return found


# Words that negate a cue, and those that open an indirect question.
_NEGATIONS = frozenset({"not", "n't", "never"})
_QUESTION_OPENERS = frozenset(
    {"how", "what", "when", "where", "why", "which", "who", "whom", "whose", "whether", "if"}
)


def _withheld(sentence: Sentence, cue: Word) -> bool:
    """The cue is negated or still to come: `did not say`, `would not say`, `has yet to say`."""
    children = sentence.children(cue.index)
    return any(c.deprel == "advmod" and c.text.lower() in _NEGATIONS for c in children) or (
        any(c.text.lower() == "yet" for c in children)
        and any(c.deprel == "mark" and c.text.lower() == "to" for c in children)
    )


def _opens_question(sentence: Sentence, clause: Word) -> bool:
    """The clause is an indirect question: `how much the drug will cost`, `whether anyone had
    been fired`."""
    first = next((w for w in sentence.subtree(clause.index) if w.upos != "PUNCT"), clause)
    return first.text.lower() in _QUESTION_OPENERS


def _in_venue(sentence: Sentence, noun: Word) -> bool:
    """`in a televised address`, `in New Delhi`: a noun of a phrase saying where or how the
    cue was spoken."""
    return any(
        c.deprel == "case" and c.text.lower() in ("in", "at", "on", "during")
        for c in sentence.children(noun.index)
    )


def complement_clause(site: WordSite) -> list[ReportedContent] | None:
    """`The governor said (that) the budget would pass`: the cue's `ccomp` clause. The parse's
    own reading of reported speech, so the first rule at a cue."""
    if not is_verb_cue(site.word, site.lexicon):
        return None
    clauses = _complement_clauses(site)
    if _after_closing_mark(site):
        # `"...," said Maria, a student who asked ...`: after an inverted cue stands its
        # speaker, not what was said.
        clauses = [c for c in clauses if c.start < site.word.start]
    if _withheld(site.sentence, site.word):
        # `The hospital did not say when the ward would reopen`: a question left open.
        clauses = [c for c in clauses if not _opens_question(site.sentence, c)]
    # `"...," the judge said as he sentenced Carter`: a clause of when or why it was said,
    # which the parser made the cue's complement, is no content.
    clauses = [c for c in clauses if not _opens_with_circumstance_mark(site.sentence, c)]
    if not clauses:
        return None
    sentence, word = site.sentence, site.word
    # `X said the country would pay, and Finance Minister Y added that ...`, parsed with
    # "added" as a second complement of "said": that cue reports on its own, from its name.
    others = [c for c in clauses if c.start > word.start and _another_statement(site, c, clauses)]
    cut = min((_statement_start(sentence, c) for c in others), default=None)
    cue_end = phrase_cue_end(sentence, word, site.lexicon) or word  # `pointed out that`
    found: list[ReportedContent] = []
    joined = {id(c): _extraposed_after(sentence, c, clauses) for c in clauses}
    for child in (c for c in clauses if c not in others):
        if any(later is child for later in joined.values()):
            continue  # read with the clause it completes
        words = _clause_words(site, child, joined[id(child)])
        words += _predicate_piece_after(sentence, word, words)
        words = _after_listener(sentence, word, child, words, site.lexicon)
        words = _with_stray_lead(sentence, word, words, site.lexicon)
        # `The minister and her deputy both said ...`, with "both" hung on the clause's subject:
        # the subject's word before the cue, none of what was said.
        words = [w for w in words if not (w.index < word.index and w.deprel == "cc:preconj")]
        if cut is not None:
            words = _before_conjunction([w for w in words if w.start < cut])
        subject = _fronted_subject(sentence, word, child) or _object_as_subject(site, child)
        if subject is not None:
            words = sentence.subtree(subject.index) + words
        kept = _with_comparative(sentence, _after_bare_time(site, _before_aside(words)))
        span = _content_span(kept) or _whole_short_clause(sentence, kept)
        if span is not None:
            pieces = _pieces_around(kept, word)
            found.append(
                ReportedContent(sentence, word, cue_end, span, Rule.REPORTED_CLAUSE, pieces=pieces)
            )
    return _found_or_none(found, clauses, word)


def _opens_with_circumstance_mark(sentence: Sentence, clause: Word) -> bool:
    """The clause opens with a subordinator of time or cause of its own (`as he sentenced
    Carter`), not "that" (`said that because ... it does not mean ...`)."""
    first = next((w for w in sentence.subtree(clause.index) if w.upos != "PUNCT"), None)
    return (
        first is not None
        and first.text.lower() in _CIRCUMSTANCE_MARKS
        and _opens_clause(sentence, first, clause)
        # `argued before that the tax code is unfair`: "before" is when, "that" opens what
        and not any(
            c.deprel == "mark" and c.text.lower() in ("that", "whether", "if")
            for c in sentence.children(clause.index)
        )
    )


def _opens_clause(sentence: Sentence, first: Word, clause: Word) -> bool:
    """`first` is the clause's subordinator: its mark, or as the parser may read one, its
    adverb (`said when he resigned`) or the preposition of its subject (`said after the
    meeting broke up`)."""
    if first.head == clause.index:
        return first.deprel in ("mark", "advmod")
    subject = sentence.words[first.head] if first.head >= 0 else None
    return (
        first.deprel == "case"
        and subject is not None
        and subject.head == clause.index
        and subject.base_deprel == "nsubj"
    )


def _predicate_piece_after(sentence: Sentence, cue: Word, words: list[Word]) -> list[Word]:
    """`said the deal was off`, parsed with "was" and "off" as two complements of the cue: a
    particle, adverb or adjective complement right after the clause, with no subject or opener
    of its own, ends the clause (the words of it, or none)."""
    kept = [w for w in words if w.upos != "PUNCT"]
    if not kept:
        return []
    following = kept[-1].index + 1
    if following >= len(sentence.words):
        return []
    piece = sentence.words[following]
    if (
        piece.head != cue.index
        or piece.deprel != "ccomp"
        or piece.upos not in ("ADP", "ADV", "ADJ")
        or any(
            c.deprel.startswith("nsubj") or c.deprel == "mark"
            for c in sentence.children(piece.index)
        )
    ):
        return []
    return sentence.subtree(piece.index)


def _found_or_none(
    found: list[ReportedContent], clauses: list[Word], cue: Word
) -> list[ReportedContent] | None:
    """When no clause before the cue kept any words, None: the rules after this one may read
    the cue another way (`..., died on Tuesday, his publicist, Jane Doyle, said`: a trailing
    cue, whose source the parser hung inside the clause)."""
    if not found and all(c.start < cue.start for c in clauses):
        return None
    return found


def _with_stray_lead(
    sentence: Sentence, cue: Word, words: list[Word], lexicon: Lexicon
) -> list[Word]:
    """`said waiting lists were falling`, with "waiting" parsed as a complement of its own
    (a lone word): the clause starts at it."""
    if not words:
        return words
    before = sentence.words[words[0].index - 1] if words[0].index > 0 else None
    if (
        before is not None
        and before.head == cue.index
        and before.index > cue.index
        and before.deprel == "ccomp"
        and not sentence.children(before.index)
        and not lexicon.is_cue(before.lemma)  # `adding he would ...`: a cue of its own
    ):
        return [before, *words]
    return words


def _after_listener(
    sentence: Sentence, cue: Word, clause: Word, words: list[Word], lexicon: Lexicon
) -> list[Word]:
    """The words of a clause after its cue that the parser gave it from before: after the person
    told (`told the BBC the strike would go ahead`, the first "the" hung on "strike"), or after
    a cue with no subject, whose speaker the parser made the clause's."""
    listeners = [
        c.index
        for c in sentence.children(cue.index)
        if cue.index < c.index < clause.index
        and (
            c.deprel == "iobj"
            or (c.deprel == "obj" and cue.lemma.lower() in lexicon.recipient_cues)
        )
    ]
    if listeners:
        return [w for w in words if w.index > max(listeners)]
    if clause.index > cue.index and not any(
        c.deprel.startswith("nsubj") for c in sentence.children(cue.index)
    ):
        # `Omar Reyes, chief operating officer of Kestrel Air, said fares would rise`, parsed
        # with the name as the clause's subject: the cue has none, so the name is its speaker.
        return [w for w in words if w.index > cue.index]
    return words


# Words that may open a clause's subject: `said Sunday he would ...`, `said Monday the agency`.
_SUBJECT_OPENERS = frozenset({"PRON", "DET", "NOUN", "PROPN", "NUM", "ADJ"})
# How many words may stand between a cue and the bare time after it: `told reporters Wednesday`.
MAX_WORDS_BEFORE_BARE_TIME = 3


def _after_bare_time(site: WordSite, words: list[Word]) -> list[Word]:
    """`said Sunday he would not resign`, `told reporters Wednesday that the state would sue`:
    a day right after the cue (after its addressee), with no preposition as wire copy writes
    it, that the parser took into the clause is when it was said, not what."""
    sentence, lexicon = site.sentence, site.lexicon
    if not words or words[0].index != site.word.index + 1:
        return words
    lowered = [w.text.lower() for w in words[: MAX_WORDS_BEFORE_BARE_TIME + 2]]
    times = [i for i, form in enumerate(lowered) if form in lexicon.time_words]
    if not times or words[times[0]].upos not in ("PROPN", "NOUN"):
        return words
    before = words[: times[0]]
    last = times[0]
    while last + 1 < len(words) and words[last + 1].text.lower() in lexicon.time_words:
        last += 1  # `Tuesday night`
    rest = words[last + 1 :]
    opened = bool(rest) and rest[0].text.lower() == "that"
    if before and not (opened and site.word.lemma.lower() in lexicon.recipient_cues):
        return words  # an addressee only before a time and "that" (the tagger may call it a verb)
    if opened:
        rest = rest[1:]
    if not rest or rest[0].upos not in _SUBJECT_OPENERS or "'" in rest[0].text:
        return words  # `said Friday marked the end`, `said Monday's vote was rigged`
    subject = next((w for w in rest if w.deprel.startswith("nsubj")), None)
    return rest if subject is not None and sentence.words[subject.head] in rest else words


_COMPARATIVES = frozenset({"more", "less", "fewer"})


def _with_comparative(sentence: Sentence, words: list[Word]) -> list[Word]:
    """`said more than 500 hectares had burned`, with "more" taken for the cue's object: the
    comparative belongs to the clause that opens with its "than"."""
    if not words or words[0].text.lower() != "than" or words[0].index == 0:
        return words
    before = sentence.words[words[0].index - 1]
    return [before, *words] if before.text.lower() in _COMPARATIVES else words


def as_phrase_before_cue(site: WordSite) -> list[ReportedContent] | None:
    """`The new ferry, as Ms. Lind told reporters, will run daily`, when the parser reads "as
    Ms. Lind" as a phrase (on the subject or the cue) and the clause as the cue's complement or
    conjunct: the "as X said" construction all the same, with the phrase as the source and the
    subject and the clause after the cue as the content, in two pieces."""
    sentence, word, lexicon = site.sentence, site.word, site.lexicon
    if not is_verb_cue(word, lexicon):
        return None
    clause = next(
        (
            c
            for c in sentence.children(word.index)
            if c.deprel in ("ccomp", "conj", "parataxis") and c.start > word.start
        ),
        None,
    )
    source = _as_source_on_subject(sentence, word, clause) if clause is not None else None
    if clause is None or source is None:
        return None
    words = _subject_without(sentence, word, source) + _without(
        sentence, sentence.subtree(clause.index), source
    )
    kept = trim_punct(words)
    span = _content_span(kept)
    if span is None:
        return None
    cue_end = phrase_cue_end(sentence, word, lexicon) or word
    pieces = _pieces_around(kept, word)
    return [ReportedContent(sentence, word, cue_end, span, Rule.AS_X_SAID, source, pieces)]


def _as_source_on_subject(sentence: Sentence, cue: Word, clause: Word) -> Word | None:
    """`The new ferry, as Ms. Lind told reporters, will run daily`, parsed with "as Ms. Lind"
    as a phrase on the subject (of the cue or of the clause after it) or on the cue (also
    opening the sentence: `As one blogger, @tidewatch, pointed out, the pier is sinking`):
    that phrase, right before the cue, is the source; the subject opens the reported clause."""
    if clause.start < cue.start:
        return None
    subjects = [
        c
        for head in (cue, clause)
        for c in sentence.children(head.index)
        if c.deprel.startswith("nsubj") and c.start < cue.start
    ]
    if len(subjects) > 1:
        return None
    owners = [*subjects, cue]
    for phrase in (p for owner in owners for p in sentence.children(owner.index)):
        words = trim_punct(sentence.subtree(phrase.index))
        if (
            words
            and phrase.deprel in ("nmod", "acl", "appos", "obl")
            and words[0].text.lower() == "as"
            and all(w.upos == "PUNCT" for w in sentence.words[words[-1].index + 1 : cue.index])
            and (words[0].index == 0 or sentence.words[words[0].index - 1].text == ",")
        ):
            return phrase
    return None


def _subject_without(sentence: Sentence, cue: Word, source: Word) -> list[Word]:
    """The cue's own subject without the "as" phrase of its source; nothing when the subject
    belongs to the reported clause (it is among the clause's words then)."""
    subject = next((c for c in sentence.children(cue.index) if c.deprel.startswith("nsubj")), None)
    if subject is None:
        return []
    return _without(sentence, sentence.subtree(subject.index), source)


def _clause_words(site: WordSite, clause: Word, later: Word | None) -> list[Word]:
    """A complement's words without attributions of their own, with the clause that completes
    it (`It is unlikely` + `that ...`) and the other half of a correlative (`neither ...`)."""
    words = _without_own_attributions(site, clause)
    words = _after_set_off_adverb(site.sentence, clause, words)
    if later is not None:
        words = words + _without_own_attributions(site, later)
    correlative = _correlative_clause(site, clause)
    if correlative:
        words = sorted({w.index: w for w in words + correlative}.values(), key=lambda w: w.index)
    return words


def _after_set_off_adverb(sentence: Sentence, clause: Word, words: list[Word]) -> list[Word]:
    """`warned, however, that prices would stay high`: an adverb set off by commas before the
    clause's "that" is the cue's aside, no part of what was said."""
    mark = next(
        (c for c in sentence.children(clause.index) if c.deprel == "mark" and c.lemma == "that"),
        None,
    )
    if mark is None:
        return words
    before = [w for w in words if w.index < mark.index]
    if (
        before
        and all(w.upos in ("ADV", "PUNCT") for w in before)
        and any(w.text == "," for w in before)
    ):
        return [w for w in words if w.index >= mark.index]
    return words


def _extraposed_after(sentence: Sentence, clause: Word, clauses: list[Word]) -> Word | None:
    """`It is "highly unlikely" that the mission will launch, officials said`, parsed as two
    complements: the "that" clause right after the first completes it (one content, or the
    content says the opposite of what was said)."""
    end = max(w.index for w in sentence.subtree(clause.index) if w.upos != "PUNCT")
    for other in clauses:
        words = [w for w in sentence.subtree(other.index) if w.upos != "PUNCT"]
        if (
            other is not clause
            and words
            and words[0].index > end
            and all(w.upos == "PUNCT" for w in sentence.words[end + 1 : words[0].index])
            and words[0].text.lower() == "that"
            and words[0].deprel == "mark"
        ):
            return other
    return None


def _pieces_around(words: list[Word], cue: Word) -> tuple[Span, ...]:
    """`The central bank's decision, analysts said, was widely expected`: the content's words
    on either side of its own attribution, as pieces; none when the cue is outside them."""
    if not words or not words[0].index < cue.index < words[-1].index:
        return ()
    before = trim_punct([w for w in words if w.index < cue.index])
    after = trim_punct([w for w in words if w.index > cue.index])
    if not before or not after:
        return ()
    return (span_of(before), span_of(after))


def _name_run_start(sentence: Sentence, cue: Word) -> int:
    """Where the name right before a cue begins (`..., and Finance Minister Y added`)."""
    position = cue.index
    while position > 0 and sentence.words[position - 1].upos == "PROPN":
        position -= 1
    return sentence.words[position].start


def _another_statement(site: WordSite, clause: Word, clauses: list[Word]) -> bool:
    """A complement after the cue that is an attribution of its own: a cue with its own
    clause (after the first complement, or a participle), or a statement joined by a
    conjunction."""
    sentence, lexicon = site.sentence, site.lexicon
    if _reports_clause(clause, sentence, lexicon):
        return clause is not clauses[0] or is_participle(clause)
    return clause is not clauses[0] and _joined_statement(sentence, clause, lexicon)


def _statement_start(sentence: Sentence, cue: Word) -> int:
    """Where another statement joined to the content begins: its subject's first word (`...,
    but opposition leader Raila Okoth rejected ...`), or the name right before its cue."""
    subject = _subject_before(sentence, cue)
    start = _name_run_start(sentence, cue)
    if subject is None:
        return start
    words = [w for w in sentence.subtree(subject.index) if w.upos not in ("CCONJ", "PUNCT")]
    return min(start, words[0].start) if words else start


def _subject_before(sentence: Sentence, cue: Word) -> Word | None:
    return next(
        (
            c
            for c in sentence.children(cue.index)
            if c.deprel in ("nsubj", "nsubj:pass") and c.index < cue.index
        ),
        None,
    )


def _joined_statement(sentence: Sentence, clause: Word, lexicon: Lexicon) -> bool:
    """A second complement of the cue that is a statement of its own, joined by a conjunction
    before its subject: `X said the vote was fair, but opposition leader Y rejected the
    results` (the parser hung "rejected" on "said")."""
    if not is_verb_cue(clause, lexicon):
        return False
    subject = _subject_before(sentence, clause)
    if subject is None or subject.upos == "PRON":
        return False
    words = sentence.subtree(subject.index)
    first = words[0].index
    while sentence.words[first].upos in ("CCONJ", "PUNCT") and first < subject.index:
        first += 1  # the conjunction may hang on the subject
    return any(w.upos == "CCONJ" for w in sentence.words[max(first - 2, 0) : first])


def _before_conjunction(words: list[Word]) -> list[Word]:
    """The words without the comma and conjunction that ended them (`..., and`)."""
    while words and (words[-1].upos in ("CCONJ", "PUNCT")):
        words = words[:-1]
    return words


def _without_own_attributions(site: WordSite, clause: Word) -> list[Word]:
    """The clause up to a clause joined to it that attributes on its own: `said the politics
    would be intense - and he noted that ...`, `said he was wrong, arguing that ...`. Those
    are attributions of their own, not part of this content."""
    sentence, lexicon = site.sentence, site.lexicon
    cut = [
        c
        for c in sentence.children(clause.index)
        if c.deprel in ("conj", "advcl", "parataxis")
        and c.start > clause.start
        and c.upos == "VERB"
        and (
            _attributes_on_its_own(sentence, c, lexicon)
            or _trailing_participle(sentence, c)
            or _coordinated_with_the_cue(sentence, clause, c, lexicon)
        )
    ]
    # `said he was owed money for the pier he built, saying, "..."`, with the participle hung on
    # a noun deep in the clause (or on a verb deep in it: `said the mayor will have to choose
    # a side, saying, "..."`): a cue of its own, set off by a comma.
    cut += [
        w
        for w in sentence.subtree(clause.index)
        if is_verb_cue(w, lexicon)
        and _trailing_participle(sentence, w)
        and (w.deprel == "acl" or (w.deprel == "advcl" and _introduces_quotation(sentence, w)))
    ]
    if not cut:
        return sentence.subtree(clause.index)
    first = min(w.index for c in cut for w in sentence.subtree(c.index))
    return [w for w in sentence.subtree(clause.index) if w.index < first]


def _introduces_quotation(sentence: Sentence, cue: Word) -> bool:
    """The cue's words are a quotation opening right after it (`saying, "..."`; not a
    quoted phrase inside them: `calling it an "area of contention"`)."""
    after = [w.text for w in sentence.words[cue.index + 1 : cue.index + 3]]
    if after[:1] in ([","], [":"]):
        after = after[1:]
    return bool(after) and after[0] in QUOTE_MARK_WORDS


def _coordinated_with_the_cue(
    sentence: Sentence, clause: Word, verb: Word, lexicon: Lexicon
) -> bool:
    """`He said the company would appeal and accused the agency of ...`, parsed with "accused"
    conjoined to "appeal": a past-tense cue cannot share the clause's "would" or "will", so it
    is coordinated with the cue itself, an attribution of its own."""
    return lexicon.is_cue(verb.lemma) and past_beside_modal(sentence, clause, verb)


def _attributes_on_its_own(sentence: Sentence, verb: Word, lexicon: Lexicon) -> bool:
    """`and she noted that ...`: a cue with a subject and a complement of its own (not `prices
    rose and consumers complained`, which is all what was said)."""
    children = sentence.children(verb.index)
    return (
        lexicon.is_cue(verb.lemma)
        and any(g.deprel.startswith("nsubj") for g in children)
        and any(g.deprel in ("ccomp", "xcomp") for g in children)
    )


def _trailing_participle(sentence: Sentence, verb: Word) -> bool:
    """`..., contradicting the police account`: a participle clause set off by a comma (the
    parser also conjoins it: `would appeal, adding: "..."`)."""
    return (
        verb.deprel in ("advcl", "conj", "acl")
        and not any(c.deprel.startswith("nsubj") for c in sentence.children(verb.index))
        and ("VerbForm=Ger" in verb.feats or verb.text.lower().endswith("ing"))
        and verb.index > 0
        and sentence.words[verb.index - 1].text == ","
    )


def _object_as_subject(site: WordSite, clause: Word) -> Word | None:
    """`Ruiz said the politics of it would be intense`, parsed with "politics" as the cue's
    object and a clause without a subject after it: the object is the clause's subject. Not for
    cues whose object is the one told (`told reporters ...`)."""
    sentence, cue = site.sentence, site.word
    if clause.start < cue.start or cue.lemma.lower() in site.lexicon.recipient_cues:
        return None
    subjects = [
        c for c in sentence.children(clause.index) if c.deprel.startswith(("nsubj", "expl"))
    ]
    if subjects and not _set_off_subject(sentence, subjects[0], clause):
        return None
    objects = [
        c
        for c in sentence.children(cue.index)
        if c.deprel in ("obj", "iobj") and cue.start < c.start < clause.start
    ]
    if len(objects) != 1:
        return None
    last = max(w.index for w in sentence.subtree(objects[0].index))
    first_of_clause = min(w.index for w in sentence.subtree(clause.index))
    return objects[0] if last + 1 == first_of_clause else None


def _set_off_subject(sentence: Sentence, subject: Word, clause: Word) -> bool:
    """`said the suspect, a 34-year-old man from Leeds, had been arrested`: the clause's subject
    is an apposition of the cue's object, set off by commas, so the object is the subject."""
    words = trim_punct(sentence.subtree(subject.index))
    if not words:
        return False
    first, last = words[0].index, words[-1].index
    return (
        first > 0
        and sentence.words[first - 1].text == ","
        and last + 1 < clause.index
        and sentence.words[last + 1].text == ","
        and words[0].text.lower() in ARTICLES
    )


def clause_after_cue(site: WordSite) -> list[ReportedContent] | None:
    """`X reported the leader told him ...` with the clause hung on an earlier verb: a repair of
    the parse, so only at a cue with no complement clause of its own."""
    if not is_verb_cue(site.word, site.lexicon):
        return None
    span = _clause_after_cue(site.sentence, site.word)
    return site.reported(span, Rule.REPORTED_CLAUSE) if span is not None else None


# Words that, after a comma, open an aside rather than more of a phrase's content: `the
# levy in a speech, which the board objected to`, `to keep the pier open, although ...`.
_ASIDE_OPENERS = frozenset(
    {"which", "who", "whom", "whose", "although", "though", "whereas", "while", "according"}
)


def _before_aside(words: list[Word]) -> list[Word]:
    ordered = sorted(words, key=lambda w: w.index)
    for position, word in enumerate(ordered[:-1]):
        if word.text == "," and ordered[position + 1].text.lower() in _ASIDE_OPENERS:
            return ordered[:position]
    return ordered


def _phrase(site: WordSite, words: list[Word], rule: Rule) -> list[ReportedContent]:
    kept = _without_trailing_time(trim_punct(_before_aside(words)), site.lexicon)
    if len(kept) < MIN_PHRASE_WORDS and not (len(kept) == 1 and kept[0].upos in ("PROPN", "NOUN")):
        return []  # a bare pronoun ("said it"); a name or noun alone ("endorsed Kovac") counts
    if site.word.lemma.lower() in site.lexicon.requests and all(
        w.text.lower() in site.lexicon.not_speakers for w in kept
    ):
        return []  # `did not return calls seeking comment`: a comment asked for
    if site.word.lemma.lower() in _ANSWERING and all(
        w.text.lower() in site.lexicon.not_speakers for w in kept if w.upos not in ("ADP", "DET")
    ):
        return []  # `did not respond to requests for comment`: nothing said
    if kept[0].text.lower() in site.lexicon.pleas:
        return []  # `pleaded guilty to two counts`: a plea states nothing
    if all(w.upos in ("DET", "NUM", "PUNCT") for w in kept):
        return []  # `reported a 20 per cent fall`, cut at the number: says nothing
    if site.word.lemma.lower() == "dismiss" and _names_a_post(kept, site.lexicon):
        return []  # `dismissed head coach Mike Duran`: sacked, not a view of his words
    if _reports_figures(site, kept):
        return []  # `reported a record quarterly profit`: a result, not words
    return [ReportedContent(site.sentence, site.word, site.word, span_of(kept), rule)]


# Prepositions of a time phrase: `on Tuesday`, `in March`, `by Friday`.
_TIME_PREPOSITIONS = frozenset({"on", "in", "at", "by", "during", "since", "until"})


def _without_trailing_time(words: list[Word], lexicon: Lexicon) -> list[Word]:
    """`defended the plan in parliament on Tuesday`, with "on Tuesday" hung on a noun of the
    object: when it was said is no part of what was said (on a verb of the content, `expect the
    bank to cut rates in March`, it is when the content happens)."""
    if (
        len(words) < 4
        or words[-1].text.lower() not in lexicon.time_words
        or words[-1].deprel != "nmod"
    ):
        return words
    cut = len(words) - 2
    if words[cut].upos == "DET":
        cut -= 1  # `in the morning`
    if words[cut].text.lower() not in _TIME_PREPOSITIONS or words[cut].upos != "ADP":
        return words
    return trim_punct(words[:cut])


def _names_a_post(words: Sequence[Word], lexicon: Lexicon) -> bool:
    """The phrase names a person by a post (`head coach Mike Duran`, `the manager`), not a
    thing or a country (`NATO member Estonia`)."""
    return any(lexicon.is_title(w.lemma) for w in words)


# Cues of answering, whose "requests" or "comment" is what was asked of the speaker.
_ANSWERING = frozenset({"respond", "reply", "answer", "return"})
# Cues by which a company gives its figures: "reported a loss", "reiterated its outlook".
_FIGURE_CUES = frozenset({"report", "post", "announce", "reiterate", "declare", "forecast"})


def _reports_figures(site: WordSite, words: Sequence[Word]) -> bool:
    """`reported a record quarterly profit`, `posted a loss`: the head noun of a reporting
    cue's object is one of the figures a company reports."""
    if site.word.lemma.lower() not in _FIGURE_CUES:
        return False
    head = next((w for w in words if w.head not in {x.index for x in words}), None)
    figures = site.lexicon.figures
    return head is not None and (head.lemma.lower() in figures or head.text.lower() in figures)


def _phrase_cue(site: WordSite) -> bool:
    """A cue that may carry a phrase as content: speech verbs report whatever their subject;
    other cues need a subject that names a source, so that "the storm destroyed the pier" is
    not read as an attribution."""
    cue, lexicon = site.word, site.lexicon
    if cue.lemma.lower() == "show" and _person_subject(site.sentence, cue):
        return False  # `Brandt showed no reaction`: a person shows what they do, not a finding
    return is_verb_cue(cue, lexicon) and (
        lexicon.takes_direct_quote(cue.lemma) or _has_source_subject(site.sentence, cue, lexicon)
    )


def _person_subject(sentence: Sentence, cue: Word) -> bool:
    """The cue's subject is a name or a personal pronoun."""
    return any(
        c.deprel == "nsubj"
        and (c.upos == "PROPN" or c.text.lower() in ("he", "she", "i", "we", "you"))
        for c in sentence.children(cue.index)
    )


def _after_cue(site: WordSite) -> list[Word]:
    """The cue's dependents after it, less a time the parser took for an object (`posted
    Friday`)."""
    return [
        c
        for c in site.sentence.children(site.word.index)
        if c.start > site.word.start
        and not (c.deprel == "obj" and c.text.lower() in site.lexicon.time_words)
    ]


def reported_infinitive(site: WordSite) -> list[ReportedContent] | None:
    """`urged lawmakers to act`: an infinitive (with the object before it) as content. The
    first phrase rule: with an infinitive, the object is its subject, not the content."""
    if not _phrase_cue(site) or not site.lexicon.takes_content(site.word.lemma, "infinitive"):
        return None
    children = _after_cue(site)
    obj = next((c for c in children if c.deprel == "obj"), None)
    infinitive = next((c for c in children if c.deprel == "xcomp" and c.upos == "VERB"), None)
    if infinitive is None and obj is not None and _may_act(obj, site.lexicon):
        # `expect the central bank to cut rates`, with the infinitive parsed as an adverbial
        # clause: right after an object who can act, it is the object's infinitive all the
        # same (`opposed the council's efforts to close it`: the infinitive completes the noun).
        infinitive = _infinitive_after(site.sentence, obj, children)
    if infinitive is None:
        return None
    words = site.sentence.subtree(infinitive.index)
    if obj is not None and obj.start < infinitive.start:
        words = site.sentence.subtree(obj.index) + words
    return _phrase(site, words, Rule.REPORTED_INFINITIVE)


def _may_act(noun: Word, lexicon: Lexicon) -> bool:
    """A name, a pronoun, or a noun of people or of a body: someone who may do things."""
    lemma = noun.lemma.lower()
    return (
        noun.upos in ("PROPN", "PRON")
        or lexicon.is_role_word(lemma)
        or lemma in lexicon.group_nouns
        or noun.text.lower() in lexicon.group_nouns  # the list holds plurals: `supporters`
        or lemma in lexicon.collectives
        or lexicon.is_organization_head(noun.text, lemma)
    )


def _infinitive_after(sentence: Sentence, obj: Word, children: Sequence[Word]) -> Word | None:
    """An infinitive clause (`to` + verb) of the cue that starts right after its object."""
    end = sentence.subtree(obj.index)[-1].index
    return next(
        (
            c
            for c in children
            if c.deprel == "advcl"
            and c.upos == "VERB"
            and sentence.subtree(c.index)[0].index == end + 1
            and sentence.words[end + 1].text.lower() == "to"
        ),
        None,
    )


def reported_object(site: WordSite) -> list[ReportedContent] | None:
    """`criticized the deal`, `mentioned raising the toll`: the object (or a gerund in its
    place) as content, for cues whose object is not the addressee; `called the plan a
    disaster`: an object with its predicate, for any cue. After the infinitive, before the
    looser oblique."""
    if not _phrase_cue(site):
        return None
    cited = next((c for c in _after_cue(site) if c.deprel == "obj"), None)
    if cited is not None and _cites_a_source(site, cited):
        return None
    if _after_closing_mark(site) or _inverted_after_clause(site):
        return None  # `"No comment," said a spokesman`: the object is who spoke
    characterized = _characterization(site)
    if characterized is not None:
        return _phrase(site, characterized, Rule.REPORTED_OBJECT)
    if not site.lexicon.takes_content(site.word.lemma, "object"):
        return None
    if site.word.lemma.lower() in site.lexicon.things_put_out:
        return None  # `unveiled its new phone`, `recalled 12,000 cars`: things, not words
    children = _after_cue(site)
    obj = next((c for c in children if c.deprel == "obj"), None) or next(
        (c for c in children if c.deprel == "xcomp" and c.text.lower().endswith("ing")), None
    )
    if obj is None or _bare_document(site, obj):
        return None
    words = site.sentence.subtree(obj.index)
    if words[0].upos != "ADP" and words[0].text.lower() in MISTAGGED_PREPOSITIONS:
        return None  # `Speaking alongside Chancellor Merzig`: with whom, not what
    if obj.upos == "PRON":
        words += _said_of_pronoun(site, obj)
    words += _correlative_clause(site, obj)
    words += _charge_after_object(site, words)
    return _phrase(site, sorted(words, key=lambda w: w.index), Rule.REPORTED_OBJECT)


def _charge_after_object(site: WordSite, words: list[Word]) -> list[Word]:
    """`accused Washington of interfering in its affairs`, with "of interfering" a clause of
    the cue: the charge right after the accused is the content's too, as when the parser
    hangs it on the object."""
    sentence = site.sentence
    end = max(w.index for w in words)
    for child in sentence.children(site.word.index):
        phrase = sentence.subtree(child.index)
        if (
            child.deprel in ("advcl", "obl")
            and phrase[0].index == end + 1
            and phrase[0].text.lower() == "of"
        ):
            # `... of being inactive and chided him for ...`: up to a cue of its own.
            cues = [w.index for w in phrase if w.deprel == "conj" and is_verb_cue(w, site.lexicon)]
            kept = [w for w in phrase if not cues or w.index < min(cues)]
            while kept and kept[-1].upos in ("CCONJ", "PUNCT"):
                kept.pop()
            return kept
    return []


def _bare_document(site: WordSite, obj: Word) -> bool:
    """`read a short statement in court`: a document read out, named with nothing of what it
    says (no clause, no quotation), is no content of "read"."""
    if site.word.lemma.lower() != "read" or obj.lemma.lower() not in site.lexicon.artefacts:
        return False
    words = site.sentence.subtree(obj.index)
    marked = any(w.text in QUOTE_MARK_WORDS for w in words)
    clause = any(w.deprel in ("acl", "acl:relcl", "ccomp") for w in words if w is not obj)
    return not (marked or clause)


def _cites_a_source(site: WordSite, obj: Word) -> bool:
    """`citing two sources`, `cited unnamed officials`, `citing people familiar with the
    matter`: people "cite" names are whom the words come from, not the words (what is cited
    otherwise, `cited the audit`, is what the speaker put forward)."""
    if site.word.lemma.lower() != "cite":
        return False
    if obj.upos == "ADJ":
        # `people familiar with the matter`, parsed with "familiar" as the object.
        obj = next((w for w in site.sentence.subtree(obj.index) if w.upos == "NOUN"), obj)
    lexicon, lemma = site.lexicon, obj.lemma.lower()
    return obj.upos == "NOUN" and (
        obj.text.lower() in lexicon.group_nouns
        or lexicon.is_role_word(lemma)
        or lemma in _CITED_PEOPLE
    )


# Nouns of people cited as sources besides the lexicon's groups and roles.
_CITED_PEOPLE = frozenset({"source", "person", "people", "insider"})


_CORRELATIVES = {"neither": "nor", "either": "or"}


def _correlative_clause(site: WordSite, obj: Word) -> list[Word]:
    """`says neither the mayor nor her staff helped ...`, parsed with the first subject as the
    cue's object (or its complement) and the clause's verb as the cue's conjunct: the clause is
    the content, from "neither" (or "either") to the end of that verb's phrase."""
    sentence, cue = site.sentence, site.word
    opener = next(
        (
            w
            for w in sentence.words[cue.index + 1 : obj.index + 1]
            if w.text.lower() in _CORRELATIVES
        ),
        None,
    )
    if opener is None:
        return []
    joiner = _CORRELATIVES[opener.text.lower()]
    for child in sentence.children(cue.index):
        between = sentence.words[obj.index + 1 : child.index]
        if (
            child.deprel == "conj"
            and child.start > obj.start
            and any(w.text.lower() == joiner for w in between)
        ):
            return [
                opener,
                *sentence.words[obj.index + 1 : child.index],
                *sentence.subtree(child.index),
            ]
    return []


def _after_closing_mark(site: WordSite) -> bool:
    """The cue follows a quotation's closing mark (and its comma): an inverted attribution."""
    words = site.sentence.words
    before = [w for w in words[: site.word.index] if w.text != ","]
    return bool(before) and site.layout.inside_quote(before[-1])


def _inverted_after_clause(site: WordSite) -> bool:
    """`Port strike will cost millions, says harbour chief`: a plain verb of speech right after
    the comma that ends the clause it reports, with no subject of its own before it; what
    follows it is who spoke."""
    sentence, cue = site.sentence, site.word
    return plain_speech_after_comma(sentence, cue, site.lexicon) and not any(
        c.deprel.startswith("nsubj") and c.start < cue.start for c in sentence.children(cue.index)
    )


# What a cue may say of a pronoun object: `compared him favorably to Obama`, `blasted him for
# not paying taxes`.
_SAID_OF = frozenset({"advmod", "obl", "advcl", "xcomp"})


def _said_of_pronoun(site: WordSite, obj: Word) -> list[Word]:
    """A pronoun object is no content alone; what the cue says of it follows it: the adverbs,
    obliques and clauses of the cue right after it, as one run."""
    sentence = site.sentence
    words: list[Word] = []
    end = max(w.index for w in sentence.subtree(obj.index))
    for child in sorted(_after_cue(site), key=lambda c: c.index):
        if child.start <= obj.start or child.deprel not in _SAID_OF:
            continue
        subtree = sentence.subtree(child.index)
        if min(w.index for w in subtree) != end + 1:
            break
        words += subtree
        end = max(w.index for w in subtree)
    return words


def _characterization(site: WordSite) -> list[Word] | None:
    """`called the plan a disaster for the harbour`: an object, then a predicate noun or
    adjective said of it (a second object or an `xcomp`); the two together are the content."""
    children = _after_cue(site)
    objects = [c for c in children if c.deprel == "obj"]
    if not objects:
        return None
    first = objects[0]
    predicate = next(
        (
            c
            for c in children
            if c.start > first.start
            and (
                c.deprel == "obj"
                or (c.deprel == "xcomp" and c.upos in ("NOUN", "ADJ"))
                or _as_predicate(site.sentence, c, site.lexicon)
            )
        ),
        None,
    )
    if predicate is not None and _name_of_addressee(site, first, predicate):
        return None  # `told state television ERT`: the channel and its name, told
    if predicate is not None:
        return site.sentence.subtree(first.index) + site.sentence.subtree(predicate.index)
    # `called the charges unsubstantiated`: the parser hangs the predicate on the object.
    said_of = next(
        (
            c
            for c in site.sentence.children(first.index)
            if c.deprel in ("acl", "amod")
            and c.index == first.index + 1
            and (c.upos == "ADJ" or (c.upos == "VERB" and "Tense=Past" in c.feats))
            and not any(
                g.deprel in ("mark", "nsubj", "nsubj:pass") for g in site.sentence.children(c.index)
            )
        ),
        None,
    )
    if said_of is not None or _predicate_inside(site.sentence, first):
        return site.sentence.subtree(first.index)
    return None


def _as_predicate(sentence: Sentence, phrase: Word, lexicon: Lexicon) -> bool:
    """`described the plan as a disaster`, `dismissed the claims as false`: a phrase opened by
    "as" that says what the object is, not a clause of its own (`as he left`)."""
    if phrase.deprel not in ("obl", "advcl", "xcomp") or phrase.upos not in _PREDICATE_TAGS:
        return False  # `as shown by ...`, `as saying`: a verb's clause
    children = sentence.children(phrase.index)
    words = sentence.subtree(phrase.index)
    opening = words[0]
    if not (
        opening.text.lower() == "as"
        and any(c is opening and c.deprel in ("case", "mark") for c in children)
        and not sentence.children(opening.index)
        and not (
            opening.index > 0 and sentence.words[opening.index - 1].text.lower() in _AS_IN_PHRASE
        )  # `as well as adversaries`, `such as`
        and not any(c.base_deprel in ("nsubj", "csubj", "cop") for c in children)
    ):
        return False
    # The first word after "as", its quotation marks aside (the tokenizer may glue `"a`).
    stripped = (w.text.strip("\"'\u201c\u201d\u2018\u2019") for w in words[1:])
    after = next((text for text in stripped if text), "")
    # `criticized the plan as finance minister`: in what capacity, not what the plan is.
    return after.lower() in _ARTICLES_AFTER_AS or not lexicon.is_role_word(phrase.lemma)


_PREDICATE_TAGS = frozenset({"NOUN", "PROPN", "ADJ", "PRON", "NUM"})
_ARTICLES_AFTER_AS = frozenset({"a", "an", "the", "one"})
# Words before "as" that make it part of a fixed phrase (`as well as`, `such as`).
_AS_IN_PHRASE = frozenset({"well", "such", "much", "many", "long", "far", "soon", "same"})


# Cues whose object, then a second one, name something: `called the plan a disaster`.
_NAMING = frozenset({"call"})


def _name_of_addressee(site: WordSite, first: Word, second: Word) -> bool:
    """After a cue whose object is its addressee, a name right after that object is the
    addressee's own (`told state television ERT`), no predicate said of it."""
    lemma = site.word.lemma.lower()
    return (
        lemma in site.lexicon.recipient_cues
        and lemma not in _NAMING  # `called the ferry line a disgrace`: named, not told
        and second.upos == "PROPN"
        and second.index == site.sentence.subtree(first.index)[-1].index + 1
    )


def _predicate_inside(sentence: Sentence, obj: Word) -> bool:
    """`called the citation and the demand for his appearance a transparent ploy`: the
    predicate hung deep in the object, as a noun phrase opened by "a" or "an" that no
    preposition introduces."""
    return any(
        word.deprel == "nmod"
        and word.index > obj.index
        and not any(c.deprel == "case" for c in sentence.children(word.index))
        and any(
            c.deprel == "det" and c.text.lower() in ("a", "an") and c.index < word.index
            for c in sentence.children(word.index)
        )
        for word in sentence.subtree(obj.index)
    )


def _artefact(word: Word, lexicon: Lexicon) -> bool:
    """A document or finding, by lemma or as written (`figures`, whose lemma is "figure")."""
    return word.lemma.lower() in lexicon.artefacts or word.text.lower() in lexicon.artefacts


def reported_passive(site: WordSite) -> list[ReportedContent] | None:
    """`The levy was criticized by the dockworkers union`, `the laws proposed by Mayor Kovac`:
    a cue in the passive names its source as the agent (`by X`); what it reports is its
    passive subject, or the noun its participle describes. Not with a clause or infinitive of
    its own (`was said to be unsafe`), which the clause rules read."""
    sentence, cue, lexicon = site.sentence, site.word, site.lexicon
    if not is_verb_cue(cue, lexicon) or not lexicon.takes_content(cue.lemma, "object"):
        return None
    children = sentence.children(cue.index)
    agent = next((c for c in children if is_agent(sentence, cue, c)), None)
    if agent is None or any(c.deprel in ("ccomp", "xcomp", "obj") for c in children):
        return None
    words = _patient(sentence, cue)
    if not words:
        return None
    kept = trim_punct([w for w in words if not (w.deprel == "case" and w is words[0])])
    head = next((w for w in kept if w.head < 0 or sentence.words[w.head] not in kept), None)
    if head is None or head.upos == "PRON" or _artefact(head, lexicon):
        return []  # "it was backed by", "both of which": elsewhere; "a study released by": a source
    return [ReportedContent(sentence, cue, cue, span_of(kept), Rule.REPORTED_PASSIVE, source=agent)]


def _patient(sentence: Sentence, cue: Word) -> list[Word]:
    """What a passive cue reports: its passive subject, else the noun its participle
    describes, without the participle's own phrase."""
    subject = next((c for c in sentence.children(cue.index) if c.deprel == "nsubj:pass"), None)
    if subject is not None:
        return sentence.subtree(subject.index)
    if cue.deprel != "acl" or cue.head < 0:
        return []
    noun = sentence.words[cue.head]
    if noun.upos not in ("NOUN", "PROPN"):
        return []
    cut = {w.index for w in sentence.subtree(cue.index)}
    words = [w for w in sentence.subtree(noun.index) if w.index not in cut]
    return _contiguous(words, sentence)


def reported_oblique(site: WordSite) -> list[ReportedContent] | None:
    """`warned about the risks`, `called for cutting the tax`: an oblique (or a gerund clause)
    opened by a content preposition, not a time. The last phrase rule: obliques are often
    adverbials."""
    sentence, lexicon = site.sentence, site.lexicon
    if not _phrase_cue(site) or not lexicon.takes_content(site.word.lemma, "oblique"):
        return None
    oblique = next(
        (
            content
            for c in _after_cue(site)
            if (c.deprel == "obl" or (c.deprel == "advcl" and c.upos == "VERB"))
            and c.text.lower() not in lexicon.time_words
            and c.text.lower() not in lexicon.not_speakers  # "on Twitter", "on Friday"
            and not _venue(sentence, c, lexicon)
            and not _asks_for_comment(sentence, c, lexicon)
            and _opened_by_content_preposition(sentence, c, lexicon, ("case", "mark"))
            and (content := _past_addressee(sentence, site.word, c, lexicon)) is not None
            and not _venue(sentence, content, lexicon)  # `to reporters on Air Force One`
        ),
        None,
    )
    if oblique is None:
        return None
    return _phrase(site, sentence.subtree(oblique.index), Rule.REPORTED_OBLIQUE)


def _venue(sentence: Sentence, phrase: Word, lexicon: Lexicon) -> bool:
    """`told analysts on an earnings call`, `said on a podcast`, `speaking on Air Force One`,
    `on CNN`, `wrote on X`: where it was said (a noun of speech or a name after "on", also
    a capitalised one the tagger took for a common noun), not what."""
    place = (
        phrase.lemma.lower() in lexicon.reporting_nouns
        or phrase.upos == "PROPN"
        or (phrase.upos == "NOUN" and phrase.text[:1].isupper())
    )
    return place and any(
        c.deprel == "case" and c.text.lower() == "on" for c in sentence.children(phrase.index)
    )


def _asks_for_comment(sentence: Sentence, phrase: Word, lexicon: Lexicon) -> bool:
    """`did not respond to a request for comment`: a phrase about a comment asked for, which
    nobody gave (`comment` in `not_speakers.txt`)."""
    return any(
        c.deprel == "nmod" and c.text.lower() in lexicon.not_speakers
        for c in sentence.children(phrase.index)
    )


def _past_addressee(sentence: Sentence, cue: Word, phrase: Word, lexicon: Lexicon) -> Word | None:
    """The oblique itself; for one naming who was addressed (`spoke to reporters about the
    cuts`), the content phrase the parser hung on it, if any."""
    if not _addressee(sentence, cue, phrase, lexicon):
        return phrase
    return next(
        (
            c
            for c in sentence.children(phrase.index)
            if c.deprel == "nmod"
            and c.text.lower() not in lexicon.time_words  # `responded to it on Tuesday`
            and c.text.lower() not in lexicon.not_speakers  # `to a request for comment`
            and _opened_by_content_preposition(sentence, c, lexicon, ("case",))
            and not _addressee(sentence, cue, c, lexicon)
        ),
        None,
    )


def _addressee(sentence: Sentence, cue: Word, phrase: Word, lexicon: Lexicon) -> bool:
    """`spoke to reporters`, `called on Congress`: the oblique names who was addressed."""
    return any(
        g.deprel == "case" and (cue.lemma.lower(), g.text.lower()) in lexicon.addressee_obliques
        for g in sentence.children(phrase.index)
        if g.start < phrase.start
    )


def _opened_by_content_preposition(
    sentence: Sentence, phrase: Word, lexicon: Lexicon, relations: tuple[str, ...]
) -> bool:
    """`about the risks`, `for cutting the tax`: the phrase opens with a content preposition
    (`engine/data/content.txt`) attached by one of `relations`; a gerund clause also when the
    parser hung its preposition on a word inside it (`called for immediately reopening
    the harbour`, "for" on "harbour")."""
    if any(
        g.deprel in relations and g.text.lower() in lexicon.content_prepositions
        for g in sentence.children(phrase.index)
        if g.start < phrase.start
    ):
        return True
    first = sentence.subtree(phrase.index)[0]
    return (
        is_participle(phrase)
        and first.deprel == "case"
        and first.text.lower() in lexicon.content_prepositions
    )


def reported_parataxis(site: WordSite) -> list[ReportedContent] | None:
    """`The budget will pass, the governor said`: the host clause the cue hangs on, without the
    cue's own subtree. Read at every cue, whatever it reports itself; not when the host is a
    cue with a clause of its own ("He claimed that ... — a claim the alliance rejected"), nor
    when the host is a relative clause, which describes a noun of the speaker's apposition
    ("Ruiz, chief of a firm which runs the ferries -- told me")."""
    sentence, word, lexicon = site.sentence, site.word, site.lexicon
    if not is_verb_cue(word, lexicon) or clause_opener_subject(sentence, word) is not None:
        return None  # `Shares fell after the chief executive said ...`: the shares say nothing
    if word.deprel != "parataxis":
        trailing = _trailing_inverted_cue(sentence, word)
        if trailing is not None:
            return site.reported(trailing, Rule.REPORTED_PARATAXIS)
        # Not when the cue's own complement clause was read already (the same content).
        return None if Rule.REPORTED_CLAUSE in site.present else _said_then_source(site)
    host = sentence.words[word.head]
    if host.deprel == "acl:relcl" or (
        _reports_clause(host, sentence, lexicon)
        and lexicon.cue_group(host.lemma) not in _HELD_VIEWS
    ):
        return None
    if _opened_by_whose(sentence, word):
        return None  # `... welcomed by the union, whose president, Tom Lind, said ...`
    if not any(c.deprel.startswith("nsubj") for c in sentence.children(word.index)):
        # `..., lawyers for the families said.`, the source hung in the host clause: the run
        # between the last comma and the cue is the source, all before the comma the content.
        sourced = _trailing_cue_after_subject(site.layout, sentence, word, lexicon)
        if sourced is not None and sourced[1] is not None:
            span, source = sourced
            return [ReportedContent(sentence, word, word, span, Rule.REPORTED_PARATAXIS, source)]
    if _runs_into_cue_clause(sentence, host, word):
        return None  # `Unite regional officer Gareth Lewis called ...`: a name read as a verb
    return site.reported(_host_without(sentence, host, word), Rule.REPORTED_PARATAXIS)


def _runs_into_cue_clause(sentence: Sentence, host: Word, cue: Word) -> bool:
    """The host clause runs into the cue's subject with no mark between: what a speaker said
    and the source beside it are set apart by a comma, a dash or a quotation mark, so the
    "host" is a misread part of the cue's own clause."""
    subject = next((c for c in sentence.children(cue.index) if c.deprel == "nsubj"), None)
    if subject is None or subject.index > cue.index:
        return False
    first = next(w for w in sentence.subtree(subject.index) if w.upos != "PUNCT")
    if first.index == 0 or host.index > first.index:
        return False
    before = sentence.words[first.index - 1]
    return before.upos != "PUNCT" and (before is host or host in sentence.ancestors(before.index))


def _opened_by_whose(sentence: Sentence, cue: Word) -> bool:
    """The cue's clause is a relative one on a noun of the clause before (`the union, whose
    president, Tom Lind, said ...`): "whose" opens its subject, no verb between."""
    for word in reversed(sentence.words[: cue.index]):
        if word.upos in ("VERB", "AUX"):
            return False
        if word.text.lower() == "whose":
            return True
    return False


def _trailing_inverted_cue(sentence: Sentence, cue: Word) -> Span | None:
    """`The cuts led to the closure of the pier, said Tomas Ruiz, a senior
    engineer`: a cue after a comma with its subject after it, ending the sentence, reports all
    before the comma, however the parser hung it (here conjoined to a verb of the content)."""
    if cue.deprel != "conj":
        return None
    subjects = [c for c in sentence.children(cue.index) if c.deprel.startswith("nsubj")]
    if not subjects or any(s.start < cue.start for s in subjects):
        return None
    if any(c.deprel in ("ccomp", "xcomp", "obj") for c in sentence.children(cue.index)):
        return None
    return _before_its_comma(sentence, cue)


# How many words the source of a trailing cue may have: `a spokesman for the harbour board`.
MAX_TRAILING_SOURCE_WORDS = 8
# How many words may follow a trailing cue: `on Tuesday`, `in a statement Monday morning`.
MAX_TRAILING_CIRCUMSTANCE_WORDS = 5
_SOURCE_TAGS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "ADP", "PART", "PRON"})


def trailing_cue(site: WordSite) -> list[ReportedContent] | None:
    """`The port will close in May, officials announced Monday.`: a source and its cue after
    the sentence's last comma, with at most a time or a circumstance after the cue, report all
    before the comma, however the parser hung them (often the source as the subject of the
    content and the cue a participle on it, or the cue conjoined to the content's verb)."""
    word = site.word
    if not is_verb_cue(word, site.lexicon) or word.deprel == "parataxis":
        return None
    if _relative_on_according_source(site.sentence, word):
        return None  # `..., according to a person ..., who spoke on condition of anonymity`
    found = _trailing_cue_after_subject(site.layout, site.sentence, word, site.lexicon)
    if found is None:
        return None
    span, source = found
    return [ReportedContent(site.sentence, word, word, span, Rule.TRAILING_CUE, source)]


def _relative_on_according_source(sentence: Sentence, cue: Word) -> bool:
    """The cue's subject is a relative pronoun after an "according to" phrase earlier in the
    sentence: the clause describes that source, which the according rule already reads."""
    subject = next((c for c in sentence.children(cue.index) if c.deprel == "nsubj"), None)
    if subject is None or subject.text.lower() not in _RELATIVE_OPENERS:
        return False
    return any(is_according(sentence, w) is not None for w in sentence.words[: subject.index])


# What a source phrase is about: a noun, a name or a pronoun (`attorneys for the family`).
_SOURCE_HEADS = frozenset({"NOUN", "PROPN", "PRON"})


def _trailing_cue_after_subject(
    layout: Layout, sentence: Sentence, cue: Word, lexicon: Lexicon
) -> tuple[Span, Word | None] | None:
    """The content before the comma and the source's head (the run between the comma and the
    cue, whatever the parser made of it)."""
    words = sentence.words
    found = _trailing_source(layout, sentence, cue, lexicon)
    if found is None:
        return None
    comma, source = found
    # The clause before the comma, from the last semicolon (`...; Kovac, others vow`).
    opening = max((w.index + 1 for w in words[:comma] if w.text == ";"), default=0)
    content = words[opening:comma]
    if _opens_fronted_clause(content):
        return None  # `When Congress cut funding, Mexico said enough`: a fronted clause
    if not any(w.upos in ("VERB", "AUX") for w in content) or any(
        _reports_clause(w, sentence, lexicon) and lexicon.cue_group(w.lemma) not in _HELD_VIEWS
        for w in content
        if w.deprel == "root"
    ):
        return None  # a clause is reported, and not one that is an attribution itself
    span = _content_span(list(content))
    return None if span is None else (span, noun_before_complement(source, _SOURCE_HEADS))


def _trailing_source(
    layout: Layout, sentence: Sentence, cue: Word, lexicon: Lexicon
) -> tuple[int, list[Word]] | None:
    """`..., state television reported.`: the index of the comma before a trailing source and
    its cue, and the source's words; None when `cue` ends no sentence that way."""
    words = sentence.words
    comma = max((w.index for w in words[: cue.index] if w.text == ","), default=None)
    source = _before_relative(words[comma + 1 : cue.index], cue) if comma is not None else []
    if comma is not None and not source:
        comma, source = _set_off_source(words, comma)
    if comma is None or comma < MIN_CONTENT_WORDS or layout.inside_quote(words[comma]):
        return None
    if not 1 <= len(source) <= MAX_TRAILING_SOURCE_WORDS or not _names_a_source(source):
        return None
    if lexicon.cue_group(cue.lemma) == "evidential" and not _finds(source, lexicon):
        return None  # `..., potent chemicals found in refrigerants`: a participle, no finding
    after: Sequence[Word] = _before_citing(words[cue.index + 1 :])
    if cue.lemma in _TELLING:
        after = _after_addressee(after)  # `..., a diplomat told AFP.`
    if not _only_circumstances(after, lexicon):
        return None
    return comma, source


def _without_trailing_reports(
    found: list[ReportedContent], layout: Layout, lexicon: Lexicon
) -> list[ReportedContent]:
    """`The minister said the border would reopen, state television reported.`: the trailing
    source and cue, which report the minister's attribution (and which the parser often hangs
    inside its content), are no part of what the minister said, and read no content of their
    own; a content that is all that trailing report (`Putin told Erdogan X, the Kremlin said`,
    read twice) is none. A trailing cue read as such reports the whole clause instead."""
    kept: list[ReportedContent] = []
    reporting: set[int] = set()
    for item in found:
        if item.rule is Rule.TRAILING_CUE:
            kept.append(item)
            continue
        trailing = _trailing_report_in(item, layout, lexicon)
        if trailing is None:
            kept.append(item)
            continue
        cue, comma = trailing
        reporting.add(cue.start)
        words = trim_punct(
            [w for w in item.sentence.words if item.content.start <= w.start < comma.start]
        )
        if comma.start > item.content.start and words:
            kept.append(replace(item, content=span_of(words)))
    return [
        item for item in kept if item.rule is Rule.TRAILING_CUE or item.cue.start not in reporting
    ]


def _trailing_report_in(
    item: ReportedContent, layout: Layout, lexicon: Lexicon
) -> tuple[Word, Word] | None:
    """The cue of a trailing report inside `item`'s content, after its own cue, with the comma
    before its source."""
    words = item.sentence.words
    for cue in words:
        if not item.content.start < cue.start < item.content.end or not is_verb_cue(cue, lexicon):
            continue
        found = _trailing_source(layout, item.sentence, cue, lexicon)
        if found is not None and words[found[0]].start > item.cue.end:
            return cue, words[found[0]]
    return None


# How many words a relative clause on a trailing cue's source may have: `a person who asked not
# to be identified because the matter is private`.
MAX_RELATIVE_CLAUSE_WORDS = 12
_RELATIVE_PERSONS = frozenset({"who", "whom"})
# Cues whose first object is the addressee: `told AFP`, `told reporters`.
_TELLING = frozenset({"tell"})


def _finds(source: Sequence[Word], lexicon: Lexicon) -> bool:
    """A source that can show or find something: people, a body or a document (`data`,
    `researchers`), not a thing the cue's participle describes."""
    head = noun_before_complement(source, _SOURCE_HEADS)
    return head is not None and is_source_noun(head, lexicon)


def _before_relative(source: Sequence[Word], cue: Word) -> list[Word]:
    """`..., a diplomat who was at the meeting told AFP`: the source before the relative clause
    that describes it (wire copy's way of saying how a source knows). The clause has a verb of
    its own before the cue, and the cue is no infinitive or gerund: in `the senator who is
    riding a wave to contend for ...` or `women who remember the struggle` the cue is the
    clause's."""
    at = next(
        (i for i, w in enumerate(source) if i > 0 and w.text.lower() in _RELATIVE_PERSONS), None
    )
    if at is None or len(source) - at > MAX_RELATIVE_CLAUSE_WORDS:
        return list(source)
    clause = source[at + 1 :]
    if (
        not any(w.upos in ("VERB", "AUX") for w in clause)
        or any(form in cue.feats for form in ("VerbForm=Inf", "VerbForm=Ger"))
        or clause[-1].text.lower() == "to"
    ):
        return list(source)
    return list(source[:at])


def _before_citing(after: Sequence[Word]) -> Sequence[Word]:
    """`..., Sky Sports reported on Tuesday, citing two sources.`: the words after a trailing
    cue up to the clause that says whom it cites."""
    for position, word in enumerate(after[1:], start=1):
        if word.lemma.lower() == "cite" and after[position - 1].text == ",":
            return after[: position - 1]
    return after


def _after_addressee(after: Sequence[Word]) -> Sequence[Word]:
    """What follows a telling cue after its addressee (`AFP`, `the BBC`, `reporters`)."""
    position = 0
    while position < len(after) and after[position].upos in ("DET", "ADJ", "PROPN", "NOUN"):
        position += 1
    return after[position:]


def _set_off_source(words: Sequence[Word], comma: int) -> tuple[int | None, list[Word]]:
    """`..., the bank's chief economist, Hamid Qureshi, said`: a description and a name set off
    by commas right before the cue are its source; the content ends at the comma before them.
    `comma` is the comma right before the cue."""
    commas = [w.index for w in words[:comma] if w.text == ","][-2:]
    if len(commas) != 2:
        return None, []
    first, second = words[commas[0] + 1 : commas[1]], words[commas[1] + 1 : comma]
    name = next(
        (run for run in (first, second) if run and all(w.upos == "PROPN" for w in run)), None
    )
    description = second if name is first else first
    if name is None or not description or not _names_a_source(description):
        return None, []
    return commas[0], [*description, *name]


# `Police believe the fire was started deliberately, a spokesman said`: a view or an intention
# the source reports of others is what the trailing cue reports.
_HELD_VIEWS = frozenset({"stance", "intent"})
_SUBORDINATING_ADVERBS = frozenset({"when", "where", "while", "whenever", "once", "as"})


def _opens_fronted_clause(words: Sequence[Word]) -> bool:
    """The words open with a subordinate clause (`When ...`, `And while ...`), or hold none."""
    first = next((w for w in words if w.upos not in ("CCONJ", "PUNCT")), None)
    return first is None or first.upos == "SCONJ" or first.text.lower() in _SUBORDINATING_ADVERBS


def _names_a_source(words: Sequence[Word]) -> bool:
    """Words that can be the source of a trailing cue: a noun phrase (with its complement,
    `a spokesman for the board`, or a participle after its noun, `two officials briefed on the
    talks`; no relative clause), or a personal pronoun alone (no relative one)."""
    if len(words) == 1 and words[0].upos == "PRON":
        # `..., who dismissed the case`: a relative clause on the noun before, no source.
        return "PronType=Rel" not in words[0].feats and words[0].text.lower() not in (
            _RELATIVE_OPENERS
        )
    if any(
        (
            w.upos not in _SOURCE_TAGS
            and not participle_on_noun(words, position)
            and not glued_hyphen(words, position)  # `its secretary-general`
        )
        or (w.upos == "PRON" and "Poss=Yes" not in w.feats)
        for position, w in enumerate(words)
    ):
        return False
    return words[0].upos != "ADP" and any(w.upos in ("NOUN", "PROPN") for w in words)


def _only_circumstances(after: Sequence[Word], lexicon: Lexicon) -> bool:
    """What follows a trailing cue holds only when or where it was said (`Monday`, `on
    Tuesday`, `last year`, `in a statement`): no object or clause of its own."""
    words = [w for w in after if w.upos != "PUNCT"]
    if not words:
        return True
    if len(words) > MAX_TRAILING_CIRCUMSTANCE_WORDS or any(
        w.upos in ("VERB", "AUX", "SCONJ", "PRON") for w in words
    ):
        return False
    first = words[0]
    if first.deprel == "compound:prt":
        return False  # `Washington backed out`: a phrasal verb, not the cue
    return first.upos in ("ADP", "ADV") or any(w.text.lower() in lexicon.time_words for w in words)


def _said_then_source(site: WordSite) -> list[ReportedContent] | None:
    """`The cuts led to the closure of the pier, said Tomas Ruiz, a senior official with the
    board.`: a cue right after the comma that ends a clause, then its source (a name or a
    description, and an apposition to the end), reports all before the comma, however the
    parser hung the name (an object, an indirect object)."""
    sentence, cue = site.sentence, site.word
    words = sentence.words
    if cue.index < MIN_CONTENT_WORDS or not plain_speech_after_comma(sentence, cue, site.lexicon):
        return None
    end = next((w.index for w in words[cue.index + 1 :] if w.upos == "PUNCT"), len(words))
    source = words[cue.index + 1 : end]
    if not source or source[0].upos not in ("PROPN", "DET") or not _names_a_source(source):
        return None
    content = words[: cue.index - 1]
    if (
        site.layout.inside_quote(content[-1])
        or not any(w.upos in ("VERB", "AUX") for w in content)
        or _opens_fronted_clause(content)
    ):
        return None
    span = _before_its_comma(sentence, cue)
    head = noun_before_complement(source, _SOURCE_HEADS)
    if span is None or head is None:
        return None
    return [ReportedContent(sentence, cue, cue, span, Rule.REPORTED_PARATAXIS, head)]


def _before_its_comma(sentence: Sentence, word: Word) -> Span | None:
    """All of the sentence before the comma right before `word`, when one stands there."""
    words = sentence.words
    if word.index < 2 or words[word.index - 1].text != ",":
        return None
    return _content_span(list(words[: word.index - 1]))


# How the parser hangs an "as" clause on the clause it comments on.
_AS_CLAUSE_RELATIONS = frozenset({"advcl", "conj", "parataxis"})


def as_x_said(site: WordSite) -> list[ReportedContent] | None:
    """`As Ruiz said, the port will reopen`, `the port will reopen, as one aide put it`: a cue
    in an adverbial clause opened by "as" reports the clause it modifies, without itself."""
    sentence, word, lexicon = site.sentence, site.word, site.lexicon
    if word.deprel not in _AS_CLAUSE_RELATIONS or word.head < 0 or word.upos != "VERB":
        return None
    phrase_end = phrase_cue_end(sentence, word, lexicon)
    if phrase_end is None and not lexicon.takes_direct_quote(word.lemma):
        return None
    opening = next((w for w in sentence.subtree(word.index) if w.upos != "PUNCT"), word)
    if opening.text.lower() != "as" or not _says_nothing_itself(site, phrase_end):
        return None  # opened by "as", however the parser hung it
    if any(c.deprel in ("nsubj:pass", "aux:pass") for c in sentence.children(word.index)):
        return None  # `the Harbour Act, as the law is known,`: a name, not a report
    host = sentence.words[word.head]
    if site.layout.inside_quote(host) or _reports_clause(host, sentence, lexicon):
        return None
    if host.lemma.lower() == "quote":
        return None  # `State media quoted Ana Ruiz as saying`: the quoting is no content
    # `The harbour, as the mayor noted, has not flooded`: the clause on both sides of it.
    words = _without(sentence, sentence.subtree(host.index), word)
    pieces = _pieces_around(words, word)
    span = _content_span(words) if pieces else _content_span(_contiguous(words, sentence))
    if span is None:
        return []
    return [
        ReportedContent(sentence, word, phrase_end or word, span, Rule.AS_X_SAID, pieces=pieces)
    ]


def _says_nothing_itself(site: WordSite, phrase_end: Word | None) -> bool:
    """The "as" clause holds only its source and circumstances (`as the governor said on
    Tuesday`, `as one aide put it in a memo`): no content of its own, which would make it a
    clause of time or comparison (`as she called for the amendment`, `as wealthy as he claims
    to be`)."""
    sentence, lexicon = site.sentence, site.lexicon
    for child in sentence.children(site.word.index):
        relation = child.deprel.split(":")[0]
        if child is phrase_end or relation in _CIRCUMSTANCES:
            continue
        if relation != "obl":
            return False
        case = next((c for c in sentence.children(child.index) if c.deprel == "case"), None)
        if (
            case is not None
            and case.text.lower() in lexicon.content_prepositions
            and child.text.lower() not in lexicon.time_words
        ):
            return False
    return True


# What an "as" clause that reports may hold besides its source: `as Ruiz had said, again`.
_CIRCUMSTANCES = frozenset({"nsubj", "mark", "case", "aux", "advmod", "punct", "cc"})


def stance_phrase(site: WordSite) -> list[ReportedContent] | None:
    """`raised questions about the audit`, `Lee's criticism of the deal`, `is a staunch
    opponent of the tax`, `has been critical of the mayor`: a stance noun or adjective with a
    content preposition attributes what follows to the holder of the view."""
    sentence, word, lexicon = site.sentence, site.word, site.lexicon
    if word.upos not in ("NOUN", "ADJ") or word.text.lower() not in lexicon.stance_words:
        return None
    # `raised questions about X` is often parsed with the phrase on the verb.
    owners = [word] + ([sentence.words[word.head]] if word.deprel == "obj" else [])
    topic = next(
        (
            c
            for owner in owners
            for c in sentence.children(owner.index)
            if c.start > word.start
            and c.deprel in ("nmod", "obl")
            and c.text.lower() not in lexicon.time_words  # `made the remarks on Tuesday`
            and _opened_by_content_preposition(sentence, c, lexicon, ("case",))
            and not _addressee(sentence, word, c, lexicon)  # `a warning for the area`
        ),
        None,
    )
    holder = _holder(sentence, word, lexicon) if topic is not None else None
    if topic is None or holder is None:
        return None
    words = [w for w in sentence.subtree(topic.index) if w.start >= _case_end(sentence, topic)]
    kept = trim_punct(words)
    if len(kept) < MIN_PHRASE_WORDS and not (len(kept) == 1 and kept[0].upos in ("PROPN", "NOUN")):
        return []
    return [ReportedContent(sentence, word, word, span_of(kept), Rule.STANCE_PHRASE, holder)]


# A clause's own subject: `that crime had doubled`, `that there had been ...`.
_OWN_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "expl"})


def possessive_claim(site: WordSite) -> list[ReportedContent] | None:
    """`Lind's claim that crime had doubled`, `his view that the deal is dead`: a noun of a
    claim or a view (`engine/data/claim_nouns.txt`) with a clause opened by "that" attributes
    the clause to the noun's possessor. Only the possessor holds it: in `rejected the claim
    that ...` the claim is someone else's."""
    sentence, word, lexicon = site.sentence, site.word, site.lexicon
    if word.upos != "NOUN" or word.lemma.lower() not in lexicon.claim_nouns:
        return None
    children = sentence.children(word.index)
    possessor = next((c for c in children if c.deprel == "nmod:poss"), None)
    clause = next(
        (
            c
            for c in children
            if c.start > word.start
            and c.deprel in ("acl", "acl:relcl", "ccomp")
            and any(
                g.deprel == "mark" and g.upos == "SCONJ" and g.text.lower() == "that"
                for g in sentence.children(c.index)
            )
            and any(g.deprel in _OWN_SUBJECTS for g in sentence.children(c.index))
        ),
        None,
    )
    if possessor is None or clause is None or not _is_source(sentence, possessor, lexicon):
        return None
    # `Lind's claim that crime had doubled was false`, parsed with "was false" inside the
    # clause: the predicate of the claim is no part of it.
    predicate = {
        w.index
        for c in sentence.children(clause.index)
        if c.deprel == "xcomp" and any(g.deprel == "cop" for g in sentence.children(c.index))
        for w in sentence.subtree(c.index)
    }
    # (trim_punct drops the "that" that opens it)
    kept = trim_punct([w for w in sentence.subtree(clause.index) if w.index not in predicate])
    if len(kept) < MIN_PHRASE_WORDS:
        return []
    return [ReportedContent(sentence, word, word, span_of(kept), Rule.POSSESSIVE_CLAIM, possessor)]


_QUESTION_OPENERS = frozenset({"why", "whether", "if", "how", "what", "when", "where", "who"})
# Verbs that link a subject to a belief adjective as a copula would: `remain hopeful that`.
_LINKING_VERBS = frozenset({"remain", "seem", "appear", "stay", "become", "feel", "sound"})


def belief_adjective(site: WordSite) -> list[ReportedContent] | None:
    """`The minister is confident that the rules will pass`, `Investors remain hopeful that
    ...`: an adjective of belief with a clause after it attributes the clause to the subject
    of its copula (or of the verb that links it)."""
    sentence, word, lexicon = site.sentence, site.word, site.lexicon
    if word.upos not in ("ADJ", "VERB") or word.text.lower() not in lexicon.belief_adjectives:
        return None
    clause = next(
        (
            c
            for c in sentence.children(word.index)
            if c.start > word.start
            and c.deprel in ("ccomp", "advcl")
            and any(g.deprel.startswith("nsubj") for g in sentence.children(c.index))
            # `not sure why ...`, `not sure whether ...`: a question, no belief
            and sentence.subtree(c.index)[0].text.lower() not in _QUESTION_OPENERS
        ),
        None,
    )
    holder = _believer(sentence, word, lexicon) if clause is not None else None
    if clause is None or holder is None:
        return None
    words = [
        w
        for w in sentence.subtree(clause.index)
        if not (w.deprel == "mark" and w.head == clause.index and w.start < clause.start)
    ]
    span = _content_span(_before_aside(words))
    if span is None:
        return []
    return [ReportedContent(sentence, word, word, span, Rule.BELIEF_ADJECTIVE, holder)]


def _believer(sentence: Sentence, adjective: Word, lexicon: Lexicon) -> Word | None:
    """The subject of the adjective's copula, or of the verb that links it (`remain`)."""
    owner = adjective
    if adjective.deprel == "xcomp" and adjective.head >= 0:
        verb = sentence.words[adjective.head]
        if verb.lemma.lower() not in _LINKING_VERBS:
            return None
        owner = verb
    elif not any(c.deprel in ("cop", "aux:pass", "aux") for c in sentence.children(owner.index)):
        return None
    subject = next(
        (c for c in sentence.children(owner.index) if c.deprel in ("nsubj", "nsubj:pass")), None
    )
    return subject if subject is not None and _is_source(sentence, subject, lexicon) else None


def _case_end(sentence: Sentence, phrase: Word) -> int:
    """Where the phrase starts once its opening preposition is left out."""
    cases = [
        g for g in sentence.children(phrase.index) if g.deprel == "case" and g.start < phrase.start
    ]
    return cases[0].end if cases else phrase.start


def _holder(sentence: Sentence, word: Word, lexicon: Lexicon) -> Word | None:
    """Who holds the view a stance word names: its possessor (`Lee's criticism`), the subject
    of the verb it is the object of (`Lee raised questions`), or the subject of its copula
    (`Lee is a critic`, `Lee has been critical`)."""
    children = sentence.children(word.index)
    possessor = next((c for c in children if c.deprel == "nmod:poss"), None)
    if possessor is not None:
        return possessor if _is_source(sentence, possessor, lexicon) else None
    if word.deprel == "obj" and word.head >= 0:
        verb = sentence.words[word.head]
        children = sentence.children(verb.index)
    elif not any(c.deprel == "cop" for c in children):
        return None
    subject = next((c for c in children if c.deprel in ("nsubj", "nsubj:pass")), None)
    if subject is None and word.deprel == "conj" and 0 <= word.head < word.index:
        # `Kovac, a member of the committee, has been a supporter of ...`, parsed with the
        # name as the root and the predicate as its conjunct: the name is the subject.
        head = sentence.words[word.head]
        subject = head if head.upos in ("PROPN", "NOUN", "PRON") else None
    if subject is None or not _is_source(sentence, subject, lexicon):
        return None
    return subject


_SOURCE_NAMED = frozenset(
    {Rule.IN_A_POLL, Rule.ACCORDING_TO, Rule.AS_X_SAID, Rule.BELIEF_ADJECTIVE}
)
_CLAUSE_FOUND = _SOURCE_NAMED | {Rule.REPORTED_CLAUSE}

# The constructions read at each word outside quotes, in this order.
CONTENT_RULES: tuple[ContentRule, ...] = (
    ContentRule(Rule.IN_A_POLL, in_a_poll),
    ContentRule(Rule.ACCORDING_TO, according_to, unless=frozenset({Rule.IN_A_POLL})),
    ContentRule(Rule.AS_X_SAID, as_phrase_before_cue, unless=_SOURCE_NAMED),
    ContentRule(Rule.BELIEF_ADJECTIVE, belief_adjective, unless=_SOURCE_NAMED),
    ContentRule(Rule.REPORTED_OTHER_VERB, clause_of_other_verb, unless=_SOURCE_NAMED),
    ContentRule(Rule.REPORTED_CLAUSE, complement_clause, unless=_SOURCE_NAMED),
    ContentRule(Rule.REPORTED_CLAUSE, clause_after_cue, unless=_CLAUSE_FOUND),
    ContentRule(Rule.REPORTED_INFINITIVE, reported_infinitive, unless=_CLAUSE_FOUND),
    ContentRule(
        Rule.REPORTED_OBJECT,
        reported_object,
        unless=_CLAUSE_FOUND | {Rule.REPORTED_INFINITIVE},
    ),
    ContentRule(
        Rule.REPORTED_OBLIQUE,
        reported_oblique,
        unless=_CLAUSE_FOUND | {Rule.REPORTED_INFINITIVE, Rule.REPORTED_OBJECT},
    ),
    ContentRule(
        Rule.REPORTED_PASSIVE,
        reported_passive,
        unless=_CLAUSE_FOUND | {Rule.REPORTED_INFINITIVE, Rule.REPORTED_OBJECT},
    ),
    ContentRule(Rule.REPORTED_PARATAXIS, reported_parataxis, unless=_SOURCE_NAMED),
    ContentRule(
        Rule.TRAILING_CUE,
        trailing_cue,
        unless=_SOURCE_NAMED | _CLAUSE_FOUND | {Rule.REPORTED_PARATAXIS},
    ),
    ContentRule(Rule.AS_X_SAID, as_x_said, unless=_CLAUSE_FOUND),
    ContentRule(Rule.STANCE_PHRASE, stance_phrase),
    ContentRule(Rule.POSSESSIVE_CLAIM, possessive_claim),
)


def read_word(site: WordSite) -> list[ReportedContent]:
    """Every attribution the rules of `CONTENT_RULES` read at one word, in the table's order."""
    found: list[ReportedContent] = []
    for rule in CONTENT_RULES:
        if site.present & rule.unless:
            continue
        reading = rule.read(site)
        if reading is not None:
            site.present.add(rule.rule)
            found.extend(reading)
    return found


def reported_contents(layout: Layout, lexicon: Lexicon) -> list[ReportedContent]:
    """Every reported-speech attribution of the document, outermost only."""
    found: list[ReportedContent] = []
    for sentence in layout.sentences:
        for word in sentence.words:
            if (
                not layout.inside_quote(word)
                and not _opens_according_source(sentence, word)
                and not _asked_of_speaker(sentence, word)
            ):
                found.extend(read_word(WordSite(sentence, word, layout, lexicon)))
        headline = name_colon(sentence, layout, lexicon)
        if headline is not None:
            found.append(headline)
    found = _joined_conjuncts(found, layout.doc.text)
    found = [_before_participle_cue(_before_question_asked(item), lexicon) for item in found]
    found = _without_trailing_reports(found, layout, lexicon)
    found = _without_circumstances_of_reporting_cues(found, lexicon)
    text = layout.doc.text
    return outermost(
        [
            item
            for item in found
            # `exit polling reported by CNN`, read back to "according to", is a source;
            # `Asked about the strike, ...`, `when asked about the timing`, the question.
            if not text.startswith("according to", item.content.start)
            and not _opens_with_asked(item)
            and not _introduces_words_after_colon(item, lexicon)
        ]
    )


def outermost(found: Sequence[ReportedContent]) -> list[ReportedContent]:
    """The attributions no other one's content holds, in text order, each with those it holds
    as `nested`."""
    # Outermost first: a cue reporting the whole clause before it (`..., a spokesman said`),
    # then the longest content.
    ordered = sorted(found, key=lambda r: (_reports_all_before(r), len(r.content)), reverse=True)
    kept: list[ReportedContent] = []
    for item in ordered:
        if any(
            _reports_all_before(other) and item.content.contains(other.cue.span) for other in kept
        ):
            # A content holding a trailing cue (`who spoke on condition of anonymity said on
            # Wednesday`, misparsed as what "spoke" reports) is no content.
            continue
        outer = next((n for n, o in enumerate(kept) if o.content.contains(item.cue.span)), None)
        if outer is None:
            kept.append(item)
        else:
            kept[outer] = replace(kept[outer], nested=(*kept[outer].nested, item))
    kept.sort(key=lambda r: r.content.start)
    return kept


def _without_circumstances_of_reporting_cues(
    found: list[ReportedContent], lexicon: Lexicon
) -> list[ReportedContent]:
    """`Japan's economy shrank, the government said Thursday, as weak spending offset ...`:
    a cue that reports the clause before it has no content after it that opens with when or
    why it was said (a time word, a comma, "as", "while", "because"): the parser's clause there
    is circumstance."""
    reporting = {
        item.cue.start
        for item in found
        if item.rule in (Rule.REPORTED_PARATAXIS, Rule.TRAILING_CUE)
        and item.content.end <= item.cue.start
    }
    return [
        item
        for item in found
        if item.cue.start not in reporting
        or item.content.start < item.cue.start
        or not _opens_with_circumstance(item, lexicon)
    ]


def _before_question_asked(item: ReportedContent) -> ReportedContent:
    """`Kovac said the port would reopen, when asked about the strike`: the question the
    words answered, which the parser hung on the content's verb, is when they were said, no
    part of them; the content ends before its comma."""
    sentence = item.sentence
    words = _content_words(item)
    for verb in words:
        if verb.lemma.lower() not in _QUESTIONING or any(
            c.base_deprel == "nsubj" for c in sentence.children(verb.index)
        ):
            continue
        opener = next(
            (
                c
                for c in sentence.children(verb.index)
                if c.deprel in ("advmod", "mark") and c.text.lower() in _QUESTION_TIMES
            ),
            None,
        )
        cut = None if opener is None else _before_trailing_clause(item, words, verb, opener, 1)
        if cut is not None:
            return cut
    return item


def _before_participle_cue(item: ReportedContent, lexicon: Lexicon) -> ReportedContent:
    """`Ruiz said he did not think the storm damaged the pier, arguing that ...`: a cue's
    participle set off by a comma, which the parser hung on the content's verb, is a second
    attribution of the same speaker (`participle continues speaker`), no part of the first;
    the content ends before its comma."""
    sentence = item.sentence
    words = _content_words(item)
    for participle in words:
        if (
            not is_participle(participle)
            or participle.text.lower().endswith("ed")
            or not lexicon.is_cue(participle.lemma)
            or any(c.base_deprel == "nsubj" for c in sentence.children(participle.index))
        ):
            continue  # (a subject of its own: the parser took the clause's for it)
        cut = _before_trailing_clause(item, words, participle, participle, MIN_PHRASE_WORDS)
        if cut is not None:
            return cut
    return item


def _before_trailing_clause(
    item: ReportedContent, words: list[Word], head: Word, opener: Word, least: int
) -> ReportedContent | None:
    """The content ending before the comma that sets off `head`'s clause, opened by `opener`,
    when that clause runs to the content's end and at least `least` words stay before it."""
    sentence = item.sentence
    if opener.index < 2 or sentence.words[opener.index - 1].text != ",":
        return None
    clause = [w for w in sentence.subtree(head.index) if w.upos != "PUNCT"]
    if not clause or clause[0].index != opener.index or clause[-1].end < item.content.end:
        return None
    kept = trim_punct([w for w in words if w.index < opener.index - 1])
    if len(kept) < least:
        return None
    return replace(item, content=Span(item.content.start, kept[-1].end))


def _content_words(item: ReportedContent) -> list[Word]:
    """The words of the sentence inside an attribution's content."""
    return [w for w in item.sentence.words if item.content.start <= w.start < item.content.end]


# Verbs of the question a source answers (`when asked about ...`, `when pressed on ...`), and
# the words that say it came first.
_QUESTIONING = frozenset({"ask", "question", "press"})
_QUESTION_TIMES = frozenset({"when", "after", "if", "as"})


def _opens_with_circumstance(item: ReportedContent, lexicon: Lexicon) -> bool:
    words = [w for w in item.sentence.words if w.start >= item.content.start]
    while words and (words[0].upos == "PUNCT" or words[0].text.lower() in lexicon.time_words):
        words = words[1:]
    return bool(words) and words[0].text.lower() in _CIRCUMSTANCE_OPENERS


_CIRCUMSTANCE_OPENERS = frozenset({"as", "while", "because", "since", "after", "when"})
# Subordinators of a clause that says when or why something was said, never what.
_CIRCUMSTANCE_MARKS = _CIRCUMSTANCE_OPENERS | {"before", "until", "although", "though"}


def _introduces_words_after_colon(item: ReportedContent, lexicon: Lexicon) -> bool:
    """A content that ends in a cue of its own right before a colon (`told MPs. Labour leader
    Keir Starmer replied: "..."`, with the sentences run together) introduces words of
    someone else: no content."""
    words = _content_words(item)
    if not words:
        return False
    last = words[-1]
    sentence = item.sentence
    following = sentence.words[last.index + 1] if last.index + 1 < len(sentence.words) else None
    inside = {w.index for w in words}
    return (
        following is not None
        and following.text == ":"
        and is_verb_cue(last, lexicon)
        and last.head not in inside  # the content's own verb, not `what they have long said`
    )


_ASKED_OPENERS = frozenset({"when", "if", "after", "once"})


def _asked_of_speaker(sentence: Sentence, word: Word) -> bool:
    """`Asked about the strike, Hale said`, `said when asked about the timing`: the question
    put to the speaker, by someone the article does not name; no attribution of the speaker's."""
    if word.text.lower() != "asked":
        return False
    before = sentence.words[word.index - 1] if word.index > 0 else None
    return before is None or before.upos == "PUNCT" or before.text.lower() in _ASKED_OPENERS


def _opens_with_asked(item: ReportedContent) -> bool:
    """The content opens with the question put to the speaker: `Asked about the strike,`,
    `when asked about the timing`."""
    words = [w for w in item.sentence.words if w.start >= item.content.start][:2]
    if words and words[0].text.lower() in _ASKED_OPENERS:
        words = words[1:]
    return bool(words) and words[0].text.lower() == "asked"


def _opens_according_source(sentence: Sentence, word: Word) -> bool:
    """The first word after "according to" names the source, never a cue of its own
    (`according to show insiders`, with "show" tagged a verb)."""
    return word.index >= 2 and is_according(sentence, sentence.words[word.index - 2]) is not None


def _reports_all_before(item: ReportedContent) -> bool:
    """A trailing cue reports the whole clause before it (`..., a spokesman announced`): it is
    the outermost attribution there, whatever cue that clause holds (`the campaign plans
    to ...`)."""
    return item.rule is Rule.TRAILING_CUE or (
        item.rule is Rule.REPORTED_PARATAXIS and item.source is not None
    )


_CONJUNCTIONS = ("and ", "but ", "or ")


def _joined_conjuncts(found: list[ReportedContent], text: str) -> list[ReportedContent]:
    """Content opening with "and" or "but" inside a sentence is the second half of something:
    of the content of the same cue right before it (`said the port would close, and that the
    ferries would stop`: one content), else of the sentence it stands in, whose first half the
    parser cut off (`Kovac's answer angered the board, and the meeting fell apart from there,
    said one source`): the content then runs from the sentence's start, or from after the cue
    when the cue comes first."""
    ordered = sorted(found, key=lambda r: r.content.start)
    joined: list[ReportedContent] = []
    for item in ordered:
        opening = text[item.content.start : item.content.end]
        first = next((w for w in item.sentence.words if w.upos != "PUNCT"), None)
        if not opening.startswith(_CONJUNCTIONS) or (
            first is not None and first.start >= item.content.start
        ):
            joined.append(item)  # `But the plan ...` opening the sentence is the writer's
            continue
        before = next((r for r in reversed(joined) if r.cue is item.cue), None)
        if before is not None and not text[before.content.end : item.content.start].strip(" ,;"):
            joined[joined.index(before)] = replace(
                before, content=Span(before.content.start, item.content.end)
            )
        elif first is not None and before is None:
            first = _first_conjunct_on_cue(item) or first
            joined.append(replace(item, content=Span(first.start, item.content.end)))
    return joined


def _first_conjunct_on_cue(item: ReportedContent) -> Word | None:
    """Where the first half of a content opening with "and" begins when its cue comes before
    it: right after the cue (past "that"), when the words between open with "that" or hold a
    verb (`He said that about 100 others were there and that ...`) or are the cue's object
    right before the "and" (`A retired judge says Mayor Tomas Ruiz and the city's
    lawyers should ...`, the first subject read as the cue's object); else None (`she said
    several months later, and ...`: no first half after the cue)."""
    sentence = item.sentence
    between = [
        w
        for w in sentence.words
        if item.cue_end.end < w.start < item.content.start and w.upos != "PUNCT"
    ]
    if not between:
        return None
    object_before = any(
        c.deprel in ("obj", "iobj")
        and sentence.subtree(c.index)[-1].index == between[-1].index
        and sentence.words[between[-1].index + 1].start == item.content.start
        for c in sentence.children(item.cue.index)
    )
    opens_clause = between[0].text.lower() == "that" or any(
        w.upos in ("VERB", "AUX") for w in between
    )
    if not object_before and not opens_clause:
        return None
    if between[0].text.lower() == "that" and len(between) > 1:
        return between[1]
    return between[0]


def name_colon(sentence: Sentence, layout: Layout, lexicon: Lexicon) -> ReportedContent | None:
    """`Senator Ana Kovac: The Bridge Must Be Rebuilt` (a headline): the name before the colon
    is the source of what follows it; not a topic label (`Storm Bert: ...`, `Ukraine war:
    ...`, `headline_topics.txt`). Read once per sentence, after its words."""
    colon = next((w for w in sentence.words[1 : MAX_COLON_SOURCE_WORDS + 1] if w.text == ":"), None)
    if colon is None:
        return None
    before = sentence.words[: colon.index]
    if (
        any(w.upos in ("VERB", "AUX") for w in before)
        or any(layout.inside_quote(w) for w in before)
        or any(w.text.lower().rstrip(".") in lexicon.headline_topics for w in before)
    ):
        return None
    # `Q: Will you stand again?`: an interview's one-letter labels name nobody.
    names = [w for w in before if w.upos == "PROPN" and len(w.text.rstrip(".")) > 1]
    if not names:
        return None
    source = names[-1]
    while (
        source.head >= 0
        and source.head < colon.index
        and source.deprel in ("flat", "compound", "flat:name")
    ):
        source = sentence.words[source.head]
    span = _content_span(list(sentence.words[colon.index + 1 :]))
    if span is None and _name_before_colon(before):
        span = _next_in_line(sentence, layout)
    if span is None:
        return None
    return ReportedContent(sentence, colon, colon, span, Rule.NAME_COLON, source)


def _name_before_colon(before: Sequence[Word]) -> bool:
    """A bare name (with its title), or a name and to whom, on what or where it speaks (`Holm
    to voters`, `Kovac on the harbour`), before the colon: not a phrase about someone
    (`Another problem for Ruiz:`)."""
    cut = next((w.index for w in before if w.text.lower() in _COLON_LINKS), len(before))
    return bool(before[:cut]) and all(w.upos == "PROPN" for w in before[:cut])


# Prepositions between a headline's speaker and the colon: `Holm to voters:`, `Kovac on ...:`.
_COLON_LINKS = frozenset({"to", "on", "at", "in"})


def _next_in_line(sentence: Sentence, layout: Layout) -> Span | None:
    """`Holm to voters: Trust me on the harbour`, which the tokenizer splits at the colon: the
    sentence after it in the same paragraph (a headline's line) is what follows the colon."""
    index = layout.sentences.index(sentence)
    if index + 1 >= len(layout.sentences):
        return None
    following = layout.sentences[index + 1]
    words = [w for w in following.words if w.upos != "PUNCT"]
    if following.paragraph != sentence.paragraph or len(words) > _HEADLINE_WORDS:
        return None  # a long sentence is the body after a label, not the line it ends
    return _content_span(list(following.words))


# The most words of a headline's line after a name and its colon.
_HEADLINE_WORDS = 20


def _reports_clause(word: Word, sentence: Sentence, lexicon: Lexicon) -> bool:
    """A cue with a clause of its own: a parataxis cue hanging on it comments on that
    attribution ("He claimed that ... — a claim the alliance rejected") instead of reporting."""
    return is_verb_cue(word, lexicon) and any(
        c.deprel == "ccomp" for c in sentence.children(word.index)
    )


_INHERITING_RELATIONS = frozenset({"conj", "advcl", "xcomp"})


def _has_source_subject(sentence: Sentence, cue: Word, lexicon: Lexicon) -> bool:
    """The cue's subject is a person, group or organisation: a name, a personal pronoun, or a
    noun the lexicon knows as a title, group, organisation or document. A verb without a subject
    of its own shares its head's: conjoined ("officials pointed at ... and warned about ..."),
    adverbial or infinitival ("became the first to endorse ..."); a participle or relative
    clause on a noun ("a group backing ...", "a poll that shows ...") has that noun."""
    verb: Word | None = cue
    seen: set[int] = set()
    while verb is not None and verb.index not in seen:
        seen.add(verb.index)
        subjects = [c for c in sentence.children(verb.index) if c.deprel in ("nsubj", "nsubj:pass")]
        relative = verb.deprel in ("acl", "acl:relcl") and verb.head >= 0
        if relative and all(s.text.lower() in lexicon.pronouns.relative_subjects for s in subjects):
            return _is_source(sentence, sentence.words[verb.head], lexicon)
        if subjects:
            return any(_is_source(sentence, subject, lexicon) for subject in subjects)
        inherits = verb.deprel in _INHERITING_RELATIONS and verb.head >= 0
        verb = sentence.words[verb.head] if inherits else None
    return False


def _is_source(sentence: Sentence, subject: Word, lexicon: Lexicon, *, part: bool = True) -> bool:
    """A person, group, organisation or document; or a part of one (`A majority of voters`,
    `Many of his supporters`, `One of the doctors`)."""
    if subject.upos == "PROPN":
        return True
    if subject.upos == "PRON" and subject.text.lower() in lexicon.pronouns.sources:
        return True
    lemma = subject.lemma.lower()
    if lemma in lexicon.titles or lemma in lexicon.organization_heads:
        return True
    if subject.text.lower() in lexicon.group_nouns or subject.text.lower() in lexicon.artefacts:
        return True
    if subject.upos == "NOUN" and _people_by_role(subject, lexicon):
        return True  # `Campaigners welcomed the ruling`, `The nurse criticized the plan`
    children = sentence.children(subject.index)
    if any(w.upos == "PROPN" for w in children):
        return True
    return part and any(
        child.deprel == "nmod"
        and any(
            c.deprel == "case" and c.text.lower() == "of" for c in sentence.children(child.index)
        )
        and _is_source(sentence, child, lexicon, part=False)
        for child in children
    )


def _people_by_role(noun: Word, lexicon: Lexicon) -> bool:
    """A noun of a role or occupation, singular or plural (the tagger leaves a capitalised
    plural unlemmatised: `Campaigners`)."""
    lowered = noun.lemma.lower()
    return lexicon.is_role_word(lowered) or (
        lowered.endswith("s") and lexicon.is_role_word(lowered[:-1])
    )


def _fronted_subject(sentence: Sentence, cue: Word, clause: Word) -> Word | None:
    """`The plan, Kovac said, was never funded`: the parser hangs "plan" on the cue as a second
    subject; it is the subject of the reported clause that follows the cue."""
    if clause.start < cue.start or any(
        c.deprel in ("nsubj", "nsubj:pass") for c in sentence.children(clause.index)
    ):
        return None  # the clause has its own subject: `A critic of the plan, Lee said it ...`
    subjects = [c for c in sentence.children(cue.index) if c.deprel in ("nsubj", "nsubj:pass")]
    before = [c for c in subjects if c.start < cue.start]
    if len(before) < 2:
        return None
    farthest = min(before, key=lambda c: c.index)
    between = sentence.words[farthest.index + 1 : cue.index]
    return farthest if any(w.text == "," for w in between) else None


def _is_clause(sentence: Sentence, head: Word, lexicon: Lexicon) -> bool:
    """A verb, or a predicate noun/adjective with a subject or copula: not a stray noun phrase,
    and not a relative clause the parser took for a complement (`X, who heads the union,`)."""
    words = [w for w in sentence.subtree(head.index) if w.upos != "PUNCT"]
    if words and words[0].text.lower() in lexicon.pronouns.relative_openers:
        return False
    if head.upos in ("VERB", "AUX"):
        return True
    return any(c.deprel.startswith(("nsubj", "cop")) for c in sentence.children(head.index))


def _holds_a_verb(sentence: Sentence, head: Word, lexicon: Lexicon) -> bool:
    """A complement after its cue headed by a noun or a symbol the parser promoted (`said the
    brothers collected $12 million`, `fear that the bill ... could land`): a clause when its words
    hold a verb, and it is no relative clause."""
    words = [w for w in sentence.subtree(head.index) if w.upos != "PUNCT"]
    if not words or words[0].text.lower() in lexicon.pronouns.relative_openers:
        return False
    if words[0].text.lower() == "that":
        return True
    # A verb of a relative clause makes no clause of the phrase: `a senior official with the
    # board that oversees them` is a person.
    return any(
        w.upos in ("VERB", "AUX") and not _in_relative_clause(sentence, w, head) for w in words
    )


def _in_relative_clause(sentence: Sentence, word: Word, top: Word) -> bool:
    current = word
    while current is not top and current.head >= 0:
        if current.deprel.startswith("acl"):
            return True
        current = sentence.words[current.head]
    return False


def _clause_after_cue(sentence: Sentence, cue: Word) -> Span | None:
    """`X reported the leader told him ...` parsed with `told` conjoined to an earlier verb.

    The small parser often hangs a bare reported clause on the verb before the cue. When the
    words right after the cue are the subject of a verb whose head lies before the cue, that
    verb's subtree (from the cue onwards) is the reported clause.
    """
    if cue.index + 1 >= len(sentence.words) or any(
        c.deprel == "xcomp" for c in sentence.children(cue.index)
    ):
        return None
    following = sentence.words[cue.index + 1]
    subject = following
    while (
        subject.deprel in ("det", "amod", "compound", "nmod:poss") and subject.head > subject.index
    ):
        subject = sentence.words[subject.head]
    if subject.deprel == "obj" and subject.head == cue.index:
        # `X cited reports from the precincts showed ...`: the object is the subject of a verb
        # the parser conjoined to the cue; that verb must have no subject of its own.
        verb = next(
            (
                c
                for c in sentence.children(cue.index)
                if c.deprel in ("conj", "parataxis")
                and c.start > subject.start
                and c.upos == "VERB"
                and not any(g.deprel.startswith("nsubj") for g in sentence.children(c.index))
                and not any(g.deprel == "cc" for g in sentence.children(c.index))
            ),
            None,
        )
        if verb is None:
            return None
        words = [w for w in sentence.words if following.start <= w.start and w.end <= verb.end]
        words += [w for w in sentence.subtree(verb.index) if w.start > verb.start]
        return _content_span(words)
    if any(c.deprel == "obj" for c in sentence.children(cue.index)):
        return None
    if not subject.deprel.startswith("nsubj") or subject.head <= cue.index:
        return None
    verb = sentence.words[subject.head]
    if verb.head < 0 or verb.head >= cue.index or verb.deprel not in ("conj", "parataxis"):
        return None
    words = [w for w in sentence.subtree(verb.index) if w.start >= following.start]
    return _content_span(words)
