"""engine.subject_repairs: subjects the parser lost, found again before any rule reads the parse.

Misparses of news sentences take the speaker from a cue, or what it says of them:
- a main verb hung inside its subject's own description: "Jim Harper, 67, a retired postman who
  has lived on the street for 40 years, disagreed." is read with the name as the root of a
  sentence with no verb and "disagreed" on "years", so the name is no subject and the next "he
  said" goes to someone named before; also with no comma, right after a relative clause: "A
  woman who lives nearby said ..." hangs "said" on "woman" as a second relative clause;
- a subordinator read as a preposition or a noun's mark: in "..., though a court in 2019 found
  the contract was unlawful" the court is an oblique of "found", which borrows the subject of
  the clause before ("..., while Israel's prime minister, X, said" likewise; also "after",
  "before", "until", "since" and "once" before a noun and a finite verb of speech);
- a time phrase read as the subject's head: "Police late Monday said", "The company this year
  warned" hang the speaker, or its article, on the time word;
- a fronted adverbial clause given the main clause's subject: in "As unlikely as it sounds,
  Mrs. Varga said ..." the name is a second subject of "sounds"; and an opening participle
  read as the main verb: in "Asked about the report, the minister was defiant." the clause
  is the complement of "Asked", and the minister no sentence's subject;
- an adjective after the subject noun read as a second subject: "An aide close to the prime
  minister told ..." was spoken by "close" (or as the noun's predicate, hung on the verb:
  "A source close to the prime minister, who asked not to be named, said ...");
- a name after an opening participle's clause read as a conjunct of a name inside it:
  "Speaking alongside Finance Minister Ana Kovac, Tomas Ruiz said ..." was spoken by Kovac;
- a noun cut from the verb after its relative clause: in "..., one diplomat, who asked not to
  be named, told Reuters." "told" has no subject (or the diplomat is a second subject of
  "asked", or "told" a conjunct inside the clause), so "asked" seemed the cue;
- a trailing source read as an object of the content's verb: in "The strike will go ahead,
  union leader Mick Lynch told the BBC, adding ..." "told" is a conjunct of "go" with no
  subject, so the participle after it borrowed "The strike"; also "executive" of "..., said
  its chief executive." tagged an adjective and read as the clause of "said";
- a relative clause after the subject hung on the cue after it: in "Carlos Mendes, who chairs
  the water board, said ..." "chairs" is the complement of "said", so nothing says what
  Mendes is (and one ending a trailing cue's content: "..., where he later died, police
  said", or hung on the verb after it: "According to Lindqvist, who chairs the committee, the
  vote will be held") (also after a party tag, "Sen. Ana Kovac (D-Ohio), who ...", or on an
  apposition's noun, "Tomas Ruiz, a former pilot who is a critic of the mayor, suggests");
  and the mirror of it, the clause said hung on the noun of a relative cue: in "... an
  architect who said he was never paid" "paid" is a second relative clause of "architect",
  and "said" reports nothing;
- a clause's subject read as the cue's object: in "... and reported the Croatian leader told
  him ..." "told" is a conjunct with no subject, and "the Croatian leader" was what was
  reported ("Data ... showed inflation fell": "fell" the complement); also "acting" before
  a title read as a participle with the title its object ("said acting Prime Minister Jonas
  Berg": nobody spoke), the one told tagged a verb
  ("The minister told reporters the deal was dead": "reporters" was what was told), and a
  participle after the subject read as its verb ("Two people briefed on the talks said ...":
  "said" had no subject; "A UN report published on Tuesday warned that ...": "warned" was
  what was published), or as an adjective of the noun after it ("A union representing
  flight attendants endorsed ...": "attendants" was a second subject);
- a share of respondents read apart from its "say": in "Thirty-one percent of those surveyed
  say they ..." the number is the root and "say" a clause of it, in "Nearly a third say ..."
  "say" is a noun, and no one said anything;
- a reported clause's predicate read as an adverb of the cue: in "... wrote in a note that a
  recession was unlikely" "unlikely" modifies "wrote", which reported nothing; and a clause
  read as a relative one on the document the cue names: "... wrote in a report that rates
  would stay high"; and a show's title read as a clause of its owner: "told Harbour TV's
  "Meet the Mayor" that the state would sue" reported the title with the clause.
Each repair changes the arcs of the words concerned only (and the tag of a word the tagger
misread: "executive", "acting", "reporters", "briefed", "published"); text and offsets stay
as written.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable

from quoteattr_server.engine.hyphens import each_sentence_repaired, with_arcs
from quoteattr_server.engine.lexicon import Lexicon
from quoteattr_server.engine.marks import QUOTE_MARK_WORDS
from quoteattr_server.engine.roles import POSSESSIVE_S
from quoteattr_server.engine.types import ParsedDoc, Sentence, Word

# Relations the stranded verb is given on a word of the description before it.
_STRANDED_AS = frozenset({"acl", "advcl", "conj", "parataxis", "acl:relcl", "xcomp"})
# What marks a verb as a clause of its own (`..., saying`, `..., when it closed`).
_OWN_CLAUSE = frozenset({"nsubj", "nsubj:pass", "csubj", "mark", "expl"})


# Subordinators the tagger reads as prepositions before a noun; never prepositions in news.
_SUBORDINATORS = frozenset({"though", "although", "whereas", "while"})
# Words of time that are prepositions too: subordinators only before a noun and a finite verb
# of speech (`after the carmaker's finance chief, Lena Okafor, warned ...`).
_TIME_SUBORDINATORS = frozenset({"after", "before", "until", "since", "once"})
# Words that may stand between a subject and the time phrase after it: `the bank last month`.
_TIME_MODIFIERS = frozenset({"last", "this", "next", "late", "early", "earlier", "on", "that"})


def subjects_repaired(doc: ParsedDoc, lexicon: Lexicon) -> ParsedDoc:
    """`doc` with the misparses above mended."""

    def repaired(sentence: Sentence) -> Sentence:
        for repair in _REPAIRS:
            sentence = repair(sentence, lexicon)
        return sentence

    return each_sentence_repaired(doc, repaired)


def _adjective_on_subject(sentence: Sentence) -> Sentence:
    """`An aide close to the prime minister told ...`: an adjective right after the subject
    noun, which the parser made a second subject of the verb, is the noun's (its phrase, `close
    to the prime minister`, describes the aide), so the aide speaks, not "close"."""
    words = sentence.words
    for adjective in words[1:]:
        noun = words[adjective.index - 1]
        if (
            adjective.upos == "ADJ"
            and adjective.base_deprel == "nsubj"
            and noun.upos == "NOUN"
            and noun.base_deprel == "nsubj"
            and noun.head == adjective.head
        ):
            return with_arcs(sentence, {adjective.index: (noun.index, "amod")})
        verb = _verb_of_predicate_adjective(sentence, noun, adjective)
        if verb is not None:
            # `A source close to the prime minister, who asked not to be named, said ...`,
            # read as "the source [is] close ..." and the cue's complement.
            arcs: dict[int, tuple[int, str | None]] = {
                noun.index: (verb.index, "nsubj"),
                adjective.index: (noun.index, "amod"),
            }
            return with_arcs(sentence, arcs)
    return sentence


def _verb_of_predicate_adjective(sentence: Sentence, noun: Word, adjective: Word) -> Word | None:
    """The verb after an adjective the parser made a predicate, with the noun right before it
    for subject and no copula, and hung on that verb, which has no subject of its own."""
    if (
        adjective.upos != "ADJ"
        or adjective.deprel not in ("ccomp", "parataxis", "advcl")
        or adjective.head < adjective.index
        or noun.upos != "NOUN"
        or (noun.head, noun.base_deprel) != (adjective.index, "nsubj")
        or any(c.deprel == "cop" for c in sentence.children(adjective.index))
    ):
        return None
    verb = sentence.words[adjective.head]
    if verb.upos != "VERB" or any(c.base_deprel == "nsubj" for c in sentence.children(verb.index)):
        return None
    return verb


def _main_subject_returned(sentence: Sentence) -> Sentence:
    """`When the floods came, Amina Yusuf was at the market`, `As unlikely as it sounds,
    Mrs. Varga said ...`: a second subject of a fronted adverbial clause, after the comma that
    ends the clause and before the main verb, which has none, is the main verb's."""
    words = sentence.words
    for clause in words:
        if clause.deprel != "advcl" or clause.head < clause.index:
            continue
        main = words[clause.head]
        subjects = [c for c in sentence.children(clause.index) if c.base_deprel == "nsubj"]
        late = [
            s
            for s in subjects
            if clause.index < s.index < main.index
            and any(w.text == "," for w in words[clause.index : s.index])
        ]
        if len(subjects) < 2 or not late:
            continue
        if any(c.base_deprel == "nsubj" for c in sentence.children(main.index)):
            continue
        return with_arcs(sentence, {late[0].index: (main.index, None)})
    return sentence


def _restored(sentence: Sentence) -> Sentence:
    words = sentence.words
    root = next((w for w in words if w.head < 0), None)
    if root is None or root.upos not in ("PROPN", "NOUN"):
        return sentence
    verb = _stranded_verb(sentence, root)
    if verb is None:
        return sentence
    arcs: dict[int, tuple[int, str | None]] = {
        verb.index: (-1, "root"),
        root.index: (verb.index, "nsubj"),
    }
    if words[0].deprel == "cc":
        # `But Jim Harper ... disagreed`: the conjunction opens the clause, not the name.
        arcs[0] = (verb.index, None)
    return with_arcs(sentence, arcs)


def _stranded_verb(sentence: Sentence, root: Word) -> Word | None:
    """A verb after a comma that ends the sentence with its own words only, hangs inside a
    relative clause of the root's description, and has no subject or opener of its own; only
    when the root, a name or noun with no subject or copula of its own, is set off by an
    apposition or relative clause. Without the comma, the verb right after a relative clause
    in the root's phrase (`A woman who lives nearby said ...`)."""
    children = sentence.children(root.index)
    if any(c.deprel in _OWN_CLAUSE or c.deprel in ("cop", "aux") for c in children):
        return None  # `We were in a square where ...`: a clause of its own
    relative = _relative_in_phrase(sentence, root)
    if relative is None:
        return None
    words = sentence.words
    after_commas = [words[w.index + 1] for w in words[:-1] if w.text == ","]
    if any(c.deprel in ("appos", "acl:relcl") for c in children):
        verb = next((v for v in after_commas if _strands(sentence, root, v)), None)
        if verb is not None:
            return verb
    return next(
        (v for v in words[relative.index + 1 :] if _ends_after_relative(sentence, root, v)), None
    )


def _relative_in_phrase(sentence: Sentence, root: Word) -> Word | None:
    """The first relative clause with a relative pronoun for subject on the root or a noun of
    its phrase (`The family of a teenager who drowned ...`)."""
    for word in sentence.words:
        if word.deprel != "acl:relcl" or not any(
            c.deprel.startswith("nsubj") and "PronType=Rel" in c.feats
            for c in sentence.children(word.index)
        ):
            continue
        chain = [word, *sentence.ancestors(word.index)]
        if chain[-1] is root and all(a.deprel in _PHRASE_ARCS for a in chain[1:-1]):
            return word
    return None


# How a noun of the root's phrase hangs on it: `the family of a teenager`, `Ruiz, a farmer`.
_PHRASE_ARCS = frozenset({"nmod", "appos", "conj", "compound", "flat", "flat:name"})
# Verbs before a bare infinitive of their own (`helped build`), which stays theirs.
_BARE_INFINITIVE_TAKERS = frozenset({"help", "let", "make", "see", "hear", "watch", "have"})


def _ends_after_relative(sentence: Sentence, root: Word, verb: Word) -> bool:
    """`A woman who lives nearby said the noise ...`, `People who go there know that ...`,
    `The family of a teenager who drowned at the quarry called for ...`: a verb with no
    subject or opener of its own, which runs to the end of the sentence, hung somewhere under
    the root, and reads as a main verb: finite, a past participle, or a bare "infinitive"
    that no "to", auxiliary or verb of its own takes (`know`, `say`)."""
    if verb.upos != "VERB" or verb.deprel not in _STRANDED_AS:
        return False
    children = sentence.children(verb.index)
    if any(c.deprel in _OWN_CLAUSE or c.deprel.startswith("aux") for c in children):
        return False
    if not _runs_to_end(sentence, verb):
        return False
    if sentence.ancestors(verb.index)[-1] is not root:
        return False
    if "VerbForm=Fin" in verb.feats or "Tense=Past" in verb.feats:
        return True
    before = sentence.words[verb.index - 1]
    head = sentence.words[verb.head]
    return (
        "VerbForm=Inf" in verb.feats
        and before.upos not in ("AUX", "PART")
        and before.text.lower() != "to"
        and not {before.lemma.lower(), head.lemma.lower()} & _BARE_INFINITIVE_TAKERS
    )


def _runs_to_end(sentence: Sentence, verb: Word) -> bool:
    """Every word from `verb` to the end of the sentence, punctuation aside, is in its subtree."""
    inside = {w.index for w in sentence.subtree(verb.index)}
    return all(w.index in inside or w.upos == "PUNCT" for w in sentence.words[verb.index :])


def _strands(sentence: Sentence, root: Word, verb: Word) -> bool:
    if verb.upos != "VERB" or verb.deprel not in _STRANDED_AS or "Tense=Past" not in verb.feats:
        return False
    if any(c.deprel in _OWN_CLAUSE for c in sentence.children(verb.index)):
        return False
    if not _runs_to_end(sentence, verb):
        return False
    ancestors = sentence.ancestors(verb.index)
    return ancestors[-1] is root and any(a.deprel == "acl:relcl" for a in ancestors)


def _speaks(verb: Word, lexicon: Lexicon) -> bool:
    """A finite verb of speech: `warned`, `said`, `insisted` (not `debated`, `eliminated`)."""
    return "VerbForm=Fin" in verb.feats and lexicon.is_speech_act(verb.lemma)


def _subordinated(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    """`..., though a court in 2019 found ...`, `..., while Israel's prime minister, Benjamin
    Netanyahu, said ...`: the noun after a subordinator the parser hung on it (as its
    preposition, or as the mark of a noun) is the subject of the verb right after the noun's
    own words, when that verb has none; the subordinator marks the verb, a clause beside the
    main one, no conjunct or complement of it."""
    words = sentence.words
    for word in words:
        lowered = word.text.lower()
        if lowered not in _SUBORDINATORS | _TIME_SUBORDINATORS or word.head < 0:
            continue
        noun = words[word.head]
        if not (
            (word.deprel == "case" and noun.base_deprel in ("obl", "nmod"))
            or (word.deprel == "mark" and noun.upos in ("NOUN", "PROPN", "ADJ"))
        ):
            continue
        own = [c for c in sentence.children(noun.index) if c is not word]
        if any(c.base_deprel in ("nsubj", "cop", "case") for c in own):
            continue  # `while she was secretary`, `while at the ministry`: a clause
        verb = _verb_after_phrase(sentence, noun)
        if verb is None or (lowered in _TIME_SUBORDINATORS and not _speaks(verb, lexicon)):
            continue  # `after the vote`: a preposition, unless a verb of speech follows
        arcs: dict[int, tuple[int, str | None]] = {
            noun.index: (verb.index, "nsubj"),
            word.index: (verb.index, "mark"),
        }
        if verb.deprel in ("conj", "ccomp", "parataxis"):
            arcs[verb.index] = (verb.head, "advcl")
        return with_arcs(sentence, arcs)
    return sentence


def _verb_after_phrase(sentence: Sentence, noun: Word) -> Word | None:
    """The verb right after the phrase `noun` heads, when it has no subject of its own."""
    phrase = sentence.subtree(noun.index)
    following = phrase[-1].index + 1
    if following >= len(sentence.words) or phrase[-1].index - phrase[0].index + 1 != len(phrase):
        return None
    verb = sentence.words[following]
    if verb.upos != "VERB" or any(c.base_deprel == "nsubj" for c in sentence.children(verb.index)):
        return None
    return verb


def _time_set_aside(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    """`Police late Monday said`, `The company this year warned`, `The bank last month
    predicted`: a time word parsed as the subject, or as the head of the subject's noun, is an
    oblique of time; the noun before it is the subject, with its article."""
    words = sentence.words
    for time in words:
        if time.base_deprel != "nsubj" or time.text.lower() not in lexicon.time_words:
            continue
        subject = _subject_before_time(sentence, time, lexicon)
        if subject is None:
            continue
        arcs: dict[int, tuple[int, str | None]] = {
            subject.index: (time.head, time.deprel),
            time.index: (time.head, "obl:tmod"),
        }
        for child in sentence.children(time.index):
            if child.index < subject.index:  # `The` of `The company this year`
                arcs[child.index] = (subject.index, None)
        return with_arcs(sentence, arcs)
    return sentence


def _subject_before_time(sentence: Sentence, time: Word, lexicon: Lexicon) -> Word | None:
    """The noun right before the time phrase of `time`, hung on it or beside it as a second
    subject of its verb, with nothing but words of time between them."""
    words = sentence.words
    position = time.index - 1
    while position >= 0 and words[position].text.lower() in _TIME_MODIFIERS:
        position -= 1
    if position < 0 or time.head < 0 or words[time.head].upos != "VERB":
        return None
    noun = words[position]
    if noun.upos not in ("NOUN", "PROPN") or noun.text.lower() in lexicon.time_words:
        return None
    if position == time.index - 1 and (time.upos != "PROPN" or noun.upos == "PROPN"):
        # `The campaign year ended`, `The Harbour Times reported`: one noun phrase, no time
        # phrase after a subject (which a name of a day or month alone may be: `Police Monday`).
        return None
    hung = noun.head == time.index and noun.deprel in ("compound", "nmod")
    beside = noun.head == time.head and noun.base_deprel == "nsubj"
    return noun if hung or beside else None


def _subject_after_participle(sentence: Sentence) -> Sentence:
    """`Speaking alongside Finance Minister Ana Kovac, Tomas Ruiz said ...`, with "alongside"
    read as an adjective: the parser made the minister the subject of "said" and Ruiz her
    conjunct; `During a town-hall meeting in Port Ellis, Marta Lind, the head of the Harbour
    Trust, bluntly told ...` left "told" with no subject and Lind a conjunct of the town. A
    sentence opened by a participle's clause or a prepositional phrase ends it at its first
    comma; a name between that comma and the main verb (past an apposition set off by
    commas), when the verb's subject stands inside the opening or it has none, is the verb's
    subject, and the old subject the opening's oblique."""
    words = sentence.words
    opener = words[0] if words else None
    if opener is None or not (
        (opener.upos == "VERB" and "VerbForm=Part" in opener.feats) or opener.upos == "ADP"
    ):
        return sentence
    comma = next((w.index for w in words if w.text == ","), None)
    if comma is None or comma + 2 >= len(words):
        return sentence
    name = words[comma + 1]
    run = list(itertools.takewhile(lambda w: w.upos == "PROPN", words[comma + 1 :]))
    verb = _verb_past_apposition(words, comma + 1 + len(run))
    if name.upos != "PROPN" or verb is None or any(w.head != name.index for w in run[1:]):
        return sentence
    subjects = [c for c in sentence.children(verb.index) if c.base_deprel == "nsubj"]
    inside = [c for c in subjects if c.index < comma]
    if len(inside) > 1 or any(c.index > comma and c is not name for c in subjects):
        return sentence
    if name in subjects and not inside:
        return sentence  # read right already
    arcs: dict[int, tuple[int, str | None]] = {name.index: (verb.index, "nsubj")}
    if inside:
        head = opener.index if opener.upos == "VERB" else opener.head
        arcs[inside[0].index] = (head, "obl")
    return with_arcs(sentence, arcs)


def _verb_past_apposition(words: tuple[Word, ...], position: int) -> Word | None:
    """The verb at `position`, or after an apposition set off by commas there (`, the chief
    executive of the league,`), with no verb inside it."""
    if position < len(words) and words[position].text == ",":
        closing = next(
            (w.index for w in words[position + 1 :] if w.text == "," or w.upos == "VERB"), None
        )
        if closing is None or words[closing].text != ",":
            return None
        position = closing + 1
    while position < len(words) and words[position].upos == "ADV":
        position += 1  # `, forcefully told`
    if position < len(words) and words[position].upos == "VERB":
        return words[position]
    return None


def _subject_before_its_relative(sentence: Sentence) -> Sentence:
    """`"...," one diplomat, who asked not to be named, told Reuters.`: the parser left "told"
    without a subject and hung the diplomat elsewhere (on the quotation), so the relative
    clause's "asked" seemed the cue. A verb with no subject right after the comma that ends a
    noun's relative clause, opened by a relative pronoun and set off by commas, has that noun
    for its subject, when the noun is no subject already."""
    words = sentence.words
    if not any("PronType=Rel" in w.feats for w in words):
        return sentence  # no relative clause to look past
    for noun in words:
        if noun.upos not in ("NOUN", "PROPN"):
            continue
        clause = _relative_read_as_main(sentence, noun)
        if noun.base_deprel == "nsubj" and clause is None:
            continue
        verb = _verb_after_relative(sentence, noun, clause)
        if verb is None or any(c.base_deprel == "nsubj" for c in sentence.children(verb.index)):
            continue
        arcs: dict[int, tuple[int, str | None]] = {noun.index: (verb.index, "nsubj")}
        if clause is not None:
            arcs[clause.index] = (noun.index, "acl:relcl")
        if any(a.index == noun.index for a in sentence.ancestors(verb.index)):
            arcs.update(_verb_out_of_clause(sentence, noun, verb))
        return with_arcs(sentence, arcs)
    return sentence


def _relative_read_as_main(sentence: Sentence, noun: Word) -> Word | None:
    """`a trader in Frankfurt, who declined to be named, said ...`, parsed with the trader and
    "who" both subjects of "declined": the relative clause the parser took for the noun's own."""
    if noun.base_deprel != "nsubj" or noun.head < 0:
        return None
    clause = sentence.words[noun.head]
    relative = [
        c
        for c in sentence.children(clause.index)
        if c.base_deprel == "nsubj" and "PronType=Rel" in c.feats and c.index > noun.index
    ]
    return clause if relative else None


def _verb_after_relative(sentence: Sentence, noun: Word, misread: Word | None) -> Word | None:
    """The verb right after the comma that closes `noun`'s relative clause opened by a comma
    (`misread`, the clause the parser made the noun's own, or one hung on it)."""
    words = sentence.words
    clauses = [misread] if misread else sentence.children(noun.index)
    for clause in clauses:
        if clause.deprel != "acl:relcl" and clause is not misread:
            continue
        swallowed = _swallowed(sentence, clause)
        clause_words = {w.index for w in sentence.subtree(clause.index)} - swallowed
        noun_words = {w.index for w in sentence.subtree(noun.index)} - swallowed
        if clause is misread:
            inside, phrase = clause_words - noun_words, sorted(noun_words)
        else:
            inside, phrase = clause_words, sorted(noun_words - clause_words)
        end = max(i for i in phrase if words[i].upos != "PUNCT")
        span = [w for w in words if w.index in inside and w.index > end and w.upos != "PUNCT"]
        if not span or words[end + 1].text != "," or span[0].index != end + 2:
            continue
        if "PronType=Rel" not in span[0].feats:
            continue  # opened by "who", "which": not `a version of what ...`
        after = span[-1].index + 2
        if after >= len(words) or words[after - 1].text != ",":
            continue
        verb = words[after]
        if verb.upos == "VERB" and verb.index not in inside | set(phrase):
            return verb
    return None


def _verb_out_of_clause(
    sentence: Sentence, noun: Word, verb: Word
) -> dict[int, tuple[int, str | None]]:
    """`..., who was not authorised to speak publicly, told Reuters`, with "told" a conjunct
    inside the clause: the verb leaves it for the sentence's root, beside it; a conjunction
    that opened the noun's phrase (`..., but the coalition, which ..., wants`) is the verb's."""
    root = next(w for w in sentence.words if w.head < 0)
    if root.index == noun.index:
        return {verb.index: (-1, "root")}  # `One diplomat, who ..., told Reuters.` alone
    conjunction = next((c for c in sentence.children(noun.index) if c.deprel == "cc"), None)
    if conjunction is None:
        return {verb.index: (root.index, "parataxis")}
    return {verb.index: (root.index, "conj"), conjunction.index: (verb.index, None)}


def _swallowed(sentence: Sentence, clause: Word) -> set[int]:
    """The words of a verb the parser made a conjunct (or a parataxis) of the relative clause,
    after a comma, with no conjunction or subject of its own (`who was not authorised to speak
    publicly, told Reuters`): the main verb after the clause, not a word of it."""
    words = sentence.words
    found: set[int] = set()
    if any(a.deprel == "acl:relcl" for a in sentence.ancestors(clause.index)):
        # `the man who questions X because of his heritage, who fights ..., claims ...`: a
        # relative clause inside another one lists what its noun does.
        return found
    for child in sentence.children(clause.index):
        if (
            child.deprel in ("conj", "parataxis")
            and child.upos == "VERB"
            and child.index > clause.index
            and words[child.index - 1].text == ","
            and not any(
                c.deprel == "cc" or c.base_deprel == "nsubj" for c in sentence.children(child.index)
            )
        ):
            found |= {w.index for w in sentence.subtree(child.index)}
    return found


# What makes a word a noun phrase's head: `its chief executive`, `the executive`.
# `said WHO chief Tedros`: an abbreviation read as a name that modifies it marks a noun too.
_NOUN_MARKERS = frozenset({"det", "nmod:poss", "compound"})
# What the parser makes of a role adjective after its cue: `said its chief executive`.
_CLAUSE_READINGS = frozenset({"ccomp", "xcomp"})


def _object_told_clause(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    """`... and reported the Croatian leader told him Zagreb stands ready`: the parser made
    "leader" the object of "reported" and "told" a conjunct with no subject of its own. A
    finite verb with no subject, conjunction or comma before it, right after the object of a
    cue that ends in its head (or the head's name), is the cue's reported clause, with the
    object for subject."""
    words = sentence.words
    for verb in words[2:]:
        if (
            verb.upos != "VERB"
            or not _finite_or_past_form(verb)
            or verb.deprel not in ("conj", "parataxis", "xcomp")
            or any(c.base_deprel in ("nsubj", "cc", "mark") for c in sentence.children(verb.index))
        ):
            continue
        before = words[verb.index - 1]
        obj = next(
            (
                a
                for a in (before, *sentence.ancestors(before.index))
                if a.deprel == "obj" and a.head >= 0
            ),
            None,
        )
        if obj is None or _last_word(sentence, obj) != before.index:
            continue
        if any(w.index > obj.index and w.deprel != "flat" for w in sentence.subtree(obj.index)):
            continue  # `the famous story John Kennedy told`: a clause on the noun, no subject
        cue = words[obj.head]
        if verb.deprel == "xcomp" and not _says_or_shows(cue, lexicon):
            continue  # `saw a president win`, `released her returns`: no clause there
        if "VerbForm=Fin" not in verb.feats and not (
            verb.deprel == "xcomp" and lexicon.is_speech_act(cue.lemma)
        ):
            continue  # a past form read as a participle: only after a cue of speech
        if cue.index < obj.index and lexicon.is_cue(cue.lemma) and cue.upos == "VERB":
            arcs: dict[int, tuple[int, str | None]] = {
                obj.index: (verb.index, "nsubj"),
                verb.index: (cue.index, "ccomp"),
            }
            return with_arcs(sentence, arcs)
    return sentence


def _fronted_participle_read_as_main(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    """`Asked about the report, the minister was defiant.`: the opening participle read as the
    finite main verb, with the clause after its comma its complement; the minister was no
    sentence's subject, so the next paragraph's "she said" found no one. A sentence opening
    with a verb in "-ed" that has no subject, whose complement after the comma has a subject
    of its own, is that clause's fronted participle. Not when the clause is a cue (its
    subject speaks already), nor when the participle has a clause of its own (`Asked to
    respond to the criticism, ...`: what the asker asked, which the subject never said)."""
    words = sentence.words
    first = words[0]
    if (
        first.upos != "VERB"
        or first.head >= 0
        or not first.text.lower().endswith("ed")
        or any(c.base_deprel in ("nsubj", "aux", "aux:pass") for c in sentence.children(0))
    ):
        return sentence
    comma = next((w.index for w in words if w.text == ","), None)
    if comma is None:
        return sentence
    clause = next(
        (
            c
            for c in sentence.children(0)
            if c.deprel in ("ccomp", "parataxis", "conj")
            and c.index > comma
            and any(
                s.base_deprel == "nsubj" and s.index > comma for s in sentence.children(c.index)
            )
        ),
        None,
    )
    if (
        clause is None
        or lexicon.is_cue(clause.lemma)
        or any(c.deprel in ("xcomp", "ccomp") and c.index < comma for c in sentence.children(0))
    ):
        return sentence
    # The words after the comma hung on the participle (the final stop) go to the clause.
    arcs: dict[int, tuple[int, str | None]] = {
        c.index: (clause.index, None) for c in sentence.children(0) if c.index > comma
    }
    arcs[clause.index] = (-1, "root")
    arcs[0] = (clause.index, "advcl")
    return _retagged(sentence, arcs, 0, feats="Tense=Past|VerbForm=Part|Voice=Pass")


def _predicate_read_as_adverb(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    """`Analysts wrote in a note that a recession was unlikely.`: the clause's predicate
    tagged an adverb and hung on the cue as its modifier, so the cue reported nothing. A word
    on a cue of speech as `advmod`, after it, with a subject of its own and opened by "that",
    is the cue's reported clause."""
    for word in sentence.words:
        if word.deprel != "advmod" or word.head < 0 or word.head > word.index:
            continue
        children = sentence.children(word.index)
        if (
            lexicon.is_speech_act(sentence.words[word.head].lemma)
            and any(c.deprel == "mark" and c.text.lower() == "that" for c in children)
            and any(c.base_deprel == "nsubj" for c in children)
        ):
            return with_arcs(sentence, {word.index: (word.head, "ccomp")})
    return sentence


def _work_title_read_as_clause(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    """`Kovac said on NBC's "Meet the Press" that the bill would fail.`: a show's title in
    quotation marks after its owner's possessive, read as a clause with the owner for subject
    and the cue's "that" clause hung on it, was reported with the clause. The title is a name
    the cue was said on or to (its owner the title's possessor, a preposition before the owner
    its own), and a clause of the title's verb after the closing mark the cue's."""
    words = sentence.words
    for title in words:
        cue = words[title.head] if title.head >= 0 else None
        owner = next((c for c in sentence.children(title.index) if c.base_deprel == "nsubj"), None)
        if cue is None or owner is None or title.deprel != "ccomp" or not lexicon.is_cue(cue.lemma):
            continue
        closing = _closing_mark_of_title(sentence, owner, title)
        if closing is None:
            continue
        case = [
            c
            for c in sentence.children(owner.index)
            if c.deprel == "case" and c.index < owner.index
        ]
        arcs: dict[int, tuple[int, str | None]] = {
            title.index: (cue.index, "obl" if case else "iobj"),
            owner.index: (title.index, "nmod:poss"),
        }
        arcs.update({c.index: (title.index, None) for c in case})
        arcs.update(
            {
                c.index: (cue.index, "ccomp")
                for c in sentence.children(title.index)
                if c.index > closing and c.deprel in ("advcl", "ccomp", "parataxis")
            }
        )
        return _retagged(sentence, arcs, title.index, upos="PROPN", feats="")
    return sentence


def _closing_mark_of_title(sentence: Sentence, owner: Word, title: Word) -> int | None:
    """The index of the mark closing a title that opens right after its owner's possessive
    (`NBC's "Meet the Press"`), with the title's head inside the marks."""
    words = sentence.words
    opening = max(w.index for w in sentence.subtree(owner.index)) + 1
    if (
        opening >= title.index
        or words[opening].text not in QUOTE_MARK_WORDS
        or not any(c.text in POSSESSIVE_S for c in sentence.children(owner.index))
    ):
        return None
    return next((w.index for w in words[title.index + 1 :] if w.text in QUOTE_MARK_WORDS), None)


