namespace Wijkbeeld.Features.Profile;

/// <summary>Loads the made-up Den Helder figures (CBS layout, 2023 and 2024, plus own care-use figures) with the sample data.</summary>
public sealed class ProfileSampleData(IndicatorImport import, IndicatorStore store)
{
    static readonly (string File, int? Year, bool Own)[] Files =
    [
        ("85618NED-den-helder-2023.csv", 2023, false),
        ("85984NED-den-helder-2024.csv", 2024, false),
        ("eigen-indicatoren-den-helder.csv", null, true),
    ];

    public async Task<int> LoadAsync(CancellationToken ct)
    {
        var stored = 0;
        foreach (var (file, year, own) in Files)
        {
            await using var stream = typeof(ProfileSampleData).Assembly.GetManifestResourceStream("Wijkbeeld.Features.Profile.SampleData." + file)
                ?? throw new InvalidOperationException($"Sample figures {file} are not embedded.");
            var parsed = own ? await import.ReadOwnAsync(stream, ct) : await import.ReadCbsAsync(stream, file, year, null, ct);
            stored += (await store.StoreAsync(parsed, null, ct)).ValuesStored;
        }
        return stored;
    }
}
