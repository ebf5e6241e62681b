namespace ContactCenter.LoadGenerator;

/// <summary>The machine's load average (1 / 5 / 15 min) now, reported beside every figure: these machines are shared.</summary>
internal static class LoadAverage
{
    public static string Now()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
