"""Rules, traps and resolution edge cases of warta.temporal.extract (expected values worked out by hand)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from warta.temporal import TimeExpr, extract

WIB = ZoneInfo("Asia/Jakarta")
THU = datetime(2023, 9, 14, 15, 56, tzinfo=WIB)  # Thursday, ISO week 2023-W37


def only(text, lang="id", published=THU) -> TimeExpr:
    found = extract(text, lang, published)
    assert len(found) == 1, found
    return found[0]


def triple(text, lang="id", published=THU):
    e = only(text, lang, published)
    return e.phrase, e.iso, e.precision


@pytest.mark.parametrize("text, phrase, iso, precision", [
    ("Korea Utara pada Kamis (14/9/2023) mengatakan", "Kamis (14/9/2023)", "2023-09-14", "day"),
    ("Menurut KCNA, Rabu (13/9) malam, pertemuan usai.", "Rabu (13/9)", "2023-09-13", "day"),
    ("Surat itu bertanggal 14/9/2023.", "14/9/2023", "2023-09-14", "day"),
    ("Surat itu bertanggal 4/9/2023.", "4/9/2023", "2023-09-04", "day"),
    ("Acara digelar pada 14 September 2023.", "14 September 2023", "2023-09-14", "day"),
    ("Acara digelar 14 Sept. 2023 di Jakarta.", "14 Sept. 2023", "2023-09-14", "day"),
    ("Kamis, 14 Sep 2023 pukul 15.56 WIB", "Kamis, 14 Sep 2023", "2023-09-14", "day"),
    ("Laporan 14 Agt 2023 menyebut", "14 Agt 2023", "2023-08-14", "day"),
    ("Data per 2023-09-14 menunjukkan", "2023-09-14", "2023-09-14", "day"),
    ("Data per 14-9-2023 menunjukkan", "14-9-2023", "2023-09-14", "day"),
    ("New York Times melaporkan pada 4 September, mengutip", "4 September", "2023-09-04", "day"),
    ("Festival itu dibuka 19 Juni dan ramai.", "19 Juni", "2023-06-19", "day"),
    ("Sidang berlangsung 13-14 Maret 2023.", "13-14 Maret 2023", "2023-03-13", "day"),
    ("Inflasi Maret 2022 tinggi.", "Maret 2022", "2022-03", "month"),
    ("Kebijakan itu diumumkan pada Oktober lalu.", "Oktober lalu", "2022-10", "month"),
    ("Gugatan diajukan Agustus lalu.", "Agustus lalu", "2023-08", "month"),
    ("Mereka bertemu pada September tahun lalu.", "September tahun lalu", "2022-09", "month"),
    ("Harga naik sejak awal Maret.", "Maret", "2023-03", "month"),
    ("Harga naik bulan depan.", "bulan depan", "2023-10", "month"),
    ("Ia terpilih pada 2019.", "2019", "2019", "year"),
    ("Ia menjabat sejak 2006.", "2006", "2006", "year"),
    ("Ia pensiun tahun 2019.", "tahun 2019", "2019", "year"),
    ("Rapat digelar kemarin.", "kemarin", "2023-09-13", "day"),
    ("Rapat digelar hari ini.", "hari ini", "2023-09-14", "day"),
    ("Rapat digelar besok.", "besok", "2023-09-15", "day"),
    ("Rapat digelar lusa.", "lusa", "2023-09-16", "day"),
    ("Harga naik pekan lalu.", "pekan lalu", "2023-W36", "week"),
    ("Harga naik minggu lalu.", "minggu lalu", "2023-W36", "week"),
    ("Harga naik pekan depan.", "pekan depan", "2023-W38", "week"),
    ("Minggu ini harga naik.", "Minggu ini", "2023-W37", "week"),
    ("Harga naik bulan lalu.", "bulan lalu", "2023-08", "month"),
    ("Harga naik tahun lalu.", "tahun lalu", "2022", "year"),
    ("Harga naik tahun depan.", "tahun depan", "2024", "year"),
    ("Ia tiba 3 hari lalu.", "3 hari lalu", "2023-09-11", "day"),
    ("Ia tiba dua tahun lalu.", "dua tahun lalu", "2021", "year"),
    ("Ia tiba 5 bulan yang lalu.", "5 bulan yang lalu", "2023-04", "month"),
    ("Ia tiba sepekan lalu.", "sepekan lalu", "2023-W36", "week"),
    ("Ia tiba setahun silam.", "setahun silam", "2022", "year"),
    ("Peskov mengatakan pada Rabu bahwa kunjungan belum direncanakan.", "Rabu", "2023-09-13", "day"),
    ("Upacara digelar pada hari Minggu.", "Minggu", "2023-09-10", "day"),
    ("Upacara digelar pada Minggu.", "Minggu", "2023-09-10", "day"),
    ("Semua berjalan lancar, kata dia, Minggu.", "Minggu", "2023-09-10", "day"),
    ("Rapat itu berlangsung Kamis lalu.", "Kamis lalu", "2023-09-07", "day"),
    ("Rapat itu berlangsung Rabu lalu.", "Rabu lalu", "2023-09-13", "day"),
    ("Rapat itu digelar Kamis depan.", "Kamis depan", "2023-09-21", "day"),
])
def test_indonesian_rules(text, phrase, iso, precision):
    assert triple(text) == (phrase, iso, precision)


@pytest.mark.parametrize("text, phrase, iso, precision", [
    ("The summit was held on Sept. 14, 2023, in Russia.", "Sept. 14, 2023", "2023-09-14", "day"),
    ("The summit was held on 14 Sep 2023 in Russia.", "14 Sep 2023", "2023-09-14", "day"),
    ("The report of 19th June 2023 said so.", "19th June 2023", "2023-06-19", "day"),
    ("The festival opened June 19 in Seoul.", "June 19", "2023-06-19", "day"),
    ("Officials met on Monday in Seoul.", "Monday", "2023-09-11", "day"),
    ("Monday's talks ended early.", "Monday", "2023-09-11", "day"),
    ("Inflation peaked in March 2022.", "March 2022", "2022-03", "month"),
    ("The law passed last October.", "last October", "2022-10", "month"),
    ("They met in September last year.", "September last year", "2022-09", "month"),
    ("Prices rose at the end of August.", "August", "2023-08", "month"),
    ("Prices will rise next month.", "next month", "2023-10", "month"),
    ("He was elected in 2019.", "2019", "2019", "year"),
    ("He has served since 2006.", "2006", "2006", "year"),
    ("Emissions should fall by 2030.", "2030", "2030", "year"),
    ("Growth slowed in mid-2024.", "mid-2024", "2024", "year"),
    ("Talks resumed yesterday.", "yesterday", "2023-09-13", "day"),
    ("Talks resume today.", "today", "2023-09-14", "day"),
    ("Talks resume tomorrow.", "tomorrow", "2023-09-15", "day"),
    ("Prices rose last week.", "last week", "2023-W36", "week"),
    ("Prices rise next week.", "next week", "2023-W38", "week"),
    ("Prices rose last month.", "last month", "2023-08", "month"),
    ("Prices rose last year.", "last year", "2022", "year"),
    ("Prices rise next year.", "next year", "2024", "year"),
    ("He arrived 3 days ago.", "3 days ago", "2023-09-11", "day"),
    ("He arrived two years ago.", "two years ago", "2021", "year"),
    ("He arrived a year ago.", "a year ago", "2022", "year"),
    ("The deal was signed last Monday.", "last Monday", "2023-09-11", "day"),
    ("The deal is due next Thursday.", "next Thursday", "2023-09-21", "day"),
])
def test_english_rules(text, phrase, iso, precision):
    assert triple(text, "en") == (phrase, iso, precision)


def test_english_numeric_dates_are_day_first_unless_impossible():
    assert triple("Filed 4/9/2023.", "en") == ("4/9/2023", "2023-09-04", "day")
    assert triple("Filed 9/14/2023.", "en") == ("9/14/2023", "2023-09-14", "day")
    assert extract("Filed 9/14/2023.", "id", THU) == []  # Indonesian is strictly day/month/year


@pytest.mark.parametrize("text", [
    "Suku bunga naik menjadi 6,25 persen.",
    "Saham naik 5.5% sepanjang sesi.",
    "Persija menang 2-1 atas Persib.",
    "Laga dimulai pukul 10.00 dan berakhir 15.56 WIB.",
    "Putusan Nomor 90/PUU-XXI/2023 dibacakan.",
    "Keputusan No. 7/2017 dicabut.",
    "Keputusan Nomor 1/2/2023 dicabut.",
    "Model GPT-4 dan pasien COVID-19.",
    "Sebanyak 2019 orang hadir.",
    "Diatur dalam UU Nomor 7 Tahun 2017 tentang Pemilu.",
    "Diatur dalam Perppu No 1 Tahun 2020.",
    "Diatur dalam PP 25 Tahun 2020.",
    "Hubungi 0812-3456-7890 segera.",
    "Antara 10-15 orang terluka.",
    "Ia berusia 71 tahun.",
    "Harga naik dalam dua minggu terakhir.",
    "Pasar buka setiap minggu.",
    "Minggu Palma dirayakan umat.",
    "Warga antusias menyambut Pemilu 2024.",
    "Ia bertemu lebih dari empat tahun kemudian.",
])
def test_indonesian_traps_yield_nothing(text):
    assert extract(text, "id", THU) == []


@pytest.mark.parametrize("text", [
    "Shares rose 5.5% and the club won 2-1.",
    "Black Friday sales and the Good Friday Agreement.",
    "Theresa May spoke, and you may 5 times ask.",
    "Protesters plan to march on the palace.",
    "The report cited Law No. 7/2017 and a Boeing 737.",
    "Music of the 1960s returned.",
    "Prices will be fixed over the next year.",
    "It happened in the last week of the tour.",
    "Some 2019 people signed up.",
    "COVID-19 and GPT-4 made headlines.",
])
def test_english_traps_yield_nothing(text):
    assert extract(text, "en", THU) == []


def test_future_cue_moves_weekday_forward():
    assert only("Kim akan mengunjungi Vladivostok pada Sabtu.").value == date(2023, 9, 16)
    assert only("Kim mengunjungi Vladivostok pada Sabtu.").value == date(2023, 9, 9)
    assert only("The White House said Biden will travel on Sunday.", "en").value == date(2023, 9, 17)
    assert only("On Sunday, Biden will travel to Hanoi.", "en").value == date(2023, 9, 17)
    # the reporting verb is nearer than the later "will": the statement day, not a future day
    assert only("Peskov said on Wednesday that Putin will visit.", "en").value == date(2023, 9, 13)


def test_weekday_on_publication_day():
    assert only("Rapat digelar pada Kamis.").value == date(2023, 9, 14)
    assert only("Rapat akan digelar pada Kamis.").value == date(2023, 9, 21)


def test_tense_decides_the_year_of_a_day_without_year():
    assert only("KTT akan digelar pada 5 Maret.").value == date(2024, 3, 5)
    assert only("KTT digelar pada 5 Maret.").value == date(2023, 3, 5)
    # a cue in a later clause ("and will serve") does not make the election future
    late = datetime(2024, 10, 21, 10, tzinfo=WIB)
    found = extract("Prabowo won the Feb. 14 election and will serve until 2029.", "en", late)
    assert [(f.phrase, f.iso) for f in found] == [("Feb. 14", "2024-02-14"), ("2029", "2029")]


def test_weekday_given_with_a_day_pins_the_year():
    # future cue alone would say 2024-09-13, but that is a Friday; 13/9/2023 was a Wednesday
    assert only("Ia akan tiba Rabu (13/9).").value == date(2023, 9, 13)


def test_year_boundary():
    wed = datetime(2024, 1, 3, 9, tzinfo=WIB)  # ISO week 2024-W01
    assert triple("Ia tiba kemarin.", published=wed) == ("kemarin", "2024-01-02", "day")
    assert triple("Harga naik pekan lalu.", published=wed) == ("pekan lalu", "2023-W52", "week")
    assert triple("Harga naik bulan lalu.", published=wed) == ("bulan lalu", "2023-12", "month")
    assert triple("Banjir terjadi pada 28 Desember.", published=wed) == ("28 Desember", "2023-12-28", "day")
    assert triple("Pasar tutup Desember lalu.", published=wed) == ("Desember lalu", "2023-12", "month")
    assert triple("Pasar tutup pada Jumat.", published=wed) == ("Jumat", "2023-12-29", "day")
    sat = datetime(2023, 12, 30, 9, tzinfo=WIB)  # ISO week 2023-W52
    assert triple("Acara akan digelar pada 2 Januari.", published=sat) == ("2 Januari", "2024-01-02", "day")
    assert triple("Harga naik pekan depan.", published=sat) == ("pekan depan", "2024-W01", "week")
    assert triple("Harga naik tahun depan.", published=sat) == ("tahun depan", "2024", "year")


def test_resolution_uses_the_articles_own_zone():
    late = datetime(2023, 9, 14, 23, 30, tzinfo=WIB)  # already 15 September in Tokyo
    assert only("Rapat digelar hari ini.", published=late).iso == "2023-09-14"
    assert only("Rapat digelar besok.", published=late).iso == "2023-09-15"
    assert only("Rapat digelar hari ini.", published=late.astimezone(ZoneInfo("Asia/Tokyo"))).iso == "2023-09-15"
    early = datetime(2023, 9, 15, 5, 0, tzinfo=WIB)  # still 14 September in UTC
    assert only("Rapat digelar hari ini.", published=early).iso == "2023-09-15"


def test_output_is_sorted_non_overlapping_and_exact():
    text = "Pada Kamis (14/9/2023), sehari setelah Rabu (13/9/2023), dan sejak 2019 hingga tahun depan."
    found = extract(text, "id", THU)
    assert [f.phrase for f in found] == ["Kamis (14/9/2023)", "Rabu (13/9/2023)", "2019", "tahun depan"]
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start
    assert all(text[f.start:f.end] == f.phrase for f in found)


def test_unknown_language_falls_back_to_indonesian_and_odd_dates_are_dropped():
    assert triple("Rapat digelar kemarin.", "xx") == ("kemarin", "2023-09-13", "day")
    assert extract("Acara digelar pada 31 Februari 2023.", "id", THU) == []
    assert extract("Acara digelar 29 Februari.", "id", datetime(2024, 3, 1, tzinfo=WIB))[0].iso == "2024-02-29"


def test_a_phrase_may_open_the_text_or_follow_a_closing_bracket_at_once():
    found = extract("Kemarin hujan. Rapat pada Rabu (13/9)Kamis dibuka.", "id", THU)
    assert [(e.phrase, e.start, e.iso) for e in found] == [
        ("Kemarin", 0, "2023-09-13"), ("Rabu (13/9)", 26, "2023-09-13"), ("Kamis", 37, "2023-09-14")]


def test_decimals_thousands_and_clock_times_are_not_dates():
    assert triple("Harga naik 2,5 persen, 1.200 orang hadir pukul 09.00 pada 2021.") == ("2021", "2021", "year")
