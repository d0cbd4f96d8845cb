using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ProposalPlatform.ServiceDefaults;

/// <summary>
/// The identity service's discovery document and signing keys, as this process holds them. They are
/// fetched once at start (retried until the identity service answers) and refreshed hourly; a refresh
/// that fails keeps the keys held, so a request never waits on the identity service and valid tokens
/// keep working while it restarts. Until the first keys arrive, a request with a token is answered
/// at once with a 503, not after the HTTP client's retries.
/// </summary>
public sealed class IdentitySigningKeys(IdentityDocumentRetriever retriever, string metadataAddress)
{
    private volatile bool _ready;

    public ConfigurationManager<OpenIdConnectConfiguration> Manager { get; } = new(metadataAddress, new OpenIdConnectConfigurationRetriever(), retriever)
    {
        AutomaticRefreshInterval = TimeSpan.FromHours(1),
        RefreshInterval = TimeSpan.FromSeconds(30),
    };

    /// <summary>True once the keys have been received.</summary>
    public bool Ready => _ready;

    public async Task FetchAsync(CancellationToken cancellationToken)
    {
        await Manager.GetConfigurationAsync(cancellationToken);
        _ready = true;
    }
}

/// <summary>Fetches <see cref="IdentitySigningKeys"/> at start, retrying every few seconds while the identity service does not answer.</summary>
public sealed partial class SigningKeysWarmUp(IdentitySigningKeys keys, ILogger<SigningKeysWarmUp> logger) : BackgroundService
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var attempts = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await keys.FetchAsync(stoppingToken);
                LogReceived(logger, attempts + 1);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                if (++attempts % 15 == 1)
                {
                    LogWaiting(logger, attempts, ex.Message);
                }

                // the manager refuses to ask again within its refresh interval: a new request goes out each pause
                keys.Manager.RequestRefresh();
                await Task.Delay(Pause, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The identity service's signing keys were received (attempt {Attempt})")]
    private static partial void LogReceived(ILogger logger, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The identity service's signing keys cannot be had yet (attempt {Attempt}): {Reason}; tokens are answered with 503 until they are")]
    private static partial void LogWaiting(ILogger logger, int attempt, string reason);
}
