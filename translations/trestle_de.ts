<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QLabel</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Add the folder &lt;dir&gt; as the &quot;Demo share&quot; connection (once).</source>
        <translation>Den Ordner &lt;dir&gt; einmalig als Verbindung „Demo share“ hinzufügen.</translation>
    </message>
    <message>
        <source>Offer the bundled Procore sandbox at &lt;url&gt; as a connection domain.</source>
        <translation>Bietet die mitgelieferte Procore-Sandbox unter &lt;url&gt; als Verbindungsdomain an.</translation>
    </message>
    <message>
        <source>Not a URL: %1</source>
        <translation>Keine URL: %1</translation>
    </message>
    <message>
        <source>Trestle</source>
        <translation>Trestle</translation>
    </message>
    <message>
        <source>Trestle cannot open its database: %1</source>
        <translation>Trestle kann seine Datenbank nicht öffnen: %1</translation>
    </message>
    <message>
        <source>Move construction project files between Procore and file shares.

Without a command, opens the window. Commands (trestle &lt;command&gt; --help for each):
  analyze, copy, sync, migrate, jobs, resume, retry, report, connections, projects</source>
        <translation>Verschiebt Bauprojektdateien zwischen Procore und Dateifreigaben.

Ohne Befehl öffnet sich das Fenster. Befehle (jeweils trestle &lt;Befehl&gt; --help):
  analyze, copy, sync, migrate, jobs, resume, retry, report, connections, projects</translation>
    </message>
</context>
<context>
    <name>trestle::ApiCall</name>
    <message>
        <source>This connection is not signed in.</source>
        <translation>Diese Verbindung ist nicht angemeldet.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Procore sent a link to another server.</source>
        <translation>Procore hat einen Link zu einem anderen Server gesendet.</translation>
    </message>
    <message>
        <source>The file cannot be sent again.</source>
        <translation>Die Datei kann nicht erneut gesendet werden.</translation>
    </message>
    <message>
        <source>Procore rejected the sign-in even after renewing it %1 times. Sign in again.</source>
        <translation>Procore hat die Anmeldung auch nach %1 Erneuerungen abgelehnt. Melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>trestle::ApiErrors</name>
    <message>
        <source>Procore sent a reply Trestle does not understand.</source>
        <translation>Procore hat eine Antwort gesendet, die Trestle nicht versteht.</translation>
    </message>
    <message>
        <source>The Procore sign-in has expired.</source>
        <translation>Die Procore-Anmeldung ist abgelaufen.</translation>
    </message>
    <message>
        <source>You do not have permission to do this in Procore.</source>
        <translation>Sie haben in Procore keine Berechtigung dafür.</translation>
    </message>
    <message>
        <source>The item does not exist in Procore any more, or you have no access to it.</source>
        <translation>Das Element existiert in Procore nicht mehr, oder Sie haben keinen Zugriff darauf.</translation>
    </message>
    <message>
        <source>Procore reported a conflict.</source>
        <translation>Procore hat einen Konflikt gemeldet.</translation>
    </message>
    <message>
        <source>The Procore API budget for this hour is used up; Trestle waits until it resets.</source>
        <translation>Das Procore-API-Kontingent dieser Stunde ist aufgebraucht; Trestle wartet, bis es zurückgesetzt wird.</translation>
    </message>
    <message>
        <source>Procore did not answer in time.</source>
        <translation>Procore hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>Procore had a problem (HTTP %1). Please try again later.</source>
        <translation>Bei Procore ist ein Problem aufgetreten (HTTP %1). Bitte versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Procore refused the request.</source>
        <translation>Procore hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <source>Procore sent an unexpected answer (HTTP %1).</source>
        <translation>Procore hat eine unerwartete Antwort gesendet (HTTP %1).</translation>
    </message>
    <message>
        <source>Sign in again to %1.</source>
        <translation>Melden Sie sich erneut bei %1 an.</translation>
    </message>
    <message>
        <source>Procore refused the sign-in for %1.</source>
        <translation>Procore hat die Anmeldung für %1 abgelehnt.</translation>
    </message>
    <message>
        <source>The secure connection to Procore could not be verified. Check the date, the network&apos;s proxy and the certificate.</source>
        <translation>Die sichere Verbindung zu Procore konnte nicht überprüft werden. Prüfen Sie das Datum, den Proxy des Netzwerks und das Zertifikat.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot reach Procore. Check the network connection.</source>
        <translation>Procore ist nicht erreichbar. Prüfen Sie die Netzwerkverbindung.</translation>
    </message>
</context>
<context>
    <name>trestle::AuthorizationCodeFlow</name>
    <message>
        <source>The sign-in answer did not belong to this sign-in. Please try again.</source>
        <translation>Die Antwort gehörte nicht zu dieser Anmeldung. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Procore refused the sign-in (%1).</source>
        <translation>Procore hat die Anmeldung abgelehnt (%1).</translation>
    </message>
    <message>
        <source>Procore refused the sign-in: %1</source>
        <translation>Procore hat die Anmeldung abgelehnt: %1</translation>
    </message>
    <message>
        <source>Procore&apos;s sign-in answer carried no code.</source>
        <translation>Die Anmeldeantwort von Procore enthielt keinen Code.</translation>
    </message>
</context>
<context>
    <name>trestle::BreadcrumbBar</name>
    <message>
        <source>Root</source>
        <translation>Stammordner</translation>
    </message>
</context>
<context>
    <name>trestle::BudgetChart</name>
    <message>
        <source>API calls in the last hour</source>
        <translation>API-Aufrufe in der letzten Stunde</translation>
    </message>
    <message>
        <source>60 min ago</source>
        <translation>vor 60 Min.</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>calls per minute</source>
        <translation>Aufrufe pro Minute</translation>
    </message>
    <message>
        <source>budget left (share of the hour)</source>
        <translation>Restkontingent</translation>
    </message>
</context>
<context>
    <name>trestle::BudgetMeterWidget</name>
    <message>
        <source>API budget</source>
        <translation>API-Kontingent</translation>
    </message>
    <message>
        <source>no calls yet</source>
        <translation>noch keine Aufrufe</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>resetting</source>
        <translation>wird zurückgesetzt</translation>
    </message>
    <message>
        <source>resets in &lt; 1 min</source>
        <translation>Reset in &lt; 1 Min.</translation>
    </message>
    <message numerus="yes">
        <source>resets in %n min</source>
        <translation>
            <numerusform>Reset in %n Min.</numerusform>
            <numerusform>Reset in %n Min.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1/min</source>
        <translation>%1/Min.</translation>
    </message>
    <message>
        <source>waiting until %1</source>
        <translation>wartet bis %1</translation>
    </message>
    <message>
        <source>Procore API calls left this hour for this application.</source>
        <translation>Verbleibende Procore-API-Aufrufe dieser Anwendung in dieser Stunde.</translation>
    </message>
    <message>
        <source>Short-term limit: %1 of %2 left</source>
        <translation>Kurzzeitlimit: %1 von %2 übrig</translation>
    </message>
    <message>
        <source>At this pace the budget runs out at %1</source>
        <translation>In diesem Tempo ist das Kontingent um %1 aufgebraucht</translation>
    </message>
    <message>
        <source>Click for the last hour.</source>
        <translation>Klicken für die letzte Stunde.</translation>
    </message>
    <message>
        <source>API calls in the last hour</source>
        <translation>API-Aufrufe in der letzten Stunde</translation>
    </message>
</context>
<context>
    <name>trestle::ConflictDecisions</name>
    <message>
        <source>This item does not wait for a decision.</source>
        <translation>Dieses Element wartet auf keine Entscheidung.</translation>
    </message>
    <message>
        <source>both kept as they are (decided by the user)</source>
        <translation>beide bleiben, wie sie sind (vom Benutzer entschieden)</translation>
    </message>
    <message>
        <source>the destination&apos;s copy wins (decided by the user)</source>
        <translation>die Kopie am Ziel gewinnt (vom Benutzer entschieden)</translation>
    </message>
    <message>
        <source>the source&apos;s copy wins (decided by the user)</source>
        <translation>die Kopie der Quelle gewinnt (vom Benutzer entschieden)</translation>
    </message>
    <message>
        <source>both kept: the source&apos;s copy under a new name beside the destination&apos;s (decided by the user)</source>
        <translation>beide behalten: die Datei der Quelle unter neuem Namen neben der des Ziels (vom Benutzer entschieden)</translation>
    </message>
    <message>
        <source>both kept: the destination&apos;s copy keeps the name on both sides (decided by the user)</source>
        <translation>beide behalten: die Datei des Ziels behält den Namen auf beiden Seiten (vom Benutzer entschieden)</translation>
    </message>
</context>
<context>
    <name>trestle::ConflictsDialog</name>
    <message>
        <source>size unknown</source>
        <translation>Größe unbekannt</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Resolve conflicts</source>
        <translation>Konflikte lösen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>For &amp;all files:</source>
        <translation>Für &amp;alle Dateien:</translation>
    </message>
    <message>
        <source>&amp;Apply and go on</source>
        <translation>&amp;Übernehmen und fortfahren</translation>
    </message>
    <message>
        <source>1 file exists on both sides and differs. Choose what becomes of it; the job then copies what you chose. Left at “Decide later”, it keeps waiting.</source>
        <translation>1 Datei gibt es auf beiden Seiten mit unterschiedlichem Inhalt. Wählen Sie, was mit ihr geschieht; der Auftrag kopiert dann, was Sie gewählt haben. Bleibt sie auf „Später entscheiden“, wartet sie weiter.</translation>
    </message>
    <message numerus="yes">
        <source>%n files exist on both sides and differ. Choose what becomes of each; the job then copies what you chose. Files left at “Decide later” keep waiting.</source>
        <translation>
            <numerusform>%n Datei gibt es auf beiden Seiten mit unterschiedlichem Inhalt. Wählen Sie, was mit ihr geschieht; der Auftrag kopiert dann, was Sie gewählt haben. Bleibt sie auf „Später entscheiden“, wartet sie weiter.</numerusform>
            <numerusform>%n Dateien gibt es auf beiden Seiten mit unterschiedlichem Inhalt. Wählen Sie, was mit jeder geschieht; der Auftrag kopiert dann, was Sie gewählt haben. Dateien auf „Später entscheiden“ warten weiter.</numerusform>
        </translation>
    </message>
    <message>
        <source>The first %1 are listed; the others follow once these are decided.</source>
        <translation>Die ersten %1 sind aufgeführt; die übrigen folgen, sobald diese entschieden sind.</translation>
    </message>
    <message>
        <source>The waiting files could not be read: %1</source>
        <translation>Die wartenden Dateien konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Später entscheiden</translation>
    </message>
    <message>
        <source>Add the source’s file as a new version</source>
        <translation>Datei der Quelle als neue Version hinzufügen</translation>
    </message>
    <message>
        <source>Overwrite with the source’s file</source>
        <translation>Mit der Datei der Quelle überschreiben</translation>
    </message>
    <message>
        <source>Keep both (the source’s file under a new name)</source>
        <translation>Beide behalten (die Datei der Quelle unter neuem Namen)</translation>
    </message>
    <message>
        <source>Skip (leave both as they are)</source>
        <translation>Überspringen (beide bleiben, wie sie sind)</translation>
    </message>
    <message>
        <source>Copy the destination’s file back</source>
        <translation>Datei des Ziels zurückkopieren</translation>
    </message>
    <message>
        <source>%1
at the destination: %2</source>
        <translation>%1
am Ziel: %2</translation>
    </message>
    <message>
        <source>looking…</source>
        <translation>wird gesucht…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>trestle::ConnectionListModel</name>
    <message>
        <source>File share</source>
        <translation>Dateifreigabe</translation>
    </message>
    <message>
        <source>Procore</source>
        <translation>Procore</translation>
    </message>
    <message>
        <source>Service account</source>
        <translation>Dienstkonto</translation>
    </message>
    <message>
        <source>Not tested</source>
        <translation>Nicht getestet</translation>
    </message>
    <message>
        <source>%1 (tested %2)</source>
        <translation>%1 (getestet %2)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Test failed</source>
        <translation>Test fehlgeschlagen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>trestle::ConnectionManager</name>
    <message>
        <source>A file share needs no sign-in.</source>
        <translation>Eine Dateifreigabe braucht keine Anmeldung.</translation>
    </message>
    <message>
        <source>This connection is busy; try again in a moment.</source>
        <translation>Diese Verbindung ist beschäftigt; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The sign-in of %1 is missing. Use Reconnect to sign in again.</source>
        <translation>Die Anmeldung von %1 fehlt. Melden Sie sich mit „Neu verbinden“ erneut an.</translation>
    </message>
    <message>
        <source>The sign-in of %1 is no longer valid (a changed password or a revoked access). Use Reconnect to sign in again.</source>
        <translation>Die Anmeldung von %1 ist nicht mehr gültig (geändertes Passwort oder entzogener Zugriff). Melden Sie sich mit „Neu verbinden“ erneut an.</translation>
    </message>
    <message>
        <source>The system keychain is not available, so the connection&apos;s secrets cannot be removed: %1</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar, daher können die Geheimnisse der Verbindung nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>The connection&apos;s secrets could not be removed from the system keychain, so the connection was kept: %1</source>
        <translation>Die Geheimnisse der Verbindung konnten nicht aus dem Schlüsselbund entfernt werden, daher wurde die Verbindung behalten: %1</translation>
    </message>
