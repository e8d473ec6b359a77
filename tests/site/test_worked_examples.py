"""The worked examples are labelled as made up and link to the pages they use,
and every (Author, year) citation on the payment, evaluation and worked
examples pages links to an entry that exists on the References page.

The checks read the built HTML. The small tests at the end feed each check a
broken snippet, to show that it does catch the mistake it looks for.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag
from conftest import parse

EXAMPLES_PAGE = "worked-examples/index.html"
CITING_PAGES = ["paying-partners/index.html", "evaluating/index.html", "worked-examples/index.html"]
REFERENCES_PAGE = "references/index.html"
LABEL = "Illustrative example"
EXAMPLE_HEADING = re.compile(r"^Example \d+\b")
# Each worked example must link to these pages (built address -> Markdown file).
PAGES_EACH_EXAMPLE_USES = {
    "principles/": "principles.md",
    "accessibility-checklist/": "accessibility-checklist.md",
    "getting-started/": "getting-started.md",
}
NUMBER_OF_EXAMPLES = 3  # the three scenarios the page promises in its introduction

YEAR = r"(?:1[89]\d\d|20\d\d)[a-z]?|n\.d\."
# "Smith et al., 2023", "NIHR, 2021b", "NEF, n.d." or "SCIE (2022b)".
CITATION = re.compile(
    rf"(?P<author>[A-Z][\w&'’.-]*(?: [\w&'’.-]+)*?)(?: et al\.)?(?:, | \()(?P<year>{YEAR})\)?"
)
# The same forms, inside brackets or as "Author (year)", for unlinked text.
LOOSE_CITATION = re.compile(
    rf"\((?:[A-Z][^()]*?, (?:{YEAR}))\)|\b[A-Z][\w&'’.-]*(?: et al\.)? \((?:{YEAR})\)"
)


def _soup(path: Path) -> BeautifulSoup:
    return parse(path)


def _article(soup: BeautifulSoup) -> Tag:
    article = soup.select_one("article.md-content__inner")
    assert article is not None, "no <article class='md-content__inner'> in the page"
    return article


def _heading_text(h2: Tag) -> str:
    return " ".join(t for t in h2.find_all(string=True, recursive=True)
                    if not (t.parent and "headerlink" in (t.parent.get("class") or []))).strip()


def sections_by_h2(article: Tag) -> list[tuple[str, list[Tag]]]:
    """(h2 text, the elements after it up to the next h2), in page order."""
    sections = []
    for h2 in article.find_all("h2"):
        body = []
        for sibling in h2.find_next_siblings():
            if sibling.name == "h2":
                break
            body.append(sibling)
        sections.append((_heading_text(h2), body))
    return sections


def example_problems(article: Tag, page_address: str, site_url: str) -> list[str]:
    """Problems with the worked example sections of one page."""
    examples = [(title, body) for title, body in sections_by_h2(article) if EXAMPLE_HEADING.match(title)]
    problems = []
    if len(examples) != NUMBER_OF_EXAMPLES:
        found = ", ".join(repr(t) for t, _ in examples) or "none"
        problems.append(f"expected {NUMBER_OF_EXAMPLES} sections with an h2 starting 'Example N', found {found}. "
                        "Fix: give each worked example its own '## Example N: ...' heading")
    for title, body in examples:
        first = body[0] if body else None
        label = first.select_one(".admonition-title") if isinstance(first, Tag) else None
        if not (isinstance(first, Tag) and "admonition" in (first.get("class") or [])
                and label is not None and label.get_text(strip=True) == LABEL):
            problems.append(f"section '{title}' does not start with a box labelled '{LABEL}'. "
                            f"Fix: put '!!! example \"{LABEL}\"' straight under the heading, "
                            "saying the people and organisations are made up")
        targets = set()
        for element in body:
            for link in element.find_all("a", href=True) if isinstance(element, Tag) else []:
                target = urljoin(page_address, link["href"])
                targets.add(urlsplit(target)._replace(fragment="").geturl())
        for built, source in PAGES_EACH_EXAMPLE_USES.items():
            if site_url + built not in targets:
                problems.append(f"section '{title}' has no link to {source}. "
                                f"Fix: link the step that uses it, for example [the page]({source})")
    return problems


def _anchor_for(text: str) -> str | None:
    """The References anchor a citation's text should point to, e.g. 'nihr-2021b'."""
    match = CITATION.fullmatch(" ".join(text.split()))
    if not match:
        return None
    author = re.sub(r"[^a-z0-9]+", "-", match["author"].lower()).strip("-")
    return f"{author}-{match['year'].replace('.', '')}"


def citation_problems(article: Tag, page_address: str, references_url: str, reference_ids: set[str]) -> list[str]:
    """Citations that are not links, or that link to a missing or wrong References entry."""
    problems = []
    for link in article.find_all("a", href=True):
        target = urljoin(page_address, link["href"])
        parts = urlsplit(target)
        text = " ".join(link.get_text().split())
        expected = _anchor_for(text)
        to_references = parts._replace(fragment="").geturl() == references_url
        if to_references and parts.fragment:
            if parts.fragment not in reference_ids:
                problems.append(f"citation '{text}' links to #{parts.fragment}, which is not on the References page. "
                                "Fix: add the full entry to docs/references.md with that anchor, or correct the link")
            elif expected and expected != parts.fragment:
                problems.append(f"citation '{text}' links to #{parts.fragment}, but its author and year "
                                f"point to #{expected}. Fix: link it to references.md#{expected}")
        elif expected:
            problems.append(f"citation '{text}' links to {link['href']}, not to the References page. "
                            f"Fix: link it to references.md#{expected}")
    for string in article.find_all(string=True):
        if not isinstance(string, NavigableString) or string.find_parent("a") is not None:
            continue
        if string.find_parent(["code", "pre", "script", "style"]) is not None:
            continue
        for match in LOOSE_CITATION.finditer(str(string)):
            problems.append(f"citation '{match.group(0)}' is not a link. "
                            "Fix: write it as ([Author, year](references.md#author-year))")
    return problems


