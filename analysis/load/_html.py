"""Saved HTML article pages: main text and metadata via trafilatura.

trafilatura runs on the string we pass it (it never fetches anything), and
the date search is limited to the page's markup (``extensive_search=False``)
with a fixed upper bound, so the result does not depend on today's date.
"""

from __future__ import annotations

import pandas as pd

from analysis.clean import clean_paragraphs, split_paragraphs
from analysis.load._records import Parsed

# htmldate otherwise refuses dates after *today*, which would make the result
# depend on the day the code runs.
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "max_date": "2099-12-31"}


def parse_html(text: str) -> Parsed:
    """Parse one HTML page into at most one article record (or a rejection)."""
    import trafilatura  # heavy: imported on first use so `import analysis` stays cheap

    parsed = Parsed()
    if not text.strip():
        parsed.reject("file", "empty HTML file")
        return parsed
    try:
        document = trafilatura.bare_extraction(
            text,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            deduplicate=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as error:  # trafilatura raises many kinds on broken markup
        parsed.reject("file", f"HTML could not be parsed ({type(error).__name__}: {error})")
        return parsed
    if document is None or not (document.text or "").strip():
        parsed.reject(
            "file", "no main text found in the HTML page (too short, or not an article page)"
        )
        return parsed
    lines = [line for p in split_paragraphs(document.text) for line in p.split("\n")]
    body = clean_paragraphs(line.strip() for line in lines if line.strip())
    title = (document.title or "").strip() or None
    if body and title and body[0] == title:
        body = body[1:]
    # Sentence-final marks of other scripts too: a Japanese or Arabic page is an article.
    final = (".", "!", "?", "…", "。", "！", "？", "．", "؟", "۔", "।", "።")
    if not any(p.rstrip("\"”’')」』").endswith(final) for p in body):
        parsed.reject(
            "file", "no main text found in the HTML page (only navigation, headings or links)"
        )
        return parsed
    date = pd.Timestamp(document.date) if document.date else None
    categories = document.categories or []
    parsed.records.append(
        {
            "title": title,
            "outlet": (document.sitename or "").strip() or None,
            "byline": (document.author or "").replace("; ", ", ").strip() or None,
            "section": categories[0] if categories else None,
            "url": (document.url or "").strip() or None,
            "date": date,
            "date_source": "published" if date is not None else "none",
            "text": "\n\n".join(body),
            "position": "file",
        }
    )
    return parsed
