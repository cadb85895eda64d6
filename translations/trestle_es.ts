<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>QLabel</name>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Add the folder &lt;dir&gt; as the &quot;Demo share&quot; connection (once).</source>
        <translation>Añade la carpeta &lt;dir&gt; como conexión «Demo share» (una sola vez).</translation>
    </message>
    <message>
        <source>Offer the bundled Procore sandbox at &lt;url&gt; as a connection domain.</source>
        <translation>Ofrece el sandbox de Procore incluido en &lt;url&gt; como dominio de conexión.</translation>
    </message>
    <message>
        <source>Not a URL: %1</source>
        <translation>No es una URL: %1</translation>
    </message>
    <message>
        <source>Trestle</source>
        <translation>Trestle</translation>
    </message>
    <message>
        <source>Trestle cannot open its database: %1</source>
        <translation>Trestle no puede abrir su base de datos: %1</translation>
    </message>
    <message>
        <source>Move construction project files between Procore and file shares.

Without a command, opens the window. Commands (trestle &lt;command&gt; --help for each):
  analyze, copy, sync, migrate, jobs, resume, retry, report, connections, projects</source>
        <translation>Mueve archivos de proyectos de construcción entre Procore y recursos compartidos.

Sin un comando, abre la ventana. Comandos (trestle &lt;comando&gt; --help para cada uno):
  analyze, copy, sync, migrate, jobs, resume, retry, report, connections, projects</translation>
    </message>
</context>
<context>
    <name>trestle::ApiCall</name>
    <message>
        <source>This connection is not signed in.</source>
        <translation>Esta conexión no tiene la sesión iniciada.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Se canceló la solicitud.</translation>
    </message>
    <message>
        <source>Procore sent a link to another server.</source>
        <translation>Procore envió un enlace a otro servidor.</translation>
    </message>
    <message>
        <source>The file cannot be sent again.</source>
        <translation>El archivo no se puede volver a enviar.</translation>
    </message>
    <message>
        <source>Procore rejected the sign-in even after renewing it %1 times. Sign in again.</source>
        <translation>Procore rechazó el inicio de sesión incluso después de renovarlo %1 veces. Inicie sesión de nuevo.</translation>
    </message>
</context>
<context>
    <name>trestle::ApiErrors</name>
    <message>
        <source>Procore sent a reply Trestle does not understand.</source>
        <translation>Procore envió una respuesta que Trestle no entiende.</translation>
    </message>
    <message>
        <source>The Procore sign-in has expired.</source>
        <translation>La sesión de Procore ha caducado.</translation>
    </message>
    <message>
        <source>You do not have permission to do this in Procore.</source>
        <translation>No tiene permiso para hacer esto en Procore.</translation>
    </message>
    <message>
        <source>The item does not exist in Procore any more, or you have no access to it.</source>
        <translation>El elemento ya no existe en Procore o no tiene acceso a él.</translation>
    </message>
    <message>
        <source>Procore reported a conflict.</source>
        <translation>Procore informó de un conflicto.</translation>
    </message>
    <message>
        <source>The Procore API budget for this hour is used up; Trestle waits until it resets.</source>
        <translation>El cupo de la API de Procore de esta hora se ha agotado; Trestle espera a que se restablezca.</translation>
    </message>
    <message>
        <source>Procore did not answer in time.</source>
        <translation>Procore no respondió a tiempo.</translation>
    </message>
    <message>
        <source>Procore had a problem (HTTP %1). Please try again later.</source>
        <translation>Procore tuvo un problema (HTTP %1). Inténtelo de nuevo más tarde.</translation>
    </message>
    <message>
        <source>Procore refused the request.</source>
        <translation>Procore rechazó la solicitud.</translation>
    </message>
    <message>
        <source>Procore sent an unexpected answer (HTTP %1).</source>
        <translation>Procore envió una respuesta inesperada (HTTP %1).</translation>
    </message>
    <message>
        <source>Sign in again to %1.</source>
        <translation>Vuelva a iniciar sesión en %1.</translation>
    </message>
    <message>
        <source>Procore refused the sign-in for %1.</source>
        <translation>Procore rechazó el inicio de sesión de %1.</translation>
    </message>
    <message>
        <source>The secure connection to Procore could not be verified. Check the date, the network&apos;s proxy and the certificate.</source>
        <translation>No se pudo verificar la conexión segura con Procore. Compruebe la fecha, el proxy de la red y el certificado.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Se canceló la solicitud.</translation>
    </message>
    <message>
        <source>Cannot reach Procore. Check the network connection.</source>
        <translation>No se puede acceder a Procore. Compruebe la conexión de red.</translation>
    </message>
</context>
<context>
    <name>trestle::AuthorizationCodeFlow</name>
    <message>
        <source>The sign-in answer did not belong to this sign-in. Please try again.</source>
        <translation>La respuesta no corresponde a este inicio de sesión. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Procore refused the sign-in (%1).</source>
        <translation>Procore rechazó el inicio de sesión (%1).</translation>
    </message>
    <message>
        <source>Procore refused the sign-in: %1</source>
        <translation>Procore rechazó el inicio de sesión: %1</translation>
    </message>
    <message>
        <source>Procore&apos;s sign-in answer carried no code.</source>
        <translation>La respuesta de inicio de sesión de Procore no contenía ningún código.</translation>
    </message>
</context>
<context>
    <name>trestle::BreadcrumbBar</name>
    <message>
        <source>Root</source>
        <translation>Raíz</translation>
    </message>
</context>
<context>
    <name>trestle::BudgetChart</name>
    <message>
        <source>API calls in the last hour</source>
        <translation>Llamadas a la API en la última hora</translation>
    </message>
    <message>
        <source>60 min ago</source>
        <translation>hace 60 min</translation>
    </message>
    <message>
        <source>now</source>
        <translation>ahora</translation>
    </message>
    <message>
        <source>calls per minute</source>
        <translation>llamadas por minuto</translation>
    </message>
    <message>
        <source>budget left (share of the hour)</source>
        <translation>cupo restante</translation>
    </message>
</context>
<context>
    <name>trestle::BudgetMeterWidget</name>
    <message>
        <source>API budget</source>
        <translation>Cupo de API</translation>
    </message>
    <message>
        <source>no calls yet</source>
        <translation>aún sin llamadas</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>resetting</source>
        <translation>restableciendo</translation>
    </message>
    <message>
        <source>resets in &lt; 1 min</source>
        <translation>se restablece en &lt; 1 min</translation>
    </message>
    <message numerus="yes">
        <source>resets in %n min</source>
        <translation>
            <numerusform>se restablece en %n min</numerusform>
            <numerusform>se restablece en %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1/min</source>
        <translation>%1/min</translation>
    </message>
    <message>
        <source>waiting until %1</source>
        <translation>esperando hasta las %1</translation>
    </message>
    <message>
        <source>Procore API calls left this hour for this application.</source>
        <translation>Llamadas a la API de Procore que le quedan a esta aplicación en esta hora.</translation>
    </message>
    <message>
        <source>Short-term limit: %1 of %2 left</source>
        <translation>Límite a corto plazo: quedan %1 de %2</translation>
    </message>
    <message>
        <source>At this pace the budget runs out at %1</source>
        <translation>A este ritmo, el cupo se agota a las %1</translation>
    </message>
    <message>
        <source>Click for the last hour.</source>
        <translation>Haga clic para ver la última hora.</translation>
    </message>
    <message>
        <source>API calls in the last hour</source>
        <translation>Llamadas a la API en la última hora</translation>
    </message>
</context>
<context>
    <name>trestle::ConflictDecisions</name>
    <message>
        <source>This item does not wait for a decision.</source>
        <translation>Este elemento no espera ninguna decisión.</translation>
    </message>
    <message>
        <source>both kept as they are (decided by the user)</source>
        <translation>ambos se conservan como están (decisión del usuario)</translation>
    </message>
    <message>
        <source>the destination&apos;s copy wins (decided by the user)</source>
        <translation>gana la copia del destino (decisión del usuario)</translation>
    </message>
    <message>
        <source>the source&apos;s copy wins (decided by the user)</source>
        <translation>gana la copia del origen (decisión del usuario)</translation>
    </message>
    <message>
        <source>both kept: the source&apos;s copy under a new name beside the destination&apos;s (decided by the user)</source>
        <translation>se conservan ambos: la copia del origen con un nombre nuevo junto a la del destino (decidido por el usuario)</translation>
    </message>
    <message>
        <source>both kept: the destination&apos;s copy keeps the name on both sides (decided by the user)</source>
        <translation>se conservan ambos: la copia del destino conserva el nombre en ambos lados (decidido por el usuario)</translation>
    </message>
</context>
<context>
    <name>trestle::ConflictsDialog</name>
    <message>
        <source>size unknown</source>
        <translation>tamaño desconocido</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Resolve conflicts</source>
        <translation>Resolver conflictos</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>For &amp;all files:</source>
        <translation>Para &amp;todos los archivos:</translation>
    </message>
    <message>
        <source>&amp;Apply and go on</source>
        <translation>&amp;Aplicar y continuar</translation>
    </message>
    <message>
        <source>1 file exists on both sides and differs. Choose what becomes of it; the job then copies what you chose. Left at “Decide later”, it keeps waiting.</source>
        <translation>1 archivo existe en ambos lados y es distinto. Elija qué hacer con él; la tarea copiará lo que elija. Si lo deja en «Decidir más tarde», sigue esperando.</translation>
    </message>
    <message numerus="yes">
        <source>%n files exist on both sides and differ. Choose what becomes of each; the job then copies what you chose. Files left at “Decide later” keep waiting.</source>
        <translation>
            <numerusform>%n archivo existe en ambos lados y es distinto. Elija qué hacer con él; la tarea copiará lo que elija. Si lo deja en «Decidir más tarde», sigue esperando.</numerusform>
            <numerusform>%n archivos existen en ambos lados y son distintos. Elija qué hacer con cada uno; la tarea copiará lo que elija. Los que deje en «Decidir más tarde» siguen esperando.</numerusform>
        </translation>
    </message>
    <message>
        <source>The first %1 are listed; the others follow once these are decided.</source>
        <translation>Se muestran los primeros %1; los demás aparecerán cuando se hayan decidido estos.</translation>
    </message>
    <message>
        <source>The waiting files could not be read: %1</source>
        <translation>No se pudieron leer los archivos en espera: %1</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Decidir más tarde</translation>
    </message>
    <message>
        <source>Add the source’s file as a new version</source>
        <translation>Añadir el archivo del origen como versión nueva</translation>
    </message>
    <message>
        <source>Overwrite with the source’s file</source>
        <translation>Sobrescribir con el archivo del origen</translation>
    </message>
    <message>
        <source>Keep both (the source’s file under a new name)</source>
        <translation>Conservar ambos (el archivo del origen con un nombre nuevo)</translation>
    </message>
    <message>
        <source>Skip (leave both as they are)</source>
        <translation>Omitir (dejar ambos como están)</translation>
    </message>
    <message>
        <source>Copy the destination’s file back</source>
        <translation>Copiar de vuelta el archivo del destino</translation>
    </message>
    <message>
        <source>%1
at the destination: %2</source>
        <translation>%1
en el destino: %2</translation>
    </message>
    <message>
        <source>looking…</source>
        <translation>buscando…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
</context>
<context>
    <name>trestle::ConnectionListModel</name>
    <message>
        <source>File share</source>
        <translation>Recurso compartido</translation>
    </message>
    <message>
        <source>Procore</source>
        <translation>Procore</translation>
    </message>
    <message>
        <source>Service account</source>
        <translation>Cuenta de servicio</translation>
    </message>
    <message>
        <source>Not tested</source>
        <translation>Sin probar</translation>
    </message>
    <message>
        <source>%1 (tested %2)</source>
        <translation>%1 (probada %2)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Correcta</translation>
    </message>
    <message>
        <source>Test failed</source>
        <translation>Prueba fallida</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plataforma</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Proyecto</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>trestle::ConnectionManager</name>
    <message>
        <source>A file share needs no sign-in.</source>
        <translation>Un recurso compartido no necesita iniciar sesión.</translation>
    </message>
    <message>
        <source>This connection is busy; try again in a moment.</source>
        <translation>Esta conexión está ocupada; inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The sign-in of %1 is missing. Use Reconnect to sign in again.</source>
        <translation>Falta el inicio de sesión de %1. Use «Volver a conectar» para iniciar sesión de nuevo.</translation>
    </message>
    <message>
        <source>The sign-in of %1 is no longer valid (a changed password or a revoked access). Use Reconnect to sign in again.</source>
        <translation>El inicio de sesión de %1 ya no es válido (contraseña cambiada o acceso revocado). Use «Volver a conectar» para iniciar sesión de nuevo.</translation>
    </message>
    <message>
        <source>The system keychain is not available, so the connection&apos;s secrets cannot be removed: %1</source>
        <translation>El llavero del sistema no está disponible, así que no se pueden quitar los secretos de la conexión: %1</translation>
    </message>
    <message>
        <source>The connection&apos;s secrets could not be removed from the system keychain, so the connection was kept: %1</source>
        <translation>No se pudieron quitar los secretos de la conexión del llavero del sistema, así que se conservó la conexión: %1</translation>
    </message>
