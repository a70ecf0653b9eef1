"""Sections that apps above matters add to a matter's page, without matters importing them.

An app registers a function `section(request, matter) -> str` (rendered HTML, or "" for nothing) in its
AppConfig.ready; the matter page shows each non-empty section after the timeline, in registration order.
The follow-through app uses it for the chain from the network to each member organisation.
"""

from collections.abc import Callable

Section = Callable[..., str]
_SECTIONS: list[Section] = []


def register_matter_section(section: Section) -> None:
    if section not in _SECTIONS:
        _SECTIONS.append(section)


def matter_sections(request, matter) -> list[str]:
    return [html for html in (section(request, matter) for section in _SECTIONS) if html]
