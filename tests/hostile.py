"""Hostile texts for the injection tests (browser and CLI): each payload sets window.__pwned when it runs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ruamel.yaml import YAML

IMG = "<img src=x onerror=window.__pwned=1>"
SCRIPT = "<script>window.__pwned=1</script>"
JS_LINK = "[x](javascript:window.__pwned=1)"
BREAKOUT = '"></textarea><script>window.__pwned=1</script>'
SVG = "<svg onload=window.__pwned=1>"
PAYLOADS = (IMG, SCRIPT, JS_LINK, BREAKOUT, SVG)
KIT = "kalibratie-telefoon"
CONTACT = "herhaalde-melding-lantaarnpaal"


def hostile_kit_project(project: Path, root: Path) -> None:
    """The shipped telephone kit with every payload in its texts and in a transcript turn."""
    (project / "checklists").mkdir(parents=True)
    for name in ("site", "generator", "node_modules", ".cache", "mkdocs.yml"):
        os.symlink(root / name, project / name)
    shutil.copy(root / "checklists" / "kcc-telefoon.yaml", project / "checklists")
    shutil.copytree(root / "checklists" / "archief", project / "checklists" / "archief")  # the kit's version
    kit_folder = project / "calibration_kits" / KIT
    shutil.copytree(root / "calibration_kits" / KIT, kit_folder)
    yaml = YAML()
    yaml.width = 4096
    kit_file = kit_folder / "kit.yaml"
    kit = yaml.load(kit_file.read_text(encoding="utf-8"))
    kit["title"] = f"Kalibratie {IMG}"
    kit["description"] = " ".join(PAYLOADS)
    kit["facilitator_notes"] = f"Notities {SCRIPT} {JS_LINK}"
    kit["discussion_questions"][0] = f"Vraag {BREAKOUT} {SVG}"
    yaml.dump(kit, kit_file)
    contact_file = kit_folder / "contacts" / f"{CONTACT}.yaml"
    contact = yaml.load(contact_file.read_text(encoding="utf-8"))
    contact["title"] = f"Lantaarnpaal {BREAKOUT}"
    contact["summary"] = f"Samenvatting {IMG} {JS_LINK}"
    contact["agent"] = f"Medewerker {SVG}"
    contact["reference_material"] = f"Werkinstructie {SCRIPT}"
    contact["registration"] = f"Registratie {IMG}"
    for answer in contact["key"].values():  # the reasons the results page shows with the key
        answer["rationale"] = f"Reden {IMG} {BREAKOUT} {JS_LINK}"
    yaml.dump(contact, contact_file)
    transcript = kit_folder / "contacts" / f"{CONTACT}.md"
    lines = transcript.read_text(encoding="utf-8").splitlines()
    lines[1] = "2. **Inwoner:** " + " ".join(PAYLOADS)
    transcript.write_text("\n".join(lines) + "\n", encoding="utf-8")
