"""A key sealed by the build opens in Chromium's Web Crypto with the passphrase, and only with it.

No built site is needed: a folder with sealed.js and an empty page, served on 127.0.0.1 (a secure
context, which Web Crypto requires).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from ijkpunt.seal import seal

from ..conftest import serving

pytestmark = pytest.mark.browser

PASSPHRASE = "lantaarnpaal Beukenlaan 7"
TEXT = "Sleutel: één reden — citaat «ja»\nRegel 2: 'aanhalingstekens' en \"meer\" 🙂"
FAST = 100_000  # the lowest count the box format accepts: keeps each derivation short

# Runs in the page: the module's unseal, its result or the error's name and message.
UNSEAL = """async ([box, passphrase]) => {
  const { unseal } = await import("./sealed.js");
  try {
    return { text: await unseal(box, passphrase) };
  } catch (error) {
    return { name: error.name, message: error.message, wrong: error.constructor.name === "WrongPassphrase" };
  }
}"""


@pytest.fixture(scope="module")
def sealed_page(
    browser: Browser, browser_context_args: dict[str, Any], tmp_path_factory: pytest.TempPathFactory, project_root: Path
) -> Iterator[Page]:
    folder = tmp_path_factory.mktemp("sealed")
    shutil.copy(project_root / "site" / "assets" / "sealed.js", folder)
    (folder / "index.html").write_text("<!doctype html><title>sealed</title>\n", encoding="utf-8")
    with serving(folder) as url:
        context = browser.new_context(**browser_context_args)
        page = context.new_page()
        page.goto(url)
        assert page.evaluate("isSecureContext")
        yield page
        context.close()


def unseal_in(page: Page, box: dict[str, object], passphrase: str) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate(UNSEAL, [box, passphrase])
    return result


def test_a_box_sealed_by_python_opens_in_the_browser(sealed_page: Page) -> None:
    assert unseal_in(sealed_page, seal(TEXT, PASSPHRASE, iterations=FAST), PASSPHRASE) == {"text": TEXT}


def test_the_wrong_passphrase_rejects_with_wrong_passphrase(sealed_page: Page) -> None:
    result = unseal_in(sealed_page, seal(TEXT, PASSPHRASE, iterations=FAST), PASSPHRASE + " ")
    assert result["name"] == "WrongPassphrase"
    assert result["wrong"]
    assert TEXT not in str(result)


def test_a_changed_box_rejects_with_wrong_passphrase_and_a_malformed_one_names_the_field(sealed_page: Page) -> None:
    box = seal(TEXT, PASSPHRASE, iterations=FAST)
    assert unseal_in(sealed_page, {**box, "iterations": FAST + 1}, PASSPHRASE)["name"] == "WrongPassphrase"
    for field, value in [("format", "ijkpunt-sealed-2"), ("salt", "not base64!"), ("iterations", 10**9)]:
        result = unseal_in(sealed_page, {**box, field: value}, PASSPHRASE)
        assert result["name"] == "Error", field
        assert f"'{field}'" in result["message"]
    missing = {k: v for k, v in box.items() if k != "iv"}
    assert "no field 'iv'" in unseal_in(sealed_page, missing, PASSPHRASE)["message"]
