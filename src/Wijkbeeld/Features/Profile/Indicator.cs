using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Wijkbeeld.Features.Profile;

public enum IndicatorOrigin { Cbs, Own }

/// <summary>A figure kept per area and year: a CBS kerncijfer (key without CBS's yearly column number) or the team's own.</summary>
public sealed class Indicator
{
    public int Id { get; set; }

    /// <summary>Stable key: "AantalInwoners" for CBS's AantalInwoners_5 / _6 ...; "eigen:wmo-clienten" for own indicators.</summary>
    public string Key { get; set; } = "";
    public string Label { get; set; } = "";
    public string? Unit { get; set; }
    public string? Description { get; set; }

    /// <summary>True: higher is better; false: lower is better; null: neither (a count such as inhabitants).</summary>
    public bool? HigherIsBetter { get; set; }
    public string? Source { get; set; }
    public IndicatorOrigin Origin { get; set; }

    /// <summary>Shown among the key figures at the top of a profile; the rest sit under "alle cijfers".</summary>
    public bool Featured { get; set; }
    public int Decimals { get; set; }

    /// <summary>The years with figures, "2023,2024": kept by the import so lists need not scan all figures.</summary>
    public string Years { get; set; } = "";
    public DateTime UpdatedAt { get; set; }

    /// <summary>Concurrency token for edits (ETag).</summary>
    public int Version { get; set; }
}

/// <summary>One figure. A missing figure ("geen gegevens") has no row: it is never stored as zero.</summary>
public sealed class IndicatorValue
{
    public long Id { get; set; }
    public int IndicatorId { get; set; }
    public string AreaCode { get; set; } = "";
    public int Year { get; set; }
    public double Value { get; set; }
}

sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> indicator)
    {
        indicator.HasIndex(i => i.Key).IsUnique();
        indicator.Property(i => i.Key).HasMaxLength(IndicatorRules.KeyMaxLength);
        indicator.Property(i => i.Label).HasMaxLength(IndicatorRules.LabelMaxLength);
        indicator.Property(i => i.Unit).HasMaxLength(IndicatorRules.UnitMaxLength);
        indicator.Property(i => i.Description).HasMaxLength(IndicatorRules.DescriptionMaxLength);
        indicator.Property(i => i.Source).HasMaxLength(IndicatorRules.SourceMaxLength);
        indicator.Property(i => i.Origin).HasConversion<string>().HasMaxLength(10);
        indicator.Property(i => i.Years).HasMaxLength(1000);
        indicator.Property(i => i.Version).IsConcurrencyToken();
    }
}

sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> value)
    {
        // One index serves both reads: a profile (AreaCode = x) and the choropleth (AreaCode IN (the gemeente's), indicator, year).
        // A second index would cost a third of the import time of a national table.
        value.HasIndex(v => new { v.AreaCode, v.IndicatorId, v.Year }).IsUnique();
        value.Property(v => v.AreaCode).HasMaxLength(10);
        value.HasOne<Indicator>().WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class IndicatorRules
{
    public const int KeyMaxLength = 100;
    public const int LabelMaxLength = 200;
    public const int UnitMaxLength = 60;
    public const int DescriptionMaxLength = 1000;
    public const int SourceMaxLength = 300;
    public const string NetherlandsCode = "NL00";
}