</context>
<context>
    <name>trestle::ConnectionManagerDialog</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Añadir…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Reconnect…</source>
        <translation>&amp;Volver a conectar…</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Probar</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>E&amp;liminar…</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Conexiones</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Connection test succeeded</source>
        <translation>Prueba de conexión correcta</translation>
    </message>
    <message>
        <source>The connection was deleted and its sign-in revoked.</source>
        <translation>Se eliminó la conexión y se revocó su inicio de sesión.</translation>
    </message>
    <message>
        <source>Edit connection</source>
        <translation>Editar conexión</translation>
    </message>
    <message>
        <source>Display as:</source>
        <translation>Mostrar como:</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>Eliminar conexión</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? Trestle signs it out at Procore and removes its secrets from the keychain.</source>
        <translation>¿Eliminar «%1»? Trestle cierra su sesión en Procore y quita sus secretos del llavero.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>E&amp;liminar</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Eliminando…</translation>
    </message>
</context>
<context>
    <name>trestle::ConnectionMessages</name>
    <message>
        <source>Connection test succeeded</source>
        <translation>Prueba de conexión correcta</translation>
    </message>
    <message>
        <source>The Procore API budget of this application is exhausted until %1. Try again after that time.</source>
        <translation>El cupo de la API de Procore de esta aplicación está agotado hasta las %1. Inténtelo de nuevo después.</translation>
    </message>
    <message>
        <source>Cannot reach %1. Check the network connection, the proxy settings and the Domain.</source>
        <translation>No se puede acceder a %1. Compruebe la conexión de red, la configuración del proxy y el dominio.</translation>
    </message>
    <message>
        <source>%1 did not answer in time. Check the network connection and try again.</source>
        <translation>%1 no respondió a tiempo. Compruebe la conexión de red e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The secure (TLS) connection to %1 could not be verified. Check the computer&apos;s date and time and whether a proxy intercepts HTTPS.</source>
        <translation>No se pudo verificar la conexión segura (TLS) con %1. Compruebe la fecha y la hora del equipo y si un proxy intercepta HTTPS.</translation>
    </message>
    <message>
        <source>The Procore API budget of this application is exhausted for now. Try again later.</source>
        <translation>El cupo de la API de Procore de esta aplicación está agotado por ahora. Inténtelo de nuevo más tarde.</translation>
    </message>
    <message>
        <source>%1 had a problem (HTTP %2). Try again in a few minutes.</source>
        <translation>%1 tuvo un problema (HTTP %2). Inténtelo de nuevo en unos minutos.</translation>
    </message>
    <message>
        <source>Procore refused the client credentials: the Client Secret is wrong or does not belong to this Client ID. Copy both again from your app in the Procore Developer Portal.</source>
        <translation>Procore rechazó las credenciales del cliente: el Client Secret es incorrecto o no corresponde a este Client ID. Vuelva a copiar ambos de su aplicación en el Procore Developer Portal.</translation>
    </message>
    <message>
        <source>Procore refused the service account: the client ID or client secret is wrong. Copy both again from the service account&apos;s page in Procore&apos;s Company Admin.</source>
        <translation>Procore rechazó la cuenta de servicio: el Client ID o el Client Secret es incorrecto. Vuelva a copiar ambos de la página de la cuenta de servicio en la herramienta Administrador de la empresa de Procore.</translation>
    </message>
    <message>
        <source>%1 refused Trestle&apos;s built-in client credentials. Choose &quot;Use custom client credentials&quot; and enter your own Procore app&apos;s Client ID and Client Secret.</source>
        <translation>%1 rechazó las credenciales de cliente integradas de Trestle. Elija «Usar credenciales de cliente propias» e introduzca el Client ID y el Client Secret de su propia aplicación de Procore.</translation>
    </message>
    <message>
        <source>Procore refused to show its sign-in page: the Client ID is unknown on this Domain, or the redirect URI %1 is not registered for your app. Register it in the app&apos;s settings in the Procore Developer Portal.</source>
        <translation>Procore se negó a mostrar su página de inicio de sesión: el Client ID no existe en este dominio o la URI de redirección %1 no está registrada para su aplicación. Regístrela en la configuración de la aplicación en el Procore Developer Portal.</translation>
    </message>
    <message>
        <source>Procore refused to show its sign-in page for Trestle&apos;s built-in application (the redirect URI %1 may not be registered on this Domain). Use custom client credentials.</source>
        <translation>Procore se negó a mostrar su página de inicio de sesión para la aplicación integrada de Trestle (puede que la URI de redirección %1 no esté registrada en este dominio). Use credenciales de cliente propias.</translation>
    </message>
    <message>
        <source>This account may not list companies or projects. Ask a Procore administrator to add it to the project&apos;s directory.</source>
        <translation>Esta cuenta no puede ver empresas ni proyectos. Pida a un administrador de Procore que la añada al directorio del proyecto.</translation>
    </message>
    <message>
        <source>The sign-in is no longer valid. Go back and sign in again.</source>
        <translation>El inicio de sesión ya no es válido. Vuelva atrás e inicie sesión de nuevo.</translation>
    </message>
    <message>
        <source>This account has no permission for the Documents tool. Ask a Procore administrator to grant it at least Read Only access to Documents.</source>
        <translation>Esta cuenta no tiene permiso para la herramienta Documentos. Pida a un administrador de Procore que le conceda al menos acceso de «Solo lectura» a Documentos.</translation>
    </message>
    <message>
        <source>This account has no access to the Documents of &quot;%1&quot;. Ask a Procore administrator to add it to the project (or to the service account&apos;s permitted projects).</source>
        <translation>Esta cuenta no tiene acceso a los Documentos de «%1». Pida a un administrador de Procore que la añada al proyecto (o a los proyectos permitidos de la cuenta de servicio).</translation>
    </message>
    <message>
        <source>The Documents of &quot;%1&quot; cannot be found: the project was deleted or this account has no access to it.</source>
        <translation>No se encuentran los Documentos de «%1»: el proyecto se eliminó o esta cuenta no tiene acceso a él.</translation>
    </message>
    <message>
        <source>The sign-in is no longer valid. Reconnect to sign in again.</source>
        <translation>El inicio de sesión ya no es válido. Vuelva a conectar para iniciar sesión de nuevo.</translation>
    </message>
</context>
<context>
    <name>trestle::ConnectionSetup</name>
    <message>
        <source>Enter the Domain as a full URL, for example https://api.procore.com/.</source>
        <translation>Introduzca el dominio como URL completa, por ejemplo https://api.procore.com/.</translation>
    </message>
    <message>
        <source>Enter the Client ID of your Procore app.</source>
        <translation>Introduzca el Client ID de su aplicación de Procore.</translation>
    </message>
    <message>
        <source>Enter the Client Secret of your Procore app.</source>
        <translation>Introduzca el Client Secret de su aplicación de Procore.</translation>
    </message>
    <message>
        <source>Enter the service account&apos;s client ID.</source>
        <translation>Introduzca el Client ID de la cuenta de servicio.</translation>
    </message>
    <message>
        <source>Enter the service account&apos;s client secret.</source>
        <translation>Introduzca el Client Secret de la cuenta de servicio.</translation>
    </message>
    <message>
        <source>Enter the Company ID the service account belongs to (a number).</source>
        <translation>Introduzca el ID de la empresa a la que pertenece la cuenta de servicio (un número).</translation>
    </message>
    <message>
        <source>The sign-in was not started.</source>
        <translation>No se inició el inicio de sesión.</translation>
    </message>
    <message>
        <source>Service account %1</source>
        <translation>Cuenta de servicio %1</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Inicie sesión primero.</translation>
    </message>
    <message>
        <source>Company %1</source>
        <translation>Empresa %1</translation>
    </message>
    <message>
        <source>Sign in and choose a project first.</source>
        <translation>Inicie sesión y elija primero un proyecto.</translation>
    </message>
    <message>
        <source>This connection is already being saved.</source>
        <translation>Esta conexión ya se está guardando.</translation>
    </message>
    <message>
        <source>Test the connection before saving it.</source>
        <translation>Pruebe la conexión antes de guardarla.</translation>
    </message>
    <message>
        <source>The system keychain refused to store the connection&apos;s secrets: %1</source>
        <translation>El llavero del sistema se negó a guardar los secretos de la conexión: %1</translation>
    </message>
    <message>
        <source>The connection was not saved.</source>
        <translation>No se guardó la conexión.</translation>
    </message>
</context>
<context>
    <name>trestle::ConnectionStores</name>
    <message>
        <source>“%1” names no connection: write %2&lt;connection name or id&gt;/&lt;folder&gt;.</source>
        <translation>«%1» no indica ninguna conexión: escriba %2&lt;nombre o id de la conexión&gt;/&lt;carpeta&gt;.</translation>
    </message>
    <message>
        <source>“%1” names several connections: %2. Give the id instead of the name.</source>
        <translation>«%1» coincide con varias conexiones: %2. Indique el id en lugar del nombre.</translation>
    </message>
    <message>
        <source>“%1” is a file share: write share:%1.</source>
        <translation>«%1» es un recurso compartido: escriba share:%1.</translation>
    </message>
    <message>
        <source>“%1” is a Procore connection: write procore:%1.</source>
        <translation>«%1» es una conexión de Procore: escriba procore:%1.</translation>
    </message>
    <message>
        <source>There is no saved %1 connection called “%2”. `trestle connections` lists them.</source>
        <translation>No hay ninguna conexión guardada (%1) llamada «%2». `trestle connections` las muestra.</translation>
    </message>
    <message>
        <source>Procore</source>
        <translation>Procore</translation>
    </message>
    <message>
        <source>file share</source>
        <translation>recurso compartido</translation>
    </message>
    <message>
        <source>Trestle cannot read the sign-in of %1 from the keychain: %2</source>
        <translation>Trestle no puede leer el inicio de sesión de %1 del llavero: %2</translation>
    </message>
    <message>
        <source>The connection “%1” was not prepared.</source>
        <translation>La conexión «%1» no se preparó.</translation>
    </message>
    <message>
        <source>The file share %1 is not reachable at %2.</source>
        <translation>No se puede acceder al recurso compartido %1 en %2.</translation>
    </message>
    <message>
        <source>“%1” is not a Procore connection.</source>
        <translation>«%1» no es una conexión de Procore.</translation>
    </message>
    <message>
        <source>There is no saved connection “%1”; it may have been deleted. `trestle connections` lists the saved ones.</source>
        <translation>No hay ninguna conexión guardada «%1»; puede que se haya eliminado. `trestle connections` muestra las guardadas.</translation>
    </message>
    <message>
        <source>The sign-in of %1 is missing from the keychain. Use Reconnect in Trestle&apos;s connection manager to sign in again.</source>
        <translation>Falta el inicio de sesión de %1 en el llavero. Use «Volver a conectar» en el gestor de conexiones de Trestle para iniciar sesión de nuevo.</translation>
    </message>
    <message>
        <source>The sign-in of %1 is no longer valid (a changed password or a revoked access). Use Reconnect in Trestle&apos;s connection manager to sign in again.</source>
        <translation>El inicio de sesión de %1 ya no es válido (contraseña cambiada o acceso revocado). Use «Volver a conectar» en el gestor de conexiones de Trestle para iniciar sesión de nuevo.</translation>
    </message>
</context>
<context>
    <name>trestle::ConnectionWizard</name>
    <message>
        <source>Reconnect %1</source>
        <translation>Volver a conectar %1</translation>
    </message>
    <message>
        <source>Add connection</source>
        <translation>Añadir conexión</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Terminar</translation>
    </message>
</context>
<context>
    <name>trestle::ConnectionsCommand</name>
    <message>
        <source>connections | projects &lt;connection&gt;</source>
        <translation>connections | projects &lt;conexión&gt;</translation>
    </message>
    <message>
        <source>Print results as JSON.</source>
        <translation>Mostrar los resultados en JSON.</translation>
    </message>
    <message>
        <source>Usage: trestle connections [--json] | projects &lt;connection name or id&gt; [--json]</source>
        <translation>Uso: trestle connections [--json] | projects &lt;nombre o id de la conexión&gt; [--json]</translation>
    </message>
    <message>
        <source>No saved connections. Add one in Trestle&apos;s window (Connections).</source>
        <translation>No hay conexiones guardadas. Añada una en la ventana de Trestle (Conexiones).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOMBRE</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>TIPO</translation>
    </message>
    <message>
        <source>PROJECT / PATH</source>
        <translation>PROYECTO / RUTA</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>There is no saved Procore connection called “%1”.</source>
        <translation>No hay ninguna conexión de Procore guardada llamada «%1».</translation>
    </message>
    <message>
        <source>NUMBER</source>
        <translation>NÚMERO</translation>
    </message>
