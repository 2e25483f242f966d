"""engine.content: reported speech — the clause a cue attributes, without quotation marks.

`The governor said (that) the budget would pass`: the content is the cue's `ccomp` subtree.
`The budget will pass, the governor said`: the cue hangs on the host clause as `parataxis`, and
the content is the host clause without the cue's own subtree. `..., according to two officials`:
the content is the clause the `according to` phrase modifies. A cue inside another attribution's
content is nested: only the outermost attribution is kept (the PolNeAR convention). Content that
overlaps a quotation is left to the caller, which gives it to the quotation's attribution.
"""

from __future__ import annotations

from dataclasses import dataclass

from quoteattr_server.engine.cues import is_according, is_verb_cue
from quoteattr_server.engine.layout import Layout, span_of, trim_punct
from quoteattr_server.engine.lexicon import Lexicon
from quoteattr_server.engine.types import Sentence, Span, Word

REPORTED_CLAUSE = "reported clause"
REPORTED_PARATAXIS = "reported parataxis"
REPORTED_INFINITIVE = "reported infinitive"
REPORTED_OBJECT = "reported object"
REPORTED_OBLIQUE = "reported oblique"
REPORTED_OTHER_VERB = "reported clause of other verb"
ACCORDING_TO = "according to X"
IN_ARTEFACT = "in a poll"
NAME_COLON = "name colon"
MAX_COLON_SOURCE_WORDS = 5

MIN_CONTENT_WORDS = 3
MIN_PHRASE_WORDS = 2


@dataclass(frozen=True, slots=True)
class ReportedContent:
    sentence: Sentence
    cue: Word
    cue_end: Word  # last word of a multi-word cue ("according to"); the cue itself otherwise
    content: Span
    rule: str
    source: Word | None = None  # set when the construction names the source ("according to X")


def _content_span(words: list[Word], layout: Layout) -> Span | None:
    kept = trim_punct(words)
    if len([w for w in kept if w.upos != "PUNCT"]) < MIN_CONTENT_WORDS:
        return None
    return span_of(kept)


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


def reported_contents(layout: Layout, lexicon: Lexicon) -> list[ReportedContent]:
    """Every reported-speech attribution of the document, outermost only."""
    found: list[ReportedContent] = []
    for sentence in layout.sentences:
        for word in sentence.words:
            if layout.inside_quote(word):
                continue
            found.extend(_at_word(sentence, word, layout, lexicon))
        headline = _name_colon(sentence, layout)
        if headline is not None:
            found.append(headline)
    found.sort(key=lambda r: len(r.content), reverse=True)
    kept: list[ReportedContent] = []
    for item in found:
        if any(other.content.contains(item.cue.span) for other in kept):
            continue
        kept.append(item)
    kept.sort(key=lambda r: r.content.start)
    return kept


def _at_word(
    sentence: Sentence, word: Word, layout: Layout, lexicon: Lexicon
) -> list[ReportedContent]:
    results: list[ReportedContent] = []
    artefact = _in_artefact(sentence, word, layout, lexicon)
    if artefact is not None:
        return [artefact]
    to = is_according(sentence, word)
    if to is not None:
        source = sentence.words[word.head] if word.head >= 0 else None
        if source is not None and source.lemma.lower() not in lexicon.not_sources:
            host = sentence.words[source.head] if source.head >= 0 else None
            if host is not None:
                cut = {w.index for w in sentence.subtree(source.index)}
                words = [w for w in sentence.subtree(host.index) if w.index not in cut]
                span = _content_span(_contiguous(words, sentence), layout)
                if span is not None:
                    results.append(ReportedContent(sentence, word, to, span, ACCORDING_TO, source))
        return results
    if not is_verb_cue(word, lexicon):
        if word.upos == "VERB" and _has_source_subject(sentence, word, lexicon):
            # Outside the lexicon, a verb whose subject names a source and whose complement
            # is a full clause still attributes it ("the senator conceded the bill is dead").
            for child in sentence.children(word.index):
                if (
                    child.deprel == "ccomp"
                    and child.start > word.start
                    and _is_clause(sentence, child)
                ):
                    span = _content_span(sentence.subtree(child.index), layout)
                    if span is not None:
                        results.append(
                            ReportedContent(sentence, word, word, span, REPORTED_OTHER_VERB)
                        )
        return results
    clauses = [
        c for c in sentence.children(word.index) if c.deprel == "ccomp" and _is_clause(sentence, c)
    ]
    if any(c.start > word.start for c in clauses):
        # A cue with clauses on both sides ("In a statement released Monday, X said she ...")
        # reports the one after it; the one before is a misattached adverbial.
        clauses = [c for c in clauses if c.start > word.start]
    for child in clauses:
        words = sentence.subtree(child.index)
        fronted = _fronted_subject(sentence, word, child)
        if fronted is not None:
            words = sentence.subtree(fronted.index) + words
        span = _content_span(words, layout)
        if span is not None:
            results.append(ReportedContent(sentence, word, word, span, REPORTED_CLAUSE))
    if not clauses:
        repaired = _clause_after_cue(sentence, word, layout)
        if repaired is not None:
            results.append(ReportedContent(sentence, word, word, repaired, REPORTED_CLAUSE))
        else:
            results.extend(_phrase_content(sentence, word, layout, lexicon))
    host = sentence.words[word.head] if word.head >= 0 else None
    if (
        word.deprel == "parataxis"
        and host is not None
        and not _reports_clause(host, sentence, lexicon)
    ):
        cut = {w.index for w in sentence.subtree(word.index)}
        words = [w for w in sentence.subtree(host.index) if w.index not in cut]
        span = _content_span(_contiguous(words, sentence), layout)
        if span is not None:
            results.append(ReportedContent(sentence, word, word, span, REPORTED_PARATAXIS))
    return results


