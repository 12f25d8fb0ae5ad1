"""Notes under lock: encryption at rest in the age format (https://age-encryption.org).

Why age: it is a small, well-reviewed, standard file format with independent
implementations (`age`, `rage`, pyrage here), so a user who loses this program
can still open their notes with the `age` command. The design is age's own
"passphrase-protected identity":

- `key.age` in the data folder holds a random X25519 identity, encrypted with the
  user's passphrase (age's scrypt mode: memory-hard, about a second to unlock);
- every data file (annotations, its `.bak`, drafts, quarantined copies) is an age
  file encrypted to that identity, so a save costs microseconds, not a second.

Without this program: `age -d key.age > key.txt` (asks the passphrase), then
`age -d -i key.txt annotations.toml`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from gpp_tui.filereader import UnreadableError, read_bytes
from gpp_tui.i18n import _, ngettext
from gpp_tui.store.atomic import atomic_write_bytes
from gpp_tui.store.errors import (
    DamagedKeyError,
    EncryptedFileError,
    StoreError,
    WrongPassphraseError,
)

AGE_HEADER = b"age-encryption.org/v1\n"
KEY_FILE = "key.age"
MIN_PASSPHRASE = 8
MAX_KEY_BYTES = 64_000
WRONG_PASSPHRASE_MESSAGE = "Decryption failed"


def is_encrypted(data: bytes) -> bool:
    """True for bytes in the age format."""
    return data.startswith(AGE_HEADER)


def encryption_enabled(folder: Path) -> bool:
    """True when the data folder is under lock (it has a key file)."""
    return (folder / KEY_FILE).exists()


class AgeCodec:
    """The byte seam of the store: encrypts what is written, decrypts what is read."""

    def __init__(self, identity_text: str) -> None:
        from pyrage import x25519

        self._identity = x25519.Identity.from_str(identity_text.strip())
        self._recipient = self._identity.to_public()

    @property
    def identity(self) -> object:
        """The X25519 identity (a team's device files are sealed to its public key too)."""
        return self._identity

    def encode(self, data: bytes) -> bytes:
        """Encrypted bytes for the disk."""
        import pyrage

        return bytes(pyrage.encrypt(data, [self._recipient]))

    def decode(self, data: bytes) -> bytes:
        """Plain bytes; a file not yet encrypted (an interrupted `gpp encrypt`) reads as is."""
        if not is_encrypted(data):
            return data
        import pyrage

        try:
            return bytes(pyrage.decrypt(data, [self._identity]))
        except pyrage.DecryptError as error:
            raise EncryptedFileError(
                _("it is encrypted with another key than this folder's key.age")
            ) from error


def unlock(folder: Path, passphrase: str) -> AgeCodec:
    """The codec for a folder under lock (WrongPassphraseError if the passphrase is wrong)."""
    from pyrage import DecryptError
    from pyrage import passphrase as age_passphrase

    key_path = folder / KEY_FILE
    try:
        sealed = read_bytes(key_path, limit=MAX_KEY_BYTES)
    except OSError as error:
        raise StoreError(
            _("cannot read {key_path} ({strerror})").format(
                key_path=key_path, strerror=error.strerror
            )
        ) from error
    except UnreadableError as error:
        raise DamagedKeyError(_damaged(key_path, str(error))) from error
    if not is_encrypted(sealed) or b"\n-> scrypt " not in sealed[: sealed.find(b"\n---")]:
        raise DamagedKeyError(_damaged(key_path, _("it is not a passphrase-protected age file")))
    try:
        plain = bytes(age_passphrase.decrypt(sealed, passphrase))
    except DecryptError as error:
        # pyrage says "Decryption failed" when no stanza opens with this passphrase;
        # a cut or altered file fails later, with other words.
        if str(error) == WRONG_PASSPHRASE_MESSAGE:
            raise WrongPassphraseError(_("wrong passphrase; nothing was changed")) from error
        raise DamagedKeyError(_damaged(key_path, _("it is cut short or altered"))) from error
    try:
        return AgeCodec(plain.decode("utf-8"))
    except Exception as error:  # pyrage.IdentityError, UnicodeDecodeError: both mean damage
        raise DamagedKeyError(_damaged(key_path, _("it does not hold a key"))) from error


def _damaged(key_path: Path, why: str) -> str:
    return _("the key file {key_path} is damaged ({why}); nothing was changed").format(
        key_path=key_path, why=why
    )


def data_files(folder: Path) -> Iterator[Path]:
    """Every file that can hold note text: annotations, backup, drafts, quarantined copies."""
    for pattern in ("annotations.toml", "annotations.toml.bak", "annotations.toml.corrupt-*"):
        yield from sorted(folder.glob(pattern))
    yield from sorted((folder / "drafts").glob("*.toml"))


def encrypt_folder(folder: Path, passphrase: str) -> int:
    """Put the folder under lock; returns how many files were encrypted.

    Safe to run again after an interruption: files already encrypted are skipped.
    The caller must hold the store's lock (no copy of the app may be running).
    """
    from pyrage import passphrase as age_passphrase
    from pyrage import x25519

    if len(passphrase) < MIN_PASSPHRASE:
        raise StoreError(
            _("the passphrase must have at least {count} characters").format(count=MIN_PASSPHRASE)
        )
    key_path = folder / KEY_FILE
    if key_path.exists():
        codec = unlock(folder, passphrase)
    else:
        orphans = [path for path in data_files(folder) if is_encrypted(_read(path))]
        if orphans:
            names = ", ".join(str(path) for path in orphans)
            raise StoreError(
                ngettext(
                    "{key_path} is missing but {names} is encrypted with it; a new key could "
                    "never open it. Put key.age back (from a backup) and run gpp encrypt "
                    "again; nothing was changed",
                    "{key_path} is missing but {names} are encrypted with it; a new key could "
                    "never open them. Put key.age back (from a backup) and run gpp encrypt "
                    "again; nothing was changed",
                    len(orphans),
                ).format(key_path=key_path, names=names)
            )
        identity = x25519.Identity.generate()
        sealed = bytes(age_passphrase.encrypt(str(identity).encode("utf-8"), passphrase))
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write_bytes(key_path, sealed)
        codec = AgeCodec(str(identity))
        del identity
    count = 0
    for path in data_files(folder):
        data = _read(path)
        if is_encrypted(data):
            continue

        def check(sealed: bytes, plain: bytes = data) -> None:
            if codec.decode(sealed) != plain:
                raise OSError("the encrypted file did not decrypt to what was written")

        atomic_write_bytes(path, codec.encode(data), check=check)
        count += 1
    return count


def _read(path: Path) -> bytes:
    """A data file's bytes (StoreError for one that is not a regular file or too large)."""
    from gpp_tui.store.annotation_store import MAX_STORE_BYTES

    try:
        return read_bytes(path, limit=MAX_STORE_BYTES)
    except UnreadableError as error:
        raise StoreError(
            _("{path} was left as it is: {error}; stopped there").format(path=path, error=error)
        ) from error


def decrypt_folder(folder: Path, passphrase: str) -> int:
    """Take the folder out of lock (plain TOML again); returns how many files were decrypted."""
    codec = unlock(folder, passphrase)
    count = 0
    for path in data_files(folder):
        data = _read(path)
        if is_encrypted(data):
            atomic_write_bytes(path, codec.decode(data))
            count += 1
    (folder / KEY_FILE).unlink()
    return count
