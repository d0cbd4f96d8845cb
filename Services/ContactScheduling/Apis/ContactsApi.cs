using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ProposalPlatform.ContactScheduling.Data;
using ProposalPlatform.ContactScheduling.Domain;
using ProposalPlatform.Contracts;
using ProposalPlatform.Contracts.ContactScheduling;
using ProposalPlatform.Infrastructure.Data;

namespace ProposalPlatform.ContactScheduling.Apis;

public static class ContactsApi
{
    public static IEndpointRouteBuilder MapContactsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/contacts/tasks").WithTags("Contacts");

        api.MapGet("/{proposalId:guid}", GetTask)
            .WithName("GetContactTask")
            .WithSummary("An item's contact task and every contact recorded for it");
        api.MapPost("/{proposalId:guid}/contacts", RecordContact)
            .WithName("RecordContact")
            .WithSummary("Record a contact with the submitter; the first in which the submitter was reached completes the task");

        return app;
    }

    public static async Task<Results<Ok<ContactTaskView>, ProblemHttpResult>> GetTask(
        Guid proposalId, ContactRepository contacts, CancellationToken cancellationToken)
    {
        var found = await contacts.FindAsync(proposalId, cancellationToken);
        return found is { } f
            ? TypedResults.Ok(ContactTaskView.From(f.Task, f.Contacts))
            : TypedResults.Problem(NoTask(proposalId));
    }

    public static async Task<Results<Created<ContactView>, ValidationProblem, ProblemHttpResult>> RecordContact(
        Guid proposalId,
        ContactSubmission submission,
        PlatformDatabase database,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (contact, errors) = ContactRules.Validate(submission, now);
        if (contact is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The contact is not valid.");
        }

        await using var work = await database.BeginAsync(cancellationToken);
        var task = await ContactRepository.LockTaskAsync(work, proposalId, cancellationToken);
        if (task is null)
        {
            return TypedResults.Problem(NoTask(proposalId));
        }

        if (task.ClosedAt is not null)
        {
            return TypedResults.Problem(Returned(task));
        }

        if (contact.OccurredAt < task.OpenedAt)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>
                {
                    ["occurredAt"] = [$"A contact counts for the item from its assignment on; it was assigned at {task.OpenedAt:O}, after {contact.OccurredAt:O}."],
                },
                title: "The contact is not valid.");
        }

        var contactId = NewId.NextGuid();
        await ContactRepository.RecordAsync(work, proposalId, contactId, contact, now, cancellationToken);
        if (contact.Completes && task.CompletedAt is null)
        {
            await ContactRepository.CompleteTaskAsync(work, proposalId, now, cancellationToken);
            await work.PublishAsync(new ContactCompleted(proposalId, contactId, contact.Channel, contact.OccurredAt), cancellationToken);
        }

        await work.CommitAsync(cancellationToken);
        return TypedResults.Created(
            $"/api/contacts/tasks/{proposalId}",
            new ContactView(contactId, contact.Channel.ToString(), contact.OccurredAt, contact.Outcome.ToString(), contact.Handler, contact.Notes, now));
    }

    private static ProblemDetails Returned(ContactTaskRecord task) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "The item was returned to the assigning office.",
        Detail = $"Item {task.ProposalId} was returned at {task.ClosedAt:O} ({task.ClosedReason}); its contact task is closed and takes no more contacts.",
    };

    private static ProblemDetails NoTask(Guid proposalId) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "No contact task for this item.",
        Detail = $"Item {proposalId} is unknown or not yet assigned; its contact task opens when it is assigned.",
    };
}

public sealed record ContactView(Guid Id, string Channel, DateTimeOffset OccurredAt, string Outcome, string Handler, string? Notes, DateTimeOffset RecordedAt);

/// <param name="Closed">The item was returned to the assigning office: no contact is recorded for it any more.</param>
public sealed record ContactTaskView(
    Guid ProposalId,
    string UnitCode,
    DateTimeOffset OpenedAt,
    bool Completed,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<ContactView> Contacts,
    bool Closed,
    DateTimeOffset? ClosedAt,
    string? ClosedReason)
{
    public static ContactTaskView From(ContactTaskRecord task, IReadOnlyList<ContactRecord> contacts) => new(
        task.ProposalId,
        task.UnitCode,
        task.OpenedAt,
        task.CompletedAt is not null,
        task.CompletedAt,
        contacts.Select(c => new ContactView(
            c.Id, ((ContactChannel)c.Channel).ToString(), c.OccurredAt, ((ContactOutcome)c.Outcome).ToString(), c.Handler, c.Notes, c.RecordedAt)).ToList(),
        task.ClosedAt is not null,
        task.ClosedAt,
        task.ClosedReason);
}
