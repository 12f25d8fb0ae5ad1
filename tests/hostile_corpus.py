"""Hostile strings for tests: terminal escapes, C1 controls, bidi overrides, markup, long text."""

from __future__ import annotations

import re

from hypothesis import strategies as st

OSC52 = "\x1b]52;c;ZWNobyBwd25lZAo=\x07"
"""Sets the clipboard to `echo pwned` on terminals that honour OSC 52."""
OSC2 = "\x1b]2;PWNED\x1b\\"
"""Sets the window title."""

SEQUENCES = [
    OSC52,
    OSC2,
    "\x1b]0;title\x07",
    "\x1b[2J",
    "\x1bc",
    "\x1b[6n",
    "\x1b[31m",
    "\x9b2J",
    "\x9d0;c1 title\x9c",
    "\x1bP+q544e\x1b\\",
    "\r",
    "\x08\x08\x08",
    "\x00",
    "\x7f",
    "\u202egnp.exe",
    "\u2066isolated\u2069",
    "\u202a\u202b\u202c\u202d",
    "[/]",
    "[b]bold",
    "[red]x[/red]",
    "[link=http://x]y[/link]",
    "[@click=app.quit]q[/]",
    "$var ${x} {0} %s",
    "\\",
    "\"'",
    "<b>&amp;</b>",
]

ORDINARY = [
    "\u0646\u0648\u0634\u062a\u0647",
    "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
    "\u05e9\u05dc\u05d5\u05dd",
    "émoji 🙂",
    "e\u0301",
    "tab\there",
    "two\nlines",
]
"""Text that must come through unchanged: RTL scripts, ZWNJ, combining marks, tab, newline."""

_ALPHABET = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from([chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]]),
    st.sampled_from([chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]]),
    st.sampled_from(["\u200c", "\u200d", "\u200e", "\u200f", "\ufeff", "\u2028"]),
)

hostile_text = st.one_of(
    st.lists(
        st.one_of(st.sampled_from(SEQUENCES + ORDINARY), st.text(_ALPHABET, max_size=8)),
        max_size=12,
    ).map("".join),
    st.sampled_from(SEQUENCES).map(lambda seq: seq * 500),
).filter(lambda text: text.strip() != "")
"""Strings built from escape sequences, controls, overrides, markup and ordinary text."""

RAW_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What must never reach a terminal raw (newline and tab may)."""


def assert_terminal_safe(output: str) -> None:
    """Fail when `output` holds a raw control character or bidi override."""
    found = RAW_UNSAFE.search(output)
    assert found is None, f"raw {found.group()!r} at {found.start()} in {output[:200]!r}"


def hostile_pack(title: str, text: str) -> str:
    """A valid pack (id "hostile", recommendation H.1) whose every string field is hostile."""
    from gpp_tui.store.tomltext import format_string as s

    return f"""\
schema_version = 1

[pack]
id = "hostile"
title = {s(title)}
source = {s(text)}
version = {s(title)}
description = {s(text)}

[[sections]]
id = "intro"
title = {s(title)}
body = {s(text)}

[[areas]]
id = "H"
title = {s(title)}
summary = {s(text)}

[[areas.recommendations]]
id = "H.1"
title = {s(title)}
summary = {s(text)}
context = {s(text)}
tags = [{s(title)}]

[[areas.recommendations.references]]
label = {s(title)}
note = {s(text)}

[[glossary]]
id = "term:hostile"
term = {s(title)}
definition = {s(text)}
"""
