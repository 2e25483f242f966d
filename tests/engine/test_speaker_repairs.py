"""Speaker mentions the small parser gets wrong in news copy, each on a Stanza parse (hand-edited
where noted in the fixture) of an invented sentence."""

from __future__ import annotations

from quoteattr_server.engine import attribute
from quoteattr_server.engine.conllu import read_conllu
from quoteattr_server.engine.cues import colon_noun_cue
from quoteattr_server.engine.speakers import (
    CueSite,
    according_source,
    inverted_subject,
    name_after_cue,
    name_before_cue,
    participle_continues_speaker,
    subject_of_cue,
)
from quoteattr_server.engine.types import QuoteKind, SpeakerKind

from .rulekit import (
    LEXICON,
    cue_site,
    layout_of,
    mention_text,
    parsed,
    quote_containing,
    quoted_by,
    roles_by_name,
    speaker_of,
)
from .test_role_finder import parse


def test_inverted_subjects_in_one_phrase_take_the_name() -> None:
    # `said Celtics forward Jaylen Moore`: both the team and the name come out as subjects.
    site = cue_site("inverted_title_subjects", "said")
    assert mention_text(site, inverted_subject(site)) == "Jaylen Moore"


def test_date_before_the_cue_is_no_speaker() -> None:
    site = cue_site("date_before_cue", "said")
    assert mention_text(site, name_before_cue(site)) == "Ana Kovac"


def _speaker_of(fixture: str, fragment: str) -> tuple[str, str]:
    result = attribute(parsed(fixture), LEXICON)
    quote = quote_containing(result, fragment)
    speaker = next(s for s in result.speakers if s.id == quote.speaker_id)
    assert quote.mention is not None
    return speaker.name, quote.mention.text


def _attributions(fixture: str) -> list[tuple[str, str, str, list[str]]]:
    """Each quote of the fixture: its text, and its speaker's name, kind and roles."""
    result = attribute(parsed(fixture), LEXICON)
    found = []
    for quote in result.quotes:
        speaker = speaker_of(result, quote)
        assert speaker is not None
        found.append(
            (quote.text, speaker.name, speaker.kind.value, [r.text for r in speaker.roles])
        )
    return found


def test_name_hung_on_its_title() -> None:
    # `U.S. Secretary of State Maria Lind said`: the title is the subject, the name its nmod.
    name, mention = _speaker_of("title_with_name_nmod", "talks would resume")
    assert name == "Maria Lind"
    assert mention == "U.S. Secretary of State Maria Lind"


def test_possessor_is_not_the_speaker() -> None:
    name, mention = _speaker_of("possessive_description", "lawsuit")
    assert name == "Ohio's attorney general"
    assert mention == "Ohio's attorney general"


def test_described_source_keeps_its_whole_description() -> None:
    name, mention = _speaker_of("according_described", "cut 300 jobs")
    assert name == "a person familiar with the plans"
    assert mention == "a person familiar with the plans"


TWO_HALVORSENS = """# newpar
# text = Ingrid Halvorsen spoke first.
1	Ingrid	Ingrid	PROPN	_	_	3	nsubj	_	_
2	Halvorsen	Halvorsen	PROPN	_	_	1	flat	_	_
3	spoke	speak	VERB	_	_	0	root	_	_
4	first	first	ADV	_	_	3	advmod	_	_
5	.	.	PUNCT	_	_	3	punct	_	_

# newpar
# text = Erik Halvorsen spoke next.
1	Erik	Erik	PROPN	_	_	3	nsubj	_	_
2	Halvorsen	Halvorsen	PROPN	_	_	1	flat	_	_
3	spoke	speak	VERB	_	_	0	root	_	_
4	next	next	ADV	_	_	3	advmod	_	_
5	.	.	PUNCT	_	_	3	punct	_	_

# newpar
# text = Halvorsen said the race was over.
1	Halvorsen	Halvorsen	PROPN	_	_	2	nsubj	_	_
2	said	say	VERB	_	_	0	root	_	_
3	the	the	DET	_	_	4	det	_	_
4	race	race	NOUN	_	_	6	nsubj	_	_
5	was	be	AUX	_	_	6	cop	_	_
6	over	over	ADV	_	_	2	ccomp	_	_
7	.	.	PUNCT	_	_	2	punct	_	_
"""


def test_a_shared_surname_is_the_person_named_last() -> None:
    result = attribute(read_conllu(TWO_HALVORSENS), LEXICON)
    quote = quote_containing(result, "race was over")
    speaker = next(s for s in result.speakers if s.id == quote.speaker_id)
    assert speaker.name == "Erik Halvorsen"


NAME_AS_MODIFIER = """# newpar
# text = The Harbour Trust director said the pier would close.
1	The	the	DET	_	_	4	det	_	_
2	Harbour	Harbour	PROPN	_	_	3	compound	_	_
3	Trust	Trust	PROPN	_	_	4	compound	_	_
4	director	director	NOUN	_	Number=Sing	5	nsubj	_	_
5	said	say	VERB	_	_	0	root	_	_
6	the	the	DET	_	_	7	det	_	_
7	pier	pier	NOUN	_	_	9	nsubj	_	_
8	would	would	AUX	_	_	9	aux	_	_
9	close	close	VERB	_	_	5	ccomp	_	_
10	.	.	PUNCT	_	_	5	punct	_	_
"""


def test_a_name_that_only_modifies_the_speaker_noun_is_not_its_name() -> None:
    # `the Harbour Trust director` is a director, not the Harbour Trust.
    result = attribute(read_conllu(NAME_AS_MODIFIER), LEXICON)
    (speaker,) = result.speakers
    assert speaker.name == "The Harbour Trust director"
    assert speaker.anonymous


DESCRIBED_BY_COMPLEMENT = """# newpar
# text = A reporter for the Harbour Times asked whether the mayor would resign.
1	A	a	DET	_	_	2	det	_	_
2	reporter	reporter	NOUN	_	Number=Sing	7	nsubj	_	_
3	for	for	ADP	_	_	6	case	_	_
4	the	the	DET	_	_	6	det	_	_
5	Harbour	Harbour	PROPN	_	_	6	compound	_	_
6	Times	Times	PROPN	_	_	2	nmod	_	_
7	asked	ask	VERB	_	_	0	root	_	_
8	whether	whether	SCONJ	_	_	12	mark	_	_
9	the	the	DET	_	_	10	det	_	_
10	mayor	mayor	NOUN	_	_	12	nsubj	_	_
11	would	would	AUX	_	_	12	aux	_	_
12	resign	resign	VERB	_	_	7	ccomp	_	_
13	.	.	PUNCT	_	_	7	punct	_	_
"""


def test_an_unnamed_source_keeps_its_complement_and_the_name_in_it_is_not_theirs() -> None:
    # The paper names where the reporter works: the reporter stays unnamed.
    result = attribute(read_conllu(DESCRIBED_BY_COMPLEMENT), LEXICON)
    (speaker,) = result.speakers
    assert speaker.name == "A reporter for the Harbour Times"
    assert speaker.anonymous
    assert result.quotes[0].mention is not None
    assert result.quotes[0].mention.text == "A reporter for the Harbour Times"


def test_a_subject_with_its_own_verb_before_the_cue_is_not_the_speaker() -> None:
    # `It was, the mayor said, "..."`: the parser gives "said" both subjects; "It" has a verb
    # of its own before the cue.
    site = cue_site("fronted_subject", "said")
    assert mention_text(site, subject_of_cue(site)) == "the mayor"


def test_a_described_source_after_an_inverted_cue_speaks() -> None:
    # `"...," said one senior source at the port authority`, with the source parsed as the
    # object.
    site = cue_site("described_after_cue", "said")
    assert mention_text(site, name_after_cue(site)) == "one senior source"


def test_a_newspaper_named_like_a_time_word_is_a_speaker() -> None:
    site = cue_site("newspaper_subject", "wrote")
    assert mention_text(site, subject_of_cue(site)) == "the Times"


