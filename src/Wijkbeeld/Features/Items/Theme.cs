using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Wijkbeeld.Features.Items;

/// <summary>A theme items are tagged with; a table so coordinators can manage them later.</summary>
public sealed class Theme
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";

    public static readonly IReadOnlyList<Theme> Defaults =
    [
        new() { Code = "veiligheid", Name = "Veiligheid" },
        new() { Code = "zorg-welzijn", Name = "Zorg en welzijn" },
        new() { Code = "jeugd", Name = "Jeugd" },
        new() { Code = "ouderen", Name = "Ouderen" },
        new() { Code = "wonen", Name = "Wonen" },
        new() { Code = "armoede-schulden", Name = "Armoede en schulden" },
        new() { Code = "ontmoeting", Name = "Ontmoeting" },
        new() { Code = "groen-openbare-ruimte", Name = "Groen en openbare ruimte" },
        new() { Code = "werk-inkomen", Name = "Werk en inkomen" },
        new() { Code = "gezondheid", Name = "Gezondheid" },
        new() { Code = "onderwijs", Name = "Onderwijs" },
        new() { Code = "energie", Name = "Energie" },
        new() { Code = "sport-bewegen", Name = "Sport en bewegen" },
        new() { Code = "cultuur", Name = "Cultuur" },
        new() { Code = "mobiliteit", Name = "Verkeer en vervoer" },
    ];
}

sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> theme)
    {
        theme.HasKey(t => t.Code);
        theme.Property(t => t.Code).HasMaxLength(40);
        theme.Property(t => t.Name).HasMaxLength(80);
        theme.HasData(Theme.Defaults.Select(t => new Theme { Code = t.Code, Name = t.Name }));
    }
}
