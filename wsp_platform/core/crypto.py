"""Field-level protection for the BSN.

The BSN is stored encrypted (Fernet, key from ``BSN_ENCRYPTION_KEY``) and as a
keyed HMAC-SHA256 (``BSN_HASH_KEY``) so exact look-ups and the uniqueness
constraint work without the database ever holding the plain number.
"""

import hashlib
import hmac

from cryptography.fernet import Fernet
from django.conf import settings


def _fernet() -> Fernet:
    return Fernet(settings.BSN_ENCRYPTION_KEY.encode())


def encrypt(value: str) -> str:
    return _fernet().encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    return _fernet().decrypt(token.encode()).decode()


def keyed_hash(value: str) -> str:
    return hmac.new(settings.BSN_HASH_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()


def mask_bsn(last_digits: str) -> str:
    """'*****1234': the last four digits only, as shown in lists."""
    return f"*****{last_digits[-4:]}" if last_digits else ""
