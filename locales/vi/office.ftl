# Hồ sơ sau khi nộp: trạng thái, thẻ hồ sơ trong nhóm cán bộ, thao tác, thông báo, tra cứu, đánh giá, dữ liệu cá nhân.

bullet = • { $text }
thanks = Cảm ơn Ông/Bà!

state-new = Mới đăng ký
state-accepted = Được tiếp nhận
state-not_accepted = Không được tiếp nhận
state-processing = Đang xử lý
state-supplement_requested = Yêu cầu bổ sung giấy tờ
state-supplement_received = Công dân đã gửi bổ sung
state-payment_requested = Yêu cầu thực hiện nghĩa vụ tài chính
state-withdrawn = Công dân yêu cầu rút hồ sơ
state-stopped = Dừng xử lý
state-done = Đã xử lý xong
state-handed_over = Đã trả kết quả

action-accept = ✅ Tiếp nhận
action-refuse = ⛔ Không tiếp nhận
action-start = ▶️ Bắt đầu xử lý
action-request_supplement = 📝 Yêu cầu bổ sung
action-supplied = Công dân gửi bổ sung
action-request_payment = 💰 Yêu cầu nộp phí
action-confirm_payment = 💵 Đã nộp phí
action-approve = 🟢 Duyệt, hẹn trả
action-hand_over = 📦 Đã trả kết quả
action-withdraw = Công dân rút hồ sơ
action-stop = ✋ Dừng xử lý

card =
    📁 Hồ sơ { $code } — { $title }
    { $lines }
card-line = • { $label }: { $value }
card-reason = Lý do: { $reason }
card-supplement =
    Cần bổ sung:
    { $items }
card-pickup = Ngày hẹn trả kết quả: { $date }
card-last = Thao tác cuối: { $actor } — { $action } lúc { $at }
card-rating = Đánh giá của công dân: { $rating }/5 { $comment }

admin-not-allowed = Chỉ cán bộ được phân công mới thao tác được trên hồ sơ.
admin-forged = Nút này không hợp lệ. Không có thay đổi nào.
admin-outdated = Thẻ hồ sơ này đã cũ (trạng thái hiện tại: { $status }; người thao tác: { $actor }). Thẻ đã được cập nhật.
admin-race-toast = { $actor } vừa thao tác trên hồ sơ này trước Ông/Bà. Không có thay đổi nào từ nút của Ông/Bà.
admin-race = Hồ sơ { $code } vừa được { $actor } xử lý (trạng thái: { $status }). Thao tác của Ông/Bà không được áp dụng.
admin-done = Đã thực hiện: { $action } — hồ sơ { $code }.
admin-task-started = { $action }: mời nhập thông tin bên dưới.
admin-no-task = Không có thao tác nào đang chờ.
admin-task-cancelled = Đã hủy thao tác trên hồ sơ { $code }.
admin-cancel = Hủy
admin-continue = Tiếp tục ➡️
admin-item = { $mark }{ $label }
admin-pick-items = 📝 Hồ sơ { $code }: { $official } chọn các mục công dân cần bổ sung, rồi chọn "Tiếp tục".
admin-select-items = Chọn ít nhất một mục cần bổ sung rồi chọn "Tiếp tục".
admin-ask-reason = Hồ sơ { $code } — { $action }: mời nhập lý do (gõ tin nhắn vào nhóm này).
admin-ask-pickup = 🟢 Hồ sơ { $code }: { $official } chọn ngày hẹn trả kết quả ({ $fee }). Hạn giải quyết: { $due }; ngày hẹn phải là ngày làm việc, không trước hạn giải quyết. Chọn nút để hẹn ngày { $default } hoặc gõ ngày khác (ngày/tháng/năm).
admin-use-date = Hẹn ngày { $date }
admin-bad-date = Ngày không hợp lệ. Gõ theo dạng ngày/tháng/năm, ví dụ { $example }.
admin-citizen-withdraw = ↩️ Công dân đã rút hồ sơ { $code }.
admin-citizen-supplied = 📎 Công dân đã gửi bổ sung cho hồ sơ { $code }. Mời cán bộ kiểm tra.
admin-feedback =
    💬 Góp ý của công dân (qua { $channel }):
    { $text }
