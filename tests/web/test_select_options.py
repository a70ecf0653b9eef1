"""The long choice lists of the search page are written by a tag: escaped, the chosen one marked."""

from types import SimpleNamespace

from samverkan.web.templatetags.public_tags import select_options


def test_each_choice_is_an_escaped_option_and_the_chosen_one_is_selected():
    people = [SimpleNamespace(pk=1, name="Anna <Berg>"), SimpleNamespace(pk=2, name='Per "Ek" & Co')]
    assert select_options(people, "2") == (
        '<option value="1">Anna &lt;Berg&gt;</option>'
        '<option value="2" selected>Per &quot;Ek&quot; &amp; Co</option>')
    assert select_options(people, 1).startswith('<option value="1" selected>')
    assert "selected" not in select_options(people, None)


def test_another_attribute_can_be_the_label():
    bodies = [SimpleNamespace(pk=5, name="Länsnätverket för förvaltningschefer", display_name="Länschefsnätverket")]
    assert select_options(bodies, None, label="display_name") == '<option value="5">Länschefsnätverket</option>'
