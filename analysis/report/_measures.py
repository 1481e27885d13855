"""What the report says about each measure it compares: label, source, definition."""

from __future__ import annotations

_VADER = (
    "Source: the VADER lexicon and rules (Hutto & Gilbert 2014), built for social-media text; it "
    "scores wording, not stance."
)
_TEXTSTAT = "Computed exactly as textstat 0.7.13 does."

#: Each compared measure: its label and a note on its source. The definition (range, direction,
#: formula) of the score columns is the score module's own (analysis.score.SCORE_COLUMNS).
MEASURES: dict[str, tuple[str, str]] = {
    "tone_sentence_mean": ("Tone (sentence mean)", _VADER),
    "tone_compound": ("Tone (whole text)", _VADER),
    "tone_share_negative": ("Share of negative sentences", _VADER),
    "flesch_reading_ease": ("Flesch reading ease", _TEXTSTAT),
    "flesch_kincaid_grade": ("Flesch–Kincaid grade", _TEXTSTAT),
    "gunning_fog": ("Gunning fog index", _TEXTSTAT),
    "dale_chall_readability_score": ("Dale–Chall score", _TEXTSTAT),
    "words": ("Words", _TEXTSTAT),
    "attributions": (
        "Attributions",
        "Number of quotations and attributions found in the article (direct, partial and indirect "
        "speech, 'according to'), by a rule-based extractor with a documented list of reporting "
        "verbs (analysis.extract_attributions).",
    ),
    "quoted_share": (
        "Quoted share",
        "0..1: share of the body text's characters that stand inside double quotation marks (marks "
        "included); higher means more of the text is given to quoted sources.",
    ),
    "source_diversity": (
        "Source diversity",
        "Shannon entropy, in bits, of the article's attributions over its sources (a source is the "
        "resolved speaker name, else the organisation, else the speaker phrase). 0 means one voice; "
        "higher means more voices, more evenly heard. Missing for an article without attributions.",
    ),
}


def _definition(name: str) -> str:
    from analysis.score import SCORE_COLUMNS

    label_note = MEASURES[name][1]
    if name in SCORE_COLUMNS:
        return f"{SCORE_COLUMNS[name]} {label_note}"
    return label_note


#: Metrics compared between groups, in the order shown; those absent from the data are skipped.
COMPARED = (
    "tone_sentence_mean",
    "tone_compound",
    "tone_share_negative",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "dale_chall_readability_score",
    "words",
    "attributions",
    "quoted_share",
    "source_diversity",
)

_NO_GROUP = "(none)"

#: Years with fewer articles are left out of the tone-over-time figure.
_MIN_PER_YEAR = 5

_TONE = ("tone_sentence_mean", "tone_compound", "tone_share_negative")

_READABILITY = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "dale_chall_readability_score",
)

_SOURCES = ("attributions", "quoted_share", "source_diversity", "anonymous")
