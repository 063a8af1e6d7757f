using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Wijkbeeld.Features.Follow;

public enum FollowTarget { Area, Theme, Item }

public enum DigestFrequency { Daily, Weekly }

/// <summary>Someone follows an area (wijk or buurt), a theme or one item, and gets a digest of what changed there.</summary>
public sealed class Following
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public FollowTarget Target { get; set; }

    /// <summary>Area code, theme code or item id.</summary>
    public string Key { get; set; } = "";
    public DigestFrequency Frequency { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Changes up to here were in an earlier digest.</summary>
    public long LastSequence { get; set; }
    public DateTime? LastSentAt { get; set; }
}

sealed class FollowingConfiguration : IEntityTypeConfiguration<Following>
{
    public void Configure(EntityTypeBuilder<Following> follow)
    {
        follow.ToTable("Follows");
        follow.Property(f => f.Target).HasConversion<string>().HasMaxLength(10);
        follow.Property(f => f.Frequency).HasConversion<string>().HasMaxLength(10);
        follow.Property(f => f.Key).HasMaxLength(40);
        follow.HasIndex(f => new { f.UserId, f.Target, f.Key }).IsUnique();
        follow.HasOne<Accounts.User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
