"""With JavaScript turned off, every page still shows its main text."""

from __future__ import annotations

from bs4 import BeautifulSoup


def test_main_text_shows_without_javascript(site, server, page_for):
    page = page_for(java_script_enabled=False)
    problems = []
    for built in site.content_pages():
        soup = BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser")
        first_paragraph = soup.select_one("article.md-content__inner > p:not(.page-meta)")
        heading = soup.select_one("article h1")
        page.goto(server + site.rel(built).removesuffix("index.html"))
        name = site.rel(built)
        if not page.locator("article h1").is_visible():
            problems.append(f"{name}: the title is hidden without JavaScript")
        if first_paragraph is None:
            problems.append(f"{name}: has no paragraph of main text")
            continue
        text = first_paragraph.get_text(" ", strip=True)[:40]
        shown = page.locator("article").inner_text()
        if text.split()[0] not in shown or not page.locator("article > p").first.is_visible():
            problems.append(f"{name}: main text {text!r} is not shown without JavaScript")
        assert heading is not None
    assert not problems, "\n".join(problems)
