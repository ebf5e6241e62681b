namespace ContactCenter.Fixtures.Widgets.Domain;

/// <summary>Keeps the table rule (mapped to Widgets_Widgets) and the entity rule (in the module's Domain namespace).</summary>
internal sealed class Widget
{
    public Guid Id { get; set; }
}
