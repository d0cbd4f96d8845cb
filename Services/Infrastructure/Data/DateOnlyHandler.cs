using System.Data;
using Dapper;

namespace ProposalPlatform.Infrastructure.Data;

/// <summary>
/// A PostgreSQL <c>date</c> is a <see cref="DateOnly"/> both ways: Npgsql takes and gives it, and this
/// makes Dapper pass it through rather than refuse it as a parameter or cast it from a <see cref="DateTime"/>.
/// </summary>
public sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
{
    public static void Register()
    {
        SqlMapper.RemoveTypeMap(typeof(DateOnly));
        SqlMapper.RemoveTypeMap(typeof(DateOnly?));
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
    }

    public override void SetValue(IDbDataParameter parameter, DateOnly value)
    {
        parameter.DbType = DbType.Date;
        parameter.Value = value;
    }

    public override DateOnly Parse(object value) => value switch
    {
        DateOnly day => day,
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        _ => throw new DataException($"Cannot read {value.GetType().Name} as a DateOnly."),
    };
}
