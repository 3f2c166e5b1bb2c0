## Login, sessions, account
login-title = Connexion
login-email = Adresse e-mail
login-password = Mot de passe
login-submit = Se connecter
login-no-account = Pas encore de compte ? Demandez une invitation au coordinateur ou à la coordinatrice de votre organisation.
login-failed = Adresse e-mail ou mot de passe incorrect.
login-missing-fields = Indiquez votre adresse e-mail et votre mot de passe.
login-throttled = Trop d’essais. Pour votre sécurité, attendez { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    } avant de réessayer.
password-set-title = Choisir votre mot de passe
password-set-intro = Votre compte :
password-new = Nouveau mot de passe
password-rules = Au moins 12 caractères. Une courte phrase facile à retenir convient bien.
password-confirm = Répétez le mot de passe
password-language = Votre langue
password-set-submit = Enregistrer le mot de passe
password-too-short = Le mot de passe doit compter au moins 12 caractères.
password-too-common = Ce mot de passe est trop courant ou trop facile à deviner. Choisissez-en un autre.
password-too-long = Ce mot de passe est trop long.
password-mismatch = Les deux mots de passe ne sont pas identiques.
link-invalid-title = Ce lien ne fonctionne plus
link-invalid-text = Le lien a déjà été utilisé ou il a expiré. Demandez un nouveau lien.
account-title = Mon compte
account-name = Nom
account-email = Adresse e-mail
account-organisations = Mes organisations
account-platform-admin = Vous êtes administrateur ou administratrice de la plateforme.
account-no-organisation = Vous ne faites encore partie d’aucune organisation.
account-sessions = Sessions
account-logout = Se déconnecter
account-logout-everywhere = Se déconnecter partout
role-coordinator = coordinateur·rice
role-worker = travailleur·euse
role-volunteer = bénévole
role-viewer = lecteur·rice des statistiques
shell-helpers-area = Espace aidants
