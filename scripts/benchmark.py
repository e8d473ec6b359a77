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
miss a goal. Lighthouse is installed by ./guide into tools/lighthouse and
runs Debian's chromium.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from guide_core.local_site import CHROMIUM_ARGS, ROOT, chromium, copy_project, serve
from guide_core.local_site import build as build_site

BUDGET_PAGE_GZIP = 100 * 1024
BUDGET_REQUESTS = 10
BUDGET_BUILD_SECONDS = 3.0
GOAL_SEARCH_SECONDS = 1.5
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
# The pages Lighthouse measures, in both builds: the home page, a short and
# a long reading page, the pages with tools, the page with a lightbox
# figure, and a handout.
LIGHTHOUSE_PAGES = ["", "principles/", "glossary/", "accessibility-checklist/", "self-check/", "related-terms/",
                    "handouts/principles/"]
# Lighthouse's mobile network and CPU ("simulated throttling" defaults).
SLOW_NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1.6 * 1024 * 1024 / 8 * 0.9,
                "uploadThroughput": 750 * 1024 / 8 * 0.9}
SLOW_CPU = 4
KINDS = ["html", "css", "js", "font", "image", "other"]


def kb(size: float) -> str:
    return f"{size / 1024:.1f} KB"


def verdict(value: float, budget: float, unit: str = "") -> str:
    if value <= budget:
        return "ok"
    over = value - budget
    shown = kb(over) if unit == "bytes" else f"{over:.2f}{unit}" if isinstance(over, float) else f"{over}{unit}"
    return f"OVER BUDGET by {shown}"


def timed_build(project: Path, site_dir: Path, strict: bool = True, env: dict | None = None) -> tuple[float, float]:
    """Build `project`; return the wall time and the CPU time it used.

    The CPU time counts only the build's own work, so it says more than the
    wall time on a machine that others share."""
    # Not --quiet: with --strict it would hide the warning count.
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = build_site(project, site_dir, strict=strict, clean=True, env=env)
    if result.returncode != 0:
        raise SystemExit(f"{project / 'mkdocs.yml'}: the build failed:\n{result.stderr[-2000:]}")
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def build(project: Path, site_dir: Path, strict: bool = True, env: dict | None = None) -> float:
    return timed_build(project, site_dir, strict, env)[0]


def own_library(project: Path) -> dict:
    """The environment in which an earlier copy builds with its own guide_core,
    not the one installed from this checkout."""
    return {"PYTHONPATH": str(project)}


def site_url() -> str:
    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            return os.environ.get("SITE_URL") or line.split('"')[1]
    raise SystemExit("mkdocs.yml has no site_url")


# --- Build time -------------------------------------------------------------

def build_times(builds: int, work: Path, earlier: Path | None = None):
    """Clean builds of the guide; with `earlier` (a copy of an earlier revision),
    its builds in turn with the guide's, so both meet the same machine load.
    Returns the guide's (wall, CPU) runs, its site, and the earlier's runs."""
    site_dir, runs, before = work / "site", [], []
    for _ in range(builds):
        runs.append(timed_build(ROOT, site_dir))
        if earlier is not None:
            before.append(timed_build(earlier, work / "before-site", False, own_library(earlier)))
    return runs, site_dir, before


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
    with serve(site_dir, prefix, gzip=True) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        for rel in pages:
            context = browser.new_context()  # a fresh context: an empty cache
            page = context.new_page()
            seen = []
            page.on("requestfinished", lambda request: seen.append(request))
            page.goto(base + rel.removesuffix("index.html"), wait_until="networkidle")
            # Then what loads once the fonts are in and the page has drawn
            # twice, until the network is quiet again: a state, not a fixed wait.
            page.evaluate("() => document.fonts.ready.then(() => new Promise("
                          "done => requestAnimationFrame(() => requestAnimationFrame(done))))")
            page.wait_for_load_state("networkidle")
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


# --- Where the build time goes ---------------------------------------------

