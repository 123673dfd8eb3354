"""Fetching a coach's calendar from its "secret address" (Google, Outlook, Apple Calendar).

Plain standard-library I/O, no Django: the caller (a worker task) decides when to fetch and
what to keep. Every failure is a FetchError whose message names the problem in words the
coach can act on; the worker is never held longer than `timeout` seconds in all, even by a
server that trickles its answer a byte at a time.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit, urlunsplit

USER_AGENT = "Headway calendar reader"
MAX_REDIRECTS = 3
_CHUNK = 64 * 1024


class FetchError(Exception):
    """The calendar could not be fetched; str() is a clear sentence for the coach."""


def _public_host(host: str) -> None:
    """Refuse a server on this machine or its private network: a calendar address is typed
    by a coach, and must not let anyone read what only the server itself can reach."""
    try:
        found = socket.getaddrinfo(host, None)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(
            f"The calendar server “{host}” could not be found; copy the address again."
        ) from exc
    for *_, sockaddr in found:
        address = ipaddress.ip_address(sockaddr[0])
        if not address.is_global:
            raise FetchError(
                "The calendar address points inside a private network; use the secret address "
                "your calendar service gives (it begins with https://)."
            )


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def __init__(self, allow_private: bool) -> None:
        super().__init__()
        self.allow_private = allow_private

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        parts = urlsplit(newurl)
        if parts.scheme.lower() not in ("http", "https"):
            raise FetchError(
                "The calendar address sent us on to an address that is not a web address."
            )
        if not self.allow_private and parts.hostname:
            _public_host(parts.hostname)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def normalise_address(url: str) -> str:
    """The address as it will be fetched (webcal as https), or a FetchError saying why not."""
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "webcal":
        # webcal:// is how calendar apps say "subscribe"; the server behind it speaks HTTPS.
        parts = parts._replace(scheme="https")
    elif scheme not in ("http", "https"):
        raise FetchError(
            "The calendar address should begin with https://, http:// or webcal:// "
            "(copy the secret address from your calendar's settings)."
        )
    if not parts.hostname:
        raise FetchError("The calendar address has no server name in it; copy it again.")
    return urlunsplit(parts)


def _size(max_bytes: int) -> str:
    mb = max_bytes / 1_000_000
    return f"{mb:g} MB" if mb >= 1 else f"{max_bytes:,} bytes"


def _seconds(timeout: float) -> str:
    return f"{timeout:g} second" + ("" if timeout == 1 else "s")


def fetch_calendar(
    url: str, *, timeout: float = 10.0, max_bytes: int = 5_000_000, allow_private: bool = False
) -> bytes:
    """The bytes at a calendar's address, at most `max_bytes`, within `timeout` seconds;
    addresses on private networks only with `allow_private` (tests, a local calendar server)."""
    target = normalise_address(url)
    if not allow_private:
        _public_host(urlsplit(target).hostname or "")
    deadline = time.monotonic() + timeout
    late = FetchError(f"The calendar address did not answer within {_seconds(timeout)}.")
    opener = urllib.request.build_opener(_Redirects(allow_private))
    request = urllib.request.Request(  # noqa: S310 (the scheme is checked above)
        target,
        headers={"User-Agent": USER_AGENT, "Accept": "text/calendar, */*;q=0.5"},
    )
    try:
        # The socket timeout bounds each wait; the deadline below bounds the whole read.
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"The calendar file is larger than {_size(max_bytes)}.")
            chunks: list[bytes] = []
            read = 0
            while read <= max_bytes:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise late
                # A smaller wait for the next bytes, so a trickle cannot outlast the deadline.
                _set_timeout(response, left)
                chunk = response.read1(min(_CHUNK, max_bytes + 1 - read))
                if not chunk:
                    break
                chunks.append(chunk)
                read += len(chunk)
            if read > max_bytes:
                raise FetchError(f"The calendar file is larger than {_size(max_bytes)}.")
            if time.monotonic() > deadline:
                raise late
            return b"".join(chunks)
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        raise FetchError(_http_message(exc.code, exc.reason)) from exc
    except urllib.error.URLError as exc:
        raise _connection_error(exc.reason, timeout) from exc
    except TimeoutError as exc:
        raise late from exc
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise _connection_error(exc, timeout) from exc


def _set_timeout(response: object, seconds: float) -> None:
    """Lower the socket's wait to what is left of the deadline (http.client keeps it in
    response.fp.raw._sock)."""
    fp = getattr(response, "fp", None)
    raw = getattr(fp, "raw", None)
    sock = getattr(raw, "_sock", None)
    if isinstance(sock, socket.socket):
        sock.settimeout(max(seconds, 0.001))


def _http_message(code: int, reason: object) -> str:
    reason_text = str(reason or "").strip() or "error"
    answered = f"The calendar address answered {code} {reason_text}"
    if 300 <= code < 400:
        return (
            f"The calendar address sent us on more than {MAX_REDIRECTS} times; copy the "
            "secret address again from your calendar's settings."
        )
    if code == 404 or code == 410:
        return f"{answered}: check that the secret address is complete."
    if code in (401, 403):
        return (
            f"{answered}: the address is not public. Use the secret address (it has a long "
            "key in it), or make a new one in your calendar's settings."
        )
    if code == 429:
        return f"{answered}: the calendar server asks us to wait. We will try again later."
    if code >= 500:
        return f"{answered}: the calendar server has a problem. We will try again later."
    return f"{answered}."


def _connection_error(reason: object, timeout: float) -> FetchError:
    if isinstance(reason, TimeoutError):
        return FetchError(f"The calendar address did not answer within {_seconds(timeout)}.")
    if isinstance(reason, socket.gaierror):
        return FetchError(
            "The calendar address names a server that cannot be found; check the address."
        )
    if isinstance(reason, ssl.SSLError | ssl.CertificateError):
        return FetchError(
            "The calendar server's secure connection could not be checked, so nothing was read."
        )
    if isinstance(reason, ConnectionRefusedError):
        return FetchError("The calendar server refused the connection; check the address.")
    return FetchError("The calendar address could not be reached; check it and try again.")
