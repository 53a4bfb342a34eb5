"""A fresh machine: the README's two commands set themselves up with only python3 and python3-venv."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ("scripts/test", "scripts/demo", "scripts/_uv.sh", ".ci/run", ".ci/fresh-machine")


def test_no_script_installs_into_the_users_python() -> None:
    """PEP 668: Debian's python3 refuses `pip install --user` (and a bare `pip install`)."""
    for name in SCRIPTS:
        lines = [line for line in (ROOT / name).read_text(encoding="utf-8").splitlines()
                 if not line.lstrip().startswith("#")]
        assert not any("--user" in line for line in lines), name
        for line in lines:
            if "pip install" in line:
                assert "$UV_VENV/bin/python" in line, f"{name}: {line.strip()}"


def _checkout_without_uv(tmp_path: Path, python3: str | None) -> tuple[Path, Path]:
    """A copy of the scripts, and a bin folder with the few tools they use (no uv; `python3` as given)."""
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "scripts", checkout / "scripts")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("dirname", "basename", "mkdir", "rm"):
        found = shutil.which(tool, path="/usr/bin:/bin")
        assert found is not None
        (bin_dir / tool).symlink_to(found)
    if python3 is not None:
        (bin_dir / "python3").write_text(python3, encoding="utf-8")
        (bin_dir / "python3").chmod(0o755)
    return checkout, bin_dir


def _run_test_script(checkout: Path, bin_dir: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    home = tmp_path / "home"
    home.mkdir()
    bash = shutil.which("bash", path="/usr/bin:/bin")
    assert bash is not None
    return subprocess.run([bash, str(checkout / "scripts" / "test")], capture_output=True, text=True,
                          env={"HOME": str(home), "PATH": str(bin_dir)}, check=False)


def test_without_python3_venv_the_script_names_the_package_once(tmp_path: Path) -> None:
    # Debian's python3 without python3-venv: ensurepip is missing, so `python3 -m venv` cannot work
    real = shutil.which("python3", path="/usr/bin:/bin") or shutil.which("python3")
    fake = f'#!/bin/sh\ncase "$*" in *ensurepip*) exit 1;; esac\nexec {real} "$@"\n'
    checkout, bin_dir = _checkout_without_uv(tmp_path, fake)
    result = _run_test_script(checkout, bin_dir, tmp_path)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "sudo apt-get install python3-venv" in lines[0]
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert not (checkout / ".tools").exists()


def test_without_python3_the_script_says_what_to_install(tmp_path: Path) -> None:
    checkout, bin_dir = _checkout_without_uv(tmp_path, None)
    result = _run_test_script(checkout, bin_dir, tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "test: python3 is missing; install it with: sudo apt-get install python3 python3-venv"]


def test_scripts_are_executable() -> None:
    for name in ("scripts/test", "scripts/demo", ".ci/run", ".ci/fresh-machine"):
        assert os.access(ROOT / name, os.X_OK), name


FAKE_PYTHON3 = """#!/bin/sh
# python3 with venv and ensurepip, whose virtual environments get a uv that records its arguments
case "$*" in
  *"import sys"*) exit 0;;
  *ensurepip*) exit 0;;
esac
if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then
  mkdir -p "$3/bin"
  cat > "$3/bin/python" <<'PY'
#!/bin/sh
[ "$1 $2 $3" = "-m pip install" ] || exit 1
case "$*" in *--user*) exit 1;; esac
here="$(dirname "$0")"
printf '#!/bin/sh\\necho "$*" >> "%s/uv-calls"\\n' "$here" > "$here/uv"
chmod +x "$here/uv"
PY
  chmod +x "$3/bin/python"
  exit 0
fi
exit 1
"""


def test_without_uv_it_is_installed_privately_and_the_arguments_reach_pytest(tmp_path: Path) -> None:
    checkout, bin_dir = _checkout_without_uv(tmp_path, FAKE_PYTHON3)
    for tool in ("cat", "chmod", "sh"):
        found = shutil.which(tool, path="/usr/bin:/bin")
        assert found is not None
        (bin_dir / tool).symlink_to(found)
    home = tmp_path / "home"
    home.mkdir()
    bash = shutil.which("bash", path="/usr/bin:/bin")
    assert bash is not None
    result = subprocess.run([bash, str(checkout / "scripts" / "test"), "tests/test_dates.py", "-k", "leap year"],
                            capture_output=True, text=True, env={"HOME": str(home), "PATH": str(bin_dir)},
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "installing uv into .tools/uv (once)"
    calls = (checkout / ".tools" / "uv" / "bin" / "uv-calls").read_text(encoding="utf-8").splitlines()
    assert calls == ["sync --locked --quiet --compile-bytecode", "run --locked ruff check .", "run --locked mypy",
                     "run --locked pytest -q tests/test_dates.py -k leap year"]
    assert not (home / ".local").exists()  # nothing went into the user's own Python
