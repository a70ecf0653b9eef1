"""What the browser tests share: named steps with a screenshot on failure, the checks every page gets, and a
file to upload."""

import contextlib
import re

from playwright.sync_api import Page, expect
from pypdf import PdfWriter

from tests.e2e.accessibility import assert_accessible


@contextlib.contextmanager
def step(page: Page, tmp_path, name: str):
    """A named step of the story; on failure, name the step and keep a screenshot in tmp_path."""
    try:
        yield
    except Exception as error:
        slug = re.sub(r"\W+", "-", name)[:40]
        shot = tmp_path / f"failed-{slug}.png"
        with contextlib.suppress(Exception):
            page.screenshot(path=str(shot), full_page=True)
        raise AssertionError(f"Step '{name}' failed (screenshot: {shot}; page: {page.url}): "
                             f"{str(error).strip().splitlines()[0]}") from error


UNNAMED_CONTROL = re.compile(
    r"^\s*- (?:button|textbox|searchbox|combobox|listbox|checkbox|radio|spinbutton|slider|link)"
    r"(?:\s*\[[^\]]*\])*\s*(?::.*)?$",
    re.MULTILINE)


def assert_controls_named(page: Page):
    """Every control on the page has an accessible name, and axe-core finds no WCAG 2.1 A/AA violation."""
    snapshot = page.locator("body").aria_snapshot()
    unnamed = [match.group(0).strip() for match in UNNAMED_CONTROL.finditer(snapshot)]
    assert not unnamed, f"controls without an accessible name on {page.url}: {unnamed}"
    assert_accessible(page)


def expect_message(page: Page, text: str):
    expect(page.get_by_role("status").filter(has_text=text)).to_be_visible()


def fill_sign_in(page: Page, username: str, password: str):
    """Fill in the sign-in form the page shows and send it."""
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()


def click_and_settle(page: Page, control) -> None:
    """Click a control that saves in place (htmx) and wait until the answer is swapped in."""
    page.evaluate("() => { window.swapSettled = new Promise(resolve => document.body.addEventListener("
                  "'htmx:afterSettle', () => resolve(true), {once: true})); }")
    control.click()
    page.evaluate("() => window.swapSettled")  # evaluate awaits the promise (no eval: the CSP forbids it)


def blank_pdf(path, title: str = ""):
    """A real one-page A4 PDF (made with pypdf) at `path`, to upload as an attachment."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if title:
        writer.add_metadata({"/Title": title})
    with path.open("wb") as out:
        writer.write(out)
    return path
