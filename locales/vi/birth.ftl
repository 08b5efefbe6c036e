# Đăng ký khai sinh.
birth-title = Đăng ký khai sinh
consent-birth =
    🔒 Đồng ý xử lý dữ liệu cá nhân (phiên bản { $version })
    Để đăng ký khai sinh, { $office } thu thập qua Hệ thống này:
    • người yêu cầu: họ tên, số định danh cá nhân, nơi cư trú, quan hệ với trẻ, số điện thoại, ảnh căn cước;
    • trẻ: họ tên, giới tính, ngày sinh, nơi sinh, dân tộc, quốc tịch, quê quán;
    • cha, mẹ: họ tên, ngày hoặc năm sinh, dân tộc, quốc tịch, nơi cư trú, số định danh cá nhân (hoặc số hộ chiếu nếu là người nước ngoài), quê quán khi chưa xác định được cha hoặc mẹ, việc đã đăng ký kết hôn hay chưa;
    • ảnh giấy tờ: giấy chứng sinh (hoặc văn bản của người làm chứng, giấy cam đoan), giấy chứng nhận kết hôn, tờ khai nhận cha và chứng cứ, văn bản ủy quyền và giấy tờ chứng minh quan hệ;
    • số bản sao trích lục, cách nhận kết quả; khi đăng ký liên thông: địa chỉ đăng ký thường trú, họ tên và số định danh của chủ hộ, quan hệ của trẻ với chủ hộ, nơi đăng ký khám chữa bệnh ban đầu.
    Ảnh giấy tờ tùy thân và thông tin dân tộc là dữ liệu cá nhân nhạy cảm.
    Mục đích: chỉ để giải quyết thủ tục đăng ký khai sinh. Bên kiểm soát dữ liệu: Ủy ban nhân dân xã/phường tiếp nhận hồ sơ.
    Ông/Bà có quyền được biết, xem, sửa, xóa dữ liệu, rút lại sự đồng ý và phản đối việc xử lý (gõ /privacy để biết thêm). Hồ sơ chưa nộp sẽ được xóa nếu bỏ dở; hồ sơ đã nộp được lưu theo quy định về lưu trữ hộ tịch.
    (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, Nghị định 356/2025/NĐ-CP.)
birth-relationship = Ông/Bà là gì của cháu bé?
birth-relationship-label = Quan hệ với trẻ
birth-relationship-father = Cha
birth-relationship-mother = Mẹ
birth-relationship-grandparent = Ông, bà của trẻ
birth-relationship-relative = Người thân khác
birth-relationship-authorized = Người được ủy quyền
birth-requester-id-card = 🪪 Chụp căn cước (CCCD) của Ông/Bà: mặt trước và mặt sau, mỗi mặt một ảnh (có thể gửi cả 2 ảnh cùng lúc).
birth-requester-id-card-label = Căn cước người yêu cầu
birth-requester-name = Họ và tên đầy đủ của Ông/Bà (người đi đăng ký)?
birth-requester-name-label = Họ tên người yêu cầu
birth-requester-id = Số định danh cá nhân (12 số trên căn cước) của Ông/Bà?
birth-requester-id-label = Số định danh người yêu cầu
birth-requester-residence = Nơi cư trú hiện nay của Ông/Bà?
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
birth-child-ethnicity = Dân tộc của cháu? (chọn "Kinh" hoặc gõ tên dân tộc)
birth-child-ethnicity-label = Dân tộc trẻ
birth-child-nationality = Quốc tịch của cháu?
birth-child-nationality-label = Quốc tịch trẻ
birth-child-hometown = Quê quán của cháu? Quê quán là quê quán của cha hoặc của mẹ, theo thỏa thuận của cha mẹ; không phải nơi sinh.
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
birth-has-birth-certificate = Ông/Bà có Giấy chứng sinh do bệnh viện/cơ sở y tế cấp không?
birth-has-birth-certificate-label = Có giấy chứng sinh
birth-has-birth-certificate-yes = Có
birth-has-birth-certificate-no = Không có
birth-birth-certificate = 📄 Chụp Giấy chứng sinh (1–2 ảnh, thấy rõ chữ và dấu đỏ).
birth-birth-certificate-label = Giấy chứng sinh
birth-has-witness = Không có giấy chứng sinh thì cần văn bản xác nhận của người làm chứng. Ông/Bà có văn bản này không?
birth-has-witness-label = Có văn bản người làm chứng
birth-has-witness-yes = Có
birth-has-witness-no = Không có
birth-witness-statement = 📄 Chụp văn bản xác nhận của người làm chứng (1–3 ảnh).
birth-witness-statement-label = Văn bản người làm chứng
birth-birth-commitment = 📄 Không có người làm chứng thì cần Giấy cam đoan về việc sinh (có chữ ký của Ông/Bà). Chụp giấy cam đoan (1–3 ảnh).
birth-birth-commitment-label = Giấy cam đoan về việc sinh
birth-marriage-certificate = 📄 Chụp Giấy chứng nhận kết hôn của cha mẹ (không bắt buộc — chọn "Bỏ qua" nếu không có).
birth-marriage-certificate-label = Giấy chứng nhận kết hôn
birth-authorization = 📄 Ông/Bà được ủy quyền đi đăng ký nên cần văn bản ủy quyền. Văn bản phải được chứng thực, trừ khi Ông/Bà là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em của cha hoặc mẹ trẻ (khi đó nộp kèm giấy tờ chứng minh quan hệ). Chụp văn bản ủy quyền (1–4 ảnh).
birth-authorization-label = Văn bản ủy quyền

