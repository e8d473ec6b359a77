"""Word and OpenDocument downloads of each template page, made at build time.

The work is done by guide_core/template_downloads.py, plain functions any build
tool can call. This hook only adds the files to the site and the links (with
file type and size) under each template's title. It also adds one zip of
every template's downloads (downloads/templates.zip) and puts its size in
the links to it. A template that cannot be converted stops the build with a
message naming the page.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from guide_core import template_downloads as templates

_made: dict[str, list[templates.Download]] = {}
_zip_size: list[int] = []


# After the i18n plugin (-100) has sorted the files by language: it reads
# each file's source path, and a generated download has none.
@event_priority(-110)
def on_files(files, config):
    _made.clear()
    _zip_size.clear()
    every: dict[str, bytes] = {}
    for file in list(files.documentation_pages()):
        if not templates.is_template(file.src_uri):
            continue
        try:
            made = templates.make_downloads(
                file.content_string, source=f"docs/{file.src_uri}", src_uri=file.src_uri,
                site_url=config.site_url or "")
        except templates.TemplateError as error:
            raise PluginError(str(error)) from error
        folder = file.src_uri.rsplit("/", 1)[0]
        for name, data in made.items():
            files.append(File.generated(config, f"{folder}/{name}", content=data))
        _made[file.src_uri] = [templates.describe(name, data) for name, data in made.items()]
        every.update(made)
    if every:
        data = templates.templates_zip(every)
        files.append(File.generated(config, templates.ZIP_PATH, content=data))
        _zip_size.append(len(data))
    return files


def on_page_markdown(markdown, page, config, files):
    downloads = _made.get(page.file.src_uri)
    if downloads:
        markdown = templates.add_download_links(markdown, downloads)
    if _zip_size:
        markdown = templates.add_zip_size(markdown, _zip_size[0])
    return markdown
