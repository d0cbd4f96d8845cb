using OpenIddict.Abstractions;

namespace ProposalPlatform.Identity.Hosting;

/// <summary>
/// Every token the server issues is recorded (that is what lets a refresh token be revoked); every
/// hour the entries of tokens and authorizations that are over a day old and no longer valid go.
/// </summary>
public sealed partial class TokenPruning(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TokenPruning> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    public static readonly TimeSpan Kept = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var threshold = clock.GetUtcNow() - Kept;
                var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, stoppingToken);
                var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, stoppingToken);
                LogPruned(logger, tokens, authorizations);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Tokens} token and {Authorizations} authorization entries")]
    private static partial void LogPruned(ILogger logger, long tokens, long authorizations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning the token entries failed; trying again in an hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
