using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Wijkbeeld.Infrastructure.Data;

/// <summary>All times are stored as UTC; SQLite forgets the kind on the way back, so restore it.</summary>
sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