</context>
<context>
    <name>trestle::CredentialsPage</name>
    <message>
        <source>Use the &amp;system default client credentials</source>
        <translation>Usar las credenciales de cliente &amp;predeterminadas</translation>
    </message>
    <message>
        <source>Use &amp;custom client credentials</source>
        <translation>Usar credenciales de cliente p&amp;ropias</translation>
    </message>
    <message>
        <source>Domain &amp;URL:</source>
        <translation>&amp;URL del dominio:</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>How this connection is shown, and which Procore app signs in.</source>
        <translation>Cómo se muestra esta conexión y qué aplicación de Procore inicia sesión.</translation>
    </message>
    <message>
        <source>Display as</source>
        <translation>Mostrar como</translation>
    </message>
    <message>
        <source>Use the system default client credentials</source>
        <translation>Usar las credenciales de cliente predeterminadas</translation>
    </message>
    <message>
        <source>Use custom client credentials</source>
        <translation>Usar credenciales de cliente propias</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Dominio</translation>
    </message>
    <message>
        <source>Custom URL…</source>
        <translation>URL personalizada…</translation>
    </message>
    <message>
        <source>Domain URL</source>
        <translation>URL del dominio</translation>
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
        <translation>&amp;Dominio:</translation>
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
        <translation>Credenciales de la API de la plataforma</translation>
    </message>
    <message>
        <source>Display &amp;as:</source>
        <translation>&amp;Mostrar como:</translation>
    </message>
    <message>
        <source>Leave empty for &quot;Procore&quot;. Pick a name that tells your connections apart, such as the company or project.</source>
        <translation>Déjelo vacío para «Procore». Elija un nombre que distinga sus conexiones, como la empresa o el proyecto.</translation>
    </message>
</context>
<context>
    <name>trestle::DemoSetup</name>
    <message>
        <source>The demo folder %1 does not exist.</source>
        <translation>La carpeta de demostración %1 no existe.</translation>
    </message>
</context>
<context>
    <name>trestle::DomainPresets</name>
    <message>
        <source>Trestle demo sandbox (%1)</source>
        <translation>Sandbox de demostración de Trestle (%1)</translation>
    </message>
    <message>
        <source>Procore production (api.procore.com)</source>
        <translation>Procore producción (api.procore.com)</translation>
    </message>
    <message>
        <source>Procore monthly sandbox (api-monthly.procore.com)</source>
        <translation>Sandbox mensual de Procore (api-monthly.procore.com)</translation>
    </message>
    <message>
        <source>Procore developer sandbox (sandbox.procore.com)</source>
        <translation>Sandbox de desarrollo de Procore (sandbox.procore.com)</translation>
    </message>
</context>
<context>
    <name>trestle::DropActionDialog</name>
    <message>
        <source>Transfer</source>
        <translation>Transferir</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>Adds the items to the destination and updates files that changed there. Nothing is deleted.</source>
        <translation>Añade los elementos al destino y actualiza los archivos que han cambiado. No se elimina nada.</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Sincronizar</translation>
    </message>
    <message>
        <source>Makes the destination mirror the source: adds and updates files, and removes what the source no longer has when your delete policy allows it.</source>
        <translation>Hace que el destino refleje el origen: añade y actualiza archivos, y quita lo que el origen ya no tiene si su política de eliminación lo permite.</translation>
    </message>
    <message>
        <source>&amp;Migrate</source>
        <translation>&amp;Migrar</translation>
    </message>
    <message>
        <source>Copies with version history where the source keeps one, then checks every file at the destination. The source is left as it is.</source>
        <translation>Copia con el historial de versiones cuando el origen lo guarda y después comprueba cada archivo en el destino. El origen queda como está.</translation>
    </message>
    <message>
        <source>&amp;Preview first (dry run): show what will happen before anything moves</source>
        <translation>&amp;Vista previa primero (simulación): ver qué pasará antes de mover nada</translation>
    </message>
    <message>
        <source>&amp;Remember my choice and do not ask again</source>
        <translation>&amp;Recordar mi elección y no volver a preguntar</translation>
    </message>
    <message>
        <source>You can ask again in Settings.</source>
        <translation>Puede volver a activar la pregunta en Configuración.</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vista previa</translation>
    </message>
    <message>
        <source>All versions, oldest first</source>
        <translation>Todas las versiones, la más antigua primero</translation>
    </message>
    <message>
        <source>The latest version only</source>
        <translation>Solo la versión más reciente</translation>
    </message>
    <message>
        <source>Version &amp;history:</source>
        <translation>&amp;Historial de versiones:</translation>
    </message>
    <message>
        <source>Only now</source>
        <translation>Solo ahora</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Cada</translation>
    </message>
    <message>
        <source>Daily at</source>
        <translation>A diario a las</translation>
    </message>
    <message>
        <source>While Trestle runs, the job runs again by itself; each run moves what changed or is still missing since the last one.</source>
        <translation>Mientras Trestle esté abierto, la tarea se repite sola; cada ejecución transfiere lo que cambió o aún falta desde la anterior.</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> horas</translation>
    </message>
    <message>
        <source>Run &amp;again:</source>
        <translation>Re&amp;petir:</translation>
    </message>
</context>
<context>
    <name>trestle::FileTypes</name>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>%1 file</source>
        <translation>Archivo %1</translation>
    </message>
</context>
<context>
    <name>trestle::ItemFilter</name>
    <message>
        <source>excluded by the filter &quot;%1&quot;</source>
        <translation>excluido por el filtro «%1»</translation>
    </message>
    <message>
        <source>not included by any filter</source>
        <translation>no incluido por ningún filtro</translation>
    </message>
    <message>
        <source>file type not selected</source>
        <translation>tipo de archivo no seleccionado</translation>
    </message>
    <message>
        <source>smaller than %1 bytes</source>
        <translation>menor de %1 bytes</translation>
    </message>
    <message>
        <source>larger than %1 bytes</source>
        <translation>mayor de %1 bytes</translation>
    </message>
    <message>
        <source>not modified since %1</source>
        <translation>sin cambios desde %1</translation>
    </message>
</context>
<context>
    <name>trestle::ItemTask</name>
    <message>
        <source>The worker has no store for this item.</source>
        <translation>El proceso de trabajo no tiene almacén para este elemento.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>Could not create a temporary file.</source>
        <translation>No se pudo crear un archivo temporal.</translation>
    </message>
    <message>
        <source>already at the destination (checked after a restart)</source>
        <translation>ya está en el destino (comprobado tras un reinicio)</translation>
    </message>
    <message>
        <source>The destination&apos;s copy differs from the source.</source>
        <translation>La copia del destino es distinta del origen.</translation>
    </message>
    <message>
        <source>already at the destination</source>
        <translation>ya está en el destino</translation>
    </message>
    <message>
        <source>Something else appeared at the destination meanwhile.</source>
        <translation>Mientras tanto apareció otra cosa en el destino.</translation>
    </message>
    <message>
        <source>already gone</source>
        <translation>ya no existe</translation>
    </message>
    <message>
        <source>The source was kept: the destination does not hold its verified copy.</source>
        <translation>Se conservó el origen: el destino no tiene una copia verificada.</translation>
    </message>
    <message>
        <source>already at the destination (the answer to its creation was lost)</source>
        <translation>ya está en el destino (se perdió la respuesta a su creación)</translation>
    </message>
    <message>
        <source>“%1” was not copied: the file changed while it was being copied (%2 tries). The destination may hold a copy made while it changed; copy it again once nobody is writing it.</source>
        <translation>«%1» no se copió: el archivo cambió mientras se copiaba (%2 intentos). Es posible que el destino contenga una copia hecha mientras cambiaba; cópielo de nuevo cuando nadie esté escribiendo en él.</translation>
    </message>
    <message>
        <source>“%1” was not copied: the file changed while it was being copied (%2 tries). Copy it again once nobody is writing it.</source>
        <translation>«%1» no se copió: el archivo cambió mientras se copiaba (%2 intentos). Cópielo de nuevo cuando nadie esté escribiendo en él.</translation>
    </message>
    <message>
        <source>the file changed while it was copied: a copy made meanwhile was replaced by the whole new file (on Procore it stays as an older version)</source>
        <translation>el archivo cambió mientras se copiaba: una copia hecha entretanto se reemplazó por el archivo nuevo completo (en Procore queda como versión anterior)</translation>
    </message>
    <message>
        <source>copied again: the file changed while it was being read</source>
        <translation>copiado de nuevo: el archivo cambió mientras se leía</translation>
    </message>
    <message>
        <source>There is no space left in “%1”: the job was paused. Free some space there, then resume the job.</source>
        <translation>No queda espacio en «%1»: el trabajo se ha pausado. Libere espacio allí y reanude el trabajo.</translation>
    </message>
    <message>
        <source>The destination folder “%1” is read-only: the job was paused. Make it writable, then resume the job.</source>
        <translation>La carpeta de destino «%1» es de solo lectura: el trabajo se ha pausado. Permita la escritura en ella y reanude el trabajo.</translation>
    </message>
    <message>
        <source>with its history: %1 versions (%2 already at the destination)</source>
        <translation>con su historial: %1 versiones (%2 ya en el destino)</translation>
    </message>
    <message>
        <source>with its history: %1 versions</source>
        <translation>con su historial: %1 versiones</translation>
    </message>
    <message>
        <source>already at the destination as “%1”</source>
        <translation>ya está en el destino como «%1»</translation>
    </message>
</context>
<context>
    <name>trestle::JobNotifier</name>
    <message>
        <source>Analysis of %1</source>
        <translation>Análisis de %1</translation>
    </message>
    <message>
        <source>Copy to %1</source>
        <translation>Copia a %1</translation>
    </message>
    <message>
        <source>Sync to %1</source>
        <translation>Sincronización con %1</translation>
    </message>
    <message>
        <source>Migration to %1</source>
        <translation>Migración a %1</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 falló: %2</translation>
    </message>
    <message>
        <source>%1 finished: %2</source>
        <translation>%1 terminó: %2</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 elemento</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 elementos</translation>
    </message>
    <message>
        <source>%1 was cancelled after %2</source>
        <translation>%1 se canceló tras %2</translation>
    </message>
    <message>
        <source>, %1 failed</source>
        <translation>, %1 fallidos</translation>
    </message>
    <message>
        <source>, %1 skipped</source>
        <translation>, %1 omitidos</translation>
    </message>
    <message>
        <source>%1 was paused: %2</source>
        <translation>%1 se ha pausado: %2</translation>
    </message>
</context>
<context>
    <name>trestle::JobPlanner</name>
    <message>
        <source>A job needs a source and a destination.</source>
        <translation>Un trabajo necesita un origen y un destino.</translation>
    </message>
    <message>
        <source>Planning was cancelled.</source>
        <translation>Se canceló la planificación.</translation>
    </message>
    <message>
        <source>The source folder does not exist.</source>
        <translation>La carpeta de origen no existe.</translation>
    </message>
    <message>
        <source>A file is in the way of the destination folder.</source>
        <translation>Un archivo ocupa el lugar de la carpeta de destino.</translation>
    </message>
</context>
<context>
    <name>trestle::JobPolicies</name>
    <message>
        <source>The job&apos;s policy &quot;%1&quot; has an unknown value.</source>
        <translation>La política «%1» del trabajo tiene un valor desconocido.</translation>
    </message>
    <message>
        <source>The job&apos;s saved policies are damaged.</source>
        <translation>Las políticas guardadas del trabajo están dañadas.</translation>
    </message>
