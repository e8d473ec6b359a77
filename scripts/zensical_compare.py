"""Build the guide with Zensical too, and say what differs from the MkDocs build.

Usage: python -m scripts.zensical_compare   (./guide bench runs it at the end)

Zensical reads mkdocs.yml but runs no MkDocs hooks or plugins and has its own
template engine. This installs the pinned Zensical in its own virtual
environment (.venv-zensical, made on first use), builds a copy of the project
with each tool, and prints: both build times, pages only one build has,
heading anchors missing from the Zensical pages, guide features missing
(reading level, QR code, share image, feed, dates), and addresses on other
sites that the Zensical pages would load. It prints; it is not a test.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

from guide_core.local_site import ROOT, build, copy_project

ZENSICAL = "zensical==0.0.73"
VENV = ROOT / ".venv-zensical"
# What the guide's hooks and plugins add, and how to see it in a built page.
FEATURES = {
    "reading time and level (guide_core/page_pipeline.py)": 'class="page-meta"',
    "share image (hooks/share_images.py)": "assets/images/social/",
    "last-updated date (git-revision-date-localized)": "git-revision-date-localized-plugin",
    "lightbox only where there are images (hooks/lightbox_pages.py, guide_core/page_pipeline.py)": "glightbox",
}
# Files a hook writes beside each page (the page links to it by name).
PAGE_FILES = {"QR code for print (hooks/print_header.py)": "print-qr.svg"}
FILES = {"updates feed (hooks/updates_feed.py)": "feed.xml", "sitemap (MkDocs)": "sitemap.xml"}
TAG = re.compile(r"<(script|link|img|iframe|source|video|audio)\b([^>]*)>", re.I)
LOADING_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "apple-touch-icon"}
ANCHOR = re.compile(r"<h[1-6][^>]*\bid=\"([^\"]+)\"")


def zensical() -> Path:
    """The zensical command in its own virtual environment, installed on first use."""
    command = VENV / "bin" / "zensical"
    stamp = VENV / ".installed"
    if not command.exists() or (stamp.read_text().strip() if stamp.exists() else "") != ZENSICAL:
        print(f"Installing {ZENSICAL} into {VENV.name} ...", flush=True)
        venv.create(VENV, with_pip=True, clear=True)
        subprocess.run([str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet",
                        "--disable-pip-version-check", ZENSICAL], check=True)
        stamp.write_text(ZENSICAL)
    return command


def _build(command: list[str], project: Path) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=project, capture_output=True, text=True)
    return time.perf_counter() - start, result


def _attr(attrs: str, name: str) -> str:
    match = re.search(rf"\b{name}=\"([^\"]*)\"", attrs)
    return match.group(1) if match else ""


def loads(html: str) -> list[str]:
    """Addresses on other sites that a page makes the browser fetch (not plain links)."""
    found = []
    for tag, attrs in TAG.findall(html):
        if tag.lower() == "link" and not set(_attr(attrs, "rel").lower().split()) & LOADING_RELS:
            continue
        address = _attr(attrs, "href" if tag.lower() == "link" else "src")
        if re.match(r"(https?:)?//", address):
            found.append(address)
    return found


def favicon(html: str) -> str:
    for tag, attrs in TAG.findall(html):
        if tag.lower() == "link" and "icon" in _attr(attrs, "rel").split():
            return _attr(attrs, "href")
    return ""


def has(marker, text: str) -> bool:
    return bool(marker.search(text)) if hasattr(marker, "search") else marker in text


def pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8", errors="replace")
            for p in site.rglob("*.html")}


def compare(work: Path) -> list[str]:
    out = []
    project = copy_project(work / "project")
    mk_site, z_site = work / "mkdocs-site", project / "site"
    start = time.perf_counter()
    mk = build(project, mk_site)
    mk_time = time.perf_counter() - start
    z_time, z = _build([str(zensical()), "build", "--clean", "-f", "mkdocs.yml"], project)
    out.append(f"  build time: MkDocs {mk_time:.2f} s ({'passed' if mk.returncode == 0 else 'FAILED'}), "
               f"Zensical {z_time:.2f} s ({'passed' if z.returncode == 0 else 'FAILED'})")
    if mk.returncode != 0:
        out.append("  The MkDocs build failed: " + " | ".join(mk.stderr.strip().splitlines()[-3:]))
        return out
    if z.returncode != 0 or not z_site.is_dir():
        messages = [line for line in (z.stdout + z.stderr).splitlines() if line.strip()]
        out.append("  Zensical stopped before it built the site. Its last messages:")
        out += [f"    {line[:160]}" for line in messages[-2:]]
        return out
    mine, theirs = pages(mk_site), pages(z_site)
    only_mk = sorted(set(mine) - set(theirs))
    only_z = sorted(set(theirs) - set(mine))
    out.append(f"  pages: MkDocs {len(mine)}, Zensical {len(theirs)}")
    out += [f"    only in the MkDocs build: {p}" for p in only_mk[:15]]
    out += [f"    only in the Zensical build: {p}" for p in only_z[:15]]
    missing = {p: sorted(set(ANCHOR.findall(mine[p])) - set(ANCHOR.findall(theirs[p]))) for p in mine if p in theirs}
    lost = sum(len(v) for v in missing.values())
    out.append(f"  heading anchors missing from the Zensical pages: {lost}")
    out += [f"    {p}: {', '.join(v[:6])}" for p, v in missing.items() if v][:10]
    out.append("  guide features (pages with it: MkDocs / Zensical):")
    for name, marker in FEATURES.items():
        a = sum(has(marker, t) for t in mine.values())
        b = sum(has(marker, t) for t in theirs.values())
        out.append(f"    {name}: {a} / {b}" + ("   MISSING" if a and not b else ""))
    for name, file in PAGE_FILES.items():
        a = sum((mk_site / p).with_name(file).is_file() for p in mine)
        b = sum((z_site / p).with_name(file).is_file() for p in theirs)
        out.append(f"    {name}: {a} / {b}" + ("   MISSING" if a and not b else ""))
    for name, file in FILES.items():
        out.append(f"    {name}: {'yes' if (mk_site / file).exists() else 'no'} / {'yes' if (z_site / file).exists() else 'no'}")
    same_icon = sum(favicon(mine[p]) == favicon(theirs[p]) for p in mine if p in theirs)
    out.append(f"    inline favicon unchanged: {same_icon} of {len(mine)} pages"
               + ("" if same_icon == len(mine) else "   CHANGED"))
    foreign = {}
    for name, text in theirs.items():
        for address in loads(text):
            foreign.setdefault(address, set()).add(name)
    mk_foreign = {a for t in mine.values() for a in loads(t)}
    out.append(f"  addresses on other sites the pages load: MkDocs {len(mk_foreign)}, Zensical {len(foreign)}")
    out += [f"    {a} (on {len(names)} pages)" for a, names in sorted(foreign.items())[:10]]
    # Scripts can fetch from other sites too, when a page needs it (such as a lightbox).
    mk_js, z_js = script_addresses(mk_site), script_addresses(z_site)
    extra = sorted(z_js - mk_js)
    out.append(f"  addresses on other sites in the scripts: MkDocs {len(mk_js)}, Zensical {len(z_js)}"
               + (f"; only Zensical's: {len(extra)}" if extra else ""))
    out += [f"    {a}" + ("   (the lightbox: loaded on pages with images)" if "glightbox" in a else "")
            for a in extra[:10]]
    return out


def script_addresses(site: Path) -> set[str]:
    found = set()
    for script in site.rglob("*.js"):
        found.update(re.findall(r"https://(?:cdn\.jsdelivr\.net|unpkg\.com|cdnjs\.cloudflare\.com)/[^\"'`\s)]+",
                                script.read_text(encoding="utf-8", errors="replace")))
    return found


def main() -> int:
    print(f"\nZensical ({ZENSICAL}) against MkDocs, same mkdocs.yml")
    with tempfile.TemporaryDirectory() as work:
        for line in compare(Path(work)):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
