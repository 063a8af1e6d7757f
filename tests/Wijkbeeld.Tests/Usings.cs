global using System.Net;
global using System.Net.Http.Json;
global using Xunit;
global using Wijkbeeld.Features.Accounts;
global using Wijkbeeld.Tests.Features.Support;