</context>
<context>
    <name>trestle::JobQueue</name>
    <message>
        <source>The job was cancelled.</source>
        <translation>Se canceló el trabajo.</translation>
    </message>
    <message>
        <source>The report could not be written to “%1”.</source>
        <translation>No se pudo escribir el informe en «%1».</translation>
    </message>
    <message>
        <source>The job’s connections are not available.</source>
        <translation>Las conexiones del trabajo no están disponibles.</translation>
    </message>
    <message>
        <source>This job is no longer in the list.</source>
        <translation>Esta tarea ya no está en la lista.</translation>
    </message>
    <message>
        <source>Wait until the job has ended, then decide.</source>
        <translation>Espere a que termine la tarea y decida después.</translation>
    </message>
    <message>
        <source>This file belongs to another job.</source>
        <translation>Este archivo pertenece a otra tarea.</translation>
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
        <translation>Renombrado a «%1» para el destino.</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Trabajo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Elementos</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Velocidad</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Restante</translation>
    </message>
    <message>
        <source>API calls</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation>Planificando…</translation>
    </message>
    <message>
        <source>Planned: waiting for your decision</source>
        <translation>Planificado: esperando su decisión</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Waiting for API budget until %1</source>
        <translation>Esperando cupo de API hasta las %1</translation>
    </message>
    <message>
        <source>Waiting for API budget</source>
        <translation>Esperando cupo de API</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fallido: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Omitido</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Omitido: %1</translation>
    </message>
    <message>
        <source>Analyze</source>
        <translation>Analizar</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronizar</translation>
    </message>
    <message>
        <source>Migrate</source>
        <translation>Migrar</translation>
    </message>
    <message>
        <source>New folder</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Sustituir</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Omitir</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verificar</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Done (%1 skipped)</source>
        <translation>Hecho (%1 omitidos)</translation>
    </message>
    <message>
        <source>Failed: 1 item</source>
        <translation>Fallido: 1 elemento</translation>
    </message>
    <message>
        <source>Failed: %1 items</source>
        <translation>Fallido: %1 elementos</translation>
    </message>
    <message>
        <source>Paused: %1</source>
        <translation>En pausa: %1</translation>
    </message>
    <message>
        <source>Files wait for your decision: right-click the job to resolve the conflicts.</source>
        <translation>Hay archivos esperando su decisión: haga clic derecho en la tarea para resolver los conflictos.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for your decision</source>
        <translation>
            <numerusform>%n espera su decisión</numerusform>
            <numerusform>%n esperan su decisión</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>trestle::JobQueuePanel</name>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Pause the selected job</source>
        <translation>Pausar el trabajo seleccionado</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Resume the selected job</source>
        <translation>Reanudar el trabajo seleccionado</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel the selected job</source>
        <translation>Cancelar el trabajo seleccionado</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>Reintentar fallidos</translation>
    </message>
    <message>
        <source>Try the failed items of the selected job again</source>
        <translation>Volver a intentar los elementos fallidos del trabajo seleccionado</translation>
    </message>
    <message>
        <source>Open report</source>
        <translation>Abrir informe</translation>
    </message>
    <message>
        <source>Open the selected job&apos;s report (every item and what became of it)</source>
        <translation>Abrir el informe del trabajo seleccionado (cada elemento y qué pasó con él)</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>Quitar terminados</translation>
    </message>
    <message>
        <source>Remove every finished job from the list</source>
        <translation>Quitar de la lista todos los trabajos terminados</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>Start the planned job</source>
        <translation>Iniciar el trabajo planificado</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message>
        <source>No transfers yet. Drag files or folders from one pane to the other.</source>
        <translation>Todavía no hay transferencias. Arrastre archivos o carpetas de un panel al otro.</translation>
    </message>
    <message>
        <source>Resolve conflicts…</source>
        <translation>Resolver conflictos…</translation>
    </message>
    <message>
        <source>Decide what becomes of the files that exist on both sides</source>
        <translation>Decidir qué hacer con los archivos que existen en ambos lados</translation>
    </message>
    <message>
        <source>Resolve 1 conflict…</source>
        <translation>Resolver 1 conflicto…</translation>
    </message>
    <message numerus="yes">
        <source>Resolve %n conflicts…</source>
        <translation>
            <numerusform>Resolver %n conflicto…</numerusform>
            <numerusform>Resolver %n conflictos…</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolve conflicts</source>
        <translation>Resolver conflictos</translation>
    </message>
</context>
<context>
    <name>trestle::JobRunner</name>
    <message>
        <source>The job was never completely planned; plan it again.</source>
        <translation>El trabajo nunca se planificó por completo; vuelva a planificarlo.</translation>
    </message>
    <message>
        <source>The job was cancelled.</source>
        <translation>Se canceló el trabajo.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) failed.</source>
        <translation>
            <numerusform>Ha fallado %n elemento.</numerusform>
            <numerusform>Han fallado %n elementos.</numerusform>
        </translation>
    </message>
    <message>
        <source>The job stopped.</source>
        <translation>El trabajo se detuvo.</translation>
    </message>
    <message>
        <source>%1 The job was paused; resume it once you have signed in again.</source>
        <translation>%1 El trabajo se ha pausado; reanúdelo cuando haya vuelto a iniciar sesión.</translation>
    </message>
    <message>
        <source>%1 The first: %2</source>
        <translation>%1 Primer error: %2</translation>
    </message>
    <message>
        <source>skipped: its copy failed, so the source was kept</source>
        <translation>omitido: falló su copia, así que se conservó el origen</translation>
    </message>
    <message>
        <source>skipped: its copy failed</source>
        <translation>omitido: falló su copia</translation>
    </message>
</context>
<context>
    <name>trestle::JobSchedule</name>
    <message>
        <source>The schedule &quot;%1&quot; is not valid.</source>
        <translation>La programación «%1» no es válida.</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>sin programar</translation>
    </message>
    <message numerus="yes">
        <source>every %n hour(s)</source>
        <translation>
            <numerusform>cada hora</numerusform>
            <numerusform>cada %n horas</numerusform>
        </translation>
    </message>
    <message>
        <source>daily at %1</source>
        <translation>a diario a las %1</translation>
    </message>
</context>
<context>
    <name>trestle::Journal</name>
    <message>
        <source>The job no longer exists.</source>
        <translation>El trabajo ya no existe.</translation>
    </message>
    <message>
        <source>The job item no longer exists.</source>
        <translation>El elemento del trabajo ya no existe.</translation>
    </message>
</context>
<context>
    <name>trestle::LocalFs</name>
    <message>
        <source>Could not %1 “%2”.</source>
        <translation>No se pudo %1 «%2».</translation>
    </message>
    <message>
        <source>“%1” does not exist.</source>
        <translation>«%1» no existe.</translation>
    </message>
    <message>
        <source>No permission to %1 “%2” (the destination may be read-only).</source>
        <translation>No tiene permiso para %1 «%2» (puede que el destino sea de solo lectura).</translation>
    </message>
    <message>
        <source>There is no space left to %1 “%2”.</source>
        <translation>No queda espacio para %1 «%2».</translation>
    </message>
    <message>
        <source>Could not %1 “%2”: it already exists or is not empty.</source>
        <translation>No se pudo %1 «%2»: ya existe o no está vacío.</translation>
    </message>
    <message>
        <source>The name or path “%1” is too long.</source>
        <translation>El nombre o la ruta «%1» es demasiado largo.</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>Se canceló la operación.</translation>
    </message>
</context>
<context>
    <name>trestle::LocalListJob</name>
    <message>
        <source>“%1” is not a folder.</source>
        <translation>«%1» no es una carpeta.</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>Se canceló la operación.</translation>
    </message>
</context>
<context>
    <name>trestle::LocalReadIntoJob</name>
    <message>
        <source>“%1” is not a file.</source>
        <translation>«%1» no es un archivo.</translation>
    </message>
    <message>
        <source>The destination of the read is not open for writing.</source>
        <translation>El destino de la lectura no está abierto para escritura.</translation>
    </message>
    <message>
        <source>Could not open “%1”.</source>
        <translation>No se pudo abrir «%1».</translation>
    </message>
    <message>
        <source>Could not read “%1”.</source>
        <translation>No se pudo leer «%1».</translation>
    </message>
</context>
<context>
    <name>trestle::LocalRoot</name>
    <message>
        <source>The folder “%1” does not exist.</source>
        <translation>La carpeta «%1» no existe.</translation>
    </message>
    <message>
        <source>“%1” is a link that leads outside the shared folder or nowhere; it is not followed.</source>
        <translation>«%1» es un enlace que lleva fuera de la carpeta compartida o a ninguna parte; no se sigue.</translation>
    </message>
    <message>
        <source>“%1” does not exist.</source>
        <translation>«%1» no existe.</translation>
    </message>
    <message>
        <source>The top folder already exists.</source>
        <translation>La carpeta superior ya existe.</translation>
    </message>
    <message>
        <source>“%1” is not a folder.</source>
        <translation>«%1» no es una carpeta.</translation>
    </message>
    <message>
        <source>A link that leads outside the shared folder; not followed.</source>
        <translation>Un enlace que lleva fuera de la carpeta compartida; no se sigue.</translation>
    </message>
    <message>
        <source>A link to something that does not exist.</source>
        <translation>Un enlace a algo que no existe.</translation>
    </message>
    <message>
        <source>Not a regular file or folder (a device, pipe or socket).</source>
        <translation>No es un archivo ni una carpeta normal (un dispositivo, una tubería o un socket).</translation>
    </message>
</context>
<context>
    <name>trestle::LocalStore</name>
    <message>
        <source>The top folder already exists.</source>
        <translation>La carpeta superior ya existe.</translation>
    </message>
    <message>
        <source>“%1” already exists.</source>
        <translation>«%1» ya existe.</translation>
    </message>
    <message>
        <source>create the folder</source>
        <translation>crear la carpeta</translation>
    </message>
    <message>
        <source>move</source>
        <translation>mover</translation>
    </message>
    <message>
        <source>The top folder cannot be deleted.</source>
        <translation>La carpeta superior no se puede eliminar.</translation>
    </message>
    <message>
        <source>The folder “%1” is not empty.</source>
        <translation>La carpeta «%1» no está vacía.</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>eliminar</translation>
    </message>
    <message>
        <source>“%1” is not a file.</source>
        <translation>«%1» no es un archivo.</translation>
    </message>
    <message>
        <source>Could not open “%1”.</source>
        <translation>No se pudo abrir «%1».</translation>
    </message>
    <message>
        <source>The top folder is not a file.</source>
        <translation>La carpeta superior no es un archivo.</translation>
    </message>
    <message>
        <source>“%1” is too large for this destination (%2, at most %3).</source>
        <translation>«%1» es demasiado grande para este destino (%2; como máximo %3).</translation>
    </message>
    <message>
        <source>A folder named “%1” already exists.</source>
        <translation>Ya existe una carpeta llamada «%1».</translation>
    </message>
    <message>
        <source>Not enough space for “%1” on %2: %3 needed, %4 available.</source>
        <translation>No hay espacio suficiente para «%1» en %2: se necesitan %3 y hay %4 disponibles.</translation>
    </message>
</context>
<context>
    <name>trestle::LocalStoreResolver</name>
    <message>
        <source>“%1” is not a local folder, and no saved connections are available here.</source>
        <translation>«%1» no es una carpeta local y aquí no hay conexiones guardadas disponibles.</translation>
    </message>
    <message>
        <source>An empty folder name was given.</source>
        <translation>Se indicó un nombre de carpeta vacío.</translation>
    </message>
    <message>
        <source>The folder “%1” does not exist.</source>
        <translation>La carpeta «%1» no existe.</translation>
    </message>
</context>
<context>
    <name>trestle::LocalWriteFromJob</name>
    <message>
        <source>The store was closed before the write started.</source>
        <translation>El almacén se cerró antes de empezar la escritura.</translation>
    </message>
    <message>
        <source>The source of the write is not open for reading.</source>
        <translation>El origen de la escritura no está abierto para lectura.</translation>
    </message>
