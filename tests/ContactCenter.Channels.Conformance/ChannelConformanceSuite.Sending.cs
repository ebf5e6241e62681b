using ContactCenter.Channels.Sdk;

namespace ContactCenter.Channels.Conformance;

public abstract partial class ChannelConformanceSuite
{
    /// <summary>Each scripted provider answer is classified as the scenario expects, and the fake provider was really called.</summary>
    [Fact]
    public async Task Send_results_are_classified()
    {
        var failures = new List<string>();
        foreach (var scenario in SendScenarios)
        {
            await using var server = await FakeHttpServer.StartAsync(scenario.Answer);
            using var http = new HttpClient { Timeout = HttpTimeout };
            var adapter = CreateAdapter(http, server.BaseAddress);
            var result = await SendWithinLimitAsync(adapter, scenario.Message ?? SampleMessage);
            if (HasRemoteProvider && server.Requests.Count == 0)
            {
                failures.Add($"{scenario.Name}: the plugin never called the provider at the configured URL");
            }

            var problem = Mismatch(scenario, result);
            if (problem is not null)
            {
                failures.Add($"{scenario.Name}: {problem}");
            }
        }

        NoFailures(failures, "send scenarios failed");
    }

    /// <summary>A provider that cannot be reached is a retryable failure, never an accepted message or an exception.</summary>
    [Fact]
    public async Task Unreachable_provider_is_retryable()
    {
        using var http = new HttpClient { Timeout = HttpTimeout };
        var adapter = CreateAdapter(http, FakeHttpServer.UnusedLocalAddress());
        var result = await SendWithinLimitAsync(adapter, SampleMessage);
        if (!HasRemoteProvider)
        {
            // Nothing to be unreachable: the network being down must not matter to such a channel.
            Assert.True(result.Accepted, $"A channel without a provider failed to send: {result.Failure?.ErrorText}");
            return;
        }

        Assert.False(result.Accepted, "A message to an unreachable provider was reported accepted.");
        Assert.Equal(SendFailureKind.Retryable, result.Failure!.Kind);
    }

    private async Task<SendResult> SendWithinLimitAsync(IChannelAdapter adapter, OutboundMessage message)
    {
        // A plugin that ignores the client's timeout must not hang the test run.
        using var limit = new CancellationTokenSource(HttpTimeout * 5);
        return await adapter.SendAsync(message, limit.Token);
    }

    private static string? Mismatch(SendScenario scenario, SendResult result)
    {
        if (scenario.ExpectedFailure is null)
        {
            if (!result.Accepted)
            {
                return $"expected accepted, got {result.Failure!.Kind} ({result.Failure.ErrorText})";
            }

            return scenario.ExpectedProviderMessageId is { } id && result.ProviderMessageId != id
                ? $"expected provider message id {id}, got {result.ProviderMessageId}"
                : null;
        }

        if (result.Accepted)
        {
            return $"expected {scenario.ExpectedFailure}, but the message was accepted";
        }

        if (result.Failure!.Kind != scenario.ExpectedFailure)
        {
            return $"expected {scenario.ExpectedFailure}, got {result.Failure.Kind} ({result.Failure.ErrorText})";
        }

        return scenario.ExpectedProviderCode is { } code && result.Failure.ProviderErrorCode != code
            ? $"expected provider code {code}, got {result.Failure.ProviderErrorCode}"
            : null;
    }
}
