using ContactCenter.Channels.Sdk;

namespace ContactCenter.Channels.Conformance;

public abstract partial class ChannelConformanceSuite
{
    /// <summary>A declared handshake is answered, a wrong token refused; ordinary requests are no handshake.</summary>
    [Fact]
    public void Handshake_is_answered_only_when_genuine()
    {
        var adapter = CreateAdapter();
        foreach (var recorded in Recorded())
        {
            Assert.True(adapter.Handshake(recorded.Request) is null, $"{recorded.Name} is a webhook, yet Handshake answered it.");
        }

        if (Handshake is not { } handshake)
        {
            return;
        }

        var answer = adapter.Handshake(handshake.Valid);
        Assert.NotNull(answer);
        Assert.Equal(200, answer.StatusCode);
        Assert.Equal(handshake.ExpectedBody, answer.Body);
        var refused = adapter.Handshake(handshake.WrongToken);
        Assert.True(refused is { StatusCode: not 200 }, "A handshake with a wrong token must be answered with an error status.");
    }

    /// <summary>Every recorded (genuine) request passes the signature check.</summary>
    [Fact]
    public void Recorded_requests_verify()
    {
        var adapter = CreateAdapter();
        var failures = Recorded().Where(r => !adapter.VerifySignature(r.Request)).Select(r => r.Name).ToList();
        NoFailures(failures, "recorded requests failed the signature check");
    }

    /// <summary>A changed body, a missing signature and a garbled signature are all refused.</summary>
    [Fact]
    public void Forged_or_missing_signatures_are_refused()
    {
        var adapter = CreateAdapter();
        var failures = new List<string>();
        foreach (var recorded in Recorded())
        {
            var original = recorded.Request;
            var signatureHeaders = SignatureHeaders(original).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var body = original.Body.ToArray();
            byte[] tampered = body.Length == 0 ? [(byte)' '] : [.. body[..^1], (byte)(body[^1] ^ 0x01)];
            var forgeries = new (string Name, WebhookRequest Request)[]
            {
                ("body changed", Copy(original, original.Headers, tampered)),
                ("signature removed", Copy(original, original.Headers.Where(h => !signatureHeaders.Contains(h.Key)), body)),
                ("signature garbled", Copy(original, original.Headers.Select(h => signatureHeaders.Contains(h.Key)
                    ? KeyValuePair.Create(h.Key, Garble(h.Value))
                    : h), body)),
            };
            failures.AddRange(forgeries.Where(f => adapter.VerifySignature(f.Request)).Select(f => $"{recorded.Name}: {f.Name} was accepted"));
        }

        NoFailures(failures, "forged requests were accepted");
    }

    /// <summary>Parse never throws and gives the same events twice, on recorded payloads and on broken variants of them.</summary>
    [Fact]
    public void Parse_never_throws_and_is_deterministic()
    {
        var adapter = CreateAdapter();
        var failures = new List<string>();
        foreach (var recorded in Recorded())
        {
            Check(recorded.Name, recorded.Request, mustBeUnparseable: false);
            foreach (var (name, request) in Fuzz.Variants(recorded.Request))
            {
                Check($"{recorded.Name} ({name})", request, mustBeUnparseable: false);
            }

            foreach (var (name, request) in Fuzz.Garbage(recorded.Request))
            {
                Check($"{recorded.Name} ({name})", request, GarbageMustBeUnparseable);
            }
        }

        NoFailures(failures, "parse problems");

        void Check(string name, WebhookRequest request, bool mustBeUnparseable)
        {
            try
            {
                var first = adapter.Parse(request);
                var second = adapter.Parse(request);
                if (EventDump.Of(first) != EventDump.Of(second))
                {
                    failures.Add($"{name}: two parses differ");
                }

                if (mustBeUnparseable && !first.Any(e => e is Unparseable))
                {
                    failures.Add($"{name}: no Unparseable event for an unreadable body");
                }
            }
            catch (Exception e)
            {
                failures.Add($"{name}: threw {e.GetType().Name}: {e.Message}");
            }
        }
    }

    /// <summary>Every recorded payload yields events; their keys are set, stable across parses and unique within the payload.</summary>
    [Fact]
    public void Idempotency_keys_are_stable_and_unique()
    {
        var failures = new List<string>();
        foreach (var recorded in Recorded())
        {
            // Two adapters, as after a restart: keys must not depend on adapter state.
            var first = CreateAdapter().Parse(recorded.Request).Select(e => e.IdempotencyKey).ToList();
            var second = CreateAdapter().Parse(recorded.Request).Select(e => e.IdempotencyKey).ToList();
            if (first.Count == 0)
            {
                failures.Add($"{recorded.Name}: no events");
            }

            if (first.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"{recorded.Name}: an empty key");
            }

            if (!first.SequenceEqual(second))
            {
                failures.Add($"{recorded.Name}: keys differ between parses ({string.Join(", ", first)} / {string.Join(", ", second)})");
            }

            failures.AddRange(first.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => $"{recorded.Name}: key {g.Key} used {g.Count()} times"));
        }

        NoFailures(failures, "key problems");
    }

    private static WebhookRequest Copy(WebhookRequest original, IEnumerable<KeyValuePair<string, string>> headers, byte[] body) =>
        new(original.Method, original.Path, original.Query, headers, body) { PublicUrl = original.PublicUrl };

    private static string Garble(string value) =>
        value.Length == 0 ? "x" : value[..^1] + (value[^1] == '0' ? '1' : '0');
}
