"""Welsh pages: the notice at the top of each, and the translation status page
(logic: guide_core/translation.py and guide_core/strings.py).

- Every page gets the strings of the language its text is in (page.meta
  "text_language" and "strings"), for the scripts inside its text, and the
  strings of the site's language ("frame_strings") for the templates' parts
  around the text.
- In the Welsh build, a translated page says it is not yet checked by a
  fluent speaker, or that the English has changed since; a page not yet
  translated shows the English text under a Welsh notice (the page
  pipeline marks it lang="en-GB").
- A page with `translation_status: true` gets the table of every page's state.
"""

from __future__ import annotations

from pathlib import Path

from guide_core import languages, strings, translation
from guide_core.config import nav_files


def on_page_markdown(markdown, page, config, files):
    docs = Path(config["docs_dir"])
    root = docs.parent
    language = languages.current(config)
    source = page.file.src_uri
    translated = source.endswith(translation.SUFFIX)
    text_language = language if (languages.is_default(config) or translated) else languages.default(config)
    page.meta["text_language"] = text_language
    # The page's text and the tools inside it speak its text's language; the
    # frame around it (print tools, share box, notices) the site's language.
    page.meta["strings"] = strings.for_page(strings.load(root, text_language), page.meta)
    page.meta["frame_strings"] = strings.load(root, language)
    # Where this language's pages start, for the templates' links ("" or "cy/").
    page.meta["language_folder"] = "" if languages.is_default(config) else f"{language}/"
    if not languages.is_default(config):
        page.meta["translation_notice"] = translation.notice(
            docs, source, page.meta, strings.load(root, language), config.get("edit_uri") or "")
    if page.meta.get("translation_status"):
        pages = [p for p in dict.fromkeys(nav_files(config.get("nav"))) if p.endswith(".md")]
        markdown += "\n\n" + translation.status_table(
            docs, pages, strings.load(root, language), welsh=not languages.is_default(config))
    return markdown

