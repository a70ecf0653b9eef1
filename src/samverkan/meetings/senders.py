"""Who the notice comes from and where answers to it go, from the settings."""

from email.utils import parseaddr

from django.conf import settings

from samverkan.directory.models import Body


def notice_sender() -> str:
    """SAMVERKAN_NOTICE_FROM, or DEFAULT_FROM_EMAIL: 'Samverkan <noreply@example.se>'."""
    return getattr(settings, "SAMVERKAN_NOTICE_FROM", "") or settings.DEFAULT_FROM_EMAIL


def notice_reply_to(body: Body) -> list[str]:
    """SAMVERKAN_NOTICE_REPLY_TO, or the e-mail addresses of the body's secretaries, sorted."""
    configured = list(getattr(settings, "SAMVERKAN_NOTICE_REPLY_TO", []) or [])
    if configured:
        return configured
    return sorted({user.email for user in body.secretaries.all() if user.email})


def address_parts(address: str) -> tuple[str, str]:
    """('Samverkan', 'noreply@example.se') from 'Samverkan <noreply@example.se>'."""
    return parseaddr(address)
