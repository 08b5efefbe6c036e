# The address step in the units in force since 1 July 2025: province, commune, then house number and street.
place-province =
    { $question }
    Please choose the province or city (the 34 in force since 1 July 2025), or type its name, for example: Tây Ninh, Hồ Chí Minh.
place-from-card =
    Address on the ID card: { $address }
    Please choose the province and commune in today's administrative units (there are no districts since 1 July 2025).
    { $question }
place-province-unknown = The system found no province or city called “{ $typed }”. Please choose one from the list, or type a province's name, for example: Tây Ninh.
place-commune =
    Province or city: { $province }.
    Please type the name of the commune, ward or special zone (a few words of it are enough, with or without accents), for example: { $example }.
place-commune-pick =
    Province or city: { $province }.
    { $more ->
        [yes] Many names match; here are the { $count } closest. Please choose one, or type more words to narrow the search.
       *[no] { $count ->
            [one] 1 name matches. Please choose it, or type another name.
           *[other] { $count } names match. Please choose one, or type another name.
        }
    }
place-commune-none = The system found no commune, ward or special zone of { $province } called “{ $typed }”. Please type its name in the units in force since 1 July 2025, for example: { $example }. If the address is in another province, type /back to choose it again.
place-street =
    Address: { $commune }, { $province }.
    Please type the house number, street, village or residential group, for example: Số 12 đường Lê Lợi, ấp 3.
place-street-placeholder = “{ $typed }” is not an address. Please type the house number, street, village or residential group, for example: Số 12 đường Lê Lợi, ấp 3.
place-street-short = The address is too short. Please type the house number and street, or the village with its number, for example: { $example }.
place-same-as = Same as { $label }
place-offer = { $address } (choose the province and commune again in today's units)
