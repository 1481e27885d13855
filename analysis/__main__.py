"""Command line: ``analysis report PATH --out DIR`` (also ``python -m analysis report ...``).

Example
-------
$ analysis report data --out reports/sample
$ analysis report basil --out reports/basil --paired-by event_id
$ analysis report article_bias_prediction --out reports/abp --max-groups 20
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from analysis import __version__


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="analysis",
        description="Compare how outlets cover the news: tone, readability and sources, as a report.",
    )
    parser.add_argument("--version", action="version", version=f"analysis {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    rep = commands.add_parser(
        "report",
        help="load, score, attribute and compare a corpus; write an HTML report plus its tables",
        description=(
            "Run load → score → attribute → compare → figures on PATH and write report.html, "
            "tables/*.csv|parquet and figures/* into DIR."
        ),
    )
    rep.add_argument(
        "path",
        metavar="PATH",
        help="a folder or file of articles, or a corpus name (basil, article_bias_prediction, neus_allsides)",
    )
    rep.add_argument(
        "--out", required=True, metavar="DIR", help="output folder (created when missing)"
    )
    rep.add_argument("--by", default="outlet", help="column to compare groups by (default: outlet)")
    rep.add_argument(
        "--paired-by",
        default=None,
        metavar="COLUMN",
        help="also compare groups within matching values of COLUMN, e.g. event_id",
    )
    rep.add_argument(
        "--force",
        action="store_true",
        help="write into DIR even if it is a non-empty folder that holds no previous report",
    )
    rep.add_argument(
        "--max-groups",
        type=int,
        default=12,
        metavar="N",
        help="compare only the N groups with the most articles (default: 12)",
    )
    rep.add_argument("--quiet", action="store_true", help="no progress bar")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 success, 1 failed run, 2 bad usage)."""
    args = _parser().parse_args(argv)
    if args.command == "report":
        from analysis.report import report

        try:
            html = report(
                args.path,
                out=args.out,
                by=args.by,
                paired_by=args.paired_by,
                force=args.force,
                progress=False if args.quiet else None,
                max_groups=args.max_groups,
            )
        except (OSError, ValueError, KeyError) as exc:
            # The messages already say what was wrong and what to do; a traceback would bury them.
            message = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
            print(f"analysis report: error: {message}", file=sys.stderr)
            return 1
        print(html)
    return 0


if __name__ == "__main__":
    sys.exit(main())
