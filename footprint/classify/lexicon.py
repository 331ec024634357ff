"""Vocabularies in Finnish, Swedish and English, written as lemmas.

An entry is one or more words matched by lemma; `*word` matches a compound's head
("ilmastoaktivisti" for `*aktivisti`) and `word*` a prefix. The profile lists only a
few of the person's groups and employers; these words generalise beyond it.
"""

from __future__ import annotations

# The person's past activism: protests, campaigns, groups, activist writing.
ACTIVISM = {
    "fi": """mielenosoitus *mielenosoitus mielenosoittaja *mielenosoittaja mielenilmaus
        mielenosoittaa aktivisti *aktivisti aktivismi *aktivismi ~kampanja ~*kampanja adressi
        vetoomus nimienkeruu boikotti boikotoida kansalaistottelemattomuus valtaus
        talonvaltaus valtaaja vallata tiesulku saarto protesti protestoida *protesti
        eläinoikeus* eläinoikeusliike ilmastoliike rauhanliike ympäristöliike kansanliike
        kansalaisliike ~marssi mielenosoitusmarssi tempaus anarkisti anarkismi
        antifasisti antifa ~feministi kettutyttö turkistarha ~solidaarisuus banderolli
        mielenosoituskyltti megafoni
        ~vaatia ~*marssi No_Border Food_Not_Bombs Reclaim_the_Streets Critical_Mass
        Fridays_for_Future iskuryhmä pienlehti fanzine
        lentolehtinen pamfletti ~manifesti ~vastarinta globalisaatiokriitikko
        ~kansalaisjärjestö ruohonjuuri Elokapina Greenpeace Attac Amnesty
        Luonto-Liitto Oikeutta_eläimille Maan_ystävät Sadankomitea
        ~lakko* ilmastolakko koululakko ~*lakko istumalakko osoittaa_mieltään rauhanleiri leiriytyä
        rauhanaktivisti rauhanmarssi ~feministinen feminismi antimilitarismi antimilitaristi
        antimilitaristinen pasifisti pasifismi aseistakieltäytyj* totaalikieltäytyj* boikot*
        mielenosoit* *kieltäytyjä
        totaalikieltäytyminen kieltäytyjä ~mielipidekirjoitus ~yleisönosasto
        kansalaisaktivisti *liike tempau* valtausliike vegaaniaktivisti eläinaktivisti
        häätö ~kettutytöt Extinction_Rebellion Elokapina ~mielenosoitusleiri
        ~allekirjoittaa ~vetoomus kansalaisadressi avoin_kirje sodanvastainen
        sodanvastaisuus rauhanryhmä vuokralaisliike ~kahlita ~pidättää ~kiinniotto
        ~*vastainen *kapina metsäleiri suojeluleiri protestileiri antirasis* rasisminvastai*""",
    "sv": """demonstration *demonstration demonstrant demonstrera aktivist *aktivist
        aktivism ~kampanj namninsamling upprop protest protestera bojkott bojkotta blockad
        ockupation husockupation ockupant *ockupation civil_olydnad djurrätt* miljörörelse
        fredsrörelse manifestation ~marsch flygblad banderoll plakat megafon fanzin blockera
        ~solidaritet minkfarm pälsfarm No_Border
        ~kräva ~manifest anarkist
        ~feminist ~motstånd Greenpeace Attac Amnesty
        strejk *strejk klimatstrejk skolstrejk sittstrejk fredsläger fredsrörelse
        antimilitarism antimilitarist pacifist pacifism vapenvägrare totalvägrare
        ~insändare ~*rörelse ~feministisk feminism direkt_aktion Extinction_Rebellion
        Fridays_for_Future ockupera ~marschera tältläger öppet_brev antikrig* fredsgrupp
        ~gripen ~greps ~undertecknare antirasis*""",
    "en": """protest protester demonstration demonstrator activist activism ~campaign
        campaigner petition boycott blockade ~occupation squat squatter civil_disobedience
        animal_rights climate_movement peace_movement ~rally protest_march pamphlet megaphone
        No_Border Food_Not_Bombs Reclaim_the_Streets Critical_Mass Fridays_for_Future banner
        placard ~solidarity fur_farm black_bloc ~bloc ~resist ~resistance zine fanzine
        manifesto direct_action anarchist antifascist anti-globalisation picket
        Greenpeace Attac Amnesty Extinction_Rebellion
        ~strike climate_strike school_strike sit-in ~vigil peace_camp protest_camp
        antimilitarist pacifist conscientious_objector ~feminist feminism
        ~letter_to_the_editor ~march ~marched ~rallied ~occupy occupied ~movement
        ~grassroots hunger_strike tenants_union rent_strike open_letter signatories
        anti-war antiwar teach-in student_occupation ~organiser ~organizer ~arrested
        anti-racist antiracist antiracism anti-racism""",
}

