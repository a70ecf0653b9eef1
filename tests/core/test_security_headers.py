"""Content-Security-Policy and Permissions-Policy on real responses, and templates the policy can serve."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from samverkan.directory.models import Body
from tests.core.test_settings import run

TEMPLATES = sorted((Path(__file__).resolve().parents[2] / "src" / "samverkan").glob("**/templates/**/*.html"))
# Rendered to PDF by WeasyPrint, never served to a browser: their <style> is the print layout.
PDF_TEMPLATES = {"documents/agenda.html", "documents/minutes.html", "documents/extract.html",
                 "funds/invoice_basis.html"}
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc\s*=)[^>]*>", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|<[a-z][^>]*\sstyle\s*=", re.IGNORECASE)
POLICY = {
    "default-src": "'self'", "script-src": "'self'", "style-src": "'self'", "frame-ancestors": "'none'",
    "form-action": "'self'", "base-uri": "'self'", "object-src": "'none'",
}
DENIED = ["camera", "microphone", "geolocation", "payment", "usb"]


def directives(header: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


def assert_policies(response):
    assert response.status_code == 200
    found = directives(response["Content-Security-Policy"])
    for name, value in POLICY.items():
        assert found[name] == value, name
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    features = dict(part.strip().split("=") for part in response["Permissions-Policy"].split(","))
    assert all(features[feature] == "()" for feature in DENIED)


@pytest.mark.django_db
def test_a_public_page_carries_both_policies(client):
    assert_policies(client.get(reverse("web:home")))


@pytest.mark.django_db
def test_a_secretariat_page_carries_both_policies(client):
    secretary = User.objects.create_user("sekreterare")
    Body.objects.create(name="Länsnätverket för förvaltningschefer").secretaries.add(secretary)
    client.force_login(secretary)
    assert_policies(client.get(reverse("meetings:dashboard")))


def test_a_report_address_comes_from_the_environment():
    script = "import django; django.setup(); from django.conf import settings; " \
             "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['report-uri'])"
    result = run(["-c", script], DJANGO_SETTINGS_MODULE="samverkan.settings",
                 SAMVERKAN_CSP_REPORT_URI="https://samverkan.example.se/csp-rapport")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['https://samverkan.example.se/csp-rapport']"


def _template_name(path: Path) -> str:
    return path.as_posix().split("/templates/", 1)[1]


@pytest.mark.parametrize("path", TEMPLATES, ids=_template_name)
def test_templates_have_no_inline_script_or_event_handler(path):
    text = path.read_text(encoding="utf-8")
    assert not INLINE_SCRIPT.search(text), "inline <script>: move it to a static .js file"
    assert not INLINE_HANDLER.search(text), "inline on…= handler: use addEventListener in a static .js file"


@pytest.mark.parametrize("path", [p for p in TEMPLATES if _template_name(p) not in PDF_TEMPLATES], ids=_template_name)
def test_browser_templates_have_no_inline_style(path):
    assert not INLINE_STYLE.search(path.read_text(encoding="utf-8")), "inline style: move it to a static .css file"


def test_the_scan_finds_what_it_looks_for():
    assert INLINE_SCRIPT.search('<script>alert(1)</script>') and not INLINE_SCRIPT.search('<script src="a.js">')
    assert INLINE_HANDLER.search('<button type="button" onclick="go()">')
    assert INLINE_STYLE.search('<span class="bar" style="width: 3%">') and INLINE_STYLE.search("<style>")
    assert not INLINE_HANDLER.search('<a href="?on=1" class="on">')
