namespace ProposalPlatform.AppHost.Infrastructure;

/// <summary>
/// How the platform runs its own RabbitMQ and PostgreSQL, as local processes or as containers
/// alike: tuned for a machine of a few cores that the servers share with the services.
/// </summary>
public static class ServerTuning
{
    /// <summary>PostgreSQL's server settings, as arguments of <c>postgres</c>.</summary>
    public static readonly string[] PostgresArguments =
    [
        "-c", "max_connections=300",
        // With 256 MB, backends wrote out ten times more pages themselves than the checkpointer did
        // (buffers_backend against buffers_checkpoint), a write on the path of a request each time.
        "-c", "shared_buffers=512MB",
        "-c", "bgwriter_lru_maxpages=400",
        // Backends write most pages out themselves (a session's bulk inserts fill the buffers), and
        // without this the kernel holds them as dirty cache and writes them back 30 s later in one
        // burst of several hundred MB (400 MB in a second, ten processes blocked on I/O): every
        // commit's WAL flush waited behind it. Asking for write-back every 512 kB spreads it out.
        "-c", "backend_flush_after=512kB",
        // Taking in a session writes a few GB of WAL, most of it GIN index pages: with the default
        // 1 GB a checkpoint came every few seconds, and each one made the next change of every page a
        // full-page image again (7.9 GB of WAL a minute while indexing). Compressed images halve the rest.
        "-c", "max_wal_size=4GB",
        "-c", "checkpoint_timeout=15min",
        "-c", "wal_compression=lz4",
        // Values over 2 kB (the items' texts, the events' and outbox rows' JSON, a batch's ProposalsRegistered
        // of 500 items) are compressed as they are stored: with PostgreSQL's own pglz that was a good part of
        // the database's CPU while a session was taken in; LZ4 does it several times faster. Values stored
        // before keep their pglz, and read as ever.
        "-c", "default_toast_compression=lz4",
        // Autovacuum after a session (the items, their story, the inboxes) took up to 60% of a core
        // for 10 s while single items kept coming, and their latency in those seconds rose to 150-300 ms.
        // At a fifth of the default pace it still clears a session's dead rows within minutes.
        "-c", "autovacuum_vacuum_cost_delay=10ms",
        // where the database time goes, for the operations team (pg_stat_statements)
        "-c", "shared_preload_libraries=pg_stat_statements",
    ];

    /// <summary>
    /// Erlang's schedulers busy-wait for work by default; on a machine whose few cores the services
    /// and PostgreSQL share, that is CPU taken from them.
    /// </summary>
    public const string RabbitMqErlangArguments = "+sbwt none +sbwtdcpu none +sbwtdio none";
}
