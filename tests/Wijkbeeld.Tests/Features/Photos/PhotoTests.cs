using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using Wijkbeeld.Tests.Features.Support;

namespace Wijkbeeld.Tests.Features.Photos;

/// <summary>The app with a small photo limit (200 kB), so an "oversized" upload is quick to send.</summary>
public sealed class SmallPhotoLimitApp() : SharedApp(Provider.Sqlite, new Dictionary<string, string?> { ["Photos:MaxBytes"] = "200000" });

public sealed class PostgresSmallPhotoLimitApp() : SharedApp(Provider.Postgres, new Dictionary<string, string?> { ["Photos:MaxBytes"] = "200000" });

public sealed class PhotoSqliteTests(SmallPhotoLimitApp app) : PhotoTests(app), IClassFixture<SmallPhotoLimitApp>;

public sealed class PhotoPostgresTests : PhotoTests, IClassFixture<PostgresSmallPhotoLimitApp>
{
    public PhotoPostgresTests(PostgresSmallPhotoLimitApp app) : base(app) => PostgresGate.Require();
}

public sealed record PhotoShape(Guid Id, int ItemId, string Url, int Width, int Height, long Bytes, DateTime CreatedAt);

/// <summary>
/// Photos as a phone sends them: stored without location or camera metadata, at most 1600 px, and anything that is
/// not a photo, or too big, is refused with a Dutch message and leaves nothing behind.
/// </summary>
public abstract class PhotoTests(SharedApp shared) : AppTests(shared)
{
    const string CameraMake = "WijkbeeldTestCam";

