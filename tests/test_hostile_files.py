"""Hostile files: each bad file costs one row with a note or one rejection with its reason.

The corpus is generated into ``tmp_path`` by :mod:`_hostile` (nothing binary is
committed): binary junk named ``.txt``, truncated and deeply nested HTML, cp1252
and UTF-16 text, DOCX files that are not zips, an RTF with unbalanced braces,
empty files, a symbolic-link loop, unreadable files, a zip bomb and a 100 MB
text file. The last two run in a child process whose peak memory (``ru_maxrss``)
is measured and whose address space is capped, so a regression fails the test
instead of exhausting the machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pytest
from _hostile import good_body, rtf_escape, write_big_text, write_hostile_corpus, write_zip_bomb

from analysis import load_articles


def _load(path, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_articles(path, progress=False, **kwargs)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The hostile corpus, loaded once: (folder, cases, articles)."""
    folder = tmp_path_factory.mktemp("hostile")
    cases = write_hostile_corpus(folder)
    articles = _load(folder)
    return folder, cases, articles


def _outcome(folder: Path, articles, name: str) -> tuple[int, list[str], list[str]]:
    path = str(folder / name)
    rows = int((articles["source_path"] == path).sum())
    rejections = articles.attrs["rejections"]
    reasons = rejections.loc[rejections["source_path"] == path, "reason"].tolist()
    notes = articles.attrs["notes"]
    noted = notes.loc[notes["source_path"] == path, "note"].tolist()
    return rows, reasons, noted


def test_every_hostile_file_is_a_row_or_a_rejection_with_a_reason(hostile):
    """Each generated file ends up as rows or rejections (with a non-empty reason), as expected."""
    folder, cases, articles = hostile
    for name, case in cases.items():
        if case.outcome == "listed":
            continue  # not a document: see test_broken_symlink_is_listed
        rows, reasons, _ = _outcome(folder, articles, name)
        assert all(r and len(r) > 10 for r in reasons), (name, reasons)
        if case.outcome == "row":
            assert rows >= 1 and not reasons, (name, case.why, rows, reasons)
        elif case.outcome == "reject":
            assert reasons, (name, case.why, rows)
        elif case.outcome == "either":
            assert rows or reasons, (name, case.why)
    summary = articles.attrs["summary"]
    assert summary["articles"] == len(articles)
    assert summary["rejected"] == len(articles.attrs["rejections"])


def test_reasons_name_the_problem(hostile):
    """Rejection reasons say what was wrong in words: not a zip, no text, too deep."""
    folder, _, articles = hostile
    by_name = {
        Path(p).name: r
        for p, r in zip(
            articles.attrs["rejections"]["source_path"],
            articles.attrs["rejections"]["reason"],
            strict=True,
        )
    }
    assert "docx" in by_name["not_a_zip.docx"].lower()
    assert "json" in by_name["deep.json"].lower()
    assert by_name["empty.txt"]


@pytest.mark.parametrize(
    ("name", "title", "note"),
    [
        ("cp1252.txt", "Caf\u00e9 owners protest \u2013 \u201cenough\u201d", "cp1252"),
        ("utf16.txt", "Budget passes in the city", "UTF-16"),
        ("utf8_bom.txt", "Budget passes again", None),
    ],
)
def test_other_encodings_decode_with_a_recorded_fallback(hostile, name, title, note):
    """cp1252 and UTF-16 text decode correctly (accents, curly quotes) and the fallback is noted."""
    folder, _, articles = hostile
    row = articles[articles["source_path"] == str(folder / name)]
    assert row["title"].tolist() == [title]
    assert "budget number" in row["text"].iloc[0]
    assert "\ufeff" not in row["title"].iloc[0] + row["text"].iloc[0]
    _, _, noted = _outcome(folder, articles, name)
    if note:
        assert any(note in n for n in noted), noted


