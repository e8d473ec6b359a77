"""Helpers the browser and built-site tests share, in one place.

- open_page(): a fresh browser context at a width and colour scheme;
- tab_to(): press Tab until a control has focus;
- settled(): wait until fonts are in, animations and scrolling are over;
- run_axe(): run the pinned, offline copy of axe-core and list violations;
- print_to_pdf() and pdf_text(): print a page to PDF and read its text back;
- js(): the text of a script in tests/browser/js/, for page.evaluate();
- fast_check(): run a fast-check property (tests/browser/js/NAME.js) in the
  open page, on the page's own scripts;
- ScreenReader: the virtual screen reader on the open page, and what it says;
- material_sources() and squash(): the source of the installed Material
  bundle, from its source map, to check what the guide relies on in it;
- meta(): the content of a page's <meta> tags of one name or property;
- css_rules(): each rule of a stylesheet, with its line, the selectors and
  at-rules around it, and its declarations;
- page_text() and TEMPLATE_PARTS: a built page's own text, the article less
  what the templates put around it: the text the reading level measured;
- EASY_READ_PAGES, EASY_READ_VERSIONS and easy_read_source(): the built
  Easy Read pages, the full page each is a version of, and the Markdown
  file each comes from.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from urllib.parse import urlsplit

import axe_playwright_python
import material

from guide_core.readability import ARTICLE, OWN_TEXT_SKIP, TEMPLATE_PARTS  # noqa: F401  (TEMPLATE_PARTS: for tests/unit/test_page_text.py)

JS_DIR = Path(__file__).resolve().parent / "browser" / "js"
AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
MATERIAL = Path(material.__file__).parent / "templates"
# The pinned npm test tools (tools/jstest/package-lock.json); ./guide test installs them.
JSTEST = Path(__file__).resolve().parent.parent / "tools" / "jstest" / "node_modules"
JSTEST_PATH = "/__jstest/"  # where a page loads them from, on its own origin


@lru_cache(maxsize=1)
def material_sources() -> dict[str, str]:
    """The installed Material bundle's sources by path (src/templates/...), from its source map."""
    maps = sorted((MATERIAL / "assets" / "javascripts").glob("bundle.*.min.js.map"))
    assert len(maps) == 1, f"Expected one Material bundle source map in {MATERIAL}, found {maps}"
    data = json.loads(maps[0].read_text(encoding="utf-8"))
    return {re.sub(r"^(\.\./)+", "", name): text
            for name, text in zip(data["sources"], data.get("sourcesContent") or []) if text}


def squash(text: str) -> str:
    """Text with every run of white space made one space, to compare code."""
    return " ".join(text.split())


@lru_cache(maxsize=None)
def js(name: str) -> str:
    """The source of tests/browser/js/NAME.js."""
    return (JS_DIR / f"{name}.js").read_text(encoding="utf-8")


def open_page(browser, scheme: str = "light", width: int = 1280, height: int = 900, **options):
    """A new page in its own context: the site follows the system colour scheme, so emulate it."""
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme, **options)
    return context.new_page()


