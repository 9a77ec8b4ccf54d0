"""Personal API tokens: `tvn_<prefix>_<secret>`; the prefix finds the row, the hash proves it."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

TOKEN_PATTERN = re.compile(r"^tvn_([a-z0-9]{10})_([A-Za-z0-9_-]{32,64})$")


def generate() -> tuple[str, str, str]:
    """Return (token shown once, prefix, secret hash)."""
    prefix = "".join(secrets.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(10))
    secret = secrets.token_urlsafe(32)
    return f"tvn_{prefix}_{secret}", prefix, hash_secret(secret)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def split(token: str) -> tuple[str, str] | None:
    """(prefix, secret) of a well-formed token, else None."""
    match = TOKEN_PATTERN.match(token.strip())
    return (match.group(1), match.group(2)) if match else None


def matches(secret: str, secret_hash: str) -> bool:
    return hmac.compare_digest(hash_secret(secret), secret_hash)
