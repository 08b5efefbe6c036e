## Taking typed answers (bot/engine): confirmations, help after repeated refusals, old buttons, edit sections.

confirm-name-yes = ✅ Đúng, giữ nguyên
confirm-name-retype = ✏️ Gõ lại có dấu
confirm-name-need-answer = Ông/Bà vui lòng chọn “Đúng, giữ nguyên” hoặc “Gõ lại có dấu”.
refusal-help =
    Hệ thống vẫn chưa nhận được câu trả lời hợp lệ cho câu hỏi “{ $question }”.{ $example ->
        [none] {""}
       *[other] {" "}Câu trả lời mẫu: { $example }
    }
    Ông/Bà có thể gọi { $office }{ $phone ->
        [none] {""}
       *[other] {" "}theo số { $phone }
    } để được hướng dẫn, hoặc chọn “Để cán bộ hỗ trợ”: câu này tạm để trống, cán bộ sẽ liên hệ để hoàn thiện.
refusal-skip = 🙋 Để cán bộ hỗ trợ
refusal-skipped = Câu “{ $question }” được để lại cho cán bộ hoàn thiện. Mời Ông/Bà tiếp tục.
needs-help = ⚠️ cần cán bộ hỗ trợ
button-already-answered = Câu hỏi này đã được trả lời; nút đó không còn tác dụng. Ông/Bà vui lòng trả lời câu hỏi mới nhất ở cuối cuộc trò chuyện.
review-edit-section = Ông/Bà muốn sửa phần nào?
review-edit-in-section = Phần “{ $section }”: Ông/Bà muốn sửa mục nào?
review-edit-sections = ⬅️ Các phần khác
section-general = Thông tin chung
section-requester = Người yêu cầu
section-child = Trẻ
section-mother = Mẹ
section-father = Cha
section-result = Kết quả
section-documents = Giấy tờ
section-owner = Chủ hộ kinh doanh
section-business = Hộ kinh doanh
section-members = Thành viên hộ gia đình
section-commitments = Cam kết
supplement-required = Cán bộ đề nghị bổ sung mục “{ $label }”, nên không bỏ qua được. Kính mời Ông/Bà gửi mục này.
