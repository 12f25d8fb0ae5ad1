"""`gpp team sync` when the team folder is in a git work tree: commit this device's files,
pull with rebase, push, with the system git. Each device commits only its own files, so a
rebase never conflicts; `git log` of the folder is the team's record of who changed what."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gpp_tui.i18n import _
from gpp_tui.store.models import Annotations, Note
from gpp_tui.team.review import TeamReview
from gpp_tui.team.seal import NotForUsError

_TIMEOUT = 120


class GitSyncError(Exception):
    """Sync stopped; one line saying where and why. Nothing is lost: notes stay saved."""


def describe_changes(before: Annotations | None, after: Annotations, author: str = "") -> str:
    """What changed in a device's notes, for a commit message: '2 notes added, 1 changed'.

    A colleague's note new in this device's file, in an edited version, was brought in to
    be edited (`author`: this device's user): changed, not added. A deletion is a note
    newly marked deleted (a colleague's too, which was never in this file)."""
    old = _items(before or Annotations())
    new = _items(after)
    added = [key for key in new if key[0] == "note" and key not in old]
    theirs = sum(1 for key in added if _edited_colleagues(new[key], author))
    counts = {
        "added": len(added) - theirs,
        "changed": theirs
        + sum(1 for key in new if key[0] == "note" and key in old and old[key] != new[key]),
        "deleted": sum(1 for key in new if key[0] == "gone" and old.get(key) != new[key]),
    }
    parts = [f"{n} note{'s' if n != 1 else ''} {what}" for what, n in counts.items() if n]
    statuses = sum(
        1 for key in new.keys() | old.keys() if key[0] == "status" and old.get(key) != new.get(key)
    )
    marks = sum(
        1 for key in new.keys() | old.keys() if key[0] == "mark" and old.get(key) != new.get(key)
    )
    if statuses:
        parts.append(f"{statuses} review status{'es' if statuses != 1 else ''}")
    if marks:
        parts.append(f"{marks} bookmark{'s' if marks != 1 else ''}")
    return ", ".join(parts) or "no change to notes"


def _edited_colleagues(note: object, author: str) -> bool:
    """True for a note by someone else, in a version that replaces an earlier one."""
    return isinstance(note, Note) and bool(note.supersedes) and note.author != author


def _items(annotations: Annotations) -> dict[tuple[str, ...], object]:
    items: dict[tuple[str, ...], object] = {}
    for pack_id, nodes in annotations.packs.items():
        for node_id, node in nodes.items():
            if node.status_changed is not None:
                items[("status", pack_id, node_id)] = (node.status, node.status_changed)
            items[("mark", pack_id, node_id)] = node.bookmark
            for note in node.notes:
                items[("note", pack_id, node_id, note.id)] = note
            for family, versions in node.deleted.items():
                items[("gone", pack_id, node_id, family)] = versions
    return items


class GitFolder:
    """A team folder inside a git work tree."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._git = shutil.which("git")
        if self._git is None:
            raise GitSyncError(_("git is not installed (not on PATH); nothing was synced"))
        top = self._run("rev-parse", "--show-toplevel", check=False)
        if top.returncode != 0:
            raise GitSyncError(
                _("{folder} is not in a git work tree; nothing was synced").format(folder=folder)
            )
        self.top = Path(top.stdout.strip())

    def committed(self, path: Path) -> bytes | None:
        """The bytes of `path` at HEAD (None when it is not committed yet)."""
        relative = path.resolve().relative_to(self.top.resolve()).as_posix()
        shown = self._run("show", f"HEAD:{relative}", check=False, text=False)
        return shown.stdout if shown.returncode == 0 and isinstance(shown.stdout, bytes) else None

    def sync(self, own_files: Sequence[Path], message: str, author: str, device: str) -> list[str]:
        """Commit `own_files`, pull --rebase, push; what happened, one line per step."""
        lines: list[str] = []
        paths = [str(path) for path in own_files if path.exists()]
        env = self._identity_env(author, device)
        if paths:
            self._run("add", "--", *paths)
            staged = self._run("diff", "--cached", "--quiet", "--", *paths, check=False)
            if staged.returncode != 0:
                self._run("commit", "--quiet", "-m", message, "--", *paths, env=env)
                lines.append(_("committed: {message}").format(message=message))
            else:
                lines.append(_("nothing new to commit from this device"))
        remotes = self._run("remote").stdout.split()
        if not remotes:
            lines.append(_("no git remote: committed here only, nothing pulled or pushed"))
            return lines
        upstream = self._run("rev-parse", "--abbrev-ref", "@{upstream}", check=False)
        if upstream.returncode == 0:
            pull_args = ["pull", "--rebase", "--autostash", "--quiet"]
            push_args = ["push", "--quiet"]
        else:
            branch = self._run("rev-parse", "--abbrev-ref", "HEAD").stdout.strip()
            remote = "origin" if "origin" in remotes else remotes[0]
            pull_args = ["pull", "--rebase", "--autostash", "--quiet", remote, branch]
            push_args = ["push", "--quiet", "--set-upstream", remote, branch]
        pulled = self._run(*pull_args, check=False, env=env)
        if pulled.returncode != 0:
            reason = _last_line(pulled.stderr)
            if "couldn't find remote ref" not in reason:
                self._run("rebase", "--abort", check=False)
                raise GitSyncError(
                    _(
                        "git pull failed ({reason}); your commit is kept here, try again later"
                    ).format(reason=reason)
                )
        else:
            lines.append(_("pulled the others' changes"))
        pushed = self._run(*push_args, check=False, env=env)
        if pushed.returncode != 0:
            raise GitSyncError(
                _(
                    "git push failed ({reason}); your commit is kept here, `gpp team "
                    "sync` again later"
                ).format(reason=_last_line(pushed.stderr))
            )
        lines.append("pushed")
        return lines

    def _identity_env(self, author: str, device: str) -> dict[str, str]:
        """Use the user's git identity; without one, their gpp-tui name and device."""
        env = dict(os.environ)
        if self._run("config", "user.email", check=False).stdout.strip():
            return env
        name = author or f"gpp-tui device {device}"
        email = f"{device}@gpp-tui.invalid"
        env.update(
            GIT_AUTHOR_NAME=name,
            GIT_AUTHOR_EMAIL=email,
            GIT_COMMITTER_NAME=name,
            GIT_COMMITTER_EMAIL=email,
        )
        return env

    def _run(
        self,
        *args: str,
        check: bool = True,
        env: dict[str, str] | None = None,
        text: bool = True,
    ) -> subprocess.CompletedProcess[Any]:
        run_env = dict(env or os.environ)
        run_env.update(GIT_TERMINAL_PROMPT="0", LC_ALL="C", GIT_EDITOR="true")
        assert self._git is not None
        try:
            result: subprocess.CompletedProcess[Any] = subprocess.run(
                [self._git, "-C", str(self.folder), *args],
                capture_output=True,
                text=text,
                env=run_env,
                timeout=_TIMEOUT,
                check=False,
                stdin=subprocess.DEVNULL,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise GitSyncError(
                _("git {command} did not run ({error}); nothing was lost").format(
                    command=args[0], error=error
                )
            ) from None
        if check and result.returncode != 0:
            raise GitSyncError(
                _("git {command} failed ({reason}); nothing was lost").format(
                    command=args[0], reason=_last_line(str(result.stderr))
                )
            )
        return result


def _last_line(text: object) -> str:
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    return lines[-1] if lines else "no message"


def sync_review(review: TeamReview, local: Annotations) -> list[str]:
    """`gpp team sync`: publish, commit, pull, push, then read what the others changed."""
    lines = sync_files(review, local)
    refresh = review.refresh()
    if refresh.read:
        lines.append(
            _("read {count} changed file(s) from the others").format(count=len(refresh.read))
        )
    return lines


def sync_files(review: TeamReview, local: Annotations) -> list[str]:
    """Publish this device's file, commit it, pull, push; what happened, one line per step.

    Reads nothing of the others: the caller refreshes (the app, so its view follows).
    """
    from gpp_tui.team import device_file

    git = GitFolder(review.team.path)
    review.publish(local)
    own = review.own_files()
    before = None
    committed = git.committed(review.team.device_file(review.device_id))
    if committed is not None:
        try:
            before = device_file.parse(review.files.seal.open(committed)).annotations
        except (device_file.DeviceFileError, NotForUsError):
            before = None  # the message then counts every note as added
    name = review.author or "someone"
    message = (
        f"{name} (device {review.device_id}): {describe_changes(before, local, review.author)}"
    )
    return git.sync(own, message, review.author, review.device_id)
