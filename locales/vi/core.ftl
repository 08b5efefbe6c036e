# Lời thoại chung của Hệ thống (menu, lệnh, điều hướng, xem lại, biên nhận).

menu =
    Kính chào Quý công dân! Đây là kênh tiếp nhận hồ sơ trực tuyến của { $office }. Ông/Bà muốn làm thủ tục gì?
    Ông/Bà chọn một mục bên dưới (hoặc gõ số thứ tự).
help =
    Cách dùng:
    • Trả lời từng câu hỏi bằng cách gõ chữ hoặc chọn một lựa chọn có sẵn.
    • Giấy tờ: chụp rõ nét, đủ sáng, thấy hết 4 góc rồi gửi ảnh.
    • /back — quay lại câu trước   • /review — xem lại hồ sơ
    • /cancel — hủy hồ sơ đang khai   • /language — đổi ngôn ngữ
    • /start — về menu chính
flow-started = Bắt đầu khai hồ sơ: { $title }. Ông/Bà có thể gõ /back để quay lại câu trước, /cancel để hủy.
flow-gone = Thủ tục Ông/Bà đang khai đã được cơ quan cập nhật nên không thể tiếp tục. Xin lỗi Ông/Bà, vui lòng bắt đầu lại.
start-in-flow = Ông/Bà đang khai hồ sơ { $title }. Hãy trả lời câu hỏi dưới đây để tiếp tục, hoặc gõ /cancel để hủy.
nothing-in-progress = Ông/Bà chưa khai hồ sơ nào.
unknown-command = Hệ thống chưa hiểu lệnh { $command }. Gõ /help để xem các lệnh.
button-expired = Nút này thuộc một câu hỏi cũ. Ông/Bà vui lòng trả lời câu hỏi hiện tại.
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
choice-invalid = Ông/Bà vui lòng chọn vào một trong các nút bên dưới (hoặc gõ đúng tên lựa chọn).

consent-agree = ✅ Tôi đồng ý
consent-decline = Không đồng ý
consent-need-answer = Ông/Bà cần chọn "Tôi đồng ý" để tiếp tục, hoặc "Không đồng ý" để dừng lại.
consent-declined = Ông/Bà chưa đồng ý nên Hệ thống không thu thập thông tin nào. Ông/Bà vẫn có thể nộp hồ sơ trực tiếp tại { $office }.

cancel-confirm = Ông/Bà chắc chắn muốn hủy hồ sơ { $title } đang khai? Mọi thông tin và ảnh đã gửi sẽ bị xóa.
cancel-yes = Có, hủy hồ sơ
cancel-no = Không, khai tiếp
cancelled = Đã hủy hồ sơ và xóa các thông tin, ảnh Ông/Bà đã gửi.
cancel-kept = Hồ sơ vẫn được giữ nguyên. Mời Ông/Bà khai tiếp.

photos-done = ✅ Xong ({ $count } ảnh)
photos-expected = Ở bước này Ông/Bà cần gửi ảnh chụp giấy tờ (dùng biểu tượng 📎 hoặc máy ảnh).
photos-need-more = Cần ít nhất { $min } ảnh, Ông/Bà mới gửi { $count } ảnh. Vui lòng gửi thêm.
photos-received = Đã nhận { $count }/{ $max } ảnh { $document }.
photo-problem = Ảnh { $number } chưa dùng được: { $problem }
photo-duplicate = Ảnh { $number } trùng với ảnh đã gửi, Hệ thống bỏ qua.
photo-over-max = Ảnh { $number } vượt quá số ảnh tối đa ({ $max }), Hệ thống bỏ qua.
photo-not-expected = Bước này chưa cần ảnh. Ông/Bà vui lòng trả lời câu hỏi bằng chữ.
document-not-expected = Bước này chưa cần gửi tệp. Ông/Bà vui lòng trả lời câu hỏi bằng chữ.
location-not-expected = Bước này không dùng vị trí. Ông/Bà vui lòng gõ câu trả lời.

prefill-offer =
    Hệ thống đọc được mã QR trên căn cước:
    { $lines }
    Ông/Bà có muốn dùng các thông tin này không? (Ông/Bà vẫn sửa được ở bước xem lại.)
prefill-yes = ✅ Dùng thông tin này
prefill-no = Không, tôi tự nhập
prefill-need-answer = Ông/Bà chọn "Dùng thông tin này" hoặc "Không, tôi tự nhập".
prefill-used = Đã điền sẵn { $count } thông tin từ căn cước.

item-add = ➕ Thêm người
item-enough = Đủ rồi, tiếp tục
item-line = { $number }. { $summary }

review =
    📋 Xem lại hồ sơ { $title }:
    { $lines }

    Nếu mọi thông tin đã đúng, chọn "Gửi hồ sơ". Cần sửa, chọn "Sửa thông tin".
review-line = • { $label }: { $value }
review-photos = { $count } ảnh
review-empty = (không có)
review-send = 📨 Gửi hồ sơ
review-edit = ✏️ Sửa thông tin
review-edit-which = Ông/Bà muốn sửa mục nào?
review-back = ⬅️ Về trang xem lại
review-use-buttons = Ông/Bà vui lòng chọn "Gửi hồ sơ" hoặc "Sửa thông tin".
review-not-yet = Hồ sơ chưa khai xong nên chưa xem lại được. Mời Ông/Bà trả lời câu hỏi hiện tại.

receipt =
    ✅ Đã nhận hồ sơ { $title }.
    Mã hồ sơ: { $code }
    Nơi tiếp nhận: { $office }
    Thời gian nộp: { $submitted }
    Hạn giải quyết: { $expected } (ngày hẹn trả kết quả được báo khi hồ sơ giải quyết xong)
    { $notes }
    Ông/Bà sẽ nhận thông báo mỗi khi hồ sơ có thay đổi. Gõ mã hồ sơ bất cứ lúc nào để tra cứu.
receipt-qr-caption = Mã QR của hồ sơ { $code } — đưa cho cán bộ khi đến nhận kết quả.
# The office named in messages when the deployment names none (locales/catalog.py defaults).
office-generic = Trung tâm Phục vụ hành chính công
