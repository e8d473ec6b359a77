"""Real last-modified dates in sitemap.xml.

MkDocs writes each page's `update_date` into sitemap.xml as <lastmod>, but
sets it to the build date for every page. The git-revision-date-localized
plugin finds the date of each page's last commit (or the build date when
git history is missing). This hook copies that date into `update_date`, so
the sitemap tells search engines which pages really changed.

It runs on page content, after every plugin's on_page_markdown and before
MkDocs writes sitemap.xml.
"""

from __future__ import annotations

import re

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def on_page_content(html, page, config, files):
    date = str((page.meta or {}).get("git_revision_date_localized_raw_iso_date", ""))
    if ISO_DATE.match(date):
        page.update_date = date
    return html
