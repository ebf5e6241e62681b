-- Purges audit entries older than two years (docs/security.md, "Audit log"). The log is append-only: the trigger that
-- refuses deletes is dropped and created again inside one transaction, so nothing else can change the log meanwhile.
-- Stop the service and back the database file up first; then: sqlite3 contactcenter.db < sqlite.sql
-- Change the modifier to your retention rule.
BEGIN;
DROP TRIGGER "Audit_Entries_no_delete";
DELETE FROM "Audit_Entries" WHERE "At" < strftime('%Y-%m-%d %H:%M:%S', 'now', '-2 years');
CREATE TRIGGER "Audit_Entries_no_delete" BEFORE DELETE ON "Audit_Entries"
BEGIN SELECT RAISE(ABORT, 'Audit_Entries is append-only'); END;
COMMIT;
