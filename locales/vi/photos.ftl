# Kiểm tra ảnh giấy tờ (bot/photos.py): mỗi câu nói ảnh bị gì và cách chụp lại.

photo-too-small = Ảnh quá nhỏ ({ NUMBER($width, useGrouping: 0) }×{ NUMBER($height, useGrouping: 0) } điểm ảnh, cần ít nhất { NUMBER($min_long, useGrouping: 0) }×{ NUMBER($min_short, useGrouping: 0) }). Ông/Bà vui lòng chụp lại bằng camera của điện thoại, để giấy tờ chiếm gần hết khung hình, rồi gửi ảnh vừa chụp (không gửi ảnh chụp màn hình hay ảnh đã cắt nhỏ).
photo-too-dark = Ảnh quá tối, không đọc rõ chữ. Ông/Bà vui lòng chụp lại ở nơi đủ sáng (gần cửa sổ hoặc dưới đèn), tránh để bóng tay hay bóng điện thoại che lên giấy tờ.
photo-too-bright = Ảnh quá sáng, bị lóa mất chữ. Ông/Bà vui lòng tắt đèn flash, tránh nắng hoặc đèn chiếu thẳng vào giấy tờ, nghiêng máy một chút cho hết chói rồi chụp lại.
photo-blurry = Ảnh bị mờ. Ông/Bà vui lòng đặt giấy tờ trên mặt phẳng, giữ máy thật chắc, chạm vào màn hình để lấy nét rồi chụp lại. Nếu vẫn mờ, hãy lau sạch ống kính camera.
photo-too-large = Tệp ảnh quá lớn (tối đa { $max_mb } MB). Ông/Bà vui lòng gửi ảnh theo cách gửi ảnh thông thường (không chọn gửi dạng tệp), hoặc chụp lại với độ phân giải thấp hơn.
photo-wrong-type = Hệ thống chỉ nhận ảnh chụp dạng JPEG, PNG hoặc HEIC (ảnh iPhone). Ông/Bà vui lòng chụp giấy tờ bằng camera điện thoại rồi gửi ảnh đó (không gửi tệp PDF, Word hay tệp nén).
photo-unreadable = Hệ thống không mở được ảnh này: tệp bị lỗi hoặc không phải ảnh JPEG, PNG hay HEIC. Ông/Bà vui lòng chụp lại giấy tờ và gửi ảnh mới.
photo-too-many-pixels = Ảnh có kích thước quá lớn (tối đa { NUMBER($max_mp, maximumFractionDigits: 1) } triệu điểm ảnh), Hệ thống không mở được. Kính mời Ông/Bà gửi một ảnh chụp bình thường bằng camera điện thoại, hoặc chụp màn hình giấy tờ rồi gửi ảnh chụp màn hình đó.
