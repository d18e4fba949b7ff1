"""One table per class of issue 17, both languages: the phrase found, its date(s), and what decided it."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from warta.temporal import extract

WIB = ZoneInfo("Asia/Jakarta")
THU = datetime(2024, 3, 14, 9, 0, tzinfo=WIB)  # Thursday morning
TUE_DEC = datetime(2024, 12, 17, 9, 0, tzinfo=WIB)  # Tuesday in December


def found(text, lang, published=THU):
    return [(e.phrase, e.iso, e.end_iso) for e in extract(text, lang, published)]


def case(id_, text, lang, expected, published=THU):
    return pytest.param(text, lang, published, expected, id=id_)


RANGES = [
    case("id-days-hyphen", "Konferensi digelar 10-12 Maret.", "id", [("10-12 Maret", "2024-03-10", "2024-03-12")]),
    case("id-days-en-dash-year", "Digelar 10–12 Maret 2023.", "id", [("10–12 Maret 2023", "2023-03-10", "2023-03-12")]),
    case("id-sd", "Pameran 3 s.d. 5 Juni.", "id", [("3 s.d. 5 Juni", "2024-06-03", "2024-06-05")]),
    case("id-dari-hingga", "Libur dari 3 hingga 5 Juni.", "id", [("3 hingga 5 Juni", "2024-06-03", "2024-06-05")]),
    case("id-across-months", "Digelar 28 Februari-2 Maret.", "id", [("28 Februari-2 Maret", "2024-02-28", "2024-03-02")]),
    case("id-periode-years", "Ia menjabat periode 2019-2024.", "id", [("2019-2024", "2019", "2024")]),
    case("id-years-hingga", "Data 2015 hingga 2022 dipakai.", "id", [("2015 hingga 2022", "2015", "2022")]),
    case("id-full-dates", "Kampanye 28 November 2023 hingga 10 Februari 2024.", "id",
         [("28 November 2023 hingga 10 Februari 2024", "2023-11-28", "2024-02-10")]),
    case("id-months", "Inflasi Januari-Juni 2023 rendah.", "id", [("Januari-Juni 2023", "2023-01", "2023-06")]),
    case("en-abbrev", "Talks ran Oct. 7-9.", "en", [("Oct. 7-9", "2023-10-07", "2023-10-09")]),
    case("en-month-first", "They meet June 4-5.", "en", [("June 4-5", "2024-06-04", "2024-06-05")]),
    case("en-between", "Held between June 1 and 3.", "en", [("between June 1 and 3", "2024-06-01", "2024-06-03")]),
    case("en-across-months", "It ran June 30-July 2.", "en", [("June 30-July 2", "2023-06-30", "2023-07-02")]),
    case("en-years", "He led it from 2005 to 2021.", "en", [("2005 to 2021", "2005", "2021")]),
    case("id-two-days-one-month", "Cuti bersama 3, 4 dan 5 Juni.", "id",
         [("3", "2024-06-03", ""), ("4", "2024-06-04", ""), ("5 Juni", "2024-06-05", "")]),
    case("en-two-days-one-month", "They met June 4 and 5.", "en", [("June 4", "2024-06-04", ""), ("5", "2024-06-05", "")]),
    case("en-day-and-count", "On June 4 and 5 people died.", "en", [("June 4", "2024-06-04", "")]),
    case("en-trailing-last-year", "Markets fell Oct. 7-9 last year.", "en",
         [("Oct. 7-9 last year", "2023-10-07", "2023-10-09")]),
]

ANCHORED = [
    case("id-n-hari-kemudian", "Kapal tenggelam 2 Maret. Dua hari kemudian, bangkai ditemukan.", "id",
         [("2 Maret", "2024-03-02", ""), ("Dua hari kemudian", "2024-03-04", "")]),
    case("id-keesokan", "Gempa terjadi 2 Maret. Keesokan harinya warga mengungsi.", "id",
         [("2 Maret", "2024-03-02", ""), ("Keesokan harinya", "2024-03-03", "")]),
    case("id-hari-yang-sama", "Gempa terjadi 2 Maret. Di hari yang sama, listrik padam.", "id",
         [("2 Maret", "2024-03-02", ""), ("Di hari yang sama", "2024-03-02", "")]),
    case("id-seminggu-setelahnya", "Banjir 2 Maret. Seminggu setelahnya air surut.", "id",
         [("2 Maret", "2024-03-02", ""), ("Seminggu setelahnya", "2024-03-09", "")]),
    case("id-dua-pekan-sebelumnya", "Banjir 20 Februari. Dua pekan sebelumnya hujan turun.", "id",
         [("20 Februari", "2024-02-20", ""), ("Dua pekan sebelumnya", "2024-02-06", "")]),
    case("id-month-anchor", "Disahkan Oktober 2023. Sebulan kemudian digugat.", "id",
         [("Oktober 2023", "2023-10", ""), ("Sebulan kemudian", "2023-11", "")]),
    case("id-no-anchor", "Lebih dari empat tahun kemudian, kasus itu tuntas.", "id", []),
    case("en-two-days-later", "It hit on Aug. 8, 2023. Two days later, rain fell.", "en",
         [("Aug. 8, 2023", "2023-08-08", ""), ("Two days later", "2023-08-10", "")]),
    case("en-next-morning", "It hit on March 2. The next morning, rescuers came.", "en",
         [("March 2", "2024-03-02", ""), ("The next morning", "2024-03-03", "")]),
    case("en-that-same-night", "It hit on March 2. That same night, power failed.", "en",
         [("March 2", "2024-03-02", ""), ("That same night", "2024-03-02", "")]),
    case("en-week-earlier", "It hit on March 2. A week earlier, warnings went out.", "en",
         [("March 2", "2024-03-02", ""), ("A week earlier", "2024-02-24", "")]),
    case("en-over-the-next-year", "Over the next year, it will grow.", "en", []),
    case("en-later-than", "It reports on Feb. 12, a week later than usual.", "en", [("Feb. 12", "2024-02-12", "")]),
]

TENSE = [
    case("en-expected-thursday", "Talks are expected to resume on Thursday.", "en",
         [("Thursday", "2024-12-19", "")], TUE_DEC),
    case("en-will-saturday", "The museum will open on Saturday.", "en", [("Saturday", "2024-12-21", "")], TUE_DEC),
    case("en-set-to-january", "He is set to take office on January 1.", "en", [("January 1", "2025-01-01", "")], TUE_DEC),
    case("en-said-monday", "Officials said on Monday the plan was ready.", "en", [("Monday", "2024-12-16", "")], TUE_DEC),
    case("en-due-friday", "A ruling is due on Friday.", "en", [("Friday", "2024-12-20", "")], TUE_DEC),
    case("id-akan-senin", "Menteri akan dilantik Senin.", "id", [("Senin", "2024-12-23", "")], TUE_DEC),
    case("id-dijadwalkan-jumat", "Sidang dijadwalkan Jumat.", "id", [("Jumat", "2024-12-20", "")], TUE_DEC),
    case("id-rencananya-kamis", "Rencananya Kamis ia tiba.", "id", [("Kamis", "2024-12-19", "")], TUE_DEC),
    case("id-kata-senin", "Ia sudah tiba, kata dia, Senin.", "id", [("Senin", "2024-12-16", "")], TUE_DEC),
    case("id-akan-januari", "Ia akan dilantik pada 20 Januari.", "id", [("20 Januari", "2025-01-20", "")], TUE_DEC),
    case("id-akan-mengumumkan", "KPU akan mengumumkan hasilnya pada Jumat.", "id", [("Jumat", "2024-12-20", "")],
         TUE_DEC),
]

TIMES_OF_DAY = [
    case("id-siang-ini", "Siang ini hujan turun.", "id", [("Siang ini", "2024-03-14", "")]),
    case("id-sore-ini", "Rapat digelar sore ini.", "id", [("sore ini", "2024-03-14", "")]),
    case("id-tadi-malam-morning", "Banjir datang tadi malam.", "id", [("tadi malam", "2024-03-13", "")]),
    case("id-tadi-malam-evening", "Banjir datang tadi malam.", "id", [("tadi malam", "2024-03-14", "")],
         datetime(2024, 3, 14, 21, 0, tzinfo=WIB)),
    case("id-selasa-malam", "Macet terjadi Selasa malam.", "id", [("Selasa", "2024-03-12", "")]),
    case("id-jumat-pagi", "Jumat pagi cuaca cerah.", "id", [("Jumat", "2024-03-08", "")]),
    case("id-minggu-malam", "Rapat digelar Minggu malam.", "id", [("Minggu", "2024-03-10", "")]),
    case("en-this-morning", "Talks ended this morning.", "en", [("this morning", "2024-03-14", "")]),
    case("en-tonight", "He speaks tonight.", "en", [("tonight", "2024-03-14", "")]),
    case("en-later-thursday", "She will fly later Thursday.", "en", [("Thursday", "2024-03-14", "")]),
    case("en-early-sunday", "A quake hit early Sunday.", "en", [("Sunday", "2024-03-10", "")]),
    case("en-last-night", "Storms hit last night.", "en", [("last night", "2024-03-13", "")]),
]

WEEKDAY_DATES = [
    case("id-jumat-19-5", "Tim tiba Jumat (19/5).", "id", [("Jumat (19/5)", "2023-05-19", "")],
         datetime(2023, 5, 22, 10, 0, tzinfo=WIB)),
    case("id-senin-4-12", "Rapat digelar Senin (4/12).", "id", [("Senin (4/12)", "2023-12-04", "")],
         datetime(2023, 12, 6, 10, 0, tzinfo=WIB)),
    case("id-next-year-by-weekday", "Sekolah dibuka Senin (6/1).", "id", [("Senin (6/1)", "2025-01-06", "")], TUE_DEC),
    case("id-mismatch-keeps-date", "Rapat digelar Kamis (19/5).", "id", [("Kamis (19/5)", "2023-05-19", "")],
         datetime(2023, 5, 22, 10, 0, tzinfo=WIB)),
    case("en-thursday-jan-9", "It reopens on Thursday, Jan. 9.", "en", [("Thursday, Jan. 9", "2025-01-09", "")],
         datetime(2024, 12, 30, 10, 0, tzinfo=WIB)),
    case("en-friday-dec-27", "A vigil was held on Friday, Dec. 27.", "en", [("Friday, Dec. 27", "2024-12-27", "")],
         datetime(2025, 1, 2, 10, 0, tzinfo=WIB)),
]

PERIODS = [
    case("id-minggu-ke-tahun", "Kasus naik pada minggu ke-20 tahun 2023.", "id",
         [("minggu ke-20 tahun 2023", "2023-W20", "")]),
    case("id-pekan-ke", "Kasus naik pada pekan ke-10.", "id", [("pekan ke-10", "2024-W10", "")]),
    case("id-matchweek", "Persib menang pada pekan ke-20 Liga 1.", "id", []),
    case("id-kuartal-iii", "Laba kuartal III 2023 naik.", "id", [("kuartal III 2023", "2023-07", "2023-09")]),
    case("id-semester-i", "Laba semester I 2023 naik.", "id", [("semester I 2023", "2023-01", "2023-06")]),
    case("id-periode-yang-sama", "Laba kuartal III 2023 naik dari periode yang sama tahun sebelumnya.", "id",
         [("kuartal III 2023", "2023-07", "2023-09"), ("periode yang sama tahun sebelumnya", "2022-07", "2022-09")]),
    case("id-akhir-tahun", "Proyek itu rampung akhir tahun.", "id", [("akhir tahun", "2024", "")]),
    case("en-q3", "Profit rose in Q3 2023.", "en", [("Q3 2023", "2023-07", "2023-09")]),
    case("en-second-half", "It expects growth in the second half of 2025.", "en",
         [("the second half of 2025", "2025-07", "2025-12")]),
    case("en-year-end", "It will cut jobs by year-end.", "en", [("year-end", "2024", "")]),
    case("en-full-year", "It cut its outlook for the full year.", "en", [("full year", "2024", "")]),
    case("id-akhir-pekan-past", "Macet parah terjadi pada akhir pekan.", "id", [("akhir pekan", "2024-W10", "")]),
    case("id-akhir-pekan-future", "Warga akan berlibur akhir pekan.", "id", [("akhir pekan", "2024-W11", "")]),
    case("en-over-the-weekend", "Protests spread over the weekend.", "en", [("the weekend", "2024-W10", "")]),
    case("en-next-weekend", "It reopens next weekend.", "en", [("next weekend", "2024-W12", "")]),
    case("en-week-of-year", "Cases peaked in week 52 of 2023.", "en", [("week 52 of 2023", "2023-W52", "")]),
]

NON_EVENTS = [
    case("id-duration", "Ia ditahan selama 20 hari.", "id", []),
    case("id-3x24", "Wajib lapor 3x24 jam.", "id", []),
    case("id-age", "Korban berusia 45 tahun.", "id", []),
    case("id-law", "Sesuai UU Nomor 7 Tahun 2017.", "id", []),
    case("id-name-year", "Ia bermain di Piala Dunia 2030 dan Olimpiade Tokyo 2020.", "id", []),
    case("id-pemilu-2019", "Catatan Pemilu 2019 masih dibahas.", "id", []),
    case("id-money", "Harga naik menjadi Rp13.500.", "id", []),
    case("id-score-before-month", "Persib menang 2-1 Juni.", "id", []),
    case("id-every-sunday", "Pasar buka setiap Minggu pagi.", "id", []),
    case("en-duration", "He was held for 48 hours.", "en", []),
    case("en-age", "The 78-year-old senator spoke.", "en", []),
    case("en-count", "About 2,024 delegates came.", "en", []),
    case("en-black-friday", "Shoppers queued on Black Friday.", "en", []),
]


@pytest.mark.parametrize("text, lang, published, expected", RANGES)
def test_ranges(text, lang, published, expected):
    assert found(text, lang, published) == expected


@pytest.mark.parametrize("text, lang, published, expected", ANCHORED)
def test_anchored(text, lang, published, expected):
    assert found(text, lang, published) == expected


@pytest.mark.parametrize("text, lang, published, expected", TENSE)
def test_tense(text, lang, published, expected):
    assert found(text, lang, published) == expected


@pytest.mark.parametrize("text, lang, published, expected", TIMES_OF_DAY)
def test_times_of_day(text, lang, published, expected):
    assert found(text, lang, published) == expected


@pytest.mark.parametrize("text, lang, published, expected", WEEKDAY_DATES)
def test_weekday_dates(text, lang, published, expected):
    assert found(text, lang, published) == expected


@pytest.mark.parametrize("text, lang, published, expected", PERIODS)
def test_periods(text, lang, published, expected):
    assert found(text, lang, published) == expected


@pytest.mark.parametrize("text, lang, published, expected", NON_EVENTS)
def test_non_events(text, lang, published, expected):
    assert found(text, lang, published) == expected


def test_the_tense_cue_is_recorded():
    (e,) = extract("Menteri akan dilantik Senin.", "id", TUE_DEC)
    assert e.cue == "akan"
    (e,) = extract("Talks are expected to resume on Thursday.", "en", TUE_DEC)
    assert e.cue == "expected"
    (e,) = extract("Rapat digelar Senin.", "id", TUE_DEC)
    assert e.cue == ""


def test_an_anchored_date_points_at_its_anchor():
    text = "Gempa terjadi 2 Maret. Keesokan harinya warga mengungsi."
    first, second = extract(text, "id", THU)
    assert first.anchor is None and second.anchor == (first.start, first.end)


def test_weekday_mismatch_is_kept_and_the_date_wins():
    (e,) = extract("Sidang digelar Kamis (14/9/2024).", "id", THU)
    assert (e.iso, e.weekday_written) == ("2024-09-14", "Kamis")
    (e,) = extract("Sidang digelar Sabtu (14/9/2024).", "id", THU)
    assert e.weekday_written == ""


def test_every_field_of_a_time_expression_survives_the_analysis_cache():
    from warta.aggregate.cache import decode, encode
    from warta.aggregate.enrich import Analysis
    from warta.entities.text import ArticleText

    text = ("Sidang digelar 10-12 Maret 2024. Disahkan Oktober 2023. Sebulan kemudian digugat. "
            "Menteri akan datang Jumat. Sidang digelar Kamis (14/9/2024).")
    published = datetime(2024, 3, 20, 9, tzinfo=ZoneInfo("Asia/Jakarta"))
    times = tuple(extract(text, "id", published))
    assert any(t.end_value for t in times) and any(t.anchor for t in times) and any(t.cue for t in times)
    assert any(t.weekday_written for t in times)
    analysis = Analysis(ArticleText(text, (0, 0), (0, 0), ((0, len(text)),)), (), times)
    assert decode(encode(analysis)).times == times
