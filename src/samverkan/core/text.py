"""Small text helpers shared by the apps."""

import re
import unicodedata


def normalize_name(name: str) -> str:
    """The form of a person's name used to find exact duplicates."""
    folded = unicodedata.normalize("NFC", name).casefold()
    folded = re.sub(r"[\s\u00a0]+", " ", folded)
    return folded.strip(" .,;:")
