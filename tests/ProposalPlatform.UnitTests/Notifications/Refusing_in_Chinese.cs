using Microsoft.AspNetCore.Http.HttpResults;
using ProposalPlatform.Contracts.Identity;
using ProposalPlatform.Identity.Domain;
using ProposalPlatform.Infrastructure.Authorization;
using ProposalPlatform.Notifications.Apis;
using ProposalPlatform.Portal.Clients;

namespace ProposalPlatform.UnitTests.Notifications;

/// <summary>The notifications list's refusals and the e-mail address's reach the portal in Chinese, each under its field.</summary>
public class Refusing_in_Chinese
{
    [Fact]
    public async Task Every_refusal_of_the_notifications_list_is_Chinese()
    {
        var office = new Caller("o1", "钱七", "HQ-OFFICE", new HashSet<string> { PlatformRoles.ProposalOffice });
        var handler = new Caller("h1", "赵六", "HQ-FTZ", new HashSet<string> { PlatformRoles.UnitHandler });

        var bad = await NotificationsApi.ListNotifications(office, null!, CancellationToken.None, unit: null, page: 0, pageSize: 201);
        var hidden = await NotificationsApi.ListNotifications(handler, null!, CancellationToken.None, unit: "HQ-PORTS");

        var problem = Assert.IsType<ValidationProblem>(bad.Result).ProblemDetails;
        Assert.Equal(["page", "pageSize", "unit"], problem.Errors.Keys.Order(StringComparer.Ordinal));
        var notFound = Assert.IsType<ProblemHttpResult>(hidden.Result).ProblemDetails;
        Assert.Equal(404, notFound.Status);
        AssertChinese([problem.Title!, .. problem.Errors.Values.SelectMany(m => m), notFound.Title!, notFound.Detail!]);
    }

    [Fact]
    public void A_bad_e_mail_address_is_told_in_Chinese()
    {
        AssertChinese([FieldRules.CheckEmail("li.ming")!, FieldRules.CheckEmail(new string('a', 250) + "@customs.gov.cn")!, "The e-mail address is not valid."]);
    }

    private static void AssertChinese(IEnumerable<string> messages) =>
        Assert.All(messages, message => Assert.DoesNotMatch("[A-Za-z]", ChineseMessages.ToChinese(message)));
}
