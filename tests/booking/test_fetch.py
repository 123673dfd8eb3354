"""Fetching a calendar's secret address, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from headway.booking.fetch import FetchError, fetch_calendar


def fetch(url: str, **kwargs):  # type: ignore[no-untyped-def]
    """The test server is on 127.0.0.1, which real addresses may never be."""
    return fetch_calendar(url, allow_private=True, **kwargs)


GOOD = (
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:a\r\n"
    b"DTSTART:20260105T090000Z\r\nDTEND:20260105T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
seen_agents: list[str] = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output quiet
        pass

    def send(self, code: int, body: bytes = b"", length: bool = True, **headers: str) -> None:
        self.send_response(code)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        seen_agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/good.ics":
            self.send(200, GOOD, Content_Type="text/calendar")
        elif self.path == "/missing.ics":
            self.send(404, b"nothing here")
        elif self.path == "/private.ics":
            self.send(401, b"")
        elif self.path == "/broken.ics":
            self.send(500, b"")
        elif self.path == "/huge.ics":
            self.send(200, b"X" * 2_000_000)
        elif self.path == "/huge-unannounced.ics":
            # No Content-Length: the size is only found out by reading.
            self.send_response(200)
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"X" * 50_000)
        elif self.path == "/slow.ics":
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            # A byte every 0.1 s: each wait is short, the whole read would take 100 s.
            try:
                for _ in range(1000):
                    self.wfile.write(b"X")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
        elif self.path == "/moved.ics":
            self.send(302, Location="/good.ics")
        elif self.path.startswith("/loop"):
            n = int(self.path.removeprefix("/loop") or 0)
            self.send(302, Location=f"/loop{n + 1}")
        elif self.path == "/elsewhere.ics":
            self.send(302, Location="ftp://example.com/cal.ics")
        else:
            self.send(404)


class Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):  # a client that hung up: expected here
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = Server(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_good_calendar_bytes_and_user_agent(server):
    seen_agents.clear()
    assert fetch(f"http://{server}/good.ics") == GOOD
    assert seen_agents == ["Headway calendar reader"]


def test_redirect_is_followed(server):
    assert fetch(f"http://{server}/moved.ics") == GOOD


def test_too_many_redirects(server):
    with pytest.raises(FetchError) as info:
        fetch(f"http://{server}/loop")
    assert str(info.value) == (
        "The calendar address sent us on more than 3 times; copy the secret address again "
        "from your calendar's settings."
    )


def test_redirect_to_another_scheme_is_refused(server):
    with pytest.raises(FetchError, match="not a web address"):
        fetch(f"http://{server}/elsewhere.ics")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        (
            "/missing.ics",
            "The calendar address answered 404 Not Found: check that the secret address is "
            "complete.",
        ),
        ("/private.ics", "The calendar address answered 401 Unauthorized: the address is not"),
        ("/broken.ics", "The calendar address answered 500 Internal Server Error: the calendar"),
    ],
)
def test_http_errors(server, path, message):
    with pytest.raises(FetchError) as info:
        fetch(f"http://{server}{path}")
    assert str(info.value).startswith(message)


@pytest.mark.parametrize("path", ["/huge.ics", "/huge-unannounced.ics"])
def test_huge_body_is_refused(server, path):
    with pytest.raises(FetchError) as info:
        fetch(f"http://{server}{path}", max_bytes=1_000_000)
    assert str(info.value) == "The calendar file is larger than 1 MB."


def test_default_limit_is_five_megabytes(server):
    assert fetch(f"http://{server}/huge.ics") == b"X" * 2_000_000


def test_slow_body_stops_at_the_deadline(server):
    started = time.monotonic()
    with pytest.raises(FetchError) as info:
        fetch(f"http://{server}/slow.ics", timeout=0.5)
    assert time.monotonic() - started < 1.5
    assert str(info.value) == "The calendar address did not answer within 0.5 seconds."


def test_webcal_is_read_as_https(server):
    # The test server speaks plain HTTP, so HTTPS to it fails: proof that webcal meant HTTPS.
    with pytest.raises(FetchError) as info:
        fetch(f"webcal://{server}/good.ics", timeout=2)
    assert "secure connection" in str(info.value) or "could not be reached" in str(info.value)


@pytest.mark.parametrize("url", ["ftp://example.com/cal.ics", "file:///etc/passwd", "cal.ics"])
def test_other_schemes_are_refused(url):
    with pytest.raises(FetchError) as info:
        fetch(url)
    assert str(info.value).startswith(
        "The calendar address should begin with https://, http:// or webcal://"
    )


def test_connection_refused():
    with pytest.raises(FetchError, match="refused the connection"):
        fetch("http://127.0.0.1:9/cal.ics", timeout=2)


def test_addresses_on_this_machine_or_a_private_network_are_refused(server):
    for url in (f"http://{server}/good.ics", "http://localhost/x.ics", "https://10.1.2.3/x.ics"):
        with pytest.raises(FetchError, match="private network"):
            fetch_calendar(url)
