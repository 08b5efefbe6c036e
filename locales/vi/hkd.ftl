# Đăng ký thành lập hộ kinh doanh.
hkd-title = Đăng ký thành lập hộ kinh doanh
consent-hkd =
    🔒 Đồng ý xử lý dữ liệu cá nhân (phiên bản { $version })
    Để đăng ký hộ kinh doanh, { $office } cần thu thập qua Hệ thống này:
    • của chủ hộ kinh doanh: họ tên, ngày sinh, giới tính, dân tộc, quốc tịch, số định danh cá nhân (dùng làm mã số thuế), địa chỉ thường trú, địa chỉ liên lạc, số điện thoại, email (nếu có), ảnh căn cước hai mặt;
    • của từng thành viên hộ gia đình (nếu hộ gia đình thành lập): họ tên, ngày sinh, giới tính, quốc tịch, dân tộc, địa chỉ thường trú, số định danh cá nhân; ảnh văn bản ủy quyền;
    • của hộ kinh doanh: tên, địa chỉ trụ sở, các địa điểm kinh doanh khác (nếu có), số điện thoại, ngành nghề, vốn, mức doanh thu dự kiến, số lao động, ngày bắt đầu kinh doanh; ảnh giấy tờ về địa điểm (nếu có); các cam kết của chủ hộ kinh doanh.
    Ảnh giấy tờ tùy thân và thông tin dân tộc là dữ liệu cá nhân nhạy cảm.
    Mục đích: chỉ để giải quyết thủ tục đăng ký hộ kinh doanh (giấy chứng nhận đồng thời là đăng ký thuế). Bên kiểm soát dữ liệu: Ủy ban nhân dân xã/phường tiếp nhận hồ sơ.
    Ông/Bà có quyền được biết, xem, sửa, xóa dữ liệu, rút lại sự đồng ý và phản đối việc xử lý (gõ /privacy để biết thêm). Hồ sơ chưa nộp sẽ được xóa nếu bỏ dở; hồ sơ đã nộp được lưu theo quy định.
    (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, Nghị định 356/2025/NĐ-CP.)
hkd-founder-type = Ai thành lập hộ kinh doanh?
hkd-founder-type-label = Người thành lập
hkd-founder-type-individual = Một cá nhân (tôi)
hkd-founder-type-household = Các thành viên hộ gia đình
hkd-owner-id-card =
    🪪 Chụp căn cước của chủ hộ kinh doanh: mặt trước và mặt sau, mỗi mặt một ảnh (có thể gửi cả 2 ảnh cùng lúc).
    Từ ngày 01/7/2025, số định danh cá nhân trên căn cước là mã số thuế của chủ hộ kinh doanh và của hộ kinh doanh: Ông/Bà không cần khai mã số thuế.
hkd-owner-id-card-label = Căn cước chủ hộ kinh doanh
hkd-owner-name = Họ và tên chủ hộ kinh doanh?
hkd-owner-name-label = Họ tên chủ hộ kinh doanh
hkd-owner-dob = Ngày sinh của chủ hộ kinh doanh (ngày/tháng/năm)? Chủ hộ kinh doanh phải đủ 18 tuổi trở lên.
hkd-owner-dob-label = Ngày sinh
hkd-owner-sex = Giới tính của chủ hộ kinh doanh?
hkd-owner-sex-label = Giới tính
hkd-owner-sex-male = Nam
hkd-owner-sex-female = Nữ
hkd-owner-ethnicity = Dân tộc của chủ hộ kinh doanh?
hkd-owner-ethnicity-label = Dân tộc
hkd-owner-nationality = Quốc tịch của chủ hộ kinh doanh?
hkd-owner-nationality-label = Quốc tịch
hkd-owner-id = Số định danh cá nhân (12 số) của chủ hộ kinh doanh? Số này đồng thời là mã số thuế.
hkd-owner-id-label = Số định danh (mã số thuế)
hkd-owner-permanent-address = Địa chỉ thường trú của chủ hộ kinh doanh?
hkd-owner-permanent-address-label = Thường trú
hkd-owner-contact-address = Địa chỉ liên lạc của chủ hộ kinh doanh?
hkd-owner-contact-address-label = Địa chỉ liên lạc
hkd-owner-phone = Số điện thoại của chủ hộ kinh doanh?
hkd-owner-phone-label = Điện thoại chủ hộ kinh doanh
hkd-owner-email = Email của chủ hộ kinh doanh (không bắt buộc)?
hkd-owner-email-label = Email
hkd-business-name = Tên hộ kinh doanh? (ví dụ: Hộ kinh doanh Bánh mì Cô Ba — không dùng chữ "công ty", "doanh nghiệp")
hkd-business-name-label = Tên hộ kinh doanh
hkd-business-address = Địa chỉ trụ sở hộ kinh doanh?
hkd-business-address-label = Địa chỉ trụ sở
hkd-business-phone = Số điện thoại của hộ kinh doanh?
hkd-business-phone-label = Điện thoại hộ kinh doanh
hkd-main-line = Ngành nghề kinh doanh chính? Ông/Bà gõ vài từ (ví dụ: bán tạp hóa, quán cà phê, sửa xe) để tìm, hoặc gõ mã 4 số theo VSIC 2018 nếu đã biết (ví dụ 4711).
hkd-main-line-label = Ngành nghề chính
hkd-other-lines = Các ngành nghề khác (gõ tự do, không bắt buộc)?
hkd-other-lines-label = Ngành nghề khác
hkd-capital = Vốn kinh doanh (đồng)? Ví dụ: 50 triệu
hkd-capital-label = Vốn kinh doanh
hkd-employees = Số lao động dự kiến?
hkd-employees-label = Số lao động
hkd-start-date = Ngày dự kiến bắt đầu kinh doanh (ngày/tháng/năm)?
hkd-start-date-label = Ngày bắt đầu kinh doanh
hkd-members = 👨‍👩‍👧 Tiếp theo, khai thông tin từng thành viên hộ gia đình góp vốn thành lập hộ kinh doanh.
hkd-members-label = Thành viên hộ gia đình
hkd-members-more =
    Đã khai { $count } thành viên:
    { $items }
    Có thêm thành viên nào nữa không?
