namespace Wijkbeeld.Features.Field;

public sealed class FieldOptions
{
    /// <summary>How long a stored answer to an Idempotency-Key is replayed; older keys are removed.</summary>
    public int IdempotencyDays { get; set; } = 7;

    /// <summary>
    /// A request whose key is still "in progress" after this long is taken to have died with its server;
    /// a retry then runs again. Shorter than any client timeout would risk a double write.
    /// </summary>
    public int IdempotencyLeaseSeconds { get; set; } = 60;

    /// <summary>The duplicate check: open items of the same kind within this many metres are offered.</summary>
    public int DuplicateRadiusMetres { get; set; } = 75;
}
