using Dapper;
using ProposalPlatform.Assignment.Domain;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.Assignment.Data;

public sealed class UnitRepository(PlatformDatabase database)
{
    public async Task<IReadOnlyList<HandlingUnit>> UnitsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<HandlingUnit>(new CommandDefinition(
            "SELECT code AS Code, name AS Name, kind AS Kind FROM units ORDER BY kind, code",
            cancellationToken: cancellationToken))).AsList();
    }

    public async Task<HandlingUnit?> FindAsync(string code, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<HandlingUnit>(new CommandDefinition(
            "SELECT code AS Code, name AS Name, kind AS Kind FROM units WHERE code = @code",
            new { code }, cancellationToken: cancellationToken));
    }

    /// <summary>The names of the given units, by code.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> NamesAsync(UnitOfWork work, string[] codes, CancellationToken cancellationToken) =>
        (await work.Connection.QueryAsync<(string Code, string Name)>(new CommandDefinition(
            "SELECT code, name FROM units WHERE code = ANY(@codes)", new { codes }, work.Transaction, cancellationToken: cancellationToken)))
        .ToDictionary(u => u.Code, u => u.Name);

    public static Task<HandlingUnit?> FindAsync(UnitOfWork work, string code, CancellationToken cancellationToken) =>
        work.Connection.QuerySingleOrDefaultAsync<HandlingUnit>(new CommandDefinition(
            "SELECT code AS Code, name AS Name, kind AS Kind FROM units WHERE code = @code",
            new { code }, work.Transaction, cancellationToken: cancellationToken));

    /// <summary>Which of <paramref name="codes"/> are not units.</summary>
    public async Task<IReadOnlyList<string>> UnknownAsync(IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var wanted = codes.Distinct(StringComparer.Ordinal).ToArray();
        if (wanted.Length == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var known = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT code FROM units WHERE code = ANY(@wanted)", new { wanted }, cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
        return wanted.Where(code => !known.Contains(code)).ToList();
    }

    public async Task<IReadOnlyList<Coverage>> CoverageAsync(string? unitCode, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Coverage>(new CommandDefinition(SelectCoverage, new { unitCode }, cancellationToken: cancellationToken))).AsList();
    }

    private const string SelectCoverage =
        """
        SELECT unit_code AS UnitCode, province AS Province, city AS City FROM unit_coverage
        WHERE @unitCode::text IS NULL OR unit_code = @unitCode ORDER BY unit_code, province, city NULLS FIRST
        """;

    /// <summary>As <see cref="UnknownAsync(IEnumerable{string}, CancellationToken)"/>, inside <paramref name="work"/>.</summary>
    public static async Task<IReadOnlyList<string>> UnknownAsync(UnitOfWork work, IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var wanted = codes.Distinct(StringComparer.Ordinal).ToArray();
        if (wanted.Length == 0)
        {
            return [];
        }

        var known = (await work.Connection.QueryAsync<string>(new CommandDefinition(
            "SELECT code FROM units WHERE code = ANY(@wanted)", new { wanted }, work.Transaction, cancellationToken: cancellationToken)))
            .ToHashSet(StringComparer.Ordinal);
        return wanted.Where(code => !known.Contains(code)).ToList();
    }

    /// <summary>As <see cref="CoverageAsync(string?, CancellationToken)"/>, inside <paramref name="work"/>.</summary>
    public static async Task<IReadOnlyList<Coverage>> CoverageAsync(UnitOfWork work, string? unitCode, CancellationToken cancellationToken) =>
        (await work.Connection.QueryAsync<Coverage>(new CommandDefinition(
            SelectCoverage, new { unitCode }, work.Transaction, cancellationToken: cancellationToken))).AsList();

    /// <summary>Adds a unit; false when the code is taken.</summary>
    public static async Task<bool> CreateAsync(UnitOfWork work, HandlingUnit unit, CancellationToken cancellationToken) =>
        await work.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO units (code, name, kind) VALUES (@Code, @Name, @Kind) ON CONFLICT (code) DO NOTHING",
            unit, work.Transaction, cancellationToken: cancellationToken)) == 1;

    /// <summary>Renames a unit or changes its kind; false when there is no such unit.</summary>
    public static async Task<bool> UpdateAsync(UnitOfWork work, HandlingUnit unit, CancellationToken cancellationToken) =>
        await work.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE units SET name = @Name, kind = @Kind WHERE code = @Code", unit, work.Transaction, cancellationToken: cancellationToken)) == 1;

    /// <summary>
    /// Replaces what a district covers. Returns the places another unit already covers (nothing is
    /// changed then): a place belongs to one district.
    /// </summary>
    public static async Task<IReadOnlyList<Coverage>> ReplaceCoverageAsync(
        UnitOfWork work, string unitCode, IReadOnlyList<Coverage> places, CancellationToken cancellationToken)
    {
        var provinces = places.Select(p => p.Province).ToArray();
        var cities = places.Select(p => p.City ?? string.Empty).ToArray();
        var taken = (await work.Connection.QueryAsync<Coverage>(new CommandDefinition(
            """
            SELECT c.unit_code AS UnitCode, c.province AS Province, c.city AS City
            FROM unit_coverage c JOIN unnest(@provinces, @cities) AS p(province, city)
              ON c.province = p.province AND COALESCE(c.city, '') = p.city
            WHERE c.unit_code <> @unitCode
            """,
            new { unitCode, provinces, cities }, work.Transaction, cancellationToken: cancellationToken))).AsList();
        if (taken.Count > 0)
        {
            return taken;
        }

        await work.Connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM unit_coverage WHERE unit_code = @unitCode;
            INSERT INTO unit_coverage (unit_code, province, city)
            SELECT @unitCode, p.province, NULLIF(p.city, '') FROM unnest(@provinces, @cities) AS p(province, city);
            """,
            new { unitCode, provinces, cities }, work.Transaction, cancellationToken: cancellationToken));
        return [];
    }
}
