"""YAML read as nodes with line numbers, scalars kept as the editor typed them.

PyYAML implements YAML 1.1, where ``NO`` is False and ``12:30`` is 750. We never let
PyYAML construct values: we compose nodes with the C parser and read scalars ourselves,
so a schema can ask for the raw text of a field and YAML 1.2 core rules apply elsewhere.

One reading rule for front-matter, the registry and stories (:func:`compose`): nesting is
bounded (before the composer recurses), aliases may not form a cycle or blow up (a
"billion laughs" file is refused, not expanded), and a key given twice in one mapping is
a problem, never a silent winner.
"""

from __future__ import annotations

import re

import yaml

from warta.identity import identity
from warta.problems import Problem

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_DEPTH = 32  # nested lists/mappings; our schemas need 4
MAX_ALIAS_GROWTH = 10_000  # values aliases may add beyond those spelt out in the file

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")


def compose(text: str, path: str, first_line: int = 1) -> tuple[yaml.Node | None, list[Problem]]:
    """Parse ``text`` into a node tree; ``first_line`` is the file line of the text's first line."""
    try:
        problem = _too_deep(text, path, first_line)
        if problem:
            return None, [problem]
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + mark.line if mark else first_line
        reason = error.problem or error.context or "invalid YAML"
        return None, [Problem(path, line, f"malformed YAML: {reason}", "check indentation and quoting")]
    except yaml.YAMLError as error:
        return None, [Problem(path, first_line, f"malformed YAML: {error}")]
    if node is None:
        return None, []
    problems = _shape_problems(node, path, first_line)
    return (None, problems) if problems else (node, [])


def _too_deep(text: str, path: str, first_line: int) -> Problem | None:
    """Walk the event stream (iteratively) so the recursive composer never sees deep nesting."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return Problem(path, first_line + event.start_mark.line,
                               f"YAML nested more than {MAX_DEPTH} levels deep", "flatten the structure")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _shape_problems(root: yaml.Node, path: str, first_line: int) -> list[Problem]:
    """Cycles, alias blow-up, expanded depth and duplicate keys, in one iterative walk."""
    size: dict[int, int] = {}  # identity(node) -> values once aliases are expanded
    depth: dict[int, int] = {}
    active: set[int] = set()
    problems: list[Problem] = []
    stack = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = identity(node)
        if children_done:
            active.discard(key)
            kids = _children(node)
            size[key] = 1 + sum(size[identity(k)] for k in kids)
            depth[key] = 1 + max((depth[identity(k)] for k in kids), default=0)
            if depth[key] > MAX_DEPTH:
                return [Problem(path, line_of(node, first_line),
                                f"YAML aliases nest more than {MAX_DEPTH} levels deep", "write the values out")]
            if isinstance(node, yaml.MappingNode):
                problems += _duplicate_keys(node, path, first_line)
            continue
        if key in size:
            continue
        if key in active:
            return [Problem(path, line_of(node, first_line), "YAML alias refers to itself (a cycle)",
                            "write the values out instead of using '*' aliases")]
        active.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(_children(node)) if identity(child) not in size)
    if size[identity(root)] > len(size) + MAX_ALIAS_GROWTH:
        return [Problem(path, line_of(root, first_line),
                        f"YAML aliases expand to {size[identity(root)]:,} values (at most {MAX_ALIAS_GROWTH:,} "
                        "more than the file spells out)", "write the values out instead of using '*' aliases")]
    return problems


def _duplicate_keys(node: yaml.MappingNode, path: str, first_line: int) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        line = line_of(key_node, first_line)
        if key_node.value in seen:
            problems.append(Problem(path, line, f"key '{key_node.value}' is given twice",
                                    f"first given on line {seen[key_node.value]}; keep one"))
        else:
            seen[key_node.value] = line
    return problems


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
    """Convert a node tree from :func:`compose` to plain Python values (YAML 1.2 core scalars)."""
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
