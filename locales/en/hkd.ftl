# Household business registration.
hkd-title = Household business registration
consent-hkd =
    🔒 Consent to the processing of personal data (version { $version })
    To register a household business, { $office } needs, through this system:
    • of the owner of the household business: full name, date of birth, sex, ethnicity, nationality, personal ID number (used as the tax code), permanent address, contact address, phone, e-mail (if any), photos of both sides of the ID card;
    • of each household member (when a household founds it): full name, date of birth, sex, nationality, ethnicity, permanent address, personal ID number; photos of the authorization;
    • of the household business: its name, head-office address, other business locations (if any), phone, business lines, capital, expected annual revenue band, number of employees, start date; photos of premises documents (if any); the owner's commitments.
    ID document images and ethnicity are sensitive personal data.
    Purpose: only to handle this household business registration (the certificate also serves as tax registration). Controller: the commune People's Committee that receives the dossier.
    You have the right to know, access, correct and delete your data, to withdraw consent and to object (type /privacy to learn more). An abandoned draft is deleted; a submitted dossier is kept as the law requires.
    (Personal Data Protection Law 91/2025/QH15, Decree 356/2025/ND-CP.)
hkd-founder-type = Who is founding the household business?
hkd-founder-type-label = Founder
hkd-founder-type-individual = One individual (me)
hkd-founder-type-household = Members of a household
hkd-owner-id-card =
    🪪 Photograph the ID card of the owner of the household business: front and back, one photo each (you can send both at once).
    Since 1 July 2025 the personal ID number on the card is the tax code of the owner and of the household business: you need not give a tax code.
hkd-owner-id-card-label = Owner's ID card
hkd-owner-name = The owner's full name?
hkd-owner-name-label = Owner's name
hkd-owner-dob = The owner's date of birth (day/month/year)? The owner of a household business must be 18 or older.
hkd-owner-dob-label = Date of birth
hkd-owner-sex = The owner's sex?
hkd-owner-sex-label = Sex
hkd-owner-sex-male = Male
hkd-owner-sex-female = Female
hkd-owner-ethnicity = The owner's ethnicity?
hkd-owner-ethnicity-label = Ethnicity
hkd-owner-nationality = The owner's nationality?
hkd-owner-nationality-label = Nationality
hkd-owner-id = The owner's personal ID number (12 digits)? It is also the tax code.
hkd-owner-id-label = ID number (tax code)
hkd-owner-permanent-address = The owner's permanent address?
hkd-owner-permanent-address-label = Permanent address
hkd-owner-contact-address = The owner's contact address?
hkd-owner-contact-address-label = Contact address
hkd-owner-phone = The owner's phone number?
hkd-owner-phone-label = Owner's phone
hkd-owner-email = The owner's e-mail (optional)?
hkd-owner-email-label = E-mail
hkd-business-name = The business name? (e.g. Hộ kinh doanh Bánh mì Cô Ba — "công ty" and "doanh nghiệp" are not allowed)
hkd-business-name-label = Business name
hkd-business-address = The business's head-office address?
hkd-business-address-label = Head office
hkd-business-phone = The business's phone number?
hkd-business-phone-label = Business phone
hkd-main-line = The main business line? Type a few words to search (e.g. bán tạp hóa, quán cà phê, sửa xe), or its 4-digit VSIC 2018 code if you know it (e.g. 4711).
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
hkd-premises-proof = 📄 Proof of the right to use the premises (optional — choose "Skip" if you don't have it).
hkd-premises-proof-label = Premises document
hkd-commitments =
    The owner commits that they:
    1. are not the owner of another household business;
    2. are not the owner of a sole proprietorship;
    3. are not a general partner of a partnership (unless the other partners agree);
    4. use the business premises lawfully;
    5. answer before the law for the lawfulness, accuracy and truth of everything declared.
    Choose the button below to confirm.
hkd-commitments-label = Owner's commitments
hkd-commitments-confirmed = ✅ I commit to all five
hkd-other-locations = Besides the head office, does the household business have other business locations?
hkd-other-locations-label = Other business locations
hkd-other-locations-none = None
hkd-other-locations-some = Yes, one or more
hkd-locations = 📍 Next, each other business location, one address at a time.
hkd-locations-label = Other business locations
hkd-locations-more =
    { $count } location(s) so far:
    { $items }
    Is there another business location?
hkd-locations-address = The location's address (number, street/village, commune, province)?
hkd-locations-address-label = Location address
hkd-revenue-band = The household business's expected annual revenue? (From 1 January 2026 household businesses declare their own tax; the band helps the tax office guide you.)
hkd-revenue-band-label = Expected annual revenue
hkd-revenue-band-upto-500m = Up to 500 million VND
hkd-revenue-band-500m-3b = Over 500 million to 3 billion VND
hkd-revenue-band-over-3b = Over 3 billion VND
hkd-locations-add = ➕ Add a location
