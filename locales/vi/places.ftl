# Bước địa chỉ theo đơn vị hành chính từ 01/7/2025: tỉnh/thành phố, xã/phường/đặc khu, rồi số nhà, đường.
place-province =
    { $question }
    Ông/Bà chọn tỉnh/thành phố (34 tỉnh, thành phố từ ngày 01/7/2025), hoặc gõ tên, ví dụ: Tây Ninh, Hồ Chí Minh.
place-from-card =
    Địa chỉ trên căn cước: { $address }
    Ông/Bà vui lòng chọn tỉnh, xã/phường theo đơn vị hành chính hiện nay (từ ngày 01/7/2025 không còn cấp huyện).
    { $question }
place-province-unknown = Hệ thống chưa tìm thấy tỉnh/thành phố “{ $typed }”. Ông/Bà vui lòng chọn trong danh sách, hoặc gõ tên tỉnh, ví dụ: Tây Ninh.
place-commune =
    Tỉnh/thành phố: { $province }.
    Ông/Bà gõ tên xã, phường hoặc đặc khu (vài chữ trong tên là đủ, có dấu hay không dấu đều được), ví dụ: { $example }.
place-commune-pick =
    Tỉnh/thành phố: { $province }.
    { $more ->
        [yes] Có nhiều tên khớp; đây là { $count } tên gần nhất. Ông/Bà chọn một tên, hoặc gõ thêm chữ để tìm đúng hơn.
       *[no] { $count ->
            [one] Có 1 tên khớp. Ông/Bà chọn tên này, hoặc gõ lại tên khác.
           *[other] Có { $count } tên khớp. Ông/Bà chọn một tên, hoặc gõ lại tên khác.
        }
    }
place-commune-none = Hệ thống không tìm thấy xã, phường hay đặc khu nào của { $province } có tên “{ $typed }”. Ông/Bà gõ lại tên theo đơn vị hành chính từ 01/7/2025, ví dụ: { $example }. Nếu địa chỉ ở tỉnh khác, Ông/Bà gõ /back để chọn lại tỉnh.
place-street =
    Địa chỉ: { $commune }, { $province }.
    Ông/Bà gõ số nhà, tên đường, thôn/ấp/tổ dân phố, ví dụ: Số 12 đường Lê Lợi, ấp 3.
place-street-placeholder = “{ $typed }” chưa phải là địa chỉ. Ông/Bà vui lòng gõ số nhà, tên đường, thôn/ấp/tổ dân phố, ví dụ: Số 12 đường Lê Lợi, ấp 3.
place-street-short = Địa chỉ còn ngắn quá. Ông/Bà vui lòng gõ số nhà, tên đường hoặc thôn/ấp kèm số, ví dụ: { $example }.
place-same-as = Giống { $label }
place-offer = { $address } (chọn lại tỉnh, xã theo đơn vị hiện nay)
