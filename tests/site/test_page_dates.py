"""Last-updated dates: under each page, in sitemap.xml, and without git.

The git-revision-date-localized plugin dates each page by its last commit;
hooks/sitemap_dates.py copies that date into sitemap.xml. A copy of the
project outside git (no history) must still build, dated by the build.
How the date reads in Chromium: tests/browser/test_last_updated.py.
"""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from datetime import date, datetime, timezone

import pytest

from babel.dates import format_date

from conftest import ROOT, build, copy_project, parse

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _source_for(site, page) -> str:
    source = site.source(page)
    if source is None:
        raise AssertionError(f"No Markdown source found for {site.rel(page)}.")
    return f"docs/{source}"


def _git_date(source: str) -> date:
    """The UTC date of the last commit of a file; today if it is not committed yet."""
    stamp = subprocess.run(["git", "log", "-1", "--format=%ct", "--", source], cwd=ROOT,
                           capture_output=True, text=True).stdout.strip()
    if not stamp:
        return datetime.now(timezone.utc).date()
    return datetime.fromtimestamp(int(stamp), timezone.utc).date()


def _lastmods(site_dir) -> dict[str, str]:
    root = ET.parse(site_dir / "sitemap.xml").getroot()
    return {u.findtext("s:loc", namespaces=SITEMAP): u.findtext("s:lastmod", namespaces=SITEMAP)
            for u in root.findall("s:url", SITEMAP)}


def test_sitemap_lists_every_page_with_its_last_commit_date(site):
    lastmods = _lastmods(site.dir)
    problems = []
    for page in site.content_pages():
        address = site.address(page)
        if address not in lastmods:
            problems.append(f"{site.rel(page)}: {address} is not in sitemap.xml.")
            continue
        want = _git_date(_source_for(site, page)).isoformat()
        if lastmods[address] != want:
            problems.append(f"{site.rel(page)}: sitemap lastmod {lastmods[address]}, want {want} "
                            "(the last commit of its source; hooks/sitemap_dates.py).")
    assert not problems, "\n".join(problems)


def test_each_page_shows_when_it_was_last_updated(site):
    problems = []
    for page in site.content_pages():
        soup = parse(page)
        shown = soup.select_one("article .md-source-file .git-revision-date-localized-plugin-date")
        if shown is None:
            problems.append(f"{site.rel(page)}: no last-updated date under the content.")
            continue
        source = _source_for(site, page)
        want = _git_date(source)
        # In the language of the page's text: Welsh for a Welsh file, else British English.
        locale = "cy" if source.endswith(".cy.md") else "en_GB"
        expected = format_date(want, "long", locale=locale)
        text = shown.get_text(strip=True)
        if text != expected:
            problems.append(f"{site.rel(page)}: shows {text!r}, want {expected!r} ({locale}, from git).")
    assert not problems, "\n".join(problems)


@pytest.mark.build  # builds a changed copy of the project
def test_builds_outside_git_with_dates_feed_and_share_images(tmp_path):
    project = copy_project(tmp_path / "project")
    inside = subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=project,
                            capture_output=True, text=True)
    assert inside.returncode != 0, f"{project} is inside a git work tree; the test needs a folder outside git."
    site_dir = tmp_path / "site"
    result = build(project, site_dir)
    assert result.returncode == 0, f"The build outside git failed:\n{result.stderr}"
    today = datetime.now(timezone.utc).date().isoformat()
    lastmods = _lastmods(site_dir)
    assert lastmods and all(v == today for v in lastmods.values()), (
        f"Outside git, every page should be dated by the build ({today}): {lastmods}")
    assert (site_dir / "feed.xml").is_file()
    assert (site_dir / "assets" / "images" / "social" / "index.png").is_file()
    principles = (site_dir / "principles" / "index.html").read_text(encoding="utf-8")
    assert "git-revision-date-localized-plugin-date" in principles
