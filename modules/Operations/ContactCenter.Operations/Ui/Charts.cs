using System.Globalization;

namespace ContactCenter.Operations.Ui;

/// <summary>
/// The geometry of the "Operação" page's SVG charts, drawn by the server and pushed over the circuit: no script, no
/// external library, nothing the Content-Security-Policy would refuse.
/// </summary>
internal static class Charts
{
    public const double Width = 600;
    public const double Height = 180;

    /// <summary>Room for the axis labels on the left and at the bottom.</summary>
    public const double Left = 44;
    public const double Bottom = 20;

    /// <summary>A "nice" top for the y axis (1, 2, 5 × 10ⁿ) at or above <paramref name="max"/>, so the scale reads at a glance.</summary>
    public static double NiceTop(double max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1, 2, 5, 10 })
        {
            if (step * magnitude >= max)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }

    /// <summary>The <c>points</c> of a polyline through <paramref name="values"/>, evenly spread across the plot.</summary>
    public static string Line(IReadOnlyList<double> values, double top)
    {
        if (values.Count == 0)
        {
            return string.Empty;
        }

        var step = values.Count == 1 ? 0 : (Width - Left) / (values.Count - 1);
        return string.Join(' ', values.Select((v, i) => Point(Left + (i * step), Y(v, top))));
    }

    /// <summary>The plot's y for a value under a scale of <paramref name="top"/>.</summary>
    public static double Y(double value, double top) => Height - Bottom - ((Height - Bottom - 4) * Math.Clamp(value / top, 0, 1));

    /// <summary>The length of a horizontal bar of <paramref name="value"/> under a scale of <paramref name="top"/>, out of <paramref name="full"/>.</summary>
    public static double Bar(double value, double top, double full) => top <= 0 ? 0 : full * Math.Clamp(value / top, 0, 1);

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Point(double x, double y) => Number(x) + "," + Number(y);
}
