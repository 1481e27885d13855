"""Score ``analysis.extract_attributions`` against PolNeAR (DEV half) and a plain-regex baseline.

Usage::

    .venv/bin/python benchmarks/eval_attribution.py            # all 504 articles, writes docs/validity.md
    .venv/bin/python benchmarks/eval_attribution.py --sample 60 --no-write
    .venv/bin/python benchmarks/eval_attribution.py --limit 100 --errors direct

Units and matching
------------------
A predicted span matches a gold span when their overlap covers at least half of
*both* spans; matching is one-to-one (greedy, largest overlap first) within an article.

- **Direct quotes** are scored per fragment, the README's default unit: every
  fragment of a gold ``direct`` quote against every fragment of a predicted
  ``direct`` row (a split quote '"A," he said. "B."' gives two units).
- **All attributions** are scored per attribution: gold ``start..end`` of every
  gold attribution (direct, mixed = our partial, indirect; with or without a
  source) against ``start..end`` of every predicted row, kind ignored.
- **Speaker accuracy**: among matched direct fragments whose gold quote has a
  source, the share whose gold *head word* (the surname of the first name in the
  source, else its last word before "of/for/who/familiar ...", e.g. "Clinton" in
  "former secretary of state Hillary Clinton, who praised ...", "aides" in "Trump
  aides"; a share such as "one of" is skipped: "aides" in "one of his aides") is a word of
  the predicted ``speaker`` or ``speaker_name``.
  **Quote+speaker recall**: gold direct fragments matched *and* with the right speaker.
- **Anonymous sources**: a gold attribution is anonymous when its source's head
  word is an unnamed-source noun (source, official, aide, adviser, insider,
  staffer, diplomat, operative, ally, associate, strategist; "person", "people"
  or "individuals" only with familiar/close/knowledgeable/briefed/involved/who/with
  knowledge). Precision: predicted anonymous rows that match a gold anonymous
  attribution; recall: gold anonymous attributions matched by a predicted
  anonymous row.
- **Speed**: articles per CPU-second of ``extract_attributions`` in this one
  process (the whole selection in one call, after one warm-up article and a garbage
  collection), so a busy shared machine does not count against it. The baseline
  is timed alike, five times, and its fastest call counts: its call is short and
  noisy, and the fastest can only make our multiple of its time larger. Without the
  collection our figure is about 7% lower: the objects left by parsing the gold
  file are then collected during the timed call.

The baseline is what the issue calls "a plain regex": every double-quoted
stretch is a direct quote, and its speaker is the nearest capitalised word or
pronoun next to a "said"/"says"/"told" within 60 characters.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import re
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from analysis.attribute import extract_attributions  # noqa: E402
from benchmarks._validity_doc import write_section  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "eval" / "polnear" / "polnear_dev.jsonl"
VALIDITY = REPO / "docs" / "validity.md"
SECTION = "attribution"

_ANON = re.compile(
    r"^(?:sources?|officials?|aides?|advis[eo]rs?|insiders?|staffers?|diplomats?|operatives?|"
    r"all(?:y|ies)|associates?|strategists?)$"
)
_ANON_PEOPLE = re.compile(
    r"\b(?:person|people|individuals?)\b.*\b(?:familiar|close|knowledgeable|briefed|involved|who|with knowledge)\b"
)
_NOT_NAME = frozenset(
    [
        "The",
        "A",
        "An",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Dr.",
        "Sen.",
        "Rep.",
        "Gov.",
        "Gen.",
        "Former",
        "State",
        "Department",
        "House",
        "White",
        "Senate",
        "US",
        "U.S.",
        "President",
        "Secretary",
        "Senator",
        "Governor",
    ]
)
_CUT = re.compile(
    r"\s(?:of|for|from|at|with|familiar|close|involved|knowledgeable|briefed|who|in|on)\s.*$"
)


_PART_OF = re.compile(
    r"^(?:one|two|three|some|many|several|most|few|each|any|all|both|a\s+(?:few|number|couple|"
    r"handful))\s+of\s+(?!(?:them|us|you|those|these)\b)",
    re.IGNORECASE,
)


def gold_head(speaker: str) -> str | None:
    """The head word of a gold source span (see the module docstring)."""
    if not speaker:
        return None
    phrase = re.split(r",|\swho\s|\swhich\s", " ".join(speaker.split()), maxsplit=1)[0].strip()
    phrase = _PART_OF.sub("", phrase)  # 'one of his senior aides' → 'his senior aides'
    words = [re.sub(r"[’']s?$", "", w) for w in phrase.split()]
    if not words:
        return None
    cut = _CUT.sub("", " " + phrase).split()
    last = re.sub(r"[’']s?$", "", cut[-1]) if cut else words[-1]
    if last[:1].islower() and not words[-1][:1].isupper():
        return last.lower()
    run: list[str] = []
    runs: list[list[str]] = []
    for w in words:
        if w[:1].isupper() and w not in _NOT_NAME:
            run.append(w)
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    multi = [r for r in runs if len(r) > 1]
    chosen = multi[0] if multi else (runs[-1] if runs else words)
    return chosen[-1].lower()


def gold_anonymous(speaker: str | None) -> bool:
    head = gold_head(speaker or "")
    if head is None:
        return False
    if _ANON.match(head):
        return True
    return head in {"person", "people", "individual", "individuals"} and bool(
        _ANON_PEOPLE.search(speaker.lower())
    )


def _words(*texts: object) -> set[str]:
    out: set[str] = set()
    for t in texts:
        if isinstance(t, str):
            out.update(re.sub(r"[’']s?$", "", w).lower() for w in re.findall(r"[\w’'\-.]+", t))
            out.update(w.rstrip(".").lower() for w in re.findall(r"[\w’'\-.]+", t))
    return out


def match(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) overlapping >= 50% of both spans."""
    cands = []
    for gi, (gs, ge) in enumerate(gold):
        for pi, (ps, pe) in enumerate(pred):
            ov = min(ge, pe) - max(gs, ps)
            if ov > 0 and ov >= 0.5 * (ge - gs) and ov >= 0.5 * (pe - ps):
                cands.append((-ov, gi, pi))
    cands.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


