using System.Security.Cryptography;
using ContactCenter.Channels.Conformance;
using ContactCenter.Channels.Sdk;
using ContactCenter.Plugins.WhatsAppCloud.Tests.Infrastructure;

namespace ContactCenter.Plugins.WhatsAppCloud.Tests.Sending;

/// <summary>id → GET /{media-id} → GET url with the token → bytes, checked against sha256 (reference §12).</summary>
public sealed class MediaDownloadTests
{
    private static readonly byte[] File = "JPEG bytes of a photo"u8.ToArray();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Downloads_with_the_token_and_verifies_the_hash(bool base64Hash)
    {
        var hash = SHA256.HashData(File);
        await using var graph = await Graph(_ => FakeHttpResponse.Bytes(File, "image/jpeg"), base64Hash ? Convert.ToBase64String(hash) : Convert.ToHexStringLower(hash));
        await using var download = await Media(graph).DownloadMediaAsync(new MediaReference("2621233374848975"), CancellationToken.None);

        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy);
        Assert.Equal(File, copy.ToArray());
        Assert.Equal(("image/jpeg", (long?)File.Length), (download.ContentType, download.Length));
        Assert.Equal(["/v24.0/2621233374848975", "/files/photo"], graph.Server.Requests.Select(r => r.Path));
        Assert.Equal($"?phone_number_id={Adapters.PhoneNumberId}", graph.Server.Requests[0].Query);
        Assert.All(graph.Server.Requests, r => Assert.Equal("Bearer " + Adapters.AccessToken, r.Header("Authorization")));
    }

    [Fact]
    public async Task A_hash_mismatch_is_refused()
    {
        await using var graph = await Graph(_ => FakeHttpResponse.Bytes("tampered"u8.ToArray(), "image/jpeg"), Convert.ToHexStringLower(SHA256.HashData(File)));
        await Assert.ThrowsAsync<InvalidDataException>(() => Media(graph).DownloadMediaAsync(new MediaReference("1"), CancellationToken.None));
    }

    [Fact]
    public async Task An_expired_url_is_resolved_again_once()
    {
        var fileCalls = 0;
        await using var graph = await Graph(_ => ++fileCalls == 1 ? new FakeHttpResponse(404) : FakeHttpResponse.Bytes(File, "image/jpeg"), null);
        await using var download = await Media(graph).DownloadMediaAsync(new MediaReference("1"), CancellationToken.None);
        Assert.Equal(["/v24.0/1", "/files/photo", "/v24.0/1", "/files/photo"], graph.Server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task A_url_that_stays_expired_fails()
    {
        await using var graph = await Graph(_ => new FakeHttpResponse(404), null);
        await Assert.ThrowsAsync<HttpRequestException>(() => Media(graph).DownloadMediaAsync(new MediaReference("1"), CancellationToken.None));
        Assert.Equal(4, graph.Server.Requests.Count);
    }

    private static ISupportsMedia Media(GraphFake graph) => Assert.IsAssignableFrom<ISupportsMedia>(graph.Adapter);

    /// <summary>Meta's media-URL answer (media_retrieve_url_response fixture) with the URL and hash of this test.</summary>
    private static async Task<GraphFake> Graph(Func<RecordedHttpRequest, FakeHttpResponse> file, string? sha256)
    {
        Uri? baseAddress = null;
        var graph = await GraphFake.StartAsync(request => request.Path.StartsWith("/files/", StringComparison.Ordinal)
            ? file(request)
            : FakeHttpResponse.Json(200, Fixtures.Text("media_retrieve_url_response__postman.json")
                .Replace("<URL>", new Uri(baseAddress!, "files/photo").ToString(), StringComparison.Ordinal)
                .Replace("\"<HASH>\"", sha256 is null ? "null" : $"\"{sha256}\"", StringComparison.Ordinal)));
        baseAddress = graph.Server.BaseAddress;
        return graph;
    }
}
