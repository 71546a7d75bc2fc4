"""`ijkpunt new checklist NAME`: a commented checklist (or variant) to start from, valid as written.

The comments are for a quality officer who edits YAML for the first time: they say what each part is,
what to replace, and what must not change once results exist. Every placeholder starts with VERVANG
(REPLACE in English), so one search finds what is left; the file as written passes `ijkpunt check`.
"""

from __future__ import annotations

import datetime as dt
import re
from string import Template

from ijkpunt_core.checklist import ID_PATTERN, Checklist
from ijkpunt_core.problems import Lang

MAX_ID_LENGTH = 64
_MARKER = {"nl": "VERVANG", "en": "REPLACE"}


def valid_name(name: str) -> bool:
    return len(name) <= MAX_ID_LENGTH and re.fullmatch(ID_PATTERN, name) is not None


_CHECKLIST = {
    "nl": """\
# Checklist $name, gemaakt met `ijkpunt new checklist`.
#
# Zo werk je ermee:
# - Alles wat met VERVANG begint, vervang je door je eigen tekst (zoek op VERVANG).
# - Controleer na elke wijziging met `ijkpunt check`: dat noemt elke fout met regelnummer en oplossing.
# - Ids (id: …) zijn kleine letters, cijfers en koppeltekens. Kies ze vóór je eerste beoordeling goed:
#   beoordelingen verwijzen ernaar, dus daarna verander je een id niet meer.
# - Tekst na een # is commentaar voor jou; de site toont het niet.
# - Alle velden staan in het handboek onder 'Formaat voor auteurs'.

id: $name$pad_name# moet gelijk zijn aan de bestandsnaam (zonder .yaml)
version: "0.1.0"         # verhoog bij elke wijziging, en schrijf die op onder `changes`
title: "VERVANG: naam van de checklist"
channel: $channel$pad_channel# telefoon, e-mail, chat of balie
license: CC-BY-4.0
description: >-
  VERVANG: een inleiding voor het handboek. Voor wie is deze checklist, welke contacten beoordeel je ermee,
  en waar let de beoordelaar op?

# Wat een kritieke fout doet: fail-contact (het contact is niet geslaagd, de score blijft zichtbaar)
# of zero-score (de kwaliteitsscore wordt 0).
critical_policy: fail-contact

# Scorebanden: wat een kwaliteitsscore (0 tot 100) betekent, van laag naar hoog. De eerste begint bij 0.
bands:
  - id: onvoldoende
    label: Onvoldoende
    min: 0
    description: "VERVANG: wat een score onder de 70 betekent en wat je dan doet."
  - id: voldoende
    label: Voldoende
    min: 70
    description: "VERVANG: wat een score vanaf 70 betekent."

# Schalen: de antwoorden die een beoordelaar kan kiezen. Criteria noemen een schaal bij zijn id.
scales:
  ja-nee:                # een schaal met antwoorden; elk antwoord heeft punten
    type: options
    title: Ja / nee
    options:
      - {id: nee, label: Nee, points: 0}
      - {id: ja, label: Ja, points: 1}
  cijfer:                # een cijferschaal: een heel cijfer van min tot en met max
    type: grade
    title: Rapportcijfer
    min: 1
    max: 10
    pass_mark: 6         # vanaf dit cijfer is het criterium voldaan

# Secties met criteria, in de volgorde van het formulier.
sections:
  - id: opening
    title: "VERVANG: naam van de sectie"
    criteria:
      - id: vervang-eerste-criterium       # VERVANG de id door een korte beschrijving, bijv. voorstellen-met-naam
        title: "VERVANG: korte naam van het eerste criterium"
        kind: quality    # quality telt mee in de score; compliance (een regel) wordt apart gerapporteerd
        scale: ja-nee
        weight: 1        # hoe zwaar dit criterium telt in de gewogen score
        definition: "VERVANG: wat de beoordelaar ziet of hoort als het goed gaat, in waarneembaar gedrag."
        anchors:         # per antwoord van de schaal: wat je dan waarneemt
          nee: "VERVANG: wat je waarneemt bij Nee."
          ja: "VERVANG: wat je waarneemt bij Ja."
        indicators:
          - "VERVANG: een waarneembare aanwijzing."
        examples:
          good: ["VERVANG: een voorbeeld van goede uitvoering."]
          poor: ["VERVANG: een voorbeeld van onvoldoende uitvoering."]
        rationale: "VERVANG: waarom dit criterium op het formulier staat."
        kpi: klanttevredenheid    # klanttevredenheid, eerste-contactoplossing, vertrouwen of compliance
        sources: [vervang-bron]   # ids uit `sources` onderaan

      - id: vervang-tweede-criterium
        title: "VERVANG: korte naam van het tweede criterium"
        kind: quality
        scale: cijfer
        weight: 1
        na:              # mag de beoordelaar n.v.t. kiezen? Zeg dan wanneer.
          allowed: true
          when: "VERVANG: wanneer dit criterium niet van toepassing is."
        definition: "VERVANG: wat een hoog cijfer verdient, in waarneembaar gedrag."
        indicators:
          - "VERVANG: een waarneembare aanwijzing voor het cijfer."
        examples:
          good: ["VERVANG: een voorbeeld van een 9."]
          poor: ["VERVANG: een voorbeeld van een 4."]
        rationale: "VERVANG: waarom dit criterium een cijfer krijgt."
        kpi: vertrouwen
        sources: []      # geen bron? Zeg dan in `basis` waarop het steunt.
        basis: "VERVANG: eigen oordeel van de gemeente, en waarom."

# De relatievraag: verzwakte, behield of versterkte het contact de relatie met de gemeente?
relationship:
  title: "VERVANG: de vraag op het formulier, bijv. 'Wat deed dit contact met de relatie?'"
  definition: "VERVANG: waar de vraag over gaat."
  anchors:
    weakened: "VERVANG: wat je waarneemt als de relatie verzwakte."
    kept: "VERVANG: wat je waarneemt als de relatie gelijk bleef."
    strengthened: "VERVANG: wat je waarneemt als de relatie versterkte."
  indicators:
    - "VERVANG: een aanwijzing voor de relatie."
  rationale: "VERVANG: waarom deze vraag op het formulier staat."
  sources: [vervang-bron]

# Streefwaarden voor de uitkomst van contacten (aandelen van 0 tot 1).
targets:
  as_of: $today
  source: vervang-bron
  direct_min: 0.8
  transferred_or_callback_max: 0.2
  transferred_once_max: 0.15
  transferred_repeatedly_max: 0.05

# Wijzigingslogboek, nieuwste eerst. De bovenste regel gaat over de versie hierboven.
changes:
  - version: "0.1.0"
    date: $today
    summary: "VERVANG: eerste versie; wat er veranderde, in een paar zinnen."

# Bronnen, op id. Criteria en streefwaarden verwijzen ernaar.
sources:
  vervang-bron:
    title: "VERVANG: titel van het document"
    publisher: "VERVANG: wie het uitgaf"
    year: $year
""",
    "en": """\
# Checklist $name, made with `ijkpunt new checklist`.
#
# How to work with it:
# - Replace everything that starts with REPLACE by your own text (search for REPLACE).
# - Check after every change with `ijkpunt check`: it names every mistake with its line and the fix.
# - Ids (id: …) are lower-case letters, digits and hyphens. Choose them well before the first evaluation:
#   evaluations refer to them, so after that an id never changes.
# - Text after a # is a comment for you; the site does not show it.
# - Every field is described in the handbook under 'Format for authors'.

id: $name$pad_name# must equal the file name (without .yaml)
version: "0.1.0"         # raise it with every change, and describe the change under `changes`
title: "REPLACE: name of the checklist"
channel: $channel$pad_channel# telefoon, e-mail, chat or balie
license: CC-BY-4.0
description: >-
  REPLACE: an introduction for the handbook. Who is this checklist for, which contacts does it judge, and
  what does the evaluator look for?

# What a critical error does: fail-contact (the contact fails, the score stays visible)
# or zero-score (the quality score becomes 0).
critical_policy: fail-contact

# Score bands: what a quality score (0 to 100) means, from low to high. The first starts at 0.
bands:
  - id: onvoldoende
    label: Insufficient
    min: 0
    description: "REPLACE: what a score below 70 means and what you do then."
  - id: voldoende
    label: Sufficient
    min: 70
    description: "REPLACE: what a score from 70 means."

# Scales: the answers an evaluator can choose. Criteria name a scale by its id.
scales:
  ja-nee:                # a scale with answers; each answer has points
    type: options
    title: Yes / no
    options:
      - {id: nee, label: "No", points: 0}
      - {id: ja, label: "Yes", points: 1}
  cijfer:                # a grade scale: a whole grade from min to max
    type: grade
    title: Grade
    min: 1
    max: 10
    pass_mark: 6         # from this grade on the criterion is met

# Sections with criteria, in the order of the form.
sections:
  - id: opening
    title: "REPLACE: name of the section"
    criteria:
      - id: replace-first-criterion        # REPLACE the id by a short description, e.g. introduces-by-name
        title: "REPLACE: short name of the first criterion"
        kind: quality    # quality counts in the score; compliance (a rule) is reported apart
        scale: ja-nee
        weight: 1        # how much this criterion counts in the weighted score
        definition: "REPLACE: what the evaluator sees or hears when it goes well, in observable behaviour."
        anchors:         # per answer of the scale: what you observe then
          nee: "REPLACE: what you observe for No."
          ja: "REPLACE: what you observe for Yes."
        indicators:
          - "REPLACE: an observable sign."
        examples:
          good: ["REPLACE: an example of good practice."]
          poor: ["REPLACE: an example of poor practice."]
        rationale: "REPLACE: why this criterion is on the form."
        kpi: klanttevredenheid    # klanttevredenheid, eerste-contactoplossing, vertrouwen or compliance
        sources: [replace-source] # ids from `sources` at the bottom

      - id: replace-second-criterion
        title: "REPLACE: short name of the second criterion"
        kind: quality
        scale: cijfer
        weight: 1
        na:              # may the evaluator choose n.v.t. (not applicable)? Then say when.
          allowed: true
          when: "REPLACE: when this criterion does not apply."
        definition: "REPLACE: what earns a high grade, in observable behaviour."
        indicators:
          - "REPLACE: an observable sign for the grade."
        examples:
          good: ["REPLACE: an example of a 9."]
          poor: ["REPLACE: an example of a 4."]
        rationale: "REPLACE: why this criterion gets a grade."
        kpi: vertrouwen
        sources: []      # no source? Then say in `basis` what it rests on.
        basis: "REPLACE: the municipality's own judgement, and why."

# The relationship question: did the contact weaken, keep or strengthen the relation with the municipality?
relationship:
  title: "REPLACE: the question on the form, e.g. 'What did this contact do to the relationship?'"
  definition: "REPLACE: what the question is about."
  anchors:
    weakened: "REPLACE: what you observe when the relationship weakened."
    kept: "REPLACE: what you observe when the relationship stayed the same."
    strengthened: "REPLACE: what you observe when the relationship strengthened."
  indicators:
    - "REPLACE: a sign for the relationship."
  rationale: "REPLACE: why this question is on the form."
  sources: [replace-source]

# Targets for the outcome of contacts (shares from 0 to 1).
targets:
  as_of: $today
  source: replace-source
  direct_min: 0.8
  transferred_or_callback_max: 0.2
  transferred_once_max: 0.15
  transferred_repeatedly_max: 0.05

# Changelog, newest first. The top entry is about the version above.
changes:
  - version: "0.1.0"
    date: $today
    summary: "REPLACE: first version; what changed, in a few sentences."

# Sources, by id. Criteria and targets refer to them.
sources:
  replace-source:
    title: "REPLACE: title of the document"
    publisher: "REPLACE: who published it"
    year: $year
""",
}

