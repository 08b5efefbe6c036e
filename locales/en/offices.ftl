# Each office sees its own (bot/backoffice.py: permissions, per-office commands, the supervisors' digest).
admin-other-office = This dossier belongs to { $office }. You are not one of its officials, so you cannot act on it.
admin-pending-office = 🏢 { $office }: { $count } dossier(s) waiting
admin-pending-more = … and { $count } more
admin-scope-all = all { $count } offices
admin-scoped =
    🏢 { $scope }
    { $body }
    { $offices }
digest =
    📊 Summary of { $day } — { $province }
    Received today: { $received } · Waiting: { $waiting } · Overdue: { $overdue }
    Overdue dossiers:
    { $overdue_lines }
    By office:
    { $offices }
digest-overdue-line = ⚠️ { $code } · { $office } · { $title } · due { $due }
digest-no-overdue = (none)
digest-office = { $mark }{ $office }: received today { $received } · waiting { $waiting } · overdue { $overdue }