</context>
<context>
    <name>trestle::LocalWriteSession</name>
    <message>
        <source>create</source>
        <translation>crear</translation>
    </message>
    <message>
        <source>Could not create “%1”.</source>
        <translation>No se pudo crear «%1».</translation>
    </message>
    <message>
        <source>More data arrived for “%1” than announced.</source>
        <translation>Llegaron más datos de los anunciados para «%1».</translation>
    </message>
    <message>
        <source>The disk holding “%1” is full: the file needs %2 in all.</source>
        <translation>El disco de «%1» está lleno: el archivo necesita %2 en total.</translation>
    </message>
    <message>
        <source>The disk holding “%1” is full.</source>
        <translation>El disco de «%1» está lleno.</translation>
    </message>
    <message>
        <source>write</source>
        <translation>escribir</translation>
    </message>
    <message>
        <source>Could not write “%1”.</source>
        <translation>No se pudo escribir «%1».</translation>
    </message>
    <message>
        <source>The write of “%1” has already ended.</source>
        <translation>La escritura de «%1» ya terminó.</translation>
    </message>
    <message>
        <source>“%1” is incomplete: %2 of %3 bytes arrived.</source>
        <translation>«%1» está incompleto: llegaron %2 de %3 bytes.</translation>
    </message>
    <message>
        <source>save</source>
        <translation>guardar</translation>
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
        <translation>Trestle — sandbox de demostración</translation>
    </message>
    <message>
        <source>&amp;Add connection…</source>
        <translation>Añadir &amp;conexión…</translation>
    </message>
    <message>
        <source>Add connection</source>
        <translation>Añadir conexión</translation>
    </message>
    <message>
        <source>Demo: the bundled Procore sandbox runs at %1</source>
        <translation>Demostración: el sandbox de Procore incluido se ejecuta en %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About Trestle</source>
        <translation>Acerca &amp;de Trestle</translation>
    </message>
    <message>
        <source>About Trestle</source>
        <translation>Acerca de Trestle</translation>
    </message>
    <message>
        <source>&lt;b&gt;Trestle %1&lt;/b&gt;&lt;p&gt;Moves construction project files between Procore Documents and file shares.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Trestle %1&lt;/b&gt;&lt;p&gt;Mueve archivos de proyectos de construcción entre los Documentos de Procore y recursos compartidos.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Connect a project and a file share</source>
        <translation>Conecte un proyecto y un recurso compartido</translation>
    </message>
    <message>
        <source>Add a connection for each side: a Procore project&apos;s Documents, or a folder on a file share. Then drag folders from one pane to the other.</source>
        <translation>Añada una conexión para cada lado: los Documentos de un proyecto de Procore o una carpeta de un recurso compartido. Después arrastre carpetas de un panel al otro.</translation>
    </message>
    <message>
        <source>Demo: sign in with demo@trestle.test / trestle-demo.</source>
        <translation>Demostración: inicie sesión con demo@trestle.test / trestle-demo.</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Transferencias</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>C&amp;onexiones…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Con&amp;figuración…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Transfers</source>
        <translation>&amp;Transferencias</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>T&amp;ema</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>Siste&amp;ma</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>C&amp;laro</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>Osc&amp;uro</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Show Trestle</source>
        <translation>Mostrar Trestle</translation>
    </message>
    <message>
        <source>The connection cannot be opened.</source>
        <translation>No se puede abrir la conexión.</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Volver a iniciar sesión</translation>
    </message>
    <message>
        <source>Trestle needs you to sign in to “%1” again.</source>
        <translation>Trestle necesita que vuelva a iniciar sesión en «%1».</translation>
    </message>
    <message>
        <source>&amp;Reconnect…</source>
        <translation>Volve&amp;r a conectar…</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
    <message>
        <source>The new language applies the next time Trestle starts.</source>
        <translation>El nuevo idioma se aplica la próxima vez que se inicie Trestle.</translation>
    </message>
    <message>
        <source>Demo: use Add connection… for the bundled Procore sandbox and sign in as demo@trestle.test / trestle-demo.</source>
        <translation>Demostración: use «Añadir conexión…» para el sandbox de Procore incluido e inicie sesión como demo@trestle.test / trestle-demo.</translation>
    </message>
</context>
<context>
    <name>trestle::NameRules</name>
    <message>
        <source>The name is empty.</source>
        <translation>El nombre está vacío.</translation>
    </message>
    <message>
        <source>“%1” is not a name: it refers to a folder itself or its parent.</source>
        <translation>«%1» no es un nombre: se refiere a la propia carpeta o a su carpeta superior.</translation>
    </message>
    <message>
        <source>“%1” contains the path separator %2.</source>
        <translation>«%1» contiene el separador de rutas %2.</translation>
    </message>
    <message>
        <source>The name contains a NUL character.</source>
        <translation>El nombre contiene un carácter NUL.</translation>
    </message>
    <message>
        <source>The name contains the control character %1.</source>
        <translation>El nombre contiene el carácter de control %1.</translation>
    </message>
    <message>
        <source>The name contains an invalid Unicode sequence.</source>
        <translation>El nombre contiene una secuencia Unicode no válida.</translation>
    </message>
    <message>
        <source>“%1” starts with a drive letter and could point to another disk.</source>
        <translation>«%1» empieza por una letra de unidad y podría apuntar a otro disco.</translation>
    </message>
    <message>
        <source>“%1” is an absolute path; only paths inside the destination are allowed.</source>
        <translation>«%1» es una ruta absoluta; solo se permiten rutas dentro del destino.</translation>
    </message>
    <message>
        <source>“%1” uses “\” as a separator; paths use “/”.</source>
        <translation>«%1» usa «\» como separador; las rutas usan «/».</translation>
    </message>
    <message>
        <source>“%1” contains an empty folder name.</source>
        <translation>«%1» contiene un nombre de carpeta vacío.</translation>
    </message>
    <message>
        <source>“%1” contains “%2” and could lead outside the destination.</source>
        <translation>«%1» contiene «%2» y podría salir del destino.</translation>
    </message>
    <message>
        <source>The character %1 is not allowed in names here.</source>
        <translation>El carácter %1 no se permite aquí en nombres.</translation>
    </message>
    <message>
        <source>“%1” is a reserved device name here.</source>
        <translation>«%1» es aquí un nombre de dispositivo reservado.</translation>
    </message>
    <message>
        <source>The name ends with a space.</source>
        <translation>El nombre termina en un espacio.</translation>
    </message>
    <message>
        <source>The name ends with a dot.</source>
        <translation>El nombre termina en un punto.</translation>
    </message>
    <message>
        <source>The name has a space next to the dot of its extension.</source>
        <translation>El nombre tiene un espacio junto al punto de la extensión.</translation>
    </message>
    <message>
        <source>The name is too long (%1, at most %2 allowed).</source>
        <translation>El nombre es demasiado largo (%1; se permiten %2 como máximo).</translation>
    </message>
    <message>
        <source>The path is too long (%1, at most %2 allowed).</source>
        <translation>La ruta es demasiado larga (%1; se permiten %2 como máximo).</translation>
    </message>
    <message>
        <source>%1 differ only in their Unicode form; the destination stores them as one name, so one would overwrite the other.</source>
        <translation>%1 solo se diferencian en su forma Unicode; el destino los guarda como un solo nombre, así que uno sobrescribiría al otro.</translation>
    </message>
    <message>
        <source>%1 differ only in upper/lower case or Unicode form; the destination treats them as one name, so one would overwrite the other.</source>
        <translation>%1 solo se diferencian en mayúsculas/minúsculas o en su forma Unicode; el destino los trata como un solo nombre, así que uno sobrescribiría al otro.</translation>
    </message>
</context>
<context>
    <name>trestle::PaneOperations</name>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>No se pudo crear la carpeta %1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <source>No application is set up to open %1.</source>
        <translation>No hay ninguna aplicación configurada para abrir %1.</translation>
    </message>
</context>
<context>
    <name>trestle::PaneWidget</name>
    <message>
        <source>“%1” cannot be used.</source>
        <translation>«%1» no se puede usar.</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Carpeta nueva</translation>
    </message>
    <message>
        <source>Name of the new folder in “%1”:</source>
        <translation>Nombre de la carpeta nueva en «%1»:</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>¿Eliminar «%1»?</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 y %2 más</translation>
    </message>
    <message>
        <source>Delete these %1 items?
%2</source>
        <translation>¿Eliminar estos %1 elementos?
%2</translation>
    </message>
    <message>
        <source>They are moved to Procore&apos;s recycle bin, where a project administrator can restore them.</source>
        <translation>Se mueven a la papelera de Procore, donde un administrador del proyecto puede restaurarlos.</translation>
    </message>
    <message>
        <source>They are deleted from the disk, folders with everything in them. This cannot be undone.</source>
        <translation>Se eliminan del disco, las carpetas con todo su contenido. No se puede deshacer.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Download To</source>
        <translation>Descargar en</translation>
    </message>
    <message>
        <source>Connection or project shown in this pane</source>
        <translation>Conexión o proyecto que muestra este panel</translation>
    </message>
    <message>
        <source>Filter (Ctrl+F)</source>
        <translation>Filtrar (Ctrl+F)</translation>
    </message>
    <message>
        <source>Shows only the names that contain this text; * and ? are wildcards</source>
        <translation>Muestra solo los nombres que contienen este texto; * y ? son comodines</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Ocultar este mensaje</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Adelante</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtro</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>New Folder…</source>
        <translation>Carpeta nueva…</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renombrar</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Copy Path</source>
        <translation>Copiar ruta</translation>
    </message>
    <message>
        <source>Download To…</source>
        <translation>Descargar en…</translation>
    </message>
    <message>
        <source>Show in Procore</source>
        <translation>Mostrar en Procore</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>No disponible</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 elemento</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 elementos</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 de %2 mostrados</translation>
    </message>
    <message>
        <source>%1, %2 selected (%3)</source>
        <translation>%1, %2 seleccionados (%3)</translation>
    </message>
    <message>
        <source>Loading… %1</source>
        <translation>Cargando… %1</translation>
    </message>
    <message>
        <source>Choose a connection above.</source>
        <translation>Elija una conexión arriba.</translation>
    </message>
    <message>
        <source>Add connection…</source>
        <translation>Añadir conexión…</translation>
    </message>
</context>
<context>
    <name>trestle::PlanBuilder</name>
    <message>
        <source>not a regular file or folder</source>
        <translation>no es un archivo ni una carpeta normal</translation>
    </message>
    <message>
        <source>the path is longer than the destination allows (%1)</source>
        <translation>la ruta es más larga de lo que permite el destino (%1)</translation>
    </message>
    <message>
        <source>another entry already takes the name &quot;%1&quot; on the destination</source>
        <translation>otra entrada ya usa el nombre «%1» en el destino</translation>
    </message>
    <message>
        <source>a file has this name on the destination</source>
        <translation>en el destino hay un archivo con este nombre</translation>
    </message>
    <message>
        <source>a folder has this name on the destination</source>
        <translation>en el destino hay una carpeta con este nombre</translation>
    </message>
    <message>
        <source>the destination&apos;s copy is newer</source>
        <translation>la copia del destino es más reciente</translation>
    </message>
    <message>
        <source>both sides differ and neither is newer</source>
        <translation>ambos lados son distintos y ninguno es más reciente</translation>
    </message>
    <message>
        <source>exists on both sides and differs (policy: skip)</source>
        <translation>existe en ambos lados y es distinto (política: omitir)</translation>
    </message>
    <message>
        <source>exists on both sides and differs: waiting for a decision</source>
        <translation>existe en ambos lados y es distinto: esperando una decisión</translation>
    </message>
    <message>
        <source>the path is longer than the target allows (%1)</source>
        <translation>la ruta es más larga de lo que permite el destino (%1)</translation>
    </message>
    <message>
        <source>history not kept by the destination</source>
        <translation>el destino no conserva el historial</translation>
    </message>
</context>
<context>
    <name>trestle::PlanPreviewDialog</name>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Nothing has moved yet. This is what the job will do:</source>
        <translation>Todavía no se ha movido nada. Esto es lo que hará el trabajo:</translation>
    </message>
    <message>
        <source>Folders to create</source>
        <translation>Carpetas que crear</translation>
    </message>
    <message>
        <source>New files</source>
        <translation>Archivos nuevos</translation>
    </message>
    <message>
        <source>Files replaced</source>
        <translation>Archivos sustituidos</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminados</translation>
    </message>
    <message>
        <source>Unchanged (left alone)</source>
        <translation>Sin cambios (no se tocan)</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Omitidos</translation>
    </message>
    <message>
        <source>To copy</source>
        <translation>Que copiar</translation>
    </message>
    <message>
        <source>API calls</source>
        <translation>Llamadas API</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>aprox. %1</translation>
    </message>
    <message>
        <source>none (no Procore side is written)</source>
        <translation>ninguna (no se escribe en ningún lado de Procore)</translation>
    </message>
    <message>
        <source>Estimated time</source>
        <translation>Tiempo estimado</translation>
    </message>
    <message>
        <source>about %1 at the API budget</source>
        <translation>aprox. %1 con el cupo de la API</translation>
    </message>
    <message>
        <source>as fast as the disks and the network allow</source>
        <translation>tan rápido como lo permitan los discos y la red</translation>
    </message>
    <message>
        <source>Skipped and renamed items:</source>
        <translation>Elementos omitidos y renombrados:</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>The destination does not accept the name.</source>
        <translation>El destino no acepta el nombre.</translation>
    </message>
    <message>
        <source>Renamed to “%1”</source>
        <translation>Renombrado a «%1»</translation>
    </message>
    <message>
        <source>Nothing is skipped or renamed.</source>
        <translation>No se omite ni se renombra nada.</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Descartar</translation>
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
        <translation>&amp;Recurso compartido</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plataforma</translation>
    </message>
    <message>
        <source>Where are the files this connection reaches?</source>
        <translation>¿Dónde están los archivos a los que llega esta conexión?</translation>
    </message>
    <message>
        <source>Procore</source>
        <translation>Procore</translation>
    </message>
    <message>
        <source>File share</source>
        <translation>Recurso compartido</translation>
    </message>
    <message>
        <source>The Documents tool of one Procore project.</source>
        <translation>La herramienta Documentos de un proyecto de Procore.</translation>
    </message>
    <message>
        <source>A folder on this computer or a mounted network share (SMB, NFS or a UNC path).</source>
        <translation>Una carpeta de este equipo o un recurso de red montado (SMB, NFS o una ruta UNC).</translation>
    </message>
