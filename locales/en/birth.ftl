# Birth registration.
birth-title = Birth registration
consent-birth =
    🔒 Consent to the processing of personal data (version { $version })
    To register a birth, the one-stop desk needs: the full name, personal ID number, date of birth, ethnicity, nationality, residence and phone number of the requester, of the child and of the parents; photos of ID cards and related documents.
    ID document images and ethnicity are sensitive personal data.
    Purpose: only to handle this birth registration. Controller: the commune People's Committee that receives the dossier.
    You have the right to know, access, correct and delete your data, to withdraw consent and to object (type /privacy to learn more). An abandoned draft is deleted; a submitted dossier is kept as the civil-status records require.
    (Personal Data Protection Law 91/2025/QH15, Decree 356/2025/ND-CP.)
birth-relationship = What is your relationship to the child?
birth-relationship-label = Relationship to the child
birth-relationship-father = Father
birth-relationship-mother = Mother
birth-relationship-grandparent = Grandparent
birth-relationship-relative = Other relative
birth-relationship-authorized = Authorized person
birth-requester-id-card = 🪪 Photograph your ID card: front and back, one photo each (you can send both at once).
birth-requester-id-card-label = Requester's ID card
birth-requester-name = Your full name (the person filing)?
birth-requester-name-label = Requester's name
birth-requester-id = Your personal ID number (the 12 digits on your ID card)?
birth-requester-id-label = Requester's ID number
birth-requester-residence = Your current residence (house number, street/village, commune, province)?
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
birth-child-ethnicity = The child's ethnicity? (tap "Kinh" or type the group's name)
birth-child-ethnicity-label = Child's ethnicity
birth-child-nationality = The child's nationality?
birth-child-nationality-label = Child's nationality
birth-child-hometown = The child's hometown (commune, province)?
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
birth-marriage-certificate = 📄 Photograph the parents' marriage certificate (optional — tap "Skip" if you don't have it).
birth-marriage-certificate-label = Marriage certificate
birth-authorization = 📄 You are filing on behalf of the parents, so an authorization is needed. Photograph it (1–4 photos).
birth-authorization-label = Authorization
birth-child-birthplace-street =
    Place of birth: { $commune }, { $province }.
    Please type the name of the health facility where the child was born, for example: Bệnh viện Đa khoa tỉnh Tây Ninh; for a birth at home, type the house number, street and village.
birth-child-hometown-street =
    Hometown: { $commune }, { $province }.
    If a village should be added, please type it here; if not, choose “Skip”.
