namespace Wijkbeeld.Infrastructure.Web;

public static class HtmxExtensions
{
    public static bool IsHtmx(this HttpRequest request) => request.Headers.ContainsKey("HX-Request");
}
