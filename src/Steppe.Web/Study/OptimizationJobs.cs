using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Steppe.Domain.Scheduling;
using Steppe.Domain.Scheduling.Optimization;
using Steppe.Web.Accounts;
using Steppe.Web.Data;
using Steppe.Web.Hosting;

namespace Steppe.Web.Study;

public sealed record OptimizationResultDto(
    IReadOnlyList<double> Parameters, string Outcome, int Reviews, int Items,
    double LogLossBefore, double LogLossAfter, double RmseBinsBefore, double RmseBinsAfter);

public sealed record OptimizationStatus(Guid Id, double Progress, bool Done, OptimizationResultDto? Result, string? Error);

public sealed record OptimizationReadiness(int CrossDayReviews, int Needed, bool Ready);

/// <summary>"Optimize my parameters": runs the FSRS optimizer on the learner's own log in the background and
/// reports its progress, then the predicted change; the learner decides whether to apply it.</summary>
public sealed class OptimizationJobs(IServiceScopeFactory scopes)
{
    public const int ItemsNeeded = 64;

    private sealed class Job(string userId)
    {
        public string UserId { get; } = userId;
        public double Progress;
        public OptimizationResultDto? Result;
        public string? Error;
        public bool Done;
    }

    private readonly ConcurrentDictionary<Guid, Job> _jobs = new();

    public Guid Start(string userId)
    {
        var id = Guid.NewGuid();
        var job = new Job(userId);
        _jobs[id] = job;
        _ = Task.Run(async () =>
        {
            try
            {
                var (set, current) = await LoadAsync(userId, CancellationToken.None);
                var fitted = Optimizer.Fit(set, progress: (done, total) => Volatile.Write(ref job.Progress, done / (double)Math.Max(1, total)));
                var before = Evaluation.Evaluate(current, set);
                var after = Evaluation.Evaluate(fitted.Parameters, set);
                job.Result = new OptimizationResultDto([.. fitted.Parameters.W], fitted.Outcome.ToString(), set.Reviews, set.Items.Count,
                    before.LogLoss, after.LogLoss, before.RmseBins, after.RmseBins);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or DbUpdateException)
            {
                job.Error = e.Message;
            }
            finally
            {
                job.Progress = 1;
                job.Done = true;
            }
        });
        return id;
    }

    public OptimizationStatus? Status(Guid id, string userId) =>
        _jobs.TryGetValue(id, out var job) && job.UserId == userId
            ? new OptimizationStatus(id, Volatile.Read(ref job.Progress), job.Done, job.Result, job.Error)
            : null;

    public async Task<(TrainingSet Set, FsrsParameters Current)> LoadAsync(string userId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var settings = await scope.ServiceProvider.GetRequiredService<StudyService>().SettingsAsync(userId, ct);
        var options = StudyService.OptionsOf(settings);
        var log = await db.StandingReviews().AsNoTracking().Where(r => r.UserId == userId).AsLogEntries().ToListAsync(ct);
        return (TrainingSet.FromLog(log, options), options.Parameters);
    }

    public static IEndpointRouteBuilder MapOptimization(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/study").RequireAuthorization().AddEndpointFilter<SameOriginFilter>().WithTags("Study");
        api.MapGet("/optimize", async (ClaimsPrincipal user, OptimizationJobs jobs, CancellationToken ct) =>
        {
            var (set, _) = await jobs.LoadAsync(user.UserId(), ct);
            return TypedResults.Ok(new OptimizationReadiness(set.Items.Count, ItemsNeeded, set.Items.Count >= ItemsNeeded));
        }).WithSummary("Whether you have enough reviews on later days for the optimizer.");
        api.MapPost("/optimize", (ClaimsPrincipal user, OptimizationJobs jobs) =>
            TypedResults.Accepted($"/api/study/optimize/{jobs.Start(user.UserId())}")).WithSummary("Start fitting your parameters; poll the Location for progress.");
        api.MapGet("/optimize/{id:guid}", Results<Ok<OptimizationStatus>, NotFound> (Guid id, ClaimsPrincipal user, OptimizationJobs jobs) =>
            jobs.Status(id, user.UserId()) is { } status ? TypedResults.Ok(status) : TypedResults.NotFound()).WithSummary("Progress and result of an optimization.");
        api.MapPut("/parameters", SetParameters).WithSummary("Use these FSRS-6 parameters (21 numbers), or null for the defaults.");
        return app;
    }

    public sealed record ParametersRequest(IReadOnlyList<double>? Parameters);

    internal static async Task<Results<NoContent, ValidationProblem>> SetParameters(ParametersRequest request, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        string? text = null;
        if (request.Parameters is { } w)
        {
            try
            {
                text = FsrsParameters.Fsrs6(w).ToString();
            }
            catch (ArgumentException e)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["parameters"] = [e.Message.Split(" (Parameter", 2)[0]] });
            }
        }
        var userId = user.UserId();
        var settings = await db.StudySettings.SingleOrDefaultAsync(s => s.UserId == userId, ct);
        if (settings is null)
        {
            settings = new StudySettingsEntity { UserId = userId };
            db.StudySettings.Add(settings);
        }
        settings.Parameters = text;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
