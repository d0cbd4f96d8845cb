using System.ComponentModel.DataAnnotations;
using ProposalPlatform.Infrastructure.Retention;

namespace ProposalPlatform.UnitTests.Hosting;

public class Choosing_how_long_messages_are_kept
{
    private static List<ValidationResult> Validate(RetentionOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Keeps_sent_rows_a_week_and_applied_ids_a_month_by_default()
    {
        var options = new RetentionOptions();

        Assert.Empty(Validate(options));
        Assert.Equal((TimeSpan.FromDays(7), TimeSpan.FromDays(30)), (options.SentOutboxAge, options.InboxAge));
    }

    [Fact]
    public void Refuses_to_forget_applied_ids_within_a_day()
    {
        var results = Validate(new RetentionOptions { InboxAge = TimeSpan.FromHours(6) });

        Assert.Contains(nameof(RetentionOptions.InboxAge), Assert.Single(results).MemberNames);
    }

    [Fact]
    public void Refuses_a_batch_size_out_of_range()
    {
        Assert.NotEmpty(Validate(new RetentionOptions { BatchSize = 0 }));
    }
}
