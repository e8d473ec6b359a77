"""No page asks for anything from another origin, in Chromium: every
request a built page makes as it loads stays on the local server.

What the built HTML and stylesheets name to load: tests/site/test_offline.py."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

SHARDS = 4  # the pages in four parts, so the test processes share them


@pytest.mark.parametrize("shard", range(SHARDS))
def test_no_request_leaves_localhost_in_chromium(site, server, page_for, shard):
    outside = []
    page = page_for()
    page.on("request", lambda r: outside.append(r.url) if urlsplit(r.url).hostname not in ("127.0.0.1", None) and not r.url.startswith(("data:", "blob:")) else None)
    for built in site.pages()[shard::SHARDS]:
        page.goto(server + site.rel(built).removesuffix("index.html"), wait_until="networkidle")
    assert not outside, "Requests to other origins:\n" + "\n".join(sorted(set(outside)))

