"""A Content-Security-Policy for each built page, as a <meta http-equiv> tag.

The policy lets a page load scripts, styles, images, fonts and data from the
site itself only. Inline scripts run only if the policy names their sha256
hash, worked out here from the page itself, so a pasted script or embed is
blocked in the reader's browser. Plain functions: the page pipeline
(guide_core/page_pipeline.py) adds the policy as each page's last step, and
hooks/csp.py to any page made after them; another site builder can call
add_policy_to_site() after its build.

  python -m scripts.csp SITE_DIR          checks every page in a built site
  python -m scripts.csp --add SITE_DIR    adds the policy (for a site builder
                                          that runs no MkDocs hooks)
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from pathlib import Path

from guide_core import html_tree
from guide_core.html_tree import Tree

# An inline <script> whose type makes the browser run it. JSON data blocks
# (Material's __config) are not run, so the policy does not cover them.
RUNNABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
POLICY_TAG = 'meta[http-equiv="Content-Security-Policy" i]'
# The page's own text is Material's <article class="md-content__inner">. An
# inline script there came from a Markdown file, so it is never allowed:
# scripts live in files.
CONTENT = ("article", "md-content__inner")

# Everything except script-src. Each source is here for a reason:
BASE_POLICY = {
    "default-src": ["'self'"],
    # Material's icons in its stylesheet, and the guide's favicon, are
    # data: images.
    "img-src": ["'self'", "data:"],
    # The guide's own stylesheets, plus any template <style> element by
    # its hash (policy_for adds them; mkdocs-glightbox writes one). No
    # 'unsafe-inline': the pages have no style="..." attributes, and
    # scripts that set styles use element.style, which a policy allows.
    "style-src": ["'self'"],
    "font-src": ["'self'"],
    # Material's search loads search/search_index.json from the site.
    "connect-src": ["'self'"],
    # Material's search runs in a worker file shipped with the site.
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    # The "page not found" search form sends its words to the site itself.
    "form-action": ["'self'"],
}


# mkdocs-glightbox's script, on opening an image, adds
#   <style class="gcss-styles">.gscrollbar-fixer {margin-right: Npx}</style>
# with N the width of the page's scroll bar in CSS px (window.innerWidth
# less the page's clientWidth, both whole numbers), so the page does not
# shift sideways when the lightbox hides the bar. Its text is one of a known
# set, so a page with the lightbox allows each by hash. A 15 to 17 px bar is
# 4 to 68 CSS px from 400% down to 25% zoom, Chromium's limits; 1 to 80 px
# leaves room for wider bars.
LIGHTBOX = re.compile(r"glightbox(\.min)?\.js")
SCROLLBAR_FIX = ".gscrollbar-fixer {margin-right: %dpx}"
SCROLLBAR_WIDTHS = range(1, 81)


def lightbox_styles(page: Tree | str) -> list[str]:
    """The <style> texts the lightbox's script may add, on a page that loads
    it (its script, or the loader's setup block naming it)."""
    tree = html_tree.parse(page)
    if not any(LIGHTBOX.search(script.attributes.get("src") or script.text()) for script in tree.css("script")):
        return []
    return [SCROLLBAR_FIX % width for width in SCROLLBAR_WIDTHS]


def script_hash(text: str) -> str:
    """The CSP source for an inline script: 'sha256-<base64 digest>'."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def inline_scripts(page: Tree | str, in_text: bool | None = None) -> list[str]:
    """The text of every inline script a browser would run, in page order.

    in_text=False: only the template's scripts; True: only those in the
    page's own text (the <article>); None: all.
    """
    found = []
    for script in html_tree.parse(page).css("script"):
        attrs = script.attributes
        if "src" in attrs or (attrs.get("type") or "").strip().lower() not in RUNNABLE_TYPES:
            continue
        if in_text is None or in_text == html_tree.inside(script, *CONTENT):
            found.append(script.text())
    return found


def inline_styles(page: Tree | str) -> list[str]:
    """The text of every <style> element outside the page's own text."""
    return [style.text() for style in html_tree.parse(page).css("style")
            if not html_tree.inside(style, *CONTENT)]


def policy_for(page: Tree | str) -> str:
    """The policy for one page: the base policy plus the hashes of the
    template's inline scripts (Material's, and the large-print switch),
    its <style> elements, and the styles the lightbox's script adds."""
    tree = html_tree.parse(page)
    hashes = list(dict.fromkeys(script_hash(text) for text in inline_scripts(tree, in_text=False)))
    styles = list(dict.fromkeys(script_hash(text) for text in inline_styles(tree) + lightbox_styles(tree)))
    directives = {"default-src": BASE_POLICY["default-src"], "script-src": ["'self'", *hashes],
                  **BASE_POLICY, "style-src": [*BASE_POLICY["style-src"], *styles]}
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def add_policy_to_tree(tree: Tree) -> None:
    """Put the page's policy in a <meta> tag at the top of its <head>.

    The tag must come before the first script it governs, so it goes right
    after <meta charset>. An older policy tag on the page is replaced.
    """
    for old in tree.css(POLICY_TAG):
        old.decompose()
    tag = f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy_for(tree))}">'
    charset = tree.css_first("head meta[charset]")
    if charset is not None:
        html_tree.put_after(charset, tag)
    else:
        html_tree.put_first(tree.head, tag)


