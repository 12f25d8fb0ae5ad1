"""No-break spaces keep their words together when a line wraps (French « : ; ! ? »).

Rich's line wrapping (which Textual's `Content` uses too) splits words at Python's
`\\s`, and `\\s` matches U+00A0 and U+202F: "chiffrées\\u00a0: pour" would wrap
with the colon alone at the start of the next line, the very thing the no-break
space of the French catalog is there to prevent. `install` makes them part of a word.
"""

from __future__ import annotations

import re

from rich import _wrap

NO_BREAK = "\u00a0\u2007\u202f"
"""No-break space, figure space, narrow no-break space."""


def install() -> None:
    """Make Rich (and so Textual) wrap lines at ordinary spaces only, never at no-break ones."""
    space = rf"[^\S{NO_BREAK}]"
    _wrap.re_word = re.compile(rf"{space}*(?:\S|[{NO_BREAK}])+{space}*")
