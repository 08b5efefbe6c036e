# Birth registration.
birth-title = Birth registration
consent-birth =
    🔒 Consent to the processing of personal data (version { $version })
    To register a birth, { $office } collects through this system:
    • the requester: full name, personal ID number, residence, relationship to the child, phone number, ID card photos;
    • the child: full name, sex, date of birth, place of birth, ethnicity, nationality, hometown;
    • the father and the mother: full name, date or year of birth, ethnicity, nationality, residence, personal ID number (or passport number for a foreigner), hometown when the other parent is unknown, whether they registered their marriage;
    • document photos: birth certificate (or a witness's statement, a commitment), marriage certificate, declaration recognising the father and evidence, authorization and proof of relationship;
    • the number of extract copies and how the result is received; for the linked procedure: the address for permanent residence, the head of household's name and ID number, the child's relationship to them, the first-contact health facility.
    ID document images and ethnicity are sensitive personal data.
    Purpose: only to handle this birth registration. Controller: the commune People's Committee that receives the dossier.
    You have the right to know, access, correct and delete your data, to withdraw consent and to object (type /privacy to learn more). An abandoned draft is deleted; a submitted dossier is kept as the civil-status records require.
    (Personal Data Protection Law 91/2025/QH15, Decree 356/2025/ND-CP.)
birth-relationship = What is your relationship to the child?
birth-relationship-label = Relationship to the child
birth-relationship-father = Father
birth-relationship-mother = Mother
birth-relationship-grandparent = The child's grandparent
birth-relationship-relative = Other relative
birth-relationship-authorized = Authorized person
birth-requester-id-card = 🪪 Photograph your ID card: front and back, one photo each (you can send both at once).
birth-requester-id-card-label = Requester's ID card
birth-requester-name = Your full name (the person filing)?
birth-requester-name-label = Requester's name
birth-requester-id = Your personal ID number (the 12 digits on your ID card)?
birth-requester-id-label = Requester's ID number
birth-requester-residence = Your current residence?
birth-requester-residence-label = Requester's residence
birth-requester-phone = A phone number the office can call?
birth-requester-phone-label = Phone number
birth-child-name = The child's full name?
birth-child-name-label = Child's name
birth-child-sex = The child's sex?
birth-child-sex-label = Child's sex
birth-child-sex-male = Male
birth-child-sex-female = Female
birth-child-dob = The child's date of birth (day/month/year, e.g. 05/03/2026)?
birth-child-dob-label = Child's date of birth
birth-child-birthplace = Place of birth (hospital or health facility, or the address for a home birth)?
birth-child-birthplace-label = Place of birth
birth-child-ethnicity = The child's ethnicity? (choose "Kinh" or type the group's name)
birth-child-ethnicity-label = Child's ethnicity
birth-child-nationality = The child's nationality?
birth-child-nationality-label = Child's nationality
birth-child-hometown = The child's hometown? It is the father's or the mother's hometown, as the parents agree; not the place of birth.
birth-child-hometown-label = Hometown
birth-mother-name = The mother's full name?
birth-mother-name-label = Mother's name
birth-mother-dob = The mother's date of birth (day/month/year, or just the year)?
birth-mother-dob-label = Mother's date/year of birth
birth-mother-ethnicity = The mother's ethnicity?
birth-mother-ethnicity-label = Mother's ethnicity
birth-mother-nationality = The mother's nationality?
birth-mother-nationality-label = Mother's nationality
birth-mother-residence = The mother's residence?
birth-mother-residence-label = Mother's residence
birth-mother-id = The mother's personal ID number (12 digits)?
birth-mother-id-label = Mother's ID number
birth-father-known = Will you declare the father?
birth-father-known-label = Father's details
birth-father-known-yes = Yes
birth-father-known-no = Father not determined
birth-father-name = The father's full name?
birth-father-name-label = Father's name
birth-father-dob = The father's date of birth (day/month/year, or just the year)?
birth-father-dob-label = Father's date/year of birth
birth-father-ethnicity = The father's ethnicity?
birth-father-ethnicity-label = Father's ethnicity
birth-father-nationality = The father's nationality?
birth-father-nationality-label = Father's nationality
birth-father-residence = The father's residence?
birth-father-residence-label = Father's residence
birth-father-id = The father's personal ID number (12 digits)?
birth-father-id-label = Father's ID number
birth-parents-married = Are the parents registered as married?
birth-parents-married-label = Parents married
birth-parents-married-yes = Registered as married
birth-parents-married-no = Not married
birth-has-birth-certificate = Do you have the birth certificate issued by the hospital or health facility (giấy chứng sinh)?
birth-has-birth-certificate-label = Has a birth certificate
birth-has-birth-certificate-yes = Yes
birth-has-birth-certificate-no = No
birth-birth-certificate = 📄 Photograph the birth certificate (1–2 photos, text and red stamp readable).
birth-birth-certificate-label = Birth certificate
birth-has-witness = Without a birth certificate, a witness's written confirmation is needed. Do you have one?
birth-has-witness-label = Has a witness statement
birth-has-witness-yes = Yes
birth-has-witness-no = No
birth-witness-statement = 📄 Photograph the witness's written confirmation (1–3 photos).
birth-witness-statement-label = Witness statement
birth-birth-commitment = 📄 Without a witness, a signed commitment about the birth (giấy cam đoan) is needed. Photograph it (1–3 photos).
birth-birth-commitment-label = Commitment about the birth
birth-marriage-certificate = 📄 Photograph the parents' marriage certificate (optional — choose "Skip" if you don't have it).
birth-marriage-certificate-label = Marriage certificate
birth-authorization = 📄 You were authorized to file, so an authorization is needed. It must be certified, unless you are a grandparent, parent, child, spouse or sibling of the child's father or mother (then add a document proving the relationship). Photograph the authorization (1–4 photos).
birth-authorization-label = Authorization

