# Diagnostic : les cinq domaines
area-device = Appareil et bases
area-information = Trouver des informations
area-communication = Communiquer
area-procedures = Démarches et paiements en ligne
area-safety = Sécurité

# Page de départ (public, A2)
diagnostic-title = Que puis-je faire en ligne ?
diagnostic-lead = Un court diagnostic de vos compétences numériques. Ensuite, nous vous montrons ce que vous pouvez apprendre, et où.
diagnostic-areas = Les cinq parties du diagnostic
diagnostic-promise-time = Cela prend environ 10 minutes. Il n’y a pas de limite de temps.
diagnostic-promise-dont-know = Vous pouvez toujours répondre « Je ne sais pas ». Ce n’est pas grave.
diagnostic-promise-private = Nous ne demandons pas votre nom. Personne ne voit vos réponses, sauf si vous montrez votre code à un·e aidant·e numérique.
diagnostic-start = Commencer
read-aloud = Lire à voix haute

# Questions de départ
intake-title = Quelques questions sur vous
intake-lead = Cochez ce qui est vrai pour vous. Vous pouvez passer une question.
intake-devices = Quels appareils utilisez-vous ?
intake-device-smartphone = Smartphone
intake-device-tablet = Tablette
intake-device-computer = Ordinateur
intake-connection = Où utilisez-vous Internet ?
intake-connection-home = À la maison (Wi-Fi)
intake-connection-mobile = Avec les données mobiles
intake-connection-public = Dans un lieu public
intake-connection-none = Pas du tout
intake-identity = Avez-vous ceci ?
intake-identity-itsme = itsme
intake-identity-eid = Un lecteur de carte pour l’eID
intake-services = Qu’avez-vous déjà fait en ligne ?
intake-service-email = E-mail
intake-service-banking = Banque
intake-service-health-insurance = Mutuelle
intake-service-taxes = Impôts
intake-service-pension = Pension
intake-service-employment = Recherche d’emploi
intake-postcode = Votre code postal
intake-postcode-hint = Pour vous montrer de l’aide près de chez vous. Vous pouvez laisser vide.
intake-postcode-unknown = Nous ne connaissons pas ce code postal. Tapez un code postal belge de 4 chiffres, par exemple 6000.
intake-continue = Continuer

# Étape des bases
gate-title = Premiers pas
gate-step = Premiers pas
gate-touch-question = Touchez le grand bouton.
gate-touch-button = Ici
gate-type-question = Tapez ce mot :
gate-type-label = Le mot
gate-type-ok = OK
gate-type-empty = Tapez le mot dans la case, ou touchez « Je n’y arrive pas ».
gate-wifi-question = Touchez le signe du Wi-Fi (Internet sans câble).
gate-picture-wifi = Wi-Fi
gate-picture-battery = Batterie
gate-picture-volume = Son
gate-picture-camera = Appareil photo
gate-cannot = Je n’y arrive pas

# Questions
question-title = Question
question-number = Question { $number }
question-observed-hint = Pour l’aidant·e : regardez la personne le faire sur son propre appareil, puis choisissez.
question-no-hurry = Prenez votre temps. Il n’y a pas de limite de temps.
answer-dont-know = Je ne sais pas
answer-self-alone = Oui, seul·e
answer-self-help = Oui, avec de l’aide
answer-self-not-yet = Pas encore
answer-observed-alone = Fait seul·e
answer-observed-help = Fait avec de l’aide
answer-observed-not-done = Pas fait

# Résultat
result-title = Votre résultat
result-lead = Voici ce que vous savez déjà faire, et ce que vous pouvez apprendre ensuite.
result-print = Imprimer
result-level = Niveau { $level } sur 4
result-to-confirm = À confirmer
result-to-confirm-hint = « À confirmer » : nous ne sommes pas encore sûrs. Un·e aidant·e numérique peut le vérifier avec vous.
result-progress = Vous progressez !
result-first-steps-title = Commençons par les premiers pas
result-first-steps = Utiliser un appareil est nouveau pour vous. Ce n’est pas grave : un·e aidant·e numérique peut vous montrer, pas à pas, avec un appareil que vous pouvez emprunter.
result-modules = Ce que vous pouvez apprendre ensuite
result-no-module = Vous êtes autonome. Vous pouvez aider d’autres personnes, ou demander de nouveaux sujets à un·e aidant·e numérique.
result-help = De l’aide près de chez vous
result-no-help = Nous n’avons trouvé aucun lieu près de chez vous pour ces sujets.
result-search-help = Chercher dans tous les lieux
result-find-help = Trouver de l’aide
result-code-title = Votre code
result-code-hint = Montrez ce code à un·e aidant·e numérique. Cette personne peut voir votre résultat et continuer à vous aider.
result-override = Choisir les modules (aidant·e)
result-override-hint = Les modules à proposer (3 au maximum)
result-override-save = Enregistrer les modules