_VARIANT = {
    "nl": """\
# Variant $name van de checklist $base, gemaakt met `ijkpunt new checklist --extends $base`.
#
# Een variant schrijft alleen op wat anders is dan de basis ($base, nu versie $base_version). Alles wat je
# niet noemt, neemt hij over, met dezelfde ids: zo blijven de resultaten te vergelijken met andere gemeenten
# die $base gebruiken. Verwijzingen naar onderdelen van de basis gaan altijd via hun id (zie het handboek
# van $base). Controleer na elke wijziging met `ijkpunt check`; de pagina van de variant in het handboek
# toont wat hij anders doet dan de basis.
#
# Een variant kan NIET de soort, kritiek, n.v.t.-toestemming, voorwaarde of punten van een gedeeld criterium
# veranderen: dan meet dezelfde id iets anders. Verwijder het criterium dan en voeg een nieuw toe met een
# eigen id. Alle velden staan in het handboek onder 'Formaat voor auteurs' → Variant.

id: $name$pad_name# moet gelijk zijn aan de bestandsnaam (zonder .yaml)
version: "0.1.0"         # eigen versie; verhoog bij elke wijziging en schrijf die op onder `changes`
extends: $base$pad_base# de basis
# extends_version: "$base_version"   # zet dit aan om bij deze versie van de basis te blijven
title: "VERVANG: naam van de variant"
# description: >-        # eigen inleiding; zonder deze regel geldt die van de basis
#   VERVANG: waarin deze variant verschilt en waarom.

changes:                 # eigen wijzigingslogboek, nieuwste eerst
  - version: "0.1.0"
    date: $today
    summary: "VERVANG: eerste versie van de variant; wat hij anders doet dan $base."

# Haal weg wat niet geldt: ids van criteria van de basis.
# remove:
#   - $removable

# Verander gewichten en teksten van onderdelen van de basis, op id. Wat je niet noemt, blijft gelijk.
# change:
#   criteria:
#     $quality:
#       weight: 2                        # alleen bij criteria van soort quality
#       title: "VERVANG: eigen titel"
#       anchors:                         # alleen de antwoorden die je noemt
#         $first_option: "VERVANG: eigen anker"
#   sections:
#     $section:
#       description: "VERVANG: eigen inleiding op de sectie"
#   bands:
#     $band:
#       label: "VERVANG: eigen naam van de band"

# Voeg criteria toe in een sectie, na (after) of voor (before) een criterium; zonder: achteraan.
# add:
#   - section: $section
#     after: $quality
#     criteria:
#       - id: vervang-eigen-criterium    # een id die de basis niet heeft
#         title: "VERVANG: korte naam"
#         kind: quality
#         scale: $scale
#         definition: "VERVANG: wat de beoordelaar ziet of hoort als het goed gaat."
#         anchors:                       # per antwoord van de schaal
$anchors#         indicators: ["VERVANG: een aanwijzing."]
#         examples: {good: ["VERVANG: goed."], poor: ["VERVANG: onvoldoende."]}
#         rationale: "VERVANG: waarom."
#         kpi: klanttevredenheid
#         sources: []
#         basis: "VERVANG: eigen beleid van de gemeente."

# Of een hele nieuwe sectie (met after/before een sectie-id):
# add_sections:
#   - id: vervang-eigen-sectie
#     title: "VERVANG: naam van de sectie"
#     after: $section
#     criteria: [...]
""",
    "en": """\
# Variant $name of the checklist $base, made with `ijkpunt new checklist --extends $base`.
#
# A variant writes down only what differs from its base ($base, now version $base_version). Everything you do
# not name it takes over, with the same ids: that keeps results comparable with other municipalities that
# use $base. Parts of the base are always named by their id (see the handbook page of $base). Check after
# every change with `ijkpunt check`; the variant's page in the handbook shows what it changes against its
# base.
#
# A variant can NOT change the kind, criticality, n.v.t. permission, condition or points of a shared
# criterion: the same id would then measure something else. Remove the criterion instead and add a new one
# with its own id. Every field is described in the handbook under 'Format for authors' → Variant.

id: $name$pad_name# must equal the file name (without .yaml)
version: "0.1.0"         # its own version; raise it with every change and describe it under `changes`
extends: $base$pad_base# the base
# extends_version: "$base_version"   # turn this on to stay with this version of the base
title: "REPLACE: name of the variant"
# description: >-        # its own introduction; without this line the base's applies
#   REPLACE: how this variant differs and why.

changes:                 # its own changelog, newest first
  - version: "0.1.0"
    date: $today
    summary: "REPLACE: first version of the variant; what it does differently from $base."

# Leave out what does not apply: ids of criteria of the base.
# remove:
#   - $removable

# Change weights and texts of parts of the base, by id. What you do not name stays the same.
# change:
#   criteria:
#     $quality:
#       weight: 2                        # only for criteria of kind quality
#       title: "REPLACE: own title"
#       anchors:                         # only the answers you name
#         $first_option: "REPLACE: own anchor"
#   sections:
#     $section:
#       description: "REPLACE: own introduction to the section"
#   bands:
#     $band:
#       label: "REPLACE: own name of the band"

# Add criteria to a section, after or before a criterion; without either: at the end.
# add:
#   - section: $section
#     after: $quality
#     criteria:
#       - id: replace-own-criterion      # an id the base does not have
#         title: "REPLACE: short name"
#         kind: quality
#         scale: $scale
#         definition: "REPLACE: what the evaluator sees or hears when it goes well."
#         anchors:                       # per answer of the scale
$anchors#         indicators: ["REPLACE: a sign."]
#         examples: {good: ["REPLACE: good."], poor: ["REPLACE: poor."]}
#         rationale: "REPLACE: why."
#         kpi: klanttevredenheid
#         sources: []
#         basis: "REPLACE: the municipality's own policy."

# Or a whole new section (after/before a section id):
# add_sections:
#   - id: replace-own-section
#     title: "REPLACE: name of the section"
#     after: $section
#     criteria: [...]
""",
}


