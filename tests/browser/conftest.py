"""One Chromium for the whole session (pytest-playwright), Debian's build when present."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
READY_TIMEOUT_MS = 60_000  # a cold Pyodide start takes seconds; Playwright's default is 5 s


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    args = {
        **browser_type_launch_args,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }
    if DEBIAN_CHROMIUM.exists():  # elsewhere: `playwright install chromium`
        args["executable_path"] = str(DEBIAN_CHROMIUM)
    return args


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_context_args,
        "accept_downloads": True,
        "locale": "nl-NL",
        "viewport": {"width": 1280, "height": 900},
    }