admin-comment = ⭐ Hồ sơ { $code } được đánh giá { $rating }/5: { $comment }
admin-help =
    Lệnh cho cán bộ:
    /pending — hồ sơ đang chờ xử lý (cũ nhất trước)
    /find <mã hồ sơ hoặc tên> — tìm hồ sơ
    /stats — thống kê
    /cancel — hủy thao tác đang nhập dở
admin-pending =
    📋 Hồ sơ đang chờ xử lý: { $count }
    { $lines }
admin-pending-line = { $mark }{ $code } · { $title } · { $status } · hạn giải quyết { $expected }
admin-find-usage = Gõ /find kèm mã hồ sơ hoặc tên (ít nhất 3 ký tự).
admin-found =
    🔎 Tìm "{ $query }": { $count } hồ sơ
    { $lines }
admin-stats =
    📊 Thống kê: { $total } hồ sơ
    Theo trạng thái:
    { $states }
    Theo thủ tục:
    { $flows }
    Thời gian xử lý trung bình: { $hours } giờ
    Mức hài lòng: { $rating }/5 ({ $ratings } lượt đánh giá)
admin-stats-line = • { $label }: { $count }
admin-error = ⚠️ Có lỗi khi xử lý yêu cầu (mã sự cố { $case }). Công dân đã nhận lời xin lỗi; chi tiết ở nhật ký máy chủ.
admin-sorry = ⚠️ Có lỗi khi xử lý thao tác của Ông/Bà (mã sự cố { $case }). Hồ sơ không thay đổi; vui lòng thử lại.

notify-accepted = 📥 Hồ sơ { $code } ({ $title }) đã được tiếp nhận.
notify-not_accepted =
    ⛔ Hồ sơ { $code } ({ $title }) không được tiếp nhận.
    Lý do: { $reason }
notify-processing = ⚙️ Hồ sơ { $code } ({ $title }) đang được xử lý.
notify-supplement_requested =
    📝 Hồ sơ { $code } ({ $title }) cần bổ sung:
    { $items }
    Lý do: { $reason }
    Chọn "Bổ sung ngay" để gửi lại các mục này.
notify-supplement_received = 📎 Đã nhận phần bổ sung cho hồ sơ { $code }.
notify-payment_requested =
    💰 Hồ sơ { $code } ({ $title }): mời Ông/Bà nộp lệ phí { $fee }.
    { $how }
notify-done =
    🟢 Hồ sơ { $code } ({ $title }) đã giải quyết xong.
    Ngày hẹn trả kết quả: { $pickup }. Mời Ông/Bà đến nhận tại { $office }, { $address } ({ $hours }).
    Mang theo bản chính các giấy tờ đã chụp để đối chiếu:
    { $documents }
    { $fee_line }
notify-handed_over = 📦 Hồ sơ { $code } đã trả kết quả (ngày trả kết quả: { $collected }). Ông/Bà hài lòng với dịch vụ ở mức nào? Chọn số sao (1 = rất không hài lòng, 5 = rất hài lòng).
notify-withdrawn = ↩️ Hồ sơ { $code } đã được rút.
notify-stopped =
    ✋ Hồ sơ { $code } ({ $title }) đã dừng xử lý.
    Lý do: { $reason }
notify-new = Hồ sơ { $code } đang chờ tiếp nhận.

supplement-start = 📝 Bổ sung ngay
supplement-start-code = 📝 Bổ sung hồ sơ { $code }
supplement-started =
    📝 Bổ sung hồ sơ { $code }. Cán bộ đề nghị gửi lại:
    { $items }
    Lý do: { $reason }
supplement-sent = ✅ Đã gửi phần bổ sung cho hồ sơ { $code }. Cán bộ sẽ xem và thông báo cho Ông/Bà.
supplement-not-needed = Hồ sơ này hiện không cần bổ sung.
service-finish-first = Ông/Bà đang khai một hồ sơ. Hãy hoàn thành hoặc gõ /cancel để hủy trước.