# A professional role: job titles, workplaces, professional activities.
WORK = {
    "fi": """sosiaalityö *sosiaalityö sosiaalityöntekijä *sosiaalityöntekijä sosiaaliohjaaja
        sosionomi nuorisotyö nuorisotyöntekijä *nuorisotyöntekijä nuoriso-ohjaaja
        *ohjaaja lastensuojelu *lastensuojelu perhetyö päihdetyö *työntekijä opettaja
        *opettaja lehtori rehtori kuraattori koulukuraattori esihenkilö esimies johtaja
        ~*johtaja päällikkö *päällikkö koordinaattori asiantuntija *asiantuntija suunnittelija
        tutkija *tutkija ~tutkimus väitöskirja koulutus kouluttaja seminaari luento luennoitsija
        webinaari konferenssi työryhmä ~hanke ~*hanke ~projekti työpaikka työnantaja
        yhteystieto henkilökunta henkilöstö virka viranhaltija lausunto
        ammattilainen ammatti työskennellä ~työ ~asiakas hyvinvointialue sote ~kunta
        ~palvelu ~*palvelu ~vastaava ~ohjaus ~koulu ~oppilaitos oppimateriaali oppikirja
        ~lukio ~*koulu ~virkavapaa palkka ~työyhteisö ~ammatillinen ~työelämä
        perhetyöntekijä ohjaaja *kuraattori kuraattori ~*neuvoja ~*terapeutti
        ~haastatella ~kommentoida ~*lautakunta ~valtuusto nimitys nimittää ~eläkkeelle
        sosiaalitoimi nuorisotalo nuorisokeskus nuorisotoimi etsivä_nuorisotyö
        ammattikorkeakoulu *korkeakoulu ~yliopisto""",
    "sv": """socialarbete socialarbetare socialhandledare socionom ungdomsarbete
        ungdomsarbetare ungdomsledare barnskydd *arbetare lärare *lärare lektor rektor
        kurator chef *chef koordinator sakkunnig expert projektledare forskare ~forskning
        utbildning seminarium föreläsning föreläsare konferens arbetsgrupp ~projekt
        kontaktuppgift personal tjänsteman utlåtande anställd yrke ~klient ~kommun
        välfärdsområde ~skola läromedel lärobok ~gymnasium ungdomsgård *gård
        fritidsledare fritidsgård *ledare ~arbetsplats ~*handledare ~utnämnd
        ~intervju ~kommentera ~nämnd ~fullmäktige ~personal ~arbeta ~jobba
        socialsekreterare socialtjänst ungdomscenter ungdomstjänst ~högskola ~universitet""",
    "en": """social_worker youth_worker teacher lecturer principal counsellor manager
        coordinator expert specialist researcher ~research training trainer seminar lecture
        speaker conference webinar workshop ~project ~staff colleague career ~job employer
        textbook coursebook employee professional ~client municipality keynote panel
        ~facilitator ~appointed ~colleagues ~council ~department
        ~interview ~commented caseworker practitioner ~city_of counselor support_worker
        social_services youth_centre youth_center outreach educator ~teaching ~taught
        faculty ~university adult_education""",
}

