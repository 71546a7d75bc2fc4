"""The text of every problem code, in Dutch and English.

A message says what is wrong and, where it can, how to fix it. Templates use
named parameters (`{scale}`); the code that finds a problem supplies them.
Dutch addresses the author or evaluator as "je", as the site does.
"""

from __future__ import annotations

from dataclasses import dataclass

from .problems import Code, Lang


@dataclass(frozen=True)
class Message:
    title: str  # the meaning of the code, for the list of codes
    template: str  # the message, with named parameters


def _m(title: str, template: str) -> Message:
    return Message(title, template)


NL: dict[Code, Message] = {
    Code.FILE_NOT_FOUND: _m("bestand niet gevonden", "bestand niet gevonden"),
    Code.FILE_TOO_LARGE: _m(
        "bestand te groot", "het bestand is {size} bytes; de grens is {limit} bytes. Splits het of maak het kleiner"
    ),
    Code.NOT_UTF8: _m(
        "geen UTF-8", "het bestand is geen UTF-8 (onleesbare byte op positie {position}); sla het op als UTF-8"
    ),
    Code.CONTROL_CHARACTER: _m(
        "onzichtbaar stuurteken", "onzichtbaar stuurteken {character} in de tekst; haal het weg"
    ),
    Code.YAML_SYNTAX: _m(
        "geen geldige YAML", "geen geldige YAML: {detail}. Controleer inspringing, dubbele punten en aanhalingstekens"
    ),
    Code.JSON_SYNTAX: _m("geen geldige JSON", "geen geldige JSON: {detail}"),
    Code.DUPLICATE_KEY: _m("dubbele sleutel", "sleutel '{key}' staat twee keer in hetzelfde blok; houd er één"),
    Code.TOO_DEEP: _m("te diep genest", "het document is dieper genest dan {limit} niveaus"),
    Code.TOO_MANY_ALIASES: _m(
        "te veel YAML-aliassen", "het document gebruikt meer dan {limit} YAML-aliassen (*naam); schrijf ze uit"
    ),
    Code.TOO_MANY_VALUES: _m(
        "document te groot na uitvouwen", "het document vouwt uit tot meer dan {limit} waarden (door aliassen)"
    ),
    Code.FILE_UNREADABLE: _m("bestand onleesbaar", "het bestand kan niet worden gelezen: {detail}"),
    Code.UNKNOWN_KEY: _m("onbekend veld", "onbekend veld '{key}'; controleer de spelling"),
    Code.MISSING_FIELD: _m("verplicht veld ontbreekt", "verplicht veld '{key}' ontbreekt; voeg het toe"),
    Code.INVALID_VALUE: _m("ongeldige waarde", "ongeldige waarde {value}: {detail}"),
    Code.MALFORMED_ID: _m(
        "id heeft de verkeerde vorm",
        "id {value} heeft de verkeerde vorm: gebruik kleine letters, cijfers en enkele koppeltekens, "
        "bijv. 'voorstellen-met-naam'",
    ),
    Code.EMPTY_TEXT: _m("lege tekst", "de tekst is leeg; schrijf hem uit"),
    Code.OUT_OF_RANGE: _m("getal buiten bereik", "{value} valt buiten het bereik: het moet {bound} zijn"),
    Code.TOO_FEW_ITEMS: _m("te weinig onderdelen", "er moet minstens {minimum} onderdeel in staan"),
    Code.NOT_ALLOWED_VALUE: _m("waarde niet toegestaan", "{value} is hier niet toegestaan"),
    Code.UNKNOWN_TYPE: _m("onbekend type", "type {value} bestaat niet"),
    Code.MISSING_TYPE: _m("type ontbreekt", "verplicht veld 'type' ontbreekt; voeg het toe"),
    Code.WRONG_TYPE: _m("verkeerd soort waarde", "hier hoort {expected}, maar er staat {value}"),
    Code.NOT_FINITE: _m("getal niet eindig", "{value} is geen bruikbaar getal; gebruik een gewoon getal"),
    Code.TEXT_TOO_LONG: _m("tekst te lang", "de tekst is langer dan {limit} tekens; kort hem in"),
    Code.BAD_FORMAT: _m("verkeerde notatie", "{value} heeft niet de juiste notatie: {notation}"),
    Code.TOO_MANY_ITEMS: _m("te veel onderdelen", "er mogen hoogstens {maximum} onderdelen in staan"),
    Code.ONE_CHOICE: _m("meer dan één antwoord", "kies één van: een antwoord, een cijfer of n.v.t."),
    Code.TRANSFERS_MISMATCH: _m(
        "aantal keer doorverbonden past niet bij de uitkomst",
        "'transfers' is 1 of meer precies wanneer de uitkomst 'transferred' is",
    ),
    Code.UNKNOWN_SCALE: _m("onbekende schaal", "onbekende schaal '{scale}'"),
    Code.DUPLICATE_CRITERION: _m(
        "dubbele criterium-id",
        "criterium-id '{id}' wordt al gebruikt in sectie '{section}'; ids moeten uniek zijn in een checklist",
    ),
    Code.DUPLICATE_SECTION: _m(
        "dubbele sectie-id", "sectie-id '{id}' wordt al gebruikt door sectie {number}; hernoem er één"
    ),
    Code.UNKNOWN_SOURCE: _m("onbekende bron", "onbekende bron '{source}'"),
    Code.NA_WHEN_WITHOUT_ALLOWED: _m(
        "n.v.t.-regel zonder dat n.v.t. mag",
        "`na.when` is ingevuld maar `na.allowed` is niet true; zet allowed: true of haal when weg",
    ),
    Code.NA_ALLOWED_WITHOUT_WHEN: _m(
        "n.v.t. toegestaan zonder te zeggen wanneer", "n.v.t. is toegestaan: zeg in `na.when` wanneer het geldt"
    ),
    Code.DUPLICATE_OPTION: _m(
        "dubbele antwoord-id", "antwoord-id '{id}' komt twee keer voor; geef elk antwoord een eigen id"
    ),
    Code.SCALE_WITHOUT_SPREAD: _m(
        "schaal maakt geen onderscheid", "alle antwoorden hebben evenveel punten; geef het beste antwoord meer punten"
    ),
    Code.RESERVED_ID: _m("gereserveerde id", "'{id}' is gereserveerd; kies een andere criterium-id"),
    Code.GRADE_SCALE_ORDER: _m("cijferschaal in verkeerde volgorde", "nodig: min < max en min ≤ pass_mark ≤ max"),
    Code.RAW_HTML: _m(
        "HTML in een tekst",
        "HTML-code ({tag}) is niet toegestaan in teksten; schrijf gewone tekst (Markdown voor nadruk en links mag)",
    ),
    Code.UNSAFE_LINK: _m(
        "onveilige link", "link naar '{target}' is niet toegestaan; gebruik een https-, http- of mailto-adres"
    ),
    Code.MISSING_ANCHOR: _m(
        "anker ontbreekt", "beschrijf in `anchors` wat je waarneemt bij antwoord '{option}' van dit criterium"
    ),
    Code.UNKNOWN_ANCHOR: _m(
        "anker voor een onbekend antwoord", "'{option}' is geen antwoord van de schaal van dit criterium"
    ),
    Code.MISSING_BASIS: _m(
        "geen bron en geen basis",
        "noem een bron, of schrijf in `basis` waarop dit steunt (bijv. eigen oordeel, en waarom)",
    ),
    Code.BANDS_OUT_OF_ORDER: _m(
        "scorebanden niet oplopend", "de eerste band begint bij 0 en elke volgende band heeft een hogere `min`"
    ),
    Code.DUPLICATE_ID: _m("dubbele id", "id '{id}' komt twee keer voor; geef elk onderdeel een eigen id"),
    Code.DUPLICATE_TITLE: _m(
        "twee criteria met dezelfde titel",
        "criterium '{other}' heeft dezelfde titel; elk criterium meet één ander ding",
    ),
    Code.DUPLICATE_DEFINITION: _m(
        "twee criteria met dezelfde definitie",
        "criterium '{other}' heeft dezelfde definitie; elk criterium meet één ander ding",
    ),
    Code.CHANGELOG_VERSION: _m(
        "wijzigingslogboek loopt achter", "de nieuwste regel van `changes` moet over versie {version} gaan"
    ),
    Code.IMPORTANCE_OUTSIDE_SURVEY: _m(
        "belangvraag buiten een enquête",
        "een criterium van soort `importance` hoort alleen in een enquête; zet `kind: survey` bovenaan de checklist "
        "of kies `quality` of `compliance`",
    ),
    Code.IMPORTANCE_OF_MISSING: _m(
        "belangvraag zonder vraag",
        "een belangvraag noemt in `importance_of` de id van de vraag waarvan ze het belang meet",
    ),
    Code.IMPORTANCE_OF_NOT_ALLOWED: _m(
        "`importance_of` bij een gewone vraag",
        "alleen een criterium van soort `importance` heeft `importance_of`; haal het weg of zet `kind: importance`",
    ),
    Code.IMPORTANCE_OF_UNKNOWN: _m(
        "belangvraag over een onbekende vraag",
        "'{target}' is geen vraag van soort `quality` in deze checklist",
    ),
    Code.IMPORTANCE_TWICE: _m(
        "twee belangvragen over dezelfde vraag",
        "criterium '{other}' vraagt al naar het belang van '{target}'; houd één belangvraag per vraag",
    ),
    Code.CONDITION_UNKNOWN_CRITERION: _m(
        "voorwaarde op een onbekend criterium",
        "'{target}' is geen criterium van deze checklist; noem in `applies_when.criterion` de id van een criterium "
        "dat eerder op het formulier staat",
    ),
    Code.CONDITION_UNKNOWN_OPTION: _m(
        "voorwaarde met een onbekend antwoord",
        "'{option}' is geen antwoord van criterium '{target}' (schaal '{scale}'); kies een id uit die schaal",
    ),
    Code.CONDITION_ON_ITSELF: _m(
        "criterium met een voorwaarde op zichzelf",
        "een criterium kan niet van zijn eigen antwoord afhangen; noem een ander criterium dat eerder op het "
        "formulier staat, of haal `applies_when` weg",
    ),
    Code.CONDITION_CYCLE: _m(
        "voorwaarden in een kring",
        "deze voorwaarden wijzen in een kring ({cycle}), zodat geen van deze criteria ooit geldt; haal een van de "
        "voorwaarden weg",
    ),
    Code.CONDITION_LATER: _m(
        "voorwaarde op een later criterium",
        "criterium '{target}' staat later op het formulier; een voorwaarde mag alleen naar een eerder criterium "
        "wijzen, omdat de beoordelaar van boven naar beneden werkt. Zet '{target}' eerder of dit criterium later",
    ),
    Code.CONDITION_ON_GRADE: _m(
        "voorwaarde op een cijfervraag",
        "criterium '{target}' heeft een cijferschaal; een voorwaarde kan alleen wijzen naar een criterium met "
        "een schaal met antwoorden",
    ),
    Code.UNUSED_SCALE: _m("schaal niet gebruikt", "schaal '{scale}' wordt door geen enkel criterium gebruikt"),
    Code.VARIANT_UNKNOWN_BASE: _m(
        "onbekende basis van een variant",
        "'{base}' is geen checklist in dit project; noem in `extends` de id van een checklist in `checklists/`",
    ),
    Code.VARIANT_UNKNOWN_BASE_VERSION: _m(
        "onbekende versie van de basis",
        "versie {version} van '{base}' is er niet: niet de huidige en niet bewaard in `checklists/archief/` "
        "(bewaar versies met `ijkpunt archive`), of laat `extends_version` weg om de huidige te volgen",
    ),
    Code.VARIANT_CYCLE: _m(
        "varianten breiden elkaar in een kring uit",
        "deze variant breidt via {cycle} zichzelf uit; één checklist in de kring moet een gewone checklist zijn",
    ),
    Code.VARIANT_UNKNOWN_ID: _m(
        "onbekende id in een variant",
        "{part} '{id}' bestaat niet in '{base}' (of niet meer na `remove`); controleer de spelling",
    ),
    Code.VARIANT_REMOVES_DEPENDENCY: _m(
        "verwijderd criterium is nodig voor een ander",
        "criterium '{id}' kan niet weg: criterium '{dependent}' hangt ervan af (`applies_when` of "
        "`importance_of`); verwijder '{dependent}' ook, of houd '{id}'",
    ),
    Code.VARIANT_WEIGHT_NOT_COUNTED: _m(
        "gewicht dat nergens meetelt",
        "het gewicht van '{id}' telt nergens in mee ({criterion_kind}); alleen een kwaliteitscriterium van een "
        "checklist die geen enquête is heeft een gewicht. Haal `weight` weg",
    ),
    Code.VARIANT_SCALE_NOT_COMPARABLE: _m(
        "andere schaal maakt resultaten onvergelijkbaar",
        "schaal '{scale}' heeft niet dezelfde antwoorden voor dezelfde punten als '{base_scale}': de resultaten van "
        "'{id}' zijn dan niet te vergelijken met de basis. Houd de schaal, of verwijder '{id}' en voeg een nieuw "
        "criterium met een eigen id toe",
    ),
    Code.VARIANT_FIXED_FIELD: _m(
        "variant verandert wat een gedeeld onderdeel meet",
        "'{key}' van een onderdeel uit '{base}' kan een variant niet veranderen: dezelfde id zou dan iets anders "
        "meten en de resultaten zijn niet meer te vergelijken. Verwijder het criterium en voeg een nieuw toe met "
        "een eigen id",
    ),
    Code.VARIANT_ID_EXISTS: _m(
        "toegevoegd onderdeel met een id van de basis",
        "{part} '{id}' bestaat al in de basis (of is er verwijderd); een id houdt zijn betekenis. Verander het "
        "onder `change`, of kies een nieuwe id",
    ),
    Code.VARIANT_AFTER_AND_BEFORE: _m("zowel after als before", "noem `after` of `before`, niet allebei"),
    Code.VARIANT_PART_EXISTS: _m(
        "variant definieert een onderdeel van de basis opnieuw",
        "'{id}' staat al in `{part}` van de basis; een variant voegt alleen nieuwe toe. Verander teksten onder "
        "`change`, of kies een nieuwe id",
    ),
    Code.VARIANT_CHANGE_REMOVED: _m(
        "wijziging van een verwijderd criterium",
        "criterium '{id}' staat ook onder `remove`; haal het daar weg of verander het niet",
    ),
    Code.VARIANT_SAME_ID: _m(
        "variant met de id van de basis", "de variant heeft dezelfde id als de basis ('{id}'); kies een eigen id"
    ),
    Code.VARIANT_BASE_INVALID: _m("basis heeft fouten", "de basis '{base}' heeft fouten (zie daar); los die eerst op"),
    Code.TEXT_CHANGED_SAME_VERSION: _m(
        "tekst veranderd zonder nieuwe versie",
        "'{key}' van criterium '{id}' is anders dan in de bewaarde versie {version} ({archived}); verhoog `version` "
        "en beschrijf de wijziging in `changes`",
    ),
    Code.CRITERIA_CHANGED_SAME_VERSION: _m(
        "criteria veranderd zonder nieuwe versie",
        "criterium '{id}' is {change} sinds de bewaarde versie {version} ({archived}); verhoog `version` en "
        "beschrijf de wijziging in `changes`",
    ),
    Code.VARIANT_BASE_NOT_CURRENT: _m(
        "variant op een oudere versie van de basis",
        "deze variant volgt '{base}' {version}; de huidige versie is {current}. Kijk in het handboek wat er veranderde "
        "en verhoog `extends_version` als dat past",
    ),
    Code.VERSION_NOT_IN_CHANGELOG: _m(
        "bewaarde versie niet in het wijzigingslogboek",
        "versie {version} is bewaard in `checklists/archief/` maar staat niet in `changes`; voeg een regel toe",
    ),
    Code.DUPLICATE_CHECKLIST: _m(
        "dubbele checklist-id", "checklist-id '{id}' wordt ook gebruikt door {other}; ids moeten uniek zijn"
    ),
    Code.FILE_NAME_MISMATCH: _m(
        "bestandsnaam past niet bij de id",
        "de bestandsnaam moet gelijk zijn aan de checklist-id: hernoem het bestand naar {expected}",
    ),
    Code.NO_CHECKLISTS: _m("geen checklists", "de map checklists/ bevat geen .yaml-bestanden"),
    Code.ARCHIVE_MISMATCH: _m(
        "gearchiveerde versie past niet bij haar naam",
        "de inhoud van dit bestand hoort bij {expected}; archiveer versies alleen met `ijkpunt archive`",
    ),
    Code.TRANSLATION_UNKNOWN_ID: _m(
        "vertaling noemt een onbekende id",
        "'{id}' bestaat niet in het Nederlandse '{document}'; gebruik een id uit het Nederlandse bestand of haal de "
        "regel weg",
    ),
    Code.TRANSLATION_NO_ORIGINAL: _m(
        "vertaling van een tekst die er niet is",
        "het Nederlandse '{document}' heeft hier geen '{key}'; vertaal alleen teksten die het Nederlandse bestand "
        "heeft",
    ),
    Code.TRANSLATION_LIST_LENGTH: _m(
        "vertaalde lijst is even lang niet",
        "{found} vertaalde regels, het Nederlands heeft er {expected}; vertaal elke regel, in dezelfde volgorde",
    ),
    Code.TRANSLATION_OTHER_DOCUMENT: _m(
        "vertaling van iets anders",
        "deze vertaling zegt '{found}' te vertalen, maar hoort bij '{expected}'; zet `translates.id` goed of "
        "verplaats het bestand",
    ),
    Code.TRANSLATION_NEWER_VERSION: _m(
        "vertaling van een versie die er niet is",
        "vertaald uit versie {translated}, maar de Nederlandse versie is {current}; zet `translates.version` op de "
        "versie waaruit je vertaalde",
    ),
    Code.TRANSLATION_WITHOUT_ORIGINAL: _m(
        "vertaling zonder Nederlands bestand",
        "er is geen Nederlands bestand {file} om te vertalen; hernoem het bestand naar een bestaande id of haal "
        "het weg",
    ),
    Code.TRANSLATION_UNKNOWN_VERSION: _m(
        "teksten voor een versie die niet gearchiveerd is",
        "'{id}' heeft geen gearchiveerde versie {version} (in checklists/archief/); `earlier` geeft alleen teksten "
        "voor gearchiveerde versies: zet de versie goed of haal het blok weg",
    ),
    Code.TRANSLATION_TURNS: _m(
        "vertaald transcript heeft andere beurten",
        "het vertaalde transcript {file} heeft {found} beurten, het Nederlandse {expected}, of andere nummers; de "
        "sleutel noemt beurten op nummer: houd dezelfde genummerde beurten",
    ),
    Code.TRANSLATION_MISSING: _m(
        "tekst niet vertaald",
        "niet vertaald, blijft Nederlands: {texts}",
    ),
    Code.NOT_TRANSLATED: _m(
        "geen vertaling",
        "'{id}' heeft geen vertaling ({file}); de site toont het in het Nederlands",
    ),
    Code.TRANSLATION_STALE: _m(
        "vertaling mogelijk verouderd",
        "vertaald uit versie {translated}, de Nederlandse versie is nu {current}: controleer wat er veranderde en "
        "zet daarna `translates.version` op {current}. Teksten die sinds de vertaling veranderden, blijven Nederlands "
        "als versie {translated} in het archief staat",
    ),
    Code.LOGO_NOT_FOUND: _m(
        "logo niet gevonden",
        "het logo '{logo}' staat niet in de map van het project; zet het bestand daar of pas het pad aan "
        "(vanaf de map van het project, met / tussen mappen)",
    ),
    Code.LOGO_TYPE: _m(
        "logo van een soort die niet kan",
        "het logo '{logo}' is geen {kind}-bestand of heeft een extensie die niet kan; gebruik een SVG-, PNG- "
        "of JPEG-bestand met de juiste extensie",
    ),
    Code.LOGO_TOO_LARGE: _m(
        "logo te groot",
        "het logo is {size} bytes; de grens is {limit} bytes. Maak het kleiner (een logo in de kop is een paar kB)",
    ),
    Code.LOGO_UNSAFE: _m(
        "logo met scripts of verwijzingen",
        "de SVG '{logo}' bevat {found}. Een logo op de site mag geen scripts, on…-attributen, javascript:-links "
        "of verwijzingen naar andere websites hebben; exporteer het opnieuw als gewone SVG of gebruik een PNG",
    ),
    Code.TARGETS_UNUSED_CHANNEL: _m(
        "streefwaarden voor een kanaal zonder checklist",
        "er zijn eigen streefwaarden voor '{channel}', maar geen checklist voor dat kanaal; ze worden nergens "
        "getoond. Haal ze weg of controleer de naam van het kanaal",
    ),
    Code.UNKNOWN_CRITERION: _m(
        "antwoord voor een onbekend criterium", "criterium '{criterion}' staat niet op checklist '{checklist}'"
    ),
    Code.UNKNOWN_OPTION: _m("antwoord staat niet op de schaal", "antwoord '{option}' staat niet op schaal '{scale}'"),
    Code.NA_NOT_ALLOWED: _m("n.v.t. niet toegestaan", "n.v.t. is niet toegestaan bij '{criterion}'"),
    Code.GRADE_OUT_OF_SCALE: _m("cijfer buiten de schaal", "cijfer {grade} valt buiten {low}–{high}"),
    Code.OPTION_FOR_GRADE: _m("antwoord in plaats van cijfer", "dit criterium vraagt een cijfer, geen antwoordoptie"),
    Code.GRADE_FOR_OPTION: _m("cijfer in plaats van antwoord", "dit criterium vraagt een antwoordoptie, geen cijfer"),
    Code.UNKNOWN_CRITICAL_ERROR: _m(
        "onbekende kritieke fout", "kritieke fout '{error}' staat niet op checklist '{checklist}'"
    ),
    Code.UNSUPPORTED_FORMAT_VERSION: _m(
        "formaatversie niet ondersteund",
        "dit bestand heeft formaatversie {found}; deze versie van IJkpunt leest versie {supported}",
    ),
    Code.NEWER_FORMAT_VERSION: _m(
        "gemaakt door een nieuwere IJkpunt",
        "dit bestand heeft formaatversie {found} en is gemaakt door een nieuwere versie van IJkpunt; deze versie "
        "leest tot en met versie {supported}. Werk IJkpunt bij (of laad de site opnieuw) en probeer het nog eens",
    ),
    Code.NOT_AN_EVALUATION: _m(
        "geen beoordeling van IJkpunt",
        'dit is geen beoordeling van IJkpunt (er staat geen "format": "ijkpunt-evaluation" in); kies een '
        "geëxporteerde beoordeling (.json) of een bestand met beoordelingen (.jsonl)",
    ),
    Code.OTHER_CHECKLIST: _m(
        "evaluatie hoort bij een andere checklist",
        "deze beoordeling hoort bij checklist '{found}', niet bij '{expected}'",
    ),
    Code.SCORES_DIFFER: _m(
        "opgeslagen scores wijken af",
        "de opgeslagen scores wijken af van wat de rekenregels berekenen: {differences}",
    ),
    Code.CHANNEL_MISMATCH: _m(
        "kanaal past niet bij de checklist",
        "de beoordeling noemt kanaal '{found}', maar checklist '{checklist}' is voor kanaal '{expected}'",
    ),
    Code.VERSION_MISMATCH: _m(
        "versie past niet bij de inhoud",
        "de beoordeling noemt versie {found}, maar de checklist met deze inhoud heeft versie {expected}",
    ),
    Code.UNKNOWN_CHECKLIST: _m("onbekende checklist", "checklist '{checklist}' bestaat niet"),
    Code.DUPLICATE_EVALUATION: _m("beoordeling dubbel", "beoordeling {id} is al eerder gelezen; ze telt één keer"),
    Code.CHECKLIST_CHANGED: _m(
        "checklist gewijzigd sinds de beoordeling",
        "de checklist is gewijzigd sinds deze beoordeling (versie {old} → {new}); de scores zijn met de huidige "
        "versie herberekend",
    ),
    Code.FORMAT_MIGRATED: _m(
        "omgezet uit een ouder formaat",
        "dit bestand had formaatversie {found} en is gelezen als versie {current}; exporteer het opnieuw om het in "
        "het nieuwe formaat te bewaren",
    ),
    Code.RELATIONSHIP_MIGRATED: _m(
        "relatievraag uit een ouder formaat",
        "de relatievraag was in dit formaat ja/nee; '{old}' is gelezen als '{new}'. Controleer het antwoord",
    ),
    Code.ANSWER_NOT_APPLICABLE: _m(
        "antwoord op een criterium dat niet geldt",
        "'{criterion}' geldt alleen als '{controller}' is beantwoord met: {options}. Dat is hier niet zo, dus het "
        "antwoord telt niet mee (het criterium is n.v.t.)",
    ),
    Code.ANSWER_SWITCHED_OFF: _m(
        "antwoord op een criterium dat een instelling uitzet",
        "'{criterion}' is n.v.t. omdat de instelling '{setting}' van de gemeente bij deze beoordeling uit stond; "
        "het antwoord telt niet mee",
    ),
    Code.REVIEW_MODE: _m(
        "geen reactie mogelijk bij deze soort beoordeling",
        "op een beoordeling van de soort '{mode}' reageert niemand: alleen op een beoordeling door een coach",
    ),
    Code.REVIEW_NOT_FINISHED: _m(
        "beoordeling is nog niet af",
        "deze beoordeling is nog niet af; reageren kan pas op een afgeronde beoordeling",
    ),
    Code.RESPONSE_NOT_EXPECTED: _m(
        "er is al gereageerd",
        "er staat al een reactie ({state}); na bezwaar legt eerst de coach een besluit vast, en een beoordeling "
        "die gezien en akkoord is, is afgesloten",
    ),
    Code.DISPUTE_MISMATCH: _m(
        "bezwaar en criteria passen niet bij elkaar",
        "bij bezwaar hoort minstens één betwist criterium, en bij gezien en akkoord geen enkel ({position})",
    ),
    Code.DISPUTE_UNKNOWN_CRITERION: _m(
        "bezwaar tegen een onbekend criterium",
        "criterium '{criterion}' staat niet in checklist '{checklist}'",
    ),
    Code.DISPUTE_TWICE: _m("criterium twee keer betwist", "'{criterion}' staat twee keer in het bezwaar; houd er één"),
    Code.DISPUTE_WITHOUT_COMMENT: _m(
        "bezwaar zonder toelichting",
        "schrijf bij '{criterion}' waarom je het er niet mee eens bent; een bezwaar zonder toelichting kan niet",
    ),
    Code.OUTCOME_NOT_EXPECTED: _m(
        "geen bezwaar om over te beslissen",
        "er staat geen bezwaar open; een besluit volgt alleen op een bezwaar van de medewerker",
    ),
    Code.RULING_NOT_DISPUTED: _m(
        "besluit over een criterium zonder bezwaar",
        "tegen '{criterion}' is geen bezwaar gemaakt (of er staat al een besluit over); beslis alleen over de "
        "betwiste criteria",
    ),
    Code.RULING_MISSING: _m(
        "besluit ontbreekt",
        "er is bezwaar tegen '{criterion}', maar er staat geen besluit over; beslis over elk betwist criterium",
    ),
    Code.RULING_WITHOUT_COMMENT: _m(
        "besluit zonder uitleg", "schrijf bij '{criterion}' waarom je zo besluit; de medewerker leest het"
    ),
    Code.RULING_ANSWER: _m(
        "besluit en antwoord passen niet bij elkaar",
        "bij '{criterion}': kies bij (deels) toegekend een ander antwoord; bij afgewezen blijft het antwoord zoals "
        "het was",
    ),
    Code.REVIEW_INCONSISTENT: _m(
        "geschiedenis past niet bij de antwoorden",
        "stap {entry} van de reacties en besluiten past niet bij de antwoorden of de scores; het bestand is "
        "met de hand gewijzigd of beschadigd",
    ),
    Code.COMPARE_OTHER_CHECKLIST: _m(
        "vergelijken kan niet: andere checklist",
        "de beoordelingen horen bij verschillende checklists ('{first}' en '{second}'); vergelijk twee "
        "beoordelingen van hetzelfde contact",
    ),
    Code.COMPARE_OTHER_CONTACT: _m(
        "misschien niet hetzelfde contact",
        "de beoordelingen noemen een andere medewerker of datum ({first} en {second}); controleer of het om "
        "hetzelfde contact gaat",
    ),
    Code.FORM_TRANSFERS: _m(
        "aantal keer doorverbonden is geen heel getal van 1 tot en met 20",
        "Vul een heel getal van 1 tot en met {maximum} in.",
    ),
    Code.FORM_CHOICE: _m(
        "waarde is geen van de keuzes op het formulier", "Kies een van de mogelijkheden ('{value}' bestaat niet)."
    ),
    Code.FORM_GRADE: _m("cijfer niet op het formulier", "Kies een cijfer van {low} tot en met {high}."),
    Code.FORM_DATE: _m("geen geldige datum", "Vul een geldige datum in (jjjj-mm-dd)."),
    Code.FORM_CREATED_AT: _m(
        "geen geldig tijdstip van aanmaken", "Het tijdstip van aanmaken is geen geldige datum en tijd."
    ),
    Code.FORM_TOO_LONG: _m(
        "tekst langer dan het formulier toestaat", "Gebruik hier hoogstens {limit} tekens ({length} nu)."
    ),
    Code.FORM_NO_ID: _m(
        "beoordeling zonder geldige id", "De beoordeling heeft geen geldige id; begin een nieuwe beoordeling."
    ),
    Code.FORM_NOT_TEXT: _m("waarde past niet in het formulier", "Deze waarde past niet in het formulier."),
    Code.KIT_UNKNOWN_CHECKLIST: _m(
        "kit noemt een onbekende checklistversie",
        "checklist {checklist} bestaat niet in dit project; een kit hoort bij een precieze checklistversie",
    ),
    Code.KEY_MISSING: _m("sleutel mist een criterium", "de sleutel geeft geen antwoord op criterium '{criterion}'"),
    Code.UNKNOWN_TURN: _m("onbekende beurt", "beurt {turn} bestaat niet in het transcript (laatste beurt: {last})"),
    Code.TRANSCRIPT_WITHOUT_TURNS: _m(
        "transcript zonder beurten",
        "{file} bevat geen genummerde beurten; schrijf elke beurt als `1. **Medewerker:** tekst`",
    ),
    Code.KIT_CONTACT_MISSING: _m(
        "contact van de kit ontbreekt", "contact '{contact}' staat in kit.yaml maar {file} bestaat niet"
    ),
    Code.KIT_FOLDER_MISMATCH: _m(
        "map past niet bij de id", "de map moet gelijk zijn aan de id: hernoem de map of de id naar '{expected}'"
    ),
    Code.NOT_A_RESULT_CODE: _m(
        "geen resultaatcode", "dit is geen resultaatcode: een resultaatcode begint met {prefix}; plak de hele code"
    ),
    Code.RESULT_CODE_CHARACTER: _m(
        "teken hoort niet in een resultaatcode",
        "teken '{character}' op plaats {position} hoort niet in een resultaatcode (alleen letters en de cijfers 2 tot "
        "en met 7); kopieer de code opnieuw",
    ),
    Code.RESULT_CODE_DAMAGED: _m(
        "resultaatcode beschadigd",
        "de controlesom klopt niet: de code is onderweg veranderd; vraag de deelnemer de code opnieuw te plakken",
    ),
    Code.RESULT_CODE_TRUNCATED: _m(
        "resultaatcode afgebroken",
        "de code is afgebroken: hij heeft {length} tekens, maar hoort er {expected} te hebben; kopieer de hele code",
    ),
    Code.RESULT_CODE_OTHER_KIT: _m(
        "resultaatcode van een andere kit", "deze code hoort bij een andere kit dan '{kit}'; kies de kit van de sessie"
    ),
    Code.RESULT_CODE_OTHER_VERSION: _m(
        "resultaatcode van een andere versie van de kit",
        "deze code hoort bij een andere versie van kit '{kit}' (of van haar checklist) dan versie {version}; "
        "iedereen moet dezelfde versie scoren",
    ),
    Code.RESULT_CODE_UNKNOWN_CONTACT: _m(
        "resultaatcode noemt een contact dat niet bestaat",
        "de code noemt contact {number}, maar kit '{kit}' heeft {count} contacten",
    ),
    Code.RESULT_CODE_UNKNOWN_ANSWER: _m(
        "resultaatcode noemt een antwoord dat niet bestaat",
        "de code geeft antwoord {value} bij criterium '{criterion}' van contact '{contact}', maar daar zijn alleen "
        "de waarden 0 tot en met {last}",
    ),
    Code.UNKNOWN_KIT: _m("onbekende kit", "kit '{kit}' bestaat niet in dit project of heeft fouten"),
    Code.NOT_A_RESULT_FILE: _m(
        "geen resultaatbestand", "dit is geen resultaatbestand van een kalibratiesessie ({detail})"
    ),
    Code.PARTICIPANT_NAME: _m(
        "naam of initialen ongeldig",
        "vul je naam of initialen in: 1 tot {limit} tekens, zonder stuurtekens",
    ),
    Code.RESULT_CODE_REPEATED: _m(
        "resultaatcode dubbel", "deze code stond al op regel {line} van {file}; hij telt één keer"
    ),
    Code.REQUIRED_FOR_EXPORT: _m("veld nodig voor export is leeg", "Vul '{field}' in."),
    Code.BSN_IN_TEXT: _m(
        "een burgerservicenummer (BSN) in vrije tekst",
        "Hier staat waarschijnlijk een BSN. Haal het weg: persoonsgegevens van inwoners horen niet in een beoordeling.",
    ),
    Code.IBAN_IN_TEXT: _m(
        "een rekeningnummer (IBAN) in vrije tekst",
        "Hier staat een rekeningnummer (IBAN). Haal het weg: persoonsgegevens van inwoners horen niet in een "
        "beoordeling.",
    ),
    Code.EMAIL_IN_TEXT: _m(
        "een e-mailadres in vrije tekst", "Hier staat een e-mailadres. Is het van een inwoner, haal het dan weg."
    ),
    Code.PHONE_IN_TEXT: _m(
        "een telefoonnummer in vrije tekst", "Hier staat een telefoonnummer. Is het van een inwoner, haal het dan weg."
    ),
    Code.POSTCODE_IN_TEXT: _m(
        "een adres (postcode met huisnummer) in vrije tekst",
        "Hier staat een postcode met huisnummer: een adres. Is het van een inwoner, haal het dan weg.",
    ),
    Code.PERSONAL_DATA_IN_KIT: _m(
        "echt ogend persoonsgegeven in een kit",
        "{kind} '{value}' lijkt echt; verzin een waarde die duidelijk nep is, of zet hem onder `fictitious`",
    ),
    Code.NUMBER_TOO_LONG: _m(
        "getal te lang",
        "hier staat een getal van meer dan {limit} cijfers; zo'n getal hoort in geen enkel veld. "
        "Is dit het goede bestand?",
    ),
    Code.EXAMPLE_NOT_CRITICAL: _m(
        "rekenvoorbeeld noemt geen kritiek criterium", "'{criterion}' is geen kritiek criterium"
    ),
    Code.EXAMPLE_INCOMPLETE: _m(
        "rekenvoorbeeld niet volledig", "beantwoord elk criterium; nog niet beantwoord: {missing}"
    ),
    Code.BROKEN_LINK: _m("kapotte link", "{detail}"),
    Code.SITE_GENERATOR: _m("fout bij het bouwen van het handboek", "mkdocs meldt: {detail}"),
    Code.OUTPUT_NOT_WRITABLE: _m("uitvoermap niet schrijfbaar", "kan niet schrijven naar {path}: {detail}"),
    Code.WEB_CONFIG_NO_POLICY: _m(
        "web.config zonder plek voor het beveiligingsbeleid",
        'zet value="{placeholder}" precies één keer terug in de regel <add name="Content-Security-Policy" …/>: '
        "daar schrijft de build de Content-Security-Policy van de site in",
    ),
    Code.NOT_A_PROJECT: _m(
        "geen IJkpunt-projectmap",
        "{path} is geen IJkpunt-projectmap (er is geen map checklists/); ga naar de projectmap of geef "
        "--project MAP op",
    ),
    Code.NOT_INSTALLED: _m("niet geïnstalleerd", "{missing} ontbreekt: voer eerst `make install` uit in de projectmap"),
    Code.WHEELS_MISMATCH: _m(
        "browser-wheels passen niet bij de pins",
        "{folder} bevat {found}, maar site/browser-requirements.txt noemt {pinned}: voer `make install` uit",
    ),
}

