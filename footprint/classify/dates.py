"""Years in results: from `published`, the address, and dates, ages and life spans in text.

Dates are written many ways: "12.3.2004", "maaliskuussa 2003", "den 4 maj 2001",
"June 3, 2002", "2003-05-12", "/2003/05/". Each found year carries how sure we are
that it dates the result (a full date beats a bare number).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import unquote, urlsplit

from footprint.classify import knowledge

FIRST_YEAR = 1950
_YEAR = r"(19[5-9]\d|20[0-4]\d)"
_OLD_YEAR = r"(1[89]\d\d|20[0-4]\d)"  # a birth year may be long before the web
# a capitalised word of a name; bounded, so that no run of letters makes a pattern
# try every start again (every quantifier below is bounded for the same reason)
_NAME_WORD = r"[A-ZÅÄÖ][\w-]{1,40}"
_FI_MONTHS = r"(?:tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)kuu\w{0,6}"
_SV_MONTHS = (
    r"(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)"
)
_EN_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)

# (pattern, how strongly it dates the result)
_TEXT_PATTERNS = (
    (re.compile(rf"\b{_YEAR}-[01]\d-[0-3]\d\b"), 0.9),  # ISO
    (re.compile(rf"\b[0-3]?\d\.\s?[01]?\d\.\s?{_YEAR}\b"), 0.9),  # 12.3.2004
    (
        re.compile(rf"\b[0-3]?\d\.?\s{{1,3}}{_FI_MONTHS}\s{{1,3}}{_YEAR}\b", re.I),
        0.9,
    ),  # 12. maaliskuuta 2004
    (re.compile(rf"\b{_FI_MONTHS}\s{{1,3}}{_YEAR}\b", re.I), 0.8),  # maaliskuussa 2003
    (
        re.compile(rf"\b[0-3]?\d\s{{1,3}}{_SV_MONTHS}\s{{1,3}}{_YEAR}\b", re.I),
        0.9,
    ),  # (den) 4 maj 2001
    (re.compile(rf"\b{_SV_MONTHS}\s{{1,3}}{_YEAR}\b", re.I), 0.7),  # maj 2001
    (
        re.compile(rf"\b{_EN_MONTHS}\s{{1,3}}[0-3]?\d(?:st|nd|rd|th)?,?\s{{1,3}}{_YEAR}\b"),
        0.9,
    ),  # June 3, 2002
    (
        re.compile(rf"\b[0-3]?\d(?:st|nd|rd|th)?\s{{1,3}}{_EN_MONTHS}\s{{1,3}}{_YEAR}\b"),
        0.9,
    ),  # 3 June 2002
    (re.compile(rf"\b{_EN_MONTHS}\s{{1,3}}{_YEAR}\b"), 0.7),  # June 2002
    (re.compile(rf"(?<![\d.,/-]){_YEAR}(?![\d,]|\.\d)"), 0.4),  # a bare year
)
# words one of which each text pattern needs (a cheap test before the pattern), and
# whether the test is on the case-folded text
_SV_HINTS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
_EN_HINTS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_TEXT_HINTS: tuple[tuple[tuple[str, ...], bool], ...] = (
    (("-",), False), ((".",), False), (("kuu",), True), (("kuu",), True),
    (_SV_HINTS, True), (_SV_HINTS, True), (_EN_HINTS, False), (_EN_HINTS, False),
    (_EN_HINTS, False), ((), False),
)  # fmt: skip
_URL_PATTERNS = (
    (re.compile(rf"/{_YEAR}/[01]\d(?:/|$)"), 0.8),  # /2003/05/
    (re.compile(rf"(?<!\d){_YEAR}-[01]\d-[0-3]\d(?!\d)"), 0.8),
    (re.compile(rf"/{_YEAR}(?:/|$)"), 0.6),  # /2003/
    (re.compile(rf"[/_-]{_YEAR}[/_.-]"), 0.3),  # -2003- in a slug
)
_PATTERNS = knowledge.patterns()  # patterns.toml
# (words one of which a match must hold, case-folded: a cheap test first; pattern)
_AGE_PATTERNS = _PATTERNS.ages
_BORN = _PATTERNS.born  # "s.", "född", "born", "*"
_DAY_MONTH = r"(?:[0-3]?\d[./]\s?[01]?\d[./]\s?)?"  # "3.2.", "03/05/"
_BIRTH_PATTERNS = (
    # "s. 3.2.1931", "född 12.4.1938", "born in 1950", "* 1931"
    re.compile(
        rf"{_BORN}\s{{0,3}}(?:[^\W\d]{{1,30}}\s{{1,3}}){{0,2}}{_DAY_MONTH}{_OLD_YEAR}\b", re.I
    ),
)
_BIRTH_SHORT = re.compile(rf"{_BORN}\s{{0,3}}-(\d\d)\b", re.I)  # "synt. -95"
_CAREER = re.compile(
    rf"\b(?:qualif|graduat|valmistu|utexaminer|licensed\b|admitted\b|ordained\b|vihittiin)"
    rf"[^\W\d]{{0,20}}[^\d.;]{{0,16}}?{_OLD_YEAR}\b",
    re.I,
)
# "vuodesta 1986 työskennellyt", "has worked there since 1986", "har arbetat sedan 1986"
_CAREER_SINCE = re.compile(
    rf"\b(?:työskennel|toimi|worked|working|served|arbetat|jobbat)[^\d.;]{{0,40}}?"
    rf"\b(?:vuodesta|since|sedan)\s+{_OLD_YEAR}\b"
    rf"|\b(?:vuodesta|since|sedan)\s+{_OLD_YEAR}\s+(?:työskennel|toimi|work|arbet)",
    re.I,
)
# a Swedish personal identity number, "19750312-1234" or "19750312-xxxx" (the Finnish one
# is day first, "120375-123A")
_PERSONNUMMER = re.compile(r"\b(?:19|20)\d\d[01]\d[0-3]\d[-+]?(?:\d{4}|[xX]{4})\b")
_CITED = re.compile(rf"{_NAME_WORD},\s{_NAME_WORD}(?:\s[A-ZÅÄÖ]\.)?\s\(\d{{4}}\)")
_BEGINNINGS = knowledge.vocabularies().beginnings  # vocabulary.toml
_RETIRING = _BEGINNINGS["retiring"]
# tytöt/pojat, flickor, under; D16/H16 (a veteran's class is D35 and up)
_JUNIOR_CLASS = re.compile(r"\b([TPFGUDH])(\d{1,2})\b")
_AGE_CLASS = re.compile(r"\b([DHMWN])(\d\d)\b")  # a sports age class: D70, H45, M50
_RESULT_WORDS = _BEGINNINGS["results"]
_ANY_YEAR = re.compile(_YEAR)  # cheap tests before the slower patterns
_ANY_OLD_YEAR = re.compile(_OLD_YEAR)
_ANY_SHORT = re.compile(r"-\d\d\b")
_LIFESPAN = re.compile(rf"(?<!\d){_OLD_YEAR}\s?[–—-]\s?{_OLD_YEAR}(?!\d)")
_IN_PARENS = re.compile(rf"{_NAME_WORD}\s\({_OLD_YEAR}\)")  # "Juho K (2007)"
_DIED = _PATTERNS.death  # a dagger, "k. 11.1.2016"


@dataclass(frozen=True)
class FoundYear:
    year: int
    weight: float  # how sure it is the result's year
    source: str  # published | url | title | snippet | page
    text: str  # what was matched


def this_year() -> int:
    return date.today().year


def _plausible(year: int) -> bool:
    return FIRST_YEAR <= year <= this_year() + 1


def published_year(published: str | None) -> int | None:
    """The year of an ISO date or a bare year in `published`."""
    if not published or published.startswith("1970-01-01"):
        return None  # empty, or a Unix-epoch placeholder some engines give
    match = re.match(rf"\s*{_YEAR}", published)
    return int(match.group(1)) if match and _plausible(int(match.group(1))) else None


def years_in_text(text: str, source: str) -> list[FoundYear]:
    """Every year in `text`, each once, at the weight of its most date-like mention."""
    found: dict[int, FoundYear] = {}
    if not _ANY_YEAR.search(text):
        return []
    spans = _LIFESPAN.findall(text)
    life_years = {int(y) for pair in spans for y in pair}
    folded = text.casefold()
    for (pattern, weight), (hints, on_folded) in zip(_TEXT_PATTERNS, _TEXT_HINTS, strict=True):
        if hints and not any(hint in (folded if on_folded else text) for hint in hints):
            continue
        for match in pattern.finditer(text):
            year = int(match.group(1))
            if not _plausible(year):
                continue
            if weight < 0.5 and year in life_years:
                weight = 0.2
            if year not in found or found[year].weight < weight:
                found[year] = FoundYear(year, weight, source, match.group(0))
    return list(found.values())


def years_in_url(url: str) -> list[FoundYear]:
    path = unquote(urlsplit(url).path)
    found: dict[int, FoundYear] = {}
    for pattern, weight in _URL_PATTERNS:
        for match in pattern.finditer(path):
            year = int(match.group(1))
            if _plausible(year) and (year not in found or found[year].weight < weight):
                found[year] = FoundYear(year, weight, "url", match.group(0).strip("/_-."))
    return list(found.values())


def best_year(found: list[FoundYear]) -> FoundYear | None:
    """The year the result is most likely from: the surest, then the latest."""
    if not found:
        return None
    return max(found, key=lambda f: (f.weight, f.year))


def ages(text: str) -> list[tuple[int, int]]:
    """Ages stated in text, with where: "16-vuotias", "16 år", "aged 16", "täyttää 50"."""
    out = []
    folded = text.casefold()
    for hints, pattern in _AGE_PATTERNS:
        if hints and not any(hint in folded for hint in hints):
            continue
        for match in pattern.finditer(text):
            age = int(match.group(1))
            if 0 < age < 110:
                out.append((age, match.start()))
    return out


def birth_years(text: str) -> list[int]:
    """Birth years stated in text: "s. 1950", "född 12.4.1938", "synt. -95", "(1931–2019)"."""
    return [year for year, _ in birth_years_at(text)]


def birth_years_at(text: str) -> list[tuple[int, int]]:
    """Birth years stated in text, each with where it is stated."""
    long_years = bool(_ANY_OLD_YEAR.search(text))
    out = [
        (int(m.group(1)), m.start())
        for p in _BIRTH_PATTERNS
        if long_years
        for m in p.finditer(text)
    ]
    for match in _BIRTH_SHORT.finditer(text) if _ANY_SHORT.search(text) else ():
        short = int(match.group(1))
        year = 2000 + short if 2000 + short <= this_year() - 10 else 1900 + short
        out.append((year, match.start()))
    for match in _LIFESPAN.finditer(text) if long_years else ():
        first, last = int(match.group(1)), int(match.group(2))
        if 30 <= last - first <= 110:
            out.append((first, match.start()))
    return [(y, at) for y, at in out if 1800 <= y <= this_year()]


def career_years(text: str) -> list[int]:
    """Years a career began: "qualified in 1989", "valmistui 1985", "utexaminerades 1979",
    "vuodesta 1986 työskennellyt"."""
    found = [int(m.group(1)) for m in _CAREER.finditer(text)]
    found += [int(m.group(1) or m.group(2)) for m in _CAREER_SINCE.finditer(text)]
    return sorted(found)


def swedish_id_number(text: str) -> bool:
    """Whether the text shows a Swedish personal identity number (someone registered there)."""
    return _PERSONNUMMER.search(text) is not None


def retiring(text: str) -> bool:
    """Whether the text tells of someone retiring ("jää eläkkeelle", "går i pension")."""
    folded = text.casefold()
    return any(word in folded for word in _RETIRING)


def junior_class(title: str, text: str, spots: list[int]) -> tuple[str, int] | None:
    """A junior age class next to the name or in the title ("T15", "P13", "F14", "U18"):
    the class and the age it is under."""
    found = [m for m in _JUNIOR_CLASS.finditer(title) if 6 <= int(m.group(2)) <= 20]
    for spot in spots:
        found += [
            m
            for m in _JUNIOR_CLASS.finditer(text, max(0, spot - 60), spot + 60)
            if 6 <= int(m.group(2)) <= 20
            and "\n" not in text[min(m.end(), spot) : max(m.end(), spot)]
        ]
    return (found[0].group(0), int(found[0].group(2))) if found else None


def veteran_class(title: str, text: str, spots: list[int]) -> tuple[str, int] | None:
    """A veteran age class a result list puts the name in ("D70", "H45", "M50", "W35"):
    the title's, else the last one before the name. Only in results ("tulokset")."""
    folded = text.casefold()
    if not any(word in folded for word in _RESULT_WORDS):
        return None
    in_title = [m for m in _AGE_CLASS.finditer(title) if int(m.group(2)) >= 35]
    if in_title:
        return in_title[-1].group(0), int(in_title[-1].group(2))
    for spot in spots:
        before = [
            m
            for m in _AGE_CLASS.finditer(text, max(0, spot - 200), spot)
            if int(m.group(2)) >= 35 and "\n" not in text[m.end() : spot]
        ]
        if before:
            return before[-1].group(0), int(before[-1].group(2))
    return None


def birth_years_in_parens(text: str) -> list[tuple[int, int]]:
    """Years in brackets right after a name, as rosters give birth years: "Juho K (2007)";
    not a reference's year after a reversed name: "Vuorela, Noora (2022)"."""
    return [
        (int(m.group(1)), m.start())
        for m in _IN_PARENS.finditer(text)
        if not _CITED.search(text, max(0, m.start() - 40), m.end())
    ]


def died_at(text: str) -> int | None:
    """Where the first death mark ends ("† 14.1.2020", "k. 11.1.2016"), or None."""
    match = _DIED.search(text)
    return match.end() if match else None


def died(text: str) -> bool:
    """A death mark: a dagger or "k. 11.1.2016" (kuollut)."""
    return bool(_DIED.search(text))


def lifespans_at(text: str) -> list[int]:
    """Where life spans such as "1931–2019" (a death notice's mark) stand in the text; an
    archive's "1980–2010" looks the same, so the caller asks for one next to the name."""
    return [
        m.start()
        for m in _LIFESPAN.finditer(text)
        if 30 <= int(m.group(2)) - int(m.group(1)) <= 110
    ]
