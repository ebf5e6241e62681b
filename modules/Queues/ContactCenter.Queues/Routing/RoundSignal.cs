using System.Threading.Channels;

namespace ContactCenter.Queues.Routing;

/// <summary>
/// Asks for a backlog round now (an agent became available or freed capacity) instead of at the next timed one.
/// Raised inside the triggering unit of work; <see cref="RoundRunner"/> waits a moment for it to commit.
/// </summary>
internal sealed class RoundSignal
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _wake.Writer.TryWrite(true);

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _wake.Reader.WaitToReadAsync(cancellationToken);
        _wake.Reader.TryRead(out _);
    }
}
