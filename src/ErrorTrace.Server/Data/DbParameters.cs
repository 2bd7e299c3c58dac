using System.Data;
using System.Data.Common;

namespace ErrorTrace.Server.Data;

/// <summary>Typed command parameters, named without a prefix and typed from the CLR type the way Dapper named and typed
/// them, so SQLite and Npgsql receive the same parameters as before (a null string is a text-typed NULL).</summary>
internal static class DbParameters
{
    public static DbCommand With(this DbCommand command, string name, string? value) => Add(command, name, DbType.String, value);

    public static DbCommand With(this DbCommand command, string name, int value) => Add(command, name, DbType.Int32, value);

    public static DbCommand With(this DbCommand command, string name, long value) => Add(command, name, DbType.Int64, value);

    private static DbCommand Add(DbCommand command, string name, DbType type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }
}
