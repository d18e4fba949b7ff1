"""Whatever the text, the raw parser returns a draft that the front-matter schema accepts, or problems."""

from hypothesis import given, settings
from hypothesis import strategies as st
from warta.importer import Draft, parse_raw_text, render_markdown
from warta.problems import Problem
from warta.source.frontmatter import parse_article

LINES = st.one_of(
    st.sampled_from([
        "Kamis 14 Sep 2023 15:56 WIB", "14/09/2023, 15:56", "Foto: AP Photo/X", "Advertisement", "Baca juga: x",
        "REPUBLIKA.CO.ID, BEIJING -- Isi", "sumber : Antara", "Penulis: A | Editor: B", "", "\xa0",
        "- daftar", "1. satu", "# judul", "title: x", "'kutip'", "yes", "2023-09-14", "null", "a: b", "&anchor",
    ]),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=12), st.booleans())
def test_raw_parser_never_raises_and_drafts_round_trip(lines, dated):
    text = "\n".join((["Kamis 14 Sep 2023 15:56 WIB"] if dated else []) + lines)
    result = parse_raw_text(text, "x.txt")
    if isinstance(result, list):
        assert result and all(isinstance(p, Problem) for p in result)
        return
    assert isinstance(result, Draft)
    matter, body, problems = parse_article("x.md", render_markdown(result))
    assert problems == []
    assert (matter.title, matter.date, matter.summary or "") == (result.title, result.date, result.summary)
    assert len([p for p in body.strip().split("\n\n") if p]) == len(result.body)


def test_control_characters_and_odd_line_breaks_are_cleaned():
    text = "Kamis 14 Sep 2023 15:56 WIB\rJudul\x85satu\u2028dua\tdan\x1btiga\r\nIsi\x0cberita\n"
    draft = parse_raw_text(text, "x.txt")
    assert (draft.title, draft.body) == ("Judul satu dua dan tiga", ("Isi berita",))
