"""Counts of sources per article or outlet, and the most attributed speakers."""

from __future__ import annotations

__all__ = ["count_sources", "top_speakers"]


def count_sources(attributions, *, by="article_id", articles=None):  # placeholder, replaced below
    raise NotImplementedError


def top_speakers(attributions, *, by=None, n=10, articles=None):  # placeholder, replaced below
    raise NotImplementedError
