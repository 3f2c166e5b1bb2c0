## Login, sessions, account
login-title = Aanmelden
login-email = E-mailadres
login-password = Wachtwoord
login-submit = Aanmelden
login-no-account = Nog geen account? Vraag een uitnodiging aan de coördinator van uw organisatie.
login-failed = E-mailadres of wachtwoord onjuist.
login-missing-fields = Vul uw e-mailadres en wachtwoord in.
login-throttled = Te veel pogingen. Voor uw veiligheid: wacht { $minutes ->
        [one] 1 minuut
       *[other] { $minutes } minuten
    } en probeer dan opnieuw.
password-set-title = Kies uw wachtwoord
password-set-intro = Uw account:
password-new = Nieuw wachtwoord
password-rules = Minstens 12 tekens. Een korte zin die u makkelijk onthoudt, werkt goed.
password-confirm = Herhaal het wachtwoord
password-language = Uw taal
password-set-submit = Wachtwoord opslaan
password-too-short = Het wachtwoord moet minstens 12 tekens hebben.
password-too-common = Dit wachtwoord is te gewoon of te makkelijk te raden. Kies een ander.
password-too-long = Dit wachtwoord is te lang.
password-mismatch = De twee wachtwoorden zijn niet gelijk.
link-invalid-title = Deze link werkt niet meer
link-invalid-text = De link is al gebruikt of verlopen. Vraag een nieuwe link.
account-title = Mijn account
account-name = Naam
account-email = E-mailadres
account-organisations = Mijn organisaties
account-platform-admin = U bent beheerder van het platform.
account-no-organisation = U maakt nog geen deel uit van een organisatie.
account-sessions = Sessies
account-logout = Afmelden
account-logout-everywhere = Overal afmelden
role-coordinator = coördinator
role-worker = medewerker
role-volunteer = vrijwilliger
role-viewer = lezer van de statistieken
shell-helpers-area = Voor helpers
