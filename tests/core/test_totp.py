from __future__ import annotations

import base64

import pytest

from headway.core.auth import totp

# RFC 6238 Appendix B: the seeds are ASCII "1234567890" repeated to the hash's key length.
SEED_SHA1 = base64.b32encode(b"12345678901234567890").decode()
SEED_SHA256 = base64.b32encode(b"12345678901234567890123456789012").decode()
SEED_SHA512 = base64.b32encode(b"1234567890" * 6 + b"1234").decode()

VECTORS = [
    (59, "94287082", "46119246", "90693936"),
    (1111111109, "07081804", "68084774", "25091201"),
    (1111111111, "14050471", "67062674", "99943326"),
    (1234567890, "89005924", "91819424", "93441116"),
    (2000000000, "69279037", "90698825", "38618901"),
    (20000000000, "65353130", "77737706", "47863826"),
]


@pytest.mark.parametrize(("t", "sha1", "sha256", "sha512"), VECTORS)
def test_rfc6238_appendix_b(t: int, sha1: str, sha256: str, sha512: str) -> None:
    assert totp.totp(SEED_SHA1, t, digits=8) == sha1
    assert totp.totp(SEED_SHA256, t, digits=8, algorithm="SHA256") == sha256
    assert totp.totp(SEED_SHA512, t, digits=8, algorithm="SHA512") == sha512


def test_rfc4226_appendix_d() -> None:
    expected = ["755224", "287082", "359152", "969429", "338314"]
    expected += ["254676", "287922", "162583", "399871", "520489"]
    assert [totp.hotp(b"12345678901234567890", c) for c in range(10)] == expected


def test_verify_accepts_one_step_either_side_and_no_further() -> None:
    secret = totp.generate_secret()
    t = 1_700_000_000.0
    for delta in (-30, 0, 30):
        assert totp.verify(secret, totp.totp(secret, t + delta), t).ok
    assert not totp.verify(secret, totp.totp(secret, t + 90), t).ok
    assert not totp.verify(secret, totp.totp(secret, t - 90), t).ok


def test_verify_returns_the_step_and_refuses_reuse() -> None:
    secret = totp.generate_secret()
    t = 1_700_000_000.0
    code = totp.totp(secret, t)
    first = totp.verify(secret, code, t)
    assert first.ok and first.step == totp.time_step(t)
    assert not totp.verify(secret, code, t, last_step=first.step).ok


def test_verify_ignores_spaces_and_refuses_malformed_codes() -> None:
    secret = totp.generate_secret()
    t = 1_700_000_000.0
    code = totp.totp(secret, t)
    assert totp.verify(secret, f"{code[:3]} {code[3:]}", t).ok
    assert not totp.verify(secret, "abcdef", t).ok
    assert not totp.verify(secret, code[:5], t).ok


def test_secret_is_base32_of_160_bits_and_formats_in_groups() -> None:
    secret = totp.generate_secret()
    assert len(secret) == 32
    base64.b32decode(secret)
    assert totp.format_secret("ABCDEFGHIJ") == "ABCD EFGH IJ"
    # Lower case and spaces, as typed from the grouped form, give the same code.
    assert totp.totp(totp.format_secret(secret).lower(), 59) == totp.totp(secret, 59)


def test_provisioning_uri() -> None:
    uri = totp.provisioning_uri("JBSWY3DPEHPK3PXP", "ana@example.org", "Headway")
    assert uri.startswith("otpauth://totp/Headway:ana@example.org?")
    assert "secret=JBSWY3DPEHPK3PXP" in uri and "issuer=Headway" in uri
    assert "digits=6" in uri and "period=30" in uri
