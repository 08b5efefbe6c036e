# Reminders (bot/reminders.py): the citizen on the working day before the appointment (ngày hẹn trả kết quả),
# each office in the morning of the legal due date (hạn giải quyết).
reminder-pickup =
    🔔 { $day } ({ $date }) Ông/Bà có thể nhận kết quả hồ sơ { $code } ({ $title }) tại { $office }, { $address } ({ $hours }).
    Mời Ông/Bà mang theo căn cước và bản chính các giấy tờ đã chụp để đối chiếu:
    { $documents }
    { $fee }
reminder-tomorrow = Ngày mai
reminder-weekday = { $n ->
        [0] Thứ Hai
        [1] Thứ Ba
        [2] Thứ Tư
        [3] Thứ Năm
        [4] Thứ Sáu
        [5] Thứ Bảy
       *[6] Chủ nhật
    } tới
reminder-due-today =
    📅 Hôm nay ({ $date }) đến hạn giải quyết { $count } hồ sơ của { $office } chưa xong:
    { $lines }
reminder-due-line = • { $code } – { $title } – { $status }
