namespace Wijkbeeld.Features.Profile;

/// <summary>Settings under "Profile".</summary>
public sealed class ProfileOptions
{
    /// <summary>Largest import file. The full national table is about 20 MB as CSV.</summary>
    public long MaxImportBytes { get; set; } = 100 * 1024 * 1024;

    /// <summary>Base address of the CBS OData API (v3), for fetching a table instead of uploading it.</summary>
    public string CbsODataUrl { get; set; } = "https://opendata.cbs.nl/ODataApi/odata/";

    /// <summary>Load the made-up Den Helder figures with the other sample data.</summary>
    public bool LoadSample { get; set; } = true;
}
