"""One virtual user's browser: a keep-alive HTTP connection, cookies, CSRF, redirects.

A web process that refuses the connection (killed, restarting) is answered as a load
balancer would: the request goes to the next web process; with only one, it is retried
every half second (a person pressing reload) and the wait is counted apart from errors."""

from __future__ import annotations

import http.client
import time
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

TIMEOUT = 30.0
OUTAGE_LIMIT = 60.0  # seconds of refused connections before the driver gives up on a request


@dataclass
class Response:
    status: int
    location: str
    body: bytes
    seconds: float


class Refused(Exception):
    """No web process accepted the connection within OUTAGE_LIMIT."""


class Browser:
    def __init__(self, ports: list[int], first: int) -> None:
        self.ports = ports
        self.current = first % len(ports)
        self.conn: http.client.HTTPConnection | None = None
        self.cookies: dict[str, str] = {}
        self.refused_seconds = 0.0
        self.failovers = 0

    def _connection(self) -> http.client.HTTPConnection:
        if self.conn is None:
            port = self.ports[self.current]
            self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
        return self.conn

    def _drop(self) -> None:
        if self.conn is not None:
            self.conn.close()
        self.conn = None

    def request(self, method: str, path: str, data: dict[str, str] | None = None) -> Response:
        """One request; raises on a broken connection mid-request (the outcome is unknown)."""
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if method == "POST":
            form = {**(data or {}), "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        waited_since = None
        retried = False
        while True:
            conn = self._connection()
            started = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
            except (ConnectionRefusedError, ConnectionResetError, BrokenPipeError) as exc:
                # Nothing reached a web process: safe to send again, elsewhere or later.
                self._drop()
                if isinstance(exc, ConnectionRefusedError):
                    waited_since = waited_since or time.perf_counter()
                    if time.perf_counter() - waited_since > OUTAGE_LIMIT:
                        raise Refused(path) from exc
                    if len(self.ports) > 1:
                        self.current = (self.current + 1) % len(self.ports)
                        self.failovers += 1
                    else:
                        time.sleep(0.5)
                continue
            try:
                raw = conn.getresponse()
                content = raw.read()
            except (http.client.RemoteDisconnected, ConnectionResetError):
                self._drop()
                if method == "GET" and not retried:
                    # Reading is safe to repeat (a kept-alive connection the server closed, or
                    # a web process killed mid-request); a form post is not: its outcome is
                    # unknown, and the fault run checks what became of it.
                    retried = True
                    continue
                raise
            except Exception:
                self._drop()
                raise
            elapsed = time.perf_counter() - started
            if waited_since is not None:
                self.refused_seconds += started - waited_since
            self._remember(raw.headers.get_all("Set-Cookie") or [])
            location = urlsplit(raw.headers.get("Location", "")).path
            return Response(raw.status, location, content, elapsed)

    def _remember(self, headers: list[str]) -> None:
        for header in headers:
            cookie = SimpleCookie()
            cookie.load(header)
            for key, morsel in cookie.items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(key, None)
                else:
                    self.cookies[key] = morsel.value