</context>
<context>
    <name>trestle::ConnectionManagerDialog</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Reconnect…</source>
        <translation>&amp;Neu verbinden…</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Connection test succeeded</source>
        <translation>Verbindungstest erfolgreich</translation>
    </message>
    <message>
        <source>The connection was deleted and its sign-in revoked.</source>
        <translation>Die Verbindung wurde gelöscht und ihre Anmeldung widerrufen.</translation>
    </message>
    <message>
        <source>Edit connection</source>
        <translation>Verbindung bearbeiten</translation>
    </message>
    <message>
        <source>Display as:</source>
        <translation>Anzeigen als:</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>Verbindung löschen</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? Trestle signs it out at Procore and removes its secrets from the keychain.</source>
        <translation>„%1“ löschen? Trestle meldet die Verbindung bei Procore ab und entfernt ihre Geheimnisse aus dem Schlüsselbund.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Wird gelöscht…</translation>
    </message>
</context>
<context>
    <name>trestle::ConnectionMessages</name>
    <message>
        <source>Connection test succeeded</source>
        <translation>Verbindungstest erfolgreich</translation>
    </message>
    <message>
        <source>The Procore API budget of this application is exhausted until %1. Try again after that time.</source>
        <translation>Das Procore-API-Kontingent dieser Anwendung ist bis %1 aufgebraucht. Versuchen Sie es danach erneut.</translation>
    </message>
    <message>
        <source>Cannot reach %1. Check the network connection, the proxy settings and the Domain.</source>
        <translation>%1 ist nicht erreichbar. Prüfen Sie die Netzwerkverbindung, die Proxy-Einstellungen und die Domain.</translation>
    </message>
    <message>
        <source>%1 did not answer in time. Check the network connection and try again.</source>
        <translation>%1 hat nicht rechtzeitig geantwortet. Prüfen Sie die Netzwerkverbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The secure (TLS) connection to %1 could not be verified. Check the computer&apos;s date and time and whether a proxy intercepts HTTPS.</source>
        <translation>Die sichere (TLS-)Verbindung zu %1 konnte nicht überprüft werden. Prüfen Sie Datum und Uhrzeit des Computers und ob ein Proxy HTTPS abfängt.</translation>
    </message>
    <message>
        <source>The Procore API budget of this application is exhausted for now. Try again later.</source>
        <translation>Das Procore-API-Kontingent dieser Anwendung ist vorerst aufgebraucht. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>%1 had a problem (HTTP %2). Try again in a few minutes.</source>
        <translation>Bei %1 ist ein Problem aufgetreten (HTTP %2). Versuchen Sie es in ein paar Minuten erneut.</translation>
    </message>
    <message>
        <source>Procore refused the client credentials: the Client Secret is wrong or does not belong to this Client ID. Copy both again from your app in the Procore Developer Portal.</source>
        <translation>Procore hat die Client-Anmeldedaten abgelehnt: Das Client Secret ist falsch oder gehört nicht zu dieser Client ID. Kopieren Sie beide erneut aus Ihrer App im Procore Developer Portal.</translation>
    </message>
    <message>
        <source>Procore refused the service account: the client ID or client secret is wrong. Copy both again from the service account&apos;s page in Procore&apos;s Company Admin.</source>
        <translation>Procore hat das Dienstkonto abgelehnt: Client ID oder Client Secret ist falsch. Kopieren Sie beide erneut von der Seite des Dienstkontos im Administrations-Tool auf Unternehmensebene von Procore.</translation>
    </message>
    <message>
        <source>%1 refused Trestle&apos;s built-in client credentials. Choose &quot;Use custom client credentials&quot; and enter your own Procore app&apos;s Client ID and Client Secret.</source>
        <translation>%1 hat die eingebauten Client-Anmeldedaten von Trestle abgelehnt. Wählen Sie „Eigene Client-Anmeldedaten verwenden“ und geben Sie Client ID und Client Secret Ihrer eigenen Procore-App ein.</translation>
    </message>
    <message>
        <source>Procore refused to show its sign-in page: the Client ID is unknown on this Domain, or the redirect URI %1 is not registered for your app. Register it in the app&apos;s settings in the Procore Developer Portal.</source>
        <translation>Procore zeigt seine Anmeldeseite nicht an: Die Client ID ist auf dieser Domain unbekannt, oder die Weiterleitungs-URI %1 ist für Ihre App nicht registriert. Registrieren Sie sie in den Einstellungen der App im Procore Developer Portal.</translation>
    </message>
    <message>
        <source>Procore refused to show its sign-in page for Trestle&apos;s built-in application (the redirect URI %1 may not be registered on this Domain). Use custom client credentials.</source>
        <translation>Procore zeigt seine Anmeldeseite für die eingebaute Anwendung von Trestle nicht an (die Weiterleitungs-URI %1 ist auf dieser Domain eventuell nicht registriert). Verwenden Sie eigene Client-Anmeldedaten.</translation>
    </message>
    <message>
        <source>This account may not list companies or projects. Ask a Procore administrator to add it to the project&apos;s directory.</source>
        <translation>Dieses Konto darf keine Unternehmen oder Projekte auflisten. Bitten Sie einen Procore-Administrator, es dem Verzeichnis des Projekts hinzuzufügen.</translation>
    </message>
    <message>
        <source>The sign-in is no longer valid. Go back and sign in again.</source>
        <translation>Die Anmeldung ist nicht mehr gültig. Gehen Sie zurück und melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>This account has no permission for the Documents tool. Ask a Procore administrator to grant it at least Read Only access to Documents.</source>
        <translation>Dieses Konto hat keine Berechtigung für das Dokumente-Tool. Bitten Sie einen Procore-Administrator, ihm mindestens „Nur Lesen“ für Dokumente zu erteilen.</translation>
    </message>
    <message>
        <source>This account has no access to the Documents of &quot;%1&quot;. Ask a Procore administrator to add it to the project (or to the service account&apos;s permitted projects).</source>
        <translation>Dieses Konto hat keinen Zugriff auf die Dokumente von „%1“. Bitten Sie einen Procore-Administrator, es dem Projekt hinzuzufügen (oder den zulässigen Projekten des Dienstkontos).</translation>
    </message>
    <message>
        <source>The Documents of &quot;%1&quot; cannot be found: the project was deleted or this account has no access to it.</source>
        <translation>Die Dokumente von „%1“ wurden nicht gefunden: Das Projekt wurde gelöscht, oder dieses Konto hat keinen Zugriff darauf.</translation>
    </message>
    <message>
        <source>The sign-in is no longer valid. Reconnect to sign in again.</source>
        <translation>Die Anmeldung ist nicht mehr gültig. Verbinden Sie neu, um sich erneut anzumelden.</translation>
    </message>
</context>
<context>
    <name>trestle::ConnectionSetup</name>
    <message>
        <source>Enter the Domain as a full URL, for example https://api.procore.com/.</source>
        <translation>Geben Sie die Domain als vollständige URL ein, zum Beispiel https://api.procore.com/.</translation>
    </message>
    <message>
        <source>Enter the Client ID of your Procore app.</source>
        <translation>Geben Sie die Client ID Ihrer Procore-App ein.</translation>
    </message>
    <message>
        <source>Enter the Client Secret of your Procore app.</source>
        <translation>Geben Sie das Client Secret Ihrer Procore-App ein.</translation>
    </message>
    <message>
        <source>Enter the service account&apos;s client ID.</source>
        <translation>Geben Sie die Client ID des Dienstkontos ein.</translation>
    </message>
    <message>
        <source>Enter the service account&apos;s client secret.</source>
        <translation>Geben Sie das Client Secret des Dienstkontos ein.</translation>
    </message>
    <message>
        <source>Enter the Company ID the service account belongs to (a number).</source>
        <translation>Geben Sie die Unternehmens-ID ein, zu der das Dienstkonto gehört (eine Zahl).</translation>
    </message>
    <message>
        <source>The sign-in was not started.</source>
        <translation>Die Anmeldung wurde nicht gestartet.</translation>
    </message>
    <message>
        <source>Service account %1</source>
        <translation>Dienstkonto %1</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>Company %1</source>
        <translation>Unternehmen %1</translation>
    </message>
    <message>
        <source>Sign in and choose a project first.</source>
        <translation>Melden Sie sich an und wählen Sie zuerst ein Projekt.</translation>
    </message>
    <message>
        <source>This connection is already being saved.</source>
        <translation>Diese Verbindung wird bereits gespeichert.</translation>
    </message>
    <message>
        <source>Test the connection before saving it.</source>
        <translation>Testen Sie die Verbindung, bevor Sie sie speichern.</translation>
    </message>
    <message>
        <source>The system keychain refused to store the connection&apos;s secrets: %1</source>
        <translation>Der Schlüsselbund des Systems hat das Speichern der Geheimnisse der Verbindung abgelehnt: %1</translation>
    </message>
    <message>
        <source>The connection was not saved.</source>
        <translation>Die Verbindung wurde nicht gespeichert.</translation>
    </message>
</context>
<context>
    <name>trestle::ConnectionStores</name>
    <message>
        <source>“%1” names no connection: write %2&lt;connection name or id&gt;/&lt;folder&gt;.</source>
        <translation>„%1“ nennt keine Verbindung: Schreiben Sie %2&lt;Verbindungsname oder ID&gt;/&lt;Ordner&gt;.</translation>
    </message>
    <message>
        <source>“%1” names several connections: %2. Give the id instead of the name.</source>
        <translation>„%1“ passt auf mehrere Verbindungen: %2. Geben Sie statt des Namens die ID an.</translation>
    </message>
    <message>
        <source>“%1” is a file share: write share:%1.</source>
        <translation>„%1“ ist eine Dateifreigabe: Schreiben Sie share:%1.</translation>
    </message>
    <message>
        <source>“%1” is a Procore connection: write procore:%1.</source>
        <translation>„%1“ ist eine Procore-Verbindung: Schreiben Sie procore:%1.</translation>
    </message>
    <message>
        <source>There is no saved %1 connection called “%2”. `trestle connections` lists them.</source>
        <translation>Es gibt keine gespeicherte Verbindung (%1) namens „%2“. `trestle connections` listet sie auf.</translation>
    </message>
    <message>
        <source>Procore</source>
        <translation>Procore</translation>
    </message>
    <message>
        <source>file share</source>
        <translation>Dateifreigabe</translation>
    </message>
    <message>
        <source>Trestle cannot read the sign-in of %1 from the keychain: %2</source>
        <translation>Trestle kann die Anmeldung von %1 nicht aus dem Schlüsselbund lesen: %2</translation>
    </message>
    <message>
        <source>The connection “%1” was not prepared.</source>
        <translation>Die Verbindung „%1“ wurde nicht vorbereitet.</translation>
    </message>
    <message>
        <source>The file share %1 is not reachable at %2.</source>
        <translation>Die Dateifreigabe %1 ist unter %2 nicht erreichbar.</translation>
    </message>
    <message>
        <source>“%1” is not a Procore connection.</source>
        <translation>„%1“ ist keine Procore-Verbindung.</translation>
    </message>
    <message>
        <source>There is no saved connection “%1”; it may have been deleted. `trestle connections` lists the saved ones.</source>
        <translation>Es gibt keine gespeicherte Verbindung „%1“; sie wurde eventuell gelöscht. `trestle connections` listet die gespeicherten auf.</translation>
    </message>
    <message>
        <source>The sign-in of %1 is missing from the keychain. Use Reconnect in Trestle&apos;s connection manager to sign in again.</source>
        <translation>Die Anmeldung von %1 fehlt im Schlüsselbund. Melden Sie sich in der Verbindungsverwaltung von Trestle mit „Neu verbinden“ erneut an.</translation>
    </message>
    <message>
        <source>The sign-in of %1 is no longer valid (a changed password or a revoked access). Use Reconnect in Trestle&apos;s connection manager to sign in again.</source>
        <translation>Die Anmeldung von %1 ist nicht mehr gültig (geändertes Passwort oder entzogener Zugriff). Melden Sie sich in der Verbindungsverwaltung von Trestle mit „Neu verbinden“ erneut an.</translation>
    </message>
</context>
<context>
    <name>trestle::ConnectionWizard</name>
    <message>
        <source>Reconnect %1</source>
        <translation>%1 neu verbinden</translation>
    </message>
    <message>
        <source>Add connection</source>
        <translation>Verbindung hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Fertig</translation>
    </message>
</context>
<context>
    <name>trestle::ConnectionsCommand</name>
    <message>
        <source>connections | projects &lt;connection&gt;</source>
        <translation>connections | projects &lt;Verbindung&gt;</translation>
    </message>
    <message>
        <source>Print results as JSON.</source>
        <translation>Ergebnisse als JSON ausgeben.</translation>
    </message>
    <message>
        <source>Usage: trestle connections [--json] | projects &lt;connection name or id&gt; [--json]</source>
        <translation>Aufruf: trestle connections [--json] | projects &lt;Verbindungsname oder ID&gt; [--json]</translation>
    </message>
    <message>
        <source>No saved connections. Add one in Trestle&apos;s window (Connections).</source>
        <translation>Keine gespeicherten Verbindungen. Fügen Sie im Trestle-Fenster eine hinzu (Verbindungen).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>ART</translation>
    </message>
    <message>
        <source>PROJECT / PATH</source>
        <translation>PROJEKT / PFAD</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>There is no saved Procore connection called “%1”.</source>
        <translation>Es gibt keine gespeicherte Procore-Verbindung namens „%1“.</translation>
    </message>
    <message>
        <source>NUMBER</source>
        <translation>NUMMER</translation>
    </message>
