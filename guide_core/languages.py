"""The guide's two languages: which one a build is making, and the site-wide
steps that wait until every language is built.

mkdocs-static-i18n (mkdocs.yml, plugins: i18n) builds the site once per
language into one folder: English first, at today's addresses, then Welsh
under cy/, as a second MkDocs build started from the first one's
on_post_build. So every hook runs once per language. These plain functions
tell a hook which build it is in:

- current(config): the language being built ("en-GB" or "cy");
- is_default(config): the English build, whose files sit at the site's root;
- all_built(config): every language is done (true only in an on_post_build
  that runs after the plugin's, that is with event_priority below -100).

split_search_index() gives each language its own search index, and
drop_head_alternates() takes out the head links that would make Material
fetch a sitemap.xml beside each language version on every page view.
"""

from __future__ import annotations

import json
from pathlib import Path

DEFAULT = "en-GB"
PLUGIN = "i18n"
# Material's <link rel="alternate" href=".." hreflang=".."> for each language
# (base.html), as a selector. Its bundle fetches sitemap.xml beside every rel="alternate"
# link on each page view (integrations/alternate), which here are pages, not
# sites: two failed requests a page. The same hreflang alternates are in
# sitemap.xml, which search engines read, and on the language switcher's links.
HEAD_ALTERNATE = 'head link[rel="alternate"][hreflang]'


def _plugin(config):
    plugins = getattr(config, "plugins", None) or {}
    try:
        return plugins.get(PLUGIN)
    except AttributeError:
        return None


def current(config) -> str:
    plugin = _plugin(config)
    if plugin is None:
        return DEFAULT
    return plugin.current_language or plugin.default_language or DEFAULT


def default(config) -> str:
    plugin = _plugin(config)
    return (plugin.default_language if plugin is not None else None) or DEFAULT


def is_default(config) -> bool:
    return current(config) == default(config)


def others(config) -> list[str]:
    """The languages built besides the default, each in its own folder."""
    plugin = _plugin(config)
    if plugin is None:
        return []
    return [locale for locale in plugin.build_languages if locale != default(config)]


def all_built(config) -> bool:
    """True once every language is built: call it from an on_post_build with
    event_priority below the plugin's (-100). In the builds the plugin starts
    for the other languages it is False."""
    plugin = _plugin(config)
    return plugin is None or not plugin.building


def mark_home(page, config) -> None:
    """Make the home page of a language folder (cy/) count as a home page.

    MkDocs' Page.is_homepage is true only for the site's root address, so
    the Welsh home page would get "Title - Guide" as its <title>, an
    "article" link preview and a page-style share image. Its class becomes
    a subclass of its own whose is_homepage is true, so Material's templates
    and the hooks treat both home pages alike."""
    if is_default(config) or page.url != f"{current(config)}/" or page.is_homepage:
        return
    base = type(page)
    page.__class__ = type("LanguageHomePage", (base,), {"is_homepage": property(lambda self: True)})


def split_search_index(site: Path, languages: list[str]) -> dict[str, int]:
    """Give each language its own search index: entries under LANG/ go to
    LANG/search/search_index.json, the rest stay in search/search_index.json.
    Returns the number of entries in each. The search script of each page
    (docs/assets/javascripts/search-on-demand.js) asks for its own language's index."""
    path = site / "search" / "search_index.json"
    if not path.exists() or not languages:
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    docs = data.get("docs", [])
    counts = {}
    rest = docs
    for lang in languages:
        mine = [doc for doc in rest if doc.get("location", "").startswith(f"{lang}/")]
        rest = [doc for doc in rest if not doc.get("location", "").startswith(f"{lang}/")]
        target = site / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({**data, "docs": mine}, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")
        counts[lang] = len(mine)
    path.write_text(json.dumps({**data, "docs": rest}, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
    counts[""] = len(rest)
    return counts


def drop_head_alternates(tree) -> None:
    """Take Material's head rel="alternate" language links out of the page
    (see HEAD_ALTERNATE)."""
    for link in tree.css(HEAD_ALTERNATE):
        link.decompose()


# ---------------------------------------------------------------------------
# The languages as mkdocs.yml sets them, for scripts and tests that read the
# built site: which language a built page is in, its guide name, its source.
# ---------------------------------------------------------------------------


def configured(settings: dict) -> list[dict]:
    """The i18n plugin's languages from mkdocs.yml (read as a plain dict), default first."""
    for plugin in settings.get("plugins") or []:
        if isinstance(plugin, dict) and PLUGIN in plugin:
            found = list((plugin[PLUGIN] or {}).get("languages") or [])
            return sorted(found, key=lambda lang: not lang.get("default"))
    return [{"locale": DEFAULT, "default": True}]


def language_of(rel: str, settings: dict) -> str:
    """The language of a built page from its path in the site: cy/principles/index.html -> cy."""
    for lang in configured(settings):
        if not lang.get("default") and rel.startswith(f"{lang['locale']}/"):
            return lang["locale"]
    return configured(settings)[0]["locale"]


def html_lang(locale: str) -> str:
    """The lang attribute of a language's pages: the locale itself (en-GB, cy)."""
    return locale


def site_name(settings: dict, locale: str) -> str:
    for lang in configured(settings):
        if lang["locale"] == locale and lang.get("site_name"):
            return lang["site_name"]
    return settings.get("site_name", "")


def page_path(rel: str, settings: dict) -> str:
    """A built page's path without its language folder: cy/principles/index.html -> principles/index.html."""
    locale = language_of(rel, settings)
    return rel.removeprefix(f"{locale}/") if locale != configured(settings)[0]["locale"] else rel


def source_of(rel: str, docs: Path, settings: dict) -> str | None:
    """The docs/ file a built page was made from: the page in its own
    language if there is one (principles.cy.md), else the English it falls
    back to (principles.md)."""
    locale = language_of(rel, settings)
    stem = page_path(rel, settings).removesuffix("index.html").strip("/")
    bases = [f"{stem}", f"{stem}/index"] if stem else ["index"]
    suffixes = ([f".{locale}.md"] if locale != configured(settings)[0]["locale"] else []) + [".md"]
    for suffix in suffixes:
        for base in bases:
            if (docs / f"{base}{suffix}").is_file():
                return f"{base}{suffix}"
    return None
