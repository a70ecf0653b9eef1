"""Importing documents suggests their items to existing matters, and links nothing."""

import pytest
from django.core.management import call_command

from samverkan.matters.models import Matter, MatterItem
from samverkan.matters.services import open_matter

pytestmark = pytest.mark.django_db


def test_import_suggests_items_to_open_matters(sample_paths, capsys):
    open_matter("Översyn av Hemsjukvårdsavtalet")
    call_command("import_documents", *map(str, sample_paths), verbosity=0)
    assert "förslag på kopplingar till ärenden" in capsys.readouterr().out
    matter = Matter.objects.get()
    suggested = MatterItem.objects.filter(matter=matter)
    assert suggested.exists()
    assert not suggested.exclude(state=MatterItem.State.SUGGESTED).exists()
