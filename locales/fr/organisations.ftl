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
shell-find-help = Trouver de l’aide

## Organisation pages
organisation-kind = Type
organisation-municipality = Commune
organisation-languages = Langues
organisation-phone = Téléphone
organisation-groups = Projets et réseaux
organisation-no-groups = Cette organisation ne fait partie d’aucun projet ni réseau.
organisation-kind-cpas = CPAS
organisation-kind-association = association
organisation-kind-digital-space-operator = opérateur d’espaces publics numériques
organisation-kind-library = bibliothèque
organisation-kind-trainer = organisme de formation
organisation-kind-funder = financeur
organisation-kind-unknown = autre
group-kind-project = projet
group-kind-network = réseau
group-kind-programme = programme
group-role-lead = porteur
group-role-partner = partenaire
group-role-host-venue = lieu d’accueil
members-title = Membres
members-back = Retour à l’organisation
members-invited = L’invitation est envoyée.
members-role-changed = Le rôle est modifié.
members-active-changed = Le statut est modifié. L’historique est conservé.
members-role = Rôle
members-status = Statut
members-actions = Actions
members-status-active = actif·ve
members-status-invited = invité·e
members-status-inactive = désactivé·e
members-change-role = Changer le rôle
members-deactivate = Désactiver
members-reactivate = Réactiver
members-invite-title = Inviter une personne
members-invite-language = Langue de l’invitation
members-invite-submit = Envoyer l’invitation
members-error-email = Indiquez une adresse e-mail valable.
members-error-role = Choisissez un rôle.
members-error-already = Cette personne est déjà membre de l’organisation.
invitation-title = Rejoindre une organisation
invitation-intro = Vous êtes invité·e à rejoindre
invitation-accept = Accepter l’invitation
invitation-mail-subject = Invitation à rejoindre { $organisation } sur Relais
invitation-mail-body =
    Bonjour,

    { $inviter } vous invite à rejoindre { $organisation } sur Relais, comme { $role }.

    Pour accepter, ouvrez ce lien (valable 7 jours, une seule fois) :
    { $link }

    Si vous ne vous attendiez pas à cette invitation, ignorez ce message.

## API tokens
tokens-title = Jetons d’accès à l’API
tokens-intro = Un jeton permet à un autre programme d’utiliser Relais en votre nom, avec vos droits. Révoquez-le dès qu’il ne sert plus.
tokens-created = Le jeton est créé.
tokens-copy-now = Copiez-le maintenant : il ne sera plus affiché.
tokens-name = Nom du jeton
tokens-created-at = Créé le
tokens-last-used = Dernière utilisation
tokens-never = jamais
tokens-revoked = révoqué
tokens-revoke = Révoquer
tokens-new = Nouveau jeton
tokens-create = Créer le jeton
tokens-error-name = Donnez un nom au jeton (100 caractères au plus).

## Second factor
second-factor-title = Deuxième facteur (code à usage unique)
second-factor-login-title = Code de vérification
second-factor-login-intro = Ouvrez votre application d’authentification et tapez le code à 6 chiffres affiché pour Relais.
second-factor-code = Code
second-factor-code-hint = 6 chiffres, ou un code de secours (avec un tiret).
second-factor-submit = Vérifier
second-factor-wrong-code = Ce code ne convient pas. Tapez le code affiché maintenant dans l’application.
second-factor-enabled = Le deuxième facteur est activé pour votre compte.
second-factor-recovery-title = Codes de secours
second-factor-recovery-intro = Si vous perdez votre téléphone, chaque code permet une connexion. Notez-les et gardez-les en lieu sûr : ils ne seront plus affichés.
second-factor-required = Votre organisation demande un deuxième facteur pour votre rôle. Activez-le pour continuer.
second-factor-step-app = Installez une application d’authentification sur votre téléphone (par exemple FreeOTP, Aegis ou celle de votre choix).
second-factor-step-scan = Dans l’application, ajoutez un compte et scannez ce code QR.
second-factor-qr-label = Code QR à scanner avec l’application d’authentification
second-factor-manual = Impossible de scanner ? Tapez cette clé :
second-factor-step-code = Tapez ci-dessous le code à 6 chiffres que l’application affiche.
second-factor-enrol-submit = Activer

## Audit log
audit-title = Journal d’audit
audit-intro = Les connexions, les changements de membres et de droits, les jetons : qui, quoi, quand, d’où. Ce journal ne peut pas être modifié.
audit-family-all = Tout
audit-family-login = Connexions
audit-family-second-factor = Deuxième facteur
audit-family-member = Membres
audit-family-invitation = Invitations
audit-family-token = Jetons d’API
audit-family-password = Mots de passe
audit-family-session = Sessions
audit-family-scope = Périmètres de groupe
audit-error-action = Choisissez un type d’événement de la liste.
audit-error-date = Indiquez les dates au format AAAA-MM-JJ.
audit-error-range = La date de fin doit venir après la date de début.
audit-from = Du
audit-to = Au
audit-filter = Filtrer
audit-download-csv = Télécharger en CSV (tableur)
audit-empty = Aucun événement pour ce filtre.
audit-truncated = Seuls les 1 000 événements les plus récents sont affichés. Réduisez la période.
audit-col-at = Date et heure
audit-col-actor = Par
audit-col-action = Événement
audit-col-object = Objet
audit-col-client = Adresse
audit-col-detail = Détail

