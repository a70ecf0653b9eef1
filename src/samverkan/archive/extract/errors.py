"""The one error type extraction raises."""

from __future__ import annotations

from pathlib import Path

from samverkan.core.errors import UserError


class ExtractError(UserError):
    """A file that cannot be turned into text; str() names the file and the reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}: {reason}")
