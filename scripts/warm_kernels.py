"""Execute the book's notebooks into jupyter-cache with one reused kernel per core.

Starting a kernel and importing Altair, pandas and hlskit costs about 2.5 s per notebook, more than
most chapters take to run. Here each worker starts one kernel and runs its share of the notebooks in
it, one after another. Before each notebook the kernel's namespace is cleared (``%reset -f``) and it
moves to the notebook's folder, as a fresh kernel would; results are numbered like the cells, from 1.
Modules stay imported: that is the saving. Tests still run every notebook
in a fresh kernel (nbval), so a notebook that leaned on another's variables would fail there.

A notebook that fails is not cached; the jupyter-book build then executes it again itself, so its
error fails the build with a full traceback. After a failure or timeout the worker's kernel is
replaced, so one bad notebook cannot disturb the next.
"""
from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from jupyter_cache.base import CacheBundleIn
from jupyter_cache.cache.db import NbProjectRecord
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient

KERNEL = "python3"


def reset_cell(folder: Path) -> nbformat.NotebookNode:
    """What a fresh kernel would look like: an empty namespace, in the notebook's folder."""
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "%reset -f\n"
        "import os as _os\n"
        f"_os.chdir({str(folder)!r})\n"
        "del _os")])


def renumber(nb: nbformat.NotebookNode) -> None:
    """A reused kernel's counter runs on; a result takes its cell's number (1, 2, ...) instead."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.output_type == "execute_result":
                out.execution_count = cell.execution_count


@dataclass
class Report:
    succeeded: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


class Worker:
    """One kernel, reused for notebook after notebook."""

    def __init__(self, cwd: Path):
        self.cwd = cwd
        self.km: AsyncKernelManager | None = None
        self.kc = None

    async def start(self) -> None:
        self.km = AsyncKernelManager(kernel_name=KERNEL)
        await self.km.start_kernel(cwd=str(self.cwd))
        self.kc = self.km.client()
        self.kc.start_channels()
        await self.kc.wait_for_ready(timeout=60)

    async def stop(self) -> None:
        """Kill the kernel; after a crash there may be little left to stop, and that is fine."""
        with contextlib.suppress(Exception):
            if self.kc is not None:
                self.kc.stop_channels()
            if self.km is not None and self.km.has_kernel:
                await self.km.shutdown_kernel(now=True)
        self.km = self.kc = None

    async def run(self, nb: nbformat.NotebookNode, folder: Path, timeout: int) -> None:
        if self.km is None:
            await self.start()
        for notebook in (reset_cell(folder), nb):
            client = NotebookClient(notebook, km=self.km, timeout=timeout, allow_errors=False,
                                    record_timing=False, kernel_name=KERNEL)
            client.kc = self.kc              # the running kernel's client: nbclient then leaves it open
            await client.async_execute()
        renumber(nb)


async def _work(queue: asyncio.Queue, cache, timeout: int, report: Report, root: Path) -> None:
    worker = Worker(root)
    try:
        while not queue.empty():
            uri = queue.get_nowait()
            nb = cache.get_project_notebook(uri).nb
            start = time.monotonic()
            try:
                await worker.run(nb, Path(uri).parent, nb.metadata.get("execution", {}).get("timeout", timeout))
            except Exception as err:             # a cell error, a timeout, a dead kernel: never fatal here
                NbProjectRecord.set_traceback(uri, f"{type(err).__name__}: {err}", cache.db)
                report.failed.append(uri)
                await worker.stop()              # a fresh kernel for the next notebook
                continue
            bundle = CacheBundleIn(nb, uri, data={"execution_seconds": time.monotonic() - start})
            cache.cache_notebook_bundle(bundle, check_validity=False, overwrite=True)
            report.succeeded.append(uri)
    finally:
        await worker.stop()


def execute(uris: list[str], cache, timeout: int, workers: int, root: Path) -> Report:
    """Execute ``uris`` (already added to the cache's project) and cache each that succeeds."""
    report = Report()

    async def main():
        queue: asyncio.Queue = asyncio.Queue()
        for uri in uris:
            queue.put_nowait(uri)
        await asyncio.gather(*(_work(queue, cache, timeout, report, root)
                               for _ in range(max(1, min(workers, len(uris))))))

    asyncio.run(main())
    return report