EN: dict[Code, Message] = {
    Code.FILE_NOT_FOUND: _m("file not found", "file not found"),
    Code.FILE_TOO_LARGE: _m("file too large", "the file is {size} bytes; the limit is {limit} bytes. Split or trim it"),
    Code.NOT_UTF8: _m("not UTF-8", "the file is not UTF-8 (unreadable byte at position {position}); save it as UTF-8"),
    Code.CONTROL_CHARACTER: _m("control character", "invisible control character {character} in the text; remove it"),
    Code.YAML_SYNTAX: _m("invalid YAML", "not valid YAML: {detail}. Check indentation, colons and quotes"),
    Code.JSON_SYNTAX: _m("invalid JSON", "not valid JSON: {detail}"),
    Code.DUPLICATE_KEY: _m("duplicate key", "key '{key}' appears twice in the same block; keep one"),
    Code.TOO_DEEP: _m("nested too deeply", "the document is nested deeper than {limit} levels"),
    Code.TOO_MANY_ALIASES: _m(
        "too many YAML aliases", "the document uses more than {limit} YAML aliases (*name); write them out"
    ),
    Code.TOO_MANY_VALUES: _m(
        "document too large when expanded", "the document expands to more than {limit} values (through aliases)"
    ),
    Code.FILE_UNREADABLE: _m("file unreadable", "the file cannot be read: {detail}"),
    Code.UNKNOWN_KEY: _m("unknown key", "unknown key '{key}'; check the spelling"),
    Code.MISSING_FIELD: _m("required field missing", "required field '{key}' is missing; add it"),
    Code.INVALID_VALUE: _m("invalid value", "invalid value {value}: {detail}"),
    Code.MALFORMED_ID: _m(
        "malformed id",
        "malformed id {value}: use lowercase letters, digits and single hyphens, e.g. 'voorstellen-met-naam'",
    ),
    Code.EMPTY_TEXT: _m("empty text", "the text is empty; write it out"),
    Code.OUT_OF_RANGE: _m("number out of range", "{value} is out of range: it must be {bound}"),
    Code.TOO_FEW_ITEMS: _m("too few items", "needs at least {minimum} item(s)"),
    Code.NOT_ALLOWED_VALUE: _m("value not allowed", "{value} is not allowed here"),
    Code.UNKNOWN_TYPE: _m("unknown type", "type {value} does not exist"),
    Code.MISSING_TYPE: _m("type missing", "required field 'type' is missing; add it"),
    Code.WRONG_TYPE: _m("wrong kind of value", "expected {expected}, found {value}"),
    Code.NOT_FINITE: _m("number not finite", "{value} is not a usable number; use an ordinary number"),
    Code.TEXT_TOO_LONG: _m("text too long", "the text is longer than {limit} characters; shorten it"),
    Code.BAD_FORMAT: _m("wrong notation", "{value} is not written correctly: {notation}"),
    Code.TOO_MANY_ITEMS: _m("too many items", "allows at most {maximum} item(s)"),
    Code.ONE_CHOICE: _m("more than one answer", "choose one of: an option, a grade or n.v.t."),
    Code.TRANSFERS_MISMATCH: _m(
        "transfers do not fit the outcome", "'transfers' is 1 or more exactly when the outcome is 'transferred'"
    ),
    Code.UNKNOWN_SCALE: _m("unknown scale", "unknown scale '{scale}'"),
    Code.DUPLICATE_CRITERION: _m(
        "duplicate criterion id",
        "criterion id '{id}' is already used in section '{section}'; ids must be unique in a checklist",
    ),
    Code.DUPLICATE_SECTION: _m(
        "duplicate section id", "section id '{id}' is already used by section {number}; rename one of them"
    ),
    Code.UNKNOWN_SOURCE: _m("unknown source", "unknown source '{source}'"),
    Code.NA_WHEN_WITHOUT_ALLOWED: _m(
        "n.v.t. rule given but n.v.t. is not allowed",
        "`na.when` is given but `na.allowed` is not true; set allowed: true or remove when",
    ),
    Code.NA_ALLOWED_WITHOUT_WHEN: _m(
        "n.v.t. allowed without saying when", "n.v.t. is allowed: add `na.when` saying when it applies"
    ),
    Code.DUPLICATE_OPTION: _m("duplicate option id", "option id '{id}' appears twice; give every option its own id"),
    Code.SCALE_WITHOUT_SPREAD: _m(
        "scale cannot tell good from poor", "all options have the same points; give the best option more points"
    ),
    Code.RESERVED_ID: _m("reserved id", "'{id}' is reserved; choose another criterion id"),
    Code.GRADE_SCALE_ORDER: _m("grade scale out of order", "need min < max and min ≤ pass_mark ≤ max"),
    Code.RAW_HTML: _m(
        "HTML in a text", "HTML ({tag}) is not allowed in texts; write plain text (Markdown for emphasis and links)"
    ),
    Code.UNSAFE_LINK: _m("unsafe link", "a link to '{target}' is not allowed; use an https, http or mailto address"),
    Code.MISSING_ANCHOR: _m(
        "anchor missing", "describe in `anchors` what you observe for option '{option}' of this criterion"
    ),
    Code.UNKNOWN_ANCHOR: _m("anchor for an unknown option", "'{option}' is not an option of this criterion's scale"),
    Code.MISSING_BASIS: _m(
        "no source and no basis", "name a source, or write in `basis` what this rests on (e.g. own judgement, and why)"
    ),
    Code.BANDS_OUT_OF_ORDER: _m(
        "score bands not ascending", "the first band starts at 0 and each next band has a higher `min`"
    ),
    Code.DUPLICATE_ID: _m("duplicate id", "id '{id}' appears twice; give every part its own id"),
    Code.DUPLICATE_TITLE: _m(
        "two criteria with the same title",
        "criterion '{other}' has the same title; each criterion measures one other thing",
    ),
    Code.DUPLICATE_DEFINITION: _m(
        "two criteria with the same definition",
        "criterion '{other}' has the same definition; each criterion measures one other thing",
    ),
    Code.CHANGELOG_VERSION: _m(
        "changelog behind the version", "the newest entry of `changes` must be about version {version}"
    ),
    Code.IMPORTANCE_OUTSIDE_SURVEY: _m(
        "importance question outside a survey",
        "a criterion of kind `importance` belongs only in a survey; put `kind: survey` at the top of the checklist "
        "or choose `quality` or `compliance`",
    ),
    Code.IMPORTANCE_OF_MISSING: _m(
        "importance question without its question",
        "an importance question names in `importance_of` the id of the question whose importance it asks",
    ),
    Code.IMPORTANCE_OF_NOT_ALLOWED: _m(
        "`importance_of` on an ordinary question",
        "only a criterion of kind `importance` has `importance_of`; remove it or set `kind: importance`",
    ),
    Code.IMPORTANCE_OF_UNKNOWN: _m(
        "importance question about an unknown question",
        "'{target}' is not a question of kind `quality` in this checklist",
    ),
    Code.IMPORTANCE_TWICE: _m(
        "two importance questions about the same question",
        "criterion '{other}' already asks the importance of '{target}'; keep one importance question per question",
    ),
    Code.CONDITION_UNKNOWN_CRITERION: _m(
        "condition on an unknown criterion",
        "'{target}' is not a criterion of this checklist; name in `applies_when.criterion` the id of a criterion "
        "earlier on the form",
    ),
    Code.CONDITION_UNKNOWN_OPTION: _m(
        "condition with an unknown answer",
        "'{option}' is not an answer of criterion '{target}' (scale '{scale}'); choose an id from that scale",
    ),
    Code.CONDITION_ON_ITSELF: _m(
        "criterion conditional on itself",
        "a criterion cannot depend on its own answer; name another criterion earlier on the form, or remove "
        "`applies_when`",
    ),
    Code.CONDITION_CYCLE: _m(
        "conditions in a cycle",
        "these conditions point in a cycle ({cycle}), so none of these criteria would ever apply; remove one of "
        "the conditions",
    ),
    Code.CONDITION_LATER: _m(
        "condition on a later criterion",
        "criterion '{target}' comes later on the form; a condition may only point to an earlier criterion, "
        "because the evaluator works from top to bottom. Move '{target}' up or this criterion down",
    ),
    Code.CONDITION_ON_GRADE: _m(
        "condition on a grade question",
        "criterion '{target}' has a grade scale; a condition can only point to a criterion with a scale of answers",
    ),
    Code.UNUSED_SCALE: _m("scale not used", "scale '{scale}' is not used by any criterion"),
    Code.VARIANT_UNKNOWN_BASE: _m(
        "unknown base of a variant",
        "'{base}' is not a checklist of this project; name in `extends` the id of a checklist in `checklists/`",
    ),
    Code.VARIANT_UNKNOWN_BASE_VERSION: _m(
        "unknown version of the base",
        "version {version} of '{base}' does not exist: it is not the current one and not kept in "
        "`checklists/archief/` (keep versions with `ijkpunt archive`), or leave out `extends_version` to follow "
        "the current one",
    ),
    Code.VARIANT_CYCLE: _m(
        "variants extend each other in a circle",
        "this variant extends itself through {cycle}; one checklist in the circle must be an ordinary checklist",
    ),
    Code.VARIANT_UNKNOWN_ID: _m(
        "unknown id in a variant",
        "{part} '{id}' does not exist in '{base}' (or no longer after `remove`); check the spelling",
    ),
    Code.VARIANT_REMOVES_DEPENDENCY: _m(
        "removed criterion is needed by another",
        "criterion '{id}' cannot go: criterion '{dependent}' depends on it (`applies_when` or `importance_of`); "
        "remove '{dependent}' too, or keep '{id}'",
    ),
    Code.VARIANT_WEIGHT_NOT_COUNTED: _m(
        "weight that counts for nothing",
        "the weight of '{id}' counts for nothing ({criterion_kind}); only a quality criterion of a checklist that "
        "is not a survey has a weight. Remove `weight`",
    ),
    Code.VARIANT_SCALE_NOT_COMPARABLE: _m(
        "other scale makes results incomparable",
        "scale '{scale}' does not have the same answers for the same points as '{base_scale}': the results of "
        "'{id}' would no longer compare with the base. Keep the scale, or remove '{id}' and add a new criterion "
        "with its own id",
    ),
    Code.VARIANT_FIXED_FIELD: _m(
        "variant changes what a shared part measures",
        "a variant cannot change '{key}' of a part of '{base}': the same id would measure something else and "
        "results would no longer compare. Remove the criterion and add a new one with its own id",
    ),
    Code.VARIANT_ID_EXISTS: _m(
        "added part with an id of the base",
        "{part} '{id}' already exists in the base (or was removed from it); an id keeps its meaning. Change it "
        "under `change`, or choose a new id",
    ),
    Code.VARIANT_AFTER_AND_BEFORE: _m("both after and before", "give `after` or `before`, not both"),
    Code.VARIANT_PART_EXISTS: _m(
        "variant redefines a part of the base",
        "'{id}' is already in `{part}` of the base; a variant only adds new ones. Change texts under `change`, or "
        "choose a new id",
    ),
    Code.VARIANT_CHANGE_REMOVED: _m(
        "change of a removed criterion",
        "criterion '{id}' is also under `remove`; take it out there or do not change it",
    ),
    Code.VARIANT_SAME_ID: _m(
        "variant with the id of its base", "the variant has the same id as its base ('{id}'); choose its own id"
    ),
    Code.VARIANT_BASE_INVALID: _m("base has errors", "the base '{base}' has errors (see there); fix those first"),
    Code.TEXT_CHANGED_SAME_VERSION: _m(
        "text changed without a new version",
        "'{key}' of criterion '{id}' differs from the kept version {version} ({archived}); raise `version` and "
        "describe the change in `changes`",
    ),
    Code.CRITERIA_CHANGED_SAME_VERSION: _m(
        "criteria changed without a new version",
        "criterion '{id}' was {change} since the kept version {version} ({archived}); raise `version` and describe "
        "the change in `changes`",
    ),
    Code.VARIANT_BASE_NOT_CURRENT: _m(
        "variant on an older version of its base",
        "this variant follows '{base}' {version}; the current version is {current}. See in the handbook what "
        "changed and raise `extends_version` if that fits",
    ),
    Code.VERSION_NOT_IN_CHANGELOG: _m(
        "kept version not in the changelog",
        "version {version} is kept in `checklists/archief/` but is not in `changes`; add an entry",
    ),
    Code.DUPLICATE_CHECKLIST: _m(
        "duplicate checklist id", "checklist id '{id}' is also used by {other}; ids must be unique"
    ),
    Code.FILE_NAME_MISMATCH: _m(
        "file name does not match the id",
        "the file name must match the checklist id: rename the file to {expected}",
    ),
    Code.NO_CHECKLISTS: _m("no checklists", "the checklists/ folder holds no .yaml files"),
    Code.ARCHIVE_MISMATCH: _m(
        "archived version does not match its name",
        "the content of this file belongs in {expected}; archive versions only with `ijkpunt archive`",
    ),
    Code.TRANSLATION_UNKNOWN_ID: _m(
        "translation names an unknown id",
        "'{id}' does not exist in the Dutch '{document}'; use an id from the Dutch file or remove the entry",
    ),
    Code.TRANSLATION_NO_ORIGINAL: _m(
        "translation of a text that does not exist",
        "the Dutch '{document}' has no '{key}' here; translate only the texts the Dutch file has",
    ),
    Code.TRANSLATION_LIST_LENGTH: _m(
        "translated list has another length",
        "{found} translated entries, the Dutch has {expected}; translate every entry, in the same order",
    ),
    Code.TRANSLATION_OTHER_DOCUMENT: _m(
        "translation of something else",
        "this translation says it translates '{found}' but belongs to '{expected}'; correct `translates.id` or move "
        "the file",
    ),
    Code.TRANSLATION_NEWER_VERSION: _m(
        "translation of a version that does not exist",
        "translated from version {translated}, but the Dutch version is {current}; set `translates.version` to the "
        "version you translated from",
    ),
    Code.TRANSLATION_WITHOUT_ORIGINAL: _m(
        "translation without a Dutch file",
        "there is no Dutch file {file} to translate; rename the file to an existing id or remove it",
    ),
    Code.TRANSLATION_UNKNOWN_VERSION: _m(
        "texts for a version that is not archived",
        "'{id}' has no archived version {version} (in checklists/archief/); `earlier` only gives texts for archived "
        "versions: correct the version or remove the block",
    ),
    Code.TRANSLATION_TURNS: _m(
        "translated transcript has other turns",
        "the translated transcript {file} has {found} turns, the Dutch one {expected}, or other numbers; the key names "
        "turns by number: keep the same numbered turns",
    ),
    Code.TRANSLATION_MISSING: _m(
        "text not translated",
        "not translated, shown in Dutch: {texts}",
    ),
    Code.NOT_TRANSLATED: _m(
        "no translation",
        "'{id}' has no translation ({file}); the site shows it in Dutch",
    ),
    Code.TRANSLATION_STALE: _m(
        "translation may be out of date",
        "translated from version {translated}, the Dutch version is now {current}: check what changed, then set "
        "`translates.version` to {current}. Texts changed since the translation stay Dutch when version "
        "{translated} is in the archive",
    ),
    Code.LOGO_NOT_FOUND: _m(
        "logo not found",
        "the logo '{logo}' is not in the project folder; put the file there or correct the path "
        "(from the project folder, with / between folders)",
    ),
    Code.LOGO_TYPE: _m(
        "logo of a type that is not allowed",
        "the logo '{logo}' is not a {kind} file or has an extension that is not allowed; use an SVG, PNG "
        "or JPEG file with the right extension",
    ),
    Code.LOGO_TOO_LARGE: _m(
        "logo too large",
        "the logo is {size} bytes; the limit is {limit} bytes. Make it smaller (a logo in the header is a few kB)",
    ),
    Code.LOGO_UNSAFE: _m(
        "logo with scripts or references",
        "the SVG '{logo}' contains {found}. A logo on the site may not have scripts, on… attributes, javascript: "
        "links or references to other websites; export it again as a plain SVG or use a PNG",
    ),
    Code.TARGETS_UNUSED_CHANNEL: _m(
        "targets for a channel without a checklist",
        "there are own targets for '{channel}', but no checklist for that channel; they are shown nowhere. "
        "Remove them or check the channel's name",
    ),
    Code.UNKNOWN_CRITERION: _m(
        "answer for an unknown criterion", "criterion '{criterion}' is not on checklist '{checklist}'"
    ),
    Code.UNKNOWN_OPTION: _m("option not on the scale", "option '{option}' is not on scale '{scale}'"),
    Code.NA_NOT_ALLOWED: _m("n.v.t. not allowed", "n.v.t. is not allowed for '{criterion}'"),
    Code.GRADE_OUT_OF_SCALE: _m("grade outside the scale", "grade {grade} is outside {low}–{high}"),
    Code.OPTION_FOR_GRADE: _m("option instead of grade", "this criterion takes a grade, not an option"),
    Code.GRADE_FOR_OPTION: _m("grade instead of option", "this criterion takes an option, not a grade"),
    Code.UNKNOWN_CRITICAL_ERROR: _m(
        "unknown critical error", "critical error '{error}' is not on checklist '{checklist}'"
    ),
    Code.UNSUPPORTED_FORMAT_VERSION: _m(
        "format version not supported",
        "this file has format version {found}; this version of IJkpunt reads version {supported}",
    ),
    Code.NEWER_FORMAT_VERSION: _m(
        "made by a newer IJkpunt",
        "this file has format version {found} and was made by a newer version of IJkpunt; this version reads up "
        "to version {supported}. Update IJkpunt (or reload the site) and try again",
    ),
    Code.NOT_AN_EVALUATION: _m(
        "not an IJkpunt evaluation",
        'this is not an IJkpunt evaluation (it has no "format": "ijkpunt-evaluation"); choose an exported '
        "evaluation (.json) or a file of evaluations (.jsonl)",
    ),
    Code.OTHER_CHECKLIST: _m(
        "evaluation belongs to another checklist", "this evaluation is for checklist '{found}', not '{expected}'"
    ),
    Code.SCORES_DIFFER: _m(
        "stored scores differ", "the stored scores differ from the scores the core computes: {differences}"
    ),
    Code.CHANNEL_MISMATCH: _m(
        "channel does not match the checklist",
        "the evaluation names channel '{found}', but checklist '{checklist}' is for channel '{expected}'",
    ),
    Code.VERSION_MISMATCH: _m(
        "version does not match the content",
        "the evaluation names version {found}, but the checklist with this content has version {expected}",
    ),
    Code.UNKNOWN_CHECKLIST: _m("unknown checklist", "checklist '{checklist}' does not exist"),
    Code.DUPLICATE_EVALUATION: _m("evaluation repeated", "evaluation {id} was read before; it counts once"),
    Code.CHECKLIST_CHANGED: _m(
        "checklist changed since the evaluation",
        "the checklist has changed since this evaluation (version {old} → {new}); scores were recomputed with the "
        "current version",
    ),
    Code.FORMAT_MIGRATED: _m(
        "converted from an older format",
        "this file had format version {found} and was read as version {current}; export it again to keep it in the "
        "new format",
    ),
    Code.RELATIONSHIP_MIGRATED: _m(
        "relationship question from an older format",
        "the relationship question was yes/no in this format; '{old}' was read as '{new}'. Check the answer",
    ),
    Code.ANSWER_NOT_APPLICABLE: _m(
        "answer to a criterion that does not apply",
        "'{criterion}' applies only when '{controller}' was answered with: {options}. That is not the case here, "
        "so the answer does not count (the criterion is not applicable)",
    ),
    Code.ANSWER_SWITCHED_OFF: _m(
        "answer to a criterion a setting switches off",
        "'{criterion}' is not applicable because the municipality's setting '{setting}' was off for this "
        "evaluation; the answer does not count",
    ),
    Code.REVIEW_MODE: _m(
        "no response to this kind of evaluation",
        "nobody responds to an evaluation of kind '{mode}': only to an evaluation by a coach",
    ),
    Code.REVIEW_NOT_FINISHED: _m(
        "evaluation not finished", "this evaluation is not finished yet; a response is possible once it is"
    ),
    Code.RESPONSE_NOT_EXPECTED: _m(
        "already responded",
        "there is already a response ({state}); after a dispute the coach records an outcome first, and an "
        "acknowledged evaluation is closed",
    ),
    Code.DISPUTE_MISMATCH: _m(
        "dispute and criteria do not match",
        "a dispute names at least one criterion, and an acknowledgement none ({position})",
    ),
    Code.DISPUTE_UNKNOWN_CRITERION: _m(
        "dispute of an unknown criterion", "criterion '{criterion}' is not on checklist '{checklist}'"
    ),
    Code.DISPUTE_TWICE: _m("criterion disputed twice", "'{criterion}' is disputed twice; keep one"),
    Code.DISPUTE_WITHOUT_COMMENT: _m(
        "dispute without a comment",
        "write why you disagree with '{criterion}'; a dispute needs a comment",
    ),
    Code.OUTCOME_NOT_EXPECTED: _m(
        "no dispute to decide", "no dispute is open; an outcome only follows the agent's dispute"
    ),
    Code.RULING_NOT_DISPUTED: _m(
        "outcome for a criterion not disputed",
        "'{criterion}' was not disputed (or already has an outcome); decide only on the disputed criteria",
    ),
    Code.RULING_MISSING: _m(
        "outcome missing", "'{criterion}' is disputed but has no outcome; decide on every disputed criterion"
    ),
    Code.RULING_WITHOUT_COMMENT: _m(
        "outcome without an explanation", "write why you decide so on '{criterion}'; the agent reads it"
    ),
    Code.RULING_ANSWER: _m(
        "outcome and answer do not match",
        "for '{criterion}': choose another answer when upheld (or partly); when rejected the answer stays as it was",
    ),
    Code.REVIEW_INCONSISTENT: _m(
        "history does not match the answers",
        "step {entry} of the responses and outcomes does not match the answers or scores; the file was edited by "
        "hand or damaged",
    ),
    Code.COMPARE_OTHER_CHECKLIST: _m(
        "cannot compare: another checklist",
        "the evaluations are for different checklists ('{first}' and '{second}'); compare two evaluations of the "
        "same contact",
    ),
    Code.COMPARE_OTHER_CONTACT: _m(
        "perhaps not the same contact",
        "the evaluations name another agent or date ({first} and {second}); check that they are of the same contact",
    ),
    Code.FORM_TRANSFERS: _m(
        "number of transfers is not a whole number from 1 to 20", "Enter a whole number from 1 to {maximum}."
    ),
    Code.FORM_CHOICE: _m(
        "value is not one of the form's choices", "Choose one of the options ('{value}' does not exist)."
    ),
    Code.FORM_GRADE: _m("grade not on the form", "Choose a grade from {low} to {high}."),
    Code.FORM_DATE: _m("not a valid date", "Enter a valid date (yyyy-mm-dd)."),
    Code.FORM_CREATED_AT: _m("not a valid creation time", "The creation time is not a valid date and time."),
    Code.FORM_TOO_LONG: _m("text longer than the form allows", "Use at most {limit} characters here ({length} now)."),
    Code.FORM_NO_ID: _m("evaluation without a valid id", "The evaluation has no valid id; start a new evaluation."),
    Code.FORM_NOT_TEXT: _m("value does not fit the form", "This value does not fit the form."),
    Code.KIT_UNKNOWN_CHECKLIST: _m(
        "kit names an unknown checklist version",
        "checklist {checklist} does not exist in this project; a kit belongs to one exact checklist version",
    ),
    Code.KEY_MISSING: _m("key misses a criterion", "the key gives no answer for criterion '{criterion}'"),
    Code.UNKNOWN_TURN: _m("unknown turn", "turn {turn} does not exist in the transcript (last turn: {last})"),
    Code.TRANSCRIPT_WITHOUT_TURNS: _m(
        "transcript without turns", "{file} holds no numbered turns; write each turn as `1. **Medewerker:** text`"
    ),
    Code.KIT_CONTACT_MISSING: _m(
        "kit contact missing", "contact '{contact}' is listed in kit.yaml but {file} does not exist"
    ),
    Code.KIT_FOLDER_MISMATCH: _m(
        "folder does not match the id", "the folder must match the id: rename the folder or the id to '{expected}'"
    ),
    Code.NOT_A_RESULT_CODE: _m(
        "not a result code", "this is not a result code: a result code starts with {prefix}; paste the whole code"
    ),
    Code.RESULT_CODE_CHARACTER: _m(
        "character not allowed in a result code",
        "character '{character}' at position {position} does not belong in a result code (only letters and the "
        "digits 2 to 7); copy the code again",
    ),
    Code.RESULT_CODE_DAMAGED: _m(
        "result code damaged",
        "the checksum does not match: the code changed on its way; ask the participant to paste it again",
    ),
    Code.RESULT_CODE_TRUNCATED: _m(
        "result code cut off",
        "the code is cut off: it has {length} characters but should have {expected}; copy the whole code",
    ),
    Code.RESULT_CODE_OTHER_KIT: _m(
        "result code of another kit", "this code belongs to another kit than '{kit}'; choose the session's kit"
    ),
    Code.RESULT_CODE_OTHER_VERSION: _m(
        "result code of another version of the kit",
        "this code belongs to another version of kit '{kit}' (or of its checklist) than version {version}; "
        "everyone must score the same version",
    ),
    Code.RESULT_CODE_UNKNOWN_CONTACT: _m(
        "result code names a contact that does not exist",
        "the code names contact {number}, but kit '{kit}' has {count} contacts",
    ),
    Code.RESULT_CODE_UNKNOWN_ANSWER: _m(
        "result code names an answer that does not exist",
        "the code gives value {value} for criterion '{criterion}' of contact '{contact}', but only the values 0 to "
        "{last} exist there",
    ),
    Code.UNKNOWN_KIT: _m("unknown kit", "kit '{kit}' does not exist in this project or has errors"),
    Code.NOT_A_RESULT_FILE: _m("not a result file", "this is not a result file of a calibration session ({detail})"),
    Code.PARTICIPANT_NAME: _m(
        "name or initials invalid", "fill in your name or initials: 1 to {limit} characters, no control characters"
    ),
    Code.RESULT_CODE_REPEATED: _m(
        "result code repeated", "this code was already on line {line} of {file}; it counts once"
    ),
    Code.REQUIRED_FOR_EXPORT: _m("field required for export is empty", "Fill in '{field}'."),
    Code.BSN_IN_TEXT: _m(
        "a citizen service number (BSN) in free text",
        "This looks like a BSN. Remove it: citizens' personal data do not belong in an evaluation.",
    ),
    Code.IBAN_IN_TEXT: _m(
        "a bank account number (IBAN) in free text",
        "This is a bank account number (IBAN). Remove it: citizens' personal data do not belong in an evaluation.",
    ),
    Code.EMAIL_IN_TEXT: _m(
        "an e-mail address in free text", "This is an e-mail address. If it is a citizen's, remove it."
    ),
    Code.PHONE_IN_TEXT: _m("a phone number in free text", "This is a phone number. If it is a citizen's, remove it."),
    Code.POSTCODE_IN_TEXT: _m(
        "an address (postcode with house number) in free text",
        "This is a postcode with a house number: an address. If it is a citizen's, remove it.",
    ),
    Code.PERSONAL_DATA_IN_KIT: _m(
        "real-looking personal data in a kit",
        "{kind} '{value}' looks real; invent an obviously fake value, or list it under `fictitious`",
    ),
    Code.NUMBER_TOO_LONG: _m(
        "number too long",
        "a number of more than {limit} digits; no field holds such a number. Is this the right file?",
    ),
    Code.EXAMPLE_NOT_CRITICAL: _m(
        "worked example names no critical criterion", "'{criterion}' is not a critical criterion"
    ),
    Code.EXAMPLE_INCOMPLETE: _m("worked example incomplete", "answer every criterion; not answered: {missing}"),
    Code.BROKEN_LINK: _m("broken link", "{detail}"),
    Code.SITE_GENERATOR: _m("the handbook could not be built", "mkdocs reports: {detail}"),
    Code.OUTPUT_NOT_WRITABLE: _m("output folder not writable", "cannot write to {path}: {detail}"),
    Code.WEB_CONFIG_NO_POLICY: _m(
        "web.config without a place for the security policy",
        'put value="{placeholder}" back, exactly once, in the line <add name="Content-Security-Policy" …/>: '
        "the build writes the site's Content-Security-Policy there",
    ),
    Code.NOT_A_PROJECT: _m(
        "not an IJkpunt project folder",
        "{path} is not an IJkpunt project folder (it has no checklists/ folder); change to the project folder or "
        "pass --project FOLDER",
    ),
    Code.NOT_INSTALLED: _m("not installed", "{missing} is missing: run `make install` in the project folder first"),
    Code.WHEELS_MISMATCH: _m(
        "browser wheels do not match the pins",
        "{folder} holds {found}, but site/browser-requirements.txt pins {pinned}: run `make install`",
    ),
}

