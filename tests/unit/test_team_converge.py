"""Three devices, three copies of the team folder, files delivered in any order: all converge."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from team_helpers import PACK, Device, join
from test_exchange_merge import annotation_sets

from gpp_tui.exchange.merge import merge
from gpp_tui.store.models import Annotations
from gpp_tui.team.join import JoinedView, join_indexed, join_with
from gpp_tui.team.join import join as join_all
from gpp_tui.team.layout import TeamFolder


def canonical(annotations: Annotations) -> dict[tuple[str, str], object]:
    """Notes (as a set) and status of every node: what must agree across devices."""
    return {
        (pack_id, node_id): (
            frozenset(node.notes),
            node.status,
            node.status_changed,
            tuple(sorted(node.deleted.items())),
        )
        for pack_id, nodes in annotations.packs.items()
        for node_id, node in nodes.items()
        if not node.is_empty
    }


def well_formed(annotations: Annotations) -> bool:
    """No note is a conflict copy of itself (the merge never makes one)."""
    return all(
        note.conflict_of != note.id
        for nodes in annotations.packs.values()
        for node in nodes.values()
        for note in node.notes
    )


@settings(max_examples=100, deadline=None)
@given(
    st.lists(annotation_sets.filter(well_formed), min_size=1, max_size=4),
    st.randoms(use_true_random=False),
)
def test_the_join_gives_the_notes_of_merging_one_by_one_in_any_order(
    sources: list[Annotations], rng: object
) -> None:
    order = list(sources)
    rng.shuffle(order)  # type: ignore[attr-defined]
    folded = Annotations()
    for source in order:
        folded = merge(folded, source).annotations
    assert canonical(join_all(sources)) == canonical(folded)
    assert canonical(join_all([*sources, *sources[:1]])) == canonical(folded)


NODES = ("A.1", "B.2")
operations = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.integers(0, 2), st.sampled_from(NODES), st.text(max_size=5)),
        st.tuples(st.just("edit"), st.integers(0, 2), st.integers(0, 20), st.text(max_size=5)),
        st.tuples(st.just("delete"), st.integers(0, 2), st.integers(0, 20), st.just("")),
        st.tuples(st.just("status"), st.integers(0, 2), st.sampled_from(NODES), st.just("")),
        # Take a file from copy i now, to deliver later (a delay), maybe twice (a duplicate).
        st.tuples(st.just("take"), st.integers(0, 2), st.integers(0, 2), st.just("")),
        st.tuples(
            st.just("deliver"),
            st.integers(0, 20),
            st.integers(0, 2),
            st.sampled_from(["", "conflict"]),
        ),
        st.tuples(st.just("look"), st.integers(0, 2), st.just(0), st.just("")),
    ),
    max_size=25,
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(operations)
def test_three_copies_of_the_folder_converge_whatever_the_delivery(
    tmp_path_factory: object, steps: list[tuple[str, int, object, str]]
) -> None:
    root: Path = tmp_path_factory.mktemp("converge")  # type: ignore[attr-defined]
    TeamFolder.create(root / "copy0", "Team", encrypted=False)
    for i in (1, 2):
        shutil.copytree(root / "copy0", root / f"copy{i}")
    devices: list[Device] = [join(root, root / f"copy{i}", f"member{i}") for i in range(3)]
    in_flight: list[tuple[str, str, bytes]] = []  # (folder, name, bytes)
    try:
        for kind, who, what, text in steps:
            device = devices[who % 3]
            view = device.view
            notes = [
                (node_id, note.id) for node_id in NODES for note in view.notes_for(PACK, node_id)
            ]
            if kind == "add":
                device.add(str(what), text)
            elif kind in ("edit", "delete") and notes:
                node_id, note_id = notes[int(what) % len(notes)]  # type: ignore[call-overload]
                if kind == "edit":
                    device.edit(node_id, note_id, text)
                else:
                    device.delete(node_id, note_id)
            elif kind == "status":
                with device.store.update() as edit:
                    edit.cycle_status(PACK, str(what))
            elif kind == "take":
                copy = root / f"copy{who}"
                for sub in ("devices", "members"):
                    for path in sorted((copy / sub).iterdir()):
                        in_flight.append((sub, path.name, path.read_bytes()))
            elif kind == "deliver" and in_flight:
                sub, name, data = in_flight[who % len(in_flight)]
                _deliver(root / f"copy{what}", sub, name, data, devices[int(what)], text)  # type: ignore[call-overload]
            elif kind == "look":
                device.review.refresh()
        # In the end every copy gets every device's latest files (and the old ones in flight).
        for sub, name, data in in_flight:
            for i in range(3):
                _deliver(root / f"copy{i}", sub, name, data, devices[i], "conflict")
        for source in range(3):
            for sub in ("devices", "members"):
                for path in sorted((root / f"copy{source}" / sub).iterdir()):
                    if path.name.split(".")[0] != devices[source].review.device_id:
                        continue
                    for i in range(3):
                        if i != source:
                            _deliver(
                                root / f"copy{i}", sub, path.name, path.read_bytes(), devices[i], ""
                            )
        views = [canonical(device.view) for device in devices]
        expected = canonical(join_all([device.store.annotations for device in devices]))
        assert views[0] == views[1] == views[2] == expected
    finally:
        for device in devices:
            device.close()


def _deliver(copy: Path, sub: str, name: str, data: bytes, device: Device, how: str) -> None:
    """Put a file into a copy as a sync engine would (never over that device's own file)."""
    own = name.split(".")[0] == device.review.device_id
    if how == "conflict" or own:
        if own and not how:
            return
        stem, _, extension = name.rpartition(".")
        name = f"{stem}.sync-conflict-20261201-{abs(hash(data)) % 1000000:06d}-ABCDEFG.{extension}"
    target = copy / sub / name
    temporary = copy / sub / f".syncthing.{name}.tmp"
    temporary.write_bytes(data)
    os.replace(temporary, target)


@settings(max_examples=100, deadline=None)
@given(annotation_sets)
def test_a_device_file_reads_back_the_same_by_the_quick_and_the_careful_path(
    annotations: Annotations,
) -> None:
    from gpp_tui.team import device_file

    data = device_file.render("team", "d000000000000", "Amina", annotations)
    quick = device_file.parse(data)
    careful = device_file.parse_carefully(data)
    assert quick.annotations == careful.annotations == annotations
    assert (quick.author, quick.device_id, quick.written) == (
        careful.author,
        careful.device_id,
        careful.written,
    )


@settings(max_examples=150, deadline=None)
@given(
    annotation_sets.filter(well_formed),
    st.lists(annotation_sets.filter(well_formed), min_size=0, max_size=4),
)
def test_joining_the_others_first_then_this_device_gives_the_same_view(
    local: Annotations, others: list[Annotations]
) -> None:
    # The team view joins this device's notes with the join of the others, kept between
    # looks: that must be the join of them all.
    at_once = join_all([local, *others])
    in_two = join_all([local, join_all(others)])
    assert canonical(in_two) == canonical(at_once)
    assert in_two == at_once
    # As the team view does it: this device's notes against the others' indexed join.
    joined = JoinedView(join_all(others))
    assert join_with(local, joined) == at_once
    assert join_with(local, joined) == at_once  # the index made once serves again
    indexed = join_indexed(others)  # the index made by the join itself
    assert indexed.annotations == join_all(others)
    assert join_with(local, indexed) == at_once
