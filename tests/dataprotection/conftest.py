"""The page fixtures (a signed-in client per named user, the static root) from tests/web."""

from tests.web.conftest import login, static_root_exists  # noqa: F401 (pytest fixtures)
