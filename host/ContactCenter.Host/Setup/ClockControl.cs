using ContactCenter.Kernel.Identity;

namespace ContactCenter.Host.Setup;

/// <summary>
/// The product's clock. Normally the system clock. With <c>ContactCenter:Testing:ClockControl=true</c> (browser tests of
/// a whole working day, demos of the 24-hour window) it is the system clock plus an offset that an admin may move forward
/// from the machine itself with <c>POST /testing/clock</c> — never set on a real installation: every timer and window
/// follows it.
/// </summary>
internal static class ClockControl
{
    public const string Setting = "ContactCenter:Testing:ClockControl";

    public static void AddClock(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue(Setting, false))
        {
            var clock = new MovableClock();
            builder.Services.AddSingleton(clock);
            builder.Services.AddSingleton<TimeProvider>(clock);
        }
        else
        {
            builder.Services.AddSingleton(TimeProvider.System);
        }
    }

    public static void MapClockControl(this WebApplication app)
    {
        if (app.Services.GetService<MovableClock>() is not { } clock)
        {
            return;
        }

        app.Logger.LogInformation("Clock control is on ({Setting}): admins on this machine can move the product's clock forward.", Setting);
        app.MapPost("/testing/clock", IResult (AdvanceRequest request, HttpContext http) =>
            {
                // Loopback only: even an admin elsewhere must not be able to expire every window at once.
                if (http.Connection.RemoteIpAddress is not { } address || !System.Net.IPAddress.IsLoopback(address))
                {
                    return TypedResults.Problem(statusCode: 403, title: "Clock control answers only on this machine.", extensions: new Dictionary<string, object?> { ["code"] = "forbidden" });
                }

                if (request.Minutes is not (> 0 and <= 60 * 24 * 31))
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["minutes"] = ["Move the clock forward by 1 minute to 31 days."] });
                }

                clock.Advance(TimeSpan.FromMinutes(request.Minutes));
                return TypedResults.Ok(new { now = clock.GetUtcNow() });
            })
            .RequireAuthorization(Policies.Admin)
            .ExcludeFromDescription();
    }

    internal sealed record AdvanceRequest(int Minutes);

    /// <summary>System time plus an offset that only grows, so nothing sees time go backwards.</summary>
    internal sealed class MovableClock : TimeProvider
    {
        private long _offsetTicks;

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

        public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
