"""Encrypt protected pages: AES-256-GCM with a key derived from a password by PBKDF2-SHA256.

The browser reverses it with WebCrypto (overrides/assets/js/protected.js); the ciphertext carries
the 16-byte GCM tag at its end, the layout both `cryptography` and WebCrypto use.
"""
from __future__ import annotations

import base64
import os
import unicodedata
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

ITERATIONS = 600_000  # OWASP's 2023 minimum for PBKDF2-HMAC-SHA256
SALT_BYTES = 16
IV_BYTES = 12


@dataclass(frozen=True)
class Sealed:
    salt: bytes
    iv: bytes
    iterations: int
    ciphertext: bytes

    def encoded(self) -> dict[str, str]:
        """Base64 text of every part, for data attributes in the page."""
        return {"salt": _b64(self.salt), "iv": _b64(self.iv), "iterations": str(self.iterations),
                "ciphertext": _b64(self.ciphertext)}


@dataclass(frozen=True)
class Key:
    salt: bytes
    iterations: int
    secret: bytes


def derive_key(password: str, salt: bytes | None = None, iterations: int = ITERATIONS) -> Key:
    """A 256-bit AES key from the password (NFC-normalised, as the browser does) and a random salt."""
    salt = salt if salt is not None else os.urandom(SALT_BYTES)
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=iterations)
    return Key(salt, iterations, kdf.derive(_normalise(password)))


def seal(plaintext: str, key: Key) -> Sealed:
    """Encrypt text with a fresh random IV."""
    iv = os.urandom(IV_BYTES)
    ciphertext = AESGCM(key.secret).encrypt(iv, plaintext.encode("utf-8"), None)
    return Sealed(key.salt, iv, key.iterations, ciphertext)


def unseal(sealed: Sealed, password: str) -> str:
    """Decrypt; raises cryptography's InvalidTag for a wrong password. Used by tests and tools."""
    key = derive_key(password, sealed.salt, sealed.iterations)
    return AESGCM(key.secret).decrypt(sealed.iv, sealed.ciphertext, None).decode("utf-8")


def _normalise(password: str) -> bytes:
    return unicodedata.normalize("NFC", password).encode("utf-8")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
