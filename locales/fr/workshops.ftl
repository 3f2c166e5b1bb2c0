# Calendrier public des ateliers (A2)
calendar-title = Ateliers près de chez vous
calendar-lead = Apprenez en petit groupe, gratuitement, avec un·e aidant·e numérique. Choisissez un atelier. Inscrivez-vous avec votre nom et votre numéro de téléphone.
calendar-filters = Filtrer les ateliers
calendar-all-modules = Tous les ateliers
calendar-all-languages = Toutes les langues
calendar-none = Aucun atelier ne correspond à ces choix pour le moment.
calendar-ical = Ajouter à mon agenda (iCal)
result-workshops = Prochains ateliers près de chez vous
workshop-about-module = Ce que vous allez apprendre
workshop-dates = Dates
workshop-place = Lieu
workshop-place-none = Ailleurs (voir les dates)
workshop-language = Langue
workshop-device = Appareil
workshop-capacity = Places
workshop-seats-left = { $count ->
    [one] Il reste 1 place
   *[other] Il reste { $count } places
}
workshop-full = Complet : liste d’attente
workshop-cancelled = Cet atelier est annulé.
workshop-meetings-count = { $count } séances
registration-public-title = S’inscrire
registration-public-waiting-title = S’inscrire sur la liste d’attente
registration-public-hint = Nous demandons seulement votre nom et un numéro de téléphone. Nous les utilisons seulement pour vous contacter au sujet de cet atelier, et nous les effaçons 3 mois après.
registration-name = Nom
registration-phone = Numéro de téléphone
registration-email = E-mail (si vous voulez une invitation par e-mail)
registration-submit = M’inscrire
registration-public-join-waiting = Me mettre sur la liste d’attente
registration-public-booked = Vous êtes inscrit·e. À bientôt !
registration-public-waiting = L’atelier est complet. Vous êtes numéro { $position } sur la liste d’attente. Nous vous appelons si une place se libère.
registration-closed = Les inscriptions pour cet atelier sont fermées.
registration-error-name = Tapez un nom.
registration-error-phone = Tapez un numéro de téléphone, par exemple 0470 12 34 56.
registration-error-email = Cette adresse e-mail n’est pas complète. Exemple : nom@example.be.

# Pages des aidants : ateliers
workshops-title = Ateliers
workshops-none = Aucun atelier prévu.
workshop-title = Atelier
workshop-new = Planifier un atelier
workshop-module = Module
workshop-choose-module = Choisissez un module
workshop-date = Date de la première séance
workshop-hours = Horaire
workshop-start = Début
workshop-end = Fin
workshop-weeks = Nombre de séances
workshop-weeks-hint = Une séance par semaine, le même jour et aux mêmes heures.
workshop-facilitators = Animateur·rices
workshop-create = Planifier l’atelier
workshop-new-demand = Personnes en attente de ce module dans ce lieu : { $count }. Elles seront invitées quand vous planifierez l’atelier.
workshop-error-module = Choisissez un module du catalogue.
workshop-error-place = Choisissez un de vos lieux.
workshop-error-date = Indiquez une date entre aujourd’hui et dans deux ans.
workshop-error-hours = Indiquez l’horaire : la fin doit venir après le début.
workshop-error-weeks = Indiquez un nombre de séances entre 1 et 26.
workshop-error-capacity = Indiquez un nombre de places entre 1 et 100.
workshop-error-language = Choisissez une langue.
workshop-error-device = Choisissez un appareil.
workshop-created = L’atelier est planifié.
workshop-created-invited = L’atelier est planifié. Les personnes en attente sont invitées : par e-mail si elles en ont donné un ; les autres sont sur la liste d’appel.
workshop-public-page = Page publique
workshop-participants = Participant·es
workshop-no-participant = Aucune inscription pour l’instant.
workshop-waiting-list = Liste d’attente
workshop-no-waiting = Personne sur la liste d’attente.
workshop-register-someone = Inscrire une personne
workshop-register-submit = Inscrire cette personne
workshop-person = Personne suivie
workshop-person-none = Aucune personne suivie (tapez un nom)
workshop-registered-booked = Inscription enregistrée.
workshop-registered-waiting = L’atelier est complet : inscription sur la liste d’attente.
workshop-registration-cancelled = Inscription annulée. Si quelqu’un attendait, cette personne a maintenant la place.
registration-cancel = Annuler
workshop-cancel = Annuler l’atelier
workshop-back = Retour à l’atelier
workshop-invitation-subject = Un atelier pour vous : { $module }
# An SMS (one part: 160 characters once accents are made plain; see docs/messages.md).
sms-workshop-invitation = Relais : votre atelier « { $module } » le { $date }, { $place }. Inscription/infos : { $phone }
workshop-invitation-body = Bonjour { $name },

    Vous avez demandé l’atelier « { $module } ». Un groupe va commencer :

    { $dates }
    { $place }

    Inscrivez-vous ici : { $link }

    À bientôt !
attendance-title = Présences
attendance-take = Prendre les présences
attendance-hint = Cochez les personnes présentes
attendance-save = Enregistrer les présences
attendance-saved = Présences enregistrées.
demand-title = Demandes de modules
demand-intro = Les personnes qui souhaitent suivre un module dans un de vos lieux. À partir de { $count } personnes en attente, vous pouvez ouvrir un groupe : elles sont alors invitées.
demand-none = Aucune demande en attente.
demand-waiting = { $count ->
    [one] 1 personne en attente
   *[other] { $count } personnes en attente
}
demand-enough = Assez de personnes pour un groupe.
demand-open = Ouvrir un groupe
demand-add = Ajouter une demande
demand-added = La demande est ajoutée.
demand-people = Personnes en attente
demand-withdraw = Retirer
demand-withdrawn = La demande est retirée.
call-list-title = Liste d’appel
call-list-hint = Les personnes invitées à ce groupe. Appelez celles qui n’ont pas d’e-mail ; cochez celles que vous avez jointes.
call-list-invited = Invité·e
call-list-reached = Joint·e
call-list-by-email = Par e-mail
call-list-to-call = À appeler

# Les modules propres d’une organisation
module-new = Publier un module
module-new-intro = Votre propre module, à côté des modules du réseau que chaque organisation peut animer. Il apparaît dans le catalogue public et vous pouvez en planifier des ateliers.
module-own = Vos modules
module-title = Titre
module-summary = En une phrase : ce que les personnes apprennent
module-goals-field = Objectifs (un par ligne)
module-level-from = Du niveau
module-level-to = Au niveau
module-theme = Thème (pour trouver de l’aide près de chez soi)
module-duration = Durée
module-minutes = Minutes par séance
module-resources-field-hint = Un par ligne : un titre, puis le lien (https://…).
module-publish = Publier le module
module-error-title = Donnez un titre.
module-error-summary = Dites en une phrase ce que les personnes apprennent.
module-error-goals = Donnez au moins un objectif.
module-error-resources = Chaque lien doit commencer par https://, après son titre.
module-error-levels = Choisissez un domaine, et un niveau « au » plus élevé que le niveau « du ».
module-error-theme = Choisissez un thème.
module-error-devices = Choisissez au moins un appareil.
module-error-languages = Choisissez au moins une langue.
module-error-duration = Donnez de 15 à 480 minutes et de 1 à 26 séances.

# Issue 14, item 8: a stale cancel or withdraw says that nothing changed
workshop-registration-unchanged = Cette inscription était déjà annulée : rien n’a changé.
demand-unchanged = Cette demande n’était plus en attente (déjà retirée, ou la personne est invitée à un atelier) : rien n’a été retiré.
