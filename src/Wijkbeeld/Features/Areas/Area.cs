using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Wijkbeeld.Features.Areas;

public enum AreaLevel { Municipality, District, Neighbourhood }

/// <summary>A gemeente, wijk or buurt with its CBS code and polygon (GeoJSON, WGS84).</summary>
public sealed class Area
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public AreaLevel Level { get; set; }
    public string? ParentCode { get; set; }
    public string MunicipalityCode { get; set; } = "";
    public string Geometry { get; set; } = "";
    public double MinLongitude { get; set; }
    public double MinLatitude { get; set; }
    public double MaxLongitude { get; set; }
    public double MaxLatitude { get; set; }
    public double LabelLongitude { get; set; }
    public double LabelLatitude { get; set; }

    /// <summary>True for the drawn sample boundaries; false once real CBS/PDOK boundaries are imported.</summary>
    public bool IsSample { get; set; }
    public DateTime ImportedAt { get; set; }
}

sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> area)
    {
        area.HasIndex(a => a.Code).IsUnique();
        area.HasIndex(a => a.MunicipalityCode);
        area.Property(a => a.Code).HasMaxLength(10);
        area.Property(a => a.ParentCode).HasMaxLength(10);
        area.Property(a => a.MunicipalityCode).HasMaxLength(10);
        area.Property(a => a.Name).HasMaxLength(120);
        area.Property(a => a.Level).HasConversion<string>().HasMaxLength(20);
    }
}
