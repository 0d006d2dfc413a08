"""A minimal LSP client over stdio (JSON-RPC with Content-Length frames), for tests and the
latency benchmark: it talks to the real server process the way an editor does."""
from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

SERVER = [str(Path(sys.executable).with_name("flake8-dbsession")), "server"]


class Client:
    def __init__(self, cwd: str, command: list[str] | None = None) -> None:
        self.proc = subprocess.Popen(command or SERVER, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.messages: queue.Queue = queue.Queue()
        self.seen: list[dict] = []
        self._next_id = 0
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        stream = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                key, _, value = line.partition(":")
                headers[key.strip().lower()] = value.strip()
            body = stream.read(int(headers["content-length"]))
            self.messages.put((time.perf_counter(), json.loads(body)))

    def _send(self, payload: dict) -> None:
        body = json.dumps(payload).encode("utf-8")
        self.proc.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode("ascii") + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params: dict, timeout: float = 60) -> dict:
        self._next_id += 1
        ident = self._next_id
        self._send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        message = self.wait(lambda m: m.get("id") == ident and "method" not in m, timeout)
        if "error" in message:
            raise RuntimeError(message["error"])
        return message.get("result")

    def wait(self, predicate, timeout: float = 60) -> dict:
        return self.wait_timed(predicate, timeout)[1]

    def wait_timed(self, predicate, timeout: float = 60) -> tuple[float, dict]:
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no matching message in {timeout} s; seen: {self.seen[-5:]}")
            try:
                at, message = self.messages.get(timeout=remaining)
            except queue.Empty:
                continue
            self.seen.append(message)
            if message.get("method") == "workspace/configuration" and "id" in message:
                self._send({"jsonrpc": "2.0", "id": message["id"], "result": [None] * len(
                    message["params"]["items"])})
            if predicate(message):
                return at, message

    def diagnostics(self, uri: str, version: int | None = None, timeout: float = 60) -> list[dict]:
        message = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                            and m["params"]["uri"] == uri
                            and (version is None or m["params"].get("version") == version), timeout)
        return message["params"]["diagnostics"]

    def initialize(self, root_uri: str, options: dict | None = None) -> dict:
        result = self.request("initialize", {"processId": None, "rootUri": root_uri, "capabilities": {},
                                             "initializationOptions": options or {}})
        self.notify("initialized", {})
        return result

    def close(self) -> None:
        try:
            self.request("shutdown", {}, timeout=20)
            self.notify("exit", {})
            self.proc.wait(timeout=20)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
