import datetime as dt
import unicodedata

import pytest

from ptds_desktop.errors import ValidationError
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


def test_dates_as_officers_write_them():
    assert parse_date("09/10/2025") == dt.date(2025, 10, 9)
    assert parse_date("9.10.2025") == dt.date(2025, 10, 9)
    assert parse_date("2025-10-09") == dt.date(2025, 10, 9)


def test_impossible_date_is_named():
    with pytest.raises(ValidationError, match="31/02/2026"):
        parse_date("31/02/2026")


def test_long_date_uses_leading_zero_only_where_decree_30_says():
    assert format_long_date(dt.date(2026, 2, 5)) == "ngày 05 tháng 02 năm 2026"
    assert format_long_date(dt.date(2026, 6, 12)) == "ngày 12 tháng 6 năm 2026"
