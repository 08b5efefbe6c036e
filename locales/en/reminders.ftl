# Reminders (bot/reminders.py): the citizen on the working day before the appointment, each office in the
# morning of the legal due date.
reminder-pickup =
    🔔 { $day } ({ $date }) you can collect the result of dossier { $code } ({ $title }) at { $office }, { $address } ({ $hours }).
    Please bring your ID card and the originals of the documents you photographed:
    { $documents }
    { $fee }
reminder-tomorrow = Tomorrow
reminder-weekday = Next { $n ->
        [0] Monday
        [1] Tuesday
        [2] Wednesday
        [3] Thursday
        [4] Friday
        [5] Saturday
       *[6] Sunday
    }
reminder-due-today =
    📅 Today ({ $date }) { $count } open dossiers of { $office } reach their legal due date:
    { $lines }
reminder-due-line = • { $code } – { $title } – { $status }