GROUP_WITH_COMPLEMENT = """# newpar
# text = Republicans on the committee said the vote was rigged.
1	Republicans	Republican	PROPN	_	Number=Plur	5	nsubj	_	_
2	on	on	ADP	_	_	4	case	_	_
3	the	the	DET	_	_	4	det	_	_
4	committee	committee	NOUN	_	_	1	nmod	_	_
5	said	say	VERB	_	_	0	root	_	_
6	the	the	DET	_	_	7	det	_	_
7	vote	vote	NOUN	_	_	9	nsubj:pass	_	_
8	was	be	AUX	_	_	9	aux:pass	_	_
9	rigged	rig	VERB	_	_	5	ccomp	_	_
10	.	.	PUNCT	_	_	5	punct	_	_

# newpar
# text = Prosecutors in April said the case was closed.
1	Prosecutors	prosecutor	NOUN	_	Number=Plur	4	nsubj	_	_
2	in	in	ADP	_	_	3	case	_	_
3	April	April	PROPN	_	_	1	nmod	_	_
4	said	say	VERB	_	_	0	root	_	_
5	the	the	DET	_	_	6	det	_	_
6	case	case	NOUN	_	_	8	nsubj:pass	_	_
7	was	be	AUX	_	_	8	aux:pass	_	_
8	closed	close	VERB	_	_	4	ccomp	_	_
9	.	.	PUNCT	_	_	4	punct	_	_
"""


def test_a_group_label_keeps_its_complement_but_not_a_time() -> None:
    result = attribute(read_conllu(GROUP_WITH_COMPLEMENT), LEXICON)
    assert [s.name for s in result.speakers] == ["Republicans on the committee", "Prosecutors"]


def test_a_document_speaks_for_whoever_issued_it() -> None:
    # `sent out a two-page memo calling ...`: the participle describes the memo, the union
    # speaks.
    site = cue_site("issued_statement", "calling")
    assert mention_text(site, participle_continues_speaker(site)) == "the ferry union"


def test_a_subject_the_parser_hung_on_a_fronted_participle_is_the_cues() -> None:
    site = cue_site("subject_on_participle", "chanted")
    assert mention_text(site, subject_of_cue(site)) == "Protesters"


def test_the_noun_a_titled_name_owns_is_the_subject_the_parser_hung_on_the_title() -> None:
    # `Independent mayoral candidate Tomas Ruiz's physician is describing him as ...`: the
    # physician speaks, not the candidate.
    site = cue_site("owned_after_titled_name", "describing")
    assert mention_text(site, subject_of_cue(site)) == "Tomas Ruiz's physician"
    assert _speaker_of("owned_after_titled_name", "healthy") == (
        "Tomas Ruiz's physician",
        "Tomas Ruiz's physician",
    )
    # `Mayor Greta Holm's husband said`, with "husband" an apposition of the title.
    assert _speaker_of("owned_after_title_word", "relieved") == (
        "Greta Holm's husband",
        "Greta Holm's husband",
    )


def test_a_name_the_parser_cut_into_conjuncts_is_whole() -> None:
    # `"...," Horton Blackwood, the party committeeman from Ohio, told reporters`, with each
    # word of the name a conjunct of a name inside the quotation (a hand-edited parse).
    assert _speaker_of("name_parsed_as_conjuncts", "nominee") == (
        "Horton Blackwood",
        "Horton Blackwood",
    )


def test_a_relative_set_off_after_an_apposition_stands_for_the_name() -> None:
    # `the Harbour Trust, a charity that runs the shelters, which said ...`, `Tomas Ruiz, a
    # lawyer with the Coastal Alliance, who said ...`: not the noun inside the apposition.
    assert _speaker_of("relative_after_apposition", "lobby") == ("Harbour Trust", "which")
    assert _speaker_of("relative_after_apposition", "flawed") == ("Tomas Ruiz", "who")


def test_a_fronted_phrase_holds_no_speaker() -> None:
    # `In a Harbour Radio interview broadcast Friday, Kovac said`, the subject arc lost: the
    # name in the fronted phrase is not the speaker, the one after its comma is.
    site = cue_site("fronted_adverbial", "said")
    assert mention_text(site, name_before_cue(site)) == "Kovac"
    name, _ = _speaker_of("fronted_adverbial", "serious doubts")
    assert name == "Kovac"


def test_the_name_right_before_an_introducing_cue_speaks() -> None:
    # `When Ruiz noted ..., Kovac replied, "..."`: the parser links the quote to "noted" and
    # hangs "replied" inside the earlier clause; the cue right before the opening mark wins.
    site = cue_site("name_right_before_cue", "replied")
    assert mention_text(site, name_before_cue(site)) == "Kovac"
    name, mention = _speaker_of("name_right_before_cue", "That makes us careful")
    assert (name, mention) == ("Kovac", "Kovac")


def test_as_one_put_it_is_a_cue() -> None:
    result = attribute(parsed("as_put_it"), LEXICON)
    disaster = quote_containing(result, "It is a disaster")
    storm = quote_containing(result, "ready for the storm")
    assert disaster.cue is not None
    assert (disaster.cue.text, disaster.cue.lemma) == ("put it", "put_it")
    speakers = [speaker_of(result, q) for q in (disaster, storm)]
    assert [s.name if s else None for s in speakers] == ["one resident", "Lena Ortiz"]


def test_a_long_apposition_after_an_opening_name_keeps_the_name_as_speaker() -> None:
    # `Tomas Ruiz, the managing director of ... -- the ferry operator that runs ..., which ...
    # -- told me, "..."` parsed with the name as root: the cue has no subject and the run is
    # long.
    site = cue_site("long_apposition_opening", "told")
    assert mention_text(site, name_before_cue(site)) == "Tomas Ruiz"
    name, _ = _speaker_of("long_apposition_opening", "We sell seats")
    assert name == "Tomas Ruiz"


def test_a_relative_clause_in_the_apposition_still_leaves_only_the_source_between() -> None:
    # `"...," Ana Kovac, the director at the Harbour Trust and who also chairs the dock union,
    # told the Harbour Gazette.`: far from the quote, unlinked, with a verb in between that
    # belongs to the apposition; and the relative clause the cue hangs on is no content.
    result = attribute(parsed("relative_in_apposition"), LEXICON)
    quote = quote_containing(result, "community of families")
    speaker = speaker_of(result, quote)
    assert speaker is not None
    assert speaker.name == "Ana Kovac"
    assert [q.text for q in result.quotes] == [quote.text]


def test_a_name_set_off_by_commas_right_before_the_cue_speaks() -> None:
    # `which the ferry line's managing director, Ana Kovac, called "plain robbery"`: the parser
    # hangs the cue on the title and gives it no subject.
    site = cue_site("name_set_off_before_cue", "called")
    assert mention_text(site, name_before_cue(site)) == "Ana Kovac"


def test_an_object_right_before_the_cue_is_not_its_speaker() -> None:
    # `..., Ana Kovac, the mayor of Split, one of the towns suing the Port Authority, said`: the
    # authority is what the towns sue, set off by a comma on one side only.
    site = cue_site("object_before_cue", "said")
    assert mention_text(site, name_before_cue(site)) == "Ana Kovac"


def test_a_number_of_a_group_speaks_as_the_group_counted() -> None:
    # `Nearly eight of 10 dockworkers say ...`: the parser makes the number the subject.
    site = cue_site("number_of_group", "say")
    assert mention_text(site, subject_of_cue(site)) == "eight of 10 dockworkers"
    result = attribute(parsed("number_of_group"), LEXICON)
    assert [s.name for s in result.speakers] == ["eight of 10 dockworkers"]


def test_a_name_right_before_a_participle_cue_speaks() -> None:
    # `a clip of Tomas Ruiz asking, "..."`: not the subject of the clause above ("The
    # documentary").
    site = cue_site("name_before_participle", "asking")
    assert mention_text(site, name_before_cue(site)) == "Tomas Ruiz"
    assert _speaker_of("name_before_participle", "new pier") == ("Tomas Ruiz", "Tomas Ruiz")


def test_a_description_right_before_a_finite_cue_speaks() -> None:
    # `..., the 52-year-old captain of the night ferry answered, "..."` with the cue hung on
    # the noun.
    site = cue_site("description_before_cue", "answered")
    assert mention_text(site, name_before_cue(site)) == "the 52-year-old captain"


def test_a_gerund_opened_by_a_preposition_describes_no_noun() -> None:
    # `... selling ferry tickets on his website and for saying that ...`, "saying" hung on
    # "tickets": a gerund with its "for" is no description of the noun; the clause above speaks.
    site = cue_site("gerund_with_mark", "saying")
    assert mention_text(site, participle_continues_speaker(site)) == "Ruiz"


