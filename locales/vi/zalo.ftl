# Kênh Zalo: không có nút bấm, lựa chọn là danh sách đánh số.
zalo-choose = { $count ->
        [1] Gõ số 1 để chọn (hoặc gõ đúng tên lựa chọn). Gõ /back để quay lại.
       *[other] Gõ số từ 1 đến { $count } để chọn (hoặc gõ đúng tên lựa chọn). Gõ /back để quay lại.
    }
zalo-type = Gõ câu trả lời, hoặc gõ đúng một lựa chọn ở trên. Gõ /back để quay lại.
zalo-sticker = Hệ thống chưa hiểu nhãn dán (sticker). Ông/Bà vui lòng gõ chữ hoặc gửi ảnh giấy tờ.
zalo-unsupported = Hệ thống chưa nhận được loại tin nhắn này. Ông/Bà vui lòng gõ chữ hoặc gửi ảnh (JPEG, PNG).
zalo-no-image = { $caption } (Ảnh mã QR sẽ được gửi khi hệ thống có địa chỉ công khai; Ông/Bà dùng mã hồ sơ ở trên để tra cứu.)
