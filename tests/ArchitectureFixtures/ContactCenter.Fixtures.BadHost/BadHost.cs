using System.Reflection;
using ContactCenter.Fixtures.Widgets;
using ContactCenter.Plugins.FixtureBad;

namespace ContactCenter.Fixtures.BadHost;

public static class BadHost
{
    public static FixtureBadPlugin Create() => new();

    /// <summary>Breaks the host UI rule: names a module's page by type...</summary>
    public static Type Page => typeof(WidgetList);

    /// <summary>...and finds a module's widget by its type name.</summary>
    public static Type? HeaderWidget(Assembly module) => module.GetType("ContactCenter.Fixtures.Widgets.WidgetMenu");
}
