import json

from warta.publish.jsonld import script_json


def test_json_ld_cannot_close_its_script():
    text = script_json({"headline": "</script><script>alert(1)</script> & more"})
    assert "</" not in text and "<" not in text and "&" not in text
    assert json.loads(text)["headline"] == "</script><script>alert(1)</script> & more"
