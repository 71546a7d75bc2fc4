"""`ijkpunt build | serve | check | score | calibrate | archive | schemas | example-data`.

Every command builds a result first and prints it second: for people in
Dutch or English (`--lang`, default from the environment, else Dutch), or as
JSON (`--json`) for `check`, `score` and `calibrate`. The exit status follows from the
report: 0 in order, 1 problems found, 2 input or installation unusable.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import get_args

from ijkpunt_core.aggregate import DEFAULT_MIN_N, DIMENSIONS, PERFORMANCE_MODES, AggregateConfig, ChecklistIndex
from ijkpunt_core.calibration import DEFAULT_THRESHOLD, Calibration, calibrate
from ijkpunt_core.checklist import Channel
from ijkpunt_core.evaluation import FORMAT_VERSION, Evaluation
from ijkpunt_core.form_input import MODES
from ijkpunt_core.importing import Read, check, read_data
from ijkpunt_core.importing import read_text as read_evaluation_text
from ijkpunt_core.privacy import personal_data_problems
from ijkpunt_core.problems import LANGUAGES, Code, Lang, Problem, path_segments
from ijkpunt_core.result_code import Result, codes_in_text, layout, read_codes

from .aggregate_files import AGGREGATE_FILES, display, files_in, run_aggregate, sources
from .assemble import ENGINES, Step
from .build import build
from .console import NORMAL, QUIET, VERBOSE, Console
from .diagnostics import BuildError, Diagnostic, diagnostic_line
from .documents import Loaded, Parsed, load_document, model_validator, parse, read_text
from .example_data import (
    BROKEN_FILES,
    DEFAULT_COUNT,
    DEFAULT_SEED,
    DEFAULT_START,
    DEFAULT_WEEKS,
    NotAnExampleFolder,
    earlier_example,
    write_example,
)
from .project import ARCHIVE_DIR, CHECKLIST_DIR, KITS_DIR, KitFolder, archive_entries, load_project
from .report_files import refusal_messages
from .reports import ChecklistMatch, Report, calibration_report, check_report, score_report, summary
from .scaffold import checklist_scaffold, valid_name, variant_scaffold
from .schemas import schema_files
from .seal import passphrase_problems
from .serve import make_server

INSTALLED_PROJECT = Path(__file__).resolve().parents[2]  # the repository this CLI was installed from

TEXT: dict[Lang, dict[str, str]] = {
    "nl": {
        "description": "IJkpunt: checklists → een statische site voor kwaliteitsmonitoring.",
        "epilog": "Exitstatus: 0 in orde, 1 problemen gevonden, 2 invoer of installatie onbruikbaar.",
        "project": "projectmap (standaard: de huidige map, anders de map waaruit IJkpunt is geïnstalleerd)",
        "lang": "taal van de meldingen: nl of en (standaard: uit de omgeving, anders nl)",
        "build": "bouw de site",
        "aggregate": "tel geëxporteerde beoordelingen op per kanaal, afdeling, team, medewerker, beoordelaar "
        "en periode",
        "aggregate_epilog": "Exitstatus: 0 alles meegeteld, 1 bestanden geweigerd (zie de lijst), 2 niets bruikbaars "
        "of een pad bestaat niet.",
        "paths": "bestanden (.json, .jsonl) en mappen (worden doorzocht)",
        "aggregate_out": "schrijf rapport.html, beoordelingen.csv en samenvatting.xlsx in deze map",
        "period": "periode voor trends: week, month of quarter (standaard month)",
        "min_n": "toon medewerkers pas vanaf zoveel beoordelingen (standaard 5)",
        "where": "tel alleen wat past, bijv. --where team=team-noord (herhaalbaar)",
        "modes": "soorten beoordeling die meetellen (standaard monitoring en self-assessment)",
        "aggregated": "{used} van {read} beoordelingen meegeteld, {refused} geweigerd; kwaliteitsscore {quality}",
        "missing_path": "bestaat niet: {path}",
        "bad_where": "--where verwacht DIMENSIE=WAARDE met DIMENSIE uit: {allowed}",
        "seal": "versleutel de sleutel van deze kit met een wachtwoord (uit IJKPUNT_SEAL_PASSPHRASE of gevraagd); "
        "herhaal voor meer kits",
        "seal_no_passphrase": "--seal heeft een wachtwoord nodig: zet het in de omgevingsvariabele {variable}",
        "seal_prompt": "Wachtwoord voor de verzegelde sleutel: ",
        "serve": "bouw de site en serveer hem lokaal",
        "check": "controleer alle checklists en het rekenvoorbeeld; meldt alle problemen tegelijk",
        "check_paths": "ook deze beoordelingen (.json, .jsonl; mappen worden doorzocht): leesbaar als beoordeling "
        "(oudere formaten worden omgezet) en zonder persoonsgegevens van inwoners in vrije tekst. Een BSN of IBAN is "
        "een fout; een telefoonnummer, e-mailadres of postcode met huisnummer een waarschuwing",
        "check_epilog": "Exitstatus: 0 in orde (waarschuwingen tellen alleen met --strict), 1 problemen gevonden "
        "(ook een BSN of IBAN in een beoordeling, of een beoordeling die niet te lezen is), 2 een pad bestaat niet.",
        "score": "reken een geëxporteerde beoordeling opnieuw uit",
        "archive": "bewaar de huidige versie van elke checklist in checklists/archief/",
        "schemas": "schrijf de JSON-schema's van de formaten",
        "out": "uitvoermap",
        "strict": "behandel waarschuwingen als fouten",
        "engine": "de sitegenerator: mkdocs (Material for MkDocs, standaard) of zensical (de opvolger)",
        "quiet": "druk alleen problemen en gevraagde resultaten af",
        "command": "OPDRACHT",
        "evaluation": "een geëxporteerde beoordeling (.json)",
        "verbose": "druk ook de stappen van het werk af, met de tijd",
        "step_project": "checklists, kits en voorbeelden lezen en controleren",
        "step_pages": "pagina's maken",
        "step_generator": "site bouwen met {engine}",
        "step_files": "rekenmodule, gegevens en downloads schrijven",
        "step_offline": "lijst voor gebruik zonder netwerk maken",
        "json": "druk het rapport af als JSON",
        "built": "{pages} pagina's gebouwd in {out}",
        "serving": "{out} is te zien op http://{host}:{port}/ (Ctrl+C stopt)",
        "stopped": "bouwen gestopt: {errors} fout(en), {warnings} waarschuwing(en)",
        "wrote": "geschreven: {path}",
        "kept": "al bewaard: {path}",
        "scored_with": "herberekend met {id} {version}{exact}",
        "not_exact": " (niet de versie van de beoordeling)",
        "calibrate": "combineer de resultaatcodes van een kalibratiesessie tot cijfers per criterium en per deelnemer",
        "results": "bestanden met één resultaatcode per regel (# is commentaar), of resultaatbestanden (.json)",
        "kit": "id van de kit, bijv. kalibratie-telefoon",
        "threshold": "verschil met de sleutel (punten op 0–100) waarboven een deelnemer opvalt",
        "calibration_head": "Kit {kit} {version} (checklist {checklist} {checklist_version}): {participants} "
        "deelnemer(s), {contacts} contact(en)",
        "criteria_head": "Per criterium, minste overeenstemming eerst (de agenda)",
        "participants_head": "Per deelnemer, tegen de sleutel (drempel {threshold} punten)",
        "col_criterion": "criterium",
        "col_agreement": "overeenst.",
        "col_alpha": "alfa",
        "col_ac1": "AC1",
        "col_applicable": "n.v.t.-overeenst.",
        "col_key": "= sleutel",
        "col_spread": "spreiding",
        "col_participant": "deelnemer",
        "col_differences": "verschil met de sleutel per contact",
        "col_mean": "gemiddeld",
        "mild": "mild",
        "streng": "streng",
        "incomplete": "onvolledig",
        "no_answer": "leeg",
        "nothing_usable": "geen bruikbare resultaatcode",
        "example_data": "schrijf verzonnen beoordelingen met bekende patronen, plus kapotte bestanden, om het "
        "samenvoegen mee te proberen en te testen",
        "example_out": "uitvoermap: een nieuwe of lege map, of een eerdere voorbeeldset (die wordt vervangen)",
        "count": "aantal beoordelingen",
        "seed": "startgetal van het toeval: hetzelfde getal geeft precies dezelfde bestanden",
        "weeks": "aantal weken waarover de contacten vallen",
        "start": "eerste dag van de contacten",
        "not_positive": "moet een geheel getal van 1 of meer zijn: {value!r}",
        "not_a_date": "geen datum als 2026-09-07: {value!r}",
        "example_written": "{count} beoordelingen, {surveys} enquêtes en {broken} kapotte bestanden geschreven in "
        "{out}",
        "new": "maak een nieuw bestand om mee te beginnen",
        "new_checklist": "maak een checklist met commentaar in checklists/NAAM.yaml (of met --extends een variant "
        "van een bestaande checklist); het bestand is meteen geldig, vervang alles wat met VERVANG begint",
        "new_name": "id van de nieuwe checklist, ook de bestandsnaam: kleine letters, cijfers en koppeltekens",
        "new_extends": "maak een variant van deze checklist (bijv. kcc-telefoon): alleen wat anders is, staat erin",
        "new_channel": "kanaal van de nieuwe checklist (standaard telefoon)",
        "new_written": "geschreven: {path}. Vervang alles wat met {marker} begint en controleer met `ijkpunt check`",
        "new_exists": "{path} bestaat al; er is niets veranderd. Kies een andere naam of verwijder het bestand eerst",
        "new_bad_name": "'{name}' kan geen id zijn: gebruik kleine letters, cijfers en enkele koppeltekens, hoogstens "
        "64 tekens, bijv. kcc-telefoon-lindeveld",
        "new_unknown_base": "'{base}' is geen checklist in {folder} (wel: {known})",
        "example_refused": "{out} bevat iets dat de voorbeelddata niet zelf schrijft ({entry}): kies een nieuwe of "
        "lege map; er is niets veranderd",
    },
    "en": {
        "description": "IJkpunt: checklists → a static quality-monitoring site.",
        "epilog": "Exit status: 0 in order, 1 problems found, 2 input or installation unusable.",
        "project": "project folder (default: the current folder, else the folder IJkpunt was installed from)",
        "lang": "language of the messages: nl or en (default: from the environment, else nl)",
        "build": "build the site",
        "aggregate": "add up exported evaluations per channel, department, team, agent, evaluator and period",
        "aggregate_epilog": "Exit status: 0 everything counted, 1 files refused (see the list), 2 nothing usable or a "
        "path does not exist.",
        "paths": "files (.json, .jsonl) and folders (searched recursively)",
        "aggregate_out": "write rapport.html, beoordelingen.csv and samenvatting.xlsx into this folder",
        "period": "period for trends: week, month or quarter (default month)",
        "min_n": "show agents only from this many evaluations (default 5)",
        "where": "count only what matches, e.g. --where team=team-noord (repeatable)",
        "modes": "kinds of evaluation that count (default monitoring and self-assessment)",
        "aggregated": "{used} of {read} evaluations counted, {refused} refused; quality score {quality}",
        "missing_path": "does not exist: {path}",
        "bad_where": "--where expects DIMENSION=VALUE with DIMENSION one of: {allowed}",
        "seal": "encrypt this kit's key with a passphrase (from IJKPUNT_SEAL_PASSPHRASE, or asked for); "
        "repeat for more kits",
        "seal_no_passphrase": "--seal needs a passphrase: set it in the environment variable {variable}",
        "seal_prompt": "Passphrase for the sealed key: ",
        "serve": "build the site and serve it locally",
        "check": "validate every checklist and the worked example; lists all problems at once",
        "check_paths": "also these evaluations (.json, .jsonl; folders are searched): readable as an evaluation "
        "(older formats are converted) and free of citizens' personal data in free text. A BSN or IBAN is an "
        "error; a phone number, e-mail address or postcode with house number a warning",
        "check_epilog": "Exit status: 0 in order (warnings count only with --strict), 1 problems found (also a BSN "
        "or IBAN in an evaluation, or an evaluation that cannot be read), 2 a path does not exist.",
        "score": "recompute an exported evaluation",
        "archive": "keep the current version of every checklist in checklists/archief/",
        "schemas": "write the JSON Schemas of the formats",
        "out": "output folder",
        "strict": "treat warnings as errors",
        "engine": "the site generator: mkdocs (Material for MkDocs, the default) or zensical (its successor)",
        "quiet": "print only problems and the results asked for",
        "command": "COMMAND",
        "evaluation": "an exported evaluation (.json)",
        "verbose": "also print the steps of the work, with the time",
        "step_project": "reading and checking checklists, kits and examples",
        "step_pages": "making the pages",
        "step_generator": "building the site with {engine}",
        "step_files": "writing the runtime, data and downloads",
        "step_offline": "listing the files for offline use",
        "json": "print the report as JSON",
        "built": "built {pages} pages into {out}",
        "serving": "serving {out} at http://{host}:{port}/ (Ctrl+C stops)",
        "stopped": "build stopped: {errors} error(s), {warnings} warning(s)",
        "wrote": "wrote {path}",
        "kept": "already kept: {path}",
        "scored_with": "recomputed with {id} {version}{exact}",
        "not_exact": " (not the version the evaluation was made with)",
        "calibrate": "combine the result codes of a calibration session into figures per criterion and participant",
        "results": "files with one result code per line (# starts a comment), or result files (.json)",
        "kit": "id of the kit, e.g. kalibratie-telefoon",
        "threshold": "difference from the key (points on 0–100) above which a participant stands out",
        "calibration_head": "Kit {kit} {version} (checklist {checklist} {checklist_version}): {participants} "
        "participant(s), {contacts} contact(s)",
        "criteria_head": "Per criterion, least agreement first (the agenda)",
        "participants_head": "Per participant, against the key (threshold {threshold} points)",
        "col_criterion": "criterion",
        "col_agreement": "agreement",
        "col_alpha": "alpha",
        "col_ac1": "AC1",
        "col_applicable": "n.v.t. agreement",
        "col_key": "= key",
        "col_spread": "spread",
        "col_participant": "participant",
        "col_differences": "difference from the key per contact",
        "col_mean": "mean",
        "mild": "lenient",
        "streng": "strict",
        "incomplete": "incomplete",
        "no_answer": "empty",
        "nothing_usable": "no usable result code",
        "example_data": "write made-up evaluations with known patterns, plus broken files, to try and test "
        "aggregation with",
        "example_out": "output folder: a new or empty one, or an earlier example set (which is replaced)",
        "count": "number of evaluations",
        "seed": "seed of the random numbers: the same seed gives exactly the same files",
        "weeks": "number of weeks the contacts fall in",
        "start": "first day of the contacts",
        "not_positive": "must be a whole number of 1 or more: {value!r}",
        "not_a_date": "not a date like 2026-09-07: {value!r}",
        "example_written": "wrote {count} evaluations, {surveys} surveys and {broken} broken files into {out}",
        "new": "make a new file to start from",
        "new_checklist": "make a commented checklist in checklists/NAME.yaml (or, with --extends, a variant of an "
        "existing checklist); the file is valid as written, replace everything that starts with REPLACE",
        "new_name": "id of the new checklist, also its file name: lower-case letters, digits and hyphens",
        "new_extends": "make a variant of this checklist (e.g. kcc-telefoon): only what differs is written down",
        "new_channel": "channel of the new checklist (default telefoon)",
        "new_written": "wrote {path}. Replace everything that starts with {marker} and check with `ijkpunt check`",
        "new_exists": "{path} already exists; nothing was changed. Choose another name or remove the file first",
        "new_bad_name": "'{name}' cannot be an id: use lower-case letters, digits and single hyphens, at most 64 "
        "characters, e.g. kcc-telefoon-lindeveld",
        "new_unknown_base": "'{base}' is not a checklist in {folder} (there are: {known})",
        "example_refused": "{out} holds something the example data does not write itself ({entry}): choose a new "
        "or empty folder; nothing was changed",
    },
}


ARGPARSE_NL = {
    "usage: ": "gebruik: ",
    "options": "opties",
    "positional arguments": "argumenten",
    "subcommands": "opdrachten",
    "show this help message and exit": "toon deze hulp en stop",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "one of the arguments %s is required": "een van de argumenten %s is nodig",
    "not allowed with argument %s": "niet samen met %s",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "ambiguous option: %(option)s could match %(matches)s": "dubbelzinnige optie: %(option)s kan %(matches)s zijn",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
}
"""argparse's own texts in Dutch (it looks them up through gettext, which has no Dutch catalogue for it)."""


