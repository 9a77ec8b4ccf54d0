"""Persian text normalisation, search keys and digit conversion.

``normalize`` is the single boundary normaliser for text that is stored: forms,
imports and API input should pass through it before hitting the database.  It is
deterministic and conservative -- it never guesses where a missing ZWNJ belongs.

``search_key`` is a lossy, aggressive fold used only for matching/lookup
(e.g. an indexed ``name_key`` column); it must never be shown to users.

Decisions (kept in one place so reviewers can challenge them):

* Arabic yeh (ي) and alef maksura (ى) become Persian yeh (ی); Arabic kaf (ك)
  becomes Persian kaf (ک).  These are keyboard artefacts, never meaningful in
  Persian text.
* Yeh with hamza (ئ) and waw with hamza (ؤ) are *kept* by ``normalize``: they
  are legitimate Persian letters (مسئول، مؤسسه).  ``search_key`` folds them to
  ی/و because both spellings (مؤسسه / موسسه) are in everyday use.
* Teh marbuta (ة) and heh with yeh above (ۀ, also typed as ه + U+0654 «هٔ»)
  become a plain heh (ه).  Persian writes Arabic loanwords with ه, and the
  ezafe hamza on ۀ/هٔ is an optional grammatical marker (the Academy allows
  omitting it) that keyboards produce in three different ways; storing a bare
  ه makes names compare equal at the cost of dropping an optional marker.
* Hamza-on-alef forms (أ إ ٱ) become ا; alef with madda (آ) is kept.
* Digits of every script (Persian ۰-۹, Arabic-Indic ٠-٩) are stored as ASCII
  0-9.  Stored text is then byte-for-byte comparable, sortable, greppable and
  safe to feed to identifier parsers; the display layer (``numbers.digits`` and
  the ``fa_digits`` filter) converts them back when the active language is Persian.
* Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef, Quranic
  marks) and the tatweel ـ are removed.
* Invisible format characters (ZWJ, ZWSP, BOM, LRM/RLM/ALM, bidi embeddings and
  isolates, soft hyphen) are removed.  ZWNJ is kept only *between two letters*,
  with runs collapsed to one.
* All whitespace (including NBSP and U+202F) collapses to a single space and
  the ends are stripped; with ``multiline=True`` line breaks survive.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

__all__ = [
    "ZWNJ",
    "normalize",
    "search_key",
    "to_latin_digits",
    "to_persian_digits",
]

ZWNJ: Final = "\u200c"

PERSIAN_DIGITS: Final = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS: Final = "٠١٢٣٤٥٦٧٨٩"
LATIN_DIGITS: Final = "0123456789"

_TO_LATIN_DIGITS: Final = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS, LATIN_DIGITS * 2)
_TO_PERSIAN_DIGITS: Final = str.maketrans(LATIN_DIGITS + ARABIC_DIGITS, PERSIAN_DIGITS * 2)

# Zero-width and bidi control characters removed outright (ZWNJ is handled separately).
_INVISIBLE: Final = (
    "\u00ad"  # soft hyphen
    "\u061c"  # Arabic letter mark
    "\u180e"  # Mongolian vowel separator
    "\u200b"  # zero-width space
    "\u200d"  # zero-width joiner
    "\u200e\u200f"  # LRM, RLM
    "\u202a\u202b\u202c\u202d\u202e"  # bidi embeddings / overrides
    "\u2060"  # word joiner
    "\u2066\u2067\u2068\u2069"  # bidi isolates
    "\ufeff"  # BOM / zero-width no-break space
)

# Arabic combining marks and the tatweel, removed by ``normalize``.
_DIACRITICS: Final = (
    "".join(chr(c) for c in range(0x064B, 0x0660))  # tanwin, harakat, shadda, sukun, hamzas
    + "\u0670"  # superscript alef
    + "".join(chr(c) for c in range(0x06D6, 0x06DD))  # Quranic annotation marks
    + "".join(chr(c) for c in range(0x06DF, 0x06E5))
    + "\u06e7\u06e8"
    + "".join(chr(c) for c in range(0x06EA, 0x06EE))
    + "\u0640"  # tatweel
)

_LETTERS: Final = {
    "ي": "ی",  # U+064A Arabic yeh
    "ى": "ی",  # U+0649 alef maksura
    "ك": "ک",  # U+0643 Arabic kaf
    "ڪ": "ک",  # U+06AA swash kaf
    "ة": "ه",  # U+0629 teh marbuta
    "ۀ": "ه",  # U+06C0 heh with yeh above
    "ە": "ه",  # U+06D5 ae (renders like a final heh)
    "أ": "ا",  # U+0623
    "إ": "ا",  # U+0625
    "ٱ": "ا",  # U+0671 alef wasla
    "ٲ": "ا",  # U+0672
    "ٳ": "ا",  # U+0673
}

_NORMALIZE_TABLE: Final = str.maketrans(
    {
        **_LETTERS,
        **{ch: None for ch in _INVISIBLE + _DIACRITICS},
        **{ch: LATIN_DIGITS[i % 10] for i, ch in enumerate(PERSIAN_DIGITS + ARABIC_DIGITS)},
    }
)

# Extra folds used only by ``search_key``.
_SEARCH_TABLE: Final = str.maketrans({"ؤ": "و", "ئ": "ی", "آ": "ا", "ء": None})

# Arabic presentation forms (contextual glyph code points produced by some PDF
# extractors and legacy systems); NFKC maps them to ordinary letters.
_PRESENTATION_FORMS: Final = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
_ZWNJ_RUN: Final = re.compile(f"{ZWNJ}{{2,}}")
_BLANK_LINES: Final = re.compile(r"\n{3,}")


def _nfkc(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", match.group())


def _clean_zwnj(text: str) -> str:
    """Collapse ZWNJ runs and drop every ZWNJ that does not sit between two letters."""
    text = _ZWNJ_RUN.sub(ZWNJ, text)
    if ZWNJ not in text:
        return text
    out: list[str] = []
    last = len(text) - 1
    for i, ch in enumerate(text):
        if ch == ZWNJ and not (0 < i < last and text[i - 1].isalpha() and text[i + 1].isalpha()):
            continue
        out.append(ch)
    return "".join(out)


def _collapse_spaces(text: str) -> str:
    return " ".join(text.split())


def normalize(text: str | None, *, multiline: bool = False) -> str:
    """Return the canonical stored form of ``text`` (see the module docstring).

    ``None`` becomes ``""``.  With ``multiline=True`` line breaks are kept (each
    line is collapsed and stripped; runs of blank lines shrink to one), which
    suits textarea fields such as descriptions and addresses.
    """
    if not text:
        return ""
    text = _PRESENTATION_FORMS.sub(_nfkc, text)
    text = unicodedata.normalize("NFC", text)
    # A Persian yeh followed by a combining hamza is a decomposed ئ; keep the letter.
    text = text.replace("ی\u0654", "ئ")
    text = text.translate(_NORMALIZE_TABLE)
    text = unicodedata.normalize("NFC", text)
    text = _clean_zwnj(text)
    if not multiline:
        return _collapse_spaces(text)
    lines = [_collapse_spaces(line) for line in text.splitlines()]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")


def search_key(text: str | None) -> str:
    """Return an aggressive matching key for ``text``.

    The key is ``normalize``-d, case-folded, has hamza carriers and madda folded
    (ؤ→و, ئ→ی, آ→ا, ء removed) and keeps *only* letters and digits, so ZWNJ,
    spaces and punctuation (hyphens, dots, «،» …) do not matter:
    «تعاونی‌ها», «تعاونیها», «تعاوني ها» and «تعاونى‌ها» share one key, as do
    «شرکت تعاونی ۱۲» and «شركت تعاوني 12».

    Trade-off: word boundaries are lost, so distinct phrases that only differ in
    spacing (or in hamza/madda) collide.  That is acceptable for a lookup or
    de-duplication key, which is why this must never replace stored text.
    """
    folded = normalize(text).casefold().translate(_SEARCH_TABLE)
    kept = "".join(ch for ch in folded if ch.isalnum())
    return unicodedata.normalize("NFC", kept)


def to_latin_digits(value: str | int) -> str:
    """Convert Persian and Arabic-Indic digits in ``value`` to ASCII digits."""
    return str(value).translate(_TO_LATIN_DIGITS)


def digit_code(text: str | None) -> str:
    """A code typed in any digit script, perhaps with spaces (a tracking code): its Latin
    digits with the spaces taken out. Anything else typed is kept, for the caller to refuse."""
    return to_latin_digits(normalize(text)).replace(" ", "")


def to_persian_digits(value: str | int) -> str:
    """Convert ASCII and Arabic-Indic digits in ``value`` to Persian digits (۰-۹)."""
    return str(value).translate(_TO_PERSIAN_DIGITS)
