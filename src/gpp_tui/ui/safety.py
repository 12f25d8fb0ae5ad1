"""Terminal safety for everything the UI draws: control characters become visible pictures.

Rich's `Text` and Textual's `Content` remove a few control characters (BEL, BS,
VT, FF, CR) and pass the rest, ESC and C1 included, straight to the terminal:
a note holding `ESC ] 52 ; c ; …` would set the clipboard, `ESC ] 2 ;` the
window title. Every string a widget shows goes through one of those two
constructors, so that is where `install` puts `display.picture`, which replaces
each control character and bidi override by one visible character. Offsets are
unchanged, so styles, wrapping and the text area's cursor stay where they were;
the stored text is never touched.
"""

from __future__ import annotations

import rich.text
import textual.content

from gpp_tui.display import picture


def install() -> None:
    """Make every Rich `Text` and Textual `Content` built from now on terminal-safe."""
    rich.text.strip_control_codes = _safe  # type: ignore[attr-defined]
    textual.content._strip_control_codes = _safe


def _safe(text: str, _translate_table: object = None) -> str:
    return picture(text)