menu-lookup = 🔎 Tra cứu hồ sơ
menu-mine = 📂 Hồ sơ của tôi
menu-feedback = 💬 Góp ý
lookup-ask = Gõ mã hồ sơ (ví dụ 000.00.01.H99-260310-0001) hoặc gửi ảnh mã QR trên biên nhận.
lookup-not-found = Không tìm thấy hồ sơ { $code }. Ông/Bà kiểm tra lại mã trên biên nhận.
lookup-no-qr = Không đọc được mã QR của biên nhận trong ảnh. Ông/Bà chụp gần và rõ hơn, hoặc gõ mã hồ sơ.
lookup-too-many = Ông/Bà đã tra cứu quá nhiều lần những mã không có hoặc không phải hồ sơ của mình. Kính mời Ông/Bà thử lại sau { $minutes } phút. Hồ sơ do chính Ông/Bà nộp vẫn tra cứu được bất cứ lúc nào (hoặc gõ /mydossiers).
lookup-busy = Hệ thống tra cứu đang nhận quá nhiều yêu cầu. Kính mời Ông/Bà thử lại sau { $minutes } phút. Hồ sơ do chính Ông/Bà nộp vẫn tra cứu được như thường.
lookup-public =
    🔎 Hồ sơ { $code }
    Trạng thái: { $status }
    { $dates }
lookup-own =
    🔎 Hồ sơ { $code } — { $title }
    Trạng thái: { $status }
    { $dates }
    Ghi chú của cán bộ: { $reason }
mine = 📂 Hồ sơ của Ông/Bà:
    { $lines }
mine-line = • { $code } · { $title } · { $status }
mine-line-dated = • { $code } · { $title } · { $status } · { $when }
mine-none = Ông/Bà chưa nộp hồ sơ nào qua kênh này.
withdraw-button = ↩️ Rút hồ sơ { $code }
withdraw-confirm = Ông/Bà chắc chắn muốn rút hồ sơ { $code }? Hồ sơ sẽ dừng lại và không tiếp tục xử lý.
withdraw-yes = Có, rút hồ sơ
withdraw-kept = Hồ sơ vẫn được giữ nguyên.
withdrawn = ↩️ Đã rút hồ sơ { $code }.
withdrawn-supplement-erased = 🗑️ Phần bổ sung đang khai dở cho hồ sơ này và các ảnh mới gửi kèm đã được xóa.
withdraw-not-possible = Hồ sơ này không thể rút nữa (đã bắt đầu xử lý hoặc đã kết thúc). Vui lòng liên hệ { $office }.
rating-thanks = Cảm ơn Ông/Bà đã đánh giá { $rating }/5. Ông/Bà có muốn góp ý thêm không? Gõ góp ý, hoặc chọn "Bỏ qua".
rating-already = Ông/Bà đã đánh giá hồ sơ này rồi. Cảm ơn Ông/Bà!
rating-not-possible = Chỉ đánh giá được hồ sơ của mình sau khi đã nhận kết quả.
feedback-ask = Mời Ông/Bà gõ góp ý. Góp ý được gửi tới cán bộ { $office }.
feedback-thanks = Cảm ơn Ông/Bà! Góp ý đã được gửi tới cán bộ.

privacy =
    🔒 Dữ liệu chúng tôi lưu về Ông/Bà:
    • Hồ sơ đang khai dở: { $filing } ({ $answers } câu trả lời, { $photos } ảnh chưa nộp)
    • Hồ sơ đã nộp: { $dossiers } ({ $codes })
    Hồ sơ đã nộp là hồ sơ hành chính, cơ quan phải lưu theo quy định về lưu trữ; Ông/Bà có quyền xem và đề nghị sửa tại { $office }.
    Gõ /deletemydata để xóa hồ sơ khai dở và ảnh chưa nộp. Yêu cầu về dữ liệu cá nhân được xác nhận trong 2 ngày làm việc và giải quyết trong 15 ngày.
