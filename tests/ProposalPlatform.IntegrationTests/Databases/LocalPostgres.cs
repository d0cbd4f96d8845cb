using System.Globalization;
using Npgsql;
using ProposalPlatform.IntegrationTests.Messaging;

namespace ProposalPlatform.IntegrationTests.Databases;

/// <summary>A PostgreSQL of its own (the AppHost's launch script, a throw-away folder, a free port), with its superuser.</summary>
public sealed class LocalPostgres : IAsyncLifetime
{
    private readonly DirectoryInfo _dataDirectory = Directory.CreateTempSubdirectory("proposalplatform-databases-");
    private readonly int _port = FreePorts.Take(1)[0];
    private LocalServer? _server;

    /// <summary>Where the tests keep what the AppHost keeps in its data directory (the roles' passwords).</summary>
    public string SecretsDirectory => Path.Combine(_dataDirectory.FullName, "secrets");

    public string Superuser(string database = "postgres") =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={_port};Username=postgres;Password=test-password;Database={database};Pooling=false");

    /// <summary>The server's address, as the roles' connection strings start.</summary>
    public string Address => string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={_port};Pooling=false");

    public async Task InitializeAsync()
    {
        _server = new LocalServer("postgres.sh", new Dictionary<string, string>
        {
            ["PGDATA_DIR"] = Path.Combine(_dataDirectory.FullName, "postgres"),
            ["PGPORT"] = _port.ToString(CultureInfo.InvariantCulture),
            ["POSTGRES_PASSWORD"] = "test-password",
        });
        _server.Start();
        await Eventually.Until(
            async () =>
            {
                try
                {
                    await using var connection = new NpgsqlConnection(Superuser());
                    await connection.OpenAsync();
                    return true;
                }
                catch (NpgsqlException)
                {
                    return false;
                }
            },
            up => up,
            "PostgreSQL to accept connections",
            TimeSpan.FromMinutes(1));
    }

    public async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<List<string>> ColumnAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetValue(0).ToString()!);
        }

        return values;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        try
        {
            _dataDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // left in the temp directory
        }
    }
}
