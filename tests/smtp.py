"""A real SMTP server for tests: aiosmtpd on 127.0.0.1, keeping every message it receives.

Import the fixtures into a conftest or test module:
    from tests.smtp import mailbox, smtp_server  # noqa: F401
"""

from __future__ import annotations

import email
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import Message

import pytest
from aiosmtpd.controller import Controller

LINK = re.compile(r"https?://[^\s<>\"']+")


@dataclass
class Received:
    to: list[str]
    message: Message

    @property
    def subject(self) -> str:
        return str(self.message["Subject"] or "")

    @property
    def body(self) -> str:
        part = self.message
        if part.is_multipart():
            part = next(p for p in part.walk() if p.get_content_type() == "text/plain")
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        return payload.decode(part.get_content_charset() or "utf-8")

    def first_link(self) -> str:
        found = LINK.search(self.body)
        assert found, f"No link in the email {self.subject!r}:\n{self.body}"
        return found.group(0)


@dataclass
class Mailbox:
    """What the SMTP server has received, in order."""

    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:  # noqa: N802
        content = envelope.content  # type: ignore[attr-defined]
        raw = content if isinstance(content, bytes) else content.encode()
        with self.lock:
            self.received.append(
                Received([a.lower() for a in envelope.rcpt_tos], email.message_from_bytes(raw))  # type: ignore[attr-defined]
            )
        return "250 Message accepted for delivery"

    def clear(self) -> None:
        with self.lock:
            self.received.clear()

    def to(self, address: str) -> list[Received]:
        with self.lock:
            return [m for m in self.received if address.lower() in m.to]

    def wait_for(self, address: str, subject: str = "", timeout: float = 5.0) -> Received:
        """The first message to `address` whose subject contains `subject`, polling until `timeout`."""
        deadline = time.monotonic() + timeout
        while True:
            found = [m for m in self.to(address) if subject.lower() in m.subject.lower()]
            if found:
                return found[0]
            if time.monotonic() > deadline:
                seen = [(m.to, m.subject) for m in self.received]
                raise AssertionError(
                    f"No email to {address} ({subject!r}) within {timeout}s; got {seen}"
                )
            time.sleep(0.05)


@dataclass
class SmtpServer:
    host: str
    port: int
    mailbox: Mailbox

    def mailer_settings(self) -> dict[str, dict[str, object]]:
        return {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {"host": self.host, "port": self.port, "timeout": 5},
            }
        }


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[SmtpServer]:
    """One aiosmtpd server for the whole session; `mailbox` empties it per test."""
    from django.core.mail.utils import DNS_NAME

    # Django's SMTP backend says HELO with the machine's FQDN; resolve it once up front.
    DNS_NAME.get_fqdn()
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield SmtpServer(controller.hostname, controller.port, box)
    finally:
        controller.stop()


@pytest.fixture
def mailbox(smtp_server: SmtpServer, settings) -> Mailbox:
    """Django sends through the SMTP server; the mailbox starts empty."""
    settings.MAILERS = smtp_server.mailer_settings()
    smtp_server.mailbox.clear()
    return smtp_server.mailbox
