"""The Easy Read pages (docs/easy-read/), read as built HTML: their text is
very easy to read, each point has a picture (one picture for one idea, from
the shipped OpenMoji set) inside the page, and they link both ways with the
full pages they come from.

How they show and print in Chromium: tests/browser/test_easy_read_pages.py.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml

from conftest import ROOT

from guide_core.readability import measure
from support import page_text
from conftest import parse
from guide_core.pictures import DATA_PREFIX
from support import EASY_READ_MIN_POINTS as MIN_POINTS, EASY_READ_PAGES, EASY_READ_VERSIONS as VERSIONS
from support import easy_read_source as _source

MAX_GRADE = 5
MIN_EASE = 80
from guide_core.rules import MAX_EASY_READ_SENTENCE_WORDS as MAX_SENTENCE_WORDS  # noqa: E402

PICTURES = ROOT / "docs" / "assets" / "images" / "easy-read"
REGISTRY = PICTURES / "pictures.yml"


def _soup(site, rel):
    page = site.dir / rel
    assert page.is_file(), f"{rel} was not built; check docs/{_source(rel)} and the Easy Read section of the nav"
    return parse(page)


def _article(soup):
    return soup.select_one("article.md-content__inner")


def _resolves_to(site, page_rel: str, href: str) -> str | None:
    """The built file (relative to the site) a link on page_rel points to."""
    base = "https://site.invalid/" + page_rel
    target = urlsplit(urljoin(base, href))
    if target.netloc != "site.invalid":
        return None
    rel = target.path.lstrip("/")
    if rel == "" or rel.endswith("/"):
        rel += "index.html"
    return rel if (site.dir / rel).is_file() else None


def test_easy_read_pages_are_in_the_build(site):
    built = {site.rel(p) for p in site.content_pages() if site.rel(p).startswith("easy-read/")}
    assert built == set(EASY_READ_PAGES), (
        f"Easy Read pages built: {sorted(built)}; expected {sorted(EASY_READ_PAGES)}. "
        "Update EASY_READ_VERSIONS in tests/support.py when you add or remove an Easy Read page.")


@pytest.mark.parametrize("rel", EASY_READ_PAGES)
def test_easy_read_text_is_very_easy(site, rel):
    result = measure(page_text((site.dir / rel).read_text(encoding="utf-8")))
    long = result.over(MAX_SENTENCE_WORDS)
    assert not long, (f"docs/{_source(rel)}: sentences over {MAX_SENTENCE_WORDS} words; "
                      "split each into two:\n    " + "\n    ".join(long))
    assert result.grade <= MAX_GRADE and result.reading_ease >= MIN_EASE, (
        f"docs/{_source(rel)}: grade {result.grade} (need <= {MAX_GRADE}), reading ease "
        f"{result.reading_ease} (need >= {MIN_EASE}). Use shorter words and sentences, such as:\n    "
        + "\n    ".join(result.longest(3)))


@pytest.mark.parametrize("rel", EASY_READ_PAGES)
def test_every_point_has_its_picture(site, rel):
    article = _article(_soup(site, rel))
    wrapper = article.select_one("div.easy-read")
    assert wrapper is not None, f'docs/{_source(rel)}: put the page under the h1 in <div class="easy-read" markdown>'
    points = wrapper.select("div.easy-read-point")
    assert len(points) >= MIN_POINTS, f"docs/{_source(rel)}: only {len(points)} Easy Read points; expected {MIN_POINTS} or more"
    problems = []
    for number, point in enumerate(points, 1):
        text = " ".join(point.get_text(" ").split())
        children = point.find_all(recursive=False)
        picture = children[0].select_one("img.easy-read-picture") if children else None
        if picture is None:
            problems.append(f"point {number} ({text[:50]!r}) has no picture first; start it with "
                            '![what it shows](../assets/images/easy-read/NAME.svg){ .easy-read-picture data-idea="..." }')
            continue
        if not picture.get("alt", "").strip() or not picture.get("data-idea", "").strip():
            problems.append(f"point {number} ({text[:50]!r}): its picture needs alt text that says what it "
                            "shows and a data-idea that names the one idea it stands for")
        if _picture_file(picture["src"]) is None:
            problems.append(f"point {number}: picture {picture['src'][:60]} is not inside the page as one of "
                            "the files in docs/assets/images/easy-read/ (guide_core/page_pipeline.py puts it there)")
        if len(children) < 2 or not " ".join(children[1].get_text(" ").split()):
            problems.append(f"point {number}: has a picture but no text after it")
    # Every paragraph and list of the page sits in a point, except the link to the other version.
    for block in wrapper.find_all(["p", "ul", "ol"]):
        if block.find_parent("div", class_="easy-read-point") is None and not block.select_one(".easy-read-other"):
            problems.append(f"text outside a point, so it has no picture: {block.get_text(' ', strip=True)[:60]!r}")
    assert not problems, f"docs/{_source(rel)}:\n    " + "\n    ".join(problems)


def _picture_file(src: str) -> str | None:
    """The name of the picture file (say-no.svg) whose exact text a data: address holds."""
    if not src.startswith(DATA_PREFIX):
        return None
    text = unquote(src[len(DATA_PREFIX):])
    return next((p.name for p in PICTURES.glob("*.svg") if p.read_text(encoding="utf-8") == text), None)


def _pictures(site):
    """Every Easy Read picture use: (page, file name, alt, idea)."""
    uses = []
    for rel in EASY_READ_PAGES:
        for img in _article(_soup(site, rel)).select("img.easy-read-picture"):
            name = _picture_file(img["src"]) or img["src"][:60]
            uses.append((rel, name, img.get("alt", ""), img.get("data-idea", "")))
    return uses


def test_one_picture_for_one_idea(site):
    ideas, files = defaultdict(set), defaultdict(set)
    for rel, name, _alt, idea in _pictures(site):
        ideas[name].add(idea)
        files[idea].add(name)
    problems = [f"{name} stands for {len(i)} ideas: {sorted(i)}. Fix: copy a new OpenMoji picture for each "
                "idea, and add it to docs/assets/images/easy-read/pictures.yml" for name, i in ideas.items() if len(i) > 1]
    problems += [f"the idea {idea!r} has {len(f)} pictures: {sorted(f)}. Fix: use one picture for it everywhere"
                 for idea, f in files.items() if len(f) > 1]
    assert not problems, "\n".join(problems)


def test_pictures_are_the_credited_openmoji_files(site):
    registry = yaml.safe_load(REGISTRY.read_text(encoding="utf-8"))
    listed = {entry["name"] + ".svg": entry for entry in registry}
    shipped = {p.name for p in PICTURES.glob("*.svg")}
    used = {name for _rel, name, _alt, _idea in _pictures(site)}
    problems = [f"{name} is used but not listed in {REGISTRY.name}" for name in sorted(used - set(listed))]
    problems += [f"{name} is listed or shipped but not used; remove it (ship only the pictures used)"
                 for name in sorted((shipped | set(listed)) - used)]
    problems += [f"{name}: listed but missing from {PICTURES.relative_to(ROOT)}" for name in sorted(set(listed) - shipped)]
    codes = defaultdict(list)
    for name, entry in listed.items():
        codes[entry["openmoji"]].append(name)
    problems += [f"OpenMoji {code} is shipped under {len(n)} names: {n}" for code, n in codes.items() if len(n) > 1]
    digests = defaultdict(list)
    for path in sorted(PICTURES.glob("*.svg")):
        digests[hashlib.sha256(path.read_bytes()).hexdigest()].append(path.name)
        if re.search(r"""(href|src)\s*=\s*["']https?:""", path.read_text(encoding="utf-8")):
            problems.append(f"{path.name} loads something from another site")
    problems += [f"the same picture is shipped as {n}" for n in digests.values() if len(n) > 1]
    for rel, name, alt, _idea in _pictures(site):
        if name in listed and alt != listed[name]["shows"].capitalize():
            problems.append(f"docs/{_source(rel)}: alt text of {name} is {alt!r}; {REGISTRY.name} says it shows "
                            f"{listed[name]['shows']!r}")
    assert not problems, "\n".join(problems)

    about = " ".join(_article(_soup(site, "about/index.html")).get_text(" ").split())
    assert "OpenMoji" in about and "CC BY-SA 4.0" in about, \
        "docs/about.md: the Pictures section must credit OpenMoji and its licence (CC BY-SA 4.0)"


