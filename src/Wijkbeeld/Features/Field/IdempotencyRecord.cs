using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Wijkbeeld.Features.Field;

/// <summary>
/// One POST that came with an Idempotency-Key: what was asked (fingerprint) and what was answered, so that a
/// retry of the same request gets the same answer instead of a second item. Stored in the database so that
/// it survives restarts and is shared by several instances.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int KeyMaxLength = 100;

    public string Key { get; set; } = "";
    /// <summary>SHA-256 of method, path, content type and body: the same key with another request is refused.</summary>
    public string Fingerprint { get; set; } = "";
    public DateTime StartedAt { get; set; }
    /// <summary>Null while the first request is still being handled.</summary>
    public DateTime? CompletedAt { get; set; }
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public byte[]? Body { get; set; }
}

sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> record)
    {
        record.HasKey(r => r.Key);
        record.Property(r => r.Key).HasMaxLength(IdempotencyRecord.KeyMaxLength);
        record.Property(r => r.Fingerprint).HasMaxLength(64);
        record.Property(r => r.ContentType).HasMaxLength(200);
        record.Property(r => r.Location).HasMaxLength(500);
        record.Property(r => r.ETag).HasMaxLength(100);
        record.HasIndex(r => r.StartedAt);
    }
}
