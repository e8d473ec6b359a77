"""Editor mistakes, made one at a time in a copy of the guide: how many does ./guide check catch?

Usage: python -m scripts.fault_injection [--jobs N] [--full] [--keep DIR] [NAME ...]

Each mistake below is one a volunteer makes while editing: pasting from
Word or an email, typing on a phone, copying a block from another page,
renaming a file, reordering the page tree. Each is made alone in its own
copy of the project, and the check runs there as an editor runs it:
`./guide check --changed` (the changed files, and every check that spans
the site; a whole build when the page tree or a file's name changed), or
the whole `./guide check` with --full.

A mistake is caught when a line of the check names the file and the line
the mistake is on, and says what is wrong (one of the mistake's words).
Some changes are ones the check should accept: they are listed as
accepted, and pass when the check reports nothing on that file.

Prints one line a mistake, then the figure; exits 1 if any is missed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from guide_core.local_site import copy_project

LINE = re.compile(r"^(?P<file>[^:\s]+):(?P<line>\d+): (?P<message>.*)$")


@dataclass
class Expect:
    file: str                     # "docs/principles.md"
    lines: set[int]               # where the editor made the mistake
    words: tuple[str, ...] = ()   # one of these is in a true message (lower case)
    accepted: bool = False        # the check should report nothing on the file
    places: dict = field(default_factory=dict)  # other files and lines where the mistake also is

    def at(self, file: str, line: int) -> bool:
        return (file in self.file.split("|") and line in self.lines) or line in self.places.get(file, ())


@dataclass
class Mistake:
    name: str
    how: str                      # how an editor makes it
    make: object                  # function(root) -> Expect
    accepted: bool = False


@dataclass
class Outcome:
    mistake: Mistake
    caught: bool
    detail: str
    lines: list[str] = field(default_factory=list)
    seconds: float = 0.0


# --- Editing the copy. --------------------------------------------------------------------

def read(root: Path, rel: str) -> list[str]:
    return (root / "docs" / rel).read_text(encoding="utf-8").split("\n")


def write(root: Path, rel: str, lines: list[str]) -> None:
    (root / "docs" / rel).write_text("\n".join(lines), encoding="utf-8")


def body_start(lines: list[str]) -> int:
    if lines and lines[0].strip() == "---":
        return next(i for i in range(1, len(lines)) if lines[i].strip() == "---") + 1
    return 0


def find(lines: list[str], pattern: str, start: int | None = None) -> int:
    """The index of the first body line matching `pattern`."""
    regex = re.compile(pattern)
    begin = body_start(lines) if start is None else start
    for index in range(begin, len(lines)):
        if regex.search(lines[index]):
            return index
    raise LookupError(f"no line matches {pattern!r}")


def change_line(root: Path, rel: str, pattern: str, change, words: tuple[str, ...]) -> Expect:
    """Replace the first line matching `pattern` by change(line) (a string, or a list of lines)."""
    lines = read(root, rel)
    index = find(lines, pattern)
    new = change(lines[index])
    new = new if isinstance(new, list) else [new]
    lines[index:index + 1] = new
    write(root, rel, lines)
    return Expect(f"docs/{rel}", set(range(index + 1, index + 1 + len(new))), words)


def insert_after(root: Path, rel: str, pattern: str, new: list[str], words: tuple[str, ...],
                 at: int | None = None) -> Expect:
    """Insert `new` after the first line matching `pattern`, with a blank line before; expect its lines
    (or only line `at` of them, counting from 0)."""
    lines = read(root, rel)
    index = find(lines, pattern) + 1
    lines[index:index] = [""] + new
    write(root, rel, lines)
    first = index + 2
    lines_expected = {first + at} if at is not None else set(range(first, first + len(new)))
    return Expect(f"docs/{rel}", lines_expected, words)


def first_paragraph(lines: list[str]) -> int:
    """The first line of ordinary prose in the body."""
    return find(lines, r"^[A-Z][a-z]+ [a-z][^|]{40,}[.!?]$")


def in_paragraph(root: Path, rel: str, change, words: tuple[str, ...], pattern: str | None = None) -> Expect:
    lines = read(root, rel)
    index = find(lines, pattern) if pattern else first_paragraph(lines)
    lines[index] = change(lines[index])
    write(root, rel, lines)
    return Expect(f"docs/{rel}", {index + 1}, words)


def nav_text(root: Path) -> str:
    return (root / "mkdocs.yml").read_text(encoding="utf-8")


def nav_line(root: Path, needle: str) -> int:
    return next(n for n, line in enumerate(nav_text(root).splitlines(), 1) if needle in line)


def set_nav(root: Path, text: str) -> None:
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")


def links_to(root: Path, rel: str) -> dict[str, set[int]]:
    """Every page's lines that link to the page rel (by its file name)."""
    name = Path(rel).name
    found: dict[str, set[int]] = {}
    for page in (root / "docs").rglob("*.md"):
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(rf"\]\((?:[^)]*/)?{re.escape(name)}(?:#[^)]*)?\)", line):
                found.setdefault(f"docs/{page.relative_to(root / 'docs').as_posix()}", set()).add(number)
    return found


