"""Allow `python -m gpp_tui`."""

from gpp_tui.cli import main

raise SystemExit(main())
