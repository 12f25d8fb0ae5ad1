"""Generate a large, valid content pack and a matching annotations file for benchmarks.

Run:  python benchmarks/make_pack.py OUTDIR [--recommendations 10000] [--areas 50]
      [--notes 10000] [--seed 7]
Writes OUTDIR/pack.toml (about 3 MB: varied words, some accents, related ids that
exist) and OUTDIR/annotations.toml (notes and bookmark labels, some in Persian,
Arabic, Spanish and French). The output depends only on the arguments.
"""

from __future__ import annotations

import argparse
import random
import sys
import tomllib
from pathlib import Path
from typing import Any

import tomli_w

from gpp_tui.content import load_pack
from gpp_tui.search import UserDoc

PACK_ID = "bench"


def _words(text: str) -> list[str]:
    return text.split()


NOUNS = _words(
    """accountability advocacy apartheid arbitration assessment asylum authority autonomy
boundary campaign charge child citizenship coalition community compensation complaint conduct
confidentiality conviction court crime custody database defence deprivation detention dignity
disability discrimination displacement documentation education employment enforcement equality
ethnicity evidence exclusion exile family framework funding guarantee guidance harassment harm
healthcare hearing identity impunity indicator information inheritance inquiry institution
intersectionality interview investigation judge judgment jurisdiction justice law lawyer
leadership legislation liberty livelihood mandate marriage mechanism mediation memory minority
mission monitoring movement network obligation oversight participation partnership persecution
petition policy practice prevention privacy procedure property prosecution prosecutor
protection referral reform refuge registration rehabilitation reparation reparations report
reprisal research resilience restitution retaliation review right risk safeguard safety
sanction security sentence service shelter statute strategy support surveillance survivor
testimony threat tribunal trust verdict victim violence vulnerability warrant welfare witness
"""
)
VERBS = _words(
    """adopt align assess build challenge clarify collect combine consult coordinate
criminalise document enable ensure establish evaluate expand finance guarantee identify
implement improve include integrate investigate map mobilise monitor prioritise promote
protect recognise record reduce reform reinforce remove report require respond restore review
safeguard share strengthen support train translate uphold verify"""
)
ADJECTIVES = _words(
    """accessible adequate collective comprehensive confidential consistent coordinated
cultural effective ethical fair gender-sensitive holistic inclusive independent informed
institutional intersectional judicial legal local long-term meaningful mobile national
participatory preventive proportionate prompt protective regional remote reparative
safe specialised structural survivor-centred sustainable systematic targeted
trauma-informed transparent universal urgent"""
)
GROUPS = _words(
    """women girls boys men survivors witnesses widows students journalists teachers
defenders activists lawyers nurses refugees detainees minorities families children elders
farmers workers"""
)
PLACES = _words(
    """Kabul Herat Tehran Mashhad Bogotá Medellín Kinshasa Goma Juba Khartoum Mosul Erbil
Sinjar Aleppo Idlib Gaza Sanaa Timbuktu Gao Bamako Abidjan Côte-d'Ivoire Yaoundé Bangui
Maiduguri Kigali Freetown Monrovia Kyiv Kharkiv Tbilisi Yerevan Istanbul Ağrı Diyarbakır
Naypyidaw Sittwe Cox's-Bazar Dhaka Kathmandu Port-au-Prince Tegucigalpa Guatemala Managua
Caracas Lima Cusco São-Paulo Zürich Genève München Malmö Kraków Hà-Nội Phnom-Penh"""  # noqa: RUF001
)
FOREIGN = _words(
    """réparation réparations protección víctimas justicia mémoire dignité sécurité
procès témoin témoins défense enquête mujeres niñas derechos reparación garantías
"""
)
INSTITUTIONS = _words("""ICC ICJ OTP UNHCR OHCHR CEDAW UNICEF UNFPA IOM ECOWAS""")
PREPOSITIONS = ["for", "with", "among", "alongside", "on behalf of", "beyond", "across"]
SYLLABLES = _words(
    """ka ra mi no sa de li to ve an ur os el ba zu fa gi he jo ky ma ne pe qu re
ti wa xo ye zo dar bel cor fin gal hin jor kel lum mor nar pol rin sel tor val"""
)
TAGS = [*NOUNS[:60], "follow-up", "do no harm", "witness protection", "gender apartheid"]
USER_TAGS = ["follow-up", "ask colleague", "urgent", "kabul-team", "draft", "court prep", "todo"]
FARSI = [
    "گزارش آزار و اذیت شاهدان در کابل",
    "پیگیری با همکار درباره حمایت از بازماندگان",
    "نیاز به ترجمه شهادت‌نامه",
    "جبران خسارت برای جامعه آسیب‌دیده",
]
ARABIC = ["متابعة حماية الشهود", "تعويضات جماعية للضحايا", "تقرير عن الاضطهاد القائم على النوع"]
SPANISH_FRENCH = [
    "Revisar la reparación colectiva con la fiscalía",
    "Vérifier la protection des témoins à Genève",
    "Preguntar por las garantías de no repetición",
    "Mémoire des victimes: consulter l'équipe",
]