def test_each_worked_example_is_labelled_and_links_to_the_pages_it_uses(site):
    page = site.dir / EXAMPLES_PAGE
    assert page.is_file(), f"{EXAMPLES_PAGE} was not built: is docs/worked-examples.md in the nav?"
    problems = example_problems(_article(_soup(page)), site.address(page), site.url)
    assert not problems, "docs/worked-examples.md:\n  " + "\n  ".join(problems)


def test_citations_link_to_entries_on_the_references_page(site):
    references = site.dir / REFERENCES_PAGE
    reference_ids = {tag["id"] for tag in _article(_soup(references)).find_all(id=True)}
    problems = []
    for name in CITING_PAGES:
        page = site.dir / name
        assert page.is_file(), f"{name} was not built: is it in the nav?"
        article = _article(_soup(page))
        found = citation_problems(article, site.address(page), site.address(references), reference_ids)
        problems += [f"docs/{name.split('/')[0]}.md: {p}" for p in found]
        linked = [a for a in article.find_all("a", href=True) if _anchor_for(a.get_text())]
        if not linked:
            problems.append(f"docs/{name.split('/')[0]}.md: cites no sources. "
                            "Fix: cite the sources the page relies on as ([Author, year](references.md#author-year))")
    assert not problems, "\n".join(problems)


# --- The checks catch the mistakes they look for. ---------------------------

SITE = "https://example.org/guide/"
PAGE = SITE + "worked-examples/"
REFS = SITE + "references/"


def _example(number: int, label: str = LABEL, links=("principles", "accessibility-checklist", "getting-started")):
    box = (f'<div class="admonition example"><p class="admonition-title">{label}</p>'
           "<p>This is a made-up example.</p></div>") if label else ""
    anchors = "".join(f'<a href="../{p}/">{p}</a> ' for p in links)
    return f'<h2 id="e{number}">Example {number}: a test</h2>{box}<p>Steps. {anchors}</p>'


def _page(html: str) -> Tag:
    return BeautifulSoup(f'<article class="md-content__inner">{html}</article>', "html.parser").article


def test_example_check_passes_a_good_page():
    html = "<h1>Worked examples</h1>" + "".join(_example(n) for n in (1, 2, 3)) + "<h2>Watch out for</h2><p>x</p>"
    assert example_problems(_page(html), PAGE, SITE) == []


def test_example_check_catches_a_missing_label_a_missing_link_and_a_missing_example():
    html = _example(1, label="") + _example(2, links=("principles", "getting-started"))
    problems = "\n".join(example_problems(_page(html), PAGE, SITE))
    assert "expected 3 sections" in problems
    assert "section 'Example 1: a test' does not start with a box labelled 'Illustrative example'" in problems
    assert "section 'Example 2: a test' has no link to accessibility-checklist.md" in problems


def test_example_check_catches_the_wrong_label_and_a_link_outside_the_section():
    html = (_example(1, label="Example") + _example(2) + _example(3, links=("principles", "getting-started"))
            + '<h2>Related pages</h2><p><a href="../accessibility-checklist/">checklist</a></p>')
    problems = "\n".join(example_problems(_page(html), PAGE, SITE))
    assert "section 'Example 1: a test' does not start with a box" in problems
    assert "section 'Example 3: a test' has no link to accessibility-checklist.md" in problems


def test_citation_check_passes_linked_citations():
    html = ('<p>Pay quickly (<a href="../references/#nihr-2023">NIHR et al., 2023</a>).</p>'
            '<p>See (<a href="../references/#smith-2023">Smith et al., 2023</a>) and '
            '<a href="../references/#nef-nd">NEF (n.d.)</a> and the <a href="../references/">references page</a>.</p>')
    ids = {"smith-2023", "nef-nd", "nihr-2023"}
    assert citation_problems(_page(html), PAGE, REFS, ids) == []


def test_citation_check_catches_unlinked_missing_and_mismatched_citations():
    html = ('<p>Evidence is thin (SCIE, 2022b). Smith et al. (2023) agree.</p>'
            '<p>(<a href="../references/#nihr-2019">NIHR et al., 2019</a>)'
            ' (<a href="../references/#nihr-2022">NIHR, 2023</a>)'
            ' (<a href="../glossary/">NEF, n.d.</a>)</p>')
    problems = "\n".join(citation_problems(_page(html), PAGE, REFS, {"nihr-2022", "nihr-2023"}))
    assert "citation '(SCIE, 2022b)' is not a link" in problems
    assert "citation 'Smith et al. (2023)' is not a link" in problems
    assert "links to #nihr-2019, which is not on the References page" in problems
    assert "citation 'NIHR, 2023' links to #nihr-2022, but its author and year point to #nihr-2023" in problems
    assert "citation 'NEF, n.d.' links to ../glossary/, not to the References page" in problems


def test_anchor_for_follows_the_references_naming_rule():
    assert _anchor_for("Smith et al., 2023") == "smith-2023"
    assert _anchor_for("NIHR, 2021b") == "nihr-2021b"
    assert _anchor_for("Co-production Network for Wales, n.d.") == "co-production-network-for-wales-nd"
    assert _anchor_for("SCIE (2022b)") == "scie-2022b"
    assert _anchor_for("the references page") is None
