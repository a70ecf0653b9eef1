"""The production profile is hardened from the environment, and the data folder fails clearly."""

import os
import secrets
import subprocess
import sys

import pytest
from django.test import Client

PRODUCTION_ENV = {
    "SAMVERKAN_PROFILE": "production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "samverkan.example.se",
    "DJANGO_SETTINGS_MODULE": "samverkan.settings",
}


def run(args, **env):
    """Python in a fresh environment: nothing of the test run's own settings leaks in."""
    environment = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "PYTHONPATH") if key in os.environ}
    environment.update(env)
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=environment,
                          timeout=120, check=False)


def test_the_production_profile_passes_the_deployment_checks():
    result = run(["-m", "django", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing, message", [
    ("SECRET_KEY", "SECRET_KEY måste anges i produktion"),
    ("ALLOWED_HOSTS", "ALLOWED_HOSTS måste anges i produktion"),
])
def test_production_refuses_to_start_without_its_own_key_and_hosts(missing, message):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = run(["-m", "django", "check"], **env)
    assert result.returncode != 0
    assert message in result.stderr


def test_importing_the_settings_writes_nothing(tmp_path):
    folder = tmp_path / "data"
    result = run(["-c", "import samverkan.settings"], SAMVERKAN_DATA_DIR=str(folder))
    assert result.returncode == 0, result.stderr
    assert not folder.exists()


def test_an_unusable_data_folder_is_named_with_what_is_needed(tmp_path):
    blocker = tmp_path / "fil"
    blocker.write_text("inte en mapp")
    result = run(["-m", "samverkan.cli", "check"], SAMVERKAN_DATA_DIR=str(blocker / "data"))
    assert result.returncode == 2
    assert f"Datamappen {blocker / 'data'} kan inte användas" in result.stderr
    assert "SAMVERKAN_DATA_DIR" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_command_keeps_one_generated_key_in_the_data_folder(tmp_path):
    for _ in range(2):
        assert run(["-m", "samverkan.cli", "check"], SAMVERKAN_DATA_DIR=str(tmp_path)).returncode == 0
    key = (tmp_path / "secret_key").read_text()
    assert len(key) >= 50
    assert oct((tmp_path / "secret_key").stat().st_mode & 0o777) == "0o600"


@pytest.mark.django_db
def test_production_responses_carry_the_security_headers(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    client = Client()
    assert client.get("/").status_code == 301  # plain HTTP is sent to HTTPS
    response = client.get("/", headers={"x-forwarded-proto": "https"})
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
