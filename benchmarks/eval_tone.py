"""Agreement of analysis.tone with human ratings: the NYT editorial snippets of Hutto & Gilbert (2014).

It also writes a second table (section "tone-news"): the sentence tone against the annotated
sentiment towards a person in NewsMTSC's news sentences, to show what sentence tone does not measure.

Each snippet was rated by 20 people from -4 to +4; the ground truth is their mean.
We score every snippet with ``analysis.tone`` and report, for the whole-text
VADER compound and for the mean of our sentences' compound:

* Pearson r and Spearman rho with the mean rating;
* 3-class agreement: VADER's classes (compound >= 0.05 positive, <= -0.05
  negative, else neutral) against the human classes by the same band on mean/4
  (|mean| > 0.2), as in the folder's README: accuracy, macro precision, recall, F1.

Usage::

    .venv/bin/python benchmarks/eval_tone.py     # prints the table and writes docs/validity.md (section "tone")
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from analysis.score.tone import NEGATIVE, POSITIVE, tone  # noqa: E402
from benchmarks._validity_doc import write_section  # noqa: E402

SHARED = Path(os.environ.get("ANALYSIS_SHARED", REPO.parent / "shared"))
DATA = SHARED / "eval" / "vader-nyt" / "nytEditorialSnippets_GroundTruth.txt"
ONESTOP = SHARED / "eval" / "onestopenglish" / "onestopenglish.jsonl"
DOC = REPO / "docs" / "validity.md"
COMMAND = ".venv/bin/python benchmarks/eval_tone.py"


def spearman_rho(a: np.ndarray, b: np.ndarray) -> float:
    """Pearson correlation of the average ranks (ties share their mean rank)."""
    return float(np.corrcoef(pd.Series(a).rank().to_numpy(), pd.Series(b).rank().to_numpy())[0, 1])


def classes(values: np.ndarray, low: float, high: float) -> np.ndarray:
    return np.where(values >= high, 1, np.where(values <= low, -1, 0))


def macro(truth: np.ndarray, guess: np.ndarray) -> tuple[float, float, float, float]:
    """Accuracy and macro-averaged precision, recall and F1 over the three classes."""
    precision, recall, f1 = [], [], []
    for c in (-1, 0, 1):
        tp = np.sum((guess == c) & (truth == c))
        p = tp / max(np.sum(guess == c), 1)
        r = tp / max(np.sum(truth == c), 1)
        precision.append(p)
        recall.append(r)
        f1.append(2 * p * r / (p + r) if p + r else 0.0)
    return (
        float(np.mean(truth == guess)),
        float(np.mean(precision)),
        float(np.mean(recall)),
        float(np.mean(f1)),
    )


def load() -> pd.DataFrame:
    rows = []
    with open(DATA, encoding="utf-8", newline="") as handle:
        for line in handle:
            parts = line.rstrip("\r\n").split("\t")
            if len(parts) >= 3:
                rows.append(
                    {"id": parts[0], "rating": float(parts[1]), "text": "\t".join(parts[2:])}
                )
    return pd.DataFrame(rows)


def evaluate(data: pd.DataFrame) -> pd.DataFrame:
    scores = pd.DataFrame([tone(t) for t in data["text"]])
    rating = data["rating"].to_numpy()
    human = classes(rating / 4, NEGATIVE, POSITIVE)
    out = []
    for label, column in [
        ("whole-text compound", "tone_compound"),
        ("sentence mean", "tone_sentence_mean"),
    ]:
        values = scores[column].to_numpy()
        pearson = float(np.corrcoef(values, rating)[0, 1])
        spearman = spearman_rho(values, rating)
        acc, p, r, f1 = macro(human, classes(values, NEGATIVE, POSITIVE))
        out.append(
            {
                "measure": label,
                "Pearson r": pearson,
                "Spearman rho": spearman,
                "accuracy": acc,
                "macro P": p,
                "macro R": r,
                "macro F1": f1,
            }
        )
    table = pd.DataFrame(out)
    table.attrs["multi_sentence"] = int((scores["tone_sentences"] > 1).sum())
    return table


def saturation() -> dict[str, float] | None:
    """Share of OneStopEnglish articles whose whole-text / sentence-mean compound is beyond ±0.9."""
    if not ONESTOP.exists():
        return None
    import json

    with open(ONESTOP, encoding="utf-8") as handle:
        scores = pd.DataFrame([tone(json.loads(line)["text"]) for line in handle])
    return {
        "n": len(scores),
        "whole": float((scores["tone_compound"].abs() > 0.9).mean()),
        "mean": float((scores["tone_sentence_mean"].abs() > 0.9).mean()),
        "sd_whole": float(scores["tone_compound"].std()),
        "sd_mean": float(scores["tone_sentence_mean"].std()),
    }


NEWSMTSC = SHARED / "eval" / "newsmtsc"
# NewsMTSC's polarity codes: 2.0 negative, 4.0 neutral, 6.0 positive.
_POLARITY = {2.0: -1, 4.0: 0, 6.0: 1}


def news_targets() -> pd.DataFrame | None:
    """Sentence tone against the tone *towards a person* in news sentences (NewsMTSC dev parts).

    One row per set (``train``, ``rw_dev``, ``mt_dev``): how often the sentence's VADER class
    (compound >= 0.05 positive, <= -0.05 negative) equals the annotated sentiment towards the
    sentence's target mention. The sentence is scored once, whatever the number of its targets.
    """
    import json

    files = {
        "train": NEWSMTSC / "train.jsonl",
        "rw_dev": NEWSMTSC / "split70" / "rw_dev.jsonl",
        "mt_dev": NEWSMTSC / "split70" / "mt_dev.jsonl",
    }
    if not all(path.exists() for path in files.values()):
        return None
    out = []
    for label, path in files.items():
        truth, guess, sentences = [], [], 0
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                compound = tone(record["sentence_normalized"])["tone_compound"]
                sentences += 1
                for target in record["targets"]:
                    truth.append(_POLARITY[float(target["polarity"])])
                    guess.append(compound)
        truth_a = np.array(truth)
        guess_a = classes(np.array(guess), NEGATIVE, POSITIVE)
        acc, p, r, f1 = macro(truth_a, guess_a)
        majority = float(np.mean(truth_a == np.bincount(truth_a + 1).argmax() - 1))
        out.append(
            {
                "set": label,
                "sentences": sentences,
                "targets": len(truth_a),
                "accuracy": acc,
                "macro P": p,
                "macro R": r,
                "macro F1": f1,
                "majority-class accuracy": majority,
            }
        )
    return pd.DataFrame(out)


def news_markdown(table: pd.DataFrame) -> str:
    return (
        "## Sentence tone is not tone towards a person (NewsMTSC)\n\n"
        "Data: `../shared/eval/newsmtsc/` (Hamborg & Donnay 2021), news sentences from many US "
        "outlets, each annotated with the sentiment *towards a named person or group* in it "
        "(negative, neutral, positive); only `train.jsonl` and the dev parts of its 30/70 split "
        "are here. We compare the VADER class of the whole sentence (the sentence-level tone this "
        "toolkit reports) with that annotation, for every target.\n\n"
        + _pipe_table(table)
        + "\nRead it as a warning, not as a score to beat: the sentence tone agrees with the tone "
        "towards a person about half the time (the folder's README reports macro F1 0.51 on the "
        "real-world test part, and 0.80-0.83 for models trained for the task). "
        "'Coverage of X was negative' needs more than the tone of the sentences that mention X: "
        "VADER scores the words, not whom they are about, and news sentences attack, quote and "
        "report in the same breath.\n\n"
        f"Made by: `{COMMAND}`\n"
    )


def _pipe_table(table: pd.DataFrame) -> str:
    """A Markdown pipe table: text as is, counts with thousands separators, measures to 3 places."""

    def cell(v: object) -> str:
        if isinstance(v, str):
            return v
        return f"{v:,}" if isinstance(v, int) else f"{v:.3f}"

    header = "| " + " | ".join(table.columns) + " |\n| " + " | ".join("---" for _ in table.columns)
    rows = "".join(
        "\n| " + " | ".join(cell(v) for v in row) + " |" for row in table.itertuples(index=False)
    )
    return header + " |" + rows + "\n"


def markdown(table: pd.DataFrame, n: int, saturated: dict | None) -> str:
    return (
        "## Tone (VADER) against human ratings\n\n"
        f"Data: `../shared/eval/vader-nyt/` (Hutto & Gilbert 2014), the {n:,} NYT editorial snippets of this copy "
        "(even-numbered editorials only), each rated -4..+4 by 20 people; truth = mean rating. "
        "Classes: compound >= 0.05 positive, <= -0.05 negative; human classes by the same band on mean/4 "
        "(|mean| > 0.2). Macro averages over the three classes.\n\n"
        + _pipe_table(table)
        + f"\nOur splitter finds more than one sentence in {table.attrs['multi_sentence']} snippets; "
        "for the others both measures are the same. Anchors: the paper reports r = 0.492 for VADER on all "
        "5,190 snippets; the folder's README measures r = 0.503, rho = 0.480, macro F1 = 0.537 with "
        "vaderSentiment 3.3.2 on all 5,190 (this copy holds half of them, so expect small differences). "
        "The whole-text compound equals VADER's `polarity_scores` exactly (tests/test_tone.py). "
        "The snippets are single sentences, so this checks VADER itself, not our sentence aggregation.\n\n"
        + (
            f"Why articles need the sentence measures: on the {saturated['n']} OneStopEnglish articles "
            f"{saturated['whole']:.0%} score |whole-text compound| > 0.9 (SD {saturated['sd_whole']:.2f}), "
            f"against {saturated['mean']:.0%} for the sentence mean (SD {saturated['sd_mean']:.2f}): the whole-text "
            "compound sums every word's valence before squashing it into -1..1, so long texts pile up at the ends.\n\n"
            if saturated
            else ""
        )
        + f"Made by: `{COMMAND}`\n"
    )


def main() -> int:
    if not DATA.exists():
        print(
            f"{DATA} is missing: this evaluation needs ../shared (or ANALYSIS_SHARED)",
            file=sys.stderr,
        )
        return 2
    data = load()
    table = evaluate(data)
    print(f"{len(data)} snippets from {DATA}\n")
    print(table.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    saturated = saturation()
    if saturated:
        print(
            f"\nOneStopEnglish: |compound| > 0.9 for {saturated['whole']:.0%} (whole text), {saturated['mean']:.0%} (sentence mean)"
        )
    write_section("tone", markdown(table, len(data), saturated))
    print(f"\nwrote the 'tone' section of {DOC.relative_to(REPO)}")
    news = news_targets()
    if news is None:
        print(f"\n{NEWSMTSC} is missing: the NewsMTSC table is left as it is")
    else:
        print("\nNewsMTSC: sentence tone against the tone towards the target\n")
        print(news.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
        write_section("tone-news", news_markdown(news))
        print(f"\nwrote the 'tone-news' section of {DOC.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
