"""One-time participant codes: each participant counts once, and nobody is named by theirs.

`footprint workshop kit` makes one random code per expected participant. The codes are
printed on slips that participants draw at random, so the facilitator does not know whose
code is whose. A code reads `TTTT-SSSSS-SSSSC`: the workshop's tag (4 symbols: which
workshop), a secret of 9 symbols (45 random bits) and a check symbol that catches a
mistyped code on the participant's own device. The facilitator's device keeps only a slow,
salted hash of each secret (scrypt), never the code itself, so a copy of its database does
not give anyone a code to forge a share with.

Pure: the random source and the hash cost come in as arguments.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import secrets
from dataclasses import dataclass

from footprint.errors import InputError

# Crockford's base32: no I, L, O or U, so that a code read aloud or off paper is unambiguous.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {symbol: i for i, symbol in enumerate(ALPHABET)}
_READ_AS = {"O": "0", "I": "1", "L": "1"}  # what people type for the symbols left out
TAG_LENGTH = 4
SECRET_LENGTH = 9
LENGTH = TAG_LENGTH + SECRET_LENGTH + 1  # with the check symbol

# scrypt's cost: 2**14 rounds over 16 MiB, about 0.1 s a code on a laptop core
# (benchmarks/workshop_codes.py), so trying every secret would take over 100,000 core-years,
# while checking a workshop's shares takes seconds.
DEFAULT_COST = 2**14
MAX_COST = 2**20


def _check_symbol(symbols: str) -> str:
    """A check symbol: a weighted sum with odd weights mod 32 catches every single typo."""
    total = sum(_VALUE[s] * (2 * i + 1) for i, s in enumerate(symbols))
    return ALPHABET[total % len(ALPHABET)]


@dataclass(frozen=True)
class Code:
    """A participant code: the workshop's tag and the secret that proves a slip was drawn."""

    tag: str
    secret: str

    def __str__(self) -> str:
        body = self.tag + self.secret
        full = body + _check_symbol(body)
        return f"{full[:4]}-{full[4:9]}-{full[9:]}"


EXAMPLE = str(Code("K7Q2", "ABCDEFGHJ"))  # a made-up code, for messages and the kit


def random_symbols(length: int, rng: random.Random | None = None) -> str:
    choose = rng.choice if rng is not None else secrets.choice
    return "".join(choose(ALPHABET) for _ in range(length))


def new_tag(rng: random.Random | None = None) -> str:
    return random_symbols(TAG_LENGTH, rng)


def new_codes(tag: str, count: int, rng: random.Random | None = None) -> list[Code]:
    """`count` different codes of one workshop."""
    codes: dict[str, Code] = {}
    while len(codes) < count:
        code = Code(tag, random_symbols(SECRET_LENGTH, rng))
        codes[code.secret] = code
    return list(codes.values())


def normalise(text: str) -> str:
    """The code's symbols as typed, upper-case, without spaces or hyphens."""
    symbols = "".join(text.split()).replace("-", "").upper()
    return "".join(_READ_AS.get(s, s) for s in symbols)


def parse_code(text: str) -> Code:
    """A participant code as typed from the slip, or an error that says what to do."""
    symbols = normalise(text)
    if len(symbols) != LENGTH or any(s not in _VALUE for s in symbols):
        raise InputError(
            f"that is not a participant code: a code has {LENGTH} letters and digits, "
            f"like {EXAMPLE}; type it again from your slip"
        )
    body, check = symbols[:-1], symbols[-1]
    if _check_symbol(body) != check:
        raise InputError(
            "the participant code does not check out: a letter or digit is mistyped; "
            "type it again from your slip"
        )
    return Code(body[:TAG_LENGTH], body[TAG_LENGTH:])


def verifier(code: Code, salt: bytes, cost: int = DEFAULT_COST) -> bytes:
    """What the facilitator's device keeps of a code: a slow salted hash of its secret."""
    if not 2 <= cost <= MAX_COST or cost & (cost - 1):
        raise ValueError(f"scrypt cost {cost} must be a power of two up to {MAX_COST}")
    return hashlib.scrypt(
        code.secret.encode("ascii"), salt=salt, n=cost, r=8, p=1, maxmem=2**26, dklen=32
    )


def binding(code: Code, share_text: str) -> str:
    """Which share a code was counted with, keyed by the code's secret.

    The device stores this beside the code's verifier, so a later, different share with the
    same code is refused. Without the secret (which the device never stores) it says
    nothing about the share's figures.
    """
    return hmac.new(code.secret.encode("ascii"), share_text.encode(), hashlib.sha256).hexdigest()
