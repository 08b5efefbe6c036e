# After submission: statuses, the dossier card in the officials' chat, actions, notifications, lookup, ratings, personal data.

bullet = • { $text }
thanks = Thank you!

state-new = Newly registered
state-accepted = Accepted
state-not_accepted = Not accepted
state-processing = In processing
state-supplement_requested = Supplement requested
state-supplement_received = Supplement sent by the citizen
state-payment_requested = Payment requested
state-withdrawn = Withdrawn by the citizen
state-stopped = Processing stopped
state-done = Done, result ready
state-handed_over = Result handed over

action-accept = ✅ Accept
action-refuse = ⛔ Do not accept
action-start = ▶️ Start processing
action-request_supplement = 📝 Request supplement
action-supplied = Citizen sent the supplement
action-confirm_payment = 💵 Fee paid
action-request_payment = 💰 Request payment
action-approve = 🟢 Approve, set pickup
action-hand_over = 📦 Handed over
action-withdraw = Citizen withdrew
action-stop = ✋ Stop processing

card =
    📁 Dossier { $code } — { $title }
    { $lines }
card-line = • { $label }: { $value }
card-reason = Reason: { $reason }
card-supplement =
    To supplement:
    { $items }
card-pickup = Appointment to collect the result: { $date }
card-last = Last action: { $actor } — { $action } at { $at }
card-rating = Citizen's rating: { $rating }/5 { $comment }

admin-not-allowed = Only the assigned officials can act on dossiers.
admin-forged = This button is not valid. Nothing was changed.
admin-outdated = This card is out of date (current status: { $status }; last action by { $actor }). The card has been refreshed.
admin-race-toast = { $actor } acted on this dossier just before you. Your button changed nothing.
admin-race = Dossier { $code } was just handled by { $actor } (status: { $status }). Your action was not applied.
admin-done = Done: { $action } — dossier { $code }.
admin-task-started = { $action }: please enter the details below.
admin-no-task = Nothing is waiting for your input.
admin-task-cancelled = Action on dossier { $code } cancelled.
admin-cancel = Cancel
admin-continue = Continue ➡️
admin-item = { $mark }{ $label }
admin-pick-items = 📝 Dossier { $code }: { $official }, choose what the citizen must supplement, then press "Continue".
admin-select-items = Choose at least one item to supplement, then press "Continue".
admin-ask-reason = Dossier { $code } — { $action }: please type the reason (as a message in this group).
admin-ask-pickup = 🟢 Dossier { $code }: { $official }, choose the appointment to collect the result ({ $fee }). Due date: { $due }; the appointment must be a working day, not before the due date. Choose the button for { $default } or type another date (day/month/year).
admin-use-date = Pickup on { $date }
admin-bad-date = That date is invalid. Type it as day/month/year, e.g. { $example }.
admin-citizen-withdraw = ↩️ The citizen withdrew dossier { $code }.
admin-citizen-supplied = 📎 The citizen sent the supplement for dossier { $code }. Please review it.
admin-feedback =
    💬 Feedback from a citizen (via { $channel }):
    { $text }
admin-comment = ⭐ Dossier { $code } was rated { $rating }/5: { $comment }
admin-help =
    Commands for officials:
    /pending — dossiers waiting (oldest first)
    /find <receipt code or name> — find dossiers
    /stats — statistics
    /cancel — cancel the action you are entering
admin-pending =
    📋 Dossiers waiting: { $count }
    { $lines }
admin-pending-line = { $mark }{ $code } · { $title } · { $status } · due date { $expected }
admin-find-usage = Type /find with a receipt code or a name (at least 3 characters).
admin-found =
    🔎 "{ $query }": { $count } dossier(s)
    { $lines }
admin-stats =
    📊 Statistics: { $total } dossiers
    By status:
    { $states }
    By procedure:
    { $flows }
    Average processing time: { $hours } hours
    Satisfaction: { $rating }/5 ({ $ratings } ratings)
admin-stats-line = • { $label }: { $count }
admin-error = ⚠️ A request failed (case { $case }). The citizen received an apology; details are in the server log.
admin-sorry = ⚠️ Your action could not be processed (case { $case }). The dossier is unchanged; please try again.

notify-accepted = 📥 Dossier { $code } ({ $title }) has been accepted.
notify-not_accepted =
    ⛔ Dossier { $code } ({ $title }) was not accepted.
    Reason: { $reason }
notify-processing = ⚙️ Dossier { $code } ({ $title }) is being processed.
notify-supplement_requested =
    📝 Dossier { $code } ({ $title }) needs a supplement:
    { $items }
    Reason: { $reason }
    Choose "Supplement now" to send these items again.
notify-supplement_received = 📎 The supplement for dossier { $code } was received.
notify-payment_requested =
    💰 Dossier { $code } ({ $title }): please pay the fee of { $fee }.
    { $how }
