"""The batch's jobs on a Dask cluster: ``pipeline batch --scheduler dask://HOST:PORT``.

Only where the jobs run changes: the client (the ``pipeline batch`` process) plans the run,
holds the lock and the manifest, and merges what each job wrote, as with ``--jobs``; the
workers run the same job functions (batch.build_document, ...) on the same paths. So the
sources and build/ must be on a file system that every worker sees at the same path, and
every worker must run the same pipeline code (checked: a worker whose code differs fails
each job it is given, saying so). The manifest of the run's start and the plan are sent to
each worker once (Client.scatter), not with every job, as a fork gives them to a process.

A job that raises is already that document's failure (batch.guarded); a worker that dies
or cannot run a job at all makes that job a failure naming the document (batch._each).
"""
from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator

from .errors import Diagnostic, PipelineError

#: The scheme of --scheduler; tcp:// (Dask's own) is taken too.
SCHEMES = ("dask://", "tcp://", "tls://")
#: Seconds to wait for the scheduler (and for a first worker) before saying so.
CONNECT_TIMEOUT = float(os.environ.get("PIPELINE_SCHEDULER_TIMEOUT", "10"))
#: One job at a time in a worker process: the jobs read and set module state
#: (batch._MANIFEST, the working folder); threads gain nothing on CPU-bound Python.
_LOCK = threading.Lock()


def address(scheduler: str) -> str:
    """The Dask address of a --scheduler value: dask://HOST:PORT is tcp://HOST:PORT."""
    if not scheduler.startswith(SCHEMES) or ":" not in scheduler.split("://", 1)[1]:
        raise PipelineError(Diagnostic("--scheduler", None, f"{scheduler!r} is not "
                                       "dask://HOST:PORT (or tcp://HOST:PORT)"))
    return "tcp://" + scheduler.split("://", 1)[1] if scheduler.startswith("dask://") else scheduler


def connect(scheduler: str):
    """A distributed.Client of the scheduler, or a PipelineError saying why not."""
    try:
        from distributed import Client
    except ImportError:
        raise PipelineError(Diagnostic("--scheduler", None, "Dask is not installed: "
                                       "pip install 'pipeline[cluster]' (or distributed)")) from None
    where = address(scheduler)
    try:
        return Client(where, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise PipelineError(Diagnostic("--scheduler", None, f"cannot reach the Dask scheduler at "
                                       f"{where} within {CONNECT_TIMEOUT:g} s ({exc}); is `dask "
                                       "scheduler` running there?")) from None


class ClusterPool:
    """What batch._each needs of a pool (submit), running jobs on the cluster's workers."""

    def __init__(self, client, plan, manifest):
        self.client = client
        self.executor = client.get_executor(pure=False)
        state = (dict(manifest.outputs), dict(manifest.files))  # the run's start, as a fork has it
        self.shared = client.scatter([plan, state], broadcast=True, hash=False)
        self.cwd = os.getcwd()

    def submit(self, job: Callable, item, plan):
        """A concurrent.futures.Future of job(item, plan) run on a worker."""
        return self.executor.submit(remote, job, item, *self.shared, self.cwd)


@contextmanager
def pool(scheduler: str, plan, manifest) -> Iterator[ClusterPool]:
    """A ClusterPool on the scheduler for the block; the client closed after."""
    client = connect(scheduler)
    try:
        if not client.scheduler_info().get("workers"):
            client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        yield ClusterPool(client, plan, manifest)
    except TimeoutError:
        raise PipelineError(Diagnostic("--scheduler", None, f"the Dask scheduler at "
                                       f"{address(scheduler)} has no worker (start one with "
                                       "`dask worker ADDRESS`)")) from None
    finally:
        client.close()


@lru_cache(maxsize=1)
def _code() -> tuple[tuple[str, str], ...]:
    """This worker's code digests (state.code_digests), once per process."""
    from .state import code_digests

    return tuple(sorted(code_digests().items()))


def remote(job: Callable, item, plan, state: tuple[dict, dict], cwd: str):
    """On a worker: job(item, plan) in the client's folder, with the manifest of the run's
    start (a Manifest of its own, sharing the state's dicts as forked workers share theirs)."""
    from . import batch
    from .state import Manifest

    label = str(item[3]) if isinstance(item, tuple) else str(item)
    if plan.code and _code() != plan.code:
        return batch.Outcome(label=label, ok=False, messages=[
            f"{label}: error: the Dask worker on {os.uname().nodename} runs other pipeline "
            "code than the client; install the same version on every worker"])
    with _LOCK:
        manifest = Manifest(Path("/nonexistent/.manifest.json"))
        manifest.outputs, manifest.files = state
        saved, here = batch._MANIFEST, os.getcwd()
        try:
            os.chdir(cwd)
        except OSError as exc:
            return batch.Outcome(label=label, ok=False, messages=[
                f"{label}: error: the Dask worker on {os.uname().nodename} cannot enter {cwd} "
                f"({exc.strerror}); sources/ and build/ must be on a shared file system, at the "
                "same path on every machine"])
        batch._MANIFEST = manifest
        try:
            return job(item, plan)
        finally:
            batch._MANIFEST = saved
            os.chdir(here)
