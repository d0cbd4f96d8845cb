using ProposalPlatform.Assignment.Domain;

namespace ProposalPlatform.Assignment.Data;

/// <summary>
/// The proposal office's first key, which the AppHost makes once and passes as <c>Identity:OfficeKey</c>:
/// with it the office issues every other unit its key. Stored (as a hash) at start, once.
/// </summary>
public sealed class OfficeKeySeeder(IConfiguration configuration, CredentialRepository credentials, TimeProvider clock) : IHostedService
{
    public const string OfficeUnitCode = "HQ-OFFICE";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration["Identity:OfficeKey"] is { Length: > 0 } key)
        {
            await credentials.IssueAsync(
                MassTransit.NewId.NextGuid(), OfficeUnitCode, ApiKeys.Hash(key), "platform bootstrap", "platform", clock.GetUtcNow(), cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
