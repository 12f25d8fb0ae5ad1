"""Errors the store raises; each message is one plain line the UI can show as is."""

from __future__ import annotations

from gpp_tui.i18n import _


class StoreError(Exception):
    """Something the user should be told about their saved data."""


class SaveError(StoreError):
    """A save did not happen; the file on disk and the data in memory are both unchanged."""


class ReadOnlyError(SaveError):
    """The store was opened read-only (another copy running, or a newer file)."""


class UnreadableFileError(StoreError):
    """A stored file cannot be read: bad bytes, bad TOML, or values of the wrong type."""


class NewerSchemaError(StoreError):
    """A file written by a newer gpp-tui, which this version must not overwrite."""

    def __init__(self, found: int, supported: int) -> None:
        super().__init__(
            _(
                "it was written by a newer gpp-tui (schema_version {found}; this "
                "version reads up to {supported})"
            ).format(found=found, supported=supported)
        )
        self.found = found
        self.supported = supported


class EncryptedFileError(UnreadableFileError):
    """A file is encrypted and cannot be read with what was given; it is left untouched."""


class WrongPassphraseError(StoreError):
    """The passphrase does not open the data folder's key."""


class DamagedKeyError(StoreError):
    """`key.age` is not a readable key: cut short, altered, or holding something else."""
