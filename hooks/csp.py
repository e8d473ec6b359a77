"""A Content-Security-Policy on any built page the page pipeline did not make.

Every page MkDocs builds gets its policy as the last step of the page
pipeline (guide_core/page_pipeline.py; the logic: guide_core/csp.py). A
page another plugin writes after the pages, such as a redirect page for a
moved page (mkdocs-redirects), gets it here, once every language is built.
`mkdocs serve` gets no policy: its live-reload script changes on every
request, so no hash could allow it.
"""

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from guide_core import languages
from guide_core.csp import add_policy_to_site
from guide_core.page_pipeline import MADE

log = logging.getLogger("mkdocs.hooks.csp")
_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


# Last of all: after the i18n plugin has built every language (-100) and
# hooks/languages.py has split the search index (-200).
@event_priority(-300)
def on_post_build(config):
    if _serving or not languages.all_built(config):
        return
    count = add_policy_to_site(Path(config["site_dir"]), made=MADE)
    log.debug("Content-Security-Policy added to %d pages made after the pages.", count)
