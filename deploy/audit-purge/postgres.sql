-- Purges audit entries older than two years (docs/security.md, "Audit log"). The log is append-only: the trigger that
-- refuses deletes is switched off and on again inside one transaction, so nothing else can change the log meanwhile.
-- Run as the DBA in a maintenance window: psql -v ON_ERROR_STOP=1 -f postgres.sql. Export what you delete first if it
-- must be kept elsewhere. Change the interval to your retention rule.
BEGIN;
ALTER TABLE "Audit_Entries" DISABLE TRIGGER "Audit_Entries_append_only";
DELETE FROM "Audit_Entries" WHERE "At" < now() - interval '2 years';
ALTER TABLE "Audit_Entries" ENABLE TRIGGER "Audit_Entries_append_only";
COMMIT;
