"""Two imports of overlapping folders at once lose nothing: people, organisations and bodies are made once."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

import samverkan
from bench.generate import generate_archive
from samverkan.archive.models import SourceDocument
from samverkan.directory.models import Person
from samverkan.meetings.models import Meeting


def database_url() -> str:
    settings = connection.settings_dict
    return f"postgres://{settings['USER'] or 'postgres'}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_two_processes_importing_overlapping_folders_on_postgresql(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite takes one writer at a time; the race is PostgreSQL's")
    paths = generate_archive(tmp_path / "all", 60, seed=7)
    first, second = tmp_path / "a", tmp_path / "b"
    for folder, chosen in ((first, paths[:40]), (second, paths[20:])):
        folder.mkdir()
        for path in chosen:
            (folder / path.name).write_bytes(path.read_bytes())
    env = {"DATABASE_URL": database_url(), "SAMVERKAN_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(Path(samverkan.__file__).parents[1])}  # the code under test, not what is installed
    runs = [subprocess.Popen([sys.executable, "-m", "samverkan.cli", "import", str(folder)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for folder in (first, second)]
    results = [run.communicate(timeout=600) for run in runs]
    for run, (out, err) in zip(runs, results):
        assert run.returncode == 0, out + err
        assert "0 misslyckade" in out + err
    assert SourceDocument.objects.count() == 60
    names = list(Person.objects.values_list("name_key", flat=True))
    assert len(names) == len(set(names))
    meetings = list(Meeting.objects.values_list("body_id", "date"))
    assert len(meetings) == len(set(meetings)), "one meeting was made twice"