</context>
<context>
    <name>trestle::CredentialsPage</name>
    <message>
        <source>Use the &amp;system default client credentials</source>
        <translation>&amp;Standard-Client-Anmeldedaten des Systems verwenden</translation>
    </message>
    <message>
        <source>Use &amp;custom client credentials</source>
        <translation>Ei&amp;gene Client-Anmeldedaten verwenden</translation>
    </message>
    <message>
        <source>Domain &amp;URL:</source>
        <translation>Domain-&amp;URL:</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>How this connection is shown, and which Procore app signs in.</source>
        <translation>Wie diese Verbindung angezeigt wird und welche Procore-App sich anmeldet.</translation>
    </message>
    <message>
        <source>Display as</source>
        <translation>Anzeigen als</translation>
    </message>
    <message>
        <source>Use the system default client credentials</source>
        <translation>Standard-Client-Anmeldedaten des Systems verwenden</translation>
    </message>
    <message>
        <source>Use custom client credentials</source>
        <translation>Eigene Client-Anmeldedaten verwenden</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>Custom URL…</source>
        <translation>Eigene URL…</translation>
    </message>
    <message>
        <source>Domain URL</source>
        <translation>Domain-URL</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client ID</translation>
    </message>
    <message>
        <source>Client Secret</source>
        <translation>Client Secret</translation>
    </message>
    <message>
        <source>&amp;Domain:</source>
        <translation>&amp;Domain:</translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation>Client &amp;ID:</translation>
    </message>
    <message>
        <source>Client S&amp;ecret:</source>
        <translation>Client S&amp;ecret:</translation>
    </message>
    <message>
        <source>Platform API credentials</source>
        <translation>Anmeldedaten für die Platform-API</translation>
    </message>
    <message>
        <source>Display &amp;as:</source>
        <translation>&amp;Anzeigen als:</translation>
    </message>
    <message>
        <source>Leave empty for &quot;Procore&quot;. Pick a name that tells your connections apart, such as the company or project.</source>
        <translation>Leer lassen für „Procore“. Wählen Sie einen Namen, der Ihre Verbindungen unterscheidet, etwa das Unternehmen oder Projekt.</translation>
    </message>
</context>
<context>
    <name>trestle::DemoSetup</name>
    <message>
        <source>The demo folder %1 does not exist.</source>
        <translation>Der Demo-Ordner %1 existiert nicht.</translation>
    </message>
</context>
<context>
    <name>trestle::DomainPresets</name>
    <message>
        <source>Trestle demo sandbox (%1)</source>
        <translation>Trestle-Demo-Sandbox (%1)</translation>
    </message>
    <message>
        <source>Procore production (api.procore.com)</source>
        <translation>Procore-Produktion (api.procore.com)</translation>
    </message>
    <message>
        <source>Procore monthly sandbox (api-monthly.procore.com)</source>
        <translation>Procore Monthly Sandbox (api-monthly.procore.com)</translation>
    </message>
    <message>
        <source>Procore developer sandbox (sandbox.procore.com)</source>
        <translation>Procore Developer Sandbox (sandbox.procore.com)</translation>
    </message>
</context>
<context>
    <name>trestle::DropActionDialog</name>
    <message>
        <source>Transfer</source>
        <translation>Übertragen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Adds the items to the destination and updates files that changed there. Nothing is deleted.</source>
        <translation>Fügt die Elemente am Ziel hinzu und aktualisiert geänderte Dateien. Nichts wird gelöscht.</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Synchronisieren</translation>
    </message>
    <message>
        <source>Makes the destination mirror the source: adds and updates files, and removes what the source no longer has when your delete policy allows it.</source>
        <translation>Macht das Ziel zum Spiegel der Quelle: fügt Dateien hinzu, aktualisiert sie und entfernt, was die Quelle nicht mehr hat, sofern Ihre Löschregel das erlaubt.</translation>
    </message>
    <message>
        <source>&amp;Migrate</source>
        <translation>&amp;Migrieren</translation>
    </message>
    <message>
        <source>Copies with version history where the source keeps one, then checks every file at the destination. The source is left as it is.</source>
        <translation>Kopiert mit Versionsverlauf, wo die Quelle einen führt, und prüft dann jede Datei am Ziel. Die Quelle bleibt unverändert.</translation>
    </message>
    <message>
        <source>&amp;Preview first (dry run): show what will happen before anything moves</source>
        <translation>&amp;Vorschau zuerst (Probelauf): zeigen, was passiert, bevor etwas übertragen wird</translation>
    </message>
    <message>
        <source>&amp;Remember my choice and do not ask again</source>
        <translation>Auswahl me&amp;rken und nicht mehr fragen</translation>
    </message>
    <message>
        <source>You can ask again in Settings.</source>
        <translation>In den Einstellungen lässt sich die Frage wieder einschalten.</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <source>All versions, oldest first</source>
        <translation>Alle Versionen, älteste zuerst</translation>
    </message>
    <message>
        <source>The latest version only</source>
        <translation>Nur die neueste Version</translation>
    </message>
    <message>
        <source>Version &amp;history:</source>
        <translation>V&amp;ersionsverlauf:</translation>
    </message>
    <message>
        <source>Only now</source>
        <translation>Nur jetzt</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Daily at</source>
        <translation>Täglich um</translation>
    </message>
    <message>
        <source>While Trestle runs, the job runs again by itself; each run moves what changed or is still missing since the last one.</source>
        <translation>Solange Trestle läuft, wird der Auftrag von selbst wiederholt; jeder Lauf überträgt, was sich seit dem letzten geändert hat oder noch fehlt.</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> Stunden</translation>
    </message>
    <message>
        <source>Run &amp;again:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
</context>
<context>
    <name>trestle::FileTypes</name>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>%1 file</source>
        <translation>%1-Datei</translation>
    </message>
</context>
<context>
    <name>trestle::ItemFilter</name>
    <message>
        <source>excluded by the filter &quot;%1&quot;</source>
        <translation>durch den Filter „%1“ ausgeschlossen</translation>
    </message>
    <message>
        <source>not included by any filter</source>
        <translation>von keinem Filter eingeschlossen</translation>
    </message>
    <message>
        <source>file type not selected</source>
        <translation>Dateityp nicht ausgewählt</translation>
    </message>
    <message>
        <source>smaller than %1 bytes</source>
        <translation>kleiner als %1 Byte</translation>
    </message>
    <message>
        <source>larger than %1 bytes</source>
        <translation>größer als %1 Byte</translation>
    </message>
    <message>
        <source>not modified since %1</source>
        <translation>seit %1 nicht geändert</translation>
    </message>
</context>
<context>
    <name>trestle::ItemTask</name>
    <message>
        <source>The worker has no store for this item.</source>
        <translation>Der Worker hat keinen Speicher für dieses Element.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Could not create a temporary file.</source>
        <translation>Es konnte keine temporäre Datei angelegt werden.</translation>
    </message>
    <message>
        <source>already at the destination (checked after a restart)</source>
        <translation>bereits am Ziel (nach einem Neustart geprüft)</translation>
    </message>
    <message>
        <source>The destination&apos;s copy differs from the source.</source>
        <translation>Die Kopie am Ziel weicht von der Quelle ab.</translation>
    </message>
    <message>
        <source>already at the destination</source>
        <translation>bereits am Ziel</translation>
    </message>
    <message>
        <source>Something else appeared at the destination meanwhile.</source>
        <translation>Am Ziel ist inzwischen etwas anderes aufgetaucht.</translation>
    </message>
    <message>
        <source>already gone</source>
        <translation>bereits entfernt</translation>
    </message>
    <message>
        <source>The source was kept: the destination does not hold its verified copy.</source>
        <translation>Die Quelle wurde behalten: Das Ziel enthält keine geprüfte Kopie davon.</translation>
    </message>
    <message>
        <source>already at the destination (the answer to its creation was lost)</source>
        <translation>bereits am Ziel (die Antwort auf das Anlegen ging verloren)</translation>
    </message>
    <message>
        <source>“%1” was not copied: the file changed while it was being copied (%2 tries). The destination may hold a copy made while it changed; copy it again once nobody is writing it.</source>
        <translation>„%1“ wurde nicht kopiert: Die Datei hat sich während des Kopierens geändert (%2 Versuche). Am Ziel liegt eventuell eine Kopie, die während der Änderung entstand; kopieren Sie die Datei erneut, sobald niemand mehr in sie schreibt.</translation>
    </message>
    <message>
        <source>“%1” was not copied: the file changed while it was being copied (%2 tries). Copy it again once nobody is writing it.</source>
        <translation>„%1“ wurde nicht kopiert: Die Datei hat sich während des Kopierens geändert (%2 Versuche). Kopieren Sie sie erneut, sobald niemand mehr in sie schreibt.</translation>
    </message>
    <message>
        <source>the file changed while it was copied: a copy made meanwhile was replaced by the whole new file (on Procore it stays as an older version)</source>
        <translation>die Datei hat sich während des Kopierens geändert: Eine zwischenzeitlich entstandene Kopie wurde durch die vollständige neue Datei ersetzt (in Procore bleibt sie als ältere Version erhalten)</translation>
    </message>
    <message>
        <source>copied again: the file changed while it was being read</source>
        <translation>erneut kopiert: Die Datei hat sich während des Lesens geändert</translation>
    </message>
    <message>
        <source>There is no space left in “%1”: the job was paused. Free some space there, then resume the job.</source>
        <translation>In „%1“ ist kein Speicherplatz mehr frei: Der Auftrag wurde angehalten. Geben Sie dort Speicherplatz frei und setzen Sie den Auftrag dann fort.</translation>
    </message>
    <message>
        <source>The destination folder “%1” is read-only: the job was paused. Make it writable, then resume the job.</source>
        <translation>Der Zielordner „%1“ ist schreibgeschützt: Der Auftrag wurde angehalten. Machen Sie ihn beschreibbar und setzen Sie den Auftrag dann fort.</translation>
    </message>
    <message>
        <source>with its history: %1 versions (%2 already at the destination)</source>
        <translation>mit Versionsverlauf: %1 Versionen (%2 bereits am Ziel)</translation>
    </message>
    <message>
        <source>with its history: %1 versions</source>
        <translation>mit Versionsverlauf: %1 Versionen</translation>
    </message>
    <message>
        <source>already at the destination as “%1”</source>
        <translation>bereits am Ziel als „%1“</translation>
    </message>
</context>
<context>
    <name>trestle::JobNotifier</name>
    <message>
        <source>Analysis of %1</source>
        <translation>Analyse von %1</translation>
    </message>
    <message>
        <source>Copy to %1</source>
        <translation>Kopie nach %1</translation>
    </message>
    <message>
        <source>Sync to %1</source>
        <translation>Sync nach %1</translation>
    </message>
    <message>
        <source>Migration to %1</source>
        <translation>Migration nach %1</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 finished: %2</source>
        <translation>%1 abgeschlossen: %2</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 Element</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 Elemente</translation>
    </message>
    <message>
        <source>%1 was cancelled after %2</source>
        <translation>%1 wurde nach %2 abgebrochen</translation>
    </message>
    <message>
        <source>, %1 failed</source>
        <translation>, %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>, %1 skipped</source>
        <translation>, %1 übersprungen</translation>
    </message>
    <message>
        <source>%1 was paused: %2</source>
        <translation>%1 wurde angehalten: %2</translation>
    </message>
</context>
<context>
    <name>trestle::JobPlanner</name>
    <message>
        <source>A job needs a source and a destination.</source>
        <translation>Ein Auftrag braucht eine Quelle und ein Ziel.</translation>
    </message>
    <message>
        <source>Planning was cancelled.</source>
        <translation>Die Planung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The source folder does not exist.</source>
        <translation>Der Quellordner existiert nicht.</translation>
    </message>
    <message>
        <source>A file is in the way of the destination folder.</source>
        <translation>Eine Datei steht dem Zielordner im Weg.</translation>
    </message>
</context>
<context>
    <name>trestle::JobPolicies</name>
    <message>
        <source>The job&apos;s policy &quot;%1&quot; has an unknown value.</source>
        <translation>Die Regel „%1“ des Auftrags hat einen unbekannten Wert.</translation>
    </message>
    <message>
        <source>The job&apos;s saved policies are damaged.</source>
        <translation>Die gespeicherten Regeln des Auftrags sind beschädigt.</translation>
    </message>