def test_index_says_the_pages_are_not_yet_tested_and_how_to_help(site):
    article = _article(_soup(site, "easy-read/index.html"))
    text = " ".join(article.get_text(" ").split())
    assert "not yet tested these pages with people with a learning disability" in text, \
        "docs/easy-read/index.md: say the pages have not yet been tested with readers with learning disabilities"
    assert "help us test" in text and article.select_one('a[href*="about/"]'), \
        "docs/easy-read/index.md: say how readers can help test the pages, with a way to reach the team"


def test_getting_paid_is_careful_about_benefits(site):
    article = _article(_soup(site, "easy-read/getting-paid/index.html"))
    text = " ".join(article.get_text(" ").split())
    for words in ("check before you say yes", "Any payment may change your benefits", "say no",
                  "Expenses", "free advice", "not legal or money advice"):
        assert words in text, f"docs/easy-read/getting-paid.md: should say {words!r}"
    assert not re.search(r"£\s*\d|\d+\s*(pounds|p an hour|per hour)", text), \
        "docs/easy-read/getting-paid.md: give no amounts; they change. Link the current source instead"
    assert any(urlsplit(a["href"]).scheme == "https" for a in article.select("a[href]")), \
        "docs/easy-read/getting-paid.md: link to free, independent benefits advice"


@pytest.mark.parametrize("easy, full", VERSIONS.items())
def test_easy_read_and_full_pages_link_both_ways(site, easy, full):
    to_full = [a for a in _article(_soup(site, easy)).find_all("a")
               if a.get_text(" ", strip=True).startswith("Full version")]
    assert to_full, f'docs/{_source(easy)}: no "Full version" link; add [Full version of ...](../{_source(full)}) under the h1'
    assert _resolves_to(site, easy, to_full[0]["href"]) == full, (
        f'docs/{_source(easy)}: the "Full version" link goes to {to_full[0]["href"]}, not docs/{_source(full)}')

    article = _article(_soup(site, full))
    to_easy = [a for a in article.find_all("a") if a.get_text(" ", strip=True).startswith("Easy Read version")]
    assert to_easy, (f'docs/{_source(full)}: no "Easy Read version" link; add '
                     f"[Easy Read version of this page]({_source(easy)}) on the line under the h1")
    assert _resolves_to(site, full, to_easy[0]["href"]) == easy, (
        f'docs/{_source(full)}: the "Easy Read version" link goes to {to_easy[0]["href"]}, not docs/{_source(easy)}')
    # Near the top: before the first h2.
    first_h2 = article.find("h2")
    if first_h2 is not None:
        later = first_h2.find_all_next("a")
        assert to_easy[0] not in later, f'docs/{_source(full)}: move the "Easy Read version" link up, under the h1'
