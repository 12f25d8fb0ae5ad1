#!/bin/sh
# Install gpp-tui from an offline bundle, without internet (Linux and macOS).
# scripts/build-offline-bundle copies this file into the bundle, next to wheels/.
#
#   sh install-offline.sh [TARGET_DIR]
#
# TARGET_DIR (default: ~/.local/opt/gpp-tui, or $GPP_INSTALL_DIR) becomes a Python virtual
# environment holding gpp-tui; run this again with a newer bundle to upgrade. Set
# PYTHON=/path/to/python3.X to choose the Python. Nothing is downloaded: pip gets --no-index.
set -eu

SUPPORTED="3.11 3.12 3.13"  # set by build-offline-bundle
HERE=$(cd "$(dirname "$0")" && pwd)
WHEELS="$HERE/wheels"
TARGET=${1:-${GPP_INSTALL_DIR:-$HOME/.local/opt/gpp-tui}}

fail() {
    echo "install-offline: $*" >&2
    exit 1
}

supported() {
    version=$("$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null) \
        || return 1
    for wanted in $SUPPORTED; do
        [ "$version" = "$wanted" ] && return 0
    done
    return 1
}

[ -d "$WHEELS" ] || fail "no wheels/ folder next to this script ($HERE)"

if [ -n "${PYTHON:-}" ]; then
    supported "$PYTHON" \
        || fail "$PYTHON is not Python $SUPPORTED (the bundle has wheels for those only)"
else
    PYTHON=""
    for candidate in python3 $(for v in $SUPPORTED; do echo "python$v"; done | sort -r) python
    do
        if command -v "$candidate" >/dev/null 2>&1 && supported "$candidate"; then
            PYTHON=$candidate
            break
        fi
    done
    [ -n "$PYTHON" ] || fail "no Python $SUPPORTED found. Install one (your system's" \
        "packages or python.org), or set PYTHON=/path/to/python3.X"
fi
echo "Using $PYTHON ($("$PYTHON" --version 2>&1)); installing into $TARGET"

if ! "$PYTHON" -m venv "$TARGET" 2>/dev/null; then
    # Debian and Ubuntu ship venv without ensurepip: make a bare venv, bring pip from here.
    "$PYTHON" -m venv --without-pip "$TARGET" \
        || fail "could not create a virtual environment in $TARGET"
    PIP_WHEEL=$(ls "$WHEELS"/pip-*.whl 2>/dev/null | head -n 1)
    [ -n "$PIP_WHEEL" ] || fail "no pip wheel in $WHEELS"
    "$TARGET/bin/python" "$PIP_WHEEL/pip" install --isolated --no-index \
        --find-links "$WHEELS" --quiet pip \
        || fail "could not install pip into $TARGET"
fi

"$TARGET/bin/python" -m pip install --isolated --no-index --find-links "$WHEELS" \
    --disable-pip-version-check --upgrade gpp-tui \
    || fail "pip could not install gpp-tui from $WHEELS (see above)"

"$TARGET/bin/gpp" --version || fail "gpp-tui was installed but does not start"

case ":$PATH:" in
    *":$HOME/.local/bin:"*)
        ln -sf "$TARGET/bin/gpp" "$HOME/.local/bin/gpp"
        echo "Done. Start it with: gpp"
        ;;
    *)
        echo "Done. Start it with: $TARGET/bin/gpp"
        ;;
esac
