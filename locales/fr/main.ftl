## Page shell
shell-description = Relais : trouver de l’aide pour les démarches en ligne, près de chez vous.
shell-skip-to-content = Aller au contenu
shell-demo-banner-title = Instance de démonstration.
shell-demo-banner-text = Les organisations, les lieux et les personnes sont fictifs.
shell-language-nav = Langue
shell-footer-tagline = Relais aide les CPAS et leurs partenaires à accompagner les personnes éloignées du numérique.
shell-footer-privacy = Vos données restent dans votre organisation. Pas de publicité, pas de traceur.

## Home page
home-title = De l’aide pour vos démarches en ligne
home-lead = Le CPAS, les espaces publics numériques, les associations et les bibliothèques vous aident gratuitement. Vous n’êtes pas seul·e.
home-find-title = Trouver de l’aide près de chez vous
home-find-submit = Chercher
home-help-title = Pour quoi pouvez-vous demander de l’aide ?
home-help-text = Par exemple :
home-topic-pension = votre pension (MyPension)
home-topic-health-insurance = votre mutuelle
home-topic-job = chercher un emploi, le chômage
home-topic-housing = chercher un logement
home-topic-itsme = itsme et la carte d’identité (eID)
home-topic-email = créer et lire vos e-mails
home-topic-banking = la banque en ligne
home-topic-family = les allocations familiales et les bourses d’études
home-help-where = Demandez à l’accueil de votre CPAS : on vous dira où et quand une permanence numérique a lieu près de chez vous.
home-helpers-title = Pour les aidants et les organisations
home-helpers-text = Relais est l’outil des CPAS, des espaces publics numériques et de leurs partenaires pour :
home-helpers-find = publier où et quand l’aide est proposée ;
home-helpers-log = noter chaque demande aidée en quelques secondes ;
home-helpers-orient = faire un diagnostic et orienter vers un atelier ou un partenaire ;
home-helpers-report = montrer l’impact au CPAS, au réseau et au financeur, sans données personnelles.

## Error pages
error-code = Code d’erreur :
error-back-home = Retour à l’accueil
error-not-found-title = Page introuvable
error-not-found-text = Cette page n’existe pas ou n’existe plus. Vérifiez l’adresse, ou revenez à l’accueil.
error-bad-request-title = Demande incorrecte
error-bad-request-text = Nous n’avons pas compris cette demande. Revenez en arrière et réessayez.
error-method-title = Action impossible ici
error-method-text = Cette page ne permet pas cette action.
error-timeout-title = C’est trop long
error-timeout-text = La réponse a pris trop de temps. Réessayez dans un moment.
error-too-large-title = Envoi trop volumineux
error-too-large-text = Ce que vous avez envoyé est trop grand. Essayez avec moins de texte ou un fichier plus petit.
error-media-type-title = Format non accepté
error-media-type-text = Ce format d’envoi n’est pas accepté ici.
error-too-many-title = Trop d’essais
error-too-many-text = Trop de demandes en peu de temps. Attendez un moment, puis réessayez.
error-unavailable-title = Service momentanément indisponible
error-unavailable-text = Relais ne peut pas répondre pour le moment. Réessayez dans quelques minutes.
error-internal-title = Un problème est survenu
error-internal-text = Ce n’est pas de votre faute. Le problème a été noté. Réessayez dans un moment.
error-forbidden-title = Accès refusé
error-forbidden-text = Vous n’avez pas accès à cette page. Si vous pensez devoir y avoir accès, demandez-le à la personne qui coordonne votre organisation.
error-form-expired-title = Formulaire expiré
error-form-expired-text = Ce formulaire a expiré ou vient d’une autre page. Rechargez la page, vérifiez ce que vous avez saisi et envoyez-le à nouveau.

# issue 14, item 10: control characters in text input
error-control-character-title = Caractère invisible dans votre texte
error-control-character-text = Ce que vous avez envoyé contient un caractère de contrôle invisible (souvent collé depuis un autre programme), que Relais ne peut pas enregistrer. Revenez en arrière, retapez le texte concerné et renvoyez-le.
error-too-long-title = Texte trop long
error-too-long-text = Un des champs contient plus de caractères que Relais n’en accepte à cet endroit (un nom : 200, une note ou une description : 2 000). Revenez en arrière : ce que vous avez tapé est toujours dans le formulaire. Raccourcissez ce texte et renvoyez-le.

## The API's error messages (codes stay, messages are for people reading them)
api-error-bad-request = La requête ne suit pas la documentation de l’API.
api-error-invalid = Certains champs ne sont pas valides : voir problems.
api-error-unauthorized = Un jeton d’API valide est nécessaire (Authorization: Bearer …).
api-error-forbidden = Votre rôle ne le permet pas.
api-error-not-found = Rien ici, ou rien que vous puissiez voir.
api-error-method-not-allowed = Cette méthode n’est pas permise ici.
api-error-timeout = La requête a pris trop de temps.
api-error-too-large = La requête est trop volumineuse.
api-error-unsupported-media-type = Envoyez du JSON (Content-Type: application/json).
api-error-too-many-requests = Trop de requêtes : attendez un instant.
api-error-unavailable = Le service est indisponible un instant : réessayez bientôt.
api-error-internal = Une erreur s’est produite de notre côté.
api-error-unknown-area = Aucune commune ni aucun code postal belge ne correspond.
api-error-ambiguous-area = Plusieurs lieux correspondent : choisissez-en un dans choices et passez-le dans area.
