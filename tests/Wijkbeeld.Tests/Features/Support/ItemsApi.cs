using static Wijkbeeld.Tests.Features.Support.TestApps;

namespace Wijkbeeld.Tests.Features.Support;

/// <summary>The items API as a client calls it; each call checks the success status it expects.</summary>
public static class ItemsApi
{
    public static async Task<ItemPageShape> ListItemsAsync(this HttpClient client, string query = "") =>
        await (await client.GetAsync("/api/items" + query, Ct)).ReadOkAsync<ItemPageShape>();

    /// <summary>Every item matching the query, on one page.</summary>
    public static async Task<IReadOnlyList<ItemShape>> AllItemsAsync(this HttpClient client, string query = "")
    {
        var page = await client.ListItemsAsync(query + (query.Length == 0 ? "?" : "&") + "pageSize=500");
        Assert.True(page.Total <= 500, "More items than fit on one page; the test needs paging.");
        Assert.Equal(page.Total, page.Items.Count);
        return page.Items;
    }

    public static async Task<ItemShape> GetItemAsync(this HttpClient client, int id) =>
        await (await client.GetAsync($"/api/items/{id}", Ct)).ReadOkAsync<ItemShape>();

    /// <summary>The one item whose title contains <paramref name="text"/>.</summary>
    public static async Task<ItemShape> FindItemAsync(this HttpClient client, string text) =>
        Assert.Single(await client.AllItemsAsync("?q=" + Uri.EscapeDataString(text)));

    public static Task<HttpResponseMessage> PostItemAsync(this HttpClient client, NewItem item) =>
        client.PostAsJsonAsync("/api/items", item, Ct);

    public static async Task<ItemShape> CreateItemAsync(this HttpClient client, NewItem item) =>
        await (await client.PostItemAsync(item)).ReadOkAsync<ItemShape>(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> PutItemAsync(this HttpClient client, int id, NewItem item, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/items/{id}") { Content = JsonContent.Create(item) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return client.SendAsync(request, Ct);
    }

    public static Task<HttpResponseMessage> DeleteItemAsync(this HttpClient client, int id, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/items/{id}");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return client.SendAsync(request, Ct);
    }

    public static Task<HttpResponseMessage> CommentAsync(this HttpClient client, int id, string? text) =>
        client.PostAsJsonAsync($"/api/items/{id}/comments", new { text }, Ct);

    /// <summary>The input that recreates <paramref name="item"/> unchanged, to vary one field for a PUT.</summary>
    public static NewItem ToInput(this ItemShape item) => new()
    {
        Kind = item.Kind, Title = item.Title, Description = item.Description, Latitude = item.Latitude, Longitude = item.Longitude,
        Themes = item.Themes, Status = item.Status, OwnerOrganisation = item.OwnerOrganisation, Contact = item.Contact,
        Visibility = item.Visibility, Source = item.Source, RelatedItemIds = item.RelatedItemIds,
    };

    public static string ETag(this HttpResponseMessage response)
    {
        Assert.NotNull(response.Headers.ETag);
        return response.Headers.ETag.ToString();
    }
}
