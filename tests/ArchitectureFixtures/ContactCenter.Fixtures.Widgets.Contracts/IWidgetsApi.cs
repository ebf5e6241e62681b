using ContactCenter.Kernel.Values;

namespace ContactCenter.Fixtures.Widgets.Contracts;

public interface IWidgetsApi
{
    Task<WidgetSummary?> FindAsync(Guid id, CancellationToken cancellationToken);
}

public sealed record WidgetSummary(Guid Id, EmailAddress Owner);
