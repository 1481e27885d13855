"""Attribution cues: reporting verbs and "according to", compiled once per lexicon.

A cue is a reporting verb from the lexicon (a whole lower-case word, not inside a
compound such as "self-proclaimed") or a prepositional cue ("according to"). Some
uses are no cue and :func:`is_cue` skips them:

- passives and nouns after a determiner ("was told", "claimed by Beijing", "the
  state", "his remarks"); a negated cue ("did not mention the wall", "has not
  endorsed anyone") still reports a stance, a progressive ("is telling") is no
  passive, and an infinitive ("started to portray", "went on to say") reports what
  the subject of its sentence said or meant;
- words that are usually nouns (``ambiguous`` list: "state", "tweet", "remarks")
  unless "that", a colon, a comma or a quotation follows, a pronoun precedes, or
  they directly follow a quotation;
- a ``to_breaks`` verb followed by "to" + a word ("continued to rise", "found to be");
  after other cues "to" names the listener ("wrote to other aides") or an intention
  ("vowed to repeal");
- verbs of the ``prepositional`` list without their preposition ("spoke" but
  "spoke about"), "reported on", "commented on", "called by", "found himself".

Example
-------
>>> from analysis.attribute._lexicon import get_lexicon
>>> p = patterns(get_lexicon())
>>> p.verb.search("Officials said on Monday").group(0)
'said'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ._lexicon import Lexicon, alternation

__all__ = ["CuePatterns", "is_cue", "patterns"]

# Words after which a cue form is a noun or an adjective, never the verb ('numerous requests', 'the
# only declared candidate', 'provide added ammunition'); a form in -ing stays a cue.
_NOUN_USE_WORDS = frozenset(
    ["numerous", "repeated", "multiple", "such", "every", "provide", "provides", "provided"]
)
_NOUN_USE_BEFORE = re.compile(
    rf"\b(?:{'|'.join(sorted(_NOUN_USE_WORDS))}|(?:the|an?)\s+only)\s+$", re.IGNORECASE
)
# Words after which a cue form is a passive participle or a noun ('was asked', 'the report'),
# unless it is the -ing form of a progressive ('is telling').
_PASSIVE_WORDS = frozenset(
    ["is", "was", "were", "are", "be", "been", "being", "get", "got", "gets", "getting"]
    + ["the", "a", "an", "his", "her", "their", "its", "our", "this"]
)
_PROGRESSIVE_AUX = frozenset(["is", "was", "were", "are", "be", "been"])
_PASSIVE_BEFORE = re.compile(rf"\b({'|'.join(sorted(_PASSIVE_WORDS))})\s+$", re.IGNORECASE)


# Verbs whose clause names a source of its own even inside another attribution's content
# ('Trump said he was "happy to see" it, according to ...': Trump is still quoted). The one
# list for this (``_extract._drop_nested`` keeps their rows; ``_reported`` lets them close a
# content that comes first).
OWN_SOURCE_CUES = frozenset(
    [
        "said",
        "says",
        "say",
        "told",
        "tells",
        "wrote",
        "writes",
        "according to",
        "added",
        "adds",
        "announced",
        "announces",
        "stated",
        "states",
        "tweeted",
        "declared",
        # Evidence speaks for itself too: 'A poll found X, the campaign said'.
        "found",
        "finds",
        "show",
        "shows",
        "showed",
    ]
)


def _noun_or_passive(before: str, ing: bool) -> bool:
    """Whether the words ``before`` a cue form make it a noun or a passive (see above).

    The last word decides; it is looked up in the word lists when it is a plain word, and the
    patterns run only for the rest ('the only', a word after a bracket or a dash).
    """
    tokens = before.rsplit(None, 1)
    if not tokens or not before[-1].isspace():
        return False
    last = tokens[-1].lower()
    if last.isalnum() and last != "only":
        noun_use = last in _NOUN_USE_WORDS
        passive = last if last in _PASSIVE_WORDS else None
    else:
        noun_use = _NOUN_USE_BEFORE.search(before) is not None
        m = _PASSIVE_BEFORE.search(before)
        passive = m.group(1).lower() if m else None
    if not ing and noun_use:
        return True  # 'numerous requests', 'the only declared emergency'
    # a passive or a noun, but 'is telling', 'was saying': a progressive
    return passive is not None and not (ing and passive in _PROGRESSIVE_AUX)


_TO_VERB = re.compile(
    r"\s+to\s+(?!(?:reporters|the|a|an|his|her|their|its|our|my|this|that|these|those|CNN|Fox|NBC|ABC|CBS|MSNBC|NPR|me|him|them|us|you|supporters|voters|donors|members|Congress)\b)[a-z]\w*"
)
_NEGATIVE_AFTER = re.compile(
    r"\s+(?:by\b|as\b|off\b|up\b|into\b|out\b(?!\s+that)|for\b)",
    re.IGNORECASE,
)
# 'said by telephone': how it was said, not who said it (as in 'the words said by him').
_BY_MEANS = re.compile(
    r"\s+by\s+(?:(?:tele)?phone|e-?mail|text(?:\s+message)?|video(?:\s*link)?|letter|"
    r"satellite|conference\s+call|Skype|Twitter)\b",
    re.IGNORECASE,
)
# Verbs of speech that keep their sense before a clause of time with "as" ('he said as the
# crowd booed'); other cues followed by "as" name or judge ('described as', 'known as').
SPEECH_AS = frozenset(
    [
        "said",
        "says",
        "say",
        "added",
        "adds",
        "told",
        "tells",
        "explained",
        "wrote",
        "writes",
        "noted",
        "notes",
        "recalled",
        "joked",
        "declared",
        "insisted",
        "argued",
        "warned",
        "asked",
        "asks",
        "shouted",
        "yelled",
        "replied",
        "responded",
    ]
)
_AS_MUCH = re.compile(r"\s+as\s+much\b(?!\s+as\b)")  # 'said as much' (not 'as much as')
_AS_WHEN = re.compile(r"\s+as\s+(?!much\b|well\b|such\b|if\b)")
FOR_TIME = re.compile(
    r"\s+for\s+(?:(?:the\s+)?(?:first|second|third|last)\s+time|(?:(?:a|several|many|two|three|"
    r"the\s+past|the\s+last)\s+)?(?:days|weeks|months|years|decades|a\s+(?:day|week|month|year|"
    r"while|long\s+time))\b|(?:\w+\s+)?(?:days|weeks|months|years)\b)"
)
_ON_VERBS = frozenset(
    [
        "report",
        "reports",
        "reported",
        "reporting",
        "comment",
        "comments",
        "commented",
        "commenting",
        "act",
        "acted",
        "focus",
        "focused",
        "count",
        "counted",
    ]
)
# ('reported on Saturday' tells when, not what)
_ON = re.compile(
    r"\s+on\b(?!\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
    r"March|April|May|June|July|August|September|October|November|December)\b)"
)
_CALL_FOR = re.compile(r"\s+(?:for|on|out\s+(?!of\b))\b")
_EVIDENCE_AFTER = re.compile(r"\s*(?:that\b|[:,“\"])")
# "The poll shows Clinton ahead", "records show": a document subject is evidence for a verb that
# is usually a noun.
_DOCUMENTS = (
    r"(?:polls?|polling|surveys?|averages?|data|findings|records|numbers|figures|results|study|"
    r"studies|documents?|videos?|footage|photos?|images?|slides?|review|"
    r"e-?mails?|filings?|reports?|analysis|research|statistics|estimates?|tall(?:y|ies)|memos?|"
    r"letters?|transcripts?|court\s+papers|tax\s+returns|panels)"
)
# 'records show', "the center's data show", 'a new poll that shows'
_DOCUMENT_BEFORE = re.compile(rf"\b{_DOCUMENTS}\s+(?:(?:that|which)\s+)?$", re.IGNORECASE)
# 'A national poll released Sunday by The Post shows ...': a sentence whose subject is a
# document (a determiner, then its head noun within a few words) before "show(s)".
_SHOW = frozenset(["show", "shows"])
_DOCUMENT_SUBJECT = re.compile(
    r"\s*(?:(?:Plus|But|And|Still|Now|So|Yet),?\s+)?"
    # a determiner, or none before a plural ('Polls in New Hampshire show')
    r"(?:(?:A|An|The|This|That|These|Those|Other|New|Another|Early|Recent)\s+|(?=[A-Za-z\s]*s\b))"
    rf"(?:[\w’'\-]+\s+){{0,4}}?(?i:{_DOCUMENTS})\b"
    r"[^.;:!?“”\"]*$"
)
# 'Sanders supports raising the wage': a name, then a verb form in -s with an object, is a
# sentence; after a determiner ('the Clinton claims') the pair is a compound noun.
_NAME_BEFORE = re.compile(
    r"(?<![\w’'.])(?:(?i:the|a|an|his|her|their|its|this|that|in|on|at|for|with|by)\s+)?"
    r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Gov|Rep)\.\s)?(?:[A-Z][\w’'\-]*\s+){0,2}[A-Z][a-z][\w’'\-]*\s+"
    # ('Cruz still supports ...')
    r"(?:(?:still|also|now|strongly|openly|publicly|already|never|firmly|long)\s+)?$"
)


def _named_subject(text: str, lo: int, start: int) -> bool:
    """A person's name right before ``start``, with no determiner or preposition before it."""
    m = _NAME_BEFORE.search(text, lo, start)
    return bool(m) and not m.group(0)[:1].islower() and m.group(0).split()[0] not in _NOT_NAME