</context>
<context>
    <name>trestle::JobQueue</name>
    <message>
        <source>The job was cancelled.</source>
        <translation>Der Auftrag wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The report could not be written to “%1”.</source>
        <translation>Der Bericht konnte nicht nach „%1“ geschrieben werden.</translation>
    </message>
    <message>
        <source>The job’s connections are not available.</source>
        <translation>Die Verbindungen des Auftrags sind nicht verfügbar.</translation>
    </message>
    <message>
        <source>This job is no longer in the list.</source>
        <translation>Dieser Auftrag ist nicht mehr in der Liste.</translation>
    </message>
    <message>
        <source>Wait until the job has ended, then decide.</source>
        <translation>Warten Sie, bis der Auftrag beendet ist, und entscheiden Sie dann.</translation>
    </message>
    <message>
        <source>This file belongs to another job.</source>
        <translation>Diese Datei gehört zu einem anderen Auftrag.</translation>
    </message>
</context>
<context>
    <name>trestle::JobQueueModel</name>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>%1  %2 → %3</source>
        <translation>%1  %2 → %3</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Renamed to “%1” for the destination.</source>
        <translation>Für das Ziel in „%1“ umbenannt.</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Elemente</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>API calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation>Wird geplant…</translation>
    </message>
    <message>
        <source>Planned: waiting for your decision</source>
        <translation>Geplant: wartet auf Ihre Entscheidung</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Waiting for API budget until %1</source>
        <translation>Wartet auf API-Kontingent bis %1</translation>
    </message>
    <message>
        <source>Waiting for API budget</source>
        <translation>Wartet auf API-Kontingent</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Übersprungen: %1</translation>
    </message>
    <message>
        <source>Analyze</source>
        <translation>Analysieren</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisieren</translation>
    </message>
    <message>
        <source>Migrate</source>
        <translation>Migrieren</translation>
    </message>
    <message>
        <source>New folder</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>Done (%1 skipped)</source>
        <translation>Fertig (%1 übersprungen)</translation>
    </message>
    <message>
        <source>Failed: 1 item</source>
        <translation>Fehlgeschlagen: 1 Element</translation>
    </message>
    <message>
        <source>Failed: %1 items</source>
        <translation>Fehlgeschlagen: %1 Elemente</translation>
    </message>
    <message>
        <source>Paused: %1</source>
        <translation>Angehalten: %1</translation>
    </message>
    <message>
        <source>Files wait for your decision: right-click the job to resolve the conflicts.</source>
        <translation>Dateien warten auf Ihre Entscheidung: Klicken Sie mit der rechten Maustaste auf den Auftrag, um die Konflikte zu lösen.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for your decision</source>
        <translation>
            <numerusform>%n wartet auf Ihre Entscheidung</numerusform>
            <numerusform>%n warten auf Ihre Entscheidung</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trestle::JobQueuePanel</name>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Pause the selected job</source>
        <translation>Ausgewählten Auftrag anhalten</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Resume the selected job</source>
        <translation>Ausgewählten Auftrag fortsetzen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the selected job</source>
        <translation>Ausgewählten Auftrag abbrechen</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>Fehlgeschlagene wiederholen</translation>
    </message>
    <message>
        <source>Try the failed items of the selected job again</source>
        <translation>Die fehlgeschlagenen Elemente des ausgewählten Auftrags erneut versuchen</translation>
    </message>
    <message>
        <source>Open report</source>
        <translation>Bericht öffnen</translation>
    </message>
    <message>
        <source>Open the selected job&apos;s report (every item and what became of it)</source>
        <translation>Bericht des ausgewählten Auftrags öffnen (jedes Element und was daraus wurde)</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>Abgeschlossene entfernen</translation>
    </message>
    <message>
        <source>Remove every finished job from the list</source>
        <translation>Alle abgeschlossenen Aufträge aus der Liste entfernen</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Start the planned job</source>
        <translation>Geplanten Auftrag starten</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>No transfers yet. Drag files or folders from one pane to the other.</source>
        <translation>Noch keine Übertragungen. Ziehen Sie Dateien oder Ordner von einem Bereich in den anderen.</translation>
    </message>
    <message>
        <source>Resolve conflicts…</source>
        <translation>Konflikte lösen…</translation>
    </message>
    <message>
        <source>Decide what becomes of the files that exist on both sides</source>
        <translation>Entscheiden, was mit den Dateien geschieht, die es auf beiden Seiten gibt</translation>
    </message>
    <message>
        <source>Resolve 1 conflict…</source>
        <translation>1 Konflikt lösen…</translation>
    </message>
    <message numerus="yes">
        <source>Resolve %n conflicts…</source>
        <translation>
            <numerusform>%n Konflikt lösen…</numerusform>
            <numerusform>%n Konflikte lösen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolve conflicts</source>
        <translation>Konflikte lösen</translation>
    </message>
</context>
<context>
    <name>trestle::JobRunner</name>
    <message>
        <source>The job was never completely planned; plan it again.</source>
        <translation>Der Auftrag wurde nie vollständig geplant; planen Sie ihn erneut.</translation>
    </message>
    <message>
        <source>The job was cancelled.</source>
        <translation>Der Auftrag wurde abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) failed.</source>
        <translation>
            <numerusform>%n Element ist fehlgeschlagen.</numerusform>
            <numerusform>%n Elemente sind fehlgeschlagen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The job stopped.</source>
        <translation>Der Auftrag wurde angehalten.</translation>
    </message>
    <message>
        <source>%1 The job was paused; resume it once you have signed in again.</source>
        <translation>%1 Der Auftrag wurde angehalten; setzen Sie ihn fort, sobald Sie sich erneut angemeldet haben.</translation>
    </message>
    <message>
        <source>%1 The first: %2</source>
        <translation>%1 Erster Fehler: %2</translation>
    </message>
    <message>
        <source>skipped: its copy failed, so the source was kept</source>
        <translation>übersprungen: das Kopieren ist fehlgeschlagen, daher wurde die Quelle behalten</translation>
    </message>
    <message>
        <source>skipped: its copy failed</source>
        <translation>übersprungen: das Kopieren ist fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>trestle::JobSchedule</name>
    <message>
        <source>The schedule &quot;%1&quot; is not valid.</source>
        <translation>Der Zeitplan „%1“ ist ungültig.</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>nicht geplant</translation>
    </message>
    <message numerus="yes">
        <source>every %n hour(s)</source>
        <translation>
            <numerusform>jede Stunde</numerusform>
            <numerusform>alle %n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>daily at %1</source>
        <translation>täglich um %1</translation>
    </message>
</context>
<context>
    <name>trestle::Journal</name>
    <message>
        <source>The job no longer exists.</source>
        <translation>Der Auftrag existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The job item no longer exists.</source>
        <translation>Das Auftragselement existiert nicht mehr.</translation>
    </message>
</context>
<context>
    <name>trestle::LocalFs</name>
    <message>
        <source>Could not %1 “%2”.</source>
        <translation>Konnte „%2“ nicht %1.</translation>
    </message>
    <message>
        <source>“%1” does not exist.</source>
        <translation>„%1“ existiert nicht.</translation>
    </message>
    <message>
        <source>No permission to %1 “%2” (the destination may be read-only).</source>
        <translation>Keine Berechtigung: „%2“ %1 (das Ziel ist eventuell schreibgeschützt).</translation>
    </message>
    <message>
        <source>There is no space left to %1 “%2”.</source>
        <translation>Kein Speicherplatz mehr frei: „%2“ %1.</translation>
    </message>
    <message>
        <source>Could not %1 “%2”: it already exists or is not empty.</source>
        <translation>Konnte „%2“ nicht %1: Es existiert bereits oder ist nicht leer.</translation>
    </message>
    <message>
        <source>The name or path “%1” is too long.</source>
        <translation>Der Name oder Pfad „%1“ ist zu lang.</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>Der Vorgang wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>trestle::LocalListJob</name>
    <message>
        <source>“%1” is not a folder.</source>
        <translation>„%1“ ist kein Ordner.</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>Der Vorgang wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>trestle::LocalReadIntoJob</name>
    <message>
        <source>“%1” is not a file.</source>
        <translation>„%1“ ist keine Datei.</translation>
    </message>
    <message>
        <source>The destination of the read is not open for writing.</source>
        <translation>Das Ziel des Lesevorgangs ist nicht zum Schreiben geöffnet.</translation>
    </message>
    <message>
        <source>Could not open “%1”.</source>
        <translation>Konnte „%1“ nicht öffnen.</translation>
    </message>
    <message>
        <source>Could not read “%1”.</source>
        <translation>Konnte „%1“ nicht lesen.</translation>
    </message>
</context>
<context>
    <name>trestle::LocalRoot</name>
    <message>
        <source>The folder “%1” does not exist.</source>
        <translation>Der Ordner „%1“ existiert nicht.</translation>
    </message>
    <message>
        <source>“%1” is a link that leads outside the shared folder or nowhere; it is not followed.</source>
        <translation>„%1“ ist ein Link, der aus dem freigegebenen Ordner hinaus oder ins Leere führt; ihm wird nicht gefolgt.</translation>
    </message>
    <message>
        <source>“%1” does not exist.</source>
        <translation>„%1“ existiert nicht.</translation>
    </message>
    <message>
        <source>The top folder already exists.</source>
        <translation>Der oberste Ordner existiert bereits.</translation>
    </message>
    <message>
        <source>“%1” is not a folder.</source>
        <translation>„%1“ ist kein Ordner.</translation>
    </message>
    <message>
        <source>A link that leads outside the shared folder; not followed.</source>
        <translation>Ein Link aus dem freigegebenen Ordner hinaus; ihm wird nicht gefolgt.</translation>
    </message>
    <message>
        <source>A link to something that does not exist.</source>
        <translation>Ein Link auf etwas, das nicht existiert.</translation>
    </message>
    <message>
        <source>Not a regular file or folder (a device, pipe or socket).</source>
        <translation>Keine normale Datei und kein Ordner (ein Gerät, eine Pipe oder ein Socket).</translation>
    </message>
</context>
<context>
    <name>trestle::LocalStore</name>
    <message>
        <source>The top folder already exists.</source>
        <translation>Der oberste Ordner existiert bereits.</translation>
    </message>
    <message>
        <source>“%1” already exists.</source>
        <translation>„%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>create the folder</source>
        <translation>als Ordner anlegen</translation>
    </message>
    <message>
        <source>move</source>
        <translation>verschieben</translation>
    </message>
    <message>
        <source>The top folder cannot be deleted.</source>
        <translation>Der oberste Ordner kann nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>The folder “%1” is not empty.</source>
        <translation>Der Ordner „%1“ ist nicht leer.</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>löschen</translation>
    </message>
    <message>
        <source>“%1” is not a file.</source>
        <translation>„%1“ ist keine Datei.</translation>
    </message>
    <message>
        <source>Could not open “%1”.</source>
        <translation>Konnte „%1“ nicht öffnen.</translation>
    </message>
    <message>
        <source>The top folder is not a file.</source>
        <translation>Der oberste Ordner ist keine Datei.</translation>
    </message>
    <message>
        <source>“%1” is too large for this destination (%2, at most %3).</source>
        <translation>„%1“ ist zu groß für dieses Ziel (%2, höchstens %3).</translation>
    </message>
    <message>
        <source>A folder named “%1” already exists.</source>
        <translation>Ein Ordner namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>Not enough space for “%1” on %2: %3 needed, %4 available.</source>
        <translation>Nicht genug Platz für „%1“ auf %2: %3 benötigt, %4 verfügbar.</translation>
    </message>
</context>
<context>
    <name>trestle::LocalStoreResolver</name>
    <message>
        <source>“%1” is not a local folder, and no saved connections are available here.</source>
        <translation>„%1“ ist kein lokaler Ordner, und hier sind keine gespeicherten Verbindungen verfügbar.</translation>
    </message>
    <message>
        <source>An empty folder name was given.</source>
        <translation>Es wurde ein leerer Ordnername angegeben.</translation>
    </message>
    <message>
        <source>The folder “%1” does not exist.</source>
        <translation>Der Ordner „%1“ existiert nicht.</translation>
    </message>
</context>
<context>
    <name>trestle::LocalWriteFromJob</name>
    <message>
        <source>The store was closed before the write started.</source>
        <translation>Der Speicher wurde geschlossen, bevor der Schreibvorgang begann.</translation>
    </message>
    <message>
        <source>The source of the write is not open for reading.</source>
        <translation>Die Quelle des Schreibvorgangs ist nicht zum Lesen geöffnet.</translation>
    </message>
</context>
<context>
    <name>trestle::LocalWriteSession</name>
    <message>
        <source>create</source>
        <translation>anlegen</translation>
    </message>
    <message>
        <source>Could not create “%1”.</source>
        <translation>Konnte „%1“ nicht anlegen.</translation>
    </message>
    <message>
        <source>More data arrived for “%1” than announced.</source>
        <translation>Für „%1“ kamen mehr Daten an als angekündigt.</translation>
    </message>
    <message>
        <source>The disk holding “%1” is full: the file needs %2 in all.</source>
        <translation>Der Datenträger von „%1“ ist voll: Die Datei braucht insgesamt %2.</translation>
    </message>
    <message>
        <source>The disk holding “%1” is full.</source>
        <translation>Der Datenträger von „%1“ ist voll.</translation>
    </message>
    <message>
        <source>write</source>
        <translation>schreiben</translation>
    </message>
    <message>
        <source>Could not write “%1”.</source>
        <translation>Konnte „%1“ nicht schreiben.</translation>
    </message>
    <message>
        <source>The write of “%1” has already ended.</source>
        <translation>Der Schreibvorgang für „%1“ ist bereits beendet.</translation>
    </message>
    <message>
        <source>“%1” is incomplete: %2 of %3 bytes arrived.</source>
        <translation>„%1“ ist unvollständig: %2 von %3 Byte sind angekommen.</translation>
    </message>
    <message>
        <source>save</source>
        <translation>speichern</translation>
    </message>
