using System.Security.Cryptography;
using Autofac;
using ContactCenter.Channels.Contracts;
using ContactCenter.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Conversations.Media;

/// <summary>
/// Downloads received media through the channel's plugin as soon as the message is stored, and retries a
/// failed download with backoff (a durable step: the pending row survives restarts). The bytes go to a
/// temporary file first and are renamed into place, so a crash never leaves half a file behind a row.
/// A store that cannot write (disk full, read-only) is not the provider's failure: the file stays pending and is
/// tried again every <see cref="StoreRetryInterval"/> without giving up, while the message itself is already kept.
/// </summary>
internal sealed class MediaFetcher(ILifetimeScope root, MediaSignal signal, MediaStore store, TimeProvider clock, ILogger<MediaFetcher> logger)
    : BackgroundService
{
    public const int MaxAttempts = 6;
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    /// <summary>How often a file the store could not take (full or unwritable) is tried again; such tries never run out.</summary>
    public static readonly TimeSpan StoreRetryInterval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Downloads every due pending file (tests call this instead of waiting).</summary>
    public async Task DrainAsync(CancellationToken cancellationToken = default)
    {
        while (await FetchDueAsync(cancellationToken) > 0)
        {
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await FetchDueAsync(stoppingToken) == 0 && await signal.WaitAsync(PollInterval, stoppingToken))
                {
                    // The wake comes from inside the storing transaction: give it a moment to commit.
                    await Task.Delay(TimeSpan.FromMilliseconds(200), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The media fetcher failed; retrying shortly");
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
        }
    }

    private async Task<int> FetchDueAsync(CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            await using var scope = root.BeginLifetimeScope();
            var db = scope.Resolve<ContactCenterDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await db.Set<MediaFile>()
                .Where(m => m.Status == MediaStatus.Pending && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
                .OrderBy(m => m.CreatedAt)
                .Take(10)
                .ToListAsync(cancellationToken);
            foreach (var file in due)
            {
                await FetchAsync(scope.Resolve<IChannelMediaSource>(), file, now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }

            return due.Count;
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task FetchAsync(IChannelMediaSource source, MediaFile file, DateTime now, CancellationToken cancellationToken)
    {
        file.Attempts++;
        var relative = MediaStore.RelativePath(file.Id, file.CreatedAt);
        var path = store.FullPath(relative);
        var temporary = path + ".part";
        try
        {
            Store(() => Directory.CreateDirectory(Path.GetDirectoryName(path)!));
            await using (var download = await source.DownloadAsync(
                file.ChannelAccountId, new ChannelMedia(file.ProviderMediaId, file.ProviderUrl, file.MimeType, file.FileName, file.Sha256), cancellationToken))
            await using (var output = Store(() => File.Create(temporary)))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await download.Content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await StoreAsync(() => output.WriteAsync(buffer.AsMemory(0, read), cancellationToken));
                }

                await StoreAsync(() => output.FlushAsync(cancellationToken));
                file.Size = output.Length;
                file.Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
                file.MimeType = Cut(download.ContentType, 100) ?? file.MimeType;
            }

            Store(() => File.Move(temporary, path, overwrite: true));
            file.StoragePath = relative;
            file.Status = MediaStatus.Downloaded;
            file.Error = null;
        }
        catch (MediaStoreUnavailableException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Our disk, not the provider: the file is still there to fetch (WhatsApp keeps media for weeks), so this is
            // no attempt against the limit and the row stays pending — "mídia pendente" — until the store takes it.
            logger.LogError(e.InnerException, "The media store cannot take media {MediaId}; retrying in {Minutes} min", file.Id, StoreRetryInterval.TotalMinutes);
            DeleteQuietly(temporary);
            file.Attempts--;
            file.Error = Cut("media store: " + e.InnerException?.Message, 1000);
            file.Status = MediaStatus.Pending;
            file.NextAttemptAt = now + StoreRetryInterval;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Downloading media {MediaId} failed (attempt {Attempt})", file.Id, file.Attempts);
            DeleteQuietly(temporary);
            file.Error = Cut(e.Message, 1000);
            file.Status = file.Attempts >= MaxAttempts ? MediaStatus.Failed : MediaStatus.Pending;
            file.NextAttemptAt = now.AddSeconds(10 * Math.Pow(2, file.Attempts));
        }
    }

    /// <summary>A file-system step of the store: its failure (disk full, no permission) is told apart from the provider's.</summary>
    private static T Store<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MediaStoreUnavailableException(e);
        }
    }

    private static void Store(Action step) => Store(() =>
    {
        step();
        return true;
    });

    private static async Task StoreAsync(Func<ValueTask> step)
    {
        try
        {
            await step();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MediaStoreUnavailableException(e);
        }
    }

    private static async Task StoreAsync(Func<Task> step) => await StoreAsync(() => new ValueTask(step()));

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The store is what failed; a leftover .part file is overwritten by the next try.
        }
    }

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}

/// <summary>The media store (the data folder's disk) failed, not the download: full, read-only or not a folder.</summary>
internal sealed class MediaStoreUnavailableException(Exception inner) : Exception("The media store cannot write the file.", inner);
