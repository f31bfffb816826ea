"""The charts' font: one family, "Analysis Sans", with Latin and Arabic glyphs.

vl-convert (PNG/SVG export) draws every label with the first family the chart names and, for
characters that family lacks, falls back to whatever system font has them (on Debian, DejaVu's
heavy Arabic), so Arabic and Latin labels must come from a single family. ``build_fonts`` merges
Noto Sans (Latin, punctuation, arrows) with Noto Sans Arabic, both SIL OFL 1.1 and shipped in
``analysis/resources/fonts`` with their licence; the merged files are shipped beside them and
rebuilt by ``python -m analysis.charts.fonts`` (``make fonts``).

``register_fonts()`` makes the family known to vl-convert; ``font_face_css(text)`` gives an
``@font-face`` rule with the family subset to the characters of ``text`` (base64, no network)
for HTML pages, so browsers draw the same glyphs as the PNGs.
"""

from __future__ import annotations

import base64
import functools
import io
import pickle
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"
FAMILY = "Analysis Sans"
FALLBACK = f"'{FAMILY}', 'Noto Sans', 'Noto Sans Arabic', 'DejaVu Sans', sans-serif"
WEIGHTS = {"Regular": 400, "Bold": 700}
_LATIN = [
    (0x0020, 0x024F), (0x02B0, 0x02FF), (0x0300, 0x036F), (0x1E00, 0x1EFF), (0x2000, 0x206F),
    (0x20A0, 0x20CF), (0x2100, 0x214F), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x25A0, 0x25FF),
]


def font_path(weight: str = "Regular") -> Path:
    """The merged font file of ``weight`` (Regular or Bold)."""
    return FONT_DIR / f"AnalysisSans-{weight}.ttf"


def _subset(path: Path, unicodes: list[int] | None):
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(path)
    options = subset.Options()
    options.hinting = False
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["DSIG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes if unicodes is not None else font.getBestCmap().keys())
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    buffer.seek(0)
    return buffer


def _rename(font, weight: str, stamp: int) -> None:
    names = font["name"]
    full = f"{FAMILY} {weight}" if weight != "Regular" else FAMILY
    postscript = f"AnalysisSans-{weight}"
    for record in list(names.names):
        if record.nameID in (1, 4, 16, 17, 6, 3):
            names.removeNames(nameID=record.nameID)
    for name_id, value in ((1, FAMILY), (2, weight), (3, f"{postscript};merged Noto Sans + Noto Sans Arabic"), (4, full), (6, postscript)):
        names.setName(value, name_id, 3, 1, 0x409)
        names.setName(value, name_id, 1, 0, 0)
    names.setName(
        "Copyright 2015-2020 Google LLC (Noto Sans, Noto Sans Arabic). Merged for the analysis package; "
        "licensed under the SIL Open Font License 1.1.", 0, 3, 1, 0x409,
    )
    # the Arabic source's date instead of the build time, so that a rebuild gives the same bytes
    font["head"].created = font["head"].modified = stamp
    font["OS/2"].usWeightClass = WEIGHTS[weight]


def build_fonts(source: Path = FONT_DIR, target: Path = FONT_DIR) -> list[Path]:
    """Merge Noto Sans (Latin) and Noto Sans Arabic of each weight into ``AnalysisSans-*.ttf``."""
    from fontTools.merge import Merger
    from fontTools.ttLib import TTFont

    latin = [code for low, high in _LATIN for code in range(low, high + 1)]
    written = []
    for weight in WEIGHTS:
        arabic = _subset(source / f"NotoSansArabic-{weight}.ttf", None)
        # Noto Sans Arabic has its own digits, space and punctuation marks; Latin glyphs come second
        parts = [arabic, _subset(source / f"NotoSans-{weight}.ttf", latin)]
        stamp = TTFont(source / f"NotoSansArabic-{weight}.ttf")["head"].modified
        merged = Merger().merge(parts)
        buffer = io.BytesIO()
        merged.save(buffer)
        font = TTFont(io.BytesIO(buffer.getvalue()), recalcTimestamp=False)
        _rename(font, weight, stamp)
        path = target / font_path(weight).name
        font.save(path)
        written.append(path)
    return written


@functools.cache
def register_fonts() -> str:
    """Register the shipped fonts with vl-convert (once per process); return the family name."""
    import vl_convert

    if not font_path().is_file():
        raise FileNotFoundError(f"{font_path()} is missing: run `make fonts` to rebuild it from the Noto fonts beside it")
    vl_convert.register_font_directory(str(FONT_DIR))
    return FAMILY


@functools.cache
def _parsed_font(weight: str) -> bytes:
    """The merged font of ``weight``, parsed once and kept pickled: unpickling a parsed font is
    twice as fast as parsing it again, and each subset needs a fresh copy."""
    from fontTools.ttLib import TTFont

    font = TTFont(font_path(weight), recalcTimestamp=False)
    font.ensureDecompiled()
    return pickle.dumps(font)


def font_face_css(text: str, weights: tuple[str, ...] = ("Regular", "Bold")) -> str:
    """``@font-face`` rules embedding the merged font, subset to the characters of ``text``.

    Arabic shaping needs the contextual forms of each letter: the subset keeps every glyph the
    font's substitutions reach from those characters, so words join right.
    """
    characters = "".join(sorted(set(text) | set("0123456789 .,:;%-–()[]/+")))
    return _font_face_css(characters, weights)


@functools.lru_cache(maxsize=256)
def _font_face_css(characters: str, weights: tuple[str, ...]) -> str:
    from fontTools import subset

    rules = []
    for weight in weights:
        font = pickle.loads(_parsed_font(weight))
        options = subset.Options()
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.notdef_outline = True
        options.hinting = False
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=characters)
        subsetter.subset(font)
        buffer = io.BytesIO()
        font.save(buffer)
        data = base64.b64encode(buffer.getvalue()).decode("ascii")
        rules.append(
            f"@font-face {{ font-family: '{FAMILY}'; font-style: normal; font-weight: {WEIGHTS[weight]}; "
            f"src: url(data:font/ttf;base64,{data}) format('truetype'); }}"
        )
    return "\n".join(rules)


if __name__ == "__main__":
    for written_path in build_fonts():
        print(f"wrote {written_path} ({written_path.stat().st_size:,} bytes)")
