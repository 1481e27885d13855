"""Agreement of extract_attributions with PolNeAR (DEV half), on a fixed sample of 60 articles.

The full half is scored from the command line (``python benchmarks/eval_attribution.py``,
figures in docs/validity.md). The floors below sit a little under the figures measured on
this sample, so that a regression in the rules fails here. Skipped without ../shared.
"""

from __future__ import annotations

import importlib.util
import warnings

import pytest

pytestmark = pytest.mark.shared

FLOORS = {
    # measured on this sample: 0.810 / 0.890 / 0.996 / 0.876 / 0.640 / 0.615 (30 November,
    # morning); 0.813 / 0.892 / 1.000 / 0.886 / 0.645 / 0.615 (30 November, evening);
    # 0.799 / 0.880 / 1.000 / 0.889 / 0.689 / 0.692 (1 December: the sample holds a
    # transcript whose turns are now direct quotations of their speakers, which the README's
    # kinds call indirect, as they call the NYT's '' quotations).
    # Anonymous precision rests on 13 predicted rows here; it was 0.727 before the broader
    # attribution rules, which add two anonymous rows whose spans gold draws differently.
    "direct_f1": 0.79,
    "joined_direct_f1": 0.87,
    "speaker_accuracy": 0.98,
    "quote_speaker_recall": 0.87,
    "all_f1": 0.67,
    "anonymous_precision": 0.65,
}