## Own data
own-data-title = Mes données
own-data-intro = Téléchargez tout ce que Relais conserve à votre sujet : votre compte, vos organisations, vos jetons et le journal de vos actions.
own-data-download = Télécharger mes données (JSON)
close-title = Fermer mon compte
close-intro = Vous ne pourrez plus vous connecter. Votre nom et votre adresse e-mail seront remplacés par un pseudonyme ; ce que vous avez enregistré reste pour votre organisation.
close-password = Votre mot de passe, pour confirmer
close-submit = Fermer mon compte
close-wrong-password = Le mot de passe ne convient pas. Le compte n’est pas fermé.

## Forgotten password
forgot-title = Mot de passe oublié ?
forgot-intro = Indiquez votre adresse e-mail. Si un compte existe, vous recevrez un lien pour choisir un nouveau mot de passe (valable une heure).
forgot-submit = Recevoir un lien
forgot-sent = C’est noté. Si un compte existe pour cette adresse, un e-mail avec un lien vient de partir. Regardez aussi dans les indésirables.
forgot-mail-subject = Relais : choisir un nouveau mot de passe
forgot-mail-body =
    Bonjour,

    Quelqu’un a demandé à changer le mot de passe de votre compte Relais.
    Pour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure, une seule fois) :
    { $link }

    Si ce n’est pas vous, ignorez ce message : votre mot de passe ne change pas.

## Organisation settings
settings-title = Réglages de l’organisation
settings-idle = Déconnexion après inactivité (minutes)
settings-idle-hint = Entre 5 et 240 minutes. Une permanence dure souvent 2 à 3 heures.
settings-require-2fa = Exiger un deuxième facteur pour les coordinateur·rices et les travailleur·euses
settings-save = Enregistrer
settings-saved = Les réglages sont enregistrés.
settings-error-idle = Indiquez un nombre de minutes entre 5 et 240.
settings-company-number = Numéro d'entreprise (BCE)
settings-company-number-hint = Facultatif. Par exemple 0212.345.668. Il est publié avec vos lieux dans les données ouvertes de l'annuaire.
settings-error-company-number-shape = Un numéro d'entreprise compte 10 chiffres et commence par 0 ou 1, par exemple 0212.345.668.
settings-error-company-number-check = Ce numéro d'entreprise n'existe pas : vérifiez les chiffres (les deux derniers contrôlent les autres).

## Groupes et périmètres de groupe
group-parts = Projets et réseaux de ce programme
group-organisations = Organisations
group-no-organisations = Aucune organisation ne fait encore partie de ce groupe.
group-col-organisation = Organisation
group-col-role = Rôle dans le groupe
group-total = Total
group-statistics-note = Les chiffres sont des totaux par organisation : aidants actifs sur Relais, par rôle. Un périmètre de groupe n'ouvre jamais les dossiers d'une organisation.
group-statistics-scope-needed = Les chiffres du groupe sont visibles pour les personnes qui ont un périmètre sur ce groupe. Adressez-vous à la coordination de l'organisation porteuse ou à un administrateur de la plateforme.
scopes-title = Périmètres de groupe
scopes-back = Retour au groupe
scopes-intro = Un périmètre de groupe permet à une personne qui coordonne ou consulte de voir les chiffres de ce groupe, uniquement en totaux, jamais les dossiers d'une autre organisation. Un périmètre de programme couvre aussi ses projets et réseaux.
scopes-holders = Qui a un périmètre
scopes-none = Personne n'a encore de périmètre sur ce groupe.
scopes-granted-at = Accordé le
scopes-granted-by = Accordé par
scopes-revoke = Retirer
scopes-grant-title = Accorder un périmètre
scopes-person = Personne (coordination et consultation des organisations de ce groupe)
scopes-grant = Accorder le périmètre
scopes-no-candidates = Aucune autre personne de la coordination ou en consultation dans ces organisations ne peut recevoir de périmètre.
scopes-granted = Le périmètre a été accordé.
scopes-revoked = Le périmètre a été retiré.
scopes-error-person = Choisissez une personne dans la liste.
account-scopes = Mes périmètres de groupe

## Reprendre une session après une inactivité
resume-title = Êtes-vous toujours là ?
resume-intro-form = Par sécurité, Relais redemande votre mot de passe après { $minutes } minutes sans activité. Ce que vous étiez en train d'écrire est conservé : il sera envoyé dès que vous confirmez.
resume-intro-page = Par sécurité, Relais redemande votre mot de passe après { $minutes } minutes sans activité.
resume-signed-in-as = Connecté·e en tant que { $email }
resume-password = Mot de passe
resume-submit = Continuer
resume-wrong = Ce mot de passe n'est pas correct. Réessayez.
resume-logout = Se déconnecter

## Administrateurs de la plateforme : la file des tâches (/admin/jobs)
admin-jobs-title = Tâches en arrière-plan
admin-jobs-intro = Le travail que Relais fait plus tard : rappels, messages, conservation des données. Une tâche qui échoue est réessayée après une attente qui double ; après son dernier essai, elle vous attend ici.
admin-jobs-states = Tâches par état
admin-jobs-queued = En attente
admin-jobs-running = En cours
admin-jobs-failed = Échouées
admin-jobs-done = Terminées
admin-jobs-none = Aucune tâche dans cette liste.
admin-jobs-key = Clé
admin-jobs-due = Prévue le
admin-jobs-finished = Terminée le
admin-jobs-held-until = Réservée jusqu’au
admin-jobs-tries = Essais
admin-jobs-error = Dernière erreur
admin-jobs-retry = Réessayer
admin-jobs-retry-all = Réessayer toutes les tâches échouées
admin-jobs-retried = Remise dans la file : la tâche tournera d’ici une minute.
admin-jobs-more = Seules les 100 plus récentes sont affichées.
