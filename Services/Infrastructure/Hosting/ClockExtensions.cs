using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ProposalPlatform.Infrastructure.Hosting;

public static class ClockExtensions
{
    public const string ClockControlSetting = "Testing:ClockControl";

    /// <summary>The service's clock: the system's, or a <see cref="ShiftableClock"/> when the integration tests ask for one.</summary>
    public static IHostApplicationBuilder AddPlatformClock(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>(ClockControlSetting))
        {
            var clock = new ShiftableClock();
            builder.Services.AddSingleton(clock);
            builder.Services.AddSingleton<TimeProvider>(clock);
        }
        else
        {
            builder.Services.AddSingleton(TimeProvider.System);
        }

        return builder;
    }

    /// <summary>
    /// <c>POST /testing/clock</c> moves a shiftable clock (<c>{"advanceBy":"75.00:00:00"}</c> or
    /// <c>{"reset":true}</c>). Mapped only under clock control, and outside <c>/api</c>, so the gateway
    /// never routes to it.
    /// </summary>
    public static IEndpointRouteBuilder MapClockControl(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<ShiftableClock>() is null)
        {
            return app;
        }

        app.MapPost("/testing/clock", (ClockChange change, ShiftableClock clock) =>
        {
            if (change.Reset)
            {
                clock.Reset();
            }

            if (change.AdvanceBy is { } by)
            {
                if (by < TimeSpan.Zero)
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["advanceBy"] = ["The clock only moves forward."] });
                }

                clock.Advance(by);
            }

            return Results.Ok(new { now = clock.GetUtcNow(), offset = clock.Offset });
        }).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    public sealed record ClockChange(TimeSpan? AdvanceBy, bool Reset = false);
}
