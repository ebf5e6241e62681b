using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ContactCenter.Host.Tests.Database;

/// <summary>
/// The product's schema as the database itself reports it (tables, columns, keys, indexes), as sorted
/// lines, so two databases can be compared whatever created them. Quartz's tables, EF's history and SQL Server's notices
/// table (the notice listener's, not the model's) are left out.
/// </summary>
internal static class SchemaSnapshot
{
    public static async Task<List<string>> ReadAsync(DbConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        var lines = connection switch
        {
            SqliteConnection => await ReadSqliteAsync(connection),
            SqlConnection => await ReadSqlServerAsync(connection),
            _ => await ReadPostgresAsync(connection),
        };
        return lines.Where(l => !l.StartsWith("qrtz_", StringComparison.OrdinalIgnoreCase)
                && !l.StartsWith("__EFMigrations", StringComparison.Ordinal)
                && !l.StartsWith("ContactCenter_Notices", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static async Task<List<string>> ReadSqliteAsync(DbConnection connection)
    {
        var lines = new List<string>();
        foreach (var table in await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
        {
            var name = table[0];
            foreach (var c in await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{name}')"))
            {
                lines.Add($"{name} column {c[0]} {c[1]} {(c[2] == "1" ? "not null" : "null")}{(c[3] != "0" ? " pk" + c[3] : string.Empty)}");
            }

            foreach (var i in await QueryAsync(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{name}')"))
            {
                var columns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{i[0]}') ORDER BY seqno");
                var indexName = i[2] == "pk" ? "(primary key)" : i[0];
                lines.Add($"{name} index {indexName} {(i[1] == "1" ? "unique " : string.Empty)}({string.Join(",", columns.Select(x => x[0]))})");
            }

            foreach (var f in await QueryAsync(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{name}')"))
            {
                lines.Add($"{name} fk {f[1]} -> {f[0]}.{f[2]} on delete {f[3]}");
            }
        }

        return lines;
    }

    private static async Task<List<string>> ReadPostgresAsync(DbConnection connection)
    {
        var lines = new List<string>();
        foreach (var c in await QueryAsync(connection, """
            SELECT table_name, column_name, data_type, COALESCE(character_maximum_length::text, ''), is_nullable
            FROM information_schema.columns WHERE table_schema = 'public'
            """))
        {
            lines.Add($"{c[0]} column {c[1]} {c[2]}{(c[3].Length > 0 ? $"({c[3]})" : string.Empty)} {(c[4] == "NO" ? "not null" : "null")}");
        }

        foreach (var i in await QueryAsync(connection, "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"))
        {
            lines.Add($"{i[0]} index {i[1]} {i[2][i[2].IndexOf(" USING ", StringComparison.Ordinal)..]}{(i[2].Contains("UNIQUE", StringComparison.Ordinal) ? " unique" : string.Empty)}");
        }

        foreach (var f in await QueryAsync(connection, """
            SELECT tc.table_name, tc.constraint_name, tc.constraint_type, rc.delete_rule
            FROM information_schema.table_constraints tc
            LEFT JOIN information_schema.referential_constraints rc ON rc.constraint_name = tc.constraint_name
            WHERE tc.table_schema = 'public' AND tc.constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY', 'UNIQUE')
            """))
        {
            lines.Add($"{f[0]} constraint {f[1]} {f[2]} {f[3]}");
        }

        return lines;
    }

    private static async Task<List<string>> ReadSqlServerAsync(DbConnection connection)
    {
        var lines = new List<string>();
        foreach (var c in await QueryAsync(connection, """
            SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, COALESCE(CAST(CHARACTER_MAXIMUM_LENGTH AS varchar(20)), ''), IS_NULLABLE
            FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'dbo'
            """))
        {
            lines.Add($"{c[0]} column {c[1]} {c[2]}{(c[3].Length > 0 ? $"({c[3]})" : string.Empty)} {(c[4] == "NO" ? "not null" : "null")}");
        }

        foreach (var i in await QueryAsync(connection, """
            SELECT t.name, i.name, i.is_unique, COALESCE(i.filter_definition, ''),
                   STRING_AGG(c.name, ',') WITHIN GROUP (ORDER BY ic.key_ordinal)
            FROM sys.indexes i
            JOIN sys.tables t ON t.object_id = i.object_id
            JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.is_included_column = 0
            JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
            WHERE SCHEMA_NAME(t.schema_id) = 'dbo'
            GROUP BY t.name, i.name, i.is_unique, i.filter_definition
            """))
        {
            lines.Add($"{i[0]} index {i[1]} ({i[4]}){(i[2] == "True" ? " unique" : string.Empty)}{(i[3].Length > 0 ? " where " + i[3] : string.Empty)}");
        }

        foreach (var f in await QueryAsync(connection, """
            SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, COALESCE(rc.DELETE_RULE, '')
            FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
            LEFT JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc ON rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
            WHERE tc.TABLE_SCHEMA = 'dbo' AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'FOREIGN KEY', 'UNIQUE')
            """))
        {
            lines.Add($"{f[0]} constraint {f[1]} {f[2]} {f[3]}");
        }

        return lines;
    }

    private static async Task<List<string[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[i] = reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            }

            rows.Add(row);
        }

        return rows;
    }
}
