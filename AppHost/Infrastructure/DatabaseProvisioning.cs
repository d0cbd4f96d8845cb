using Npgsql;

namespace ProposalPlatform.AppHost.Infrastructure;

/// <summary>
/// Makes a database of the platform and its roles on a PostgreSQL server, through an administrative
/// connection only the AppHost holds, on every start: what exists is brought to what the declaration
/// says, so a database made and filled by the superuser before the platform had roles is handed to
/// its owner. The administrator is a superuser (the platform's own servers) or a role with CREATEDB
/// and CREATEROLE (a managed server).
/// </summary>
public static class DatabaseProvisioning
{
    /// <summary>
    /// Every object in the database's own schemas that is not yet the owner's, as the statement that
    /// hands it over: tables, views, sequences (but those of identity and serial columns, which follow
    /// their table), functions, procedures, aggregates, types, domains and the schemas themselves (not
    /// one owned by pg_database_owner, which is the database's owner already), none of an extension.
    /// </summary>
    private const string ObjectsToHandOver = """
        WITH objects (kind, name, owner, catalog, oid, namespace) AS (
            SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                  WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
                   c.oid::regclass::text, c.relowner, 'pg_class'::regclass, c.oid, c.relnamespace
            FROM pg_class c
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
              AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d
                       WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
            UNION ALL
            SELECT CASE p.prokind WHEN 'a' THEN 'AGGREGATE' ELSE 'ROUTINE' END,
                   p.oid::regprocedure::text, p.proowner, 'pg_proc'::regclass, p.oid, p.pronamespace
            FROM pg_proc p
            UNION ALL
            SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END,
                   format_type(t.oid, NULL), t.typowner, 'pg_type'::regclass, t.oid, t.typnamespace
            FROM pg_type t
            WHERE t.typtype IN ('d', 'e', 'r')
               OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
            UNION ALL
            SELECT 'SCHEMA', quote_ident(n.nspname), n.nspowner, 'pg_namespace'::regclass, n.oid, n.oid
            FROM pg_namespace n
            WHERE n.nspowner <> 'pg_database_owner'::regrole
        )
        SELECT format('ALTER %s %s OWNER TO %I', o.kind, o.name, @owner)
        FROM objects o
        JOIN pg_namespace n ON n.oid = o.namespace
        WHERE o.owner <> (SELECT oid FROM pg_roles WHERE rolname = @owner)
          AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
          AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = o.catalog AND e.objid = o.oid AND e.deptype = 'e')
        -- the schemas first: an administrator that is no superuser gives a table only to a role that may create in its schema
        ORDER BY o.kind = 'SCHEMA' DESC
        """;

