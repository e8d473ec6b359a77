"""Speed and weight of the guide, measured and printed against the budget.

Usage: ./guide bench [--builds 5] [--skip-growth] [--before REV] [--lighthouse-runs 1]

Prints:
- the clean build time (median of several builds), and where the time goes
  (each hook and plugin, Markdown, templates);
- for every page, a first visit in headless Chromium with an empty cache,
  served with gzip: requests, bytes raw and gzip, by kind;
- the HTML size of each page: the guide, plain Material, and with --before
  the guide at an earlier commit;
- Lighthouse 12 (mobile, simulated throttling) on the same pages of the
  guide and of a plain Material build of the same docs/ (same Markdown
  extensions; no overrides, extra CSS or JavaScript, hooks or other
  plugins), side by side: performance, FCP, LCP, TBT, CLS and the ratio to
  plain, then accessibility, best practices and SEO;
- the time from focus on search to the first results, on an emulated slow
  connection (Lighthouse's mobile network: 150 ms, 1.6 Mbit/s, 4x CPU);
- how build time and the search index grow with 1x, 5x and 20x the pages.

It is not a test: it prints figures and says which are over budget or
miss a goal (the measuring and the budget: guide_core/bench.py). Lighthouse is installed by ./guide into tools/lighthouse and
runs Debian's chromium.
"""


from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from guide_core.bench import (
    BUDGET_BUILD_SECONDS, BUDGET_PAGE_GZIP, BUDGET_REQUESTS, GOAL_SEARCH_SECONDS, KINDS, LIGHTHOUSE,
    build, build_parts, build_times, earlier_project, growth, html_pages, html_size, kb,
    lighthouse_both, page_weights, plain_project, search_time, verdict,
)
from guide_core.local_site import ROOT


