# Sourced by scripts/test and scripts/demo: find `uv`, or install it into a private virtual
# environment inside the checkout (.tools/uv, ignored by git). Never `pip install --user`:
# Debian's Python refuses it (PEP 668), and a user-wide uv is not ours to change.
# Sets UV to the uv to run. Every failure is one line on stderr and exit status 1.

DOSSIER_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
UV_VENV="$DOSSIER_ROOT/.tools/uv"

_uv_fail() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

ensure_uv() {
  export UV_PYTHON_DOWNLOADS=never  # use the machine's python3, never a downloaded one
  # Trust the system's certificate store, as apt and pip do: an office network whose proxy has its own
  # authority there works too (uv otherwise trusts only its built-in list). Older uv reads the second name.
  export UV_SYSTEM_CERTS="${UV_SYSTEM_CERTS:-1}" UV_NATIVE_TLS="${UV_NATIVE_TLS:-1}"
  if [ -x "$UV_VENV/bin/uv" ]; then
    UV="$UV_VENV/bin/uv"
    return
  fi
  if command -v uv >/dev/null 2>&1; then
    UV="$(command -v uv)"
    return
  fi
  if [ -x "$HOME/.local/bin/uv" ]; then  # uv's own installer puts it here
    UV="$HOME/.local/bin/uv"
    return
  fi
  command -v python3 >/dev/null 2>&1 ||
    _uv_fail "python3 is missing; install it with: sudo apt-get install python3 python3-venv"
  python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null ||
    _uv_fail "Dossier needs Python 3.11 or later; python3 is $(python3 -c 'import platform; print(platform.python_version())' 2>/dev/null || echo unknown)"
  python3 -c 'import ensurepip, venv' >/dev/null 2>&1 ||
    _uv_fail "python3 cannot make a virtual environment; install it with: sudo apt-get install python3-venv"
  echo "installing uv into .tools/uv (once)" >&2
  mkdir -p "$DOSSIER_ROOT/.tools"
  local log="$DOSSIER_ROOT/.tools/uv-install.log"
  if ! python3 -m venv "$UV_VENV" >"$log" 2>&1; then
    rm -rf "$UV_VENV"
    _uv_fail "could not make a virtual environment in .tools/uv (details in .tools/uv-install.log)"
  fi
  if ! "$UV_VENV/bin/python" -m pip install --quiet --disable-pip-version-check uv >>"$log" 2>&1; then
    rm -rf "$UV_VENV"
    _uv_fail "could not install uv into .tools/uv; is the network reachable? (details in .tools/uv-install.log)"
  fi
  UV="$UV_VENV/bin/uv"
}
