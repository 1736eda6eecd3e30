using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.Extensions.Logging;
using Steppe.Web.Live;
using Steppe.Web.Tests.Support;

namespace Steppe.Web.Tests.Live;

/// <summary>A client's refused calls are answers, not faults: a line each at information level, a few a second
/// however many are sent, never an error with a stack trace.</summary>
public sealed class HubLoggingTests : IDisposable
{
    private readonly TestFolder _folder = new();
    private readonly SteppeFactory _app;

    public HubLoggingTests() => _app = new SteppeFactory(_folder);

    public void Dispose()
    {
        _app.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Refused_calls_are_information_lines_at_most_ten_a_second_and_never_errors()
    {
        _app.CreateClient(); // starts the server
        await using var client = new HubConnectionBuilder()
            .WithUrl(new Uri(_app.Server.BaseAddress, "/hubs/live"), o =>
            {
                o.HttpMessageHandlerFactory = _ => _app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        await client.StartAsync();

        for (var i = 0; i < 40; i++)
        {
            await FluentActions.Awaiting(() => client.InvokeAsync<AnswerAck>("Answer", "000000", new { text = "x" })).Should().ThrowAsync<HubException>();
        }

        var logs = _app.Logs.GetSnapshot().Where(r => r.Category == typeof(HubErrors).FullName).ToList();
        logs.Should().NotContain(r => r.Level >= LogLevel.Warning);
        logs.Where(r => r.Level == LogLevel.Information && r.Message.Contains("refused", StringComparison.Ordinal)).Should().HaveCountGreaterThan(0).And.HaveCountLessThan(30);
        _app.Logs.GetSnapshot().Should().NotContain(r => r.Level >= LogLevel.Error, "an expected refusal is never an error");
    }
}
