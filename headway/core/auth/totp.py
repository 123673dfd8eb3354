"""One-time codes for two-step login: HOTP (RFC 4226) and TOTP (RFC 6238).

Pure standard library, so it can be checked against the RFCs' own test vectors and used by
tests to compute the code an authenticator app would show.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
from dataclasses import dataclass
from urllib.parse import quote, urlencode

STEP_SECONDS = 30
DIGITS = 6
_DIGESTS = {"SHA1": hashlib.sha1, "SHA256": hashlib.sha256, "SHA512": hashlib.sha512}


def generate_secret(nbytes: int = 20) -> str:
    """A random base32 secret (160 bits by default, as RFC 4226 recommends), unpadded."""
    return base64.b32encode(secrets.token_bytes(nbytes)).decode().rstrip("=")


def _key(secret: str) -> bytes:
    # Apps show the secret in groups and any case: accept spaces and missing padding.
    s = secret.replace(" ", "").replace("-", "").upper()
    return base64.b32decode(s + "=" * (-len(s) % 8))


def hotp(key: bytes, counter: int, digits: int = DIGITS, algorithm: str = "SHA1") -> str:
    """RFC 4226 section 5.3: HMAC of the 8-byte counter, dynamic truncation, modulo 10^digits."""
    mac = hmac.new(key, struct.pack(">Q", counter), _DIGESTS[algorithm]).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**digits).zfill(digits)


def time_step(t: float, step: int = STEP_SECONDS) -> int:
    return int(t // step)


def totp(
    secret: str, t: float, digits: int = DIGITS, step: int = STEP_SECONDS, algorithm: str = "SHA1"
) -> str:
    """The code for base32 `secret` at Unix time `t`."""
    return hotp(_key(secret), time_step(t, step), digits, algorithm)


@dataclass(frozen=True)
class Verification:
    ok: bool
    step: int | None = None  # the matched time step, so the caller can refuse its reuse


def verify(
    secret: str, code: str, t: float, *, window: int = 1, last_step: int | None = None
) -> Verification:
    """Check `code` against the steps t-window..t+window (clock drift), in constant time.
    A step at or before `last_step` (already used) never matches: a code works once."""
    code = "".join(code.split())
    if len(code) != DIGITS or not code.isdigit():
        return Verification(ok=False)
    key = _key(secret)
    now = time_step(t)
    for step in range(now - window, now + window + 1):
        if last_step is not None and step <= last_step:
            continue
        if hmac.compare_digest(hotp(key, step), code):
            return Verification(ok=True, step=step)
    return Verification(ok=False)


def provisioning_uri(secret: str, account: str, issuer: str) -> str:
    """The otpauth:// URI authenticator apps read from a QR code (Google Authenticator's
    Key Uri Format: label "Issuer:account", issuer repeated as a parameter)."""
    label = quote(f"{issuer}:{account}", safe="@:")
    query = urlencode(
        {
            "secret": secret,
            "issuer": issuer,
            "algorithm": "SHA1",
            "digits": DIGITS,
            "period": STEP_SECONDS,
        },
        quote_via=quote,
    )
    return f"otpauth://totp/{label}?{query}"


def format_secret(secret: str) -> str:
    """The secret in groups of four, easier to type into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
