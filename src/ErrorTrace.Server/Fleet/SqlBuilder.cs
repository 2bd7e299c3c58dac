using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;

namespace ErrorTrace.Server.Fleet;

/// <summary>
/// SQL text and its parameters built together: <see cref="P(string)"/> adds a value and returns its placeholder, so a
/// statement assembled from parts (the filters a request has, one statement per changed aggregate row) binds exactly
/// the parameters its text uses. Several statements separated by <c>;</c> go to the database in one round trip (both
/// Npgsql and Microsoft.Data.Sqlite run them in order and return the row-returning ones as successive results).
/// </summary>
internal sealed class SqlBuilder
{
    private readonly StringBuilder _sql = new();
    private readonly List<(string Name, DbType Type, object? Value)> _parameters = [];

    public bool IsEmpty => _sql.Length == 0;

    public string P(string? value) => Add(DbType.String, value);

    public string P(long value) => Add(DbType.Int64, value);

    public SqlBuilder Append(string sql)
    {
        _sql.Append(sql);
        return this;
    }

    /// <summary>One statement of a batch.</summary>
    public SqlBuilder Statement(string sql)
    {
        _sql.Append(sql).Append(";\n");
        return this;
    }

    public DbCommand Command(DbConnection connection, DbTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = _sql.ToString();
        command.Transaction = transaction;
        foreach (var (name, type, value) in _parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = type;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public override string ToString() => _sql.ToString();

    private string Add(DbType type, object? value)
    {
        var name = "p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add((name, type, value));
        return "@" + name;
    }
}