def test_the_owner_of_a_noun_of_speech_before_a_colon_speaks() -> None:
    # `His answer was short: "..."`: the possessor of the answer, resolved as a pronoun.
    assert _speaker_of("colon_noun", "fight the toll") == ("Tomas Ruiz", "His")


def test_a_noun_of_speech_before_a_colon_is_a_cue_of_its_owner() -> None:
    # `Mayor Ana Kovac is trying out a new message: "..."`: the subject of the verb whose
    # object the message is.
    layout = layout_of("colon_noun")
    quote = next(
        q for q in layout.quotes if "port is ours" in layout.doc.text[q.span.start : q.span.end]
    )
    match = colon_noun_cue(layout.sentence_index_at(quote.span.start), quote.span, layout, LEXICON)
    assert match is not None
    assert match.word.text == "message"
    assert match.source is not None
    assert (
        mention_text(CueSite(match.source.sentence, match.word, layout, LEXICON), match.source.word)
        == "Mayor Ana Kovac"
    )


def test_a_cue_with_a_clause_of_its_own_after_the_quote_is_not_its_cue() -> None:
    # `said he writes ... because "...," though he noted he has also written about ...`:
    # "noted" hangs on a quoted word but reports its own clause.
    result = attribute(parsed("cue_with_own_clause"), LEXICON)
    quote = quote_containing(result, "a sailor writes about")
    assert quote.cue is not None
    assert quote.cue.text == "said"


def test_a_title_word_ending_a_name_is_a_surname() -> None:
    # `Democrat Laura Bishop`: "Bishop" is a title before names, a surname after one.
    result = attribute(parsed("title_as_surname"), LEXICON)
    assert roles_by_name(result) == {"Laura Bishop": ["Democrat"]}


def test_names_listed_with_party_tags_all_speak() -> None:
    # `Senators Ana Kovac (R-Utah), Tomas Ruiz (D-Mich.) and Lena Ortiz (D-Va.) all argued`:
    # the tags in parentheses break the parser's conjunction; the list is read on the surface.
    result = attribute(parsed("listed_with_tags"), LEXICON)
    quote = quote_containing(result, "harbour fee broke the law")
    names = {s.id: s.name for s in result.speakers}
    assert names[quote.speaker_id or ""] == "Ana Kovac"
    assert [names[c] for c in quote.co_speaker_ids] == ["Tomas Ruiz", "Lena Ortiz"]
    # The title before the list is every listed name's, past the tags.
    roles = roles_by_name(result)
    assert roles == {name: ["Senators"] for name in ("Ana Kovac", "Tomas Ruiz", "Lena Ortiz")}


def test_a_cue_in_a_clause_of_time_after_the_quote_is_not_its_cue() -> None:
    # `a clip of Ana Kovac saying ..., "We cannot pay twice," when Tomas Ruiz attacked her`.
    name, _ = _speaker_of("circumstance_cue", "We cannot pay twice")
    assert name == "Ana Kovac"


def test_a_relative_clause_on_a_predicate_noun_describes_the_subject() -> None:
    # `Ruiz is a retired ferry captain who is a vocal critic of the harbour levy`.
    result = attribute(parsed("relative_on_predicate"), LEXICON)
    quote = quote_containing(result, "harbour levy")
    speaker = speaker_of(result, quote)
    assert speaker is not None
    assert (speaker.name, [r.text for r in speaker.roles]) == (
        "Ruiz",
        ["a retired ferry captain", "a vocal critic of the harbour levy"],
    )


def test_a_title_word_after_an_honorific_is_a_surname_and_a_party_label_names_no_one() -> None:
    # `A Republican, Mr. Bishop is campaigning ... / In a short email, he refused to discuss`.
    name, _ = _speaker_of("honorific_title_surname", "discuss the ferry fees")
    assert name == "Bishop"


def test_a_name_deep_in_the_subjects_appositions_is_the_one_a_pronoun_means() -> None:
    # `His guest, the poet and campaigner Ana Kovac, was ... as she pleaded for ...`.
    name, _ = _speaker_of("deep_apposition", "public vote on the toll")
    assert name == "Ana Kovac"


def test_two_titles_joined_by_and_before_a_name_are_two_roles() -> None:
    # `the poet and campaigner Ana Kovac`.
    result = attribute(parsed("deep_apposition"), LEXICON)
    assert roles_by_name(result) == {"Ana Kovac": ["His guest", "poet", "campaigner"]}


def test_a_verb_coordinated_without_a_subject_shares_the_first_verbs() -> None:
    # `A reporter for the Harbour Times spotted the mayor ... and reported that she had left`:
    # not the name nearest before the cue ("Harbour Times").
    name, mention = _speaker_of("shared_subject", "had left early")
    assert name == "A reporter for the Harbour Times"
    assert mention == "A reporter for the Harbour Times"


def test_a_name_the_parser_split_after_a_preposition_stays_in_the_complement() -> None:
    # `A columnist for Island Today said`, with "Today" hung on "columnist": no speaker "Today".
    name, mention = _speaker_of("complement_name_run", "ferry had left")
    assert name == "A columnist for Island Today"
    assert mention == "A columnist for Island Today"


def test_a_surname_with_one_gender_is_not_the_full_name_of_the_other() -> None:
    # `honour Mr. Ruiz and the first lady, Ana Ruiz, ... / "It is a great honour," Mr. Ruiz
    # said.`
    name, mention = _speaker_of("spouse_named_in_apposition", "great honour")
    assert (name, mention) == ("Ruiz", "Mr. Ruiz")


def test_a_title_cased_headline_lends_no_words_to_a_name() -> None:
    # `Fishermen Slam Ana Kovac Over The New Harbour Toll`: every word is capitalised; the name
    # is the body's "Ana Kovac", and "Fishermen Slam" is no part of it.
    result = attribute(parsed("headline_name_run"), LEXICON)
    assert roles_by_name(result) == {"Ana Kovac": []}


def test_a_title_cased_headline_may_give_the_first_name() -> None:
    # `Ana Kovac Goes After The Toll Board` / `"It is unfair," Kovac said.`
    result = attribute(parsed("headline_full_name"), LEXICON)
    assert roles_by_name(result) == {"Ana Kovac": []}


def test_an_initial_tagged_as_an_article_stays_in_the_name() -> None:
    # `"..." ― Rosa M. Delgado Vega.`, with "M." tagged DET.
    name, mention = _speaker_of("initial_in_name", "harbour district")
    assert (name, mention) == ("Rosa M. Delgado Vega", "Rosa M. Delgado Vega")


def test_a_name_set_off_after_the_subject_of_the_sentence_before_speaks_the_quote() -> None:
    # `Her longtime deputy at the port authority, Marta B. Lindqvist, worked beside her ...
    # "She never left a meeting ..."`, with the name hung on "authority".
    result = attribute(parsed("name_set_off_after_complement"), LEXICON)
    (quote,) = result.quotes
    assert quote.rule == "speaker of the sentence before"
    assert roles_by_name(result) == {
        "Marta B. Lindqvist": ["Her longtime deputy at the port authority"]
    }


def test_a_verb_of_praise_holding_the_quoted_words_is_their_cue() -> None:
    # `Gov. Ana Kovac lauded Mr. Ruiz ... for building "a smarter, cleaner harbour."`
    result = attribute(parsed("evaluation_partial_quote"), LEXICON)
    quote = quote_containing(result, "cleaner harbour")
    speaker = speaker_of(result, quote)
    assert quote.rule == "subject of cue"
    assert quote.cue is not None
    assert quote.cue.text == "lauded"
    assert quote.attribution_type.value == "stance"
    assert speaker is not None
    assert speaker.name == "Ana Kovac"


def test_an_organisation_keeps_the_rest_of_its_name_after_of_or_for() -> None:
    named = [(name, kind) for _, name, kind, _ in _attributions("organization_names_with_of")]
    assert named == [
        ("National Bureau of Fisheries", "organization"),
        ("Centers for Coastal Safety and Rescue", "organization"),
        # The bank is where the spokesman works: the name is the description's.
        ("A spokesman for the Bank of Dalmatia", "person"),
        # "Ben" and "Carver" each hung on the title: both are the name.
        ("Ben Carver", "person"),
    ]