MESSAGES: dict[Lang, dict[Code, Message]] = {"nl": NL, "en": EN}

# Words used around messages: path labels and the frame of a diagnostic.
WORDS: dict[Lang, dict[str, str]] = {
    "nl": {
        "allowed": "toegestaan",
        "warning": "waarschuwing",
        "section": "sectie",
        "criterion": "criterium",
        "option": "antwoord",
        "scale": "schaal",
        "source": "bron",
        "answer": "antwoord op",
        "document": "(document)",
        "error_count": "fout(en)",
        "warning_count": "waarschuwing(en)",
    },
    "en": {
        "allowed": "allowed",
        "warning": "warning",
        "section": "section",
        "criterion": "criterion",
        "option": "option",
        "scale": "scale",
        "source": "source",
        "answer": "answer to",
        "document": "(document)",
        "error_count": "error(s)",
        "warning_count": "warning(s)",
    },
}

# The kinds of value a field can expect (the `expected` parameter of a message).
KINDS: dict[Lang, dict[str, str]] = {
    "nl": {
        "text": "tekst",
        "number": "een getal",
        "whole_number": "een geheel getal",
        "yes_no": "true of false",
        "list": "een lijst",
        "block": "een blok met velden",
        "date": "een datum (JJJJ-MM-DD)",
        "datetime": "een tijdstip (ISO 8601)",
        "nothing": "niets",
    },
    "en": {
        "text": "text",
        "number": "a number",
        "whole_number": "a whole number",
        "yes_no": "true or false",
        "list": "a list",
        "block": "a block of fields",
        "date": "a date (YYYY-MM-DD)",
        "datetime": "a time (ISO 8601)",
        "nothing": "nothing",
    },
}

