"""axe-core in the page under test: every page a browser test visits can be checked for WCAG 2.1 A/AA."""

from pathlib import Path

from playwright.sync_api import Page

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def accessibility_violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now, one line per rule and element."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, so the page's Content-Security-Policy (script-src
        # 'self') stays on for the test, as users have it.
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA)
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']} — {violation['help']}"
        for violation in result["violations"] for node in violation["nodes"]
    ]


def assert_accessible(page: Page) -> None:
    """Fail with every violation axe-core finds, and the page's address."""
    violations = accessibility_violations(page)
    assert not violations, f"{page.url} breaks WCAG 2.1 AA:\n" + "\n".join(violations)
