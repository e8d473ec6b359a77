"""Check, or add, the Content-Security-Policy of a built site (logic: guide_core/csp.py).

  python -m scripts.csp SITE_DIR          checks every page in a built site
  python -m scripts.csp --add SITE_DIR    adds the policy (for a site builder
                                          that runs no MkDocs hooks)
"""

from __future__ import annotations

import sys
from pathlib import Path

from guide_core.csp import add_policy_to_site, check_site


def main(args: list[str]) -> int:
    add = args[:1] == ["--add"]
    site = Path((args[1:] if add else args or ["site"])[0] if (args[1:] if add else args) else "site")
    if not site.is_dir():
        print(f"{site}: no built site here. Fix: run ./guide build, then name its folder (site).", file=sys.stderr)
        return 2
    if add:
        print(f"Content-Security-Policy added to {add_policy_to_site(site)} pages.")
    errors = check_site(site)
    print("\n".join(errors) or "Every page has a Content-Security-Policy that allows its inline scripts.")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
