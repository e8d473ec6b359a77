"""The page pipeline (guide_core/page_pipeline.py): every change to a page's
HTML, in one ordered list.

Properties: each step is listed once under its own name; the policy is the
last step of the whole-page pass, so it covers every inline script the
steps before left; running the pass again changes nothing; a page made
after the pipeline (a redirect page) gets a policy, and no page is changed
twice.
"""

from __future__ import annotations

from hypothesis import given, strategies as st

from guide_core import csp
from guide_core.page_pipeline import PAGE_STEPS, TEXT_STEPS, Page, run, run_page

# Pieces a built page's <head> and <body> may hold, as Material and the
# plugins write them: each at most once, in any order.
HEAD_PARTS = [
    '<script>__md_scope=new URL(".",location)</script>',
    '<script>document.documentElement.dataset.largePrint="on"</script>',
    '<link rel="alternate" href="/cy/" hreflang="cy">',
    '<link href="assets/glightbox.min.css" rel="stylesheet">',
    '<script src="assets/glightbox.min.js"></script>',
    '<style>.x{color:red}</style>',
]
BODY_PARTS = [
    '<label class="md-nav__link" for="__nav_2" tabindex="">Section</label>',
    '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">',
    '<input class="md-search__input" type="text" autocorrect="off">',
    '<p>Text.</p>',
    '<script id="__config" type="application/json">{"a": 1}</script>',
    '<script id="init-glightbox">const lightbox = GLightbox({"touchNavigation": true});\n'
    'document$.subscribe(() => { lightbox.reload() });\n</script>',
    '<script src="assets/javascripts/bundle.js"></script>',
]


def page(head, body) -> str:
    return ('<!doctype html><html lang="en-GB"><head><meta charset="utf-8">' + "".join(head)
            + '</head><body><article class="md-content__inner md-typeset"><h1>Title</h1></article>'
            + "".join(body) + "</body></html>")


PAGES = st.builds(page, st.lists(st.sampled_from(HEAD_PARTS), unique=True),
                  st.lists(st.sampled_from(BODY_PARTS), unique=True))
META = st.sampled_from([{}, {"glightbox": False}])


def test_each_step_is_listed_once_and_the_policy_is_last():
    for steps in (TEXT_STEPS, PAGE_STEPS):
        names = [name for name, _ in steps]
        assert len(names) == len(set(names)), names
        assert all(callable(step) for _, step in steps)
    assert PAGE_STEPS[-1][0] == "Content-Security-Policy", \
        "the policy must be the last step: it hashes the scripts the steps before it leave"


@given(PAGES, META)
def test_the_page_pass_leaves_a_policy_that_allows_every_script_it_left(html, meta):
    built = run_page(html, Page(meta=meta))
    assert csp.problems(built, "page") == []
    assert 'tabindex=""' not in built and 'autocomplete="off"' not in built
    assert 'hreflang="cy"' not in built


@given(PAGES, META)
def test_the_page_pass_run_twice_changes_nothing(html, meta):
    once = run_page(html, Page(meta=meta))
    assert run_page(once, Page(meta=meta)) == once


@given(PAGES)
def test_the_preview_gets_no_policy(html):
    assert csp.page_policy(run_page(html, Page(serving=True))) is None


def built(text: str, page: Page) -> str:
    """The page's own text through both passes, as MkDocs hands it over."""
    whole = ('<!doctype html><html lang="cy"><head></head><body><article class="md-content__inner md-typeset">'
             + run(TEXT_STEPS, text, page) + '<aside class="share-box"><p>Rhannu.</p></aside></article></body></html>')
    return run_page(whole, page)


def test_text_in_another_language_is_marked_and_welsh_text_has_no_reading_level():
    html = "<h1>Teitl</h1><p>Testun.</p>"
    english_in_welsh = built(html, Page(meta={"text_language": "en-GB"}, language="cy", serving=True))
    assert '<div lang="en-GB"><h1>Teitl</h1><p class="page-meta">' in english_in_welsh
    welsh = built(html, Page(meta={"text_language": "cy"}, language="cy", serving=True))
    assert "<article" in welsh and "page-meta" not in welsh


@given(st.lists(st.sampled_from(["<h2>Part</h2>", "<p>One sentence here.</p>", "<ul><li>An item.</li></ul>"]),
                max_size=6))
def test_the_reading_line_measures_the_own_text_once_and_a_template_gets_none(parts):
    from selectolax.lexbor import LexborHTMLParser
    from guide_core.readability import measure, meta_line
    text = "<h1>Title</h1>" + "".join(parts)
    out = built(text, Page(serving=True))
    lines = LexborHTMLParser(out).css("p.page-meta")
    assert [line.text() for line in lines] == [LexborHTMLParser(meta_line(measure(text))).css_first("p").text()]
    assert "page-meta" not in built(text, Page(serving=True, template=True))


def test_a_page_made_after_the_pipeline_gets_a_policy_and_no_page_is_changed_twice(tmp_path):
    made = tmp_path / "principles" / "index.html"
    made.parent.mkdir()
    made.write_text(run_page(page(HEAD_PARTS[:1], BODY_PARTS[:4]), Page()), encoding="utf-8")
    redirect = tmp_path / "old-page" / "index.html"
    redirect.parent.mkdir()
    redirect.write_text(page(['<script>location.href="../principles/"</script>'], []), encoding="utf-8")
    before = made.read_bytes()
    assert csp.add_policy_to_site(tmp_path, made={made.resolve()}) == 1
    assert made.read_bytes() == before
    assert csp.check_site(tmp_path) == []
