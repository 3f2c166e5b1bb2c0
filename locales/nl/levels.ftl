# Resultaat van de test: wat de persoon kan op zijn of haar niveau (can) en wat hij of zij daarna kan leren (next), per domein en per niveau (0 tot 4).

# Toestel en basis.
level-device-0-can = U zet uw eerste stappen met een telefoon of tablet. Dat is normaal: iedereen begint hier.
level-device-0-next = Volgende stap: het toestel aanzetten en een app openen door erop te tikken.
level-device-1-can = U ontgrendelt uw telefoon en regelt het volume. U controleert de batterij.
level-device-1-next = Volgende stap: een app installeren en de tekst groter maken.
level-device-2-can = U installeert een app en doet de updates. U past de tekstgrootte aan.
level-device-2-next = Volgende stap: ruimte vrijmaken als uw telefoon vol is.
level-device-3-can = U maakt ruimte vrij op uw telefoon. U vindt een gedownload bestand terug.
level-device-3-next = Volgende stap: een back-up maken van uw foto's en contacten.
level-device-4-can = U maakt een back-up van uw foto's. U lost kleine problemen zelf op.
level-device-4-next = U bent zelfstandig met uw toestel. U kunt anderen helpen met het hunne.

# Informatie zoeken.
level-information-0-can = U begint net met het internet. Dat is normaal: we gaan stap voor stap.
level-information-0-next = Volgende stap: door een pagina scrollen en de tekst groter maken.
level-information-1-can = U opent het internet. U vindt het zoekvak.
level-information-1-next = Volgende stap: zoeken met een paar duidelijke woorden.
level-information-2-can = U zoekt op het internet met een paar woorden. U vindt de uren van een bus of de openingsuren van een winkel.
level-information-2-next = Volgende stap: een document opslaan en het terugvinden.
level-information-3-can = U downloadt een formulier en vindt het terug. U herkent een officiële website.
level-information-3-next = Volgende stap: verschillende bronnen vergelijken voor u een bericht gelooft.
level-information-4-can = U vergelijkt verschillende bronnen. U controleert de datum van een bericht.
level-information-4-next = U vindt zelf informatie. U kunt anderen tonen hoe ze een bron controleren.

# Communiceren.
level-communication-0-can = U hebt nog geen e-mail nodig. We beginnen met telefoneren, stap voor stap.
level-communication-0-next = Volgende stap: een oproep beantwoorden en ophangen.
level-communication-1-can = U belt iemand uit uw contacten. U leest een sms.
level-communication-1-next = Volgende stap: een e-mail schrijven en versturen.
level-communication-2-can = U verstuurt en leest e-mails. U belt met video.
level-communication-2-next = Volgende stap: een document als bijlage versturen.
level-communication-3-can = U verstuurt een document of foto als bijlage. U schrijft een beleefde e-mail aan een dienst.
level-communication-3-next = Volgende stap: een groot bestand versturen en een videogesprek plannen.
level-communication-4-can = U verstuurt grote bestanden. U plant een videogesprek met meerdere personen.
level-communication-4-next = U communiceert zelfstandig. U kunt een familielid helpen om in contact te blijven.

# Online zaken regelen en betalen.
level-procedures-0-can = Zaken online regelen kan later. Eerst leren we de basis, stap voor stap.
level-procedures-0-next = Volgende stap: een geheime code intikken op een scherm.
level-procedures-1-can = U opent de app van uw bank. U scant een QR-code om te betalen.
level-procedures-1-next = Volgende stap: de app itsme installeren en een eenvoudig formulier invullen.
level-procedures-2-can = U installeert itsme. U vult online een eenvoudig formulier in.
level-procedures-2-next = Volgende stap: aanmelden op MyMinfin met itsme of uw eID-kaart.
level-procedures-3-can = U meldt zich aan met itsme of uw eID-kaart. U betaalt een factuur online.
level-procedures-3-next = Volgende stap: een overschrijving goed controleren voor u ze ondertekent.
level-procedures-4-can = U regelt een hele aanvraag zelf, bijvoorbeeld op MyMinfin. U controleert een overschrijving voor u ze ondertekent.
level-procedures-4-next = U bent zelfstandig. Volg nieuwe onlinediensten en help anderen als u dat wilt.

# Veiligheid.
level-safety-0-can = U begint net met veiligheid op het internet. Dat is normaal: we starten met eenvoudige gewoonten.
level-safety-0-next = Volgende stap: uw geheime code verbergen als u ze intikt.
level-safety-1-can = U houdt uw pincode geheim. U installeert updates als uw telefoon erom vraagt.
level-safety-1-next = Volgende stap: een sterk wachtwoord maken en op het slotje letten.
level-safety-2-can = U maakt een sterk wachtwoord. U controleert het slotje naast het webadres.
level-safety-2-next = Volgende stap: een valse sms of e-mail herkennen die om geld of codes vraagt.
level-safety-3-can = U herkent een valse sms of e-mail. U geeft uw codes nooit door via de telefoon.
level-safety-3-next = Volgende stap: voor elke website een ander wachtwoord gebruiken.
level-safety-4-can = U gebruikt voor elke website een ander wachtwoord. U stuurt verdachte berichten door naar Safeonweb.
level-safety-4-next = U bent zelfstandig en voorzichtig. U kunt uw familie waarschuwen voor nieuwe vormen van oplichting.
