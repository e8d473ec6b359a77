"""Add a Content-Security-Policy to every built page (logic: guide_core/csp.py).

It runs once after every language is built, over every HTML file, so the 404 page and redirect
pages get one too, and the hashes cover scripts other plugins added.
`mkdocs serve` gets no policy: its live-reload script changes on every
request, so no hash could allow it. ./guide build and the tests add it.
"""

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from guide_core import languages
from guide_core.csp import add_policy_to_site

log = logging.getLogger("mkdocs.hooks.csp")
_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


# Last of all: after the i18n plugin has built every language (-100) and
# hooks/languages.py has split the search index (-200).
@event_priority(-300)
def on_post_build(config):
    if not languages.all_built(config):
        return
    if _serving:
        log.info("Preview without the Content-Security-Policy, so live reload works.")
        return
    count = add_policy_to_site(Path(config["site_dir"]))
    log.debug("Content-Security-Policy added to %d pages.", count)
