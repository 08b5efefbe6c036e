# Đăng ký khai sinh.
birth-title = Đăng ký khai sinh
consent-birth =
    🔒 Đồng ý xử lý dữ liệu cá nhân (phiên bản { $version })
    Để đăng ký khai sinh, Bộ phận Một cửa cần thu thập: họ tên, số định danh cá nhân, ngày sinh, dân tộc, quốc tịch, nơi cư trú, số điện thoại của người yêu cầu, của trẻ và của cha mẹ; ảnh căn cước và giấy tờ liên quan.
    Ảnh giấy tờ tùy thân và thông tin dân tộc là dữ liệu cá nhân nhạy cảm.
    Mục đích: chỉ để giải quyết thủ tục đăng ký khai sinh. Bên kiểm soát dữ liệu: Ủy ban nhân dân xã/phường tiếp nhận hồ sơ.
    Anh/chị có quyền được biết, xem, sửa, xóa dữ liệu, rút lại sự đồng ý và phản đối việc xử lý (gõ /privacy để biết thêm). Hồ sơ chưa nộp sẽ được xóa nếu bỏ dở; hồ sơ đã nộp được lưu theo quy định về lưu trữ hộ tịch.
    (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, Nghị định 356/2025/NĐ-CP.)
birth-relationship = Anh/chị là gì của cháu bé?
birth-relationship-label = Quan hệ với trẻ
birth-relationship-father = Cha
birth-relationship-mother = Mẹ
birth-relationship-grandparent = Ông/bà
birth-relationship-relative = Người thân khác
birth-relationship-authorized = Người được ủy quyền
birth-requester-id-card = 🪪 Chụp căn cước (CCCD) của anh/chị: mặt trước và mặt sau, mỗi mặt một ảnh (có thể gửi cả 2 ảnh cùng lúc).
birth-requester-id-card-label = Căn cước người yêu cầu
birth-requester-name = Họ và tên đầy đủ của anh/chị (người đi đăng ký)?
birth-requester-name-label = Họ tên người yêu cầu
birth-requester-id = Số định danh cá nhân (12 số trên căn cước) của anh/chị?
birth-requester-id-label = Số định danh người yêu cầu
birth-requester-residence = Nơi cư trú hiện nay của anh/chị (số nhà, đường/thôn, xã/phường, tỉnh)?
birth-requester-residence-label = Nơi cư trú người yêu cầu
birth-requester-phone = Số điện thoại để cơ quan liên hệ?
birth-requester-phone-label = Số điện thoại
birth-child-name = Họ và tên của cháu bé?
birth-child-name-label = Họ tên trẻ
birth-child-sex = Giới tính của cháu?
birth-child-sex-label = Giới tính trẻ
birth-child-sex-male = Nam
birth-child-sex-female = Nữ
birth-child-dob = Ngày sinh của cháu (ngày/tháng/năm, ví dụ 05/03/2026)?
birth-child-dob-label = Ngày sinh trẻ
birth-child-birthplace = Nơi sinh của cháu (tên bệnh viện/cơ sở y tế, hoặc địa chỉ nếu sinh tại nhà)?
birth-child-birthplace-label = Nơi sinh
birth-child-ethnicity = Dân tộc của cháu? (chạm "Kinh" hoặc gõ tên dân tộc)
birth-child-ethnicity-label = Dân tộc trẻ
birth-child-nationality = Quốc tịch của cháu?
birth-child-nationality-label = Quốc tịch trẻ
birth-child-hometown = Quê quán của cháu (xã/phường, tỉnh)?
birth-child-hometown-label = Quê quán
birth-mother-name = Họ và tên của mẹ cháu?
birth-mother-name-label = Họ tên mẹ
birth-mother-dob = Ngày sinh của mẹ (ngày/tháng/năm, hoặc chỉ năm sinh)?
birth-mother-dob-label = Ngày/năm sinh mẹ
birth-mother-ethnicity = Dân tộc của mẹ?
birth-mother-ethnicity-label = Dân tộc mẹ
birth-mother-nationality = Quốc tịch của mẹ?
birth-mother-nationality-label = Quốc tịch mẹ
birth-mother-residence = Nơi cư trú của mẹ?
birth-mother-residence-label = Nơi cư trú mẹ
birth-mother-id = Số định danh cá nhân (12 số) của mẹ?
birth-mother-id-label = Số định danh mẹ
birth-father-known = Có khai thông tin người cha không?
birth-father-known-label = Thông tin người cha
birth-father-known-yes = Có
birth-father-known-no = Chưa xác định được cha
birth-father-name = Họ và tên của cha cháu?
birth-father-name-label = Họ tên cha
birth-father-dob = Ngày sinh của cha (ngày/tháng/năm, hoặc chỉ năm sinh)?
birth-father-dob-label = Ngày/năm sinh cha
birth-father-ethnicity = Dân tộc của cha?
birth-father-ethnicity-label = Dân tộc cha
birth-father-nationality = Quốc tịch của cha?
birth-father-nationality-label = Quốc tịch cha
birth-father-residence = Nơi cư trú của cha?
birth-father-residence-label = Nơi cư trú cha
birth-father-id = Số định danh cá nhân (12 số) của cha?
birth-father-id-label = Số định danh cha
birth-parents-married = Cha mẹ cháu đã đăng ký kết hôn chưa?
birth-parents-married-label = Cha mẹ đã kết hôn
birth-parents-married-yes = Đã đăng ký kết hôn
birth-parents-married-no = Chưa
birth-has-birth-certificate = Anh/chị có Giấy chứng sinh do bệnh viện/cơ sở y tế cấp không?
birth-has-birth-certificate-label = Có giấy chứng sinh
birth-has-birth-certificate-yes = Có
birth-has-birth-certificate-no = Không có
birth-birth-certificate = 📄 Chụp Giấy chứng sinh (1–2 ảnh, thấy rõ chữ và dấu đỏ).
birth-birth-certificate-label = Giấy chứng sinh
birth-has-witness = Không có giấy chứng sinh thì cần văn bản xác nhận của người làm chứng. Anh/chị có văn bản này không?
birth-has-witness-label = Có văn bản người làm chứng
birth-has-witness-yes = Có
birth-has-witness-no = Không có
birth-witness-statement = 📄 Chụp văn bản xác nhận của người làm chứng (1–3 ảnh).
birth-witness-statement-label = Văn bản người làm chứng
birth-birth-commitment = 📄 Không có người làm chứng thì cần Giấy cam đoan về việc sinh (có chữ ký của anh/chị). Chụp giấy cam đoan (1–3 ảnh).
birth-birth-commitment-label = Giấy cam đoan về việc sinh
birth-marriage-certificate = 📄 Chụp Giấy chứng nhận kết hôn của cha mẹ (không bắt buộc — chạm "Bỏ qua" nếu không có).
birth-marriage-certificate-label = Giấy chứng nhận kết hôn
birth-authorization = 📄 Anh/chị đi đăng ký thay cha mẹ nên cần văn bản ủy quyền. Chụp văn bản ủy quyền (1–4 ảnh).
birth-authorization-label = Văn bản ủy quyền
birth-child-birthplace-street =
    Nơi sinh: { $commune }, { $province }.
    Ông/Bà gõ tên cơ sở y tế nơi cháu sinh ra, ví dụ: Bệnh viện Đa khoa tỉnh Tây Ninh; nếu cháu sinh tại nhà, Ông/Bà gõ số nhà, đường, thôn/ấp.
birth-child-hometown-street =
    Quê quán: { $commune }, { $province }.
    Nếu cần ghi thêm thôn, ấp, Ông/Bà gõ vào đây; nếu không, Ông/Bà chọn “Bỏ qua”.
