## Taking typed answers (bot/engine): confirmations, help after repeated refusals, old buttons, edit sections.

confirm-name-yes = ✅ Yes, keep it
confirm-name-retype = ✏️ Retype with diacritics
confirm-name-need-answer = Please choose “Yes, keep it” or “Retype with diacritics”.
refusal-help =
    The system has still not received a valid answer to “{ $question }”.{ $example ->
        [none] {""}
       *[other] {" "}An example answer: { $example }
    }
    You may call { $office }{ $phone ->
        [none] {""}
       *[other] {" "}on { $phone }
    } for guidance, or choose “Leave it to an officer”: this question stays empty and an officer will contact you to complete it.
refusal-skip = 🙋 Leave it to an officer
refusal-skipped = “{ $question }” is left for an officer to complete. Please go on.
needs-help = ⚠️ needs an officer's help
button-already-answered = That question has already been answered; its button no longer does anything. Please answer the latest question at the end of the chat.
review-edit-section = Which part do you want to change?
review-edit-in-section = Part “{ $section }”: which item do you want to change?
review-edit-sections = ⬅️ Other parts
section-general = General
section-requester = Requester
section-child = Child
section-mother = Mother
section-father = Father
section-result = Result
section-documents = Documents
section-owner = Business owner
section-business = Household business
section-members = Household members
section-commitments = Commitments
supplement-required = The officials asked for “{ $label }”, so it cannot be skipped. Please send it.
