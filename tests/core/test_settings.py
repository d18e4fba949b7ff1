from warta.settings import EntitySettings, entity_settings


def test_defaults_and_overrides():
    settings, problems = entity_settings({"discovery_threshold": 0.5, "related_limit": 3})
    assert problems == []
    assert settings == EntitySettings(discovery_threshold=0.5, related_limit=3)


def test_every_bad_key_is_reported():
    _, problems = entity_settings({"discovery_treshold": 0.5, "related_limit": -1, "link_first_mention": "yes"})
    assert [str(p) for p in problems] == [
        "pelicanconf.py: WARTA_ENTITIES: unknown setting 'discovery_treshold' (did you mean 'discovery_threshold'?)",
        "pelicanconf.py: WARTA_ENTITIES['link_first_mention'] must be a bool",
        "pelicanconf.py: WARTA_ENTITIES['related_limit'] must not be negative",
    ]


def test_not_a_dict():
    _, problems = entity_settings(["x"])
    assert [str(p) for p in problems] == ["pelicanconf.py: WARTA_ENTITIES must be a dict"]