notify-done =
    🟢 Dossier { $code } ({ $title }) is done.
    Appointment to collect the result: { $pickup }. Please come to { $office }, { $address } ({ $hours }).
    Bring the originals of the documents you photographed, for comparison:
    { $documents }
    { $fee_line }
notify-handed_over = 📦 The result of dossier { $code } has been handed over (collected on { $collected }). How satisfied are you with the service? Choose the stars (1 = very dissatisfied, 5 = very satisfied).
notify-withdrawn = ↩️ Dossier { $code } has been withdrawn.
notify-stopped =
    ✋ Processing of dossier { $code } ({ $title }) was stopped.
    Reason: { $reason }
notify-new = Dossier { $code } is waiting to be accepted.

supplement-start = 📝 Supplement now
supplement-start-code = 📝 Supplement dossier { $code }
supplement-started =
    📝 Supplementing dossier { $code }. The office asks you to send again:
    { $items }
    Reason: { $reason }
supplement-sent = ✅ The supplement for dossier { $code } was sent. The office will review it and notify you.
supplement-not-needed = This dossier does not need a supplement now.
service-finish-first = You are in the middle of a filing. Please finish it, or type /cancel, first.

menu-lookup = 🔎 Look up a dossier
menu-mine = 📂 My dossiers
menu-feedback = 💬 Feedback
lookup-ask = Type the receipt code (e.g. 000.00.01.H99-260310-0001) or send a photo of the QR code on the receipt.
lookup-not-found = No dossier { $code } was found. Please check the code on your receipt.
lookup-no-qr = I couldn't read a receipt QR code in that photo. Take it closer and sharper, or type the code.
lookup-too-many = You have looked up too many codes that do not exist or are not yours. Please try again in { $minutes } minute(s). Dossiers you filed yourself can be looked up at any time (or type /mydossiers).
lookup-busy = The lookup service is receiving too many requests right now. Please try again in { $minutes } minute(s). Dossiers you filed yourself can still be looked up as usual.
lookup-public =
    🔎 Dossier { $code }
    Status: { $status }
    { $dates }
lookup-own =
    🔎 Dossier { $code } — { $title }
    Status: { $status }
    { $dates }
    Note from the office: { $reason }
mine = 📂 Your dossiers:
    { $lines }
mine-line = • { $code } · { $title } · { $status }
mine-line-dated = • { $code } · { $title } · { $status } · { $when }
mine-none = You have not submitted any dossier through this channel.
withdraw-button = ↩️ Withdraw { $code }
withdraw-confirm = Do you really want to withdraw dossier { $code }? It will not be processed further.
withdraw-yes = Yes, withdraw it
withdraw-kept = The dossier is kept as it was.
withdrawn = ↩️ Dossier { $code } has been withdrawn.
withdrawn-supplement-erased = 🗑️ The supplement you had started for it, with the photos you added, was deleted.
withdraw-not-possible = This dossier can no longer be withdrawn (processing has started or it is closed). Please contact { $office }.
rating-thanks = Thank you for rating { $rating }/5. Would you like to add a comment? Type it, or choose "Skip".
rating-already = You have already rated this dossier. Thank you!
rating-not-possible = You can rate your own dossier once its result has been handed over.
feedback-ask = Please type your feedback. It goes to the officials of { $office }.
feedback-thanks = Thank you! Your feedback was sent to the officials.

privacy =
    🔒 What we store about you:
    • Filing in progress: { $filing } ({ $answers } answers, { $photos } photos not yet submitted)
    • Submitted dossiers: { $dossiers } ({ $codes })
    Submitted dossiers are administrative records the office must keep; you may view them and ask for corrections at { $office }.
    Type /deletemydata to delete your draft and unsubmitted photos. Personal-data requests are acknowledged within 2 working days and completed within 15 days.
erase-confirm = Delete your draft filing and every photo you have not submitted? This cannot be undone.
erase-yes = Yes, delete
erase-no = No
erase-kept = Nothing was deleted.
erased = 🗑️ Your draft and unsubmitted photos were deleted. { $dossiers } submitted dossier(s) are kept by the office as administrative records.
draft-reminder = ⏰ You have an unfinished { $title } filing. It and its photos will be deleted automatically in { $days } day(s) unless you continue. Type /start to continue.
draft-expired = 🗑️ Your unfinished { $title } filing was left too long, so it was deleted with its photos to protect your data.
sorry = 😔 Sorry, something went wrong with your message (case { $case }). Everything you entered is kept; please send it again.
admin-pickup-chosen = 🟢 Dossier { $code }: pickup set for { $date }.

