"""engine.rules: the names of the constructions the engine reads.

Every attribution the engine returns says which construction found it: `Quote.rule` is one of
these values, unchanged from the strings clients have always seen. Each member names one rule
function, registered in the ordered table of its pass (`speakers.SPEAKER_RULES`,
`content.CONTENT_RULES`, `cues.CUE_READINGS`, `attribute`'s resolution).
"""

from __future__ import annotations

import enum


class Rule(enum.StrEnum):
    """The construction that attributed a quote; its value is `Quote.rule` on the wire."""

    # Who speaks at a cue (speakers.py), tried in this order.
    QUOTED_AS_SAYING = "quoted as saying"  # `State media quoted Ana Ruiz as saying ...`
    PASSIVE_AGENT = "agent of passive cue"  # `was described as "reckless" by the union`
    SUBJECT = "subject of cue"
    INVERTED = "inverted said X"
    NAME_AFTER_CUE = "name after cue"
    NAME_BEFORE_CUE = "name before cue"
    CONTROLLER = "object of control verb"  # `led the pilot Peter Wong to fear "..."`
    PARTICIPLE = "participle continues speaker"
    # Cues that name their speaker themselves (cues.py).
    ACCORDING_TO = "according to X"
    IN_THE_WORDS_OF = "in the words of X"  # `In the words of one diplomat, "..."`
    DASH_SIGNATURE = "dash signature"
    COLON = "colon introduction"
    SOURCE_AFTER_COLON = "source after colon"  # `'It's a disgrace': Fans react to ...`
    TRANSCRIPT = "transcript speaker"  # `"WALLACE: If I may, sir, ...`
    # Reported speech without quotation marks (content.py), tried in this order.
    IN_A_POLL = "in a poll"
    REPORTED_OTHER_VERB = "reported clause of other verb"
    REPORTED_CLAUSE = "reported clause"
    REPORTED_INFINITIVE = "reported infinitive"
    REPORTED_OBJECT = "reported object"
    REPORTED_OBLIQUE = "reported oblique"
    REPORTED_PASSIVE = "reported passive"  # `the plan was criticized by the union`
    REPORTED_PARATAXIS = "reported parataxis"
    TRAILING_CUE = "trailing cue"  # `The port will close, officials announced Monday.`
    AS_X_SAID = "as X said"  # `As Ruiz said, the port will reopen`
    STANCE_PHRASE = "stance phrase"
    BELIEF_ADJECTIVE = "belief adjective"  # `The minister is confident that ...`
    POSSESSIVE_CLAIM = "possessive claim"  # `Lind's claim that crime had doubled`
    NAME_COLON = "name colon"
    # Quotes whose speaker no construction at their own cue gives (attribute.py).
    CONTINUES = "previous speaker continues"
    INTRODUCED = "speaker of the sentence before"
    CUE_WITHOUT_SPEAKER = "cue without speaker"
    UNATTRIBUTED = "unattributed"


class CueKind(enum.Enum):
    """What attributes a quotation; each kind reads its speaker and quote kind its own way
    (`cues.CUE_READINGS`)."""

    VERB = "verb"  # a reporting verb in or beside the quote's sentences: `Kovac said`
    ACCORDING_TO = "according to"  # `according to Kovac, "..."`
    WORDS_OF = "in the words of"  # `in the words of Kovac, "..."`, `in her words, "..."`
    DASH = "dash"  # `"..." — Alma Ferris`: a signature after a dash
    COLON = "colon"  # `Kovac added:` ending the sentence before the quote
    SOURCE = "source"  # inside reported content whose construction names its source
