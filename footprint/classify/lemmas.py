"""Fast simplemma dictionaries: a sorted table on disk instead of a dict in memory.

simplemma 2.0 decodes its Finnish dictionary (3.5 million forms) into a dict in
about 12 s on every start. We decode it once, write the forms as a sorted table to
footprint's cache folder, and afterwards open that table with `mmap` in no time and
look forms up by binary search (a few microseconds each). The table is public
dictionary data, not the user's. If anything about it fails, simplemma's own loader
is used: slower, never wrong.
"""

from __future__ import annotations

import mmap
import struct
import threading
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from footprint.settings import LANGUAGES

MAGIC = b"FPLEMMA1"
_HEADER = struct.Struct("<8sBI")  # magic, reversed-keys flag, count
BLOCK = 128
MEMO_SIZE = 200_000  # looked-up forms kept per table
_loaded: dict[str, Mapping[str, str]] = {}  # one table per language per process
_lock = threading.Lock()


class SortedTable(Mapping[str, str]):
    """A read-only form → lemma mapping over one sorted, memory-mapped file."""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as handle:
            self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        magic, rev, count = _HEADER.unpack_from(self._map, 0)
        if magic != MAGIC:
            raise ValueError(f"{path}: not a lemma table")
        self._rev = bool(rev)
        self._count = count
        offsets = memoryview(self._map)[_HEADER.size : _HEADER.size + 8 * (count + 1)]
        self._keys = offsets[: 4 * (count + 1)].cast("I")
        self._values = offsets[4 * (count + 1) :].cast("I")
        self._key = lambda i: self._map[self._keys[i] : self._keys[i + 1]]
        # every BLOCK-th key in memory: bisect those at C speed, then a short block
        self._firsts = [self._key(i) for i in range(0, count, BLOCK)]
        # simplemma asks for the same forms again and again (each casing, each affix split)
        self._memo: dict[str, str | None] = {}

    def _lookup(self, key: str) -> str | None:
        memo = self._memo
        if key in memo:
            return memo[key]
        if len(memo) >= MEMO_SIZE:
            memo.clear()
        value = memo[key] = self._search(key)
        return value

    def _search(self, key: str) -> str | None:
        target = key.encode()
        if self._rev:
            target = target[::-1]
        block = bisect_right(self._firsts, target) - 1
        if block < 0:
            return None
        data, keys = self._map, self._keys
        lo = block * BLOCK
        hi = min(lo + BLOCK, self._count)
        while lo < hi:  # bisect within the block
            mid = (lo + hi) // 2
            if data[keys[mid] : keys[mid + 1]] < target:
                lo = mid + 1
            else:
                hi = mid
        if lo == self._count or data[keys[lo] : keys[lo + 1]] != target:
            return None
        value = data[self._values[lo] : self._values[lo + 1]]
        return (value[::-1] if self._rev else value).decode()

    def __getitem__(self, key: str) -> str:
        value = self._lookup(key)
        if value is None:
            raise KeyError(key)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        value = self._lookup(key)
        return default if value is None else value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._lookup(key) is not None

    def __iter__(self) -> Iterator[str]:
        for i in range(self._count):
            key = self._key(i)
            yield (key[::-1] if self._rev else key).decode()

    def __len__(self) -> int:
        return self._count


def build_table(lang: str, path: Path) -> None:
    """Decode simplemma's shipped dictionary for `lang` once and write it as a table."""
    from array import array

    from simplemma.strategies.dictionaries import dictionary_factory, frontcode

    data = dictionary_factory._read_decompressed(lang)
    rev, count, pos = frontcode._read_header(data)
    keys, values = bytearray(), bytearray()
    key_offsets, value_offsets = array("I", [0]), array("I", [0])
    for _, stored_key, stored_value in frontcode._iter_records(data, pos):
        keys += stored_key
        values += stored_value
        key_offsets.append(len(keys))
        value_offsets.append(len(values))
    if len(key_offsets) != count + 1:
        raise ValueError(f"simplemma dictionary {lang!r} has an unexpected length")
    start = _HEADER.size + 8 * (count + 1)
    key_offsets = array("I", (start + o for o in key_offsets))
    value_start = start + len(keys)
    value_offsets = array("I", (value_start + o for o in value_offsets))
    from footprint.paths import atomic_write, private_dir

    private_dir(path.parent)
    with atomic_write(path) as tmp, tmp.open("wb") as out:  # safe when two processes build it
        out.write(_HEADER.pack(MAGIC, int(rev), count))
        out.write(key_offsets.tobytes())
        out.write(value_offsets.tobytes())
        out.write(keys)
        out.write(values)


def _table_path(lang: str) -> Path:
    from simplemma.__metadata__ import __version__

    from footprint import settings
    from footprint.paths import cache_dir

    base = settings.lemma_tables() or cache_dir() / "lemmas"
    return base / f"simplemma-{__version__}-{lang}.table"


def dictionary(lang: str) -> Mapping[str, str]:
    """The form → lemma mapping of one language: the cached table, built on first use."""
    ready = _loaded.get(lang)  # read without the lock once it is there (most calls)
    if ready is not None:
        return ready
    with _lock:
        if lang in _loaded:
            return _loaded[lang]
        try:
            path = _table_path(lang)
            if not path.exists():
                build_table(lang, path)
            table: Mapping[str, str] = SortedTable(path)
        except (OSError, ValueError, ImportError, AttributeError, struct.error):
            from simplemma.strategies.dictionaries.dictionary_factory import (
                DEFAULT_DICTIONARY_FACTORY,
            )

            table = DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)
        _loaded[lang] = table
        return table


class TableDictionaryFactory:
    """A simplemma `DictionaryFactory` backed by `dictionary()`."""

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        return dictionary(lang)


@lru_cache(maxsize=1)
def lemmatizer() -> Any:
    """simplemma's default lemmatizer over the fast tables."""
    import simplemma
    from simplemma.strategies.default import DefaultStrategy

    strategy = DefaultStrategy(dictionary_factory=TableDictionaryFactory())
    return simplemma.Lemmatizer(lemmatization_strategy=strategy)


def tables_ready(langs: tuple[str, ...] = LANGUAGES) -> bool:
    """Whether the lemma tables are already prepared (so classifying starts at once)."""
    try:
        return all(_table_path(lang).exists() for lang in langs)
    except ImportError:
        return True
