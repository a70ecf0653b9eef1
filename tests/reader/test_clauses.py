"""Proposals and decisions under block openers."""

from samverkan.archive.reader import read_text


def _item(body, kind_line="Minnesanteckningar"):
    return read_text(f"{kind_line}\n\n1. Ärende\n{body}\n2. Övriga frågor\n", "x.txt").items[0]


def test_agenda_clauses_are_proposals():
    item = _item("Förslag till beslut\nNätverket beslutar:\natt godkänna rapporten.", kind_line="Dagordning")
    assert item.proposals == ["att godkänna rapporten."] and item.decisions == []


def test_minutes_clauses_under_beslutade_are_decisions_and_foreslog_proposals():
    item = _item("Styrgruppen föreslog:\n1. att A genomförs.\n2. att B genomförs.\n\nNätverket beslutade:\natt besluta enligt förslaget.")
    assert item.proposals == ["att A genomförs.", "att B genomförs."]
    assert item.decisions == ["att besluta enligt förslaget."]


def test_clause_continues_over_broken_lines_and_blank_line_with_lowercase():
    item = _item("Nätverket beslutade:\natt utredningen ska utföras av en extern konsult samt att\n\nutforma uppdraget.\natt avsluta.")
    assert item.decisions == ["att utredningen ska utföras av en extern konsult samt att utforma uppdraget.", "att avsluta."]


def test_running_text_with_foreslar_att_is_not_a_clause():
    item = _item("Styrgruppen föreslår därvid att utredningen bör utföras av en konsult.\n\natt detta är löptext.")
    assert item.proposals == [] and item.decisions == []


def test_decision_without_att_is_the_text_after_the_verb():
    item = _item("Beslut: Nätverket beslutade godkänna rapporten.")
    assert item.decisions == ["godkänna rapporten."]


def test_nested_list_is_joined_into_its_clause():
    item = _item("Nätverket beslutade:\natt utse följande grupper:\n\nLPO Psykisk hälsa\n\nLPO Äldres hälsa\n\natt avsluta.")
    assert item.decisions == ["att utse följande grupper: LPO Psykisk hälsa, LPO Äldres hälsa", "att avsluta."]


def test_clauses_in_one_long_line_are_split():
    item = _item("Nätverket beslutade: att godkänna rapporten och den bifogade budgeten för det kommande året. att lägga informationen till handlingarna.")
    assert item.decisions == [
        "att godkänna rapporten och den bifogade budgeten för det kommande året.",
        "att lägga informationen till handlingarna.",
    ]


def test_decision_block_after_last_subitem_belongs_to_parent():
    text = "Minnesanteckningar\n\n1. Rapporter\na) Från nätverket\nText.\n\nNätverket beslutade:\natt lägga informationen till handlingarna.\n"
    item = read_text(text, "x.txt").items[0]
    assert item.decisions == ["att lägga informationen till handlingarna."]
    assert item.subitems[0].decisions == []
