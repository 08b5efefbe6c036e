## Routing by competence (bot/engine/routing.py): which office receives the dossier, and where to file when no
## office of this deployment serves the commune the answers name.

# A line at the end of the review's answers.
review-office =
    {""}
    📍 Hồ sơ sẽ được gửi đến: { $office } – { $address }
# The review when no office here serves the communes: nothing to send, where to file instead.
review-outside =
    📋 Xem lại hồ sơ { $title }:
    { $lines }

    ⚠️ { $outside }
routing-outside =
    Hệ thống này không tiếp nhận hồ sơ của { $count ->
        [1] xã, phường theo địa chỉ sau
       *[other] các xã, phường theo địa chỉ sau
    }:
    { $places }
    Hồ sơ này chưa gửi được qua Hệ thống. Ông/Bà có thể nộp hồ sơ trên Cổng Dịch vụ công quốc gia { $portal } hoặc nộp trực tiếp tại Trung tâm Phục vụ hành chính công của { $count ->
        [1] xã, phường đó
       *[other] một trong các xã, phường đó
    }.
    Nếu địa chỉ chưa đúng, mời Ông/Bà chọn “✏️ Sửa” để khai lại.
routing-place = • { $label }: { $commune }
routing-fix = ✏️ Sửa “{ $label }”
# Told right after the last answer that decides the office, before the next question.
routing-outside-note =
    { $outside }
    Ông/Bà cũng có thể khai tiếp và sửa sau, nhưng hồ sơ chỉ gửi được khi có địa chỉ thuộc xã, phường Hệ thống tiếp nhận.
routing-not-sent = Hồ sơ chưa được gửi: Hệ thống này không tiếp nhận hồ sơ của xã, phường theo địa chỉ đã khai.
routing-not-received = Hồ sơ chưa được gửi: Hệ thống này không tiếp nhận hồ sơ của xã, phường theo địa chỉ đã khai. Ông/Bà có thể nộp hồ sơ trên Cổng Dịch vụ công quốc gia { $portal }, hoặc gõ /review để xem lại và sửa địa chỉ.
# The receiving office on the receipt ("Nơi tiếp nhận: ...").
receipt-office =
    { $name }
    Địa chỉ: { $address }
    Giờ làm việc: { $hours }
