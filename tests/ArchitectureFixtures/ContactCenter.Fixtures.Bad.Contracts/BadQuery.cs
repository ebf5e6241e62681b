using ContactCenter.Fixtures.Widgets;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Fixtures.Bad.Contracts;

/// <summary>Breaks rule b twice: EF Core and another module's implementation in a public contract.</summary>
public sealed record BadQuery(DbContext Context, WidgetsModule Module);
