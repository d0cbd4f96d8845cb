namespace ProposalPlatform.ServiceDefaults;

/// <summary>
/// Tells whether an exception means that a server the service depends on (its database, the broker)
/// is not answering for now: a request that ends in one is answered 503 with <c>Retry-After</c>, and a
/// consumed message is tried again, rather than a 500 or a message parked in <c>_error</c>.
/// The services register one for the servers they use; a process with none treats nothing as passing.
/// </summary>
public interface IDependencyFaults
{
    bool IsPassing(Exception exception);
}
