"""The guide's rules and readers, as plain functions with no MkDocs imports.

- config: reads mkdocs.yml (one YAML loader), the page tree, site_url;
- text: sentences, words and quotations, for the readability line and checks;
- rules: the content rules (descriptions, link text, alt text, ...);
- checks: the content checks, one function each, listed in checks.CHECKS.

The MkDocs hooks in hooks/, the commands in scripts/ and the tests call these,
so each rule is written once, and another site generator could call them too.
"""
