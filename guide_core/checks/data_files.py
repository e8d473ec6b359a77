"""The data and include files, each against its JSON Schema, with the line of each problem.

A file is read with a YAML loader that keeps every node's line, checked
with the jsonschema package, and each error is put back on its line.
Then the rules a schema cannot say: the same page twice, a term defined
twice, a picture without its file.
"""

from __future__ import annotations

import re

import yaml

from guide_core.config import _Loader as ConfigLoader, yaml_problem, safe_load
from guide_core.problem import Problem

from .project import read_text

PICTURES = "docs/assets/images/easy-read/pictures.yml"
SELF_CHECK = "docs/self-check.yml"
TOOLTIPS = "includes/abbreviations.md"
WELSH_TOOLTIPS = "includes/abbreviations.cy.md"  # the Welsh terms, for the Welsh pages
CONTACTS = "allowed-contacts.yml"

# --- Reading YAML with its lines, and putting schema errors on them. ----------


def present(path) -> bool:
    """The file is there, or a link to it is (which read_text then reports)."""
    return path.exists() or path.is_symlink()


def load_with_lines(text: str, shown: str, loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """(data, node): the data and the YAML node tree, whose nodes know their lines."""
    try:
        load = loader(text)
        try:
            node = load.get_single_node()
            data = load.construct_document(node) if node is not None else None
        finally:
            load.dispose()
    except yaml.YAMLError as error:
        problem = yaml_problem(error, shown)
        return None, problem
    return data, node


def line_at(node, path) -> int:
    """The line of the item at `path` (keys and indexes) in the node tree; the nearest one found."""
    line = node.start_mark.line + 1 if node is not None else 1
    for step in path:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if k.value == str(step)), None)
            if match is None:
                return line
            node = match[1]
            line = match[0].start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def _plain(error) -> str:
    """A jsonschema error in plain words."""
    path = list(error.absolute_path)
    where = ("the file" if not path else f"'{path[-1]}'" if isinstance(path[-1], str)
             else f"item {path[-1] + 1} of '{path[-2]}'" if len(path) > 1 and isinstance(path[-2], str)
             else f"item {path[-1] + 1}")
    value = error.instance
    shown = repr(value) if not isinstance(value, (dict, list)) else ("this list" if isinstance(value, list) else "this entry")
    kind = error.validator
    if kind == "required":
        missing = next((k for k in error.validator_value if k not in (value or {})), "?")
        return f"{where} has no '{missing}'"
    if kind == "additionalProperties":
        extra = sorted(set(value) - set(error.schema.get("properties", {})))
        return f"{where} has a name the file does not use ('{extra[0] if extra else '?'}')"
    if kind == "type":
        want = error.validator_value
        words = {"string": "some text", "array": "a list of '- ' lines", "object": "'name: value' lines",
                 "integer": "a whole number", "boolean": "true or false"}
        want = " or ".join(words.get(w, w) for w in ([want] if isinstance(want, str) else want))
        return f"{where} should be {want}, not {shown}"
    if kind == "pattern":
        return f"{where} is {shown}, which is not in the form {error.schema.get('x-form', error.validator_value)}"
    if kind in ("minLength", "minItems"):
        return f"{where} is empty" if not value else f"{where} is too short ({shown})"
    if kind == "oneOf" or kind == "anyOf":
        return f"{where} is not {error.schema.get('x-form', 'in a form the file allows')}"
    return f"{where}: {error.message}"


def _deepest(error):
    """Inside "one of these forms", the error that goes furthest into the file, not a wrong type."""
    while error.context:
        error = max(error.context, key=lambda e: (len(e.absolute_path), e.validator != "type"))
    return error


