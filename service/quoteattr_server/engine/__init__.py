"""engine: pure functions from a parsed document to quote attributions (no I/O, no gRPC).

The engine reads a `types.ParsedDoc` and runs its passes in order (`attribute.attribute`). Each
construction of English attribution it reads is one function, registered in the ordered table
of its pass and named by a member of `rules.Rule` (the `Quote.rule` clients see):

- `content.CONTENT_RULES`: reported speech read at each word (then `content.name_colon`);
- `cues.FALLBACK_CUES` and `cues.CUE_READINGS`: what attributes a quotation, and how each kind
  of cue (`rules.CueKind`) finds its speaker and the quote's kind;
- `speakers.SPEAKER_RULES`: who speaks at a reporting verb;
- `roles.NAME_ROLE_RULES`, `roles.SPEAKER_ROLE_RULES`: the roles stated at a mention;
- `attribute._Resolution`: quotes that continue the previous speaker, or stay unattributed.

How to add a rule:
1. for a rule that attributes quotes, add a member to `rules.Rule` (its value is the string
   clients will see in `Quote.rule`);
2. write the rule as one function over the engine's types, with a one-line docstring on the
   construction it reads and why it sits where it does in its table;
3. register it in its pass's table at the place where it should win over the rules after it;
4. give any new confidence a named, commented entry in `confidence.py`, and any word list a
   file in `engine/data/` read by `lexicon.py`;
5. test it on a CoNLL-U parse (`tests/engine/conllu/`, read by `conllu.read_conllu`; write one
   from a real parse with `conllu.write_conllu`), and list it in the README's "How the engine
   reads attribution".
"""

from quoteattr_server.engine.attribute import ENGINE_VERSION, attribute
from quoteattr_server.engine.lexicon import Lexicon, load_lexicon

__all__ = ["ENGINE_VERSION", "Lexicon", "attribute", "load_lexicon"]