def _in_artefact(
    sentence: Sentence, word: Word, layout: Layout, lexicon: Lexicon
) -> ReportedContent | None:
    """`In a new survey, 71 percent of voters approved`: the poll, report or study the clause
    is found in is its source, as with "according to"; not when a verb of its own reports the
    clause ("In a statement, Kovac said ...")."""
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
    cut = {w.index for w in sentence.subtree(word.index)}
    words = [w for w in sentence.subtree(host.index) if w.index not in cut]
    span = _content_span(_contiguous(words, sentence), layout)
    if span is None:
        return None
    return ReportedContent(sentence, case[0], case[0], span, IN_ARTEFACT, word)


def _name_colon(sentence: Sentence, layout: Layout) -> ReportedContent | None:
    """`Senator Ana Kovac: The Bridge Must Be Rebuilt` (a headline): the name before the colon
    is the source of what follows it."""
    colon = next((w for w in sentence.words[1 : MAX_COLON_SOURCE_WORDS + 1] if w.text == ":"), None)
    if colon is None:
        return None
    before = sentence.words[: colon.index]
    if any(w.upos in ("VERB", "AUX") for w in before) or any(
        layout.inside_quote(w) for w in before
    ):
        return None
    names = [w for w in before if w.upos == "PROPN"]
    if not names:
        return None
    source = names[-1]
    while (
        source.head >= 0
        and source.head < colon.index
        and source.deprel in ("flat", "compound", "flat:name")
    ):
        source = sentence.words[source.head]
    span = _content_span(list(sentence.words[colon.index + 1 :]), layout)
    if span is None:
        return None
    return ReportedContent(sentence, colon, colon, span, NAME_COLON, source)


def _reports_clause(word: Word, sentence: Sentence, lexicon: Lexicon) -> bool:
    """A cue with a clause of its own: a parataxis cue hanging on it comments on that
    attribution ("He claimed that ... — a claim the alliance rejected") instead of reporting."""
    return is_verb_cue(word, lexicon) and any(
        c.deprel == "ccomp" for c in sentence.children(word.index)
    )


