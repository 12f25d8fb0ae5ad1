"""Property tests: any note text, tags and times saved to disk come back identical."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gpp_tui.store.annotation_store import AnnotationStore
from gpp_tui.store.models import Annotations, Bookmark, NodeAnnotations, Note, ReviewStatus
from gpp_tui.store.serialize import AnnotationsWriter, annotations_to_raw, decode, encode
from gpp_tui.store.tomltext import dumps, format_string

# Every code point a str can hold except lone surrogates (which UTF-8 cannot carry;
# see test_lone_surrogates_are_replaced), weighted towards the awkward ones.
awkward = st.sampled_from(
    [
        *["\r", "\n", "\r\n", "\x00", "\t", "\x7f", "\x1b", '"', "'", "'''", '"""', "\\"],
        *[
            "\u202e",
            "\u2028",
            "\ufeff",
            "دری",
            "فارسی",
            "🙂",
            "👩🏽‍⚖️",
            "\\n",
            "\\u0000",
            "#",
            "[",
            "=",
        ],
    ]
)
texts = st.lists(st.text() | awkward, max_size=12).map("".join)
long_texts = st.text(min_size=5_000, max_size=20_000)
moments = st.datetimes(
    min_value=datetime(1970, 1, 2),
    max_value=datetime(9998, 12, 31),
    timezones=st.sampled_from(
        [UTC, timezone(timedelta(hours=4, minutes=30)), timezone(timedelta(hours=-11))]
    ),
)
ids = st.text(min_size=1, max_size=20) | st.sampled_from(["A.1", ":pack", "term:asylum", "D.3"])


@st.composite
def notes(draw: st.DrawFn) -> Note:
    created = draw(moments)
    return Note(
        text=draw(texts | long_texts) if draw(st.integers(0, 20)) == 0 else draw(texts),
        tags=tuple(draw(st.lists(texts, max_size=3))),
        created=created,
        updated=draw(moments),
        author=draw(texts),
        text_hash=draw(st.sampled_from(["", "0123456789abcdef"])),
        conflict_of=draw(st.sampled_from(["", "5e0f0c1e-1111-4222-8333-944455556666"])),
        supersedes=tuple(sorted(draw(st.sets(st.sampled_from(["0123456789abcdef", "f" * 16]))))),
    )


@st.composite
def nodes(draw: st.DrawFn) -> NodeAnnotations:
    node = NodeAnnotations(
        status=draw(st.sampled_from(list(ReviewStatus))),
        status_changed=draw(st.none() | moments),
        bookmark=draw(st.none() | st.builds(Bookmark, label=texts, created=moments)),
        notes=tuple(draw(st.lists(notes(), max_size=3))),
        deleted=draw(
            st.dictionaries(
                ids,
                st.lists(st.sampled_from(["0123456789abcdef", "f" * 16]), min_size=1).map(
                    lambda hashes: tuple(sorted(set(hashes)))
                ),
                max_size=2,
            )
        ),
    )
    if node.is_empty:
        return node.model_copy(update={"notes": (draw(notes()),)})
    return node


annotations = st.builds(
    Annotations,
    packs=st.dictionaries(ids, st.dictionaries(ids, nodes(), min_size=1, max_size=3), max_size=3),
)


@given(texts | long_texts)
def test_any_string_reads_back_exactly(text: str) -> None:
    assert tomllib.loads(f"v = {format_string(text)}\n")["v"] == text


@given(texts)
def test_any_key_reads_back_exactly(key: str) -> None:
    assert tomllib.loads(dumps({"t": {key: {key: "x"}}})) == {"t": {key: {key: "x"}}}


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(annotations)
def test_annotations_round_trip_through_bytes(value: Annotations) -> None:
    data = encode(value, AnnotationsWriter())
    assert decode(data) == value
    assert tomllib.loads(data.decode("utf-8")) == annotations_to_raw(value)


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(annotations)
def test_annotations_round_trip_through_the_store(
    tmp_path_factory: object, value: Annotations
) -> None:
    folder = Path(tmp_path_factory.mktemp("data"))  # type: ignore[attr-defined]
    with AnnotationStore(folder) as store:
        store._annotations = value  # an arbitrary state, as if built by many edits
        assert store.save()
    with AnnotationStore(folder) as again:
        assert again.messages == []
        assert again.annotations == value
        for pack_id, nodes_ in value.packs.items():
            for node_id, node in nodes_.items():
                for note in node.notes:
                    stored = again.annotations.node(pack_id, node_id).note(note.id)
                    assert stored is not None
                    assert stored.text == note.text
                    assert stored.created == note.created
                    assert stored.created.microsecond == note.created.microsecond


def test_crlf_and_lone_cr_survive_where_tomli_w_would_change_them() -> None:
    text = "line one\r\nline two\rstill two\nthree"
    baseline = tomllib.loads(tomli_w.dumps({"v": text}, multiline_strings=True))["v"]
    assert baseline != text  # the reason this writer exists
    assert tomllib.loads(f"v = {format_string(text)}")["v"] == text


def test_multiline_notes_are_readable_in_an_editor() -> None:
    text = "First paragraph in Dari: سلام\n\nSecond paragraph 🙂"
    assert format_string(text) == "'''\n" + text + "'''"


def test_lone_surrogates_are_replaced_and_pairs_joined() -> None:
    note = Note(text="a\ud800b\ud83d\ude42", created=datetime.now(UTC), updated=datetime.now(UTC))
    assert note.text == "a\ufffdb🙂"


def test_times_are_stored_in_utc_to_the_microsecond() -> None:
    moment = datetime(2025, 3, 1, 14, 5, 6, 123456, tzinfo=timezone(timedelta(hours=-5)))
    note = Note(text="x", created=moment, updated=moment)
    value = Annotations(packs={"p": {"A.1": NodeAnnotations(notes=(note,))}})
    data = encode(value, AnnotationsWriter())
    assert b"created = 2025-03-01T19:05:06.123456Z" in data
    loaded = decode(data).node("p", "A.1").notes[0].created
    assert loaded == moment
    assert loaded.tzinfo == UTC
