"""The report renders in a real browser: headless Chromium, every image loads, the console stays silent.

Chromium is driven with ``--dump-dom`` (no extra Python packages): it loads the
page, runs it, and prints the DOM after the load event. Console messages go to
stderr with ``--enable-logging=stderr``. The report itself has no JavaScript; to
measure the images we open a *copy* with a checking script added (and allowed by
a nonce in the copy's Content-Security-Policy), never the report itself.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.report import report
from analysis.schema import make_article_id

pytestmark = pytest.mark.slow

SCRIPT = '<script>document.title="pwned"</script>'
HOSTILE = f'Protesters gathered outside. "We will not {SCRIPT} stop," said Ana Ruiz, a teacher.'


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip(
        "headless Chromium is not installed (Debian: apt-get install chromium; .ci/run does this)"
    )


def _render(page: Path, profile: Path) -> tuple[str, str]:
    """Load ``page`` in headless Chromium; return (DOM after load, stderr with console messages)."""
    cmd = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        "--virtual-time-budget=5000",
        "--dump-dom",
        page.resolve().as_uri(),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, f"chromium failed ({done.returncode}): {done.stderr[-2000:]}"
    return done.stdout, done.stderr


def _console(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, data_dir):
    """One report of the bundled data plus an article with a scraped <script>, rendered twice."""
    articles = analysis.load_articles(data_dir)
    outlet = articles["outlet"].dropna().iloc[0]
    extra = {c: pd.NA for c in articles.columns}
    extra.update(
        outlet=outlet,
        title=f'{SCRIPT} Headline with <img src=x onerror="alert(1)">',
        text=HOSTILE,
        date=pd.NaT,
        date_source="none",
        word_count=len(HOSTILE.split()),
        source_path="test://hostile",
        source_format="scraped",
    )
    extra["article_id"] = make_article_id(outlet=outlet, title=extra["title"], text=HOSTILE)
    hostile = pd.concat(
        [articles, pd.DataFrame([extra]).astype(articles.dtypes.to_dict())], ignore_index=True
    )
    hostile.attrs = dict(articles.attrs)
    out = tmp_path_factory.mktemp("browser") / "report"
    page = report(hostile, out=out, progress=False)
    profile = tmp_path_factory.mktemp("chromium-profile")
    plain_dom, plain_err = _render(page, profile)

    # The checking copy: a nonce-allowed script that measures every image after load.
    source = page.read_text(encoding="utf-8")
    nonce = "check0123456789"
    checked = source.replace(
        "default-src 'none';", f"default-src 'none'; script-src 'nonce-{nonce}';", 1
    )
    assert checked != source, "the report's Content-Security-Policy was not found"
    checker = (
        f'<script nonce="{nonce}">window.addEventListener("load", () => {{'
        "document.documentElement.setAttribute('data-check', JSON.stringify({"
        "images: [...document.images].map(i => [i.alt, i.complete, i.naturalWidth]),"
        "scripts: document.scripts.length, title: document.title,"
        "text: document.body.innerText}));});</script>"
    )
    copy = page.with_name("check.html")
    copy.write_text(checked.replace("</body>", checker + "</body>", 1), encoding="utf-8")
    check_dom, check_err = _render(copy, profile)
    found = re.search(r'data-check="([^"]*)"', check_dom)
    assert found, f"the checking script did not run; console: {_console(check_err)}"
    check = json.loads(html.unescape(found.group(1)))
    return {
        "page": page,
        "dom": plain_dom,
        "console": _console(plain_err),
        "check": check,
        "check_console": _console(check_err),
    }


def test_report_renders_with_its_sections(rendered):
    dom = rendered["dom"]
    assert "<h1>" in dom
    for section in ("Data", "Tone", "Readability", "Sources", "Methods", "Rejected"):
        assert re.search(rf"<h2>[^<]*{section}", dom), f"no section heading containing {section!r}"


def test_every_image_loads(rendered):
    images = rendered["check"]["images"]
    assert len(images) >= 4, f"expected the report's figures, found {images}"
    broken = [alt for alt, complete, width in images if not complete or width <= 0]
    assert not broken, f"images that did not load: {broken}"


def test_console_shows_nothing(rendered):
    # The report has no script, so any console line (an error, a CSP violation) is a fault.
    assert rendered["console"] == []
    assert rendered["check_console"] == []


def test_scraped_script_is_text_and_never_runs(rendered):
    check = rendered["check"]
    # Only the checking script of the copy exists as a script element.
    assert check["scripts"] == 1
    assert check["title"] != "pwned"
    assert SCRIPT in check["text"]
    assert 'onerror="alert(1)">' in check["text"]
    assert "<script" not in rendered["page"].read_text(encoding="utf-8").lower()
