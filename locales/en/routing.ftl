## Routing by competence (bot/engine/routing.py): which office receives the dossier, and where to file when no
## office of this deployment serves the commune the answers name.

# A line at the end of the review's answers.
review-office =
    {""}
    📍 The dossier will be sent to: { $office } – { $address }
# The review when no office here serves the communes: nothing to send, where to file instead.
review-outside =
    📋 Please review your { $title } filing:
    { $lines }

    ⚠️ { $outside }
routing-outside =
    This System does not receive dossiers for { $count ->
        [1] the commune of this address
       *[other] the communes of these addresses
    }:
    { $places }
    This dossier cannot be sent through the System. You can file it on the National Public Service Portal { $portal } or in person at the public administrative service centre of { $count ->
        [1] that commune
       *[other] one of those communes
    }.
    If the address is wrong, choose “✏️ Change” to enter it again.
routing-place = • { $label }: { $commune }
routing-fix = ✏️ Change “{ $label }”
# Told right after the last answer that decides the office, before the next question.
routing-outside-note =
    { $outside }
    You may also go on and correct it later, but the dossier can only be sent with an address in a commune the System serves.
routing-not-sent = The dossier was not sent: this System does not receive dossiers for the commune of the address given.
routing-not-received = The dossier was not sent: this System does not receive dossiers for the commune of the address given. You can file it on the National Public Service Portal { $portal }, or type /review to check and correct the address.
# The receiving office on the receipt ("Received by: ...").
receipt-office =
    { $name }
    Address: { $address }
    Opening hours: { $hours }