# Fees, late registration, where answers came from and warnings on the dossier card (issue 11).
fee-amount = Fee: { $amount }
fee-free = No fee
receipt-late = Late registration: the child was born { $days } days ago (more than 60 days).
card-late = ⏰ Late registration: { $days } days after the birth · { $fee }
card-warning = { $text }
card-line-qr = { $line } [QR]
card-line-copied = { $line } [from { $source }]
card-origin-legend = [QR]: read from the ID card's QR code, confirmed by the citizen; [from ...]: copied from another answer; the rest: typed by the citizen.

# A dossier's dates (one set of words for citizens and officials), valid appointments, fees and VietQR (issue 12).
dates-due = Submitted: { $submitted } · Due date: { $date }
dates-appointment = Submitted: { $submitted } · Appointment to collect the result: { $date }, at { $office }, { $address } ({ $hours })
dates-collected = Submitted: { $submitted } · Collected on: { $date }
dates-closed = Submitted: { $submitted }
when-due = due date { $date }
when-appointment = appointment to collect the result { $date }
when-collected = collected on { $date }
card-collected = Collected on: { $date }
card-fee-paid = Fee: { $amount } – paid ({ $official }, { $at })
card-fee-unpaid = Fee: { $amount } – not paid
admin-pickup-past = { $date } has passed. The earliest appointment: { $next }. Choose the button for { $next } or type another date.
admin-pickup-before-due = { $date } is before the due date ({ $due }). The earliest appointment: { $next }. Choose the button for { $next } or type another date.
admin-pickup-day-off = { $date } is a day off ({ $why }). The next working day: { $next }. Choose the button for { $next } or type another date.
weekday-0 = Monday
weekday-1 = Tuesday
weekday-2 = Wednesday
weekday-3 = Thursday
weekday-4 = Friday
weekday-5 = Saturday
weekday-6 = Sunday
pay-transfer =
    Bank transfer: { $bank }, account number { $account }, account holder { $holder }.
    Transfer note: { $note }
    You can scan the VietQR code sent with this message in your banking app: the amount and note are filled in.
pay-deadline = Pay by: { $date }.
pay-or-at-office = Or pay in person at { $office }.
pay-at-office = Please pay at { $office }, { $address } ({ $hours }).
pay-qr-caption = VietQR code to pay the fee of { $fee } for dossier { $code }: scan it in your banking app.
fee-paid-note = Fee { $amount }: already paid.
fee-bring-note = Fee { $amount }: please pay it when you collect the result.
notify-fee_paid = 💵 The fee of { $fee } for dossier { $code } ({ $title }) was received. Thank you!
# The card in sections, confirmations, the line after each action (issue 12).
card-status = Status: { $status } (code { $status_code })
card-filed = Filed { $submitted } via { $channel } · due date { $expected }
card-rule = —————
card-section =
    ▸ { $name }
    { $lines }
card-changes =
    🔁 The citizen's supplement (before → after):
    { $lines }
card-change = • { $label }: { $before } → { $after }
card-change-photos = • { $label }: new photos replace the old ones
card-unchanged = 🔁 The citizen sent the supplement; the answers did not change.
card-photo = { $label }{ $number }
card-moved =
    { $card }
    ⤵️ This card was posted again below.
supplement-photo = Supplement for dossier { $code }: { $document }
admin-confirm = ❓ Confirm { $action } for dossier { $code }? This cannot be undone. (Only { $official } can confirm.)
admin-confirm-yes = ✔️ Confirm
admin-confirm-toast = Please confirm in the message below.
admin-confirm-not-yours = Only the official who chose this action can confirm it.
admin-confirmed = ✔️ Confirmed: { $action } — dossier { $code }.
admin-confirm-dropped = Cancelled; dossier { $code } is unchanged.
admin-confirm-void = Dossier { $code } changed since the confirmation was asked. This confirmation no longer applies; see the card.
admin-prompt-stale = This task is over (done, cancelled or moved to another dossier). The button no longer works.
admin-prompt-closed = ⌛ This task is over.
admin-prompt-done = ✔️ Dossier { $code } — { $action }: received.
admin-task-replaced = ⌛ This task was replaced by a newer one of the same official.
admin-show-card = 📁 { $code }
acted = { $lines }
acted-reason = Reason: { $reason }
acted-pickup = Appointment to collect the result: { $date }.
acted-accept = { $official } accepted dossier { $code }.
acted-refuse = { $official } did not accept dossier { $code }.
acted-start = { $official } started processing dossier { $code }.
acted-request_supplement = { $official } asked for a supplement to dossier { $code }.
acted-request_payment = { $official } asked for the fee of dossier { $code }.
acted-approve = { $official } approved dossier { $code }.
acted-hand_over = { $official } handed over the result of dossier { $code }.
acted-stop = { $official } stopped processing dossier { $code }.
acted-confirm_payment = { $official } confirmed the fee of dossier { $code } paid.
