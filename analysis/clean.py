"""Cleaning article text: paragraph normalisation and boilerplate removal.

Two kinds of boilerplate are removed, neither by listing one site's strings:

* **patterns** common to news pages: related-link lines (``Read Also | ...``,
  ``READ MORE: ...``), teaser and recommendation headings (``Latest articles``,
  ``More like this``), share, subscribe, notification and cookie prompts, and a
  trailing block of teaser headlines with ``...`` blurbs;
* **repetition**: a paragraph that recurs in many articles of one outlet (a
  newsletter plug, a standing disclaimer) is page furniture, not reporting.

Example
-------
>>> clean_paragraphs(["Body text.", "Read Also | Another story", "More like this", "A teaser..."])
['Body text.']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

import pandas as pd

__all__ = [
    "clean_paragraphs",
    "is_boilerplate",
    "normalise_paragraphs",
    "remove_boilerplate",
    "split_paragraphs",
    "strip_teaser_block",
]


# A link to another story: "Read Also | ...", "ALSO READ: ...", "See also - ...".
_LINK = re.compile(
    r"^(?:read|see|watch|listen)\s+(?:also|more|next)\b\s*[|:\-–—»>]"
    r"|^also\s+(?:read|see|watch)\b\s*[|:\-–—»>]"
    r"|^(?:related|recommended|more)\s*(?:stories|articles|coverage|reading|news)?\s*[|:»>]\s*\S",
    re.IGNORECASE,
)
# Headings that open a block of links to other stories.
_TEASER_HEADING = re.compile(
    r"^(?:latest|more|related|recommended|trending|popular|top|most\s+(?:read|popular|viewed|shared))"
    r"(?:\s+(?:now|today|articles?|stories|news|posts|headlines|reads?|videos?|"
    r"like\s+this|from\s+[\w .&'-]+|on\s+[\w .&'-]+|in\s+[\w .&'-]+))*\s*:?$"
    r"|^(?:you\s+(?:may|might)\s+(?:also\s+)?like|don'?t\s+miss|editor'?s\s+picks?|further\s+reading"
    r"|also\s+read|read\s+(?:also|more|next)|see\s+also|what\s+to\s+read\s+next)\s*:?$",
    re.IGNORECASE,
)
# Whole lines that are page furniture (short, so a sentence of reporting that
# merely mentions cookies or newsletters is never removed).
_FURNITURE = re.compile(
    r"^(?:enable|allow|turn\s+on)\s+(?:push\s+)?notifications?\b"
    r"|^(?:advertisement|advertising|sponsored(?:\s+content)?|ad)$"
    r"|^(?:skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|scroll\s+to\s+top|loading\.*|close|menu)$"
    r"|^(?:published|updated|posted|last\s+updated)(?:\s+on)?:?$"
    r"|^(?:share|tweet|email|e-mail|print|copy\s+link|whatsapp|facebook|twitter|linkedin|telegram|reddit|x)"
    r"(?:\s*(?:this\s+(?:article|story|page))?\s*[|/,·•]?\s*"
    r"(?:share|tweet|email|e-mail|print|copy\s+link|whatsapp|facebook|twitter|linkedin|telegram|reddit|x))*"
    r"(?:\s+this\s+(?:article|story|page))?$"
    r"|^(?:subscribe|sign\s+up|register|log\s+in|click\s+here|download\s+(?:our|the)\s+app|get\s+the\s+app)\b"
    r"|^follow\s+(?:us|[\w .&'-]{1,40})\s+on\s+(?:facebook|twitter|x|instagram|whatsapp|telegram|"
    r"youtube|tiktok|linkedin|google\s+news|threads)\b"
    r"|\bnewsletters?\b.*\b(?:sign\s+up|subscribe|inbox|free)\b|\b(?:sign\s+up|subscribe)\b.*\bnewsletters?\b"
    r"|^(?:we|this\s+(?:site|website))\s+uses?\s+cookies\b|\b(?:accept|manage|reject)\s+(?:all\s+)?cookies\b"
    r"|^cookies?\s+(?:policy|settings|preferences|notice|consent)\b|\buse\s+of\s+cookies\b"
    r"|^(?:comments?|replies)\s*\(?\d*\)?$"
    r"|^(?:tags?|topics?|keywords?|filed\s+under)\s*:",
    re.IGNORECASE,
)
_FURNITURE_MAX_WORDS = 25
_HEADLINE_MAX_WORDS = 25
_SENTENCE_END = (".", "!", "?", ":", ";")


def split_paragraphs(text: str) -> list[str]:
    """Split text into paragraphs at blank lines; strip each, drop empty ones.

    A line of white space only (any Unicode space) is blank; trailing white
    space goes from every line; single line breaks inside a paragraph stay.

    Example
    -------
    >>> split_paragraphs("One.\\n\\n\\n  Two.\\n")
    ['One.', 'Two.']
    """
    paragraphs: list[str] = []
    current: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            current.append(line.rstrip())
        elif current:
            paragraphs.append("\n".join(current).strip())
            current = []
    if current:
        paragraphs.append("\n".join(current).strip())
    return paragraphs


def _already_clean(text: str) -> bool:
    """True when :func:`normalise_paragraphs` would return ``text`` unchanged.

    One pass over the lines with string methods: most corpus texts are clean,
    and this spares the regular expressions on tens of megabytes.
    """
    if not text:
        return True
    if "\r" in text:
        return False
    starts_paragraph = True
    for line in text.split("\n"):
        if not line:
            if starts_paragraph:  # a leading blank line, or two in a row
                return False
            starts_paragraph = True
            continue
        if line != line.rstrip() or (starts_paragraph and line != line.lstrip()):
            return False
        starts_paragraph = False
    return not starts_paragraph


def normalise_paragraphs(text: str) -> str:
    """Return text with paragraphs separated by exactly one blank line.

    Line endings become ``\\n``, trailing spaces go, runs of blank lines become
    one, outer white space is stripped. Single line breaks inside a paragraph
    are kept, so text that is already clean comes back unchanged (and character
    offsets computed on it stay valid).

    Example
    -------
    >>> normalise_paragraphs("One.\\r\\n\\r\\n\\r\\nTwo.  ")
    'One.\\n\\nTwo.'
    """
    if _already_clean(text):
        return text
    return "\n\n".join(split_paragraphs(text))


def is_boilerplate(paragraph: str) -> bool:
    """True when a paragraph is a related-link, share, subscribe, notification or cookie line.

    Example
    -------
    >>> is_boilerplate("Read Also | Markets rally"), is_boilerplate("Read the full report online.")
    (True, False)
    """
    line = " ".join(paragraph.split())
    if not line:
        return True
    if _LINK.search(line) or _TEASER_HEADING.match(line):
        return True
    return len(line.split()) <= _FURNITURE_MAX_WORDS and bool(_FURNITURE.search(line))


def _is_blurb(paragraph: str) -> bool:
    return paragraph.rstrip().endswith(("...", "…", "[…]", "[...]"))


def _is_headline_like(paragraph: str) -> bool:
    # A headline may end on a quotation ('boss hails "best week"'); a sentence
    # ends on a stop, even inside the quotation marks ('..., she said.').
    stripped = paragraph.rstrip().rstrip("\"”’')]")
    return len(stripped.split()) <= _HEADLINE_MAX_WORDS and not stripped.endswith(_SENTENCE_END)


def strip_teaser_block(paragraphs: Sequence[str]) -> list[str]:
    """Drop a trailing block of links to other stories.

    The block is the longest tail made only of teaser headings, headline-like
    lines (short, no closing punctuation), blurbs that end in ``...`` and
    furniture, provided it holds at least one heading or blurb, so an article
    that merely ends on a short line keeps it.

    Example
    -------
    >>> strip_teaser_block(["Body.", "Other story title", "It begins like this..."])
    ['Body.']
    """
    cut = len(paragraphs)
    evidence = False
    for index in range(len(paragraphs) - 1, -1, -1):
        paragraph = paragraphs[index]
        if _TEASER_HEADING.match(" ".join(paragraph.split())) or _is_blurb(paragraph):
            evidence = True
        elif not (is_boilerplate(paragraph) or _is_headline_like(paragraph)):
            break
        if evidence:
            cut = index
    return list(paragraphs[:cut])


def clean_paragraphs(paragraphs: Iterable[str]) -> list[str]:
    """Remove a trailing teaser block, then furniture lines anywhere.

    Example
    -------
    >>> clean_paragraphs(["Body.", "Share this article", "More body."])
    ['Body.', 'More body.']
    """
    return [p for p in strip_teaser_block(list(paragraphs)) if not is_boilerplate(p)]


def _key(paragraph: str) -> str:
    return " ".join(paragraph.lower().split())


def remove_boilerplate(
    articles: pd.DataFrame,
    *,
    by: str = "outlet",
    min_articles: int = 3,
    min_share: float = 0.5,
    patterns: bool = True,
) -> pd.DataFrame:
    """Return a copy of the article table with boilerplate paragraphs removed from ``text``.

    A paragraph is boilerplate when it appears (ignoring case and spacing) in at
    least ``min_articles`` articles *and* at least ``min_share`` of the articles
    of one ``by`` group, or (with ``patterns=True``) when it matches a common
    related-link, teaser, share, subscribe, notification or cookie pattern.
    Counting is one pass over all paragraphs, so it scales linearly.

    Articles whose ``by`` value is missing are grouped by the folder of their
    ``source_path`` (pages scraped from one site usually sit together).
    ``word_count`` is recomputed; ``article_id`` is kept, so the cleaned table
    still joins with tables made from the original.

    Parameters
    ----------
    articles
        The article table (see :data:`analysis.schema.ARTICLE_COLUMNS`).
    by
        Column that names the outlet (or any grouping) within which repetition counts.
    min_articles, min_share
        How many articles, and what share of the group, must contain a paragraph
        for it to count as boilerplate. The share guard keeps a sentence that a
        few stories happen to share ("The company did not respond to a request
        for comment.") in a large outlet.
    patterns
        Also remove paragraphs matching the common patterns (:func:`is_boilerplate`).

    Returns
    -------
    pandas.DataFrame
        A new table; the input is not modified.

    Example
    -------
    >>> clean = remove_boilerplate(articles)            # doctest: +SKIP
    >>> (articles.word_count - clean.word_count).sum()  # doctest: +SKIP
    """
    if by not in articles.columns:
        raise ValueError(
            f"by={by!r} is not a column of the article table; choose from {list(articles.columns)}"
        )
    if not 0 < min_share <= 1:
        raise ValueError(
            f"min_share={min_share!r} must be in (0, 1]; 0.5 means half the outlet's articles"
        )
    result = articles.copy()
    if result.empty:
        return result
    groups = result[by].astype("object")
    if "source_path" in result.columns:
        folders = result["source_path"].map(
            lambda p: str(p).rsplit("/", 1)[0] if isinstance(p, str) else ""
        )
        groups = groups.where(groups.notna(), "folder:" + folders.astype(str))
    paragraphs = [split_paragraphs(t) if isinstance(t, str) else [] for t in result["text"]]
    group_size = Counter(groups)
    counts: Counter = Counter()
    for group, paras in zip(groups, paragraphs, strict=True):
        for key in {_key(p) for p in paras}:
            counts[(group, key)] += 1
    repeated = {
        item
        for item, n in counts.items()
        if n >= min_articles and n / group_size[item[0]] >= min_share
    }
    texts = []
    for group, paras in zip(groups, paragraphs, strict=True):
        kept = [p for p in paras if (group, _key(p)) not in repeated]
        if patterns:
            kept = clean_paragraphs(kept)
        texts.append("\n\n".join(kept))
    result["text"] = pd.array(texts, dtype="string")
    result["word_count"] = pd.array([len(t.split()) for t in texts], dtype="int64")
    return result