def _finite_or_past_form(verb: Word) -> bool:
    """A finite verb, or a past form in "-ed" the tagger read as a participle (`saying
    inflation risks remained high`: "remained" is the clause's verb)."""
    return "VerbForm=Fin" in verb.feats or (
        "VerbForm=Part" in verb.feats
        and "Tense=Past" in verb.feats
        and "Voice=Pass" not in verb.feats
    )


def _says_or_shows(cue: Word, lexicon: Lexicon) -> bool:
    """A cue whose object and the verb the parser made its complement are one clause said or
    shown (`Data ... showed inflation fell`): of speech, or of evidence (cues.txt)."""
    return lexicon.is_speech_act(cue.lemma) or lexicon.cue_group(cue.lemma) == "evidential"


def _participle_read_as_clause(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    """`Two people briefed on the talks said a deal was close`: the participle after the
    subject, read as a verb of its own with the subject as its subject and its clause hung on
    the cue, left the cue with no subject. A past form right after its subject, with no
    auxiliary, mark or copula, whose phrase ends right before a cue that has no subject, is a
    participle on the noun, and the noun the cue's subject."""
    words = sentence.words
    for cue in words:
        if (
            cue.upos != "VERB"
            or not lexicon.is_cue(cue.lemma)
            or any(c.base_deprel == "nsubj" for c in sentence.children(cue.index))
        ):
            continue
        for clause in sentence.children(cue.index):
            own = sentence.children(clause.index)
            noun = next((c for c in own if c.base_deprel == "nsubj"), None)
            if (
                clause.index < cue.index
                and clause.upos == "VERB"
                and clause.deprel in ("ccomp", "parataxis", "advcl")
                and clause.text.lower().endswith("ed")
                and noun is not None
                and noun.upos == "NOUN"
                and not any(c.deprel in _OWN_VERB_WORDS for c in own)
                and _between_subject_and_cue(sentence, noun, clause, cue)
            ):
                return _retagged(
                    sentence,
                    {noun.index: (cue.index, "nsubj"), clause.index: (noun.index, "acl")},
                    clause.index,
                    feats=_PAST_PARTICIPLE,
                )
    return sentence


def _between_subject_and_cue(sentence: Sentence, noun: Word, clause: Word, cue: Word) -> bool:
    """The participle's phrase runs from right after its noun to right before the cue, or
    from after the noun's phrase to before the cue set off by commas (`Analysts at Harbour
    Bank, led by Ana Kovac, wrote ...`)."""
    words = sentence.words
    start, end = _phrase_start(sentence, clause), _last_word(sentence, clause)
    if noun.index == start - 1 and end == cue.index - 1:
        return True
    return (
        words[start - 1].text == ","
        and _last_word(sentence, noun) == start - 2
        and words[cue.index - 1].text == ","
        and end == cue.index - 2
    )


def _participle_read_as_main_verb(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    """`A UN report published on Tuesday warned that millions faced famine`: the participle
    after the subject, read as the main verb with the cue its complement, made "published"
    the report's act and "warned ..." what was published. A past form with no object right
    after its subject noun, whose own words end right before a cue of its with no subject,
    is a participle on the noun, and the noun the cue's subject."""
    words = sentence.words
    for participle in words[1:]:
        noun = words[participle.index - 1]
        if (
            not participle.text.lower().endswith("ed")
            or (noun.head, noun.base_deprel) != (participle.index, "nsubj")
            or noun.upos != "NOUN"
            or _has_own_words(sentence, participle)
        ):
            continue
        cue = next(
            (
                c
                for c in sentence.children(participle.index)
                if c.deprel in ("ccomp", "parataxis")
                and c.index > participle.index
                and _speaks(c, lexicon)
                and not any(g.base_deprel == "nsubj" for g in sentence.children(c.index))
            ),
            None,
        )
        if cue is None or _last_word(sentence, participle, outside=cue) != cue.index - 1:
            continue
        arcs: dict[int, tuple[int, str | None]] = {
            cue.index: (participle.head, participle.deprel),
            noun.index: (cue.index, "nsubj"),
            participle.index: (noun.index, "acl"),
        }
        return _retagged(sentence, arcs, participle.index, feats=_PAST_PARTICIPLE)
    return sentence


def _has_own_words(sentence: Sentence, verb: Word) -> bool:
    """An auxiliary, copula, mark or object makes a past form a verb of its own."""
    return any(c.deprel in _OWN_VERB_WORDS | {"obj"} for c in sentence.children(verb.index))


def _share_read_apart_from_its_verb(sentence: Sentence) -> Sentence:
    """`Thirty-one percent of those surveyed say they ...`, `One in five say ...`, `Nearly a
    third say ...`: the parser rarely reads a share opening a sentence as the subject of the
    verb of speech after it (it makes the number the root and "say" a clause of it, or "say" a
    noun), so the poll's respondents said nothing. A speech verb with no subject, right after
    a phrase that opens the sentence with a share (a number, "half", "a third") and holds no
    verb or comma of its own, is the main verb, that phrase its subject, and the clause after
    it its complement."""
    words = sentence.words
    cue = next((w for w in words if w.text.lower() in _SAYS), None)
    if (
        cue is None
        or cue.index < 1
        or any(c.base_deprel == "nsubj" for c in sentence.children(cue.index))
    ):
        return sentence
    share = list(words[: cue.index])
    if not _opens_with_share(share) or any(
        w.text == "," or ("VerbForm=Fin" in w.feats and w.upos in ("VERB", "AUX")) for w in share
    ):
        return sentence
    inside = {w.index for w in share}
    subject = next((w for w in share if w.text.lower() in _SHARE_WORDS), share[0])
    arcs: dict[int, tuple[int, str | None]] = {
        cue.index: (-1, "root"),
        subject.index: (cue.index, "nsubj"),
    }
    for word in share:
        if word is not subject and word.head not in inside:
            # `Thirty-one percent`, `Nearly a third`: the words around the share are its own.
            arcs[word.index] = (subject.index, _SHARE_RELATIONS.get(word.upos, "nmod"))
    for word in words[cue.index + 1 :]:
        if word.head in inside or word.head < 0:
            arcs[word.index] = (cue.index, None)  # the stop, hung on the old root
        elif word.head == cue.index and word.upos == "VERB" and word.deprel.startswith("acl"):
            arcs[word.index] = (cue.index, "ccomp")  # `say they do not know`, read as a relative
    repaired = _retagged(sentence, arcs, cue.index, upos="VERB")
    return (
        _retagged(repaired, {}, subject.index, upos="NOUN") if subject.upos == "ADJ" else repaired
    )


# How the words around a share hang on it.
_SHARE_RELATIONS = {"NUM": "nummod", "DET": "det", "ADV": "advmod", "ADJ": "amod"}
# Finite forms of "say" a share of respondents opens: `say`, `says`, `said`.
_SAYS = frozenset({"say", "says", "said"})
# Words that state a share of people.
_SHARE_WORDS = frozenset({"percent", "per", "%", "half", "third", "thirds", "quarter", "majority"})


def _opens_with_share(phrase: list[Word]) -> bool:
    """The phrase opens, past an adverb (`Nearly`, `About`), with a number or a share."""
    opening = [w for w in phrase if w.upos != "ADV"][:3]
    return bool(opening) and (
        opening[0].upos == "NUM" or any(w.text.lower() in _SHARE_WORDS for w in opening)
    )


_PAST_PARTICIPLE = "Tense=Past|VerbForm=Part|Voice=Pass"


def _phrase_start(sentence: Sentence, clause: Word) -> int:
    """The index of the first word of `clause`'s phrase that is not its subject's."""
    subject = {
        w.index
        for c in sentence.children(clause.index)
        if c.base_deprel == "nsubj"
        for w in sentence.subtree(c.index)
    }
    return min(w.index for w in sentence.subtree(clause.index) if w.index not in subject)


# Words that make a verb a clause of its own, not a participle on its subject.
_OWN_VERB_WORDS = frozenset({"aux", "aux:pass", "cop", "mark", "expl"})


def _retagged(
    sentence: Sentence,
    arcs: dict[int, tuple[int, str | None]],
    index: int,
    *,
    upos: str | None = None,
    feats: str | None = None,
) -> Sentence:
    """`sentence` with `arcs` mended (`with_arcs`) and the word at `index` tagged anew, where
    the tagger's part of speech or features were the misreading."""
    repaired = with_arcs(sentence, arcs)
    words = list(repaired.words)
    word = words[index]
    words[index] = dataclasses.replace(
        word, upos=upos or word.upos, feats=feats if feats is not None else word.feats
    )
    return dataclasses.replace(repaired, words=tuple(words))


def _addressee_read_as_verb(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    """`The minister told reporters the deal was dead`, with "reporters" tagged a verb (its
    lemma the noun's) and made a clause of "told": a word of people right after a cue of
    telling, with no words of its own, is the one told."""
    words = sentence.words
    for told in words[:-2]:
        addressee = words[told.index + 1]
        if (
            told.upos == "VERB"
            and told.lemma.lower() in lexicon.recipient_cues
            and addressee.upos == "VERB"
            and addressee.head == told.index
            and not sentence.children(addressee.index)
            and (
                lexicon.is_role_word(addressee.lemma)
                or addressee.text.lower() in lexicon.group_nouns
            )
        ):
            return _retagged(
                sentence,
                {addressee.index: (told.index, "iobj")},
                addressee.index,
                upos="NOUN",
                feats="Number=Plur",
            )
    return sentence


def _acting_as_rank(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    """`said acting Prime Minister Jonas Berg`: "acting" tagged a participle with the title
    as its object, so nobody spoke. Before a title it is a rank, modifying the title, which
    takes its place in the sentence."""
    words = sentence.words
    for acting in words[:-1]:
        title = words[acting.index + 1]
        if title.upos == "ADJ" and acting.index + 2 < len(words):
            title = words[acting.index + 2]  # `acting Prime Minister`
        if (
            acting.text.lower() != "acting"
            or acting.upos != "VERB"
            or title.head != acting.index
            or title.deprel != "obj"
            or not lexicon.is_title(title.text)
        ):
            continue
        return _retagged(
            sentence,
            {title.index: (acting.head, acting.deprel), acting.index: (title.index, "amod")},
            acting.index,
            upos="ADJ",
        )
    return sentence


def _role_adjective_as_noun(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    """`..., said its chief executive.`: a role word tagged an adjective ("executive") that
    heads an article or a possessive, with no copula, is a noun; after a cue with no subject,
    where the parser made it the cue's clause, it is the cue's subject, so the executive
    speaks and not the subject of the clause before."""
    words = list(sentence.words)
    changed = False
    for word in sentence.words:
        if word.upos != "ADJ" or word.deprel in ("amod", "advmod"):
            continue
        children = sentence.children(word.index)
        if (
            not lexicon.is_role_noun(word.text)
            or not any(c.deprel in _NOUN_MARKERS for c in children)
            or any(c.deprel == "cop" for c in children)
        ):
            continue
        relation = word.deprel
        head = sentence.words[word.head] if word.head >= 0 else None
        if (
            head is not None
            and relation in _CLAUSE_READINGS
            and head.index < word.index
            and lexicon.is_cue(head.lemma)
            and not any(c.base_deprel == "nsubj" for c in sentence.children(head.index))
        ):
            relation = "nsubj"
        words[word.index] = dataclasses.replace(word, upos="NOUN", deprel=relation)
        changed = True
    return dataclasses.replace(sentence, words=tuple(words)) if changed else sentence


# How many words a trailing source may have: `the central bank's chief economist`.
_MAX_TRAILING_SOURCE_WORDS = 8
# What a trailing cue's source is, as the parser read it on the content's verb.
_SOURCE_READ_AS = frozenset({"obj", "obl", "iobj", "appos", "dep"})


def _trailing_source_returned(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    """`The strike will go ahead, union leader Mick Lynch told the BBC`: a cue conjoined to
    the content's verb, with no subject, opener or conjunction of its own, right after a noun
    phrase set off by a comma that the parser made an object of that verb, has that phrase for
    subject; the cue reports the clause before the comma, as it would as a parataxis."""
    words = sentence.words
    for cue in words[2:]:
        if not (
            cue.deprel == "conj"
            and cue.upos == "VERB"
            and "VerbForm=Fin" in cue.feats
            and lexicon.is_cue(cue.lemma)
            and cue.head < cue.index
            and not any(
                c.deprel in _OWN_CLAUSE or c.deprel == "cc" for c in sentence.children(cue.index)
            )
        ):
            continue
        source = _phrase_ending_before(sentence, cue)
        if source is not None:
            return with_arcs(
                sentence, {source.index: (cue.index, "nsubj"), cue.index: (cue.head, "parataxis")}
            )
    return sentence


def _phrase_ending_before(sentence: Sentence, cue: Word) -> Word | None:
    """The head of the noun phrase between a comma and `cue`, hung on the cue's own head, when
    that head's clause has a subject of its own before it."""
    words = sentence.words
    head = words[cue.head]
    source = max(
        (
            c
            for c in sentence.children(head.index)
            if c.deprel in _SOURCE_READ_AS and head.index < c.index < cue.index
        ),
        key=lambda c: c.index,
        default=None,
    )
    if source is None or source.upos not in ("NOUN", "PROPN"):
        return None
    phrase = sentence.subtree(source.index)
    named = [w for w in phrase if w.upos != "PUNCT"]  # the comma often hangs on the phrase
    first, last = named[0].index, phrase[-1].index
    if (
        last != cue.index - 1
        or len(phrase) != last - phrase[0].index + 1
        or len(named) > _MAX_TRAILING_SOURCE_WORDS
        or words[first - 1].text != ","
    ):
        return None
    subjects = [c for c in sentence.children(head.index) if c.base_deprel == "nsubj"]
    return source if any(s.index < head.index for s in subjects) else None


def _relative_off_the_cue(sentence: Sentence) -> Sentence:
    """`Carlos Mendes, who chairs the water board, said ...`: the parser hung the relative
    clause on the cue after it as its complement, so the clause seemed reported and said
    nothing of Mendes. A clause opened by a relative pronoun right after the cue's subject
    (after its comma, or a party tag in brackets: `Sen. Ana Kovac (D-Ohio), who ...`; or with
    no comma, right after an apposition's noun: `Tomas Ruiz, a former pilot who is a critic of
    the mayor, suggests ...`, the noun's clause), and closed by a comma right before the cue
    (or, after an inverted subject, ending the sentence: `said Peter Wong, who heads the port
    authority.`), is the subject's."""
    words = sentence.words
    for pronoun in words[1:]:
        clause = words[pronoun.head]
        if (
            "PronType=Rel" not in pronoun.feats
            or pronoun.base_deprel != "nsubj"
            or clause.deprel not in _CUE_COMPLEMENTS
            or next(w for w in sentence.subtree(clause.index) if w.upos != "PUNCT") is not pronoun
        ):
            continue
        cue = words[clause.head]
        subject = next((c for c in sentence.children(cue.index) if c.base_deprel == "nsubj"), None)
        if subject is None or subject.index > pronoun.index:
            continue
        owner = _relative_owner(sentence, subject, pronoun)
        end = _last_word(sentence, clause)
        closed_before_cue = end + 2 == cue.index and words[end + 1].text == ","
        # `"...," said Peter Wong, who heads the port authority.`: after an inverted subject,
        # the clause runs to the sentence's end.
        inverted = cue.index < subject.index
        ends_sentence = all(w.upos == "PUNCT" for w in words[end + 1 :])
        if owner is not None and (closed_before_cue or (inverted and ends_sentence)):
            return with_arcs(sentence, {clause.index: (owner.index, "acl:relcl")})
    return sentence


def _relative_of_content_off_the_cue(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    """`The man was taken to a hospital, where he later died, police said.`: the parser hung
    the relative clause ending the content on the trailing cue as its complement (and "police"
    on it as a second subject), so "where he later died" seemed reported apart. A clause on
    a trailing cue of speech, opened right after a comma by a relative word and closed by a
    comma before the cue's subject, describes the noun before that comma; a subject of its
    after its verb is the cue's."""
    words = sentence.words
    for clause in words:
        cue = words[clause.head] if clause.head >= 0 else None
        if (
            cue is None
            or clause.deprel != "ccomp"
            or cue.deprel != "parataxis"
            or not lexicon.is_speech_act(cue.lemma)
        ):
            continue
        first = min(w.index for w in sentence.subtree(clause.index) if w.upos != "PUNCT")
        noun = words[first - 2] if first >= 2 else None
        if (
            noun is None
            or words[first].text.lower() not in _RELATIVE_WORDS
            or words[first - 1].text != ","
            or noun.upos not in ("NOUN", "PROPN")
            or noun.index not in {w.index for w in sentence.subtree(cue.head)}
        ):
            continue
        arcs: dict[int, tuple[int, str | None]] = {clause.index: (noun.index, "acl:relcl")}
        late = [c for c in sentence.children(clause.index) if c.base_deprel == "nsubj"]
        if not any(c.base_deprel == "nsubj" for c in sentence.children(cue.index)):
            arcs.update({c.index: (cue.index, None) for c in late if clause.index < c.index})
        return with_arcs(sentence, arcs)
    return sentence


def _relative_off_the_verb_after(sentence: Sentence) -> Sentence:
    """`According to Kovac, who chairs the committee, the vote will be held next week.`: the
    parser hung the relative clause on the verb after it, so it was read with that verb's
    clause ("who chairs the committee, the vote will be held ..."). A clause opened by "who",
    "which" or "whose" right after a noun and its comma, closed by a comma before the verb it
    was hung on, describes that noun."""
    words = sentence.words
    for pronoun in words[2:]:
        clause = words[pronoun.head] if pronoun.head >= 0 else None
        noun = words[pronoun.index - 2]
        if (
            clause is None
            or "PronType=Rel" not in pronoun.feats
            or pronoun.text.lower() not in ("who", "which", "whose")
            or words[pronoun.index - 1].text != ","
            or noun.upos not in ("NOUN", "PROPN")
            or clause.head < 0
            or clause.deprel == "acl:relcl"
            or words[pronoun.index + 1].upos == "PUNCT"
            or any(c.deprel == "mark" for c in sentence.children(clause.index))
        ):
            continue  # `Stephens, who, after trading insults ..., said`: the clause's verb is later
        end = _last_word(sentence, clause)
        host = words[clause.head]
        first = min(w.index for w in sentence.subtree(clause.index) if w.upos != "PUNCT")
        if (
            first == pronoun.index
            and host.index > end + 1
            and words[end + 1].text == ","
            and noun.index not in {w.index for w in sentence.subtree(clause.index)}
        ):
            return with_arcs(sentence, {clause.index: (noun.index, "acl:relcl")})
    return sentence


# Words that open a relative clause on the noun before their comma.
_RELATIVE_WORDS = frozenset({"where", "which", "who", "whom", "whose", "when"})


def _relative_owner(sentence: Sentence, subject: Word, pronoun: Word) -> Word | None:
    """The noun a relative pronoun right after the cue's subject `subject` describes: the
    subject, after its comma (past a closing bracket); the noun right before it, ending the
    subject's phrase, with no comma."""
    words = sentence.words
    last = _last_word(sentence, subject)
    before = words[pronoun.index - 1]
    if before.text == ",":
        between = words[last + 1 : pronoun.index - 1]
        return subject if all(w.text in (")", "]") for w in between) else None
    if before.index == last and before.upos == "NOUN" and before is not subject:
        return before
    return None


def _participle_read_as_modifier(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    """`A union representing flight attendants endorsed the mayor`: the parser read the
    participle after the subject as an adjective of the noun after it, which became a second
    subject (or the subject's own noun). A participle in -ing right after a noun, modifying a
    noun after it, is a clause on the first noun with the second its object (not one that
    stands for a preposition: `changes by the government concerning naturalization`)."""
    words = sentence.words
    for participle in words[2:]:
        noun, owner = words[participle.index - 1], words[participle.head]
        if (
            participle.upos == "VERB"
            and participle.deprel == "amod"
            and participle.text.lower().endswith("ing")
            and participle.text.lower() not in lexicon.prepositional_participles
            and noun.upos in ("NOUN", "PROPN")
            and owner.index > participle.index
            and owner.upos == "NOUN"
            and owner.base_deprel in ("nsubj", "nmod")
        ):
            arcs: dict[int, tuple[int, str | None]] = {
                participle.index: (noun.index, "acl"),
                owner.index: (participle.index, "obj"),
            }
            return with_arcs(sentence, arcs)
    return sentence


def _content_off_the_relative(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    """`... an architect who said he was never paid`: the parser hung the clause said on the
    noun as a second relative clause, so the relative cue had nothing to report. A clause on
    the noun that starts right after a relative cue of speech with no complement, and has a
    subject of its own that is no relative pronoun, is the cue's complement."""
    for cue in sentence.words:
        if cue.deprel != "acl:relcl" or cue.upos != "VERB" or not _speaks(cue, lexicon):
            continue
        own = sentence.children(cue.index)
        if any(c.base_deprel in _CUE_COMPLEMENTS | {"obj", "ccomp"} for c in own) or not any(
            c.base_deprel == "nsubj" and "PronType=Rel" in c.feats for c in own
        ):
            continue
        for clause in sentence.children(cue.head):
            subject = next(
                (c for c in sentence.children(clause.index) if c.base_deprel == "nsubj"), None
            )
            if (
                clause.deprel in ("acl:relcl", "acl")
                and min(w.index for w in sentence.subtree(clause.index))
                == _last_word(sentence, cue) + 1
                and subject is not None
                and "PronType=Rel" not in subject.feats
            ):
                return with_arcs(sentence, {clause.index: (cue.index, "ccomp")})
    return sentence


def _content_off_the_medium(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    """`Analysts wrote in a note that rates would fall.`: the parser read "that" as a relative
    pronoun and the clause as one on the note, so the cue reported nothing. A relative clause
    opened by "that" (not its subject) with a subject of its own, on the document or occasion
    a cue of speech with no complement names (`in a note`, `in a statement`, `at a briefing`),
    is the cue's clause, in a sentence with no quotation that the cue could report instead
    (`"...," the firm said in a statement that it posted online`)."""
    if any(w.text in QUOTE_MARK_WORDS for w in sentence.words):
        return sentence
    for medium in sentence.words:
        cue = sentence.words[medium.head] if medium.head >= 0 else None
        if (
            cue is None
            or medium.deprel != "obl"
            or not _names_a_medium(medium, lexicon)
            or not lexicon.is_speech_act(cue.lemma)
            or any(c.deprel in ("ccomp", "xcomp") for c in sentence.children(cue.index))
        ):
            continue
        for clause in sentence.children(medium.index):
            own = sentence.children(clause.index)
            that = next(
                (c for c in own if c.text.lower() == "that" and c.index < clause.index), None
            )
            if (
                clause.deprel == "acl:relcl"
                and that is not None
                and that.base_deprel != "nsubj"
                and that.index == _last_word(sentence, medium, outside=clause) + 1
                and any(c.base_deprel == "nsubj" and c is not that for c in own)
            ):
                return with_arcs(
                    sentence,
                    {clause.index: (cue.index, "ccomp"), that.index: (clause.index, "mark")},
                )
    return sentence


def _names_a_medium(word: Word, lexicon: Lexicon) -> bool:
    lemma = word.lemma.lower()
    return lemma in lexicon.artefacts or lemma in lexicon.reporting_nouns


def _last_word(sentence: Sentence, head: Word, *, outside: Word | None = None) -> int:
    """The index of the last word of `head`'s phrase, punctuation aside (and the words of the
    phrase of `outside`, a clause inside it)."""
    left_out = {w.index for w in sentence.subtree(outside.index)} if outside is not None else set()
    return max(
        w.index
        for w in sentence.subtree(head.index)
        if w.upos != "PUNCT" and w.index not in left_out
    )


# What the parser makes of a relative clause it hangs on the cue after it.
_CUE_COMPLEMENTS = frozenset({"ccomp", "parataxis", "advcl", "xcomp"})


# A repair: a sentence mended, reading the lexicon where it needs to.
Repair = Callable[[Sentence, Lexicon], Sentence]


def _without_lexicon(repair: Callable[[Sentence], Sentence]) -> Repair:
    """A repair that reads the parse alone, in the table of those that may read the lexicon."""
    return lambda sentence, _lexicon: repair(sentence)


# Every repair, in the order they run.
_REPAIRS: tuple[Repair, ...] = (
    _fronted_participle_read_as_main,
    _work_title_read_as_clause,
    _predicate_read_as_adverb,
    _time_set_aside,
    _without_lexicon(_restored),
    _subordinated,
    _without_lexicon(_main_subject_returned),
    _without_lexicon(_adjective_on_subject),
    _without_lexicon(_subject_after_participle),
    _without_lexicon(_subject_before_its_relative),
    _without_lexicon(_relative_off_the_cue),
    _relative_of_content_off_the_cue,
    _without_lexicon(_relative_off_the_verb_after),
    _content_off_the_relative,
    _content_off_the_medium,
    _participle_read_as_modifier,
    _addressee_read_as_verb,
    _acting_as_rank,
    _participle_read_as_clause,
    _participle_read_as_main_verb,
    _without_lexicon(_share_read_apart_from_its_verb),
    _role_adjective_as_noun,
    _trailing_source_returned,
    _object_told_clause,
)
