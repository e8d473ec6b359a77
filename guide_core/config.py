"""mkdocs.yml: one YAML loader, the page tree and the published address."""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

import yaml

from guide_core.problem import Problem

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"
INDENT_FIX = ("check the indentation on that line and the one above it: use spaces, not tabs; "
              "a setting under another goes two spaces further in; list items ('- ') line up; "
              "put text that holds a colon in double quotes")


class ConfigError(Exception):
    """A YAML file that cannot be read; `problem` says where and what to do."""

    def __init__(self, file: str, line: int, message: str, fix: str) -> None:
        self.problem = Problem(file, line, message, fix)
        super().__init__(str(self.problem))


# libyaml's parser when PyYAML has it (it does in the pinned wheel): the same rules, faster.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str):
    """yaml.safe_load, with libyaml's parser when PyYAML has it."""
    return yaml.load(text, Loader=SafeLoader)


class _Loader(SafeLoader):
    """Understands mkdocs.yml's !ENV tag and its !!python/name references."""


def _env(loader, node):
    # !ENV VAR or !ENV [VAR, OTHER_VAR, default]: the first variable set, else the default.
    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
    *variables, default = names if len(names) > 1 else (*names, None)
    for name in variables:
        if os.environ.get(str(name)):
            return os.environ[str(name)]
    return default


_Loader.add_constructor("!ENV", _env)
# A !!python/name:module.thing reference stays its dotted name: nothing is imported.
_Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: suffix)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def yaml_problem(error: yaml.YAMLError, shown: str, first_line: int = 1) -> Problem:
    """Turn a YAML error into a FILE:LINE message; first_line is where the YAML starts in the file."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = first_line + (mark.line if mark else 0)
    what = " ".join(str(getattr(error, "problem", None) or error).split())
    context = getattr(error, "context", None)
    if context:
        what = f"{context} {what}"
    return Problem(shown, line, f"this is not valid YAML ({what})", INDENT_FIX)


def load_yaml(text: str, shown: str = "mkdocs.yml", first_line: int = 1):
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        raise ConfigError(*yaml_problem(error, shown, first_line).fields()) from None


def load_config(path: Path = CONFIG) -> dict:
    """mkdocs.yml as a dict. Raises ConfigError (with its line) if it is not valid YAML."""
    data = load_yaml(Path(path).read_text(encoding="utf-8"), Path(path).name)
    if not isinstance(data, dict):
        raise ConfigError(Path(path).name, 1, "the file is not a list of settings", "start each setting at the left edge: 'name: value'")
    return data


def nav_files(nav) -> list[str]:
    """Every Markdown file in the page tree, in order (links to other sites left out)."""
    found = []
    for item in nav or []:
        value = list(item.values())[0] if isinstance(item, dict) else item
        if isinstance(value, list):
            found += nav_files(value)
        elif isinstance(value, str) and not re.match(r"https?://", value):
            found.append(value)
    return found


def nav_sections(nav) -> dict[str, list[str]]:
    """Top-level section title -> the files under it."""
    sections = {}
    for item in nav or []:
        if isinstance(item, dict):
            title, value = next(iter(item.items()))
            sections[title] = nav_files(value) if isinstance(value, list) else [value]
    return sections


def nav_line(config_text: str, file: str) -> int:
    """The line of mkdocs.yml that lists `file` in the page tree (1 if none):
    the first line that ends with it after a ':' or a '-'."""
    return _line_endings(config_text).get(file, 1)


@functools.lru_cache(maxsize=4)
def _line_endings(config_text: str) -> dict[str, int]:
    """Whatever each line ends with after a ':' or '-' (and any spaces), to
    its first line: one pass over mkdocs.yml for all the files looked up."""
    found: dict[str, int] = {}
    for number, line in enumerate(config_text.splitlines(), start=1):
        for mark in re.finditer(r"[:-]\s*", line):
            found.setdefault(line[mark.end():].rstrip(), number)
    return found


def site_url(path: Path = CONFIG) -> str:
    """The published address, ending in '/': SITE_URL if set, else site_url in mkdocs.yml."""
    url = load_config(path).get("site_url")
    if not url:
        raise ConfigError(Path(path).name, 1, "there is no site_url", "add site_url: with the published address")
    return str(url).rstrip("/") + "/"
