#!/usr/bin/env sh
# Prints the path of a Python >= 3.12 interpreter, or explains and fails.
check() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }
for candidate in "${PYTHON:-}" python3 python3.14 python3.13 python3.12 python; do
  [ -n "$candidate" ] || continue
  if command -v "$candidate" >/dev/null 2>&1 && check "$candidate"; then
    command -v "$candidate"; exit 0
  fi
done
# pyenv and similar managers keep interpreters that their shims may not expose.
for candidate in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python3 /usr/local/bin/python3.1[2-9] /usr/bin/python3.1[2-9]; do
  if [ -x "$candidate" ] && check "$candidate"; then echo "$candidate"; exit 0; fi
done
echo "Headway needs Python 3.12 or newer and none was found." >&2
echo "Install one (for example with your package manager or pyenv), or point PYTHON at it: make run PYTHON=/path/to/python3.12" >&2
exit 1