</context>
<context>
    <name>trestle::MainWindow</name>
    <message>
        <source>Trestle</source>
        <translation>Trestle</translation>
    </message>
    <message>
        <source>Trestle — demo sandbox</source>
        <translation>Trestle — Demo-Sandbox</translation>
    </message>
    <message>
        <source>&amp;Add connection…</source>
        <translation>&amp;Verbindung hinzufügen…</translation>
    </message>
    <message>
        <source>Add connection</source>
        <translation>Verbindung hinzufügen</translation>
    </message>
    <message>
        <source>Demo: the bundled Procore sandbox runs at %1</source>
        <translation>Demo: Die mitgelieferte Procore-Sandbox läuft unter %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Trestle</source>
        <translation>&amp;Über Trestle</translation>
    </message>
    <message>
        <source>About Trestle</source>
        <translation>Über Trestle</translation>
    </message>
    <message>
        <source>&lt;b&gt;Trestle %1&lt;/b&gt;&lt;p&gt;Moves construction project files between Procore Documents and file shares.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Trestle %1&lt;/b&gt;&lt;p&gt;Verschiebt Bauprojektdateien zwischen Procore-Dokumenten und Dateifreigaben.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Connect a project and a file share</source>
        <translation>Projekt und Dateifreigabe verbinden</translation>
    </message>
    <message>
        <source>Add a connection for each side: a Procore project&apos;s Documents, or a folder on a file share. Then drag folders from one pane to the other.</source>
        <translation>Fügen Sie für jede Seite eine Verbindung hinzu: die Dokumente eines Procore-Projekts oder einen Ordner auf einer Dateifreigabe. Ziehen Sie dann Ordner von einem Bereich in den anderen.</translation>
    </message>
    <message>
        <source>Demo: sign in with demo@trestle.test / trestle-demo.</source>
        <translation>Demo: Melden Sie sich mit demo@trestle.test / trestle-demo an.</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Übertragungen</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>Verbi&amp;ndungen…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Transfers</source>
        <translation>Übe&amp;rtragungen</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>Desi&amp;gn</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>He&amp;ll</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>Dun&amp;kel</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>Show Trestle</source>
        <translation>Trestle anzeigen</translation>
    </message>
    <message>
        <source>The connection cannot be opened.</source>
        <translation>Die Verbindung kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <source>Trestle needs you to sign in to “%1” again.</source>
        <translation>Bitte melden Sie sich erneut bei „%1“ an.</translation>
    </message>
    <message>
        <source>&amp;Reconnect…</source>
        <translation>Ne&amp;u verbinden…</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>The new language applies the next time Trestle starts.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von Trestle.</translation>
    </message>
    <message>
        <source>Demo: use Add connection… for the bundled Procore sandbox and sign in as demo@trestle.test / trestle-demo.</source>
        <translation>Demo: Über „Verbindung hinzufügen…“ die mitgelieferte Procore-Sandbox verbinden und als demo@trestle.test / trestle-demo anmelden.</translation>
    </message>
</context>
<context>
    <name>trestle::NameRules</name>
    <message>
        <source>The name is empty.</source>
        <translation>Der Name ist leer.</translation>
    </message>
    <message>
        <source>“%1” is not a name: it refers to a folder itself or its parent.</source>
        <translation>„%1“ ist kein Name: Es bezeichnet einen Ordner selbst oder seinen übergeordneten Ordner.</translation>
    </message>
    <message>
        <source>“%1” contains the path separator %2.</source>
        <translation>„%1“ enthält das Pfadtrennzeichen %2.</translation>
    </message>
    <message>
        <source>The name contains a NUL character.</source>
        <translation>Der Name enthält ein NUL-Zeichen.</translation>
    </message>
    <message>
        <source>The name contains the control character %1.</source>
        <translation>Der Name enthält das Steuerzeichen %1.</translation>
    </message>
    <message>
        <source>The name contains an invalid Unicode sequence.</source>
        <translation>Der Name enthält eine ungültige Unicode-Sequenz.</translation>
    </message>
    <message>
        <source>“%1” starts with a drive letter and could point to another disk.</source>
        <translation>„%1“ beginnt mit einem Laufwerksbuchstaben und könnte auf einen anderen Datenträger zeigen.</translation>
    </message>
    <message>
        <source>“%1” is an absolute path; only paths inside the destination are allowed.</source>
        <translation>„%1“ ist ein absoluter Pfad; erlaubt sind nur Pfade innerhalb des Ziels.</translation>
    </message>
    <message>
        <source>“%1” uses “\” as a separator; paths use “/”.</source>
        <translation>„%1“ verwendet „\“ als Trennzeichen; Pfade verwenden „/“.</translation>
    </message>
    <message>
        <source>“%1” contains an empty folder name.</source>
        <translation>„%1“ enthält einen leeren Ordnernamen.</translation>
    </message>
    <message>
        <source>“%1” contains “%2” and could lead outside the destination.</source>
        <translation>„%1“ enthält „%2“ und könnte aus dem Ziel hinausführen.</translation>
    </message>
    <message>
        <source>The character %1 is not allowed in names here.</source>
        <translation>Das Zeichen %1 ist hier in Namen nicht erlaubt.</translation>
    </message>
    <message>
        <source>“%1” is a reserved device name here.</source>
        <translation>„%1“ ist hier ein reservierter Gerätename.</translation>
    </message>
    <message>
        <source>The name ends with a space.</source>
        <translation>Der Name endet mit einem Leerzeichen.</translation>
    </message>
    <message>
        <source>The name ends with a dot.</source>
        <translation>Der Name endet mit einem Punkt.</translation>
    </message>
    <message>
        <source>The name has a space next to the dot of its extension.</source>
        <translation>Der Name hat ein Leerzeichen neben dem Punkt der Dateiendung.</translation>
    </message>
    <message>
        <source>The name is too long (%1, at most %2 allowed).</source>
        <translation>Der Name ist zu lang (%1, höchstens %2 erlaubt).</translation>
    </message>
    <message>
        <source>The path is too long (%1, at most %2 allowed).</source>
        <translation>Der Pfad ist zu lang (%1, höchstens %2 erlaubt).</translation>
    </message>
    <message>
        <source>%1 differ only in their Unicode form; the destination stores them as one name, so one would overwrite the other.</source>
        <translation>%1 unterscheiden sich nur in ihrer Unicode-Form; das Ziel speichert sie als einen Namen, daher würde einer den anderen überschreiben.</translation>
    </message>
    <message>
        <source>%1 differ only in upper/lower case or Unicode form; the destination treats them as one name, so one would overwrite the other.</source>
        <translation>%1 unterscheiden sich nur in Groß-/Kleinschreibung oder Unicode-Form; das Ziel behandelt sie als einen Namen, daher würde einer den anderen überschreiben.</translation>
    </message>
</context>
<context>
    <name>trestle::PaneOperations</name>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>No application is set up to open %1.</source>
        <translation>Keine Anwendung ist zum Öffnen von %1 eingerichtet.</translation>
    </message>
</context>
<context>
    <name>trestle::PaneWidget</name>
    <message>
        <source>“%1” cannot be used.</source>
        <translation>„%1“ ist nicht verwendbar.</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Neuer Ordner</translation>
    </message>
    <message>
        <source>Name of the new folder in “%1”:</source>
        <translation>Name des neuen Ordners in „%1“:</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>„%1“ löschen?</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 und %2 weitere</translation>
    </message>
    <message>
        <source>Delete these %1 items?
%2</source>
        <translation>Diese %1 Elemente löschen?
%2</translation>
    </message>
    <message>
        <source>They are moved to Procore&apos;s recycle bin, where a project administrator can restore them.</source>
        <translation>Sie werden in den Papierkorb von Procore verschoben, wo ein Projektadministrator sie wiederherstellen kann.</translation>
    </message>
    <message>
        <source>They are deleted from the disk, folders with everything in them. This cannot be undone.</source>
        <translation>Sie werden vom Datenträger gelöscht, Ordner mit ihrem gesamten Inhalt. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Download To</source>
        <translation>Herunterladen nach</translation>
    </message>
    <message>
        <source>Connection or project shown in this pane</source>
        <translation>In diesem Bereich angezeigte Verbindung oder Projekt</translation>
    </message>
    <message>
        <source>Filter (Ctrl+F)</source>
        <translation>Filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Shows only the names that contain this text; * and ? are wildcards</source>
        <translation>Zeigt nur Namen, die diesen Text enthalten; * und ? sind Platzhalter</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Diese Meldung ausblenden</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Vorwärts</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>New Folder…</source>
        <translation>Neuer Ordner…</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Copy Path</source>
        <translation>Pfad kopieren</translation>
    </message>
    <message>
        <source>Download To…</source>
        <translation>Herunterladen nach…</translation>
    </message>
    <message>
        <source>Show in Procore</source>
        <translation>In Procore anzeigen</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>Nicht verfügbar</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 Element</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 Elemente</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 von %2 angezeigt</translation>
    </message>
    <message>
        <source>%1, %2 selected (%3)</source>
        <translation>%1, %2 ausgewählt (%3)</translation>
    </message>
    <message>
        <source>Loading… %1</source>
        <translation>Wird geladen… %1</translation>
    </message>
    <message>
        <source>Choose a connection above.</source>
        <translation>Wählen Sie oben eine Verbindung.</translation>
    </message>
    <message>
        <source>Add connection…</source>
        <translation>Verbindung hinzufügen…</translation>
    </message>
</context>
<context>
    <name>trestle::PlanBuilder</name>
    <message>
        <source>not a regular file or folder</source>
        <translation>keine normale Datei und kein Ordner</translation>
    </message>
    <message>
        <source>the path is longer than the destination allows (%1)</source>
        <translation>der Pfad ist länger, als das Ziel erlaubt (%1)</translation>
    </message>
    <message>
        <source>another entry already takes the name &quot;%1&quot; on the destination</source>
        <translation>ein anderer Eintrag belegt am Ziel bereits den Namen „%1“</translation>
    </message>
    <message>
        <source>a file has this name on the destination</source>
        <translation>am Ziel hat eine Datei diesen Namen</translation>
    </message>
    <message>
        <source>a folder has this name on the destination</source>
        <translation>am Ziel hat ein Ordner diesen Namen</translation>
    </message>
    <message>
        <source>the destination&apos;s copy is newer</source>
        <translation>die Kopie am Ziel ist neuer</translation>
    </message>
    <message>
        <source>both sides differ and neither is newer</source>
        <translation>beide Seiten unterscheiden sich, und keine ist neuer</translation>
    </message>
    <message>
        <source>exists on both sides and differs (policy: skip)</source>
        <translation>existiert auf beiden Seiten und unterscheidet sich (Regel: überspringen)</translation>
    </message>
    <message>
        <source>exists on both sides and differs: waiting for a decision</source>
        <translation>existiert auf beiden Seiten und unterscheidet sich: wartet auf eine Entscheidung</translation>
    </message>
    <message>
        <source>the path is longer than the target allows (%1)</source>
        <translation>der Pfad ist länger, als das Ziel erlaubt (%1)</translation>
    </message>
    <message>
        <source>history not kept by the destination</source>
        <translation>das Ziel führt keinen Versionsverlauf</translation>
    </message>
</context>
<context>
    <name>trestle::PlanPreviewDialog</name>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Nothing has moved yet. This is what the job will do:</source>
        <translation>Noch wurde nichts übertragen. Das wird der Auftrag tun:</translation>
    </message>
    <message>
        <source>Folders to create</source>
        <translation>Anzulegende Ordner</translation>
    </message>
    <message>
        <source>New files</source>
        <translation>Neue Dateien</translation>
    </message>
    <message>
        <source>Files replaced</source>
        <translation>Ersetzte Dateien</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Unchanged (left alone)</source>
        <translation>Unverändert (bleibt, wie es ist)</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>To copy</source>
        <translation>Zu kopieren</translation>
    </message>
    <message>
        <source>API calls</source>
        <translation>API-Aufrufe</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>etwa %1</translation>
    </message>
    <message>
        <source>none (no Procore side is written)</source>
        <translation>keine (auf keine Procore-Seite wird geschrieben)</translation>
    </message>
    <message>
        <source>Estimated time</source>
        <translation>Geschätzte Dauer</translation>
    </message>
    <message>
        <source>about %1 at the API budget</source>
        <translation>etwa %1 beim API-Kontingent</translation>
    </message>
    <message>
        <source>as fast as the disks and the network allow</source>
        <translation>so schnell, wie Datenträger und Netzwerk es erlauben</translation>
    </message>
    <message>
        <source>Skipped and renamed items:</source>
        <translation>Übersprungene und umbenannte Elemente:</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>The destination does not accept the name.</source>
        <translation>Das Ziel akzeptiert den Namen nicht.</translation>
    </message>
    <message>
        <source>Renamed to “%1”</source>
        <translation>Umbenannt in „%1“</translation>
    </message>
    <message>
        <source>Nothing is skipped or renamed.</source>
        <translation>Nichts wird übersprungen oder umbenannt.</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