def _argparse_in(lang: Lang) -> None:
    argparse._ = (lambda message: ARGPARSE_NL.get(message, message)) if lang == "nl" else (lambda message: message)  # type: ignore[attr-defined]


def environment_lang(environ: dict[str, str] | None = None) -> Lang:
    """English when the environment asks for it (LC_ALL, LC_MESSAGES, LANG, LANGUAGE), else Dutch."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(name, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return "en" if value.lower().startswith("en") else "nl"
    return "nl"


def parser(lang: Lang) -> argparse.ArgumentParser:
    t = TEXT[lang]
    _argparse_in(lang)  # before the parsers are made: they take their headings when they are made
    main_parser = argparse.ArgumentParser(
        prog="ijkpunt", description=t["description"], epilog=t["epilog"], allow_abbrev=False
    )
    _common_options(main_parser, t, {"project": None, "lang": lang, "verbosity": NORMAL})
    # the same options after the sub-command (`ijkpunt build --lang en`): there they only override what was given
    common = argparse.ArgumentParser(add_help=False)
    _common_options(common, t, dict.fromkeys(("project", "lang", "verbosity"), argparse.SUPPRESS))
    commands = main_parser.add_subparsers(dest="command", required=True, metavar=t["command"])
    commands.add_parser = partial(commands.add_parser, parents=[common], allow_abbrev=False)  # type: ignore[method-assign]
    for name in ("build", "serve"):
        command = commands.add_parser(name, help=t[name], description=t[name], epilog=t["epilog"])
        command.add_argument("--out", type=Path, default=Path("public"), help=f"{t['out']} (public)")
        command.add_argument("--strict", action="store_true", help=t["strict"])
        command.add_argument("--seal", action="append", default=[], metavar="KIT", help=t["seal"])
        command.add_argument("--engine", choices=ENGINES, default="mkdocs", help=t["engine"])
        if name == "serve":
            command.add_argument("--port", type=int, default=8000)
            command.add_argument("--host", default="127.0.0.1")
    check_cmd = commands.add_parser("check", help=t["check"], description=t["check"], epilog=t["check_epilog"])
    check_cmd.add_argument("paths", type=Path, nargs="*", metavar="PATH", help=t["check_paths"])
    check_cmd.add_argument("--strict", action="store_true", help=t["strict"])
    check_cmd.add_argument("--json", action="store_true", help=t["json"])
    score_cmd = commands.add_parser("score", help=t["score"], description=t["score"], epilog=t["epilog"])
    score_cmd.add_argument("evaluation", type=Path, help=t["evaluation"])
    score_cmd.add_argument("--json", action="store_true", help=t["json"])
    calibrate_cmd = commands.add_parser(
        "calibrate", help=t["calibrate"], description=t["calibrate"], epilog=t["epilog"]
    )
    calibrate_cmd.add_argument("results", type=Path, nargs="+", help=t["results"])
    calibrate_cmd.add_argument("--kit", required=True, help=t["kit"])
    calibrate_cmd.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, help=t["threshold"])
    calibrate_cmd.add_argument("--json", action="store_true", help=t["json"])
    aggregate_cmd = commands.add_parser(
        "aggregate", help=t["aggregate"], description=t["aggregate"], epilog=t["aggregate_epilog"]
    )
    aggregate_cmd.add_argument("paths", type=Path, nargs="+", help=t["paths"])
    aggregate_cmd.add_argument("--out", type=Path, default=None, help=t["aggregate_out"])
    aggregate_cmd.add_argument("--period", choices=("week", "month", "quarter"), default="month", help=t["period"])
    aggregate_cmd.add_argument("--min-n", type=int, default=DEFAULT_MIN_N, help=t["min_n"])
    aggregate_cmd.add_argument("--where", action="append", default=[], metavar="DIMENSIE=WAARDE", help=t["where"])
    aggregate_cmd.add_argument("--modes", nargs="+", choices=MODES, default=list(PERFORMANCE_MODES), help=t["modes"])
    aggregate_cmd.add_argument("--json", action="store_true", help=t["json"])
    commands.add_parser("archive", help=t["archive"], description=t["archive"], epilog=t["epilog"])
    new_cmd = commands.add_parser("new", help=t["new"], description=t["new"], epilog=t["epilog"])
    new_kinds = new_cmd.add_subparsers(dest="kind", required=True)
    new_checklist = new_kinds.add_parser(
        "checklist",
        help=t["new_checklist"],
        description=t["new_checklist"],
        epilog=t["epilog"],
        parents=[common],  # `ijkpunt new checklist NAME --lang en` reads naturally
        allow_abbrev=False,
    )
    new_checklist.add_argument("name", metavar="NAME", help=t["new_name"])
    new_checklist.add_argument("--extends", metavar="BASE", default=None, help=t["new_extends"])
    new_checklist.add_argument("--channel", choices=get_args(Channel), default="telefoon", help=t["new_channel"])
    schemas_cmd = commands.add_parser("schemas", help=t["schemas"], description=t["schemas"], epilog=t["epilog"])
    schemas_cmd.add_argument("--out", type=Path, default=Path("schemas"), help=f"{t['out']} (schemas)")
    example_cmd = commands.add_parser(
        "example-data", help=t["example_data"], description=t["example_data"], epilog=t["epilog"]
    )
    example_cmd.add_argument("--out", type=Path, required=True, help=t["example_out"])
    positive = partial(_positive, t["not_positive"])
    example_cmd.add_argument(
        "--count", type=positive, default=DEFAULT_COUNT, metavar="N", help=f"{t['count']} ({DEFAULT_COUNT})"
    )
    example_cmd.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, metavar="S", help=f"{t['seed']} ({DEFAULT_SEED})"
    )
    example_cmd.add_argument(
        "--weeks", type=positive, default=DEFAULT_WEEKS, metavar="W", help=f"{t['weeks']} ({DEFAULT_WEEKS})"
    )
    example_cmd.add_argument(
        "--start",
        type=partial(_day, t["not_a_date"]),
        default=DEFAULT_START,
        metavar="YYYY-MM-DD",
        help=f"{t['start']} ({DEFAULT_START.isoformat()})",
    )
    return main_parser


def _common_options(parser: argparse.ArgumentParser, t: dict[str, str], defaults: dict[str, object]) -> None:
    parser.add_argument("--project", type=Path, default=defaults["project"], help=t["project"])
    parser.add_argument("--lang", choices=LANGUAGES, default=defaults["lang"], help=t["lang"])
    loudness = parser.add_mutually_exclusive_group()
    loudness.add_argument(
        "-q",
        "--quiet",
        dest="verbosity",
        action="store_const",
        const=QUIET,
        default=defaults["verbosity"],
        help=t["quiet"],
    )
    loudness.add_argument(
        "-v",
        "--verbose",
        dest="verbosity",
        action="store_const",
        const=VERBOSE,
        default=defaults["verbosity"],
        help=t["verbose"],
    )


def _positive(message: str, text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(message.format(value=text))
    return value


def _day(message: str, text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(message.format(value=text)) from None


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_from(args_list) or environment_lang()
    args = parser(lang).parse_args(args_list)
    args.project = project_folder(args.project)
    args.console = Console(args.verbosity)
    handler = {
        "build": _build,
        "serve": _serve,
        "check": _check,
        "score": _score,
        "calibrate": _calibrate,
        "aggregate": _aggregate,
        "archive": _archive,
        "schemas": _schemas,
        "example-data": _example_data,
        "new": _new,
    }
    return handler[args.command](args)


def _lang_from(argv: list[str]) -> Lang | None:
    """--lang is needed before parsing, so that --help itself is in that language."""
    for i, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else argv[i + 1] if arg == "--lang" else None
        if value in LANGUAGES:
            return value
    return None


def project_folder(given: Path | None) -> Path:
    """--project, else the current folder when it is a project, else the folder IJkpunt was installed from."""
    if given is not None:
        return given.resolve()
    here = Path.cwd()
    if (here / CHECKLIST_DIR).is_dir() or not (INSTALLED_PROJECT / CHECKLIST_DIR).is_dir():
        return here
    return INSTALLED_PROJECT


def _build(args: argparse.Namespace) -> int:
    console: Console = args.console
    out = _in_project(args, args.out)
    try:
        seals = _seals(args.seal, args.lang)
        t = TEXT[args.lang]
        steps = {step: t[f"step_{step}"].format(engine=args.engine) for step in get_args(Step)}
        project, site = build(
            args.project, out, args.strict, args.lang, seals, args.engine, lambda step: console.step(steps[step])
        )
    except BuildError as exc:
        _print_stopped(console, exc.diagnostics, args.lang)
        return 1
    for warning in project.warnings:
        console.problem(warning.render(args.lang), is_error=False)
    console.done(t["built"].format(pages=len(site.pages), out=out))
    return 0


SEAL_PASSPHRASE = "IJKPUNT_SEAL_PASSPHRASE"


def _seals(kits: list[str], lang: Lang) -> dict[str, str]:
    """The passphrase for each kit to seal: from IJKPUNT_SEAL_PASSPHRASE, else asked for on a terminal."""
    if not kits:
        return {}
    passphrase = os.environ.get(SEAL_PASSPHRASE)
    if passphrase is None:
        if not sys.stdin.isatty():
            raise SystemExit(TEXT[lang]["seal_no_passphrase"].format(variable=SEAL_PASSPHRASE))
        passphrase = getpass.getpass(TEXT[lang]["seal_prompt"])
    weak = passphrase_problems(passphrase)
    if weak:
        raise SystemExit(" ".join(weak))
    return dict.fromkeys(kits, passphrase)


def _serve(args: argparse.Namespace) -> int:
    status = _build(args)
    if status:
        return status
    out = _in_project(args, args.out)
    server = make_server(out, args.host, args.port)
    args.console.done(TEXT[args.lang]["serving"].format(out=out, host=args.host, port=server.server_address[1]))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def _check(args: argparse.Namespace) -> int:
    files, missing = files_in(args.paths)
    for path in missing:
        args.console.plain_problem(TEXT[args.lang]["missing_path"].format(path=path))
    if missing:
        return 2
    project = load_project(args.project)
    diagnostics = project.diagnostics + evaluation_file_diagnostics(files)
    report = check_report(diagnostics, project.files_checked + len(files), args.strict, args.lang)
    _print_report(report, args, lambda: args.console.done(summary(report)))
    return report.exit_code


def _score(args: argparse.Namespace) -> int:
    """Recompute one exported evaluation with the import's checks (older formats migrated), placed by line."""
    lang: Lang = args.lang
    path = args.evaluation if args.evaluation.is_absolute() else Path.cwd() / args.evaluation
    shown = str(args.evaluation)
    loaded = load_document(path, _evaluation_validator, display=Path(shown))
    read = loaded.value
    if read is None:
        report = score_report(shown, loaded.diagnostics, lang, usable=False)
        _print_report(report, args, lambda: None)
        return report.exit_code
    project = load_project(args.project)
    imported = check(read, ChecklistIndex(project.current(), project.versions().values()))
    diagnostics = [_placed(loaded, p) for p in imported.problems]
    checklist = imported.checklist
    if checklist is None:  # the checklist it names is not in this project
        report = score_report(shown, diagnostics, lang, usable=False)
        _print_report(report, args, lambda: None)
        return report.exit_code
    exact = imported.exact
    match = ChecklistMatch(
        id=checklist.id, version=checklist.version, content_hash=checklist.content_hash(), exact=exact
    )
    scores = imported.rescored.scores.model_dump(mode="json") if imported.rescored else None
    report = score_report(shown, diagnostics, lang, usable=True, checklist=match, scores=scores)

    def people() -> None:
        exact_note = "" if exact else TEXT[lang]["not_exact"]
        args.console.note(TEXT[lang]["scored_with"].format(id=match.id, version=match.version, exact=exact_note))
        if scores is not None:
            args.console.result(json.dumps(scores, indent=2, ensure_ascii=False))

    _print_report(report, args, people)
    return report.exit_code


