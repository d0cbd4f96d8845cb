using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ProposalPlatform.Infrastructure.Data;
using ProposalPlatform.ServiceDefaults;

namespace ProposalPlatform.UnitTests.Hosting;

public sealed class Telling_passing_faults_from_lasting_ones
{
    public static TheoryData<string, Exception> Passing => new()
    {
        { "the database refusing connections", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)) },
        { "the database shutting down", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown) },
        { "the database starting up", new PostgresException("the database system is starting up", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow) },
        { "a serialization conflict", new PostgresException("could not serialize access", "ERROR", "ERROR", PostgresErrorCodes.SerializationFailure) },
        { "the pool exhausted", new NpgsqlException("The connection pool has been exhausted", new TimeoutException()) },
        { "the broker away", new RabbitMQ.Client.Exceptions.BrokerUnreachableException(new SocketException((int)SocketError.ConnectionRefused)) },
        { "wrapped", new InvalidOperationException("outer", new AggregateException(new TimeoutException())) },
    };

    public static TheoryData<string, Exception> Lasting => new()
    {
        { "a NOT NULL column given null", new PostgresException("null value in column \"title\"", "ERROR", "ERROR", PostgresErrorCodes.NotNullViolation) },
        { "a unique key taken", new PostgresException("duplicate key value", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation) },
        { "a bug", new NullReferenceException() },
        { "a lasting database error over a socket error", new PostgresException("syntax error", "ERROR", "ERROR", PostgresErrorCodes.SyntaxError) },
    };

    [Theory]
    [MemberData(nameof(Passing))]
    public void A_server_not_answering_for_now_passes(string what, Exception exception) =>
        Assert.True(TransientFaults.IsPassing(exception), what);

    [Theory]
    [MemberData(nameof(Lasting))]
    public void What_will_fail_again_does_not(string what, Exception exception) =>
        Assert.False(TransientFaults.IsPassing(exception), what);

    [Fact]
    public async Task A_request_that_meets_the_database_down_is_answered_503_with_retry_after()
    {
        var (handler, context) = HandlerAndRequest();

        var handled = await handler.TryHandleAsync(context, new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public async Task Any_other_error_stays_a_500()
    {
        var (handler, context) = HandlerAndRequest();

        await handler.TryHandleAsync(context, new NullReferenceException(), CancellationToken.None);

        Assert.Equal(StatusCodes.Status500InternalServerError, context.Response.StatusCode);
        Assert.False(context.Response.Headers.ContainsKey("Retry-After"));
    }

    private static (ProblemDetailsExceptionHandler Handler, DefaultHttpContext Context) HandlerAndRequest()
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var handler = new ProblemDetailsExceptionHandler(
            services.GetRequiredService<IProblemDetailsService>(), [new PlatformDependencyFaults()], NullLogger<ProblemDetailsExceptionHandler>.Instance);
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        return (handler, context);
    }
}