# --- The mistakes. ------------------------------------------------------------------------
# Each makes its change and says where it is. They are written from how
# people edit, not from the checks.

def word_bullets(root):
    # Word's bullets pasted as text: "•<tab>item" lines, no Markdown list.
    lines = read(root, "challenges.md")
    index = first_paragraph(lines) + 1
    new = ["", "Before you start, check:", "•\tWho has the final say", "•\tWhat budget there is", "•\tHow long it takes"]
    lines[index:index] = new
    write(root, "challenges.md", lines)
    return Expect("docs/challenges.md", {index + 3, index + 4, index + 5, index + 2}, ("list", "bullet", "•"))


def word_smart_quotes_note_title(root):
    # Word turns the straight quotes of a note box title into curly ones.
    return change_line(root, "worked-examples.md", r'^!!! example "', lambda l: l.replace('"', "“", 1).replace('"', "”", 1),
                       ("note box", "!!!"))


def word_nbsp_indent(root):
    # The note box's text pasted from Word, indented with non-breaking spaces, not spaces.
    lines = read(root, "worked-examples.md")
    index = find(lines, r'^!!! example "')
    body = next(i for i in range(index + 1, len(lines)) if lines[i].strip())
    lines[body] = "\u00a0" * 4 + lines[body].lstrip()
    write(root, "worked-examples.md", lines)
    return Expect("docs/worked-examples.md", {index + 1, body + 1}, ("note box", "empty", "non-breaking", "indent"))


def word_nbsp_in_link(root):
    # A non-breaking space Word put between ] and (.
    return in_paragraph(root, "principles.md", lambda l: l.replace("](", "]\u00a0(", 1), ("link",),
                        pattern=r"\]\(references\.md")


def word_heading_numbering(root):
    # A heading pasted from Word with its automatic number and a tab, no # marks.
    lines = read(root, "organisation-ready.md")
    index = find(lines, r"^## ")
    title = lines[index][3:]
    lines[index] = f"2.1\t{title}"
    write(root, "organisation-ready.md", lines)
    return Expect("docs/organisation-ready.md", {index + 1}, ("heading",))


def word_smart_quotes_link_title(root):
    # A link title typed in Word: the quotes become curly, so the address has spaces.
    return in_paragraph(root, "principles.md", lambda l: re.sub(r"\]\(references\.md#([\w-]+)\)",
                                                               r"](references.md#\1 “the source”)", l, count=1),
                        ("address", "link"), pattern=r"\]\(references\.md")


def phone_dashes_comment(root):
    # A phone keyboard turns the -- of an HTML comment into a dash.
    return insert_after(root, "getting-started.md", r"^## ", ["<!— Ask Sam to check this section —>"],
                        ("comment", "html", "tag", "<!"))


def phone_capital_link(root):
    # The phone capitalises the first letter of the link address.
    return in_paragraph(root, "why-co-produce.md", lambda l: re.sub(r"\]\(([a-z])", lambda m: "](" + m.group(1).upper(), l, count=1),
                        ("not a page", "not found", "link"), pattern=r"\]\([a-z][\w-]*\.md")


def phone_front_matter_dash(root):
    # The phone turns the opening --- of the front matter into a long dash.
    lines = read(root, "next-steps.md")
    lines[0] = "—"
    write(root, "next-steps.md", lines)
    return Expect("docs/next-steps.md", {1, 2, 3, 4}, ("front matter", "title", "---", "line of"))


