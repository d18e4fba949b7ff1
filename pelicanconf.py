"""Pelican settings for Warta (development). publishconf.py builds on these for production."""

import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(_HERE, "plugins"))  # works even without the editable install

SITENAME = "Warta"
SITEURL = ""
SITE_DESCRIPTION = "Ringkasan berita pilihan, ditandai tokoh, lembaga, tempat, dan lini masa."
AUTHOR = "Redaksi Warta"
PATH = "content"
THEME = os.path.join(_HERE, "theme")
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"  # UI language of the site: "id" or "en" (theme/translations)
DEFAULT_CATEGORY = "Berita"
DEFAULT_PAGINATION = 10

ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
IGNORE_FILES = [".*", "*.yml", "*.yaml", "README*"]
ARTICLE_EXCLUDES = []
ARTICLE_TRANSLATION_ID = None  # every article stands alone; id and en stories have their own slugs
PAGE_TRANSLATION_ID = None

# Directory-style URLs that cannot collide with each other or with pagination.
ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{slug}/index.html"
ARTICLE_LANG_URL = ARTICLE_URL  # an English article lives at the same kind of URL as an Indonesian one
ARTICLE_LANG_SAVE_AS = ARTICLE_SAVE_AS
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = PAGE_URL
PAGE_LANG_SAVE_AS = PAGE_SAVE_AS
CATEGORY_URL = "kategori/{slug}/"
CATEGORY_SAVE_AS = "kategori/{slug}/index.html"
CATEGORIES_SAVE_AS = "kategori/index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
TAGS_SAVE_AS = "tag/index.html"
AUTHOR_URL = "penulis/{slug}/"
AUTHOR_SAVE_AS = "penulis/{slug}/index.html"
AUTHORS_SAVE_AS = "penulis/index.html"
ARCHIVES_SAVE_AS = "arsip/index.html"
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DRAFT_URL = ""  # drafts and embargoed articles are never written; `invoke preview` shows them
DRAFT_SAVE_AS = ""
DRAFT_LANG_URL = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_URL = ""
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/halaman/{number}/", "{base_name}/halaman/{number}/index.html"),
)
DIRECT_TEMPLATES = ["index", "categories", "tags", "authors", "archives"]
INDEX_SAVE_AS = "index.html"

# Feeds are ours (warta_feeds, feedgen): every Pelican feed off.
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
TAG_FEED_ATOM = None
TAG_FEED_RSS = None

PLUGIN_PATHS = [os.path.join(_HERE, "plugins")]
PLUGINS = ["warta_content", "warta_enrich", "warta_pages", "warta_feeds", "warta_site", "warta_incremental"]  # in this order

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}

CACHE_CONTENT = True  # unchanged articles are not read again (the cache folder changes with settings and code)
LOAD_CONTENT_CACHE = True
CHECK_MODIFIED_METHOD = "md5"  # by content, not by modification time
DELETE_OUTPUT_DIRECTORY = False
RELATIVE_URLS = True

JINJA_ENVIRONMENT = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True, "extensions": []}
SLUGIFY_SOURCE = "basename"
READERS = {"rst": None, "html": None, "htm": None}  # Markdown only, read by warta_content

PAGINATED_TEMPLATES = {"index": None, "tag": None, "category": None, "author": None}  # an entity has one page

# Warta's own settings: every key and its default is declared in plugins/warta/settings.py and listed in
# docs/settings.md; they are checked when Pelican starts. Feeds, JSON and TimelineJS files follow these URLs.
WARTA_URLS = {
    "entity": "entitas/{id}/",
    "entities": "entitas/",  # A-Z; per type: entitas/tokoh/, entitas/organisasi/, entitas/tempat/
    "story": "cerita/{slug}/",
    "stories": "cerita/",
    "timeline": "linimasa/",
    "edition": "edisi/{date:%Y}/{date:%m}/{date:%d}/",  # a day's edition in the site's zone
    "editions": "edisi/",
    "search": "cari/",
}
WARTA_ENTITIES = {"discovery_threshold": 0.7, "link_first_mention": True}
WARTA_ENTITY_TIMELINE_LIMIT = 100  # events shown on an entity page
WARTA_ENTITY_TIMELINE_DATA = 100  # events in an entity's timeline.json (TimelineJS), newest first: those the page lists
WARTA_ENTITY_ARTICLES = 20  # newest articles shown in full on an entity page; older ones in its archive by month
WARTA_ENTITY_ARCHIVE = 100  # articles in that archive; an entity with more also gets a page per year
WARTA_TIMELINE_LIMIT = 200  # events on the site-wide timeline page
WARTA_TIMELINE_SOURCES = 5  # articles listed under an event (a date hundreds of articles name lists five)
WARTA_PREVIEW = False  # invoke preview sets it: drafts and embargoed articles shown, a banner, noindex
WARTA_NOW = ""  # "now" for embargoes, ISO 8601 (the environment variable WARTA_NOW wins); empty: the clock