# Birth registration to the law (issue 11): the requester, an unknown parent, foreign parents, recognition, linked procedure.
birth-relationship-carer = The person raising the child
birth-mother-known = Are you declaring the mother?
birth-mother-known-label = The mother
birth-mother-known-yes = Yes
birth-mother-known-no = The mother is unknown
birth-mother-is-requester = You are the child's mother: use your own details (name, ID number, residence) for the mother's section?
birth-mother-is-requester-label = The mother is the requester
birth-mother-is-requester-yes = Yes, use my details
birth-mother-is-requester-no = No, declare separately
birth-father-is-requester = You are the child's father: use your own details (name, ID number, residence) for the father's section?
birth-father-is-requester-label = The father is the requester
birth-father-is-requester-yes = Yes, use my details
birth-father-is-requester-no = No, declare separately
birth-from-requester = { $label }: { $value } (from your own details; you can change it on the review).
birth-from-parent = { $label }: { $value } (as the declared parent's; you can change it on the review).
birth-mother-passport = The child's mother is a foreigner: her passport or other international travel document number?
birth-mother-passport-label = Mother's passport number
birth-father-passport = The child's father is a foreigner: his passport or other international travel document number?
birth-father-passport-label = Father's passport number
birth-mother-hometown = The father is unknown, so the child takes the mother's hometown. The mother's hometown?
birth-mother-hometown-label = Mother's hometown
birth-father-hometown = The mother is unknown, so the child takes the father's hometown. The father's hometown?
birth-father-hometown-label = Father's hometown
birth-recognition-declaration = 📄 The parents have not registered their marriage, so this is birth registration combined with recognition of the father (3 working days). Photograph the declaration recognising the father (1–2 photos). Note: the father must be present when the dossier is filed at the office.
birth-recognition-declaration-label = Declaration recognising the father
birth-recognition-evidence = 📄 Photograph any evidence of the father-child relationship (for example a DNA test result, a document from a competent authority), up to 5 photos; if there is none, choose "Skip".
birth-recognition-evidence-label = Evidence of the father-child relationship
birth-authorized-close-relative = Are you a grandparent, parent, child, spouse or sibling of the child's father or mother?
birth-authorized-close-relative-label = The authorized person is a relative
birth-authorized-close-relative-yes = Yes
birth-authorized-close-relative-no = No
birth-relationship-proof = 📄 Photograph a document proving your relationship to the child's father or mother (for example a birth or marriage certificate), 1–4 photos. The authorization then need not be certified.
birth-relationship-proof-label = Proof of relationship
birth-extract-copies = Besides the birth certificate, how many copies of the birth extract do you need? (type 0 if none)
birth-extract-copies-label = Extract copies
birth-result-delivery = How do you want to receive the result?
birth-result-delivery-label = How the result is received
birth-result-delivery-office = On paper at the office
birth-result-delivery-electronic = Electronically
birth-linked-procedure = Do you want the linked procedure: birth registration, permanent residence registration and a health insurance card for a child under 6? (3 working days)
birth-linked-procedure-label = Linked procedure
birth-linked-procedure-yes = Yes, the linked procedure
birth-linked-procedure-no = No, birth registration only
birth-linked-residence-address = The address where the child is to be registered as a permanent resident?
birth-linked-residence-address-label = Permanent residence address
birth-linked-head-name = The full name of the head of that household?
birth-linked-head-name-label = Head of household
birth-linked-head-id = The head of household's personal ID number (12 digits)?
birth-linked-head-id-label = Head of household's ID number
birth-linked-head-relationship = What is the child to the head of household? (for example Con = child, Cháu = grandchild)
birth-linked-head-relationship-label = Relationship to the head of household
birth-linked-health-facility = The child's first-contact health facility (name of the health station or hospital)?
birth-linked-health-facility-label = First-contact health facility
birth-note-recognition = Birth registration combined with recognition of the father: 3 working days; the father must be present at the office.
birth-note-linked = Linked birth, permanent residence and health insurance procedure: 3 working days (5 when facts must be verified).
birth-result = Result: the birth certificate, which carries the child's personal ID number.
birth-warning-mother-male-id = ⚠️ Note: you chose to be the child's mother, but the ID number given is a man's (its 4th digit is even). Please check your relationship to the child or the ID number; the officials will look at this.
birth-warning-father-female-id = ⚠️ Note: you chose to be the child's father, but the ID number given is a woman's (its 4th digit is odd). Please check your relationship to the child or the ID number; the officials will look at this.
birth-warning-requester-not-mother = ⚠️ Note: you chose to be the child's mother, but the mother's ID number differs from yours. The officials will look at this.
birth-warning-requester-not-father = ⚠️ Note: you chose to be the child's father, but the father's ID number differs from yours. The officials will look at this.
birth-card-mother-male-id = ⚠️ The requester says she is the child's mother, but the requester's ID number is a man's.
birth-card-father-female-id = ⚠️ The requester says he is the child's father, but the requester's ID number is a woman's.
birth-card-requester-not-mother = ⚠️ The requester says she is the child's mother, but the requester's ID number differs from the mother's.
birth-card-requester-not-father = ⚠️ The requester says he is the child's father, but the requester's ID number differs from the father's.
birth-child-birthplace-street =
    Place of birth: { $commune }, { $province }.
    Please type the name of the health facility where the child was born, for example: Bệnh viện Đa khoa tỉnh Tây Ninh; for a birth at home, type the house number, street and village.
birth-child-hometown-street =
    Hometown: { $commune }, { $province }.
    If a village should be added, please type it here; if not, choose “Skip”.
