"""How much one document may hold and take: plain values, passed in by whoever reads a file."""

from __future__ import annotations

import time
from dataclasses import dataclass

from samverkan.core.errors import UserError

__all__ = ["Deadline", "LimitExceeded", "Limits"]


@dataclass(frozen=True)
class Limits:
    """The largest document the importer reads; the defaults match the settings' defaults."""

    max_pdf_pages: int = 2_000
    max_unpacked_bytes: int = 200_000_000
    max_lines: int = 200_000
    max_items: int = 2_000
    max_seconds: float = 60.0


class LimitExceeded(UserError):
    """A document larger or slower to read than a limit allows; str() names the file and the limit."""

    code = "limit_exceeded"

    def __init__(self, source: str, reason: str) -> None:
        self.source, self.reason = source, reason
        super().__init__(f"{source}: {reason}")


class Deadline:
    """The time one document may take, from when reading it started."""

    def __init__(self, seconds: float, source: str) -> None:
        self.seconds, self.source = seconds, source
        self.ends = time.monotonic() + seconds

    def check(self) -> None:
        """Raise LimitExceeded when the time is up."""
        if time.monotonic() > self.ends:
            raise LimitExceeded(
                self.source, f"läsningen tog längre än gränsen {self.seconds:g} sekunder "
                "(SAMVERKAN_MAX_SECONDS_PER_DOCUMENT)"
            )


def check_count(source: str, count: int, limit: int, what: str, setting: str) -> None:
    """Raise LimitExceeded when `count` things are more than `limit`."""
    if count > limit:
        raise LimitExceeded(source, f"dokumentet har fler {what} ({count:,}) än gränsen {limit:,} ({setting})"
                            .replace(",", " "))