# The person as a private individual: hobbies, sports, family events, personal writing.
PRIVATE = {
    "fi": """harrastus harrastaa juoksu *juoksu maraton puolimaraton hiihto lenkki
        pyöräily uinti triathlon suunnistus kuoro bändi kitara valokuvaus neulonta käsityö
        puutarha leivonta resepti kalastus metsästys ~koira ~kissa hevonen ratsastus
        lemmikki ~matka loma lomamatka mökki häät hääpari vihkiminen vihkiä kihlaus
        syntymäpäivä synttärit merkkipäivä onnittelu onnitella vauva ristiäiset kummi
        ~perhe ~äiti ~isä mummo ~tulos tulokset sijoitus ~sarja ~kilpailu ~*kilpailu ottelu
        ~joukkue ~keskustelu ~ketju nimimerkki ~blogi päiväkirja ~kuva sisustus remontti ~myydä
        ~ostaa kirpputori kirja-arvio lukupiiri kotisivu
        yhtiökokous asunto-osakeyhtiö taloyhtiö asunto_oy as_oy
        ~keikka ~levy ~laulaa ~soittaa kuorolainen bändi *bändi ~harrastaja
        ~kuntosali ~lenkkeillä ~retki vaellus ~sienestys marjastus ~kirpparit
        ~merkkipäivä syntymäpäiväonnittelu ~hautajaiset ~muistotilaisuus
        lakkiaiset ylioppilasjuhla rippikoulu kastejuhla häissä häihin hääkuva
        valmistujaiset sukukokous serkku ~mummola""",
    "sv": """hobby löpning maraton skidåkning cykling simning orientering kör band gitarr
        fotografering stickning trädgård bakning recept fiske jakt ~hund ~katt häst ridning
        ~resa semester stuga sommarstuga bröllop vigsel förlovning födelsedag fylla
        bemärkelsedag grattis gratulation bebis dop ~familj ~resultat placering ~tävling
        ~match ~lag ~tråd signatur ~blogg dagbok säljes köpes
        bolagsstämma bostadsaktiebolag bostads_ab
        ~spelning ~bandet ~*bandet ~skiva ~sjunga ~spela ~konsert ~vandring
        ~motion ~utflykt ~loppis födelsedagsfest ~kalas studentfest konfirmation
        kusin släktträff""",
    "en": """hobby running marathon skiing cycling swimming orienteering choir band guitar
        photography knitting garden baking recipe fishing hunting ~dog ~cat horse riding
        ~travel holiday vacation cottage wedding engagement birthday anniversary
        congratulations baby christening ~family ~results ~race ~competition ~match ~team
        forum ~thread ~blog diary for_sale
        housing_cooperative
        ~gig ~album ~concert ~hike ~hiking ~trip ~holiday ~birthday_party
        ~personal_blog ~my_blog graduation_party family_reunion cousin""",
}

# The page or publication has ceased (a text signal when there is no network check).
CEASED = {
    "fi": """lopettaa_ilmestyminen lakata_ilmestyä lakata_ilmestyminen lakkauttaa lakkautettu
        viimeinen_numero ei_enää_päivitetä ei_päivitetä_enää sivusto_on_suljettu
        toiminta_on_päättynyt toiminta_päättyi verkkotunnus_on_myynnissä lehti_lopetettiin
        blogi_on_arkistoitu ~arkistoitu palsta_on_suljettu keskustelupalsta_on_suljettu
        foorumi_on_suljettu foorumi_suljettiin lakannut_ilmestymästä lakkasi_ilmestymästä
        lopetti_ilmestymisen lopettanut_ilmestymisen""",
    "sv": """upphöra_att_utkomma upphört_att_utkomma har_upphört tidningen_har_upphört
        läggas_ned lades_ned sista_numret uppdateras_inte_längre domänen_är_till_salu
        forumet_är_stängt forumet_har_stängts forumet_stängdes har_slutat_utkomma
        slutade_utkomma upphörde_att_utkomma""",
    "en": """ceased_publication ceased_publishing ~ceased ~discontinued no_longer_updated
        no_longer_maintained no_longer_published final_issue last_issue
        this_blog_is_no_longer domain_is_for_sale domain_may_be_for_sale ~is_for_sale
        forum_is_closed forum_has_been_closed forum_was_closed""",
}

