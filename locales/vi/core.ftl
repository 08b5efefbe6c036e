# Lời thoại chung của bot (menu, lệnh, điều hướng, xem lại, biên nhận).

menu =
    Xin chào! Đây là Bộ phận Một cửa trực tuyến. Anh/chị muốn làm thủ tục gì?
    Chọn một mục bên dưới (chạm nút hoặc gõ số thứ tự).
help =
    Cách dùng:
    • Trả lời từng câu hỏi bằng cách gõ chữ hoặc chạm nút.
    • Giấy tờ: chụp rõ nét, đủ sáng, thấy hết 4 góc rồi gửi ảnh.
    • /back — quay lại câu trước   • /review — xem lại hồ sơ
    • /cancel — hủy hồ sơ đang khai   • /language — đổi ngôn ngữ
    • /start — về menu chính
flow-started = Bắt đầu khai hồ sơ: { $title }. Anh/chị có thể gõ /back để quay lại câu trước, /cancel để hủy.
flow-gone = Thủ tục anh/chị đang khai đã được cơ quan cập nhật nên không thể tiếp tục. Xin lỗi anh/chị, vui lòng bắt đầu lại.
start-in-flow = Anh/chị đang khai hồ sơ { $title }. Hãy trả lời câu hỏi dưới đây để tiếp tục, hoặc gõ /cancel để hủy.
nothing-in-progress = Anh/chị chưa khai hồ sơ nào.
unknown-command = Bot chưa hiểu lệnh { $command }. Gõ /help để xem các lệnh.
button-expired = Nút này thuộc một câu hỏi cũ. Anh/chị vui lòng trả lời câu hỏi hiện tại.
back = ⬅️ Quay lại
back-at-start = Đây là câu hỏi đầu tiên, không thể quay lại nữa.
skip = Bỏ qua
language-choose = Chọn ngôn ngữ / Choose your language:
language-set = Đã chuyển sang { $language }.
ask-with-current =
    { $question }
    (Đang ghi: { $current } — gửi câu trả lời mới nếu muốn sửa.)
ask-after =
    ❗ { $lead }

    { $question }
lines = { $lines }
choice-invalid = Anh/chị vui lòng chạm vào một trong các nút bên dưới (hoặc gõ đúng tên lựa chọn).

consent-agree = ✅ Tôi đồng ý
consent-decline = Không đồng ý
consent-need-answer = Anh/chị cần chọn "Tôi đồng ý" để tiếp tục, hoặc "Không đồng ý" để dừng lại.
consent-declined = Anh/chị chưa đồng ý nên bot không thu thập thông tin nào. Anh/chị vẫn có thể nộp hồ sơ trực tiếp tại Bộ phận Một cửa.

cancel-confirm = Anh/chị chắc chắn muốn hủy hồ sơ { $title } đang khai? Mọi thông tin và ảnh đã gửi sẽ bị xóa.
cancel-yes = Có, hủy hồ sơ
cancel-no = Không, khai tiếp
cancelled = Đã hủy hồ sơ và xóa các thông tin, ảnh anh/chị đã gửi.
cancel-kept = Hồ sơ vẫn được giữ nguyên. Mời anh/chị khai tiếp.

photos-done = ✅ Xong ({ $count } ảnh)
photos-expected = Ở bước này anh/chị cần gửi ảnh chụp giấy tờ (chạm biểu tượng 📎 hoặc máy ảnh).
photos-need-more = Cần ít nhất { $min } ảnh, anh/chị mới gửi { $count } ảnh. Vui lòng gửi thêm.
photos-received = Đã nhận { $count }/{ $max } ảnh { $document }.
photo-problem = Ảnh { $number } chưa dùng được: { $problem }
photo-duplicate = Ảnh { $number } trùng với ảnh đã gửi, bot bỏ qua.
photo-over-max = Ảnh { $number } vượt quá số ảnh tối đa ({ $max }), bot bỏ qua.
photo-not-expected = Bước này chưa cần ảnh. Anh/chị vui lòng trả lời câu hỏi bằng chữ.
document-not-expected = Bước này chưa cần gửi tệp. Anh/chị vui lòng trả lời câu hỏi bằng chữ.
location-not-expected = Bước này không dùng vị trí. Anh/chị vui lòng gõ câu trả lời.

prefill-offer =
    Bot đọc được mã QR trên căn cước:
    { $lines }
    Anh/chị có muốn dùng các thông tin này không? (Anh/chị vẫn sửa được ở bước xem lại.)
prefill-yes = ✅ Dùng thông tin này
prefill-no = Không, tôi tự nhập
prefill-need-answer = Anh/chị chọn "Dùng thông tin này" hoặc "Không, tôi tự nhập".
prefill-used = Đã điền sẵn { $count } thông tin từ căn cước.

item-add = ➕ Thêm người
item-enough = Đủ rồi, tiếp tục
item-line = { $number }. { $summary }

review =
    📋 Xem lại hồ sơ { $title }:
    { $lines }

    Nếu mọi thông tin đã đúng, chạm "Gửi hồ sơ". Cần sửa, chạm "Sửa thông tin".
review-line = • { $label }: { $value }
review-photos = { $count } ảnh
review-empty = (không có)
review-send = 📨 Gửi hồ sơ
review-edit = ✏️ Sửa thông tin
review-edit-which = Anh/chị muốn sửa mục nào?
review-back = ⬅️ Về trang xem lại
review-use-buttons = Anh/chị vui lòng chạm "Gửi hồ sơ" hoặc "Sửa thông tin".
review-not-yet = Hồ sơ chưa khai xong nên chưa xem lại được. Mời anh/chị trả lời câu hỏi hiện tại.

receipt =
    ✅ Đã nhận hồ sơ { $title }.
    Mã hồ sơ: { $code }
    Nơi tiếp nhận: { $office }
    Thời gian nộp: { $submitted }
    Ngày hẹn trả kết quả (dự kiến): { $expected }
    { $notes }
    Anh/chị sẽ nhận thông báo mỗi khi hồ sơ có thay đổi. Gõ mã hồ sơ bất cứ lúc nào để tra cứu.
receipt-qr-caption = Mã QR của hồ sơ { $code } — đưa cho cán bộ khi đến nhận kết quả.
