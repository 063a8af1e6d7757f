using Wijkbeeld.Features;
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
app.UseWijkbeeldWeb();
app.MapWijkbeeldFeatures();
app.Run();

public partial class Program;
