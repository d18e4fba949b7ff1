"""YAML read as nodes with line numbers, scalars kept as the editor typed them.

PyYAML implements YAML 1.1, where ``NO`` is False and ``12:30`` is 750. We never let
PyYAML construct values: we compose nodes with the C parser and read scalars ourselves,
so a schema can ask for the raw text of a field and YAML 1.2 core rules apply elsewhere.
"""

from __future__ import annotations

import re

import yaml

from warta.problems import Problem

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")


def compose(text: str, path: str, first_line: int = 1) -> tuple[yaml.Node | None, list[Problem]]:
    """Parse ``text`` into a node tree; ``first_line`` is the file line of the text's first line."""
    try:
        return yaml.compose(text, Loader=_Loader), []
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + mark.line if mark else first_line
        reason = error.problem or error.context or "invalid YAML"
        return None, [Problem(path, line, f"malformed YAML: {reason}", "check indentation and quoting")]
    except yaml.YAMLError as error:
        return None, [Problem(path, first_line, f"malformed YAML: {error}")]


def line_of(node: yaml.Node, first_line: int = 1) -> int:
    return first_line + node.start_mark.line


def scalar(node: yaml.ScalarNode):
    """The YAML 1.2 core-schema value of a scalar node."""
    if node.style:  # quoted or block scalars are always strings
        return node.value
    # Tags PyYAML resolved implicitly follow YAML 1.1; apply the 1.2 core rules instead.
    value = node.value
    if value in _BOOL:
        return _BOOL[value]
    if _NULL.match(value):
        return None
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value) and any(c.isdigit() for c in value):
        return float(value)
    return value


def plain(node: yaml.Node):
    """Convert a node tree to plain Python values (YAML 1.2 core scalars)."""
    if isinstance(node, yaml.ScalarNode):
        return scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return [plain(item) for item in node.value]
    return {str(scalar(key)) if isinstance(key, yaml.ScalarNode) else str(key.value): plain(value)
            for key, value in node.value}


def text_of(node: yaml.Node) -> str | None:
    """The raw text of a scalar (``NO`` stays "NO", ``2024`` stays "2024"); None if empty."""
    if not isinstance(node, yaml.ScalarNode):
        return None
    if not node.style and _NULL.match(node.value):
        return None
    return node.value