def build_parts(project: Path, site_dir: Path) -> dict:
    """One build in a fresh process, timed by part (scripts/build_profile.py)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-m", "scripts.build_profile", str(project / "mkdocs.yml"),
                          str(site_dir)], cwd=project, check=True, env=env, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- Plain Material and an earlier commit, for comparison -------------------

# exclude_docs too: it keeps docs/templates/, which MkDocs leaves out by default.
PLAIN_KEYS = ("site_name", "site_description", "site_url", "copyright", "exclude_docs", "markdown_extensions", "nav")


def top_level_blocks(text: str) -> dict[str, str]:
    """mkdocs.yml split into its top-level keys, each with its lines as written."""
    blocks: dict[str, list[str]] = {}
    key = None
    for line in text.splitlines():
        match = re.match(r"^([A-Za-z_]+):", line)
        if match:
            key = match.group(1)
            blocks[key] = []
        if key and not line.startswith("#"):
            blocks[key].append(line)
    return {k: "\n".join(v) for k, v in blocks.items()}


def plain_project(dest: Path) -> Path:
    """The same docs/ and Markdown extensions with plain Material: no
    overrides, no extra CSS or JavaScript, no hooks, only the search plugin.
    The theme keeps Material's own settings (palette, features, no web
    fonts), so only what the guide adds differs."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "docs", dest / "docs")
    shutil.copytree(ROOT / "includes", dest / "includes")
    blocks = top_level_blocks((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    theme = "\n".join(line for line in blocks["theme"].splitlines()
                      if not re.match(r"\s+(custom_dir|language):", line))
    config = "\n".join(blocks[k] for k in PLAIN_KEYS if k in blocks)
    config += "\n" + theme + "\nplugins:\n  - search:\n      lang: en\n"
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest


def earlier_project(rev: str, dest: Path) -> Path:
    """The project as it was at git revision `rev`."""
    dest.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest


def html_pages(site_dir: Path) -> dict[str, Path]:
    return {"/" + p.relative_to(site_dir).as_posix().removesuffix("index.html"): p
            for p in sorted(site_dir.rglob("index.html"))}


def html_size(path: Path | None) -> tuple[int, int]:
    if path is None or not path.exists():
        return 0, 0
    body = path.read_bytes()
    return len(body), len(gzip.compress(body, compresslevel=6))


# --- Lighthouse ---------------------------------------------------------------

def lighthouse(url: str, out: Path) -> dict:
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS, f"--user-data-dir={out.with_suffix('.profile')}"])
    env = {**os.environ, "CHROME_PATH": chromium() or "/usr/bin/chromium"}
    command = ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
               "--form-factor=mobile", "--throttling-method=simulate", f"--chrome-flags={flags}",
               "--only-categories=performance,accessibility,best-practices,seo"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode or not out.exists():
        raise SystemExit(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    failing = []
    for category in report["categories"].values():
        for ref in category["auditRefs"]:
            audit = audits[ref["id"]]
            if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1 \
                    and category["id"] != "performance":
                failing.append(f"{category['id']}: {audit['id']}")
    return {
        "performance": report["categories"]["performance"]["score"] * 100,
        "fcp": audits["first-contentful-paint"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "tbt": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "accessibility": report["categories"]["accessibility"]["score"] * 100,
        "best-practices": report["categories"]["best-practices"]["score"] * 100,
        "seo": report["categories"]["seo"]["score"] * 100,
        "failing": failing,
    }


def median_run(runs: list[dict]) -> dict:
    """The run with the median performance score, as Lighthouse advises."""
    return sorted(runs, key=lambda r: r["performance"])[len(runs) // 2]


def lighthouse_both(guide_site: Path, plain_site: Path, work: Path, runs: int) -> list[tuple[str, dict, dict]]:
    prefix = urlsplit(site_url()).path or "/"
    rows = []
    with serve(guide_site, prefix, gzip=True) as guide, serve(plain_site, prefix, gzip=True) as plain:
        for page in LIGHTHOUSE_PAGES:
            results = {}
            for name, base in (("guide", guide), ("plain", plain)):
                results[name] = median_run([
                    lighthouse(base + page, work / f"lh-{name}-{page.replace('/', '_') or 'home'}-{i}.json")
                    for i in range(runs)])
            rows.append(("/" + page, results["guide"], results["plain"]))
    return rows


# --- Search: focus to first results on a slow connection --------------------

SEARCH_TIMER = """() => new Promise(resolve => {
  const input = document.querySelector('.md-search__input');
  const list = document.querySelector('.md-search-result__list');
  const start = performance.now();
  new MutationObserver((_, observer) => {
    if (list.querySelector('.md-search-result__item')) {
      observer.disconnect();
      resolve(performance.now() - start);
    }
  }).observe(list, {childList: true, subtree: true});
  input.focus();
  input.value = 'co-production';
  input.dispatchEvent(new KeyboardEvent('keyup', {key: 'n', bubbles: true}));
})"""


def search_time(site_dir: Path, page: str = "principles/") -> float:
    """Seconds from focus on the search box, with a query typed at once,
    to the first result, on Lighthouse's mobile network and CPU."""
    from playwright.sync_api import sync_playwright

    prefix = urlsplit(site_url()).path or "/"
    with serve(site_dir, prefix, gzip=True) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        tab = context.new_page()
        cdp = context.new_cdp_session(tab)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_NETWORK)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": SLOW_CPU})
        tab.goto(base + page, wait_until="networkidle")
        milliseconds = tab.evaluate(SEARCH_TIMER)
        browser.close()
    return milliseconds / 1000


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
        project = copy_project(work / f"x{factor}", caches=False)  # as before: each growth build draws its images
        pages = multiply_pages(project, factor)
        site_dir = work / f"x{factor}-site"
        seconds = statistics.median(build(project, site_dir, strict=False) for _ in range(3))
        index = site_dir / "search" / "search_index.json"
        rows.append((factor, pages, seconds, index.stat().st_size if index.exists() else 0))
    return rows


# --- Report -----------------------------------------------------------------

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
