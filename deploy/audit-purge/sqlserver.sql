-- Purges audit entries older than two years (docs/security.md, "Audit log"). The log is append-only: the trigger that
-- refuses deletes is disabled and enabled again inside one transaction, so nothing else can change the log meanwhile.
-- Run as the DBA in a maintenance window: sqlcmd -b -i sqlserver.sql. Export what you delete first if it must be kept
-- elsewhere. Change DATEADD to your retention rule.
SET XACT_ABORT ON;
BEGIN TRANSACTION;
DISABLE TRIGGER [Audit_Entries_append_only] ON [Audit_Entries];
DELETE FROM [Audit_Entries] WHERE [At] < DATEADD(year, -2, SYSUTCDATETIME());
ENABLE TRIGGER [Audit_Entries_append_only] ON [Audit_Entries];
COMMIT;
