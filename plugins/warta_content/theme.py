"""Jinja helpers for the theme: Babel gettext catalogues and date filters."""

from __future__ import annotations

import functools
import io
import os

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from jinja2 import pass_context
from markupsafe import Markup
from warta.publish.dates import event_date, long_datetime, long_day, month_year, short_date
from warta.publish.feeds import absolute, site_url
from warta.publish.jsonld import entity_thing, news_article, script_json, story_list, wikidata_items
from warta.settings import of as warta_settings

LOCALES = {"id": "id_ID", "en": "en_US"}  # Open Graph's og:locale


def translations(theme: str, lang: str):
    """The theme's catalogue for ``lang``, compiled in memory from its .po file."""
    po_path = os.path.join(theme, "translations", lang, "LC_MESSAGES", "messages.po")
    if not os.path.exists(po_path):
        return NullTranslations()
    return _compiled(po_path, lang, os.stat(po_path).st_mtime_ns)  # an edited catalogue is read again


@functools.cache
def _compiled(po_path: str, lang: str, mtime: int):
    with open(po_path, "rb") as handle:
        catalog = read_po(handle, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer)


def N_(message: str) -> str:
    """Marks a message for `invoke i18n` (babel.cfg reads this file); translated where it is used."""
    return message


WEEK = N_("Week {week}, {year}")


def event_label(theme: str, item, lang: str) -> str:
    """A timeline item's date in ``lang``, the week pattern from that language's catalogue."""
    return event_date(item.value, item.precision, lang, translations(theme, lang).ugettext(WEEK))


def install_theme_helpers(generator) -> None:
    env = getattr(generator, "env", None)
    if env is None:
        return
    settings = generator.settings
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(translations(settings["THEME"], settings["DEFAULT_LANG"]), newstyle=True)
    env.filters.update(longdate=long_datetime, longday=long_day, shortdate=short_date, monthyear=month_year,
                       eventdate=functools.partial(event_label, settings["THEME"]))

    @pass_context
    def jsonld(context, article) -> Markup:
        return article_jsonld(settings, context, article)

    env.globals["article_jsonld"] = jsonld
    base = site_url(settings.get("SITEURL", ""), warta_settings(settings).feeds.site_url)

    @pass_context
    def canonical(context) -> str:
        """The absolute URL of the page being written (directory-style, without index.html)."""
        path = context.get("output_file", "")
        return absolute(base, path[:-len("index.html")] if path.endswith("index.html") else path)

    def script(data) -> Markup:
        return Markup('<script type="application/ld+json">') + Markup(script_json(data)) + Markup("</script>")

    def entity_jsonld(entity, name, kind, path) -> Markup:
        return script(entity_thing(entity, name, kind, absolute(base, path)))

    def story_jsonld(title, path, articles) -> Markup:
        return script(story_list(title, absolute(base, path), [(absolute(base, a.url), a.title) for a in articles]))

    env.globals.update(canonical=canonical, absolute_url=lambda path: absolute(base, path), og_locales=LOCALES,
                       entity_jsonld=entity_jsonld, story_jsonld=story_jsonld)


def article_jsonld(settings, context, article) -> Markup:
    """The article's schema.org NewsArticle as a <script> element (empty before enrichment).

    ``settings`` keeps the configured SITEURL: the page context holds a relative one."""
    records = context.get("warta_records_by_url", {})
    record = records.get(article.url)
    if record is None:
        return Markup("")
    data = news_article(record, article.warta, settings["SITENAME"], settings.get("SITEURL", ""),
                        warta_settings(settings).urls.entity, wikidata_items(record, context["warta_registry"]))
    return Markup('<script type="application/ld+json">') + Markup(script_json(data)) + Markup("</script>")