</context>
<context>
    <name>trestle::PlatformPage</name>
    <message>
        <source>&amp;Procore</source>
        <translation>&amp;Procore</translation>
    </message>
    <message>
        <source>&amp;File share</source>
        <translation>&amp;Dateifreigabe</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Where are the files this connection reaches?</source>
        <translation>Wo liegen die Dateien, die diese Verbindung erreicht?</translation>
    </message>
    <message>
        <source>Procore</source>
        <translation>Procore</translation>
    </message>
    <message>
        <source>File share</source>
        <translation>Dateifreigabe</translation>
    </message>
    <message>
        <source>The Documents tool of one Procore project.</source>
        <translation>Das Dokumente-Tool eines Procore-Projekts.</translation>
    </message>
    <message>
        <source>A folder on this computer or a mounted network share (SMB, NFS or a UNC path).</source>
        <translation>Ein Ordner auf diesem Computer oder eine eingebundene Netzwerkfreigabe (SMB, NFS oder ein UNC-Pfad).</translation>
    </message>
</context>
<context>
    <name>trestle::ProcoreClient</name>
    <message>
        <source>The reply could not be parsed.</source>
        <translation>Die Antwort konnte nicht ausgewertet werden.</translation>
    </message>
</context>
<context>
    <name>trestle::ProcoreMoveJob</name>
    <message>
        <source>“%1” does not exist in Procore.</source>
        <translation>„%1“ existiert in Procore nicht.</translation>
    </message>
    <message>
        <source>The Procore store is gone.</source>
        <translation>Der Procore-Speicher ist nicht mehr verfügbar.</translation>
    </message>
    <message>
        <source>“%1” already exists.</source>
        <translation>„%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>Procore did not tell the top folder&apos;s id.</source>
        <translation>Procore hat die ID des obersten Ordners nicht mitgeteilt.</translation>
    </message>
</context>
<context>
    <name>trestle::ProcoreReadJob</name>
    <message>
        <source>The Procore store or the destination is gone.</source>
        <translation>Der Procore-Speicher oder das Ziel ist nicht mehr verfügbar.</translation>
    </message>
    <message>
        <source>“%1” is a folder, not a file.</source>
        <translation>„%1“ ist ein Ordner, keine Datei.</translation>
    </message>
    <message>
        <source>The download of “%1” was incomplete: %2 of %3 bytes.</source>
        <translation>Der Download von „%1“ war unvollständig: %2 von %3 Byte.</translation>
    </message>
    <message>
        <source>The Procore store is gone.</source>
        <translation>Der Procore-Speicher ist nicht mehr verfügbar.</translation>
    </message>
    <message>
        <source>“%1” does not exist in Procore.</source>
        <translation>„%1“ existiert in Procore nicht.</translation>
    </message>
    <message>
        <source>Procore gave no download address for “%1”.</source>
        <translation>Procore hat keine Download-Adresse für „%1“ geliefert.</translation>
    </message>
</context>
<context>
    <name>trestle::ProcoreStore</name>
    <message>
        <source>The Procore store is gone.</source>
        <translation>Der Procore-Speicher ist nicht mehr verfügbar.</translation>
    </message>
    <message>
        <source>This item cannot be used: its name or one of its folders&apos; names is not a valid name.</source>
        <translation>Dieses Element ist nicht verwendbar: Sein Name oder der Name eines seiner Ordner ist ungültig.</translation>
    </message>
    <message>
        <source>“%1” does not exist in Procore.</source>
        <translation>„%1“ existiert in Procore nicht.</translation>
    </message>
    <message>
        <source>“%1” already exists.</source>
        <translation>„%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>This %1 cannot be used: %2</source>
        <translation>%1 nicht verwendbar: %2</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Procore: %1</source>
        <translation>Procore: %1</translation>
    </message>
    <message>
        <source>Procore does not accept the name “%1”. %2</source>
        <translation>Procore akzeptiert den Namen „%1“ nicht. %2</translation>
    </message>
    <message>
        <source>The top folder already exists.</source>
        <translation>Der oberste Ordner existiert bereits.</translation>
    </message>
    <message>
        <source>The top folder cannot be deleted.</source>
        <translation>Der oberste Ordner kann nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>The folder “%1” is not empty.</source>
        <translation>Der Ordner „%1“ ist nicht leer.</translation>
    </message>
    <message>
        <source>Deleted in Procore (in its recycle bin).</source>
        <translation>In Procore gelöscht (im Papierkorb).</translation>
    </message>
    <message>
        <source>The folder listing could not be read.</source>
        <translation>Der Inhalt des Ordners konnte nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>trestle::ProcoreVersionListJob</name>
    <message>
        <source>The Procore store is gone.</source>
        <translation>Der Procore-Speicher ist nicht mehr verfügbar.</translation>
    </message>
    <message>
        <source>“%1” is a folder, not a file.</source>
        <translation>„%1“ ist ein Ordner, keine Datei.</translation>
    </message>
    <message>
        <source>“%1” does not exist in Procore.</source>
        <translation>„%1“ existiert in Procore nicht.</translation>
    </message>
    <message>
        <source>Procore gave no versions for “%1”.</source>
        <translation>Procore hat keine Versionen für „%1“ geliefert.</translation>
    </message>
</context>
<context>
    <name>trestle::ProcoreVersionReadJob</name>
    <message>
        <source>The Procore store or the destination is gone.</source>
        <translation>Der Procore-Speicher oder das Ziel ist nicht mehr verfügbar.</translation>
    </message>
    <message>
        <source>The download of version %1 of “%2” was incomplete: %3 of %4 bytes.</source>
        <translation>Der Download von Version %1 von „%2“ war unvollständig: %3 von %4 Byte.</translation>
    </message>
    <message>
        <source>The Procore store is gone.</source>
        <translation>Der Procore-Speicher ist nicht mehr verfügbar.</translation>
    </message>
    <message>
        <source>This version of “%1” has no id.</source>
        <translation>Diese Version von „%1“ hat keine ID.</translation>
    </message>
    <message>
        <source>Procore gave no download address for “%1”.</source>
        <translation>Procore hat keine Download-Adresse für „%1“ geliefert.</translation>
    </message>
</context>
<context>
    <name>trestle::ProcoreWriteJob</name>
    <message>
        <source>The Procore store or the source is gone.</source>
        <translation>Der Procore-Speicher oder die Quelle ist nicht mehr verfügbar.</translation>
    </message>
    <message>
        <source>The top folder is not a file.</source>
        <translation>Der oberste Ordner ist keine Datei.</translation>
    </message>
    <message>
        <source>A Procore upload needs the file&apos;s size.</source>
        <translation>Ein Upload zu Procore braucht die Dateigröße.</translation>
    </message>
    <message>
        <source>“%1” is too large for Procore.</source>
        <translation>„%1“ ist zu groß für Procore.</translation>
    </message>
    <message>
        <source>The folder of “%1” does not exist in Procore.</source>
        <translation>Der Ordner von „%1“ existiert in Procore nicht.</translation>
    </message>
    <message>
        <source>The Procore store is gone.</source>
        <translation>Der Procore-Speicher ist nicht mehr verfügbar.</translation>
    </message>
    <message>
        <source>A folder named “%1” already exists.</source>
        <translation>Ein Ordner namens „%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>“%1” already exists.</source>
        <translation>„%1“ existiert bereits.</translation>
    </message>
    <message>
        <source>The source of “%1” ended early: %2 of %3 bytes.</source>
        <translation>Die Quelle von „%1“ endete vorzeitig: %2 von %3 Byte.</translation>
    </message>
    <message>
        <source>Cannot create a temporary file for the upload.</source>
        <translation>Für den Upload kann keine temporäre Datei angelegt werden.</translation>
    </message>
    <message>
        <source>Reading “%1” failed: %2</source>
        <translation>Lesen von „%1“ fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The temporary copy for the upload is incomplete.</source>
        <translation>Die temporäre Kopie für den Upload ist unvollständig.</translation>
    </message>
    <message>
        <source>Reading “%1” failed.</source>
        <translation>Lesen von „%1“ fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Procore answered the upload with the wrong segments.</source>
        <translation>Procore hat den Upload mit falschen Segmenten beantwortet.</translation>
    </message>
</context>
<context>
    <name>trestle::ProfileRepository</name>
    <message>
        <source>A connection with this id exists already.</source>
        <translation>Eine Verbindung mit dieser ID existiert bereits.</translation>
    </message>
    <message>
        <source>The connection no longer exists.</source>
        <translation>Die Verbindung existiert nicht mehr.</translation>
    </message>
</context>
<context>
    <name>trestle::ProjectPage</name>
    <message>
        <source>Company and project</source>
        <translation>Unternehmen und Projekt</translation>
    </message>
    <message>
        <source>A connection reaches the Documents tool of one project.</source>
        <translation>Eine Verbindung erreicht das Dokumente-Tool eines Projekts.</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>Filter projects</source>
        <translation>Projekte filtern</translation>
    </message>
    <message>
        <source>Type to filter projects</source>
        <translation>Tippen, um Projekte zu filtern</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projekte</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Unternehmen:</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>&amp;Projekt:</translation>
    </message>
    <message>
        <source>Loading companies…</source>
        <translation>Unternehmen werden geladen…</translation>
    </message>
    <message>
        <source>This account sees no company. Ask a Procore administrator to add it to one.</source>
        <translation>Dieses Konto sieht kein Unternehmen. Bitten Sie einen Procore-Administrator, es einem hinzuzufügen.</translation>
    </message>
    <message>
        <source>Loading projects…</source>
        <translation>Projekte werden geladen…</translation>
    </message>
    <message>
        <source>This account sees no project in this company. Ask a Procore administrator to add it to the project&apos;s directory.</source>
        <translation>Dieses Konto sieht in diesem Unternehmen kein Projekt. Bitten Sie einen Procore-Administrator, es dem Verzeichnis des Projekts hinzuzufügen.</translation>
    </message>
</context>
<context>
    <name>trestle::ReportExporter</name>
    <message>
        <source>Trestle job %1: %2</source>
        <translation>Trestle-Auftrag %1: %2</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Elemente</translation>
    </message>
    <message>
        <source>%1 of %2 done, %3 failed, %4 skipped</source>
        <translation>%1 von %2 erledigt, %3 fehlgeschlagen, %4 übersprungen</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>The report could not be written.</source>
        <translation>Der Bericht konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Prüfsumme</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Written as</source>
        <translation>Geschrieben als</translation>
    </message>
</context>
<context>
    <name>trestle::SecretJob</name>
    <message>
        <source>Internal error: invalid connection id for the keychain.</source>
        <translation>Interner Fehler: ungültige Verbindungs-ID für den Schlüsselbund.</translation>
    </message>
    <message>
        <source>Install and start a Secret Service provider such as gnome-keyring or KWallet (Debian: apt install gnome-keyring), make sure it is unlocked, then try again.</source>
        <translation>Installieren und starten Sie einen Secret-Service-Anbieter wie gnome-keyring oder KWallet (Debian: apt install gnome-keyring), stellen Sie sicher, dass er entsperrt ist, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The credential is not in the keychain.</source>
        <translation>Die Anmeldeinformation ist nicht im Schlüsselbund.</translation>
    </message>
    <message>
        <source>The credential could not be deleted from the keychain.</source>
        <translation>Die Anmeldeinformation konnte nicht aus dem Schlüsselbund gelöscht werden.</translation>
    </message>
    <message>
        <source>Access to the keychain was denied. Allow Trestle to use the keychain and try again.</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert. Erlauben Sie Trestle die Nutzung des Schlüsselbunds und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The keychain refused access; it may be locked and could not be unlocked. %1</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert; er ist eventuell gesperrt und konnte nicht entsperrt werden. %1</translation>
    </message>
    <message>
        <source>No keychain is available to keep Trestle&apos;s credentials safe. %1</source>
        <translation>Es ist kein Schlüsselbund verfügbar, um die Anmeldeinformationen von Trestle sicher aufzubewahren. %1</translation>
    </message>
    <message>
        <source>This build of Trestle cannot use this system&apos;s keychain. %1</source>
        <translation>Diese Version von Trestle kann den Schlüsselbund dieses Systems nicht verwenden. %1</translation>
    </message>
    <message>
        <source>No keychain service (Secret Service) could be reached. %1</source>
        <translation>Kein Schlüsselbunddienst (Secret Service) erreichbar. %1</translation>
    </message>
    <message>
        <source>The keychain is locked or has no default keyring, and could not be unlocked. %1</source>
        <translation>Der Schlüsselbund ist gesperrt oder hat keinen Standard-Schlüsselring und konnte nicht entsperrt werden. %1</translation>
    </message>
    <message>
        <source>The keychain could not be used. %1</source>
        <translation>Der Schlüsselbund konnte nicht verwendet werden. %1</translation>
    </message>
