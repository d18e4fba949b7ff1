"""Plugin settings: one frozen dataclass per plugin, defaults here, validated before a build."""

from __future__ import annotations

from dataclasses import dataclass, fields

from warta.problems import Problem, did_you_mean

SETTINGS_FILE = "pelicanconf.py"


@dataclass(frozen=True)
class EntitySettings:
    discovery_threshold: float = 0.7  # candidates at or above this confidence are tagged as discovered
    discovered_pages: bool = False  # write pages (and feeds) for discovered names too
    link_first_mention: bool = True  # link an entity's first mention in the body to its page
    related_limit: int = 8  # entities shown as "often named with" on an entity page


def read_settings(cls, name: str, values) -> tuple[object, list[Problem]]:
    """Build ``cls`` from a settings dict; unknown keys and wrong types are problems."""
    if values is None:
        values = {}
    if not isinstance(values, dict):
        return cls(), [Problem(SETTINGS_FILE, None, f"{name} must be a dict")]
    known = {f.name: f for f in fields(cls)}
    problems, accepted = [], {}
    for key, value in sorted(values.items()):
        if key not in known:
            problems.append(Problem(SETTINGS_FILE, None, f"{name}: unknown setting '{key}'", did_you_mean(key, known)))
            continue
        default = known[key].default
        if isinstance(default, bool) != isinstance(value, bool) or not isinstance(value, type(default)) and not (
                isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool)):
            problems.append(Problem(SETTINGS_FILE, None, f"{name}['{key}'] must be a {type(default).__name__}"))
            continue
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
            problems.append(Problem(SETTINGS_FILE, None, f"{name}['{key}'] must not be negative"))
            continue
        accepted[key] = value
    return cls(**accepted), problems


def entity_settings(values) -> tuple[EntitySettings, list[Problem]]:
    return read_settings(EntitySettings, "WARTA_ENTITIES", values)


@dataclass(frozen=True)
class PublishSettings:
    s3_bucket: str = ""  # publish to this S3-compatible bucket (invoke publish); empty: rsync or ghp-import
    s3_prefix: str = ""  # a folder inside the bucket, e.g. "site/"
    s3_endpoint: str = ""  # for S3-compatible services (MinIO, R2, ...); empty: AWS
    s3_region: str = ""


def publish_settings(values) -> tuple[PublishSettings, list[Problem]]:
    return read_settings(PublishSettings, "WARTA_PUBLISH", values)
