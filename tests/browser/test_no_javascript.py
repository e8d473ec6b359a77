"""With JavaScript turned off, every page still shows its main text."""

from __future__ import annotations

from conftest import parse


def _paragraphs(built) -> list[str]:
    soup = parse(built)
    found = []
    for p in soup.select("article.md-content__inner p:not(.page-meta)"):
        if p.find("button"):
            continue  # controls that need JavaScript are hidden without it
        text = " ".join(p.get_text().split())
        if len(text.split()) >= 4:
            found.append(text)
    return found


def test_main_text_shows_without_javascript(site, server, page_for):
    page = page_for(java_script_enabled=False)
    problems = []
    for built in site.content_pages():
        name = site.rel(built)
        paragraphs = _paragraphs(built)
        if not paragraphs:
            problems.append(f"{name}: has no paragraph of main text")
            continue
        page.goto(server + name.removesuffix("index.html"))
        if not page.locator("article h1").is_visible():
            problems.append(f"{name}: the title is hidden without JavaScript")
        shown = " ".join(page.locator("article").inner_text().split())
        for text in (paragraphs[0], paragraphs[-1]):
            if text[:60] not in shown:
                problems.append(f"{name}: the text {text[:60]!r} is not shown without JavaScript")
    assert not problems, "\n".join(problems)


def test_no_page_scrolls_sideways_without_javascript(site, server, page_for):
    """Property: without JavaScript, nothing on any page reaches past a phone's screen."""
    problems = []
    for width in (320, 390):
        page = page_for(java_script_enabled=False, viewport={"width": width, "height": 700})
        for built in site.content_pages():
            name = site.rel(built)
            page.goto(server + name.removesuffix("index.html"))
            wide = page.evaluate("""w => document.documentElement.scrollWidth > w ? [document.documentElement.scrollWidth,
                [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > w + 1
                  && getComputedStyle(e).position !== 'fixed' && !e.closest('.md-sidebar, [hidden]'))
                  .slice(0, 3).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.'))] : null""", width)
            if wide:
                problems.append(f"{name} at {width}px: the page is {wide[0]}px wide; reaching past the edge: {wide[1]}")
    assert not problems, "\n".join(problems)
