using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbeeld.Features.Accounts;

namespace Wijkbeeld.Features.Network;

/// <summary>
/// A recurring meeting in the meetings inventory ("overleggen"): who sits there, how often, how many hours a month each
/// participant spends on it, what for, and whether it is essential. Shared with every signed-in partner.
/// </summary>
public sealed class Meeting
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Purpose { get; set; } = "";
    public string Frequency { get; set; } = "";
    /// <summary>Hours a month for each participant (preparation and travel included).</summary>
    public decimal HoursPerMonth { get; set; }
    public bool Essential { get; set; }
    public int? OrganisationId { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; } = 1;
    public List<MeetingParticipant> Participants { get; set; } = [];
}

public sealed class MeetingParticipant
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public string Name { get; set; } = "";
    public string Organisation { get; set; } = "";
}

public static class MeetingRules
{
    public const int NameMax = 200;
    public const int TextMax = 1000;
    public const int MaxParticipants = 100;
    public static readonly string[] Frequencies = ["wekelijks", "tweewekelijks", "maandelijks", "per-kwartaal", "anders"];
}

sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> m)
    {
        m.Property(x => x.Name).HasMaxLength(MeetingRules.NameMax);
        m.Property(x => x.Purpose).HasMaxLength(MeetingRules.TextMax);
        m.Property(x => x.Frequency).HasMaxLength(20);
        m.Property(x => x.HoursPerMonth).HasPrecision(6, 2);
        m.Property(x => x.CreatedBy).HasMaxLength(200);
        m.Property(x => x.Version).IsConcurrencyToken().HasDefaultValue(1);
        m.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        m.HasMany(x => x.Participants).WithOne().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class MeetingParticipantConfiguration : IEntityTypeConfiguration<MeetingParticipant>
{
    public void Configure(EntityTypeBuilder<MeetingParticipant> p)
    {
        p.Property(x => x.Name).HasMaxLength(MeetingRules.NameMax);
        p.Property(x => x.Organisation).HasMaxLength(MeetingRules.NameMax);
    }
}
