using ContactCenter.Channels.Conformance;
using ContactCenter.Channels.Sdk;
using ContactCenter.Plugins.WhatsAppCloud.Tests.Infrastructure;

namespace ContactCenter.Plugins.WhatsAppCloud.Tests.Sending;

/// <summary>Graph answers classified per reference §9; the provider's code and text survive.</summary>
public sealed class SendFailureTests
{
    private static OutboundMessage Text => new(Guid.NewGuid(), Recipient.ForPhone("5511988887777"), new OutboundText("hi"));

    [Theory]
    [InlineData(400, 131047, SendFailureKind.WindowClosed)]
    [InlineData(400, 131026, SendFailureKind.BadRecipient)]
    [InlineData(400, 131050, SendFailureKind.BadRecipient)]
    [InlineData(400, 132000, SendFailureKind.TemplateProblem)]
    [InlineData(404, 132001, SendFailureKind.TemplateProblem)]
    [InlineData(400, 132005, SendFailureKind.TemplateProblem)]
    [InlineData(400, 132007, SendFailureKind.TemplateProblem)]
    [InlineData(400, 132012, SendFailureKind.TemplateProblem)]
    [InlineData(400, 132015, SendFailureKind.TemplateProblem)]
    [InlineData(400, 132016, SendFailureKind.TemplateProblem)]
    [InlineData(400, 4, SendFailureKind.RateLimited)]
    [InlineData(400, 80007, SendFailureKind.RateLimited)]
    [InlineData(400, 131048, SendFailureKind.RateLimited)]
    [InlineData(500, 131000, SendFailureKind.Retryable)]
    [InlineData(503, 131016, SendFailureKind.Retryable)]
    [InlineData(401, 190, SendFailureKind.Permanent)]
    [InlineData(401, 0, SendFailureKind.Permanent)]
    [InlineData(403, 10, SendFailureKind.Permanent)]
    [InlineData(403, 200, SendFailureKind.Permanent)]
    [InlineData(400, 100, SendFailureKind.Permanent)]
    [InlineData(400, 131009, SendFailureKind.Permanent)]
    [InlineData(400, 999999, SendFailureKind.Permanent)]
    [InlineData(502, 999999, SendFailureKind.Retryable)]
    public async Task Error_codes_are_classified(int status, int code, SendFailureKind kind)
    {
        await using var graph = await GraphFake.StartAsync(GraphFake.Error(status, code, "Some title", "Some details"));
        var failure = await FailAsync(graph);
        Assert.Equal((kind, code.ToString(System.Globalization.CultureInfo.InvariantCulture)), (failure.Kind, failure.ProviderErrorCode));
        Assert.Equal($"(#{code}) Some title: Some details", failure.ErrorText);
    }

    [Theory]
    [InlineData(131056, 6.0)]
    [InlineData(131049, 86400.0)]
    public async Task Documented_backoff_applies_without_retry_after(int code, double seconds)
    {
        await using var graph = await GraphFake.StartAsync(GraphFake.Error(400, code));
        var failure = await FailAsync(graph);
        Assert.Equal((SendFailureKind.RateLimited, TimeSpan.FromSeconds(seconds)), (failure.Kind, failure.RetryAfter));
    }

    [Fact]
    public async Task Metas_130429_example_is_rate_limited()
    {
        await using var graph = await GraphFake.StartAsync(GraphFake.Fixture("send_error_response_130429__meta.json", 400));
        var failure = await FailAsync(graph);
        Assert.Equal((SendFailureKind.RateLimited, "130429", TimeSpan.FromSeconds(1)), (failure.Kind, failure.ProviderErrorCode, failure.RetryAfter));
        Assert.Equal("(#130429) Rate limit hit: Cloud API message throughput has been reached.", failure.ErrorText);
    }

    [Fact]
    public async Task Retry_after_header_wins()
    {
        await using var graph = await GraphFake.StartAsync(GraphFake.Error(429, 130429).WithHeader("Retry-After", "30"));
        Assert.Equal(TimeSpan.FromSeconds(30), (await FailAsync(graph)).RetryAfter);
    }

    [Fact]
    public async Task A_server_error_without_json_is_retryable()
    {
        await using var graph = await GraphFake.StartAsync(new FakeHttpResponse(500, "<html>oops</html>"u8.ToArray(), "text/html"));
        var failure = await FailAsync(graph);
        Assert.Equal((SendFailureKind.Retryable, "http_500"), (failure.Kind, failure.ProviderErrorCode));
        Assert.Contains("oops", failure.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hanging_graph_api_is_retryable_after_the_client_timeout()
    {
        await using var graph = await GraphFake.StartAsync(FakeHttpResponse.Hanging(), TimeSpan.FromMilliseconds(500));
        var failure = await FailAsync(graph);
        Assert.Equal((SendFailureKind.Retryable, "transport"), (failure.Kind, failure.ProviderErrorCode));
    }

    [Fact]
    public async Task A_refused_connection_is_retryable()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var settings = Adapters.Settings(FakeHttpServer.UnusedLocalAddress());
        var result = await Adapters.Create(settings, http).SendAsync(Text, CancellationToken.None);
        Assert.Equal(SendFailureKind.Retryable, result.Failure!.Kind);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_throws()
    {
        await using var graph = await GraphFake.StartAsync(FakeHttpResponse.Hanging());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => graph.Adapter.SendAsync(Text, cancel.Token));
    }

    [Fact]
    public async Task A_recipient_without_phone_is_refused_without_calling_meta()
    {
        await using var graph = await GraphFake.StartAsync(GraphFake.Fixture("send_response__postman.json"));
        var message = new OutboundMessage(Guid.NewGuid(), new Recipient(null, "US.1349"), new OutboundText("hi"));
        Assert.Equal(SendFailureKind.BadRecipient, (await graph.Adapter.SendAsync(message, CancellationToken.None)).Failure!.Kind);
        Assert.Empty(graph.Server.Requests);
    }

    private static async Task<SendFailure> FailAsync(GraphFake graph)
    {
        var result = await graph.Adapter.SendAsync(Text, CancellationToken.None);
        Assert.False(result.Accepted);
        Assert.Null(result.ProviderMessageId);
        return result.Failure!;
    }
}
