"""Test ids that pytest would otherwise escape."""


def pytest_make_parametrize_id(config, val, argname):
    """A rule corpus row is named by its file, line and text, unescaped (funding:12:云帆智能…),
    so that a failing row reads in the report and -k 云帆 selects it; other values as usual."""
    return getattr(val, "test_id", None)