# A death notice or obituary (the person auditing themself is alive).
DEATH = {
    "fi": """kuolla menehtyä kuollut poismennyt muistokirjoitu* kuolinilmoitu*
        *kuolinilmoitus kuolleet siunaus siunata hautajaiset muistotilaisuus rakkaamme
        nukkua_pois muistosivu in_memoriam""",
    "sv": """avlida död dödsrun* minnesord dödsannons* begravning jordfästning somna_in
        in_memoriam till_minne""",
    "en": """obituary die died passed_away death_notice funeral memorial
        in_loving_memory rest_in_peace survived_by in_memoriam""",
}
# Birthday notices (with the person's own age): word beginnings, case-folded.
BIRTHDAY = (
    "täyttää", "täytti", "merkkipäiv", "syntymäpäiv", "vuotispäiv", "onnittel",
    "fyller", "fyllde", "födelsedag", "bemärkelsedag", "grattis", "birthday", "turns ",
    "turned ",
)  # fmt: skip

# Words of mourners listing relatives: the person may be one of them.
MOURNERS = {
    "fi": "kaivaten surevat kaipaavat",
    "sv": "sörjd sörjande saknad",
    "en": "survived_by mourned",
}

# Words that say outright it is another person.
NAMESAKE = {
    "fi": "kaima ei_sukua ei_ole_sukua eri_henkilö",
    "sv": "namne inte_släkt ingen_släkting",
    "en": "namesake no_relation not_related different_person",
}

# Professions by field, to notice a namesake in another line of work.
PROFESSIONS: dict[str, dict[str, str]] = {
    "social": {
        "fi": "sosiaalityöntekijä *sosiaalityöntekijä sosiaaliohjaaja sosionomi "
        "nuorisotyöntekijä *nuorisotyöntekijä nuoriso-ohjaaja kuraattori *kuraattori "
        "perhetyöntekijä päihdetyöntekijä kasvatusohjaaja koulunkäynninohjaaja diakoni "
        "diakonissa",
        "sv": "socialarbetare socialhandledare socionom ungdomsarbetare ungdomsledare kurator "
        "*kurator fritidsledare socialsekreterare behandlingsassistent familjebehandlare",
        "en": "social_worker youth_worker caseworker counsellor school_counsellor counselor "
        "school_counselor support_worker care_worker family_worker probation_officer",
    },
    "education": {
        "fi": "opettaja *opettaja lehtori rehtori varhaiskasvattaja lastentarhanopettaja "
        "erityisopettaja koulunkäyntiavustaja",
        "sv": "lärare *lärare lektor rektor specialpedagog barnskötare",
        "en": "teacher lecturer headteacher principal teaching_assistant",
    },
    "health": {
        "fi": "lääkäri *lääkäri ylilääkäri sairaanhoitaja *hoitaja kätilö kirurgi "
        "eläinlääkäri fysioterapeutti psykologi farmaseutti proviisori",
        "sv": "läkare *läkare sjuksköterska undersköterska barnmorska kirurg veterinär psykolog "
        "farmaceut",
        "en": "doctor physician general_practitioner gp dentist dental dentistry nurse rn "
        "surgeon midwife veterinarian "
        "paramedic pharmacist psychiatrist psychologist",
    },
    "law": {
        "fi": "asianajaja lakimies tuomari varatuomari syyttäjä notaari",
        "sv": "advokat jurist domare åklagare",
        "en": "lawyer attorney judge prosecutor solicitor solicitors",
    },
    "police": {
        "fi": "poliisi komisario ylikonstaapeli upseeri kersantti everstiluutnantti eversti "
        "majuri kenraali vartija palomies",
        "sv": "polis kommissarie officer överste väktare brandman",
        "en": "police_officer detective sergeant colonel security_guard firefighter",
    },
    "sport": {
        "fi": "jääkiekkoilija jalkapalloilija *pelaaja maalivahti hiihtäjä urheilija "
        "golfari painija nyrkkeilijä ralliautoilija kartturi *kuljettaja hyökkääjä "
        "puolustaja keskikenttäpelaaja valmentaja",
        "sv": "ishockeyspelare fotbollsspelare *spelare målvakt idrottare "
        "mittfältare anfallare försvarare tränare rallyförare",
        "en": "hockey_player footballer goalkeeper athlete golfer wrestler boxer striker "
        "midfielder defender rally_driver racing_driver",
    },
    "business": {
        "fi": "toimitusjohtaja yrittäjä *yrittäjä myyntipäällikkö kiinteistönvälittäjä "
        "*välittäjä lkv talousjohtaja hallituksen_puheenjohtaja pankinjohtaja kauppias myyjä "
        "*myyjä kirjanpitäjä tilintarkastaja",
        "sv": "verkställande_direktör vd företagare fastighetsmäklare *mäklare handlare "
        "försäljare revisor",
        "en": "ceo chief_executive entrepreneur realtor estate_agent sales_manager banker "
        "accountant broker",
    },
    "media": {  # not "editor": the person may have edited a zine
        "fi": "reportteri uutistoimittaja juontaja",
        "sv": "journalist reporter nyhetsreporter programledare",
        "en": "journalist reporter correspondent news_presenter",
    },
    "clergy": {
        "fi": "pappi kirkkoherra piispa kappalainen rovasti",
        "sv": "präst kyrkoherde biskop",
        "en": "priest pastor vicar bishop",
    },
    "arts": {
        "fi": "näyttelijä laulaja muusikko taiteilija kuvataiteilija tanssija valokuvaaja *kuvaaja "
        "kirjailija",
        "sv": "skådespelare sångare musiker konstnär dansare fotograf",
        "en": "actor actress singer musician painter dancer photographer author novelist",
    },
    "engineering": {
        "fi": "insinööri diplomi-insinööri ohjelmoija arkkitehti ohjelmistokehittäjä "
        "sähköasentaja putkiasentaja *asentaja mekaanikko rakennusmestari",
        "sv": "ingenjör programmerare arkitekt elektriker rörmokare montör mekaniker",
        "en": "engineer programmer architect software_developer electrician plumber mechanic",
    },
    "farming": {
        "fi": "maanviljelijä isäntä emäntä karjatila",
        "sv": "lantbrukare bonde",
        "en": "farmer rancher",
    },
    "science": {
        "fi": "tutkija *tutkija professori dosentti kemisti",
        "sv": "forskare *forskare professor docent kemist",
        "en": "researcher scientist professor chemist",
    },
    "services": {
        "fi": "kampaaja parturi kosmetologi hieroja siivooja kokki tarjoilija",
        "sv": "frisör frisörska kosmetolog massör kock servitör",
        "en": "hairdresser barber beautician chef waiter waitress",
    },
    "politics": {
        "fi": "kansanedustaja ministeri pormestari kaupunginjohtaja valtuutettu *valtuutettu",
        "sv": "riksdagsledamot minister borgmästare fullmäktigeledamot",
        "en": "senator congressman congresswoman mayor governor councillor councilor mp "
        "member_of_parliament",
    },
}

