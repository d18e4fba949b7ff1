"""A map over worker processes forked from the build: reading articles, analysing them, rendering pages.

Workers are forked, so they start with everything the build holds (articles, registry, statistics, the model,
compiled templates) without pickling it; only item numbers go out and results come back, in order. What a
worker reads from disk is handed back to the build's record of its inputs (warta_build.unchanged), which a
worker's copy cannot reach.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor

logger = logging.getLogger(__name__)
_PR_SET_PDEATHSIG = 1  # prctl(2)
_task = None  # the function being mapped: set before the fork, so every worker has it
_build = 0  # the build's process id, likewise


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def forked_map(jobs: int):
    """``map(function, items)`` over ``jobs`` processes (one per core when 0); in this process when 1 or when
    there is too little to share."""
    jobs = jobs or cores()

    def map_(function, items):
        items = list(items)
        if jobs <= 1 or len(items) < 4 * jobs or "fork" not in multiprocessing.get_all_start_methods():
            return list(map(function, items))
        global _task, _build
        _task, _build = function, os.getpid()
        # The build's objects out of the workers' collections, which would copy every memory page they touch;
        # not when objects are frozen already (by enrichment, or a pre-fork server): that would unfreeze theirs.
        owned = gc.get_freeze_count() == 0
        if owned:
            gc.freeze()
        try:
            pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"), initializer=_start_worker)
            try:
                returned = list(pool.map(_call, items, chunksize=max(1, len(items) // (jobs * 8))))
            finally:  # interrupted or failed: the chunks not started are dropped
                pool.shutdown(cancel_futures=True)
        finally:
            _task = None
            if owned:
                gc.unfreeze()
        from warta_build.unchanged import note_reads

        results = []
        for result, reads in returned:
            note_reads(*reads)
            results.append(result)
        return results

    return map_


def _start_worker() -> None:
    """Signals as a plain process has them (the build's handlers stay with the build, which stops the pool); die
    with the build if it is killed, holding none of its locks; and forget the build's reads, copied by the fork."""
    from warta_build.swap import release_inherited_locks
    from warta_build.unchanged import drain_reads

    for number in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    release_inherited_locks()
    drain_reads()


def _die_with_parent() -> None:
    """Linux: SIGKILL this worker when the build's process ends (a worker left running a killed build's work would
    write into a folder the next build removes)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux
        return
    if os.getppid() != _build:  # the build ended before the request took hold
        os._exit(1)


def _call(item):
    from warta_build.unchanged import drain_reads

    return _task(item), drain_reads()
