using System.Data.Common;
using ErrorTrace.Server.Data;
using ErrorTrace.Server.Options;

namespace ErrorTrace.Server.Jobs;

/// <summary>The three statements the service runs, built once from the configured table and column names. The columns
/// are aliased to the names <see cref="JobRow.Read"/> reads; SQLite and PostgreSQL both accept this SQL as is.</summary>
internal sealed class JobsSql
{
    public JobsSql(JobsTableOptions table)
    {
        var c = table.Columns;
        var from = SqlIdentifier.Quote(table.Table);
        var select = string.Join(", ",
            $"{SqlIdentifier.Quote(c.Id)} AS \"Id\"",
            $"{SqlIdentifier.Quote(c.Status)} AS \"Status\"",
            $"{SqlIdentifier.Quote(c.ErrorMessage)} AS \"ErrorMessage\"",
            $"{SqlIdentifier.Quote(c.Owner)} AS \"Owner\"",
            $"{SqlIdentifier.Quote(c.LogPath)} AS \"LogPath\"",
            $"{SqlIdentifier.Quote(c.CreatedAt)} AS \"CreatedAt\"",
            $"{SqlIdentifier.Quote(c.UpdatedAt)} AS \"UpdatedAt\"");
        Find = $"SELECT {select} FROM {from} WHERE {SqlIdentifier.Quote(c.Id)} = @Id";
        ListSelect = $"SELECT {select} FROM {from}";
        CountSelect = $"SELECT COUNT(*) FROM {from}";
        OwnerFilter = $"{SqlIdentifier.Quote(c.Owner)} = @Owner";
        StatusFilter = $"LOWER({SqlIdentifier.Quote(c.Status)}) = @Status";
        Order = $"ORDER BY {SqlIdentifier.Quote(c.CreatedAt)} DESC, {SqlIdentifier.Quote(c.Id)} DESC";
        Ping = $"SELECT 1 FROM {from} WHERE 1 = 0";
    }

    public string Find { get; }

    public string Ping { get; }

    private string ListSelect { get; }

    private string CountSelect { get; }

    private string OwnerFilter { get; }

    private string StatusFilter { get; }

    private string Order { get; }

    public (string List, string Count) ForQuery(JobQuery query)
    {
        var filters = new List<string>(2);
        if (query.Owner is not null) filters.Add(OwnerFilter);
        if (query.Status is not null) filters.Add(StatusFilter);
        var where = filters.Count == 0 ? "" : " WHERE " + string.Join(" AND ", filters);
        return ($"{ListSelect}{where} {Order} LIMIT @Limit OFFSET @Offset", $"{CountSelect}{where}");
    }

    /// <summary>The parameters of the filters <see cref="ForQuery"/> put in its WHERE clause, and only those (the
    /// conditions are the same): PostgreSQL must not be sent a parameter the statement does not use.</summary>
    public static DbCommand AddFilterParameters(DbCommand command, JobQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Owner is not null) command.With("Owner", query.Owner);
        if (query.Status is not null) command.With("Status", query.Status);
        return command;
    }
}
