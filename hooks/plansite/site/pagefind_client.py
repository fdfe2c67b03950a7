"""Pagefind's indexing service, spoken to directly: pages go in while the build runs, answers come back on a thread.

Pagefind's own Python client reads one answer every tenth of a second, which is 100 s for
1,000 pages added one by one. The service's protocol is small: each message is JSON, base64
encoded and ended by a comma, on the service's stdin and stdout.
"""

from __future__ import annotations

import base64
import concurrent.futures
import json
import subprocess
import threading
from pathlib import Path


class PagefindError(Exception):
    """The Pagefind service refused a request or stopped."""


class PagefindService:
    """One `pagefind --service` process with one index in it."""

    def __init__(self, config: dict) -> None:
        from pagefind.service import get_executable

        executable = get_executable()
        if executable is None:
            raise PagefindError("the pagefind program is not installed; run: pip install 'pagefind[bin]'")
        self._process = subprocess.Popen(
            [str(executable), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        self._answers: dict[int, concurrent.futures.Future] = {}
        self._last_id = 0
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read_answers, name="pagefind-answers", daemon=True)
        self._reader.start()
        self._new_index = self.send({"type": "NewIndex", "config": config})  # answered while Pagefind starts

    @property
    def index_id(self) -> int:
        """The index this service makes, once Pagefind has started and made it."""
        return self._new_index.result(timeout=300)["index_id"]

    def send(self, payload: dict) -> concurrent.futures.Future:
        """Send a request; its answer (a dict) comes in the future returned."""
        with self._lock:
            self._last_id += 1
            future: concurrent.futures.Future = concurrent.futures.Future()
            self._answers[self._last_id] = future
            message = json.dumps({"message_id": self._last_id, "payload": payload}).encode("utf-8")
            try:
                self._process.stdin.write(base64.b64encode(message) + b",")
                self._process.stdin.flush()
            except (BrokenPipeError, ValueError):
                future.set_exception(PagefindError("Pagefind stopped before it was given every page"))
        return future

    def ask(self, payload: dict, timeout: float = 300) -> dict:
        """Send a request and wait for its answer."""
        return self.send(payload).result(timeout=timeout)

    def add_page(self, url: str, html: str) -> concurrent.futures.Future:
        """Index a page; if Pagefind could not make the index, the future returned says why."""
        try:
            index_id = self.index_id
        except Exception as error:  # noqa: BLE001 - told when the index is written
            refused: concurrent.futures.Future = concurrent.futures.Future()
            refused.set_exception(error)
            return refused
        return self.send(
            {"type": "AddFile", "index_id": index_id, "url": url, "file_path": None, "file_contents": html}
        )

    def write(self, folder: Path) -> dict:
        return self.ask({"type": "WriteFiles", "index_id": self.index_id, "output_path": str(folder)})

    def close(self) -> None:
        """Stop the service; answers still awaited fail."""
        if self._process.poll() is None:
            try:
                self._process.stdin.close()
                self._process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self._process.kill()
                self._process.wait()
        self._reader.join(timeout=10)

    def _read_answers(self) -> None:
        pending = b""
        for chunk in iter(lambda: self._process.stdout.read1(1 << 16), b""):
            *messages, pending = (pending + chunk).split(b",")
            for message in messages:
                self._answer(message)
        with self._lock:
            for future in self._answers.values():
                if not future.done():
                    future.set_exception(PagefindError("Pagefind stopped before it answered"))

    def _answer(self, message: bytes) -> None:
        try:
            answer = json.loads(base64.b64decode(message))
        except ValueError:
            return  # not a message: a line Pagefind printed
        if not isinstance(answer, dict):
            return
        payload = answer.get("payload") or {}
        with self._lock:
            future = self._answers.pop(answer.get("message_id"), None)
        if future is None:
            return
        if payload.get("type") == "Error":
            future.set_exception(PagefindError(payload.get("message", "Pagefind refused a request")))
        else:
            future.set_result(payload)