def test_html_and_rtf_damage_keeps_the_text_that_is_there(hostile):
    """Truncated HTML and an RTF with unclosed braces still give their paragraphs, RTF codes gone."""
    folder, _, articles = hostile
    for name, number in (("truncated.html", 4), ("unbalanced.rtf", 8)):
        row = articles[articles["source_path"] == str(folder / name)]
        assert len(row) == 1, name
        text = row["text"].iloc[0]
        assert f"approved budget number {number}" in text
        assert f"\u201cThis is a fair compromise for district {number},\u201d" in text
        assert "\\par" not in text and "{" not in text


def test_symlink_loop_ends_and_reads_each_file_once(hostile):
    """A folder holding a link to itself is walked to the end; its one file is read once."""
    folder, _, articles = hostile
    hits = articles[articles["title"] == "A story in a loop"]
    assert len(hits) == 1
    assert "budget number 10" in hits["text"].iloc[0]


def test_broken_symlink_is_listed(hostile):
    """A symbolic link to nothing is reported (skipped or rejected), so the folder listing reconciles."""
    folder, _, articles = hostile
    listed = set(articles.attrs["skipped"]["source_path"]) | set(
        articles.attrs["rejections"]["source_path"]
    )
    assert str(folder / "dangling.txt") in listed


def test_binary_junk_is_rejected_or_noted(hostile):
    """Binary junk named .txt is rejected as binary, or at least noted; never a silent article."""
    folder, _, articles = hostile
    for name in ("junk.txt", "nul_only.txt"):
        rows, reasons, noted = _outcome(folder, articles, name)
        assert reasons or (rows and noted), (name, rows, reasons, noted)
    text = "".join(articles["text"])
    assert "\x00" not in text


# ----------------------------------------------------------------------------------------------
# Unreadable files
# ----------------------------------------------------------------------------------------------


