"""No file of the project keeps the markers of an unresolved merge (a template once showed them to the public)."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MARKER = re.compile(r"^(?:<{7}|>{7})(?: |$)|^={7}$", re.MULTILINE)


def tracked_text_files() -> list[Path]:
    names = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return [ROOT / name for name in names.decode().split("\0") if name]


def conflicted(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
        return False  # binary fixtures, files deleted in the work tree
    return bool(MARKER.search(text))


def test_no_tracked_file_has_merge_conflict_markers():
    assert [str(path.relative_to(ROOT)) for path in tracked_text_files() if conflicted(path)] == []


def test_the_check_sees_a_conflict_in_a_template(tmp_path):
    template = tmp_path / "_item.html"
    template.write_text("<p>\n<<<<<<< HEAD\na\n=======\nb\n>>>>>>> extracts\n</p>\n", encoding="utf-8")
    assert conflicted(template)
    template.write_text("<p>a ======= b</p>\n", encoding="utf-8")
    assert not conflicted(template)