def schema_problems(data, node, schema, shown: str, fix: str):
    """One Problem for each way `data` breaks `schema`, each at its line."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema)
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        # For a "one of these forms" error, the closest form's own error says more.
        best = _deepest(error)
        item_fix = best.schema.get("x-fix") or error.schema.get("x-fix") or fix
        yield Problem(shown, line_at(node, best.absolute_path), _plain(best), item_fix)


# --- mkdocs.yml: the page tree. ------------------------------------------------

PAGE_FILE = {"type": "string", "pattern": r"^(?![/ ])[^\s]*[^\s/]\.md$|^https?://\S+$",
             "x-form": "'folder/file.md' (no spaces, ending .md)",
             "x-fix": "write the page's file name, relative to docs/, such as 'principles.md'"}
NAV_ITEM = {
    "x-form": "'- Title: file.md', '- file.md' or '- Section:' with pages under it",
    "oneOf": [
        PAGE_FILE,
        {"type": "object", "minProperties": 1, "maxProperties": 1,
         "additionalProperties": {"oneOf": [PAGE_FILE, {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/item"}}],
                                  "x-form": "a file name, or a list of pages under the section"},
         "x-fix": "write one 'Title: file.md' on each '- ' line"},
    ],
    "x-fix": "write each item as '- Title: file.md', or '- Section:' with its pages indented under it",
}
NAV_SCHEMA = {
    "$defs": {"item": NAV_ITEM},
    "type": "object",
    "required": ["nav"],
    "properties": {"nav": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/item"}}},
}


def _nav_entries(node, found):
    """(file, line) for every page file in the nav node tree."""
    if isinstance(node, yaml.SequenceNode):
        for child in node.value:
            _nav_entries(child, found)
    elif isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            _nav_entries(value, found)
    elif isinstance(node, yaml.ScalarNode) and node.value.endswith(".md"):
        found.append((node.value, node.start_mark.line + 1))
    return found


def page_tree_schema(project):
    """mkdocs.yml's page tree: each item in a form MkDocs reads, and each page in it once."""
    shown = project.config.name
    data, node = load_with_lines(project.config_text, shown, ConfigLoader)
    if isinstance(node, Problem):
        yield node
        return
    if not isinstance(data, dict):
        return  # the page tree check says the file is not a list of settings
    yield from schema_problems(data, node, NAV_SCHEMA, shown, "see the 'nav:' section of mkdocs.yml")
    nav_node = next((v for k, v in node.value if k.value == "nav"), None) if isinstance(node, yaml.MappingNode) else None
    first = {}
    for file, line in _nav_entries(nav_node, []):
        if file in first:
            yield Problem(shown, line, f"the page tree lists '{file}' twice (first on line {first[file]})",
                          "keep the page in one place in the page tree; delete the other line")
        else:
            first[file] = line


# --- docs/self-check.yml. --------------------------------------------------------

TEXT = {"type": "string", "minLength": 1, "x-fix": "write the text after the colon"}
COUNT = {"type": "integer", "minimum": 0, "x-fix": "write a whole number, 0 or more"}
SELF_CHECK_SCHEMA = {
    "type": "object",
    "required": ["levels", "not_sure", "questions", "bands"],
    "properties": {
        "levels": {"type": "array", "minItems": 2, "items": {
            "type": "object", "required": ["id", "name", "points", "means"],
            "properties": {"id": TEXT, "name": TEXT, "points": COUNT, "means": TEXT}}},
        "not_sure": {"type": "object", "required": ["label", "points", "advice"],
                     "properties": {"label": TEXT, "points": COUNT, "advice": TEXT}},
        "questions": {"type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["id", "question", "short", "change", "answers"],
            "properties": {
                "id": {"type": "string", "pattern": r"^q-[a-z]+(-[a-z]+)*$", "x-form": "q-words-with-hyphens",
                       "x-fix": "use q- and lower-case words with hyphens, such as q-aims"},
                "question": TEXT, "short": TEXT, "change": TEXT,
                "answers": {"type": "array", "minItems": 1, "items": {
                    "type": "object", "required": ["level", "text", "why"],
                    "properties": {"level": TEXT, "text": TEXT, "why": TEXT}}}}}},
        "gates": {"type": ["array", "null"], "items": {
            "type": "object", "required": ["id", "name", "question", "cap", "rule", "reason", "unsure"],
            "properties": {"fails": {"type": "array", "items": TEXT}, "unsure_cap": TEXT, "note": TEXT}}},
        "bands": {"type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["level", "from", "to"],
            "properties": {"level": TEXT, "from": COUNT, "to": COUNT}}},
    },
}
SELF_CHECK_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): (?P<message>.*?)\.? Fix: (?P<fix>.*)$", re.S)