def ms(value: float) -> str:
    return f"{value / 1000:.2f}s"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Speed and weight of the guide, against the budget.")
    parser.add_argument("--builds", type=int, default=5, help="clean builds to time (median); at least 5")
    parser.add_argument("--skip-growth", action="store_true", help="leave out the 1x/5x/20x growth builds")
    parser.add_argument("--skip-lighthouse", action="store_true", help="leave out Lighthouse")
    parser.add_argument("--lighthouse-runs", type=int, default=1,
                        help="Lighthouse runs per page and build; the median run is shown")
    parser.add_argument("--before", metavar="REV", help="also build this git revision and compare HTML sizes")
    args = parser.parse_args(argv)
    over = []
    with tempfile.TemporaryDirectory(prefix="guide-bench-") as tmp:
        work = Path(tmp)
        earlier = earlier_project(args.before, work / "before") if args.before else None
        runs, site_dir, before_runs = build_times(max(args.builds, 5), work, earlier)
        times, cpu_times = [wall for wall, _ in runs], [cpu for _, cpu in runs]
        median = statistics.median(times)
        pages = len(list((ROOT / "docs").rglob("*.md")))
        print("Build")
        print(f"  clean build, median of {len(times)}: {median:.2f} s "
              f"(runs: {', '.join(f'{t:.2f}' for t in times)})   budget {BUDGET_BUILD_SECONDS:.1f} s: "
              f"{verdict(round(median, 2), BUDGET_BUILD_SECONDS, ' s')}")
        print(f"  CPU time of the same builds, median: {statistics.median(cpu_times):.2f} s "
              f"(runs: {', '.join(f'{t:.2f}' for t in cpu_times)}); on a machine that others share "
              "this is the fairer figure")
        print(f"  pages: {pages}; machine load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        if median > BUDGET_BUILD_SECONDS:
            over.append("build time")
        parts = build_parts(ROOT, work / "profile-site")
        print(f"  where the time goes (one build in one process, {parts['total']:.2f} s):")
        for part, seconds in parts["parts"].items():
            if seconds >= 0.005:
                print(f"    {part:44} {seconds:6.2f} s  {seconds / parts['total']:4.0%}")

        print("\nFirst visit, empty cache, served with gzip (gzip sizes; raw in brackets)")
        header = f"  {'page':38} {'req':>4} " + " ".join(f"{k:>8}" for k in KINDS) + f" {'total':>9} {'raw':>9}  budget"
        print(header)
        for row in page_weights(site_dir):
            total = sum(row["gzip"].values())
            raw = sum(row["raw"].values())
            notes = []
            if total > BUDGET_PAGE_GZIP:
                notes.append(f"weight {verdict(total, BUDGET_PAGE_GZIP, 'bytes')}")
            if row["requests"] > BUDGET_REQUESTS:
                notes.append(f"requests OVER BUDGET by {row['requests'] - BUDGET_REQUESTS}")
            if row["foreign"]:
                notes.append(f"{row['foreign']} request(s) to another origin: OVER BUDGET")
            if notes:
                over.append(row["page"])
            print(f"  {row['page'][:38]:38} {row['requests']:>4} "
                  + " ".join(f"{row['gzip'][k] / 1024:>6.1f}KB" for k in KINDS)
                  + f" {total / 1024:>7.1f}KB {raw / 1024:>7.1f}KB  " + ("; ".join(notes) or "ok"))
        print(f"  budget per page: at most {kb(BUDGET_PAGE_GZIP)} gzip in total including fonts, "
              f"at most {BUDGET_REQUESTS} requests, none to another origin")

        plain_site = work / "plain-site"
        build(plain_project(work / "plain"), plain_site, strict=False)
        before_site = None
        if args.before:
            before_site = work / "before-site"
            print(f"\nBuild before (the guide at {args.before}), clean, built in turn with the guide's, "
                  f"median of {len(before_runs)}: {statistics.median(w for w, _ in before_runs):.2f} s, "
                  f"CPU {statistics.median(c for _, c in before_runs):.2f} s "
                  f"(now: {median:.2f} s, CPU {statistics.median(cpu_times):.2f} s)")
        guide_pages, plain_pages = html_pages(site_dir), html_pages(plain_site)
        before_pages = html_pages(before_site) if before_site else {}
        print("\nHTML of each page, raw / gzip" + (f" (before: the guide at {args.before})" if args.before else ""))
        print(f"  {'page':38} {'guide':>17}" + (f" {'before':>17} {'change':>8}" if before_site else "")
              + f" {'plain Material':>17}")
        for name, path in guide_pages.items():
            raw, packed = html_size(path)
            line = f"  {name[:38]:38} {raw / 1024:>7.1f} / {packed / 1024:>5.1f}KB"
            if before_site:
                braw, bpacked = html_size(before_pages.get(name))
                change = f"{(raw - braw) / braw:+.0%}" if braw else "new"
                line += f" {braw / 1024:>7.1f} / {bpacked / 1024:>5.1f}KB {change:>8}"
            praw, ppacked = html_size(plain_pages.get(name))
            print(line + f" {praw / 1024:>7.1f} / {ppacked / 1024:>5.1f}KB")

        if not args.skip_lighthouse:
            if not LIGHTHOUSE.exists():
                raise SystemExit("Lighthouse is missing: run ./guide bench, which installs it.")
            runs = max(args.lighthouse_runs, 1)
            print(f"\nLighthouse 12, mobile, simulated throttling ({runs} run(s) per page; "
                  "guide | plain Material | guide / plain)")
            print(f"  {'page':24} {'perf':>13} {'FCP':>19} {'LCP':>19} {'TBT':>17} {'CLS':>13}")
            scores = []
            for page, guide, plain in lighthouse_both(site_dir, plain_site, work, runs):
                def pair(key, fmt):
                    ratio = guide[key] / plain[key] if plain[key] else float("nan")
                    return f"{fmt(guide[key]):>5} {fmt(plain[key]):>5} {ratio:>5.2f}"
                print(f"  {page[:24]:24} {pair('performance', lambda v: f'{v:.0f}')}"
                      f" {pair('fcp', ms):>19} {pair('lcp', ms):>19}"
                      f" {pair('tbt', lambda v: f'{v:.0f}'):>17} "
                      f"{guide['cls']:.3f} {plain['cls']:.3f}")
                goals = []
                if guide["performance"] < plain["performance"]:
                    goals.append("performance below plain")
                if guide["lcp"] > plain["lcp"]:
                    goals.append("LCP later than plain")
                if guide["cls"] > 0:
                    goals.append("CLS above 0")
                if goals:
                    over.append(f"{page} ({', '.join(goals)})")
                scores.append((page, guide))
            print(f"\n  {'page':24} {'accessibility':>14} {'best practices':>15} {'SEO':>5}  failing audits")
            for page, guide in scores:
                print(f"  {page[:24]:24} {guide['accessibility']:>14.0f} {guide['best-practices']:>15.0f}"
                      f" {guide['seo']:>5.0f}  {', '.join(guide['failing']) or '-'}")
                if guide["failing"]:
                    over.append(f"{page} (Lighthouse audits)")
            print("  goals: performance no lower than plain, LCP no later, CLS 0; "
                  "accessibility, best practices and SEO 100")

        print("\nSearch: focus to first results, Lighthouse's mobile network and 4x slower CPU")
        for name, site in (("guide (index on first use)", site_dir), ("plain Material (index at load)", plain_site)):
            seconds = search_time(site)
            note = ""
            if name.startswith("guide"):
                note = f"   goal {GOAL_SEARCH_SECONDS:.1f} s: " + ("ok" if seconds <= GOAL_SEARCH_SECONDS else "MISSED")
                if seconds > GOAL_SEARCH_SECONDS:
                    over.append("search time")
            print(f"  {name:32} {seconds:5.2f} s{note}")

        if not args.skip_growth:
            print("\nGrowth with more pages (builds without the page tree, median of 3)")
            print(f"  {'copies':>6} {'pages':>6} {'build':>8} {'search index':>13}")
            for factor, count, seconds, index in growth(work):
                print(f"  {factor:>5}x {count:>6} {seconds:>7.2f}s {kb(index):>13}")

    print("\n" + ("Over budget or goal missed: " + "; ".join(over) if over else "Everything is within budget."))
    from scripts import zensical_compare
    zensical_compare.main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
