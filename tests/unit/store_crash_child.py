"""Helper for the crash test: saves annotations and a draft in a loop until it is killed."""

from __future__ import annotations

import sys
from pathlib import Path

from gpp_tui.store.annotation_store import AnnotationStore

PACK = "wigj-gpp"


def main(folder: Path) -> None:
    """Add one note per save, forever; note k has the text `note k` plus awkward Unicode."""
    store = AnnotationStore(folder)
    assert not store.read_only, store.messages
    count = store.annotations.note_total
    print("ready", count, flush=True)
    while True:
        with store.update() as edit:
            edit.add_note(PACK, f"N.{count % 97}", f"note {count}\r\nدری 🙂 " + "x" * (count % 300))
            edit.cycle_status(PACK, f"N.{count % 97}")
        store.save_draft(PACK, "D.3", None, f"draft {count}")
        count += 1
        print("saved", count, flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
