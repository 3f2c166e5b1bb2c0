# Ergebnis des Tests: was die Person auf ihrer Stufe kann (can) und was sie als Nächstes lernen kann (next), pro Bereich und Stufe (0 bis 4).

# Gerät und Grundlagen.
level-device-0-can = Sie machen Ihre ersten Schritte mit Handy oder Tablet. Das ist normal: Alle fangen hier an.
level-device-0-next = Nächster Schritt: das Gerät einschalten und eine App durch Tippen öffnen.
level-device-1-can = Sie entsperren Ihr Handy und stellen die Lautstärke ein. Sie prüfen den Akku.
level-device-1-next = Nächster Schritt: eine App installieren und die Schrift vergrößern.
level-device-2-can = Sie installieren eine App und machen Updates. Sie ändern die Schriftgröße.
level-device-2-next = Nächster Schritt: Platz schaffen, wenn Ihr Handy voll ist.
level-device-3-can = Sie schaffen Platz auf Ihrem Handy. Sie finden eine heruntergeladene Datei wieder.
level-device-3-next = Nächster Schritt: eine Sicherung Ihrer Fotos und Kontakte machen.
level-device-4-can = Sie sichern Ihre Fotos. Sie lösen kleine Probleme selbst.
level-device-4-next = Sie kommen mit Ihrem Gerät allein zurecht. Sie könnten anderen bei ihrem Gerät helfen.

# Informationen finden.
level-information-0-can = Sie fangen gerade mit dem Internet an. Das ist normal: Wir gehen Schritt für Schritt.
level-information-0-next = Nächster Schritt: auf einer Seite nach unten blättern und die Schrift vergrößern.
level-information-1-can = Sie öffnen das Internet. Sie finden das Suchfeld.
level-information-1-next = Nächster Schritt: mit ein paar klaren Wörtern suchen.
level-information-2-can = Sie suchen im Internet mit ein paar Wörtern. Sie finden Busfahrzeiten oder Öffnungszeiten.
level-information-2-next = Nächster Schritt: ein Dokument speichern und wiederfinden.
level-information-3-can = Sie laden ein Formular herunter und finden es wieder. Sie erkennen eine offizielle Website.
level-information-3-next = Nächster Schritt: mehrere Quellen vergleichen, bevor Sie einer Nachricht glauben.
level-information-4-can = Sie vergleichen mehrere Quellen. Sie prüfen das Datum einer Nachricht.
level-information-4-next = Sie finden Informationen selbstständig. Sie könnten anderen zeigen, wie man eine Quelle prüft.

# Kommunizieren.
level-communication-0-can = Sie brauchen noch keine E-Mails. Wir beginnen mit dem Telefonieren, Schritt für Schritt.
level-communication-0-next = Nächster Schritt: einen Anruf annehmen und auflegen.
level-communication-1-can = Sie rufen eine Person aus Ihren Kontakten an. Sie lesen eine SMS.
level-communication-1-next = Nächster Schritt: eine E-Mail schreiben und senden.
level-communication-2-can = Sie senden und lesen E-Mails. Sie telefonieren mit Video.
level-communication-2-next = Nächster Schritt: ein Dokument als Anhang senden.
level-communication-3-can = Sie senden ein Dokument oder ein Foto als Anhang. Sie schreiben eine höfliche E-Mail an eine Behörde.
level-communication-3-next = Nächster Schritt: eine große Datei senden und einen Videoanruf planen.
level-communication-4-can = Sie senden große Dateien. Sie planen einen Videoanruf mit mehreren Personen.
level-communication-4-next = Sie kommunizieren selbstständig. Sie könnten Angehörigen helfen, in Kontakt zu bleiben.

# Behördengänge und Zahlungen online.
level-procedures-0-can = Behördengänge im Internet können warten. Zuerst lernen wir die Grundlagen, Schritt für Schritt.
level-procedures-0-next = Nächster Schritt: einen Geheimcode auf einem Bildschirm eintippen.
level-procedures-1-can = Sie öffnen die App Ihrer Bank. Sie scannen einen QR-Code, um zu bezahlen.
level-procedures-1-next = Nächster Schritt: die App itsme installieren und ein einfaches Formular ausfüllen.
level-procedures-2-can = Sie installieren itsme. Sie füllen online ein einfaches Formular aus.
level-procedures-2-next = Nächster Schritt: sich mit itsme oder Ihrer eID-Karte bei MyMinfin anmelden.
level-procedures-3-can = Sie melden sich mit itsme oder Ihrer eID-Karte an. Sie bezahlen eine Rechnung online.
level-procedures-3-next = Nächster Schritt: eine Überweisung genau prüfen, bevor Sie sie bestätigen.
level-procedures-4-can = Sie erledigen einen ganzen Behördengang ohne Hilfe, zum Beispiel bei MyMinfin. Sie prüfen eine Überweisung, bevor Sie sie bestätigen.
level-procedures-4-next = Sie sind selbstständig. Bleiben Sie bei neuen Online-Diensten auf dem Laufenden und helfen Sie anderen, wenn Sie möchten.

# Sicherheit.
level-safety-0-can = Sie fangen gerade mit der Sicherheit im Internet an. Das ist normal: Wir beginnen mit einfachen Gewohnheiten.
level-safety-0-next = Nächster Schritt: Ihren Geheimcode beim Eintippen verdecken.
level-safety-1-can = Sie halten Ihre PIN geheim. Sie installieren Updates, wenn Ihr Handy danach fragt.
level-safety-1-next = Nächster Schritt: ein starkes Passwort erstellen und auf das Schloss achten.
level-safety-2-can = Sie erstellen ein starkes Passwort. Sie prüfen das Schloss neben der Internetadresse.
level-safety-2-next = Nächster Schritt: eine falsche SMS oder E-Mail erkennen, die Geld oder Codes verlangt.
level-safety-3-can = Sie erkennen eine falsche SMS oder E-Mail. Sie geben Ihre Codes nie am Telefon weiter.
level-safety-3-next = Nächster Schritt: für jede Website ein anderes Passwort benutzen.
level-safety-4-can = Sie benutzen für jede Website ein anderes Passwort. Sie melden verdächtige Nachrichten an Safeonweb.
level-safety-4-next = Sie sind selbstständig und vorsichtig. Sie könnten Ihre Angehörigen vor neuen Betrugsmaschen warnen.
