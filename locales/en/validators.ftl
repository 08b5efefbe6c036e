## Answer validators (flows/validators.py): what the citizen is told when an answer cannot be accepted.
## Every message says what is expected; most give a valid example in $example.

invalid-person-name-length = A full name is { $min } to { $max } characters long. Please type the full name again, for example: { $example }
invalid-person-name-chars = A name has only letters (with their accents) and spaces, no digits or symbols (you typed: { $chars }). Please type it again, for example: { $example }

invalid-free-text-empty = Nothing was typed. Please type your answer.
invalid-free-text-too-long = The text is { $length } characters long; the limit is { $max }. Please make it shorter.

invalid-address-length = An address is { $min } to { $max } characters long. Please give the house number, village or street, and commune or ward, for example: { $example }
invalid-address = An address needs the name of a village, street or commune, not only numbers. For example: { $example }

invalid-date = This is not a date we can read. Please type day/month/year with a 4-digit year, for example: { $example }
invalid-date-or-year = Please type day/month/year, for example: { $example }. If you only know the year, type the 4-digit year, for example: { $example_year }
invalid-date-nonexistent = There is no { $input } in the calendar. Please check the day and month, for example: { $example }
invalid-date-future = This date is in the future (today is { $today }). Please check it, for example: { $example }
invalid-date-too-late = This date is too far ahead: the latest is { $latest } (within { $days } days). Please choose an earlier date, for example: { $example }
invalid-date-too-early = The year must be { $min_year } or later. Please check it, for example: { $example }
invalid-year-future = The year { $year } has not come yet. Please check it, for example: { $example }
note-late-registration = This date is { $days } days ago, past the { $limit }-day limit, so this is a late registration. The procedure is the same; a fee set by the province may apply.

invalid-personal-id = A personal ID number has 12 digits only, as printed on the ID card (CCCD). Please type it again, for example: { $example }
invalid-personal-id-length = A personal ID number has exactly 12 digits; you typed { $length }. Please check the number on the ID card, for example: { $example }
invalid-personal-id-province = The first three digits ({ $code }) are not a province code. Please check the number on the ID card, for example: { $example }
invalid-personal-id-century = The fourth digit ({ $digit }) can only be 0 to 5. Please check the number on the ID card, for example: { $example }
invalid-personal-id-future-year = This number stands for the birth year { $year }, which has not come yet. Please check the number on the ID card, for example: { $example }
invalid-personal-id-year-mismatch = This ID number stands for the birth year { $id_year }, but the stated birth year is { $stated_year }. Please check the ID number (digits 4 to 6) or the stated date of birth.
invalid-personal-id-sex-mismatch =
    This ID number belongs to a { $id_sex ->
        [male] man
       *[other] woman
    }, but the stated sex is { $stated_sex ->
        [male] male
       *[other] female
    }. Please check the ID number (fourth digit) or the stated sex.

invalid-phone = This phone number is not valid. A mobile number has 10 digits starting with 03, 05, 07, 08 or 09; a landline has 11 digits starting with 02. For example: { $example }
invalid-email = This e-mail address is not valid. Please type it again, for example: { $example }

invalid-business-name = Please type the business's own name (with letters or digits), for example: { $example }. "Hộ kinh doanh" is added for you.
invalid-business-name-length = The business's own name is at most { $max } characters long. Please choose a shorter name, for example: { $example }
invalid-business-name-chars = A business name may use Vietnamese letters, F, J, W, Z, digits and the symbols & - . , ' ( ) /. Not allowed: { $chars }. For example: { $example }
invalid-business-name-forbidden = A household business name must not contain "{ $word }". Please choose another name, for example: { $example }
invalid-business-name-offensive = A business name must not contain vulgar words. Please choose another name, for example: { $example }
invalid-business-name-taken = "{ $name }" is already registered by another household business. Please choose another name, e.g. add the owner's name or the village, for example: { $example }

invalid-vsic-code = A business line code has 4 digits, from Vietnam's industry classification (VSIC 2018). For example: { $example }
invalid-vsic-code-unknown = There is no level-4 code { $code } in VSIC 2018. Please check it, for example: { $example }

invalid-money = This amount is not readable. Please type the amount in dong, for example: { $example } (or 50.000.000, 1,5 tỷ, 500 nghìn).
invalid-money-positive = The amount must be more than 0. Please type it again, for example: { $example }
invalid-money-too-small = The amount must be at least { $min }. Please type it again, for example: { $example }
invalid-money-too-large = The amount must not be more than { $max }. Please type it again, for example: { $example }

invalid-positive-int = Please type a whole number in digits (0, 1, 2, ...), for example: { $example }
invalid-positive-int-too-large = The number must not be more than { $max }. Please type it again, for example: { $example }
invalid-ethnicity = I don't recognise that ethnic group. Please type one of Vietnam's 54 ethnic groups, for example: { $example }.
invalid-nationality = A nationality is written in letters only, for example: { $example }.
invalid-tax-code = A personal tax code has 10 digits (or your 12-digit ID number), for example: { $example }. If you have none, choose "Skip".

## Text hygiene (flows/text_hygiene.py): characters refused in any typed text, whatever the question.
invalid-text-control = The text contains control characters that cannot be displayed (often from pasting out of another app). Please type it again directly, with ordinary letters, digits and punctuation.
invalid-text-direction = The text contains hidden characters that reverse the direction of the writing (often from pasting out of another app). Please type it again directly, with ordinary letters, digits and punctuation.
invalid-text-invisible = The text contains hidden characters that cannot be displayed. Please type it again directly, with ordinary letters, digits and punctuation.
invalid-text-marks = The text has too many marks stacked on one letter, or a mark with no letter under it. A Vietnamese letter has at most one tone mark and one vowel mark, for example: ệ, ở. Please type it again.

## Placeholders, old ID cards and names without diacritics (issue 11).
invalid-placeholder-name = “As above”, “nt”, “x” or “-” cannot stand for a name: the name is written on the document as typed. Please type the full name, for example: { $example }
invalid-placeholder-address = “As above”, “nt”, “x” or “-” cannot stand for an address: the address is written on the document as typed. Please type the full address, for example: { $example }
invalid-personal-id-old-cmnd = A 9-digit number is an old identity card (CMND) number. Please type the 12-digit personal ID number printed on your chip ID card, for example: { $example }
confirm-name-no-diacritics = The name was typed without diacritics. Name to be written on the document: { $name } — is that right?
vsic-search-found =
    The System found { $count } business lines for “{ $query }”:
    { $lines }
    Choose a code below (or type it), or type other words to search again.
vsic-search-none = The System found no business line for “{ $query }”. Try other words (e.g. bán tạp hóa, cà phê, sửa xe, cắt tóc) or a 4-digit code, for example: { $example }
invalid-birth-date-under-age = By this date of birth the person is only { $age }, under { $min_age } (turns { $min_age } on { $date }), so cannot be named. Please check the date of birth.
invalid-passport-number = A passport number has 5–20 letters and digits, for example: { $example }.
