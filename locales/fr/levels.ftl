# Résultat du diagnostic : ce que la personne sait faire à son niveau (can) et ce qu’elle peut apprendre ensuite (next), par domaine et par niveau (0 à 4).

# Appareil et bases.
level-device-0-can = Vous faites vos premiers pas avec un téléphone ou une tablette. C’est normal : tout le monde commence ici.
level-device-0-next = Prochaine étape : allumer l’appareil et ouvrir une application en la touchant.
level-device-1-can = Vous déverrouillez votre téléphone et réglez le volume. Vous vérifiez la batterie.
level-device-1-next = Prochaine étape : installer une application et agrandir le texte.
level-device-2-can = Vous installez une application et faites les mises à jour. Vous changez la taille du texte.
level-device-2-next = Prochaine étape : libérer de la place quand votre téléphone est plein.
level-device-3-can = Vous libérez de la place sur votre téléphone. Vous retrouvez un fichier téléchargé.
level-device-3-next = Prochaine étape : faire une copie de sauvegarde de vos photos et contacts.
level-device-4-can = Vous sauvegardez vos photos. Vous réglez vous-même les petits problèmes.
level-device-4-next = Vous êtes autonome avec votre appareil. Vous pourriez aider d’autres personnes avec le leur.

# Trouver des informations.
level-information-0-can = Vous débutez avec Internet. C’est normal : nous avançons pas à pas.
level-information-0-next = Prochaine étape : faire défiler une page et agrandir le texte.
level-information-1-can = Vous ouvrez Internet. Vous trouvez la case de recherche.
level-information-1-next = Prochaine étape : chercher avec quelques mots clairs.
level-information-2-can = Vous cherchez sur Internet avec quelques mots. Vous trouvez l’horaire d’un bus ou d’un magasin.
level-information-2-next = Prochaine étape : enregistrer un document et le retrouver.
level-information-3-can = Vous téléchargez un formulaire et le retrouvez. Vous reconnaissez un site officiel.
level-information-3-next = Prochaine étape : comparer plusieurs sources avant de croire une information.
level-information-4-can = Vous comparez plusieurs sources. Vous vérifiez la date d’une information.
level-information-4-next = Vous trouvez l’information vous-même. Vous pourriez montrer aux autres comment vérifier une source.

# Communiquer.
level-communication-0-can = Vous n’avez pas encore besoin des e-mails. Nous commençons par les appels, pas à pas.
level-communication-0-next = Prochaine étape : répondre à un appel et raccrocher.
level-communication-1-can = Vous appelez une personne de vos contacts. Vous lisez un SMS.
level-communication-1-next = Prochaine étape : écrire et envoyer un e-mail.
level-communication-2-can = Vous envoyez et lisez des e-mails. Vous faites des appels vidéo.
level-communication-2-next = Prochaine étape : envoyer un document en pièce jointe.
level-communication-3-can = Vous envoyez un document ou une photo en pièce jointe. Vous écrivez un e-mail poli à un service.
level-communication-3-next = Prochaine étape : envoyer un gros fichier et organiser un appel vidéo.
level-communication-4-can = Vous envoyez de gros fichiers. Vous organisez un appel vidéo à plusieurs.
level-communication-4-next = Vous communiquez en autonomie. Vous pourriez aider un proche à garder le contact.

# Démarches et paiements en ligne.
level-procedures-0-can = Les démarches en ligne peuvent attendre. D’abord, nous apprenons les bases, pas à pas.
level-procedures-0-next = Prochaine étape : taper un code secret sur un écran.
level-procedures-1-can = Vous ouvrez l’application de votre banque. Vous scannez un code QR pour payer.
level-procedures-1-next = Prochaine étape : installer l’application itsme et remplir un formulaire simple.
level-procedures-2-can = Vous installez itsme. Vous remplissez un formulaire simple en ligne.
level-procedures-2-next = Prochaine étape : vous connecter à MyMinfin avec itsme ou votre carte eID.
level-procedures-3-can = Vous vous connectez avec itsme ou votre carte eID. Vous payez une facture en ligne.
level-procedures-3-next = Prochaine étape : bien vérifier un virement avant de le signer.
level-procedures-4-can = Vous faites une démarche complète sans aide, par exemple sur MyMinfin. Vous vérifiez un virement avant de le signer.
level-procedures-4-next = Vous êtes autonome. Suivez les nouveaux services en ligne et aidez d’autres personnes si vous le souhaitez.

# Sécurité.
level-safety-0-can = Vous débutez avec la sécurité en ligne. C’est normal : nous commençons par des gestes simples.
level-safety-0-next = Prochaine étape : cacher votre code secret quand vous le tapez.
level-safety-1-can = Vous gardez votre code PIN secret. Vous installez les mises à jour quand le téléphone le demande.
level-safety-1-next = Prochaine étape : créer un mot de passe solide et repérer le cadenas.
level-safety-2-can = Vous créez un mot de passe solide. Vous vérifiez le cadenas à côté de l’adresse du site.
level-safety-2-next = Prochaine étape : reconnaître un faux SMS ou un faux e-mail qui demande de l’argent ou vos codes.
level-safety-3-can = Vous reconnaissez un faux SMS ou un faux e-mail. Vous ne donnez jamais vos codes au téléphone.
level-safety-3-next = Prochaine étape : utiliser un mot de passe différent pour chaque site.
level-safety-4-can = Vous utilisez un mot de passe différent pour chaque site. Vous signalez les messages suspects à Safeonweb.
level-safety-4-next = Vous êtes autonome et vous faites attention. Vous pourriez prévenir vos proches des nouvelles arnaques.
