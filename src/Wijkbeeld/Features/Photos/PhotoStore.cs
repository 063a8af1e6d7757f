using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using Wijkbeeld.Infrastructure.Data;

namespace Wijkbeeld.Features.Photos;

public sealed record PhotoDto(Guid Id, int ItemId, string Url, int Width, int Height, long Bytes, DateTime CreatedAt)
{
    public static PhotoDto From(Photo p) => new(p.Id, p.ItemId, p.Url, p.Width, p.Height, p.Bytes, p.CreatedAt);
}

public enum PhotoRefusal { None, NotAnImage, TooLarge, TooManyPixels, TooMany, ItemNotFound }

public sealed record PhotoResult(Photo? Photo, PhotoRefusal Refusal, string? Message);

/// <summary>
/// Checks, cleans and stores photos. The real type is read from the content, never from a name or header; every
/// photo is decoded, turned upright, shrunk to <see cref="PhotoOptions.LongSide"/> and written anew as JPEG with no
/// EXIF, XMP, IPTC or comments, so no GPS position or camera serial survives.
/// </summary>
public sealed class PhotoStore(WijkbeeldDb db, IOptions<PhotoOptions> options, IWebHostEnvironment environment,
    TimeProvider clock, IStringLocalizer<Texts> text)
{
    PhotoOptions Options => options.Value;

    public string Folder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, Options.Folder));

    public string PathOf(Photo photo) => Path.Combine(Folder, photo.FileName);

    /// <summary>A photo of an item the caller may see (the items' visibility filter applies), and whether that item is public.</summary>
    public async Task<(Photo? Photo, bool IsPublic)> FindAsync(Guid id, CancellationToken ct)
    {
        var found = await db.Photos.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { Photo = p, Visibility = db.Items.Where(i => i.Id == p.ItemId).Select(i => (Items.Visibility?)i.Visibility).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        return found?.Visibility is { } visibility ? (found.Photo, visibility == Items.Visibility.Public) : (null, false);
    }

    /// <summary>The photos of an item, or null when the caller may not see the item.</summary>
    public async Task<IReadOnlyList<PhotoDto>?> ForItemAsync(int itemId, CancellationToken ct) =>
        !await db.Items.AnyAsync(i => i.Id == itemId, ct) ? null
        : (await db.Photos.AsNoTracking().Where(p => p.ItemId == itemId).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(ct))
            .Select(PhotoDto.From).ToList();

    /// <summary>Reads at most MaxBytes from <paramref name="body"/>; refuses what is not a photo or is too big, storing nothing.</summary>
    public async Task<PhotoResult> AddAsync(int itemId, Stream body, long? declaredLength, CancellationToken ct)
    {
        var maxSize = SizeText(Options.MaxBytes);
        if (declaredLength > Options.MaxBytes)
        {
            return Refuse(PhotoRefusal.TooLarge, text["Photos.TooLarge", maxSize]);
        }
        if (!await db.Items.AnyAsync(i => i.Id == itemId, ct))
        {
            return Refuse(PhotoRefusal.ItemNotFound, text["Problem.NotFoundDetail"]);
        }
        if (await db.Photos.CountAsync(p => p.ItemId == itemId, ct) >= Options.MaxPerItem)
        {
            return Refuse(PhotoRefusal.TooMany, text["Photos.TooMany", Options.MaxPerItem]);
        }
        var stored = await StoreImageAsync(body, ct);
        if (stored.Refusal != PhotoRefusal.None)
        {
            return stored;
        }
        var photo = stored.Photo!;
        photo.ItemId = itemId;
        db.Photos.Add(photo);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // No row, no file: a failed upload leaves nothing behind.
            File.Delete(PathOf(photo));
            throw;
        }
        return new(photo, PhotoRefusal.None, null);
    }

    /// <summary>
    /// Checks, cleans and writes one photo file, without a database row: the caller links it (an item's photo list,
    /// or a visible action's evaluation photo) and deletes the file again when its own save fails.
    /// </summary>
    public async Task<PhotoResult> StoreImageAsync(Stream body, CancellationToken ct)
    {
        var maxSize = SizeText(Options.MaxBytes);
        // Read with a cap: a chunked upload has no length to check up front.
        using var data = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (data.Length + read > Options.MaxBytes)
            {
                return Refuse(PhotoRefusal.TooLarge, text["Photos.TooLarge", maxSize]);
            }
            data.Write(chunk, 0, read);
        }
        // Only the formats phones and browsers produce are decoded at all.
        var configuration = new Configuration(new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule());
        var bytes = data.ToArray();
        IImageInfo? info;
        IImageFormat? format;
        try
        {
            // Content sniffing plus header parse: a text file named .jpg, or a damaged photo, fails here.
            info = Image.Identify(configuration, bytes, out format);
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or NotSupportedException or ImageFormatException)
        {
            return Refuse(PhotoRefusal.NotAnImage, text["Photos.NotAnImage"]);
        }
        if (info is null || format is null)
        {
            return Refuse(PhotoRefusal.NotAnImage, text["Photos.NotAnImage"]);
        }
        if ((long)info.Width * info.Height > Options.MaxPixels)
        {
            return Refuse(PhotoRefusal.TooManyPixels, text["Photos.TooManyPixels"]);
        }

        Image<Rgb24> image;
        try
        {
            image = Image.Load<Rgb24>(configuration, bytes);
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or NotSupportedException or ImageFormatException)
        {
            return Refuse(PhotoRefusal.NotAnImage, text["Photos.NotAnImage"]);
        }
        using (image)
        {
            // Upright first (uses the EXIF orientation), then drop every metadata block.
            image.Mutate(x => x.AutoOrient());
            var longSide = Math.Max(image.Width, image.Height);
            if (longSide > Options.LongSide)
            {
                image.Mutate(x => x.Resize(new ResizeOptions { Mode = ResizeMode.Max, Size = new Size(Options.LongSide, Options.LongSide) }));
            }
            image.Metadata.ExifProfile = null;
            image.Metadata.XmpProfile = null;
            image.Metadata.IptcProfile = null;
            image.Metadata.IccProfile = null;

            var photo = new Photo
            {
                Id = Guid.NewGuid(), Width = image.Width, Height = image.Height,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            Directory.CreateDirectory(Folder);
            var target = PathOf(photo);
            var temporary = target + ".tmp";
            await using (var file = File.Create(temporary))
            {
                await image.SaveAsJpegAsync(file, new JpegEncoder { Quality = 82 }, ct);
            }
            File.Move(temporary, target, overwrite: true);
            photo.Bytes = new FileInfo(target).Length;
            return new(photo, PhotoRefusal.None, null);
        }
    }

    /// <summary>The file of a stored photo by its id, or null when there is none.</summary>
    public string? ExistingPath(Guid id)
    {
        var path = Path.Combine(Folder, $"{id:N}.jpg");
        return File.Exists(path) ? path : null;
    }


    /// <summary>"15 MB" or "195 kB", for the Dutch message.</summary>
    static string SizeText(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : $"{Math.Max(1, bytes / 1024)} kB";

    static PhotoResult Refuse(PhotoRefusal refusal, string message) => new(null, refusal, message);
}
