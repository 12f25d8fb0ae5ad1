"""A footer that shows the keys that fit, whole items in priority order, Help and Quit first."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from gpp_tui.i18n import N_, _

ALWAYS = ("app.help", "app.quit")
"""Binding ids kept in the footer whatever its width (a remap keeps the id)."""

TEXT_FIELDS = frozenset({"Input", "TextArea"})
"""Textual widgets that take letters as text (by name: importing TextArea would slow the start)."""

QUIT = Binding("q", "app.quit", N_("Quit"), id="app.quit")
"""For dialogs without a text field: a modal screen stops the app's own q (same id: one remap)."""

QUIT_WHILE_TYPING = "ctrl+q"
"""Quits from a text field, where q is a letter (Textual's own binding, priority over fields)."""

PALETTE_WIDTH_EXTRA = 2
"""The palette item's divider and right padding, on top of a key item's own padding."""


def item_width(key_display: str, description: str) -> int:
    """Cells a footer item takes: ' key ' then 'description '."""
    return cell_len(key_display) + cell_len(description) + 3


class FittingFooter(Footer):
    """Textual's footer, but never a key without its label: items that do not fit are dropped.

    Help and Quit always stay, then the command palette, then the focused part's own
    keys (notes, links, dialogs), then the screen's keys in their declared order.
    Descriptions are translated here, as they are drawn: bindings are made at import.
    """

    def compose(self) -> ComposeResult:
        """Footer keys, as many whole ones as the width allows."""
        if not self._bindings_ready:
            return
        screen = self.screen
        width = self.app.size.width
        seen: set[str] = set()
        candidates: list[tuple[int, Binding, bool, str, str]] = []
        for node, binding, enabled, tooltip in screen.active_bindings.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            if binding.id in ALWAYS:
                rank = ALWAYS.index(binding.id)
            elif node is not screen and node is not self.app:
                rank = 3  # the focused widget's own keys
            else:
                rank = 4
            if binding.id == "app.quit" and self._typing_letters(binding):
                binding = Binding(
                    QUIT_WHILE_TYPING, binding.action, binding.description, id=binding.id
                )
            shown = self.app.get_key_display(binding)
            candidates.append((rank, binding, enabled, tooltip, shown))
        if "app.quit" not in {candidate[1].id for candidate in candidates}:
            # A dialog that stops the app's q (it takes text): Textual's ctrl+q works over all.
            binding = Binding(QUIT_WHILE_TYPING, "app.quit", N_("Quit"), id="app.quit")
            shown = self.app.get_key_display(binding)
            candidates.append((1, binding, True, "", shown))
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            palette = screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        left = width
        if palette is not None:
            _node, binding, _enabled, _tip = palette
            cost = item_width(self.app.get_key_display(binding), _(binding.description))
            if cost + PALETTE_WIDTH_EXTRA <= left - 16:  # room for Help and Quit first
                left -= cost + PALETTE_WIDTH_EXTRA
            else:
                palette = None
        chosen: set[int] = set()
        for index, (_rank, binding, _enabled, _tip, shown) in sorted(
            enumerate(candidates), key=lambda item: (item[1][0], item[0])
        ):
            cost = item_width(shown, _(binding.description))
            if cost <= left or binding.id in ALWAYS:
                chosen.add(index)
                left -= cost
        quit_last = sorted(
            (item for index, item in enumerate(candidates) if index in chosen),
            key=lambda item: item[1].id == "app.quit",
        )
        for _rank, binding, enabled, tooltip, shown in quit_last:
            yield FooterKey(
                binding.key,
                shown,
                _(binding.description),
                binding.action,
                disabled=not enabled,
                tooltip=_(tooltip) if tooltip else tooltip,
            ).data_bind(compact=Footer.compact)
        if palette is not None:
            _node, binding, enabled, _tip = palette
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                _(binding.description),
                binding.action,
                classes="-command-palette",
                disabled=not enabled,
                tooltip=_(binding.tooltip or binding.description),
            )

    def _typing_letters(self, binding: Binding) -> bool:
        """True when the focused widget takes `binding`'s key as a typed character."""
        typed = len(binding.key) == 1 and binding.key.isprintable()
        focused = self.screen.focused
        kinds = {kind.__name__ for kind in type(focused).__mro__} if focused else set()
        return typed and not kinds.isdisjoint(TEXT_FIELDS)

    def on_resize(self, event: events.Resize) -> None:
        """Choose again what fits at the new width."""
        if self._bindings_ready:
            self.call_after_refresh(self.recompose)