</context>
<context>
    <name>trestle::ProcoreClient</name>
    <message>
        <source>The reply could not be parsed.</source>
        <translation>No se pudo interpretar la respuesta.</translation>
    </message>
</context>
<context>
    <name>trestle::ProcoreMoveJob</name>
    <message>
        <source>“%1” does not exist in Procore.</source>
        <translation>«%1» no existe en Procore.</translation>
    </message>
    <message>
        <source>The Procore store is gone.</source>
        <translation>El almacén de Procore ya no está disponible.</translation>
    </message>
    <message>
        <source>“%1” already exists.</source>
        <translation>«%1» ya existe.</translation>
    </message>
    <message>
        <source>Procore did not tell the top folder&apos;s id.</source>
        <translation>Procore no indicó el ID de la carpeta superior.</translation>
    </message>
</context>
<context>
    <name>trestle::ProcoreReadJob</name>
    <message>
        <source>The Procore store or the destination is gone.</source>
        <translation>El almacén de Procore o el destino ya no está disponible.</translation>
    </message>
    <message>
        <source>“%1” is a folder, not a file.</source>
        <translation>«%1» es una carpeta, no un archivo.</translation>
    </message>
    <message>
        <source>The download of “%1” was incomplete: %2 of %3 bytes.</source>
        <translation>La descarga de «%1» quedó incompleta: %2 de %3 bytes.</translation>
    </message>
    <message>
        <source>The Procore store is gone.</source>
        <translation>El almacén de Procore ya no está disponible.</translation>
    </message>
    <message>
        <source>“%1” does not exist in Procore.</source>
        <translation>«%1» no existe en Procore.</translation>
    </message>
    <message>
        <source>Procore gave no download address for “%1”.</source>
        <translation>Procore no dio ninguna dirección de descarga para «%1».</translation>
    </message>
</context>
<context>
    <name>trestle::ProcoreStore</name>
    <message>
        <source>The Procore store is gone.</source>
        <translation>El almacén de Procore ya no está disponible.</translation>
    </message>
    <message>
        <source>This item cannot be used: its name or one of its folders&apos; names is not a valid name.</source>
        <translation>Este elemento no se puede usar: su nombre o el de una de sus carpetas no es válido.</translation>
    </message>
    <message>
        <source>“%1” does not exist in Procore.</source>
        <translation>«%1» no existe en Procore.</translation>
    </message>
    <message>
        <source>“%1” already exists.</source>
        <translation>«%1» ya existe.</translation>
    </message>
    <message>
        <source>This %1 cannot be used: %2</source>
        <translation>No se puede usar este elemento (%1): %2</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>carpeta</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>Procore: %1</source>
        <translation>Procore: %1</translation>
    </message>
    <message>
        <source>Procore does not accept the name “%1”. %2</source>
        <translation>Procore no acepta el nombre «%1». %2</translation>
    </message>
    <message>
        <source>The top folder already exists.</source>
        <translation>La carpeta superior ya existe.</translation>
    </message>
    <message>
        <source>The top folder cannot be deleted.</source>
        <translation>La carpeta superior no se puede eliminar.</translation>
    </message>
    <message>
        <source>The folder “%1” is not empty.</source>
        <translation>La carpeta «%1» no está vacía.</translation>
    </message>
    <message>
        <source>Deleted in Procore (in its recycle bin).</source>
        <translation>Eliminado en Procore (en su papelera).</translation>
    </message>
    <message>
        <source>The folder listing could not be read.</source>
        <translation>No se pudo leer el contenido de la carpeta.</translation>
    </message>
</context>
<context>
    <name>trestle::ProcoreVersionListJob</name>
    <message>
        <source>The Procore store is gone.</source>
        <translation>El almacén de Procore ya no está disponible.</translation>
    </message>
    <message>
        <source>“%1” is a folder, not a file.</source>
        <translation>«%1» es una carpeta, no un archivo.</translation>
    </message>
    <message>
        <source>“%1” does not exist in Procore.</source>
        <translation>«%1» no existe en Procore.</translation>
    </message>
    <message>
        <source>Procore gave no versions for “%1”.</source>
        <translation>Procore no dio ninguna versión de «%1».</translation>
    </message>
</context>
<context>
    <name>trestle::ProcoreVersionReadJob</name>
    <message>
        <source>The Procore store or the destination is gone.</source>
        <translation>El almacén de Procore o el destino ya no está disponible.</translation>
    </message>
    <message>
        <source>The download of version %1 of “%2” was incomplete: %3 of %4 bytes.</source>
        <translation>La descarga de la versión %1 de «%2» quedó incompleta: %3 de %4 bytes.</translation>
    </message>
    <message>
        <source>The Procore store is gone.</source>
        <translation>El almacén de Procore ya no está disponible.</translation>
    </message>
    <message>
        <source>This version of “%1” has no id.</source>
        <translation>Esta versión de «%1» no tiene id.</translation>
    </message>
    <message>
        <source>Procore gave no download address for “%1”.</source>
        <translation>Procore no dio ninguna dirección de descarga para «%1».</translation>
    </message>
</context>
<context>
    <name>trestle::ProcoreWriteJob</name>
    <message>
        <source>The Procore store or the source is gone.</source>
        <translation>El almacén de Procore o el origen ya no está disponible.</translation>
    </message>
    <message>
        <source>The top folder is not a file.</source>
        <translation>La carpeta superior no es un archivo.</translation>
    </message>
    <message>
        <source>A Procore upload needs the file&apos;s size.</source>
        <translation>Una carga a Procore necesita el tamaño del archivo.</translation>
    </message>
    <message>
        <source>“%1” is too large for Procore.</source>
        <translation>«%1» es demasiado grande para Procore.</translation>
    </message>
    <message>
        <source>The folder of “%1” does not exist in Procore.</source>
        <translation>La carpeta de «%1» no existe en Procore.</translation>
    </message>
    <message>
        <source>The Procore store is gone.</source>
        <translation>El almacén de Procore ya no está disponible.</translation>
    </message>
    <message>
        <source>A folder named “%1” already exists.</source>
        <translation>Ya existe una carpeta llamada «%1».</translation>
    </message>
    <message>
        <source>“%1” already exists.</source>
        <translation>«%1» ya existe.</translation>
    </message>
    <message>
        <source>The source of “%1” ended early: %2 of %3 bytes.</source>
        <translation>El origen de «%1» terminó antes de tiempo: %2 de %3 bytes.</translation>
    </message>
    <message>
        <source>Cannot create a temporary file for the upload.</source>
        <translation>No se puede crear un archivo temporal para la carga.</translation>
    </message>
    <message>
        <source>Reading “%1” failed: %2</source>
        <translation>Error al leer «%1»: %2</translation>
    </message>
    <message>
        <source>The temporary copy for the upload is incomplete.</source>
        <translation>La copia temporal para la carga está incompleta.</translation>
    </message>
    <message>
        <source>Reading “%1” failed.</source>
        <translation>Error al leer «%1».</translation>
    </message>
    <message>
        <source>Procore answered the upload with the wrong segments.</source>
        <translation>Procore respondió a la carga con segmentos incorrectos.</translation>
    </message>
</context>
<context>
    <name>trestle::ProfileRepository</name>
    <message>
        <source>A connection with this id exists already.</source>
        <translation>Ya existe una conexión con este ID.</translation>
    </message>
    <message>
        <source>The connection no longer exists.</source>
        <translation>La conexión ya no existe.</translation>
    </message>
</context>
<context>
    <name>trestle::ProjectPage</name>
    <message>
        <source>Company and project</source>
        <translation>Empresa y proyecto</translation>
    </message>
    <message>
        <source>A connection reaches the Documents tool of one project.</source>
        <translation>Una conexión llega a la herramienta Documentos de un proyecto.</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Empresa</translation>
    </message>
    <message>
        <source>Filter projects</source>
        <translation>Filtrar proyectos</translation>
    </message>
    <message>
        <source>Type to filter projects</source>
        <translation>Escriba para filtrar proyectos</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Proyectos</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Empresa:</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filtro:</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>&amp;Proyecto:</translation>
    </message>
    <message>
        <source>Loading companies…</source>
        <translation>Cargando empresas…</translation>
    </message>
    <message>
        <source>This account sees no company. Ask a Procore administrator to add it to one.</source>
        <translation>Esta cuenta no ve ninguna empresa. Pida a un administrador de Procore que la añada a una.</translation>
    </message>
    <message>
        <source>Loading projects…</source>
        <translation>Cargando proyectos…</translation>
    </message>
    <message>
        <source>This account sees no project in this company. Ask a Procore administrator to add it to the project&apos;s directory.</source>
        <translation>Esta cuenta no ve ningún proyecto en esta empresa. Pida a un administrador de Procore que la añada al directorio del proyecto.</translation>
    </message>
</context>
<context>
    <name>trestle::ReportExporter</name>
    <message>
        <source>Trestle job %1: %2</source>
        <translation>Trabajo de Trestle %1: %2</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Elementos</translation>
    </message>
    <message>
        <source>%1 of %2 done, %3 failed, %4 skipped</source>
        <translation>%1 de %2 hechos, %3 fallidos, %4 omitidos</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>The report could not be written.</source>
        <translation>No se pudo escribir el informe.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Suma de comprobación</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Written as</source>
        <translation>Escrito como</translation>
    </message>
</context>
<context>
    <name>trestle::SecretJob</name>
    <message>
        <source>Internal error: invalid connection id for the keychain.</source>
        <translation>Error interno: ID de conexión no válido para el llavero.</translation>
    </message>
    <message>
        <source>Install and start a Secret Service provider such as gnome-keyring or KWallet (Debian: apt install gnome-keyring), make sure it is unlocked, then try again.</source>
        <translation>Instale e inicie un proveedor de Secret Service como gnome-keyring o KWallet (Debian: apt install gnome-keyring), asegúrese de que esté desbloqueado e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The credential is not in the keychain.</source>
        <translation>La credencial no está en el llavero.</translation>
    </message>
    <message>
        <source>The credential could not be deleted from the keychain.</source>
        <translation>No se pudo eliminar la credencial del llavero.</translation>
    </message>
    <message>
        <source>Access to the keychain was denied. Allow Trestle to use the keychain and try again.</source>
        <translation>Se denegó el acceso al llavero. Permita que Trestle use el llavero e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The keychain refused access; it may be locked and could not be unlocked. %1</source>
        <translation>El llavero denegó el acceso; puede que esté bloqueado y no se haya podido desbloquear. %1</translation>
    </message>
    <message>
        <source>No keychain is available to keep Trestle&apos;s credentials safe. %1</source>
        <translation>No hay ningún llavero disponible para guardar de forma segura las credenciales de Trestle. %1</translation>
    </message>
    <message>
        <source>This build of Trestle cannot use this system&apos;s keychain. %1</source>
        <translation>Esta compilación de Trestle no puede usar el llavero de este sistema. %1</translation>
    </message>
    <message>
        <source>No keychain service (Secret Service) could be reached. %1</source>
        <translation>No se pudo acceder a ningún servicio de llavero (Secret Service). %1</translation>
    </message>
    <message>
        <source>The keychain is locked or has no default keyring, and could not be unlocked. %1</source>
        <translation>El llavero está bloqueado o no tiene un depósito predeterminado, y no se pudo desbloquear. %1</translation>
    </message>
    <message>
        <source>The keychain could not be used. %1</source>
        <translation>No se pudo usar el llavero. %1</translation>
    </message>
