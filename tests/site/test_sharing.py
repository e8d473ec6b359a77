"""Link previews, the share box and the 404 page, read as built HTML.

Checks every page's Open Graph and Twitter tags, its canonical address,
share image and feed link; the share box as it shows without JavaScript;
and the page-not-found page's search form and links. The copy-link
buttons, the share box's buttons and the 404 page in Chromium:
tests/browser/test_sharing_tools.py.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from bs4 import BeautifulSoup
from PIL import Image

from conftest import load_config, parse
from guide_core.config import nav_sections
from guide_core.rules import MAX_DESCRIPTION, description_problem, shared_values
from support import meta

CONFIG = load_config()
FIX_HEAD = "overrides/guide/head-sharing.html writes these tags; hooks/share_images.py sets the image."


def soup_of(path: Path) -> BeautifulSoup:
    return parse(path)


def local_file(site, url: str) -> Path:
    """The built file an absolute address of this site points to."""
    assert url.startswith(site.url), f"{url} is not an address of this site ({site.url})"
    rel = url[len(site.url):].split("#")[0]
    path = site.dir / rel
    return path / "index.html" if rel == "" or rel.endswith("/") else path


# ---------------------------------------------------------------------------
# Tags in the head of every page
# ---------------------------------------------------------------------------

ONE_EACH = ["description", "og:type", "og:site_name", "og:locale", "og:title", "og:description",
            "og:url", "og:image", "og:image:alt", "twitter:card"]


def test_every_page_has_one_of_each_link_preview_tag(site):
    problems = []
    pages = site.content_pages()
    assert len(pages) >= 10, f"Only {len(pages)} pages were built: the check did not run."
    for page in pages:
        soup = soup_of(page)
        for key in ONE_EACH:
            values = meta(soup, key)
            if len(values) != 1 or not values[0].strip():
                problems.append(f"{site.rel(page)}: {key} appears {len(values)} times (want one, not empty).")
        canonicals = soup.select('link[rel="canonical"]')
        if len(canonicals) != 1:
            problems.append(f"{site.rel(page)}: {len(canonicals)} canonical links (want one, from Material).")
    assert not problems, "Link-preview tags missing or repeated. " + FIX_HEAD + "\n" + "\n".join(problems)


def test_canonical_and_og_url_are_the_pages_published_address(site):
    problems = []
    for page in site.content_pages():
        soup = soup_of(page)
        canonical = soup.select_one('link[rel="canonical"]')["href"]
        want = site.address(page)
        if canonical != want:
            problems.append(f"{site.rel(page)}: canonical is {canonical}, want {want} (site_url + page).")
        og_url = meta(soup, "og:url")[0]
        if og_url != canonical:
            problems.append(f"{site.rel(page)}: og:url {og_url} differs from the canonical {canonical}.")
    assert not problems, "\n".join(problems)


OG_LOCALE = {"en-GB": "en_GB", "cy": "cy_GB"}


def test_titles_and_descriptions_match_the_page_and_are_unique(site):
    problems = []
    descriptions = defaultdict(dict)  # unique within each language
    for page in site.content_pages():
        soup = soup_of(page)
        rel = site.rel(page)
        site_name = site.site_name(page)
        home = rel in ("index.html", f"{site.language(page)}/index.html")
        description = meta(soup, "description")[0]
        descriptions[site.language(page)][rel] = description
        if description_problem(description):
            problems.append(f"{rel}: {description_problem(description)[0]} (at most {MAX_DESCRIPTION}).")
        if meta(soup, "og:description")[0] != description:
            problems.append(f"{rel}: og:description differs from the meta description.")
        title = meta(soup, "og:title")[0]
        html_title = soup.title.get_text()
        if home:
            ok = title == site_name
        else:
            ok = html_title == f"{title} - {site_name}"
        if not ok:
            problems.append(f"{rel}: og:title {title!r} does not match the page title {html_title!r}.")
        want_type = "website" if home else "article"
        if meta(soup, "og:type")[0] != want_type:
            problems.append(f"{rel}: og:type is {meta(soup, 'og:type')[0]!r}, want {want_type!r}.")
        for key, want in (("og:site_name", site_name), ("og:locale", OG_LOCALE[site.language(page)]),
                          ("twitter:card", "summary_large_image")):
            if meta(soup, key)[0] != want:
                problems.append(f"{rel}: {key} is {meta(soup, key)[0]!r}, want {want!r}.")
    for language in descriptions.values():
        for pages in shared_values(language):
            problems.append(f"Pages share a description ({', '.join(pages)}): give each its own "
                            "`description` in the front matter.")
    assert not problems, "\n".join(problems)


def test_share_image_is_absolute_and_a_1200_by_630_png(site):
    problems = []
    images = {}
    for page in site.content_pages():
        soup = soup_of(page)
        rel = site.rel(page)
        url = meta(soup, "og:image")[0]
        if not url.startswith(site.url):
            problems.append(f"{rel}: og:image {url} is not an absolute address of the site.")
            continue
        path = local_file(site, url)
        if not path.is_file():
            problems.append(f"{rel}: og:image {url} was not built ({path} is missing).")
            continue
        with Image.open(path) as image:
            if image.format != "PNG" or image.size != (1200, 630):
                problems.append(f"{rel}: {path.name} is {image.format} {image.size}, want PNG (1200, 630).")
        images[url] = rel
        if meta(soup, "og:image:width") != ["1200"] or meta(soup, "og:image:height") != ["630"]:
            problems.append(f"{rel}: og:image:width and og:image:height should say 1200 and 630.")
        alt = meta(soup, "og:image:alt")[0]
        title = meta(soup, "og:title")[0]
        if title not in alt:
            problems.append(f"{rel}: og:image:alt {alt!r} does not name the title shown, {title!r}.")
    assert len(images) == len(site.content_pages()), "Two pages share one share image:\n" + str(images)
    assert not problems, FIX_HEAD + "\n" + "\n".join(problems)


def test_every_page_links_the_updates_feed_from_its_head(site):
    problems = []
    for page in site.pages():
        links = soup_of(page).select('head link[type="application/atom+xml"]')
        if len(links) != 1:
            problems.append(f"{site.rel(page)}: {len(links)} feed links in the head (want one).")
        elif "alternate" not in links[0]["rel"] or links[0]["rel"] == ["alternate"]:
            # Feed readers look for the "alternate" token. A rel of exactly "alternate"
            # makes Material fetch sitemap.xml next to the feed on every page view.
            problems.append(f"{site.rel(page)}: the feed link needs rel=\"alternate feed\", got {links[0]['rel']}.")
        elif links[0]["href"] != site.url + "feed.xml" or not links[0].get("title"):
            problems.append(f"{site.rel(page)}: the feed link is {links[0]}, want href={site.url}feed.xml and a title.")
    assert (site.dir / "feed.xml").is_file(), "feed.xml was not built (hooks/updates_feed.py)."
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------------------
# Share box, without JavaScript
# ---------------------------------------------------------------------------

def test_share_box_shows_address_and_summary_without_javascript(site):
    problems = []
    for page in site.content_pages():
        soup = soup_of(page)
        rel = site.rel(page)
        boxes = soup.select("article [data-share-box]")
        if len(boxes) != 1:
            problems.append(f"{rel}: {len(boxes)} share boxes (want one, from overrides/guide/after-content.html).")
            continue
        box = boxes[0]
        address = site.address(page)
        if "no-print" not in box["class"]:
            problems.append(f"{rel}: the share box lacks class no-print, so it would print.")
        if box.select_one("[data-share-address]").get_text(strip=True) != address:
            problems.append(f"{rel}: the share box address is not {address}.")
        lines = [p.get_text(" ", strip=True) for p in box.select("[data-share-summary] p")]
        want = [meta(soup, "og:title")[0], meta(soup, "description")[0], address]
        if lines != want:
            problems.append(f"{rel}: the summary reads {lines}, want {want}.")
        actions = box.select_one("[data-share-actions]")
        if actions is None or not actions.has_attr("hidden") or len(actions.select("button[type=button]")) != 2:
            problems.append(f"{rel}: the copy buttons should be two <button>s in a block hidden until JavaScript runs.")
        if box.select("a[href]"):
            problems.append(f"{rel}: the share box has a link; show the address as plain text.")
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------------------
# The page-not-found page
# ---------------------------------------------------------------------------

def test_404_page_offers_search_and_the_main_sections_with_absolute_paths(site):
    page = site.dir / "404.html"
    soup = soup_of(page)
    article = soup.select_one("article")
    assert article.h1.get_text(strip=True) == "Page not found"
    assert meta(soup, "robots") == ["noindex"], "404.html should ask search engines not to index it."
    form = article.select_one("form[role=search]")
    assert form is not None and form.select_one("input[name=q]") is not None, (
        "404.html needs a search form with an input named q (overrides/404.html).")
    assert form["action"] == site.prefix, f"The search form goes to {form['action']}, want {site.prefix}."
    hrefs = [a["href"] for a in article.select("a[href]")]
    problems = [h for h in hrefs if not h.startswith(site.prefix)]
    assert not problems, f"404.html links must be absolute paths (it is served at any depth): {problems}"
    for href in hrefs:
        rel = href[len(site.prefix):]
        target = site.dir / rel / "index.html" if rel == "" or rel.endswith("/") else site.dir / rel
        assert target.is_file(), f"404.html links to {href}, which was not built."
    # Every top-level section of the nav is reachable from the 404 page.
    for title, files in nav_sections(CONFIG["nav"]).items():
        wanted = {site.prefix + _directory_url(f) for f in files}
        assert wanted & set(hrefs), f"404.html has no link into the section {title!r} (overrides/404.html)."


def _directory_url(src: str) -> str:
    path = src[: -len(".md")]
    if path == "index":
        return ""
    return (path[: -len("index")] if path.endswith("/index") else path + "/")
