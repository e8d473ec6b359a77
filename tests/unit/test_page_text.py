"""A built page's own text is found without marks in the published page.

The reading-level tests measure the text the build measured: the article
less what the templates put around it (guide_core/readability.py, TEMPLATE_PARTS).
The list has to name every part a template puts there, or a template's
words (a date, a notice) would count as the page's own.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, strategies as st

from conftest import ROOT
from support import MATERIAL, TEMPLATE_PARTS, page_text

INCLUDE = re.compile(r"""\{%-?\s*include\s+["']([^"']+)["']""")


def _includes_around_the_content() -> set[str]:
    """The templates included in the article: Material's content.html, and
    the guide's content block in overrides/main.html."""
    material = (MATERIAL / "partials" / "content.html").read_text(encoding="utf-8")
    ours = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    block = re.search(r"\{%\s*block content\s*%\}(.*?)\{%\s*endblock\s*%\}", ours, re.S)
    assert block, "overrides/main.html: no {% block content %}. Fix: update this test to where the content is."
    return set(INCLUDE.findall(material)) | set(INCLUDE.findall(block.group(1)))


LISTED_AT = "guide_core/readability.py:" + str(next(
    number for number, line in enumerate((ROOT / "guide_core" / "readability.py").read_text(encoding="utf-8").splitlines(), 1)
    if line.startswith("TEMPLATE_PARTS")))


def test_every_template_part_in_the_article_is_listed():
    included = _includes_around_the_content()
    missing = included - TEMPLATE_PARTS.keys()
    gone = TEMPLATE_PARTS.keys() - included
    assert not missing, (f"{LISTED_AT}: the article also holds {sorted(missing)}, which "
                         "TEMPLATE_PARTS does not list. Fix: add each with the selector of what it puts there.")
    assert not gone, (f"{LISTED_AT}: TEMPLATE_PARTS lists {sorted(gone)}, which no template "
                      "includes in the article now. Fix: remove them.")


def test_the_guides_own_parts_carry_the_listed_selectors():
    """Each selector still finds what the guide's template puts there."""
    for name, selectors in TEMPLATE_PARTS.items():
        if not name.startswith("guide/"):
            continue
        source = (ROOT / "overrides" / name).read_text(encoding="utf-8")
        for selector in (s.strip() for s in selectors.split(",")):
            word = selector.lstrip(".#")
            assert re.search(rf'(class|id)="[^"]*\b{re.escape(word)}\b', source), (
                f"overrides/{name}:1: no element has {selector!r}, which "
                f"TEMPLATE_PARTS ({LISTED_AT}) looks for. Fix: update the selector there.")


SELECTORS = [s.strip() for value in TEMPLATE_PARTS.values() for s in value.split(",")]
WORDS = st.text(alphabet="abcdefghij ", min_size=1, max_size=30).filter(str.strip)


def _element(selector: str, words: str) -> str:
    attribute = f'id="{selector[1:]}"' if selector.startswith("#") else f'class="{selector[1:]}"'
    return f"<div {attribute}><p>{words}</p></div>"


@given(own=st.lists(WORDS, min_size=1, max_size=5),
       before=st.lists(st.sampled_from(SELECTORS), max_size=4),
       after=st.lists(st.sampled_from(SELECTORS), max_size=4))
def test_page_text_is_the_own_text_whatever_parts_surround_it(own, before, after):
    text = "<h1>Title</h1>" + "".join(f"<p>{words}</p>" for words in own)
    page = ('<html><body><nav>Menu</nav><article class="md-content__inner md-typeset">'
            + "".join(_element(s, "template words") for s in before) + text
            + "".join(_element(s, "template words") for s in after)
            + "</article><footer>Footer</footer></body></html>")
    found = page_text(page)
    assert BeautifulSoup(found, "html.parser").get_text() == BeautifulSoup(text, "html.parser").get_text()


def test_a_page_without_the_article_says_so():
    with pytest.raises(ValueError, match="md-content__inner"):
        page_text("<html><body><p>No article.</p></body></html>")
