"""The seed article, end to end: every step of the pipeline on the page the project started from.

Expectations here were read off the page by hand (data/seed/000_03c80dfc9eda31c5.txt): its
11 body paragraphs hold 17 sentences; a State Department spokesman is quoted directly, another
is reported, 'US officials' are an anonymous source, Beijing's concern is reported and its label
partly quoted ('severe danger'), and the scare-quoted 'unofficial' delegation is nobody's words.
"""

from __future__ import annotations

import warnings

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

import analysis

# The first words of each of the 17 sentences of the body, in order (counted by hand).
SENTENCE_STARTS = [
    "In a recent meeting, US Secretary of State",
    "Blinken, currently navigating",
    "The two leaders conducted a constructive dialogue",
    "State Department spokesman Matthew Miller stated",
    "With Taiwan, a self-ruling democracy",
    "Beijing has expressed concern",
    "However, Lai has maintained",
    "Despite officially recognizing Beijing",
    "State Department spokesman Vedant Patel",
    "Following the election, President Joe Biden",
    "This gesture reaffirms",
    "In addition to the discussions with Liu",
    "Liu’s visit comes amid",
    "Notably, President Biden and President Xi Jinping",
    "In a recent speech at the Council on Foreign Relations",
    "While he did not specify",
    "Liu also held talks with Jon Finer",
]


@pytest.fixture(scope="module")
def seed(seed_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analysis.load_articles(seed_path)


@pytest.fixture(scope="module")
def body(seed) -> str:
    return seed["text"].iloc[0]


def test_the_clean_row(seed, body):
    row = seed.iloc[0]
    assert row["title"] == (
        "US Secretary of State Antony Blinken Advocates for Cross-Strait Stability "
        "in Recent Talks with Chinese Official"
    )
    assert (row["section"], str(row["date"].date()), row["date_source"]) == (
        "World",
        "2024-03-01",
        "page",
    )
    paragraphs = body.split("\n\n")
    assert len(paragraphs) == 11
    assert paragraphs[0].startswith("In a recent meeting, US Secretary of State Antony Blinken")
    assert paragraphs[-1].endswith("the ongoing diplomatic engagement between the two countries.")
    for furniture in (
        "Read Also",
        "Published on",
        "Latest articles",
        "More like this",
        "Enable Notifications",
    ):
        assert furniture not in body


def test_readability_of_the_body_is_textstats(seed, body, textstat_cmu):
    scores = analysis.score_readability(seed).iloc[0]
    assert scores["sentences"] == len(SENTENCE_STARTS) == textstat_cmu.sentence_count(body)
    for metric, reference in [
        ("flesch_reading_ease", textstat_cmu.flesch_reading_ease(body)),
        ("flesch_kincaid_grade", textstat_cmu.flesch_kincaid_grade(body)),
        ("gunning_fog", textstat_cmu.gunning_fog(body)),
        ("smog_index", textstat_cmu.smog_index(body)),
        ("dale_chall_readability_score", textstat_cmu.dale_chall_readability_score(body)),
        ("words", textstat_cmu.lexicon_count(body)),
        ("syllables", textstat_cmu.syllable_count(body)),
    ]:
        assert scores[metric] == pytest.approx(reference, abs=1e-9), metric
    # A diplomatic wire story: hard going (Flesch-Kincaid grade above 12, i.e. college level).
    assert scores["flesch_kincaid_grade"] > 12


def test_tone_of_the_body_and_of_each_sentence_is_vaders(seed, body):
    vader = SentimentIntensityAnalyzer()
    scores = analysis.score_tone(seed).iloc[0]
    assert scores["tone_compound"] == vader.polarity_scores(body)["compound"]
    sentences = analysis.sentence_tone(seed, level="sentence")
    assert len(sentences) == len(SENTENCE_STARTS) == scores["tone_sentences"]
    for text, start in zip(sentences["text"], SENTENCE_STARTS, strict=True):
        assert text.startswith(start)
    for text, compound in zip(sentences["text"], sentences["compound"], strict=True):
        assert compound == vader.polarity_scores(text)["compound"]
    assert scores["tone_sentence_mean"] == pytest.approx(sentences["compound"].mean())
    paragraphs = analysis.sentence_tone(seed, level="paragraph")
    assert len(paragraphs) == 11


def test_who_speaks_in_the_body(seed, body):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = analysis.extract_attributions(seed)
    by_speaker = {r.speaker: r for r in found.itertuples()}

    miller = by_speaker["State Department spokesman Matthew Miller"]
    assert (miller.kind, miller.speaker_name, miller.speaker_role, miller.organisation) == (
        "direct",
        "Matthew Miller",
        "spokesperson",
        "State Department",
    )
    assert body[miller.start : miller.end].startswith("“The Secretary reiterated")
    assert miller.paragraph == 2

    patel = by_speaker["State Department spokesman Vedant Patel"]
    assert (patel.kind, patel.speaker_role, patel.organisation, patel.anonymous) == (
        "indirect",
        "spokesperson",
        "State Department",
        False,
    )

    officials = by_speaker["US officials"]
    assert (officials.kind, officials.speaker_role, officials.anonymous) == (
        "indirect",
        "official",
        True,
    )
    assert body[officials.start : officials.end].startswith("Chinese statements align")

    # Beijing speaks twice: its concern (reported) and its label (partly quoted).
    concern, label = (r for r in found.itertuples() if r.speaker == "Beijing")
    assert (concern.kind, concern.cue, body[concern.start : concern.end]) == (
        "indirect",
        "expressed",
        "concern over the front-runner, Lai Ching-te",
    )
    assert (label.kind, label.cue) == ("partial", "labeling")
    assert [body[a:b] for a, b in label.fragments] == ["“severe danger”"]

    # The scare-quoted “unofficial” delegation is nobody's words.
    unofficial = body.index("“unofficial”")
    assert not any(r.start <= unofficial < r.end for r in found.itertuples())
    # Only the spokesmen, the officials and Beijing are anonymous-or-quoted; nobody else is anonymous.
    assert found["anonymous"].sum() == 1

    counts = analysis.count_sources(found, articles=seed).iloc[0]
    assert (counts["direct"], counts["partial"], counts["anonymous"], counts["spokespeople"]) == (
        1,
        1,
        1,
        2,
    )
