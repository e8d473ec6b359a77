"""Speed and weight of the guide, measured and printed against the budget.

Usage: ./guide bench   (or python -m scripts.benchmark [--builds 5])

Prints:
- the clean build time (median of several builds) and the number of pages;
- for every page, a first visit in headless Chromium with an empty cache:
  requests, bytes raw and gzip, split by kind (HTML, CSS, JS, fonts, images);
- how build time and the search index grow with 1x, 5x and 20x the pages.

It is not a test: it prints figures and says which are over budget.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from scripts.local_site import CHROMIUM_ARGS, ROOT, chromium, copy_project, serve

BUDGET_PAGE_GZIP = 100 * 1024
BUDGET_REQUESTS = 10
BUDGET_BUILD_SECONDS = 3.0
KINDS = ["html", "css", "js", "font", "image", "other"]


def kb(size: float) -> str:
    return f"{size / 1024:.1f} KB"


def verdict(value: float, budget: float, unit: str = "") -> str:
    if value <= budget:
        return "ok"
    over = value - budget
    shown = kb(over) if unit == "bytes" else f"{over:.2f}{unit}" if isinstance(over, float) else f"{over}{unit}"
    return f"OVER BUDGET by {shown}"


def build(project: Path, site_dir: Path, strict: bool = True) -> float:
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--clean",
               "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site_dir)]
    if strict:
        command.insert(4, "--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run(command, cwd=project, check=True, env=env, capture_output=True)
    return time.perf_counter() - start


def site_url() -> str:
    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            return os.environ.get("SITE_URL") or line.split('"')[1]
    raise SystemExit("mkdocs.yml has no site_url")


# --- Build time -------------------------------------------------------------

def build_times(builds: int, work: Path) -> tuple[list[float], Path]:
    site_dir = work / "site"
    times = [build(ROOT, site_dir) for _ in range(builds)]
    return times, site_dir


# --- Page weight in Chromium ------------------------------------------------

def kind_of(resource_type: str, url: str, content_type: str) -> str:
    path = urlsplit(url).path.lower()
    if resource_type == "document" or content_type.startswith("text/html"):
        return "html"
    if resource_type == "stylesheet" or path.endswith(".css"):
        return "css"
    if resource_type == "script" or path.endswith((".js", ".mjs")):
        return "js"
    if resource_type == "font" or path.endswith((".woff", ".woff2", ".ttf", ".otf")):
        return "font"
    if resource_type == "image" or path.endswith((".png", ".svg", ".jpg", ".jpeg", ".webp", ".gif", ".ico")):
        return "image"
    return "other"


def page_weights(site_dir: Path) -> list[dict]:
    from playwright.sync_api import sync_playwright

    executable = chromium()
    if not executable:
        raise SystemExit("Chromium is missing: sudo apt-get install chromium (./guide bench installs it).")
    prefix = urlsplit(site_url()).path or "/"
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("index.html"))
    results = []
    with serve(site_dir, prefix) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        for rel in pages:
            context = browser.new_context()  # a fresh context: an empty cache
            page = context.new_page()
            seen = []
            page.on("requestfinished", lambda request: seen.append(request))
            page.goto(base + rel.removesuffix("index.html"), wait_until="networkidle")
            page.wait_for_timeout(300)
            row = {"page": "/" + rel.removesuffix("index.html"), "requests": 0, "foreign": 0,
                   "raw": defaultdict(int), "gzip": defaultdict(int)}
            for request in seen:
                if request.url.startswith("data:"):
                    continue
                row["requests"] += 1
                if urlsplit(request.url).hostname != "127.0.0.1":
                    row["foreign"] += 1
                    continue
                response = request.response()
                body = response.body() if response else b""
                content_type = response.headers.get("content-type", "") if response else ""
                kind = kind_of(request.resource_type, request.url, content_type)
                row["raw"][kind] += len(body)
                row["gzip"][kind] += len(gzip.compress(body, compresslevel=6)) if body else 0
            results.append(row)
            context.close()
        browser.close()
    return results


# --- Growth with more content ----------------------------------------------

def multiply_pages(project: Path, factor: int) -> int:
    """Add copies of every page beside it; drop the page tree so all are built."""
    docs = project / "docs"
    originals = sorted(docs.rglob("*.md"))
    for copy in range(2, factor + 1):
        for page in originals:
            text = page.read_text(encoding="utf-8")
            text = text.replace("\ntitle: ", f"\ntitle: Copy {copy} of ", 1)
            text = text.replace("\ndescription: ", f"\ndescription: Copy {copy}. ", 1)
            page.with_name(f"{page.stem}-copy-{copy}.md").write_text(text, encoding="utf-8")
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(text.split("\nnav:", 1)[0] + "\n", encoding="utf-8")
    return len(list(docs.rglob("*.md")))


def growth(work: Path, factors=(1, 5, 20)) -> list[tuple[int, int, float, int]]:
    rows = []
    for factor in factors:
        project = copy_project(work / f"x{factor}")
        pages = multiply_pages(project, factor)
        site_dir = work / f"x{factor}-site"
        seconds = statistics.median(build(project, site_dir, strict=False) for _ in range(3))
        index = site_dir / "search" / "search_index.json"
        rows.append((factor, pages, seconds, index.stat().st_size if index.exists() else 0))
    return rows


# --- Report -----------------------------------------------------------------

def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Speed and weight of the guide, against the budget.")
    parser.add_argument("--builds", type=int, default=5, help="clean builds to time (median); at least 5")
    parser.add_argument("--skip-growth", action="store_true", help="leave out the 1x/5x/20x growth builds")
    args = parser.parse_args(argv)
    over = []
    with tempfile.TemporaryDirectory(prefix="guide-bench-") as tmp:
        work = Path(tmp)
        times, site_dir = build_times(max(args.builds, 5), work)
        median = statistics.median(times)
        pages = len(list((ROOT / "docs").rglob("*.md")))
        print("Build")
        print(f"  clean build, median of {len(times)}: {median:.2f} s "
              f"(runs: {', '.join(f'{t:.2f}' for t in times)})   budget {BUDGET_BUILD_SECONDS:.1f} s: "
              f"{verdict(round(median, 2), BUDGET_BUILD_SECONDS, ' s')}")
        print(f"  pages: {pages}")
        if median > BUDGET_BUILD_SECONDS:
            over.append("build time")

        print("\nFirst visit, empty cache (gzip sizes; raw in brackets)")
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

        if not args.skip_growth:
            print("\nGrowth with more pages (builds without the page tree, median of 3)")
            print(f"  {'copies':>6} {'pages':>6} {'build':>8} {'search index':>13}")
            for factor, count, seconds, index in growth(work):
                print(f"  {factor:>5}x {count:>6} {seconds:>7.2f}s {kb(index):>13}")

    print("\n" + ("Over budget: " + ", ".join(over) if over else "Everything is within budget."))
    from scripts import zensical_compare
    zensical_compare.main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