def phone_space_after_bang(root):
    # A space typed after the ! of a picture.
    lines = read(root, "easy-read/your-rights.md")
    index = find(lines, r"^!\[")
    lines[index] = "! " + lines[index][1:]
    write(root, "easy-read/your-rights.md", lines)
    return Expect("docs/easy-read/your-rights.md", {index + 1}, ("picture", "link", "attribute", "!"))


def phone_autocorrect_md(root):
    # Autocorrect turns "principles.md" into "principles.Md".
    return in_paragraph(root, "what-is-co-production.md", lambda l: re.sub(r"\.md\)", ".Md)", l, count=1),
                        ("not a page", "not found", "link"), pattern=r"\]\([a-z][\w/-]*\.md\)")


def copy_block_other_folder(root):
    # A paragraph copied from a top-level page into a template: its links are relative to the old folder.
    lines = read(root, "principles.md")
    index = find(lines, r"\]\(references\.md#")
    block = lines[index]
    return insert_after(root, "templates/partner-role.md", r"^## ", [block], ("not a page", "not found", "link", "references"))


def copy_heading_twice(root):
    # A section pasted twice, with its heading and its {#id}.
    lines = read(root, "principles.md")
    index = find(lines, r"^## .*\{#")
    end = find(lines, r"^## ", index + 1)
    section = lines[index:end]
    lines[end:end] = section
    write(root, "principles.md", lines)
    return Expect("docs/principles.md", {end + 1}, ("twice", "same", "id", "duplicate", "again"))


def copy_front_matter(root):
    # A new page started by copying another page, front matter and all.
    text = (root / "docs" / "privacy.md").read_text(encoding="utf-8")
    front = text.split("\n---\n", 1)[0] + "\n---\n"
    page = root / "docs" / "accessibility-statement.md"
    old = page.read_text(encoding="utf-8")
    page.write_text(front + old.split("\n---\n", 1)[1], encoding="utf-8")
    return Expect("docs/accessibility-statement.md", {2, 3}, ("same title", "same description", "also", "title"))


def copy_footnote_no_note(root):
    # A sentence copied with its footnote mark, but not the note at the foot of the page.
    return in_paragraph(root, "related-terms.md", lambda l: l[:-1] + "[^1]" + l[-1], ("footnote",))


def copy_easy_read_picture(root):
    # An Easy Read picture copied onto a page in another folder, its path unchanged.
    lines = read(root, "easy-read/your-rights.md")
    picture = lines[find(lines, r"^!\[")].split("{")[0]
    return insert_after(root, "getting-started.md", r"^## ", [picture], ("picture", "not a page", "not found", "file"))


def copy_citation_no_entry(root):
    # A sentence with a citation copied from a report: the source is not on the References page.
    return insert_after(root, "why-co-produce.md", r"^## ",
                        ["Co-produced services are used more by the people they are for (Hargreaves, 2019)."],
                        ("citation", "references"))


def copy_tabs_no_indent(root):
    # Content tabs copied from another site, their text not indented.
    return insert_after(root, "getting-started.md", r"^## ",
                        ['=== "Online meetings"', "", "Send the link a week before.", "",
                         '=== "Meetings in person"', "", "Send a map and the step-free route."],
                        ("===", "tab", "line of"), at=0)


def rename_page_keep_links(root):
    # A page renamed (file and page tree), but not the links on other pages.
    old, new = "related-terms.md", "similar-terms.md"
    expected = links_to(root, old)
    (root / "docs" / old).rename(root / "docs" / new)
    set_nav(root, nav_text(root).replace(f": {old}", f": {new}"))
    file, lines = next(iter(sorted(expected.items())))
    return Expect(file, lines, ("not found", "not a page", "related-terms"), ) if len(expected) == 1 else \
        _any_of(expected, ("not found", "not a page", "related-terms"))


def _any_of(expected: dict[str, set[int]], words) -> Expect:
    """Several pages hold the mistake: any one of them, on its line, will do."""
    return Expect("|".join(sorted(expected)), set().union(*expected.values()), words)