def evaluation_file_diagnostics(files: Sequence[Path]) -> list[Diagnostic]:
    """Evaluation files as `check` sees them: readable (the import's reader) and free of citizens' personal data.

    Each problem is placed at its file and line: the line of the field in a `.json` file, the evaluation's
    line in a `.jsonl` file.
    """
    diagnostics: list[Diagnostic] = []
    for source in sources(files):
        shown = Path(display(source.file))
        if source.text is None:
            assert source.problem is not None
            diagnostics.append(Diagnostic.at(shown, source.line, source.problem))
            continue
        read = read_evaluation_text(source.text)
        problems = [read] if isinstance(read, Problem) else personal_data_problems(read.evaluation)
        if not problems:
            continue
        parsed = None
        line = source.line
        if source.file.suffix.lower() != ".jsonl":
            parsed, unparsed = parse(source.text, shown, "json")
            line = unparsed[0].line if unparsed else line  # the loader's line for what it could not read
        for problem in problems:
            if parsed is not None:
                diagnostics.append(Diagnostic.in_document(parsed, problem))
            else:
                diagnostics.append(Diagnostic(shown, line, path_segments(None, problem.path), problem))
    return diagnostics


def _evaluation_validator(parsed: Parsed) -> tuple[Read | None, list[Problem]]:
    """The import's reader on the parsed file (format, version, migration, model), for file:line placement.

    A file in the current format is validated strictly, every problem at once ("80" is no number), as before.
    """
    if isinstance(parsed.data, dict) and parsed.data.get("format_version") == FORMAT_VERSION:
        evaluation, problems = model_validator(Evaluation, strict=True)(parsed)
        return (Read(evaluation), []) if evaluation is not None else (None, problems)
    found = read_data(parsed.data)
    return (None, [found]) if isinstance(found, Problem) else (found, [])