def test_wire_copy_names_and_descriptions() -> None:
    found = _attributions("wire_names")
    assert found == [
        # A second cue with its own clause and name is no content of the first.
        ("the country would pay its debts", "William Ruto", "person", ["Kenyan President"]),
        ("spending would fall", "Njuguna Ndung'u", "person", ["Finance Minister"]),
        # An organisation's role holder, by the name set off after the role.
        (
            "inflation was falling",
            "Andrew Bailey",
            "person",
            ["The Bank of England's governor"],
        ),
        # An organisation's name describing the noun that speaks.
        ("the exercise went as planned", "Ministry of Defence officials", "group", []),
        # A particle inside a name.
        ('"The numbers do not lie,"', "Jan de Vries", "person", ["Prof."]),
    ]


def test_a_participle_cue_reports_its_own_clause_and_a_medial_cue_splits_its_content() -> None:
    doc = parsed("medial_and_participle")
    result = attribute(doc, LEXICON)
    read = []
    for quote in result.quotes:
        speaker = speaker_of(result, quote)
        pieces = [doc.text[p.start : p.end] for p in quote.pieces]
        cue = quote.cue.text if quote.cue else None
        read.append((quote.text, cue, speaker.name if speaker else None, pieces))
    assert read[0][0] == '"It is over,"'
    assert read[1:3] == [
        # `she said, adding that ...`: "adding" reports its clause, not "said" its participle.
        ("she would not run again", "adding", "she", []),
        # `The decision, analysts said, was expected`: two pieces around the attribution.
        (
            "The central bank's decision, analysts said, was widely expected",
            "said",
            "analysts",
            ["The central bank's decision", "was widely expected"],
        ),
    ]
    # `said one, Ahmed Ali, 35`: the name after "one".
    assert read[-1][2] == "Ahmed Ali"


def test_one_of_those_described_speaks_as_one_when_no_name_follows() -> None:
    # `"...," said one, who did not want to be named.`, `"...," said another.`: the speaker is
    # one of the commuters just described, by the only words the article has for them; the
    # relative clause marks the first as an unnamed source.
    result = attribute(parsed("said_one_unnamed"), LEXICON)
    speakers = [speaker_of(result, quote) for quote in result.quotes]
    assert [(s.name, s.anonymous) for s in speakers if s is not None] == [
        ("one", True),
        ("another", True),
    ]


def test_a_name_set_off_after_a_role_and_its_complement_is_the_speaker() -> None:
    # `The spokeswoman for the Foreign Office, Emma Lloyd, said ...`, the name hung on "Office".
    result = attribute(parsed("name_after_role_complement"), LEXICON)
    assert roles_by_name(result) == {"Emma Lloyd": ["The spokeswoman for the Foreign Office"]}


def test_appositions_parsed_as_subjects() -> None:
    found = [(text, name, kind) for text, name, kind, _ in _attributions("apposed_subjects")]
    assert found == [
        # The bare name speaks, not the label with its article.
        ('"a disaster for families."', "Smith", "unknown"),
        # The object the apposition describes opens the reported clause.
        (
            "the suspect, a 34-year-old man from Leeds, had been arrested",
            "Police",
            "organization",
        ),
        # Officials are a group, wherever they work.
        (
            "the new berths would open in June",
            "Officials at the Department of Harbours and Coastal Services",
            "group",
        ),
    ]


def test_a_coordinated_cue_shares_the_reporter_of_its_chain_not_a_verb_between() -> None:
    # `Harbour officials pointed to a drill the navy suddenly staged ... and warned of ...`,
    # with "warned" conjoined to "staged": the officials warned, not the navy.
    name, _ = _speaker_of("chain_past_other_subject", "winter crossings")
    assert name == "Harbour officials"


def test_described_sources_and_what_is_no_role() -> None:
    found = [(text, name, roles) for text, name, _, roles in _attributions("described_sources")]
    assert found == [
        # Those spoken to are no role of the one name after them.
        ("the talks had failed", "Tomas Ruiz", []),
        # The name after a title in a description's complement is not the speaker's, and an
        # inverted cue's object is who spoke, no content.
        (
            '"No comment,"',
            "a spokesman for Prime Minister Ana Kovac",
            ["a spokesman for Prime Minister Ana Kovac"],
        ),
        # A description opening the sentence before a set-off relative clause speaks.
        ("he was happy", "The 27-year-old striker", ["The 27-year-old striker"]),
    ]


def test_after_an_inverted_cue_stands_the_speaker_not_what_was_said() -> None:
    # `"I was terrified," said Maria, a 19-year-old student who asked that her last name not
    # be used.`: no reported clause from the apposition, and the request is no attribution.
    result = attribute(parsed("inverted_cue_no_content"), LEXICON)
    assert [(q.text, q.rule) for q in result.quotes] == [('"I was terrified,"', "name after cue")]
    assert roles_by_name(result) == {"Maria": ["a 19-year-old student"]}


def test_a_hyphenated_age_after_an_inverted_cue_is_passed_over() -> None:
    # `"...," said 58-year-old ferryman Tomas Ruiz.` with the ferryman parsed as the object:
    # the pieces of "58-year-old" take no place among the words read after the cue, which
    # reach the ferryman, and the name set off after him speaks.
    site = cue_site("hyphenated_age_after_cue", "said")
    assert mention_text(site, name_after_cue(site)) == "58-year-old ferryman"
    result = attribute(parsed("hyphenated_age_after_cue"), LEXICON)
    assert roles_by_name(result) == {"Tomas Ruiz": ["58-year-old ferryman"]}


def test_a_name_after_a_noun_of_what_the_speaker_does_after_an_inverted_cue() -> None:
    # `"...," tweeted former footballer Owen Marlow.`, the noun and the name two objects of
    # the cue: the name speaks and the noun is its role.
    result = attribute(parsed("sport_noun_after_inverted_cue"), LEXICON)
    assert roles_by_name(result) == {"Owen Marlow": ["former footballer"]}


def test_a_participle_after_a_quotation_takes_an_object_not_a_speaker() -> None:
    # `... branded the plan "a tax on the harbour," echoing some long-time critics of the council.`:
    # only a finite cue inverts after a quotation; the critics are what is echoed.
    site = cue_site("participle_after_quote_object", "echoing")
    assert name_after_cue(site) is None


def test_a_fronted_participle_clause_holds_no_speaker() -> None:
    # `Reached by phone on Thursday, Tomas Ruiz, the ferry line's operations director, said
    # ...` with the name parsed as a conjunct of "Thursday": past the participle's clause, the
    # name before the cue speaks.
    result = attribute(parsed("fronted_participle_before_name"), LEXICON)
    assert roles_by_name(result) == {"Tomas Ruiz": ["the ferry line's operations director"]}
    [quote] = result.quotes
    assert quote.text == "the boats would run again by the weekend"


def test_a_description_with_its_apposition_between_the_quote_and_the_cue() -> None:
    # `"...," one protester, a nursing student named Aisha, told the Harbour Times.`: the
    # description right after the closing mark speaks, and the name given in its apposition
    # names it.
    result = attribute(parsed("description_before_named_apposition"), LEXICON)
    first = speaker_of(result, quote_containing(result, "going anywhere"))
    assert first is not None
    assert (first.name, [r.text for r in first.roles]) == (
        "Aisha",
        ["one protester", "a nursing student"],
    )
    # With a relative clause in the apposition, parsed as hanging the cue below it: the quote
    # still reaches the cue over the source between them, opened by a number.
    result = attribute(parsed("description_with_relative_before_cue"), LEXICON)
    [quote] = result.quotes
    speaker = speaker_of(result, quote)
    assert speaker is not None
    assert speaker.name == "Aisha"


def test_wire_titles_particles_and_a_participle_conjoined_to_the_content() -> None:
    found = [(text, name, roles) for text, name, _, roles in _attributions("wire_titles")]
    assert found == [
        # The name set off after a description may carry its own title.
        (
            "members would strike",
            "Sharon Graham",
            ["The head of the union", "Unite general secretary"],
        ),
        ("the team was improving", "Erik ten Hag", ["Manchester United manager"]),
        # `would appeal, adding: "..."`, the participle conjoined to "appeal": it is no part
        # of the content, which keeps its own attribution beside the quote.
        ("he would appeal", "Ruiz", []),
        ('"I am innocent."', "Ruiz", []),
    ]


