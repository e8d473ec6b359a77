"""Published addresses never break.

tests/published-links.txt lists every page address and heading anchor the
guide has published. Each must still reach its page and heading, directly
or through a redirect (mkdocs-redirects). The fault-injection test moves a
page and renames headings in a copy of the project to show the check
catches a broken address and accepts a redirect or a kept heading id.
"""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import build, copy_project, parse
from guide_core.published_links import LIST, collect, read_list, resolve

FIX = (
    "A published address stopped working. If the page moved, add a redirect under "
    "`redirect_maps` in mkdocs.yml (old.md: new.md). If a heading changed, keep its old id: "
    "'## New heading { #old-id }'. See README.md, \"Changing a page's address\"."
)


def test_the_list_is_committed_and_covers_pages_and_headings():
    rows = read_list()
    addresses = [a for _, a in rows]
    assert "./" in addresses, f"{LIST} should list the home page as ./"
    assert sum("#" not in a for a in addresses) >= 10, f"{LIST} lists fewer than 10 pages."
    assert sum("#" in a for a in addresses) >= 50, f"{LIST} lists fewer than 50 heading anchors."
    repeated = sorted({a for a in addresses if addresses.count(a) > 1})
    assert not repeated, f"{LIST} lists these more than once: {repeated}"
    bad = [f"tests/published-links.txt:{n}: {a}" for n, a in rows if a.startswith(("/", "http")) or " " in a]
    assert not bad, f"{LIST}: write addresses relative to the site, like principles/#sharing-power:\n" + "\n".join(bad)


def test_every_published_address_still_resolves(site):
    problems = [f"tests/published-links.txt:{n}: {address}: {problem}"
                for n, address in read_list() if (problem := resolve(site.dir, address))]
    assert not problems, FIX + "\n" + "\n".join(problems)


def test_collect_finds_every_page_and_heading_with_a_permalink(site):
    found = set(collect(site.dir))
    missing = []
    for page in site.content_pages():
        address = site.rel(page).removesuffix("index.html") or "./"
        if address not in found:
            missing.append(address)
        soup = parse(page)
        for heading in soup.select("article :is(h1, h2, h3, h4, h5, h6)[id]"):
            if heading.select_one("a.headerlink") and f"{address}#{heading['id']}" not in found:
                missing.append(f"{address}#{heading['id']}")
    assert not missing, "guide_core/published_links.py collect() missed:\n" + "\n".join(missing)
    assert not any("share-this-page" in a for a in found), "The share box heading is not a published section."


@pytest.mark.build  # builds a changed copy of the project
def test_a_moved_page_needs_a_redirect_and_a_renamed_heading_its_old_id(site, tmp_path):
    """Move a page and rename two headings in a copy; only the covered addresses survive."""
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    # Move the accessibility statement to a new address, with a redirect from the old one.
    moved = "accessibility-statement"
    (docs / f"{moved}.md").rename(docs / "accessibility.md")
    for path in [project / "mkdocs.yml", *docs.rglob("*.md")]:
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(rf"(?<![\w-]){moved}\.md", "accessibility.md", text), encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "redirect_maps: {}" in text, "mkdocs.yml should keep `redirect_maps: {}` under the redirects plugin."
    config.write_text(text.replace("redirect_maps: {}", f"redirect_maps:\n        {moved}.md: accessibility.md"),
                      encoding="utf-8")
    # Rename two h2 headings of the About page: one keeps its old id, one does not.
    about = docs / "about.md"
    lines = about.read_text(encoding="utf-8").splitlines()
    h2 = [i for i, line in enumerate(lines) if line.startswith("## ")]
    assert len(h2) >= 2, "docs/about.md needs two ## headings for this test."
    built = parse((site.dir / "about" / "index.html"))
    h2_ids = [h["id"] for h in built.select("article h2[id]") if h.select_one("a.headerlink")]
    assert len(h2_ids) >= 2, "The built About page should have two h2 headings with ids."
    site_dir = tmp_path / "site"
    old = {h2[0]: h2_ids[0], h2[1]: h2_ids[1]}
    first, second = h2[:2]
    lines[first] = f"## A renamed heading that keeps its address {{ #{old[first]} }}"
    lines[second] = "## A renamed heading that loses its address"
    about.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = build(project, site_dir)
    assert result.returncode == 0, f"The changed copy did not build:\n{result.stderr}"

    assert resolve(site_dir, f"{moved}/") is None, "The redirect for a moved page was not followed."
    assert resolve(site_dir, f"{moved}/#{moved}") is None, "An anchor through a redirect should resolve."
    assert resolve(site_dir, f"about/#{old[first]}") is None, "A heading that kept its old id should resolve."
    lost = resolve(site_dir, f"about/#{old[second]}")
    assert lost and old[second] in lost, f"A renamed heading without its old id should be reported, got {lost!r}."
    assert resolve(site_dir, f"{moved}/#no-such-heading"), "A missing anchor after a redirect should be reported."

    # Without the redirect, the old address of the moved page is reported.
    shutil.rmtree(site_dir / moved)
    problem = resolve(site_dir, f"{moved}/")
    assert problem and "no page" in problem, f"A moved page without a redirect should be reported, got {problem!r}."


def test_update_adds_new_addresses_and_refuses_to_drop_a_broken_one(site, tmp_path, monkeypatch, capsys):
    from scripts import published_links

    listed = tmp_path / "published-links.txt"
    monkeypatch.setattr(published_links, "LIST", listed)
    listed.write_text("# header\n./\nno-such-page/\n", encoding="utf-8")
    assert published_links.main(["--update", "--site", str(site.dir)]) == 1
    assert listed.read_text(encoding="utf-8") == "# header\n./\nno-such-page/\n", "--update changed a broken list."
    assert "no-such-page/" in capsys.readouterr().out

    listed.write_text("./\n", encoding="utf-8")
    assert published_links.main(["--update", "--site", str(site.dir)]) == 0
    after = [a for _, a in read_list(listed)]
    assert after[0] != "" and set(after) == set(collect(site.dir)), "--update should list every current address."
    assert published_links.main(["--check", "--site", str(site.dir)]) == 0
