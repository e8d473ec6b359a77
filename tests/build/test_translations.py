"""The Welsh edition knows when it falls behind the English.

- On the built site: every Welsh address has the notice its state calls
  for (none once a fluent speaker has checked it and the English has not
  changed), an untranslated page is English text (lang="en-GB") under a
  Welsh notice, and the status page lists every page of the tree once, in
  the state the files give.
- Changing an English page makes its Welsh page say it may be out of date,
  with a working link to the English, and ./guide check list it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import ROOT, copy_project
from guide_core import translation
from guide_core.checks import check

DOCS = ROOT / "docs"


def _welsh_pages(site):
    return [p for p in site.content_pages() if site.language(p) == "cy"]


def _expected(site, page):
    source = site.source(page)
    if not source or not source.endswith(translation.SUFFIX):
        return translation.MISSING
    found = translation.read(DOCS, source, translation.front_matter(DOCS / source))
    return None if found.state == translation.CHECKED else found.state


def test_every_welsh_page_says_where_its_translation_stands(site):
    wrong = []
    for page in _welsh_pages(site):
        soup = site.soup(page)
        notices = soup.select(".translation-notice")
        want = _expected(site, page)
        got = [n.get("data-translation") for n in notices]
        if got != ([want] if want else []):
            wrong.append(f"{site.rel(page)}: notice {got}, expected {want}")
        article = soup.select_one("article")
        text_lang = {el.get("lang") for el in article.find_all(attrs={"lang": True}) if el.name == "div"} if article else set()
        if want == translation.MISSING and "en-GB" not in text_lang:
            wrong.append(f"{site.rel(page)}: untranslated text is not marked lang=\"en-GB\"")
        if want != translation.MISSING and "en-GB" in text_lang:
            wrong.append(f"{site.rel(page)}: Welsh text is marked as English")
    assert _welsh_pages(site), "the build made no Welsh pages under cy/"
    assert not wrong, "\n".join(wrong)


def test_the_status_page_lists_every_page_in_its_state(site):
    from guide_core.strings import load
    for rel, locale in (("translation-status/index.html", "en-GB"), ("cy/translation-status/index.html", "cy")):
        soup = site.soup(site.dir / rel)
        rows = [[c.get_text(" ", strip=True) for c in tr.find_all("td")] for tr in soup.select("article table tr")]
        rows = [r for r in rows if r]
        states = load(ROOT, locale)["translation"]["states"]
        tree = _tree()
        assert len(rows) == len(tree), f"{rel}: {len(rows)} rows for {len(tree)} pages in the tree"
        for (english, state, _), row in zip(translation.status(DOCS, tree), rows):
            assert row[1].startswith(states[state]), f"{rel}: {english} shows '{row[1]}', expected '{states[state]}'"


def _tree():
    from guide_core.config import load_config, nav_files
    return [f for f in dict.fromkeys(nav_files(load_config(ROOT / "mkdocs.yml").get("nav"))) if f.endswith(".md")]


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    """A copy where every English page with a Welsh translation gets a new sentence."""
    work = tmp_path_factory.mktemp("translations")
    project = copy_project(work / "project", checks=True)
    docs = project / "docs"
    welsh = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*" + translation.SUFFIX))
    for rel in welsh:
        english = docs / translation.english_of(rel)
        english.write_text(english.read_text(encoding="utf-8").rstrip("\n") + "\n\nA sentence added later.\n",
                           encoding="utf-8")
    problems = check(docs, spelling=False, site_dir=work / "site")
    return welsh, problems, work / "site"


def test_changing_an_english_page_marks_its_welsh_out_of_date(changed):
    welsh, problems, site_dir = changed
    assert welsh, "no Welsh pages to check"
    for rel in welsh:
        listed = [p for p in problems if p.file == f"docs/{rel}" and "out of date" in p.message]
        assert listed and all(p.warning for p in listed), f"./guide check does not list docs/{rel} as out of date"
        assert "stamp" in listed[0].fix
        built = site_dir / "cy" / _built(rel)
        html = built.read_text(encoding="utf-8")
        assert 'data-translation="stale"' in html, f"{built}: no out-of-date notice"
        from bs4 import BeautifulSoup
        link = BeautifulSoup(html, "html.parser").select_one(".translation-notice a")
        target = urlsplit(urljoin("http://x/cy/" + _built(rel), link["href"])).path.lstrip("/")
        assert (site_dir / target / "index.html").is_file() or (site_dir / target).is_file(), \
            f"{built}: the notice links to {link['href']}, which is not the English page"
        assert not (site_dir / target).as_posix().startswith((site_dir / "cy").as_posix())


def _built(rel: str) -> str:
    stem = rel[: -len(translation.SUFFIX)]
    stem = stem.removesuffix("index").rstrip("/")
    return (stem + "/" if stem else "") + "index.html"