def test_a_personal_pronoun_never_means_a_document_that_spoke() -> None:
    # `Ana Kovac answered a harbour board statement that accused the union of lying. She says
    # ...`: the statement speaks for itself, but "she" is Kovac.
    name, mention = _speaker_of("pronoun_after_document", "dangerous for the port")
    assert (name, mention) == ("Ana Kovac", "She")


def test_an_organisation_name_takes_no_day_after_on() -> None:
    named = [name for _, name, _, _ in _attributions("organization_then_time")]
    assert named == ["Harbour Safety Council", "Times"]


def test_trailing_sources_before_and_after_their_cue() -> None:
    found = [
        (text, name, roles)
        for text, name, _, roles in _attributions("trailing_source_and_apposition")
    ]
    assert found == [
        # The run between the last comma and the cue is the source, not the sentence's subject.
        (
            "The families, who asked the council to release the inspection video, watched it on "
            "Friday",
            "lawyers for the families",
            [],
        ),
        # `, said Tomas Ruiz, a senior official ...`: the apposition is no reported clause.
        (
            "The budget cuts forced the closure of the pier",
            "Tomas Ruiz",
            ["a senior engineer with the agency"],
        ),
        # `, echoing Mr. Ruiz.`: a participle's object is no source.
    ]


def test_said_and_a_name_after_the_clause_it_reports() -> None:
    found = [(text, name) for text, name, _, _ in _attributions("said_name_after_clause")]
    assert found == [
        # `..., said Tomas Ruiz, ...` with the name parsed as an indirect object: he speaks,
        # not the clause's subject.
        ("The new ferry timetable could start next month", "Tomas Ruiz"),
        # A cue with a clause after it reports that clause; what follows is no speaker.
        (
            "the recording shows the captain leaving the bridge only after the pilot came aboard",
            "Ana Kovac",
        ),
    ]


def test_object_of_a_control_verb_speaks_its_infinitive_cue() -> None:
    found = _attributions("object_of_control_verb")
    assert [(text, name, roles) for text, name, _, roles in found] == [
        # `The storm led X to warn`: X warns, not the storm.
        ("the pier could collapse", "Ana Kovac", ["harbour pilot"]),
        ("the strike would go on", "Tomas Ruiz", ["the union leader"]),
        # A speech act's object does not speak: the council urged.
        ("residents to report any damage", "The council", []),
        ('"a disaster waiting to happen."', "Peter Wong", ["veteran pilot"]),
    ]


def test_a_group_after_a_fronted_clause_speaks_without_an_article() -> None:
    # The subject arc is lost to the fronted clause's object: the group after its comma speaks.
    found = _attributions("group_before_cue")
    assert [(text, name, kind) for text, name, kind, _ in found] == [
        ("she has earned their trust", "harbour workers from both unions", "group"),
        ("it is safe", "elected officials from both towns", "group"),
    ]


def test_an_unnamed_group_keeps_its_whole_description() -> None:
    found = _attributions("described_groups")
    assert [(name, kind) for _, name, kind, _ in found] == [
        # A participle the tagger calls a gerund describes the noun too.
        ("Residents living in houses along the quay", "group"),
        # Every prepositional phrase inside the description, not the first only; a collective
        # noun of people is a group, though "group" heads organisations' names.
        ("A group of parents with children in harbour schools", "group"),
        ("A majority of voters", "group"),
        ("Harbour Group", "organization"),
    ]


def test_a_relative_pronoun_hung_on_a_verb_speaks_for_the_noun_before_its_comma() -> None:
    # `given to Mayor Tomas Ruiz, who proposed the toll`, with the relative clause parsed as an
    # adverbial clause of "given".
    found = _attributions("relative_on_verb")
    assert found == [("the toll", "Tomas Ruiz", "person", ["Mayor"])]


def test_a_contrasting_clause_conjoined_into_a_report_is_its_own_attribution() -> None:
    # "while" opens the writer's own clause beside the report, though the parser conjoined
    # its verb into the reported clause: the partial quote is Achieng's, not Mwangi's.
    found = _attributions("contrast_beside_report")
    assert [(text, name, roles) for text, name, _, roles in found] == [
        ("the budget gap would narrow", "John Mwangi", ["Finance Secretary"]),
        ('"a recipe for hardship."', "Rose Achieng", ["opposition leader"]),
    ]


def test_sources_described_by_an_adjective_and_organisations_by_their_head_word() -> None:
    found = _attributions("adjective_after_source")
    assert [(name, kind) for _, name, kind, _ in found] == [
        # The mention took the adjective after its noun; its phrase describes the sources too.
        ("Sources close to the talks", "group"),
        # A college and a news outlet are organisations (engine/data/organizations.txt).
        ("Royal College of Midwifery", "organization"),
        ("Harbour News", "organization"),
    ]


def test_a_that_clause_after_a_statement_and_a_title_set_off_before_a_name() -> None:
    # "that" parsed as the object of a relative clause on "statement": the clause is the
    # cue's, without "that"; "The Chancellor" (tagged a proper noun) is the name's title.
    found = _attributions("statement_that_clause")
    assert found == [
        ("growth would recover", "Rachel Reeves", "person", ["The Chancellor"]),
        # An honorific without its full stop says a person too.
        ("the plan was lawful", "Patel", "person", []),
    ]


def test_a_that_clause_hung_on_the_noun_of_an_oblique_is_the_cues() -> None:
    # `confirmed in a statement on its website that ...`, with the clause on "website".
    assert _attributions("that_clause_on_oblique_noun") == [
        ("the striker had signed a new contract", "The club", "organization", []),
    ]


def test_a_whose_clause_after_a_name_is_no_role() -> None:
    # `said Maria Santos, whose son works at the plant`: about her son, not her post.
    assert _attributions("whose_clause_after_name") == [
        ('"We were never told,"', "Maria Santos", "person", []),
    ]


def test_quoted_words_never_speak_and_compared_to_is_no_cue() -> None:
    # `admitted there were "a few skippers" who worry about them`: "worry" speaks for the
    # quoted words themselves, so the harbour master's "admitted" attributes them; `rated ...
    # as "false," compared to 11%`: "compared to" is a preposition, no cue, and "32%" never
    # speaks. The fragment after `who worry about them` is his too.
    found = [(text, name) for text, name, _, _ in _attributions("quoted_words_never_speak")]
    assert found == [
        ('"a few skippers"', "the harbour master"),
        ('"though not many."', "the harbour master"),
    ]


def test_people_by_common_nouns_titles_of_ireland_and_letters_after_a_name() -> None:
    # `one fan` is a person (role nouns and gendered nouns say so); `Taoiseach` is a title;
    # `KC` after a name is no part of it; `shot back` is a cue.
    assert _attributions("person_nouns_and_post_nominals") == [
        ('"It\'s not about the money,"', "one fan", "person", ["one fan"]),
        ("Ireland would not accept a hard border", "Niamh Corrigan", "person", ["Taoiseach"]),
        ('"bitterly regrets"', "Simon Achterberg", "person", ["The defendant's barrister"]),
        ('"That\'s rubbish,"', "Moore", "unknown", []),
    ]


def test_a_clause_hung_on_the_one_told_is_what_was_told() -> None:
    # `told the BBC she had raised concerns`, `informed the media that ...`: the parser hangs
    # the clause on the addressee; not a clause on a pronoun (`anything they did not know`).
    found = [(text, name) for text, name, _, _ in _attributions("clause_on_addressee")]
    assert found[:2] == [
        ("she had raised concerns about staffing three times", "Joan Pike"),
        ("12 people had been detained", "Rakesh Verma"),
    ]
    assert "they did not already know" not in [text for text, _ in found]


def test_a_name_inside_a_complement_and_a_request_for_comment() -> None:
    # `Officials at the US Embassy in Nairobi`: the city names where they work, not them;
    # `did not respond to a request for comment` says nothing; `responded to the criticism
    # on Tuesday` reports no time.
    assert _attributions("no_comment_and_complement_names") == [
        (
            "they were monitoring the situation closely",
            "Officials at the US Embassy in Nairobi",
            "group",
            [],
        ),
        ('"fully costed."', "The minister", "person", ["The minister"]),
    ]