# Schoolchildren: next to the name, a namesake far younger than an adult professional.
MINORS = {
    "fi": "koululainen *luokkalainen alakoululainen yläkoululainen oppilas juniori",
    "sv": "skolelev elev *klassare junior",
    "en": "pupil schoolgirl schoolboy grader junior",
}

# Words around a place that make it where someone lives or comes from.
RESIDENCE = {
    "fi": "asua asuva asunut kotoisin kotipaikka *lainen *läinen",
    "sv": "bo bosatt bor hemma från",
    "en": "live lives living based resident native hometown from",
}

# Finnish regions: a region names a wide area, not where one lives.
REGIONS = """Uusimaa/Nyland Pirkanmaa/Birkaland Lappi/Lappland Varsinais-Suomi/Egentliga_Finland
    Pohjanmaa/Österbotten Ahvenanmaa/Åland Kainuu Pohjois-Karjala/Norra_Karelen
    Pohjois-Pohjanmaa/Norra_Österbotten"""

# Finnish towns and regions; Finnish/Swedish names of one place are joined with "/".
TOWNS = (
    """Helsinki/Helsingfors Espoo/Esbo Vantaa/Vanda Tampere/Tammerfors Turku/Åbo
    Oulu/Uleåborg Jyväskylä Kuopio Lahti/Lahtis Pori/Björneborg Joensuu
    Lappeenranta/Villmanstrand Hämeenlinna/Tavastehus Vaasa/Vasa Seinäjoki Rovaniemi
    Mikkeli/S:t_Michel Kotka Salo Porvoo/Borgå Kokkola/Karleby Hyvinkää/Hyvinge Lohja/Lojo
    Järvenpää/Träskända Rauma/Raumo Kajaani/Kajana Kerava/Kervo Savonlinna/Nyslott Nokia
    Kangasala Riihimäki Imatra Raahe/Brahestad Tornio/Torneå Kemi Iisalmi Varkaus Kouvola
    Kirkkonummi/Kyrkslätt Tuusula/Tusby Nurmijärvi Sipoo/Sibbo Raisio/Reso Kaarina/S:t_Karins
    Naantali/Nådendal Pietarsaari/Jakobstad Uusikaupunki/Nystad Loviisa/Lovisa
    Raasepori/Raseborg Tammisaari/Ekenäs Hanko/Hangö Maarianhamina/Mariehamn
    Kauniainen/Grankulla Ylöjärvi Pirkkala Lempäälä Kempele Kuusamo Sodankylä Inari
    Valkeakoski Forssa Heinola Kurikka Ylivieska Sastamala Äänekoski Jämsä Kankaanpää
    Kristiinankaupunki/Kristinestad Närpiö/Närpes Mustasaari/Korsholm Parainen/Pargas
    Uusikaarlepyy/Nykarleby Maalahti/Malax Kruunupyy/Kronoby Pedersöre Vöyri/Vörå
    Kuusankoski Orimattila Hollola Mäntsälä Akaa Ikaalinen Kauhava Lapua Alavus Nivala
    Oulainen Haapajärvi Kitee Lieksa Nurmes Pieksämäki Kiuruvesi Suonenjoki Hamina Loimaa
    Somero Huittinen Eura Ulvila Kemijärvi Kittilä Ivalo Utsjoki Enontekiö Pello Muonio Salla
    Kuhmo Sotkamo Suomussalmi
    """
    + REGIONS
)
# Where each place is (latitude, longitude), keyed by its first name above: a namesake is
# more likely in a far-away town than in a neighbouring one the person may have lived in.
COORDINATES: dict[str, tuple[float, float]] = {
    "Helsinki": (60.17, 24.94),
    "Espoo": (60.21, 24.66),
    "Vantaa": (60.29, 25.04),
    "Tampere": (61.50, 23.76),
    "Turku": (60.45, 22.27),
    "Oulu": (65.01, 25.47),
    "Jyväskylä": (62.24, 25.75),
    "Kuopio": (62.89, 27.68),
    "Lahti": (60.98, 25.66),
    "Pori": (61.48, 21.80),
    "Joensuu": (62.60, 29.76),
    "Lappeenranta": (61.06, 28.19),
    "Hämeenlinna": (61.00, 24.46),
    "Vaasa": (63.10, 21.62),
    "Seinäjoki": (62.79, 22.84),
    "Rovaniemi": (66.50, 25.73),
    "Mikkeli": (61.69, 27.27),
    "Kotka": (60.47, 26.95),
    "Salo": (60.38, 23.13),
    "Porvoo": (60.39, 25.66),
    "Kokkola": (63.84, 23.13),
    "Hyvinkää": (60.63, 24.86),
    "Lohja": (60.25, 24.07),
    "Järvenpää": (60.47, 25.09),
    "Rauma": (61.13, 21.51),
    "Kajaani": (64.23, 27.73),
    "Kerava": (60.40, 25.10),
    "Savonlinna": (61.87, 28.88),
    "Nokia": (61.48, 23.51),
    "Kangasala": (61.46, 24.07),
    "Riihimäki": (60.74, 24.77),
    "Imatra": (61.19, 28.77),
    "Raahe": (64.68, 24.48),
    "Tornio": (65.85, 24.15),
    "Kemi": (65.74, 24.56),
    "Iisalmi": (63.56, 27.19),
    "Varkaus": (62.32, 27.87),
    "Kouvola": (60.87, 26.70),
    "Kirkkonummi": (60.12, 24.44),
    "Tuusula": (60.40, 25.03),
    "Nurmijärvi": (60.46, 24.81),
    "Sipoo": (60.38, 25.27),
    "Raisio": (60.49, 22.17),
    "Kaarina": (60.41, 22.37),
    "Naantali": (60.47, 22.03),
    "Pietarsaari": (63.67, 22.70),
    "Uusikaupunki": (60.80, 21.41),
    "Loviisa": (60.46, 26.23),
    "Raasepori": (59.97, 23.44),
    "Tammisaari": (59.97, 23.44),
    "Hanko": (59.82, 22.97),
    "Maarianhamina": (60.10, 19.94),
    "Kauniainen": (60.21, 24.73),
    "Ylöjärvi": (61.55, 23.60),
    "Pirkkala": (61.47, 23.65),
    "Lempäälä": (61.31, 23.75),
    "Kempele": (64.91, 25.51),
    "Kuusamo": (65.96, 29.19),
    "Sodankylä": (67.42, 26.59),
    "Inari": (68.91, 27.03),
    "Valkeakoski": (61.26, 24.03),
    "Forssa": (60.81, 23.62),
    "Heinola": (61.20, 26.03),
    "Kurikka": (62.62, 22.40),
    "Ylivieska": (64.07, 24.53),
    "Sastamala": (61.34, 22.91),
    "Äänekoski": (62.60, 25.73),
    "Jämsä": (61.86, 25.19),
    "Kankaanpää": (61.80, 22.39),
    "Kristiinankaupunki": (62.27, 21.38),
    "Närpiö": (62.47, 21.34),
    "Mustasaari": (63.11, 21.68),
    "Parainen": (60.30, 22.30),
    "Uusikaarlepyy": (63.52, 22.53),
    "Maalahti": (62.94, 21.55),
    "Kruunupyy": (63.73, 23.03),
    "Pedersöre": (63.60, 22.80),
    "Vöyri": (63.13, 22.25),
    "Kuusankoski": (60.91, 26.62),
    "Orimattila": (60.80, 25.73),
    "Hollola": (60.99, 25.51),
    "Mäntsälä": (60.64, 25.32),
    "Akaa": (61.17, 23.87),
    "Ikaalinen": (61.77, 23.07),
    "Kauhava": (63.10, 23.06),
    "Lapua": (62.97, 23.01),
    "Alavus": (62.59, 23.62),
    "Nivala": (63.92, 24.97),
    "Oulainen": (64.27, 24.82),
    "Haapajärvi": (63.75, 25.32),
    "Kitee": (62.10, 30.14),
    "Lieksa": (63.32, 30.02),
    "Nurmes": (63.54, 29.14),
    "Pieksämäki": (62.30, 27.16),
    "Kiuruvesi": (63.65, 26.62),
    "Suonenjoki": (62.62, 27.13),
    "Hamina": (60.57, 27.20),
    "Loimaa": (60.85, 23.06),
    "Somero": (60.63, 23.51),
    "Huittinen": (61.18, 22.70),
    "Eura": (61.13, 22.13),
    "Ulvila": (61.43, 21.87),
    "Kemijärvi": (66.71, 27.43),
    "Kittilä": (67.65, 24.91),
    "Ivalo": (68.66, 27.54),
    "Utsjoki": (69.91, 27.03),
    "Enontekiö": (68.38, 23.64),
    "Pello": (66.77, 23.96),
    "Muonio": (67.96, 23.68),
    "Salla": (66.83, 28.67),
    "Kuhmo": (64.13, 29.52),
    "Sotkamo": (64.13, 28.39),
    "Suomussalmi": (64.89, 28.91),
    "Uusimaa": (60.17, 24.94),
    "Pirkanmaa": (61.50, 23.76),
    "Lappi": (66.50, 25.73),
    "Varsinais-Suomi": (60.45, 22.27),
    "Pohjanmaa": (63.10, 21.62),
    "Ahvenanmaa": (60.10, 19.94),
    "Kainuu": (64.23, 27.73),
    "Pohjois-Karjala": (62.60, 29.76),
    "Pohjois-Pohjanmaa": (65.01, 25.47),
}