# Đăng ký khai sinh theo luật (issue 11): người yêu cầu, cha mẹ chưa xác định, người nước ngoài, nhận cha, liên thông.
birth-relationship-carer = Người đang nuôi dưỡng trẻ
birth-mother-known = Có khai thông tin người mẹ không?
birth-mother-known-label = Thông tin người mẹ
birth-mother-known-yes = Có
birth-mother-known-no = Chưa xác định được mẹ
birth-mother-is-requester = Ông/Bà là mẹ của trẻ: dùng thông tin của Ông/Bà (họ tên, số định danh, nơi cư trú) cho phần người mẹ?
birth-mother-is-requester-label = Người mẹ là người yêu cầu
birth-mother-is-requester-yes = Có, dùng thông tin của tôi
birth-mother-is-requester-no = Không, khai riêng
birth-father-is-requester = Ông/Bà là cha của trẻ: dùng thông tin của Ông/Bà (họ tên, số định danh, nơi cư trú) cho phần người cha?
birth-father-is-requester-label = Người cha là người yêu cầu
birth-father-is-requester-yes = Có, dùng thông tin của tôi
birth-father-is-requester-no = Không, khai riêng
birth-from-requester = { $label }: { $value } (lấy từ thông tin của Ông/Bà; có thể sửa ở bước xem lại).
birth-from-parent = { $label }: { $value } (theo người cha hoặc mẹ đã khai; có thể sửa ở bước xem lại).
birth-mother-passport = Mẹ của trẻ là người nước ngoài: số hộ chiếu hoặc giấy tờ có giá trị đi lại quốc tế của mẹ?
birth-mother-passport-label = Số hộ chiếu mẹ
birth-father-passport = Cha của trẻ là người nước ngoài: số hộ chiếu hoặc giấy tờ có giá trị đi lại quốc tế của cha?
birth-father-passport-label = Số hộ chiếu cha
birth-mother-hometown = Chưa xác định được cha nên trẻ mang quê quán của mẹ. Quê quán của mẹ?
birth-mother-hometown-label = Quê quán mẹ
birth-father-hometown = Chưa xác định được mẹ nên trẻ mang quê quán của cha. Quê quán của cha?
birth-father-hometown-label = Quê quán cha
birth-recognition-declaration = 📄 Cha mẹ chưa đăng ký kết hôn nên đây là đăng ký khai sinh kết hợp nhận cha (thời hạn giải quyết 3 ngày làm việc). Chụp Tờ khai nhận cha (1–2 ảnh). Lưu ý: người cha phải có mặt khi nộp hồ sơ tại cơ quan.
birth-recognition-declaration-label = Tờ khai nhận cha
birth-recognition-evidence = 📄 Chụp chứng cứ chứng minh quan hệ cha con nếu có (ví dụ: kết quả giám định ADN, văn bản của cơ quan có thẩm quyền), tối đa 5 ảnh; không có thì chọn "Bỏ qua".
birth-recognition-evidence-label = Chứng cứ quan hệ cha con
birth-authorized-close-relative = Ông/Bà có phải là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em của cha hoặc mẹ trẻ không?
birth-authorized-close-relative-label = Người được ủy quyền là người thân
birth-authorized-close-relative-yes = Có
birth-authorized-close-relative-no = Không
birth-relationship-proof = 📄 Chụp giấy tờ chứng minh quan hệ giữa Ông/Bà và cha hoặc mẹ trẻ (ví dụ: giấy khai sinh, giấy chứng nhận kết hôn), 1–4 ảnh. Khi đó văn bản ủy quyền không cần chứng thực.
birth-relationship-proof-label = Giấy tờ chứng minh quan hệ
birth-extract-copies = Ngoài Giấy khai sinh, Ông/Bà cần bao nhiêu bản sao trích lục khai sinh? (gõ 0 nếu không cần)
birth-extract-copies-label = Số bản sao trích lục
birth-result-delivery = Ông/Bà muốn nhận kết quả bằng cách nào?
birth-result-delivery-label = Cách nhận kết quả
birth-result-delivery-office = Nhận bản giấy tại cơ quan
birth-result-delivery-electronic = Nhận bản điện tử
birth-linked-procedure = Ông/Bà có muốn đăng ký liên thông: khai sinh, đăng ký thường trú và cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi không? (thời hạn giải quyết 3 ngày làm việc)
birth-linked-procedure-label = Đăng ký liên thông
birth-linked-procedure-yes = Có, đăng ký liên thông
birth-linked-procedure-no = Không, chỉ đăng ký khai sinh
birth-linked-residence-address = Địa chỉ đăng ký thường trú cho trẻ?
birth-linked-residence-address-label = Địa chỉ đăng ký thường trú
birth-linked-head-name = Họ và tên chủ hộ nơi trẻ đăng ký thường trú?
birth-linked-head-name-label = Họ tên chủ hộ
birth-linked-head-id = Số định danh cá nhân (12 số) của chủ hộ?
birth-linked-head-id-label = Số định danh chủ hộ
birth-linked-head-relationship = Trẻ là gì của chủ hộ? (ví dụ: Con, Cháu)
birth-linked-head-relationship-label = Quan hệ với chủ hộ
birth-linked-health-facility = Nơi đăng ký khám chữa bệnh ban đầu cho trẻ (tên trạm y tế, bệnh viện)?
birth-linked-health-facility-label = Nơi khám chữa bệnh ban đầu
birth-note-recognition = Đăng ký khai sinh kết hợp nhận cha: giải quyết trong 3 ngày làm việc; người cha phải có mặt tại cơ quan.
birth-note-linked = Đăng ký liên thông khai sinh, thường trú, thẻ bảo hiểm y tế: giải quyết trong 3 ngày làm việc (5 ngày nếu phải xác minh).
birth-result = Kết quả: Giấy khai sinh có ghi số định danh cá nhân của trẻ.
birth-warning-mother-male-id = ⚠️ Lưu ý: Ông/Bà chọn là mẹ của trẻ, nhưng số định danh đã khai là của nam giới (chữ số thứ 4 chẵn). Ông/Bà kiểm tra lại quan hệ với trẻ hoặc số định danh; cán bộ sẽ xem lại điểm này.
birth-warning-father-female-id = ⚠️ Lưu ý: Ông/Bà chọn là cha của trẻ, nhưng số định danh đã khai là của nữ giới (chữ số thứ 4 lẻ). Ông/Bà kiểm tra lại quan hệ với trẻ hoặc số định danh; cán bộ sẽ xem lại điểm này.
birth-warning-requester-not-mother = ⚠️ Lưu ý: Ông/Bà chọn là mẹ của trẻ, nhưng số định danh của người mẹ khác số định danh của Ông/Bà. Cán bộ sẽ xem lại điểm này.
birth-warning-requester-not-father = ⚠️ Lưu ý: Ông/Bà chọn là cha của trẻ, nhưng số định danh của người cha khác số định danh của Ông/Bà. Cán bộ sẽ xem lại điểm này.
birth-card-mother-male-id = ⚠️ Người yêu cầu khai là mẹ của trẻ, nhưng số định danh của người yêu cầu là của nam giới.
birth-card-father-female-id = ⚠️ Người yêu cầu khai là cha của trẻ, nhưng số định danh của người yêu cầu là của nữ giới.
birth-card-requester-not-mother = ⚠️ Người yêu cầu khai là mẹ của trẻ, nhưng số định danh của người yêu cầu khác số định danh của người mẹ.
birth-card-requester-not-father = ⚠️ Người yêu cầu khai là cha của trẻ, nhưng số định danh của người yêu cầu khác số định danh của người cha.
birth-child-birthplace-street =
    Nơi sinh: { $commune }, { $province }.
    Ông/Bà gõ tên cơ sở y tế nơi cháu sinh ra, ví dụ: Bệnh viện Đa khoa tỉnh Tây Ninh; nếu cháu sinh tại nhà, Ông/Bà gõ số nhà, đường, thôn/ấp.
birth-child-hometown-street =
    Quê quán: { $commune }, { $province }.
    Nếu cần ghi thêm thôn, ấp, Ông/Bà gõ vào đây; nếu không, Ông/Bà chọn “Bỏ qua”.
