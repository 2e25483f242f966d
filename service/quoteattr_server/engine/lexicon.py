"""engine.lexicon: the word lists the rules read, loaded from `engine/data/*.txt`.

Lexicons are data, not literals in code, so that a newsroom can widen them without touching a
rule. Every file is whitespace-separated words with `#` comments; `cues.txt` and `pronouns.txt`
group their words as `group: word word ...` lines, continued on indented lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from quoteattr_server.engine.confidence import CUE_GROUP, CUE_OUTSIDE_LEXICON
from quoteattr_server.engine.types import Word

_QUOTING_GROUPS = frozenset(
    {
        "neutral",
        "assertive",
        "emphatic",
        "concessive",
        "interrogative",
        "manner",
        "stance",
        "evidential",
        "discourse",
    }
)
# The cue groups of words said (cues.txt), not of views, acts or intentions.
_SPEECH_ACT_GROUPS = frozenset(
    {"neutral", "assertive", "emphatic", "concessive", "interrogative", "manner"}
)


@dataclass(frozen=True, slots=True)
class Pronouns:
    """The pronoun groups of `pronoun_groups.txt`, combined as the rules ask for them."""

    groups: dict[str, frozenset[str]]
    speakers: frozenset[str]  # personal pronouns a speaker mention can be: I, we, he, she, they
    sources: frozenset[str]  # subjects that make a verb a source's: the speakers, you, who
    relative_subjects: frozenset[str]  # a relative clause's own subject: who, which, that
    relative_speakers: frozenset[str]  # a speaker word standing for its clause's noun (+ whom)
    relative_openers: frozenset[str]  # open a relative clause on the surface (not "that")

    def is_relative_speaker(self, word: Word) -> bool:
        """A relative pronoun standing for its clause's noun; not an abbreviation that spells
        one in capitals, read as a name ("WHO Director-General Tedros said")."""
        return word.text.lower() in self.relative_speakers and word.upos != "PROPN"

    @classmethod
    def from_groups(cls, groups: dict[str, frozenset[str]]) -> Pronouns:
        def union(*names: str) -> frozenset[str]:
            return frozenset().union(*(groups.get(name, frozenset()) for name in names))

        speakers = union("first_singular", "first_plural", "third_singular", "third_plural")
        relative_subjects = union("relative_personal", "relative_nonpersonal", "relative_general")
        return cls(
            groups=groups,
            speakers=speakers,
            sources=speakers | union("second", "relative_personal"),
            relative_subjects=relative_subjects,
            relative_speakers=relative_subjects | union("relative_object"),
            relative_openers=union(
                "relative_personal",
                "relative_nonpersonal",
                "relative_object",
                "relative_possessive",
            ),
        )


@dataclass(frozen=True, slots=True)
class Lexicon:
    cue_groups: dict[str, str]  # lemma -> group
    reporting_nouns: frozenset[str]
    titles: frozenset[str]
    honorifics: frozenset[str]
    organization_heads: frozenset[str]
    # Trade words ending company names, which copy drops ("Northwind Energy" -> "Northwind").
    company_words: frozenset[str]
    group_nouns: frozenset[str]
    pronoun_kinds: dict[str, str]  # lower-case pronoun -> person / group / organization
    not_sources: frozenset[str]
    not_speakers: frozenset[str]  # "anybody", "Friday", "Twitter": no one who can speak
    headline_topics: frozenset[str]  # "Storm Bert: ...", "Ukraine war: ...": a topic label
    labels: frozenset[str]  # "so-called", "dubbed": a quoted phrase after them is a label
    content_groups: dict[str, frozenset[str]]  # object / infinitive / oblique -> cue groups
    content_prepositions: frozenset[str]
    recipient_cues: frozenset[str]
    addressee_obliques: frozenset[tuple[str, str]]  # ("speak", "to"): "spoke to reporters"
    artefacts: frozenset[str]  # "the poll shows": documents that speak for their authors
    findings: frozenset[str]  # "In a new poll, ...": documents a clause is found in
    minor_words: frozenset[str]  # lower-case words inside a title ("Face the Nation")
    time_words: frozenset[str]  # "on Friday": an oblique of time is not content
    role_verbs: frozenset[str]  # "who heads ...", "who serves as ...": a relative clause as role
    pronouns: Pronouns  # personal and relative pronouns, by person, number and use
    apposition_openers: frozenset[str]  # "Ruiz, the city's budget chief": articles, possessives
    stance_words: frozenset[str] = frozenset()  # "questions about", "a critic of", "critical of"
    # "concerning", "regarding": participles that stand for a preposition, no clause on a noun
    prepositional_participles: frozenset[str] = frozenset()
    # "the carmaker": nouns that call a named company by what it is; names that end a company's.
    company_descriptors: frozenset[str] = frozenset()
    company_trades: frozenset[str] = frozenset()  # of the descriptors, the trades: "the lender"
    company_endings: frozenset[str] = frozenset()
    # "the club": nouns that call a sports club, and the last words of clubs' names.
    club_descriptors: frozenset[str] = frozenset()
    club_endings: frozenset[str] = frozenset()
    belief_adjectives: frozenset[str] = frozenset()  # "is confident that ..."
    claim_nouns: frozenset[str] = frozenset()  # "Lind's claim that ...", "his view that ..."
    parties: dict[str, str] = field(default_factory=dict)  # "gop" -> "republican"
    rank_words: frozenset[str] = frozenset()  # "vice", "former": another post than the title
    # "led the pilot to fear ...": verbs whose object is the subject of their infinitive.
    control_verbs: frozenset[str] = frozenset()
    # Verbs that put out a statement, whose subject speaks through it (`issued a statement
    # that called ...`).
    issuing_verbs: frozenset[str] = frozenset()
    # Word forms sharing a cue's lemma that are other verbs ("founded" is no "found").
    not_cue_forms: frozenset[str] = frozenset()
    # Pleas in court ("pleaded guilty"): an object that states nothing.
    pleas: frozenset[str] = frozenset()
    figures: frozenset[str] = frozenset()  # "reported a record profit": results, not words
    # Cues whose object is asked of others ("seeking comment"): no one's statement.
    requests: frozenset[str] = frozenset()
    # Cues whose object is a thing put out or taken back, not words ("unveiled its phone").
    things_put_out: frozenset[str] = frozenset()
    # Letters after a name for an office or honour ("KC", "MP"): no part of the name.
    post_nominals: frozenset[str] = frozenset()
    # "a group of parents": nouns that gather people, a group whatever their own kind.
    collectives: frozenset[str] = frozenset()
    # "shopkeeper", "forward", "guard": nouns of positions and occupations (role_nouns.txt).
    role_nouns: frozenset[str] = frozenset()
    role_noun_endings: tuple[str, ...] = ()  # "-ologist": a profession whatever the stem
    # "described Ruiz as a crusader": verbs whose "as" phrase characterizes, states no post.
    characterizing_verbs: frozenset[str] = frozenset()
    # What copy calls a person besides a post (`facet_nouns.txt`): relations ("mother",
    # "neighbour"), words for any holder of a post ("diplomat"), and families of posts used for
    # one another ("secretary" and "minister").
    relation_nouns: frozenset[str] = frozenset()
    holder_nouns: frozenset[str] = frozenset()
    standing_nouns: frozenset[str] = frozenset()  # "the billionaire": beside any post
    post_families: tuple[frozenset[str], ...] = ()
    # "the Nigerian", "the South African": nouns of nationality for one person, two-word ones
    # joined by a space.
    nationalities: frozenset[str] = frozenset()
    # Words that state a gender ("she", "Mr.", "spokeswoman") -> "female" / "male".
    genders: dict[str, str] = field(default_factory=dict)
    # "interview", "call": reporting nouns of where words are said, which say nothing themselves.
    speech_venues: frozenset[str] = frozenset()
    # "Meanwhile", "Separately": adverbs that open a sentence, tagged proper nouns before a name.
    sentence_adverbs: frozenset[str] = frozenset()
    # Every group a cue belongs to ("question" asks and evaluates); `cue_groups` holds the first.
    cue_groups_of: dict[str, frozenset[str]] = field(default_factory=dict)

    def cue_group(self, lemma: str) -> str | None:
        return self.cue_groups.get(self.cue_lemma(lemma))

    def cue_lemma(self, lemma: str) -> str:
        """The cue lexicon's form of `lemma` (`opposes` -> `oppose`, which the small lemmatizer
        may leave as written), or `lemma` lower-cased."""
        lowered = lemma.lower()
        return next((c for c in _base_forms(lowered) if c in self.cue_groups), lowered)

    def phrase_cue(self, lemma: str, following: str) -> str | None:
        """The lexicon key of a two-word cue (`put_it` of "as one aide put it"), if it is one."""
        key = phrase_key(lemma, following)
        return key if key in self.cue_groups else None

    def is_cue(self, lemma: str) -> bool:
        return self.cue_group(lemma) is not None

    def is_organization_head(self, text: str, lemma: str = "") -> bool:
        """A head word of organisations' names (`organizations.txt`), also in the plural
        (`Centers`)."""
        lowered = text.lower()
        heads = self.organization_heads
        return lowered in heads or lemma.lower() in heads or lowered.rstrip("s") in heads

    def is_speech_act(self, lemma: str) -> bool:
        """A cue of words said (`warn`, `say`, `insist`), not of a view, an act or an intention."""
        return self.cue_group(lemma) in _SPEECH_ACT_GROUPS

    def takes_direct_quote(self, lemma: str) -> bool:
        return self.is_speech_act(lemma)

    def introduces_quotes(self, lemma: str) -> bool:
        """Speech, stance, evidence and discourse cues attribute quotations; intentions,
        evaluations and perceptions ("wants", "praised", "sees") only attribute content."""
        return self.cue_group(lemma) in _QUOTING_GROUPS

    def cue_confidence(self, lemma: str) -> float:
        return CUE_GROUP.get(self.cue_group(lemma) or "", CUE_OUTSIDE_LEXICON)

    def takes_content(self, lemma: str, relation: str) -> bool:
        """Whether a cue may carry its content as `relation` (object, infinitive, oblique), in
        any group it belongs to ("questioned the health of ..." evaluates, "question" also
        asks)."""
        if self.cue_group(lemma) is None or (
            relation == "object" and lemma.lower() in self.recipient_cues
        ):
            return False
        groups = self.content_groups.get(relation, frozenset())
        return any(
            self.cue_groups_of.get(form, frozenset()) & groups
            for form in _base_forms(lemma.lower())
        )

    def is_title(self, word: str) -> bool:
        # A department's title read as one word (`Work and Pensions Secretary`, see
        # engine.department_titles) is a title by its last word.
        return word.lower().rsplit(" ", 1)[-1] in self.titles

    def is_role_word(self, word: str) -> bool:
        """A title or a noun of a position or occupation ("guard", "shopkeeper")."""
        return word.lower() in self.titles or self.is_role_noun(word)

    def is_role_noun(self, word: str) -> bool:
        """A noun of a position or occupation, listed or by a profession's ending
        (`meteorologist`, `statistician`)."""
        lowered = word.lower()
        return lowered in self.role_nouns or (
            len(lowered) > 7 and lowered.endswith(self.role_noun_endings)
        )

    def is_honorific(self, word: str) -> bool:
        return word.lower() in self.honorifics


# Prepositions the tagger may call adjectives or nouns (`Speaking alongside German Chancellor
# Friedrich Merzig`): never a title's modifier, never the head of what was said.
MISTAGGED_PREPOSITIONS = frozenset(
    {
        "alongside",
        "amid",
        "amidst",
        "beside",
        "despite",
        "opposite",
        "near",
        "toward",
        "towards",
        "versus",
        "via",
        "including",
        "unlike",
        "like",
        "against",
    }
)


def phrase_key(lemma: str, following: str) -> str:
    """How `cues.txt` writes a two-word cue: `put_it`, `point_out`."""
    return f"{lemma.lower()}_{following.lower()}"


# Irregular past forms of cues, for a lemmatizer that leaves them as written ("Said Ellis:").
_IRREGULAR = {
    "said": "say",
    "told": "tell",
    "wrote": "write",
    "spoke": "speak",
    "thought": "think",
    "felt": "feel",
    "knew": "know",
    "saw": "see",
    "found": "find",
    "shown": "show",
    "written": "write",
    "spoken": "speak",
}


def _base_forms(word: str) -> list[str]:
    """The word and the stems an English inflection may hide ("denounced" -> "denounce"):
    the small lemmatizer leaves some past tenses and participles as they are written."""
    forms = [word]
    if word in _IRREGULAR:
        return [word, _IRREGULAR[word]]
    for suffix, replacements in (
        ("ied", ("y",)),
        ("ies", ("y",)),
        ("ing", ("", "e")),
        ("ed", ("", "e")),
        ("es", ("", "e")),
        ("s", ("",)),
    ):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            forms.extend(stem + replacement for replacement in replacements)
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # "slammed" -> "slam"
            break
    return forms


def packaged_data(name: str) -> str:
    """The text of the packaged data file `engine/data/<name>`."""
    return resources.files("quoteattr_server.engine").joinpath("data", name).read_text("utf-8")


def data_words(text: str) -> list[str]:
    """The words of a plain word-list data file, comments dropped."""
    return [w for line in text.splitlines() for w in line.split("#", 1)[0].split()]


def _families(text: str) -> tuple[frozenset[str], ...]:
    """Each `family:` line (with its continuation lines) of a groups file, as its own set."""
    families: list[list[str]] = []
    current: list[str] | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0]
        if not line.strip():
            continue
        if not line[0].isspace():
            name, _, rest = line.partition(":")
            current = [] if name.strip() == "family" else None
            if current is not None:
                families.append(current)
                current.extend(rest.split())
        elif current is not None:
            current.extend(line.split())
    return tuple(frozenset(w.lower() for w in family) for family in families)


def _groups(text: str) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    current: str | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0]
        if not line.strip():
            continue
        if not line[0].isspace() and ":" in line:
            current, _, rest = line.partition(":")
            current = current.strip()
            groups.setdefault(current, []).extend(rest.split())
        elif current is not None:
            groups[current].extend(line.split())
        else:
            raise ValueError(f"lexicon line outside a group: {raw!r}")
    return groups


def load_lexicon(directory: str | Path | None = None) -> Lexicon:
    """Read the lexicon files from `directory` (default: the packaged `engine/data`)."""

    def read(name: str) -> str:
        if directory is not None:
            return (Path(directory) / name).read_text(encoding="utf-8")
        return packaged_data(name)

    cue_groups: dict[str, str] = {}
    groups_of: dict[str, set[str]] = {}
    for group, lemmas in _groups(read("cues.txt")).items():
        for lemma in lemmas:
            cue_groups.setdefault(lemma.lower(), group)
            groups_of.setdefault(lemma.lower(), set()).add(group)
    content = _groups(read("content.txt"))
    reporting = _groups(read("nouns.txt"))
    companies = _groups(read("company_nouns.txt"))
    facets = _groups(read("facet_nouns.txt"))
    pronoun_kinds = {
        word.lower(): kind
        for kind, words in _groups(read("pronouns.txt")).items()
        for word in words
    }

    def lower_set(name: str) -> frozenset[str]:
        return frozenset(w.lower() for w in data_words(read(name)))

    role_words = lower_set("role_nouns.txt")  # `*ologist`: an ending, not a word
    return Lexicon(
        cue_groups=cue_groups,
        reporting_nouns=frozenset(w.lower() for words in reporting.values() for w in words),
        speech_venues=frozenset(w.lower() for w in reporting.get("venues", ())),
        titles=lower_set("titles.txt"),
        honorifics=lower_set("honorifics.txt"),
        organization_heads=lower_set("organizations.txt") | lower_set("company_words.txt"),
        company_words=lower_set("company_words.txt"),
        company_descriptors=frozenset(
            (*companies.get("descriptors", ()), *companies.get("trades", ()))
        ),
        company_trades=frozenset(companies.get("trades", ())),
        company_endings=frozenset(companies.get("endings", ())),
        club_descriptors=frozenset(companies.get("club_descriptors", ())),
        club_endings=frozenset(companies.get("club_endings", ())),
        group_nouns=lower_set("groups.txt"),
        pronoun_kinds=pronoun_kinds,
        not_sources=lower_set("not_sources.txt"),
        not_speakers=lower_set("not_speakers.txt"),
        headline_topics=lower_set("headline_topics.txt"),
        labels=lower_set("labels.txt"),
        content_groups={
            relation: frozenset(content.get(relation, []))
            for relation in ("object", "infinitive", "oblique")
        },
        content_prepositions=frozenset(w.lower() for w in content.get("prepositions", [])),
        recipient_cues=frozenset(w.lower() for w in content.get("recipient_cues", [])),
        addressee_obliques=frozenset(
            (cue, preposition)
            for cue, _, preposition in (
                pair.lower().partition(":") for pair in content.get("addressee_obliques", [])
            )
        ),
        role_verbs=lower_set("role_verbs.txt"),
        characterizing_verbs=lower_set("characterizing_verbs.txt"),
        time_words=lower_set("time_words.txt"),
        minor_words=lower_set("minor_words.txt"),
        prepositional_participles=lower_set("prepositional_participles.txt"),
        artefacts=lower_set("artefacts.txt"),
        findings=lower_set("findings.txt"),
        pronouns=Pronouns.from_groups(
            {
                group: frozenset(w.lower() for w in words)
                for group, words in _groups(read("pronoun_groups.txt")).items()
            }
        ),
        apposition_openers=lower_set("apposition_openers.txt"),
        stance_words=lower_set("stance_words.txt"),
        belief_adjectives=lower_set("belief_adjectives.txt"),
        claim_nouns=lower_set("claim_nouns.txt"),
        parties={
            form.lower(): party.lower()
            for party, forms in _groups(read("parties.txt")).items()
            for form in forms
        },
        rank_words=lower_set("rank_words.txt"),
        control_verbs=lower_set("control_verbs.txt"),
        issuing_verbs=lower_set("issuing_verbs.txt"),
        not_cue_forms=lower_set("not_cue_forms.txt"),
        pleas=frozenset(w.lower() for w in content.get("pleas", [])),
        figures=frozenset(w.lower() for w in content.get("figures", [])),
        requests=frozenset(w.lower() for w in content.get("requests", [])),
        things_put_out=frozenset(w.lower() for w in content.get("things_put_out", [])),
        post_nominals=lower_set("post_nominals.txt"),
        collectives=lower_set("collectives.txt"),
        sentence_adverbs=lower_set("sentence_adverbs.txt"),
        role_nouns=frozenset(w for w in role_words if not w.startswith("*")),
        role_noun_endings=tuple(sorted(w[1:] for w in role_words if w.startswith("*"))),
        relation_nouns=frozenset(w.lower() for w in facets.get("relations", ())),
        holder_nouns=frozenset(w.lower() for w in facets.get("holders", ())),
        standing_nouns=frozenset(w.lower() for w in facets.get("standing", ())),
        post_families=_families(read("facet_nouns.txt")),
        nationalities=frozenset(w.replace("_", " ") for w in lower_set("nationalities.txt")),
        genders=_genders(read("gender_words.txt")),
        cue_groups_of={lemma: frozenset(groups) for lemma, groups in groups_of.items()},
    )


def _genders(text: str) -> dict[str, str]:
    """`kind gender: words` groups of `gender_words.txt`, as word -> gender ("nonbinary" is a
    list of words stating it, read by the source analytics only)."""
    return {
        word.lower(): label.split()[-1]
        for label, words in _groups(text).items()
        if label.split()[-1] in ("female", "male")
        for word in words
    }