# Catalogue
catalogue-title = Ateliers et modules
catalogue-lead = Ce que vous pouvez apprendre dans un atelier, en petit groupe, près de chez vous.
catalogue-filters = Filtrer les modules
catalogue-area = Sujet
catalogue-all-areas = Tous les sujets
catalogue-device = Appareil
catalogue-all-devices = Tous les appareils
catalogue-filter = Afficher
catalogue-none = Aucun module ne correspond à ces choix.
catalogue-take-diagnostic = Vous ne savez pas par où commencer ? Faites le court diagnostic.
catalogue-back = Tous les modules
device-pc = Ordinateur
device-tablet = Tablette
device-smartphone = Smartphone
module-meetings = { $count ->
    [one] 1 séance de { $minutes } minutes
   *[other] { $count } séances de { $minutes } minutes
}
module-network = Module du réseau
module-goals = Vous apprendrez à
module-for-whom = Pour qui
module-target = { $area } : du niveau { $from } au niveau { $to }
module-prerequisites = Avant de commencer
module-materials = À apporter
module-resources = Apprendre à la maison
module-resources-hint = Entre les ateliers, vous pouvez vous exercer avec ces sites.

# Pages des aidants
diagnostics-title = Diagnostics
diagnostics-intro = Un court diagnostic des compétences numériques d’une personne dans cinq domaines, avec les modules à proposer. Faites-le avec la personne, ou laissez-la le faire seule puis liez-le grâce à son code.
diagnostics-start = Commencer un diagnostic avec une personne
diagnostics-person = Personne suivie
diagnostics-person-none = Anonyme (sans fiche)
diagnostics-start-button = Commencer le diagnostic
diagnostics-public-link = Une personne peut aussi le faire seule, sans compte :
diagnostics-link = Lier un diagnostic fait seul
diagnostics-code = Code affiché sur le résultat de la personne
diagnostics-link-button = Lier
diagnostics-link-empty = Tapez le code affiché sur le résultat de la personne.
diagnostics-linked = Le diagnostic est lié.
diagnostics-latest = Derniers diagnostics
diagnostics-none = Aucun diagnostic pour l’instant.
diagnostics-when = Début
diagnostics-levels = Niveaux
diagnostics-in-progress = En cours
diagnostics-mode-assisted = Avec un·e aidant·e
diagnostics-mode-alone = Seul·e

# Administrateurs de la plateforme : la banque de questions
admin-items-title = Banque de questions du diagnostic
admin-items-intro = Chaque question du diagnostic, avec le nombre de réponses et de bonnes réponses. Une question réussie bien plus (ou moins) souvent que son niveau ne le laisse attendre demande peut-être une nouvelle difficulté.
admin-item-title = Question
admin-item-code = Code
admin-item-question = Énoncé
admin-item-alt = Texte alternatif de l’image
admin-item-options = Réponses (une par ligne)
admin-item-answered = Réponses
admin-item-right = Réussite
admin-item-inactive = non posée
admin-item-answer = Numéro de la bonne réponse (0 = la première)
admin-item-difficulty = Difficulté (le niveau où la moitié répond juste)
admin-item-discrimination = Discrimination
admin-item-active = Les sessions peuvent poser cette question
admin-item-save = Enregistrer la question
admin-item-saved = La question est enregistrée.
admin-item-error-text = Donnez l’énoncé et le texte alternatif dans chaque langue.
admin-item-error-options = Donnez 3 ou 4 réponses, le même nombre dans chaque langue.
admin-item-error-answer = La bonne réponse doit être l’une des réponses (0 = la première).
admin-item-error-calibration = Donnez une difficulté de -1 à 5 et une discrimination de 0,2 à 4.
admin-items-recalibrate = Recalibrer d’après les réponses
admin-items-recalibrate-hint = Donne à chaque question posée au moins { $count } fois la difficulté qui explique le mieux les réponses, selon le niveau où chaque personne a été placée.
admin-items-recalibrated = { $count ->
    [one] 1 question recalibrée.
   *[other] { $count } questions recalibrées.
}
admin-item-difficulty-short = Difficulté

# Issue 14, item 7: diagnostic codes (one answer for every refusal, throttle, expiry)
diagnostics-link-refused = Ce code n’ouvre aucun diagnostic : il n’existe pas, il est déjà lié ou il n’est plus valable (un code vaut { $days } jours). Vérifiez les 6 caractères avec la personne, ou faites le diagnostic ensemble.
diagnostics-link-throttled = Trop de codes essayés. Attendez { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    } avant de réessayer.
result-code-valid-until = Ce code est valable jusqu’au { $date } inclus. Après, vous pourrez refaire le diagnostic avec l’aidant·e.
