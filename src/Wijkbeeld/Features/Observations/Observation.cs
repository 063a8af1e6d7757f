using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbeeld.Features.Areas;
using Wijkbeeld.Features.Items;

namespace Wijkbeeld.Features.Observations;

/// <summary>
/// Step 1 of WerkwijzerPlus (buurt beleven): who was at a place, when, doing what, and the signals the guide names
/// (who greets whom, who avoids whom, who claims the place, litter or graffiti, visible professionals).
/// </summary>
public sealed class Observation : IPlacedInArea
{
    public int Id { get; set; }
    public DateOnly ObservedOn { get; set; }
    public PartOfDay PartOfDay { get; set; }

    /// <summary>ISO weekday of <see cref="ObservedOn"/> (1 = maandag ... 7 = zondag), stored so the map can filter on it.</summary>
    public int Weekday { get; set; }
    public string GroupCode { get; set; } = "";
    public int? Count { get; set; }
    public string Activity { get; set; } = "";

    /// <summary>Signal codes separated by commas (see <see cref="ObservationCatalog.Signals"/>).</summary>
    public string Signals { get; set; } = "";
    public string Notes { get; set; } = "";
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public string MunicipalityCode { get; set; } = "";
    public string? DistrictCode { get; set; }
    public string? NeighbourhoodCode { get; set; }
    public Visibility Visibility { get; set; }
    public int? OrganisationId { get; set; }
    public int? CreatedById { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

public enum PartOfDay { Morning, Afternoon, Evening, Night }

/// <summary>The editable list of groups an observer can choose (jongeren, ouderen, ...).</summary>
public sealed class ObservationGroup
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
}

sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> o)
    {
        o.Property(x => x.PartOfDay).HasConversion(p => ObservationCatalog.Code(p), c => ObservationCatalog.ParsePartOfDayOrMorning(c)).HasMaxLength(10);
        o.Property(x => x.Visibility).HasConversion(v => v.Code(), c => ParseVisibility(c)).HasMaxLength(20);
        o.Property(x => x.GroupCode).HasMaxLength(40);
        o.Property(x => x.Activity).HasMaxLength(40);
        o.Property(x => x.Signals).HasMaxLength(200);
        o.Property(x => x.Notes).HasMaxLength(ObservationRules.NotesMaxLength);
        o.Property(x => x.MunicipalityCode).HasMaxLength(10);
        o.Property(x => x.DistrictCode).HasMaxLength(10);
        o.Property(x => x.NeighbourhoodCode).HasMaxLength(10);
        o.Property(x => x.CreatedBy).HasMaxLength(200);
        o.HasIndex(x => x.ObservedOn);
        o.HasIndex(x => x.NeighbourhoodCode);
        o.HasIndex(x => x.DistrictCode);
        o.HasOne<Accounts.Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }

    static Visibility ParseVisibility(string code) => ItemCatalog.TryParseVisibility(code, out var v) ? v : Visibility.Organisation;
}

sealed class ObservationGroupConfiguration : IEntityTypeConfiguration<ObservationGroup>
{
    public void Configure(EntityTypeBuilder<ObservationGroup> g)
    {
        g.HasKey(x => x.Code);
        g.Property(x => x.Code).HasMaxLength(40);
        g.Property(x => x.Name).HasMaxLength(ObservationRules.GroupNameMaxLength);
        g.HasData(ObservationCatalog.DefaultGroups.Select((x, i) => new ObservationGroup { Code = x.Code, Name = x.Name, SortOrder = i }));
    }
}
