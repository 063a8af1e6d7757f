namespace Wijkbeeld.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task Health_and_sample_data_on_a_fresh_database()
    {
        using var app = new WijkbeeldApp();
        var client = app.CreateClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/health", TestContext.Current.CancellationToken));
        var page = await client.GetFromJsonAsync<ItemPageShape>("/api/items?pageSize=1", TestContext.Current.CancellationToken);
        Assert.True(page!.Total >= 60);
    }

    sealed record ItemPageShape(int Total);
}
