# Each office sees its own (bot/backoffice.py: permissions, per-office commands, the supervisors' digest).
admin-other-office = Hồ sơ này thuộc { $office }. Ông/Bà không phải cán bộ của đơn vị này nên không thao tác được.
admin-pending-more = … và { $count } hồ sơ khác
admin-scope-all = tất cả { $count } đơn vị
admin-scoped =
    🏢 { $scope }
    { $body }
admin-pending-of =
    🏢 { $office }
    📋 Hồ sơ đang chờ xử lý: { $count }
    { $lines }
digest =
    📊 Tổng hợp ngày { $day } — { $province }
    Nhận hôm nay: { $received } · Đang chờ xử lý: { $waiting } · Quá hạn: { $overdue }
    Hồ sơ quá hạn:
    { $overdue_lines }
digest-offices =
    🏢 Theo đơn vị ({ $first }–{ $last }/{ $total }):
    { $lines }
digest-overdue-line = ⚠️ { $code } · { $office } · { $title } · hạn giải quyết { $due }
digest-no-overdue = (không có)
digest-office = { $mark }{ $office }: nhận hôm nay { $received } · đang chờ { $waiting } · quá hạn { $overdue }
