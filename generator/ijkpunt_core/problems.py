"""Problems as data: a code, where it is, and the values that explain it.

Every check returns :class:`Problem` records; none of them holds finished
text. The text is rendered only where it is shown (the CLI, the site, the
worker's reply) with :func:`render`, in Dutch or English, from the templates in
:mod:`ijkpunt_core.messages`. Tests assert on codes; people read messages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

Path = tuple[str | int, ...]
Severity = Literal["error", "warning"]
Lang = Literal["nl", "en"]
LANGUAGES: tuple[Lang, ...] = ("nl", "en")
Param = str | int | float


class Code(StrEnum):
    """Every problem IJkpunt can report. A code has one meaning; W-codes are warnings.

    Ranges: E0 reading a file, E1 the shape of a document, E2 consistency within a
    checklist, E3 the project as a whole, E4 answers and evaluations, E5 export,
    E6 privacy, E7 the handbook's worked example, E8 the build, E9 the installation.
    """

    # reading a file
    FILE_NOT_FOUND = "E001"
    FILE_TOO_LARGE = "E002"
    NOT_UTF8 = "E003"
    CONTROL_CHARACTER = "E004"
    YAML_SYNTAX = "E005"
    JSON_SYNTAX = "E006"
    DUPLICATE_KEY = "E007"
    TOO_DEEP = "E008"
    TOO_MANY_ALIASES = "E009"
    TOO_MANY_VALUES = "E010"
    FILE_UNREADABLE = "E011"
    # the shape of a document
    UNKNOWN_KEY = "E101"
    MISSING_FIELD = "E102"
    INVALID_VALUE = "E103"
    MALFORMED_ID = "E104"
    EMPTY_TEXT = "E105"
    OUT_OF_RANGE = "E106"
    TOO_FEW_ITEMS = "E107"
    NOT_ALLOWED_VALUE = "E108"
    UNKNOWN_TYPE = "E109"
    MISSING_TYPE = "E110"
    WRONG_TYPE = "E111"
    NOT_FINITE = "E112"
    TEXT_TOO_LONG = "E113"
    BAD_FORMAT = "E114"
    TOO_MANY_ITEMS = "E115"
    ONE_CHOICE = "E117"
    TRANSFERS_MISMATCH = "E118"
    # consistency within a checklist
    UNKNOWN_SCALE = "E201"
    DUPLICATE_CRITERION = "E202"
    DUPLICATE_SECTION = "E203"
    UNKNOWN_SOURCE = "E204"
    NA_WHEN_WITHOUT_ALLOWED = "E205"
    NA_ALLOWED_WITHOUT_WHEN = "E206"
    DUPLICATE_OPTION = "E207"
    SCALE_WITHOUT_SPREAD = "E208"
    RESERVED_ID = "E209"
    GRADE_SCALE_ORDER = "E210"
    RAW_HTML = "E211"
    UNSAFE_LINK = "E212"
    MISSING_ANCHOR = "E213"
    UNKNOWN_ANCHOR = "E214"
    MISSING_BASIS = "E215"
    BANDS_OUT_OF_ORDER = "E216"
    DUPLICATE_ID = "E217"
    DUPLICATE_TITLE = "E218"
    DUPLICATE_DEFINITION = "E219"
    CHANGELOG_VERSION = "E220"
    IMPORTANCE_OUTSIDE_SURVEY = "E221"
    IMPORTANCE_OF_MISSING = "E222"
    IMPORTANCE_OF_NOT_ALLOWED = "E223"
    IMPORTANCE_OF_UNKNOWN = "E224"
    IMPORTANCE_TWICE = "E225"
    CONDITION_UNKNOWN_CRITERION = "E226"
    CONDITION_UNKNOWN_OPTION = "E227"
    CONDITION_ON_ITSELF = "E228"
    CONDITION_CYCLE = "E229"
    CONDITION_LATER = "E230"
    CONDITION_ON_GRADE = "E231"
    UNUSED_SCALE = "W201"
    # variants (a checklist that extends another) and versions against the archive
    VARIANT_UNKNOWN_BASE = "E240"
    VARIANT_UNKNOWN_BASE_VERSION = "E241"
    VARIANT_CYCLE = "E242"
    VARIANT_UNKNOWN_ID = "E243"
    VARIANT_REMOVES_DEPENDENCY = "E244"
    VARIANT_WEIGHT_NOT_COUNTED = "E245"
    VARIANT_SCALE_NOT_COMPARABLE = "E246"
    VARIANT_FIXED_FIELD = "E247"
    VARIANT_ID_EXISTS = "E248"
    VARIANT_AFTER_AND_BEFORE = "E249"
    VARIANT_PART_EXISTS = "E250"
    VARIANT_CHANGE_REMOVED = "E251"
    VARIANT_SAME_ID = "E252"
    VARIANT_BASE_INVALID = "E253"
    TEXT_CHANGED_SAME_VERSION = "W240"
    CRITERIA_CHANGED_SAME_VERSION = "W241"
    VARIANT_BASE_NOT_CURRENT = "W242"
    VERSION_NOT_IN_CHANGELOG = "W243"
    # the project as a whole
    DUPLICATE_CHECKLIST = "E301"
    FILE_NAME_MISMATCH = "E302"
    NO_CHECKLISTS = "E303"
    ARCHIVE_MISMATCH = "E304"
    # translations (checklists/en/, calibration_kits/<kit>/en/)
    TRANSLATION_UNKNOWN_ID = "E320"
    TRANSLATION_NO_ORIGINAL = "E321"
    TRANSLATION_LIST_LENGTH = "E322"
    TRANSLATION_OTHER_DOCUMENT = "E323"
    TRANSLATION_NEWER_VERSION = "E324"
    TRANSLATION_WITHOUT_ORIGINAL = "E325"
    TRANSLATION_TURNS = "E326"
    TRANSLATION_UNKNOWN_VERSION = "E327"
    TRANSLATION_MISSING = "W320"
    NOT_TRANSLATED = "W321"
    TRANSLATION_STALE = "W322"
    # the municipality's settings (instellingen.yaml)
    LOGO_NOT_FOUND = "E340"
    LOGO_TYPE = "E341"
    LOGO_TOO_LARGE = "E342"
    LOGO_UNSAFE = "E343"
    TARGETS_UNUSED_CHANNEL = "W341"
    # answers and evaluations
    UNKNOWN_CRITERION = "E401"
    UNKNOWN_OPTION = "E402"
    NA_NOT_ALLOWED = "E403"
    GRADE_OUT_OF_SCALE = "E404"
    OPTION_FOR_GRADE = "E405"
    GRADE_FOR_OPTION = "E406"
    OTHER_CHECKLIST = "E407"
    UNKNOWN_CRITICAL_ERROR = "E420"
    UNSUPPORTED_FORMAT_VERSION = "E421"
    # calibration kits
    KIT_UNKNOWN_CHECKLIST = "E430"
    KEY_MISSING = "E431"
    UNKNOWN_TURN = "E432"
    TRANSCRIPT_WITHOUT_TURNS = "E433"
    KIT_CONTACT_MISSING = "E434"
    KIT_FOLDER_MISMATCH = "E435"
    # result codes of a calibration session
    NOT_A_RESULT_CODE = "E440"
    RESULT_CODE_CHARACTER = "E441"
    RESULT_CODE_DAMAGED = "E442"
    RESULT_CODE_TRUNCATED = "E443"
    RESULT_CODE_OTHER_KIT = "E444"
    RESULT_CODE_OTHER_VERSION = "E445"
    RESULT_CODE_UNKNOWN_CONTACT = "E446"
    RESULT_CODE_UNKNOWN_ANSWER = "E447"
    UNKNOWN_KIT = "E448"
    NOT_A_RESULT_FILE = "E449"
    PARTICIPANT_NAME = "E450"
    RESULT_CODE_REPEATED = "W440"
    SCORES_DIFFER = "E408"
    CHANNEL_MISMATCH = "E409"
    VERSION_MISMATCH = "E410"
    UNKNOWN_CHECKLIST = "E411"
    DUPLICATE_EVALUATION = "E422"
    NEWER_FORMAT_VERSION = "E423"
    NOT_AN_EVALUATION = "E424"
    CHECKLIST_CHANGED = "W401"
    FORMAT_MIGRATED = "W402"
    RELATIONSHIP_MIGRATED = "W403"
    ANSWER_NOT_APPLICABLE = "W410"
    ANSWER_SWITCHED_OFF = "W340"
    # the agent's response and the coach's outcome (review), and comparing two evaluations
    REVIEW_MODE = "E460"
    REVIEW_NOT_FINISHED = "E461"
    RESPONSE_NOT_EXPECTED = "E462"
    DISPUTE_MISMATCH = "E463"
    DISPUTE_UNKNOWN_CRITERION = "E464"
    DISPUTE_TWICE = "E465"
    DISPUTE_WITHOUT_COMMENT = "E466"
    OUTCOME_NOT_EXPECTED = "E467"
    RULING_NOT_DISPUTED = "E468"
    RULING_MISSING = "E469"
    RULING_WITHOUT_COMMENT = "E470"
    RULING_ANSWER = "E471"
    REVIEW_INCONSISTENT = "E472"
    COMPARE_OTHER_CHECKLIST = "E473"
    COMPARE_OTHER_CONTACT = "W460"
    # values typed into the scoring form
    FORM_TRANSFERS = "E412"
    FORM_CHOICE = "E413"
    FORM_GRADE = "E414"
    FORM_DATE = "E415"
    FORM_CREATED_AT = "E416"
    FORM_TOO_LONG = "E417"
    FORM_NO_ID = "E418"
    FORM_NOT_TEXT = "E419"
    # export
    REQUIRED_FOR_EXPORT = "E501"
    # privacy
    BSN_IN_TEXT = "E601"
    IBAN_IN_TEXT = "E602"
    EMAIL_IN_TEXT = "W601"
    PHONE_IN_TEXT = "W602"
    POSTCODE_IN_TEXT = "W603"
    PERSONAL_DATA_IN_KIT = "E603"
    # files
    NUMBER_TOO_LONG = "E610"
    # the worked example
    EXAMPLE_NOT_CRITICAL = "E701"
    EXAMPLE_INCOMPLETE = "E702"
    # the build
    BROKEN_LINK = "E801"
    SITE_GENERATOR = "E802"
    OUTPUT_NOT_WRITABLE = "E803"
    WEB_CONFIG_NO_POLICY = "E804"
    # the installation
    NOT_A_PROJECT = "E901"
    NOT_INSTALLED = "E902"
    WHEELS_MISMATCH = "E903"

    @property
    def severity(self) -> Severity:
        return "warning" if self.value.startswith("W") else "error"


@dataclass(frozen=True)
class Problem:
    """A problem found in a document, located by a path of keys, explained by named values."""

    code: Code
    path: Path = ()
    params: Mapping[str, Param] = field(default_factory=dict, hash=False)
    allowed: tuple[str, ...] = ()

    @property
    def severity(self) -> Severity:
        return self.code.severity

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def render(problem: Problem, lang: Lang = "nl") -> str:
    """The message of a problem in one language, with what is allowed when that is known."""
    from .messages import MESSAGES, TRANSLATED_PARAMS, WORDS  # messages imports this module

    params = {
        k: TRANSLATED_PARAMS[k][lang].get(str(v), v) if k in TRANSLATED_PARAMS else v for k, v in problem.params.items()
    }
    text = MESSAGES[lang][problem.code].template.format_map(params)
    if problem.allowed:
        text += f" ({WORDS[lang]['allowed']}: {', '.join(problem.allowed)})"
    return text


def title(code: Code, lang: Lang = "nl") -> str:
    """The short meaning of a code, for the list of codes in the handbook."""
    from .messages import MESSAGES

    return MESSAGES[lang][code].title


Segment = tuple[str, str]  # (kind, text): ("criterion", "groet"), ("key", "scale"), ("index", "sections[2]")


def path_segments(data: object, path: Path) -> tuple[Segment, ...]:
    """A path named by the ids it passes through, independent of language."""
    kinds = {"sections": "section", "criteria": "criterion", "options": "option"}
    parts: list[Segment] = []
    node = data
    for i, key in enumerate(path):
        parent = path[i - 1] if i else None
        if isinstance(key, int):
            node_id = _id_of(node, key)
            if parts and parts[-1] == ("key", str(parent)):
                parts.pop()
            parts.append(
                (kinds[str(parent)], node_id) if node_id and str(parent) in kinds else ("index", f"{parent}[{key}]")
            )
        elif parent in ("scales", "answers") and parts and parts[-1] == ("key", parent):
            parts[-1] = ("scale" if parent == "scales" else "answer", str(key))
        elif parent == "sources" and parts and parts[-1] == ("key", "sources") and i == 1:
            parts[-1] = ("source", str(key))
        else:
            parts.append(("key", str(key)))
        node = _child(node, key)
    return tuple(parts)


def describe_segments(segments: tuple[Segment, ...], lang: Lang = "nl") -> str:
    """`sectie 'opening' → criterium 'x' → scale` (nl) or `section 'opening' → criterion 'x' → scale` (en)."""
    from .messages import WORDS

    words = WORDS[lang]
    shown = [text if kind in ("key", "index") else f"{words[kind]} '{text}'" for kind, text in segments]
    return " → ".join(shown) if shown else words["document"]


def describe_path(data: object, path: Path, lang: Lang = "nl") -> str:
    """A path with the ids it passes through, in one language."""
    return describe_segments(path_segments(data, path), lang)


def _child(node: object, key: str | int) -> object:
    if isinstance(node, dict):
        return node.get(key)
    if isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
        return node[key]
    return None


def _id_of(node: object, index: int) -> str | None:
    item = _child(node, index)
    if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"]:
        return str(item["id"])
    return None
