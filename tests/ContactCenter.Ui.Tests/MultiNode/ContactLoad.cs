using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Ui.Tests.Infrastructure;

namespace ContactCenter.Ui.Tests.MultiNode;

/// <summary>
/// The load of <see cref="SeveralNodesTests"/>, through nginx: six senders post Sandbox webhooks from 40 contacts as fast
/// as the nodes take them, and each agent replies once in every conversation given to them, until stopped (or
/// <c>max</c> has passed). It counts what the nodes acknowledged and which replies they accepted, for
/// <see cref="ClusterDatabase.SettleAndCountAsync"/> to hold against the database.
/// </summary>
internal sealed class ContactLoad
{
    private const int Senders = 6;
    private const int Contacts = 40;

    private readonly ConcurrentBag<string> _acknowledged = [];
    private readonly CancellationTokenSource _stop;
    private readonly List<Task> _workers = [];
    private int _notAcknowledged;

    private ContactLoad(TimeSpan max) => _stop = new CancellationTokenSource(max);

    /// <summary>The webhook ids a node answered 2xx for: each must be stored exactly once.</summary>
    public IReadOnlyCollection<string> Acknowledged => _acknowledged;

    /// <summary>Webhooks no node acknowledged (the killed one went away mid-request): the provider would send them again.</summary>
    public int NotAcknowledged => Volatile.Read(ref _notAcknowledged);

    /// <summary>Conversation → the id of its one reply.</summary>
    public ConcurrentDictionary<Guid, Guid> Replies { get; } = new();

    public static ContactLoad Start(string baseUrl, string account, ClusterDatabase database, IReadOnlyList<(Guid Agent, HttpClient Client)> agents, TimeSpan max)
    {
        var load = new ContactLoad(max);
        var phones = Enumerable.Range(0, Contacts).Select(i => "5511955" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        load._workers.AddRange(Enumerable.Range(0, Senders).Select(worker => Task.Run(() => load.SendAsync(baseUrl, account, worker, phones))));
        load._workers.Add(Task.Run(() => load.AnswerAsync(database, agents)));
        return load;
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
        _stop.Dispose();
    }

    private async Task SendAsync(string baseUrl, string account, int worker, string[] phones)
    {
        var n = 0;
        while (!_stop.IsCancellationRequested)
        {
            var id = $"sbx-nodes-{worker}-{n++}";
            try
            {
                await PostWebhookAsync(baseUrl, account, id, phones[Random.Shared.Next(phones.Length)]);
                _acknowledged.Add(id);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                Interlocked.Increment(ref _notAcknowledged);
            }
        }
    }

    private async Task AnswerAsync(ClusterDatabase database, IReadOnlyList<(Guid Agent, HttpClient Client)> agents)
    {
        while (!_stop.IsCancellationRequested)
        {
            foreach (var (agent, client) in agents)
            {
                await AnswerNewAsync(database, agent, client);
            }

            await Task.Delay(300);
        }
    }

    private static async Task PostWebhookAsync(string baseUrl, string account, string id, string phone)
    {
        var payload = new
        {
            messages = new[] { new { id, from = phone, name = "Cliente " + phone[^4..], timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), type = "text", text = "Olá " + id } },
        };
        await SandboxWebhook.PostAsync(baseUrl, account, payload);
    }

    /// <summary>Replies once in each conversation given to the agent that has no reply yet.</summary>
    private async Task AnswerNewAsync(ClusterDatabase database, Guid agent, HttpClient client)
    {
        foreach (var conversation in (await database.AssignedToAsync(agent)).Where(c => !Replies.ContainsKey(c)))
        {
            try
            {
                var response = await client.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "Olá, já vejo isso." });
                if (response.IsSuccessStatusCode)
                {
                    Replies[conversation] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // A node went away mid-request: answered again next round if it did not take.
            }
        }
    }
}
