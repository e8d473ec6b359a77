"""Where a build's time goes: one MkDocs build in this process, timed by part.

Usage: python -m scripts.build_profile CONFIG SITE_DIR   (prints JSON)

Parts: each plugin and hook (all its events together, by the name MkDocs
gives it, e.g. "hooks/pages.py" or "search"), Markdown to HTML
(Page.render), templates (Jinja), and the rest (reading files, copying,
writing). ./guide bench prints it under the build time.
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict


def profile(config_file: str, site_dir: str) -> dict:
    import jinja2
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import PluginCollection
    from mkdocs.structure.pages import Page

    spent: dict[str, float] = defaultdict(float)

    def run_event(self, name, item=None, **kwargs):
        pass_item = item is not None
        for method in self.events[name]:
            origin = self._event_origins.get(method, "<unknown>")
            self._current_plugin = origin
            start = time.perf_counter()
            result = method(item, **kwargs) if pass_item else method(**kwargs)
            spent["plugin " + origin] += time.perf_counter() - start
            if result is not None:
                item = result
        self._current_plugin = None
        return item

    def timed(label, function):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] += time.perf_counter() - start
        return wrapper

    PluginCollection.run_event = run_event
    Page.render = timed("Markdown to HTML", Page.render)
    jinja2.Template.render = timed("templates", jinja2.Template.render)

    start = time.perf_counter()
    config = load_config(config_file=config_file, site_dir=site_dir, strict=True)
    spent["loading the configuration"] += time.perf_counter() - start
    start = time.perf_counter()
    build(config)
    total = time.perf_counter() - start + spent["loading the configuration"]
    # Plugin events run inside templates only through filters, not events,
    # so the parts do not overlap; what is left is MkDocs's own work.
    spent["the rest (files, copying, writing)"] = total - sum(spent.values())
    return {"total": total, "parts": dict(sorted(spent.items(), key=lambda kv: -kv[1]))}


if __name__ == "__main__":
    import logging

    logging.disable(logging.WARNING)
    print(json.dumps(profile(sys.argv[1], sys.argv[2])))