</context>
<context>
    <name>trestle::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Übertragungen</translation>
    </message>
    <message>
        <source>Default policies</source>
        <translation>Standardregeln</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>How many files of one job move at the same time.</source>
        <translation>Wie viele Dateien eines Auftrags gleichzeitig übertragen werden.</translation>
    </message>
    <message>
        <source>&amp;Workers per job:</source>
        <translation>&amp;Worker pro Auftrag:</translation>
    </message>
    <message>
        <source>Jobs beyond this number wait in the queue.</source>
        <translation>Aufträge über diese Anzahl hinaus warten in der Warteschlange.</translation>
    </message>
    <message>
        <source>&amp;Jobs at once:</source>
        <translation>&amp;Aufträge gleichzeitig:</translation>
    </message>
    <message>
        <source> KB/s</source>
        <translation> KB/s</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Kein Limit</translation>
    </message>
    <message>
        <source>&amp;Bandwidth cap:</source>
        <translation>&amp;Bandbreitenlimit:</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>&amp;Reserve for browsing:</source>
        <translation>&amp;Reserve zum Durchsuchen:</translation>
    </message>
    <message>
        <source>Procore allows each application a fixed number of API calls an hour. Jobs leave this share of it for browsing the panes.</source>
        <translation>Procore erlaubt jeder Anwendung eine feste Zahl von API-Aufrufen pro Stunde. Aufträge lassen diesen Anteil für das Durchsuchen der Bereiche übrig.</translation>
    </message>
    <message>
        <source>The newer file wins</source>
        <translation>Die neuere Datei gewinnt</translation>
    </message>
    <message>
        <source>The source always wins</source>
        <translation>Die Quelle gewinnt immer</translation>
    </message>
    <message>
        <source>Keep both (rename the copy)</source>
        <translation>Beide behalten (Kopie umbenennen)</translation>
    </message>
    <message>
        <source>Skip the file</source>
        <translation>Datei überspringen</translation>
    </message>
    <message>
        <source>Add a new version (Procore)</source>
        <translation>Neue Version hinzufügen (Procore)</translation>
    </message>
    <message>
        <source>When a file exists on both &amp;sides:</source>
        <translation>Wenn eine Datei auf beiden &amp;Seiten existiert:</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Delete them (Procore: to the recycle bin)</source>
        <translation>Löschen (Procore: in den Papierkorb)</translation>
    </message>
    <message>
        <source>Sync: files gone from the &amp;source:</source>
        <translation>Sync: aus der &amp;Quelle entfernte Dateien:</translation>
    </message>
    <message>
        <source>Skip and report them</source>
        <translation>Überspringen und melden</translation>
    </message>
    <message>
        <source>Replace invalid characters</source>
        <translation>Ungültige Zeichen ersetzen</translation>
    </message>
    <message>
        <source>Names the destination &amp;rejects:</source>
        <translation>Vom Ziel abgele&amp;hnte Namen:</translation>
    </message>
    <message>
        <source>&amp;Forget remembered drop choice</source>
        <translation>Gemerkte Auswahl beim Ablegen &amp;vergessen</translation>
    </message>
    <message>
        <source>The next drop asks again.</source>
        <translation>Beim nächsten Ablegen wird wieder gefragt.</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>S&amp;prache:</translation>
    </message>
    <message>
        <source>A new language applies the next time Trestle starts.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von Trestle.</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>Drops:</source>
        <translation>Ablegen:</translation>
    </message>
    <message>
        <source>Ask me (the file waits for my decision)</source>
        <translation>Mich fragen (die Datei wartet auf meine Entscheidung)</translation>
    </message>
    <message>
        <source>All versions, oldest first</source>
        <translation>Alle Versionen, älteste zuerst</translation>
    </message>
    <message>
        <source>The latest version only</source>
        <translation>Nur die neueste Version</translation>
    </message>
    <message>
        <source>Where the source keeps a file&apos;s history (Procore) and the destination can hold it.</source>
        <translation>Wo die Quelle den Verlauf einer Datei führt (Procore) und das Ziel ihn aufnehmen kann.</translation>
    </message>
    <message>
        <source>Migrate: version &amp;history:</source>
        <translation>Migrieren: V&amp;ersionsverlauf:</translation>
    </message>
</context>
<context>
    <name>trestle::SharePage</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>File share</source>
        <translation>Dateifreigabe</translation>
    </message>
    <message>
        <source>A folder on this computer or a mounted network share.</source>
        <translation>Ein Ordner auf diesem Computer oder eine eingebundene Netzwerkfreigabe.</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>/mnt/projects or \\server\share\projects</source>
        <translation>/mnt/projekte oder \\server\freigabe\projekte</translation>
    </message>
    <message>
        <source>Browse for the folder</source>
        <translation>Ordner suchen</translation>
    </message>
    <message>
        <source>Display as</source>
        <translation>Anzeigen als</translation>
    </message>
    <message>
        <source>The folder&apos;s name</source>
        <translation>Der Name des Ordners</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>Display &amp;as:</source>
        <translation>&amp;Anzeigen als:</translation>
    </message>
    <message>
        <source>Pick a name that tells your connections apart.</source>
        <translation>Wählen Sie einen Namen, der Ihre Verbindungen unterscheidet.</translation>
    </message>
    <message>
        <source>Choose the folder</source>
        <translation>Ordner auswählen</translation>
    </message>
</context>
<context>
    <name>trestle::ShareProbe</name>
    <message>
        <source>Choose a folder.</source>
        <translation>Wählen Sie einen Ordner.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist or the share is not mounted.</source>
        <translation>Der Ordner %1 existiert nicht, oder die Freigabe ist nicht eingebunden.</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder.</source>
        <translation>%1 ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <source>Trestle may not read the folder %1.</source>
        <translation>Trestle darf den Ordner %1 nicht lesen.</translation>
    </message>
</context>
<context>
    <name>trestle::SignInPage</name>
    <message>
        <source>Sign in with a Procore &amp;user</source>
        <translation>Mit einem Procore-&amp;Benutzer anmelden</translation>
    </message>
    <message>
        <source>Use a ser&amp;vice account (for unattended scheduled jobs)</source>
        <translation>&amp;Dienstkonto verwenden (für unbeaufsichtigte geplante Aufträge)</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Sign in with Procore</source>
        <translation>Bei Procore anmelden</translation>
    </message>
    <message>
        <source>Your password goes to Procore&apos;s own page only; Trestle never sees or stores it.</source>
        <translation>Ihr Passwort geht nur an die Seite von Procore; Trestle sieht und speichert es nie.</translation>
    </message>
    <message>
        <source>Sign in with a Procore user</source>
        <translation>Mit einem Procore-Benutzer anmelden</translation>
    </message>
    <message>
        <source>Use a service account</source>
        <translation>Dienstkonto verwenden</translation>
    </message>
    <message>
        <source>Service account client ID</source>
        <translation>Client ID des Dienstkontos</translation>
    </message>
    <message>
        <source>Service account client secret</source>
        <translation>Client Secret des Dienstkontos</translation>
    </message>
    <message>
        <source>Company ID</source>
        <translation>Unternehmens-ID</translation>
    </message>
    <message>
        <source>Sign in with the service account</source>
        <translation>Mit dem Dienstkonto anmelden</translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation>Client &amp;ID:</translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation>Client S&amp;ecret:</translation>
    </message>
    <message>
        <source>Co&amp;mpany ID:</source>
        <translation>&amp;Unternehmens-ID:</translation>
    </message>
    <message>
        <source>Give the service account a name that says it is Trestle (for example &quot;Trestle – scheduled sync&quot;), so Procore admins can tell what it does in the logs.</source>
        <translation>Geben Sie dem Dienstkonto einen Namen, der Trestle erkennen lässt (zum Beispiel „Trestle – geplanter Sync“), damit Procore-Administratoren in den Protokollen sehen, was es tut.</translation>
    </message>
    <message>
        <source>Procore sign-in page</source>
        <translation>Procore-Anmeldeseite</translation>
    </message>
    <message>
        <source>The sign-in page could not be loaded (%1). Check the network connection and the Domain, then go Back and Next to try again.</source>
        <translation>Die Anmeldeseite konnte nicht geladen werden (%1). Prüfen Sie die Netzwerkverbindung und die Domain, und gehen Sie dann Zurück und Weiter, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Angemeldet als %1.</translation>
    </message>
</context>
<context>
    <name>trestle::SourceGuard</name>
    <message>
        <source>The file changed while it was being copied.</source>
        <translation>Die Datei hat sich während des Kopierens geändert.</translation>
    </message>
</context>
<context>
    <name>trestle::StatVersionListJob</name>
    <message>
        <source>“%1” is not a file.</source>
        <translation>„%1“ ist keine Datei.</translation>
    </message>
</context>
<context>
    <name>trestle::StorageTransfer</name>
    <message>
        <source>Cannot write the downloaded file: %1</source>
        <translation>Die heruntergeladene Datei kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>The download was redirected too often.</source>
        <translation>Der Download wurde zu oft umgeleitet.</translation>
    </message>
    <message>
        <source>The download ended early (%1 of %2 bytes arrived).</source>
        <translation>Der Download endete vorzeitig (%1 von %2 Byte angekommen).</translation>
    </message>
    <message>
        <source>The transfer was cancelled.</source>
        <translation>Die Übertragung wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>trestle::Store</name>
    <message>
        <source>“%1” cannot be created in %2: %3</source>
        <translation>„%1“ kann in %2 nicht angelegt werden: %3</translation>
    </message>
    <message>
        <source>The top folder cannot be moved.</source>
        <translation>Der oberste Ordner kann nicht verschoben werden.</translation>
    </message>
    <message>
        <source>The top folder already exists.</source>
        <translation>Der oberste Ordner existiert bereits.</translation>
    </message>
    <message>
        <source>“%1” cannot be moved into itself.</source>
        <translation>„%1“ kann nicht in sich selbst verschoben werden.</translation>
    </message>
    <message>
        <source>This store cannot open files for random access.</source>
        <translation>Dieser Speicher kann Dateien nicht für wahlfreien Zugriff öffnen.</translation>
    </message>
    <message>
        <source>This store cannot take pushed writes.</source>
        <translation>Dieser Speicher kann keine übergebenen Schreibvorgänge annehmen.</translation>
    </message>
    <message>
        <source>This store keeps no versions.</source>
        <translation>Dieser Speicher führt keine Versionen.</translation>
    </message>
</context>
<context>
    <name>trestle::StoreJob</name>
    <message>
        <source>The operation was cancelled.</source>
        <translation>Der Vorgang wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>trestle::StoreModel</name>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Unusable item</source>
        <translation>Unbrauchbares Element</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1 Byte</translation>
    </message>
