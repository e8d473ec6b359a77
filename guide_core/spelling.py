"""pyspelling's HTML filter, made quick for whole pages (.pyspelling.yml uses it).

The spell check took half a minute, for two reasons inside pyspelling's own
HTML filter:
- it keeps each block's text in a dict keyed by the block's element, and
  BeautifulSoup hashes an element by writing out all of its HTML, once for
  every piece of text in it;
- it splits a page at every paragraph, list item and heading, and runs
  aspell once for each: over 2,000 runs for the guide.
This filter keys blocks by the element itself (its identity) and breaks only
at <body>, so aspell runs once a page. Its other settings (ignores, comments)
are pyspelling's, and aspell lists the same unknown words for a whole page
as for its parts; a page's words keep the context "FILE: html>body".
It relies on pyspelling's private _block_text: the patch list,
guide_core/patches.py, names the tests that guard it.
"""

from __future__ import annotations

from pyspelling.filters import html


class _Blocks(dict):
    """Block text by element identity, not by BeautifulSoup's costly hash."""

    def __setitem__(self, element, text):
        super().__setitem__(id(element), (element, text))

    def __getitem__(self, element):
        return super().__getitem__(id(element))[1]

    def items(self):
        return list(super().values())


class PageFilter(html.HtmlFilter):
    """The HTML filter, with the page's body as its one block."""

    break_tags = {"body"}

    @property
    def _block_text(self):
        return self._blocks

    @_block_text.setter
    def _block_text(self, value):
        self._blocks = _Blocks(value)


def get_plugin():
    return PageFilter