def self_check_data(project):
    """docs/self-check.yml: its shape (JSON Schema), then the scoring rules guide_core/self_check.py keeps."""
    path = project.docs / "self-check.yml"
    if not present(path):
        return
    shown = project.shown(path)
    data, node = load_with_lines(read_text(path, shown), shown)
    if isinstance(node, Problem):
        yield node
        return
    found = list(schema_problems(data, node, SELF_CHECK_SCHEMA, shown,
                                 "compare the entry with the others in the file"))
    yield from found
    if found:
        return
    from guide_core import self_check
    try:
        checked = project.self_check_data()
        for cue in self_check.length_cues(checked):
            line = line_at(node, ["questions", cue["question"], "answers", cue["answer"], "text"])
            yield Problem(shown, line, cue["message"], cue["fix"])
    except yaml.YAMLError as error:
        yield yaml_problem(error, shown)
    except self_check.SelfCheckError as error:
        match = SELF_CHECK_LINE.match(str(error))
        yield (Problem(shown, int(match["line"]), match["message"], match["fix"].rstrip("."))
               if match else Problem(shown, 1, str(error).rstrip("."), "compare it with the version in git"))


# --- The Easy Read picture list. -------------------------------------------------

PICTURES_SCHEMA = {
    "type": "array", "minItems": 1,
    "items": {"type": "object", "required": ["name", "openmoji", "shows"], "additionalProperties": False,
              "properties": {
                  "name": {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$", "x-form": "lower-case-words",
                           "x-fix": "use lower-case words with hyphens, the same as the file name without .svg"},
                  "openmoji": {"type": ["string", "integer"], "pattern": r"^[0-9A-F]{4,6}(-[0-9A-F]{4,6})*$",
                               "x-form": "an OpenMoji code such as 1F4D6",
                               "x-fix": "copy the code from the OpenMoji file name (color/svg/CODE.svg)"},
                  "shows": TEXT},
              "x-fix": "write each picture as '- name: ...', '  openmoji: ...', '  shows: ...'"},
}


def easy_read_pictures(project):
    """The Easy Read picture list: each entry in its form, each name once, each with its NAME.svg."""
    path = project.docs / "assets/images/easy-read/pictures.yml"
    if not path.parent.is_dir():
        return
    shown = project.shown(path)
    if not present(path):
        yield Problem(shown, 1, "the Easy Read picture list is missing",
                      "restore docs/assets/images/easy-read/pictures.yml from git")
        return
    data, node = load_with_lines(read_text(path, shown), shown)
    if isinstance(node, Problem):
        yield node
        return
    yield from schema_problems(data, node, PICTURES_SCHEMA, shown, "compare the entry with the others in the list")
    if not isinstance(data, list):
        return
    seen = {}
    for index, entry in enumerate(data):
        name = entry.get("name") if isinstance(entry, dict) else None
        if not isinstance(name, str):
            continue
        line = line_at(node, [index, "name"])
        if name in seen:
            yield Problem(shown, line, f"the picture '{name}' is listed twice (first on line {seen[name]})",
                          "keep one entry for each picture")
        seen.setdefault(name, line)
        if not (path.parent / f"{name}.svg").is_file():
            yield Problem(shown, line, f"the picture '{name}' has no file {name}.svg beside the list",
                          f"add docs/assets/images/easy-read/{name}.svg, or correct the name")


# --- includes/abbreviations.md: one tooltip a line, in one exact form. -------------

TOOLTIP_LINE = re.compile(r"^\*\[(?P<term>[^\]\s](?:[^\]]*[^\]\s])?)\]: (?P<meaning>\S(?:.*\S)?)$")


def tooltip_lines(project):
    """Every line of includes/abbreviations.md (and its Welsh, abbreviations.cy.md) is
    '*[term]: short meaning', each term once."""
    for shown in (TOOLTIPS, WELSH_TOOLTIPS):
        yield from _tooltip_lines(project.root / shown, shown)


