"""Seal a calibration kit's reference key with a passphrase, so participants cannot read it.

A calibration session only works if the participants score the transcripts
before they see the expert answers. The site is static: whatever it publishes
can be read in the page source or the downloaded files. So the key (expert
answers, rationales) and the facilitator's notes are published *sealed*, and
the facilitator opens them in the browser by typing the passphrase
(``site/assets/sealed.js``, the counterpart of this module).

What is protected, and what is not:

* Sealed: only the text given to :func:`seal` — the key and facilitator notes.
  The transcripts, the checklist and everything else on the site stay public;
  participants need them.
* The box hides the text, not its length (GCM adds nothing but a 16-byte tag).
* A box is as strong as its passphrase. Anyone can download it and try
  passphrases offline, as fast as their hardware allows, without any server to
  slow them down or lock them out. PBKDF2 makes each guess cost 600 000
  SHA-256 HMAC rounds, which stops a search through long passphrases but not
  through short or common ones: hence :func:`passphrase_problems` and its
  minimum of 12 characters, which :func:`seal` enforces.
* Once the passphrase is typed on a shared screen or sent around, the seal is
  gone: choose a new passphrase for every session's kit.

Why these parameters:

* AES-256-GCM: authenticated encryption, so a wrong passphrase or a changed
  box is detected (:class:`WrongPassphrase`) instead of producing garbage;
  available in every browser's Web Crypto and in ``cryptography``.
* PBKDF2-HMAC-SHA256 with 600 000 iterations: the only password-based key
  derivation that Web Crypto offers, at the count OWASP recommended in 2023
  for SHA-256. A box records its count, so a later, higher count still opens
  older boxes; :func:`unseal` accepts 100 000 to 10 000 000 so that a
  crafted box cannot make the browser derive for minutes.
* A random 16-byte salt and a random 12-byte IV per box: two kits sealed with
  the same passphrase get different keys, and an IV never repeats under a key.
* The ciphertext is stored as Web Crypto produces and expects it: the
  encrypted bytes followed by the 16-byte tag. The additional authenticated
  data is the format name, so a box cannot be passed off as another format.
* The passphrase is taken in Unicode NFC (here and in the browser): "é" typed
  as one character or as "e" plus an accent gives the same key.

The box is a JSON-ready dict; the salt, IV and ciphertext are standard Base64
with padding (what the browser's ``atob`` reads).
"""

from __future__ import annotations

import base64
import os
import unicodedata
from collections.abc import Mapping

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

FORMAT = "ijkpunt-sealed-1"
CIPHER = "AES-256-GCM"
KDF = "PBKDF2-SHA256"
ITERATIONS = 600_000  # OWASP Password Storage Cheat Sheet (2023), PBKDF2-HMAC-SHA256
MIN_ITERATIONS = 100_000
MAX_ITERATIONS = 10_000_000
SALT_BYTES = 16
IV_BYTES = 12
KEY_BYTES = 32  # AES-256
TAG_BYTES = 16  # GCM's full tag; Web Crypto's default tagLength of 128 bits
ADDITIONAL_DATA = FORMAT.encode("utf-8")
MIN_PASSPHRASE_LENGTH = 12


class WrongPassphrase(Exception):
    """The box does not open with this passphrase: a wrong passphrase, or a box that was changed."""


def passphrase_problems(passphrase: str) -> list[str]:
    """Why `passphrase` is too weak to seal with, in short Dutch sentences; empty when it will do."""
    length = len(_normalised(passphrase))
    if length == 0:
        return ["Het wachtwoord is leeg."]
    if length < MIN_PASSPHRASE_LENGTH:
        return [f"Het wachtwoord is korter dan {MIN_PASSPHRASE_LENGTH} tekens."]
    return []


