# Kênh Zalo: không có nút bấm, lựa chọn là danh sách đánh số.
zalo-choose = Gõ số từ 1 đến { $count } để chọn (hoặc gõ đúng tên lựa chọn). Gõ /back để quay lại.
zalo-type = Gõ câu trả lời, hoặc gõ đúng một lựa chọn ở trên. Gõ /back để quay lại.
zalo-sticker = Bot chưa hiểu nhãn dán (sticker). Anh/chị vui lòng gõ chữ hoặc gửi ảnh giấy tờ.
zalo-unsupported = Bot chưa nhận được loại tin nhắn này. Anh/chị vui lòng gõ chữ hoặc gửi ảnh (JPEG, PNG).
zalo-no-image = { $caption } (Ảnh mã QR sẽ được gửi khi hệ thống có địa chỉ công khai; anh/chị dùng mã hồ sơ ở trên để tra cứu.)