def _tooltip_lines(path, shown):
    if not present(path):
        return
    seen = {}
    for number, line in enumerate(read_text(path, shown).splitlines(), start=1):
        if not line.strip():
            continue
        match = TOOLTIP_LINE.match(line)
        if not match:
            term = re.match(r"\s*\*?\s*\[?\s*([^\]:]*)", line).group(1).strip() or "term"
            yield Problem(shown, number, f"this line is not a tooltip in the form '*[term]: meaning' ({line.strip()[:60]!r})",
                          f"write it exactly as '*[{term}]: a short meaning': a star at the start, the term in "
                          "square brackets, a colon, one space, then the meaning, with no spaces at the ends")
            continue
        term = match["term"]
        if term in seen:
            yield Problem(shown, number, f"'{term}' has two tooltips (the other is on line {seen[term]}); "
                          "the page shows only the last", "keep one line for the term")
        seen.setdefault(term, number)


# --- The glossary: each term defined once. -------------------------------------------

GLOSSARY_HEADING = re.compile(r"^#{2,6}\s+(.*?)\s*$")


def glossary_terms(project):
    """Each glossary term (and its short form in brackets) defined by one heading only."""
    page = next((p for p in project.pages if p.path.name == "glossary.md" and p.path.parent == project.docs), None)
    if page is None:
        return
    seen = {}
    for number, text in page.body:
        match = GLOSSARY_HEADING.match(text)
        if not match:
            continue
        heading = re.sub(r"\{[^}]*\}", "", match.group(1)).strip()
        names = {re.sub(r"\s*\([^)]*\)", "", heading).lower()}
        names.update(short.strip().lower() for short in re.findall(r"\(([^)]*)\)", heading))
        for name in sorted(n for n in names if n):
            if name in seen:
                yield Problem(page.name, number, f"the glossary defines '{name}' twice (also on line {seen[name]})",
                              "keep one entry and put everything it needs to say there")
            seen.setdefault(name, number)


# --- The allowed contacts: email addresses and phone numbers a page may show. ------

CONTACTS_SCHEMA = {
    "type": ["array", "null"],
    "items": {
        "type": "object", "required": ["contact", "reason"], "additionalProperties": False,
        "properties": {
            "contact": {"type": "string", "x-form": "an email address or a phone number",
                        "pattern": r"^([^@\s]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+|\+?[0-9][0-9 ]{6,17}[0-9])$",
                        "x-fix": "write the address or the number exactly as the page shows it"},
            "reason": {"type": "string", "minLength": 12,
                       "x-fix": "say in a sentence why the guide publishes it, and who it belongs to"},
            "source": {"type": "string", "pattern": r"^https://\S+$", "x-form": "an https:// address",
                       "x-fix": "give the page of the organisation's own site that lists this contact"},
        },
        "x-fix": "write each entry as '- contact: ...' with '  reason: ...' under it",
    },
}


def allowed_contacts(project):
    """allowed-contacts.yml: each email address or phone number with a reason, each listed once."""
    path = project.root / CONTACTS
    if not present(path):
        return
    data, node = load_with_lines(read_text(path, CONTACTS), CONTACTS)
    if isinstance(node, Problem):
        yield node
        return
    yield from schema_problems(data, node, CONTACTS_SCHEMA, CONTACTS, "compare the entry with the example at the top")
    seen = {}
    for index, entry in enumerate(data or []):
        contact = entry.get("contact") if isinstance(entry, dict) else None
        if isinstance(contact, str):
            key = contact.replace(" ", "").lower()
            line = line_at(node, [index, "contact"])
            if key in seen:
                yield Problem(CONTACTS, line, f"'{contact}' is listed twice (first on line {seen[key]})",
                              "keep one entry")
            seen.setdefault(key, line)


def contacts(project) -> dict[str, str]:
    """The allowed contacts, each without spaces and in lower case -> its reason."""
    path = project.root / CONTACTS
    try:
        data = safe_load(read_text(path, CONTACTS)) if path.exists() else None
    except Exception:  # noqa: BLE001 - allowed_contacts reports the file's own problem
        return {}
    return {str(e["contact"]).replace(" ", "").lower(): str(e.get("reason", ""))
            for e in (data if isinstance(data, list) else []) if isinstance(e, dict) and e.get("contact")}
