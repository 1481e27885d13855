"""docs/validity.md is shared by the evaluation scripts: each rewrites only its own section."""

from __future__ import annotations

from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "validity.md"


def write_section(name: str, body: str, path: Path = DOC) -> None:
    """Replace the text between ``<!-- BEGIN name -->`` and ``<!-- END name -->`` (added when missing)."""
    begin, end = f"<!-- BEGIN {name} -->", f"<!-- END {name} -->"
    block = f"{begin}\n{body.rstrip()}\n{end}"
    old = (
        path.read_text(encoding="utf-8")
        if path.exists()
        else "# Validity\n\nHow far each measure agrees with human judgement.\n"
    )
    if begin in old and end in old:
        new = old[: old.index(begin)] + block + old[old.index(end) + len(end) :]
    else:
        new = old.rstrip() + "\n\n" + block + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(new, encoding="utf-8")
