"""The `samverkan` command: `parse` works without a database, the rest are Django commands."""

import os
import sys

from samverkan.datadir import DataDirError
from samverkan.datadir import prepare as prepare_data_dir

ALIASES = {"import": "import_documents"}


def main(argv: list[str] | None = None) -> int:
    """Run `samverkan parse FILE`, `samverkan serve`, or any management command."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "parse":
        # Loaded only here: `parse` reads a file without Django settings or a database.
        from samverkan.archive.parse_cli import run_parse

        try:
            return run_parse(argv[1:])
        except BrokenPipeError:  # `samverkan parse FILE | head` closed the pipe early
            sys.stderr.close()
            return 0
    try:
        prepare_data_dir()
    except DataDirError as error:
        print(f"samverkan: {error}", file=sys.stderr)
        return 2
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
    # Loaded after the settings module is named, as Django asks.
    from django.core.management import execute_from_command_line

    if argv:
        argv[0] = ALIASES.get(argv[0], argv[0])
    execute_from_command_line(["samverkan", *argv])
    return 0


if __name__ == "__main__":
    sys.exit(main())
