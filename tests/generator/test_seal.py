"""A sealed kit key opens with its passphrase only, and a malformed box is refused by name."""

from __future__ import annotations

import base64
import json
import unicodedata

import pytest

from ijkpunt.seal import (
    ITERATIONS,
    WrongPassphrase,
    passphrase_problems,
    seal,
    unseal,
)

PASSPHRASE = "lantaarnpaal Beukenlaan 7"
TEXT = "Sleutel: één reden — citaat «ja»"
FAST = 100_000  # the lowest count unseal accepts; the default is proved once


def box(text: str = TEXT, passphrase: str = PASSPHRASE) -> dict[str, object]:
    return seal(text, passphrase, iterations=FAST)


def test_round_trip_keeps_non_ascii_text() -> None:
    sealed = box()
    assert unseal(sealed, PASSPHRASE) == TEXT
    assert unseal(box(""), PASSPHRASE) == ""


def test_the_default_box_is_the_published_format() -> None:
    sealed = seal(TEXT, PASSPHRASE)
    assert ITERATIONS == 600_000
    assert set(sealed) == {"format", "cipher", "kdf", "iterations", "salt", "iv", "ciphertext"}
    assert sealed["format"] == "ijkpunt-sealed-1"
    assert sealed["cipher"] == "AES-256-GCM"
    assert sealed["kdf"] == "PBKDF2-SHA256"
    assert sealed["iterations"] == 600_000
    assert len(base64.b64decode(str(sealed["salt"]))) == 16
    assert len(base64.b64decode(str(sealed["iv"]))) == 12
    # ciphertext + tag: as long as the UTF-8 text plus 16 bytes
    assert len(base64.b64decode(str(sealed["ciphertext"]))) == len(TEXT.encode("utf-8")) + 16
    assert unseal(json.loads(json.dumps(sealed)), PASSPHRASE) == TEXT


def test_wrong_passphrase_is_refused() -> None:
    with pytest.raises(WrongPassphrase):
        unseal(box(), PASSPHRASE + "!")


def test_the_passphrase_is_compared_in_nfc() -> None:
    composed = "Café de Beukenlaan"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert unseal(box(passphrase=composed), decomposed) == TEXT


@pytest.mark.parametrize("field", ["ciphertext", "iv", "salt"])
def test_a_flipped_byte_is_refused(field: str) -> None:
    sealed = box()
    data = bytearray(base64.b64decode(str(sealed[field])))
    data[len(data) // 2] ^= 0x01
    with pytest.raises(WrongPassphrase):
        unseal({**sealed, field: base64.b64encode(bytes(data)).decode()}, PASSPHRASE)


def test_a_changed_iteration_count_is_refused() -> None:
    with pytest.raises(WrongPassphrase):
        unseal({**box(), "iterations": FAST + 1}, PASSPHRASE)


def test_the_additional_data_is_the_format_name() -> None:
    """A box made without that additional data (another format) does not open."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

    sealed = box()
    salt, iv = base64.b64decode(str(sealed["salt"])), base64.b64decode(str(sealed["iv"]))
    key = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=FAST).derive(PASSPHRASE.encode())
    assert AESGCM(key).decrypt(iv, base64.b64decode(str(sealed["ciphertext"])), b"ijkpunt-sealed-1") == TEXT.encode()
    other = AESGCM(key).encrypt(iv, TEXT.encode(), None)
    with pytest.raises(WrongPassphrase):
        unseal({**sealed, "ciphertext": base64.b64encode(other).decode()}, PASSPHRASE)


MALFORMED = [
    pytest.param("format", None, "no field 'format'", id="format-missing"),
    pytest.param("format", "ijkpunt-sealed-2", "'format'", id="format-unknown"),
    pytest.param("cipher", "AES-128-CBC", "'cipher'", id="cipher-unknown"),
    pytest.param("kdf", None, "no field 'kdf'", id="kdf-missing"),
    pytest.param("kdf", "scrypt", "'kdf'", id="kdf-unknown"),
    pytest.param("iterations", None, "no field 'iterations'", id="iterations-missing"),
    pytest.param("iterations", 99_999, "'iterations'", id="iterations-too-few"),
    pytest.param("iterations", 10_000_001, "'iterations'", id="iterations-too-many"),
    pytest.param("iterations", "600000", "'iterations'", id="iterations-text"),
    pytest.param("iterations", True, "'iterations'", id="iterations-bool"),
    pytest.param("salt", None, "no field 'salt'", id="salt-missing"),
    pytest.param("salt", "not base64!", "'salt'", id="salt-bad-base64"),
    pytest.param("salt", base64.b64encode(bytes(8)).decode(), "'salt'", id="salt-short"),
    pytest.param("iv", None, "no field 'iv'", id="iv-missing"),
    pytest.param("iv", "AAAA=AAA", "'iv'", id="iv-bad-base64"),
    pytest.param("iv", 12, "'iv'", id="iv-number"),
    pytest.param("ciphertext", None, "no field 'ciphertext'", id="ciphertext-missing"),
    pytest.param("ciphertext", "ä", "'ciphertext'", id="ciphertext-bad-base64"),
    pytest.param("ciphertext", base64.b64encode(bytes(15)).decode(), "'ciphertext'", id="ciphertext-no-tag"),
]


@pytest.mark.parametrize(("field", "value", "message"), MALFORMED)
def test_a_malformed_box_is_refused_naming_the_field(field: str, value: object, message: str) -> None:
    sealed = box()
    if value is None:
        del sealed[field]
    else:
        sealed[field] = value
    with pytest.raises(ValueError, match=message) as raised:
        unseal(sealed, PASSPHRASE)
    assert not isinstance(raised.value, WrongPassphrase)


def test_a_box_that_is_no_object_is_refused() -> None:
    with pytest.raises(ValueError, match="JSON object"):
        unseal([], PASSPHRASE)  # type: ignore[arg-type]


def test_two_seals_of_one_text_differ() -> None:
    first, second = box(), box()
    assert first["salt"] != second["salt"]
    assert first["iv"] != second["iv"]
    assert first["ciphertext"] != second["ciphertext"]


def test_the_text_is_not_in_the_box() -> None:
    text = "Deskundig antwoord: ja, want de medewerker vat samen."
    published = json.dumps(box(text), ensure_ascii=False)
    assert text not in published
    for word in ("Deskundig", "medewerker", "samen"):
        assert word not in published
    assert PASSPHRASE not in published


def test_passphrase_problems() -> None:
    assert passphrase_problems("twaalf tekens") == []
    assert passphrase_problems("x" * 12) == []
    assert passphrase_problems("x" * 11) == ["Het wachtwoord is korter dan 12 tekens."]
    assert passphrase_problems("") == ["Het wachtwoord is leeg."]
    # characters, not bytes: 11 accented letters are still too short
    assert passphrase_problems("é" * 11) == ["Het wachtwoord is korter dan 12 tekens."]


def test_seal_refuses_a_weak_passphrase_and_a_count_unseal_would_refuse() -> None:
    with pytest.raises(ValueError, match="korter dan 12 tekens"):
        seal(TEXT, "kort")
    with pytest.raises(ValueError, match="'iterations'"):
        seal(TEXT, PASSPHRASE, iterations=1_000)
