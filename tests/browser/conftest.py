"""Real-browser tests: Debian's Chromium driven by Playwright against pytest-django's live server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.core.servers.basehttp import WSGIServer
from django.urls import get_resolver
from playwright.sync_api import Browser, BrowserContext, Page
from pytest_django.live_server_helper import LiveServer

from tests.smtp import Mailbox, mailbox, smtp_server  # noqa: F401

HERE = Path(__file__).parent

VIEWPORTS = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 390, "height": 844},
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


class SerialWSGIServer(WSGIServer):
    """Handles one request at a time. The test database is in-memory SQLite, whose single
    connection the server shares; a threaded server would let concurrent requests (an htmx
    autosave on blur racing a form submit, say) interleave their transactions on it."""

    def __init__(
        self, *args: object, connections_override: object = None, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)


@pytest.fixture(scope="session")
def live_server(request: pytest.FixtureRequest) -> Iterator[LiveServer]:
    """pytest-django's live server, made single-threaded (see SerialWSGIServer)."""
    # Django imports the URLconf, and with it every view module, on the first request: a few
    # seconds on a busy machine, which the first page load of a session would otherwise pay
    # inside its test's 5 s timeout. Import it here, once, before any test's clock runs.
    get_resolver().url_patterns  # noqa: B018
    server = LiveServer(request.config.getvalue("liveserver") or "localhost", start=False)
    server.thread.server_class = SerialWSGIServer
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _builtin_models(transactional_db: None) -> None:
    # Built-in coaching models come from a post_migrate signal. Today the flush after each
    # transactional test re-emits post_migrate, so this is a cheap guard (a no-op when the
    # models are current) against a flush that does not, e.g. with available_apps set.
    from headway.coaching.services import builtin_models_sync

    builtin_models_sync()


@pytest.fixture
def site(live_server, settings, mailbox: Mailbox) -> str:  # noqa: F811
    """The live server's URL; emailed links point at it and email goes to the SMTP server."""
    settings.SITE_URL = live_server.url
    return live_server.url


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def viewport(request: pytest.FixtureRequest) -> dict[str, int]:
    return VIEWPORTS[request.param]


@pytest.fixture
def new_context(
    browser: Browser, site: str, viewport: dict[str, int]
) -> Iterator[Callable[[], BrowserContext]]:
    """Make fresh browser contexts (one per person) at the test's viewport."""
    contexts: list[BrowserContext] = []

    def make() -> BrowserContext:
        context = browser.new_context(viewport=viewport, base_url=site)
        context.set_default_timeout(5_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context: Callable[[], BrowserContext]) -> Page:
    return new_context().new_page()