def test_unreadable_file_is_a_rejection_real_permissions(tmp_path):
    """A file without read permission is a rejection naming the permission problem (not as root)."""
    (tmp_path / "ok.txt").write_text("Readable story\n\n" + good_body(20), encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text("Locked story\n\n" + good_body(21), encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as root: chmod 000 files stay readable (see the simulated test)")
        articles = _load(tmp_path)
    finally:
        locked.chmod(0o644)
    assert articles["title"].tolist() == ["Readable story"]
    reasons = articles.attrs["rejections"]["reason"].tolist()
    assert len(reasons) == 1 and "Permission" in reasons[0]


def test_unreadable_file_is_a_rejection_simulated(tmp_path, monkeypatch):
    """Reading a file raises PermissionError (simulated, works as root): one rejection, others load."""
    (tmp_path / "ok.txt").write_text("Readable story\n\n" + good_body(22), encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text("Locked story\n\n" + good_body(23), encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    articles = _load(tmp_path)
    assert articles["title"].tolist() == ["Readable story"]
    rejections = articles.attrs["rejections"]
    assert rejections["source_path"].tolist() == [str(locked)]
    assert "Permission denied" in rejections["reason"].iloc[0]


# ----------------------------------------------------------------------------------------------
# Big inputs, in a child process with measured and capped memory
# ----------------------------------------------------------------------------------------------

_CHILD = textwrap.dedent(
    """
    import json, resource, sys, warnings
    cap = int(sys.argv[2]) * 1024 ** 2
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    from analysis import load_articles
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = load_articles(sys.argv[1], progress=False)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rejections = articles.attrs["rejections"]
    print(json.dumps({
        "rows": len(articles),
        "word_count": [int(w) for w in articles["word_count"]],
        "reasons": rejections["reason"].tolist(),
        "grew_mb": (peak - before) / 1024,
    }))
    """
)


def _load_measured(path: Path, *, cap_mb: int) -> dict:
    """Load ``path`` in a child process with ``cap_mb`` of address space; return counts and growth."""
    env = dict(os.environ, OMP_NUM_THREADS="1", MPLBACKEND="Agg")
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), str(cap_mb)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_zip_bomb_is_refused_before_inflating(tmp_path):
    """A 2 MB DOCX whose document.xml announces 2 GiB is rejected, and memory grows < 200 MB."""
    bomb = tmp_path / "bomb.docx"
    inflated = write_zip_bomb(bomb, inflated_gb=2.0)
    assert bomb.stat().st_size < 5 * 1024**2 and inflated == 2 * 1024**3
    result = _load_measured(bomb, cap_mb=1500)
    assert result["rows"] == 0 and len(result["reasons"]) == 1
    reason = result["reasons"][0].lower()
    assert "memoryerror" not in reason, reason  # refused on purpose, not by running out
    assert result["grew_mb"] < 200, result


@pytest.mark.slow
def test_100_mb_text_file_costs_a_small_multiple_of_its_size(tmp_path):
    """A 100 MB text file is a row (or a rejection saying it is too big) within 4x its size in memory."""
    big = tmp_path / "big.txt"
    size_mb = write_big_text(big, megabytes=100) / 1024**2
    result = _load_measured(big, cap_mb=1800)
    assert result["rows"] + len(result["reasons"]) == 1
    for reason in result["reasons"]:
        assert "memoryerror" not in reason.lower(), reason
    assert result["grew_mb"] < 4 * size_mb, result


# ----------------------------------------------------------------------------------------------
# Hostile files in the score cache
# ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "damage",
    [
        "junk",
        "empty",
        "truncated",
        "directory",
    ],
)
def test_hostile_files_in_the_score_cache_are_rebuilt(tmp_path, damage):
    """A cache entry that is junk, empty, cut short or a folder named *.parquet: warned, rebuilt."""
    import pandas as pd

    from analysis import score

    articles = pd.DataFrame(
        {"article_id": ["a", "b"], "text": ["A fine day. Very good.", "Bad news today, sadly."]}
    )
    cache = tmp_path / "cache"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fresh = score(articles, cache=cache, progress=False)
    folders = [p for p in cache.iterdir() if p.is_dir()]
    assert folders
    for folder in folders:
        victim = next(folder.glob("*.parquet"))
        if damage == "junk":
            victim.write_bytes(bytes(range(256)) * 4)
        elif damage == "empty":
            victim.write_bytes(b"")
        elif damage == "truncated":
            victim.write_bytes(victim.read_bytes()[:100])
        else:
            (folder / "written-by-dask.parquet").mkdir()
            (folder / "written-by-dask.parquet" / "part.0.parquet").write_bytes(b"PAR1")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        again = score(articles, cache=cache, progress=False)
    pd.testing.assert_frame_equal(again, fresh)
    if damage != "directory":
        assert any("corrupt score-cache" in str(w.message) for w in caught)


# ----------------------------------------------------------------------------------------------
# A corpus of unique tokens (numbers, URLs, ids) must not grow the scorer's memory without bound
# ----------------------------------------------------------------------------------------------


def test_readability_memo_tables_are_bounded(monkeypatch):
    """Scoring texts full of never-repeated tokens keeps each per-token memo under its limit.

    Real corpora carry unique tokens (figures, URLs, ids, typos); a per-process memo
    keyed by token must be capped (as the VADER memo is), or memory grows with the
    corpus. The limit is lowered here so that a few thousand tokens show it.
    """
    import pandas as pd

    from analysis import score_readability
    from analysis.score import _syllables

    monkeypatch.setattr(_syllables, "MEMO_LIMIT", 1000)
    texts = [" ".join(f"tok{i}x{j}" for j in range(500)) + "." for i in range(10)]
    articles = pd.DataFrame({"article_id": [str(i) for i in range(10)], "text": texts})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        score_readability(articles, progress=False)
    for table in (_syllables._TOKEN_INFO, _syllables._TOKEN_WORD, _syllables._LOWER_SYLLABLES):
        assert len(table) <= 1000


def test_an_empty_path_is_refused_not_read_as_the_current_folder(tmp_path, monkeypatch):
    """load_articles('') (an empty notebook parameter) raises instead of loading the working folder."""
    (tmp_path / "unrelated.txt").write_text("Unrelated page\n\n" + good_body(30), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises((ValueError, FileNotFoundError), match="empty"):
        _load("")


_CYRILLIC = (
    "<p>Городской совет в понедельник после долгих дебатов утвердил новый бюджет.</p>"
    "<p>«Это справедливый компромисс», — сказала член совета Анна Лопес.</p>"
    "<p>Критики заявили, что план слишком сильно сокращает расходы на транспорт.</p>"
)
_JAPANESE = (
    "<p>市議会は月曜日、長い議論の末に新しい予算案を可決した。これは市にとって重要な決定である。"
    "予算案は教育、福祉、道路の整備に重点を置いており、前年度より三パーセント増えた。</p>"
    "<p>議員は「公正な妥協だ」と述べた。批判派は公共交通の削減が大きすぎると指摘し、"
    "バス路線の廃止で高齢者の通院が難しくなると訴えた。市長は来月、住民説明会を開く予定だ。</p>"
    "<p>市の財政担当者によると、税収は景気の回復で増える見込みだが、借金の返済も続く。"
    "専門家は、長期的な財政計画が必要だと話している。議会は来年も予算の見直しを続ける。</p>"
)


@pytest.mark.parametrize(
    ("codec", "declared", "title", "body"),
    [
        ("cp1251", "windows-1251", "Совет утвердил бюджет", _CYRILLIC),
        ("shift_jis", "Shift_JIS", "予算案が可決", _JAPANESE),
        ("cp1251", None, "Совет утвердил бюджет", _CYRILLIC),
    ],
    ids=["meta-windows-1251", "meta-shift_jis", "http-equiv-windows-1251"],
)
def test_html_declared_charset_is_honoured(tmp_path, codec, declared, title, body):
    """A saved page in its declared legacy charset loads with the right letters (not mojibake)."""
    if declared is None:  # declared the old way, in an http-equiv Content-Type
        head = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
    else:
        head = f'<meta charset="{declared}">'
    page = (
        f"<html><head>{head}<title>{title}</title></head><body><article>"
        f"<h1>{title}</h1>{body}</article></body></html>"
    )
    (tmp_path / "page.html").write_bytes(page.encode(codec))
    articles = _load(tmp_path)
    assert articles["title"].tolist() == [title]
    assert body[3:20] in articles["text"].iloc[0]


def test_xml_entity_bomb_in_a_docx_is_rejected_quickly(tmp_path):
    """A DOCX whose document.xml nests entities ('billion laughs') is a rejection, not 3 GB of 'lol'."""
    import io
    import zipfile

    from _hostile import _docx_parts

    entities = "".join(
        f'<!ENTITY lol{i} "' + f"&lol{'' if i == 1 else i - 1};" * 10 + '">' for i in range(1, 10)
    )
    document = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">'
        + entities
        + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    parts = _docx_parts(["x"])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("[Content_Types].xml", parts["[Content_Types].xml"])
        zf.writestr("_rels/.rels", parts["_rels/.rels"])
        zf.writestr("word/document.xml", document)
    (tmp_path / "laughs.docx").write_bytes(buffer.getvalue())
    result = _load_measured(tmp_path / "laughs.docx", cap_mb=2500)
    assert result["rows"] == 0 and len(result["reasons"]) == 1
    assert "memoryerror" not in result["reasons"][0].lower()
    assert result["grew_mb"] < 100, result


def test_one_bad_rtf_unicode_escape_costs_a_character_not_the_file(tmp_path):
    """An RTF with an impossible \\uN escape still loads its text (the bad character replaced)."""
    rtf = (
        r"{\rtf1\ansi Council approves budget \u99999999?\par\par "
        + rtf_escape(good_body(50)).replace("\n\n", r"\par\par ")
        + "}"
    )
    (tmp_path / "story.rtf").write_text(rtf, encoding="ascii")
    articles = _load(tmp_path)
    assert len(articles) == 1, articles.attrs["rejections"]["reason"].tolist()
    assert "budget number 50" in articles["text"].iloc[0]


def test_a_utf8_japanese_page_is_an_article(tmp_path):
    """A UTF-8 Japanese article page loads: sentence-final punctuation is not only ASCII."""
    title = "予算案が可決"
    page = (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body><article>'
        f"<h1>{title}</h1>{_JAPANESE}</article></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    articles = _load(tmp_path)
    assert articles["title"].tolist() == [title]
    assert "市議会は月曜日" in articles["text"].iloc[0]
