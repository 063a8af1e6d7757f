using System.Data;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Profile;

/// <summary>
/// Inserts (binary COPY on PostgreSQL, a prepared statement on SQLite) and updates figures on EF Core's connection and transaction. Table and column
/// names come from the model, quoted the same way for SQLite and PostgreSQL.
/// </summary>
sealed class BulkValues(WijkbeeldDb db, DbTransaction transaction)
{
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

    static void Add(DbCommand command, string name, DbType type)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.DbType = type;
        command.Parameters.Add(p);
    }

    public async Task InsertAsync(IReadOnlyList<(int IndicatorId, string AreaCode, int Year, double Value)> rows, Action<int> done, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }
        if (connection is Npgsql.NpgsqlConnection postgres)
        {
            await CopyAsync(postgres, rows, done, ct);
            return;
        }
        // SQLite: one prepared single-row statement is fastest there (a statement with many named parameters binds
        // each by a linear name search).
        var n = Names();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {n.Table} ({n.IndicatorId}, {n.AreaCode}, {n.Year}, {n.Value}) VALUES (@i, @a, @y, @v)";
        Add(command, "@i", DbType.Int32);
        Add(command, "@a", DbType.String);
        Add(command, "@y", DbType.Int32);
        Add(command, "@v", DbType.Double);
        await command.PrepareAsync(ct);
        var (pi, pa, py, pv) = (command.Parameters[0], command.Parameters[1], command.Parameters[2], command.Parameters[3]);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            pi.Value = row.IndicatorId;
            pa.Value = row.AreaCode;
            py.Value = row.Year;
            pv.Value = row.Value;
            await command.ExecuteNonQueryAsync(ct);
            if ((i + 1) % 1000 == 0)
            {
                done(1000);
            }
        }
        done(rows.Count % 1000);
    }

    /// <summary>PostgreSQL: binary COPY, in the import's transaction.</summary>
    async Task CopyAsync(Npgsql.NpgsqlConnection postgres, IReadOnlyList<(int IndicatorId, string AreaCode, int Year, double Value)> rows,
        Action<int> done, CancellationToken ct)
    {
        var n = Names();
        await using var copy = await postgres.BeginBinaryImportAsync(
            $"COPY {n.Table} ({n.IndicatorId}, {n.AreaCode}, {n.Year}, {n.Value}) FROM STDIN (FORMAT BINARY)", ct);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(row.IndicatorId, NpgsqlTypes.NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(row.AreaCode, NpgsqlTypes.NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(row.Year, NpgsqlTypes.NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(row.Value, NpgsqlTypes.NpgsqlDbType.Double, ct);
            if ((i + 1) % 1000 == 0)
            {
                done(1000);
            }
        }
        await copy.CompleteAsync(ct);
        done(rows.Count % 1000);
    }

    /// <summary>The stored figures of these indicators and years, by (indicator, area, year): read without change tracking.</summary>
    public async Task<Dictionary<(int, string, int), (long Id, double Value)>> ExistingAsync(
        IReadOnlyList<int> indicatorIds, IReadOnlyList<int> years, CancellationToken ct)
    {
        var n = Names();
        var result = new Dictionary<(int, string, int), (long, double)>();
        if (indicatorIds.Count == 0 || years.Count == 0)
        {
            return result;
        }
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // Ids and years are numbers from the database and the parser, never user text.
        command.CommandText = $"SELECT {n.Id}, {n.IndicatorId}, {n.AreaCode}, {n.Year}, {n.Value} FROM {n.Table} " +
            $"WHERE {n.IndicatorId} IN ({string.Join(',', indicatorIds)}) AND {n.Year} IN ({string.Join(',', years)})";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result[(reader.GetInt32(1), reader.GetString(2), reader.GetInt32(3))] = (reader.GetInt64(0), reader.GetDouble(4));
        }
        return result;
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
