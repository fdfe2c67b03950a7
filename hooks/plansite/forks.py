"""Work shared among the CPU cores by forks of this process (`mkdocs build` draws its pages so).

A fork starts with everything this process holds in memory, so a batch of work needs only its
names sent; what comes back is pickled. A fork must not be taken while other threads run
(`mkdocs serve` has some), so callers ask for forks only in a one-thread process.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, TypeVar

Batch = TypeVar("Batch")
Result = TypeVar("Result")


def cores() -> int:
    """The CPU cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def batches(items: list, size: int) -> list[list]:
    """The items in batches of `size`, in order: small batches keep every core busy to the end."""
    return [items[start : start + size] for start in range(0, len(items), size)]


def map_in_forks(work: Callable[[Batch], Result], shares: list[Batch], processes: int) -> list[Result]:
    """work(share) for each share of the work, in `processes` forks; the results in the shares' order.

    `work` must be a module-level function; what it needs beyond its share it reads from a
    module-level variable set before calling this.
    """
    with forks_for(processes) as pool:
        return list(pool.map(work, shares))


def forks_for(processes: int) -> ProcessPoolExecutor:
    """A pool of `processes` forks of this process, all taken at its first piece of work (submit)."""
    return ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork"))
