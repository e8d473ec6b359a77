"""The lightbox script loads only where there is an image to enlarge."""


from hooks.lightbox_pages import on_page_markdown
from conftest import parse


class _Page:
    def __init__(self, meta=None):
        self.meta = meta or {}


def test_pages_without_images_turn_the_lightbox_off():
    page = _Page()
    on_page_markdown("# Title\n\nText only.", page, None, None)
    assert page.meta["glightbox"] is False


def test_pages_with_images_keep_it():
    for markdown in ["![A ladder](ladder.svg)", '<img src="a.svg" alt="A ladder">']:
        page = _Page()
        on_page_markdown(markdown, page, None, None)
        assert "glightbox" not in page.meta


def test_built_pages_load_the_lightbox_only_with_an_enlargeable_image(site):
    problems = []
    for built in site.content_pages():
        soup = parse(built)
        has_link = soup.select_one("article a.glightbox") is not None
        has_script = any("glightbox" in (s.get("src") or "") for s in soup.find_all("script"))
        if has_link != has_script:
            problems.append(f"{site.rel(built)}: lightbox links {has_link}, lightbox script {has_script}")
    assert not problems, "\n".join(problems)