_NOT_NAME = frozenset(["The", "A", "An", "His", "Her", "Their", "Its", "This", "That", "In", "On"])
# 'Clinton plans to call on ...': an intention, with a name for its subject.
_TO_INFINITIVE = re.compile(r"\s+to\s+[a-z]+\b")
_OBJECT_AFTER = re.compile(
    r"\s+(?!(?:for|of|from|on|to|in|at|by|with|and|or|as|is|are|was|were)\b)[a-zA-Z“\"]"
)
_PLACE_NOUNS = frozenset(["state", "states"])
_NOUN_BEFORE = re.compile(r"\b(?:of|the|a|this|that|each|every|home|whole)\s+\Z", re.IGNORECASE)
# Cue forms that need no evidence but are nouns after an owner ("Clinton's hopes", "the DOJ's
# demand", "his worries").
_ALSO_NOUNS = frozenset(
    ["hope", "hopes", "worry", "worries", "demand", "demands", "offer", "offers"]
)
_NAMING = frozenset(["call", "calls"])
_NAMED_OBJECT = re.compile(
    r"\s+(?:it|him|her|them|this|himself|herself|themselves)\s+(?!(?:to|on|up|back|out|for|in|at|about|"
    r"again|now|later|soon|today|tonight|tomorrow|when|if|after|before|every|each)\b)[\w“\"‘']"
)
# 'add to' is to increase, not to say more (but 'added to reporters'); so is 'add' an amount.
_ADD_FORMS = frozenset(["add", "adds", "added", "adding"])
_ADD_TO = re.compile(
    r"\s+(?:to\s+(?!(?:reporters|the\s+press|journalists|him|her|them)\b|[A-Z])"
    # 'the U.S. added around 292,000 jobs': an amount, not words
    r"|(?:(?:about|around|nearly|roughly|almost|some|more\s+than|over|another)\s+)?[$\d][\d,.]*"
    r"(?!\s+(?:seconds|minutes|hours|days|weeks|months|years)\b))"
)
_PROGRESSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|been)\s+$")
_PLAN = frozenset(["plan", "plans"])
_CLAIM = frozenset(["claim", "claims", "claimed", "claiming"])
_WIN_OBJECT = re.compile(
    r"\s+(?:the\s+(?:nomination|presidency|seat|title|mantle|prize|crown|lead|delegates)|"
    r"(?:a\s+)?(?:moral\s+)?victory|victories|delegates|\d)"
)
# 'declined' as a fall: an adverb, an amount or a starting point follows.
_DECLINE_FORMS = frozenset(["decline", "declines", "declined", "declining"])
_DECLINE_AMOUNT = re.compile(r"\s+(?:[a-z]+ly\b|by\s|from\s|to\s+\d|\d)")
_KNOW_ALONE = re.compile(r"\s*(?:[,:;.!?)]|(?:it|of)\b)")
_ANONYMITY = re.compile(r"\s+anonymity\b")
_MODAL_BEFORE = re.compile(r"\b(?:may|might|could|should|would)\s+$")
_DELEGATES = re.compile(r"\s+(?:delegates?|superdelegates?)\b")
_OWNED_NOUN = re.compile(r"\w[’']s?\s+(?:[\w\-]+\s+){0,2}$|\b(?:his|her|their|its|my|our)\s+$")
# 'would support', 'did not back', 'to attack', 'strongly support': a modal, an auxiliary, 'to'
# or an adverb of degree makes these forms verbs ('call' is left out: 'I will call him tomorrow').
# 'made it clear (that)', 'makes clear': the rest of the cue after a form of 'make'.
MAKE_FORMS = frozenset(["make", "makes", "made", "making"])
MADE_CLEAR = re.compile(r"\s+(?:it\s+)?(?:very\s+|abundantly\s+|perfectly\s+)?clear\b")
_MADE_CLEAR_FORM = rf"ma(?:de|kes?|king)(?={MADE_CLEAR.pattern})"
_VERB_AFTER_MODAL = re.compile(
    r"support|back|attack|question|claim|praise|blast|slam|promise|label|answer|reply|"
    r"counter|state|report|charge|comment|tweet|post|doubt|fear|plan|stress|repeat|note"
)
_MODAL_OR_TO = re.compile(
    r"\b(?:would|will|could|should|can|cannot|may|might|must|did|does|do|to|not|never|"
    r"strongly|still|always|publicly|openly|overwhelmingly)\s+$"
)
_PRONOUN_BEFORE = re.compile(
    r"\b(?:he|she|they|we|I|it|who|which|also|then|later|again)\s+$", re.IGNORECASE
)


