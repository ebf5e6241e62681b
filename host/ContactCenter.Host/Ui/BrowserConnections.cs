namespace ContactCenter.Host.Ui;

/// <summary>
/// How many connected circuits each user has on this node: an agent with two tabs open who closes one is still
/// here. Only the last one going away counts as the browser disconnecting.
/// </summary>
internal sealed class BrowserConnections
{
    private readonly Dictionary<Guid, int> _circuits = [];
    private readonly Lock _lock = new();

    public void Up(Guid userId)
    {
        lock (_lock)
        {
            _circuits[userId] = _circuits.GetValueOrDefault(userId) + 1;
        }
    }

    /// <summary>True when that was the user's last connected circuit on this node.</summary>
    public bool Down(Guid userId)
    {
        lock (_lock)
        {
            var left = _circuits.GetValueOrDefault(userId) - 1;
            if (left > 0)
            {
                _circuits[userId] = left;
                return false;
            }

            _circuits.Remove(userId);
            return true;
        }
    }
}