def _pad(line: str, column: int = 25) -> str:
    """Spaces that bring a comment after `line` to `column`, as in the rest of the file."""
    return " " * max(2, column - len(line))


def checklist_scaffold(name: str, lang: Lang, today: dt.date, channel: str = "telefoon") -> str:
    """A whole checklist: one section, two criteria on two kinds of scale, bands, a source, a changelog."""
    return Template(_CHECKLIST[lang]).substitute(
        name=name,
        channel=channel,
        today=today.isoformat(),
        year=today.year,
        pad_name=_pad("id: " + name),
        pad_channel=_pad("channel: " + channel),
    )


def variant_scaffold(name: str, base: Checklist, lang: Lang, today: dt.date) -> str:
    """A variant of `base` that changes nothing yet, with examples (commented out) that use the base's real ids."""
    criteria = base.criteria()
    quality = next((c for c in criteria if c.kind == "quality"), criteria[0])
    dependencies = {c.applies_when.criterion for c in criteria if c.applies_when} | {
        c.importance_of for c in criteria if c.importance_of
    }
    removable = next((c.id for c in reversed(criteria) if c.id not in dependencies), criteria[-1].id)
    scale = base.scale_of(quality)
    first_option = scale.options[-1].id if scale.type == "options" else str(scale.max)
    section = next(s.id for s in base.sections if any(c.id == quality.id for c in s.criteria))
    return Template(_VARIANT[lang]).substitute(
        name=name,
        pad_name=_pad("id: " + name),
        pad_base=_pad("extends: " + base.id),
        base=base.id,
        base_version=base.version,
        today=today.isoformat(),
        removable=removable,
        quality=quality.id,
        first_option=first_option,
        section=section,
        band=base.bands[-1].id,
        scale=quality.scale,
        anchors="".join(
            f'#           {o.id}: "{_MARKER[lang]}: …"\n' for o in (scale.options if scale.type == "options" else [])
        ),
    )