@dataclass(frozen=True)
class CuePatterns:
    verb: re.Pattern[str]
    according: re.Pattern[str]
    any_cue: re.Pattern[str]


@functools.lru_cache(maxsize=8)
def patterns(lexicon: Lexicon) -> CuePatterns:
    """Compile the cue regexes of ``lexicon`` (cached: a lexicon is hashable)."""
    # 'made it clear (that)': a form of 'make' is a cue only before 'clear'.
    verbs = alternation(lexicon.reporting_verbs) + "|" + _MADE_CLEAR_FORM
    # A look-ahead on the first letters lets the scan skip most positions at once.
    first = re.escape("".join(sorted({w[0] for w in lexicon.reporting_verbs} | {"m"})))
    afirst = re.escape(
        "".join(sorted({c for w in lexicon.according_cues for c in (w[0].lower(), w[0].upper())}))
    )
    acc = alternation(lexicon.according_cues)
    # Verbs are matched in lower case only: a capitalised "State" or "Post" is a name, not a verb.
    # Not inside a compound ("self-proclaimed", "so-called", "long-awaited").
    verb = re.compile(rf"(?<![\w-])(?=[{first}])(?:{verbs})\b")
    according = re.compile(rf"\b(?i:{acc})\b")
    any_cue = re.compile(rf"(?<![\w-])(?=[{first}{afirst}])(?:(?i:{acc})|{verbs})\b")
    return CuePatterns(verb=verb, according=according, any_cue=any_cue)