def tab_to(page, selector: str, where: str = "the page", limit: int = 250) -> None:
    """Press Tab until the focused element matches the CSS `selector`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{where}: Tab never reaches {selector}.")


SETTLED = """async () => {
    await document.fonts.ready;
    // allSettled: an animation cancelled part way (a box ticked again) is over
    // too; its finished promise rejects, which is no fault of the page.
    await Promise.allSettled(document.getAnimations().map(a => a.finished));
    // Then frames until the page has stopped scrolling (a smooth scroll is no
    // animation the page lists), and two more: what the last frame changed
    // (layout, observers' callbacks, policy reports) has been drawn and told.
    const frame = () => new Promise(done => requestAnimationFrame(done));
    let still = 0, last = -1;
    for (let count = 0; count < 600 && still < 2; count++) {
        await frame();
        still = window.scrollY === last ? still + 1 : 0;
        last = window.scrollY;
    }
}"""


def settled(page) -> None:
    """Wait on the page's own state, not the clock: its fonts have loaded, its
    animations have finished, it has stopped scrolling, and two frames have
    been drawn since."""
    page.evaluate(SETTLED)


def run_axe(page, options: dict | None = None, context=None) -> list[dict]:
    """Run axe-core on the open page; return its violations.

    Colour transitions are let finish first, so axe measures what a reader sees.
    """
    if not page.evaluate("typeof axe !== 'undefined'"):
        # Evaluated, not added as a <script>: the pages' security policy
        # blocks an added inline script, as it should.
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    settled(page)
    options = options or {"runOnly": {"type": "tag", "values": AXE_TAGS}}
    result = page.evaluate("([c, o]) => axe.run(c || document, o)", [context, options])
    return result["violations"]


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path, (f"{name} was not found. Install Debian's poppler-utils and zbar-tools "
                  "(./guide test installs them).")
    return path


def print_to_pdf(page, url: str, out: Path) -> Path:
    """Print as ./guide pdf does (guide_core/printing.py), then leave the
    page in print media, for tests that read its print styles."""
    from guide_core.printing import print_pdf

    print_pdf(page, url, out)
    page.emulate_media(media="print")
    return out


def pdf_text(pdf: Path) -> str:
    return subprocess.run([tool("pdftotext"), "-layout", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def _jstest_file(route) -> None:
    """Answer a request for /__jstest/PACKAGE/FILE from tools/jstest/node_modules.
    A bare import of another package ("pure-rand/x") is pointed at that
    package's file, as its package.json exports say, so the browser can load it."""
    rel = urlsplit(route.request.url).path.split(JSTEST_PATH, 1)[1]
    path = (JSTEST / rel).resolve()
    if not path.is_relative_to(JSTEST) or not path.is_file():
        route.fulfill(status=404, body=f"{rel} is not in tools/jstest. Fix: run ./guide test.")
        return
    text = path.read_text(encoding="utf-8")

    def resolve(match):
        name, sub = re.match(r"((?:@[^/]+/)?[^/]+)(.*)", match[2]).groups()
        exports = json.loads((JSTEST / name / "package.json").read_text())["exports"]
        target = exports["." + sub]
        target = target.get("import", target) if isinstance(target, dict) else target
        return f"{match[1]}\"{JSTEST_PATH}{name}/{target.removeprefix('./')}\""
    text = re.sub(r'(from\s*|import\s*)"((?:@[\w-]+/)?[a-z][\w.-]*(?:/[\w./-]+)?)"', resolve, text)
    route.fulfill(body=text, content_type="text/javascript")


def load_module(page, module: str) -> str:
    """Make tools/jstest/node_modules/MODULE loadable by the open page, on its
    own origin (the pages' security policy allows only that), and return
    the address to import() it from."""
    if not JSTEST.is_dir():
        raise AssertionError(f"{JSTEST} is missing. Fix: run ./guide test, which installs tools/jstest with npm.")
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(page.url))
    page.route(f"{origin}{JSTEST_PATH}**", _jstest_file)
    return f"{origin}{JSTEST_PATH}{module}"


def fast_check(page, name: str, args=None, runs: int = 300) -> None:
    """Run the fast-check property in tests/browser/js/NAME.js in the open page.

    That file is one function `(fc, args) => property`, returning
    fc.property(...) or fc.asyncProperty(...). A failure names the smallest
    input fast-check found and the seed to repeat the run."""
    url = load_module(page, "fast-check/lib/fast-check.js")
    result = page.evaluate(
        """async ([url, args, runs]) => {
            const fc = await import(url);
            const property = (%s)(fc, args);
            const out = await fc.check(property, {numRuns: runs});
            return {failed: out.failed, runs: out.numRuns, seed: out.seed,
                    example: out.counterexample ? fc.stringify(out.counterexample) : null,
                    error: out.errorInstance ? String(out.errorInstance.message || out.errorInstance) : null};
        }""" % js(name), [url, args, runs])
    assert not result["failed"], (
        f"tests/browser/js/{name}.js fails for {result['example']} (seed {result['seed']}): {result['error']}")
    assert result["runs"] == runs, f"tests/browser/js/{name}.js ran {result['runs']} of {runs} cases."


