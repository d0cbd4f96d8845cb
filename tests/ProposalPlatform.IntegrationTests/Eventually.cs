namespace ProposalPlatform.IntegrationTests;

/// <summary>Waits for an asynchronous outcome by polling until a deadline; never a fixed sleep.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        var last = default(T);
        var pause = TimeSpan.FromMilliseconds(20);
        while (DateTime.UtcNow < deadline)
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(pause);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 500));
        }

        throw new TimeoutException($"Timed out after {(timeout ?? DefaultTimeout).TotalSeconds} s waiting for {what}; last seen: {last}");
    }
}
