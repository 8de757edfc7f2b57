from commons.text import without_control_characters


def test_control_characters_are_dropped_and_whitespace_controls_become_spaces():
    typed = "Shared\x00 ICT\tservice\r\nfor\x1b two\u202e councils\u2066"

    assert without_control_characters(typed) == "Shared ICT service  for two councils"


def test_ordinary_text_is_kept_as_typed():
    typed = "Caf\u00e9 \u2013 \u201crevs & bens\u201d (s113) 50%"

    assert without_control_characters(typed) == typed