    /// <summary>A JPEG as a phone camera writes it: EXIF with the GPS position, camera make and orientation.</summary>
    static byte[] PhoneJpeg(int width, int height, int quality = 90, bool noise = false)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(40, 120, 200));
        if (noise)
        {
            // Noise does not compress: a big file from a small picture.
            var random = new Random(10);
            image.ProcessPixelRows(rows =>
            {
                for (var y = 0; y < rows.Height; y++)
                {
                    foreach (ref var pixel in rows.GetRowSpan(y))
                    {
                        pixel = new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                    }
                }
            });
        }
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, CameraMake);
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(52, 1), new Rational(54, 1), new Rational(3012, 100)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(4, 1), new Rational(45, 1), new Rational(1234, 100)]);
        exif.SetValue(ExifTag.Orientation, (ushort)1);
        image.Metadata.ExifProfile = exif;
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { Quality = quality });
        return stream.ToArray();
    }

    static ByteArrayContent Image(byte[] bytes, string mediaType = "image/jpeg")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    async Task<int> NewItemAsync() => (await Client.CreateItemAsync(NewItem.At(Places.Kooypunt, "Foto " + TestApps.UniqueTag()))).Id;

    Task<int> PhotoRowsAsync() => App.WithDbAsync(db => db.Photos.CountAsync(Ct));

    int PhotoFiles()
    {
        var folder = App.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Photos:Folder"]!;
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
    }

    [Fact]
    public async Task The_served_photo_has_no_GPS_or_camera_metadata_and_is_at_most_1600_pixels()
    {
        var itemId = await NewItemAsync();
        var original = PhoneJpeg(2000, 1500, quality: 40);
        Assert.NotNull(SixLabors.ImageSharp.Image.Identify(original).Metadata.ExifProfile?.GetValue(ExifTag.GPSLatitude));

        var photo = await (await Client.PostAsync($"/api/items/{itemId}/photos", Image(original), Ct)).ReadOkAsync<PhotoShape>(HttpStatusCode.Created);
        var served = await Client.GetAsync(photo.Url, Ct);

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.True(served.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromDays(365), served.Headers.CacheControl?.MaxAge);
        Assert.NotNull(served.Headers.ETag);
        var bytes = await served.Content.ReadAsByteArrayAsync(Ct);
        using var image = SixLabors.ImageSharp.Image.Load<Rgb24>(bytes);
        Assert.Equal((1600, 1200), (image.Width, image.Height));
        Assert.Null(image.Metadata.ExifProfile);
        Assert.Null(image.Metadata.XmpProfile);
        Assert.Null(image.Metadata.IptcProfile);
        // Also byte for byte: no EXIF block and no trace of the camera.
        Assert.Equal(-1, IndexOf(bytes, "Exif\0\0"u8.ToArray()));
        Assert.Equal(-1, IndexOf(bytes, System.Text.Encoding.ASCII.GetBytes(CameraMake)));

        var list = await (await Client.GetAsync($"/api/items/{itemId}/photos", Ct)).ReadOkAsync<List<PhotoShape>>();
        Assert.Equal(photo.Id, Assert.Single(list).Id);
    }

    [Fact]
    public async Task A_PNG_is_stored_as_a_JPEG_too()
    {
        var itemId = await NewItemAsync();
        using var png = new Image<Rgba32>(300, 200, new Rgba32(200, 10, 10, 128));
        using var stream = new MemoryStream();
        await png.SaveAsPngAsync(stream, Ct);
        var photo = await (await Client.PostAsync($"/api/items/{itemId}/photos", Image(stream.ToArray(), "image/png"), Ct))
            .ReadOkAsync<PhotoShape>(HttpStatusCode.Created);
        Assert.Equal((300, 200), (photo.Width, photo.Height));
        var served = await Client.GetByteArrayAsync(photo.Url, Ct);
        Assert.Equal("JPEG", SixLabors.ImageSharp.Image.DetectFormat(served).Name);
    }

    [Theory]
    [InlineData("image/jpeg")]
    [InlineData("image/png")]
    [InlineData("text/plain")]
    public async Task A_file_that_is_not_a_photo_is_refused_in_Dutch_and_stores_nothing(string mediaType)
    {
        var itemId = await NewItemAsync();
        var (rows, files) = (await PhotoRowsAsync(), PhotoFiles());
        // A text file with a photo's name and content type: the content decides.
        var fake = System.Text.Encoding.UTF8.GetBytes("<?php echo 'dit is geen foto'; ?>");

        var response = await App.AssertChangesNothingAsync(() => Client.PostAsync($"/api/items/{itemId}/photos", Image(fake, mediaType), Ct));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "Verkeerd bestandstype");
        Assert.Equal("Dit bestand is geen foto. Kies een JPEG-, PNG- of WebP-foto. Er is niets opgeslagen.", problem.Detail);
        Assert.Equal((rows, files), (await PhotoRowsAsync(), PhotoFiles()));
    }

    [Fact]
    public async Task A_damaged_JPEG_is_refused()
    {
        var itemId = await NewItemAsync();
        var damaged = PhoneJpeg(400, 300)[..200];
        var response = await App.AssertChangesNothingAsync(() => Client.PostAsync($"/api/items/{itemId}/photos", Image(damaged), Ct));
        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "Verkeerd bestandstype");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_oversized_photo_is_refused_in_Dutch_and_stores_nothing(bool withLength)
    {
        var itemId = await NewItemAsync();
        var (rows, files) = (await PhotoRowsAsync(), PhotoFiles());
        var big = PhoneJpeg(400, 400, quality: 100, noise: true);
        Assert.True(big.Length > 200_000, $"test photo is only {big.Length} bytes");
        HttpContent content = withLength
            ? Image(big)
            // No Content-Length (chunked): the server must stop reading at its limit.
            : new StreamContent(new NoLengthStream(big)) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } };

        var response = await App.AssertChangesNothingAsync(() => Client.PostAsync($"/api/items/{itemId}/photos", content, Ct));

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "Te groot");
        Assert.Equal("Deze foto is te groot. Een foto mag hoogstens 195 kB zijn. Er is niets opgeslagen.", problem.Detail);
        Assert.Equal((rows, files), (await PhotoRowsAsync(), PhotoFiles()));
    }

    [Fact]
    public async Task A_photo_for_a_missing_item_is_refused()
    {
        var response = await App.AssertChangesNothingAsync(() => Client.PostAsync("/api/items/999999/photos", Image(PhoneJpeg(100, 100)), Ct));
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "Niet gevonden");
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/photos/{Guid.NewGuid():N}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_same_upload_sent_twice_with_one_key_stores_one_photo()
    {
        var itemId = await NewItemAsync();
        var bytes = PhoneJpeg(640, 480);
        var ids = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/items/{itemId}/photos") { Content = Image(bytes) };
            request.Headers.Add("Idempotency-Key", "photo-" + itemId);
            ids.Add((await (await Client.SendAsync(request, Ct)).ReadOkAsync<PhotoShape>(HttpStatusCode.Created)).Id);
        }
        Assert.Single(ids.Distinct());
        Assert.Single(await (await Client.GetAsync($"/api/items/{itemId}/photos", Ct)).ReadOkAsync<List<PhotoShape>>());
    }

    static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);

    /// <summary>A stream that hides its length, so HttpClient sends it chunked.</summary>
    sealed class NoLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