</context>
<context>
    <name>trestle::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Transferencias</translation>
    </message>
    <message>
        <source>Default policies</source>
        <translation>Políticas predeterminadas</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>How many files of one job move at the same time.</source>
        <translation>Cuántos archivos de un trabajo se mueven a la vez.</translation>
    </message>
    <message>
        <source>&amp;Workers per job:</source>
        <translation>&amp;Procesos por trabajo:</translation>
    </message>
    <message>
        <source>Jobs beyond this number wait in the queue.</source>
        <translation>Los trabajos que superen este número esperan en la cola.</translation>
    </message>
    <message>
        <source>&amp;Jobs at once:</source>
        <translation>&amp;Trabajos a la vez:</translation>
    </message>
    <message>
        <source> KB/s</source>
        <translation> KB/s</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sin límite</translation>
    </message>
    <message>
        <source>&amp;Bandwidth cap:</source>
        <translation>Límite de &amp;ancho de banda:</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>&amp;Reserve for browsing:</source>
        <translation>&amp;Reserva para explorar:</translation>
    </message>
    <message>
        <source>Procore allows each application a fixed number of API calls an hour. Jobs leave this share of it for browsing the panes.</source>
        <translation>Procore permite a cada aplicación un número fijo de llamadas a la API por hora. Los trabajos dejan esta parte para explorar los paneles.</translation>
    </message>
    <message>
        <source>The newer file wins</source>
        <translation>Gana el archivo más reciente</translation>
    </message>
    <message>
        <source>The source always wins</source>
        <translation>Gana siempre el origen</translation>
    </message>
    <message>
        <source>Keep both (rename the copy)</source>
        <translation>Conservar ambos (renombrar la copia)</translation>
    </message>
    <message>
        <source>Skip the file</source>
        <translation>Omitir el archivo</translation>
    </message>
    <message>
        <source>Add a new version (Procore)</source>
        <translation>Añadir una versión nueva (Procore)</translation>
    </message>
    <message>
        <source>When a file exists on both &amp;sides:</source>
        <translation>Si un archivo existe en ambos &amp;lados:</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Conservarlos</translation>
    </message>
    <message>
        <source>Delete them (Procore: to the recycle bin)</source>
        <translation>Eliminarlos (Procore: a la papelera)</translation>
    </message>
    <message>
        <source>Sync: files gone from the &amp;source:</source>
        <translation>Sincronizar: archivos que ya no están en el &amp;origen:</translation>
    </message>
    <message>
        <source>Skip and report them</source>
        <translation>Omitirlos e informar</translation>
    </message>
    <message>
        <source>Replace invalid characters</source>
        <translation>Sustituir los caracteres no válidos</translation>
    </message>
    <message>
        <source>Names the destination &amp;rejects:</source>
        <translation>&amp;Nombres que el destino rechaza:</translation>
    </message>
    <message>
        <source>&amp;Forget remembered drop choice</source>
        <translation>Ol&amp;vidar la elección recordada al soltar</translation>
    </message>
    <message>
        <source>The next drop asks again.</source>
        <translation>La próxima vez que suelte archivos se volverá a preguntar.</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>A new language applies the next time Trestle starts.</source>
        <translation>El nuevo idioma se aplica la próxima vez que se inicie Trestle.</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Según el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>T&amp;ema:</translation>
    </message>
    <message>
        <source>Drops:</source>
        <translation>Al soltar:</translation>
    </message>
    <message>
        <source>Ask me (the file waits for my decision)</source>
        <translation>Preguntarme (el archivo espera mi decisión)</translation>
    </message>
    <message>
        <source>All versions, oldest first</source>
        <translation>Todas las versiones, la más antigua primero</translation>
    </message>
    <message>
        <source>The latest version only</source>
        <translation>Solo la versión más reciente</translation>
    </message>
    <message>
        <source>Where the source keeps a file&apos;s history (Procore) and the destination can hold it.</source>
        <translation>Cuando el origen guarda el historial de un archivo (Procore) y el destino puede conservarlo.</translation>
    </message>
    <message>
        <source>Migrate: version &amp;history:</source>
        <translation>Migrar: &amp;historial de versiones:</translation>
    </message>
</context>
<context>
    <name>trestle::SharePage</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>File share</source>
        <translation>Recurso compartido</translation>
    </message>
    <message>
        <source>A folder on this computer or a mounted network share.</source>
        <translation>Una carpeta de este equipo o un recurso de red montado.</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>/mnt/projects or \\server\share\projects</source>
        <translation>/mnt/proyectos o \\servidor\recurso\proyectos</translation>
    </message>
    <message>
        <source>Browse for the folder</source>
        <translation>Buscar la carpeta</translation>
    </message>
    <message>
        <source>Display as</source>
        <translation>Mostrar como</translation>
    </message>
    <message>
        <source>The folder&apos;s name</source>
        <translation>El nombre de la carpeta</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Carpeta:</translation>
    </message>
    <message>
        <source>Display &amp;as:</source>
        <translation>&amp;Mostrar como:</translation>
    </message>
    <message>
        <source>Pick a name that tells your connections apart.</source>
        <translation>Elija un nombre que distinga sus conexiones.</translation>
    </message>
    <message>
        <source>Choose the folder</source>
        <translation>Elegir la carpeta</translation>
    </message>
</context>
<context>
    <name>trestle::ShareProbe</name>
    <message>
        <source>Choose a folder.</source>
        <translation>Elija una carpeta.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist or the share is not mounted.</source>
        <translation>La carpeta %1 no existe o el recurso compartido no está montado.</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder.</source>
        <translation>%1 es un archivo, no una carpeta.</translation>
    </message>
    <message>
        <source>Trestle may not read the folder %1.</source>
        <translation>Trestle no tiene permiso para leer la carpeta %1.</translation>
    </message>
</context>
<context>
    <name>trestle::SignInPage</name>
    <message>
        <source>Sign in with a Procore &amp;user</source>
        <translation>Iniciar sesión con un &amp;usuario de Procore</translation>
    </message>
    <message>
        <source>Use a ser&amp;vice account (for unattended scheduled jobs)</source>
        <translation>Usar una cuenta de ser&amp;vicio (para trabajos programados)</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>Sign in with Procore</source>
        <translation>Iniciar sesión con Procore</translation>
    </message>
    <message>
        <source>Your password goes to Procore&apos;s own page only; Trestle never sees or stores it.</source>
        <translation>Su contraseña solo va a la página de Procore; Trestle nunca la ve ni la guarda.</translation>
    </message>
    <message>
        <source>Sign in with a Procore user</source>
        <translation>Iniciar sesión con un usuario de Procore</translation>
    </message>
    <message>
        <source>Use a service account</source>
        <translation>Usar una cuenta de servicio</translation>
    </message>
    <message>
        <source>Service account client ID</source>
        <translation>Client ID de la cuenta de servicio</translation>
    </message>
    <message>
        <source>Service account client secret</source>
        <translation>Client Secret de la cuenta de servicio</translation>
    </message>
    <message>
        <source>Company ID</source>
        <translation>ID de la empresa</translation>
    </message>
    <message>
        <source>Sign in with the service account</source>
        <translation>Iniciar sesión con la cuenta de servicio</translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation>Client I&amp;D:</translation>
    </message>
    <message>
        <source>Client s&amp;ecret:</source>
        <translation>Client S&amp;ecret:</translation>
    </message>
    <message>
        <source>Co&amp;mpany ID:</source>
        <translation>ID de la e&amp;mpresa:</translation>
    </message>
    <message>
        <source>Give the service account a name that says it is Trestle (for example &quot;Trestle – scheduled sync&quot;), so Procore admins can tell what it does in the logs.</source>
        <translation>Dé a la cuenta de servicio un nombre que indique que es Trestle (por ejemplo «Trestle – sincronización programada»), para que los administradores de Procore sepan qué hace en los registros.</translation>
    </message>
    <message>
        <source>Procore sign-in page</source>
        <translation>Página de inicio de sesión de Procore</translation>
    </message>
    <message>
        <source>The sign-in page could not be loaded (%1). Check the network connection and the Domain, then go Back and Next to try again.</source>
        <translation>No se pudo cargar la página de inicio de sesión (%1). Compruebe la conexión de red y el dominio y, después, pulse Atrás y Siguiente para volver a intentarlo.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Sesión iniciada como %1.</translation>
    </message>
</context>
<context>
    <name>trestle::SourceGuard</name>
    <message>
        <source>The file changed while it was being copied.</source>
        <translation>El archivo cambió mientras se copiaba.</translation>
    </message>
</context>
<context>
    <name>trestle::StatVersionListJob</name>
    <message>
        <source>“%1” is not a file.</source>
        <translation>«%1» no es un archivo.</translation>
    </message>
</context>
<context>
    <name>trestle::StorageTransfer</name>
    <message>
        <source>Cannot write the downloaded file: %1</source>
        <translation>No se puede escribir el archivo descargado: %1</translation>
    </message>
    <message>
        <source>The download was redirected too often.</source>
        <translation>La descarga se redirigió demasiadas veces.</translation>
    </message>
    <message>
        <source>The download ended early (%1 of %2 bytes arrived).</source>
        <translation>La descarga terminó antes de tiempo (llegaron %1 de %2 bytes).</translation>
    </message>
    <message>
        <source>The transfer was cancelled.</source>
        <translation>Se canceló la transferencia.</translation>
    </message>
</context>
<context>
    <name>trestle::Store</name>
    <message>
        <source>“%1” cannot be created in %2: %3</source>
        <translation>«%1» no se puede crear en %2: %3</translation>
    </message>
    <message>
        <source>The top folder cannot be moved.</source>
        <translation>La carpeta superior no se puede mover.</translation>
    </message>
    <message>
        <source>The top folder already exists.</source>
        <translation>La carpeta superior ya existe.</translation>
    </message>
    <message>
        <source>“%1” cannot be moved into itself.</source>
        <translation>«%1» no se puede mover dentro de sí mismo.</translation>
    </message>
    <message>
        <source>This store cannot open files for random access.</source>
        <translation>Este almacén no puede abrir archivos con acceso aleatorio.</translation>
    </message>
    <message>
        <source>This store cannot take pushed writes.</source>
        <translation>Este almacén no admite escrituras enviadas.</translation>
    </message>
    <message>
        <source>This store keeps no versions.</source>
        <translation>Este almacén no guarda versiones.</translation>
    </message>
</context>
<context>
    <name>trestle::StoreJob</name>
    <message>
        <source>The operation was cancelled.</source>
        <translation>Se canceló la operación.</translation>
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
        <translation>Elemento no utilizable</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modificado</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versiones</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1 byte</translation>
    </message>
</context>
<context>
    <name>trestle::StreamPump</name>
    <message>
        <source>A transfer lost its source or destination.</source>
        <translation>Una transferencia perdió su origen o su destino.</translation>
    </message>
    <message>
        <source>Reading the source failed.</source>
        <translation>Error al leer el origen.</translation>
    </message>
    <message>
        <source>The source ended early: %1 of %2 bytes arrived.</source>
        <translation>El origen terminó antes de tiempo: llegaron %1 de %2 bytes.</translation>
    </message>
    <message>
        <source>Writing the destination failed.</source>
        <translation>Error al escribir el destino.</translation>
    </message>
</context>
<context>
    <name>trestle::TestPage</name>
    <message>
        <source>&amp;Test again</source>
        <translation>&amp;Probar de nuevo</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Trestle checks that it can reach the files, then saves the connection when you press Done.</source>
        <translation>Trestle comprueba que llega a los archivos y guarda la conexión cuando pulse Terminar.</translation>
    </message>
    <message>
        <source>Connection summary</source>
        <translation>Resumen de la conexión</translation>
    </message>
    <message>
        <source>Test the connection again</source>
        <translation>Probar la conexión de nuevo</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Nombre: %1</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Carpeta: %1</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>Cuenta: %1</translation>
    </message>
    <message>
        <source>Company: %1</source>
        <translation>Empresa: %1</translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation>Proyecto: %1</translation>
    </message>
    <message>
        <source>Domain: %1</source>
        <translation>Dominio: %1</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Probando la conexión…</translation>
    </message>
    <message>
        <source>Saving the connection…</source>
        <translation>Guardando la conexión…</translation>
    </message>
</context>
<context>
    <name>trestle::TokenManager</name>
    <message>
        <source>The keychain is not available.</source>
        <translation>El llavero no está disponible.</translation>
    </message>
</context>
<context>
    <name>trestle::TokenRequest</name>
    <message>
        <source>Sign in again to %1.</source>
        <translation>Vuelva a iniciar sesión en %1.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Se canceló el inicio de sesión.</translation>
    </message>
