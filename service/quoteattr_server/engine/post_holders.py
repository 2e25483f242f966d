"""engine.post_holders: "Minister of State for Europe Leo Docherty" holds the post it names.

A capitalised title with its post after it ("Chairman of the Joint Chiefs of Staff", "Minister
of State for Europe", "Director of Public Health") and then, with no comma, the name of whoever
holds it, is often parsed with the name hung on the post's last word ("Staff", "Europe") as a
flat name or an apposition: the name becomes part of the post ("Europe Leo Docherty"), and the
title speaks with no name at all. Before any rule reads the parse, the holder's name is hung on
the title, as the parser writes `Secretary of State Antony Blinken`: its first word an
unmarked `nmod` of the title, its other words `flat` on the first, and a title before it
(`Staff Gen. Mark Milley`) a `compound` of it. Only arcs change; text and offsets stay.
"""

from __future__ import annotations

from quoteattr_server.engine.hyphens import each_sentence_repaired, with_arcs
from quoteattr_server.engine.lexicon import Lexicon
from quoteattr_server.engine.roles import NAME_PARTICLES
from quoteattr_server.engine.types import ParsedDoc, Sentence, Word

# What joins a title to its post, and one part of the post to the next ("of State for Europe").
_POST_LINKS = frozenset({"of", "for", "to"})
# How the parser hangs the words of a name on the post's last word.
_NAME_ARCS = frozenset({"flat", "flat:name", "appos", "nmod", "compound"})


def post_holders_rehung(doc: ParsedDoc, lexicon: Lexicon) -> ParsedDoc:
    """`doc` with each name after a title's post hung on the title."""
    return each_sentence_repaired(doc, lambda sentence: _rehung(sentence, lexicon))


def _rehung(sentence: Sentence, lexicon: Lexicon) -> Sentence:
    arcs: dict[int, tuple[int, str | None]] = {}
    for title in sentence.words:
        if not (title.text[:1].isupper() and lexicon.is_title(title.text)):
            continue
        post = _last_post_word(sentence, title)
        if post is None or lexicon.is_title(post.text):
            continue  # `an adviser to Prime Minister Mark Carney`: the minister's own name
        leading, name = _holder(sentence, post, lexicon)
        if name and name[0].head != title.index:
            arcs[name[0].index] = (title.index, "nmod")
            arcs.update({w.index: (name[0].index, "flat") for w in name[1:]})
            arcs.update({w.index: (name[0].index, "compound") for w in leading})
    return with_arcs(sentence, arcs)


def _last_post_word(sentence: Sentence, title: Word) -> Word | None:
    """The last word of the post the title's "of", "for" or "to" opens, down its chain of
    posts (`of the Joint Chiefs` then `of Staff`)."""
    post = _post_of(sentence, title)
    if post is None:
        return None
    deeper = _post_of(sentence, post)
    while deeper is not None:
        post, deeper = deeper, _post_of(sentence, deeper)
    return post


def _post_of(sentence: Sentence, word: Word) -> Word | None:
    return next(
        (
            child
            for child in sentence.children(word.index)
            if child.deprel == "nmod"
            and child.index > word.index
            and any(
                c.deprel == "case" and c.text.lower() in _POST_LINKS
                for c in sentence.children(child.index)
            )
        ),
        None,
    )


def _holder(sentence: Sentence, post: Word, lexicon: Lexicon) -> tuple[list[Word], list[Word]]:
    """The titles and the name of the holder written right after the post's last word: the
    name is the run's last two words (three with an initial or a particle), the words before
    them the rest of the post (`for New South Wales Jane Doe`). Nothing when the run ends in a
    body's head word or no name of two words follows."""
    run = _run_after(sentence, post)
    leading = []
    while run and lexicon.is_title(run[0].text):
        leading.append(run.pop(0))
    if len(run) < 2 or lexicon.is_organization_head(run[-1].text, run[-1].lemma):
        return [], []
    if any(lexicon.is_title(w.text) for w in run):
        return [], []
    middle = run[-2]
    keep = 3 if (middle.text.endswith(".") or middle.text in NAME_PARTICLES) else 2
    name = run[-keep:]
    return (leading if len(run) <= keep else []), name


def _run_after(sentence: Sentence, post: Word) -> list[Word]:
    """The capitalised words right after `post` that the parser hung under it, up to the end
    of its phrase (none when a capitalised word goes on past them)."""
    words = sentence.words
    inside = {post.index}
    run: list[Word] = []
    for word in words[post.index + 1 :]:
        if not (
            word.head in inside
            and word.deprel in _NAME_ARCS
            and (word.text[:1].isupper() or word.text in NAME_PARTICLES)
            and not any(c.deprel == "case" for c in sentence.children(word.index))
        ):
            break
        inside.add(word.index)
        run.append(word)
    end = post.index + len(run) + 1
    if end < len(words) and words[end].upos == "PROPN" and words[end].text[:1].isupper():
        return []
    return run