erase-confirm = Xóa hồ sơ đang khai dở và mọi ảnh chưa nộp của Ông/Bà? Không thể hoàn tác.
erase-yes = Có, xóa
erase-no = Không
erase-kept = Không có gì bị xóa.
erased = 🗑️ Đã xóa hồ sơ khai dở và ảnh chưa nộp. { $dossiers } hồ sơ đã nộp được cơ quan lưu theo quy định lưu trữ hồ sơ hành chính.
draft-reminder = ⏰ Ông/Bà còn hồ sơ { $title } đang khai dở. Hồ sơ và ảnh sẽ tự động bị xóa sau { $days } ngày nữa nếu không tiếp tục. Gõ /start để khai tiếp.
draft-expired = 🗑️ Hồ sơ { $title } khai dở đã quá lâu không được tiếp tục nên đã bị xóa cùng các ảnh, để bảo vệ dữ liệu của Ông/Bà.
sorry = 😔 Xin lỗi, hệ thống gặp sự cố khi xử lý tin nhắn của Ông/Bà (mã { $case }). Thông tin Ông/Bà đã khai vẫn được giữ nguyên; vui lòng gửi lại.
admin-pickup-chosen = 🟢 Hồ sơ { $code }: đã hẹn trả kết quả ngày { $date }.

# Lệ phí, đăng ký quá hạn, nguồn của câu trả lời và cảnh báo trên thẻ hồ sơ (issue 11).
fee-amount = Lệ phí: { $amount }
fee-free = Miễn lệ phí
receipt-late = Đăng ký quá hạn: trẻ sinh đã { $days } ngày (quá 60 ngày).
card-late = ⏰ Đăng ký quá hạn: { $days } ngày sau ngày sinh · { $fee }
card-warning = { $text }
card-line-qr = { $line } [QR]
card-line-copied = { $line } [theo { $source }]
card-origin-legend = [QR]: lấy từ mã QR trên căn cước, công dân đã xác nhận; [theo ...]: lấy từ câu trả lời khác; còn lại: công dân tự nhập.

# Ngày của hồ sơ (một bộ từ cho công dân và cán bộ), ngày hẹn trả kết quả hợp lệ, lệ phí và VietQR (issue 12).
dates-due = Ngày nộp: { $submitted } · Hạn giải quyết: { $date }
dates-appointment = Ngày nộp: { $submitted } · Ngày hẹn trả kết quả: { $date }, tại { $office }, { $address } ({ $hours })
dates-collected = Ngày nộp: { $submitted } · Ngày trả kết quả: { $date }
dates-closed = Ngày nộp: { $submitted }
when-due = hạn giải quyết { $date }
when-appointment = ngày hẹn trả kết quả { $date }
when-collected = ngày trả kết quả { $date }
card-collected = Ngày trả kết quả: { $date }
card-fee-paid = Phí: { $amount } – đã nộp ({ $official }, { $at })
card-fee-unpaid = Phí: { $amount } – chưa nộp
admin-pickup-past = Ngày { $date } đã qua. Ngày hẹn trả kết quả sớm nhất: { $next }. Chọn nút để hẹn ngày { $next } hoặc gõ ngày khác.
admin-pickup-before-due = Ngày { $date } trước hạn giải quyết ({ $due }). Ngày hẹn trả kết quả sớm nhất: { $next }. Chọn nút để hẹn ngày { $next } hoặc gõ ngày khác.
admin-pickup-day-off = Ngày { $date } là ngày nghỉ ({ $why }). Ngày làm việc tiếp theo: { $next }. Chọn nút để hẹn ngày { $next } hoặc gõ ngày khác.
weekday-0 = Thứ Hai
weekday-1 = Thứ Ba
weekday-2 = Thứ Tư
weekday-3 = Thứ Năm
weekday-4 = Thứ Sáu
weekday-5 = Thứ Bảy
weekday-6 = Chủ nhật
pay-transfer =
    Chuyển khoản: { $bank }, số tài khoản { $account }, chủ tài khoản { $holder }.
    Nội dung chuyển khoản: { $note }
    Ông/Bà có thể quét mã VietQR gửi kèm bằng ứng dụng ngân hàng: số tiền và nội dung đã điền sẵn.
