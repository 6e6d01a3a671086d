"""Extracting many articles on every core: extraction is pure (a Document in, records out), so a
large ingest runs it in worker processes and keeps everything else (stamps, the one atomic write,
consolidation) in the calling process, in the order the articles came.

Workers are forked, which is only safe from a process that runs no other thread: a dashboard
ingesting from its inbox worker thread, a small batch, a one-core machine or
SITDASH_WORKERS=1 extract in-process, exactly as before. Forked workers inherit the loaded
gazetteer and compiled patterns, and die with the process that started them (Linux), so a killed
ingest leaves none behind.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_FROM = 200  # articles; below this, starting workers costs more than it saves
_PR_SET_PDEATHSIG = 1


def workers_for(count: int) -> int:
    """How many processes should extract `count` articles (1: in this process)."""
    wanted = os.environ.get("SITDASH_WORKERS", "").strip()
    if wanted.isdigit() and int(wanted) >= 1:
        limit = int(wanted)
    else:
        limit = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
            os.cpu_count() or 1)
    if (count < PARALLEL_FROM or limit < 2 or not sys.platform.startswith("linux")
            or threading.active_count() > 1):
        return 1
    return min(limit, 8)


def map_in_order(work: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
    """work(item) for each item, in order: on several cores where workers_for says so."""
    workers = workers_for(len(items))
    if workers == 1:
        yield from map(work, items)
        return
    chunk = max(1, len(items) // (workers * 8))
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork"),
                             initializer=_die_with_parent) as pool:
        yield from pool.map(work, items, chunksize=chunk)


def _die_with_parent() -> None:
    """A worker gets SIGTERM when its parent dies (a killed ingest leaves no orphans)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux's libc: the pool's own shutdown still applies
        pass
