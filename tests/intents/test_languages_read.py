"""Languages read since their rules were written (issue 15): per language, new mails in it
(a plain request per intent, a mail asking nothing, a negated and a conditional request),
each classified from raw bytes as it arrives. A mail in these languages is classified, not
sent to triage as "language not read"."""

from __future__ import annotations

import pytest

from intents import CORE_INTENTS, classify, read_message
from tests.intents.mailmaker import raw_mail

# (language, body, subject, the core intents expected). Gone to the regulator, an earlier
# request only referred to is the complaint's subject (docs/mail.md, "Scoring").
CASES = [
    # Danish
    ("da", "Hej,\n\nJeg vil gerne have en kopi af de personoplysninger, I har registreret om "
     "mig, jf. artikel 15.\n\nMed venlig hilsen\nMette Lund", "Indsigt", ["access"]),
    ("da", "Hej\n\nJeg bruger ikke længere jeres app. Slet venligst min konto og alle mine "
     "oplysninger.\n\nVenlig hilsen\nJonas", "Sletning", ["erasure"]),
    ("da", "Hej,\n\nJeg ønsker ikke længere at modtage jeres nyhedsbrev og tilbud på mail.\n\n"
     "Tak\nKaren", "Nyhedsbrev", ["opt_out"]),
    ("da", "Til jer,\n\nJeg bad om indsigt for to måneder siden og har stadig ikke fået noget "
     "svar. Nu klager jeg til Datatilsynet.\n\nPeter Holm", "Klage", ["complaint"]),
    ("da", "Hej,\n\nKan jeg flytte min fotosession fra tirsdag til torsdag? Og hvad koster "
     "det at få ekstra billeder?\n\nMvh Louise", "Booking", []),
    ("da", "Hej,\n\nJeg vil ikke have min konto slettet, jeg har bare glemt min adgangskode. "
     "Kan I hjælpe?\n\nMvh Søren", "Konto", []),
    ("da", "Hej,\n\nHvis jeg afmelder nyhedsbrevet, får jeg så stadig mine "
     "ordrebekræftelser?\n\nTak\nAnne", "Spørgsmål", []),
    # Norwegian
    ("no", "Hei,\n\nJeg ber om innsyn i hvilke opplysninger dere har lagret om meg.\n\n"
     "Med vennlig hilsen\nIngrid Berg", "Innsyn", ["access"]),
    ("no", "Hei!\n\nKan dere slette kontoen min og alle bildene jeg har lastet opp? Jeg "
     "bruker ikke tjenesten lenger.\n\nHilsen Ola", "Slett konto", ["erasure"]),
    ("no", "Hei,\n\nVennligst meld meg av nyhetsbrevet. Jeg vil ikke ha mer reklame fra "
     "dere.\n\nMvh Kari", "Avmelding", ["opt_out"]),
    ("no", "Hei,\n\nJeg sendte et krav om sletting i januar og har fortsatt ikke fått svar. "
     "Jeg har nå sendt en klage til Datatilsynet.\n\nTor Hansen", "Klage",
     ["complaint"]),
    ("no", "Hei,\n\nGår det an å bytte timen min fra mandag til onsdag? Jeg kan ikke komme på "
     "mandag.\n\nHilsen Nina", "Time", []),
    ("no", "Hei,\n\nJeg vil ikke at dere sletter kontoen min, jeg trenger bare et nytt "
     "passord.\n\nMvh Lars", "Konto", []),
    ("no", "Hei,\n\nHvis jeg melder meg av nyhetsbrevet, mister jeg da rabattkoden min?\n\n"
     "Hilsen Silje", "Spørsmål", []),
    # Finnish
    ("fi", "Hei,\n\nPyydän kopion kaikista henkilötiedoista, joita olette minusta "
     "tallentaneet.\n\nYstävällisin terveisin\nAnna Virtanen", "Tarkastuspyyntö", ["access"]),
    ("fi", "Hei,\n\nEn käytä palveluanne enää. Poistakaa käyttäjätilini ja kaikki tietoni, "
     "kiitos.\n\nJukka", "Tilin poisto", ["erasure"]),
    ("fi", "Moi,\n\nen halua enää saada teidän mainoksianne sähköpostiin.\n\nTerveisin\n"
     "Liisa", "Mainokset", ["opt_out"]),
    ("fi", "Hei,\n\nLähetin poistopyynnön kaksi kuukautta sitten enkä ole vieläkään saanut "
     "vastausta. Teen asiasta valituksen tietosuojavaltuutetulle.\n\nMikko Laine",
     "Valitus", ["complaint"]),
    ("fi", "Hei,\n\nVoinko siirtää kuvausajan ensi viikon torstaille? Mitä lisäkuvat "
     "maksavat?\n\nTerveisin Sanna", "Varaus", []),
    ("fi", "Hei,\n\nÄlkää poistako tiliäni, unohdin vain salasanani. Voitteko auttaa?\n\n"
     "Terveisin Pekka", "Tili", []),
    ("fi", "Hei,\n\nJos peruutan uutiskirjeen tilauksen, saanko silti tilausvahvistukset?\n\n"
     "Terveisin Heidi", "Kysymys", []),
    # Hungarian
    ("hu", "Tisztelt Hölgyem/Uram!\n\nSzeretném megtudni, milyen személyes adatokat "
     "tárolnak rólam, és kérek róluk másolatot.\n\nÜdvözlettel:\nKovács Anna",
     "Adatkérés", ["access"]),
    ("hu", "Jó napot!\n\nKérem, töröljék a fiókomat és az összes adatomat, már nem használom "
     "a szolgáltatást.\n\nKöszönöm:\nSzabó Péter", "Fiók törlése", ["erasure"]),
    ("hu", "Helló!\n\nKérem, ne küldjenek nekem több hírlevelet.\n\nÜdv,\nTóth Eszter",
     "Hírlevél", ["opt_out"]),
    ("hu", "Tisztelt Cím!\n\nKét hónapja kértem az adataim törlését, de még nem kaptam "
     "választ. A NAIH-hoz fordulok panasszal.\n\nVarga László", "Panasz",
     ["complaint"]),
    ("hu", "Jó napot!\n\nÁt tudnám tenni a fotózást keddről csütörtökre? Mennyibe kerülnek "
     "a plusz képek?\n\nÜdv,\nNémeth Júlia", "Foglalás", []),
    ("hu", "Jó napot!\n\nKérem, ne töröljék a fiókomat, csak elfelejtettem a jelszavamat.\n\n"
     "Üdvözlettel:\nFarkas Gábor", "Fiók", []),
    ("hu", "Jó napot!\n\nAmennyiben leiratkozom a hírlevélről, a rendelési visszaigazolásokat "
     "továbbra is megkapom?\n\nKöszönöm:\nBalogh Réka", "Kérdés", []),
    # Turkish
    ("tr", "Merhaba,\n\nHakkımda hangi kişisel verileri tuttuğunuzu öğrenmek ve bunların bir "
     "kopyasını almak istiyorum.\n\nSaygılarımla,\nElif Yılmaz", "Veri talebi", ["access"]),
    ("tr", "Merhaba,\n\nUygulamanızı artık kullanmıyorum. Lütfen hesabımı ve tüm verilerimi "
     "silin.\n\nTeşekkürler,\nMehmet", "Hesap silme", ["erasure"]),
    ("tr", "Merhaba,\n\nArtık sizden kampanya e-postası almak istemiyorum.\n\nİyi günler,\n"
     "Zeynep", "E-posta", ["opt_out"]),
    ("tr", "Merhaba,\n\nİki ay önce verilerimin silinmesini talep ettim ama hâlâ yanıt "
     "vermediniz. KVKK'ya şikayet edeceğim.\n\nAhmet Kaya", "Şikayet",
     ["complaint"]),
    ("tr", "Merhaba,\n\nÇekim randevumu salıdan perşembeye alabilir miyiz? Ek fotoğraflar ne "
     "kadar?\n\nSaygılar,\nAyşe", "Randevu", []),
    ("tr", "Merhaba,\n\nHesabımın silinmesini istemiyorum, sadece şifremi unuttum. Yardımcı "
     "olabilir misiniz?\n\nSaygılar,\nCan", "Hesap", []),
    ("tr", "Merhaba,\n\nEğer bülten aboneliğimden çıkarsam sipariş onaylarını almaya devam "
     "eder miyim?\n\nTeşekkürler,\nDeniz", "Soru", []),
    # Welsh
    ("cy", "Bore da,\n\nHoffwn gael copi o'r holl ddata personol sydd gennych amdanaf, os "
     "gwelwch yn dda.\n\nDiolch,\nSiân Jones", "Cais am ddata", ["access"]),
    ("cy", "Helo,\n\nDw i ddim yn defnyddio'r ap rhagor. Dilëwch fy nghyfrif a fy holl ddata, "
     "os gwelwch yn dda.\n\nDiolch\nDafydd", "Dileu cyfrif", ["erasure"]),
    ("cy", "Helo,\n\nPeidiwch ag anfon rhagor o e-byst marchnata ataf.\n\nDiolch,\nCatrin",
     "E-byst", ["opt_out"]),
    ("cy", "Bore da,\n\nGofynnais i chi ddileu fy nata fis Mawrth a dw i heb gael ateb. Os na "
     "chlywaf gennych erbyn dydd Gwener, byddaf yn gwneud cwyn i'r ICO.\n\nGareth Evans",
     "Cwyn", ["erasure", "complaint"]),
    ("cy", "Helo,\n\nA oes modd symud fy sesiwn luniau o ddydd Mawrth i ddydd Iau? Diolch yn "
     "fawr.\n\nMali", "Sesiwn", []),
    ("cy", "Helo,\n\nPeidiwch â dileu fy nghyfrif, dw i wedi anghofio fy nghyfrinair yn unig. "
     "Allwch chi helpu?\n\nDiolch,\nRhys", "Cyfrif", []),
    ("cy", "Helo,\n\nOs byddaf yn dad-danysgrifio o'r cylchlythyr, a fyddaf yn dal i gael "
     "cadarnhad o fy archebion?\n\nDiolch,\nElin", "Cwestiwn", []),
    # Slovak
    ("sk", "Dobrý deň,\n\nžiadam o kópiu všetkých mojich osobných údajov, ktoré o mne "
     "spracúvate.\n\nS pozdravom\nJana Kováčová", "Žiadosť o prístup", ["access"]),
    ("sk", "Dobrý deň,\n\nvašu aplikáciu už nepoužívam. Prosím, vymažte môj účet a všetky "
     "moje údaje.\n\nĎakujem\nMartin", "Zrušenie účtu", ["erasure"]),
    ("sk", "Dobrý deň,\n\nodhláste ma, prosím, z vášho newslettera.\n\nĎakujem\nLucia",
     "Newsletter", ["opt_out"]),
    ("sk", "Dobrý deň,\n\npred dvoma mesiacmi som žiadal o vymazanie mojich údajov a doteraz "
     "som nedostal žiadnu odpoveď. Podávam sťažnosť na Úrad na ochranu osobných údajov.\n\n"
     "Peter Horváth", "Sťažnosť", ["complaint"]),
    ("sk", "Dobrý deň,\n\nmôžem si presunúť fotenie z utorka na štvrtok? Koľko stoja fotky "
     "navyše?\n\nĎakujem\nZuzana", "Rezervácia", []),
    ("sk", "Dobrý deň,\n\nnemažte prosím môj účet, len som zabudol heslo. Môžete mi "
     "pomôcť?\n\nĎakujem\nTomáš", "Účet", []),
    ("sk", "Dobrý deň,\n\nak sa odhlásim z newslettera, budem stále dostávať potvrdenia "
     "objednávok?\n\nĎakujem\nEva", "Otázka", []),
    # Slovenian
    ("sl", "Pozdravljeni,\n\nzahtevam kopijo vseh mojih osebnih podatkov, ki jih hranite o "
     "meni.\n\nLep pozdrav,\nMaja Novak", "Dostop do podatkov", ["access"]),
    ("sl", "Pozdravljeni,\n\nvaše aplikacije ne uporabljam več. Prosim, izbrišite moj račun in "
     "vse moje podatke.\n\nHvala,\nLuka", "Izbris računa", ["erasure"]),
    ("sl", "Pozdravljeni,\n\nne želim več prejemati vaših e-novic.\n\nHvala,\nNina",
     "E-novice", ["opt_out"]),
    ("sl", "Pozdravljeni,\n\npred dvema mesecema sem zahteval izbris in še nisem prejel "
     "odgovora. Zadevo sem prijavil Informacijskemu pooblaščencu.\n\nMarko Kranjc",
     "Pritožba", ["complaint"]),
    ("sl", "Pozdravljeni,\n\nali lahko fotografiranje prestavim s torka na četrtek? Koliko "
     "stanejo dodatne fotografije?\n\nHvala,\nAna", "Termin", []),
    ("sl", "Pozdravljeni,\n\nnikar ne izbrišite mojega računa, samo geslo sem pozabil. Mi "
     "lahko pomagate?\n\nHvala,\nJan", "Račun", []),
    ("sl", "Pozdravljeni,\n\nče se odjavim od e-novic, ali bom še dobival potrdila o "
     "naročilih?\n\nHvala,\nTina", "Vprašanje", []),
    # Estonian
    ("et", "Tere,\n\nsoovin koopiat kõigist minu isikuandmetest, mida te töötlete.\n\n"
     "Lugupidamisega\nKadri Tamm", "Andmepäring", ["access"]),
    ("et", "Tere,\n\nma ei kasuta teie rakendust enam. Palun kustutage minu konto ja kõik "
     "minu andmed.\n\nTänan\nMart", "Konto kustutamine", ["erasure"]),
    ("et", "Tere,\n\nma ei soovi enam saada teie uudiskirja.\n\nTänan\nLiis", "Uudiskiri",
     ["opt_out"]),
    ("et", "Tere,\n\nsaatsin kustutamise taotluse kaks kuud tagasi ja pole siiani vastust "
     "saanud. Esitan kaebuse Andmekaitse Inspektsioonile.\n\nJaan Kask", "Kaebus",
     ["complaint"]),
    ("et", "Tere,\n\nkas ma saan pildistamise teisipäevalt neljapäevale tõsta? Kui palju "
     "maksavad lisapildid?\n\nTänan\nKati", "Broneering", []),
    ("et", "Tere,\n\närge kustutage minu kontot, ma unustasin ainult parooli. Kas saate "
     "aidata?\n\nTänan\nTõnu", "Konto", []),
    ("et", "Tere,\n\nkui ma loobun uudiskirjast, kas ma saan ikka tellimuste kinnitusi?\n\n"
     "Tänan\nPiret", "Küsimus", []),
    # Latvian
    ("lv", "Labdien,\n\nlūdzu atsūtīt man kopiju no visiem maniem personas datiem, ko jūs "
     "glabājat.\n\nAr cieņu\nAnna Bērziņa", "Datu pieprasījums", ["access"]),
    ("lv", "Labdien,\n\nes vairs neizmantoju jūsu lietotni. Lūdzu, dzēsiet manu kontu un "
     "visus manus datus.\n\nPaldies\nJānis", "Konta dzēšana", ["erasure"]),
    ("lv", "Labdien,\n\nes vairs nevēlos saņemt jūsu jaunumus.\n\nPaldies\nLīga",
     "Jaunumi", ["opt_out"]),
    ("lv", "Labdien,\n\npirms diviem mēnešiem pieprasīju dzēst manus datus un joprojām neesmu "
     "saņēmis atbildi. Iesniedzu sūdzību Datu valsts inspekcijā.\n\nPēteris Ozols",
     "Sūdzība", ["complaint"]),
    ("lv", "Labdien,\n\nvai varu pārcelt fotosesiju no otrdienas uz ceturtdienu? Cik maksā "
     "papildu foto?\n\nPaldies\nIlze", "Rezervācija", []),
    ("lv", "Labdien,\n\nlūdzu, nedzēsiet manu kontu, es tikai aizmirsu paroli. Vai varat "
     "palīdzēt?\n\nPaldies\nMārtiņš", "Konts", []),
    ("lv", "Labdien,\n\nja es atrakstīšos no jaunumiem, vai es joprojām saņemšu pasūtījumu "
     "apstiprinājumus?\n\nPaldies\nZane", "Jautājums", []),
    # Lithuanian
    ("lt", "Laba diena,\n\nprašau atsiųsti mano asmens duomenų kopiją.\n\nPagarbiai\n"
     "Rūta Kazlauskienė", "Prašymas dėl duomenų", ["access"]),
    ("lt", "Laba diena,\n\nnebesinaudoju jūsų programėle. Prašau ištrinti mano paskyrą ir "
     "visus mano duomenis.\n\nAčiū\nTomas", "Paskyros ištrynimas", ["erasure"]),
    ("lt", "Laba diena,\n\nnebesiųskite man reklaminių laiškų.\n\nAčiū\nEglė",
     "Laiškai", ["opt_out"]),
    ("lt", "Laba diena,\n\nprieš du mėnesius prašiau ištrinti mano duomenis ir vis dar "
     "negavau atsakymo. Pateikiau skundą Valstybinei duomenų apsaugos inspekcijai.\n\n"
     "Jonas Petrauskas", "Skundas", ["complaint"]),
    ("lt", "Laba diena,\n\nar galiu perkelti fotosesiją iš antradienio į ketvirtadienį? Kiek "
     "kainuoja papildomos nuotraukos?\n\nAčiū\nGintarė", "Rezervacija", []),
    ("lt", "Laba diena,\n\nprašau, netrinkite mano paskyros, aš tik pamiršau slaptažodį. Ar "
     "galite padėti?\n\nAčiū\nMantas", "Paskyra", []),
    ("lt", "Laba diena,\n\njei atsisakysiu naujienlaiškio, ar vis tiek gausiu užsakymų "
     "patvirtinimus?\n\nAčiū\nAgnė", "Klausimas", []),
    # Maltese
    ("mt", "Bonġu,\n\nnixtieq kopja tad-data personali kollha li għandkom dwari.\n\nGrazzi,\n"
     "Maria Borg", "Talba għad-data", ["access"]),
    ("mt", "Bonġu,\n\nm'għadnix nuża l-app tagħkom. Jekk jogħġbok ħassru l-kont tiegħi u "
     "d-data kollha tiegħi.\n\nGrazzi,\nJoseph", "Ħassar il-kont", ["erasure"]),
    ("mt", "Bonġu,\n\nma rridx nirċievi aktar emails ta' reklami mingħandkom.\n\nGrazzi,\n"
     "Rita", "Emails", ["opt_out"]),
    ("mt", "Bonġu,\n\nSa issa għadni ma rċevejt l-ebda tweġiba. Għamilt ilment mal-Kummissarju "
     "għall-Informazzjoni u l-Protezzjoni tad-Data.\n\nPaul Camilleri", "Ilment",
     ["complaint"]),
    ("mt", "Bonġu,\n\nnista' nibdel is-sessjoni tar-ritratti minn nhar ta' Tlieta għal nhar "
     "ta' Ħamis? Grazzi.\n\nClaire", "Sessjoni", []),
    ("mt", "Bonġu,\n\njekk jogħġbok tħassrux il-kont tiegħi, insejt il-password biss.\n\n"
     "Grazzi,\nMark", "Kont", []),
    ("mt", "Bonġu,\n\njekk inneħħi ruħi mil-lista, xorta nirċievi l-konfermi tal-ordnijiet? "
     "Jekk nħassar il-kont tiegħi, x'jiġri?\n\nGrazzi,\nAnna", "Mistoqsija", []),
    # Irish
    ("ga", "Dia duit,\n\nBa mhaith liom cóip de mo shonraí pearsanta go léir atá agaibh.\n\n"
     "Go raibh maith agat,\nSiobhán Ní Bhriain", "Iarratas ar shonraí", ["access"]),
    ("ga", "Dia duit,\n\nNí úsáidim an aip a thuilleadh. Scriosaigí mo chuntas agus mo "
     "shonraí, le bhur dtoil.\n\nGo raibh maith agaibh,\nCian", "Scrios", ["erasure"]),
    ("ga", "Dia duit,\n\nDíliostáil mé ón nuachtlitir, le do thoil.\n\nGo raibh maith agat,\n"
     "Aoife", "Nuachtlitir", ["opt_out"]),
    ("ga", "Dia duit,\n\nNíor fhreagair sibh mo iarratas ó mhí Feabhra. Chuir mé gearán chuig "
     "an gCoimisiún um Chosaint Sonraí.\n\nSeán Ó Murchú", "Gearán", ["complaint"]),
    ("ga", "Dia duit,\n\nAn féidir liom mo sheisiún grianghraf a athrú ón Máirt go dtí an "
     "Déardaoin?\n\nGo raibh maith agat,\nNiamh", "Seisiún", []),
    ("ga", "Dia duit,\n\nNá scriosaigí mo chuntas, le bhur dtoil, níl ann ach go ndearna mé "
     "dearmad ar mo phasfhocal.\n\nGo raibh maith agaibh,\nOisín", "Cuntas", []),
    ("ga", "Dia duit,\n\nI gcás go ndíliostálaim ón nuachtlitir, an bhfaighidh mé "
     "deimhnithe ordaithe fós?\n\nGo raibh maith agat,\nÉabha", "Ceist", []),
    # Icelandic
    ("is", "Góðan dag,\n\nÉg óska eftir afriti af öllum persónuupplýsingum sem þið hafið um "
     "mig.\n\nKveðja,\nGuðrún Jónsdóttir", "Beiðni um upplýsingar", ["access"]),
    ("is", "Góðan dag,\n\nÉg nota ekki appið lengur. Vinsamlegast eyðið reikningnum mínum og "
     "öllum gögnum um mig.\n\nTakk,\nJón", "Eyða reikningi", ["erasure"]),
    ("is", "Góðan dag,\n\nVinsamlegast afskráið mig af fréttabréfinu ykkar.\n\nTakk,\nSigga",
     "Fréttabréf", ["opt_out"]),
    ("is", "Góðan dag,\n\nÉg hef ekki fengið neitt svar við beiðni minni frá því í mars. Ég hef "
     "sent kvörtun til Persónuverndar.\n\nKveðja,\nGunnar", "Kvörtun", ["complaint"]),
    ("is", "Góðan dag,\n\nGetum við fært myndatökuna frá þriðjudegi til fimmtudags? Hvað "
     "kosta aukamyndir?\n\nTakk,\nHelga", "Myndataka", []),
    ("is", "Góðan dag,\n\nVinsamlegast ekki eyða reikningnum mínum, ég gleymdi bara "
     "lykilorðinu.\n\nTakk,\nEinar", "Reikningur", []),
    ("is", "Góðan dag,\n\nEf ég afskrái mig af fréttabréfinu, fæ ég samt staðfestingar á "
     "pöntunum?\n\nTakk,\nKatrín", "Spurning", []),
    # Swedish (beside the rules xx.toml has for it)
    ("sv", "Hej,\n\nJag vill veta vilka personuppgifter ni har om mig och få en kopia av "
     "dem.\n\nMed vänliga hälsningar\nEmma Lindqvist", "Registerutdrag", ["access"]),
    ("sv", "Hej!\n\nJag använder inte appen längre. Radera mitt konto och alla mina "
     "uppgifter, tack.\n\nHälsningar\nOskar", "Radera konto", ["erasure"]),
    ("sv", "Hej,\n\nJag vill inte ha fler mejl med erbjudanden från er.\n\nTack\nSara",
     "Mejl", ["opt_out"]),
    ("sv", "Hej,\n\nJag begärde att få ta del av mina uppgifter i mars och har fortfarande "
     "inte fått något svar. Jag har nu anmält er till IMY.\n\nErik Johansson", "Klagomål",
     ["complaint"]),
    ("sv", "Hej,\n\nGår det att flytta min fotografering från tisdag till torsdag? Vad kostar "
     "extra bilder?\n\nHälsningar\nAnna", "Bokning", []),
    ("sv", "Hej,\n\nRadera inte mitt konto, jag har bara glömt mitt lösenord. Kan ni "
     "hjälpa mig?\n\nHälsningar\nJohan", "Konto", []),
    ("sv", "Hej,\n\nIfall jag avslutar prenumerationen på nyhetsbrevet, får jag ändå mina "
     "orderbekräftelser?\n\nTack\nMaja", "Fråga", []),
    # Bulgarian (Cyrillic: told from Russian by its words)
    ("bg", "Здравейте,\n\nМоля, изпратете ми копие на личните ми данни, които обработвате."
     "\n\nПоздрави,\nМария Иванова", "Достъп до данни", ["access"]),
    ("bg", "Здравейте,\n\nВече не ползвам приложението ви. Моля, изтрийте профила ми и "
     "всички мои данни.\n\nБлагодаря,\nГеорги", "Изтриване на профил", ["erasure"]),
    ("bg", "Здравейте,\n\nНе желая повече да получавам вашия бюлетин.\n\nБлагодаря,\nЕлена",
     "Бюлетин", ["opt_out"]),
    ("bg", "Здравейте,\n\nПреди два месеца поисках изтриване на данните си и все още не съм "
     "получил никакъв отговор. Подадох жалба до Комисията за защита на личните данни.\n\n"
     "Николай Петров", "Жалба", ["complaint"]),
    ("bg", "Здравейте,\n\nМоже ли да преместя фотосесията си от вторник за четвъртък? Колко "
     "струват допълнителните снимки?\n\nБлагодаря,\nВесела", "Резервация", []),
    ("bg", "Здравейте,\n\nМоля, не изтривайте профила ми, просто забравих паролата си. Можете "
     "ли да помогнете?\n\nБлагодаря,\nСтефан", "Профил", []),
    ("bg", "Здравейте,\n\nАко се отпиша от бюлетина, ще получавам ли все още потвърждения за "
     "поръчките си?\n\nБлагодаря,\nДесислава", "Въпрос", []),
]