hkd-members-name = Họ và tên thành viên?
hkd-members-name-label = Họ tên thành viên
hkd-members-dob = Ngày sinh của thành viên (ngày/tháng/năm)?
hkd-members-dob-label = Ngày sinh thành viên
hkd-members-sex = Giới tính của thành viên?
hkd-members-sex-label = Giới tính thành viên
hkd-members-sex-male = Nam
hkd-members-sex-female = Nữ
hkd-members-nationality = Quốc tịch của thành viên?
hkd-members-nationality-label = Quốc tịch thành viên
hkd-members-ethnicity = Dân tộc của thành viên?
hkd-members-ethnicity-label = Dân tộc thành viên
hkd-members-address = Địa chỉ thường trú của thành viên?
hkd-members-address-label = Địa chỉ thành viên
hkd-members-id-number = Số định danh cá nhân (12 số) của thành viên?
hkd-members-id-number-label = Số định danh thành viên
hkd-members-authorization = 📄 Chụp văn bản ủy quyền của các thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh (có công chứng/chứng thực), 1–4 ảnh.
hkd-members-authorization-label = Văn bản ủy quyền của thành viên
hkd-premises-proof = 📄 Giấy tờ chứng minh quyền sử dụng địa điểm kinh doanh (không bắt buộc — chọn "Bỏ qua" nếu không có).
hkd-premises-proof-label = Giấy tờ địa điểm
hkd-commitments =
    Chủ hộ kinh doanh cam kết:
    1. Không đồng thời là chủ hộ kinh doanh khác;
    2. Không là chủ doanh nghiệp tư nhân;
    3. Không là thành viên hợp danh của công ty hợp danh (trừ khi các thành viên hợp danh còn lại đồng ý);
    4. Địa điểm kinh doanh được sử dụng hợp pháp;
    5. Chịu trách nhiệm trước pháp luật về tính hợp pháp, chính xác và trung thực của những thông tin đã kê khai.
    Ông/Bà chọn mục xác nhận bên dưới.
hkd-commitments-label = Cam kết của chủ hộ kinh doanh
hkd-commitments-confirmed = ✅ Tôi xin cam kết cả 5 điều trên
hkd-other-locations = Ngoài trụ sở, hộ kinh doanh có địa điểm kinh doanh nào khác không?
hkd-other-locations-label = Địa điểm kinh doanh khác
hkd-other-locations-none = Không có
hkd-other-locations-some = Có, một hoặc nhiều địa điểm
hkd-locations = 📍 Tiếp theo, Ông/Bà khai từng địa điểm kinh doanh khác, mỗi lần một địa chỉ.
hkd-locations-label = Các địa điểm kinh doanh khác
hkd-locations-more =
    Đã khai { $count } địa điểm:
    { $items }
    Còn địa điểm kinh doanh nào khác nữa không?
hkd-locations-address = Địa chỉ của địa điểm kinh doanh (số nhà, đường/thôn, xã/phường, tỉnh/thành phố)?
hkd-locations-address-label = Địa chỉ địa điểm
hkd-revenue-band = Doanh thu dự kiến mỗi năm của hộ kinh doanh? (Từ 01/01/2026 hộ kinh doanh tự khai thuế; mức doanh thu giúp cơ quan thuế hướng dẫn Ông/Bà.)
hkd-revenue-band-label = Doanh thu dự kiến mỗi năm
hkd-revenue-band-upto-500m = Đến 500 triệu đồng
hkd-revenue-band-500m-3b = Trên 500 triệu đến 3 tỷ đồng
hkd-revenue-band-over-3b = Trên 3 tỷ đồng
hkd-locations-add = ➕ Thêm địa điểm
