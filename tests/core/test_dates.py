from datetime import datetime, timedelta, timezone

import pytest
from warta.publish.dates import long_datetime, long_day, month_year, short_date


def at(hours):
    return datetime(2023, 9, 14, 15, 56, tzinfo=timezone(timedelta(hours=hours)))


@pytest.mark.parametrize("hours, lang, expected", [
    (7, "id", "Kamis, 14 September 2023 15.56 WIB"),
    (8, "id", "Kamis, 14 September 2023 15.56 WITA"),
    (9, "id", "Kamis, 14 September 2023 15.56 WIT"),
    (7, "en", "Thursday, September 14, 2023, 3:56\u202fPM WIB"),
])
def test_long_datetime_per_language(hours, lang, expected):
    assert long_datetime(at(hours), lang) == expected


def test_short_date_and_month_headings():
    assert short_date(at(7), "id") == "14 Sep 2023"
    assert short_date(at(7), "en") == "Sep 14, 2023"
    assert month_year(2024, 6, "id") == "Juni 2024"
    assert month_year(2024, 6, "en") == "June 2024"
    assert month_year(2024, None, "en") == "2024"


def test_days_before_the_tenth_have_no_leading_zero():
    morning = datetime(2024, 12, 5, 9, 20, tzinfo=timezone(timedelta(hours=7)))
    assert long_day(morning, "id") == "Kamis, 5 Desember 2024"
    assert long_day(morning, "en") == "Thursday, December 5, 2024"
    assert long_datetime(morning, "id") == "Kamis, 5 Desember 2024 09.20 WIB"
