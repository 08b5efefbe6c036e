# Household business registration.
hkd-title = Household business registration
consent-hkd =
    🔒 Consent to the processing of personal data (version { $version })
    To register a household business, the one-stop desk needs: the owner's full name, date of birth, sex, ethnicity, nationality, personal ID number, addresses, phone, e-mail and tax code (and those of the household members, if any); photos of ID cards and related documents.
    ID document images and ethnicity are sensitive personal data.
    Purpose: only to handle this household business registration (the certificate also serves as tax registration). Controller: the commune People's Committee that receives the dossier.
    You have the right to know, access, correct and delete your data, to withdraw consent and to object (type /privacy to learn more). An abandoned draft is deleted; a submitted dossier is kept as the law requires.
    (Personal Data Protection Law 91/2025/QH15, Decree 356/2025/ND-CP.)
hkd-founder-type = Who is founding the household business?
hkd-founder-type-label = Founder
hkd-founder-type-individual = One individual (me)
hkd-founder-type-household = Members of a household
hkd-owner-id-card = 🪪 Photograph the owner's ID card: front and back, one photo each (you can send both at once).
hkd-owner-id-card-label = Owner's ID card
hkd-owner-name = The owner's full name?
hkd-owner-name-label = Owner's name
hkd-owner-dob = The owner's date of birth (day/month/year)?
hkd-owner-dob-label = Date of birth
hkd-owner-sex = The owner's sex?
hkd-owner-sex-label = Sex
hkd-owner-sex-male = Male
hkd-owner-sex-female = Female
hkd-owner-ethnicity = The owner's ethnicity?
hkd-owner-ethnicity-label = Ethnicity
hkd-owner-nationality = The owner's nationality?
hkd-owner-nationality-label = Nationality
hkd-owner-id = The owner's personal ID number (12 digits)?
hkd-owner-id-label = ID number
hkd-owner-permanent-address = The owner's permanent address?
hkd-owner-permanent-address-label = Permanent address
hkd-owner-contact-address = The owner's contact address?
hkd-owner-contact-address-label = Contact address
hkd-owner-phone = The owner's phone number?
hkd-owner-phone-label = Owner's phone
hkd-owner-email = The owner's e-mail (optional)?
hkd-owner-email-label = E-mail
hkd-owner-tax-code = The owner's personal tax code (optional)?
hkd-owner-tax-code-label = Personal tax code
hkd-business-name = The business name? (e.g. Hộ kinh doanh Bánh mì Cô Ba — "công ty" and "doanh nghiệp" are not allowed)
hkd-business-name-label = Business name
hkd-business-address = The business's head-office address (number, street/village, commune, province)?
hkd-business-address-label = Head office
hkd-business-phone = The business's phone number?
hkd-business-phone-label = Business phone
hkd-main-line = The main business line's 4-digit VSIC 2018 code (e.g. 4711 grocery retail, 5610 restaurants)?
hkd-main-line-label = Main business line
hkd-other-lines = Other business lines (free text, optional)?
hkd-other-lines-label = Other lines
hkd-capital = Business capital (VND)? For example: 50 triệu
hkd-capital-label = Capital
hkd-employees = Expected number of employees?
hkd-employees-label = Employees
hkd-start-date = Expected start date (day/month/year)?
hkd-start-date-label = Start date
hkd-members = 👨‍👩‍👧 Next, the details of each household member founding the business.
hkd-members-label = Household members
hkd-members-more =
    { $count } member(s) so far:
    { $items }
    Is there another member?
hkd-members-name = The member's full name?
hkd-members-name-label = Member's name
hkd-members-dob = The member's date of birth (day/month/year)?
hkd-members-dob-label = Member's date of birth
hkd-members-sex = The member's sex?
hkd-members-sex-label = Member's sex
hkd-members-sex-male = Male
hkd-members-sex-female = Female
hkd-members-nationality = The member's nationality?
hkd-members-nationality-label = Member's nationality
hkd-members-ethnicity = The member's ethnicity?
hkd-members-ethnicity-label = Member's ethnicity
hkd-members-address = The member's permanent address?
hkd-members-address-label = Member's address
hkd-members-id-number = The member's personal ID number (12 digits)?
hkd-members-id-number-label = Member's ID number
hkd-members-authorization = 📄 Photograph the household members' authorization naming one member as owner (notarized or certified), 1–4 photos.
hkd-members-authorization-label = Members' authorization
hkd-premises-proof = 📄 Proof of the right to use the premises (optional — tap "Skip" if you don't have it).
hkd-premises-proof-label = Premises document
hkd-commitments =
    The owner commits that they:
    1. are not the owner of another household business;
    2. are not the owner of a sole proprietorship;
    3. are not a general partner of a partnership (unless the other partners agree);
    4. use the business premises lawfully.
hkd-commitments-label = Owner's commitments
hkd-commitments-confirmed = ✅ I commit to all four
