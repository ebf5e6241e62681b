using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ContactCenter.Kernel.Data;

/// <summary>SQLite hands DateTime back as Unspecified; every instant we store is UTC, so say so on the way out.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

/// <inheritdoc cref="UtcDateTimeConverter"/>
public sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
    v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
    v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
