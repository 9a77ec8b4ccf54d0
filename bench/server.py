"""The bench web server: the Django app over a small threaded WSGI server on 127.0.0.1.

It is the stdlib wsgiref server with Django's HTTP/1.1 keep-alive handler (one thread per
connection), so the load generator measures the application rather than TCP handshakes.
The app views and the bare baseline views are served by the same process.

Run as a child process by ``Server.start()``; it prints ``LISTENING host:port`` once bound and
stops when its stdin closes (the parent exited or called ``stop()``) or after --max-seconds.
"""

from __future__ import annotations

import argparse
import http.client
import os
import queue
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import cast

HOST = "127.0.0.1"
REPO_ROOT = Path(__file__).resolve().parent.parent
_START_TIMEOUT_SECONDS = 60.0


def serve(port: int, max_seconds: float) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application

    class QuietHandler(WSGIRequestHandler):
        def setup(self) -> None:
            super().setup()
            # Headers and body leave in separate writes; without NODELAY, Nagle's algorithm and
            # the client's delayed ACK add ~40 ms to every keep-alive response.
            cast(socket.socket, self.connection).setsockopt(
                socket.IPPROTO_TCP, socket.TCP_NODELAY, 1
            )

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return  # one log line per request would be measured too

    app = get_wsgi_application()
    httpd = ThreadedWSGIServer((HOST, port), QuietHandler)
    httpd.set_app(app)

    def stop_on_eof() -> None:
        sys.stdin.read()
        httpd.shutdown()

    threading.Thread(target=stop_on_eof, name="bench-stdin", daemon=True).start()
    timer = threading.Timer(max_seconds, httpd.shutdown)
    timer.daemon = True
    timer.start()
    print(f"LISTENING {HOST}:{httpd.server_port}", flush=True)
    try:
        httpd.serve_forever(poll_interval=0.2)
    finally:
        timer.cancel()
        httpd.server_close()


@dataclass
class Server:
    """The parent's handle on a running bench server process."""

    process: subprocess.Popen[str]
    host: str
    port: int
    log_path: Path

    @classmethod
    def start(cls, max_seconds: float = 3600.0) -> Server:
        log = tempfile.NamedTemporaryFile(  # noqa: SIM115 (kept open for the child's lifetime)
            prefix="taavon-bench-server-", suffix=".log", delete=False
        )
        env = dict(os.environ, DJANGO_SETTINGS_MODULE="bench.settings", PYTHONUNBUFFERED="1")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bench.server",
                "--port",
                "0",
                "--max-seconds",
                str(max_seconds),
            ],
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
        log.close()
        server = cls(process=process, host=HOST, port=0, log_path=Path(log.name))
        try:
            server.port = server._read_port()
            server._wait_ready()
        except BaseException:
            server.stop()
            raise
        return server

    def _read_port(self) -> int:
        lines: queue.Queue[str] = queue.Queue()
        stdout = self.process.stdout
        assert stdout is not None

        def pump() -> None:
            for line in stdout:
                lines.put(line)

        threading.Thread(target=pump, name="bench-server-stdout", daemon=True).start()
        deadline = time.monotonic() + _START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                line = lines.get(timeout=0.2)
            except queue.Empty:
                continue
            if line.startswith("LISTENING "):
                return int(line.rsplit(":", 1)[1])
        raise RuntimeError(f"bench server did not start; log:\n{self.log_tail()}")

    def _wait_ready(self) -> None:
        for _ in range(100):
            try:
                conn = http.client.HTTPConnection(self.host, self.port, timeout=5)
                conn.request("GET", "/bench/bare/")
                status = conn.getresponse().status
                conn.close()
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"bench server never answered /bench/bare/; log:\n{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        if self.process.stdin is not None and not self.process.stdin.closed:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        if self.process.stdout is not None:
            self.process.stdout.close()
        self.log_path.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve Taavon for the benchmark (127.0.0.1 only).")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--max-seconds", type=float, default=3600.0)
    args = parser.parse_args(argv)
    serve(args.port, args.max_seconds)


if __name__ == "__main__":
    main()
