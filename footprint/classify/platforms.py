"""What kind of site a result is on: a professional profile, a personal account, a forum…

Sites are recognised by their registered domain (the Public Suffix List bundled with
tldextract, read by `footprint.domains`: it never fetches one) and, for social sites, by the
path: a Facebook page of an organisation is not a personal profile, and an account
whose handle is the person's name is probably theirs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from footprint.domains import split_host

# kinds
PROFESSIONAL = "professional"  # a work profile or professional network
ACADEMIC = "academic"  # a university or research site
EMPLOYER = "employer"  # a public body, municipality or the person's employer
REGISTRY = "registry"  # company and board registers
SOCIAL = "social"  # a social network: personal account, or a page/group
FORUM = "forum"  # a discussion board
BLOG = "blog"  # a blog host
HOBBY = "hobby"  # sports results, photos, music, games
NEWS = "news"  # a news site
OBITUARY = "obituary"  # death notices and memorial pages
ARCHIVE = "archive"  # a web archive copy
CLASSIFIEDS = "classifieds"  # buying and selling
VIDEO = "video"
PETITION = "petition"  # petitions and campaigns

# registered domain (domain.suffix) or bare domain label → (name, kind)
_SITES: dict[str, tuple[str, str]] = {
    "linkedin.com": ("LinkedIn", PROFESSIONAL),
    "xing.com": ("XING", PROFESSIONAL),
    "researchgate.net": ("ResearchGate", ACADEMIC),
    "academia.edu": ("Academia.edu", ACADEMIC),
    "orcid.org": ("ORCID", ACADEMIC),
    "scholar.google.com": ("Google Scholar", ACADEMIC),
    "finna.fi": ("Finna", ACADEMIC),
    "theseus.fi": ("Theseus", ACADEMIC),
    "doria.fi": ("Doria", ACADEMIC),
    "helda.helsinki.fi": ("Helda", ACADEMIC),
    "trepo.tuni.fi": ("Trepo", ACADEMIC),
    "jyx.jyu.fi": ("JYX", ACADEMIC),
    "tuhat.helsinki.fi": ("Tuhat", ACADEMIC),
    "justus.fi": ("Juuli", ACADEMIC),
    "juuli.fi": ("Juuli", ACADEMIC),
    "finder.fi": ("Finder", REGISTRY),
    "asiakastieto.fi": ("Asiakastieto", REGISTRY),
    "kauppalehti.fi/yritykset": ("Kauppalehti yritykset", REGISTRY),
    "prh.fi": ("PRH", REGISTRY),
    "ytj.fi": ("YTJ", REGISTRY),
    "allabolag.se": ("Allabolag", REGISTRY),
    "facebook.com": ("Facebook", SOCIAL),
    "fb.com": ("Facebook", SOCIAL),
    "instagram.com": ("Instagram", SOCIAL),
    "twitter.com": ("X (Twitter)", SOCIAL),
    "x.com": ("X (Twitter)", SOCIAL),
    "threads.net": ("Threads", SOCIAL),
    "bsky.app": ("Bluesky", SOCIAL),
    "mastodon.social": ("Mastodon", SOCIAL),
    "some.fi": ("Mastodon", SOCIAL),
    "tiktok.com": ("TikTok", SOCIAL),
    "pinterest.com": ("Pinterest", SOCIAL),
    "vk.com": ("VK", SOCIAL),
    "irc-galleria.net": ("IRC-Galleria", SOCIAL),
    "myspace.com": ("Myspace", SOCIAL),
    "tumblr.com": ("Tumblr", BLOG),
    "blogspot.com": ("Blogger", BLOG),
    "blogger.com": ("Blogger", BLOG),
    "wordpress.com": ("WordPress.com", BLOG),
    "medium.com": ("Medium", BLOG),
    "substack.com": ("Substack", BLOG),
    "vuodatus.net": ("Vuodatus", BLOG),
    "blogit.fi": ("Blogit.fi", BLOG),
    "livejournal.com": ("LiveJournal", BLOG),
    "puheenvuoro.uusisuomi.fi": ("Puheenvuoro", BLOG),
    "lily.fi": ("Lily", BLOG),
    "indiedays.com": ("Indiedays", BLOG),
    "rantapallo.fi": ("Rantapallo", BLOG),
    "suomi24.fi": ("Suomi24", FORUM),
    "vauva.fi": ("Vauva.fi", FORUM),
    "ylilauta.org": ("Ylilauta", FORUM),
    "kaksplus.fi": ("Kaksplus", FORUM),
    "plaza.fi": ("Plaza", FORUM),
    "murobbs.fi": ("MuroBBS", FORUM),
    "reddit.com": ("Reddit", FORUM),
    "familjeliv.se": ("Familjeliv", FORUM),
    "flashback.org": ("Flashback", FORUM),
    "kotikokki.net": ("Kotikokki", HOBBY),
    "strava.com": ("Strava", HOBBY),
    "flickr.com": ("Flickr", HOBBY),
    "bandcamp.com": ("Bandcamp", HOBBY),
    "soundcloud.com": ("SoundCloud", HOBBY),
    "spotify.com": ("Spotify", HOBBY),
    "twitch.tv": ("Twitch", HOBBY),
    "goodreads.com": ("Goodreads", HOBBY),
    "letterboxd.com": ("Letterboxd", HOBBY),
    "discogs.com": ("Discogs", HOBBY),
    "geni.com": ("Geni", HOBBY),
    "myheritage.com": ("MyHeritage", HOBBY),
    "tuloslista.com": ("Tuloslista", HOBBY),
    "tulospalvelu.fi": ("Tulospalvelu", HOBBY),
    "raceresult.com": ("RaceResult", HOBBY),
    "my.raceresult.com": ("RaceResult", HOBBY),
    "juoksija.fi": ("Juoksija", HOBBY),
    "suunnistusliitto.fi": ("Suunnistusliitto", HOBBY),
    "sporttisaitti.fi": ("Sporttisaitti", HOBBY),
    "palloliitto.fi": ("Palloliitto", HOBBY),
    "torneopal.fi": ("Torneopal", HOBBY),
    "tori.fi": ("Tori", CLASSIFIEDS),
    "huuto.net": ("Huuto.net", CLASSIFIEDS),
    "blocket.se": ("Blocket", CLASSIFIEDS),
    "ebay.com": ("eBay", CLASSIFIEDS),
    "change.org": ("Change.org", PETITION),
    "adressit.com": ("Adressit.com", PETITION),
    "kansalaisaloite.fi": ("Kansalaisaloite.fi", PETITION),
    "avaaz.org": ("Avaaz", PETITION),
    "skrivunder.com": ("Skrivunder", PETITION),
    "namninsamling.se": ("Namninsamling", PETITION),
    "openpetition.eu": ("openPetition", PETITION),
    "t.me": ("Telegram", SOCIAL),
    "telegram.me": ("Telegram", SOCIAL),
    "snapchat.com": ("Snapchat", SOCIAL),
    "patreon.com": ("Patreon", BLOG),
    "slideshare.net": ("SlideShare", PROFESSIONAL),
    "meetup.com": ("Meetup", HOBBY),
    "mixcloud.com": ("Mixcloud", HOBBY),
    "last.fm": ("Last.fm", HOBBY),
    "deviantart.com": ("DeviantArt", HOBBY),
    "500px.com": ("500px", HOBBY),
    "komoot.com": ("Komoot", HOBBY),
    "endomondo.com": ("Endomondo", HOBBY),
    "sports-tracker.com": ("Sports Tracker", HOBBY),
    "chess.com": ("Chess.com", HOBBY),
    "lichess.org": ("Lichess", HOBBY),
    "tripadvisor.com": ("Tripadvisor", FORUM),
    "tripadvisor.fi": ("Tripadvisor", FORUM),
    "quora.com": ("Quora", FORUM),
    "youtube.com": ("YouTube", VIDEO),
    "youtu.be": ("YouTube", VIDEO),
    "vimeo.com": ("Vimeo", VIDEO),
    "muistot.fi": ("Muistot.fi", OBITUARY),
    "adoptio.muistot.fi": ("Muistot.fi", OBITUARY),
    "muistosivu.fi": ("Muistosivu", OBITUARY),
    "legacy.com": ("Legacy.com", OBITUARY),
    "findagrave.com": ("Find a Grave", OBITUARY),
    "familjesidan.se": ("Familjesidan", OBITUARY),
    "memorial.fi": ("Memorial", OBITUARY),
    "archive.org": ("Internet Archive", ARCHIVE),
    "archive.today": ("archive.today", ARCHIVE),
    "archive.ph": ("archive.today", ARCHIVE),
    "digi.kansalliskirjasto.fi": ("Digi (National Library)", ARCHIVE),
    "hs.fi": ("Helsingin Sanomat", NEWS),
    "yle.fi": ("Yle", NEWS),
    "svenska.yle.fi": ("Svenska Yle", NEWS),
    "is.fi": ("Ilta-Sanomat", NEWS),
    "iltalehti.fi": ("Iltalehti", NEWS),
    "mtvuutiset.fi": ("MTV Uutiset", NEWS),
    "aamulehti.fi": ("Aamulehti", NEWS),
    "ts.fi": ("Turun Sanomat", NEWS),
    "kaleva.fi": ("Kaleva", NEWS),
    "ksml.fi": ("Keskisuomalainen", NEWS),
    "savonsanomat.fi": ("Savon Sanomat", NEWS),
    "satakunnankansa.fi": ("Satakunnan Kansa", NEWS),
    "lapinkansa.fi": ("Lapin Kansa", NEWS),
    "hbl.fi": ("Hufvudstadsbladet", NEWS),
    "vasabladet.fi": ("Vasabladet", NEWS),
    "ostnyland.fi": ("Östnyland", NEWS),
    "abounderrattelser.fi": ("Åbo Underrättelser", NEWS),
    "uusisuomi.fi": ("Uusi Suomi", NEWS),
    "kansanuutiset.fi": ("Kansan Uutiset", NEWS),
    "demokraatti.fi": ("Demokraatti", NEWS),
    "maaseuduntulevaisuus.fi": ("Maaseudun Tulevaisuus", NEWS),
    "kauppalehti.fi": ("Kauppalehti", NEWS),
    "talouselama.fi": ("Talouselämä", NEWS),
    "seura.fi": ("Seura", NEWS),
    "apu.fi": ("Apu", NEWS),
    "dn.se": ("Dagens Nyheter", NEWS),
    "svd.se": ("Svenska Dagbladet", NEWS),
    "bbc.co.uk": ("BBC", NEWS),
    "bbc.com": ("BBC", NEWS),
    "theguardian.com": ("The Guardian", NEWS),
    "nytimes.com": ("The New York Times", NEWS),
    "talentia.fi": ("Talentia", PROFESSIONAL),
    "oaj.fi": ("OAJ", PROFESSIONAL),
    "duunitori.fi": ("Duunitori", PROFESSIONAL),
    "te-palvelut.fi": ("TE-palvelut", EMPLOYER),
    "kuntarekry.fi": ("Kuntarekry", PROFESSIONAL),
    "thl.fi": ("THL", EMPLOYER),
    "stm.fi": ("STM", EMPLOYER),
    "kela.fi": ("Kela", EMPLOYER),
    "oph.fi": ("Opetushallitus", EMPLOYER),
    "valtioneuvosto.fi": ("Valtioneuvosto", EMPLOYER),
    "eduskunta.fi": ("Eduskunta", EMPLOYER),
    "sosiaaliportti.fi": ("Sosiaaliportti", PROFESSIONAL),
    "soste.fi": ("SOSTE", PROFESSIONAL),
    "alli.fi": ("Alli", PROFESSIONAL),
    "nuorisotyo.fi": ("Nuorisotyö", PROFESSIONAL),
    "humak.fi": ("Humak", ACADEMIC),
    "diak.fi": ("Diak", ACADEMIC),
    "metropolia.fi": ("Metropolia", ACADEMIC),
    "laurea.fi": ("Laurea", ACADEMIC),
    "haaga-helia.fi": ("Haaga-Helia", ACADEMIC),
    "tuni.fi": ("Tampere University", ACADEMIC),
    "helsinki.fi": ("University of Helsinki", ACADEMIC),
    "utu.fi": ("University of Turku", ACADEMIC),
    "abo.fi": ("Åbo Akademi", ACADEMIC),
    "jyu.fi": ("University of Jyväskylä", ACADEMIC),
    "oulu.fi": ("University of Oulu", ACADEMIC),
    "uef.fi": ("University of Eastern Finland", ACADEMIC),
    "aalto.fi": ("Aalto University", ACADEMIC),
    "ulapland.fi": ("University of Lapland", ACADEMIC),
    "uwasa.fi": ("University of Vaasa", ACADEMIC),
    "lut.fi": ("LUT University", ACADEMIC),
    "arcada.fi": ("Arcada", ACADEMIC),
    "novia.fi": ("Novia", ACADEMIC),
    "hanken.fi": ("Hanken", ACADEMIC),
    "hel.fi": ("City of Helsinki", EMPLOYER),
}
# hosts whose names say what they are
_HOST_HINTS = (
    (re.compile(r"(?:^|[.-])(?:forum|foorumi|keskustelu|palsta|bbs|board)(?:[.-]|$)"), FORUM),
    (re.compile(r"(?:^|[.-])(?:blogi?|blogg)(?:[.-]|$)|blogi\b"), BLOG),
    (re.compile(r"(?:yliopisto|university|universitet|\bamk\b|ammattikorkeakoulu)"), ACADEMIC),
    (re.compile(r"(?:^|[.-])(?:kunta|kaupunki|stad|kommun|hyvinvointialue)(?:[.-]|$)"), EMPLOYER),
    (re.compile(r"(?:muistot|kuolinilmoitu|dodsannons|dödsannons|obituar|memorial)"), OBITUARY),
    (re.compile(r"(?:tulospalvelu|tulokset|results|resultat)"), HOBBY),
)  # fmt: skip
_GENERIC_PATHS = frozenset(
    """groups group pages events watch hashtag search posts photo photos videos story
    stories explore reel reels p status i intent share sharer home login channel c user
    playlist public marketplace""".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class Site:
    """The site a result is on and what the address says about it."""

    name: str  # "LinkedIn", or the registered domain
    kind: str | None  # one of the kinds above, None when unknown
    domain: str  # registered domain, e.g. "hs.fi"
    host: str
    section: str = ""  # for social sites: profile | page | group | event | post | company
    handle: str = ""  # the account or page name in the address


def identify(url: str, extra_employer_domains: tuple[str, ...] = ()) -> Site:
    """The site of `url`."""
    parts = urlsplit(url if "//" in url else f"//{url}")
    host = (parts.hostname or "").lower().removeprefix("www.")
    registered, suffix = split_host(host) if host else ("", "")
    path = unquote(parts.path)
    segments = [s for s in path.split("/") if s]
    for domain in extra_employer_domains:
        d = domain.lower().removeprefix("www.").split("/")[0]
        if d and (host == d or host.endswith("." + d)):
            return Site(domain, EMPLOYER, registered, host)
    known = None
    for candidate in (host, f"{registered}/{segments[0]}" if segments else "", registered):
        if candidate in _SITES:
            known = _SITES[candidate]
            break
    if known is None:
        kind = None
        for pattern, hint in _HOST_HINTS:
            if pattern.search(host) or (hint in (OBITUARY, FORUM) and pattern.search(path.lower())):
                kind = hint
                break
        if kind is None and (suffix.endswith("edu") or suffix.startswith("ac.")):
            kind = ACADEMIC
        if kind is None and (suffix.startswith("gov") or suffix.endswith(".gov")):
            kind = EMPLOYER
        return Site(registered or host, kind, registered, host)
    name, kind = known
    section, handle = "", ""
    if kind in (SOCIAL, PROFESSIONAL, HOBBY, VIDEO):
        section, handle = _social_section(name, segments, parts.query)
    elif kind == BLOG:  # the blog's name: "name.blogspot.com" or "medium.com/@name"
        if segments and segments[0].startswith("@"):
            section, handle = "account", segments[0][1:]
        elif host.count(".") >= 2:
            handle = host.split(".")[0]
    return Site(name, kind, registered, host, section, handle)


def _social_section(name: str, segments: list[str], query: str) -> tuple[str, str]:
    first = segments[0].lower() if segments else ""
    if name == "LinkedIn":
        if first in ("in", "pub"):
            return "profile", segments[1] if len(segments) > 1 else ""
        if first in ("company", "school", "showcase"):
            return "company", segments[1] if len(segments) > 1 else ""
        if first in ("posts", "pulse", "feed"):
            return "post", segments[1] if len(segments) > 1 else ""
        return "", ""
    if name == "Facebook":
        if first == "profile.php":
            return "profile", parse_qs(query).get("id", [""])[0]
        if first == "people":
            return "profile", segments[1] if len(segments) > 1 else ""
        if first in ("groups", "group"):
            return "group", segments[1] if len(segments) > 1 else ""
        if first == "events":
            return "event", ""
        if first == "pages":
            return "page", segments[1] if len(segments) > 1 else ""
        if first and first not in _GENERIC_PATHS:
            section = (
                "post" if len(segments) > 1 and segments[1] in ("posts", "photos", "videos") else ""
            )
            return section or "account", segments[0]
        return "", ""
    if first.startswith("@"):
        return "account", first[1:]
    if first in ("user", "c", "channel", "people", "photos", "athletes") and len(segments) > 1:
        # "photos/name" is the account's page; "photos/name/sets/123" one of its posts
        return ("post" if len(segments) > 2 else "account"), segments[1]
    if first and first not in _GENERIC_PATHS:
        post = len(segments) > 1 and segments[1] in ("status", "p", "posts", "reel", "video")
        return ("post" if post else "account"), segments[0]
    return "", ""


def handle_key(handle: str) -> str:
    """A handle reduced to letters, for comparing with the person's names."""
    return re.sub(r"[^a-zåäö]", "", handle.lower())
