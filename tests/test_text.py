import datetime as dt
import unicodedata

import pytest

from ptds_desktop import i18n
from ptds_desktop.errors import ValidationError
from ptds_desktop.i18n import QT_TRANSLATE_NOOP
from ptds_desktop.text import fold, format_long_date, matches, nfc, parse_date


@pytest.mark.parametrize(
    "query, text",
    [("dak lak", "Đắk Lắk"), ("uy ban", "Ủy ban nhân dân"), ("THAI NGUYEN", "Thái Nguyên"), ("phong thu", "PHÒNG THỦ")],
)
def test_search_ignores_diacritics_and_case(query, text):
    assert matches(query, text)


def test_search_requires_every_word():
    assert not matches("dak nong", "Đắk Lắk")


def test_nfd_input_is_stored_as_nfc():
    decomposed = unicodedata.normalize("NFD", "Đắk Lắk")
    assert decomposed != "Đắk Lắk"
    assert nfc(decomposed) == "Đắk Lắk"
    assert fold(decomposed) == fold("Đắk Lắk") == "dak lak"


@pytest.mark.parametrize("typed", [
    "15/06/2026", "15/6/2026", "15-06-2026", "15.06.2026", "15062026", "15/6/26", "150626", "2026-06-15",
    " 15 / 6 / 2026 ",
])
def test_every_way_officers_type_a_date_gives_the_same_day(typed):
    assert parse_date(typed, today=dt.date(2026, 1, 1)) == dt.date(2026, 6, 15)


def test_two_digit_year_is_the_nearest_one_not_far_ahead():
    today = dt.date(2026, 12, 2)
    assert parse_date("9/10/25", today=today) == dt.date(2025, 10, 9)
    assert parse_date("1/1/65", today=today) == dt.date(1965, 1, 1)  # a birth date, not 2065
    assert parse_date("1/1/36", today=today) == dt.date(2036, 1, 1)


@pytest.mark.parametrize("typed, reason", [
    ("31/02/2026", "tháng 2 năm 2026 chỉ có 28 ngày"),
    ("31022026", "tháng 2 năm 2026 chỉ có 28 ngày"),
    ("29/02/2025", "tháng 2 năm 2025 chỉ có 28 ngày"),
    ("31/04/2026", "tháng 4 năm 2026 chỉ có 30 ngày"),
    ("15/13/2026", "không có tháng 13"),
    ("00/06/2026", "không có ngày 0"),
    ("15/06/0202", "năm 202 nằm ngoài khoảng"),
])
def test_impossible_date_is_refused_with_the_reason_never_rounded(typed, reason):
    with pytest.raises(ValidationError, match=reason) as caught:
        parse_date(typed, "ngày ký")
    assert str(caught.value).startswith(f"Ngày ký không tồn tại: {typed}")
    assert caught.value.field == "ngày ký"


@pytest.mark.parametrize("typed", ["15/06", "1506202", "hôm qua", "15/06/2026/1", "2026/06/15x"])
def test_text_that_is_not_a_date_names_the_forms_accepted(typed):
    with pytest.raises(ValidationError, match="không đúng dạng ngày/tháng/năm, ví dụ 15/06/2026"):
        parse_date(typed, "ngày ký")


def test_leap_day_is_accepted():
    assert parse_date("29/02/2028") == dt.date(2028, 2, 29)


def test_missing_date_names_the_field():
    with pytest.raises(ValidationError, match="Thiếu ngày ký"):
        parse_date("  ", "ngày ký")


def test_long_date_uses_leading_zero_only_where_decree_30_says():
    assert format_long_date(dt.date(2026, 2, 5)) == "ngày 05 tháng 02 năm 2026"
    assert format_long_date(dt.date(2026, 6, 12)) == "ngày 12 tháng 6 năm 2026"


@pytest.fixture
def english_core():
    i18n.set_language("en")
    yield
    i18n.set_language("vi")


def test_date_messages_follow_the_interface_language(english_core):
    with pytest.raises(ValidationError) as caught:
        parse_date("31/02/2026", QT_TRANSLATE_NOOP("Fields", "ngày"))
    assert str(caught.value) == "Date does not exist: 31/02/2026 (month 2 of 2026 has only 28 days)."
    assert caught.value.field == "ngày"  # the form field is still found by its key


def test_every_core_text_marked_for_translation_has_an_english_one():
    """The catalogue the core reads is the one the GUI's .qm is made from: one set of texts."""
    catalogue = i18n._catalogue("en")
    assert catalogue[("Core", "Không thể gộp một người với chính họ.")] == "A person cannot be merged with themselves."
    assert i18n.available_languages() == ["vi", "en"]
