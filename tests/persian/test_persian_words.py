import pytest
from hypothesis import given
from hypothesis import strategies as st

from taavon.persian.words import MAX_WORDS_NUMBER, number_to_words, rial_in_words


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "صفر"),
        (1, "یک"),
        (9, "نه"),
        (10, "ده"),
        (11, "یازده"),
        (12, "دوازده"),
        (13, "سیزده"),
        (15, "پانزده"),
        (16, "شانزده"),
        (18, "هجده"),
        (19, "نوزده"),
        (20, "بیست"),
        (21, "بیست و یک"),
        (30, "سی"),
        (40, "چهل"),
        (60, "شصت"),
        (99, "نود و نه"),
        (100, "صد"),
        (101, "صد و یک"),
        (110, "صد و ده"),
        (120, "صد و بیست"),
        (200, "دویست"),
        (300, "سیصد"),
        (500, "پانصد"),
        (999, "نهصد و نود و نه"),
        (1000, "یک هزار"),
        (1001, "یک هزار و یک"),
        (1100, "یک هزار و صد"),
        (2000, "دو هزار"),
        (10_000, "ده هزار"),
        (12_345, "دوازده هزار و سیصد و چهل و پنج"),
        (100_000, "صد هزار"),
        (1_000_000, "یک میلیون"),
        (1_000_001, "یک میلیون و یک"),
        (1_250_000, "یک میلیون و دویست و پنجاه هزار"),
        (2_500_000_000, "دو میلیارد و پانصد میلیون"),
        (1_000_000_000_000, "یک تریلیون"),
        (10**15, "یک کوادریلیون"),
        (10**18, "یک کوینتیلیون"),
        (
            123_456_789,
            "صد و بیست و سه میلیون و چهارصد و پنجاه و شش هزار و هفتصد و هشتاد و نه",
        ),
        (-1, "منفی یک"),
        (-21, "منفی بیست و یک"),
        (-1_000_000, "منفی یک میلیون"),
    ],
)
def test_number_to_words(number: int, words: str) -> None:
    assert number_to_words(number) == words


def test_limits() -> None:
    assert number_to_words(MAX_WORDS_NUMBER).startswith("نهصد و نود و نه کوینتیلیون")
    assert number_to_words(-MAX_WORDS_NUMBER).startswith("منفی نهصد")
    with pytest.raises(ValueError):
        number_to_words(MAX_WORDS_NUMBER + 1)
    with pytest.raises(ValueError):
        number_to_words(-(MAX_WORDS_NUMBER + 1))


@pytest.mark.parametrize("value", [1.5, "12", True, None])
def test_rejects_non_integers(value: object) -> None:
    with pytest.raises(TypeError):
        number_to_words(value)  # type: ignore[arg-type]


def test_rial_in_words() -> None:
    assert rial_in_words(1_250_000) == "یک میلیون و دویست و پنجاه هزار ریال"
    assert rial_in_words(0) == "صفر ریال"


# --- an independent reader, to check every number reads back to itself ----------------

_UNITS = {
    "یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8, "نه": 9,
    "ده": 10, "یازده": 11, "دوازده": 12, "سیزده": 13, "چهارده": 14, "پانزده": 15,
    "شانزده": 16, "هفده": 17, "هجده": 18, "نوزده": 19, "بیست": 20, "سی": 30, "چهل": 40,
    "پنجاه": 50, "شصت": 60, "هفتاد": 70, "هشتاد": 80, "نود": 90, "صد": 100, "دویست": 200,
    "سیصد": 300, "چهارصد": 400, "پانصد": 500, "ششصد": 600, "هفتصد": 700, "هشتصد": 800,
    "نهصد": 900,
}  # fmt: skip
_SCALES = {
    "هزار": 10**3,
    "میلیون": 10**6,
    "میلیارد": 10**9,
    "تریلیون": 10**12,
    "کوادریلیون": 10**15,
    "کوینتیلیون": 10**18,
}


def read_words(text: str) -> int:
    if text == "صفر":
        return 0
    if text.startswith("منفی "):
        return -read_words(text.removeprefix("منفی "))
    total = group = 0
    tokens = text.split(" ")
    for i, token in enumerate(tokens):
        if token == "و":
            assert 0 < i < len(tokens) - 1
            continue
        if token in _SCALES:
            assert 0 < group < 1000
            total += group * _SCALES[token]
            group = 0
        else:
            group += _UNITS[token]
    return total + group


@given(st.integers(min_value=-MAX_WORDS_NUMBER, max_value=MAX_WORDS_NUMBER))
def test_words_read_back(number: int) -> None:
    words = number_to_words(number)
    assert read_words(words) == number
    assert words == words.strip()
    assert "  " not in words
    assert "و و" not in words


def test_all_small_numbers_read_back() -> None:
    for number in range(0, 2001):
        assert read_words(number_to_words(number)) == number
