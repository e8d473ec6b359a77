"""The guide's speed and weight, measured: clean build times (and where the
time goes), each page's first visit in headless Chromium, HTML sizes beside a
plain Material build and an earlier revision, Lighthouse, the time to the
first search results, and growth with more pages. `./guide bench`
(scripts/benchmark.py) prints them against the budget set here.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
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
