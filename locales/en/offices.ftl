# Each office sees its own (bot/backoffice.py: permissions, per-office commands, the supervisors' digest).
admin-other-office = This dossier belongs to { $office }. You are not one of its officials, so you cannot act on it.
admin-pending-more = … and { $count } more
admin-scope-all = all { $count } offices
admin-scoped =
    🏢 { $scope }
    { $body }
admin-pending-of =
    🏢 { $office }
    📋 Dossiers waiting: { $count }
    { $lines }
digest =
    📊 Summary of { $day } — { $province }
    Received today: { $received } · Waiting: { $waiting } · Overdue: { $overdue }
    Overdue dossiers:
    { $overdue_lines }
digest-offices =
    🏢 By office ({ $first }–{ $last } of { $total }):
    { $lines }
digest-overdue-line = ⚠️ { $code } · { $office } · { $title } · due date { $due }
digest-no-overdue = (none)
digest-office = { $mark }{ $office }: received today { $received } · waiting { $waiting } · overdue { $overdue }
