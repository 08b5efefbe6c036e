"""The 54 ethnic groups recognised in Vietnam (Danh mục các dân tộc Việt Nam), with common spellings."""

ETHNIC_GROUPS = (
    "Kinh", "Tày", "Thái", "Mường", "Khmer", "Hoa", "Nùng", "Mông", "Dao", "Gia Rai", "Ê Đê", "Ba Na",
    "Sán Chay", "Chăm", "Cơ Ho", "Xơ Đăng", "Sán Dìu", "Hrê", "Ra Glai", "Mnông", "Thổ", "Xtiêng",
    "Khơ Mú", "Bru - Vân Kiều", "Cơ Tu", "Giáy", "Tà Ôi", "Mạ", "Giẻ Triêng", "Co", "Chơ Ro",
    "Xinh Mun", "Hà Nhì", "Chu Ru", "Lào", "La Chí", "Kháng", "Phù Lá", "La Hủ", "La Ha", "Pà Thẻn",
    "Lự", "Ngái", "Chứt", "Lô Lô", "Mảng", "Cơ Lao", "Bố Y", "Cống", "Si La", "Pu Péo", "Rơ Măm",
    "Brâu", "Ơ Đu",
)

# Other names people commonly write, mapped to the official one.
ALIASES = {
    "Việt": "Kinh", "H'Mông": "Mông", "Hmông": "Mông", "Mèo": "Mông", "Khơ-me": "Khmer", "Khơme": "Khmer",
    "Ê-đê": "Ê Đê", "Êđê": "Ê Đê", "Jrai": "Gia Rai", "Bana": "Ba Na", "Vân Kiều": "Bru - Vân Kiều",
    "Bru": "Bru - Vân Kiều", "Xơ-đăng": "Xơ Đăng", "Raglai": "Ra Glai", "M'Nông": "Mnông", "Stiêng": "Xtiêng",
    "Khơ-mú": "Khơ Mú", "Katu": "Cơ Tu", "Tà-ôi": "Tà Ôi", "Churu": "Chu Ru", "Pà Hưng": "Pà Thẻn",
}