# The fields a person fills in on the form, as the form labels them (the `field` parameter).
FIELDS: dict[Lang, dict[str, str]] = {
    "nl": {
        "evaluator": "Beoordelaar",
        "agent": "Medewerker (code)",
        "team": "Team",
        "department": "Afdeling",
        "contact_date": "Datum van het contact",
        "created_at": "Aangemaakt op",
        "mode": "Soort beoordeling",
        "transfers": "Hoe vaak?",
        "notes": "Algemene opmerkingen",
    },
    "en": {
        "evaluator": "Evaluator",
        "agent": "Agent (code)",
        "team": "Team",
        "department": "Department",
        "contact_date": "Date of the contact",
        "created_at": "Created at",
        "mode": "Kind of evaluation",
        "transfers": "How many times?",
        "notes": "General remarks",
    },
}

# Python's JSON reader says what is wrong in English (json.JSONDecodeError.msg); its place is given apart.
JSON_DETAILS: dict[Lang, dict[str, str]] = {
    "nl": {
        "Expecting value": "hier hoort een waarde (is het wel JSON?)",
        "Expecting property name enclosed in double quotes": "hier hoort een naam tussen dubbele aanhalingstekens",
        "Expecting ',' delimiter": "hier ontbreekt een komma",
        "Expecting ':' delimiter": "hier ontbreekt een dubbele punt",
        "Unterminated string starting at": "een tekst zonder afsluitend aanhalingsteken",
        "Invalid control character at": "een onzichtbaar stuurteken in een tekst",
        "Invalid \\escape": "een ongeldige backslash-code in een tekst",
        "Invalid \\uXXXX escape": "een ongeldige \\u-code in een tekst",
        "Extra data": "na het einde van het JSON-document staat nog meer",
        "Illegal trailing comma before end of object": "een komma voor de afsluitende }",
        "Illegal trailing comma before end of array": "een komma voor de afsluitende ]",
    },
    "en": {},
}

