

def test_messages_cannot_drive_the_terminal(tmp_path):
    """A file name with a terminal escape, a line break or U+202E is printed escaped, on one line."""
    name = tmp_path / "a\x1b]0;pwned\x07\nerror: fake\u202eb.csv"
    run = cli("extract", name, "--out", tmp_path / "o")
    assert run.rc == 2 and "\x1b" not in run.err and "\u202e" not in run.err
    assert "\\x1b]0;pwned\\x07\\nerror: fake\\u202eb.csv" in run.error
