using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using Dapper;
using MassTransit;
using ProposalPlatform.AppHost.Infrastructure;
using ProposalPlatform.Infrastructure.Messaging;
using RabbitMQ.Client;

namespace ProposalPlatform.IntegrationTests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class Replaying_the_error_queues(MessagingFixture fixture)
{
    private static readonly string Queue = new KebabCaseEndpointNameFormatter("messagingtests", includeNamespace: false).Consumer<GatedProbeConsumer>();

    [Fact]
    public async Task A_message_that_failed_for_good_is_counted_on_the_dashboard_and_once_replayed_is_applied_once()
    {
        // Arrange: a probe that cannot be applied while its gate is closed
        var key = Guid.NewGuid();
        await ExecuteAsync("INSERT INTO probe_gates (message_key) VALUES (@key)", key);
        using var gauge = new ErrorQueueGauge(Queue + "_error");

        // Act 1: it fails, is tried a few times and faults
        await fixture.Bus.Publish(new GatedProbe(key));

        // Assert 1: in the error queue, and the gauge says so
        await using var connection = await new ConnectionFactory { Uri = new Uri(fixture.BrokerConnectionString) }.CreateConnectionAsync();
        await Eventually.Until(() => ErrorMessagesAsync(connection), n => n == 1, "the probe to fault to the error queue");
        await Eventually.Until(() => Task.FromResult(gauge.Read()), n => n == 1, "the error queue's gauge to count it", TimeSpan.FromMinutes(1));

        // Act 2: the cause mended, the error queues replayed
        await ExecuteAsync("DELETE FROM probe_gates WHERE message_key = @key", key);
        using var management = fixture.Management();
        var replayed = await ErrorQueueReplay.ReplayAsync(management);

        // Assert 2: moved back and applied once; nothing left to replay
        Assert.Contains(replayed, r => r.ErrorQueue == Queue + "_error");
        await Eventually.Until(Applications(key), n => n == 1, "the replayed probe to be applied");
        await Eventually.Until(() => ErrorMessagesAsync(connection), n => n == 0, "the error queue to be empty");
        await ErrorQueueReplay.ReplayAsync(management);
        await Eventually.Until(ShovelsAsync(management), n => n == 0, "the replay's shovels to end");
        Assert.Equal(1L, await Applications(key)());
    }

    /// <summary>The messages in the error queue, -1 before MassTransit has declared it (at the first fault).</summary>
    private static async Task<long> ErrorMessagesAsync(IConnection connection)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(Queue + "_error")).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return -1;
        }
    }

    private static Func<Task<int>> ShovelsAsync(HttpClient management) =>
        async () => (await management.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("api/parameters/shovel/%2F"))!.Count;

    private Func<Task<long>> Applications(Guid key) =>
        () => fixture.QueryAsync<long>("SELECT count(*) FROM probe_applications WHERE message_key = @key", new { key });

    private async Task ExecuteAsync(string sql, Guid key)
    {
        await using var connection = new Npgsql.NpgsqlConnection(fixture.DatabaseConnectionString);
        await connection.ExecuteAsync(sql, new { key });
    }

    /// <summary>The last value the service's error-queue gauge reported for one queue.</summary>
    private sealed class ErrorQueueGauge : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _last = -1;

        public ErrorQueueGauge(string queue)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == ErrorQueueGauges.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "queue" && (string?)tag.Value == queue)
                    {
                        Interlocked.Exchange(ref _last, value);
                    }
                }
            });
            _listener.Start();
        }

        public long Read()
        {
            _listener.RecordObservableInstruments();
            return Interlocked.Read(ref _last);
        }

        public void Dispose() => _listener.Dispose();
    }
}