def _placed(loaded: Loaded[Read], problem: Problem) -> Diagnostic:
    if loaded.parsed is None:
        return Diagnostic.at(loaded.file, 1, problem)
    return Diagnostic.in_document(loaded.parsed, problem)


def _calibrate(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    project = load_project(args.project)
    folder = _usable_kit(project.kits, args.kit)
    files = [str(p) for p in args.results]
    if folder is None or folder.checklist is None:
        known = tuple(sorted(k.kit.id for k in project.kits if _usable_kit(project.kits, k.kit.id)))
        problem = Problem(Code.UNKNOWN_KIT, (), {"kit": args.kit}, allowed=known)
        report = calibration_report(
            args.kit, files, [Diagnostic.at(Path(KITS_DIR), 1, problem)], lang, codes_read=0, calibration=None
        )
        _print_report(report, args, lambda: None)
        return report.exit_code
    kit_layout = layout(folder.kit, folder.checklist)
    diagnostics: list[Diagnostic] = []
    entries: list[tuple[str, int, str]] = []
    places: list[_Place] = []
    for given in args.results:
        path = given if given.is_absolute() else Path.cwd() / given
        for line, code, place in _codes_in(path, Path(str(given)), diagnostics):
            entries.append((str(given), line, code))
            places.append(place)
    results, refused = read_codes(entries, kit_layout)
    diagnostics += [places[index](problem) for index, problem in refused]
    read = len(entries)
    contacts = [c.contact for c in folder.contacts]
    calibration = calibrate(folder.kit, folder.checklist, contacts, results, args.threshold) if results else None
    report = calibration_report(args.kit, files, diagnostics, lang, codes_read=read, calibration=calibration)
    _print_report(report, args, lambda: _print_calibration(calibration, lang))
    return report.exit_code


def _aggregate(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    t = TEXT[lang]
    filters: dict[str, list[str]] = {}
    for condition in args.where:
        dimension, _, value = condition.partition("=")
        if dimension not in DIMENSIONS or not value:
            args.console.plain_problem(t["bad_where"].format(allowed=", ".join(DIMENSIONS)))
            return 2
        filters.setdefault(dimension, []).append(value)
    files, missing = files_in(args.paths)
    for path in missing:
        args.console.plain_problem(t["missing_path"].format(path=path))
    if missing:
        return 2
    project = load_project(args.project)
    index = ChecklistIndex(project.current(), project.versions().values())
    config = AggregateConfig(period=args.period, min_n=args.min_n, modes=tuple(args.modes), filters=filters)  # type: ignore[arg-type]
    report = run_aggregate(files, index, config, args.out, project.root, lang)
    console: Console = args.console
    if args.json:
        console.result(report.model_dump_json(indent=2))
    else:
        for line in refusal_messages(report, lang):
            console.problem(line, is_error=True)
        quality = report.overall.quality.mean
        shown = "—" if quality is None else f"{quality:.1f}".replace(".", "," if lang == "nl" else ".")
        console.result(
            t["aggregated"].format(used=report.used, read=report.read, refused=len(report.refused), quality=shown)
        )
        if args.out is not None:
            for name in AGGREGATE_FILES:
                console.done(t["wrote"].format(path=args.out / name))
    if report.used == 0:
        return 2
    return 1 if report.refused else 0


def _usable_kit(kits: list[KitFolder], kit_id: str) -> KitFolder | None:
    """The kit with this id when it loaded with its checklist and every contact."""
    folder = next((k for k in kits if k.kit.id == kit_id), None)
    if folder is None or folder.checklist is None or len(folder.contacts) != len(folder.kit.contacts):
        return None
    return folder


type _Place = Callable[[Problem], Diagnostic]


def _codes_in(path: Path, shown: Path, diagnostics: list[Diagnostic]) -> list[tuple[int, str, _Place]]:
    """The codes in a file: every word starting with IJK (one per line, or a chat), or the `code` of a result file."""
    if path.suffix.lower() == ".json":
        loaded = load_document(path, model_validator(Result, strict=True), display=shown)
        diagnostics.extend(loaded.diagnostics)
        parsed = loaded.parsed
        if loaded.value is None or parsed is None:
            return []

        def in_json(problem: Problem) -> Diagnostic:
            return Diagnostic.in_document(parsed, Problem(problem.code, ("code",), problem.params, problem.allowed))

        return [(parsed.locate(("code",))[1], loaded.value.code, in_json)]
    text, problem = read_text(path)
    if text is None or problem is not None:
        assert problem is not None
        diagnostics.append(Diagnostic.at(shown, problem.params.get("line", 1), problem))
        return []
    # the browser's rule: every word starting with IJK, so a chat pasted whole works too
    return [(number, code, partial(_at, shown, number)) for number, code in codes_in_text(text)]


def _at(file: Path, line: int, problem: Problem) -> Diagnostic:
    return Diagnostic.at(file, line, problem)


def _figure(value: float | None, reason: str | None, percent: bool = False) -> str:
    if value is None:
        return reason or "–"
    return f"{100 * value:.0f}%" if percent else f"{value:.2f}"


def _print_calibration(calibration: Calibration | None, lang: Lang) -> None:
    t = TEXT[lang]
    if calibration is None:
        print(t["nothing_usable"])
        return
    c = calibration
    print(
        t["calibration_head"].format(
            kit=c.kit,
            version=c.kit_version,
            checklist=c.checklist,
            checklist_version=c.checklist_version,
            participants=len(c.participants),
            contacts=len(c.contacts),
        )
    )
    print()
    print(t["criteria_head"])
    by_id = {a.criterion: a for a in c.criteria}
    head = (t["col_criterion"], t["col_agreement"], t["col_alpha"], t["col_ac1"], t["col_applicable"], t["col_key"])
    rows: list[tuple[str, ...]] = [head]
    spreads = [t["col_spread"]]
    for criterion_id in c.agenda:
        a = by_id[criterion_id]
        rows.append(
            (
                ("* " if a.focus else "") + a.criterion,
                _figure(a.percent_agreement, a.percent_agreement_reason, percent=True),
                _figure(a.krippendorff_alpha, a.krippendorff_alpha_reason),
                _figure(a.gwet_ac1, a.gwet_ac1_reason),
                _figure(a.applicability_agreement, a.applicability_agreement_reason, percent=True),
                _figure(a.key_agreement, None, percent=True),
            )
        )
        shown = {(t["no_answer"] if k == "" else k): n for k, n in a.spread.items() if n}
        spreads.append(" ".join(f"{k}:{n}" for k, n in shown.items()))
    _print_table(rows, spreads)
    print()
    print(t["participants_head"].format(threshold=f"{c.threshold:g}"))
    rows = [(t["col_participant"], t["col_key"], t["col_mean"])]
    details = [t["col_differences"]]
    for p in c.participants:
        rows.append(
            (
                p.participant,
                _figure(p.key_agreement, None, percent=True),
                _difference(p.mean_difference, p.flag, lang),
            )
        )
        details.append(
            ", ".join(
                f"{d.contact} {_difference(d.difference, d.flag, lang)}"
                + ("" if d.complete else f" ({t['incomplete']})")
                for d in p.differences
            )
        )
    _print_table(rows, details)


def _difference(value: float | None, flag: str | None, lang: Lang) -> str:
    if value is None:
        return "–"
    return f"{value:+.1f}" + (f" {TEXT[lang][flag]}" if flag else "")


def _print_table(rows: Sequence[tuple[str, ...]], last: list[str]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row, tail in zip(rows, last, strict=True):
        cells = [row[0].ljust(widths[0]), *(cell.rjust(w) for cell, w in zip(row[1:], widths[1:], strict=True))]
        print("  ".join([*cells, tail]).rstrip())


def _archive(args: argparse.Namespace) -> int:
    project = load_project(args.project)
    if project.errors:
        _print_stopped(args.console, project.diagnostics, args.lang)
        return 1
    for name, text in archive_entries(project).items():
        path = args.project / ARCHIVE_DIR / name
        shown = path.relative_to(args.project)
        if path.exists():
            args.console.done(TEXT[args.lang]["kept"].format(path=shown))
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        args.console.done(TEXT[args.lang]["wrote"].format(path=shown))
    return 0


def _schemas(args: argparse.Namespace) -> int:
    out = _in_project(args, args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in schema_files().items():
        (out / name).write_text(text, encoding="utf-8")
        args.console.done(TEXT[args.lang]["wrote"].format(path=out / name))
    return 0


def _example_data(args: argparse.Namespace) -> int:
    t = TEXT[args.lang]
    out = _in_project(args, args.out)
    try:
        earlier_example(out)  # refuse before the work, and again just before writing
        project = load_project(args.project)
        if project.errors or not project.current():
            _print_stopped(args.console, project.diagnostics, args.lang)
            return 2
        written = write_example(
            out, args.count, args.seed, checklists=project.current(), start=args.start, weeks=args.weeks
        )
    except NotAnExampleFolder as exc:
        args.console.plain_problem(t["example_refused"].format(out=out, entry=exc.entry))
        return 2
    survey_ids = [c.id for c in project.current() if c.is_survey]
    surveys = sum(1 for name in written if name.count("/") == 1 and any(f"_{i}_" in name for i in survey_ids))
    args.console.done(t["example_written"].format(count=args.count, surveys=surveys, broken=len(BROKEN_FILES), out=out))
    return 0


def _new(args: argparse.Namespace) -> int:
    """`ijkpunt new checklist NAME [--extends BASE]`: a commented file that passes `ijkpunt check` as written."""
    t = TEXT[args.lang]
    if not valid_name(args.name):
        args.console.plain_problem(t["new_bad_name"].format(name=args.name))
        return 2
    path = args.project / CHECKLIST_DIR / f"{args.name}.yaml"
    shown = path.relative_to(args.project)
    if path.exists():
        args.console.plain_problem(t["new_exists"].format(path=shown))
        return 2
    today = date.today()
    if args.extends is None:
        text = checklist_scaffold(args.name, args.lang, today, args.channel)
    else:
        checklists = {c.id: c for c in load_project(args.project).current()}
        base = checklists.get(args.extends)
        if base is None:
            known = ", ".join(sorted(checklists)) or "—"
            args.console.plain_problem(
                t["new_unknown_base"].format(base=args.extends, folder=CHECKLIST_DIR, known=known)
            )
            return 2
        text = variant_scaffold(args.name, base, args.lang, today)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:  # "x": never overwrite, even a file that appeared meanwhile
        file.write(text)
    args.console.done(t["new_written"].format(path=shown, marker="VERVANG" if args.lang == "nl" else "REPLACE"))
    return 0


def _in_project(args: argparse.Namespace, path: Path) -> Path:
    """Relative output paths are taken from the project folder, not the shell's."""
    return path if path.is_absolute() else args.project / path


def _print_report(report: Report, args: argparse.Namespace, people: Callable[[], None]) -> None:
    console: Console = args.console
    if args.json:
        console.result(report.model_dump_json(indent=2))
        return
    for d in report.diagnostics:
        is_error = d.severity == "error"
        console.problem(diagnostic_line(d.file, d.line, d.where, d.message, d.code, is_error, report.lang), is_error)
    people()


def _print_stopped(console: Console, diagnostics: list[Diagnostic], lang: Lang) -> None:
    for diagnostic in diagnostics:
        console.problem(diagnostic.render(lang), diagnostic.is_error)
    errors = sum(d.is_error for d in diagnostics)
    console.plain_problem(TEXT[lang]["stopped"].format(errors=errors, warnings=len(diagnostics) - errors))


if __name__ == "__main__":
    sys.exit(main())