pay-deadline = Hạn nộp: { $date }.
pay-or-at-office = Hoặc nộp trực tiếp tại { $office }.
pay-at-office = Mời Ông/Bà nộp tại { $office }, { $address } ({ $hours }).
pay-qr-caption = Mã VietQR nộp lệ phí { $fee } cho hồ sơ { $code }: quét bằng ứng dụng ngân hàng.
fee-paid-note = Lệ phí { $amount }: Ông/Bà đã nộp.
fee-bring-note = Lệ phí { $amount }: Ông/Bà nộp khi đến nhận kết quả.
notify-fee_paid = 💵 Đã nhận lệ phí { $fee } của hồ sơ { $code } ({ $title }). Cảm ơn Ông/Bà!
# Thẻ hồ sơ theo phần, xác nhận thao tác, dòng thông báo sau mỗi thao tác (issue 12).
card-status = Trạng thái: { $status } (mã { $status_code })
card-filed = Nộp lúc { $submitted } qua { $channel } · hạn giải quyết { $expected }
card-rule = —————
card-section =
    ▸ { $name }
    { $lines }
card-changes =
    🔁 Công dân đã bổ sung (trước → sau):
    { $lines }
card-change = • { $label }: { $before } → { $after }
card-change-photos = • { $label }: ảnh mới thay ảnh cũ
card-unchanged = 🔁 Công dân đã gửi bổ sung, các câu trả lời không đổi.
card-photo = { $label }{ $number }
card-moved =
    { $card }
    ⤵️ Thẻ này đã được gửi lại bên dưới.
supplement-photo = Bổ sung cho hồ sơ { $code }: { $document }
admin-confirm = ❓ Xác nhận { $action } hồ sơ { $code }? Thao tác này không hoàn tác được. (Chỉ { $official } xác nhận được.)
admin-confirm-yes = ✔️ Xác nhận
admin-confirm-toast = Mời xác nhận thao tác ở tin nhắn bên dưới.
admin-confirm-not-yours = Chỉ cán bộ đã chọn thao tác này mới xác nhận được.
admin-confirmed = ✔️ Đã xác nhận: { $action } — hồ sơ { $code }.
admin-confirm-dropped = Đã hủy, hồ sơ { $code } không thay đổi.
admin-confirm-void = Hồ sơ { $code } đã thay đổi từ khi hỏi xác nhận. Xác nhận này không còn hiệu lực; xem thẻ hồ sơ.
admin-prompt-stale = Thao tác này đã kết thúc (đã xong, đã hủy hoặc đã chuyển sang hồ sơ khác). Nút không còn hiệu lực.
admin-prompt-closed = ⌛ Thao tác này đã kết thúc.
admin-prompt-done = ✔️ Hồ sơ { $code } — { $action }: đã nhận thông tin.
admin-task-replaced = ⌛ Thao tác này đã được thay bằng thao tác mới của cùng cán bộ.
admin-show-card = 📁 { $code }
acted = { $lines }
acted-reason = Lý do: { $reason }
acted-pickup = Ngày hẹn trả kết quả: { $date }.
acted-accept = { $official } đã tiếp nhận hồ sơ { $code }.
acted-refuse = { $official } đã không tiếp nhận hồ sơ { $code }.
acted-start = { $official } đã bắt đầu xử lý hồ sơ { $code }.
acted-request_supplement = { $official } đã yêu cầu bổ sung hồ sơ { $code }.
acted-request_payment = { $official } đã yêu cầu nộp phí hồ sơ { $code }.
acted-approve = { $official } đã duyệt hồ sơ { $code }.
acted-hand_over = { $official } đã trả kết quả hồ sơ { $code }.
acted-stop = { $official } đã dừng xử lý hồ sơ { $code }.
acted-confirm_payment = { $official } đã xác nhận công dân đã nộp phí hồ sơ { $code }.
