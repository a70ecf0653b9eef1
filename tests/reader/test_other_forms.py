"""Forms of other bodies (docs/import-rules.md, "Forms of other bodies"), with made-up examples."""

import pytest

from samverkan.archive.reader import AGENDA, MINUTES, read_text


@pytest.mark.parametrize(("text", "kind"), [
    # a title word inside a long line of PDF text, after a page number
    ("1 EXEMPELBY KOMMUN PROTOKOLL 1(9) Plats och tid Rådhuset, kl 13.00 Ordförande Eva Lund\n"
     "1. Val av justerare\n", MINUTES),
    ("Miljönämnden\nSammanträdesprotokoll 2021-03-04\n1. Mötets öppnande\n", MINUTES),
    ("Fritidsnämnden Direktionsprotokoll\n1. Mötets öppnande\n", MINUTES),
    ("Till ledamöterna KALLELSE till sammanträde med kulturnämnden\n1. Upprop\n", AGENDA),
    ("Exempelby kommun Underrättelse om sammanträde\n1. Upprop\n", AGENDA),
    # no title word, but the list of who took the decisions: a record of a held meeting
    ("Rådet för trygghet Plats och tid Stadshuset Beslutande Eva Lund, Per Ek\n1. Mötets öppnande\n", MINUTES),
])
def test_kind_from_title_word_in_opening_lines(text, kind):
    assert read_text(text, "x.txt").kind == kind


def test_protocol_in_running_text_further_down_does_not_make_minutes():
    text = "Kallelse\nKulturnämnden\n1. Upprop\n2. Justering av dagens protokoll\n"
    assert read_text(text, "x.txt").kind == AGENDA