    /// <summary>
    /// Makes the database's roles (each with its password, set anew on every start) and the database
    /// owned by its owner, connectable by its roles alone, and hands the owner whatever in it is
    /// someone else's. Answers how many objects were handed over.
    /// </summary>
    public static async Task<int> ProvisionAsync(
        string adminConnectionString, DatabaseDeclaration database, IReadOnlyDictionary<string, string> passwords, CancellationToken cancellationToken)
    {
        await using (var server = await OpenAsync(adminConnectionString, database: null, cancellationToken))
        {
            var superuser = await ScalarAsync<bool>(server, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user", null, cancellationToken);
            foreach (var role in database.Roles)
            {
                await EnsureRoleAsync(server, role, passwords[role], superuser, cancellationToken);
            }

            await EnsureDatabaseAsync(server, database, cancellationToken);
        }

        await using var inDatabase = await OpenAsync(adminConnectionString, database.Name, cancellationToken);
        var handedOver = await HandOverAsync(inDatabase, database.OwnerRole, cancellationToken);
        if (database.SeparateRuntimeRole)
        {
            await ExecuteAsync(inDatabase, $"GRANT USAGE ON SCHEMA public TO {database.RuntimeRole}", cancellationToken);
        }

        return handedOver;
    }

    private static async Task EnsureRoleAsync(NpgsqlConnection server, string role, string password, bool superuser, CancellationToken cancellationToken)
    {
        var verifier = PostgresPassword.ScramSha256Verifier(password);
        var exists = await ScalarAsync<bool>(server, "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = @value)", role, cancellationToken);
        if (!exists)
        {
            await ExecuteAsync(server, $"CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '{verifier}'", cancellationToken);
        }
        else
        {
            // only a superuser may name the superuser-only attributes, even to take them away
            var superuserOnly = superuser ? " NOSUPERUSER NOREPLICATION NOBYPASSRLS" : "";
            await ExecuteAsync(server, $"ALTER ROLE {role} LOGIN NOCREATEDB NOCREATEROLE{superuserOnly} PASSWORD '{verifier}'", cancellationToken);
        }

        if (!superuser)
        {
            // an administrator that is no superuser gives a database and its objects to a role it is a member of
            await ExecuteAsync(server, $"GRANT {role} TO CURRENT_USER", cancellationToken);
        }

        await using var check = new NpgsqlCommand(
            """
            SELECT r.rolsuper OR r.rolcreatedb OR r.rolcreaterole OR r.rolreplication OR r.rolbypassrls,
                   (SELECT string_agg(g.rolname, ', ') FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid)
            FROM pg_roles r WHERE r.rolname = @role
            """, server);
        check.Parameters.AddWithValue("role", role);
        await using var reader = await check.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (reader.GetBoolean(0))
        {
            throw new InvalidOperationException($"The role {role} may do more than its database needs (SUPERUSER, CREATEDB, CREATEROLE, REPLICATION or BYPASSRLS), and the administrator could not take it away.");
        }

        if (!reader.IsDBNull(1))
        {
            throw new InvalidOperationException($"The role {role} is a member of {reader.GetString(1)}: a role of the platform is a member of no other role.");
        }
    }

    private static async Task EnsureDatabaseAsync(NpgsqlConnection server, DatabaseDeclaration database, CancellationToken cancellationToken)
    {
        var owner = await ScalarAsync<string?>(server, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = @value", database.Name, cancellationToken);
        if (owner is null)
        {
            await ExecuteAsync(server, $"CREATE DATABASE {database.Name} OWNER {database.OwnerRole}", cancellationToken);
        }
        else if (owner != database.OwnerRole)
        {
            await ExecuteAsync(server, $"ALTER DATABASE {database.Name} OWNER TO {database.OwnerRole}", cancellationToken);
        }

        // no CONNECT (nor TEMPORARY) for every role by default: another service's role cannot even connect
        await ExecuteAsync(server, $"REVOKE ALL ON DATABASE {database.Name} FROM PUBLIC", cancellationToken);
        if (database.SeparateRuntimeRole)
        {
            await ExecuteAsync(server, $"GRANT CONNECT ON DATABASE {database.Name} TO {database.RuntimeRole}", cancellationToken);
        }
    }

    private static async Task<int> HandOverAsync(NpgsqlConnection inDatabase, string owner, CancellationToken cancellationToken)
    {
        var statements = new List<string>();
        await using (var query = new NpgsqlCommand(ObjectsToHandOver, inDatabase))
        {
            query.Parameters.AddWithValue("owner", owner);
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                statements.Add(reader.GetString(0));
            }
        }

        foreach (var statement in statements)
        {
            await ExecuteAsync(inDatabase, statement, cancellationToken);
        }

        return statements.Count;
    }

    private static async Task<NpgsqlConnection> OpenAsync(string adminConnectionString, string? database, CancellationToken cancellationToken)
    {
        // not pooled: no administrative connection stays open in a service's database
        var builder = new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false };
        if (database is not null)
        {
            builder.Database = database;
        }

        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, string? value, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (value is not null)
        {
            command.Parameters.AddWithValue("value", value);
        }

        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is null or DBNull ? default! : (T)result;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
