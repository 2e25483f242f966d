"""The CoNLL-U reader the rule tests build their parses with."""

from __future__ import annotations

import pytest

from quoteattr_server.engine.conllu import ConlluError, read_conllu, write_conllu

TWO_PARAGRAPHS = """\
# newpar
# text = Kovac won't wait.
1\tKovac\tKovac\tPROPN\tNNP\tNumber=Sing\t4\tnsubj\t_\t_
2-3\twon't\t_\t_\t_\t_\t_\t_\t_\t_
2\two\twill\tAUX\tMD\tVerbForm=Fin\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\twait\twait\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\t_
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

# newpar
# text = She left.
1\tShe\tshe\tPRON\tPRP\tCase=Nom\t2\tnsubj\t_\t_
2\tleft\tleave\tVERB\tVBD\tTense=Past\t0\troot\t_\t_
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
"""


def test_text_paragraphs_and_offsets_come_from_the_text_lines() -> None:
    doc = read_conllu(TWO_PARAGRAPHS)
    assert doc.text == "Kovac won't wait.\nShe left."
    assert [doc.text[p.start : p.end] for p in doc.paragraphs] == ["Kovac won't wait.", "She left."]
    first, second = doc.sentences
    assert (first.paragraph, second.paragraph) == (0, 1)
    assert [w.text for w in first.words] == ["Kovac", "won't", "won't", "wait", "."]
    assert first.words[0].head == 3
    assert first.words[3].head == -1
    assert second.words[1].lemma == "leave"
    for sentence in doc.sentences:
        for word in sentence.words:
            assert doc.text[word.start : word.end] == word.text


def test_a_form_missing_from_the_text_is_an_error() -> None:
    with pytest.raises(ConlluError, match="'Kovac' not found"):
        read_conllu(TWO_PARAGRAPHS.replace("# text = Kovac won't", "# text = Ruiz won't"))


def test_written_conllu_reads_back_as_the_same_document() -> None:
    doc = read_conllu(TWO_PARAGRAPHS)
    assert read_conllu(write_conllu(doc)) == doc
