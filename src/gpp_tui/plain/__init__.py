"""A line-by-line mode for screen readers and braille displays, over the same Session (no textual).

`gpp --plain` (or TERM=dumb, GPP_TUI_PLAIN=1, or `plain = true` in the settings)
reads one command per line and answers in plain lines: first where you are,
then the answer. No colours, no drawing, no cursor movement, words for marks.
"""

from __future__ import annotations

from collections.abc import Mapping

OFF_WORDS = ("0", "false", "no", "off")


def wants_plain(environ: Mapping[str, str], setting: bool | None, flag: bool = False) -> bool:
    """True when the plain mode should start instead of the full-screen app.

    `--plain` wins; then GPP_TUI_PLAIN (1 for on, 0 for off, even on a dumb
    terminal); then the setting; then TERM=dumb, where a drawn screen cannot work.
    """
    if flag:
        return True
    chosen = environ.get("GPP_TUI_PLAIN", "").strip().casefold()
    if chosen:
        return chosen not in OFF_WORDS
    if setting is not None:
        return setting
    return environ.get("TERM", "") == "dumb"
