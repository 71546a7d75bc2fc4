"""The benchmark's --anatomy pages are cut from the built form page with string markers: when the template
changes, this fails here rather than in a benchmark run."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("form_startup", ROOT / "bench" / "form_startup.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def pages(bench: ModuleType, public: Path) -> dict[str, str]:
    form = (public / bench.FORM_PATH / "index.html").read_text(encoding="utf-8")
    return {"form": form, **bench.anatomy(form)}


def sections(page: str) -> int:
    return page.count('<section class="ijk-section"')


def test_every_part_keeps_the_form_its_head_and_its_start_up(bench: ModuleType, pages: dict[str, str]) -> None:
    assert set(pages) == {"form", *bench.ANATOMY}
    for name, page in pages.items():
        assert '<form id="ijk-form"' in page and "</form>" in page, name
        assert 'http-equiv="Content-Security-Policy"' in page, name
        assert 'id="ijk-strings"' in page, name
        assert "assets/ijkpunt/scoring-form.js" in page, name


def test_each_part_leaves_out_what_it_says(pages: dict[str, str]) -> None:
    assert sections(pages["form"]) > 1
    assert sections(pages["form-one-section"]) == sections(pages["form-bare"]) == 1
    assert sections(pages["form-no-chrome"]) == sections(pages["form-unstyled"]) == sections(pages["form"])
    for name in ("form", "form-one-section", "form-unstyled"):
        assert 'class="md-header' in pages[name] and 'class="md-nav' in pages[name], name
    for name in ("form-no-chrome", "form-bare"):
        assert 'class="md-header' not in pages[name] and 'class="md-nav' not in pages[name], name
        assert "palette.js" not in pages[name] and "drawer.js" not in pages[name], name
    stylesheet = re.compile(r'<link rel="stylesheet"')
    assert all(stylesheet.search(page) for name, page in pages.items() if name != "form-unstyled")
    assert not stylesheet.search(pages["form-unstyled"])


def test_a_missing_marker_is_named(bench: ModuleType, pages: dict[str, str]) -> None:
    with pytest.raises(SystemExit, match="fewer than two criterion sections"):
        bench.anatomy(pages["form-one-section"])
    with pytest.raises(SystemExit, match="no stylesheet"):
        bench.anatomy(pages["form-unstyled"])