@pytest.mark.parametrize(("lang", "body", "subject", "expected"), CASES,
                         ids=[f"{case[0]}-{n}" for n, case in enumerate(CASES)])
def test_a_mail_in_a_language_read_is_classified(
        lang: str, body: str, subject: str, expected: list[str]) -> None:
    got = classify(read_message(raw_mail(body, subject, sender="Kim <kim@example.eu>")))
    assert not got.language_not_read
    assert got.language == lang
    assert sorted(set(got.intents) & set(CORE_INTENTS)) == sorted(expected)
    if expected:
        assert {e.intent for e in got.evidence} >= set(expected)


@pytest.mark.parametrize("lang", sorted({case[0] for case in CASES}))
def test_each_language_has_every_kind_of_case(lang: str) -> None:
    cases = [case for case in CASES if case[0] == lang]
    found = {intent for case in cases for intent in case[3]}
    assert found >= {"access", "erasure", "opt_out", "complaint"}, lang
    assert sum(1 for case in cases if not case[3]) >= 3, lang  # none, negated, conditional


@pytest.mark.parametrize("header", [
    "Den 5. maj 2026 kl. 10.00 skrev Aimigos <hello@aimigos.studio>:",
    "Ma 5.5.2026 klo 10.00 Aimigos <hello@aimigos.studio> kirjoitti:",
    "Aimigos <hello@aimigos.studio> ezt írta (időpont: 2026. máj. 5., H 10:00):",
    "5 May 2026 Sal, 10:00 tarihinde Aimigos <hello@aimigos.studio> şunu yazdı:",
])
def test_a_reply_header_in_a_language_read_quotes_the_organisations_words(
        header: str) -> None:
    # Unquoted by ">", the organisation's question below the header would read as erasure.
    body = (f"Tak, vi ses på fredag.\n\n{header}\n"
            "Skal vi slette din konto og alle dine oplysninger?")
    mail = read_message(raw_mail(body, "Re: konto"))
    assert "slette din konto" not in mail.text
    assert classify(mail).intents == []


def test_a_request_in_a_language_read_forwarded_by_a_colleague_is_the_writers() -> None:
    body = ("Can you pick this up?\n\n---------- Forwarded message ---------\n"
            "From: Aino Virtanen <aino@example.fi>\nDate: Thu, 3 Dec 2026\nSubject: tiedot\n\n"
            "Hei,\n\nPyydän teitä poistamaan minun tilini ja kaikki minun tietoni.\n\n"
            "Kiitos,\nAino")
    got = classify(read_message(raw_mail(body, "Fwd: tiedot",
                                         sender="Laura <laura@aimigos.studio>")))
    assert got.intents == ["erasure"]
    assert got.forwarded_from == "aino@example.fi"
    assert not got.language_not_read