def add_policy(page_html: str) -> str:
    """The page, written out with its policy (add_policy_to_tree)."""
    return html_tree.rewrite(page_html, add_policy_to_tree)


def add_policy_to_site(site_dir: Path, made: set[Path] | None = None) -> int:
    """Add a policy to every HTML file in a built site. Returns how many.

    `made`: the full paths of files that already have theirs (the pages the
    page pipeline made), which are left alone and not read."""
    added = 0
    for page in sorted(Path(site_dir).rglob("*.html")):
        if made and page.resolve() in made:
            continue
        page.write_text(add_policy(page.read_text(encoding="utf-8")), encoding="utf-8")
        added += 1
    return added


def page_policy(page: Tree | str) -> str | None:
    tag = html_tree.parse(page).css_first(POLICY_TAG)
    return None if tag is None else tag.attributes.get("content") or ""


def problems(page_html: str, name: str) -> list[str]:
    """What is wrong with one page's policy, each as 'PAGE: what. Fix: what to do.'"""
    tree = html_tree.parse(page_html)
    policy = page_policy(tree)
    if policy is None:
        return [f"{name}: the page has no Content-Security-Policy <meta> tag. "
                "Fix: build with ./guide build, which adds it (hooks/csp.py)."]
    found = []
    first = tree.css_first(f"{POLICY_TAG}, script")
    if first is not None and first.tag == "script":
        found.append(f"{name}: a <script> comes before the Content-Security-Policy tag, "
                     "so the policy does not cover it. Fix: keep the policy tag first in <head>.")
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.split()}
    allowed = set(directives.get("script-src", []))
    if "'unsafe-inline'" in allowed:
        found.append(f"{name}: script-src allows 'unsafe-inline'. Fix: allow inline scripts by hash only.")
    for text in inline_scripts(tree, in_text=True):
        start = " ".join(text.split())[:60]
        found.append(
            f"{name}: the page's text has an inline script ({start!r}...), which the "
            "Content-Security-Policy blocks. Fix: remove it from the Markdown; a page tool's "
            "script goes in a file under docs/assets/javascripts/ (see README).")
    styles = set(directives.get("style-src", []))
    for text in inline_styles(tree):
        if script_hash(text) not in styles:
            start = " ".join(text.split())[:60]
            found.append(f"{name}: a <style> element ({start!r}...) has hash {script_hash(text)}, which the "
                         "page's Content-Security-Policy does not allow. Fix: rebuild (hooks/csp.py runs last).")
    for number, text in enumerate(inline_scripts(tree, in_text=False), 1):
        if script_hash(text) not in allowed:
            start = " ".join(text.split())[:60]
            found.append(
                f"{name}: inline script {number} ({start!r}...) has hash {script_hash(text)}, "
                "which the page's Content-Security-Policy does not allow, so browsers block it. "
                "Fix: add the policy after every change to the page (hooks/csp.py runs last), "
                "and rebuild.")
    return found


def check_site(site_dir: Path) -> list[str]:
    site_dir = Path(site_dir)
    found = []
    for page in sorted(site_dir.rglob("*.html")):
        found += problems(page.read_text(encoding="utf-8"), page.relative_to(site_dir).as_posix())
    return found

