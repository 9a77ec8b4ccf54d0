import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taavon.persian.text import (
    ZWNJ,
    normalize,
    search_key,
    to_latin_digits,
    to_persian_digits,
)

ZWJ = "\u200d"
NBSP = "\u00a0"
NNBSP = "\u202f"
LRM, RLM = "\u200e", "\u200f"
BOM = "\ufeff"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("", ""),
        ("   ", ""),
        # Arabic letters typed on Arabic keyboards.
        ("علي", "علی"),
        ("مصطفى", "مصطفی"),
        ("كرمان", "کرمان"),
        ("تعاوني كشاورزي", "تعاونی کشاورزی"),
        # Teh marbuta and heh-with-yeh-above (all three encodings) become a bare heh.
        ("مدرسة", "مدرسه"),
        ("خانۀ ما", "خانه ما"),
        ("خانه\u0654 ما", "خانه ما"),
        ("خان\u06d5", "خانه"),
        # Hamza on alef is dropped; madda and the hamza carriers ئ/ؤ are kept.
        ("أحمد", "احمد"),
        ("إسلام", "اسلام"),
        ("ٱلله", "الله"),
        ("آزاد", "آزاد"),
        ("\u0627\u0653زاد", "آزاد"),  # decomposed alef + madda above
        ("مسئول", "مسئول"),
        ("مسی\u0654ول", "مسئول"),  # Persian yeh + combining hamza
        ("مؤسسه", "مؤسسه"),
        # Digits of every script are stored as ASCII.
        ("پلاک ۱۲۳", "پلاک 123"),
        ("پلاک ١٢٣", "پلاک 123"),
        ("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789"),
        # Diacritics and tatweel are removed.
        ("م\u064fح\u064eم\u0651\u064eد", "محمد"),
        ("کتاب\u064c", "کتاب"),
        ("رحم\u0670ن", "رحمن"),
        ("تعــــاونی", "تعاونی"),
        ("ق\u064fل\u0652", "قل"),
        # ZWNJ: runs collapse, and only ZWNJs between two letters survive.
        (f"می{ZWNJ}{ZWNJ}{ZWNJ}روم", f"می{ZWNJ}روم"),
        (f"{ZWNJ}کتاب{ZWNJ}", "کتاب"),
        (f"کتاب{ZWNJ} ها", "کتاب ها"),
        (f"کتاب {ZWNJ}ها", "کتاب ها"),
        (f"کتاب{ZWNJ}.", "کتاب."),
        (f"پلاک{ZWNJ}۱۲", "پلاک12"),
        (f"تعاونی{ZWNJ}ها", f"تعاونی{ZWNJ}ها"),
        # Other invisible characters are removed.
        (f"تعا{ZWJ}ونی", "تعاونی"),
        (f"{BOM}سلام", "سلام"),
        (f"{RLM}سلام{LRM}", "سلام"),
        ("\u202bسلام\u202c", "سلام"),
        ("\u2067سلام\u2069", "سلام"),
        ("سل\u200bام", "سلام"),
        (f"{RLM}{ZWNJ} سلام", "سلام"),
        # Whitespace of every kind collapses to one space.
        (f"  شرکت{NBSP}{NBSP}تعاونی{NNBSP}مسکن\t\n ", "شرکت تعاونی مسکن"),
        ("a\u2009b\u3000c", "a b c"),
        # Arabic presentation forms (from PDFs) become ordinary letters.
        ("\ufeb3\ufefc\ufee1", "سلام"),
        ("\ufdfc", "ریال"),
        ("\ufbfe\ufb8f", "یک"),
        # Latin text is untouched apart from whitespace.
        ("Taavon  Co-op", "Taavon Co-op"),
    ],
)
def test_normalize(raw: str | None, expected: str) -> None:
    assert normalize(raw) == expected


def test_normalize_does_not_guess_missing_zwnj() -> None:
    assert normalize("می روم") == "می روم"
    assert normalize("تعاونیها") == "تعاونیها"


def test_normalize_multiline_keeps_line_breaks() -> None:
    raw = "  خیابان  اول \r\n\r\n\r\n\r\nپلاک ۱۲\u2028 واحد ٣  \n"
    assert normalize(raw, multiline=True) == "خیابان اول\n\nپلاک 12\nواحد 3"
    assert normalize(raw) == "خیابان اول پلاک 12 واحد 3"
    assert normalize(None, multiline=True) == ""


def test_normalize_output_has_no_invisible_marks() -> None:
    text = normalize(f"{RLM}تعاونی{ZWJ}{BOM}\u202aها{LRM}")
    assert not any(unicodedata.category(ch) == "Cf" and ch != ZWNJ for ch in text)