def test_a_pronoun_goes_to_the_person_of_its_stated_gender() -> None:
    # `Campbell met Ms Dunmore. She said ...`: the subject's gender is not stated, Dunmore's
    # is (also by a gendered role: `the opposition spokeswoman`); a subject of that gender
    # keeps the pronoun (`Ms Lind met Mr Berg. She said ...`).
    found = [(text, name) for text, name, _, _ in _attributions("pronoun_of_stated_gender")]
    assert found[:3] == [
        ('"productive"', "Dunmore"),
        ('"It was a frank exchange,"', "Lucy Grant"),
        ("the talks had gone well", "Lind"),
    ]


def test_a_pronoun_no_subject_can_take_goes_to_the_person_named_aside() -> None:
    # `Ana Kovac, the mayor, met union leader Tom Reyes on Monday. She said ... He said ...`:
    # "he" is no Kovac (she is "she"); Reyes, named as the object, is the one meant.
    assert quoted_by("pronoun_for_person_named_aside") == [
        ("the talks were productive", "Ana Kovac"),
        ("they were a waste of time", "Tom Reyes"),
    ]


def test_a_trailing_source_set_off_by_commas_reports_all_before_it() -> None:
    # `..., the bank's chief economist, Hamid Qureshi, said`: a description and a name set off
    # by commas are the source, no part of the content; a view the clause before reports
    # (`Police believe ...`) is what the trailing source said, and a "clause" the parser
    # made of the source (`a source close to the inquiry`) is none.
    found = [(text, name) for text, name, _, _ in _attributions("trailing_sources_set_off")]
    assert found == [
        ("Inflation will peak this summer", "Hamid Qureshi"),
        (
            "The union hopes the strike will force management back to the table",
            "Frances Doyle",
        ),
        ("Police believe the fire was started deliberately", "a spokesman for Kent Police"),
        (
            "Investigators believe the crash was caused by engine failure",
            "a source close to the inquiry",
        ),
    ]


def test_quotes_in_single_marks_are_direct_and_partial_quotes() -> None:
    # British copy: `'I never wanted to leave,' the striker told the Daily Mail.`
    found = [(q, name) for q, name, _, _ in _attributions("single_quote_marks")]
    assert found == [
        ("\u2018This is the end of an era,\u2019", "Robert Cleary"),
        ("'I never wanted to leave,'", "the striker"),
        ("'fails the country'", "Joanna Crewe"),
    ]
    kinds = [q.kind for q in attribute(parsed("single_quote_marks"), LEXICON).quotes]
    assert kinds == [QuoteKind.DIRECT, QuoteKind.DIRECT, QuoteKind.PARTIAL]


def test_a_document_speaks_for_its_owner_and_an_extraposed_clause_stays_whole() -> None:
    # `The club's statement said`, `Mr. Ruiz's letter ... warned`: the owner speaks. `It is
    # "highly unlikely" that the mission will launch`: never the opposite, "the mission will
    # launch this year", as what the officials said.
    found = [(text, name) for text, name, _, _ in _attributions("document_owner_and_extraposed")]
    assert found == [
        ("the player would be out for six weeks", "The club"),
        ("the pier was unsafe", "Ruiz"),
        ('"highly unlikely"', "NASA officials"),
    ]


def test_an_adverb_set_off_before_that_is_no_part_of_the_content() -> None:
    # `warned, however, that fares would stay high`.
    found = [text for text, _, _, _ in _attributions("adverb_set_off_before_that")]
    assert found == ["fares would stay high"]


def test_a_relative_clause_on_a_names_apposition_speaks_for_the_name() -> None:
    # `said Rebecca Osei, an economist at Hallam Partners, who expects ...`: one speaker.
    result = attribute(parsed("relative_clause_on_apposition"), LEXICON)
    assert [s.name for s in result.speakers] == ["Rebecca Osei"]
    assert len(result.quotes) == 2


def test_a_day_after_a_source_is_no_name_of_it() -> None:
    # `according to a statement released on Thursday`: the statement, not "Thursday" (who
    # would then be dropped as nobody, leaving the quote without a speaker); when it was
    # released is no part of its name.
    found = [name for _, name, _, _ in _attributions("source_released_on_a_day")]
    assert found == ["a statement"]


def test_acts_that_state_nothing_are_no_attributions() -> None:
    # "founded" is no form of "find"; a plea in court (`pleaded guilty`) and a comment asked
    # for (`calls seeking comment`) state nothing; a notice `according to` which the clause is
    # reported is its source, not what was posted. A comment declined stays (PolNeAR and
    # newsrooms alike record the refusal).
    found = [(text, name) for text, name, _, _ in _attributions("acts_that_say_nothing")]
    assert found[0] == ("Schools will stay closed on Monday", "Lakeview School District")
    assert [text for text, _ in found[1:]] == ["comment", "the ruling"]


def test_a_quoted_nickname_is_no_quote_and_no_part_of_the_name() -> None:
    # `said Jaylen "Jet" Morrissey`: the nickname is set aside; the name runs on to the surname.
    found = _attributions("quoted_nicknames")
    assert [(text, name, roles) for text, name, _, roles in found] == [
        ('"I have always been a big-game player,"', "Jaylen Morrissey", []),
        ('"We were rubbish,"', "Rhys Calloway", ["The captain"]),
    ]
    kinds = [q.kind for q in attribute(parsed("quoted_nicknames"), LEXICON).quotes]
    assert kinds == [QuoteKind.DIRECT, QuoteKind.DIRECT]


def test_the_name_after_a_team_and_its_role_word_speaks() -> None:
    # `said Hawks coach Terry Mulvane`, `Lakers forward Dion Mabry said`, with "coach" tagged
    # a verb and "forward" a preposition: the coach and the forward speak, not the teams.
    found = [(name, roles) for _, name, _, roles in _attributions("team_before_role_word")]
    assert found == [("Terry Mulvane", ["Hawks coach"]), ("Dion Mabry", ["Lakers forward"])]


def test_a_that_clause_after_a_phrase_with_names_is_the_cues() -> None:
    # `said in a filing with the Securities and Exchange Commission that ...` (the clause hung
    # on the last name) and `wrote in the journal Nature Medicine that ...` (as an adverbial).
    found = [(text, name) for text, name, _, _ in _attributions("that_clause_deep_in_oblique")]
    assert found == [
        ("it expects revenue to decline in the fourth quarter", "Redmoor Systems"),
        ("the drug cut hospital admissions by a third", "Researchers"),
    ]


def test_a_colon_introduction_after_a_quote_and_a_subject_after_a_fronted_asked() -> None:
    # `Her deputy, Alain Fortier, was more optimistic: "..."` after Moreau's quote: Fortier's
    # words, not a second piece of Moreau's; `Asked if she would run again, Hargreaves
    # laughed. "...," she said.`: she is Hargreaves; `recalled former colleague Nadine
    # Forsythe`: the cue is no word of her role.
    found = [(name, roles) for _, name, _, roles in _attributions("colon_speaker_and_inverted_cue")]
    assert found == [
        ("Moreau", []),
        ("Alain Fortier", ["Her deputy"]),
        ("Hargreaves", []),
        ("Nadine Forsythe", ["former colleague"]),
    ]
    # A surname alone that "she" refers to is a person's.
    kinds = {name: kind for _, name, kind, _ in _attributions("colon_speaker_and_inverted_cue")}
    assert kinds["Hargreaves"] == "person"


def test_a_past_tense_cue_conjoined_under_would_is_coordinated_with_the_cue_above() -> None:
    # `He said the company would appeal and accused the agency of "..."`: "accused" cannot
    # share "would"; it is Ruiz's own attribution, with his subject, and no part of the clause.
    result = attribute(parsed("past_cue_beside_modal"), LEXICON)
    speakers = {s.id: s.name for s in result.speakers}
    found = [
        (q.text, q.cue.lemma if q.cue else None, speakers.get(q.speaker_id or ""))
        for q in result.quotes
    ]
    assert found == [
        ("the findings", "reject", "Tomas Ruiz"),
        ("the company would appeal", "say", "Tomas Ruiz"),
        ('"a political vendetta."', "accuse", "Tomas Ruiz"),
    ]


def test_unnamed_sources_described_by_an_adjective_clause_and_mentioned_again() -> None:
    found = _attributions("unnamed_sources_again")
    assert [(text, name) for text, name, _, _ in found] == [
        # "familiar" parsed as a clause of "said" holding the subject: the sources speak.
        ("the deal could be signed next week", "People familiar with the matter"),
        # "the source" is the source described with "a" just before.
        ("she had not decided", "A source close to the mayor"),
        ('"She is still weighing it,"', "A source close to the mayor"),
    ]