_NEXT_WORD = re.compile(r"\s+(\w+)")
_POSSESSIVE_BEFORE = re.compile(r"\w[’']s?\s+$")
_FIND = frozenset(["find", "finds", "found", "finding"])
_REFLEXIVE_AFTER = re.compile(r"\s+(?:himself|herself|themselves|itself|myself|ourselves)\b")


@functools.lru_cache(maxsize=8)
def prepositions(lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    """Cue form → the prepositions it needs (see ``lexicons/prepositional_cues.txt``)."""
    return dict(lexicon.prepositional)


def is_cue(
    text: str, start: int, end: int, lex: Lexicon, *, lo: int = 0, after_quote: bool = False
) -> bool:
    """False when the cue word at ``text[start:end]`` is used in a way that reports nobody's words.

    ``after_quote`` says the word follows a quotation directly ('"...," reads the letter'),
    which is evidence enough for a word that is usually a noun.
    """
    word = text[start:end].lower()
    before = text[max(lo, start - 12) : start]
    if _noun_or_passive(before, word.endswith("ing")):
        return False
    if word in MAKE_FORMS:
        return True  # 'made it clear that': the pattern only finds it before 'clear'
    preps = prepositions(lex).get(word)
    if preps is not None:
        m = _NEXT_WORD.match(text, end)
        return bool(m) and m.group(1).lower() in preps
    if text[end : end + 1] == ":" and _POSSESSIVE_BEFORE.search(text, max(lo, start - 20), start):
        return False  # "Editor’s note: ...": a noun
    if word in _FIND and _REFLEXIVE_AFTER.match(text, end):
        return False  # "found himself embroiled"; but "described themselves as liberals"
    needs_evidence = word in lex.ambiguous and not (
        word in _NAMING and _NAMED_OBJECT.match(text, end)
    )  # 'critics call it a mouthpiece': a verb that names its object
    if word in _PLACE_NOUNS and (
        text.startswith(",", end) or _NOUN_BEFORE.search(text, max(lo, start - 8), start)
    ):
        # "in 20 states, ...": a comma is no evidence for the noun "state(s)"; nor is a quote
        # mark after "secretary of state" or "the state".
        return False
    if word == "know" and _KNOW_ALONE.match(text, end):
        return False  # "Now we know:", "(Yes, we know, ...)", "news as we know it": an aside
    if _ANONYMITY.match(text, end):
        return False  # "who requested anonymity": a condition of the source, nothing it said
    if word == "want" and _MODAL_BEFORE.search(text, max(lo, start - 12), start):
        return False  # "they may want to reconsider": the writer's advice, nobody's stance
    if word == "pledged" and _DELEGATES.match(text, end):
        return False  # "pledged delegates"
    if word in _ADD_FORMS and (
        _ADD_TO.match(text, end) or word == "adding" and _PROGRESSIVE_BEFORE.search(before)
    ):
        return False  # "adding to her delegate lead", "the economy is adding 182,000 jobs"
    if word in _DECLINE_FORMS and _DECLINE_AMOUNT.match(text, end):
        return False  # "the share declined significantly", "declined by 3 percent"
    if word in _CLAIM and _WIN_OBJECT.match(text, end):
        return False  # "to claim the nomination": to win it
    if word == "named" and before.endswith(("also ", ", ")):
        return False  # "his father, also named Duncan Hunter": a participle
    if word == "call" and before.endswith("close to "):
        return False  # "too close to call"
    if (
        (needs_evidence or word in _ALSO_NOUNS)
        and _OWNED_NOUN.search(text, max(lo, start - 30), start)
        and not (word in _SHOW and _DOCUMENT_BEFORE.search(text, max(lo, start - 24), start))
    ):
        return False  # "Trump's reality TV show, ...", "his remarks": a noun with its owner
    if (
        needs_evidence
        and not after_quote
        and not (
            _EVIDENCE_AFTER.match(text, end)
            and not (word in _PLAN and text.startswith(",", end))  # ('the Bush plan, ...')
            or _PRONOUN_BEFORE.search(text, max(lo, start - 8), start)
            or (
                _VERB_AFTER_MODAL.fullmatch(word)
                and _MODAL_OR_TO.search(text, max(lo, start - 16), start)
            )
            or _DOCUMENT_BEFORE.search(text, max(lo, start - 16), start)
            or (word in _SHOW and _DOCUMENT_SUBJECT.match(text, lo, start))
            or (
                (word.endswith("s") or word == "named")
                and _named_subject(text, max(lo, start - 40), start)
                and (_OBJECT_AFTER.match(text, end) or _TO_INFINITIVE.match(text, end))
            )
        )
    ):
        return False
    if word.startswith("call") and _CALL_FOR.match(text, end):
        return True  # "called for", "called on ... to"
    if word in _ON_VERBS and _ON.match(text, end):
        return False  # "reported on the race", "commented on his hands"
    if word in lex.to_breaks and _TO_VERB.match(text, end):
        return False  # "continued to rise", "found to be"; but "wrote to other aides"
    negative = _NEGATIVE_AFTER.match(text, end, min(len(text), end + 20))
    if negative and _AS_MUCH.match(text, end):
        return True  # 'said as much', 'acknowledged as much'
    if (
        negative
        and word in SPEECH_AS
        and (_AS_WHEN.match(text, end) or FOR_TIME.match(text, end) or _BY_MEANS.match(text, end))
    ):
        # '"...," he said as the crowd cheered', 'has said for weeks that ...': 'as' and 'for'
        # tell when, not what.
        return True
    return not negative