# Countries and foreign places (a namesake abroad), fi / sv / en lemmas.
ABROAD = """Yhdysvallat USA Amerikka Kanada Australia Saksa Ranska Britannia Englanti
    Iso-Britannia Espanja Italia Venäjä Viro Norja Tanska Hollanti Puola Brasilia Kiina
    Japani Intia Irlanti Skotlanti Meksiko Argentiina Unkari Tšekki Itävalta Sveitsi
    Belgia Kreikka Turkki Portugali
    Kanada Tyskland Frankrike Storbritannien England Spanien Italien Ryssland Estland
    Norge Danmark Nederländerna Polen Brasilien Kina Japan Indien Irland Skottland
    America Canada Germany France Britain Spain Italy Russia Estonia Norway Denmark
    Netherlands Poland Brazil China Japan India Ireland Scotland Mexico Argentina
    Minnesota Michigan Wisconsin Texas California Florida Ohio Oregon Washington Ontario
    Queensland Yorkshire Berlin Paris London Lontoo Moskova Tallinna Oslo
    Kööpenhamina Köpenhamn Copenhagen Toronto Sydney Melbourne Chicago Seattle Boston
    Duluth Vermont Massachusetts Oregon Colorado Arizona Nevada
    Pennsylvania Illinois Iowa Montana Idaho Alaska Ely Leeds Liverpool
    Birmingham Glasgow Edinburgh Dublin Stockholm Tukholma Göteborg Gothenburg Malmö Uppsala
    Hamburg München Munich Madrid Barcelona Rome Rooma Amsterdam Bryssel Brussels Wien
    Vienna Pietari Petersburg
    Ruotsi Sverige Sweden Suède Luleå Umeå Sundsvall Hudiksvall Gävle Örebro Västerås
    Linköping Norrköping Jönköping Helsingborg Lund Karlstad Kiruna Skellefteå Östersund
    Haparanda Eskilstuna Falun Borlänge Växjö Kalmar Halmstad Uddevalla Trollhättan
    Norrland Skåne Dalarna Gotland Värmland Mölndal Solna Sollentuna Täby Huddinge Nacka
    Södertälje Borås Kristianstad Karlskrona Norrtälje Lidingö Varberg Skövde Motala
    Sandviken Piteå Boden Örnsköldsvik Härnösand Nyköping Katrineholm Enköping Västervik
    Ystad Trelleborg Landskrona Kungsbacka Alingsås Lerum Partille Kungälv Märsta Sigtuna
    Upplands_Väsby Järfälla Botkyrka Haninge Tyresö Värmdö Åkersberga Eslöv Lomma Höganäs
    Ängelholm Hässleholm Karlshamn Ronneby Oskarshamn Visby Mora Ludvika Avesta Arvika
    Kalix Gällivare Strängnäs Södermanland Norrbotten Västerbotten Jämtland Småland Halland
    Islanti Island Iceland Reykjavik Latvia Lettland Riga Liettua Litauen Lithuania
    Vilna Vilnius Tartto Tartu Tarto Pärnu Narva Ukraina Ukraine Kiova Kyiv Kiev
    Itävalta Österrike Austria Sveitsi Schweiz Switzerland Zürich Geneve Belgien Belgium
    Grekland Greece Turkiet Turkey Portugal Lissabon Lisbon Ungern Hungary Budapest
    Tjeckien Czechia Prag Prague Varsova Warszawa Warsaw Krakova Kraków Oslo Bergen
    Trondheim Tromsø Stavanger Aarhus Odense Uusi-Seelanti Zealand Auckland Wellington
    Moskva New_York Los_Angeles San_Francisco Brisbane Perth Adelaide Nairobi Kenia Kenya
    Tansania Tanzania Etelä-Afrikka Sydafrika Vancouver Montreal
    Quebec Ottawa Manitoba Alberta Dakota Utah Kalifornia Teksas Florida Georgia
    Virginia Carolina Maine Kentucky Missouri Nebraska Kansas Oklahoma Indiana"""


def place_groups(places: str) -> list[list[str]]:
    """A place list above as groups of one place's names: [["Turku", "Åbo"], …]."""
    return [[name.replace("_", " ") for name in group.split("/")] for group in places.split()]