def test_a_description_shortened_later_is_the_same_speaker() -> None:
    # `The ferry operator said ... The operator said ...`: "the" and the noun of a speaker
    # described shortly before with "the" is that speaker, as it is after "a".
    assert quoted_by("definite_description_shortened") == [
        ("it would cut services", "The ferry operator"),
        ("fuel costs had doubled", "The ferry operator"),
    ]


def test_a_participle_after_a_comma_is_no_description_of_a_thing() -> None:
    # `pinned the rota, headed "...", to the canteen wall, writing "..."`, with "writing" on
    # "wall": set off by a comma, the participle goes with the clause; a wall speaks for no one.
    found = _attributions("participle_on_a_thing")
    assert [(text, name) for text, name, _, _ in found] == [
        ('"Nobody works a double shift."', "Lena Berg")
    ]


def test_a_name_completing_a_description_before_the_cue_does_not_speak() -> None:
    # `"...," a spokesperson for the Department of Education said.`: the spokesperson speaks;
    # a name after a preposition of time is the clause's own subject (`a week after the
    # Harbour Council rejected the strike`).
    found = [(name, kind) for _, name, kind, _ in _attributions("description_with_name_complement")]
    assert found == [
        ("a spokesperson for the Department of Education", "person"),
        ("Harbour Council", "organization"),
    ]


def test_a_quote_paragraph_without_a_cue_after_a_description_of_its_speaker() -> None:
    # `Captain Lisa Tamsin was upbeat after the win.` then a quote paragraph with no cue: hers;
    # `The harbour minister's message ... was blunt: "..."`: the minister's words; a paragraph
    # about a thing (`The ferry sank in 1953.`) introduces no one.
    result = attribute(parsed("introduced_by_description"), LEXICON)
    speakers = [speaker_of(result, quote) for quote in result.quotes]
    assert [s.name if s else None for s in speakers] == [
        "Lisa Tamsin",
        "The harbour minister",
        None,
    ]


def test_a_person_called_by_age_before_the_cue_speaks_though_parsed_as_a_clause() -> None:
    # `The 71-year-old said she had lost ...`, with "old" parsed as a clause of "said": the
    # age is the subject, and the person named last.
    found = [(text, name) for text, name, _, _ in _attributions("age_before_cue")]
    assert found == [("she had lost decades of photographs", "Ellen Marsh")]


def test_the_place_after_a_hometown_is_no_speaker() -> None:
    # `"...," Paolo Conti, of Modena, Italy, told reporters`: Conti speaks, not "Italy"; after
    # `Arjun Mehta, of Leicester, England, said`, "he" is Mehta, not "England".
    found = [(text, name) for text, name, _, _ in _attributions("hometown_after_name")]
    assert found == [
        ('"The harvest was poor,"', "Paolo Conti"),
        ("prices would rise", "Paolo Conti"),
        ("he had driven four hours to see the match", "Arjun Mehta"),
        ("the stadium was louder than he remembered", "Arjun Mehta"),
    ]


def test_a_people_named_as_a_plural_is_never_he_or_she() -> None:
    # `Kenyans, she said, "..."`: "she" is the mayor quoted before, not the Kenyans (a plural
    # name) nor the African-Americans (a group noun after a hyphen).
    found = [name for _, name, _, _ in _attributions("group_name_not_he")]
    assert found == ["Ruth Okafor", "Ruth Okafor", "Ruth Okafor"]


def test_a_plural_noun_of_people_before_a_name_is_no_part_of_it() -> None:
    # `Texans Ana Kovac and Tom Ruiz`: her name is "Ana Kovac".
    found = [(text, name) for text, name, _, _ in _attributions("people_before_names")]
    assert found == [("they would run for the seat", "Tom Ruiz"), ('"I am ready,"', "Ana Kovac")]


def test_the_subject_after_after_speaks_not_the_shares() -> None:
    # `Its shares fell 5 per cent after the lender said ...`, parsed with "after the lender"
    # as a phrase of "fell": the lender (the bank named before) speaks; with a named chief
    # executive, the shares' fall is no content of hers.
    found = [(text, name) for text, name, _, _ in _attributions("business_clause_openers")]
    assert found == [
        ("profits would fall", "Harrowgate Bank"),
        ("profits would fall", "Marianne Oduya"),
        ("it would cut costs", "Orbis"),
    ]


def test_the_person_quoted_as_saying_speaks_not_the_outlet() -> None:
    # `State television quoted Foreign Minister Elena Vasko as saying ...`: Vasko, at "saying"
    # and at "quoted"; the quoting itself is no content.
    found = [(text, name) for text, name, _, _ in _attributions("quoted_as_saying")]
    assert found == [
        ("the border was closed", "Elena Vasko"),
        ('"We will not be intimidated,"', "Elena Vasko"),
        ("two soldiers had been wounded", "a military spokesman"),
    ]


def test_crime_and_business_wording_that_states_nothing() -> None:
    # Police `were called to` a home, a woman `accused of` neglect, residents `were warned`
    # (passive: spoken to, not speaking), `showed no reaction`, `requested anonymity`, `read to
    # the court`, `speaking through an interpreter`, `said of Kwame Asante`, `reported a 20 per
    # cent fall`, `announced a special dividend`: no quotes; only what the officer, the victim,
    # Okafor and Burrell said.
    found = [(text, name) for text, name, _, _ in _attributions("crime_copy_not_quotes")]
    assert found == [
        ("the suspect was armed", "The officer"),
        ("she still feared for her safety", "the victim"),
        ('"We did everything we could,"', "Okafor"),
        ('"He is a special player,"', "Ian Burrell"),
    ]


def test_a_participle_after_the_cue_is_how_it_was_said_even_without_a_tense() -> None:
    # `..., director Ana Kovac told reporters, citing rising fuel costs.`: the tagger gives
    # "citing" no tense; set off after the cue's listener, it is no content of "told" but a cue
    # of its own, whose object is what was cited.
    found = [
        (text, name) for text, name, _, _ in _attributions("participle_without_tense_after_cue")
    ]
    assert found == [
        ("The port authority raised its fees on Monday", "Ana Kovac"),
        ("rising fuel costs", "Ana Kovac"),
    ]


def test_a_quote_goes_on_with_its_speaker_not_the_next_sentences_report() -> None:
    # `"We were lucky," Dr. Ana Lindqvist said. "Very lucky." The hospital said ...`: the
    # second quote is hers; a reporting verb of the next sentence with a clause or quotation
    # of its own (`said the ward would reopen`, `calls the shoot "exhausting."`) reports that.
    # Things put out or taken back (`recalled 12,000 robots`, `unveiled its new phone`,
    # `released the data`) are no words.
    found = [(text, name) for text, name, _, _ in _attributions("quote_before_own_report")]
    assert found == [
        ('"We were lucky," Dr. Ana Lindqvist said. "Very lucky."', "Ana Lindqvist"),
        ("the ward would reopen", "The hospital"),
        ('"It\'s a film about fathers," Haddad says. "Or rather, about absent fathers."', "Haddad"),
        ('"exhausting."', "Noor Villeneuve"),
    ]


def test_a_that_clause_hung_on_the_venue_is_what_was_told() -> None:
    # `told the nation in a televised address on Sunday that elections would go ahead`, `told
    # reporters in New Delhi that the detentions were "illegal ..."`, parsed with the clause
    # on "address" or "Delhi": the clause, and the quotation in it, are what was told.
    found = [(text, name) for text, name, _, _ in _attributions("told_in_a_venue_that")]
    assert found == [
        ("elections would go ahead as planned", "Emmanuel Okonkwo"),
        ('"illegal and unconstitutional"', "Jairam Menon"),
    ]


def test_a_question_a_source_did_not_answer_is_no_report() -> None:
    # `has not said how much`, `did not say when`, `would not say whether`, `have yet to say
    # what`: the question is left open, nothing was said; `said the plan would cost` was.
    found = [(text, name) for text, name, _, _ in _attributions("questions_left_open")]
    assert found == [("the plan would cost $4 billion", "The minister")]