_BASE_QUOTE = re.compile(r"“[^“”\n]*”|\"[^\"\n]*\"")
_BASE_SPEAKER = re.compile(
    r"(?:\b([A-Z][\w’'\-]+|he|she|they)\s+(?:said|says|told)\b|\b(?:said|says|told)\s+([A-Z][\w’'\-]+|he|she|they)\b)"
)


def baseline(articles: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for aid, text in zip(articles["article_id"], articles["text"], strict=True):
        for m in _BASE_QUOTE.finditer(text):
            window_r = text[m.end() : m.end() + 60]
            window_l = text[max(0, m.start() - 60) : m.start()]
            sp = _BASE_SPEAKER.search(window_r)
            if not sp:
                found = list(_BASE_SPEAKER.finditer(window_l))
                sp = found[-1] if found else None
            speaker = (sp.group(1) or sp.group(2)) if sp else None
            rows.append(
                {
                    "article_id": aid,
                    "kind": "direct",
                    "start": m.start(),
                    "end": m.end(),
                    "fragments": [(m.start(), m.end())],
                    "speaker": speaker,
                    "speaker_name": None,
                    "anonymous": False,
                }
            )
    return pd.DataFrame(rows)


_OPEN_BEFORE = re.compile(r"(?:[\"“]|'')\s*$")
_CLOSE_AFTER = re.compile(r"[,.?!;:]*(?:[\"”]|'')")
_ANY_MARK = re.compile(r"[\"“”]|''")


def _quoted(text: str, a: int, b: int) -> bool:
    """The README's test, with '' (two apostrophes) counted as a double mark too."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a >= b:
        return False
    opens = (
        text[a] in '"“'
        or text.startswith("''", a)
        or bool(_OPEN_BEFORE.search(text, max(0, a - 4), a))
    )
    closes = text[b - 1] in '"”' or text.endswith("''", a, b) or bool(_CLOSE_AFTER.match(text, b))
    return opens and closes


def join_contiguous(doc: dict) -> dict:
    """Gold with contiguous fragments joined and ``kind`` derived again, '' counted as a mark.

    Two artefacts of the README's derivation are undone here: annotators often
    marked a quotation of several sentences sentence by sentence, so its inner
    fragments neither start nor end at a mark and the quotation counts as "mixed";
    and the New York Times writes double quotation marks as two apostrophes (''),
    which the converter ignores, so those quotations count as "indirect".
    Fragments that only spaces separate (never a line break) are joined.
    """
    text = doc["text"]
    quotes = []
    for q in doc["quotes"]:
        frags = sorted(tuple(f) for f in q["fragments"])
        joined = [list(frags[0])]
        for a, b in frags[1:]:
            gap = text[joined[-1][1] : a]
            if gap.strip(" ") == "" and "\n" not in gap:
                joined[-1][1] = max(joined[-1][1], b)
            else:
                joined.append([a, b])
        if all(_quoted(text, a, b) for a, b in joined):
            kind = "direct"
        elif _ANY_MARK.search(text, q["start"], q["end"]):
            kind = "mixed"
        else:
            kind = "indirect"
        quotes.append({**q, "fragments": [tuple(f) for f in joined], "kind": kind})
    return {**doc, "quotes": quotes}


_COUNTS = (
    "d_tp",
    "d_pred",
    "d_gold",
    "a_tp",
    "a_pred",
    "a_gold",
    "sp_ok",
    "sp_n",
    "anon_tp_p",
    "anon_pred",
    "anon_tp_r",
    "anon_gold",
    "fp_apos",
    "fp_mixed",
    "fp_other_gold",
    "fp_no_gold",
)


def _article_counts(doc: dict, rows: list[dict]) -> dict[str, int]:
    """The counts of one article that ``score`` adds up (``rows``: its predicted records)."""
    c = dict.fromkeys(_COUNTS, 0)
    gold = doc["quotes"]
    # Direct quotes, per fragment.
    gfr = [(tuple(f), q) for q in gold if q["kind"] == "direct" for f in q["fragments"]]
    pfr = [(tuple(f), r) for r in rows if r["kind"] == "direct" for f in r["fragments"]]
    pairs = match([g[0] for g in gfr], [p[0] for p in pfr])
    c["d_tp"] += len(pairs)
    c["d_pred"] += len(pfr)
    c["d_gold"] += len(gfr)
    # What the false direct quotes are: NYT '' quotations (gold kind 'indirect' by the
    # converter's rule), quotations inside a gold 'mixed' attribution, or no attribution at all.
    matched_p = {pi for _, pi in pairs}
    for pi, ((a, b), _) in enumerate(pfr):
        if pi in matched_p:
            continue
        over = [q["kind"] for q in gold if min(q["end"], b) - max(q["start"], a) > 0]
        if doc["text"].startswith("''", a):
            c["fp_apos"] += 1
        elif "mixed" in over:
            c["fp_mixed"] += 1
        elif over:
            c["fp_other_gold"] += 1
        else:
            c["fp_no_gold"] += 1
    for gi, pi in pairs:
        q, r = gfr[gi][1], pfr[pi][1]
        head = gold_head(q["speaker"] or "")
        if head is None:
            continue
        c["sp_n"] += 1
        if head in _words(r["speaker"], r.get("speaker_name")):
            c["sp_ok"] += 1
    # All attributions.
    gspans = [(q["start"], q["end"]) for q in gold]
    pspans = [(r["start"], r["end"]) for r in rows]
    pairs = match(gspans, pspans)
    c["a_tp"] += len(pairs)
    c["a_pred"] += len(pspans)
    c["a_gold"] += len(gspans)
    ganon = [gold_anonymous(q["speaker"]) for q in gold]
    panon = [bool(r["anonymous"]) for r in rows]
    c["anon_pred"] += sum(panon)
    c["anon_gold"] += sum(ganon)
    for gi, pi in pairs:
        if panon[pi] and ganon[gi]:
            c["anon_tp_p"] += 1
            c["anon_tp_r"] += 1
    return c


def _by_article(pred: pd.DataFrame) -> dict[object, list[dict]]:
    if not len(pred):
        return {}
    return {aid: g.to_dict("records") for aid, g in pred.groupby("article_id", sort=False)}


def score(docs: list[dict], pred: pd.DataFrame) -> dict[str, float]:
    by_article = _by_article(pred)
    c = dict.fromkeys(_COUNTS, 0)
    for doc in docs:
        for key, n in _article_counts(doc, by_article.get(doc["doc_id"], [])).items():
            c[key] += n
    dp, dr, df = prf(c["d_tp"], c["d_pred"], c["d_gold"])
    ap, ar, af = prf(c["a_tp"], c["a_pred"], c["a_gold"])
    xp, xr, xf = prf(c["anon_tp_p"], c["anon_pred"], c["anon_gold"])
    return {
        "direct_precision": dp,
        "direct_recall": dr,
        "direct_f1": df,
        "speaker_accuracy": c["sp_ok"] / c["sp_n"] if c["sp_n"] else 0.0,
        "quote_speaker_recall": c["sp_ok"] / c["d_gold"] if c["d_gold"] else 0.0,
        "all_precision": ap,
        "all_recall": ar,
        "all_f1": af,
        "anonymous_precision": xp,
        "anonymous_recall": xr,
        "anonymous_f1": xf,
        "n_gold_direct_fragments": c["d_gold"],
        "n_gold_attributions": c["a_gold"],
        "n_matched_attributions": c["a_tp"],
        "n_rows": c["a_pred"],
        "n_gold_anonymous": c["anon_gold"],
        "direct_fp_two_apostrophes": c["fp_apos"],
        "direct_fp_in_gold_mixed": c["fp_mixed"],
        "direct_fp_in_other_gold": c["fp_other_gold"],
        "direct_fp_no_gold": c["fp_no_gold"],
    }


def intervals(
    docs: list[dict], pred: pd.DataFrame, n_resamples: int = 2000, seed: int = 0
) -> dict[str, tuple[float, float]]:
    """95% bootstrap intervals of the main scores when the articles are resampled.

    The held-out half is another sample of articles like these; the intervals say how far a
    score may move from one such sample to another. Percentile intervals over
    ``n_resamples`` resamples of whole articles (with replacement), seeded, so they repeat.
    """
    by_article = _by_article(pred)
    joined = [join_contiguous(d) for d in docs]
    rows = []
    for doc, jdoc in zip(docs, joined, strict=True):
        mine = by_article.get(doc["doc_id"], [])
        c, j = _article_counts(doc, mine), _article_counts(jdoc, mine)
        rows.append(
            [
                c[k]
                for k in ("a_tp", "a_pred", "a_gold", "d_tp", "d_pred", "d_gold", "sp_ok", "sp_n")
            ]
            + [j[k] for k in ("d_tp", "d_pred", "d_gold")]
        )
    counts = np.array(rows, dtype=np.int64)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(docs), size=(n_resamples, len(docs)))
    sums = counts[picks].sum(axis=1)  # resamples x counts

    def f1(tp, n_pred, n_gold):
        return 2 * tp / np.maximum(n_pred + n_gold, 1)

    found = {
        "all_f1": f1(sums[:, 0], sums[:, 1], sums[:, 2]),
        "direct_f1": f1(sums[:, 3], sums[:, 4], sums[:, 5]),
        "joined_direct_f1": f1(sums[:, 8], sums[:, 9], sums[:, 10]),
        "speaker_accuracy": sums[:, 6] / np.maximum(sums[:, 7], 1),
    }
    return {
        k: (float(np.quantile(v, 0.025)), float(np.quantile(v, 0.975))) for k, v in found.items()
    }


def _span(bounds: tuple[float, float]) -> str:
    return f"{bounds[0]:.3f}-{bounds[1]:.3f}"


def show_errors(docs: list[dict], pred: pd.DataFrame, what: str, n: int, seed: int = 0) -> None:
    """Print up to ``n`` false positives and false negatives (for tuning the rules)."""
    by_article = {aid: g.to_dict("records") for aid, g in pred.groupby("article_id", sort=False)}
    fps, fns, wrong = [], [], []
    for doc in docs:
        text, rows = doc["text"], by_article.get(doc["doc_id"], [])
        if what == "direct":
            g = [
                (tuple(f), q)
                for q in doc["quotes"]
                if q["kind"] == "direct"
                for f in q["fragments"]
            ]
            p = [(tuple(f), r) for r in rows if r["kind"] == "direct" for f in r["fragments"]]
        else:
            g = [((q["start"], q["end"]), q) for q in doc["quotes"]]
            p = [((r["start"], r["end"]), r) for r in rows]
        pairs = match([x[0] for x in g], [x[0] for x in p])
        mg, mp = {a for a, _ in pairs}, {b for _, b in pairs}

        def ctx(s: int, e: int, text: str = text) -> str:
            out = text[max(0, s - 70) : s] + " [[" + text[s:e][:160] + "]] " + text[e : e + 70]
            return out.replace("\n", " / ")

        for i, (sp, r) in enumerate(p):
            if i not in mp:
                fps.append(f"FP {r['kind']} spk={r['speaker']!r} cue={r['cue']!r}: {ctx(*sp)}")
        for i, (sp, q) in enumerate(g):
            if i not in mg:
                fns.append(f"FN {q['kind']} spk={q['speaker']!r} cue={q['cue']!r}: {ctx(*sp)}")
        if what == "direct":
            for gi, pi in pairs:
                head = gold_head(g[gi][1]["speaker"] or "")
                r = p[pi][1]
                if head and head not in _words(r["speaker"], r.get("speaker_name")):
                    wrong.append(
                        f"SPK gold={g[gi][1]['speaker']!r} pred={r['speaker']!r}/"
                        f"{r.get('speaker_name')!r}: {ctx(*g[gi][0])}"
                    )
    rng = random.Random(seed)
    for label, items in (
        ("false positives", fps),
        ("false negatives", fns),
        ("wrong speakers", wrong),
    ):
        print(f"\n=== {label}: {len(items)}")
        for line in rng.sample(items, min(n, len(items))):
            print(line)


def load(
    path: Path, *, limit: int | None = None, sample: int | None = None, seed: int = 0
) -> list[dict]:
    docs = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    if sample is not None:
        docs = sorted(
            random.Random(seed).sample(docs, min(sample, len(docs))), key=lambda d: d["doc_id"]
        )
    if limit is not None:
        docs = docs[:limit]
    return docs


def articles_of(docs: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": [d["doc_id"] for d in docs],
            "outlet": [d["publisher"] for d in docs],
            "text": [d["text"] for d in docs],
        }
    )


def evaluate(
    docs: list[dict],
) -> tuple[dict[str, float], dict[str, float], float, float, pd.DataFrame]:
    """Scores of ours and of the baseline, the articles/s of each, and our attributions."""
    articles = articles_of(docs)
    # CPU time of this process: the machine may be shared, and "one core" is what we promise.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        extract_attributions(articles.iloc[:1])
        gc.collect()  # the loader's garbage is not the extractor's to collect
        t0 = time.process_time()
        ours = extract_attributions(articles)
        t_ours = max(time.process_time() - t0, 1e-9)
    # The baseline's call is short (about 45 ms), so one timing of it is noisy: the fastest of
    # five is taken. That can only make our multiple of its time larger, never flatter us.
    t_base = float("inf")
    for _ in range(5):
        t0 = time.process_time()
        base = baseline(articles)
        t_base = min(t_base, max(time.process_time() - t0, 1e-9))
    joined = [join_contiguous(d) for d in docs]
    s_ours, s_base = score(docs, ours), score(docs, base)
    for result, pred in ((s_ours, ours), (s_base, base)):
        alt = score(joined, pred)
        for key in ("direct_precision", "direct_recall", "direct_f1", "speaker_accuracy"):
            result[f"joined_{key}"] = alt[key]
        result["n_gold_direct_fragments_joined"] = alt["n_gold_direct_fragments"]
    return s_ours, s_base, len(docs) / t_ours, len(docs) / t_base, ours


_TARGETS = {
    "direct_f1": 0.90,
    "speaker_accuracy": 0.95,
    "all_f1": 0.70,
}


def table(ours: dict[str, float], base: dict[str, float], speed: float, base_speed: float) -> str:
    names = [
        ("direct quotes: precision", "direct_precision"),
        ("direct quotes: recall", "direct_recall"),
        ("direct quotes: F1", "direct_f1"),
        ("speaker accuracy (matched direct quotes)", "speaker_accuracy"),
        ("direct quotes, gold kinds re-derived: precision", "joined_direct_precision"),
        ("direct quotes, gold kinds re-derived: recall", "joined_direct_recall"),
        ("direct quotes, gold kinds re-derived: F1", "joined_direct_f1"),
        ("speaker accuracy, gold kinds re-derived", "joined_speaker_accuracy"),
        ("quote + speaker recall", "quote_speaker_recall"),
        ("all attributions: precision", "all_precision"),
        ("all attributions: recall", "all_recall"),
        ("all attributions: F1", "all_f1"),
        ("anonymous sources: precision", "anonymous_precision"),
        ("anonymous sources: recall", "anonymous_recall"),
    ]
    lines = ["| measure | ours | plain-regex baseline | target |", "|---|---|---|---|"]
    for label, key in names:
        target = f">= {_TARGETS[key]:.2f}" if key in _TARGETS else ""
        lines.append(f"| {label} | {ours[key]:.3f} | {base[key]:.3f} | {target} |")
    lines.append(
        f"| articles per CPU-second (one core) | {speed:.0f} | {base_speed:.0f} | >= 500 |"
    )
    # The ratio is what compares across machines: both ran in this process, on this input.
    lines.append(
        f"| CPU time per article, as a multiple of the baseline's | {base_speed / speed:.1f} | 1.0 | |"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="polnear_dev.jsonl")
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--sample", type=int, help="a deterministic random sample of N articles")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-write", action="store_true", help="do not update docs/validity.md")
    ap.add_argument(
        "--errors", choices=["direct", "all"], help="print sample errors instead of scores"
    )
    ap.add_argument("--n-errors", type=int, default=25)
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"PolNeAR data not found at {args.data}; pass --data", file=sys.stderr)
        return 2
    docs = load(args.data, limit=args.limit, sample=args.sample, seed=args.seed)
    if args.errors:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pred = extract_attributions(articles_of(docs))
        show_errors([join_contiguous(d) for d in docs], pred, args.errors, args.n_errors, args.seed)
        return 0
    ours, base, speed, base_speed, pred = evaluate(docs)
    out = table(ours, base, speed, base_speed)
    print(out)
    fp_note = (
        f"False direct-quote fragments under README kinds: {ours['direct_fp_two_apostrophes']} are "
        f"NYT '' quotations (gold 'indirect'), {ours['direct_fp_in_gold_mixed']} lie inside a gold "
        f"'mixed' attribution, {ours['direct_fp_in_other_gold']} inside another gold attribution, "
        f"{ours['direct_fp_no_gold']} outside any gold attribution."
    )
    print("\n" + fp_note)
    counts_note = (
        f"All attributions: {ours['n_matched_attributions']} of {ours['n_gold_attributions']} "
        f"gold attributions matched by {ours['n_rows']} rows, so F1 = 2 x "
        f"{ours['n_matched_attributions']} / ({ours['n_rows']} + {ours['n_gold_attributions']}) "
        f"= {ours['all_f1']:.5f}."
    )
    print(counts_note)
    spread = intervals(docs, pred)
    spread_note = (
        "95% intervals when the articles are resampled (bootstrap, 2,000 resamples, seed 0), for "
        "how far another sample of such articles, as the held-out half is, may land: "
        f"all-attribution F1 {_span(spread['all_f1'])}, direct-quote F1 "
        f"{_span(spread['direct_f1'])} (README kinds) and {_span(spread['joined_direct_f1'])} "
        f"(gold kinds re-derived), speaker accuracy {_span(spread['speaker_accuracy'])}."
    )
    print(spread_note)
    print(
        f"\n{len(docs)} articles, {ours['n_gold_direct_fragments']} gold direct fragments, "
        f"{ours['n_gold_attributions']} gold attributions, {ours['n_gold_anonymous']} gold anonymous"
    )
    # Only the full tuning half is written up: docs/validity.md names it as the data. Another
    # file (the held-out half, say) or a part of one is scored and printed only.
    whole_dev = args.limit is None and args.sample is None
    whole_dev = whole_dev and args.data.resolve() == DEFAULT_DATA.resolve()
    if not args.no_write and not whole_dev:
        print(
            f"\n(not written to {VALIDITY.relative_to(REPO)}: that section is for the whole DEV half)"
        )
    if not args.no_write and whole_dev:
        cmd = ".venv/bin/python benchmarks/eval_attribution.py"
        body = (
            "## Source attribution (PolNeAR, DEV half)\n\n"
            f"Data: `../shared/eval/polnear/polnear_dev.jsonl` (Newell, Margolin & Ruths 2018), "
            f"{len(docs)} political news articles, {ours['n_gold_attributions']} gold attributions "
            f"({ours['n_gold_direct_fragments']} direct-quote fragments, "
            f"{ours['n_gold_anonymous']} with an anonymous source). This is the tuning half; the "
            "other half is kept back.\n\n"
            "Matching: a predicted span matches a gold span when the overlap covers at least half "
            "of both, one to one. Direct quotes are scored per fragment (the README's unit), all "
            "attributions per attribution with kinds ignored. Speaker accuracy: among matched "
            "direct fragments, the gold source's head word (surname of its first name, else its "
            "head noun: 'Clinton' in 'former secretary of state Hillary Clinton, who praised ...', "
            "'aides' in 'Trump aides' and in 'one of his aides') is a word of our `speaker` or "
            "`speaker_name`. Anonymous "
            "gold = source head is source/official/aide/adviser/insider/staffer/diplomat/"
            "operative/ally/associate/strategist, or person/people with familiar/close/"
            "knowledgeable/briefed/involved/who. Speed: articles per CPU-second of one process "
            "(the machine is shared), baseline timed alike.\n\n"
            "Two sets of direct-quote rows. *README kinds* use the converter's derived `kind`. "
            "*Gold kinds re-derived* join gold fragments that only a space separates (annotators "
            "marked long quotations sentence by sentence, which the converter then calls "
            "'mixed') and count two apostrophes ('') as a double quotation mark, as the New York "
            "Times archive writes them (the converter ignores them, so those quotations are "
            "gold 'indirect'). The extractor treats '' as a quotation mark, so under README "
            "kinds its NYT quotations count as false direct quotes.\n\n"
            "The baseline is the issue's 'plain regex': every double-quoted stretch is a direct "
            "quote; its speaker is the nearest capitalised word or pronoun next to said/says/told.\n\n"
            + out
            + "\n\n"
            + fp_note
            + " "
            + counts_note
            + " "
            + spread_note
            + "\n\nWhat the errors are (from `--errors all|direct`). All attributions: recall is "
            "the weak side. Beyond reporting verbs the rules now cover inner states and "
            "evaluations ('hopes', 'mocked', 'favored'), stance nouns with an owner ('his "
            "support for') or without one ('questions about', 'calls for'), expectations and "
            "impressions with no source ('X is expected to', 'X seems to', 'it was reported "
            "that'), questions ('Asked why ..., X said'), headline lines ('Name: ...', 'X Says "
            "...'), 'the poll shows', 'made it clear', 'As Politico reported, ...', a "
            "quotation that carries on a paraphrase in the next sentence ('Corker said ... "
            "\"If we were to touch it ...\"'), the turns of a transcript ('PENCE: ...'), "
            "reporting verbs in the passive with their agent ('was first reported by The "
            "Washington Post') and judgements with no judge ('has been criticized for'). Still "
            "missed: a long tail of verbs and nouns used as "
            "cues once or twice ('took issue with', 'joined other Republicans in pouncing on'), "
            "attributions whose source is outside the sentence, and span boundaries: about one "
            "gold attribution in ten overlaps one of ours that starts or ends elsewhere "
            "(gold includes 'that' before the content, which we leave out as the seed test "
            "asks; gold sometimes runs a paraphrase over ', and ...' or ';', sometimes not). "
            "Direct quotes under README kinds: almost all false positives are gold-kind "
            "artefacts (see the breakdown above): NYT '' quotations, which the converter calls "
            "'indirect', and quotations that annotators marked sentence by sentence or that "
            "continue a speaker's words, which it calls 'mixed'; the re-derived rows above score "
            "the same output without those artefacts. Genuine false quotes (titles such as '\"CBS This "
            "Morning,\" Sanders said he ...', owned nouns such as 'his reality TV show, \"...\"') "
            "are now left alone.\n\n"
            f"Speed was measured with a load average of {os.getloadavg()[0]:.1f} on "
            f"{os.cpu_count()} cores, which slows even CPU time; throughput also falls with "
            "article length. The timed call starts after a garbage collection; without it the "
            "objects left by parsing the gold file are collected inside the timed call, which "
            "lowers the figure by about 7%. Absolute figures depend on the machine: the same "
            "baseline ran at 14,600 articles/s on the machine of the morning of 1 December and at "
            "about 8,700-12,300 on the later ones, so the multiple of the baseline's time is the "
            "better figure to compare across machines: 500 articles/s against 14,600 is a multiple "
            "of 29. On the later machines the multiple has stayed between 24 and 29 while the "
            "absolute figure was 350-480, short of 500. The multiple moves by a few units from run "
            "to run; the baseline's call is short (about 45 ms), so it is timed five times and its "
            "fastest call counts.\n\n"
            "Where the time goes (sampled with py-spy over repeated runs on these articles): the "
            "regular-expression engine takes about a third, the interpreter running the rules "
            "the rest, and no one step holds much: describing speakers (their names, roles and "
            "organisations) about 18% with all its parts, the index of names an article keeps "
            "7%, the scan for cue words outside quotations 7%, finding where a content ends 8%, "
            "reading the speaker phrase left of a cue 8%. Other forms of the largest patterns "
            "(look-aheads dropped or moved, branches reordered, one pattern in place of 29 "
            "string searches) ran no faster in isolation; what is left are changes of 1-2% each "
            "(one, the word before a cue looked up in a word list, is in).\n\n"
            f"Made by: `{cmd}`\n"
        )
        write_section(SECTION, body)
        print(f"wrote the '{SECTION}' section of {VALIDITY.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
