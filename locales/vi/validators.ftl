## Answer validators (flows/validators.py): what the citizen is told when an answer cannot be accepted.
## Every message says what is expected; most give a valid example in $example.

invalid-person-name-length = Họ tên cần dài từ { $min } đến { $max } ký tự. Ông/Bà vui lòng gõ lại họ tên đầy đủ, ví dụ: { $example }
invalid-person-name-chars = Họ tên chỉ gồm chữ cái (có dấu) và dấu cách, không có chữ số hay ký hiệu (Ông/Bà đã gõ: { $chars }). Ông/Bà vui lòng gõ lại, ví dụ: { $example }

invalid-free-text-empty = Ông/Bà chưa gõ nội dung. Vui lòng gõ câu trả lời bằng chữ.
invalid-free-text-too-long = Nội dung dài { $length } ký tự, quá giới hạn { $max } ký tự. Ông/Bà vui lòng viết ngắn gọn hơn.

invalid-address-length = Địa chỉ cần dài từ { $min } đến { $max } ký tự. Ông/Bà vui lòng gõ đủ số nhà, thôn/xóm hoặc đường phố, xã/phường, ví dụ: { $example }
invalid-address = Địa chỉ cần có tên thôn/xóm, đường phố hoặc xã/phường, không chỉ có số. Ví dụ: { $example }

invalid-date = Ngày chưa đúng dạng. Ông/Bà vui lòng gõ theo dạng ngày/tháng/năm, năm đủ 4 chữ số, ví dụ: { $example }
invalid-date-or-year = Ông/Bà vui lòng gõ ngày/tháng/năm, ví dụ: { $example }. Nếu chỉ nhớ năm, hãy gõ năm đủ 4 chữ số, ví dụ: { $example_year }
invalid-date-nonexistent = Không có ngày { $input } trên lịch. Ông/Bà vui lòng kiểm tra lại ngày và tháng, ví dụ: { $example }
invalid-date-future = Ngày này chưa tới (hôm nay là { $today }). Ông/Bà vui lòng kiểm tra lại, ví dụ: { $example }
invalid-date-too-late = Ngày này quá xa: muộn nhất là { $latest } (trong vòng { $days } ngày tới). Ông/Bà vui lòng chọn ngày sớm hơn, ví dụ: { $example }
invalid-date-too-early = Năm phải từ { $min_year } trở về sau. Ông/Bà vui lòng kiểm tra lại, ví dụ: { $example }
invalid-year-future = Năm { $year } chưa tới. Ông/Bà vui lòng kiểm tra lại, ví dụ: { $example }
note-late-registration = Ngày này đã qua { $days } ngày, quá thời hạn { $limit } ngày, nên hồ sơ là đăng ký quá hạn. Thủ tục vẫn như bình thường; có thể phải nộp lệ phí theo quy định của địa phương.

invalid-personal-id = Số định danh cá nhân chỉ gồm 12 chữ số, in trên thẻ căn cước (CCCD). Ông/Bà vui lòng gõ lại, ví dụ: { $example }
invalid-personal-id-length = Số định danh cá nhân có đúng 12 chữ số; Ông/Bà đã gõ { $length } chữ số. Ông/Bà vui lòng xem lại số trên thẻ căn cước, ví dụ: { $example }
invalid-personal-id-province = Ba chữ số đầu ({ $code }) không phải là mã tỉnh. Ông/Bà vui lòng xem lại số trên thẻ căn cước, ví dụ: { $example }
invalid-personal-id-century = Chữ số thứ tư ({ $digit }) chỉ có thể từ 0 đến 5. Ông/Bà vui lòng xem lại số trên thẻ căn cước, ví dụ: { $example }
invalid-personal-id-future-year = Số này ứng với năm sinh { $year }, là năm chưa tới. Ông/Bà vui lòng xem lại số trên thẻ căn cước, ví dụ: { $example }
invalid-personal-id-year-mismatch = Số định danh này ứng với năm sinh { $id_year }, nhưng năm sinh đã khai là { $stated_year }. Ông/Bà vui lòng kiểm tra lại số định danh (chữ số thứ 4 đến thứ 6) hoặc ngày sinh đã khai.
invalid-personal-id-sex-mismatch =
    Số định danh này là của { $id_sex ->
        [male] nam
       *[other] nữ
    }, nhưng giới tính đã khai là { $stated_sex ->
        [male] nam
       *[other] nữ
    }. Ông/Bà vui lòng kiểm tra lại số định danh (chữ số thứ tư) hoặc giới tính đã khai.

invalid-phone = Số điện thoại chưa đúng. Số di động có 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09; số cố định có 11 chữ số, bắt đầu bằng 02. Ví dụ: { $example }
invalid-email = Địa chỉ email chưa đúng dạng. Ông/Bà vui lòng gõ lại, ví dụ: { $example }

