"""Reasons in the report's language: one template per reason code in en, fi and sv.

`Reason.text` is the English sentence made when classifying; a report in Finnish or
Swedish renders the same code and params through these templates instead. A code
without a template (or a template whose params are missing) falls back to the text.
"""

from __future__ import annotations

from typing import Any

from footprint.models import Reason

# how "where" and category params read in each language
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "title", "snippet": "snippet", "page": "page", "url": "address",
        "activism": "activism", "work": "work", "private": "private life",
    },
    "fi": {
        "title": "otsikossa", "snippet": "tekstissä", "page": "sivulla", "url": "osoitteessa",
        "activism": "aktivismi", "work": "työ", "private": "yksityiselämä",
    },
    "sv": {
        "title": "i rubriken", "snippet": "i utdraget", "page": "på sidan", "url": "i adressen",
        "activism": "aktivism", "work": "arbete", "private": "privatliv",
    },
}  # fmt: skip

TEMPLATES: dict[str, dict[str, str]] = {
    "employer": {
        "en": "employer '{term}' named in the {where}",
        "fi": "työnantaja '{term}' mainitaan {where}",
        "sv": "arbetsgivaren '{term}' nämns {where}",
    },
    "job_title": {
        "en": "your job title '{term}' in the {where}",
        "fi": "ammattinimikkeesi '{term}' {where}",
        "sv": "din yrkestitel '{term}' {where}",
    },
    "work_keyword": {
        "en": "your field '{term}' in the {where}",
        "fi": "alasi '{term}' {where}",
        "sv": "ditt område '{term}' {where}",
    },
    "activism_group": {
        "en": "your group '{term}' named in the {where}",
        "fi": "ryhmäsi '{term}' mainitaan {where}",
        "sv": "din grupp '{term}' nämns {where}",
    },
    "activism_keyword": {
        "en": "your cause '{term}' in the {where}",
        "fi": "asiasi '{term}' {where}",
        "sv": "din sak '{term}' {where}",
    },
    "publication": {
        "en": "your old publication '{term}' named in the {where}",
        "fi": "vanha julkaisusi '{term}' mainitaan {where}",
        "sv": "din gamla publikation '{term}' nämns {where}",
    },
    "private_keyword": {
        "en": "your hobby '{term}' in the {where}",
        "fi": "harrastuksesi '{term}' {where}",
        "sv": "din hobby '{term}' {where}",
    },
    "private_account": {
        "en": "your account '{account}'",
        "fi": "tilisi '{account}'",
        "sv": "ditt konto '{account}'",
    },
    "own_town": {
        "en": "your town '{term}' in the {where}",
        "fi": "paikkakuntasi '{term}' {where}",
        "sv": "din ort '{term}' {where}",
    },
    "name_found": {
        "en": "your name '{name}' in the {where}",
        "fi": "nimesi '{name}' {where}",
        "sv": "ditt namn '{name}' {where}",
    },
    "activism_word": {
        "en": "activist word '{term}' in the {where}",
        "fi": "aktivismiin viittaava sana '{term}' {where}",
        "sv": "aktivistiskt ord '{term}' {where}",
    },
    "work_word": {
        "en": "professional word '{term}' in the {where}",
        "fi": "työhön viittaava sana '{term}' {where}",
        "sv": "yrkesord '{term}' {where}",
    },
    "private_word": {
        "en": "private-life word '{term}' in the {where}",
        "fi": "yksityiselämään viittaava sana '{term}' {where}",
        "sv": "ord om privatlivet '{term}' {where}",
    },
    "ceased_text": {
        "en": "the text says '{term}'",
        "fi": "tekstissä lukee '{term}'",
        "sv": "texten säger '{term}'",
    },
    "platform_professional": {
        "en": "{site} is a professional network",
        "fi": "{site} on ammatillinen verkosto",
        "sv": "{site} är ett yrkesnätverk",
    },
    "platform_academic": {
        "en": "{site} is a university or research site",
        "fi": "{site} on yliopiston tai tutkimuksen sivusto",
        "sv": "{site} är en universitets- eller forskningssajt",
    },
    "platform_employer": {
        "en": "{site} is a workplace or public body's site",
        "fi": "{site} on työpaikan tai viranomaisen sivusto",
        "sv": "{site} är en arbetsplats eller myndighets webbplats",
    },
    "platform_registry": {
        "en": "{site} is a company or board register",
        "fi": "{site} on yritys- tai hallitusrekisteri",
        "sv": "{site} är ett företags- eller styrelseregister",
    },
    "platform_personal": {
        "en": "a personal {site} account",
        "fi": "henkilökohtainen {site}-tili",
        "sv": "ett personligt {site}-konto",
    },
    "platform_group": {
        "en": "a {site} group",
        "fi": "{site}-ryhmä",
        "sv": "en {site}-grupp",
    },
    "platform_social": {
        "en": "{site} is a social network",
        "fi": "{site} on sosiaalinen media",
        "sv": "{site} är ett socialt nätverk",
    },
    "platform_forum": {
        "en": "{site} is a discussion forum",
        "fi": "{site} on keskustelupalsta",
        "sv": "{site} är ett diskussionsforum",
    },
    "platform_blog": {
        "en": "{site} hosts personal blogs",
        "fi": "{site} on blogipalvelu",
        "sv": "{site} är en bloggtjänst",
    },
    "platform_hobby": {
        "en": "{site} is a hobby or sports site",
        "fi": "{site} on harraste- tai urheilusivusto",
        "sv": "{site} är en hobby- eller idrottssajt",
    },
    "platform_classifieds": {
        "en": "{site} is a marketplace",
        "fi": "{site} on kauppapaikka",
        "sv": "{site} är en marknadsplats",
    },
    "platform_video": {
        "en": "{site} is a video site",
        "fi": "{site} on videopalvelu",
        "sv": "{site} är en videotjänst",
    },
    "platform_obituary": {
        "en": "{site} publishes death notices",
        "fi": "{site} julkaisee kuolinilmoituksia",
        "sv": "{site} publicerar dödsannonser",
    },
    "platform_news": {
        "en": "{site} is a news site",
        "fi": "{site} on uutissivusto",
        "sv": "{site} är en nyhetssajt",
    },
    "archive_copy": {
        "en": "only an archived copy ({site})",
        "fi": "vain arkistokopio ({site})",
        "sv": "bara en arkiverad kopia ({site})",
    },
    "own_account": {
        "en": "the account '{handle}' is yours",
        "fi": "tili '{handle}' on sinun",
        "sv": "kontot '{handle}' är ditt",
    },
    "other_first_name": {
        "en": "another first name with your surname ('{name}')",
        "fi": "sukunimesi toisella etunimellä ('{name}')",
        "sv": "ditt efternamn med ett annat förnamn ('{name}')",
    },
    "surname_only": {
        "en": "only the surname '{name}' appears",
        "fi": "vain sukunimi '{name}' mainitaan",
        "sv": "bara efternamnet '{name}' nämns",
    },
    "name_missing": {
        "en": "your name does not appear in the result",
        "fi": "nimesi ei esiinny tuloksessa",
        "sv": "ditt namn förekommer inte i träffen",
    },
    "retiring_young": {
        "en": "retiring in {year}, when you were {age}",
        "fi": "jää eläkkeelle vuonna {year}, jolloin olit {age}-vuotias",
        "sv": "går i pension {year}, när du var {age} år",
    },
    "swedish_id": {
        "en": "a Swedish personal identity number",
        "fi": "ruotsalainen henkilönumero",
        "sv": "ett svenskt personnummer",
    },
    "junior_class": {
        "en": "age class {term} in {year}: under {adult} today",
        "fi": "ikäsarja {term} vuonna {year}: nyt alle {adult}-vuotias",
        "sv": "åldersklass {term} {year}: under {adult} år i dag",
    },
    "minor_age": {
        "en": "age {age} in {year}: under {adult} today",
        "fi": "{age}-vuotias vuonna {year}: nyt alle {adult}-vuotias",
        "sv": "{age} år {year}: under {adult} år i dag",
    },
    "born_minor": {
        "en": "born {born}: under {age} today",
        "fi": "syntynyt {born}: nyt alle {age}-vuotias",
        "sv": "född {born}: under {age} år i dag",
    },
    "other_surname": {
        "en": "your first name with another surname ('{name}')",
        "fi": "etunimesi toisella sukunimellä ('{name}')",
        "sv": "ditt förnamn med ett annat efternamn ('{name}')",
    },
    "surname_as_place": {
        "en": "'{term}' is the town here, not your surname",
        "fi": "'{term}' on tässä paikkakunta eikä sukunimesi",
        "sv": "'{term}' är orten här, inte ditt efternamn",
    },
    "other_town": {
        "en": "different home town ({term})",
        "fi": "eri kotipaikkakunta ({term})",
        "sv": "en annan hemort ({term})",
    },
    "abroad": {
        "en": "lives abroad ({term})",
        "fi": "asuu ulkomailla ({term})",
        "sv": "bor utomlands ({term})",
    },
    "foreign_site": {
        "en": "a foreign site (.{tld})",
        "fi": "ulkomainen sivusto (.{tld})",
        "sv": "en utländsk webbplats (.{tld})",
    },
    "other_birth_year": {
        "en": "born {born}, but you were born in {yours}",
        "fi": "syntynyt {born}, sinä olet syntynyt {yours}",
        "sv": "född {born}, men du är född {yours}",
    },
    "own_birth_year": {
        "en": "born {born}, as you were",
        "fi": "syntynyt {born}, kuten sinä",
        "sv": "född {born}, som du",
    },
    "other_age": {
        "en": "age {age} in {year} does not fit your birth year {yours}",
        "fi": "ikä {age} vuonna {year} ei sovi syntymävuoteesi {yours}",
        "sv": "åldern {age} år {year} passar inte ditt födelseår {yours}",
    },
    "own_age": {
        "en": "age {age} in {year} fits your birth year",
        "fi": "ikä {age} vuonna {year} sopii syntymävuoteesi",
        "sv": "åldern {age} år {year} passar ditt födelseår",
    },
    "minor": {
        "en": "a schoolchild ('{term}'), when you were {age}",
        "fi": "koululainen ('{term}'), kun olit {age}-vuotias",
        "sv": "ett skolbarn ('{term}'), när du var {age}",
    },
    "before_adult": {
        "en": "from {year}, when you were {age} years old",
        "fi": "vuodelta {year}, jolloin olit {age}-vuotias",
        "sv": "från {year}, då du var {age} år",
    },
    "born_after_activism": {
        "en": "born {born}, after your activism began in {first}",
        "fi": "syntynyt {born}, vasta aktivismisi alettua vuonna {first}",
        "sv": "född {born}, efter att din aktivism började {first}",
    },
    "too_young": {
        "en": "age {age} in {year}: too young to have been active in {first}",
        "fi": "{age}-vuotias vuonna {year}: liian nuori ollakseen aktiivinen jo {first}",
        "sv": "{age} år {year}: för ung för att ha varit aktiv redan {first}",
    },
    "birthday": {
        "en": "a birthday notice ('{term}')",
        "fi": "merkkipäiväilmoitus ('{term}')",
        "sv": "en födelsedagsnotis ('{term}')",
    },
    "age_class": {
        "en": "age class {term} in {year}, when you were {age}",
        "fi": "ikäsarja {term} vuonna {year}, jolloin olit {age}-vuotias",
        "sv": "åldersklass {term} år {year}, då du var {age} år",
    },
    "career_before_adult": {
        "en": "a career begun in {year}, when you were {age}",
        "fi": "ura alkoi vuonna {year}, jolloin olit {age}-vuotias",
        "sv": "en karriär som började {year}, då du var {age} år",
    },
    "platform_petition": {
        "en": "{site} hosts petitions and campaigns",
        "fi": "{site} on adressi- ja kampanjasivusto",
        "sv": "{site} är en sajt för namninsamlingar och kampanjer",
    },
    "death_notice": {
        "en": "a death notice ('{term}')",
        "fi": "kuolinilmoitus ('{term}')",
        "sv": "en dödsannons ('{term}')",
    },
    "family_notice": {
        "en": "a family death notice that names you among the mourners",
        "fi": "perheen kuolinilmoitus, jossa olet surijoiden joukossa",
        "sv": "en dödsannons i familjen där du nämns bland de sörjande",
    },
    "other_profession": {
        "en": "another profession ('{term}')",
        "fi": "eri ammatti ('{term}')",
        "sv": "ett annat yrke ('{term}')",
    },
    "namesake_word": {
        "en": "the text says '{term}'",
        "fi": "tekstissä lukee '{term}'",
        "sv": "texten säger '{term}'",
    },
    "activism_years": {
        "en": "year {year} falls in your activism years {first}–{last}",
        "fi": "vuosi {year} osuu aktivismivuosiisi {first}–{last}",
        "sv": "året {year} infaller under dina aktivistår {first}–{last}",
    },
    "after_activism": {
        "en": "from {year}, after your activism years {first}–{last}: professional comment",
        "fi": "vuodelta {year}, aktivismivuosiesi {first}–{last} jälkeen: ammatillinen kannanotto",
        "sv": "från {year}, efter dina aktivistår {first}–{last}: en yrkeskommentar",
    },
    "page_gone": {
        "en": "the page is gone (HTTP {http_status})",
        "fi": "sivu on poistunut (HTTP {http_status})",
        "sv": "sidan finns inte längre (HTTP {http_status})",
    },
    "page_parked": {
        "en": "the domain is parked or for sale",
        "fi": "verkkotunnus on pysäköity tai myynnissä",
        "sv": "domänen är parkerad eller till salu",
    },
    "page_ceased": {
        "en": "the publication has ceased",
        "fi": "julkaisu on lakannut ilmestymästä",
        "sv": "publikationen har upphört",
    },
    "no_evidence": {
        "en": "nothing points to work or activism: private by default",
        "fi": "mikään ei viittaa työhön tai aktivismiin: oletuksena yksityinen",
        "sv": "inget tyder på arbete eller aktivism: privat som standard",
    },
}


def render_reason(reason: Reason, lang: str) -> str:
    """The reason in `lang` (fi, sv or en); the stored English text when there is no template."""
    template = TEMPLATES.get(reason.code, {}).get(lang)
    if template is None:
        return reason.text
    words = WORDS.get(lang, WORDS["en"])
    params: dict[str, Any] = {
        key: words.get(value, value) if key == "where" and isinstance(value, str) else value
        for key, value in reason.params.items()
    }
    if reason.code == "page_gone" and params.get("http_status") is None:
        template = template.split(" (HTTP")[0]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return reason.text