# Parameters whose values are keys, translated when a message is rendered.
# What part of a checklist an id in a variant names (the `part` parameter).
PARTS: dict[Lang, dict[str, str]] = {
    "nl": {
        "criterion": "criterium",
        "section": "sectie",
        "band": "scoreband",
        "scale": "schaal",
        "option": "antwoord",
        "scales": "scales",
        "sources": "sources",
    },
    "en": {
        "criterion": "criterion",
        "section": "section",
        "band": "score band",
        "scale": "scale",
        "option": "answer",
        "scales": "scales",
        "sources": "sources",
    },
}

# Why a criterion's weight counts for nothing (the `criterion_kind` parameter).
CRITERION_KINDS: dict[Lang, dict[str, str]] = {
    "nl": {
        "compliance": "een regelcriterium telt apart als voldaan of niet",
        "importance": "een belangvraag telt niet mee in een score",
        "survey": "een enquête heeft geen gewogen score",
    },
    "en": {
        "compliance": "a compliance criterion counts apart as met or not",
        "importance": "an importance question counts in no score",
        "survey": "a survey has no weighted score",
    },
}

# What happened to a criterion since an archived version (the `change` parameter).
CHANGE_WORDS: dict[Lang, dict[str, str]] = {
    "nl": {"added": "toegevoegd", "removed": "verwijderd"},
    "en": {"added": "added", "removed": "removed"},
}

TRANSLATED_PARAMS: dict[str, dict[Lang, dict[str, str]]] = {
    "expected": KINDS,
    "field": FIELDS,
    "part": PARTS,
    "criterion_kind": CRITERION_KINDS,
    "change": CHANGE_WORDS,
    "detail": JSON_DETAILS,
}
