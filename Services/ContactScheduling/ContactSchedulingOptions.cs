namespace ProposalPlatform.ContactScheduling;

/// <summary>The <c>ContactScheduling</c> configuration section.</summary>
public sealed class ContactSchedulingOptions
{
    public const string Section = "ContactScheduling";

    /// <summary>Days after assignment (or reopening) without any contact scheduled before <c>ContactMissing</c> is sent.</summary>
    public int ReminderDays { get; set; } = Domain.ContactReminders.DefaultDaysWithoutContact;

    /// <summary>How often the reminder looks for items without a contact.</summary>
    public TimeSpan ReminderScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many reminders one transaction sends at most.</summary>
    public int ReminderScanBatchSize { get; set; } = 500;
}