</context>
<context>
    <name>trestle::TransferCommand</name>
    <message>
        <source>Invalid value for --%1.</source>
        <translation>Valor no válido para --%1.</translation>
    </message>
    <message>
        <source>analyze, copy, sync, migrate, jobs, resume, retry or report</source>
        <translation>analyze, copy, sync, migrate, jobs, resume, retry o report</translation>
    </message>
    <message>
        <source>Plan only: show what the job would do.</source>
        <translation>Solo planificar: mostrar lo que haría el trabajo.</translation>
    </message>
    <message>
        <source>Print results as JSON.</source>
        <translation>Mostrar los resultados en JSON.</translation>
    </message>
    <message>
        <source>report: HTML instead of CSV.</source>
        <translation>report: HTML en lugar de CSV.</translation>
    </message>
    <message>
        <source>newer-wins, source-wins, keep-both, skip, ask, new-version</source>
        <translation>newer-wins, source-wins, keep-both, skip, ask, new-version</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>política</translation>
    </message>
    <message>
        <source>keep or delete (sync)</source>
        <translation>keep o delete (sync)</translation>
    </message>
    <message>
        <source>report or map</source>
        <translation>report o map</translation>
    </message>
    <message>
        <source>Copy only files matching the glob.</source>
        <translation>Copiar solo los archivos que coincidan con el patrón.</translation>
    </message>
    <message>
        <source>glob</source>
        <translation>patrón</translation>
    </message>
    <message>
        <source>Leave out files and folders matching the glob.</source>
        <translation>Omitir archivos y carpetas que coincidan con el patrón.</translation>
    </message>
    <message>
        <source>Copy only these file types.</source>
        <translation>Copiar solo estos tipos de archivo.</translation>
    </message>
    <message>
        <source>extension</source>
        <translation>extensión</translation>
    </message>
    <message>
        <source>Smallest file size.</source>
        <translation>Tamaño de archivo mínimo.</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>bytes</translation>
    </message>
    <message>
        <source>Largest file size.</source>
        <translation>Tamaño de archivo máximo.</translation>
    </message>
    <message>
        <source>Only files modified since.</source>
        <translation>Solo archivos modificados desde.</translation>
    </message>
    <message>
        <source>ISO date</source>
        <translation>fecha ISO</translation>
    </message>
    <message>
        <source>Worker threads.</source>
        <translation>Hilos de trabajo.</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Usage: trestle analyze &lt;source&gt; | copy|sync|migrate &lt;source&gt; &lt;destination&gt; | jobs | resume|retry|report &lt;job-id&gt;  [--dry-run] [--json] [policies…]</source>
        <translation>Uso: trestle analyze &lt;origen&gt; | copy|sync|migrate &lt;origen&gt; &lt;destino&gt; | jobs | resume|retry|report &lt;id-del-trabajo&gt;  [--dry-run] [--json] [políticas…]</translation>
    </message>
    <message>
        <source>%1 files, %2 folders, %3; %4 names Procore would reject; about %5 API calls</source>
        <translation>%1 archivos, %2 carpetas, %3; %4 nombres que Procore rechazaría; unas %5 llamadas a la API</translation>
    </message>
    <message>
        <source>Plan: %1 folders to create, %2 new files, %3 to replace, %4 to delete, %5 unchanged, %6 skipped; %7 to copy</source>
        <translation>Plan: %1 carpetas que crear, %2 archivos nuevos, %3 que sustituir, %4 que eliminar, %5 sin cambios, %6 omitidos; %7 que copiar</translation>
    </message>
    <message>
        <source>Job %1 cannot run here: its connections are missing.</source>
        <translation>El trabajo %1 no se puede ejecutar aquí: faltan sus conexiones.</translation>
    </message>
    <message>
        <source>%1 s left</source>
        <translation>quedan %1 s</translation>
    </message>
    <message>
        <source>Job %1: %2, %3 done, %4 failed, %5 skipped</source>
        <translation>Trabajo %1: %2, %3 hechos, %4 fallidos, %5 omitidos</translation>
    </message>
    <message>
        <source>Use either --every or --at, not both.</source>
        <translation>Use --every o --at, no ambos.</translation>
    </message>
    <message>
        <source>sync: one-way or two-way</source>
        <translation>sync: one-way o two-way</translation>
    </message>
    <message>
        <source>direction</source>
        <translation>dirección</translation>
    </message>
    <message>
        <source>Bandwidth cap for the job (bytes/s; k, M, G suffixes; 0 = none).</source>
        <translation>Límite de ancho de banda del trabajo (bytes/s; sufijos k, M, G; 0 = ninguno).</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>tasa</translation>
    </message>
    <message>
        <source>migrate: delete each source file once its copy is verified.</source>
        <translation>migrate: eliminar cada archivo de origen una vez verificada su copia.</translation>
    </message>
    <message>
        <source>Run the job again every N hours.</source>
        <translation>Volver a ejecutar el trabajo cada N horas.</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>horas</translation>
    </message>
    <message>
        <source>Run the job again daily at this time.</source>
        <translation>Volver a ejecutar el trabajo a diario a esta hora.</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <source>waiting for API budget until %1</source>
        <translation>esperando cupo de API hasta las %1</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Muestra esta ayuda.</translation>
    </message>
    <message>
        <source>Scan &lt;source&gt; and measure it against Procore&apos;s rules: files, folders, size, names Procore would reject and the API calls a copy would take. Nothing is written.</source>
        <translation>Examina &lt;source&gt; y lo compara con las reglas de Procore: archivos, carpetas, tamaño, nombres que Procore rechazaría y las llamadas a la API que costaría una copia. No se escribe nada.</translation>
    </message>
    <message>
        <source>Copy the files and folders of &lt;source&gt; into &lt;destination&gt;. Files that exist on both sides are handled by --conflicts.</source>
        <translation>Copia los archivos y carpetas de &lt;source&gt; en &lt;destination&gt;. Lo que ocurre con los archivos que existen en ambos lados lo decide --conflicts.</translation>
    </message>
    <message>
        <source>Make &lt;destination&gt; match &lt;source&gt;: new and changed files are copied; with --deletes delete, files gone from &lt;source&gt; are deleted; --direction two-way syncs both ways.</source>
        <translation>Hace que &lt;destination&gt; coincida con &lt;source&gt;: se copian los archivos nuevos y modificados; con --deletes delete se eliminan los archivos que ya no están en &lt;source&gt;; --direction two-way sincroniza en ambos sentidos.</translation>
    </message>
    <message>
        <source>Copy &lt;source&gt; into &lt;destination&gt;, then verify every copied file; with --delete-source each source file is deleted once its copy is verified.</source>
        <translation>Copia &lt;source&gt; en &lt;destination&gt; y después verifica cada archivo copiado; con --delete-source se elimina cada archivo de origen en cuanto se verifica su copia.</translation>
    </message>
    <message>
        <source>List the jobs in the journal: id, kind, state, items done, source and destination.</source>
        <translation>Lista los trabajos del registro: id, tipo, estado, elementos hechos, origen y destino.</translation>
    </message>
    <message>
        <source>Run the remaining items of a job (also after a crash).</source>
        <translation>Ejecuta los elementos pendientes de un trabajo (también tras un cierre inesperado).</translation>
    </message>
    <message>
        <source>Run the failed items of a job again.</source>
        <translation>Vuelve a ejecutar los elementos fallidos de un trabajo.</translation>
    </message>
    <message>
        <source>Write the items of a job to the standard output as CSV (or HTML).</source>
        <translation>Escribe los elementos de un trabajo en la salida estándar como CSV (o HTML).</translation>
    </message>
    <message>
        <source>List the saved connections: name, kind, project or folder, and id.</source>
        <translation>Lista las conexiones guardadas: nombre, tipo, proyecto o carpeta, e id.</translation>
    </message>
    <message>
        <source>List the Procore projects the account of a saved Procore connection can see.</source>
        <translation>Lista los proyectos de Procore que puede ver la cuenta de una conexión de Procore guardada.</translation>
    </message>
    <message>
        <source>Commands: %1. Write trestle &lt;command&gt; --help for a command&apos;s options.</source>
        <translation>Comandos: %1. Escriba trestle &lt;comando&gt; --help para ver las opciones de un comando.</translation>
    </message>
    <message>
        <source>options</source>
        <translation>opciones</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>Uso: %1</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Opciones:</translation>
    </message>
    <message>
        <source>skip %1: %2</source>
        <translation>omitido: %1 – %2</translation>
    </message>
    <message>
        <source>%1/%2 items  %3/%4  %5/s  %6</source>
        <translation>%1/%2 elementos  %3/%4  %5/s  %6</translation>
    </message>
    <message>
        <source>migrate: all (each file&apos;s history, oldest first) or latest</source>
        <translation>migrate: all (el historial de cada archivo, la versión más antigua primero) o latest</translation>
    </message>
    <message>
        <source>which</source>
        <translation>cuáles</translation>
    </message>
    <message>
        <source>Job %1 was not completely planned: it is planned again as job %2.</source>
        <translation>La tarea %1 no se planificó por completo: se vuelve a planificar como tarea %2.</translation>
    </message>
    <message>
        <source>History: %1 files with their versions, %2 older versions to copy (about %3)</source>
        <translation>Historial: %1 archivos con sus versiones, %2 versiones anteriores por copiar (unos %3)</translation>
    </message>
</context>
<context>
    <name>trestle::TransferFlow</name>
    <message>
        <source>Transfer “%1” to %2?</source>
        <translation>¿Transferir «%1» a %2?</translation>
    </message>
    <message numerus="yes">
        <source>Transfer %n items from %1 to %2?</source>
        <translation>
            <numerusform>¿Transferir %n elemento de %1 a %2?</numerusform>
            <numerusform>¿Transferir %n elementos de %1 a %2?</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 “%2” to %3</source>
        <translation>%1: «%2» a %3</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>The job could not be planned: %1</source>
        <translation>No se pudo planificar el trabajo: %1</translation>
    </message>
</context>
<context>
    <name>trestle::TreeWalker</name>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>The store went away during a walk.</source>
        <translation>El almacén desapareció durante el recorrido.</translation>
    </message>
</context>
<context>
    <name>trestle::TwoWayBuilder</name>
    <message>
        <source>not a regular file or folder</source>
        <translation>no es un archivo ni una carpeta normal</translation>
    </message>
    <message>
        <source>a file on one side and a folder on the other</source>
        <translation>un archivo en un lado y una carpeta en el otro</translation>
    </message>
    <message>
        <source>deleted on the other side; kept here (policy: keep)</source>
        <translation>eliminado en el otro lado; se conserva aquí (política: conservar)</translation>
    </message>
    <message>
        <source>changed here and deleted on the other side: the change is kept</source>
        <translation>cambiado aquí y eliminado en el otro lado: se conserva el cambio</translation>
    </message>
    <message>
        <source>changed on both sides and neither is newer</source>
        <translation>cambiado en ambos lados y ninguno es más reciente</translation>
    </message>
    <message>
        <source>changed on both sides (policy: skip)</source>
        <translation>cambiado en ambos lados (política: omitir)</translation>
    </message>
    <message>
        <source>changed on both sides: waiting for a decision</source>
        <translation>cambiado en ambos lados: esperando una decisión</translation>
    </message>
</context>
<context>
    <name>trestle::UrlPolicy</name>
    <message>
        <source>The server address is not a valid URL.</source>
        <translation>La dirección del servidor no es una URL válida.</translation>
    </message>
    <message>
        <source>Trestle only talks to servers over https (plain http is allowed for this computer only).</source>
        <translation>Trestle solo se comunica con servidores por https (http simple solo se permite para este equipo).</translation>
    </message>
</context>
<context>
    <name>trestle::VersionHistoryCopy</name>
    <message>
        <source>The worker has no store for this item.</source>
        <translation>El proceso no tiene almacén para este elemento.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>“%1” has no versions to copy.</source>
        <translation>«%1» no tiene versiones que copiar.</translation>
    </message>
    <message>
        <source>A folder has this name on the destination.</source>
        <translation>En el destino hay una carpeta con este nombre.</translation>
    </message>
    <message>
        <source>The destination&apos;s file has a history that differs from the source&apos;s: it was left as it is.</source>
        <translation>El archivo del destino tiene un historial distinto del de origen: se ha dejado como estaba.</translation>
    </message>
    <message>
        <source>Could not create a temporary file.</source>
        <translation>No se pudo crear un archivo temporal.</translation>
    </message>
    <message>
        <source>The destination&apos;s copy differs from the source.</source>
        <translation>La copia del destino difiere del origen.</translation>
    </message>
</context>
<context>
    <name>trestle::db</name>
    <message>
        <source>The folder for the Trestle database could not be created.</source>
        <translation>No se pudo crear la carpeta de la base de datos de Trestle.</translation>
    </message>
    <message>
        <source>The Trestle database file could not be created.</source>
        <translation>No se pudo crear el archivo de la base de datos de Trestle.</translation>
    </message>
    <message>
        <source>The Trestle database was written by a newer version of Trestle. Update Trestle to open it.</source>
        <translation>La base de datos de Trestle la escribió una versión más reciente de Trestle. Actualice Trestle para abrirla.</translation>
    </message>
    <message>
        <source>The Trestle database file is damaged or is not a Trestle database.</source>
        <translation>El archivo de la base de datos de Trestle está dañado o no es una base de datos de Trestle.</translation>
    </message>
    <message>
        <source>The disk holding the Trestle database is full.</source>
        <translation>El disco que contiene la base de datos de Trestle está lleno.</translation>
    </message>
    <message>
        <source>The Trestle database could not be read or written.</source>
        <translation>No se pudo leer ni escribir la base de datos de Trestle.</translation>
    </message>
</context>
</TS>