</context>
<context>
    <name>trestle::StreamPump</name>
    <message>
        <source>A transfer lost its source or destination.</source>
        <translation>Eine Übertragung hat ihre Quelle oder ihr Ziel verloren.</translation>
    </message>
    <message>
        <source>Reading the source failed.</source>
        <translation>Lesen der Quelle fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The source ended early: %1 of %2 bytes arrived.</source>
        <translation>Die Quelle endete vorzeitig: %1 von %2 Byte angekommen.</translation>
    </message>
    <message>
        <source>Writing the destination failed.</source>
        <translation>Schreiben des Ziels fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>trestle::TestPage</name>
    <message>
        <source>&amp;Test again</source>
        <translation>Erneut &amp;testen</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Trestle checks that it can reach the files, then saves the connection when you press Done.</source>
        <translation>Trestle prüft, ob es die Dateien erreicht, und speichert die Verbindung, wenn Sie auf „Fertig“ klicken.</translation>
    </message>
    <message>
        <source>Connection summary</source>
        <translation>Zusammenfassung der Verbindung</translation>
    </message>
    <message>
        <source>Test the connection again</source>
        <translation>Verbindung erneut testen</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Ordner: %1</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>Konto: %1</translation>
    </message>
    <message>
        <source>Company: %1</source>
        <translation>Unternehmen: %1</translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation>Projekt: %1</translation>
    </message>
    <message>
        <source>Domain: %1</source>
        <translation>Domain: %1</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Verbindung wird getestet…</translation>
    </message>
    <message>
        <source>Saving the connection…</source>
        <translation>Verbindung wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>trestle::TokenManager</name>
    <message>
        <source>The keychain is not available.</source>
        <translation>Der Schlüsselbund ist nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>trestle::TokenRequest</name>
    <message>
        <source>Sign in again to %1.</source>
        <translation>Melden Sie sich erneut bei %1 an.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>trestle::TransferCommand</name>
    <message>
        <source>Invalid value for --%1.</source>
        <translation>Ungültiger Wert für --%1.</translation>
    </message>
    <message>
        <source>analyze, copy, sync, migrate, jobs, resume, retry or report</source>
        <translation>analyze, copy, sync, migrate, jobs, resume, retry oder report</translation>
    </message>
    <message>
        <source>Plan only: show what the job would do.</source>
        <translation>Nur planen: zeigen, was der Auftrag tun würde.</translation>
    </message>
    <message>
        <source>Print results as JSON.</source>
        <translation>Ergebnisse als JSON ausgeben.</translation>
    </message>
    <message>
        <source>report: HTML instead of CSV.</source>
        <translation>report: HTML statt CSV.</translation>
    </message>
    <message>
        <source>newer-wins, source-wins, keep-both, skip, ask, new-version</source>
        <translation>newer-wins, source-wins, keep-both, skip, ask, new-version</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>keep or delete (sync)</source>
        <translation>keep oder delete (sync)</translation>
    </message>
    <message>
        <source>report or map</source>
        <translation>report oder map</translation>
    </message>
    <message>
        <source>Copy only files matching the glob.</source>
        <translation>Nur Dateien kopieren, die auf das Muster passen.</translation>
    </message>
    <message>
        <source>glob</source>
        <translation>Muster</translation>
    </message>
    <message>
        <source>Leave out files and folders matching the glob.</source>
        <translation>Dateien und Ordner auslassen, die auf das Muster passen.</translation>
    </message>
    <message>
        <source>Copy only these file types.</source>
        <translation>Nur diese Dateitypen kopieren.</translation>
    </message>
    <message>
        <source>extension</source>
        <translation>Endung</translation>
    </message>
    <message>
        <source>Smallest file size.</source>
        <translation>Kleinste Dateigröße.</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Byte</translation>
    </message>
    <message>
        <source>Largest file size.</source>
        <translation>Größte Dateigröße.</translation>
    </message>
    <message>
        <source>Only files modified since.</source>
        <translation>Nur Dateien, die seitdem geändert wurden.</translation>
    </message>
    <message>
        <source>ISO date</source>
        <translation>ISO-Datum</translation>
    </message>
    <message>
        <source>Worker threads.</source>
        <translation>Worker-Threads.</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Usage: trestle analyze &lt;source&gt; | copy|sync|migrate &lt;source&gt; &lt;destination&gt; | jobs | resume|retry|report &lt;job-id&gt;  [--dry-run] [--json] [policies…]</source>
        <translation>Aufruf: trestle analyze &lt;Quelle&gt; | copy|sync|migrate &lt;Quelle&gt; &lt;Ziel&gt; | jobs | resume|retry|report &lt;Auftrags-ID&gt;  [--dry-run] [--json] [Regeln…]</translation>
    </message>
    <message>
        <source>%1 files, %2 folders, %3; %4 names Procore would reject; about %5 API calls</source>
        <translation>%1 Dateien, %2 Ordner, %3; %4 Namen, die Procore ablehnen würde; etwa %5 API-Aufrufe</translation>
    </message>
    <message>
        <source>Plan: %1 folders to create, %2 new files, %3 to replace, %4 to delete, %5 unchanged, %6 skipped; %7 to copy</source>
        <translation>Plan: %1 Ordner anlegen, %2 neue Dateien, %3 ersetzen, %4 löschen, %5 unverändert, %6 übersprungen; %7 zu kopieren</translation>
    </message>
    <message>
        <source>Job %1 cannot run here: its connections are missing.</source>
        <translation>Auftrag %1 kann hier nicht laufen: Seine Verbindungen fehlen.</translation>
    </message>
    <message>
        <source>%1 s left</source>
        <translation>noch %1 s</translation>
    </message>
    <message>
        <source>Job %1: %2, %3 done, %4 failed, %5 skipped</source>
        <translation>Auftrag %1: %2, %3 erledigt, %4 fehlgeschlagen, %5 übersprungen</translation>
    </message>
    <message>
        <source>Use either --every or --at, not both.</source>
        <translation>Verwenden Sie entweder --every oder --at, nicht beides.</translation>
    </message>
    <message>
        <source>sync: one-way or two-way</source>
        <translation>sync: one-way oder two-way</translation>
    </message>
    <message>
        <source>direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Bandwidth cap for the job (bytes/s; k, M, G suffixes; 0 = none).</source>
        <translation>Bandbreitenlimit des Auftrags (Byte/s; Suffixe k, M, G; 0 = keines).</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>migrate: delete each source file once its copy is verified.</source>
        <translation>migrate: jede Quelldatei löschen, sobald ihre Kopie geprüft ist.</translation>
    </message>
    <message>
        <source>Run the job again every N hours.</source>
        <translation>Den Auftrag alle N Stunden erneut ausführen.</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Run the job again daily at this time.</source>
        <translation>Den Auftrag täglich zu dieser Uhrzeit erneut ausführen.</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <source>waiting for API budget until %1</source>
        <translation>wartet auf API-Kontingent bis %1</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Zeigt diese Hilfe an.</translation>
    </message>
    <message>
        <source>Scan &lt;source&gt; and measure it against Procore&apos;s rules: files, folders, size, names Procore would reject and the API calls a copy would take. Nothing is written.</source>
        <translation>Durchsucht &lt;source&gt; und misst den Inhalt an den Regeln von Procore: Dateien, Ordner, Größe, Namen, die Procore ablehnen würde, und die API-Aufrufe, die eine Kopie kosten würde. Es wird nichts geschrieben.</translation>
    </message>
    <message>
        <source>Copy the files and folders of &lt;source&gt; into &lt;destination&gt;. Files that exist on both sides are handled by --conflicts.</source>
        <translation>Kopiert die Dateien und Ordner von &lt;source&gt; nach &lt;destination&gt;. Was mit Dateien geschieht, die auf beiden Seiten vorhanden sind, legt --conflicts fest.</translation>
    </message>
    <message>
        <source>Make &lt;destination&gt; match &lt;source&gt;: new and changed files are copied; with --deletes delete, files gone from &lt;source&gt; are deleted; --direction two-way syncs both ways.</source>
        <translation>Gleicht &lt;destination&gt; an &lt;source&gt; an: Neue und geänderte Dateien werden kopiert; mit --deletes delete werden Dateien gelöscht, die in &lt;source&gt; nicht mehr vorhanden sind; --direction two-way synchronisiert in beide Richtungen.</translation>
    </message>
    <message>
        <source>Copy &lt;source&gt; into &lt;destination&gt;, then verify every copied file; with --delete-source each source file is deleted once its copy is verified.</source>
        <translation>Kopiert &lt;source&gt; nach &lt;destination&gt; und prüft danach jede kopierte Datei; mit --delete-source wird jede Quelldatei gelöscht, sobald ihre Kopie geprüft ist.</translation>
    </message>
    <message>
        <source>List the jobs in the journal: id, kind, state, items done, source and destination.</source>
        <translation>Listet die Aufträge im Journal auf: ID, Art, Zustand, erledigte Elemente, Quelle und Ziel.</translation>
    </message>
    <message>
        <source>Run the remaining items of a job (also after a crash).</source>
        <translation>Führt die verbleibenden Elemente eines Auftrags aus (auch nach einem Absturz).</translation>
    </message>
    <message>
        <source>Run the failed items of a job again.</source>
        <translation>Führt die fehlgeschlagenen Elemente eines Auftrags erneut aus.</translation>
    </message>
    <message>
        <source>Write the items of a job to the standard output as CSV (or HTML).</source>
        <translation>Schreibt die Elemente eines Auftrags als CSV (oder HTML) in die Standardausgabe.</translation>
    </message>
    <message>
        <source>List the saved connections: name, kind, project or folder, and id.</source>
        <translation>Listet die gespeicherten Verbindungen auf: Name, Art, Projekt oder Ordner und ID.</translation>
    </message>
    <message>
        <source>List the Procore projects the account of a saved Procore connection can see.</source>
        <translation>Listet die Procore-Projekte auf, die das Konto einer gespeicherten Procore-Verbindung sehen kann.</translation>
    </message>
    <message>
        <source>Commands: %1. Write trestle &lt;command&gt; --help for a command&apos;s options.</source>
        <translation>Befehle: %1. Die Optionen eines Befehls zeigt trestle &lt;Befehl&gt; --help.</translation>
    </message>
    <message>
        <source>options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>Aufruf: %1</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <source>skip %1: %2</source>
        <translation>übersprungen: %1 – %2</translation>
    </message>
    <message>
        <source>%1/%2 items  %3/%4  %5/s  %6</source>
        <translation>%1/%2 Elemente  %3/%4  %5/s  %6</translation>
    </message>
    <message>
        <source>migrate: all (each file&apos;s history, oldest first) or latest</source>
        <translation>migrate: all (Versionsverlauf jeder Datei, älteste zuerst) oder latest</translation>
    </message>
    <message>
        <source>which</source>
        <translation>welche</translation>
    </message>
    <message>
        <source>Job %1 was not completely planned: it is planned again as job %2.</source>
        <translation>Auftrag %1 wurde nicht vollständig geplant: er wird als Auftrag %2 neu geplant.</translation>
    </message>
    <message>
        <source>History: %1 files with their versions, %2 older versions to copy (about %3)</source>
        <translation>Verlauf: %1 Dateien mit ihren Versionen, %2 ältere Versionen zu kopieren (etwa %3)</translation>
    </message>
</context>
<context>
    <name>trestle::TransferFlow</name>
    <message>
        <source>Transfer “%1” to %2?</source>
        <translation>„%1“ nach %2 übertragen?</translation>
    </message>
    <message numerus="yes">
        <source>Transfer %n items from %1 to %2?</source>
        <translation>
            <numerusform>%n Element von %1 nach %2 übertragen?</numerusform>
            <numerusform>%n Elemente von %1 nach %2 übertragen?</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 “%2” to %3</source>
        <translation>%1: „%2“ nach %3</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>The job could not be planned: %1</source>
        <translation>Der Auftrag konnte nicht geplant werden: %1</translation>
    </message>
</context>
<context>
    <name>trestle::TreeWalker</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The store went away during a walk.</source>
        <translation>Der Speicher ist während des Durchlaufs verschwunden.</translation>
    </message>
</context>
<context>
    <name>trestle::TwoWayBuilder</name>
    <message>
        <source>not a regular file or folder</source>
        <translation>keine normale Datei und kein Ordner</translation>
    </message>
    <message>
        <source>a file on one side and a folder on the other</source>
        <translation>auf einer Seite eine Datei, auf der anderen ein Ordner</translation>
    </message>
    <message>
        <source>deleted on the other side; kept here (policy: keep)</source>
        <translation>auf der anderen Seite gelöscht; hier behalten (Regel: behalten)</translation>
    </message>
    <message>
        <source>changed here and deleted on the other side: the change is kept</source>
        <translation>hier geändert und auf der anderen Seite gelöscht: die Änderung bleibt erhalten</translation>
    </message>
    <message>
        <source>changed on both sides and neither is newer</source>
        <translation>auf beiden Seiten geändert, und keine ist neuer</translation>
    </message>
    <message>
        <source>changed on both sides (policy: skip)</source>
        <translation>auf beiden Seiten geändert (Regel: überspringen)</translation>
    </message>
    <message>
        <source>changed on both sides: waiting for a decision</source>
        <translation>auf beiden Seiten geändert: wartet auf eine Entscheidung</translation>
    </message>
</context>
<context>
    <name>trestle::UrlPolicy</name>
    <message>
        <source>The server address is not a valid URL.</source>
        <translation>Die Serveradresse ist keine gültige URL.</translation>
    </message>
    <message>
        <source>Trestle only talks to servers over https (plain http is allowed for this computer only).</source>
        <translation>Trestle kommuniziert mit Servern nur über https (einfaches http ist nur für diesen Computer erlaubt).</translation>
    </message>
</context>
<context>
    <name>trestle::VersionHistoryCopy</name>
    <message>
        <source>The worker has no store for this item.</source>
        <translation>Der Worker hat für dieses Element keinen Speicher.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>“%1” has no versions to copy.</source>
        <translation>„%1“ hat keine Versionen zum Kopieren.</translation>
    </message>
    <message>
        <source>A folder has this name on the destination.</source>
        <translation>Am Ziel hat ein Ordner diesen Namen.</translation>
    </message>
    <message>
        <source>The destination&apos;s file has a history that differs from the source&apos;s: it was left as it is.</source>
        <translation>Die Datei am Ziel hat einen anderen Versionsverlauf als die Quelle: Sie bleibt unverändert.</translation>
    </message>
    <message>
        <source>Could not create a temporary file.</source>
        <translation>Es konnte keine temporäre Datei angelegt werden.</translation>
    </message>
    <message>
        <source>The destination&apos;s copy differs from the source.</source>
        <translation>Die Kopie am Ziel weicht von der Quelle ab.</translation>
    </message>
</context>
<context>
    <name>trestle::db</name>
    <message>
        <source>The folder for the Trestle database could not be created.</source>
        <translation>Der Ordner für die Trestle-Datenbank konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The Trestle database file could not be created.</source>
        <translation>Die Datei der Trestle-Datenbank konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The Trestle database was written by a newer version of Trestle. Update Trestle to open it.</source>
        <translation>Die Trestle-Datenbank wurde von einer neueren Trestle-Version geschrieben. Aktualisieren Sie Trestle, um sie zu öffnen.</translation>
    </message>
    <message>
        <source>The Trestle database file is damaged or is not a Trestle database.</source>
        <translation>Die Datei der Trestle-Datenbank ist beschädigt oder keine Trestle-Datenbank.</translation>
    </message>
    <message>
        <source>The disk holding the Trestle database is full.</source>
        <translation>Der Datenträger mit der Trestle-Datenbank ist voll.</translation>
    </message>
    <message>
        <source>The Trestle database could not be read or written.</source>
        <translation>Die Trestle-Datenbank konnte nicht gelesen oder geschrieben werden.</translation>
    </message>
</context>
</TS>
