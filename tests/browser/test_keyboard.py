"""The login page works from the keyboard alone."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from headway.accounts.services import user_signup
from tests.browser.support import PASSWORD, axe_check

# Describes the focused element well enough to tell the login page's controls apart.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "body";
  return `${el.tagName.toLowerCase()}|${el.id || el.getAttribute("name") || ""}|${el.textContent.trim()}`;
}"""


def focus_document_start(page: Page) -> None:
    """Put keyboard focus on the document itself, as on arrival without autofocus."""
    page.evaluate(
        """() => {
          document.body.tabIndex = -1;
          document.body.focus();
          document.body.removeAttribute("tabindex");
        }"""
    )


def test_login_page_tab_order(page: Page, site: str, viewport: dict[str, int]) -> None:
    user_signup(email="kim@example.com", name="Kim Keys", password=PASSWORD, verified=True)
    page.goto("/login/")
    axe_check(page)
    email = page.get_by_label("Email")
    password = page.get_by_label("Password")
    submit = page.get_by_role("main").get_by_role("button", name="Log in")
    skip = page.get_by_role("link", name="Skip to content")
    expect(email).to_be_focused()  # autofocus

    # The skip link is the first thing Tab reaches, and it shows itself when focused.
    focus_document_start(page)
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box is not None
    assert box["x"] >= 0 and box["y"] >= 0, box
    assert box["x"] + box["width"] <= viewport["width"], box

    # Tab on: email, password and the Log in button come in that order, one after the other.
    order = [page.evaluate(FOCUSED)]
    for _ in range(12):
        page.keyboard.press("Tab")
        order.append(page.evaluate(FOCUSED))
        if order[-1] == "button||Log in":
            break
    email_at = order.index("input|id_username|")
    assert order[email_at : email_at + 3] == [
        "input|id_username|",
        "input|id_password|",
        "button||Log in",
    ], order
    expect(submit).to_be_focused()
    outline = submit.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline not in ("", "none"), "The focused button has no visible focus indicator"

    # The skip link moves focus to the main content.
    focus_document_start(page)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()

    # And one can log in without a mouse.
    email.focus()
    page.keyboard.type("kim@example.com")
    page.keyboard.press("Tab")
    expect(password).to_be_focused()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
