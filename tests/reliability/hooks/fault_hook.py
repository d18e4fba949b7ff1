"""A Pelican plugin for the reliability tests: at one point of a build, inject one fault into it.

WARTA_FAULT_AT names a Pelican signal, optionally with the how-manieth time it fires
(``content_written:3``); WARTA_FAULT_DO is what happens then: a signal name such as ``SIGKILL``
sent to this very process, ``raise`` (an unexpected exception), or ``wait:PATH`` (create PATH.ready,
then wait until PATH.go exists, so a test can act while this build holds its lock).
"""

import os
import signal
import time
from pathlib import Path

from pelican import signals


def register():
    at, do = os.environ.get("WARTA_FAULT_AT"), os.environ.get("WARTA_FAULT_DO", "")
    if not at:
        return
    name, _, nth = at.partition(":")
    seen = []

    def fault(*args, **kwargs):
        seen.append(1)
        if len(seen) != int(nth or 1):
            return
        if do.startswith("SIG"):
            os.kill(os.getpid(), getattr(signal, do))
            time.sleep(5)  # a handled signal is raised at the next bytecode; SIGKILL never comes back
        elif do == "raise":
            raise RuntimeError("fault injected by the test")
        elif do.startswith("wait:"):
            flag = Path(do[len("wait:"):])
            flag.with_suffix(".ready").touch()
            while not flag.with_suffix(".go").exists():
                time.sleep(0.02)

    getattr(signals, name).connect(fault, weak=False)