SAME_KEY_GROUPS = [
    ["تعاونیها", "تعاونی‌ها", "تعاوني ها", "تعاونی ها", "تعاونى‌ها", " تعاونی - ها "],
    ["شرکت تعاونی ۱۲", "شركت تعاوني 12", "شرکت تعاونی ١٢", "شرکت‌تعاونی۱۲", "شرکت تعاونی (12)"],
    ["مؤسسه", "موسسه", "م\u064fؤ\u064eس\u0651سه", "مو\u0654سسه"],
    ["مسئول", "مسی\u0654ول", "مسیول"],
    ["آب", "اب"],
    ["شیء", "شی"],
    ["تهران، ایران.", "تهران ایران", "تهران-ایران"],
    ["TAAVON Co-Op", "taavon coop", "Taavon.CoOp"],
]


@pytest.mark.parametrize("group", SAME_KEY_GROUPS, ids=lambda g: g[0])
def test_search_key_groups(group: list[str]) -> None:
    keys = {search_key(text) for text in group}
    assert len(keys) == 1, keys


def test_search_key_values() -> None:
    assert search_key("تعاونی‌ها") == "تعاونیها"
    assert search_key("شرکت تعاونی ۱۲") == "شرکتتعاونی12"
    assert search_key(None) == ""
    assert search_key(" - ، . ") == ""


def test_search_key_keeps_distinct_words_apart() -> None:
    assert search_key("تعاونی مسکن") != search_key("تعاونی مصرف")
    assert search_key("شرکت ۱۲") != search_key("شرکت ۲۱")


@pytest.mark.parametrize(
    ("raw", "latin", "persian"),
    [
        ("۱۴۰۴/۰۷/۱۹", "1404/07/19", "۱۴۰۴/۰۷/۱۹"),
        ("١٤٠٤", "1404", "۱۴۰۴"),
        ("abc 123", "abc 123", "abc ۱۲۳"),
        ("", "", ""),
        ("بدون عدد", "بدون عدد", "بدون عدد"),
    ],
)
def test_digit_conversion(raw: str, latin: str, persian: str) -> None:
    assert to_latin_digits(raw) == latin
    assert to_persian_digits(raw) == persian


def test_digit_conversion_accepts_int() -> None:
    assert to_persian_digits(1250000) == "۱۲۵۰۰۰۰"
    assert to_persian_digits(-7) == "-۷"
    assert to_latin_digits(42) == "42"


# --- properties ---------------------------------------------------------------------

PERSIAN_LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآئؤءيكةۀأإ"
persian_words = st.text(alphabet=PERSIAN_LETTERS, min_size=1, max_size=8)
separators = st.sampled_from(["", " ", ZWNJ, "  ", f" {ZWNJ}", f"{ZWNJ}{ZWNJ}", NBSP, "-", "، "])
mixed_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(
            PERSIAN_LETTERS
            + "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩0123456789"
            + "\u064b\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0670\u0640"
            + f"{ZWNJ}{ZWJ}{NBSP}{NNBSP}{LRM}{RLM}{BOM} \t\n.-،"
            + "\ufeb3\ufefc\ufdfc"
        ),
        st.characters(),
    ),
    max_size=40,
)


@given(mixed_text)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(mixed_text)
def test_normalize_multiline_is_idempotent(text: str) -> None:
    once = normalize(text, multiline=True)
    assert normalize(once, multiline=True) == once


@given(mixed_text)
def test_normalize_never_leaves_edge_or_double_spaces(text: str) -> None:
    result = normalize(text)
    assert result == result.strip()
    assert "  " not in result
    assert not result.startswith(ZWNJ) and not result.endswith(ZWNJ)
    assert ZWNJ * 2 not in result


@given(mixed_text)
def test_search_key_is_idempotent(text: str) -> None:
    key = search_key(text)
    assert search_key(key) == key


@given(st.lists(persian_words, min_size=1, max_size=5), st.data())
def test_search_key_ignores_word_joins(words: list[str], data: st.DataObject) -> None:
    joined = "".join(words)
    separated = words[0]
    for word in words[1:]:
        separated += data.draw(separators) + word
    assert search_key(separated) == search_key(joined)


@given(st.integers(min_value=0, max_value=10**12), persian_words)
def test_digit_script_invariance(number: int, word: str) -> None:
    latin = f"{word} {number}"
    persian = to_persian_digits(latin)
    arabic = persian.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩"))
    assert normalize(persian) == normalize(arabic) == normalize(latin)
    assert search_key(persian) == search_key(arabic) == search_key(latin)
    assert to_latin_digits(persian) == to_latin_digits(arabic) == latin


@given(st.text())
def test_digit_round_trip(text: str) -> None:
    assert to_latin_digits(to_persian_digits(to_latin_digits(text))) == to_latin_digits(text)
