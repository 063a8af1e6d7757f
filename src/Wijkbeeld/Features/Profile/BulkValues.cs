using System.Data;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Profile;

/// <summary>
/// Inserts and updates figures with multi-row SQL statements on EF Core's connection and transaction. Table and column
/// names come from the model, quoted the same way for SQLite and PostgreSQL.
/// </summary>
sealed class BulkValues(WijkbeeldDb db, DbTransaction transaction)
{
    const int RowsPerStatement = 250; // 1,000 parameters: well under both providers' limits

    readonly DbConnection connection = db.Database.GetDbConnection();

    (string Table, string IndicatorId, string AreaCode, string Year, string Value, string Id) Names()
    {
        var entity = db.Model.FindEntityType(typeof(IndicatorValue))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => Quote(entity.FindProperty(property)!.GetColumnName(table)!);
        var name = entity.GetSchema() is { } schema ? $"{Quote(schema)}.{Quote(table.Name)}" : Quote(table.Name);
        return (name, Column(nameof(IndicatorValue.IndicatorId)), Column(nameof(IndicatorValue.AreaCode)),
            Column(nameof(IndicatorValue.Year)), Column(nameof(IndicatorValue.Value)), Column(nameof(IndicatorValue.Id)));
    }

    static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    DbCommand Insert(int rows)
    {
        var n = Names();
        var sql = new StringBuilder($"INSERT INTO {n.Table} ({n.IndicatorId}, {n.AreaCode}, {n.Year}, {n.Value}) VALUES ");
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        for (var i = 0; i < rows; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append($"(@i{i}, @a{i}, @y{i}, @v{i})");
            Add(command, $"@i{i}", DbType.Int32);
            Add(command, $"@a{i}", DbType.String);
            Add(command, $"@y{i}", DbType.Int32);
            Add(command, $"@v{i}", DbType.Double);
        }
        command.CommandText = sql.ToString();
        return command;
    }

    static void Add(DbCommand command, string name, DbType type)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.DbType = type;
        command.Parameters.Add(p);
    }

    public async Task InsertAsync(IReadOnlyList<(int IndicatorId, string AreaCode, int Year, double Value)> rows, Action<int> done, CancellationToken ct)
    {
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += RowsPerStatement)
            {
                var count = Math.Min(RowsPerStatement, rows.Count - start);
                var command = count == RowsPerStatement ? full ??= Insert(RowsPerStatement) : Insert(count);
                for (var i = 0; i < count; i++)
                {
                    var row = rows[start + i];
                    command.Parameters[4 * i].Value = row.IndicatorId;
                    command.Parameters[4 * i + 1].Value = row.AreaCode;
                    command.Parameters[4 * i + 2].Value = row.Year;
                    command.Parameters[4 * i + 3].Value = row.Value;
                }
                await command.ExecuteNonQueryAsync(ct);
                if (command != full)
                {
                    await command.DisposeAsync();
                }
                done(count);
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
    }

    public async Task UpdateAsync(IReadOnlyList<(long Id, double Value)> rows, Action<int> done, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var n = Names();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"UPDATE {n.Table} SET {n.Value} = @v WHERE {n.Id} = @id";
        Add(command, "@v", DbType.Double);
        Add(command, "@id", DbType.Int64);
        foreach (var (id, value) in rows)
        {
            command.Parameters[0].Value = value;
            command.Parameters[1].Value = id;
            await command.ExecuteNonQueryAsync(ct);
            done(1);
        }
    }
}
