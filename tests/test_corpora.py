"""Corpora by name: the catalogue, where corpora live, what a missing corpus says."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis.corpora import CATALOGUE, CorpusNotFoundError, corpus_path, list_corpora, load_corpus


def test_catalogue_lists_the_shared_corpora_and_the_bundled_data(tmp_path):
    table = list_corpora(root=tmp_path)
    assert list(table.columns) == [
        "name",
        "description",
        "articles",
        "licence",
        "path",
        "available",
    ]
    assert table["name"].tolist() == [
        "basil",
        "article_bias_prediction",
        "neus_allsides",
        "sample",
        "seed",
    ]
    assert not table.set_index("name").loc["basil", "available"]  # empty root
    assert table.set_index("name").loc["seed", "available"]  # inside the repository
    assert table.set_index("name").loc["basil", "articles"] == 300


def test_root_argument_beats_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_CORPORA", str(tmp_path / "env"))
    assert corpus_path("basil") == tmp_path / "env" / "basil" / "articles.jsonl"
    assert (
        corpus_path("basil", root=tmp_path / "arg") == tmp_path / "arg" / "basil" / "articles.jsonl"
    )


def test_missing_corpus_says_how_to_get_it(tmp_path):
    with pytest.raises(CorpusNotFoundError) as info:
        load_corpus("basil", root=tmp_path)
    message = str(info.value)
    assert "ANALYSIS_CORPORA" in message
    assert str(tmp_path / "basil" / "articles.jsonl") in message
    assert "launchnlp/BASIL" in message and "Fan et al. 2019" in message
    assert "research use only" in message


def test_unknown_name_suggests_a_corpus():
    with pytest.raises(CorpusNotFoundError, match="did you mean 'basil'"):
        load_corpus("basill")


def test_importing_does_no_io(monkeypatch):
    import importlib
    import pathlib

    import analysis.corpora as corpora

    def refuse(*args, **kwargs):
        raise AssertionError("I/O at import")

    monkeypatch.setattr(pathlib.Path, "exists", refuse)
    monkeypatch.setattr(pathlib.Path, "is_dir", refuse)
    monkeypatch.setattr(pathlib.Path, "read_text", refuse)
    importlib.reload(corpora)


def test_load_corpus_by_name_from_a_corpora_folder(tmp_path):
    folder = tmp_path / "basil"
    folder.mkdir()
    rows = [
        {
            "id": "1",
            "outlet": "Fox News",
            "date": "2019-03-01",
            "title": "A",
            "text": "One text.",
            "event_id": "e1",
        },
        {
            "id": "2",
            "outlet": "HuffPost",
            "date": "2019-03-02",
            "title": "B",
            "text": "Two text.",
            "event_id": "e1",
        },
    ]
    (folder / "articles.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8"
    )
    articles = load_corpus("basil", root=tmp_path)
    assert sorted(articles["outlet"]) == ["Fox News", "HuffPost"]
    assert (articles["event_id"] == "e1").all()
    assert articles.attrs["corpus"] == "basil"
    # A path works as well.
    assert len(load_corpus(folder / "articles.jsonl")) == 2


def test_seed_is_always_available():
    articles = load_corpus("seed")
    assert len(articles) == 1
    assert articles["text"].iloc[0].strip()


@pytest.mark.shared
def test_basil_by_name_from_shared(shared_dir):
    articles = load_corpus("basil", root=shared_dir / "corpora")
    assert len(articles) == CATALOGUE["basil"].articles == 300
    assert articles.groupby("outlet").size().to_dict() == {
        "Fox News": 100,
        "HuffPost": 100,
        "New York Times": 100,
    }
    assert articles["event_id"].nunique() == 100
    assert pd.api.types.is_datetime64_any_dtype(articles["date"])
