"""Check every link from the built site to another website, and report by page.

  python -m scripts.check_links SITE_DIR [--report FILE] [--timeout SECONDS] [--retry-pause SECONDS]

LinkChecker (settings in scripts/linkcheckerrc: at most 1 request a second
to any one website) reads every page in SITE_DIR and checks each outside
link (logic: guide_core/link_check.py). A link that fails is tried again once, after a pause, so a brief
outage is not reported. Redirects are listed as "moved": they still work,
but the link should point at the new address.

Exit status: 0 when nothing is broken, or when no outside website could be
reached at all (no internet: nothing is reported broken); 1 when a link is
broken; 2 when LinkChecker itself failed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from guide_core.link_check import RETRY_PAUSE, check_site, internet_reachable, outside_links, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("--report", type=Path, help="also write the report to this file")
    parser.add_argument("--timeout", type=int, help="seconds to wait for each website (default 30)")
    parser.add_argument("--retry-pause", type=float, default=RETRY_PAUSE,
                        help=f"seconds before failed links are tried again (default {RETRY_PAUSE})")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"{args.site}: no built site here. Fix: run ./guide build first.", file=sys.stderr)
        return 2
    links = outside_links(args.site)
    if not internet_reachable(links):
        print(f"Could not reach any other website, so the {len(links)} outside links were not "
              "checked. Is this computer connected to the internet? No link is reported broken.")
        return 0
    try:
        results = check_site(args.site, args.timeout, args.retry_pause)
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 2
    text, status = report(results)
    print(text, end="")
    if args.report:
        args.report.write_text(text, encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