def seal(plaintext: str, passphrase: str, *, iterations: int = ITERATIONS) -> dict[str, object]:
    """`plaintext` encrypted with a key derived from `passphrase`, as a JSON-ready box.

    Raises ValueError for a passphrase with :func:`passphrase_problems` or an
    iteration count outside what :func:`unseal` and the browser accept.
    """
    problems = passphrase_problems(passphrase)
    if problems:
        raise ValueError(" ".join(problems))
    _check_iterations(iterations)
    salt = os.urandom(SALT_BYTES)
    iv = os.urandom(IV_BYTES)
    key = _derive(passphrase, salt, iterations)
    ciphertext = AESGCM(key).encrypt(iv, plaintext.encode("utf-8"), ADDITIONAL_DATA)  # ends with the tag
    return {
        "format": FORMAT,
        "cipher": CIPHER,
        "kdf": KDF,
        "iterations": iterations,
        "salt": _b64(salt),
        "iv": _b64(iv),
        "ciphertext": _b64(ciphertext),
    }


def unseal(box: Mapping[str, object], passphrase: str) -> str:
    """The text sealed in `box`.

    Raises WrongPassphrase when the passphrase is wrong or the box was changed
    (GCM cannot tell these apart), and ValueError naming the field when the
    box is malformed.
    """
    if not isinstance(box, Mapping):
        raise ValueError(f"a sealed box is a JSON object, not {type(box).__name__}")
    for field, expected in (("format", FORMAT), ("cipher", CIPHER), ("kdf", KDF)):
        value = _field(box, field)
        if value != expected:
            raise ValueError(f"sealed box field '{field}' is {value!r}, expected {expected!r}")
    iterations = _field(box, "iterations")
    if not isinstance(iterations, int) or isinstance(iterations, bool):
        raise ValueError(f"sealed box field 'iterations' is {iterations!r}, expected a whole number")
    _check_iterations(iterations)
    salt = _bytes_field(box, "salt")
    iv = _bytes_field(box, "iv")
    ciphertext = _bytes_field(box, "ciphertext")
    if len(salt) != SALT_BYTES:
        raise ValueError(f"sealed box field 'salt' holds {len(salt)} bytes, expected {SALT_BYTES}")
    if len(iv) != IV_BYTES:
        raise ValueError(f"sealed box field 'iv' holds {len(iv)} bytes, expected {IV_BYTES}")
    if len(ciphertext) < TAG_BYTES:
        raise ValueError(f"sealed box field 'ciphertext' holds {len(ciphertext)} bytes, less than the GCM tag")
    key = _derive(passphrase, salt, iterations)
    try:
        plaintext = AESGCM(key).decrypt(iv, ciphertext, ADDITIONAL_DATA)
    except InvalidTag:
        raise WrongPassphrase("the passphrase is wrong or the sealed box was changed") from None
    return plaintext.decode("utf-8")


def _normalised(passphrase: str) -> str:
    return unicodedata.normalize("NFC", passphrase)


def _derive(passphrase: str, salt: bytes, iterations: int) -> bytes:
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, iterations=iterations)
    return kdf.derive(_normalised(passphrase).encode("utf-8"))


def _check_iterations(iterations: int) -> None:
    if not MIN_ITERATIONS <= iterations <= MAX_ITERATIONS:
        raise ValueError(
            f"sealed box field 'iterations' is {iterations}, expected {MIN_ITERATIONS} to {MAX_ITERATIONS}"
        )


def _field(box: Mapping[str, object], field: str) -> object:
    if field not in box:
        raise ValueError(f"sealed box has no field '{field}'")
    return box[field]


def _bytes_field(box: Mapping[str, object], field: str) -> bytes:
    value = _field(box, field)
    if not isinstance(value, str):
        raise ValueError(f"sealed box field '{field}' is {type(value).__name__}, expected a Base64 string")
    try:
        return base64.b64decode(value, validate=True)
    except ValueError as error:  # binascii.Error, or a non-ASCII character
        raise ValueError(f"sealed box field '{field}' is not valid Base64: {error}") from None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
