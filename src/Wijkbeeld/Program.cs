using Wijkbeeld.Features;
using Wijkbeeld.Features.Accounts;
using Wijkbeeld.Infrastructure.Data;
using Wijkbeeld.Infrastructure.Email;
using Wijkbeeld.Infrastructure.Realtime;
using Wijkbeeld.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddWijkbeeldData();
builder.AddWijkbeeldWeb();
builder.AddWijkbeeldRealtime();
builder.AddWijkbeeldEmail();
builder.Services.AddWijkbeeldFeatures(builder.Configuration);

var app = builder.Build();
await app.PrepareDatabaseAsync();
if (args is [AdminCommand.Name, ..])
{
    return await AdminCommand.RunAsync(app.Services, args);
}
app.UseWijkbeeldWeb();
app.MapWijkbeeldFeatures();
await app.RunAsync();
return 0;

public partial class Program;