def rename_page_not_nav(root):
    # A page renamed on disk, and the page tree left as it was.
    (root / "docs" / "challenges.md").rename(root / "docs" / "challenges-and-limits.md")
    return Expect("mkdocs.yml", {nav_line(root, "challenges.md")}, ("not found", "missing", "challenges"))


def rename_picture_with_space(root):
    # A picture saved again as "ladder of participation.svg" and the page changed to match.
    images = root / "docs" / "assets" / "images"
    (images / "ladder-of-participation.svg").rename(images / "ladder of participation.svg")
    rel = next(p for p in (root / "docs").rglob("*.md") if "ladder-of-participation.svg" in p.read_text(encoding="utf-8"))
    rel = rel.relative_to(root / "docs").as_posix()
    lines = read(root, rel)
    index = find(lines, r"ladder-of-participation\.svg")
    lines[index] = lines[index].replace("ladder-of-participation.svg", "ladder of participation.svg")
    write(root, rel, lines)
    return Expect(f"docs/{rel}", {index + 1}, ("space", "picture", "address", "link"))


def rename_heading_anchor(root):
    # A heading reworded: a link on another page went to it by its address.
    for page in sorted((root / "docs").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        for match in re.finditer(r"\]\(([\w-]+\.md)#([a-z0-9-]+)\)", text):
            target = root / "docs" / page.parent.relative_to(root / "docs") / match.group(1)
            if not target.is_file():
                continue
            lines = target.read_text(encoding="utf-8").split("\n")
            for index, line in enumerate(lines):
                heading = re.match(r"^(#{2,4}) (.+)$", line)
                if heading and "{" not in line and re.sub(r"[^a-z0-9]+", "-", heading.group(2).lower()).strip("-") == match.group(2):
                    lines[index] = f"{heading.group(1)} {heading.group(2)} (updated)"
                    target.write_text("\n".join(lines), encoding="utf-8")
                    number = text[:match.start()].count("\n") + 1
                    linker = f"docs/{page.relative_to(root / 'docs').as_posix()}"
                    heading_file = f"docs/{target.relative_to(root / 'docs').as_posix()}"
                    return Expect(linker, {number}, ("heading", "anchor", "not on that page", "#"),
                                  places={heading_file: {index + 1}})
    raise LookupError("no link to a heading without an id")


def nav_duplicate_page(root):
    # While reordering the page tree, a page is pasted in twice.
    text = nav_text(root)
    line = next(l for l in text.splitlines() if l.strip() == "- Principles: principles.md")
    text = text.replace(line, line + "\n" + line.replace("Principles", "Our principles"), 1)
    set_nav(root, text)
    return Expect("mkdocs.yml", {nav_line(root, "Our principles")}, ("twice", "more than once", "again", "once"))


def nav_bad_indent(root):
    # A page moved in the page tree with one space too few.
    text = nav_text(root)
    line = next(l for l in text.splitlines() if l.strip() == "- Glossary: glossary.md")
    set_nav(root, text.replace(line, line[1:], 1))
    return Expect("mkdocs.yml", {nav_line(root, "Glossary: glossary.md")}, ("page tree", "indent", "yaml", "line", "nav"))


def nav_page_dropped(root):
    # Reordering the page tree, one line is cut and never pasted back.
    text = nav_text(root)
    line = next(l for l in text.splitlines() if l.strip() == "- Next steps: next-steps.md")
    set_nav(root, text.replace(line + "\n", "", 1))
    return Expect("docs/next-steps.md", {1}, ("page tree", "nav", "not in"))


def nav_wrong_file_case(root):
    # A page tree entry typed with a capital letter.
    text = nav_text(root).replace(": privacy.md", ": Privacy.md", 1)
    set_nav(root, text)
    return Expect("mkdocs.yml", {nav_line(root, "Privacy.md")}, ("not found", "missing", "privacy"))


def email_signature_phone(root):
    # Text pasted from an email, with the sender's signature and mobile number.
    return insert_after(root, "paying-partners.md", r"^## ",
                        ["Thanks, that all sounds good.", "", "Priya Sharma", "Engagement Lead", "Mob: 07700 900461"],
                        ("phone", "email", "allowed"), at=4)


def email_address_in_angle(root):
    # An email's From line pasted: <address> becomes a mail link.
    return insert_after(root, "getting-started.md", r"^## ", ["From: Sam Okafor <sam.okafor@example.org>"],
                        ("email", "allowed"))


def email_quoted_reply(root):
    # A reply pasted with its quoted lines ("> ") from the email.
    return insert_after(root, "disagreement-and-endings.md", r"^## ",
                        ["> Thanks for sending this round. I think we should ask the group before we decide anything."],
                        ("quotation", "source"))


def email_on_wrote(root):
    # The "On ... wrote:" line of a forwarded email, and the original message header.
    return insert_after(root, "organisation-ready.md", r"^## ",
                        ["On Tue, 1 Dec 2026 at 09:14, Jo Lewis wrote:", "", "-----Original Message-----"],
                        ("email", "pasted", "line of", "---"))


def email_sent_from_phone(root):
    # "Sent from my iPhone" left at the end of a pasted email.
    lines = read(root, "next-steps.md")
    index = first_paragraph(lines)
    lines[index + 1:index + 1] = ["", "Sent from my iPhone"]
    write(root, "next-steps.md", lines)
    return Expect("docs/next-steps.md", {index + 3}, ("email", "pasted", "sent from"))


def unclosed_bold(root):
    # Bold started and never ended.
    return change_line(root, "principles.md", r"^\*\*What it looks like\*\*$", lambda l: l[:-2], ("bold", "**"))


def bold_spaces_inside(root):
    # Spaces typed inside the bold marks.
    return in_paragraph(root, "getting-started.md", lambda l: re.sub(r"^(\w+ \w+)", r"** \1 **", l, count=1), ("bold", "**"))


def table_missing_pipe(root):
    # A table's line under the header row loses a |.
    return change_line(root, "related-terms.md", r"^\| --- \|", lambda l: l.replace("| --- |", "| --- ", 1),
                       ("table", "|"))


def table_extra_cell(root):
    # A row with one cell too many: the cell is dropped.
    return change_line(root, "related-terms.md", r"^\| Consultation \|", lambda l: l + " Ask a partner too. |",
                       ("words", "table", "reach"))


def note_not_indented(root):
    # A note box whose text is not indented: the box is empty, the text outside.
    lines = read(root, "evaluating.md")
    index = find(lines, r'^!!! note "')
    body = next(i for i in range(index + 1, len(lines)) if lines[i].strip())
    lines[body] = lines[body].lstrip()
    write(root, "evaluating.md", lines)
    return Expect("docs/evaluating.md", {index + 1, body + 1}, ("note box", "empty", "indent"))


def comment_left_open(root):
    # An editor's note in an HTML comment, never closed.
    return insert_after(root, "why-co-produce.md", r"^## ", ["<!-- check these figures with Sam"],
                        ("comment", "<!--", "reach"))


def tab_indented_list(root):
    # A list indented with a tab, so it becomes a code block.
    lines = read(root, "organisation-ready.md")
    index = find(lines, r"^- ")
    start = index
    while index < len(lines) and lines[index].startswith("- "):
        lines[index] = "\t" + lines[index]
        index += 1
    write(root, "organisation-ready.md", lines)
    return Expect("docs/organisation-ready.md", set(range(start + 1, index + 1)), ("code", "indent", "tab"))


def list_no_blank_line(root):
    # A list typed straight under its paragraph, with no blank line.
    lines = read(root, "challenges.md")
    index = first_paragraph(lines)
    lines[index + 1:index + 1] = ["- ask partners first", "- then decide"]
    write(root, "challenges.md", lines)
    return Expect("docs/challenges.md", {index + 1, index + 2, index + 3}, ("list",))


def heading_no_space(root):
    # "##Heading": no space after the marks.
    return change_line(root, "next-steps.md", r"^## ", lambda l: "##" + l[3:], ("heading", "#"))


def link_space_before_paren(root):
    return in_paragraph(root, "about.md", lambda l: l.replace("](", "] (", 1), ("link",), pattern=r"\]\(")


def link_unclosed_bracket(root):
    return in_paragraph(root, "why-co-produce.md", lambda l: re.sub(r"\]\(", "(", l, count=1), ("link", "bracket", "["),
                        pattern=r"\[[^\]]+\]\([a-z]")


def link_no_md(root):
    # A page linked by its name without .md.
    return in_paragraph(root, "challenges.md", lambda l: re.sub(r"\]\(([\w-]+)\.md", r"](\1", l, count=1),
                        ("not a page", "not found", "link"), pattern=r"\]\([\w-]+\.md")


def link_www_no_scheme(root):
    # An outside address pasted without https://.
    return in_paragraph(root, "paying-partners.md", lambda l: re.sub(r"\]\(https://", "](", l, count=1),
                        ("https", "address", "link"), pattern=r"\]\(https://www\.")


def link_http_missing_colon(root):
    return in_paragraph(root, "paying-partners.md", lambda l: re.sub(r"\]\(https://", "](https//", l, count=1),
                        ("https", "address", "link"), pattern=r"\]\(https://")


def link_text_is_address(root):
    # The address pasted as the link's words.
    return insert_after(root, "next-steps.md", r"^## ",
                        ["Read more at [https://www.nhs.uk/conditions/](https://www.nhs.uk/conditions/)."],
                        ("address", "link text"))


def whats_new_future_year(root):
    # A typo in the year of a What's new heading.
    lines = read(root, "whats-new.md")
    index = find(lines, r"^## \d")
    lines[index] = re.sub(r"20(\d\d)$", lambda m: "20" + str(int(m.group(1)) + 10), lines[index])
    write(root, "whats-new.md", lines)
    return Expect("docs/whats-new.md", {index + 1}, ("future",))


def whats_new_not_a_date(root):
    # 31 November: a date that does not exist.
    return change_line(root, "whats-new.md", r"^## \d", lambda l: re.sub(r"^## \d+ \w+", "## 31 November", l),
                       ("date", "november"))


def checked_date_old(root):
    # A page copied from an old version, with its old "checked" date.
    def older(line):
        return re.sub(r"(checked on \d{1,2} \w+ )(\d{4})", lambda m: m.group(1) + str(int(m.group(2)) - 2), line, count=1)
    return in_paragraph(root, "keeping-people-safe.md", older, ("checked", "12 months", "ago"),
                        pattern=r"checked on \d{1,2} \w+ \d{4}")


def placeholder_tbc(root):
    return in_paragraph(root, "budget-planner.md", lambda l: l[:-1] + " (rate TBC)" + l[-1], ("placeholder",))


def placeholder_insert_link(root):
    return in_paragraph(root, "next-steps.md", lambda l: l[:-1] + " See [insert link here]." , ("placeholder", "insert"))


def attr_list_typo(root):
    # "{#id}" typed as "{# id}" with the space in the wrong place.
    return change_line(root, "principles.md", r"^## .*\{#[\w-]+\}", lambda l: l.replace("{#", "{# ", 1),
                       ("attribute", "{", "heading"))


def div_without_markdown(root):
    # An Easy Read block copied without its markdown attribute: its Markdown shows as text.
    lines = read(root, "easy-read/your-rights.md")
    index = find(lines, r'^<div class="easy-read-point" markdown>')
    lines[index] = '<div class="easy-read-point">'
    write(root, "easy-read/your-rights.md", lines)
    return Expect("docs/easy-read/your-rights.md", set(range(index + 1, index + 4)),
                  ("picture", "link", "attribute", "markdown", "text"))


def easy_read_long_sentence(root):
    # A sentence from the full page pasted into Easy Read.
    lines = read(root, "easy-read/your-rights.md")
    index = find(lines, r"^You do not have to say why\.$")
    lines[index] = ("You do not have to say why, and nobody in the group or the organisation should ever ask you "
                    "to explain your reasons for leaving.")
    write(root, "easy-read/your-rights.md", lines)
    return Expect("docs/easy-read/your-rights.md", {index + 1}, ("sentence", "words", "easy read"))


def easy_read_picture_typo(root):
    return change_line(root, "easy-read/your-rights.md", r"^!\[", lambda l: re.sub(r"/([\w-]+)\.svg", r"/\1s.svg", l, count=1),
                       ("picture", "not a page", "not found", "exist"))


def quote_said_no_source(root):
    return insert_after(root, "why-co-produce.md", r"^## ",
                        ['As one partner said, "It was the first time anyone asked what we thought before it was decided."'],
                        ("source", "quotation", "someone"))


def icon_typo(root):
    return change_line(root, "index.md", r":material-[a-z-]+:", lambda l: re.sub(r":material-([a-z-]+):", r":material-\1x:", l, count=1),
                       ("icon",))


def glossary_term_twice(root):
    # A term pasted into the glossary again, further down.
    lines = read(root, "glossary.md")
    index = find(lines, r"^## [A-Z].*\{#")
    entry = lines[index:index + 3]
    at = len(lines) - 1
    lines[at:at] = [""] + entry
    write(root, "glossary.md", lines)
    return Expect("docs/glossary.md", {at + 2}, ("twice", "again", "defined", "same"))


def self_check_tab(root):
    # A tab typed in the self-check data while lining up an answer.
    path = root / "docs" / "self-check.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, l in enumerate(lines) if l.strip().startswith("name:"))
    lines[index] = lines[index].replace("    ", "\t", 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    return Expect("docs/self-check.yml", {index + 1}, ("tab", "yaml", "indent", "line"))


def broken_html_tag(root):
    # A <br> typed as "<br" at the end of a line.
    return in_paragraph(root, "about.md", lambda l: l.replace(". ", ". <br", 1), ("tag", "html", "reach", "<"),
                        pattern=r"^[A-Z].*\. [A-Z]")


def less_than_sign(root):
    # "<5 people" typed: the page reads it as the start of a tag? (It does not: a digit cannot start a tag.)
    return in_paragraph(root, "getting-started.md", lambda l: l[:-1] + ", for groups of <5 people" + l[-1], ())


# Changes a careful check accepts: they publish what the editor meant.

def word_smart_quotes_text(root):
    # Curly quotes and apostrophes from Word in ordinary text: right in UK typography.
    return in_paragraph(root, "challenges.md", lambda l: l[:-1] + " It is ‘shared’, not “given”." , ())


def word_ellipsis_and_dash(root):
    # Word's ellipsis and en dash in running text.
    return in_paragraph(root, "about.md", lambda l: l[:-1] + " – and more…", (), pattern=r"^[A-Z][a-z]+ [a-z][^|]{40,}\.$")


def word_nbsp_between_words(root):
    # A non-breaking space between a number and its unit, from Word: it shows as a space.
    return in_paragraph(root, "why-co-produce.md", lambda l: l[:-1] + " It takes 2\u00a0hours.", ())


MISTAKES: list[Mistake] = [Mistake(f.__name__, (f.__doc__ or "").strip(), f) for f in [
    word_bullets, word_smart_quotes_note_title, word_nbsp_indent, word_nbsp_in_link, word_heading_numbering,
    word_smart_quotes_link_title, phone_dashes_comment, phone_capital_link, phone_front_matter_dash,
    phone_space_after_bang, phone_autocorrect_md, copy_block_other_folder, copy_heading_twice, copy_front_matter,
    copy_footnote_no_note, copy_easy_read_picture, copy_citation_no_entry, copy_tabs_no_indent,
    rename_page_keep_links, rename_page_not_nav, rename_picture_with_space, rename_heading_anchor,
    nav_duplicate_page, nav_bad_indent, nav_page_dropped, nav_wrong_file_case, email_signature_phone,
    email_address_in_angle, email_quoted_reply, email_on_wrote, email_sent_from_phone, unclosed_bold,
    bold_spaces_inside, table_missing_pipe, table_extra_cell, note_not_indented, comment_left_open,
    tab_indented_list, list_no_blank_line, heading_no_space, link_space_before_paren, link_unclosed_bracket,
    link_no_md, link_www_no_scheme, link_http_missing_colon, link_text_is_address, whats_new_future_year,
    whats_new_not_a_date, checked_date_old, placeholder_tbc, placeholder_insert_link, attr_list_typo,
    div_without_markdown, easy_read_long_sentence, easy_read_picture_typo, quote_said_no_source, icon_typo,
    glossary_term_twice, self_check_tab, broken_html_tag,
]] + [Mistake(f.__name__, (f.__doc__ or "").strip(), f, accepted=True) for f in [
    less_than_sign, word_smart_quotes_text, word_ellipsis_and_dash, word_nbsp_between_words,
]]


# --- Running them. ------------------------------------------------------------------------

GIT = ["git", "-c", "user.name=Fault injection", "-c", "user.email=faults@example.invalid", "-c", "commit.gpgsign=false"]


def prepare(base: Path, full: bool) -> list[str]:
    """A copy of the project as a git checkout with a whole build in .cache/check-site; the clean check's lines."""
    copy_project(base, checks=True)
    (base / ".gitignore").write_text(".cache/\nsite/\n__pycache__/\n", encoding="utf-8")
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "clean"]):
        subprocess.run(GIT + command, cwd=base, check=True, capture_output=True)
    return run_check(base, full=True)[1]


