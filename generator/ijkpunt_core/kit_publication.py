"""A calibration kit as the site publishes it: what the kit pages fetch (``data/kits/<id>.json``).

Transcripts are in the pages themselves; this file carries the kit, which checklist version it pins,
the contacts' public part, and the key: in the clear, or sealed with a passphrase (AES-GCM, the key
derived with PBKDF2). A sealed key is opened by the browser's Web Crypto (``site/assets/sealed.js``);
the plain text inside is :class:`KitKeys` as JSON, which the core validates like any other input.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .kit import Kit, KitContact

__all__ = [
    "SEALED_FORMAT",
    "SEALED_NOTES",
    "KitKeys",
    "PublicContact",
    "PublishedKit",
    "SealedBox",
    "keys_of",
    "public_contact",
    "sealed_kit",
]

SEALED_FORMAT = "ijkpunt-sealed-1"
SEALED_NOTES = "(verzegeld)"
"""The facilitator notes of a published sealed kit: the real notes are inside the sealed box."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SealedBox(_Model):
    """Text encrypted with a passphrase, in the form Web Crypto reads."""

    format: Literal["ijkpunt-sealed-1"]
    cipher: Literal["AES-256-GCM"]
    kdf: Literal["PBKDF2-SHA256"]
    iterations: int = Field(ge=100_000, le=10_000_000)
    salt: str = Field(description="Base64, 16 bytes.")
    iv: str = Field(description="Base64, 12 bytes.")
    ciphertext: str = Field(description="Base64: ciphertext followed by the 16-byte tag.")


class KitKeys(_Model):
    """What a sealed kit hides: every contact's key and the facilitator's notes."""

    contacts: list[KitContact]
    facilitator_notes: str


class PublicContact(_Model):
    """What a participant may see of a contact before the key is shown."""

    id: str
    title: str
    summary: str


class PublishedKit(_Model):
    """``data/kits/<id>.json``: exactly one of ``keys`` and ``sealed`` is set."""

    kit: Kit = Field(description="The kit; when sealed, its facilitator notes are empty.")
    checklist_url: str = Field(description="The pinned checklist version, relative to the site root.")
    contacts: list[PublicContact]
    keys: KitKeys | None = None
    sealed: SealedBox | None = None

    def is_sealed(self) -> bool:
        return self.sealed is not None


def public_contact(contact: KitContact) -> PublicContact:
    """The part of a contact that does not give the key away."""
    return PublicContact(id=contact.id, title=contact.title, summary=contact.summary)


def keys_of(kit: Kit, contacts: list[KitContact]) -> KitKeys:
    """A kit's key, as one document to publish or to seal."""
    return KitKeys(contacts=contacts, facilitator_notes=kit.facilitator_notes)


def sealed_kit(kit: Kit) -> Kit:
    """The kit as a sealed publication shows it: without the facilitator notes."""
    return kit.model_copy(update={"facilitator_notes": SEALED_NOTES})
