using Npgsql;
using ProposalPlatform.ServiceDefaults;

namespace ProposalPlatform.Infrastructure.Data;

/// <summary>
/// The faults that pass: the database or the broker not answering, or refusing for now (shutting down,
/// starting up, out of connections, a deadlock or serialization conflict). What they interrupted may be
/// tried again and succeed; anything else (a rule broken, a malformed message, a bug) will fail again.
/// </summary>
public static class TransientFaults
{
    public static bool IsPassing(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return postgres.IsTransient || postgres.SqlState is
                        PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                        or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.ConnectionFailure;
                case NpgsqlException { IsTransient: true }:
                case System.Net.Sockets.SocketException:
                case TimeoutException:
                case RabbitMQ.Client.Exceptions.BrokerUnreachableException:
                case RabbitMQ.Client.Exceptions.AlreadyClosedException:
                case RabbitMQ.Client.Exceptions.OperationInterruptedException:
                case MassTransit.RabbitMqConnectionException:
                    return true;
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Any(IsPassing);
            }
        }

        return false;
    }
}

/// <summary>The platform's servers as the exception handler asks about them: a passing fault is a 503 with Retry-After.</summary>
public sealed class PlatformDependencyFaults : IDependencyFaults
{
    public bool IsPassing(Exception exception) => TransientFaults.IsPassing(exception);
}
