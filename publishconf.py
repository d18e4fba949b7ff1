"""Production settings: absolute URLs, content cache on. Deploy target from the environment."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("WARTA_SITEURL", "https://warta.example.org")
RELATIVE_URLS = False

# Feeds stay off here too: warta_feeds writes them all.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None

# Deployment (invoke publish): set one of these in the environment.
DEPLOY_RSYNC_TARGET = os.environ.get("WARTA_RSYNC_TARGET", "")  # user@host:/var/www/warta/
DEPLOY_GHPAGES_BRANCH = os.environ.get("WARTA_GHPAGES_BRANCH", "")  # e.g. gh-pages
# Or an S3-compatible bucket; credentials from the usual AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
WARTA_PUBLISH = {
    "s3_bucket": os.environ.get("WARTA_S3_BUCKET", ""),
    "s3_prefix": os.environ.get("WARTA_S3_PREFIX", ""),
    "s3_endpoint": os.environ.get("WARTA_S3_ENDPOINT", ""),
    "s3_region": os.environ.get("WARTA_S3_REGION", ""),
}
