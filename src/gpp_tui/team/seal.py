"""How device files are sealed: plain TOML in a plain team, age-encrypted to the accepted
members' public keys in an encrypted one (https://age-encryption.org)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from gpp_tui.store.crypto import is_encrypted


class NotForUsError(Exception):
    """An encrypted file this device cannot open: its writer has not accepted this device."""


class Seal(Protocol):
    """Turns a device file's plain bytes into what goes on disk, and back."""

    recipient: str
    """This device's public key (empty in a plain team)."""

    def seal(self, data: bytes) -> bytes:
        """The bytes to write."""
        ...

    def open(self, data: bytes) -> bytes:
        """The plain bytes of a file read (NotForUsError when it is not encrypted to us)."""
        ...


class PlainSeal:
    """A plain team: files are TOML anyone can read."""

    recipient = ""

    def seal(self, data: bytes) -> bytes:
        """The bytes unchanged."""
        return data

    def open(self, data: bytes) -> bytes:
        """The bytes; an encrypted file cannot be read without an identity."""
        if is_encrypted(data):
            raise NotForUsError("it is encrypted and this data folder has no key")
        return data


class AgeSeal:
    """An encrypted team: files are age files to every recipient this device accepted."""

    def __init__(self, identity: Any, recipients: Iterable[str] = ()) -> None:
        self._identity = identity
        self.recipient = str(identity.to_public())
        self._recipients: list[Any] = []
        self.set_recipients(recipients)

    def set_recipients(self, recipients: Iterable[str]) -> None:
        """Whom files are sealed to from now on (this device is always one of them)."""
        from pyrage import x25519

        keys = sorted({self.recipient, *recipients})
        self._recipients = [x25519.Recipient.from_str(key) for key in keys]

    def seal(self, data: bytes) -> bytes:
        """An age file that each accepted member can open with their identity."""
        import pyrage

        return bytes(pyrage.encrypt(data, self._recipients))

    def open(self, data: bytes) -> bytes:
        """The plain bytes (NotForUsError when the writer did not include this device)."""
        if not is_encrypted(data):
            return data
        import pyrage

        try:
            return bytes(pyrage.decrypt(data, [self._identity]))
        except pyrage.DecryptError:
            raise NotForUsError(
                "it is not encrypted to you (not accepted by its writer yet)"
            ) from None


def seal_text(text: str, recipients: Iterable[str]) -> str:
    """`text` as an armored age message to `recipients` (public keys age1…)."""
    import pyrage
    from pyrage import x25519

    keys = [x25519.Recipient.from_str(key) for key in sorted(set(recipients))]
    return bytes(pyrage.encrypt(text.encode("utf-8"), keys, armored=True)).decode("ascii")


def open_text(sealed: str, identity: Any) -> str:
    """The text of an armored age message, or "" when it is not sealed to `identity`."""
    import pyrage

    try:
        return bytes(pyrage.decrypt(sealed.encode("ascii"), [identity])).decode("utf-8")
    except (pyrage.DecryptError, UnicodeError, ValueError):
        return ""
