namespace ContactCenter.Kernel.Values;

/// <summary>
/// Version 7 ids that keep the order they were made in, also within one millisecond (RFC 9562's counter in the 12
/// <c>rand_a</c> bits): rows listed by time and then id — messages of one batch stored in the same millisecond with the
/// same provider timestamp — come back in the order they arrived, which <see cref="Guid.CreateVersion7()"/>'s random bits
/// do not promise.
/// </summary>
public static class OrderedIds
{
    private static readonly Lock Gate = new();
    private static long lastMilliseconds;
    private static int counter;

    public static Guid Next()
    {
        long milliseconds;
        int sequence;
        lock (Gate)
        {
            milliseconds = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), lastMilliseconds);
            if (milliseconds == lastMilliseconds && ++counter > 0xFFF)
            {
                // 4,096 ids in one millisecond: borrow the next one rather than lose the order.
                milliseconds++;
                counter = 0;
            }
            else if (milliseconds != lastMilliseconds)
            {
                counter = 0;
            }

            lastMilliseconds = milliseconds;
            sequence = counter;
        }

        var bytes = Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)).ToByteArray(bigEndian: true);
        bytes[6] = (byte)(0x70 | ((sequence >> 8) & 0x0F));
        bytes[7] = (byte)(sequence & 0xFF);
        return new Guid(bytes, bigEndian: true);
    }
}
