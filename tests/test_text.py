from commons.text import lines, one_line, without_control_characters


def test_control_characters_are_dropped_and_whitespace_controls_become_spaces():
    typed = "Shared\x00 ICT\tservice\r\nfor\x1b two\u202e councils\u2066"

    assert without_control_characters(typed) == "Shared ICT service  for two councils"


def test_ordinary_text_is_kept_as_typed():
    typed = "Caf\u00e9 \u2013 \u201crevs & bens\u201d (s113) 50%"

    assert without_control_characters(typed) == typed


def test_one_line_text_loses_controls_and_runs_of_spaces():
    typed = " Shared\r\nICT\x00\x85\tservice \u202efor\u2069\x1f  two councils\n"

    assert one_line(typed) == "Shared ICT service for two councils"


def test_lines_keep_their_breaks_however_typed_and_lose_other_controls():
    typed = "First\r\nsecond\rthird\u2028fourth\n\n\tfifth\x00\x07\u202e\u2066 end"

    assert lines(typed) == "First\nsecond\nthird\nfourth\n\n fifth end"


def test_every_c0_and_c1_control_is_dropped_from_a_line():
    controls = "".join(chr(code) for code in [*range(0x20), *range(0x7F, 0xA0)])

    assert one_line(f"a{controls}b") == "a b"
    assert set(lines(f"a{controls}b")) <= {"a", "b", " ", "\n"}