class ScreenReader:
    """The virtual screen reader (@guidepup/virtual-screen-reader) on the open page.

    It reads the page's accessibility tree as a screen reader would and keeps
    a log of what it says, live region announcements included:
        reader = ScreenReader(page, "#planner")
        reader.next(3); reader.spoken()  # the phrases, in order
    """

    def __init__(self, page, container: str = "body"):
        self.page = page
        url = load_module(page, "@guidepup/virtual-screen-reader/lib/esm/index.browser.js")
        page.evaluate("""async ([url, selector]) => {
            window.__reader = (await import(url)).virtual;
            await window.__reader.start({container: document.querySelector(selector)});
        }""", [url, container])

    def _call(self, method: str, *args):
        return self.page.evaluate("([m, a]) => window.__reader[m](...a)", [method, list(args)])

    def next(self, times: int = 1) -> None:
        """Move to the next item, as the screen reader's "next" key does."""
        for _ in range(times):
            self._call("next")

    def perform(self, command: str) -> None:
        """A command by name, e.g. "moveToNextFormField" or "moveToNextHeading"."""
        self.page.evaluate("c => window.__reader.perform(window.__reader.commands[c])", command)

    def act(self) -> None:
        """Press the item the reader is on (a button, a link)."""
        self._call("act")

    def spoken(self) -> list[str]:
        """Everything said since start() or clear(), in order."""
        return self._call("spokenPhraseLog")

    def clear(self) -> None:
        self._call("clearSpokenPhraseLog")

    def wait_for(self, text: str, timeout: int = 5000) -> list[str]:
        """Wait until a phrase with `text` has been said (a live region is
        read out after the page changes); return everything said."""
        return self.page.evaluate("""async ([text, timeout]) => {
            const end = performance.now() + timeout;
            for (;;) {
                const log = await window.__reader.spokenPhraseLog();
                if (log.some(p => p.includes(text)) || performance.now() > end) return log;
                await new Promise(r => requestAnimationFrame(r));
            }
        }""", [text, timeout])

    def stop(self) -> None:
        self._call("stop")




def page_text(built_page: str) -> str:
    """A built page's own text: the article less the template parts
    (guide_core/readability.py, TEMPLATE_PARTS), the text the build measured.
    Parsed with lexbor (selectolax, the parser of the build's page steps):
    a hundred pages take a fiftieth of a second, against two seconds in bs4."""
    from selectolax.lexbor import LexborHTMLParser
    article = LexborHTMLParser(built_page).css_first(ARTICLE)
    if article is None:
        raise ValueError("the page has no <article class=\"md-content__inner\">: "
                         "is it a page of the guide, built with Material?")
    for part in article.css(OWN_TEXT_SKIP):
        part.decompose()
    return article.inner_html


def css_rules(path: Path):
    """(its line, the selectors and at-rules around it, its declarations as
    (name, value) pairs) for each rule of a stylesheet, nested ones included."""
    # Comments become spaces on the same lines, so line numbers stay true.
    css = re.sub(r"/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group()),
                 Path(path).read_text(encoding="utf-8"), flags=re.S)
    stack, text, line, opened = [], "", 1, 1
    for ch in css:
        if ch == "\n":
            line += 1
        if ch == "{":
            stack.append(" ".join(text.split()))
            text, opened = "", line
        elif ch == "}":
            if text.strip() and stack:
                yield opened, tuple(stack), _declarations(text)
            text = ""
            if stack:
                stack.pop()
        else:
            text += ch


def _declarations(body: str) -> list[tuple[str, str]]:
    found = []
    for part in re.split(r";(?![^(]*\))", body):
        if ":" in part:
            name, value = part.split(":", 1)
            found.append((name.strip(), value.replace("!important", "").strip()))
    return found


def meta(soup, key: str) -> list[str]:
    """The content of every <meta property=key> or <meta name=key>."""
    return [m.get("content", "") for m in soup.find_all("meta")
            if m.get("property") == key or m.get("name") == key]


# The Easy Read pages (docs/easy-read/), for the built-site and browser tests.
# Easy Read page -> the full page it is a version of.
EASY_READ_VERSIONS = {
    "easy-read/what-is-co-production/index.html": "what-is-co-production/index.html",
    "easy-read/principles/index.html": "principles/index.html",
    "easy-read/accessibility-checklist/index.html": "accessibility-checklist/index.html",
    "easy-read/getting-started/index.html": "getting-started/index.html",
    "easy-read/getting-paid/index.html": "paying-partners/index.html",
}
# Easy Read pages with no full version of their own.
EASY_READ_ONLY = ["easy-read/index.html", "easy-read/your-rights/index.html"]
EASY_READ_PAGES = [*EASY_READ_ONLY, *EASY_READ_VERSIONS]
EASY_READ_MIN_POINTS = 5  # points (each with its picture) on an Easy Read page, at least


def easy_read_source(rel: str) -> str:
    """The Markdown file a built page comes from."""
    if rel == "easy-read/index.html":
        return "easy-read/index.md"
    return rel[: -len("/index.html")] + ".md"
