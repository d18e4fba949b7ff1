"""Object identity without the ``builtins.id`` audit event that ``id()`` raises.

A build records what it reads with a Python audit hook (``warta_build.unchanged``), which is called for every audit
event; the YAML shape checks and page keys ask for identities hundreds of thousands of times per build. Like ``id()``,
``identity()`` is unique among the objects alive: CPython hashes an object's address rotated by 4 bits.
"""

identity = object.__hash__