def run_check(root: Path, full: bool) -> tuple[int, list[str]]:
    command = [sys.executable, "-m", "scripts.check_content", "docs", "--site"] + ([] if full else ["--changed"])
    done = subprocess.run(command, cwd=root, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"})
    return done.returncode, (done.stdout + done.stderr).splitlines()


def judge(expect: Expect, lines: list[str], clean: set[str]) -> tuple[bool, str]:
    new = [line for line in lines if line not in clean and LINE.match(line)]
    files = expect.file.split("|")
    if expect.accepted:
        on_file = [line for line in new if LINE.match(line)["file"] in files]
        return (not on_file, "accepted" if not on_file else f"reported: {on_file[0]}")
    for line in new:
        match = LINE.match(line)
        if expect.at(match["file"], int(match["line"])):
            message = match["message"].lower()
            if not expect.words or any(word in message for word in expect.words):
                return True, line
    near = [line for line in new if LINE.match(line)["file"] in files]
    want = f"{expect.file}:{','.join(map(str, sorted(expect.lines)))}"
    return False, f"wanted {want}; got " + (near[0] if near else new[0] if new else "nothing")


def try_one(mistake: Mistake, base: Path, work: Path, full: bool, clean: set[str]) -> Outcome:
    started = time.monotonic()
    copy = work / mistake.name
    shutil.copytree(base, copy, symlinks=True)
    try:
        expect = mistake.make(copy)
    except Exception as error:  # noqa: BLE001 - the guide changed under the mistake: say so
        return Outcome(mistake, False, f"could not make the mistake ({type(error).__name__}: {error})")
    expect.accepted = mistake.accepted
    _, lines = run_check(copy, full)
    caught, detail = judge(expect, lines, clean)
    shutil.rmtree(copy, ignore_errors=True)
    return Outcome(mistake, caught, detail, lines, time.monotonic() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="only these mistakes")
    parser.add_argument("--jobs", type=int, default=2, help="mistakes tried at once (default 2)")
    parser.add_argument("--full", action="store_true", help="run the whole ./guide check for each, not --changed")
    parser.add_argument("--verbose", action="store_true", help="print every line the check gave for a miss")
    args = parser.parse_args(argv)
    mistakes = [m for m in MISTAKES if not args.names or m.name in args.names]
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="guide-faults-") as temp:
        work = Path(temp)
        base = work / "base"
        clean_lines = prepare(base, args.full)
        clean = {line for line in clean_lines if LINE.match(line)}
        errors = [line for line in clean if ": warning: " not in line]
        if errors:
            print("The clean guide does not pass ./guide check, so mistakes cannot be told apart:")
            print("\n".join(errors))
            return 1
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            outcomes = list(pool.map(lambda m: try_one(m, base, work, args.full, clean), mistakes))
    made = [o for o in outcomes if not o.mistake.accepted]
    accepted = [o for o in outcomes if o.mistake.accepted]
    for outcome in outcomes:
        mark = ("accepted" if outcome.caught else "REPORTED") if outcome.mistake.accepted else \
            ("caught" if outcome.caught else "MISSED")
        print(f"{mark:9} {outcome.mistake.name}: {outcome.detail}")
        if args.verbose and not outcome.caught:
            print("\n".join("          | " + line for line in outcome.lines))
    caught = sum(o.caught for o in made)
    right = sum(o.caught for o in accepted)
    print(f"\nFault injection: ./guide check{'' if args.full else ' --changed'} caught {caught} of {len(made)} "
          f"editor mistakes with the right file, line and message; {right} of {len(accepted)} changes it should "
          f"accept were accepted ({time.monotonic() - started:.0f} s).")
    return 0 if caught == len(made) and right == len(accepted) else 1


if __name__ == "__main__":
    sys.exit(main())
