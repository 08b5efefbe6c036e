# The bot's general messages (menu, commands, navigation, review, receipt).

menu =
    Welcome! This is the online filing desk of { $office }. Which procedure would you like to file?
    Choose an item below (or type its number).
help =
    How to use this service:
    • Answer each question by typing or tapping a button.
    • Documents: take a sharp, well-lit photo showing all four corners, then send it.
    • /back — previous question   • /review — review your filing
    • /cancel — abandon this filing   • /language — change language
    • /start — main menu
flow-started = Starting: { $title }. Type /back to go to the previous question, /cancel to abandon.
flow-gone = The procedure you were filing has been updated by the office and cannot be continued. Sorry — please start again.
start-in-flow = You are filing { $title }. Answer the question below to continue, or type /cancel to abandon it.
nothing-in-progress = You are not filing anything at the moment.
unknown-command = Sorry, I don't know the command { $command }. Type /help to see the commands.
button-expired = That button belongs to an earlier question. Please answer the current one.
back = ⬅️ Back
back-at-start = This is the first question; there is nothing before it.
skip = Skip
language-choose = Chọn ngôn ngữ / Choose your language:
language-set = Language set to { $language }.
ask-with-current =
    { $question }
    (Currently: { $current } — send a new answer to change it.)
ask-after =
    ❗ { $lead }

    { $question }
lines = { $lines }
choice-invalid = Please choose one of the options below (or type the option's name).

consent-agree = ✅ I agree
consent-decline = I do not agree
consent-need-answer = Please choose "I agree" to continue, or "I do not agree" to stop.
consent-declined = You did not agree, so nothing was collected. You can still file in person at { $office }.

cancel-confirm = Do you really want to abandon your { $title } filing? Everything you entered and every photo you sent will be deleted.
cancel-yes = Yes, abandon it
cancel-no = No, continue
cancelled = Your filing was abandoned and what you sent has been deleted.
cancel-kept = Your filing is kept as it was. Please continue.

photos-done = ✅ Done ({ $count } photos)
photos-expected = This step needs a photo of the document (use 📎 or the camera icon).
photos-need-more = At least { $min } photos are needed; you have sent { $count }. Please send more.
photos-received = Received { $count }/{ $max } photos of { $document }.
photo-problem = Photo { $number } can't be used: { $problem }
photo-duplicate = Photo { $number } is the same as one already sent; skipped.
photo-over-max = Photo { $number } is over the maximum ({ $max }); skipped.
photo-not-expected = No photo is needed at this step. Please answer the question in text.
document-not-expected = No file is needed at this step. Please answer the question in text.
location-not-expected = This step does not use a location. Please type your answer.

prefill-offer =
    I could read the QR code on the ID card:
    { $lines }
    Do you want to use these details? (You can still change them when you review.)
prefill-yes = ✅ Use these details
prefill-no = No, I'll type them
prefill-need-answer = Please choose "Use these details" or "No, I'll type them".
prefill-used = Filled in { $count } details from the ID card.

item-add = ➕ Add a person
item-enough = That's all, continue
item-line = { $number }. { $summary }

review =
    📋 Please review your { $title } filing:
    { $lines }

    If everything is right, choose "Submit". To change something, choose "Edit".
review-line = • { $label }: { $value }
review-photos = { $count } photos
review-empty = (none)
review-send = 📨 Submit
review-edit = ✏️ Edit
review-edit-which = Which item do you want to change?
review-back = ⬅️ Back to the review
review-use-buttons = Please choose "Submit" or "Edit".
review-not-yet = The filing isn't complete yet, so it can't be reviewed. Please answer the current question.

receipt =
    ✅ Your { $title } dossier has been received.
    Receipt code: { $code }
    Receiving office: { $office }
    Submitted: { $submitted }
    Due date: { $expected } (the appointment to collect the result is sent once the dossier is done)
    { $notes }
    You will be notified at every change. Type the receipt code at any time to look it up.
receipt-qr-caption = QR code of dossier { $code } — show it to the officer when you collect the result.
# The office named in messages when the deployment names none (locales/catalog.py defaults).
office-generic = the public administrative service centre
