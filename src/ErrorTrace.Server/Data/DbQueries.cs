using System.Data;
using System.Data.Common;
using System.Globalization;

namespace ErrorTrace.Server.Data;

/// <summary>
/// The few ADO.NET calls the service makes, in place of Dapper: Dapper builds its row readers and parameter writers
/// with run-time IL generation, which a Native AOT binary cannot do, and Dapper.AOT (its build-time interceptors) does
/// not take the <c>CommandDefinition</c> calls that carry a cancellation token and still leaves Dapper's reflection paths
/// in the trimmed program. Rows are mapped by the caller from the reader, by column name.
/// </summary>
internal static class DbQueries
{
    /// <summary>A text command on <paramref name="connection"/>, opened first if it is closed (as Dapper did).</summary>
    public static async Task<DbCommand> CommandAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        if (connection.State == ConnectionState.Closed) await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return Create(connection, sql, transaction: null);
    }

    /// <summary>The synchronous twin for one-off setup work (the demo seeder), optionally inside a transaction.</summary>
    public static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        if (connection.State == ConnectionState.Closed) connection.Open();
        return Create(connection, sql, transaction);
    }

    private static DbCommand Create(DbConnection connection, string sql, DbTransaction? transaction)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Every row, mapped by <paramref name="map"/>.</summary>
    public static async Task<List<T>> ListAsync<T>(this DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleResult, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>The only row, or default when there is none; a second row is an error, as with Dapper's
    /// <c>QuerySingleOrDefault</c> (a lookup by a column the table does not keep unique must not pick one at random).</summary>
    public static async Task<T?> SingleOrDefaultAsync<T>(this DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleResult, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
            var row = map(reader);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                throw new InvalidOperationException("Sequence contains more than one element");
            return row;
        }
    }

    /// <summary>The first column of the first row as a 64-bit integer (0 for no row or NULL): <c>COUNT(*)</c> is
    /// <c>long</c> on SQLite and <c>bigint</c> on PostgreSQL, but any integer type converts.</summary>
    public static async Task<long> ScalarInt64Async(this DbCommand command, CancellationToken cancellationToken)
    {
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    /// <summary>A column by name, with SQL NULL as null; the value keeps the provider's type.</summary>
    public static object? Value(this DbDataReader reader, string column)
    {
        var value = reader.GetValue(reader.GetOrdinal(column));
        return value is DBNull ? null : value;
    }
}
