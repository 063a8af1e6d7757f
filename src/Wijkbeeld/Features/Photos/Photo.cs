using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wijkbeeld.Features.Items;

namespace Wijkbeeld.Features.Photos;

/// <summary>A photo of an item: re-encoded as JPEG without metadata; the file lives in the photo folder, not in wwwroot.</summary>
public sealed class Photo
{
    public Guid Id { get; set; }
    public int ItemId { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public long Bytes { get; set; }
    public DateTime CreatedAt { get; set; }

    public string FileName => $"{Id:N}.jpg";
    public string Url => $"/api/photos/{Id:N}";
}

public sealed class PhotoOptions
{
    /// <summary>Where photo files are kept; relative paths are relative to the app's content root.</summary>
    public string Folder { get; set; } = "data/photos";
    /// <summary>Largest upload accepted. Phones send ≤ 1600 px JPEGs (well under 1 MB); a camera original may be bigger.</summary>
    public long MaxBytes { get; set; } = 15 * 1024 * 1024;
    /// <summary>Largest image (width × height) decoded: guards memory against "decompression bombs".</summary>
    public long MaxPixels { get; set; } = 50_000_000;
    /// <summary>The long side of a stored photo, in pixels.</summary>
    public int LongSide { get; set; } = 1600;
    public int MaxPerItem { get; set; } = 20;
}

sealed class PhotoConfiguration : IEntityTypeConfiguration<Photo>
{
    public void Configure(EntityTypeBuilder<Photo> photo)
    {
        photo.HasOne<Item>().WithMany().HasForeignKey(p => p.ItemId);
        photo.HasIndex(p => new { p.ItemId, p.CreatedAt });
        photo.Ignore(p => p.FileName);
        photo.Ignore(p => p.Url);
    }
}