def test_a_relative_after_an_age_and_requests_for_comment() -> None:
    # `Maria, 34, who asked that her last name not be used, ... "...," she said`: "who" (past
    # the age) and "she" are Maria, the anonymity asked for no quote; `did not respond to
    # requests for comment` says nothing.
    found = _attributions("anonymous_first_name_and_requests")
    assert [(text, name) for text, name, _, _ in found] == [('"I never see my kids,"', "Maria")]


ACCORDING_TO_TITLED_NAME = """
1 Fares fare NOUN 3 nsubj
2 will will AUX 3 aux
3 rise rise VERB 0 root SpaceAfter=No
4 , , PUNCT 5 punct
5 according accord VERB 7 case
6 to to ADP 5 fixed
7 Mr. Mr. PROPN 8 compound
8 Okafor Okafor PROPN 3 obl SpaceAfter=No
9 . . PUNCT 3 punct
"""


def test_according_to_a_name_hung_on_its_honorific() -> None:
    # `according to Mr. Okafor`, with "according" hung on "Mr.", a compound of the name: the
    # source is the name.
    sentence = parse(ACCORDING_TO_TITLED_NAME).sentences[0]
    source = according_source(sentence, sentence.words[4])
    assert source is not None
    assert source.text == "Okafor"


TITLE_AND_NAME_AS_OBJECTS = """
1 " " PUNCT 4 punct SpaceAfter=No
2 It it PRON 4 nsubj
3 was be AUX 4 cop
4 over over ADJ 6 ccomp SpaceAfter=No
5 , , PUNCT 4 punct SpaceAfter=No
6 " " PUNCT 7 punct
7 insisted insist VERB 0 root
8 Harbour Harbour PROPN 9 compound
9 boss boss NOUN 7 obj
10 Rob Rob PROPN 7 obj
11 Ellard Ellard PROPN 10 flat SpaceAfter=No
12 . . PUNCT 7 punct
"""


def test_a_name_after_a_title_both_objects_of_an_inverted_cue_speaks() -> None:
    # `"It was over," insisted Harbour boss Rob Ellard`, parsed as two objects of the cue:
    # Ellard speaks, with the title as his role, and nothing is his content.
    result = attribute(parse(TITLE_AND_NAME_AS_OBJECTS), LEXICON)
    (quote,) = result.quotes
    speaker = speaker_of(result, quote)
    assert speaker is not None
    assert (quote.text, speaker.name) == ('"It was over,"', "Rob Ellard")
    assert [r.text for r in result.speakers[0].roles] == ["Harbour boss"]


AGE_ALONE = """
1 " " PUNCT 3 punct SpaceAfter=No
2 I I PRON 3 nsubj
3 won win VERB 12 ccomp SpaceAfter=No
4 , , PUNCT 3 punct SpaceAfter=No
5 " " PUNCT 3 punct
6 the the DET 11 det
7 19 19 NUM 9 nummod SpaceAfter=No
8 - - PUNCT 7 punct SpaceAfter=No
9 year year NOUN 11 compound SpaceAfter=No
10 - - PUNCT 7 punct SpaceAfter=No
11 old old ADJ 12 nsubj
12 said say VERB 0 root SpaceAfter=No
13 . . PUNCT 12 punct
"""


def test_a_person_called_by_age_alone_is_a_person() -> None:
    # `"I won," the 19-year-old said`, with no one named before: an unnamed person.
    result = attribute(parse(AGE_ALONE), LEXICON)
    (speaker,) = result.speakers
    assert (speaker.name, speaker.kind) == ("the 19-year-old", SpeakerKind.PERSON)


HONORIFIC_CUT_FROM_NAME = """
1 The the DET 2 det
2 toll toll NOUN 4 nsubj
3 will will AUX 4 aux
4 rise rise VERB 0 root SpaceAfter=No
5 , , PUNCT 6 punct
6 according accord VERB 9 case
7 to to ADP 6 fixed
8 a a DET 9 det
9 speech speech NOUN 12 obl
10 Mrs. Mrs. PROPN 9 appos
11 Kovac Kovac PROPN 12 nsubj
12 delivered deliver VERB 4 conj SpaceAfter=No
13 . . PUNCT 4 punct
"""


def test_an_honorific_cut_from_its_name_names_no_one() -> None:
    # `according to a speech Mrs. Kovac delivered`, parsed with "Mrs." set off after "speech"
    # and "Kovac" the subject of "delivered": the speech is Kovac's, not "Mrs."'s.
    result = attribute(parse(HONORIFIC_CUT_FROM_NAME), LEXICON)
    names = [s.name for s in result.speakers]
    assert "Mrs." not in names
    assert "Kovac" in names


def test_a_relative_clause_of_a_thing_gives_no_speaker_so_the_next_cue_speaks() -> None:
    # `told analysts on a call that demand remained "soft"`, with "demand" tagged a verb of a
    # relative clause on "call": a call says nothing itself, so the quote is the chief
    # executive's, by "told".
    assert quoted_by("relative_clause_of_a_thing", with_rule=True) == [
        ("subject of cue", '"soft"', "Salil Parekh"),
    ]
    result = attribute(parsed("relative_clause_of_a_thing"), LEXICON)
    assert roles_by_name(result) == {"Salil Parekh": ["Northwind chief executive"]}


def test_an_abbreviation_after_an_article_is_no_name_a_pronoun_could_mean() -> None:
    # `Dr Sarah Jarvis, a GP in London, said ... She added ...`: "a GP" is a doctor, not
    # someone named "GP", so "She" is Sarah Jarvis.
    assert quoted_by("abbreviation_after_article") == [
        ('"worrying"', "Sarah Jarvis"),
        ("patients should not panic", "Sarah Jarvis"),
    ]


def test_a_headline_speaks_through_its_relative_clause() -> None:
    # `under a headline that said, "..."`: a headline is a document (`artefacts.txt`), which
    # speaks, not a thing of no words that would pass the quote to "posted".
    assert quoted_by("headline_that_said")[-1] == (
        '"Harbour Town Votes to Close Its Ferry."',
        "a headline",
    )


def test_a_relative_clause_on_a_names_thing_stands_for_the_name() -> None:
    # `in the mouth of Mayor Lena Holm, who declared ...`, parsed with the clause on "mouth":
    # a mouth says nothing, so "who" is the name right before the comma, its "of" phrase.
    assert quoted_by("relative_clause_of_a_names_thing", with_rule=True) == [
        ("subject of cue", '"will never reopen" but the ferry "can carry everyone."', "Lena Holm"),
    ]
    result = attribute(parsed("relative_clause_of_a_names_thing"), LEXICON)
    assert roles_by_name(result) == {"Lena Holm": ["Mayor"]}


def test_who_on_a_statement_stands_for_the_name_of_its_maker() -> None:
    # `That was the ruling of Judge Amara Nwosu, who said ...`, parsed with the clause on
    # "ruling": a ruling speaks for its maker but is no "who"; the judge said it.
    assert quoted_by("relative_who_on_a_ruling", with_rule=True) == [
        ("reported clause", "the evidence was too thin to go to trial", "Amara Nwosu"),
    ]


def test_a_report_ends_before_the_participle_that_quotes_its_maker() -> None:
    # `a builder who said he was owed money after ..., saying, "..."`, parsed with the
    # quotation inside the builder's clause: the builder's report ends at the comma before
    # "saying", and the quotation stays Kovac's.
    assert quoted_by("report_before_quoting_participle") == [
        ("he was owed money after he fixed the roof of the town hall", "a builder"),
        ('"Maybe he did a bad job."', "Kovac"),
    ]


def test_a_preposition_read_as_a_noun_is_no_word_of_the_source() -> None:
    # `reopened on Monday amid news reports that question ...`, with "amid" a noun of a
    # compound headed by "reports": the source is the news reports, not "Monday amid ...".
    assert quoted_by("preposition_read_as_noun_in_source") == [
        ("the safety of the pier", "news reports")
    ]


def test_an_adjective_after_the_noun_stays_in_the_mention_without_a_description() -> None:
    # `The embattled chief executive said ...`, with "executive" an adjective on "chief": the
    # adjective is left out only to read a description after it (`Sources close to the
    # talks`); with none, the speaker was "The embattled chief".
    assert quoted_by("adjective_after_title_noun") == [
        ("he had done nothing wrong", "The embattled chief executive")
    ]
