using System.Data;
using Dapper;

namespace ProposalPlatform.Infrastructure.Data;

/// <summary>
/// Npgsql reads <c>timestamptz</c> as a UTC <see cref="DateTime"/> and writes only UTC offsets; the
/// platform speaks <see cref="DateTimeOffset"/>. This makes Dapper convert both ways.
/// </summary>
public sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public static void Register()
    {
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
    }

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) =>
        parameter.Value = value.ToUniversalTime();

    public override DateTimeOffset Parse(object value) => value switch
    {
        DateTimeOffset offset => offset,
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        _ => throw new DataException($"Cannot read {value.GetType().Name} as a DateTimeOffset."),
    };
}
