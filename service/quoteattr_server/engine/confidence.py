"""engine.confidence: every confidence the engine gives, in one table.

A quote's confidence is a base (what found it) times factors (what weakens it), rounded to three
places. Bases are probabilities that the attribution is right as a whole; factors below 1 say
how much a missing piece of evidence costs. No other module holds a confidence number.
"""

from __future__ import annotations

from typing import Final

from quoteattr_server.engine.rules import CueKind, Rule

# How likely a cue of each lexicon group (data/cues.txt) introduces speech. Stance and evidential
# cues report beliefs and findings: attributions in PolNeAR, but weaker evidence of speech.
CUE_GROUP: Final[dict[str, float]] = {
    "neutral": 0.95,  # say, tell, add
    "assertive": 0.9,  # claim, insist
    "emphatic": 0.85,  # warn, accuse
    "concessive": 0.85,  # admit, deny
    "interrogative": 0.85,  # ask, wonder
    "manner": 0.8,  # joke, shout
    "stance": 0.5,  # think, believe
    "evidential": 0.55,  # show, find
    "intent": 0.5,  # want, propose
    "evaluation": 0.55,  # praise, blame
    "discourse": 0.55,  # discuss, address
    "perception": 0.45,  # see, learn
    "position": 0.45,  # express, imply
}
# A word in no cue group that still attributes: the "In" of "In a poll", the colon of "Name:".
CUE_OUTSIDE_LEXICON: Final = 0.5

# Direct and partial quotations.
# A cue kind that names its speaker whatever the verb: the base instead of the cue group's.
CUE_KIND_BASE: Final[dict[CueKind, float]] = {
    CueKind.ACCORDING_TO: 0.9,  # `according to Kovac, "..."`: explicit source, no verb to weigh
    CueKind.WORDS_OF: 0.9,  # `in the words of Kovac, "..."`: as explicit
    CueKind.DASH: 0.85,  # `"..." — Alma Ferris`: a signature, as certain as a neutral verb
}
UNATTRIBUTED: Final = 0.3  # quotation marks and no cue: speech of someone, most likely
# `"WALLACE: If I may, ...`: a transcript line names its speaker; only the name is to resolve.
TRANSCRIPT: Final = 0.85
# `Lindqvist called her a tireless negotiator. "She never left a meeting ..."`: a quote
# sentence with no cue, after a sentence whose subject is a named person, is that person's, by
# convention only.
INTRODUCED: Final = 0.55
UNLINKED_CUE: Final = 0.85  # factor: the cue is only beside the quote, the parse does not link them
CUE_WITHOUT_SPEAKER: Final = 0.6  # factor: a cue, but no speaker found at it
UNCLOSED: Final = 0.8  # factor: no closing mark, the quote was cut at its paragraph's end

# Reported speech (no quotation marks).
# A construction that names its source: the confidence of the attribution as a whole.
SOURCE_PHRASE: Final[dict[Rule, float]] = {
    Rule.ACCORDING_TO: 0.85,  # `..., according to two officials`
    Rule.IN_A_POLL: 0.6,  # `In a new survey, 71 percent ...`: a finding, weaker than speech
    Rule.NAME_COLON: 0.6,  # `Senator Ana Kovac: The Bridge Must Be Rebuilt` (a headline)
    Rule.STANCE_PHRASE: 0.45,  # `raised questions about the audit`: a view, not words said
    Rule.BELIEF_ADJECTIVE: 0.45,  # `is confident that the rules will pass`: a belief
    Rule.POSSESSIVE_CLAIM: 0.5,  # `Lind's claim that crime had doubled`: words said or held
    Rule.REPORTED_PASSIVE: 0.6,  # `the plan was criticized by the union`: a phrase, by an agent
}
REPORTED_CUE: Final = 0.9  # factor on the cue group's: content without marks is less certain
REPORTED_OTHER_VERB: Final = 0.35  # a verb outside the lexicon with a source and a clause

# Resolution of the speaker mention.
UNRESOLVED: Final = 0.8  # factor: a pronoun with no antecedent in reach
# An uncued quote right after an attributed one keeps its speaker, by proximity alone.
CONTINUES: Final[dict[bool, float]] = {
    True: 0.65,  # a quotation (marks make a continuation likely)
    False: 0.5,  # reported content
}


def rounded(confidence: float) -> float:
    """Confidences travel with three decimals."""
    return round(confidence, 3)