def _benchmark(repo_dir, name: str):
    """The evaluation script ``benchmarks/<name>.py``, imported as a module."""
    spec = importlib.util.spec_from_file_location(name, repo_dir / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def evaluation(shared_dir, repo_dir):
    data = shared_dir / "eval" / "polnear" / "polnear_dev.jsonl"
    if not data.exists():
        pytest.skip(f"PolNeAR DEV half not found at {data}")
    module = _benchmark(repo_dir, "eval_attribution")
    docs = module.load(data, sample=60, seed=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ours, base, _, _, pred = module.evaluate(docs)
    return module, docs, ours, base, pred


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_floor(evaluation, metric):
    _, _, ours, _, _ = evaluation
    assert ours[metric] >= FLOORS[metric], (
        f"{metric} fell to {ours[metric]:.3f} (floor {FLOORS[metric]})"
    )


def test_better_than_the_plain_regex_baseline(evaluation):
    _, _, ours, base, _ = evaluation
    assert ours["direct_f1"] > base["direct_f1"]
    assert ours["speaker_accuracy"] > base["speaker_accuracy"] + 0.3


def test_matching_rule_needs_half_of_both_spans(evaluation):
    module = evaluation[0]
    assert module.match([(0, 10)], [(5, 10)]) == [(0, 0)]  # 5 of 10 and 5 of 5
    assert module.match([(0, 10)], [(6, 30)]) == []  # 4 of 10
    assert module.match([(0, 10), (20, 30)], [(0, 10)]) == [(0, 0)]  # one to one


def test_gold_head_and_anonymity(evaluation):
    module = evaluation[0]
    head = module.gold_head
    assert (
        head(
            "former secretary of state Hillary Clinton, who praised former president George W. Bush"
        )
        == "clinton"
    )
    assert head("George Zornick of The Nation") == "zornick"
    assert head("Trump aides") == "aides"
    assert head("the 63-year-old senator") == "senator"
    assert module.gold_anonymous("a person familiar with the talks")
    assert module.gold_anonymous("senior administration officials")
    assert not module.gold_anonymous("the American people")
    assert not module.gold_anonymous("State Department spokesman Matthew Miller")


def test_intervals_bracket_the_scores_and_repeat(evaluation):
    module, docs, ours, _, pred = evaluation
    spread = module.intervals(docs, pred, n_resamples=300)
    for key in ("all_f1", "direct_f1", "joined_direct_f1", "speaker_accuracy"):
        low, high = spread[key]
        assert low <= ours[key] <= high, key
    # 60 articles leave room for sampling: a real interval, not a point.
    assert spread["all_f1"][1] - spread["all_f1"][0] > 0.01
    assert module.intervals(docs, pred, n_resamples=300) == spread  # seeded


def test_another_data_file_is_scored_but_not_written_up(shared_dir, repo_dir, tmp_path, capsys):
    # docs/validity.md names the DEV half as its data: scoring another file (the held-out
    # half, say) must not overwrite that section.
    data = shared_dir / "eval" / "polnear" / "polnear_dev.jsonl"
    if not data.exists():
        pytest.skip(f"PolNeAR DEV half not found at {data}")
    other = tmp_path / "other.jsonl"
    other.write_text("".join(data.open(encoding="utf-8").readlines()[:3]), encoding="utf-8")
    validity = repo_dir / "docs" / "validity.md"
    before = validity.read_bytes()
    module = _benchmark(repo_dir, "eval_attribution")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert module.main(["--data", str(other)]) == 0
    assert validity.read_bytes() == before
    out = capsys.readouterr().out
    assert "3 articles" in out and "not written" in out


# --------------------------------------------------------------- pronoun speakers, hand labels


def _hand_labelled(shared_dir, repo_dir, name: str, run: str):
    """Load a hand-label benchmark and score it: ``run`` is its ``resolve`` or ``predict``."""
    if not (shared_dir / "corpora" / "basil" / "articles.jsonl").exists():
        pytest.skip(f"BASIL not found in {shared_dir}")
    module = _benchmark(repo_dir, name)
    labels = module.load_labels()
    result = getattr(module, run)(labels, module.load_texts(set(labels["article_id"])))
    return module, module.score(result).set_index("set")


@pytest.fixture(scope="module")
def pronouns(shared_dir, repo_dir):
    return _hand_labelled(shared_dir, repo_dir, "eval_pronouns", "resolve")


def test_pronoun_speakers_resolve_to_the_person_speaking(pronouns):
    # measured (30 November, night): tuning 0.875, held-out 0.796; the baseline 0.517 / 0.497;
    # 1 December (sentence adverbs out of names): tuning 0.871, baseline 0.513
    _, table = pronouns
    assert table.loc["tuning", "ours"] >= 0.86
    assert table.loc["held-out", "ours"] >= 0.78
    for name in ("tuning", "held-out"):
        row = table.loc[name]
        assert row["ours"] > row["last name before (baseline)"] + 0.25


def test_pronoun_name_matching_rule(pronouns):
    same = pronouns[0].same_person
    assert same("Hillary Clinton", "Clinton")
    assert same("Clinton", "Hillary Clinton")
    assert not same("Bill Clinton", "Hillary Clinton")
    assert not same(None, "Clinton")


# --------------------------------------------------------------- roles and bodies, hand labels


@pytest.fixture(scope="module")
def roles(shared_dir, repo_dir):
    return _hand_labelled(shared_dir, repo_dir, "eval_roles", "predict")


def test_speaker_roles_agree_with_readers(roles):
    # measured (1 December): tuning 0.763, held-out 0.699; the phrase-only baseline 0.410 /
    # 0.287. Before the rules for later mentions, party tags and bodies: 0.624 / 0.615.
    # 1 December, second session: tuning 0.757 (one 'he' now resolves to a speaker the reader
    # called unknown and we call an official).
    _, table = roles
    assert table.loc["tuning", "role: ours"] >= 0.74
    assert table.loc["held-out", "role: ours"] >= 0.68
    for name in ("tuning", "held-out"):
        row = table.loc[name]
        assert row["role: ours"] > row["role: phrase only (baseline)"] + 0.3
    # Speaker phrases that are the source of nothing: 0.122 of the sample, 0.112 now.
    assert table.loc["all", "not a source"] <= 0.15
    assert table.loc["all", "organisation P"] >= 0.6


def test_organisation_matching_rule(roles):
    same = roles[0].same_organisation
    assert same("the State Department", "State Department")
    assert same("Trump’s campaign", "Trump campaign")
    assert not same(None, "State Department")
    assert not same("Senate", "NONE")
