"""Generate the typed Python client (``clients/python/vip_platform_client``) from the merged OpenAPI document.

``python scripts/generate_python_client.py [build/openapi.json]`` regenerates the checked-in client with
``openapi-python-client`` (pinned in constraints.txt; settings in ``clients/python/config.yaml``).
``--check`` regenerates into a temporary folder and fails (exit 1, naming the files) when the checked-in
client differs: an API change without a regenerated client fails ``make api-check`` and the tests.
"""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLIENT_DIR = ROOT / "clients" / "python"
PACKAGE = "vip_platform_client"


def generate(document: Path, target: Path) -> None:
    """Write the client package generated from ``document`` to ``target`` (which must not exist)."""
    generator = Path(sys.executable).with_name("openapi-python-client")
    command = [str(generator), "generate", "--path", str(document), "--config", str(CLIENT_DIR / "config.yaml")]
    command += ["--meta", "none", "--output-path", str(target)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0 or "Warning" in result.stdout:
        output = result.stdout + result.stderr
        raise SystemExit(f"openapi-python-client failed or skipped parts of the document:\n{output}")


def differences(left: Path, right: Path) -> list[str]:
    """Relative paths of the files that differ, or exist on one side only (``__pycache__`` ignored)."""
    compare = filecmp.dircmp(left, right, ignore=["__pycache__"])
    out: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        out.extend(f"{prefix}{name}" for name in (*cmp.left_only, *cmp.right_only, *cmp.diff_files, *cmp.funny_files))
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(compare, "")
    return sorted(out)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    args = [a for a in argv[1:] if a != "--check"]
    document = Path(args[0] if args else "build/openapi.json").resolve()
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / PACKAGE
        generate(document, fresh)
        if check:
            changed = differences(CLIENT_DIR / PACKAGE, fresh)
            if changed:
                print(f"clients/python/{PACKAGE} is not what {document.name} generates; run")
                print("  make python-client")
                print("and commit the result. Differing files:\n  " + "\n  ".join(changed[:40]))
                return 1
            print(f"clients/python/{PACKAGE} matches {document.name}")
            return 0
        shutil.rmtree(CLIENT_DIR / PACKAGE, ignore_errors=True)
        shutil.copytree(fresh, CLIENT_DIR / PACKAGE)
    print(f"wrote clients/python/{PACKAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
