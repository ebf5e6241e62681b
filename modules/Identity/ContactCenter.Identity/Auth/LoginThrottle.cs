using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Identity.Auth;

/// <summary>
/// Slows down wrong passwords where they come from, instead of locking the account (which let anyone keep the admin
/// out by typing wrong passwords). Two counters, each with growing holds once its free failures are spent:
/// <list type="bullet">
/// <item>per login name and source (the client address, or "a browser this user logged in from before"): a few free
/// failures, then 1 s, 2 s, 4 s … up to <see cref="MaxHold"/>. The same name from another address or from a known
/// browser is not held.</item>
/// <item>per client address, whatever the name: more free failures, then the same growing holds, so one address
/// cannot try a password on every name. Known browsers are not held by it.</item>
/// </list>
/// A held attempt is not checked and not counted; it is answered exactly like a wrong password. The counters live in
/// this node's memory: a restart forgets them, and each node of a cluster counts on its own (see docs/security.md).
/// </summary>
internal sealed class LoginThrottle(TimeProvider clock, ILogger<LoginThrottle> logger)
{
    public const int FreeFailuresPerLogin = 3;
    public const int FreeFailuresPerAddress = 20;
    public static readonly TimeSpan MaxHold = TimeSpan.FromMinutes(15);

    /// <summary>A counter with no failure for this long starts again from zero.</summary>
    public static readonly TimeSpan Forget = TimeSpan.FromHours(1);

    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    /// <summary>Whether an attempt may be checked now; logs the refusal when it may not.</summary>
    public bool IsHeld(LoginSource source)
    {
        var now = clock.GetUtcNow();
        var held = HeldUntil(LoginKey(source), now) ?? (source.KnownBrowser ? null : HeldUntil(AddressKey(source), now));
        if (held is { } until)
        {
            logger.LogInformation(
                "{SecurityEvent}: a login for {UserName} from {ClientAddress} was refused unchecked, held until {HeldUntil:o}",
                "login_held", source.UserName, source.ClientAddress, until);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Counts a wrong password (or an unknown name) against the login and the address; logs every hold it starts and
    /// returns them, for the audit log.
    /// </summary>
    public IReadOnlyList<LoginHold> RecordFailure(LoginSource source)
    {
        var now = clock.GetUtcNow();
        Prune(now);
        var holds = new List<LoginHold>(2);
        Fail(LoginKey(source), FreeFailuresPerLogin, now, source, "login_throttled", holds);
        if (!source.KnownBrowser)
        {
            Fail(AddressKey(source), FreeFailuresPerAddress, now, source, "address_throttled", holds);
        }

        return holds;
    }

    /// <summary>The right password: this login starts afresh from this source (the address keeps its count).</summary>
    public void RecordSuccess(LoginSource source) => _counters.TryRemove(LoginKey(source), out _);

    private static string LoginKey(LoginSource source) =>
        $"login\n{source.UserName}\n{(source.KnownBrowser ? "known-browser" : source.ClientAddress)}";

    private static string AddressKey(LoginSource source) => $"address\n{source.ClientAddress}";

    private DateTimeOffset? HeldUntil(string key, DateTimeOffset now) =>
        _counters.TryGetValue(key, out var counter) && counter.HeldUntil > now ? counter.HeldUntil : null;

    private void Fail(string key, int free, DateTimeOffset now, LoginSource source, string securityEvent, List<LoginHold> holds)
    {
        var counter = _counters.AddOrUpdate(
            key,
            _ => Counter.First(now),
            (_, known) => known.Next(now, free));
        if (counter.HeldUntil > now)
        {
            logger.LogWarning(
                "{SecurityEvent}: {Failures} failed logins for {UserName} from {ClientAddress}; the next attempt is held until {HeldUntil:o}",
                securityEvent, counter.Failures, source.UserName, source.ClientAddress, counter.HeldUntil);
            holds.Add(new LoginHold(securityEvent, counter.Failures, counter.HeldUntil.UtcDateTime));
        }
    }

    /// <summary>Forgotten counters go, so a flood of made-up names cannot grow the table without end.</summary>
    private void Prune(DateTimeOffset now)
    {
        if (_counters.Count < MaxEntries)
        {
            return;
        }

        foreach (var (key, counter) in _counters)
        {
            if (now - counter.LastFailure > Forget && counter.HeldUntil <= now)
            {
                _counters.TryRemove(key, out _);
            }
        }
    }

    private sealed record Counter(int Failures, DateTimeOffset LastFailure, DateTimeOffset HeldUntil)
    {
        public static Counter First(DateTimeOffset now) => new(1, now, DateTimeOffset.MinValue);

        /// <summary>Past the free failures each one holds twice as long as the one before: 1 s, 2 s, 4 s … 15 min.</summary>
        public Counter Next(DateTimeOffset now, int free)
        {
            var failures = now - LastFailure > Forget ? 1 : Failures + 1;
            var over = failures - free;
            var hold = over <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, over - 1), MaxHold.TotalSeconds));
            return new Counter(failures, now, over <= 0 ? DateTimeOffset.MinValue : now + hold);
        }
    }
}

/// <summary>Who tries to log in, from where: the normalized name, the client's address and whether the browser is known.</summary>
internal sealed record LoginSource(string UserName, string ClientAddress, bool KnownBrowser);

/// <summary>A hold a failure started: <c>login_throttled</c> (this name from this source) or <c>address_throttled</c>.</summary>
internal sealed record LoginHold(string SecurityEvent, int Failures, DateTime HeldUntil);
