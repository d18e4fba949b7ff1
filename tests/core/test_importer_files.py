"""import_paths: where drafts go, what is never overwritten, what is skipped, all-or-nothing writing."""

import shutil
from pathlib import Path

from warta.importer import import_paths
from warta.source.frontmatter import parse_article

DATA = Path(__file__).resolve().parents[1] / "data" / "importer"
SEED = Path(__file__).resolve().parents[1] / "data" / "seeds" / "republika-2023-09-14-kim-putin.txt"
SEED_TARGET = Path("2023/09/korut-klaim-hasilkan-kesepakatan-yang-memuaskan-dengan-rusia.md")


def page(tmp_path: Path, name: str, title: str, date_line: str = "Kamis 14 Sep 2023 15:56 WIB") -> Path:
    path = tmp_path / "in" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(f"{date_line}\n\n{title}\n\nJAKARTA, KOMPAS.com - Isi berita yang ditulis untuk pengujian.\n",
                    encoding="utf-8")
    return path


def test_seed_is_written_under_year_and_month(tmp_path):
    dest = tmp_path / "articles"
    result = import_paths([SEED], dest)
    assert result.problems == ()
    assert result.written == (dest / SEED_TARGET,)
    assert [r.kind for r in result.reports] == ["raw"]
    matter, body, problems = parse_article(str(dest / SEED_TARGET), (dest / SEED_TARGET).read_text(encoding="utf-8"))
    assert problems == [] and matter.status == "draft" and len(body.strip().split("\n\n")) == 11
    assert sorted(p.name for p in dest.rglob("*")) == ["09", "2023", SEED_TARGET.name]   # no temporary files left


def test_existing_file_is_not_overwritten_without_force(tmp_path):
    dest = tmp_path / "articles"
    import_paths([SEED], dest)
    target = dest / SEED_TARGET
    target.write_text("edited by hand\n", encoding="utf-8")
    result = import_paths([SEED], dest)
    assert result.written == ()
    assert [str(p) for p in result.problems] == [
        f"{SEED}: {target} already exists (use --force to overwrite it, or delete it first)"]
    assert target.read_text(encoding="utf-8") == "edited by hand\n"
    forced = import_paths([SEED], dest, force=True)
    assert forced.written == (target,) and forced.problems == ()
    assert target.read_text(encoding="utf-8").startswith("---\ntitle: Korut Klaim")


def test_one_bad_input_means_nothing_is_written(tmp_path):
    good = page(tmp_path, "good.txt", "Judul yang Baik")
    bad = tmp_path / "in" / "bad.txt"
    bad.write_text("Advertisement\nBaca Juga\n", encoding="utf-8")
    dest = tmp_path / "articles"
    result = import_paths([good, bad], dest)
    assert result.written == ()
    assert [p.path for p in result.problems] == [str(bad)]
    assert not dest.exists()


def test_slugs_are_unique_in_the_run_and_in_dest(tmp_path):
    dest = tmp_path / "articles"
    elsewhere = dest / "2022" / "01" / "banjir-di-jakarta.md"
    elsewhere.parent.mkdir(parents=True)
    elsewhere.write_text("---\ntitle: Banjir di Jakarta\ndate: 2022-01-01T00:00:00+07:00\n---\n\nLama.\n")
    first = page(tmp_path, "a.txt", "Banjir di Jakarta")
    second = page(tmp_path, "b.txt", "Banjir di Jakarta!", "Jumat 15 Sep 2023 08:00 WIB")
    result = import_paths([first, second], dest)
    assert result.problems == ()
    assert result.written == (dest / "2023/09/banjir-di-jakarta-2.md", dest / "2023/09/banjir-di-jakarta-3.md")
    assert elsewhere.read_text().endswith("Lama.\n")


def test_slug_is_transliterated_and_cut_at_a_word_boundary(tmp_path):
    title = "Ekspor Kopi Gayo ke Eropa Naik Tajam, Petani Sambut Harga Baru dengan Rasa Lega dan Penuh Harapan Besar"
    path = page(tmp_path, "a.txt", title.replace("Eropa", "Éropa"))
    (written,) = import_paths([path], tmp_path / "articles").written
    assert written.name == "ekspor-kopi-gayo-ke-eropa-naik-tajam-petani-sambut-harga-baru-dengan-rasa-lega.md"
    assert len(written.stem) <= 80


def test_month_folder_follows_the_site_zone(tmp_path):
    path = page(tmp_path, "a.txt", "Late Night Story", "Sep 30, 2023 11:30 PM GMT")
    (written,) = import_paths([path], tmp_path / "articles").written
    assert written == tmp_path / "articles" / "2023" / "10" / "late-night-story.md"   # 06:30 WIB on 1 Oct


def test_feed_items_already_imported_are_skipped(tmp_path):
    dest, existing = tmp_path / "articles", tmp_path / "existing"
    old = existing / "2023" / "10" / "lavrov.md"
    old.parent.mkdir(parents=True)
    old.write_text("---\ntitle: Lavrov\ndate: 2023-10-19T20:10:00+07:00\nsource:\n"
                   "  url: https://www.republika.co.id/berita/contoh-lavrov-pyongyang\n---\n\nSudah ada.\n")
    result = import_paths([DATA / "feeds" / "republika-rss.xml"], dest, existing_dir=existing)
    assert result.problems == ()
    assert result.skipped == (f"{DATA / 'feeds' / 'republika-rss.xml'}: 'Lavrov Bertemu Kim Jong Un di Pyongyang' "
                              f"already imported as {old}",)
    assert sorted(p.relative_to(dest).as_posix() for p in result.written) == [
        "2023/10/harga-minyak-dunia-naik-tipis.md", "2023/11/korut-luncurkan-satelit-mata-mata-malligyong-1.md"]
    again = import_paths([DATA / "feeds" / "republika-rss.xml"], dest)   # existing_dir defaults to dest
    assert again.problems == () and len(again.skipped) == 2
    assert again.written == (dest / "2023/10/lavrov-bertemu-kim-jong-un-di-pyongyang.md",)


def test_same_link_twice_in_one_run_is_imported_once(tmp_path):
    feed = tmp_path / "in" / "feed.xml"
    feed.parent.mkdir()
    shutil.copy(DATA / "feeds" / "wire-atom.xml", feed)
    result = import_paths([DATA / "feeds" / "wire-atom.xml", feed], tmp_path / "articles")
    assert len(result.written) == 2 and len(result.skipped) == 2
    assert all("(this import)" in s for s in result.skipped)


def test_mixed_inputs_are_detected_by_kind(tmp_path):
    paths = [DATA / "html" / "kompas-2023-10-16-mk.html", DATA / "feeds" / "wire-atom.xml",
             DATA / "raw" / "tempo-2024-02-14-bali-levy.txt"]
    result = import_paths(paths, tmp_path / "articles")
    assert [r.kind for r in result.reports] == ["html", "feed", "raw"]
    assert len(result.written) == 4
    for path in result.written:
        assert parse_article(str(path), path.read_text(encoding="utf-8"))[2] == []
