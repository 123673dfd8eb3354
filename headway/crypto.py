"""Field encryption for what must stay private even from someone holding the database:
private notes and journal entries.

Values are encrypted with Fernet (AES-128-CBC with an HMAC) under keys kept outside the
database (settings.ENCRYPTION_KEYS, newest first). Old keys still decrypt, so keys can be
rotated: `headway keys rotate` adds a new key and re-encrypts every encrypted value with it.
An empty value stays empty: that it is empty is not worth hiding, and forms rely on it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.db.models.expressions import Combinable

PREFIX = "hw1:"  # marks a value we encrypted; the number names the scheme


class DecryptionError(RuntimeError):
    pass


@lru_cache(maxsize=4)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise DecryptionError("No encryption key is configured (ENCRYPTION_KEYS is empty).")
    return MultiFernet([Fernet(k.encode()) for k in keys])


def _current() -> MultiFernet:
    return _fernet(tuple(settings.ENCRYPTION_KEYS))


def encrypt(text: str) -> str:
    if not text:
        return text
    return PREFIX + _current().encrypt(text.encode()).decode()


def decrypt(value: str) -> str:
    if not value or not value.startswith(PREFIX):
        return value  # written before encryption was switched on; the next save encrypts it
    try:
        return _current().decrypt(value[len(PREFIX) :].encode()).decode()
    except InvalidToken as exc:
        raise DecryptionError(
            "A private value cannot be decrypted with the configured keys: the key it was "
            "written with is missing (see `headway keys` in the README)."
        ) from exc


class EncryptedTextField(models.TextField[str | Combinable, str]):
    """A TextField stored encrypted. It cannot be searched or filtered on in the database."""

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        return value if value is None else decrypt(value)

    def to_python(self, value: Any) -> Any:
        return decrypt(value) if isinstance(value, str) else value

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        return value if value is None else encrypt(value)


def encrypted_fields() -> list[tuple[type[models.Model], list[str]]]:
    """Every model with encrypted fields, and the names of those fields."""
    found = []
    for model in apps.get_models():
        names = [f.name for f in model._meta.fields if isinstance(f, EncryptedTextField)]
        if names:
            found.append((model, names))
    return found


@transaction.atomic
def reencrypt_all() -> int:
    """Re-encrypt every encrypted value under the newest key; returns the rows rewritten.

    Reading decrypts with whichever key fits; writing encrypts with the newest one."""
    rewritten = 0
    for model, names in encrypted_fields():
        for pk, *values in model._default_manager.values_list("pk", *names).iterator():
            model._default_manager.filter(pk=pk).update(**dict(zip(names, values, strict=True)))
            rewritten += 1
    return rewritten