def _phrase_content(
    sentence: Sentence, cue: Word, layout: Layout, lexicon: Lexicon
) -> list[ReportedContent]:
    """Content that is not a clause: `urged lawmakers to act` (infinitive), `criticized the
    deal` (object), `warned about the risks` (oblique). Only for a cue whose subject names a
    source, so that "the storm destroyed the pier" is not read as an attribution."""
    children = [c for c in sentence.children(cue.index) if c.start > cue.start]
    if not lexicon.takes_direct_quote(cue.lemma) and not _has_source_subject(
        sentence, cue, lexicon
    ):
        return []  # speech verbs report whatever their subject; other cues need a source
    lemma = cue.lemma
    obj = next((c for c in children if c.deprel == "obj"), None)
    infinitive = next((c for c in children if c.deprel == "xcomp" and c.upos == "VERB"), None)
    words: list[Word] = []
    rule = ""
    if infinitive is not None and lexicon.takes_content(lemma, "infinitive"):
        words = sentence.subtree(infinitive.index)
        if obj is not None and obj.start < infinitive.start:
            words = sentence.subtree(obj.index) + words
        rule = REPORTED_INFINITIVE
    elif obj is not None and lexicon.takes_content(lemma, "object"):
        words, rule = sentence.subtree(obj.index), REPORTED_OBJECT
    else:
        oblique = next(
            (
                c
                for c in children
                if c.deprel == "obl"
                and c.text.lower() not in lexicon.time_words
                and any(
                    g.deprel == "case" and g.text.lower() in lexicon.content_prepositions
                    for g in sentence.children(c.index)
                )
            ),
            None,
        )
        if oblique is not None and lexicon.takes_content(lemma, "oblique"):
            words, rule = sentence.subtree(oblique.index), REPORTED_OBLIQUE
    kept = trim_punct(words)
    if len(kept) < MIN_PHRASE_WORDS and not (len(kept) == 1 and kept[0].upos in ("PROPN", "NOUN")):
        return []  # a bare pronoun ("said it"); a name or noun alone ("endorsed Kovac") counts
    return [ReportedContent(sentence, cue, cue, span_of(kept), rule)]


_SOURCE_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "who"})


_INHERITING_RELATIONS = frozenset({"conj", "advcl", "xcomp"})
_RELATIVE_PRONOUNS = frozenset({"that", "which", "who"})


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
        if relative and all(s.text.lower() in _RELATIVE_PRONOUNS for s in subjects):
            return _is_source(sentence, sentence.words[verb.head], lexicon)
        if subjects:
            return any(_is_source(sentence, subject, lexicon) for subject in subjects)
        inherits = verb.deprel in _INHERITING_RELATIONS and verb.head >= 0
        verb = sentence.words[verb.head] if inherits else None
    return False


def _is_source(sentence: Sentence, subject: Word, lexicon: Lexicon) -> bool:
    if subject.upos == "PROPN":
        return True
    if subject.upos == "PRON":
        return subject.text.lower() in _SOURCE_PRONOUNS
    lemma = subject.lemma.lower()
    if lemma in lexicon.titles or lemma in lexicon.organization_heads:
        return True
    if subject.text.lower() in lexicon.group_nouns or subject.text.lower() in lexicon.artefacts:
        return True
    return any(w.upos == "PROPN" for w in sentence.children(subject.index))


def _fronted_subject(sentence: Sentence, cue: Word, clause: Word) -> Word | None:
    """`The plan, Kovac said, was never funded`: the parser hangs "plan" on the cue as a second
    subject; it is the subject of the reported clause that follows the cue."""
    if clause.start < cue.start:
        return None
    subjects = [c for c in sentence.children(cue.index) if c.deprel in ("nsubj", "nsubj:pass")]
    before = [c for c in subjects if c.start < cue.start]
    if len(before) < 2:
        return None
    farthest = min(before, key=lambda c: c.index)
    between = sentence.words[farthest.index + 1 : cue.index]
    return farthest if any(w.text == "," for w in between) else None


_RELATIVE_OPENERS = frozenset({"who", "which", "whom", "whose"})


def _is_clause(sentence: Sentence, head: Word) -> bool:
    """A verb, or a predicate noun/adjective with a subject or copula: not a stray noun phrase,
    and not a relative clause the parser took for a complement (`X, who heads the union,`)."""
    words = [w for w in sentence.subtree(head.index) if w.upos != "PUNCT"]
    if words and words[0].text.lower() in _RELATIVE_OPENERS:
        return False
    if head.upos in ("VERB", "AUX"):
        return True
    return any(c.deprel.startswith(("nsubj", "cop")) for c in sentence.children(head.index))


def _clause_after_cue(sentence: Sentence, cue: Word, layout: Layout) -> Span | None:
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
        return _content_span(words, layout)
    if any(c.deprel == "obj" for c in sentence.children(cue.index)):
        return None
    if not subject.deprel.startswith("nsubj") or subject.head <= cue.index:
        return None
    verb = sentence.words[subject.head]
    if verb.head < 0 or verb.head >= cue.index or verb.deprel not in ("conj", "parataxis"):
        return None
    words = [w for w in sentence.subtree(verb.index) if w.start >= following.start]
    return _content_span(words, layout)
