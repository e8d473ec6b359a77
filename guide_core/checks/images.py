"""Pictures: alt text, Easy Read pictures that exist, file sizes."""

from __future__ import annotations

import re
from pathlib import Path

from guide_core.problem import Problem
from guide_core.rules import MAX_IMAGE_BYTES, alt_is_file_name, easy_read_picture_problem

from .project import HTML_IMG, IMAGE


def images(page, project):
    """Every image has alt text that describes it; an Easy Read picture is one of the listed ones."""
    listed = project.easy_read_pictures
    for number, text in page.body:
        for alt, src in IMAGE.findall(text):
            yield from _alt_problems(page, number, alt, src)
            yield from _picture_problems(page, number, src, listed)
        for tag in HTML_IMG.findall(text):
            alt = re.search(r"\balt=\"([^\"]*)\"", tag)
            src = re.search(r"\bsrc=\"([^\"]*)\"", tag)
            yield from _alt_problems(page, number, alt.group(1) if alt else "", src.group(1) if src else "")
            yield from _picture_problems(page, number, src.group(1) if src else "", listed)


def _picture_problems(page, number, src, listed):
    problem = easy_read_picture_problem(src, listed)
    if problem:
        yield Problem(page.name, number, *problem)


def _alt_problems(page, number, alt, src):
    image = Path(src).name or src
    alt = alt.strip()
    if not alt:
        yield Problem(page.name, number, f"image '{image}' has no alt text",
                      f"describe what the image shows inside the square brackets: ![A short description]({src})")
    elif alt_is_file_name(alt, src):
        yield Problem(page.name, number, f"image '{image}' has a file name as its alt text ('{alt}')",
                      "replace it with a few words that say what the image shows")


def image_size(path, project):
    """An image file small enough for a phone."""
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        yield Problem(project.shown(path), 1,
                      f"the image is {size / 1024:.0f} KB, over {MAX_IMAGE_BYTES // 1024} KB, so it is slow on a phone",
                      "make it at most 1600 pixels wide and save it as JPEG (quality about 80) or WebP")
