"""What the search shim (docs/assets/javascripts/search-on-demand.js)
relies on in the installed Material bundle, read from its source map: no
build, no browser. An upgrade that changes it fails here with a clear
message; tests/browser/test_search_on_demand.py checks the shim in a browser.
"""

from __future__ import annotations

import re
from importlib.metadata import version

import pytest

from conftest import ROOT
from support import material_sources as bundle_sources
from support import squash

SHIM = ROOT / "docs" / "assets" / "javascripts" / "search-on-demand.js"


# --- What the shim relies on in Material ------------------------------------

def test_shim_is_written_for_the_installed_material():
    written_for = re.search(r"mkdocs-material (\d+\.\d+\.\d+)", SHIM.read_text(encoding="utf-8")).group(1)
    pinned = re.search(r"^mkdocs-material==(\S+)", (ROOT / "requirements.txt").read_text(), re.M).group(1)
    installed = version("mkdocs-material")
    assert written_for == pinned == installed, (
        f"search-on-demand.js is written for mkdocs-material {written_for}, requirements.txt pins "
        f"{pinned} and {installed} is installed. Fix: after an upgrade, read how the new bundle loads "
        "search (see the comment in search-on-demand.js), update the shim if needed, then its version.")


RELIED_ON = [
    ("src/templates/assets/javascripts/bundle.ts",
     'requestJSON<SearchIndex>( new URL("search/search_index.json", config.base) )',
     "the index is requested from search/search_index.json beside config.base"),
    ("src/templates/assets/javascripts/browser/request/index.ts",
     "const req = new XMLHttpRequest() req.open(\"GET\", `${url}`)",
     "requests go through XMLHttpRequest"),
    ("src/templates/assets/javascripts/browser/worker/index.ts",
     "url: string, worker = new Worker(url)",
     "the worker is started with new Worker(url)"),
    ("src/templates/assets/javascripts/browser/worker/index.ts",
     'fromEvent<MessageEvent<T>, T>(worker, "message", ev => ev.data)',
     "replies are read from 'message' events"),
    ("src/templates/assets/javascripts/components/search/_/index.ts",
     "setupSearchWorker(config.search, index$)",
     "the worker's address is config.search"),
    ("src/templates/assets/javascripts/integrations/search/worker/_/index.ts",
     "switchMap(() => index$) ) .subscribe(({ config, docs }) => worker$.next({ type: SearchMessageType.SETUP,",
     "the worker gets its first message only once the index is in"),
]


@pytest.mark.parametrize("source, snippet, meaning", RELIED_ON, ids=[r[2] for r in RELIED_ON])
def test_material_still_loads_search_the_way_the_shim_expects(source, snippet, meaning):
    sources = bundle_sources()
    assert source in sources, f"Material's bundle no longer has {source}. The shim relies on it: {meaning}."
    assert squash(snippet) in squash(sources[source]), (
        f"Material changed {source}: the shim in docs/assets/javascripts/search-on-demand.js relies on this: "
        f"{meaning}. Fix: read the new code and update the shim.")
