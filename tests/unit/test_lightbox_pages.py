"""The lightbox script loads only where there is an image to enlarge."""

import json

from bs4 import BeautifulSoup

from guide_core.lightbox import has_image

from conftest import parse


def parse_html(text):
    return BeautifulSoup(text, "html.parser")


def test_pages_without_images_turn_the_lightbox_off():
    for markdown in ["# Title\n\nText only.", "[a link](page.md)", "An <imgur> word", "![not closed]"]:
        assert not has_image(markdown), markdown


def test_pages_with_images_keep_it():
    for markdown in ["![A ladder](ladder.svg)", '<img src="a.svg" alt="A ladder">', "![](a.png)", "<IMG src=a>"]:
        assert has_image(markdown), markdown


# What mkdocs-glightbox writes into a page (its pinned version), shortened.
PLUGIN_PAGE = """<html><head>
  <link href="../assets/stylesheets/glightbox.min.css" rel="stylesheet">
  <script src="../assets/javascripts/glightbox.min.js"></script>
  <style id="glightbox-style">html.glightbox-open { overflow: initial; }</style>
</head><body><a class="glightbox" href="a.svg"><img src="a.svg" alt="A ladder"></a>
<script id="init-glightbox">const lightbox = GLightbox({"loop": false});
document$.subscribe(()=>{ lightbox.reload(); });
</script></body></html>"""


def test_lightbox_files_move_from_the_head_to_a_loader():
    from guide_core.lightbox import load_on_first_use
    from guide_core.html_tree import rewrite
    soup = parse_html(rewrite(PLUGIN_PAGE, load_on_first_use))
    assert not soup.select('head link[href*="glightbox"], script[src*="glightbox"], #init-glightbox')
    assert soup.select_one("#glightbox-style") is not None, "the plugin's own styles should stay"
    setup = json.loads(soup.select_one('script#lightbox-setup[type="application/json"]').get_text())
    assert setup == {"css": "../assets/stylesheets/glightbox.min.css", "js": "../assets/javascripts/glightbox.min.js",
                     "options": {"loop": False}}, setup
    loaders = [s["src"] for s in soup.select("script[src]")]
    assert loaders == ["../assets/javascripts/lightbox-loader.js"], loaders


def test_a_page_in_another_shape_is_left_as_it_is():
    from guide_core.html_tree import parse, rewrite
    from guide_core.lightbox import load_on_first_use
    changed = PLUGIN_PAGE.replace("const lightbox = GLightbox(", "var lightbox = GLightbox(")
    assert rewrite(changed, load_on_first_use) == parse(changed).html
