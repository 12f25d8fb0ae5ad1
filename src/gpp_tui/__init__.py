"""gpp-tui: review the Gender Persecution Principles offline and keep private notes."""

__version__ = "0.1.0"
