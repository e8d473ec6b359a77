"""The GitHub workflows pass zizmor, the Actions security linter, with no finding."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def _zizmor() -> str:
    found = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    assert found, "zizmor is not installed. Fix: run ./guide test, which installs requirements-test.txt."
    return found


def test_zizmor_reports_no_findings():
    result = subprocess.run(
        [_zizmor(), "--offline", "--no-progress", "--format", "plain", str(ROOT / ".github")],
        capture_output=True, text=True,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"zizmor found problems in .github/:\n{output}"
    assert "No findings to report" in output, output


def test_every_action_is_pinned_to_a_commit_with_its_version():
    assert WORKFLOWS, "no workflow files found in .github/workflows"
    for workflow in WORKFLOWS:
        for number, line in enumerate(workflow.read_text(encoding="utf-8").splitlines(), 1):
            match = re.search(r"uses:\s*(\S+)", line)
            if not match or match.group(1).startswith("./"):
                continue
            where = f"{workflow.relative_to(ROOT)}:{number}"
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", match.group(1)), (
                f"{where}: '{match.group(1)}' is not pinned to a full commit. "
                "Fix: use owner/action@<40-character commit> # vX.Y.Z")
            assert re.search(r"#\s*v\d+(\.\d+)*\s*$", line), (
                f"{where}: the pinned action has no version comment. Fix: add '# vX.Y.Z' after it.")


def _load(workflow: Path) -> dict:
    import yaml

    data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def test_permissions_are_granted_per_job_only():
    for workflow in WORKFLOWS:
        data = _load(workflow)
        name = workflow.relative_to(ROOT)
        assert data.get("permissions") == {}, f"{name}: set 'permissions: {{}}' at the top; grant per job."
        for job_name, job in data["jobs"].items():
            granted = job.get("permissions")
            assert isinstance(granted, dict), f"{name}: job {job_name} must list its own permissions."
            writes = {k for k, v in granted.items() if v == "write"}
            allowed = {"deploy": {"pages", "id-token"}, "links": {"issues"}}.get(job_name, set())
            assert writes <= allowed, f"{name}: job {job_name} may not write {sorted(writes - allowed)}."


def test_checkouts_keep_no_credentials():
    for workflow in WORKFLOWS:
        for job_name, job in _load(workflow)["jobs"].items():
            for step in job.get("steps", []):
                if str(step.get("uses", "")).startswith("actions/checkout@"):
                    assert step.get("with", {}).get("persist-credentials") is False, (
                        f"{workflow.relative_to(ROOT)}: job {job_name}: checkout needs persist-credentials: false")
