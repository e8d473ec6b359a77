"""Content checks for the guide's pages, with messages an editor can act on.

Usage: python -m scripts.check_content [DOCS_DIR] [--config MKDOCS_YML] [--changed | --only FILE ...]

Each problem prints as "FILE:LINE: what is wrong. Fix: what to do." and the
command exits 1 if there is any. The checks themselves live in
guide_core/checks/ (one table, CHECKS); this command reads its options,
runs them and prints what they find.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from guide_core.checks import check
from guide_core.checks.project import WORDS_TO_AVOID
from guide_core.config import ConfigError
from guide_core.problem import Problem

ROOT = Path(__file__).resolve().parent.parent


def changed_files(root: Path) -> set[Path] | None:
    """Files changed since the last commit (staged, unstaged and new), or None outside git."""
    try:
        done = subprocess.run(["git", "status", "--porcelain", "-z", "--untracked-files=all"], cwd=root,
                              capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    files, entries = set(), iter(done.stdout.split("\0"))
    for entry in entries:
        if len(entry) < 4:
            continue
        if entry[0] in "RC":  # a rename: the old name follows
            next(entries, None)
        files.add((root / entry[3:]).resolve())
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", nargs="?", default=str(ROOT / "docs"))
    parser.add_argument("--config", default=None, help="mkdocs.yml (default: beside the docs folder)")
    parser.add_argument("--words", default=str(WORDS_TO_AVOID), help="the words-to-avoid list")
    parser.add_argument("--no-spelling", action="store_true", help="leave out the spell check (for quick tests)")
    parser.add_argument("--site", nargs="?", const="", default=None, metavar="DIR",
                        help="build the site (into DIR, by default .cache/check-site) and check the built pages too; "
                             "a build from the same files is used again")
    parser.add_argument("--changed", action="store_true",
                        help="check only the files changed since the last commit")
    parser.add_argument("--only", nargs="+", type=Path, metavar="FILE",
                        help="check only these files, as --changed does (the whole project is still read)")
    args = parser.parse_args(argv)
    docs = Path(args.docs)
    only = set(args.only) if args.only else None
    if args.changed:
        only = changed_files(docs.resolve().parent)
        if only is None:
            print("docs: --changed needs a git checkout; checking every file instead.", file=sys.stderr)
    site_dir = None
    if args.site is not None:
        site_dir = Path(args.site) if args.site else docs.resolve().parent / ".cache" / "check-site"
    try:
        problems = check(docs, Path(args.config) if args.config else None, Path(args.words),
                         spelling=not args.no_spelling, only=only, site_dir=site_dir)
    except ConfigError as error:
        problems = [error.problem]
    except Exception as error:  # noqa: BLE001 - an editor sees a line, never a traceback
        problems = [Problem(str(docs), 1, f"the checks could not start ({type(error).__name__}: {error})",
                            "tell a developer, quoting this line")]
    for problem in problems:
        print(problem)
    errors = [p for p in problems if not p.warning]
    warnings = len(problems) - len(errors)
    if errors:
        print(f"\n{len(errors)} problem(s) found{f' and {warnings} warning(s)' if warnings else ''}. "
              "Each line says the file, the line number and the fix.")
        return 1
    print(f"Content checks passed: no problems found{f', {warnings} warning(s)' if warnings else ''}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
