"""QR code of each page's public address, written beside it for the printed
page header (logic: guide_core/print_qr.py)."""

from pathlib import Path

from guide_core.print_qr import write_qr


def on_post_page(output, page, config):
    if page.canonical_url:
        write_qr(page.canonical_url, (Path(config["site_dir"]) / page.file.dest_path).parent)
    return output