class Writer:
    """Random but reproducible prose in the register of the principles."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.names = sorted(
            {
                "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 4)))
                for _ in range(4000)
            }
        )

    def pick(self, words: list[str]) -> str:
        return self.rng.choice(words)

    def noun(self) -> str:
        word = self.pick(NOUNS)
        roll = self.rng.random()
        if roll < 0.04:
            return self.pick(FOREIGN)
        if roll < 0.25 and not word.endswith(("s", "ce", "ty", "ion", "ge", "ism")):
            return word[:-1] + "ies" if word.endswith("y") else word + "s"
        return word

    def place(self) -> str:
        if self.rng.random() < 0.4:
            return self.rng.choice(self.names).capitalize()
        return self.pick(PLACES).replace("-", " ")

    def title(self) -> str:
        shape = self.rng.randrange(4)
        if shape == 0:
            words = [self.pick(ADJECTIVES), self.noun()]
        elif shape == 1:
            words = [self.pick(ADJECTIVES), self.noun(), self.noun()]
        elif shape == 2:
            words = [self.noun(), "and", self.noun()]
        else:
            words = [self.noun(), "for", self.pick(GROUPS)]
        return " ".join(w if w == "and" or w == "for" else w.capitalize() for w in words)

    def sentence(self) -> str:
        parts = [
            self.pick(VERBS).capitalize(),
            self.pick(ADJECTIVES),
            self.noun(),
            self.pick(PREPOSITIONS),
            self.pick(GROUPS),
        ]
        if self.rng.random() < 0.5:
            parts += ["in", self.place()]
        if self.rng.random() < 0.3:
            parts += ["through", self.pick(INSTITUTIONS), self.noun()]
        return " ".join(parts) + "."

    def reference(self) -> dict[str, Any]:
        year = self.rng.randint(1998, 2025)
        return {
            "label": f"{self.pick(INSTITUTIONS)} report on {self.noun()}, {year}",
            "note": self.sentence(),
            "verified": self.rng.random() < 0.8,
        }


def make_pack(writer: Writer, recommendations: int, areas: int) -> dict[str, Any]:
    """A raw pack (as TOML would parse it) with these many recommendations in areas."""
    rng = writer.rng
    per_area = [
        recommendations // areas + (1 if i < recommendations % areas else 0) for i in range(areas)
    ]
    area_ids = [f"X{i + 1:02d}" for i in range(areas)]
    rec_ids = [
        f"{area}.{j + 1}"
        for area, count in zip(area_ids, per_area, strict=True)
        for j in range(count)
    ]
    raw_areas: list[dict[str, Any]] = []
    ids = iter(rec_ids)
    for area_id, count in zip(area_ids, per_area, strict=True):
        recs: list[dict[str, Any]] = []
        for _ in range(count):
            rec_id = next(ids)
            rec: dict[str, Any] = {
                "id": rec_id,
                "title": writer.title(),
                "summary": writer.sentence(),
            }
            if rng.random() < 0.5:
                rec["context"] = writer.sentence() + " " + writer.sentence()
            rec["tags"] = sorted({writer.pick(TAGS) for _ in range(rng.randint(1, 3))})
            rec["related"] = sorted(
                {rng.choice(rec_ids) for _ in range(rng.randint(0, 2))} - {rec_id}
            )
            if rng.random() < 0.3:
                rec["references"] = [writer.reference()]
            recs.append(rec)
        raw_areas.append(
            {
                "id": area_id,
                "title": writer.title(),
                "summary": writer.sentence(),
                "recommendations": recs,
            }
        )
    return {
        "schema_version": 1,
        "pack": {
            "id": PACK_ID,
            "title": "Benchmark pack",
            "source": "Generated by benchmarks/make_pack.py",
            "description": "Invented recommendations for timing search and start-up.",
        },
        "sections": [{"id": "about", "title": "About this pack", "body": writer.sentence()}],
        "areas": raw_areas,
        "glossary": [{"term": w.capitalize(), "definition": writer.sentence()} for w in NOUNS[:40]],
    }


def make_annotations(writer: Writer, pack: dict[str, Any], notes: int) -> dict[str, Any]:
    """Notes (and a tenth as many bookmark labels) on random recommendations of the pack."""
    rng = writer.rng
    rec_ids = [rec["id"] for area in pack["areas"] for rec in area["recommendations"]]
    raw_notes: list[dict[str, Any]] = []
    for n in range(notes):
        roll = rng.random()
        if roll < 0.05:
            text = rng.choice(FARSI) + " " + writer.place()
        elif roll < 0.08:
            text = rng.choice(ARABIC)
        elif roll < 0.13:
            text = rng.choice(SPANISH_FRENCH)
        else:
            text = " ".join(writer.sentence() for _ in range(rng.randint(1, 3)))
        tags = sorted({rng.choice(USER_TAGS) for _ in range(rng.randint(0, 2))})
        raw_notes.append(
            {
                "pack": PACK_ID,
                "node": rng.choice(rec_ids),
                "id": f"n{n:05d}",
                "text": text,
                "tags": tags,
            }
        )
    bookmarks = [
        {
            "pack": PACK_ID,
            "node": node,
            "label": f"{writer.pick(VERBS)} {writer.noun()} {writer.place()}",
        }
        for node in sorted(rng.sample(rec_ids, min(len(rec_ids), notes // 10)))
    ]
    return {"schema_version": 1, "notes": raw_notes, "bookmarks": bookmarks}


def load_user_docs(path: Path) -> list[UserDoc]:
    """The notes and bookmark labels of an annotations file written by this script."""
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    docs = [
        UserDoc(n["pack"], n["node"], "note", n["text"], tuple(n["tags"]), n["id"])
        for n in raw["notes"]
    ]
    docs += [UserDoc(b["pack"], b["node"], "bookmark", b["label"]) for b in raw["bookmarks"]]
    return docs


def write(
    outdir: Path, *, recommendations: int, areas: int, notes: int, seed: int
) -> tuple[Path, Path]:
    """Write pack.toml and annotations.toml into outdir; return their paths."""
    outdir.mkdir(parents=True, exist_ok=True)
    writer = Writer(seed)
    pack = make_pack(writer, recommendations, areas)
    pack_path = outdir / "pack.toml"
    pack_path.write_text(tomli_w.dumps(pack, multiline_strings=False), encoding="utf-8")
    notes_path = outdir / "annotations.toml"
    raw_annotations = make_annotations(writer, pack, notes)
    notes_path.write_text(tomli_w.dumps(raw_annotations), encoding="utf-8")
    write_data_dir(outdir / "data", raw_annotations)
    return pack_path, notes_path


def write_data_dir(folder: Path, raw: dict[str, Any]) -> None:
    """The same notes and bookmarks as a gpp data folder (the store's own file format)."""
    from datetime import UTC, datetime, timedelta

    from gpp_tui.store.models import Annotations, Bookmark, NodeAnnotations, Note
    from gpp_tui.store.serialize import AnnotationsWriter, encode

    start = datetime(2026, 1, 1, tzinfo=UTC)
    by_node: dict[str, dict[str, Any]] = {}
    for n, note in enumerate(raw["notes"]):
        when = start + timedelta(minutes=n)
        entry = by_node.setdefault(note["node"], {"notes": []})
        entry["notes"].append(
            Note(id=note["id"], text=note["text"], tags=note["tags"], created=when, updated=when)
        )
    for bookmark in raw["bookmarks"]:
        entry = by_node.setdefault(bookmark["node"], {"notes": []})
        entry["bookmark"] = Bookmark(label=bookmark["label"], created=start)
    nodes = {
        node_id: NodeAnnotations(notes=tuple(e["notes"]), bookmark=e.get("bookmark"))
        for node_id, e in by_node.items()
    }
    folder.mkdir(parents=True, exist_ok=True)
    data = encode(Annotations(packs={PACK_ID: nodes}), AnnotationsWriter())
    (folder / "annotations.toml").write_bytes(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--recommendations", type=int, default=10_000)
    parser.add_argument("--areas", type=int, default=50)
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    pack_path, notes_path = write(
        args.outdir,
        recommendations=args.recommendations,
        areas=args.areas,
        notes=args.notes,
        seed=args.seed,
    )
    pack = load_pack(pack_path)
    count = sum(1 for _ in pack.recommendations)
    print(
        f"{pack_path}: {pack_path.stat().st_size / 1e6:.1f} MB, "
        f"{len(pack.areas)} areas, {count} recommendations"
    )
    print(
        f"{notes_path}: {notes_path.stat().st_size / 1e6:.1f} MB, "
        f"{len(load_user_docs(notes_path))} notes and bookmarks"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