invalid-business-name = Ông/Bà vui lòng gõ tên riêng của hộ kinh doanh (có chữ cái hoặc chữ số), ví dụ: { $example }. Cụm từ “Hộ kinh doanh” sẽ được tự thêm vào.
invalid-business-name-length = Tên riêng của hộ kinh doanh dài tối đa { $max } ký tự. Ông/Bà vui lòng chọn tên ngắn hơn, ví dụ: { $example }
invalid-business-name-chars = Tên hộ kinh doanh chỉ dùng chữ cái tiếng Việt, F, J, W, Z, chữ số và các ký hiệu & - . , ' ( ) /. Không dùng được: { $chars }. Ví dụ: { $example }
invalid-business-name-forbidden = Tên hộ kinh doanh không được có cụm từ “{ $word }”. Ông/Bà vui lòng chọn tên khác, ví dụ: { $example }
invalid-business-name-offensive = Tên hộ kinh doanh không được dùng từ ngữ thô tục. Ông/Bà vui lòng chọn tên khác, ví dụ: { $example }
invalid-business-name-taken = Tên “{ $name }” đã có hộ kinh doanh khác đăng ký. Ông/Bà vui lòng chọn tên khác, chẳng hạn thêm tên chủ hộ kinh doanh hoặc tên thôn/xóm, ví dụ: { $example }

invalid-vsic-code = Mã ngành kinh doanh gồm 4 chữ số theo Hệ thống ngành kinh tế Việt Nam (VSIC 2018). Ví dụ: { $example }
invalid-vsic-code-unknown = Không có mã ngành cấp 4 nào là { $code } trong danh mục VSIC 2018. Ông/Bà vui lòng kiểm tra lại, ví dụ: { $example }

invalid-money = Số tiền chưa đúng. Ông/Bà vui lòng gõ số tiền bằng đồng, ví dụ: { $example } (hoặc 50.000.000, 1,5 tỷ, 500 nghìn).
invalid-money-positive = Số tiền phải lớn hơn 0. Ông/Bà vui lòng gõ lại, ví dụ: { $example }
invalid-money-too-small = Số tiền phải từ { $min } trở lên. Ông/Bà vui lòng gõ lại, ví dụ: { $example }
invalid-money-too-large = Số tiền không được quá { $max }. Ông/Bà vui lòng gõ lại, ví dụ: { $example }

invalid-positive-int = Ông/Bà vui lòng gõ một số nguyên bằng chữ số (0, 1, 2, ...), ví dụ: { $example }
invalid-positive-int-too-large = Số này không được lớn hơn { $max }. Ông/Bà vui lòng gõ lại, ví dụ: { $example }
invalid-ethnicity = Chưa nhận ra tên dân tộc. Ông/Bà gõ tên một trong 54 dân tộc Việt Nam, ví dụ: { $example }.
invalid-nationality = Quốc tịch chỉ gồm chữ cái, ví dụ: { $example }.
invalid-tax-code = Mã số thuế cá nhân gồm 10 chữ số (hoặc số định danh 12 số), ví dụ: { $example }. Không có thì chọn "Bỏ qua".

## Text hygiene (flows/text_hygiene.py): characters refused in any typed text, whatever the question.
invalid-text-control = Nội dung có ký tự điều khiển không hiển thị được (thường do dán từ ứng dụng khác). Ông/Bà vui lòng gõ lại trực tiếp bằng chữ, chữ số và dấu câu thông thường.
invalid-text-direction = Nội dung có ký tự ẩn làm đảo chiều hiển thị chữ (thường do dán từ ứng dụng khác). Ông/Bà vui lòng gõ lại trực tiếp bằng chữ, chữ số và dấu câu thông thường.
invalid-text-invisible = Nội dung có ký tự ẩn không hiển thị được. Ông/Bà vui lòng gõ lại trực tiếp bằng chữ, chữ số và dấu câu thông thường.
invalid-text-marks = Nội dung có quá nhiều dấu chồng lên một chữ, hoặc dấu không đứng sau chữ nào. Mỗi chữ tiếng Việt chỉ có tối đa một dấu thanh và một dấu mũ/móc, ví dụ: ệ, ở. Ông/Bà vui lòng gõ lại.

## Placeholders, old ID cards and names without diacritics (issue 11).
invalid-placeholder-name = “Như trên”, “nt”, “x” hay “-” không thay được họ tên: họ tên được ghi nguyên văn vào giấy tờ. Ông/Bà vui lòng gõ đầy đủ họ tên, ví dụ: { $example }
invalid-placeholder-address = “Như trên”, “nt”, “x” hay “-” không thay được địa chỉ: địa chỉ được ghi nguyên văn vào giấy tờ. Ông/Bà vui lòng gõ đầy đủ địa chỉ, ví dụ: { $example }
invalid-personal-id-old-cmnd = Số có 9 chữ số là số chứng minh nhân dân (CMND) cũ. Ông/Bà vui lòng gõ số định danh cá nhân 12 chữ số in trên thẻ căn cước, ví dụ: { $example }
confirm-name-no-diacritics = Họ tên được gõ không có dấu. Tên sẽ ghi trên giấy tờ: { $name } — đúng chưa?
vsic-search-found =
    Hệ thống tìm thấy { $count } ngành phù hợp với “{ $query }”:
    { $lines }
    Ông/Bà chọn mã ngành bên dưới (hoặc gõ mã), hoặc gõ từ khác để tìm lại.
vsic-search-none = Hệ thống không tìm thấy ngành nào phù hợp với “{ $query }”. Ông/Bà thử gõ từ khác (ví dụ: bán tạp hóa, cà phê, sửa xe, cắt tóc) hoặc mã 4 số, ví dụ: { $example }
invalid-birth-date-under-age = Theo ngày sinh này, người được khai mới { $age } tuổi, chưa đủ { $min_age } tuổi (đủ { $min_age } tuổi vào ngày { $date }) nên chưa thể đứng tên. Ông/Bà vui lòng kiểm tra lại ngày sinh.
invalid-passport-number = Số hộ chiếu gồm 5–20 chữ cái và chữ số, ví dụ: { $example }.
