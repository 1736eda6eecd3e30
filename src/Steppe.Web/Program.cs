using Steppe.Web.Accounts;
using Steppe.Web.Banks;
using Steppe.Web.Data;
using Steppe.Web.Generation;
using Steppe.Web.Hosting;
using Steppe.Web.Interchange;
using Steppe.Web.Live;
using Steppe.Web.Media;
using Steppe.Web.Study;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = SteppePaths.FindContentRoot(),
    WebRootPath = SteppePaths.WebRoot,
});

builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.Services.AddRazorComponents();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.AddSteppeDatabase();
builder.Services.AddAccounts();
builder.Services.AddBanks();
builder.Services.AddMedia();
builder.Services.AddInterchange();
builder.Services.AddGeneration();
builder.Services.AddStudy();
builder.Services.AddLive();

var app = builder.Build();

app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = BadRequests.StatusCode });
app.UseStatusCodePages();
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseSameOriginHubs("/hubs");
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseOutputCache();
app.UseAntiforgery();

app.MapOpenApi().AllowAnonymous();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapAccountPages();
app.MapAccounts();
app.MapBanks();
app.MapMedia();
app.MapInterchange();
app.MapGeneration();
app.MapStudy();
app.MapStudyPages();
app.MapStatistics();
app.MapStatisticsPages();
app.MapLive();
app.MapLivePages();
app.MapLiveResults();

await app.Services.MigrateSteppeDatabaseAsync();
await app.Services.GetRequiredService<BankLoader>().LoadAllAsync();

app.Run();

/// <summary>The entry point, visible to the web tests' WebApplicationFactory.</summary>
public partial class Program;
