"""Which attributes of an article a template can read (warta_incremental.reads): what it cannot follow means all."""

import jinja2
import pytest
from jinja2 import meta
from warta_incremental.reads import article_reads

from tests.conftest import REPO

HELPERS = frozenset({"_", "feed_urls", "article_jsonld"})
ENV = jinja2.Environment(extensions=["jinja2.ext.i18n"])


def reads(source: str) -> tuple[str | None, frozenset[str], list[str]]:
    return article_reads([ENV.parse(source)], HELPERS)


@pytest.mark.parametrize("source", [
    "{% for a in articles %}<a href='{{ a.url }}'>{{ a.title }}</a> {{ a.date.isoformat() }}{% endfor %}",
    "{{ article.warta.summary }} {{ lead.warta.summary }}",  # our lede, not Pelican's summary
    "{% for e in (a.warta_entities|selectattr('registered')|list)[:3] %}{{ e.name }}{% endfor %}",
    "{{ _('Skip to content') }} {{ items|sort(attribute='date')|join(', ', attribute='title') }}",
    "{{ og_locales[page_lang] }} {{ WARTA.urls.entity_page(e.id) }} {{ feed_urls('entity', e.id) }}",
    "{% macro item(a) %}{{ a.title }}{% endmacro %}{% for a in articles %}{{ item(a) }}{% endfor %}",
])
def test_listings_by_title_date_and_lede_read_named_attributes_only(source):
    why, names, _ = reads(source)
    assert why is None and names


@pytest.mark.parametrize("source, why", [
    ("{{ article.get_content('') }}", ".get_content"),
    ("{{ article|attr('_content') }}", "._content"),
    ("{{ article.get_summary('') }}", ".get_summary"),
    ("{% set name = 'title' %}{{ article|attr(name) }}", "filter attr with an attribute known only at run time"),
    ("{% for a in articles %}{% for k in keys %}{{ a[k] }}{% endfor %}{% endfor %}",
     "an item looked up by a key known only at run time"),
    ("{{ article|reading_time }}", "filter reading_time"),
    ("{{ word_count(article) }}", "word_count()"),
    ("{{ SOMETHING.count_words(article) }}", ".count_words() given a value"),
    ("{{ article.title is long }}", "test long"),
])
def test_anything_that_may_read_the_body_says_so(source, why):
    assert reads(source) == (why, frozenset(), [])


@pytest.mark.parametrize("source", [
    "{{ article.content|safe }}", "{{ article.summary }}", "{{ articles|map(attribute='content')|join }}",
    "{{ article.metadata.summary }}",  # the front-matter's summary, or the body's when it has none
])
def test_pelican_s_content_and_summary_are_names_read_whose_inputs_a_key_digests(source):
    why, names, _ = reads(source)
    assert why is None and names & {"content", "summary"}


def test_the_names_read_are_attributes_strings_and_what_known_helpers_read():
    why, names, lookups = reads("{% for a in articles|sort(attribute='date') %}{{ a.title }}{{ a.warta.summary }}"
                                "{{ story_jsonld(t, p, [a]) }}{% endfor %}{{ labels[kind] }}")
    assert why is None and lookups == ["labels"]  # a key known at run time: labels must hold a plain container
    assert {"date", "title", "warta", "url"} <= names and "summary" not in names
    assert "source_path" in names  # what {{ article }} prints


def test_parent_blocks_and_call_blocks_are_the_family_s_own():
    source = ("{% block a %}{{ super() }}{% endblock %}{% macro m() %}{{ caller() }}{% endmacro %}"
              "{% call m() %}{{ article.title }}{% endcall %}")
    assert reads(source)[0] is None


def test_the_theme_s_listings_read_no_body_nor_offsets_and_its_article_and_page_templates_read_all():
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(REPO / "theme/templates"), extensions=["jinja2.ext.i18n"])

    def family(name):
        pending, seen, trees = [name], set(), []
        while pending:
            used = pending.pop()
            if used not in seen:
                seen.add(used)
                trees.append(env.parse(env.loader.get_source(env, used)[0]))
                pending += [t for t in meta.find_referenced_templates(trees[-1]) if t]
        return article_reads(trees, HELPERS | {"canonical", "absolute_url", "entity_jsonld", "ngettext",
                                             "story_neighbours"})

    for name in ("index.html", "entity.html", "category.html", "tag.html", "author.html", "edition.html"):
        why, names, _ = family(name)
        assert why is None and "warta_named" in names and "warta_entities" not in names, name
    for name in ("article.html", "page.html"):
        why, names, _ = family(name)
        assert why is None and "content" in names and "metadata" not in names, name


def test_a_template_s_analysis_kept_from_the_previous_build_is_made_again_under_other_code(monkeypatch):
    import warta_build
    from warta_incremental.writer import Run

    env = jinja2.Environment(loader=jinja2.DictLoader({"t.html": "{{ article.title }}"}))
    run = Run.__new__(Run)  # only what _known_analysis reads: the previous build's records
    run.old_templates = {"t.html": Run._analyse(env, "t.html")}
    assert run._known_analysis(env, "t.html") == run.old_templates["t.html"]
    monkeypatch.setattr(warta_build, "code_version", lambda: "other code")  # what reads the templates changed
    assert run._known_analysis(env, "t.html") is None
