"""The built pages load the lightbox only where there is an image to enlarge.

The plain functions are tested in tests/unit/test_lightbox_pages.py.
"""

from conftest import parse


def test_built_pages_load_the_lightbox_only_with_an_enlargeable_image(site):
    problems = []
    for built in site.content_pages():
        soup = parse(built)
        has_link = soup.select_one("article a.glightbox") is not None
        # The lightbox's script, or the loader that fetches it on first use.
        has_script = any("glightbox.min.js" in (s.get("src") or s.get_text()) for s in soup.find_all("script"))
        if has_link != has_script:
            problems.append(f"{site.rel(built)}: lightbox links {has_link}, lightbox script {has_script}")
    assert not problems, "\n".join(problems)
