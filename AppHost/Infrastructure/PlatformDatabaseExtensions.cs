using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Polly;
using Polly.Retry;
using ProposalPlatform.Contracts;

namespace ProposalPlatform.AppHost.Infrastructure;

public static class PlatformDatabaseExtensions
{
    private static readonly ResiliencePipeline WhileTheServerIsUnreachable = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(e => e.IsTransient || e.InnerException is System.Net.Sockets.SocketException),
            MaxRetryAttempts = 10,
            Delay = TimeSpan.FromSeconds(1),
            BackoffType = DelayBackoffType.Exponential,
            MaxDelay = TimeSpan.FromSeconds(5),
        })
        .Build();

    /// <summary>
    /// The databases of <paramref name="declarations"/> with their roles, made on <paramref name="server"/>
    /// once it is healthy, one at a time (their statements change the server's shared catalogs). Each
    /// role's password is made once and kept in <paramref name="secretsDirectory"/>, beside the data.
    /// </summary>
    public static Dictionary<string, IResourceBuilder<PlatformDatabaseResource>> AddProvisionedDatabases(
        this IDistributedApplicationBuilder builder, DatabaseServer server, IEnumerable<DatabaseDeclaration> declarations, string secretsDirectory)
    {
        var oneAtATime = new SemaphoreSlim(1, 1);
        return declarations.ToDictionary(declaration => declaration.Name, declaration => builder.AddProvisionedDatabase(server, declaration, secretsDirectory, oneAtATime));
    }

    private static IResourceBuilder<PlatformDatabaseResource> AddProvisionedDatabase(
        this IDistributedApplicationBuilder builder, DatabaseServer server, DatabaseDeclaration declaration, string secretsDirectory, SemaphoreSlim oneAtATime)
    {
        Directory.CreateDirectory(secretsDirectory);
        var passwords = declaration.Roles.ToDictionary(
            role => role,
            role => builder.AddParameter(
                $"{role.Replace('_', '-')}-password", StableSecrets.ReadOrCreate(Path.Combine(secretsDirectory, $"{role}.password")), secret: true).Resource);
        ReferenceExpression As(string role) =>
            ReferenceExpression.Create($"{server.Address};Database={declaration.Name};Username={role};Password={passwords[role]}");

        var database = new PlatformDatabaseResource(
            declaration.Name, As(declaration.RuntimeRole), declaration.SeparateRuntimeRole ? As(declaration.OwnerRole) : null, declaration, passwords);
        return builder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "PostgresDatabase", State = KnownResourceStates.Waiting, Properties = [] })
            .OnInitializeResource((_, initialize, _) =>
            {
                var stopping = initialize.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
                _ = Task.Run(() => ProvisionAndReportAsync(database, server, oneAtATime, initialize, stopping), stopping);
                return Task.CompletedTask;
            });
    }

    /// <summary>
    /// A database the deployment provides with its own roles (<c>ConnectionStrings:&lt;name&gt;</c>, and
    /// <c>ConnectionStrings:&lt;name&gt;-migrations</c> where the service runs as a role that is not the owner):
    /// passed on as it is, nothing made.
    /// </summary>
    public static IResourceBuilder<PlatformDatabaseResource> AddDeploymentDatabase(
        this IDistributedApplicationBuilder builder, string name, string connectionString, string? migrationsConnectionString)
    {
        ReferenceExpression Secret(string parameterName, string value) =>
            ReferenceExpression.Create($"{builder.AddParameter(parameterName, value, secret: true).Resource}");

        var database = new PlatformDatabaseResource(
            name,
            Secret($"{name}-connection-string", connectionString),
            migrationsConnectionString is null ? null : Secret($"{name}-migrations-connection-string", migrationsConnectionString),
            declaration: null,
            passwords: new Dictionary<string, ParameterResource>());
        return builder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "PostgresDatabase", State = KnownResourceStates.Waiting, Properties = [] })
            .OnInitializeResource((resource, initialize, _) =>
                initialize.Notifications.PublishUpdateAsync(resource, state => state with { State = KnownResourceStates.Running }));
    }

    /// <summary>
    /// Makes the database and its roles, then marks it running; marks it failed, with the reason in its
    /// log, where the server refused.
    /// </summary>
    private static async Task ProvisionAndReportAsync(
        PlatformDatabaseResource database, DatabaseServer server, SemaphoreSlim oneAtATime, InitializeResourceEvent initialize, CancellationToken cancellationToken)
    {
        try
        {
            if (server.Resource is { } serverResource)
            {
                await initialize.Notifications.WaitForResourceHealthyAsync(serverResource.Name, cancellationToken);
            }

            await oneAtATime.WaitAsync(cancellationToken);
            try
            {
                var handedOver = await ProvisionAsync(database, server, cancellationToken);
                initialize.Logger.LogInformation(
                    "Database {Database} is owned by {Owner}, its services connect as {Role}; {HandedOver} objects handed to the owner",
                    database.DatabaseName, database.Declaration!.OwnerRole, database.Declaration.RuntimeRole, handedOver);
            }
            finally
            {
                oneAtATime.Release();
            }

            await initialize.Notifications.PublishUpdateAsync(database, state => state with { State = KnownResourceStates.Running });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the AppHost stops
        }
        catch (Exception ex)
        {
            initialize.Logger.LogError(ex, "Making database {Database} and its roles failed", database.DatabaseName);
            await initialize.Notifications.PublishUpdateAsync(database, state => state with { State = KnownResourceStates.FailedToStart });
        }
    }

    /// <summary>Makes <paramref name="database"/>'s roles and the database itself on <paramref name="server"/>: <see cref="DatabaseProvisioning"/>.</summary>
    public static async Task<int> ProvisionAsync(PlatformDatabaseResource database, DatabaseServer server, CancellationToken cancellationToken)
    {
        var declaration = database.Declaration ?? throw new InvalidOperationException($"{database.Name} is the deployment's: nothing to make.");
        var admin = await server.AdminConnectionString.GetValueAsync(cancellationToken)
            ?? throw new InvalidOperationException("The database server has no administrative connection string.");
        var passwords = new Dictionary<string, string>();
        foreach (var (role, password) in database.Passwords)
        {
            passwords[role] = await password.GetValueAsync(cancellationToken) ?? throw new InvalidOperationException($"No password for {role}.");
        }

        return await WhileTheServerIsUnreachable.ExecuteAsync(
            async token => await DatabaseProvisioning.ProvisionAsync(admin, declaration, passwords, token), cancellationToken);
    }

    /// <summary>
    /// Gives a service its database as the role it runs as (<c>ConnectionStrings:&lt;name&gt;</c>), the
    /// owner's for its migrations where that is another role (<c>ConnectionStrings:&lt;name&gt;-migrations</c>),
    /// and holds it back until the database and its roles are made.
    /// </summary>
    public static IResourceBuilder<T> WithDatabase<T>(this IResourceBuilder<T> service, IResourceBuilder<PlatformDatabaseResource> database)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport
    {
        service.WithReference(database).WaitFor(database);
        if (database.Resource.MigrationsConnectionStringExpression is { } migrations)
        {
            service.WithEnvironment($"ConnectionStrings__{ResourceNames.MigrationsConnection(database.Resource.DatabaseName)}", migrations);
        }

        return service;
    }
}
